import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

/// A studio with five departments. The best designer sits in marketing; a good one in design.
/// Nobody speaks Mandarin. One analyst is fully booked elsewhere.
private func studio() throws -> Organization {
    try Organization.build(name: "Studio", goal: "Win the accounts we want") {
        Department(id: "marketing", name: "Marketing")
        Department(id: "sales", name: "Sales")
        Department(id: "product", name: "Product")
        Department(id: "design", name: "Design")
        Department(id: "analytics", name: "Analytics")
        Specialist(id: "m1", name: "M1", department: "marketing", skills: ["account marketing": .expert])
        Specialist(id: "m2", name: "M2", department: "marketing", skills: ["design": .expert])
        Specialist(id: "d1", name: "D1", department: "design", skills: ["design": .proficient])
        Specialist(id: "x1", name: "X1", department: "design")
        Specialist(id: "s1", name: "S1", department: "sales", skills: ["enterprise sales": .expert])
        Specialist(id: "p1", name: "P1", department: "product", skills: ["product management": .competent])
        Specialist(id: "a1", name: "A1", department: "analytics", skills: [.analytics: .proficient])
        Specialist(id: "a2", name: "A2", department: "analytics", skills: [.analytics: .expert])
        CustomerValueSquad.build(id: "reporting", name: "Reporting", mission: Mission(statement: "Report")) {
            Member("a2", as: "analyst", share: 100)
        }
        CustomerValueSquad.build(
            id: "pitch",
            name: "Pitch team",
            mission: Mission(
                statement: "Win Garuda", requiredSkills: ["account marketing", "enterprise sales", .analytics])
        ) {
            Member("m1", as: "lead", share: 50)
            Member("s1", as: "sales", share: 50)
        }
    }
}

private let accountMission = Mission(
    statement: "Win the Garuda account",
    valueArea: .account("Garuda"),
    customer: "Garuda's buying committee",
    requiredSkills: ["account marketing", "design", "enterprise sales", "mandarin"]
)

@Suite("Analyses")
struct AnalysisTests {
    @Test("a gap only one person in another department can fill")
    func singleCandidateGap() throws {
        let organization = try studio()
        let gaps = try organization.skillGaps(of: "pitch")
        // The pitch team has account marketing (m1) and enterprise sales (s1); analytics is missing. Two analysts
        // exist, but a2 gives all their time to reporting, so only a1 — from analytics, new to the team — can help.
        #expect(gaps.map(\.skill) == [.analytics])
        let candidates = try #require(gaps.first).candidates
        #expect(candidates.map(\.specialist) == ["a1"])
        #expect(candidates.first?.bringsNewDepartment == true)
        #expect(candidates.first?.sparePercent == 100)
        #expect(candidates.first?.proficiency == .proficient)
        #expect(throws: OrganizationError.self) { try organization.skillGaps(of: "nowhere") }
    }

    @Test("users pass their own required skills and candidates are ranked")
    func ownSkills() throws {
        let organization = try studio()
        let gaps = try organization.skillGaps(of: "pitch", requiredSkills: ["design", "enterprise sales"])
        // s1 is a member, so enterprise sales is covered; design is not. m2 (expert) ranks before d1 (proficient),
        // though d1's department is new to the team: proficiency comes first.
        #expect(gaps.map(\.skill) == ["design"])
        #expect(gaps.first?.candidates.map(\.specialist) == ["m2", "d1"])
        #expect(gaps.first?.candidates.map(\.bringsNewDepartment) == [false, true])
        let forMission = organization.skillGaps(requiredSkills: ["mandarin", "design"], members: ["m2"])
        #expect(forMission.map(\.skill) == ["mandarin"])
        #expect(forMission.first?.candidates.isEmpty == true)
    }

    @Test("staffing trades a better specialist for department diversity")
    func staffingTradesForDiversity() throws {
        let organization = try studio()
        let proposal = organization.proposeStaffing(for: accountMission)
        // Rarest skills first: mandarin (nobody), account marketing (m1), enterprise sales (s1) — but m1 and s1 are
        // half booked in the pitch team and the share asked is 40 %, which they still have. Then design: m2 is the
        // better designer, but marketing is already on board and the squad needs 3 departments, so d1 wins.
        #expect(Array(proposal.picks.map(\.specialist).prefix(3)) == ["m1", "s1", "d1"])
        let designer = try #require(proposal.picks.first { $0.specialist == "d1" })
        #expect(designer.covers == ["design"])
        #expect(designer.role == "design")
        #expect(designer.reason.contains("brings department design"))
        // Then the squad is filled to six: m2 (a mission skill), a1 (analytics), and x1 from a department on board.
        // a2 has no time; p1 brings nothing the mission asks for but is never needed.
        #expect(proposal.picks.map(\.specialist) == ["m1", "s1", "d1", "m2", "a1", "x1"])
        #expect(proposal.uncoveredSkills == ["mandarin"])
        #expect(proposal.departments == ["analytics", "design", "marketing", "sales"])
        #expect(proposal.shortfalls.isEmpty)
        #expect(!proposal.isComplete, "mandarin is reported, not faked")
        #expect(proposal.picks.allSatisfy { $0.share == 40 && !$0.reason.isEmpty })
        #expect(organization.proposeStaffing(for: accountMission) == proposal, "deterministic")

        var applied = organization
        try applied.formSquad("garuda", name: "Garuda squad", from: proposal)
        let squad = try #require(applied.squad("garuda"))
        #expect(Set(squad.memberIDs) == Set(proposal.picks.map(\.specialist)))
        #expect(squad.stage == .forming)
        #expect(applied.bookedPercent(of: "m1") == 90)
        #expect(try organization.formingSquad("garuda", name: "Garuda squad", from: proposal) == applied)
    }

    @Test("a mission whose skills no one has is reported, not faked")
    func noOneHasTheSkills() throws {
        let organization = try studio()
        let proposal = organization.proposeStaffing(
            for: Mission(statement: "Go east", requiredSkills: ["mandarin", "korean"]))
        #expect(proposal.uncoveredSkills == ["korean", "mandarin"])
        #expect(proposal.picks.allSatisfy { $0.covers.isEmpty && $0.role == "member" })
        #expect(proposal.picks.count == 6)
        #expect(proposal.departments.count >= 3)
    }

    @Test("a shortfall is said when too few people have time")
    func shortfall() throws {
        let organization = try studio()
        let proposal = organization.proposeStaffing(for: accountMission, share: 60)
        // Only those with 60 % spare: m2, d1, x1, p1, a1 (m1 and s1 are at 50 %, a2 at 100 %).
        #expect(Set(proposal.picks.map(\.specialist)) == ["m2", "d1", "x1", "p1", "a1"])
        #expect(proposal.shortfalls.count == 1)
        #expect(proposal.shortfalls.first?.contains("only 5 specialists") == true)
        #expect(proposal.uncoveredSkills == ["account marketing", "enterprise sales", "mandarin"])
    }

    @Test("outcome progress for rising and falling metrics, equal baselines and overshoot")
    func outcomeProgress() {
        // Rising: 120 000 of the way from 0 to 500 000 is 0.24.
        #expect(Outcome(id: "a", metric: "Pipeline", baseline: 0, target: 500_000, current: 120_000).progress == 0.24)
        // Falling: from 30 days towards 10, now 21 — 9 of 20 days gained is 0.45.
        #expect(
            Outcome(id: "b", metric: "Days", baseline: 30, target: 10, current: 21, direction: .decrease).progress
                == 0.45)
        // Baseline equal to target: met or not.
        #expect(Outcome(id: "c", metric: "NPS", baseline: 50, target: 50, current: 51).progress == 1)
        #expect(Outcome(id: "d", metric: "NPS", baseline: 50, target: 50, current: 49).progress == 0)
        #expect(
            Outcome(id: "e", metric: "Churn", baseline: 5, target: 5, current: 4, direction: .decrease).progress == 1)
        #expect(
            Outcome(id: "f", metric: "Churn", baseline: 5, target: 5, current: 6, direction: .decrease).progress == 0)
        // Beyond the target counts as done; behind the baseline as nothing.
        #expect(Outcome(id: "g", metric: "On time", baseline: 70, target: 90, current: 95).progress == 1)
        #expect(Outcome(id: "h", metric: "On time", baseline: 70, target: 90, current: 60).progress == 0)
        #expect(
            Outcome(id: "i", metric: "Days", baseline: 30, target: 10, current: 5, direction: .decrease).progress == 1)
        #expect(Outcome(id: "j", metric: "No current", baseline: 1, target: 2).progress == nil)
    }

    @Test(
        "status bands follow OKR grading",
        arguments: [
            (0.0, StatusBand.offTrack), (0.3, .offTrack), (0.39, .offTrack), (0.4, .atRisk), (0.6, .atRisk),
            (0.69, .atRisk), (0.7, .onTrack), (1.0, .onTrack),
        ])
    func bands(_ progress: Double, _ band: StatusBand) {
        #expect(StatusBand(progress: progress) == band)
    }

    @Test("a squad's score is the weighted mean of its outcomes; the organisation rolls squads up")
    func scores() throws {
        var organization = Fixtures.accountBasedMarketing
        typealias ABM = Fixtures.AccountBasedMarketing
        // The pilot: pipeline 0.24, time to meeting 0.45, equal weights — (0.24 + 0.45) / 2 = 0.345, off track.
        let pilot = try #require(organization.score(of: ABM.pilot))
        #expect(pilot.outcomes.map(\.progress) == [0.24, 0.45])
        #expect(pilot.outcomes.map(\.band) == [.offTrack, .atRisk])
        #expect(abs((pilot.score ?? 0) - 0.345) < 1e-12)
        #expect(pilot.band == .offTrack)
        // Weight the meeting time three times: (0.24 + 3 × 0.45) / 4 = 0.3975 — still off track, just.
        var accountability = try #require(organization.squad(ABM.pilot)).accountability
        accountability.outcomes[1].weight = 3
        accountability.outcomes.append(Outcome(id: "unmeasured", metric: "Mood"))
        try organization.setAccountability(accountability, of: ABM.pilot)
        let weighted = try #require(organization.score(of: ABM.pilot))
        #expect(abs((weighted.score ?? 0) - 0.3975) < 1e-12)
        #expect(weighted.unscored == ["unmeasured"])
        // Meetings now take 8 days: progress 1, score (0.24 + 3) / 4 = 0.81, on track.
        try organization.recordOutcome(8, for: "time-to-meeting", of: ABM.pilot)
        #expect(abs((organization.score(of: ABM.pilot)?.score ?? 0) - 0.81) < 1e-12)
        #expect(organization.score(of: ABM.pilot)?.band == .onTrack)

        // A second squad with no outcomes has no score and is left out of the mean.
        try organization.formSquad(CustomerValueSquad(id: "idle", name: "Idle", mission: Mission(statement: "x")))
        let rollUp = organization.scores()
        #expect(rollUp.squads.map(\.squad) == [ABM.pilot, "idle"])
        #expect(rollUp.squads.last?.score == nil)
        #expect(abs((rollUp.score ?? 0) - 0.81) < 1e-12)
        #expect(rollUp.squadsPerBand == [.onTrack: 1])
        #expect(organization.score(of: "nowhere") == nil)
    }

    @Test("silo reach shows which data flows to which squad")
    func siloReach() throws {
        typealias ABM = Fixtures.AccountBasedMarketing
        var organization = Fixtures.accountBasedMarketing
        let reach = organization.siloReach()
        // Four assets; the pilot reaches the three its mission needs; the commissions stay in their silo.
        #expect(reach.assetCount == 4)
        #expect(reach.reachedAssetCount == 3)
        #expect(reach.reachedFraction == 0.75)
        let commercial = try #require(reach.departments.first { $0.department == ABM.commercial })
        #expect(commercial.assets.map(\.squads) == [[]])
        #expect(commercial.reachedAssetCount == 0)
        let sales = try #require(reach.departments.first { $0.department == ABM.sales })
        #expect(sales.assets.first?.squads == [ABM.pilot])
        let pilot = try #require(reach.squads.first)
        #expect(pilot.departments == ["analytics", "communications", "marketing", "product", "sales"])
        #expect(pilot.unreachableNeeds.isEmpty)

        try organization.revokeAccess(to: ABM.crm, from: ABM.pilot)
        let after = organization.siloReach()
        #expect(after.squads.first?.unreachableNeeds == [ABM.crm])
        #expect(after.reachedAssetCount == 2)
        try organization.dissolve(ABM.pilot)
        #expect(organization.siloReach().reachedAssetCount == 0)
        #expect(organization.siloReach().squads.isEmpty)
    }

    @Test("readiness of the three pieces shows its evidence")
    func readiness() throws {
        typealias OR = Fixtures.OperatingRoom
        var organization = Fixtures.operatingRoom
        let ready = try #require(organization.readiness(of: OR.squad))
        #expect(ready.isReady)
        #expect(
            ready.people.evidence == ["members come from 4 departments: anaesthesiology, nursing, quality, surgery"])
        #expect(ready.method.evidence == ["break-fix cycles of 7 days"])
        #expect(
            ready.brain.evidence == [
                "q-lina brings analytics (expert)", "a grant reaches analytical data surgical-outcomes",
            ])

        try organization.release("q-lina", from: OR.squad)
        try organization.revokeAccess(to: OR.outcomeRegistry, from: OR.squad)
        try organization.setCycleLength(nil, of: OR.squad)
        let missing = try #require(organization.readiness(of: OR.squad))
        #expect(!missing.brain.isReady && !missing.method.isReady && missing.people.isReady)
        #expect(missing.brain.evidence == ["no member does analytics and no grant reaches analytical data"])
        #expect(organization.readiness(of: "nowhere") == nil)
    }
}
