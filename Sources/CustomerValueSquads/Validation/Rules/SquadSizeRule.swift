/// A squad has 6 to 10 members by default: below that it is not yet a squad, above it the group starts to
/// formalise and needs coordination.
///
/// Codes: ``Finding/Code/squadSizeTooSmall``, ``Finding/Code/squadSizeTooLarge`` — errors, or warnings while forming.
/// Open seats are not members; for a squad too small, the finding says whether filling them would bring it in
/// range (figure `openSeats`).
public struct SquadSizeRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadSizeTooSmall, .squadSizeTooLarge] }

    /// Checks the squad's size against the thresholds.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let (minimum, maximum) = (context.thresholds.minimumSquadSize, context.thresholds.maximumSquadSize)
        guard squad.size < minimum || squad.size > maximum else { return [] }
        var figures = ["size": Double(squad.size), "minimum": Double(minimum), "maximum": Double(maximum)]
        if squad.size < minimum {
            // Open seats do not count as members, but say how far filling them goes.
            let seats = squad.seats.count
            var seatsNote = ""
            if seats > 0 {
                figures["openSeats"] = Double(seats)
                let filled = squad.size + seats
                seatsNote =
                    filled >= minimum
                    ? "; filling its \(seats) open seat\(seats == 1 ? "" : "s") would bring it to \(filled), in range"
                    : "; its \(seats) open seat\(seats == 1 ? "" : "s") would bring it to \(filled), still short"
            }
            return [
                context.finding(
                    .squadSizeTooSmall, about: squad,
                    text: """
                        \(squad.size) members; a squad needs \(minimum) to \(maximum) — assign \
                        \(minimum.subtractingReportingOverflow(squad.size).partialValue) more\(seatsNote)
                        """,
                    figures: figures
                )
            ]
        }
        if squad.size > maximum {
            return [
                context.finding(
                    .squadSizeTooLarge, about: squad,
                    text: """
                        \(squad.size) members; beyond \(maximum) a squad formalises and needs coordination — \
                        split it or release \(squad.size - max(maximum, 0))
                        """,
                    figures: figures
                )
            ]
        }
        return []
    }
}

extension Finding.Code {
    /// A squad has fewer members than ``ValidationPolicy/Thresholds-swift.struct/minimumSquadSize``.
    public static let squadSizeTooSmall: Self = "squad.size.tooSmall"
    /// The former name of ``squadSizeTooSmall``.
    @available(*, deprecated, renamed: "squadSizeTooSmall")
    public static let squadTooSmall: Self = .squadSizeTooSmall
    /// A squad has more members than ``ValidationPolicy/Thresholds-swift.struct/maximumSquadSize``.
    public static let squadSizeTooLarge: Self = "squad.size.tooLarge"
    /// The former name of ``squadSizeTooLarge``.
    @available(*, deprecated, renamed: "squadSizeTooLarge")
    public static let squadTooLarge: Self = .squadSizeTooLarge
}
