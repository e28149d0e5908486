import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads session")
struct SessionCommandTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func run(_ arguments: [String]) throws {
        var command = try Squads.parseAsRoot(arguments)
        try command.run()
    }

    /// Runs `script` on the sample in a fresh folder; returns the written organisation and log.
    func session(_ script: String, _ extra: [String] = []) throws -> (Organization, [OrganizationChange]) {
        let folder = try folder()
        let path = folder + "/org.json"
        let log = folder + "/log.json"
        let plan = folder + "/plan.txt"
        try Commands.sampleOrganization.jsonData().write(to: URL(fileURLWithPath: path))
        try Data(script.utf8).write(to: URL(fileURLWithPath: plan))
        try run(["session", path, "--script", plan, "--log", log, "--day", "2026-12-01"] + extra)
        return (try Input.organization(atPath: path), try Input.changeLog(atPath: log))
    }

    static let pilot = """
        # The pilot squad for key accounts
        form-squad --id or-team --name "OR team" --statement 'Shorten waiting for "key" accounts'
        assign --specialist sales-2 --squad or-team --role seller --share 20
        assign --specialist nobody --squad or-team --role seller --share 20   # refused: no such person
        assign --specialist logistics-4 --squad or-team --role planner --share 20 --reason "plans the routes"
        findings
        impact
        """

    @Test("a script's written organisation is what applying its written log to the start gives")
    func replay() throws {
        let (written, log) = try session(Self.pilot)
        #expect(written.squad("or-team")?.memberIDs.sorted() == ["logistics-4", "sales-2"])
        #expect(written.squad("or-team")?.mission.statement == #"Shorten waiting for "key" accounts"#)
        #expect(try Commands.sampleOrganization.applying(log) == written)
        #expect(log.allSatisfy { $0.day == "2026-12-01" })
        #expect(log.contains { $0.reason == "plans the routes" })
    }

    @Test("undo leaves the organisation and the log as if the line never ran")
    func undo() throws {
        let withUndo = try session(
            Self.pilot + "\nassign --specialist marketing-4 --squad or-team --role marketer --share 10\nundo\n")
        let without = try session(Self.pilot)
        #expect(withUndo.0 == without.0)
        #expect(withUndo.1 == without.1)
        var undoAll = PlanningSession(Commands.sampleOrganization, day: "2026-12-01")
        _ = undoAll.run("set-goal --goal later", line: 1)
        #expect(undoAll.run("undo", line: 2) != .refused("undo: nothing to undo"))
        #expect(undoAll.organization == Commands.sampleOrganization && undoAll.unsaved.isEmpty)
        #expect(undoAll.run("undo", line: 3) == .refused("undo: nothing to undo"))
    }

    @Test("--stop-on-error stops at the refused line with exit 2, writing nothing")
    func stopOnError() throws {
        let folder = try folder()
        let path = folder + "/org.json"
        let log = folder + "/log.json"
        let plan = folder + "/plan.txt"
        let document = try Commands.sampleOrganization.jsonData()
        try document.write(to: URL(fileURLWithPath: path))
        try Data(Self.pilot.utf8).write(to: URL(fileURLWithPath: plan))
        #expect(throws: ExitCode(2)) {
            try run(["session", path, "--script", plan, "--log", log, "--stop-on-error"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == document)
        #expect(!FileManager.default.fileExists(atPath: log))
    }

    @Test("each answer: the findings a line changes, a refusal with what is wrong, the report, quit")
    func answers() throws {
        var session = PlanningSession(Commands.sampleOrganization, day: "2026-12-01")
        guard case .output(let formed) = session.run(#"form-squad --id x --name X --statement "Serve X""#, line: 1)
        else {
            Issue.record("form-squad was refused")
            return
        }
        #expect(formed.hasPrefix("1: form-squad\n") && formed.contains("+ warning squad.size.tooSmall [squad x]"))
        #expect(
            session.run("dissolve --squad y", line: 2)
                == .refused(#"dissolve: --squad: no squad "y"; did you mean "x"?"#))
        guard case .refused(let message) = session.run("leave --specialist sales-2", line: 3) else {
            Issue.record("leave was not refused")
            return
        }
        #expect(message.contains("[stillReferenced]"))
        guard case .output(let report) = session.run("findings", line: 4) else { return }
        #expect(report.hasSuffix("\(session.organization.validate(on: "2026-12-01").warningCount) warnings\n"))
        #expect(session.run("  # only a comment", line: 5) == .output(""))
        #expect(session.run("save", line: 6) == .save && session.run("quit", line: 7) == .quit)
        #expect(session.run(#"set-goal --goal "open"#, line: 8) == .refused("a double quote is left open"))
    }

    @Test(
        "lines split as a shell splits them",
        arguments: [
            (#"a b  c"#, ["a", "b", "c"]), (#"--name "Key accounts""#, ["--name", "Key accounts"]),
            (#"'it''s' x"#, ["its", "x"]), (#"a\ b"#, ["a b"]), (#""say \"hi\"""#, [#"say "hi""#]),
            (#"a # b c"#, ["a"]), (#"a#b"#, ["a#b"]), (#"'#' x"#, ["#", "x"]), (#""""#, [""]),
        ] as [(String, [String])])
    func words(line: String, expected: [String]) throws {
        #expect(try PlanningSession.words(of: line) == expected)
    }
}
