import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

// MakeCorpus OUTPUT_DIRECTORY EXAMPLES_DIRECTORY
//
// Writes a seed corpus for each fuzz target — the fixtures, generated organisations, the tool's examples,
// change logs, policies, SCIM exports and rollout plans — and a libFuzzer dictionary of the format's field
// names, read off those documents rather than kept by hand.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: MakeCorpus OUTPUT_DIRECTORY EXAMPLES_DIRECTORY\n".utf8))
    exit(2)
}
let output = URL(filePath: arguments[1])
let examples = URL(filePath: arguments[2])
var counts: [String: Int] = [:]

@MainActor
func write(_ data: Data, _ kind: InputChecks.Kind, _ name: String) throws {
    let folder = output.appending(path: kind.rawValue)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try data.write(to: folder.appending(path: name))
    counts[kind.rawValue, default: 0] += 1
}

// Organisations: the fixtures, small generated ones, and every example of the tool that is one.
let fixtures = [
    ("operating-room", Fixtures.operatingRoom), ("account-based-marketing", Fixtures.accountBasedMarketing),
    ("regional-rollout", Fixtures.regionalRollout),
]
for (name, organization) in fixtures {
    try write(organization.jsonData(prettyPrinted: false), .organization, "\(name).json")
}
for seed in 0..<4 {
    let generated = OrganizationGenerator(
        seed: UInt64(seed), shape: .init(specialists: 40, departments: 4, dataAssets: 8, squads: 5)
    ).generate()
    try write(generated.jsonData(prettyPrinted: seed % 2 == 0), .organization, "generated-\(seed).json")
}
for file in try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
where file.pathExtension == "json" {
    let data = try Data(contentsOf: file)
    let kind: InputChecks.Kind =
        file.lastPathComponent.contains("policy")
        ? .policy : file.lastPathComponent.contains("scim") ? .scim : .organization
    try write(data, kind, file.lastPathComponent)
}

// Policies.
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
try write(encoder.encode(ValidationPolicy.Settings()), .policy, "default.json")
try write(
    encoder.encode(
        ValidationPolicy.Settings(
            thresholds: .init(minimumSquadSize: 3, maximumSquadSize: 12, maximumCycleDays: 21),
            disabledCodes: [.departmentNoHead, .squadSkillsGap])), .policy, "tuned.json")

// Change logs: what a few transformations of each fixture record, and what separates two generated ones.
var hospital = Fixtures.operatingRoom
let log = try hospital.record(reason: "a new nurse", on: "2026-11-28") { organization throws(OrganizationError) in
    try organization.hire(
        Specialist(id: "n-new", name: "New nurse", department: "nursing", skills: ["triage": .novice]))
    try organization.rename(to: "St. Elisabeth")
    try organization.setCycleLength(7, of: Fixtures.OperatingRoom.squad)
}
try write(OrganizationChange.jsonData(log), .changeLog, "operating-room.json")
let before = OrganizationGenerator(seed: 1, shape: .init(specialists: 30, departments: 3, squads: 4)).generate()
let after = OrganizationGenerator(seed: 2, shape: .init(specialists: 30, departments: 3, squads: 4)).generate()
try write(OrganizationChange.jsonData(after.changes(from: before, reason: "re-plan")), .changeLog, "generated.json")

// SCIM: a generated company besides the tool's example.
var users: [String] = []
for index in 0..<20 {
    let manager = index < 4 ? "" : #", "manager": {"value": "u\#(index - 4)"}"#
    users.append(
        #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "id": "u\#(index)", "userName": "u\#(index)", "displayName": "User \#(index)", "active": true, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Department \#(index % 4)", "division": "Division \#(index % 2)"\#(manager)}}"#
    )
}
users.append(
    #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "Pilot", "members": [{"value": "u5"}, {"value": "u6", "type": "User"}]}"#
)
try write(
    Data(
        (#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 21, "Resources": ["#
            + users.joined(separator: ",") + "]}").utf8), .scim, "generated.json")

// Rollout plans and a programme.
let plan = try RolloutPlan(
    startingArea: "account-based marketing", pilot: Fixtures.AccountBasedMarketing.pilot,
    criteria: .init(minimumScore: 0.7, minimumCycles: 3),
    batches: [
        .init(name: "Java", replicas: ["abm-jakarta", "abm-surabaya"]), .init(name: "Sumatra", replicas: ["abm-medan"]),
    ])
try write(encoder.encode(plan), .rollout, "plan.json")
let programme = try TransformationProgramme(
    sponsor: "CEO", consultants: ["Firm"],
    phases: [.init(name: "diagnosis", months: 6), .init(name: "re-tooling", months: 18)],
    squadsAtLaunch: ["a", "b"])
try write(encoder.encode(programme), .rollout, "programme.json")

// The dictionary: every field name and every quoted word of the corpus.
var words: Set<String> = []
for kind in InputChecks.Kind.allCases {
    let folder = output.appending(path: kind.rawValue)
    for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        for match in text.matches(of: /"([A-Za-z][A-Za-z0-9:.]{1,40})"\s*:/) { words.insert(String(match.1)) }
    }
}
for value in CustomerValueSquad.Stage.allCases.map(\.rawValue) + Proficiency.allCases.map(\.rawValue) {
    words.insert(value)
}
let dictionary = words.sorted().map { "\"\\\"\($0)\\\"\"" }.joined(separator: "\n") + "\n"
try Data(dictionary.utf8).write(to: output.appending(path: "format.dict"))
print(
    "corpus in \(output.path): "
        + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        + "; dictionary of \(words.count) words")
