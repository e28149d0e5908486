/// A department of the organisation: a silo with its own function, its place in the vertical hierarchy,
/// its head, and the data assets it holds.
///
/// A department value on its own is plain data. Its links — the parent, the head, the uniqueness of its
/// assets' identifiers — are checked when it enters an ``Organization``.
public struct Department: Identifiable, Sendable, Hashable {
    /// The identifier of a department.
    public typealias ID = Identifier<Department>

    /// The department's identifier.
    public var id: ID
    /// The department's name, such as `"Surgery"`.
    public var name: String
    /// What the department does, such as `"operating-room surgeons"`.
    public var function: String
    /// The department this one reports to, or `nil` at the top of the hierarchy.
    public var parent: ID?
    /// The specialist who heads the department; they must have it as their home department.
    public var head: Specialist.ID?
    /// The data assets the department holds, in the order they were added.
    public var dataAssets: [DataAsset]
    /// The share of its capacity, from 0 to 1, that must stay home however many of its people serve in
    /// squads: the silo stays a centre of expertise. `nil` when the department sets none.
    public var capacityFloor: Double?
    /// What one full-time equivalent of the department costs, in a currency of the caller's choosing — a
    /// planning figure for comparing scenarios, not an accounting one. `nil` when unknown. At most
    /// ``maximumCostPerFTE``, so that costs summed over any organisation stay finite.
    public var costPerFTE: Double?

    /// The largest ``costPerFTE`` an organisation accepts: 10¹² (a trillion) in any currency.
    public static let maximumCostPerFTE: Double = 1e12

    /// Creates a department.
    ///
    /// - Parameters:
    ///   - id: The department's identifier.
    ///   - name: The department's name.
    ///   - function: What the department does; empty by default.
    ///   - parent: The department this one reports to; `nil` by default.
    ///   - head: The specialist who heads it; `nil` by default (appoint one once they are hired).
    ///   - dataAssets: The data assets it holds; none by default.
    ///   - capacityFloor: The share of its capacity that must stay home; none by default.
    ///   - costPerFTE: What one full-time equivalent costs, for planning; none by default.
    public init(
        id: ID,
        name: String,
        function: String = "",
        parent: ID? = nil,
        head: Specialist.ID? = nil,
        dataAssets: [DataAsset] = [],
        capacityFloor: Double? = nil,
        costPerFTE: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.function = function
        self.parent = parent
        self.head = head
        self.dataAssets = dataAssets
        self.capacityFloor = capacityFloor
        self.costPerFTE = costPerFTE
    }

    /// The data asset with the given identifier, if the department holds it.
    ///
    /// - Complexity: O(*n*), where *n* is the number of assets the department holds.
    public func dataAsset(_ id: DataAsset.ID) -> DataAsset? {
        dataAssets.first { $0.id == id }
    }
}

extension Department: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, function, parent, head, dataAssets, capacityFloor, costPerFTE
    }

    /// Decodes a department; a missing `function` reads as empty and missing `dataAssets` as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            function: try container.decodeIfPresent(String.self, forKey: .function) ?? "",
            parent: try container.decodeIfPresent(ID.self, forKey: .parent),
            head: try container.decodeIfPresent(Specialist.ID.self, forKey: .head),
            dataAssets: try container.decodeIfPresent([DataAsset].self, forKey: .dataAssets) ?? [],
            capacityFloor: try container.decodeIfPresent(Double.self, forKey: .capacityFloor),
            costPerFTE: try container.decodeIfPresent(Double.self, forKey: .costPerFTE)
        )
    }

    /// Encodes the department; absent optional fields are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(function, forKey: .function)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encodeIfPresent(head, forKey: .head)
        try container.encode(dataAssets, forKey: .dataAssets)
        try container.encodeIfPresent(capacityFloor, forKey: .capacityFloor)
        try container.encodeIfPresent(costPerFTE, forKey: .costPerFTE)
    }
}
