/// A SCIM 2.0 `User` resource (RFC 7643 §4.1) with the Enterprise User extension (§4.3), as far as the model
/// fills it: the attributes an identity system needs to know who works where and for whom.
///
/// Decoding keeps these attributes and ignores the others a server returns (`meta`, `emails`, ...); encoding
/// writes `schemas` for the core schema and, when ``enterprise`` is set, the extension.
public struct SCIMUser: Sendable, Hashable, Codable {
    /// The user's manager, in the Enterprise User extension.
    public struct Manager: Sendable, Hashable, Codable {
        /// The `id` of the manager's `User` resource. In resources the library builds it is the manager's
        /// ``userName``; a client replaces it with the id the server assigned.
        public var value: String?
        /// The manager's display name; read-only for servers, informative here.
        public var displayName: String?

        /// Creates a manager reference.
        public init(value: String?, displayName: String? = nil) {
            self.value = value
            self.displayName = displayName
        }
    }

    /// The Enterprise User extension's attributes (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`).
    public struct Enterprise: Sendable, Hashable, Codable {
        /// The name of the user's department.
        public var department: String?
        /// The name of the division the department belongs to.
        public var division: String?
        /// The user's manager.
        public var manager: Manager?

        /// Creates the extension's attributes.
        public init(department: String? = nil, division: String? = nil, manager: Manager? = nil) {
            self.department = department
            self.division = division
            self.manager = manager
        }
    }

    /// The parts of a person's name (RFC 7643 §4.1.1 `name`).
    ///
    /// Providers that keep only part of the User schema often keep the name parts and make `displayName` from
    /// them, so a user the library builds carries the name here as well as in ``SCIMUser/displayName``.
    public struct Name: Sendable, Hashable, Codable {
        /// The full name as it is shown.
        public var formatted: String?
        /// The given (first) name.
        public var givenName: String?
        /// The family (last) name.
        public var familyName: String?

        /// Creates a name.
        public init(formatted: String? = nil, givenName: String? = nil, familyName: String? = nil) {
            self.formatted = formatted
            self.givenName = givenName
            self.familyName = familyName
        }

        /// The name of a person called `fullName`: always the formatted name and, only when it is exactly two
        /// words, the first as the given name and the second as the family name. A single name ("Budi") or
        /// a longer one ("Made Ayu Lestari") is not split, because which words are the family name cannot be
        /// told without guessing.
        public init(splitting fullName: String) {
            let words = fullName.split(whereSeparator: \.isWhitespace)
            self.init(formatted: fullName)
            if words.count == 2 {
                givenName = String(words[0])
                familyName = String(words[1])
            }
        }
    }

    /// The id the server assigned, or `nil` before the resource is created.
    public var id: String?
    /// The id in the provisioning system: for users the library builds, the specialist's identifier.
    public var externalId: String?
    /// The unique name the user signs in with: for users the library builds, the specialist's identifier.
    public var userName: String
    /// The parts of the name; `nil` when the user has none. Set it after ``init(id:externalId:userName:displayName:title:active:enterprise:)``.
    public var name: Name?
    /// The name to show.
    public var displayName: String?
    /// The job title.
    public var title: String?
    /// Whether the user may sign in.
    public var active: Bool?
    /// The Enterprise User extension, if the user has any of its attributes.
    public var enterprise: Enterprise?

    /// Creates a user.
    public init(
        id: String? = nil, externalId: String? = nil, userName: String, displayName: String? = nil,
        title: String? = nil, active: Bool? = true, enterprise: Enterprise? = nil
    ) {
        self.id = id
        self.externalId = externalId
        self.userName = userName
        self.displayName = displayName
        self.title = title
        self.active = active
        self.enterprise = enterprise
    }

    private enum CodingKeys: String, CodingKey {
        case schemas, id, externalId, userName, name, displayName, title, active
        case enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    }

    /// Decodes a user; attributes the model does not use are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(String.self, forKey: .id),
            externalId: try container.decodeIfPresent(String.self, forKey: .externalId),
            userName: try container.decode(String.self, forKey: .userName),
            displayName: try container.decodeIfPresent(String.self, forKey: .displayName),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            active: try container.decodeIfPresent(Bool.self, forKey: .active),
            enterprise: try container.decodeIfPresent(Enterprise.self, forKey: .enterprise)
        )
        name = try container.decodeIfPresent(Name.self, forKey: .name)
    }

    /// Encodes the user with its `schemas`; absent attributes are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            [SCIMImport.userSchema] + (enterprise == nil ? [] : [SCIMImport.enterpriseUserSchema]), forKey: .schemas)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(externalId, forKey: .externalId)
        try container.encode(userName, forKey: .userName)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(displayName, forKey: .displayName)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(active, forKey: .active)
        try container.encodeIfPresent(enterprise, forKey: .enterprise)
    }
}

/// A SCIM 2.0 `Group` resource (RFC 7643 §4.2): a squad, or a department, and its members.
public struct SCIMGroup: Sendable, Hashable, Codable {
    /// One member of a group.
    public struct Member: Sendable, Hashable, Codable {
        /// The `id` of the member's resource. In groups the library builds it is the member's `userName`; a
        /// client replaces it with the id the server assigned.
        public var value: String
        /// The member's display name; informative.
        public var display: String?

        /// Creates a member.
        public init(value: String, display: String? = nil) {
            self.value = value
            self.display = display
        }
    }

    /// The id the server assigned, or `nil` before the resource is created.
    public var id: String?
    /// The id in the provisioning system: `squad:<id>` or `department:<id>` for groups the library builds.
    public var externalId: String?
    /// The group's name.
    public var displayName: String
    /// The members, in the order given.
    public var members: [Member]

    /// Creates a group.
    public init(id: String? = nil, externalId: String? = nil, displayName: String, members: [Member] = []) {
        self.id = id
        self.externalId = externalId
        self.displayName = displayName
        self.members = members
    }

    private enum CodingKeys: String, CodingKey {
        case schemas, id, externalId, displayName, members
    }

    /// Decodes a group; missing members read as none, and other attributes are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(String.self, forKey: .id),
            externalId: try container.decodeIfPresent(String.self, forKey: .externalId),
            displayName: try container.decode(String.self, forKey: .displayName),
            members: try container.decodeIfPresent([Member].self, forKey: .members) ?? []
        )
    }

    /// Encodes the group with its `schemas`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([SCIMImport.groupSchema], forKey: .schemas)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(externalId, forKey: .externalId)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(members, forKey: .members)
    }
}
