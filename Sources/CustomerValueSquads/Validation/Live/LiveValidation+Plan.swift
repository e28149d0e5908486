// What a live validation works out once from its policy, and the counts it keeps up to date.

extension LiveValidation {
    /// Which rules run where, worked out once from the policy.
    struct Plan: Sendable {
        /// The squad checks that read only the squad and its members' records.
        var squad: [any ValidationRule] = []
        /// The squad checks that also read the reporting lines above the members.
        var squadLines: [any ValidationRule] = []
        var specialist: [any ScopedValidationRule] = []
        var department: [any ScopedValidationRule] = []
        var organization: [any ValidationRule] = []
        var whole: [any ValidationRule] = []
        var disabled: Set<Finding.Code>
        /// Whether an organisation check reads the reporting lines.
        var organizationReadsLines = false

        init(_ policy: ValidationPolicy) {
            disabled = policy.disabledCodes
            for rule in policy.rules {
                guard let scoped = rule as? any ScopedValidationRule else {
                    whole.append(rule)
                    continue
                }
                let scope = scoped.scope
                let readsLines = scope.contains(.reportingLines)
                if scope.contains(.squad) {
                    if readsLines { squadLines.append(rule) } else { squad.append(rule) }
                }
                if scope.contains(.specialist) { specialist.append(scoped) }
                if scope.contains(.department) { department.append(scoped) }
                if scope.contains(.organization) {
                    organization.append(rule)
                    organizationReadsLines = organizationReadsLines || readsLines
                }
            }
        }

        /// Whether a squad check reads the reporting lines above the squad's members.
        var squadReadsLines: Bool { !squadLines.isEmpty }

        func allowed(_ findings: [Finding]) -> [Finding] {
            guard !disabled.isEmpty else { return findings }
            return findings.filter { !disabled.contains($0.code) }
        }
    }

    struct Counts: Sendable {
        var errors = 0
        var warnings = 0
        var notes = 0

        mutating func add(_ findings: [Finding], _ sign: Int) {
            for finding in findings {
                switch finding.severity {
                case .error: errors += sign
                case .warning: warnings += sign
                case .note: notes += sign
                }
            }
        }
    }
}

extension LiveValidation.Plan {
    /// The squads whose findings a change can have changed: those it touched, those of the specialists whose
    /// records it touched and those naming data assets it touched; and apart — when a squad check reads the
    /// reporting lines — those of everyone at or below someone whose manager changed, or every squad when the
    /// first line was drawn or the last removed.
    func squadsToCheck(after journal: ChangeJournal, in organization: Organization) -> (
        touched: Set<CustomerValueSquad.ID>, belowMoved: Set<CustomerValueSquad.ID>
    ) {
        var squads = journal.squads
        let squadsOf = organization.squadsOfSpecialist
        for specialist in journal.records {
            if let serving = squadsOf[specialist] { squads.formUnion(serving) }
        }
        if !journal.assets.isEmpty {
            // Data assets change rarely: the squads naming them are found by looking at every squad.
            for (id, squad) in organization.squadsByID
            where squad.grants.keys.contains(where: journal.assets.contains)
                || squad.mission.requiredData.contains(where: journal.assets.contains)
            {
                squads.insert(id)
            }
        }
        var belowMoved: Set<CustomerValueSquad.ID> = []
        if squadReadsLines, journal.hadLines != organization.hasReportingLines {
            belowMoved = Set(organization.squadsByID.keys)
        } else if squadReadsLines, !journal.lines.isEmpty {
            // Down the lines from each specialist whose manager changed: everyone below has a new line above.
            let reportsOf = organization.reportsOf
            var seen: Set<Specialist.ID> = []
            var stack = Array(journal.lines)
            while let specialist = stack.popLast() {
                guard seen.insert(specialist).inserted else { continue }
                if let serving = squadsOf[specialist] { belowMoved.formUnion(serving) }
                if let reports = reportsOf[specialist] { stack.append(contentsOf: reports) }
            }
        }
        return (squads, belowMoved)
    }
}
