import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads import-csv and export-csv")
struct CSVCommandTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the people table comes back as the same people and departments through both commands")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        var export = try Squads.parseAsRoot([
            "export-csv", example("toko-manis.json"), "--delimiter", "tab", "--output", folder + "/people.tsv",
        ])
        try export.run()
        var read = try Squads.parseAsRoot([
            "import-csv", folder + "/people.tsv", "--delimiter", "tab", "--id", "id", "--name", "name",
            "--department", "department", "--department-name", "department_name", "--title", "title",
            "--manager", "manager", "--parent-department", "parent_department", "--skills", "skills", "--head-of",
            "head_of",
            "--organization-name", "Toko Manis", "--output", folder + "/back.json",
        ])
        try read.run()
        let original = try Input.organization(atPath: example("toko-manis.json"))
        let back = try Input.organization(atPath: folder + "/back.json")
        #expect(back.specialists == original.specialists)
        #expect(back.departments.map(\.id) == original.departments.map(\.id))
        #expect(back.departments.map(\.head) == original.departments.map(\.head))
        #expect(back.departments.map(\.parent) == original.departments.map(\.parent))
    }

    @Test("each table by name; --bom starts with the byte-order mark")
    func tables() throws {
        let folder = try temporaryFolder()
        for table in ["people", "departments", "memberships", "squads"] {
            var command = try Squads.parseAsRoot([
                "export-csv", example("toko-manis.json"), "--table", table, "--bom", "--output", folder + "/t.csv",
            ])
            try command.run()
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/t.csv"))
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
            let columns = try #require(CSVTable(rawValue: table)).columns
            #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix(columns.joined(separator: ",")))
        }
    }

    @Test("a column that is not there, a delimiter of two characters, and a row that cannot be used")
    func refusals() throws {
        let folder = try temporaryFolder()
        let path = folder + "/people.csv"
        try Data("id,name,team\ne1,Ani,Sales\ne2,Budi\n".utf8).write(to: URL(fileURLWithPath: path))
        var options = CSVImport.Options(organizationName: "T", id: "id", name: ["name"], department: "dept")
        #expect(
            throws: InputError(#"\#(path): department: the header has no column "dept"; it has "id", "name", "team""#)
        ) {
            try Commands.importCSV(from: Data(contentsOf: URL(fileURLWithPath: path)), name: path, options: options)
        }
        options.department = "team"
        let imported = try Commands.importCSV(
            from: Data(contentsOf: URL(fileURLWithPath: path)), name: path, options: options)
        #expect(imported.report == ["\(path): warning line 3: the row has 2 fields and the header 3; row not imported"])
        #expect(throws: (any Error).self) {
            var command = try Squads.parseAsRoot([
                "import-csv", path, "--id", "id", "--name", "name", "--department", "team", "--delimiter", ";;",
            ])
            try command.run()
        }
    }
}
