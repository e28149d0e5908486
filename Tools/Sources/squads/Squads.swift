import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine

@main
struct Squads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "squads",
        abstract: "Design, check and picture customer value squads.",
        discussion: """
            Organisations are JSON documents in the CustomerValueSquads format (schema version 1). \
            Start with `squads demo`, or `squads sample > org.json` to get a document to edit.
            """,
        subcommands: [Demo.self, Sample.self, Validate.self, Diagram.self]
    )
}

extension OutputFormat: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}

/// Prints an input error and exits with status 2.
func failOnInput(_ error: InputError) -> ExitCode {
    FileHandle.standardError.write(Data("squads: \(error.message)\n".utf8))
    return ExitCode(2)
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the library at work on a built-in sample organisation.",
        discussion: "Prints the sample's squads, its validation report and its skill gaps."
    )

    func run() {
        print(Commands.demo(), terminator: "")
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the built-in sample organisation as a JSON document."
    )

    func run() {
        print(Commands.sample(), terminator: "")
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an organisation against a validation policy.",
        discussion: """
            Exit status: 0 when the report has no errors, 1 when it has errors, 2 when the input cannot be \
            read or breaks an invariant (the message names the file, the location and the problem).
            """
    )

    @Argument(help: "The organisation document (JSON).")
    var file: String

    @Option(help: "A policy settings file: {\"thresholds\": {...}, \"disabledCodes\": [...]}.")
    var policy: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let organization: Organization
        let rules: ValidationPolicy
        do {
            organization = try Input.organization(atPath: file)
            rules = try policy.map { path throws(InputError) in try Input.policy(atPath: path) } ?? .default
        } catch {
            throw failOnInput(error)
        }
        let result = Commands.validate(organization, policy: rules, format: format)
        print(result.output, terminator: result.output.hasSuffix("\n") ? "" : "\n")
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

struct Diagram: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the silos and the squads that cut across them.",
        discussion: "Departments are boxes joined by their hierarchy; each squad has an edge to every department "
            + "its members come from. Render DOT with `dot -Tpng`, Mermaid with any Mermaid viewer."
    )

    @Argument(help: "The organisation document (JSON).")
    var file: String

    @Option(help: "Diagram language: mermaid or dot.")
    var format: DiagramFormat = .mermaid

    func run() throws {
        do {
            print(Commands.diagram(try Input.organization(atPath: file), format: format), terminator: "")
        } catch {
            throw failOnInput(error)
        }
    }
}
