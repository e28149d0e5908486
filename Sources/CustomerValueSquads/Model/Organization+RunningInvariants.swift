// The invariants of a running squad: its break-fix cycles, its outcomes' check-ins and its interaction
// contracts.

extension Organization {
    static func checkPeriod(
        from start: Day?, to end: Day?, _ what: @autoclosure () -> String, path: @autoclosure () -> [String]
    )
        throws(OrganizationError)
    {
        if let start, let end, end < start {
            throw OrganizationError(
                code: .invalidValue,
                message: "\(what()) ends on \(end), before it starts on \(start)",
                path: path()
            )
        }
    }

    static func checkCycle(_ cycle: BreakFixCycle, of squad: CustomerValueSquad.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        try requireText(cycle.tried, "what squad \(squad) tried in a break-fix cycle", path: path() + ["tried"])
        try checkPeriod(
            from: cycle.started,
            to: cycle.ended,
            "the break-fix cycle of squad \(squad) started \(cycle.started)",
            path: path() + ["ended"]
        )
    }

    /// Checks an outcome's check-ins: finite values, confidences in range, days in order and one per day, and
    /// the current value being the latest one's.
    static func checkCheckIns(of outcome: Outcome, path: @autoclosure () -> [String]) throws(OrganizationError) {
        var previous: Day?
        for (index, checkIn) in outcome.checkIns.enumerated() {
            func checkInPath() -> [String] { path() + ["checkIns", String(index)] }
            try checkCheckIn(checkIn, of: outcome.id, path: checkInPath())
            if let previous, checkIn.day <= previous {
                throw OrganizationError(
                    code: checkIn.day == previous ? .duplicateID : .invalidValue,
                    message: checkIn.day == previous
                        ? "outcome \(outcome.id) has two check-ins on \(checkIn.day)"
                        : "the check-ins of outcome \(outcome.id) must be in day order: \(checkIn.day) comes after "
                            + "\(previous)",
                    path: checkInPath() + ["day"]
                )
            }
            previous = checkIn.day
        }
        if let latest = outcome.checkIns.last, outcome.current != latest.value {
            throw OrganizationError(
                code: .invalidValue,
                message: "the current value of outcome \(outcome.id) is \(outcome.current.map { "\($0)" } ?? "unset") "
                    + "but its latest check-in, on \(latest.day), says \(latest.value)",
                path: path() + ["current"]
            )
        }
    }

    /// Checks one check-in's own fields.
    static func checkCheckIn(_ checkIn: Outcome.CheckIn, of outcome: Outcome.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        try requireFinite(checkIn.value, "the value checked in for outcome \(outcome)", path: path() + ["value"])
        if let confidence = checkIn.confidence, !Outcome.CheckIn.confidenceRange.contains(confidence) {
            throw OrganizationError(
                code: .invalidValue,
                message: "the confidence checked in for outcome \(outcome) on \(checkIn.day) must be from 0 to 10, "
                    + "not \(confidence)",
                path: path() + ["confidence"]
            )
        }
    }

    /// Checks a squad's interactions: identifiers listed once, a purpose, an end after the start, data that
    /// exists and a counterpart that exists — when `counterpartSquadsKnown` is false (a bulk load before every
    /// squad is in) other squads are not looked up.
    func checkInteractions(
        of squad: CustomerValueSquad, path: @autoclosure () -> [String], counterpartSquadsKnown: Bool = true
    ) throws(OrganizationError) {
        var seen: Set<Interaction.ID> = []
        for (index, interaction) in squad.interactions.enumerated() {
            func interactionPath() -> [String] { path() + ["interactions", String(index)] }
            guard seen.insert(interaction.id).inserted else {
                throw OrganizationError(
                    code: .duplicateID,
                    message: "interaction \(interaction.id) is listed twice in squad \(squad.id)",
                    path: interactionPath() + ["id"]
                )
            }
            try checkInteraction(
                interaction, of: squad.id, path: interactionPath(), counterpartSquadsKnown: counterpartSquadsKnown)
        }
    }

    /// Checks a squad's open seats: identifiers listed once, each seat's own fields and its department.
    func checkSeats(of squad: CustomerValueSquad, path: @autoclosure () -> [String]) throws(OrganizationError) {
        var seen: Set<Seat.ID> = []
        for (index, seat) in squad.seats.enumerated() {
            func seatPath() -> [String] { path() + ["seats", String(index)] }
            guard seen.insert(seat.id).inserted else {
                throw OrganizationError(
                    code: .duplicateID, message: "seat \(seat.id) is listed twice in squad \(squad.id)",
                    path: seatPath() + ["id"])
            }
            try checkSeat(seat, of: squad.id, path: seatPath())
        }
    }

    /// Checks one seat against the organisation: its own fields, and a department that exists.
    func checkSeat(_ seat: Seat, of squad: CustomerValueSquad.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        try Self.checkSeatFields(seat, of: squad, path: path())
        if let department = seat.department, departmentsByID.index(forKey: department) == nil {
            throw OrganizationError(
                code: .unknownReference,
                message: "seat \(seat.id) of squad \(squad) belongs to department \(department), which does not exist",
                path: path() + ["department"])
        }
    }

    /// Checks one seat's own fields: a role, skills that are not blank, a cost in range.
    static func checkSeatFields(_ seat: Seat, of squad: CustomerValueSquad.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        if let cost = seat.costPerFTE, !(cost.isFinite && (0...Department.maximumCostPerFTE).contains(cost)) {
            throw OrganizationError(
                code: .invalidValue,
                message: "the cost per FTE of seat \(seat.id) of squad \(squad) must be an amount from 0 to 1e12 "
                    + "(a trillion), not \(cost)",
                path: path() + ["costPerFTE"])
        }
        try requireText(seat.role.rawValue, "the role of seat \(seat.id) of squad \(squad)", path: path() + ["role"])
        for skill in seat.skills.keys {
            try requireText(skill.rawValue, "a skill of seat \(seat.id) of squad \(squad)", path: path() + ["skills"])
        }
    }

    /// Checks one interaction of `squad` against the organisation.
    func checkInteraction(
        _ interaction: Interaction, of squad: CustomerValueSquad.ID, path: @autoclosure () -> [String],
        counterpartSquadsKnown: Bool = true
    ) throws(OrganizationError) {
        let id = interaction.id
        try Self.requireText(interaction.purpose, "the purpose of interaction \(id)", path: path() + ["purpose"])
        if let end = interaction.expectedEnd, end <= interaction.start {
            throw OrganizationError(
                code: .invalidValue,
                message: "interaction \(id) of squad \(squad) is expected to end on \(end), which is not after its "
                    + "start on \(interaction.start)",
                path: path() + ["expectedEnd"]
            )
        }
        switch interaction.counterpart {
        case .department(let department):
            guard departmentsByID.index(forKey: department) != nil else {
                throw OrganizationError(
                    code: .unknownReference,
                    message:
                        "interaction \(id) of squad \(squad) is with department \(department), which does not exist",
                    path: path() + ["department"]
                )
            }
        case .squad(let other):
            guard other != squad else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "interaction \(id) of squad \(squad) is with the squad itself",
                    path: path() + ["squad"]
                )
            }
            if counterpartSquadsKnown {
                try checkCounterpart(other, of: interaction, of: squad, path: path() + ["squad"])
            }
        }
        for asset in interaction.dataNeeded.sorted() where holderOfAsset[asset] == nil {
            throw OrganizationError(
                code: .unknownReference,
                message: "interaction \(id) of squad \(squad) needs data asset \(asset), which no department holds",
                path: path() + ["dataNeeded"]
            )
        }
    }

    /// Checks that the squad an interaction is with exists and is not dissolved.
    func checkCounterpart(
        _ other: CustomerValueSquad.ID, of interaction: Interaction, of squad: CustomerValueSquad.ID,
        path: @autoclosure () -> [String]
    ) throws(OrganizationError) {
        guard let counterpart = squadsByID[other] else {
            throw OrganizationError(
                code: .unknownReference,
                message: "interaction \(interaction.id) of squad \(squad) is with squad \(other), which does not exist",
                path: path()
            )
        }
        guard counterpart.stage != .dissolved else {
            throw OrganizationError(
                code: .squadDissolved,
                message: "interaction \(interaction.id) of squad \(squad) is with squad \(other), which is dissolved",
                path: path()
            )
        }
    }

    /// The first squad, by identifier, that has an interaction with `counterpart`, if any.
    ///
    /// - Complexity: O(*q* + *i*) in the squads and their interactions.
    func squadInteracting(with counterpart: Interaction.Counterpart) -> CustomerValueSquad.ID? {
        squadsByID.values.filter { squad in squad.interactions.contains { $0.counterpart == counterpart } }
            .map(\.id).min()
    }

    /// Throws ``OrganizationError/Code/stillReferenced`` when another squad has an interaction with `squad`.
    ///
    /// - Complexity: O(*q* + *i*) in the squads and their interactions.
    func requireNoInteractions(with squad: CustomerValueSquad.ID, _ doing: @autoclosure () -> String)
        throws(OrganizationError)
    {
        if let first = squadInteracting(with: .squad(squad)) {
            throw OrganizationError(
                code: .stillReferenced,
                message: "cannot \(doing()): squad \(first) still has an interaction with it; remove that first"
            )
        }
    }
}
