import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

@Suite("Listings and documents come in identifier order")
struct ListingOrderTests {
    /// Identifiers that share long beginnings, begin one another, and use every kind of character allowed.
    static let identifiers: [String] = [
        "a", "a-", "a-b", "A", "Z", "0", "9", "x_", "x:", "x.", "x_y", "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa0",
        "aaaaaaaaaaaaaaaa-", "aaaaaaaaaaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaaaaaaaaaa0", "aaaaaaaab", "aaaaaaaa",
        "aaaaaaa", "squad-10", "squad-9", "squad-100", "d-1", "d-10", "d-1-0",
    ]

    @Test("departments, specialists and squads are listed as their identifiers sort as strings")
    func listings() throws {
        var organization = try Organization(name: "Order")
        for text in Self.identifiers.shuffled() {
            let id = try Department.ID(validating: text)
            try organization.addDepartment(Department(id: id, name: "Department \(text)"))
            try organization.hire(
                Specialist(id: try Specialist.ID(validating: text), name: "Someone", department: id))
        }
        let sorted = Self.identifiers.sorted()
        #expect(organization.departments.map(\.id.rawValue) == sorted)
        #expect(organization.specialists.map(\.id.rawValue) == sorted)

        // The document lists them in the same order, and reads back equal.
        let data = try organization.jsonData(prettyPrinted: false)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let written = try #require(document["specialists"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(written == sorted)
        #expect(try Organization(jsonData: data) == organization)
    }

    @Test("squads of a generated organisation are listed in identifier order")
    func squads() {
        let organization = OrganizationGenerator(seed: 5, shape: .init(specialists: 400)).generate()
        let ids = organization.squads.map(\.id)
        #expect(ids == ids.sorted())
        #expect(ids.count == organization.squadCount)
    }
}
