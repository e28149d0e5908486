#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// The organisation's JSON document written with `JSONWriter`: each value of the model, its fields in the order
// of its `Codable` encoding's sorted keys.

extension Organization {
    /// The organisation's JSON document, written directly to bytes.
    func writeJSON(pretty: Bool) -> Data {
        let estimate = 320 * specialistsByID.count + 1_600 * squadsByID.count + 4_096
        var writer = JSONWriter(pretty: pretty, capacity: pretty ? 2 * estimate : estimate)
        // Each table is written in identifier order: its positions are sorted, not copies of its values.
        let (departments, specialists, squads) = (departmentsByID, specialistsByID, squadsByID)
        writer.object { writer in
            writer.list("departments", IdentifierOrder.positions(of: departments)) { writer, index in
                writer.write(departments.values[index])
            }
            writer.field("goal", goal)
            writer.field("name", name)
            writer.field("schemaVersion", Self.schemaVersion)
            writer.list("specialists", IdentifierOrder.positions(of: specialists)) { writer, index in
                writer.write(specialists.values[index])
            }
            writer.list("squads", IdentifierOrder.positions(of: squads)) { writer, index in
                writer.write(squads.values[index])
            }
        }
        return writer.finish()
    }
}

extension JSONWriter {
    mutating func write(_ department: Department) {
        object { writer in
            writer.field("capacityFloor", department.capacityFloor)
            writer.field("costPerFTE", department.costPerFTE)
            writer.list("dataAssets", department.dataAssets) { writer, asset in
                writer.object { writer in
                    writer.field("id", asset.id)
                    writer.field("kind", asset.kind.rawValue)
                    writer.field("name", asset.name)
                }
            }
            writer.field("function", department.function)
            writer.field("head", department.head)
            writer.field("id", department.id)
            writer.field("name", department.name)
            writer.field("parent", department.parent)
        }
    }

    /// The `skills` field: `{"proficiency", "skill"}` objects sorted by skill.
    mutating func skills(_ skills: [Skill: Proficiency]) {
        sortedList("skills", skills) { writer, skill, proficiency in
            writer.beginObject()
            writer.field("proficiency", proficiency.rawValue)
            writer.field("skill", skill.rawValue)
            writer.endObject()
        }
    }

    mutating func write(_ specialist: Specialist) {
        beginObject()
        field("department", specialist.department)
        field("id", specialist.id)
        field("manager", specialist.manager)
        field("name", specialist.name)
        skills(specialist.skills)
        field("title", specialist.title)
        endObject()
    }

    mutating func write(_ squad: CustomerValueSquad) {
        object { writer in
            writer.key("accountability")
            writer.write(squad.accountability)
            writer.field("cycleLength", squad.cycleLength?.days)
            writer.list("cycles", squad.cycles) { writer, cycle in
                writer.object { writer in
                    writer.field("broke", cycle.broke)
                    writer.field("ended", cycle.ended)
                    writer.field("fix", cycle.fix)
                    writer.field("lesson", cycle.lesson)
                    writer.field("result", cycle.result.rawValue)
                    writer.field("started", cycle.started)
                    writer.field("tried", cycle.tried)
                }
            }
            writer.sortedList("decisionRights", squad.decisionRights) { writer, id, right in
                writer.object { writer in
                    writer.field("id", id)
                    if let limit = right.limit {
                        writer.key("limit")
                        writer.object { writer in
                            writer.field("amount", limit.amount)
                            writer.field("unit", limit.unit)
                        }
                    }
                    writer.field("scope", right.scope)
                }
            }
            writer.sortedList("grants", squad.grants) { writer, asset, grant in
                writer.object { writer in
                    writer.field("approvedBy", grant.approvedBy)
                    writer.field("asset", asset)
                    writer.field("expires", grant.expires)
                    writer.field("reason", grant.reason)
                }
            }
            writer.list("history", squad.history) { writer, past in
                writer.object { writer in
                    writer.field("reason", past.reason)
                    writer.field("role", past.role.rawValue)
                    writer.field("share", past.share.percent)
                    writer.field("since", past.since)
                    writer.field("specialist", past.specialist)
                    writer.field("until", past.until)
                }
            }
            writer.field("id", squad.id)
            writer.list("interactions", squad.interactions) { writer, interaction in
                writer.object { writer in
                    writer.field("blocking", interaction.isBlocking)
                    writer.list("dataNeeded", interaction.dataNeeded.sorted()) { writer, asset in
                        writer.identifier(asset)
                    }
                    if case .department(let department) = interaction.counterpart {
                        writer.field("department", department)
                    }
                    writer.field("expectedEnd", interaction.expectedEnd)
                    writer.field("id", interaction.id)
                    writer.field("mode", interaction.mode.rawValue)
                    writer.field("purpose", interaction.purpose)
                    if case .squad(let other) = interaction.counterpart { writer.field("squad", other) }
                    writer.field("start", interaction.start)
                }
            }
            writer.sortedList("memberships", squad.memberships) { writer, specialist, membership in
                writer.object { writer in
                    writer.field("role", membership.role.rawValue)
                    writer.field("share", membership.share.percent)
                    writer.field("since", membership.since)
                    writer.field("specialist", specialist)
                }
            }
            writer.key("mission")
            writer.write(squad.mission)
            writer.field("name", squad.name)
            if !squad.seats.isEmpty {
                writer.list("seats", squad.seats) { writer, seat in
                    writer.object { writer in
                        writer.field("costPerFTE", seat.costPerFTE)
                        writer.field("department", seat.department)
                        writer.field("id", seat.id)
                        writer.field("neededFrom", seat.neededFrom)
                        if !seat.note.isEmpty { writer.field("note", seat.note) }
                        writer.field("role", seat.role.rawValue)
                        writer.field("share", seat.share.percent)
                        if !seat.skills.isEmpty { writer.skills(seat.skills) }
                    }
                }
            }
            writer.field("stage", squad.stage.rawValue)
        }
    }

    mutating func write(_ accountability: Accountability) {
        object { writer in
            writer.list("outcomes", accountability.outcomes) { writer, outcome in
                writer.object { writer in
                    writer.field("baseline", outcome.baseline)
                    writer.list("checkIns", outcome.checkIns) { writer, checkIn in
                        writer.object { writer in
                            writer.field("confidence", checkIn.confidence)
                            writer.field("day", checkIn.day)
                            writer.field("note", checkIn.note)
                            writer.field("value", checkIn.value)
                        }
                    }
                    writer.field("current", outcome.current)
                    writer.field("direction", outcome.direction.rawValue)
                    writer.field("id", outcome.id)
                    writer.field("metric", outcome.metric)
                    writer.field("target", outcome.target)
                    writer.field("unit", outcome.unit)
                    writer.field("weight", outcome.weight)
                }
            }
            writer.field("owner", accountability.owner)
            writer.field("reviewCadence", accountability.reviewCadence?.days)
            writer.field("toleratedSmallFailures", accountability.toleratedSmallFailures)
        }
    }

    mutating func write(_ mission: Mission) {
        object { writer in
            writer.field("customer", mission.customer)
            writer.field("goalContribution", mission.goalContribution)
            writer.list("requiredData", mission.requiredData.sorted()) { writer, asset in writer.identifier(asset) }
            writer.list("requiredSkills", mission.requiredSkills.sorted()) { writer, skill in
                writer.string(skill.rawValue)
            }
            writer.field("statement", mission.statement)
            if let area = mission.valueArea {
                writer.key("valueArea")
                writer.object { writer in
                    writer.field("detail", area.detail)
                    writer.field("kind", area.kind)
                }
            }
        }
    }
}
