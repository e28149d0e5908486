// Transformations of a running squad: outcome check-ins and interaction contracts.

extension Organization {
    /// Records a dated check-in of one of a squad's outcomes; the outcome's current value becomes the value of
    /// its latest check-in.
    ///
    /// A check-in may fill in a day before the latest one; it is kept in day order.
    ///
    /// - Parameters:
    ///   - checkIn: The check-in.
    ///   - outcome: The outcome.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the outcome does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/invalidValue``
    ///   if the value is not finite or the confidence is not from 0 to 10;
    ///   ``OrganizationError/Code/duplicateID`` if the outcome already has a check-in on that day.
    /// - Complexity: O(*k* + *c*), where *k* is the number of the squad's outcomes and *c* the outcome's
    ///   check-ins.
    public mutating func checkIn(_ checkIn: Outcome.CheckIn, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard let index = current.accountability.outcomes.firstIndex(where: { $0.id == outcome }) else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) has no outcome \(outcome)")
        }
        try Self.checkCheckIn(checkIn, of: outcome, path: [])
        let checkIns = current.accountability.outcomes[index].checkIns
        let position = checkIns.firstIndex { $0.day >= checkIn.day } ?? checkIns.endIndex
        if position < checkIns.endIndex, checkIns[position].day == checkIn.day {
            throw OrganizationError(
                code: .duplicateID,
                message: "outcome \(outcome) of squad \(squad) already has a check-in on \(checkIn.day)")
        }
        storage.modifySquad(squad) {
            $0.accountability.outcomes[index].checkIns.insert(checkIn, at: position)
            $0.accountability.outcomes[index].current = $0.accountability.outcomes[index].checkIns.last?.value
        }
    }

    /// Returns a copy with a check-in recorded; see ``checkIn(_:for:of:)``.
    public func checkingIn(_ checkIn: Outcome.CheckIn, for outcome: Outcome.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.checkIn(checkIn, for: outcome, of: squad) }
    }

    /// Agrees an interaction of a squad with a department or another squad, or replaces the one with the same
    /// identifier.
    ///
    /// - Parameters:
    ///   - interaction: The interaction.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad, the counterpart or a data asset
    ///   does not exist; ``OrganizationError/Code/squadDissolved`` if the squad or the squad it is with is
    ///   dissolved; ``OrganizationError/Code/invalidValue`` for a blank purpose, an interaction with the squad
    ///   itself or an expected end that is not after the start.
    /// - Complexity: O(*n* + *k*), where *n* is the number of the squad's interactions and *k* the data needed.
    public mutating func setInteraction(_ interaction: Interaction, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        try checkInteraction(interaction, of: squad, path: [])
        storage.modifySquad(squad) {
            if let index = current.interactions.firstIndex(where: { $0.id == interaction.id }) {
                $0.interactions[index] = interaction
            } else {
                $0.interactions.append(interaction)
            }
        }
    }

    /// Returns a copy with an interaction agreed; see ``setInteraction(_:of:)``.
    public func settingInteraction(_ interaction: Interaction, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.setInteraction(interaction, of: squad) }
    }

    /// Removes an interaction of a squad.
    ///
    /// - Parameters:
    ///   - interaction: The interaction's identifier.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the interaction does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad.
    /// - Complexity: O(*n*), where *n* is the number of the squad's interactions.
    public mutating func removeInteraction(_ interaction: Interaction.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError)
    {
        let current = try changeableSquad(squad)
        guard let index = current.interactions.firstIndex(where: { $0.id == interaction }) else {
            throw OrganizationError(
                code: .unknownReference, message: "squad \(squad) has no interaction \(interaction)")
        }
        storage.modifySquad(squad) { $0.interactions.remove(at: index) }
    }

    /// Returns a copy with an interaction removed; see ``removeInteraction(_:of:)``.
    public func removingInteraction(_ interaction: Interaction.ID, of squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.removeInteraction(interaction, of: squad) }
    }
}
