/// The reporting lines laid out over dense positions: each specialist a number, their manager and department as
/// numbers, and how far each stands below the top — so the walks of ``Organization/reportingLines()`` and
/// ``Organization/decisionDistances()`` index arrays instead of hashing identifiers.
///
/// Positions are given department by department, in no particular order. Building the layout hashes each
/// specialist's identifier twice (once to number them, once to find the manager of each report); everything
/// after that is array arithmetic.
struct ReportingLayout {
    /// The specialist at each position.
    private(set) var ids: [Specialist.ID] = []
    /// The position of each specialist.
    private(set) var position: [Specialist.ID: Int32] = [:]
    /// The departments that have staff, numbered; each position's department is a number into this list.
    private(set) var departmentIDs: [Department.ID] = []
    /// The department number of each position.
    private(set) var department: [Int32] = []
    /// The position of each specialist's manager, or -1 for someone who reports to no one.
    private(set) var parent: [Int32] = []
    /// The number of direct reports of each position.
    private(set) var span: [Int32] = []
    /// The number of managers above each position (0 at the top).
    private(set) var depth: [Int32] = []
    /// The length of the run of the department's own staff, each reporting to the next, that ends at each
    /// position (1 when the manager is elsewhere or there is none).
    private(set) var runInDepartment: [Int32] = []

    /// The number of specialists.
    var count: Int { ids.count }

    /// Lays out the organisation's specialists and their lines.
    ///
    /// - Complexity: O(*s*), where *s* is the number of specialists: one numbering, one pass over the reports, and
    ///   each position's depth found once by climbing only to the first manager already placed.
    init(_ organization: Organization) {
        let count = organization.specialistsByID.count
        ids.reserveCapacity(count)
        position.reserveCapacity(count)
        department.reserveCapacity(count)
        for (departmentID, staff) in organization.staffOfDepartment where !staff.isEmpty {
            let number = Int32(departmentIDs.count)
            departmentIDs.append(departmentID)
            for id in staff {
                position[id] = Int32(ids.count)
                ids.append(id)
                department.append(number)
            }
        }
        parent = Array(repeating: -1, count: ids.count)
        span = Array(repeating: 0, count: ids.count)
        for (manager, reports) in organization.reportsOf {
            guard let managerPosition = position[manager] else { continue }
            span[Int(managerPosition)] = Int32(reports.count)
            for report in reports {
                if let reportPosition = position[report] { parent[Int(reportPosition)] = managerPosition }
            }
        }
        placeEveryone()
    }

    /// Fills ``depth`` and ``runInDepartment``: for each position not yet placed, climbs to the first manager
    /// that is (or to the top), then places the climbed positions from the top down. The lines have no cycle (an
    /// invariant of ``Organization``), so every climb ends.
    private mutating func placeEveryone() {
        depth = Array(repeating: -1, count: ids.count)
        runInDepartment = Array(repeating: 0, count: ids.count)
        var climbed: [Int32] = []
        for start in ids.indices where depth[start] < 0 {
            var current = Int32(start)
            while current >= 0, depth[Int(current)] < 0 {
                climbed.append(current)
                current = parent[Int(current)]
            }
            while let next = climbed.popLast() {
                let node = Int(next)
                let manager = parent[node]
                if manager < 0 {
                    depth[node] = 0
                    runInDepartment[node] = 1
                } else {
                    depth[node] = depth[Int(manager)] + 1
                    runInDepartment[node] =
                        department[Int(manager)] == department[node] ? runInDepartment[Int(manager)] + 1 : 1
                }
            }
        }
    }
}
