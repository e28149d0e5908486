import CustomerValueSquads
import Foundation
import SquadsCommandLine

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A SCIM provider in memory that behaves like the widely deployed ones that keep only part of the schema: it
/// keeps a user's `userName`, `externalId`, `active` and name parts and nothing else unless told, makes
/// `displayName` and `name.formatted` from the parts ("given family", or the `userName` when a part is missing),
/// numbers users and groups from 1 each, creates a group without its members, does not filter (a filtered list
/// is empty), takes members who join or leave only as a `value` list, and answers 501 to a PATCH of an
/// attribute it does not keep.
final class PartialSCIMProvider: @unchecked Sendable {
    private let lock = NSLock()
    private var users: [Int: [String: Any]] = [:]
    private var groups: [Int: [String: Any]] = [:]
    private var nextUser = 0
    private var nextGroup = 0
    private var version = 0
    private(set) var requests: [String] = []
    private(set) var bodies: [String] = []

    /// `patch.supported` in its configuration; without it PATCH is answered 501.
    var patchSupported = true
    /// User attributes it keeps beside the name parts, such as `title`.
    var keeps: Set<String> = []
    /// Attributes it keeps but refuses to change by PATCH (501).
    var refusesPatchOf: Set<String> = []
    /// Whether it takes only `members[value eq "…"]` paths for members who leave (and answers 400 to a list).
    var removesOnlyByFilterPath = false
    /// Whether it versions resources and checks `If-Match`.
    var versions = false
    /// Whether it publishes its resource types (a User type without schema extensions).
    var publishesResourceTypes = false
    /// A published User schema listing only these attributes, if any.
    var schemaAttributes: [String]?

    var transport: SCIMClient.Transport { { [self] request, _ in lock.withLock { handle(request) } } }

    var changes: [String] { lock.withLock { requests.filter { !$0.hasPrefix("GET") } } }
    func user(named userName: String) -> [String: Any]? {
        lock.withLock {
            users.first { $0.value["userName"] as? String == userName }.map { shown($0.key, $0.value) }
        }
    }
    /// The `If-Match` header of each PATCH, PUT and DELETE, in order.
    private(set) var ifMatchHeaders: [String?] = []
    /// Marks a user inactive on the server, as an administrator might.
    func deactivate(_ userName: String) {
        lock.withLock {
            if let id = users.first(where: { $0.value["userName"] as? String == userName })?.key {
                users[id]?["active"] = false
            }
        }
    }
    var groupIDs: Set<String> { lock.withLock { Set(groups.keys.map(String.init)) } }
    var userIDs: Set<String> { lock.withLock { Set(users.keys.map(String.init)) } }

    private func answer(_ status: Int, _ object: Any? = nil) -> SCIMClient.Answer {
        .init(status: status, body: object.map { try! JSONSerialization.data(withJSONObject: $0) } ?? Data())
    }

    private func error(_ status: Int, _ scimType: String? = nil, _ detail: String) -> SCIMClient.Answer {
        var object: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": String(status), "detail": detail,
        ]
        object["scimType"] = scimType
        return answer(status, object)
    }

    /// The user as the provider shows it: what it keeps, and the names it makes.
    private func shown(_ id: Int, _ stored: [String: Any]) -> [String: Any] {
        var user = stored
        user["id"] = String(id)
        user["schemas"] = [SCIMImport.userSchema]
        let name = stored["name"] as? [String: Any] ?? [:]
        let given = name["givenName"] as? String ?? ""
        let family = name["familyName"] as? String ?? ""
        let made = !given.isEmpty && !family.isEmpty ? "\(given) \(family)" : stored["userName"] as? String ?? ""
        user["name"] = ["givenName": given, "familyName": family, "formatted": made]
        user["displayName"] = made
        if versions { user["meta"] = ["version": "W/\"\(stored["version"] ?? 0)\""] }
        return user
    }

    private func shownGroup(_ id: Int, _ stored: [String: Any]) -> [String: Any] {
        var group = stored
        group["id"] = String(id)
        group["schemas"] = [SCIMImport.groupSchema]
        group["members"] = stored["members"] ?? []
        if versions { group["meta"] = ["version": "W/\"\(stored["version"] ?? 0)\""] }
        return group
    }

    /// The part of a user's body the provider keeps.
    private func kept(_ body: [String: Any]) -> [String: Any] {
        var user: [String: Any] = [:]
        for key in ["userName", "externalId", "active"] + keeps { user[key] = body[key] }
        if let name = body["name"] as? [String: Any] {
            user["name"] = ["givenName": name["givenName"] ?? "", "familyName": name["familyName"] ?? ""]
        }
        return user
    }

    private func nextVersion() -> Int {
        version += 1
        return version
    }

    private func handle(_ request: URLRequest) -> SCIMClient.Answer {
        let method = request.httpMethod ?? "GET"
        guard let url = request.url else { return error(400, nil, "no URL") }
        let parts = url.path.split(separator: "/").map(String.init)
        requests.append("\(method) /\(parts.joined(separator: "/"))")
        if let body = request.httpBody { bodies.append(String(decoding: body, as: UTF8.self)) }
        if !["GET", "POST"].contains(method) { ifMatchHeaders.append(request.value(forHTTPHeaderField: "If-Match")) }
        let body = request.httpBody.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let kind = method == "GET" || method == "POST" ? parts.last ?? "" : parts[parts.count - 2]
        let id = Int(parts.last ?? "") ?? 0
        switch (method, kind) {
        case ("GET", "ServiceProviderConfig"):
            return answer(
                200,
                [
                    "patch": ["supported": patchSupported], "filter": ["supported": false, "maxResults": 50],
                    "bulk": ["supported": false], "etag": ["supported": versions],
                ])
        case ("GET", "ResourceTypes"):
            guard publishesResourceTypes else { return error(404, nil, "no resource types") }
            let user: [String: Any] = ["id": "User", "endpoint": "/Users", "schema": SCIMImport.userSchema]
            return answer(200, ["Resources": [user], "totalResults": 1])
        case ("GET", "Schemas"):
            guard let schemaAttributes else { return error(404, nil, "no schemas") }
            let user: [String: Any] = [
                "id": SCIMImport.userSchema, "attributes": schemaAttributes.map { ["name": $0] },
            ]
            return answer(200, ["Resources": [user], "totalResults": 1])
        case ("GET", "Users"), ("GET", "Groups"):
            let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let start = Int(query.first { $0.name == "startIndex" }?.value ?? "1") ?? 1
            let count = Int(query.first { $0.name == "count" }?.value ?? "50") ?? 50
            let all: [[String: Any]] =
                query.contains { $0.name == "filter" }
                ? []
                : kind == "Users"
                    ? users.sorted { $0.key < $1.key }.map { shown($0.key, $0.value) }
                    : groups.sorted { $0.key < $1.key }.map { shownGroup($0.key, $0.value) }
            let page = Array(all.dropFirst(start - 1).prefix(min(count, 50)))
            return answer(200, ["totalResults": all.count, "startIndex": start, "Resources": page])
        case ("POST", "Users"):
            guard let body else { return error(400, nil, "no body") }
            nextUser += 1
            var user = kept(body)
            user["version"] = nextVersion()
            users[nextUser] = user
            return answer(201, shown(nextUser, user))
        case ("POST", "Groups"):
            guard let body else { return error(400, nil, "no body") }
            nextGroup += 1
            groups[nextGroup] = [
                "displayName": body["displayName"] ?? "", "externalId": body["externalId"] ?? "",
                "version": nextVersion(),
            ]
            return answer(201, shownGroup(nextGroup, groups[nextGroup]!))
        case ("DELETE", _):
            if kind == "Users" { users[id] = nil } else { groups[id] = nil }
            return answer(204)
        case ("PUT", "Users"), ("PATCH", "Users"), ("PUT", "Groups"), ("PATCH", "Groups"):
            guard var stored = kind == "Users" ? users[id] : groups[id] else { return error(404, nil, "no \(id)") }
            if versions, request.value(forHTTPHeaderField: "If-Match") != "W/\"\(stored["version"] ?? 0)\"" {
                return error(412, nil, "the resource changed since it was read")
            }
            if method == "PUT" {
                guard let body else { return error(400, nil, "no body") }
                if kind == "Users" {
                    stored = kept(body).merging(["version": stored["version"] ?? 0]) { $1 }
                } else {
                    stored["displayName"] = body["displayName"]
                    stored["members"] = (body["members"] as? [[String: Any]] ?? []).map { ["value": $0["value"]!] }
                }
            } else {
                guard patchSupported else { return error(501, nil, "PATCH is not implemented") }
                for operation in body?["Operations"] as? [[String: Any]] ?? [] {
                    let path = operation["path"] as? String ?? ""
                    let op = operation["op"] as? String ?? ""
                    let value = operation["value"]
                    if kind == "Groups" {
                        guard path == "members" || path.hasPrefix("members[") else {
                            return error(501, nil, "Not Implemented")
                        }
                        var members = stored["members"] as? [[String: Any]] ?? []
                        if op == "add" {
                            members += (value as? [[String: Any]] ?? []).map { ["value": $0["value"]!] }
                        } else if path == "members" {
                            if removesOnlyByFilterPath {
                                return error(400, "invalidValue", "a remove carries no value; filter the path")
                            }
                            let leaving = Set((value as? [[String: Any]] ?? []).map { $0["value"] as? String })
                            members.removeAll { leaving.contains($0["value"] as? String) }
                        } else {
                            let leaving = path.split(separator: "\"").dropFirst().first.map(String.init)
                            members.removeAll { $0["value"] as? String == leaving }
                        }
                        stored["members"] = members
                    } else if path.hasPrefix("name.") {
                        var name = stored["name"] as? [String: Any] ?? [:]
                        let part = String(path.dropFirst("name.".count))
                        guard part != "formatted", !refusesPatchOf.contains(path) else {
                            return error(501, nil, "Not Implemented")
                        }
                        name[part] = value ?? ""
                        stored["name"] = name
                    } else if ["userName", "active"].contains(path) || keeps.contains(path),
                        !refusesPatchOf.contains(path)
                    {
                        stored[path] = value
                    } else {
                        return error(501, nil, "Not Implemented")
                    }
                }
            }
            stored["version"] = nextVersion()
            if kind == "Users" {
                users[id] = stored
                return answer(200, shown(id, stored))
            }
            groups[id] = stored
            return answer(200, shownGroup(id, stored))
        default:
            return error(405, nil, "\(method) \(kind)")
        }
    }
}
