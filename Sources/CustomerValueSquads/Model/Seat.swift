/// An open seat of a squad: a place for a specialist the squad needs and does not have yet — the role, the
/// skills with the proficiency the work asks for, the share of time, and the day it is needed from.
///
/// A squad "fills skill gaps that become visible once the squad operates": a seat makes such a gap a thing a
/// plan can hold, a rollout can date and a budget can cost. It exists independently of whoever will hold it;
/// ``Organization/fillSeat(_:in:with:since:)`` turns it into a membership, and a seat no one inside can fill
/// becomes a hire.
///
/// When the seat enters an ``Organization`` its identifier must be unique within the squad, its role and its
/// skills must not be blank, a cost of its own must be in range, its department must exist, and the squad must not
/// be dissolved; a department cannot be removed while a seat names it. Whether a seat is open past its day is a
/// policy (``SeatOverdueRule``).
public struct Seat: Identifiable, Sendable, Hashable {
    /// The identifier of a seat, unique within one squad.
    public typealias ID = Identifier<Seat>

    /// The seat's identifier.
    public var id: ID
    /// The role whoever fills the seat takes in the squad, such as `"account manager"`.
    public var role: Role
    /// The skills the seat needs, each with the least proficiency that will do.
    public var skills: [Skill: Proficiency]
    /// The share of time the seat asks for.
    public var share: TimeShare
    /// The day the squad needs the seat filled from.
    public var neededFrom: Day
    /// A note for whoever fills or costs it, such as `"Bahasa and English"`; empty when there is none.
    public var note: String
    /// What one full-time equivalent in this seat costs, when it differs from the department's
    /// ``Department/costPerFTE`` (a hire in a scarce skill); `nil` to use the department's. From 0 to
    /// ``Department/maximumCostPerFTE``.
    public var costPerFTE: Double? = nil
    /// The department a hire for the seat would join, and whose ``Department/costPerFTE`` prices it; `nil` when
    /// none is chosen. Candidates from inside may come from any department, as squads draw from every silo.
    public var department: Department.ID? = nil

    /// Creates a seat.
    ///
    /// - Parameters:
    ///   - id: The seat's identifier, unique within its squad.
    ///   - role: The role in the squad.
    ///   - skills: The skills needed, with the least proficiency for each; none by default.
    ///   - share: The share of time; full time by default.
    ///   - neededFrom: The day the seat is needed from.
    ///   - note: A note; empty by default.
    public init(
        id: ID,
        role: Role,
        skills: [Skill: Proficiency] = [:],
        share: TimeShare = .fullTime,
        neededFrom: Day,
        note: String = ""
    ) {
        self.id = id
        self.role = role
        self.skills = skills
        self.share = share
        self.neededFrom = neededFrom
        self.note = note
    }

    /// Whether `specialist` has every skill the seat needs, at least at the proficiency it asks for.
    ///
    /// - Complexity: O(*k*), where *k* is the number of the seat's skills.
    public func isMet(by specialist: Specialist) -> Bool {
        skills.allSatisfy { skill, level in specialist.skills[skill].map { $0 >= level } ?? false }
    }
}

extension Seat: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, role, skills, share, neededFrom, note, costPerFTE, department
    }

    /// Decodes a seat; skills are a list of `{"skill", "proficiency"}` objects, each skill once, as a
    /// specialist's are; a missing note is empty.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the list entry that repeats a skill.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let skills = try container.decodeSkills(forKey: .skills)
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            role: try container.decode(Role.self, forKey: .role),
            skills: skills,
            share: try container.decode(TimeShare.self, forKey: .share),
            neededFrom: try container.decode(Day.self, forKey: .neededFrom),
            note: try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        )
        costPerFTE = try container.decodeIfPresent(Double.self, forKey: .costPerFTE)
        department = try container.decodeIfPresent(Department.ID.self, forKey: .department)
    }

    /// Encodes a seat; the skills sorted, none, an empty note, no cost of its own and no department left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(role, forKey: .role)
        if !skills.isEmpty { try container.encodeSkills(skills, forKey: .skills) }
        try container.encode(share, forKey: .share)
        try container.encode(neededFrom, forKey: .neededFrom)
        if !note.isEmpty { try container.encode(note, forKey: .note) }
        try container.encodeIfPresent(costPerFTE, forKey: .costPerFTE)
        try container.encodeIfPresent(department, forKey: .department)
    }
}
