/// A squad has its three basic pieces: *people* (a network across at least two departments), *method* (an
/// agile rhythm of break-fix cycles) and *brain* (a member with an analytics skill, or a grant to analytical
/// data).
///
/// Codes: ``Finding/Code/squadPiecesNoPeople`` and ``Finding/Code/squadPiecesNoMethod`` (warnings; the cross-functional
/// and cycle rules judge them in detail), ``Finding/Code/squadPiecesNoBrain`` (an error, or a warning while forming).
public struct ThreePiecesRule: ScopedValidationRule {
    /// The skills that count as analytics for the brain piece.
    public var analyticsSkills: Set<Skill>

    /// Creates the rule.
    ///
    /// - Parameter analyticsSkills: The skills that count as analytics; `[.analytics]` by default.
    public init(analyticsSkills: Set<Skill> = [.analytics]) {
        self.analyticsSkills = analyticsSkills
    }

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadPiecesNoPeople, .squadPiecesNoMethod, .squadPiecesNoBrain] }

    /// Checks the squad's three pieces, judged as ``Organization/readiness(of:analyticsSkills:on:)`` judges
    /// them.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let departments = context.departmentCount(of: squad)
        if departments.count < 2 {
            findings.append(
                context.finding(
                    .squadPiecesNoPeople, about: squad, severity: .warning,
                    text: """
                        people: the members do not yet form a network across departments (members come from \
                        \(departments.count) department\(departments.count == 1 ? "" : "s"))
                        """
                )
            )
        }
        if squad.cycleLength == nil {
            findings.append(
                context.finding(
                    .squadPiecesNoMethod, about: squad, severity: .warning,
                    text: "method: the squad has no agile rhythm of break-fix cycles"
                )
            )
        }
        if !context.hasBrain(squad, analyticsSkills: analyticsSkills) {
            findings.append(
                context.finding(
                    .squadPiecesNoBrain, about: squad,
                    text: "brain: no member does analytics and no grant reaches analytical data"
                )
            )
        }
        return findings
    }
}

extension Finding.Code {
    /// The people piece is missing: the members do not form a network across departments.
    public static let squadPiecesNoPeople: Self = "squad.pieces.noPeople"
    /// The former name of ``squadPiecesNoPeople``.
    @available(*, deprecated, renamed: "squadPiecesNoPeople")
    public static let noPeoplePiece: Self = .squadPiecesNoPeople
    /// The method piece is missing: the squad has no agile rhythm of cycles.
    public static let squadPiecesNoMethod: Self = "squad.pieces.noMethod"
    /// The former name of ``squadPiecesNoMethod``.
    @available(*, deprecated, renamed: "squadPiecesNoMethod")
    public static let noMethodPiece: Self = .squadPiecesNoMethod
    /// The brain piece is missing: no member does analytics and no grant reaches analytical data.
    public static let squadPiecesNoBrain: Self = "squad.pieces.noBrain"
    /// The former name of ``squadPiecesNoBrain``.
    @available(*, deprecated, renamed: "squadPiecesNoBrain")
    public static let noBrainPiece: Self = .squadPiecesNoBrain
}
