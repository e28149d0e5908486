import CustomerValueSquads
import Foundation

extension Commands {
    /// `squads report`: one self-contained HTML page — inline CSS and SVG, nothing from the network, a little
    /// inline script to filter findings that the page does not need to be read — about an organisation: tiles at
    /// a glance, the silo × squad heat map, each silo's drain, reporting lines and decision distance (once someone
    /// names a manager), outcomes with their check-ins, findings by code,
    /// with `history` the transformation period by period (every `step`), and with `baseline` what changed. It
    /// stays small at any size: long lists keep their first entries and
    /// count the rest, and a large heat map is aggregated (``ReportMatrix``).
    ///
    /// - Throws: ``InputError`` when `plan` does not fit the organisation.
    public static func report(
        _ organization: Organization, comparedTo baseline: Organization? = nil, plan: RolloutPlan? = nil,
        on day: Day? = nil, history: ChangeHistory? = nil, every step: Timeline.Step = .month,
        baselineLabel: String? = nil
    ) throws(InputError) -> String {
        if let history { try Commands.checkSpan(of: history, every: step) }
        let figures = try ReportFigures(organization, baseline: baseline, plan: plan, on: day)
        var html = HTML()
        html.open("!DOCTYPE html")
        html.raw("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.element("title", "\(organization.name) — customer value squads")
        html.raw("<style>\(ReportStyle.css)</style></head><body>")
        html.raw("<header><h1>\(HTML.name(organization.name))</h1>")
        if !organization.goal.isEmpty { html.raw("<p class=\"goal\">Goal: \(HTML.name(organization.goal))</p>") }
        if let baseline {
            // Named by its file where one is given: a baseline is most often the same organisation earlier.
            let shown =
                baselineLabel.map { label in
                    HTML.name(label) + (baseline.name == organization.name ? "" : " (\(HTML.name(baseline.name)))")
                } ?? HTML.name(baseline.name)
            html.raw("<p class=\"goal\">Compared with \(shown).</p>")
        }
        html.raw("</header>")
        ReportSections.glance(figures, into: &html)
        ReportSections.matrix(figures, compared: baseline != nil, into: &html)
        ReportSections.drains(figures, into: &html)
        ReportSections.reporting(organization, into: &html)
        ReportSections.seats(organization, into: &html)
        if let history {
            ReportHistory.section(
                history.timeline(every: step, plan: plan), step: step, organization: organization, into: &html)
        }
        ReportSections.outcomes(figures, into: &html)
        ReportSections.findings(figures, organization: organization, into: &html)
        if baseline != nil { ReportSections.comparison(figures, organization: organization, into: &html) }
        html.raw("<script>\(ReportStyle.script)</script></body></html>\n")
        return html.text
    }
}
