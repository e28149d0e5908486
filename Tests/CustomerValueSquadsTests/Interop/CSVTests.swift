import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

@Suite("CSV: reading people from a spreadsheet, and writing tables")
struct CSVTests {
    static let options: CSVImport.Options = {
        var options = CSVImport.Options(
            organizationName: "Toko Manis", id: "Employee ID", name: ["First name", "Last name"], department: "Team")
        options.manager = "Manager"
        options.title = "Title"
        options.skills = "Skills"
        return options
    }()

    static func read(_ text: String, _ options: CSVImport.Options = options) throws -> CSVImport.Result {
        try CSVImport.organization(from: Data(text.utf8), options: options)
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; CRLF, a byte-order mark and blank lines")
    func rfc4180() throws {
        let text =
            "\u{FEFF}Employee ID,First name,Last name,Team,Manager,Title,Skills\r\n"
            + "\r\n"
            + "e1,Sari,Dewi,Sales,,\"Head of sales, Java\",selling:expert\r\n"
            + "e2,\"Budi \"\"B\"\"\",Santoso,Sales,e1,\"Account\r\nmanager\",\r\n"
            + ",,,,,,\r\n"
            + "e3,Citra,,Care,e1,,\"customer care;analytics:novice\"\n"
            + "e4,Dian,,Care,e3,,"
        let result = try Self.read(text)
        let organization = result.organization
        #expect(organization.specialistCount == 4)
        #expect(organization.specialist("e1")?.title == "Head of sales, Java")
        #expect(organization.specialist("e2")?.name == "Budi \"B\" Santoso")
        #expect(organization.specialist("e2")?.title == "Account\r\nmanager")
        #expect(organization.specialist("e3")?.skills == ["customer care": .proficient, .analytics: .novice])
        #expect(organization.specialist("e1")?.skills == ["selling": .expert])
        #expect(organization.department("sales")?.head == "e1" && organization.department("care")?.head == "e3")
        #expect(result.report.allSatisfy { $0.severity == .note }, "\(result.report)")
    }

    @Test("semicolons and tabs separate fields as spreadsheets in many locales write them")
    func delimiters() throws {
        for delimiter: Character in [";", "\t"] {
            var options = Self.options
            options.delimiter = delimiter
            let d = String(delimiter)
            let text =
                ["Employee ID", "First name", "Last name", "Team", "Manager", "Title", "Skills"]
                .joined(separator: d) + "\n"
                + ["e1", "Ani", "", "Sales, East", "", "", "a;b"].map {
                    $0.contains(delimiter) || $0.contains(",") ? "\"\($0)\"" : $0
                }.joined(separator: d) + "\n"
            let organization = try Self.read(text, options).organization
            #expect(organization.departments.map(\.name) == ["Sales, East"])
            #expect(organization.specialist("e1")?.skills.count == 2)
        }
        var options = Self.options
        options.delimiter = "\""
        #expect(throws: OrganizationError.self) { try Self.read("a\n", options) }
    }

    @Test("a row it cannot use is reported with its line and reason, and the rest imported")
    func rowsReported() throws {
        let text = """
            Employee ID,First name,Last name,Team,Manager,Title,Skills
            e1,Ani,,Sales,,,
            e2,Budi,,Sales,e1,,"unclosed"x
            e3,Citra,,Sales
            ,Dian,,Sales,,,
            e1,Eko,,Care,,,
            e6,Fajar,,Care,nobody,,
            e7,Gita,,Care,e8,,
            e8,Hadi,,Care,e7,,
            e9,Intan,,,,,
            e10,Joko,,Care,,,analytics:guru

            """
        let result = try Self.read(text)
        func line(_ number: Int) -> [String] { result.report.filter { $0.line == number }.map(\.message) }
        #expect(line(3).contains { $0.contains("column 30: text after the quote that closes a field") })
        #expect(line(4) == ["the row has 4 fields and the header 7; row not imported"])
        #expect(line(5).contains { $0.contains("column is empty; row not imported") })
        #expect(line(6) == ["id e1 is already the row of line 2; row not imported"])
        #expect(line(7).contains { $0.contains("manager nobody (nobody) is not among the imported users") })
        #expect(line(8).contains { $0.contains("the manager chain loops: e7 → e8 → e7") })
        #expect(line(9).contains { $0.contains("the manager chain loops") })
        #expect(line(10).contains { $0.contains("has no department; not imported") })
        #expect(line(11).contains { $0.contains("skill analytics has the level \"guru\"") })
        #expect(result.organization.specialists.map(\.id) == ["e1", "e10", "e6", "e7", "e8"])
        #expect(result.report.first { $0.line == 4 }?.description.hasPrefix("warning line 4: ") == true)
        // An unterminated quote takes the rest of the file: reported where it opens.
        let open = try Self.read(
            "Employee ID,First name,Last name,Team,Manager,Title,Skills\ne1,\"Ani,,Sales,,,\ne2,B,,S,,,\n")
        #expect(open.report.map(\.line) == [2] && open.report[0].message.contains("column 4: the quote that opens"))
        #expect(open.organization.specialistCount == 0)
    }

    @Test("the file itself: not UTF-8, no header, a column the options name that is not there")
    func fileRefused() {
        #expect {
            try CSVImport.organization(
                from: Data("Employee ID\nok\n".utf8) + Data([0x61, 0xFF, 0x0A]), options: Self.options)
        } throws: { error in
            (error as? OrganizationError)?.message.hasPrefix("line 3: the file is not UTF-8") == true
        }
        #expect { try Self.read("\n\n") } throws: {
            ($0 as? OrganizationError)?.message == "the file has no header row"
        }
        #expect { try Self.read("Employee ID,First name,Team\n") } throws: {
            ($0 as? OrganizationError)?.message.hasPrefix(#"name: the header has no column "Last name""#) == true
        }
    }

    @Test("names in any script are kept as written, composed (NFC)")
    func names() throws {
        let decomposed = "Sari Dewi Pe\u{0301}rez"
        let text =
            "Employee ID,First name,Last name,Team,Manager,Title,Skills\n"
            + "e1,محمد,العربي,المبيعات,,,\ne2,\(decomposed),,Penjualan,,,\n"
        let organization = try Self.read(text).organization
        #expect(organization.specialist("e1")?.name == "محمد العربي")
        #expect(organization.specialist("e2")?.name.unicodeScalars.contains("\u{E9}") == true)
        #expect(organization.departments.map(\.name).sorted() == ["Penjualan", "المبيعات"].sorted())
    }

    @Test("every table is written with its header, a row per entry, quotes where needed and CRLF")
    func export() throws {
        var organization = Fixtures.regionalRollout
        try organization.rename(to: "Toko Manis")
        let squad = try #require(organization.squads.first { $0.stage != .dissolved })
        try organization.openSeat(Seat(id: "seat", role: "planner", neededFrom: "2026-12-01"), in: squad.id)
        for table in CSVTable.allCases {
            let text = organization.csv(table)
            let reader = text.split(separator: "\r\n", omittingEmptySubsequences: false)
            #expect(reader.first.map(String.init) == table.columns.joined(separator: ","))
            #expect(text.hasSuffix("\r\n"))
            let rows =
                switch table {
                case .people: organization.specialistCount
                case .departments: organization.departmentCount
                case .memberships: organization.squads.reduce(0) { $0 + $1.memberships.count }
                case .squads: organization.squadCount
                case .seats: organization.squads.filter { $0.stage != .dissolved }.reduce(0) { $0 + $1.seats.count }
                }
            #expect(reader.count - 2 == rows, "\(table)")
        }
        #expect(organization.csv(.people, byteOrderMark: true).hasPrefix("\u{FEFF}id,"))
        #expect(organization.csv(.squads, delimiter: ";").hasPrefix("id;name;stage;"))
    }

    @Test(
        "an organisation → its people table → an organisation keeps people, departments, hierarchy, heads and lines")
    func roundTrip() throws {
        for seed: UInt64 in 0..<25 {
            var shape = OrganizationGenerator.Shape(
                specialists: 40 + Int(seed) * 5, departments: 2 + Int(seed % 7), dataAssets: 3, squads: 2)
            // Every other organisation has reporting lines; the others have heads but no lines at all.
            shape.reportingSpan = seed % 2 == 0 ? nil : 2 + Int(seed % 5)
            let organization = OrganizationGenerator(seed: seed, shape: shape).generate()
            let result = try CSVImport.organization(
                from: Data(organization.csv(.people).utf8),
                options: CSVTable.peopleImportOptions(organizationName: organization.name))
            let back = result.organization
            #expect(back.specialists.map(\.id) == organization.specialists.map(\.id), "seed \(seed)")
            for specialist in organization.specialists {
                let read = back.specialist(specialist.id)
                #expect(
                    read?.name == specialist.name && read?.title == specialist.title
                        && read?.department == specialist.department && read?.skills == specialist.skills
                        && read?.manager == specialist.manager,
                    "seed \(seed): \(specialist.id)")
            }
            let staffed = organization.departments.filter { department in
                organization.staffCount(department.id) > 0
                    || organization.departments.contains { $0.parent == department.id }
            }
            #expect(back.departments.map(\.id) == staffed.map(\.id), "seed \(seed)")
            for department in staffed {
                let read = back.department(department.id)
                #expect(read?.name == department.name && read?.parent == department.parent, "seed \(seed)")
                #expect(read?.head == department.head, "seed \(seed): head of \(department.id)")
            }
        }
    }
}

@Suite("CSV: reporting lines")
struct CSVReportingLineTests {
    static func read(_ text: String, headOf: Bool = false) throws -> CSVImport.Result {
        var options = CSVImport.Options(organizationName: "Toko", id: "ID", name: ["Name"], department: "Team")
        options.manager = "Reports To"
        if headOf { options.headOf = "Heads" }
        return try CSVImport.organization(from: Data(text.utf8), options: options)
    }

    @Test("an HR export's Reports To column becomes the lines, and heads are still inferred from it")
    func reportsTo() throws {
        let result = try Self.read(
            """
            ID,Name,Team,Reports To
            ceo,Wati,Board,
            e1,Sari,Sales,ceo
            e2,Budi,Sales,e1
            e3,Citra,Sales,e2
            e4,Dian,Care,ceo
            e5,Eko,Care,e4
            e6,Fajar,Care,ghost
            """)
        let organization = result.organization
        #expect(organization.specialist("e3")?.manager == "e2")
        #expect(organization.managers(of: "e3") == ["e2", "e1", "ceo"])
        #expect(organization.reports(of: "ceo") == ["e1", "e4"])
        #expect(organization.specialist("e6")?.manager == nil)
        #expect(result.report.contains { $0.line == 8 && $0.message.contains("ghost") })
        let heads = Dictionary(uniqueKeysWithValues: organization.departments.map { ($0.name, $0.head) })
        #expect(heads["Sales"] == "e1")
        #expect(heads["Board"] == "ceo")
        // Care: e4 reports outside it, and so might e6, whose manager is not in the file: e4 is the head.
        #expect(heads["Care"] == "e4")
    }

    @Test("a loop of managers is reported and not kept; the lines around it are")
    func loop() throws {
        let result = try Self.read(
            """
            ID,Name,Team,Reports To
            a,Ani,Ops,b
            b,Bima,Ops,a
            c,Cahya,Ops,a
            d,Dodi,Ops,d
            """)
        let organization = result.organization
        #expect(organization.specialist("a")?.manager == nil)
        #expect(organization.specialist("b")?.manager == nil)
        #expect(organization.specialist("d")?.manager == nil)
        #expect(organization.specialist("c")?.manager == "a")
        #expect(result.report.filter { $0.severity == .error && $0.message.contains("loops") }.count == 3)
        try organization.checkInvariantsForTests()
    }

    @Test("a head-of column names the heads: the first row wins, a head from elsewhere or of no department is not kept")
    func headOf() throws {
        let result = try Self.read(
            """
            ID,Name,Team,Reports To,Heads
            s1,Sari,Sales,,Sales
            s2,Budi,Sales,s1,Sales
            c1,Citra,Care,s1,Sales
            c2,Dian,Care,s1,
            x1,Eko,Care,c2,Finance
            """, headOf: true)
        let heads = Dictionary(uniqueKeysWithValues: result.organization.departments.map { ($0.name, $0.head) })
        #expect(heads["Sales"] == "s1")
        // Without the column Care's head would be inferred (c1 and c2 both report outside it: none); with it, none.
        #expect(heads["Care"] == .some(nil))
        let warnings = result.report.filter { $0.severity == .warning }.map(\.line)
        #expect(warnings == [3, 4, 6])
    }
}

extension Organization {
    /// Rebuilds the value from its parts, as decoding does, and fails if that is refused.
    fileprivate func checkInvariantsForTests() throws {
        _ = try Organization(
            name: name, goal: goal, departments: departments, specialists: specialists, squads: squads)
    }

    fileprivate func staffCount(_ department: Department.ID) -> Int {
        specialists.count { $0.department == department }
    }
}
