/// A company: its department silos, their specialists and data assets, the customer value squads that cut
/// across them, and the goal everyone is pointed at.
///
/// `Organization` is the aggregate root of the model and a value type. Every way of producing one — the
/// bulk initialiser, each transformation, decoding — keeps its **invariants**:
///
/// - identifiers are unique (departments, specialists, squads, data assets across all departments, decision
///   rights within a squad, outcomes within an accountability);
/// - every reference resolves (home departments, managers, parents, heads, members, grants and their approvers, the
///   data a mission needs, accountability owners);
/// - a department's head has it as their home department;
/// - no specialist is booked over 100 % of their time across squads;
/// - the department hierarchy has no cycle;
/// - a specialist's manager is another specialist of the organisation, and the reporting lines have no cycle;
/// - a dissolved squad holds no members and no grants;
/// - names are not blank and numbers are finite.
///
/// A change that would break one throws an ``OrganizationError`` and leaves the value exactly as it was.
/// Whether a squad is *good* — its size, its reach across silos, its accountability — is a policy question
/// that ``validate(policy:on:)`` answers with a report rather than an error.
///
/// Lookups by identifier are O(1). Listings such as ``departments`` are sorted by identifier, so output
/// built from them is deterministic.
public struct Organization: Sendable {
    /// The organisation's name; never blank. Change it with ``rename(to:)``.
    public private(set) var name: String
    /// The shared goal every squad's mission should serve.
    public var goal: String

    /// The tables and their derived indexes; only ``OrganizationStorage`` writes them.
    var storage = OrganizationStorage()

    // Read-only views of the storage, for the lookups below and across the module.
    var departmentsByID: [Department.ID: Department] { storage.departments }
    var specialistsByID: [Specialist.ID: Specialist] { storage.specialists }
    var squadsByID: [CustomerValueSquad.ID: CustomerValueSquad] { storage.squads }
    var holderOfAsset: [DataAsset.ID: Department.ID] { storage.holderOfAsset }
    var squadsOfSpecialist: [Specialist.ID: Set<CustomerValueSquad.ID>] { storage.squadsOfSpecialist }
    var bookedPercentOf: [Specialist.ID: Int] { storage.bookedPercentOf }
    var staffOfDepartment: [Department.ID: Set<Specialist.ID>] { storage.staffOfDepartment }
    var childrenOfDepartment: [Department.ID: Set<Department.ID>] { storage.childrenOfDepartment }
    var specialistsWithSkill: [Skill: Set<Specialist.ID>] { storage.specialistsWithSkill }
    var reportsOf: [Specialist.ID: Set<Specialist.ID>] { storage.reportsOf }

    /// Creates an empty organisation.
    ///
    /// - Parameters:
    ///   - name: The organisation's name.
    ///   - goal: The shared goal every squad's mission should serve; empty by default.
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a blank name.
    public init(name: String, goal: String = "") throws(OrganizationError) {
        try Self.requireText(name, "the organisation's name", path: [])
        self.init(checkedName: name, goal: goal)
    }

    /// Creates an empty organisation whose name the caller has checked.
    init(checkedName name: String, goal: String) {
        self.name = name
        self.goal = goal
    }

    /// Creates an organisation from its parts, checking every invariant.
    ///
    /// The parts may come in any order: a department may name a parent that comes later in the list.
    ///
    /// - Parameters:
    ///   - name: The organisation's name.
    ///   - goal: The shared goal every squad's mission should serve.
    ///   - departments: The departments, with the data assets they hold.
    ///   - specialists: The specialists.
    ///   - squads: The squads.
    /// - Throws: ``OrganizationError`` naming the first broken invariant, with ``OrganizationError/path``
    ///   pointing into the lists, such as `["squads", "1", "memberships", "nurse-2"]`.
    /// - Complexity: O(*d* + *s* + *m*), where *d* is the number of departments and data assets, *s* the
    ///   number of specialists and *m* the total size of the squads.
    public init(
        name: String,
        goal: String,
        departments: [Department],
        specialists: [Specialist],
        squads: [CustomerValueSquad]
    ) throws(OrganizationError) {
        try Self.requireText(name, "the organisation's name", path: ["name"])
        self.init(checkedName: name, goal: goal)
        try load(departments: departments, specialists: specialists, squads: squads)
    }

    // MARK: - Departments

    /// The departments, sorted by identifier.
    ///
    /// - Complexity: O(*d* log *d*), where *d* is the number of departments.
    public var departments: [Department] {
        IdentifierOrder.values(of: departmentsByID)
    }

    /// The number of departments.
    public var departmentCount: Int { departmentsByID.count }

    /// The department with the given identifier, or `nil` if there is none.
    public func department(_ id: Department.ID) -> Department? { departmentsByID[id] }

    /// The departments that report directly to `id`, sorted by identifier.
    ///
    /// - Complexity: O(*k* log *k*), where *k* is the number of sub-departments.
    public func subdepartments(of id: Department.ID) -> [Department.ID] {
        (childrenOfDepartment[id] ?? []).sorted()
    }

    /// The chain of departments above `id`, nearest first; empty at the top or for an unknown id.
    ///
    /// - Complexity: O(*h*), where *h* is the depth of the hierarchy.
    public func ancestors(of id: Department.ID) -> [Department.ID] {
        var chain: [Department.ID] = []
        var current = departmentsByID[id]?.parent
        while let parent = current {
            chain.append(parent)
            current = departmentsByID[parent]?.parent
        }
        return chain
    }

    /// The specialists whose home department is `id`, sorted by identifier.
    ///
    /// - Complexity: O(*k* log *k*), where *k* is the number of those specialists.
    public func staff(of id: Department.ID) -> [Specialist.ID] {
        (staffOfDepartment[id] ?? []).sorted()
    }

    // MARK: - Specialists

    /// The specialists, sorted by identifier.
    ///
    /// - Complexity: O(*s* log *s*), where *s* is the number of specialists.
    public var specialists: [Specialist] {
        IdentifierOrder.values(of: specialistsByID)
    }

    /// The number of specialists.
    public var specialistCount: Int { specialistsByID.count }

    /// The specialist with the given identifier, or `nil` if there is none.
    public func specialist(_ id: Specialist.ID) -> Specialist? { specialistsByID[id] }

    /// The specialists who bring `skill`, at any proficiency, sorted by identifier.
    ///
    /// Answered from an index kept up to date by every transformation, without scanning the specialists.
    ///
    /// - Complexity: O(*k* log *k*), where *k* is the number of those specialists.
    public func specialists(withSkill skill: Skill) -> [Specialist.ID] {
        (specialistsWithSkill[skill] ?? []).sorted()
    }

    /// The squads `id` serves in, sorted by identifier.
    ///
    /// - Complexity: O(*k* log *k*), where *k* is the number of those squads.
    public func squads(of id: Specialist.ID) -> [CustomerValueSquad.ID] {
        (squadsOfSpecialist[id] ?? []).sorted()
    }

    /// The specialists who report directly to `id`, sorted by identifier; empty for someone who manages no one.
    ///
    /// Answered from an index kept up to date by every transformation.
    ///
    /// - Complexity: O(*k* log *k*), where *k* is the number of direct reports.
    public func reports(of id: Specialist.ID) -> [Specialist.ID] {
        (reportsOf[id] ?? []).sorted()
    }

    /// Whether anyone names a manager: the organisation has reporting lines to measure.
    ///
    /// - Complexity: O(1).
    public var hasReportingLines: Bool { !reportsOf.isEmpty }

    /// The chain of managers above `id`, nearest first; empty for someone with no manager or an unknown id.
    ///
    /// - Complexity: O(*h*), where *h* is the number of layers above `id`.
    public func managers(of id: Specialist.ID) -> [Specialist.ID] {
        var chain: [Specialist.ID] = []
        var current = specialistsByID[id]?.manager
        while let manager = current {
            chain.append(manager)
            current = specialistsByID[manager]?.manager
        }
        return chain
    }

    /// The share of `id`'s time booked across all squads, in percent (0 to 100).
    public func bookedPercent(of id: Specialist.ID) -> Int { bookedPercentOf[id] ?? 0 }

    /// The share of `id`'s time not yet booked in any squad, in percent (0 to 100).
    public func sparePercent(of id: Specialist.ID) -> Int { 100 - bookedPercent(of: id) }

    // MARK: - Data assets

    /// Every data asset, sorted by identifier.
    ///
    /// - Complexity: O(*a* log *a*), where *a* is the number of data assets.
    public var dataAssets: [DataAsset] {
        departmentsByID.values.flatMap(\.dataAssets).sorted { $0.id < $1.id }
    }

    /// The number of data assets across all departments.
    public var dataAssetCount: Int { holderOfAsset.count }

    /// The data asset with the given identifier, or `nil` if there is none.
    ///
    /// - Complexity: O(*k*), where *k* is the number of assets its department holds.
    public func dataAsset(_ id: DataAsset.ID) -> DataAsset? {
        // The holder's list of assets is read in place, without copying the whole department.
        let departments = departmentsByID
        guard let holder = holderOfAsset[id], let index = departments.index(forKey: holder) else { return nil }
        return departments.values[index].dataAssets.first { $0.id == id }
    }

    /// The department that holds the data asset `id`, or `nil` if there is none.
    public func holder(of id: DataAsset.ID) -> Department.ID? { holderOfAsset[id] }

    // MARK: - Squads

    /// The squads, dissolved ones included, sorted by identifier.
    ///
    /// - Complexity: O(*q* log *q*), where *q* is the number of squads.
    public var squads: [CustomerValueSquad] {
        IdentifierOrder.values(of: squadsByID)
    }

    /// The number of squads, dissolved ones included.
    public var squadCount: Int { squadsByID.count }

    /// The squad with the given identifier, or `nil` if there is none.
    public func squad(_ id: CustomerValueSquad.ID) -> CustomerValueSquad? { squadsByID[id] }

    /// The home departments of `id`'s members, sorted by identifier.
    ///
    /// - Complexity: O(*m* log *m*), where *m* is the squad's size.
    public func departments(of id: CustomerValueSquad.ID) -> [Department.ID] {
        guard let squad = squadsByID[id] else { return [] }
        return Set(squad.memberships.keys.compactMap { specialistsByID[$0]?.department }).sorted()
    }
}

extension Organization: Hashable {
    /// Two organisations are equal when their names, goals, departments, specialists and squads are equal.
    ///
    /// - Complexity: O(*n*), where *n* is the size of the organisation.
    public static func == (lhs: Organization, rhs: Organization) -> Bool {
        lhs.name == rhs.name && lhs.goal == rhs.goal && lhs.storage.hasSameTables(as: rhs.storage)
    }

    /// Hashes the organisation's name, goal, departments, specialists and squads.
    ///
    /// - Complexity: O(*n*), where *n* is the size of the organisation.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(goal)
        storage.hashTables(into: &hasher)
    }
}

extension Organization {
    /// Renames the organisation.
    ///
    /// - Parameter name: The new name.
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a blank name.
    public mutating func rename(to name: String) throws(OrganizationError) {
        try Self.requireText(name, "the organisation's name", path: [])
        self.name = name
    }

    /// Returns a copy with a new name; see ``rename(to:)``.
    public func renaming(to name: String) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.rename(to: name) }
    }
}
