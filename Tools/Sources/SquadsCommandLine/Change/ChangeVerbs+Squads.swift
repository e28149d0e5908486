import CustomerValueSquads
import Foundation

extension ChangeVerb {
    static let squadVerbs: [ChangeVerb] = [
        ChangeVerb(
            "form-squad", "Form a squad around a customer-centred mission (members are assigned afterwards).",
            calls: "Organization.formSquad(_:)",
            [
                VerbOption("id", "ID", "the squad's identifier"),
                VerbOption("name", "TEXT", "its name"),
                VerbOption("statement", "TEXT", "the mission statement"),
                VerbOption("customer", "TEXT", "the customer the mission serves"),
                VerbOption("value-area", "KIND[:DETAIL]", "such as account:Key accounts or designSupport"),
                VerbOption("skill", "SKILL", "a skill the mission needs", repeatable: true),
                VerbOption("goal-contribution", "TEXT", "how the mission serves the organisation's goal"),
            ] + documentOptions
        ) { organization, arguments in
            if let squad = try arguments.document(CustomerValueSquad.self) {
                return try organization.formSquad(squad)
            }
            let mission = Mission(
                statement: try arguments.string("statement"), valueArea: try arguments.valueArea(),
                customer: arguments.optional("customer") ?? "",
                requiredSkills: Set(arguments.all("skill").map(Skill.init(rawValue:))),
                goalContribution: arguments.optional("goal-contribution") ?? "")
            try organization.formSquad(
                CustomerValueSquad(id: arguments.newID("id"), name: arguments.string("name"), mission: mission))
        },
        ChangeVerb(
            "assign",
            "Assign a specialist to a squad with a role and a share of their time.",
            calls: "Organization.assign(_:to:role:share:since:)",
            [
                VerbOption("specialist", "SPECIALIST", "the specialist", required: true),
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("role", "ROLE", "their role in the squad, such as analyst", required: true),
                VerbOption("share", "PERCENT", "the share of their time, 1 to 100", required: true),
            ]
        ) { organization, arguments in
            guard let percent = try arguments.integer("share") else { throw InputError("assign: --share is required") }
            try organization.assign(
                arguments.specialist(in: organization), to: arguments.squad(in: organization),
                role: Role(rawValue: arguments.string("role")), share: TimeShare(percent: percent),
                since: arguments.day)
        },
        ChangeVerb(
            "release", "Release a specialist from a squad.", calls: "Organization.release(_:from:on:reason:)",
            [
                VerbOption("specialist", "SPECIALIST", "the specialist", required: true),
                VerbOption("squad", "SQUAD", "the squad", required: true),
            ]
        ) { organization, arguments in
            try organization.release(
                arguments.specialist(in: organization), from: arguments.squad(in: organization), on: arguments.day,
                reason: arguments.reason)
        },
        ChangeVerb(
            "set-stage", "Move a squad to its next stage: piloting, operating, replicating.",
            calls: "Organization.advance(_:to:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("stage", "STAGE", "forming, piloting, operating or replicating", required: true),
            ]
        ) { organization, arguments in
            let text = try arguments.string("stage")
            guard let stage = CustomerValueSquad.Stage(rawValue: text), stage != .dissolved else {
                throw InputError(
                    "set-stage: --stage \(String(reflecting: text)) is not a stage"
                        + Input.suggestion(for: text, among: ["forming", "piloting", "operating", "replicating"])
                        + (text == "dissolved" ? " (use dissolve)" : ""))
            }
            try organization.advance(arguments.squad(in: organization), to: stage)
        },
        ChangeVerb(
            "dissolve", "Dissolve a squad: its members are released, its history kept.",
            calls: "Organization.dissolve(_:on:reason:)",
            [VerbOption("squad", "SQUAD", "the squad", required: true)]
        ) { organization, arguments in
            try organization.dissolve(arguments.squad(in: organization), on: arguments.day, reason: arguments.reason)
        },
        ChangeVerb(
            "set-mission", "Replace a squad's mission.", calls: "Organization.setMission(_:of:)",
            [VerbOption("squad", "SQUAD", "the squad", required: true)] + documentOptions
        ) { organization, arguments in
            let mission = try need(
                try arguments.document(Mission.self), "set-mission", "the mission with --from or --json")
            try organization.setMission(mission, of: arguments.squad(in: organization))
        },
        ChangeVerb(
            "delegate", "Give a squad a decision right, with a limit.",
            calls: "Organization.delegate(_:as:to:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("id", "ID", "the right's identifier", required: true),
                VerbOption("scope", "TEXT", "what the squad may decide", required: true),
                VerbOption("limit", "AMOUNT", "up to how much"),
                VerbOption("unit", "UNIT", "the limit's unit, such as IDR"),
            ]
        ) { organization, arguments in
            let limit = try arguments.number("limit").map {
                DecisionRight.Limit(amount: $0, unit: arguments.optional("unit") ?? "")
            }
            try organization.delegate(
                DecisionRight(scope: arguments.string("scope"), limit: limit), as: arguments.newID("id"),
                to: arguments.squad(in: organization))
        },
        ChangeVerb(
            "revoke-right", "Take a decision right back from a squad.",
            calls: "Organization.revokeDecisionRight(_:from:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("id", "ID", "the right", required: true),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            let rights = Array(organization.squad(squad)?.decisionRights.keys ?? [:].keys)
            try organization.revokeDecisionRight(
                arguments.required(
                    "id", kind: "decision right of \(squad)", exists: { rights.contains($0) }, candidates: rights),
                from: squad)
        },
        ChangeVerb(
            "grant", "Grant a squad access to a data asset.", calls: "Organization.grantAccess(to:for:_:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("asset", "ASSET", "the data asset", required: true),
                VerbOption("approved-by", "SPECIALIST", "who approved it"),
                VerbOption("grant-reason", "TEXT", "why the squad needs it"),
                VerbOption("until", "DAY", "the day the grant expires"),
            ]
        ) { organization, arguments in
            try organization.grantAccess(
                to: arguments.asset(in: organization), for: arguments.squad(in: organization),
                DataAccessGrant(
                    approvedBy: arguments.optionalSpecialist(in: organization, "approved-by"),
                    reason: arguments.optional("grant-reason") ?? "", expires: arguments.date("until")))
        },
        ChangeVerb(
            "revoke", "Revoke a squad's access to a data asset.", calls: "Organization.revokeAccess(to:from:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("asset", "ASSET", "the data asset", required: true),
            ]
        ) { organization, arguments in
            try organization.revokeAccess(
                to: arguments.asset(in: organization), from: arguments.squad(in: organization))
        },
    ]

    static let runningVerbs: [ChangeVerb] = [
        ChangeVerb(
            "set-accountability", "Replace what a squad is accountable for: outcomes, owner, review cadence.",
            calls: "Organization.setAccountability(_:of:)",
            [VerbOption("squad", "SQUAD", "the squad", required: true)] + documentOptions
        ) { organization, arguments in
            let accountability = try need(
                try arguments.document(Accountability.self), "set-accountability",
                "the accountability with --from or --json")
            try organization.setAccountability(accountability, of: arguments.squad(in: organization))
        },
        ChangeVerb(
            "add-outcome", "Add an outcome a squad is accountable for.",
            calls: "Organization.setAccountability(_:of:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("id", "ID", "the outcome's identifier", required: true),
                VerbOption("metric", "TEXT", "what is measured", required: true),
                VerbOption("unit", "UNIT", "its unit"),
                VerbOption("baseline", "NUMBER", "where it starts"),
                VerbOption("target", "NUMBER", "where it should get"),
                VerbOption("direction", "DIRECTION", "increase (the default) or decrease"),
                VerbOption("weight", "NUMBER", "its weight among the squad's outcomes (1 by default)"),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            var accountability = organization.squad(squad)?.accountability ?? Accountability()
            let directionText = arguments.optional("direction") ?? "increase"
            guard let direction = Outcome.Direction(rawValue: directionText) else {
                throw InputError("add-outcome: --direction \(String(reflecting: directionText)): increase or decrease")
            }
            accountability.outcomes.append(
                Outcome(
                    id: try arguments.newID("id"), metric: try arguments.string("metric"),
                    unit: arguments.optional("unit") ?? "", baseline: try arguments.number("baseline"),
                    target: try arguments.number("target"), direction: direction,
                    weight: try arguments.number("weight") ?? 1))
            try organization.setAccountability(accountability, of: squad)
        },
        ChangeVerb(
            "record-outcome", "Record an outcome's current value.", calls: "Organization.recordOutcome(_:for:of:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("outcome", "OUTCOME", "the outcome", required: true),
                VerbOption("value", "NUMBER", "its current value", required: true),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            guard let value = try arguments.number("value") else {
                throw InputError("record-outcome: --value is required")
            }
            try organization.recordOutcome(value, for: arguments.outcome(of: squad, in: organization), of: squad)
        },
        ChangeVerb(
            "check-in", "Record a dated check-in of an outcome (on --day).", calls: "Organization.checkIn(_:for:of:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("outcome", "OUTCOME", "the outcome", required: true),
                VerbOption("value", "NUMBER", "the measured value", required: true),
                VerbOption("confidence", "0-10", "how confident the squad is of reaching the target"),
                VerbOption("note", "TEXT", "a note to keep with it"),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            guard let value = try arguments.number("value") else { throw InputError("check-in: --value is required") }
            try organization.checkIn(
                Outcome.CheckIn(
                    day: arguments.day, value: value, confidence: try arguments.integer("confidence"),
                    note: arguments.optional("note") ?? ""),
                for: arguments.outcome(of: squad, in: organization), of: squad)
        },
        ChangeVerb(
            "set-cycle-length", "Set how long a squad's break-fix cycle may take, in days, or none.",
            calls: "Organization.setCycleLength(_:of:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("days", "DAYS", "1 to 366; none removes it", required: true),
            ]
        ) { organization, arguments in
            let days = try arguments.numberOrNone("days")
            guard days.map({ $0 == $0.rounded() }) ?? true else {
                throw InputError("set-cycle-length: --days is a whole number of days")
            }
            try organization.setCycleLength(
                days.map { try Cadence(days: Int($0)) }, of: arguments.squad(in: organization))
        },
        ChangeVerb(
            "record-cycle", "Record a break-fix cycle: what was tried, what broke, the fix, the lesson.",
            calls: "Organization.recordCycle(_:for:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("started", "DAY", "the day it started (--day by default)"),
                VerbOption("ended", "DAY", "the day it ended"),
                VerbOption("tried", "TEXT", "what the squad tried", required: true),
                VerbOption("broke", "TEXT", "what broke"),
                VerbOption("fix", "TEXT", "how it was fixed"),
                VerbOption("lesson", "TEXT", "what was learned"),
                VerbOption("result", "RESULT", "worked, smallFailure or largeFailure", required: true),
            ]
        ) { organization, arguments in
            let text = try arguments.string("result")
            guard let result = BreakFixCycle.Result(rawValue: text) else {
                throw InputError(
                    "record-cycle: --result \(String(reflecting: text))"
                        + Input.suggestion(for: text, among: BreakFixCycle.Result.allCases.map(\.rawValue)))
            }
            try organization.recordCycle(
                BreakFixCycle(
                    started: try arguments.date("started") ?? arguments.day, ended: try arguments.date("ended"),
                    tried: try arguments.string("tried"), broke: arguments.optional("broke") ?? "",
                    fix: arguments.optional("fix") ?? "", lesson: arguments.optional("lesson") ?? "", result: result),
                for: arguments.squad(in: organization))
        },
        ChangeVerb(
            "set-interaction", "Add or replace a squad's interaction with a department or another squad.",
            calls: "Organization.setInteraction(_:of:)",
            [VerbOption("squad", "SQUAD", "the squad", required: true)] + documentOptions
        ) { organization, arguments in
            let interaction = try need(
                try arguments.document(Interaction.self), "set-interaction", "the interaction with --from or --json")
            try organization.setInteraction(interaction, of: arguments.squad(in: organization))
        },
        ChangeVerb(
            "end-interaction", "Remove a squad's interaction.", calls: "Organization.removeInteraction(_:of:)",
            [
                VerbOption("squad", "SQUAD", "the squad", required: true),
                VerbOption("interaction", "ID", "the interaction", required: true),
            ]
        ) { organization, arguments in
            let squad = try arguments.squad(in: organization)
            let ids = organization.squad(squad)?.interactions.map(\.id) ?? []
            try organization.removeInteraction(
                arguments.required(
                    "interaction", kind: "interaction of \(squad)", exists: { ids.contains($0) }, candidates: ids),
                of: squad)
        },
    ]
}
