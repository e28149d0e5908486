import ArgumentParser
import CustomerValueSquads
import Foundation

struct SCIMPullCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Read the users and groups of a SCIM server into an organisation document.",
        discussion: "The same mapping and report as import-scim: departments from each user's department (under "
            + "their division), heads from manager chains, squads from the groups you name."
    )

    @OptionGroup var server: SCIMServerOptions

    @OptionGroup var reading: SCIMReadingOptions

    @Option(
        help: "Which user attribute names each specialist: resourceID, userName (as push writes it) or externalID.")
    var ids: SpecialistIDSource = .userName

    @Option(help: "Where to write the organisation; standard output by default.")
    var output = "-"

    func execute() throws {
        let options: SCIMImport.Options = try reading.options(ids: ids)
        let client = try server.client()
        let imported = try Commands.scimPull(from: client, options: options)
        for line in imported.report { FileHandle.standardError.write(Data("squads: \(line)\n".utf8)) }
        try writeOutput(Data(imported.document.utf8), to: output)
    }
}
