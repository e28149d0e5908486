/// The tables of an organisation and the indexes derived from them.
///
/// This is the only type that writes either. Callers say *what* changes — insert, replace or remove a
/// department, a specialist or a squad, or set one membership — and the storage keeps every index in step
/// with the tables. It checks no invariant: ``Organization`` checks first (in `Organization+Invariants.swift`)
/// and calls the storage only with values that keep them.
struct OrganizationStorage: Sendable {
    // The tables.
    private(set) var departments: [Department.ID: Department] = [:]
    private(set) var specialists: [Specialist.ID: Specialist] = [:]
    private(set) var squads: [CustomerValueSquad.ID: CustomerValueSquad] = [:]

    // The indexes, derived from the tables.
    private(set) var holderOfAsset: [DataAsset.ID: Department.ID] = [:]
    private(set) var squadsOfSpecialist: [Specialist.ID: Set<CustomerValueSquad.ID>] = [:]
    private(set) var bookedPercentOf: [Specialist.ID: Int] = [:]
    private(set) var staffOfDepartment: [Department.ID: Set<Specialist.ID>] = [:]
    private(set) var childrenOfDepartment: [Department.ID: Set<Department.ID>] = [:]
    private(set) var specialistsWithSkill: [Skill: Set<Specialist.ID>] = [:]
    /// The direct reports of each manager; a specialist with none has no entry.
    private(set) var reportsOf: [Specialist.ID: Set<Specialist.ID>] = [:]

    /// The record of what the writes below touch, while someone listens; `nil` (and free) otherwise.
    var journal: ChangeJournal?

    /// The staffing ranking of this value, made on first use; see ``RankingCache``.
    private(set) var rankingCache = RankingCache()

    /// Whether the tables of two storages are equal (the indexes follow from them).
    func hasSameTables(as other: OrganizationStorage) -> Bool {
        departments == other.departments && specialists == other.specialists && squads == other.squads
    }

    /// Hashes the tables.
    func hashTables(into hasher: inout Hasher) {
        hasher.combine(departments)
        hasher.combine(specialists)
        hasher.combine(squads)
    }

    // MARK: - Departments

    /// Adds a department that is not there yet, with the data assets it holds.
    ///
    /// - Complexity: O(*k*), where *k* is the number of its assets.
    mutating func insert(_ department: Department) {
        forgetRanking()
        rememberDepartment(department.id)
        if journal != nil { noteDepartment(department.id, assets: department.dataAssets.map(\.id)) }
        departments[department.id] = department
        for asset in department.dataAssets { holderOfAsset[asset.id] = department.id }
        if let parent = department.parent { childrenOfDepartment[parent, default: []].insert(department.id) }
    }

    /// Replaces a department with a new form of itself (same identifier).
    ///
    /// - Complexity: O(*k*), where *k* is the number of assets of both forms.
    mutating func replace(_ department: Department) {
        forgetRanking()
        rememberDepartment(department.id)
        guard let old = departments[department.id] else { return insert(department) }
        if journal != nil {
            let changed =
                old.dataAssets.filter { !department.dataAssets.contains($0) }.map(\.id)
                + department.dataAssets.filter { !old.dataAssets.contains($0) }.map(\.id)
            noteDepartment(department.id, assets: changed)
        }
        let kept = Set(department.dataAssets.map(\.id))
        for asset in old.dataAssets where !kept.contains(asset.id) { holderOfAsset[asset.id] = nil }
        for asset in department.dataAssets { holderOfAsset[asset.id] = department.id }
        if old.parent != department.parent {
            if let parent = old.parent { Self.remove(department.id, from: parent, in: &childrenOfDepartment) }
            if let parent = department.parent { childrenOfDepartment[parent, default: []].insert(department.id) }
        }
        departments[department.id] = department
    }

    /// Changes one department in place and keeps the indexes in step.
    mutating func modifyDepartment(_ id: Department.ID, _ body: (inout Department) -> Void) {
        if let changed = Self.modified(id, in: departments, body) { replace(changed) }
    }

    /// Removes a department and the data assets it holds.
    ///
    /// - Complexity: O(*k*), where *k* is the number of its assets.
    mutating func removeDepartment(_ id: Department.ID) {
        forgetRanking()
        rememberDepartment(id)
        guard let department = departments.removeValue(forKey: id) else { return }
        if journal != nil { noteDepartment(id, assets: department.dataAssets.map(\.id)) }
        for asset in department.dataAssets { holderOfAsset[asset.id] = nil }
        if let parent = department.parent { Self.remove(id, from: parent, in: &childrenOfDepartment) }
        staffOfDepartment[id] = nil
    }

    // MARK: - Specialists

    /// Adds a specialist who is not there yet.
    ///
    /// - Complexity: O(*k*), where *k* is the number of their skills.
    mutating func insert(_ specialist: Specialist) {
        forgetRanking()
        rememberSpecialist(specialist.id)
        if journal != nil {
            noteRecord(of: specialist.id, in: specialist.department)
            if let manager = specialist.manager { noteLine(of: specialist.id, under: manager) }
        }
        specialists[specialist.id] = specialist
        staffOfDepartment[specialist.department, default: []].insert(specialist.id)
        for skill in specialist.skills.keys { specialistsWithSkill[skill, default: []].insert(specialist.id) }
        if let manager = specialist.manager { reportsOf[manager, default: []].insert(specialist.id) }
    }

    /// Replaces a specialist with a new form of themselves (same identifier).
    ///
    /// - Complexity: O(*k*), where *k* is the number of skills of both forms.
    mutating func replace(_ specialist: Specialist) {
        forgetRanking()
        rememberSpecialist(specialist.id)
        guard let old = specialists[specialist.id] else { return insert(specialist) }
        let id = specialist.id
        if journal != nil {
            noteRecord(of: id, in: old.department)
            noteRecord(of: id, in: specialist.department)
        }
        if old.department != specialist.department {
            Self.remove(id, from: old.department, in: &staffOfDepartment)
            staffOfDepartment[specialist.department, default: []].insert(id)
        }
        for skill in old.skills.keys where specialist.skills[skill] == nil {
            Self.remove(id, from: skill, in: &specialistsWithSkill)
        }
        for skill in specialist.skills.keys where old.skills[skill] == nil {
            specialistsWithSkill[skill, default: []].insert(id)
        }
        if old.manager != specialist.manager {
            if journal != nil {
                // Either manager is someone: the managers differ.
                if let manager = old.manager { noteLine(of: id, under: manager) }
                if let manager = specialist.manager { noteLine(of: id, under: manager) }
            }
            if let manager = old.manager { Self.remove(id, from: manager, in: &reportsOf) }
            if let manager = specialist.manager { reportsOf[manager, default: []].insert(id) }
        }
        specialists[id] = specialist
    }

    /// Changes one specialist in place and keeps the indexes in step.
    mutating func modifySpecialist(_ id: Specialist.ID, _ body: (inout Specialist) -> Void) {
        if let changed = Self.modified(id, in: specialists, body) { replace(changed) }
    }

    /// Removes a specialist; the caller has made sure no squad counts them as a member and no one reports to
    /// them.
    ///
    /// - Complexity: O(*k*), where *k* is the number of their skills.
    mutating func removeSpecialist(_ id: Specialist.ID) {
        forgetRanking()
        rememberSpecialist(id)
        guard let specialist = specialists.removeValue(forKey: id) else { return }
        if journal != nil {
            noteRecord(of: id, in: specialist.department)
            if let manager = specialist.manager { noteLine(of: id, under: manager) }
        }
        Self.remove(id, from: specialist.department, in: &staffOfDepartment)
        for skill in specialist.skills.keys { Self.remove(id, from: skill, in: &specialistsWithSkill) }
        if let manager = specialist.manager { Self.remove(id, from: manager, in: &reportsOf) }
    }

    // MARK: - Squads

    /// Adds a squad that is not there yet, booking its members.
    ///
    /// - Complexity: O(*m*), where *m* is the squad's size.
    mutating func insert(_ squad: CustomerValueSquad) {
        forgetRanking()
        rememberSquad(squad.id)
        journal?.squads.insert(squad.id)
        for (member, membership) in squad.memberships { link(member, to: squad.id, percent: membership.share.percent) }
        squads[squad.id] = squad
    }

    /// Replaces a squad with a new form of itself (same identifier), re-booking the members that changed.
    ///
    /// - Complexity: O(*m*), where *m* is the size of both forms.
    mutating func replace(_ squad: CustomerValueSquad) {
        forgetRanking()
        rememberSquad(squad.id)
        guard let old = squads[squad.id] else { return insert(squad) }
        journal?.squads.insert(squad.id)
        for (member, membership) in old.memberships where squad.memberships[member] != membership {
            unlink(member, from: squad.id, percent: membership.share.percent)
        }
        for (member, membership) in squad.memberships where old.memberships[member] != membership {
            link(member, to: squad.id, percent: membership.share.percent)
        }
        squads[squad.id] = squad
    }

    /// Changes one squad in place and keeps the indexes in step.
    ///
    /// - Complexity: O(*m*), where *m* is the squad's size.
    mutating func modifySquad(_ id: CustomerValueSquad.ID, _ body: (inout CustomerValueSquad) -> Void) {
        if let changed = Self.modified(id, in: squads, body) { replace(changed) }
    }

    /// Sets, changes or ends one membership, re-booking the member.
    ///
    /// - Complexity: O(1) on average.
    mutating func setMembership(
        _ membership: Membership?,
        of member: Specialist.ID,
        in squad: CustomerValueSquad.ID
    ) {
        forgetRanking()
        guard let index = squads.index(forKey: squad) else { return }
        rememberSquad(squad)
        journal?.squads.insert(squad)
        if let old = squads.values[index].memberships[member] {
            unlink(member, from: squad, percent: old.share.percent)
        }
        squads.values[index].memberships[member] = membership
        if let membership { link(member, to: squad, percent: membership.share.percent) }
    }

    /// Removes a squad, releasing its members' bookings.
    ///
    /// - Complexity: O(*m*), where *m* is the squad's size.
    mutating func removeSquad(_ id: CustomerValueSquad.ID) {
        forgetRanking()
        rememberSquad(id)
        guard let squad = squads.removeValue(forKey: id) else { return }
        journal?.squads.insert(id)
        for (member, membership) in squad.memberships {
            unlink(member, from: id, percent: membership.share.percent)
        }
    }

    // MARK: - Index upkeep

    private mutating func link(_ member: Specialist.ID, to squad: CustomerValueSquad.ID, percent: Int) {
        if journal != nil { noteBooking(of: member) }
        squadsOfSpecialist[member, default: []].insert(squad)
        bookedPercentOf[member, default: 0] += percent
    }

    private mutating func unlink(_ member: Specialist.ID, from squad: CustomerValueSquad.ID, percent: Int) {
        if journal != nil { noteBooking(of: member) }
        Self.remove(squad, from: member, in: &squadsOfSpecialist)
        let remaining = (bookedPercentOf[member] ?? 0) - percent
        bookedPercentOf[member] = remaining > 0 ? remaining : nil
    }

    /// The value under `id` in `table` as `body` changes it, or `nil` when there is none.
    private static func modified<ID: Hashable, Value>(
        _ id: ID,
        in table: [ID: Value],
        _ body: (inout Value) -> Void
    ) -> Value? {
        guard var value = table[id] else { return nil }
        body(&value)
        return value
    }

    /// Removes `element` from the set under `key`, dropping the set once it is empty.
    private static func remove<Key: Hashable, Element: Hashable>(
        _ element: Element,
        from key: Key,
        in index: inout [Key: Set<Element>]
    ) {
        guard let position = index.index(forKey: key) else { return }
        index.values[position].remove(element)
        if index.values[position].isEmpty { index.remove(at: position) }
    }

    // MARK: - Caches

    /// Drops the staffing ranking before a write: empties this value's cache, or gives the value a new one when
    /// copies share it.
    private mutating func forgetRanking() {
        if isKnownUniquelyReferenced(&rankingCache) {
            rankingCache.emptyUnshared()
        } else {
            rankingCache = RankingCache()
        }
    }
}

// MARK: - Loading
//
// Many values at once: the tables are sized once, and the index sets are made at their final size instead of
// growing (and rehashing) one insertion at a time.

extension OrganizationStorage {
    /// Makes room for the values of a document about to be loaded.
    ///
    /// - Complexity: O(*n*) in the capacity asked for.
    mutating func reserve(departments: Int, specialists: Int, squads: Int, members: Int) {
        self.departments.reserveCapacity(self.departments.count + departments)
        self.specialists.reserveCapacity(self.specialists.count + specialists)
        self.squads.reserveCapacity(self.squads.count + squads)
        // Only members are booked: no more than the specialists, nor than the memberships.
        let booked = min(self.specialists.count + specialists, bookedPercentOf.count + members)
        bookedPercentOf.reserveCapacity(booked)
        squadsOfSpecialist.reserveCapacity(booked)
    }

    /// Takes a table of specialists made elsewhere as the table of an empty storage, leaving the indexes to
    /// ``adopt(_:)-(LoadIndexes)``.
    mutating func adopt(_ table: [Specialist.ID: Specialist]) {
        forgetRanking()
        if specialists.isEmpty {
            specialists = table
        } else {
            specialists.merge(table) { kept, _ in kept }
        }
    }

    /// Enters a specialist into the table only, leaving the indexes to ``indexEntered(_:)``.
    ///
    /// - Returns: `false`, changing nothing, when a specialist with the same identifier is already there.
    /// - Complexity: O(1) on average.
    mutating func enter(_ specialist: Specialist) -> Bool {
        guard let earlier = specialists.updateValue(specialist, forKey: specialist.id) else { return true }
        specialists[specialist.id] = earlier
        return false
    }

    /// Adds the specialists just entered with ``enter(_:)`` to the staff and skill indexes.
    ///
    /// - Complexity: O(*s* · *k*), where *s* is the number of specialists and *k* their skills each.
    mutating func indexEntered(_ entered: [Specialist]) {
        indexEntered(Self.staffAndSkillIndexes(of: entered))
    }

    /// Adopts indexes made by ``loadIndexes(specialists:squads:)`` for the specialists entered with
    /// ``enter(_:)-(Specialist)`` and the squads entered with ``enter(_:)-(CustomerValueSquad)``.
    mutating func adopt(_ indexes: LoadIndexes) {
        indexEntered(indexes)
        if let serving = indexes.squadsOfSpecialist {
            if squadsOfSpecialist.isEmpty {
                squadsOfSpecialist = serving
            } else {
                for (member, ids) in serving { squadsOfSpecialist[member, default: []].formUnion(ids) }
            }
        }
    }

    /// Enters a squad into the table and books its members' time, leaving the squads of each member to
    /// ``adopt(_:)``.
    mutating func enter(_ squad: CustomerValueSquad) {
        forgetRanking()
        for (member, membership) in squad.memberships {
            bookedPercentOf[member, default: 0] += membership.share.percent
        }
        squads[squad.id] = squad
    }

    /// Adds the staff and skill indexes made by ``staffAndSkillIndexes(of:)`` for specialists just entered with
    /// ``enter(_:)-(Specialist)``.
    mutating func indexEntered(_ indexes: LoadIndexes) {
        if staffOfDepartment.isEmpty {
            staffOfDepartment = indexes.staff
        } else {
            for (department, ids) in indexes.staff { staffOfDepartment[department, default: []].formUnion(ids) }
        }
        if specialistsWithSkill.isEmpty {
            specialistsWithSkill = indexes.holders
        } else {
            for (skill, ids) in indexes.holders { specialistsWithSkill[skill, default: []].formUnion(ids) }
        }
        if reportsOf.isEmpty {
            reportsOf = indexes.reports
        } else {
            for (manager, ids) in indexes.reports { reportsOf[manager, default: []].formUnion(ids) }
        }
    }

}
