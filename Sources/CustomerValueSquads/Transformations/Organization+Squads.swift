// Transformations of squads and their memberships: forming, assigning, releasing, the lifecycle.

extension Organization {
    /// Forms a squad: adds it, with its members, rights, grants and accountability, in one step.
    ///
    /// - Parameter squad: The squad, usually in the ``CustomerValueSquad/Stage-swift.enum/forming`` stage.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if the identifier is taken;
    ///   ``OrganizationError/Code/unknownReference`` for a member, asset, approver or owner that does not
    ///   exist; ``OrganizationError/Code/overbooked`` if a member would pass 100 % of their time;
    ///   ``OrganizationError/Code/dissolvedSquadNotEmpty`` for a dissolved squad with members or grants;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name or role or a number out of range.
    /// - Complexity: O(*m* + *k*), where *m* is the squad's size and *k* the number of squads its members
    ///   already serve in.
    public mutating func formSquad(_ squad: CustomerValueSquad) throws(OrganizationError) {
        try Self.requireNew(squadsByID.index(forKey: squad.id) == nil, "squad \(squad.id)")
        try checkSquad(squad, path: [])
        for (member, membership) in squad.memberships.sorted(by: { $0.key < $1.key }) {
            try checkBooking(of: member, percent: membership.share.percent, in: squad.id, path: [])
        }
        storage.insert(squad)
    }

    /// Returns a copy with a squad formed; see ``formSquad(_:)``.
    public func formingSquad(_ squad: CustomerValueSquad) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.formSquad(squad) }
    }

    /// Assigns a specialist to a squad with a role and a share of their time.
    ///
    /// - Parameters:
    ///   - specialist: The specialist, who keeps their home department.
    ///   - squad: The squad.
    ///   - role: Their role in the squad.
    ///   - share: The share of their time the squad gets.
    ///   - since: The day the membership starts; `nil` by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if either does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/duplicateID``
    ///   if they are already a member; ``OrganizationError/Code/overbooked`` if they would pass 100 % of
    ///   their time; ``OrganizationError/Code/invalidValue`` for a blank role.
    /// - Complexity: O(*k*), where *k* is the number of squads the specialist already serves in.
    public mutating func assign(
        _ specialist: Specialist.ID,
        to squad: CustomerValueSquad.ID,
        role: Role,
        share: TimeShare,
        since: Day? = nil
    ) throws(OrganizationError) {
        // One hash lookup per table: the squad is reached through its index from here on.
        guard let index = squadsByID.index(forKey: squad) else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        guard squadsByID.values[index].stage != .dissolved else {
            throw OrganizationError(code: .squadDissolved, message: "squad \(squad) is dissolved and cannot change")
        }
        guard specialistsByID.index(forKey: specialist) != nil else {
            throw OrganizationError(code: .unknownReference, message: "there is no specialist \(specialist)")
        }
        guard squadsByID.values[index].memberships[specialist] == nil else {
            throw OrganizationError(code: .duplicateID, message: "\(specialist) is already a member of squad \(squad)")
        }
        try Self.requireText(role.rawValue, "the role of \(specialist) in squad \(squad)", path: [])
        try checkBooking(of: specialist, percent: share.percent, in: squad, path: [], bookedHere: 0)
        storage.setMembership(Membership(role: role, share: share, since: since), of: specialist, in: squad)
    }

    /// Returns a copy with a specialist assigned; see ``assign(_:to:role:share:since:)``.
    public func assigning(
        _ specialist: Specialist.ID,
        to squad: CustomerValueSquad.ID,
        role: Role,
        share: TimeShare,
        since: Day? = nil
    ) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in
            try copy.assign(specialist, to: squad, role: role, share: share, since: since)
        }
    }

    /// Releases a member from a squad; they go back to their home department full time.
    ///
    /// The membership moves to the squad's ``CustomerValueSquad/history`` with the day and the reason, so
    /// who served where is kept, not overwritten.
    ///
    /// - Parameters:
    ///   - specialist: The member.
    ///   - squad: The squad.
    ///   - day: The day the membership ends; `nil` by default.
    ///   - reason: Why it ends; empty by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist or the specialist
    ///   is not a member; ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/invalidValue`` if `day` is before the membership started.
    public mutating func release(
        _ specialist: Specialist.ID,
        from squad: CustomerValueSquad.ID,
        on day: Day? = nil,
        reason: String = ""
    ) throws(OrganizationError) {
        let current = try changeableSquad(squad)
        guard let membership = current.memberships[specialist] else {
            throw OrganizationError(code: .unknownReference, message: "\(specialist) is not a member of squad \(squad)")
        }
        try Self.checkPeriod(
            from: membership.since, to: day, "the membership of \(specialist) in squad \(squad)", path: [])
        storage.modifySquad(squad) {
            $0.memberships[specialist] = nil
            $0.history.append(PastMembership(ending: membership, of: specialist, on: day, reason: reason))
        }
    }

    /// Returns a copy with a member released; see ``release(_:from:on:reason:)``.
    public func releasing(
        _ specialist: Specialist.ID,
        from squad: CustomerValueSquad.ID,
        on day: Day? = nil,
        reason: String = ""
    ) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in
            try copy.release(specialist, from: squad, on: day, reason: reason)
        }
    }

    /// Moves a squad to another lifecycle stage.
    ///
    /// To end a squad with members or grants, call ``dissolve(_:on:reason:)``, which releases and revokes them.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - stage: The next stage; see ``CustomerValueSquad/Stage-swift.enum/canMove(to:)``.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/invalidStageTransition`` for a move the lifecycle does not allow;
    ///   ``OrganizationError/Code/dissolvedSquadNotEmpty`` when moving to dissolved a squad that still has
    ///   members, grants or interactions; ``OrganizationError/Code/stillReferenced`` when moving to dissolved a
    ///   squad another squad has an interaction with.
    public mutating func advance(_ squad: CustomerValueSquad.ID, to stage: CustomerValueSquad.Stage)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard current.stage.canMove(to: stage) else {
            throw OrganizationError(
                code: .invalidStageTransition,
                message: "squad \(squad) cannot move from \(current.stage.rawValue) to \(stage.rawValue)"
            )
        }
        if stage == .dissolved, !(current.memberships.isEmpty && current.grants.isEmpty && current.interactions.isEmpty)
        {
            throw OrganizationError(
                code: .dissolvedSquadNotEmpty,
                message: "squad \(squad) still holds \(current.memberships.count) members, "
                    + "\(current.grants.count) grants and \(current.interactions.count) interactions; dissolve it "
                    + "to release, revoke and end them"
            )
        }
        if stage == .dissolved { try requireNoInteractions(with: squad, "dissolve squad \(squad)") }
        storage.modifySquad(squad) { $0.stage = stage }
    }

    /// Returns a copy with a squad moved to another stage; see ``advance(_:to:)``.
    public func advancing(_ squad: CustomerValueSquad.ID, to stage: CustomerValueSquad.Stage)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.advance(squad, to: stage) }
    }

    /// Dissolves a squad: releases every member into its history, revokes every grant, ends its interactions
    /// and moves it to the dissolved stage.
    ///
    /// The squad's mission, decision rights, accountability, cycles and history stay on record.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - day: The day it ends; `nil` by default.
    ///   - reason: Why; empty by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` if it is already dissolved;
    ///   ``OrganizationError/Code/invalidValue`` if `day` is before a membership started;
    ///   ``OrganizationError/Code/stillReferenced`` if another squad has an interaction with it.
    /// - Complexity: O(*m* log *m* + *q*), where *m* is the squad's size and *q* the number of squads.
    public mutating func dissolve(_ squad: CustomerValueSquad.ID, on day: Day? = nil, reason: String = "")
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        try requireNoInteractions(with: squad, "dissolve squad \(squad)")
        let members = current.memberships.sorted { $0.key < $1.key }
        for (member, membership) in members {
            try Self.checkPeriod(
                from: membership.since, to: day, "the membership of \(member) in squad \(squad)", path: [])
        }
        storage.modifySquad(squad) {
            for (member, membership) in members {
                $0.history.append(
                    PastMembership(
                        ending: membership, of: member, on: day, reason: reason.isEmpty ? "squad dissolved" : reason)
                )
            }
            $0.memberships = [:]
            $0.grants = [:]
            $0.interactions = []
            $0.seats = []
            $0.stage = .dissolved
        }
    }

    /// Returns a copy with a squad dissolved; see ``dissolve(_:on:reason:)``.
    public func dissolving(_ squad: CustomerValueSquad.ID, on day: Day? = nil, reason: String = "")
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.dissolve(squad, on: day, reason: reason) }
    }
}
