import CustomerValueSquads
import Foundation

extension Commands {
    /// `squads report`: one self-contained HTML page — no scripts, no fonts or styles from elsewhere — with the
    /// silo × squad matrix (members each squad draws from each department, shaded), the findings, the scores and
    /// the reach; with `baseline`, the impact against it side by side.
    public static func report(
        _ organization: Organization, comparedTo baseline: Organization? = nil, on day: Day? = nil
    )
        -> String
    {
        var html = HTML()
        html.open("!DOCTYPE html")
        html.raw("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.element("title", "\(organization.name) — customer value squads")
        html.raw("<style>\(style)</style></head><body>")
        html.element("h1", organization.name)
        if !organization.goal.isEmpty { html.element("p", "Goal: \(organization.goal)", class: "goal") }
        matrix(organization, into: &html)
        findings(organization.validate(on: day), into: &html)
        scores(organization.scores(), names: organization, into: &html)
        let reach = organization.siloReach(on: day)
        html.element("h2", "Reach")
        html.element(
            "p", "\(reach.reachedAssetCount) of \(organization.dataAssetCount) data assets flow to squads.")
        if let baseline { impact(organization.impact(comparedTo: baseline, on: day), into: &html) }
        html.raw("</body></html>\n")
        return html.text
    }

    private static let style = """
        body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}\
        th,td{border:1px solid #ccc;padding:.3em .6em;text-align:center}th{background:#f3f5f8}\
        td.department{text-align:left;font-weight:bold}.goal{color:#555}.error{color:#b03a2e}\
        .warning{color:#9a6700}.note{color:#555}.added{color:#1e7b34}.removed{color:#b03a2e}
        """

    private static func matrix(_ organization: Organization, into html: inout HTML) {
        let squads = organization.squads.filter { $0.stage != .dissolved }
        var drawn: [Department.ID: [CustomerValueSquad.ID: Int]] = [:]
        for squad in squads {
            for member in squad.memberships.keys {
                if let home = organization.specialist(member)?.department {
                    drawn[home, default: [:]][squad.id, default: 0] += 1
                }
            }
        }
        let most = drawn.values.flatMap(\.values).max() ?? 1
        html.element("h2", "Silos and squads")
        html.element("p", "Each cell counts the members a squad draws from a department; darker is more.")
        html.raw("<table id=\"silo-squad-matrix\"><thead><tr><th>Department</th>")
        for squad in squads {
            html.element(
                "th", "\(squad.name) (\(squad.stage.rawValue))",
                attributes: "data-squad=\"\(HTML.escaped(squad.id.rawValue))\"")
        }
        html.raw("<th>Staff</th></tr></thead><tbody>")
        for department in organization.departments {
            html.raw("<tr data-department=\"\(HTML.escaped(department.id.rawValue))\">")
            html.element("td", department.name, class: "department")
            for squad in squads {
                let count = drawn[department.id]?[squad.id] ?? 0
                let shade = count == 0 ? 1.0 : 0.85 - 0.55 * Double(count) / Double(most)
                let background = String(format: "hsl(212,60%%,%.0f%%)", shade * 100)
                let ink = shade < 0.5 ? ";color:#fff" : ""
                html.raw("<td style=\"background:\(background)\(ink)\">\(count == 0 ? "" : String(count))</td>")
            }
            html.element("td", String(organization.staff(of: department.id).count))
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
    }

    private static func findings(_ report: ValidationReport, into html: inout HTML) {
        html.element(
            "h2", "Findings: \(report.errorCount) errors, \(report.warningCount) warnings, \(report.noteCount) notes")
        html.raw("<ul>")
        for finding in report.findings {
            html.element(
                "li", "\(finding.severity.rawValue) \(finding.code) — \(finding.subject): \(finding.message)",
                class: finding.severity.rawValue)
        }
        html.raw("</ul>")
    }

    private static func scores(_ scores: OrganizationScore, names organization: Organization, into html: inout HTML) {
        html.element("h2", "Outcome scores")
        html.raw("<table id=\"scores\"><thead><tr><th>Squad</th><th>Score</th><th>Band</th></tr></thead><tbody>")
        for squad in scores.squads {
            html.raw("<tr>")
            html.element("td", organization.squad(squad.squad)?.name ?? squad.squad.rawValue, class: "department")
            html.element("td", squad.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")
            html.element("td", squad.band?.rawValue ?? "–")
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
    }

    private static func impact(_ impact: Impact, into html: inout HTML) {
        html.element("h2", "Against the baseline")
        html.raw(
            "<table id=\"impact\"><thead><tr><th>Department</th><th>FTE pulled before</th><th>after</th>"
                + "<th>Retained before</th><th>after</th></tr></thead><tbody>")
        func text(_ value: Double?, percent: Bool = false) -> String {
            guard let value else { return "–" }
            return percent ? "\(Int((value * 100).rounded()))%" : String(format: "%.2f", value)
        }
        for department in impact.departments {
            html.raw("<tr>")
            html.element("td", department.department.rawValue, class: "department")
            html.element("td", text(department.ftePulled.before))
            html.element("td", text(department.ftePulled.after))
            html.element("td", text(department.shareRetained.before, percent: true))
            html.element("td", text(department.shareRetained.after, percent: true))
            html.raw("</tr>")
        }
        html.raw("</tbody></table><ul>")
        for finding in impact.newFindings {
            html.element("li", "+ \(finding.code) — \(finding.subject)", class: "added")
        }
        for finding in impact.resolvedFindings {
            html.element("li", "− \(finding.code) — \(finding.subject)", class: "removed")
        }
        html.raw("</ul>")
    }
}

/// A few lines of HTML, every text escaped.
struct HTML {
    private(set) var text = ""

    mutating func raw(_ markup: String) { text += markup }

    mutating func open(_ declaration: String) { text += "<\(declaration)>\n" }

    mutating func element(_ name: String, _ content: String, class className: String? = nil, attributes: String = "") {
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        let extra = attributes.isEmpty ? "" : " \(attributes)"
        text += "<\(name)\(classAttribute)\(extra)>\(Self.escaped(content))</\(name)>"
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
