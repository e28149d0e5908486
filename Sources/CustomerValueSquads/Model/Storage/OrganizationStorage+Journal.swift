// What the journal notes of each write — the parts touched, for live validation — and the former values a
// recording journal keeps: the first form of each department, specialist and squad written while a live
// validation records (LiveValidation.record(reason:on:_:)).

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

extension OrganizationStorage {
    /// Notes a department written, with the data assets it holds.
    mutating func noteDepartment(_ id: Department.ID, assets: [DataAsset.ID]) {
        journal?.departments.insert(id)
        for asset in assets { journal?.assets.insert(asset) }
    }

    /// Notes a specialist's record written, in `department`.
    mutating func noteRecord(of id: Specialist.ID, in department: Department.ID) {
        journal?.records.insert(id)
        journal?.specialists.insert(id)
        journal?.departments.insert(department)
    }

    /// Notes that `id`'s line changed and that `manager` gains or loses them as a report.
    mutating func noteLine(of id: Specialist.ID, under manager: Specialist.ID) {
        journal?.lines.insert(id)
        noteBooking(of: manager)
    }

    /// Notes that what is known of the specialist beyond their record changed: their bookings or their span.
    mutating func noteBooking(of id: Specialist.ID) {
        journal?.specialists.insert(id)
        if let department = specialists[id]?.department { journal?.departments.insert(department) }
    }
}
