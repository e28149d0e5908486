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
    ///   managers and *d* the number of departments: the specialists numbered once (see the layout below), then one
    ///   pass over the numbers, in no particular order.
    public func reportingLines() -> ReportingLines {
        let layout = ReportingLayout(self)
        var spanOf: [Specialist.ID: Int] = [:]
        spanOf.reserveCapacity(reportsOf.count)
        var spans: [Int] = []
        var spansByDepartment = Array(repeating: [Int](), count: layout.departmentIDs.count)
        var layersByDepartment = Array(repeating: 0, count: layout.departmentIDs.count)
        var layers = 0
        var topManagers: [Specialist.ID] = []
        for node in 0..<layout.count {
            let department = Int(layout.department[node])
            let depth = Int(layout.depth[node]) + 1
            if depth > layers { layers = depth }
            let run = Int(layout.runInDepartment[node])
            if run > layersByDepartment[department] { layersByDepartment[department] = run }
            let span = Int(layout.span[node])
            guard span > 0 else { continue }
            spanOf[layout.ids[node]] = span
            spans.append(span)
            spansByDepartment[department].append(span)
            if layout.parent[node] < 0 { topManagers.append(layout.ids[node]) }
        }
        var numberOf: [Department.ID: Int] = [:]
        numberOf.reserveCapacity(layout.departmentIDs.count)
        for (number, id) in layout.departmentIDs.enumerated() { numberOf[id] = number }
        let departments = self.departments.map { department in
            let number = numberOf[department.id]
            return ReportingLines.DepartmentLines(
                department: department.id, spans: .init(number.map { spansByDepartment[$0] } ?? []),
                layers: number.map { layersByDepartment[$0] } ?? 0)
        }
        return ReportingLines(
            spans: .init(spans), layers: layers, topManagers: topManagers.sorted(), departments: departments,
            spanOf: spanOf)
    }
}

/// The reporting lines as a forest over the positions of a ``ReportingLayout``, with the tables the lowest common
/// manager of two people is found with in O(log *h*) (binary lifting).
struct ReportingTree {
    /// The specialists and their lines, by position.
    let layout: ReportingLayout
    /// The number of lifting levels: `ancestor` holds `levels` rows of `layout.count` positions.
    private let levels: Int
    /// Row `k`, position `node`: the manager 2^k layers above `node`, or -1.
    private var ancestor: [Int32] = []

    /// Lays out the organisation's reporting lines with their lifting tables.
    ///
    /// - Complexity: O(*s* log *h*), where *s* is the number of specialists and *h* the number of layers.
    init(_ organization: Organization) {
        layout = ReportingLayout(organization)
        let count = layout.count
        let tallest = Int(layout.depth.max() ?? 0)
        var levels = 1
        while 1 << levels <= tallest { levels += 1 }
        self.levels = levels
        ancestor.reserveCapacity(levels * count)
        ancestor.append(contentsOf: layout.parent)
        for level in 1..<levels {
            let previous = (level - 1) * count
            for node in 0..<count {
                let halfway = ancestor[previous + node]
                ancestor.append(halfway < 0 ? -1 : ancestor[previous + Int(halfway)])
            }
        }
    }

    /// The position of a specialist, or `nil` for someone not in the organisation.
    func position(of id: Specialist.ID) -> Int? { layout.position[id].map(Int.init) }

    /// The number of managers above the specialist at `node` (0 at the top).
    func depth(_ node: Int) -> Int { Int(layout.depth[node]) }

    /// Whether the specialist at `node` reports to no one.
    func isAtTop(_ node: Int) -> Bool { layout.parent[node] < 0 }

    /// The manager 2^`level` layers above `node`, or -1.
    private func ancestor(_ level: Int, _ node: Int) -> Int { Int(ancestor[level * layout.count + node]) }

    /// The lowest specialist both `a` and `b` are, or report to (directly or not); `nil` when their lines meet
    /// only above the top, in no one.
    ///
    /// - Complexity: O(log *h*), where *h* is the number of layers.
    func lowestCommonManager(_ a: Int, _ b: Int) -> Int? {
        var a = a
        var b = b
        if layout.depth[a] < layout.depth[b] { swap(&a, &b) }
        var difference = Int(layout.depth[a] - layout.depth[b])
        var level = 0
        while difference > 0 {
            if difference & 1 == 1 { a = ancestor(level, a) }
            difference >>= 1
            level += 1
        }
        if a == b { return a }
        for level in (0..<levels).reversed() where ancestor(level, a) != ancestor(level, b) {
            a = ancestor(level, a)
            b = ancestor(level, b)
        }
        let meeting = Int(layout.parent[a])
        return meeting < 0 ? nil : meeting
    }
}
