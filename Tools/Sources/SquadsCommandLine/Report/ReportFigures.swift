import CustomerValueSquads

/// Every figure `squads report` shows, computed apart from the page so each can be tested, and bounded so the
/// page stays small at any size: long lists keep their first entries and count the rest.
public struct ReportFigures: Sendable {
    /// The tiles at the top of the page.
    public struct Glance: Sendable, Equatable {
        /// Specialists in the organisation.
        public var people: Int
        /// Specialists serving in at least one squad that is not dissolved.
        public var peopleInSquads: Int
        /// Full-time equivalents given to squads (shares summed, 100 % = 1).
        public var fteInSquads: Double
        /// Full-time equivalents left at home.
        public var fteAtHome: Double
        /// Squads at each stage, in the order of the stages; stages without squads left out.
        public var squadsByStage: [(stage: CustomerValueSquad.Stage, count: Int)]
        /// Findings of each severity: errors, warnings, notes.
        public var findings: (errors: Int, warnings: Int, notes: Int)
        /// Scored outcomes on track, at risk and off track.
        public var outcomes: (onTrack: Int, atRisk: Int, offTrack: Int)
        /// Data assets that flow to at least one squad, of all.
        public var dataReached: (reached: Int, of: Int)
        /// Every outcome rolled up by its weight for the organisation's goal, from 0 to 1.
        public var weightedScore: Double?

        /// Whether two glances hold the same figures.
        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.people == rhs.people && lhs.peopleInSquads == rhs.peopleInSquads && lhs.fteInSquads == rhs.fteInSquads
                && lhs.fteAtHome == rhs.fteAtHome && lhs.squadsByStage.elementsEqual(rhs.squadsByStage, by: ==)
                && lhs.findings == rhs.findings && lhs.outcomes == rhs.outcomes && lhs.dataReached == rhs.dataReached
                && lhs.weightedScore == rhs.weightedScore
        }
    }

    /// One department's drain: what squads take and what stays home.
    public struct Drain: Sendable, Equatable {
        /// The department.
        public var department: Department.ID
        /// Its name.
        public var name: String
        /// Its staff.
        public var headcount: Int
        /// Full-time equivalents its staff give squads.
        public var ftePulled: Double
        /// The share of its capacity that stays home, from 0 to 1.
        public var retained: Double
        /// The share that must stay home, where one is set.
        public var floor: Double?
        /// With a rollout plan: the share retained after the pilot and after each batch.
        public var afterSteps: [Double]
    }

    /// One outcome of a squad, for the outcome section.
    public struct OutcomeLine: Sendable, Equatable {
        /// The outcome.
        public var outcome: Outcome.ID
        /// Its progress from baseline to target, 0 to 1.
        public var progress: Double
        /// Its band.
        public var band: StatusBand
        /// The latest check-in's confidence, 0 to 10.
        public var confidence: Int?
        /// Whether the last check-ins move it the right way.
        public var trend: Outcome.Trend.Direction?
        /// Whether validation calls it stale (no check-in for longer than its cadence allows).
        public var isStale: Bool
        /// The values checked in, oldest first, for the sparkline.
        public var values: [Double]
    }

    /// One squad's outcomes.
    public struct SquadOutcomes: Sendable, Equatable {
        /// The squad.
        public var squad: CustomerValueSquad.ID
        /// Its name.
        public var name: String
        /// Its score, 0 to 1.
        public var score: Double?
        /// Its band.
        public var band: StatusBand?
        /// Its outcomes.
        public var outcomes: [OutcomeLine]
    }

    /// The findings of one code.
    public struct FindingGroup: Sendable, Equatable {
        /// The code.
        public var code: Finding.Code
        /// The most severe of them.
        public var severity: Finding.Severity
        /// How many there are.
        public var count: Int
        /// How many squads they are about.
        public var squadCount: Int
        /// The first few, in the report's order.
        public var examples: [Finding]
    }

    /// The tiles.
    public var glance: Glance
    /// The tiles of the baseline, when one is compared.
    public var baselineGlance: Glance?
    /// The heat map.
    public var matrix: ReportMatrix
    /// The departments, most drained first (lowest share retained), at most ``shownDrains``.
    public var drains: [Drain]
    /// How many departments the drain section leaves out.
    public var hiddenDrains: Int
    /// With a plan: the names of its steps after the squads outside it (the pilot, then each batch).
    public var planSteps: [String]
    /// Squads with outcomes, lowest score first, at most ``shownSquadOutcomes``.
    public var squadOutcomes: [SquadOutcomes]
    /// How many squads with outcomes the section leaves out.
    public var hiddenSquadOutcomes: Int
    /// The names of the departments no squad connects to another (``SiloNetwork/islands``), in reading order, at
    /// most ``shownIslands``.
    public var islands: [String]
    /// How many islands there are in all.
    public var islandCount: Int
    /// Findings grouped by code, most severe and most frequent first.
    public var findingGroups: [FindingGroup]
    /// With a baseline: the findings that appear and those that go.
    public var appeared: [Finding]
    /// With a baseline: the findings that go.
    public var gone: [Finding]

    /// The most departments in the drain section.
    public static let shownDrains = 25
    /// The most squads in the outcome section.
    public static let shownSquadOutcomes = 40
    /// The most islands named.
    public static let shownIslands = 20
    /// The most findings shown of each code.
    public static let examplesPerCode = 8
    /// The most findings that appear or go shown in the comparison.
    public static let shownChanges = 50

    /// The figures of `organization`, against `baseline` when given, with `plan`'s steps when given, judged on
    /// `day` (today by default).
    public init(
        _ organization: Organization, baseline: Organization? = nil, plan: RolloutPlan? = nil, on day: Day? = nil
    ) throws(InputError) {
        let report = organization.validate(on: day)
        glance = Self.glance(organization, report: report, on: day)
        baselineGlance = baseline.map { Self.glance($0, report: $0.validate(on: day), on: day) }
        matrix = ReportMatrix(organization, baseline: baseline)
        let islandIDs = organization.siloNetwork().islands
        islandCount = islandIDs.count
        islands = Array(
            NaturalOrder.sorted(islandIDs.map { organization.department($0)?.name ?? $0.rawValue }) { $0 }
                .prefix(Self.shownIslands))
        // Drains: every department, most drained first; with a plan, after each of its steps.
        var steps: [DrainLedger.Step] = []
        if let plan {
            do {
                steps = Array(try plan.drainLedger(in: organization).steps.dropFirst())
            } catch {
                throw InputError("--plan: \(error.message)")
            }
        }
        planSteps = steps.map(\.name)
        var afterSteps: [Department.ID: [Double]] = [:]
        for step in steps {
            for silo in step.silos { afterSteps[silo.department, default: []].append(silo.shareRetained) }
        }
        let all = organization.departments.compactMap { department -> Drain? in
            guard let capacity = organization.siloCapacity(of: department.id) else { return nil }
            return Drain(
                department: department.id, name: department.name, headcount: capacity.headcount,
                ftePulled: capacity.ftePulled, retained: capacity.shareRetained, floor: capacity.floor,
                afterSteps: afterSteps[department.id] ?? [])
        }
        let ordered = all.sorted { ($0.retained, $0.department) < ($1.retained, $1.department) }
        drains = Array(ordered.prefix(Self.shownDrains))
        hiddenDrains = max(0, ordered.count - Self.shownDrains)
        // Outcomes: squads with scored outcomes, lowest first.
        let stale = Set(report.findings(withCode: .squadOutcomeStale).map(\.subject))
        let scored = organization.scores().squads.filter { !$0.outcomes.isEmpty }
            .sorted { a, b in
                // Lowest first; ties in the natural order of the squads' names (Squad 2 before Squad 10).
                if (a.score ?? 0) != (b.score ?? 0) { return (a.score ?? 0) < (b.score ?? 0) }
                let (nameA, nameB) = (
                    organization.squad(a.squad)?.name ?? a.squad.rawValue,
                    organization.squad(b.squad)?.name ?? b.squad.rawValue
                )
                if nameA != nameB { return NaturalOrder.precedes(nameA, nameB) }
                return NaturalOrder.precedes(a.squad.rawValue, b.squad.rawValue)
            }
        squadOutcomes = scored.prefix(Self.shownSquadOutcomes).map { score in
            let squad = organization.squad(score.squad)
            return SquadOutcomes(
                squad: score.squad, name: squad?.name ?? score.squad.rawValue, score: score.score, band: score.band,
                outcomes: score.outcomes.map { line in
                    let outcome = squad?.accountability.outcome(line.outcome)
                    return OutcomeLine(
                        outcome: line.outcome, progress: line.progress, band: line.band, confidence: line.confidence,
                        trend: line.trend?.direction,
                        isStale: stale.contains(.outcome(squad: score.squad, outcome: line.outcome)),
                        values: outcome?.checkIns.map(\.value) ?? [])
                })
        }
        hiddenSquadOutcomes = max(0, scored.count - Self.shownSquadOutcomes)
        // Findings by code.
        var byCode: [Finding.Code: [Finding]] = [:]
        for finding in report.findings { byCode[finding.code, default: []].append(finding) }
        findingGroups = byCode.map { code, findings in
            FindingGroup(
                code: code, severity: findings.map(\.severity).max() ?? .note, count: findings.count,
                squadCount: Set(findings.compactMap(\.subject.squad)).count,
                examples: Array(findings.prefix(Self.examplesPerCode)))
        }
        .sorted { ($1.severity, $0.count, $1.code.rawValue) < ($0.severity, $1.count, $0.code.rawValue) }
        if let baseline {
            let impact = organization.impact(comparedTo: baseline, on: day)
            (appeared, gone) = (impact.newFindings, impact.resolvedFindings)
        } else {
            (appeared, gone) = ([], [])
        }
    }

    private static func glance(_ organization: Organization, report: ValidationReport, on day: Day?) -> Glance {
        let live = organization.squads.filter { $0.stage != .dissolved }
        var serving: Set<Specialist.ID> = []
        var percent = 0
        for squad in live {
            for (member, membership) in squad.memberships {
                serving.insert(member)
                percent += membership.share.percent
            }
        }
        let scores = organization.scores()
        var bands: [StatusBand: Int] = [:]
        for squad in scores.squads { for outcome in squad.outcomes { bands[outcome.band, default: 0] += 1 } }
        let stages = CustomerValueSquad.Stage.allCases.compactMap { stage -> (CustomerValueSquad.Stage, Int)? in
            let count = organization.squads.count { $0.stage == stage }
            return count == 0 ? nil : (stage, count)
        }
        return Glance(
            people: organization.specialistCount, peopleInSquads: serving.count, fteInSquads: Double(percent) / 100,
            fteAtHome: Double(organization.specialistCount) - Double(percent) / 100, squadsByStage: stages,
            findings: (report.errorCount, report.warningCount, report.noteCount),
            outcomes: (bands[.onTrack] ?? 0, bands[.atRisk] ?? 0, bands[.offTrack] ?? 0),
            dataReached: (organization.siloReach(on: day).reachedAssetCount, organization.dataAssetCount),
            weightedScore: scores.weightedScore)
    }
}
