import CustomerValueSquadsSamples
import CustomerValueSquadsTesting
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// The hospital's lines: the director over the chief of surgery, the anaesthetist, the head nurse and the
/// analyst; the surgeons under the chief, the anaesthesia nurse under the anaesthetist, the nurses under the
/// head nurse.
private func hospital() throws -> Organization {
    var hospital = Fixtures.operatingRoom
    for (report, manager) in [
        ("dr-hadi", "dr-wati"), (OR.anaesthetist.rawValue, "dr-wati"), ("n-ayu", "dr-wati"), ("q-lina", "dr-wati"),
        (OR.surgeon.rawValue, "dr-hadi"), ("dr-eko", "dr-hadi"), ("n-tono", OR.anaesthetist.rawValue),
        ("n-dewi", "n-ayu"), ("n-rina", "n-ayu"),
    ] {
        try hospital.setManager(Specialist.ID(stringLiteral: manager), for: Specialist.ID(stringLiteral: report))
    }
    return hospital
}

@Suite("Spans, layers and decision distance")
struct ReportingAnalysisTests {
    @Test("spans and layers of the hospital, by hand")
    func hospitalSpans() throws {
        let lines = try hospital().reportingLines()
        #expect(lines.spanOf == ["dr-wati": 4, "dr-hadi": 2, OR.anaesthetist: 1, "n-ayu": 2])
        #expect(lines.spans.managers == 4)
        #expect(lines.spans.minimum == 1)
        #expect(lines.spans.median == 2)
        #expect(lines.spans.maximum == 4)
        #expect(
            lines.spans.distribution == [
                .init(span: 1, managers: 1), .init(span: 2, managers: 2), .init(span: 4, managers: 1),
            ])
        #expect(lines.layers == 3)
        #expect(lines.topManagers == ["dr-wati"])
        let byDepartment = Dictionary(uniqueKeysWithValues: lines.departments.map { ($0.department, $0) })
        #expect(byDepartment[OR.board]?.layers == 1)
        #expect(byDepartment[OR.board]?.spans.maximum == 4)
        #expect(byDepartment[OR.surgery]?.layers == 2)
        #expect(byDepartment[OR.nursing]?.spans.median == 2)
        #expect(byDepartment[OR.quality]?.layers == 1)
        #expect(byDepartment[OR.quality]?.spans.managers == 0)
        #expect(lines.departments.map(\.department) == Fixtures.operatingRoom.departments.map(\.id))
    }

    @Test("an even number of managers has the mean of the middle two as its median; none has zeros")
    func medians() {
        #expect(ReportingLines.Spans([3, 1, 4, 2]).median == 2.5)
        let none = ReportingLines.Spans([])
        #expect([none.managers, none.minimum, none.maximum] == [0, 0, 0])
        #expect(none.median == 0 && none.distribution.isEmpty)
        let lines = Fixtures.operatingRoom.reportingLines()
        #expect(lines.layers == 1)
        #expect(lines.topManagers.isEmpty)
    }

    @Test("the operating room's members meet only at the director: its two rights save a climb of two layers each way")
    func operatingRoom() throws {
        var hospital = try hospital()
        try hospital.formSquad(
            CustomerValueSquad(
                id: "surgeons", name: "Surgeons", mission: Mission(statement: "Operate"),
                memberships: [
                    OR.surgeon: Membership(role: "surgeon", share: 10), "dr-eko": Membership(role: "x", share: 10),
                ]
            ))
        try hospital.formSquad(
            CustomerValueSquad(
                id: "solo", name: "Solo", mission: Mission(statement: "Alone"),
                memberships: ["q-lina": Membership(role: "analyst", share: 10)]))
        let distances = hospital.decisionDistances()
        let room = try #require(distances.distance(of: OR.squad))
        #expect(room.meetingPoint == "dr-wati")
        #expect(room.meetsAtTop)
        #expect(room.climb == 2)
        #expect(room.distance == 4)
        #expect(room.rights == 2)
        #expect(room.saved == 8)
        let surgeons = try #require(distances.distance(of: "surgeons"))
        #expect(surgeons.meetingPoint == "dr-hadi")
        #expect(!surgeons.meetsAtTop)
        #expect(surgeons.distance == 2)
        #expect(surgeons.saved == 0)
        #expect(distances.distance(of: "solo")?.distance == 0)
        #expect(distances.distance(of: "ghost") == nil)
        #expect(distances.totalSaved == 8)
        #expect(distances.totalTravelling == 2)
        // Each squad alone, by walking its members' lines, says the same.
        for distance in distances.squads { #expect(hospital.decisionDistance(of: distance.squad) == distance) }

        // Without lines, the members meet in no one: the question goes one layer above them all.
        let plain = try #require(Fixtures.operatingRoom.decisionDistances().distance(of: OR.squad))
        #expect(plain.meetingPoint == nil)
        #expect(plain.meetsAtTop)
        #expect(plain.climb == 1)
        #expect(Fixtures.operatingRoom.decisionDistance(of: OR.squad) == plain)
    }

    @Test("the impact of delegating the operating room's rights: 8 layers of escalation saved, 4 no longer travelled")
    func impact() throws {
        let delegated = try hospital()
        var baseline = delegated
        try baseline.revokeDecisionRight("change-plan", from: OR.squad)
        try baseline.revokeDecisionRight("call-specialist", from: OR.squad)
        let impact = delegated.impact(comparedTo: baseline)
        #expect(impact.escalationSaved == .init(before: 0, after: 8))
        #expect(impact.escalationTravelling == .init(before: 4, after: 0))
    }

    @Test("spans, layers and distances equal their definitions on generated organisations", arguments: [1, 2, 3])
    func againstDefinitions(seed: UInt64) throws {
        var shape = OrganizationGenerator.Shape(specialists: 400, departments: 12, squads: 40)
        shape.reportingSpan = Int(seed) + 1
        var organization = OrganizationGenerator(seed: seed, shape: shape).generate()
        // Redraw some lines at random, some refused as cycles, so the forest is irregular.
        var random = SeededRandomNumberGenerator(seed: seed)
        let ids = organization.specialists.map(\.id)
        for _ in 0..<300 {
            let report = ids.randomElement(using: &random)!
            let manager = Int.random(in: 0..<10, using: &random) == 0 ? nil : ids.randomElement(using: &random)
            try? organization.setManager(manager, for: report)
        }
        let lines = organization.reportingLines()
        let distances = organization.decisionDistances()

        // Spans: how many name each manager.
        var spans: [Specialist.ID: Int] = [:]
        for specialist in organization.specialists { if let m = specialist.manager { spans[m, default: 0] += 1 } }
        #expect(lines.spanOf == spans)
        #expect(lines.spans.managers == spans.count)
        #expect(lines.spans.maximum == spans.values.max() ?? 0)
        // Layers: the longest chain of managers above anyone, plus themselves.
        let chains = Dictionary(
            uniqueKeysWithValues: organization.specialists.map { ($0.id, [$0.id] + organization.managers(of: $0.id)) })
        #expect(lines.layers == chains.values.map(\.count).max())
        for department in lines.departments {
            let longest = organization.staff(of: department.department).map { id in
                chains[id]!.prefix { organization.specialist($0)?.department == department.department }.count
            }
            #expect(department.layers == longest.max() ?? 0, "\(department.department)")
        }
        // Distances: the deepest common entry of the members' chains.
        for distance in distances.squads {
            let squad = try #require(organization.squad(distance.squad))
            let members = squad.memberships.keys.sorted()
            let common = members.map { Set(chains[$0]!) }.reduce(Set(chains[members.first!]!)) { $0.intersection($1) }
            let meeting = common.max { chains[$0]!.count < chains[$1]!.count }
            let deepest = members.map { chains[$0]!.count }.max()!
            if members.count < 2 {
                #expect(distance.climb == 0)
            } else if let meeting {
                #expect(distance.meetingPoint == meeting)
                #expect(distance.climb == deepest - chains[meeting]!.count)
                #expect(distance.meetsAtTop == (chains[meeting]!.count == 1))
            } else {
                #expect(distance.meetingPoint == nil)
                #expect(distance.climb == deepest)
                #expect(distance.meetsAtTop)
            }
            #expect(distance.rights == squad.decisionRights.count)
            // One squad alone, by walking its members' lines, says the same.
            #expect(organization.decisionDistance(of: distance.squad) == distance)
        }
        #expect(organization.decisionDistance(of: "no-such-squad") == nil)
        // The layers rule names the line of the first, by identifier, at the bottom of a longest line.
        var thresholds = ValidationPolicy.Thresholds()
        thresholds.maximumLayers = 1
        let finding = try #require(
            organization.validate(policy: ValidationPolicy(thresholds: thresholds) { ReportingLayersRule() })
                .findings.first)
        let bottom = try #require(chains.filter { $0.value.count == lines.layers }.keys.min())
        let line = chains[bottom]!.reversed().map(\.rawValue).joined(separator: " → ")
        #expect(
            finding.message == "the longest reporting line has \(lines.layers) layers (\(line)); at most 1 expected")
        #expect(distances.squads.count == organization.squads.filter { $0.stage != .dissolved }.count)
    }

    @Test("a long single line is measured without walking it for every pair")
    func longLine() throws {
        var organization = try Organization(name: "Line")
        try organization.addDepartment(Department(id: "d", name: "D"))
        for index in 0..<2_000 {
            try organization.hire(
                Specialist(
                    id: .init(stringLiteral: "p-\(index)"), name: "P", department: "d",
                    manager: index == 0 ? nil : .init(stringLiteral: "p-\(index - 1)")))
        }
        try organization.formSquad(
            CustomerValueSquad(
                id: "ends", name: "Ends", mission: Mission(statement: "x"),
                memberships: ["p-1999": Membership(role: "a", share: 10), "p-1000": Membership(role: "b", share: 10)]))
        #expect(organization.reportingLines().layers == 2_000)
        let ends = try #require(organization.decisionDistances().distance(of: "ends"))
        #expect(ends.meetingPoint == "p-1000")
        #expect(ends.climb == 999)
        let finding = try #require(
            organization.validate(policy: ValidationPolicy { ReportingLayersRule() }).findings.first)
        #expect(finding.message.hasPrefix("the longest reporting line has 2000 layers (p-0 → p-1 → p-2 → "))
        #expect(finding.message.hasSuffix("p-1998 → p-1999); at most 8 expected"))
    }
}
