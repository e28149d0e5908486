/// A squad draws its members from several departments (3 by default) and brings several distinct skills
/// (3 by default); a squad from one silo is a department sub-team.
///
/// Codes: ``Finding/Code/singleSilo``, ``Finding/Code/tooFewDepartments``, ``Finding/Code/tooFewSkills`` —
/// errors, or warnings while forming.
public struct CrossFunctionalRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.singleSilo, .tooFewDepartments, .tooFewSkills] }

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
                    .singleSilo, about: squad,
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
                    .tooFewDepartments, about: squad,
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
                    .tooFewSkills, about: squad,
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
    public static let singleSilo: Self = "squad.crossFunctional.singleSilo"
    /// A squad's members come from fewer departments than the policy asks.
    public static let tooFewDepartments: Self = "squad.crossFunctional.tooFewDepartments"
    /// A squad's members bring fewer distinct skills than the policy asks.
    public static let tooFewSkills: Self = "squad.crossFunctional.tooFewSkills"
}
