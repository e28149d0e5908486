/// A table of an organisation that ``Organization/csv(_:delimiter:byteOrderMark:)`` writes.
public enum CSVTable: String, Sendable, Hashable, Codable, CaseIterable {
    /// One row per specialist: `id`, `name`, `title`, `department` (its identifier), `department_name`,
    /// `parent_department`, `parent_department_name`, `manager` (the specialist they report to, empty for no one),
    /// `skills` (`name:level`, separated by `;`, a `;` or `\` in a name escaped with `\`) and `head_of` (the
    /// department they head, empty for most) — what ``CSVImport`` reads back with
    /// ``CSVTable/peopleImportOptions(organizationName:delimiter:)``.
    case people
    /// One row per department: `id`, `name`, `function`, `parent`, `head`, `capacity_floor` and `staff`.
    case departments
    /// One row per squad membership: `squad`, `specialist`, `role`, `share` (percent) and `since`.
    case memberships
    /// One row per squad: `id`, `name`, `stage`, `mission`, `customer`, `value_area`, `members` and `fte`.
    case squads
    /// One row per open seat of a squad that is not dissolved: `squad`, `seat`, `role`, `skills` (`name:level` as
    /// in the people table), `share` (percent), `needed_from`, `department`, `cost_per_fte` (the seat's own) and
    /// `note`.
    case seats

    /// The column names of the table, in order.
    public var columns: [String] {
        switch self {
        case .people:
            [
                "id", "name", "title", "department", "department_name", "parent_department", "parent_department_name",
                "manager", "skills", "head_of",
            ]
        case .departments: ["id", "name", "function", "parent", "head", "capacity_floor", "staff"]
        case .memberships: ["squad", "specialist", "role", "share", "since"]
        case .squads: ["id", "name", "stage", "mission", "customer", "value_area", "members", "fte"]
        case .seats:
            ["squad", "seat", "role", "skills", "share", "needed_from", "department", "cost_per_fte", "note"]
        }
    }

    /// The options that read the people table back with ``CSVImport``.
    ///
    /// - Parameters:
    ///   - organizationName: The name of the organisation read.
    ///   - delimiter: The delimiter the table was written with; `,` by default.
    public static func peopleImportOptions(organizationName: String, delimiter: Character = ",") -> CSVImport.Options {
        var options = CSVImport.Options(
            organizationName: organizationName, id: "id", name: ["name"], department: "department",
            delimiter: delimiter)
        options.departmentName = "department_name"
        options.title = "title"
        options.manager = "manager"
        options.parentDepartment = "parent_department"
        options.parentDepartmentName = "parent_department_name"
        options.skills = "skills"
        options.headOf = "head_of"
        return options
    }
}

extension Organization {
    /// One table of the organisation as CSV (RFC 4180), safe to open in a spreadsheet: a header row, then a row per
    /// entry in identifier order, each line ended by CRLF. A field holding the delimiter, a quote, a line break or
    /// spaces or tabs at either end is quoted, its quotes doubled — all by Unicode scalar, so a quote or CR LF
    /// hidden in one `Character` with a combining mark is still quoted. A cell beginning with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return is neutralised with a leading `'`, as OWASP advises against formula injection;
    /// ``CSVImport`` takes the `'` off again. ``csv(_:delimiter:byteOrderMark:neutralizingFormulas:)`` writes the
    /// cells as they are.
    ///
    /// - Parameters:
    ///   - table: Which table.
    ///   - delimiter: What separates fields: `,` by default, or `;` or a tab for spreadsheets that expect them. It
    ///     should be one ASCII character other than a quote or a line break, which is what ``CSVImport`` reads.
    ///   - byteOrderMark: Whether to start with a UTF-8 byte-order mark, by which spreadsheets recognise UTF-8
    ///     (names in any script then open as written); `false` by default.
    /// - Returns: The table's text.
    /// - Complexity: O(*n* log *n*) in the size of the organisation.
    public func csv(_ table: CSVTable, delimiter: Character = ",", byteOrderMark: Bool = false) -> String {
        csv(table, delimiter: delimiter, byteOrderMark: byteOrderMark, neutralizingFormulas: true)
    }

    /// One table of the organisation as CSV (RFC 4180), with the formula guard on or off.
    ///
    /// - Parameters:
    ///   - table: Which table.
    ///   - delimiter: What separates fields; see ``csv(_:delimiter:byteOrderMark:)``.
    ///   - byteOrderMark: Whether to start with a UTF-8 byte-order mark.
    ///   - neutralizingFormulas: Whether a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets
    ///     a leading `'` (and a text already beginning with `'`s before one of them one more), so that spreadsheets
    ///     show it as text; `false` writes every cell as it is, for programs that are not spreadsheets.
    /// - Returns: The table's text.
    /// - Complexity: O(*n* log *n*) in the size of the organisation.
    public func csv(
        _ table: CSVTable, delimiter: Character, byteOrderMark: Bool, neutralizingFormulas: Bool
    ) -> String {
        let writer = CSVWriter(delimiter: delimiter, neutralizingFormulas: neutralizingFormulas)
        func field(_ value: String) -> String { writer.field(value) }
        let separator = String(delimiter)
        let number = CSVWriter.number
        var lines = [table.columns.map(field).joined(separator: separator)]
        func row(_ fields: [String]) { lines.append(fields.map(field).joined(separator: separator)) }
        switch table {
        case .people:
            for specialist in specialists {
                let department = departmentsByID[specialist.department]
                row([
                    specialist.id.rawValue, specialist.name, specialist.title, specialist.department.rawValue,
                    department?.name ?? "", department?.parent?.rawValue ?? "",
                    department?.parent.flatMap { departmentsByID[$0]?.name } ?? "",
                    specialist.manager?.rawValue ?? "",
                    CSVWriter.skills(specialist.skills),
                    department?.head == specialist.id ? specialist.department.rawValue : "",
                ])
            }
        case .departments:
            for department in departments {
                row([
                    department.id.rawValue, department.name, department.function, department.parent?.rawValue ?? "",
                    department.head?.rawValue ?? "", department.capacityFloor.map(number) ?? "",
                    String(staffOfDepartment[department.id]?.count ?? 0),
                ])
            }
        case .memberships:
            for squad in squads {
                for (member, membership) in squad.memberships.sorted(by: { $0.key < $1.key }) {
                    row([
                        squad.id.rawValue, member.rawValue, membership.role.rawValue,
                        String(membership.share.percent), membership.since?.description ?? "",
                    ])
                }
            }
        case .squads:
            for squad in squads {
                let percent = squad.memberships.values.reduce(0) { $0 + $1.share.percent }
                let area = squad.mission.valueArea.map { area in area.detail.map { "\(area.kind): \($0)" } ?? area.kind
                }
                row([
                    squad.id.rawValue, squad.name, squad.stage.rawValue, squad.mission.statement,
                    squad.mission.customer,
                    area ?? "", String(squad.memberships.count), number(Double(percent) / 100),
                ])
            }
        case .seats:
            for squad in squads where squad.stage != .dissolved {
                for seat in squad.seats {
                    row([
                        squad.id.rawValue, seat.id.rawValue, seat.role.rawValue, CSVWriter.skills(seat.skills),
                        String(seat.share.percent), seat.neededFrom.description, seat.department?.rawValue ?? "",
                        seat.costPerFTE.map(number) ?? "", seat.note,
                    ])
                }
            }
        }
        return writer.document(lines, byteOrderMark: byteOrderMark)
    }
}

/// Writes CSV cells and documents (RFC 4180): quoting by Unicode scalar, the formula guard, CRLF line ends.
struct CSVWriter {
    let delimiter: Character
    let neutralizingFormulas: Bool

    /// One cell: guarded against formulas when asked, quoted when it holds the delimiter, a quote, a line break or
    /// spaces or tabs at either end, its quotes doubled — all by Unicode scalar.
    func field(_ value: String) -> String {
        let separator = String(delimiter)
        let delimiterScalars = Array(delimiter.unicodeScalars)
        let text = neutralizingFormulas ? CSVFormulaGuard.guarded(value) : value
        let scalars = text.unicodeScalars
        var needsQuotes =
            scalars.first == " " || scalars.first == "\t" || scalars.last == " " || scalars.last == "\t"
        var quoted = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "\"" {
                needsQuotes = true
                quoted.append(scalar)
            } else if scalar == "\n" || scalar == "\r"
                || (delimiterScalars.count == 1 && scalar == delimiterScalars[0])
            {
                needsQuotes = true
            }
            quoted.append(scalar)
        }
        if delimiterScalars.count != 1 && text.contains(separator) { needsQuotes = true }
        return needsQuotes ? "\"" + String(quoted) + "\"" : text
    }

    /// A row of cells.
    func row(_ fields: [String]) -> String { fields.map(field).joined(separator: String(delimiter)) }

    /// The lines as a document, each ended by CRLF, after a byte-order mark when asked.
    func document(_ lines: [String], byteOrderMark: Bool) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A number as a cell: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Skills as `name:level`, sorted, separated by `;`, a `;` or `\\` in a name escaped with `\\`.
    static func skills(_ skills: [Skill: Proficiency]) -> String {
        skills.sorted { $0.key < $1.key }
            .map { "\(CSVImport.escapedSkill($0.key.rawValue, separator: ";")):\($0.value.rawValue)" }
            .joined(separator: ";")
    }
}
