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
    /// ``identifierAnnotation`` when it holds one that is valid and free among the departments, the squads or the
    /// specialists (each a table of its own, so a squad may share a department's identifier), else from the names.
    ///
    /// Entities are told apart by namespace and name, as Backstage does: `payments/team` and `search/team` are two
    /// departments, and a reference without a namespace points into the namespace of the entity that writes it.
    /// The hierarchy is read from both sides: a group's `parent`, and the `children` its parent lists; when they
    /// disagree the child's own parent is kept and the conflict reported.
    ///
    /// Nothing is dropped silently: entities of other kinds, users of no department, references to nothing,
    /// a parent that would close a cycle, a leader outside their group, memberships past 100 % of a person's
    /// time, a blank display name (the entity's name is used) — each is reported with the entity.
    ///
    /// - Throws: ``OrganizationError`` when the entities that remain still break an invariant.
    /// - Complexity: O(*e* log *e* + *r*) in the entities and their references.
    public static func organization(from entities: [Entity], options: ImportOptions) throws(OrganizationError)
        -> ImportResult
    {
        var report: [Issue] = []
        /// An entity's namespace, as Backstage compares them (its default one when none is given).
        func namespace(_ entity: Entity) -> String { (entity.metadata.namespace ?? "default").lowercased() }
        /// How the report names an entity: `group:team`, or `group:payments/team` outside the default namespace.
        func shown(_ entity: Entity) -> String {
            let space = namespace(entity)
            return "\(entity.kind.rawValue.lowercased()):" + (space == "default" ? "" : "\(space)/")
                + entity.metadata.name
        }
        func note(_ severity: Finding.Severity, _ entity: Entity, _ message: String) {
            report.append(Issue(severity: severity, entity: shown(entity), message: message))
        }
        /// The key of an entity of its kind: `namespace/name`, in lower case as Backstage compares names.
        func key(_ entity: Entity) -> String { "\(namespace(entity))/\(entity.metadata.name.lowercased())" }
        /// The key a reference written in `entity` points to: `[kind:][namespace/]name`, in the referring entity's
        /// namespace when it names none, as Backstage resolves them.
        func target(_ reference: String, from entity: Entity) -> String {
            var text = Substring(reference)
            if let colon = text.firstIndex(of: ":") { text = text[text.index(after: colon)...] }
            guard let slash = text.firstIndex(of: "/") else { return "\(namespace(entity))/\(text.lowercased())" }
            return "\(text[..<slash].lowercased())/\(text[text.index(after: slash)...].lowercased())"
        }
        /// A key as the report shows it: without the default namespace.
        func shownKey(_ key: String) -> String { key.hasPrefix("default/") ? String(key.dropFirst(8)) : key }
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
            let key = key(entity)
            if entity.kind == .group ? groups[key] != nil : users[key] != nil {
                note(.error, entity, "\(entity.kind.rawValue) \(entity.metadata.name) appears twice; the first is kept")
                continue
            }
            if entity.kind == .group { groups[key] = entity } else { users[key] = entity }
            ordered.append(entity)
        }
        let isSquad = { (entity: Entity) in entity.kind == .group && entity.spec.type == options.squadType }
        /// Each entity's identifier: its annotation when valid and free in its table (departments, squads or
        /// specialists), else its name (made valid and free there).
        var taken: [String: Set<String>] = ["department": [], "squad": [], "user": []]
        var identifierOf: [String: String] = [:]  // "kind:namespace/name" → identifier
        for entity in ordered {
            let table = entity.kind == .user ? "user" : isSquad(entity) ? "squad" : "department"
            let annotated = entity.metadata.annotations?[identifierAnnotation]
            let identifier: String
            if let annotated, (try? Specialist.ID(validating: annotated)) != nil,
                taken[table]?.contains(annotated) == false
            {
                identifier = annotated
                taken[table]?.insert(annotated)
            } else {
                identifier = Importer.keptOrUniqueID(for: entity.metadata.name, taken: &taken[table, default: []])
            }
            identifierOf["\(entity.kind.rawValue):\(key(entity))"] = identifier
        }
        func identifier(_ entity: Entity) -> String {
            identifierOf["\(entity.kind.rawValue):\(key(entity))"] ?? entity.metadata.name
        }
        /// The display name of a group or user, or `nil` (reported) when it gives none that is not blank.
        func displayName(_ entity: Entity) -> String? {
            guard let given = entity.spec.profile?.displayName else { return nil }
            guard !Organization.isBlank(given) else {
                note(
                    .note, entity,
                    "the display name \(String(reflecting: given)) is blank; named \(entity.metadata.name) instead")
                return nil
            }
            return given
        }

        // Departments and their parents, from both sides: a group's parent and its parent's children.
        var departments: [Department] = []
        var departmentOfGroup: [String: Department.ID] = [:]  // group key → department
        var indexOfDepartment: [Department.ID: Int] = [:]
        for entity in ordered where entity.kind == .group && !isSquad(entity) {
            let id = Department.ID(trustedIdentifier: identifier(entity))
            departmentOfGroup[key(entity)] = id
            indexOfDepartment[id] = departments.count
            departments.append(Department(id: id, name: displayName(entity) ?? entity.metadata.name))
        }
        var groupOfDepartment: [Department.ID: String] = [:]
        for (group, department) in departmentOfGroup { groupOfDepartment[department] = group }
        var parentOf: [Department.ID: Department.ID] = [:]
        /// Makes `parent` the parent of `department` unless that closes a cycle (reported against `entity`).
        func link(_ department: Department.ID, to parent: Department.ID, _ entity: Entity, _ reference: String) {
            var ancestor: Department.ID? = parent
            var steps = 0
            while let current = ancestor, current != department, steps <= departments.count {
                ancestor = parentOf[current]
                steps += 1
            }
            if ancestor == department {
                note(.error, entity, "parent \(reference) would make \(department) its own ancestor; not kept")
                return
            }
            parentOf[department] = parent
            if let index = indexOfDepartment[department] { departments[index].parent = parent }
        }
        for department in departments.map(\.id) {
            guard let entity = groupOfDepartment[department].flatMap({ groups[$0] }),
                let reference = entity.spec.parent
            else { continue }
            guard let parent = departmentOfGroup[target(reference, from: entity)] else {
                note(.warning, entity, "parent \(reference) is not a department group here; the link is not kept")
                continue
            }
            link(department, to: parent, entity, reference)
        }
        for parent in departments.map(\.id) {
            guard let entity = groupOfDepartment[parent].flatMap({ groups[$0] }) else { continue }
            for reference in entity.spec.children ?? [] {
                let childKey = target(reference, from: entity)
                guard let child = departmentOfGroup[childKey], let childEntity = groups[childKey] else {
                    if groups[childKey].map(isSquad) != true {
                        note(
                            .warning, entity, "child \(reference) is not a department group here; the link is not kept")
                    }
                    continue
                }
                if let declared = parentOf[child] {
                    if declared != parent {
                        note(
                            .warning, entity,
                            "child \(reference) names \(declared) as its parent, not \(parent); its own parent is kept")
                    }
                    continue
                }
                if childEntity.spec.parent == nil {
                    link(child, to: parent, entity, "of \(reference)")
                }
            }
        }

        // Specialists, in the first department group they belong to.
        var specialists: [Specialist] = []
        var specialistOfUser: [String: Specialist.ID] = [:]
        var listedIn: [String: [Department.ID]] = [:]  // user key → departments whose members list them
        for entity in ordered where entity.kind == .group && !isSquad(entity) {
            guard let department = departmentOfGroup[key(entity)] else { continue }
            for member in entity.spec.members ?? [] {
                listedIn[target(member, from: entity), default: []].append(department)
            }
        }
        for entity in ordered where entity.kind == .user {
            let user = key(entity)
            let homes =
                (entity.spec.memberOf ?? []).compactMap { departmentOfGroup[target($0, from: entity)] }
                + (listedIn[user] ?? [])
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
            specialistOfUser[user] = id
            specialists.append(
                Specialist(
                    id: id, name: displayName(entity) ?? entity.metadata.name,
                    title: entity.metadata.annotations?[titleAnnotation] ?? "", department: home, skills: skills))
        }
        let homeOf = Dictionary(uniqueKeysWithValues: specialists.map { ($0.id, $0.department) })

        // Heads: a department's leader, when they are one of its staff.
        for index in departments.indices {
            guard let entity = groupOfDepartment[departments[index].id].flatMap({ groups[$0] }),
                let leader = entity.spec.leader
            else { continue }
            guard let head = specialistOfUser[target(leader, from: entity)] else {
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
        var squadMembers: [String: [String]] = [:]  // group key → user keys that name it in memberOf
        for entity in ordered where entity.kind == .user {
            for group in entity.spec.memberOf ?? [] {
                squadMembers[target(group, from: entity), default: []].append(key(entity))
            }
        }
        for entity in ordered where isSquad(entity) {
            var stage = CustomerValueSquad.Stage.forming
            if let label = entity.metadata.labels?[stageLabel] {
                if let given = CustomerValueSquad.Stage(rawValue: label) {
                    stage = given
                } else {
                    note(.warning, entity, "stage \(String(reflecting: label)) is not a stage; forming")
                }
            }
            let name = displayName(entity) ?? entity.metadata.name
            let statement = entity.metadata.description.flatMap { Organization.isBlank($0) ? nil : $0 } ?? name
            var squad = CustomerValueSquad(
                id: CustomerValueSquad.ID(trustedIdentifier: identifier(entity)), name: name,
                mission: Mission(
                    statement: statement,
                    valueArea: entity.metadata.annotations?[valueAreaAnnotation].flatMap(Self.valueArea(from:)),
                    customer: entity.metadata.annotations?[customerAnnotation] ?? ""),
                stage: stage)
            var members = (entity.spec.members ?? []).map { target($0, from: entity) }
            var named = Set(members)
            for member in squadMembers[key(entity)] ?? [] where named.insert(member).inserted { members.append(member) }
            for member in members {
                guard let specialist = specialistOfUser[member] else {
                    note(.warning, entity, "member \(shownKey(member)) is not an imported user; not placed")
                    continue
                }
                guard squad.memberships[specialist] == nil else { continue }
                guard booked[specialist, default: 0] + options.share.percent <= 100 else {
                    note(.warning, entity, "member \(shownKey(member)) would pass 100 % of their time; not placed")
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
