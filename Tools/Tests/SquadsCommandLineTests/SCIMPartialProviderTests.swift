import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads scim against a provider that keeps only part of the schema")
struct SCIMPartialProviderTests {
    let sample = Commands.sampleOrganization

    func client(_ provider: PartialSCIMProvider) -> SCIMClient {
        SCIMClient(
            baseURL: URL(string: "https://idp.example.com/scim/v2")!, token: "secret", transport: provider.transport,
            pause: { _ in })
    }

    func pull(_ provider: PartialSCIMProvider) throws -> Organization {
        var options = SCIMImport.Options(name: sample.name, squads: .all)
        options.specialistIDs = .userName
        let document = try Commands.scimPull(from: client(provider), options: options).document
        return try Organization(jsonData: Data(document.utf8))
    }

    /// `organization` with one specialist's name or title changed, through its JSON document.
    func changing(
        _ organization: Organization, _ id: Specialist.ID, name: String? = nil, title: String? = nil
    ) throws -> Organization {
        var document = try #require(
            try JSONSerialization.jsonObject(with: organization.jsonData()) as? [String: Any])
        var specialists = try #require(document["specialists"] as? [[String: Any]])
        let index = try #require(specialists.firstIndex { $0["id"] as? String == id.rawValue })
        if let name { specialists[index]["name"] = name }
        if let title { specialists[index]["title"] = title }
        document["specialists"] = specialists
        return try Organization(jsonData: JSONSerialization.data(withJSONObject: document))
    }

    /// The sample with one specialist renamed to two words, so the provider can keep that name.
    func withTwoWordName() throws -> Organization {
        try changing(sample, try #require(sample.specialists.first).id, name: "Ani Wijaya")
    }

    @Test("push, push again, pull, push what was pulled: the later pushes send nothing, and pull gives it back")
    func roundTrip() throws {
        let provider = PartialSCIMProvider()
        let organization = try withTwoWordName()
        let first = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        // Users and groups are numbered from 1 each, so ids are shared across the two endpoints.
        #expect(!provider.userIDs.intersection(provider.groupIDs).isEmpty)
        #expect(
            Set(first.unkept.keys) == [.displayName, .formattedName, .title, .department, .division, .manager])
        #expect(
            first.line.hasSuffix(
                "the server does not keep displayName, name.formatted, title, department, division and manager: "
                    + "not sent"))
        // The provider created each group without its members: they were added by a PATCH of the new group.
        let groups = organization.scimGroups(includingDepartments: true)
        #expect(first.created == organization.specialistCount + groups.count && first.patched == 0)
        #expect(provider.changes.filter { $0.hasPrefix("PATCH /scim/v2/Groups/") }.count == groups.count)

        let before = provider.changes.count
        let second = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        #expect(second.requests.isEmpty && provider.changes.count == before)
        #expect(second.refused.isEmpty)

        let pulled = try pull(provider)
        #expect(Set(pulled.specialists.map(\.id)) == Set(organization.specialists.map(\.id)))
        for specialist in organization.specialists {
            // Departments come back from the department groups; names where the provider keeps them.
            let back = try #require(pulled.specialist(specialist.id))
            #expect(pulled.department(back.department)?.name == organization.department(specialist.department)?.name)
            if specialist.name == "Ani Wijaya" { #expect(back.name == "Ani Wijaya") }
        }
        let live = organization.squads.filter { $0.stage != .dissolved }
        #expect(
            Set(pulled.squads.map { "\($0.id) \($0.name): \($0.memberIDs)" })
                == Set(live.map { "\($0.id) \($0.name): \($0.memberIDs)" }))

        let again = try Commands.scimPush(pulled, to: client(provider), includingDepartments: true)
        #expect(again.requests.isEmpty && provider.changes.count == before)
    }

    @Test("a member joining and one leaving is one PATCH naming the leaving member in a value list")
    func membershipChange() throws {
        let provider = PartialSCIMProvider()
        _ = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        var changed = sample
        let squad = try #require(changed.squad("bali"))
        let leaving = try #require(squad.memberIDs.first)
        try changed.release(leaving, from: "bali")
        let summary = try Commands.scimPush(changed, to: client(provider), includingDepartments: true)
        #expect(summary.requests.count == 1 && summary.requests[0].hasSuffix("squad:bali: add 0, remove 1"))
        #expect(provider.bodies.last?.contains(#""path":"members""#) == true)
        #expect(
            try pull(provider).squad("bali").map { Set($0.memberIDs) }
                == changed.squad("bali").map { Set($0.memberIDs) })
    }

    @Test("a provider that refuses the value-list form is sent filter paths instead, and the push goes on")
    func filterPathFallback() throws {
        let provider = PartialSCIMProvider()
        provider.removesOnlyByFilterPath = true
        _ = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        var changed = sample
        let bali = try #require(changed.squad("bali"))
        for member in bali.memberIDs.prefix(2) { try changed.release(member, from: "bali") }
        let summary = try Commands.scimPush(changed, to: client(provider), includingDepartments: true)
        #expect(summary.requests.count == 1 && summary.requests[0].hasSuffix("remove 2"))
        #expect(provider.bodies.last?.contains("members[value eq") == true)
        #expect(
            try pull(provider).squad("bali").map { Set($0.memberIDs) }
                == changed.squad("bali").map { Set($0.memberIDs) })
    }

    @Test("without PATCH a changed user or group is replaced with PUT")
    func putWithoutPatch() throws {
        let provider = PartialSCIMProvider()
        provider.patchSupported = false
        var organization = try withTwoWordName()
        _ = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        let renamed = try #require(organization.specialists.first { $0.name == "Ani Wijaya" })
        organization = try changing(organization, renamed.id, name: "Ani Lestari")
        let leaving = try #require(organization.squad("bali")?.memberIDs.first)
        try organization.release(leaving, from: "bali")
        let summary = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        #expect(summary.requests.allSatisfy { $0.hasPrefix("PUT ") } && summary.requests.count == 2)
        #expect(!provider.changes.contains { $0.hasPrefix("PATCH") })
        let user = try #require(provider.user(named: renamed.id.rawValue))
        #expect(user["displayName"] as? String == "Ani Lestari")
        #expect(
            try pull(provider).squad("bali").map { Set($0.memberIDs) }
                == organization.squad("bali").map { Set($0.memberIDs) })
        #expect(try Commands.scimPush(organization, to: client(provider), includingDepartments: true).requests.isEmpty)
    }

    @Test("an attribute whose PATCH is refused with 501 is reported, the rest is kept, and the push succeeds")
    func refusedAttribute() throws {
        let provider = PartialSCIMProvider()
        provider.keeps = ["title"]
        provider.refusesPatchOf = ["title"]
        var organization = try withTwoWordName()
        _ = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        let ani = try #require(organization.specialists.first { $0.name == "Ani Wijaya" })
        organization = try changing(organization, ani.id, name: "Ani Lestari", title: "Lead analyst")
        let summary = try Commands.scimPush(organization, to: client(provider), includingDepartments: true)
        #expect(summary.refused.count == 1 && summary.refused[0].contains("title: 501"))
        #expect(summary.unkept[.title] != nil && summary.line.contains("refused 1 attribute change"))
        #expect(provider.user(named: ani.id.rawValue)?["displayName"] as? String == "Ani Lestari")
        #expect(summary.patched == 1)
    }

    @Test("a refused change of an attribute the tool needs (active) stops the push with the server's error")
    func refusedRequiredAttribute() throws {
        let provider = PartialSCIMProvider()
        provider.refusesPatchOf = ["active"]
        _ = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        let name = try #require(sample.specialists.first).id.rawValue
        provider.deactivate(name)
        let error = #expect(throws: SCIMServerError.self) {
            try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        }
        #expect(error?.status == 501 && error?.request.contains("(\(name): active)") == true)
    }

    @Test("a published User schema without title: title is never sent, not even when users are created")
    func schemaWithoutTitle() throws {
        let provider = PartialSCIMProvider()
        provider.schemaAttributes = ["userName", "name", "displayName", "active"]
        let summary = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        #expect(summary.unkept[.title] == "its User schema has no title")
        #expect(summary.unkept[.department] == "it publishes no Enterprise User schema")
        #expect(!provider.bodies.contains { $0.contains(#""title""#) })
    }

    @Test("a User resource type without the Enterprise User extension: department, division, manager never sent")
    func resourceTypeWithoutExtension() throws {
        let provider = PartialSCIMProvider()
        provider.publishesResourceTypes = true
        let summary = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        for attribute in [SCIMProviderProfile.Attribute.department, .division, .manager] {
            #expect(summary.unkept[attribute] == "its User resource type has no Enterprise User extension")
        }
        #expect(!provider.bodies.contains { $0.contains(SCIMImport.enterpriseUserSchema) })
        #expect(summary.unkept[.title] == "a created user did not get it back")
    }

    @Test("with entity tags each change names the version it read, so a change made meanwhile is not overwritten")
    func entityTags() throws {
        let provider = PartialSCIMProvider()
        provider.versions = true
        _ = try Commands.scimPush(sample, to: client(provider), includingDepartments: true)
        var changed = sample
        let leaving = try #require(changed.squad("bali")?.memberIDs.first)
        try changed.release(leaving, from: "bali")
        let before = provider.ifMatchHeaders.count
        let summary = try Commands.scimPush(changed, to: client(provider), includingDepartments: true)
        #expect(summary.requests.count == 1)
        #expect(provider.ifMatchHeaders.count == before + 1)
        #expect(provider.ifMatchHeaders.allSatisfy { $0?.hasPrefix("W/\"") == true })
        // The version read is the one sent: the provider refuses a stale one with 412, so the push went through.
        #expect(
            try pull(provider).squad("bali").map { Set($0.memberIDs) }
                == changed.squad("bali").map { Set($0.memberIDs) })
    }
}
