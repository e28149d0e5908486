import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("Staffing several missions at once")
struct BatchStaffingTests {
    /// Squads of one from one department, so each proposal is exactly the surgeon it finds.
    let policy = ValidationPolicy(thresholds: .init(minimumSquadSize: 1, minimumDepartments: 1)) {}

    @Test("two surgeons with 40 % to spare staff two missions; the third finds no surgeon, and no one is overbooked")
    func noDoubleBooking() throws {
        // dr-sari (expert) and dr-eko (competent) each give the operating room 60 %: 40 % is left to each.
        let organization = Fixtures.operatingRoom
        let mission = Mission(statement: "Day surgery", requiredSkills: ["surgery"])
        let proposals = organization.proposeStaffing(for: [mission, mission, mission], share: 40, policy: policy)
        #expect(proposals.count == 3)
        func surgeons(_ proposal: StaffingProposal) -> [Specialist.ID] {
            proposal.picks.filter { $0.covers.contains("surgery") }.map(\.specialist)
        }
        // Greedy, in order: the expert first, then the competent one, then no one.
        #expect(surgeons(proposals[0]) == ["dr-sari"])
        #expect(surgeons(proposals[1]) == ["dr-eko"])
        #expect(surgeons(proposals[2]).isEmpty)
        #expect(proposals[2].uncoveredSkills == ["surgery"])
        // One at a time, the third mission would have had the expert again.
        #expect(surgeons(organization.proposeStaffing(for: mission, share: 40, policy: policy)) == ["dr-sari"])

        var formed = organization
        for (index, proposal) in proposals.enumerated() {
            try formed.formSquad(
                try CustomerValueSquad.ID(validating: "day-\(index)"), name: "Day \(index)", from: proposal)
        }
        #expect(formed.specialists.allSatisfy { formed.bookedPercent(of: $0.id) <= 100 })
        #expect(formed.bookedPercent(of: "dr-sari") == 100 && formed.bookedPercent(of: "dr-eko") == 100)

        // With the default policy the first squad is filled to six, and its fillers take the second surgeon's
        // time too: still, forming every proposal overbooks no one.
        var filled = organization
        for (index, proposal) in organization.proposeStaffing(for: [mission, mission, mission]).enumerated() {
            try filled.formSquad(try CustomerValueSquad.ID(validating: "full-\(index)"), name: "Full", from: proposal)
        }
        #expect(filled.specialists.allSatisfy { filled.bookedPercent(of: $0.id) <= 100 })
    }

    @Test("a smaller share lets one person serve several of the missions, up to their time")
    func sharesAddUp() throws {
        let organization = Fixtures.operatingRoom
        let mission = Mission(statement: "Clinic", requiredSkills: ["surgery"])
        // At 20 % each, dr-sari's 40 % covers two missions; the third gets dr-eko.
        let proposals = organization.proposeStaffing(for: [mission, mission, mission], share: 20, policy: policy)
        let surgeons = proposals.map { $0.picks.first { $0.covers.contains("surgery") }?.specialist }
        #expect(surgeons == ["dr-sari", "dr-sari", "dr-eko"])
        #expect(organization.proposeStaffing(for: [], share: 20).isEmpty)
    }
}
