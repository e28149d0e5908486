import CustomerValueSquads
import Foundation

// Every transformation the library offers, as a verb. Each body reads its options, looks up what they name
// (with suggestions for a name that does not exist) and calls the transformation; the library decides.

extension ChangeVerb {
    static let organizationVerbs: [ChangeVerb] = [
        ChangeVerb(
            "rename", "Give the organisation a new name.", calls: "Organization.rename(to:)",
            [VerbOption("name", "TEXT", "the new name", required: true)]
        ) { organization, arguments in
            try organization.rename(to: arguments.string("name"))
        },
        ChangeVerb(
            "set-goal", "Set the shared goal every squad's mission should serve.", calls: "Organization.goal",
            [VerbOption("goal", "TEXT", "the goal; empty clears it", required: true)]
        ) { organization, arguments in
            organization.goal = try arguments.string("goal")
        },
    ]

    static let departmentVerbs: [ChangeVerb] = [
        ChangeVerb(
            "add-department", "Add a department (a silo).", calls: "Organization.addDepartment(_:)",
            [
                VerbOption("id", "ID", "the new department's identifier", required: true),
                VerbOption("name", "TEXT", "its name", required: true),
                VerbOption("function", "TEXT", "what it does"),
                VerbOption("parent", "DEPARTMENT", "the department it belongs to"),
            ]
        ) { organization, arguments in
            try organization.addDepartment(
                Department(
                    id: arguments.newID("id"), name: arguments.string("name"),
                    function: arguments.optional("function") ?? "",
                    parent: arguments.optionalDepartment(in: organization, "parent")))
        },
        ChangeVerb(
            "remove-department", "Remove a department with no staff, sub-departments or data assets.",
            calls: "Organization.removeDepartment(_:)",
            [VerbOption("department", "DEPARTMENT", "the department", required: true)]
        ) { organization, arguments in
            try organization.removeDepartment(arguments.department(in: organization))
        },
        ChangeVerb(
            "move-department", "Place a department under another, or at the top with --top.",
            calls: "Organization.moveDepartment(_:under:)",
            [
                VerbOption("department", "DEPARTMENT", "the department", required: true),
                VerbOption("parent", "DEPARTMENT", "the department it goes under"),
                VerbOption("top", nil, "place it at the top"),
            ]
        ) { organization, arguments in
            let parent = try arguments.optionalDepartment(in: organization, "parent")
            guard (parent == nil) == arguments.has("top") else {
                throw InputError("move-department: give --parent or --top")
            }
            try organization.moveDepartment(arguments.department(in: organization), under: parent)
        },
        ChangeVerb(
            "appoint-head", "Make a member of a department its head, or leave it without one with --none.",
            calls: "Organization.appointHead(_:of:)",
            [
                VerbOption("department", "DEPARTMENT", "the department", required: true),
                VerbOption("specialist", "SPECIALIST", "the new head, a member of the department"),
                VerbOption("none", nil, "leave the department without a head"),
            ]
        ) { organization, arguments in
            let head = try arguments.optionalSpecialist(in: organization, "specialist")
            guard (head == nil) == arguments.has("none") else {
                throw InputError("appoint-head: give --specialist or --none")
            }
            try organization.appointHead(head, of: arguments.department(in: organization))
        },
        ChangeVerb(
            "add-data-asset", "Add a data asset a department owns.", calls: "Organization.addDataAsset(_:to:)",
            [
                VerbOption("id", "ID", "the asset's identifier", required: true),
                VerbOption("name", "TEXT", "its name", required: true),
                VerbOption("kind", "KIND", "customer, operational (the default), financial or analytical"),
                VerbOption("department", "DEPARTMENT", "the department that owns it", required: true),
            ]
        ) { organization, arguments in
            let asset = DataAsset(
                id: try arguments.newID("id"), name: try arguments.string("name"),
                kind: DataAsset.Kind(rawValue: arguments.optional("kind") ?? "operational"))
            try organization.addDataAsset(asset, to: arguments.department(in: organization))
        },
        ChangeVerb(
            "remove-data-asset", "Remove a data asset no squad needs or holds a grant to.",
            calls: "Organization.removeDataAsset(_:)",
            [VerbOption("asset", "ASSET", "the data asset", required: true)]
        ) { organization, arguments in
            try organization.removeDataAsset(arguments.asset(in: organization))
        },
        ChangeVerb(
            "set-capacity-floor", "Set the share of a department's capacity squads must leave it, or none.",
            calls: "Organization.setCapacityFloor(_:of:)",
            [
                VerbOption("department", "DEPARTMENT", "the department", required: true),
                VerbOption("floor", "FRACTION", "0 to 1, such as 0.5; none removes it", required: true),
            ]
        ) { organization, arguments in
            try organization.setCapacityFloor(
                arguments.numberOrNone("floor"), of: arguments.department(in: organization))
        },
        ChangeVerb(
            "set-cost", "Set what a full-time person of a department costs a year, or none.",
            calls: "Organization.setCostPerFTE(_:of:)",
            [
                VerbOption("department", "DEPARTMENT", "the department", required: true),
                VerbOption(
                    "cost", "AMOUNT", "the yearly cost of one full-time person; none removes it", required: true),
            ]
        ) { organization, arguments in
            try organization.setCostPerFTE(arguments.numberOrNone("cost"), of: arguments.department(in: organization))
        },
    ]

    static let specialistVerbs: [ChangeVerb] = [
        ChangeVerb(
            "hire", "Add a specialist to a department.", calls: "Organization.hire(_:)",
            [
                VerbOption("id", "ID", "the new specialist's identifier", required: true),
                VerbOption("name", "TEXT", "their name", required: true),
                VerbOption("title", "TEXT", "their job title"),
                VerbOption("department", "DEPARTMENT", "their home department", required: true),
                VerbOption("manager", "SPECIALIST", "the specialist they report to"),
                VerbOption(
                    "skill", "SKILL=LEVEL", "a skill and its level: novice, competent, proficient, expert",
                    repeatable: true),
            ]
        ) { organization, arguments in
            try organization.hire(
                Specialist(
                    id: arguments.newID("id"), name: arguments.string("name"), title: arguments.optional("title") ?? "",
                    department: arguments.department(in: organization),
                    manager: arguments.optionalSpecialist(in: organization, "manager"), skills: arguments.skills()))
        },
        ChangeVerb(
            "move", "Move a specialist to another department.", calls: "Organization.transfer(_:to:)",
            [
                VerbOption("specialist", "SPECIALIST", "the specialist", required: true),
                VerbOption("department", "DEPARTMENT", "their new home department", required: true),
            ]
        ) { organization, arguments in
            try organization.transfer(
                arguments.specialist(in: organization), to: arguments.department(in: organization))
        },
        ChangeVerb(
            "leave", "A specialist leaves the organisation (after leaving every squad).",
            calls: "Organization.offboard(_:)",
            [VerbOption("specialist", "SPECIALIST", "the specialist", required: true)]
        ) { organization, arguments in
            try organization.offboard(arguments.specialist(in: organization))
        },
        ChangeVerb(
            "set-manager", "Set whom a specialist reports to, or --manager none.",
            calls: "Organization.setManager(_:for:)",
            [
                VerbOption("specialist", "SPECIALIST", "the specialist", required: true),
                VerbOption("manager", "SPECIALIST", "the specialist they will report to, or none", required: true),
            ]
        ) { organization, arguments in
            let manager =
                try arguments.string("manager") == "none"
                ? nil : try arguments.specialist(in: organization, "manager")
            try organization.setManager(manager, for: arguments.specialist(in: organization))
        },
        ChangeVerb(
            "set-skill", "Set a specialist's level in a skill, or remove the skill with --level none.",
            calls: "Organization.setSkill(_:to:for:)",
            [
                VerbOption("specialist", "SPECIALIST", "the specialist", required: true),
                VerbOption("skill", "SKILL", "the skill", required: true),
                VerbOption("level", "LEVEL", "novice, competent, proficient, expert, or none", required: true),
            ]
        ) { organization, arguments in
            let level = try arguments.string("level")
            try organization.setSkill(
                Skill(rawValue: arguments.string("skill")),
                to: level == "none" ? nil : arguments.proficiency(level, option: "level"),
                for: arguments.specialist(in: organization))
        },
    ]
}
