import ArgumentParser
import CustomerValueSquads
import Foundation

struct PlanCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show a rollout plan's drain ledger: what each silo gives after the pilot and each batch.",
        discussion: "With --floor, says which silos fall below the share of their capacity that must stay home, "
            + "and how many full-time equivalents they must hire back."
    )

    @Argument(help: "The organisation (JSON), with the plan's squads formed.")
    var organization: String

    @Argument(help: "The rollout plan (JSON).")
    var plan: String

    @Option(parsing: .upToNextOption, help: "Floors as department=share, such as sales=0.5.")
    var floor: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func execute() throws {
        let base = try readOrganization(organization)
        let rolloutPlan = try Input.rolloutPlan(atPath: plan)
        try emit(try Commands.plan(rolloutPlan, in: base, floors: try Commands.floors(floor), format: format))
    }
}
