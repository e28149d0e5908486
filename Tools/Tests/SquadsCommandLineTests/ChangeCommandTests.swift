import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

/// `squads change ORG VERB …` for every verb, on the sample organisation: accepted, the file, the log and the
/// findings; refused, nothing written.
@Suite("squads change")
struct ChangeCommandTests {
    /// For each verb, options the library accepts on the sample and options it refuses (or the tool cannot
    /// read). The test below fails when a verb has no case here, so a new verb cannot go untested.
    static let cases: [String: (accepted: [String], refused: [String])] = [
        "rename": (["--name", "Toko Manis Raya"], ["--name", " "]),
        "set-goal": (["--goal", "Every regular finds what they came for"], ["--goal"]),
        "add-department": (
            ["--id", "finance", "--name", "Finance", "--parent", "head-office"],
            ["--id", "sales", "--name", "Sales again"]
        ),
        "remove-department": (["--department", "finance"], ["--department", "sales"]),
        "move-department": (
            ["--department", "analytics", "--top"], ["--department", "head-office", "--parent", "sales"]
        ),
        "appoint-head": (
            ["--department", "sales", "--specialist", "sales-2"], ["--department", "sales", "--specialist", "boss"]
        ),
        "add-data-asset": (
            ["--id", "returns", "--name", "Returns", "--department", "logistics"],
            ["--id", "deliveries", "--name", "Deliveries again", "--department", "logistics"]
        ),
        "remove-data-asset": (["--asset", "deliveries"], ["--asset", "basket-analytics"]),
        "set-capacity-floor": (
            ["--department", "sales", "--floor", "0.5"], ["--department", "sales", "--floor", "1.5"]
        ),
        "set-cost": (["--department", "sales", "--cost", "120000000"], ["--department", "sales", "--cost", "-1"]),
        "hire": (
            ["--id", "sales-6", "--name", "Dewi Lestari", "--department", "sales", "--skill", "negotiation=expert"],
            ["--id", "sales-1", "--name", "Someone", "--department", "sales"]
        ),
        "move": (
            ["--specialist", "customer-service-5", "--department", "marketing"],
            ["--specialist", "sales-1", "--department", "marketing"]
        ),
        "leave": (["--specialist", "customer-service-5"], ["--specialist", "sales-2"]),
        "set-manager": (
            ["--specialist", "sales-2", "--manager", "sales-1"], ["--specialist", "sales-1", "--manager", "sales-1"]
        ),
        "set-skill": (
            ["--specialist", "sales-1", "--skill", "sql", "--level", "novice"],
            ["--specialist", "sales-1", "--skill", "sql", "--level", "guru"]
        ),
        "form-squad": (
            [
                "--id", "or-team", "--name", "OR team", "--statement", "Shorten waiting", "--customer", "Key accounts",
                "--value-area", "account:Key accounts",
            ],
            ["--id", "bali", "--name", "Bali again", "--statement", "Again"]
        ),
        "assign": (
            ["--specialist", "logistics-4", "--squad", "bali", "--role", "planner", "--share", "20"],
            ["--specialist", "logistics-4", "--squad", "bali", "--role", "planner", "--share", "120"]
        ),
        "release": (["--specialist", "sales-5", "--squad", "bali"], ["--specialist", "sales-1", "--squad", "bali"]),
        "set-stage": (["--squad", "bali", "--stage", "piloting"], ["--squad", "east-java", "--stage", "forming"]),
        "dissolve": (["--squad", "bali"], ["--squad", "nowhere"]),
        "set-mission": (
            ["--squad", "bali", "--json", #"{"statement": "Grow Bali's regulars", "customer": "Bali regulars"}"#],
            ["--squad", "bali", "--json", #"{"statement": 3}"#]
        ),
        "delegate": (
            ["--squad", "bali", "--id", "opening-hours", "--scope", "set opening hours"],
            ["--squad", "east-java", "--id", "assortment", "--scope", "again"]
        ),
        "revoke-right": (["--squad", "east-java", "--id", "assortment"], ["--squad", "bali", "--id", "assortment"]),
        "grant": (
            ["--squad", "bali", "--asset", "deliveries", "--approved-by", "logistics-1", "--until", "2027-06-30"],
            ["--squad", "bali", "--asset", "deliveries", "--approved-by", "nobody"]
        ),
        "revoke": (["--squad", "bali", "--asset", "loyalty-cards"], ["--squad", "bali", "--asset", "nothing"]),
        "set-accountability": (
            ["--squad", "bali", "--json", #"{"outcomes": [], "owner": "sales-5"}"#],
            ["--squad", "bali", "--json", #"{"owner": "nobody"}"#]
        ),
        "add-outcome": (
            [
                "--squad", "bali", "--id", "basket-size", "--metric", "average basket", "--baseline", "80", "--target",
                "95",
            ],
            ["--squad", "bali", "--id", "sales-growth", "--metric", "again"]
        ),
        "record-outcome": (
            ["--squad", "bali", "--outcome", "sales-growth", "--value", "4.5"],
            ["--squad", "bali", "--outcome", "basket-size", "--value", "1"]
        ),
        "check-in": (
            ["--squad", "bali", "--outcome", "stock-outs", "--value", "3", "--confidence", "7"],
            ["--squad", "bali", "--outcome", "stock-outs", "--value", "3", "--confidence", "11"]
        ),
        "set-cycle-length": (["--squad", "bali", "--days", "10"], ["--squad", "bali", "--days", "400"]),
        "record-cycle": (
            [
                "--squad", "bali", "--tried", "a weekend promotion", "--result", "worked", "--started", "2026-11-20",
                "--ended", "2026-11-27",
            ],
            ["--squad", "bali", "--tried", "a weekend promotion", "--result", "great"]
        ),
        "set-interaction": (
            [
                "--squad", "bali", "--json",
                #"{"id": "stock-help", "department": "logistics", "mode": "xAsAService", "purpose": "restock", "start": "2026-12-01"}"#,
            ],
            [
                "--squad", "bali", "--json",
                #"{"id": "stock-help", "department": "nowhere", "mode": "xAsAService", "purpose": "restock", "start": "2026-12-01"}"#,
            ]
        ),
        "end-interaction": (
            ["--squad", "bali", "--interaction", "stock-help"], ["--squad", "bali", "--interaction", "nothing"]
        ),
        "open-seat": (
            [
                "--squad", "bali", "--id", "account", "--role", "account manager", "--skill", "sales=competent",
                "--share", "50", "--needed-from", "2027-01-04", "--note", "Bahasa and English", "--cost-per-fte",
                "90000", "--department", "sales",
            ],
            ["--squad", "bali", "--id", "account", "--role", "account manager", "--share", "150"]
        ),
        "change-seat": (
            [
                "--squad", "bali", "--seat", "account", "--share", "80", "--needed-from", "2027-02-01",
                "--cost-per-fte", "none",
            ],
            ["--squad", "bali", "--seat", "account", "--cost-per-fte", "-5"]
        ),
        "close-seat": (["--squad", "bali", "--seat", "account"], ["--squad", "bali", "--seat", "nothing"]),
        "fill-seat": (
            ["--squad", "bali", "--seat", "account", "--specialist", "logistics-4"],
            ["--squad", "bali", "--seat", "account", "--specialist", "sales-5"]
        ),
    ]

    /// Changes made first, for verbs whose accepted case needs something the sample does not have.
    static let setup: [String: [String]] = [
        "remove-department": ["add-department", "--id", "finance", "--name", "Finance"],
        "change-seat": ["open-seat", "--squad", "bali", "--id", "account", "--role", "account manager"],
        "close-seat": ["open-seat", "--squad", "bali", "--id", "account", "--role", "account manager"],
        "fill-seat": ["open-seat", "--squad", "bali", "--id", "account", "--role", "account manager", "--share", "50"],
        "end-interaction": [
            "set-interaction", "--squad", "bali", "--json",
            #"{"id": "stock-help", "department": "logistics", "mode": "xAsAService", "purpose": "restock", "start": "2026-11-01"}"#,
        ],
    ]

    /// The sample, with the verb's setup change made.
    static func base(for verb: String) throws -> Organization {
        guard let words = setup[verb] else { return Commands.sampleOrganization }
        let setupVerb = try ChangeVerb.named(words[0])
        let arguments = try VerbArguments(Array(words.dropFirst()), verb: words[0], options: setupVerb.options)
        return try Commands.change(Commands.sampleOrganization, verb: setupVerb, arguments: arguments).organization
    }

    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-change-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func run(_ arguments: [String]) throws {
        var command = try Squads.parseAsRoot(arguments)
        try command.run()
    }

    @Test("every verb has a case, and calls a transformation the help names")
    func everyVerbIsCovered() {
        let verbs = Set(ChangeVerb.all.map(\.name))
        #expect(verbs == Set(Self.cases.keys), "verbs without a case: \(verbs.subtracting(Self.cases.keys).sorted())")
        #expect(verbs.count == ChangeVerb.all.count, "two verbs share a name")
        let help = ChangeCommandTests.helpText()
        for verb in ChangeVerb.all { #expect(help.contains(verb.name), "squads change --help omits \(verb.name)") }
    }

    static func helpText() -> String {
        let change = SubcommandTests.allCommands().first { $0.configuration.commandName == "change" }
        return change.map { Squads.helpMessage(for: $0, columns: 200) } ?? ""
    }

    @Test(
        "accepted: the file and the log are written, and applying the log gives the written organisation",
        arguments: ChangeVerb.all.map(\.name))
    func accepted(verb: String) throws {
        let folder = try folder()
        let path = folder + "/org.json"
        let log = folder + "/log.json"
        let base = try Self.base(for: verb)
        try base.jsonData().write(to: URL(fileURLWithPath: path))
        let options = try #require(Self.cases[verb]).accepted
        try run(
            ["change", path, verb] + options + ["--in-place", "--log", log, "--day", "2026-12-01", "--reason", "plan"])
        let written = try Input.organization(atPath: path)
        #expect(written != base, "\(verb) changed nothing")
        let changes = try Input.changeLog(atPath: log)
        #expect(!changes.isEmpty && changes.allSatisfy { $0.day == "2026-12-01" && $0.reason == "plan" })
        #expect(try base.applying(changes) == written)
        // A second change appends to the same log, and undoing the log's last entries gives the first back.
        let before = written
        try run(["change", path, "set-goal", "--goal", "later", "--in-place", "--log", log, "--day", "2026-12-02"])
        let both = try Input.changeLog(atPath: log)
        #expect(both.count == changes.count + 1)
        #expect(try Input.organization(atPath: path).applying(both.suffix(1).reversed().map(\.inverse)) == before)
    }

    @Test("refused: exit 2, and neither the file nor the log is touched", arguments: ChangeVerb.all.map(\.name))
    func refused(verb: String) throws {
        let folder = try folder()
        let path = folder + "/org.json"
        let log = folder + "/log.json"
        let document = try Self.base(for: verb).jsonData()
        try document.write(to: URL(fileURLWithPath: path))
        try Data("[]".utf8).write(to: URL(fileURLWithPath: log))
        let options = try #require(Self.cases[verb]).refused
        #expect(throws: ExitCode(2)) {
            try run(["change", path, verb] + options + ["--in-place", "--log", log, "--day", "2026-12-01"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == document)
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == Data("[]".utf8))
    }

    @Test("the verbs follow the library's transformations: each public one is called by a verb")
    func verbsFollowTheLibrary() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/CustomerValueSquads/Transformations")
        var transformations: [String] = ["rename"]  // Organization.rename(to:), beside the model
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("public mutating func ") else { continue }
                let name = trimmed.dropFirst("public mutating func ".count).prefix { $0 != "(" && $0 != "<" }
                transformations.append(String(name))
            }
        }
        #expect(transformations.count > 25)
        let called = ChangeVerb.all.map(\.transformation)
        for name in transformations {
            #expect(called.contains { $0.hasPrefix("Organization.\(name)(") }, "no verb calls Organization.\(name)")
        }
    }

    @Test("squads new starts an empty organisation that changes build on")
    func new() throws {
        let path = try folder() + "/org.json"
        try run(["new", "--name", "Toko Baru", "--goal", "Serve every regular", "--output", path])
        let started = try Input.organization(atPath: path)
        #expect(started.name == "Toko Baru" && started.goal == "Serve every regular" && started.departments.isEmpty)
        try run(["change", path, "add-department", "--id", "sales", "--name", "Sales", "--in-place"])
        #expect(try Input.organization(atPath: path).department("sales")?.name == "Sales")
        #expect(throws: ExitCode(2)) { try run(["new", "--name", " ", "--output", path]) }
    }

    @Test("the findings a change adds, changes and resolves, as text and as JSON")
    func findingsDifference() throws {
        let base = Commands.sampleOrganization
        let verb = try ChangeVerb.named("assign")
        var arguments = try VerbArguments(
            ["--specialist", "logistics-4", "--squad", "bali", "--role", "planner", "--share", "20"], verb: "assign",
            options: verb.options)
        arguments.day = "2026-12-01"
        let result = try Commands.change(base, verb: verb, arguments: arguments)
        let expected = result.organization.validate(on: "2026-12-01").difference(from: base.validate(on: "2026-12-01"))
        #expect(result.difference == expected)
        let text = try result.text()
        for finding in expected.added { #expect(text.contains("\(finding.code) [\(finding.subject)]")) }
        let changedKeys = Set(expected.added.map { "\($0.code) \($0.subject)" })
        for finding in expected.removed where !changedKeys.contains("\(finding.code) \(finding.subject)") {
            #expect(text.contains("- resolved \(finding.code) [\(finding.subject)]"))
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.text(format: "json").utf8)) as? [String: Any])
        #expect((json["added"] as? [Any])?.count == expected.added.count)
        #expect((json["resolved"] as? [Any])?.count == expected.removed.count)
        #expect((json["changes"] as? [Any])?.count == result.changes.count)
    }

    @Test("options that cannot be read: unknown verb, unknown option, missing value, nowhere to write")
    func unreadableOptions() throws {
        let path = try folder() + "/org.json"
        try Commands.sampleOrganization.jsonData().write(to: URL(fileURLWithPath: path))
        for arguments in [
            ["asign", "--in-place"], ["assign", "--specialst", "x", "--in-place"], ["assign", "--specialist"],
            ["set-goal", "--goal", "x"], ["set-goal", "--goal", "x", "--in-place", "--output", "-"],
            ["set-goal", "--goal", "x", "--in-place", "--day", "tomorrow"],
            ["set-goal", "--goal", "x", "--in-place", "--format", "yaml"],
        ] {
            #expect(throws: ExitCode(2), "\(arguments)") { try run(["change", path] + arguments) }
        }
        #expect(try Input.organization(atPath: path) == Commands.sampleOrganization)
        #expect(throws: InputError.self) { try ChangeVerb.named("asign") }
        let error = try #require(throws: InputError.self) {
            try VerbArguments(["--specialst", "x"], verb: "assign", options: ChangeVerb.named("assign").options)
        }
        #expect(error.message.contains("did you mean --specialist?"))
    }

    @Test("--strict exits 1 when the change adds an error, after writing it")
    func strict() throws {
        let folder = try folder()
        let path = folder + "/org.json"
        try Commands.sampleOrganization.jsonData().write(to: URL(fileURLWithPath: path))
        // Releasing members of an operating squad makes it too small: an error.
        for member in ["analytics-2", "customer-service-2", "customer-service-3"] {
            try run(["change", path, "release", "--specialist", member, "--squad", "east-java", "--in-place"])
        }
        #expect(throws: ExitCode(1)) {
            try run([
                "change", path, "release", "--specialist", "logistics-2", "--squad", "east-java", "--in-place",
                "--strict",
            ])
        }
        #expect(try Input.organization(atPath: path).squad("east-java")?.memberships["logistics-2"] == nil)
    }
}
