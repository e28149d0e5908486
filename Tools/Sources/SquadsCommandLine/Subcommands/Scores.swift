import ArgumentParser
import CustomerValueSquads
import Foundation

struct ScoresCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Score each squad's outcomes and roll them up.",
        discussion: "Progress is (current - baseline) / (target - baseline), clamped to 0...1; below 0.4 is off "
            + "track, below 0.7 at risk, otherwise on track."
    )

    @OptionGroup var options: AnalysisOptions

    func execute() throws {
        try emit(Commands.scores(try options.organization(), format: options.format))
    }
}
