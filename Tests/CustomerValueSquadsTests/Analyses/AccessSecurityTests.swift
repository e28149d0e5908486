import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

private typealias OR = Fixtures.OperatingRoom

/// The silos guard their data: nothing is reachable without a live grant, and no access outlives the grant,
/// the membership or the squad.
@Suite("Access security")
struct AccessSecurityTests {
    @Test("no query reports data reachable without a grant")
    func noGrantNoReach() throws {
        var hospital = Fixtures.operatingRoom
        try hospital.revokeAccess(to: OR.patientRecords, from: OR.squad)
        #expect(!hospital.canReach(OR.patientRecords, from: OR.squad))
        #expect(hospital.reachableData(from: OR.squad) == [OR.outcomeRegistry])
        #expect(!hospital.reachableData(by: OR.surgeon).contains(OR.patientRecords))
        let reach = hospital.siloReach()
        #expect(reach.squads.first?.reachable == [OR.outcomeRegistry])
        #expect(reach.squads.first?.unreachableNeeds == [OR.patientRecords])
        let nursing = try #require(reach.departments.first { $0.department == OR.nursing })
        #expect(nursing.assets.first?.squads == [])
        // Needing the data in the mission is not access.
        #expect(hospital.squad(OR.squad)?.mission.requiredData.contains(OR.patientRecords) == true)
        // Data that does not exist is reachable by no one, and unknown squads reach nothing.
        #expect(!hospital.canReach("ghost-data", from: OR.squad))
        #expect(hospital.reachableData(from: "nowhere").isEmpty)
        #expect(hospital.validate().findings(withCode: .squadDataUnreachable).count == 1)
    }

    @Test("an expired grant gives no access, in every query")
    func expiry() throws {
        var hospital = Fixtures.operatingRoom
        try hospital.revokeAccess(to: OR.patientRecords, from: OR.squad)
        try hospital.grantAccess(
            to: OR.patientRecords,
            for: OR.squad,
            DataAccessGrant(approvedBy: "n-ayu", reason: "a four-week trial", expires: "2026-12-01")
        )
        #expect(hospital.canReach(OR.patientRecords, from: OR.squad, on: "2026-11-30"))
        #expect(!hospital.canReach(OR.patientRecords, from: OR.squad, on: "2026-12-01"))
        // With no day, grants are judged on today: one that ends in the future is live.
        #expect(hospital.canReach(OR.patientRecords, from: OR.squad) == (Day.today < "2026-12-01"))
        var later = hospital
        try later.revokeAccess(to: OR.patientRecords, from: OR.squad)
        try later.grantAccess(to: OR.patientRecords, for: OR.squad, DataAccessGrant(expires: "2099-12-31"))
        #expect(later.canReach(OR.patientRecords, from: OR.squad))
        #expect(later.validate().findings(withCode: .squadGrantExpired).isEmpty)
        #expect(later.validate().findings(withCode: .squadDataUnreachable).isEmpty)
        #expect(hospital.siloReach(on: "2026-11-30").reachedAssetCount == 2)
        #expect(hospital.siloReach(on: "2026-12-02").reachedAssetCount == 1)
        #expect(hospital.reachableData(by: "n-dewi", on: "2026-12-02") == [OR.outcomeRegistry])
        #expect(hospital.validate(on: "2026-11-30").isValid)
        let late = hospital.validate(on: "2026-12-01")
        #expect(
            late.findings(withCode: .squadGrantExpired).map(\.subject) == [
                .grant(squad: OR.squad, asset: OR.patientRecords)
            ]
        )
        #expect(late.findings(withCode: .squadDataUnreachable).count == 1)
        let audit = hospital.grantAudit(on: "2026-12-01")
        let trial = try #require(audit.first { $0.asset == OR.patientRecords })
        #expect(
            !trial.isLive && trial.neededByMission && trial.approvedBy == "n-ayu" && trial.reason == "a four-week trial"
        )
        #expect(trial.holder == OR.nursing && trial.expires == "2026-12-01")
    }

    @Test("releasing a member or dissolving a squad leaves no stale access")
    func noStaleAccess() throws {
        var hospital = Fixtures.operatingRoom
        #expect(hospital.reachableData(by: "n-dewi") == [OR.patientRecords, OR.outcomeRegistry])
        try hospital.release("n-dewi", from: OR.squad, on: "2026-11-22", reason: "moves to the ward")
        #expect(hospital.reachableData(by: "n-dewi").isEmpty)
        #expect(hospital.reachableData(by: OR.surgeon) == [OR.patientRecords, OR.outcomeRegistry])
        try hospital.dissolve(OR.squad, on: "2026-11-30")
        #expect(hospital.reachableData(by: OR.surgeon).isEmpty)
        #expect(hospital.reachableData(from: OR.squad).isEmpty)
        #expect(hospital.grantAudit().isEmpty)
        #expect(hospital.siloReach().reachedAssetCount == 0)
        // A dissolved squad cannot be given access again, and cannot be formed again with its grants.
        #expect(throws: OrganizationError.self) { try hospital.grantAccess(to: OR.patientRecords, for: OR.squad) }
        var smuggled = try #require(hospital.squad(OR.squad))
        smuggled.grants[OR.patientRecords] = DataAccessGrant(reason: "back door")
        #expect(throws: OrganizationError.self) { try hospital.formSquad(smuggled) }
        #expect {
            try hospital.apply(OrganizationChange(.updateSquad(from: hospital.squad(OR.squad)!, to: smuggled)))
        } throws: { error in
            (error as? OrganizationError)?.code == .dissolvedSquadNotEmpty
        }
        #expect(hospital.reachableData(from: OR.squad).isEmpty)
    }

    @Test("changing a copy of a squad grants nothing until the organisation accepts it")
    func copiesAreNotAccess() throws {
        let hospital = Fixtures.operatingRoom
        var copy = try #require(hospital.squad(OR.squad))
        copy.grants["ghost-data"] = DataAccessGrant(reason: "made up")
        #expect(!hospital.canReach("ghost-data", from: OR.squad))
        #expect {
            try hospital.applying(OrganizationChange(.updateSquad(from: hospital.squad(OR.squad)!, to: copy)))
        } throws: { error in
            (error as? OrganizationError)?.code == .unknownReference
        }
    }

    @Test("the audit lists every grant with its approver, reason and need")
    func audit() throws {
        var company = Fixtures.accountBasedMarketing
        try company.grantAccess(
            to: Fixtures.AccountBasedMarketing.commissions,
            for: Fixtures.AccountBasedMarketing.pilot,
            DataAccessGrant(approvedBy: "hendra", reason: "curiosity")
        )
        let audit = company.grantAudit()
        #expect(audit.count == 4)
        #expect(audit.map(\.asset) == ["campaign-results", "commissions", "crm", "product-usage"])
        let curiosity = try #require(audit.first { $0.asset == "commissions" })
        #expect(!curiosity.neededByMission && curiosity.isLive && curiosity.approvedBy == "hendra")
        #expect(company.validate().findings(withCode: .squadGrantNotNeeded).count == 1)
    }
}
