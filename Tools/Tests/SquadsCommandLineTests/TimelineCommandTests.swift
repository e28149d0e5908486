import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads timeline")
struct TimelineCommandTests {
    typealias Year = Fixtures.TransformationYear

    static let baselinePath = example("transformation-year.json")
    static let logPath = example("transformation-year-log.json")
    static let planPath = example("transformation-year-plan.json")
    static let currentPath = example("transformation-year-end.json")

    static func history() throws -> ChangeHistory {
        try Input.history(baseline: Input.organization(atPath: baselinePath), changesAtPath: logPath)
    }

    @Test("the example files are the year of the testing fixture (CVS_WRITE_EXAMPLES=1 writes them anew)")
    func examplesAreTheFixture() throws {
        let (baseline, changes) = Fixtures.transformationYear
        let end = try baseline.applying(changes)
        let plan = try JSONEncoder.sorted.encode(Year.plan)
        let files: [(String, Data)] = [
            (Self.baselinePath, try baseline.jsonData()), (Self.logPath, try OrganizationChange.jsonData(changes)),
            (Self.planPath, plan), (Self.currentPath, try end.jsonData()),
        ]
        for (path, data) in files {
            if ProcessInfo.processInfo.environment["CVS_WRITE_EXAMPLES"] == "1" {
                try data.write(to: URL(fileURLWithPath: path))
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "\(path) is not the fixture's")
        }
    }

    @Test("with open seats, the table and the CSV gain the open seats and the median days to fill one")
    func seats() throws {
        let (baseline, changes) = Fixtures.transformationYear
        var organization = try baseline.applying(changes)
        let squad = try #require(organization.squads.first { $0.stage != .dissolved }).id
        let lastDay = try #require(changes.compactMap(\.day).max())
        let free = try #require(
            organization.specialists.first {
                organization.sparePercent(of: $0.id) >= 10 && organization.squad(squad)?.memberships[$0.id] == nil
            }
        ).id
        var seatChanges = try organization.record(reason: "seat", on: try lastDay.adding(days: 1)) {
            try $0.openSeat(Seat(id: "a", role: "analyst", share: 10, neededFrom: "2027-01-01"), in: squad)
            try $0.openSeat(Seat(id: "b", role: "planner", share: 10, neededFrom: "2027-01-01"), in: squad)
        }
        seatChanges += try organization.record(reason: "fill", on: try lastDay.adding(days: 11)) {
            try $0.fillSeat("a", in: squad, with: free)
        }
        let history = try ChangeHistory(baseline: baseline, changes: changes + seatChanges)
        let text = try Commands.timeline(history, findings: false)
        #expect(text.contains("Open seats  Days to fill"))
        let csv = try Commands.timeline(history, findings: false, format: .csv).components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let column = try #require(header.firstIndex(of: "open_seats"))
        #expect(header[column + 1] == "median_days_to_fill")
        let last = try #require(csv.dropLast().last?.components(separatedBy: ","))
        #expect(last[column] == "1" && last[column + 1] == "10")
        // Without seats, the table and the CSV are as before.
        #expect(!(try Commands.timeline(Self.history(), findings: false)).contains("Open seats"))
    }

    @Test("the table has a row a month, the pilot and the batches where they formed")
    func table() throws {
        let plan = try Input.rolloutPlan(atPath: Self.planPath)
        let text = try Commands.timeline(Self.history(), plan: plan)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "## Timeline of Kopi Kita by month: 11 periods, 10 changes")
        let rows = lines.drop { !$0.hasPrefix("---") }.dropFirst()
        #expect(rows.count == 11)
        let january = try #require(rows.first)
        #expect(january.hasPrefix("2026-01") && january.hasSuffix("pilot"))
        #expect(january.contains("2.40") && january.contains("12%") && january.contains("1 forming"))
        #expect(january.contains("sales 84% (floor 50%)"))
        let june = try #require(rows.first { $0.hasPrefix("2026-06") })
        #expect(june.contains("2 forming, 1 operating") && june.hasSuffix("first batch"))
        #expect(rows.last?.contains("90%") == true)
    }

    @Test("quarters in CSV: a header, a row a quarter, a column per silo, every row as wide as the header")
    func csv() throws {
        let text = try Commands.timeline(Self.history(), every: .quarter, format: .csv)
        #expect(text.hasSuffix("\r\n"))
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 5)
        #expect(
            rows[0].first == "period"
                && rows[0].suffix(4) == [
                    "retained_analytics", "retained_marketing",
                    "retained_sales", "retained_service",
                ])
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows.dropFirst().map { $0[0] } == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        let errors = try #require(rows[0].firstIndex(of: "errors"))
        #expect(rows.dropFirst().allSatisfy { $0[errors] == "0" })
        let without = try Commands.timeline(Self.history(), every: .quarter, findings: false, format: .csv)
        #expect(
            without.split(separator: "\r\n").dropFirst().allSatisfy {
                $0.split(separator: ",", omittingEmptySubsequences: false)[errors].isEmpty
            })
        #expect(try Commands.timeline(Self.history(), findings: false).contains("  –  "))
    }

    @Test("JSON is the library's timeline, field for field")
    func json() throws {
        let history = try Self.history()
        let text = try Commands.timeline(history, every: .week, format: .json)
        let decoded = try JSONDecoder().decode(Timeline.self, from: Data(text.utf8))
        #expect(decoded == history.timeline(every: .week))
        #expect(text.contains("\"squadsByStage\" : {"))
    }

    @Test("a log without days, one that does not apply, and one that does not end in the report's organisation")
    func refusals() throws {
        let folder = NSTemporaryDirectory() + "squads-timeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var (baseline, changes) = Fixtures.transformationYear
        changes[1].day = nil
        try OrganizationChange.jsonData(changes).write(to: URL(fileURLWithPath: folder + "/undated.json"))
        #expect(throws: InputError.self) {
            try Input.history(baseline: baseline, changesAtPath: folder + "/undated.json")
        }
        do {
            _ = try Input.history(baseline: baseline, changesAtPath: folder + "/undated.json")
        } catch {
            #expect(error.message.hasPrefix(folder + "/undated.json: [invalidValue] change 2 of 10"))
            #expect(error.message.contains("has no day"))
        }
        let other = try Input.organization(atPath: example("toko-manis.json"))
        #expect(throws: InputError.self) { try Input.history(baseline: other, changesAtPath: Self.logPath) }
        #expect(throws: InputError.self) { try Input.history(leadingTo: other, changesAtPath: Self.logPath) }
        baseline = try Input.organization(atPath: Self.currentPath)
        let recovered = try Input.history(leadingTo: baseline, changesAtPath: Self.logPath)
        #expect(recovered.baseline == (try Input.organization(atPath: Self.baselinePath)))
    }

    @Test("the command parses its options and refuses an unknown step")
    func command() throws {
        var command = try Squads.parseAsRoot([
            "timeline", Self.baselinePath, Self.logPath, "--every", "quarter", "--format", "csv",
        ])
        try command.run()
        #expect(throws: (any Error).self) {
            try Squads.parseAsRoot(["timeline", Self.baselinePath, Self.logPath, "--every", "fortnight"])
        }
    }
}

extension JSONEncoder {
    /// An encoder of sorted, pretty-printed JSON, as the example files are written.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
