extension StaffingPool {
    /// Proposes a squad for a mission, as ``Organization/proposeStaffing(for:share:policy:excluding:)->StaffingProposal``
    /// does, counting the time booked through ``book(_:)`` as taken.
    ///
    /// - Parameters:
    ///   - mission: The mission to staff.
    ///   - share: The share of time each member gives; 40 % by default.
    ///   - policy: Where the size range and department count come from; ``ValidationPolicy/default``.
    ///   - excluded: Specialists not to propose.
    /// - Returns: The proposal.
    /// - Complexity: O(*q* · *k* · *v* log *c*), where *q* is the size of the squad, *k* the number of the
    ///   mission's skills, *c* the number of holders of a skill and *v* the number of them visited before the best
    ///   available one — a few, unless nearly everyone is booked or from a department already on board. It does
    ///   not grow with the size of the organisation. Only when no one with a mission skill or analytics is left
    ///   does it walk the staff of the departments it tries.
    public func proposeStaffing(
        for mission: Mission,
        share: TimeShare = 40,
        policy: ValidationPolicy = .default,
        excluding excluded: Set<Specialist.ID> = []
    ) -> StaffingProposal {
        var planner = StaffingPlanner(pool: self, mission: mission, share: share, excluded: excluded, policy: policy)
        planner.coverSkills()
        planner.addDepartments()
        planner.fillToMinimumSize()
        return planner.proposal()
    }
}
