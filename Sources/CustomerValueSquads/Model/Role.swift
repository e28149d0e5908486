/// A specialist's role in a squad, such as `"surgeon"` or `"squad lead"`.
///
/// An organisation refuses a role whose name is empty or only white space
/// (``OrganizationError/Code/invalidValue``).
public struct Role: TextValue {
    /// The role's name.
    public var rawValue: String

    /// Creates a value from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
}
