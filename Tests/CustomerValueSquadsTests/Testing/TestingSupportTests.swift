import CustomerValueSquadsTesting
import Testing

@testable import CustomerValueSquads

@Suite("Testing support")
struct TestingSupportTests {
    @Test("the regional rollout is valid, with warnings only for the replica still forming")
    func regionalRollout() throws {
        let chain = Fixtures.regionalRollout
        try chain.checkInvariants()
        let report = chain.validate()
        #expect(report.isValid)
        #expect(Set(report.findings.map(\.subject)) == [.squad(Fixtures.RegionalRollout.secondReplica)])
        #expect(chain.squad(Fixtures.RegionalRollout.pilot)?.stage == .operating)
    }

    @Test("the builders write an organisation and its squads concisely")
    func builders() throws {
        let useAnalyst = true
        let shop = try Organization.build(name: "Kopi Kita", goal: "Regulars come back") {
            Department(
                id: "ops", name: "Operations", head: "ani", dataAssets: [DataAsset(id: "ledger", name: "Ledger")])
            Department(id: "bar", name: "Bar", parent: "ops")
            Specialist(id: "ani", name: "Ani", department: "ops", skills: [.analytics: .proficient])
            for number in 1...3 {
                Specialist(
                    id: try! .init(validating: "barista-\(number)"), name: "Barista \(number)", department: "bar")
            }
            CustomerValueSquad.build(
                id: "loyalty",
                name: "Loyalty",
                mission: Mission(statement: "Regulars feel known", requiredData: ["ledger"]),
                stage: .piloting,
                cycleLength: .weekly,
                owner: "ani"
            ) {
                if useAnalyst {
                    Member("ani", as: "lead", share: 20)
                }
                for number in 1...2 {
                    Member(try! .init(validating: "barista-\(number)"), as: "barista", share: 40)
                }
                Right("free-cup", "give a regular a free cup", limit: .init(amount: 1, unit: "cup"))
                Grant("ledger", approvedBy: "ani", reason: "see who comes back")
                Outcome(id: "return", metric: "Return rate", baseline: 40, target: 60)
            }
        }
        try shop.checkInvariants()
        let squad = try #require(shop.squad("loyalty"))
        #expect(squad.size == 3)
        #expect(squad.memberships["barista-2"] == Membership(role: "barista", share: 40))
        #expect(squad.decisionRights["free-cup"]?.limit?.unit == "cup")
        #expect(squad.grants["ledger"]?.approvedBy == "ani")
        #expect(squad.accountability.outcomes.map(\.id) == ["return"])
        #expect(squad.accountability.owner == "ani")
        #expect(shop.staff(of: "bar") == ["barista-1", "barista-2", "barista-3"])
        #expect(throws: OrganizationError.self) {
            try Organization.build(name: "Broken") { Specialist(id: "x", name: "X", department: "nowhere") }
        }
    }

    @Test("the generator is reproducible and always valid", arguments: [1, 2, 3, 42] as [UInt64])
    func generator(_ seed: UInt64) throws {
        let shape = OrganizationGenerator.Shape(specialists: 600)
        let first = OrganizationGenerator(seed: seed, shape: shape).generate()
        let second = OrganizationGenerator(seed: seed, shape: shape).generate()
        #expect(first == second)
        try first.checkInvariants()
        #expect(first.specialistCount == 600)
        #expect(first.departmentCount == 6)
        #expect(first.dataAssetCount == 150)
        #expect(first.squadCount == 60)
        // Sizes come from the shape's range; a squad falls short only when too few specialists have time left.
        #expect(first.squads.allSatisfy { $0.size <= shape.squadSize.upperBound })
        let active = first.squads.filter { $0.stage != .dissolved }
        #expect(active.filter { shape.squadSize.contains($0.size) }.count * 10 >= active.count * 9)
        // Varied enough for validation to have something to say, and not everything wrong.
        let report = first.validate()
        #expect(report.errorCount > 0)
        #expect(report.findings(withCode: .squadSizeTooSmall).count < first.squadCount)
        #expect(OrganizationGenerator(seed: seed &+ 1, shape: shape).generate() != first)
    }

    @Test("the seeded generator repeats its sequence")
    func seededRandom() {
        var a = SeededRandomNumberGenerator(seed: 7)
        var b = SeededRandomNumberGenerator(seed: 7)
        let left = (0..<10).map { _ in a.next() }
        #expect(left == (0..<10).map { _ in b.next() })
        #expect(Set(left).count == 10)
        #expect(a.seed == 7)
    }
}
