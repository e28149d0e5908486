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
    /// Reads a file's bytes.
    ///
    /// - Throws: ``InputError`` naming the file when it cannot be read.
    public static func data(atPath path: String) throws(InputError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw InputError("\(path): \(exists ? "cannot be read" : "no such file")")
        }
        return data
    }

    /// Decodes an organisation document.
    ///
    /// - Parameters:
    ///   - data: The document.
    ///   - name: The file name to use in messages.
    /// - Throws: ``InputError`` naming the file, the location in the document and the problem.
    public static func organization(from data: Data, name: String) throws(InputError) -> Organization {
        do {
            return try Organization(jsonData: data)
        } catch let error as DecodingError {
            throw InputError(describe(error, in: name))
        } catch {
            throw InputError("\(name): \(error)")
        }
    }

    /// Reads an organisation document from a file.
    public static func organization(atPath path: String) throws(InputError) -> Organization {
        try organization(from: data(atPath: path), name: path)
    }

    /// Reads validation policy settings — `{"thresholds": {...}, "disabledCodes": [...]}` — from a file.
    public static func policy(atPath path: String) throws(InputError) -> ValidationPolicy {
        let data = try data(atPath: path)
        do {
            return ValidationPolicy(settings: try JSONDecoder().decode(ValidationPolicy.Settings.self, from: data))
        } catch let error as DecodingError {
            throw InputError(describe(error, in: path))
        } catch {
            throw InputError("\(path): \(error)")
        }
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

    /// A decoding error as one line: `file: at location: problem`.
    static func describe(_ error: DecodingError, in name: String) -> String {
        let location = error.locationDescription
        var problem = error.problemDescription
        if problem.hasPrefix("The given data was not valid JSON") {
            problem = "not valid JSON"
            if case .dataCorrupted(let context) = error, let underlying = context.underlyingError {
                problem += " (\((underlying as NSError).userInfo[NSDebugDescriptionErrorKey] ?? underlying))"
            }
        }
        return location.isEmpty ? "\(name): \(problem)" : "\(name): at \(location): \(problem)"
    }
}
