import ArgumentParser
import CustomerValueSquads
import Foundation

struct SCIMPushCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Make a SCIM server hold the organisation's people and squads, changing only what differs.",
        discussion: "Users are matched by userName (the specialist's id), groups by externalId (squad:<id>, "
            + "department:<id>). A second push changes nothing. Only what squads provisions is deleted: users whose "
            + "externalId is their userName and groups whose externalId starts with squad: (or department:). Requests "
            + "refused with 429 or 503 are tried again with back-off; any other refusal is shown with the server's "
            + "SCIM error and exits 2."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @OptionGroup var server: SCIMServerOptions

    @Flag(help: "Also provision each department as a group of its staff; without it, department groups are left alone.")
    var departments = false

    @Flag(help: "Read what the server holds and print the requests a push would send, without sending them.")
    var dryRun = false

    func execute() throws {
        let model = try readOrganization(organization)
        let client = try server.client()
        let summary = try Commands.scimPush(model, to: client, includingDepartments: departments, dryRun: dryRun)
        if dryRun { for request in summary.requests { try emit("\(request)\n") } }
        try emit("pushed \(server.url): \(summary.line)\n")
    }
}
