import CustomerValueSquads
import Foundation

/// The sections of `squads report`, each written from ``ReportFigures``.
enum ReportSections {
    static func glance(_ figures: ReportFigures, into html: inout HTML) {
        let now = figures.glance
        let then = figures.baselineGlance
        /// ` (+2)` against the baseline, when there is one and the figure moved.
        func delta(_ value: (ReportFigures.Glance) -> Double) -> String {
            guard let then else { return "" }
            let change = value(now) - value(then)
            guard change != 0 else { return "" }
            return
                " <span class=\"delta\">(\(change > 0 ? "+" : "−")\(HTML.number(abs(change))) since the baseline)</span>"
        }
        html.raw("<section id=\"glance\"><h2>At a glance</h2><div class=\"tiles\">")
        func tile(_ label: String, _ value: String, _ detail: String = "") {
            html.raw(
                "<div class=\"tile\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)\(detail)</div></div>"
            )
        }
        tile("people", HTML.number(Double(now.people)), delta { Double($0.people) })
        tile("serve in squads", HTML.number(Double(now.peopleInSquads)), delta { Double($0.peopleInSquads) })
        tile("FTE in squads", HTML.number(now.fteInSquads), delta { $0.fteInSquads })
        tile("FTE at home", HTML.number(now.fteAtHome), delta { $0.fteAtHome })
        tile(
            "squads", HTML.number(Double(now.squadsByStage.reduce(0) { $0 + $1.count })),
            delta { Double($0.squadsByStage.reduce(0) { $0 + $1.count }) })
        tile("errors", HTML.number(Double(now.findings.errors)), delta { Double($0.findings.errors) })
        // Tiles with nothing to say (no data assets, no scored outcome) are left out.
        if now.dataReached.of > 0 {
            tile(
                "data assets reached",
                HTML.number(Double(now.dataReached.reached)) + " of " + HTML.number(Double(now.dataReached.of)),
                delta { Double($0.dataReached.reached) })
        }
        if let score = now.weightedScore { tile("weighted score", HTML.percent(score)) }
        html.raw("</div><div class=\"charts\">")
        html.raw("<figure><figcaption>Time: in squads and at home (FTE)</figcaption>")
        html.raw(
            ReportCharts.split(
                [
                    .init(label: "in squads", value: now.fteInSquads, kind: "squads"),
                    .init(label: "at home", value: now.fteAtHome, kind: "home"),
                ], title: "FTE in squads and at home"))
        html.raw("</figure><figure><figcaption>Squads by stage</figcaption>")
        html.raw(
            ReportCharts.bars(
                now.squadsByStage.map {
                    .init(label: $0.stage.rawValue, value: Double($0.count), kind: "stage-\($0.stage.rawValue)")
                }, title: "Squads by stage"))
        html.raw("</figure><figure><figcaption>Findings by severity</figcaption>")
        html.raw(
            ReportCharts.bars(
                [
                    .init(label: "errors", value: Double(now.findings.errors), kind: "error"),
                    .init(label: "warnings", value: Double(now.findings.warnings), kind: "warning"),
                    .init(label: "notes", value: Double(now.findings.notes), kind: "note"),
                ], title: "Findings by severity"))
        html.raw("</figure>")
        if now.outcomes.onTrack + now.outcomes.atRisk + now.outcomes.offTrack > 0 {
            html.raw("<figure><figcaption>Outcomes</figcaption>")
            html.raw(
                ReportCharts.bars(
                    [
                        .init(label: "on track", value: Double(now.outcomes.onTrack), kind: "onTrack"),
                        .init(label: "at risk", value: Double(now.outcomes.atRisk), kind: "atRisk"),
                        .init(label: "off track", value: Double(now.outcomes.offTrack), kind: "offTrack"),
                    ], title: "Outcomes by band"))
            html.raw("</figure>")
        }
        html.raw("</div></section>")
    }

    static func matrix(_ figures: ReportFigures, compared: Bool, into html: inout HTML) {
        let matrix = figures.matrix
        html.raw("<section id=\"silos\"><h2>Silos and squads</h2>")
        html.element(
            "p",
            matrix.isAggregated
                ? "Each cell counts the members drawn from a department into the squads of a stage. The departments that "
                    + "give most are shown one by one; `squads report --format csv` writes the full matrix."
                : "Each cell counts the members a squad draws from a department.")
        html.raw(ReportCharts.heatLegend(largest: matrix.largest))
        if compared {
            html.raw(
                "<p class=\"legend\"><span class=\"changed-sample\">▲3</span> a cell that changed since the baseline, with the arrow of its change; its old value on hover.</p>"
            )
        }
        html.raw(
            "<div class=\"scroll\"><table id=\"silo-squad-matrix\" data-aggregated=\"\(matrix.isAggregated)\"><thead><tr><th>Department</th>"
        )
        for column in matrix.columns {
            let squad = column.squad.map { " data-squad=\"\(HTML.escaped($0.rawValue))\"" } ?? ""
            html.raw(
                "<th\(squad) class=\"stage-\(column.stage.rawValue)\">\(HTML.name(column.label))<br><small>\(column.squad == nil ? "" : column.stage.rawValue)</small></th>"
            )
        }
        html.raw("<th>Total</th><th>Staff</th></tr></thead><tbody>")
        for row in matrix.rows {
            let department = row.department.map { " data-department=\"\(HTML.escaped($0.rawValue))\"" } ?? ""
            html.raw("<tr\(department)><th scope=\"row\" class=\"name\">\(HTML.name(row.label))</th>")
            for (index, count) in row.cells.enumerated() {
                var content = count == 0 ? "" : String(count)
                var classes = row.department == nil ? ["rest"] : []
                var extra =
                    row.department == nil ? "" : " style=\"\(ReportCharts.heat(count, largest: matrix.largest))\""
                if let before = row.before[index] {
                    content = (count > before ? "▲" : "▼") + String(count)
                    classes.append("changed")
                    extra += " title=\"was \(before)\""
                }
                let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                html.raw("<td\(classAttribute)\(extra)>\(content)</td>")
            }
            html.raw("<td class=\"total\">\(row.total)</td><td class=\"total\">\(row.staff)</td></tr>")
        }
        html.raw("</tbody><tfoot><tr><th scope=\"row\">Total</th>")
        for column in matrix.columns { html.raw("<td class=\"total\">\(column.total)</td>") }
        html.raw(
            "<td class=\"total\">\(matrix.columns.reduce(0) { $0 + $1.total })</td><td></td></tr></tfoot></table></div>"
        )
        islands(figures, into: &html)
        html.raw("</section>")
    }

    /// The departments no squad connects to another, by name.
    static func islands(_ figures: ReportFigures, into html: inout HTML) {
        guard figures.islandCount > 0 else {
            html.raw("<p id=\"islands\">No island: every department is linked to another by some squad.</p>")
            return
        }
        let names = figures.islands.map(HTML.name).joined(separator: ", ")
        let more =
            figures.islandCount > figures.islands.count
            ? " and \(figures.islandCount - figures.islands.count) more" : ""
        let count = "\(figures.islandCount) department\(figures.islandCount == 1 ? "" : "s")"
        html.raw(
            "<p id=\"islands\"><strong>Islands</strong> — \(count) no squad connects to another (silos still "
                + "closed): \(names)\(more).</p>")
    }

    static func drains(_ figures: ReportFigures, into html: inout HTML) {
        html.raw("<section id=\"drain\"><h2>Each silo's drain</h2>")
        html.element(
            "p",
            "What squads take from each department and the share of its capacity that stays home, against its floor; the most drained first."
        )
        html.raw(
            "<table id=\"drains\"><thead><tr><th>Department</th><th>Staff</th><th>FTE pulled</th><th>Retained</th><th></th><th>Floor</th>"
        )
        for step in figures.planSteps { html.raw("<th>after \(HTML.name(step))</th>") }
        html.raw("</tr></thead><tbody>")
        for drain in figures.drains {
            let below = drain.floor.map { drain.retained < $0 } ?? false
            html.raw(
                "<tr\(below ? " class=\"below-floor\"" : "")><th scope=\"row\" class=\"name\">\(HTML.name(drain.name))</th>"
            )
            html.raw(
                "<td>\(drain.headcount)</td><td>\(HTML.number(drain.ftePulled))</td><td>\(HTML.percent(drain.retained))\(below ? " <strong>below floor</strong>" : "")</td>"
            )
            html.raw(
                "<td>\(ReportCharts.retained(drain.retained, floor: drain.floor, title: "\(drain.name): \(HTML.percent(drain.retained)) retained"))</td>"
            )
            html.raw("<td>\(drain.floor.map(HTML.percent) ?? "–")</td>")
            for share in drain.afterSteps { html.raw("<td>\(HTML.percent(share))</td>") }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
        if figures.hiddenDrains > 0 {
            html.element("p", "and \(figures.hiddenDrains) more departments, less drained", class: "more")
        }
        html.raw("</section>")
    }

    static func outcomes(_ figures: ReportFigures, into html: inout HTML) {
        html.raw("<section id=\"outcomes\"><h2>Outcomes</h2>")
        html.element(
            "p",
            "Goal, each outcome by its weight: \(figures.glance.weightedScore.map(HTML.percent) ?? "not scored"). Squads with the lowest scores first."
        )
        guard !figures.squadOutcomes.isEmpty else {
            html.element("p", "No squad has outcomes yet: give each squad what it is accountable for.", class: "muted")
            html.raw("</section>")
            return
        }
        html.raw(
            "<table id=\"outcome-table\"><thead><tr><th>Squad</th><th>Outcome</th><th>Progress</th><th>Band</th><th>Check-ins</th><th>Confidence</th><th>Trend</th></tr></thead><tbody>"
        )
        for squad in figures.squadOutcomes {
            for (index, line) in squad.outcomes.enumerated() {
                html.raw("<tr>")
                if index == 0 {
                    let score = squad.score.map(HTML.percent) ?? "–"
                    html.raw(
                        "<th scope=\"row\" rowspan=\"\(squad.outcomes.count)\" class=\"name\">\(HTML.name(squad.name))<br><small>\(score) \(Self.words(squad.band))</small></th>"
                    )
                }
                html.raw(
                    "<td>\(HTML.name(line.outcome.rawValue))\(line.isStale ? " <span class=\"stale\">stale</span>" : "")</td>"
                )
                html.raw(
                    "<td>\(HTML.percent(line.progress))</td><td class=\"band-\(line.band.rawValue)\">\(Self.words(line.band))</td>"
                )
                html.raw(
                    "<td>\(ReportCharts.sparkline(line.values, title: "\(line.outcome): \(line.values.count) check-ins"))</td>"
                )
                html.raw(
                    "<td>\(line.confidence.map { "\($0)/10" } ?? "–")</td><td>\(line.trend?.rawValue ?? "–")</td></tr>")
            }
        }
        html.raw("</tbody></table>")
        if figures.hiddenSquadOutcomes > 0 {
            html.element(
                "p", "and \(figures.hiddenSquadOutcomes) more squads with outcomes, scoring higher", class: "more")
        }
        html.raw("</section>")
    }

    /// A band in words: "on track", "at risk", "off track".
    static func words(_ band: StatusBand?) -> String {
        switch band {
        case .onTrack: "on track"
        case .atRisk: "at risk"
        case .offTrack: "off track"
        case nil: "not scored"
        }
    }
}
