/// A figure before and after a change, `nil` on a side where it does not exist (a department or squad that
/// is new, or gone).
public struct BeforeAfter<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The figure in the organisation compared against.
    public var before: Value?
    /// The figure in the organisation compared.
    public var after: Value?

    /// Creates a pair of figures.
    public init(before: Value?, after: Value?) {
        self.before = before
        self.after = after
    }
}

/// What changes between two organisations — a baseline and a scenario, or two scenarios — told the way the
/// people who plan a rollout ask: how much of each silo is pulled into squads and how much stays home, what
/// each squad looks like, which squads exist at each stage, which customers and value areas have a squad, and
/// which validation findings appear or go away, and which silos squads connect.
///
/// Made by ``Organization/impact(comparedTo:policy:on:)``. Every list is sorted, so impacts can be compared and
/// stored.
public struct Impact: Sendable, Hashable, Codable {
    /// One department's capacity before and after.
    public struct DepartmentImpact: Sendable, Hashable, Codable {
        /// The department.
        public var department: Department.ID
        /// How many specialists have it as their home department.
        public var headcount: BeforeAfter<Int>
        /// The full-time equivalents its specialists give squads (the sum of their shares, 100 % = 1).
        public var ftePulled: BeforeAfter<Double>
        /// The full-time equivalents left at home: the headcount less what squads take.
        public var fteAtHome: BeforeAfter<Double>
        /// The share of its capacity that stays home, from 0 to 1 (1 for a department without staff).
        public var shareRetained: BeforeAfter<Double>
        /// Staff per head, the department's span of control: how many of its specialists its head leads
        /// (the headcount less the head); `nil` on a side where the department has no head.
        public var staffPerHead: BeforeAfter<Int>
        /// What the FTE pulled into squads cost at the department's ``Department/costPerFTE``, where it has
        /// one: a planning figure.
        public var costPulled: BeforeAfter<Double>
    }

    /// One squad before and after.
    public struct SquadImpact: Sendable, Hashable, Codable {
        /// The squad.
        public var squad: CustomerValueSquad.ID
        /// Its stage.
        public var stage: BeforeAfter<CustomerValueSquad.Stage>
        /// How many members it has.
        public var size: BeforeAfter<Int>
        /// How many departments its members come from.
        public var departmentsSpanned: BeforeAfter<Int>
        /// The skills its mission needs that some member brings, sorted.
        public var coveredSkills: BeforeAfter<[Skill]>
        /// The skills its mission needs that no member brings, sorted.
        public var uncoveredSkills: BeforeAfter<[Skill]>
        /// Its outcome score, from 0 to 1, where it has one.
        public var score: BeforeAfter<Double>
    }

    /// How many squads are at one stage.
    public struct StageCount: Sendable, Hashable, Codable {
        /// The stage.
        public var stage: CustomerValueSquad.Stage
        /// How many squads are at it.
        public var squads: BeforeAfter<Int>
    }

    /// Every department of either organisation, sorted by identifier.
    public var departments: [DepartmentImpact]
    /// Every squad of either organisation that is not dissolved in both, sorted by identifier.
    public var squads: [SquadImpact]
    /// How many squads are at each stage, from forming to dissolved.
    public var squadsByStage: [StageCount]
    /// The customers that some squad that is not dissolved serves, sorted.
    public var customersServed: BeforeAfter<[String]>
    /// The kinds of value area (`geography`, `account`, ...) that some squad that is not dissolved works in,
    /// sorted.
    public var valueAreasCovered: BeforeAfter<[String]>
    /// How many data assets flow to at least one squad.
    public var dataAssetsReached: BeforeAfter<Int>
    /// What the FTE pulled into squads cost across the departments that carry a cost per FTE.
    public var totalCostPulled: BeforeAfter<Double>
    /// The layers of escalation the squads' decision rights save (``DecisionDistances/totalSaved``): how much
    /// less decisions climb the reporting lines, as in "this batch saves 37 layers of escalation".
    public var escalationSaved: BeforeAfter<Int>
    /// The layers decisions of squads without decision rights still climb and come back down
    /// (``DecisionDistances/totalTravelling``).
    public var escalationTravelling: BeforeAfter<Int>
    /// The open seats of the squads that are not dissolved.
    public var openSeats: BeforeAfter<Int>
    /// The seats open in the compared organisation that the other did not have.
    public var seatsOpened: Int
    /// The seats the other organisation had open that are no longer open and whose squad gained a member in the
    /// seat's role and share: filled.
    public var seatsFilled: Int
    /// The seats the other organisation had open that are no longer open and were not filled: closed (or gone
    /// with their squad).
    public var seatsClosed: Int
    /// The hiring plan's totals without a rollout (``Organization/hiringPlan(rollout:floors:)``): the people, FTE
    /// and cost to hire.
    public var hiring: BeforeAfter<HiringPlan.Total>
    /// The departments that no squad connects to any other (``SiloNetwork/islands``), sorted.
    public var islands: BeforeAfter<[Department.ID]>
    /// The pairs of departments that squads connect in the compared organisation and not in the other
    /// (``SiloNetwork/links``), each pair in identifier order, sorted.
    public var linksGained: [[Department.ID]]
    /// The pairs of departments that squads connected in the organisation compared against and no longer do.
    public var linksLost: [[Department.ID]]
    /// The findings of the compared organisation that the other does not have.
    ///
    /// Findings are compared whole — severity, code, subject, message and figures — so a finding whose
    /// figures change (a skill gap that moves from one skill to another in the same squad) is one finding that
    /// goes and one that appears.
    public var newFindings: [Finding]
    /// The findings of the organisation compared against that the compared one no longer has, compared whole
    /// as in ``newFindings``.
    public var resolvedFindings: [Finding]
}

extension Organization {
    /// What changes from `baseline` to this organisation; see ``Impact``.
    ///
    /// - Parameters:
    ///   - baseline: The organisation compared against, such as today's, or another scenario's projection.
    ///   - policy: The policy both are validated with; the default one by default.
    ///   - day: The day both are judged on (grants limited in time); ``Day/today`` by default.
    /// - Returns: The impact, every list sorted.
    /// - Complexity: O(*n* log *n*) in the size of the two organisations (both are validated).
    public func impact(comparedTo baseline: Organization, policy: ValidationPolicy = .default, on day: Day? = nil)
        -> Impact
    {
        let (before, after) = (baseline.capacity(), capacity())
        let departmentIDs = Set(baseline.departmentsByID.keys).union(departmentsByID.keys).sorted()
        let departmentImpacts = departmentIDs.map { id in
            Impact.DepartmentImpact(
                department: id,
                headcount: .init(before: before[id]?.headcount, after: after[id]?.headcount),
                ftePulled: .init(before: before[id]?.pulled, after: after[id]?.pulled),
                fteAtHome: .init(before: before[id]?.atHome, after: after[id]?.atHome),
                shareRetained: .init(before: before[id]?.retained, after: after[id]?.retained),
                staffPerHead: .init(before: baseline.staffPerHead(of: id), after: staffPerHead(of: id)),
                costPulled: .init(
                    before: baseline.cost(of: before[id]?.pulled, in: id), after: cost(of: after[id]?.pulled, in: id)))
        }
        let squadIDs = Set(baseline.squadsByID.keys).union(squadsByID.keys).sorted().filter { id in
            baseline.squadsByID[id]?.stage ?? .dissolved != .dissolved
                || squadsByID[id]?.stage ?? .dissolved != .dissolved
        }
        let squadImpacts = squadIDs.map { id in
            let (skillsBefore, skillsAfter) = (baseline.requiredSkills(of: id), requiredSkills(of: id))
            return Impact.SquadImpact(
                squad: id,
                stage: .init(before: baseline.squadsByID[id]?.stage, after: squadsByID[id]?.stage),
                size: .init(before: baseline.squadsByID[id]?.size, after: squadsByID[id]?.size),
                departmentsSpanned: .init(
                    before: baseline.squadsByID[id].map { _ in baseline.departments(of: id).count },
                    after: squadsByID[id].map { _ in departments(of: id).count }),
                coveredSkills: .init(before: skillsBefore?.covered, after: skillsAfter?.covered),
                uncoveredSkills: .init(before: skillsBefore?.uncovered, after: skillsAfter?.uncovered),
                score: .init(before: baseline.score(of: id)?.score, after: score(of: id)?.score))
        }
        let stages = CustomerValueSquad.Stage.allCases.map { stage in
            Impact.StageCount(
                stage: stage,
                squads: .init(
                    before: baseline.squadsByID.values.count { $0.stage == stage },
                    after: squadsByID.values.count { $0.stage == stage }))
        }
        let (oldReport, newReport) = (baseline.validate(policy: policy, on: day), validate(policy: policy, on: day))
        let (oldFindings, newFindings) = (Set(oldReport.findings), Set(newReport.findings))
        let (oldNetwork, newNetwork) = (baseline.siloNetwork(), siloNetwork())
        let (oldLinks, newLinks) = (Set(oldNetwork.links.map(\.departments)), Set(newNetwork.links.map(\.departments)))
        let (oldDistances, newDistances) = (baseline.decisionDistances(), decisionDistances())
        let seats = seatChanges(from: baseline)
        return Impact(
            departments: departmentImpacts,
            squads: squadImpacts,
            squadsByStage: stages,
            customersServed: .init(before: baseline.servedCustomers(), after: servedCustomers()),
            valueAreasCovered: .init(before: baseline.coveredValueAreas(), after: coveredValueAreas()),
            dataAssetsReached: .init(
                before: baseline.siloReach(on: day).reachedAssetCount, after: siloReach(on: day).reachedAssetCount),
            totalCostPulled: .init(
                before: departmentImpacts.compactMap(\.costPulled.before).reduce(0, +),
                after: departmentImpacts.compactMap(\.costPulled.after).reduce(0, +)),
            escalationSaved: .init(before: oldDistances.totalSaved, after: newDistances.totalSaved),
            escalationTravelling: .init(before: oldDistances.totalTravelling, after: newDistances.totalTravelling),
            openSeats: .init(before: baseline.openSeatCount, after: openSeatCount),
            seatsOpened: seats.opened, seatsFilled: seats.filled, seatsClosed: seats.closed,
            // Without a rollout or floors given, the plan has nothing to refuse.
            hiring: .init(before: try? baseline.hiringPlan().total, after: try? hiringPlan().total),
            islands: .init(before: oldNetwork.islands, after: newNetwork.islands),
            linksGained: newNetwork.links.map(\.departments).filter { !oldLinks.contains($0) },
            linksLost: oldNetwork.links.map(\.departments).filter { !newLinks.contains($0) },
            newFindings: newReport.findings.filter { !oldFindings.contains($0) },
            resolvedFindings: oldReport.findings.filter { !newFindings.contains($0) }
        )
    }

    /// The open seats of the squads that are not dissolved.
    var openSeatCount: Int { squadsByID.values.reduce(0) { $0 + ($1.stage == .dissolved ? 0 : $1.seats.count) } }

    /// The seats opened, filled and closed from `baseline` to this organisation; a seat that went is filled when
    /// its squad gained a member in its role and share.
    func seatChanges(from baseline: Organization) -> (opened: Int, filled: Int, closed: Int) {
        var (opened, filled, closed) = (0, 0, 0)
        for id in Set(baseline.squadsByID.keys).union(squadsByID.keys) {
            let before = baseline.squadsByID[id].map { $0.stage == .dissolved ? [] : $0.seats } ?? []
            let after = squadsByID[id].map { $0.stage == .dissolved ? [] : $0.seats } ?? []
            let (beforeIDs, afterIDs) = (Set(before.map(\.id)), Set(after.map(\.id)))
            opened += afterIDs.subtracting(beforeIDs).count
            var joined = (squadsByID[id]?.memberships ?? [:]).filter {
                baseline.squadsByID[id]?.memberships[$0.key] == nil
            }.map { (role: $0.value.role, share: $0.value.share) }
            for seat in before where !afterIDs.contains(seat.id) {
                if let index = joined.firstIndex(where: { $0.role == seat.role && $0.share == seat.share }) {
                    joined.remove(at: index)
                    filled += 1
                } else {
                    closed += 1
                }
            }
        }
        return (opened, filled, closed)
    }

    /// Each department's headcount, FTE pulled into squads that are not dissolved, FTE at home and share
    /// retained.
    func capacity() -> [Department.ID: (headcount: Int, pulled: Double, atHome: Double, retained: Double)] {
        var pulledPercent: [Department.ID: Int] = [:]
        for (specialist, percent) in bookedPercentOf {
            if let home = specialistsByID[specialist]?.department { pulledPercent[home, default: 0] += percent }
        }
        var result: [Department.ID: (headcount: Int, pulled: Double, atHome: Double, retained: Double)] = [:]
        for id in departmentsByID.keys {
            let headcount = staffOfDepartment[id]?.count ?? 0
            let pulled = Double(pulledPercent[id] ?? 0) / 100
            let atHome = Double(headcount) - pulled
            result[id] = (headcount, pulled, atHome, headcount == 0 ? 1 : atHome / Double(headcount))
        }
        return result
    }

    /// What `fte` full-time equivalents of department `id` cost, if it has a cost per FTE.
    private func cost(of fte: Double?, in id: Department.ID) -> Double? {
        guard let fte, let rate = departmentsByID[id]?.costPerFTE else { return nil }
        return fte * rate
    }

    /// The skills `squad`'s mission needs, split into those some member brings and those none brings, each
    /// sorted; `nil` if there is no such squad.
    private func requiredSkills(of squad: CustomerValueSquad.ID) -> (covered: [Skill], uncovered: [Skill])? {
        guard let current = squadsByID[squad] else { return nil }
        var (covered, uncovered): ([Skill], [Skill]) = ([], [])
        for skill in current.mission.requiredSkills.sorted() {
            if current.memberships.keys.contains(where: { specialistsByID[$0]?.skills[skill] != nil }) {
                covered.append(skill)
            } else {
                uncovered.append(skill)
            }
        }
        return (covered, uncovered)
    }

    /// How many of department `id`'s specialists its head leads; `nil` if it has no head or does not exist.
    private func staffPerHead(of id: Department.ID) -> Int? {
        guard departmentsByID[id]?.head != nil else { return nil }
        return (staffOfDepartment[id]?.count ?? 1) - 1
    }

    private func servedCustomers() -> [String] {
        Set(
            squadsByID.values.filter { $0.stage != .dissolved && !Self.isBlank($0.mission.customer) }.map(
                \.mission.customer)
        )
        .sorted()
    }

    private func coveredValueAreas() -> [String] {
        Set(squadsByID.values.filter { $0.stage != .dissolved }.compactMap(\.mission.valueArea?.kind)).sorted()
    }
}
