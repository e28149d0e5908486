import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// Behaviours of the code written since 0.2.0 that users rely on, each at its edges: every test here was checked to
/// fail with the bug its name describes planted in the code.
@Suite("Edges of the 0.3 surfaces")
struct BehaviourEdgeTests {
    @Test("live validation made from an organisation with an organisation-level finding counts it before any change")
    func liveValidationStartsWithOrganizationFindings() throws {
        var organization = Fixtures.accountBasedMarketing
        organization.goal = ""
        let day: Day = "2026-06-01"
        let full = organization.validate(on: day)
        #expect(full.findings.contains { $0.subject == .organization })
        let live = LiveValidation(organization, on: day)
        #expect(live.report == full)
        #expect(live.errorCount == full.errorCount && live.warningCount == full.warningCount)
        #expect(live.noteCount == full.noteCount && live.isValid == full.isValid)
    }

    /// A rule that judges the whole organisation at once, with a code of its own.
    struct EveryoneHasATitle: ValidationRule {
        var codes: [Finding.Code] { ["acme.specialist.noTitle"] }
        func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
            organization.specialists.filter { !$0.title.contains("Head") }.prefix(3).map {
                Finding(
                    .note, "acme.specialist.noTitle", subject: .specialist($0.id), message: "\($0.id) is not a head")
            }
        }
    }

    @Test("an unscoped custom rule whose code the policy disables reports nothing, live or in full")
    func disabledUnscopedRule() throws {
        var policy = ValidationPolicy.default.adding(EveryoneHasATitle())
        let day: Day = "2026-06-01"
        var live = LiveValidation(Fixtures.accountBasedMarketing, policy: policy, on: day)
        #expect(live.report.findings.contains { $0.code == "acme.specialist.noTitle" })
        policy.disabledCodes.insert("acme.specialist.noTitle")
        live = LiveValidation(Fixtures.accountBasedMarketing, policy: policy, on: day)
        #expect(!live.report.findings.contains { $0.code == "acme.specialist.noTitle" })
        _ = try live.update { try $0.hire(Specialist(id: "newcomer", name: "Newcomer", department: "sales")) }
        #expect(!live.report.findings.contains { $0.code == "acme.specialist.noTitle" })
        #expect(live.report == live.organization.validate(policy: policy, on: day))
    }

    @Test("a finding twice before and once after is one removed, not two and not none")
    func differenceCountsRepeats() {
        let finding = Finding(.warning, "acme.x", subject: .organization, message: "twice")
        let other = Finding(.note, "acme.y", subject: .organization, message: "other")
        let before = ValidationReport(findings: [finding, finding, other])
        let after = ValidationReport(findings: [finding, other])
        let difference = after.difference(from: before)
        #expect(difference.removed == [finding] && difference.added.isEmpty)
        let back = before.difference(from: after)
        #expect(back.added == [finding] && back.removed.isEmpty)
        #expect(after.difference(from: after).isEmpty)
    }

    @Test(
        "quarters start in January, April, July and October whatever month the log starts in",
        arguments: [
            ("2026-03-31", "2026-01-01", "2026-03-31"), ("2026-06-30", "2026-04-01", "2026-06-30"),
            ("2026-09-01", "2026-07-01", "2026-09-30"), ("2026-12-31", "2026-10-01", "2026-12-31"),
        ] as [(Day, Day, Day)])
    func quarterBoundaries(first: Day, quarterStart: Day, quarterEnd: Day) throws {
        let (baseline, changes) = Fixtures.transformationYear
        var log = Array(changes.prefix(1))
        log[0].day = first
        let history = try ChangeHistory(baseline: baseline, changes: log)
        let periods = history.timeline(every: .quarter).periods
        #expect(periods.count == 1)
        #expect(periods.first?.start == quarterStart)
        #expect(periods.first?.end == quarterEnd)
    }

    @Test("a batch whose squads form on different days is marked in the period its last squad forms")
    func batchMarkedWhenItsLastSquadExists() throws {
        typealias Year = Fixtures.TransformationYear
        let (baseline, changes) = Fixtures.transformationYear
        // The first batch's two squads are formed in June; form the second one in July instead.
        var log = changes
        let index = try #require(
            log.firstIndex {
                if case .addSquad(let squad) = $0.action { return squad.id == Year.firstBatch[1] }
                return false
            })
        var moved = log.remove(at: index)
        moved.day = "2026-07-06"
        log.insert(moved, at: log.firstIndex { ($0.day ?? "2026-01-01") > "2026-07-06" } ?? log.endIndex)
        let history = try ChangeHistory(baseline: baseline, changes: log)
        let months = history.timeline(every: .month, plan: Year.plan).periods
        #expect(months.first { $0.markers.contains("first batch") }?.start == "2026-07-01")
    }

    @Test("a link several squads carry is named by the smallest squad identifier, as documented")
    func chainNamesTheSmallestSquad() throws {
        var organization = try Organization(name: "T", goal: "")
        try organization.addDepartment(Department(id: "a", name: "A"))
        try organization.addDepartment(Department(id: "b", name: "B"))
        try organization.hire(Specialist(id: "x", name: "X", department: "a"))
        try organization.hire(Specialist(id: "y", name: "Y", department: "b"))
        for squad in ["s9", "s10", "s2"] {
            try organization.formSquad(
                CustomerValueSquad(id: .init(validating: squad), name: squad, mission: Mission(statement: "Serve")))
            try organization.assign("x", to: .init(validating: squad), role: "m", share: 10)
            try organization.assign("y", to: .init(validating: squad), role: "m", share: 10)
        }
        let chain = try #require(organization.siloNetwork().chain(from: "a", to: "b"))
        let smallest = try #require(["s9", "s10", "s2"].map { CustomerValueSquad.ID(stringLiteral: $0) }.min())
        #expect(chain.squads == [smallest])
        #expect(chain.departments == ["a", "b"])
        #expect(organization.siloNetwork().chain(from: "a", to: "a")?.squads == [])
    }

    @Test("the CSV import lists rows by line, and what concerns departments last")
    func csvReportOrder() throws {
        let table = """
            id,name,department,manager
            a,Ani,Sales,
            b,Budi,Sales,a
            c,Citra,Sales,
            ,Nobody,Sales,
            d,Dewi,Care,ghost
            """
        var options = CSVImport.Options(organizationName: "T", id: "id", name: ["name"], department: "department")
        options.manager = "manager"
        let result = try CSVImport.organization(from: Data(table.utf8), options: options)
        let lines = result.report.map(\.line)
        let rows = lines.compactMap { $0 }
        #expect(rows == rows.sorted())
        #expect(lines.firstIndex(of: nil).map { index in lines[index...].allSatisfy { $0 == nil } } ?? true)
        #expect(result.report.contains { $0.line == nil })
    }

    @Test("Backstage: names that differ only in case are one entity; a user in two departments lives in the first")
    func backstageCaseAndHomes() throws {
        func entity(_ kind: BackstageCatalog.Kind, _ name: String, _ spec: BackstageCatalog.Entity.Spec)
            -> BackstageCatalog.Entity
        {
            BackstageCatalog.Entity(kind: kind, metadata: .init(name: name), spec: spec)
        }
        let entities = [
            entity(.group, "Sales", .init(type: "team")),
            entity(.group, "sales", .init(type: "team")),
            entity(.group, "care", .init(type: "team")),
            entity(.user, "ani", .init(memberOf: ["care", "sales"])),
        ]
        let result = try BackstageCatalog.organization(from: entities, options: .init(organizationName: "T"))
        #expect(result.organization.departments.count == 2)
        #expect(result.report.contains { $0.severity == .error && $0.message.contains("appears twice") })
        #expect(result.organization.specialist("ani")?.department == "care")
        #expect(result.report.contains { $0.message.contains("care is their home") })
    }

    @Test("a floor of exactly 0 never asks for a hire; a floor of exactly 1 asks back everything pulled")
    func drainLedgerFloorEdges() throws {
        let organization = Fixtures.accountBasedMarketing
        let plan = try RolloutPlan(startingArea: "accounts", pilot: Fixtures.AccountBasedMarketing.pilot, batches: [])
        let sales = Fixtures.AccountBasedMarketing.sales
        let none = try plan.drainLedger(in: organization, floors: [sales: 0])
        #expect(none.steps.allSatisfy { $0.silosBelowFloor.isEmpty })
        let all = try plan.drainLedger(in: organization, floors: [sales: 1])
        let pilot = try #require(all.steps.last?.silos.first { $0.department == sales })
        #expect(pilot.backfill > 0)
        #expect(abs(pilot.backfill - (Double(pilot.headcount) - pilot.fteAtHome)) < 1e-9)
        #expect(throws: OrganizationError.self) { try plan.drainLedger(in: organization, floors: [sales: 1.000_001]) }
        #expect(throws: OrganizationError.self) { try plan.drainLedger(in: organization, floors: [sales: -0.000_001]) }
    }

    @Test("a copy that shares the staffing ranking sees its own changes, and the original keeps its answers")
    func rankingCacheFollowsCopies() throws {
        let original = Fixtures.accountBasedMarketing
        let mission = Mission(statement: "Win", requiredSkills: ["mandarin"])
        let before = original.proposeStaffing(for: mission)  // the ranking is made here, and shared by copies
        #expect(before.uncoveredSkills == ["mandarin"])
        var copy = original
        try copy.hire(Specialist(id: "lin", name: "Lin", department: "sales", skills: ["mandarin": .expert]))
        let after = copy.proposeStaffing(for: mission)
        #expect(after.picks.contains { $0.specialist == "lin" } && after.uncoveredSkills.isEmpty)
        #expect(original.proposeStaffing(for: mission) == before)
    }

    @Test("the JSON writer escapes the last byte of a short string, and a missing comma is refused")
    func jsonEdges() throws {
        var organization = try Organization(name: "a\"", goal: "\u{1}")
        try organization.addDepartment(Department(id: "d", name: "x\\"))
        let data = try organization.jsonData(prettyPrinted: false)
        let back = try Organization(jsonData: data)
        #expect(back.name == "a\"" && back.goal == "\u{1}" && back.department("d")?.name == "x\\")
        let text = String(decoding: data, as: UTF8.self)
        for (broken, what) in [
            (text.replacingOccurrences(of: "\",\"goal\"", with: "\" \"goal\""), "object"),
            (text.replacingOccurrences(of: "}],\"goal\"", with: "}] \"goal\""), "list"),
        ] where broken != text {
            #expect(throws: (any Error).self, "a missing comma in an \(what)") {
                try Organization(jsonData: Data(broken.utf8))
            }
        }
    }
}
