import ArgumentParser
import CustomerValueSquads
import Foundation

/// The `squads` command: its subcommands, its help and its exit statuses.
///
/// `squads/main.swift` calls ``main()``; tests parse and run commands in the process with
/// `Squads.parseAsRoot(_:)`.
public struct Squads: ParsableCommand {
    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "squads",
        abstract: "Design, check and picture customer value squads.",
        discussion: """
            Organisations are JSON documents in the CustomerValueSquads format (schema version \
            \(Organization.schemaVersion)); give - to read one from standard input. Start with `squads demo`, or \
            `squads sample > org.json` to get a document to edit.

            Exit status: 0 success (validate: no errors in the report); 1 the validation report has errors; \
            2 the input is wrong — a file that cannot be read, a document that is not valid, an unknown \
            option or identifier — or the output cannot be written.
            """,
        version: LibraryVersion.current,
        subcommands: [
            DemoCommand.self, SampleCommand.self, ValidateCommand.self, DiagramCommand.self, GapsCommand.self,
            StaffingCommand.self, ScoresCommand.self, CheckInCommand.self,
            ReachCommand.self, NetworkCommand.self, SpansCommand.self, DistanceCommand.self, SeatsCommand.self,
            HiringPlanCommand.self, TimelineCommand.self,
            ImportSCIMCommand.self, SCIMCommand.self,
            ImportCSVCommand.self, ExportCSVCommand.self,
            ExportBackstageCommand.self, ImportBackstageCommand.self,
            ExportORGCommand.self,
            DiffCommand.self,
            NewCommand.self, ApplyCommand.self, ChangeCommand.self, SessionCommand.self, PlanCommand.self,
            ReportCommand.self,
        ]
    )

    /// Creates the command, as parsing does.
    public init() {}

    /// Runs the command, with usage errors exiting 2 like every other problem with the input.
    public static func main() {
        do {
            try checkHelpRequest(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("squads: \(error.message)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Squads {
    /// Refuses `squads help NAME …` when a name is not a command at its level, suggesting the closest one, so a
    /// mistyped name is not answered with the top-level help and success.
    ///
    /// - Parameter arguments: The command line without the program's name.
    /// - Throws: ``InputError`` naming the unknown command and the closest known one.
    public static func checkHelpRequest(_ arguments: [String]) throws(InputError) {
        guard arguments.first == "help" else { return }
        var commands = Squads.configuration.subcommands
        var path: [String] = []
        for name in arguments.dropFirst() {
            if name.hasPrefix("-") { continue }
            let names = commands.map { $0.configuration.commandName ?? "" }
            guard let index = names.firstIndex(of: name) else {
                let owner = path.isEmpty ? "" : " of squads \(path.joined(separator: " "))"
                throw InputError(
                    "help: \(String(reflecting: name)) is not a command\(owner)"
                        + Input.suggestion(for: name, among: names))
            }
            path.append(name)
            commands = commands[index].configuration.subcommands
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}
