import ArgumentParser
import CustomerValueSquads
import Foundation

struct ReportCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page about an organisation.",
        discussion: "The silo × squad matrix (members each squad draws from each department, shaded), the "
            + "findings, the outcome scores and the reach; with --compare, the impact against another organisation "
            + "side by side. No scripts and nothing from the network. The file is written atomically."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "An organisation to compare against, such as today's when the first is a scenario.")
    var compare: String?

    @Option(help: "Where to write the page; - writes standard output.")
    var output: String

    func execute() throws {
        let current = try readOrganization(organization)
        let baseline = try compare.map { try readOrganization($0) }
        let page = Commands.report(current, comparedTo: baseline)
        try writeOutput(Data(page.utf8), to: output)
    }
}
