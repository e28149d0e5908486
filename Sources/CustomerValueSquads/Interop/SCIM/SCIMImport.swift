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
/// that is unambiguous; and the groups the caller names become squads.
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
    ///   code ``OrganizationError/Code/duplicateID`` naming a SCIM id that appears twice.
    /// - Complexity: O(*n* log *n*) in the number of resources and group members.
    public static func organization(from data: Data, options: Options) throws -> Result {
        let document = try JSONDecoder().decode(ListResponse.self, from: data)
        var importer = Importer(options: options)
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
    var name: Name?
    var displayName: String?
    var title: String?
    var active: Bool?
    var members: [Reference]?
    var enterprise: Enterprise?

    enum CodingKeys: String, CodingKey {
        case id, schemas, userName, name, displayName, title, active, members
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

// MARK: - The import

struct Importer {
    let options: SCIMImport.Options
    var report: [SCIMImport.Issue] = []
    var users: [Resource] = []
    var groups: [Resource] = []
    var seen: Set<String> = []

    init(options: SCIMImport.Options) { self.options = options }

    mutating func note(_ severity: Finding.Severity, _ resource: String, _ message: String) {
        report.append(SCIMImport.Issue(severity: severity, resource: resource, message: message))
    }

    mutating func read(_ resources: [Resource]) throws {
        for resource in resources {
            guard seen.insert(resource.id).inserted else {
                throw OrganizationError(code: .duplicateID, message: "SCIM resource id \(resource.id) appears twice")
            }
            if resource.isUser {
                users.append(resource)
            } else if resource.isGroup {
                groups.append(resource)
            } else {
                note(
                    .warning, resource.id,
                    "resource with schemas \(resource.schemas) is neither a User nor a Group; not imported")
            }
        }
    }

    /// Turns any text into a valid identifier: lower-case letters, digits and dashes.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return String((result.isEmpty ? "x" : result).prefix(100))
    }

    /// A unique identifier for `text` among `taken`.
    static func uniqueID(for text: String, taken: inout Set<String>) -> String {
        let base = slug(text)
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    mutating func finish() throws -> SCIMImport.Result {
        var takenDepartments: Set<String> = []
        var departmentIDs: [String: Department.ID] = [:]  // by department name
        var divisionIDs: [String: Department.ID] = [:]  // by division name
        var departments: [Department] = []
        var parentOfDepartment: [String: String] = [:]  // department name → division name

        // Departments and divisions, in the order users name them.
        for user in users where user.active != false {
            guard let name = user.enterprise?.department, !Organization.isBlank(name) else { continue }
            let division = user.enterprise?.division.flatMap { Organization.isBlank($0) ? nil : $0 }
            if let division, divisionIDs[division] == nil {
                let id = try Department.ID(validating: Self.uniqueID(for: division, taken: &takenDepartments))
                divisionIDs[division] = id
                departments.append(Department(id: id, name: division, function: "division"))
            }
            if departmentIDs[name] != nil {
                if let division, let recorded = parentOfDepartment[name], recorded != division {
                    note(
                        .warning, user.id,
                        "department \(name) is placed under division \(recorded); this user names division \(division)")
                }
                continue
            }
            let id = try Department.ID(validating: Self.uniqueID(for: name, taken: &takenDepartments))
            departmentIDs[name] = id
            if let division { parentOfDepartment[name] = division }
            departments.append(Department(id: id, name: name, parent: division.flatMap { divisionIDs[$0] }))
        }

        // Specialists from active users with a department.
        var takenSpecialists: Set<String> = []
        var specialistOf: [String: Specialist.ID] = [:]
        var specialists: [Specialist] = []
        var departmentOfUser: [String: Department.ID] = [:]
        for user in users {
            guard let personName = user.personName else {
                note(
                    .warning, user.id, "user \(String(reflecting: user.id)) has no name that is not blank; not imported"
                )
                continue
            }
            if user.namedAfterID, user.active != false {
                note(.note, user.id, "user \(user.id) has no name that is not blank; named after their id")
            }
            guard user.active != false else {
                note(.note, user.id, "user \(personName) is inactive; not imported")
                continue
            }
            guard let name = user.enterprise?.department, let department = departmentIDs[name] else {
                note(.warning, user.id, "user \(personName) has no department; not imported")
                continue
            }
            let id = try Specialist.ID(validating: Self.uniqueID(for: user.id, taken: &takenSpecialists))
            specialistOf[user.id] = id
            departmentOfUser[user.id] = department
            specialists.append(
                Specialist(id: id, name: personName, title: user.title ?? "", department: department))
        }

        // Heads from manager chains: in each department, the one member whose manager is outside it.
        var managerOf: [String: String] = [:]
        var managerUnknown: Set<String> = []  // users whose manager link was dropped
        for user in users where specialistOf[user.id] != nil {
            guard let manager = user.enterprise?.manager?.value, !manager.isEmpty else { continue }
            if specialistOf[manager] == nil {
                managerUnknown.insert(user.id)
                let who = user.enterprise?.manager?.displayName ?? manager
                note(
                    .warning, user.id,
                    "manager \(who) (\(manager)) is not among the imported users; the link is not kept")
            } else {
                managerOf[user.id] = manager
            }
        }
        // Each user's chain is walked once: a user already walked ends the walk, so this is linear.
        var inCycle: Set<String> = []
        var walked: Set<String> = []
        for user in users where managerOf[user.id] != nil && !walked.contains(user.id) {
            var chain: [String] = []
            var position: [String: Int] = [:]
            var current: String? = user.id
            while let id = current, !walked.contains(id), position[id] == nil {
                position[id] = chain.count
                chain.append(id)
                current = managerOf[id]
            }
            if let repeated = current, let start = position[repeated] {
                let cycle = chain[start...]
                for id in cycle where inCycle.insert(id).inserted {
                    note(.error, id, "the manager chain loops: \(cycle.joined(separator: " → ")) → \(repeated)")
                }
            }
            walked.formUnion(chain)
        }
        var membersOfDepartment: [Department.ID: [String]] = [:]
        for user in users {
            if let department = departmentOfUser[user.id] {
                membersOfDepartment[department, default: []].append(user.id)
            }
        }
        for index in departments.indices {
            let department = departments[index].id
            guard let members = membersOfDepartment[department] else { continue }
            if members.contains(where: inCycle.contains) {
                note(
                    .warning, department.rawValue,
                    "no head inferred for \(departments[index].name): its manager chain loops")
                continue
            }
            // A member whose manager link was dropped may report to anyone: they are no evidence of a head.
            let tops = members.filter { member in
                guard !managerUnknown.contains(member) else { return false }
                guard let manager = managerOf[member] else { return true }
                return departmentOfUser[manager] != department
            }
            if tops.count == 1, let head = tops.first, let id = specialistOf[head] {
                departments[index].head = id
            } else {
                note(
                    .note,
                    department.rawValue,
                    "no head inferred for \(departments[index].name): \(tops.count) members report outside it"
                )
            }
        }

        // Squads from the groups the caller names.
        var squads: [CustomerValueSquad] = []
        var takenSquads: Set<String> = []
        var booked: [Specialist.ID: Int] = [:]
        let groupIDs = Set(groups.map(\.id))
        let userIDs = Set(users.map(\.id))
        for group in groups {
            guard let name = group.groupName else {
                note(
                    .warning, group.id,
                    "group \(String(reflecting: group.id)) has no name that is not blank; not imported")
                continue
            }
            if group.namedAfterID {
                note(.note, group.id, "group \(group.id) has no name that is not blank; named after its id")
            }
            let chosen = options.squads.contains(id: group.id, name: name)
            guard chosen else {
                note(.note, group.id, "group \(name) was not asked for as a squad; not imported")
                continue
            }
            var memberships: [Specialist.ID: Membership] = [:]
            for member in group.members ?? [] {
                let reference = member.value ?? "?"
                if member.type == "Group" || groupIDs.contains(reference) {
                    note(
                        .warning, group.id,
                        "member \(reference) of group \(name) is a group; squads do not nest, not placed")
                    continue
                }
                guard let specialist = specialistOf[reference] else {
                    let known = userIDs.contains(reference)
                    note(
                        known ? .warning : .error,
                        group.id,
                        known
                            ? "member \(reference) of group \(name) was not imported; not placed"
                            : "member \(reference) of group \(name) is not a user in the document"
                    )
                    continue
                }
                guard memberships[specialist] == nil else {
                    note(.note, group.id, "member \(reference) is listed twice in group \(name); placed once")
                    continue
                }
                guard booked[specialist, default: 0] + options.share.percent <= 100 else {
                    note(
                        .warning, group.id,
                        "member \(reference) would pass 100 % of their time with group \(name); not placed")
                    continue
                }
                booked[specialist, default: 0] += options.share.percent
                memberships[specialist] = Membership(role: "member", share: options.share)
            }
            let id = try CustomerValueSquad.ID(validating: Self.uniqueID(for: name, taken: &takenSquads))
            squads.append(
                CustomerValueSquad(id: id, name: name, mission: Mission(statement: name), memberships: memberships))
        }

        let organization = try Organization(
            name: options.name,
            goal: options.goal,
            departments: departments,
            specialists: specialists,
            squads: squads
        )
        return SCIMImport.Result(organization: organization, report: report, specialists: specialistOf)
    }
}
