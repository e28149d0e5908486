import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("Diagrams")
struct DiagramTests {
    /// The regional rollout with one more squad, dissolved.
    static func withDissolvedSquad() throws -> Organization {
        var organization = Fixtures.regionalRollout
        try organization.formSquad(
            CustomerValueSquad(id: "gone", name: "Gone squad", mission: Mission(statement: "m"), stage: .forming))
        try organization.dissolve("gone")
        return organization
    }

    @Test("a whole picture shows every squad but the dissolved ones, a legend, and each department")
    func whole() throws {
        let organization = try Self.withDissolvedSquad()
        for text in [organization.dotDiagram(), organization.mermaidDiagram()] {
            for squad in organization.squads where squad.stage != .dissolved { #expect(text.contains(squad.name)) }
            for department in organization.departments { #expect(text.contains(department.name)) }
            #expect(!text.contains("Gone squad"))
            #expect(text.contains("Squad stages"))
            // The legend lists the stages of the squads drawn, and only those, and says what the edges mean.
            let drawn = Set(organization.squads.filter { $0.stage != .dissolved }.map(\.stage))
            for stage in CustomerValueSquad.Stage.allCases {
                let inLegend = text.contains("legend:\(stage.rawValue)") || text.contains("legend\(stage.rawValue)(")
                #expect(inLegend == drawn.contains(stage), "\(stage)")
            }
            #expect(text.contains("members a squad draws from a department (the number: how many)"))
        }
        for text in [
            organization.dotDiagram(includeDissolved: true), organization.mermaidDiagram(includeDissolved: true),
        ] {
            #expect(text.contains("Gone squad") && text.contains("dissolved"))
        }
    }

    @Test("a scoped picture shows the squad's departments, or the department's neighbours and squads")
    func scoped() throws {
        let organization = try Self.withDissolvedSquad()
        let squad = try #require(organization.squads.first { $0.stage != .dissolved })
        let drawn = Set(organization.departments(of: squad.id))
        for text in [organization.dotDiagram(.squad(squad.id)), organization.mermaidDiagram(.squad(squad.id))] {
            #expect(text.contains(squad.name))
            for other in organization.squads where other.id != squad.id { #expect(!text.contains(other.name)) }
            for department in organization.departments {
                #expect(text.contains(department.name) == drawn.contains(department.id), "\(department.id)")
            }
        }
        let department = try #require(drawn.first)
        let text = organization.dotDiagram(.department(department))
        for other in organization.squads where other.stage != .dissolved {
            #expect(text.contains(other.name) == organization.departments(of: other.id).contains(department))
        }
        #expect(organization.dotDiagram(.squad("gone")) == organization.dotDiagram(.squad("nowhere")))
    }

    @Test("departments and squads are drawn in the natural order of their identifiers: team-2 before team-10")
    func numericOrder() throws {
        var organization = try Organization(name: "Numbers", goal: "")
        for id in ["team-10", "team-2", "team-1"] {
            try organization.addDepartment(Department(id: .init(validating: id), name: "Name of \(id)"))
        }
        for text in [organization.dotDiagram(), organization.mermaidDiagram()] {
            let positions = ["team-1", "team-2", "team-10"].map {
                text.range(of: "Name of \($0)\\n")?.lowerBound ?? text.range(of: "Name of \($0)<")?.lowerBound
            }
            #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { $0! < $1! })
        }
        #expect(NaturalOrder.sorted(["team-10", "team-2", "Team-1"]) { $0 } == ["Team-1", "team-2", "team-10"])
    }
}
