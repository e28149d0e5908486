import CustomerValueSquads
import Foundation

/// What `squads diff` prints as JSON: the changes and the impact.
struct Difference: Encodable {
    var changes: [OrganizationChange]
    var impact: Impact
}

extension Commands {
    /// `squads diff`: the changes that turn `before` into `after`, and the impact of `after` against `before`.
    public static func diff(
        _ before: Organization, _ after: Organization, format: OutputFormat = .text, on day: Day? = nil
    ) throws(InputError) -> String {
        let changes = after.changes(from: before)
        let impact = after.impact(comparedTo: before, on: day)
        if format == .json { return try json(Difference(changes: changes, impact: impact)) }
        var lines = ["## Changes", ""]
        if changes.isEmpty { lines.append("none: the two organisations are the same") }
        for (index, change) in changes.enumerated() {
            lines.append("\(index + 1). \(change.action.kind) \(subject(of: change))")
        }
        lines += ["", "## Departments (FTE pulled into squads → left at home)", ""]
        for department in impact.departments
        where department.ftePulled.before != department.ftePulled.after
            || department.headcount.before != department.headcount.after
        {
            lines.append(
                "- \(department.department): headcount \(pair(department.headcount)), pulled "
                    + "\(pair(department.ftePulled)), at home \(pair(department.fteAtHome)), retained "
                    + "\(pair(department.shareRetained, percent: true)), staff per head "
                    + pair(department.staffPerHead))
        }
        lines += ["", "## Squads", ""]
        for squad in impact.squads
        where squad.size.before != squad.size.after || squad.stage.before != squad.stage.after
            || squad.uncoveredSkills.before != squad.uncoveredSkills.after
            || squad.departmentsSpanned.before != squad.departmentsSpanned.after
        {
            lines.append(
                "- \(squad.squad): stage \(pair(squad.stage.before?.rawValue, squad.stage.after?.rawValue)), "
                    + "size \(pair(squad.size)), departments \(pair(squad.departmentsSpanned))"
                    + (squad.uncoveredSkills.before == squad.uncoveredSkills.after
                        ? ""
                        : ", skills uncovered \(pair(list(squad.uncoveredSkills.before), list(squad.uncoveredSkills.after)))")
            )
        }
        // Without reporting lines there is nothing to climb: the section appears once someone names a manager.
        if before.hasReportingLines || after.hasReportingLines {
            lines += [
                "", "## Decision distance", "",
                "- decision rights save \(pair(impact.escalationSaved)) layers of escalation",
                "- decisions of squads without rights travel \(pair(impact.escalationTravelling)) layers",
            ]
        }
        // Without open seats there is nothing to hire for them: the section appears once a squad has one.
        if impact.openSeats.before ?? 0 > 0 || impact.openSeats.after ?? 0 > 0 {
            let (was, will): (HiringPlan.Total?, HiringPlan.Total?) = (impact.hiring.before, impact.hiring.after)
            let people: String = pair(BeforeAfter(before: was?.headcount, after: will?.headcount))
            let fte: String = pair(was.map { amount($0.fte) }, will.map { amount($0.fte) })
            let cost: String = pair(was.map { amount($0.cost) }, will.map { amount($0.cost) })
            let seats: String =
                "- open seats \(pair(impact.openSeats)): \(impact.seatsOpened) opened, \(impact.seatsFilled) "
                + "filled, \(impact.seatsClosed) closed"
            lines += ["", "## Seats and hiring", "", seats, "- to hire \(people) people, \(fte) FTE, cost \(cost)"]
        }
        lines += ["", "## Findings", ""]
        for finding in impact.newFindings {
            lines.append("+ \(finding.severity.rawValue) \(finding.code) \(finding.subject): \(finding.message)")
        }
        for finding in impact.resolvedFindings {
            lines.append("- \(finding.severity.rawValue) \(finding.code) \(finding.subject): \(finding.message)")
        }
        if impact.newFindings.isEmpty && impact.resolvedFindings.isEmpty { lines.append("no finding appears or goes") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `squads apply`: the organisation with a change log applied, as a JSON document.
    ///
    /// - Throws: ``InputError`` naming the change log, the refused change's position and the reason.
    public static func apply(_ changes: [OrganizationChange], to organization: Organization, log: String)
        throws(InputError) -> Data
    {
        do {
            let projected = try Scenario(name: log, changes: changes).projection(of: organization)
            return try projected.jsonData()
        } catch let error as OrganizationError {
            throw InputError(
                "\(log): at \(OrganizationError.pathDescription(error.path)): [\(error.code)] \(error.message)")
        } catch {
            throw InputError("\(log): \(error)")
        }
    }

    /// `squads plan`: a rollout plan's drain ledger in an organisation, step by step.
    public static func plan(
        _ plan: RolloutPlan, in organization: Organization, floors: [Department.ID: Double] = [:],
        format: OutputFormat = .text
    ) throws(InputError) -> String {
        for department in floors.keys.sorted() where organization.department(department) == nil {
            throw InputError(
                "--floor: there is no department \(department)"
                    + Input.suggestion(for: department.rawValue, among: organization.departments.map(\.id.rawValue)))
        }
        let ledger: DrainLedger
        do {
            ledger = try plan.drainLedger(in: organization, floors: floors)
        } catch {
            throw InputError("--floor: \(error.message)")
        }
        if format == .json { return try json(ledger) }
        var lines = ["## Drain ledger: \(plan.startingArea), pilot \(plan.pilot)", ""]
        for step in ledger.steps {
            let squads = step.squads.isEmpty ? "" : " (\(step.squads.map(\.rawValue).joined(separator: ", ")))"
            lines.append("### \(step.name)\(squads)")
            for silo in step.silos {
                var line =
                    "- \(silo.department): \(number(silo.ftePulled)) of \(silo.headcount) FTE pulled, "
                    + "\(number(silo.fteAtHome)) at home (\(wholeNumber(silo.shareRetained * 100))%)"
                if let floor = silo.floor {
                    line +=
                        silo.backfill > 0
                        ? "; below its floor of \(wholeNumber(floor * 100))%: hire back \(number(silo.backfill)) FTE"
                        : "; floor \(wholeNumber(floor * 100))% kept"
                }
                lines.append(line)
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Reads `department=share` floors given on the command line, such as `sales=0.5`.
    ///
    /// - Throws: ``InputError`` for text of another form or a share outside 0...1.
    public static func floors(_ texts: [String]) throws(InputError) -> [Department.ID: Double] {
        var floors: [Department.ID: Double] = [:]
        for text in texts {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let share = Double(parts[1]), (0...1).contains(share) else {
                throw InputError("--floor \(text): write department=share, with a share from 0 to 1")
            }
            floors[try Input.departmentID(parts[0], option: "--floor")] = share
        }
        return floors
    }

    private static func subject(of change: OrganizationChange) -> String {
        switch change.action {
        case .rename(_, let to), .setGoal(_, let to): String(reflecting: to)
        case .addDepartment(let department), .removeDepartment(let department): department.id.rawValue
        case .updateDepartment(_, let department): department.id.rawValue
        case .addSpecialist(let specialist), .removeSpecialist(let specialist): specialist.id.rawValue
        case .updateSpecialist(_, let specialist): specialist.id.rawValue
        case .addSquad(let squad), .removeSquad(let squad): squad.id.rawValue
        case .updateSquad(_, let squad): squad.id.rawValue
        }
    }

    private static func pair<Value>(_ figures: BeforeAfter<Value>, percent: Bool = false) -> String {
        pair(figures.before.map { text($0, percent: percent) }, figures.after.map { text($0, percent: percent) })
    }

    /// Skills as a comma-separated list, "none" for an empty one.
    private static func list(_ skills: [Skill]?) -> String? {
        skills.map { $0.isEmpty ? "none" : $0.map(\.rawValue).joined(separator: ", ") }
    }

    private static func pair(_ before: String?, _ after: String?) -> String {
        before == after ? (after ?? "–") : "\(before ?? "–") → \(after ?? "–")"
    }

    private static func text<Value>(_ value: Value, percent: Bool) -> String {
        if let double = value as? Double {
            return percent ? "\(wholeNumber(double * 100))%" : number(double)
        }
        return "\(value)"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
