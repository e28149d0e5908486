import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// A small organisation written by hand in the documented format.
private let handWritten = """
    {
      "schemaVersion": 1,
      "name": "Kopi Kita",
      "goal": "Every regular comes back tomorrow",
      "departments": [
        {"id": "ops", "name": "Operations", "function": "runs the shops", "head": "ani",
         "dataAssets": [{"id": "sales-ledger", "name": "Sales ledger", "kind": "financial"}]},
        {"id": "barista", "name": "Baristas", "parent": "ops"}
      ],
      "specialists": [
        {"id": "ani", "name": "Ani", "title": "Operations lead", "department": "ops",
         "skills": [{"skill": "analytics", "proficiency": "proficient"}]},
        {"id": "bimo", "name": "Bimo", "department": "barista",
         "skills": [{"skill": "coffee", "proficiency": "expert"}]}
      ],
      "squads": [
        {"id": "loyalty", "name": "Loyalty squad", "stage": "piloting", "cycleLength": 7,
         "mission": {"statement": "Regulars feel known", "valueArea": {"kind": "geography", "detail": "Bandung"},
                     "customer": "the regular", "requiredSkills": ["coffee"], "requiredData": ["sales-ledger"]},
         "memberships": [{"specialist": "bimo", "role": "barista", "share": 40},
                         {"specialist": "ani", "role": "lead", "share": 20}],
         "decisionRights": [{"id": "free-cup", "scope": "give a free cup", "limit": {"amount": 1, "unit": "cup"}}],
         "grants": [{"asset": "sales-ledger", "approvedBy": "ani", "reason": "see who comes back"}],
         "accountability": {"owner": "ani", "reviewCadence": 14, "toleratedSmallFailures": 2,
           "outcomes": [{"id": "return-rate", "metric": "Regulars returning within a week", "unit": "%",
                         "baseline": 40, "target": 60, "current": 45.5}]}}
      ]
    }
    """

private func decode(_ text: String) throws -> Organization {
    try Organization(jsonData: Data(text.utf8))
}

/// A document broken in one place, with where and what the decoder must report.
struct BrokenDocument: Sendable, CustomStringConvertible {
    let description: String
    let replace: String
    let with: String
    let path: String
    let mentions: String
}

private let brokenDocuments: [BrokenDocument] = [
    .init(
        description: "a newer schema", replace: #""schemaVersion": 1"#,
        with: "\"schemaVersion\": \(Organization.readableSchemaVersions.upperBound + 1)",
        path: "schemaVersion", mentions: "unsupportedSchemaVersion"),
    .init(
        description: "an invalid identifier", replace: #""id": "bimo""#, with: #""id": "bi mo""#,
        path: "specialists[1].id", mentions: "invalidIdentifier"),
    .init(
        description: "a missing name", replace: #""name": "Ani", "#, with: "", path: "specialists[0].name",
        mentions: "missing"),
    .init(
        description: "a share as text", replace: #""share": 40"#, with: #""share": "40""#,
        path: "squads[0].memberships[0].share", mentions: "Int"),
    .init(
        description: "a share over 100", replace: #""share": 40"#, with: #""share": 140"#,
        path: "squads[0].memberships[0].share", mentions: "invalidValue"),
    .init(
        description: "an unknown proficiency", replace: #""expert""#, with: #""guru""#,
        path: "specialists[1].skills[0].proficiency", mentions: "guru"),
    .init(
        description: "an unknown value area", replace: #""kind": "geography""#, with: #""kind": "galaxy""#,
        path: "squads[0].mission.valueArea.kind", mentions: "galaxy"),
    .init(
        description: "a dangling home department", replace: #""department": "barista""#,
        with: #""department": "kitchen""#, path: "specialists[1].department", mentions: "unknownReference"),
    .init(
        description: "a dangling member", replace: #""specialist": "bimo""#, with: #""specialist": "ghost""#,
        path: "squads[0].memberships[0].specialist", mentions: "ghost"),
    .init(
        description: "a dangling grant", replace: #""asset": "sales-ledger""#, with: #""asset": "recipes""#,
        path: "squads[0].grants[0]", mentions: "recipes"),
    .init(
        description: "a dangling mission need", replace: #""requiredData": ["sales-ledger"]"#,
        with: #""requiredData": ["recipes"]"#, path: "squads[0].mission.requiredData", mentions: "recipes"),
    .init(
        description: "a head from another department", replace: #""head": "ani""#, with: #""head": "bimo""#,
        path: "departments[0].head", mentions: "headOutsideDepartment"),
    .init(
        description: "a hierarchy cycle", replace: #""function": "runs the shops","#,
        with: #""function": "runs the shops", "parent": "barista","#, path: "departments[0].parent",
        mentions: "hierarchyCycle"),
    .init(
        description: "a duplicate member", replace: #""specialist": "ani""#, with: #""specialist": "bimo""#,
        path: "squads[0].memberships[1]", mentions: "duplicateID"),
    .init(
        description: "a duplicate department", replace: #""id": "barista""#, with: #""id": "ops""#,
        path: "departments[1].id", mentions: "duplicateID"),
    .init(
        description: "a non-finite number as text", replace: #""current": 45.5"#, with: #""current": "NaN""#,
        path: "squads[0].accountability.outcomes[0].current", mentions: "Double"),
    .init(
        description: "a zero weight", replace: #""current": 45.5"#, with: #""current": 45.5, "weight": 0"#,
        path: "squads[0].accountability.outcomes[0].weight", mentions: "weight"),
    .init(
        description: "a dissolved squad with members", replace: #""stage": "piloting""#, with: #""stage": "dissolved""#,
        path: "squads[0].stage", mentions: "dissolvedSquadNotEmpty"),
    .init(description: "not JSON at all", replace: "{\n", with: "{{\n", path: "", mentions: "JSON"),
]

@Suite("JSON")
struct JSONTests {
    @Test("a hand-written document decodes into the organisation it describes")
    func handWrittenDocument() throws {
        let shop = try decode(handWritten)
        #expect(shop.name == "Kopi Kita")
        #expect(shop.department("barista")?.parent == "ops")
        #expect(shop.holder(of: "sales-ledger") == "ops")
        #expect(shop.specialist("ani")?.skills == [.analytics: .proficient])
        let squad = try #require(shop.squad("loyalty"))
        #expect(squad.stage == .piloting)
        #expect(squad.cycleLength == 7)
        #expect(squad.mission.valueArea == .geography("Bandung"))
        #expect(squad.memberships["bimo"] == Membership(role: "barista", share: 40))
        #expect(squad.decisionRights["free-cup"]?.limit == DecisionRight.Limit(amount: 1, unit: "cup"))
        #expect(squad.grants["sales-ledger"]?.approvedBy == "ani")
        #expect(squad.accountability.outcome("return-rate")?.current == 45.5)
        #expect(squad.accountability.outcome("return-rate")?.direction == .increase)
        #expect(squad.accountability.outcome("return-rate")?.weight == 1)
        #expect(shop.bookedPercent(of: "ani") == 20)
    }

    @Test(
        "decode then encode keeps every field",
        arguments: ["hand-written", "operating room", "account-based marketing"])
    func roundTrip(_ name: String) throws {
        let original: Organization =
            switch name {
            case "hand-written": try decode(handWritten)
            case "operating room": Fixtures.operatingRoom
            default: Fixtures.accountBasedMarketing
            }
        let data = try original.jsonData()
        let decoded = try Organization(jsonData: data)
        #expect(decoded == original)
        #expect(try decoded.jsonData() == data)
        // Through a plain JSON reader too, so no field is silently dropped by our own coder.
        let generic = try JSONSerialization.jsonObject(with: data) as? NSDictionary
        let again = try JSONSerialization.jsonObject(with: try decoded.jsonData(prettyPrinted: false)) as? NSDictionary
        #expect(generic == again)
    }

    @Test("the same value always encodes to the same bytes")
    func deterministic() throws {
        let first = try Fixtures.accountBasedMarketing.jsonData(prettyPrinted: false)
        for _ in 0..<5 {
            #expect(try Fixtures.accountBasedMarketing.jsonData(prettyPrinted: false) == first)
        }
        let text = String(decoding: try Fixtures.operatingRoom.jsonData(), as: UTF8.self)
        let dewi = try #require(text.range(of: "\"n-dewi\""))
        let ayu = try #require(text.range(of: "\"n-ayu\""))
        #expect(ayu.lowerBound < dewi.lowerBound, "lists are sorted by identifier")
        #expect(text.hasPrefix("{\n  \"departments\""), "keys are sorted")
    }

    @Test("a broken document is refused with the path of what is wrong", arguments: brokenDocuments)
    func broken(_ document: BrokenDocument) throws {
        #expect(handWritten.contains(document.replace), "the test's replacement must apply")
        let text = handWritten.replacingOccurrences(of: document.replace, with: document.with)
        do {
            _ = try decode(text)
            Issue.record("\(document) was accepted")
        } catch let error as DecodingError {
            #expect(error.locationDescription == document.path, "\(error)")
            #expect(error.problemDescription.contains(document.mentions), "\(error.problemDescription)")
        }
    }

    @Test("an invariant broken in a document carries the library's error")
    func underlyingError() throws {
        let text = handWritten.replacingOccurrences(of: #""approvedBy": "ani""#, with: #""approvedBy": "ghost""#)
        do {
            _ = try decode(text)
            Issue.record("a grant approved by nobody was accepted")
        } catch DecodingError.dataCorrupted(let context) {
            let error = try #require(context.underlyingError as? OrganizationError)
            #expect(error.code == .unknownReference)
            #expect(error.message.contains("ghost"))
            // The path is the document's: the grant is the first entry of the squad's list.
            #expect(error.path == ["squads", "0", "grants", "0", "approvedBy"])
            #expect(error.location.map { position(of: #""ghost""#, in: text) == ($0.line, $0.column) } == true)
        }
    }

    @Test(
        "a character that needs care is written right at every position of texts of every short length",
        arguments: ["\"", "\\", "\n", "\u{01}", "é", "e\u{301}", "🍬"])
    func awkwardCharacterAtEveryPosition(_ awkward: String) throws {
        // Texts are looked at eight bytes at a time, the last few in a word that overlaps or is padded: an awkward
        // character must be found wherever it falls, in texts shorter and longer than one word.
        for length in 0...20 {
            for position in 0...length {
                let text =
                    "x" + String(repeating: "a", count: position) + awkward
                    + String(repeating: "b", count: length - position)
                let organization = try Organization(
                    name: "Org", goal: text, departments: [Department(id: "d", name: text)], specialists: [],
                    squads: [])
                let data = try organization.jsonData(prettyPrinted: false)
                #expect(try Organization(jsonData: data) == organization, "\(String(reflecting: text))")
                #expect(try JSONDecoder().decode(Organization.self, from: data) == organization)
            }
        }
    }

    @Test("the fast writer writes exactly what the Codable encoding holds")
    func writerMatchesEncoder() throws {
        var awkward = try decode(handWritten)
        try awkward.hire(
            Specialist(
                id: "odd",
                name: "Quote \" backslash \\ tab \t newline \n bell \u{07} emoji 🍬 accents ÉÀ",
                department: "ops",
                skills: ["naïve skill": .novice]
            )
        )
        try awkward.setAccountability(
            Accountability(
                outcomes: [
                    Outcome(id: "tiny", metric: "m", baseline: 0.1, target: 1e300, current: -2.5e-7, weight: 0.333),
                    Outcome(id: "big", metric: "m", baseline: 123_456_789_012, target: -0.0, current: 4.0),
                ],
                owner: "ani",
                reviewCadence: 3
            ),
            of: "loyalty"
        )
        try awkward.recordCycle(
            BreakFixCycle(started: "2026-01-01", ended: "2026-01-05", tried: "x", result: .smallFailure),
            for: "loyalty"
        )
        try awkward.release("bimo", from: "loyalty", on: "2026-02-01", reason: "rotation")
        // Each character that needs care at every position of an eight-byte word and of the tail after it.
        for (kind, special) in ["\"", "\\", "\n", "\u{01}", "\u{7F}", "é", "e\u{301}", "🍬"].enumerated() {
            for position in 0..<19 {
                let id = try Specialist.ID(validating: "scan-\(kind)-\(position)")
                let name =
                    String(repeating: "a", count: position) + special + String(repeating: "b", count: 18 - position)
                try awkward.hire(Specialist(id: id, name: name, department: "ops"))
            }
        }
        var tolerant = try #require(awkward.squad("loyalty")).accountability
        tolerant.toleratedSmallFailures = .max
        try awkward.setAccountability(tolerant, of: "loyalty")
        let organizations = [
            awkward, Fixtures.operatingRoom, Fixtures.regionalRollout,
            OrganizationGenerator(seed: 4, shape: .init(specialists: 300)).generate(),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for organization in organizations {
            for pretty in [false, true] {
                let written = try organization.jsonData(prettyPrinted: pretty)
                let viaEncoder = try encoder.encode(organization)
                let left = try JSONSerialization.jsonObject(with: written) as? NSDictionary
                let right = try JSONSerialization.jsonObject(with: viaEncoder) as? NSDictionary
                #expect(left != nil && left == right, "\(organization.name), pretty: \(pretty)")
                #expect(try Organization(jsonData: written) == organization)
            }
        }
    }

    @Test("every refusal names the line and the column, counted in characters")
    func lineAndColumn() throws {
        let text = handWritten.replacingOccurrences(of: #""share": 40"#, with: #""share": 40.5"#)
        let error = try #require(decodingError(text))
        let underlying = try #require(error.underlyingOrganizationError)
        #expect(underlying.code == .invalidDocument)
        #expect(underlying.location.map { position(of: "40.5", in: text) == ($0.line, $0.column) } == true)
        #expect(error.locationDescription == "squads[0].memberships[0].share")
        #expect(error.problemDescription.contains("expected a whole number, found 40.5"))
        // Characters, not bytes: a name with accents before the problem does not shift the column.
        let accented = #"{"schemaVersion": 1, "name": "Café Ñandú", "goal": 7}"#
        let shifted = try #require(decodingError(accented)?.underlyingOrganizationError?.location)
        #expect(
            shifted.line == 1
                && shifted.column == Array(#"{"schemaVersion": 1, "name": "Café Ñandú", "goal": "#).count + 1)
    }

    @Test("a list or an object that does not go on or close properly is refused where it goes wrong")
    func brokenSeparators() throws {
        let share = #""share": 40}"#
        let skill = #""analytics", "proficiency": "proficient"}]"#
        // Each broken document, what is wrong, and the text that begins where it goes wrong (found after `near`).
        let cases: [(text: String, problem: String, near: String, at: String)] = [
            (
                handWritten.replacingOccurrences(of: share, with: #""share": 40,}"#),
                "an object may not end with a comma", #""share": 40,}"#, "}"
            ),
            (
                handWritten.replacingOccurrences(of: share, with: #""share": 40 "x": 1}"#),
                "expected ',' or '}' after a field, found '\"'", #""share": 40 "x""#, #""x""#
            ),
            (
                handWritten.replacingOccurrences(of: skill, with: #""analytics", "proficiency": "proficient"},]"#),
                "a list may not end with a comma", #""proficient"},]"#, "]"
            ),
            (
                handWritten.replacingOccurrences(of: skill, with: #""analytics", "proficiency": "proficient"} {}]"#),
                "expected ',' or ']' in a list, found '{'", #""proficient"} {}"#, "{}"
            ),
        ]
        for (text, problem, near, at) in cases {
            #expect(text != handWritten)
            let error = try #require(decodingError(text))
            #expect(error.problemDescription.contains(problem), "\(error.problemDescription)")
            let location = try #require(error.underlyingOrganizationError?.location)
            let (line, column) = position(of: near, in: text)
            let within = try #require(near.range(of: at)).lowerBound
            #expect(
                (line, column + near.distance(from: near.startIndex, to: within)) == (location.line, location.column))
        }
        // Cut short inside an object after a comma, or inside a list: the document ends.
        for cut in [#"{"schemaVersion": 2, "#, #"{"departments": ["#] {
            let error = try #require(decodingError(cut))
            #expect(error.problemDescription.contains("is not closed: the document ends"), "\(cut)")
        }
        // Cut short after a key, with or without spaces after it: the path names the value that is missing.
        for cut in [#"{"schemaVersion": 3, "name": "T", "squads": [{"id": "x", "name":"#, #"{"squads": [{"name":   "#] {
            let error = try #require(decodingError(cut))
            #expect(error.locationDescription == "squads[0].name", "\(cut)")
            #expect(error.problemDescription.contains("the document ends"), "\(cut)")
        }
    }

    @Test("the same path convention for every kind of refusal, and names with dots quoted")
    func consistentPaths() throws {
        // A type error and an invariant error in the same history entry name it alike.
        let history =
            #"[{"specialist": "ghost", "role": "r", "share": 10, "since": "2026-02-01", "until": "2026-01-01", "reason": "x"}]"#
        let withHistory = handWritten.replacingOccurrences(
            of: #""stage": "piloting","#, with: #""stage": "piloting", "history": \#(history),"#)
        #expect(decodingError(withHistory)?.locationDescription == "squads[0].history[0].until")
        let typeError = withHistory.replacingOccurrences(of: #""until": "2026-01-01""#, with: #""until": 5"#)
        #expect(decodingError(typeError)?.locationDescription == "squads[0].history[0].until")
        // An identifier with a dot cannot be mistaken for a deeper path.
        let dotted = handWritten.replacingOccurrences(of: #""id": "free-cup""#, with: #""id": "free.cup""#)
            .replacingOccurrences(of: #""scope": "give a free cup""#, with: #""scope": " ""#)
        let error = try #require(decodingError(dotted))
        #expect(error.locationDescription == "squads[0].decisionRights[0].scope")
        #expect(
            OrganizationError.pathDescription(["squads", "1", "memberships", "a.b", "share"])
                == #"squads[1].memberships["a.b"].share"#)
        // A number that does not fit is reported where it is, not at the document's root.
        let huge = handWritten.replacingOccurrences(of: #""share": 40"#, with: #""share": 1e400"#)
        #expect(decodingError(huge)?.locationDescription == "squads[0].memberships[0].share")
    }

    @Test("a field given twice in one object is refused; the Codable path keeps the first")
    func duplicateKeys() throws {
        let text = handWritten.replacingOccurrences(of: #""share": 40"#, with: #""share": 40, "share": 50"#)
        let error = try #require(decodingError(text))
        #expect(error.problemDescription.contains(#"the field "share" appears twice"#))
        #expect(error.locationDescription == "squads[0].memberships[0].share")
        let viaCodable = try JSONDecoder().decode(Organization.self, from: Data(text.utf8))
        #expect(viaCodable.squad("loyalty")?.memberships["bimo"]?.share == 40)
    }

    @Test("a field name written with escapes is the same name: it is read as such, and counts as a repeat")
    func escapedFieldNames() throws {
        // "\u0073hare" is "share" spelt with an escape.
        let escaped = handWritten.replacingOccurrences(of: #""share": 40"#, with: #""\u0073hare": 40"#)
        #expect(escaped != handWritten)
        #expect(try decode(escaped) == (try decode(handWritten)))
        let repeated = handWritten.replacingOccurrences(
            of: #""share": 40"#, with: #""share": 40, "\u0073har\u0065": 50"#)
        let error = try #require(decodingError(repeated))
        #expect(error.problemDescription.contains(#"the field "share" appears twice"#))
    }

    @Test("fields the format does not know are ignored, and reported by decoding(jsonData:)")
    func unknownFields() throws {
        let text = handWritten.replacingOccurrences(of: #""share": 40"#, with: #""share": 40, "sahre": 4"#)
            .replacingOccurrences(
                of: #""schemaVersion": 1,"#, with: #""schemaVersion": 1, "colour": {"deep": [1, 2]},"#)
        let (organization, warnings) = try Organization.decoding(jsonData: Data(text.utf8))
        #expect(organization == (try decode(handWritten)))
        #expect(warnings.map(\.code) == [.unknownField, .unknownField])
        #expect(warnings.map(\.path) == [["colour"], ["squads", "0", "memberships", "0", "sahre"]])
        #expect(warnings.first?.location?.line == 2)
        #expect(warnings.last?.message.contains("sahre") == true)
    }

    @Test("a field the format does not know is skipped up to 512 levels deep, and refused deeper, never a crash")
    func deeplyNestedUnknownField() throws {
        func document(depth: Int) -> Data {
            // Objects and arrays by turns, `depth` levels in all.
            let nested =
                String(repeating: #"{"a": ["#, count: depth / 2) + String(repeating: "]}", count: depth / 2)
            return Data(
                handWritten.replacingOccurrences(
                    of: #""schemaVersion": 1,"#, with: #""schemaVersion": 1, "colour": \#(nested),"#
                ).utf8)
        }
        let (organization, warnings) = try Organization.decoding(jsonData: document(depth: 500))
        #expect(organization == (try decode(handWritten)))
        #expect(warnings.map(\.path) == [["colour"]])
        do {
            _ = try Organization(jsonData: document(depth: 600))
            Issue.record("a value nested 600 deep was read")
        } catch let error as DecodingError {
            #expect(error.problemDescription.contains("nested more than 512 deep"), "\(error.problemDescription)")
        }
    }

    @Test("a document of another schema version is refused as that, whatever else it holds")
    func otherVersion() throws {
        let text = handWritten.replacingOccurrences(
            of: #""schemaVersion": 1"#, with: "\"schemaVersion\": \(Organization.readableSchemaVersions.upperBound + 1)"
        )
        .replacingOccurrences(of: #""name": "Operations""#, with: #""name": {"text": "Operations"}"#)
        let error = try #require(decodingError(text))
        #expect(error.underlyingOrganizationError?.code == .unsupportedSchemaVersion)
        #expect(error.underlyingOrganizationError?.location?.line == 2)
    }
}

/// The line and column (in characters, from 1) where `needle` first appears in `text`.
private func position(of needle: String, in text: String) -> (Int, Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
        if let range = line.range(of: needle) {
            return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
        }
    }
    return (0, 0)
}

/// The error decoding `text` throws, or `nil` if it decodes.
private func decodingError(_ text: String) -> DecodingError? {
    do {
        _ = try Organization(jsonData: Data(text.utf8))
        return nil
    } catch {
        return error as? DecodingError
    }
}

@Suite("JSON format coverage")
struct JSONFormatCoverageTests {
    /// Every field name JSONFormat.md documents, read from its tables and its field lists.
    static func documentedFields() throws -> Set<String> {
        let format = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Documentation/JSONFormat.md")
        let text = try String(contentsOf: format, encoding: .utf8)
        let section = text.components(separatedBy: "## Change logs")[0]
        var fields: Set<String> = []
        // Table rows: | `field` | ...; and object shapes such as {"specialist", "role", "share", "since"?}.
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            fields.insert(String(line.dropFirst(3).prefix { $0 != "`" }))
        }
        for match in section.matches(of: /"([a-zA-Z]+)"\??[,}:]/) { fields.insert(String(match.1)) }
        for match in section.matches(of: /`([a-zA-Z]+)` \(/) { fields.insert(String(match.1)) }
        return fields
    }

    /// Every key that appears anywhere in a document.
    static func keys(in value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return Set(object.keys).union(object.values.flatMap { keys(in: $0) })
        }
        if let array = value as? [Any] { return Set(array.flatMap { keys(in: $0) }) }
        return []
    }

    @Test("every documented field appears in the generator's and the fixtures' documents, and survives a round trip")
    func everyFieldIsExercised() throws {
        let documented = try Self.documentedFields()
        #expect(documented.isSuperset(of: ["expires", "since", "until", "history", "cycles", "limit", "weight"]))
        var seen: Set<String> = []
        let organizations = [
            OrganizationGenerator(seed: 8, shape: .init(specialists: 300)).generate(),
            OrganizationGenerator(seed: 8, shape: with(.init(specialists: 300)) { $0.reportingSpan = 4 }).generate(),
            OrganizationGenerator(seed: 8, shape: with(.init(specialists: 300)) { $0.openSeats = 40 }).generate(),
            Fixtures.operatingRoom,
            Fixtures.accountBasedMarketing, Fixtures.regionalRollout,
        ]
        for organization in organizations {
            let data = try organization.jsonData()
            seen.formUnion(Self.keys(in: try JSONSerialization.jsonObject(with: data)))
            let decoded = try Organization(jsonData: data)
            #expect(decoded == organization)
            #expect(try decoded.jsonData() == data)
        }
        #expect(documented.count >= 50, "the format documents \(documented.count) fields")
        let missing = documented.subtracting(seen)
        #expect(missing.isEmpty, "documented fields no document exercises: \(missing.sorted())")
    }
}

@Suite("JSON format versions")
struct JSONVersionTests {
    static let examples = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Tools/Examples")

    @Test("the committed version-1 documents still decode, and are written in the current version with the same value")
    func versionOne() throws {
        var checked = 0
        for name in ["toko-manis.json", "sales-huddle.json"] {
            let data = try Data(contentsOf: Self.examples.appending(path: name))
            #expect(String(decoding: data, as: UTF8.self).contains(#""schemaVersion": 1"#))
            let organization = try Organization(jsonData: data)
            let written = try organization.jsonData()
            #expect(
                String(decoding: written, as: UTF8.self).contains("\"schemaVersion\": \(Organization.schemaVersion)"))
            #expect(try Organization(jsonData: written) == organization)
            #expect(try JSONDecoder().decode(Organization.self, from: data) == organization)
            checked += 1
        }
        #expect(checked == 2)
    }

    @Test("a department's capacity floor and cost per FTE round-trip, and out-of-range ones are refused")
    func departmentFigures() throws {
        var organization = try Organization(name: "Toko")
        try organization.addDepartment(Department(id: "sales", name: "Sales", capacityFloor: 0.6, costPerFTE: 5_000))
        let decoded = try Organization(jsonData: organization.jsonData())
        #expect(decoded.department("sales")?.capacityFloor == 0.6 && decoded.department("sales")?.costPerFTE == 5_000)
        for department in [
            Department(id: "a", name: "A", capacityFloor: 1.5), Department(id: "b", name: "B", capacityFloor: -0.1),
            Department(id: "c", name: "C", costPerFTE: -1), Department(id: "d", name: "D", capacityFloor: .nan),
        ] {
            #expect(throws: OrganizationError.self) { try organization.addDepartment(department) }
        }
    }
}

/// `value` changed by `change`, for building values in an expression.
func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
    var value = value
    change(&value)
    return value
}
