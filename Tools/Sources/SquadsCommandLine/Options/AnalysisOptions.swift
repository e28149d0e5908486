import ArgumentParser
import CustomerValueSquads
import Foundation

/// The file and output options every analysis takes.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func organization() throws -> Organization {
        try readOrganization(file, strict: strict)
    }
}
