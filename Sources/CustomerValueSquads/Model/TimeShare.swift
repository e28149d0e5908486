/// The share of a specialist's working time given to one squad, in whole percent from 1 to 100.
///
/// Whole percentages keep the over-booking invariant exact: the shares of one specialist across all
/// squads never add up to more than 100. Encoded as a plain JSON integer.
public struct TimeShare: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The allowed range of a share, in percent.
    public static var allowedPercent: ClosedRange<Int> { 1...100 }

    /// The share in percent, from 1 to 100.
    public let percent: Int

    /// Creates a share, checking its range.
    ///
    /// - Parameter percent: The share in percent.
    /// - Throws: ``OrganizationError`` with ``OrganizationError/Code/invalidValue`` when `percent` is
    ///   outside 1...100.
    public init(percent: Int) throws(OrganizationError) {
        guard Self.allowedPercent.contains(percent) else {
            throw OrganizationError(
                code: .invalidValue,
                message: "a time share must be between 1 and 100 percent, not \(percent)"
            )
        }
        self.percent = percent
    }

    /// A full-time share, 100 %.
    public static let fullTime: TimeShare = 100

    /// The share written as a percentage, such as `"50%"`.
    public var description: String { "\(percent)%" }

    /// Orders shares by size.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.percent < rhs.percent }
}

extension TimeShare: ExpressibleByIntegerLiteral {
    /// Creates a share from an integer literal written in source code.
    ///
    /// A literal outside 1...100 is a programming error and stops the program; use ``init(percent:)``
    /// for numbers that come from users or files.
    public init(integerLiteral value: Int) {
        do {
            try self.init(percent: value)
        } catch {
            preconditionFailure(error.message)
        }
    }
}

extension TimeShare: Codable {
    /// Decodes a share from a JSON integer, checking its range.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the share's coding path when it is outside 1...100.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let percent = try container.decode(Int.self)
        do {
            try self.init(percent: percent)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the share as a JSON integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(percent)
    }
}

/// A rhythm counted in whole days: the length of a squad's break-fix cycle or an accountability review.
///
/// Encoded as a plain JSON integer of days.
public struct Cadence: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The allowed range, in days.
    public static var allowedDays: ClosedRange<Int> { 1...366 }

    /// The length in days.
    public let days: Int

    /// Creates a cadence, checking its range.
    ///
    /// - Parameter days: The length in days, from 1 to 366.
    /// - Throws: ``OrganizationError`` with ``OrganizationError/Code/invalidValue`` when `days` is out of
    ///   range.
    public init(days: Int) throws(OrganizationError) {
        guard Self.allowedDays.contains(days) else {
            throw OrganizationError(
                code: .invalidValue,
                message: "a cadence must be between 1 and 366 days, not \(days)"
            )
        }
        self.days = days
    }

    /// Every week: 7 days.
    public static let weekly: Cadence = 7
    /// Every two weeks: 14 days.
    public static let biweekly: Cadence = 14
    /// Every four weeks: 28 days.
    public static let fourWeekly: Cadence = 28

    /// The cadence written in days, such as `"14 days"`.
    public var description: String { days == 1 ? "1 day" : "\(days) days" }

    /// Orders cadences by length.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.days < rhs.days }
}

extension Cadence: ExpressibleByIntegerLiteral {
    /// Creates a cadence from an integer literal of days written in source code.
    ///
    /// A literal outside 1...366 is a programming error and stops the program; use ``init(days:)`` for
    /// numbers that come from users or files.
    public init(integerLiteral value: Int) {
        do {
            try self.init(days: value)
        } catch {
            preconditionFailure(error.message)
        }
    }
}

extension Cadence: Codable {
    /// Decodes a cadence from a JSON integer of days, checking its range.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the cadence's coding path when it is out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let days = try container.decode(Int.self)
        do {
            try self.init(days: days)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the cadence as a JSON integer of days.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(days)
    }
}
