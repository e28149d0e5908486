import ArgumentParser
import CustomerValueSquads
import Foundation

struct DemoCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the library at work on a built-in sample organisation.",
        discussion: "Prints the sample's squads, its validation report, its skill gaps, its outcome scores and a "
            + "staffing proposal for one squad, and the commands to try next."
    )

    func execute() throws {
        try emit(Commands.demo())
    }
}
