#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON value for writing documents whose shape is not a Swift type, such as JSON-LD.
enum JSONNode: Encodable {
    case object([String: JSONNode])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case integer(Int)
    case boolean(Bool)

    static func id(_ iri: String) -> JSONNode { .object(["@id": .string(iri)]) }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: NameKey.self)
            for (key, value) in members { try container.encode(value, forKey: NameKey(key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .boolean(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}

extension Organization {
    /// The IRI prefix of this library's own terms, for what the W3C Organization Ontology has no term for.
    public static let linkedDataNamespace = "https://customervaluesquads.invalid/ns#"

    /// The organisation as JSON-LD in the W3C Organization Ontology (`http://www.w3.org/ns/org#`).
    ///
    /// The organisation is an `org:FormalOrganization`; departments are `org:OrganizationalUnit`s
    /// (`org:unitOf` the organisation, `org:subOrganizationOf` their parent); specialists are `foaf:Person`s,
    /// `org:memberOf` their home department, `org:headOf` the department they head and `org:reportsTo` their
    /// manager; squads are
    /// `org:OrganizationalCollaboration`s whose `org:purpose` is the mission; each squad membership is an
    /// `org:Membership` with `org:member`, `org:organization`, an `org:role` and, where dates exist,
    /// `org:memberDuring` a `time:Interval`. Each member's place is also an `org:Post` `org:postIn` the squad with
    /// its `org:role`, `org:heldBy` the member; each open seat is an `org:Post` held by no one, with `cvs:name`,
    /// `cvs:share`, `cvs:neededFrom`, `cvs:skill` (`cvs:name`, `cvs:proficiency`) and, where the seat has them,
    /// `cvs:department`, `cvs:costPerFTE` and `cvs:note`. Decision rights, data-access grants, data assets, skills,
    /// outcomes and cycles have no ORG term and are carried as `cvs:` properties (see
    /// ``linkedDataNamespace``). Nodes are named `cvs:department/ID`, `cvs:person/ID`, `cvs:squad/ID`.
    ///
    /// A squad's interactions keep to ORG where it has a term: the squad is `org:linkedTo` each department or
    /// squad it interacts with. The contract itself has none and is a `cvs:interaction` node with `cvs:name`,
    /// `cvs:with` (the counterpart's node), `cvs:mode`, `cvs:purpose`, `cvs:start`, `cvs:expectedEnd`,
    /// `cvs:blocking` and `cvs:dataNeeded`. An outcome carries `cvs:weight` and its dated measurements as
    /// `cvs:checkIn` nodes with `cvs:day`, `cvs:value`, `cvs:confidence` and `cvs:note`.
    ///
    /// - Parameter prettyPrinted: Whether to indent the document; `true` by default.
    /// - Returns: The JSON-LD document, with keys sorted so the same value gives the same bytes.
    /// - Throws: `EncodingError` only if the encoder itself fails.
    /// - Complexity: O(*n* log *n*) in the size of the organisation.
    public func linkedData(prettyPrinted: Bool = true) throws -> Data {
        let context: [String: JSONNode] = [
            "org": .string("http://www.w3.org/ns/org#"),
            "foaf": .string("http://xmlns.com/foaf/0.1/"),
            "skos": .string("http://www.w3.org/2004/02/skos/core#"),
            "time": .string("http://www.w3.org/2006/time#"),
            "xsd": .string("http://www.w3.org/2001/XMLSchema#"),
            "cvs": .string(Self.linkedDataNamespace),
        ]
        func iri(_ kind: String, _ id: some CustomStringConvertible) -> String { "cvs:\(kind)/\(id)" }
        func date(_ day: Day) -> JSONNode {
            .object([
                "@type": .string("time:Instant"),
                "time:inXSDDate": .object(["@value": .string(day.description), "@type": .string("xsd:date")]),
            ])
        }
        let root = "cvs:organization"
        var graph: [JSONNode] = []
        graph.append(
            .object([
                "@id": .string(root),
                "@type": .string("org:FormalOrganization"),
                "skos:prefLabel": .string(name),
                "org:purpose": .string(goal),
                "org:hasUnit": .array(departments.map { .id(iri("department", $0.id)) }),
            ])
        )
        for department in departments {
            var node: [String: JSONNode] = [
                "@id": .string(iri("department", department.id)),
                "@type": .string("org:OrganizationalUnit"),
                "skos:prefLabel": .string(department.name),
                "org:unitOf": .id(root),
            ]
            if !department.function.isEmpty { node["org:purpose"] = .string(department.function) }
            if let parent = department.parent { node["org:subOrganizationOf"] = .id(iri("department", parent)) }
            if !department.dataAssets.isEmpty {
                node["cvs:holdsData"] = .array(
                    department.dataAssets.map { asset in
                        .object([
                            "@id": .string(iri("data", asset.id)),
                            "skos:prefLabel": .string(asset.name),
                            "cvs:kind": .string(asset.kind.rawValue),
                        ])
                    }
                )
            }
            graph.append(.object(node))
        }
        var headOf: [Specialist.ID: Department.ID] = [:]
        for department in departments {
            if let head = department.head { headOf[head] = department.id }
        }
        for specialist in specialists {
            var node: [String: JSONNode] = [
                "@id": .string(iri("person", specialist.id)),
                "@type": .string("foaf:Person"),
                "foaf:name": .string(specialist.name),
                "org:memberOf": .id(iri("department", specialist.department)),
            ]
            if !specialist.title.isEmpty { node["cvs:title"] = .string(specialist.title) }
            if let department = headOf[specialist.id] { node["org:headOf"] = .id(iri("department", department)) }
            if let manager = specialist.manager { node["org:reportsTo"] = .id(iri("person", manager)) }
            if !specialist.skills.isEmpty {
                node["cvs:skill"] = .array(
                    specialist.skills.sorted { $0.key < $1.key }.map {
                        .object(["cvs:name": .string($0.key.rawValue), "cvs:proficiency": .string($0.value.rawValue)])
                    }
                )
            }
            graph.append(.object(node))
        }
        for squad in squads {
            let squadIRI = iri("squad", squad.id)
            var node: [String: JSONNode] = [
                "@id": .string(squadIRI),
                "@type": .string("org:OrganizationalCollaboration"),
                "skos:prefLabel": .string(squad.name),
                "org:purpose": .string(squad.mission.statement),
                "cvs:stage": .string(squad.stage.rawValue),
                "cvs:customer": .string(squad.mission.customer),
            ]
            if !squad.decisionRights.isEmpty {
                node["cvs:decisionRight"] = .array(
                    squad.decisionRights.sorted { $0.key < $1.key }.map { id, right in
                        var value: [String: JSONNode] = [
                            "cvs:name": .string(id.rawValue), "cvs:scope": .string(right.scope),
                        ]
                        if let limit = right.limit {
                            value["cvs:limit"] = .number(limit.amount)
                            value["cvs:unit"] = .string(limit.unit)
                        }
                        return .object(value)
                    }
                )
            }
            if !squad.grants.isEmpty {
                node["cvs:grant"] = .array(
                    squad.grants.sorted { $0.key < $1.key }.map { asset, grant in
                        var value: [String: JSONNode] = [
                            "cvs:data": .id(iri("data", asset)), "cvs:reason": .string(grant.reason),
                        ]
                        if let approver = grant.approvedBy { value["cvs:approvedBy"] = .id(iri("person", approver)) }
                        if let expires = grant.expires { value["cvs:expires"] = .string(expires.description) }
                        return .object(value)
                    }
                )
            }
            if !squad.accountability.outcomes.isEmpty {
                node["cvs:outcome"] = .array(
                    squad.accountability.outcomes.map { outcome in
                        var value: [String: JSONNode] = [
                            "cvs:name": .string(outcome.id.rawValue), "cvs:metric": .string(outcome.metric),
                            "cvs:direction": .string(outcome.direction.rawValue),
                        ]
                        if let baseline = outcome.baseline { value["cvs:baseline"] = .number(baseline) }
                        if let target = outcome.target { value["cvs:target"] = .number(target) }
                        if let current = outcome.current { value["cvs:current"] = .number(current) }
                        value["cvs:weight"] = .number(outcome.weight)
                        if !outcome.checkIns.isEmpty {
                            value["cvs:checkIn"] = .array(
                                outcome.checkIns.map { checkIn in
                                    var node: [String: JSONNode] = [
                                        "cvs:day": .object([
                                            "@value": .string(checkIn.day.description), "@type": .string("xsd:date"),
                                        ]),
                                        "cvs:value": .number(checkIn.value), "cvs:note": .string(checkIn.note),
                                    ]
                                    if let confidence = checkIn.confidence {
                                        node["cvs:confidence"] = .integer(confidence)
                                    }
                                    return .object(node)
                                })
                        }
                        return .object(value)
                    }
                )
            }
            if let owner = squad.accountability.owner { node["cvs:accountableOwner"] = .id(iri("person", owner)) }
            if let cycle = squad.cycleLength { node["cvs:cycleLengthDays"] = .integer(cycle.days) }
            if !squad.interactions.isEmpty {
                func counterpartIRI(_ counterpart: Interaction.Counterpart) -> String {
                    switch counterpart {
                    case .department(let id): iri("department", id)
                    case .squad(let id): iri("squad", id)
                    }
                }
                node["org:linkedTo"] = .array(
                    Set(squad.interactions.map { counterpartIRI($0.counterpart) }).sorted().map { .id($0) })
                node["cvs:interaction"] = .array(
                    squad.interactions.map { interaction in
                        var value: [String: JSONNode] = [
                            "cvs:name": .string(interaction.id.rawValue),
                            "cvs:with": .id(counterpartIRI(interaction.counterpart)),
                            "cvs:mode": .string(interaction.mode.rawValue),
                            "cvs:purpose": .string(interaction.purpose),
                            "cvs:start": .string(interaction.start.description),
                            "cvs:blocking": .boolean(interaction.isBlocking),
                            "cvs:dataNeeded": .array(interaction.dataNeeded.sorted().map { .id(iri("data", $0)) }),
                        ]
                        if let end = interaction.expectedEnd { value["cvs:expectedEnd"] = .string(end.description) }
                        return .object(value)
                    })
            }
            graph.append(.object(node))

            var memberships: [(Specialist.ID, Role, Day?, Day?, String)] = squad.memberships.map {
                ($0.key, $0.value.role, $0.value.since, nil, "current")
            }
            memberships += squad.history.enumerated().map { ($1.specialist, $1.role, $1.since, $1.until, "past-\($0)") }
            for (specialist, role, since, until, key) in memberships.sorted(by: { ($0.0, $0.4) < ($1.0, $1.4) }) {
                var membership: [String: JSONNode] = [
                    "@id": .string("cvs:membership/\(squad.id)/\(specialist)/\(key)"),
                    "@type": .string("org:Membership"),
                    "org:member": .id(iri("person", specialist)),
                    "org:organization": .id(squadIRI),
                    "org:role": .object([
                        "@id": .string("cvs:role/\(Self.iriSegment(role.rawValue))"),
                        "@type": .string("org:Role"),
                        "skos:prefLabel": .string(role.rawValue),
                    ]),
                ]
                if since != nil || until != nil {
                    var interval: [String: JSONNode] = ["@type": .string("time:Interval")]
                    if let since { interval["time:hasBeginning"] = date(since) }
                    if let until { interval["time:hasEnd"] = date(until) }
                    membership["org:memberDuring"] = .object(interval)
                }
                graph.append(.object(membership))
            }

            // Posts: each member's place is a post they hold; each open seat a post no one holds yet.
            func role(_ role: Role) -> JSONNode {
                .object([
                    "@id": .string("cvs:role/\(Self.iriSegment(role.rawValue))"), "@type": .string("org:Role"),
                    "skos:prefLabel": .string(role.rawValue),
                ])
            }
            for (specialist, membership) in squad.memberships.sorted(by: { $0.key < $1.key }) {
                graph.append(
                    .object([
                        "@id": .string("cvs:post/\(squad.id)/member/\(specialist)"), "@type": .string("org:Post"),
                        "org:postIn": .id(squadIRI), "org:role": role(membership.role),
                        "org:heldBy": .id(iri("person", specialist)),
                        "cvs:share": .number(Double(membership.share.percent)),
                    ]))
            }
            for seat in squad.seats {
                var post: [String: JSONNode] = [
                    "@id": .string("cvs:post/\(squad.id)/seat/\(seat.id)"), "@type": .string("org:Post"),
                    "org:postIn": .id(squadIRI), "org:role": role(seat.role), "cvs:name": .string(seat.id.rawValue),
                    "cvs:share": .number(Double(seat.share.percent)), "cvs:neededFrom": date(seat.neededFrom),
                    "cvs:skill": .array(
                        seat.skills.sorted { $0.key < $1.key }.map { skill, level in
                            .object(["cvs:name": .string(skill.rawValue), "cvs:proficiency": .string(level.rawValue)])
                        }),
                ]
                if let department = seat.department { post["cvs:department"] = .id(iri("department", department)) }
                if let cost = seat.costPerFTE { post["cvs:costPerFTE"] = .number(cost) }
                if !seat.note.isEmpty { post["cvs:note"] = .string(seat.note) }
                graph.append(.object(post))
            }
        }
        let document = JSONNode.object(["@context": .object(context), "@graph": .array(graph)])
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// Text as one IRI path segment: ASCII letters, digits, `-`, `.`, `_` and `~` kept, every other byte of
    /// its UTF-8 percent-encoded (RFC 3986), so distinct texts give distinct segments.
    static func iriSegment(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
