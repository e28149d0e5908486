import CustomerValueSquads
import Foundation

/// What a SCIM server supports and which user attributes it keeps, as far as one push can tell.
///
/// The server's `/ServiceProviderConfig` says whether it takes PATCH, filters and entity tags, and how many
/// resources a page may hold; its `/ResourceTypes` and `/Schemas`, when it publishes them, say which attributes
/// it has no place for. The rest is learned from what it gives back: an attribute a created user was sent and did not get back
/// unchanged, an attribute none of the provisioned users on the server holds although the organisation gives it
/// to some, a name the server makes itself from the name parts (its `displayName` is the `userName` where the
/// name has no parts), and an attribute whose PATCH the server refused as not supported.
public struct SCIMProviderProfile: Sendable, Equatable {
    /// A user attribute the organisation fills but a provider may not keep.
    public enum Attribute: String, Sendable, Hashable, CaseIterable, Comparable {
        /// `displayName`.
        case displayName
        /// `name.formatted`.
        case formattedName = "name.formatted"
        /// `name.givenName`.
        case givenName = "name.givenName"
        /// `name.familyName`.
        case familyName = "name.familyName"
        /// `title`.
        case title
        /// The Enterprise User extension's `department`.
        case department
        /// The Enterprise User extension's `division`.
        case division
        /// The Enterprise User extension's `manager`.
        case manager

        /// The attribute's path in a PATCH operation.
        public var path: String {
            switch self {
            case .department, .division, .manager: SCIMImport.enterpriseUserSchema + ":" + rawValue
            default: rawValue
            }
        }

        /// The attribute a PATCH path names, if it is one of these.
        public init?(path: String) {
            guard let attribute = Self.allCases.first(where: { $0.path == path }) else { return nil }
            self = attribute
        }

        /// The attribute's value in `user`; an empty string counts as none, as providers answer unset parts so.
        public func value(in user: SCIMUser) -> String? {
            let text: String? =
                switch self {
                case .displayName: user.displayName
                case .formattedName: user.name?.formatted
                case .givenName: user.name?.givenName
                case .familyName: user.name?.familyName
                case .title: user.title
                case .department: user.enterprise?.department
                case .division: user.enterprise?.division
                case .manager: user.enterprise?.manager?.value
                }
            return text?.isEmpty == false ? text : nil
        }

        /// `user` without this attribute.
        public func removed(from user: SCIMUser) -> SCIMUser {
            var user = user
            switch self {
            case .displayName: user.displayName = nil
            case .formattedName: user.name?.formatted = nil
            case .givenName: user.name?.givenName = nil
            case .familyName: user.name?.familyName = nil
            case .title: user.title = nil
            case .department: user.enterprise?.department = nil
            case .division: user.enterprise?.division = nil
            case .manager: user.enterprise?.manager = nil
            }
            return user
        }

        /// Orders attributes as they are declared.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Whether the server takes PATCH (`patch.supported`); without it a changed resource is replaced with PUT.
    public var patchSupported = true
    /// Whether the server filters lists (`filter.supported`); without it every group is read and the tool picks
    /// its own.
    public var filterSupported = true
    /// The most resources the server gives in one page (`filter.maxResults`), if it says.
    public var maximumResults: Int?
    /// Whether the server takes bulk requests (`bulk.supported`). The tool sends one request per change
    /// either way.
    public var bulkSupported = false
    /// Whether the server versions resources (`etag.supported`); then a change names the version it read with
    /// `If-Match`.
    public var etagSupported = false
    /// The user attributes the server does not keep, each with why the tool thinks so.
    public var unkept: [Attribute: String] = [:]
    /// How a group's leaving members are named; changed to ``SCIMGroup/MemberRemoval/filterPath`` when the
    /// server refuses the value-list form.
    public var memberRemoval: SCIMGroup.MemberRemoval = .valueList

    /// A profile of a server that supports everything and keeps every attribute.
    public init() {}

    /// The page size to ask for: 100, or the server's `maxResults` when that is smaller.
    public var pageSize: Int { min(100, max(1, maximumResults ?? 100)) }

    /// Records that the server does not keep `attribute`, unless that is known already.
    public mutating func learn(_ attribute: Attribute, _ reason: String) {
        if unkept[attribute] == nil { unkept[attribute] = reason }
    }

    /// `user` without the attributes the server does not keep, and without the Enterprise User extension when
    /// none of its attributes is left.
    public func keptPart(of user: SCIMUser) -> SCIMUser {
        var kept = unkept.keys.reduce(user) { $1.removed(from: $0) }
        // An extension with nothing left is not sent at all, nor its schema named.
        if kept.enterprise == SCIMUser.Enterprise() { kept.enterprise = nil }
        return kept
    }

    /// Reads `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas`. A server that publishes none of them
    /// (answering 404 or another refusal of the request, or 501), or answers them with something unreadable, is
    /// taken to support everything and keep every attribute.
    ///
    /// - Throws: what the client throws for a server that cannot be reached, redirects elsewhere or answers
    ///   too much, and ``SCIMServerError`` for a refused token (401, 403), an overloaded server (429 or 503
    ///   after the retries) and any other server error.
    public static func discover(with client: SCIMClient) throws -> SCIMProviderProfile {
        func read(_ path: String) throws -> [String: Any]? {
            do {
                let data = try client.send("GET", path)
                return try? object(data)
            } catch let refusal as SCIMServerError
                where refusal.status == 501
                || ((400..<500).contains(refusal.status)
                    && ![401, 403, 429].contains(refusal.status))
            {
                client.log("\(refusal); going on without it")
                return nil
            }
        }
        var profile = SCIMProviderProfile()
        if let config = try read("/ServiceProviderConfig") {
            func supported(_ feature: String) -> Bool? {
                ((config[feature] as? [String: Any])?["supported"] as? NSNumber)?.boolValue
            }
            profile.patchSupported = supported("patch") ?? true
            profile.filterSupported = supported("filter") ?? true
            profile.bulkSupported = supported("bulk") ?? false
            profile.etagSupported = supported("etag") ?? false
            if let most = ((config["filter"] as? [String: Any])?["maxResults"] as? NSNumber)?.intValue, most > 0 {
                profile.maximumResults = most
            }
        }
        if let list = try read("/ResourceTypes"), let types = list["Resources"] as? [[String: Any]] {
            profile.learn(fromResourceTypes: types)
        }
        if let list = try read("/Schemas"), let schemas = list["Resources"] as? [[String: Any]] {
            profile.learn(fromSchemas: schemas)
        }
        client.log(profile.description)
        return profile
    }

    /// Learns from the server's resource types whether its users take the Enterprise User extension: a `User`
    /// resource type that lists no such schema extension (RFC 7643 §6) has no place for `department`,
    /// `division` and `manager`.
    mutating func learn(fromResourceTypes types: [[String: Any]]) {
        guard let user = types.first(where: { $0["schema"] as? String == SCIMImport.userSchema }) else { return }
        let extensions = (user["schemaExtensions"] as? [[String: Any]] ?? []).compactMap { $0["schema"] as? String }
        guard !extensions.contains(SCIMImport.enterpriseUserSchema) else { return }
        for attribute in [Attribute.department, .division, .manager] {
            learn(attribute, "its User resource type has no Enterprise User extension")
        }
    }

    /// Learns from the server's schemas what it has no place for: user attributes its User schema does not
    /// list, and the Enterprise User extension when it publishes no such schema. A schema that lists an
    /// attribute proves nothing: many servers publish the whole RFC 7643 schema and keep less.
    mutating func learn(fromSchemas schemas: [[String: Any]]) {
        func attributes(of id: String) -> [[String: Any]]? {
            schemas.first { $0["id"] as? String == id }?["attributes"] as? [[String: Any]]
        }
        guard let user = attributes(of: SCIMImport.userSchema) else { return }
        let names = Set(user.compactMap { $0["name"] as? String })
        for attribute in [Attribute.displayName, .title] where !names.contains(attribute.rawValue) {
            learn(attribute, "its User schema has no \(attribute.rawValue)")
        }
        if let name = user.first(where: { $0["name"] as? String == "name" }) {
            let parts = Set((name["subAttributes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
            for attribute in [Attribute.formattedName, .givenName, .familyName]
            where !parts.isEmpty && !parts.contains(String(attribute.rawValue.dropFirst("name.".count))) {
                learn(attribute, "its User schema's name has no \(attribute.rawValue.dropFirst("name.".count))")
            }
        } else {
            for attribute in [Attribute.formattedName, .givenName, .familyName] {
                learn(attribute, "its User schema has no name")
            }
        }
        if let enterprise = attributes(of: SCIMImport.enterpriseUserSchema) {
            let names = Set(enterprise.compactMap { $0["name"] as? String })
            for attribute in [Attribute.department, .division, .manager] where !names.contains(attribute.rawValue) {
                learn(attribute, "its Enterprise User schema has no \(attribute.rawValue)")
            }
        } else {
            for attribute in [Attribute.department, .division, .manager] {
                learn(attribute, "it publishes no Enterprise User schema")
            }
        }
    }

    /// Learns from a created user: an attribute sent and not given back unchanged is not kept.
    mutating func learn(sent: SCIMUser, answered: SCIMUser) {
        for attribute in Attribute.allCases {
            guard let wanted = attribute.value(in: sent), unkept[attribute] == nil else { continue }
            let given = attribute.value(in: answered)
            if attribute == .manager {
                // Servers answer the manager with the id it was given, sometimes with more beside it.
                if given == nil { learn(attribute, "a created user did not get it back") }
            } else if given != wanted {
                learn(
                    attribute,
                    given == nil
                        ? "a created user did not get it back"
                        : "a created user got it back changed (\(String(reflecting: wanted)) → "
                            + "\(String(reflecting: given ?? "")))")
            }
        }
    }

    /// Learns from the users already on the server, each with what the organisation wants for them.
    ///
    /// An attribute none of them holds although the organisation gives it to some is not kept. `displayName`
    /// and `name.formatted` are the server's own when, for every user whose value differs, it is the one the
    /// server makes from the name parts ("given family", or the `userName` where a part is missing) and, for
    /// at least one, it is the `userName` while the organisation gives a name.
    mutating func learn(existing pairs: [(onServer: SCIMUser, wanted: SCIMUser)]) {
        for attribute in Attribute.allCases where unkept[attribute] == nil {
            let wanted = pairs.filter { attribute.value(in: $0.wanted) != nil }
            guard !wanted.isEmpty else { continue }
            if wanted.allSatisfy({ attribute.value(in: $0.onServer) == nil }) {
                learn(attribute, "none of the \(wanted.count) users on the server that should have it holds it")
                continue
            }
            guard attribute == .displayName || attribute == .formattedName else { continue }
            let differing = wanted.filter { attribute.value(in: $0.onServer) != attribute.value(in: $0.wanted) }
            guard !differing.isEmpty else { continue }
            func derived(_ user: SCIMUser) -> String {
                guard let given = Attribute.givenName.value(in: user), let family = Attribute.familyName.value(in: user)
                else { return user.userName }
                return "\(given) \(family)"
            }
            let madeByServer = differing.allSatisfy { attribute.value(in: $0.onServer) == derived($0.onServer) }
            let namedAfterUserName = differing.contains { pair in
                attribute.value(in: pair.onServer) == pair.onServer.userName
                    && attribute.value(in: pair.wanted) != pair.wanted.userName
            }
            if madeByServer && namedAfterUserName {
                learn(attribute, "the server makes it from the name parts, or the userName where they are missing")
            }
        }
    }

    /// One line for `--verbose`: what the server supports.
    public var description: String {
        "the SCIM server supports PATCH: \(patchSupported), filters: \(filterSupported)"
            + (maximumResults.map { " (at most \($0) a page)" } ?? "") + ", bulk: \(bulkSupported), "
            + "entity tags: \(etagSupported)"
            + (unkept.isEmpty ? "" : "; its schemas have no place for \(Self.words(unkept.keys))")
    }

    /// Attributes in words, such as `title, department and division`.
    static func words(_ attributes: some Collection<Attribute>) -> String {
        let names = attributes.sorted().map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// A JSON object from a server's answer.
    static func object(_ data: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InputError("the SCIM server's answer is not a JSON object")
        }
        return object
    }
}
