import CustomerValueSquads

/// The silo × squad heat map of a report: how many members each squad (or group of squads) draws from each
/// department (or group of departments), with totals; aggregated when the full table would be large.
public struct ReportMatrix: Sendable, Equatable {
    /// A row: one department, or the departments left out together.
    public struct Row: Sendable, Equatable {
        /// The department, or `nil` for the row of the rest.
        public var department: Department.ID?
        /// What the row says: the department's name, or "and 180 more departments".
        public var label: String
        /// The members drawn into each column.
        public var cells: [Int]
        /// The members drawn into squads in all.
        public var total: Int
        /// The department's staff (all the rest's, for the row of the rest).
        public var staff: Int
        /// Where a comparison was asked for: the cells' values in the baseline, `nil` where nothing changed.
        public var before: [Int?]
    }

    /// A column: one squad, or the squads at one stage.
    public struct Column: Sendable, Equatable {
        /// The squad, or `nil` for a column of a stage.
        public var squad: CustomerValueSquad.ID?
        /// What the column says: the squad's name, or "forming (120 squads)".
        public var label: String
        /// The stage of the squad, or of the squads in the column.
        public var stage: CustomerValueSquad.Stage
        /// The members drawn into the column from every department.
        public var total: Int
    }

    /// The rows, in natural order of the departments' names — by members given, most first, when aggregated.
    public var rows: [Row]
    /// The columns: squads in natural order of their names, or one per stage when aggregated.
    public var columns: [Column]
    /// Whether rows or columns stand for groups because the full table would be large.
    public var isAggregated: Bool
    /// The largest cell of a department shown on its own, for the colour scale.
    public var largest: Int

    /// The most departments and squads shown one by one.
    public static let largestSide = 30
    /// The departments shown one by one in an aggregated table.
    public static let shownDepartments = 20

    /// The members each squad that is not dissolved draws from each department.
    static func drawn(_ organization: Organization) -> [Department.ID: [CustomerValueSquad.ID: Int]] {
        var drawn: [Department.ID: [CustomerValueSquad.ID: Int]] = [:]
        for squad in organization.squads where squad.stage != .dissolved {
            for member in squad.memberships.keys {
                if let home = organization.specialist(member)?.department {
                    drawn[home, default: [:]][squad.id, default: 0] += 1
                }
            }
        }
        return drawn
    }

    /// The matrix of `organization`, its changes against `baseline` marked.
    init(_ organization: Organization, baseline: Organization?) {
        let squads = NaturalOrder.sorted(organization.squads.filter { $0.stage != .dissolved }) { $0.name }
        let departments = organization.departments
        let drawn = Self.drawn(organization)
        let old = baseline.map(Self.drawn)
        isAggregated = squads.count > Self.largestSide || departments.count > Self.largestSide
        // Columns: each squad, or the squads of each stage.
        let groups: [(column: Column, squads: [CustomerValueSquad.ID])]
        if squads.count > Self.largestSide {
            groups = CustomerValueSquad.Stage.allCases.compactMap { stage in
                let members = squads.filter { $0.stage == stage }.map(\.id)
                guard !members.isEmpty else { return nil }
                let label = "\(stage.rawValue) (\(members.count) squad\(members.count == 1 ? "" : "s"))"
                return (Column(squad: nil, label: label, stage: stage, total: 0), members)
            }
        } else {
            groups = squads.map { (Column(squad: $0.id, label: $0.name, stage: $0.stage, total: 0), [$0.id]) }
        }
        var columnOf: [CustomerValueSquad.ID: Int] = [:]
        for (index, group) in groups.enumerated() { for squad in group.squads { columnOf[squad] = index } }
        // A department's counts, column by column: a walk over the squads it gives to, not over every squad.
        func cells(_ counts: [CustomerValueSquad.ID: Int]?) -> [Int] {
            var result = Array(repeating: 0, count: groups.count)
            for (squad, count) in counts ?? [:] { if let column = columnOf[squad] { result[column] += count } }
            return result
        }
        // Rows: each department, or those that give most and one row for the rest.
        var shown = NaturalOrder.sorted(departments) { $0.name }
        var rest: [Department] = []
        if departments.count > Self.largestSide {
            let given = shown.map { department in (department, drawn[department.id]?.values.reduce(0, +) ?? 0) }
            let ranked = given.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
            shown = ranked.prefix(Self.shownDepartments).map(\.element.0)
            rest = ranked.dropFirst(Self.shownDepartments).map(\.element.0)
        }
        func row(_ id: Department.ID?, _ label: String, _ members: [Department], staff: Int) -> Row {
            let now = members.map { cells(drawn[$0.id]) }.reduce(into: Array(repeating: 0, count: groups.count)) {
                for index in $0.indices { $0[index] += $1[index] }
            }
            var before = Array(repeating: Int?.none, count: groups.count)
            if let old {
                let then = members.map { cells(old[$0.id]) }.reduce(into: Array(repeating: 0, count: groups.count)) {
                    for index in $0.indices { $0[index] += $1[index] }
                }
                for index in now.indices where now[index] != then[index] { before[index] = then[index] }
            }
            return Row(department: id, label: label, cells: now, total: now.reduce(0, +), staff: staff, before: before)
        }
        var rows = shown.map { row($0.id, $0.name, [$0], staff: organization.staff(of: $0.id).count) }
        if !rest.isEmpty {
            let staff = rest.reduce(0) { $0 + organization.staff(of: $1.id).count }
            rows.append(row(nil, "and \(rest.count) more departments", rest, staff: staff))
        }
        columns = groups.enumerated().map { index, group in
            var column = group.column
            column.total = rows.reduce(0) { $0 + $1.cells[index] }
            return column
        }
        // The colour scale follows the departments shown one by one; the row of the rest is summed over many.
        largest = rows.filter { $0.department != nil }.flatMap(\.cells).max() ?? 0
        self.rows = rows
    }

    /// The full matrix as CSV, every department and every squad that is not dissolved, in natural order: what
    /// the page aggregates at scale, for a spreadsheet.
    public static func csv(_ organization: Organization) -> String {
        let squads = NaturalOrder.sorted(organization.squads.filter { $0.stage != .dissolved }) { $0.name }
        let drawn = drawn(organization)
        let field = Commands.csvField
        var lines = [(["department"] + squads.map(\.id.rawValue)).map(field).joined(separator: ",")]
        for department in NaturalOrder.sorted(organization.departments, by: { $0.name }) {
            let counts = squads.map { String(drawn[department.id]?[$0.id] ?? 0) }
            lines.append(([field(department.id.rawValue)] + counts).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
