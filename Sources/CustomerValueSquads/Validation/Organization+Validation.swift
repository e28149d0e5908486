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
        var context = ValidationContext(organization: self, thresholds: policy.thresholds, day: day)
        // The organisation's findings come first, then each squad's in identifier order, sorted within each squad:
        // the report's order needs no sort over everything, and the findings are gathered in one list.
        var findings: [Finding] = []
        for rule in policy.rules {
            findings += rule.check(self, in: context)
        }
        let general = findings.count
        var strays: [Finding] = []
        let squads = squadsByID
        for position in IdentifierOrder.positions(of: squads) {
            let (id, squad) = squads[position]
            guard squad.stage != .dissolved else { continue }
            context.focus(on: squad)
            let start = findings.count
            for rule in policy.rules {
                findings += rule.check(squad, in: context)
            }
            if findings[start...].contains(where: { $0.subject.squad != id }) {
                strays += findings[start...]  // a rule reported on something else: let the report place it
                findings.removeSubrange(start...)
            } else {
                ValidationReport.order(&findings[start...])
            }
        }
        if !policy.disabledCodes.isEmpty {
            strays.removeAll { policy.disabledCodes.contains($0.code) }
        }
        if !strays.isEmpty || findings[..<general].contains(where: { $0.subject.squad != nil }) {
            if !policy.disabledCodes.isEmpty { findings.removeAll { policy.disabledCodes.contains($0.code) } }
            return ValidationReport(findings: findings + strays)
        }
        ValidationReport.order(&findings[..<general])
        if !policy.disabledCodes.isEmpty { findings.removeAll { policy.disabledCodes.contains($0.code) } }
        return ValidationReport(ordered: findings)
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
        var context = ValidationContext(organization: self, thresholds: policy.thresholds, day: day)
        context.focus(on: squad)
        var findings = policy.rules.flatMap { $0.check(squad, in: context) }
        if !policy.disabledCodes.isEmpty {
            findings.removeAll { policy.disabledCodes.contains($0.code) }
        }
        return ValidationReport(findings: findings)
    }
}
