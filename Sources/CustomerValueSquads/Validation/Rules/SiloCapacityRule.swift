/// A department keeps at home at least the share of its capacity its ``Department/capacityFloor`` asks: the
/// silo stays the company's centre of expertise while its people serve in squads.
///
/// Codes: ``Finding/Code/departmentCapacityBelowFloor`` (a warning) when less is left at home than the floor;
/// ``Finding/Code/departmentCapacityDrained`` (an error) when it is short by more than
/// ``ValidationPolicy/Thresholds-swift.struct/capacityFloorMarginPercent`` percentage points. Departments
/// without a floor are not judged.
public struct SiloCapacityRule: ScopedValidationRule {
    /// Creates the rule.
    public init() {}

    /// The checks live validation calls: see ``ValidationScope``.
    public var scope: ValidationScope { .department }

    /// The codes this rule may report.
    public var codes: [Finding.Code] { [.departmentCapacityBelowFloor, .departmentCapacityDrained] }

    /// Checks every department with a floor.
    ///
    /// - Complexity: O(*s*) in the specialists of the departments with a floor.
    public func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        organization.departments.flatMap { check($0, in: context) }
    }

    /// Checks one department, if it has a floor.
    ///
    /// - Complexity: O(*s*) in the department's own staff.
    public func check(_ department: Department, in context: ValidationContext) -> [Finding] {
        // Only departments with a floor can fall below it: the others' staff are not counted.
        let organization = context.organization
        guard department.capacityFloor != nil, let capacity = organization.siloCapacity(of: department.id),
            let floor = capacity.floor,
            capacity.backfill > 0
        else { return [] }
        let short = (floor - capacity.shareRetained) * 100
        let drained = short > Double(context.thresholds.capacityFloorMarginPercent)
        let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
        return [
            Finding(
                drained ? .error : .warning,
                drained ? .departmentCapacityDrained : .departmentCapacityBelowFloor,
                subject: .department(department.id),
                text: """
                    \(department.name) keeps \(percent(capacity.shareRetained)) of its capacity at home, below \
                    its floor of \(percent(floor)); hire back \(capacity.backfill) FTE or release someone
                    """,
                figures: [
                    "retained": capacity.shareRetained, "floor": floor, "backfill": capacity.backfill,
                    "ftePulled": capacity.ftePulled,
                ]
            )
        ]
    }
}

extension Finding.Code {
    /// A department keeps less of its capacity at home than its floor asks.
    public static let departmentCapacityBelowFloor: Self = "department.capacity.belowFloor"
    /// The former name of ``departmentCapacityBelowFloor``.
    @available(*, deprecated, renamed: "departmentCapacityBelowFloor")
    public static let siloBelowFloor: Self = .departmentCapacityBelowFloor
    /// A department keeps far less of its capacity at home than its floor asks: more than the policy's margin.
    public static let departmentCapacityDrained: Self = "department.capacity.drained"
    /// The former name of ``departmentCapacityDrained``.
    @available(*, deprecated, renamed: "departmentCapacityDrained")
    public static let siloDrained: Self = .departmentCapacityDrained
}
