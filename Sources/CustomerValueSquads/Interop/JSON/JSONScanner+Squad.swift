// A squad and the values inside it, read with the scanner; mirrors `CustomerValueSquad`'s `Codable`.

extension JSONScanner {
    mutating func readSquad() throws(JSONFailure) -> CustomerValueSquad {
        var id: CustomerValueSquad.ID?
        var name: String?
        var mission: Mission?
        var memberships: [Specialist.ID: Membership] = [:]
        var rights: [DecisionRight.ID: DecisionRight] = [:]
        var grants: [DataAsset.ID: DataAccessGrant] = [:]
        var accountability = Accountability()
        var cycleLength: Cadence?
        var stage = CustomerValueSquad.Stage.forming
        var history: [PastMembership] = []
        var cycles: [BreakFixCycle] = []
        var interactions: [Interaction] = []
        var seats: [Seat] = []
        let start = try readObject(CustomerValueSquad.self, "a squad object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "name": name = try scanner.readString()
            case "mission": mission = try scanner.readMission()
            case "memberships":
                memberships = try scanner.readKeyedList("memberships") { s throws(JSONFailure) in try s.readMembership()
                }
            case "decisionRights":
                rights = try scanner.readKeyedList("decisionRights") { s throws(JSONFailure) in
                    try s.readDecisionRight()
                }
            case "grants": grants = try scanner.readKeyedList("grants") { s throws(JSONFailure) in try s.readGrant() }
            case "accountability":
                accountability = scanner.skipNull() ? Accountability() : try scanner.readAccountability()
            case "cycleLength": cycleLength = scanner.skipNull() ? nil : try scanner.readCadence()
            case "stage": stage = scanner.skipNull() ? .forming : try scanner.readCase("stage")
            case "history":
                history = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readPastMembership() }
            case "cycles": cycles = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readCycle() }
            case "interactions":
                interactions = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readInteraction() }
            case "seats": seats = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readSeat() }
            default: return false
            }
            return true
        }
        var squad = CustomerValueSquad(
            id: try required(id, "id", in: start), name: try required(name, "name", in: start),
            mission: try required(mission, "mission", in: start), memberships: memberships, decisionRights: rights,
            grants: grants,
            accountability: accountability, cycleLength: cycleLength, stage: stage, history: history, cycles: cycles,
            interactions: interactions)
        squad.seats = seats
        return squad
    }

    private mutating func readSeat() throws(JSONFailure) -> Seat {
        var id: Seat.ID?
        var role: Role?
        var skills: [Skill: Proficiency] = [:]
        var share: TimeShare?
        var neededFrom: Day?
        var note = ""
        var cost: Double?
        var department: Department.ID?
        let start = try readObject(Seat.self, "a seat object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "role": role = Role(rawValue: try scanner.readString(Role.self))
            case "skills": skills = try scanner.readSkills()
            case "share": share = try scanner.readShare()
            case "neededFrom": neededFrom = try scanner.readDay()
            case "note": note = try scanner.readOptionalString() ?? ""
            case "costPerFTE": cost = try scanner.readOptionalDouble()
            case "department": department = try scanner.readOptionalID()
            default: return false
            }
            return true
        }
        var seat = Seat(
            id: try required(id, "id", in: start), role: try required(role, "role", in: start), skills: skills,
            share: try required(share, "share", in: start),
            neededFrom: try required(neededFrom, "neededFrom", in: start),
            note: note)
        seat.costPerFTE = cost
        seat.department = department
        return seat
    }

    /// Reads a list whose entries each name their key once, into a dictionary.
    private mutating func readKeyedList<Key: Hashable & CustomStringConvertible, Value>(
        _ list: String,
        _ entry: (inout JSONScanner) throws(JSONFailure) -> (Key, Value)
    ) throws(JSONFailure) -> [Key: Value] {
        guard !skipNull() else { return [:] }
        try beginArray([Value].self)
        depth += 1
        defer { depth -= 1 }
        // The entries are read first, so the dictionary is made once at its size rather than grown.
        var entries: [(key: Key, value: Value, start: Int)] = []
        var first = true
        while try nextElement(first: first) {
            first = false
            skipWhitespace()
            let entryStart = offset
            let (key, value) = try entry(&self)
            entries.append((key, value, entryStart))
        }
        var result = [Key: Value](minimumCapacity: entries.count)
        for (key, value, entryStart) in entries {
            guard result.updateValue(value, forKey: key) == nil else {
                throw invalid(
                    OrganizationError(code: .duplicateID, message: "\(key) is listed twice in \(list)"), at: entryStart)
            }
        }
        return result
    }

    private mutating func readMembership() throws(JSONFailure) -> (Specialist.ID, Membership) {
        var specialist: Specialist.ID?
        var role: Role?
        var share: TimeShare?
        var since: Day?
        let start = try readObject(Membership.self, "a membership object") { scanner, key throws(JSONFailure) in
            switch key {
            case "specialist": specialist = try scanner.readID()
            case "role": role = Role(rawValue: try scanner.readString(Role.self))
            case "share": share = try scanner.readShare()
            case "since": since = try scanner.readOptionalDay()
            default: return false
            }
            return true
        }
        return (
            try required(specialist, "specialist", in: start),
            Membership(
                role: try required(role, "role", in: start), share: try required(share, "share", in: start),
                since: since)
        )
    }

    private mutating func readDecisionRight() throws(JSONFailure) -> (DecisionRight.ID, DecisionRight) {
        var id: DecisionRight.ID?
        var scope: String?
        var limit: DecisionRight.Limit?
        let start = try readObject(DecisionRight.self, "a decision right object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "scope": scope = try scanner.readString()
            case "limit": limit = scanner.skipNull() ? nil : try scanner.readLimit()
            default: return false
            }
            return true
        }
        return (
            try required(id, "id", in: start),
            DecisionRight(scope: try required(scope, "scope", in: start), limit: limit)
        )
    }

    private mutating func readLimit() throws(JSONFailure) -> DecisionRight.Limit {
        var amount: Double?
        var unit: String?
        let start = try readObject(DecisionRight.Limit.self, "a limit object") { scanner, key throws(JSONFailure) in
            switch key {
            case "amount": amount = try scanner.readDouble()
            case "unit": unit = try scanner.readString()
            default: return false
            }
            return true
        }
        return DecisionRight.Limit(
            amount: try required(amount, "amount", in: start), unit: try required(unit, "unit", in: start))
    }

    private mutating func readGrant() throws(JSONFailure) -> (DataAsset.ID, DataAccessGrant) {
        var asset: DataAsset.ID?
        var approvedBy: Specialist.ID?
        var reason = ""
        var expires: Day?
        let start = try readObject(DataAccessGrant.self, "a grant object") { scanner, key throws(JSONFailure) in
            switch key {
            case "asset": asset = try scanner.readID()
            case "approvedBy": approvedBy = try scanner.readOptionalID()
            case "reason": reason = try scanner.readOptionalString() ?? ""
            case "expires": expires = try scanner.readOptionalDay()
            default: return false
            }
            return true
        }
        return (
            try required(asset, "asset", in: start),
            DataAccessGrant(approvedBy: approvedBy, reason: reason, expires: expires)
        )
    }

    mutating func readAccountability() throws(JSONFailure) -> Accountability {
        var outcomes: [Outcome] = []
        var owner: Specialist.ID?
        var cadence: Cadence?
        var tolerated = 0
        try readObject(Accountability.self, "an accountability object") { scanner, key throws(JSONFailure) in
            switch key {
            case "outcomes": outcomes = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readOutcome() }
            case "owner": owner = try scanner.readOptionalID()
            case "reviewCadence": cadence = scanner.skipNull() ? nil : try scanner.readCadence()
            case "toleratedSmallFailures": tolerated = scanner.skipNull() ? 0 : try scanner.readInt()
            default: return false
            }
            return true
        }
        return Accountability(
            outcomes: outcomes, owner: owner, reviewCadence: cadence, toleratedSmallFailures: tolerated)
    }

    private mutating func readOutcome() throws(JSONFailure) -> Outcome {
        var id: Outcome.ID?
        var metric: String?
        var unit = ""
        var baseline: Double?
        var target: Double?
        var current: Double?
        var direction = Outcome.Direction.increase
        var weight = 1.0
        var checkIns: [Outcome.CheckIn] = []
        let start = try readObject(Outcome.self, "an outcome object") { scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "metric": metric = try scanner.readString()
            case "unit": unit = try scanner.readOptionalString() ?? ""
            case "baseline": baseline = try scanner.readOptionalDouble()
            case "target": target = try scanner.readOptionalDouble()
            case "current": current = try scanner.readOptionalDouble()
            case "direction": direction = scanner.skipNull() ? .increase : try scanner.readCase("direction")
            case "weight": weight = try scanner.readOptionalDouble() ?? 1
            case "checkIns": checkIns = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readCheckIn() }
            default: return false
            }
            return true
        }
        return Outcome(
            id: try required(id, "id", in: start), metric: try required(metric, "metric", in: start), unit: unit,
            baseline: baseline, target: target, current: current,
            direction: direction, weight: weight, checkIns: checkIns)
    }

    private mutating func readCheckIn() throws(JSONFailure) -> Outcome.CheckIn {
        var day: Day?
        var value: Double?
        var confidence: Int?
        var note = ""
        let start = try readObject(Outcome.CheckIn.self, "a check-in object") { scanner, key throws(JSONFailure) in
            switch key {
            case "day": day = try scanner.readDay()
            case "value": value = try scanner.readDouble()
            case "confidence": confidence = scanner.skipNull() ? nil : try scanner.readInt()
            case "note": note = try scanner.readOptionalString() ?? ""
            default: return false
            }
            return true
        }
        return Outcome.CheckIn(
            day: try required(day, "day", in: start), value: try required(value, "value", in: start),
            confidence: confidence, note: note)
    }

    private mutating func readInteraction() throws(JSONFailure) -> Interaction {
        var id: Interaction.ID?
        var department: Department.ID?
        var squad: CustomerValueSquad.ID?
        var mode: Interaction.Mode?
        var purpose: String?
        var start: Day?
        var expectedEnd: Day?
        var blocking = false
        var dataNeeded: Set<DataAsset.ID> = []
        let objectStart = try readObject(Interaction.self, "an interaction object") {
            scanner, key throws(JSONFailure) in
            switch key {
            case "id": id = try scanner.readID()
            case "department": department = try scanner.readOptionalID()
            case "squad": squad = try scanner.readOptionalID()
            case "mode": mode = try scanner.readCase("mode")
            case "purpose": purpose = try scanner.readString()
            case "start": start = try scanner.readDay()
            case "expectedEnd": expectedEnd = try scanner.readOptionalDay()
            case "blocking": blocking = scanner.skipNull() ? false : try scanner.readBool()
            case "dataNeeded":
                dataNeeded = Set(
                    try scanner.readOptionalArray { s throws(JSONFailure) in try s.readID(DataAsset.self) })
            default: return false
            }
            return true
        }
        let counterpart: Interaction.Counterpart
        switch (department, squad) {
        case (let department?, nil): counterpart = .department(department)
        case (nil, let squad?): counterpart = .squad(squad)
        default:
            throw invalid(
                OrganizationError(
                    code: .invalidDocument, message: "an interaction names exactly one of department and squad"),
                at: objectStart)
        }
        return Interaction(
            id: try required(id, "id", in: objectStart), with: counterpart,
            mode: try required(mode, "mode", in: objectStart),
            purpose: try required(purpose, "purpose", in: objectStart),
            start: try required(start, "start", in: objectStart), expectedEnd: expectedEnd, isBlocking: blocking,
            dataNeeded: dataNeeded)
    }

    private mutating func readPastMembership() throws(JSONFailure) -> PastMembership {
        var specialist: Specialist.ID?
        var role: Role?
        var share: TimeShare?
        var since: Day?
        var until: Day?
        var reason: String?
        let start = try readObject(PastMembership.self, "a past membership object") {
            scanner, key throws(JSONFailure) in
            switch key {
            case "specialist": specialist = try scanner.readID()
            case "role": role = Role(rawValue: try scanner.readString(Role.self))
            case "share": share = try scanner.readShare()
            case "since": since = try scanner.readOptionalDay()
            case "until": until = try scanner.readOptionalDay()
            case "reason": reason = try scanner.readString()
            default: return false
            }
            return true
        }
        return PastMembership(
            specialist: try required(specialist, "specialist", in: start), role: try required(role, "role", in: start),
            share: try required(share, "share", in: start), since: since, until: until,
            reason: try required(reason, "reason", in: start))
    }

    private mutating func readCycle() throws(JSONFailure) -> BreakFixCycle {
        var started: Day?
        var ended: Day?
        var texts: [String: String] = [:]
        var result: BreakFixCycle.Result?
        let start = try readObject(BreakFixCycle.self, "a break-fix cycle object") { scanner, key throws(JSONFailure) in
            switch key {
            case "started": started = try scanner.readDay()
            case "ended": ended = try scanner.readOptionalDay()
            case "tried", "broke", "fix", "lesson": texts[key.text] = try scanner.readString()
            case "result": result = try scanner.readCase("result")
            default: return false
            }
            return true
        }
        guard let started else { throw missing("started", in: start) }
        for name in ["tried", "broke", "fix", "lesson"] where texts[name] == nil { throw missing(name, in: start) }
        return BreakFixCycle(
            started: started, ended: ended, tried: texts["tried"] ?? "", broke: texts["broke"] ?? "",
            fix: texts["fix"] ?? "", lesson: texts["lesson"] ?? "", result: try required(result, "result", in: start))
    }
}
