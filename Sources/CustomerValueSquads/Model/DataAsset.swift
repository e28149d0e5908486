/// A body of information a department holds — a customer database, a sales pipeline, a usage log.
///
/// A data asset lives in exactly one ``Department`` (its silo). A squad reaches it only through an explicit
/// ``DataAccessGrant``; nothing is reachable without one.
public struct DataAsset: Identifiable, Sendable, Hashable, Codable {
    /// The identifier of a data asset, unique across the organisation.
    public typealias ID = Identifier<DataAsset>

    /// What kind of information an asset holds.
    ///
    /// Kinds are an open set of names: use the built-in ones or create your own with ``init(rawValue:)``.
    public struct Kind: TextValue {
        /// The kind's name.
        public var rawValue: String

        /// Creates a value from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Records of customers and accounts.
        public static let customer: Kind = "customer"
        /// Operational records: orders, tickets, schedules.
        public static let operational: Kind = "operational"
        /// Financial records.
        public static let financial: Kind = "financial"
        /// Analytical data: reports, models, dashboards — the squad's "brain".
        public static let analytical: Kind = "analytical"
    }

    /// The asset's identifier.
    public var id: ID
    /// A name a person recognises.
    public var name: String
    /// What kind of information the asset holds.
    public var kind: Kind

    /// Creates a data asset.
    ///
    /// - Parameters:
    ///   - id: The asset's identifier, unique across the organisation.
    ///   - name: A name a person recognises.
    ///   - kind: What kind of information the asset holds; ``Kind-swift.struct/operational`` by default.
    public init(id: ID, name: String, kind: Kind = .operational) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
