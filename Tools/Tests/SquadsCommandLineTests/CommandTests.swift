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
        let result = try Commands.validate(organization)
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("VALID — 0 errors, 3 warnings, 0 notes"))
        #expect(result.output.contains("squad Bali squad [bali]"))
        #expect(result.output.contains("! warning squad.size.tooSmall: 3 members"))
    }

    @Test("an organisation whose report has errors exits 1")
    func invalid() throws {
        let organization = try Input.organization(atPath: example("sales-huddle.json"))
        let result = try Commands.validate(organization)
        #expect(result.exitCode == 1)
        #expect(result.output.hasPrefix("INVALID"))
        #expect(result.output.contains("✗ error squad.crossFunctional.tooFewDepartments"))
    }

    @Test("a policy file tunes the judgement")
    func policyFile() throws {
        let organization = try Input.organization(atPath: example("toko-manis.json"))
        let policy = try Input.policy(atPath: example("lenient-policy.json"))
        #expect(policy.thresholds.minimumSquadSize == 3)
        let result = try Commands.validate(organization, policy: policy)
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("VALID — 0 errors, 1 warning, 0 notes"))
        #expect(!result.output.contains("squad.skills.gap"))
    }

    @Test("JSON output is the report for scripts")
    func json() throws {
        let organization = try Input.organization(atPath: example("sales-huddle.json"))
        let result = try Commands.validate(organization, format: .json)
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
                "\(path):574:20: at squads[1].memberships[5].share: [overbooked] sales-2 is booked 110% of their time across squads; 50% of it in east-java"
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

    @Test(
        "text that is not JSON is called so, with the line and column",
        arguments: [
            ("{", "org.json:1:2: not valid JSON: the object is not closed: the document ends"),
            ("hello", "org.json:1:1: not valid JSON: expected an organisation object, found 'h'"),
            ("", "org.json:1:1: not valid JSON: expected an organisation object, but the document ends"),
            ("{\"schemaVersion\": 1}\n]", "org.json:2:1: not valid JSON: the document goes on after its end with ']'"),
        ])
    func notJSON(_ text: String, _ message: String) throws {
        do {
            _ = try Input.organization(from: Data(text.utf8), name: "org.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("a top-level list is named as such, not as a Swift type")
    func topLevelList() {
        #expect(throws: InputError("org.json:1:1: expected an organisation object (Organization), found a list")) {
            try Input.organization(from: Data("[1]".utf8), name: "org.json")
        }
    }

    @Test("a directory and a missing file are named as such")
    func notAFile() {
        #expect(throws: InputError("/tmp: is a directory, not a document")) { try Input.data(atPath: "/tmp") }
        #expect(throws: InputError("/no/such/org.json: no such file")) { try Input.data(atPath: "/no/such/org.json") }
    }

    @Test("fields the format does not know are warnings that name the file, line and path")
    func unknownFields() throws {
        let text = #"{"schemaVersion": 1, "name": "X", "colour": "red"}"#
        let (organization, warnings) = try Input.organizationWithWarnings(from: Data(text.utf8), name: "org.json")
        #expect(organization.name == "X")
        #expect(
            warnings == [
                #"org.json:1:35: warning at colour: the field "colour" is not part of the format and is ignored"#
            ])
    }

    @Test(
        "policy files are strict: unknown fields and codes are refused with a suggestion",
        arguments: [
            (
                #"{"disabledCode": ["department.noHead"]}"#,
                #"p.json: at disabledCode: a policy has no field "disabledCode"; did you mean "disabledCodes"?"#
            ),
            (
                #"{"thresholds": {"maxCycleDays": 7}}"#,
                #"p.json: at thresholds.maxCycleDays: a policy has no field "maxCycleDays"; did you mean "maximumCycleDays"?"#
            ),
            (
                #"{"disabledCodes": ["department.noHed"]}"#,
                #"p.json: at disabledCodes: no rule reports the code "department.noHed"; did you mean "department.noHead"?"#
            ),
            (
                #"{"schemaVersion": 1, "name": "An organisation"}"#,
                #"p.json: at name: a policy has no field "name"; expected one of: disabledCodes, thresholds"#
            ),
        ])
    func strictPolicy(_ text: String, _ message: String) {
        #expect(throws: InputError(message)) { try Input.policy(from: Data(text.utf8), name: "p.json") }
    }

    @Test("a wrong type is located")
    func wrongType() {
        let text = #"{"schemaVersion": 1, "name": "X", "departments": [{"id": "d", "name": 7}]}"#
        do {
            _ = try Input.organization(from: Data(text.utf8), name: "org.json")
            Issue.record("accepted a number as a name")
        } catch {
            #expect(
                error.message == "org.json:1:71: at departments[0].name: expected a string (String), found a number")
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

@Suite("squads sample at scale")
struct SampleAtScaleTests {
    @Test("a generated sample has the size asked for, the same for the same seed, and reads back")
    func generated() throws {
        let text = try Commands.sample(specialists: 300, squads: 12, seed: 5)
        let organization = try Input.organization(from: Data(text.utf8), name: "sample")
        #expect(organization.specialistCount == 300 && organization.squadCount == 12)
        #expect(try Commands.sample(specialists: 300, squads: 12, seed: 5) == text)
        #expect(try Commands.sample(specialists: 300, squads: 12, seed: 6) != text)
        #expect(throws: InputError("--specialists: give a number of specialists from 1 to 10000000, not 0")) {
            try Commands.sample(specialists: 0)
        }
    }
}
