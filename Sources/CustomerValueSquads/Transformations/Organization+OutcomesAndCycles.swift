// Transformations of a squad's mission, accountability, outcomes and break-fix cycles.

extension Organization {
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
        try transformed { (copy) throws(OrganizationError) in try copy.setMission(mission, of: squad) }
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
        try checkAccountability(accountability, of: squad, path: [], ownerMustResolve: true)
        storage.modifySquad(squad) { $0.accountability = accountability }
    }

    /// Returns a copy with a squad's accountability set; see ``setAccountability(_:of:)``.
    public func settingAccountability(_ accountability: Accountability, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.setAccountability(accountability, of: squad) }
    }

    /// Records the latest measured value of one of a squad's outcomes.
    ///
    /// - Parameters:
    ///   - value: The measured value.
    ///   - outcome: The outcome.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the outcome does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/invalidValue``
    ///   if the value is not finite, or if the outcome keeps dated check-ins: record those with
    ///   ``checkIn(_:for:of:)``.
    /// - Complexity: O(*k*), where *k* is the number of the squad's outcomes.
    public mutating func recordOutcome(_ value: Double, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard let index = current.accountability.outcomes.firstIndex(where: { $0.id == outcome }) else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) has no outcome \(outcome)")
        }
        try Self.requireFinite(value, "the current value of outcome \(outcome)", path: [])
        guard current.accountability.outcomes[index].checkIns.isEmpty else {
            throw OrganizationError(
                code: .invalidValue,
                message: "outcome \(outcome) of squad \(squad) keeps dated check-ins; record the value as a check-in")
        }
        storage.modifySquad(squad) { $0.accountability.outcomes[index].current = value }
    }

    /// Returns a copy with an outcome's value recorded; see ``recordOutcome(_:for:of:)``.
    public func recordingOutcome(_ value: Double, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.recordOutcome(value, for: outcome, of: squad) }
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
        try transformed { (copy) throws(OrganizationError) in try copy.setCycleLength(cycleLength, of: squad) }
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
        try transformed { (copy) throws(OrganizationError) in try copy.recordCycle(cycle, for: squad) }
    }
}
