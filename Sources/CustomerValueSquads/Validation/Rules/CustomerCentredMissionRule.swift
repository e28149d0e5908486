/// A squad's mission says what it is for, names an area of value and a customer, and says how it serves the organisation's
/// shared goal; the organisation has such a goal.
///
/// Codes: ``Finding/Code/squadMissionNoStatement``, ``Finding/Code/squadMissionNoValueArea`` and
/// ``Finding/Code/squadMissionNoCustomer`` (errors, or
/// warnings while forming), ``Finding/Code/squadMissionNotServingGoal`` and
/// ``Finding/Code/organizationGoalMissing`` (warnings).
public struct CustomerCentredMissionRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { [.squad, .organization] }

    /// The codes this rule may report.
    public var codes: [Finding.Code] {
        [
            .squadMissionNoStatement, .squadMissionNoValueArea, .squadMissionNoCustomer, .squadMissionNotServingGoal,
            .organizationGoalMissing,
        ]
    }

    /// Checks the squad's mission.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let mission = squad.mission
        if Organization.isBlank(mission.statement) {
            findings.append(
                context.finding(
                    .squadMissionNoStatement, about: squad,
                    text: "the mission has no statement; say in a sentence what the squad is for"
                )
            )
        }
        if mission.valueArea == nil {
            findings.append(
                context.finding(
                    .squadMissionNoValueArea, about: squad,
                    text: "the mission names no area of value — a region, an account, a product service, ..."
                )
            )
        }
        if Organization.isBlank(mission.customer) {
            findings.append(
                context.finding(
                    .squadMissionNoCustomer, about: squad,
                    text: "the mission names no customer; whatever its area, it must centre on the customer"
                )
            )
        }
        if Organization.isBlank(mission.goalContribution) {
            findings.append(
                context.finding(
                    .squadMissionNotServingGoal, about: squad, severity: .warning,
                    text: "the mission does not say how it serves the organisation's shared goal"
                )
            )
        }
        return findings
    }

    /// Checks that the organisation has a shared goal.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        guard Organization.isBlank(organization.goal) else { return [] }
        return [
            Finding(
                .warning,
                .organizationGoalMissing,
                subject: .organization,
                text: "the organisation has no shared goal; small failures pay off only when everyone points at one"
            )
        ]
    }
}

extension Finding.Code {
    /// A squad's mission has no statement of what the squad is for.
    public static let squadMissionNoStatement: Self = "squad.mission.noStatement"
    /// The former name of ``squadMissionNoStatement``.
    @available(*, deprecated, renamed: "squadMissionNoStatement")
    public static let missionWithoutStatement: Self = .squadMissionNoStatement
    /// A squad's mission names no area of value.
    public static let squadMissionNoValueArea: Self = "squad.mission.noValueArea"
    /// The former name of ``squadMissionNoValueArea``.
    @available(*, deprecated, renamed: "squadMissionNoValueArea")
    public static let missionWithoutValueArea: Self = .squadMissionNoValueArea
    /// A squad's mission names no customer.
    public static let squadMissionNoCustomer: Self = "squad.mission.noCustomer"
    /// The former name of ``squadMissionNoCustomer``.
    @available(*, deprecated, renamed: "squadMissionNoCustomer")
    public static let missionWithoutCustomer: Self = .squadMissionNoCustomer
    /// A squad's mission does not say how it serves the organisation's goal.
    public static let squadMissionNotServingGoal: Self = "squad.mission.notServingGoal"
    /// The former name of ``squadMissionNotServingGoal``.
    @available(*, deprecated, renamed: "squadMissionNotServingGoal")
    public static let missionNotServingGoal: Self = .squadMissionNotServingGoal
    /// The organisation has no shared goal for its squads to point at.
    public static let organizationGoalMissing: Self = "organization.goal.missing"
    /// The former name of ``organizationGoalMissing``.
    @available(*, deprecated, renamed: "organizationGoalMissing")
    public static let organizationWithoutGoal: Self = .organizationGoalMissing
}
