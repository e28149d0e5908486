import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// A custom rule that declares no scope and reads the whole organisation: live validation re-runs it whole.
private struct CrowdedOrganizationRule: ValidationRule {
    var codes: [Finding.Code] { ["test.crowded", "test.squad.outnumbered"] }

    func check(_ organization: Organization, in context: ValidationContext) -> [Finding] {
        guard organization.squadCount > 4 else { return [] }
        return [Finding(.note, "test.crowded", subject: .organization, message: "\(organization.squadCount) squads")]
    }

    /// Reads other squads: whether this one is smaller than the organisation's average.
    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        let squads = context.organization.squads.filter { $0.stage != .dissolved }
        let total = squads.reduce(0) { $0 + $1.size }
        guard squad.size * squads.count < total else { return [] }
        return [context.finding("test.squad.outnumbered", about: squad, severity: .note, message: "below average")]
    }
}

/// A custom scoped rule whose squad check reports about specialists, not the squad: the report must place them.
private struct SoloMemberRule: ScopedValidationRule {
    var codes: [Finding.Code] { ["test.specialist.solo"] }
    var scope: ValidationScope { .squad }

    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard squad.size == 1, let only = squad.memberships.keys.first else { return [] }
        return [Finding(.warning, "test.specialist.solo", subject: .specialist(only), message: "alone in \(squad.id)")]
    }
}

/// A custom rule whose squad check reads the lines above the members and reports about specialists: members with
/// more than one manager above them.
private struct FarFromTheTopRule: ScopedValidationRule {
    var codes: [Finding.Code] { ["test.specialist.farFromTop"] }
    var scope: ValidationScope { [.squad, .reportingLines] }

    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        squad.memberships.keys.sorted().compactMap { member in
            let above = context.organization.managers(of: member).count
            guard above > 1 else { return nil }
            return Finding(
                .note, "test.specialist.farFromTop", subject: .specialist(member),
                message: "\(above) managers above \(member) in \(squad.id)")
        }
    }
}

private let startingPoints: [Organization] = [
    Fixtures.operatingRoom,
    Fixtures.accountBasedMarketing,
    OrganizationGenerator(seed: 3, shape: .init(specialists: 40, departments: 4, dataAssets: 8, squads: 5)).generate(),
    Fixtures.transformationYear.baseline,
    {
        var shape = OrganizationGenerator.Shape(specialists: 40, departments: 4, dataAssets: 8, squads: 6)
        shape.reportingSpan = 3
        return OrganizationGenerator(seed: 5, shape: shape).generate()
    }(),
]

/// The rules of reporting lines, with thresholds that most lines of a small organisation cross.
private let reportingPolicy: ValidationPolicy = {
    var policy = ValidationPolicy.default.adding(ManagerSpanRule()).adding(ReportingLayersRule())
        .adding(EscalationRule()).adding(FarFromTheTopRule())
    policy.thresholds.maximumLayers = 3
    policy.thresholds.maximumSpan = 2
    return policy
}()

private let policies: [ValidationPolicy] = [
    .default,
    .default.adding(SiloIslandRule()).adding(CrowdedOrganizationRule()),
    .default.adding(SoloMemberRule()),
    ValidationPolicy(
        thresholds: .init(minimumSquadSize: 2, maximumBookedPercent: 60, capacityFloorMarginPercent: 0),
        disabledCodes: [.squadAccountabilityNoReviewRhythm, .departmentNoHead]
    ) { ValidationPolicy.builtInRules },
    reportingPolicy,
]

private struct Tally {
    var accepted = 0
    var refused = 0
    var findings = 0
}

/// Runs one seeded sequence through a live validation, comparing its report with a full validation after every
/// step. Every failure names the seed to replay it.
private func run(seed: UInt64, steps: Int, tally: inout Tally) {
    var draws = RandomTransformations(seed: seed)
    let policy = policies[Int(seed / 7 % UInt64(policies.count))]
    let day: Day = ["2026-10-15", "2026-11-20", "2026-12-24"][Int(seed % 3)]
    var live = LiveValidation(startingPoints[Int(seed % UInt64(startingPoints.count))], policy: policy, on: day)
    for step in 0..<steps {
        let before = live.organization
        let reportBefore = live.report
        let (name, transformation) =
            step.isMultiple(of: 10) ? extra(&draws, for: before) : draws.next(for: before, counter: step)
        var difference: ValidationReport.Difference?
        do {
            switch draws.int(0..<3) {
            case 0:
                // As recorded changes, one at a time or all together.
                var after = before
                try transformation(&after)
                let changes = after.changes(from: before, on: day)
                if draws.chance(50) {
                    difference = try live.apply(changes)
                } else {
                    var total = ValidationReport.Difference()
                    for change in changes {
                        let one = try live.apply(change)
                        total.added += one.added
                        total.removed += one.removed
                    }
                    difference = total
                }
            case 1:
                // Recorded as it goes: the changes, applied to the organisation as it was, give it as it is.
                let recording = try live.record(reason: "step \(step)", on: day, transformation)
                difference = recording.difference
                #expect(
                    (try? before.applying(recording.changes ?? [])) == live.organization,
                    "replay with seed \(seed): step \(step) (\(name)) recorded changes that do not replay")
                #expect(recording.changes?.allSatisfy { $0.day == day && $0.reason == "step \(step)" } == true)
                #expect(recording.changes?.isEmpty == (live.organization == before))
            default:
                difference = try live.update(transformation)
            }
            tally.accepted += 1
        } catch {
            tally.refused += 1
            #expect(live.organization == before, "replay with seed \(seed): step \(step) (\(name)) changed the value")
        }
        let expected = live.organization.validate(policy: policy, on: day)
        tally.findings += expected.findings.count
        #expect(live.report == expected, "replay with seed \(seed): step \(step) (\(name)) left a stale report")
        let counts: [Int] = [live.errorCount, live.warningCount, live.noteCount]
        #expect(
            counts == [expected.errorCount, expected.warningCount, expected.noteCount],
            "replay with seed \(seed): step \(step) (\(name)) miscounted")
        if let difference, live.organization == before || step.isMultiple(of: 3) {
            let whole = expected.difference(from: reportBefore)
            #expect(
                Set(difference.added).subtracting(difference.removed) == Set(whole.added)
                    && Set(difference.removed).subtracting(difference.added) == Set(whole.removed),
                "replay with seed \(seed): step \(step) (\(name)) reported the wrong difference")
        }
    }
}

/// Steps the random transformations do not draw: the goal, capacity floors, and changes that conflict.
private func extra(_ draws: inout RandomTransformations, for organization: Organization) -> (
    String, (inout Organization) throws -> Void
) {
    let departments = organization.departments
    switch draws.int(0..<4) {
    case 0:
        let goal = draws.chance(50) ? "" : "Serve every customer within a day"
        return ("set goal", { try $0.apply(OrganizationChange(.setGoal(from: $0.goal, to: goal))) })
    case 1:
        guard let department = draws.pick(departments) else { return ("nothing", { _ in }) }
        var floored = department
        floored.capacityFloor = draws.pick([nil, 0.5, 0.8, 0.95])!
        return (
            "floor \(department.id)",
            { try $0.apply(OrganizationChange(.updateDepartment(from: department, to: floored))) }
        )
    case 2:
        guard let department = draws.pick(departments) else { return ("nothing", { _ in }) }
        var stale = department
        stale.name += " (stale)"
        return (
            "conflicting change to \(department.id)",
            { try $0.apply(OrganizationChange(.updateDepartment(from: stale, to: department))) }
        )
    default:
        return (
            "remove a ghost",
            {
                try $0.apply(
                    OrganizationChange(.removeSpecialist(Specialist(id: "ghost", name: "Ghost", department: "nowhere")))
                )
            }
        )
    }
}

@Suite("Live validation")
struct LiveValidationTests {
    /// Sequences per batch: 25 (200 in all) for a quick `swift test`, or `CVS_SEQUENCES` from the environment —
    /// `.ci/run` sets 125 (1 000 in all).
    static let sequencesPerBatch = ProcessInfo.processInfo.environment["CVS_SEQUENCES"].flatMap { Int($0) } ?? 25
    static let steps = 100

    @Test("after every change of thousands of seeded sequences, the report equals a full validation", arguments: 0..<8)
    func differential(_ batch: Int) {
        var tally = Tally()
        for offset in 0..<Self.sequencesPerBatch {
            run(seed: UInt64(batch * 100_000 + offset), steps: Self.steps, tally: &tally)
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
        print(
            "live validation, batch \(batch): \(Self.sequencesPerBatch) sequences, "
                + "\(Self.sequencesPerBatch * Self.steps) steps, \(tally.accepted) accepted, \(tally.refused) refused, "
                + "\(tally.findings) findings compared with a full validation"
        )
    }

    @Test("every built-in rule but the silo-island rule is scoped")
    func builtInRulesAreScoped() {
        let all = ValidationPolicy.builtInRules + ValidationPolicy.optInRules
        let unscoped = all.filter { !($0 is any ScopedValidationRule) }
        #expect(unscoped.map { "\(type(of: $0))" } == ["SiloIslandRule"])
        for case let rule as any ScopedValidationRule in all {
            #expect(!rule.scope.isEmpty, "\(type(of: rule)) declares an empty scope")
        }
    }

    @Test(
        "the rules of reporting lines: the first line drawn, a moved report and the last line removed are seen at once")
    func reportingRules() throws {
        let day: Day = "2026-06-01"
        var policy = reportingPolicy
        policy.thresholds.minimumSpan = 1
        policy.thresholds.maximumSpan = 1
        var start = Fixtures.operatingRoom
        try start.revokeDecisionRight("change-plan", from: OR.squad)
        try start.revokeDecisionRight("call-specialist", from: OR.squad)
        #expect(!start.hasReportingLines)
        var live = LiveValidation(start, policy: policy, on: day)
        #expect(!live.report.findings.contains { $0.code == .squadEmpowermentEscalatesToTop })
        // The first line, between two people outside the squad: the squad's members now meet in no one.
        let first = try live.update { try $0.setManager("dr-wati", for: "dr-hadi") }
        #expect(first.added.contains { $0.code == .squadEmpowermentEscalatesToTop && $0.subject == .squad(OR.squad) })
        #expect(live.report == live.organization.validate(policy: policy, on: day))
        // A second report makes dr-wati's span too wide; moving one away makes it fit again.
        let wide = try live.update { try $0.setManager("dr-wati", for: OR.anaesthetist) }
        #expect(wide.added.contains { $0.code == .specialistSpanTooWide && $0.subject == .specialist("dr-wati") })
        #expect(live.report == live.organization.validate(policy: policy, on: day))
        let fits = try live.update { try $0.setManager("dr-hadi", for: OR.anaesthetist) }
        #expect(fits.removed.contains { $0.code == .specialistSpanTooWide && $0.subject == .specialist("dr-wati") })
        #expect(live.report == live.organization.validate(policy: policy, on: day))
        // The last line removed: no line, no escalation.
        try live.update {
            try $0.setManager(nil, for: OR.anaesthetist)
            try $0.setManager(nil, for: "dr-hadi")
        }
        #expect(!live.report.findings.contains { $0.code == .squadEmpowermentEscalatesToTop })
        #expect(live.report == live.organization.validate(policy: policy, on: day))

        // With the escalation rule alone, the squad's only findings come from a check that reads the lines.
        let alone = ValidationPolicy { EscalationRule() }
        var escalation = LiveValidation(start, policy: alone, on: day)
        try escalation.update { try $0.setManager("dr-wati", for: "dr-hadi") }
        #expect(escalation.report.findings.map(\.code) == [.squadEmpowermentEscalatesToTop])
        #expect(escalation.findings(ofSquad: OR.squad).map(\.code) == [.squadEmpowermentEscalatesToTop])
        #expect(escalation.report == escalation.organization.validate(policy: alone, on: day))
    }

    @Test("the difference names what a change broke and what it fixed")
    func difference() throws {
        let day: Day = "2026-06-01"
        var live = LiveValidation(Fixtures.accountBasedMarketing, on: day)
        let squad = try #require(live.organization.squads.first { $0.stage != .dissolved })
        let member = try #require(squad.memberships.keys.sorted().first)
        let broke = try live.update { try $0.release(member, from: squad.id) }
        #expect(live.report == live.organization.validate(on: day))
        let fixed = try live.update { try $0.assign(member, to: squad.id, role: "returning", share: 10) }
        #expect(Set(fixed.removed) == Set(broke.added))
        #expect(live.report == live.organization.validate(on: day))
    }

    @Test("an organisation put in place from elsewhere is validated in full")
    func replacedWhole() {
        var live = LiveValidation(Fixtures.operatingRoom, on: "2026-06-01")
        let difference = live.update { $0 = Fixtures.accountBasedMarketing }
        #expect(live.report == Fixtures.accountBasedMarketing.validate(on: "2026-06-01"))
        #expect(difference == live.report.difference(from: Fixtures.operatingRoom.validate(on: "2026-06-01")))
    }

    @Test("recording: one part changed is one change; several parts, or a whole organisation, are compared whole")
    func recording() throws {
        let start = Fixtures.operatingRoom
        let squad = try #require(start.squads.first { $0.stage != .dissolved })
        let department = try #require(start.departments.first)
        var live = LiveValidation(start, on: "2026-06-01")
        // One transformation: one change, the squad's.
        let member = try #require(
            start.specialists.first { squad.memberships[$0.id] == nil && start.sparePercent(of: $0.id) >= 10 })
        let one = try live.record(reason: "join", on: "2026-06-01") {
            try $0.assign(member.id, to: squad.id, role: "helper", share: 10)
        }
        let joined = try #require(one.changes)
        #expect(joined.count == 1 && joined.first?.action.kind == "updateSquad")
        #expect(try start.applying(joined) == live.organization)
        // Two parts: a hire and their assignment, in the order that applies.
        let afterOne = live.organization
        let two = try live.record {
            try $0.hire(Specialist(id: "newcomer", name: "Newcomer", department: department.id))
            try $0.assign("newcomer", to: squad.id, role: "helper", share: 10)
        }
        let hiredAndAssigned = try #require(two.changes)
        #expect(hiredAndAssigned.map(\.action.kind) == ["addSpecialist", "updateSquad"])
        #expect(try afterOne.applying(hiredAndAssigned) == live.organization)
        // Several parts changed one after another, the same part twice: compared whole, and it replays.
        let afterTwo = live.organization
        let several = try live.record(reason: "reshuffle") {
            try $0.release("newcomer", from: squad.id)
            try $0.offboard("newcomer")
            try $0.release(member.id, from: squad.id)
            try $0.rename(to: "Renamed")
        }
        #expect(try afterTwo.applying(#require(several.changes)) == live.organization)
        #expect(several.changes?.allSatisfy { $0.reason == "reshuffle" } == true)
        // A whole organisation put in place: nothing was written to read the changes from.
        let whole = live.record { $0 = Fixtures.accountBasedMarketing }
        #expect(whole.changes == nil)
        #expect(live.report == Fixtures.accountBasedMarketing.validate(on: "2026-06-01"))
        // Nothing changed: nothing recorded; a refused change: nothing changed, and the error.
        #expect(live.record { _ in }.changes?.isEmpty == true)
        #expect(throws: OrganizationError.self) { try live.record { try $0.offboard("nobody") } }
        #expect(live.organization == Fixtures.accountBasedMarketing)
    }

    @Test("what a body changed before it threw stays changed, and the report follows it")
    func partialUpdate() throws {
        let day: Day = "2026-06-01"
        var live = LiveValidation(Fixtures.accountBasedMarketing, on: day)
        let squad = try #require(live.organization.squads.first { $0.stage != .dissolved })
        let member = try #require(squad.memberships.keys.sorted().first)
        #expect(throws: OrganizationError.self) {
            try live.update { (organization) throws(OrganizationError) in
                try organization.release(member, from: squad.id)
                try organization.release("nobody", from: squad.id)
            }
        }
        #expect(live.organization.squad(squad.id)?.memberships[member] == nil)
        #expect(live.report == live.organization.validate(on: day))
    }

    @Test("a refused change leaves the organisation, the report and the counts as they were")
    func refused() throws {
        var live = LiveValidation(Fixtures.operatingRoom, on: "2026-06-01")
        let report = live.report
        let counts: [Int] = [live.errorCount, live.warningCount, live.noteCount]
        let ghost = Specialist(id: "ghost", name: "Ghost", department: "nowhere")
        #expect(throws: OrganizationError.self) { try live.apply(OrganizationChange(.removeSpecialist(ghost))) }
        #expect(live.organization == Fixtures.operatingRoom)
        #expect(live.report == report)
        let after: [Int] = [live.errorCount, live.warningCount, live.noteCount]
        #expect(after == counts)
    }
}
