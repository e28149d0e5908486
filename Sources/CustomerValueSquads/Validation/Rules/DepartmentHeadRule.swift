/// Every department has a head: the silo's vertical line ends in a person.
///
/// Code: ``Finding/Code/departmentWithoutHead`` — a warning per department.
public struct DepartmentHeadRule: ValidationRule {
    /// Creates the rule.
    public init() {}

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.departmentWithoutHead] }

    /// Checks every department for a head.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        organization.departments.filter { $0.head == nil }.map { department in
            Finding(
                .warning,
                .departmentWithoutHead,
                subject: .department(department.id),
                text: "\(department.name) has no head; appoint one"
            )
        }
    }
}

extension Finding.Code {
    /// A department has no head.
    public static let departmentWithoutHead: Self = "department.noHead"
}
