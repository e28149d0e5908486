#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - The import

struct Importer {
    let options: SCIMImport.Options
    var report: [SCIMImport.Issue] = []
    var users: [Resource] = []
    var groups: [Resource] = []
    var seen: Set<String> = []
    /// Department identifiers by department name, given by the caller (the CSV import's department column).
    var presetDepartmentIDs: [String: String] = [:]
    /// Whether each user's manager becomes their ``Specialist/manager`` (the CSV import's manager column), besides
    /// showing whom departments are headed by; links of a loop and to managers not imported are not kept.
    var keepsManagers = false
    /// Whether departments' heads are inferred from the manager chains; the CSV import reads them from a column
    /// instead when it has one.
    var infersHeads = true

    init(options: SCIMImport.Options) { self.options = options }

    mutating func note(_ severity: Finding.Severity, _ resource: String, _ message: String) {
        report.append(SCIMImport.Issue(severity: severity, resource: resource, message: message))
    }

    mutating func read(_ resources: [Resource]) throws {
        for resource in resources {
            // Users and groups come from different endpoints, and many providers number each from 1: an id is
            // unique within its kind.
            let kind = resource.isUser ? "user" : resource.isGroup ? "group" : "resource"
            guard seen.insert("\(kind):\(resource.id)").inserted else {
                throw OrganizationError(
                    code: .duplicateID, message: "SCIM \(kind) id \(resource.id) appears twice among the \(kind)s")
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

    /// Whether the unit named `upper` is `lower` or above it in `parents` (names to the names above them).
    private func isAbove(_ upper: String, _ lower: String, _ parents: [String: String]) -> Bool {
        var current: String? = lower
        var steps = 0
        while let name = current, steps <= parents.count {
            if name == upper { return true }
            current = parents[name]
            steps += 1
        }
        return false
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

    /// `text` itself when it is a valid identifier no one has taken yet — so identifiers the library wrote come
    /// back unchanged — or else a unique slug of it.
    static func keptOrUniqueID(for text: String, taken: inout Set<String>) -> String {
        if (try? Specialist.ID(validating: text)) != nil, !taken.contains(text) {
            taken.insert(text)
            return text
        }
        return uniqueID(for: text, taken: &taken)
    }

    /// The identifier after `prefix` in an `externalId` such as `squad:bali`, when there is a valid one.
    static func identifier(in externalID: String?, after prefix: String) -> String? {
        guard let externalID, externalID.hasPrefix(prefix) else { return nil }
        let rest = String(externalID.dropFirst(prefix.count))
        return (try? Specialist.ID(validating: rest)) != nil ? rest : nil
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
        // Department groups written by a push (externalId department:<id>) give their departments' ids back.
        var departmentIDOfName = presetDepartmentIDs
        takenDepartments.formUnion(presetDepartmentIDs.values)
        for group in groups {
            if let id = Self.identifier(in: group.externalId, after: "department:"), let name = group.groupName,
                departmentIDOfName[name] == nil, !departmentIDOfName.values.contains(id)
            {
                departmentIDOfName[name] = id
                takenDepartments.insert(id)
            }
        }
        // A provider that does not keep the Enterprise User extension still holds the department groups a push
        // wrote: a user with no department of their own who is a member of exactly one of them belongs there.
        var departmentGroupsOfUser: [String: [String]] = [:]
        for group in groups where Self.identifier(in: group.externalId, after: "department:") != nil {
            guard let name = group.groupName else { continue }
            for member in group.members ?? [] {
                if let user = member.value { departmentGroupsOfUser[user, default: []].append(name) }
            }
        }
        var placedInGroup: [String: Int] = [:]  // users placed by their department group, by department name
        for index in users.indices where users[index].enterprise?.department.map(Organization.isBlank) ?? true {
            guard let names = departmentGroupsOfUser[users[index].id], names.count == 1 else { continue }
            users[index].enterprise = users[index].enterprise ?? Resource.Enterprise()
            users[index].enterprise?.department = names[0]
            placedInGroup[names[0], default: 0] += 1
        }
        for group in groups {
            guard let name = group.groupName, let count = placedInGroup.removeValue(forKey: name) else { continue }
            note(
                .note, group.id,
                "\(count) user\(count == 1 ? "" : "s") with no department of their own placed in \(name), the one "
                    + "department group they belong to")
        }
        func departmentID(named name: String) throws -> Department.ID {
            if let id = departmentIDOfName[name] { return try Department.ID(validating: id) }
            return try Department.ID(validating: Self.uniqueID(for: name, taken: &takenDepartments))
        }
        var departmentIDs: [String: Department.ID] = [:]  // by department name
        var divisionIDs: [String: Department.ID] = [:]  // by division name
        var departments: [Department] = []
        var parentOfDepartment: [String: String] = [:]  // department name → division name

        // Departments and divisions, in the order users name them.
        for user in users where user.active != false {
            guard let name = user.enterprise?.department, !Organization.isBlank(name) else { continue }
            let division = user.enterprise?.division.flatMap { Organization.isBlank($0) ? nil : $0 }
            if let division, divisionIDs[division] == nil {
                // A division that some users name as their department is that department.
                if let department = departmentIDs[division] {
                    divisionIDs[division] = department
                } else {
                    let id = try departmentID(named: division)
                    divisionIDs[division] = id
                    departments.append(Department(id: id, name: division, function: "division"))
                }
            }
            if departmentIDs[name] != nil {
                if let division, let recorded = parentOfDepartment[name], recorded != division {
                    note(
                        .warning, user.id,
                        "department \(name) is placed under division \(recorded); this user names division \(division)")
                }
                continue
            }
            if let id = divisionIDs[name] {
                // A department that other users name as their division is already in the list.
                departmentIDs[name] = id
                if let division, division != name, let index = departments.firstIndex(where: { $0.id == id }),
                    departments[index].parent == nil, !isAbove(name, division, parentOfDepartment)
                {
                    parentOfDepartment[name] = division
                    departments[index].parent = divisionIDs[division]
                }
                continue
            }
            let id = try departmentID(named: name)
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
            let source: String? =
                switch options.specialistIDs {
                case .resourceID: user.id
                case .userName: user.userName
                case .externalID: user.externalId
                }
            let id = try Specialist.ID(
                validating: Self.keptOrUniqueID(
                    for: source.flatMap { Organization.isBlank($0) ? nil : $0 } ?? user.id, taken: &takenSpecialists))
            specialistOf[user.id] = id
            departmentOfUser[user.id] = department
            specialists.append(
                Specialist(
                    id: id, name: personName, title: user.title ?? "", department: department, skills: user.skills))
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
        for index in departments.indices where infersHeads {
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

        if keepsManagers {
            var indexOfSpecialist: [Specialist.ID: Int] = [:]
            for (index, specialist) in specialists.enumerated() { indexOfSpecialist[specialist.id] = index }
            for (user, manager) in managerOf where !inCycle.contains(user) {
                guard let id = specialistOf[user], let index = indexOfSpecialist[id], let above = specialistOf[manager]
                else { continue }
                specialists[index].manager = above
            }
        }

        // Squads from the groups the caller names.
        var squads: [CustomerValueSquad] = []
        var takenSquads: Set<String> = []
        // Squads pushed by the library come back under their ids (externalId squad:<id>), whatever their names.
        var squadIDOfGroup: [String: String] = [:]
        for group in groups {
            if let id = Self.identifier(in: group.externalId, after: "squad:"), takenSquads.insert(id).inserted {
                squadIDOfGroup[group.id] = id
            }
        }
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
            if Self.identifier(in: group.externalId, after: "department:") != nil {
                note(.note, group.id, "group \(name) is a department's group (\(group.externalId ?? "")); not a squad")
                continue
            }
            let chosen = options.squads.contains(id: group.id, name: name)
            guard chosen else {
                note(.note, group.id, "group \(name) was not asked for as a squad; not imported")
                continue
            }
            var memberships: [Specialist.ID: Membership] = [:]
            for member in group.members ?? [] {
                let reference = member.value ?? "?"
                // A member says what it is; one that does not is a user when a user has its id.
                let isGroup =
                    member.type.map { $0 == "Group" } ?? (!userIDs.contains(reference) && groupIDs.contains(reference))
                if isGroup {
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
            let id = try CustomerValueSquad.ID(
                validating: squadIDOfGroup[group.id] ?? Self.uniqueID(for: name, taken: &takenSquads))
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
