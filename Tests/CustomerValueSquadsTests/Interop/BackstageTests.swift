import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

@Suite("The Backstage catalog: entities out and back")
struct BackstageTests {
    @Test("a group per department and squad, a user per specialist, with parents, members, leaders and labels")
    func export() throws {
        let organization = Fixtures.regionalRollout
        let export = organization.backstageCatalog()
        let groups = export.entities.filter { $0.kind == .group }
        let users = export.entities.filter { $0.kind == .user }
        let squads = organization.squads.filter { $0.stage != .dissolved }
        #expect(groups.count == organization.departmentCount + squads.count)
        #expect(users.count == organization.specialistCount)
        for department in organization.departments {
            let group = try #require(
                groups.first { $0.identifier == department.id.rawValue && $0.spec.type == "department" })
            #expect(group.spec.profile?.displayName == department.name)
            #expect(group.spec.parent == department.parent?.rawValue)
            #expect(group.spec.leader == department.head?.rawValue)
            #expect(group.spec.members == organization.staff(of: department.id).map(\.rawValue))
            #expect(
                group.spec.children == organization.departments.filter { $0.parent == department.id }.map(\.id.rawValue)
            )
        }
        for squad in squads {
            let group = try #require(groups.first { $0.identifier == squad.id.rawValue && $0.spec.type == "squad" })
            #expect(group.metadata.description == squad.mission.statement)
            #expect(group.metadata.labels?[BackstageCatalog.stageLabel] == squad.stage.rawValue)
            #expect(group.spec.members?.count == squad.memberships.count && group.spec.children == [])
        }
        for user in users {
            let specialist = try #require(organization.specialist(.init(stringLiteral: user.identifier)))
            #expect(user.spec.memberOf?.first == specialist.department.rawValue)
            #expect(
                user.spec.memberOf?.count == 1
                    + organization.squads(of: specialist.id).count {
                        organization.squad($0)?.stage != .dissolved
                    })
        }
        #expect(export.entities.allSatisfy { BackstageCatalog.isValidName($0.metadata.name) })
        #expect(export.renamed.isEmpty)
    }

    @Test("names that break Backstage's rule are mapped the same way every time, without collisions, and listed")
    func names() throws {
        #expect(BackstageCatalog.isValidName("team-a.b_c") && !BackstageCatalog.isValidName("a--b"))
        #expect(
            !BackstageCatalog.isValidName("ops:7") && !BackstageCatalog.isValidName(String(repeating: "a", count: 64)))
        var organization = try Organization(name: "Names", goal: "")
        let long = "d" + String(repeating: "x", count: 70)
        for id in ["ops:7", "ops-7", "a..b", long, long + "y"] {
            try organization.addDepartment(Department(id: .init(validating: id), name: id))
        }
        try organization.hire(Specialist(id: "j.doe", name: "J", department: "ops:7"))
        try organization.hire(Specialist(id: "E_1001", name: "E", department: "ops:7"))
        try organization.formSquad(CustomerValueSquad(id: "ops-7", name: "Squad", mission: Mission(statement: "m")))
        let export = organization.backstageCatalog()
        let names = export.entities.filter { $0.kind == .group }.map(\.metadata.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy(BackstageCatalog.isValidName))
        // Departments first, in identifier order: ops-7 keeps its name, so ops:7 and then the squad ops-7 are
        // numbered; the long identifiers are cut to 63 characters and the second numbered.
        let cut = "d" + String(repeating: "x", count: 62)
        #expect(
            export.renamed.map(\.description) == [
                "Group a..b → a-b", "Group \(long) → \(cut)", "Group \(long)y → \(cut.prefix(61))-2",
                "Group ops:7 → ops-7-2", "Group ops-7 → ops-7-3",
            ])
        #expect(organization.backstageCatalog() == export)
        #expect(export.entities.first { $0.identifier == "j.doe" }?.metadata.name == "j.doe")
    }

    @Test("export → import → export gives the same entities; the organisation keeps its people and hierarchy")
    func roundTrip() throws {
        for seed: UInt64 in 0..<15 {
            let organization = OrganizationGenerator(
                seed: seed,
                shape: .init(
                    specialists: 50 + Int(seed) * 4, departments: 3 + Int(seed % 5), dataAssets: 3, squads: 4,
                    squadSize: 2...5)
            ).generate()
            let export = organization.backstageCatalog()
            let data = Data(try export.jsonDocuments().utf8)
            let read = try BackstageCatalog.entities(fromJSON: data)
            #expect(read == export.entities)
            let result = try BackstageCatalog.organization(
                from: read, options: .init(organizationName: organization.name))
            #expect(result.organization.backstageCatalog() == export, "seed \(seed): \(result.report)")
            #expect(result.organization.specialists.map(\.id) == organization.specialists.map(\.id))
            #expect(result.organization.departments.map(\.parent) == organization.departments.map(\.parent))
            #expect(result.organization.departments.map(\.head) == organization.departments.map(\.head))
        }
    }

    @Test("the import reports what it skips: other kinds, users of no department, unknown references, cycles")
    func importReport() throws {
        func entity(_ kind: BackstageCatalog.Kind, _ name: String, _ spec: BackstageCatalog.Entity.Spec)
            -> BackstageCatalog.Entity
        {
            BackstageCatalog.Entity(
                apiVersion: BackstageCatalog.apiVersion, kind: kind,
                metadata: .init(name: name), spec: spec)
        }
        let entities = [
            entity(.group, "a", .init(type: "team", parent: "b", children: [], leader: "carol")),
            entity(.group, "b", .init(type: "team", parent: "a", children: [])),
            entity(.group, "s", .init(type: "squad", children: [], members: ["ani", "ghost"])),
            entity(.user, "ani", .init(profile: .init(displayName: "Ani"), memberOf: ["group:default/a", "s"])),
            entity(.user, "carol", .init(memberOf: ["b"])),
            entity(.user, "drifter", .init(memberOf: [])),
            entity(.user, "ani", .init(memberOf: ["a"])),
        ]
        var other = entities[0]
        other.apiVersion = "example.com/v1"
        let result = try BackstageCatalog.organization(from: entities + [other], options: .init(organizationName: "T"))
        let lines = result.report.map(\.description)
        #expect(lines.contains { $0.hasPrefix("error [group:b] parent a would make b its own ancestor") })
        #expect(lines.contains("warning [group:a] leader carol is not of this department; no head"))
        #expect(lines.contains("warning [user:drifter] user drifter is a member of no department group; not imported"))
        #expect(lines.contains("error [user:ani] User ani appears twice; the first is kept"))
        #expect(lines.contains("warning [group:s] member ghost is not an imported user; not placed"))
        #expect(lines.contains { $0.contains("apiVersion example.com/v1") })
        #expect(result.organization.squad("s")?.memberships.keys.sorted() == ["ani"])
        #expect(result.organization.specialist("ani")?.department == "a")
    }
}
