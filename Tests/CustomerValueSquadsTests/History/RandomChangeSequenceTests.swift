import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

/// The outcome of one seeded sequence: which steps were accepted, and the organisation at the end.
private struct Run: Equatable {
    var accepted: [Bool] = []
    var final: Organization
}

private let startingPoints: [Organization] = [
    Fixtures.operatingRoom,
    Fixtures.accountBasedMarketing,
    OrganizationGenerator(seed: 3, shape: .init(specialists: 40, departments: 4, dataAssets: 8, squads: 5)).generate(),
]

/// Runs one sequence of random transformations, checking after every step that the invariants hold and
/// that a refused step left the value exactly as it was. Every failure names the seed to replay it.
private func run(seed: UInt64, steps: Int) -> Run {
    var organization = startingPoints[Int(seed % UInt64(startingPoints.count))]
    var draws = RandomTransformations(seed: seed)
    var result = Run(final: organization)
    for step in 0..<steps {
        let before = organization
        let (name, transformation) = draws.next(for: organization, counter: step)
        do {
            try transformation(&organization)
            result.accepted.append(true)
            let problems = IndependentChecker.problems(in: organization)
            #expect(problems.isEmpty, "replay with seed \(seed): step \(step) (\(name)) broke \(problems)")
        } catch {
            result.accepted.append(false)
            #expect(error is OrganizationError, "replay with seed \(seed): step \(step) (\(name)) threw \(error)")
            #expect(
                organization == before, "replay with seed \(seed): step \(step) (\(name)) threw and changed the value")
        }
    }
    result.final = organization
    return result
}

@Suite("Random change sequences")
struct RandomChangeSequenceTests {
    /// Sequences per batch: 25 (200 in all) for a quick `swift test`, or `CVS_SEQUENCES` from the environment —
    /// `.ci/run` sets 125 (1 000 in all); see CONTRIBUTING.md.
    static let sequencesPerBatch = ProcessInfo.processInfo.environment["CVS_SEQUENCES"].flatMap { Int($0) } ?? 25
    static let steps = 100

    @Test("thousands of seeded sequences keep every invariant; refused steps change nothing", arguments: 0..<8)
    func sequences(_ batch: Int) {
        var accepted = 0
        var refused = 0
        for offset in 0..<Self.sequencesPerBatch {
            let seed = UInt64(batch * 100_000 + offset)
            let outcome = run(seed: seed, steps: Self.steps)
            accepted += outcome.accepted.count { $0 }
            refused += outcome.accepted.count { !$0 }
        }
        #expect(accepted > 0 && refused > 0)
        print(
            "random change sequences, batch \(batch): \(Self.sequencesPerBatch) sequences, "
                + "\(Self.sequencesPerBatch * Self.steps) steps, \(accepted) accepted, \(refused) refused"
        )
    }

    @Test("the same seed gives the same run")
    func reproducible() {
        for seed: UInt64 in [1, 42, 99_999] {
            #expect(run(seed: seed, steps: 40) == run(seed: seed, steps: 40))
        }
        #expect(run(seed: 1, steps: 40) != run(seed: 2, steps: 40))
    }
}
