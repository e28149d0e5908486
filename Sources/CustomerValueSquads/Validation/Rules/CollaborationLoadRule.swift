/// Each collaboration takes a share of a squad's attention: it runs at most as many at once as the policy
/// allows, 2 by default.
///
/// Code: ``Finding/Code/squadInteractionTooManyCollaborations`` (a warning) when more collaborations run on the judging day
/// than ``ValidationPolicy/Thresholds-swift.struct/maximumCollaborations``.
public struct CollaborationLoadRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadInteractionTooManyCollaborations] }

    /// Counts the squad's collaborations running on the judging day.
    ///
    /// - Complexity: O(*n*) in the squad's interactions.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let day = context.judgingDay
        let running = squad.interactions.filter { $0.mode == .collaboration && $0.isActive(on: day) }
        let maximum = context.thresholds.maximumCollaborations
        guard running.count > maximum else { return [] }
        return [
            context.finding(
                .squadInteractionTooManyCollaborations, about: squad, severity: .warning,
                text: """
                    the squad collaborates with \(running.count) teams at once \
                    (\(running.map(\.counterpart.description).joined(separator: ", "))); at most \(maximum) \
                    keep its attention on its mission
                    """,
                figures: ["collaborations": Double(running.count), "maximum": Double(maximum)]
            )
        ]
    }
}

extension Finding.Code {
    /// A squad runs more collaborations at once than the policy allows.
    public static let squadInteractionTooManyCollaborations: Self = "squad.interaction.tooManyCollaborations"
    /// The former name of ``squadInteractionTooManyCollaborations``.
    @available(*, deprecated, renamed: "squadInteractionTooManyCollaborations")
    public static let tooManyCollaborations: Self = .squadInteractionTooManyCollaborations
}
