/// What a squad is for: a customer-centred statement, the area of value it delivers, the customer it
/// centres on, the skills and information it needs, and how it serves the organisation's shared goal.
///
/// The data a mission needs must exist in the organisation (an invariant); whether the mission is really
/// customer-centred is a policy that ``Organization/validate(policy:on:)`` reports.
public struct Mission: Sendable, Hashable {
    /// The mission in one sentence, such as `"Every patient leaves the operating room safe"`.
    public var statement: String
    /// The area of value the squad delivers, or `nil` while it is still undecided.
    public var valueArea: ValueArea?
    /// The customer the mission centres on, such as `"the patient"`; empty while undecided.
    public var customer: String
    /// The skills the mission needs from the squad's members.
    public var requiredSkills: Set<Skill>
    /// The data assets the squad needs to judge the situation and act; each must exist.
    public var requiredData: Set<DataAsset.ID>
    /// How the mission serves the organisation's shared goal; empty while undecided.
    public var goalContribution: String

    /// Creates a mission.
    ///
    /// - Parameters:
    ///   - statement: The mission in one sentence.
    ///   - valueArea: The area of value; `nil` by default.
    ///   - customer: The customer it centres on; empty by default.
    ///   - requiredSkills: The skills it needs; none by default.
    ///   - requiredData: The data assets it needs; none by default.
    ///   - goalContribution: How it serves the shared goal; empty by default.
    public init(
        statement: String,
        valueArea: ValueArea? = nil,
        customer: String = "",
        requiredSkills: Set<Skill> = [],
        requiredData: Set<DataAsset.ID> = [],
        goalContribution: String = ""
    ) {
        self.statement = statement
        self.valueArea = valueArea
        self.customer = customer
        self.requiredSkills = requiredSkills
        self.requiredData = requiredData
        self.goalContribution = goalContribution
    }
}

extension Mission: Codable {
    private enum CodingKeys: String, CodingKey {
        case statement, valueArea, customer, requiredSkills, requiredData, goalContribution
    }

    /// Decodes a mission; missing lists read as empty and missing texts as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            statement: try container.decode(String.self, forKey: .statement),
            valueArea: try container.decodeIfPresent(ValueArea.self, forKey: .valueArea),
            customer: try container.decodeIfPresent(String.self, forKey: .customer) ?? "",
            requiredSkills: try container.decodeIfPresent(Set<Skill>.self, forKey: .requiredSkills) ?? [],
            requiredData: try container.decodeIfPresent(Set<DataAsset.ID>.self, forKey: .requiredData) ?? [],
            goalContribution: try container.decodeIfPresent(String.self, forKey: .goalContribution) ?? ""
        )
    }

    /// Encodes the mission with its sets sorted, so the output is deterministic.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statement, forKey: .statement)
        try container.encodeIfPresent(valueArea, forKey: .valueArea)
        try container.encode(customer, forKey: .customer)
        try container.encode(requiredSkills.sorted(), forKey: .requiredSkills)
        try container.encode(requiredData.sorted(), forKey: .requiredData)
        try container.encode(goalContribution, forKey: .goalContribution)
    }
}

/// The area of value a squad's mission delivers.
///
/// Encoded as an object with a `kind` and, for the areas that name something, a `detail`:
/// `{"kind": "geography", "detail": "East Java"}`.
public enum ValueArea: Sendable, Hashable {
    /// Raise results in a region, such as `"East Java"`.
    case geography(String)
    /// Serve one account, as in account-based marketing.
    case account(String)
    /// Revenue operations across sales, marketing and service.
    case revenueOperations
    /// A product or service line.
    case productService(String)
    /// Design support.
    case designSupport
    /// Marketing across channels.
    case crossChannelMarketing
    /// An area the built-in ones do not name.
    case custom(String)

    /// The stable name of the area's kind, as written in JSON.
    public var kind: String {
        switch self {
        case .geography: "geography"
        case .account: "account"
        case .revenueOperations: "revenueOperations"
        case .productService: "productService"
        case .designSupport: "designSupport"
        case .crossChannelMarketing: "crossChannelMarketing"
        case .custom: "custom"
        }
    }

    /// What the area names — the region, the account, the product, the custom area — if anything.
    public var detail: String? {
        switch self {
        case .geography(let text), .account(let text), .productService(let text), .custom(let text): text
        case .revenueOperations, .designSupport, .crossChannelMarketing: nil
        }
    }
}

extension ValueArea: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, detail
    }

    /// Decodes an area from its `kind` and `detail`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `kind` for an unknown kind, or `keyNotFound` when a kind
    ///   that names something has no `detail`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        func detail() throws -> String { try container.decode(String.self, forKey: .detail) }
        switch kind {
        case "geography": self = .geography(try detail())
        case "account": self = .account(try detail())
        case "revenueOperations": self = .revenueOperations
        case "productService": self = .productService(try detail())
        case "designSupport": self = .designSupport
        case "crossChannelMarketing": self = .crossChannelMarketing
        case "custom": self = .custom(try detail())
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: container,
                debugDescription: "unknown value area kind \(String(reflecting: kind))"
            )
        }
    }

    /// Encodes the area as its `kind` and, where it names something, its `detail`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(detail, forKey: .detail)
    }
}
