import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

/// Full validation against a floor that touches the same data once.
func benchmarkValidation(_ organization: Organization, rounds: Int) -> Double {
    let squads = organization.squads
    var findings = 0
    // The floor and validation alternate round by round, so the machine's drift touches both alike.
    let (floor, validate) = bestAlternating(
        of: rounds,
        {
            // The floor: every membership — look up the specialist and their department, sum the shares.
            var total = 0
            var departments = 0
            for squad in squads {
                for (member, membership) in squad.memberships {
                    if let specialist = organization.specialist(member),
                        organization.department(specialist.department) != nil
                    {
                        departments += 1
                    }
                    total += membership.share.percent
                }
            }
            consume((total, departments))
        },
        {
            let report = organization.validate()
            findings = report.findings.count
            consume(report)
        }
    )
    let value = validate / floor
    print(
        "validation: validate \(format(validate)) (\(findings) findings), floor \(format(floor)), ratio \(ratio(value)) (target ≤ 2.5×)"
    )
    return value
}

/// The time of one single-member assignment, averaged over `count` assignments on a uniquely referenced value.
func assignmentTime(_ organization: Organization, count: Int) -> Double {
    var organization = organization
    // Pick pairs in advance: specialists with spare time and squads they are not in.
    let squads = organization.squads.filter { $0.stage != .dissolved }.map(\.id)
    let specialists = organization.specialists.map(\.id)
    var pairs: [(Specialist.ID, CustomerValueSquad.ID)] = []
    var random = SeededRandomNumberGenerator(seed: 7)
    var booked: [Specialist.ID: Int] = [:]
    while pairs.count < count {
        let specialist = specialists[Int.random(in: 0..<specialists.count, using: &random)]
        let squad = squads[Int.random(in: 0..<squads.count, using: &random)]
        let spare = organization.sparePercent(of: specialist) - booked[specialist, default: 0]
        guard spare >= 10, organization.squad(squad)?.memberships[specialist] == nil,
            !pairs.contains(where: { $0 == (specialist, squad) })
        else { continue }
        booked[specialist, default: 0] += 10
        pairs.append((specialist, squad))
    }
    // The caller still holds the organisation, so the first change copies its tables once (copy-on-write).
    // Make this copy unique with one untimed assignment, then time the rest on a uniquely referenced value.
    if let (specialist, squad) = pairs.first {
        try? organization.assign(specialist, to: squad, role: "member", share: 10)
    }
    let timed = Array(pairs.dropFirst())
    let start = ContinuousClock.now
    assignAll(timed, in: &organization)
    let elapsed = ContinuousClock.now - start
    consume(organization)
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / Double(timed.count)
}

/// The time of one assignment on a value that shares its storage with another copy (copy-on-write).
func sharedAssignmentTime(_ organization: Organization) -> Double {
    let squad = organization.squads.first { $0.stage != .dissolved }!.id
    let specialist = organization.specialists.first {
        organization.sparePercent(of: $0.id) >= 10 && organization.squad(squad)?.memberships[$0.id] == nil
    }!.id
    return best(of: 3) {
        var copy = organization  // shares storage with `organization`
        try? copy.assign(specialist, to: squad, role: "member", share: 10)
        consume(copy)
    }
}

/// The costs of gap analysis and staffing, per squad.
struct AnalysisTimes {
    /// `Organization.skillGaps(of:)` (the best 10 candidates per gap), asked of a value that has its ranking.
    var gaps: Double
    /// `Organization.proposeStaffing(for:)`, likewise.
    var staffing: Double
    /// The first round of one-off questions on a value without a ranking (which the first question makes), per
    /// squad: skill gaps, then staffing.
    var firstRound: Double
    /// Making a `StaffingPool` of the whole organisation, the first time for a value.
    var poolBuild: Double
    /// `StaffingPool.skillGaps(of:limit:)` with the best 10 candidates per gap.
    var poolGaps: Double
    /// `StaffingPool.proposeStaffing(for:)`.
    var poolStaffing: Double
}

/// A copy of `organization` that shares nothing cached with it: one assignment and its release later.
func uncachedCopy(of organization: Organization) -> Organization {
    var copy = organization
    guard let squad = organization.squads.first(where: { $0.stage != .dissolved }),
        let free = organization.specialists.first(where: {
            organization.sparePercent(of: $0.id) >= 10 && squad.memberships[$0.id] == nil
        })
    else { return copy }
    try? copy.assign(free.id, to: squad.id, role: "member", share: 10)
    try? copy.release(free.id, from: squad.id)
    return copy
}

/// Gap analysis and staffing for every squad's mission among the first `count` squads, per call: one-off calls
/// on the organisation, and questions to a pool made once.
func analysisTimes(_ organization: Organization, count: Int) -> AnalysisTimes {
    let squads = Array(organization.squads.filter { $0.stage != .dissolved }.prefix(count))
    let perSquad = Double(squads.count)
    // The first round pays for the ranking once: it is timed once, on a value that has none.
    let fresh = uncachedCopy(of: organization)
    let firstRound = best(of: 1) {
        for squad in squads {
            consume(try? fresh.skillGaps(of: squad.id))
            consume(fresh.proposeStaffing(for: squad.mission))
        }
    }
    let gaps = best(of: 3) {
        for squad in squads { consume(try? fresh.skillGaps(of: squad.id)) }
    }
    let staffing = best(of: 3) {
        for squad in squads { consume(fresh.proposeStaffing(for: squad.mission)) }
    }
    let unranked = uncachedCopy(of: organization)
    var pool = StaffingPool(organization)
    let poolBuild = best(of: 1) { pool = StaffingPool(unranked) }
    let poolGaps = best(of: 3) {
        for squad in squads { consume(try? pool.skillGaps(of: squad.id, limit: 10)) }
    }
    let poolStaffing = best(of: 3) {
        for squad in squads { consume(pool.proposeStaffing(for: squad.mission)) }
    }
    return AnalysisTimes(
        gaps: gaps / perSquad, staffing: staffing / perSquad, firstRound: firstRound / perSquad,
        poolBuild: poolBuild, poolGaps: poolGaps / perSquad, poolStaffing: poolStaffing / perSquad)
}

/// Times gap analysis and staffing at each size given and prints the figures and their scaling.
func reportAnalyses(_ organizations: [Size: Organization]) {
    var analyses: [Size: AnalysisTimes] = [:]
    for size in Size.allCases {
        guard let organization = organizations[size] else { continue }
        let times = analysisTimes(organization, count: 50)
        analyses[size] = times
        print(
            "[\(size.rawValue)] per squad, one-off calls on the organisation: skill gaps (best 10) "
                + "\(format(times.gaps)), staffing \(format(times.staffing)); the first round of \(50) squads, which "
                + "ranks everyone once, \(format(times.firstRound)) per squad for both; from a pool made in "
                + "\(format(times.poolBuild)) (uncached value, ranking included): skill gaps (best 10) "
                + "\(format(times.poolGaps)), staffing \(format(times.poolStaffing))"
        )
    }
    // The silo network: linear in memberships.
    var networks: [Size: Double] = [:]
    for size in Size.allCases {
        guard let organization = organizations[size] else { continue }
        networks[size] = best(of: 3) { consume(organization.siloNetwork()) }
        let links = organization.siloNetwork().links.count
        print("[\(size.rawValue)] silo network: \(format(networks[size]!)), \(links) links")
    }
    if let small = networks[.small], let large = networks[.large] {
        // The links grow with the pairs of departments squads draw from together: 190 of 20 departments at the
        // small size (every pair), hundreds of thousands of 2 000 at the large.
        print("silo network scaling for a 100× organisation: \(ratio(large / small)) (memberships 100×, links more)")
    }
    // The transformation over time: a year of dated changes, a month at a time.
    var timelines: [Size: Double] = [:]
    for size in Size.allCases {
        guard let organization = organizations[size] else { continue }
        let log = datedLog(for: organization, changes: 1_200)
        var made: ChangeHistory?
        let history = best(of: 3) { made = try? ChangeHistory(baseline: organization, changes: log) }
        guard let made else { fatalError("the benchmark's dated log does not apply") }
        timelines[size] = best(of: 3) { consume(made.timeline(every: .month, policy: nil)) }
        let weekly = best(of: 3) { consume(made.timeline(every: .week, policy: nil)) }
        let withFindings = best(of: 1) { consume(made.timeline(every: .month)) }
        let day = best(of: 3) { consume(made.organization(on: "2026-07-01")) }
        print(
            "[\(size.rawValue)] a year of \(log.count) dated changes: history checked in \(format(history)); timeline by "
                + "month \(format(timelines[size]!)), by week \(format(weekly)), by month with findings "
                + "\(format(withFindings)); the organisation on a day \(format(day))")
    }
    if let small = timelines[.small], let large = timelines[.large] {
        print("timeline (by month, no findings) scaling for a 100× organisation: \(ratio(large / small))")
    }
    if let small = analyses[.small], let large = analyses[.large] {
        print(
            "analysis scaling for a 100× organisation, per squad from a pool: skill gaps "
                + "\(ratio(large.poolGaps / small.poolGaps)), staffing \(ratio(large.poolStaffing / small.poolStaffing)) "
                + "(target ≤ 3×); one-off calls on the organisation: skill gaps \(ratio(large.gaps / small.gaps)), "
                + "staffing \(ratio(large.staffing / small.staffing)) (target ≤ 3×); the first round of one-off calls, "
                + "ranking included: \(ratio(large.firstRound / small.firstRound))"
        )
    }
}

/// The timed loop of the assignment benchmark, kept in its own function so profilers can single it out.
@inline(never)
func assignAll(_ pairs: [(Specialist.ID, CustomerValueSquad.ID)], in organization: inout Organization) {
    for (specialist, squad) in pairs {
        try? organization.assign(specialist, to: squad, role: "member", share: 10)
    }
}

/// A year of dated changes to `organization`: squads renamed and moved through their stages in turn, spread
/// evenly over 2026 — built directly as changes, so making the log costs nothing measured.
func datedLog(for organization: Organization, changes count: Int) -> [OrganizationChange] {
    var squads = organization.squads.filter { $0.stage != .dissolved }
    let stages: [CustomerValueSquad.Stage] = [.forming, .piloting, .operating, .replicating]
    var log: [OrganizationChange] = []
    guard let start = try? Day(iso: "2026-01-01"), !squads.isEmpty else { return [] }
    for index in 0..<count {
        let slot = index % squads.count
        var squad = squads[slot]
        squad.name += " ·"
        squad.stage = stages[((stages.firstIndex(of: squad.stage) ?? 0) + 1) % stages.count]
        let day = (try? start.adding(days: index * 365 / count)) ?? start
        log.append(OrganizationChange(.updateSquad(from: squads[slot], to: squad), day: day))
        squads[slot] = squad
    }
    return log
}
