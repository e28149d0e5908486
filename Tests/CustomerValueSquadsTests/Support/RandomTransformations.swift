import CustomerValueSquadsTesting

@testable import CustomerValueSquads

/// Draws random transformations — many of them invalid — for property tests.
struct RandomTransformations {
    var random: SeededRandomNumberGenerator

    init(seed: UInt64) { random = SeededRandomNumberGenerator(seed: seed) }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }

    mutating func pick<T>(_ values: [T]) -> T? { values.isEmpty ? nil : values[int(0..<values.count)] }

    mutating func specialistID(in organization: Organization) -> Specialist.ID {
        if chance(8) { return .init(stringLiteral: "ghost-\(int(0..<3))") }
        return pick(organization.specialistsByID.keys.sorted()) ?? "nobody"
    }

    mutating func departmentID(in organization: Organization) -> Department.ID {
        if chance(8) { return .init(stringLiteral: "nowhere-\(int(0..<3))") }
        return pick(organization.departmentsByID.keys.sorted()) ?? "nowhere"
    }

    mutating func squadID(in organization: Organization) -> CustomerValueSquad.ID {
        if chance(8) { return .init(stringLiteral: "no-squad-\(int(0..<3))") }
        return pick(organization.squadsByID.keys.sorted()) ?? "no-squad"
    }

    mutating func assetID(in organization: Organization) -> DataAsset.ID {
        if chance(8) { return .init(stringLiteral: "no-data-\(int(0..<3))") }
        return pick(organization.holderOfAsset.keys.sorted()) ?? "no-data"
    }

    mutating func share() -> TimeShare {
        TimeShare(integerLiteral: [10, 20, 30, 50, 70, 100][int(0..<6)])
    }

    mutating func day() -> Day? {
        chance(30) ? nil : Day(stringLiteral: "2026-\(int(10..<13))-\(int(10..<29))")
    }

    /// A random transformation and its name; the counter makes new identifiers unique.
    mutating func next(for organization: Organization, counter: Int) -> (String, (inout Organization) throws -> Void) {
        let specialist = specialistID(in: organization)
        let department = departmentID(in: organization)
        let otherDepartment = departmentID(in: organization)
        let squad = squadID(in: organization)
        let asset = assetID(in: organization)
        let share = share()
        let day = day()
        let manager = specialistID(in: organization)
        switch int(0..<30) {
        case 0:
            let parent: Department.ID? = chance(70) ? department : nil
            return (
                "addDepartment",
                {
                    try $0.addDepartment(
                        Department(id: .init(stringLiteral: "new-d-\(counter)"), name: "New \(counter)", parent: parent)
                    )
                }
            )
        case 1: return ("removeDepartment \(department)", { try $0.removeDepartment(department) })
        case 2:
            return (
                "moveDepartment \(department) under \(otherDepartment)",
                { try $0.moveDepartment(department, under: otherDepartment) }
            )
        case 3:
            return ("appointHead \(specialist) of \(department)", { try $0.appointHead(specialist, of: department) })
        case 4:
            let skills: [Skill: Proficiency] = [Skill("skill-\(counter % 7)"): .competent]
            return (
                "hire into \(department)",
                {
                    try $0.hire(
                        Specialist(
                            id: .init(stringLiteral: "new-s-\(counter)"), name: "New \(counter)",
                            department: department, manager: counter % 2 == 0 ? specialist : nil,
                            skills: skills))
                }
            )
        case 5: return ("transfer \(specialist) to \(department)", { try $0.transfer(specialist, to: department) })
        case 6: return ("offboard \(specialist)", { try $0.offboard(specialist) })
        case 25:
            let chosen: Specialist.ID? = chance(20) ? nil : manager
            return (
                "setManager \(String(describing: chosen)) for \(specialist)",
                { try $0.setManager(chosen, for: specialist) }
            )
        case 7:
            let level = pick(Proficiency.allCases)
            let skill = chance(10) ? Skill("") : Skill("skill-\(counter % 5)")
            return ("setSkill of \(specialist)", { try $0.setSkill(skill, to: level, for: specialist) })
        case 8:
            return (
                "addDataAsset to \(department)",
                {
                    try $0.addDataAsset(
                        DataAsset(id: .init(stringLiteral: "new-a-\(counter)"), name: "Data \(counter)"), to: department
                    )
                }
            )
        case 9: return ("removeDataAsset \(asset)", { try $0.removeDataAsset(asset) })
        case 10:
            let members: [Specialist.ID: Membership] = [
                specialist: Membership(role: "founder", share: share, since: day)
            ]
            let needs: Set<DataAsset.ID> = chance(50) ? [asset] : []
            return (
                "formSquad with \(specialist)",
                {
                    try $0.formSquad(
                        CustomerValueSquad(
                            id: .init(stringLiteral: "new-q-\(counter)"), name: "Squad \(counter)",
                            mission: Mission(statement: "Serve", requiredData: needs), memberships: members))
                }
            )
        case 11, 12:
            return (
                "assign \(specialist) to \(squad) at \(share)",
                { try $0.assign(specialist, to: squad, role: "member", share: share, since: day) }
            )
        case 13:
            return (
                "release \(specialist) from \(squad)",
                { try $0.release(specialist, from: squad, on: day, reason: "rotation") }
            )
        case 14:
            return (
                "delegate to \(squad)",
                {
                    try $0.delegate(
                        DecisionRight(scope: "decide \(counter)"), as: .init(stringLiteral: "right-\(counter % 3)"),
                        to: squad)
                }
            )
        case 15:
            return (
                "revokeDecisionRight from \(squad)",
                { try $0.revokeDecisionRight(.init(stringLiteral: "right-\(counter % 3)"), from: squad) }
            )
        case 16:
            return (
                "grantAccess to \(asset) for \(squad)",
                { try $0.grantAccess(to: asset, for: squad, DataAccessGrant(approvedBy: specialist, reason: "needed")) }
            )
        case 17: return ("revokeAccess to \(asset) from \(squad)", { try $0.revokeAccess(to: asset, from: squad) })
        case 18:
            let stage = pick(CustomerValueSquad.Stage.allCases) ?? .operating
            return ("advance \(squad) to \(stage)", { try $0.advance(squad, to: stage) })
        case 19: return ("dissolve \(squad)", { try $0.dissolve(squad, on: day) })
        case 20:
            let value = chance(10) ? Double.nan : Double(int(0..<100))
            return ("recordOutcome in \(squad)", { try $0.recordOutcome(value, for: "outcome-0", of: squad) })
        case 21:
            let checkIn = Outcome.CheckIn(
                day: day ?? "2026-11-01", value: chance(10) ? .infinity : Double(int(0..<100)),
                confidence: chance(20) ? 11 : int(0..<11))
            return ("checkIn in \(squad)", { try $0.checkIn(checkIn, for: "outcome-0", of: squad) })
        case 22:
            let counterpart: Interaction.Counterpart =
                chance(50) ? .department(department) : .squad(squadID(in: organization))
            let interaction = Interaction(
                id: .init(stringLiteral: "i-\(int(0..<4))"), with: counterpart,
                mode: pick(Interaction.Mode.allCases) ?? .collaboration, purpose: chance(10) ? " " : "work together",
                start: "2026-10-15", expectedEnd: day, isBlocking: chance(50), dataNeeded: chance(50) ? [asset] : [])
            return ("setInteraction \(counterpart) of \(squad)", { try $0.setInteraction(interaction, of: squad) })
        case 23:
            let id = Interaction.ID(stringLiteral: "i-\(int(0..<4))")
            return ("removeInteraction \(id) of \(squad)", { try $0.removeInteraction(id, of: squad) })
        case 26, 27:
            var seat = Seat(
                id: .init(stringLiteral: "seat-\(int(0..<3))"), role: chance(10) ? " " : "seat role",
                skills: [Skill("skill-\(counter % 5)"): .competent], share: share, neededFrom: day ?? "2026-11-01")
            seat.department = chance(60) ? department : nil
            seat.costPerFTE = chance(10) ? .nan : chance(50) ? Double(int(0..<100_000)) : nil
            let change = chance(40)
            return (
                "\(change ? "changeSeat" : "openSeat") \(seat.id) in \(squad)",
                { change ? try $0.changeSeat(seat, in: squad) : try $0.openSeat(seat, in: squad) }
            )
        case 28:
            let seat = Seat.ID(stringLiteral: "seat-\(int(0..<3))")
            return ("closeSeat \(seat) in \(squad)", { try $0.closeSeat(seat, in: squad) })
        case 29:
            let seat = Seat.ID(stringLiteral: "seat-\(int(0..<3))")
            return (
                "fillSeat \(seat) in \(squad) with \(specialist)",
                { try $0.fillSeat(seat, in: squad, with: specialist, since: day) }
            )
        default:
            let cycle = BreakFixCycle(
                started: "2026-10-01", ended: day, tried: chance(10) ? "" : "try \(counter)",
                result: pick(BreakFixCycle.Result.allCases) ?? .worked)
            return ("recordCycle in \(squad)", { try $0.recordCycle(cycle, for: squad) })
        }
    }
}
