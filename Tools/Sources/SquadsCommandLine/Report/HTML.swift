import Foundation

/// A page of HTML being written, every text escaped.
struct HTML {
    private(set) var text = ""

    mutating func raw(_ markup: String) { text += markup }

    mutating func open(_ declaration: String) { text += "<\(declaration)>\n" }

    mutating func element(_ name: String, _ content: String, class className: String? = nil, attributes: String = "") {
        text += Self.tag(name, Self.escaped(content), class: className, attributes: attributes)
    }

    /// `<name class="…" …>markup</name>`, the markup as it is.
    static func tag(_ name: String, _ markup: String, class className: String? = nil, attributes: String = "") -> String
    {
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        let extra = attributes.isEmpty ? "" : " \(attributes)"
        return "<\(name)\(classAttribute)\(extra)>\(markup)</\(name)>"
    }

    /// A name as people wrote it — in any script, left to right or right to left — isolated from the text
    /// around it so its direction does not spill over.
    static func name(_ text: String) -> String { "<bdi>\(escaped(text))</bdi>" }

    /// A number for people: whole numbers as they are, others with as many decimals as are worth reading — two
    /// below 10, one below 1 000, none above (46 538 FTE, not 46 537.50). Large numbers are grouped by thousands
    /// with a thin space (200 000); a value that is not finite is `–`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let decimals = abs(value) < 10 ? 2 : abs(value) < 1_000 ? 1 : 0
        let text =
            value == value.rounded() && abs(value) < 1e15
            ? String(Int(value)) : String(format: "%.\(decimals)f", value)
        let digits = text.prefix { $0 != "." }.drop { $0 == "-" }
        guard digits.count > 4 else { return text }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return (text.hasPrefix("-") ? "-" : "") + grouped + text.drop { $0 != "." }
    }

    /// A share from 0 to 1 as a whole percentage.
    static func percent(_ value: Double) -> String { "\(wholeNumber(value * 100))%" }

    /// `text` for HTML text or a quoted attribute, escaped by Unicode scalar: a quote followed by a combining mark
    /// is one `Character` but still a quote to the browser.
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
