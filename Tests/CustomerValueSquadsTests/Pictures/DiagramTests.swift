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
            for stage in CustomerValueSquad.Stage.allCases {
                let inLegend = text.contains("legend:\(stage.rawValue)") || text.contains("legend\(stage.rawValue)(")
                #expect(inLegend == (stage != .dissolved), "\(stage)")
            }
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
}
