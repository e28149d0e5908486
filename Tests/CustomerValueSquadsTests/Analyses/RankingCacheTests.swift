import CustomerValueSquadsTesting
import Testing

@testable import CustomerValueSquads

/// The one-off staffing questions reuse a ranking made once per organisation value: these tests hold that a
/// reused ranking never answers for a state the value is no longer in.
@Suite("One-off staffing questions reuse the value's ranking")
struct RankingCacheTests {
    static let shape = OrganizationGenerator.Shape(
        specialists: 120, departments: 6, dataAssets: 10, squads: 15, skills: 5)

    /// The answers of a pool that ranks afresh, with no cached ranking.
    static func fresh(_ organization: Organization, _ mission: Mission) -> StaffingProposal {
        StaffingPool(organization, skills: organization.specialistsWithSkill.keys).proposeStaffing(for: mission)
    }

    @Test("after every change of random sequences, one-off answers equal those of a fresh ranking", arguments: 0..<4)
    func followsChanges(_ seed: Int) {
        var organization = OrganizationGenerator(seed: UInt64(seed), shape: Self.shape).generate()
        var draws = RandomTransformations(seed: UInt64(seed))
        let missions = organization.squads.prefix(3).map(\.mission)
        var changed = 0
        for step in 0..<60 {
            let (name, transformation) = draws.next(for: organization, counter: step)
            // Every other step, a copy that must keep answering for its own state; else the value alone.
            let kept = step.isMultiple(of: 2) ? organization : nil
            let keptAnswers = missions.map { (kept ?? organization).proposeStaffing(for: $0) }
            if (try? transformation(&organization)) != nil { changed += 1 }
            for mission in missions {
                #expect(
                    organization.proposeStaffing(for: mission) == Self.fresh(organization, mission),
                    "seed \(seed), step \(step) (\(name))")
            }
            if let kept {
                #expect(missions.map { kept.proposeStaffing(for: $0) } == keptAnswers, "seed \(seed), step \(step)")
                #expect(missions.map { Self.fresh(kept, $0) } == keptAnswers, "seed \(seed), step \(step)")
            }
        }
        #expect(changed > 10)
    }

    @Test("skill gaps list the ten best candidates unless asked for all")
    func defaultLimit() throws {
        let organization = OrganizationGenerator(
            seed: 9, shape: .init(specialists: 400, departments: 4, dataAssets: 10, squads: 10, skills: 3)
        ).generate()
        var compared = 0
        for squad in organization.squads {
            let asked: Set<Skill> = ["skill-0", "skill-1", "skill-2"]
            let all = try organization.skillGaps(of: squad.id, requiredSkills: asked, limit: nil)
            let some = try organization.skillGaps(of: squad.id, requiredSkills: asked)
            #expect(organization.skillGaps(requiredSkills: asked).allSatisfy { $0.candidates.count == 10 })
            #expect(some.map(\.skill) == all.map(\.skill))
            for (limited, full) in zip(some, all) {
                #expect(limited.candidates == Array(full.candidates.prefix(SkillGap.defaultCandidateLimit)))
                compared += full.candidates.count > SkillGap.defaultCandidateLimit ? 1 : 0
            }
        }
        #expect(compared > 0, "no gap had more than the default number of candidates")
        #expect(SkillGap.defaultCandidateLimit == 10)
    }

    @Test("copies asked from several threads at once give the same answers")
    func concurrentQuestions() async {
        let organization = OrganizationGenerator(seed: 4, shape: Self.shape).generate()
        let missions = organization.squads.map(\.mission)
        let expected = missions.map { Self.fresh(organization, $0) }
        let answers = await withTaskGroup(of: [StaffingProposal].self) { group in
            for _ in 0..<4 {
                group.addTask { missions.map { organization.proposeStaffing(for: $0) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 4)
        for answer in answers { #expect(answer == expected) }
    }
}
