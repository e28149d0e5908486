/// The message of a built-in finding, assembled in one buffer sized for it up front.
///
/// A report can hold tens of thousands of findings, each message a few literals and values; building them with
/// the default string interpolation reallocates as the text outgrows its first guess. Values are appended as
/// their UTF-8 bytes and the text is made once at the end.
struct FindingText: ExpressibleByStringInterpolation, Sendable {
    /// The message.
    let text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: Interpolation) {
        text = String(decoding: stringInterpolation.bytes, as: UTF8.self)
    }

    /// The parts of a message as they are appended.
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            // Values in messages are identifiers, names and small numbers: 24 bytes each covers nearly all.
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            append(literal)
        }

        mutating func appendInterpolation(_ value: String) {
            append(value)
        }

        mutating func appendInterpolation(_ value: some TextValue) {
            append(value.rawValue)
        }

        mutating func appendInterpolation<Tag>(_ value: Identifier<Tag>) {
            append(value.rawValue)
        }

        mutating func appendInterpolation(_ value: Int) {
            append(String(value))
        }

        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            append(value.description)
        }

        private mutating func append(_ string: String) {
            var string = string
            string.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }
}

extension Finding {
    /// Creates a finding whose message is built with ``FindingText``.
    init(_ severity: Severity, _ code: Code, subject: Subject, text: FindingText, figures: [String: Double] = [:]) {
        self.init(severity, code, subject: subject, message: text.text, figures: figures)
    }
}

extension ValidationContext {
    /// A finding about `squad` whose message is built with ``FindingText``; see
    /// ``finding(_:about:severity:message:figures:)``.
    func finding(
        _ code: Finding.Code,
        about squad: CustomerValueSquad,
        severity: Finding.Severity? = nil,
        text: FindingText,
        figures: [String: Double] = [:]
    ) -> Finding {
        finding(code, about: squad, severity: severity, message: text.text, figures: figures)
    }
}
