import ArgumentParser
import CustomerValueSquads
import Foundation

struct SCIMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scim",
        abstract: "Provision people and squads into an identity system over SCIM 2.0, or read them from one.",
        subcommands: [SCIMPushCommand.self, SCIMPullCommand.self]
    )
}
