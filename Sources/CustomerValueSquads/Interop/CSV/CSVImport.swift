#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads people from a spreadsheet, as HR systems export them, into an ``Organization``.
///
/// Each row is a person; the columns are named by ``Options``. The file is read as RFC 4180 defines CSV —
/// quoted fields holding delimiters, quotes and line breaks, CRLF or LF, a UTF-8 byte-order mark, empty lines —
/// with a comma, a semicolon or a tab between fields. Departments come from the department column (under the
/// parent-department column where one is given, else under the department of their head's manager); a
/// department's head is inferred from the manager column where the chains make it unambiguous, as ``SCIMImport``
/// does. Names are kept as written, in Unicode NFC; spaces around a field are dropped unless it is quoted.
/// Department names that differ by one letter are reported with a suggestion
/// (``Options-swift.struct/departmentAliases`` reads one as the other).
///
/// Nothing is dropped silently: a row that cannot be used is reported with its line and the reason, and the rest
/// are imported; duplicate ids, unknown managers and manager cycles are reported as the SCIM import reports them.
///
/// ```swift
/// let result = try CSVImport.organization(
///     from: data,
///     options: .init(
///         organizationName: "Toko Manis", id: "Employee ID", name: ["First name", "Last name"], department: "Team"))
/// result.organization.specialistCount
/// result.report.map(\.description)
/// ```
public enum CSVImport {
    /// Which columns hold what, and how the file is written.
    public struct Options: Sendable, Hashable {
        /// The organisation's name.
        public var organizationName: String
        /// The organisation's shared goal.
        public var goal: String
        /// The column of each person's identifier.
        public var id: String
        /// The columns of each person's name, joined with a space (for example the first and the last name).
        public var name: [String]
        /// The column of each person's department: its name, or its identifier when ``departmentName`` is set.
        public var department: String
        /// The column of the department's name, when ``department`` holds identifiers; `nil` by default.
        public var departmentName: String?
        /// The column of the person's job title; `nil` by default.
        public var title: String?
        /// The column of the identifier of the person's manager, the person they report to; `nil` by default.
        ///
        /// Each link becomes the person's ``Specialist/manager``, except a link to someone not in the file or one
        /// of a loop (both reported). Without ``headOf``, departments' heads are inferred from these links too.
        public var manager: String?
        /// The column of the department the person heads (named as ``department`` names departments), empty for
        /// most people; `nil` by default. With it, heads are read from this column rather than inferred from the
        /// managers.
        public var headOf: String?
        /// The column of the department above the person's department (named as ``department`` names
        /// departments); `nil` by default. Without it, a department is placed under the department of its head's
        /// manager.
        public var parentDepartment: String?
        /// The column of the name of the department above, when ``parentDepartment`` holds identifiers (so that a
        /// department with no staff of its own keeps its name); `nil` by default.
        public var parentDepartmentName: String?
        /// The column of the person's skills, separated by ``skillSeparator``, each a name or `name:level` with a
        /// level of ``Proficiency`` (`analytics:expert`); a skill without a level is ``Proficiency/proficient``.
        /// The level follows the last `:`, so a name may hold colons; a `\` keeps the separator after it (or
        /// another `\`) in the name.
        public var skills: String?
        /// Department names to read as others, `["Custmer Service": "Customer Service"]`, applied to the department
        /// and parent-department columns before anything else; none by default.
        public var departmentAliases: [String: String]
        /// What separates skills in the skills column; `;` by default.
        public var skillSeparator: Character
        /// What separates fields: `,` by default, `;` or a tab as spreadsheets in many locales write.
        public var delimiter: Character
        /// Whether a cell that begins with `'` before `=`, `+`, `-`, `@`, a tab or a carriage return loses that `'`,
        /// the guard against formula injection that ``Organization/csv(_:delimiter:byteOrderMark:)`` writes; `true`
        /// by default.
        public var removesFormulaGuard: Bool

        /// Creates options.
        ///
        /// - Parameters:
        ///   - organizationName: The organisation's name.
        ///   - goal: The shared goal; empty by default.
        ///   - id: The column of identifiers.
        ///   - name: The columns of the name, joined with a space.
        ///   - department: The column of departments.
        ///   - delimiter: The field separator; `,` by default.
        public init(
            organizationName: String, goal: String = "", id: String, name: [String], department: String,
            delimiter: Character = ","
        ) {
            self.organizationName = organizationName
            self.goal = goal
            self.id = id
            self.name = name
            self.department = department
            self.delimiter = delimiter
            skillSeparator = ";"
            removesFormulaGuard = true
            departmentAliases = [:]
        }
    }

    /// Something the import could not use, or decided, about one row or one department.
    public struct Issue: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A note for decisions, a warning for what was left out, an error for inconsistent input.
        public var severity: Finding.Severity
        /// The line of the file the row starts on (from 1, the header included), or `nil` for what concerns a
        /// department rather than a row.
        public var line: Int?
        /// What happened.
        public var message: String

        /// The issue on one line: `warning line 7: …`.
        public var description: String {
            "\(severity.rawValue)\(line.map { " line \($0)" } ?? ""): \(message)"
        }
    }

    /// An imported organisation and everything the import has to report about it.
    public struct Result: Sendable, Hashable {
        /// The organisation.
        public var organization: Organization
        /// What could not be used or was decided, by line (department issues last).
        public var report: [Issue]
        /// The specialist each imported row became, by the row's identifier.
        public var specialists: [String: Specialist.ID]
    }

    /// Reads a CSV file of people into an organisation.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` when the file is not UTF-8 (naming the line), has no
    ///   header, lacks a column the options name (listing those it has), or the delimiter is not one byte of
    ///   ASCII other than a quote or a line break.
    /// - Complexity: O(*n* log *n*) in the size of the file.
    public static func organization(from data: Data, options: Options) throws(OrganizationError) -> Result {
        guard let delimiter = options.delimiter.asciiValue, !"\"\r\n".contains(options.delimiter) else {
            throw OrganizationError(
                code: .invalidValue,
                message: "the delimiter \(String(reflecting: String(options.delimiter))) must be one ASCII character "
                    + "other than a quote or a line break, such as a comma, a semicolon or a tab")
        }
        if let offset = firstInvalidUTF8(in: data) {
            let line = data.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1
            throw OrganizationError(
                code: .invalidValue,
                message: "line \(line): the file is not UTF-8 (byte \(offset + 1)); save it as CSV UTF-8")
        }
        let reader = CSVReader(data, delimiter: delimiter)
        var report = reader.problems.map {
            Issue(severity: .warning, line: $0.line, message: "column \($0.column): \($0.reason); row not imported")
        }
        func isBlank(_ record: CSVReader.Record) -> Bool { record.fields.allSatisfy(Organization.isBlank) }
        let rows = reader.records.filter { !isBlank($0) }
        guard let header = rows.first else {
            throw OrganizationError(code: .invalidValue, message: "the file has no header row")
        }
        let names = header.fields.map(trimmed)
        func column(_ name: String, _ option: String) throws(OrganizationError) -> Int {
            if let index = names.firstIndex(of: name) {
                guard names.lastIndex(of: name) == index else {
                    throw OrganizationError(
                        code: .invalidValue,
                        message: "\(option): the header has the column \(String(reflecting: name)) twice (columns "
                            + "\(index + 1) and \((names.lastIndex(of: name) ?? index) + 1)); name it once")
                }
                return index
            }
            throw OrganizationError(
                code: .invalidValue,
                message: "\(option): the header has no column \(String(reflecting: name)); it has "
                    + names.map { String(reflecting: $0) }.joined(separator: ", "))
        }
        func optional(_ name: String?, _ option: String) throws(OrganizationError) -> Int? {
            guard let name else { return nil }
            return try column(name, option)
        }
        guard !options.name.isEmpty else {
            throw OrganizationError(code: .invalidValue, message: "name: give at least one column of names")
        }
        let idColumn = try column(options.id, "id")
        var nameColumns: [Int] = []
        for name in options.name { nameColumns.append(try column(name, "name")) }
        let departmentColumn = try column(options.department, "department")
        let departmentNameColumn = try optional(options.departmentName, "department name")
        let titleColumn = try optional(options.title, "title")
        let managerColumn = try optional(options.manager, "manager")
        let parentColumn = try optional(options.parentDepartment, "parent department")
        let parentNameColumn = try optional(options.parentDepartmentName, "parent department name")
        let skillsColumn = try optional(options.skills, "skills")
        let headOfColumn = try optional(options.headOf, "head of")
        /// Departments go by identifier when a column names them; by name otherwise.
        let byIdentifier = departmentNameColumn != nil

        var resources: [Resource] = []
        var lineOfID: [String: Int] = [:]
        var nameOfDepartmentID: [String: String] = [:]
        var managerOfRow: [String: String] = [:]  // row id → manager id
        var headedBy: [(row: String, department: String, line: Int)] = []
        func text(_ row: CSVReader.Record, _ index: Int) -> String {
            let raw = row.fields[index]
            let quoted = index < row.quoted.count && row.quoted[index]
            let kept = quoted ? raw : trimmed(raw)
            let value = options.removesFormulaGuard ? CSVFormulaGuard.unguarded(kept) : kept
            return String(decoding: value._nfcCodeUnits, as: UTF8.self)
        }
        func department(_ value: String) -> String { options.departmentAliases[value] ?? value }
        for row in rows.dropFirst() {
            func issue(_ severity: Finding.Severity, _ message: String) {
                report.append(Issue(severity: severity, line: row.line, message: message))
            }
            guard row.fields.count == names.count else {
                issue(
                    .warning,
                    "the row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") and the header "
                        + "\(names.count); row not imported")
                continue
            }
            let id = text(row, idColumn)
            guard !Organization.isBlank(id) else {
                issue(.warning, "the \(String(reflecting: options.id)) column is empty; row not imported")
                continue
            }
            if let first = lineOfID[id] {
                issue(.error, "id \(id) is already the row of line \(first); row not imported")
                continue
            }
            lineOfID[id] = row.line
            let name = nameColumns.map { text(row, $0) }.filter { !Organization.isBlank($0) }
                .joined(separator: " ")
            let home = department(text(row, departmentColumn))
            let parent = parentColumn.map { department(text(row, $0)) }.flatMap { Organization.isBlank($0) ? nil : $0 }
            if let departmentNameColumn, !Organization.isBlank(home) {
                // The column holds identifiers: the department keeps its identifier, and goes by its name.
                let departmentName = text(row, departmentNameColumn)
                let shown = Organization.isBlank(departmentName) ? home : departmentName
                if let known = nameOfDepartmentID[home], known != shown {
                    issue(.warning, "department \(home) is named \(known) on an earlier row, not \(shown)")
                } else {
                    nameOfDepartmentID[home] = shown
                }
            }
            if let parent, let parentNameColumn, nameOfDepartmentID[parent] == nil {
                let parentName = text(row, parentNameColumn)
                if !Organization.isBlank(parentName) { nameOfDepartmentID[parent] = parentName }
            }
            var skills: [Skill: Proficiency] = [:]
            if let skillsColumn {
                for entry in Self.skillEntries(text(row, skillsColumn), separator: options.skillSeparator) {
                    var skill = entry
                    var level = Proficiency.proficient
                    if let colon = entry.lastIndex(of: ":") {
                        let given = trimmed(String(entry[entry.index(after: colon)...]))
                        skill = trimmed(String(entry[..<colon]))
                        guard let known = Proficiency(rawValue: given.lowercased()) else {
                            issue(
                                .warning,
                                "skill \(skill) has the level \(String(reflecting: given)), not one of "
                                    + Proficiency.allCases.map(\.rawValue).joined(separator: ", ")
                                    + "; the skill is not imported")
                            continue
                        }
                        level = known
                    }
                    guard !Organization.isBlank(skill) else { continue }
                    skills[Skill(rawValue: skill)] = level
                }
            }
            if let headOfColumn {
                let headed = department(text(row, headOfColumn))
                if !Organization.isBlank(headed) { headedBy.append((id, headed, row.line)) }
            }
            let manager = managerColumn.map { text(row, $0) }.flatMap { Organization.isBlank($0) ? nil : $0 }
            if let manager { managerOfRow[id] = manager }
            resources.append(
                Resource(
                    id: id, schemas: [SCIMImport.userSchema], userName: nil, externalId: nil, name: nil,
                    displayName: name.isEmpty ? nil : name,
                    title: titleColumn.map { text(row, $0) }, active: true, members: nil,
                    enterprise: Resource.Enterprise(
                        employeeNumber: nil, costCenter: nil, organization: nil, division: parent,
                        department: Organization.isBlank(home) ? nil : home,
                        manager: manager.map {
                            Resource.Reference(value: $0, display: nil, displayName: nil, type: nil)
                        }),
                    skills: skills))
        }
        var importer = Importer(
            options: SCIMImport.Options(name: options.organizationName, goal: options.goal, squads: .none))
        importer.keepsManagers = true
        importer.infersHeads = headOfColumn == nil
        if byIdentifier {
            // Departments and parents are keyed by identifier, so two departments may share a name; each gets its
            // name afterwards. A parent named only as a parent, with no name column, keeps its identifier.
            var preset: [String: String] = [:]
            for resource in resources {
                for value in [resource.enterprise?.department, resource.enterprise?.division].compactMap({ $0 })
                where (try? Department.ID(validating: value)) != nil {
                    preset[value] = value
                }
            }
            importer.presetDepartmentIDs = preset
        }
        let result: SCIMImport.Result
        do {
            try importer.read(resources)
            result = try importer.finish()
        } catch let error as OrganizationError {
            throw error
        } catch {
            throw OrganizationError(code: .invalidValue, message: "\(error)")
        }
        report += result.report.map { issue in
            Issue(severity: issue.severity, line: lineOfID[issue.resource], message: issue.message)
        }
        var departments = result.organization.departments
        if byIdentifier {
            for index in departments.indices {
                if let name = nameOfDepartmentID[departments[index].id.rawValue] { departments[index].name = name }
            }
        }
        if headOfColumn != nil {
            Self.appointHeads(
                headedBy, in: &departments, organization: result.organization, specialists: result.specialists,
                byIdentifier: byIdentifier, report: &report)
        }
        if parentColumn == nil {
            Self.placeUnderHeadsManagers(
                &departments, organization: result.organization, managers: managerOfRow,
                specialists: result.specialists, report: &report)
        }
        if !byIdentifier {
            report += Self.nearDuplicateNames(in: departments, organization: result.organization)
        }
        let organization: Organization
        if departments == result.organization.departments {
            organization = result.organization
        } else {
            organization = try Organization(
                name: result.organization.name, goal: result.organization.goal, departments: departments,
                specialists: result.organization.specialists, squads: result.organization.squads)
        }
        report.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        return Result(organization: organization, report: report, specialists: result.specialists)
    }
}

/// `text` without the spaces and tabs around it.
func trimmed(_ text: String) -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
        return ""
    }
    return String(text[first...last])
}

/// The offset of the first byte of `data` that is not part of valid UTF-8, or `nil` when all of it is.
private func firstInvalidUTF8(in data: Data) -> Int? {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return nil
        case .error: return offset
        }
    }
}
