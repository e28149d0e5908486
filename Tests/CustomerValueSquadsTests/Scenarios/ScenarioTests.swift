import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// A small company: sales (4 specialists), care (2) and ops (2); a pilot and the squads of two batches.
private func company(withReplicas: Bool) throws -> Organization {
    var organization = try Organization(name: "Toko", goal: "Sweet")
    for (id, name) in [("sales", "Sales"), ("care", "Care"), ("ops", "Ops")] as [(Department.ID, String)] {
        try organization.addDepartment(Department(id: id, name: name))
    }
    for (id, department) in [
        ("s1", "sales"), ("s2", "sales"), ("s3", "sales"), ("s4", "sales"), ("c1", "care"), ("c2", "care"),
        ("o1", "ops"), ("o2", "ops"),
    ] as [(Specialist.ID, Department.ID)] {
        try organization.hire(Specialist(id: id, name: id.rawValue, department: department))
    }
    func squad(_ id: CustomerValueSquad.ID, _ members: [(Specialist.ID, Int)]) throws -> CustomerValueSquad {
        var memberships: [Specialist.ID: Membership] = [:]
        for (member, percent) in members {
            memberships[member] = Membership(role: "member", share: try TimeShare(percent: percent))
        }
        return CustomerValueSquad(id: id, name: id.rawValue, mission: Mission(statement: "m"), memberships: memberships)
    }
    try organization.formSquad(try squad("pilot", [("s1", 50), ("c1", 50)]))
    if withReplicas {
        try organization.formSquad(try squad("java", [("s2", 50), ("o1", 50)]))
        try organization.formSquad(try squad("bali", [("s3", 100), ("s4", 50), ("c2", 50)]))
    }
    return organization
}

/// The plan: the pilot, then Java, then Bali.
private func plan() throws -> RolloutPlan {
    try RolloutPlan(
        startingArea: "regions", pilot: "pilot",
        batches: [.init(name: "Java", replicas: ["java"]), .init(name: "Bali", replicas: ["bali"])])
}

@Suite("Scenarios, impact and the silos' drain")
struct ScenarioTests {
    @Test("the drain ledger: sales falls under its floor of half in the second batch and needs half an FTE back")
    func drainLedger() throws {
        let ledger = try plan().drainLedger(in: try company(withReplicas: true), floors: ["sales": 0.5])
        #expect(ledger.steps.map(\.name) == ["before the rollout", "pilot", "Java", "Bali"])
        func sales(_ step: Int) throws -> SiloCapacity {
            try #require(ledger.steps[step].silos.first { $0.department == "sales" })
        }
        // Sales has 4 specialists: the pilot takes s1's half, Java s2's half, Bali s3 whole and s4's half.
        #expect(try sales(1).ftePulled == 0.5 && sales(1).fteAtHome == 3.5 && sales(1).backfill == 0)
        #expect(try sales(2).ftePulled == 1.0 && sales(2).fteAtHome == 3.0 && sales(2).shareRetained == 0.75)
        #expect(try sales(3).ftePulled == 2.5 && sales(3).fteAtHome == 1.5 && sales(3).shareRetained == 0.375)
        // The floor is 2 FTE at home (half of 4); 1.5 are left, so 0.5 must be hired back.
        #expect(try sales(3).backfill == 0.5)
        #expect(ledger.steps[3].silosBelowFloor.map(\.department) == ["sales"])
        #expect(ledger.steps[2].silosBelowFloor.isEmpty)
        // The department's own floor is used when none is given; the rule reports the same shortfall.
        let floored = try company(withReplicas: true).settingCapacityFloor(0.5, of: "sales")
        #expect(try plan().drainLedger(in: floored).steps[3].silosBelowFloor.map(\.backfill) == [0.5])
        #expect(floored.siloCapacity(of: "sales")?.backfill == 0.5)
        // 37.5 % retained against a floor of 50 %: 12.5 points short, more than the margin of 10: an error.
        #expect(
            floored.validate().findings(withCode: .departmentCapacityDrained).map(\.subject) == [.department("sales")])
        // Care has no floor: nothing to hire back, however much it gives.
        let care = try #require(ledger.steps[3].silos.first { $0.department == "care" })
        #expect(care.ftePulled == 1.0 && care.floor == nil && care.backfill == 0)
    }

    @Test("a scenario whose third change is refused names it, and applies nothing")
    func refusedChange() throws {
        let baseline = try company(withReplicas: false)
        let newcomer = Specialist(id: "new", name: "New", department: "ops")
        let scenario = Scenario(
            name: "Grow ops",
            changes: [
                OrganizationChange(.rename(from: "Toko", to: "Toko Manis")),
                OrganizationChange(.addSpecialist(newcomer)),
                OrganizationChange(.addSpecialist(newcomer)),
            ])
        #expect {
            _ = try scenario.projection(of: baseline)
        } throws: { error in
            guard let error = error as? OrganizationError else { return false }
            return error.code == .duplicateID && error.path == ["changes", "2"]
                && error.message.hasPrefix("change 3 of 3 in scenario \"Grow ops\" (addSpecialist) is refused")
        }
        // The first two alone apply; a branch adds to them.
        let firstTwo = Scenario(name: "Grow ops", changes: Array(scenario.changes.prefix(2)))
        let projected = try firstTwo.projection(of: baseline)
        #expect(projected.name == "Toko Manis" && projected.specialist("new") != nil)
        let branch = firstTwo.branching(
            "Grow ops more", adding: [OrganizationChange(.setGoal(from: "Sweet", to: "Sweeter"))])
        #expect(branch.changes.count == 3 && firstTwo.changes.count == 2)
        #expect(try branch.projection(of: baseline).goal == "Sweeter")
        let data = try JSONEncoder().encode(branch)
        #expect(try JSONDecoder().decode(Scenario.self, from: data) == branch)
        // The documented shape: {"name", "changes": [...]}.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["name", "changes"])
        #expect((object["changes"] as? [Any])?.count == 3)
    }

    @Test("an impact lists exactly the findings that appear and disappear, and each silo's capacity")
    func impact() throws {
        var baseline = Fixtures.operatingRoom
        let squad = Fixtures.OperatingRoom.squad
        let surgery = Fixtures.OperatingRoom.surgery
        let head = try #require(baseline.department(surgery)?.head)
        try baseline.appointHead(nil, of: surgery)
        // The scenario appoints the head again (resolving department.noHead) and takes the squad's decision
        // rights away (adding squad.empowerment.noDecisionRights).
        var scenario = baseline
        try scenario.appointHead(head, of: surgery)
        for right in try #require(scenario.squad(squad)).decisionRights.keys {
            try scenario.revokeDecisionRight(right, from: squad)
        }
        let impact = scenario.impact(comparedTo: baseline, on: "2026-11-28")
        #expect(impact.newFindings.map(\.code) == [.squadEmpowermentNoDecisionRights])
        #expect(impact.newFindings.map(\.subject) == [.squad(squad)])
        #expect(impact.resolvedFindings.map(\.code) == [.departmentNoHead])
        #expect(impact.resolvedFindings.map(\.subject) == [.department(surgery)])
        #expect(scenario.impact(comparedTo: scenario, on: "2026-11-28").newFindings.isEmpty)
        // Surgery's three specialists: no head to lead them before, its chief leads the other two after.
        let surgeryImpact = try #require(impact.departments.first { $0.department == surgery })
        #expect(surgeryImpact.staffPerHead == BeforeAfter(before: nil, after: 2))
        // Every skill the operating room needs is brought by a member, on both sides.
        let room = try #require(impact.squads.first { $0.squad == squad })
        let needed: [Skill] = ["anaesthesia", "analytics", "circulating nursing", "scrub nursing", "surgery"]
        #expect(room.coveredSkills == BeforeAfter(before: needed, after: needed))
        #expect(room.uncoveredSkills == BeforeAfter(before: [], after: []))

        // Capacity: forming Bali pulls 1.5 FTE more from sales (4 people), 0.5 more from care.
        let before = try company(withReplicas: false)
        let after = try company(withReplicas: true)
        let capacity = after.impact(comparedTo: before, on: "2026-11-28")
        let sales = try #require(capacity.departments.first { $0.department == "sales" })
        #expect(sales.headcount == BeforeAfter(before: 4, after: 4))
        #expect(sales.ftePulled == BeforeAfter(before: 0.5, after: 2.5))
        #expect(sales.fteAtHome == BeforeAfter(before: 3.5, after: 1.5))
        #expect(sales.shareRetained == BeforeAfter(before: 0.875, after: 0.375))
        #expect(sales.costPulled == BeforeAfter(before: nil, after: nil), "sales has no cost per FTE")
        let priced = try after.settingCostPerFTE(4_000, of: "sales")
        let pricedImpact = priced.impact(comparedTo: try before.settingCostPerFTE(4_000, of: "sales"), on: "2026-11-28")
        // 0.5 FTE before and 2.5 after, at 4 000 each.
        #expect(
            pricedImpact.departments.first { $0.department == "sales" }?.costPulled
                == BeforeAfter(before: 2_000, after: 10_000))
        #expect(pricedImpact.totalCostPulled == BeforeAfter(before: 2_000, after: 10_000))
        let bali = try #require(capacity.squads.first { $0.squad == "bali" })
        #expect(bali.size == BeforeAfter(before: nil, after: 3))
        #expect(bali.departmentsSpanned == BeforeAfter(before: nil, after: 2))
        #expect(capacity.squadsByStage.first { $0.stage == .forming }?.squads == BeforeAfter(before: 1, after: 3))
    }
}
