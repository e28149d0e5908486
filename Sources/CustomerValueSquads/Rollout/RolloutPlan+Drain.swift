/// How much of each silo a rollout pulls into squads, batch after batch, and whom each silo must hire back to
/// keep a floor of its capacity at home.
///
/// Made by ``RolloutPlan/drainLedger(in:floors:)``.
public struct DrainLedger: Sendable, Hashable, Codable {
    /// The silos after one step: the squads outside the plan, the pilot, or one more batch.
    public struct Step: Sendable, Hashable, Codable {
        /// What the step adds: `"before the rollout"`, `"pilot"`, or the batch's name.
        public var name: String
        /// The squads the step adds, sorted.
        public var squads: [CustomerValueSquad.ID]
        /// Every department, sorted by identifier, with what has been pulled from it up to this step.
        public var silos: [SiloCapacity]

        /// The silos that need hiring back after this step, sorted by department.
        public var silosBelowFloor: [SiloCapacity] { silos.filter { $0.backfill > 0 } }
    }

    /// The steps, in order: before the rollout, the pilot, then each batch.
    public var steps: [Step]
}

extension RolloutPlan {
    /// Checks floors given for departments: each department exists, each floor is a share from 0 to 1.
    static func checkFloors(_ floors: [Department.ID: Double], in organization: Organization) throws(OrganizationError)
    {
        for (department, floor) in floors.sorted(by: { $0.key < $1.key }) {
            guard organization.department(department) != nil else {
                throw OrganizationError(
                    code: .unknownReference,
                    message: "a floor is given for department \(department), which the organisation does not have")
            }
            guard floor.isFinite, (0...1).contains(floor) else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "the floor of department \(department) must be a share from 0 to 1, not \(floor)")
            }
        }
    }

    /// How much of each silo the plan pulls into squads after the pilot and after each batch, and what each
    /// silo must hire back to keep its floor.
    ///
    /// The squads are read from `organization` — typically the projection of a ``Scenario`` in which the
    /// replicas are formed; a replica it does not have pulls nothing yet. Squads outside the plan pull from the
    /// start; dissolved squads pull nothing.
    ///
    /// - Parameters:
    ///   - organization: The organisation whose squads are counted.
    ///   - floors: For departments whose floor should differ from their own ``Department/capacityFloor``, the
    ///     share of their capacity (0 to 1) that must stay home; none by default.
    /// - Returns: The ledger, step by step.
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a floor that is not a share from 0 to 1 (NaN
    ///   included), and ``OrganizationError/Code/unknownReference`` for a floor of a department the organisation
    ///   does not have; the message names the department.
    /// - Complexity: O(*b* · *d* + *m*), where *b* is the number of batches, *d* the number of departments and
    ///   *m* the total size of the squads.
    public func drainLedger(in organization: Organization, floors: [Department.ID: Double] = [:])
        throws(OrganizationError) -> DrainLedger
    {
        try Self.checkFloors(floors, in: organization)
        let planned = Set([pilot] + batches.flatMap(\.replicas))
        let outside = organization.squads.filter { !planned.contains($0.id) }.map(\.id)
        let stepsInOrder: [(String, [CustomerValueSquad.ID])] =
            [("before the rollout", outside), ("pilot", [pilot])] + batches.map { ($0.name, $0.replicas) }
        var pulledPercent: [Department.ID: Int] = [:]
        var steps: [DrainLedger.Step] = []
        for (name, squads) in stepsInOrder {
            for id in squads {
                guard let squad = organization.squad(id), squad.stage != .dissolved else { continue }
                for (member, membership) in squad.memberships {
                    if let home = organization.specialist(member)?.department {
                        pulledPercent[home, default: 0] += membership.share.percent
                    }
                }
            }
            let silos = organization.departments.map { department in
                SiloCapacity(
                    department: department.id,
                    headcount: organization.staff(of: department.id).count,
                    pulledPercent: pulledPercent[department.id] ?? 0,
                    floor: floors[department.id] ?? department.capacityFloor)
            }
            steps.append(DrainLedger.Step(name: name, squads: squads.sorted(), silos: silos))
        }
        return DrainLedger(steps: steps)
    }
}
