import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

/// One change of the kinds an editor makes, drawn from the organisation as it was at the start: assign someone
/// with time to spare to a squad, release a member, move a specialist to another department, give someone a
/// skill. Some are refused (already a member, overbooked, …), as in an editor.
func editorChanges(for organization: Organization, count: Int, seed: UInt64) -> [(inout Organization) throws -> Void] {
    var random = SeededRandomNumberGenerator(seed: seed)
    let specialists = organization.specialists.map(\.id)
    let squads = organization.squads.filter { $0.stage != .dissolved }
    let departments = organization.departments.map(\.id)
    var changes: [(inout Organization) throws -> Void] = []
    for _ in 0..<count {
        let squad = squads[Int.random(in: 0..<squads.count, using: &random)]
        let specialist = specialists[Int.random(in: 0..<specialists.count, using: &random)]
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            changes.append { try $0.assign(specialist, to: squad.id, role: "member", share: 10) }
        case 1:
            let member = squad.memberships.keys.sorted()[Int.random(in: 0..<squad.size, using: &random)]
            changes.append { try $0.release(member, from: squad.id) }
        case 2:
            let department = departments[Int.random(in: 0..<departments.count, using: &random)]
            changes.append { try $0.transfer(specialist, to: department) }
        default:
            changes.append { try $0.setSkill(.analytics, to: .expert, for: specialist) }
        }
    }
    return changes
}

/// Live validation per change against a full validation, at each size: the median and 99th percentile of
/// `changes` editor changes, each timed alone.
func benchmarkLiveValidation(_ organization: Organization, changes count: Int, label: String) {
    let day: Day = "2026-11-28"
    let full = best(of: 3) { consume(organization.validate(on: day)) }
    let changes = editorChanges(for: organization, count: count, seed: 7)
    var live = LiveValidation(organization, on: day)
    var times: [Double] = []
    times.reserveCapacity(count)
    var refused = 0
    for change in changes {
        let start = ContinuousClock.now
        do { try live.update(change) } catch { refused += 1 }
        times.append(seconds(ContinuousClock.now - start))
    }
    times.sort()
    let median = times[times.count / 2]
    let p99 = times[min(times.count - 1, times.count * 99 / 100)]
    print(
        "[\(label)] live validation: \(count) changes (\(refused) refused), median \(format(median)), "
            + "p99 \(format(p99)) per change; full validation \(format(full)) "
            + "(\(ratio(full / median)) the median change; target ≥ 200×, median ≤ 1 ms at 200 000)"
    )
    let check = live.report == live.organization.validate(on: day)
    print("[\(label)] live report equals a full validation after \(count) changes: \(check)")
}
