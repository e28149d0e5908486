import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("many tasks validate and analyse one shared organisation while others transform their own copies")
    func sharedReadsAndPrivateWrites() async throws {
        let shared = OrganizationGenerator(seed: 11, shape: .init(specialists: 400)).generate()
        let report = shared.validate()
        let scores = shared.scores()
        let reach = shared.siloReach()
        let mission = try #require(shared.squads.first).mission
        let proposal = shared.proposeStaffing(for: mission)

        let outcomes = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for task in 0..<32 {
                if task.isMultiple(of: 2) {
                    group.addTask {
                        shared.validate() == report && shared.scores() == scores && shared.siloReach() == reach
                            && shared.proposeStaffing(for: mission) == proposal
                    }
                } else {
                    group.addTask {
                        var copy = shared
                        var draws = RandomTransformations(seed: UInt64(task))
                        for step in 0..<40 {
                            let (_, transformation) = draws.next(for: copy, counter: step)
                            try? transformation(&copy)
                        }
                        return IndependentChecker.problems(in: copy).isEmpty
                    }
                }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(outcomes.count == 32)
        #expect(outcomes.allSatisfy { $0 })
        // The shared value never changed.
        #expect(shared == OrganizationGenerator(seed: 11, shape: .init(specialists: 400)).generate())
    }
}
