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
            case dissolvedSquadNotEmpty
            case squadDissolved
            case stillReferenced
            case invalidStageTransition
            case unsupportedSchemaVersion
            case changeConflict
            case rolloutOutOfOrder
            case rolloutCriteriaNotMet
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
    }

    /// What kind of invariant was broken.
    public var code: Code

    /// A sentence a person can act on, naming the identifiers involved.
    public var message: String

    /// Where in a bulk input the problem lies, as coding-path components such as
    /// `["squads", "2", "memberships", "0", "specialist"]`; empty when a single transformation failed.
    public var path: [String]

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
    }

    /// The code and the message, with the path when there is one.
    public var description: String {
        path.isEmpty ? "[\(code)] \(message)" : "[\(code)] at \(path.joined(separator: ".")): \(message)"
    }
}
