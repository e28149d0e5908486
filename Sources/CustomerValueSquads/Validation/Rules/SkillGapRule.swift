/// Every skill a squad's mission needs is brought by at least one member. Gaps show up once a squad
/// operates; there is no checklist, so they are warnings.
///
/// Code: ``Finding/Code/squadSkillsGap`` — a warning per missing skill.
public struct SkillGapRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadSkillsGap] }

    /// Checks the mission's skills against the members'.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let members = context.memberSkills(of: squad)
        var missing: [Skill] = []
        for skill in squad.mission.requiredSkills {
            guard !members.contains(where: { ValidationContext.holds($0, skill) }) else { continue }
            missing.append(skill)
        }
        return missing.sorted().map { skill in
            context.finding(
                .squadSkillsGap, about: squad, severity: .warning,
                text: "the mission needs \(String(reflecting: skill.rawValue)) but no member brings it"
            )
        }
    }
}

extension Finding.Code {
    /// A skill the mission needs is brought by no member.
    public static let squadSkillsGap: Self = "squad.skills.gap"
    /// The former name of ``squadSkillsGap``.
    @available(*, deprecated, renamed: "squadSkillsGap")
    public static let skillGap: Self = .squadSkillsGap
}
