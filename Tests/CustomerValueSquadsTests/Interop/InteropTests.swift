import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// The "full representation" Enterprise User of RFC 7643, section 4.3 / 8.3, and its Group example (8.4),
/// wrapped in a list response.
private let rfcExample = """
    {
      "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      "totalResults": 2,
      "Resources": [
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223-7f76-453a-919d-413861904646",
          "externalId": "701984",
          "userName": "bjensen@example.com",
          "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara",
                   "middleName": "Jane", "honorificPrefix": "Ms.", "honorificSuffix": "III"},
          "displayName": "Babs Jensen",
          "nickName": "Babs",
          "profileUrl": "https://login.example.com/bjensen",
          "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
          "userType": "Employee",
          "title": "Tour Guide",
          "preferredLanguage": "en-US",
          "locale": "en-US",
          "timezone": "America/Los_Angeles",
          "active": true,
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "costCenter": "4130",
            "organization": "Universal Studios",
            "division": "Theme Park",
            "department": "Tour Operations",
            "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d",
                        "$ref": "../Users/26118915-6090-4610-87e4-49d8ca9f808d",
                        "displayName": "John Smith"}
          },
          "meta": {"resourceType": "User", "version": "W/\\"3694e05e9dff591\\""}
        },
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
          "displayName": "Tour Guides",
          "members": [
            {"value": "2819c223-7f76-453a-919d-413861904646",
             "$ref": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646", "display": "Babs Jensen"},
            {"value": "902c246b-6245-4190-8e05-00816be7344a",
             "$ref": "https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a", "display": "Mandy Pepperidge"}
          ],
          "meta": {"resourceType": "Group"}
        }
      ]
    }
    """

/// A user in the larger example: id, name, department, division, manager.
private func user(
    _ id: String, _ name: String, _ department: String?, _ division: String?, _ manager: String?, active: Bool = true
)
    -> String
{
    var enterprise: [String] = []
    if let department { enterprise.append(#""department": "\#(department)""#) }
    if let division { enterprise.append(#""division": "\#(division)""#) }
    if let manager { enterprise.append(#""manager": {"value": "\#(manager)"}"#) }
    return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id": "\(id)", "userName": "\(id)@example.com", "displayName": "\(name)", "active": \(active),
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {\(enterprise.joined(separator: ", "))}}
        """
}

private func group(_ id: String, _ name: String, _ members: [(String, String)]) -> String {
    let list = members.map { #"{"value": "\#($0.0)", "type": "\#($0.1)"}"# }.joined(separator: ", ")
    return
        #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "\#(id)", "displayName": "\#(name)", "members": [\#(list)]}"#
}

private func listResponse(_ resources: [String]) -> Data {
    Data(
        """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": \(resources.count),
         "Resources": [\(resources.joined(separator: ",\n"))]}
        """.utf8
    )
}

/// A company: an executive, a commercial division with sales and marketing, a data division with analytics,
/// a manager chain from the CEO down, one user without a department, one inactive user, and two groups.
private var company: Data {
    listResponse([
        user("u-ceo", "Ratna", "Executive", nil, nil),
        user("u-sales-head", "Sinta", "Sales", "Commercial", "u-ceo"),
        user("u-sales-1", "Agus", "Sales", "Commercial", "u-sales-head"),
        user("u-sales-2", "Joko", "Sales", "Commercial", "u-sales-head"),
        user("u-mkt-head", "Maya", "Marketing", "Commercial", "u-ceo"),
        user("u-mkt-1", "Rudi", "Marketing", "Commercial", "u-mkt-head"),
        user("u-data-head", "Arif", "Analytics", "Data", "u-ceo"),
        user("u-data-1", "Nadia", "Analytics", "Data", "u-data-head"),
        user("u-nodept", "Floater", nil, nil, "u-ceo"),
        user("u-gone", "Former", "Sales", "Commercial", "u-sales-head", active: false),
        group(
            "g-abm", "ABM pilot",
            [("u-sales-1", "User"), ("u-mkt-1", "User"), ("u-data-1", "User"), ("g-social", "Group")]),
        group("g-social", "Social club", [("u-ceo", "User")]),
    ])
}

@Suite("SCIM import")
struct SCIMImportTests {
    @Test("the RFC 7643 examples: one user placed, the missing manager and member reported")
    func rfcExamples() throws {
        let result = try SCIMImport.organization(
            from: Data(rfcExample.utf8),
            options: .init(name: "Universal Studios", squadGroups: ["Tour Guides"])
        )
        let organization = result.organization
        // The division and the department it holds, Babs as the one specialist, and the group as a squad.
        #expect(organization.departments.map(\.id) == ["theme-park", "tour-operations"])
        #expect(organization.department("tour-operations")?.parent == "theme-park")
        let babs = try #require(result.specialists["2819c223-7f76-453a-919d-413861904646"])
        #expect(organization.specialist(babs)?.name == "Babs Jensen")
        #expect(organization.specialist(babs)?.title == "Tour Guide")
        // Her manager is not in the document, so nothing says who heads her department: no head is guessed.
        #expect(organization.department("tour-operations")?.head == nil)
        #expect(
            result.report.contains { $0.resource == "tour-operations" && $0.message.contains("no head inferred") })
        let squad = try #require(organization.squad("tour-guides"))
        #expect(squad.memberIDs == [babs])
        // John Smith and Mandy Pepperidge are reported, by resource id.
        #expect(
            result.report.contains {
                $0.resource == "2819c223-7f76-453a-919d-413861904646" && $0.message.contains("John Smith")
            }
        )
        #expect(
            result.report.contains {
                $0.resource == "e9e30dba-f08f-4109-8486-d5c6a331660a" && $0.severity == .error
                    && $0.message.contains("902c246b-6245-4190-8e05-00816be7344a")
            }
        )
    }

    @Test("a larger company: divisions, a manager chain, and a group spanning three departments")
    func largerCompany() throws {
        let result = try SCIMImport.organization(
            from: company, options: .init(name: "Nusantara", squadGroups: ["g-abm"]))
        let organization = result.organization
        // Executive, the two divisions, and the three departments under them, in the order users name them.
        #expect(organization.departmentCount == 6)
        #expect(organization.department("sales")?.parent == "commercial")
        #expect(organization.department("marketing")?.parent == "commercial")
        #expect(organization.department("analytics")?.parent == "data")
        #expect(organization.department("executive")?.parent == nil)
        // Heads: in each department the one person whose manager sits outside it.
        #expect(organization.department("executive")?.head == "u-ceo")
        #expect(organization.department("sales")?.head == "u-sales-head")
        #expect(organization.department("marketing")?.head == "u-mkt-head")
        #expect(organization.department("analytics")?.head == "u-data-head")
        #expect(organization.department("commercial")?.head == nil, "a division with no members of its own has no head")
        // Eight active users with a department become specialists; the floater and the former employee do not.
        #expect(organization.specialistCount == 8)
        #expect(result.report.contains { $0.resource == "u-nodept" && $0.message.contains("no department") })
        #expect(result.report.contains { $0.resource == "u-gone" && $0.message.contains("inactive") })
        // The ABM group becomes a squad across sales, marketing and analytics; its nested group is reported.
        let squad = try #require(organization.squad("abm-pilot"))
        #expect(squad.memberIDs == ["u-data-1", "u-mkt-1", "u-sales-1"])
        #expect(organization.departments(of: "abm-pilot") == ["analytics", "marketing", "sales"])
        #expect(squad.memberships.values.allSatisfy { $0.share == 20 })
        #expect(result.report.contains { $0.resource == "g-abm" && $0.message.contains("g-social") })
        #expect(result.report.contains { $0.resource == "g-social" && $0.message.contains("not asked for") })
        #expect(IndependentChecker.problems(in: organization).isEmpty)
    }

    @Test("a manager cycle is reported by resource id and no head is guessed")
    func managerCycle() throws {
        let data = listResponse([
            user("a", "A", "Ops", nil, "b"),
            user("b", "B", "Ops", nil, "c"),
            user("c", "C", "Ops", nil, "a"),
        ])
        let result = try SCIMImport.organization(from: data, options: .init(name: "Loop"))
        #expect(result.organization.department("ops")?.head == nil)
        let cycle = result.report.filter { $0.severity == .error }
        #expect(Set(cycle.map(\.resource)) == ["a", "b", "c"])
        #expect(cycle.first?.message.contains("loops") == true)
        #expect(result.report.contains { $0.resource == "ops" && $0.message.contains("loops") })
    }

    @Test("documents that are not SCIM list responses fail with a located error")
    func badDocuments() {
        #expect(throws: DecodingError.self) {
            try SCIMImport.organization(
                from: Data(#"{"schemas": ["x"], "Resources": []}"#.utf8), options: .init(name: "X"))
        }
        #expect {
            try SCIMImport.organization(
                from: listResponse([#"{"schemas": [], "userName": "no-id"}"#]), options: .init(name: "X"))
        } throws: { error in
            (error as? DecodingError)?.locationDescription == "Resources[0].id"
        }
        #expect {
            try SCIMImport.organization(
                from: listResponse([user("a", "A", "Ops", nil, nil), user("a", "B", "Ops", nil, nil)]),
                options: .init(name: "X"))
        } throws: { error in
            (error as? OrganizationError)?.code == .duplicateID
        }
    }
}

@Suite("W3C Organization Ontology export")
struct LinkedDataTests {
    @Test("the export reads back as JSON with the ORG terms in place")
    func export() throws {
        var hospital = Fixtures.operatingRoom
        try hospital.release("n-dewi", from: "or-team", on: "2026-11-22", reason: "ward")
        try hospital.assign("n-dewi", to: "or-team", role: "scrub nurse", share: 50, since: "2026-12-01")
        try hospital.setManager("dr-hadi", for: "dr-sari")
        let data = try hospital.linkedData()
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let context = try #require(document["@context"] as? [String: String])
        #expect(context["org"] == "http://www.w3.org/ns/org#")
        let graph = try #require(document["@graph"] as? [[String: Any]])
        func nodes(_ type: String) -> [[String: Any]] { graph.filter { $0["@type"] as? String == type } }
        func reference(_ node: [String: Any], _ key: String) -> String? {
            (node[key] as? [String: Any])?["@id"] as? String
        }

        let organization = try #require(nodes("org:FormalOrganization").first)
        #expect(organization["skos:prefLabel"] as? String == "St. Elisabeth Hospital")
        let units = nodes("org:OrganizationalUnit")
        #expect(units.count == 5)
        let surgery = try #require(units.first { $0["@id"] as? String == "cvs:department/surgery" })
        #expect(reference(surgery, "org:unitOf") == "cvs:organization")
        #expect(reference(surgery, "org:subOrganizationOf") == "cvs:department/board")
        let sari = try #require(graph.first { $0["@id"] as? String == "cvs:person/dr-sari" })
        #expect(reference(sari, "org:memberOf") == "cvs:department/surgery")
        let hadi = try #require(graph.first { $0["@id"] as? String == "cvs:person/dr-hadi" })
        #expect(reference(hadi, "org:headOf") == "cvs:department/surgery")
        #expect(reference(sari, "org:reportsTo") == "cvs:person/dr-hadi")
        #expect(reference(hadi, "org:reportsTo") == nil)
        let squad = try #require(nodes("org:OrganizationalCollaboration").first)
        #expect(squad["org:purpose"] as? String == "Every patient on the table leaves the operating room safe")
        #expect((squad["cvs:decisionRight"] as? [Any])?.count == 2)
        #expect((squad["cvs:grant"] as? [Any])?.count == 2)
        // Eight current memberships and one past one, each an org:Membership with member, organisation and role.
        let memberships = nodes("org:Membership")
        #expect(memberships.count == 9)
        #expect(
            memberships.allSatisfy {
                reference($0, "org:organization") == "cvs:squad/or-team" && reference($0, "org:member") != nil
            })
        #expect(memberships.allSatisfy { ($0["org:role"] as? [String: Any])?["@type"] as? String == "org:Role" })
        let dated = memberships.filter { $0["org:memberDuring"] != nil }
        #expect(dated.count == 2, "the past membership with its end, and the new one with its start")
        #expect(try hospital.linkedData() == data, "deterministic")
    }
}

@Suite("SCIM import options")
struct SCIMImportOptionsTests {
    @Test("squads are chosen in words: none, all or by name; the set spelling maps onto them")
    func squadSelection() throws {
        let none = try SCIMImport.organization(from: company, options: .init(name: "N", squads: .none))
        #expect(none.organization.squadCount == 0)
        let all = try SCIMImport.organization(from: company, options: .init(name: "N", squads: .all))
        #expect(all.organization.squadCount == 2)
        let named = try SCIMImport.organization(from: company, options: .init(name: "N", squads: .named(["ABM pilot"])))
        #expect(named.organization.squads.map(\.name) == ["ABM pilot"])
        var options = SCIMImport.Options(name: "N", squadGroups: nil)
        #expect(options.squads == .all)
        options.squadGroups = []
        #expect(options.squads == .none)
        options.squadGroups = ["g-abm"]
        #expect(options.squads == .named(["g-abm"]))
    }
}
