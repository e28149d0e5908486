import CustomerValueSquads

extension Commands {
    /// `squads spans`: each manager's span and the layers of the reporting lines, for the organisation and each
    /// department.
    public static func spans(_ organization: Organization, format: OutputFormat = .text) throws(InputError) -> String {
        let lines = organization.reportingLines()
        if format == .json { return try json(lines) }
        var text = [
            "## Spans and layers",
            "",
            "\(Text.counted(lines.spans.managers, "manager")); span \(describe(lines.spans)); "
                + Text.counted(lines.layers, "layer"),
        ]
        if !lines.spans.distribution.isEmpty {
            text.append(
                "spans: "
                    + lines.spans.distribution.map { "\($0.span) × \($0.managers)" }.joined(separator: ", "))
        }
        text.append("")
        for department in lines.departments {
            text.append(
                "- \(department.department): \(Text.counted(department.spans.managers, "manager")), span "
                    + "\(describe(department.spans)), \(Text.counted(department.layers, "layer"))")
        }
        if lines.spans.managers == 0 {
            text.append("")
            text.append("No one names a manager: set reporting lines with `squads change ORG set-manager`.")
        }
        return text.joined(separator: "\n") + "\n"
    }

    /// `squads distance`: how far each squad's decisions would climb without the squad, and what its rights save.
    ///
    /// - Throws: ``InputError`` for a squad that does not exist.
    public static func distance(
        _ organization: Organization, squad: CustomerValueSquad.ID? = nil, format: OutputFormat = .text
    ) throws(InputError) -> String {
        let ids = try selectedSquads(organization, squad)
        let all = organization.decisionDistances()
        let chosen = ids.compactMap { all.distance(of: $0) }
        if format == .json {
            return squad == nil ? try json(all) : try json(chosen)
        }
        var text = ["## Decision distance", ""]
        if squad == nil {
            text.append(
                "The squads' decision rights save \(Text.counted(all.totalSaved, "layer")) of escalation; decisions of squads "
                    + "without rights still travel \(Text.counted(all.totalTravelling, "layer")).")
            text.append("")
        }
        for distance in chosen {
            let meeting =
                distance.meetingPoint.map { "meet at \($0)" + (distance.meetsAtTop ? " (the top)" : "") }
                ?? "meet only at the top of the company"
            let rights =
                distance.rights == 0
                ? "no decision rights: each decision travels \(Text.counted(distance.distance, "layer"))"
                : "\(Text.counted(distance.rights, "right")) save \(Text.counted(distance.saved, "layer"))"
            text.append(
                "- \(distance.squad): members \(meeting), \(distance.climb) up and \(distance.climb) down; \(rights)")
        }
        return text.joined(separator: "\n") + "\n"
    }

    private static func describe(_ spans: ReportingLines.Spans) -> String {
        spans.managers == 0 ? "—" : "\(spans.minimum)–\(spans.maximum), median \(wholeNumber(spans.median))"
    }
}
