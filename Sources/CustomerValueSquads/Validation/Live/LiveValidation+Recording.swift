extension LiveValidation {
    /// What ``record(reason:on:_:)`` gives: the changes made, as a change log records them, and the findings
    /// they added and removed.
    public struct Recording: Sendable, Hashable {
        /// The changes `body` made, in an order in which they apply to the organisation as it was; `nil` when
        /// `body` put an organisation from elsewhere in place, as nothing was written to read them from —
        /// compare the two with ``Organization/changes(from:reason:on:)`` then.
        public var changes: [OrganizationChange]?
        /// The findings the changes added and removed.
        public var difference: ValidationReport.Difference

        /// Creates a recording.
        public init(changes: [OrganizationChange]?, difference: ValidationReport.Difference) {
            self.changes = changes
            self.difference = difference
        }
    }

    /// Runs `body` on the organisation as ``update(_:)`` does, and also returns what it changed as
    /// ``OrganizationChange`` values dated `day` with `reason` — what ``Organization/changes(from:reason:on:)``
    /// gives, found from what `body` touched instead of by comparing the two organisations whole.
    ///
    /// Applying the changes to the organisation as it was gives the organisation as it is
    /// (``Organization/applying(_:)-(Sequence<OrganizationChange>)``), so they can be appended to a change
    /// log, and their inverses take the change back.
    ///
    /// - Throws: What `body` throws; see ``update(_:)``.
    /// - Complexity: O(*c*) in the size of what `body` touches when it changes one department, specialist or
    ///   squad (or the name or goal), as each of the library's transformations does; otherwise the organisation
    ///   as it was is put together again from the former values of what was written and the two are compared
    ///   whole, O(*n*).
    public mutating func record<Failure: Error>(
        reason: String = "", on day: Day? = nil, _ body: (inout Organization) throws(Failure) -> Void
    ) throws(Failure) -> Recording {
        let (name, goal) = (organization.name, organization.goal)
        let owner = ChangeJournal.Owner()
        var journal = ChangeJournal(owner: owner, hadLines: organization.hasReportingLines)
        journal.keepsFormer = true
        organization.storage.journal = journal
        do {
            try body(&organization)
        } catch {
            _ = refresh(owner: owner, name: name, goal: goal)
            throw error
        }
        // What this body wrote, unless it put another organisation in place.
        let written = organization.storage.journal.flatMap { $0.owner === owner ? $0 : nil }
        let difference = refresh(owner: owner, name: name, goal: goal)
        let after = organization
        var actions: [OrganizationChange.Action] = []
        if let written {
            if after.name != name { actions.append(.rename(from: name, to: after.name)) }
            if after.goal != goal { actions.append(.setGoal(from: goal, to: after.goal)) }
            actions += Self.actions(
                written.formerDepartments, now: after.departmentsByID, add: { .addDepartment($0) },
                remove: { .removeDepartment($0) }, update: { .updateDepartment(from: $0, to: $1) })
            actions += Self.actions(
                written.formerSpecialists, now: after.specialistsByID, add: { .addSpecialist($0) },
                remove: { .removeSpecialist($0) }, update: { .updateSpecialist(from: $0, to: $1) })
            actions += Self.actions(
                written.formerSquads, now: after.squadsByID, add: { .addSquad($0) }, remove: { .removeSquad($0) },
                update: { .updateSquad(from: $0, to: $1) })
        }
        // One part changed: that change alone turns the one into the other. Several parts may depend on each
        // other in ways only the whole comparison orders rightly, so the organisation as it was is put back
        // together from the parts' former values and the two are compared whole; so are two organisations
        // when the body put one in place of the other (nothing was written to this one's journal).
        if written != nil, actions.count <= 1 {
            return Recording(
                changes: actions.map { OrganizationChange($0, reason: reason, day: day) }, difference: difference)
        }
        guard let written, let before = Self.former(of: after, name: name, goal: goal, from: written) else {
            return Recording(changes: nil, difference: difference)
        }
        return Recording(changes: after.changes(from: before, reason: reason, on: day), difference: difference)
    }

    /// The actions that turn each part as it was (`nil` when it did not exist) into the part as it is now, in
    /// the order of the parts' identifiers; parts that came back as they were give none.
    private static func actions<ID: Comparable, Part: Equatable>(
        _ former: [ID: Part?], now current: [ID: Part], add: (Part) -> OrganizationChange.Action,
        remove: (Part) -> OrganizationChange.Action, update: (Part, Part) -> OrganizationChange.Action
    ) -> [OrganizationChange.Action] {
        former.sorted { $0.key < $1.key }.compactMap { id, old in
            switch (old, current[id]) {
            case (nil, let new?): add(new)
            case (let old?, nil): remove(old)
            case (let old?, let new?) where old != new: update(old, new)
            default: nil
            }
        }
    }

    /// `organization` with every part `journal` kept a former value of put back as it was.
    private static func former(of organization: Organization, name: String, goal: String, from journal: ChangeJournal)
        -> Organization?
    {
        var before = organization
        before.storage.journal = nil
        for (id, old) in journal.formerSquads {
            if let old { before.storage.replace(old) } else { before.storage.removeSquad(id) }
        }
        for (id, old) in journal.formerSpecialists {
            if let old { before.storage.replace(old) } else { before.storage.removeSpecialist(id) }
        }
        for (id, old) in journal.formerDepartments {
            if let old { before.storage.replace(old) } else { before.storage.removeDepartment(id) }
        }
        do {
            try before.rename(to: name)
        } catch {
            return nil
        }
        before.goal = goal
        return before
    }

}
