// What every transformation shares: lookups that throw the precise error, and the one way a non-mutating
// twin is derived from its mutating transformation.

extension Organization {
    /// Returns a copy changed by `body`, which calls one mutating transformation; this value is untouched.
    ///
    /// Every non-mutating twin (`hiring`, `assigning`, ...) is this around its mutating transformation.
    func transformed(_ body: (inout Organization) throws(OrganizationError) -> Void) throws(OrganizationError)
        -> Organization
    {
        var copy = self
        try body(&copy)
        return copy
    }

    func existingDepartment(_ id: Department.ID) throws(OrganizationError) -> Department {
        guard let department = departmentsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no department \(id)")
        }
        return department
    }

    func existingSpecialist(_ id: Specialist.ID) throws(OrganizationError) -> Specialist {
        guard let specialist = specialistsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no specialist \(id)")
        }
        return specialist
    }

    /// The squad `id`, which must exist and must not be dissolved.
    func changeableSquad(_ id: CustomerValueSquad.ID) throws(OrganizationError) -> CustomerValueSquad {
        guard let squad = squadsByID[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no squad \(id)")
        }
        guard squad.stage != .dissolved else {
            throw OrganizationError(code: .squadDissolved, message: "squad \(id) is dissolved and cannot change")
        }
        return squad
    }

    /// The squads that grant or need the data asset `id`, in their mission or an interaction, sorted.
    /// A dissolved squad holds no grants or interactions and its mission is a record, so it uses nothing.
    func squadsUsing(_ asset: DataAsset.ID) -> [CustomerValueSquad.ID] {
        squadsByID.values.filter {
            $0.stage != .dissolved
                && ($0.grants[asset] != nil || $0.mission.requiredData.contains(asset)
                    || $0.interactions.contains { $0.dataNeeded.contains(asset) })
        }.map(\.id).sorted()
    }

    /// Throws ``OrganizationError/Code/duplicateID`` — "`what` already exists" — unless `isNew`.
    static func requireNew(_ isNew: Bool, _ what: @autoclosure () -> String) throws(OrganizationError) {
        guard isNew else { throw OrganizationError(code: .duplicateID, message: "\(what()) already exists") }
    }
}
