/// A specialist who could fill a skill gap, with what makes them a good choice.
public struct Candidate: Sendable, Hashable, Codable {
    /// The specialist.
    public var specialist: Specialist.ID
    /// Their home department.
    public var department: Department.ID
    /// How well they master the skill in question.
    public var proficiency: Proficiency
    /// The share of their time not yet booked in any squad, in percent.
    public var sparePercent: Int
    /// Whether their department is not yet represented in the squad, so they would widen its reach.
    public var bringsNewDepartment: Bool

    /// Creates a candidate.
    public init(
        specialist: Specialist.ID,
        department: Department.ID,
        proficiency: Proficiency,
        sparePercent: Int,
        bringsNewDepartment: Bool
    ) {
        self.specialist = specialist
        self.department = department
        self.proficiency = proficiency
        self.sparePercent = sparePercent
        self.bringsNewDepartment = bringsNewDepartment
    }

    /// Whether this candidate ranks before `other`: higher proficiency first, then more spare time, then a
    /// department new to the squad, then identifier.
    public func ranks(before other: Candidate) -> Bool {
        if proficiency != other.proficiency { return proficiency > other.proficiency }
        if sparePercent != other.sparePercent { return sparePercent > other.sparePercent }
        if bringsNewDepartment != other.bringsNewDepartment { return bringsNewDepartment }
        return specialist < other.specialist
    }
}

/// A skill a squad needs that no member brings, with the specialists who could bring it.
public struct SkillGap: Sendable, Hashable, Codable {
    /// The missing skill.
    public var skill: Skill
    /// Who could fill it, best first (see ``Candidate/ranks(before:)``); empty when no one with time to spare
    /// has the skill.
    public var candidates: [Candidate]

    /// Creates a gap.
    public init(skill: Skill, candidates: [Candidate]) {
        self.skill = skill
        self.candidates = candidates
    }
}

extension Organization {
    /// The skills a squad needs that none of its members brings, each with the specialists who could fill it.
    ///
    /// "There is no checklist": pass `requiredSkills` to ask about skills of your own choosing instead of the
    /// mission's.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - requiredSkills: The skills to check; the mission's by default.
    /// - Returns: The gaps, sorted by skill.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad.
    /// - Complexity: O(*g* · *c* log *c* + *m*), where *g* is the number of gaps, *c* the number of specialists
    ///   with a missing skill (found through the skill index, not by scanning everyone) and *m* the squad's
    ///   size.
    public func skillGaps(of squad: CustomerValueSquad.ID, requiredSkills: Set<Skill>? = nil) throws(OrganizationError)
        -> [SkillGap]
    {
        guard let current = squadsByID[squad] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        return skillGaps(
            requiredSkills: requiredSkills ?? current.mission.requiredSkills,
            members: Set(current.memberships.keys)
        )
    }

    /// The skills in `requiredSkills` that none of `members` brings, each with the other specialists who could
    /// fill it — for a mission that has no squad yet, or a squad in the making.
    ///
    /// - Parameters:
    ///   - requiredSkills: The skills needed.
    ///   - members: The specialists already on board; none by default.
    /// - Returns: The gaps, sorted by skill.
    /// - Complexity: O(*g* · *c* log *c* + *m*), where *g* is the number of gaps, *c* the number of specialists
    ///   with a missing skill and *m* the number of members.
    public func skillGaps(requiredSkills: Set<Skill>, members: Set<Specialist.ID> = []) -> [SkillGap] {
        var present: Set<Skill> = []
        var departments: Set<Department.ID> = []
        for member in members {
            guard let specialist = specialistsByID[member] else { continue }
            present.formUnion(specialist.skills.keys)
            departments.insert(specialist.department)
        }
        return requiredSkills.subtracting(present).sorted().map { skill in
            SkillGap(skill: skill, candidates: candidates(for: skill, excluding: members, departments: departments))
        }
    }

    /// The specialists with `skill` and time to spare, outside `excluded`, ranked best first.
    func candidates(for skill: Skill, excluding excluded: Set<Specialist.ID>, departments: Set<Department.ID>)
        -> [Candidate]
    {
        var result: [Candidate] = []
        for id in specialistsWithSkill[skill] ?? [] where !excluded.contains(id) {
            guard let specialist = specialistsByID[id], let level = specialist.skills[skill] else { continue }
            let spare = sparePercent(of: id)
            guard spare > 0 else { continue }
            result.append(
                Candidate(
                    specialist: id,
                    department: specialist.department,
                    proficiency: level,
                    sparePercent: spare,
                    bringsNewDepartment: !departments.contains(specialist.department)
                )
            )
        }
        return result.sorted { $0.ranks(before: $1) }
    }
}
