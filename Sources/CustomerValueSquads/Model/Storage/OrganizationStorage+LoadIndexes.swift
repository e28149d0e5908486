// Indexes of a bulk load made from the parts alone, without a storage: work for another thread while the
// storage takes the parts in (see Organization+Loading.swift).

extension OrganizationStorage {
    /// The indexes of a load that no check reads, made from the parts alone without touching a storage: work
    /// that can run on another thread while the storage takes the parts in.
    static func loadIndexes(specialists: [Specialist], squads: [CustomerValueSquad]) -> LoadIndexes {
        var indexes = staffAndSkillIndexes(of: specialists)
        var serving: [Specialist.ID: Set<CustomerValueSquad.ID>] = [:]
        serving.reserveCapacity(specialists.count)
        for squad in squads {
            for member in squad.memberships.keys { serving[member, default: []].insert(squad.id) }
        }
        indexes.squadsOfSpecialist = serving
        return indexes
    }

    /// The staff, skill and reporting indexes of `specialists` alone.
    static func staffAndSkillIndexes(of specialists: [Specialist]) -> LoadIndexes {
        var staff: [Department.ID: [Specialist.ID]] = [:]
        var holders: [Skill: [Specialist.ID]] = [:]
        var reports: [Specialist.ID: [Specialist.ID]] = [:]
        for specialist in specialists {
            staff[specialist.department, default: []].append(specialist.id)
            for skill in specialist.skills.keys { holders[skill, default: []].append(specialist.id) }
            if let manager = specialist.manager { reports[manager, default: []].append(specialist.id) }
        }
        return LoadIndexes(
            staff: staff.mapValues { Set($0) }, holders: holders.mapValues { Set($0) },
            reports: reports.isEmpty ? [:] : reports.mapValues { Set($0) })
    }

    /// Indexes made by ``loadIndexes(specialists:squads:)`` or ``staffAndSkillIndexes(of:)``.
    struct LoadIndexes: Sendable {
        var staff: [Department.ID: Set<Specialist.ID>]
        var holders: [Skill: Set<Specialist.ID>]
        var reports: [Specialist.ID: Set<Specialist.ID>]
        var squadsOfSpecialist: [Specialist.ID: Set<CustomerValueSquad.ID>]?
    }
}
