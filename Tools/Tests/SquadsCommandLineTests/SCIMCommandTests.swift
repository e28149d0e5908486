import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A SCIM server in memory, enough of RFC 7644 for the client: list with paging, create, patch (members by
/// value, attributes by path), delete; a bearer token; and answers of 429 or 503 on demand.
final class FakeSCIMServer: @unchecked Sendable {
    private let lock = NSLock()
    private var resources: [String: [String: [String: Any]]] = ["Users": [:], "Groups": [:]]
    private var next = 0
    private(set) var requests: [String] = []
    var refusals: [Int] = []  // statuses to answer with before serving, one per request
    let token = "secret"

    var transport: SCIMClient.Transport { { [self] request, _ in try handle(request) } }

    func resources(_ kind: String) -> [[String: Any]] { lock.withLock { Array(resources[kind, default: [:]].values) } }

    private func handle(_ request: URLRequest) throws -> SCIMClient.Answer {
        lock.lock()
        defer { lock.unlock() }
        let method = request.httpMethod ?? "GET"
        let url = try need(request.url)
        let parts = url.path.split(separator: "/").map(String.init)
        requests.append("\(method) /\(parts.joined(separator: "/"))")
        if !refusals.isEmpty {
            return .init(status: refusals.removeFirst(), body: Data(#"{"detail":"busy"}"#.utf8), retryAfter: 0)
        }
        guard request.value(forHTTPHeaderField: "Authorization") == "Bearer \(token)" else {
            let error =
                #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401","detail":"bad token"}"#
            return .init(status: 401, body: Data(error.utf8))
        }
        let kind = parts[parts.count - (method == "GET" || method == "POST" ? 1 : 2)]
        let body = try request.httpBody.map { try JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? nil
        switch method {
        case "GET":
            let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let start = Int(query.first { $0.name == "startIndex" }?.value ?? "1") ?? 1
            let count = Int(query.first { $0.name == "count" }?.value ?? "100") ?? 100
            let all = resources[kind, default: [:]].sorted { $0.key < $1.key }.map(\.value)
            let page = Array(all.dropFirst(start - 1).prefix(count))
            let list: [String: Any] = [
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": all.count,
                "startIndex": start, "itemsPerPage": page.count, "Resources": page,
            ]
            return .init(status: 200, body: try JSONSerialization.data(withJSONObject: list))
        case "POST":
            var resource = try need(body)
            next += 1
            let id = String(format: "id-%04d", next)
            resource["id"] = id
            resources[kind, default: [:]][id] = resource
            return .init(status: 201, body: try JSONSerialization.data(withJSONObject: resource))
        case "PATCH":
            let id = parts[parts.count - 1]
            guard var resource = resources[kind]?[id] else { return .init(status: 404, body: Data()) }
            for operation in try need(body?["Operations"] as? [[String: Any]]) {
                let path = operation["path"] as? String ?? ""
                let op = (operation["op"] as? String ?? "").lowercased()
                if path == "members", op == "add" {
                    resource["members"] = (resource["members"] as? [Any] ?? []) + (operation["value"] as? [Any] ?? [])
                } else if path == "members", op == "remove" {
                    let leaving = Set(
                        (operation["value"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String })
                    resource["members"] = (resource["members"] as? [[String: Any]] ?? []).filter {
                        !leaving.contains($0["value"] as? String ?? "")
                    }
                } else if path.hasPrefix("name.") {
                    var name = resource["name"] as? [String: Any] ?? [:]
                    name[String(path.dropFirst("name.".count))] = op == "remove" ? nil : operation["value"]
                    resource["name"] = name
                } else if path.hasPrefix("members[value eq \""), op == "remove" {
                    let value = String(path.dropFirst("members[value eq \"".count).dropLast(2))
                    resource["members"] = (resource["members"] as? [[String: Any]] ?? []).filter {
                        $0["value"] as? String != value
                    }
                } else if path.hasPrefix(SCIMImport.enterpriseUserSchema + ":") {
                    let name = String(path.dropFirst(SCIMImport.enterpriseUserSchema.count + 1))
                    var enterprise = resource[SCIMImport.enterpriseUserSchema] as? [String: Any] ?? [:]
                    enterprise[name] = op == "remove" ? nil : operation["value"]
                    resource[SCIMImport.enterpriseUserSchema] = enterprise
                } else {
                    resource[path] = op == "remove" ? nil : operation["value"]
                }
            }
            resources[kind]?[id] = resource
            return .init(status: 204, body: Data())
        case "DELETE":
            resources[kind]?[parts[parts.count - 1]] = nil
            return .init(status: 204, body: Data())
        default:
            return .init(status: 405, body: Data())
        }
    }
}

/// The value, or an error for a request the fake server cannot read.
private func need<Value>(_ value: Value?) throws -> Value {
    guard let value else { throw InputError("the fake SCIM server cannot read the request") }
    return value
}

@Suite("squads scim push and pull")
struct SCIMCommandTests {
    let sample = Commands.sampleOrganization

    func client(_ server: FakeSCIMServer, token: String? = "secret") -> SCIMClient {
        SCIMClient(
            baseURL: URL(string: "https://idp.example.com/scim/v2")!, token: token, transport: server.transport,
            pause: { _ in })
    }

    @Test("a push creates everything once, a second push changes nothing, and a pull gives the organisation back")
    func pushIsIdempotent() throws {
        let server = FakeSCIMServer()
        let first = try Commands.scimPush(sample, to: client(server))
        let squads = sample.squads.filter { $0.stage != .dissolved }
        #expect(first.users == sample.specialistCount && first.groups == squads.count)
        #expect(first.memberships == squads.reduce(0) { $0 + $1.size })
        #expect(first.created == first.users + first.groups && first.patched == 0 && first.deleted == 0)
        // Managers are created first, so every report names their manager's server id straight away.
        let users = server.resources("Users")
        let idOf = Dictionary(uniqueKeysWithValues: users.map { ($0["userName"] as! String, $0["id"] as! String) })
        let seller = try #require(users.first { $0["userName"] as? String == "sales-2" })
        let manager = (seller[SCIMImport.enterpriseUserSchema] as? [String: Any])?["manager"] as? [String: Any]
        let home = try #require(sample.specialist("sales-2")).department
        let head = try #require(sample.department(home)?.head)
        #expect(manager?["value"] as? String == idOf[head.rawValue])

        let second = try Commands.scimPush(sample, to: client(server))
        #expect(second.requests.isEmpty)
        #expect(second.line.contains("0 requests changed the server"))

        var options = SCIMImport.Options(name: sample.name, squads: .all)
        options.specialistIDs = .userName
        let pulled = try Organization(
            jsonData: Data(try Commands.scimPull(from: client(server), options: options).document.utf8))
        #expect(Set(pulled.specialists.map(\.id)) == Set(sample.specialists.map(\.id)))
        #expect(
            Set(pulled.squads.map { "\($0.name): \($0.memberIDs)" })
                == Set(squads.map { "\($0.name): \($0.memberIDs)" }))
    }

    @Test("one member joining and one leaving is one PATCH of that squad's group; a squad dissolved is a DELETE")
    func pushSendsOnlyTheDifference() throws {
        let server = FakeSCIMServer()
        _ = try Commands.scimPush(sample, to: client(server))
        var changed = sample
        let squad = try #require(changed.squad("bali"))
        let leaving = try #require(squad.memberIDs.first)
        let joining = try #require(
            changed.specialists.first { squad.memberships[$0.id] == nil && changed.sparePercent(of: $0.id) >= 10 })
        try changed.release(leaving, from: "bali")
        try changed.assign(joining.id, to: "bali", role: "newcomer", share: 10)
        let dry = try Commands.scimPush(changed, to: client(server), dryRun: true)
        #expect(dry.requests.count == 1 && dry.line.contains("1 request would change"))
        let before = server.requests.count
        let second = try Commands.scimPush(changed, to: client(server))
        #expect(second.requests.count == 1)
        #expect(second.requests.first?.hasPrefix("PATCH /Groups/") == true)
        #expect(second.requests.first?.hasSuffix("squad:bali: add 1, remove 1") == true)
        #expect(server.requests.dropFirst(before).filter { !$0.hasPrefix("GET") }.count == 1)

        try changed.release(joining.id, from: "bali")
        for member in try #require(changed.squad("bali")).memberIDs { try changed.release(member, from: "bali") }
        try changed.dissolve("bali")
        let third = try Commands.scimPush(changed, to: client(server))
        #expect(third.requests.count == 1 && third.requests.first?.hasPrefix("DELETE /Groups/") == true)
    }

    @Test("refusals with 429 or 503 are tried again; other refusals show the server's SCIM error")
    func refusals() throws {
        let server = FakeSCIMServer()
        server.refusals = [429, 503]
        let summary = try Commands.scimPush(sample, to: client(server))
        #expect(summary.created > 0)
        // The push asks first what the server supports.
        #expect(server.requests.prefix(3).allSatisfy { $0 == "GET /scim/v2/ServiceProviderConfig" })

        server.refusals = [503, 503, 503, 503, 503]
        #expect(
            throws: SCIMServerError(request: "GET /ServiceProviderConfig", status: 503, scimType: nil, detail: "busy")
        ) {
            try Commands.scimPush(sample, to: client(server))
        }
        let refused = SCIMServerError(
            request: "GET /ServiceProviderConfig", status: 401, scimType: nil, detail: "bad token")
        #expect(throws: refused) { try Commands.scimPush(sample, to: client(server, token: "wrong")) }
        #expect(refused.description == "the SCIM server refused GET /ServiceProviderConfig: 401: bad token")
    }

    @Test("only what squads provisions is deleted: users whose externalId is their userName, groups named squad:")
    func pushDeletesOnlyItsOwn() throws {
        let server = FakeSCIMServer()
        let foreign = SCIMClient(
            baseURL: URL(string: "https://idp.example.com/scim/v2")!, token: "secret", transport: server.transport)
        try foreign.send("POST", "/Users", body: Data(#"{"userName":"someone-else","externalId":"hr-17"}"#.utf8))
        try foreign.send("POST", "/Groups", body: Data(#"{"displayName":"All staff","externalId":"hr:all"}"#.utf8))
        _ = try Commands.scimPush(sample, to: client(server))
        var smaller = sample
        let leaver = try #require(
            smaller.specialists.first {
                smaller.squads(of: $0.id).isEmpty && smaller.department($0.department)?.head != $0.id
            })
        try smaller.offboard(leaver.id)
        let summary = try Commands.scimPush(smaller, to: client(server))
        #expect(summary.deleted == 1)
        #expect(Set(server.resources("Users").compactMap { $0["userName"] as? String }).contains("someone-else"))
        #expect(server.resources("Groups").contains { $0["externalId"] as? String == "hr:all" })
        #expect(!server.resources("Users").contains { $0["userName"] as? String == leaver.id.rawValue })
    }

    @Test("with departments, each department is a group of its staff too, and a second push changes nothing")
    func departments() throws {
        let server = FakeSCIMServer()
        let first = try Commands.scimPush(sample, to: client(server), includingDepartments: true)
        let live = sample.squads.filter { $0.stage != .dissolved }.count
        #expect(first.groups == live + sample.departmentCount)
        let groups = server.resources("Groups")
        let sales = try #require(groups.first { $0["externalId"] as? String == "department:sales" })
        #expect((sales["members"] as? [Any])?.count == sample.staff(of: "sales").count)
        #expect(try Commands.scimPush(sample, to: client(server), includingDepartments: true).requests.isEmpty)
        // Without departments, their groups are left as they are.
        let without = try Commands.scimPush(sample, to: client(server))
        #expect(without.requests.isEmpty)
        #expect(server.resources("Groups").count == live + sample.departmentCount)
    }
}
