import CustomerValueSquads
import Testing

/// Compiles only if every public type of the library is `Sendable`.
private func requireSendable<T: Sendable>(_: T.Type) {}

@Suite("Concurrency")
struct SendableTests {
    @Test("every public type is Sendable")
    func publicTypesAreSendable() {
        requireSendable(Identifier<Department>.self)
        requireSendable(OrganizationError.self)
        requireSendable(OrganizationError.Code.self)
        requireSendable(Skill.self)
        requireSendable(Proficiency.self)
        requireSendable(Role.self)
        requireSendable(TimeShare.self)
        requireSendable(Cadence.self)
        requireSendable(DataAsset.self)
        requireSendable(DataAsset.Kind.self)
        requireSendable(Department.self)
        requireSendable(Specialist.self)
        requireSendable(Mission.self)
        requireSendable(ValueArea.self)
        requireSendable(Accountability.self)
        requireSendable(Outcome.self)
        requireSendable(Outcome.Direction.self)
        requireSendable(Membership.self)
        requireSendable(DecisionRight.self)
        requireSendable(DecisionRight.Limit.self)
        requireSendable(DataAccessGrant.self)
        requireSendable(CustomerValueSquad.self)
        requireSendable(CustomerValueSquad.Stage.self)
        requireSendable(Organization.self)
    }
}
