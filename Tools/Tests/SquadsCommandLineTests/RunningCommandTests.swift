import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads check-in and the scores it feeds")
struct RunningCommandTests {
    let sample = Commands.sampleOrganization

    @Test("a check-in becomes the outcome's current value; scores then show its confidence and trend")
    func checkIn() throws {
        // Bali's sales growth goes from a baseline of 0 towards 12 %.
        let first = try Commands.checkIn(
            sample, squad: "bali", outcome: "sales-growth", value: 3, confidence: 5, day: "2026-11-01")
        let second = try Commands.checkIn(
            try Organization(jsonData: first), squad: "bali", outcome: "sales-growth", value: 6, confidence: 7,
            day: "2026-11-15", note: "two new stores")
        let organization = try Organization(jsonData: second)
        let outcome = try #require(organization.squad("bali")?.accountability.outcome("sales-growth"))
        #expect(outcome.current == 6)
        #expect(outcome.checkIns.map(\.note) == ["", "two new stores"])
        // 6 of 12 is 50 %, at risk; up 3 points since the 1st, which is good for growth.
        let text = try Commands.scores(organization)
        #expect(text.contains("    sales-growth: 50% at risk · confidence 7/10 · improving (+3 since 2026-11-01)"))
        #expect(text.contains("Goal, each outcome by its weight: "))
    }

    @Test("a check-in that does not fit names the squad, the outcome or the rule it breaks")
    func refusals() throws {
        #expect(throws: InputError(#"there is no squad bal; did you mean "bali"?"#)) {
            try Commands.checkIn(
                sample, squad: "bal", outcome: "sales-growth", value: 1, confidence: nil, day: "2026-11-01")
        }
        #expect(throws: InputError(#"squad bali has no outcome sales-grwth; did you mean "sales-growth"?"#)) {
            try Commands.checkIn(
                sample, squad: "bali", outcome: "sales-grwth", value: 1, confidence: nil, day: "2026-11-01")
        }
        #expect(
            throws: InputError(
                "[invalidValue] the confidence checked in for outcome sales-growth on 2026-11-01 must be from 0 to 10, not 11"
            )
        ) {
            try Commands.checkIn(
                sample, squad: "bali", outcome: "sales-growth", value: 1, confidence: 11, day: "2026-11-01")
        }
        let once = try Organization(
            jsonData: try Commands.checkIn(
                sample, squad: "bali", outcome: "sales-growth", value: 1, confidence: nil, day: "2026-11-01"))
        #expect(
            throws: InputError("[duplicateID] outcome sales-growth of squad bali already has a check-in on 2026-11-01")
        ) {
            try Commands.checkIn(
                once, squad: "bali", outcome: "sales-growth", value: 2, confidence: nil, day: "2026-11-01")
        }
    }
}
