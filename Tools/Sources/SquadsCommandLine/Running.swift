import CustomerValueSquads
import Foundation

extension Commands {
    /// `squads check-in`: records a dated check-in of one squad's outcome and returns the organisation's
    /// document with it.
    ///
    /// - Parameters:
    ///   - organization: The organisation.
    ///   - squad: The squad.
    ///   - outcome: The outcome.
    ///   - value: The measured value.
    ///   - confidence: The confidence, 0 to 10, if given.
    ///   - day: The day of the check-in.
    ///   - note: A note; may be empty.
    /// - Throws: ``InputError`` naming the squad or outcome that does not exist (with the closest one) or the
    ///   check-in the organisation refuses, with its code.
    public static func checkIn(
        _ organization: Organization, squad: CustomerValueSquad.ID, outcome: Outcome.ID, value: Double,
        confidence: Int?, day: Day, note: String = ""
    ) throws(InputError) -> Data {
        guard let found = organization.squad(squad) else { throw noSquad(squad, in: organization) }
        guard found.accountability.outcome(outcome) != nil else {
            let outcomes = found.accountability.outcomes.map(\.id.rawValue)
            throw InputError(
                "squad \(squad) has no outcome \(outcome)"
                    + (outcomes.isEmpty
                        ? "; it answers for none yet" : Input.suggestion(for: outcome.rawValue, among: outcomes)))
        }
        do {
            let checkedIn = try organization.checkingIn(
                Outcome.CheckIn(day: day, value: value, confidence: confidence, note: note), for: outcome, of: squad)
            return try checkedIn.jsonData()
        } catch let error as OrganizationError {
            throw InputError("[\(error.code)] \(error.message)")
        } catch {
            throw InputError("\(error)")
        }
    }

    /// One outcome's line in `squads scores`: progress and band, then the latest confidence and the trend
    /// over the last three check-ins where there are any.
    static func scoreLine(_ outcome: SquadScore.OutcomeProgress) -> String {
        var line = "    \(outcome.outcome): \(percent(outcome.progress)) \(words(outcome.band))"
        if let confidence = outcome.confidence { line += " · confidence \(confidence)/10" }
        if let trend = outcome.trend {
            let change = trend.change > 0 ? "+\(plainNumber(trend.change))" : plainNumber(trend.change)
            line += " · \(trend.direction.rawValue) (\(change) since \(trend.from))"
        }
        return line
    }

    /// A number without a trailing `.0`.
    static func plainNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
