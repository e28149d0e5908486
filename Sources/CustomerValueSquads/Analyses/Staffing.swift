/// A proposed squad for a mission: who, in which role, for what share of their time, and why — and what
/// could not be covered.
///
/// Apply it with ``Organization/formSquad(_:name:from:)``, or adjust ``picks`` first.
public struct StaffingProposal: Sendable, Hashable, Codable {
    /// One proposed member.
    public struct Pick: Sendable, Hashable, Codable {
        /// The specialist.
        public var specialist: Specialist.ID
        /// Their home department.
        public var department: Department.ID
        /// The proposed role: the first mission skill they cover, or `member`.
        public var role: Role
        /// The proposed share of their time.
        public var share: TimeShare
        /// The mission skills no earlier pick covered that this one brings.
        public var covers: [Skill]
        /// Why they were chosen, for people.
        public var reason: String
        /// The open seat they would fill, for a proposal of a squad's seats
        /// (``Organization/proposeStaffing(forSeatsOf:)``); `nil` otherwise.
        public var seat: Seat.ID? = nil
    }

    /// The mission the proposal staffs.
    public var mission: Mission
    /// The proposed members, in the order they were chosen.
    public var picks: [Pick]
    /// The mission skills no proposed member brings — reported, never faked.
    public var uncoveredSkills: [Skill]
    /// The home departments of the proposed members, sorted.
    public var departments: [Department.ID]
    /// What the proposal falls short of: size or departments, in sentences.
    public var shortfalls: [String]

    /// Whether the proposal covers every skill and meets the size and department targets.
    public var isComplete: Bool { uncoveredSkills.isEmpty && shortfalls.isEmpty }

    /// The squad the proposal describes, in the forming stage, with the mission and the picks as members.
    ///
    /// - Parameters:
    ///   - id: The new squad's identifier.
    ///   - name: The new squad's name.
    public func squad(id: CustomerValueSquad.ID, name: String) -> CustomerValueSquad {
        CustomerValueSquad(
            id: id,
            name: name,
            mission: mission,
            memberships: Dictionary(
                picks.map { ($0.specialist, Membership(role: $0.role, share: $0.share)) },
                uniquingKeysWith: { first, _ in first }
            )
        )
    }
}

extension Organization {
    /// Proposes a squad for a mission: 6 to 10 specialists (the policy's size range) who cover the mission's
    /// skills, drawn from at least the policy's number of departments, each with `share` of their time to
    /// spare, preferring the best qualified.
    ///
    /// The choice is greedy and deterministic. Skills are covered rarest first; for each, the candidate with
    /// the highest proficiency wins, then the one with the most time to spare, then the lowest identifier —
    /// unless the squad still lacks departments, in which case a candidate from a new department is preferred
    /// even over a better one from a department already on board. Then missing departments are added (the most
    /// proficient in a mission skill first), then the squad is filled to its minimum size (the most proficient
    /// in a mission skill or analytics first, from a new department among equals). Every pick says why it was
    /// made; what could not be covered is reported in ``StaffingProposal/uncoveredSkills`` and
    /// ``StaffingProposal/shortfalls``.
    ///
    /// The first staffing question asked of an organisation value ranks every specialist's skills; the value and
    /// its unchanged copies keep that ranking, so later questions cost what a ``StaffingPool``'s do.
    ///
    /// - Parameters:
    ///   - mission: The mission to staff.
    ///   - share: The share of time each member gives; 40 % by default.
    ///   - policy: Where the size range and department count come from; ``ValidationPolicy/default``.
    ///   - excluded: Specialists not to propose.
    /// - Returns: The proposal.
    /// - Complexity: ``StaffingPool/proposeStaffing(for:share:policy:excluding:)``'s cost, once the value has its
    ///   staffing ranking; the first staffing question asked of a value makes it in O(*s* log *s*), where *s* is the
    ///   number of (specialist, skill) pairs.
    public func proposeStaffing(
        for mission: Mission,
        share: TimeShare = 40,
        policy: ValidationPolicy = .default,
        excluding excluded: Set<Specialist.ID> = []
    ) -> StaffingProposal {
        StaffingPool(self)
            .proposeStaffing(for: mission, share: share, policy: policy, excluding: excluded)
    }

    /// Proposes squads for several missions at once, without booking anyone beyond their time: each mission is
    /// staffed as ``proposeStaffing(for:share:policy:excluding:)->StaffingProposal`` does, with the time the proposals before it
    /// took counted as booked.
    ///
    /// The choice is greedy: missions are staffed in the order given, each taking the best people still free, so
    /// an earlier mission may take someone a later one needed more; put the hardest missions first. Forming every
    /// proposed squad (``formSquad(_:name:from:)``) books no specialist over 100 %.
    ///
    /// - Parameters:
    ///   - missions: The missions, in the order to staff them.
    ///   - share: The share of time each member gives; 40 % by default.
    ///   - policy: Where the size range and department count come from; ``ValidationPolicy/default``.
    ///   - excluded: Specialists not to propose.
    /// - Returns: One proposal per mission, in the same order.
    /// - Complexity: O(*c* log *c*) once, where *c* is the number of specialists who have one of the missions'
    ///   skills or analytics, plus per mission ``StaffingPool/proposeStaffing(for:share:policy:excluding:)``'s
    ///   cost and ``StaffingPool/book(_:)``'s.
    public func proposeStaffing(
        for missions: [Mission],
        share: TimeShare = 40,
        policy: ValidationPolicy = .default,
        excluding excluded: Set<Specialist.ID> = []
    ) -> [StaffingProposal] {
        var skills: Set<Skill> = [.analytics]
        for mission in missions { skills.formUnion(mission.requiredSkills) }
        var pool = StaffingPool(self, skills: skills)
        var excluded = excluded
        return missions.map { mission in
            let proposal = pool.proposeStaffing(for: mission, share: share, policy: policy, excluding: excluded)
            do {
                try pool.book(proposal)
            } catch {
                // Every pick had the share to spare, so this does not happen; should it, nobody is proposed twice.
                excluded.formUnion(proposal.picks.map(\.specialist))
            }
            return proposal
        }
    }

    /// Forms a squad from a staffing proposal, in one transformation.
    ///
    /// - Parameters:
    ///   - id: The new squad's identifier.
    ///   - name: The new squad's name.
    ///   - proposal: The proposal, as made or adjusted.
    /// - Throws: As ``formSquad(_:)`` — for example ``OrganizationError/Code/overbooked`` if the organisation
    ///   changed since the proposal was made.
    public mutating func formSquad(_ id: CustomerValueSquad.ID, name: String, from proposal: StaffingProposal)
        throws(OrganizationError)
    {
        try formSquad(proposal.squad(id: id, name: name))
    }

    /// Returns a copy with a squad formed from a proposal; see ``formSquad(_:name:from:)``.
    public func formingSquad(_ id: CustomerValueSquad.ID, name: String, from proposal: StaffingProposal)
        throws(OrganizationError) -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.formSquad(id, name: name, from: proposal) }
    }
}
