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

    @Test("dissolving a squad keeps its members' history in identifier order")
    func dissolvedHistoryOrder() throws {
        var hospital = Fixtures.operatingRoom
        let members = try #require(hospital.squad(Fixtures.OperatingRoom.squad)).memberIDs
        try hospital.dissolve(Fixtures.OperatingRoom.squad, on: "2026-12-01")
        #expect(hospital.squad(Fixtures.OperatingRoom.squad)?.history.map(\.specialist) == members)
    }

    @Test("the JSON-LD export is pretty by default and lists decision rights in identifier order")
    func linkedDataForm() throws {
        let text = String(decoding: try Fixtures.operatingRoom.linkedData(), as: UTF8.self)
        #expect(text.contains("\n  "))
        #expect(
            !String(decoding: try Fixtures.operatingRoom.linkedData(prettyPrinted: false), as: UTF8.self).contains("\n")
        )
        #expect(text.contains("cvs:decisionRight"))
        let call = try #require(text.range(of: "call-specialist"))
        let change = try #require(text.range(of: "change-plan"))
        #expect(call.lowerBound < change.lowerBound)
    }

    @Test("a squad gaining a member another squad releases applies, whichever squad sorts first")
    func memberMovesToAnEarlierSquad() throws {
        var before = try Organization(name: "Move")
        try before.addDepartment(Department(id: "d", name: "D"))
        for id in ["x", "y", "z"] as [Specialist.ID] {
            try before.hire(Specialist(id: id, name: id.rawValue, department: "d"))
        }
        try before.formSquad(
            CustomerValueSquad(
                id: "beta", name: "Beta", mission: Mission(statement: "m"),
                memberships: ["x": Membership(role: "r", share: 100), "z": Membership(role: "r", share: 10)]))
        try before.formSquad(
            CustomerValueSquad(
                id: "alpha", name: "Alpha", mission: Mission(statement: "m"),
                memberships: ["y": Membership(role: "r", share: 50)]))
        var after = before
        try after.release("x", from: "beta")
        try after.assign("x", to: "alpha", role: "r", share: 50)
        let changes = after.changes(from: before)
        #expect(try before.applying(changes) == after)
    }

    @Test("a squad that shrinks and gains a grant approved by someone hired in the same change list applies")
    func grantApprovedByANewcomer() throws {
        var before = Fixtures.operatingRoom
        let squad = Fixtures.OperatingRoom.squad
        try before.revokeAccess(to: Fixtures.OperatingRoom.patientRecords, from: squad)
        var after = before
        let leaving = try #require(after.squad(squad)?.memberIDs.first)
        try after.release(leaving, from: squad)
        try after.hire(Specialist(id: "newcomer", name: "Newcomer", department: "nursing"))
        try after.grantAccess(
            to: Fixtures.OperatingRoom.patientRecords, for: squad, DataAccessGrant(approvedBy: "newcomer"))
        let changes = after.changes(from: before)
        #expect(try before.applying(changes) == after)
    }

    @Test("a department that still has sub-departments names the first of them")
    func removeDepartmentNamesFirstChild() throws {
        var organization = try Organization(name: "Toko")
        try organization.addDepartment(Department(id: "top", name: "Top"))
        for id in ["zeta", "alpha", "mid"] as [Department.ID] {
            try organization.addDepartment(Department(id: id, name: id.rawValue, parent: "top"))
        }
        #expect(
            throws: OrganizationError(
                code: .stillReferenced, message: "departments such as alpha still report to top; move them first")
        ) {
            try organization.removeDepartment("top")
        }
    }

    @Test("findings of one code about one subject come in the order of their messages")
    func reportOrdersByMessage() throws {
        var hospital = Fixtures.operatingRoom
        var mission = try #require(hospital.squad(Fixtures.OperatingRoom.squad)).mission
        mission.requiredSkills.formUnion(["zumba", "aikido", "origami"])
        try hospital.setMission(mission, of: Fixtures.OperatingRoom.squad)
        let gaps = hospital.validate().findings(withCode: .squadSkillsGap).map(\.message)
        #expect(gaps.count == 3)
        #expect(gaps == gaps.sorted())
    }

    @Test("looking for a new department, staffing passes over every skilled colleague already on board")
    func staffingLooksPastColleaguesOnBoard() throws {
        var company = try Organization(name: "Toko")
        for id in ["a-ops", "b-other", "c-data"] as [Department.ID] {
            try company.addDepartment(Department(id: id, name: id.rawValue))
        }
        // Many skilled specialists of the department already on board, in whatever order a set yields them:
        // the search must pass over all of them to reach the one skilled specialist of another department.
        for index in 0..<30 {
            try company.hire(
                Specialist(
                    id: try Specialist.ID(validating: "ops-\(index)"), name: "Ops", department: "a-ops",
                    skills: ["x": .expert]))
        }
        try company.hire(Specialist(id: "idle", name: "Idle", department: "b-other"))
        try company.hire(Specialist(id: "analyst", name: "Analyst", department: "c-data", skills: ["x": .novice]))
        var policy = ValidationPolicy.default
        policy.thresholds.minimumDepartments = 2
        policy.thresholds.minimumSquadSize = 2
        let proposal = company.proposeStaffing(for: Mission(statement: "m", requiredSkills: ["x"]), policy: policy)
        // The skilled analyst is preferred to the first department in order with no mission skill at all.
        #expect(proposal.picks.map(\.specialist).contains("analyst"), "\(proposal.picks.map(\.specialist))")
        #expect(!proposal.picks.map(\.specialist).contains("idle"))
    }

    @Test("bringing in a department where no one has a mission skill, staffing picks in identifier order on a tie")
    func staffingBreaksTiesByIdentifier() throws {
        var company = try Organization(name: "Toko")
        for id in ["a", "b"] as [Department.ID] {
            try company.addDepartment(Department(id: id, name: id.rawValue))
        }
        try company.hire(Specialist(id: "a1", name: "A1", department: "a", skills: ["x": .expert]))
        // Equally free, neither with a mission skill: the tie goes to the first identifier, whatever order
        // the department's staff come in.
        for id in ["b3", "b1", "b2"] as [Specialist.ID] {
            try company.hire(Specialist(id: id, name: id.rawValue, department: "b"))
        }
        var policy = ValidationPolicy.default
        policy.thresholds.minimumDepartments = 2
        policy.thresholds.minimumSquadSize = 2
        let proposal = company.proposeStaffing(for: Mission(statement: "m", requiredSkills: ["x"]), policy: policy)
        #expect(proposal.picks.map(\.specialist) == ["a1", "b1"])
    }

    @Test("a staffing pick that covers several skills says which")
    func staffingReasonNamesEverySkill() throws {
        var company = try Organization(name: "Toko")
        try company.addDepartment(Department(id: "d", name: "D"))
        try company.hire(Specialist(id: "both", name: "Both", department: "d", skills: ["x": .expert, "y": .expert]))
        let proposal = company.proposeStaffing(for: Mission(statement: "m", requiredSkills: ["x", "y"]))
        let pick = try #require(proposal.picks.first)
        #expect(pick.covers.sorted() == ["x", "y"])
        #expect(pick.reason.hasPrefix("covers x (expert) and y") || pick.reason.hasPrefix("covers y (expert) and x"))
    }

    @Test("the JSON-LD export lists skills and memberships in identifier order")
    func linkedDataOrder() throws {
        var hospital = Fixtures.operatingRoom
        try hospital.setSkill("zoology", to: .novice, for: "dr-hadi")
        try hospital.setSkill("anatomy", to: .expert, for: "dr-hadi")
        let text = String(decoding: try hospital.linkedData(), as: UTF8.self)
        let anatomy = try #require(text.range(of: "\"anatomy\""))
        let zoology = try #require(text.range(of: "\"zoology\""))
        #expect(anatomy.lowerBound < zoology.lowerBound)
        let members = try #require(hospital.squad(Fixtures.OperatingRoom.squad)).memberIDs
        let positions = try members.map { try #require(text.range(of: "cvs:membership/or-team/\($0)/")).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("a picture of the whole organisation leaves dissolved squads out unless asked")
    func scopedPictureLeavesDissolvedOut() throws {
        var organization = Fixtures.regionalRollout
        try organization.formSquad(CustomerValueSquad(id: "gone", name: "Gone squad", mission: Mission(statement: "m")))
        try organization.dissolve("gone")
        #expect(!organization.mermaidDiagram(.whole).contains("Gone squad"))
        #expect(!organization.dotDiagram(.whole).contains("Gone squad"))
        #expect(organization.mermaidDiagram(.whole, includeDissolved: true).contains("Gone squad"))
    }

    @Test("a SCIM user without a department does not stop the departments of the users after it")
    func scimUserWithoutDepartmentFirst() throws {
        func user(_ id: String, _ department: String?) -> String {
            let field = department.map { #""department": "\#($0)""# } ?? ""
            return
                #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "id": "\#(id)", "userName": "\#(id)", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {\#(field)}}"#
        }
        let document =
            #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": ["#
            + [user("u1", nil), user("u2", "Sales")].joined(separator: ",") + "]}"
        let result = try SCIMImport.organization(from: Data(document.utf8), options: .init(name: "T", squads: .none))
        #expect(result.organization.departments.map(\.name) == ["Sales"])
        #expect(result.specialists["u2"] != nil)
    }

    @Test("a specialist who fills a squad to its minimum size is said to bring only the skills they have")
    func fillerReasonNamesTheirSkills() throws {
        var company = try Organization(name: "Toko")
        try company.addDepartment(Department(id: "d1", name: "D1"))
        try company.hire(Specialist(id: "a-expert", name: "A", department: "d1", skills: ["x": .expert]))
        try company.hire(Specialist(id: "b-analyst", name: "B", department: "d1", skills: [.analytics: .expert]))
        try company.hire(Specialist(id: "c-plain", name: "C", department: "d1"))
        var policy = ValidationPolicy.default
        policy.thresholds.minimumDepartments = 1
        policy.thresholds.minimumSquadSize = 3
        let proposal = company.proposeStaffing(for: Mission(statement: "m", requiredSkills: ["x"]), policy: policy)
        let reasons = Dictionary(uniqueKeysWithValues: proposal.picks.map { ($0.specialist, $0.reason) })
        #expect(reasons["b-analyst"] == "fills the squad to its minimum size of 3; brings analytics")
        #expect(reasons["c-plain"] == "fills the squad to its minimum size of 3")
    }

    @Test("a squad whose members both join and leave steps aside when a squad that grows needs one of them")
    func steppingAsideCountsUnchangedSquads() throws {
        var company = try Organization(name: "Toko")
        try company.addDepartment(Department(id: "d1", name: "D1"))
        for id in ["m", "y", "z", "a"] as [Specialist.ID] {
            try company.hire(Specialist(id: id, name: id.rawValue, department: "d1"))
        }
        func squad(_ id: CustomerValueSquad.ID, _ members: [Specialist.ID: Int]) throws -> CustomerValueSquad {
            CustomerValueSquad(
                id: id, name: id.rawValue, mission: Mission(statement: "m"),
                memberships: try members.mapValues { Membership(role: "r", share: try TimeShare(percent: $0)) })
        }
        // m gives half to U, which does not change, and half to S; then m leaves S for G, and z joins S.
        try company.formSquad(try squad("u", ["m": 50]))
        try company.formSquad(try squad("s", ["m": 50, "y": 50]))
        try company.formSquad(try squad("g", ["a": 50]))
        var target = company
        try target.release("m", from: "s")
        try target.assign("z", to: "s", role: "r", share: 50)
        try target.assign("m", to: "g", role: "r", share: 50)
        let changes = target.changes(from: company)
        #expect(try company.applying(changes) == target)
        #expect(try target.applying(changes.reversed().map(\.inverse)) == company)
    }

    @Test("Backstage JSON: one entity alone, and a list beside an entity in one stream, are all read")
    func backstageSingleAndMixedDocuments() throws {
        let entities = Fixtures.operatingRoom.backstageCatalog().entities
        let encoder = JSONEncoder()
        let one = try BackstageCatalog.entities(fromJSON: try encoder.encode(entities[0]))
        #expect(one == [entities[0]])
        let stream =
            String(decoding: try encoder.encode(Array(entities[0..<2])), as: UTF8.self) + "\n---\n"
            + String(decoding: try encoder.encode(entities[2]), as: UTF8.self)
        #expect(try BackstageCatalog.entities(fromJSON: Data(stream.utf8)) == Array(entities[0..<3]))
    }

    @Test("CSV: after text that follows a closing quote, the rest of that line is skipped, not read as a row")
    func csvTextAfterQuoteSkipsTheLine() throws {
        let text = "ID,Name,Team\r\n\"e1\"x,Sari,Sales\r\ne2,Budi,Sales\r\n"
        let result = try CSVImport.organization(
            from: Data(text.utf8),
            options: CSVImport.Options(organizationName: "Toko", id: "ID", name: ["Name"], department: "Team"))
        #expect(result.organization.specialists.map(\.id) == ["e2"])
        #expect(result.report.contains { $0.line == 2 && $0.message.contains("text after the quote") })
    }

    @Test("SCIM: a group without a name is skipped, and the groups after it are still read")
    func scimBlankGroupFirst() throws {
        let user =
            #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "id": "u1", "userName": "u1", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}}"#
        func group(_ id: String, _ name: String) -> String {
            #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "\#(id)", "displayName": "\#(name)", "members": [{"value": "u1"}]}"#
        }
        let document =
            #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": ["#
            + [user, group(" ", "  "), group("g2", "ABM pilot")].joined(separator: ",") + "]}"
        let result = try SCIMImport.organization(from: Data(document.utf8), options: .init(name: "T", squads: .all))
        #expect(result.organization.squads.map(\.name) == ["ABM pilot"])
        // Neither a name nor an id that shows something: the group cannot be named, so it is not imported.
        #expect(result.report.contains { $0.resource == " " && $0.severity == .warning })
    }

    @Test("drain-ledger floors: of several wrong ones, the first by department identifier is named, every time")
    func drainLedgerNamesTheFirstWrongFloor() throws {
        let organization = Fixtures.regionalRollout
        let plan = try RolloutPlan(startingArea: "Bali", pilot: Fixtures.RegionalRollout.secondReplica, batches: [])
        // Many wrong floors, so that no order but the identifiers' own gives "analytics" first by chance.
        var floors: [Department.ID: Double] = ["analytics": 2, "sales": -1, "marketing": 3, "logistics": .nan]
        floors["zz-unknown"] = 0.5
        #expect {
            try plan.drainLedger(in: organization, floors: floors)
        } throws: { error in
            (error as? OrganizationError)?.message.contains("department analytics") == true
        }
    }

    @Test("the customers an impact counts as served: none of a dissolved squad, and no blank one")
    func customersServedSkipDissolvedAndBlank() throws {
        var hospital = Fixtures.operatingRoom
        try hospital.formSquad(
            CustomerValueSquad(id: "no-customer", name: "No customer", mission: Mission(statement: "Tidy up")))
        try hospital.formSquad(
            CustomerValueSquad(
                id: "gone", name: "Gone", mission: Mission(statement: "Old work", customer: "old customers")))
        try hospital.dissolve("gone")
        let impact = hospital.impact(comparedTo: Fixtures.operatingRoom)
        #expect(impact.customersServed.after == ["the patient"])
        #expect(impact.customersServed.before == ["the patient"])
    }

    @Test("an impact lists a squad the change dissolves, and none dissolved before and after")
    func impactListsSquadsDissolvedByTheChange() throws {
        var before = Fixtures.operatingRoom
        try before.formSquad(
            CustomerValueSquad(id: "long-gone", name: "Long gone", mission: Mission(statement: "Old work")))
        try before.dissolve("long-gone")
        var after = before
        try after.dissolve(Fixtures.OperatingRoom.squad)
        let impact = after.impact(comparedTo: before)
        #expect(impact.squads.map(\.squad) == [Fixtures.OperatingRoom.squad])
        #expect(impact.squads.first?.stage == .init(before: .operating, after: .dissolved))
    }
}
