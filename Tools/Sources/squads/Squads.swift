import ArgumentParser
import CustomerValueSquads
import Foundation
import SquadsCommandLine

@main
struct Squads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "squads",
        abstract: "Design, check and picture customer value squads.",
        discussion: """
            Organisations are JSON documents in the CustomerValueSquads format (schema version \
            \(Organization.schemaVersion)); give - to read one from standard input. Start with `squads demo`, or \
            `squads sample > org.json` to get a document to edit.

            Exit status: 0 success (validate: no errors in the report); 1 the validation report has errors; \
            2 the input is wrong — a file that cannot be read, a document that is not valid, an unknown \
            option or identifier — or the output cannot be written.
            """,
        version: LibraryVersion.current,
        subcommands: [
            Demo.self, Sample.self, Validate.self, Diagram.self, Gaps.self, Staffing.self, Scores.self, CheckIn.self,
            Reach.self, ImportSCIM.self, SCIM.self, ExportORG.self, Diff.self, Apply.self, Plan.self, Report.self,
        ]
    )

    /// Runs the command, with usage errors exiting 2 like every other problem with the input.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("squads: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}

/// Which user attribute names each specialist an import reads; see `SCIMImport.Options.SpecialistIDs`.
enum SpecialistIDSource: String, CaseIterable, ExpressibleByArgument {
    case resourceID, userName, externalID

    var choice: SCIMImport.Options.SpecialistIDs {
        switch self {
        case .resourceID: .resourceID
        case .userName: .userName
        case .externalID: .externalID
        }
    }
}

/// Reads an organisation document (`-` for standard input); prints a warning on standard error for each field
/// the format does not know (an error with `strict`); when reading takes more than a moment, says how much was
/// read and how long it took, so a large file does not look like a hang.
func readOrganization(_ file: String, strict: Bool = false) throws -> Organization {
    let start = ContinuousClock.now
    do {
        let (organization, warnings) = try Input.organizationWithWarnings(from: Input.data(atPath: file), name: file)
        for warning in warnings { FileHandle.standardError.write(Data("squads: \(warning)\n".utf8)) }
        if strict, !warnings.isEmpty {
            throw InputError("\(file): \(warnings.count) unknown field\(warnings.count == 1 ? "" : "s") (--strict)")
        }
        let elapsed = ContinuousClock.now - start
        if elapsed > .seconds(1) {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let summary =
                "squads: read \(file): \(organization.departmentCount) departments, "
                + "\(organization.specialistCount) specialists, \(organization.squadCount) squads in "
                + String(format: "%.1f", seconds) + " seconds\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
        return organization
    } catch let error as InputError {
        throw failOnInput(error)
    } catch let error as ExitCode {
        throw error
    } catch {
        throw failOnInput(InputError("SCIM: \(error)"))
    }
}

/// Writes `text` to standard output, all of it, or fails with exit status 2 and a message on standard error —
/// a full disk, a closed descriptor — so a script can tell its output was lost.
func emit(_ text: String) throws {
    try Output.standardOutput(text)
}

/// Writes a document to `path` (`-` for standard output) as ``Output/write(_:to:)`` does: links followed, a
/// regular file replaced atomically with its mode and owner, a FIFO or device written into.
func writeOutput(_ data: Data, to path: String) throws {
    try Output.write(data, to: path)
}

/// Prints an input error and exits with status 2.
func failOnInput(_ error: InputError) -> ExitCode {
    FileHandle.standardError.write(Data("squads: \(error.message)\n".utf8))
    return ExitCode(2)
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the library at work on a built-in sample organisation.",
        discussion: "Prints the sample's squads, its validation report, its skill gaps, its outcome scores and a "
            + "staffing proposal for one squad, and the commands to try next."
    )

    func run() throws {
        try emit(Commands.demo())
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the built-in sample organisation as a JSON document, or a generated one of any size.",
        discussion: "With --specialists, generates an organisation of that size (departments, data assets and "
            + "squads in proportion unless --squads says otherwise), the same for the same --seed: "
            + "`squads sample --specialists 200000 > large.json` to try the tool at scale."
    )

    @Option(help: "Generate an organisation with this many specialists instead of the built-in sample.")
    var specialists: Int?

    @Option(help: "With --specialists: how many squads; a tenth of the specialists by default.")
    var squads: Int?

    @Option(help: "With --specialists: the generator's seed.")
    var seed: UInt64 = 2026

    func run() throws {
        guard let specialists else {
            if squads != nil { throw failOnInput(InputError("--squads needs --specialists")) }
            return try emit(Commands.sample())
        }
        let output: String
        do {
            output = try Commands.sample(specialists: specialists, squads: squads, seed: seed)
        } catch {
            throw failOnInput(error)
        }
        try emit(output)
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an organisation against a validation policy.",
        discussion: """
            Exit status: 0 when the report has no errors, 1 when it has errors, 2 when the input cannot be \
            read or breaks an invariant (the message names the file, the location and the problem).
            """
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "A policy settings file: {\"thresholds\": {...}, \"disabledCodes\": [...]}.")
    var policy: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func run() throws {
        let organization = try readOrganization(file, strict: strict)
        let rules: ValidationPolicy
        do {
            rules = try policy.map { path throws(InputError) in try Input.policy(atPath: path) } ?? .default
        } catch {
            throw failOnInput(error)
        }
        let result = try Commands.validate(organization, policy: rules, format: format)
        try emit(result.output.hasSuffix("\n") ? result.output : result.output + "\n")
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

struct Diagram: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the silos and the squads that cut across them.",
        discussion: "Read from left to right: departments are boxes joined by their hierarchy; each squad has an "
            + "edge from every department its members come from, labelled with how many; squads are coloured by "
            + "stage, with a legend. Render DOT with `dot -Tpng`, Mermaid with any Mermaid viewer. For a large "
            + "organisation, draw one squad or one department's neighbourhood."
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "Diagram language: mermaid or dot.")
    var format: DiagramFormat = .mermaid

    @Option(help: "Draw only this squad and the departments its members come from.")
    var squad: String?

    @Option(help: "Draw only this department, its parent and sub-departments, and the squads drawing from it.")
    var department: String?

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func validate() throws {
        if squad != nil && department != nil {
            throw ValidationError("give --squad or --department, not both")
        }
    }

    func run() throws {
        let organization = try readOrganization(file, strict: strict)
        let output: String
        do {
            let squadID = try squad.map { text throws(InputError) in try Input.squadID(text) }
            let departmentID = try department.map { text throws(InputError) in try Input.departmentID(text) }
            output = try Commands.diagram(organization, format: format, squad: squadID, department: departmentID)
        } catch {
            throw failOnInput(InputError("\(file): \(error.message)"))
        }
        try emit(output)
    }
}

/// The file and output options every analysis takes.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat fields the format does not know as errors (exit 2) rather than warnings.")
    var strict = false

    func organization() throws -> Organization {
        try readOrganization(file, strict: strict)
    }
}

struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List each squad's skill gaps and the specialists who could fill them.",
        discussion: "Candidates are ranked by proficiency, then spare time, then whether they bring a new department."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Only this squad.")
    var squad: String?

    func run() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try squad.map { text throws(InputError) in try Input.squadID(text) }
            var progress = ProgressLine("skill gaps")
            defer { progress.finish() }
            output = try Commands.gaps(organization, squad: id, format: options.format) { done, total in
                progress.update(done: done, total: total)
            }
        } catch {
            throw failOnInput(InputError("\(options.file): \(error.message)"))
        }
        try emit(output)
    }
}

struct Staffing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose specialists for a squad's mission, with a reason for each pick.",
        discussion: "Covers the mission's skills rarest first, draws from at least three departments, and fills the "
            + "squad to six; the squad's current members are left out. Says what it could not cover."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "The squad whose mission to staff.")
    var squad: String

    @Option(parsing: .unconditional, help: "The share of each member's time, in percent.")
    var share: Int = 40

    func run() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try Input.squadID(squad)
            output = try Commands.staffing(organization, squad: id, sharePercent: share, format: options.format)
        } catch {
            throw failOnInput(InputError("\(options.file): \(error.message)"))
        }
        try emit(output)
    }
}

struct Scores: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score each squad's outcomes and roll them up.",
        discussion: "Progress is (current - baseline) / (target - baseline), clamped to 0...1; below 0.4 is off "
            + "track, below 0.7 at risk, otherwise on track."
    )

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        try emit(Commands.scores(try options.organization(), format: options.format))
    }
}

struct Reach: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which silo data flows to which squad, and what squads cannot reach."
    )

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        try emit(Commands.reach(try options.organization(), format: options.format))
    }
}

struct ImportSCIM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-scim",
        abstract: "Read a SCIM 2.0 list response of users and groups into an organisation document.",
        discussion: "Departments come from each user's department (under their division), heads from manager "
            + "chains where unambiguous, squads from the groups you name. The organisation is printed as JSON; "
            + "everything that could not be placed is listed on standard error."
    )

    @Argument(help: "The SCIM ListResponse document (JSON).")
    var file: String

    @OptionGroup var reading: SCIMReadingOptions

    @Option(help: "Which user attribute names each specialist: resourceID, userName or externalID.")
    var ids: SpecialistIDSource = .resourceID

    func importDocument() throws(InputError) -> (document: String, report: [String]) {
        try Commands.importSCIM(
            from: try Input.data(atPath: file), name: file, options: try reading.options(ids: ids))
    }

    func run() throws {
        let imported: (document: String, report: [String])
        do {
            imported = try importDocument()
        } catch {
            throw failOnInput(error)
        }
        try emit(imported.document)
        for line in imported.report { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }
}

/// How `import-scim` and `scim pull` read users and groups into an organisation.
struct SCIMReadingOptions: ParsableArguments {
    @Option(help: "The organisation's name.")
    var name = "Imported organisation"

    @Option(help: "The organisation's shared goal.")
    var goal = ""

    @Option(parsing: .upToNextOption, help: "Groups to read as squads, by id or display name.")
    var groups: [String] = []

    @Flag(help: "Read every group as a squad.")
    var allGroups = false

    @Option(parsing: .unconditional, help: "The share of each squad member's time, in percent.")
    var share: Int = 20

    func options(ids: SpecialistIDSource) throws(InputError) -> SCIMImport.Options {
        let memberShare: TimeShare
        do {
            memberShare = try TimeShare(percent: share)
        } catch {
            throw InputError("--share: \(error.message)")
        }
        var options = SCIMImport.Options(
            name: name, goal: goal, squads: allGroups ? .all : groups.isEmpty ? .none : .named(Set(groups)),
            share: memberShare)
        options.specialistIDs = ids.choice
        return options
    }
}

struct SCIM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scim",
        abstract: "Provision people and squads into an identity system over SCIM 2.0, or read them from one.",
        subcommands: [SCIMPush.self, SCIMPull.self]
    )
}

struct SCIMServerOptions: ParsableArguments {
    @Option(help: "The SCIM server's base URL, such as https://idp.example.com/scim/v2.")
    var url: String

    @Option(help: "A bearer token; or set SQUADS_SCIM_TOKEN, which keeps it out of the process list.")
    var token: String?

    @Option(help: "How long one request may take, in seconds.")
    var timeout: Double = 30

    @Flag(help: "Print each request and the server's answer on standard error.")
    var verbose = false

    func client() throws -> SCIMClient {
        guard let base = URL(string: url), ["http", "https"].contains(base.scheme?.lowercased() ?? "") else {
            throw failOnInput(InputError("--url: \(url) is not an http or https URL"))
        }
        guard timeout > 0 else {
            throw failOnInput(InputError("--timeout: \(timeout) is not a positive number of seconds"))
        }
        let verbose = verbose
        return SCIMClient(
            baseURL: base, token: token ?? ProcessInfo.processInfo.environment["SQUADS_SCIM_TOKEN"], timeout: timeout,
            log: { message in
                if verbose { FileHandle.standardError.write(Data("squads: \(message)\n".utf8)) }
            })
    }
}

/// Runs a SCIM exchange, turning a refusal by the server or an unreachable server into a message and exit 2.
func talkingToSCIM<Value>(_ body: () throws -> Value) throws -> Value {
    do {
        return try body()
    } catch let error as SCIMServerError {
        throw failOnInput(InputError(error.description))
    } catch let error as InputError {
        throw failOnInput(error)
    } catch let error as ExitCode {
        throw error
    } catch {
        throw failOnInput(InputError("SCIM: \(error)"))
    }
}

struct SCIMPush: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Make a SCIM server hold the organisation's people and squads, changing only what differs.",
        discussion: "Users are matched by userName (the specialist's id), groups by externalId (squad:<id>, "
            + "department:<id>). A second push changes nothing. Only what squads provisions is deleted: users whose "
            + "externalId is their userName and groups whose externalId starts with squad: (or department:). Requests "
            + "refused with 429 or 503 are tried again with back-off; any other refusal is shown with the server's "
            + "SCIM error and exits 2."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @OptionGroup var server: SCIMServerOptions

    @Flag(help: "Also provision each department as a group of its staff; without it, department groups are left alone.")
    var departments = false

    @Flag(help: "Read what the server holds and print the requests a push would send, without sending them.")
    var dryRun = false

    func run() throws {
        let model = try readOrganization(organization)
        let client = try server.client()
        let summary = try talkingToSCIM {
            try Commands.scimPush(model, to: client, includingDepartments: departments, dryRun: dryRun)
        }
        if dryRun { for request in summary.requests { try emit("\(request)\n") } }
        try emit("pushed \(server.url): \(summary.line)\n")
    }
}

struct SCIMPull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Read the users and groups of a SCIM server into an organisation document.",
        discussion: "The same mapping and report as import-scim: departments from each user's department (under "
            + "their division), heads from manager chains, squads from the groups you name."
    )

    @OptionGroup var server: SCIMServerOptions

    @OptionGroup var reading: SCIMReadingOptions

    @Option(
        help: "Which user attribute names each specialist: resourceID, userName (as push writes it) or externalID.")
    var ids: SpecialistIDSource = .userName

    @Option(help: "Where to write the organisation; standard output by default.")
    var output = "-"

    func run() throws {
        let options: SCIMImport.Options
        do {
            options = try reading.options(ids: ids)
        } catch {
            throw failOnInput(error)
        }
        let client = try server.client()
        let imported = try talkingToSCIM { try Commands.scimPull(from: client, options: options) }
        for line in imported.report { FileHandle.standardError.write(Data("squads: \(line)\n".utf8)) }
        try writeOutput(Data(imported.document.utf8), to: output)
    }
}

struct ExportORG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-org",
        abstract: "Write an organisation as JSON-LD in the W3C Organization Ontology.",
        discussion: "Departments become org:OrganizationalUnit, squads org:OrganizationalCollaboration, squad "
            + "memberships org:Membership; what ORG has no term for is carried as cvs: properties."
    )

    @Argument(help: "The organisation document (JSON); - reads standard input.")
    var file: String

    func run() throws {
        try emit(Commands.exportORG(try readOrganization(file)))
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the changes that turn one organisation into another, and their impact.",
        discussion: "Lists the changes in an order in which they apply, then what moves: each silo's FTE pulled "
            + "into squads and left at home, the squads that change, and the findings that appear (+) or go (-)."
    )

    @Argument(help: "The organisation before (JSON); - reads standard input.")
    var before: String

    @Argument(help: "The organisation after (JSON); - reads standard input.")
    var after: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if before == "-" && after == "-" {
            throw ValidationError(
                "standard input can be read only once: give at most one of the two organisations as -")
        }
    }

    func run() throws {
        try emit(Commands.diff(try readOrganization(before), try readOrganization(after), format: format))
    }
}

struct CheckIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in",
        abstract: "Record a dated check-in of a squad's outcome and write the organisation with it.",
        discussion: "The outcome's current value becomes the latest check-in's. One check-in per outcome and day; "
            + "the output file is written atomically."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "The squad.")
    var squad: String

    @Option(help: "The squad's outcome.")
    var outcome: String

    @Option(parsing: .unconditional, help: "The measured value (negative values too, such as --value -2.5).")
    var value: Double

    @Option(parsing: .unconditional, help: "How confident the squad is of reaching the target, 0 to 10.")
    var confidence: Int?

    @Option(help: "The day of the check-in, such as 2026-11-28; today (UTC) by default.")
    var day: String?

    @Option(help: "A note to keep with the check-in.")
    var note: String = ""

    @Option(help: "Where to write the organisation with the check-in; - writes standard output.")
    var output: String

    func run() throws {
        let base = try readOrganization(organization)
        let data: Data
        do {
            let squadID = try Input.squadID(squad)
            let outcomeID: Outcome.ID
            do {
                outcomeID = try Outcome.ID(validating: outcome)
            } catch {
                throw InputError("--outcome: \(error.message)")
            }
            let checkInDay: Day
            do {
                checkInDay = try day.map { text throws(OrganizationError) in try Day(iso: text) } ?? .today
            } catch {
                throw InputError("--day: \(error.message)")
            }
            do {
                data = try Commands.checkIn(
                    base, squad: squadID, outcome: outcomeID, value: value, confidence: confidence, day: checkInDay,
                    note: note)
            } catch {
                throw InputError("\(organization): \(error.message)")
            }
        } catch let error as InputError {
            throw failOnInput(error)
        }
        try writeOutput(data, to: output)
    }
}

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a change log to an organisation and write the result.",
        discussion: "All or nothing: a change that does not fit is reported with its position, and no file is "
            + "written. The output file is written atomically: an interrupted run never leaves half a file."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Argument(help: "The change log: a JSON list of changes, as OrganizationChange.jsonData writes it.")
    var changes: String

    @Option(help: "Where to write the organisation with the changes applied; - writes standard output.")
    var output: String

    func run() throws {
        let base = try readOrganization(organization)
        let data: Data
        do {
            let log = try Input.data(atPath: changes)
            let parsed: [OrganizationChange]
            do {
                parsed = try OrganizationChange.changes(fromJSON: log)
            } catch let error as DecodingError {
                throw InputError(Input.describe(error, in: changes))
            } catch {
                throw InputError("\(changes): \(error)")
            }
            data = try Commands.apply(parsed, to: base, log: changes)
        } catch let error as InputError {
            throw failOnInput(error)
        }
        try writeOutput(data, to: output)
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a rollout plan's drain ledger: what each silo gives after the pilot and each batch.",
        discussion: "With --floor, says which silos fall below the share of their capacity that must stay home, "
            + "and how many full-time equivalents they must hire back."
    )

    @Argument(help: "The organisation (JSON), with the plan's squads formed.")
    var organization: String

    @Argument(help: "The rollout plan (JSON).")
    var plan: String

    @Option(parsing: .upToNextOption, help: "Floors as department=share, such as sales=0.5.")
    var floor: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let base = try readOrganization(organization)
        let output: String
        do {
            let data = try Input.data(atPath: plan)
            let rolloutPlan: RolloutPlan
            do {
                rolloutPlan = try JSONDecoder().decode(RolloutPlan.self, from: data)
            } catch let error as DecodingError {
                throw InputError(Input.describe(error, in: plan))
            } catch {
                throw InputError("\(plan): \(error)")
            }
            output = try Commands.plan(rolloutPlan, in: base, floors: try Commands.floors(floor), format: format)
        } catch let error as InputError {
            throw failOnInput(error)
        }
        try emit(output)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page about an organisation.",
        discussion: "The silo × squad matrix (members each squad draws from each department, shaded), the "
            + "findings, the outcome scores and the reach; with --compare, the impact against another organisation "
            + "side by side. No scripts and nothing from the network. The file is written atomically."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "An organisation to compare against, such as today's when the first is a scenario.")
    var compare: String?

    @Option(help: "Where to write the page; - writes standard output.")
    var output: String

    func run() throws {
        let current = try readOrganization(organization)
        let baseline = try compare.map { try readOrganization($0) }
        let page = Commands.report(current, comparedTo: baseline)
        try writeOutput(Data(page.utf8), to: output)
    }
}
