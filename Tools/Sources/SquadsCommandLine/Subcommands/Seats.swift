import ArgumentParser
import CustomerValueSquads
import Foundation

struct SeatsCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "seats",
        abstract: "Show each squad's open seats, with the best candidates from inside.",
        discussion: """
            A candidate has every skill the seat needs at its level and the seat's share of time to spare; they \
            rank by their level in the seat's rarest skill, then time to spare, then whether they bring a new \
            department. A seat without candidates is a hire: see squads hiring-plan.
            """
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Only this squad.")
    var squad: String?

    @Option(help: "How many candidates to show per seat.")
    var candidates = 3

    func execute() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try squad.map { text throws(InputError) in try Input.squadID(text) }
            output = try Commands.seats(organization, squad: id, candidates: candidates, format: options.format)
        } catch {
            throw InputError("\(options.file): \(error.message)")
        }
        try emit(output)
    }
}

struct HiringPlanCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "hiring-plan",
        abstract: "Show whom to hire: open seats no one inside can fill, and backfills that keep the floors.",
        discussion: """
            Seats take their turn by day; each goes to its best candidate inside, whose time is then taken, or \
            becomes a hire at the seat's share. With --plan, each step of the rollout that drains a department \
            under its floor (its own, or --floor) adds a backfill dated by the batch's start. Costs are the seat's \
            own cost per FTE or its department's.
            """
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "The rollout plan (JSON) whose batches drain the departments.")
    var plan: String?

    @Option(parsing: .upToNextOption, help: "Floors as department=share, such as sales=0.5.")
    var floor: [String] = []

    @Option(help: "Output format: text, csv or json.")
    var format: HiringPlanFormat = .text

    func execute() throws {
        let organization = try readOrganization(file)
        try emit(try Commands.hiringPlan(Commands.hiringPlan(organization, plan: plan, floors: floor), format: format))
    }
}

extension HiringPlanFormat: ExpressibleByArgument {}
