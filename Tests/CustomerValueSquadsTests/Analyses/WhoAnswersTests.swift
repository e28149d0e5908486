import CustomerValueSquads
import Testing

@Suite("Who answers for what")
struct WhoAnswersTests {
    /// Sales (headed by s1, holding the CRM) and care; Java and Bali serve family shoppers, B2B serves cafés,
    /// and an old squad that served family shoppers is dissolved.
    static func company() throws -> Organization {
        var company = try Organization(name: "Toko")
        try company.addDepartment(
            Department(id: "sales", name: "Sales", dataAssets: [DataAsset(id: "crm", name: "CRM", kind: .customer)]))
        try company.addDepartment(Department(id: "care", name: "Care"))
        try company.hire(Specialist(id: "s1", name: "S1", department: "sales"))
        try company.hire(Specialist(id: "s2", name: "S2", department: "sales"))
        try company.hire(Specialist(id: "c1", name: "C1", department: "care"))
        try company.appointHead("s1", of: "sales")
        func squad(
            _ id: CustomerValueSquad.ID, customer: String, area: ValueArea? = nil, owner: Specialist.ID,
            members: [Specialist.ID] = [], grants: [DataAsset.ID: DataAccessGrant] = [:]
        ) throws -> CustomerValueSquad {
            var memberships: [Specialist.ID: Membership] = [:]
            for member in members {
                memberships[member] = Membership(role: "member", share: try TimeShare(percent: 40))
            }
            return CustomerValueSquad(
                id: id, name: id.rawValue, mission: Mission(statement: "m", valueArea: area, customer: customer),
                memberships: memberships, grants: grants, accountability: Accountability(owner: owner))
        }
        try company.formSquad(
            squad(
                "java", customer: "family shoppers", area: .geography("Java"), owner: "s1", members: ["s1", "c1"],
                grants: ["crm": DataAccessGrant(approvedBy: "s2", reason: "know the shopper")]))
        try company.formSquad(
            squad("bali", customer: "family shoppers", area: .geography("Bali"), owner: "c1", members: ["s2"]))
        try company.formSquad(squad("b2b", customer: "cafés", owner: "s1"))
        try company.formSquad(squad("old", customer: "family shoppers", owner: "s2", members: ["s2"]))
        try company.dissolve("old", on: "2026-11-01", reason: "merged into Bali")
        return company
    }

    @Test("a customer served by two squads: both answer, each with its owner; a dissolved one does not")
    func customer() throws {
        let company = try Self.company()
        #expect(
            company.accountableSquads(forCustomer: "family shoppers") == [
                AccountableSquad(squad: "bali", stage: .forming, owner: "c1"),
                AccountableSquad(squad: "java", stage: .forming, owner: "s1"),
            ])
        #expect(company.accountableSquads(forCustomer: "cafés").map(\.squad) == ["b2b"])
        #expect(company.accountableSquads(forCustomer: "tourists").isEmpty)
    }

    @Test("a value area and a data asset's use are answered for by the squads that work in it and use it")
    func valueAreaAndData() throws {
        let company = try Self.company()
        #expect(company.accountableSquads(forValueArea: .geography("Java")).map(\.squad) == ["java"])
        #expect(company.accountableSquads(forValueArea: .geography("Sumatra")).isEmpty)
        #expect(company.accountableSquads(forDataAsset: "crm", on: "2026-11-28").map(\.squad) == ["java"])
        // Once Java's grant is revoked, no squad answers for the CRM's use.
        var revoked = company
        try revoked.revokeAccess(to: "crm", from: "java")
        #expect(revoked.accountableSquads(forDataAsset: "crm", on: "2026-11-28").isEmpty)
    }

    @Test("everything one specialist answers for, dissolved squads left out")
    func responsibilities() throws {
        let company = try Self.company()
        let s1 = company.responsibilities(of: "s1")
        #expect(s1.ownedSquads == ["b2b", "java"])
        #expect(s1.headedDepartments == ["sales"])
        #expect(s1.approvedGrants.isEmpty)
        #expect(s1.memberOf == ["java"])
        let s2 = company.responsibilities(of: "s2")
        #expect(s2.ownedSquads.isEmpty, "the squad s2 owned is dissolved")
        #expect(s2.approvedGrants == [Responsibilities.Grant(squad: "java", asset: "crm")])
        #expect(s2.memberOf == ["bali"])
        let nobody = company.responsibilities(of: "nobody")
        #expect(nobody.ownedSquads.isEmpty && nobody.headedDepartments.isEmpty && nobody.memberOf.isEmpty)
    }
}
