import Dispatch

// The bulk load behind the initialiser and the decoder: every part checked with the invariant checks of
// Organization+Invariants.swift, then handed to the storage.

extension Organization {
    /// Fills an empty organisation from its parts, checking every invariant.
    ///
    /// A large organisation's indexes that no check reads — staff, skills, the squads of each specialist — are
    /// made on another thread while this one checks every part and takes it in.
    mutating func load(departments: [Department], specialists: [Specialist], squads: [CustomerValueSquad])
        throws(OrganizationError)
    {
        storage.reserve(
            departments: departments.count, specialists: specialists.count, squads: squads.count,
            members: squads.reduce(0) { $0 + $1.memberships.count })
        guard specialists.count >= Self.backgroundIndexingThreshold else {
            return try loadChecked(departments: departments, specialists: specialists, squads: squads)
        }
        let table = BackgroundTable()
        let indexes = BackgroundResult<OrganizationStorage.LoadIndexes>()
        try withBackgroundWork(
            {
                table.make(specialists)
                indexes.value = OrganizationStorage.loadIndexes(specialists: specialists, squads: squads)
            },
            { () throws(OrganizationError) in
                try loadChecked(
                    departments: departments, specialists: specialists, squads: squads, elsewhere: table)
            }
        )
        if let made = indexes.value { storage.adopt(made) }
    }

    /// The table of specialists, made on another thread while this one checks each specialist.
    final class BackgroundTable: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private var table: [Specialist.ID: Specialist] = [:]
        private var duplicate: Int?

        /// Makes the table (on the other thread), stopping at the first identifier listed twice.
        func make(_ specialists: [Specialist]) {
            defer { ready.signal() }
            table.reserveCapacity(specialists.count)
            for (index, specialist) in specialists.enumerated()
            where table.updateValue(specialist, forKey: specialist.id) != nil {
                duplicate = index
                return
            }
        }

        /// Waits for the table, and returns it with the position of the first specialist listed twice, if any.
        func wait() -> (table: [Specialist.ID: Specialist], duplicate: Int?) {
            ready.wait()
            defer { table = [:] }
            return (table, duplicate)
        }
    }

    /// How many specialists a load takes in before it makes their indexes on another thread.
    static let backgroundIndexingThreshold = 20_000

    /// Checks and takes in every part; with a table made `elsewhere`, leaves the table of specialists and the
    /// indexes to the other thread.
    private mutating func loadChecked(
        departments: [Department],
        specialists: [Specialist],
        squads: [CustomerValueSquad],
        elsewhere: BackgroundTable? = nil
    ) throws(OrganizationError) {
        for (index, department) in departments.enumerated() {
            func path() -> [String] { ["departments", String(index)] }
            try Self.requireListedOnce(
                departmentsByID.index(forKey: department.id) == nil, "department \(department.id)", path: path())
            // Parents and heads are checked below, once every department and specialist is known.
            var unlinked = department
            unlinked.parent = nil
            unlinked.head = nil
            try checkDepartment(unlinked, path: path())
            storage.insert(department)
        }
        guard let elsewhere else {
            for (index, specialist) in specialists.enumerated() {
                func path() -> [String] { ["specialists", String(index)] }
                try Self.requireListedOnce(storage.enter(specialist), "specialist \(specialist.id)", path: path())
                try checkSpecialist(specialist, path: path())
            }
            storage.indexEntered(specialists)
            return try loadRest(
                departments: departments, specialists: specialists, squads: squads, indexingSquads: true)
        }
        // Each specialist is checked here while the other thread makes their table; the first failure in the
        // list's order is the one thrown, a name listed twice before a failed check at the same position.
        var failure: (index: Int, error: OrganizationError)?
        for (index, specialist) in specialists.enumerated() {
            do throws(OrganizationError) {
                try checkSpecialist(specialist, path: ["specialists", String(index)])
            } catch {
                failure = (index, error)
                break
            }
        }
        let (table, duplicate) = elsewhere.wait()
        if let duplicate, duplicate <= failure?.index ?? .max {
            let id = specialists[duplicate].id
            try Self.requireListedOnce(false, "specialist \(id)", path: ["specialists", String(duplicate)])
        }
        if let failure { throw failure.error }
        storage.adopt(table)
        try loadRest(departments: departments, specialists: specialists, squads: squads, indexingSquads: false)
    }

    private mutating func loadRest(
        departments: [Department], specialists: [Specialist], squads: [CustomerValueSquad], indexingSquads: Bool
    )
        throws(OrganizationError)
    {
        for (index, department) in departments.enumerated() {
            try checkDepartment(department, path: ["departments", String(index)])
        }
        try checkHierarchyIsAcyclic(order: departments.map(\.id))
        try checkReportingLines(of: specialists)
        for (index, squad) in squads.enumerated() {
            func path() -> [String] { ["squads", String(index)] }
            try Self.requireListedOnce(squadsByID.index(forKey: squad.id) == nil, "squad \(squad.id)", path: path())
            // The squads its interactions are with are checked below, once every squad is in.
            try checkSquad(squad, path: path(), counterpartSquadsKnown: false)
            try Self.checkEach(squad.memberships) { (member, membership) throws(OrganizationError) in
                let total = bookedPercent(of: member) + membership.share.percent
                guard total <= 100 else {
                    throw OrganizationError(
                        code: .overbooked,
                        message: "\(member) is booked \(total)% of their time across squads; "
                            + "\(membership.share.percent)% of it in \(squad.id)",
                        path: path() + ["memberships", member.rawValue, "share"]
                    )
                }
            }
            if indexingSquads { storage.insert(squad) } else { storage.enter(squad) }
        }
        for (index, squad) in squads.enumerated() {
            for (position, interaction) in squad.interactions.enumerated() {
                guard case .squad(let other) = interaction.counterpart else { continue }
                try checkCounterpart(
                    other, of: interaction, of: squad.id,
                    path: ["squads", String(index), "interactions", String(position), "squad"])
            }
        }
    }

    /// Checks the whole hierarchy for a cycle in O(*d*), naming a department on it.
    func checkHierarchyIsAcyclic(order: [Department.ID]) throws(OrganizationError) {
        var finished: Set<Department.ID> = []
        for (index, start) in order.enumerated() where !finished.contains(start) {
            var onPath: [Department.ID] = []
            var onPathSet: Set<Department.ID> = []
            var current: Department.ID? = start
            while let id = current, !finished.contains(id) {
                guard onPathSet.insert(id).inserted else {
                    throw OrganizationError(
                        code: .hierarchyCycle,
                        message: "the department hierarchy has a cycle through \(id)",
                        path: ["departments", String(order.firstIndex(of: id) ?? index), "parent"]
                    )
                }
                onPath.append(id)
                current = departmentsByID[id]?.parent
            }
            finished.formUnion(onPath)
        }
    }

    /// Rebuilds the organisation from its parts and reports any difference from this value.
    ///
    /// For tests: throws if an invariant is broken or if a derived index has drifted from the tables.
    func checkInvariants() throws(OrganizationError) {
        _ = try Organization(
            name: name,
            goal: goal,
            departments: departments,
            specialists: specialists,
            squads: squads
        )
        guard storage.indexesMatchTables() else {
            throw OrganizationError(code: .invalidValue, message: "a derived index no longer matches the tables")
        }
    }

    /// In debug builds, stops at once when a write that went around the checked transformations (`write` says
    /// which) has left an invariant broken or an index out of step; in release builds, does nothing.
    ///
    /// Every write to the storage outside `Model/` and `Transformations/` either goes through a checked
    /// transformation or is followed by this, so a later change cannot make such a write silently wrong.
    func assertInvariantsHold(after write: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line)
    {
        #if DEBUG
            do {
                try checkInvariants()
            } catch {
                assertionFailure("\(write()) broke an invariant: \(error.message)", file: file, line: line)
            }
        #endif
    }

    /// Throws ``OrganizationError/Code/duplicateID`` at `path` when `isFirst` is false: `what` came before.
    static func requireListedOnce(_ isFirst: Bool, _ what: @autoclosure () -> String, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        guard isFirst else {
            throw OrganizationError(code: .duplicateID, message: "\(what()) is listed twice", path: path() + ["id"])
        }
    }
}
