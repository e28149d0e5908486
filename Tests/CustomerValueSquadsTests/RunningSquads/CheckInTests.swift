import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private typealias OR = Fixtures.OperatingRoom

/// The operating room with three outcomes whose progress is easy to reason about.
private func threeOutcomes() throws -> Organization {
    var organization = Fixtures.operatingRoom
    var accountability = try #require(organization.squad(OR.squad)).accountability
    accountability.outcomes = [
        // (50 − 0) / (100 − 0) = 0.5, weight 2
        Outcome(id: "a", metric: "A", baseline: 0, target: 100, current: 50, weight: 2),
        // (19 − 10) / (20 − 10) = 0.9, weight 1
        Outcome(id: "b", metric: "B", baseline: 10, target: 20, current: 19),
        // going down: (3.5 − 4) / (2 − 4) = 0.25, weight 1
        Outcome(id: "c", metric: "C", baseline: 4, target: 2, current: 3.5, direction: .decrease),
    ]
    try organization.setAccountability(accountability, of: OR.squad)
    return organization
}

@Suite("Check-ins and scores")
struct CheckInTests {
    @Test("a weighted roll-up of three outcomes, and of the organisation's goal beside the plain mean")
    func weightedRollUp() throws {
        var organization = try threeOutcomes()
        let score = try #require(organization.score(of: OR.squad))
        #expect(score.outcomes.map(\.progress) == [0.5, 0.9, 0.25])
        // (0.5 × 2 + 0.9 × 1 + 0.25 × 1) / (2 + 1 + 1) = 2.15 / 4
        #expect(abs(try #require(score.score) - 0.5375) < 1e-12)
        #expect(score.band == .atRisk)

        try organization.formSquad(
            CustomerValueSquad(
                id: "recovery", name: "Recovery ward", mission: Mission(statement: "Home within three days"),
                accountability: Accountability(outcomes: [
                    Outcome(id: "home", metric: "Home in 3 days", baseline: 40, target: 80, current: 90)
                ])))
        let scores = organization.scores()
        // Each squad once: (0.5375 + 1) / 2; each outcome by its weight: (2.15 + 1 × 1) / (4 + 1).
        #expect(abs(try #require(scores.score) - 0.76875) < 1e-12)
        #expect(abs(try #require(scores.weightedScore) - 0.63) < 1e-12)
    }

    @Test("a check-in becomes the current value, back-filled days keep their order, and the trend follows")
    func checkInsKeepOrder() throws {
        var organization = try threeOutcomes()
        try organization.checkIn(.init(day: "2026-03-01", value: 40, confidence: 5), for: "a", of: OR.squad)
        try organization.checkIn(.init(day: "2026-03-15", value: 45, note: "campaign"), for: "a", of: OR.squad)
        try organization.checkIn(.init(day: "2026-03-29", value: 50, confidence: 7), for: "a", of: OR.squad)
        try organization.checkIn(.init(day: "2026-03-08", value: 43), for: "a", of: OR.squad)
        let outcome = try #require(organization.squad(OR.squad)?.accountability.outcome("a"))
        #expect(outcome.checkIns.map(\.day) == ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-29"])
        #expect(outcome.current == 50)
        // The last three: 43 on the 8th to 50 on the 29th, +7, up is good.
        let trend = try #require(outcome.trend())
        #expect(trend.checkIns == 3 && trend.from == "2026-03-08" && trend.to == "2026-03-29")
        #expect(trend.change == 7 && trend.direction == .improving)
        #expect(outcome.trend(overLast: 10)?.change == 10)

        let progress = try #require(organization.score(of: OR.squad)?.outcomes.first)
        #expect(progress.confidence == 7)
        #expect(progress.trend == trend)

        // Going down is good for outcome c: a rise is worsening; no change is steady.
        try organization.checkIn(.init(day: "2026-03-01", value: 3), for: "c", of: OR.squad)
        try organization.checkIn(.init(day: "2026-03-15", value: 3.5), for: "c", of: OR.squad)
        #expect(organization.squad(OR.squad)?.accountability.outcome("c")?.trend()?.direction == .worsening)
        try organization.checkIn(.init(day: "2026-03-29", value: 3), for: "c", of: OR.squad)
        #expect(organization.squad(OR.squad)?.accountability.outcome("c")?.trend(overLast: 3)?.direction == .steady)
        #expect(organization.squad(OR.squad)?.accountability.outcome("b")?.trend() == nil)
    }

    @Test("refused check-ins name what is wrong and change nothing")
    func refusedCheckIns() throws {
        var organization = try threeOutcomes()
        try organization.checkIn(.init(day: "2026-03-01", value: 40), for: "a", of: OR.squad)
        let before = organization
        let refusals: [(Outcome.CheckIn, Outcome.ID, CustomerValueSquad.ID, OrganizationError.Code)] = [
            (.init(day: "2026-03-01", value: 41), "a", OR.squad, .duplicateID),
            (.init(day: "2026-03-02", value: .nan), "a", OR.squad, .invalidValue),
            (.init(day: "2026-03-02", value: .infinity), "a", OR.squad, .invalidValue),
            (.init(day: "2026-03-02", value: 1, confidence: 11), "a", OR.squad, .invalidValue),
            (.init(day: "2026-03-02", value: 1, confidence: -1), "a", OR.squad, .invalidValue),
            (.init(day: "2026-03-02", value: 1), "nowhere", OR.squad, .unknownReference),
            (.init(day: "2026-03-02", value: 1), "a", "no-squad", .unknownReference),
        ]
        for (checkIn, outcome, squad, code) in refusals {
            #expect(throws: OrganizationError.self) {
                try organization.checkIn(checkIn, for: outcome, of: squad)
            }
            do {
                try organization.checkIn(checkIn, for: outcome, of: squad)
            } catch {
                #expect(error.code == code, "\(checkIn)")
            }
            #expect(organization == before)
        }
        // An outcome with dated check-ins takes no undated value.
        #expect(throws: OrganizationError.self) { try organization.recordOutcome(60, for: "a", of: OR.squad) }
        try organization.recordOutcome(20, for: "b", of: OR.squad)
        #expect(organization.squad(OR.squad)?.accountability.outcome("b")?.current == 20)
    }

    @Test(
        "documents with check-ins out of order, on one day twice, or a current value that is not the latest are refused at their path"
    )
    func decodingChecksCheckIns() throws {
        var organization = try threeOutcomes()
        try organization.checkIn(.init(day: "2026-03-01", value: 40), for: "a", of: OR.squad)
        try organization.checkIn(.init(day: "2026-03-15", value: 45, confidence: 6), for: "a", of: OR.squad)
        let text = String(decoding: try organization.jsonData(), as: UTF8.self)
        #expect(try Organization(jsonData: Data(text.utf8)) == organization)
        #expect(try JSONDecoder().decode(Organization.self, from: Data(text.utf8)) == organization)

        let cases: [(String, String, String)] = [
            (text.replacingOccurrences(of: "2026-03-15", with: "2026-02-15"), "invalidValue", "checkIns[1].day"),
            (text.replacingOccurrences(of: "2026-03-15", with: "2026-03-01"), "duplicateID", "checkIns[1].day"),
            (text.replacingOccurrences(of: "\"current\": 45", with: "\"current\": 44"), "invalidValue", "current"),
            (
                text.replacingOccurrences(of: "\"confidence\": 6", with: "\"confidence\": 12"), "invalidValue",
                "checkIns[1].confidence"
            ),
        ]
        for (document, code, path) in cases {
            #expect(document != text)
            try expectBothReadersRefuse(document, problem: code, at: path)
        }
        // Left out, the current value is the latest check-in's.
        let withoutCurrent = text.replacingOccurrences(of: "\"current\": 45,", with: "")
        #expect(withoutCurrent != text)
        #expect(try Organization(jsonData: Data(withoutCurrent.utf8)) == organization)
    }

    @Test("an outcome checked in on day D is stale on D + cadence + grace + 1, not the day before")
    func staleness() throws {
        var organization = try threeOutcomes()
        // The operating room reviews every 14 days; the policy's grace is 3 days.
        try organization.checkIn(.init(day: "2026-03-01", value: 40), for: "a", of: OR.squad)
        let policy = ValidationPolicy { CheckInStalenessRule() }
        #expect(organization.validate(policy: policy, on: "2026-03-18").findings.isEmpty)
        let stale = organization.validate(policy: policy, on: "2026-03-19").findings
        #expect(stale.map(\.code) == [.squadOutcomeStale])
        #expect(stale.first?.subject == .outcome(squad: OR.squad, outcome: "a"))
        #expect(stale.first?.figures == ["daysSinceCheckIn": 18, "allowedDays": 17])
        // Outcomes b and c were never checked in: not judged.
        var lenient = policy
        lenient.thresholds.checkInGraceDays = 4
        #expect(organization.validate(policy: lenient, on: "2026-03-19").findings.isEmpty)
        // A fresh check-in clears it; a squad without a review cadence is not judged.
        try organization.checkIn(.init(day: "2026-03-19", value: 41), for: "a", of: OR.squad)
        #expect(organization.validate(policy: policy, on: "2026-03-19").findings.isEmpty)
        var accountability = try #require(organization.squad(OR.squad)).accountability
        accountability.reviewCadence = nil
        try organization.setAccountability(accountability, of: OR.squad)
        #expect(organization.validate(policy: policy, on: "2027-01-01").findings.isEmpty)
    }

    @Test("a replica starts with the outcomes but none of the pilot's check-ins")
    func replicaHasNoCheckIns() throws {
        var organization = try threeOutcomes()
        try organization.checkIn(.init(day: "2026-03-01", value: 40), for: "a", of: OR.squad)
        let replica = try organization.replicaDesign(
            of: OR.squad, as: "or-2", name: "Operating room 2", mission: Mission(statement: "Operate safely"))
        #expect(replica.accountability.outcomes.allSatisfy { $0.checkIns.isEmpty && $0.current == nil })
        try organization.formSquad(replica)
    }
}
