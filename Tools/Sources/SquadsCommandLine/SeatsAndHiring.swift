import CustomerValueSquads
import Foundation

/// How `squads hiring-plan` writes the plan.
public enum HiringPlanFormat: String, CaseIterable, Sendable {
    /// Text for people.
    case text
    /// CSV for spreadsheets: one row per hire.
    case csv
    /// JSON for scripts.
    case json
}

extension Commands {
    /// The hiring plan of `organization`, with the rollout plan at `planPath` and `--floor` texts.
    ///
    /// - Throws: ``InputError`` for a plan that cannot be read, a floor that is not `department=share`, or one of a
    ///   department the organisation does not have.
    public static func hiringPlan(_ organization: Organization, plan planPath: String?, floors texts: [String])
        throws(InputError) -> HiringPlan
    {
        let floors = try floors(texts)
        for department in floors.keys.sorted() where organization.department(department) == nil {
            throw InputError(
                "--floor: there is no department \(department)"
                    + Input.suggestion(for: department.rawValue, among: organization.departments.map(\.id.rawValue)))
        }
        let plan = try planPath.map { path throws(InputError) in try Input.rolloutPlan(atPath: path) }
        do {
            return try organization.hiringPlan(rollout: plan, floors: floors)
        } catch {
            throw InputError("--floor: \(error.message)")
        }
    }

    /// `squads hiring-plan`: the hires as text, CSV or JSON.
    public static func hiringPlan(_ plan: HiringPlan, format: HiringPlanFormat) throws(InputError) -> String {
        switch format {
        case .json: return try json(plan)
        case .csv: return plan.csv()
        case .text: break
        }
        func money(_ total: HiringPlan.Total) -> String {
            if total.uncosted > 0 && total.cost == 0 { return "no cost rate known" }
            let cost = "cost \(amount(total.cost))"
            return total.uncosted == 0 ? cost : "\(cost) (\(Text.counted(total.uncosted, "hire")) without a rate)"
        }
        func line(_ total: HiringPlan.Total) -> String {
            "- \(total.key): \(people(total.headcount)), \(amount(total.fte)) FTE, \(money(total))"
        }
        var text = [
            "## Hiring plan", "",
            "\(people(plan.total.headcount)) to hire, \(amount(plan.total.fte)) FTE, " + money(plan.total),
        ]
        if !plan.filledInside.isEmpty {
            text.append(
                "filled from inside: "
                    + plan.filledInside.map { "\($0.squad)/\($0.seat) by \($0.specialist)" }.joined(separator: ", "))
        }
        guard !plan.hires.isEmpty else {
            text.append("")
            text.append("No one to hire: every open seat has someone inside, and every floor is kept.")
            return text.joined(separator: "\n") + "\n"
        }
        text += ["", "### By quarter"] + plan.byQuarter.map(line)
        text += ["", "### By department"] + plan.byDepartment.map(line)
        if !plan.bySkill.isEmpty { text += ["", "### By skill"] + plan.bySkill.map(line) }
        text += ["", "### Hires"]
        for hire in plan.hires {
            let day = hire.day?.description ?? "unscheduled"
            let cost = hire.cost.map { "cost \(amount($0))" } ?? "no rate"
            switch hire.reason {
            case .seat:
                let skills = hire.skills.isEmpty ? "" : "; " + hire.skills.map(\.rawValue).joined(separator: ", ")
                text.append(
                    "- \(day) seat \(hire.squad?.rawValue ?? "")/\(hire.seat?.rawValue ?? "") "
                        + "(\(hire.role?.rawValue ?? "")\(skills)) in \(hire.department?.rawValue ?? "any department")"
                        + ": \(amount(hire.fte)) FTE, \(cost)")
            case .backfill:
                let step = hire.step.map { " after \($0)" } ?? ""
                text.append(
                    "- \(day) backfill \(hire.department?.rawValue ?? "")\(step): \(amount(hire.fte)) FTE "
                        + "(\(people(hire.headcount))), \(cost)")
            }
        }
        return text.joined(separator: "\n") + "\n"
    }

    /// `squads seats`: each squad's open seats, with their best candidates from inside.
    ///
    /// - Throws: ``InputError`` for a squad that does not exist.
    public static func seats(
        _ organization: Organization, squad: CustomerValueSquad.ID? = nil, candidates limit: Int = 3,
        format: OutputFormat = .text
    ) throws(InputError) -> String {
        if let squad, organization.squad(squad) == nil {
            throw InputError(
                "there is no squad \(squad)"
                    + Input.suggestion(for: squad.rawValue, among: organization.squads.map(\.id.rawValue)))
        }
        let pool = StaffingPool(organization)
        let squads = organization.squads.filter { ($0.id == squad || squad == nil) && $0.stage != .dissolved }
        let open = squads.flatMap { squad in
            squad.seats.map { seat in
                OpenSeat(
                    squad: squad.id, seat: seat, candidates: pool.candidates(for: seat, in: squad.id, limit: limit))
            }
        }
        if format == .json { return try json(open) }
        var text = ["## Open seats", ""]
        guard !open.isEmpty else {
            text.append("No open seats: open one with `squads change ORG open-seat`.")
            return text.joined(separator: "\n") + "\n"
        }
        for entry in open {
            let seat = entry.seat
            let skills = seat.skills.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            text.append(
                "- \(entry.squad)/\(seat.id): \(seat.role), \(seat.share) from \(seat.neededFrom)"
                    + (skills.isEmpty ? "" : "; needs " + skills.joined(separator: ", "))
                    + (seat.department.map { " in \($0)" } ?? "") + (seat.note.isEmpty ? "" : " — \(seat.note)"))
            if entry.candidates.isEmpty {
                text.append("  no one inside has the skills and the time: a hire (squads hiring-plan)")
            } else {
                text.append(
                    "  candidates: "
                        + entry.candidates.map { "\($0.specialist) (\($0.department), \($0.sparePercent)% free)" }
                        .joined(separator: ", "))
            }
        }
        return text.joined(separator: "\n") + "\n"
    }

    /// An open seat with its best candidates, as `squads seats --format json` writes it.
    struct OpenSeat: Encodable {
        var squad: CustomerValueSquad.ID
        var seat: Seat
        var candidates: [SeatCandidate]
    }

    /// `1 person`, `2 people`.
    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }

    /// A figure for people: whole numbers as they are, others with two decimals.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
