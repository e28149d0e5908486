/// Every data asset a squad's mission needs is reachable through a grant: the squad can pull information
/// out of the silos into its own well.
///
/// Code: ``Finding/Code/squadDataUnreachable`` — an error, or a warning while forming; one finding per asset.
public struct DataReachRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .squad }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.squadDataUnreachable] }

    /// Checks that each needed asset has a grant.
    public func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        // The same rule as Organization.canReach, for a squad that is not dissolved and is at hand.
        var unreachable: [DataAsset.ID] = []
        for asset in squad.mission.requiredData where !(squad.grants[asset]?.isLive(on: context.judgingDay) ?? false) {
            unreachable.append(asset)
        }
        return unreachable.sorted().map { asset in
            let holder = context.organization.holder(of: asset).map { " held by \($0)" } ?? ""
            let why = squad.grants[asset] == nil ? "holds no grant to it" : "holds only an expired grant to it"
            return context.finding(
                .squadDataUnreachable, about: squad,
                text: "the mission needs \(asset)\(holder), but the squad \(why)"
            )
        }
    }
}

extension Finding.Code {
    /// A data asset the mission needs is not reachable through a grant.
    public static let squadDataUnreachable: Self = "squad.data.unreachable"
    /// The former name of ``squadDataUnreachable``.
    @available(*, deprecated, renamed: "squadDataUnreachable")
    public static let dataUnreachable: Self = .squadDataUnreachable
}
