import CustomerValueSquads
import Foundation

/// What `squads scim push` did, or would do with `--dry-run`.
public struct SCIMPushSummary: Sendable, Equatable {
    /// The users, groups and memberships the organisation has in SCIM terms.
    public var users = 0, groups = 0, memberships = 0
    /// How many resources were created, patched (or replaced) and deleted.
    public var created = 0, patched = 0, deleted = 0
    /// Each request that changed (or would change) the server, in order, such as
    /// `PATCH /Groups/2819c223 squad:bali: add 1, remove 1`.
    public var requests: [String] = []
    /// The user attributes the server does not keep and so were not sent, each with why the tool thinks so.
    public var unkept: [SCIMProviderProfile.Attribute: String] = [:]
    /// Each change of an attribute the server refused as one it does not support, with the server's error,
    /// such as `PATCH /Users/1 (analytics-1): title: 501: Not Implemented`. The push went on without it.
    public var refused: [String] = []
    /// Whether nothing was sent that changes the server.
    public var dryRun = false

    /// One line for people: the counts, how many requests changed the server, and — once, in words — the
    /// attributes the server does not keep.
    public var line: String {
        "\(users) users, \(groups) groups, \(memberships) memberships; "
            + "\(requests.count) request\(requests.count == 1 ? "" : "s") \(dryRun ? "would change" : "changed") the server "
            + "(\(created) created, \(patched) patched, \(deleted) deleted)"
            + (unkept.isEmpty
                ? "" : "; the server does not keep \(SCIMProviderProfile.words(unkept.keys)): not sent")
            + (refused.isEmpty
                ? "" : "; it refused \(refused.count) attribute change\(refused.count == 1 ? "" : "s") (see --verbose)")
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
    ///
    /// The push adapts to what the server supports and keeps (``SCIMProviderProfile``): attributes it does not
    /// keep are not sent and are named once in the summary; a PATCH it refuses for an attribute it does not
    /// support (400 `invalidPath`, `mutability` or `noTarget`, or 501) is sent again one attribute at a time and
    /// the refused ones are reported, not fatal; without PATCH a changed resource is replaced with PUT; without
    /// filters every group is read; with entity tags each change names the version read; members a created
    /// group did not keep are added by a PATCH; and members who leave are named in one `value` list, or by
    /// filter paths when the server refuses that form.
    public static func scimPush(
        _ organization: Organization, to client: SCIMClient, includingDepartments: Bool = false, dryRun: Bool = false
    ) throws -> SCIMPushSummary {
        try checkUserNamesAreDistinct(organization)
        var summary = SCIMPushSummary(dryRun: dryRun)
        var profile = try SCIMProviderProfile.discover(with: client)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var versions: [String: String] = [:]  // entity tags by resource path, when the server uses them
        func remember(_ path: String, _ object: [String: Any]?) {
            if let version = (object?["meta"] as? [String: Any])?["version"] as? String { versions[path] = version }
        }
        /// Sends one change; `again` when it replaces a change the server refused in another form.
        func change(_ method: String, _ path: String, _ label: String, _ body: Data? = nil, again: Bool = false)
            throws -> Data?
        {
            summary.requests.append("\(method) \(path) \(label)")
            client.log("\(dryRun ? "would send" : again ? "sending again" : "sending") \(method) \(path) \(label)")
            guard !dryRun else { return nil }
            let headers = method != "POST" && profile.etagSupported ? versions[path].map { ["If-Match": $0] } : nil
            do {
                let answer = try client.send(method, path, body: body, headers: headers ?? [:])
                remember(path, try? SCIMProviderProfile.object(answer))
                return answer
            } catch let refusal as SCIMServerError {
                // Say which user or group the refused request was for, not only the server's id in its path.
                throw SCIMServerError(
                    request: "\(refusal.request) (\(label))", status: refusal.status, scimType: refusal.scimType,
                    detail: refusal.detail)
            }
        }
        /// Whether the server refused a change as one it does not support, rather than for being wrong.
        func isUnsupported(_ refusal: SCIMServerError) -> Bool {
            refusal.status == 501
                || (refusal.status == 400
                    && ["invalidPath", "mutability", "noTarget"].contains(refusal.scimType ?? ""))
        }

        // Users: create what is missing, then patch what differs, managers by their server ids.
        let model = organization.scimUsers()
        summary.users = model.count
        var onServer: [String: SCIMUser] = [:]
        for object in try client.list("/Users", pageSize: profile.pageSize) {
            let user = try decodeResource(SCIMUser.self, object)
            onServer[user.userName] = user
            if let id = user.id { remember("/Users/\(id)", object) }
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
        profile.learn(existing: model.compactMap { user in onServer[user.userName].map { ($0, desired(user)) } })
        // Managers head their department and have no manager of their own, so creating the users without a
        // manager first means every manager exists by the time their reports are created.
        let missing = model.filter { onServer[$0.userName] == nil }
        var existing = Set(onServer.keys)
        for user in missing.filter({ $0.enterprise?.manager == nil })
            + missing.filter({ $0.enterprise?.manager != nil })
        {
            let wanted = profile.keptPart(of: desired(user))
            let created = try change("POST", "/Users", user.userName, try encoder.encode(wanted))
            var placed =
                try created.map { data in
                    guard let object = try? SCIMProviderProfile.object(data) else {
                        throw InputError(
                            "the SCIM server's answer to POST /Users for \(user.userName) is not a JSON object")
                    }
                    let placed = try decodeResource(SCIMUser.self, object)
                    if let id = placed.id { remember("/Users/\(id)", object) }
                    return placed
                } ?? wanted
            if placed.id == nil {
                guard dryRun else { throw InputError("the SCIM server created user \(user.userName) without an id") }
                placed.id = "(new \(user.userName))"
            }
            if !dryRun { profile.learn(sent: wanted, answered: placed) }
            onServer[user.userName] = placed
            summary.created += 1
        }
        for user in model where existing.remove(user.userName) != nil {
            guard let current = onServer[user.userName], let id = current.id else { continue }
            let path = "/Users/\(id)"
            let wanted = profile.keptPart(of: desired(user))
            guard var patch = profile.keptPart(of: current).patch(toward: wanted) else { continue }
            patch.operations.removeAll {
                SCIMProviderProfile.Attribute(path: $0.path ?? "").map { profile.unkept[$0] != nil } ?? false
            }
            guard !patch.operations.isEmpty else { continue }
            guard profile.patchSupported else {
                var replacement = wanted
                replacement.id = id
                _ = try change("PUT", path, user.userName, try encoder.encode(replacement))
                summary.patched += 1
                continue
            }
            let label = "\(user.userName): \(patch.operations.count) operations"
            do {
                _ = try change("PATCH", path, label, try encoder.encode(patch))
                summary.patched += 1
            } catch let refusal as SCIMServerError where isUnsupported(refusal) {
                // Send the operations one at a time: the server keeps what it can, and an attribute it does not
                // support is reported and left out from now on.
                summary.requests.removeLast()
                client.log("\(refusal); sending the \(patch.operations.count) operations one at a time")
                var sent = false
                for operation in patch.operations {
                    let attribute = SCIMProviderProfile.Attribute(path: operation.path ?? "")
                    do {
                        _ = try change(
                            "PATCH", path, "\(user.userName): \(operation.path ?? "")",
                            try encoder.encode(SCIMPatchRequest(operations: [operation])))
                        sent = true
                    } catch let refusal as SCIMServerError where isUnsupported(refusal) && attribute != nil {
                        summary.requests.removeLast()
                        summary.refused.append(
                            "\(refusal.request): \(operation.path ?? ""): \(refusal.status)"
                                + (refusal.detail.map { ": \($0)" } ?? ""))
                        profile.learn(attribute!, "it refused a change of it (\(refusal.status))")
                    }
                }
                if sent { summary.patched += 1 }
            }
        }
        summary.unkept = profile.unkept

        // Groups: one POST, PATCH or DELETE for each that differs.
        let groups = organization.scimGroups(includingDepartments: includingDepartments)
        summary.groups = groups.count
        summary.memberships = groups.reduce(0) { $0 + $1.members.count }
        let prefixes = includingDepartments ? ["squad:", "department:"] : ["squad:"]
        var listed: [[String: Any]]? = nil
        if profile.filterSupported {
            do {
                listed = try client.list(
                    "/Groups", filter: #"externalId sw "squad:" or externalId sw "department:""#,
                    pageSize: profile.pageSize)
            } catch let refusal as SCIMServerError where refusal.status == 400 || refusal.status == 501 {
                client.log("\(refusal); reading every group instead")
            }
        }
        var groupsOnServer: [String: SCIMGroup] = [:]
        for object in try listed ?? client.list("/Groups", pageSize: profile.pageSize) {
            let group = try decodeResource(SCIMGroup.self, object)
            guard let externalId = group.externalId, ["squad:", "department:"].contains(where: externalId.hasPrefix)
            else { continue }
            groupsOnServer[externalId] = group
            if let id = group.id { remember("/Groups/\(id)", object) }
        }
        /// Patches (or replaces) one group; `counted` is false for the members added to a group just created,
        /// which the summary counts as created.
        func patchGroup(
            _ current: SCIMGroup, toward desired: SCIMGroup, id: String, externalId: String, again: Bool = false,
            counted: Bool = true
        ) throws {
            let path = "/Groups/\(id)"
            guard let patch = current.patch(toward: desired, removingMembersBy: profile.memberRemoval) else { return }
            guard profile.patchSupported else {
                var replacement = desired
                replacement.id = id
                _ = try change("PUT", path, externalId, try encoder.encode(replacement))
                if counted { summary.patched += 1 }
                return
            }
            let adds = patch.operations.reduce(0) { count, operation in
                guard operation.op == .add, case .array(let members)? = operation.value else { return count }
                return count + members.count
            }
            let removes = patch.operations.reduce(0) { count, operation in
                guard operation.op == .remove, operation.path?.hasPrefix("members") == true else { return count }
                guard case .array(let members)? = operation.value else { return count + 1 }
                return count + members.count
            }
            do {
                _ = try change(
                    "PATCH", path, "\(externalId): add \(adds), remove \(removes)", try encoder.encode(patch),
                    again: again)
                if counted { summary.patched += 1 }
            } catch let refusal as SCIMServerError
                where refusal.status == 400 && profile.memberRemoval == .valueList && removes > 0
            {
                summary.requests.removeLast()
                client.log("\(refusal); naming the members who leave by filter paths instead")
                profile.memberRemoval = .filterPath
                try patchGroup(
                    current, toward: desired, id: id, externalId: externalId, again: true, counted: counted)
            } catch let refusal as SCIMServerError where isUnsupported(refusal) {
                summary.requests.removeLast()
                client.log("\(refusal); replacing the group with PUT instead")
                var replacement = desired
                replacement.id = id
                _ = try change("PUT", path, externalId, try encoder.encode(replacement), again: true)
                if counted { summary.patched += 1 }
            }
        }
        for group in groups {
            guard let externalId = group.externalId else { continue }
            var desired = group
            desired.members = group.members.map {
                SCIMGroup.Member(value: serverID($0.value) ?? $0.value, display: $0.display)
            }
            if let current = groupsOnServer.removeValue(forKey: externalId), let id = current.id {
                try patchGroup(current, toward: desired, id: id, externalId: externalId)
            } else {
                let created = try change("POST", "/Groups", externalId, try encoder.encode(desired))
                summary.created += 1
                // Some servers create the group and drop its members: add them as a change of the new group.
                guard let created, let object = try? SCIMProviderProfile.object(created),
                    let placed = try? decodeResource(SCIMGroup.self, object), let id = placed.id
                else { continue }
                remember("/Groups/\(id)", object)
                let kept = Set(placed.members.map(\.value))
                let dropped = desired.members.filter { !kept.contains($0.value) }
                guard !dropped.isEmpty else { continue }
                client.log("the SCIM server created \(externalId) without \(dropped.count) of its members; adding them")
                var withoutDropped = desired
                withoutDropped.members.removeAll { !kept.contains($0.value) }
                try patchGroup(withoutDropped, toward: desired, id: id, externalId: externalId, counted: false)
            }
        }
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
