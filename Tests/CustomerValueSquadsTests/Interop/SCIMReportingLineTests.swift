import CustomerValueSquadsSamples
import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

/// The SCIM list response an identity system would answer with after `organization` was pushed: users get the
/// ids `u-<userName>`, which managers are named by.
private func pushed(_ organization: Organization) throws -> Data {
    let encoder = JSONEncoder()
    let users = try organization.scimUsers().map { user -> Any in
        var object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(user)) as? [String: Any])
        object["id"] = "u-\(user.userName)"
        // The server names managers by the ids it assigned, as the push looks them up.
        let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        if var extensionObject = object[enterprise] as? [String: Any],
            var manager = extensionObject["manager"] as? [String: Any], let value = manager["value"] as? String
        {
            manager["value"] = "u-\(value)"
            extensionObject["manager"] = manager
            object[enterprise] = extensionObject
        }
        return object
    }
    let groups = try organization.scimGroups(includingDepartments: true).map { group -> Any in
        var object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(group)) as? [String: Any])
        object["id"] = "g-\(group.externalId ?? group.displayName)"
        return object
    }
    return try JSONSerialization.data(
        withJSONObject: ["schemas": [SCIMImport.listResponseSchema], "Resources": users + groups])
}

/// Reads `data` back by `userName`, with every group a squad, keeping the lines or not.
private func pulled(_ data: Data, keepingLines: Bool) throws -> SCIMImport.Result {
    var options = SCIMImport.Options(name: "Pulled", squads: .none)
    options.specialistIDs = .userName
    options.keepsReportingLines = keepingLines
    return try SCIMImport.organization(from: data, options: options)
}

@Suite("SCIM reporting lines")
struct SCIMReportingLineTests {
    @Test("push then pull keeps every line when everyone but the heads names a manager, and the heads")
    func roundTrip() throws {
        var shape = OrganizationGenerator.Shape(specialists: 400, squads: 20)
        shape.reportingSpan = 4
        let organization = OrganizationGenerator(seed: 11, shape: shape).generate()
        let heads = Set(organization.departments.compactMap(\.head))
        #expect(organization.specialists.allSatisfy { $0.manager != nil || heads.contains($0.id) })
        #expect(organization.hasReportingLines)

        let result = try pulled(try pushed(organization), keepingLines: true)
        let imported = result.organization
        #expect(imported.specialists.map(\.id) == organization.specialists.map(\.id))
        #expect(imported.specialists.map(\.manager) == organization.specialists.map(\.manager))
        #expect(imported.reportingLines() == organization.reportingLines())
        #expect(Set(imported.departments.compactMap(\.head)) == heads)
        #expect(!result.report.contains { $0.severity == .error })
        try imported.checkInvariants()

        // Without the option the managers only show the heads, as before.
        let headsOnly = try pulled(try pushed(organization), keepingLines: false).organization
        #expect(!headsOnly.hasReportingLines)
        #expect(Set(headsOnly.departments.compactMap(\.head)) == heads)
    }

    @Test("someone who names no manager comes back reporting to their department's head")
    func undrawnLineBecomesTheHead() throws {
        var organization = Fixtures.accountBasedMarketing
        let department = try #require(
            organization.departments.first { $0.head != nil && organization.staff(of: $0.id).count > 2 })
        let head = try #require(department.head)
        let staff = organization.staff(of: department.id).filter { $0 != head }
        // One line drawn to a colleague; the others name no one.
        try organization.setManager(staff[0], for: staff[1])
        let imported = try pulled(try pushed(organization), keepingLines: true).organization
        #expect(imported.specialist(staff[1])?.manager == staff[0])
        #expect(imported.specialist(staff[0])?.manager == head)
        #expect(imported.specialist(head)?.manager == nil)
        #expect(imported.department(department.id)?.head == head)
    }

    @Test("a head who reports up to a member of their own department is not sent as that member's manager")
    func noLoopThroughTheHead() throws {
        var organization = Fixtures.accountBasedMarketing
        let department = try #require(
            organization.departments.first { $0.head != nil && organization.staff(of: $0.id).count > 1 })
        let head = try #require(department.head)
        let chief = try #require(organization.staff(of: department.id).first { $0 != head })
        try organization.setManager(chief, for: head)
        let users = Dictionary(uniqueKeysWithValues: organization.scimUsers().map { user in (user.userName, user) })
        #expect(users[chief.rawValue]?.enterprise?.manager == nil)
        #expect(users[head.rawValue]?.enterprise?.manager?.value == chief.rawValue)
        let result = try pulled(try pushed(organization), keepingLines: true)
        #expect(result.organization.specialist(head)?.manager == chief)
        #expect(!result.report.contains { $0.message.contains("loops") })
    }

    @Test("a manager not imported and a loop are reported and not kept as lines")
    func brokenLinksReported() throws {
        func user(_ id: String, manager: String?) -> [String: Any] {
            var enterprise: [String: Any] = ["department": "Sales"]
            if let manager { enterprise["manager"] = ["value": manager] }
            return [
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": id, "userName": id,
                "displayName": id, "active": true,
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": enterprise,
            ]
        }
        let resources: [[String: Any]] = [
            user("boss", manager: nil), user("a", manager: "boss"), user("b", manager: "ghost"),
            user("c", manager: "d"), user("d", manager: "c"),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: ["schemas": [SCIMImport.listResponseSchema], "Resources": resources])
        let result = try pulled(data, keepingLines: true)
        let organization = result.organization
        #expect(organization.specialist("a")?.manager == "boss")
        #expect(organization.specialist("b")?.manager == nil)
        #expect(organization.specialist("c")?.manager == nil && organization.specialist("d")?.manager == nil)
        #expect(result.report.contains { $0.resource == "b" && $0.message.contains("ghost") })
        #expect(result.report.contains { $0.severity == .error && $0.message.contains("loops") })
        try organization.checkInvariants()
        // Without the option no line is drawn at all.
        #expect(!(try pulled(data, keepingLines: false)).organization.hasReportingLines)
    }
}
