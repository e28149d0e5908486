import CustomerValueSquads

/// The documented staffing and gap rules, applied by looking at every specialist through the public API: the
/// reference the ranked search of ``StaffingPool`` must agree with.
struct ExhaustiveStaffing {
    let organization: Organization
    /// Time taken beyond the organisation's bookings, as a pool's ``StaffingPool/book(_:)`` counts it.
    var booked: [Specialist.ID: Int] = [:]

    init(_ organization: Organization) { self.organization = organization }

    func spare(_ specialist: Specialist) -> Int {
        organization.sparePercent(of: specialist.id) - booked[specialist.id, default: 0]
    }

    /// Every candidate for a skill, best first, as ``Candidate/ranks(before:)`` orders them.
    func candidates(for skill: Skill, members: Set<Specialist.ID>) -> [Candidate] {
        let departments = Set(members.compactMap { organization.specialist($0)?.department })
        return organization.specialists.compactMap { specialist -> Candidate? in
            guard let proficiency = specialist.skills[skill], !members.contains(specialist.id), spare(specialist) > 0
            else { return nil }
            return Candidate(
                specialist: specialist.id, department: specialist.department, proficiency: proficiency,
                sparePercent: spare(specialist), bringsNewDepartment: !departments.contains(specialist.department))
        }
        .sorted { $0.ranks(before: $1) }
    }

    /// The specialists a proposal picks, in order.
    func picks(
        for mission: Mission, share: Int, policy: ValidationPolicy = .default, excluding excluded: Set<Specialist.ID>
    ) -> [Specialist.ID] {
        let minimumSize = max(1, policy.thresholds.minimumSquadSize)
        let maximumSize = max(minimumSize, policy.thresholds.maximumSquadSize)
        let everyone = organization.specialists
        func holders(_ skill: Skill) -> Int { everyone.count { $0.skills[skill] != nil } }
        let required = mission.requiredSkills.sorted {
            holders($0) != holders($1) ? holders($0) < holders($1) : $0 < $1
        }
        let fillers = required.contains(.analytics) ? required : required + [.analytics]
        var (picked, departments, covered): ([Specialist.ID], Set<Department.ID>, Set<Skill>) = ([], [], [])
        func available() -> [Specialist] {
            everyone.filter { !excluded.contains($0.id) && !picked.contains($0.id) && spare($0) >= share }
        }
        func level(_ specialist: Specialist, among skills: [Skill]) -> Int {
            skills.compactMap { specialist.skills[$0]?.level }.max() ?? 0
        }
        func isNew(_ specialist: Specialist) -> Int { departments.contains(specialist.department) ? 0 : 1 }
        /// The candidate with the greatest key, the lowest identifier among equals.
        func best(_ candidates: [Specialist], _ key: (Specialist) -> [Int]) -> Specialist? {
            candidates.max { lhs, rhs in
                let (left, right) = (key(lhs), key(rhs))
                return left != right ? left.lexicographicallyPrecedes(right) : lhs.id > rhs.id
            }
        }
        func pick(_ specialist: Specialist) {
            picked.append(specialist.id)
            departments.insert(specialist.department)
            covered.formUnion(required.filter { specialist.skills[$0] != nil })
        }
        var needsDepartments: Bool { departments.count < policy.thresholds.minimumDepartments }
        for skill in required where !covered.contains(skill) && picked.count < maximumSize {
            let needs = needsDepartments
            let holding = available().filter { $0.skills[skill] != nil }
            if let chosen = best(holding, { [needs ? isNew($0) : 0, $0.skills[skill]!.level, spare($0)] }) {
                pick(chosen)
            }
        }
        while needsDepartments && picked.count < maximumSize {
            let skilled = available().filter { isNew($0) == 1 && level($0, among: required) > 0 }
            if let chosen = best(skilled, { [level($0, among: required), spare($0)] }) {
                pick(chosen)
                continue
            }
            let newDepartments = organization.departments.map(\.id).filter { !departments.contains($0) }.sorted()
            guard
                let chosen = newDepartments.lazy.compactMap({ department in
                    best(available().filter { $0.department == department }, { [spare($0)] })
                }).first
            else { break }
            pick(chosen)
        }
        while picked.count < minimumSize {
            let skilled = available().filter { level($0, among: fillers) > 0 }
            if let chosen = best(skilled, { [level($0, among: fillers), isNew($0), spare($0)] }) {
                pick(chosen)
                continue
            }
            let onBoard = departments.sorted()
            let others = organization.departments.map(\.id).filter { !departments.contains($0) }.sorted()
            guard
                let chosen = (onBoard + others).lazy.compactMap({ department in
                    available().filter { $0.department == department }.min { $0.id < $1.id }
                }).first
            else { break }
            pick(chosen)
        }
        return picked
    }
}
