import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

/// The tool's side of the defects that probing the 0.2 surface found; each test failed before its fix.
@Suite("Regressions of the 0.2 probe: the tool")
struct ProbeRegressionCommandTests {
    /// An organisation whose identifiers look like a customer's own, and a squad named unlike its id.
    static func company() throws -> Organization {
        var organization = try Organization(name: "Toko", goal: "Happy customers")
        try organization.addDepartment(Department(id: "sales", name: "Sales"))
        try organization.addDepartment(Department(id: "care", name: "Customer care"))
        for (id, department) in [("j.doe", "sales"), ("E_1001", "sales"), ("ops:7", "care"), ("Budi", "care")] {
            try organization.hire(
                Specialist(
                    id: try .init(validating: id), name: "Person \(id)", department: .init(validating: department)))
        }
        try organization.appointHead("j.doe", of: "sales")
        try organization.formSquad(
            CustomerValueSquad(id: "bali", name: "Bali squad", mission: Mission(statement: "Win Bali")))
        try organization.assign("E_1001", to: "bali", role: "seller", share: 50)
        try organization.assign("ops:7", to: "bali", role: "analyst", share: 50)
        return organization
    }

    func client(_ server: FakeSCIMServer) -> SCIMClient {
        SCIMClient(
            baseURL: URL(string: "https://idp.example.com/scim/v2")!, token: "secret", transport: server.transport,
            pause: { _ in })
    }

    @Test("1. push, pull and push again: identifiers come back unchanged and the second push sends nothing")
    func pushPullPushKeepsIdentities() throws {
        let organization = try Self.company()
        let server = FakeSCIMServer()
        _ = try Commands.scimPush(organization, to: client(server))
        var options = SCIMImport.Options(name: organization.name, squads: .all)
        options.specialistIDs = .userName
        let pulled = try Organization(
            jsonData: Data(try Commands.scimPull(from: client(server), options: options).document.utf8))
        #expect(pulled.specialists.map(\.id) == organization.specialists.map(\.id))
        #expect(pulled.squads.map(\.id) == ["bali"])
        let again = try Commands.scimPush(pulled, to: client(server))
        #expect(again.requests.isEmpty, "\(again.requests)")
    }

    @Test("9. specialists whose ids differ only by case are refused before anything is sent, by name")
    func caseInsensitiveUserNamesAreRefused() throws {
        var organization = try Self.company()
        try organization.hire(Specialist(id: "budi", name: "Another Budi", department: "sales"))
        let server = FakeSCIMServer()
        #expect {
            try Commands.scimPush(organization, to: client(server))
        } throws: { error in
            (error as? InputError)?.message.hasPrefix("specialists Budi and budi differ only by case") == true
        }
        #expect(server.requests.isEmpty)
    }

    @Test("3. diff shows a squad whose uncovered skill moved, and the findings that come and go")
    func diffShowsAMovedSkillGap() throws {
        var before = try Self.company()
        try before.setMission(Mission(statement: "Win Bali", requiredSkills: ["customer care"]), of: "bali")
        var after = before
        try after.setMission(Mission(statement: "Win Bali", requiredSkills: ["analytics"]), of: "bali")
        let text = try Commands.diff(before, after, on: "2026-12-01")
        #expect(text.contains("skills uncovered customer care → analytics"))
        #expect(text.contains("+ warning squad.skills.gap squad bali"))
        #expect(text.contains("- warning squad.skills.gap squad bali"))
        #expect(!text.contains("no finding appears or goes"))
    }

    @Test("7. plan refuses a floor of a department the organisation does not have, suggesting the closest")
    func planRefusesAnUnknownFloor() throws {
        let organization = try Self.company()
        let plan = try RolloutPlan(startingArea: "Bali", pilot: "bali", batches: [])
        #expect(throws: InputError(#"--floor: there is no department salez; did you mean "sales"?"#)) {
            try Commands.plan(plan, in: organization, floors: try Commands.floors(["salez=0.9"]))
        }
    }

    @Test("8. sample sizes are bounded with a message, never a crash", arguments: [Int.max, 10_000_001, 0, -1])
    func sampleSizesAreBounded(specialists: Int) {
        #expect(throws: InputError.self) { try Commands.sample(specialists: specialists) }
        #expect(throws: InputError.self) { try Commands.sample(specialists: 10, squads: Int.max) }
    }
}
