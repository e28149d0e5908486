/// One part of an organisation written with ``OrganizationBuilder``: a department, a specialist or a squad.
public enum OrganizationPart: Sendable {
    /// A department, with the data assets it holds.
    case department(Department)
    /// A specialist.
    case specialist(Specialist)
    /// A squad.
    case squad(CustomerValueSquad)
}

/// Writes an organisation in a test as a list of its parts, in any order.
///
/// ```swift
/// let shop = try Organization.build(name: "Kopi Kita", goal: "Regulars come back") {
///     Department(id: "ops", name: "Operations", head: "ani")
///     Specialist(id: "ani", name: "Ani", department: "ops", skills: [.analytics: .proficient])
///     for number in 1...3 {
///         Specialist(id: .init(stringLiteral: "barista-\(number)"), name: "Barista \(number)", department: "ops")
///     }
///     CustomerValueSquad.build(id: "loyalty", name: "Loyalty", mission: Mission(statement: "Regulars feel known")) {
///         Member("ani", as: "lead", share: 20)
///         Member("barista-1", as: "barista", share: 40)
///         Right("free-cup", "give a regular a free cup")
///     }
/// }
/// ```
@resultBuilder
public enum OrganizationBuilder {
    /// A department.
    public static func buildExpression(_ department: Department) -> [OrganizationPart] { [.department(department)] }
    /// A specialist.
    public static func buildExpression(_ specialist: Specialist) -> [OrganizationPart] { [.specialist(specialist)] }
    /// A squad.
    public static func buildExpression(_ squad: CustomerValueSquad) -> [OrganizationPart] { [.squad(squad)] }
    /// Several specialists.
    public static func buildExpression(_ specialists: [Specialist]) -> [OrganizationPart] {
        specialists.map(OrganizationPart.specialist)
    }
    /// Joins the parts of a block.
    public static func buildBlock(_ components: [OrganizationPart]...) -> [OrganizationPart] {
        components.flatMap { $0 }
    }
    /// Supports `if` without `else`.
    public static func buildOptional(_ component: [OrganizationPart]?) -> [OrganizationPart] { component ?? [] }
    /// Supports the first branch of `if`/`else`.
    public static func buildEither(first component: [OrganizationPart]) -> [OrganizationPart] { component }
    /// Supports the second branch of `if`/`else`.
    public static func buildEither(second component: [OrganizationPart]) -> [OrganizationPart] { component }
    /// Supports `for` loops.
    public static func buildArray(_ components: [[OrganizationPart]]) -> [OrganizationPart] {
        components.flatMap { $0 }
    }
}

extension Organization {
    /// Builds an organisation from parts written with ``OrganizationBuilder``, checking every invariant.
    ///
    /// - Parameters:
    ///   - name: The organisation's name.
    ///   - goal: The shared goal; empty by default.
    ///   - parts: The departments, specialists and squads, in any order.
    /// - Throws: ``OrganizationError`` naming the first broken invariant.
    public static func build(
        name: String,
        goal: String = "",
        @OrganizationBuilder _ parts: () -> [OrganizationPart]
    ) throws(OrganizationError) -> Organization {
        var departments: [Department] = []
        var specialists: [Specialist] = []
        var squads: [CustomerValueSquad] = []
        for part in parts() {
            switch part {
            case .department(let department): departments.append(department)
            case .specialist(let specialist): specialists.append(specialist)
            case .squad(let squad): squads.append(squad)
            }
        }
        return try Organization(
            name: name,
            goal: goal,
            departments: departments,
            specialists: specialists,
            squads: squads
        )
    }
}

/// A member of a squad written with ``SquadBuilder``: `Member("ani", as: "lead", share: 20)`.
public struct Member: Sendable, Hashable {
    /// The specialist.
    public var specialist: Specialist.ID
    /// Their role and share of time.
    public var membership: Membership

    /// Creates a member.
    public init(_ specialist: Specialist.ID, as role: Role, share: TimeShare) {
        self.specialist = specialist
        self.membership = Membership(role: role, share: share)
    }
}

/// A decision right written with ``SquadBuilder``: `Right("discount", "offer discounts")`.
public struct Right: Sendable, Hashable {
    /// The right's identifier.
    public var id: DecisionRight.ID
    /// The right.
    public var right: DecisionRight

    /// Creates a decision right.
    public init(_ id: DecisionRight.ID, _ scope: String, limit: DecisionRight.Limit? = nil) {
        self.id = id
        self.right = DecisionRight(scope: scope, limit: limit)
    }
}

/// A data-access grant written with ``SquadBuilder``: `Grant("crm", approvedBy: "sinta")`.
public struct Grant: Sendable, Hashable {
    /// The data asset.
    public var asset: DataAsset.ID
    /// The grant.
    public var grant: DataAccessGrant

    /// Creates a grant.
    public init(_ asset: DataAsset.ID, approvedBy: Specialist.ID? = nil, reason: String = "") {
        self.asset = asset
        self.grant = DataAccessGrant(approvedBy: approvedBy, reason: reason)
    }
}

/// One part of a squad written with ``SquadBuilder``.
public enum SquadPart: Sendable {
    /// A member.
    case member(Member)
    /// A delegated decision right.
    case right(Right)
    /// A grant to a data asset.
    case grant(Grant)
    /// A measurable outcome.
    case outcome(Outcome)
}

/// Writes a squad's members, decision rights, grants and outcomes as a list.
@resultBuilder
public enum SquadBuilder {
    /// A member.
    public static func buildExpression(_ member: Member) -> [SquadPart] { [.member(member)] }
    /// A decision right.
    public static func buildExpression(_ right: Right) -> [SquadPart] { [.right(right)] }
    /// A grant.
    public static func buildExpression(_ grant: Grant) -> [SquadPart] { [.grant(grant)] }
    /// An outcome the squad answers for.
    public static func buildExpression(_ outcome: Outcome) -> [SquadPart] { [.outcome(outcome)] }
    /// Joins the parts of a block.
    public static func buildBlock(_ components: [SquadPart]...) -> [SquadPart] { components.flatMap { $0 } }
    /// Supports `if` without `else`.
    public static func buildOptional(_ component: [SquadPart]?) -> [SquadPart] { component ?? [] }
    /// Supports the first branch of `if`/`else`.
    public static func buildEither(first component: [SquadPart]) -> [SquadPart] { component }
    /// Supports the second branch of `if`/`else`.
    public static func buildEither(second component: [SquadPart]) -> [SquadPart] { component }
    /// Supports `for` loops.
    public static func buildArray(_ components: [[SquadPart]]) -> [SquadPart] { components.flatMap { $0 } }
}

extension CustomerValueSquad {
    /// Builds a squad from parts written with ``SquadBuilder``.
    ///
    /// Later parts replace earlier ones with the same key; the organisation checks the squad when it is formed.
    ///
    /// - Parameters:
    ///   - id: The squad's identifier.
    ///   - name: The squad's name.
    ///   - mission: What the squad is for.
    ///   - stage: The lifecycle stage; forming by default.
    ///   - cycleLength: The break-fix cycle length; `nil` by default.
    ///   - owner: Who owns the accountability; `nil` by default.
    ///   - reviewCadence: How often outcomes are reviewed; `nil` by default.
    ///   - parts: The members, decision rights, grants and outcomes.
    public static func build(
        id: ID,
        name: String,
        mission: Mission,
        stage: Stage = .forming,
        cycleLength: Cadence? = nil,
        owner: Specialist.ID? = nil,
        reviewCadence: Cadence? = nil,
        @SquadBuilder _ parts: () -> [SquadPart]
    ) -> CustomerValueSquad {
        var squad = CustomerValueSquad(
            id: id,
            name: name,
            mission: mission,
            accountability: Accountability(owner: owner, reviewCadence: reviewCadence),
            cycleLength: cycleLength,
            stage: stage
        )
        for part in parts() {
            switch part {
            case .member(let member): squad.memberships[member.specialist] = member.membership
            case .right(let right): squad.decisionRights[right.id] = right.right
            case .grant(let grant): squad.grants[grant.asset] = grant.grant
            case .outcome(let outcome): squad.accountability.outcomes.append(outcome)
            }
        }
        return squad
    }
}
