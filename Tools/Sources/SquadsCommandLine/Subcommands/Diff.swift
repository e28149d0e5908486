import ArgumentParser
import CustomerValueSquads
import Foundation

struct DiffCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the changes that turn one organisation into another, and their impact.",
        discussion: "Lists the changes in an order in which they apply, then what moves: each silo's FTE pulled "
            + "into squads and left at home, the squads that change, and the findings that appear (+) or go (-)."
    )

    @Argument(help: "The organisation before (JSON); - reads standard input.")
    var before: String

    @Argument(help: "The organisation after (JSON); - reads standard input.")
    var after: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if before == "-" && after == "-" {
            throw ValidationError(
                "standard input can be read only once: give at most one of the two organisations as -")
        }
    }

    func execute() throws {
        try emit(Commands.diff(try readOrganization(before), try readOrganization(after), format: format))
    }
}
