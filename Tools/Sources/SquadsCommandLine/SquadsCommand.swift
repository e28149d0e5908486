import ArgumentParser
import CustomerValueSquads
import Foundation

/// A `squads` subcommand: it does its work in ``execute()``, and its `run()` maps every failure to the exit
/// statuses the help documents — a problem with the input or the output is a message on standard error and exit
/// status 2, whatever raised it.
protocol SquadsCommand: ParsableCommand {
    /// Does the command's work; throws ``InputError`` (or any error) for what the user must fix, or an
    /// `ExitCode` for a status of its own (such as `validate`'s 1).
    func execute() throws
}

extension SquadsCommand {
    /// Runs ``execute()``: an `ExitCode` or a usage error passes through; any other failure is printed as
    /// `squads: <message>` on standard error and becomes exit status 2.
    func run() throws {
        do {
            try execute()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as InputError {
            throw Self.fail(error.message)
        } catch let error as SCIMServerError {
            throw Self.fail(error.description)
        } catch {
            throw Self.fail("\(error)")
        }
    }

    /// Prints `message` on standard error and returns exit status 2.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("squads: \(message)\n".utf8))
        return ExitCode(2)
    }
}

/// Reads an organisation document (`-` for standard input); prints a warning on standard error for each field
/// the format does not know (an error with `strict`); when reading takes more than a moment, says how much was
/// read and how long it took, so a large file does not look like a hang.
///
/// - Throws: ``InputError`` naming the file and what is wrong.
func readOrganization(_ file: String, strict: Bool = false) throws(InputError) -> Organization {
    let start = ContinuousClock.now
    let (organization, warnings) = try Input.organizationWithWarnings(atPath: file)
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
    if organization.specialistCount >= LargeOrganizations.keptFrom { LargeOrganizations.keep(organization) }
    return organization
}

/// Large organisations read by this process, kept until it exits: taking a million specialists apart object by
/// object takes longer than a command has left to run, and the system takes the memory back at exit at once.
enum LargeOrganizations {
    /// How many specialists make an organisation large.
    static let keptFrom = 100_000

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Organization] = []

    /// Keeps `organization` until the process exits.
    static func keep(_ organization: Organization) {
        lock.lock()
        kept.append(organization)
        lock.unlock()
    }
}

/// Writes `text` to standard output, all of it; see ``Output/standardOutput(_:)-(String)``.
func emit(_ text: String) throws(InputError) {
    try Output.standardOutput(text)
}

/// Writes a document to `path` (`-` for standard output) as ``Output/write(_:to:)`` does: links followed, a
/// regular file replaced atomically with its mode and owner, a FIFO or device written into.
func writeOutput(_ data: Data, to path: String) throws(InputError) {
    try Output.write(data, to: path)
}
