/// A squad's open seats are filled by the day they are needed from: a seat still open after that day holds the
/// squad back, and the longer it stays open the more the squad works without a skill it asked for.
///
/// Code: ``Finding/Code/squadSeatOverdue`` (a warning), one finding per squad naming each seat open past its
/// ``Seat/neededFrom`` day on the judging day — overdue from the day after, not on the day itself. A forming squad
/// is not judged: its seats are the plan it is being formed by.
public struct SeatOverdueRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadSeatOverdue] }

    /// Checks the days of the squad's open seats.
    ///
    /// - Complexity: O(*n*) in the squad's seats.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.stage != .forming, squad.stage != .dissolved else { return [] }
        let day = context.judgingDay
        let overdue = squad.seats.filter { $0.neededFrom < day }
        guard let longest = overdue.map({ $0.neededFrom.days(to: day) }).max() else { return [] }
        let seats = overdue.map { seat in
            let days = seat.neededFrom.days(to: day)
            return "\(seat.id) (\(seat.role), needed from \(seat.neededFrom), \(days) day\(days == 1 ? "" : "s") ago)"
        }
        return [
            Finding(
                .warning,
                .squadSeatOverdue,
                subject: .squad(squad.id),
                text: overdue.count == 1
                    ? "seat \(seats[0]) is still open"
                    : "\(overdue.count) seats are still open past their day: \(seats.joined(separator: ", "))",
                figures: ["overdueSeats": Double(overdue.count), "longestDaysOverdue": Double(longest)]
            )
        ]
    }
}

extension Finding.Code {
    /// A squad has a seat still open after the day it was needed from.
    public static let squadSeatOverdue: Self = "squad.seat.overdue"
}
