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

    /// Whether the grant gives access on `day`: it has no end, or ends after that day.
    ///
    /// - Parameter day: The day to judge on; ``Day/today`` when `nil`.
    public func isLive(on day: Day?) -> Bool {
        guard let expires else { return true }
        return (day ?? .today) < expires
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
