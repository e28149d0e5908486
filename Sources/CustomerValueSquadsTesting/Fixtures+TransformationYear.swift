extension Fixtures {
    /// A year of a transformation, dated day by day: a pilot, three break-fix cycles, then two batches of
    /// squads, as a baseline and its change log (see ``transformationYear``).
    public enum TransformationYear {
        /// The pilot squad, formed on 2026-01-12.
        public static let pilot: CustomerValueSquad.ID = "pilot"
        /// The squads of the first batch, formed on 2026-06-01.
        public static let firstBatch: [CustomerValueSquad.ID] = ["batch-1-a", "batch-1-b"]
        /// The squad of the second batch, formed on 2026-10-05.
        public static let secondBatch: [CustomerValueSquad.ID] = ["batch-2-a"]
        /// The pilot's outcome: repeat purchases, from 0 towards 20 %.
        public static let outcome: Outcome.ID = "repeat-purchases"

        /// The rollout plan the year follows: the pilot, then the two batches.
        public static var plan: RolloutPlan {
            trusted { () throws(OrganizationError) in
                try RolloutPlan(
                    startingArea: "Jakarta", pilot: pilot,
                    batches: [
                        RolloutPlan.Batch(name: "first batch", replicas: firstBatch),
                        RolloutPlan.Batch(name: "second batch", replicas: secondBatch),
                    ])
            }
        }
    }

    /// A company of four departments of five specialists each — sales (s1–s5, floor 50 %), marketing (m1–m5),
    /// analytics (a1–a5) and service (v1–v5) — before its transformation, and the dated changes of the year
    /// that follows:
    ///
    /// Each department is led by its first specialist (s1, m1, a1, v1). Every squad has a mission for the regulars of
    /// one area, a decision right, an owner (its first member), a review every two weeks and two-week cycles.
    ///
    /// - 2026-01-12: the pilot forms in Jakarta with s1, m1, a1, v1, s2 and m2, each at 40 %, answering for
    ///   repeat purchases (from 0 towards 20 %);
    /// - 2026-02-02: it starts piloting;
    /// - 2026-02-13, 2026-03-13, 2026-04-17: three two-week break-fix cycles, each ending with a check-in of
    ///   repeat purchases (5, 9 and 14 %);
    /// - 2026-05-04: the pilot operates;
    /// - 2026-06-01: the first batch forms two squads, in Bandung (s3, m3, a2, v2, s4, m4) and Surabaya (a3, v3,
    ///   s5, m5, a4, v4);
    /// - 2026-10-05: the second batch forms one squad in Medan of a5, v5, s1, m1, a1 and v1;
    /// - 2026-11-30: a last check-in of 18 %.
    ///
    /// Every change carries its day, so ``ChangeHistory`` takes the log as it is.
    public static var transformationYear: (baseline: Organization, changes: [OrganizationChange]) {
        typealias Ids = TransformationYear
        let departments: [(Department.ID, String, Skill, Character)] = [
            ("sales", "Sales", "selling", "s"), ("marketing", "Marketing", "marketing", "m"),
            ("analytics", "Analytics", .analytics, "a"), ("service", "Service", "customer care", "v"),
        ]
        var specialists: [Specialist] = []
        for (id, name, skill, initial) in departments {
            for index in 1...5 {
                let person = "\(initial)\(index)"
                specialists.append(
                    Specialist(
                        id: Specialist.ID(trusted: person), name: "\(name) \(index)", department: id,
                        skills: [skill: .proficient]))
            }
        }
        var organization = build(
            name: "Kopi Kita", goal: "Regulars come back every week",
            departments: departments.map {
                Department(
                    id: $0.0, name: $0.1, head: Specialist.ID(trusted: "\($0.3)1"),
                    capacityFloor: $0.0 == "sales" ? 0.5 : nil)
            },
            specialists: specialists, squads: [])
        let baseline = organization
        var log: [OrganizationChange] = []
        func on(_ day: String, _ reason: String, _ body: (inout Organization) throws(OrganizationError) -> Void) {
            log += trusted { () throws(OrganizationError) in
                try organization.record(reason: reason, on: Day(iso: day), body)
            }
        }
        func squad(
            _ id: CustomerValueSquad.ID, in area: String, _ members: [String], in organization: inout Organization
        )
            throws(OrganizationError)
        {
            try organization.formSquad(
                CustomerValueSquad(
                    id: id, name: "\(area) regulars",
                    mission: Mission(
                        statement: "Regulars in \(area) come back every week", valueArea: .geography(area),
                        customer: "regulars in \(area)",
                        goalContribution: "each area's regulars are the goal, area by area"),
                    decisionRights: ["offers": DecisionRight(scope: "choose the area's offers for regulars")],
                    accountability: Accountability(
                        outcomes: id == Ids.pilot
                            ? [Outcome(id: Ids.outcome, metric: "repeat purchases", unit: "%", baseline: 0, target: 20)]
                            : [],
                        owner: Specialist.ID(trusted: members[0]), reviewCadence: .biweekly),
                    cycleLength: .biweekly))
            for member in members {
                try organization.assign(Specialist.ID(trusted: member), to: id, role: "member", share: 40)
            }
        }
        on("2026-01-12", "pilot") { organization throws(OrganizationError) in
            try squad(Ids.pilot, in: "Jakarta", ["s1", "m1", "a1", "v1", "s2", "m2"], in: &organization)
        }
        on("2026-02-02", "the pilot starts") { organization throws(OrganizationError) in
            try organization.advance(Ids.pilot, to: .piloting)
        }
        for (start, end, value) in [
            ("2026-02-02", "2026-02-13", 5.0), ("2026-03-02", "2026-03-13", 9.0), ("2026-04-06", "2026-04-17", 14.0),
        ] {
            on(end, "break-fix cycle") { organization throws(OrganizationError) in
                try organization.recordCycle(
                    BreakFixCycle(
                        started: Day(iso: start), ended: Day(iso: end), tried: "a loyalty stamp", result: .worked),
                    for: Ids.pilot)
                try organization.checkIn(
                    Outcome.CheckIn(day: Day(iso: end), value: value), for: Ids.outcome, of: Ids.pilot)
            }
        }
        on("2026-05-04", "the pilot is proven") { organization throws(OrganizationError) in
            try organization.advance(Ids.pilot, to: .operating)
        }
        on("2026-06-01", "first batch") { organization throws(OrganizationError) in
            try squad(Ids.firstBatch[0], in: "Bandung", ["s3", "m3", "a2", "v2", "s4", "m4"], in: &organization)
            try squad(Ids.firstBatch[1], in: "Surabaya", ["a3", "v3", "s5", "m5", "a4", "v4"], in: &organization)
        }
        on("2026-10-05", "second batch") { organization throws(OrganizationError) in
            try squad(Ids.secondBatch[0], in: "Medan", ["a5", "v5", "s1", "m1", "a1", "v1"], in: &organization)
        }
        on("2026-11-30", "check-in") { organization throws(OrganizationError) in
            try organization.checkIn(Outcome.CheckIn(day: "2026-11-30", value: 18), for: Ids.outcome, of: Ids.pilot)
        }
        return (baseline, log)
    }
}
