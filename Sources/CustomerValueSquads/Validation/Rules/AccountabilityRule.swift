/// A squad answers for at least one measurable outcome (with a baseline and a target), has an owner, and
/// reviews its outcomes on a rhythm.
///
/// Codes: ``Finding/Code/squadAccountabilityNoOutcomes``, ``Finding/Code/squadAccountabilityOutcomeNotMeasurable``,
/// ``Finding/Code/squadAccountabilityNoOwner`` (errors, or warnings while forming); ``Finding/Code/squadAccountabilityNoReviewRhythm``
/// (a warning).
public struct AccountabilityRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] {
        [
            .squadAccountabilityNoOutcomes, .squadAccountabilityOutcomeNotMeasurable, .squadAccountabilityNoOwner,
            .squadAccountabilityNoReviewRhythm,
        ]
    }

    /// Checks the squad's accountability.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let accountability = squad.accountability
        let severity = context.severity(for: squad)
        if accountability.outcomes.isEmpty {
            findings.append(
                context.finding(
                    .squadAccountabilityNoOutcomes, about: squad, severity: severity,
                    text: "the squad answers for no outcome; set at least one with a baseline and a target"
                )
            )
        }
        for outcome in accountability.outcomes where !outcome.isMeasurable {
            let missing = [outcome.baseline == nil ? "baseline" : nil, outcome.target == nil ? "target" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            findings.append(
                Finding(
                    severity,
                    .squadAccountabilityOutcomeNotMeasurable,
                    subject: .outcome(squad: squad.id, outcome: outcome.id),
                    text: "\(outcome.metric) has no \(missing), so progress cannot be measured"
                )
            )
        }
        if accountability.owner == nil {
            findings.append(
                context.finding(
                    .squadAccountabilityNoOwner, about: squad, severity: severity,
                    text: "no one owns the squad's results; name an owner"
                )
            )
        }
        if accountability.reviewCadence == nil {
            findings.append(
                context.finding(
                    .squadAccountabilityNoReviewRhythm, about: squad, severity: .warning,
                    text: "the outcomes have no review rhythm; set a review cadence"
                )
            )
        }
        return findings
    }
}

extension Finding.Code {
    /// A squad answers for no outcome.
    public static let squadAccountabilityNoOutcomes: Self = "squad.accountability.noOutcomes"
    /// The former name of ``squadAccountabilityNoOutcomes``.
    @available(*, deprecated, renamed: "squadAccountabilityNoOutcomes")
    public static let noOutcomes: Self = .squadAccountabilityNoOutcomes
    /// An outcome lacks a baseline or a target, so progress cannot be measured.
    public static let squadAccountabilityOutcomeNotMeasurable: Self = "squad.accountability.outcomeNotMeasurable"
    /// The former name of ``squadAccountabilityOutcomeNotMeasurable``.
    @available(*, deprecated, renamed: "squadAccountabilityOutcomeNotMeasurable")
    public static let outcomeNotMeasurable: Self = .squadAccountabilityOutcomeNotMeasurable
    /// No one owns a squad's accountability.
    public static let squadAccountabilityNoOwner: Self = "squad.accountability.noOwner"
    /// The former name of ``squadAccountabilityNoOwner``.
    @available(*, deprecated, renamed: "squadAccountabilityNoOwner")
    public static let noAccountabilityOwner: Self = .squadAccountabilityNoOwner
    /// A squad's outcomes have no review rhythm.
    public static let squadAccountabilityNoReviewRhythm: Self = "squad.accountability.noReviewRhythm"
    /// The former name of ``squadAccountabilityNoReviewRhythm``.
    @available(*, deprecated, renamed: "squadAccountabilityNoReviewRhythm")
    public static let noReviewRhythm: Self = .squadAccountabilityNoReviewRhythm
}
