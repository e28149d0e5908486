#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Organization {
    /// Reads an organisation from a JSON document in the format of ``schemaVersion``, re-checking every
    /// invariant.
    ///
    /// - Parameter jsonData: The document's bytes, UTF-8.
    /// - Throws: `DecodingError` with the coding path of what is wrong; see ``init(from:)``.
    /// - Complexity: O(*n*), where *n* is the size of the document.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Organization.self, from: jsonData)
    }

    /// Writes the organisation as a JSON document: lists sorted by identifier, object keys sorted, so the
    /// same value always gives the same bytes.
    ///
    /// The document holds exactly what the `Codable` encoding holds; it is written directly to bytes, without
    /// an `Encoder`, which is several times faster for large organisations.
    ///
    /// - Parameter prettyPrinted: Whether to indent the document for people; `true` by default.
    /// - Returns: The document's bytes, UTF-8.
    /// - Throws: Nothing in practice; the signature leaves room for writers that can fail.
    /// - Complexity: O(*n* log *n*), where *n* is the size of the organisation.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        Data(writeJSON(pretty: prettyPrinted))
    }
}

extension DecodingError {
    /// Where in the document the problem lies, written as a path such as `squads[1].memberships.nurse-2`.
    ///
    /// Empty when the problem is the document itself (for example, it is not JSON).
    public var locationDescription: String {
        let path: [any CodingKey]
        switch self {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// A sentence that says what is wrong, such as `"[overbooked] nurse-2 is booked 120% ..."`.
    public var problemDescription: String {
        switch self {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError, !(underlying is OrganizationError) {
                return "\(context.debugDescription) (\(underlying))"
            }
            return context.debugDescription
        case .typeMismatch(let type, let context):
            return "expected a value of type \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "expected a value of type \(type) but found null: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "the required field \(String(reflecting: key.stringValue)) is missing"
        @unknown default:
            return "\(self)"
        }
    }
}
