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
