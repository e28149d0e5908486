// The invariants of reporting lines — a manager is another specialist, and no line comes back to where it
// started — for single changes, for a bulk load, and for the order in which computed changes redraw lines.

extension Organization {
    /// Checks that `specialist`'s manager is another specialist of the organisation and that the line above
    /// them does not come back to them.
    ///
    /// - Complexity: O(*h*), where *h* is the number of layers above the manager.
    func checkManager(of specialist: Specialist, path: @autoclosure () -> [String]) throws(OrganizationError) {
        guard let manager = specialist.manager else { return }
        let id = specialist.id
        if manager == id {
            throw OrganizationError(
                code: .reportingCycle, message: "specialist \(id) cannot report to themselves",
                path: path() + ["manager"])
        }
        guard specialistsByID.index(forKey: manager) != nil else {
            throw OrganizationError(
                code: .unknownReference,
                message: "specialist \(id) names manager \(manager), who is not a specialist of the organisation",
                path: path() + ["manager"]
            )
        }
        var current: Specialist.ID? = manager
        var line: [Specialist.ID] = [id]
        while let above = current, line.count <= specialistsByID.count {
            line.append(above)
            if above == id {
                throw OrganizationError(
                    code: .reportingCycle,
                    message: "\(id) cannot report to \(manager): the line "
                        + line.map(\.rawValue).joined(separator: " → ") + " would come back to \(id)",
                    path: path() + ["manager"]
                )
            }
            current = specialistsByID[above]?.manager
        }
    }

    /// Checks every manager of a load: another specialist of the organisation, and no cycle, in O(*s*).
    ///
    /// The first specialist in the list's order whose line is broken is named, at their `manager` field.
    func checkReportingLines(of specialists: [Specialist]) throws(OrganizationError) {
        guard !reportsOf.isEmpty || specialists.contains(where: { $0.manager != nil }) else { return }
        var position: [Specialist.ID: Int] = [:]
        position.reserveCapacity(specialists.count)
        for (index, specialist) in specialists.enumerated() { position[specialist.id] = index }
        // 1: on the line being walked; 2: known to reach the top.
        var state: [Specialist.ID: UInt8] = [:]
        state.reserveCapacity(specialists.count)
        for (index, specialist) in specialists.enumerated()
        where specialist.manager != nil && state[specialist.id] == nil {
            var line: [Specialist.ID] = []
            var current: Specialist? = specialist
            while let walked = current, state[walked.id] == nil {
                state[walked.id] = 1
                line.append(walked.id)
                guard let manager = walked.manager else { break }
                if manager == walked.id || specialistsByID.index(forKey: manager) == nil {
                    try checkManager(of: walked, path: ["specialists", String(position[walked.id] ?? index)])
                }
                if state[manager] == 1 {
                    // The cycle: from the manager's place on the line to its end.
                    let start = line.firstIndex(of: manager) ?? 0
                    let cycle = line[start...] + [manager]
                    throw OrganizationError(
                        code: .reportingCycle,
                        message: "the reporting lines have a cycle: "
                            + cycle.map(\.rawValue).joined(separator: " → "),
                        path: ["specialists", String(position[manager] ?? index), "manager"]
                    )
                }
                current = specialistsByID[manager]
            }
            for id in line { state[id] = 2 }
        }
    }

    /// Whether `manager` and everyone above them stay, each with the manager they had in `old`: then a line to
    /// `manager` can be drawn while other lines still change.
    ///
    /// - Complexity: O(*h*) in the layers above `manager`, amortised over calls sharing `memo`.
    func hasSettledLine(
        _ manager: Specialist.ID?, from old: Organization, memo: inout [Specialist.ID: Bool]
    ) -> Bool {
        var line: [Specialist.ID] = []
        var current = manager
        var answer = true
        while let id = current {
            if let known = memo[id] {
                answer = known
                break
            }
            line.append(id)
            guard let now = specialistsByID[id], let then = old.specialistsByID[id], now.manager == then.manager,
                line.count <= specialistsByID.count
            else {
                answer = false
                break
            }
            current = now.manager
        }
        for id in line { memo[id] = answer }
        return answer
    }
}
