/// One request an identity system needs to follow a change of the organisation, in SCIM terms.
///
/// Resources are named by the values the library gives them — a user by its `userName` (the specialist's
/// identifier), a group by its `externalId` (`squad:<id>` or `department:<id>`) — and members and managers by
/// `userName` too; a client looks up the ids the server assigned before it sends the request.
public enum SCIMOperation: Sendable, Hashable {
    /// Create a user (`POST /Users`).
    case createUser(SCIMUser)
    /// Patch the user with this `userName` (`PATCH /Users/{id}`).
    case patchUser(userName: String, SCIMPatchRequest)
    /// Delete the user with this `userName` (`DELETE /Users/{id}`).
    case deleteUser(userName: String)
    /// Create a group (`POST /Groups`).
    case createGroup(SCIMGroup)
    /// Patch the group with this `externalId` (`PATCH /Groups/{id}`).
    case patchGroup(externalId: String, SCIMPatchRequest)
    /// Delete the group with this `externalId` (`DELETE /Groups/{id}`).
    case deleteGroup(externalId: String)
}

extension Organization {
    /// The `externalId` of a squad's SCIM group: `squad:<id>`.
    public static func scimExternalID(of squad: CustomerValueSquad.ID) -> String { "squad:\(squad)" }

    /// The `externalId` of a department's SCIM group: `department:<id>`.
    public static func scimExternalID(of department: Department.ID) -> String { "department:\(department)" }

    /// Every specialist as a SCIM `User`, sorted by identifier; see ``scimUser(for:)``.
    ///
    /// - Complexity: O(*s* log *s*) in the specialists, and for those who name no manager the layers above their
    ///   department's head.
    public func scimUsers() -> [SCIMUser] {
        specialists.map(scimUser(for:))
    }

    /// A specialist as a SCIM `User`: `userName` and `externalId` are the identifier, `displayName` and
    /// `name.formatted` the name (split into `givenName` and `familyName` only when it is two words, see
    /// ``SCIMUser/Name/init(splitting:)``),
    /// `title` the job title (left out when empty), and the Enterprise User extension names the home
    /// department, its parent as the `division`, and as `manager` the specialist's own ``Specialist/manager``,
    /// or for someone who names none the head of the home department — unless that is the specialist or reports
    /// up to them, when the user has no manager.
    public func scimUser(for specialist: Specialist) -> SCIMUser {
        scimUser(for: specialist) { departmentsByID[$0] }
    }

    /// ``scimUser(for:)`` with the departments read through `department`, so a user can be described as it was
    /// before a department changed without building that organisation again.
    private func scimUser(for specialist: Specialist, department: (Department.ID) -> Department?) -> SCIMUser {
        let home = department(specialist.department)
        let division = home?.parent.flatMap { department($0)?.name }
        // The head stands in for a manager not drawn, unless it is the specialist or reports up to them (which
        // would send a loop).
        let head = home?.head.flatMap { head in
            head == specialist.id || (hasReportingLines && managers(of: head).contains(specialist.id)) ? nil : head
        }
        let manager = (specialist.manager ?? head).map { manager in
            SCIMUser.Manager(value: manager.rawValue, displayName: specialistsByID[manager]?.name)
        }
        var user = SCIMUser(
            externalId: specialist.id.rawValue, userName: specialist.id.rawValue, displayName: specialist.name,
            title: specialist.title.isEmpty ? nil : specialist.title, active: true,
            enterprise: SCIMUser.Enterprise(department: home?.name, division: division, manager: manager))
        user.name = SCIMUser.Name(splitting: specialist.name)
        return user
    }

    /// The squads that are not dissolved as SCIM `Group`s, with their members, and — when
    /// `includingDepartments` — every department with its staff; sorted by `externalId`.
    ///
    /// - Complexity: O(*q* log *q* + *m* log *m*) in the squads and their members (and the departments and
    ///   specialists when they are included).
    public func scimGroups(includingDepartments: Bool = false) -> [SCIMGroup] {
        var groups = squads.filter { $0.stage != .dissolved }.map(scimGroup(for:))
        if includingDepartments { groups += departments.map(scimGroup(for:)) }
        return groups.sorted { ($0.externalId ?? "") < ($1.externalId ?? "") }
    }

    /// A squad as a SCIM `Group`: `externalId` `squad:<id>`, its name, and its members by `userName`, sorted.
    public func scimGroup(for squad: CustomerValueSquad) -> SCIMGroup {
        SCIMGroup(
            externalId: Self.scimExternalID(of: squad.id), displayName: squad.name,
            members: squad.memberIDs.map { SCIMGroup.Member(value: $0.rawValue, display: specialistsByID[$0]?.name) })
    }

    /// A department as a SCIM `Group`: `externalId` `department:<id>`, its name, and its staff, sorted.
    public func scimGroup(for department: Department) -> SCIMGroup {
        SCIMGroup(
            externalId: Self.scimExternalID(of: department.id), displayName: department.name,
            members: staff(of: department.id).map {
                SCIMGroup.Member(value: $0.rawValue, display: specialistsByID[$0]?.name)
            })
    }

    /// The SCIM requests that carry `change` into an identity system, with this organisation as it is after the
    /// change (for the names of departments and managers).
    ///
    /// People map to `User`s, squads to `Group`s: a hire is a creation, an offboarding a deletion, a changed
    /// specialist a patch of what differs; a squad formed is a group created, a squad dissolved or removed a
    /// group deleted, and a changed squad one patch of its group — a member joining is an `add` to `members`,
    /// one leaving a `remove` of `members[value eq "…"]`. A renamed department, one with a new head, or one
    /// moved under another parent patches its staff's `department`, `manager` or `division` (and the
    /// `division` of its sub-departments' staff). Changes to anything else need no request.
    ///
    /// - Complexity: O(*m*) in the members of the squads the change touches; for a changed department, O(*s* +
    ///   *d*) in its staff (and its sub-departments') and the number of departments.
    public func scimOperations(for change: OrganizationChange) -> [SCIMOperation] {
        switch change.action {
        case .addSpecialist(let specialist):
            return [.createUser(scimUser(for: specialist))]
        case .removeSpecialist(let specialist):
            return [.deleteUser(userName: specialist.id.rawValue)]
        case .updateSpecialist(let from, let to):
            return scimUser(for: from).patch(toward: scimUser(for: to)).map {
                [.patchUser(userName: to.id.rawValue, $0)]
            } ?? []
        case .addSquad(let squad):
            return squad.stage == .dissolved ? [] : [.createGroup(scimGroup(for: squad))]
        case .removeSquad(let squad):
            return squad.stage == .dissolved ? [] : [.deleteGroup(externalId: Self.scimExternalID(of: squad.id))]
        case .updateSquad(let from, let to):
            switch (from.stage == .dissolved, to.stage == .dissolved) {
            case (true, true): return []
            case (false, true): return [.deleteGroup(externalId: Self.scimExternalID(of: to.id))]
            case (true, false): return [.createGroup(scimGroup(for: to))]
            case (false, false):
                return scimGroup(for: from).patch(toward: scimGroup(for: to)).map {
                    [.patchGroup(externalId: Self.scimExternalID(of: to.id), $0)]
                } ?? []
            }
        case .updateDepartment(let from, let to)
        where from.name != to.name || from.head != to.head || from.parent != to.parent:
            // The staff's department name, division and manager, and the division of the staff of its
            // sub-departments. Each user is described as it was by reading the department as it was: nothing
            // is written to the organisation.
            let affected = staff(of: to.id) + (childrenOfDepartment[to.id] ?? []).sorted().flatMap { staff(of: $0) }
            let asItWas: (Department.ID) -> Department? = { [departmentsByID] id in
                id == from.id ? from : departmentsByID[id]
            }
            return affected.compactMap { id -> SCIMOperation? in
                guard let specialist = specialistsByID[id],
                    let patch = scimUser(for: specialist, department: asItWas).patch(toward: scimUser(for: specialist))
                else { return nil }
                return .patchUser(userName: id.rawValue, patch)
            }
        default:
            return []
        }
    }
}
