import CustomerValueSquads
import Foundation
import Testing

/// Finding codes are named one way: the Swift name is the code's dotted raw value in lower camel case, so
/// `squad.size.tooSmall` is ``Finding/Code/squadSizeTooSmall``. Former names stay as deprecated aliases.
@Suite("Finding code names")
struct CodeNameTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `squad.size.tooSmall` → `squadSizeTooSmall`.
    static func swiftName(of rawValue: String) -> String {
        let parts = rawValue.split(separator: ".")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Every `public static let NAME: Self = "RAW"` in the validation sources, and every deprecated alias.
    static func declarations() throws -> (codes: [String: String], aliases: [String: String]) {
        let folder = root.appendingPathComponent("Sources/CustomerValueSquads/Validation")
        var codes: [String: String] = [:]  // raw value → Swift name
        var aliases: [String: String] = [:]  // former name → Swift name
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            for (index, line) in lines.enumerated() where line.hasPrefix("public static let ") {
                let rest = line.dropFirst("public static let ".count)
                guard let colon = rest.firstIndex(of: ":") else { continue }
                let name = String(rest[..<colon])
                if let open = rest.firstIndex(of: "\""), line.hasSuffix("\"") {
                    codes[String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])] = name
                } else if rest.hasSuffix(": Self = .\(rest.split(separator: ".").last ?? "")"), index > 0,
                    lines[index - 1].hasPrefix("@available(*, deprecated, renamed:")
                {
                    aliases[name] = String(rest.split(separator: ".").last ?? "")
                }
            }
        }
        return (codes, aliases)
    }

    @Test("each built-in code's Swift name is its raw value in lower camel case, and no code is missed")
    func namesFollowRawValues() throws {
        let (codes, _) = try Self.declarations()
        // The default policy's rules, and the opt-in ones.
        let rules = ValidationPolicy.builtInRules + ValidationPolicy.optInRules
        let used = Set(rules.flatMap(\.codes).map(\.rawValue))
        #expect(Set(codes.keys) == used)
        for (raw, name) in codes {
            #expect(name == Self.swiftName(of: raw), "\(raw) is named \(name), not \(Self.swiftName(of: raw))")
        }
    }

    @Test("each former name is a deprecated alias of a code, listed in the CHANGELOG")
    func formerNamesAreAliases() throws {
        let (codes, aliases) = try Self.declarations()
        let changelog = try String(contentsOf: Self.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(!aliases.isEmpty)
        for (former, name) in aliases {
            #expect(codes.values.contains(name), "\(former) is an alias of \(name), which is no code")
            #expect(changelog.contains("`\(former)` → `\(name)`"), "CHANGELOG.md should list \(former) → \(name)")
        }
    }
}
