/// A speciality a specialist brings and a mission may need, such as `"surgery"` or `"analytics"`.
///
/// Skills compare by their exact text. An organisation refuses a skill whose name is empty or only
/// white space (``OrganizationError/Code/invalidValue``).
public struct Skill: TextValue {
    /// The skill's name.
    public var rawValue: String

    /// Creates a value from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The analytics skill: the squad's "brain" piece of intelligence and analytics.
    public static let analytics: Skill = "analytics"
}

/// How well a specialist masters a skill, from ``novice`` to ``expert``.
///
/// Encoded as its name (`"novice"`, `"competent"`, `"proficient"`, `"expert"`).
public enum Proficiency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Learning the skill; needs guidance.
    case novice
    /// Works with the skill unaided on ordinary tasks.
    case competent
    /// Handles hard cases with the skill.
    case proficient
    /// Sets the standard for the skill; teaches others.
    case expert

    /// The level as a number from 1 (novice) to 4 (expert).
    public var level: Int {
        switch self {
        case .novice: 1
        case .competent: 2
        case .proficient: 3
        case .expert: 4
        }
    }

    /// Orders levels from novice to expert.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.level < rhs.level }
}
