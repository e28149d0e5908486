extension BackstageCatalog {
    /// How to read catalog entities into an organisation.
    public struct ImportOptions: Sendable, Hashable {
        /// The organisation's name.
        public var organizationName: String
        /// The organisation's shared goal.
        public var goal: String
        /// The `spec.type` of the groups that become squads; every other group becomes a department.
        public var squadType: String
        /// The role of every squad member, which the catalog does not hold.
        public var role: Role
        /// The share of time of every squad member, which the catalog does not hold.
        public var share: TimeShare

        /// Creates options.
        public init(
            organizationName: String, goal: String = "", squadType: String = "squad", role: Role = "member",
            share: TimeShare = 20
        ) {
            self.organizationName = organizationName
            self.goal = goal
            self.squadType = squadType
            self.role = role
            self.share = share
        }
    }

    /// Something the import skipped or decided about one entity.
    public struct Issue: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A note for decisions, a warning for what was left out, an error for inconsistent input.
        public var severity: Finding.Severity
        /// The entity, as a reference: `group:sales`, `user:ani`.
        public var entity: String
        /// What happened.
        public var message: String

        /// `warning [user:ani] …`.
        public var description: String { "\(severity.rawValue) [\(entity)] \(message)" }
    }

    /// An imported organisation and what the import skipped.
    public struct ImportResult: Sendable, Hashable {
        /// The organisation.
        public var organization: Organization
        /// What was skipped or decided, in the order of the entities.
        public var report: [Issue]
    }

    /// Reads catalog entities into an organisation: groups of ``ImportOptions/squadType`` become squads, the
    /// other groups departments (their parents, their `leader` as head when they are a member), users
    /// specialists of the first department they are a member of. Identifiers come from
    /// ``identifierAnnotation`` when it holds a valid one, else from the names.
    ///
    /// Nothing is dropped silently: entities of other kinds, users of no department, references to nothing,
    /// a parent that would close a cycle, a leader outside their group, memberships past 100 % of a person's
    /// time — each is reported with the entity.
    ///
    /// - Throws: ``OrganizationError`` when the entities that remain still break an invariant.
    /// - Complexity: O(*e* log *e* + *r*) in the entities and their references.
    public static func organization(from entities: [Entity], options: ImportOptions) throws(OrganizationError)
        -> ImportResult
    {
        var report: [Issue] = []
        func note(_ severity: Finding.Severity, _ entity: Entity, _ message: String) {
            report.append(
                Issue(
                    severity: severity, entity: "\(entity.kind.rawValue.lowercased()):\(entity.metadata.name)",
                    message: message))
        }
        /// The name a reference points to: `group:ns/name` → `name`.
        func target(_ reference: String) -> String {
            var text = Substring(reference)
            if let colon = text.firstIndex(of: ":") { text = text[text.index(after: colon)...] }
            if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
            return String(text).lowercased()
        }
        var groups: [String: Entity] = [:]
        var users: [String: Entity] = [:]
        var ordered: [Entity] = []
        for entity in entities {
            guard entity.apiVersion == apiVersion || entity.apiVersion == "backstage.io/v1beta1" else {
                note(.warning, entity, "apiVersion \(entity.apiVersion) is not backstage.io/v1alpha1; not imported")
                continue
            }
            guard entity.kind == .group || entity.kind == .user else {
                note(.note, entity, "a \(entity.kind) is not a Group or a User; not imported")
                continue
            }
            let key = entity.metadata.name.lowercased()
            if entity.kind == .group ? groups[key] != nil : users[key] != nil {
                note(.error, entity, "\(entity.kind.rawValue) \(entity.metadata.name) appears twice; the first is kept")
                continue
            }
            if entity.kind == .group { groups[key] = entity } else { users[key] = entity }
            ordered.append(entity)
        }
        /// Each entity's identifier: its annotation when valid and free, else its name (made valid and free).
        var taken: [Kind: Set<String>] = [:]
        var identifierOf: [String: String] = [:]  // "kind:name" → identifier
        func key(_ entity: Entity) -> String { "\(entity.kind.rawValue):\(entity.metadata.name.lowercased())" }
        for entity in ordered {
            var free = taken[entity.kind] ?? []
            let annotated = entity.metadata.annotations?[identifierAnnotation]
            let identifier: String
            if let annotated, (try? Specialist.ID(validating: annotated)) != nil, !free.contains(annotated) {
                identifier = annotated
                free.insert(annotated)
            } else {
                identifier = Importer.keptOrUniqueID(for: entity.metadata.name, taken: &free)
            }
            taken[entity.kind] = free
            identifierOf[key(entity)] = identifier
        }
        func identifier(_ entity: Entity) -> String { identifierOf[key(entity)] ?? entity.metadata.name }
        let isSquad = { (entity: Entity) in entity.kind == .group && entity.spec.type == options.squadType }

        // Departments and their parents.
        var departments: [Department] = []
        var departmentOfGroup: [String: Department.ID] = [:]  // group name → department
        for entity in ordered where entity.kind == .group && !isSquad(entity) {
            let id = Department.ID(trustedIdentifier: identifier(entity))
            departmentOfGroup[entity.metadata.name.lowercased()] = id
            departments.append(Department(id: id, name: entity.spec.profile?.displayName ?? entity.metadata.name))
        }
        var groupOfDepartment: [Department.ID: String] = [:]
        for (group, department) in departmentOfGroup { groupOfDepartment[department] = group }
        var parentOf: [Department.ID: Department.ID] = [:]
        for (index, department) in departments.enumerated() {
            guard let entity = groupOfDepartment[department.id].flatMap({ groups[$0] }),
                let reference = entity.spec.parent
            else { continue }
            guard let parent = departmentOfGroup[target(reference)] else {
                note(.warning, entity, "parent \(reference) is not a department group here; the link is not kept")
                continue
            }
            var ancestor: Department.ID? = parent
            var steps = 0
            while let current = ancestor, current != department.id, steps <= departments.count {
                ancestor = parentOf[current]
                steps += 1
            }
            if ancestor == department.id {
                note(.error, entity, "parent \(reference) would make \(department.id) its own ancestor; not kept")
                continue
            }
            parentOf[department.id] = parent
            departments[index].parent = parent
        }

        // Specialists, in the first department group they belong to.
        var specialists: [Specialist] = []
        var specialistOfUser: [String: Specialist.ID] = [:]
        var listedIn: [String: [Department.ID]] = [:]  // user name → departments whose members list them
        for entity in ordered where entity.kind == .group && !isSquad(entity) {
            for member in entity.spec.members ?? [] {
                if let department = departmentOfGroup[entity.metadata.name.lowercased()] {
                    listedIn[target(member), default: []].append(department)
                }
            }
        }
        for entity in ordered where entity.kind == .user {
            let name = entity.metadata.name.lowercased()
            let homes =
                (entity.spec.memberOf ?? []).compactMap { departmentOfGroup[target($0)] } + (listedIn[name] ?? [])
            guard let home = homes.first else {
                note(.warning, entity, "user \(entity.metadata.name) is a member of no department group; not imported")
                continue
            }
            if Set(homes).count > 1 {
                note(.note, entity, "user \(entity.metadata.name) is in several departments; \(home) is their home")
            }
            var skills: [Skill: Proficiency] = [:]
            for entry in (entity.metadata.annotations?[skillsAnnotation] ?? "").split(separator: ";") {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                guard let skill = parts.first, !Organization.isBlank(skill) else { continue }
                guard let level = parts.count == 2 ? Proficiency(rawValue: parts[1]) : .proficient else {
                    note(
                        .warning, entity,
                        "skill \(skill) has an unknown level \(String(reflecting: parts[1])); not kept")
                    continue
                }
                skills[Skill(rawValue: skill)] = level
            }
            let id = Specialist.ID(trustedIdentifier: identifier(entity))
            specialistOfUser[name] = id
            let displayName = entity.spec.profile?.displayName.flatMap { Organization.isBlank($0) ? nil : $0 }
            specialists.append(
                Specialist(
                    id: id, name: displayName ?? entity.metadata.name,
                    title: entity.metadata.annotations?[titleAnnotation] ?? "", department: home, skills: skills))
        }
        let homeOf = Dictionary(uniqueKeysWithValues: specialists.map { ($0.id, $0.department) })

        // Heads: a department's leader, when they are one of its staff.
        for index in departments.indices {
            guard let entity = groupOfDepartment[departments[index].id].flatMap({ groups[$0] }),
                let leader = entity.spec.leader
            else { continue }
            guard let head = specialistOfUser[target(leader)] else {
                note(.warning, entity, "leader \(leader) is not an imported user; no head")
                continue
            }
            guard homeOf[head] == departments[index].id else {
                note(.warning, entity, "leader \(leader) is not of this department; no head")
                continue
            }
            departments[index].head = head
        }

        // Squads, with the members both sides name.
        var squads: [CustomerValueSquad] = []
        var booked: [Specialist.ID: Int] = [:]
        var squadMembers: [String: [String]] = [:]
        for entity in ordered where entity.kind == .user {
            for group in entity.spec.memberOf ?? [] {
                squadMembers[target(group), default: []].append(entity.metadata.name.lowercased())
            }
        }
        for entity in ordered where isSquad(entity) {
            let group = entity.metadata.name.lowercased()
            var stage = CustomerValueSquad.Stage.forming
            if let label = entity.metadata.labels?[stageLabel] {
                if let given = CustomerValueSquad.Stage(rawValue: label) {
                    stage = given
                } else {
                    note(.warning, entity, "stage \(String(reflecting: label)) is not a stage; forming")
                }
            }
            let displayName = entity.spec.profile?.displayName.flatMap { Organization.isBlank($0) ? nil : $0 }
            let name = displayName ?? entity.metadata.name
            let statement = entity.metadata.description.flatMap { Organization.isBlank($0) ? nil : $0 } ?? name
            var squad = CustomerValueSquad(
                id: CustomerValueSquad.ID(trustedIdentifier: identifier(entity)), name: name,
                mission: Mission(
                    statement: statement,
                    valueArea: entity.metadata.annotations?[valueAreaAnnotation].flatMap(Self.valueArea(from:)),
                    customer: entity.metadata.annotations?[customerAnnotation] ?? ""),
                stage: stage)
            var members = (entity.spec.members ?? []).map(target)
            members += (squadMembers[group] ?? []).filter { !members.contains($0) }
            for member in members {
                guard let specialist = specialistOfUser[member] else {
                    note(.warning, entity, "member \(member) is not an imported user; not placed")
                    continue
                }
                guard squad.memberships[specialist] == nil else { continue }
                guard booked[specialist, default: 0] + options.share.percent <= 100 else {
                    note(.warning, entity, "member \(member) would pass 100 % of their time; not placed")
                    continue
                }
                booked[specialist, default: 0] += options.share.percent
                squad.memberships[specialist] = Membership(role: options.role, share: options.share)
            }
            squads.append(squad)
        }
        let organization = try Organization(
            name: options.organizationName, goal: options.goal, departments: departments, specialists: specialists,
            squads: squads)
        return ImportResult(organization: organization, report: report)
    }

    /// A value area as the export writes it: `kind` or `kind: detail`.
    static func valueArea(from text: String) -> ValueArea? {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingPrefix(" ") }.map(String.init)
        let detail = parts.count == 2 ? parts[1] : ""
        let named: Set<String> = ["geography", "account", "productService", "custom"]
        if let kind = parts.first, named.contains(kind), Organization.isBlank(detail) { return nil }
        switch parts.first {
        case "geography": return .geography(detail)
        case "account": return .account(detail)
        case "revenueOperations": return .revenueOperations
        case "productService": return .productService(detail)
        case "designSupport": return .designSupport
        case "crossChannelMarketing": return .crossChannelMarketing
        case "custom": return .custom(detail)
        default: return nil
        }
    }
}

extension Identifier {
    /// An identifier already checked, or made, by the import.
    fileprivate init(trustedIdentifier text: String) {
        self.init(stringLiteral: text)
    }
}
