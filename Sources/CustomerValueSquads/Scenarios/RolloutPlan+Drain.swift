/// How much of each silo a rollout pulls into squads, batch after batch, and whom each silo must hire back to
/// keep a floor of its capacity at home.
///
/// Made by ``RolloutPlan/drainLedger(in:floors:)``.
public struct DrainLedger: Sendable, Hashable, Codable {
    /// One silo after one step of the rollout.
    public struct Silo: Sendable, Hashable, Codable {
        /// The department.
        public var department: Department.ID
        /// How many specialists have it as their home department.
        public var headcount: Int
        /// The full-time equivalents squads take from it so far (100 % of a specialist's time = 1).
        public var ftePulled: Double
        /// The full-time equivalents left at home.
        public var fteAtHome: Double
        /// The share of its capacity left at home, from 0 to 1 (1 for a department without staff).
        public var shareRetained: Double
        /// The share of its capacity that must stay home, if one was given.
        public var floor: Double?
        /// The full-time equivalents to hire so that the floor is kept: 0 when it is.
        public var backfill: Double
    }

    /// The silos after one step: the squads outside the plan, the pilot, or one more batch.
    public struct Step: Sendable, Hashable, Codable {
        /// What the step adds: `"before the rollout"`, `"pilot"`, or the batch's name.
        public var name: String
        /// The squads the step adds, sorted.
        public var squads: [CustomerValueSquad.ID]
        /// Every department, sorted by identifier, with what has been pulled from it up to this step.
        public var silos: [Silo]

        /// The silos that need hiring back after this step, sorted by department.
        public var silosBelowFloor: [Silo] { silos.filter { $0.backfill > 0 } }
    }

    /// The steps, in order: before the rollout, the pilot, then each batch.
    public var steps: [Step]
}

extension RolloutPlan {
    /// How much of each silo the plan pulls into squads after the pilot and after each batch, and what each
    /// silo must hire back to keep its floor.
    ///
    /// The squads are read from `organization` — typically the projection of a ``Scenario`` in which the
    /// replicas are formed; a replica it does not have pulls nothing yet. Squads outside the plan pull from the
    /// start; dissolved squads pull nothing.
    ///
    /// - Parameters:
    ///   - organization: The organisation whose squads are counted.
    ///   - floors: For each department that has one, the share of its capacity (0 to 1) that must stay home.
    /// - Returns: The ledger, step by step.
    /// - Complexity: O(*b* · *d* + *m*), where *b* is the number of batches, *d* the number of departments and
    ///   *m* the total size of the squads.
    public func drainLedger(in organization: Organization, floors: [Department.ID: Double] = [:]) -> DrainLedger {
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
                let headcount = organization.staff(of: department.id).count
                let pulled = Double(pulledPercent[department.id] ?? 0) / 100
                let atHome = Double(headcount) - pulled
                let floor = floors[department.id]
                let needed = (floor ?? 0) * Double(headcount)
                return DrainLedger.Silo(
                    department: department.id,
                    headcount: headcount,
                    ftePulled: pulled,
                    fteAtHome: atHome,
                    shareRetained: headcount == 0 ? 1 : atHome / Double(headcount),
                    floor: floor,
                    // To a ten-thousandth of an FTE, so that a floor met exactly is not missed by a rounding error.
                    backfill: (max(0, needed - atHome) * 10_000).rounded() / 10_000
                )
            }
            steps.append(DrainLedger.Step(name: name, squads: squads.sorted(), silos: silos))
        }
        return DrainLedger(steps: steps)
    }
}
