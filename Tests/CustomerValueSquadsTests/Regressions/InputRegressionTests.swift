import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// One test per defect found in 0.3's surfaces by bringing them what users bring: names with combining marks and
/// line breaks, cells a spreadsheet runs, weights far apart, thresholds below zero. Each failed before its fix.
@Suite("Regressions of the 0.3 probe: real inputs")
struct InputRegressionTests {
    /// A name that hides a quote in a character with a combining mark (U+0301), to end a quoted string early.
    static let hostileName = "Sales\"\u{301}=1 URL=<https://evil.example/> target=_blank tooltip=\"\u{301}click"

    /// Two departments and a squad drawing on both; the sales department is named `name`, the squad `squadName`,
    /// and specialist `s1` has the given name, title and skills.
    static func organization(
        departmentName name: String = "Sales", squadName: String = "Pilot", sellerName: String = "Budi",
        sellerTitle: String = "", sellerSkills: [Skill: Proficiency] = [:]
    ) throws -> Organization {
        var organization = try Organization(name: "Toko", goal: "Happy customers")
        try organization.addDepartment(Department(id: "sales", name: name))
        try organization.addDepartment(Department(id: "care", name: "Care"))
        try organization.hire(Specialist(id: "owner", name: "Ani", department: "sales"))
        try organization.hire(
            Specialist(id: "s1", name: sellerName, title: sellerTitle, department: "sales", skills: sellerSkills))
        try organization.hire(Specialist(id: "c1", name: "Citra", department: "care"))
        try organization.formSquad(
            CustomerValueSquad(
                id: "pilot", name: squadName,
                mission: Mission(statement: "Win back lapsed customers", customer: "lapsed customers"),
                memberships: ["s1": Membership(role: "seller", share: 50), "c1": Membership(role: "carer", share: 50)],
                accountability: Accountability(owner: "owner")))
        return organization
    }

    /// What a DOT reader sees outside string literals: the text with every `"…"` (backslash escapes honoured,
    /// read by scalar as Graphviz reads bytes) taken out.
    static func outsideDOTStrings(_ dot: String) -> String {
        var outside = String.UnicodeScalarView()
        var inString = false
        var escaped = false
        for scalar in dot.unicodeScalars {
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
            } else if scalar == "\"" {
                inString = true
            } else {
                outside.append(scalar)
            }
        }
        return String(outside)
    }

    @Test("item 1: a heavy outcome leaving does not turn the timeline's score into NaN; it is the day's own score")
    func heavyOutcomeLeaves() throws {
        typealias Year = Fixtures.TransformationYear
        let (baseline, changes) = Fixtures.transformationYear
        var organization = try baseline.applying(changes)
        var log = changes
        log += try organization.record(reason: "weights far apart", on: "2026-12-01") { organization in
            var pilot = try #require(organization.squad(Year.pilot)).accountability
            pilot.outcomes[0].weight = 1e16
            try organization.setAccountability(pilot, of: Year.pilot)
            var batch = try #require(organization.squad(Year.firstBatch[0])).accountability
            batch.outcomes = [
                Outcome(
                    id: "visits", metric: "visits", baseline: 0, target: 20,
                    checkIns: [Outcome.CheckIn(day: "2026-12-01", value: 0)])
            ]
            try organization.setAccountability(batch, of: Year.firstBatch[0])
        }
        log += try organization.record(reason: "the pilot ends", on: "2027-01-04") { organization in
            try organization.dissolve(Year.pilot, on: "2027-01-04")
        }
        let history = try ChangeHistory(baseline: baseline, changes: log)
        for step in Timeline.Step.allCases {
            for period in history.timeline(every: step).periods {
                let expected = history.organization(on: period.end).scores().weightedScore
                #expect(period.weightedScore == expected, "\(step) \(period.end)")
                #expect(period.weightedScore.map(\.isFinite) ?? true)
            }
            #expect(history.timeline(every: step).periods.last?.weightedScore == 0)
        }
    }

    @Test(
        "item 2: a quote or a line break hidden in a character is escaped in DOT",
        arguments: [hostileName, "Head\r\nof \"\u{301} sales", "a\\\"\u{301}b"])
    func dotEscapesByScalar(name: String) throws {
        let organization = try Self.organization(departmentName: name, squadName: name)
        for dot in [organization.dotDiagram(), organization.siloNetworkDOT(), organization.dotDiagram(.squad("pilot"))]
        {
            let outside = Self.outsideDOTStrings(dot)
            #expect(!outside.contains("URL") && !outside.contains("evil") && !outside.contains("sales"), "\(dot)")
            #expect(!outside.unicodeScalars.contains("\u{301}"))
            // Every line break of the name is written as \n (or dropped), never raw inside a string.
            #expect(!dot.unicodeScalars.contains("\r"))
        }
    }

    @Test(
        "item 2: Mermaid labels hold no raw quote and no raw line break, however they are combined",
        arguments: [hostileName, "Head\r\nof \"\u{301} sales"])
    func mermaidEscapesByScalar(name: String) throws {
        let organization = try Self.organization(departmentName: name, squadName: name)
        for mermaid in [organization.mermaidDiagram(), organization.siloNetworkMermaid()] {
            #expect(!mermaid.unicodeScalars.contains("\r"))
            for line in mermaid.split(separator: "\n") where line.contains("Sales") || line.contains("sales") {
                // The only quotes are the label's own delimiters: ["…"] or |"…"|.
                let quotes = line.unicodeScalars.filter { $0 == "\"" }.count
                #expect(quotes == 2, "\(line)")
            }
        }
    }

    @Test(
        "item 3: a cell a spreadsheet would run as a formula gets a leading ', and the importer takes it off",
        arguments: [
            "=HYPERLINK(\"https://evil.example\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1", "-2+3", "\tTab", "'=x",
        ])
    func formulaGuard(name: String) throws {
        let organization = try Self.organization(
            sellerName: name, sellerTitle: name, sellerSkills: [Skill(rawValue: "=A1"): .expert])
        let people = organization.csv(.people)
        let row = try #require(people.components(separatedBy: "\r\n").first { $0.hasPrefix("s1,") })
        // No cell of the row begins with a trigger once its quotes are taken off.
        for cell in Self.cells(of: row) {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first ?? " "), "\(row)")
        }
        #expect(row.contains("'=A1:expert"))
        let raw = organization.csv(.people, delimiter: ",", byteOrderMark: false, neutralizingFormulas: false)
        #expect(raw.contains("=A1:expert") && !raw.contains("'=A1:expert"))

        let back = try CSVImport.organization(
            from: Data(people.utf8), options: CSVTable.peopleImportOptions(organizationName: "Toko"))
        let imported = try #require(back.organization.specialist("s1"))
        #expect(imported.name == name)
        #expect(imported.skills == [Skill(rawValue: "=A1"): .expert])
        // A text that begins with ' but is not guarded keeps its '.
        #expect(
            try CSVImport.organization(
                from: Data("id,name,department\r\nx,'plain,Sales\r\n".utf8),
                options: CSVImport.Options(organizationName: "T", id: "id", name: ["name"], department: "department")
            ).organization.specialist("x")?.name == "'plain")
    }

    /// The cells of one CSV record without line breaks inside, unquoted.
    static func cells(of row: String) -> [String] {
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var scalars = row.unicodeScalars.makeIterator()
        var previousWasQuote = false
        while let scalar = scalars.next() {
            if quoted {
                if scalar == "\"" {
                    quoted = false
                    previousWasQuote = true
                } else {
                    cell.append(scalar)
                }
            } else if scalar == "\"" {
                if previousWasQuote { cell.append(scalar) }
                quoted = true
            } else if scalar == "," {
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
                previousWasQuote = false
            } else {
                cell.append(scalar)
                previousWasQuote = false
            }
        }
        cells.append(String(cell))
        return cells
    }

    @Test(
        "item 5: a field with CR LF, or a quote or comma with a combining mark, is quoted and read back whole",
        arguments: [
            "Head\r\nof sales", "Budi \"\u{301}the seller\"", "Sales,\u{301} east", "Budi\u{301}\"", "\"\u{301}",
        ])
    func csvQuotesByScalar(title: String) throws {
        let organization = try Self.organization(sellerTitle: title)
        let people = organization.csv(.people)
        let back = try CSVImport.organization(
            from: Data(people.utf8), options: CSVTable.peopleImportOptions(organizationName: "Toko"))
        #expect(back.organization.specialistCount == organization.specialistCount)
        #expect(back.organization.specialist("s1")?.title == title.precomposedStringWithCanonicalMapping)
        #expect(back.report.allSatisfy { $0.severity != .warning }, "\(back.report)")
    }

    @Test("item 13: a threshold below zero gives live validation and a full validation the same findings")
    func negativeThreshold() throws {
        var thresholds = ValidationPolicy.Thresholds()
        thresholds.maximumBookedPercent = -1
        let policy = ValidationPolicy(settings: .init(thresholds: thresholds))
        let day: Day = "2026-06-01"
        var live = LiveValidation(Fixtures.accountBasedMarketing, policy: policy, on: day)
        let squad = try #require(live.organization.squads.first { $0.stage != .dissolved })
        let member = try #require(squad.memberships.keys.sorted().first)
        _ = try live.update { try $0.release(member, from: squad.id) }
        let full = live.organization.validate(policy: policy, on: day)
        #expect(live.report == full)
        let stretched = full.findings.filter { $0.code == .specialistStretchedThin }
        let booked = live.organization.specialists.filter { live.organization.bookedPercent(of: $0.id) > 0 }
        #expect(stretched.count == booked.count)
    }

    static func entity(
        _ kind: BackstageCatalog.Kind, _ name: String, namespace: String? = nil, annotations: [String: String]? = nil,
        _ spec: BackstageCatalog.Entity.Spec
    ) -> BackstageCatalog.Entity {
        BackstageCatalog.Entity(
            kind: kind, metadata: .init(name: name, namespace: namespace, annotations: annotations), spec: spec)
    }

    @Test("item 7: groups of the same name in two namespaces are two departments; references keep to their namespace")
    func backstageNamespaces() throws {
        let entities = [
            Self.entity(.group, "team", namespace: "payments", .init(type: "team", leader: "alice")),
            Self.entity(.group, "team", namespace: "search", .init(type: "team", leader: "bob")),
            Self.entity(.user, "alice", namespace: "payments", .init(memberOf: ["team"])),
            Self.entity(.user, "bob", namespace: "search", .init(memberOf: ["group:search/team"])),
            Self.entity(.user, "carol", .init(memberOf: ["payments/team"])),
        ]
        let result = try BackstageCatalog.organization(from: entities, options: .init(organizationName: "T"))
        let organization = result.organization
        #expect(organization.departments.count == 2)
        let alice = try #require(organization.specialist("alice"))
        let bob = try #require(organization.specialist("bob"))
        #expect(alice.department != bob.department)
        #expect(organization.specialist("carol")?.department == alice.department)
        #expect(organization.department(alice.department)?.head == "alice")
        #expect(organization.department(bob.department)?.head == "bob")
        #expect(result.report.allSatisfy { $0.severity != .error }, "\(result.report)")
    }

    @Test("item 8: a squad may keep the identifier of a department: identifiers are taken per table, not per kind")
    func backstageIdentifiersPerTable() throws {
        var organization = try Self.organization()
        try organization.addDepartment(Department(id: "growth", name: "Growth"))
        try organization.formSquad(
            CustomerValueSquad(id: "growth", name: "Growth squad", mission: Mission(statement: "Grow")))
        let export = organization.backstageCatalog()
        let back = try BackstageCatalog.organization(from: export.entities, options: .init(organizationName: "Toko"))
        #expect(back.organization.squad("growth")?.name == "Growth squad")
        #expect(back.organization.department("growth")?.name == "Growth")
        #expect(Set(back.organization.squads.map(\.id)) == Set(organization.squads.map(\.id)))
        #expect(Set(back.organization.departments.map(\.id)) == Set(organization.departments.map(\.id)))
    }

    @Test("item 10: a hierarchy declared from the parent's side is kept; a conflict keeps the child's own parent")
    func backstageChildren() throws {
        let entities = [
            Self.entity(.group, "hq", .init(type: "team", children: ["sales", "group:default/care"])),
            Self.entity(.group, "other", .init(type: "team", children: ["care"])),
            Self.entity(.group, "sales", .init(type: "team")),
            Self.entity(.group, "care", .init(type: "team", parent: "hq")),
            Self.entity(.group, "east", .init(type: "team", parent: "hq")),
            Self.entity(.user, "ani", .init(memberOf: ["sales"])),
        ]
        let result = try BackstageCatalog.organization(from: entities, options: .init(organizationName: "T"))
        #expect(result.organization.department("sales")?.parent == "hq")
        #expect(result.organization.department("care")?.parent == "hq")
        #expect(result.organization.department("east")?.parent == "hq")
        let lines = result.report.map(\.description)
        #expect(
            lines.contains("warning [group:other] child care names hq as its parent, not other; its own parent is kept")
        )
    }

    @Test("item 11: a department group with a blank display name is named by its entity name, and reported")
    func backstageBlankDisplayName() throws {
        let entities = [
            Self.entity(.group, "sales", .init(type: "team", profile: .init(displayName: ""))),
            Self.entity(.group, "care", .init(type: "team", profile: .init(displayName: "\u{200B}"))),
            Self.entity(.user, "ani", .init(memberOf: ["sales"])),
        ]
        let result = try BackstageCatalog.organization(from: entities, options: .init(organizationName: "T"))
        #expect(result.organization.department("sales")?.name == "sales")
        #expect(result.organization.department("care")?.name == "care")
        #expect(result.report.filter { $0.message.contains("is blank; named") }.count == 2)
    }

    /// The people table read back with the options it names.
    static func readBack(_ organization: Organization) throws -> CSVImport.Result {
        try CSVImport.organization(
            from: Data(organization.csv(.people).utf8),
            options: CSVTable.peopleImportOptions(organizationName: organization.name))
    }

    @Test("item 6: spaces and tabs inside quoted fields are kept; around unquoted fields they are dropped")
    func quotedSpacesKept() throws {
        let organization = try Self.organization(sellerName: " Budi\t", sellerTitle: "\tHead of sales  ")
        let back = try Self.readBack(organization)
        #expect(back.organization.specialist("s1")?.name == " Budi\t")
        #expect(back.organization.specialist("s1")?.title == "\tHead of sales  ")
        let typed = "id,name,department\r\n  x ,  Ani  ,Sales\r\n"
        let read = try CSVImport.organization(
            from: Data(typed.utf8),
            options: .init(organizationName: "T", id: "id", name: ["name"], department: "department"))
        #expect(read.organization.specialist("x")?.name == "Ani")
    }

    @Test("item 6: skills holding : or ; come back whole")
    func skillsWithSeparators() throws {
        let skills: [Skill: Proficiency] = [
            "C++: templates": .expert, "sales;field": .novice, "a\\b": .competent, "plain": .proficient,
        ]
        let organization = try Self.organization(sellerSkills: skills)
        let back = try Self.readBack(organization)
        #expect(back.organization.specialist("s1")?.skills == skills)
        #expect(back.report.allSatisfy { $0.severity == .note }, "\(back.report)")
    }

    @Test("item 6: two departments of the same name stay two, with their heads; a parent with no staff keeps its name")
    func departmentsByIdentifier() throws {
        var organization = try Organization(name: "Toko", goal: "")
        try organization.addDepartment(Department(id: "hq", name: "Head office"))
        try organization.addDepartment(Department(id: "sales-east", name: "Sales", parent: "hq"))
        try organization.addDepartment(Department(id: "sales-west", name: "Sales", parent: "hq"))
        for (id, department) in [
            ("e1", "sales-east"), ("e2", "sales-east"), ("w1", "sales-west"), ("w2", "sales-west"),
        ] {
            try organization.hire(
                Specialist(id: .init(validating: id), name: id, department: .init(validating: department)))
        }
        try organization.appointHead("e1", of: "sales-east")
        try organization.appointHead("w1", of: "sales-west")
        let back = try Self.readBack(organization).organization
        #expect(back.departments.map(\.id) == organization.departments.map(\.id))
        #expect(back.departments.map(\.name) == organization.departments.map(\.name))
        #expect(back.departments.map(\.head) == organization.departments.map(\.head))
        #expect(back.departments.map(\.parent) == organization.departments.map(\.parent))
        #expect(back.csv(.people) == organization.csv(.people))
    }

    @Test("item 17: without a parent column, a department sits under the department of its head's manager")
    func hierarchyFromManagers() throws {
        let table = """
            id,name,department,manager
            ceo,Ani,Head office,
            s1,Budi,Sales,ceo
            s2,Citra,Sales,s1
            c1,Dewi,Care,ceo
            c2,Eka,Care,c1
            x1,Fajar,Export,s1
            """
        let result = try CSVImport.organization(
            from: Data(table.utf8),
            options: {
                var options = CSVImport.Options(
                    organizationName: "T", id: "id", name: ["name"], department: "department")
                options.manager = "manager"
                return options
            }())
        let organization = result.organization
        func parent(_ name: String) -> String? {
            organization.departments.first { $0.name == name }?.parent.flatMap { organization.department($0)?.name }
        }
        #expect(parent("Sales") == "Head office")
        #expect(parent("Care") == "Head office")
        #expect(parent("Export") == "Sales")
        #expect(parent("Head office") == nil)
        #expect(result.report.contains { $0.message.hasPrefix("department Export is placed under Sales") })
    }

    @Test("item 17: a department name one letter from another is reported, and an alias merges it")
    func nearDuplicateDepartments() throws {
        let table = """
            id,name,department
            a,Ani,Customer Service
            b,Budi,Customer Service
            c,Citra,Custmer Service
            d,Dewi,Sales
            e,Eka,Sale
            f,Fajar,Logistics
            """
        var options = CSVImport.Options(organizationName: "T", id: "id", name: ["name"], department: "department")
        let result = try CSVImport.organization(from: Data(table.utf8), options: options)
        let warnings = result.report.filter { $0.severity == .warning }.map(\.message)
        #expect(
            warnings.contains(
                "department Custmer Service (1 person) looks like Customer Service (2 people); if they are one, import "
                    + "again with --department-alias \"Custmer Service=Customer Service\""))
        #expect(warnings.contains { $0.hasPrefix("department Sale (1 person) looks like Sales (1 person)") })
        #expect(!warnings.contains { $0.contains("Logistics") })
        options.departmentAliases = ["Custmer Service": "Customer Service"]
        let merged = try CSVImport.organization(from: Data(table.utf8), options: options)
        #expect(merged.organization.departments.count == 4)
        #expect(merged.organization.specialist("c")?.department == merged.organization.specialist("a")?.department)
    }

    @Test("a line break inside a quoted field: the rows after it keep their own line numbers in the report")
    func lineNumbersAfterQuotedBreaks() throws {
        let table = "id,name,department\r\na,\"Ani\r\nthe second line\",Sales\r\n,Nobody,Sales\r\nc,Citra\r\n"
        let result = try CSVImport.organization(
            from: Data(table.utf8),
            options: .init(organizationName: "T", id: "id", name: ["name"], department: "department"))
        #expect(result.organization.specialist("a")?.name == "Ani\r\nthe second line")
        #expect(result.report.map(\.line) == [4, 5])
    }

    @Test("a header that names a used column twice, or no name column, is refused")
    func headerProblems() throws {
        #expect(throws: OrganizationError.self) {
            try CSVImport.organization(
                from: Data("id,name,name,department\r\na,A,B,S\r\n".utf8),
                options: .init(organizationName: "T", id: "id", name: ["name"], department: "department"))
        }
        #expect(throws: OrganizationError.self) {
            try CSVImport.organization(
                from: Data("id,name,department\r\na,A,S\r\n".utf8),
                options: .init(organizationName: "T", id: "id", name: [], department: "department"))
        }
    }

    @Test("item 18: the silo network encodes its bridges as an object, and reads them back")
    func bridgesAsObject() throws {
        let network = try Self.organization().siloNetwork()
        let data = try JSONEncoder().encode(network)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let bridges = try #require(object?["bridges"] as? [String: [String]])
        #expect(bridges == ["pilot": ["care", "sales"]])
        #expect(try JSONDecoder().decode(SiloNetwork.self, from: data) == network)
        // A key that is not an identifier is refused at that key.
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"pilot\":", with: "\" bad\":")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SiloNetwork.self, from: Data(broken.utf8)) }
    }

    @Test("item 18: a department with no staff of its own is not an island; one with staff and no squad is")
    func staffedIslandsOnly() throws {
        var organization = try Self.organization()
        try organization.addDepartment(Department(id: "hq", name: "Head office"))
        try organization.addDepartment(Department(id: "legal", name: "Legal", parent: "hq"))
        try organization.hire(Specialist(id: "l1", name: "Lia", department: "legal"))
        #expect(organization.siloNetwork().islands == ["legal"])
        let notes = organization.validate(policy: .default.adding(SiloIslandRule())).findings.filter {
            $0.code == .departmentSiloIsland
        }
        #expect(notes.map(\.subject) == [.department("legal")])
    }

    /// A SCIM list response whose users and groups are numbered from 1 each, as many providers number them.
    static func perEndpointIDs(duplicateUser: Bool = false) -> Data {
        let user = "urn:ietf:params:scim:schemas:core:2.0:User"
        let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        func person(_ id: String, _ name: String) -> String {
            #"{"schemas":["\#(user)","\#(enterprise)"],"id":"\#(id)","userName":"\#(name)","displayName":"\#(name)","#
                + #""\#(enterprise)":{"department":"Sales"}}"#
        }
        var resources = [person("1", "ani"), person("2", "budi")]
        if duplicateUser { resources.append(person("2", "citra")) }
        resources.append(
            #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"1","displayName":"Pilot","#
                + #""members":[{"value":"1","type":"User"},{"value":"2"}]}"#)
        let list = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"Resources":["#
        return Data((list + resources.joined(separator: ",") + "]}").utf8)
    }

    @Test("SCIM: a user and a group may share an id; a member is the user its id names; twice among users is refused")
    func scimIDsPerEndpoint() throws {
        let result = try SCIMImport.organization(
            from: Self.perEndpointIDs(), options: .init(name: "T", squads: .all))
        #expect(result.organization.specialistCount == 2)
        let pilot = try #require(result.organization.squads.first)
        #expect(pilot.memberships.count == 2, "\(result.report)")
        #expect {
            try SCIMImport.organization(from: Self.perEndpointIDs(duplicateUser: true), options: .init(name: "T"))
        } throws: { error in
            (error as? OrganizationError)?.code == .duplicateID
                && (error as? OrganizationError)?.message == "SCIM user id 2 appears twice among the users"
        }
    }
}
