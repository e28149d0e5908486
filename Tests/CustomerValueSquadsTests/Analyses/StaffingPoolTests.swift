import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("A staffing pool answers as looking at everyone would")
struct StaffingPoolTests {
    /// Small organisations with few skills and departments, so ties, shared skills and booked people abound.
    static let organizations: [Organization] = [1, 2, 3].map { seed in
        OrganizationGenerator(
            seed: seed,
            shape: .init(specialists: 240, departments: seed == 3 ? 3 : 9, dataAssets: 20, squads: 30, skills: 5)
        ).generate()
    }

    @Test("skill gaps: the best candidates, in the documented order, with and without a limit", arguments: [0, 1, 2])
    func gapsAgree(_ index: Int) throws {
        let organization = Self.organizations[index]
        let pool = StaffingPool(organization)
        let reference = ExhaustiveStaffing(organization)
        for squad in organization.squads {
            let members = Set(squad.memberIDs)
            let asked = squad.mission.requiredSkills.union(["skill-0", "skill-1", .analytics, "unheard of"])
            let gaps = try pool.skillGaps(of: squad.id, requiredSkills: asked, limit: nil)
            #expect(gaps == (try organization.skillGaps(of: squad.id, requiredSkills: asked, limit: nil)))
            // Both name ten candidates a gap by default.
            #expect(
                try pool.skillGaps(of: squad.id, requiredSkills: asked)
                    == (try organization.skillGaps(of: squad.id, requiredSkills: asked)))
            #expect(
                try pool.skillGaps(of: squad.id, requiredSkills: asked).allSatisfy {
                    $0.candidates.count <= SkillGap.defaultCandidateLimit
                })
            #expect(
                gaps.map(\.skill)
                    == asked.filter { skill in
                        !squad.memberIDs.contains { id in
                            organization.specialist(id)?.skills[skill] != nil
                        }
                    }.sorted())
            for gap in gaps {
                let all = reference.candidates(for: gap.skill, members: members)
                #expect(gap.candidates == all, "\(squad.id) \(gap.skill)")
                for limit in [0, 1, 3, 10] {
                    let limited = pool.skillGaps(requiredSkills: [gap.skill], members: members, limit: limit)
                    #expect(limited.first?.candidates == Array(all.prefix(limit)), "\(squad.id) \(gap.skill) \(limit)")
                }
            }
        }
        #expect(pool.skillGaps(requiredSkills: ["skill-0"], limit: -1).first?.candidates == [])
        #expect(throws: OrganizationError.self) { try pool.skillGaps(of: "no-such-squad") }
    }

    @Test("staffing: the same picks as the documented rules applied to everyone", arguments: [0, 1, 2])
    func staffingAgrees(_ index: Int) throws {
        let organization = Self.organizations[index]
        let pool = StaffingPool(organization)
        let reference = ExhaustiveStaffing(organization)
        let narrow = ValidationPolicy(
            thresholds: .init(minimumSquadSize: 3, maximumSquadSize: 4, minimumDepartments: 5)
        ) {}
        for (number, squad) in organization.squads.enumerated() {
            let excluded = Set(squad.memberIDs.prefix(number % 3))
            for (share, policy) in [(40, ValidationPolicy.default), (20, narrow), (70, .default)] {
                let proposal = pool.proposeStaffing(
                    for: squad.mission, share: try TimeShare(percent: share), policy: policy, excluding: excluded)
                #expect(
                    proposal.picks.map(\.specialist)
                        == reference.picks(for: squad.mission, share: share, policy: policy, excluding: excluded),
                    "\(squad.id) at \(share) %")
                #expect(
                    proposal
                        == organization.proposeStaffing(
                            for: squad.mission, share: try TimeShare(percent: share), policy: policy,
                            excluding: excluded))
            }
        }
    }

    @Test("booking moves people down the rankings, and a batch books as it goes", arguments: [0, 2])
    func bookingAgrees(_ index: Int) throws {
        let organization = Self.organizations[index]
        var pool = StaffingPool(organization)
        var reference = ExhaustiveStaffing(organization)
        let missions = organization.squads.prefix(12).map(\.mission)
        var proposals: [StaffingProposal] = []
        for mission in missions {
            let proposal = pool.proposeStaffing(for: mission, share: 30)
            #expect(proposal.picks.map(\.specialist) == reference.picks(for: mission, share: 30, excluding: []))
            try pool.book(proposal)
            for pick in proposal.picks { reference.booked[pick.specialist, default: 0] += 30 }
            proposals.append(proposal)
            // The pool's rankings follow the bookings: gap candidates still come as the reference ranks them.
            for skill in mission.requiredSkills {
                #expect(
                    pool.skillGaps(requiredSkills: [skill], limit: nil).first?.candidates
                        == reference.candidates(for: skill, members: []))
            }
        }
        #expect(organization.proposeStaffing(for: missions, share: 30) == proposals)
        var formed = organization
        for (number, proposal) in proposals.enumerated() {
            try formed.formSquad(
                try CustomerValueSquad.ID(validating: "batch-\(number)"), name: "Batch", from: proposal)
        }
        for specialist in formed.specialists {
            #expect(formed.sparePercent(of: specialist.id) == pool.sparePercent(of: specialist.id))
        }
    }

    @Test("a booking that does not fit is refused and changes nothing")
    func refusedBookings() throws {
        let organization = Fixtures.operatingRoom
        var pool = StaffingPool(organization)
        let mission = Mission(statement: "Day surgery", requiredSkills: ["surgery"])
        let proposal = pool.proposeStaffing(for: mission, share: 40)
        let before = organization.specialists.map { pool.sparePercent(of: $0.id) }

        var stranger = proposal
        stranger.picks[stranger.picks.count - 1].specialist = "nobody"
        #expect { try pool.book(stranger) } throws: { ($0 as? OrganizationError)?.code == .unknownReference }

        var greedy = proposal
        greedy.picks.append(greedy.picks[0])
        greedy.picks.append(greedy.picks[0])
        greedy.picks[0].share = 100
        #expect { try pool.book(greedy) } throws: { ($0 as? OrganizationError)?.code == .overbooked }

        #expect(organization.specialists.map { pool.sparePercent(of: $0.id) } == before)
        #expect(pool.proposeStaffing(for: mission, share: 40) == proposal)

        // Booked, the surgeon's time is gone: the next proposal takes the other one.
        try pool.book(proposal)
        let surgeon = try #require(proposal.picks.first { $0.covers.contains("surgery") }).specialist
        #expect(pool.sparePercent(of: surgeon) == organization.sparePercent(of: surgeon) - 40)
        let next = pool.proposeStaffing(for: mission, share: 40)
        #expect(next.picks.allSatisfy { pool.sparePercent(of: $0.specialist) >= 40 })
        #expect(next.picks.first { $0.covers.contains("surgery") }?.specialist != surgeon)
    }
}
