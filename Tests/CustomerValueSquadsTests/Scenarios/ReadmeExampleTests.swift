import CustomerValueSquads
import Foundation
import Testing

/// README's getting-started snippet, run here statement for statement.
///
/// The first test reads the snippet out of README.md and compares it with the code between the `README
/// begins` and `README ends` lines below (white space and comments aside), so the two cannot drift apart;
/// `.ci/run` also builds README's snippets as a package of their own.
@Suite("README")
struct ReadmeExampleTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The text of `code` without comments and white space.
    static func normalized(_ code: some StringProtocol) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...] }
            .joined().filter { !$0.isWhitespace }
    }

    @Test("the getting-started snippet in README.md is the code the next test runs")
    func snippetIsReadmes() throws {
        let readme = try String(contentsOf: Self.root.appending(path: "README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        let snippet = try #require(blocks.first { $0.hasPrefix("import CustomerValueSquads\n\n") })
        let source = try String(contentsOf: URL(filePath: #filePath), encoding: .utf8)
        let begin = try #require(source.range(of: "// README begins\n"))
        let end = try #require(source.range(of: "// README ends\n"))
        let body = source[begin.upperBound..<end.lowerBound]
        #expect(Self.normalized(body) == Self.normalized(snippet.dropFirst("import CustomerValueSquads".count)))
    }

    @Test("the getting-started snippet works as written")
    func gettingStarted() throws {
        // README begins
        var hospital = try Organization(name: "St. Elisabeth Hospital", goal: "Every patient goes home well")
        try hospital.addDepartment(Department(id: "surgery", name: "Surgery", function: "operates"))
        try hospital.addDepartment(Department(id: "anaesthesiology", name: "Anaesthesiology"))
        try hospital.hire(Specialist(id: "dr-sari", name: "Sari", department: "surgery", skills: ["surgery": .expert]))
        try hospital.hire(
            Specialist(id: "dr-budi", name: "Budi", department: "anaesthesiology", skills: ["anaesthesia": .expert])
        )

        try hospital.formSquad(
            CustomerValueSquad(
                id: "or-1",
                name: "Operating room 1",
                mission: Mission(
                    statement: "The patient on the table comes out safe",
                    customer: "the patient",
                    requiredSkills: ["surgery", "anaesthesia"]
                )
            )
        )
        try hospital.assign("dr-sari", to: "or-1", role: "surgeon", share: 60)
        try hospital.assign("dr-budi", to: "or-1", role: "anaesthetist", share: 50)

        do {
            try hospital.assign("dr-sari", to: "or-1", role: "surgeon", share: 60)
        } catch {
            print(error.code, error.message)
        }

        let json = try hospital.jsonData()
        let reloaded = try Organization(jsonData: json)
        assert(reloaded == hospital)
        // README ends

        // What the snippet's comments promise.
        #expect(throws: OrganizationError(code: .duplicateID, message: "dr-sari is already a member of squad or-1")) {
            try hospital.assign("dr-sari", to: "or-1", role: "surgeon", share: 60)
        }
        #expect(reloaded == hospital)
        #expect(try reloaded.jsonData() == json)
        #expect(hospital.squad("or-1")?.size == 2)
    }
}
