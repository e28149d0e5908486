import CustomerValueSquads
import Foundation
import Testing

@Suite("The release")
struct VersionTests {
    /// The changelog at the root of the package, read from the source tree.
    static func changelog() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    }

    @Test("the version constant is the changelog's newest release, which is dated and has a compare link")
    func versionIsTheNewestRelease() throws {
        let text = try Self.changelog()
        let releases = text.split(separator: "\n").filter { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
        let newest = try #require(releases.first)
        // "## [0.2.0] - 2026-12-05"
        let version = newest.dropFirst(4).prefix { $0 != "]" }
        #expect(String(version) == LibraryVersion.current)
        let date = newest.split(separator: " - ").last.map(String.init) ?? ""
        #expect((try? Day(iso: date)) != nil, "\(newest) is not dated YYYY-MM-DD")
        #expect(text.contains("\n[\(version)]: "), "no compare link for \(version)")
        #expect(text.contains("\n[Unreleased]: "), "no compare link for [Unreleased]")
    }

    @Test("the version is semantic: three numbers")
    func versionIsSemantic() {
        let parts = LibraryVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
