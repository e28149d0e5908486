/// The state of one staffing proposal while it is being made.
struct StaffingPlanner {
    let pool: StaffingPool
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

    var organization: Organization { pool.organization }

    init(pool: StaffingPool, mission: Mission, share: TimeShare, excluded: Set<Specialist.ID>, policy: ValidationPolicy)
    {
        self.pool = pool
        self.mission = mission
        self.share = share
        self.excluded = excluded
        self.minimumSize = max(1, policy.thresholds.minimumSquadSize)
        self.maximumSize = max(minimumSize, policy.thresholds.maximumSquadSize)
        self.minimumDepartments = policy.thresholds.minimumDepartments
        // Rarest skills first, so scarce people are not spent on common skills.
        let holders = pool.organization.specialistsWithSkill
        self.required = mission.requiredSkills.sorted { lhs, rhs in
            let (left, right) = (holders[lhs]?.count ?? 0, holders[rhs]?.count ?? 0)
            return left != right ? left < right : lhs < rhs
        }
        self.fillerSkills = required.contains(.analytics) ? required : required + [.analytics]
    }

    func isAvailable(_ id: Specialist.ID) -> Bool {
        !excluded.contains(id) && !picked.contains(id) && pool.sparePercent(of: id) >= share.percent
    }

    var needsDepartments: Bool { departments.count < minimumDepartments }

    /// The best available holder of one of `skills`, as the pool's search ranks them, compared across skills by
    /// level, then preference, then spare time, then identifier (preference first if `preference` says so).
    func best(
        among skills: [Skill],
        preference: StaffingPool.Preference,
        preferNewDepartments: Bool
    ) -> Specialist? {
        let (onBoard, taken, excluded) = (departments, picked, excluded)
        var best: StaffingPool.Found?
        for skill in skills {
            guard
                let found = pool.best(
                    in: skill,
                    minimumSpare: share.percent,
                    preference: preference,
                    isPreferred: preferNewDepartments ? { !onBoard.contains($0.department) } : nil,
                    isAvailable: { !excluded.contains($0.id) && !taken.contains($0.id) }
                )
            else { continue }
            if best.map({ found.ranks(before: $0, preferenceFirst: preference == .overLevel) }) ?? true {
                best = found
            }
        }
        return best.flatMap { organization.specialistsByID[$0.holder.id] }
    }

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
            guard let chosen = best(among: [skill], preference: .overLevel, preferNewDepartments: needsDepartments),
                let level = chosen.skills[skill]
            else { continue }
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
        if let specialist = best(among: required, preference: .only, preferNewDepartments: true) {
            return specialist
        }
        for department in organization.departmentsByID.keys.sorted() where !departments.contains(department) {
            let staff = (organization.staffOfDepartment[department] ?? []).filter(isAvailable)
            if let id = staff.max(by: { lhs, rhs in
                let (left, right) = (pool.sparePercent(of: lhs), pool.sparePercent(of: rhs))
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
        if let specialist = best(among: fillerSkills, preference: .withinLevel, preferNewDepartments: true) {
            return specialist
        }
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
