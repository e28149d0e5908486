import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

// squads-benchmarks [all] [--sizes small|large|small,large]
// squads-benchmarks memory --size small|large
// squads-benchmarks analyses [--sizes small|large|small,large]
// squads-benchmarks live [--sizes small|large|small,large] [--changes N]
// squads-benchmarks write-json --size small|large FILE
// squads-benchmarks write-history --size small|large ORGANIZATION LOG
// squads-benchmarks decode-memory FILE
// squads-benchmarks validate-file FILE
// squads-benchmarks time-json FILE

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "all"

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), arguments.indices.contains(index + 1) else { return nil }
    return arguments[index + 1]
}

func sizes() -> [Size] {
    (option("--sizes") ?? "small,large").split(separator: ",").compactMap { Size(rawValue: String($0)) }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

switch command {
case "write-json":
    let size = Size(rawValue: option("--size") ?? "large") ?? .large
    guard let path = arguments.last, path != command else { fatalError("write-json needs a file") }
    let data = try size.organization().jsonData(prettyPrinted: false)
    try data.write(to: URL(fileURLWithPath: path))
    print("wrote \(data.count) bytes to \(path)")

case "time-json":
    // Each operation is timed as the best of three rounds in this process, its result released between rounds,
    // as the Python side's repeated rounds in one process are: a lone first round mostly measures how fast the
    // system hands out fresh memory.
    guard let path = arguments.last, path != command else { fatalError("time-json needs a file") }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var organization = try Organization(name: "placeholder")
    let decode = best(of: 3) { organization = (try? Organization(jsonData: data)) ?? organization }
    guard organization.specialistCount > 0 else { fatalError("\(path) did not decode") }
    let encode = best(of: 3) { consume(try? organization.jsonData(prettyPrinted: false)) }
    let prettyEncode = best(of: 3) { consume(try? organization.jsonData(prettyPrinted: true)) }
    print("decode \(decode) encode \(encode) pretty \(prettyEncode)")

case "decode-memory":
    // Peak memory while decoding, against what the process holds once the organisation is decoded (the
    // organisation and the file's bytes): run in a process of its own, on a file `write-json` wrote.
    guard let path = arguments.last, path != command else { fatalError("decode-memory needs a file") }
    let baseline = residentBytes() ?? 0
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let withFile = residentBytes() ?? 0
    let organization = try Organization(jsonData: data)
    let held = (residentBytes() ?? 0) - baseline
    let peak = (peakResidentBytes() ?? 0) - baseline
    print(
        "decode memory: file \(data.count / 1_048_576) MiB (resident \((withFile - baseline) / 1_048_576) MiB), "
            + "organisation and file resident \(held / 1_048_576) MiB, peak while decoding \(peak / 1_048_576) MiB: "
            + String(format: "%.2f× (target ≤ 1.5×)", Double(peak) / Double(max(held, 1))))
    consume(organization)
    consume(data)

case "validate-file":
    // One validation of a file's organisation, for profilers (`--toggle-collect` on `validate`).
    guard let path = arguments.last, path != command else { fatalError("validate-file needs a file") }
    let organization = try Organization(jsonData: Data(contentsOf: URL(fileURLWithPath: path)))
    let start = ContinuousClock.now
    let report = organization.validate(on: "2026-11-28")
    print("validate: \(format(seconds(ContinuousClock.now - start))), \(report.findings.count) findings")

case "listings":
    // How long the sorted listings the encoder writes from take on their own.
    guard let path = arguments.last, path != command else { fatalError("listings needs a file") }
    let organization = try Organization(jsonData: Data(contentsOf: URL(fileURLWithPath: path)))
    let specialists = best(of: 3) { consume(organization.specialists) }
    let squads = best(of: 3) { consume(organization.squads) }
    print("listings: specialists \(format(specialists)), squads \(format(squads))")

case "scim":
    benchmarkSCIMImport()

case "validation":
    let size = Size(rawValue: option("--size") ?? "large") ?? .large
    _ = benchmarkValidation(size.organization(), rounds: 5)

case "rules":
    // Each built-in rule alone, to see where validation spends its time.
    let organization = (Size(rawValue: option("--size") ?? "large") ?? .large).organization()
    let empty = best(of: 3) { consume(organization.validate(policy: ValidationPolicy { [] })) }
    print("no rules: \(format(empty))")
    for rule in ValidationPolicy.builtInRules {
        let policy = ValidationPolicy { rule }
        let time = best(of: 3) { consume(organization.validate(policy: policy)) }
        print("\(type(of: rule)): \(format(time - empty))")
    }

case "json":
    let organization = (Size(rawValue: option("--size") ?? "large") ?? .large).organization()
    var data = Data()
    let encode = best(of: 3) { data = (try? organization.jsonData(prettyPrinted: false)) ?? Data() }
    let decode = best(of: 3) { consume(try? Organization(jsonData: data)) }
    print(
        "JSON: \(data.count / 1_048_576) MiB, encode \(format(encode)), decode with every invariant \(format(decode))")
    print(unknownFieldReport(organization, data, plainDecode: decode))

case "assign":
    // For instruction counts under callgrind: only the timed assignments of the scaling benchmark.
    let size = Size(rawValue: option("--size") ?? "large") ?? .large
    let count = Int(option("--count") ?? "10000") ?? 10_000
    print("assignment (\(size.rawValue)): \(format(assignmentTime(size.organization(), count: count))) per operation")

case "memory":
    let size = Size(rawValue: option("--size") ?? "large") ?? .large
    let before = peakResidentBytes() ?? 0
    let organization = size.organization()
    let after = peakResidentBytes() ?? 0
    let specialists = organization.specialistCount
    let memberships = organization.squads.reduce(0) { $0 + $1.size }
    print(
        "memory (\(size.rawValue)): \(specialists) specialists, \(memberships) memberships, \(organization.squadCount) squads, "
            + "\(organization.dataAssetCount) data assets; peak resident \(after / 1_048_576) MiB, "
            + "\((after - before) / specialists) bytes per specialist over the starting peak (generation included)"
    )
    consume(organization)

case "write-history":
    // An organisation and a year of dated changes to it, for timing `squads timeline` on files.
    let size = Size(rawValue: option("--size") ?? "large") ?? .large
    guard arguments.count >= 3 else { fatalError("write-history needs an organisation file and a log file") }
    let (organizationPath, logPath) = (arguments[arguments.count - 2], arguments[arguments.count - 1])
    let organization = size.organization()
    try organization.jsonData(prettyPrinted: false).write(to: URL(fileURLWithPath: organizationPath))
    let log = datedLog(for: organization, changes: 1_200)
    try OrganizationChange.jsonData(log, prettyPrinted: false).write(to: URL(fileURLWithPath: logPath))
    print("wrote \(organizationPath) and \(log.count) dated changes to \(logPath)")

case "network":
    // Only the silo network, at the sizes asked for: what a profiler runs.
    for size in sizes() {
        let organization = size.organization()
        let network = organization.siloNetwork()
        let time = best(of: 3) { consume(organization.siloNetwork()) }
        print("[\(size.rawValue)] silo network: \(format(time)), \(network.links.count) links")
    }

case "live":
    // Live validation per change against a full validation, at the sizes asked for.
    for size in sizes() {
        benchmarkLiveValidation(
            size.organization(), changes: Int(option("--changes") ?? "2000") ?? 2_000, label: size.rawValue)
    }

case "reporting":
    // Spans and layers, decision distance and manager changes, at the sizes asked for.
    for size in sizes() { benchmarkReporting(size) }

case "seats":
    // The hiring plan, candidates for a seat and the format with seats, at the sizes asked for.
    for size in sizes() { benchmarkSeats(size) }

case "analyses":
    // Only gap analysis and staffing, at the sizes asked for.
    reportAnalyses(Dictionary(uniqueKeysWithValues: sizes().map { ($0, $0.organization()) }))

default:
    let chosen = sizes()
    print("CustomerValueSquads benchmarks — sizes: \(chosen.map(\.rawValue).joined(separator: ", "))")
    var organizations: [Size: Organization] = [:]
    for size in chosen {
        let start = ContinuousClock.now
        organizations[size] = size.organization()
        print("generated \(size.rawValue) organisation in \(format(seconds(ContinuousClock.now - start)))")
    }
    // Validation against its floor, at every size (the target is for the large one).
    for size in chosen {
        print("[\(size.rawValue)] ", terminator: "")
        _ = benchmarkValidation(organizations[size]!, rounds: size == .large ? 3 : 10)
    }
    // Scaling of single-member assignments, and the cost of a shared (copy-on-write) value.
    var perOperation: [Size: Double] = [:]
    for size in chosen {
        perOperation[size] = assignmentTime(organizations[size]!, count: size == .large ? 10_000 : 1_000)
        let shared = sharedAssignmentTime(organizations[size]!)
        print(
            "[\(size.rawValue)] assignment: \(format(perOperation[size]!)) per operation on a unique value; "
                + "\(format(shared)) on a shared value (copy-on-write: \(ratio(shared / perOperation[size]!)))"
        )
    }
    if let small = perOperation[.small], let large = perOperation[.large] {
        print("assignment scaling: large / small per operation \(ratio(large / small)) (target ≤ 2×)")
    }
    // Gap analysis and staffing per squad.
    reportAnalyses(organizations)
    // Reporting lines: spans and layers, decision distance, manager changes.
    for size in chosen { benchmarkReporting(size) }
    // SCIM import scaling.
    benchmarkSCIMImport()
    // JSON round trip.
    for size in chosen {
        let organization = organizations[size]!
        var data = Data()
        let encode = best(of: 3) { data = (try? organization.jsonData(prettyPrinted: false)) ?? Data() }
        let decode = best(of: 3) { consume(try? Organization(jsonData: data)) }
        print(
            "[\(size.rawValue)] JSON: \(data.count / 1_048_576) MiB, encode \(format(encode)), decode with every invariant \(format(decode))"
        )
        print("[\(size.rawValue)] " + unknownFieldReport(organization, data, plainDecode: decode))
    }
}
