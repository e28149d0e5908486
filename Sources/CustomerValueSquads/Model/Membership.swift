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
