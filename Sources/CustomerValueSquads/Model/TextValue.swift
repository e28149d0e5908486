/// A value that is a word from an open vocabulary — a ``Skill``, a ``Role``, a ``Finding/Code``, a
/// ``DataAsset/Kind-swift.struct`` — stored as its text.
///
/// A conforming type declares its text and one initialiser; everything else is supplied here once: creation
/// from a string or a string literal (so `"analytics"` can stand where a ``Skill`` belongs), ordering by text,
/// the text as its description, and coding as a plain JSON string.
///
/// ```swift
/// struct Channel: TextValue {
///     var rawValue: String
///     init(rawValue: String) { self.rawValue = rawValue }
/// }
/// let email: Channel = "email"
/// ```
public protocol TextValue: RawRepresentable<String>, Sendable, Hashable, Comparable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// Creates a value from its text.
    init(rawValue: String)
}

extension TextValue {
    /// Creates a value from its text.
    public init(_ text: String) { self.init(rawValue: text) }

    /// Creates a value from a string literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The value's text.
    public var description: String { rawValue }

    /// Orders values by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
