import ArgumentParser
import CustomerValueSquads
import Foundation

struct ReachCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Show which silo data flows to which squad, and what squads cannot reach."
    )

    @OptionGroup var options: AnalysisOptions

    func execute() throws {
        try emit(Commands.reach(try options.organization(), format: options.format))
    }
}
