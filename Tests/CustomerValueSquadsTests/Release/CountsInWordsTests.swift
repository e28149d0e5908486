import CustomerValueSquads
import Foundation
import Testing

/// The counts README.md writes in words agree with the code, as the tool's examples agree with its output.
@Suite("Counts in the README")
struct CountsInWordsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "twenty-one",
        "twenty-two", "twenty-three", "twenty-four", "twenty-five",
    ]

    @Test("the built-in rules: one file each in Validation/Rules, and those of the default policy")
    func rules() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n  ", with: " ")
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources/CustomerValueSquads/Validation/Rules").path
        ).filter { $0.hasSuffix("Rule.swift") }
        let inDefault = ValidationPolicy.default.rules.count
        #expect(inDefault == ValidationPolicy.builtInRules.count)
        #expect(files.count == inDefault + ValidationPolicy.optInRules.count, "a rule file is in neither list")
        let sentence =
            "\(Self.words[files.count]) built-in rules from the domain, \(Self.words[inDefault]) of them "
            + "in the default policy"
        #expect(readme.contains(sentence), "README.md should say: \(sentence)")
    }

    @Test("the documentation catalogs: as many as .spi.yml names, and README.md says so")
    func catalogs() throws {
        let catalogs = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources").path
        ).filter {
            FileManager.default.fileExists(
                atPath: Self.root.appendingPathComponent("Sources/\($0)/\($0).docc").path)
        }
        let spi = try String(contentsOf: Self.root.appendingPathComponent(".spi.yml"), encoding: .utf8)
        #expect(catalogs.allSatisfy { spi.contains($0) })
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`.spi.yml` names the \(Self.words[catalogs.count]) documentation targets"))
        #expect(readme.contains("all \(Self.words[catalogs.count]) as archives"))
    }
}
