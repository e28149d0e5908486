import ArgumentParser
import CustomerValueSquads
import Foundation

struct ExportORGCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-org",
        abstract: "Write an organisation as JSON-LD in the W3C Organization Ontology.",
        discussion: "Departments become org:OrganizationalUnit, squads org:OrganizationalCollaboration, squad "
            + "memberships org:Membership; what ORG has no term for is carried as cvs: properties."
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    func execute() throws {
        try emit(try Commands.exportORG(readOrganization(file)))
    }
}
