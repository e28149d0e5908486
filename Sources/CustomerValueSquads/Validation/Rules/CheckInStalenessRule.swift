/// A squad checks in on its outcomes at least as often as its review cadence, plus the grace the policy
/// gives: an outcome whose latest check-in is older than that on the judging day is stale.
///
/// Code: ``Finding/Code/squadOutcomeStale`` (a warning). An outcome is stale on day *D* + cadence + grace + 1 after
/// a check-in on day *D*, and not the day before. Outcomes without any check-in and squads without a review
/// cadence are not judged here (``AccountabilityRule`` reports a missing cadence).
public struct CheckInStalenessRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadOutcomeStale] }

    /// Checks how recent each outcome's latest check-in is.
    ///
    /// - Complexity: O(*k*) in the squad's outcomes.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard let cadence = squad.accountability.reviewCadence else { return [] }
        let day = context.judgingDay
        let grace = context.thresholds.checkInGraceDays
        let allowed = cadence.days.addingReportingOverflow(grace)
        return squad.accountability.outcomes.compactMap { outcome -> Finding? in
            guard let latest = outcome.latestCheckIn else { return nil }
            let age = latest.day.days(to: day)
            guard !allowed.overflow, age > allowed.partialValue else { return nil }
            return Finding(
                .warning,
                .squadOutcomeStale,
                subject: .outcome(squad: squad.id, outcome: outcome.id),
                text: """
                    \(outcome.metric) was last checked in on \(latest.day), \(age) days ago; the squad reviews \
                    every \(cadence) and the policy allows \(grace) days' grace
                    """,
                figures: ["daysSinceCheckIn": Double(age), "allowedDays": Double(allowed.partialValue)]
            )
        }
    }
}

extension Finding.Code {
    /// An outcome has had no check-in for longer than its squad's review cadence plus the policy's grace.
    public static let squadOutcomeStale: Self = "squad.outcome.stale"
    /// The former name of ``squadOutcomeStale``.
    @available(*, deprecated, renamed: "squadOutcomeStale")
    public static let staleOutcome: Self = .squadOutcomeStale
}
