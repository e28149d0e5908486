/// How much of one silo is left at home while its people serve in squads.
public struct SiloCapacity: Sendable, Hashable, Codable {
    /// The department.
    public var department: Department.ID
    /// How many specialists have it as their home department.
    public var headcount: Int
    /// The full-time equivalents squads take from it (100 % of a specialist's time = 1).
    public var ftePulled: Double
    /// The full-time equivalents left at home: the headcount less what squads take.
    public var fteAtHome: Double
    /// The share of its capacity left at home, from 0 to 1 (1 for a department without staff).
    public var shareRetained: Double
    /// The share of its capacity that must stay home, if it has one.
    public var floor: Double?
    /// The full-time equivalents to hire so that the floor is kept: 0 when it is (or there is none).
    public var backfill: Double

    /// The capacity of a department of `headcount` people that gives squads `pulledPercent` percent of a
    /// person's time in all, with a floor of `floor`.
    init(department: Department.ID, headcount: Int, pulledPercent: Int, floor: Double?) {
        self.department = department
        self.headcount = headcount
        ftePulled = Double(pulledPercent) / 100
        fteAtHome = Double(headcount) - ftePulled
        shareRetained = headcount == 0 ? 1 : fteAtHome / Double(headcount)
        self.floor = floor
        // To a ten-thousandth of an FTE, so that a floor met exactly is not missed by a rounding error.
        backfill = (max(0, (floor ?? 0) * Double(headcount) - fteAtHome) * 10_000).rounded() / 10_000
    }
}

extension Organization {
    /// How much of department `id` is left at home, counting every squad that is not dissolved; its floor is
    /// the department's own ``Department/capacityFloor``.
    ///
    /// - Returns: The capacity, or `nil` if there is no such department.
    /// - Complexity: O(*s* · *k*), where *s* is the department's staff and *k* the squads each serves in.
    public func siloCapacity(of id: Department.ID) -> SiloCapacity? {
        guard let department = departmentsByID[id] else { return nil }
        let staff = staffOfDepartment[id] ?? []
        let pulled = staff.reduce(0) { $0 + bookedPercent(of: $1) }
        return SiloCapacity(
            department: id, headcount: staff.count, pulledPercent: pulled, floor: department.capacityFloor)
    }
}
