// The organisation document and the values inside it, read with the scanner. Each reader mirrors its type's
// `Codable` conformance; `FuzzedDecodingTests` checks that both read every document alike.

/// The parts of an organisation document, read but not yet checked against each other.
struct OrganizationParts {
    var schemaVersion: Int?
    var schemaVersionOffset = 0
    var name: String?
    var goal = ""
    var departments: [Department] = []
    var specialists: [Specialist] = []
    var squads: [CustomerValueSquad] = []
}

extension JSONScanner {
    /// Reads an organisation document into its parts.
    ///
    /// - Parameter background: Whether to read the specialists on another thread while this one reads on; the
    ///   parts and the failures are the same either way.
    mutating func readOrganizationParts(background: Bool = false) throws(JSONFailure) -> OrganizationParts {
        var parts = OrganizationParts()
        var reader: BackgroundSpecialists?
        var start = 0
        var failure: JSONFailure?
        do {
            start = try readObject(Organization.self, "an organisation object") { scanner, key throws(JSONFailure) in
                switch key {
                case "schemaVersion":
                    scanner.skipWhitespace()
                    parts.schemaVersionOffset = scanner.offset
                    parts.schemaVersion = try scanner.readInt()
                case "name": parts.name = try scanner.readString()
                case "goal": parts.goal = try scanner.readOptionalString() ?? ""
                case "departments":
                    parts.departments = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readDepartment()
                    }
                case "specialists":
                    scanner.skipWhitespace()
                    if background, reader == nil, let end = scanner.endOfList(from: scanner.offset) {
                        reader = BackgroundSpecialists(
                            bytes: scanner.bytes.buffer, start: scanner.offset, end: end, depth: scanner.depth)
                        scanner.offset = end
                    } else {
                        parts.specialists = try scanner.readOptionalArray { s throws(JSONFailure) in
                            try s.readSpecialist()
                        }
                    }
                case "squads":
                    parts.squads = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readSquad() }
                default: return false
                }
                return true
            }
            try expectEnd()
        } catch {
            failure = error
        }
        if let reader {
            // The specialists come before anything read after them: their failure is the first in the document.
            let read = try reader.wait().get()
            guard read.end == reader.end else {
                throw JSONFailure(kind: .readAgain, offset: 0, message: "the list of specialists ends elsewhere")
            }
            parts.specialists = read.specialists
            if !read.unknownFields.isEmpty { unknownFields = (unknownFields + read.unknownFields).sorted() }
        }
        if let failure { throw failure }
        guard parts.schemaVersion != nil else { throw missing("schemaVersion", in: start) }
        guard parts.name != nil else { throw missing("name", in: start) }
        return parts
    }

    mutating func readDepartment() throws(JSONFailure) -> Department {
        var id: Department.ID?
        var name: String?
        var function = ""
        var parent: Department.ID?
        var head: Specialist.ID?
        var assets: [DataAsset] = []
        var floor: Double?
        var cost: Double?
        let start = try readObject(Department.self, "a department object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "name": name = try scanner.readString()
            case "function": function = try scanner.readOptionalString() ?? ""
            case "parent": parent = try scanner.readOptionalID()
            case "head": head = try scanner.readOptionalID()
            case "dataAssets": assets = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readDataAsset() }
            case "capacityFloor": floor = try scanner.readOptionalDouble()
            case "costPerFTE": cost = try scanner.readOptionalDouble()
            default: return false
            }
            return true
        }
        return Department(
            id: try required(id, "id", in: start), name: try required(name, "name", in: start), function: function,
            parent: parent, head: head, dataAssets: assets, capacityFloor: floor, costPerFTE: cost)
    }

    mutating func readDataAsset() throws(JSONFailure) -> DataAsset {
        var id: DataAsset.ID?
        var name: String?
        var kind: DataAsset.Kind?
        let start = try readObject(DataAsset.self, "a data asset object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "name": name = try scanner.readString()
            case "kind": kind = DataAsset.Kind(rawValue: try scanner.readString(DataAsset.Kind.self))
            default: return false
            }
            return true
        }
        return DataAsset(
            id: try required(id, "id", in: start), name: try required(name, "name", in: start),
            kind: try required(kind, "kind", in: start))
    }

    mutating func readSpecialist() throws(JSONFailure) -> Specialist {
        var id: Specialist.ID?
        var name: String?
        var title = ""
        var department: Department.ID?
        var manager: Specialist.ID?
        var skills: [Skill: Proficiency] = [:]
        let start = try readObject(Specialist.self, "a specialist object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "name": name = try scanner.readString()
            case "title": title = try scanner.readOptionalString() ?? ""
            case "department": department = try scanner.readID()
            case "manager": manager = scanner.skipNull() ? nil : try scanner.readID()
            case "skills": skills = try scanner.readSkills()
            default: return false
            }
            return true
        }
        return Specialist(
            id: try required(id, "id", in: start), name: try required(name, "name", in: start), title: title,
            department: try required(department, "department", in: start), manager: manager, skills: skills)
    }

    /// Reads a list of `{"skill", "proficiency"}` objects, each skill once (a specialist's or a seat's skills).
    mutating func readSkills() throws(JSONFailure) -> [Skill: Proficiency] {
        guard !skipNull() else { return [:] }
        try beginArray([Skill].self)
        depth += 1
        defer { depth -= 1 }
        var skills = [Skill: Proficiency](minimumCapacity: 3)  // most list one to three: one table, made once
        var first = true
        while try nextElement(first: first) {
            first = false
            skipWhitespace()
            let entryStart = offset
            let (skill, proficiency) = try readSkillEntry()
            guard skills.updateValue(proficiency, forKey: skill) == nil else {
                throw invalid(
                    OrganizationError(
                        code: .duplicateID, message: "skill \(String(reflecting: skill.rawValue)) is listed twice"),
                    at: entryStart)
            }
        }
        return skills
    }

    private mutating func readSkillEntry() throws(JSONFailure) -> (Skill, Proficiency) {
        var skill: Skill?
        var proficiency: Proficiency?
        let start = try readObject(Skill.self, "a skill object") { scanner, key throws(JSONFailure) in
            switch key {
            case "skill": skill = Skill(rawValue: try scanner.readString(Skill.self))
            case "proficiency": proficiency = try scanner.readCase("proficiency")
            default: return false
            }
            return true
        }
        return (try required(skill, "skill", in: start), try required(proficiency, "proficiency", in: start))
    }

    mutating func readMission() throws(JSONFailure) -> Mission {
        var statement: String?
        var valueArea: ValueArea?
        var customer = ""
        var skills: Set<Skill> = []
        var data: Set<DataAsset.ID> = []
        var contribution = ""
        let start = try readObject(Mission.self, "a mission object") { scanner, key throws(JSONFailure) in
            switch key {
            case "statement": statement = try scanner.readString()
            case "valueArea": valueArea = scanner.skipNull() ? nil : try scanner.readValueArea()
            case "customer": customer = try scanner.readOptionalString() ?? ""
            case "requiredSkills":
                skills = Set(
                    try scanner.readOptionalArray { s throws(JSONFailure) in
                        Skill(rawValue: try s.readString(Skill.self))
                    })
            case "requiredData":
                data = Set(try scanner.readOptionalArray { s throws(JSONFailure) in try s.readID(DataAsset.self) })
            case "goalContribution": contribution = try scanner.readOptionalString() ?? ""
            default: return false
            }
            return true
        }
        return Mission(
            statement: try required(statement, "statement", in: start), valueArea: valueArea, customer: customer,
            requiredSkills: skills,
            requiredData: data, goalContribution: contribution)
    }

    private mutating func readValueArea() throws(JSONFailure) -> ValueArea {
        var kind: String?
        var kindOffset = 0
        var detail: String?
        let start = try readObject(ValueArea.self, "a value area object") { scanner, key throws(JSONFailure) in
            switch key {
            case "kind":
                scanner.skipWhitespace()
                kindOffset = scanner.offset
                kind = try scanner.readString()
            case "detail": detail = try scanner.readOptionalString()
            default: return false
            }
            return true
        }
        guard let kind else { throw missing("kind", in: start) }
        func needDetail() throws(JSONFailure) -> String {
            guard let detail else { throw missing("detail", in: start) }
            return detail
        }
        switch kind {
        case "geography": return .geography(try needDetail())
        case "account": return .account(try needDetail())
        case "revenueOperations": return .revenueOperations
        case "productService": return .productService(try needDetail())
        case "designSupport": return .designSupport
        case "crossChannelMarketing": return .crossChannelMarketing
        case "custom": return .custom(try needDetail())
        default:
            throw invalid(
                OrganizationError(code: .invalidValue, message: "unknown value area kind \(String(reflecting: kind))"),
                at: kindOffset)
        }
    }
}
