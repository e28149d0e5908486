/// A squad without decision rights whose members meet only at the top of the company sends every decision all
/// the way up and back down: the article's surgeon who must ask the boss before acting.
///
/// Code: ``Finding/Code/squadEmpowermentEscalatesToTop`` — a warning per squad of at least two members that
/// holds no decision rights and whose members' lowest common manager reports to no one, or who meet in no one
/// (see ``DecisionDistance``). Organisations without reporting lines get no finding: there is nothing to climb
/// yet. The rule is not in the default policy; add it with `.default.adding(EscalationRule())`.
public struct EscalationRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``. The squad check reads the lines above the
    /// squad's members, so a change of a manager re-checks the squads of everyone below the person who moved.
    public var scope: ValidationScope { [.squad, .reportingLines] }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadEmpowermentEscalatesToTop] }

    /// Reports the squad if its decisions would climb to the top.
    ///
    /// - Complexity: O(*m* × *h*), as ``Organization/decisionDistance(of:)``.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let organization = context.organization
        guard squad.decisionRights.isEmpty, squad.size >= 2, organization.hasReportingLines else { return [] }
        let distance = organization.decisionDistance(of: squad)
        guard distance.meetsAtTop else { return [] }
        let meeting = distance.meetingPoint.map { "at \($0), the top of the company" } ?? "only above everyone"
        return [
            Finding(
                .warning, .squadEmpowermentEscalatesToTop, subject: .squad(distance.squad),
                text: """
                    the members of \(distance.squad) meet \(meeting), and the squad holds no decision rights: each \
                    decision climbs \(distance.climb) layers and comes back down; delegate the decisions it makes \
                    every day
                    """,
                figures: ["climb": Double(distance.climb), "distance": Double(distance.distance)])
        ]
    }
}

extension Finding.Code {
    /// A squad without decision rights whose members meet only at the top of the company (``EscalationRule``, not
    /// in the default policy).
    public static let squadEmpowermentEscalatesToTop: Self = "squad.empowerment.escalatesToTop"
}
