/// The shape of the reporting lines: how many people each manager has, and how tall the lines are — for the
/// whole organisation and for each department.
///
/// A *manager* is a specialist someone reports to; their *span* is the number of their direct reports. A
/// line's *layers* are the people on it from someone with no manager down to someone who manages no one, both
/// counted: a specialist on their own is one layer, a manager with reports two. An organisation's layers are
/// those of its longest line; a department's are those of the longest line of its own staff, each reporting to
/// the next.
public struct ReportingLines: Sendable, Hashable, Codable {
    /// The spans of a group of managers.
    public struct Spans: Sendable, Hashable, Codable {
        /// The number of managers: specialists with at least one direct report.
        public var managers: Int
        /// The smallest span; 0 when there are no managers.
        public var minimum: Int
        /// The median span (the mean of the middle two for an even count); 0 when there are no managers.
        public var median: Double
        /// The largest span; 0 when there are no managers.
        public var maximum: Int
        /// How many managers have each span, by span, the spans in increasing order.
        public var distribution: [SpanCount]

        /// Summarises `spans`, one per manager.
        init(_ spans: [Int]) {
            let sorted = spans.sorted()
            managers = sorted.count
            minimum = sorted.first ?? 0
            maximum = sorted.last ?? 0
            if sorted.isEmpty {
                median = 0
            } else if sorted.count % 2 == 1 {
                median = Double(sorted[sorted.count / 2])
            } else {
                median = Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            }
            var counts: [SpanCount] = []
            for span in sorted {
                if counts.last?.span == span {
                    counts[counts.count - 1].managers += 1
                } else {
                    counts.append(SpanCount(span: span, managers: 1))
                }
            }
            distribution = counts
        }
    }

    /// How many managers have one span.
    public struct SpanCount: Sendable, Hashable, Codable {
        /// The span: a number of direct reports.
        public var span: Int
        /// How many managers have it.
        public var managers: Int
    }

    /// One department's spans and layers.
    public struct DepartmentLines: Sendable, Hashable, Codable {
        /// The department.
        public var department: Department.ID
        /// The spans of the managers whose home department it is (their reports may be anywhere).
        public var spans: Spans
        /// The layers of the longest line of its own staff; 0 for a department without staff.
        public var layers: Int
    }

    /// The spans of every manager of the organisation.
    public var spans: Spans
    /// The layers of the organisation's longest line; 0 for an organisation without specialists.
    public var layers: Int
    /// The specialists at the top of a line (with no manager) who manage someone, sorted by identifier.
    public var topManagers: [Specialist.ID]
    /// Every department, sorted by identifier.
    public var departments: [DepartmentLines]
    /// Each manager's span, by manager.
    public var spanOf: [Specialist.ID: Int]
}

extension Organization {
    /// The spans of the managers and the layers of the reporting lines, for the organisation and each
    /// department; see ``ReportingLines`` for the definitions.
    ///
    /// - Complexity: O(*s* + *m* log *m* + *d* log *d*), where *s* is the number of specialists, *m* the number of
    ///   managers and *d* the number of departments: one walk down the lines from the top, in no particular order.
    public func reportingLines() -> ReportingLines {
        var spanOf: [Specialist.ID: Int] = [:]
        spanOf.reserveCapacity(reportsOf.count)
        var spansByDepartment: [Department.ID: [Int]] = [:]
        for (manager, reports) in reportsOf where !reports.isEmpty {
            spanOf[manager] = reports.count
            if let home = specialistsByID[manager]?.department {
                spansByDepartment[home, default: []].append(reports.count)
            }
        }
        // Down the lines from the people at the top: each person's layer, and their layer within the run of their
        // own department's staff that ends with them.
        var layersByDepartment: [Department.ID: Int] = [:]
        var layers = 0
        var topManagers: [Specialist.ID] = []
        var stack: [(id: Specialist.ID, department: Department.ID, layer: Int, inDepartment: Int)] = []
        for (id, specialist) in specialistsByID where specialist.manager == nil {
            if reportsOf[id]?.isEmpty == false { topManagers.append(id) }
            stack.append((id, specialist.department, 1, 1))
            while let (id, department, layer, inDepartment) = stack.popLast() {
                layers = max(layers, layer)
                if inDepartment > layersByDepartment[department, default: 0] {
                    layersByDepartment[department] = inDepartment
                }
                for report in reportsOf[id] ?? [] {
                    guard let home = specialistsByID[report]?.department else { continue }
                    stack.append((report, home, layer + 1, home == department ? inDepartment + 1 : 1))
                }
            }
        }
        let departments = self.departments.map { department in
            ReportingLines.DepartmentLines(
                department: department.id, spans: .init(spansByDepartment[department.id] ?? []),
                layers: layersByDepartment[department.id] ?? 0)
        }
        return ReportingLines(
            spans: .init(Array(spanOf.values)), layers: layers, topManagers: topManagers.sorted(),
            departments: departments, spanOf: spanOf)
    }
}

/// The reporting lines as a forest over dense positions, every manager before their reports, with the tables
/// the lowest common manager of two people is found with in O(log *h*) (binary lifting).
struct ReportingTree {
    /// The specialists, managers before their reports.
    private(set) var ids: [Specialist.ID] = []
    /// The position of each specialist.
    private(set) var position: [Specialist.ID: Int] = [:]
    /// The position of each specialist's manager, or -1.
    private(set) var parent: [Int] = []
    /// The number of managers above each specialist (0 at the top).
    private(set) var depth: [Int] = []
    /// `ancestor[k][node]`: the manager 2^k layers above `node`, or -1.
    private var ancestor: [[Int]] = []

    /// Lays out the organisation's reporting lines with their lifting tables.
    ///
    /// - Complexity: O(*s* log *h*).
    init(_ organization: Organization) {
        let count = organization.specialistsByID.count
        ids.reserveCapacity(count)
        position.reserveCapacity(count)
        parent.reserveCapacity(count)
        depth.reserveCapacity(count)
        // Breadth first from the people at the top, so every manager comes before their reports.
        for (id, specialist) in organization.specialistsByID where specialist.manager == nil {
            position[id] = ids.count
            ids.append(id)
            parent.append(-1)
            depth.append(0)
        }
        var next = 0
        while next < ids.count {
            let manager = next
            next += 1
            for report in organization.reportsOf[ids[manager]] ?? [] {
                position[report] = ids.count
                ids.append(report)
                parent.append(manager)
                depth.append(depth[manager] + 1)
            }
        }
        ancestor = [parent]
        let tallest = depth.last ?? 0  // breadth first: the deepest come last
        var reach = 1
        while reach < tallest {
            let previous = ancestor[ancestor.count - 1]
            ancestor.append(previous.map { $0 < 0 ? -1 : previous[$0] })
            reach *= 2
        }
    }
    /// The lowest specialist both `a` and `b` are, or report to (directly or not); `nil` when their lines meet
    /// only above the top, in no one.
    ///
    /// - Complexity: O(log *h*), where *h* is the number of layers.
    func lowestCommonManager(_ a: Int, _ b: Int) -> Int? {
        var a = a
        var b = b
        if depth[a] < depth[b] { swap(&a, &b) }
        var difference = depth[a] - depth[b]
        var level = 0
        while difference > 0 {
            if difference & 1 == 1 { a = ancestor[level][a] }
            difference >>= 1
            level += 1
        }
        if a == b { return a }
        for level in ancestor.indices.reversed() where ancestor[level][a] != ancestor[level][b] {
            a = ancestor[level][a]
            b = ancestor[level][b]
        }
        let meeting = parent[a]
        return meeting < 0 ? nil : meeting
    }
}
