import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// One test per defect found in 0.1.0 by probing the public API; each failed on 0.1.0.
@Suite("Regressions of 0.1.0")
struct DefectRegressionTests {
    /// A small organisation: two departments, three specialists, one squad owned by `owner`.
    static func smallOrganization() throws -> Organization {
        var organization = try Organization(name: "Toko", goal: "Happy customers")
        try organization.addDepartment(
            Department(id: "sales", name: "Sales", dataAssets: [DataAsset(id: "crm", name: "CRM", kind: .customer)]))
        try organization.addDepartment(Department(id: "care", name: "Care"))
        try organization.hire(Specialist(id: "owner", name: "Ani", department: "sales"))
        try organization.hire(Specialist(id: "s1", name: "Budi", department: "sales"))
        try organization.hire(Specialist(id: "c1", name: "Citra", department: "care"))
        try organization.formSquad(
            CustomerValueSquad(
                id: "pilot",
                name: "Pilot",
                mission: Mission(
                    statement: "Win back lapsed customers", customer: "lapsed customers",
                    requiredData: ["crm"]),
                memberships: ["s1": Membership(role: "seller", share: 50), "c1": Membership(role: "carer", share: 50)],
                grants: ["crm": DataAccessGrant(approvedBy: "owner")],
                accountability: Accountability(owner: "owner")
            )
        )
        return organization
    }

    @Test("1. a dissolved squad does not block its owner's offboarding, nor the removal of the data it named")
    func dissolvedSquadIsNoDeadEnd() throws {
        var organization = try Self.smallOrganization()
        try organization.dissolve("pilot", on: "2026-11-01", reason: "lesson learnt")
        try organization.offboard("owner")
        try organization.removeDataAsset("crm")
        // The record keeps what it said.
        let record = try #require(organization.squad("pilot"))
        #expect(record.accountability.owner == "owner")
        #expect(record.mission.requiredData == ["crm"])
        #expect(record.history.map(\.specialist).sorted() == ["c1", "s1"])
        // It still decodes, and a dissolved squad still cannot change.
        #expect(try Organization(jsonData: organization.jsonData()) == organization)
        #expect(throws: OrganizationError.self) { try organization.setAccountability(Accountability(), of: "pilot") }
        // A squad that is not dissolved still holds on to its owner.
        var live = try Self.smallOrganization()
        #expect(throws: OrganizationError.self) { try live.offboard("owner") }
    }

    @Test("2. one blank name in a SCIM export is reported by resource id, the rest is imported")
    func scimBlankNamesAreReported() throws {
        let document = """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "u1", "userName": "ani", "displayName": "Ani",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}},
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "u2", "userName": "", "displayName": " ",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}},
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "u3", "userName": "budi", "displayName": "\\u200b",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}},
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "  ",
              "members": [{"value": "u1"}]}
            ]}
            """
        let result = try SCIMImport.organization(
            from: Data(document.utf8), options: .init(name: "Toko", squads: .all))
        let names = result.organization.specialists.map(\.name).sorted()
        #expect(names == ["Ani", "budi", "u2"])
        #expect(result.report.contains { $0.resource == "u2" && $0.message.contains("named after their id") })
        #expect(result.organization.squad("g1")?.name == "g1")
        #expect(result.report.contains { $0.resource == "g1" && $0.message.contains("named after its id") })
    }

    @Test("3. a member listed twice in a SCIM group is booked once")
    func scimDuplicateMemberBookedOnce() throws {
        let user = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id": "u1", "userName": "ani", "displayName": "Ani",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}}
            """
        let document = """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [\(user),
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "alpha", "displayName": "Alpha",
              "members": [{"value": "u1"}, {"value": "u1"}]},
             {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "beta", "displayName": "Beta",
              "members": [{"value": "u1"}]}
            ]}
            """
        let result = try SCIMImport.organization(
            from: Data(document.utf8), options: .init(name: "Toko", squads: .all, share: 50))
        let id = try #require(result.specialists["u1"])
        #expect(result.organization.squads(of: id) == ["alpha", "beta"])
        #expect(result.organization.bookedPercent(of: id) == 100)
        #expect(!result.report.contains { $0.message.contains("100 %") })
        #expect(result.report.contains { $0.resource == "alpha" && $0.message.contains("listed twice") })
    }

    @Test("4. distinct roles get distinct IRIs in the JSON-LD export")
    func linkedDataRoleIRIsAreDistinct() throws {
        var organization = try Self.smallOrganization()
        try organization.hire(Specialist(id: "s2", name: "Dewi", department: "sales"))
        try organization.hire(Specialist(id: "s3", name: "Eka", department: "sales"))
        try organization.hire(Specialist(id: "s4", name: "Fajar", department: "sales"))
        for (member, role) in [("s2", "squad lead"), ("s3", "squad-lead"), ("s4", "Ärztin")] as [(Specialist.ID, Role)]
        {
            try organization.assign(member, to: "pilot", role: role, share: 10)
        }
        try organization.setSkill("x", to: .novice, for: "owner")
        let text = String(decoding: try organization.linkedData(), as: UTF8.self)
        let roles = Set(
            text.components(separatedBy: "\"cvs:role/").dropFirst().map { $0.prefix { $0 != "\"" } })
        #expect(roles == ["squad%20lead", "squad-lead", "%C3%84rztin", "seller", "carer"])
        var other = organization
        try other.release("s4", from: "pilot")
        try other.assign("s4", to: "pilot", role: "Ürztin", share: 10)
        #expect(String(decoding: try other.linkedData(), as: UTF8.self).contains("cvs:role/%C3%9Crztin"))
    }

    @Test("5. scores stay finite for the most extreme finite numbers, and NaN is never on track")
    func scoresStayFinite() throws {
        let wide = Outcome(id: "wide", metric: "m", baseline: -1e308, target: 1e308, current: 1e308)
        #expect(wide.progress == 1)
        let middle = Outcome(id: "mid", metric: "m", baseline: -1e308, target: 1e308, current: 0)
        #expect(middle.progress == 0.5)
        #expect(StatusBand(progress: .nan) == .offTrack)
        var organization = try Self.smallOrganization()
        let heavy = [
            Outcome(id: "a", metric: "m", baseline: 0, target: 10, current: 10, weight: 1e308),
            Outcome(id: "b", metric: "m", baseline: 0, target: 10, current: 10, weight: 1e308),
        ]
        try organization.setAccountability(Accountability(outcomes: heavy, owner: "owner"), of: "pilot")
        let score = try #require(organization.score(of: "pilot"))
        #expect(score.score == 1)
        #expect(score.band == .onTrack)
        // Scores encode: JSON has no NaN.
        _ = try JSONEncoder().encode(organization.scores())
    }

    @Test("8. a transformation programme decodes only what its initialiser accepts, and never overflows")
    func programmeDecodingRechecks() throws {
        let negative =
            #"{"sponsor": "CEO", "consultants": [], "phases": [{"name": "x", "months": -3}], "squadsAtLaunch": ["a"]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TransformationProgramme.self, from: Data(negative.utf8))
        }
        #expect(throws: OrganizationError.self) {
            try TransformationProgramme(
                sponsor: "CEO", phases: [.init(name: "a", months: .max), .init(name: "b", months: 1)],
                squadsAtLaunch: ["a"])
        }
        let longest = try TransformationProgramme(
            sponsor: "CEO", phases: [.init(name: "a", months: TransformationProgramme.maximumMonths)],
            squadsAtLaunch: ["a"])
        #expect(longest.monthsToLaunch == TransformationProgramme.maximumMonths)
        let data = try JSONEncoder().encode(longest)
        #expect(try JSONDecoder().decode(TransformationProgramme.self, from: data) == longest)
    }

    @Test("9. extreme integers throw or are judged; they never trap")
    func extremeIntegersDoNotTrap() throws {
        let day: Day = "2026-11-28"
        for count in [Int.max, Int.min, Int.max / 2, 3_652_060] {
            #expect(throws: OrganizationError.self) { try day.adding(days: count) }
        }
        #expect(try Day("0001-01-01").adding(days: 3_652_058) == Day("9999-12-31"))
        var tooLarge = ValidationPolicy.default
        (tooLarge.thresholds.minimumSquadSize, tooLarge.thresholds.maximumSquadSize) = (0, .min)
        #expect(
            try Self.smallOrganization().validate(policy: tooLarge).findings(withCode: .squadSizeTooLarge).count == 1)
        var tooSmall = ValidationPolicy.default
        tooSmall.thresholds.minimumSquadSize = .max
        #expect(
            try Self.smallOrganization().validate(policy: tooSmall).findings(withCode: .squadSizeTooSmall).count == 1)
        let file = #"{"thresholds": {"maximumSquadSize": -9223372036854775808}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ValidationPolicy.Settings.self, from: Data(file.utf8))
        }
    }

    @Test("10. equal values give equal bytes: text is written in NFC")
    func equalValuesEqualBytes() throws {
        let precomposed = try Organization(name: "Caf\u{E9}", goal: "Cr\u{E8}me")
        let decomposed = try Organization(name: "Cafe\u{301}", goal: "Cre\u{300}me")
        #expect(precomposed == decomposed)
        #expect(try precomposed.jsonData() == decomposed.jsonData())
        #expect(try precomposed.jsonData(prettyPrinted: false) == decomposed.jsonData(prettyPrinted: false))
    }

    @Test("11. replicate refuses a specialist named for two positions")
    func replicateRefusesDuplicates() throws {
        let organization = try Self.smallOrganization()
        #expect(
            throws: OrganizationError(
                code: .duplicateID, message: "owner is named for two positions of the replica copy")
        ) {
            try organization.replicating(
                "pilot", as: "copy", name: "Copy", mission: Mission(statement: "Again"), members: ["owner", "owner"])
        }
    }

    @Test("12. blank names are refused everywhere, invisible characters included; a blank mission is reported")
    func blankNamesAreRefused() throws {
        for blank in ["", "  ", "\u{200B}", "\u{200F}\u{FEFF}", "\u{3164}", "\u{2800}"] {
            #expect(throws: OrganizationError.self) { try Organization(name: blank) }
            #expect(throws: OrganizationError.self) {
                try Organization(name: blank, goal: "", departments: [], specialists: [], squads: [])
            }
            var organization = try Self.smallOrganization()
            #expect(throws: OrganizationError.self) { try organization.rename(to: blank) }
            #expect(throws: OrganizationError.self) { try organization.apply(.init(.rename(from: "Toko", to: blank))) }
            #expect(throws: OrganizationError.self) {
                try organization.hire(Specialist(id: "x", name: blank, department: "sales"))
            }
            #expect(organization == (try Self.smallOrganization()))
            let document = #"{"schemaVersion": 1, "name": "\#(blank)"}"#
            #expect(throws: DecodingError.self) { try Organization(jsonData: Data(document.utf8)) }
        }
        var organization = try Self.smallOrganization()
        try organization.rename(to: "Toko Manis")
        #expect(organization.name == "Toko Manis")
        try organization.setMission(Mission(statement: "\u{200B}", customer: "c"), of: "pilot")
        #expect(
            organization.validate().findings(withCode: .squadMissionNoStatement).map(\.subject) == [.squad("pilot")])
    }
}

@Suite("First steps of users")
struct FirstStepsTests {
    @Test("a department named as its own parent is a hierarchy cycle, in every entry point")
    func selfParent() throws {
        var organization = try Organization(name: "Toko")
        try organization.addDepartment(Department(id: "sales", name: "Sales"))
        #expect(throws: OrganizationError(code: .hierarchyCycle, message: "department sales cannot report to itself")) {
            try organization.moveDepartment("sales", under: "sales")
        }
        #expect {
            try organization.addDepartment(Department(id: "ops", name: "Ops", parent: "ops"))
        } throws: { ($0 as? OrganizationError)?.code == .hierarchyCycle }
        #expect {
            _ = try Organization(
                name: "T", goal: "", departments: [Department(id: "a", name: "A", parent: "a")], specialists: [],
                squads: [])
        } throws: { ($0 as? OrganizationError)?.code == .hierarchyCycle }
    }
}
