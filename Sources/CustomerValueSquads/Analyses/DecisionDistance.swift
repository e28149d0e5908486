/// How far a squad's decisions would travel up the reporting lines and back down if the squad could not make
/// them itself — the escalation a decision right saves.
///
/// The article's test of a squad is whether the surgeon must ask the boss before acting. Without a right to
/// decide, a question the squad's members share goes up from each of them to the lowest manager they all
/// report to, and the answer comes back down. The **climb** is the number of layers from the member farthest
/// below that manager up to them; the **distance** is the climb up and the same way down, `2 × climb`.
///
/// - The lowest common manager may be one of the members (a squad led by the manager of the others).
/// - When the members' lines meet in no one — they report to different people at the top, or to no one — the
///   question goes to the top of the company, one layer above the highest of them: the climb counts that
///   layer too, and ``meetingPoint`` is `nil`.
/// - A squad of one member, or with none, has nothing to climb: 0.
///
/// Each of the squad's decision rights saves the whole distance once: ``saved`` is `distance × rights`.
public struct DecisionDistance: Sendable, Hashable, Codable {
    /// The squad.
    public var squad: CustomerValueSquad.ID
    /// The lowest specialist every member is, or reports to; `nil` when their lines meet only at the top of the
    /// company, in no one.
    public var meetingPoint: Specialist.ID?
    /// Whether the lines meet only at the top: in no one, or in someone who reports to no one.
    public var meetsAtTop: Bool
    /// The layers from the member farthest below the meeting point up to it.
    public var climb: Int
    /// The number of decision rights the squad holds.
    public var rights: Int

    /// The layers a decision travels up to the meeting point and back down: `2 × climb`.
    public var distance: Int { 2 * climb }

    /// The layers of escalation the squad's rights save: `distance × rights` (0 without rights).
    public var saved: Int { distance * rights }

    /// Creates a squad's distance from its parts.
    init(squad: CustomerValueSquad.ID, meetingPoint: Specialist.ID?, meetsAtTop: Bool, climb: Int, rights: Int) {
        self.squad = squad
        self.meetingPoint = meetingPoint
        self.meetsAtTop = meetsAtTop
        self.climb = climb
        self.rights = rights
    }

    private enum CodingKeys: String, CodingKey {
        case squad, meetingPoint, meetsAtTop, climb, rights, distance, saved
    }

    /// Decodes a distance from its stored fields; `distance` and `saved` follow from them and are not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        squad = try container.decode(CustomerValueSquad.ID.self, forKey: .squad)
        meetingPoint = try container.decodeIfPresent(Specialist.ID.self, forKey: .meetingPoint)
        meetsAtTop = try container.decode(Bool.self, forKey: .meetsAtTop)
        climb = try container.decode(Int.self, forKey: .climb)
        rights = try container.decode(Int.self, forKey: .rights)
    }

    /// Encodes the stored fields and, for readers of the JSON, `distance` and `saved`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(squad, forKey: .squad)
        try container.encodeIfPresent(meetingPoint, forKey: .meetingPoint)
        try container.encode(meetsAtTop, forKey: .meetsAtTop)
        try container.encode(climb, forKey: .climb)
        try container.encode(rights, forKey: .rights)
        try container.encode(distance, forKey: .distance)
        try container.encode(saved, forKey: .saved)
    }
}

/// The decision distance of every squad that is not dissolved, and the organisation's totals.
public struct DecisionDistances: Sendable, Hashable, Codable {
    /// Each squad that is not dissolved, sorted by identifier.
    public var squads: [DecisionDistance]

    /// The layers of escalation all squads' rights save: the sum of ``DecisionDistance/saved``.
    public var totalSaved: Int { squads.reduce(0) { $0 + $1.saved } }

    /// The layers decisions still travel in squads that hold no decision right: the sum of their
    /// ``DecisionDistance/distance``.
    public var totalTravelling: Int { squads.reduce(0) { $0 + ($1.rights == 0 ? $1.distance : 0) } }

    /// Lists the squads' distances, sorted by squad.
    init(squads: [DecisionDistance]) { self.squads = squads }

    private enum CodingKeys: String, CodingKey {
        case squads, totalSaved, totalTravelling
    }

    /// Decodes the squads' distances; the totals follow from them and are not read.
    public init(from decoder: any Decoder) throws {
        squads = try decoder.container(keyedBy: CodingKeys.self).decode([DecisionDistance].self, forKey: .squads)
    }

    /// Encodes the squads' distances and, for readers of the JSON, the totals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(squads, forKey: .squads)
        try container.encode(totalSaved, forKey: .totalSaved)
        try container.encode(totalTravelling, forKey: .totalTravelling)
    }

    /// The distance of one squad, or `nil` for a squad not listed.
    ///
    /// - Complexity: O(log *q*), where *q* is the number of squads listed.
    public func distance(of squad: CustomerValueSquad.ID) -> DecisionDistance? {
        var low = 0
        var high = squads.count
        while low < high {
            let middle = (low + high) / 2
            if squads[middle].squad < squad { low = middle + 1 } else { high = middle }
        }
        return low < squads.count && squads[low].squad == squad ? squads[low] : nil
    }
}

extension Organization {
    /// How far each squad's decisions would climb the reporting lines without the squad, and what its
    /// decision rights save; see ``DecisionDistance`` for the definition.
    ///
    /// ```swift
    /// let distances = organization.decisionDistances()
    /// print("the squads' rights save \(distances.totalSaved) layers of escalation")
    /// ```
    ///
    /// - Complexity: O(*s* log *h* + *m* log *h*), where *s* is the number of specialists, *h* the number of
    ///   layers and *m* the total size of the squads: the lowest common manager of two people is found by
    ///   binary lifting, not by walking their lines.
    public func decisionDistances() -> DecisionDistances {
        let tree = ReportingTree(self)
        var result: [DecisionDistance] = []
        result.reserveCapacity(squadsByID.count)
        var members: [Int] = []
        for (id, squad) in squadsByID where squad.stage != .dissolved {
            members.removeAll(keepingCapacity: true)
            for member in squad.memberships.keys { if let node = tree.position(of: member) { members.append(node) } }
            var meeting: Int? = members.first
            var atTop = false
            var deepest = members.first.map(tree.depth) ?? 0
            for member in members.dropFirst() {
                deepest = max(deepest, tree.depth(member))
                guard let current = meeting else { continue }
                meeting = tree.lowestCommonManager(current, member)
                if meeting == nil { atTop = true }
            }
            let climb: Int
            if members.count < 2 {
                climb = 0
            } else if let meeting {
                climb = deepest - tree.depth(meeting)
            } else {
                climb = deepest + 1
            }
            result.append(
                DecisionDistance(
                    squad: id, meetingPoint: meeting.map { tree.layout.ids[$0] },
                    meetsAtTop: members.count >= 2 && (atTop || meeting.map(tree.isAtTop) ?? true),
                    climb: climb, rights: squad.decisionRights.count))
        }
        result.sort { $0.squad < $1.squad }
        return DecisionDistances(squads: result)
    }
}

extension Organization {
    /// How far one squad's decisions would climb the reporting lines without the squad, and what its decision
    /// rights save; `nil` for a squad that is not there or is dissolved. Equal to that squad's entry in
    /// ``decisionDistances()``.
    ///
    /// - Complexity: O(*m* × *h*), where *m* is the squad's size and *h* the number of layers: the first member's
    ///   line is walked up to the top, each other member's only until it meets the line of those before. For every
    ///   squad at once, ``decisionDistances()`` is faster.
    public func decisionDistance(of squad: CustomerValueSquad.ID) -> DecisionDistance? {
        guard let squad = squadsByID[squad], squad.stage != .dissolved else { return nil }
        return decisionDistance(of: squad)
    }

    /// The decision distance of a squad that is not dissolved, by walking its members' lines.
    func decisionDistance(of squad: CustomerValueSquad) -> DecisionDistance {
        let table = specialistsByID
        // The line from the top down to the meeting point so far: the person at each depth, and each one's depth.
        var line: [Specialist.ID] = []
        var depthOnLine: [Specialist.ID: Int] = [:]
        var members = 0
        var deepest = 0
        var meetsInNoOne = false
        var walked: [Specialist.ID] = []
        for member in squad.memberships.keys where table[member] != nil {
            members += 1
            // Up from the member to the first person on the line (the member first), or to the top.
            walked.removeAll(keepingCapacity: true)
            var current: Specialist.ID? = member
            var meeting: Int?
            while let person = current {
                if !meetsInNoOne, let depth = depthOnLine[person] {
                    meeting = depth
                    break
                }
                walked.append(person)
                current = table[person]?.manager
            }
            if members == 1 {
                // The first member's whole line, top first.
                line = walked.reversed()
                for (depth, id) in line.enumerated() { depthOnLine[id] = depth }
                deepest = line.count - 1
                continue
            }
            guard let meeting else {
                // The member's line reached the top without meeting the others'.
                meetsInNoOne = true
                deepest = max(deepest, walked.count - 1)
                continue
            }
            // The member is as deep as the steps walked below the meeting person, and the meeting point moves up.
            deepest = max(deepest, meeting + walked.count)
            for id in line[(meeting + 1)...] { depthOnLine[id] = nil }
            line.removeLast(line.count - 1 - meeting)
        }
        guard members >= 2 else {
            return DecisionDistance(
                squad: squad.id, meetingPoint: line.last, meetsAtTop: false, climb: 0,
                rights: squad.decisionRights.count)
        }
        let meetingPoint = meetsInNoOne ? nil : line.last
        // The meeting point's depth: the people above it on its line.
        let climb = meetingPoint == nil ? deepest + 1 : deepest - (line.count - 1)
        return DecisionDistance(
            squad: squad.id, meetingPoint: meetingPoint, meetsAtTop: meetsInNoOne || line.count == 1, climb: climb,
            rights: squad.decisionRights.count)
    }
}
