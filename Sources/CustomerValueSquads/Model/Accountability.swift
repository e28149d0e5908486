/// What a squad answers for: measurable outcomes, the person who owns them, how often they are reviewed,
/// and how many small failures the organisation tolerates while the squad learns.
public struct Accountability: Sendable, Hashable {
    /// The measurable outcomes, in the order they were set; each identifier appears once.
    public var outcomes: [Outcome]
    /// The specialist who answers for the results, or `nil` while undecided.
    public var owner: Specialist.ID?
    /// How often the outcomes are reviewed, or `nil` while undecided.
    public var reviewCadence: Cadence?
    /// How many small failures are tolerated while the squad learns; zero or more.
    public var toleratedSmallFailures: Int

    /// Creates an accountability.
    ///
    /// - Parameters:
    ///   - outcomes: The measurable outcomes; none by default.
    ///   - owner: Who answers for the results; `nil` by default.
    ///   - reviewCadence: How often outcomes are reviewed; `nil` by default.
    ///   - toleratedSmallFailures: How many small failures are tolerated; 0 by default.
    public init(
        outcomes: [Outcome] = [],
        owner: Specialist.ID? = nil,
        reviewCadence: Cadence? = nil,
        toleratedSmallFailures: Int = 0
    ) {
        self.outcomes = outcomes
        self.owner = owner
        self.reviewCadence = reviewCadence
        self.toleratedSmallFailures = toleratedSmallFailures
    }

    /// The outcome with the given identifier, if any.
    ///
    /// - Complexity: O(*n*), where *n* is the number of outcomes.
    public func outcome(_ id: Outcome.ID) -> Outcome? {
        outcomes.first { $0.id == id }
    }
}

extension Accountability: Codable {
    private enum CodingKeys: String, CodingKey {
        case outcomes, owner, reviewCadence, toleratedSmallFailures
    }

    /// Decodes an accountability; missing outcomes read as none and a missing tolerance as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            outcomes: try container.decodeIfPresent([Outcome].self, forKey: .outcomes) ?? [],
            owner: try container.decodeIfPresent(Specialist.ID.self, forKey: .owner),
            reviewCadence: try container.decodeIfPresent(Cadence.self, forKey: .reviewCadence),
            toleratedSmallFailures: try container.decodeIfPresent(Int.self, forKey: .toleratedSmallFailures) ?? 0
        )
    }

    /// Encodes the accountability; absent optional fields are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encodeIfPresent(owner, forKey: .owner)
        try container.encodeIfPresent(reviewCadence, forKey: .reviewCadence)
        try container.encode(toleratedSmallFailures, forKey: .toleratedSmallFailures)
    }
}

/// A measurable result a squad answers for: a metric with a baseline, a target, its current value and the
/// dated check-ins that led there.
///
/// The numbers must be finite and the weight positive when the outcome enters an ``Organization``
/// (``OrganizationError/Code/invalidValue``); whether baseline and target are set is a policy. With
/// check-ins, ``current`` is the latest one's value, and they are kept in day order, one per day.
public struct Outcome: Identifiable, Sendable, Hashable {
    /// The identifier of an outcome, unique within one accountability.
    public typealias ID = Identifier<Outcome>

    /// Which way a metric should move.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// Higher is better, such as revenue or satisfaction.
        case increase
        /// Lower is better, such as churn or time to resolve.
        case decrease
    }

    /// The outcome's identifier.
    public var id: ID
    /// What is measured, such as `"Net revenue retention"`.
    public var metric: String
    /// The unit of the numbers, such as `"%"` or `"days"`; may be empty.
    public var unit: String
    /// The value when the squad started, or `nil` while unknown.
    public var baseline: Double?
    /// The value the squad aims for, or `nil` while unset.
    public var target: Double?
    /// The latest measured value, or `nil` before the first measurement; with check-ins, the latest one's value.
    public var current: Double?
    /// Which way the metric should move.
    public var direction: Direction
    /// The outcome's weight in the squad's score; greater than zero, 1 by default.
    public var weight: Double
    /// The dated measurements, oldest first, at most one per day; see ``Organization/checkIn(_:for:of:)``.
    public var checkIns: [CheckIn]

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - id: The outcome's identifier.
    ///   - metric: What is measured.
    ///   - unit: The unit of the numbers; empty by default.
    ///   - baseline: The starting value; `nil` by default.
    ///   - target: The value aimed for; `nil` by default.
    ///   - current: The latest value; `nil` by default.
    ///   - direction: Which way the metric should move; ``Direction-swift.enum/increase`` by default.
    ///   - weight: The weight in the squad's score; 1 by default.
    ///   - checkIns: The dated measurements, oldest first; none by default. When `current` is `nil` it is
    ///     the latest check-in's value.
    public init(
        id: ID,
        metric: String,
        unit: String = "",
        baseline: Double? = nil,
        target: Double? = nil,
        current: Double? = nil,
        direction: Direction = .increase,
        weight: Double = 1,
        checkIns: [CheckIn] = []
    ) {
        self.id = id
        self.metric = metric
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.current = current ?? checkIns.last?.value
        self.direction = direction
        self.weight = weight
        self.checkIns = checkIns
    }

    /// Whether the outcome can be measured: it has both a baseline and a target.
    public var isMeasurable: Bool { baseline != nil && target != nil }
}

extension Outcome: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, metric, unit, baseline, target, current, direction, weight, checkIns
    }

    /// Decodes an outcome; a missing unit reads as empty, direction as increase, weight as 1, check-ins as
    /// none and the current value as the latest check-in's.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            metric: try container.decode(String.self, forKey: .metric),
            unit: try container.decodeIfPresent(String.self, forKey: .unit) ?? "",
            baseline: try container.decodeIfPresent(Double.self, forKey: .baseline),
            target: try container.decodeIfPresent(Double.self, forKey: .target),
            current: try container.decodeIfPresent(Double.self, forKey: .current),
            direction: try container.decodeIfPresent(Direction.self, forKey: .direction) ?? .increase,
            weight: try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
            checkIns: try container.decodeIfPresent([CheckIn].self, forKey: .checkIns) ?? []
        )
    }

    /// Encodes the outcome; absent numbers are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(metric, forKey: .metric)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(current, forKey: .current)
        try container.encode(direction, forKey: .direction)
        try container.encode(weight, forKey: .weight)
        try container.encode(checkIns, forKey: .checkIns)
    }
}
