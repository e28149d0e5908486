import ArgumentParser
import CustomerValueSquads
import Foundation

struct DiagramCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw the silos and the squads that cut across them.",
        discussion: "Read from left to right: departments are boxes joined by their hierarchy; each squad has an "
            + "edge from every department its members come from, labelled with how many; squads are coloured by "
            + "stage, with a legend. Render DOT with `dot -Tpng`, Mermaid with any Mermaid viewer. For a large "
            + "organisation, draw one squad or one department's neighbourhood."
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "Diagram language: mermaid or dot.")
    var format: DiagramFormat = .mermaid

    @Option(help: "Draw only this squad and the departments its members come from.")
    var squad: String?

    @Option(help: "Draw only this department, its parent and sub-departments, and the squads drawing from it.")
    var department: String?

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func validate() throws {
        if squad != nil && department != nil {
            throw ValidationError("give --squad or --department, not both")
        }
    }

    func execute() throws {
        let organization = try readOrganization(file, strict: strict)
        let output: String
        do {
            let squadID = try squad.map { text throws(InputError) in try Input.squadID(text) }
            let departmentID = try department.map { text throws(InputError) in try Input.departmentID(text) }
            output = try Commands.diagram(organization, format: format, squad: squadID, department: departmentID)
        } catch {
            throw InputError("\(file): \(error.message)")
        }
        try emit(output)
    }
}
