extension Organization {
    // MARK: - Single checks, shared by the bulk initialiser, the decoder and the transformations

    static func requireText(_ text: String, _ what: @autoclosure () -> String, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        if isBlank(text) {
            throw OrganizationError(code: .invalidValue, message: "\(what()) must not be blank", path: path())
        }
    }

    /// Whether `text` shows nothing: it is empty, or made only of white space, control characters (NUL, ESC,
    /// DEL, U+0080…U+009F), invisible format characters (zero-width spaces and joiners, direction marks, the
    /// byte-order mark), other code points that are ignorable by default (the combining grapheme joiner,
    /// variation selectors), combining marks with no character to mark (a lone acute accent) and blank fillers
    /// (Hangul fillers, the blank Braille pattern).
    ///
    /// This is the test behind "names are not blank": every name, role, skill and metric that passes it is
    /// refused with ``OrganizationError/Code/invalidValue``. Rules of your own may use it too.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func isBlank(_ text: String) -> Bool {
        // Text that starts with a printable ASCII character other than the space shows something.
        if let first = text.utf8.first, (0x21...0x7E).contains(first) { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .control, .format, .nonspacingMark, .enclosingMark, .spacingMark: return true
            default:
                return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
                    || [0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0].contains(scalar.value)
            }
        }
    }

    static func requireFinite(_ value: Double?, _ what: @autoclosure () -> String, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        if let value, !value.isFinite {
            throw OrganizationError(code: .invalidValue, message: "\(what()) must be a finite number", path: path())
        }
    }

    /// Checks a department's own fields and its parent and head against the organisation.
    ///
    /// Asset identifiers must be unique within the department and not held by any *other* department.
    func checkDepartment(_ department: Department, path: @autoclosure () -> [String]) throws(OrganizationError) {
        let id = department.id
        try Self.requireText(department.name, "the name of department \(id)", path: path() + ["name"])
        var seen: Set<DataAsset.ID> = []
        for (index, asset) in department.dataAssets.enumerated() {
            func assetPath() -> [String] { path() + ["dataAssets", String(index)] }
            if !seen.insert(asset.id).inserted {
                throw OrganizationError(
                    code: .duplicateID,
                    message: "data asset \(asset.id) is listed twice in department \(id)",
                    path: assetPath() + ["id"]
                )
            }
            if let holder = holderOfAsset[asset.id], holder != id {
                throw OrganizationError(
                    code: .duplicateID,
                    message: "data asset \(asset.id) of department \(id) is already held by department \(holder)",
                    path: assetPath() + ["id"]
                )
            }
            try Self.requireText(asset.name, "the name of data asset \(asset.id)", path: assetPath() + ["name"])
        }
        if let floor = department.capacityFloor, !(floor.isFinite && (0...1).contains(floor)) {
            throw OrganizationError(
                code: .invalidValue,
                message: "the capacity floor of department \(id) must be a share from 0 to 1, not \(floor)",
                path: path() + ["capacityFloor"])
        }
        if let cost = department.costPerFTE, !(cost.isFinite && (0...Department.maximumCostPerFTE).contains(cost)) {
            throw OrganizationError(
                code: .invalidValue,
                message:
                    "the cost per FTE of department \(id) must be an amount from 0 to 1e12 (a trillion), not \(cost)",
                path: path() + ["costPerFTE"])
        }
        try checkParent(department.parent, of: id, path: path() + ["parent"])
        if let head = department.head {
            guard let specialist = specialistsByID[head] else {
                throw OrganizationError(
                    code: .unknownReference,
                    message: "department \(id) names head \(head), who is not a specialist of the organisation",
                    path: path() + ["head"]
                )
            }
            guard specialist.department == id else {
                throw OrganizationError(
                    code: .headOutsideDepartment,
                    message: "\(head) cannot head department \(id): their home department is \(specialist.department)",
                    path: path() + ["head"]
                )
            }
        }
    }

    /// Checks that `parent` exists and that placing `id` under it leaves the hierarchy without a cycle.
    func checkParent(_ parent: Department.ID?, of id: Department.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        guard let parent else { return }
        if parent == id {
            throw OrganizationError(
                code: .hierarchyCycle, message: "department \(id) cannot report to itself", path: path())
        }
        guard departmentsByID.index(forKey: parent) != nil else {
            throw OrganizationError(
                code: .unknownReference,
                message: "department \(id) names parent \(parent), which is not a department of the organisation",
                path: path()
            )
        }
        var current: Department.ID? = parent
        var steps = 0
        while let ancestor = current {
            if ancestor == id {
                throw OrganizationError(
                    code: .hierarchyCycle,
                    message: "placing department \(id) under \(parent) would make \(id) its own ancestor",
                    path: path()
                )
            }
            steps += 1
            if steps > departmentsByID.count { break }  // an existing cycle is reported by the bulk check
            current = departmentsByID[ancestor]?.parent
        }
    }

    /// Checks a specialist's own fields and home department.
    func checkSpecialist(_ specialist: Specialist, path: @autoclosure () -> [String]) throws(OrganizationError) {
        let id = specialist.id
        try Self.requireText(specialist.name, "the name of specialist \(id)", path: path() + ["name"])
        guard departmentsByID.index(forKey: specialist.department) != nil else {
            throw OrganizationError(
                code: .unknownReference,
                message: "specialist \(id) names home department \(specialist.department), which does not exist",
                path: path() + ["department"]
            )
        }
        for skill in specialist.skills.keys {
            try Self.requireText(skill.rawValue, "a skill of specialist \(id)", path: path() + ["skills"])
        }
    }

    /// Checks that a specialist is not a department head, a member, an accountability owner or a grant
    /// approver anywhere, so they can leave.
    func checkUnreferenced(_ id: Specialist.ID, purpose: String) throws(OrganizationError) {
        if let squads = squadsOfSpecialist[id], let first = squads.min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "cannot \(purpose) \(id): they are a member of squad \(first); release them first"
            )
        }
        let home = specialistsByID[id]?.department
        if let home, departmentsByID[home]?.head == id {
            throw OrganizationError(
                code: .stillReferenced,
                message: "cannot \(purpose) \(id): they head department \(home); appoint another head first"
            )
        }
        // A dissolved squad is a record: its owner and approvers are history, like its past members.
        for squad in squadsByID.values.sorted(by: { $0.id < $1.id }) where squad.stage != .dissolved {
            if squad.accountability.owner == id {
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "cannot \(purpose) \(id): they own the accountability of squad \(squad.id)"
                )
            }
            if let asset = squad.grants.first(where: { $0.value.approvedBy == id })?.key {
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "cannot \(purpose) \(id): they approved squad \(squad.id)'s grant to data asset \(asset)"
                )
            }
        }
    }

    /// Checks a mission's skills and the data it needs.
    func checkMission(
        _ mission: Mission,
        of squad: CustomerValueSquad.ID,
        path: @autoclosure () -> [String],
        referencesMustResolve: Bool = true
    ) throws(OrganizationError) {
        for skill in mission.requiredSkills {
            try Self.requireText(
                skill.rawValue,
                "a skill the mission of squad \(squad) needs",
                path: path() + ["requiredSkills"]
            )
        }
        for asset in mission.requiredData.sorted() where referencesMustResolve && holderOfAsset[asset] == nil {
            throw OrganizationError(
                code: .unknownReference,
                message: "the mission of squad \(squad) needs data asset \(asset), which no department holds",
                path: path() + ["requiredData"]
            )
        }
    }

    /// Checks an accountability's owner (unless `ownerMustResolve` is false: the record of a dissolved squad),
    /// outcomes and tolerance.
    func checkAccountability(
        _ accountability: Accountability,
        of squad: CustomerValueSquad.ID,
        path: @autoclosure () -> [String],
        ownerMustResolve: Bool
    ) throws(OrganizationError) {
        if ownerMustResolve, let owner = accountability.owner, specialistsByID.index(forKey: owner) == nil {
            throw OrganizationError(
                code: .unknownReference,
                message: "squad \(squad) names accountability owner \(owner), who is not a specialist",
                path: path() + ["owner"]
            )
        }
        guard accountability.toleratedSmallFailures >= 0 else {
            throw OrganizationError(
                code: .invalidValue,
                message: "squad \(squad) tolerates \(accountability.toleratedSmallFailures) small failures; "
                    + "the number must not be negative",
                path: path() + ["toleratedSmallFailures"]
            )
        }
        var seen: Set<Outcome.ID> = []
        for (index, outcome) in accountability.outcomes.enumerated() {
            func outcomePath() -> [String] { path() + ["outcomes", String(index)] }
            guard seen.insert(outcome.id).inserted else {
                throw OrganizationError(
                    code: .duplicateID,
                    message: "outcome \(outcome.id) is listed twice in the accountability of squad \(squad)",
                    path: outcomePath() + ["id"]
                )
            }
            try Self.requireText(
                outcome.metric, "the metric of outcome \(outcome.id)", path: outcomePath() + ["metric"])
            try Self.requireFinite(
                outcome.baseline, "the baseline of outcome \(outcome.id)", path: outcomePath() + ["baseline"])
            try Self.requireFinite(
                outcome.target, "the target of outcome \(outcome.id)", path: outcomePath() + ["target"])
            try Self.requireFinite(
                outcome.current, "the current value of outcome \(outcome.id)", path: outcomePath() + ["current"])
            guard outcome.weight.isFinite, outcome.weight > 0 else {
                throw OrganizationError(
                    code: .invalidValue,
                    message:
                        "the weight of outcome \(outcome.id) must be a finite number above 0, not \(outcome.weight)",
                    path: outcomePath() + ["weight"]
                )
            }
            try Self.checkCheckIns(of: outcome, path: outcomePath())
        }
    }

    /// Checks a decision right's scope and limit.
    static func checkDecisionRight(_ right: DecisionRight, id: DecisionRight.ID, path: @autoclosure () -> [String])
        throws(OrganizationError)
    {
        try requireText(right.scope, "the scope of decision right \(id)", path: path() + ["scope"])
        if let limit = right.limit, !(limit.amount.isFinite && limit.amount >= 0) {
            throw OrganizationError(
                code: .invalidValue,
                message: "the limit of decision right \(id) must be a finite amount of 0 or more, not \(limit.amount)",
                path: path() + ["limit", "amount"]
            )
        }
    }

    /// Checks a grant's asset and approver.
    func checkGrant(
        _ grant: DataAccessGrant, to asset: DataAsset.ID, of squad: CustomerValueSquad.ID,
        path: @autoclosure () -> [String]
    )
        throws(OrganizationError)
    {
        guard holderOfAsset[asset] != nil else {
            throw OrganizationError(
                code: .unknownReference,
                message: "squad \(squad) holds a grant to data asset \(asset), which no department holds",
                path: path()
            )
        }
        if let approver = grant.approvedBy, specialistsByID.index(forKey: approver) == nil {
            throw OrganizationError(
                code: .unknownReference,
                message:
                    "the grant of data asset \(asset) to squad \(squad) names approver \(approver), who is not a specialist",
                path: path() + ["approvedBy"]
            )
        }
    }

    /// Checks a whole squad against the organisation, except the members' total bookings (and, while
    /// `counterpartSquadsKnown` is false, the squads its interactions are with).
    func checkSquad(
        _ squad: CustomerValueSquad, path: @autoclosure () -> [String], counterpartSquadsKnown: Bool = true
    ) throws(OrganizationError) {
        let id = squad.id
        try Self.requireText(squad.name, "the name of squad \(id)", path: path() + ["name"])
        if squad.stage == .dissolved,
            !(squad.memberships.isEmpty && squad.grants.isEmpty && squad.interactions.isEmpty && squad.seats.isEmpty)
        {
            throw OrganizationError(
                code: .dissolvedSquadNotEmpty,
                message: "squad \(id) is dissolved but still holds \(squad.memberships.count) members, "
                    + "\(squad.grants.count) grants, \(squad.interactions.count) interactions and "
                    + "\(squad.seats.count) open seats",
                path: path() + ["stage"]
            )
        }
        // A dissolved squad is a record: the people and data it names may since have gone, like its past
        // members; only its own fields are checked.
        let isRecord = squad.stage == .dissolved
        try checkMission(squad.mission, of: id, path: path() + ["mission"], referencesMustResolve: !isRecord)
        try Self.checkEach(squad.memberships) { (member, membership) throws(OrganizationError) in
            func memberPath() -> [String] { path() + ["memberships", member.rawValue] }
            guard specialistsByID.index(forKey: member) != nil else {
                throw OrganizationError(
                    code: .unknownReference,
                    message: "squad \(id) names member \(member), who is not a specialist of the organisation",
                    path: memberPath() + ["specialist"]
                )
            }
            try Self.requireText(
                membership.role.rawValue, "the role of \(member) in squad \(id)", path: memberPath() + ["role"])
        }
        try Self.checkEach(squad.decisionRights) { (rightID, right) throws(OrganizationError) in
            try Self.checkDecisionRight(right, id: rightID, path: path() + ["decisionRights", rightID.rawValue])
        }
        try Self.checkEach(squad.grants) { (asset, grant) throws(OrganizationError) in
            try checkGrant(grant, to: asset, of: id, path: path() + ["grants", asset.rawValue])
        }
        try checkAccountability(
            squad.accountability, of: id, path: path() + ["accountability"], ownerMustResolve: !isRecord)
        for (index, past) in squad.history.enumerated() {
            try Self.checkPeriod(
                from: past.since,
                to: past.until,
                "the membership of \(past.specialist) in squad \(id)",
                path: path() + ["history", String(index), "until"]
            )
        }
        for (index, cycle) in squad.cycles.enumerated() {
            try Self.checkCycle(cycle, of: id, path: path() + ["cycles", String(index)])
        }
        try checkInteractions(of: squad, path: path(), counterpartSquadsKnown: counterpartSquadsKnown)
        try checkSeats(of: squad, path: path())
    }

    /// Checks that giving `specialist` a share of `percent` in `squad` keeps them at or under 100 %.
    ///
    /// `bookedHere` is what they give `squad` now, when the caller knows it; otherwise it is looked up.
    func checkBooking(
        of specialist: Specialist.ID,
        percent: Int,
        in squad: CustomerValueSquad.ID,
        path: @autoclosure () -> [String],
        bookedHere: Int? = nil
    ) throws(OrganizationError) {
        let here = bookedHere ?? squadsByID[squad]?.memberships[specialist]?.share.percent ?? 0
        let elsewhere = bookedPercent(of: specialist) - here
        if elsewhere + percent > 100 {
            throw OrganizationError(
                code: .overbooked,
                message: "\(specialist) would be booked \(elsewhere + percent)% of their time: \(elsewhere)% "
                    + "in other squads plus \(percent)% in \(squad)",
                path: path()
            )
        }
    }

    /// Checks every entry of `entries` and throws the failure of the smallest key, so the error is the same
    /// whatever the dictionary's order, without sorting when every entry passes.
    ///
    /// - Complexity: O(*n*) checks.
    static func checkEach<Key: Comparable, Value>(
        _ entries: [Key: Value],
        _ check: (Key, Value) throws(OrganizationError) -> Void
    ) throws(OrganizationError) {
        var first: (key: Key, error: OrganizationError)?
        for (key, value) in entries {
            do {
                try check(key, value)
            } catch {
                if first.map({ key < $0.key }) ?? true { first = (key, error) }
            }
        }
        if let first { throw first.error }
    }
}
