import CustomerValueSquads
import Foundation

extension ReportSections {
    static func findings(_ figures: ReportFigures, organization: Organization, into html: inout HTML) {
        let glance = figures.glance
        html.raw("<section id=\"findings\"><h2>Findings</h2>")
        html.element(
            "p",
            "\(HTML.number(Double(glance.findings.errors))) errors, \(HTML.number(Double(glance.findings.warnings))) "
                + "warnings, \(HTML.number(Double(glance.findings.notes))) notes, "
                + "grouped by what they say; the first \(ReportFigures.examplesPerCode) of each are listed.")
        html.raw(
            "<form class=\"controls\" id=\"finding-filter\" aria-label=\"Filter findings\">"
                + "<label><input type=\"checkbox\" value=\"error\" checked> errors</label>"
                + "<label><input type=\"checkbox\" value=\"warning\" checked> warnings</label>"
                + "<label><input type=\"checkbox\" value=\"note\" checked> notes</label>"
                + "<label>squad <input type=\"search\" name=\"squad\" placeholder=\"id or name\"></label></form>")
        for group in figures.findingGroups {
            html.raw(
                "<details open class=\"finding-group\" data-severity=\"\(group.severity.rawValue)\"><summary>"
                    + "<span class=\"badge \(group.severity.rawValue)\">\(group.severity.rawValue)</span> "
                    + "<code>\(HTML.escaped(group.code.rawValue))</code> — \(group.count) finding\(group.count == 1 ? "" : "s")"
                    + (group.squadCount > 0 ? " in \(group.squadCount) squad\(group.squadCount == 1 ? "" : "s")" : "")
                    + "</summary><ul>")
            for finding in group.examples { html.raw(item(finding, organization: organization)) }
            if group.count > group.examples.count {
                html.raw("<li class=\"more\">and \(group.count - group.examples.count) more</li>")
            }
            html.raw("</ul></details>")
        }
        if figures.findingGroups.isEmpty { html.element("p", "No findings: the organisation passes every rule.") }
        html.raw("</section>")
    }

    static func comparison(_ figures: ReportFigures, organization: Organization, into html: inout HTML) {
        html.raw("<section id=\"compare\"><h2>What changed since the baseline</h2>")
        html.element(
            "p",
            "\(figures.appeared.count) finding\(figures.appeared.count == 1 ? "" : "s") appear and \(figures.gone.count) "
                + "go; changed cells are marked in the heat map and changed figures in the tiles.")
        for (title, list, kind) in [("New", figures.appeared, "added"), ("Resolved", figures.gone, "removed")] {
            guard !list.isEmpty else { continue }
            html.raw("<h3>\(title)</h3><ul class=\"\(kind)\">")
            for finding in list.prefix(ReportFigures.shownChanges) {
                html.raw(item(finding, organization: organization, prefix: kind == "added" ? "New: " : "Resolved: "))
            }
            if list.count > ReportFigures.shownChanges {
                html.raw("<li class=\"more\">and \(list.count - ReportFigures.shownChanges) more</li>")
            }
            html.raw("</ul>")
        }
        html.raw("</section>")
    }

    /// One finding in words: its severity, what it is about by name, and its message.
    static func item(_ finding: Finding, organization: Organization, prefix: String = "") -> String {
        let squad = finding.subject.squad
        let name = squad.flatMap { organization.squad($0)?.name }
        let about: String
        switch finding.subject {
        case .organization: about = "the organisation"
        case .department(let id): about = "department " + HTML.name(organization.department(id)?.name ?? id.rawValue)
        case .specialist(let id): about = HTML.name(organization.specialist(id)?.name ?? id.rawValue)
        default: about = "squad " + HTML.name(name ?? squad?.rawValue ?? "")
        }
        let squadAttribute = squad.map { "\($0.rawValue) \(name ?? "")" } ?? ""
        return "<li class=\"finding \(finding.severity.rawValue)\" data-severity=\"\(finding.severity.rawValue)\" "
            + "data-squad=\"\(HTML.escaped(squadAttribute.lowercased()))\">\(prefix)<strong>\(finding.severity.rawValue)</strong>"
            + " — \(about): \(HTML.escaped(finding.message))</li>"
    }
}
