import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

/// What reading a document gave: the organisation and the unknown-field warnings, or the error's description.
enum ReadingOutcome: Equatable {
    case read(Organization, [OrganizationError])
    case failed(String)

    /// Reads `data` with the specialists on another thread (`background`) or on this one alone.
    init(_ data: Data, background: Bool) {
        do {
            let (organization, warnings) = try Organization.reading(
                data, reportingUnknownFields: true, backgroundThreshold: background ? 0 : .max)
            self = .read(organization, warnings)
        } catch {
            self = .failed(String(reflecting: error))
        }
    }

    /// Whether reading on two threads gives exactly what reading on one does.
    static func agree(_ data: Data) -> Bool {
        ReadingOutcome(data, background: true) == ReadingOutcome(data, background: false)
    }
}

@Suite("Reading a large document on two threads")
struct TwoThreadReadingTests {
    @Test("a document past the threshold reads as it does on one thread, warnings included")
    func largeDocument() throws {
        let organization = OrganizationGenerator(
            seed: 11, shape: .init(specialists: 6_000, departments: 30, dataAssets: 100, squads: 600)
        ).generate()
        var text = String(decoding: try organization.jsonData(prettyPrinted: false), as: UTF8.self)
        // An unknown field in a specialist and one in a squad: the warnings come in document order.
        text = text.replacingOccurrences(of: #"{"department":"#, with: #"{"badge":"x","department":"#)
        text = text.replacingOccurrences(of: #"{"accountability":"#, with: #"{"note":"y","accountability":"#)
        let data = Data(text.utf8)
        #expect(data.count > Organization.backgroundReadingThreshold)
        let (read, warnings) = try Organization.decoding(jsonData: data)
        #expect(read == organization)
        #expect(ReadingOutcome(data, background: false) == .read(read, warnings))
        #expect(warnings.count == Organization.reportedUnknownFields + 1)
        #expect(warnings.first?.path.first == "specialists")
    }

    @Test(
        "a malformed list of specialists fails as it does on one thread",
        arguments: [
            #"[{"id":"a","name":"A]","department":"d"}"#,  // a bracket inside a string
            #"[{"id":"a\"]","name":"A","department":"d"}"#,  // an escaped quote before a bracket
            #"[{"id":"a","name":"A","department":"d"]"#,  // brackets that do not pair
            #"[{"id":"a","name":"A","department":"d","department":"e"}]"#,  // a name twice
            #"[{"id":"a","name":"A","department":"nowhere"}]"#,  // an unknown department
            #"[{"id":"a","name":"A","department":"d"}],"squads":[{"id":1}]"#,  // a bad squad after
            #"[{"id":"a","name":"A","department":"d","skills":{"x":9}}],"squads":["#,  // both bad
        ]
    )
    func malformed(_ specialists: String) throws {
        let text =
            #"{"departments":[{"id":"d","name":"D"}],"name":"N","schemaVersion":1,"specialists":"#
            + specialists + (specialists.contains("squads") ? "}" : #","squads":[]}"#)
        let data = Data(text.utf8)
        #expect(ReadingOutcome.agree(data), "\(ReadingOutcome(data, background: true))")
        #expect(ReadingOutcome(data, background: true) != .read(try Organization(name: "N"), []))
    }
}

/// The limits the one-thread read enforces, at their exact edges, where the second thread reads: in a
/// specialist (read on the second thread past the threshold) and, for comparison, in a squad (read on the first).
@Suite("Two-thread reading at the limits of the one-thread read")
struct TwoThreadLimitTests {
    /// A document whose specialist (or squad) carries an unknown field nested `levels` deep.
    static func nested(_ levels: Int, inSquad: Bool) -> Data {
        let value = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let specialist = #"{"id":"a","name":"A","department":"d"\#(inSquad ? "" : #","x":"# + value)}"#
        let squad =
            inSquad
            ? #"{"id":"s","name":"S","mission":{"statement":"serve"},"x":\#(value)}"# : ""
        return Data(
            (#"{"departments":[{"id":"d","name":"D"}],"name":"N","schemaVersion":1,"specialists":["#
                + specialist + #"],"squads":["# + squad + "]}").utf8)
    }

    @Test(
        "nesting: accepted at the deepest level allowed, refused one deeper, the same on both paths",
        arguments: [false, true])
    func depth(inSquad: Bool) throws {
        // The document, the list and the specialist or squad are three levels; the field's value adds the rest.
        let deepest = JSONScanner.maximumDepth - 3
        let atEdge = Self.nested(deepest, inSquad: inSquad)
        let pastEdge = Self.nested(deepest + 1, inSquad: inSquad)
        for data in [atEdge, pastEdge] {
            #expect(ReadingOutcome.agree(data), "\(ReadingOutcome(data, background: true))")
        }
        guard case .read(_, let warnings) = ReadingOutcome(atEdge, background: true) else {
            Issue.record("a value nested \(JSONScanner.maximumDepth) levels deep in all was refused")
            return
        }
        #expect(warnings.count == 1)
        guard case .failed(let message) = ReadingOutcome(pastEdge, background: true) else {
            Issue.record("a value nested past \(JSONScanner.maximumDepth) levels was read")
            return
        }
        #expect(message.contains("nested more than \(JSONScanner.maximumDepth) deep"), "\(message)")
    }

    @Test(
        "unknown fields: every one reported up to the limit, then one summary, the same on both paths",
        arguments: [Organization.reportedUnknownFields, Organization.reportedUnknownFields + 1])
    func unknownFields(count: Int) throws {
        let specialists = (0..<count).map { #"{"id":"s\#($0)","name":"S","department":"d","badge":1}"# }
        let data = Data(
            (#"{"departments":[{"id":"d","name":"D"}],"name":"N","schemaVersion":1,"specialists":["#
                + specialists.joined(separator: ",") + #"],"squads":[]}"#).utf8)
        #expect(ReadingOutcome.agree(data))
        guard case .read(let organization, let warnings) = ReadingOutcome(data, background: true) else {
            Issue.record("the document was refused")
            return
        }
        #expect(organization.specialistCount == count)
        // Up to the limit, one warning per field; past it, the limit's worth and one that counts the rest.
        let limit = Organization.reportedUnknownFields
        #expect(warnings.count == (count <= limit ? count : limit + 1))
        #expect(warnings.prefix(limit).allSatisfy { $0.path.first == "specialists" && $0.path.last == "badge" })
    }
}

@Suite("Loading a large organisation with its indexes made on another thread")
struct BackgroundIndexingTests {
    static let large = OrganizationGenerator(
        seed: 12,
        shape: .init(
            specialists: Organization.backgroundIndexingThreshold, departments: 40, dataAssets: 50, squads: 2_000)
    ).generate()

    @Test("every index equals the one made from the tables, and the value equals the one loaded part by part")
    func indexes() throws {
        let organization = Self.large
        let loaded = try Organization(
            name: organization.name, goal: organization.goal, departments: organization.departments,
            specialists: organization.specialists, squads: organization.squads)
        #expect(loaded.storage.indexesMatchTables())
        #expect(loaded == organization)
        let decoded = try Organization(jsonData: organization.jsonData(prettyPrinted: false))
        #expect(decoded.storage.indexesMatchTables())
        #expect(decoded == organization)
        // The indexes answer as they do for an organisation built change by change.
        let someone = try #require(organization.squads.first?.memberships.keys.first)
        #expect(decoded.squads(of: someone) == organization.squads(of: someone))
        #expect(decoded.bookedPercent(of: someone) == organization.bookedPercent(of: someone))
    }

    @Test("the first specialist that is listed twice or breaks an invariant is the one refused")
    func refusedSpecialists() throws {
        let organization = Self.large
        let listed = organization.specialists
        var stranger = listed[100]
        stranger.department = "nowhere"
        func refusal(_ specialists: [Specialist]) -> OrganizationError? {
            do {
                _ = try Organization(
                    name: organization.name, goal: organization.goal, departments: organization.departments,
                    specialists: specialists, squads: [])
                return nil
            } catch {
                return error
            }
        }
        // A stranger at 100, and the specialist at 3 listed again at 50, 100 or at the end.
        var twiceBefore = listed
        twiceBefore[100] = stranger
        twiceBefore.insert(listed[3], at: 50)
        #expect(refusal(twiceBefore)?.code == .duplicateID)
        #expect(refusal(twiceBefore)?.path == ["specialists", "50", "id"])
        var twiceAfter = listed
        twiceAfter[100] = stranger
        twiceAfter.append(listed[3])
        #expect(refusal(twiceAfter)?.code == .unknownReference)
        #expect(refusal(twiceAfter)?.path == ["specialists", "100", "department"])
        var twiceAtTheSamePlace = listed
        twiceAtTheSamePlace[100] = stranger
        twiceAtTheSamePlace[100].id = listed[3].id
        #expect(refusal(twiceAtTheSamePlace)?.code == .duplicateID)
        #expect(refusal(twiceAtTheSamePlace)?.path == ["specialists", "100", "id"])
    }

    @Test("a part that breaks an invariant is refused with its path, as on one thread")
    func refused() throws {
        let organization = Self.large
        var squads = organization.squads
        squads.append(squads[3])
        #expect {
            _ = try Organization(
                name: organization.name, goal: organization.goal, departments: organization.departments,
                specialists: organization.specialists, squads: squads)
        } throws: { error in
            (error as? OrganizationError)?.code == .duplicateID
                && (error as? OrganizationError)?.path == ["squads", String(squads.count - 1), "id"]
        }
    }
}
