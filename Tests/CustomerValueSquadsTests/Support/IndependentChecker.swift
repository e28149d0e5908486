import CustomerValueSquads

/// Checks every invariant of an organisation from the outside, through the public API only, without the
/// library's own checking code. Returns what is broken; empty when all holds.
enum IndependentChecker {
    static func problems(in organization: Organization) -> [String] {
        var problems: [String] = []
        let departments = organization.departments
        let specialists = organization.specialists
        let squads = organization.squads
        let departmentIDs = Set(departments.map(\.id))
        let specialistByID = Dictionary(specialists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if departmentIDs.count != departments.count { problems.append("duplicate department ids") }
        if specialistByID.count != specialists.count { problems.append("duplicate specialist ids") }
        if Set(squads.map(\.id)).count != squads.count { problems.append("duplicate squad ids") }
        func blank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

        var assetHolder: [DataAsset.ID: Department.ID] = [:]
        for department in departments {
            if blank(department.name) { problems.append("blank name of \(department.id)") }
            for asset in department.dataAssets {
                if assetHolder.updateValue(department.id, forKey: asset.id) != nil {
                    problems.append("asset \(asset.id) held twice")
                }
                if blank(asset.name) { problems.append("blank asset name \(asset.id)") }
                if organization.holder(of: asset.id) != department.id { problems.append("holder index of \(asset.id)") }
            }
            if let parent = department.parent, !departmentIDs.contains(parent) {
                problems.append("\(department.id) parent dangles")
            }
            if let head = department.head, specialistByID[head]?.department != department.id {
                problems.append("head \(head) of \(department.id) is not in it")
            }
            // Walk up: the chain must end within as many steps as there are departments.
            var steps = 0
            var current = department.parent
            while let id = current, steps <= departments.count {
                steps += 1
                current = organization.department(id)?.parent
            }
            if steps > departments.count { problems.append("cycle above \(department.id)") }
            let staff = specialists.filter { $0.department == department.id }.map(\.id).sorted()
            if organization.staff(of: department.id) != staff { problems.append("staff index of \(department.id)") }
            let children = departments.filter { $0.parent == department.id }.map(\.id).sorted()
            if organization.subdepartments(of: department.id) != children {
                problems.append("children index of \(department.id)")
            }
        }
        if organization.dataAssetCount != assetHolder.count { problems.append("asset count") }

        var skillHolders: [Skill: [Specialist.ID]] = [:]
        for specialist in specialists {
            if blank(specialist.name) { problems.append("blank name of \(specialist.id)") }
            if !departmentIDs.contains(specialist.department) { problems.append("\(specialist.id) home dangles") }
            for skill in specialist.skills.keys {
                if blank(skill.rawValue) { problems.append("blank skill of \(specialist.id)") }
                skillHolders[skill, default: []].append(specialist.id)
            }
        }
        for (skill, holders) in skillHolders where organization.specialists(withSkill: skill) != holders.sorted() {
            problems.append("skill index of \(skill)")
        }

        var booked: [Specialist.ID: Int] = [:]
        var serving: [Specialist.ID: [CustomerValueSquad.ID]] = [:]
        for squad in squads {
            if blank(squad.name) { problems.append("blank name of \(squad.id)") }
            if squad.stage == .dissolved && !(squad.memberships.isEmpty && squad.grants.isEmpty) {
                problems.append("dissolved \(squad.id) not empty")
            }
            for (member, membership) in squad.memberships {
                if specialistByID[member] == nil { problems.append("member \(member) of \(squad.id) dangles") }
                if blank(membership.role.rawValue) { problems.append("blank role in \(squad.id)") }
                booked[member, default: 0] += membership.share.percent
                serving[member, default: []].append(squad.id)
            }
            for (asset, grant) in squad.grants {
                if assetHolder[asset] == nil { problems.append("grant to \(asset) in \(squad.id) dangles") }
                if let approver = grant.approvedBy, specialistByID[approver] == nil {
                    problems.append("approver \(approver) dangles")
                }
            }
            // A dissolved squad is a record: the data and the owner it names may have gone since.
            let isRecord = squad.stage == .dissolved
            for asset in squad.mission.requiredData where !isRecord && assetHolder[asset] == nil {
                problems.append("need \(asset) of \(squad.id) dangles")
            }
            let accountability = squad.accountability
            if !isRecord, let owner = accountability.owner, specialistByID[owner] == nil {
                problems.append("owner of \(squad.id) dangles")
            }
            if accountability.toleratedSmallFailures < 0 { problems.append("negative tolerance in \(squad.id)") }
            if Set(accountability.outcomes.map(\.id)).count != accountability.outcomes.count {
                problems.append("duplicate outcome in \(squad.id)")
            }
            for outcome in accountability.outcomes {
                let numbers = [outcome.baseline, outcome.target, outcome.current].compactMap { $0 }
                if !numbers.allSatisfy(\.isFinite) || !(outcome.weight.isFinite && outcome.weight > 0) {
                    problems.append("bad number in outcome \(outcome.id) of \(squad.id)")
                }
            }
            for right in squad.decisionRights.values {
                if let limit = right.limit, !(limit.amount.isFinite && limit.amount >= 0) {
                    problems.append("bad limit in \(squad.id)")
                }
            }
            for cycle in squad.cycles where cycle.ended.map({ $0 < cycle.started }) ?? false {
                problems.append("cycle ends before it starts in \(squad.id)")
            }
            for outcome in accountability.outcomes {
                let days = outcome.checkIns.map(\.day)
                if days != days.sorted() || Set(days).count != days.count {
                    problems.append("check-ins of \(outcome.id) in \(squad.id) out of order or twice on a day")
                }
                if let latest = outcome.checkIns.last, outcome.current != latest.value {
                    problems.append("current of \(outcome.id) in \(squad.id) is not its latest check-in")
                }
                for checkIn in outcome.checkIns
                where !checkIn.value.isFinite || !(checkIn.confidence.map { (0...10).contains($0) } ?? true) {
                    problems.append("bad check-in of \(outcome.id) in \(squad.id)")
                }
            }
            if isRecord && !squad.interactions.isEmpty { problems.append("dissolved \(squad.id) has interactions") }
            if Set(squad.interactions.map(\.id)).count != squad.interactions.count {
                problems.append("duplicate interaction in \(squad.id)")
            }
            for interaction in squad.interactions {
                switch interaction.counterpart {
                case .department(let id):
                    if !departmentIDs.contains(id) { problems.append("interaction with \(id) of \(squad.id) dangles") }
                case .squad(let id):
                    let other = squads.first { $0.id == id }
                    if id == squad.id || other == nil || other?.stage == .dissolved {
                        problems.append("interaction with squad \(id) of \(squad.id) is not with a live other squad")
                    }
                }
                if interaction.expectedEnd.map({ $0 <= interaction.start }) ?? false {
                    problems.append("interaction \(interaction.id) of \(squad.id) ends before it starts")
                }
                for asset in interaction.dataNeeded where assetHolder[asset] == nil {
                    problems.append("interaction of \(squad.id) needs \(asset), which dangles")
                }
            }
        }
        for (member, total) in booked where total > 100 { problems.append("\(member) booked \(total)%") }
        for specialist in specialists {
            if organization.bookedPercent(of: specialist.id) != booked[specialist.id, default: 0] {
                problems.append("booking of \(specialist.id)")
            }
            if organization.squads(of: specialist.id) != (serving[specialist.id] ?? []).sorted() {
                problems.append("squad index of \(specialist.id)")
            }
        }
        return problems
    }
}
