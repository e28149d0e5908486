import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads import-scim and export-org")
struct InteropCommandTests {
    @Test("import-scim writes an organisation document and reports what it could not place")
    func importSCIM() throws {
        let path = example("scim-company.json")
        let (document, report) = try Commands.importSCIM(
            from: try Input.data(atPath: path),
            name: path,
            options: .init(name: "Nusantara", squadGroups: ["ABM pilot"])
        )
        let organization = try Input.organization(from: Data(document.utf8), name: "imported")
        #expect(organization.specialistCount == 8)
        #expect(organization.departments(of: "abm-pilot") == ["analytics", "marketing", "sales"])
        #expect(report.contains("warning [u-nodept] user Floater has no department; not imported"))
        #expect(report.count == 4)
    }

    @Test("import-scim --reporting-lines keeps each user's manager as their line; without it only heads are read")
    func importSCIMReportingLines() throws {
        let path = example("scim-company.json")
        var options = SCIMImport.Options(name: "Nusantara", squads: .none)
        options.keepsReportingLines = true
        let (document, _) = try Commands.importSCIM(from: try Input.data(atPath: path), name: path, options: options)
        let lines = try Input.organization(from: Data(document.utf8), name: "lines")
        #expect(lines.specialist("u-sales-1")?.manager == "u-sales-head")
        #expect(lines.specialist("u-sales-head")?.manager == "u-ceo")
        #expect(lines.specialist("u-ceo")?.manager == nil)
        options.keepsReportingLines = false
        let (headsOnly, _) = try Commands.importSCIM(from: try Input.data(atPath: path), name: path, options: options)
        let heads = try Input.organization(from: Data(headsOnly.utf8), name: "heads")
        #expect(!heads.hasReportingLines)
        #expect(heads.departments.map(\.head) == lines.departments.map(\.head))
        #expect(heads.departments.contains { $0.head == "u-sales-head" })
        // Both commands that read SCIM offer the flag.
        for name in ["import-scim", "pull"] {
            let command = try #require(SubcommandTests.allCommands().first { $0.configuration.commandName == name })
            #expect(Squads.helpMessage(for: command, columns: 200).contains("--reporting-lines"), "\(name)")
        }
    }

    @Test("import-scim names the location of a malformed document")
    func badSCIM() {
        #expect(
            throws: InputError(
                #"scim.json: at schemas: not a SCIM list response: schemas must contain urn:ietf:params:scim:api:messages:2.0:ListResponse"#
            )
        ) {
            try Commands.importSCIM(from: Data(#"{"schemas": []}"#.utf8), name: "scim.json", options: .init(name: "X"))
        }
    }

    @Test("export-org writes JSON-LD with the ORG context")
    func exportORG() throws {
        let text = try Commands.exportORG(Commands.sampleOrganization)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["@context"] as? [String: String])?["org"] == "http://www.w3.org/ns/org#")
        #expect((object["@graph"] as? [Any])?.isEmpty == false)
    }
}
