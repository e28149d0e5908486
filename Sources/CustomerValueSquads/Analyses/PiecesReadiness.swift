/// Whether a squad has its three basic pieces — people, method and brain — with the evidence behind each.
public struct PiecesReadiness: Sendable, Hashable, Codable {
    /// One piece and the evidence for or against it.
    public struct Piece: Sendable, Hashable, Codable {
        /// Whether the piece is in place.
        public var isReady: Bool
        /// Sentences a person can check, such as `"members come from 4 departments: ..."`.
        public var evidence: [String]
    }

    /// The squad.
    public var squad: CustomerValueSquad.ID
    /// The people piece: a network organisation, members from at least two departments.
    public var people: Piece
    /// The method piece: agile operations, a rhythm of break-fix cycles.
    public var method: Piece
    /// The brain piece: intelligence and analytics, a member with an analytics skill or a grant to
    /// analytical data.
    public var brain: Piece

    /// Whether all three pieces are in place.
    public var isReady: Bool { people.isReady && method.isReady && brain.isReady }
}

extension Organization {
    /// The readiness of a squad's three pieces, with the evidence behind each.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - analyticsSkills: The skills that count as analytics for the brain piece; `[.analytics]` by default.
    ///   - day: The day grants must be live on; ``Day/today`` by default.
    /// - Returns: The readiness, or `nil` if there is no such squad.
    /// - Complexity: O(*m* + *g*), where *m* is the squad's size and *g* the number of its grants.
    public func readiness(
        of squad: CustomerValueSquad.ID,
        analyticsSkills: Set<Skill> = [.analytics],
        on day: Day? = nil
    ) -> PiecesReadiness? {
        guard let squad = squadsByID[squad] else { return nil }
        let departments = departments(of: squad.id)
        let people = PiecesReadiness.Piece(
            isReady: departments.count >= 2,
            evidence: departments.isEmpty
                ? ["the squad has no members"]
                : [
                    "members come from \(Self.counted(departments.count, "department")): "
                        + departments.map(\.rawValue).joined(separator: ", ")
                ]
        )
        let method = PiecesReadiness.Piece(
            isReady: squad.cycleLength != nil,
            evidence: [squad.cycleLength.map { "break-fix cycles of \($0)" } ?? "no break-fix cycle is set"]
        )
        var brainEvidence: [String] = []
        for member in squad.memberships.keys.sorted() {
            guard let specialist = specialistsByID[member] else { continue }
            for skill in analyticsSkills.sorted() {
                if let level = specialist.skills[skill] {
                    brainEvidence.append("\(member) brings \(skill.rawValue) (\(level.rawValue))")
                }
            }
        }
        for asset in reachableData(from: squad.id, on: day) where dataAsset(asset)?.kind == .analytical {
            brainEvidence.append("a grant reaches analytical data \(asset)")
        }
        let brain = PiecesReadiness.Piece(
            isReady: !brainEvidence.isEmpty,
            evidence: brainEvidence.isEmpty
                ? ["no member does analytics and no grant reaches analytical data"] : brainEvidence
        )
        return PiecesReadiness(squad: squad.id, people: people, method: method, brain: brain)
    }
}
