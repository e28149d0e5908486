/// A specialist's place in a squad: their role and the share of their time they give it.
///
/// A squad keys its memberships by ``Specialist/ID``; the specialist keeps their home department.
public struct Membership: Sendable, Hashable, Codable {
    /// The specialist's role in the squad.
    public var role: Role
    /// The share of the specialist's time given to the squad.
    public var share: TimeShare

    /// Creates a membership.
    ///
    /// - Parameters:
    ///   - role: The role in the squad.
    ///   - share: The share of the specialist's time.
    public init(role: Role, share: TimeShare) {
        self.role = role
        self.share = share
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
/// when named, must be one of its specialists.
public struct DataAccessGrant: Sendable, Hashable {
    /// The specialist who approved the grant — typically the head of the silo that holds the data.
    public var approvedBy: Specialist.ID?
    /// Why the squad needs the data.
    public var reason: String

    /// Creates a grant.
    ///
    /// - Parameters:
    ///   - approvedBy: Who approved it; `nil` by default.
    ///   - reason: Why the squad needs the data; empty by default.
    public init(approvedBy: Specialist.ID? = nil, reason: String = "") {
        self.approvedBy = approvedBy
        self.reason = reason
    }
}

extension DataAccessGrant: Codable {
    private enum CodingKeys: String, CodingKey {
        case approvedBy, reason
    }

    /// Decodes a grant; a missing reason reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            approvedBy: try container.decodeIfPresent(Specialist.ID.self, forKey: .approvedBy),
            reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        )
    }

    /// Encodes a grant; an absent approver is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(approvedBy, forKey: .approvedBy)
        try container.encode(reason, forKey: .reason)
    }
}
