/// A manager with very few direct reports adds a layer for little; one with very many cannot coach them all.
///
/// Codes: ``Finding/Code/specialistSpanTooNarrow`` and ``Finding/Code/specialistSpanTooWide`` — a note per
/// manager whose span (their direct reports, see ``ReportingLines``) is below
/// ``ValidationPolicy/Thresholds/minimumSpan`` (3 by default) or above
/// ``ValidationPolicy/Thresholds/maximumSpan`` (15 by default). The rule is not in the default policy: most real
/// organisations have many managers outside any range, and a note for each says little until spans are what the
/// change is about. Add it with `.default.adding(ManagerSpanRule())`.
public struct ManagerSpanRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``. A manager's span is read from the specialist
    /// check, so a change of someone's manager re-checks only the two managers concerned.
    public var scope: ValidationScope { .specialist }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.specialistSpanTooNarrow, .specialistSpanTooWide] }

    /// Reports every manager whose span is out of range, in identifier order.
    ///
    /// - Complexity: O(*m* log *m*), where *m* is the number of managers.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        // The spans straight from the index of reports; the layers that reportingLines() also walks are not needed.
        let reports = organization.reportsOf
        return reports.keys.sorted().flatMap { finding(about: $0, span: reports[$0]?.count ?? 0, in: context) }
    }

    /// Reports the specialist if they manage people and their span is out of range.
    ///
    /// - Complexity: O(1).
    public func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding] {
        finding(about: specialist.id, span: context.organization.reportsOf[specialist.id]?.count ?? 0, in: context)
    }

    private func finding(about manager: Specialist.ID, span: Int, in context: ValidationContext) -> [Finding] {
        let (minimum, maximum) = (context.thresholds.minimumSpan, context.thresholds.maximumSpan)
        guard span > 0 else { return [] }
        if span < minimum {
            return [
                Finding(
                    .note, .specialistSpanTooNarrow, subject: .specialist(manager),
                    text: """
                        \(manager) manages \(span) \(span == 1 ? "person" : "people") directly: a layer for few; at \
                        least \(minimum) expected
                        """,
                    figures: ["span": Double(span), "minimum": Double(minimum)])
            ]
        }
        if span > maximum {
            return [
                Finding(
                    .note, .specialistSpanTooWide, subject: .specialist(manager),
                    text: """
                        \(manager) manages \(span) people directly, too many to coach; at most \(maximum) expected
                        """,
                    figures: ["span": Double(span), "maximum": Double(maximum)])
            ]
        }
        return []
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
