#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension BackstageCatalog {
    /// `entities` as a YAML stream in block style, as Backstage's catalog files are written by hand: `---` before
    /// each entity, keys in sorted order, two spaces of indentation.
    ///
    /// A text is written plain when YAML reads it back as the same string (ASCII letters, digits, spaces and
    /// `_ . / ( ) -`, not beginning with a digit or a sign and not a word YAML reads as a boolean or null), and
    /// otherwise double-quoted, escaped by Unicode scalar: quotes, backslashes, control characters and the
    /// scalars YAML treats as line breaks.
    ///
    /// - Parameter entities: The entities.
    /// - Returns: The YAML text.
    /// - Complexity: O(*n*) in the size of the text.
    public static func yaml(_ entities: [Entity]) -> String {
        var writer = BlockYAMLWriter()
        for entity in entities { writer.write(entity) }
        return writer.text
    }

    /// `entities` as a YAML stream of JSON documents: `---` before each, the entity as sorted, pretty-printed JSON
    /// (which YAML reads as it is, and JSON tools read document by document).
    ///
    /// - Parameter entities: The entities.
    /// - Returns: The text.
    /// - Throws: `EncodingError` if an entity cannot be encoded.
    /// - Complexity: O(*n*) in the size of the text.
    public static func jsonDocuments(_ entities: [Entity]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var text = ""
        for entity in entities {
            text += "---\n" + String(decoding: try encoder.encode(entity), as: UTF8.self) + "\n"
        }
        return text
    }
}

extension BackstageCatalog.Export {
    /// The entities as a YAML stream in block style: see ``BackstageCatalog/yaml(_:)``.
    public func yaml() -> String { BackstageCatalog.yaml(entities) }

    /// The entities as a YAML stream of JSON documents: see ``BackstageCatalog/jsonDocuments(_:)``.
    ///
    /// - Throws: `EncodingError` if an entity cannot be encoded.
    public func jsonDocuments() throws -> String { try BackstageCatalog.jsonDocuments(entities) }
}

/// Writes the fixed shape of a catalog entity as block YAML.
struct BlockYAMLWriter {
    private(set) var text = ""

    mutating func write(_ entity: BackstageCatalog.Entity) {
        text += "---\n"
        field("apiVersion", entity.apiVersion, indent: 0)
        field("kind", entity.kind.rawValue, indent: 0)
        text += "metadata:\n"
        let metadata = entity.metadata
        map("annotations", metadata.annotations, indent: 2)
        field("description", metadata.description, indent: 2)
        map("labels", metadata.labels, indent: 2)
        field("name", metadata.name, indent: 2)
        field("namespace", metadata.namespace, indent: 2)
        text += "spec:\n"
        let spec = entity.spec
        list("children", spec.children, indent: 2)
        field("leader", spec.leader, indent: 2)
        list("memberOf", spec.memberOf, indent: 2)
        list("members", spec.members, indent: 2)
        field("parent", spec.parent, indent: 2)
        if let profile = spec.profile, profile.displayName != nil || profile.email != nil {
            text += "  profile:\n"
            field("displayName", profile.displayName, indent: 4)
            field("email", profile.email, indent: 4)
        }
        field("type", spec.type, indent: 2)
    }

    private mutating func field(_ key: String, _ value: String?, indent: Int) {
        guard let value else { return }
        text += String(repeating: " ", count: indent) + key + ": "
        scalar(value)
        text += "\n"
    }

    private mutating func list(_ key: String, _ values: [String]?, indent: Int) {
        guard let values else { return }
        let spaces = String(repeating: " ", count: indent)
        guard !values.isEmpty else {
            text += spaces + key + ": []\n"
            return
        }
        text += spaces + key + ":\n"
        for value in values {
            text += spaces + "  - "
            scalar(value)
            text += "\n"
        }
    }

    private mutating func map(_ key: String, _ values: [String: String]?, indent: Int) {
        guard let values else { return }
        let spaces = String(repeating: " ", count: indent)
        guard !values.isEmpty else {
            text += spaces + key + ": {}\n"
            return
        }
        text += spaces + key + ":\n"
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text += spaces + "  "
            scalar(name)
            text += ": "
            scalar(value)
            text += "\n"
        }
    }

    /// The words YAML 1.1 or 1.2 reads as a boolean or null when they are plain.
    private static let reserved: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ]

    /// Whether `value` reads back as the same string when written plain.
    static func isPlainSafe(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first != " ", last != " " else { return false }
        guard ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_" || first == "/" else {
            return false
        }
        for scalar in scalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", " ", "_", ".", "/", "(", ")", "-": continue
            default: return false
            }
        }
        return !reserved.contains(value.lowercased())
    }

    /// A string, plain when that is safe, else double-quoted and escaped by scalar.
    private mutating func scalar(_ value: String) {
        guard !Self.isPlainSafe(value) else {
            text += value
            return
        }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": quoted.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": quoted.append(contentsOf: "\\n".unicodeScalars)
            case "\r": quoted.append(contentsOf: "\\r".unicodeScalars)
            case "\t": quoted.append(contentsOf: "\\t".unicodeScalars)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted.append(
                    contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
                        .unicodeScalars)
            default: quoted.append(scalar)
            }
        }
        quoted.append("\"")
        text += String(quoted)
    }
}
