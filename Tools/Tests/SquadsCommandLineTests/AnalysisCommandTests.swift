import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads gaps, staffing, scores and reach")
struct AnalysisCommandTests {
    let sample = Commands.sampleOrganization

    @Test("gaps lists the forming replica's missing skill with ranked candidates")
    func gaps() throws {
        let text = try Commands.gaps(sample)
        // Bali has sales, marketing and analytics but needs customer care: the customer-service specialists can
        // help, experts first, the one with more free time before the one who gives 60 % to East Java.
        #expect(
            text.contains(
                "    customer care: customer-service-1 (expert, 100% free, new department customer-service); customer-service-2 (expert, 40% free"
            ))
        #expect(text.contains("- East Java squad: none"))
        let json = try Commands.gaps(sample, squad: "bali", format: .json)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["squad"] as? String == "bali")
        #expect(throws: InputError("there is no squad nowhere; expected one of: bali, east-java, north-sumatra")) {
            try Commands.gaps(sample, squad: "nowhere")
        }
        #expect(throws: InputError(#"there is no squad east-jawa; did you mean "east-java"?"#)) {
            try Commands.gaps(sample, squad: "east-jawa")
        }
    }

    @Test("staffing proposes people for a squad's mission, leaving its members out")
    func staffing() throws {
        let text = try Commands.staffing(sample, squad: "bali")
        #expect(text.hasPrefix("## Staffing proposal for the mission of Bali squad"))
        #expect(!text.contains("[sales-5]"), "current members are not proposed again")
        #expect(text.contains("Uncovered skills: none"))
        let json = try Commands.staffing(sample, squad: "bali", format: .json)
        let proposal = try JSONDecoder().decode(StaffingProposal.self, from: Data(json.utf8))
        #expect(proposal.picks.count == 6)
        #expect(Set(proposal.picks.map(\.specialist)).isDisjoint(with: ["sales-5", "marketing-5", "analytics-4"]))
        #expect(throws: InputError("--share: a time share must be between 1 and 100 percent, not 0")) {
            try Commands.staffing(sample, squad: "bali", sharePercent: 0)
        }
    }

    @Test("scores show each squad's progress and the roll-up")
    func scores() throws {
        let text = try Commands.scores(sample)
        // East Java: sales growth 9 of 12 = 75 %, stock-outs from 14 to 6 of a 10-item drop = 80 %; mean 77.5 %.
        #expect(text.contains("- East Java squad: 78% on track"))
        #expect(text.contains("    stock-outs: 80% on track"))
        let json = try Commands.scores(sample, format: .json)
        let decoded = try JSONDecoder().decode(OrganizationScore.self, from: Data(json.utf8))
        #expect(decoded == sample.scores())
    }

    @Test("reach shows the data that stays in its silo")
    func reach() throws {
        let text = try Commands.reach(sample)
        #expect(text.contains("3 of 4 data assets flow to squads (75%)"))
        #expect(text.contains("    deliveries → no squad"))
        let decoded = try JSONDecoder().decode(
            SiloReach.self, from: Data(try Commands.reach(sample, format: .json).utf8))
        #expect(decoded == sample.siloReach())
    }

    @Test("squad identifiers from the command line are checked")
    func squadOption() {
        #expect(throws: InputError(#"--squad: "no way" is not a valid identifier: the character " " is not allowed"#)) {
            try Input.squadID("no way")
        }
    }
}

@Suite("Progress")
struct ProgressTests {
    @Test("long analyses report each squad done, and the line says how far")
    func progress() throws {
        var reports: [(Int, Int)] = []
        _ = try Commands.gaps(Commands.sampleOrganization) { done, total in reports.append((done, total)) }
        let squads = Commands.sampleOrganization.squads.filter { $0.stage != .dissolved }.count
        #expect(reports.map(\.0) == Array(1...squads))
        #expect(reports.allSatisfy { $0.1 == squads })
        #expect(ProgressLine("skill gaps").text(done: 1, total: 4) == "squads: skill gaps: 1 of 4 squads (25%)")
    }
}

@Suite("squads diff, apply and plan")
struct ScenarioCommandTests {
    @Test("diff lists the change and what it moves in each silo")
    func diff() throws {
        let before = try Input.organization(atPath: example("toko-manis.json"))
        let after = try Input.organization(atPath: example("toko-manis-next.json"))
        let text = try Commands.diff(before, after, on: "2026-11-28")
        #expect(text.contains("1. updateSquad bali"))
        #expect(
            text.contains(
                "- analytics: headcount 5, pulled 1.10 → 1.50, at home 3.90 → 3.50, retained 78% → 70%, staff per head 4"
            ))
        #expect(
            text.contains(
                "- bali: stage forming, size 3 → 5, departments 3 → 4, skills uncovered customer care → none"))
        #expect(text.contains("- warning squad.skills.gap squad bali"))
        #expect(try Commands.diff(before, before).contains("none: the two organisations are the same"))
    }

    @Test("apply writes the organisation with a log applied, or names the change that does not fit")
    func apply() throws {
        let before = try Input.organization(atPath: example("toko-manis.json"))
        let after = try Input.organization(atPath: example("toko-manis-next.json"))
        let log = after.changes(from: before)
        #expect(try Organization(jsonData: Commands.apply(log, to: before, log: "log.json")) == after)
        #expect {
            _ = try Commands.apply(log + log, to: before, log: "log.json")
        } throws: { error in
            (error as? InputError)?.message.hasPrefix("log.json: at changes[1]: [changeConflict] change 2 of 2") == true
        }
    }

    @Test("plan shows each silo after each batch, and the backfill below a floor")
    func plan() throws {
        let organization = try Input.organization(atPath: example("toko-manis-next.json"))
        let plan = try JSONDecoder().decode(RolloutPlan.self, from: Input.data(atPath: example("rollout-plan.json")))
        let text = try Commands.plan(plan, in: organization, floors: try Commands.floors(["sales=0.8"]))
        #expect(text.contains("### Bali (bali)"))
        #expect(
            text.contains(
                "- sales: 1.10 of 5 FTE pulled, 3.90 at home (78%); below its floor of 80%: hire back 0.10 FTE"))
        #expect(throws: InputError("--floor sales: write department=share, with a share from 0 to 1")) {
            try Commands.floors(["sales"])
        }
    }
}
