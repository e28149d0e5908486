import CustomerValueSquadsSamples
import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// The operating room with costs per FTE, a recovery-ward squad with the nurse Rina at 40 %, and three seats: a
/// perfusionist no one has the skill for, a cardiac anaesthetist only the room's own member is expert enough for,
/// and a scrub nurse for the recovery ward whom the head nurse can be.
private func hospital() throws -> (Organization, RolloutPlan) {
    var organization = Fixtures.operatingRoom
    try organization.setCostPerFTE(120_000, of: OR.surgery)
    try organization.setCostPerFTE(60_000, of: OR.nursing)
    try organization.setCostPerFTE(100_000, of: OR.anaesthesiology)
    try organization.formSquad(
        CustomerValueSquad(
            id: "recovery", name: "Recovery ward", mission: Mission(statement: "Home within three days"),
            memberships: ["n-rina": Membership(role: "recovery nurse", share: 40)]))
    var perfusionist = Seat(
        id: "perfusionist", role: "perfusionist", skills: ["perfusion": .competent], share: 50,
        neededFrom: "2026-04-01")
    perfusionist.department = OR.surgery
    var cardiac = Seat(
        id: "cardiac", role: "cardiac anaesthetist", skills: ["anaesthesia": .expert], neededFrom: "2026-08-15")
    cardiac.department = OR.anaesthesiology
    cardiac.costPerFTE = 150_000
    try organization.openSeat(perfusionist, in: OR.squad)
    try organization.openSeat(cardiac, in: OR.squad)
    try organization.openSeat(
        Seat(
            id: "scrub", role: "scrub nurse", skills: ["scrub nursing": .proficient], share: 30,
            neededFrom: "2026-06-01"),
        in: "recovery")
    var batch = RolloutPlan.Batch(name: "east wing", replicas: ["recovery"])
    batch.start = "2026-10-05"
    let plan = try RolloutPlan(startingArea: "surgery", pilot: OR.squad, batches: [batch])
    return (organization, plan)
}

@Suite("The hiring plan")
struct HiringPlanTests {
    @Test("two seats no one inside can fill, one seat filled inside, one backfill: computed by hand")
    func byHand() throws {
        let (organization, plan) = try hospital()
        let hiring = try organization.hiringPlan(rollout: plan, floors: [OR.nursing: 0.4])
        // The seats take their turn by day: the perfusionist (1 April), the scrub nurse (1 June), the cardiac
        // anaesthetist (15 August). The head nurse is expert at scrub nursing with 60 % to spare.
        #expect(hiring.filledInside == [.init(squad: "recovery", seat: "scrub", specialist: "n-ayu")])
        #expect(hiring.hires.map(\.reason) == [.seat, .seat, .backfill])
        let (perfusionist, cardiac, backfill) = (hiring.hires[0], hiring.hires[1], hiring.hires[2])
        #expect(perfusionist.seat == "perfusionist" && perfusionist.squad == OR.squad)
        #expect(perfusionist.fte == 0.5 && perfusionist.headcount == 1 && perfusionist.day == "2026-04-01")
        #expect(perfusionist.costPerFTE == 120_000 && perfusionist.cost == 60_000)  // the department's rate
        #expect(cardiac.costPerFTE == 150_000 && cardiac.cost == 150_000)  // the seat's own rate
        #expect(cardiac.skills == ["anaesthesia"] && cardiac.role == "cardiac anaesthetist")
        // Nursing: 3 people; the pilot takes 160 % (1.4 FTE at home, floor 0.4 × 3 = 1.2: kept), the east wing
        // 40 % more (1.0 at home): 0.2 FTE to hire back, one person, dated by the batch.
        #expect(backfill.department == OR.nursing && backfill.step == "east wing")
        #expect(abs(backfill.fte - 0.2) < 1e-9 && backfill.headcount == 1 && backfill.day == "2026-10-05")
        #expect(abs((backfill.cost ?? 0) - 12_000) < 1e-6)

        func row(_ total: HiringPlan.Total) -> String {
            "\(total.key) \(total.headcount) \(total.fte.formatted2) \(Int(total.cost.rounded())) \(total.uncosted)"
        }
        #expect(
            hiring.byQuarter.map(row) == [
                "2026-Q2 1 0.50 60000 0", "2026-Q3 1 1.00 150000 0", "2026-Q4 1 0.20 12000 0",
            ])
        #expect(
            hiring.byDepartment.map(row) == [
                "anaesthesiology 1 1.00 150000 0", "nursing 1 0.20 12000 0", "surgery 1 0.50 60000 0",
            ])
        #expect(hiring.bySkill.map(row) == ["anaesthesia 1 1.00 150000 0", "perfusion 1 0.50 60000 0"])
        #expect(row(hiring.total) == "total 3 1.70 222000 0")
    }

    @Test("without a rollout: the seats, and what each department already needs to keep its floor")
    func withoutRollout() throws {
        var (organization, _) = try hospital()
        let seatsOnly = try organization.hiringPlan()
        #expect(seatsOnly.hires.map(\.reason) == [.seat, .seat])
        // A floor of 0.7 for nursing: 2.1 FTE must stay, 1.0 is home (the room 160 %, the ward 40 %).
        let floored = try organization.hiringPlan(floors: [OR.nursing: 0.7])
        let backfill = try #require(floored.hires.last)
        #expect(backfill.reason == .backfill && backfill.step == nil && backfill.day == nil)
        #expect(abs(backfill.fte - 1.1) < 1e-9 && backfill.headcount == 2)
        #expect(floored.byQuarter.last?.key == "unscheduled")
        // A seat with no department and no cost of its own is counted, not costed.
        try organization.openSeat(
            Seat(id: "chaplain", role: "chaplain", skills: ["pastoral care": .novice], neededFrom: "2027-01-10"),
            in: "recovery")
        let plan = try organization.hiringPlan()
        #expect(plan.byDepartment.last?.key == "none" && plan.byDepartment.last?.uncosted == 1)
        #expect(plan.total.uncosted == 1 && plan.total.headcount == 3)
        #expect(plan.byQuarter.map(\.key) == ["2026-Q2", "2026-Q3", "2027-Q1"])
    }

    @Test("the seats table and the plan's CSV hold every seat and hire, cells read back as written")
    func csv() throws {
        var (organization, plan) = try hospital()
        var hostile = Seat(id: "formula", role: "=HYPERLINK(\"x\")", skills: ["a;b": .novice], neededFrom: "2026-12-01")
        hostile.note = "line one\r\nline two, \"quoted\""
        try organization.openSeat(hostile, in: "recovery")
        let seats = CSVReader(Array(organization.csv(.seats).utf8), delimiter: UInt8(ascii: ","))
        #expect(seats.problems.isEmpty)
        #expect(seats.records.first?.fields == CSVTable.seats.columns)
        let rows = seats.records.dropFirst().map(\.fields)
        #expect(
            rows.map { "\($0[0])/\($0[1])" } == [
                "or-team/perfusionist", "or-team/cardiac", "recovery/scrub", "recovery/formula",
            ])
        #expect(rows[1][3] == "anaesthesia:expert" && rows[1][4] == "100" && rows[1][5] == "2026-08-15")
        #expect(rows[1][6] == "anaesthesiology" && rows[1][7] == "150000")
        #expect(rows[3][2] == "'=HYPERLINK(\"x\")")  // neutralised, as every table's cells are
        #expect(rows[3][3] == "a\\;b:novice" && rows[3][8] == hostile.note)

        let hiring = try organization.hiringPlan(rollout: plan, floors: [OR.nursing: 0.4])
        let table = CSVReader(Array(hiring.csv(delimiter: ";").utf8), delimiter: UInt8(ascii: ";"))
        #expect(table.problems.isEmpty)
        #expect(table.records.first?.fields == HiringPlan.csvColumns)
        let hires = table.records.dropFirst().map(\.fields)
        #expect(hires.count == hiring.hires.count)
        #expect(hires.map { $0[0] } == hiring.hires.map(\.reason.rawValue))
        #expect(hires[0][7] == "0.5" && hires[0][10] == "2026-Q2" && hires[0][12] == "60000")
        #expect(hires.last?[3] == "east wing" && hires.last?[10] == "2026-Q4")
        #expect(hires.contains { $0[2] == "formula" && $0[5] == "'=HYPERLINK(\"x\")" && $0[12] == "" })
    }

    @Test("the impact of a change counts the seats opened, filled and closed, and the hiring plan before and after")
    func impact() throws {
        let (before, _) = try hospital()
        var after = before
        try after.fillSeat("scrub", in: "recovery", with: "n-ayu")
        try after.closeSeat("perfusionist", in: OR.squad)
        try after.openSeat(Seat(id: "porter", role: "porter", share: 20, neededFrom: "2026-09-01"), in: "recovery")
        let impact = after.impact(comparedTo: before, on: "2026-06-01")
        #expect(impact.openSeats == .init(before: 3, after: 2))
        #expect(impact.seatsOpened == 1 && impact.seatsFilled == 1 && impact.seatsClosed == 1)
        // Before: the perfusionist and the cardiac anaesthetist to hire; after: only the anaesthetist (the porter
        // can be anyone with time).
        #expect(impact.hiring.before?.headcount == 2 && impact.hiring.after?.headcount == 1)
        #expect(impact.hiring.before?.cost == 210_000 && impact.hiring.after?.cost == 150_000)
        // A seat that goes without anyone joining in its role is closed, not filled.
        var released = before
        try released.closeSeat("scrub", in: "recovery")
        try released.assign("n-ayu", to: "recovery", role: "charge nurse", share: 30)
        let other = released.impact(comparedTo: before, on: "2026-06-01")
        #expect(other.seatsFilled == 0 && other.seatsClosed == 1 && other.seatsOpened == 0)
        // Nor is one whose role is taken for another share.
        var otherShare = before
        try otherShare.closeSeat("scrub", in: "recovery")
        try otherShare.assign("n-ayu", to: "recovery", role: "scrub nurse", share: 20)
        #expect(otherShare.impact(comparedTo: before, on: "2026-06-01").seatsFilled == 0)
    }

    @Test("each step of a rollout adds only what it drains beyond the steps before it")
    func backfillsByStep() throws {
        let (organization, plan) = try hospital()
        // Nursing at a floor of 50 %: 1.5 of 3 FTE must stay. The pilot leaves 1.4 (0.1 to hire), the east wing 1.0
        // (0.4 more, not 0.5).
        let hiring = try organization.hiringPlan(rollout: plan, floors: [OR.nursing: 0.5])
        let backfills = hiring.hires.filter { $0.reason == .backfill }
        #expect(backfills.map(\.step) == ["pilot", "east wing"])
        #expect(backfills.map { ($0.fte * 10).rounded() } == [1, 4])
        #expect(backfills.map(\.day) == [nil, "2026-10-05"])
        #expect(abs(hiring.byDepartment.first { $0.key == "nursing" }!.fte - 0.5) < 1e-9)
    }

    @Test("a squad too small says whether filling its open seats would bring it in range")
    func sizeWithSeats() throws {
        var (organization, _) = try hospital()
        func sizeFinding() -> Finding? {
            organization.validate(on: "2026-06-01").findings.first {
                $0.code == .squadSizeTooSmall && $0.subject == .squad("recovery")
            }
        }
        // The ward has 1 member and 1 seat: still short of 6.
        #expect(sizeFinding()?.message.contains("its 1 open seat would bring it to 2, still short") == true)
        #expect(sizeFinding()?.figures["openSeats"] == 1)
        for number in 2...5 {
            try organization.openSeat(
                Seat(id: try Seat.ID(validating: "seat-\(number)"), role: "aide", share: 10, neededFrom: "2026-07-01"),
                in: "recovery")
        }
        #expect(sizeFinding()?.message.contains("filling its 5 open seats would bring it to 6, in range") == true)
        // A squad without seats reads as before.
        #expect(
            organization.validate(on: "2026-06-01").findings.allSatisfy {
                $0.code != .squadSizeTooSmall || $0.subject == .squad("recovery") || $0.figures["openSeats"] == nil
            })
    }

    @Test("floors out of range or of unknown departments are refused, with or without a rollout")
    func badFloors() throws {
        let (organization, plan) = try hospital()
        for rollout in [plan, nil] {
            #expect(throws: OrganizationError.self) {
                try organization.hiringPlan(rollout: rollout, floors: ["x": 0.5])
            }
            #expect(throws: OrganizationError.self) {
                try organization.hiringPlan(rollout: rollout, floors: [OR.nursing: .nan])
            }
        }
    }

    @Test("a seat filled inside takes the time it needs: two seats do not count on the same spare time")
    func insideFillsBook() throws {
        var (organization, _) = try hospital()
        // A second scrub seat of 50 %: the head nurse has 30 % left after the first, the scrub nurse Dewi 40 %.
        try organization.openSeat(
            Seat(
                id: "scrub-2", role: "scrub nurse", skills: ["scrub nursing": .proficient], share: 40,
                neededFrom: "2026-06-02"),
            in: "recovery")
        let plan = try organization.hiringPlan()
        #expect(plan.filledInside.map(\.specialist) == ["n-ayu", "n-dewi"])
        try organization.openSeat(
            Seat(
                id: "scrub-3", role: "scrub nurse", skills: ["scrub nursing": .proficient], share: 40,
                neededFrom: "2026-06-03"),
            in: "recovery")
        let more = try organization.hiringPlan()
        #expect(more.filledInside.count == 2)
        #expect(more.hires.contains { $0.seat == "scrub-3" })
    }
}

@Suite("Candidates for a seat")
struct SeatCandidateTests {
    @Test("staffing a squad's seats picks the best candidate of each, their time counted once, seats named")
    func proposalForSeats() throws {
        var (organization, _) = try hospital()
        try organization.openSeat(
            Seat(
                id: "scrub-2", role: "scrub nurse", skills: ["scrub nursing": .proficient], share: 40,
                neededFrom: "2026-06-02"),
            in: "recovery")
        let proposal = try organization.proposeStaffing(forSeatsOf: "recovery")
        #expect(proposal.picks.map(\.specialist) == ["n-ayu", "n-dewi"])
        #expect(proposal.picks.map(\.seat) == ["scrub", "scrub-2"])
        #expect(proposal.picks.map(\.share) == [30, 40] && proposal.picks.allSatisfy { $0.role == "scrub nurse" })
        #expect(proposal.isComplete && proposal.departments == [OR.nursing])
        var filled = organization
        for pick in proposal.picks {
            try filled.fillSeat(try #require(pick.seat), in: "recovery", with: pick.specialist)
        }
        #expect(filled.squad("recovery")?.seats == [])
        // The operating room's seats: no one outside the room has the skills.
        let room = try organization.proposeStaffing(forSeatsOf: OR.squad)
        #expect(
            room.picks.isEmpty && room.uncoveredSkills == ["anaesthesia", "perfusion"] && room.shortfalls.count == 2)
        #expect(throws: OrganizationError.self) { try organization.proposeStaffing(forSeatsOf: "nowhere") }
        // A gap names the seat that would close it.
        let gaps = try organization.skillGaps(of: "recovery", requiredSkills: ["scrub nursing", "triage"])
        #expect(gaps.map(\.seats) == [["scrub", "scrub-2"], []])
        #expect(
            try StaffingPool(organization).skillGaps(of: "recovery", requiredSkills: ["scrub nursing"]).first?.seats
                == ["scrub", "scrub-2"])
        let decoded = try JSONDecoder().decode([SkillGap].self, from: JSONEncoder().encode(gaps))
        #expect(decoded == gaps)
    }

    @Test("the candidates are those the definition gives, in its order, on generated organisations")
    func againstDefinition() throws {
        for seed in 1...4 {
            var shape = OrganizationGenerator.Shape(specialists: 600, squads: 40)
            shape.openSeats = 30
            let organization = OrganizationGenerator(seed: UInt64(seed), shape: shape).generate()
            let pool = StaffingPool(organization)
            var holders: [Skill: Int] = [:]
            for specialist in organization.specialists {
                for skill in specialist.skills.keys { holders[skill, default: 0] += 1 }
            }
            for squad in organization.squads where !squad.seats.isEmpty {
                let departments = Set(squad.memberIDs.compactMap { organization.specialist($0)?.department })
                for seat in squad.seats {
                    let rarest = seat.skills.keys.min { (holders[$0] ?? 0, $0) < (holders[$1] ?? 0, $1) }
                    let expected = organization.specialists.filter { specialist in
                        squad.memberships[specialist.id] == nil
                            && organization.sparePercent(of: specialist.id) >= seat.share.percent
                            && seat.isMet(by: specialist)
                    }.sorted { lhs, rhs in
                        let levels = rarest.map { (lhs.skills[$0]?.level ?? 0, rhs.skills[$0]?.level ?? 0) } ?? (0, 0)
                        if levels.0 != levels.1 { return levels.0 > levels.1 }
                        let spares = (organization.sparePercent(of: lhs.id), organization.sparePercent(of: rhs.id))
                        if spares.0 != spares.1 { return spares.0 > spares.1 }
                        let new = (!departments.contains(lhs.department), !departments.contains(rhs.department))
                        if new.0 != new.1 { return new.0 }
                        return lhs.id < rhs.id
                    }.map(\.id)
                    #expect(pool.candidates(for: seat, in: squad.id, limit: nil).map(\.specialist) == expected)
                    #expect(
                        pool.candidates(for: seat, in: squad.id, limit: 3).map(\.specialist)
                            == Array(expected.prefix(3)))
                    #expect(
                        try organization.candidates(forSeat: seat.id, in: squad.id, limit: 5).map(\.specialist)
                            == Array(expected.prefix(5)))
                }
            }
        }
    }

    @Test("a seat that needs no skill: everyone outside the squad with the time, most time first")
    func noSkill() throws {
        let organization = Fixtures.operatingRoom
        let seat = Seat(id: "runner", role: "runner", share: 50, neededFrom: "2026-01-01")
        let candidates = StaffingPool(organization).candidates(for: seat, in: OR.squad, limit: nil)
        // Both have all their time; the director's board is new to the squad, surgery is not.
        #expect(candidates.map(\.specialist) == ["dr-wati", "dr-hadi"])
        #expect(candidates.allSatisfy { $0.sparePercent == 100 && $0.proficiencies.isEmpty })
        #expect(StaffingPool(organization).candidates(for: seat, in: nil, limit: 0).isEmpty)
        #expect(throws: OrganizationError.self) { try organization.candidates(forSeat: "runner", in: OR.squad) }
        #expect(throws: OrganizationError.self) { try organization.candidates(forSeat: "runner", in: "nowhere") }
    }
}

extension Double {
    /// The number with two decimals, for comparing sums by hand.
    fileprivate var formatted2: String {
        let hundredths = Int((self * 100).rounded())
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
    }
}
