import CustomerValueSquads
import Foundation

/// What `squads scim push` did, or would do with `--dry-run`.
public struct SCIMPushSummary: Sendable, Equatable {
    /// The users, groups and memberships the organisation has in SCIM terms.
    public var users = 0, groups = 0, memberships = 0
    /// How many resources were created, patched and deleted.
    public var created = 0, patched = 0, deleted = 0
    /// Each request that changed (or would change) the server, in order, such as
    /// `PATCH /Groups/2819c223 squad:bali: add 1, remove 1`.
    public var requests: [String] = []
    /// Whether nothing was sent that changes the server.
    public var dryRun = false

    /// One line for people: the counts, and how many requests changed the server.
    public var line: String {
        "\(users) users, \(groups) groups, \(memberships) memberships; "
            + "\(requests.count) request\(requests.count == 1 ? "" : "s") \(dryRun ? "would change" : "changed") the server "
            + "(\(created) created, \(patched) patched, \(deleted) deleted)"
    }
}

extension Commands {
    /// Refuses, before anything is sent, an organisation with specialists whose identifiers differ only by case
    /// (`ann` and `Ann`): SCIM compares `userName`s without regard to case, so a server would refuse the second
    /// one as a duplicate.
    ///
    /// - Throws: ``InputError`` naming every such group of specialists and what to do.
    public static func checkUserNamesAreDistinct(_ organization: Organization) throws(InputError) {
        var byFolded: [String: [Specialist.ID]] = [:]
        for specialist in organization.specialists {
            byFolded[specialist.id.rawValue.lowercased(), default: []].append(specialist.id)
        }
        let clashes = byFolded.values.filter { $0.count > 1 }.map { $0.map(\.rawValue).sorted() }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
        guard !clashes.isEmpty else { return }
        let listed = clashes.map { $0.joined(separator: " and ") }.joined(separator: "; ")
        throw InputError(
            "specialists \(listed) differ only by case, but SCIM userNames ignore case, so the server would refuse "
                + "them as duplicates; give one of each an identifier that differs in more than case, then push "
                + "again. Nothing was sent.")
    }

    /// `squads scim push`: makes a SCIM server hold the organisation's people and squads (and departments, with
    /// `includingDepartments`) — creating, patching and deleting only what differs, so a second push changes
    /// nothing.
    ///
    /// Users are matched by `userName`, groups by `externalId` (`squad:<id>`, `department:<id>`). Only what the
    /// tool provisions is ever deleted: users whose `externalId` is their `userName`, and groups whose
    /// `externalId` starts with `squad:` or `department:`. Users without a manager are created before those
    /// with one, so a manager created in the same push is named by the id the server gave them. Specialists
    /// whose identifiers differ only by case are refused first (``checkUserNamesAreDistinct(_:)``), and a refused
    /// request names the user or group it was for.
    public static func scimPush(
        _ organization: Organization, to client: SCIMClient, includingDepartments: Bool = false, dryRun: Bool = false
    ) throws -> SCIMPushSummary {
        try checkUserNamesAreDistinct(organization)
        var summary = SCIMPushSummary(dryRun: dryRun)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func change(_ method: String, _ path: String, _ label: String, _ body: Data? = nil) throws -> Data? {
            summary.requests.append("\(method) \(path) \(label)")
            client.log("\(dryRun ? "would send" : "sending") \(method) \(path) \(label)")
            guard !dryRun else { return nil }
            do {
                return try client.send(method, path, body: body)
            } catch let refusal as SCIMServerError {
                // Say which user or group the refused request was for, not only the server's id in its path.
                throw SCIMServerError(
                    request: "\(refusal.request) (\(label))", status: refusal.status, scimType: refusal.scimType,
                    detail: refusal.detail)
            }
        }

        // Users: create what is missing, then patch what differs, managers by their server ids.
        let model = organization.scimUsers()
        summary.users = model.count
        var onServer: [String: SCIMUser] = [:]
        for object in try client.list("/Users") {
            let user = try decodeResource(SCIMUser.self, object)
            onServer[user.userName] = user
        }
        func serverID(_ userName: String) -> String? { onServer[userName]?.id }
        /// The user as the server should hold it: the manager named by their server id.
        func desired(_ user: SCIMUser) -> SCIMUser {
            var desired = user
            if let manager = user.enterprise?.manager?.value {
                desired.enterprise?.manager = serverID(manager).map { SCIMUser.Manager(value: $0) }
            }
            return desired
        }
        // Managers head their department and have no manager of their own, so creating the users without a
        // manager first means every manager exists by the time their reports are created.
        let missing = model.filter { onServer[$0.userName] == nil }
        var existing = Set(onServer.keys)
        for user in missing.filter({ $0.enterprise?.manager == nil })
            + missing.filter({ $0.enterprise?.manager != nil })
        {
            let wanted = desired(user)
            let created = try change("POST", "/Users", user.userName, try encoder.encode(wanted))
            var placed =
                try created.map { data in
                    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                        throw InputError(
                            "the SCIM server's answer to POST /Users for \(user.userName) is not a JSON object")
                    }
                    return try decodeResource(SCIMUser.self, object)
                } ?? wanted
            if placed.id == nil {
                guard dryRun else { throw InputError("the SCIM server created user \(user.userName) without an id") }
                placed.id = "(new \(user.userName))"
            }
            onServer[user.userName] = placed
            summary.created += 1
        }
        for user in model where existing.remove(user.userName) != nil {
            guard let current = onServer[user.userName], let id = current.id else { continue }
            guard let patch = current.patch(toward: desired(user)) else { continue }
            _ = try change(
                "PATCH", "/Users/\(id)", "\(user.userName): \(patch.operations.count) operations",
                try encoder.encode(patch))
            summary.patched += 1
        }

        // Groups: one POST, PATCH or DELETE for each that differs.
        let groups = organization.scimGroups(includingDepartments: includingDepartments)
        summary.groups = groups.count
        summary.memberships = groups.reduce(0) { $0 + $1.members.count }
        var groupsOnServer: [String: SCIMGroup] = [:]
        for object in try client.list("/Groups", filter: #"externalId sw "squad:" or externalId sw "department:""#) {
            let group = try decodeResource(SCIMGroup.self, object)
            if let externalId = group.externalId { groupsOnServer[externalId] = group }
        }
        for group in groups {
            guard let externalId = group.externalId else { continue }
            var desired = group
            desired.members = group.members.map {
                SCIMGroup.Member(value: serverID($0.value) ?? $0.value, display: $0.display)
            }
            if let current = groupsOnServer.removeValue(forKey: externalId), let id = current.id {
                guard let patch = current.patch(toward: desired) else { continue }
                let adds = patch.operations.reduce(0) { count, operation in
                    guard operation.op == .add, case .array(let members)? = operation.value else { return count }
                    return count + members.count
                }
                let removes = patch.operations.count { $0.op == .remove && $0.path?.hasPrefix("members[") == true }
                _ = try change(
                    "PATCH", "/Groups/\(id)", "\(externalId): add \(adds), remove \(removes)",
                    try encoder.encode(patch))
                summary.patched += 1
            } else {
                _ = try change("POST", "/Groups", externalId, try encoder.encode(desired))
                summary.created += 1
            }
        }
        let prefixes = includingDepartments ? ["squad:", "department:"] : ["squad:"]
        for (externalId, group) in groupsOnServer.sorted(by: { $0.key < $1.key })
        where prefixes.contains(where: externalId.hasPrefix) {
            guard let id = group.id else { continue }
            _ = try change("DELETE", "/Groups/\(id)", externalId)
            summary.deleted += 1
        }

        // Users the tool provisioned who are no longer in the organisation go last.
        let names = Set(model.map(\.userName))
        for (userName, user) in onServer.sorted(by: { $0.key < $1.key })
        where !names.contains(userName) && user.externalId == userName {
            guard let id = user.id else { continue }
            _ = try change("DELETE", "/Users/\(id)", userName)
            summary.deleted += 1
        }
        return summary
    }

    /// `squads scim pull`: reads every user and group from a SCIM server, page by page, and imports them with
    /// the mapping and the report of `squads import-scim`.
    public static func scimPull(from client: SCIMClient, options: SCIMImport.Options) throws
        -> (document: String, report: [String])
    {
        let resources = try client.list("/Users") + client.list("/Groups")
        let list: [String: Any] = [
            "schemas": [SCIMImport.listResponseSchema], "totalResults": resources.count, "Resources": resources,
        ]
        let data = try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])
        return try importSCIM(from: data, name: client.baseURL.absoluteString, options: options)
    }

    /// A resource the server sent, read as `type`.
    private static func decodeResource<Resource: Decodable>(_ type: Resource.Type, _ object: [String: Any]) throws
        -> Resource
    {
        do {
            return try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: object))
        } catch {
            throw InputError("the SCIM server sent a \(type) that cannot be read: \(error)")
        }
    }
}
