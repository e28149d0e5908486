import CustomerValueSquads
import Foundation
import Testing

/// One test per defect that probing the 0.2 surface found, named after what it protects; each failed before
/// its fix.
@Suite("Regressions of the 0.2 probe")
struct ProbeRegressionTests {
    /// Sales and care, with specialists whose identifiers look like a customer's own: dots, underscores,
    /// colons, capitals and numbers.
    static func company() throws -> Organization {
        var organization = try Organization(name: "Toko", goal: "Happy customers")
        try organization.addDepartment(Department(id: "sales", name: "Sales"))
        try organization.addDepartment(Department(id: "care", name: "Customer care", parent: "sales"))
        try organization.hire(
            Specialist(id: "j.doe", name: "Jane Doe", department: "sales", skills: ["selling": .expert]))
        try organization.hire(
            Specialist(id: "E_1001", name: "Eko", department: "care", skills: ["customer care": .expert]))
        try organization.hire(
            Specialist(id: "ops:7", name: "Opi", department: "care", skills: ["analytics": .proficient]))
        try organization.hire(Specialist(id: "1", name: "Satu", department: "sales"))
        try organization.formSquad(
            CustomerValueSquad(
                id: "bali", name: "Bali squad",
                mission: Mission(statement: "Win Bali", requiredSkills: ["selling", "customer care"])))
        try organization.assign("j.doe", to: "bali", role: "seller", share: 50)
        return organization
    }

    /// A SCIM `ListResponse` of what the organisation provisions, as a server would list it: each user's id is
    /// its `userName`, each group's id its `externalId` with a prefix.
    static func listResponse(of organization: Organization, departments: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        var resources: [Any] = []
        for var user in organization.scimUsers() {
            user.id = user.userName
            resources.append(try JSONSerialization.jsonObject(with: encoder.encode(user)))
        }
        for var group in organization.scimGroups(includingDepartments: departments) {
            group.id = "g-" + (group.externalId ?? group.displayName)
            resources.append(try JSONSerialization.jsonObject(with: encoder.encode(group)))
        }
        return try JSONSerialization.data(withJSONObject: [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": resources,
        ])
    }

    @Test("1. a SCIM round trip keeps every valid identifier as it is and each squad under its id")
    func scimRoundTripKeepsIdentifiers() throws {
        let organization = try Self.company()
        var options = SCIMImport.Options(name: organization.name, squads: .all)
        options.specialistIDs = .userName
        let pulled = try SCIMImport.organization(
            from: Self.listResponse(of: organization, departments: true), options: options
        ).organization
        #expect(pulled.specialists.map(\.id) == organization.specialists.map(\.id))
        #expect(pulled.squads.map(\.id) == ["bali"])
        #expect(pulled.squad("bali")?.name == "Bali squad")
        // Department groups give the departments their ids back and are not read as squads.
        #expect(Set(pulled.departments.map(\.id)) == ["sales", "care"])
        #expect(pulled.department("care")?.parent == "sales")
        // Pushing the pulled organisation again would send nothing: the same users and groups.
        #expect(pulled.scimUsers() == organization.scimUsers())
        #expect(pulled.scimGroups() == organization.scimGroups())
    }

    @Test("3. a skill gap that moves to another skill in the same squad is a finding that goes and one that comes")
    func impactSeesAMovedSkillGap() throws {
        let before = try Self.company()  // bali needs customer care: uncovered
        var after = before
        try after.setMission(
            Mission(statement: "Win Bali", requiredSkills: ["selling", "analytics"]), of: "bali")
        let impact = after.impact(comparedTo: before, on: "2026-12-01")
        #expect(impact.newFindings.contains { $0.code == .squadSkillsGap && $0.message.contains("analytics") })
        #expect(impact.resolvedFindings.contains { $0.code == .squadSkillsGap && $0.message.contains("customer care") })
        let bali = try #require(impact.squads.first { $0.squad == "bali" })
        #expect(bali.uncoveredSkills.before == ["customer care"] && bali.uncoveredSkills.after == ["analytics"])
    }

    @Test("4. a cost per FTE that would make sums infinite is refused everywhere it enters")
    func costPerFTEIsBounded() throws {
        var organization = try Self.company()
        #expect(throws: OrganizationError.self) { try organization.setCostPerFTE(1e308, of: "sales") }
        #expect(organization == (try Self.company()))
        try organization.setCostPerFTE(Department.maximumCostPerFTE, of: "sales")
        var document = String(decoding: try organization.jsonData(), as: UTF8.self)
        document = document.replacingOccurrences(of: "1000000000000", with: "1e308")
        #expect(throws: DecodingError.self) { try Organization(jsonData: Data(document.utf8)) }
        // At the bound, the impact's cost stays finite.
        var busy = organization
        try busy.assign("1", to: "bali", role: "helper", share: 100)
        #expect(busy.impact(comparedTo: organization, on: "2026-12-01").totalCostPulled.after?.isFinite == true)
    }

    @Test("5. a department moved under another parent patches its staff's division")
    func scimOperationsFollowADepartmentMove() throws {
        var organization = try Self.company()
        try organization.addDepartment(Department(id: "service", name: "Service"))
        let before = organization
        try organization.moveDepartment("care", under: "service")
        let change = try #require(organization.changes(from: before).first)
        let operations = organization.scimOperations(for: change)
        #expect(
            Set(operations.compactMap { if case .patchUser(let name, _) = $0 { name } else { nil } })
                == ["E_1001", "ops:7"])
        #expect(operations.allSatisfy { "\($0)".contains("Service") })
    }

    @Test("6. errors about ids that look like numbers point at the entry, not at the position the id spells")
    func numericIDsAreLocatedByKey() throws {
        // Specialist 1 is the first membership; a blank role there is memberships[0], on its line.
        let document = """
            {"schemaVersion": 2, "name": "Toko", "goal": "",
             "departments": [{"id": "sales", "name": "Sales"}],
             "specialists": [{"id": "1", "name": "Satu", "department": "sales"},
                             {"id": "2", "name": "Dua", "department": "sales"}],
             "squads": [{"id": "bali", "name": "Bali", "mission": {"statement": "Win"},
                         "memberships": [{"specialist": "1", "role": " ", "share": 50},
                                         {"specialist": "2", "role": "helper", "share": 50}]}]}
            """
        do {
            _ = try Organization(jsonData: Data(document.utf8))
            Issue.record("a blank role was accepted")
        } catch let error as DecodingError {
            #expect(error.locationDescription == "squads[0].memberships[0].role")
            let underlying = try #require(error.underlyingOrganizationError)
            #expect(underlying.location?.line == 6)
        }
        // Over-booked: specialist 2 gives 60 % to each of two squads; the second entry is named, not the list.
        let overbooked = """
            {"schemaVersion": 2, "name": "Toko", "goal": "",
             "departments": [{"id": "sales", "name": "Sales"}],
             "specialists": [{"id": "1", "name": "Satu", "department": "sales"},
                             {"id": "2", "name": "Dua", "department": "sales"}],
             "squads": [{"id": "a", "name": "A", "mission": {"statement": "Win"},
                         "memberships": [{"specialist": "2", "role": "helper", "share": 60}]},
                        {"id": "b", "name": "B", "mission": {"statement": "Keep"},
                         "memberships": [{"specialist": "1", "role": "helper", "share": 10},
                                         {"specialist": "2", "role": "helper", "share": 60}]}]}
            """
        do {
            _ = try Organization(jsonData: Data(overbooked.utf8))
            Issue.record("an over-booking was accepted")
        } catch let error as DecodingError {
            #expect(error.locationDescription == "squads[1].memberships[1].share")
        }
    }

    @Test("7. drain-ledger floors must be shares of departments the organisation has")
    func drainLedgerFloorsAreChecked() throws {
        let organization = try Self.company()
        let plan = try RolloutPlan(startingArea: "Bali", pilot: "bali", batches: [])
        for floor in [2.0, -1, .nan, .infinity] {
            #expect(throws: OrganizationError.self) { try plan.drainLedger(in: organization, floors: ["sales": floor]) }
        }
        #expect {
            try plan.drainLedger(in: organization, floors: ["salez": 0.5])
        } throws: { error in
            (error as? OrganizationError)?.code == .unknownReference
        }
        #expect(try plan.drainLedger(in: organization, floors: ["sales": 1]).steps.count == 2)
    }

    @Test("8. a transformation programme's phases and launch are set only by the initialiser that checks them")
    func programmePhasesAreReadOnly() throws {
        // `programme.phases = [...]` no longer compiles; what remains is the checked initialiser, which refuses
        // phases whose months would overflow the sum.
        #expect(throws: OrganizationError.self) {
            try TransformationProgramme(
                sponsor: "CEO", phases: [.init(name: "long", months: .max), .init(name: "short", months: 1)],
                squadsAtLaunch: ["bali"])
        }
    }

    @Test("10. unknown fields are located in one pass, each at its own path, line and column")
    func unknownFieldWarningsAreLocated() throws {
        var organization = try Self.company()
        for index in 0..<120 {
            try organization.formSquad(
                CustomerValueSquad(
                    id: try .init(validating: "sq\(index)"), name: "S\(index)", mission: Mission(statement: "x")))
        }
        let text = String(decoding: try organization.jsonData(), as: UTF8.self)
        // One unknown field in every squad, right after its opening brace.
        let marked = text.replacingOccurrences(
            of: "\n      \"id\": \"sq", with: "\n      \"extra\": [1, {\"a\": 2}], \"id\": \"sq")
        let (decoded, warnings) = try Organization.decoding(jsonData: Data(marked.utf8))
        #expect(decoded == organization)
        #expect(warnings.count == 101)
        let lines = marked.split(separator: "\n", omittingEmptySubsequences: false)
        for warning in warnings.prefix(100) {
            let location = try #require(warning.location)
            let line = lines[location.line - 1]
            #expect(line.dropFirst(location.column - 1).hasPrefix("\"extra\""))
            #expect(warning.path.first == "squads" && warning.path.last == "extra")
        }
        #expect(warnings.last?.message == "20 more fields are not part of the format")
        // The positions in the paths are the squads' own, in document order.
        let positions = warnings.prefix(100).compactMap { Int($0.path[1]) }
        #expect(positions == positions.sorted() && Set(positions).count == 100)
    }

    @Test("11. values the format ignores are held to the same rules as the rest of the document")
    func ignoredValuesFollowTheSameRules() throws {
        func document(_ extra: String) -> Data {
            Data(#"{"schemaVersion": 2, "name": "Toko", "goal": "", "extra": \#(extra)}"#.utf8)
        }
        #expect(throws: DecodingError.self) { try Organization(jsonData: document(#"{"k": 1, "k": 2}"#)) }
        #expect(throws: DecodingError.self) { try Organization(jsonData: document(#""\ud800""#)) }
        // 511 lists inside the outer object are 512 levels, the most JSONDecoder reads too; one more is refused.
        let deepest = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        let tooDeep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect((try? Organization(jsonData: document(deepest))) != nil)
        #expect(throws: DecodingError.self) { try Organization(jsonData: document(tooDeep)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Organization.self, from: document(tooDeep)) }
        // A large ignored object with a repeated name, found with the table of names.
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(throws: DecodingError.self) { try Organization(jsonData: document("{\(many), \"k3\": 0}")) }
        #expect((try? Organization(jsonData: document("{\(many)}"))) != nil)
    }

    @Test("12. equal change logs give the same bytes, however their text is composed")
    func changeLogsAreNormalized() throws {
        let base = try Self.company()
        func log(_ name: String) throws -> Data {
            var changed = base
            try changed.hire(Specialist(id: "rene", name: name, department: "sales"))
            return try OrganizationChange.jsonData(changed.changes(from: base))
        }
        let composed = "Ren\u{E9}"
        let decomposed = "Rene\u{301}"
        #expect(composed == decomposed)
        #expect(try log(composed) == log(decomposed))
        #expect(String(decoding: try log(decomposed), as: UTF8.self).contains(composed))
    }

    @Test(
        "13. names of only control, invisible or combining characters are blank",
        arguments: [
            "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{34F}", "\u{FE0F}", "\u{E0100}", "\u{301}", " \u{1B}\u{FE0F}",
        ]
    )
    func invisibleNamesAreBlank(name: String) throws {
        #expect(Organization.isBlank(name))
        var organization = try Self.company()
        #expect(throws: OrganizationError.self) { try organization.rename(to: name) }
        #expect(!Organization.isBlank("e\u{301}"))
        #expect(!Organization.isBlank("\u{645}\u{62D}\u{645}\u{62F}"))  // محمد
    }

    @Test("14. a day that does not exist is named as written")
    func impossibleDaysAreNamedAsWritten() {
        #expect(throws: OrganizationError(code: .invalidValue, message: #""2026-13-01" is not a day of the calendar"#))
        {
            try Day(iso: "2026-13-01")
        }
        #expect(throws: OrganizationError(code: .invalidValue, message: "2026-02-29 is not a day of the calendar")) {
            try Day(year: 2026, month: 2, day: 29)
        }
    }
}
