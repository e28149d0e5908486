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
    /// Specialists whose manager changed: added with a manager, removed while reporting to one, or moved to
    /// another (or to none). Everyone below them has a new line above them too.
    var lines: Set<Specialist.ID> = []
    /// Specialists whose record or bookings changed, and the managers (before and after) of those in ``lines``:
    /// their spans changed.
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

    /// Whether the organisation had any reporting line when the journal was opened: drawing the first line, or
    /// removing the last, changes what rules that read the lines say about everyone.
    let hadLines: Bool

    init(owner: Owner, hadLines: Bool) {
        self.owner = owner
        self.hadLines = hadLines
    }
}
