import ArgumentParser
import CustomerValueSquads
import Foundation

struct ChangeCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Make one change to an organisation, record it in a change log and show the findings it changes.",
        discussion: """
            squads change ORG VERB [OPTIONS]; squads change ORG VERB --help shows a verb's options. Each verb \
            calls one of the library's transformations, which refuses what breaks an invariant: then nothing is \
            written, exit 2. Accepted, the organisation is written (--output FILE, --output - or --in-place), the \
            recorded change is appended to --log (created if missing; apply, timeline and scim push read it), and \
            the findings it added and resolved under --policy are printed.

            Verbs:
            \(ChangeVerb.all.map { "  \($0.name.padding(toLength: 20, withPad: " ", startingAt: 0))\($0.abstract)" }
                .joined(separator: "\n"))

            Options of every verb:
            \(ChangeOptions.help)
            """
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("The change: a verb and its options, then the options of every verb.", valueName: "change"))
    var words: [String] = []

    func execute() throws {
        guard let name = words.first else {
            throw InputError(
                "name the change to make, one of: " + ChangeVerb.all.map(\.name).joined(separator: ", "))
        }
        let verb = try ChangeVerb.named(name)
        let rest = Array(words.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            try emit(verb.help + "\n\nOptions of every verb:\n" + ChangeOptions.help + "\n")
            return
        }
        var arguments = try VerbArguments(rest, verb: verb.name, options: verb.options + ChangeOptions.options)
        let options = try ChangeOptions(arguments, organization: organization)
        arguments.day = options.day
        arguments.reason = options.reason
        let base = try readOrganization(organization)
        let result = try Commands.change(base, verb: verb, arguments: arguments, policy: options.policy)
        try writeOutput(try result.organization.jsonData(), to: options.output)
        if let log = options.log { try Commands.append(result.changes, toLog: log) }
        let text = try result.text(format: options.format)
        if options.output == "-" {
            // The organisation went to standard output: the findings go beside it, to standard error.
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            try emit(text)
        }
        if options.strict, result.difference.added.contains(where: { $0.severity == .error }) {
            throw ExitCode(1)
        }
    }
}

/// The options every change verb takes.
struct ChangeOptions {
    static let options = [
        VerbOption("output", "FILE", "where to write the changed organisation; - writes standard output"),
        VerbOption("in-place", nil, "write the changed organisation back to its file"),
        VerbOption("log", "FILE", "a change log to append the change to; created if missing"),
        VerbOption("day", "DAY", "the day of the change, such as 2026-11-28; today (UTC) by default"),
        VerbOption("reason", "TEXT", "why: kept with the change"),
        VerbOption("policy", "FILE", "a policy settings file to judge the findings by"),
        VerbOption("format", "FORMAT", "text (the default) or json"),
        VerbOption("strict", nil, "exit 1 when the change adds an error"),
    ]

    static var help: String {
        let width = options.map(\.usage.count).max() ?? 0
        return options.map { "  " + $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.help }
            .joined(separator: "\n")
    }

    let output: String
    let log: String?
    let day: Day
    let reason: String
    let policy: ValidationPolicy
    let format: String
    let strict: Bool

    init(_ arguments: VerbArguments, organization: String) throws(InputError) {
        switch (arguments.optional("output"), arguments.has("in-place")) {
        case (let output?, false): self.output = output
        case (nil, true):
            guard organization != "-" else {
                throw InputError("--in-place: the organisation was read from standard input; give --output")
            }
            self.output = organization
        case (_?, true): throw InputError("give --output or --in-place, not both")
        case (nil, false):
            throw InputError("say where to write the changed organisation: --output FILE, --output - or --in-place")
        }
        log = arguments.optional("log")
        day = try arguments.date("day") ?? .today
        reason = arguments.optional("reason") ?? ""
        policy =
            try arguments.optional("policy").map { path throws(InputError) in try Input.policy(atPath: path) }
            ?? .default
        format = arguments.optional("format") ?? "text"
        guard ["text", "json"].contains(format) else {
            throw InputError("--format \(String(reflecting: format)): text or json")
        }
        strict = arguments.has("strict")
    }
}

/// What one change did: the organisation after it, the changes recorded, and the findings it added and resolved.
public struct ChangeResult: Sendable {
    /// The organisation with the change made.
    public var organization: Organization
    /// The change as the change log records it (one entry, or several for a verb that touches several parts).
    public var changes: [OrganizationChange]
    /// The findings the change added and resolved.
    public var difference: ValidationReport.Difference

    /// The difference as people read it — `+ warning squad.size.tooSmall [squad bali] …` for each finding
    /// added, `~ …` for one that changed (the same code about the same subject, as it reads now),
    /// `- resolved squad.pieces.noBrain [squad bali]` for each resolved — or as JSON.
    public func text(format: String = "text") throws -> String {
        if format == "json" {
            struct Document: Encodable {
                let changes: [OrganizationChange]
                let added: [Finding]
                let resolved: [Finding]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(
                Document(changes: changes, added: difference.added, resolved: difference.removed))
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        guard !difference.isEmpty else { return "no finding added or resolved\n" }
        // A finding about the same subject under the same code on both sides has changed (a squad of 4 is now
        // one of 5): shown once, as it reads now.
        func key(_ finding: Finding) -> String { "\(finding.code) \(finding.subject)" }
        let before = Set(difference.removed.map(key))
        let after = Set(difference.added.map(key))
        return
            (difference.added.map { (before.contains(key($0)) ? "~ " : "+ ") + "\($0)" }
            + difference.removed.filter { !after.contains(key($0)) }.map { "- resolved \($0.code) [\($0.subject)]" })
            .joined(separator: "\n") + "\n"
    }
}

extension Commands {
    /// `squads change`: applies `verb` with `arguments` to `organization` and says which findings under `policy`
    /// the change added and resolved.
    ///
    /// - Throws: ``InputError`` for options that cannot be read, and for a change the library refuses (its
    ///   code and message); `organization` is not changed either way.
    public static func change(
        _ organization: Organization, verb: ChangeVerb, arguments: VerbArguments, policy: ValidationPolicy = .default
    ) throws -> ChangeResult {
        var live = LiveValidation(organization, policy: policy, on: arguments.day)
        let recording: LiveValidation.Recording
        do {
            recording = try live.record(reason: arguments.reason, on: arguments.day) {
                (changed: inout Organization) throws -> Void in
                try verb.apply(arguments, to: &changed)
            }
        } catch let error as OrganizationError {
            throw InputError("\(verb.name) refused: [\(error.code)] \(error.message); nothing was written")
        }
        return ChangeResult(
            organization: live.organization, changes: recording.changes ?? [], difference: recording.difference)
    }

    /// Appends `changes` to the change log at `path`, creating it when there is none; the file is replaced
    /// atomically.
    ///
    /// - Throws: ``InputError`` when the log cannot be read or written.
    public static func append(_ changes: [OrganizationChange], toLog path: String) throws(InputError) {
        var log: [OrganizationChange] = []
        if FileManager.default.fileExists(atPath: path) {
            log = try Input.changeLog(atPath: path)
        }
        do {
            try Output.write(try OrganizationChange.jsonData(log + changes), to: path)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(path): \(error)")
        }
    }
}
