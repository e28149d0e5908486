import CustomerValueSquads
import Foundation

/// The small inline SVG charts of the report. Each carries its numbers as text beside the shapes, so it reads
/// without colour, and a `<title>` for screen readers.
enum ReportCharts {
    /// One bar of a chart: its label, its value and the CSS class that colours it.
    struct Bar {
        var label: String
        var value: Double
        var kind: String
    }

    /// Horizontal bars, one per row, each labelled and followed by its value.
    static func bars(_ bars: [Bar], title: String, width: Int = 320) -> String {
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        let rowHeight = 22
        let height = max(rowHeight * bars.count, rowHeight)
        var svg =
            "<svg class=\"chart bars\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
            + "<title>\(HTML.escaped(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            let length = roundedInt(Double(width - 150) * bar.value / largest) ?? 0
            svg += "<text x=\"0\" y=\"\(y + 15)\" class=\"label\">\(HTML.escaped(bar.label))</text>"
            svg += "<rect x=\"100\" y=\"\(y + 4)\" width=\"\(length)\" height=\"14\" class=\"\(bar.kind)\"/>"
            svg += "<text x=\"\(104 + length)\" y=\"\(y + 15)\" class=\"value\">\(HTML.number(bar.value))</text>"
        }
        return svg + "</svg>"
    }

    /// One bar split into parts, each labelled with its value under the bar.
    static func split(_ parts: [Bar], title: String, width: Int = 320) -> String {
        let total = max(parts.reduce(0) { $0 + $1.value }, 1)
        var svg =
            "<svg class=\"chart split\" role=\"img\" width=\"\(width)\" height=\"40\" viewBox=\"0 0 \(width) 40\">"
            + "<title>\(HTML.escaped(title))</title>"
        var x = 0.0
        for part in parts {
            let length = Double(width) * part.value / total
            svg += "<rect x=\"\(fixed(x))\" y=\"0\" width=\"\(fixed(length))\" height=\"16\" class=\"\(part.kind)\"/>"
            x += length
        }
        let legend = parts.map { "\($0.label) \(HTML.number($0.value))" }.joined(separator: " · ")
        return svg + "<text x=\"0\" y=\"34\" class=\"label\">\(HTML.escaped(legend))</text></svg>"
    }

    /// The values checked in, oldest first, as a line; the last one marked.
    static func sparkline(_ values: [Double], title: String) -> String {
        guard let low = values.min(), let high = values.max() else {
            return "<span class=\"muted\">no check-ins</span>"
        }
        guard values.count >= 2 else {
            // One check-in: its point, in the middle, so the column reads the same for every outcome.
            return "<svg class=\"chart sparkline\" role=\"img\" width=\"90\" height=\"22\" viewBox=\"0 0 90 22\">"
                + "<title>\(HTML.escaped(title))</title><circle cx=\"45.0\" cy=\"11.0\" r=\"2.5\"/></svg>"
        }
        let (width, height) = (90.0, 22.0)
        let span = high - low == 0 ? 1 : high - low
        let points = values.enumerated().map { index, value in
            (
                Double(index) / Double(values.count - 1) * (width - 4) + 2,
                height - 3 - (value - low) / span * (height - 6)
            )
        }
        let line = points.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ")
        let last = points[points.count - 1]
        return "<svg class=\"chart sparkline\" role=\"img\" width=\"90\" height=\"22\" viewBox=\"0 0 90 22\">"
            + "<title>\(HTML.escaped(title))</title><polyline points=\"\(line)\"/>"
            + String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", last.0, last.1) + "</svg>"
    }

    /// The share of a department that stays home as a bar, its floor as a line across it.
    static func retained(_ share: Double, floor: Double?, title: String) -> String {
        let width = 120.0
        var svg =
            "<svg class=\"chart retained\" role=\"img\" width=\"120\" height=\"14\" viewBox=\"0 0 120 14\">"
            + "<title>\(HTML.escaped(title))</title><rect x=\"0\" y=\"2\" width=\"120\" height=\"10\" class=\"track\"/>"
            + "<rect x=\"0\" y=\"2\" width=\"\(fixed(width * share))\" height=\"10\" class=\"\(floor.map { share < $0 ? "below" : "kept" } ?? "kept")\"/>"
        if let floor {
            svg += String(
                format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"14\" class=\"floor\"/>", width * floor,
                width * floor)
        }
        return svg + "</svg>"
    }

    /// `value` with one decimal, for coordinates.
    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The colour of a heat-map cell of `count` when the largest is `largest`: white for none, darker blue for
    /// more.
    static func heat(_ count: Int, largest: Int) -> String {
        guard count > 0 else { return "" }
        let lightness = 85 - 55 * Double(count) / Double(max(largest, 1))
        return "background:hsl(212,60%,\(wholeNumber(lightness))%)" + (lightness < 62 ? ";color:#fff" : "")
    }

    /// The colour scale of the heat map, with its numbers.
    static func heatLegend(largest: Int) -> String {
        let steps = Array(Set([1, max(1, largest / 4), max(1, largest / 2), largest].filter { $0 > 0 })).sorted()
        let cells = steps.map { "<span class=\"swatch\" style=\"\(heat($0, largest: largest))\">\($0)</span>" }
        return "<p class=\"legend\">Members drawn: " + cells.joined() + " — an empty cell draws none.</p>"
    }
}
