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
    /// How many candidates per gap ``Organization/skillGaps(of:requiredSkills:limit:)`` lists unless asked for
    /// more: the ten best.
    public static let defaultCandidateLimit = 10

    /// The missing skill.
    public var skill: Skill
    /// Who could fill it, best first (see ``Candidate/ranks(before:)``); empty when no one with time to spare
    /// has the skill.
    public var candidates: [Candidate]
    /// The squad's open seats that need the skill, in the squad's order: filling one of them closes the gap.
    /// Empty when no seat asks for it (or the gaps are not of a squad).
    public var seats: [Seat.ID] = []

    /// Creates a gap.
    public init(skill: Skill, candidates: [Candidate]) {
        self.skill = skill
        self.candidates = candidates
    }

    private enum CodingKeys: String, CodingKey { case skill, candidates, seats }

    /// Decodes a gap; `seats` may be absent (none).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skill: try container.decode(Skill.self, forKey: .skill),
            candidates: try container.decode([Candidate].self, forKey: .candidates))
        seats = try container.decodeIfPresent([Seat.ID].self, forKey: .seats) ?? []
    }

    /// Encodes a gap; no seats are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(skill, forKey: .skill)
        try container.encode(candidates, forKey: .candidates)
        if !seats.isEmpty { try container.encode(seats, forKey: .seats) }
    }
}

extension Organization {
    /// The skills a squad needs that none of its members brings, each with the specialists who could fill it and
    /// the squad's open seats that ask for it (``SkillGap/seats``).
    ///
    /// "There is no checklist": pass `requiredSkills` to ask about skills of your own choosing instead of the
    /// mission's.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - requiredSkills: The skills to check; the mission's by default.
    ///   - limit: The most candidates listed per gap, best first: ``SkillGap/defaultCandidateLimit`` (10) by
    ///     default; `nil` for all of them.
    /// - Returns: The gaps, sorted by skill.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad.
    /// - Complexity: O(*g* · *k* + *m*), where *g* is the number of gaps, *k* the candidates listed per gap and *m*
    ///   the squad's size — once the organisation value has its staffing ranking: the first staffing question
    ///   asked of a value ranks every specialist's skills, in O(*s* log *s*) for *s* (specialist, skill) pairs, and
    ///   the value and its unchanged copies keep that ranking for the next questions (see ``StaffingPool``).
    public func skillGaps(
        of squad: CustomerValueSquad.ID,
        requiredSkills: Set<Skill>? = nil,
        limit: Int? = SkillGap.defaultCandidateLimit
    ) throws(OrganizationError) -> [SkillGap] {
        guard let current = squadsByID[squad] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        return skillGaps(
            requiredSkills: requiredSkills ?? current.mission.requiredSkills,
            members: Set(current.memberships.keys),
            limit: limit
        ).namingSeats(of: current)
    }

    /// The skills in `requiredSkills` that none of `members` brings, each with the other specialists who could
    /// fill it — for a mission that has no squad yet, or a squad in the making.
    ///
    /// - Parameters:
    ///   - requiredSkills: The skills needed.
    ///   - members: The specialists already on board; none by default.
    ///   - limit: The most candidates listed per gap, best first: ``SkillGap/defaultCandidateLimit`` (10) by
    ///     default; `nil` for all of them.
    /// - Returns: The gaps, sorted by skill.
    /// - Complexity: O(*g* · *k* + *m*), where *g* is the number of gaps, *k* the candidates listed per gap and *m*
    ///   the number of members, once the value has its staffing ranking; see ``skillGaps(of:requiredSkills:limit:)``.
    public func skillGaps(
        requiredSkills: Set<Skill>,
        members: Set<Specialist.ID> = [],
        limit: Int? = SkillGap.defaultCandidateLimit
    ) -> [SkillGap] {
        StaffingPool(self).skillGaps(requiredSkills: requiredSkills, members: members, limit: limit)
    }
}

extension StaffingPool {
    /// The skills a squad needs that none of its members brings, each with the best specialists who could fill
    /// it, as ``Organization/skillGaps(of:requiredSkills:limit:)`` finds them — at most `limit` per gap.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - requiredSkills: The skills to check; the mission's by default.
    ///   - limit: The most candidates to name per gap, best first: ``SkillGap/defaultCandidateLimit`` (10) by
    ///     default, as the organisation's own question; `nil` for all of them. A negative limit names none.
    /// - Returns: The gaps, sorted by skill.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad.
    /// - Complexity: As ``skillGaps(requiredSkills:members:limit:)``.
    public func skillGaps(
        of squad: CustomerValueSquad.ID, requiredSkills: Set<Skill>? = nil,
        limit: Int? = SkillGap.defaultCandidateLimit
    )
        throws(OrganizationError) -> [SkillGap]
    {
        guard let current = organization.squadsByID[squad] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        return skillGaps(
            requiredSkills: requiredSkills ?? current.mission.requiredSkills,
            members: Set(current.memberships.keys),
            limit: limit
        ).namingSeats(of: current)
    }

    /// The skills in `requiredSkills` that none of `members` brings, each with the best other specialists who
    /// could fill it, as ``Organization/skillGaps(requiredSkills:members:limit:)`` finds them — at most `limit` per gap.
    ///
    /// - Parameters:
    ///   - requiredSkills: The skills needed.
    ///   - members: The specialists already on board; none by default.
    ///   - limit: The most candidates to name per gap, best first: ``SkillGap/defaultCandidateLimit`` (10) by
    ///     default; `nil` for all of them. A negative limit names none.
    /// - Returns: The gaps, sorted by skill.
    /// - Complexity: O(*m* + *g* · *v* log *c*), where *m* is the number of members, *g* the number of gaps,
    ///   *c* the number of holders of a missing skill and *v* the number visited: about `limit` (members,
    ///   people without time and, among equals, people from the squad's departments are passed over). Without
    ///   a limit, *v* is *c*. It does not grow with the size of the organisation.
    public func skillGaps(
        requiredSkills: Set<Skill>, members: Set<Specialist.ID> = [], limit: Int? = SkillGap.defaultCandidateLimit
    ) -> [SkillGap] {
        var present: Set<Skill> = []
        var departments: Set<Department.ID> = []
        for member in members {
            guard let specialist = organization.specialistsByID[member] else { continue }
            present.formUnion(specialist.skills.keys)
            departments.insert(specialist.department)
        }
        return requiredSkills.subtracting(present).sorted().map { skill in
            SkillGap(
                skill: skill,
                candidates: candidates(
                    for: skill, excluding: members, departments: departments, limit: max(0, limit ?? .max)))
        }
    }
}

extension [SkillGap] {
    /// The gaps, each naming the open seats of `squad` that need its skill.
    func namingSeats(of squad: CustomerValueSquad) -> [SkillGap] {
        guard !squad.seats.isEmpty else { return self }
        return map { gap in
            var named = gap
            named.seats = squad.seats.filter { $0.skills[gap.skill] != nil }.map(\.id)
            return named
        }
    }
}
