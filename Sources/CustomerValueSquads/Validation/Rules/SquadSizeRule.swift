/// A squad has 6 to 10 members by default: below that it is not yet a squad, above it the group starts to
/// formalise and needs coordination.
///
/// Codes: ``Finding/Code/squadTooSmall``, ``Finding/Code/squadTooLarge`` — errors, or warnings while forming.
public struct SquadSizeRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadTooSmall, .squadTooLarge] }

    /// Checks the squad's size against the thresholds.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let (minimum, maximum) = (context.thresholds.minimumSquadSize, context.thresholds.maximumSquadSize)
        guard squad.size < minimum || squad.size > maximum else { return [] }
        let figures = ["size": Double(squad.size), "minimum": Double(minimum), "maximum": Double(maximum)]
        if squad.size < minimum {
            return [
                context.finding(
                    .squadTooSmall, about: squad,
                    text: """
                        \(squad.size) members; a squad needs \(minimum) to \(maximum) — assign \
                        \(minimum.subtractingReportingOverflow(squad.size).partialValue) more
                        """,
                    figures: figures
                )
            ]
        }
        if squad.size > maximum {
            return [
                context.finding(
                    .squadTooLarge, about: squad,
                    text: """
                        \(squad.size) members; beyond \(maximum) a squad formalises and needs coordination — \
                        split it or release \(squad.size - max(maximum, 0))
                        """,
                    figures: figures
                )
            ]
        }
        return []
    }
}

extension Finding.Code {
    /// A squad has fewer members than ``ValidationPolicy/Thresholds-swift.struct/minimumSquadSize``.
    public static let squadTooSmall: Self = "squad.size.tooSmall"
    /// A squad has more members than ``ValidationPolicy/Thresholds-swift.struct/maximumSquadSize``.
    public static let squadTooLarge: Self = "squad.size.tooLarge"
}
