import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

@Suite("Reading an organisation from a file")
struct JSONFileTests {
    /// Writes `data` to a file of its own, runs `body` with its address, and removes it.
    func withFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cvs-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    @Test("a file reads as its bytes do, with the same warnings", arguments: [false, true])
    func sameAsBytes(_ large: Bool) throws {
        let organization =
            large
            ? OrganizationGenerator(
                seed: 5, shape: .init(specialists: 5_000, departments: 20, dataAssets: 40, squads: 500)
            )
            .generate()
            : Fixtures.accountBasedMarketing
        var text = String(decoding: try organization.jsonData(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"goal\"", with: "\"motto\": 1,\n  \"goal\"")
        let data = Data(text.utf8)
        let fromBytes = try Organization.decoding(jsonData: data)
        let fromFile = try withFile(data) { try Organization.decoding(contentsOf: $0) }
        #expect(fromFile.organization == organization)
        #expect(fromFile.unknownFields == fromBytes.unknownFields)
        #expect(fromFile.unknownFields.count == 1)
        #expect(try withFile(data) { try Organization(contentsOf: $0) } == organization)
    }

    @Test(
        "a broken invariant and a syntax error are located as in the bytes",
        arguments: [
            ("\"share\": 40", "\"share\": 400"),  // not a share
            ("\"department\": \"sales\"", "\"department\": \"nowhere\""),  // an unknown reference
            ("\"goal\"", "\"goal\": 1, \"goal\""),  // a field twice
        ]
    )
    func located(_ original: String, _ replacement: String) throws {
        let text = String(decoding: try Fixtures.accountBasedMarketing.jsonData(), as: UTF8.self)
        #expect(text.contains(original))
        let data = Data(text.replacingOccurrences(of: original, with: replacement).utf8)
        let fromBytes = ReadingOutcome(data, background: false)
        let fromFile: String = try withFile(data) { url in
            do {
                _ = try Organization.decoding(contentsOf: url)
                return "read"
            } catch {
                return String(reflecting: error)
            }
        }
        #expect(fromBytes == .failed(fromFile))
        #expect(fromFile.contains("line"))
    }

    @Test("a file that cannot be read throws the reading error")
    func missingFile() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cvs-missing-\(UUID().uuidString).json")
        #expect {
            try Organization(contentsOf: url)
        } throws: { error in
            !(error is DecodingError)
        }
    }
}
