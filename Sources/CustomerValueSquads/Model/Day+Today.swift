#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Day {
    /// Today, by the system clock, in Coordinated Universal Time.
    ///
    /// Queries that judge grants limited in time — ``Organization/validate(policy:on:)``,
    /// ``Organization/siloReach(on:)``, ``Organization/canReach(_:from:on:)`` and the others — judge on this
    /// day when they are given none. Pass a day for results that do not change with the clock.
    public static var today: Day {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        // The clock is within the calendar's years; should it not be, the epoch stands in.
        return (try? Day("1970-01-01").adding(days: days)) ?? "1970-01-01"
    }
}
