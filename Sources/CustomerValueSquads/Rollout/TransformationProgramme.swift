/// The top-down way to customer value squads, as a value: top management sees the need, hires consultants,
/// and re-tools the culture over years, launching squads across the company at once.
///
/// The domain calls its results exceptional and rarely seen; ``RolloutApproach`` sets it beside the
/// incremental ``RolloutPlan`` so the two can be described and compared.
public struct TransformationProgramme: Sendable, Hashable, Codable {
    /// One phase of the programme, such as a diagnosis or a culture re-tooling.
    public struct Phase: Sendable, Hashable, Codable {
        /// The phase's name.
        public var name: String
        /// How long it takes, in months.
        public var months: Int

        /// Creates a phase.
        public init(name: String, months: Int) {
            self.name = name
            self.months = months
        }
    }

    /// Who in top management sponsors the programme.
    public var sponsor: String
    /// The consultants hired for it.
    public var consultants: [String]
    /// The phases before squads launch, in order.
    public var phases: [Phase]
    /// The squads launched together when the phases are done.
    public var squadsAtLaunch: [CustomerValueSquad.ID]

    /// Creates a programme.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a phase without a positive length or a programme
    ///   that launches no squad.
    public init(
        sponsor: String,
        consultants: [String] = [],
        phases: [Phase],
        squadsAtLaunch: [CustomerValueSquad.ID]
    ) throws(OrganizationError) {
        if let phase = phases.first(where: { $0.months <= 0 }) {
            throw OrganizationError(
                code: .invalidValue, message: "phase \(String(reflecting: phase.name)) must last at least a month")
        }
        guard !squadsAtLaunch.isEmpty else {
            throw OrganizationError(
                code: .invalidValue, message: "a transformation programme must launch at least one squad")
        }
        self.sponsor = sponsor
        self.consultants = consultants
        self.phases = phases
        self.squadsAtLaunch = squadsAtLaunch
    }

    /// The months before the first squad launches.
    public var monthsToLaunch: Int { phases.reduce(0) { $0 + $1.months } }
}

/// One of the two ways a company gets to customer value squads.
public enum RolloutApproach: Sendable, Hashable {
    /// One pilot, short break-fix cycles, then replicas in batches — the likely way.
    case incremental(RolloutPlan)
    /// A programme led by top management with consultants — exceptional results, rarely seen.
    case topDown(TransformationProgramme)

    /// A side-by-side description of an approach.
    public struct Profile: Sendable, Hashable, Codable {
        /// The approach's name.
        public var name: String
        /// How many squads run before the first lessons come back: one pilot, or all at once.
        public var squadsBeforeFirstLessons: Int
        /// How many squads the approach forms in all.
        public var squadsInAll: Int
        /// Whether squads start only when the ones before them have proven themselves.
        public var gatedByEvidence: Bool
        /// The months before the first squad starts, where known: 0 for a pilot, the programme's phases for
        /// a top-down launch.
        public var monthsToFirstSquad: Int
        /// What the domain says of it.
        public var summary: String
    }

    /// The approach described for comparison.
    public var profile: Profile {
        switch self {
        case .incremental(let plan):
            Profile(
                name: "incremental, starting in \(plan.startingArea)",
                squadsBeforeFirstLessons: 1,
                squadsInAll: 1 + plan.batches.reduce(0) { $0 + $1.replicas.count },
                gatedByEvidence: true,
                monthsToFirstSquad: 0,
                summary: "one pilot breaks and fixes things in short cycles, then replicas follow in "
                    + "\(plan.batches.count) batches, each only when the squads before it meet the criteria"
            )
        case .topDown(let programme):
            Profile(
                name: "top-down, sponsored by \(programme.sponsor)",
                squadsBeforeFirstLessons: programme.squadsAtLaunch.count,
                squadsInAll: programme.squadsAtLaunch.count,
                gatedByEvidence: false,
                monthsToFirstSquad: programme.monthsToLaunch,
                summary: "top management and \(programme.consultants.count) consultants re-tool the culture for "
                    + "\(programme.monthsToLaunch) months, then launch every squad at once"
            )
        }
    }
}
