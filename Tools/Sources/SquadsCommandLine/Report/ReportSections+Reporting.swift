import CustomerValueSquads

extension ReportSections {
    /// How many squads the decision-distance table shows, farthest climb first.
    static let shownDistances = 20

    /// Spans and layers, and how far each squad's decisions would climb without it; only for an organisation
    /// where someone names a manager.
    static func reporting(_ organization: Organization, into html: inout HTML) {
        guard organization.hasReportingLines else { return }
        let lines = organization.reportingLines()
        let distances = organization.decisionDistances()
        html.raw("<section id=\"reporting\"><h2>Reporting lines and decision distance</h2>")
        html.element(
            "p",
            "\(Text.counted(lines.spans.managers, "manager")), spans from \(lines.spans.minimum) to "
                + "\(lines.spans.maximum) (median \(HTML.number(lines.spans.median))); the longest line has "
                + "\(Text.counted(lines.layers, "layer")). The squads' decision rights save "
                + "\(Text.counted(distances.totalSaved, "layer")) of escalation; decisions of squads without rights "
                + "still climb and come back down \(Text.counted(distances.totalTravelling, "layer")).")
        let bars = lines.spans.distribution.map {
            ReportCharts.Bar(label: "span \($0.span)", value: Double($0.managers), kind: "squads")
        }
        html.raw(ReportCharts.bars(bars, title: "managers by span (direct reports)"))
        html.raw(
            "<table id=\"distances\"><thead><tr><th>Squad</th><th>Members meet at</th><th>Climb</th>"
                + "<th>Rights</th><th>Layers saved</th></tr></thead><tbody>")
        let farthest = distances.squads.sorted { ($0.climb, $1.squad) > ($1.climb, $0.squad) }
        for distance in farthest.prefix(shownDistances) {
            let name = organization.squad(distance.squad)?.name ?? distance.squad.rawValue
            let meeting =
                distance.meetingPoint.map { organization.specialist($0)?.name ?? $0.rawValue }
                .map(HTML.name) ?? "the top of the company"
            let warn = distance.meetsAtTop && distance.rights == 0
            html.raw(
                "<tr\(warn ? " class=\"below-floor\"" : "")><th scope=\"row\" class=\"name\">\(HTML.name(name))</th>"
                    + "<td>\(meeting)\(distance.meetsAtTop ? " (top)" : "")</td><td>\(distance.climb)</td>"
                    + "<td>\(distance.rights)</td><td>\(distance.saved)</td></tr>")
        }
        html.raw("</tbody></table>")
        if distances.squads.count > shownDistances {
            html.element(
                "p", "and \(distances.squads.count - shownDistances) more squads, with shorter climbs", class: "more")
        }
        html.raw("</section>")
    }
}
