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
        description: "a newer schema", replace: #""schemaVersion": 1"#, with: #""schemaVersion": 2"#,
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
        path: "squads[0].memberships.ghost.specialist", mentions: "ghost"),
    .init(
        description: "a dangling grant", replace: #""asset": "sales-ledger""#, with: #""asset": "recipes""#,
        path: "squads[0].grants.recipes", mentions: "recipes"),
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
            #expect(error.path == ["squads", "0", "grants", "sales-ledger", "approvedBy"])
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
}
