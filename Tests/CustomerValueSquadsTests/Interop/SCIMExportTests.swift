import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private typealias OR = Fixtures.OperatingRoom

@Suite("SCIM outbound: resources and patches")
struct SCIMExportTests {
    @Test("the RFC 7644 §3.5.2.1 and §3.5.2.2 examples decode, and the patches built for them encode the same")
    func rfcPatchExamples() throws {
        let add = Data(
            #"""
            { "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations":[
                { "op":"add", "path":"members",
                  "value":[ { "display": "Babs Jensen",
                              "$ref": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
                              "value": "2819c223-7f76-453a-919d-413861904646" } ] } ] }
            """#.utf8)
        let decodedAdd = try JSONDecoder().decode(SCIMPatchRequest.self, from: add)
        #expect(decodedAdd.operations.map(\.op) == [.add])
        #expect(decodedAdd.operations.first?.path == "members")

        let remove = Data(
            #"""
            { "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations":[ { "op":"remove", "path":"members[value eq \"2819c223-7f76-453a-919d-413861904646\"]" } ] }
            """#.utf8)
        let decodedRemove = try JSONDecoder().decode(SCIMPatchRequest.self, from: remove)

        let babs = SCIMGroup.Member(value: "2819c223-7f76-453a-919d-413861904646", display: "Babs Jensen")
        let before = SCIMGroup(displayName: "Tour Guides")
        let after = SCIMGroup(displayName: "Tour Guides", members: [babs])
        let built = try #require(before.patch(toward: after))
        // The RFC's example also carries "$ref"; everything else is the same.
        guard case .array(let values)? = decodedAdd.operations.first?.value, case .object(var object)? = values.first
        else {
            Issue.record("the example's value is not a list of objects")
            return
        }
        object["$ref"] = nil
        #expect(built.operations == [SCIMPatchOperation(op: .add, path: "members", value: .array([.object(object)]))])
        #expect(after.patch(toward: before) == decodedRemove)
        #expect(before.patch(toward: before) == nil)
        // Operation names are read in any case; the schema must be named.
        #expect(
            try JSONDecoder().decode(
                SCIMPatchRequest.self,
                from: Data(
                    #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"x"}]}"#
                        .utf8)
            ).operations.first?.op == .replace)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SCIMPatchRequest.self, from: Data(#"{"schemas":[],"Operations":[]}"#.utf8))
        }
        #expect(SCIMPatchRequest.memberPath(#"a"b\c"#) == #"members[value eq "a\"b\\c"]"#)
    }

    @Test("the RFC 7643 §8.3 enterprise user reads into the attributes the model fills")
    func rfcEnterpriseUser() throws {
        let user = try JSONDecoder().decode(
            SCIMUser.self,
            from: Data(
                #"""
                { "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                  "id": "2819c223-7f76-453a-919d-413861904646", "externalId": "701984", "userName": "bjensen@example.com",
                  "name": { "formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen" },
                  "displayName": "Babs Jensen", "title": "Tour Guide", "active": true,
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
                    "division": "Theme Park", "department": "Tour Operations",
                    "manager": { "value": "26118915-6090-4610-87e4-49d8ca9f808d",
                                 "$ref": "../Users/26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith" } },
                  "meta": { "resourceType": "User", "version": "W/\"3694e05e9dff591\"" } }
                """#.utf8))
        #expect(user.id == "2819c223-7f76-453a-919d-413861904646")
        #expect(
            user.userName == "bjensen@example.com" && user.displayName == "Babs Jensen" && user.title == "Tour Guide")
        #expect(user.enterprise?.department == "Tour Operations" && user.enterprise?.division == "Theme Park")
        #expect(
            user.enterprise?.manager == .init(value: "26118915-6090-4610-87e4-49d8ca9f808d", displayName: "John Smith"))
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(user)) as? [String: Any]
        #expect(
            encoded?["schemas"] as? [String] == [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ])
        #expect(try JSONDecoder().decode(SCIMUser.self, from: JSONEncoder().encode(user)) == user)
    }

    @Test("an organisation's users carry department, division and the head as manager; squads become groups")
    func resources() throws {
        let organization = Fixtures.operatingRoom
        let users = organization.scimUsers()
        #expect(users.count == organization.specialistCount)
        let nurse = try #require(users.first { $0.userName == "n-rina" })
        let head = try #require(organization.department(OR.nursing)?.head)
        #expect(nurse.displayName == "Rina Kusuma" && nurse.title == "Circulating nurse")
        #expect(nurse.enterprise?.department == "Nursing" && nurse.enterprise?.division == "Hospital board")
        #expect(nurse.enterprise?.manager?.value == head.rawValue)
        // The head has no manager in their own department.
        #expect(users.first { $0.userName == head.rawValue }?.enterprise?.manager == nil)
        // Someone who names a manager carries that manager; a change of line is a patch of the manager.
        var lined = organization
        try lined.setManager("dr-wati", for: "n-rina")
        #expect(lined.scimUser(for: try #require(lined.specialist("n-rina"))).enterprise?.manager?.value == "dr-wati")
        let changes = lined.changes(from: organization)
        let operations = changes.flatMap { lined.scimOperations(for: $0) }
        #expect(operations.count == 1)
        guard case .patchUser(let userName, let patch) = operations.first else {
            Issue.record("a manager change is not a user patch: \(operations)")
            return
        }
        #expect(userName == "n-rina")
        #expect(String(describing: patch).contains("dr-wati"))

        let groups = organization.scimGroups()
        #expect(groups.map(\.externalId) == ["squad:or-team"])
        #expect(groups.first?.members.map(\.value) == organization.squad(OR.squad)?.memberIDs.map(\.rawValue))
        let withDepartments = organization.scimGroups(includingDepartments: true)
        #expect(withDepartments.count == 1 + organization.departmentCount)
        #expect(
            withDepartments.first { $0.externalId == "department:nursing" }?.members.count
                == organization.staff(of: OR.nursing).count)
    }

    @Test("a change log becomes SCIM requests: one patch per changed squad, with an add and a remove")
    func operationsForChanges() throws {
        let before = Fixtures.operatingRoom
        var after = before
        try after.hire(Specialist(id: "n-wati", name: "Wati", title: "Nurse", department: OR.nursing))
        try after.assign("n-wati", to: OR.squad, role: "scrub nurse", share: 40)
        try after.release("n-rina", from: OR.squad)
        let operations = after.changes(from: before).flatMap { after.scimOperations(for: $0) }
        #expect(operations.count == 2)
        guard case .createUser(let user) = operations.first else {
            Issue.record("\(operations) does not start with a user created")
            return
        }
        #expect(user.userName == "n-wati" && user.enterprise?.department == "Nursing")
        guard case .patchGroup(let externalId, let patch) = operations.last else {
            Issue.record("\(operations) does not end with a group patched")
            return
        }
        #expect(externalId == "squad:or-team")
        #expect(patch.operations.map(\.op) == [.add, .remove])
        #expect(patch.operations.last?.path == #"members[value eq "n-rina"]"#)

        // Renaming nursing patches the department name of each nurse; dissolving the squad deletes its group.
        var renamed = before
        var nursing = try #require(renamed.department(OR.nursing))
        nursing.name = "Nursing care"
        let rename = OrganizationChange(
            .updateDepartment(from: try #require(before.department(OR.nursing)), to: nursing))
        try renamed.apply(rename)
        let patches = renamed.scimOperations(for: rename)
        #expect(patches.count == renamed.staff(of: OR.nursing).count)
        #expect(
            patches.allSatisfy {
                if case .patchUser(_, let patch) = $0 {
                    return patch.operations == [
                        .init(
                            op: .replace, path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                            value: .string("Nursing care"))
                    ]
                }
                return false
            })
        let dissolved = try before.dissolving(OR.squad)
        #expect(
            dissolved.changes(from: before).flatMap { dissolved.scimOperations(for: $0) } == [
                .deleteGroup(externalId: "squad:or-team")
            ])
    }

    @Test(
        "what the library provisions imports back: the same people, departments with their heads and parents, and squads"
    )
    func roundTrip() throws {
        let organization = Fixtures.regionalRollout
        // A server gives each resource an id of its own; members and managers then name those ids.
        let users = organization.scimUsers().map { user in
            var placed = user
            placed.id = "u-\(user.userName)"
            placed.enterprise?.manager?.value = user.enterprise?.manager?.value.map { "u-\($0)" }
            return placed
        }
        let groups = organization.scimGroups().map { group in
            SCIMGroup(
                id: "g-\(group.externalId ?? "")", externalId: group.externalId, displayName: group.displayName,
                members: group.members.map { SCIMGroup.Member(value: "u-\($0.value)", display: $0.display) })
        }
        let resources =
            try users.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }
            + groups.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }
        let list = try JSONSerialization.data(
            withJSONObject: [
                "schemas": [SCIMImport.listResponseSchema], "totalResults": resources.count, "Resources": resources,
            ])
        var options = SCIMImport.Options(name: organization.name, squads: .all)
        options.specialistIDs = .userName
        let imported = try SCIMImport.organization(from: list, options: options).organization
        #expect(imported.specialists.map(\.id) == organization.specialists.map(\.id))
        #expect(imported.specialists.map(\.name) == organization.specialists.map(\.name))
        func units(_ organization: Organization) -> Set<String> {
            Set(
                organization.departments.map { department in
                    let parent = department.parent.flatMap { organization.department($0)?.name } ?? "-"
                    return "\(department.name) under \(parent), head \(department.head?.rawValue ?? "-")"
                })
        }
        // The head office is some users' department and the others' division: one department, not two.
        #expect(units(imported) == units(organization))
        let squads = organization.squads.filter { $0.stage != .dissolved }
        #expect(
            Set(imported.squads.map { "\($0.name): \($0.memberIDs)" })
                == Set(squads.map { "\($0.name): \($0.memberIDs)" }))
        // By resource id, as before, the people are named after the server's ids.
        options.specialistIDs = .resourceID
        let byID = try SCIMImport.organization(from: list, options: options).organization
        #expect(byID.specialists.allSatisfy { $0.id.rawValue.hasPrefix("u-") })
    }

    @Test(
        "a name splits into given and family name only when it is two words",
        arguments: [
            ("Ani Wijaya", "Ani", "Wijaya"), ("Budi", nil, nil), ("Made Ayu Lestari", nil, nil),
            (" Ani  Wijaya ", "Ani", "Wijaya"), ("", nil, nil),
        ] as [(String, String?, String?)])
    func nameSplitting(full: String, given: String?, family: String?) {
        let name = SCIMUser.Name(splitting: full)
        #expect(name.formatted == full)
        #expect(name.givenName == given && name.familyName == family)
    }

    @Test("users carry the name's parts, encoded and decoded, and a patch compares them with empty parts as none")
    func nameParts() throws {
        let organization = Fixtures.regionalRollout
        let users = organization.scimUsers()
        for (user, specialist) in zip(users, organization.specialists) {
            #expect(user.name == SCIMUser.Name(splitting: specialist.name))
        }
        var user = SCIMUser(userName: "ani", displayName: "Ani Wijaya")
        user.name = SCIMUser.Name(splitting: "Ani Wijaya")
        let data = try JSONEncoder().encode(user)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            (object["name"] as? [String: String]) == [
                "formatted": "Ani Wijaya", "givenName": "Ani", "familyName": "Wijaya",
            ])
        #expect(try JSONDecoder().decode(SCIMUser.self, from: data) == user)

        // A provider answers the parts it was not given as empty strings: no difference.
        var onServer = user
        onServer.name = SCIMUser.Name(formatted: "Budi", givenName: "", familyName: "")
        var wanted = user
        wanted.name = SCIMUser.Name(splitting: "Budi")
        #expect(onServer.patch(toward: wanted) == nil)
        wanted.name = SCIMUser.Name(splitting: "Budi Santoso")
        #expect(
            onServer.patch(toward: wanted)?.operations == [
                .init(op: .replace, path: "name.formatted", value: .string("Budi Santoso")),
                .init(op: .replace, path: "name.givenName", value: .string("Budi")),
                .init(op: .replace, path: "name.familyName", value: .string("Santoso")),
            ])
        #expect(wanted.patch(toward: onServer)?.operations.contains(.init(op: .remove, path: "name.givenName")) == true)
    }

    @Test("members who leave are named in one value list, or one filter path each, as asked")
    func memberRemovalForms() {
        let current = SCIMGroup(
            id: "7", externalId: "squad:bali", displayName: "Bali",
            members: [.init(value: "1"), .init(value: "2"), .init(value: "3")])
        var target = current
        target.members = [.init(value: "2"), .init(value: "4")]
        let list = current.patch(toward: target, removingMembersBy: .valueList)?.operations
        #expect(
            list == [
                .init(op: .add, path: "members", value: .array([.object(["value": .string("4")])])),
                .init(
                    op: .remove, path: "members",
                    value: .array([.object(["value": .string("1")]), .object(["value": .string("3")])])),
            ])
        let paths = current.patch(toward: target, removingMembersBy: .filterPath)?.operations
        #expect(paths?.dropFirst().map(\.path) == [#"members[value eq "1"]"#, #"members[value eq "3"]"#])
        #expect(current.patch(toward: target) == current.patch(toward: target, removingMembersBy: .filterPath))
        // Nobody leaving: no remove operation in either form.
        target.members = current.members + [.init(value: "4")]
        for removal in SCIMGroup.MemberRemoval.allCases {
            #expect(current.patch(toward: target, removingMembersBy: removal)?.operations.count == 1)
        }
    }

    @Test("a user with no department of their own is placed in the one department group they belong to, not in two")
    func departmentFromGroups() throws {
        func user(_ id: String, department: String? = nil) -> [String: Any] {
            var user: [String: Any] = ["schemas": [SCIMImport.userSchema], "id": id, "userName": "user-\(id)"]
            if let department {
                user[SCIMImport.enterpriseUserSchema] = ["department": department]
                user["schemas"] = [SCIMImport.userSchema, SCIMImport.enterpriseUserSchema]
            }
            return user
        }
        func group(_ id: String, _ externalId: String, _ name: String, _ members: [String]) -> [String: Any] {
            [
                "schemas": [SCIMImport.groupSchema], "id": id, "externalId": externalId, "displayName": name,
                "members": members.map { ["value": $0] },
            ]
        }
        // Users and groups numbered from 1 each, as many providers do.
        let resources: [[String: Any]] = [
            user("1"), user("2"), user("3", department: "Sales"), user("4"),
            group("1", "department:sales", "Sales", ["1", "3", "4"]),
            group("2", "department:ops", "Operations", ["2", "4"]),
            group("3", "squad:bali", "Bali", ["1", "2"]),
        ]
        let list = try JSONSerialization.data(
            withJSONObject: ["schemas": [SCIMImport.listResponseSchema], "Resources": resources])
        var options = SCIMImport.Options(name: "Per endpoint", squads: .all)
        options.specialistIDs = .userName
        let result = try SCIMImport.organization(from: list, options: options)
        let organization = result.organization
        #expect(organization.specialist("user-1")?.department == "sales")
        #expect(organization.specialist("user-2")?.department == "ops")
        #expect(organization.specialist("user-3")?.department == "sales")
        // In two department groups: which is home cannot be told, so the user is not imported.
        #expect(organization.specialist("user-4") == nil)
        #expect(result.report.contains { $0.message.contains("user-4") && $0.message.contains("no department") })
        #expect(
            result.report.filter { $0.message.contains("the one department group they belong to") }.map(\.message)
                == [
                    "1 user with no department of their own placed in Sales, the one department group they belong to",
                    "1 user with no department of their own placed in Operations, the one department group they "
                        + "belong to",
                ])
        #expect(organization.squad("bali")?.memberIDs.map(\.rawValue).sorted() == ["user-1", "user-2"])

        // The same id twice within one endpoint is still refused.
        let twice = try JSONSerialization.data(
            withJSONObject: ["schemas": [SCIMImport.listResponseSchema], "Resources": [user("1"), user("1")]])
        #expect(throws: OrganizationError.self) { try SCIMImport.organization(from: twice, options: options) }
    }
}
