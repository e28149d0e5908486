extension Organization {
    /// Judges the organisation and every squad that is not dissolved against a policy.
    ///
    /// Invariants are never reported here — an `Organization` cannot break them. The report lists every
    /// finding of every rule, not just the first, in a stable order.
    ///
    /// - Parameters:
    ///   - policy: The rules and thresholds; ``ValidationPolicy/default`` by default.
    ///   - day: The day to judge on, for grants limited in time; ``Day/today`` by default. Pass a day for a
    ///     report that does not change with the clock.
    /// - Returns: The report.
    /// - Complexity: O(*r* · (*s* + *m*) + *f* log *f*), where *r* is the number of rules, *s* the number of
    ///   specialists and departments, *m* the total size of the squads, and *f* the number of findings.
    public func validate(policy: ValidationPolicy = .default, on day: Day? = nil) -> ValidationReport {
        let context = ValidationContext(organization: self, thresholds: policy.thresholds, day: day)
        var general: [Finding] = []
        for rule in policy.rules {
            general += rule.check(self, in: context)
        }
        // Squad findings are gathered squad by squad in identifier order and sorted within each squad, so the
        // report's order needs no sort over everything.
        var bySquad: [Finding] = []
        for id in squadsByID.keys.sorted() {
            guard let squad = squadsByID[id], squad.stage != .dissolved else { continue }
            let focused = context.focused(on: squad)
            var findings: [Finding] = []
            for rule in policy.rules {
                findings += rule.check(squad, in: focused)
            }
            if findings.contains(where: { $0.subject.squad != id }) {
                general += findings  // a rule reported on something else: let the report place it
            } else {
                bySquad += ValidationReport.ordered(findings)
            }
        }
        if !policy.disabledCodes.isEmpty {
            general.removeAll { policy.disabledCodes.contains($0.code) }
            bySquad.removeAll { policy.disabledCodes.contains($0.code) }
        }
        if general.contains(where: { $0.subject.squad != nil }) {
            return ValidationReport(findings: general + bySquad)
        }
        return ValidationReport(ordered: ValidationReport.ordered(general) + bySquad)
    }

    /// Judges one squad against a policy's squad rules.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - policy: The rules and thresholds; ``ValidationPolicy/default`` by default.
    ///   - day: The day to judge on; see ``validate(policy:on:)``.
    /// - Returns: The report, or `nil` if there is no such squad. A dissolved squad gets an empty report.
    /// - Complexity: O(*r* · *m* + *f* log *f*), where *r* is the number of rules, *m* the squad's size and *f*
    ///   the number of findings.
    public func validate(squad: CustomerValueSquad.ID, policy: ValidationPolicy = .default, on day: Day? = nil)
        -> ValidationReport?
    {
        guard let squad = squadsByID[squad] else { return nil }
        guard squad.stage != .dissolved else { return ValidationReport(findings: []) }
        let context = ValidationContext(organization: self, thresholds: policy.thresholds, day: day).focused(on: squad)
        var findings = policy.rules.flatMap { $0.check(squad, in: context) }
        if !policy.disabledCodes.isEmpty {
            findings.removeAll { policy.disabledCodes.contains($0.code) }
        }
        return ValidationReport(findings: findings)
    }
}
