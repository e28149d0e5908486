// Every transformation below checks first and changes second: when it throws, the organisation is
// exactly as it was. Each mutating method has a non-mutating twin that returns the changed copy.

extension Organization {
    // MARK: - Helpers

    func existingDepartment(_ id: Department.ID) throws(OrganizationError) -> Department {
        guard let department = departmentsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no department \(id)")
        }
        return department
    }

    func existingSpecialist(_ id: Specialist.ID) throws(OrganizationError) -> Specialist {
        guard let specialist = specialistsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no specialist \(id)")
        }
        return specialist
    }

    /// The squad `id`, which must exist and must not be dissolved.
    func changeableSquad(_ id: CustomerValueSquad.ID) throws(OrganizationError) -> CustomerValueSquad {
        guard let squad = squadsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(id)")
        }
        guard squad.stage != .dissolved else {
            throw OrganizationError(code: .squadDissolved, message: "squad \(id) is dissolved and cannot change")
        }
        return squad
    }

    /// The squads that grant or need the data asset `id`, sorted.
    func squadsUsing(_ asset: DataAsset.ID) -> [CustomerValueSquad.ID] {
        squadsByID.values.filter { $0.grants[asset] != nil || $0.mission.requiredData.contains(asset) }.map(\.id)
            .sorted()
    }

    // MARK: - Departments

    /// Adds a department, with the data assets it holds.
    ///
    /// A new department has no staff yet, so it cannot name a head; appoint one with
    /// ``appointHead(_:of:)`` after hiring them.
    ///
    /// - Parameter department: The department to add.
    /// - Throws: ``OrganizationError`` — ``OrganizationError/Code/duplicateID`` if its identifier or one
    ///   of its assets' identifiers is taken; ``OrganizationError/Code/unknownReference`` if its parent or
    ///   head does not exist; ``OrganizationError/Code/headOutsideDepartment`` if it names a head;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name.
    /// - Complexity: O(*k* + *h*), where *k* is the number of its assets and *h* the hierarchy's depth.
    public mutating func addDepartment(_ department: Department) throws(OrganizationError) {
        guard departmentsByID[department.id] == nil else {
            throw OrganizationError(code: .duplicateID, message: "department \(department.id) already exists")
        }
        try checkDepartment(department, path: [])
        storage.insert(department)
    }

    /// Returns a copy with a department added; see ``addDepartment(_:)``.
    public func addingDepartment(_ department: Department) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.addDepartment(department)
        return copy
    }

    /// Removes an empty department and the data assets it holds.
    ///
    /// - Parameter id: The department to remove.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such department;
    ///   ``OrganizationError/Code/stillReferenced`` if specialists still have it as their home, departments
    ///   report to it, or a squad holds a grant to or needs one of its assets.
    /// - Complexity: O(*q* · *k*), where *q* is the number of squads and *k* the number of its assets.
    public mutating func removeDepartment(_ id: Department.ID) throws(OrganizationError) {
        let department = try existingDepartment(id)
        if let staff = staffOfDepartment[id], let first = staff.min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "department \(id) still has \(staff.count) specialists, such as \(first); transfer them first"
            )
        }
        if let children = childrenOfDepartment[id], let first = children.min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "departments such as \(first) still report to \(id); move them first"
            )
        }
        for asset in department.dataAssets {
            if let squad = squadsUsing(asset.id).first {
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "squad \(squad) still uses data asset \(asset.id) of department \(id)"
                )
            }
        }
        storage.removeDepartment(id)
    }

    /// Returns a copy with a department removed; see ``removeDepartment(_:)``.
    public func removingDepartment(_ id: Department.ID) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.removeDepartment(id)
        return copy
    }

    /// Places a department under another one, or at the top of the hierarchy.
    ///
    /// - Parameters:
    ///   - id: The department to move.
    ///   - parent: Its new parent, or `nil` for the top.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if either department does not exist;
    ///   ``OrganizationError/Code/hierarchyCycle`` if `parent` is `id` or lies below it.
    /// - Complexity: O(*h*), where *h* is the depth of the hierarchy.
    public mutating func moveDepartment(_ id: Department.ID, under parent: Department.ID?) throws(OrganizationError) {
        _ = try existingDepartment(id)
        try checkParent(parent, of: id, path: [])
        storage.modifyDepartment(id) { $0.parent = parent }
    }

    /// Returns a copy with a department moved; see ``moveDepartment(_:under:)``.
    public func movingDepartment(_ id: Department.ID, under parent: Department.ID?) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.moveDepartment(id, under: parent)
        return copy
    }

    /// Appoints the head of a department, or leaves it without one.
    ///
    /// - Parameters:
    ///   - head: The new head, who must have the department as their home; `nil` to leave it headless.
    ///   - department: The department.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the department or the specialist does not
    ///   exist; ``OrganizationError/Code/headOutsideDepartment`` if the specialist belongs elsewhere.
    public mutating func appointHead(_ head: Specialist.ID?, of department: Department.ID) throws(OrganizationError) {
        var changed = try existingDepartment(department)
        changed.head = head
        try checkDepartment(changed, path: [])
        storage.replace(changed)
    }

    /// Returns a copy with a department's head appointed; see ``appointHead(_:of:)``.
    public func appointingHead(_ head: Specialist.ID?, of department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.appointHead(head, of: department)
        return copy
    }

    // MARK: - Specialists

    /// Hires a specialist into their home department.
    ///
    /// - Parameter specialist: The specialist to hire.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if the identifier is taken;
    ///   ``OrganizationError/Code/unknownReference`` if the home department does not exist;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name or skill.
    /// - Complexity: O(*k*), where *k* is the number of the specialist's skills.
    public mutating func hire(_ specialist: Specialist) throws(OrganizationError) {
        guard specialistsByID[specialist.id] == nil else {
            throw OrganizationError(code: .duplicateID, message: "specialist \(specialist.id) already exists")
        }
        try checkSpecialist(specialist, path: [])
        storage.insert(specialist)
    }

    /// Returns a copy with a specialist hired; see ``hire(_:)``.
    public func hiring(_ specialist: Specialist) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.hire(specialist)
        return copy
    }

    /// Moves a specialist to another home department; their squad memberships stay as they are.
    ///
    /// - Parameters:
    ///   - id: The specialist.
    ///   - department: The new home department.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if either does not exist;
    ///   ``OrganizationError/Code/stillReferenced`` if they head their current department.
    public mutating func transfer(_ id: Specialist.ID, to department: Department.ID) throws(OrganizationError) {
        let specialist = try existingSpecialist(id)
        _ = try existingDepartment(department)
        guard specialist.department != department else { return }
        if departmentsByID[specialist.department]?.head == id {
            throw OrganizationError(
                code: .stillReferenced,
                message:
                    "cannot transfer \(id): they head department \(specialist.department); appoint another head first"
            )
        }
        storage.modifySpecialist(id) { $0.department = department }
    }

    /// Returns a copy with a specialist transferred; see ``transfer(_:to:)``.
    public func transferring(_ id: Specialist.ID, to department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.transfer(id, to: department)
        return copy
    }

    /// Removes a specialist from the organisation.
    ///
    /// Nothing is released silently: release them from their squads, appoint another head, and hand over
    /// their accountabilities and grant approvals first.
    ///
    /// - Parameter id: The specialist.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such specialist;
    ///   ``OrganizationError/Code/stillReferenced`` if they are still a member, a head, an accountability
    ///   owner or a grant approver.
    /// - Complexity: O(*q* + *g*), where *q* is the number of squads and *g* the number of grants.
    public mutating func offboard(_ id: Specialist.ID) throws(OrganizationError) {
        _ = try existingSpecialist(id)
        try checkUnreferenced(id, purpose: "offboard")
        storage.removeSpecialist(id)
    }

    /// Returns a copy with a specialist offboarded; see ``offboard(_:)``.
    public func offboarding(_ id: Specialist.ID) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.offboard(id)
        return copy
    }

    /// Sets a specialist's proficiency in a skill, or removes the skill.
    ///
    /// - Parameters:
    ///   - skill: The skill.
    ///   - proficiency: The new level, or `nil` to remove the skill.
    ///   - id: The specialist.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such specialist;
    ///   ``OrganizationError/Code/invalidValue`` for a blank skill.
    public mutating func setSkill(_ skill: Skill, to proficiency: Proficiency?, for id: Specialist.ID)
        throws(OrganizationError)
    {
        _ = try existingSpecialist(id)
        try Self.requireText(skill.rawValue, "a skill of specialist \(id)", path: [])
        storage.modifySpecialist(id) { $0.skills[skill] = proficiency }
    }

    /// Returns a copy with a specialist's skill set; see ``setSkill(_:to:for:)``.
    public func settingSkill(_ skill: Skill, to proficiency: Proficiency?, for id: Specialist.ID)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.setSkill(skill, to: proficiency, for: id)
        return copy
    }

    // MARK: - Data assets

    /// Adds a data asset to the department that holds it.
    ///
    /// - Parameters:
    ///   - asset: The asset.
    ///   - department: The department that holds it.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if the asset's identifier is taken anywhere;
    ///   ``OrganizationError/Code/unknownReference`` if the department does not exist;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name.
    public mutating func addDataAsset(_ asset: DataAsset, to department: Department.ID) throws(OrganizationError) {
        _ = try existingDepartment(department)
        if let holder = holderOfAsset[asset.id] {
            throw OrganizationError(
                code: .duplicateID,
                message: "data asset \(asset.id) already exists in department \(holder)"
            )
        }
        try Self.requireText(asset.name, "the name of data asset \(asset.id)", path: [])
        storage.modifyDepartment(department) { $0.dataAssets.append(asset) }
    }

    /// Returns a copy with a data asset added; see ``addDataAsset(_:to:)``.
    public func addingDataAsset(_ asset: DataAsset, to department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.addDataAsset(asset, to: department)
        return copy
    }

    /// Removes a data asset no squad uses.
    ///
    /// - Parameter id: The asset.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if no department holds it;
    ///   ``OrganizationError/Code/stillReferenced`` if a squad holds a grant to it or its mission needs it.
    /// - Complexity: O(*q* + *k*), where *q* is the number of squads and *k* the assets of its department.
    public mutating func removeDataAsset(_ id: DataAsset.ID) throws(OrganizationError) {
        guard let holder = holderOfAsset[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no data asset \(id)")
        }
        if let squad = squadsUsing(id).first {
            throw OrganizationError(
                code: .stillReferenced,
                message: "squad \(squad) still holds a grant to or needs data asset \(id)"
            )
        }
        storage.modifyDepartment(holder) { $0.dataAssets.removeAll { $0.id == id } }
    }

    /// Returns a copy with a data asset removed; see ``removeDataAsset(_:)``.
    public func removingDataAsset(_ id: DataAsset.ID) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.removeDataAsset(id)
        return copy
    }

    // MARK: - Squads

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
        guard squadsByID[squad.id] == nil else {
            throw OrganizationError(code: .duplicateID, message: "squad \(squad.id) already exists")
        }
        try checkSquad(squad, path: [])
        for (member, membership) in squad.memberships.sorted(by: { $0.key < $1.key }) {
            try checkBooking(of: member, percent: membership.share.percent, in: squad.id, path: [])
        }
        storage.insert(squad)
    }

    /// Returns a copy with a squad formed; see ``formSquad(_:)``.
    public func formingSquad(_ squad: CustomerValueSquad) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.formSquad(squad)
        return copy
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
        guard specialistsByID[specialist] != nil else {
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
        var copy = self
        try copy.assign(specialist, to: squad, role: role, share: share, since: since)
        return copy
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
        var copy = self
        try copy.release(specialist, from: squad, on: day, reason: reason)
        return copy
    }

    /// Delegates a decision right to a squad.
    ///
    /// - Parameters:
    ///   - right: What the squad may decide, and within which limit.
    ///   - id: The right's identifier within the squad.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/duplicateID``
    ///   if the squad already holds a right with that identifier; ``OrganizationError/Code/invalidValue`` for
    ///   a blank scope or a limit that is negative or not finite.
    public mutating func delegate(_ right: DecisionRight, as id: DecisionRight.ID, to squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard current.decisionRights[id] == nil else {
            throw OrganizationError(code: .duplicateID, message: "squad \(squad) already holds decision right \(id)")
        }
        try Self.checkDecisionRight(right, id: id, path: [])
        storage.modifySquad(squad) { $0.decisionRights[id] = right }
    }

    /// Returns a copy with a decision right delegated; see ``delegate(_:as:to:)``.
    public func delegating(_ right: DecisionRight, as id: DecisionRight.ID, to squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.delegate(right, as: id, to: squad)
        return copy
    }

    /// Takes a decision right back from a squad.
    ///
    /// - Parameters:
    ///   - id: The right's identifier.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the right does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad.
    public mutating func revokeDecisionRight(_ id: DecisionRight.ID, from squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard current.decisionRights[id] != nil else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) holds no decision right \(id)")
        }
        storage.modifySquad(squad) { $0.decisionRights[id] = nil }
    }

    /// Returns a copy with a decision right revoked; see ``revokeDecisionRight(_:from:)``.
    public func revokingDecisionRight(_ id: DecisionRight.ID, from squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.revokeDecisionRight(id, from: squad)
        return copy
    }

    /// Grants a squad access to a data asset held by a silo.
    ///
    /// - Parameters:
    ///   - asset: The data asset.
    ///   - squad: The squad.
    ///   - grant: Who approved it and why.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad, the asset or the approver does not
    ///   exist; ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/duplicateID`` if the squad already holds a grant to the asset.
    public mutating func grantAccess(
        to asset: DataAsset.ID,
        for squad: CustomerValueSquad.ID,
        _ grant: DataAccessGrant = DataAccessGrant()
    ) throws(OrganizationError) {
        let current = try changeableSquad(squad)
        guard current.grants[asset] == nil else {
            throw OrganizationError(code: .duplicateID, message: "squad \(squad) already holds a grant to \(asset)")
        }
        try checkGrant(grant, to: asset, of: squad, path: [])
        storage.modifySquad(squad) { $0.grants[asset] = grant }
    }

    /// Returns a copy with access granted; see ``grantAccess(to:for:_:)``.
    public func grantingAccess(
        to asset: DataAsset.ID,
        for squad: CustomerValueSquad.ID,
        _ grant: DataAccessGrant = DataAccessGrant()
    ) throws(OrganizationError) -> Organization {
        var copy = self
        try copy.grantAccess(to: asset, for: squad, grant)
        return copy
    }

    /// Takes back a squad's access to a data asset.
    ///
    /// - Parameters:
    ///   - asset: The data asset.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist or holds no grant
    ///   to the asset; ``OrganizationError/Code/squadDissolved`` for a dissolved squad.
    public mutating func revokeAccess(to asset: DataAsset.ID, from squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard current.grants[asset] != nil else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) holds no grant to \(asset)")
        }
        storage.modifySquad(squad) { $0.grants[asset] = nil }
    }

    /// Returns a copy with access revoked; see ``revokeAccess(to:from:)``.
    public func revokingAccess(to asset: DataAsset.ID, from squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.revokeAccess(to: asset, from: squad)
        return copy
    }

    /// Sets a squad's mission.
    ///
    /// - Parameters:
    ///   - mission: The new mission.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or a data asset the mission needs
    ///   does not exist; ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/invalidValue`` for a blank skill.
    /// - Complexity: O(*k*), where *k* is the number of skills and data assets the mission needs.
    public mutating func setMission(_ mission: Mission, of squad: CustomerValueSquad.ID) throws(OrganizationError) {
        _ = try changeableSquad(squad)
        try checkMission(mission, of: squad, path: [])
        storage.modifySquad(squad) { $0.mission = mission }
    }

    /// Returns a copy with a squad's mission set; see ``setMission(_:of:)``.
    public func settingMission(_ mission: Mission, of squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.setMission(mission, of: squad)
        return copy
    }

    /// Sets what a squad answers for.
    ///
    /// - Parameters:
    ///   - accountability: The new accountability.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the owner does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/duplicateID``
    ///   for a repeated outcome; ``OrganizationError/Code/invalidValue`` for a blank metric, a number that is
    ///   not finite, a weight that is not positive or a negative tolerance.
    /// - Complexity: O(*k*), where *k* is the number of outcomes.
    public mutating func setAccountability(_ accountability: Accountability, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        _ = try changeableSquad(squad)
        try checkAccountability(accountability, of: squad, path: [])
        storage.modifySquad(squad) { $0.accountability = accountability }
    }

    /// Returns a copy with a squad's accountability set; see ``setAccountability(_:of:)``.
    public func settingAccountability(_ accountability: Accountability, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.setAccountability(accountability, of: squad)
        return copy
    }

    /// Records the latest measured value of one of a squad's outcomes.
    ///
    /// - Parameters:
    ///   - value: The measured value.
    ///   - outcome: The outcome.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the outcome does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/invalidValue``
    ///   if the value is not finite.
    /// - Complexity: O(*k*), where *k* is the number of the squad's outcomes.
    public mutating func recordOutcome(_ value: Double, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard let index = current.accountability.outcomes.firstIndex(where: { $0.id == outcome }) else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) has no outcome \(outcome)")
        }
        try Self.requireFinite(value, "the current value of outcome \(outcome)", path: [])
        storage.modifySquad(squad) { $0.accountability.outcomes[index].current = value }
    }

    /// Returns a copy with an outcome's value recorded; see ``recordOutcome(_:for:of:)``.
    public func recordingOutcome(_ value: Double, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.recordOutcome(value, for: outcome, of: squad)
        return copy
    }

    /// Sets the length of a squad's break-fix cycle, or clears it.
    ///
    /// - Parameters:
    ///   - cycleLength: The new length, or `nil`.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad.
    public mutating func setCycleLength(_ cycleLength: Cadence?, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        _ = try changeableSquad(squad)
        storage.modifySquad(squad) { $0.cycleLength = cycleLength }
    }

    /// Returns a copy with a squad's cycle length set; see ``setCycleLength(_:of:)``.
    public func settingCycleLength(_ cycleLength: Cadence?, of squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.setCycleLength(cycleLength, of: squad)
        return copy
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
    ///   members or grants.
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
        if stage == .dissolved, !(current.memberships.isEmpty && current.grants.isEmpty) {
            throw OrganizationError(
                code: .dissolvedSquadNotEmpty,
                message: "squad \(squad) still holds \(current.memberships.count) members and "
                    + "\(current.grants.count) grants; dissolve it to release and revoke them"
            )
        }
        storage.modifySquad(squad) { $0.stage = stage }
    }

    /// Returns a copy with a squad moved to another stage; see ``advance(_:to:)``.
    public func advancing(_ squad: CustomerValueSquad.ID, to stage: CustomerValueSquad.Stage)
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.advance(squad, to: stage)
        return copy
    }

    /// Dissolves a squad: releases every member into its history, revokes every grant and moves it to the
    /// dissolved stage.
    ///
    /// The squad's mission, decision rights, accountability, cycles and history stay on record.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - day: The day it ends; `nil` by default.
    ///   - reason: Why; empty by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` if it is already dissolved;
    ///   ``OrganizationError/Code/invalidValue`` if `day` is before a membership started.
    /// - Complexity: O(*m* log *m*), where *m* is the squad's size.
    public mutating func dissolve(_ squad: CustomerValueSquad.ID, on day: Day? = nil, reason: String = "")
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
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
            $0.stage = .dissolved
        }
    }

    /// Returns a copy with a squad dissolved; see ``dissolve(_:on:reason:)``.
    public func dissolving(_ squad: CustomerValueSquad.ID, on day: Day? = nil, reason: String = "")
        throws(OrganizationError) -> Organization
    {
        var copy = self
        try copy.dissolve(squad, on: day, reason: reason)
        return copy
    }

    /// Records a break-fix cycle a squad has run.
    ///
    /// Small failures count against the accountability's tolerated number; see
    /// ``CustomerValueSquad/isWithinFailureTolerance``.
    ///
    /// - Parameters:
    ///   - cycle: The cycle.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/invalidValue``
    ///   if nothing was tried or the cycle ends before it starts.
    public mutating func recordCycle(_ cycle: BreakFixCycle, for squad: CustomerValueSquad.ID) throws(OrganizationError)
    {
        _ = try changeableSquad(squad)
        try Self.checkCycle(cycle, of: squad, path: [])
        storage.modifySquad(squad) { $0.cycles.append(cycle) }
    }

    /// Returns a copy with a break-fix cycle recorded; see ``recordCycle(_:for:)``.
    public func recordingCycle(_ cycle: BreakFixCycle, for squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try copy.recordCycle(cycle, for: squad)
        return copy
    }
}
