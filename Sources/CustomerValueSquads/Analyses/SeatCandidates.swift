/// A specialist who could fill an open seat: they have every skill the seat needs at the proficiency it asks for,
/// and the seat's share of their time to spare.
public struct SeatCandidate: Sendable, Hashable, Codable {
    /// The specialist.
    public var specialist: Specialist.ID
    /// Their home department.
    public var department: Department.ID
    /// Their proficiency in each of the seat's skills.
    public var proficiencies: [Skill: Proficiency]
    /// The share of their time they have to spare, in percent.
    public var sparePercent: Int
    /// Whether their department is not yet among the squad's members' departments.
    public var bringsNewDepartment: Bool

    /// Creates a candidate.
    public init(
        specialist: Specialist.ID, department: Department.ID, proficiencies: [Skill: Proficiency], sparePercent: Int,
        bringsNewDepartment: Bool
    ) {
        self.specialist = specialist
        self.department = department
        self.proficiencies = proficiencies
        self.sparePercent = sparePercent
        self.bringsNewDepartment = bringsNewDepartment
    }
}

extension Organization {
    /// The specialists who could fill an open seat of a squad, best first; see
    /// ``StaffingPool/candidates(for:in:limit:)``.
    ///
    /// - Parameters:
    ///   - seat: The open seat.
    ///   - squad: The squad.
    ///   - limit: The most candidates listed, best first: ``SkillGap/defaultCandidateLimit`` (10) by default; `nil`
    ///     for all of them.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad or it has no such open seat.
    /// - Complexity: As ``StaffingPool/candidates(for:in:limit:)``, once the value has its staffing ranking (see
    ///   ``skillGaps(of:requiredSkills:limit:)``).
    public func candidates(
        forSeat seat: Seat.ID, in squad: CustomerValueSquad.ID, limit: Int? = SkillGap.defaultCandidateLimit
    ) throws(OrganizationError) -> [SeatCandidate] {
        guard let current = squadsByID[squad] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        guard let open = current.seats.first(where: { $0.id == seat }) else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad) has no open seat \(seat)")
        }
        return StaffingPool(self).candidates(for: open, in: squad, limit: limit)
    }
}

extension StaffingPool {
    /// The specialists who could fill `seat` in `squad`, best first: everyone outside the squad with each of the
    /// seat's skills at least at its proficiency and the seat's share of their time to spare.
    ///
    /// They rank by their proficiency in the seat's rarest skill (the one fewest people hold), then by the time
    /// they have to spare, then — among equals — those from a department the squad's members do not come from
    /// first, then by identifier. For a seat that needs no skill, everyone with the time ranks by time to spare.
    ///
    /// - Parameters:
    ///   - seat: The seat; it need not be open yet, so a seat can be tried before it is opened.
    ///   - squad: The squad whose members are passed over and whose departments a newcomer is new to; `nil` for
    ///     none.
    ///   - limit: The most candidates listed, best first: ``SkillGap/defaultCandidateLimit`` (10) by default; `nil`
    ///     for all of them. A negative limit names none.
    /// - Complexity: O(*m* + *v* · *k*), where *m* is the squad's size, *k* the seat's skills and *v* the holders of
    ///   the rarest skill visited: about `limit` when most of them qualify, at most all of them. It does not grow
    ///   with the size of the organisation — except for a seat that needs no skill: O(*s* log *s*) in the
    ///   specialists.
    public func candidates(
        for seat: Seat, in squad: CustomerValueSquad.ID?, limit: Int? = SkillGap.defaultCandidateLimit
    ) -> [SeatCandidate] {
        let limit = max(0, limit ?? .max)
        guard limit > 0 else { return [] }
        let members = squad.flatMap { organization.squadsByID[$0]?.memberships } ?? [:]
        var departments: Set<Department.ID> = []
        for member in members.keys {
            if let home = organization.specialistsByID[member]?.department { departments.insert(home) }
        }
        func candidate(_ specialist: Specialist, spare: Int) -> SeatCandidate? {
            guard spare >= seat.share.percent, members[specialist.id] == nil else { return nil }
            var proficiencies: [Skill: Proficiency] = [:]
            for (skill, level) in seat.skills {
                guard let held = specialist.skills[skill], held >= level else { return nil }
                proficiencies[skill] = held
            }
            return SeatCandidate(
                specialist: specialist.id, department: specialist.department, proficiencies: proficiencies,
                sparePercent: spare, bringsNewDepartment: !departments.contains(specialist.department))
        }
        func ranked(_ lhs: SeatCandidate, _ rhs: SeatCandidate) -> Bool {
            if lhs.sparePercent != rhs.sparePercent { return lhs.sparePercent > rhs.sparePercent }
            if lhs.bringsNewDepartment != rhs.bringsNewDepartment { return lhs.bringsNewDepartment }
            return lhs.specialist < rhs.specialist
        }
        // A seat that needs no skill: everyone with the time.
        guard
            let (rarest, level) = seat.skills.min(by: { lhs, rhs in
                let (left, right) = (rankings[lhs.key]?.count ?? 0, rankings[rhs.key]?.count ?? 0)
                return left != right ? left < right : lhs.key < rhs.key
            })
        else {
            let all = organization.specialistsByID.values.compactMap { candidate($0, spare: sparePercent(of: $0.id)) }
            return Array(all.sorted(by: ranked).prefix(limit))
        }
        guard let entries = rankings[rarest] else { return [] }
        // Down the rarest skill's ranking (by level, then time to spare, then identifier), one run of equals at a
        // time: within a run, newcomers come first, each group in identifier order as walked, so the walk stops
        // as soon as the newcomers fill the list.
        var result: [SeatCandidate] = []
        var (newcomers, others): ([SeatCandidate], [SeatCandidate]) = ([], [])
        func flush() {
            for found in newcomers + others where result.count < limit { result.append(found) }
            (newcomers, others) = ([], [])
        }
        var runKey: (level: Int32, spare: Int)?
        var index = 0
        while index < entries.count, entries[index].level >= Int32(level.level) {
            let entry = entries[index]
            let holder = holders[Int(entry.holder)]
            guard holder.spare >= seat.share.percent else {
                // The rest of this level has less time still.
                index = entries.partitionPoint { $0.level >= entry.level }
                continue
            }
            index += 1
            if let key = runKey, key.level != entry.level || key.spare != holder.spare {
                flush()
                if result.count >= limit { return result }
            }
            runKey = (entry.level, holder.spare)
            guard let specialist = organization.specialistsByID[holder.id],
                let found = candidate(specialist, spare: holder.spare)
            else { continue }
            if found.bringsNewDepartment {
                newcomers.append(found)
                // No one later in this run ranks before these.
                if result.count + newcomers.count >= limit { break }
            } else {
                others.append(found)
            }
        }
        flush()
        return result
    }
}

extension Organization {
    /// Proposes who fills each open seat of a squad; see ``StaffingPool/proposeStaffing(forSeatsOf:)``.
    ///
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad.
    /// - Complexity: As ``StaffingPool/proposeStaffing(forSeatsOf:)``, once the value has its staffing ranking.
    public func proposeStaffing(forSeatsOf squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> StaffingProposal
    {
        try StaffingPool(self).proposeStaffing(forSeatsOf: squad)
    }
}

extension StaffingPool {
    /// Proposes who fills each open seat of `squad`, in the squad's order: the best candidate of each
    /// (``candidates(for:in:limit:)``), with the time of the picks before counted as taken, in the seat's role and
    /// share, the pick naming its ``StaffingProposal/Pick/seat``. A seat no one can fill is reported: its skills in
    /// ``StaffingProposal/uncoveredSkills``, and a sentence in ``StaffingProposal/shortfalls``.
    ///
    /// Fill the seats with ``Organization/fillSeat(_:in:with:since:)`` for each pick.
    ///
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such squad.
    /// - Complexity: O(*n* · (*v* · *k* + *c*)), where *n* is the number of the squad's seats, *v* the candidates
    ///   visited per seat, *k* a seat's skills and *c* the holders of a pick's skills.
    public func proposeStaffing(forSeatsOf squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> StaffingProposal
    {
        guard let current = organization.squadsByID[squad] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(squad)")
        }
        var pool = self
        var picks: [StaffingProposal.Pick] = []
        var uncovered: Set<Skill> = []
        var shortfalls: [String] = []
        for seat in current.seats {
            guard let best = pool.candidates(for: seat, in: squad, limit: 1).first else {
                uncovered.formUnion(seat.skills.keys)
                shortfalls.append(
                    "seat \(seat.id) (\(seat.role)): no one outside the squad has its skills and \(seat.share) to spare"
                )
                continue
            }
            pool.take(seat.share.percent, of: best.specialist)
            let levels = best.proficiencies.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            var pick = StaffingProposal.Pick(
                specialist: best.specialist, department: best.department, role: seat.role, share: seat.share,
                covers: seat.skills.keys.sorted(),
                reason: "fills seat \(seat.id)"
                    + (levels.isEmpty ? "" : " with \(levels.joined(separator: ", "))")
                    + ", \(best.sparePercent)% to spare")
            pick.seat = seat.id
            picks.append(pick)
        }
        return StaffingProposal(
            mission: current.mission, picks: picks, uncoveredSkills: uncovered.sorted(),
            departments: Set(picks.map(\.department)).sorted(), shortfalls: shortfalls)
    }
}
