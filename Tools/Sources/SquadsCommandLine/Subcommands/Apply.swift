import ArgumentParser
import CustomerValueSquads
import Foundation

struct ApplyCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a change log to an organisation and write the result.",
        discussion: "All or nothing: a change that does not fit is reported with its position, and no file is "
            + "written. The output file is written atomically: an interrupted run never leaves half a file."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Argument(help: "The change log: a JSON list of changes, as OrganizationChange.jsonData writes it.")
    var changes: String

    @Option(help: "Where to write the organisation with the changes applied; - writes standard output.")
    var output: String

    func execute() throws {
        let base = try readOrganization(organization)
        let data = try Commands.apply(Input.changeLog(atPath: changes), to: base, log: changes)
        try writeOutput(data, to: output)
    }
}
