/// A collaboration between a squad and another team is costly and meant to end: it needs an expected end.
///
/// Code: ``Finding/Code/squadInteractionOpenEndedCollaboration`` (a warning) for each collaboration without one.
public struct OpenEndedCollaborationRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadInteractionOpenEndedCollaboration] }

    /// Checks the squad's collaborations.
    ///
    /// - Complexity: O(*n*) in the squad's interactions.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        squad.interactions.filter { $0.mode == .collaboration && $0.isOpenEnded }.map { interaction in
            context.finding(
                .squadInteractionOpenEndedCollaboration, about: squad, severity: .warning,
                text: """
                    the collaboration \(interaction.id) with \(interaction.counterpart) has no expected end; \
                    collaborations should end in a service or in independence — set when
                    """
            )
        }
    }
}

extension Finding.Code {
    /// A squad's collaboration with another team has no expected end.
    public static let squadInteractionOpenEndedCollaboration: Self = "squad.interaction.openEndedCollaboration"
    /// The former name of ``squadInteractionOpenEndedCollaboration``.
    @available(*, deprecated, renamed: "squadInteractionOpenEndedCollaboration")
    public static let openEndedCollaboration: Self = .squadInteractionOpenEndedCollaboration
}
