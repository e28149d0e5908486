// The former values a recording journal keeps: the first form of each department, specialist and squad written
// while a live validation records (LiveValidation.record(reason:on:_:)).

extension OrganizationStorage {
    /// Keeps the department as it is now, before its first write, when the journal keeps former values.
    mutating func rememberDepartment(_ id: Department.ID) {
        guard journal?.keepsFormer == true, journal?.formerDepartments.index(forKey: id) == nil else { return }
        journal?.formerDepartments[id] = .some(departments[id])
    }

    /// Keeps the specialist as they are now, before their first write, when the journal keeps former values.
    mutating func rememberSpecialist(_ id: Specialist.ID) {
        guard journal?.keepsFormer == true, journal?.formerSpecialists.index(forKey: id) == nil else { return }
        journal?.formerSpecialists[id] = .some(specialists[id])
    }

    /// Keeps the squad as it is now, before its first write, when the journal keeps former values.
    mutating func rememberSquad(_ id: CustomerValueSquad.ID) {
        guard journal?.keepsFormer == true, journal?.formerSquads.index(forKey: id) == nil else { return }
        journal?.formerSquads[id] = .some(squads[id])
    }
}
