/// How far along a transformation is, period by period: made by ``ChangeHistory/timeline(every:plan:policy:)``.
public struct Timeline: Sendable, Hashable, Codable {
    /// The length of a period.
    public enum Step: String, Sendable, Hashable, Codable, CaseIterable {
        /// Seven days.
        case week
        /// A calendar month.
        case month
        /// Three calendar months, from January, April, July or October.
        case quarter
    }

    /// One department at the end of a period.
    public struct Silo: Sendable, Hashable, Codable {
        /// The department.
        public var department: Department.ID
        /// The share of its capacity that stays home, from 0 to 1.
        public var retained: Double
        /// The share that must stay home, where one is set.
        public var floor: Double?
    }

    /// The organisation at the end of one period.
    public struct Period: Sendable, Hashable, Codable {
        /// The first day of the period.
        public var start: Day
        /// The last day of the period: the figures are as they stood at its end.
        public var end: Day
        /// How many changes took effect in the period.
        public var changes: Int
        /// Specialists in the organisation.
        public var headcount: Int
        /// Full-time equivalents serving in squads that are not dissolved (100 % = 1).
        public var fteInSquads: Double
        /// That FTE as a share of the headcount, from 0 to 1 (0 without staff).
        public var shareInSquads: Double
        /// Every department's share retained against its floor, sorted by department.
        public var silos: [Silo]
        /// How many squads are at each stage, in the order of the stages (every stage, zeros included).
        public var squadsByStage: [CustomerValueSquad.Stage: Int]
        /// Every outcome rolled up by its weight, from the check-ins known at the period's end.
        public var weightedScore: Double?
        /// The validation findings of each severity at the period's end.
        public var findings: [Finding.Severity: Int]
        /// With a rollout plan: the steps whose squads all exist for the first time at the period's end — the
        /// pilot, or a batch's name.
        public var markers: [String]
        /// The layers of the longest reporting line at the period's end (``ReportingLines/layers``); `nil` while
        /// no one names a manager.
        public var layers: Int?
        /// The layers of escalation the squads' decision rights save at the period's end
        /// (``DecisionDistances/totalSaved``); `nil` while no one names a manager.
        public var escalationSaved: Int?
        /// The layers decisions of squads without rights still travel at the period's end
        /// (``DecisionDistances/totalTravelling``); `nil` while no one names a manager.
        public var escalationTravelling: Int?
        /// The open seats of the squads that are not dissolved at the period's end.
        public var openSeats = 0
        /// The median number of days the seats filled in the period had stayed open, from the day of the change
        /// that opened them to the day of the one that filled them; `nil` when none was filled (or none whose
        /// opening the log records).
        public var medianDaysToFill: Double? = nil
    }

    /// The periods, oldest first.
    public var periods: [Period]
}

extension ChangeHistory {
    /// The transformation period by period, from the period of the first change through that of the last: what
    /// each period ends with.
    ///
    /// The changes are applied once, in order, to one organisation that moves through the periods. The staff in
    /// squads, each silo's share, the squads by stage and the weighted score are kept up to date change by
    /// change — each change re-reads only the specialists and squads it touches — and read at each period's
    /// end; only the findings need a validation of the whole organisation, so they are counted when a `policy`
    /// is given.
    ///
    /// - Parameters:
    ///   - step: The length of a period: a week, a month (by default) or a quarter.
    ///   - plan: A rollout plan whose pilot and batches are marked in the period where their squads first all
    ///     exist.
    ///   - policy: The policy the findings come from (the default one by default), or `nil` to leave
    ///     ``Timeline/Period/findings`` empty and the cost independent of the organisation's size.
    /// - Returns: The timeline; no period for an empty log.
    /// - Complexity: O(*n* + *c* + *p* · (*d* + *b*)), where *n* is the size of the baseline (copied and tallied
    ///   once), *c* the size of the changes, *p* the number of periods, *d* the number of departments and *b* the
    ///   steps of the plan; with a policy, add *p* validations (O(*n* log *n*) each); once someone names a
    ///   manager, add *p* walks of the reporting lines and of the squads' lowest common managers
    ///   (``Organization/decisionDistances()``, O(*s* log *h* + *m* log *h*) each).
    public func timeline(
        every step: Timeline.Step = .month, plan: RolloutPlan? = nil, policy: ValidationPolicy? = .default
    ) -> Timeline {
        guard let first = firstDay, let last = lastDay else { return Timeline(periods: []) }
        var organization = baseline
        var tally = TimelineTally(organization)
        var next = changes.startIndex
        var periods: [Timeline.Period] = []
        var pending = plan.map { [("pilot", [$0.pilot])] + $0.batches.map { ($0.name, $0.replicas) } } ?? []
        var start = Self.periodStart(of: first, step)
        while start <= last {
            let end = Self.periodEnd(from: start, step)
            var count = 0
            while next < changes.endIndex, let day = changes[next].day, day <= end {
                tally.apply(changes[next], to: &organization)
                next += 1
                count += 1
            }
            var markers: [String] = []
            pending.removeAll { name, squads in
                guard squads.allSatisfy({ organization.squad($0) != nil }) else { return false }
                markers.append(name)
                return true
            }
            var findings: [Finding.Severity: Int] = [:]
            if let policy {
                let report = organization.validate(policy: policy, on: end)
                findings = [.error: report.errorCount, .warning: report.warningCount, .note: report.noteCount]
            }
            periods.append(
                tally.period(
                    of: organization, start: start, end: end, changes: count, markers: markers, findings: findings))
            guard end < Self.lastDayOfCalendar else { break }
            start = end.adding(1)
        }
        return Timeline(periods: periods)
    }

    /// The first day of the period of `step` that holds `day`.
    static func periodStart(of day: Day, _ step: Timeline.Step) -> Day {
        switch step {
        case .week:
            return day
        case .month:
            return Day(trusted: day.year, day.month, 1)
        case .quarter:
            return Day(trusted: day.year, (day.month - 1) / 3 * 3 + 1, 1)
        }
    }

    /// The last day the calendar of ``Day`` holds.
    static let lastDayOfCalendar = Day(trusted: 9999, 12, 31)

    /// The last day of the period of `step` that starts on `start` (the calendar's last day at the latest).
    static func periodEnd(from start: Day, _ step: Timeline.Step) -> Day {
        let overflows =
            switch step {
            case .week: start.year == 9999 && start.month == 12 && start.day > 25
            case .month: start.year == 9999 && start.month == 12
            case .quarter: start.year == 9999 && start.month >= 10
            }
        if overflows { return lastDayOfCalendar }
        switch step {
        case .week:
            return start.adding(6)
        case .month, .quarter:
            let months = step == .month ? 1 : 3
            let month = start.month + months
            let next = month > 12 ? Day(trusted: start.year + 1, month - 12, 1) : Day(trusted: start.year, month, 1)
            return next.adding(-1)
        }
    }
}

extension Day {
    /// A day known to exist.
    fileprivate init(trusted year: Int, _ month: Int, _ day: Int) {
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            preconditionFailure(error.message)
        }
    }

    /// The day `count` days later (earlier when negative), known to stay in the calendar.
    fileprivate func adding(_ count: Int) -> Day {
        do {
            return try adding(days: count)
        } catch {
            preconditionFailure(error.message)
        }
    }
}

/// The figures of a timeline, kept up to date change by change.
private struct TimelineTally {
    /// The percent of a person's time booked in squads, in all.
    var bookedPercent = 0
    /// The percent each department gives to squads.
    var pulledPercent: [Department.ID: Int] = [:]
    /// Squads at each stage.
    var stages: [CustomerValueSquad.Stage: Int] = [:]
    /// The open seats of the squads that are not dissolved.
    var openSeats = 0
    /// The day each open seat was opened by a change of the log (seats of the baseline have none).
    var openedOn: [CustomerValueSquad.ID: [Seat.ID: Day]] = [:]
    /// The days the seats filled since the last period's end had stayed open.
    var daysToFill: [Int] = []
    /// The scored outcomes (progress and weight) of each squad that is not dissolved and has any. Kept as values,
    /// not as running sums: subtracting a huge weight back out of a sum loses the small ones beside it.
    var scored: [CustomerValueSquad.ID: [(progress: Double, weight: Double)]] = [:]

    init(_ organization: Organization) {
        // Only specialists with time booked in squads count; the storage's indexes are read in no order.
        for id in organization.bookedPercentOf.keys { count(id, in: organization, sign: 1) }
        for squad in organization.squadsByID.values { count(squad, sign: 1) }
    }

    /// Applies a change of a checked history, counting out what it touches before and in after.
    mutating func apply(_ change: OrganizationChange, to organization: inout Organization) {
        var specialists: Set<Specialist.ID> = []
        var squads: Set<CustomerValueSquad.ID> = []
        switch change.action {
        case .addSpecialist(let specialist), .removeSpecialist(let specialist):
            specialists.insert(specialist.id)
        case .updateSpecialist(let from, let to):
            specialists.formUnion([from.id, to.id])
        case .addSquad(let squad), .removeSquad(let squad):
            squads.insert(squad.id)
            specialists.formUnion(squad.memberships.keys)
        case .updateSquad(let from, let to):
            squads.formUnion([from.id, to.id])
            specialists.formUnion(from.memberships.keys)
            specialists.formUnion(to.memberships.keys)
        case .rename, .setGoal, .addDepartment, .removeDepartment, .updateDepartment:
            break
        }
        for id in specialists { count(id, in: organization, sign: -1) }
        let before = squads.map { organization.squad($0) }
        for squad in before { if let squad { count(squad, sign: -1) } }
        organization.applyChecked(change)
        for id in specialists { count(id, in: organization, sign: 1) }
        for (id, old) in zip(squads, before) {
            let new = organization.squad(id)
            if let new { count(new, sign: 1) }
            trackSeats(of: id, from: old, to: new, on: change.day)
        }
    }

    /// Records the seats a change opened, and how long those it filled had stayed open.
    private mutating func trackSeats(
        of id: CustomerValueSquad.ID, from old: CustomerValueSquad?, to new: CustomerValueSquad?, on day: Day?
    ) {
        let (oldSeats, newSeats) = (old?.seats ?? [], new?.seats ?? [])
        guard !oldSeats.isEmpty || !newSeats.isEmpty else { return }
        let oldIDs = Set(oldSeats.map(\.id))
        let newIDs = Set(newSeats.map(\.id))
        var joined = (new?.memberships ?? [:]).filter { old?.memberships[$0.key] == nil }.map(\.value)
        for seat in oldSeats where !newIDs.contains(seat.id) {
            let opened = openedOn[id]?.removeValue(forKey: seat.id)
            // Filled when someone joined in the seat's role and share with the same change.
            guard let index = joined.firstIndex(where: { $0.role == seat.role && $0.share == seat.share }) else {
                continue
            }
            joined.remove(at: index)
            if let opened, let day { daysToFill.append(opened.days(to: day)) }
        }
        for seat in newSeats where !oldIDs.contains(seat.id) {
            if let day { openedOn[id, default: [:]][seat.id] = day }
        }
        if openedOn[id]?.isEmpty == true { openedOn[id] = nil }
    }

    private mutating func count(_ id: Specialist.ID, in organization: Organization, sign: Int) {
        guard let specialist = organization.specialist(id) else { return }
        let percent = organization.bookedPercent(of: id)
        bookedPercent += sign * percent
        pulledPercent[specialist.department, default: 0] += sign * percent
    }

    private mutating func count(_ squad: CustomerValueSquad, sign: Int) {
        stages[squad.stage, default: 0] += sign
        if squad.stage != .dissolved { openSeats += sign * squad.seats.count }
        guard sign > 0 else {
            scored[squad.id] = nil
            return
        }
        guard squad.stage != .dissolved else { return }
        let outcomes = squad.accountability.outcomes.compactMap { outcome in
            outcome.progress.map { (progress: $0, weight: outcome.weight) }
        }
        if !outcomes.isEmpty { scored[squad.id] = outcomes }
    }

    /// The figures of the organisation at a period's end; the seats filled are counted from the last period's end.
    mutating func period(
        of organization: Organization, start: Day, end: Day, changes: Int, markers: [String],
        findings: [Finding.Severity: Int]
    ) -> Timeline.Period {
        let headcount = organization.specialistCount
        var squadsByStage: [CustomerValueSquad.Stage: Int] = [:]
        for stage in CustomerValueSquad.Stage.allCases { squadsByStage[stage] = stages[stage] ?? 0 }
        // In the order of the organisation's own roll-up (squads by id), so the figure is the same.
        let score = Organization.weightedMean(of: scored.keys.sorted().flatMap { scored[$0] ?? [] })
        // Reporting lines, once there are any: a walk of the lines and the squads' lowest common managers.
        let hasLines = organization.hasReportingLines
        let distances = hasLines ? organization.decisionDistances() : nil
        let filled = daysToFill.sorted()
        daysToFill = []
        let median: Double? =
            filled.isEmpty
            ? nil
            : filled.count % 2 == 1
                ? Double(filled[filled.count / 2])
                : Double(filled[filled.count / 2 - 1] + filled[filled.count / 2]) / 2
        return Timeline.Period(
            start: start, end: end, changes: changes, headcount: headcount,
            fteInSquads: Double(bookedPercent) / 100,
            shareInSquads: headcount == 0 ? 0 : Double(bookedPercent) / 100 / Double(headcount),
            silos: organization.departments.map { department in
                let staff = organization.staffOfDepartment[department.id]?.count ?? 0
                let atHome = Double(staff) - Double(pulledPercent[department.id] ?? 0) / 100
                return Timeline.Silo(
                    department: department.id, retained: staff == 0 ? 1 : atHome / Double(staff),
                    floor: department.capacityFloor)
            },
            squadsByStage: squadsByStage, weightedScore: score, findings: findings, markers: markers,
            layers: hasLines ? organization.reportingLines().layers : nil, escalationSaved: distances?.totalSaved,
            escalationTravelling: distances?.totalTravelling, openSeats: openSeats, medianDaysToFill: median)
    }
}
