extension Organization {
    /// The design of a proven squad carried onto a new mission, without people: its decision rights, grant
    /// pattern, cadence and accountability shape (the same outcomes with fresh current values), in the
    /// forming stage.
    ///
    /// The new mission keeps its own statement, area and customer; where it names no skills or data, the
    /// pilot's are used, so the replica needs what the pilot needed.
    ///
    /// - Parameters:
    ///   - pilot: The proven squad.
    ///   - id: The replica's identifier.
    ///   - name: The replica's name.
    ///   - mission: The replica's mission.
    /// - Returns: The replica, with no members and no accountability owner yet.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such pilot.
    public func replicaDesign(
        of pilot: CustomerValueSquad.ID,
        as id: CustomerValueSquad.ID,
        name: String,
        mission: Mission
    ) throws(OrganizationError) -> CustomerValueSquad {
        guard let proven = squadsByID[pilot] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(pilot) to replicate")
        }
        var mission = mission
        if mission.requiredSkills.isEmpty { mission.requiredSkills = proven.mission.requiredSkills }
        if mission.requiredData.isEmpty { mission.requiredData = proven.mission.requiredData }
        var accountability = proven.accountability
        accountability.owner = nil
        for index in accountability.outcomes.indices {
            accountability.outcomes[index].current = nil
            accountability.outcomes[index].checkIns = []
        }
        return CustomerValueSquad(
            id: id,
            name: name,
            mission: mission,
            decisionRights: proven.decisionRights,
            grants: proven.grants,
            accountability: accountability,
            cycleLength: proven.cycleLength,
            stage: .forming
        )
    }

    /// Replicates a proven squad onto a new mission and new people, in one transformation.
    ///
    /// Each member takes the role the pilot gave the same position: pass the new people in the order of the
    /// pilot's roles (see ``CustomerValueSquad/memberIDs`` for that order). The member in the pilot owner's
    /// position owns the replica's accountability.
    ///
    /// This transformation checks the invariants only; it does not ask whether the pilot is ready to be copied.
    /// Use ``RolloutPlan/replicatePilot(as:name:mission:members:since:in:)`` to replicate only once the pilot
    /// meets a rollout plan's success criteria.
    ///
    /// - Parameters:
    ///   - pilot: The proven squad.
    ///   - id: The replica's identifier.
    ///   - name: The replica's name.
    ///   - mission: The replica's mission.
    ///   - members: The new people, at most as many as the pilot has; each takes the pilot's role and share
    ///     in the same position.
    ///   - since: The day they start; `nil` by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` for a pilot or a member that does not exist;
    ///   ``OrganizationError/Code/invalidValue`` for more members than the pilot has; otherwise as
    ///   ``formSquad(_:)``.
    public mutating func replicate(
        _ pilot: CustomerValueSquad.ID,
        as id: CustomerValueSquad.ID,
        name: String,
        mission: Mission,
        members: [Specialist.ID],
        since: Day? = nil
    ) throws(OrganizationError) {
        var replica = try replicaDesign(of: pilot, as: id, name: name, mission: mission)
        let positions = squadsByID[pilot]?.memberIDs ?? []
        guard members.count <= positions.count else {
            throw OrganizationError(
                code: .invalidValue,
                message: "squad \(pilot) has \(positions.count) positions; \(members.count) members cannot take them"
            )
        }
        var seen: Set<Specialist.ID> = []
        for member in members where !seen.insert(member).inserted {
            throw OrganizationError(
                code: .duplicateID, message: "\(member) is named for two positions of the replica \(id)")
        }
        let pilotMemberships = squadsByID[pilot]?.memberships ?? [:]
        for (position, member) in zip(positions, members) {
            guard let membership = pilotMemberships[position] else { continue }
            replica.memberships[member] = Membership(role: membership.role, share: membership.share, since: since)
            if squadsByID[pilot]?.accountability.owner == position { replica.accountability.owner = member }
        }
        try formSquad(replica)
    }

    /// Returns a copy with a squad replicated; see ``replicate(_:as:name:mission:members:since:)``.
    public func replicating(
        _ pilot: CustomerValueSquad.ID,
        as id: CustomerValueSquad.ID,
        name: String,
        mission: Mission,
        members: [Specialist.ID],
        since: Day? = nil
    ) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in
            try copy.replicate(pilot, as: id, name: name, mission: mission, members: members, since: since)
        }
    }

    /// Replicates a proven squad onto a new mission with the people a staffing proposal picked, each with the
    /// role and share the proposal gives.
    ///
    /// - Throws: As ``replicate(_:as:name:mission:members:since:)``.
    public mutating func replicate(
        _ pilot: CustomerValueSquad.ID,
        as id: CustomerValueSquad.ID,
        name: String,
        staffing proposal: StaffingProposal,
        since: Day? = nil
    ) throws(OrganizationError) {
        var replica = try replicaDesign(of: pilot, as: id, name: name, mission: proposal.mission)
        for pick in proposal.picks {
            replica.memberships[pick.specialist] = Membership(role: pick.role, share: pick.share, since: since)
        }
        replica.accountability.owner = proposal.picks.first?.specialist
        try formSquad(replica)
    }
}
