import CustomerValueSquads
import Foundation

/// The report's section on the transformation over time (`squads report --history LOG`): four line charts read
/// from a ``Timeline``, with the pilot and the batches marked where they formed.
enum ReportHistory {
    /// One line of a chart: its name, a value per period (`nil` where there is none) and its CSS class.
    struct Series {
        var name: String
        var values: [Double?]
        var kind: String
    }

    /// How many silos the retained-share chart draws: those closest to their floors.
    static let shownSilos = 6

    static func section(_ timeline: Timeline, step: Timeline.Step, organization: Organization, into html: inout HTML) {
        let periods = timeline.periods
        guard !periods.isEmpty else { return }
        let labels = periods.map { Commands.label(of: $0, step) }
        let markers = periods.enumerated().flatMap { index, period in period.markers.map { (index, $0) } }
        html.raw("<section id=\"history\"><h2>The transformation over time</h2>")
        html.element(
            "p",
            "\(periods.count) \(step.rawValue)s from \(labels[0]) to \(labels[labels.count - 1]), as each ended; "
                + "the pilot and the batches are marked where their squads first all existed.")
        html.raw("<div class=\"charts\">")
        func figure(_ caption: String, _ series: [Series], maximum: Double?, percent: Bool, floors: [Double] = []) {
            html.raw("<figure><figcaption>\(HTML.escaped(caption))</figcaption>")
            html.raw(
                lines(
                    series, labels: labels, markers: markers, title: caption, maximum: maximum, percent: percent,
                    floors: floors))
            html.raw("</figure>")
        }
        figure(
            "Share of staff serving in squads",
            [Series(name: "in squads", values: periods.map(\.shareInSquads), kind: "line-0")], maximum: 1,
            percent: true)
        let last = periods[periods.count - 1]
        let silos = last.silos.sorted {
            ($0.retained - ($0.floor ?? 0), $0.department.rawValue) < (
                $1.retained - ($1.floor ?? 0), $1.department.rawValue
            )
        }.prefix(shownSilos)
        let siloSeries = silos.enumerated().map { index, silo in
            Series(
                name: organization.department(silo.department)?.name ?? silo.department.rawValue,
                values: periods.map { period in period.silos.first { $0.department == silo.department }?.retained },
                kind: "line-\(index)")
        }
        figure(
            "Share each silo keeps at home"
                + (last.silos.count > shownSilos ? " (the \(shownSilos) closest to floor)" : ""),
            siloSeries, maximum: 1, percent: true, floors: Array(Set(silos.compactMap(\.floor))).sorted())
        let stages = CustomerValueSquad.Stage.allCases.filter { stage in
            periods.contains { ($0.squadsByStage[stage] ?? 0) > 0 }
        }
        figure(
            "Squads by stage",
            stages.enumerated().map { index, stage in
                Series(
                    name: stage.rawValue, values: periods.map { Double($0.squadsByStage[stage] ?? 0) },
                    kind: "line-\(index)")
            }, maximum: nil, percent: false)
        figure(
            "Outcomes' weighted score",
            [Series(name: "weighted score", values: periods.map(\.weightedScore), kind: "line-0")], maximum: 1,
            percent: true)
        html.raw("</div></section>")
    }

    /// A line chart: a line per series over the periods, the last value of each written at its end, a dashed
    /// line at each floor, a vertical rule at each marker and a legend under the chart.
    static func lines(
        _ series: [Series], labels: [String], markers: [(Int, String)], title: String, maximum: Double?,
        percent: Bool, floors: [Double] = []
    ) -> String {
        let (width, height, left, top, plotWidth, plotHeight) = (380.0, 190.0, 40.0, 10.0, 290.0, 120.0)
        let largest = maximum ?? max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        func x(_ index: Int) -> Double {
            labels.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(labels.count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value / largest, 0), 1)) }
        func value(_ number: Double) -> String { percent ? HTML.percent(number) : HTML.number(number) }
        var svg =
            "<svg class=\"chart lines\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\"><title>\(HTML.escaped(title))</title>"
        svg +=
            "<line class=\"axis\" x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight)\"/>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + 4)\" class=\"value\" text-anchor=\"end\">\(value(largest))</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + plotHeight)\" class=\"value\" text-anchor=\"end\">0</text>"
        for floor in floors {
            svg += String(
                format: "<line class=\"floor\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", left,
                left + plotWidth,
                y(floor), y(floor))
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"value\">floor</text>", left + 2, y(floor) - 3)
        }
        // Each label takes a row below the ones whose text it would run into (about 6 px a character).
        var rows: [(start: Double, end: Double, row: Int)] = []
        for (index, name) in markers {
            svg += String(
                format: "<line class=\"marker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", x(index), x(index),
                top, top + plotHeight)
            // A marker past the middle is labelled on its left, so the label stays inside the chart.
            let right = x(index) > left + plotWidth / 2
            let length = Double(name.count) * 6.2 + 4
            let start = right ? x(index) - length : x(index)
            let end = right ? x(index) : x(index) + length
            var row = 0
            while rows.contains(where: { $0.row == row && $0.start < end && start < $0.end }) { row += 1 }
            rows.append((start, end, row))
            svg +=
                String(
                    format: "<text x=\"%.1f\" y=\"%.1f\" class=\"value marker-label\"%@>", x(index) + (right ? -2 : 2),
                    top + 10 + Double(row) * 12, right ? " text-anchor=\"end\"" : "") + "\(HTML.escaped(name))</text>"
        }
        svg += "<text x=\"\(left)\" y=\"\(top + plotHeight + 14)\" class=\"value\">\(HTML.escaped(labels[0]))</text>"
        if labels.count > 1 {
            svg +=
                "<text x=\"\(left + plotWidth)\" y=\"\(top + plotHeight + 14)\" class=\"value\" text-anchor=\"end\">"
                + "\(HTML.escaped(labels[labels.count - 1]))</text>"
        }
        var legend: [String] = []
        for line in series {
            let points = line.values.enumerated().compactMap { index, value in
                value.map { String(format: "%.1f,%.1f", x(index), y($0)) }
            }
            if points.count == 1 {
                svg +=
                    "<circle class=\"\(line.kind)\" r=\"3\" cx=\"\(points[0].split(separator: ",")[0])\" "
                    + "cy=\"\(points[0].split(separator: ",")[1])\"/>"
            } else if !points.isEmpty {
                svg += "<polyline class=\"\(line.kind)\" points=\"\(points.joined(separator: " "))\"/>"
            }
            let lastValue = line.values.last.flatMap { $0 }
            legend.append("\(line.name) \(lastValue.map(value) ?? "–")")
        }
        for (row, chunk) in stride(from: 0, to: legend.count, by: 2).map({ legend[$0..<min($0 + 2, legend.count)] })
            .enumerated()
        {
            var x = left
            for (offset, entry) in chunk.enumerated() {
                let kind = series[row * 2 + offset].kind
                // A short stretch of the line itself, dashes included, so lines that coincide are told apart.
                svg += String(
                    format: "<line class=\"%@\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", kind, x, x + 12,
                    top + plotHeight + 27.5 + Double(row) * 15, top + plotHeight + 27.5 + Double(row) * 15)
                svg +=
                    String(
                        format: "<text x=\"%.1f\" y=\"%.1f\" class=\"label\">", x + 14,
                        top + plotHeight + 31 + Double(row) * 15) + "\(HTML.escaped(entry))</text>"
                x += 165
            }
        }
        return svg + "</svg>"
    }
}
