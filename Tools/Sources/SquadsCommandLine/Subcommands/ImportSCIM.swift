import ArgumentParser
import CustomerValueSquads
import Foundation

struct ImportSCIMCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-scim",
        abstract: "Read a SCIM 2.0 list response of users and groups into an organisation document.",
        discussion: "Departments come from each user's department (under their division), heads from manager "
            + "chains where unambiguous, squads from the groups you name. The organisation is printed as JSON; "
            + "everything that could not be placed is listed on standard error."
    )

    @Argument(help: "The SCIM ListResponse document (JSON).")
    var file: String

    @OptionGroup var reading: SCIMReadingOptions

    @Option(help: "Which user attribute names each specialist: resourceID, userName or externalID.")
    var ids: SpecialistIDSource = .resourceID

    func importDocument() throws(InputError) -> (document: String, report: [String]) {
        try Commands.importSCIM(
            from: try Input.data(atPath: file), name: file, options: try reading.options(ids: ids))
    }

    func execute() throws {
        let imported: (document: String, report: [String]) = try importDocument()
        try emit(imported.document)
        for line in imported.report { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }
}
