// Transformations of what a squad may decide and which silo data it may pull.

extension Organization {
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
        try transformed { (copy) throws(OrganizationError) in try copy.delegate(right, as: id, to: squad) }
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
        try removeEntry(id, of: \.decisionRights, from: squad, orSay: "squad \(squad) holds no decision right \(id)")
    }

    /// Returns a copy with a decision right revoked; see ``revokeDecisionRight(_:from:)``.
    public func revokingDecisionRight(_ id: DecisionRight.ID, from squad: CustomerValueSquad.ID)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.revokeDecisionRight(id, from: squad) }
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
        try transformed { (copy) throws(OrganizationError) in try copy.grantAccess(to: asset, for: squad, grant) }
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
        try removeEntry(asset, of: \.grants, from: squad, orSay: "squad \(squad) holds no grant to \(asset)")
    }

    /// Returns a copy with access revoked; see ``revokeAccess(to:from:)``.
    public func revokingAccess(to asset: DataAsset.ID, from squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.revokeAccess(to: asset, from: squad) }
    }

    /// Removes the entry `key` from one of a squad's keyed lists; `message` says it is not there.
    private mutating func removeEntry<Key: Hashable, Value>(
        _ key: Key,
        of list: WritableKeyPath<CustomerValueSquad, [Key: Value]>,
        from squad: CustomerValueSquad.ID,
        orSay message: @autoclosure () -> String
    ) throws(OrganizationError) {
        guard try changeableSquad(squad)[keyPath: list][key] != nil else {
            throw OrganizationError(code: .unknownReference, message: message())
        }
        storage.modifySquad(squad) { $0[keyPath: list][key] = nil }
    }
}
