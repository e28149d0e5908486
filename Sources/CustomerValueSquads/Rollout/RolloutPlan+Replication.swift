extension RolloutPlan {
    /// Replicates the plan's pilot into a new squad, as ``Organization/replicate(_:as:name:mission:members:since:)``
    /// does — but only once the pilot meets the plan's success criteria: the candy store is copied once it
    /// works, not before.
    ///
    /// - Parameters:
    ///   - id: The replica's identifier.
    ///   - name: The replica's name.
    ///   - mission: The replica's mission, with the pilot's shape on a new area or customer.
    ///   - members: The specialists who take the pilot's positions, in the order of its member identifiers.
    ///   - since: The day they start; `nil` by default.
    ///   - organization: The organisation the pilot is assessed in and the replica formed in.
    /// - Throws: ``OrganizationError/Code/rolloutCriteriaNotMet`` when the pilot does not meet the criteria,
    ///   naming what is unmet; otherwise the errors of ``Organization/replicate(_:as:name:mission:members:since:)``.
    ///   The organisation is left unchanged.
    public func replicatePilot(
        as id: CustomerValueSquad.ID,
        name: String,
        mission: Mission,
        members: [Specialist.ID],
        since: Day? = nil,
        in organization: inout Organization
    ) throws(OrganizationError) {
        let pilotAssessment = assessment(of: pilot, in: organization)
        guard pilotAssessment.isMet else {
            throw OrganizationError(
                code: .rolloutCriteriaNotMet,
                message: "the pilot \(pilot) cannot be replicated yet: "
                    + pilotAssessment.unmet.joined(separator: "; "))
        }
        try organization.replicate(pilot, as: id, name: name, mission: mission, members: members, since: since)
    }
}
