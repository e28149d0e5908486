/// A person with a speciality, who keeps a home department while serving in squads.
public struct Specialist: Identifiable, Sendable, Hashable {
    /// The identifier of a specialist.
    public typealias ID = Identifier<Specialist>

    /// The specialist's identifier.
    public var id: ID
    /// The specialist's name.
    public var name: String
    /// The specialist's job title, such as `"Anaesthetist"`; may be empty.
    public var title: String
    /// The home department, whose chief the specialist still reports to.
    public var department: Department.ID
    /// The skills the specialist brings, each with a proficiency.
    public var skills: [Skill: Proficiency]
    /// The specialist's manager — the person they report to — or `nil` for someone at the top of a reporting
    /// line (or whose line is not known).
    ///
    /// An organisation keeps the reporting lines whole: the manager is another specialist of the organisation,
    /// and no one is their own manager, directly or through others. Change it with
    /// ``Organization/setManager(_:for:)``.
    public var manager: ID?

    /// Creates a specialist.
    ///
    /// - Parameters:
    ///   - id: The specialist's identifier.
    ///   - name: The specialist's name.
    ///   - title: The job title; empty by default.
    ///   - department: The home department.
    ///   - skills: The skills the specialist brings; none by default.
    public init(
        id: ID,
        name: String,
        title: String = "",
        department: Department.ID,
        skills: [Skill: Proficiency] = [:]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.department = department
        self.skills = skills
    }

    /// Creates a specialist who reports to a manager.
    ///
    /// - Parameters:
    ///   - id: The specialist's identifier.
    ///   - name: The specialist's name.
    ///   - title: The job title; empty by default.
    ///   - department: The home department.
    ///   - manager: The specialist they report to, or `nil`.
    ///   - skills: The skills the specialist brings; none by default.
    public init(
        id: ID,
        name: String,
        title: String = "",
        department: Department.ID,
        manager: ID?,
        skills: [Skill: Proficiency] = [:]
    ) {
        self.init(id: id, name: name, title: title, department: department, skills: skills)
        self.manager = manager
    }

    /// Whether the specialist has `skill` at `minimum` proficiency or better.
    public func has(_ skill: Skill, atLeast minimum: Proficiency = .novice) -> Bool {
        guard let level = skills[skill] else { return false }
        return level >= minimum
    }
}

extension Specialist: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, title, department, manager, skills
    }

    /// Decodes a specialist; `manager` may be absent (version 1 and 2 documents have none); skills are a list of `{"skill", "proficiency"}` objects, each skill once.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the list entry that repeats a skill.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let skills = try container.decodeSkills(forKey: .skills)
        self.init(
            id: try container.decode(ID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            title: try container.decodeIfPresent(String.self, forKey: .title) ?? "",
            department: try container.decode(Department.ID.self, forKey: .department),
            manager: try container.decodeIfPresent(ID.self, forKey: .manager),
            skills: skills
        )
    }

    /// Encodes the specialist, with skills sorted by name so the output is deterministic.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(title, forKey: .title)
        try container.encode(department, forKey: .department)
        try container.encodeIfPresent(manager, forKey: .manager)
        try container.encodeSkills(skills, forKey: .skills)
    }
}
