/// The incremental way to customer value squads, as a value: start in one customer-centred part of the
/// business with one pilot squad, break and fix things in short cycles until the pilot meets its success
/// criteria, then replicate it in batches — like opening a chain of candy stores, one store first.
///
/// A batch may start only when the squads before it — the pilot for the first batch, the previous batch's
/// replicas for the others — meet the ``criteria``. Steps out of order or too early throw and leave the plan
/// unchanged. ``status(in:)`` says where the rollout stands and what is next.
public struct RolloutPlan: Sendable, Hashable, Codable {
    /// What a squad must show before the next step may start.
    public struct SuccessCriteria: Sendable, Hashable, Codable {
        /// The least outcome score (see ``Organization/score(of:)``), from 0 to 1.
        public var minimumScore: Double
        /// The least number of recorded break-fix cycles.
        public var minimumCycles: Int
        /// Whether the squad's failures must stay within its accountability's tolerance.
        public var withinFailureTolerance: Bool

        /// Creates criteria.
        ///
        /// - Parameters:
        ///   - minimumScore: The least outcome score; 0.7 (on track) by default.
        ///   - minimumCycles: The least number of break-fix cycles; 3 by default.
        ///   - withinFailureTolerance: Whether failures must stay within tolerance; `true` by default.
        public init(minimumScore: Double = 0.7, minimumCycles: Int = 3, withinFailureTolerance: Bool = true) {
            self.minimumScore = minimumScore
            self.minimumCycles = minimumCycles
            self.withinFailureTolerance = withinFailureTolerance
        }
    }

    /// A batch of replicas that start together, such as one squad per region of an island.
    public struct Batch: Sendable, Hashable, Codable {
        /// The batch's name, such as `"Java"`.
        public var name: String
        /// The replicas the batch forms, by the identifiers they will have.
        public var replicas: [CustomerValueSquad.ID]
        /// The day the batch starts, when it is planned; it dates the hires that keep the floors of the departments
        /// the batch drains (``Organization/hiringPlan(rollout:floors:)``).
        public var start: Day? = nil

        /// Creates a batch.
        public init(name: String, replicas: [CustomerValueSquad.ID]) {
            self.name = name
            self.replicas = replicas
        }
    }

    /// Whether one squad meets the criteria, and if not, why.
    public struct Assessment: Sendable, Hashable, Codable {
        /// The squad.
        public var squad: CustomerValueSquad.ID
        /// Its outcome score, if it has one.
        public var score: Double?
        /// The number of break-fix cycles it has recorded.
        public var cycles: Int
        /// Its small failures so far.
        public var smallFailures: Int
        /// Its large failures so far.
        public var largeFailures: Int
        /// What it still lacks; empty when it meets the criteria.
        public var unmet: [String]

        /// Whether the squad meets the criteria.
        public var isMet: Bool { unmet.isEmpty }
    }

    /// Where a rollout stands.
    public struct Status: Sendable, Hashable, Codable {
        /// How many batches have started.
        public var startedBatches: Int
        /// The squads whose criteria gate the next step: the pilot, or the last started batch's replicas.
        public var gate: [Assessment]
        /// Whether the next step may be taken now.
        public var isReadyForNextStep: Bool
        /// The next step, for people.
        public var nextStep: String
    }

    /// The part of the business the change starts in, such as `"account-based marketing"`.
    public var startingArea: String
    /// The one pilot squad.
    public var pilot: CustomerValueSquad.ID
    /// What a squad must show before the next step.
    public var criteria: SuccessCriteria
    /// The batches of replicas, in order.
    public private(set) var batches: [Batch]
    /// How many batches have started.
    public private(set) var startedBatches: Int

    /// Creates a plan with no batch started.
    ///
    /// - Parameters:
    ///   - startingArea: The part of the business the change starts in.
    ///   - pilot: The pilot squad.
    ///   - criteria: What a squad must show before the next step.
    ///   - batches: The batches of replicas, in order.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if a squad appears twice among the pilot and the
    ///   replicas; ``OrganizationError/Code/invalidValue`` for a blank batch name, an empty batch, or criteria
    ///   out of range (a score outside 0...1, negative cycles).
    public init(
        startingArea: String,
        pilot: CustomerValueSquad.ID,
        criteria: SuccessCriteria = SuccessCriteria(),
        batches: [Batch]
    ) throws(OrganizationError) {
        guard criteria.minimumScore.isFinite, (0...1).contains(criteria.minimumScore), criteria.minimumCycles >= 0
        else {
            throw OrganizationError(
                code: .invalidValue,
                message: "success criteria need a score between 0 and 1 and a cycle count of 0 or more"
            )
        }
        var seen: Set<CustomerValueSquad.ID> = [pilot]
        for (index, batch) in batches.enumerated() {
            guard !Organization.isBlank(batch.name), !batch.replicas.isEmpty else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "batch \(index + 1) needs a name and at least one replica",
                    path: ["batches", String(index)]
                )
            }
            for replica in batch.replicas where !seen.insert(replica).inserted {
                throw OrganizationError(
                    code: .duplicateID,
                    message: "squad \(replica) appears twice in the rollout plan",
                    path: ["batches", String(index), "replicas"]
                )
            }
        }
        self.startingArea = startingArea
        self.pilot = pilot
        self.criteria = criteria
        self.batches = batches
        self.startedBatches = 0
    }

    /// Decodes a plan, re-checking what the initialiser checks and that the started count fits the batches.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let started = try container.decode(Int.self, forKey: .startedBatches)
        let startingArea = try container.decode(String.self, forKey: .startingArea)
        let pilot = try container.decode(CustomerValueSquad.ID.self, forKey: .pilot)
        let criteria = try container.decode(SuccessCriteria.self, forKey: .criteria)
        let batches = try container.decode([Batch].self, forKey: .batches)
        do {
            try self.init(startingArea: startingArea, pilot: pilot, criteria: criteria, batches: batches)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error)
            )
        }
        guard (0...batches.count).contains(started) else {
            throw DecodingError.dataCorruptedError(
                forKey: .startedBatches,
                in: container,
                debugDescription: "\(started) batches cannot have started in a plan of \(batches.count)"
            )
        }
        startedBatches = started
    }

    private enum CodingKeys: String, CodingKey {
        case startingArea, pilot, criteria, batches, startedBatches
    }

    /// Whether `squad` meets the criteria in `organization`.
    ///
    /// - Complexity: O(*k* + *c*), where *k* is the number of its outcomes and *c* of its cycles.
    public func assessment(of squad: CustomerValueSquad.ID, in organization: Organization) -> Assessment {
        guard let current = organization.squad(squad) else {
            return Assessment(
                squad: squad, score: nil, cycles: 0, smallFailures: 0, largeFailures: 0,
                unmet: ["squad \(squad) has not been formed"])
        }
        let score = organization.score(of: squad)?.score
        var unmet: [String] = []
        if current.stage == .dissolved { unmet.append("squad \(squad) is dissolved") }
        if let score {
            if score < criteria.minimumScore {
                unmet.append(
                    "its outcome score is \(Self.percent(score)), below \(Self.percent(criteria.minimumScore))")
            }
        } else {
            unmet.append("it has no measured outcome to score")
        }
        if current.cycles.count < criteria.minimumCycles {
            unmet.append(
                "it has run \(current.cycles.count) break-fix cycles of the \(criteria.minimumCycles) required")
        }
        if criteria.withinFailureTolerance && !current.isWithinFailureTolerance {
            unmet.append(
                "its failures (\(current.smallFailureCount) small, \(current.largeFailureCount) large) exceed the "
                    + "tolerance of \(current.accountability.toleratedSmallFailures) small failures"
            )
        }
        return Assessment(
            squad: squad,
            score: score,
            cycles: current.cycles.count,
            smallFailures: current.smallFailureCount,
            largeFailures: current.largeFailureCount,
            unmet: unmet
        )
    }

    /// The squads whose criteria gate the next batch: the pilot before the first, then the replicas of the
    /// last started batch.
    public var gatingSquads: [CustomerValueSquad.ID] {
        startedBatches == 0 ? [pilot] : batches[startedBatches - 1].replicas
    }

    /// Where the rollout stands in `organization` and what is next.
    public func status(in organization: Organization) -> Status {
        let gate = gatingSquads.map { assessment(of: $0, in: organization) }
        let ready = startedBatches < batches.count && gate.allSatisfy(\.isMet)
        let nextStep: String
        if startedBatches == batches.count {
            nextStep = "the rollout is complete: every batch has started"
        } else if ready {
            let batch = batches[startedBatches]
            nextStep =
                "start batch \(startedBatches + 1), \(batch.name): replicate into "
                + batch.replicas.map(\.rawValue).joined(separator: ", ")
        } else {
            let waiting = gate.filter { !$0.isMet }.map { "\($0.squad): \($0.unmet.joined(separator: "; "))" }
            nextStep =
                (startedBatches == 0 ? "keep breaking and fixing in the pilot — " : "let the last batch settle — ")
                + waiting.joined(separator: " | ")
        }
        return Status(startedBatches: startedBatches, gate: gate, isReadyForNextStep: ready, nextStep: nextStep)
    }

    /// Starts a batch.
    ///
    /// - Parameters:
    ///   - index: The batch's position, from 0; it must be the next one.
    ///   - organization: The organisation whose squads are assessed.
    /// - Throws: ``OrganizationError/Code/rolloutOutOfOrder`` for a batch that is not the next one (skipped,
    ///   already started, or past the end); ``OrganizationError/Code/rolloutCriteriaNotMet`` when the gating
    ///   squads do not meet the criteria. The plan is left unchanged.
    public mutating func startBatch(_ index: Int, in organization: Organization) throws(OrganizationError) {
        guard index < batches.count, index >= 0 else {
            throw OrganizationError(
                code: .rolloutOutOfOrder, message: "the plan has no batch \(index + 1); it has \(batches.count)")
        }
        guard index == startedBatches else {
            let message =
                index < startedBatches
                ? "batch \(index + 1), \(batches[index].name), has already started"
                : "batch \(index + 1), \(batches[index].name), cannot start before batch \(startedBatches + 1), "
                    + "\(batches[startedBatches].name)"
            throw OrganizationError(code: .rolloutOutOfOrder, message: message)
        }
        let waiting = gatingSquads.map { assessment(of: $0, in: organization) }.filter { !$0.isMet }
        guard waiting.isEmpty else {
            throw OrganizationError(
                code: .rolloutCriteriaNotMet,
                message: "batch \(index + 1), \(batches[index].name), cannot start yet: "
                    + waiting.map { "\($0.squad): \($0.unmet.joined(separator: "; "))" }.joined(separator: " | ")
            )
        }
        startedBatches += 1
    }

    /// Returns a copy with a batch started; see ``startBatch(_:in:)``.
    public func startingBatch(_ index: Int, in organization: Organization) throws(OrganizationError) -> RolloutPlan {
        var copy = self
        try copy.startBatch(index, in: organization)
        return copy
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
