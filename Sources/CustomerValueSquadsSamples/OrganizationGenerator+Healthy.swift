import CustomerValueSquads

extension OrganizationGenerator {
    /// The organisation with squads formed as the domain asks (see ``healthy``), and a few realistic slips: every
    /// 25th squad needs a skill none of its members has, every 40th has one member booked over 80 %.
    func healthyOrganization(
        departments: [Department], specialists: [Specialist], assetIDs: [DataAsset.ID],
        random: inout SeededRandomNumberGenerator
    ) -> Organization {
        let count = specialists.count
        var booked = [Int](repeating: 0, count: count)
        let analysts = specialists.indices.filter { specialists[$0].skills[.analytics] != nil }
        let departmentOf = specialists.map(\.department)
        var squads: [CustomerValueSquad] = []
        let stages: [CustomerValueSquad.Stage] = [.piloting, .operating, .operating, .replicating]
        for index in 0..<shape.squads {
            let stretched = index % 40 == 39
            let size = Int.random(
                in: max(6, shape.squadSize.lowerBound)...max(6, min(10, shape.squadSize.upperBound)),
                using: &random)
            var memberships: [Specialist.ID: Membership] = [:]
            var members: [Int] = []
            var homes: Set<Department.ID> = []
            func take(_ candidate: Int, limit: Int) -> Bool {
                let percent = [10, 20, 25, 30][Int.random(in: 0..<4, using: &random)]
                let id = Self.specialistID(candidate)
                guard booked[candidate] + percent <= limit, memberships[id] == nil else { return false }
                booked[candidate] += percent
                memberships[id] = Membership(
                    role: Role(members.isEmpty ? "squad lead" : "role-\(memberships.count % 5)"),
                    share: TimeShare(trusted: percent))
                members.append(candidate)
                homes.insert(departmentOf[candidate])
                return true
            }
            // An analyst first, then people from new departments until there are three, then anyone.
            for _ in 0..<40 where !analysts.isEmpty {
                if take(analysts[Int.random(in: 0..<analysts.count, using: &random)], limit: 80) { break }
            }
            var attempts = 0
            while memberships.count < size && attempts < size * 40 {
                attempts += 1
                let candidate = Int.random(in: 0..<count, using: &random)
                if homes.count < 3 && homes.contains(departmentOf[candidate]) { continue }
                _ = take(candidate, limit: 80)
            }
            if stretched, let first = members.first, booked[first] <= 80 {
                // One member gives this squad more than the rest of their week allows.
                let id = Self.specialistID(first)
                let extra = min(100 - booked[first], 90 - booked[first] + (memberships[id]?.share.percent ?? 0))
                if let share = memberships[id]?.share.percent, extra > share {
                    booked[first] += extra - share
                    memberships[id]?.share = TimeShare(trusted: extra)
                }
            }
            var requiredSkills: Set<Skill> = []
            for member in members.prefix(3) {
                if let skill = specialists[member].skills.keys.min() { requiredSkills.insert(skill) }
            }
            if index % 25 == 24 { requiredSkills.insert(Skill("skill-\(shape.skills + 1)")) }
            var requiredData: Set<DataAsset.ID> = []
            var grants: [DataAsset.ID: DataAccessGrant] = [:]
            if !assetIDs.isEmpty {
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    let asset = assetIDs[Int.random(in: 0..<assetIDs.count, using: &random)]
                    requiredData.insert(asset)
                    grants[asset] = DataAccessGrant(
                        approvedBy: members.first.map(Self.specialistID), reason: "the mission needs it")
                }
            }
            var rights: [DecisionRight.ID: DecisionRight] = [
                "offers": DecisionRight(scope: "choose the offers for the segment")
            ]
            if index % 2 == 0 {
                rights["discounts"] = DecisionRight(
                    scope: "grant discounts", limit: .init(amount: Double(1 + index % 20) * 500, unit: "USD"))
            }
            let baseline = Double(Int.random(in: 0...50, using: &random))
            let target = baseline + Double(Int.random(in: 10...50, using: &random))
            let outcomes = (0..<(1 + index % 2)).map { number in
                Outcome(
                    id: Outcome.ID(trusted: "outcome-\(number)"), metric: "Metric \(number)", unit: "%",
                    baseline: baseline, target: target,
                    current: baseline + (target - baseline) * Double(Int.random(in: 3...10, using: &random)) / 10)
            }
            squads.append(
                CustomerValueSquad(
                    id: Self.squadID(index),
                    name: "Squad \(index)",
                    mission: Mission(
                        statement: "Serve customer segment \(index)",
                        valueArea: index % 2 == 0 ? .geography("region-\(index % 40)") : .account("account-\(index)"),
                        customer: "segment \(index)",
                        requiredSkills: requiredSkills,
                        requiredData: requiredData,
                        goalContribution: "grows segment \(index)"
                    ),
                    memberships: memberships,
                    decisionRights: rights,
                    grants: grants,
                    accountability: Accountability(
                        outcomes: outcomes, owner: members.first.map(Self.specialistID), reviewCadence: .biweekly,
                        toleratedSmallFailures: 2),
                    cycleLength: Cadence(trusted: [7, 10, 14][index % 3]),
                    stage: stages[index % stages.count]
                )
            )
        }
        return trusted { () throws(OrganizationError) in
            try Organization(
                name: "Generated organisation \(seed)", goal: "Grow every customer segment",
                departments: departments, specialists: specialists, squads: squads)
        }
    }
}
