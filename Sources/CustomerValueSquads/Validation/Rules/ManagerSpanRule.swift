/// A manager with very few direct reports adds a layer for little; one with very many cannot coach them all.
///
/// Codes: ``Finding/Code/specialistSpanTooNarrow`` and ``Finding/Code/specialistSpanTooWide`` — a note per
/// manager whose span (their direct reports, see ``ReportingLines``) is below
/// ``ValidationPolicy/Thresholds/minimumSpan`` (3 by default) or above
/// ``ValidationPolicy/Thresholds/maximumSpan`` (15 by default). The rule is not in the default policy: most real
/// organisations have many managers outside any range, and a note for each says little until spans are what the
/// change is about. Add it with `.default.adding(ManagerSpanRule())`.
public struct ManagerSpanRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.specialistSpanTooNarrow, .specialistSpanTooWide] }

    /// Reports every manager whose span is out of range, in identifier order.
    ///
    /// - Complexity: O(*m* log *m*), where *m* is the number of managers.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        let (minimum, maximum) = (context.thresholds.minimumSpan, context.thresholds.maximumSpan)
        var findings: [Finding] = []
        // The spans straight from the index of reports; the layers that reportingLines() also walks are not needed.
        let reports = organization.reportsOf
        for manager in reports.keys.sorted() {
            guard let span = reports[manager]?.count, span > 0 else { continue }
            if span < minimum {
                findings.append(
                    Finding(
                        .note, .specialistSpanTooNarrow, subject: .specialist(manager),
                        text: """
                            \(manager) manages \(span) \(span == 1 ? "person" : "people") directly: a layer for \
                            few; at least \(minimum) expected
                            """,
                        figures: ["span": Double(span), "minimum": Double(minimum)]))
            } else if span > maximum {
                findings.append(
                    Finding(
                        .note, .specialistSpanTooWide, subject: .specialist(manager),
                        text: """
                            \(manager) manages \(span) people directly, too many to coach; at most \(maximum) \
                            expected
                            """,
                        figures: ["span": Double(span), "maximum": Double(maximum)]))
            }
        }
        return findings
    }
}

extension Finding.Code {
    /// A manager has fewer direct reports than the policy's minimum span (``ManagerSpanRule``, not in the
    /// default policy).
    public static let specialistSpanTooNarrow: Self = "specialist.span.tooNarrow"
    /// A manager has more direct reports than the policy's maximum span (``ManagerSpanRule``, not in the default
    /// policy).
    public static let specialistSpanTooWide: Self = "specialist.span.tooWide"
}
