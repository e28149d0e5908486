import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// Every input that ever broke a promise of the library — found by the fuzzers of `Fuzz/` or by probing — kept in
/// `FuzzRegressions/<kind>/` and replayed through the same checks the fuzzers run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "FuzzRegressions")

    @Test("every kept input now keeps every promise", arguments: InputChecks.Kind.allCases)
    func replay(_ kind: InputChecks.Kind) throws {
        let files = try FileManager.default.contentsOfDirectory(
            at: Self.folder.appending(path: kind.rawValue), includingPropertiesForKeys: nil
        ).filter { !$0.lastPathComponent.hasPrefix(".") }
        #expect(!files.isEmpty, "no kept inputs for \(kind.rawValue)")
        for file in files {
            let problems = InputChecks.check(kind, try Data(contentsOf: file))
            #expect(problems.isEmpty, "\(kind.rawValue)/\(file.lastPathComponent): \(problems)")
        }
        print("fuzz regressions, \(kind.rawValue): \(files.count) inputs replayed")
    }
}
