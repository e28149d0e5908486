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
    /// The phases before squads launch, in order: each lasts 1 to ``maximumMonths`` months, and all of them
    /// together no longer. Set by ``init(sponsor:consultants:phases:squadsAtLaunch:)``, which checks them.
    public private(set) var phases: [Phase]
    /// The squads launched together when the phases are done; never empty. Set by
    /// ``init(sponsor:consultants:phases:squadsAtLaunch:)``, which checks it.
    public private(set) var squadsAtLaunch: [CustomerValueSquad.ID]

    /// Creates a programme.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a phase that does not last 1 to
    ///   ``maximumMonths`` months, phases that together last longer than that, or a programme that launches no
    ///   squad.
    public init(
        sponsor: String,
        consultants: [String] = [],
        phases: [Phase],
        squadsAtLaunch: [CustomerValueSquad.ID]
    ) throws(OrganizationError) {
        var total = 0
        for phase in phases {
            guard (1...Self.maximumMonths).contains(phase.months) else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "phase \(String(reflecting: phase.name)) lasts \(phase.months) months; "
                        + "a phase lasts 1 to \(Self.maximumMonths) months")
            }
            total += phase.months
            guard total <= Self.maximumMonths else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "the phases last more than \(Self.maximumMonths) months together")
            }
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

    /// The longest a programme may take, in months (a thousand years): longer is a mistake, not a plan.
    public static var maximumMonths: Int { 12_000 }

    /// The months before the first squad launches.
    public var monthsToLaunch: Int { phases.reduce(0) { $0 + $1.months } }

    private enum CodingKeys: String, CodingKey {
        case sponsor, consultants, phases, squadsAtLaunch
    }

    /// Decodes a programme, checking what ``init(sponsor:consultants:phases:squadsAtLaunch:)`` checks.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the problem when a check fails.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                sponsor: try container.decode(String.self, forKey: .sponsor),
                consultants: try container.decode([String].self, forKey: .consultants),
                phases: try container.decode([Phase].self, forKey: .phases),
                squadsAtLaunch: try container.decode([CustomerValueSquad.ID].self, forKey: .squadsAtLaunch)
            )
        } catch let error as OrganizationError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
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
