import ArgumentParser
import CustomerValueSquads
import Foundation

extension NetworkFormat: ExpressibleByArgument {}

struct NetworkCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Show which silos squads connect, the islands, and how information can travel sideways.",
        discussion: "Departments are linked when a squad draws members from both; each link names its squads and "
            + "the people who carry it. Islands are departments no squad connects to another. With --from and "
            + "--to, the shortest chain of squads between two departments. DOT and Mermaid draw the network."
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "Output format: text, dot, mermaid or json.")
    var format: NetworkFormat = .text

    @Option(help: "With --to: the department a chain starts from.")
    var from: String?

    @Option(help: "With --from: the department a chain ends at.")
    var to: String?

    func execute() throws {
        let organization = try readOrganization(file)
        let start = try from.map { text throws(InputError) in try Input.departmentID(text, option: "--from") }
        let end = try to.map { text throws(InputError) in try Input.departmentID(text, option: "--to") }
        try emit(try Commands.network(organization, format: format, from: start, to: end))
    }
}
