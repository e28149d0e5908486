import ArgumentParser
import CustomerValueSquads
import Foundation

struct StaffingCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Propose specialists for a squad's mission, with a reason for each pick.",
        discussion: "Covers the mission's skills rarest first, draws from at least three departments, and fills the "
            + "squad to six; the squad's current members are left out. Says what it could not cover."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "The squad whose mission to staff.")
    var squad: String

    @Option(parsing: .unconditional, help: "The share of each member's time, in percent.")
    var share: Int = 40

    func execute() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try Input.squadID(squad)
            output = try Commands.staffing(organization, squad: id, sharePercent: share, format: options.format)
        } catch {
            throw InputError("\(options.file): \(error.message)")
        }
        try emit(output)
    }
}
