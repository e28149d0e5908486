/// A policy check: a small value that looks at an organisation and returns findings instead of throwing.
///
/// Implement `check(_:in:)` taking a ``CustomerValueSquad`` for a judgement about each squad (dissolved squads
/// are not checked), `check(_:in:)` taking an ``Organization`` for one about the organisation as a whole, or
/// both. Rules
/// you write work exactly like the built-in ones: add them to a ``ValidationPolicy``.
///
/// ```swift
/// struct EverySquadHasALead: ValidationRule {
///     var codes: [Finding.Code] { ["acme.squad.noLead"] }
///     func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
///         guard !squad.memberships.values.contains(where: { $0.role == "squad lead" }) else { return [] }
///         return [Finding(context.severity(for: squad), "acme.squad.noLead", subject: .squad(squad.id),
///                         message: "\(squad.id) has no squad lead")]
///     }
/// }
/// ```
public protocol ValidationRule: Sendable {
    /// The codes this rule may report, for documentation and for turning them off.
    var codes: [Finding.Code] { get }

    /// The findings about one squad that is not dissolved.
    ///
    /// The default implementation returns none.
    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding]

    /// The findings about the organisation as a whole: its departments, specialists, goal.
    ///
    /// The default implementation returns none.
    func check(_ organization: Organization, in context: ValidationContext) -> [Finding]
}

extension ValidationRule {
    /// Returns no findings.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] { [] }

    /// Returns no findings.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] { [] }
}

/// What a rule may consult: the organisation being validated, the policy's thresholds and the day.
///
/// While one squad is being checked, the context also holds its members' skills and departments, looked up once
/// and shared by every rule that asks.
public struct ValidationContext: Sendable {
    /// The organisation being validated.
    public let organization: Organization
    /// The thresholds of the policy in force.
    public let thresholds: ValidationPolicy.Thresholds
    /// The day validation judges on: grants must be live on it. With none, grants are judged on ``Day/today``.
    public let day: Day?
    /// The day validation judges on: ``day``, or ``Day/today`` when there is none, read from the clock once for
    /// the whole validation.
    public let judgingDay: Day

    private var facts: SquadFacts?

    private struct SquadFacts: Sendable {
        var squad: CustomerValueSquad.ID
        /// The members' skills, in no particular order: read from the table in place, without copying the rest
        /// of each specialist (their names and titles live elsewhere in memory and are not needed here).
        var skills: [[Skill: Proficiency]]
        /// The members' departments, each once, in the order of the members.
        var departments: [Department.ID]
    }

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - organization: The organisation being validated.
    ///   - thresholds: The thresholds of the policy in force.
    ///   - day: The day to judge on; `nil` by default.
    public init(organization: Organization, thresholds: ValidationPolicy.Thresholds, day: Day? = nil) {
        self.organization = organization
        self.thresholds = thresholds
        self.day = day
        self.judgingDay = day ?? .today
    }

    /// Creates a context that judges on a day already read, for a validation that lasts longer than one call.
    init(organization: Organization, thresholds: ValidationPolicy.Thresholds, day: Day?, judgingDay: Day) {
        self.organization = organization
        self.thresholds = thresholds
        self.day = day
        self.judgingDay = judgingDay
    }

    /// Whether the context knows the members of the squad `id` already.
    func isFocused(on id: CustomerValueSquad.ID) -> Bool { facts?.squad == id }

    /// Makes the context know `squad`'s members' skills and departments, so rules share one look at them.
    mutating func focus(on squad: CustomerValueSquad) {
        let table = organization.specialistsByID
        var skills: [[Skill: Proficiency]] = []
        skills.reserveCapacity(squad.memberships.count)
        // A squad has a handful of departments: they are told apart by comparing, not hashing.
        var departments: [Department.ID] = []
        departments.reserveCapacity(squad.memberships.count)
        for member in squad.memberships.keys {
            guard let specialist = table[member] else { continue }
            skills.append(specialist.skills)
            let department = specialist.department
            if !departments.contains(department) { departments.append(department) }
        }
        facts = SquadFacts(squad: squad.id, skills: skills, departments: departments)
    }

    /// The specialists who are members of `squad`, in no particular order.
    ///
    /// - Complexity: O(*m*), where *m* is the squad's size.
    public func members(of squad: CustomerValueSquad) -> [Specialist] {
        Self.members(of: squad, in: organization)
    }

    private static func members(of squad: CustomerValueSquad, in organization: Organization) -> [Specialist] {
        var members: [Specialist] = []
        members.reserveCapacity(squad.memberships.count)
        for member in squad.memberships.keys {
            if let specialist = organization.specialistsByID[member] { members.append(specialist) }
        }
        return members
    }

    /// The skills of each of `squad`'s members, in no particular order.
    ///
    /// - Complexity: O(1) for the squad being checked, O(*m*) otherwise, where *m* is the squad's size.
    func memberSkills(of squad: CustomerValueSquad) -> [[Skill: Proficiency]] {
        if let facts, facts.squad == squad.id { return facts.skills }
        let table = organization.specialistsByID
        return squad.memberships.keys.compactMap { table[$0]?.skills }
    }

    /// Whether a skill table holds `skill`: most hold a handful, which are compared one by one rather than hashed.
    static func holds(_ skills: [Skill: Proficiency], _ skill: Skill) -> Bool {
        guard skills.count <= 4 else { return skills[skill] != nil }
        for held in skills.keys where held == skill { return true }
        return false
    }

    /// The severity for a finding that makes `squad` fall short of being a customer value squad: a warning
    /// while it is still forming, an error once it pilots or operates.
    public func severity(for squad: CustomerValueSquad) -> Finding.Severity {
        squad.stage == .forming ? .warning : .error
    }

    /// A finding about `squad`, with the severity that suits its stage unless one is given.
    ///
    /// ```swift
    /// context.finding("acme.squad.noLead", about: squad, message: "\(squad.id) has no squad lead")
    /// ```
    ///
    /// - Parameters:
    ///   - code: The finding's code.
    ///   - squad: The squad it is about.
    ///   - severity: The severity; by default ``severity(for:)`` — a warning while forming, an error after.
    ///   - message: What is wrong, in a sentence a person can act on.
    ///   - figures: The numbers behind the finding; none by default.
    /// - Returns: The finding, with ``Finding/Subject-swift.enum/squad(_:)`` as its subject.
    public func finding(
        _ code: Finding.Code,
        about squad: CustomerValueSquad,
        severity: Finding.Severity? = nil,
        message: String,
        figures: [String: Double] = [:]
    ) -> Finding {
        Finding(
            severity ?? self.severity(for: squad), code, subject: .squad(squad.id), message: message, figures: figures)
    }

    /// The distinct home departments of `squad`'s members.
    ///
    /// - Complexity: O(1) for the squad being checked, O(*m*) otherwise, where *m* is the squad's size.
    public func departments(of squad: CustomerValueSquad) -> Set<Department.ID> {
        if let facts, facts.squad == squad.id { return Set(facts.departments) }
        return Self.departments(of: squad, in: organization)
    }

    /// The number of departments `squad`'s members come from, and the first of them in identifier order.
    func departmentCount(of squad: CustomerValueSquad) -> (count: Int, first: Department.ID?) {
        if let facts, facts.squad == squad.id { return (facts.departments.count, facts.departments.min()) }
        let departments = Self.departments(of: squad, in: organization)
        return (departments.count, departments.min())
    }

    /// The distinct skills `squad`'s members bring.
    ///
    /// - Complexity: O(*k*), where *k* is the number of the members' skills.
    public func skills(of squad: CustomerValueSquad) -> Set<Skill> {
        Self.skills(of: squad, in: organization)
    }

    /// Whether some member of `squad` brings `skill`.
    ///
    /// - Complexity: O(*m*), where *m* is the squad's size.
    public func squad(_ squad: CustomerValueSquad, brings skill: Skill) -> Bool {
        memberSkills(of: squad).contains { Self.holds($0, skill) }
    }

    /// The share of their time every specialist who serves in a squad has booked, in percent.
    ///
    /// Specialists who serve in no squad are not listed. Kept by the organisation as it changes, so reading it
    /// costs nothing.
    ///
    /// - Complexity: O(1).
    public var bookings: [Specialist.ID: Int] { organization.bookedPercentOf }

    /// Whether `squad` has its brain piece: a member with one of `analyticsSkills`, or a grant live on
    /// ``judgingDay`` to analytical data.
    ///
    /// - Complexity: O(*m* + *g*), where *m* is the squad's size and *g* the number of its grants.
    public func hasBrain(_ squad: CustomerValueSquad, analyticsSkills: Set<Skill> = [.analytics]) -> Bool {
        let members = memberSkills(of: squad)
        if analyticsSkills.count == 1, let analytics = analyticsSkills.first {
            if members.contains(where: { Self.holds($0, analytics) }) { return true }
        } else if members.contains(where: { skills in analyticsSkills.contains { Self.holds(skills, $0) } }) {
            return true
        }
        guard squad.stage != .dissolved else { return false }
        return squad.grants.contains { asset, grant in
            grant.isLive(on: judgingDay) && organization.dataAsset(asset)?.kind == .analytical
        }
    }

    private static func departments(of squad: CustomerValueSquad, in organization: Organization) -> Set<Department.ID> {
        var result: Set<Department.ID> = []
        result.reserveCapacity(squad.memberships.count)
        for member in squad.memberships.keys {
            if let department = organization.specialistsByID[member]?.department { result.insert(department) }
        }
        return result
    }

    private static func skills(of squad: CustomerValueSquad, in organization: Organization) -> Set<Skill> {
        var skills: Set<Skill> = []
        for member in squad.memberships.keys {
            if let held = organization.specialistsByID[member]?.skills { skills.formUnion(held.keys) }
        }
        return skills
    }
}

/// Composes validation rules, as in `ValidationPolicy { SquadSizeRule(); MyRule() }`.
///
/// Supports `if`, `if`/`else`, `for` loops and arrays of rules.
@resultBuilder
public enum ValidationRuleBuilder {
    /// Wraps one rule.
    public static func buildExpression(_ rule: any ValidationRule) -> [any ValidationRule] { [rule] }

    /// Passes a list of rules through.
    public static func buildExpression(_ rules: [any ValidationRule]) -> [any ValidationRule] { rules }

    /// Joins the rules of a block.
    public static func buildBlock(_ components: [any ValidationRule]...) -> [any ValidationRule] {
        components.flatMap { $0 }
    }

    /// Supports `if` without `else`.
    public static func buildOptional(_ component: [any ValidationRule]?) -> [any ValidationRule] { component ?? [] }

    /// Supports the first branch of `if`/`else`.
    public static func buildEither(first component: [any ValidationRule]) -> [any ValidationRule] { component }

    /// Supports the second branch of `if`/`else`.
    public static func buildEither(second component: [any ValidationRule]) -> [any ValidationRule] { component }

    /// Supports `for` loops.
    public static func buildArray(_ components: [[any ValidationRule]]) -> [any ValidationRule] {
        components.flatMap { $0 }
    }
}
