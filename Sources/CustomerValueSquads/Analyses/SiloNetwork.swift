/// The people piece of the squads as a network: departments are the nodes, and two are linked when a squad
/// draws members from both — specialists who stay in their silos yet connect them through the squads they
/// serve.
///
/// Made by ``Organization/siloNetwork()``. Every list is sorted, so networks can be compared and stored.
public struct SiloNetwork: Sendable, Hashable, Codable {
    /// Two departments that squads connect.
    public struct Link: Sendable, Hashable, Codable {
        /// The two departments, in identifier order.
        public var departments: [Department.ID]
        /// The squads that draw members from both, sorted.
        public var squads: [CustomerValueSquad.ID]
        /// The specialists of either department who serve in those squads: the people who carry the link.
        public var people: Int
        /// The full-time equivalents they give those squads (100 % = 1).
        public var fte: Double

        /// The department at the other end from `department`.
        public func other(than department: Department.ID) -> Department.ID {
            departments[0] == department ? departments[1] : departments[0]
        }
    }

    /// A specialist and how many silos the squads they serve in draw from together.
    public struct Spanner: Sendable, Hashable, Codable {
        /// The specialist.
        public var specialist: Specialist.ID
        /// The departments their squads draw from, sorted.
        public var departments: [Department.ID]
    }

    /// A shortest way for information to travel sideways from one department to another: the departments on
    /// the way and, between each two, a squad that links them.
    public struct Chain: Sendable, Hashable, Codable {
        /// The departments from the first to the last.
        public var departments: [Department.ID]
        /// The squads between them: `squads[i]` links `departments[i]` and `departments[i + 1]`.
        public var squads: [CustomerValueSquad.ID]
    }

    /// Every department, sorted.
    public var departments: [Department.ID]
    /// Every link, sorted by its departments.
    public var links: [Link]
    /// The departments that no squad connects to any other: the silos still closed.
    public var islands: [Department.ID]
    /// Each squad that draws from two departments or more, with the departments it bridges, sorted.
    public var bridges: [CustomerValueSquad.ID: [Department.ID]]
    /// The specialists whose squads span the most silos, most first (at most ``spannerCount``, and only those
    /// whose squads span two silos or more).
    public var spanners: [Spanner]

    /// The most specialists ``spanners`` lists.
    public static let spannerCount = 20

    /// The links of `department` (its connections to other silos), sorted by the department at the other end.
    ///
    /// - Complexity: O(*l*) in the links.
    public func connections(of department: Department.ID) -> [Link] {
        links.filter { $0.departments.contains(department) }.sorted {
            $0.other(than: department) < $1.other(than: department)
        }
    }

    /// A shortest chain of squads from `start` to `end` — fewest squads first, then the smallest identifiers —
    /// or `nil` when no chain connects them. A department reaches itself with no squad.
    ///
    /// - Complexity: O(*d* + *l*) in the departments and links.
    public func chain(from start: Department.ID, to end: Department.ID) -> Chain? {
        guard departments.contains(start), departments.contains(end) else { return nil }
        if start == end { return Chain(departments: [start], squads: []) }
        var neighbours: [Department.ID: [(Department.ID, CustomerValueSquad.ID)]] = [:]
        for link in links {
            let squad = link.squads[0]
            neighbours[link.departments[0], default: []].append((link.departments[1], squad))
            neighbours[link.departments[1], default: []].append((link.departments[0], squad))
        }
        var cameFrom: [Department.ID: (Department.ID, CustomerValueSquad.ID)] = [:]
        var frontier = [start]
        var seen: Set<Department.ID> = [start]
        while !frontier.isEmpty, cameFrom[end] == nil {
            var next: [Department.ID] = []
            for department in frontier {
                for (other, squad) in (neighbours[department] ?? []).sorted(by: { $0.0 < $1.0 })
                where seen.insert(other).inserted {
                    cameFrom[other] = (department, squad)
                    next.append(other)
                }
            }
            frontier = next
        }
        guard cameFrom[end] != nil else { return nil }
        var chain = Chain(departments: [end], squads: [])
        var current = end
        while let (previous, squad) = cameFrom[current] {
            chain.departments.insert(previous, at: 0)
            chain.squads.insert(squad, at: 0)
            current = previous
        }
        return chain
    }
}

extension Organization {
    /// The silo network: which departments squads connect, through which squads and people, which stay
    /// islands, and the specialists whose squads span the most silos. Dissolved squads connect nothing.
    ///
    /// - Complexity: O(*m* + *q* · *k*² + *d* log *d*), where *m* is the number of memberships, *q* the number
    ///   of squads and *k* the most departments one squad draws from.
    public func siloNetwork() -> SiloNetwork {
        struct Carried {
            var squads: Set<CustomerValueSquad.ID> = []
            var people: Set<Specialist.ID> = []
            var percent = 0
        }
        var carried: [[Department.ID]: Carried] = [:]
        var bridges: [CustomerValueSquad.ID: [Department.ID]] = [:]
        var linked: Set<Department.ID> = []
        var spanned: [Specialist.ID: Set<Department.ID>] = [:]
        for squad in squads where squad.stage != .dissolved {
            var byDepartment: [Department.ID: [(Specialist.ID, Int)]] = [:]
            for (member, membership) in squad.memberships {
                guard let home = specialistsByID[member]?.department else { continue }
                byDepartment[home, default: []].append((member, membership.share.percent))
            }
            let spanning = byDepartment.keys.sorted()
            for member in squad.memberships.keys { spanned[member, default: []].formUnion(spanning) }
            guard spanning.count >= 2 else { continue }
            bridges[squad.id] = spanning
            linked.formUnion(spanning)
            for (index, first) in spanning.enumerated() {
                for second in spanning[(index + 1)...] {
                    var entry = carried[[first, second], default: Carried()]
                    entry.squads.insert(squad.id)
                    for (member, percent) in (byDepartment[first] ?? []) + (byDepartment[second] ?? []) {
                        entry.people.insert(member)
                        entry.percent += percent
                    }
                    carried[[first, second]] = entry
                }
            }
        }
        let links = carried.map { pair, entry in
            SiloNetwork.Link(
                departments: pair, squads: entry.squads.sorted(), people: entry.people.count,
                fte: Double(entry.percent) / 100)
        }
        .sorted { $0.departments.lexicographicallyPrecedes($1.departments) }
        let spanners = spanned.filter { $0.value.count >= 2 }
            .map { SiloNetwork.Spanner(specialist: $0.key, departments: $0.value.sorted()) }
            .sorted { ($1.departments.count, $0.specialist) < ($0.departments.count, $1.specialist) }
        let all = departmentsByID.keys.sorted()
        return SiloNetwork(
            departments: all, links: links, islands: all.filter { !linked.contains($0) }, bridges: bridges,
            spanners: Array(spanners.prefix(SiloNetwork.spannerCount)))
    }
}
