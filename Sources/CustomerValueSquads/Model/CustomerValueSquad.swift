/// A small, cross-functional, empowered and accountable team of specialists drawn from department silos
/// and organised around a customer-centred mission.
///
/// A squad value on its own is plain data. When it enters an ``Organization`` (``Organization/formSquad(_:)``
/// or decoding) every reference it holds is checked — members, grants, the mission's data, the owner —
/// and from then on the organisation's transformations keep it consistent.
public struct CustomerValueSquad: Identifiable, Sendable, Hashable {
    /// The identifier of a squad.
    public typealias ID = Identifier<CustomerValueSquad>

    /// Where a squad is in its life, from being formed to being dissolved.
    ///
    /// A squad moves forward only — forming, piloting, operating, replicating — except that a replicating
    /// squad may return to operating once its replicas are out. Any stage but dissolved may end in
    /// dissolved, which is final.
    public enum Stage: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
        /// Being put together; policies are reported as warnings rather than errors.
        case forming
        /// The one pilot squad, breaking and fixing things in short cycles.
        case piloting
        /// Running as a proven squad.
        case operating
        /// Serving as the design that new squads copy.
        case replicating
        /// Ended; it holds no members, no grants and no interactions.
        case dissolved

        private var order: Int {
            switch self {
            case .forming: 0
            case .piloting: 1
            case .operating: 2
            case .replicating: 3
            case .dissolved: 4
            }
        }

        /// Orders stages along the lifecycle.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

        /// Whether a squad in this stage may move to `next`.
        public func canMove(to next: Stage) -> Bool {
            switch (self, next) {
            case (.dissolved, _): false
            case (.replicating, .operating): true
            default: next > self
            }
        }
    }

    /// The squad's identifier.
    public var id: ID
    /// The squad's name, such as `"Operating room 3"`.
    public var name: String
    /// What the squad is for.
    public var mission: Mission
    /// The squad's members, keyed by specialist.
    public var memberships: [Specialist.ID: Membership]
    /// The decisions the squad may take without escalation, keyed by identifier.
    public var decisionRights: [DecisionRight.ID: DecisionRight]
    /// The squad's permissions to pull data out of the silos, keyed by data asset.
    public var grants: [DataAsset.ID: DataAccessGrant]
    /// What the squad answers for.
    public var accountability: Accountability
    /// The length of one break-fix cycle, or `nil` while the squad has no rhythm yet.
    public var cycleLength: Cadence?
    /// Where the squad is in its life.
    public var stage: Stage
    /// The memberships that have ended, oldest first.
    public var history: [PastMembership]
    /// The break-fix cycles the squad has run, in the order they were recorded.
    public var cycles: [BreakFixCycle]
    /// How the squad works with departments and other squads, in the order they were agreed; each identifier
    /// appears once.
    public var interactions: [Interaction]
    /// The seats the squad has open, in the order they were opened; each identifier appears once. See ``Seat``.
    public var seats: [Seat] = []

    /// Creates a squad.
    ///
    /// - Parameters:
    ///   - id: The squad's identifier.
    ///   - name: The squad's name.
    ///   - mission: What the squad is for.
    ///   - memberships: The members, keyed by specialist; none by default.
    ///   - decisionRights: The delegated decisions; none by default.
    ///   - grants: The data-access grants, keyed by asset; none by default.
    ///   - accountability: What the squad answers for; empty by default.
    ///   - cycleLength: The break-fix cycle length; `nil` by default.
    ///   - stage: The lifecycle stage; ``Stage-swift.enum/forming`` by default.
    ///   - history: The memberships that have ended; none by default.
    ///   - cycles: The break-fix cycles run so far; none by default.
    ///   - interactions: How the squad works with departments and other squads; none by default.
    public init(
        id: ID,
        name: String,
        mission: Mission,
        memberships: [Specialist.ID: Membership] = [:],
        decisionRights: [DecisionRight.ID: DecisionRight] = [:],
        grants: [DataAsset.ID: DataAccessGrant] = [:],
        accountability: Accountability = Accountability(),
        cycleLength: Cadence? = nil,
        stage: Stage = .forming,
        history: [PastMembership] = [],
        cycles: [BreakFixCycle] = [],
        interactions: [Interaction] = []
    ) {
        self.id = id
        self.name = name
        self.mission = mission
        self.memberships = memberships
        self.decisionRights = decisionRights
        self.grants = grants
        self.accountability = accountability
        self.cycleLength = cycleLength
        self.stage = stage
        self.history = history
        self.cycles = cycles
        self.interactions = interactions
    }

    /// The interaction with the given identifier, if any.
    ///
    /// - Complexity: O(*n*), where *n* is the number of the squad's interactions.
    public func interaction(_ id: Interaction.ID) -> Interaction? {
        interactions.first { $0.id == id }
    }

    /// The number of members.
    public var size: Int { memberships.count }

    /// The number of recorded cycles that ended in a small failure.
    public var smallFailureCount: Int { cycles.count { $0.result == .smallFailure } }

    /// The number of recorded cycles that ended in a large failure.
    public var largeFailureCount: Int { cycles.count { $0.result == .largeFailure } }

    /// Whether the small failures so far stay within what the accountability tolerates, with no large failure.
    public var isWithinFailureTolerance: Bool {
        largeFailureCount == 0 && smallFailureCount <= accountability.toleratedSmallFailures
    }

    /// The members' identifiers, sorted.
    ///
    /// - Complexity: O(*m* log *m*), where *m* is the number of members.
    public var memberIDs: [Specialist.ID] { memberships.keys.sorted() }
}

extension CustomerValueSquad: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, stage, cycleLength, mission, memberships, decisionRights, grants, accountability, history
        case cycles, interactions, seats
    }

    private struct MembershipEntry: Codable {
        var specialist: Specialist.ID
        var role: Role
        var share: TimeShare
        var since: Day?
    }

    private struct DecisionRightEntry: Codable {
        var id: DecisionRight.ID
        var scope: String
        var limit: DecisionRight.Limit?
    }

    private struct GrantEntry: Codable {
        var asset: DataAsset.ID
        var approvedBy: Specialist.ID?
        var reason: String?
        var expires: Day?
    }

    /// Decodes a squad; memberships, decision rights and grants are lists whose keys appear once each.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the list entry that repeats a specialist, a decision
    ///   right or a data asset.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func keyed<Entry: Decodable, Key: Hashable & CustomStringConvertible, Value>(
            _ key: CodingKeys,
            _ split: (Entry) -> (Key, Value)
        ) throws -> [Key: Value] {
            let entries = try container.decodeIfPresent([Entry].self, forKey: key) ?? []
            var result: [Key: Value] = [:]
            for (index, entry) in entries.enumerated() {
                let (entryKey, value) = split(entry)
                guard result.updateValue(value, forKey: entryKey) == nil else {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: container.codingPath + [key, IndexKey(index)],
                            debugDescription: "[duplicateID] \(entryKey) is listed twice in \(key.stringValue)"
                        )
                    )
                }
            }
            return result
        }
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            mission: try container.decode(Mission.self, forKey: .mission),
            memberships: try keyed(.memberships) { (entry: MembershipEntry) in
                (entry.specialist, Membership(role: entry.role, share: entry.share, since: entry.since))
            },
            decisionRights: try keyed(.decisionRights) { (entry: DecisionRightEntry) in
                (entry.id, DecisionRight(scope: entry.scope, limit: entry.limit))
            },
            grants: try keyed(.grants) { (entry: GrantEntry) in
                (
                    entry.asset,
                    DataAccessGrant(approvedBy: entry.approvedBy, reason: entry.reason ?? "", expires: entry.expires)
                )
            },
            accountability: try container.decodeIfPresent(Accountability.self, forKey: .accountability)
                ?? Accountability(),
            cycleLength: try container.decodeIfPresent(Cadence.self, forKey: .cycleLength),
            stage: try container.decodeIfPresent(Stage.self, forKey: .stage) ?? .forming,
            history: try container.decodeIfPresent([PastMembership].self, forKey: .history) ?? [],
            cycles: try container.decodeIfPresent([BreakFixCycle].self, forKey: .cycles) ?? [],
            interactions: try container.decodeIfPresent([Interaction].self, forKey: .interactions) ?? []
        )
        seats = try container.decodeIfPresent([Seat].self, forKey: .seats) ?? []
    }

    /// Encodes the squad with its lists sorted by key, so the output is deterministic.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(stage, forKey: .stage)
        try container.encodeIfPresent(cycleLength, forKey: .cycleLength)
        try container.encode(mission, forKey: .mission)
        try container.encode(
            memberships.sorted { $0.key < $1.key }.map {
                MembershipEntry(specialist: $0.key, role: $0.value.role, share: $0.value.share, since: $0.value.since)
            },
            forKey: .memberships
        )
        try container.encode(
            decisionRights.sorted { $0.key < $1.key }.map {
                DecisionRightEntry(id: $0.key, scope: $0.value.scope, limit: $0.value.limit)
            },
            forKey: .decisionRights
        )
        try container.encode(
            grants.sorted { $0.key < $1.key }.map {
                GrantEntry(
                    asset: $0.key, approvedBy: $0.value.approvedBy, reason: $0.value.reason, expires: $0.value.expires)
            },
            forKey: .grants
        )
        try container.encode(accountability, forKey: .accountability)
        try container.encode(history, forKey: .history)
        try container.encode(cycles, forKey: .cycles)
        try container.encode(interactions, forKey: .interactions)
        if !seats.isEmpty { try container.encode(seats, forKey: .seats) }
    }
}
