import CustomerValueSquads

/// Text for people.
enum Text {
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    static func overview(_ organization: Organization) -> String {
        var lines = [
            "# \(organization.name)",
            "",
            "Goal: \(organization.goal.isEmpty ? "(none)" : organization.goal)",
            "\(organization.departmentCount) departments, \(organization.specialistCount) specialists, "
                + "\(organization.dataAssetCount) data assets, \(organization.squadCount) squads",
            "",
            "## Squads",
            "",
        ]
        for squad in organization.squads {
            let departments = organization.departments(of: squad.id).map(\.rawValue).joined(separator: ", ")
            lines.append("- \(squad.name) [\(squad.id)] — \(squad.stage.rawValue), \(squad.size) members")
            lines.append("    mission: \(squad.mission.statement)")
            if !departments.isEmpty { lines.append("    drawn from: \(departments)") }
        }
        return lines.joined(separator: "\n")
    }

    static func report(_ report: ValidationReport, for organization: Organization) -> String {
        var lines = [
            "\(report.isValid ? "VALID" : "INVALID") — \(counted(report.errorCount, "error")), "
                + "\(counted(report.warningCount, "warning")), \(counted(report.noteCount, "note"))"
        ]
        var current: String?
        for finding in report.findings {
            let heading =
                finding.subject.squad.map { id in
                    "squad \(organization.squad(id)?.name ?? id.rawValue) [\(id)]"
                } ?? finding.subject.description
            if heading != current {
                lines.append("")
                lines.append(heading)
                current = heading
            }
            let mark =
                switch finding.severity {
                case .error: "✗"
                case .warning: "!"
                case .note: "·"
                }
            lines.append("  \(mark) \(finding.severity.rawValue) \(finding.code): \(finding.message)")
        }
        return lines.joined(separator: "\n")
    }
}

/// `value` rounded to a whole number, or `nil` when it is not finite or too large for an `Int`: a figure never traps
/// the output it is written into.
func roundedInt(_ value: Double) -> Int? {
    let rounded = value.rounded()
    guard rounded.isFinite, abs(rounded) < 9.0e18 else { return nil }
    return Int(rounded)
}

/// `value` rounded to a whole number as text, or `–` when it has none (not a number, or infinite).
func wholeNumber(_ value: Double) -> String {
    roundedInt(value).map(String.init) ?? "–"
}
