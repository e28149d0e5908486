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
