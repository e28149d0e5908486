import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

/// The commands parsed and run in this process, as `squads` runs them.
@Suite("squads subcommands, in process")
struct SubcommandTests {
    /// Every command below `squads`, at any depth.
    static func allCommands(below root: any ParsableCommand.Type = Squads.self) -> [any ParsableCommand.Type] {
        root.configuration.subcommands.flatMap { [$0] + allCommands(below: $0) }
    }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-commands-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("every command is named in the help, and explains itself")
    func everyCommandIsNamed() {
        let commands = Self.allCommands()
        #expect(commands.count >= 18)
        for command in commands {
            let name = command.configuration.commandName ?? ""
            #expect(!name.isEmpty && !name.contains("command"), "\(command) has no name of its own")
            #expect(!command.configuration.abstract.isEmpty, "\(name) has no abstract")
        }
        #expect(Squads.configuration.version == LibraryVersion.current)
    }

    @Test("apply writes its output through a symbolic link, keeping the file's mode")
    func applyWritesThroughALink() throws {
        let folder = try temporaryFolder()
        let log = folder + "/log.json"
        try Data("[]".utf8).write(to: URL(fileURLWithPath: log))
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/org.json"))
        chmod(folder + "/org.json", 0o600)
        try FileManager.default.createSymbolicLink(atPath: folder + "/current.json", withDestinationPath: "org.json")
        var command = try Squads.parseAsRoot([
            "apply", example("toko-manis.json"), log, "--output", folder + "/current.json",
        ])
        try command.run()
        let written = try Organization(jsonData: Data(contentsOf: URL(fileURLWithPath: folder + "/org.json")))
        #expect(written == (try Input.organization(atPath: example("toko-manis.json"))))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/org.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a failure of any kind is exit status 2; validation errors are exit status 1")
    func failuresMapToExitStatuses() throws {
        var missing = try Squads.parseAsRoot(["validate", "/no/such/organisation.json"])
        #expect(throws: ExitCode(2)) { try missing.run() }
        var invalid = try Squads.parseAsRoot(["validate", example("sales-huddle.json"), "--format", "json"])
        #expect(throws: ExitCode(1)) { try invalid.run() }
        let folder = try temporaryFolder()
        var report = try Squads.parseAsRoot(["report", example("toko-manis.json"), "--output", folder])
        #expect(throws: ExitCode(2)) { try report.run() }
    }

    @Test("negative numbers reach the options that take them, and are judged there")
    func negativeNumbersAreValues() throws {
        let checkIn = try Squads.parseAsRoot([
            "check-in", example("toko-manis.json"), "--squad", "bali", "--outcome", "sales-growth", "--value", "-2.5",
            "--output", "-",
        ])
        #expect(String(describing: checkIn).contains("-2.5"))
        var staffing = try Squads.parseAsRoot([
            "staffing", example("toko-manis.json"), "--squad", "bali", "--share", "-5",
        ])
        #expect(throws: ExitCode(2)) { try staffing.run() }
    }

    @Test("usage errors are refused while parsing: standard input twice, an unknown option")
    func usageErrors() {
        #expect(throws: (any Error).self) { try Squads.parseAsRoot(["diff", "-", "-"]) }
        #expect(throws: (any Error).self) { try Squads.parseAsRoot(["validate", "--no-such-option", "x.json"]) }
        #expect(throws: (any Error).self) {
            try Squads.parseAsRoot(["diagram", "x.json", "--squad", "a", "--department", "b"])
        }
    }
}
