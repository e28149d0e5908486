import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

@Suite("The transformation over time")
struct TimelineTests {
    typealias Year = Fixtures.TransformationYear

    static func history() throws -> ChangeHistory {
        let (baseline, changes) = Fixtures.transformationYear
        return try ChangeHistory(baseline: baseline, changes: changes)
    }

    @Test("the organisation on a day between two changes: after the first cycle, before the second")
    func organizationOnADay() throws {
        let history = try Self.history()
        let march = history.organization(on: "2026-03-01")
        let pilot = try #require(march.squad(Year.pilot))
        #expect(pilot.stage == .piloting && pilot.cycles.count == 1)
        #expect(pilot.accountability.outcome(Year.outcome)?.checkIns.map(\.value) == [5])
        #expect(march.squad(Year.firstBatch[0]) == nil)
        #expect(history.organization(on: "2026-01-11") == history.baseline)
        #expect(history.firstDay == "2026-01-12" && history.lastDay == "2026-11-30")
    }

    @Test("the organisation on the log's last day is the whole log applied", arguments: [0, 3, 7, 11])
    func lastDayIsTheWholeLog(prefix: Int) throws {
        let (baseline, changes) = Fixtures.transformationYear
        let log = Array(changes.prefix(prefix + 1))
        let history = try ChangeHistory(baseline: baseline, changes: log)
        #expect(history.organization(on: try #require(log.last?.day)) == (try baseline.applying(log)))
    }

    @Test("a month's figures, counted by hand")
    func periodFigures() throws {
        let timeline = try Self.history().timeline(every: .month, plan: Year.plan)
        // January to November 2026.
        #expect(timeline.periods.count == 11)
        #expect(timeline.periods.first?.start == "2026-01-01" && timeline.periods.last?.end == "2026-11-30")
        let january = timeline.periods[0]
        #expect(january.changes == 1 && january.headcount == 20)
        #expect(abs(january.fteInSquads - 2.4) < 1e-9 && abs(january.shareInSquads - 0.12) < 1e-9)
        #expect(january.markers == ["pilot"])
        // Sales gives s1 and s2 at 40 % each in January: 0.8 of 5 FTE, 84 % retained against its floor of 50 %.
        let sales = try #require(january.silos.first { $0.department == "sales" })
        #expect(abs(sales.retained - 0.84) < 1e-9 && sales.floor == 0.5)
        // June: the first batch forms two squads, 7.2 FTE in squads.
        let june = timeline.periods[5]
        #expect(june.markers == ["first batch"] && abs(june.fteInSquads - 7.2) < 1e-9)
        #expect(june.squadsByStage[.forming] == 2 && june.squadsByStage[.operating] == 1)
        // October: the second batch, 9.6 FTE; no changes in July, August and September.
        #expect(timeline.periods[9].markers == ["second batch"] && abs(timeline.periods[9].fteInSquads - 9.6) < 1e-9)
        #expect(timeline.periods[6...8].allSatisfy { $0.changes == 0 && $0.markers.isEmpty })
        // The pilot's outcome: 14 of 20 after April, 18 of 20 at the end — its weight is the whole score.
        #expect(timeline.periods[3].weightedScore.map { abs($0 - 0.7) < 1e-9 } == true)
        #expect(timeline.periods[10].weightedScore.map { abs($0 - 0.9) < 1e-9 } == true)
        #expect(timeline.periods.allSatisfy { $0.findings.values.reduce(0, +) >= 0 })
    }

    @Test("layers and escalation per period follow the organisation on each period's last day, once lines exist")
    func reportingLinesOverTime() throws {
        let (baseline, changes) = Fixtures.transformationYear
        // Mid-year two lines are drawn: each period from then on has them, those before have none.
        var staffed = try baseline.applying(changes.filter { ($0.day ?? "2026-01-01") < "2026-05-01" })
        let managed = Array(staffed.specialists.prefix(3)).map(\.id)
        let lines = try staffed.record(reason: "lines", on: "2026-05-10") {
            try $0.setManager(managed[0], for: managed[1])
            try $0.setManager(managed[1], for: managed[2])
        }
        let log = (changes + lines).sorted { ($0.day ?? "2026-01-01") < ($1.day ?? "2026-01-01") }
        let history = try ChangeHistory(baseline: baseline, changes: log)
        let timeline = history.timeline(every: .month, policy: nil)
        #expect(timeline.periods.count == 11)
        for period in timeline.periods {
            let organization = history.organization(on: period.end)
            if period.end < "2026-05-10" {
                #expect(period.layers == nil && period.escalationSaved == nil, "\(period.end)")
            } else {
                let distances = organization.decisionDistances()
                #expect(period.layers == 3, "\(period.end)")
                #expect(period.layers == organization.reportingLines().layers)
                #expect(period.escalationSaved == distances.totalSaved, "\(period.end)")
                #expect(period.escalationTravelling == distances.totalTravelling, "\(period.end)")
            }
        }
    }

    @Test("open seats per period follow the organisation on each period's last day; days to fill by hand")
    func seatsOverTime() throws {
        let (baseline, changes) = Fixtures.transformationYear
        var march = try baseline.applying(changes.filter { ($0.day ?? "2026-01-01") < "2026-03-01" })
        let squad = try #require(march.squads.first { $0.stage != .dissolved }).id
        // Two seats opened in March (on the 2nd and the 10th); the first filled on 1 April (30 days), the second
        // on 20 May (71 days); a third opened in June stays open.
        var seatChanges = try march.record(reason: "seat", on: "2026-03-02") {
            try $0.openSeat(Seat(id: "a", role: "analyst", share: 10, neededFrom: "2026-03-15"), in: squad)
        }
        seatChanges += try march.record(reason: "seat", on: "2026-03-10") {
            try $0.openSeat(Seat(id: "b", role: "planner", share: 10, neededFrom: "2026-04-01"), in: squad)
        }
        let free = march.specialists.filter {
            march.sparePercent(of: $0.id) >= 40 && march.squad(squad)?.memberships[$0.id] == nil
        }
        .map(\.id)
        seatChanges += try march.record(reason: "fill", on: "2026-04-01") {
            try $0.fillSeat("a", in: squad, with: free[0])
        }
        seatChanges += try march.record(reason: "fill", on: "2026-05-20") {
            try $0.fillSeat("b", in: squad, with: free[1])
        }
        seatChanges += try march.record(reason: "seat", on: "2026-06-03") {
            try $0.openSeat(Seat(id: "c", role: "designer", share: 10, neededFrom: "2026-07-01"), in: squad)
        }
        let log = (changes.filter { ($0.day ?? "2026-01-01") < "2026-03-01" } + seatChanges)
        let history = try ChangeHistory(baseline: baseline, changes: log)
        let timeline = history.timeline(every: .month, policy: nil)
        for period in timeline.periods {
            let organization = history.organization(on: period.end)
            let open = organization.squads.filter { $0.stage != .dissolved }.reduce(0) { $0 + $1.seats.count }
            #expect(period.openSeats == open, "\(period.end)")
        }
        let byMonth = Dictionary(uniqueKeysWithValues: timeline.periods.map { ($0.start.month, $0) })
        #expect(byMonth[3]?.openSeats == 2 && byMonth[4]?.openSeats == 1 && byMonth[6]?.openSeats == 1)
        #expect(byMonth[3]?.medianDaysToFill == nil)
        #expect(byMonth[4]?.medianDaysToFill == 30 && byMonth[5]?.medianDaysToFill == 71)
        #expect(byMonth[6]?.medianDaysToFill == nil)
    }

    @Test("quarters and weeks cut the same year into 4 and 47 periods")
    func steps() throws {
        let history = try Self.history()
        #expect(
            history.timeline(every: .quarter).periods.map(\.start) == [
                "2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01",
            ])
        let weeks = history.timeline(every: .week).periods
        #expect(
            weeks.count == 47 && weeks.first?.start == "2026-01-12"
                && weeks.allSatisfy { (try? $0.start.adding(days: 6)) == $0.end })
        #expect(weeks.reduce(0) { $0 + $1.changes } == history.changes.count)
    }

    @Test("a log without days, or with days that go back, is refused with the change's position")
    func refusals() throws {
        let (baseline, changes) = Fixtures.transformationYear
        var undated = changes
        undated[2].day = nil
        #expect {
            try ChangeHistory(baseline: baseline, changes: undated)
        } throws: { error in
            (error as? OrganizationError)?.path == ["changes", "2"]
                && (error as? OrganizationError)?.message.contains("has no day") == true
        }
        var backwards = changes
        backwards.swapAt(3, 4)
        #expect {
            try ChangeHistory(baseline: baseline, changes: backwards)
        } throws: { error in
            (error as? OrganizationError)?.path == ["changes", "4"]
        }
        #expect(throws: OrganizationError.self) {
            try ChangeHistory(baseline: baseline, changes: changes + [changes[0]])
        }
        #expect(try ChangeHistory(baseline: baseline, changes: []).timeline().periods.isEmpty)
    }

    /// A random dated log: seeded random transformations, each recorded on a day 0 to 9 days after the last.
    static func randomLog(seed: UInt64, steps: Int) -> (Organization, [OrganizationChange], Organization) {
        let baseline = OrganizationGenerator(
            seed: seed, shape: .init(specialists: 30, departments: 4, dataAssets: 6, squads: 4)
        ).generate()
        var organization = baseline
        var draws = RandomTransformations(seed: seed)
        var day: Day = "2026-01-01"
        var log: [OrganizationChange] = []
        for step in 0..<steps {
            let (name, transformation) = draws.next(for: organization, counter: step)
            day = (try? day.adding(days: draws.int(0..<10))) ?? day
            if let changes = try? organization.record(reason: name, on: day, transformation) {
                log += changes
            }
        }
        return (baseline, log, organization)
    }

    @Test("on random dated logs, the last day is the whole log, and every period's figures are its day's")
    func randomLogs() throws {
        var changes = 0
        for seed: UInt64 in 0..<40 {
            let (baseline, log, final) = Self.randomLog(seed: seed, steps: 60)
            let history = try ChangeHistory(baseline: baseline, changes: log)
            changes += log.count
            if let last = history.lastDay { #expect(history.organization(on: last) == final, "seed \(seed)") }
            for step in Timeline.Step.allCases {
                for period in history.timeline(every: step, policy: nil).periods {
                    let organization = history.organization(on: period.end)
                    let booked = organization.specialists.reduce(0) { $0 + organization.bookedPercent(of: $1.id) }
                    #expect(abs(period.fteInSquads - Double(booked) / 100) < 1e-9, "seed \(seed) \(period.end)")
                    #expect(period.headcount == organization.specialistCount)
                    for silo in period.silos {
                        let capacity = try #require(organization.siloCapacity(of: silo.department))
                        #expect(abs(silo.retained - capacity.shareRetained) < 1e-9, "seed \(seed) \(silo.department)")
                        #expect(silo.floor == capacity.floor)
                    }
                    #expect(period.silos.map(\.department) == organization.departments.map(\.id))
                    for stage in CustomerValueSquad.Stage.allCases {
                        #expect(period.squadsByStage[stage] == organization.squads.count { $0.stage == stage })
                    }
                    let expected = organization.scores().weightedScore
                    #expect(
                        (period.weightedScore == nil) == (expected == nil)
                            && abs((period.weightedScore ?? 0) - (expected ?? 0)) < 1e-9, "seed \(seed) \(period.end)")
                    #expect(period.findings.isEmpty)
                }
            }
        }
        #expect(changes > 200)
    }

    @Test("findings by severity are those of a validation on the period's last day")
    func findings() throws {
        let history = try Self.history()
        for period in history.timeline(every: .quarter).periods {
            let report = history.organization(on: period.end).validate(on: period.end)
            #expect(
                period.findings == [.error: report.errorCount, .warning: report.warningCount, .note: report.noteCount])
        }
    }
}
