import CustomerValueSquads
import Foundation

/// One option a change verb takes, such as `--squad ID`.
public struct VerbOption: Sendable, Hashable {
    /// The option's name without the dashes, such as `squad`.
    public let name: String
    /// What the value names, such as `ID`; `nil` for a flag that takes no value.
    public let value: String?
    /// What the option means.
    public let help: String
    /// Whether the verb needs it.
    public let required: Bool
    /// Whether it may be given more than once.
    public let repeatable: Bool

    /// Creates an option.
    public init(_ name: String, _ value: String?, _ help: String, required: Bool = false, repeatable: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.required = required
        self.repeatable = repeatable
    }

    /// `--name VALUE`, or `--name` for a flag.
    public var usage: String { "--\(name)" + (value.map { " \($0)" } ?? "") }
}

/// The options given to a verb, read from the words after it.
public struct VerbArguments: Sendable {
    /// The verb they were given to.
    public let verb: String
    /// The values of each option given, in order.
    public private(set) var values: [String: [String]] = [:]
    /// The day the change happens on (`--day`, today by default).
    public var day: Day = .today
    /// Why (`--reason`), kept with the change and with a release or dissolution.
    public var reason = ""

    /// Reads `words` (`--name value`, `--name=value`, or `--flag`) against `options`.
    ///
    /// - Throws: ``InputError`` for an unknown option (with the closest known one), a missing value, a value
    ///   given twice to an option that takes one, or a required option left out.
    public init(_ words: [String], verb: String, options: [VerbOption]) throws(InputError) {
        self.verb = verb
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--"), word.count > 2 else {
                throw InputError("\(verb): \(String(reflecting: word)) is not an option; options start with --")
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                let closest = options.map(\.name).min {
                    Input.editDistance(name, $0) < Input.editDistance(name, $1)
                }
                let hint =
                    closest.map { Input.editDistance(name, $0) <= max(2, name.count / 3) } == true
                    ? "; did you mean --\(closest ?? "")?"
                    : "; its options are " + options.map { "--\($0.name)" }.joined(separator: ", ")
                throw InputError("\(verb): unknown option --\(name)" + hint)
            }
            if option.value == nil {
                guard value == nil else { throw InputError("\(verb): --\(name) takes no value") }
                values[name, default: []].append("")
            } else {
                if value == nil {
                    index += 1
                    guard index < words.count else { throw InputError("\(verb): --\(name) needs a value") }
                    value = words[index]
                }
                guard option.repeatable || values[name] == nil else {
                    throw InputError("\(verb): --\(name) is given twice")
                }
                values[name, default: []].append(value ?? "")
            }
            index += 1
        }
        for option in options where option.required && values[option.name] == nil {
            throw InputError("\(verb): \(option.usage) is required")
        }
    }

    /// Whether the option was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The option's value, if given.
    public func optional(_ name: String) -> String? { values[name]?.first }

    /// The option's value.
    public func string(_ name: String) throws(InputError) -> String {
        guard let value = optional(name) else { throw InputError("\(verb): --\(name) is required") }
        return value
    }

    /// Every value of a repeatable option, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The option's value as a number, if given.
    public func number(_ name: String) throws(InputError) -> Double? {
        guard let text = optional(name) else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw InputError("\(verb): --\(name) \(String(reflecting: text)) is not a number")
        }
        return number
    }

    /// The option's value as a whole number, if given.
    public func integer(_ name: String) throws(InputError) -> Int? {
        guard let text = optional(name) else { return nil }
        guard let number = Int(text) else {
            throw InputError("\(verb): --\(name) \(String(reflecting: text)) is not a whole number")
        }
        return number
    }

    /// The option's value as a day (`2026-11-28`), if given.
    public func date(_ name: String) throws(InputError) -> Day? {
        guard let text = optional(name) else { return nil }
        do {
            return try Day(iso: text)
        } catch {
            throw InputError("\(verb): --\(name): \(error.message)")
        }
    }

    /// The option's value as an identifier of `kind` for which `exists` holds, when it is given; otherwise
    /// the error names the closest of `candidates` (read only then).
    public func reference<Tag>(
        _ name: String, kind: String, exists: (Identifier<Tag>) -> Bool,
        candidates: @autoclosure () -> [Identifier<Tag>]
    ) throws(InputError) -> Identifier<Tag>? {
        guard let text = optional(name) else { return nil }
        let id: Identifier<Tag>
        do {
            id = try Identifier<Tag>(validating: text)
        } catch {
            throw InputError("\(verb): --\(name): \(error.message)")
        }
        guard exists(id) else {
            throw InputError(
                "\(verb): --\(name): no \(kind) \(String(reflecting: text))"
                    + Self.suggestion(for: text, among: candidates().map(\.rawValue), kind: kind))
        }
        return id
    }

    /// ``reference(_:kind:exists:candidates:)`` for an option the verb requires.
    public func required<Tag>(
        _ name: String, kind: String, exists: (Identifier<Tag>) -> Bool,
        candidates: @autoclosure () -> [Identifier<Tag>]
    ) throws(InputError) -> Identifier<Tag> {
        guard let id = try reference(name, kind: kind, exists: exists, candidates: candidates()) else {
            throw InputError("\(verb): --\(name) is required")
        }
        return id
    }

    /// `; did you mean "x"?` for a close candidate, the candidates when there are few, or how many there are.
    static func suggestion(for text: String, among candidates: [String], kind: String) -> String {
        guard !candidates.isEmpty else { return "; there is none yet" }
        if candidates.count <= 12 { return Input.suggestion(for: text, among: candidates) }
        let close = Input.suggestion(for: text, among: candidates)
        return close.hasPrefix("; did you mean") ? close : "; there are \(candidates.count) \(kind)s, none close to it"
    }

    /// The option's value as a new identifier (one that need not exist).
    public func newID<Tag>(_ name: String) throws(InputError) -> Identifier<Tag> {
        let text = try string(name)
        do {
            return try Identifier<Tag>(validating: text)
        } catch {
            throw InputError("\(verb): --\(name): \(error.message)")
        }
    }

    /// A value of the library's JSON format, from `--from FILE` (`-` for standard input) or `--json TEXT`.
    public func document<Value: Decodable>(_ type: Value.Type) throws(InputError) -> Value? {
        let data: Data
        let name: String
        if let text = optional("json") {
            data = Data(text.utf8)
            name = "--json"
        } else if let path = optional("from") {
            data = try Input.data(atPath: path)
            name = path
        } else {
            return nil
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw InputError("\(verb): \(Input.describe(error, in: name))")
        } catch {
            throw InputError("\(verb): \(name): \(error)")
        }
    }
}
