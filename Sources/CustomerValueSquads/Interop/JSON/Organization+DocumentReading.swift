#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Reading a document with the scanner, and turning what fails into the errors `init(jsonData:)` documents.

extension Organization {
    /// The most unknown fields reported one by one.
    static let reportedUnknownFields = 100

    /// How long a document is, in bytes, before its specialists are read on another thread while the squads are
    /// read on this one.
    static let backgroundReadingThreshold = 1 << 20

    /// Reads a document; with `reportingUnknownFields`, also locates the fields the format does not know (one
    /// more pass over the document when there are any), and otherwise leaves them unlocated and unreported.
    static func readDocument(
        _ bytes: UnsafeBufferPointer<UInt8>, reportingUnknownFields: Bool, backgroundThreshold: Int
    ) throws -> (
        organization: Organization, unknownFields: [OrganizationError]
    ) {
        let (parts, unknownFields) = try parseDocument(
            bytes, reportingUnknownFields: reportingUnknownFields, backgroundThreshold: backgroundThreshold)
        return (try build(parts) { error in locatedError(error, in: bytes) }, unknownFields)
    }

    /// Reads a document into its parts, checking the format but not yet the invariants.
    static func parseDocument(
        _ bytes: UnsafeBufferPointer<UInt8>, reportingUnknownFields: Bool, backgroundThreshold: Int
    ) throws -> (parts: OrganizationParts, unknownFields: [OrganizationError]) {
        var scanner = JSONScanner(bytes)
        let locator = JSONLocator(bytes: bytes)
        let parts: OrganizationParts
        var outcome = Result { () throws(JSONFailure) in
            try scanner.readOrganizationParts(background: bytes.count >= backgroundThreshold)
        }
        if case .failure(let failure) = outcome, case .readAgain = failure.kind {
            scanner = JSONScanner(bytes)
            outcome = Result { () throws(JSONFailure) in try scanner.readOrganizationParts() }
        }
        switch outcome {
        case .success(let read): parts = read
        case .failure(let failure):
            // A document of another version is that, whatever else is wrong with it for this one.
            if let found = locator.schemaVersion(), !readableSchemaVersions.contains(found.version) {
                throw versionError(found.version, at: found.offset, locator)
            }
            throw decodingError(failure, locator)
        }
        if let version = parts.schemaVersion, !readableSchemaVersions.contains(version) {
            throw versionError(version, at: parts.schemaVersionOffset, locator)
        }
        guard reportingUnknownFields else { return (parts, []) }
        return (parts, unknownFieldWarnings(scanner.unknownFields, locator))
    }

    /// Builds the organisation from a document's parts, checking every invariant; a broken one is thrown as
    /// `locate` makes it, with its place in the document.
    static func build(_ parts: OrganizationParts, locate: (OrganizationError) -> DecodingError) throws -> Organization {
        var organization = Organization(checkedName: parts.name ?? "", goal: parts.goal)
        if let error = organization.loadChecked(parts) { throw locate(error) }
        return organization
    }

    /// The decoding error for an invariant the document breaks, located in `bytes`.
    static func locatedError(_ error: OrganizationError, in bytes: UnsafeBufferPointer<UInt8>) -> DecodingError {
        let locator = JSONLocator(bytes: bytes)
        let found = locator.find(error.path)
        return decodingError(
            JSONFailure(kind: .invalid(error), offset: found.offset, message: "[\(error.code)] \(error.message)"),
            locator, steps: found.path)
    }

    private mutating func loadChecked(_ parts: OrganizationParts) -> OrganizationError? {
        do {
            try Self.requireText(name, "the organisation's name", path: ["name"])
            try load(departments: parts.departments, specialists: parts.specialists, squads: parts.squads)
            return nil
        } catch {
            return error
        }
    }

    private static func unknownFieldWarnings(_ offsets: [Int], _ locator: JSONLocator) -> [OrganizationError] {
        var warnings: [OrganizationError] = []
        let reported = Array(offsets.prefix(reportedUnknownFields))
        let (paths, places) = (locator.pathsOfNames(at: reported), locator.linesAndColumns(of: reported))
        for (index, offset) in reported.enumerated() {
            let steps = paths[index]
            let name = steps.last.map { step in if case .key(let name) = step { name } else { "" } } ?? ""
            let (line, column) = places[index]
            warnings.append(
                OrganizationError(
                    code: .unknownField,
                    message: "the field \(String(reflecting: name)) is not part of the format and is ignored",
                    path: steps.map(text),
                    location: .init(line: line, column: column, offset: offset)))
        }
        if offsets.count > reportedUnknownFields {
            warnings.append(
                OrganizationError(
                    code: .unknownField,
                    message: "\(offsets.count - reportedUnknownFields) more fields are not part of the format"))
        }
        return warnings
    }

    private static func text(_ step: JSONLocator.Step) -> String {
        switch step {
        case .key(let name): name
        case .index(let index): String(index)
        }
    }

    private static func versionError(_ version: Int, at offset: Int, _ locator: JSONLocator) -> DecodingError {
        let error = OrganizationError(
            code: .unsupportedSchemaVersion,
            message:
                "schema version \(version) is not supported; this library reads versions \(readableSchemaVersions.lowerBound) to \(readableSchemaVersions.upperBound)"
        )
        return decodingError(
            JSONFailure(kind: .invalid(error), offset: offset, message: "[\(error.code)] \(error.message)"),
            locator, steps: [.key("schemaVersion")])
    }

    /// The `DecodingError` for a failure, with the coding path and an underlying ``OrganizationError`` that
    /// holds the line and column.
    static func decodingError(
        _ failure: JSONFailure,
        _ locator: JSONLocator,
        steps known: [JSONLocator.Step]? = nil
    ) -> DecodingError {
        let steps = known ?? locator.path(at: failure.offset)
        let (line, column) = locator.lineAndColumn(of: failure.offset)
        let location = OrganizationError.Location(line: line, column: column, offset: failure.offset)
        let codingPath: [any CodingKey] = steps.map { step in
            switch step {
            case .key(let name): NameKey(name)
            case .index(let index): IndexKey(index)
            }
        }
        var error: OrganizationError
        if case .invalid(let invariant) = failure.kind {
            error = invariant
            error.path = steps.map(text)
            error.location = location
        } else {
            error = OrganizationError(
                code: .invalidDocument, message: failure.message, path: steps.map(text), location: location)
        }
        let description: String
        switch failure.kind {
        case .syntax: description = "not valid JSON: \(failure.message) (line \(line), column \(column))"
        default: description = "\(failure.message) (line \(line), column \(column))"
        }
        let context = DecodingError.Context(
            codingPath: codingPath, debugDescription: description, underlyingError: error)
        switch failure.kind {
        case .typeMismatch(let type): return .typeMismatch(type, context)
        case .missing(let name):
            return .keyNotFound(NameKey(name), context)
        case .syntax, .invalid, .readAgain: return .dataCorrupted(context)
        }
    }
}
