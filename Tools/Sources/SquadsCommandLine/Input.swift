import CustomerValueSquads
import Foundation

/// A problem with what the user gave the tool: a file that cannot be read, is not JSON, or breaks an
/// invariant. The tool prints it and exits with status 2.
public struct InputError: Error, Equatable, CustomStringConvertible {
    /// What is wrong and where: the file, the location in it, and the problem.
    public let message: String

    /// Creates an input error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Reading the tool's input files.
public enum Input {
    /// Reads a file's bytes; `-` reads standard input. Pipes and process substitutions work too.
    ///
    /// - Throws: ``InputError`` naming the file when it does not exist, is a directory or cannot be read.
    public static func data(atPath path: String) throws(InputError) -> Data {
        if path == "-" {
            do {
                return try FileHandle.standardInput.readToEnd() ?? Data()
            } catch {
                throw InputError("-: standard input cannot be read: \(error.localizedDescription)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw InputError("\(path): is a directory, not a document") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("\(path): cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw InputError("\(path): cannot be read: \(error.localizedDescription)")
        }
    }

    /// Reads an organisation document from a file, or from standard input for `-`, with a warning for each
    /// field the format does not know.
    ///
    /// A regular file's bytes are let go before the organisation is built, so a large file costs the memory of
    /// the file or of the organisation at its peak, not of both.
    ///
    /// - Throws: ``InputError`` naming the file, the line and column, the path in the document and the problem.
    public static func organizationWithWarnings(atPath path: String) throws(InputError) -> (
        organization: Organization, warnings: [String]
    ) {
        guard path != "-",
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
            FileManager.default.isReadableFile(atPath: path)
        else {
            return try organizationWithWarnings(from: data(atPath: path), name: path)
        }
        do {
            let (organization, unknown) = try Organization.decoding(contentsOf: URL(fileURLWithPath: path))
            return (organization, warnings(unknown, in: path))
        } catch let error as DecodingError {
            throw InputError(describe(error, in: path))
        } catch {
            throw InputError("\(path): cannot be read: \(error.localizedDescription)")
        }
    }

    /// Decodes an organisation document, with a warning for each field the format does not know.
    ///
    /// - Parameters:
    ///   - data: The document.
    ///   - name: The file name to use in messages.
    /// - Throws: ``InputError`` naming the file, the line and column, the path in the document and the problem.
    public static func organizationWithWarnings(from data: Data, name: String) throws(InputError) -> (
        organization: Organization, warnings: [String]
    ) {
        do {
            let (organization, unknown) = try Organization.decoding(jsonData: data)
            return (organization, warnings(unknown, in: name))
        } catch let error as DecodingError {
            throw InputError(describe(error, in: name))
        } catch {
            throw InputError("\(name): \(error)")
        }
    }

    /// The warnings about unknown fields, one line each.
    private static func warnings(_ unknown: [OrganizationError], in name: String) -> [String] {
        unknown.map { warning in
            let place = warning.location.map { "\(name):\($0.line):\($0.column)" } ?? name
            let path = warning.path.isEmpty ? "" : " at \(OrganizationError.pathDescription(warning.path))"
            return "\(place): warning\(path): \(warning.message)"
        }
    }

    /// Decodes an organisation document.
    ///
    /// - Throws: ``InputError`` naming the file, the line and column, the path in the document and the problem.
    public static func organization(from data: Data, name: String) throws(InputError) -> Organization {
        try organizationWithWarnings(from: data, name: name).organization
    }

    /// Reads a rollout plan (JSON) from a file, or from standard input for `-`.
    ///
    /// - Throws: ``InputError`` naming the file, the location and the problem.
    public static func rolloutPlan(atPath path: String) throws(InputError) -> RolloutPlan {
        let data = try data(atPath: path)
        do {
            return try JSONDecoder().decode(RolloutPlan.self, from: data)
        } catch let error as DecodingError {
            throw InputError(describe(error, in: path))
        } catch {
            throw InputError("\(path): \(error)")
        }
    }

    /// Reads an organisation document from a file, or from standard input for `-`.
    public static func organization(atPath path: String) throws(InputError) -> Organization {
        try organizationWithWarnings(atPath: path).organization
    }

    /// Reads a squad identifier given on the command line.
    ///
    /// - Throws: ``InputError`` naming the option when the text is not a valid identifier.
    public static func squadID(_ text: String, option: String = "--squad") throws(InputError) -> CustomerValueSquad.ID {
        do {
            return try CustomerValueSquad.ID(validating: text)
        } catch {
            throw InputError("\(option): \(error.message)")
        }
    }

    /// Reads a department identifier given on the command line.
    ///
    /// - Throws: ``InputError`` naming the option when the text is not a valid identifier.
    public static func departmentID(_ text: String, option: String = "--department") throws(InputError)
        -> Department.ID
    {
        do {
            return try Department.ID(validating: text)
        } catch {
            throw InputError("\(option): \(error.message)")
        }
    }

    /// A decoding error as one line: `file:line:column: at path: problem`.
    public static func describe(_ error: DecodingError, in name: String) -> String {
        let place = error.documentLocation.map { "\(name):\($0.line):\($0.column)" } ?? name
        let location = error.locationDescription
        let problem = error.problemDescription
        return location.isEmpty ? "\(place): \(problem)" : "\(place): at \(location): \(problem)"
    }
}
