import CustomerValueSquads
import CustomerValueSquadsSamples
import Foundation

/// Spans and layers, decision distance and live validation of manager changes, on the organisation of a size
/// with reporting lines (heads under the head of the parent department, staff in trees of 8 under their head).
///
/// Each is put beside a floor measured in the same run: listing the specialists (``Organization/specialists``,
/// a sort of them all), the least any whole-organisation answer about people costs.
func benchmarkReporting(_ size: Size, changes count: Int = 1_000) {
    var shape = size.shape
    shape.reportingSpan = 8
    let organization = OrganizationGenerator(seed: 2026, shape: shape).generate()
    let floor = best(of: 3) { consume(organization.specialists) }
    var lines: ReportingLines?
    let spans = best(of: 3) { lines = organization.reportingLines() }
    var distances: DecisionDistances?
    let distance = best(of: 3) { distances = organization.decisionDistances() }
    guard let lines, let distances else { return }
    print(
        "[\(size.rawValue)] reporting lines: \(organization.specialistCount) specialists, \(lines.spans.managers) "
            + "managers, \(lines.layers) layers; spans and layers \(format(spans)) (\(ratio(spans / floor)) listing "
            + "the specialists, \(format(floor)); target ≤ 100 ms at 200 000); decision distance of "
            + "\(distances.squads.count) squads \(format(distance)) (\(ratio(distance / floor)); target ≤ 200 ms), "
            + "\(distances.totalSaved) layers saved")

    // Live validation of manager changes: each report moved to another manager of its department, or up a layer.
    // Under the default policy, and with the rules of reporting lines added (the layers rule reads every line, so
    // it runs whole after each change of a manager: fewer changes are timed with it).
    let people = organization.specialists.filter { $0.manager != nil }
    let lineRules = ValidationPolicy.default.adding(ManagerSpanRule()).adding(EscalationRule())
    let policies: [(String, ValidationPolicy, Int)] = [
        ("default policy", .default, count),
        ("with the span and escalation rules", lineRules, count),
        ("with the layers rule too", lineRules.adding(ReportingLayersRule()), max(1, count / 10)),
    ]
    // A full validation with the three rules, against one under the default policy.
    let all = lineRules.adding(ReportingLayersRule())
    let plain = best(of: 3) { consume(organization.validate(on: "2026-11-28")) }
    let withLines = best(of: 3) { consume(organization.validate(policy: all, on: "2026-11-28")) }
    print(
        "[\(size.rawValue)] full validation with the rules of reporting lines \(format(withLines)) "
            + "(\(ratio(withLines / plain)) the default policy, \(format(plain)))")
    for (name, policy, count) in policies {
        var random = SeededRandomNumberGenerator(seed: 11)
        var live = LiveValidation(organization, policy: policy, on: "2026-11-28")
        var times: [Double] = []
        times.reserveCapacity(count)
        var refused = 0
        for _ in 0..<count {
            let person = people[Int.random(in: 0..<people.count, using: &random)]
            let manager = live.organization.managers(of: person.id).last
            let start = ContinuousClock.now
            do { try live.update { try $0.setManager(manager, for: person.id) } } catch { refused += 1 }
            times.append(seconds(ContinuousClock.now - start))
        }
        times.sort()
        print(
            "[\(size.rawValue)] live validation of \(count) manager changes (\(refused) refused), \(name): median "
                + "\(format(times[times.count / 2])), p99 \(format(times[min(times.count - 1, times.count * 99 / 100)])) "
                + "per change (target ≤ 1 ms)")
    }
}
