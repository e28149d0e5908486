extension Organization: Codable {
    /// The version of the JSON format this library writes and reads.
    ///
    /// See `Documentation/JSONFormat.md` for the format. Decoding refuses any other version with
    /// ``OrganizationError/Code/unsupportedSchemaVersion``.
    public static var schemaVersion: Int { 3 }

    /// The versions of the format this library reads: 1 (no capacity floors or cost rates), 2 (no reporting
    /// lines) and 3.
    public static var readableSchemaVersions: ClosedRange<Int> { 1...3 }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, name, goal, departments, specialists, squads
    }

    /// The list fields whose path components are positions rather than keys.
    private static let indexedLists: Set<String> = [
        "departments", "specialists", "squads", "dataAssets", "outcomes", "history", "cycles", "checkIns",
        "interactions",
    ]

    /// Decodes an organisation and re-checks every invariant.
    ///
    /// - Throws: `DecodingError` for a malformed document, a missing field or a value of the wrong type, with
    ///   its coding path; `DecodingError.dataCorrupted` whose underlying error is an ``OrganizationError``
    ///   when the document breaks an invariant, with the coding path of the offending field (for
    ///   memberships, rights and grants the path names the entry's key, such as
    ///   `squads[1].memberships["nurse-2"].share`).
    /// - Complexity: O(*n*), where *n* is the size of the document.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard Self.readableSchemaVersions.contains(version) else {
            let error = OrganizationError(
                code: .unsupportedSchemaVersion,
                message:
                    "schema version \(version) is not supported; this library reads versions \(Self.readableSchemaVersions.lowerBound) to \(Self.readableSchemaVersions.upperBound)"
            )
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [CodingKeys.schemaVersion],
                    debugDescription: error.description,
                    underlyingError: error
                )
            )
        }
        let name = try container.decode(String.self, forKey: .name)
        self.init(checkedName: name, goal: try container.decodeIfPresent(String.self, forKey: .goal) ?? "")
        let departments = try container.decodeIfPresent([Department].self, forKey: .departments) ?? []
        let specialists = try container.decodeIfPresent([Specialist].self, forKey: .specialists) ?? []
        let squads = try container.decodeIfPresent([CustomerValueSquad].self, forKey: .squads) ?? []
        do {
            try Self.requireText(name, "the organisation's name", path: ["name"])
            try load(departments: departments, specialists: specialists, squads: squads)
        } catch {
            var keys: [any CodingKey] = []
            var previous = ""
            for component in error.path {
                if Self.indexedLists.contains(previous), let index = Int(component) {
                    keys.append(IndexKey(index))
                } else {
                    keys.append(NameKey(component))
                }
                previous = component
            }
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + keys,
                    debugDescription: "[\(error.code)] \(error.message)",
                    underlyingError: error
                )
            )
        }
    }

    /// Encodes the organisation with every list sorted by identifier.
    ///
    /// With an encoder whose output formatting includes `.sortedKeys`, the same value always encodes to the
    /// same bytes; ``jsonData(prettyPrinted:)`` sets that up.
    ///
    /// - Complexity: O(*n* log *n*), where *n* is the size of the organisation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(name, forKey: .name)
        try container.encode(goal, forKey: .goal)
        try container.encode(departments, forKey: .departments)
        try container.encode(specialists, forKey: .specialists)
        try container.encode(squads, forKey: .squads)
    }
}
