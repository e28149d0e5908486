extension Organization {
    // MARK: - Applying changes

    /// Applies one recorded change, checking every invariant.
    ///
    /// - Parameter change: The change.
    /// - Throws: ``OrganizationError/Code/changeConflict`` when what the change changes *from* is not what the
    ///   organisation holds now; otherwise the errors of the transformation the change stands for (for example
    ///   ``OrganizationError/Code/overbooked`` or ``OrganizationError/Code/stillReferenced``). The organisation
    ///   is left as it was.
    /// - Complexity: O(*k*) in the size of the changed entity, plus O(*q*) in the number of squads for changes
    ///   that remove a specialist, a department, data or a squad.
    public mutating func apply(_ change: OrganizationChange) throws(OrganizationError) {
        switch change.action {
        case .rename(let from, let to):
            try requireCurrent(
                name == from, "the organisation is named \(String(reflecting: name)), not \(String(reflecting: from))")
            try rename(to: to)
        case .setGoal(let from, let to):
            try requireCurrent(goal == from, "the organisation's goal is not \(String(reflecting: from))")
            goal = to
        case .addDepartment(let department):
            try addDepartment(department)
        case .removeDepartment(let department):
            try requireRecorded(departmentsByID[department.id], department, "department \(department.id)")
            try removeDepartment(department.id)
        case .updateDepartment(let from, let to):
            try requireRecorded(departmentsByID[from.id], from, "department \(from.id)")
            try replaceDepartment(from, with: to)
        case .addSpecialist(let specialist):
            try hire(specialist)
        case .removeSpecialist(let specialist):
            try requireRecorded(specialistsByID[specialist.id], specialist, "specialist \(specialist.id)")
            if let report = reportsOf[specialist.id]?.min() {
                // Offboarding would move their reports, which the change's inverse could not put back.
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "cannot remove \(specialist.id): \(report) still reports to them; "
                        + "a recorded change moves their reports first")
            }
            try offboard(specialist.id)
        case .updateSpecialist(let from, let to):
            try requireRecorded(specialistsByID[from.id], from, "specialist \(from.id)")
            try replaceSpecialist(from, with: to)
        case .addSquad(let squad):
            try formSquad(squad)
        case .removeSquad(let squad):
            try requireRecorded(squadsByID[squad.id], squad, "squad \(squad.id)")
            try requireNoInteractions(with: squad.id, "remove squad \(squad.id)")
            storage.removeSquad(squad.id)
        case .updateSquad(let from, let to):
            try requireRecorded(squadsByID[from.id], from, "squad \(from.id)")
            try replaceSquad(from, with: to)
        }
    }

    /// Returns a copy with a change applied; see ``apply(_:)-(OrganizationChange)``.
    public func applying(_ change: OrganizationChange) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.apply(change) }
    }

    /// Applies changes in order, all or nothing: if one is refused, the organisation is left as it was.
    ///
    /// - Parameter changes: The changes, such as a stored change log or the result of
    ///   ``changes(from:reason:on:)``.
    /// - Throws: The error of the first change refused.
    public mutating func apply(_ changes: some Sequence<OrganizationChange>) throws(OrganizationError) {
        var copy = self
        for change in changes { try copy.apply(change) }
        self = copy
    }

    /// Returns a copy with changes applied in order; see ``apply(_:)-(Sequence<OrganizationChange>)``.
    public func applying(_ changes: some Sequence<OrganizationChange>) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.apply(changes) }
    }

    /// Performs transformations and returns the changes they made, as values with a reason and a day.
    ///
    /// ```swift
    /// let log = try organization.record(reason: "pilot needs a designer", on: "2026-11-22") {
    ///     try $0.assign("d1", to: "abm-pilot", role: "designer", share: 40, since: "2026-11-22")
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - reason: Why the changes are made.
    ///   - day: The day they take effect; `nil` by default.
    ///   - body: The transformations. If it throws, the organisation is left as it was and the error is
    ///     rethrown.
    /// - Returns: The changes, which ``apply(_:)-(Sequence<OrganizationChange>)`` replays and whose inverses undo them.
    /// - Complexity: O(*n*) in the size of the organisation, to find what changed.
    public mutating func record<Failure: Error>(
        reason: String,
        on day: Day? = nil,
        _ body: (inout Organization) throws(Failure) -> Void
    ) throws(Failure) -> [OrganizationChange] {
        var copy = self
        try body(&copy)
        let changes = copy.changes(from: self, reason: reason, on: day)
        self = copy
        return changes
    }

    /// Throws ``OrganizationError/Code/changeConflict`` unless the organisation holds `recorded` as it is.
    private func requireRecorded<Entity: Equatable>(
        _ current: Entity?, _ recorded: Entity, _ what: @autoclosure () -> String
    )
        throws(OrganizationError)
    {
        try requireCurrent(current == recorded, "\(what()) is not as recorded")
    }

    private func requireCurrent(_ condition: Bool, _ message: @autoclosure () -> String) throws(OrganizationError) {
        guard condition else {
            throw OrganizationError(code: .changeConflict, message: "the change does not fit: \(message())")
        }
    }

    // MARK: - Replacing whole entities

    private mutating func replaceDepartment(_ old: Department, with new: Department) throws(OrganizationError) {
        guard old.id == new.id else {
            throw OrganizationError(
                code: .invalidValue, message: "a department update cannot change its id \(old.id) to \(new.id)")
        }
        try checkDepartment(new, path: [])
        let kept = Set(new.dataAssets.map(\.id))
        for asset in old.dataAssets where !kept.contains(asset.id) {
            if let squad = squadsUsing(asset.id).first {
                throw OrganizationError(
                    code: .stillReferenced,
                    message:
                        "squad \(squad) still holds a grant to or needs data asset \(asset.id) of department \(old.id)"
                )
            }
        }
        storage.replace(new)
    }

    private mutating func replaceSpecialist(_ old: Specialist, with new: Specialist) throws(OrganizationError) {
        guard old.id == new.id else {
            throw OrganizationError(
                code: .invalidValue, message: "a specialist update cannot change its id \(old.id) to \(new.id)")
        }
        try checkSpecialist(new, path: [])
        try checkManager(of: new, path: [])
        if old.department != new.department {
            if departmentsByID[old.department]?.head == old.id {
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "cannot move \(old.id): they head department \(old.department); appoint another head first"
                )
            }
        }
        storage.replace(new)
    }

    private mutating func replaceSquad(_ old: CustomerValueSquad, with new: CustomerValueSquad)
        throws(OrganizationError)
    {
        guard old.id == new.id else {
            throw OrganizationError(
                code: .invalidValue, message: "a squad update cannot change its id \(old.id) to \(new.id)")
        }
        try checkSquad(new, path: [])
        if new.stage == .dissolved, old.stage != .dissolved {
            try requireNoInteractions(with: new.id, "dissolve squad \(new.id)")
        }
        for (member, membership) in new.memberships.sorted(by: { $0.key < $1.key }) {
            try checkBooking(of: member, percent: membership.share.percent, in: new.id, path: [])
        }
        storage.replace(new)
    }

    // MARK: - Computing changes

    /// The changes of squads, departments and specialists, for organisations whose squads' interactions
    /// need no care: none changes or refers to anything that does.
    func structuralChanges(from old: Organization, reason: String, on day: Day?) -> [OrganizationChange] {
        var result: [OrganizationChange] = []
        func add(_ action: OrganizationChange.Action) {
            result.append(OrganizationChange(action, reason: reason, day: day))
        }

        // Assets that leave their department must not be in use while they move.
        var moving: Set<DataAsset.ID> = []
        for (asset, holder) in old.holderOfAsset where holderOfAsset[asset] != holder { moving.insert(asset) }

        // 1. Squads that go, or change in a way that cannot be done in place, step aside and come back in their
        //    new form at the end. Squads whose bookings only shrink change now; those whose bookings only grow
        //    change once everything they refer to is in place. Either way no one is ever booked over 100 %.
        var squadsToAdd: [CustomerValueSquad.ID] = squadsByID.keys.filter { old.squadsByID[$0] == nil }
        var shrinking: [(CustomerValueSquad, CustomerValueSquad)] = []
        var growing: [(CustomerValueSquad, CustomerValueSquad)] = []
        var stepping: [(CustomerValueSquad, CustomerValueSquad)] = []  // members both join and leave
        for id in old.squadsByID.keys.sorted() {
            guard let before = old.squadsByID[id] else { continue }
            guard let after = squadsByID[id] else {
                add(.removeSquad(before))
                continue
            }
            if after == before && !Self.uses(before, anyOf: moving) { continue }
            let stable = !Self.uses(before, anyOf: moving) && !Self.uses(after, anyOf: moving)
            if stable && Self.bookings(of: after, fitWithin: before) && old.resolves(after) {
                shrinking.append((before, after))
            } else if stable && Self.bookings(of: before, fitWithin: after) && resolves(before) {
                growing.append((before, after))
            } else if stable && resolves(before) {
                stepping.append((before, after))
            } else {
                add(.removeSquad(before))
                squadsToAdd.append(id)
            }
        }
        // A squad whose members both join and leave changes in one step at the end, unless holding its old
        // members until then would overbook someone another squad needs earlier: then it steps aside and
        // comes back in its new form, as above.
        for (before, after) in Self.steppingAside(stepping, growing: growing, old: old, new: self) {
            add(.removeSquad(before))
            squadsToAdd.append(after.id)
            stepping.removeAll { $0.0.id == before.id }
        }
        for (before, after) in shrinking { add(.updateSquad(from: before, to: after)) }

        // 2. Departments that change or go are loosened: a parent or head that changes is taken off, and so is
        //    data that leaves. What stays is part of the final hierarchy, so no cycle can appear on the way.
        var current = old.departmentsByID
        for id in old.departmentsByID.keys.sorted() {
            guard let before = old.departmentsByID[id], departmentsByID[id] != before else { continue }
            let after = departmentsByID[id]
            var loose = before
            if after?.parent != before.parent { loose.parent = nil }
            if after?.head != before.head { loose.head = nil }
            loose.dataAssets = before.dataAssets.filter { holderOfAsset[$0.id] == id }
            if loose != before {
                add(.updateDepartment(from: before, to: loose))
                current[id] = loose
            }
        }

        // 3. New departments arrive loose, with their data.
        for id in departmentsByID.keys.sorted() where old.departmentsByID.index(forKey: id) == nil {
            guard var loose = departmentsByID[id] else { continue }
            loose.parent = nil
            loose.head = nil
            add(.addDepartment(loose))
            current[id] = loose
        }

        // 4. Specialists change, leave and arrive. Reporting lines are loosened as departments are: a manager
        //    that changes is taken off first (and so is a leaver's manager when both leave), new specialists
        //    arrive without a manager who is new too, and the final lines are drawn at the end. Every line
        //    present on the way is one of the old lines that stay or one of the new ones, so no cycle appears,
        //    and no one leaves while someone still reports to them. A new manager whose whole line above stays
        //    as it was is taken at once (the usual case: a leaver's reports move up), with no cycle possible.
        var finalLines: [(Specialist, Specialist)] = []
        var settled: [Specialist.ID: Bool] = [:]
        for id in old.specialistsByID.keys.sorted() {
            guard let before = old.specialistsByID[id] else { continue }
            if let after = specialistsByID[id] {
                guard after != before else { continue }
                var loose = after
                if after.manager != before.manager, !hasSettledLine(after.manager, from: old, memo: &settled) {
                    loose.manager = nil
                    finalLines.append((loose, after))
                }
                if loose != before { add(.updateSpecialist(from: before, to: loose)) }
            } else if let manager = before.manager, specialistsByID.index(forKey: manager) == nil {
                var loose = before
                loose.manager = nil
                add(.updateSpecialist(from: before, to: loose))
            }
        }
        for id in old.specialistsByID.keys.sorted() where specialistsByID.index(forKey: id) == nil {
            guard var leaver = old.specialistsByID[id] else { continue }
            if let manager = leaver.manager, specialistsByID.index(forKey: manager) == nil { leaver.manager = nil }
            add(.removeSpecialist(leaver))
        }
        for id in specialistsByID.keys.sorted() where old.specialistsByID.index(forKey: id) == nil {
            guard let specialist = specialistsByID[id] else { continue }
            if let manager = specialist.manager, old.specialistsByID.index(forKey: manager) == nil {
                var loose = specialist
                loose.manager = nil
                add(.addSpecialist(loose))
                finalLines.append((loose, specialist))
            } else {
                add(.addSpecialist(specialist))
            }
        }
        for (loose, after) in finalLines { add(.updateSpecialist(from: loose, to: after)) }

        // 5. Departments that go leave, now empty; 6. the others take their final form.
        for id in old.departmentsByID.keys.sorted() where departmentsByID.index(forKey: id) == nil {
            if let department = current[id] { add(.removeDepartment(department)) }
        }
        for id in departmentsByID.keys.sorted() {
            guard let after = departmentsByID[id], let now = current[id], now != after else { continue }
            add(.updateDepartment(from: now, to: after))
        }

        // 7. Squads grow or arrive in their new form; 8. the organisation's own fields.
        for (before, after) in growing + stepping { add(.updateSquad(from: before, to: after)) }
        for id in squadsToAdd.sorted() {
            if let squad = squadsByID[id] { add(.addSquad(squad)) }
        }
        if name != old.name { add(.rename(from: old.name, to: name)) }
        if goal != old.goal { add(.setGoal(from: old.goal, to: goal)) }
        return result
    }

    /// The squads of `stepping` that cannot keep their old members until the end of the change list.
    ///
    /// Every squad of `stepping` is replaced at the end, after the `growing` ones; until then it holds its old
    /// bookings. Squads that step aside, and the squads that shrink, free their old bookings at the start; new
    /// squads book theirs at the very end. A specialist is overbooked on the way if what the stepping squads
    /// still hold, plus what growing squads take by the time they are replaced, passes 100 %: the stepping
    /// squads that hold such a specialist step aside instead.
    ///
    /// - Complexity: O(*m*) in the members of the squads involved.
    private static func steppingAside(
        _ stepping: [(CustomerValueSquad, CustomerValueSquad)],
        growing: [(CustomerValueSquad, CustomerValueSquad)],
        old: Organization,
        new: Organization
    ) -> [(CustomerValueSquad, CustomerValueSquad)] {
        guard !stepping.isEmpty else { return [] }
        // The most each specialist can be booked on the way: every squad at the larger of its two bookings,
        // except squads that go or step aside (nothing until the end) and new squads (nothing until the end).
        var worst: [Specialist.ID: Int] = [:]
        let steppingIDs = Set(stepping.map(\.0.id))
        let changing = Set(growing.map(\.0.id)).union(steppingIDs)
        for (id, squad) in old.squadsByID where new.squadsByID.index(forKey: id) != nil && !changing.contains(id) {
            // Unchanged or shrinking squads: their bookings on the way are at most the old ones.
            for (member, membership) in squad.memberships { worst[member, default: 0] += membership.share.percent }
        }
        for (before, after) in growing + stepping {
            for member in Set(before.memberships.keys).union(after.memberships.keys) {
                let share = max(
                    before.memberships[member]?.share.percent ?? 0, after.memberships[member]?.share.percent ?? 0)
                worst[member, default: 0] += share
            }
        }
        return stepping.filter { before, after in
            before.memberships.keys.contains { (worst[$0] ?? 0) > 100 }
                || after.memberships.keys.contains { (worst[$0] ?? 0) > 100 }
        }
    }

    /// Whether `squad` grants or needs any of `assets`.
    private static func uses(_ squad: CustomerValueSquad, anyOf assets: Set<DataAsset.ID>) -> Bool {
        !assets.isEmpty
            && (squad.grants.keys.contains(where: assets.contains)
                || squad.mission.requiredData.contains(where: assets.contains))
    }

    /// Whether every member of `squad` is booked no more there than in `other`.
    private static func bookings(of squad: CustomerValueSquad, fitWithin other: CustomerValueSquad) -> Bool {
        squad.memberships.allSatisfy { member, membership in
            membership.share <= other.memberships[member]?.share ?? TimeShare.fullTime
                && other.memberships[member] != nil
        }
    }

    /// Whether every specialist and data asset `squad` refers to exists in this organisation.
    private func resolves(_ squad: CustomerValueSquad) -> Bool {
        squad.stage == .dissolved
            || squad.memberships.keys.allSatisfy { specialistsByID[$0] != nil }
                && squad.accountability.owner.map { specialistsByID[$0] != nil } ?? true
                && squad.grants.allSatisfy { asset, grant in
                    holderOfAsset[asset] != nil && (grant.approvedBy.map { specialistsByID[$0] != nil } ?? true)
                }
                && squad.mission.requiredData.allSatisfy { holderOfAsset[$0] != nil }
                && squad.seats.allSatisfy { seat in seat.department.map { departmentsByID[$0] != nil } ?? true }
    }
}
