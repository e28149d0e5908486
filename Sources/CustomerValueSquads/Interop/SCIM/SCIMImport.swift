#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads people and groups from SCIM 2.0 (RFC 7643) into an ``Organization``.
///
/// The input is a SCIM `ListResponse` of `User` resources with the Enterprise User extension and `Group`
/// resources. Departments come from each user's `department`, nested under their `division` where one is
/// given; specialists come from active users; a department's head is inferred from the `manager` chains where
/// that is unambiguous (and, with ``Options/keepsReportingLines``, each `manager` becomes the user's reporting
/// line); and the groups the caller names become squads.
///
/// What ``Organization/scimUsers()`` and ``Organization/scimGroups(includingDepartments:)`` wrote comes back
/// under the same identifiers: a group with `externalId` `squad:<id>` is squad `<id>` whatever its display
/// name, a group with `externalId` `department:<id>` names the id of the department its display name names (and
/// is not read as a squad), and a user's id attribute that is a valid identifier is kept as it is.
///
/// Nothing is dropped silently: everything the model cannot place — a user without a department, an
/// inactive user, a manager who is not in the list, a manager cycle, a group inside a group, an unknown member
/// — is reported in ``Result/report`` with the resource's id.
///
/// ```swift
/// let result = try SCIMImport.organization(
///     from: data, options: .init(name: "Universal Studios", squads: .named(["Tour Guides"])))
/// result.organization.squadCount
/// result.report.map(\.message)
/// ```
public enum SCIMImport {
    /// How to read a SCIM document.
    public struct Options: Sendable, Hashable {
        /// The organisation's name.
        public var name: String
        /// The organisation's shared goal.
        public var goal: String
        /// Which groups become squads.
        public enum SquadGroups: Sendable, Hashable {
            /// No group: the import reads departments and people only.
            case none
            /// Every group.
            case all
            /// The groups with these ids or display names.
            case named(Set<String>)

            /// Whether a group with `id` and `name` is chosen.
            public func contains(id: String, name: String) -> Bool {
                switch self {
                case .none: false
                case .all: true
                case .named(let names): names.contains(id) || names.contains(name)
                }
            }
        }

        /// The groups to read as squads.
        public var squads: SquadGroups
        /// The share of time each squad member gives; 20 % by default.
        public var share: TimeShare
        /// Which attribute of a user names its specialist; the resource's `id` by default.
        public var specialistIDs: SpecialistIDs = .resourceID
        /// Whether each user's `manager` becomes their ``Specialist/manager``, drawing the reporting lines; `false`
        /// by default, when the managers only show whom departments are headed by.
        ///
        /// Links into a loop and to managers not imported are reported and not kept. ``Organization/scimUser(for:)``
        /// sends a specialist who names no manager with their department's head as `manager`, so after a push and
        /// a pull with this option such a specialist reports to that head; the lines of an organisation where
        /// everyone who is not a department's head names a manager come back as they were.
        public var keepsReportingLines = false

        /// The attribute of a user that becomes its specialist's identifier: kept as it is when it is a valid
        /// identifier that no earlier user took (so `j.doe`, `E_1001` and `ops:7` come back unchanged), and
        /// otherwise made one (lower case, dashes) and unique.
        public enum SpecialistIDs: String, Sendable, Hashable, CaseIterable {
            /// The resource's `id`, which the identity system assigned.
            case resourceID
            /// The user's `userName`, such as the one ``Organization/scimUser(for:)`` gives: the specialist's
            /// identifier, so a push and a pull give the people back their identifiers.
            case userName
            /// The user's `externalId`, where there is one.
            case externalID
        }

        /// The groups to read as squads as a set of ids or display names, `nil` meaning every group — the
        /// earlier spelling of ``squads``, kept for compatibility; prefer ``squads``, which says `.none` and
        /// `.all` in words.
        public var squadGroups: Set<String>? {
            get {
                switch squads {
                case .none: []
                case .all: nil
                case .named(let names): names
                }
            }
            set { squads = newValue.map { $0.isEmpty ? .none : .named($0) } ?? .all }
        }

        /// Creates options.
        ///
        /// - Parameters:
        ///   - name: The organisation's name.
        ///   - goal: The shared goal; empty by default.
        ///   - squads: Which groups become squads: `.none`, `.all` or `.named([...])`.
        ///   - share: The share of time each squad member gives; 20 % by default.
        public init(name: String, goal: String = "", squads: SquadGroups, share: TimeShare = 20) {
            self.name = name
            self.goal = goal
            self.squads = squads
            self.share = share
        }

        /// Creates options.
        ///
        /// - Parameters:
        ///   - name: The organisation's name.
        ///   - goal: The shared goal; empty by default.
        ///   - squadGroups: The groups to read as squads, by id or display name; none by default.
        ///   - share: The share of time each squad member gives; 20 % by default.
        public init(name: String, goal: String = "", squadGroups: Set<String>? = [], share: TimeShare = 20) {
            self.name = name
            self.goal = goal
            self.squads = .none
            self.share = share
            self.squadGroups = squadGroups
        }
    }

    /// Something the import could not place, or decided, about one resource.
    public struct Issue: Sendable, Hashable, Codable, CustomStringConvertible {
        /// How serious it is: a note for decisions, a warning for what was left out, an error for
        /// inconsistent input.
        public var severity: Finding.Severity
        /// The SCIM id of the resource concerned.
        public var resource: String
        /// What happened.
        public var message: String

        /// The issue on one line.
        public var description: String { "\(severity.rawValue) [\(resource)] \(message)" }
    }

    /// An imported organisation and everything the import has to report about it.
    public struct Result: Sendable, Hashable {
        /// The organisation.
        public var organization: Organization
        /// What could not be placed or was decided, in the order the resources came.
        public var report: [Issue]
        /// The specialist each imported SCIM user became, by SCIM id.
        public var specialists: [String: Specialist.ID]
    }

    /// The schema of a user resource.
    public static let userSchema = "urn:ietf:params:scim:schemas:core:2.0:User"
    /// The schema of a group resource.
    public static let groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group"
    /// The schema of the Enterprise User extension.
    public static let enterpriseUserSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// The schema of a list response.
    public static let listResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse"

    /// Reads a SCIM `ListResponse` into an organisation.
    ///
    /// - Parameters:
    ///   - data: The SCIM document.
    ///   - options: The organisation's name and which groups become squads.
    /// - Returns: The organisation, the report and the id mapping.
    /// - Throws: `DecodingError` with the coding path for a document that is not a SCIM list response
    ///   (not JSON, a resource without an `id`, a value of the wrong type), or ``OrganizationError`` with
    ///   code ``OrganizationError/Code/duplicateID`` naming a SCIM id that appears twice among the users or among
    ///   the groups (a user and a group may share an id, as providers that number each endpoint from 1 do).
    /// - Complexity: O(*n* log *n*) in the number of resources and group members.
    public static func organization(from data: Data, options: Options) throws -> Result {
        let document = try JSONDecoder().decode(ListResponse.self, from: data)
        var importer = Importer(options: options)
        importer.keepsManagers = options.keepsReportingLines
        try importer.read(document.resources)
        return try importer.finish()
    }
}

// MARK: - The SCIM documents, as far as the import reads them

struct ListResponse: Decodable {
    var resources: [Resource]

    enum CodingKeys: String, CodingKey {
        case schemas
        case resources = "Resources"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schemas = try container.decodeIfPresent([String].self, forKey: .schemas) ?? []
        guard schemas.contains(SCIMImport.listResponseSchema) else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemas,
                in: container,
                debugDescription: "not a SCIM list response: schemas must contain \(SCIMImport.listResponseSchema)"
            )
        }
        resources = try container.decodeIfPresent([Resource].self, forKey: .resources) ?? []
    }
}

struct Resource: Decodable {
    struct Name: Decodable {
        var formatted: String?
        var givenName: String?
        var familyName: String?
    }

    struct Reference: Decodable {
        var value: String?
        var display: String?
        var displayName: String?
        var type: String?
    }

    struct Enterprise: Decodable {
        var employeeNumber: String?
        var costCenter: String?
        var organization: String?
        var division: String?
        var department: String?
        var manager: Reference?
    }

    var id: String
    var schemas: [String]
    var userName: String?
    var externalId: String?
    var name: Name?
    var displayName: String?
    var title: String?
    var active: Bool?
    var members: [Reference]?
    var enterprise: Enterprise?
    /// Skills, which SCIM does not carry: set by the CSV import.
    var skills: [Skill: Proficiency] = [:]

    enum CodingKeys: String, CodingKey {
        case id, schemas, userName, externalId, name, displayName, title, active, members
        case enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    }

    var isUser: Bool { schemas.contains(SCIMImport.userSchema) }
    var isGroup: Bool { schemas.contains(SCIMImport.groupSchema) }

    /// The first of the display name, the formatted name, the given and family names, the user name and the
    /// id that is not blank; `nil` when all of them are. ``namedAfterID`` says when only the id was left.
    var personName: String? {
        let parts = [name?.givenName, name?.familyName].compactMap { $0 }.filter { !Organization.isBlank($0) }
        let candidates: [String?] = [
            displayName, name?.formatted, parts.isEmpty ? nil : parts.joined(separator: " "), userName, id,
        ]
        return candidates.compactMap { $0 }.first { !Organization.isBlank($0) }
    }

    /// Whether every name field is blank, so the resource goes by its id.
    var namedAfterID: Bool {
        if isGroup { return displayName.map(Organization.isBlank) ?? true }
        return personName == id && userName != id && displayName != id
    }

    /// The display name of a group, or its id when that is blank; `nil` when both are.
    var groupName: String? {
        [displayName, id as String?].compactMap { $0 }.first { !Organization.isBlank($0) }
    }
}
