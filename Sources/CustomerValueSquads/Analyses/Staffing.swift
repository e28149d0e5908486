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
    /// the highest proficiency wins — unless the squad still lacks departments, in which case a candidate from
    /// a new department is preferred even over a better one from a department already on board. Then missing
    /// departments are added, then the squad is filled to its minimum size. Every pick says why it was made;
    /// what could not be covered is reported in ``StaffingProposal/uncoveredSkills`` and
    /// ``StaffingProposal/shortfalls``.
    ///
    /// - Parameters:
    ///   - mission: The mission to staff.
    ///   - share: The share of time each member gives; 40 % by default.
    ///   - policy: Where the size range and department count come from; ``ValidationPolicy/default``.
    ///   - excluded: Specialists not to propose.
    /// - Returns: The proposal.
    /// - Complexity: O(*c* log *c* + *q*), where *c* is the number of specialists who have one of the mission's
    ///   skills (found through the skill index) and *q* the size of the squad; filling missing departments or
    ///   size from people without the mission's skills also walks the staff of the departments it tries.
    public func proposeStaffing(
        for mission: Mission,
        share: TimeShare = 40,
        policy: ValidationPolicy = .default,
        excluding excluded: Set<Specialist.ID> = []
    ) -> StaffingProposal {
        var planner = StaffingPlanner(
            organization: self, mission: mission, share: share, excluded: excluded, policy: policy)
        planner.coverSkills()
        planner.addDepartments()
        planner.fillToMinimumSize()
        return planner.proposal()
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
    /// - Complexity: The sum of the single proposals', plus O(*q*) per mission to book its picks.
    public func proposeStaffing(
        for missions: [Mission],
        share: TimeShare = 40,
        policy: ValidationPolicy = .default,
        excluding excluded: Set<Specialist.ID> = []
    ) -> [StaffingProposal] {
        var scratch = self
        var excluded = excluded
        var proposals: [StaffingProposal] = []
        for (index, mission) in missions.enumerated() {
            let proposal = scratch.proposeStaffing(for: mission, share: share, policy: policy, excluding: excluded)
            proposals.append(proposal)
            // Book the picks in the scratch copy, so the missions after this one see their time as taken.
            var number = index
            var id = CustomerValueSquad.ID(stringLiteral: "staffing-batch-\(number)")
            while scratch.squadsByID[id] != nil {
                number += missions.count
                id = CustomerValueSquad.ID(stringLiteral: "staffing-batch-\(number)")
            }
            let booking = CustomerValueSquad(
                id: id, name: "booking", mission: Mission(statement: "booking"),
                memberships: Dictionary(
                    proposal.picks.map { ($0.specialist, Membership(role: "member", share: $0.share)) },
                    uniquingKeysWith: { first, _ in first }))
            do {
                try scratch.formSquad(booking)
            } catch {
                // Every pick had the share to spare, so this does not happen; should it, nobody is proposed twice.
                excluded.formUnion(proposal.picks.map(\.specialist))
            }
        }
        return proposals
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

/// The state of one staffing proposal while it is being made.
struct StaffingPlanner {
    let organization: Organization
    let mission: Mission
    let share: TimeShare
    let excluded: Set<Specialist.ID>
    let minimumSize: Int
    let maximumSize: Int
    let minimumDepartments: Int
    let required: [Skill]
    /// The mission's skills and analytics, each once: what a filler should bring.
    let fillerSkills: [Skill]

    var picks: [StaffingProposal.Pick] = []
    var picked: Set<Specialist.ID> = []
    var departments: Set<Department.ID> = []
    var covered: Set<Skill> = []

    init(
        organization: Organization,
        mission: Mission,
        share: TimeShare,
        excluded: Set<Specialist.ID>,
        policy: ValidationPolicy
    ) {
        self.organization = organization
        self.mission = mission
        self.share = share
        self.excluded = excluded
        self.minimumSize = max(1, policy.thresholds.minimumSquadSize)
        self.maximumSize = max(minimumSize, policy.thresholds.maximumSquadSize)
        self.minimumDepartments = policy.thresholds.minimumDepartments
        // Rarest skills first, so scarce people are not spent on common skills.
        self.required = mission.requiredSkills.sorted { lhs, rhs in
            let (left, right) = (
                organization.specialistsWithSkill[lhs]?.count ?? 0, organization.specialistsWithSkill[rhs]?.count ?? 0
            )
            return left != right ? left < right : lhs < rhs
        }
        self.fillerSkills = required.contains(.analytics) ? required : required + [.analytics]
    }

    func isAvailable(_ id: Specialist.ID) -> Bool {
        !excluded.contains(id) && !picked.contains(id) && organization.sparePercent(of: id) >= share.percent
    }

    var needsDepartments: Bool { departments.count < minimumDepartments }

    /// The mission skills `specialist` brings that no pick covers yet.
    func uncoveredSkills(of specialist: Specialist) -> [Skill] {
        required.filter { !covered.contains($0) && specialist.skills[$0] != nil }
    }

    mutating func pick(_ specialist: Specialist, reason: String) {
        let covers = uncoveredSkills(of: specialist)
        picks.append(
            StaffingProposal.Pick(
                specialist: specialist.id,
                department: specialist.department,
                role: covers.first.map { Role($0.rawValue) } ?? "member",
                share: share,
                covers: covers,
                reason: reason
            )
        )
        picked.insert(specialist.id)
        departments.insert(specialist.department)
        covered.formUnion(covers)
    }

    mutating func coverSkills() {
        for skill in required where !covered.contains(skill) && picks.count < maximumSize {
            var best = BestCandidate()
            for id in organization.specialistsWithSkill[skill] ?? [] where isAvailable(id) {
                guard let specialist = organization.specialistsByID[id], let level = specialist.skills[skill] else {
                    continue
                }
                let isNew = !departments.contains(specialist.department)
                best.consider(
                    specialist,
                    rank: .init(
                        needsDepartments && isNew ? 1 : 0,
                        level.level,
                        uncoveredSkills(of: specialist).count,
                        organization.sparePercent(of: id)
                    )
                )
            }
            guard let chosen = best.specialist, let level = chosen.skills[skill] else { continue }
            var reason = "covers \(skill.rawValue) (\(level.rawValue))"
            let others = uncoveredSkills(of: chosen).filter { $0 != skill }
            if !others.isEmpty { reason += " and \(others.map(\.rawValue).joined(separator: ", "))" }
            if needsDepartments && !departments.contains(chosen.department) {
                reason += "; brings department \(chosen.department), preferred while the squad needs departments"
            }
            pick(chosen, reason: reason)
        }
    }

    /// The best available specialist outside the departments on board: first among those with a mission
    /// skill, then anyone, department by department.
    func bestFromNewDepartment() -> Specialist? {
        var best = BestCandidate()
        for skill in required {
            for id in organization.specialistsWithSkill[skill] ?? [] where isAvailable(id) {
                guard let specialist = organization.specialistsByID[id], !departments.contains(specialist.department)
                else { continue }
                let level = required.compactMap { specialist.skills[$0]?.level }.max() ?? 0
                best.consider(
                    specialist,
                    rank: .init(
                        required.count { specialist.skills[$0] != nil }, level, organization.sparePercent(of: id))
                )
            }
        }
        if let specialist = best.specialist { return specialist }
        for department in organization.departmentsByID.keys.sorted() where !departments.contains(department) {
            let staff = (organization.staffOfDepartment[department] ?? []).filter(isAvailable)
            if let id = staff.max(by: { lhs, rhs in
                let (left, right) = (organization.sparePercent(of: lhs), organization.sparePercent(of: rhs))
                return left != right ? left < right : lhs > rhs
            }), let specialist = organization.specialistsByID[id] {
                return specialist
            }
        }
        return nil
    }

    mutating func addDepartments() {
        while needsDepartments && picks.count < maximumSize, let specialist = bestFromNewDepartment() {
            let skills = required.filter { specialist.skills[$0] != nil }
            let brings = skills.isEmpty ? "" : " with \(skills.map(\.rawValue).joined(separator: ", "))"
            pick(
                specialist,
                reason: "brings department \(specialist.department)\(brings), so the squad cuts across silos")
        }
    }

    /// The best available specialist to fill a seat: someone with a mission skill or analytics, else anyone
    /// from a department on board, else anyone.
    func bestFiller() -> Specialist? {
        var best = BestCandidate()
        for skill in fillerSkills {
            for id in organization.specialistsWithSkill[skill] ?? [] where isAvailable(id) {
                guard let specialist = organization.specialistsByID[id] else { continue }
                let level = fillerSkills.compactMap { specialist.skills[$0]?.level }.max() ?? 0
                best.consider(
                    specialist,
                    rank: .init(
                        required.count { specialist.skills[$0] != nil },
                        level,
                        departments.contains(specialist.department) ? 0 : 1,
                        organization.sparePercent(of: id)
                    )
                )
            }
        }
        if let specialist = best.specialist { return specialist }
        let onBoard = departments.sorted()
        let others = organization.departmentsByID.keys.filter { !departments.contains($0) }.sorted()
        for department in onBoard + others {
            if let id = (organization.staffOfDepartment[department] ?? []).filter(isAvailable).min(),
                let specialist = organization.specialistsByID[id]
            {
                return specialist
            }
        }
        return nil
    }

    mutating func fillToMinimumSize() {
        while picks.count < minimumSize, let specialist = bestFiller() {
            let skills = fillerSkills.filter { specialist.skills[$0] != nil }
            let brings = skills.isEmpty ? "" : "; brings \(skills.map(\.rawValue).joined(separator: ", "))"
            pick(specialist, reason: "fills the squad to its minimum size of \(minimumSize)\(brings)")
        }
    }

    func proposal() -> StaffingProposal {
        var shortfalls: [String] = []
        if picks.count < minimumSize {
            shortfalls.append(
                "only \(picks.count) specialists with \(share) of their time to spare could be found; "
                    + "a squad needs at least \(minimumSize)"
            )
        }
        if departments.count < minimumDepartments {
            shortfalls.append(
                "the members come from \(departments.count) departments; \(minimumDepartments) are wanted, and no "
                    + "one else with time to spare is left in another department"
            )
        }
        return StaffingProposal(
            mission: mission,
            picks: picks,
            uncoveredSkills: mission.requiredSkills.subtracting(covered).sorted(),
            departments: departments.sorted(),
            shortfalls: shortfalls
        )
    }
}

/// The best candidate seen so far: the highest rank, and among equal ranks the lowest identifier, so the
/// choice does not depend on the order candidates are seen in.
struct BestCandidate {
    /// A rank compared criterion by criterion, the first deciding most.
    struct Rank: Comparable {
        var criteria: (Int, Int, Int, Int)

        init(_ first: Int, _ second: Int, _ third: Int, _ fourth: Int = 0) {
            criteria = (first, second, third, fourth)
        }

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.criteria < rhs.criteria }
        static func == (lhs: Rank, rhs: Rank) -> Bool { lhs.criteria == rhs.criteria }
    }

    private(set) var specialist: Specialist?
    private var rank = Rank(0, 0, 0)

    mutating func consider(_ candidate: Specialist, rank: Rank) {
        if let current = specialist, rank < self.rank || (rank == self.rank && candidate.id > current.id) { return }
        specialist = candidate
        self.rank = rank
    }
}
