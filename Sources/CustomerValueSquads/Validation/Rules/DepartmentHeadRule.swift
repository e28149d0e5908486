/// Every department has a head: the silo's vertical line ends in a person.
///
/// Code: ``Finding/Code/departmentNoHead`` — a warning per department.
public struct DepartmentHeadRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .department }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.departmentNoHead] }

    /// Checks every department for a head.
    ///
    /// - Complexity: O(*d*), where *d* is the number of departments.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        organization.departments.flatMap { check($0, in: context) }
    }

    /// Checks one department for a head.
    ///
    /// - Complexity: O(1).
    public func check(_ department: Department, in context: ValidationContext) -> [Finding] {
        guard department.head == nil else { return [] }
        return [
            Finding(
                .warning,
                .departmentNoHead,
                subject: .department(department.id),
                text: "\(department.name) has no head; appoint one"
            )
        ]
    }
}

extension Finding.Code {
    /// A department has no head.
    public static let departmentNoHead: Self = "department.noHead"
    /// The former name of ``departmentNoHead``.
    @available(*, deprecated, renamed: "departmentNoHead")
    public static let departmentWithoutHead: Self = .departmentNoHead
}
