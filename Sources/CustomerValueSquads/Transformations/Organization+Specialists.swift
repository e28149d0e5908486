// Transformations of specialists: hiring, moving, offboarding, skills.

extension Organization {
    /// Hires a specialist into their home department.
    ///
    /// - Parameter specialist: The specialist to hire, with the manager they report to, if any.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if the identifier is taken;
    ///   ``OrganizationError/Code/unknownReference`` if the home department or the manager does not exist;
    ///   ``OrganizationError/Code/reportingCycle`` if they would report to themselves;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name or skill.
    /// - Complexity: O(*k*), where *k* is the number of the specialist's skills.
    public mutating func hire(_ specialist: Specialist) throws(OrganizationError) {
        try Self.requireNew(specialistsByID.index(forKey: specialist.id) == nil, "specialist \(specialist.id)")
        try checkSpecialist(specialist, path: [])
        try checkManager(of: specialist, path: [])
        storage.insert(specialist)
    }

    /// Returns a copy with a specialist hired; see ``hire(_:)``.
    public func hiring(_ specialist: Specialist) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.hire(specialist) }
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
        try transformed { (copy) throws(OrganizationError) in try copy.transfer(id, to: department) }
    }

    /// Removes a specialist from the organisation.
    ///
    /// Nothing about squads or departments is released silently: release them from their squads, appoint
    /// another head, and hand over their accountabilities and grant approvals first. Their reporting line is
    /// kept whole instead: whoever reported to them now reports to their own manager (or to no one, when they
    /// had none). ``record(reason:on:_:)`` records each of those moves as a change of its own, before the
    /// removal.
    ///
    /// - Parameter id: The specialist.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such specialist;
    ///   ``OrganizationError/Code/stillReferenced`` if they are still a member, a head, an accountability
    ///   owner or a grant approver.
    /// - Complexity: O(*q* + *g* + *r*), where *q* is the number of squads, *g* the number of grants and *r*
    ///   the number of their direct reports.
    public mutating func offboard(_ id: Specialist.ID) throws(OrganizationError) {
        let leaver = try existingSpecialist(id)
        try checkUnreferenced(id, purpose: "offboard")
        for report in reports(of: id) {
            storage.modifySpecialist(report) { $0.manager = leaver.manager }
        }
        storage.removeSpecialist(id)
    }

    /// Returns a copy with a specialist offboarded; see ``offboard(_:)``.
    public func offboarding(_ id: Specialist.ID) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.offboard(id) }
    }

    /// Sets the manager a specialist reports to, or clears it.
    ///
    /// ```swift
    /// try organization.setManager("chief-surgeon", for: "surgeon-1")
    /// ```
    ///
    /// - Parameters:
    ///   - manager: The specialist they will report to, or `nil` for no one.
    ///   - id: The specialist.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if either is not a specialist of the organisation;
    ///   ``OrganizationError/Code/reportingCycle`` if `manager` is `id` or reports to `id`, directly or through
    ///   others (the message names the line).
    /// - Complexity: O(*h*), where *h* is the number of layers above `manager`.
    public mutating func setManager(_ manager: Specialist.ID?, for id: Specialist.ID) throws(OrganizationError) {
        var specialist = try existingSpecialist(id)
        guard specialist.manager != manager else { return }
        specialist.manager = manager
        try checkManager(of: specialist, path: [])
        storage.modifySpecialist(id) { $0.manager = manager }
    }

    /// Returns a copy with a specialist's manager set; see ``setManager(_:for:)``.
    public func settingManager(_ manager: Specialist.ID?, for id: Specialist.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.setManager(manager, for: id) }
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
        try transformed { (copy) throws(OrganizationError) in try copy.setSkill(skill, to: proficiency, for: id) }
    }
}
