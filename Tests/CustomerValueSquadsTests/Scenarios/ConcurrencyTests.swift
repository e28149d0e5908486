import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("Concurrency")
struct ConcurrencyTests {
    /// What one task saw.
    enum Outcome: Sendable {
        /// A reader: whether every answer matched the one computed before the tasks started.
        case read(matches: Bool)
        /// A writer: how many changes were applied and refused, whether every refusal was an
        /// ``OrganizationError`` that left the copy as it was, and whether the copy kept its invariants.
        case wrote(applied: Int, refused: Int, refusalsClean: Bool, consistent: Bool)
    }

    @Test("many tasks validate and analyse one shared organisation while others transform their own copies")
    func sharedReadsAndPrivateWrites() async throws {
        let shared = OrganizationGenerator(seed: 11, shape: .init(specialists: 400)).generate()
        let report = shared.validate()
        let scores = shared.scores()
        let reach = shared.siloReach()
        let mission = try #require(shared.squads.first).mission
        let proposal = shared.proposeStaffing(for: mission)

        let outcomes = await withTaskGroup(of: Outcome.self, returning: [Outcome].self) { group in
            for task in 0..<32 {
                if task.isMultiple(of: 2) {
                    group.addTask {
                        .read(
                            matches: shared.validate() == report && shared.scores() == scores
                                && shared.siloReach() == reach && shared.proposeStaffing(for: mission) == proposal)
                    }
                } else {
                    group.addTask {
                        var copy = shared
                        var draws = RandomTransformations(seed: UInt64(task))
                        var (applied, refused, refusalsClean) = (0, 0, true)
                        for step in 0..<40 {
                            let (_, transformation) = draws.next(for: copy, counter: step)
                            let before = copy
                            do {
                                try transformation(&copy)
                                applied += 1
                            } catch {
                                refused += 1
                                refusalsClean = refusalsClean && error is OrganizationError && copy == before
                            }
                        }
                        return .wrote(
                            applied: applied, refused: refused, refusalsClean: refusalsClean,
                            consistent: IndependentChecker.problems(in: copy).isEmpty)
                    }
                }
            }
            var results: [Outcome] = []
            for await result in group { results.append(result) }
            return results
        }
        var readers = 0
        var writers = 0
        for outcome in outcomes {
            switch outcome {
            case .read(let matches):
                readers += 1
                #expect(matches)
            case .wrote(let applied, let refused, let refusalsClean, let consistent):
                writers += 1
                #expect(applied + refused == 40)
                #expect(applied > 0, "a writer whose every change was refused tests nothing")
                #expect(refusalsClean)
                #expect(consistent)
            }
        }
        #expect(readers == 16 && writers == 16)
        // The shared value never changed.
        #expect(shared == OrganizationGenerator(seed: 11, shape: .init(specialists: 400)).generate())
    }
}
