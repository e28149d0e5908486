/// A coding key for a position in a list, used to name the element a decoding error points at.
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        self.intValue = index
        self.stringValue = "Index \(index)"
    }

    init?(intValue: Int) { self.init(intValue) }

    init?(stringValue: String) { nil }
}

/// A coding key for a named field, used to rebuild a coding path from an ``OrganizationError/path``.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { self.stringValue = name }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) { nil }
}

/// A skill and its proficiency as the format lists them: `{"skill", "proficiency"}`.
struct SkillEntry: Codable {
    var skill: Skill
    var proficiency: Proficiency
}

extension KeyedDecodingContainer {
    /// Skills listed as `{"skill", "proficiency"}` objects under `key`, each skill once; none when absent.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the list entry that repeats a skill.
    func decodeSkills(forKey key: Key) throws -> [Skill: Proficiency] {
        let entries = try decodeIfPresent([SkillEntry].self, forKey: key) ?? []
        var skills: [Skill: Proficiency] = [:]
        for (index, entry) in entries.enumerated() {
            guard skills.updateValue(entry.proficiency, forKey: entry.skill) == nil else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath + [key, IndexKey(index)],
                        debugDescription: "skill \(String(reflecting: entry.skill.rawValue)) is listed twice"
                    )
                )
            }
        }
        return skills
    }
}

extension KeyedEncodingContainer {
    /// Encodes skills as a list of `{"skill", "proficiency"}` objects sorted by skill.
    mutating func encodeSkills(_ skills: [Skill: Proficiency], forKey key: Key) throws {
        try encode(
            skills.sorted { $0.key < $1.key }.map { SkillEntry(skill: $0.key, proficiency: $0.value) }, forKey: key)
    }
}
