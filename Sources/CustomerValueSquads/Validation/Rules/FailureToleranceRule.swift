/// A squad's break-fix cycles stay within the small failures its accountability tolerates, and none failed
/// large. The company must tolerate small failures while it learns; beyond the tolerance, or after a large
/// failure, the approach needs a look.
///
/// Code: ``Finding/Code/squadCyclesOverTolerance`` — a warning.
public struct FailureToleranceRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadCyclesOverTolerance] }

    /// Checks the squad's failures against its tolerance.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard !squad.isWithinFailureTolerance else { return [] }
        let tolerated = squad.accountability.toleratedSmallFailures
        return [
            context.finding(
                .squadCyclesOverTolerance, about: squad, severity: .warning,
                text: """
                    \(squad.smallFailureCount) small and \(squad.largeFailureCount) large failures in \
                    \(squad.cycles.count) cycles; \(tolerated) small failures are tolerated — look at what the \
                    cycles teach before going on
                    """,
                figures: [
                    "smallFailures": Double(squad.smallFailureCount), "largeFailures": Double(squad.largeFailureCount),
                    "tolerated": Double(tolerated),
                ]
            )
        ]
    }
}

extension Finding.Code {
    /// A squad's break-fix cycles failed more than its accountability tolerates, or failed large.
    public static let squadCyclesOverTolerance: Self = "squad.cycles.overTolerance"
    /// The former name of ``squadCyclesOverTolerance``.
    @available(*, deprecated, renamed: "squadCyclesOverTolerance")
    public static let failuresOverTolerance: Self = .squadCyclesOverTolerance
}
