/// How a squad works with a department or another squad: a contract with a mode, a purpose, a start and an
/// expected end, whether the squad is blocked by it, and the data it needs from the other side.
///
/// The modes are those of team interaction practice: two teams working closely together for a while
/// (``Mode-swift.enum/collaboration``), one consuming what the other provides with little contact
/// (``Mode-swift.enum/xAsAService``), and one helping the other learn (``Mode-swift.enum/facilitating``).
///
/// When the interaction enters an ``Organization`` its counterpart must exist and must not be the squad
/// itself or a dissolved squad, the data it needs must exist, its purpose must not be blank and its
/// expected end must come after its start. Whether a collaboration is open-ended, whether a blocking
/// dependency is served by a live grant, and how many collaborations run at once are policies
/// (``OpenEndedCollaborationRule``, ``BlockingDependencyRule``, ``CollaborationLoadRule``).
public struct Interaction: Identifiable, Sendable, Hashable {
    /// The identifier of an interaction, unique within one squad.
    public typealias ID = Identifier<Interaction>

    /// How the two sides work together.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Working closely together on something new, for a limited time: costly, so it should end.
        case collaboration
        /// Using what the other side provides, with as little contact as possible.
        case xAsAService
        /// Helping the other side learn a capability, then stepping back.
        case facilitating
    }

    /// The other side of an interaction.
    public enum Counterpart: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// A department silo.
        case department(Department.ID)
        /// Another squad.
        case squad(CustomerValueSquad.ID)

        /// `department <id>` or `squad <id>`.
        public var description: String {
            switch self {
            case .department(let id): "department \(id)"
            case .squad(let id): "squad \(id)"
            }
        }
    }

    /// The interaction's identifier.
    public var id: ID
    /// Who the squad works with.
    public var counterpart: Counterpart
    /// How they work together.
    public var mode: Mode
    /// What the interaction is for, such as `"agree the refund API"`.
    public var purpose: String
    /// The day it starts.
    public var start: Day
    /// The day it is expected to end, after ``start``, or `nil` when no end is set.
    public var expectedEnd: Day?
    /// Whether the squad cannot deliver its mission without it.
    public var isBlocking: Bool
    /// The data assets the squad needs from the other side.
    public var dataNeeded: Set<DataAsset.ID>

    /// Creates an interaction.
    ///
    /// - Parameters:
    ///   - id: The interaction's identifier.
    ///   - counterpart: Who the squad works with.
    ///   - mode: How they work together.
    ///   - purpose: What it is for.
    ///   - start: The day it starts.
    ///   - expectedEnd: The day it is expected to end; `nil` by default.
    ///   - isBlocking: Whether the squad is blocked without it; `false` by default.
    ///   - dataNeeded: The data the squad needs from the other side; none by default.
    public init(
        id: ID,
        with counterpart: Counterpart,
        mode: Mode,
        purpose: String,
        start: Day,
        expectedEnd: Day? = nil,
        isBlocking: Bool = false,
        dataNeeded: Set<DataAsset.ID> = []
    ) {
        self.id = id
        self.counterpart = counterpart
        self.mode = mode
        self.purpose = purpose
        self.start = start
        self.expectedEnd = expectedEnd
        self.isBlocking = isBlocking
        self.dataNeeded = dataNeeded
    }

    /// Whether the interaction runs on `day`: from its start through its expected end, both included.
    public func isActive(on day: Day) -> Bool {
        start <= day && expectedEnd.map { day <= $0 } ?? true
    }

    /// Whether no end is set.
    public var isOpenEnded: Bool { expectedEnd == nil }
}

extension Interaction: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, department, squad, mode, purpose, start, expectedEnd, blocking, dataNeeded
    }

    /// Decodes an interaction, which names exactly one of `department` and `squad`; a missing `blocking`
    /// reads as false and missing `dataNeeded` as none.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when both or neither counterpart is named.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let department = try container.decodeIfPresent(Department.ID.self, forKey: .department)
        let squad = try container.decodeIfPresent(CustomerValueSquad.ID.self, forKey: .squad)
        let counterpart: Counterpart
        switch (department, squad) {
        case (let department?, nil): counterpart = .department(department)
        case (nil, let squad?): counterpart = .squad(squad)
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "[invalidDocument] an interaction names exactly one of department and squad"))
        }
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            with: counterpart,
            mode: try container.decode(Mode.self, forKey: .mode),
            purpose: try container.decode(String.self, forKey: .purpose),
            start: try container.decode(Day.self, forKey: .start),
            expectedEnd: try container.decodeIfPresent(Day.self, forKey: .expectedEnd),
            isBlocking: try container.decodeIfPresent(Bool.self, forKey: .blocking) ?? false,
            dataNeeded: try container.decodeIfPresent(Set<DataAsset.ID>.self, forKey: .dataNeeded) ?? []
        )
    }

    /// Encodes the interaction with its data sorted; an absent end is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        switch counterpart {
        case .department(let id): try container.encode(id, forKey: .department)
        case .squad(let id): try container.encode(id, forKey: .squad)
        }
        try container.encode(mode, forKey: .mode)
        try container.encode(purpose, forKey: .purpose)
        try container.encode(start, forKey: .start)
        try container.encodeIfPresent(expectedEnd, forKey: .expectedEnd)
        try container.encode(isBlocking, forKey: .blocking)
        try container.encode(dataNeeded.sorted(), forKey: .dataNeeded)
    }
}
