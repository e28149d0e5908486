import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("The silo network")
struct SiloNetworkTests {
    /// Sales, care, ops and legal. Squad s1 draws Ani (sales, 50 %) and Budi (care, 50 %); s2 draws Budi (care,
    /// 20 %) and Citra (ops, 40 %); s3 draws only Dewi (legal). Eko (sales) serves in none.
    static func organization() throws -> Organization {
        var organization = try Organization(name: "Network", goal: "")
        for (id, name) in [("a-sales", "Sales"), ("b-care", "Care"), ("c-ops", "Ops"), ("d-legal", "Legal")] {
            try organization.addDepartment(Department(id: .init(validating: id), name: name))
        }
        for (id, department) in [
            ("ani", "a-sales"), ("eko", "a-sales"), ("budi", "b-care"), ("citra", "c-ops"), ("dewi", "d-legal"),
        ] {
            try organization.hire(
                Specialist(id: .init(validating: id), name: id, department: .init(validating: department)))
        }
        for id in ["s1", "s2", "s3"] {
            try organization.formSquad(
                CustomerValueSquad(id: .init(validating: id), name: id.uppercased(), mission: Mission(statement: "m")))
        }
        try organization.assign("ani", to: "s1", role: "r", share: 50)
        try organization.assign("budi", to: "s1", role: "r", share: 50)
        try organization.assign("budi", to: "s2", role: "r", share: 20)
        try organization.assign("citra", to: "s2", role: "r", share: 40)
        try organization.assign("dewi", to: "s3", role: "r", share: 30)
        return organization
    }

    @Test("links, their people and FTE, islands, bridges and spanners, computed by hand")
    func figures() throws {
        let network = try Self.organization().siloNetwork()
        #expect(network.links.map(\.departments) == [["a-sales", "b-care"], ["b-care", "c-ops"]])
        #expect(network.links.map(\.squads) == [["s1"], ["s2"]])
        #expect(network.links.map(\.people) == [2, 2])
        #expect(network.links.map(\.fte) == [1.0, 0.6])
        #expect(network.islands == ["d-legal"])
        #expect(network.bridges == ["s1": ["a-sales", "b-care"], "s2": ["b-care", "c-ops"]])
        #expect(network.spanners.map(\.specialist) == ["budi", "ani", "citra"])
        #expect(network.spanners.first?.departments == ["a-sales", "b-care", "c-ops"])
        #expect(network.connections(of: "b-care").map { $0.other(than: "b-care") } == ["a-sales", "c-ops"])
    }

    @Test("the shortest chain from sales to ops runs through two squads; legal cannot be reached")
    func chains() throws {
        let network = try Self.organization().siloNetwork()
        let chain = try #require(network.chain(from: "a-sales", to: "c-ops"))
        #expect(chain.departments == ["a-sales", "b-care", "c-ops"] && chain.squads == ["s1", "s2"])
        #expect(network.chain(from: "a-sales", to: "d-legal") == nil)
        let itself = try #require(network.chain(from: "c-ops", to: "c-ops"))
        #expect(itself.departments == ["c-ops"] && itself.squads.isEmpty)
        #expect(network.chain(from: "a-sales", to: "nowhere") == nil)
    }

    @Test("a new squad connects the island, and the impact says so; a dissolved squad connects nothing")
    func islandConnected() throws {
        let before = try Self.organization()
        var after = before
        try after.formSquad(CustomerValueSquad(id: "s4", name: "S4", mission: Mission(statement: "m")))
        try after.assign("dewi", to: "s4", role: "r", share: 10)
        try after.assign("citra", to: "s4", role: "r", share: 10)
        #expect(after.siloNetwork().islands.isEmpty)
        let impact = after.impact(comparedTo: before, on: "2026-12-01")
        #expect(impact.islands.before == ["d-legal"] && impact.islands.after == [])
        #expect(impact.linksGained == [["c-ops", "d-legal"]] && impact.linksLost.isEmpty)
        var dissolved = before
        for member in ["budi", "citra"] as [Specialist.ID] { try dissolved.release(member, from: "s2") }
        try dissolved.dissolve("s2")
        #expect(dissolved.siloNetwork().islands == ["c-ops", "d-legal"])
        #expect(dissolved.impact(comparedTo: before, on: "2026-12-01").linksLost == [["b-care", "c-ops"]])
    }

    @Test("islands are a note of their own code, reported only when the policy adds the rule")
    func islandRule() throws {
        let organization = try Self.organization()
        #expect(organization.validate(on: "2026-12-01").findings(withCode: .departmentSiloIsland).isEmpty)
        let report = organization.validate(policy: .default.adding(SiloIslandRule()), on: "2026-12-01")
        let islands = report.findings(withCode: .departmentSiloIsland)
        #expect(islands.map(\.subject) == [.department("d-legal")] && islands.allSatisfy { $0.severity == .note })
        #expect(!ValidationPolicy.builtInRules.contains { $0 is SiloIslandRule })
    }

    @Test("the network pictures name every department, mark islands and say what lines mean")
    func pictures() throws {
        let organization = try Self.organization()
        let dot = organization.siloNetworkDOT()
        #expect(dot.contains(#""department:a-sales" -- "department:b-care" [penwidth=2, label="2""#))
        #expect(
            dot.contains(##""department:d-legal" [fillcolor="#eeeeee""##) && dot.contains("people who carry the link"))
        let mermaid = organization.siloNetworkMermaid()
        #expect(mermaid.contains(#"d1 ---|"2 people"| d2"#) && mermaid.contains("class d4 island"))
    }

    /// A network as plain values a test can build.
    struct Plain: Equatable {
        var departments: [Department.ID]
        var links: [String]
        var islands: [Department.ID]
        var bridges: [CustomerValueSquad.ID: [Department.ID]]
        var spanners: [String]

        init(_ network: SiloNetwork) {
            departments = network.departments
            links = network.links.map { "\($0.departments) \($0.squads) \($0.people) \($0.fte)" }
            islands = network.islands
            bridges = network.bridges
            spanners = network.spanners.map { "\($0.specialist) \($0.departments)" }
        }

        init(
            departments: [Department.ID], links: [String], islands: [Department.ID],
            bridges: [CustomerValueSquad.ID: [Department.ID]], spanners: [String]
        ) {
            (self.departments, self.links, self.islands, self.bridges, self.spanners) =
                (departments, links, islands, bridges, spanners)
        }
    }

    /// The network as its definition reads, pair by pair and person by person, with no care for speed.
    static func naiveNetwork(of organization: Organization) -> Plain {
        let squads = organization.squads.filter { $0.stage != .dissolved }
        func silos(of squad: CustomerValueSquad) -> [Department.ID] {
            Set(squad.memberships.keys.compactMap { organization.specialist($0)?.department }).sorted()
        }
        let departments = organization.departments.map(\.id).sorted()
        var links: [String] = []
        var linked: Set<Department.ID> = []
        for (index, first) in departments.enumerated() {
            for second in departments[(index + 1)...] {
                let through = squads.filter { Set(silos(of: $0)).isSuperset(of: [first, second]) }
                guard !through.isEmpty else { continue }
                var people: Set<Specialist.ID> = []
                var percent = 0
                for squad in through {
                    for (member, membership) in squad.memberships {
                        guard let home = organization.specialist(member)?.department, home == first || home == second
                        else { continue }
                        people.insert(member)
                        percent += membership.share.percent
                    }
                }
                linked.formUnion([first, second])
                let squadIDs = through.map(\.id).sorted()
                links.append("\([first, second]) \(squadIDs) \(people.count) \(Double(percent) / 100)")
            }
        }
        var bridges: [CustomerValueSquad.ID: [Department.ID]] = [:]
        for squad in squads where silos(of: squad).count >= 2 { bridges[squad.id] = silos(of: squad) }
        let spanners = organization.specialists.map { specialist in
            (
                specialist.id,
                Set(squads.filter { $0.memberships[specialist.id] != nil }.flatMap { silos(of: $0) }).sorted()
            )
        }
        .filter { $0.1.count >= 2 }
        .sorted { ($1.1.count, $0.0) < ($0.1.count, $1.0) }
        .prefix(SiloNetwork.spannerCount)
        .map { "\($0.0) \($0.1)" }
        return Plain(
            departments: departments, links: links, islands: departments.filter { !linked.contains($0) },
            bridges: bridges, spanners: spanners)
    }

    @Test("on generated organisations, the network is its definition: every link, island, bridge and spanner")
    func matchesTheDefinition() {
        for seed: UInt64 in 0..<30 {
            let shape = OrganizationGenerator.Shape(
                specialists: 60 + Int(seed) * 7, departments: 3 + Int(seed % 9), dataAssets: 5,
                squads: 4 + Int(seed % 11), squadSize: 2...9)
            let organization = OrganizationGenerator(seed: seed, shape: shape).generate()
            #expect(Plain(organization.siloNetwork()) == Self.naiveNetwork(of: organization), "seed \(seed)")
        }
    }
}
