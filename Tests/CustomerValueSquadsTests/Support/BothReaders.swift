import CustomerValueSquads
import Foundation
import Testing

/// Expects both readers — the library's own (`Organization(jsonData:)`) and `Codable` — to refuse `document`,
/// each saying `problem` and pointing at a coding path that ends in `path`.
func expectBothReadersRefuse(
    _ document: String, problem: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let readers: [(String, () throws -> Organization)] = [
        ("the library's reader", { try Organization(jsonData: Data(document.utf8)) }),
        ("Codable", { try JSONDecoder().decode(Organization.self, from: Data(document.utf8)) }),
    ]
    for (reader, decode) in readers {
        do {
            _ = try decode()
            Issue.record("\(reader) decoded a document broken at \(path)", sourceLocation: sourceLocation)
        } catch let error as DecodingError {
            #expect(
                error.problemDescription.contains(problem), "\(reader): \(error.problemDescription)",
                sourceLocation: sourceLocation)
            #expect(
                error.locationDescription.hasSuffix(path), "\(reader): \(error.locationDescription) for \(path)",
                sourceLocation: sourceLocation)
        }
    }
}
