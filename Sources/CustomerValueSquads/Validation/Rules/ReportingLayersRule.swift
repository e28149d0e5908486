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
    /// - Complexity: O(*s*), where *s* is the number of specialists: the lines are walked down from the top one
    ///   layer at a time, each person's reports looked up once.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        let maximum = context.thresholds.maximumLayers
        let (layers, deepest) = Self.longestLines(of: organization)
        guard layers > maximum else { return [] }
        // The line: from the first (by identifier) at the bottom of a longest line up to the top.
        let bottom = deepest.min()
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

extension ReportingLayersRule {
    /// The layers of the longest lines, and the people at the bottom of them.
    static func longestLines(of organization: Organization) -> (layers: Int, bottom: [Specialist.ID]) {
        let specialists = organization.specialistsByID
        guard !specialists.isEmpty else { return (0, []) }
        let reportsOf = organization.reportsOf
        // Without a line, everyone is a line of one.
        guard !reportsOf.isEmpty else { return (1, Array(specialists.keys)) }
        // The managers at the top, then each layer below them.
        var layer = reportsOf.keys.filter { specialists[$0]?.manager == nil }
        var layers = 1
        while true {
            var below: [Specialist.ID] = []
            for manager in layer { if let reports = reportsOf[manager] { below.append(contentsOf: reports) } }
            guard !below.isEmpty else { return (layers, layer) }
            layer = below
            layers += 1
        }
    }
}

extension Finding.Code {
    /// The longest reporting line has more layers than the policy allows (``ReportingLayersRule``, not in the
    /// default policy).
    public static let organizationLayersTooMany: Self = "organization.layers.tooMany"
}
