import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private let smallShape = OrganizationGenerator.Shape(specialists: 150, departments: 8, dataAssets: 30, squads: 14)

@Suite("Change log")
struct ChangeLogTests {
    @Test("a recorded change applies, and its inverse gives back the organisation")
    func recordAndInvert() throws {
        typealias OR = Fixtures.OperatingRoom
        var hospital = Fixtures.operatingRoom
        let before = hospital
        let changes = try hospital.record(reason: "night cover", on: "2026-11-22") {
            try $0.release("n-dewi", from: OR.squad, on: "2026-11-22", reason: "night cover")
        }
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.reason == "night cover")
        #expect(change.day == "2026-11-22")
        guard case .updateSquad(let from, let to) = change.action else {
            Issue.record("expected a squad update, got \(change.action.kind)")
            return
        }
        #expect(from == before.squad(OR.squad))
        #expect(to == hospital.squad(OR.squad))
        #expect(try before.applying(change) == hospital)
        #expect(try hospital.applying(change.inverse) == before)
        // Applying it again does not fit: the squad is no longer as the change recorded it.
        #expect {
            try hospital.applying(change)
        } throws: { error in
            (error as? OrganizationError)?.code == .changeConflict
        }
        var failed = hospital
        #expect(throws: OrganizationError.self) { try failed.apply([change.inverse, change.inverse]) }
        #expect(failed == hospital, "a batch is all or nothing")
    }

    @Test("a transformation that throws records nothing and changes nothing")
    func failedRecord() {
        var hospital = Fixtures.operatingRoom
        let before = hospital
        #expect(throws: OrganizationError.self) {
            try hospital.record(reason: "oops") { try $0.offboard("dr-sari") }
        }
        #expect(hospital == before)
    }

    @Test("every change kind round-trips through JSON and inverts")
    func changeKinds() throws {
        let department = Department(id: "d", name: "D")
        let specialist = Specialist(id: "s", name: "S", department: "d")
        let squad = CustomerValueSquad(id: "q", name: "Q", mission: Mission(statement: "m"))
        var renamed = squad
        renamed.name = "Q2"
        let actions: [OrganizationChange.Action] = [
            .rename(from: "A", to: "B"), .setGoal(from: "", to: "grow"), .addDepartment(department),
            .removeDepartment(department), .updateDepartment(from: department, to: Department(id: "d", name: "D2")),
            .addSpecialist(specialist), .removeSpecialist(specialist),
            .updateSpecialist(from: specialist, to: Specialist(id: "s", name: "S2", department: "d")), .addSquad(squad),
            .removeSquad(squad), .updateSquad(from: squad, to: renamed),
        ]
        let log = actions.map { OrganizationChange($0, reason: "because", day: "2026-01-31") }
        let data = try JSONEncoder().encode(log)
        #expect(try JSONDecoder().decode([OrganizationChange].self, from: data) == log)
        #expect(Set(actions.map(\.kind)).count == actions.count)
        #expect(log.allSatisfy { $0.inverse.inverse == $0 })
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(OrganizationChange.self, from: Data(#"{"kind": "teleport"}"#.utf8))
        }
    }

    @Test("random change sequences: each recorded step replays, inverts and round-trips", arguments: 0..<12)
    func randomSequences(_ seed: Int) throws {
        var organization = OrganizationGenerator(seed: UInt64(seed), shape: smallShape).generate()
        let start = organization
        var draws = RandomTransformations(seed: UInt64(1_000 + seed))
        var log: [OrganizationChange] = []
        for step in 0..<60 {
            let before = organization
            let (name, transformation) = draws.next(for: organization, counter: step)
            do {
                let changes = try organization.record(reason: name, on: "2026-11-22") { try transformation(&$0) }
                #expect(try before.applying(changes) == organization, "seed \(seed) step \(step): \(name)")
                #expect(
                    try organization.applying(changes.reversed().map(\.inverse)) == before,
                    "seed \(seed) step \(step): \(name) does not invert"
                )
                log += changes
                #expect(IndependentChecker.problems(in: organization) == [], "seed \(seed) step \(step): \(name)")
            } catch {
                #expect(organization == before, "seed \(seed) step \(step): \(name) changed the value and threw")
            }
        }
        #expect(log.count >= 15, "seed \(seed): most random steps should be refused, but not all")
        #expect(try start.applying(log) == organization, "seed \(seed): the whole log replays")
        #expect(try organization.applying(log.reversed().map(\.inverse)) == start, "seed \(seed): the whole log undoes")
        let decoded = try JSONDecoder().decode([OrganizationChange].self, from: JSONEncoder().encode(log))
        #expect(decoded == log)
    }

    @Test("changes(from:) turns one random organisation into another", arguments: 0..<10)
    func diffBetweenOrganizations(_ seed: Int) throws {
        // Two organisations built from different seeds share identifiers with different contents everywhere.
        let a = OrganizationGenerator(seed: UInt64(seed), shape: smallShape).generate()
        var shape = smallShape
        shape.departments = 6 + seed % 4
        shape.squads = 10 + seed % 7
        shape.dataAssets = 24 + seed
        let b = OrganizationGenerator(seed: UInt64(500 + seed), shape: shape).generate()
        let forward = b.changes(from: a, reason: "reorganisation")
        #expect(try a.applying(forward) == b, "seed \(seed)")
        let backward = a.changes(from: b)
        #expect(try b.applying(backward) == a, "seed \(seed) back")
        #expect(a.changes(from: a).isEmpty)
    }

    @Test("changes(from:) after random transformations names only what changed")
    func diffAfterTransformations() throws {
        for seed in 0..<8 {
            let a = OrganizationGenerator(seed: UInt64(seed), shape: smallShape).generate()
            var b = a
            var draws = RandomTransformations(seed: UInt64(77 + seed))
            for step in 0..<40 {
                let (_, transformation) = draws.next(for: b, counter: step)
                try? transformation(&b)
            }
            let changes = b.changes(from: a)
            #expect(try a.applying(changes) == b, "seed \(seed)")
            #expect(try b.applying(changes.reversed().map(\.inverse)) == a, "seed \(seed)")
        }
    }
}

@Suite("Change log files")
struct ChangeLogFileTests {
    @Test("a change log is written to the same bytes every time and reads back as written")
    func stableBytes() throws {
        var organization = OrganizationGenerator(seed: 21, shape: .init(specialists: 80)).generate()
        let before = organization
        var draws = RandomTransformations(seed: 21)
        for step in 0..<30 {
            let (_, transformation) = draws.next(for: organization, counter: step)
            try? transformation(&organization)
        }
        let log = organization.changes(from: before, reason: "a quarter's work", on: "2026-11-28")
        #expect(!log.isEmpty)
        let first = try OrganizationChange.jsonData(log)
        for _ in 0..<5 { #expect(try OrganizationChange.jsonData(log) == first) }
        #expect(try OrganizationChange.changes(fromJSON: first) == log)
        #expect(try before.applying(OrganizationChange.changes(fromJSON: first)) == organization)
    }
}

@Suite("Minimal change lists")
struct MinimalChangeTests {
    @Test("members joining and leaving a squad make one updateSquad, never a remove and an add", arguments: 0..<20)
    func rotation(_ seed: UInt64) throws {
        let before = OrganizationGenerator(seed: seed, shape: .init(specialists: 120)).generate()
        var after = before
        var random = SeededRandomNumberGenerator(seed: seed)
        var rotated: Set<CustomerValueSquad.ID> = []
        // In a few squads, one member leaves and someone with time to spare joins.
        for squad in after.squads.filter({ $0.stage != .dissolved && $0.size > 1 }).prefix(6) {
            guard let leaving = squad.memberIDs.randomElement(using: &random) else { continue }
            let joining = after.specialists.map(\.id).filter { candidate in
                squad.memberships[candidate] == nil && after.sparePercent(of: candidate) >= 10
            }.randomElement(using: &random)
            guard let joining else { continue }
            try after.release(leaving, from: squad.id)
            try after.assign(joining, to: squad.id, role: "newcomer", share: 10)
            rotated.insert(squad.id)
        }
        #expect(!rotated.isEmpty)
        let changes = after.changes(from: before)
        let updated = changes.compactMap { change -> CustomerValueSquad.ID? in
            if case .updateSquad(_, let to) = change.action { return to.id }
            return nil
        }
        #expect(
            !changes.contains { change in
                switch change.action {
                case .removeSquad, .addSquad: true
                default: false
                }
            })
        #expect(updated.sorted() == rotated.sorted(), "one update per squad that changed")
        #expect(try before.applying(changes) == after)
        #expect(try after.applying(changes.reversed().map(\.inverse)) == before)
    }

    @Test("a member moving between two squads that both change still applies, in both directions")
    func swaps() throws {
        var before = try Organization(name: "Swap")
        try before.addDepartment(Department(id: "d", name: "D"))
        for id in ["a", "b", "c", "x"] as [Specialist.ID] {
            try before.hire(Specialist(id: id, name: id.rawValue, department: "d"))
        }
        try before.formSquad(
            CustomerValueSquad(
                id: "one", name: "One", mission: Mission(statement: "m"),
                memberships: ["x": Membership(role: "r", share: 100), "a": Membership(role: "r", share: 50)]))
        try before.formSquad(
            CustomerValueSquad(
                id: "two", name: "Two", mission: Mission(statement: "m"),
                memberships: ["b": Membership(role: "r", share: 50)]))
        // x moves from one to two at full time, while each squad also gains someone: both change both ways.
        var after = before
        try after.release("x", from: "one")
        try after.assign("c", to: "one", role: "r", share: 50)
        try after.release("b", from: "two")
        try after.assign("x", to: "two", role: "r", share: 100)
        let changes = after.changes(from: before)
        #expect(try before.applying(changes) == after)
        #expect(try after.applying(changes.reversed().map(\.inverse)) == before)
        #expect(after.changes(from: after).isEmpty)
    }
}
