import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads export-backstage and import-backstage")
struct BackstageCommandTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-backstage-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("YAML and JSON documents both read back to the same organisation and the same entities")
    func roundTrip() throws {
        let organization = try Input.organization(atPath: example("toko-manis.json"))
        let folder = try temporaryFolder()
        for yaml in [true, false] {
            let (text, renamed) = try Commands.exportBackstage(organization, yaml: yaml)
            #expect(renamed.isEmpty)
            #expect(text.hasPrefix(yaml ? "---\napiVersion: backstage.io/v1alpha1\n" : "---\n{\n"))
            let path = folder + "/catalog-\(yaml).yaml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let entities = try Input.backstageEntities(atPath: path)
            #expect(entities == organization.backstageCatalog().entities)
            let imported = try Commands.importBackstage(entities, options: .init(organizationName: organization.name))
            let back = try Organization(jsonData: imported.document)
            #expect(back.backstageCatalog() == organization.backstageCatalog())
            #expect(back.specialists == organization.specialists)
        }
    }

    @Test("a catalog file written by hand, with comments and a component, imports; the report says what it skipped")
    func handWritten() throws {
        let folder = try temporaryFolder()
        let path = folder + "/catalog-info.yaml"
        try Data(
            """
            # The platform team and its people.
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: platform
            spec:
              type: team
              profile: {displayName: Platform}
              children: []
              leader: jdoe
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata:
              name: jdoe
            spec:
              profile:
                displayName: Jenny Doe
              memberOf: [platform, checkout-squad]
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: checkout-squad
              description: Every order checks out in one tap
              labels: {customervaluesquads/stage: piloting}
            spec: {type: squad, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ghost}
            spec: {memberOf: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: checkout}
            spec: {type: service, lifecycle: production, owner: platform}

            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        var command = try Squads.parseAsRoot([
            "import-backstage", path, "--organization-name", "Shop", "--share", "30", "--output", folder + "/org.json",
        ])
        try command.run()
        let organization = try Input.organization(atPath: folder + "/org.json")
        #expect(organization.department("platform")?.head == "jdoe")
        let squad = try #require(organization.squad("checkout-squad"))
        #expect(squad.stage == .piloting && squad.mission.statement == "Every order checks out in one tap")
        #expect(squad.memberships["jdoe"]?.share.percent == 30)
        let imported = try Commands.importBackstage(
            Input.backstageEntities(atPath: path), options: .init(organizationName: "Shop"))
        #expect(
            imported.report == [
                "note [component:checkout] a Component is not a Group or a User; not imported",
                "warning [user:ghost] user ghost is a member of no department group; not imported",
            ])
    }

    @Test("a file that is not a catalog names the file and the document")
    func refusals() throws {
        let folder = try temporaryFolder()
        let path = folder + "/bad.yaml"
        try Data("apiVersion: backstage.io/v1alpha1\nkind: Group\n---\nkind: [\n".utf8).write(
            to: URL(fileURLWithPath: path))
        #expect { try Input.backstageEntities(atPath: path) } throws: { error in
            (error as? InputError)?.message.hasPrefix(path) == true
        }
        try Data("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: [r]}\nspec: {}\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect { try Input.backstageEntities(atPath: path) } throws: { error in
            (error as? InputError)?.message.contains("document 1") == true
        }
        #expect(throws: (any Error).self) {
            var command = try Squads.parseAsRoot(["import-backstage", path, "--share", "0"])
            try command.run()
        }
    }
}
