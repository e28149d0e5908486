/// The error thrown when a value or a transformation would break one of the model's invariants.
///
/// Every initialiser, transformation and decoder that checks an invariant throws this error and leaves the
/// value it was called on exactly as it was. Match on ``code`` — a stable, extensible set of codes — and
/// show ``message``, which names the identifiers involved:
///
/// ```swift
/// do {
///     try organization.assign("nurse-1", to: "or-team", role: "scrub nurse", share: 60)
/// } catch where error.code == .overbooked {
///     print(error.message)
/// }
/// ```
public struct OrganizationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code naming the kind of invariant that was broken.
    ///
    /// Codes are static members rather than enum cases, so new codes can be added without breaking anyone's
    /// `switch`. Each code's ``rawValue`` is a stable string that tools may store and compare.
    public struct Code: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        private enum Base: String, CaseIterable {
            case invalidIdentifier
            case invalidValue
            case duplicateID
            case unknownReference
            case headOutsideDepartment
            case overbooked
            case hierarchyCycle
            case reportingCycle
            case dissolvedSquadNotEmpty
            case squadDissolved
            case stillReferenced
            case invalidStageTransition
            case unsupportedSchemaVersion
            case changeConflict
            case rolloutOutOfOrder
            case rolloutCriteriaNotMet
            case invalidDocument
            case unknownField
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// Every code this version of the library throws, in a stable order.
        public static var allCases: [Code] { Base.allCases.map(Code.init) }

        /// The code's stable text, such as `"overbooked"`.
        public var rawValue: String { base.rawValue }

        /// The code's stable text.
        public var description: String { base.rawValue }

        /// An identifier's text is empty, too long or holds a character that is not allowed.
        public static let invalidIdentifier = Self(.invalidIdentifier)
        /// A field holds a value outside its range: an empty name, a time share outside 1...100 %, a
        /// number that is not finite, a weight that is not positive, a negative count.
        public static let invalidValue = Self(.invalidValue)
        /// Two entities of the same kind share one identifier, or an entity already exists.
        public static let duplicateID = Self(.duplicateID)
        /// A reference names something that does not exist: a member, a head, a parent department, a
        /// data asset in a grant or a mission's needs, an owner, an outcome.
        public static let unknownReference = Self(.unknownReference)
        /// A department's head does not have that department as their home department.
        public static let headOutsideDepartment = Self(.headOutsideDepartment)
        /// A specialist would be booked over 100 % of their time across squads.
        public static let overbooked = Self(.overbooked)
        /// A department would become its own ancestor in the hierarchy.
        public static let hierarchyCycle = Self(.hierarchyCycle)
        /// A specialist would report to themselves, directly or through their managers.
        public static let reportingCycle = Self(.reportingCycle)
        /// A squad in the dissolved stage would still hold members or data-access grants.
        public static let dissolvedSquadNotEmpty = Self(.dissolvedSquadNotEmpty)
        /// A change was asked of a squad that has been dissolved.
        public static let squadDissolved = Self(.squadDissolved)
        /// Something cannot be removed or moved because other parts of the organisation still refer to it.
        public static let stillReferenced = Self(.stillReferenced)
        /// A squad cannot move from its current lifecycle stage to the one asked for.
        public static let invalidStageTransition = Self(.invalidStageTransition)
        /// A document declares a schema version this library does not read.
        public static let unsupportedSchemaVersion = Self(.unsupportedSchemaVersion)
        /// A recorded change does not fit the organisation: what it changes from is not what is there now.
        public static let changeConflict = Self(.changeConflict)
        /// A rollout step was taken out of order: a batch skipped or started twice, or a step after the end.
        public static let rolloutOutOfOrder = Self(.rolloutOutOfOrder)
        /// A rollout step was taken before the squads it depends on met the plan's success criteria.
        public static let rolloutCriteriaNotMet = Self(.rolloutCriteriaNotMet)
        /// A document is not JSON, or not the JSON the format describes: a syntax error, a value of the wrong
        /// type, a missing field, a field given twice, a number that does not fit.
        public static let invalidDocument = Self(.invalidDocument)
        /// A document holds a field the format does not know. Reported as a warning by
        /// ``Organization/decoding(jsonData:)``; the field is ignored.
        public static let unknownField = Self(.unknownField)
    }

    /// A place in a document: a line and a column, both counted from 1, and the byte offset.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The line, counted from 1.
        public var line: Int
        /// The column, in characters, counted from 1.
        public var column: Int
        /// The byte offset from the start of the document, counted from 0.
        public var offset: Int

        /// Creates a location.
        public init(line: Int, column: Int, offset: Int) {
            self.line = line
            self.column = column
            self.offset = offset
        }

        /// `line:column`, as editors and compilers write it.
        public var description: String { "\(line):\(column)" }
    }

    /// What kind of invariant was broken.
    public var code: Code

    /// A sentence a person can act on, naming the identifiers involved.
    public var message: String

    /// Where in the input the problem lies, as coding-path components.
    ///
    /// For a document read with ``Organization/init(jsonData:)``, the path of the offending value in the
    /// document, lists by position: `["squads", "2", "memberships", "0", "specialist"]`. For the bulk
    /// initialiser, the path into its lists, entries of a squad's memberships, rights and grants by key. For a
    /// transformation that takes a whole value (``Organization/formSquad(_:)``, ``Organization/hire(_:)``), the
    /// path within that value, such as `["grants", "crm"]`; empty when the problem is the value as a whole or
    /// an argument.
    public var path: [String]

    /// Where in a document the problem lies, when the error comes from reading one.
    public var location: Location?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of invariant was broken.
    ///   - message: A sentence naming the identifiers involved.
    ///   - path: Where in a bulk input the problem lies; empty by default.
    public init(code: Code, message: String, path: [String] = []) {
        self.code = code
        self.message = message
        self.path = path
        self.location = nil
    }

    /// Creates an error found in a document.
    ///
    /// - Parameters:
    ///   - code: What kind of invariant was broken.
    ///   - message: A sentence naming the identifiers involved.
    ///   - path: Where in the document the problem lies.
    ///   - location: The line and column where it lies.
    public init(code: Code, message: String, path: [String], location: Location?) {
        self.code = code
        self.message = message
        self.path = path
        self.location = location
    }

    /// The code and the message, with the path and the location when there are any, as in
    /// `[overbooked] at squads[1].memberships[0].share (line 40, column 12): ...`.
    public var description: String {
        var text = "[\(code)]"
        if !path.isEmpty { text += " at \(Self.pathDescription(path))" }
        if let location { text += " (line \(location.line), column \(location.column))" }
        return text + (path.isEmpty && location == nil ? " " : ": ") + message
    }

    /// A path written as `squads[1].memberships["a.b"].share`: positions in lists in brackets, and names that
    /// hold a dot or are not plain words quoted, so no two paths read alike.
    public static func pathDescription(_ path: some Sequence<String>) -> String {
        var text = ""
        var previous: String?
        for component in path {
            if let previous, listNames.contains(previous), Int(component) != nil {
                text += "[\(component)]"
            } else if !component.isEmpty,
                component.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
                })
            {
                text += text.isEmpty ? component : ".\(component)"
            } else {
                text += "[\(String(reflecting: component))]"
            }
            previous = component
        }
        return text
    }

    /// The fields of the JSON format that hold lists.
    static let listNames: Set<String> = [
        "departments", "specialists", "squads", "dataAssets", "skills", "memberships", "decisionRights", "grants",
        "outcomes", "history", "cycles", "checkIns", "interactions", "dataNeeded", "requiredSkills", "requiredData",
        "phases", "batches", "changes",
    ]
}
