import CustomerValueSquadsTesting
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// Applies a mutating transformation and its non-mutating twin to the same start and checks that they agree,
/// that the start value is untouched by the twin, and that the result keeps every invariant.
private func applyTwins(
    _ start: Organization,
    _ mutate: (inout Organization) throws -> Void,
    _ returning: (Organization) throws -> Organization
) throws -> Organization {
    var mutated = start
    try mutate(&mutated)
    let copy = start
    let returned = try returning(copy)
    #expect(copy == start)
    #expect(mutated == returned)
    try mutated.checkInvariants()
    return mutated
}

@Suite("Transformations")
struct TransformationTests {
    let hospital = Fixtures.operatingRoom

    @Test("adding and removing a department with its data")
    func departments() throws {
        let pharmacy = Department(
            id: "pharmacy",
            name: "Pharmacy",
            function: "dispenses medicine",
            parent: OR.board,
            dataAssets: [DataAsset(id: "stock", name: "Medicine stock")]
        )
        let added = try applyTwins(hospital, { try $0.addDepartment(pharmacy) }, { try $0.addingDepartment(pharmacy) })
        #expect(added.department("pharmacy") == pharmacy)
        #expect(added.holder(of: "stock") == "pharmacy")
        #expect(added.subdepartments(of: OR.board).contains("pharmacy"))
        #expect(added.departmentCount == hospital.departmentCount + 1)
        let removed = try applyTwins(
            added, { try $0.removeDepartment("pharmacy") }, { try $0.removingDepartment("pharmacy") })
        #expect(removed == hospital)
        #expect(removed.dataAsset("stock") == nil)
    }

    @Test("moving a department in the hierarchy")
    func moving() throws {
        let moved = try applyTwins(
            hospital,
            { try $0.moveDepartment(OR.quality, under: OR.surgery) },
            { try $0.movingDepartment(OR.quality, under: OR.surgery) }
        )
        #expect(moved.ancestors(of: OR.quality) == [OR.surgery, OR.board])
        #expect(moved.subdepartments(of: OR.surgery) == [OR.quality])
        #expect(!moved.subdepartments(of: OR.board).contains(OR.quality))
        let top = try applyTwins(
            moved, { try $0.moveDepartment(OR.quality, under: nil) },
            { try $0.movingDepartment(OR.quality, under: nil) })
        #expect(top.ancestors(of: OR.quality).isEmpty)
    }

    @Test("appointing and clearing a head")
    func heads() throws {
        let appointed = try applyTwins(
            hospital,
            { try $0.appointHead(OR.surgeon, of: OR.surgery) },
            { try $0.appointingHead(OR.surgeon, of: OR.surgery) }
        )
        #expect(appointed.department(OR.surgery)?.head == OR.surgeon)
        let cleared = try applyTwins(
            appointed, { try $0.appointHead(nil, of: OR.surgery) }, { try $0.appointingHead(nil, of: OR.surgery) })
        #expect(cleared.department(OR.surgery)?.head == nil)
    }

    @Test("hiring, transferring and offboarding a specialist")
    func specialists() throws {
        let nurse = Specialist(
            id: "n-putri", name: "Putri Handayani", title: "Nurse", department: OR.nursing,
            skills: ["scrub nursing": .novice])
        let hired = try applyTwins(hospital, { try $0.hire(nurse) }, { try $0.hiring(nurse) })
        #expect(hired.specialist("n-putri") == nurse)
        #expect(hired.staff(of: OR.nursing).contains("n-putri"))
        let moved = try applyTwins(
            hired, { try $0.transfer("n-putri", to: OR.surgery) }, { try $0.transferring("n-putri", to: OR.surgery) })
        #expect(moved.specialist("n-putri")?.department == OR.surgery)
        #expect(!moved.staff(of: OR.nursing).contains("n-putri"))
        #expect(moved.staff(of: OR.surgery).contains("n-putri"))
        let skilled = try applyTwins(
            moved,
            { try $0.setSkill("surgery", to: .novice, for: "n-putri") },
            { try $0.settingSkill("surgery", to: .novice, for: "n-putri") }
        )
        #expect(skilled.specialist("n-putri")?.has("surgery") == true)
        let unskilled = try applyTwins(
            skilled,
            { try $0.setSkill("surgery", to: nil, for: "n-putri") },
            { try $0.settingSkill("surgery", to: nil, for: "n-putri") }
        )
        #expect(unskilled.specialist("n-putri")?.has("surgery") == false)
        let gone = try applyTwins(unskilled, { try $0.offboard("n-putri") }, { try $0.offboarding("n-putri") })
        #expect(gone.specialist("n-putri") == nil)
        #expect(gone.specialistCount == hospital.specialistCount)
    }

    @Test("adding and removing a data asset")
    func dataAssets() throws {
        let schedule = DataAsset(id: "or-schedule", name: "Operating schedule", kind: .operational)
        let added = try applyTwins(
            hospital,
            { try $0.addDataAsset(schedule, to: OR.surgery) },
            { try $0.addingDataAsset(schedule, to: OR.surgery) }
        )
        #expect(added.dataAsset("or-schedule") == schedule)
        #expect(added.department(OR.surgery)?.dataAssets == [schedule])
        #expect(added.dataAssetCount == hospital.dataAssetCount + 1)
        let removed = try applyTwins(
            added, { try $0.removeDataAsset("or-schedule") }, { try $0.removingDataAsset("or-schedule") })
        #expect(removed == hospital)
    }

    @Test("forming a squad, assigning and releasing members")
    func membership() throws {
        let squad = CustomerValueSquad(
            id: "night-shift", name: "Night shift", mission: Mission(statement: "Emergencies at night"))
        let formed = try applyTwins(hospital, { try $0.formSquad(squad) }, { try $0.formingSquad(squad) })
        #expect(formed.squad("night-shift") == squad)
        let assigned = try applyTwins(
            formed,
            { try $0.assign(OR.surgeon, to: "night-shift", role: "on-call surgeon", share: 30) },
            { try $0.assigning(OR.surgeon, to: "night-shift", role: "on-call surgeon", share: 30) }
        )
        #expect(
            assigned.squad("night-shift")?.memberships[OR.surgeon] == Membership(role: "on-call surgeon", share: 30))
        #expect(assigned.squads(of: OR.surgeon) == ["night-shift", OR.squad])
        #expect(assigned.bookedPercent(of: OR.surgeon) == 90)
        #expect(assigned.departments(of: "night-shift") == [OR.surgery])
        let released = try applyTwins(
            assigned,
            { try $0.release(OR.surgeon, from: "night-shift", on: "2026-12-01", reason: "back to day shifts") },
            { try $0.releasing(OR.surgeon, from: "night-shift", on: "2026-12-01", reason: "back to day shifts") }
        )
        #expect(released.squad("night-shift")?.memberships == formed.squad("night-shift")?.memberships)
        #expect(released.bookedPercent(of: OR.surgeon) == 60)
        // The membership is kept in the squad's history, not overwritten.
        #expect(
            released.squad("night-shift")?.history == [
                PastMembership(
                    specialist: OR.surgeon,
                    role: "on-call surgeon",
                    share: 30,
                    since: nil,
                    until: "2026-12-01",
                    reason: "back to day shifts"
                )
            ]
        )
    }

    @Test("delegating and revoking a decision right")
    func decisionRights() throws {
        let right = DecisionRight(scope: "order implants", limit: .init(amount: 5_000, unit: "EUR"))
        let delegated = try applyTwins(
            hospital,
            { try $0.delegate(right, as: "implants", to: OR.squad) },
            { try $0.delegating(right, as: "implants", to: OR.squad) }
        )
        #expect(delegated.squad(OR.squad)?.decisionRights["implants"] == right)
        let revoked = try applyTwins(
            delegated,
            { try $0.revokeDecisionRight("implants", from: OR.squad) },
            { try $0.revokingDecisionRight("implants", from: OR.squad) }
        )
        #expect(revoked == hospital)
    }

    @Test("granting and revoking access to a silo's data")
    func grants() throws {
        let revoked = try applyTwins(
            hospital,
            { try $0.revokeAccess(to: OR.patientRecords, from: OR.squad) },
            { try $0.revokingAccess(to: OR.patientRecords, from: OR.squad) }
        )
        #expect(revoked.squad(OR.squad)?.grants[OR.patientRecords] == nil)
        let grant = DataAccessGrant(approvedBy: "n-ayu", reason: "know the patient before the incision")
        let granted = try applyTwins(
            revoked,
            { try $0.grantAccess(to: OR.patientRecords, for: OR.squad, grant) },
            { try $0.grantingAccess(to: OR.patientRecords, for: OR.squad, grant) }
        )
        #expect(granted == hospital)
    }

    @Test("setting the mission, the accountability, an outcome's value and the cycle length")
    func squadSettings() throws {
        let mission = Mission(
            statement: "No patient waits for an operating room",
            valueArea: .custom("patient flow"),
            customer: "the patient",
            requiredSkills: ["surgery"],
            requiredData: [OR.patientRecords]
        )
        let withMission = try applyTwins(
            hospital, { try $0.setMission(mission, of: OR.squad) }, { try $0.settingMission(mission, of: OR.squad) })
        #expect(withMission.squad(OR.squad)?.mission == mission)

        let accountability = Accountability(
            outcomes: [
                Outcome(id: "wait", metric: "Waiting days", unit: "days", baseline: 12, target: 3, direction: .decrease)
            ],
            owner: OR.anaesthetist,
            reviewCadence: .weekly,
            toleratedSmallFailures: 5
        )
        let accountable = try applyTwins(
            withMission,
            { try $0.setAccountability(accountability, of: OR.squad) },
            { try $0.settingAccountability(accountability, of: OR.squad) }
        )
        #expect(accountable.squad(OR.squad)?.accountability == accountability)

        let measured = try applyTwins(
            accountable,
            { try $0.recordOutcome(7.5, for: "wait", of: OR.squad) },
            { try $0.recordingOutcome(7.5, for: "wait", of: OR.squad) }
        )
        #expect(measured.squad(OR.squad)?.accountability.outcome("wait")?.current == 7.5)

        let rhythm = try applyTwins(
            measured, { try $0.setCycleLength(3, of: OR.squad) }, { try $0.settingCycleLength(3, of: OR.squad) })
        #expect(rhythm.squad(OR.squad)?.cycleLength?.days == 3)
    }

    @Test("moving through the lifecycle and dissolving")
    func lifecycle() throws {
        let replicating = try applyTwins(
            hospital,
            { try $0.advance(OR.squad, to: .replicating) },
            { try $0.advancing(OR.squad, to: .replicating) }
        )
        #expect(replicating.squad(OR.squad)?.stage == .replicating)
        let dissolved = try applyTwins(replicating, { try $0.dissolve(OR.squad) }, { try $0.dissolving(OR.squad) })
        let squad = try #require(dissolved.squad(OR.squad))
        #expect(squad.stage == .dissolved)
        #expect(squad.memberships.isEmpty && squad.grants.isEmpty)
        #expect(squad.mission == hospital.squad(OR.squad)?.mission)
        #expect(dissolved.squads(of: OR.surgeon).isEmpty)
        #expect(dissolved.bookedPercent(of: OR.surgeon) == 0)
        // An empty squad may move to dissolved directly.
        var empty = hospital
        try empty.formSquad(CustomerValueSquad(id: "idea", name: "Idea", mission: Mission(statement: "Maybe")))
        let ended = try applyTwins(
            empty, { try $0.advance("idea", to: .dissolved) }, { try $0.advancing("idea", to: .dissolved) })
        #expect(ended.squad("idea")?.stage == .dissolved)
        // The dissolved squad's mission stays on record as history; it no longer holds on to the data it names.
        let withoutRecords = try dissolved.removingDataAsset(OR.patientRecords)
        #expect(withoutRecords.squad(OR.squad)?.mission.requiredData.contains(OR.patientRecords) == true)
    }

    @Test("a transformation on a shared copy leaves the other copy alone")
    func valueSemantics() throws {
        let original = hospital
        var changed = original
        try changed.release("n-dewi", from: OR.squad)
        #expect(original.squad(OR.squad)?.memberships["n-dewi"] != nil)
        #expect(changed.squad(OR.squad)?.memberships["n-dewi"] == nil)
        #expect(original != changed)
    }
}
