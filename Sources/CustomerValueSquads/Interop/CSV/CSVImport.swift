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
/// parent-department column where one is given); a department's head is inferred from the manager column where
/// the chains make it unambiguous, as ``SCIMImport`` does. Names are kept as written, in Unicode NFC.
///
/// Nothing is dropped silently: a row that cannot be used is reported with its line and the reason, and the rest
/// are imported; duplicate ids, unknown managers and manager cycles are reported as the SCIM import reports them.
///
/// ```swift
/// let result = try CSVImport.organization(
///     from: data,
///     options: .init(name: "Toko Manis", id: "Employee ID", name: ["First name", "Last name"], department: "Team"))
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
        /// The column of the identifier of the person's manager; `nil` by default.
        public var manager: String?
        /// The column of the department above the person's department (named as ``department`` names
        /// departments); `nil` by default.
        public var parentDepartment: String?
        /// The column of the person's skills, separated by ``skillSeparator``, each a name or `name:level` with a
        /// level of ``Proficiency`` (`analytics:expert`); a skill without a level is ``Proficiency/proficient``.
        public var skills: String?
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
            if let index = names.firstIndex(of: name) { return index }
            throw OrganizationError(
                code: .invalidValue,
                message: "\(option): the header has no column \(String(reflecting: name)); it has "
                    + names.map { String(reflecting: $0) }.joined(separator: ", "))
        }
        func optional(_ name: String?, _ option: String) throws(OrganizationError) -> Int? {
            guard let name else { return nil }
            return try column(name, option)
        }
        let idColumn = try column(options.id, "id")
        var nameColumns: [Int] = []
        for name in options.name { nameColumns.append(try column(name, "name")) }
        let departmentColumn = try column(options.department, "department")
        let departmentNameColumn = try optional(options.departmentName, "department name")
        let titleColumn = try optional(options.title, "title")
        let managerColumn = try optional(options.manager, "manager")
        let parentColumn = try optional(options.parentDepartment, "parent department")
        let skillsColumn = try optional(options.skills, "skills")

        var resources: [Resource] = []
        var lineOfID: [String: Int] = [:]
        var presetDepartmentIDs: [String: String] = [:]
        var nameOfDepartmentID: [String: String] = [:]
        func text(_ value: String) -> String {
            let value = options.removesFormulaGuard ? CSVFormulaGuard.unguarded(trimmed(value)) : trimmed(value)
            return String(decoding: value._nfcCodeUnits, as: UTF8.self)
        }
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
            let id = text(row.fields[idColumn])
            guard !Organization.isBlank(id) else {
                issue(.warning, "the \(String(reflecting: options.id)) column is empty; row not imported")
                continue
            }
            if let first = lineOfID[id] {
                issue(.error, "id \(id) is already the row of line \(first); row not imported")
                continue
            }
            lineOfID[id] = row.line
            let name = nameColumns.map { text(row.fields[$0]) }.filter { !Organization.isBlank($0) }
                .joined(separator: " ")
            var department = text(row.fields[departmentColumn])
            let parent = parentColumn.map { text(row.fields[$0]) }.flatMap { Organization.isBlank($0) ? nil : $0 }
            if let departmentNameColumn, !Organization.isBlank(department) {
                // The column holds identifiers: the department goes by its name, and keeps the identifier.
                let departmentName = text(row.fields[departmentNameColumn])
                let shown = Organization.isBlank(departmentName) ? department : departmentName
                if let known = nameOfDepartmentID[department], known != shown {
                    issue(.warning, "department \(department) is named \(known) on an earlier row, not \(shown)")
                } else if let taken = presetDepartmentIDs[shown], taken != department {
                    issue(
                        .warning,
                        "the name \(shown) is department \(taken)'s on an earlier row; this row's "
                            + "department \(department) is imported as \(taken)")
                } else {
                    nameOfDepartmentID[department] = shown
                    presetDepartmentIDs[shown] = department
                }
                department = nameOfDepartmentID[department] ?? shown
            }
            var skills: [Skill: Proficiency] = [:]
            if let skillsColumn {
                let cell = row.fields[skillsColumn]
                let entries = options.removesFormulaGuard ? CSVFormulaGuard.unguarded(trimmed(cell)) : cell
                for entry in entries.split(separator: options.skillSeparator) {
                    let parts = entry.split(separator: ":", maxSplits: 1).map { text(String($0)) }
                    guard let skill = parts.first, !Organization.isBlank(skill) else { continue }
                    var level = Proficiency.proficient
                    if parts.count == 2 {
                        guard let given = Proficiency(rawValue: parts[1].lowercased()) else {
                            issue(
                                .warning,
                                "skill \(skill) has the level \(String(reflecting: parts[1])), not one of "
                                    + Proficiency.allCases.map(\.rawValue).joined(separator: ", ")
                                    + "; the skill is not imported")
                            continue
                        }
                        level = given
                    }
                    skills[Skill(rawValue: skill)] = level
                }
            }
            let manager = managerColumn.map { text(row.fields[$0]) }.flatMap { Organization.isBlank($0) ? nil : $0 }
            resources.append(
                Resource(
                    id: id, schemas: [SCIMImport.userSchema], userName: nil, externalId: nil, name: nil,
                    displayName: name.isEmpty ? nil : name,
                    title: titleColumn.map { text(row.fields[$0]) }, active: true, members: nil,
                    enterprise: Resource.Enterprise(
                        employeeNumber: nil, costCenter: nil, organization: nil, division: parent,
                        department: Organization.isBlank(department) ? nil : department,
                        manager: manager.map {
                            Resource.Reference(value: $0, display: nil, displayName: nil, type: nil)
                        }),
                    skills: skills))
        }
        // Parents are named by identifier too: each goes by its department's name, wherever its row came; a
        // parent named only as a parent keeps its identifier as its name.
        if departmentNameColumn != nil {
            for index in resources.indices {
                if let parent = resources[index].enterprise?.division {
                    resources[index].enterprise?.division = nameOfDepartmentID[parent] ?? parent
                }
            }
            for resource in resources {
                if let parent = resource.enterprise?.division, presetDepartmentIDs[parent] == nil,
                    (try? Department.ID(validating: parent)) != nil, !presetDepartmentIDs.values.contains(parent)
                {
                    presetDepartmentIDs[parent] = parent
                }
            }
        }
        var importer = Importer(
            options: SCIMImport.Options(name: options.organizationName, goal: options.goal, squads: .none))
        importer.presetDepartmentIDs = presetDepartmentIDs
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
        report.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        return Result(organization: result.organization, report: report, specialists: result.specialists)
    }
}

/// `text` without the spaces and tabs around it.
private func trimmed(_ text: String) -> String {
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
