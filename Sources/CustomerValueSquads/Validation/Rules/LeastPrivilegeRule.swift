/// A squad holds grants only to data its mission needs, and no expired grant lingers: the silos open their
/// data for a reason and for a time.
///
/// Codes: ``Finding/Code/squadGrantNotNeeded`` and ``Finding/Code/squadGrantExpired`` — a warning per grant.
public struct LeastPrivilegeRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadGrantNotNeeded, .squadGrantExpired] }

    /// Checks each grant against the mission's needs and the validation day.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let suspect = squad.grants.contains { asset, grant in
            !squad.mission.requiredData.contains(asset) || !grant.isLive(on: context.judgingDay)
        }
        guard suspect else { return [] }
        var findings: [Finding] = []
        for (asset, grant) in squad.grants.sorted(by: { $0.key < $1.key }) {
            if !squad.mission.requiredData.contains(asset) {
                findings.append(
                    Finding(
                        .warning,
                        .squadGrantNotNeeded,
                        subject: .grant(squad: squad.id, asset: asset),
                        text: """
                            the squad holds a grant to \(asset), which its mission does not need; revoke it or \
                            add it to the mission
                            """
                    )
                )
            }
            if !grant.isLive(on: context.judgingDay) {
                let when = grant.expires.map { " on \($0)" } ?? ""
                findings.append(
                    Finding(
                        .warning,
                        .squadGrantExpired,
                        subject: .grant(squad: squad.id, asset: asset),
                        text: "the grant to \(asset) expired\(when) and gives no access; revoke or renew it"
                    )
                )
            }
        }
        return findings
    }
}

extension Finding.Code {
    /// A squad holds a grant to data its mission does not need.
    public static let squadGrantNotNeeded: Self = "squad.grant.notNeeded"
    /// The former name of ``squadGrantNotNeeded``.
    @available(*, deprecated, renamed: "squadGrantNotNeeded")
    public static let unneededGrant: Self = .squadGrantNotNeeded
    /// A squad still holds a grant that has expired.
    public static let squadGrantExpired: Self = "squad.grant.expired"
    /// The former name of ``squadGrantExpired``.
    @available(*, deprecated, renamed: "squadGrantExpired")
    public static let expiredGrant: Self = .squadGrantExpired
}
