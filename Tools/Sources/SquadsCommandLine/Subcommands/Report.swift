import ArgumentParser
import CustomerValueSquads
import Foundation

struct ReportCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page about an organisation.",
        discussion: "Tiles and charts at a glance; the silo × squad heat map with totals (aggregated for a large "
            + "organisation); each silo's drain against its floor (after each batch of a rollout plan with --plan); "
            + "with --history, the transformation over time; outcomes with their check-ins; findings by code, "
            + "filterable; with --compare, what changed. Inline CSS "
            + "and SVG, nothing from the network, a little script to filter. --format csv writes the full heat "
            + "map instead, for a spreadsheet."
    )

    /// What to write.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, csv
    }

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "An organisation to compare against, such as today's when the first is a scenario.")
    var compare: String?

    @Option(help: "A rollout plan (JSON): the share each silo keeps after the pilot and after each batch.")
    var plan: String?

    @Option(
        help: "A dated change log (JSON) that led to the organisation: charts of the transformation month by month.")
    var history: String?

    @Option(help: "With --history: the length of a period (week, month or quarter).")
    var every: TimelineCommand.Every = .month

    @Option(help: "html (the page) or csv (the full silo × squad matrix).")
    var format: Format = .html

    @Option(help: "The day to judge on, such as 2026-11-28; today (UTC) by default.")
    var day: String?

    @Option(help: "Where to write the page; - writes standard output.")
    var output: String

    func execute() throws {
        let current = try readOrganization(organization)
        if format == .csv { return try writeOutput(Data(ReportMatrix.csv(current).utf8), to: output) }
        let baseline = try compare.map { path throws(InputError) in try readOrganization(path) }
        let rolloutPlan = try plan.map { path throws(InputError) in try Input.rolloutPlan(atPath: path) }
        let judged: Day?
        do {
            judged = try day.map { text throws(OrganizationError) in try Day(iso: text) }
        } catch {
            throw InputError("--day: \(error.message)")
        }
        let changes = try history.map { path throws(InputError) in
            try Input.history(leadingTo: current, changesAtPath: path)
        }
        let page = try Commands.report(
            current, comparedTo: baseline, plan: rolloutPlan, on: judged, history: changes, every: every.step,
            baselineLabel: compare.map { $0 == "-" ? "standard input" : ($0 as NSString).lastPathComponent })
        try writeOutput(Data(page.utf8), to: output)
    }
}
