import CustomerValueSquads
import Foundation
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test(
        "accepts readable identifiers",
        arguments: ["a", "surgery", "dr-sari", "region_7", "team.east:java", "0", String(repeating: "x", count: 128)]
    )
    func acceptsValid(_ text: String) throws {
        let id = try Department.ID(validating: text)
        #expect(id.rawValue == text)
        #expect(id.description == text)
    }

    @Test(
        "rejects malformed identifiers",
        arguments: ["", " surgery", "-lead", "dr sari", "räte", "a/b", String(repeating: "x", count: 129)]
    )
    func rejectsInvalid(_ text: String) {
        #expect {
            _ = try Specialist.ID(validating: text)
        } throws: { error in
            (error as? OrganizationError)?.code == .invalidIdentifier
        }
    }

    @Test("orders by text and encodes as a plain string")
    func ordersAndEncodes() throws {
        let ids: [Department.ID] = ["nursing", "anaesthesiology", "surgery"]
        #expect(ids.sorted().map(\.rawValue) == ["anaesthesiology", "nursing", "surgery"])
        let data = try JSONEncoder().encode(["surgery" as Department.ID])
        #expect(String(decoding: data, as: UTF8.self) == #"["surgery"]"#)
    }

    @Test("decoding an invalid identifier names its coding path")
    func decodingInvalid() {
        let json = Data(#"{"id": "not valid!"}"#.utf8)
        struct Holder: Decodable { var id: Squad }
        typealias Squad = CustomerValueSquad.ID
        #expect {
            _ = try JSONDecoder().decode(Holder.self, from: json)
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["id"]
                && context.debugDescription.contains("invalidIdentifier")
        }
    }

    @Test("time shares and cadences check their ranges", arguments: [0, -5, 101])
    func sharesAndCadences(_ percent: Int) {
        #expect(throws: OrganizationError.self) { try TimeShare(percent: percent) }
        #expect(throws: OrganizationError.self) { try Cadence(days: percent == 101 ? 400 : percent) }
    }

    @Test("proficiency and stages are ordered along their scales")
    func scales() {
        #expect(Proficiency.novice < .competent && Proficiency.proficient < .expert)
        #expect(Proficiency.expert.level == 4)
        #expect(CustomerValueSquad.Stage.forming.canMove(to: .piloting))
        #expect(CustomerValueSquad.Stage.replicating.canMove(to: .operating))
        #expect(!CustomerValueSquad.Stage.operating.canMove(to: .forming))
        #expect(!CustomerValueSquad.Stage.dissolved.canMove(to: .operating))
        #expect(CustomerValueSquad.Stage.piloting.canMove(to: .dissolved))
    }
}
