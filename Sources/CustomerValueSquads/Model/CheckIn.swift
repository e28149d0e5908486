extension Outcome {
    /// One dated measurement of an outcome: the value, how confident the squad is of reaching the target, and
    /// a note.
    ///
    /// An outcome keeps its check-ins in day order, at most one per day; its ``Outcome/current`` value is the
    /// latest one's. When the outcome enters an ``Organization`` the value must be finite and the confidence
    /// within ``confidenceRange`` (``OrganizationError/Code/invalidValue``); two check-ins on one day are
    /// refused with ``OrganizationError/Code/duplicateID``.
    public struct CheckIn: Sendable, Hashable {
        /// The confidences a check-in may carry: 0 (no chance of reaching the target) to 10 (certain).
        public static var confidenceRange: ClosedRange<Int> { 0...10 }

        /// The day of the measurement.
        public var day: Day
        /// The measured value.
        public var value: Double
        /// How confident the squad is of reaching the target, from 0 to 10, or `nil` when not said.
        public var confidence: Int?
        /// What the squad wants remembered about this measurement; may be empty.
        public var note: String

        /// Creates a check-in.
        ///
        /// - Parameters:
        ///   - day: The day of the measurement.
        ///   - value: The measured value.
        ///   - confidence: The confidence, 0 to 10; `nil` by default.
        ///   - note: A note; empty by default.
        public init(day: Day, value: Double, confidence: Int? = nil, note: String = "") {
            self.day = day
            self.value = value
            self.confidence = confidence
            self.note = note
        }
    }

    /// Which way an outcome has been moving over its last check-ins.
    public struct Trend: Sendable, Hashable, Codable {
        /// Whether the movement is good news.
        public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
            /// Moving the way the outcome should.
            case improving
            /// Not moving.
            case steady
            /// Moving the wrong way.
            case worsening
        }

        /// How many check-ins the trend looks at: at least 2.
        public var checkIns: Int
        /// The first day looked at.
        public var from: Day
        /// The last day looked at.
        public var to: Day
        /// The latest value minus the earliest, in the metric's unit.
        public var change: Double
        /// Whether the change is good news, judged by the outcome's ``Outcome/direction``.
        public var direction: Direction
    }

    /// The latest check-in, or `nil` before the first.
    public var latestCheckIn: CheckIn? { checkIns.last }

    /// Which way the outcome has moved over its last `count` check-ins (all of them when it has fewer), or
    /// `nil` with fewer than two.
    ///
    /// The change is the latest value minus the earliest of those looked at; it is improving when it goes the
    /// outcome's ``direction``, worsening when it goes against it, steady when it is zero.
    ///
    /// - Parameter count: How many of the latest check-ins to look at; 3 by default, at least 2.
    /// - Complexity: O(1).
    public func trend(overLast count: Int = 3) -> Trend? {
        let window = max(count, 2)
        guard checkIns.count >= 2, let last = checkIns.last else { return nil }
        let first = checkIns[checkIns.count - min(window, checkIns.count)]
        var change = last.value - first.value
        if !change.isFinite {
            // Differences of huge finite numbers overflow; the sign is what matters then.
            change = last.value / 2 - first.value / 2
        }
        let better = direction == .increase ? change > 0 : change < 0
        return Trend(
            checkIns: min(window, checkIns.count), from: first.day, to: last.day, change: change,
            direction: change == 0 ? .steady : better ? .improving : .worsening)
    }
}

extension Outcome.CheckIn: Codable {
    private enum CodingKeys: String, CodingKey {
        case day, value, confidence, note
    }

    /// Decodes a check-in; a missing note reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            day: try container.decode(Day.self, forKey: .day),
            value: try container.decode(Double.self, forKey: .value),
            confidence: try container.decodeIfPresent(Int.self, forKey: .confidence),
            note: try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        )
    }

    /// Encodes the check-in; an absent confidence is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(day, forKey: .day)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        try container.encode(note, forKey: .note)
    }
}
