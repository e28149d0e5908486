import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private typealias OR = Fixtures.OperatingRoom

/// The operating room and an empty recovery-ward squad beside it.
private func twoSquads() throws -> Organization {
    var organization = Fixtures.operatingRoom
    try organization.formSquad(
        CustomerValueSquad(id: "recovery", name: "Recovery ward", mission: Mission(statement: "Home within three days"))
    )
    return organization
}

private func interaction(
    _ id: Interaction.ID, _ counterpart: Interaction.Counterpart, _ mode: Interaction.Mode = .collaboration,
    start: Day = "2026-03-01", end: Day? = "2026-06-01", blocking: Bool = false, data: Set<DataAsset.ID> = []
) -> Interaction {
    Interaction(
        id: id, with: counterpart, mode: mode, purpose: "work on \(id)", start: start, expectedEnd: end,
        isBlocking: blocking, dataNeeded: data)
}

private func code(of body: () throws(OrganizationError) -> Void) -> OrganizationError.Code? {
    do {
        try body()
        return nil
    } catch {
        return error.code
    }
}

@Suite("Interaction contracts")
struct InteractionTests {
    @Test("an interaction refers to things that exist, never to itself or a dissolved squad, and ends after it starts")
    func invariants() throws {
        var organization = try twoSquads()
        try organization.dissolve("recovery")
        try organization.formSquad(
            CustomerValueSquad(id: "pharmacy", name: "Pharmacy run", mission: Mission(statement: "Drugs on time")))
        let before = organization
        let refused: [(Interaction, OrganizationError.Code)] = [
            (interaction("a", .department("nowhere")), .unknownReference),
            (interaction("a", .squad("nowhere")), .unknownReference),
            (interaction("a", .squad(OR.squad)), .invalidValue),
            (interaction("a", .squad("recovery")), .squadDissolved),
            (interaction("a", .department(OR.quality), start: "2026-03-01", end: "2026-03-01"), .invalidValue),
            (interaction("a", .department(OR.quality), start: "2026-03-01", end: "2026-02-01"), .invalidValue),
            (interaction("a", .department(OR.quality), data: ["no-such-data"]), .unknownReference),
            (
                Interaction(
                    id: "a", with: .department(OR.quality), mode: .facilitating, purpose: " \u{200B}",
                    start: "2026-03-01"), .invalidValue
            ),
        ]
        for (contract, expected) in refused {
            #expect(
                code { () throws(OrganizationError) in try organization.setInteraction(contract, of: OR.squad) }
                    == expected)
            #expect(organization == before)
        }
        #expect(
            code { () throws(OrganizationError) in
                try organization.setInteraction(interaction("a", .department(OR.quality)), of: "recovery")
            } == .squadDissolved)
        // A day after the start is enough; setting the same id again replaces it.
        try organization.setInteraction(
            interaction("a", .squad("pharmacy"), start: "2026-03-01", end: "2026-03-02"), of: OR.squad)
        try organization.setInteraction(interaction("a", .squad("pharmacy"), .xAsAService), of: OR.squad)
        #expect(organization.squad(OR.squad)?.interactions.map(\.mode) == [.xAsAService])
        #expect(
            code { () throws(OrganizationError) in try organization.removeInteraction("b", of: OR.squad) }
                == .unknownReference)
        try organization.removeInteraction("a", of: OR.squad)
        #expect(organization.squad(OR.squad)?.interactions.isEmpty == true)
    }

    @Test("what an interaction names cannot go while it stands; dissolving a squad ends its own interactions")
    func references() throws {
        var organization = try twoSquads()
        try organization.setInteraction(interaction("ward", .squad("recovery")), of: OR.squad)
        try organization.setInteraction(
            interaction("registry", .department(OR.board), .xAsAService, data: [OR.outcomeRegistry]), of: OR.squad)
        try organization.setInteraction(interaction("theatre", .squad(OR.squad)), of: "recovery")
        let before = organization
        #expect(code { () throws(OrganizationError) in try organization.dissolve("recovery") } == .stillReferenced)
        #expect(
            code { () throws(OrganizationError) in try organization.advance("recovery", to: .dissolved) }
                == .dissolvedSquadNotEmpty)
        #expect(
            code { () throws(OrganizationError) in try organization.removeDepartment(OR.board) } == .stillReferenced)
        #expect(
            code { () throws(OrganizationError) in try organization.removeDataAsset(OR.outcomeRegistry) }
                == .stillReferenced)
        #expect(organization == before)

        // The operating room lets go of the ward; the ward can then be dissolved, and its own interaction ends.
        try organization.removeInteraction("ward", of: OR.squad)
        #expect(code { () throws(OrganizationError) in try organization.dissolve(OR.squad) } == .stillReferenced)
        try organization.dissolve("recovery")
        #expect(organization.squad("recovery")?.interactions.isEmpty == true)
        try organization.dissolve(OR.squad)
    }

    @Test("a document names each interaction's counterpart once, and both readers agree on every refusal")
    func documents() throws {
        var organization = try twoSquads()
        try organization.setInteraction(
            interaction("ward", .squad("recovery"), .facilitating, end: nil), of: OR.squad)
        try organization.setInteraction(
            interaction("registry", .department(OR.quality), .xAsAService, blocking: true, data: [OR.outcomeRegistry]),
            of: OR.squad)
        let data = try organization.jsonData()
        #expect(try Organization(jsonData: data) == organization)
        #expect(try JSONDecoder().decode(Organization.self, from: data) == organization)
        #expect(try Organization(jsonData: JSONEncoder().encode(organization)) == organization)

        let text = String(decoding: data, as: UTF8.self)
        let broken: [(String, String, String)] = [
            (
                text.replacingOccurrences(of: "\"squad\": \"recovery\"", with: "\"squad\": \"gone\""),
                "unknownReference", "interactions[0].squad"
            ),
            (
                text.replacingOccurrences(of: "\"squad\": \"recovery\"", with: "\"squad\": \"or-team\""),
                "invalidValue", "interactions[0].squad"
            ),
            (
                text.replacingOccurrences(
                    of: "\"squad\": \"recovery\"", with: "\"department\": \"quality\", \"squad\": \"recovery\""),
                "invalidDocument", "interactions[0]"
            ),
            (
                text.replacingOccurrences(of: "\"mode\": \"facilitating\"", with: "\"mode\": \"pairing\""),
                "pairing", "interactions[0].mode"
            ),
            (
                text.replacingOccurrences(of: "\"blocking\": true", with: "\"blocking\": 1"), "Bool",
                "interactions[1].blocking"
            ),
            (
                text.replacingOccurrences(of: "\"id\": \"ward\"", with: "\"id\": \"registry\""), "duplicateID",
                "interactions[1].id"
            ),
        ]
        for (document, problem, path) in broken {
            #expect(document != text, "\(path)")
            try expectBothReadersRefuse(document, problem: problem, at: path)
        }
    }

    @Test("changes between organisations with interactions apply in order, both ways")
    func changes() throws {
        let old = try twoSquads()
        var new = old
        try new.formSquad(
            CustomerValueSquad(id: "pharmacy", name: "Pharmacy run", mission: Mission(statement: "Drugs on time")))
        try new.setInteraction(interaction("drugs", .squad("pharmacy")), of: OR.squad)
        try new.setInteraction(interaction("theatre", .squad(OR.squad), .xAsAService), of: "pharmacy")
        try new.setInteraction(
            interaction("quality", .department(OR.quality), data: [OR.outcomeRegistry]), of: "recovery")
        var replayed = old
        try replayed.apply(new.changes(from: old))
        #expect(replayed == new)
        var back = new
        try back.apply(old.changes(from: new))
        #expect(back == old)
        // A squad that goes while another interacts with it: the interaction is taken off first.
        var later = new
        try later.removeInteraction("drugs", of: OR.squad)
        try later.removeInteraction("theatre", of: "pharmacy")
        try later.dissolve("pharmacy")
        var applied = new
        try applied.apply(later.changes(from: new))
        #expect(applied == later)
        var reverted = later
        try reverted.apply(new.changes(from: later))
        #expect(reverted == new)
    }
}

@Suite("Interaction rules")
struct InteractionRuleTests {
    let day: Day = "2026-04-01"

    @Test("an open-ended collaboration is a warning; one with an end, or an open-ended service, is not")
    func openEnded() throws {
        var organization = try twoSquads()
        let policy = ValidationPolicy { OpenEndedCollaborationRule() }
        try organization.setInteraction(interaction("ends", .squad("recovery")), of: OR.squad)
        try organization.setInteraction(
            interaction("service", .department(OR.quality), .xAsAService, end: nil), of: OR.squad)
        #expect(organization.validate(policy: policy, on: day).findings.isEmpty)
        try organization.setInteraction(interaction("forever", .department(OR.nursing), end: nil), of: OR.squad)
        let findings = organization.validate(policy: policy, on: day).findings
        #expect(findings.map(\.code) == [.squadInteractionOpenEndedCollaboration])
        #expect(findings.first?.severity == .warning && findings.first?.message.contains("forever") == true)
    }

    @Test(
        "blocked by a department for data without a live grant is an error; a live grant, an ended or a non-blocking interaction are not"
    )
    func blocking() throws {
        var organization = try twoSquads()
        let policy = ValidationPolicy { BlockingDependencyRule() }
        // The operating room holds a grant to the registry with no end.
        try organization.setInteraction(
            interaction("registry", .department(OR.quality), .xAsAService, blocking: true, data: [OR.outcomeRegistry]),
            of: OR.squad)
        #expect(organization.validate(policy: policy, on: day).findings.isEmpty)
        // The grant expires on the judging day: it gives no access that day.
        try organization.revokeAccess(to: OR.outcomeRegistry, from: OR.squad)
        try organization.grantAccess(
            to: OR.outcomeRegistry, for: OR.squad, DataAccessGrant(reason: "trial", expires: day))
        let findings = organization.validate(policy: policy, on: day).findings
        #expect(findings.map(\.code) == [.squadInteractionBlockedWithoutGrant])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.figures == ["missingGrants": 1])
        #expect(organization.validate(policy: policy, on: "2026-03-31").findings.isEmpty)
        // Ended the day before, or not blocking: nothing to report.
        let ended = interaction(
            "registry", .department(OR.quality), .xAsAService, start: "2026-01-01", end: "2026-03-31", blocking: true,
            data: [OR.outcomeRegistry])
        #expect(
            try organization.settingInteraction(ended, of: OR.squad).validate(policy: policy, on: day).findings.isEmpty)
        let loose = interaction("registry", .department(OR.quality), .xAsAService, data: [OR.outcomeRegistry])
        #expect(
            try organization.settingInteraction(loose, of: OR.squad).validate(policy: policy, on: day).findings.isEmpty)
        // A forming squad gets a warning.
        try organization.setInteraction(
            interaction("registry", .department(OR.quality), blocking: true, data: [OR.outcomeRegistry]), of: "recovery"
        )
        let forming = try #require(organization.validate(squad: "recovery", policy: policy, on: day))
        #expect(forming.findings.map(\.severity) == [.warning])
    }

    @Test(
        "three collaborations running on one day are too many for a policy of two; two, or three with one over, are not"
    )
    func load() throws {
        var organization = try twoSquads()
        let policy = ValidationPolicy { CollaborationLoadRule() }
        try organization.setInteraction(interaction("one", .department(OR.quality)), of: OR.squad)
        try organization.setInteraction(interaction("two", .department(OR.nursing)), of: OR.squad)
        try organization.setInteraction(interaction("service", .department(OR.surgery), .xAsAService), of: OR.squad)
        #expect(organization.validate(policy: policy, on: day).findings.isEmpty)
        // A third collaboration that ended the day before the judging day does not count; one that ends on it does.
        try organization.setInteraction(
            interaction("three", .squad("recovery"), start: "2026-03-01", end: "2026-03-31"), of: OR.squad)
        #expect(organization.validate(policy: policy, on: day).findings.isEmpty)
        try organization.setInteraction(
            interaction("three", .squad("recovery"), start: "2026-03-01", end: day), of: OR.squad)
        let findings = organization.validate(policy: policy, on: day).findings
        #expect(findings.map(\.code) == [.squadInteractionTooManyCollaborations])
        #expect(findings.first?.figures == ["collaborations": 3, "maximum": 2])
        var roomier = policy
        roomier.thresholds.maximumCollaborations = 3
        #expect(organization.validate(policy: roomier, on: day).findings.isEmpty)
        // Not started yet on the judging day: not running.
        #expect(organization.validate(policy: policy, on: "2026-02-28").findings.isEmpty)
    }

    @Test(
        "pictures draw each interaction styled by its mode, with a legend, and leave it out when the other side is not drawn"
    )
    func pictures() throws {
        var organization = try twoSquads()
        try organization.setInteraction(interaction("ward", .squad("recovery")), of: OR.squad)
        try organization.setInteraction(
            interaction("registry", .department(OR.quality), .xAsAService, blocking: true), of: OR.squad)
        try organization.setInteraction(interaction("coach", .department(OR.board), .facilitating), of: "recovery")
        let dot = organization.dotDiagram()
        #expect(dot.contains(#""squad:or-team" -> "squad:recovery" [style=bold, dir=both"#))
        #expect(dot.contains(#""squad:or-team" -> "department:quality" [style=solid"#))
        #expect(dot.contains(#"label="xAsAService, blocking""#))
        #expect(dot.contains(#""squad:recovery" -> "department:board" [style=dotted"#))
        #expect(dot.contains("label=\"Interaction modes\""))
        let mermaid = organization.mermaidDiagram()
        #expect(mermaid.contains(#"<== "collaboration" ==>"#))
        #expect(mermaid.contains(#"-- "xAsAService, blocking" -->"#))
        #expect(mermaid.contains(#"-- "facilitating" --o"#))
        #expect(mermaid.contains("subgraph modes[\"Interaction modes\"]"))
        // Every interaction link and legend link gets its colour, at its own position among the links.
        let links = mermaid.split(separator: "\n").filter {
            $0.contains(" --- ") || $0.contains(" .-> ") || $0.contains("==>") || $0.contains("-->")
                || $0.contains("--o")
        }
        let styled = mermaid.split(separator: "\n").filter { $0.hasPrefix("  linkStyle ") }
        #expect(styled.count == 6)
        #expect(styled.last?.hasPrefix("  linkStyle \(links.count - 1) ") == true)
        // The recovery ward's picture shows the board it works with and the squad that works with it is left out.
        let scoped = organization.dotDiagram(.squad("recovery"))
        #expect(scoped.contains(#""squad:recovery" -> "department:board""#))
        #expect(!scoped.contains("squad:or-team"))
        // Without interactions there is no legend for them.
        #expect(!Fixtures.operatingRoom.dotDiagram().contains("Interaction modes"))
    }
}
