import ArgumentParser
import CustomerValueSquads
import Foundation

struct CheckInCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in",
        abstract: "Record a dated check-in of a squad's outcome and write the organisation with it.",
        discussion: "The outcome's current value becomes the latest check-in's. One check-in per outcome and day; "
            + "the output file is written atomically."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "The squad.")
    var squad: String

    @Option(help: "The squad's outcome.")
    var outcome: String

    @Option(parsing: .unconditional, help: "The measured value (negative values too, such as --value -2.5).")
    var value: Double

    @Option(parsing: .unconditional, help: "How confident the squad is of reaching the target, 0 to 10.")
    var confidence: Int?

    @Option(help: "The day of the check-in, such as 2026-11-28; today (UTC) by default.")
    var day: String?

    @Option(help: "A note to keep with the check-in.")
    var note: String = ""

    @Option(help: "Where to write the organisation with the check-in; - writes standard output.")
    var output: String

    func execute() throws {
        let base = try readOrganization(organization)
        let data: Data
        do {
            let squadID = try Input.squadID(squad)
            let outcomeID: Outcome.ID
            do {
                outcomeID = try Outcome.ID(validating: outcome)
            } catch {
                throw InputError("--outcome: \(error.message)")
            }
            let checkInDay: Day
            do {
                checkInDay = try day.map { text throws(OrganizationError) in try Day(iso: text) } ?? .today
            } catch {
                throw InputError("--day: \(error.message)")
            }
            do {
                data = try Commands.checkIn(
                    base, squad: squadID, outcome: outcomeID, value: value, confidence: confidence, day: checkInDay,
                    note: note)
            } catch {
                throw InputError("\(organization): \(error.message)")
            }
        }
        try writeOutput(data, to: output)
    }
}
