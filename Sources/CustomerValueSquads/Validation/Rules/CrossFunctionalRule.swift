/// A squad draws its members from several departments (3 by default) and brings several distinct skills
/// (3 by default); a squad from one silo is a department sub-team.
///
/// Codes: ``Finding/Code/squadCrossFunctionalSingleSilo``, ``Finding/Code/squadCrossFunctionalTooFewDepartments``, ``Finding/Code/squadCrossFunctionalTooFewSkills`` —
/// errors, or warnings while forming.
public struct CrossFunctionalRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] {
        [.squadCrossFunctionalSingleSilo, .squadCrossFunctionalTooFewDepartments, .squadCrossFunctionalTooFewSkills]
    }

    /// Checks how many departments and skills the squad's members bring.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.size > 0 else { return [] }
        var findings: [Finding] = []
        let departments = context.departmentCount(of: squad)
        let minimum = context.thresholds.minimumDepartments
        // Built only for a finding: most squads have none.
        var figures: [String: Double] { ["departments": Double(departments.count), "minimum": Double(minimum)] }
        if departments.count == 1, minimum > 1, let only = departments.first {
            findings.append(
                context.finding(
                    .squadCrossFunctionalSingleSilo, about: squad,
                    text: """
                        all \(squad.size) members of \(squad.name) come from \(only): this is a department \
                        sub-team, not a squad — draw members from at least \(minimum) departments
                        """,
                    figures: figures
                )
            )
        } else if departments.count < minimum {
            findings.append(
                context.finding(
                    .squadCrossFunctionalTooFewDepartments, about: squad,
                    text: """
                        members come from \(departments.count) departments \
                        (\(context.departments(of: squad).sorted().map(\.rawValue).joined(separator: ", "))); \
                        at least \(minimum) expected
                        """,
                    figures: figures
                )
            )
        }
        let minimumSkills = context.thresholds.minimumDistinctSkills
        // Distinct skills, counted up to the minimum: a short list compared one by one, not a set.
        var skills: [Skill] = []
        for held in context.memberSkills(of: squad) where skills.count < minimumSkills {
            for skill in held.keys where !skills.contains(skill) { skills.append(skill) }
        }
        if skills.count < minimumSkills {
            findings.append(
                context.finding(
                    .squadCrossFunctionalTooFewSkills, about: squad,
                    text: "members bring \(skills.count) distinct skills; at least \(minimumSkills) expected",
                    figures: ["skills": Double(skills.count), "minimum": Double(minimumSkills)]
                )
            )
        }
        return findings
    }
}

extension Finding.Code {
    /// All of a squad's members come from one department: it is a department sub-team.
    public static let squadCrossFunctionalSingleSilo: Self = "squad.crossFunctional.singleSilo"
    /// The former name of ``squadCrossFunctionalSingleSilo``.
    @available(*, deprecated, renamed: "squadCrossFunctionalSingleSilo")
    public static let singleSilo: Self = .squadCrossFunctionalSingleSilo
    /// A squad's members come from fewer departments than the policy asks.
    public static let squadCrossFunctionalTooFewDepartments: Self = "squad.crossFunctional.tooFewDepartments"
    /// The former name of ``squadCrossFunctionalTooFewDepartments``.
    @available(*, deprecated, renamed: "squadCrossFunctionalTooFewDepartments")
    public static let tooFewDepartments: Self = .squadCrossFunctionalTooFewDepartments
    /// A squad's members bring fewer distinct skills than the policy asks.
    public static let squadCrossFunctionalTooFewSkills: Self = "squad.crossFunctional.tooFewSkills"
    /// The former name of ``squadCrossFunctionalTooFewSkills``.
    @available(*, deprecated, renamed: "squadCrossFunctionalTooFewSkills")
    public static let tooFewSkills: Self = .squadCrossFunctionalTooFewSkills
}
