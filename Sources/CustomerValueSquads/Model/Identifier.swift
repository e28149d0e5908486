/// A typed, string-backed identifier for an entity of the model.
///
/// The `Tag` parameter is a phantom type: it is never stored, it only keeps identifiers of different
/// entities apart, so the compiler refuses a ``Department/ID`` where a ``Specialist/ID`` belongs.
///
/// An identifier is human-readable and validated: it has 1 to ``maximumLength`` characters, starts with
/// an ASCII letter or digit, and continues with ASCII letters, digits, `-`, `_`, `.` or `:`.
/// It encodes as a plain JSON string.
///
/// ```swift
/// let surgery: Department.ID = "surgery"
/// let id = try Specialist.ID(validating: userInput)
/// ```
public struct Identifier<Tag>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The longest identifier accepted, in characters.
    public static var maximumLength: Int { 128 }

    /// The identifier's text.
    public let rawValue: String

    /// Creates an identifier from a string, checking its form.
    ///
    /// - Parameter rawValue: The identifier's text.
    /// - Throws: ``OrganizationError`` with code ``OrganizationError/Code/invalidIdentifier`` when the
    ///   text is empty, too long, or holds a character outside the allowed set.
    /// - Complexity: O(*n*), where *n* is the length of `rawValue`.
    public init(validating rawValue: String) throws(OrganizationError) {
        if let problem = Self.problem(with: rawValue) {
            throw OrganizationError(
                code: .invalidIdentifier,
                message: "\(String(reflecting: rawValue)) is not a valid identifier: \(problem)"
            )
        }
        self.rawValue = rawValue
    }

    /// The description of what is wrong with `text` as an identifier, or `nil` when it is valid.
    static func problem(with text: String) -> String? {
        // The common case, read as bytes: ASCII letters and digits with `-_.:`, short enough.
        let valid = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
            for byte in bytes where !isAlphanumeric(byte) {
                guard
                    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                        || byte == UInt8(ascii: ":")
                else { return false }
            }
            return true
        }
        if valid == true { return nil }
        // Otherwise, scalar by scalar, to say what is wrong.
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return "it is empty" }
        guard scalars.count <= maximumLength else {
            return "it has \(scalars.count) characters, at most \(maximumLength) are allowed"
        }
        guard isAlphanumeric(first) else { return "it must start with an ASCII letter or digit" }
        for scalar in scalars where !(isAlphanumeric(scalar) || "-_.:".unicodeScalars.contains(scalar)) {
            return "the character \(String(reflecting: String(scalar))) is not allowed"
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// The identifier's text.
    public var description: String { rawValue }

    /// Orders identifiers by their text, so listings and encodings are stable.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: ExpressibleByStringLiteral {
    /// Creates an identifier from a string literal written in source code.
    ///
    /// A literal is part of the program, so an invalid one is a programming error and stops the program;
    /// use ``init(validating:)`` for text that comes from users or files.
    public init(stringLiteral value: String) {
        do {
            try self.init(validating: value)
        } catch {
            preconditionFailure(error.message)
        }
    }
}

extension Identifier: Codable {
    /// Decodes an identifier from a single JSON string, checking its form.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the identifier's coding path when the text is not a
    ///   valid identifier.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the identifier as a single JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Identifier: CodingKeyRepresentable {
    /// The identifier as a dictionary key: a dictionary keyed by identifiers encodes as an object of its
    /// identifiers, `{"sales": …}`, not as a list of keys and values.
    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }

    /// The identifier a dictionary key names, or `nil` when the key is not a valid identifier (decoding then
    /// fails at that key).
    public init?<Key: CodingKey>(codingKey: Key) {
        guard let identifier = try? Identifier(validating: codingKey.stringValue) else { return nil }
        self = identifier
    }
}

/// The coding key of an identifier.
private struct IdentifierKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
