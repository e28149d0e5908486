/// How an outcome, a squad or an organisation is doing, as OKR practice grades progress.
public enum StatusBand: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// Progress below 0.4.
    case offTrack
    /// Progress from 0.4 up to 0.7.
    case atRisk
    /// Progress of 0.7 or more.
    case onTrack

    /// The band a progress between 0 and 1 falls in: below 0.4 off track, below 0.7 at risk, else on track.
    ///
    /// A progress that is not a number is off track: nothing can be said to be on track without a measure.
    public init(progress: Double) {
        if progress >= 0.7 {
            self = .onTrack
        } else if progress >= 0.4 {
            self = .atRisk
        } else {
            self = .offTrack
        }
    }

    private var rank: Int {
        switch self {
        case .offTrack: 0
        case .atRisk: 1
        case .onTrack: 2
        }
    }

    /// Orders bands from off track to on track.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

extension Outcome {
    /// How far the outcome has come from its baseline to its target, from 0 to 1, or `nil` when it has no
    /// baseline, target or current value.
    ///
    /// Progress is `(current − baseline) / (target − baseline)`, clamped to 0...1. The formula is right for
    /// metrics that should go down too (a target below the baseline). When the baseline equals the target,
    /// progress is 1 if the current value is at the target or beyond it in the outcome's ``direction``, else 0.
    public var progress: Double? {
        guard let baseline, let target, let current else { return nil }
        guard baseline != target else {
            switch direction {
            case .increase: return current >= target ? 1 : 0
            case .decrease: return current <= target ? 1 : 0
            }
        }
        var progress = (current - baseline) / (target - baseline)
        if !(current - baseline).isFinite || !(target - baseline).isFinite {
            // Differences of huge finite numbers overflow: scale the three down to at most 1 and try again.
            let scale = max(abs(baseline), abs(target), abs(current))
            progress = (current / scale - baseline / scale) / (target / scale - baseline / scale)
        }
        return progress.isNaN ? 0 : min(max(progress, 0), 1)
    }
}

/// A squad's accountability, scored.
public struct SquadScore: Sendable, Hashable, Codable {
    /// One outcome's progress.
    public struct OutcomeProgress: Sendable, Hashable, Codable {
        /// The outcome.
        public var outcome: Outcome.ID
        /// Its progress, from 0 to 1.
        public var progress: Double
        /// Its band.
        public var band: StatusBand
        /// Its weight in the squad's score.
        public var weight: Double
        /// The confidence of its latest check-in, 0 to 10, or `nil` when that did not say.
        public var confidence: Int?
        /// Which way it has moved over its last three check-ins, or `nil` with fewer than two.
        public var trend: Outcome.Trend?
    }

    /// The squad.
    public var squad: CustomerValueSquad.ID
    /// The outcomes that could be scored, in the accountability's order.
    public var outcomes: [OutcomeProgress]
    /// The outcomes that could not be scored, lacking a baseline, a target or a current value.
    public var unscored: [Outcome.ID]
    /// The weighted mean of the outcomes' progress, or `nil` when none could be scored.
    public var score: Double?
    /// The band of ``score``, or `nil` when there is no score.
    public var band: StatusBand?
}

/// The organisation's squads, scored and rolled up.
public struct OrganizationScore: Sendable, Hashable, Codable {
    /// Each squad that is not dissolved, sorted by identifier.
    public var squads: [SquadScore]
    /// The mean of the squads' scores, each squad counting once, or `nil` when no squad has a score.
    public var score: Double?
    /// The roll-up for the organisation's goal: every scored outcome of every squad weighted by its weight,
    /// so a squad counts as much as its outcomes weigh; `nil` when nothing could be scored.
    public var weightedScore: Double?
    /// The band of ``score``.
    public var band: StatusBand?
    /// How many scored squads fall in each band.
    public var squadsPerBand: [StatusBand: Int]
}

extension Organization {
    /// Scores one squad's outcomes and their weighted mean.
    ///
    /// - Parameter squad: The squad.
    /// - Returns: The score, or `nil` if there is no such squad.
    /// - Complexity: O(*k*), where *k* is the number of the squad's outcomes.
    public func score(of squad: CustomerValueSquad.ID) -> SquadScore? {
        guard let squad = squadsByID[squad] else { return nil }
        var scored: [SquadScore.OutcomeProgress] = []
        var unscored: [Outcome.ID] = []
        for outcome in squad.accountability.outcomes {
            if let progress = outcome.progress {
                scored.append(
                    .init(
                        outcome: outcome.id, progress: progress, band: StatusBand(progress: progress),
                        weight: outcome.weight, confidence: outcome.latestCheckIn?.confidence, trend: outcome.trend())
                )
            } else {
                unscored.append(outcome.id)
            }
        }
        let score = Self.weightedMean(scored)
        return SquadScore(
            squad: squad.id,
            outcomes: scored,
            unscored: unscored,
            score: score,
            band: score.map(StatusBand.init(progress:))
        )
    }

    /// Scores every squad that is not dissolved and rolls the scores up.
    ///
    /// - Complexity: O(*q* log *q* + *k*), where *q* is the number of squads and *k* the number of outcomes.
    public func scores() -> OrganizationScore {
        let squads = squadsByID.keys.sorted().compactMap { id -> SquadScore? in
            guard squadsByID[id]?.stage != .dissolved else { return nil }
            return score(of: id)
        }
        let values = squads.compactMap(\.score)
        var perBand: [StatusBand: Int] = [:]
        for band in squads.compactMap(\.band) { perBand[band, default: 0] += 1 }
        let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        return OrganizationScore(
            squads: squads, score: mean, weightedScore: Self.weightedMean(squads.flatMap(\.outcomes)),
            band: mean.map(StatusBand.init(progress:)), squadsPerBand: perBand)
    }

    /// The mean of the outcomes' progress weighted by their weights, or `nil` for none.
    private static func weightedMean(_ scored: [SquadScore.OutcomeProgress]) -> Double? {
        weightedMean(of: scored.map { (progress: $0.progress, weight: $0.weight) })
    }

    /// The mean of the progresses by weight, or `nil` for none; sums that overflow are weighed relative to the
    /// largest weight. The timeline rolls its periods up with it, so both give the same figure.
    static func weightedMean(of scored: [(progress: Double, weight: Double)]) -> Double? {
        guard !scored.isEmpty else { return nil }
        var totalWeight = scored.reduce(0) { $0 + $1.weight }
        var weightedSum = scored.reduce(0) { $0 + $1.progress * $1.weight }
        if !totalWeight.isFinite || !weightedSum.isFinite {
            // Sums of huge finite weights overflow: weigh relative to the largest instead.
            let largest = scored.map(\.weight).max() ?? 1
            totalWeight = scored.reduce(0) { $0 + $1.weight / largest }
            weightedSum = scored.reduce(0) { $0 + $1.progress * ($1.weight / largest) }
        }
        return weightedSum / totalWeight
    }
}
