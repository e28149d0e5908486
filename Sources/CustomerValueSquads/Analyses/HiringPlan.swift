/// Whom the organisation must hire: the open seats no one inside can fill, and the capacity the departments must
/// hire back to keep their floors while a rollout drains them — each dated, costed and summed.
///
/// Made by ``Organization/hiringPlan(rollout:floors:)``.
public struct HiringPlan: Sendable, Hashable, Codable {
    /// Why a hire is needed.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// An open seat that no specialist inside can fill.
        case seat
        /// Capacity a department must hire back to keep its floor.
        case backfill
    }

    /// One hire.
    public struct Hire: Sendable, Hashable, Codable {
        /// Why it is needed.
        public var reason: Reason
        /// For a seat: the squad.
        public var squad: CustomerValueSquad.ID?
        /// For a seat: the seat.
        public var seat: Seat.ID?
        /// For a backfill: the step of the rollout that drains the department (`"before the rollout"`, `"pilot"` or
        /// a batch's name); `nil` without a rollout.
        public var step: String?
        /// The department the hire joins: the seat's, or the drained one; `nil` for a seat of no department.
        public var department: Department.ID?
        /// For a seat: its role.
        public var role: Role?
        /// For a seat: the skills it needs, sorted.
        public var skills: [Skill]
        /// The full-time equivalents: the seat's share, or what the department must hire back.
        public var fte: Double
        /// The people to hire: one for a seat, the full-time equivalents rounded up for a backfill.
        public var headcount: Int
        /// When the hire is needed: the seat's day, or the day the batch starts; `nil` when no day is known.
        public var day: Day?
        /// What one full-time equivalent costs: the seat's own cost, or its department's; `nil` when neither is
        /// known.
        public var costPerFTE: Double?

        /// The hire's cost, ``fte`` times ``costPerFTE``; `nil` when the rate is not known.
        public var cost: Double? { costPerFTE.map { $0 * fte } }

        /// Creates a hire.
        public init(
            reason: Reason, squad: CustomerValueSquad.ID? = nil, seat: Seat.ID? = nil, step: String? = nil,
            department: Department.ID?, role: Role? = nil, skills: [Skill] = [], fte: Double, headcount: Int,
            day: Day?, costPerFTE: Double?
        ) {
            self.reason = reason
            self.squad = squad
            self.seat = seat
            self.step = step
            self.department = department
            self.role = role
            self.skills = skills
            self.fte = fte
            self.headcount = headcount
            self.day = day
            self.costPerFTE = costPerFTE
        }
    }

    /// An open seat a specialist inside can fill, and who.
    public struct InsideFill: Sendable, Hashable, Codable {
        /// The squad.
        public var squad: CustomerValueSquad.ID
        /// The seat.
        public var seat: Seat.ID
        /// The specialist the plan counts on: the best candidate when the seat's turn came.
        public var specialist: Specialist.ID

        /// Creates a fill.
        public init(squad: CustomerValueSquad.ID, seat: Seat.ID, specialist: Specialist.ID) {
            self.squad = squad
            self.seat = seat
            self.specialist = specialist
        }
    }

    /// Hires summed under one key: a quarter, a department or a skill.
    public struct Total: Sendable, Hashable, Codable {
        /// The key: `2026-Q2` (or `unscheduled`), a department's identifier (or `none`), or a skill.
        public var key: String
        /// The people to hire.
        public var headcount: Int
        /// The full-time equivalents.
        public var fte: Double
        /// The cost of the hires whose rate is known.
        public var cost: Double
        /// How many of the hires have no known rate, and so are not in ``cost``.
        public var uncosted: Int

        /// Creates a total.
        public init(key: String, headcount: Int = 0, fte: Double = 0, cost: Double = 0, uncosted: Int = 0) {
            self.key = key
            self.headcount = headcount
            self.fte = fte
            self.cost = cost
            self.uncosted = uncosted
        }

        /// Adds `hire` to the total.
        mutating func add(_ hire: Hire) {
            headcount += hire.headcount
            fte += hire.fte
            if let cost = hire.cost { self.cost += cost } else { uncosted += 1 }
        }
    }

    /// The hires: the seats in the order their turn came (by day, then squad, then seat), then the backfills by
    /// step and department.
    public var hires: [Hire]
    /// The open seats a specialist inside can fill, in the order their turn came.
    public var filledInside: [InsideFill]
    /// The hires by the quarter of their day (`2026-Q2`), in order, with the undated last as `unscheduled`.
    public var byQuarter: [Total]
    /// The hires by department, sorted by identifier, with those of no department last as `none`.
    public var byDepartment: [Total]
    /// The seat hires by each skill they need, sorted by skill; a hire needing two skills counts under both, and
    /// backfills, which replace capacity rather than a skill, are not here.
    public var bySkill: [Total]
    /// Every hire.
    public var total: Total

    /// Creates a plan from its hires and inside fills, summing them.
    public init(hires: [Hire], filledInside: [InsideFill]) {
        self.hires = hires
        self.filledInside = filledInside
        var quarters: [String: Total] = [:]
        var departments: [String: Total] = [:]
        var skills: [String: Total] = [:]
        var total = Total(key: "total")
        for hire in hires {
            let quarter = Self.quarter(of: hire.day)
            quarters[quarter, default: Total(key: quarter)].add(hire)
            let department = hire.department?.rawValue ?? "none"
            departments[department, default: Total(key: department)].add(hire)
            for skill in hire.skills { skills[skill.rawValue, default: Total(key: skill.rawValue)].add(hire) }
            total.add(hire)
        }
        func ordered(_ totals: [String: Total], last: String) -> [Total] {
            totals.values.sorted { lhs, rhs in
                lhs.key == last ? false : rhs.key == last ? true : lhs.key < rhs.key
            }
        }
        byQuarter = ordered(quarters, last: "unscheduled")
        byDepartment = ordered(departments, last: "none")
        bySkill = ordered(skills, last: "")
        self.total = total
    }

    /// The quarter of a day, `2026-Q2`, or `unscheduled` for none.
    static func quarter(of day: Day?) -> String {
        day.map { "\($0.year)-Q\(($0.month - 1) / 3 + 1)" } ?? "unscheduled"
    }
}

extension Organization {
    /// The hiring plan: every open seat no specialist inside can fill, and — with a rollout plan — the capacity
    /// each department must hire back to keep its floor as the pilot and each batch drain it.
    ///
    /// The seats of the squads that are not dissolved take their turn by day, then squad, then seat; each goes to
    /// its best candidate (``StaffingPool/candidates(for:in:limit:)``) with the time of the earlier turns counted
    /// as taken, and becomes a hire when there is none: one person for the seat's share, costed at the seat's own
    /// cost per FTE or its department's, dated by the seat's day. A backfill is what a step of the rollout adds to a
    /// department's ``SiloCapacity/backfill`` (the ``DrainLedger``'s figure), dated by the batch's
    /// ``RolloutPlan/Batch/start``, costed at the department's cost per FTE; without a rollout, what each department
    /// already needs to keep its floor.
    ///
    /// - Parameters:
    ///   - plan: The rollout whose steps drain the departments; `nil` for none.
    ///   - floors: Floors that differ from the departments' own, as for ``RolloutPlan/drainLedger(in:floors:)``.
    /// - Throws: What ``RolloutPlan/drainLedger(in:floors:)`` throws for a floor out of range or of an unknown
    ///   department.
    /// - Complexity: O(*s* log *s* + *n* · (*v* · *k* + *c*) + *b* · *d*), where *s* counts the (specialist, skill)
    ///   pairs ranked once, *n* the open seats, *v* the candidates visited per seat, *k* a seat's skills, *c* the
    ///   holders of a booked candidate's skills, *b* the steps of the rollout and *d* the departments.
    public func hiringPlan(rollout plan: RolloutPlan? = nil, floors: [Department.ID: Double] = [:])
        throws(OrganizationError) -> HiringPlan
    {
        var seats: [(squad: CustomerValueSquad.ID, seat: Seat)] = []
        for squad in squadsByID.values where squad.stage != .dissolved {
            for seat in squad.seats { seats.append((squad.id, seat)) }
        }
        seats.sort { lhs, rhs in
            if lhs.seat.neededFrom != rhs.seat.neededFrom { return lhs.seat.neededFrom < rhs.seat.neededFrom }
            if lhs.squad != rhs.squad { return lhs.squad < rhs.squad }
            return lhs.seat.id < rhs.seat.id
        }
        var hires: [HiringPlan.Hire] = []
        var inside: [HiringPlan.InsideFill] = []
        if !seats.isEmpty {
            var pool = StaffingPool(self)
            for (squad, seat) in seats {
                if let best = pool.candidates(for: seat, in: squad, limit: 1).first {
                    pool.take(seat.share.percent, of: best.specialist)
                    inside.append(HiringPlan.InsideFill(squad: squad, seat: seat.id, specialist: best.specialist))
                    continue
                }
                hires.append(
                    HiringPlan.Hire(
                        reason: .seat, squad: squad, seat: seat.id, department: seat.department, role: seat.role,
                        skills: seat.skills.keys.sorted(), fte: Double(seat.share.percent) / 100, headcount: 1,
                        day: seat.neededFrom,
                        costPerFTE: seat.costPerFTE ?? seat.department.flatMap { departmentsByID[$0]?.costPerFTE }))
            }
        }
        func backfill(_ department: Department.ID, fte: Double, step: String?, day: Day?) {
            // Below a millionth of a person is rounding, not a hire.
            guard fte > 1e-6 else { return }
            hires.append(
                HiringPlan.Hire(
                    reason: .backfill, step: step, department: department, fte: fte,
                    headcount: Int((fte - 1e-6).rounded(.up)), day: day,
                    costPerFTE: departmentsByID[department]?.costPerFTE))
        }
        if let plan {
            let ledger = try plan.drainLedger(in: self, floors: floors)
            var previous: [Department.ID: Double] = [:]
            for (index, step) in ledger.steps.enumerated() {
                // Steps: before the rollout, the pilot, then one per batch.
                let day = index >= 2 ? plan.batches[index - 2].start : nil
                for silo in step.silos {
                    backfill(
                        silo.department, fte: silo.backfill - (previous[silo.department] ?? 0), step: step.name,
                        day: day)
                    previous[silo.department] = max(previous[silo.department] ?? 0, silo.backfill)
                }
            }
        } else {
            try RolloutPlan.checkFloors(floors, in: self)
            for department in departments {
                guard let capacity = siloCapacity(of: department.id) else { continue }
                let floor = floors[department.id] ?? department.capacityFloor
                let adjusted = SiloCapacity(
                    department: department.id, headcount: capacity.headcount,
                    pulledPercent: Int((capacity.ftePulled * 100).rounded()), floor: floor)
                backfill(department.id, fte: adjusted.backfill, step: nil, day: nil)
            }
        }
        return HiringPlan(hires: hires, filledInside: inside)
    }
}
