/// A specialist's place in a squad: their role, the share of their time they give it, and since when.
///
/// A squad keys its memberships by ``Specialist/ID``; the specialist keeps their home department.
public struct Membership: Sendable, Hashable {
    /// The specialist's role in the squad.
    public var role: Role
    /// The share of the specialist's time given to the squad.
    public var share: TimeShare
    /// The day the membership started, if known.
    public var since: Day?

    /// Creates a membership.
    ///
    /// - Parameters:
    ///   - role: The role in the squad.
    ///   - share: The share of the specialist's time.
    ///   - since: The day it started; `nil` by default.
    public init(role: Role, share: TimeShare, since: Day? = nil) {
        self.role = role
        self.share = share
        self.since = since
    }
}

extension Membership: Codable {
    private enum CodingKeys: String, CodingKey {
        case role, share, since
    }

    /// Decodes a membership.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            role: try container.decode(Role.self, forKey: .role),
            share: try container.decode(TimeShare.self, forKey: .share),
            since: try container.decodeIfPresent(Day.self, forKey: .since)
        )
    }

    /// Encodes a membership; an unknown start is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(share, forKey: .share)
        try container.encodeIfPresent(since, forKey: .since)
    }
}

/// A membership that has ended: who served, in which role, for what share, from when to when, and why it ended.
///
/// A squad keeps its past memberships so the history of who served where is kept, not overwritten. The
/// history is a record: it may name specialists who have since left the organisation.
public struct PastMembership: Sendable, Hashable, Codable {
    /// The specialist who served.
    public var specialist: Specialist.ID
    /// Their role.
    public var role: Role
    /// The share of their time.
    public var share: TimeShare
    /// The day the membership started, if known.
    public var since: Day?
    /// The day it ended, if known; not before ``since``.
    public var until: Day?
    /// Why it ended.
    public var reason: String

    /// Creates a past membership.
    public init(specialist: Specialist.ID, role: Role, share: TimeShare, since: Day?, until: Day?, reason: String) {
        self.specialist = specialist
        self.role = role
        self.share = share
        self.since = since
        self.until = until
        self.reason = reason
    }
}

extension PastMembership {
    /// The record of `membership`, held by `specialist`, ending on `day` for `reason`.
    init(ending membership: Membership, of specialist: Specialist.ID, on day: Day?, reason: String) {
        self.init(
            specialist: specialist,
            role: membership.role,
            share: membership.share,
            since: membership.since,
            until: day,
            reason: reason
        )
    }
}

/// One turn of a squad's break-fix rhythm: what was tried, what broke, the fix, the lesson, and how it went.
public struct BreakFixCycle: Sendable, Hashable, Codable {
    /// How a cycle went.
    public enum Result: String, Sendable, Hashable, Codable, CaseIterable {
        /// It worked.
        case worked
        /// A small failure: the kind the organisation tolerates while it learns.
        case smallFailure
        /// A large failure.
        case largeFailure
    }

    /// The day the cycle started.
    public var started: Day
    /// The day it ended, if it has; not before ``started``.
    public var ended: Day?
    /// What the squad tried.
    public var tried: String
    /// What broke, if anything.
    public var broke: String
    /// How it was fixed.
    public var fix: String
    /// What the failure taught.
    public var lesson: String
    /// How it went.
    public var result: Result

    /// Creates a cycle.
    public init(
        started: Day,
        ended: Day? = nil,
        tried: String,
        broke: String = "",
        fix: String = "",
        lesson: String = "",
        result: Result
    ) {
        self.started = started
        self.ended = ended
        self.tried = tried
        self.broke = broke
        self.fix = fix
        self.lesson = lesson
        self.result = result
    }
}

/// A decision a squad may take in the moment, without asking the department bosses, within a limit.
///
/// A squad keys its decision rights by ``DecisionRight/ID``.
public struct DecisionRight: Sendable, Hashable {
    /// The identifier of a decision right, unique within one squad.
    public typealias ID = Identifier<DecisionRight>

    /// An upper bound on a decision right, such as 10 000 in `"USD"` or 20 in `"% discount"`.
    public struct Limit: Sendable, Hashable, Codable {
        /// The largest amount the squad may commit without escalation; finite and not negative.
        public var amount: Double
        /// The unit of the amount.
        public var unit: String

        /// Creates a limit.
        ///
        /// - Parameters:
        ///   - amount: The largest amount; finite and not negative when it enters an organisation.
        ///   - unit: The unit of the amount.
        public init(amount: Double, unit: String) {
            self.amount = amount
            self.unit = unit
        }
    }

    /// What the squad may decide, such as `"discounts for renewing accounts"`.
    public var scope: String
    /// The bound on the decision, or `nil` when the scope itself is the only bound.
    public var limit: Limit?

    /// Creates a decision right.
    ///
    /// - Parameters:
    ///   - scope: What the squad may decide.
    ///   - limit: The bound on the decision; `nil` by default.
    public init(scope: String, limit: Limit? = nil) {
        self.scope = scope
        self.limit = limit
    }
}

extension DecisionRight: Codable {
    private enum CodingKeys: String, CodingKey {
        case scope, limit
    }

    /// Decodes a decision right.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scope: try container.decode(String.self, forKey: .scope),
            limit: try container.decodeIfPresent(Limit.self, forKey: .limit)
        )
    }

    /// Encodes a decision right; an absent limit is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(limit, forKey: .limit)
    }
}

/// An explicit permission for a squad to pull one data asset out of the silo that holds it.
///
/// A squad keys its grants by ``DataAsset/ID``; the asset must exist in the organisation, and the approver,
/// when named, must be one of its specialists. A grant may be limited in time: from the day it ``expires``
/// on, it gives no access.
public struct DataAccessGrant: Sendable, Hashable {
    /// The specialist who approved the grant — typically the head of the silo that holds the data.
    public var approvedBy: Specialist.ID?
    /// Why the squad needs the data.
    public var reason: String
    /// The first day the grant no longer gives access, or `nil` for a grant without end.
    public var expires: Day?

    /// Creates a grant.
    ///
    /// - Parameters:
    ///   - approvedBy: Who approved it; `nil` by default.
    ///   - reason: Why the squad needs the data; empty by default.
    ///   - expires: The first day it no longer gives access; `nil` (no end) by default.
    public init(approvedBy: Specialist.ID? = nil, reason: String = "", expires: Day? = nil) {
        self.approvedBy = approvedBy
        self.reason = reason
        self.expires = expires
    }

    /// Whether the grant gives access on `day`; with no day given, only grants without an end are live.
    public func isLive(on day: Day?) -> Bool {
        guard let expires else { return true }
        guard let day else { return false }
        return day < expires
    }
}

extension DataAccessGrant: Codable {
    private enum CodingKeys: String, CodingKey {
        case approvedBy, reason, expires
    }

    /// Decodes a grant; a missing reason reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            approvedBy: try container.decodeIfPresent(Specialist.ID.self, forKey: .approvedBy),
            reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "",
            expires: try container.decodeIfPresent(Day.self, forKey: .expires)
        )
    }

    /// Encodes a grant; an absent approver or end is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(approvedBy, forKey: .approvedBy)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(expires, forKey: .expires)
    }
}
