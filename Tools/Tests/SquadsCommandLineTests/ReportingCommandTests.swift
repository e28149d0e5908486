import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("Spans and decision distance from the terminal")
struct ReportingCommandTests {
    /// The sample organisation with two lines: sales-2 and sales-3 report to sales-1, who reports to no one.
    func organization() throws -> Organization {
        var organization = Commands.sampleOrganization
        try organization.setManager("sales-1", for: "sales-2")
        try organization.setManager("sales-1", for: "sales-3")
        return organization
    }

    @Test("spans: the organisation and each department, in words; JSON is the library's value")
    func spans() throws {
        let organization = try organization()
        let text = try Commands.spans(organization)
        #expect(text.contains("1 manager; span 2–2, median 2; 2 layers"))
        #expect(text.contains("- sales: 1 manager, span 2–2, median 2, 2 layers"))
        #expect(text.contains("- marketing: 0 managers, span —, 1 layer"))
        let json = try Commands.spans(organization, format: .json)
        #expect(try JSONDecoder().decode(ReportingLines.self, from: Data(json.utf8)) == organization.reportingLines())
        let plain = try Commands.spans(Commands.sampleOrganization)
        #expect(plain.contains("No one names a manager"))
    }

    @Test("distance: every squad with its climb and what its rights save; one squad; an unknown squad refused")
    func distance() throws {
        let organization = try organization()
        let all = organization.decisionDistances()
        let text = try Commands.distance(organization)
        #expect(all.totalSaved > 1)
        #expect(text.contains("save \(all.totalSaved) layers of escalation"))
        for squad in all.squads {
            #expect(text.contains("- \(squad.squad): members"), "\(squad.squad)")
        }
        let one = try #require(all.squads.first)
        let json = try Commands.distance(organization, squad: one.squad, format: .json)
        #expect(try JSONDecoder().decode([DecisionDistance].self, from: Data(json.utf8)) == [one])
        #expect(json.contains("\"distance\" : \(one.distance)"))
        #expect(throws: InputError.self) { try Commands.distance(organization, squad: "no-such-squad") }
    }

    @Test("diff shows what a change saves in escalation once reporting lines exist")
    func diff() throws {
        let before = try organization()
        var after = before
        try after.delegate(DecisionRight(scope: "set local prices"), as: "prices", to: "bali")
        let distances = (before.decisionDistances().totalSaved, after.decisionDistances().totalSaved)
        #expect(distances.0 < distances.1)
        let text = try Commands.diff(before, after)
        #expect(text.contains("- decision rights save \(distances.0) → \(distances.1) layers of escalation"))
        #expect(
            !(try Commands.diff(Commands.sampleOrganization, Commands.sampleOrganization)).contains("Decision distance")
        )
    }

    @Test("the report shows spans and each squad's climb once lines exist, and nothing of them before")
    func report() throws {
        var organization = try organization()
        try organization.rename(to: "Toko <Manis>")
        let page = try Commands.report(organization)
        #expect(page.contains("<section id=\"reporting\">"))
        #expect(page.contains("1 manager, spans from 2 to 2"))
        for distance in organization.decisionDistances().squads {
            let name = try #require(organization.squad(distance.squad)?.name)
            #expect(page.contains("<bdi>\(name)</bdi></th><td>"), "\(name)")
        }
        #expect(!(try Commands.report(Commands.sampleOrganization)).contains("id=\"reporting\""))
    }

    @Test("from the command line, an unknown squad exits 2")
    func commandLine() throws {
        var command = try Squads.parseAsRoot(["distance", example("toko-manis.json"), "--squad", "bal"])
        #expect {
            try command.run()
        } throws: { ($0 as? ExitCode)?.rawValue == 2 }
        #expect(throws: InputError.self) { try Commands.distance(Commands.sampleOrganization, squad: "bal") }
        let spans = try Squads.parseAsRoot(["spans", example("toko-manis.json"), "--format", "json"])
        #expect(String(describing: type(of: spans)) == "SpansCommand")
    }
}
