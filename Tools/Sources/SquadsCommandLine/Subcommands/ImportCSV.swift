import ArgumentParser
import CustomerValueSquads
import Foundation

struct ImportCSVCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csv",
        abstract: "Read people from a spreadsheet (CSV, as HR systems export it) into an organisation document.",
        discussion: "Name the columns: each row is a person, in a department. Heads are inferred from the manager "
            + "column as import-scim does; a department sits under --parent-department when that column is given, "
            + "else under the department of its head's manager. RFC 4180: quoted fields may hold delimiters, quotes "
            + "and line breaks, and keep their spaces. Department names one letter apart are reported with the "
            + "--department-alias that would merge them. The organisation is printed as JSON (or written to "
            + "--output); every row that could not be used is listed on standard error with its line."
    )

    @Argument(help: "The CSV file; - reads standard input.")
    var file: String

    @Option(help: "The column of each person's identifier.")
    var id: String

    @Option(help: "The column(s) of the name, joined with a space: --name \"First name,Last name\".")
    var name: String

    @Option(help: "The column of the department (its name; its identifier with --department-name).")
    var department: String

    @Option(help: "The column of the department's name, when --department holds identifiers.")
    var departmentName: String?

    @Option(help: "The column of the job title.")
    var title: String?

    @Option(help: "The column of the manager's identifier: the person each one reports to (kept as the line).")
    var manager: String?

    @Option(help: "The column of the department each person heads (most are empty); without it heads are inferred.")
    var headOf: String?

    @Option(help: "The column of the department above the person's department.")
    var parentDepartment: String?

    @Option(help: "The column of the name of the department above, when --parent-department holds identifiers.")
    var parentDepartmentName: String?

    @Option(
        help: ArgumentHelp(
            "Read one department name as another, FROM=TO (repeatable), such as \"Custmer Service=Customer Service\".",
            valueName: "from=to"))
    var departmentAlias: [String] = []

    @Option(help: "The column of skills: name or name:level (novice, competent, proficient, expert).")
    var skills: String?

    @Option(help: "What separates skills in the skills column.")
    var skillSeparator: String = ";"

    @Option(help: "What separates fields: , (the default), ; or tab.")
    var delimiter: String = ","

    @Option(help: "The organisation's name.")
    var organizationName = "Imported organisation"

    @Option(help: "The organisation's shared goal.")
    var goal = ""

    @Option(help: "Where to write the organisation; - (the default) writes standard output.")
    var output = "-"

    func execute() throws {
        var options = CSVImport.Options(
            organizationName: organizationName, goal: goal, id: id,
            name: name.split(separator: ",").map { String($0) }, department: department,
            delimiter: try Commands.csvDelimiter(delimiter))
        options.departmentName = departmentName
        options.title = title
        options.manager = manager
        options.headOf = headOf
        options.parentDepartment = parentDepartment
        options.parentDepartmentName = parentDepartmentName
        options.skills = skills
        for alias in departmentAlias {
            let parts = alias.split(separator: "=", maxSplits: 1).map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw InputError(
                    "--department-alias: give FROM=TO, such as \"Custmer Service=Customer Service\", not "
                        + String(reflecting: alias))
            }
            options.departmentAliases[parts[0]] = parts[1]
        }
        let names = name.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw InputError("--name: give one or more columns, separated by commas, not \(String(reflecting: name))")
        }
        options.name = names
        options.skillSeparator = try Self.character(skillSeparator, option: "--skill-separator")
        let imported = try Commands.importCSV(from: Input.data(atPath: file), name: file, options: options)
        try writeOutput(imported.document, to: output)
        for line in imported.report { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }

    /// One character given on the command line; `tab` (or `\t`) means a tab.
    static func character(_ text: String, option: String) throws(InputError) -> Character {
        if text == "tab" || text == "\\t" { return "\t" }
        guard text.count == 1, let character = text.first else {
            throw InputError("\(option): give one character, such as , or ; (or tab), not \(String(reflecting: text))")
        }
        return character
    }

}

struct ExportCSVCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-csv",
        abstract: "Write one table of an organisation as CSV, for a spreadsheet.",
        discussion: "people (what import-csv reads back: squads import-csv FILE --id id --name name --department "
            + "department --department-name department_name --title title --manager manager --parent-department "
            + "parent_department --parent-department-name parent_department_name --skills skills --head-of head_of), departments, memberships, squads, seats (the open seats) or hiring-plan (the hires of squads hiring-plan, with --plan and --floor). RFC 4180, lines ended by "
            + "CRLF; --bom starts the file with the UTF-8 byte-order mark by which spreadsheets recognise UTF-8. Cells "
            + "that a spreadsheet would run as a formula are written with a leading ' unless --raw is given."
    )

    /// The tables, as the option reads them.
    enum Table: String, CaseIterable, ExpressibleByArgument {
        case people, departments, memberships, squads, seats
        case hiringPlan = "hiring-plan"

        /// The organisation's table, or `nil` for the hiring plan.
        var table: CSVTable? {
            switch self {
            case .people: .people
            case .departments: .departments
            case .memberships: .memberships
            case .squads: .squads
            case .seats: .seats
            case .hiringPlan: nil
            }
        }
    }

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "Which table: people, departments, memberships, squads, seats or hiring-plan.")
    var table: Table = .people

    @Option(help: "For hiring-plan: the rollout plan (JSON) whose batches drain the departments.")
    var plan: String?

    @Option(parsing: .upToNextOption, help: "For hiring-plan: floors as department=share, such as sales=0.5.")
    var floor: [String] = []

    @Option(help: "What separates fields: , (the default), ; or tab.")
    var delimiter: String = ","

    @Flag(help: "Start with a UTF-8 byte-order mark.")
    var bom = false

    @Flag(
        help: ArgumentHelp(
            "Write cells as they are: without it, a cell beginning with =, +, -, @, a tab or a carriage return gets a "
                + "leading ' so that spreadsheets do not run it as a formula (import-csv takes the ' off again)."))
    var raw = false

    @Option(help: "Where to write the table; - (the default) writes standard output.")
    var output = "-"

    func execute() throws {
        let delimiter = try Commands.csvDelimiter(delimiter)
        let base = try readOrganization(organization)
        let text: String
        if let chosen = table.table {
            guard plan == nil, floor.isEmpty else { throw InputError("--plan and --floor go with --table hiring-plan") }
            text = base.csv(chosen, delimiter: delimiter, byteOrderMark: bom, neutralizingFormulas: !raw)
        } else {
            text = try Commands.hiringPlan(base, plan: plan, floors: floor).csv(
                delimiter: delimiter, byteOrderMark: bom, neutralizingFormulas: !raw)
        }
        try writeOutput(Data(text.utf8), to: output)
    }
}

extension Commands {
    /// The field delimiter given on the command line: a tab or one ASCII punctuation character other than a quote
    /// or an apostrophe (which guards formulas), the rule both the reader and the writer hold to.
    public static func csvDelimiter(_ text: String) throws(InputError) -> Character {
        let character = try ImportCSVCommand.character(text, option: "--delimiter")
        guard character == "\t" || (character.isASCII && (character.isPunctuation || character.isSymbol)),
            character != "\"", character != "'"
        else {
            throw InputError(
                "--delimiter: \(String(reflecting: String(character))) cannot separate fields; give a tab or one ASCII "
                    + "punctuation character other than a quote or an apostrophe, such as , ; | or tab")
        }
        return character
    }
}
