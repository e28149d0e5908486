import CustomerValueSquads
import Foundation

extension ChangeVerb {
    static let seatVerbs: [ChangeVerb] = [
        ChangeVerb(
            "open-seat", "Open a seat in a squad: a role with the skills, share and day it needs.",
            calls: "Organization.openSeat(_:in:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("id", "ID", "the seat's identifier, unique in the squad", required: true),
                VerbOption("role", "ROLE", "the role whoever fills it takes, such as account manager", required: true),
                VerbOption(
                    "skill", "SKILL=LEVEL",
                    "a skill it needs and the least level: novice, competent, proficient, expert",
                    repeatable: true),
                VerbOption("share", "PERCENT", "the share of time, 1 to 100 (default 100)"),
                VerbOption("needed-from", "DAY", "the day it is needed from (default the change's day)"),
                VerbOption("note", "TEXT", "a note for whoever fills or costs it"),
                VerbOption(
                    "cost-per-fte", "AMOUNT", "what a full-time equivalent in it costs, if not the department's"),
                VerbOption(
                    "department", "DEPARTMENT", "the department a hire for it would join (and whose cost prices it)"),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            var seat = Seat(
                id: try arguments.newID("id"), role: Role(rawValue: try arguments.string("role")),
                skills: try arguments.skills(), share: try TimeShare(percent: arguments.integer("share") ?? 100),
                neededFrom: try arguments.date("needed-from") ?? arguments.day, note: arguments.optional("note") ?? "")
            seat.costPerFTE = try arguments.number("cost-per-fte")
            seat.department = try arguments.optionalDepartment(in: organization, "department")
            try organization.openSeat(seat, in: squad)
        },
        ChangeVerb(
            "change-seat", "Change an open seat's role, skills, share, day or note; what is not given is kept.",
            calls: "Organization.changeSeat(_:in:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("seat", "SEAT", "the open seat", required: true),
                VerbOption("role", "ROLE", "the new role"),
                VerbOption("skill", "SKILL=LEVEL", "a skill it needs, replacing the seat's skills", repeatable: true),
                VerbOption("share", "PERCENT", "the new share of time"),
                VerbOption("needed-from", "DAY", "the new day it is needed from"),
                VerbOption("note", "TEXT", "the new note (empty to clear it)"),
                VerbOption("cost-per-fte", "AMOUNT", "its own cost per FTE, or none for the department's"),
                VerbOption("department", "DEPARTMENT", "the department a hire for it would join, or none"),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            var seat = try arguments.seat(of: squad, in: organization)
            if let role = arguments.optional("role") { seat.role = Role(rawValue: role) }
            if arguments.has("skill") { seat.skills = try arguments.skills() }
            if let percent = try arguments.integer("share") { seat.share = try TimeShare(percent: percent) }
            if let day = try arguments.date("needed-from") { seat.neededFrom = day }
            if let note = arguments.optional("note") { seat.note = note }
            if arguments.has("cost-per-fte") { seat.costPerFTE = try arguments.numberOrNone("cost-per-fte") }
            if arguments.optional("department") == "none" {
                seat.department = nil
            } else if arguments.has("department") {
                seat.department = try arguments.optionalDepartment(in: organization, "department")
            }
            try organization.changeSeat(seat, in: squad)
        },
        ChangeVerb(
            "close-seat", "Close an open seat the squad no longer needs, without filling it.",
            calls: "Organization.closeSeat(_:in:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("seat", "SEAT", "the open seat", required: true),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            try organization.closeSeat(arguments.seat(of: squad, in: organization).id, in: squad)
        },
        ChangeVerb(
            "fill-seat",
            "Fill an open seat: the specialist joins the squad in the seat's role and share, and the seat closes.",
            calls: "Organization.fillSeat(_:in:with:since:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("seat", "SEAT", "the open seat", required: true),
                VerbOption("specialist", "SPECIALIST", "who fills it", required: true),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            let seat = try arguments.seat(of: squad, in: organization)
            try organization.fillSeat(
                seat.id, in: squad, with: arguments.specialist(in: organization), since: arguments.day)
        },
    ]
}

extension VerbArguments {
    /// `--seat`: an open seat of `squad`.
    func seat(of squad: CustomerValueSquad.ID, in organization: Organization) throws(InputError) -> Seat {
        let seats = organization.squad(squad)?.seats ?? []
        let id: Seat.ID = try required(
            "seat", kind: "open seat of \(squad)", exists: { id in seats.contains { $0.id == id } },
            candidates: seats.map(\.id))
        guard let seat = seats.first(where: { $0.id == id }) else { throw InputError("\(verb): no seat \(id)") }
        return seat
    }
}
