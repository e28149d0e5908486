/// What changed in an organisation's tables while someone was listening: the departments, specialists, squads and
/// data assets a change touched, so live validation re-checks only those.
///
/// The storage keeps a journal only while one is open (``OrganizationStorage/journal`` is not `nil`), and a copy
/// of the storage carries the journal with it: a value derived from an organisation with an open journal holds
/// the record of every write that led to it.
struct ChangeJournal: Sendable {
    /// Who opened the journal, so a session recognises its own and not another's.
    let owner: Owner

    /// Squads inserted, replaced or removed, or whose memberships changed.
    var squads: Set<CustomerValueSquad.ID> = []
    /// Specialists whose record changed (inserted, replaced or removed): the squads they serve in see them.
    var records: Set<Specialist.ID> = []
    /// Specialists whose record or bookings changed.
    var specialists: Set<Specialist.ID> = []
    /// Departments inserted, replaced or removed, and the home departments (before and after) of the specialists
    /// in ``specialists``.
    var departments: Set<Department.ID> = []
    /// Data assets added, removed or changed, or that moved to another holder.
    var assets: Set<DataAsset.ID> = []

    /// An identity for whoever opened a journal.
    /// Whether the first former value of each department, specialist and squad written is kept, so the
    /// changes can be recorded from them (``LiveValidation/record(reason:on:_:)``).
    var keepsFormer = false
    /// The departments as they were before their first write, `nil` for one that did not exist.
    var formerDepartments: [Department.ID: Department?] = [:]
    /// The specialists as they were before their first write, `nil` for one who did not exist.
    var formerSpecialists: [Specialist.ID: Specialist?] = [:]
    /// The squads as they were before their first write, `nil` for one that did not exist.
    var formerSquads: [CustomerValueSquad.ID: CustomerValueSquad?] = [:]

    final class Owner: Sendable {}

    init(owner: Owner) { self.owner = owner }
}
