/// A department that no squad connects to any other is a silo still closed: its people serve in no squad, or
/// only in squads drawn from it alone.
///
/// Code: ``Finding/Code/departmentSiloIsland`` — a note per island (see ``SiloNetwork/islands``). The rule is not in the
/// default policy: early in a transformation most departments are islands, and a note for each says little.
/// Add it when the rollout should have reached every silo:
///
/// ```swift
/// let report = organization.validate(policy: .default.adding(SiloIslandRule()))
/// ```
public struct SiloIslandRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.departmentSiloIsland] }

    /// Reports each department that no squad links to another.
    ///
    /// - Complexity: O(*m* + *q* · *k*²), as ``Organization/siloNetwork()``.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        organization.siloNetwork().islands.compactMap { id in
            guard let department = organization.department(id) else { return nil }
            return Finding(
                .note,
                .departmentSiloIsland,
                subject: .department(id),
                message: "\(department.name) is an island: no squad draws from it together with another department; "
                    + "staff a squad from it and another silo")
        }
    }
}

extension Finding.Code {
    /// A department that no squad connects to any other (``SiloIslandRule``, not in the default policy).
    public static let departmentSiloIsland: Self = "department.silo.island"
    /// The former name of ``departmentSiloIsland``.
    @available(*, deprecated, renamed: "departmentSiloIsland")
    public static let siloIsland: Self = .departmentSiloIsland
}
