import ArgumentParser
import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

/// The tool's side of the defects found by bringing the 0.3 surfaces what users bring; each test failed before
/// its fix.
@Suite("Regressions of the 0.3 probe: the tool")
struct InputRegressionCommandTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-inputs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The year of the testing fixture, then an outcome that weighs 1e16 and is met beside one that weighs 1 and is
    /// at 0, then the heavy one's squad dissolved.
    static func heavyOutcomeHistory() throws -> ChangeHistory {
        typealias Year = Fixtures.TransformationYear
        let (baseline, changes) = Fixtures.transformationYear
        var organization = try baseline.applying(changes)
        var log = changes
        log += try organization.record(reason: "weights far apart", on: "2026-12-01") { organization in
            var pilot = try #require(organization.squad(Year.pilot)).accountability
            pilot.outcomes[0].weight = 1e16
            try organization.setAccountability(pilot, of: Year.pilot)
            var batch = try #require(organization.squad(Year.firstBatch[0])).accountability
            batch.outcomes = [
                Outcome(
                    id: "visits", metric: "visits", baseline: 0, target: 20,
                    checkIns: [Outcome.CheckIn(day: "2026-12-01", value: 0)])
            ]
            try organization.setAccountability(batch, of: Year.firstBatch[0])
        }
        log += try organization.record(reason: "the pilot ends", on: "2027-01-04") { organization in
            try organization.dissolve(Year.pilot, on: "2027-01-04")
        }
        return try ChangeHistory(baseline: baseline, changes: log)
    }

    @Test("item 1: a heavy outcome leaving: the timeline prints 0 %, JSON encodes, the report is drawn")
    func heavyOutcomeLeaves() throws {
        let history = try Self.heavyOutcomeHistory()
        let text = try Commands.timeline(history, every: .month)
        #expect(!text.contains("nan"))
        let json = try Commands.timeline(history, every: .month, format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let periods = try #require(object?["periods"] as? [[String: Any]])
        #expect((periods.last?["weightedScore"] as? NSNumber)?.doubleValue == 0)
        let last = try #require(history.lastDay)
        let html = try Commands.report(history.organization(on: last), history: history)
        #expect(html.contains("</html>") && !html.contains("nan%"))
    }

    @Test("item 3: export-csv guards formulas unless --raw, and import-csv gives the text back")
    func formulaGuard() throws {
        let folder = try temporaryFolder()
        var organization = try Organization(name: "Toko", goal: "")
        try organization.addDepartment(Department(id: "ops", name: "=cmd|' /C calc'!A0"))
        try organization.hire(
            Specialist(
                id: "s1", name: "@SUM(1+1)", title: "=HYPERLINK(\"https://evil.example\")", department: "ops",
                skills: ["=A1": .expert]))
        let file = folder + "/org.json"
        try organization.jsonData().write(to: URL(fileURLWithPath: file))
        var export = try Squads.parseAsRoot(["export-csv", file, "--output", folder + "/people.csv"])
        try export.run()
        let guarded = try String(contentsOfFile: folder + "/people.csv", encoding: .utf8)
        #expect(guarded.contains("'@SUM(1+1)") && guarded.contains("'=A1:expert") && guarded.contains("\"'=HYPERLINK"))
        var raw = try Squads.parseAsRoot(["export-csv", file, "--raw", "--output", folder + "/raw.csv"])
        try raw.run()
        let plain = try String(contentsOfFile: folder + "/raw.csv", encoding: .utf8)
        #expect(plain.contains(",@SUM(1+1),") && !plain.contains("'@SUM"))
        var read = try Squads.parseAsRoot([
            "import-csv", folder + "/people.csv", "--id", "id", "--name", "name", "--department", "department",
            "--department-name", "department_name", "--title", "title", "--skills", "skills",
            "--organization-name", "Toko", "--output", folder + "/back.json",
        ])
        try read.run()
        let back = try Input.organization(atPath: folder + "/back.json")
        #expect(back.specialists == organization.specialists)
        #expect(back.departments.map(\.name) == organization.departments.map(\.name))
    }

    @Test(
        "item 14: a delimiter no reader can split by is refused by both CSV commands",
        arguments: ["\"", "é", "a", "7", "'", "ab"])
    func delimiterRule(delimiter: String) throws {
        let folder = try temporaryFolder()
        #expect {
            var command = try Squads.parseAsRoot([
                "export-csv", example("toko-manis.json"), "--delimiter", delimiter, "--output", folder + "/t.csv",
            ])
            try command.run()
        } throws: { error in
            (error as? ExitCode)?.rawValue == 2
        }
        #expect(throws: InputError.self) { try Commands.csvDelimiter(delimiter) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/t.csv"))
        for accepted in [",", ";", "tab", "|"] {
            var command = try Squads.parseAsRoot([
                "export-csv", example("toko-manis.json"), "--delimiter", accepted, "--output", folder + "/t.csv",
            ])
            try command.run()
        }
    }

    @Test(
        "item 14: a namespace Backstage refuses, and a squad type equal to the department type, are refused",
        arguments: [
            ["--namespace", "a/b"], ["--namespace", ""], ["--namespace", "Payments"], ["--namespace", "-x"],
            ["--squad-type", "department"],
        ])
    func backstageExportOptions(options: [String]) throws {
        let folder = try temporaryFolder()
        #expect(throws: (any Error).self) {
            var command = try Squads.parseAsRoot(
                ["export-backstage", example("toko-manis.json"), "--output", folder + "/c.yaml"] + options)
            try command.run()
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/c.yaml"))
        var command = try Squads.parseAsRoot(
            [
                "export-backstage", example("toko-manis.json"), "--namespace", "pay-ments2", "--output",
                folder + "/c.yaml",
            ])
        try command.run()
    }

    /// A 700-byte catalog whose alias, nested 9 levels × 10, is used as a mapping key in the form `form`.
    static func aliasBomb(key form: (String) -> String) -> String {
        var lines = [
            "apiVersion: backstage.io/v1alpha1", "kind: Group", "metadata:", "  name: team", "  annotations:",
            "    seed: &a0 [x, x, x, x, x, x, x, x, x, x]",
        ]
        for level in 1...9 {
            lines.append(
                "    l\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                    + "]")
        }
        lines += form("*a9").split(separator: "\n").map { "    " + $0 }
        lines += ["spec:", "  type: team", "  children: []"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "item 4: an alias bomb used as a key is refused before it is expanded, naming the line",
        arguments: ["? X\n: v", "X : v", "{X : v}: w", "[X]: v"])
    func yamlBomb(form: String) throws {
        let folder = try temporaryFolder()
        let path = folder + "/bomb.yaml"
        let text = Self.aliasBomb { form.replacingOccurrences(of: "X", with: $0) }
        #expect(text.utf8.count < 900)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try Input.backstageEntities(atPath: path)
        } throws: { error in
            let message = (error as? InputError)?.message ?? ""
            return message.hasPrefix("\(path):16:") && message.contains("key")
        }
    }

    @Test("item 4: the same aliases as values are read at once; an expansion past the budget is refused")
    func aliasesAsValues() throws {
        let folder = try temporaryFolder()
        let path = folder + "/values.yaml"
        try Data(Self.aliasBomb { "big: \($0)" }.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try Input.backstageEntities(atPath: path)
        } throws: { error in
            (error as? InputError)?.message.contains("expand past") == true
        }
        // Ordinary anchors and aliases read as they mean.
        let small = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team
              labels: &labels {tier: gold}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: other, labels: *labels}
            spec: {type: team, children: []}

            """
        try Data(small.utf8).write(to: URL(fileURLWithPath: path))
        let entities = try Input.backstageEntities(atPath: path)
        #expect(entities.map { $0.metadata.labels?["tier"] } == ["gold", "gold"])
    }

    @Test("item 4: keys that only look unusual are read: quoted keys, questions in values, block text")
    func noFalseAlarms() throws {
        let folder = try temporaryFolder()
        let path = folder + "/fine.yaml"
        let text = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team
              description: |
                ? not a key: this is text
                *neither : is this
              annotations:
                "quoted: key": value
                why: is this? fine
                star: a*b
            spec: {type: team, children: []}

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let entity = try #require(try Input.backstageEntities(atPath: path).first)
        #expect(entity.metadata.annotations?["quoted: key"] == "value")
        #expect(entity.metadata.description?.contains("*neither : is this") == true)
    }

    @Test("a document that is not YAML after good ones stops the import, naming the file, instead of ending it early")
    func malformedLaterDocument() throws {
        let folder = try temporaryFolder()
        let path = folder + "/two.yaml"
        let text = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: other
              description: a*b : c
            spec: {type: team, children: []}

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try Input.backstageEntities(atPath: path)
        } throws: { error in
            (error as? InputError)?.message.hasPrefix("\(path): not YAML") == true
        }
    }

    @Test("item 9: a catalog that is not UTF-8 is refused, naming the line")
    func notUTF8() throws {
        let folder = try temporaryFolder()
        let path = folder + "/latin1.yaml"
        try Data("apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: b".utf8 + [0xE9] + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: path))
        #expect {
            try Input.backstageEntities(atPath: path)
        } throws: { error in
            (error as? InputError)?.message.hasPrefix("\(path):4: the file is not UTF-8") == true
        }
    }

    @Test("item 12: block YAML written by the library reads back to the same entities, awkward texts included")
    func blockYAMLRoundTrip() throws {
        let folder = try temporaryFolder()
        var organization = try Organization(name: "Toko", goal: "")
        let names = [
            "yes", "No", "null", "~", "123", "-1", "1e3", "0x1F", "a: b", "# note", "x #y", "'quoted'", "\"q\"\u{301}",
            "line\r\nbreak", "tab\there", " padded ", "Ümit", "日本", "x\u{2028}y", "@at", "*star", "&amp", "!tag", "[x]",
            "{y}", "a,b", "%p", "`t`", "|", ">", "-", "?", ":", "",
        ]
        try organization.addDepartment(Department(id: "ops", name: "Operations"))
        for (index, name) in names.enumerated() {
            try organization.hire(
                Specialist(
                    id: .init(validating: "s\(index)"), name: name.isEmpty ? "x" : name, title: name, department: "ops")
            )
        }
        let export = organization.backstageCatalog()
        let path = folder + "/c.yaml"
        try Data(export.yaml().utf8).write(to: URL(fileURLWithPath: path))
        let read = try Input.backstageEntities(atPath: path)
        #expect(read == export.entities)
    }

    @Test("item 15: a log whose days span millennia is refused at once, naming the change that stretches it")
    func spanOfDays() throws {
        let (baseline, changes) = Fixtures.transformationYear
        var stretched = changes
        stretched[stretched.count - 1].day = "9999-12-31"
        let history = try ChangeHistory(baseline: baseline, changes: stretched)
        for step in Timeline.Step.allCases {
            #expect {
                try Commands.timeline(history, every: step)
            } throws: { error in
                let message = (error as? InputError)?.message ?? ""
                return message.contains("9999-12-31") && message.contains("change \(stretched.count) (9999-12-31")
            }
        }
        #expect(throws: InputError.self) {
            try Commands.report(history.organization(on: "9999-12-31"), history: history, every: .week)
        }
        var early = changes
        early[0].day = "0001-01-01"
        #expect {
            try Commands.timeline(try ChangeHistory(baseline: baseline, changes: early), every: .month)
        } throws: { error in
            (error as? InputError)?.message.contains("change 1 (0001-01-01") == true
        }
        // A log of a year is cut into its weeks as before.
        #expect(try Commands.timeline(try ChangeHistory(baseline: baseline, changes: changes), every: .week).count > 0)
    }

    @Test("item 16: --output with a name of 255 bytes works, and writing through a hard link updates both names")
    func longNamesAndHardLinks() throws {
        let folder = try temporaryFolder()
        let long = folder + "/" + String(repeating: "n", count: 250) + ".json"
        try Output.write(Data("first".utf8), to: long)
        try Output.write(Data("second".utf8), to: long)
        #expect(try String(contentsOfFile: long, encoding: .utf8) == "second")
        let original = folder + "/org.json"
        let other = folder + "/copy.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: original))
        #expect(link(original, other) == 0)
        try Output.write(Data("new".utf8), to: original)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: original, encoding: .utf8) == "new")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("item 19: markers far apart share a row; markers close together take rows of their own")
    func markerLabelsDoNotOverlap() throws {
        let (baseline, changes) = Fixtures.transformationYear
        let history = try ChangeHistory(baseline: baseline, changes: changes)
        let html = try Commands.report(
            history.organization(on: "2026-11-30"), plan: Fixtures.TransformationYear.plan, history: history,
            every: .month)
        // first batch (June) and second batch (October) are close on the monthly axis: two rows.
        let labels = html.components(separatedBy: "<text ").filter { $0.contains("marker-label") }
        func y(_ text: String) -> String? {
            text.range(of: "y=\"").map { String(text[$0.upperBound...].prefix { $0 != "\"" }) }
        }
        let rowsOfFirst = Set(labels.filter { $0.contains(">first batch<") }.compactMap(y))
        let rowsOfSecond = Set(labels.filter { $0.contains(">second batch<") }.compactMap(y))
        #expect(!rowsOfFirst.isEmpty && !rowsOfSecond.isEmpty)
        #expect(rowsOfFirst.isDisjoint(with: rowsOfSecond))
        // Each series has its own dash in the legend, so lines that coincide are told apart.
        #expect(html.contains(".lines .line-1{stroke-dasharray"))
    }

    @Test("item 19: no empty tiles, a sentence instead of an empty outcomes table, one check-in drawn as a point")
    func emptyParts() throws {
        var organization = try Organization(name: "Toko", goal: "")
        try organization.addDepartment(Department(id: "ops", name: "Operations"))
        try organization.hire(Specialist(id: "a", name: "Ani", department: "ops"))
        let bare = try Commands.report(organization)
        #expect(!bare.contains("data assets reached") && !bare.contains("weighted score</div>"))
        #expect(!bare.contains("outcome-table") && bare.contains("No squad has outcomes yet"))
        try organization.formSquad(
            CustomerValueSquad(
                id: "q", name: "Q", mission: Mission(statement: "Serve"),
                accountability: Accountability(outcomes: [
                    Outcome(
                        id: "o", metric: "m", baseline: 0, target: 10,
                        checkIns: [Outcome.CheckIn(day: "2026-01-05", value: 5)])
                ])))
        let one = try Commands.report(organization)
        #expect(one.contains("<circle cx=\"45.0\" cy=\"11.0\" r=\"2.5\"/>") && !one.contains("one check-in"))
    }

    @Test("item 19: a baseline of the same name is named by its file; figures are grouped the same everywhere")
    func comparedWithTheFile() throws {
        let folder = try temporaryFolder()
        var command = try Squads.parseAsRoot([
            "report", example("toko-manis.json"), "--compare", example("toko-manis.json"), "--output",
            folder + "/r.html",
        ])
        try command.run()
        let html = try String(contentsOfFile: folder + "/r.html", encoding: .utf8)
        #expect(html.contains("Compared with <bdi>toko-manis.json</bdi>."))
        let organization = OrganizationGenerator(seed: 7, shape: .init(specialists: 55_000)).generate()
        let large = try Commands.report(organization)
        let errors = organization.validate().errorCount
        #expect(errors >= 10_000)
        let grouped = String(errors / 1000) + "\u{202F}" + String(format: "%03d", errors % 1000)
        #expect(large.contains(">\(grouped)</div>") && large.contains("\(grouped) errors"))
        #expect(!large.contains(".50 FTE"))
    }

    @Test("item 19: squads that score the same are listed in the natural order of their names")
    func naturalOrderOfTies() throws {
        var organization = try Organization(name: "Toko", goal: "")
        try organization.addDepartment(Department(id: "ops", name: "Operations"))
        for number in [12_834, 1_281, 12_726, 2] {
            try organization.formSquad(
                CustomerValueSquad(
                    id: .init(validating: "q\(number)"), name: "Squad \(number)", mission: Mission(statement: "Serve"),
                    accountability: Accountability(outcomes: [
                        Outcome(id: "o", metric: "m", baseline: 0, target: 10, current: 5)
                    ])))
        }
        let html = try Commands.report(organization)
        let order = [2, 1_281, 12_726, 12_834].compactMap { html.range(of: "Squad \($0)</bdi>")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
    }

    @Test("item 17: squads help with a mistyped command is an error with a suggestion, at any depth")
    func helpForAMistypedCommand() throws {
        #expect {
            try Squads.checkHelpRequest(["help", "imprt-csv"])
        } throws: { error in
            (error as? InputError)?.message == "help: \"imprt-csv\" is not a command; did you mean \"import-csv\"?"
        }
        #expect {
            try Squads.checkHelpRequest(["help", "scim", "pul"])
        } throws: { error in
            (error as? InputError)?.message.contains("of squads scim; did you mean \"pull\"?") == true
        }
        try Squads.checkHelpRequest(["help", "scim", "pull"])
        try Squads.checkHelpRequest(["help"])
        try Squads.checkHelpRequest(["validate", "help"])
    }

    @Test("item 17: squads sample makes a healthy organisation: no errors, a few warnings")
    func healthySample() throws {
        let document = try Commands.sample(specialists: 5_000)
        let organization = try Organization(jsonData: Data(document.utf8))
        let report = organization.validate()
        #expect(report.errorCount == 0, "\(report.findings.filter { $0.severity == .error }.prefix(5))")
        #expect(report.warningCount > 0 && report.warningCount < organization.squadCount / 10)
    }

    @Test("item 18: negative numbers need no =, --name without a column and a blank alias are refused")
    func optionValues() throws {
        // A negative value reaches the command, which names what is wrong with it.
        _ = try Squads.parseAsRoot(["sample", "--specialists", "-5", "--seed", "7"])
        #expect {
            try Commands.sample(specialists: -5)
        } throws: { error in
            (error as? InputError)?.message.contains("not -5") == true
        }
        for arguments in [["--name", ","], ["--name", "name", "--department-alias", "Sales"]] {
            #expect(throws: (any Error).self) {
                var command = try Squads.parseAsRoot(
                    ["import-csv", example("toko-manis.json"), "--id", "id", "--department", "d"] + arguments)
                try command.run()
            }
        }
    }

    @Test("item 2: the report's HTML and the timeline's CSV escape a quote hidden in a character with a combining mark")
    func htmlAndTimelineCSVEscapeByScalar() throws {
        let name = "Sales\"\u{301} onmouseover=\"\u{301}alert(1)"
        var organization = try Organization(name: "Toko \(name)", goal: "")
        try organization.addDepartment(Department(id: "sales", name: name))
        try organization.hire(Specialist(id: "a", name: name, department: "sales"))
        let html = try Commands.report(organization)
        #expect(
            !html.unicodeScalars.split(separator: "<").contains { tag in
                String(String.UnicodeScalarView(tag)).contains("\"\u{301}")
            })
        #expect(html.contains("&quot;\u{301}"))
        let (baseline, changes) = Fixtures.transformationYear
        // The batch's name is a marker, written into the CSV as text.
        let plan = try RolloutPlan(
            startingArea: "regulars", pilot: Fixtures.TransformationYear.pilot,
            batches: [.init(name: name, replicas: Fixtures.TransformationYear.firstBatch)])
        let csv = try Commands.timeline(
            try ChangeHistory(baseline: baseline, changes: changes), every: .quarter, plan: plan, format: .csv)
        #expect(csv.contains("\u{301}"))
        for line in csv.split(separator: "\n") {
            // Every quote is doubled inside a quoted field: an odd count would end a field early.
            #expect(line.unicodeScalars.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
        }
        #expect(Commands.csvField("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
        #expect(Commands.csvField("=SUM(1)") == "'=SUM(1)" && Commands.csvField("-3") == "-3")
    }
}
