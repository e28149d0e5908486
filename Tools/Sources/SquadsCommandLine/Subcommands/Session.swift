import ArgumentParser
import CustomerValueSquads
import Foundation

struct SessionCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Make changes one line at a time and see after each the findings it added and resolved.",
        discussion: """
            Each line is a change as squads change takes it (VERB --option value …), or one of: undo (take the \
            last accepted line back), findings (the report as it stands), impact (what moved since the start, as \
            squads diff shows it), save (write the organisation and append the changes to the log), quit. Lines \
            come from standard input or --script; # starts a comment, and quoting follows the shell's rules \
            ("Key accounts"). A refused line is reported with its line number and the session goes on, or stops \
            with --stop-on-error (exit 2, nothing written). The organisation and the log are written at save and \
            at the end, each file replaced atomically.
            """
    )

    @Argument(help: "The organisation (JSON).")
    var organization: String

    @Option(help: "Where to write the organisation; its own file by default (- writes standard output).")
    var output: String?

    @Option(help: "A change log to append the session's changes to; created if missing.")
    var log: String?

    @Option(help: "A file of lines to run instead of standard input.")
    var script: String?

    @Option(help: "A policy settings file to judge the findings by.")
    var policy: String?

    @Option(help: "The day of the changes, such as 2026-11-28; today (UTC) by default.")
    var day: String?

    @Flag(help: "Stop at the first refused line, writing nothing.")
    var stopOnError = false

    @Flag(help: "At the end, say on standard error how long the lines took (median, 99th percentile, slowest).")
    var timings = false

    func execute() throws {
        let base = try readOrganization(organization)
        guard output != nil || organization != "-" else {
            throw InputError("the organisation was read from standard input; say where to write it with --output")
        }
        let rules = try policy.map { path throws(InputError) in try Input.policy(atPath: path) } ?? .default
        let sessionDay: Day
        do {
            sessionDay = try day.map { text throws(OrganizationError) in try Day(iso: text) } ?? .today
        } catch {
            throw InputError("--day: \(error.message)")
        }
        let text: String
        if let script {
            text = String(decoding: try Input.data(atPath: script), as: UTF8.self)
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var session = PlanningSession(base, policy: rules, day: sessionDay)
        let destination = output ?? organization
        func save() throws {
            try writeOutput(try session.organization.jsonData(), to: destination)
            if let log { try Commands.append(session.unsaved, toLog: log) }
            session.markSaved()
        }
        var number = 0
        var durations: [Duration] = []
        defer { if timings { Self.reportTimings(durations) } }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let started = ContinuousClock.now
            let answer = session.run(String(line), line: number)
            durations.append(ContinuousClock.now - started)
            switch answer {
            case .output(let shown):
                if !shown.isEmpty { try emit(shown) }
            case .refused(let message):
                FileHandle.standardError.write(Data("squads: line \(number): \(message)\n".utf8))
                if stopOnError { throw ExitCode(2) }
            case .save:
                try save()
                try emit("saved \(destination)\(log.map { " and \($0)" } ?? "")\n")
            case .quit:
                try save()
                return
            }
        }
        try save()
    }
}

extension SessionCommand {
    /// Prints how long the lines took: median, 99th percentile and slowest, in microseconds.
    static func reportTimings(_ durations: [Duration]) {
        guard !durations.isEmpty else { return }
        let sorted = durations.sorted()
        func microseconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.0f", Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
        }
        let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        let line =
            "squads: \(sorted.count) lines: median \(microseconds(sorted[sorted.count / 2])) µs, 99th percentile "
            + "\(microseconds(p99)) µs, slowest \(microseconds(sorted[sorted.count - 1])) µs\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// A planning session: changes applied one line at a time through ``LiveValidation``, each answered with the
/// findings it added and resolved; lines can be undone, and the changes are kept for the change log.
public struct PlanningSession: Sendable {
    /// What a line asks the tool to do after it has been read.
    public enum Answer: Sendable, Equatable {
        /// Text to show: the findings a change added and resolved, the report, or the impact.
        case output(String)
        /// The line was refused (it cannot be read, or the library refused the change); nothing changed.
        case refused(String)
        /// Write the organisation and the log now.
        case save
        /// Write them and stop.
        case quit
    }

    /// The organisation the session started from.
    public let start: Organization
    private var live: LiveValidation
    private let day: Day
    /// The changes of each accepted line, in order; `undo` takes the last away.
    public private(set) var lines: [[OrganizationChange]] = []
    private var saved = 0  // how many of `lines` the log has

    /// Starts a session on `organization`, judging findings by `policy` on `day`.
    public init(_ organization: Organization, policy: ValidationPolicy = .default, day: Day = .today) {
        start = organization
        live = LiveValidation(organization, policy: policy, on: day)
        self.day = day
    }

    /// The organisation as it stands.
    public var organization: Organization { live.organization }

    /// The changes accepted since the last save, for the log.
    public var unsaved: [OrganizationChange] { lines.dropFirst(saved).flatMap { $0 } }

    /// Records that the log now has every accepted change.
    public mutating func markSaved() { saved = lines.count }

    /// Runs one line: a change, `undo`, `findings`, `impact`, `save` or `quit`; blank lines and comments do
    /// nothing. A refused line changes nothing.
    public mutating func run(_ text: String, line: Int) -> Answer {
        let words: [String]
        do {
            words = try Self.words(of: text)
        } catch {
            return .refused(error.message)
        }
        guard let first = words.first else { return .output("") }
        switch first {
        case "quit", "exit": return .quit
        case "save": return .save
        case "findings":
            let report = live.report
            return .output(
                report.findings.map { "\($0)\n" }.joined()
                    + "\(report.errorCount) errors, \(report.warningCount) warnings\n")
        case "impact":
            do {
                return .output(try Commands.diff(start, live.organization, format: .text))
            } catch {
                return .refused("impact: \(error)")
            }
        case "undo":
            guard let last = lines.popLast() else { return .refused("undo: nothing to undo") }
            do {
                let difference = try live.apply(last.reversed().map(\.inverse))
                if saved > lines.count { saved = lines.count }
                let result = ChangeResult(organization: live.organization, changes: [], difference: difference)
                return .output("\(line): undone\n" + ((try? result.text()) ?? ""))
            } catch {
                lines.append(last)
                return .refused("undo: \(error.message)")
            }
        default:
            do {
                let verb = try ChangeVerb.named(first)
                var arguments = try VerbArguments(
                    Array(words.dropFirst()), verb: verb.name,
                    options: verb.options + [VerbOption("reason", "TEXT", "why: kept with the change")])
                arguments.day = day
                arguments.reason = arguments.optional("reason") ?? ""
                let recording = try live.record(reason: arguments.reason, on: day) {
                    (changed: inout Organization) throws -> Void in
                    try verb.apply(arguments, to: &changed)
                }
                lines.append(recording.changes ?? [])
                let result = ChangeResult(
                    organization: live.organization, changes: recording.changes ?? [], difference: recording.difference)
                return .output("\(line): \(verb.name)\n" + (try result.text()))
            } catch let error as InputError {
                return .refused(error.message)
            } catch let error as OrganizationError {
                return .refused("[\(error.code)] \(error.message)")
            } catch {
                return .refused("\(error)")
            }
        }
    }

    /// A line split into words as a shell splits them: spaces separate, '…' keeps everything, "…" keeps all but
    /// `\"` and `\\`, a backslash outside quotes keeps the next character, and # at the start of a word begins
    /// a comment.
    ///
    /// - Throws: ``InputError`` for a quote left open.
    public static func words(of line: String) throws(InputError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("\"", "\\"), (nil, "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, "#") where !inWord:
                return words
            case (nil, _) where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw InputError("a \(quote == "'" ? "single" : "double") quote is left open") }
        if escaped { throw InputError("the line ends with a backslash") }
        if inWord { words.append(current) }
        return words
    }
}
