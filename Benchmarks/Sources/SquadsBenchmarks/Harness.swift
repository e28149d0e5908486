import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

/// The two sizes every benchmark runs at.
enum Size: String, CaseIterable {
    case small
    case large

    /// About 2 000 specialists, or 200 000: 2 000 departments, 20 000 squads of 8 and 50 000 data assets.
    var shape: OrganizationGenerator.Shape {
        switch self {
        case .small:
            OrganizationGenerator.Shape(
                specialists: 2_000, departments: 20, dataAssets: 500, squads: 200, squadSize: 8...8)
        case .large:
            OrganizationGenerator.Shape(
                specialists: 200_000,
                departments: 2_000,
                dataAssets: 50_000,
                squads: 20_000,
                squadSize: 8...8
            )
        }
    }

    func organization() -> Organization { OrganizationGenerator(seed: 2026, shape: shape).generate() }
}

/// Times a closure: the best of `rounds` runs, in seconds, so noise from other work on the machine counts less.
func best(of rounds: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    return best
}

/// Times two closures in alternating rounds: the best of `rounds` runs of each, in seconds. A ratio of the two
/// then compares runs made at nearly the same moment, so the machine's drift over a run cancels out.
func bestAlternating(of rounds: Int, _ first: () -> Void, _ second: () -> Void) -> (Double, Double) {
    var (bestFirst, bestSecond) = (Double.infinity, Double.infinity)
    for _ in 0..<rounds {
        bestFirst = min(bestFirst, best(of: 1, first))
        bestSecond = min(bestSecond, best(of: 1, second))
    }
    return (bestFirst, bestSecond)
}

/// Keeps a value alive and observed, so the optimiser cannot remove the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The peak resident memory of this process so far, in bytes (Linux: VmHWM in /proc/self/status).
func peakResidentBytes() -> Int? { statusBytes("VmHWM:") }

/// The resident memory of this process now, in bytes (Linux: VmRSS in /proc/self/status).
func residentBytes() -> Int? { statusBytes("VmRSS:") }

/// A size in /proc/self/status, in bytes.
private func statusBytes(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        return digits.first.map { $0 * 1024 }
    }
    return nil
}

func format(_ seconds: Double) -> String {
    seconds < 1e-3
        ? String(format: "%.1f µs", seconds * 1e6)
        : seconds < 1 ? String(format: "%.2f ms", seconds * 1e3) : String(format: "%.2f s", seconds)
}

func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

/// Decoding `data` (`organization`, compact) with a field the format does not know in every squad, against the
/// plain document (`plainDecode` seconds): without the warnings and with them (located in one more pass).
func unknownFieldReport(_ organization: Organization, _ data: Data, plainDecode: Double) -> String {
    // Squads open with their sorted first key, "accountability".
    let marked = Data(
        String(decoding: data, as: UTF8.self).replacingOccurrences(
            of: #"{"accountability":"#, with: #"{"note":"kept elsewhere","accountability":"#
        ).utf8)
    let plainWarned = best(of: 3) { consume(try? Organization.decoding(jsonData: data)) }
    let markedPlain = best(of: 3) { consume(try? Organization(jsonData: marked)) }
    let markedWarned = best(of: 3) { consume(try? Organization.decoding(jsonData: marked)) }
    return "unknown field in each of \(organization.squadCount) squads: decode \(format(markedPlain)) "
        + "(\(ratio(markedPlain / plainDecode)) the plain document); with warnings \(format(markedWarned)) "
        + "(\(ratio(markedWarned / plainWarned)) the plain document with warnings; target ≤ 1.2×)"
}
