extension Finding.Code {
    /// A squad has fewer members than ``ValidationPolicy/Thresholds-swift.struct/minimumSquadSize``.
    public static let squadTooSmall: Self = "squad.size.tooSmall"
    /// A squad has more members than ``ValidationPolicy/Thresholds-swift.struct/maximumSquadSize``.
    public static let squadTooLarge: Self = "squad.size.tooLarge"
    /// All of a squad's members come from one department: it is a department sub-team.
    public static let singleSilo: Self = "squad.crossFunctional.singleSilo"
    /// A squad's members come from fewer departments than the policy asks.
    public static let tooFewDepartments: Self = "squad.crossFunctional.tooFewDepartments"
    /// A squad's members bring fewer distinct skills than the policy asks.
    public static let tooFewSkills: Self = "squad.crossFunctional.tooFewSkills"
    /// A squad's mission names no area of value.
    public static let missionWithoutValueArea: Self = "squad.mission.noValueArea"
    /// A squad's mission names no customer.
    public static let missionWithoutCustomer: Self = "squad.mission.noCustomer"
    /// A squad's mission does not say how it serves the organisation's goal.
    public static let missionNotServingGoal: Self = "squad.mission.notServingGoal"
    /// The organisation has no shared goal for its squads to point at.
    public static let organizationWithoutGoal: Self = "organization.goal.missing"
    /// A squad holds no decision rights: it must ask the bosses before acting.
    public static let noDecisionRights: Self = "squad.empowerment.noDecisionRights"
    /// A squad answers for no outcome.
    public static let noOutcomes: Self = "squad.accountability.noOutcomes"
    /// An outcome lacks a baseline or a target, so progress cannot be measured.
    public static let outcomeNotMeasurable: Self = "squad.accountability.outcomeNotMeasurable"
    /// No one owns a squad's accountability.
    public static let noAccountabilityOwner: Self = "squad.accountability.noOwner"
    /// A squad's outcomes have no review rhythm.
    public static let noReviewRhythm: Self = "squad.accountability.noReviewRhythm"
    /// A data asset the mission needs is not reachable through a grant.
    public static let dataUnreachable: Self = "squad.data.unreachable"
    /// A squad has no break-fix cycle.
    public static let noBreakFixCycle: Self = "squad.cycle.missing"
    /// A squad's break-fix cycle is longer than the policy allows.
    public static let breakFixCycleTooLong: Self = "squad.cycle.tooLong"
    /// The people piece is missing: the members do not form a network across departments.
    public static let noPeoplePiece: Self = "squad.pieces.noPeople"
    /// The method piece is missing: the squad has no agile rhythm of cycles.
    public static let noMethodPiece: Self = "squad.pieces.noMethod"
    /// The brain piece is missing: no member does analytics and no grant reaches analytical data.
    public static let noBrainPiece: Self = "squad.pieces.noBrain"
    /// A skill the mission needs is brought by no member.
    public static let skillGap: Self = "squad.skills.gap"
    /// A specialist's squads together take more of their time than the policy allows.
    public static let stretchedThin: Self = "specialist.stretchedThin"
    /// A squad holds a grant to data its mission does not need.
    public static let unneededGrant: Self = "squad.grant.notNeeded"
    /// A squad still holds a grant that has expired.
    public static let expiredGrant: Self = "squad.grant.expired"
    /// A department has no head.
    public static let departmentWithoutHead: Self = "department.noHead"
    /// A squad's break-fix cycles failed more than its accountability tolerates, or failed large.
    public static let failuresOverTolerance: Self = "squad.cycles.overTolerance"
}

/// A squad has 6 to 10 members by default: below that it is not yet a squad, above it the group starts to
/// formalise and needs coordination.
///
/// Codes: ``Finding/Code/squadTooSmall``, ``Finding/Code/squadTooLarge`` — errors, or warnings while forming.
public struct SquadSizeRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadTooSmall, .squadTooLarge] }

    /// Checks the squad's size against the thresholds.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let (minimum, maximum) = (context.thresholds.minimumSquadSize, context.thresholds.maximumSquadSize)
        guard squad.size < minimum || squad.size > maximum else { return [] }
        let figures = ["size": Double(squad.size), "minimum": Double(minimum), "maximum": Double(maximum)]
        if squad.size < minimum {
            return [
                Finding(
                    context.severity(for: squad),
                    .squadTooSmall,
                    subject: .squad(squad.id),
                    message: "\(squad.size) members; a squad needs \(minimum) to \(maximum) — assign "
                        + "\(minimum - squad.size) more",
                    figures: figures
                )
            ]
        }
        if squad.size > maximum {
            return [
                Finding(
                    context.severity(for: squad),
                    .squadTooLarge,
                    subject: .squad(squad.id),
                    message: "\(squad.size) members; beyond \(maximum) a squad formalises and needs coordination — "
                        + "split it or release \(squad.size - maximum)",
                    figures: figures
                )
            ]
        }
        return []
    }
}

/// A squad draws its members from several departments (3 by default) and brings several distinct skills
/// (3 by default); a squad from one silo is a department sub-team.
///
/// Codes: ``Finding/Code/singleSilo``, ``Finding/Code/tooFewDepartments``, ``Finding/Code/tooFewSkills`` —
/// errors, or warnings while forming.
public struct CrossFunctionalRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.singleSilo, .tooFewDepartments, .tooFewSkills] }

    /// Checks how many departments and skills the squad's members bring.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.size > 0 else { return [] }
        var findings: [Finding] = []
        let departments = context.departments(of: squad)
        let minimum = context.thresholds.minimumDepartments
        let figures = ["departments": Double(departments.count), "minimum": Double(minimum)]
        if departments.count == 1, minimum > 1, let only = departments.first {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .singleSilo,
                    subject: .squad(squad.id),
                    message: "every member comes from \(only): this is a department sub-team, not a squad — "
                        + "draw members from at least \(minimum) departments",
                    figures: figures
                )
            )
        } else if departments.count < minimum {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .tooFewDepartments,
                    subject: .squad(squad.id),
                    message: "members come from \(departments.count) departments "
                        + "(\(departments.sorted().map(\.rawValue).joined(separator: ", "))); at least \(minimum) expected",
                    figures: figures
                )
            )
        }
        let minimumSkills = context.thresholds.minimumDistinctSkills
        var skills: Set<Skill> = []
        for specialist in context.members(of: squad) where skills.count < minimumSkills {
            skills.formUnion(specialist.skills.keys)
        }
        if skills.count < minimumSkills {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .tooFewSkills,
                    subject: .squad(squad.id),
                    message: "members bring \(skills.count) distinct skills; at least \(minimumSkills) expected",
                    figures: ["skills": Double(skills.count), "minimum": Double(minimumSkills)]
                )
            )
        }
        return findings
    }
}

/// A squad's mission names an area of value and a customer, and says how it serves the organisation's
/// shared goal; the organisation has such a goal.
///
/// Codes: ``Finding/Code/missionWithoutValueArea`` and ``Finding/Code/missionWithoutCustomer`` (errors, or
/// warnings while forming), ``Finding/Code/missionNotServingGoal`` and
/// ``Finding/Code/organizationWithoutGoal`` (warnings).
public struct CustomerCentredMissionRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] {
        [.missionWithoutValueArea, .missionWithoutCustomer, .missionNotServingGoal, .organizationWithoutGoal]
    }

    /// Checks the squad's mission.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let mission = squad.mission
        if mission.valueArea == nil {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .missionWithoutValueArea,
                    subject: .squad(squad.id),
                    message: "the mission names no area of value — a region, an account, a product service, ..."
                )
            )
        }
        if mission.customer.allSatisfy(\.isWhitespace) {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .missionWithoutCustomer,
                    subject: .squad(squad.id),
                    message: "the mission names no customer; whatever its area, it must centre on the customer"
                )
            )
        }
        if mission.goalContribution.allSatisfy(\.isWhitespace) {
            findings.append(
                Finding(
                    .warning,
                    .missionNotServingGoal,
                    subject: .squad(squad.id),
                    message: "the mission does not say how it serves the organisation's shared goal"
                )
            )
        }
        return findings
    }

    /// Checks that the organisation has a shared goal.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        guard organization.goal.allSatisfy(\.isWhitespace) else { return [] }
        return [
            Finding(
                .warning,
                .organizationWithoutGoal,
                subject: .organization,
                message: "the organisation has no shared goal; small failures pay off only when everyone points at one"
            )
        ]
    }
}

/// A squad holds at least one decision right it may use without asking the department bosses.
///
/// Code: ``Finding/Code/noDecisionRights`` — an error, or a warning while forming.
public struct EmpowermentRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.noDecisionRights] }

    /// Checks that the squad holds a decision right.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.decisionRights.isEmpty else { return [] }
        return [
            Finding(
                context.severity(for: squad),
                .noDecisionRights,
                subject: .squad(squad.id),
                message: "the squad holds no decision rights and must escalate every decision; delegate at least one"
            )
        ]
    }
}

/// A squad answers for at least one measurable outcome (with a baseline and a target), has an owner, and
/// reviews its outcomes on a rhythm.
///
/// Codes: ``Finding/Code/noOutcomes``, ``Finding/Code/outcomeNotMeasurable``,
/// ``Finding/Code/noAccountabilityOwner`` (errors, or warnings while forming); ``Finding/Code/noReviewRhythm``
/// (a warning).
public struct AccountabilityRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.noOutcomes, .outcomeNotMeasurable, .noAccountabilityOwner, .noReviewRhythm] }

    /// Checks the squad's accountability.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let accountability = squad.accountability
        let severity = context.severity(for: squad)
        if accountability.outcomes.isEmpty {
            findings.append(
                Finding(
                    severity,
                    .noOutcomes,
                    subject: .squad(squad.id),
                    message: "the squad answers for no outcome; set at least one with a baseline and a target"
                )
            )
        }
        for outcome in accountability.outcomes where !outcome.isMeasurable {
            let missing = [outcome.baseline == nil ? "baseline" : nil, outcome.target == nil ? "target" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            findings.append(
                Finding(
                    severity,
                    .outcomeNotMeasurable,
                    subject: .outcome(squad: squad.id, outcome: outcome.id),
                    message: "\(outcome.metric) has no \(missing), so progress cannot be measured"
                )
            )
        }
        if accountability.owner == nil {
            findings.append(
                Finding(
                    severity,
                    .noAccountabilityOwner,
                    subject: .squad(squad.id),
                    message: "no one owns the squad's results; name an owner"
                )
            )
        }
        if accountability.reviewCadence == nil {
            findings.append(
                Finding(
                    .warning,
                    .noReviewRhythm,
                    subject: .squad(squad.id),
                    message: "the outcomes have no review rhythm; set a review cadence"
                )
            )
        }
        return findings
    }
}

/// Every data asset a squad's mission needs is reachable through a grant: the squad can pull information
/// out of the silos into its own well.
///
/// Code: ``Finding/Code/dataUnreachable`` — an error, or a warning while forming; one finding per asset.
public struct DataReachRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.dataUnreachable] }

    /// Checks that each needed asset has a grant.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        // The same rule as Organization.canReach, for a squad that is not dissolved and is at hand.
        squad.mission.requiredData.filter { !(squad.grants[$0]?.isLive(on: context.day) ?? false) }.sorted().map {
            asset in
            let holder = context.organization.holder(of: asset).map { " held by \($0)" } ?? ""
            let why = squad.grants[asset] == nil ? "holds no grant to it" : "holds only an expired grant to it"
            return Finding(
                context.severity(for: squad),
                .dataUnreachable,
                subject: .squad(squad.id),
                message: "the mission needs \(asset)\(holder), but the squad \(why)"
            )
        }
    }
}

/// A squad works in short break-fix cycles: it has a cycle length, at most 14 days by default.
///
/// Codes: ``Finding/Code/noBreakFixCycle``, ``Finding/Code/breakFixCycleTooLong`` — errors, or warnings while
/// forming.
public struct BreakFixCycleRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.noBreakFixCycle, .breakFixCycleTooLong] }

    /// Checks the squad's cycle length.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumCycleDays
        guard let cycle = squad.cycleLength else {
            return [
                Finding(
                    context.severity(for: squad),
                    .noBreakFixCycle,
                    subject: .squad(squad.id),
                    message: "the squad has no break-fix cycle; set one of at most \(maximum) days"
                )
            ]
        }
        guard cycle.days > maximum else { return [] }
        return [
            Finding(
                context.severity(for: squad),
                .breakFixCycleTooLong,
                subject: .squad(squad.id),
                message: "break-fix cycles of \(cycle) are too slow to learn from; at most \(maximum) days expected",
                figures: ["days": Double(cycle.days), "maximum": Double(maximum)]
            )
        ]
    }
}

/// A squad has its three basic pieces: *people* (a network across at least two departments), *method* (an
/// agile rhythm of break-fix cycles) and *brain* (a member with an analytics skill, or a grant to analytical
/// data).
///
/// Codes: ``Finding/Code/noPeoplePiece`` and ``Finding/Code/noMethodPiece`` (warnings; the cross-functional
/// and cycle rules judge them in detail), ``Finding/Code/noBrainPiece`` (an error, or a warning while forming).
public struct ThreePiecesRule: ValidationRule {
    /// The skills that count as analytics for the brain piece.
    public var analyticsSkills: Set<Skill>

    /// Creates the rule.
    ///
    /// - Parameter analyticsSkills: The skills that count as analytics; `[.analytics]` by default.
    public init(analyticsSkills: Set<Skill> = [.analytics]) {
        self.analyticsSkills = analyticsSkills
    }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.noPeoplePiece, .noMethodPiece, .noBrainPiece] }

    /// Checks the squad's three pieces, judged as ``Organization/readiness(of:analyticsSkills:on:)`` judges
    /// them.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        let departments = context.departments(of: squad)
        if departments.count < 2 {
            findings.append(
                Finding(
                    .warning,
                    .noPeoplePiece,
                    subject: .squad(squad.id),
                    message: "people: the members do not yet form a network across departments (members come from "
                        + "\(departments.count) department\(departments.count == 1 ? "" : "s"))"
                )
            )
        }
        if squad.cycleLength == nil {
            findings.append(
                Finding(
                    .warning,
                    .noMethodPiece,
                    subject: .squad(squad.id),
                    message: "method: the squad has no agile rhythm of break-fix cycles"
                )
            )
        }
        let members = context.members(of: squad)
        if !context.organization.hasBrain(squad, members: members, analyticsSkills: analyticsSkills, on: context.day) {
            findings.append(
                Finding(
                    context.severity(for: squad),
                    .noBrainPiece,
                    subject: .squad(squad.id),
                    message: "brain: no member does analytics and no grant reaches analytical data"
                )
            )
        }
        return findings
    }
}

/// Every skill a squad's mission needs is brought by at least one member. Gaps show up once a squad
/// operates; there is no checklist, so they are warnings.
///
/// Code: ``Finding/Code/skillGap`` — a warning per missing skill.
public struct SkillGapRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.skillGap] }

    /// Checks the mission's skills against the members'.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let members = context.members(of: squad)
        var missing: [Skill] = []
        for skill in squad.mission.requiredSkills where !members.contains(where: { $0.skills[skill] != nil }) {
            missing.append(skill)
        }
        return missing.sorted().map { skill in
            Finding(
                .warning,
                .skillGap,
                subject: .squad(squad.id),
                message: "the mission needs \(String(reflecting: skill.rawValue)) but no member brings it"
            )
        }
    }
}

/// No specialist gives all squads together more than 80 % of their time by default, since they keep
/// home-department duties.
///
/// Code: ``Finding/Code/stretchedThin`` — a warning per specialist.
public struct StretchedThinRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.stretchedThin] }

    /// Checks every specialist's total booking.
    ///
    /// - Complexity: O(*b*), where *b* is the number of specialists booked in any squad.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumBookedPercent
        var findings: [Finding] = []
        // Only specialists who serve in a squad are booked at all, and the organisation keeps their totals.
        for (specialist, booked) in organization.bookedPercentOf where booked > maximum {
            findings.append(
                Finding(
                    .warning,
                    .stretchedThin,
                    subject: .specialist(specialist),
                    message: "squads take \(booked)% of \(specialist)'s time, leaving too little for their home "
                        + "department; at most \(maximum)% expected",
                    figures: ["booked": Double(booked), "maximum": Double(maximum)]
                )
            )
        }
        return findings
    }
}

/// A squad holds grants only to data its mission needs, and no expired grant lingers: the silos open their
/// data for a reason and for a time.
///
/// Codes: ``Finding/Code/unneededGrant`` and ``Finding/Code/expiredGrant`` — a warning per grant.
public struct LeastPrivilegeRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.unneededGrant, .expiredGrant] }

    /// Checks each grant against the mission's needs and the validation day.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let suspect = squad.grants.contains { asset, grant in
            !squad.mission.requiredData.contains(asset) || !grant.isLive(on: context.day)
        }
        guard suspect else { return [] }
        var findings: [Finding] = []
        for (asset, grant) in squad.grants.sorted(by: { $0.key < $1.key }) {
            if !squad.mission.requiredData.contains(asset) {
                findings.append(
                    Finding(
                        .warning,
                        .unneededGrant,
                        subject: .grant(squad: squad.id, asset: asset),
                        message: "the squad holds a grant to \(asset), which its mission does not need; revoke it or "
                            + "add it to the mission"
                    )
                )
            }
            if !grant.isLive(on: context.day) {
                let when = grant.expires.map { " on \($0)" } ?? ""
                findings.append(
                    Finding(
                        .warning,
                        .expiredGrant,
                        subject: .grant(squad: squad.id, asset: asset),
                        message: "the grant to \(asset) expired\(when) and gives no access; revoke or renew it"
                    )
                )
            }
        }
        return findings
    }
}

/// Every department has a head: the silo's vertical line ends in a person.
///
/// Code: ``Finding/Code/departmentWithoutHead`` — a warning per department.
public struct DepartmentHeadRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.departmentWithoutHead] }

    /// Checks every department for a head.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        organization.departmentsByID.values.filter { $0.head == nil }.map { department in
            Finding(
                .warning,
                .departmentWithoutHead,
                subject: .department(department.id),
                message: "\(department.name) has no head; appoint one"
            )
        }
    }
}

/// A squad's break-fix cycles stay within the small failures its accountability tolerates, and none failed
/// large. The company must tolerate small failures while it learns; beyond the tolerance, or after a large
/// failure, the approach needs a look.
///
/// Code: ``Finding/Code/failuresOverTolerance`` — a warning.
public struct FailureToleranceRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.failuresOverTolerance] }

    /// Checks the squad's failures against its tolerance.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard !squad.isWithinFailureTolerance else { return [] }
        let tolerated = squad.accountability.toleratedSmallFailures
        return [
            Finding(
                .warning,
                .failuresOverTolerance,
                subject: .squad(squad.id),
                message: "\(squad.smallFailureCount) small and \(squad.largeFailureCount) large failures in "
                    + "\(squad.cycles.count) cycles; \(tolerated) small failures are tolerated — look at what the "
                    + "cycles teach before going on",
                figures: [
                    "smallFailures": Double(squad.smallFailureCount), "largeFailures": Double(squad.largeFailureCount),
                    "tolerated": Double(tolerated),
                ]
            )
        ]
    }
}
