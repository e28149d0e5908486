import ArgumentParser
import CustomerValueSquads
import Foundation

extension TimelineFormat: ExpressibleByArgument {}

struct TimelineCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show how far along the transformation is, week by week, month by month or quarter by quarter.",
        discussion: "ORG is the organisation before the first change of LOG, a dated change log (each change with "
            + "its day, as OrganizationChange.jsonData writes what Organization.record(reason:on:) records). Each "
            + "period shows the staff in squads, the silo closest to its floor (or furthest below), the squads by "
            + "stage, the outcomes' weighted score from the check-ins known then, the findings by severity at the "
            + "period's end and, with --plan, the pilot and batches that formed in it. CSV has a column per silo."
    )

    @Argument(help: "The organisation before the first change (JSON); - reads standard input.")
    var organization: String

    @Argument(help: "The dated change log: a JSON list of changes, each with its day.")
    var changes: String

    /// The length of a period, as the option reads it.
    enum Every: String, CaseIterable, ExpressibleByArgument {
        case week, month, quarter

        var step: Timeline.Step {
            switch self {
            case .week: .week
            case .month: .month
            case .quarter: .quarter
            }
        }
    }

    @Option(help: "The length of a period: week, month or quarter.")
    var every: Every = .month

    @Option(help: "A rollout plan (JSON) whose pilot and batches are marked where they formed.")
    var plan: String?

    @Flag(
        inversion: .prefixedNo,
        help: "Count the findings at each period's end: a validation of the whole organisation per period.")
    var findings = true

    @Option(help: "Output format: text, csv or json.")
    var format: TimelineFormat = .text

    func execute() throws {
        let history = try Input.history(baseline: readOrganization(organization), changesAtPath: changes)
        let rolloutPlan = try plan.map { path throws(InputError) in try Input.rolloutPlan(atPath: path) }
        try emit(
            try Commands.timeline(
                history, every: every.step, plan: rolloutPlan, findings: findings, format: format))
    }
}
