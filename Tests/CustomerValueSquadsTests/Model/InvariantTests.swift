import CustomerValueSquadsTesting
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// One transformation that must be refused, with the code it must be refused with.
struct RefusedChange: Sendable, CustomStringConvertible {
    let description: String
    let code: OrganizationError.Code
    var setup: @Sendable (inout Organization) throws -> Void = { _ in }
    let change: @Sendable (inout Organization) throws -> Void

    init(
        _ description: String,
        _ code: OrganizationError.Code,
        setup: @escaping @Sendable (inout Organization) throws -> Void = { _ in },
        change: @escaping @Sendable (inout Organization) throws -> Void
    ) {
        self.description = description
        self.code = code
        self.setup = setup
        self.change = change
    }
}

private func squad(
    _ id: CustomerValueSquad.ID,
    stage: CustomerValueSquad.Stage = .forming,
    members: [Specialist.ID: Membership] = [:]
) -> CustomerValueSquad {
    CustomerValueSquad(
        id: id, name: "Squad \(id)", mission: Mission(statement: "Serve"), memberships: members, stage: stage)
}

private let refusedChanges: [RefusedChange] = [
    // duplicateID
    .init("a second department with a taken id", .duplicateID) {
        try $0.addDepartment(Department(id: OR.surgery, name: "Again"))
    },
    .init("a second specialist with a taken id", .duplicateID) {
        try $0.hire(Specialist(id: OR.surgeon, name: "Twin", department: OR.surgery))
    },
    .init("a second squad with a taken id", .duplicateID) { try $0.formSquad(squad(OR.squad)) },
    .init("a data asset id held by another department", .duplicateID) {
        try $0.addDataAsset(DataAsset(id: OR.patientRecords, name: "Copy"), to: OR.quality)
    },
    .init("a department repeating one asset id", .duplicateID) {
        try $0.addDepartment(
            Department(
                id: "pharmacy",
                name: "Pharmacy",
                dataAssets: [DataAsset(id: "stock", name: "Stock"), DataAsset(id: "stock", name: "Stock again")]
            )
        )
    },
    .init("assigning a member twice", .duplicateID) {
        try $0.assign(OR.surgeon, to: OR.squad, role: "again", share: 10)
    },
    .init("delegating a right the squad holds", .duplicateID) {
        try $0.delegate(DecisionRight(scope: "again"), as: "change-plan", to: OR.squad)
    },
    .init("granting access the squad holds", .duplicateID) { try $0.grantAccess(to: OR.patientRecords, for: OR.squad) },
    .init("an accountability repeating an outcome", .duplicateID) {
        try $0.setAccountability(
            Accountability(outcomes: [Outcome(id: "x", metric: "X"), Outcome(id: "x", metric: "X again")]),
            of: OR.squad
        )
    },
    // unknownReference
    .init("a department under a missing parent", .unknownReference) {
        try $0.addDepartment(Department(id: "pharmacy", name: "Pharmacy", parent: "nowhere"))
    },
    .init("a specialist in a missing department", .unknownReference) {
        try $0.hire(Specialist(id: "ghost", name: "Ghost", department: "nowhere"))
    },
    .init("assigning a missing specialist", .unknownReference) {
        try $0.assign("ghost", to: OR.squad, role: "x", share: 10)
    },
    .init("assigning to a missing squad", .unknownReference) {
        try $0.assign(OR.surgeon, to: "nowhere", role: "x", share: 10)
    },
    .init("releasing a non-member", .unknownReference) { try $0.release("dr-wati", from: OR.squad) },
    .init("revoking a grant the squad does not hold", .unknownReference) {
        try $0.revokeAccess(to: "ghost-data", from: OR.squad)
    },
    .init("revoking a right the squad does not hold", .unknownReference) {
        try $0.revokeDecisionRight("veto", from: OR.squad)
    },
    .init("a mission needing missing data", .unknownReference) {
        try $0.setMission(Mission(statement: "x", requiredData: ["ghost-data"]), of: OR.squad)
    },
    .init("an accountability owned by a missing specialist", .unknownReference) {
        try $0.setAccountability(Accountability(owner: "ghost"), of: OR.squad)
    },
    .init("recording a missing outcome", .unknownReference) { try $0.recordOutcome(1, for: "ghost", of: OR.squad) },
    .init("removing a missing department", .unknownReference) { try $0.removeDepartment("nowhere") },
    .init("removing a missing data asset", .unknownReference) { try $0.removeDataAsset("ghost-data") },
    .init("offboarding a missing specialist", .unknownReference) { try $0.offboard("ghost") },
    .init("appointing a missing head", .unknownReference) { try $0.appointHead("ghost", of: OR.nursing) },
    .init("granting access to missing data", .unknownReference) { try $0.grantAccess(to: "ghost-data", for: OR.squad) },
    .init(
        "a grant approved by a missing specialist",
        .unknownReference,
        setup: { try $0.revokeAccess(to: OR.patientRecords, from: OR.squad) },
        change: { try $0.grantAccess(to: OR.patientRecords, for: OR.squad, DataAccessGrant(approvedBy: "ghost")) }
    ),
    .init("a squad with a missing member", .unknownReference) {
        try $0.formSquad(squad("new", members: ["ghost": Membership(role: "x", share: 10)]))
    },
    .init("a manager who is not a specialist", .unknownReference) { try $0.setManager("ghost", for: OR.surgeon) },
    .init("a manager for a missing specialist", .unknownReference) { try $0.setManager(OR.surgeon, for: "ghost") },
    .init("hiring under a missing manager", .unknownReference) {
        try $0.hire(Specialist(id: "new", name: "New", department: OR.surgery, manager: "ghost"))
    },
    .init("transferring to a missing department", .unknownReference) { try $0.transfer("n-dewi", to: "nowhere") },
    // headOutsideDepartment
    .init("a head from another department", .headOutsideDepartment) { try $0.appointHead(OR.surgeon, of: OR.nursing) },
    .init("a new department naming a head", .headOutsideDepartment) {
        try $0.addDepartment(Department(id: "pharmacy", name: "Pharmacy", head: OR.surgeon))
    },
    // overbooked
    .init("a squad booking a member past 100 %", .overbooked) {
        try $0.formSquad(squad("night-shift", members: [OR.surgeon: Membership(role: "surgeon", share: 50)]))
    },
    .init(
        "an assignment booking a member past 100 %", .overbooked, setup: { try $0.formSquad(squad("night-shift")) },
        change: { try $0.assign(OR.surgeon, to: "night-shift", role: "surgeon", share: 41) }
    ),
    // hierarchyCycle
    .init("a department under its own child", .hierarchyCycle) { try $0.moveDepartment(OR.board, under: OR.surgery) },
    .init("a department under itself", .hierarchyCycle) { try $0.moveDepartment(OR.surgery, under: OR.surgery) },
    // reportingCycle
    .init("a specialist as their own manager", .reportingCycle) { try $0.setManager(OR.surgeon, for: OR.surgeon) },
    .init("hiring someone as their own manager", .reportingCycle) {
        try $0.hire(Specialist(id: "loop", name: "Loop", department: OR.surgery, manager: "loop"))
    },
    .init(
        "a manager who reports to the specialist through another", .reportingCycle,
        setup: {
            try $0.setManager("dr-hadi", for: OR.surgeon)
            try $0.setManager(OR.surgeon, for: "dr-wati")
        },
        change: { try $0.setManager("dr-wati", for: "dr-hadi") }
    ),
    // dissolvedSquadNotEmpty
    .init("forming a dissolved squad with members", .dissolvedSquadNotEmpty) {
        try $0.formSquad(squad("old", stage: .dissolved, members: ["dr-wati": Membership(role: "x", share: 10)]))
    },
    .init("moving a staffed squad to dissolved", .dissolvedSquadNotEmpty) { try $0.advance(OR.squad, to: .dissolved) },
    // squadDissolved
    .init(
        "assigning to a dissolved squad", .squadDissolved, setup: { try $0.dissolve(OR.squad) },
        change: { try $0.assign("dr-wati", to: OR.squad, role: "x", share: 10) }
    ),
    .init(
        "dissolving twice", .squadDissolved, setup: { try $0.dissolve(OR.squad) },
        change: { try $0.dissolve(OR.squad) }
    ),
    // stillReferenced
    .init("offboarding a squad member", .stillReferenced) { try $0.offboard("n-dewi") },
    .init("offboarding a department head", .stillReferenced) { try $0.offboard("dr-hadi") },
    .init(
        "offboarding an accountability owner",
        .stillReferenced,
        setup: { try $0.setAccountability(Accountability(owner: "dr-hadi"), of: OR.squad) },
        change: { try $0.offboard("dr-hadi") }
    ),
    .init(
        "offboarding a grant approver",
        .stillReferenced,
        setup: {
            try $0.hire(Specialist(id: "clerk", name: "Clerk", department: OR.nursing))
            try $0.revokeAccess(to: OR.patientRecords, from: OR.squad)
            try $0.grantAccess(to: OR.patientRecords, for: OR.squad, DataAccessGrant(approvedBy: "clerk"))
        },
        change: { try $0.offboard("clerk") }
    ),
    .init("removing a department with staff", .stillReferenced) { try $0.removeDepartment(OR.surgery) },
    .init(
        "removing a department with sub-departments",
        .stillReferenced,
        setup: {
            try $0.addDepartment(Department(id: "wing", name: "Wing"))
            try $0.moveDepartment(OR.board, under: "wing")
        },
        change: { try $0.removeDepartment("wing") }
    ),
    .init(
        "removing a department whose data a squad uses",
        .stillReferenced,
        setup: {
            try $0.addDepartment(
                Department(id: "lab", name: "Lab", dataAssets: [DataAsset(id: "samples", name: "Samples")]))
            try $0.grantAccess(to: "samples", for: OR.squad)
        },
        change: { try $0.removeDepartment("lab") }
    ),
    .init("removing granted data", .stillReferenced) { try $0.removeDataAsset(OR.patientRecords) },
    .init("transferring a department head", .stillReferenced) { try $0.transfer("n-ayu", to: OR.quality) },
    // invalidStageTransition
    .init("moving a squad back to forming", .invalidStageTransition) { try $0.advance(OR.squad, to: .forming) },
    // invalidValue
    .init("a blank department name", .invalidValue) { try $0.addDepartment(Department(id: "blank", name: "  ")) },
    .init("a blank specialist name", .invalidValue) {
        try $0.hire(Specialist(id: "blank", name: "", department: OR.surgery))
    },
    .init("a blank skill", .invalidValue) { try $0.setSkill("", to: .novice, for: OR.surgeon) },
    .init("a blank role", .invalidValue) { try $0.assign("dr-wati", to: OR.squad, role: " ", share: 10) },
    .init("a blank asset name", .invalidValue) { try $0.addDataAsset(DataAsset(id: "x", name: ""), to: OR.quality) },
    .init("a blank squad name", .invalidValue) {
        try $0.formSquad(CustomerValueSquad(id: "blank", name: "", mission: Mission(statement: "x")))
    },
    .init("a recorded value that is not finite", .invalidValue) {
        try $0.recordOutcome(.nan, for: "complications", of: OR.squad)
    },
    .init("an infinite baseline", .invalidValue) {
        try $0.setAccountability(
            Accountability(outcomes: [Outcome(id: "x", metric: "X", baseline: -.infinity)]),
            of: OR.squad
        )
    },
    .init("a weight of zero", .invalidValue) {
        try $0.setAccountability(Accountability(outcomes: [Outcome(id: "x", metric: "X", weight: 0)]), of: OR.squad)
    },
    .init("a negative failure tolerance", .invalidValue) {
        try $0.setAccountability(Accountability(toleratedSmallFailures: -1), of: OR.squad)
    },
    .init("a negative decision limit", .invalidValue) {
        try $0.delegate(DecisionRight(scope: "spend", limit: .init(amount: -5, unit: "USD")), as: "spend", to: OR.squad)
    },
    .init("a blank decision scope", .invalidValue) {
        try $0.delegate(DecisionRight(scope: ""), as: "blank", to: OR.squad)
    },
]

@Suite("Invariants")
struct InvariantTests {
    @Test("a refused change throws its code and leaves the organisation exactly as it was", arguments: refusedChanges)
    func refused(_ change: RefusedChange) throws {
        var organization = Fixtures.operatingRoom
        try change.setup(&organization)
        let before = organization
        do {
            try change.change(&organization)
            Issue.record("\(change) was accepted")
        } catch let error as OrganizationError {
            #expect(error.code == change.code, "\(error)")
            #expect(!error.message.isEmpty)
        }
        #expect(organization == before)
        try organization.checkInvariants()
    }

    @Test("every error code is exercised by the table or by decoding")
    func everyCodeIsCovered() {
        let covered = Set(refusedChanges.map(\.code.rawValue))
        // Thrown by decoding (IdentifierTests, JSONTests), by change logs (ChangeLogTests) and by rollout plans
        // (RolloutTests) rather than by a transformation of the table above.
        let testedElsewhere: Set<String> = [
            "invalidIdentifier", "unsupportedSchemaVersion", "changeConflict", "rolloutOutOfOrder",
            "rolloutCriteriaNotMet", "invalidDocument", "unknownField",
        ]
        let all = Set(OrganizationError.Code.allCases.map(\.rawValue))
        #expect(testedElsewhere.isSubset(of: all))
        #expect(covered.union(testedElsewhere) == all)
    }

    @Test("the bulk initialiser names where the problem lies")
    func bulkInitialiserPaths() {
        let departments = [Department(id: "a", name: "A", parent: "b"), Department(id: "b", name: "B", parent: "a")]
        #expect {
            _ = try Organization(name: "Loop", goal: "", departments: departments, specialists: [], squads: [])
        } throws: { error in
            let error = error as? OrganizationError
            return error?.code == .hierarchyCycle && error?.path == ["departments", "0", "parent"]
        }
        let specialists = [Specialist(id: "x", name: "X", department: "a")]
        let squads = [
            CustomerValueSquad(
                id: "s1", name: "S1", mission: Mission(statement: "m"), memberships: ["x": .init(role: "r", share: 70)]),
            CustomerValueSquad(
                id: "s2", name: "S2", mission: Mission(statement: "m"), memberships: ["x": .init(role: "r", share: 40)]),
        ]
        #expect {
            _ = try Organization(
                name: "Busy",
                goal: "",
                departments: [Department(id: "a", name: "A")],
                specialists: specialists,
                squads: squads
            )
        } throws: { error in
            let error = error as? OrganizationError
            return error?.code == .overbooked && error?.path == ["squads", "1", "memberships", "x", "share"]
                && error?.message.contains("110%") == true
        }
    }

    @Test("a specialist may be booked exactly 100 % across squads")
    func fullBookingIsAllowed() throws {
        var organization = Fixtures.operatingRoom
        try organization.formSquad(squad("night-shift"))
        try organization.assign(OR.surgeon, to: "night-shift", role: "surgeon", share: 40)
        #expect(organization.bookedPercent(of: OR.surgeon) == 100)
        #expect(organization.sparePercent(of: OR.surgeon) == 0)
        try organization.checkInvariants()
    }

    @Test(
        "an organisation loaded in bulk has the indexes that changes build one at a time",
        arguments: [5, 6] as [UInt64])
    func bulkLoadIndexes(_ seed: UInt64) throws {
        // Loading enters the specialists first and builds their staff and skill indexes afterwards, each set at
        // its final size; `checkInvariants` compares every index with one built insertion by insertion.
        let generated = OrganizationGenerator(seed: seed, shape: .init(specialists: 800)).generate()
        let decoded = try Organization(jsonData: try generated.jsonData(prettyPrinted: false))
        #expect(decoded == generated)
        try decoded.checkInvariants()
        let rebuilt = try Organization(
            name: generated.name, goal: generated.goal, departments: generated.departments,
            specialists: generated.specialists, squads: generated.squads)
        try rebuilt.checkInvariants()
        for department in generated.departments {
            #expect(decoded.staff(of: department.id) == generated.staff(of: department.id))
        }
    }
}
