/// A tall hierarchy is the article's silo: information travels up and down, not sideways, and each layer is a
/// stop on the way.
///
/// Code: ``Finding/Code/organizationLayersTooMany`` — a warning when the longest reporting line has more layers
/// (see ``ReportingLines``) than ``ValidationPolicy/Thresholds/maximumLayers`` (8 by default), naming the line.
/// The rule is not in the default policy; add it with `.default.adding(ReportingLayersRule())`.
public struct ReportingLayersRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``. The organisation check reads every reporting
    /// line, so live validation re-runs it after a change of a manager, and after no other change.
    public var scope: ValidationScope { [.organization, .reportingLines] }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.organizationLayersTooMany] }

    /// Reports an organisation whose longest line is taller than the policy allows.
    ///
    /// - Complexity: O(*s*), where *s* is the number of specialists.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumLayers
        let layout = ReportingLayout(organization)
        let tallest = layout.depth.max() ?? -1
        let layers = Int(tallest) + 1
        guard layers > maximum else { return [] }
        // The line: from the first (by identifier) at the bottom of a longest line up to the top.
        var bottom: Specialist.ID?
        for node in 0..<layout.count where layout.depth[node] == tallest {
            if bottom.map({ layout.ids[node] < $0 }) ?? true { bottom = layout.ids[node] }
        }
        let line = bottom.map { [$0] + organization.managers(of: $0) } ?? []
        return [
            Finding(
                .warning, .organizationLayersTooMany, subject: .organization,
                text: """
                    the longest reporting line has \(layers) layers (\(line.reversed().map(\.rawValue)
                    .joined(separator: " → "))); at most \(maximum) expected
                    """,
                figures: ["layers": Double(layers), "maximum": Double(maximum)])
        ]
    }
}

extension Finding.Code {
    /// The longest reporting line has more layers than the policy allows (``ReportingLayersRule``, not in the
    /// default policy).
    public static let organizationLayersTooMany: Self = "organization.layers.tooMany"
}
