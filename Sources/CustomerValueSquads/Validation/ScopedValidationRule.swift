/// The parts of an organisation a rule's findings come from, so ``LiveValidation`` re-runs the rule only where a
/// change reaches.
///
/// Each member names one of the rule's checks, and what that check may read:
///
/// | Member | Check | Reads |
/// |---|---|---|
/// | ``squad`` | `check(_:in:)` taking a ``CustomerValueSquad`` | the squad, its members' records (skills, department, …) and the data assets it names |
/// | ``specialist`` | `check(_:in:)` taking a ``Specialist`` | that specialist, how much of their time squads book, and how many people report to them |
/// | ``department`` | `check(_:in:)` taking a ``Department`` | that department, its data assets, its own staff and their bookings |
/// | ``organization`` | `check(_:in:)` taking an ``Organization`` | the organisation's name and goal |
///
/// ``reportingLines`` widens what the squad and organisation checks read: with it, the squad check may also read
/// the reporting lines above the squad's members, and the organisation check the reporting lines of everyone.
///
/// Live validation calls only the checks the scope names. A full ``Organization/validate(policy:on:)`` calls the
/// squad and organisation checks as for any rule, so a rule that declares ``specialist`` or ``department`` makes
/// its organisation check return exactly what the per-specialist or per-department check returns for each of
/// them, and declares ``organization`` only if its organisation check reads nothing else.
public struct ValidationScope: OptionSet, Sendable, Hashable {
    /// The bits of the scope.
    public let rawValue: Int

    /// Creates a scope from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The squad check reads only the squad, its members' records and the data assets the squad names — not how
    /// the members' time is booked in other squads.
    public static let squad = ValidationScope(rawValue: 1 << 0)
    /// The findings about specialists come from the per-specialist check, which reads only that specialist, their
    /// bookings and the number of their direct reports.
    public static let specialist = ValidationScope(rawValue: 1 << 1)
    /// The findings about departments come from the per-department check, which reads only that department, its
    /// data assets, its own staff and their bookings.
    public static let department = ValidationScope(rawValue: 1 << 2)
    /// The organisation check reads only the organisation's name and goal.
    public static let organization = ValidationScope(rawValue: 1 << 3)
    /// The squad check (with ``squad``) may also read the reporting lines above the squad's members — each
    /// member's manager, theirs, and so on up — and the organisation check (with ``organization``) the reporting
    /// lines of everyone.
    ///
    /// Live validation then re-checks a squad also when the line above any of its members changes (someone on it
    /// gets another manager, or none, or leaves), and re-runs the organisation check also after any change of a
    /// manager. Alone, it names no check.
    public static let reportingLines = ValidationScope(rawValue: 1 << 4)
}

/// A validation rule that says which parts of an organisation its findings come from, so ``LiveValidation``
/// re-runs it only where a change reaches.
///
/// A rule that is not scoped is re-run whole after every change: its organisation check, and its squad check on
/// every squad. That is always correct, and costs what validating the whole organisation with that rule costs.
///
/// ```swift
/// struct NoOneAbove70Percent: ScopedValidationRule {
///     var codes: [Finding.Code] { ["acme.specialist.over70"] }
///     var scope: ValidationScope { .specialist }
///     func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding] {
///         guard context.organization.bookedPercent(of: specialist.id) > 70 else { return [] }
///         return [Finding(.warning, "acme.specialist.over70", subject: .specialist(specialist.id),
///                         message: "\(specialist.id) is booked over 70%")]
///     }
///     func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
///         organization.specialists.flatMap { check($0, in: context) }
///     }
/// }
/// ```
public protocol ScopedValidationRule: ValidationRule {
    /// The checks live validation calls, and what each reads.
    var scope: ValidationScope { get }

    /// The findings about one specialist, when the scope includes ``ValidationScope/specialist``.
    ///
    /// The default implementation returns none.
    func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding]

    /// The findings about one department, when the scope includes ``ValidationScope/department``.
    ///
    /// The default implementation returns none.
    func check(_ department: Department, in context: ValidationContext) -> [Finding]
}

extension ScopedValidationRule {
    /// Returns no findings.
    public func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding] { [] }

    /// Returns no findings.
    public func check(_ department: Department, in context: ValidationContext) -> [Finding] { [] }
}
