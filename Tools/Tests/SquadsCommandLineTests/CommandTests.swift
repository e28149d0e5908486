import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads validate")
struct ValidateCommandTests {
    @Test("a valid organisation exits 0 and shows its warnings")
    func valid() throws {
        let organization = try Input.organization(atPath: example("toko-manis.json"))
        #expect(organization == Commands.sampleOrganization)
        let result = Commands.validate(organization)
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("VALID — 0 errors, 3 warnings, 0 notes"))
        #expect(result.output.contains("squad Bali squad [bali]"))
        #expect(result.output.contains("! warning squad.size.tooSmall: 3 members"))
    }

    @Test("an organisation whose report has errors exits 1")
    func invalid() throws {
        let organization = try Input.organization(atPath: example("sales-huddle.json"))
        let result = Commands.validate(organization)
        #expect(result.exitCode == 1)
        #expect(result.output.hasPrefix("INVALID"))
        #expect(result.output.contains("✗ error squad.crossFunctional.tooFewDepartments"))
    }

    @Test("a policy file tunes the judgement")
    func policyFile() throws {
        let organization = try Input.organization(atPath: example("toko-manis.json"))
        let policy = try Input.policy(atPath: example("lenient-policy.json"))
        #expect(policy.thresholds.minimumSquadSize == 3)
        let result = Commands.validate(organization, policy: policy)
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("VALID — 0 errors, 1 warning, 0 notes"))
        #expect(!result.output.contains("squad.skills.gap"))
    }

    @Test("JSON output is the report for scripts")
    func json() throws {
        let organization = try Input.organization(atPath: example("sales-huddle.json"))
        let result = Commands.validate(organization, format: .json)
        #expect(result.exitCode == 1)
        let report = try JSONDecoder().decode(ValidationReport.self, from: Data(result.output.utf8))
        #expect(report == organization.validate())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["isValid"] as? Bool == false)
    }
}

@Suite("Input errors")
struct InputErrorTests {
    @Test("a document that breaks an invariant names the file, the location and the problem")
    func brokenInvariant() {
        let path = example("overbooked.json")
        #expect(
            throws: InputError(
                "\(path): at squads[1].memberships.sales-2.share: [overbooked] sales-2 is booked 110% of their time across squads; 50% of it in east-java"
            )
        ) {
            try Input.organization(atPath: path)
        }
    }

    @Test("a missing file is named")
    func missingFile() {
        #expect(throws: InputError("/no/such/org.json: no such file")) {
            try Input.organization(atPath: "/no/such/org.json")
        }
    }

    @Test("text that is not JSON is called so", arguments: ["{", "hello", ""])
    func notJSON(_ text: String) throws {
        do {
            _ = try Input.organization(from: Data(text.utf8), name: "org.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.hasPrefix("org.json: not valid JSON"), "\(error.message)")
        }
    }

    @Test("a wrong type is located")
    func wrongType() {
        let text = #"{"schemaVersion": 1, "name": "X", "departments": [{"id": "d", "name": 7}]}"#
        do {
            _ = try Input.organization(from: Data(text.utf8), name: "org.json")
            Issue.record("accepted a number as a name")
        } catch {
            #expect(error.message.hasPrefix("org.json: at departments[0].name: expected a value of type String"))
        }
    }

    @Test("a bad policy file is located")
    func badPolicy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("squads-policy-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("policy.json")
        try Data(#"{"thresholds": {"maximumCycleDays": "two weeks"}}"#.utf8).write(to: file)
        do {
            _ = try Input.policy(atPath: file.path)
            Issue.record("accepted text as a number")
        } catch {
            #expect(
                error.message.hasPrefix("\(file.path): at thresholds.maximumCycleDays: expected a value of type Int"))
        }
    }
}

@Suite("squads demo and sample")
struct DemoCommandTests {
    @Test("the demo shows the squads, the report, skill gaps, scores and a staffing proposal")
    func demo() {
        let text = Commands.demo()
        #expect(text.hasPrefix("# Toko Manis"))
        #expect(text.contains("## Validation (default policy)\n\nVALID — 0 errors, 3 warnings, 0 notes"))
        #expect(text.contains("    customer care: customer-service-1 (expert, 100% free"))
        #expect(text.contains("## Outcome scores"))
        #expect(text.contains("## Staffing proposal for the mission of Bali squad"))
        #expect(text.contains("- East Java squad [east-java] — operating, 7 members"))
    }

    @Test("the sample round-trips through its JSON")
    func sample() throws {
        let organization = try Input.organization(from: Data(Commands.sample().utf8), name: "sample")
        #expect(organization == Commands.sampleOrganization)
    }
}

@Suite("squads sample")
struct SampleCommandTests {
    @Test("the sample compiled into the tool is the testing module's regional rollout, byte for byte")
    func sampleIsTheFixture() throws {
        #expect(Commands.sampleOrganization == Fixtures.regionalRollout)
        let encoded = String(decoding: try Fixtures.regionalRollout.jsonData(), as: UTF8.self) + "\n"
        #expect(Commands.sample() == encoded)
        #expect(try Input.organization(atPath: example("toko-manis.json")) == Commands.sampleOrganization)
    }
}
