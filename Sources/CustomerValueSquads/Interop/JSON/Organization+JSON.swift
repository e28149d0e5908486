#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Organization {
    /// Reads an organisation from a JSON document in the format of ``schemaVersion``, re-checking every
    /// invariant.
    ///
    /// The bytes are read once, straight into the model's values, without building a tree of the document
    /// first. The reading is strict JSON (RFC 8259): a field given twice in one object, a trailing comma, text
    /// that is not UTF-8 or a number that does not fit are refused. Fields the format does not know are
    /// ignored; ``decoding(jsonData:)`` reports them. The same rules hold inside the values it ignores: valid
    /// text (no lone surrogate escape), no name twice in one object, and nesting at most 512 deep from the
    /// document's outer object, where `JSONDecoder` stops too.
    ///
    /// - Parameter jsonData: The document's bytes, UTF-8.
    /// - Throws: `DecodingError` — `typeMismatch`, `keyNotFound` or `dataCorrupted` — whose coding path is the
    ///   path of the offending value in the document (lists by position) and whose underlying error is an
    ///   ``OrganizationError`` with the ``OrganizationError/location`` (line and column) and the code: the
    ///   broken invariant's, ``OrganizationError/Code/unsupportedSchemaVersion``, or
    ///   ``OrganizationError/Code/invalidDocument`` for everything that is not the format.
    /// - Complexity: O(*n*), where *n* is the size of the document.
    public init(jsonData: Data) throws {
        self = try Self.reading(jsonData, reportingUnknownFields: false).organization
    }

    /// Reads an organisation from a JSON document, as ``init(jsonData:)`` does, and reports the fields the
    /// format does not know.
    ///
    /// - Parameter jsonData: The document's bytes, UTF-8.
    /// - Returns: The organisation, and a warning with code ``OrganizationError/Code/unknownField``, the path
    ///   and the location for each field that was ignored (the first 100, then one that counts the rest).
    /// - Throws: As ``init(jsonData:)``.
    /// - Complexity: O(*n*), where *n* is the size of the document; when there are unknown fields, one more pass
    ///   over the document locates all of them.
    public static func decoding(jsonData: Data) throws -> (
        organization: Organization, unknownFields: [OrganizationError]
    ) {
        try Self.reading(jsonData, reportingUnknownFields: true)
    }

    /// Reads an organisation from a JSON file, as ``init(jsonData:)`` reads its bytes, but lets the bytes go
    /// before building the organisation: a large file costs the memory of the file or of the organisation at its
    /// peak, not of both.
    ///
    /// ```swift
    /// let company = try Organization(contentsOf: URL(fileURLWithPath: "company.json"))
    /// ```
    ///
    /// - Parameter url: The file.
    /// - Throws: The error reading the file; otherwise as ``init(jsonData:)``. An invariant the document breaks is
    ///   located by reading the file a second time (without a location if that fails).
    /// - Complexity: O(*n*), where *n* is the size of the document.
    public init(contentsOf url: URL) throws {
        self = try Self.reading(contentsOf: url, reportingUnknownFields: false).organization
    }

    /// Reads an organisation from a JSON file, as ``init(contentsOf:)`` does, and reports the fields the format
    /// does not know, as ``decoding(jsonData:)`` does.
    ///
    /// - Parameter url: The file.
    /// - Returns: The organisation, and the warnings about unknown fields.
    /// - Throws: As ``init(contentsOf:)``.
    /// - Complexity: O(*n*), where *n* is the size of the document.
    public static func decoding(contentsOf url: URL) throws -> (
        organization: Organization, unknownFields: [OrganizationError]
    ) {
        try reading(contentsOf: url, reportingUnknownFields: true)
    }

    /// Reads a file's document into its parts, lets the bytes go, then builds the organisation.
    private static func reading(contentsOf url: URL, reportingUnknownFields: Bool) throws -> (
        organization: Organization, unknownFields: [OrganizationError]
    ) {
        var data = try Data(contentsOf: url)
        let (parts, unknownFields) = try data.withUnsafeBytes { raw in
            try raw.withMemoryRebound(to: UInt8.self) { bytes in
                try parseDocument(
                    bytes, reportingUnknownFields: reportingUnknownFields,
                    backgroundThreshold: backgroundReadingThreshold)
            }
        }
        data = Data()
        let organization = try build(parts) { error in
            // The bytes are gone: the file is read again to say where the document breaks the invariant.
            guard let again = try? Data(contentsOf: url) else {
                return DecodingError.dataCorrupted(
                    .init(codingPath: [], debugDescription: "[\(error.code)] \(error.message)", underlyingError: error))
            }
            return again.withUnsafeBytes { raw in
                raw.withMemoryRebound(to: UInt8.self) { bytes in locatedError(error, in: bytes) }
            }
        }
        return (organization, unknownFields)
    }

    /// Reads `data` with the document reader, which sees its bytes as `UInt8`s only inside this call: the memory
    /// is bound to `UInt8` for the closure (`withMemoryRebound`), and nothing the reader makes of it — names,
    /// scanners — outlives the closure.
    static func reading(
        _ data: Data, reportingUnknownFields: Bool, backgroundThreshold: Int = backgroundReadingThreshold
    ) throws -> (organization: Organization, unknownFields: [OrganizationError]) {
        try data.withUnsafeBytes { raw in
            try raw.withMemoryRebound(to: UInt8.self) { bytes in
                try readDocument(
                    bytes, reportingUnknownFields: reportingUnknownFields, backgroundThreshold: backgroundThreshold)
            }
        }
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
        writeJSON(pretty: prettyPrinted)
    }
}

extension DecodingError {
    /// Where in the document the problem lies, written as a path such as `squads[1].memberships[0].share`;
    /// a name that holds a dot is quoted (`grants["a.b"]`).
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
                let name = OrganizationError.pathDescription([key.stringValue])
                text += text.isEmpty || name.hasPrefix("[") ? name : ".\(name)"
            }
        }
        return text
    }

    /// Where in the document the problem lies, as a line and a column, when the error comes from
    /// ``Organization/init(jsonData:)``.
    public var documentLocation: OrganizationError.Location? {
        switch self {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .keyNotFound(_, let context):
            (context.underlyingError as? OrganizationError)?.location
        @unknown default:
            nil
        }
    }

    /// A sentence that says what is wrong, such as `"[overbooked] nurse-2 is booked 120% ..."`, without the
    /// line and column (see ``documentLocation``).
    public var problemDescription: String {
        var text: String
        switch self {
        case .dataCorrupted(let context):
            text = context.debugDescription
            if let underlying = context.underlyingError, !(underlying is OrganizationError) {
                text += " (\(underlying))"
            }
        case .typeMismatch(let type, let context):
            // The library's own messages already name the type.
            text =
                context.underlyingError is OrganizationError
                ? context.debugDescription : "expected a value of type \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            text = "expected a value of type \(type) but found null: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            text = "the required field \(String(reflecting: key.stringValue)) is missing"
        @unknown default:
            text = "\(self)"
        }
        if let location = documentLocation {
            let suffix = " (line \(location.line), column \(location.column))"
            if text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        }
        return text
    }
}
