/// A squad works in short break-fix cycles: it has a cycle length, at most 14 days by default.
///
/// Codes: ``Finding/Code/squadCycleMissing``, ``Finding/Code/squadCycleTooLong`` — errors, or warnings while
/// forming.
public struct BreakFixCycleRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadCycleMissing, .squadCycleTooLong] }

    /// Checks the squad's cycle length.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumCycleDays
        guard let cycle = squad.cycleLength else {
            return [
                context.finding(
                    .squadCycleMissing, about: squad,
                    text: "the squad has no break-fix cycle; set one of at most \(maximum) days"
                )
            ]
        }
        guard cycle.days > maximum else { return [] }
        return [
            context.finding(
                .squadCycleTooLong, about: squad,
                text: "break-fix cycles of \(cycle) are too slow to learn from; at most \(maximum) days expected",
                figures: ["days": Double(cycle.days), "maximum": Double(maximum)]
            )
        ]
    }
}

extension Finding.Code {
    /// A squad has no break-fix cycle.
    public static let squadCycleMissing: Self = "squad.cycle.missing"
    /// The former name of ``squadCycleMissing``.
    @available(*, deprecated, renamed: "squadCycleMissing")
    public static let noBreakFixCycle: Self = .squadCycleMissing
    /// A squad's break-fix cycle is longer than the policy allows.
    public static let squadCycleTooLong: Self = "squad.cycle.tooLong"
    /// The former name of ``squadCycleTooLong``.
    @available(*, deprecated, renamed: "squadCycleTooLong")
    public static let breakFixCycleTooLong: Self = .squadCycleTooLong
}
