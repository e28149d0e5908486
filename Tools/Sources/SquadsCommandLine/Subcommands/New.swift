import ArgumentParser
import CustomerValueSquads
import Foundation

struct NewCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start an empty organisation: a name and a goal, ready for squads change and squads session.",
        discussion: "Then add departments, hire specialists and form squads with squads change ORG VERB, or many "
            + "changes at once with squads session."
    )

    @Option(help: "The organisation's name.")
    var name: String

    @Option(help: "The shared goal every squad's mission should serve.")
    var goal: String = ""

    @Option(help: "Where to write the organisation; - writes standard output.")
    var output: String

    func execute() throws {
        let organization: Organization
        do {
            organization = try Organization(name: name, goal: goal)
        } catch {
            throw InputError("--name: \(error.message)")
        }
        try writeOutput(try organization.jsonData(), to: output)
    }
}
