/// A squad holds at least one decision right it may use without asking the department bosses.
///
/// Code: ``Finding/Code/squadEmpowermentNoDecisionRights`` — an error, or a warning while forming.
public struct EmpowermentRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadEmpowermentNoDecisionRights] }

    /// Checks that the squad holds a decision right.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.decisionRights.isEmpty else { return [] }
        return [
            context.finding(
                .squadEmpowermentNoDecisionRights, about: squad,
                text: "the squad holds no decision rights and must escalate every decision; delegate at least one"
            )
        ]
    }
}

extension Finding.Code {
    /// A squad holds no decision rights: it must ask the bosses before acting.
    public static let squadEmpowermentNoDecisionRights: Self = "squad.empowerment.noDecisionRights"
    /// The former name of ``squadEmpowermentNoDecisionRights``.
    @available(*, deprecated, renamed: "squadEmpowermentNoDecisionRights")
    public static let noDecisionRights: Self = .squadEmpowermentNoDecisionRights
}
