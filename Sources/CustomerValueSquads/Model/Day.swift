/// A calendar day in the Gregorian calendar, such as 2026-11-22, without a time or a time zone.
///
/// Organisational history is kept by the day: when a membership started and ended, when a break-fix cycle
/// ran. Encoded as an ISO 8601 date string, `"2026-11-22"`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, from 1 to 9999.
    public let year: Int
    /// The month, from 1 to 12.
    public let month: Int
    /// The day of the month, from 1 to the month's length.
    public let day: Int

    /// Creates a day, checking that it exists.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` for a day that does not exist, such as 2026-02-29.
    public init(year: Int, month: Int, day: Int) throws(OrganizationError) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.length(of: month, in: year)).contains(day)
        else {
            throw OrganizationError(
                code: .invalidValue,
                message:
                    "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2)) is not a day of the calendar"
            )
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads a day written as `YYYY-MM-DD`.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` for text of another form or a day that does not exist.
    public init(iso text: String) throws(OrganizationError) {
        // Exactly ten ASCII bytes: four digits, a dash, two digits, a dash, two digits.
        var text = text
        let parsed = text.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var fields = (0, 0, 0)
            for position in 0..<10 where position != 4 && position != 7 {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                switch position {
                case 0..<4: fields.0 = fields.0 * 10 + Int(digit)
                case 5..<7: fields.1 = fields.1 * 10 + Int(digit)
                default: fields.2 = fields.2 * 10 + Int(digit)
                }
            }
            return fields
        }
        guard let (year, month, day) = parsed else {
            throw OrganizationError(
                code: .invalidValue, message: "\(String(reflecting: text)) is not a day written as YYYY-MM-DD")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            // Named as written, not as the numbers read from it.
            throw OrganizationError(
                code: .invalidValue, message: "\(String(reflecting: text)) is not a day of the calendar")
        }
    }

    /// `value` with zeros before it up to `width` digits (`7` → `07`); a negative value keeps its sign.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The number of days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Count whole years and months from a March-based year, so the leap day comes last.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `count` days later (earlier when negative).
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` when the result falls outside years 1 to 9999.
    public func adding(days count: Int) throws(OrganizationError) -> Day {
        // Years 1 to 9999 span 3 652 059 days: anything further leaves the calendar without overflowing.
        guard count.magnitude <= 3_652_059 else {
            throw OrganizationError(
                code: .invalidValue, message: "\(self) plus \(count) days falls outside the years 1 to 9999")
        }
        let target = daysSinceEpoch + count + 719_468
        let era = (target >= 0 ? target : target - 146_096) / 146_097
        let dayOfEra = target - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return try Day(year: year, month: month, day: day)
    }

    /// The number of days from this day to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The day written as `YYYY-MM-DD`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Orders days in time.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Day: ExpressibleByStringLiteral {
    /// Creates a day from a `YYYY-MM-DD` literal written in source code.
    ///
    /// An invalid literal is a programming error and stops the program; use ``init(iso:)`` for text from users
    /// or files.
    public init(stringLiteral value: String) {
        do {
            try self.init(iso: value)
        } catch {
            preconditionFailure(error.message)
        }
    }
}

extension Day: Codable {
    /// Decodes a day from a `"YYYY-MM-DD"` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the day's coding path for text of another form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(iso: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the day as a `"YYYY-MM-DD"` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
