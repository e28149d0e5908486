import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// Tests for the single-line bugs a mutation pass over the library showed no test would catch.
@Suite("Gaps a mutation pass found")
struct MutationGapTests {
    @Test("once the squad has enough departments, staffing prefers the stronger specialist to a new department")
    func staffingStopsPreferringNewDepartments() throws {
        var company = try Organization(name: "Toko")
        for id in ["d1", "d2", "d3"] as [Department.ID] {
            try company.addDepartment(Department(id: id, name: id.rawValue))
        }
        try company.hire(Specialist(id: "p1", name: "P1", department: "d1", skills: ["x": .expert]))
        try company.hire(Specialist(id: "p2", name: "P2", department: "d2", skills: ["y": .expert]))
        try company.hire(Specialist(id: "q1", name: "Q1", department: "d1", skills: ["z": .expert]))
        try company.hire(Specialist(id: "q2", name: "Q2", department: "d3", skills: ["z": .proficient]))
        var policy = ValidationPolicy.default
        policy.thresholds.minimumDepartments = 2
        policy.thresholds.minimumSquadSize = 3
        let mission = Mission(statement: "m", requiredSkills: ["x", "y", "z"])
        let proposal = company.proposeStaffing(for: mission, policy: policy)
        // x and y (the rarer skills) bring d1 and d2: the minimum is met, so z goes to the expert of d1.
        #expect(proposal.picks.map(\.specialist) == ["p1", "p2", "q1"])
        // With three departments wanted, the proficient specialist of d3 is preferred instead.
        policy.thresholds.minimumDepartments = 3
        #expect(company.proposeStaffing(for: mission, policy: policy).picks.map(\.specialist) == ["p1", "p2", "q2"])
    }

    @Test("a dissolved squad holding a grant but no members is refused when formed and when decoded")
    func dissolvedSquadWithGrant() throws {
        var hospital = Fixtures.operatingRoom
        let squad = CustomerValueSquad(
            id: "closed", name: "Closed", mission: Mission(statement: "m"),
            grants: [Fixtures.OperatingRoom.patientRecords: DataAccessGrant()], stage: .dissolved)
        #expect {
            try hospital.formSquad(squad)
        } throws: { ($0 as? OrganizationError)?.code == .dissolvedSquadNotEmpty }
        #expect(hospital == Fixtures.operatingRoom)
        var text = String(decoding: try Fixtures.operatingRoom.jsonData(prettyPrinted: false), as: UTF8.self)
        let squadJSON = String(decoding: try JSONEncoder().encode(squad), as: UTF8.self)
        text = text.replacingOccurrences(of: #""squads":["#, with: #""squads":[\#(squadJSON),"#)
        do {
            _ = try Organization(jsonData: Data(text.utf8))
            Issue.record("a dissolved squad with a grant was decoded")
        } catch let error as DecodingError {
            #expect(error.problemDescription.contains("dissolvedSquadNotEmpty"), "\(error.problemDescription)")
            #expect(error.locationDescription == "squads[0].stage")
        }
    }

    @Test("a falling metric that moved the wrong way scores 0 and is off track")
    func fallingMetricMovedTheWrongWay() {
        let outcome = Outcome(
            id: "wait", metric: "waiting days", baseline: 30, target: 10, current: 35, direction: .decrease)
        #expect(outcome.progress == 0)
        #expect(StatusBand(progress: outcome.progress ?? 1) == .offTrack)
        let halfway = Outcome(
            id: "wait", metric: "waiting days", baseline: 30, target: 10, current: 20, direction: .decrease)
        #expect(halfway.progress == 0.5)
        let beyond = Outcome(
            id: "wait", metric: "waiting days", baseline: 30, target: 10, current: 5, direction: .decrease)
        #expect(beyond.progress == 1)
    }
}
