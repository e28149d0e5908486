/// No specialist gives all squads together more than 80 % of their time by default, since they keep
/// home-department duties. A specialist with no time in squads is never stretched thin, whatever the threshold
/// (a threshold below 0 reports everyone booked at all).
///
/// Code: ``Finding/Code/specialistStretchedThin`` — a warning per specialist.
public struct StretchedThinRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .specialist }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.specialistStretchedThin] }

    /// Checks every specialist's total booking.
    ///
    /// - Complexity: O(*b*), where *b* is the number of specialists booked in any squad.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumBookedPercent
        var findings: [Finding] = []
        // Only specialists who serve in a squad are booked at all, and the context keeps their totals. They are
        // taken in identifier order, so the report's sort finds the findings already in order.
        var stretched: [(specialist: Specialist.ID, booked: Int)] = []
        for (specialist, booked) in context.bookings where booked > maximum { stretched.append((specialist, booked)) }
        for (specialist, booked) in IdentifierOrder.sorted(stretched, by: \.specialist) {
            findings.append(Self.finding(specialist, booked: booked, maximum: maximum))
        }
        return findings
    }

    /// Checks one specialist's total booking.
    ///
    /// - Complexity: O(1).
    public func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumBookedPercent
        let booked = context.organization.bookedPercent(of: specialist.id)
        guard booked > 0, booked > maximum else { return [] }
        return [Self.finding(specialist.id, booked: booked, maximum: maximum)]
    }

    private static func finding(_ specialist: Specialist.ID, booked: Int, maximum: Int) -> Finding {
        Finding(
            .warning,
            .specialistStretchedThin,
            subject: .specialist(specialist),
            text: """
                squads take \(booked)% of \(specialist)'s time, leaving too little for their home \
                department; at most \(maximum)% expected
                """,
            figures: ["booked": Double(booked), "maximum": Double(maximum)]
        )
    }
}

extension Finding.Code {
    /// A specialist's squads together take more of their time than the policy allows.
    public static let specialistStretchedThin: Self = "specialist.stretchedThin"
    /// The former name of ``specialistStretchedThin``.
    @available(*, deprecated, renamed: "specialistStretchedThin")
    public static let stretchedThin: Self = .specialistStretchedThin
}
