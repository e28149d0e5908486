/// A named what-if branch of an organisation: an ordered list of changes to apply to a baseline.
///
/// A scenario holds no organisation of its own; ``projection(of:)`` applies its changes to the baseline it is
/// asked about, so one scenario can be tried on this quarter's organisation and on next quarter's. Record the
/// changes with ``Organization/record(reason:on:_:)`` or compute them with ``Organization/changes(from:reason:on:)``;
/// branch a scenario into another with ``branching(_:adding:)``.
///
/// ```swift
/// var plan = Scenario(name: "Five squads next quarter")
/// var draft = organization
/// plan.changes += try draft.record(reason: "form the Java squads", on: "2027-01-04") {
///     try $0.formSquad(jakarta)
///     try $0.formSquad(surabaya)
/// }
/// let impact = try plan.projection(of: organization).impact(comparedTo: organization)
/// ```
public struct Scenario: Sendable, Hashable, Codable {
    /// The scenario's name, such as `"Five squads next quarter"`.
    public var name: String
    /// The changes, in the order they apply.
    public var changes: [OrganizationChange]

    /// Creates a scenario.
    ///
    /// - Parameters:
    ///   - name: The scenario's name.
    ///   - changes: The changes, in the order they apply; none by default.
    public init(name: String, changes: [OrganizationChange] = []) {
        self.name = name
        self.changes = changes
    }

    /// The organisation the scenario leads to from `baseline`.
    ///
    /// - Parameter baseline: The organisation the changes apply to.
    /// - Returns: The baseline with every change applied, in order.
    /// - Throws: The ``OrganizationError`` of the first change refused, with ``OrganizationError/path``
    ///   `["changes", "<index>"]` naming it and the message saying which change it was; nothing is applied.
    /// - Complexity: O(*k*) in the size of the changes, plus what each change costs (see
    ///   ``Organization/apply(_:)-(OrganizationChange)``).
    public func projection(of baseline: Organization) throws(OrganizationError) -> Organization {
        var organization = baseline
        for (index, change) in changes.enumerated() {
            do {
                try organization.apply(change)
            } catch {
                throw OrganizationError(
                    code: error.code,
                    message: "change \(index + 1) of \(changes.count) in scenario \(String(reflecting: name)) "
                        + "(\(change.action.kind)) is refused: \(error.message)",
                    path: ["changes", String(index)])
            }
        }
        return organization
    }

    /// A scenario that goes on from this one: its changes, then `more`.
    ///
    /// - Parameters:
    ///   - name: The new scenario's name.
    ///   - more: The changes that follow this scenario's.
    /// - Returns: The branch; this scenario is unchanged.
    public func branching(_ name: String, adding more: [OrganizationChange]) -> Scenario {
        Scenario(name: name, changes: changes + more)
    }
}
