/// A squad blocked by a department needs live grants to the data it needs from it, or it waits on the silo.
///
/// Code: ``Finding/Code/squadInteractionBlockedWithoutGrant`` (an error, or a warning while forming) for each blocking
/// interaction with a department, not ended on the judging day, that needs data the squad holds no live grant
/// to.
public struct BlockingDependencyRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadInteractionBlockedWithoutGrant] }

    /// Checks the squad's blocking dependencies on departments.
    ///
    /// - Complexity: O(*n* + *k*) in the squad's interactions and the data they need.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let day = context.judgingDay
        return squad.interactions.compactMap { interaction -> Finding? in
            guard interaction.isBlocking, case .department(let department) = interaction.counterpart,
                interaction.expectedEnd.map({ day <= $0 }) ?? true
            else { return nil }
            let missing = interaction.dataNeeded.filter { !(squad.grants[$0]?.isLive(on: day) ?? false) }.sorted()
            guard !missing.isEmpty else { return nil }
            return context.finding(
                .squadInteractionBlockedWithoutGrant, about: squad,
                text: """
                    the squad is blocked by department \(department) (\(interaction.id)) but holds no live grant \
                    to \(missing.map(\.rawValue).joined(separator: ", ")); grant it or the squad waits on the silo
                    """,
                figures: ["missingGrants": Double(missing.count)]
            )
        }
    }
}

extension Finding.Code {
    /// A squad depends on a department for data it holds no live grant to.
    public static let squadInteractionBlockedWithoutGrant: Self = "squad.interaction.blockedWithoutGrant"
    /// The former name of ``squadInteractionBlockedWithoutGrant``.
    @available(*, deprecated, renamed: "squadInteractionBlockedWithoutGrant")
    public static let blockedWithoutGrant: Self = .squadInteractionBlockedWithoutGrant
}
