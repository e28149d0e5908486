// The storage's check of itself: every index rebuilt from the tables, for tests.

extension OrganizationStorage {
    /// Whether every index equals the one rebuilt from the tables; for tests.
    ///
    /// - Complexity: O(*n*) in the size of the organisation.
    func indexesMatchTables() -> Bool {
        var rebuilt = OrganizationStorage()
        for department in departments.values { rebuilt.insert(department) }
        for specialist in specialists.values { rebuilt.insert(specialist) }
        for squad in squads.values { rebuilt.insert(squad) }
        return rebuilt.holderOfAsset == holderOfAsset && rebuilt.squadsOfSpecialist == squadsOfSpecialist
            && rebuilt.bookedPercentOf == bookedPercentOf && rebuilt.staffOfDepartment == staffOfDepartment
            && rebuilt.childrenOfDepartment == childrenOfDepartment
            && rebuilt.specialistsWithSkill == specialistsWithSkill && rebuilt.reportsOf == reportsOf
    }
}
