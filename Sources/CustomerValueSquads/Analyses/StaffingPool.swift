/// The specialists of an organisation ranked per skill, built once to answer many staffing questions quickly.
///
/// ``Organization/proposeStaffing(for:share:policy:excluding:)->StaffingProposal`` and
/// ``Organization/skillGaps(requiredSkills:members:limit:)`` rank the holders of the skills they are asked about on
/// every call, which costs time in proportion to how many people share those skills. A pool ranks everyone once
/// — per skill, by proficiency, then time to spare, then identifier — so that each later question costs time in
/// proportion to the seats and skills asked for, not to the size of the company:
///
/// ```swift
/// var pool = StaffingPool(organization)
/// for mission in missions {
///     let proposal = pool.proposeStaffing(for: mission)
///     try pool.book(proposal)   // the next missions see this time as taken
/// }
/// let gaps = try pool.skillGaps(of: "garuda", limit: 5)
/// ```
///
/// A pool is a snapshot: it answers for ``organization`` as it was when the pool was made, with the time of
/// the proposals booked through ``book(_:)`` counted as taken. Make a new pool after changing the organisation.
/// Its answers are the ones the organisation's own methods give for the same state.
public struct StaffingPool: Sendable {
    /// A specialist who holds at least one ranked skill.
    struct Holder: Sendable {
        let id: Specialist.ID
        let department: Department.ID
        var spare: Int
    }

    /// One holder's place in a skill's ranking.
    struct Entry: Sendable {
        /// The holder's number: their position in ``holders``, which is in identifier order.
        var holder: Int32
        /// The holder's proficiency level in the skill.
        var level: Int32
    }

    /// The organisation the pool ranks.
    public let organization: Organization
    /// Everyone who holds a ranked skill, in identifier order.
    private(set) var holders: [Holder] = []
    private var numberOf: [Specialist.ID: Int32] = [:]
    /// Per skill: its holders, by level (highest first), then time to spare (most first), then number.
    private(set) var rankings: [Skill: [Entry]] = [:]
    /// The time booked through ``book(_:)`` for specialists who hold no ranked skill.
    private var bookedOutside: [Specialist.ID: Int] = [:]

    /// What a pool ranks, without the organisation: what an organisation value caches for its one-off questions.
    struct Ranking: Sendable {
        var holders: [Holder]
        var numberOf: [Specialist.ID: Int32]
        var rankings: [Skill: [Entry]]
    }

    /// Ranks every specialist of `organization` under every skill they hold.
    ///
    /// The ranking is made once per organisation value and shared: a second pool of the same value, or of an
    /// unchanged copy, and the organisation's one-off staffing questions, reuse it.
    ///
    /// - Complexity: O(*s* log *s*) the first time for a value, where *s* is the number of (specialist, skill)
    ///   pairs; O(1) after that.
    public init(_ organization: Organization) {
        let ranking = organization.storage.rankingCache.ranking {
            let pool = StaffingPool(organization, skills: organization.specialistsWithSkill.keys)
            return Ranking(holders: pool.holders, numberOf: pool.numberOf, rankings: pool.rankings)
        }
        self.organization = organization
        holders = ranking.holders
        numberOf = ranking.numberOf
        rankings = ranking.rankings
    }

    /// Ranks only the holders of `skills`; what the organisation's one-off questions use.
    init(_ organization: Organization, skills: some Collection<Skill>) {
        self.organization = organization
        var ids: Set<Specialist.ID> = []
        var slots: [Skill: Int] = [:]
        for skill in skills {
            ids.formUnion(organization.specialistsWithSkill[skill] ?? [])
            slots[skill] = slots.count
        }
        // Each holder is looked up once, numbered in identifier order, and entered under each ranked skill.
        var lists = [[Entry]](repeating: [], count: slots.count)
        let sorted = IdentifierOrder.sorted(Array(ids)) { $0 }
        holders.reserveCapacity(sorted.count)
        numberOf.reserveCapacity(sorted.count)
        for id in sorted {
            guard let specialist = organization.specialistsByID[id] else { continue }
            let number = Int32(holders.count)
            numberOf[id] = number
            holders.append(Holder(id: id, department: specialist.department, spare: organization.sparePercent(of: id)))
            for (skill, proficiency) in specialist.skills {
                if let slot = slots[skill] {
                    lists[slot].append(Entry(holder: number, level: Int32(proficiency.level)))
                }
            }
        }
        for (skill, slot) in slots {
            lists[slot].sort { ranksBefore($0, $1) }
            rankings[skill] = lists[slot]
        }
    }

    /// Whether `lhs` ranks before `rhs` in a skill's ranking.
    private func ranksBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        let (left, right) = (holders[Int(lhs.holder)].spare, holders[Int(rhs.holder)].spare)
        if left != right { return left > right }
        return lhs.holder < rhs.holder
    }

    /// The share of `id`'s time not yet booked, in percent: in the organisation or through ``book(_:)``.
    ///
    /// - Complexity: O(1).
    public func sparePercent(of id: Specialist.ID) -> Int {
        if let number = numberOf[id] { return holders[Int(number)].spare }
        return organization.sparePercent(of: id) - (bookedOutside[id] ?? 0)
    }

    /// Counts the time of a proposal's picks as taken, so later proposals from this pool do not count on it.
    ///
    /// Nothing changes if the proposal does not fit: every pick must be a specialist of the organisation with
    /// their share of time to spare.
    ///
    /// - Parameter proposal: A proposal, usually one this pool made.
    /// - Throws: ``OrganizationError/Code/unknownReference`` for a pick who is not in the organisation;
    ///   ``OrganizationError/Code/overbooked`` for one without the time, or picked twice beyond their time.
    /// - Complexity: O(*p* · *c*), where *p* is the number of picks and *c* the number of holders of a pick's
    ///   skills (the picks are moved in their skills' rankings).
    public mutating func book(_ proposal: StaffingProposal) throws(OrganizationError) {
        var asked: [Specialist.ID: Int] = [:]
        for pick in proposal.picks {
            guard organization.specialistsByID.index(forKey: pick.specialist) != nil else {
                throw OrganizationError(
                    code: .unknownReference, message: "there is no specialist \(pick.specialist) to book")
            }
            asked[pick.specialist, default: 0] += pick.share.percent
            let spare = sparePercent(of: pick.specialist)
            guard asked[pick.specialist, default: 0] <= spare else {
                throw OrganizationError(
                    code: .overbooked,
                    message: "\(pick.specialist) has \(spare) % of their time to spare, not "
                        + "\(asked[pick.specialist, default: 0]) %")
            }
        }
        for (id, percent) in asked.sorted(by: { $0.key < $1.key }) { take(percent, of: id) }
    }

    /// Counts `percent` more of `id`'s time as taken, moving them in their skills' rankings; the caller has
    /// checked that they have it to spare.
    mutating func take(_ percent: Int, of id: Specialist.ID) {
        guard let number = numberOf[id] else {
            bookedOutside[id, default: 0] += percent
            return
        }
        let oldSpare = holders[Int(number)].spare
        holders[Int(number)].spare -= percent
        for (skill, proficiency) in organization.specialistsByID[id]?.skills ?? [:] {
            move(Entry(holder: number, level: Int32(proficiency.level)), from: oldSpare, in: skill)
        }
    }

    /// Moves an entry whose holder's spare time changed from `oldSpare` to its new place in a skill's ranking.
    private mutating func move(_ entry: Entry, from oldSpare: Int, in skill: Skill) {
        guard var entries = rankings.removeValue(forKey: skill) else { return }
        let number = Int(entry.holder)
        let newSpare = holders[number].spare
        holders[number].spare = oldSpare
        let from = entries.partitionPoint { ranksBefore($0, entry) }
        holders[number].spare = newSpare
        if from < entries.count, entries[from].holder == entry.holder {
            entries.remove(at: from)
            entries.insert(entry, at: entries.partitionPoint { ranksBefore($0, entry) })
        }
        rankings[skill] = entries
    }

    // MARK: - Searching a ranking

    /// How a search weighs the specialists it prefers against proficiency.
    enum Preference {
        /// A preferred specialist wins over any other, whatever their levels.
        case overLevel
        /// A preferred specialist wins over others of the same level only.
        case withinLevel
        /// Only preferred specialists count.
        case only
    }

    /// A specialist a search found.
    struct Found {
        let holder: Holder
        let level: Int
        let isPreferred: Bool

        /// Whether this find ranks before `other` found under another skill: by level, then preference, then
        /// time to spare, then identifier — or by preference first when `preferenceFirst`.
        func ranks(before other: Found, preferenceFirst: Bool) -> Bool {
            if preferenceFirst, isPreferred != other.isPreferred { return isPreferred }
            if level != other.level { return level > other.level }
            if isPreferred != other.isPreferred { return isPreferred }
            if holder.spare != other.holder.spare { return holder.spare > other.holder.spare }
            return holder.id < other.holder.id
        }
    }

    /// The best available holder of `skill` with at least `minimumSpare` of their time to spare: the highest
    /// level, then the most time, then the lowest identifier — with `isPreferred`, if given, weighed in as
    /// `preference` says.
    ///
    /// - Complexity: O(*v* log *c*), where *v* is the number of holders visited — those ranked before the one
    ///   found, or every holder when no preferred one is available — and *c* the number of holders of the skill.
    func best(
        in skill: Skill,
        minimumSpare: Int,
        preference: Preference,
        isPreferred: ((Holder) -> Bool)?,
        isAvailable: (Holder) -> Bool
    ) -> Found? {
        guard let entries = rankings[skill] else { return nil }
        var fallback: Found?
        var index = 0
        while index < entries.count {
            let entry = entries[index]
            if preference == .withinLevel, let found = fallback, found.level > Int(entry.level) { return found }
            let holder = holders[Int(entry.holder)]
            guard holder.spare >= minimumSpare else {
                // Everyone after this one at this level has less time still: go on with the next level.
                index = entries.partitionPoint { $0.level >= entry.level }
                continue
            }
            index += 1
            guard isAvailable(holder) else { continue }
            guard let isPreferred else { return Found(holder: holder, level: Int(entry.level), isPreferred: false) }
            if isPreferred(holder) { return Found(holder: holder, level: Int(entry.level), isPreferred: true) }
            if preference != .only, fallback == nil {
                fallback = Found(holder: holder, level: Int(entry.level), isPreferred: false)
            }
        }
        return fallback
    }

    /// The best `limit` holders of `skill` with time to spare, outside `excluded`: ranked as
    /// ``Candidate/ranks(before:)`` says.
    ///
    /// - Complexity: O(*v* log *c*), where *v* is the number of holders visited: about `limit`, more when few of
    ///   them bring a new department.
    func candidates(
        for skill: Skill,
        excluding excluded: Set<Specialist.ID>,
        departments: Set<Department.ID>,
        limit: Int
    ) -> [Candidate] {
        guard let entries = rankings[skill], limit > 0 else { return [] }
        var result: [Candidate] = []
        // One run of equal level and spare time at a time: newcomers to the squad's departments come first.
        var (newcomers, others): ([Candidate], [Candidate]) = ([], [])
        var run: (level: Int32, spare: Int)?
        func flush() {
            for candidate in newcomers + others where result.count < limit { result.append(candidate) }
            (newcomers, others) = ([], [])
        }
        var index = 0
        while index < entries.count {
            let entry = entries[index]
            let holder = holders[Int(entry.holder)]
            guard holder.spare > 0 else {
                index = entries.partitionPoint { $0.level >= entry.level }
                continue
            }
            index += 1
            if let current = run, current.level != entry.level || current.spare != holder.spare {
                flush()
                if result.count >= limit { break }
            }
            run = (entry.level, holder.spare)
            guard !excluded.contains(holder.id),
                let proficiency = organization.specialistsByID[holder.id]?.skills[skill]
            else { continue }
            let candidate = Candidate(
                specialist: holder.id,
                department: holder.department,
                proficiency: proficiency,
                sparePercent: holder.spare,
                bringsNewDepartment: !departments.contains(holder.department)
            )
            if candidate.bringsNewDepartment {
                newcomers.append(candidate)
                // The rest of the run ranks after these.
                if result.count + newcomers.count >= limit { break }
            } else {
                others.append(candidate)
            }
        }
        flush()
        return result
    }
}

extension Array {
    /// The index of the first element for which `belongsBefore` is false, in an array where every element for
    /// which it is true comes first.
    ///
    /// - Complexity: O(log *n*).
    func partitionPoint(_ belongsBefore: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = low + (high - low) / 2
            if belongsBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
