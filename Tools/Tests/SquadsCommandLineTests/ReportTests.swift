import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads report: order, figures and page")
struct ReportTests {
    @Test("names are ordered as people read them: numbers by their value, case aside")
    func naturalOrder() {
        let names = ["Department 10", "department 2", "Department 1", "Dept 02b", "Dept 2a", "Department 100", "apple"]
        #expect(
            names.sorted(by: NaturalOrder.precedes)
                == ["apple", "Department 1", "department 2", "Department 10", "Department 100", "Dept 2a", "Dept 02b"])
        #expect(NaturalOrder.precedes("sq-9", "sq-10") && !NaturalOrder.precedes("sq-10", "sq-9"))
        #expect(NaturalOrder.precedes("a", "b") && !NaturalOrder.precedes("b", "a") && !NaturalOrder.precedes("a", "a"))
    }

    /// Three departments named so that text order and reading order differ; squad "Pilot" draws two members
    /// from "Sales 2" and one from "Care"; "Next" draws one from "Sales 10". Pilot's outcome has three check-ins.
    static func fixture() throws -> Organization {
        var organization = try Organization(name: "Toko", goal: "Regulars come back")
        for (id, name) in [("s10", "Sales 10"), ("s2", "Sales 2"), ("care", "Care")] {
            try organization.addDepartment(Department(id: .init(validating: id), name: name))
        }
        let people: [(String, String)] = [
            ("a", "s2"), ("b", "s2"), ("c", "s2"), ("d", "care"), ("e", "s10"), ("f", "s10"),
        ]
        for (id, department) in people {
            try organization.hire(
                Specialist(id: .init(validating: id), name: "Person \(id)", department: .init(validating: department)))
        }
        try organization.setCapacityFloor(0.9, of: "s2")
        try organization.formSquad(CustomerValueSquad(id: "pilot", name: "Pilot", mission: Mission(statement: "Win")))
        try organization.formSquad(CustomerValueSquad(id: "next", name: "Next", mission: Mission(statement: "Keep")))
        try organization.assign("a", to: "pilot", role: "seller", share: 50)
        try organization.assign("b", to: "pilot", role: "seller", share: 50)
        try organization.assign("d", to: "pilot", role: "carer", share: 20)
        try organization.assign("e", to: "next", role: "seller", share: 40)
        try organization.setAccountability(
            Accountability(outcomes: [Outcome(id: "sales", metric: "sales", baseline: 0, target: 10)]), of: "pilot")
        for (day, value) in [("2026-10-01", 2.0), ("2026-10-15", 3.0), ("2026-11-01", 5.0)] {
            try organization.checkIn(.init(day: Day(iso: day), value: value, confidence: 6), for: "sales", of: "pilot")
        }
        return organization
    }

    @Test("each section's figures on the fixture")
    func figures() throws {
        let organization = try Self.fixture()
        let figures = try ReportFigures(organization, on: "2026-11-02")
        let glance = figures.glance
        #expect(glance.people == 6 && glance.peopleInSquads == 4)
        #expect(glance.fteInSquads == 1.6 && glance.fteAtHome == 4.4)
        #expect(glance.squadsByStage.map(\.count) == [2])
        let report = organization.validate(on: "2026-11-02")
        #expect(glance.findings.errors == report.errorCount && glance.findings.warnings == report.warningCount)
        #expect(figures.findingGroups.reduce(0) { $0 + $1.count } == report.findings.count)
        #expect(glance.outcomes.onTrack + glance.outcomes.atRisk + glance.outcomes.offTrack == 1)
        // The matrix: departments and squads in reading order, with totals.
        let matrix = figures.matrix
        #expect(!matrix.isAggregated)
        #expect(matrix.rows.map(\.label) == ["Care", "Sales 2", "Sales 10"])
        #expect(matrix.columns.map(\.label) == ["Next", "Pilot"])
        #expect(matrix.rows.map(\.cells) == [[0, 1], [0, 2], [1, 0]])
        #expect(matrix.rows.map(\.total) == [1, 2, 1] && matrix.rows.map(\.staff) == [1, 3, 2])
        #expect(matrix.columns.map(\.total) == [1, 3] && matrix.largest == 2)
        // Drain: Sales 2 gives 1 of 3 FTE, keeps 67 % against a floor of 90 %, and comes first.
        let first = try #require(figures.drains.first)
        #expect(first.department == "s2" && first.ftePulled == 1 && first.floor == 0.9)
        #expect(abs(first.retained - 2.0 / 3.0) < 1e-9)
        #expect(figures.drains.map(\.department) == ["s2", "care", "s10"])
        // Outcomes: the check-ins in order, the latest confidence, improving.
        let pilot = try #require(figures.squadOutcomes.first)
        #expect(pilot.squad == "pilot" && pilot.outcomes.first?.values == [2, 3, 5])
        #expect(pilot.outcomes.first?.confidence == 6 && pilot.outcomes.first?.trend == .improving)
        #expect(pilot.outcomes.first?.progress == 0.5 && pilot.outcomes.first?.isStale == false)
        // Islands: Pilot links Sales 2 and Care; Sales 10 gives only to Next, drawn from it alone.
        #expect(figures.islandCount == 1 && figures.islands == ["Sales 10"])
    }

    @Test("against a baseline: the changed cells, the tiles and the findings that come and go")
    func comparison() throws {
        let before = try Self.fixture()
        var after = before
        try after.assign("c", to: "pilot", role: "seller", share: 50)
        let figures = try ReportFigures(after, baseline: before, on: "2026-11-02")
        let sales2 = try #require(figures.matrix.rows.first { $0.department == "s2" })
        #expect(sales2.cells == [0, 3] && sales2.before == [nil, 2])
        #expect(figures.matrix.rows.filter { $0.department != "s2" }.allSatisfy { $0.before.allSatisfy { $0 == nil } })
        #expect(figures.baselineGlance?.peopleInSquads == 4 && figures.glance.peopleInSquads == 5)
        let impact = after.impact(comparedTo: before, on: "2026-11-02")
        #expect(figures.appeared == impact.newFindings && figures.gone == impact.resolvedFindings)
        let page = try Commands.report(after, comparedTo: before, on: "2026-11-02")
        #expect(page.contains(#"class="changed" style="#) && page.contains(#"title="was 2">▲3</td>"#))
        #expect(page.contains(#"<section id="compare">"#))
    }

    @Test("a large organisation is aggregated: the departments that give most, squads by stage, the rest counted")
    func aggregation() throws {
        let organization = OrganizationGenerator(seed: 3, shape: .init(specialists: 4_000)).generate()
        let figures = try ReportFigures(organization, on: "2026-11-02")
        let matrix = figures.matrix
        #expect(matrix.isAggregated)
        #expect(matrix.rows.count == ReportMatrix.shownDepartments + 1)
        #expect(
            matrix.rows.last?.label
                == "and \(organization.departmentCount - ReportMatrix.shownDepartments) more departments")
        let totals = matrix.rows.dropLast().map(\.total)
        #expect(totals == totals.sorted(by: >))
        let members = organization.squads.filter { $0.stage != .dissolved }.reduce(0) { $0 + $1.size }
        #expect(matrix.columns.reduce(0) { $0 + $1.total } == members)
        #expect(Set(matrix.columns.map(\.stage)).count == matrix.columns.count)
        #expect(
            figures.drains.count == ReportFigures.shownDrains
                && figures.hiddenDrains == organization.departmentCount - 25)
        let csv = ReportMatrix.csv(organization)
        #expect(csv.split(separator: "\r\n").count == organization.departmentCount + 1)
    }

    @Test("the page: every text escaped, names isolated, nothing loaded from elsewhere, every section there")
    func page() throws {
        var organization = try Self.fixture()
        try organization.rename(to: #"Toko <b>"Manis"</b> & Co"#)
        try organization.hire(Specialist(id: "g", name: "محمد", department: "care"))
        let page = try Commands.report(organization, on: "2026-11-02")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("Toko &lt;b&gt;&quot;Manis&quot;&lt;/b&gt; &amp; Co"))
        #expect(!page.contains("http") && !page.contains("<script src") && page.contains("<script>"))
        for section in ["glance", "silos", "drain", "outcomes", "findings"] {
            #expect(page.contains(#"<section id="\#(section)">"#))
        }
        #expect(!page.contains(#"<section id="compare">"#))
        #expect(page.contains("<bdi>Care</bdi>") && page.contains(#"<svg class="chart sparkline""#))
        #expect(page.contains(#"<tr data-department="s2">"#) && page.contains(#"data-squad="pilot""#))
    }

    @Test("with --history: four line charts of the year, a point a month, the pilot and batches marked")
    func history() throws {
        let current = try Input.organization(atPath: example("transformation-year-end.json"))
        let history = try Input.history(leadingTo: current, changesAtPath: example("transformation-year-log.json"))
        let plan = try Input.rolloutPlan(atPath: example("transformation-year-plan.json"))
        let page = try Commands.report(current, plan: plan, on: "2026-12-01", history: history)
        #expect(page.contains(#"<section id="history">"#))
        #expect(page.components(separatedBy: #"<svg class="chart lines""#).count - 1 == 4)
        let section = try #require(page.components(separatedBy: #"<section id="history">"#).last)
        // The share in squads: one point a month, January to November.
        let share = try #require(
            section.components(separatedBy: "<polyline class=\"line-0\" points=\"").dropFirst().first)
        #expect(share.prefix { $0 != "\"" }.split(separator: " ").count == 11)
        for marker in ["pilot", "first batch", "second batch"] { #expect(section.contains(">\(marker)</text>")) }
        #expect(section.contains("in squads 48%") && section.contains("weighted score 90%"))
        #expect(section.contains("Sales 52%") && section.contains(">floor</text>"))
        #expect(!(try Commands.report(current)).contains(#"<section id="history">"#))
        let weeks = try Commands.report(current, history: history, every: .week)
        #expect(weeks.contains("47 weeks from 2026-01-12 to 2026-11-30"))
    }
}
