import ArgumentParser
import CustomerValueSquads
import Foundation

struct ValidateCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an organisation against a validation policy.",
        discussion: """
            Exit status: 0 when the report has no errors, 1 when it has errors, 2 when the input cannot be \
            read or breaks an invariant (the message names the file, the location and the problem).
            """
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "A policy settings file: {\"thresholds\": {...}, \"disabledCodes\": [...]}.")
    var policy: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func execute() throws {
        let organization = try readOrganization(file, strict: strict)
        let rules: ValidationPolicy =
            try policy.map { path throws(InputError) in try Input.policy(atPath: path) } ?? .default
        let result = try Commands.validate(organization, policy: rules, format: format)
        try emit(result.output.hasSuffix("\n") ? result.output : result.output + "\n")
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
