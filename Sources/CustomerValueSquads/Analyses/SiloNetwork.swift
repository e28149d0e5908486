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
    /// The departments with staff of their own that no squad connects to any other: the silos still closed. A
    /// department with no staff (a head office made only of sub-departments) has nobody to send to a squad and is
    /// not an island.
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
    /// - Complexity: O(*m* log *m* + *q* · *k*² + *l* log *l* + *d* log *d*), where *m* is the number of
    ///   memberships, *q* the number of squads, *k* the most departments one squad draws from, *l* the number of
    ///   links and *d* of departments.
    public func siloNetwork() -> SiloNetwork {
        let all = departmentsByID.keys.sorted()
        var position: [Department.ID: Int] = [:]
        position.reserveCapacity(all.count)
        for (index, department) in all.enumerated() { position[department] = index }
        // Departments, links and people are numbered while the squads are read, so the work per membership is
        // arithmetic on integers: a link is the pair of its departments' positions in `all`.
        var slotOfPair: [Int: Int] = [:]
        var pairs: [(Int, Int)] = []
        var squadsOfLink: [[CustomerValueSquad.ID]] = []
        var percentOfLink: [Int] = []
        var ordinal: [Specialist.ID: Int] = [:]
        var people: [Specialist.ID] = []
        // A link and a person who carries it, and a person and a silo of theirs, each packed in one integer
        // (the first in the high half) so that sorting them compares integers.
        var carriers: [UInt64] = []
        var homes: [UInt64] = []
        func packed(_ high: Int, _ low: Int) -> UInt64 { UInt64(high) << 32 | UInt64(low) }
        var bridges: [CustomerValueSquad.ID: [Department.ID]] = [:]
        var linked = Array(repeating: false, count: all.count)
        var members: [(department: Int, person: Int, percent: Int)] = []
        var groups: [Range<Int>] = []
        for squad in squadsByID.values where squad.stage != .dissolved {
            members.removeAll(keepingCapacity: true)
            for (member, membership) in squad.memberships {
                guard let home = specialistsByID[member]?.department, let department = position[home] else { continue }
                let person = ordinal[member] ?? people.count
                if person == people.count {
                    ordinal[member] = person
                    people.append(member)
                }
                members.append((department, person, membership.share.percent))
            }
            // The members grouped by department, in the order of the departments.
            members.sort { ($0.department, $0.person) < ($1.department, $1.person) }
            groups.removeAll(keepingCapacity: true)
            var start = members.startIndex
            while start < members.endIndex {
                var end = start + 1
                while end < members.endIndex, members[end].department == members[start].department { end += 1 }
                groups.append(start..<end)
                start = end
            }
            for member in members {
                for group in groups { homes.append(packed(member.person, members[group.lowerBound].department)) }
            }
            guard groups.count >= 2 else { continue }
            bridges[squad.id] = groups.map { all[members[$0.lowerBound].department] }
            for (index, firstGroup) in groups.enumerated() {
                let first = members[firstGroup.lowerBound].department
                linked[first] = true
                for secondGroup in groups[(index + 1)...] {
                    let second = members[secondGroup.lowerBound].department
                    let key = first * all.count + second
                    let link = slotOfPair[key] ?? pairs.count
                    if link == pairs.count {
                        slotOfPair[key] = link
                        pairs.append((first, second))
                        squadsOfLink.append([])
                        percentOfLink.append(0)
                    }
                    squadsOfLink[link].append(squad.id)
                    for group in [firstGroup, secondGroup] {
                        for member in members[group] {
                            carriers.append(packed(link, member.person))
                            percentOfLink[link] += member.percent
                        }
                    }
                }
            }
        }
        // The people of each link: its carriers, each counted once.
        carriers.sort()
        var peopleOfLink = Array(repeating: 0, count: pairs.count)
        for index in carriers.indices where index == 0 || carriers[index - 1] != carriers[index] {
            peopleOfLink[Int(carriers[index] >> 32)] += 1
        }
        let links = pairs.indices.sorted { pairs[$0] < pairs[$1] }.map { link in
            SiloNetwork.Link(
                departments: [all[pairs[link].0], all[pairs[link].1]], squads: squadsOfLink[link].sorted(),
                people: peopleOfLink[link], fte: Double(percentOfLink[link]) / 100)
        }
        // Each person's silos: the departments of every squad they serve in, each counted once. Only the most
        // spanning are kept, in order: most silos first, then the smallest identifier.
        homes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(homes.count)
        for home in homes where unique.last != home { unique.append(home) }
        var top: [(silos: Int, person: Int, start: Int)] = []
        func precedes(_ a: (silos: Int, person: Int, start: Int), _ b: (silos: Int, person: Int, start: Int)) -> Bool {
            a.silos != b.silos ? a.silos > b.silos : people[a.person] < people[b.person]
        }
        var start = unique.startIndex
        while start < unique.endIndex {
            let person = Int(unique[start] >> 32)
            var end = start + 1
            while end < unique.endIndex, Int(unique[end] >> 32) == person { end += 1 }
            let candidate = (silos: end - start, person: person, start: start)
            if candidate.silos >= 2,
                top.count < SiloNetwork.spannerCount || precedes(candidate, top[top.count - 1])
            {
                top.insert(candidate, at: top.firstIndex { precedes(candidate, $0) } ?? top.endIndex)
                if top.count > SiloNetwork.spannerCount { top.removeLast() }
            }
            start = end
        }
        let spanners = top.map { entry in
            SiloNetwork.Spanner(
                specialist: people[entry.person],
                departments: unique[entry.start..<(entry.start + entry.silos)].map { all[Int($0 & 0xFFFF_FFFF)] })
        }
        return SiloNetwork(
            departments: all, links: links,
            islands: all.indices.filter { !linked[$0] && staffOfDepartment[all[$0]]?.isEmpty == false }.map { all[$0] },
            bridges: bridges, spanners: spanners)
    }
}
