/// An organisation and its validation report, kept up to date change by change.
///
/// Tools that change one thing at a time — an org-design editor, a planning notebook, an assistant answering
/// "what if Sari moves to the Bali squad?" — want the findings at once. A live validation re-runs only what a
/// change can affect: the squads, specialists and departments it touches, and only the rules whose
/// ``ValidationScope`` reaches them. After every change its ``report`` equals a full
/// ``Organization/validate(policy:on:)`` of the same organisation under the same policy and day.
///
/// ```swift
/// var live = LiveValidation(organization, on: "2026-06-01")
/// let difference = try live.update { try $0.assign("sari", to: "bali", role: "analyst", share: 50) }
/// print(difference.added)            // what the move broke
/// print(live.report.isValid)
/// ```
///
/// Every built-in rule is scoped except ``SiloIslandRule``, which looks at the whole silo network.
/// ``ReportingLayersRule`` reads every reporting line: it is re-run whole, but only after a change of a manager.
/// A rule that is not a ``ScopedValidationRule`` is re-run whole after every change — its organisation check, and
/// its squad check on every squad — which is always correct and costs what validating with that rule alone costs.
///
/// The day is read once: with none, ``Day/today`` when the live validation is made, for as long as it lives.
///
/// - Important: Keep the organisation in the live validation while you change it. A copy of ``organization``
///   held elsewhere makes the next change copy the organisation's tables, which costs as much as the size of
///   the organisation.
public struct LiveValidation: Sendable {
    /// The organisation, as the changes so far have left it.
    public internal(set) var organization: Organization
    /// The policy findings are judged by.
    public let policy: ValidationPolicy
    /// The day given when the live validation was made, if any.
    public let day: Day?
    /// The day the live validation judges on: ``day``, or the day it was made.
    public let judgingDay: Day

    private let plan: Plan
    private var squadFindings: [CustomerValueSquad.ID: [Finding]] = [:]
    /// The findings of the squad checks that read the reporting lines, kept apart so a change of a line re-runs
    /// only those checks on the squads below it.
    private var lineSquadFindings: [CustomerValueSquad.ID: [Finding]] = [:]
    private var wholeSquadFindings: [CustomerValueSquad.ID: [Finding]] = [:]
    private var specialistFindings: [Specialist.ID: [Finding]] = [:]
    private var departmentFindings: [Department.ID: [Finding]] = [:]
    private var organizationFindings: [Finding] = []
    private var wholeFindings: [Finding] = []
    /// Squads whose findings include some about another subject (only a custom rule can do that).
    private var straySquads: Set<CustomerValueSquad.ID> = []
    private var counts = Counts()

    /// Validates an organisation in full, to keep its report up to date from now on.
    ///
    /// - Parameters:
    ///   - organization: The organisation.
    ///   - policy: The rules and thresholds; ``ValidationPolicy/default`` by default.
    ///   - day: The day to judge on; with none, ``Day/today``, read once now.
    /// - Complexity: The cost of one full validation.
    public init(_ organization: Organization, policy: ValidationPolicy = .default, on day: Day? = nil) {
        self.organization = organization
        self.policy = policy
        self.day = day
        self.judgingDay = day ?? .today
        self.plan = Plan(policy)
        rebuild()
    }

    // MARK: - Reading

    /// The report, equal to a full ``Organization/validate(policy:on:)`` of ``organization`` on the same day.
    ///
    /// - Complexity: O(*f* + *q* log *q*), where *f* is the number of findings and *q* the number of squads with
    ///   findings: the report is put together from what the changes kept up to date, without running a rule.
    public var report: ValidationReport {
        var general = wholeFindings + organizationFindings
        for position in IdentifierOrder.positions(of: departmentFindings) {
            general += departmentFindings.values[position]
        }
        for position in IdentifierOrder.positions(of: specialistFindings) {
            general += specialistFindings.values[position]
        }
        var squads = Array(squadFindings.keys)
        for id in lineSquadFindings.keys where squadFindings[id] == nil { squads.append(id) }
        for id in wholeSquadFindings.keys where squadFindings[id] == nil && lineSquadFindings[id] == nil {
            squads.append(id)
        }
        var all: [Finding] = general
        all.reserveCapacity(errorCount + warningCount + noteCount)
        for id in IdentifierOrder.sorted(squads, by: { $0 }) { all += findings(ofSquad: id) }
        if !straySquads.isEmpty || general.contains(where: { $0.subject.squad != nil }) {
            return ValidationReport(findings: all)
        }
        ValidationReport.order(&all[..<general.count])
        return ValidationReport(ordered: all)
    }

    /// The findings about one squad, its memberships, grants and outcomes, in the report's order.
    ///
    /// - Complexity: O(*k*) in the number of the squad's findings.
    public func findings(ofSquad id: CustomerValueSquad.ID) -> [Finding] {
        let scoped = squadFindings[id] ?? []
        let lines = lineSquadFindings[id]
        let whole = wholeSquadFindings[id]
        if lines == nil, whole == nil { return scoped }
        var findings = scoped + (lines ?? []) + (whole ?? [])
        if !straySquads.contains(id) { ValidationReport.order(&findings[...]) }
        return findings
    }

    /// Whether the report holds no errors.
    ///
    /// - Complexity: O(1).
    public var isValid: Bool { counts.errors == 0 }
    /// The number of errors in the report.
    ///
    /// - Complexity: O(1).
    public var errorCount: Int { counts.errors }
    /// The number of warnings in the report.
    ///
    /// - Complexity: O(1).
    public var warningCount: Int { counts.warnings }
    /// The number of notes in the report.
    ///
    /// - Complexity: O(1).
    public var noteCount: Int { counts.notes }

    // MARK: - Changing

    /// Applies a recorded change to the organisation and brings the report up to date.
    ///
    /// - Parameter change: The change.
    /// - Returns: The findings the change added and removed.
    /// - Throws: What ``Organization/apply(_:)-(OrganizationChange)`` throws; the organisation and the report are
    ///   then left as they were.
    /// - Complexity: O(*c*), where *c* is the size of what the change touches (the squads it changes, the
    ///   specialists and their squads, the departments and their own staff), times the number of rules whose
    ///   scope reaches it; plus a full validation for each rule that is not scoped.
    @discardableResult
    public mutating func apply(_ change: OrganizationChange) throws(OrganizationError) -> ValidationReport.Difference {
        try update { (organization) throws(OrganizationError) in try organization.apply(change) }
    }

    /// Applies recorded changes in order, all or nothing, and brings the report up to date.
    ///
    /// - Parameter changes: The changes.
    /// - Returns: The findings the changes added and removed, together.
    /// - Throws: The error of the first change refused; the organisation and the report are then left as they
    ///   were.
    /// - Complexity: O(*c*) in the size of what the changes touch; see ``apply(_:)-(OrganizationChange)``.
    @discardableResult
    public mutating func apply(_ changes: some Sequence<OrganizationChange>) throws(OrganizationError)
        -> ValidationReport.Difference
    {
        try update { (organization) throws(OrganizationError) in try organization.apply(changes) }
    }

    /// Changes the organisation with any of its transformations and brings the report up to date.
    ///
    /// ```swift
    /// try live.update { organization in
    ///     try organization.release("sari", from: "jakarta")
    ///     try organization.assign("sari", to: "bali", role: "analyst", share: 50)
    /// }
    /// ```
    ///
    /// The organisation's own transformations tell the live validation what they touch. If `body` puts in place
    /// an organisation from elsewhere (one decoded from a file, say), the live validation cannot know what
    /// differs and validates in full.
    ///
    /// - Parameter body: Changes the organisation.
    /// - Returns: The findings the changes added and removed.
    /// - Throws: What `body` throws. What `body` changed before it threw stays changed, as with any `inout`
    ///   argument, and the report follows it; the organisation's own transformations change nothing when they
    ///   throw.
    /// - Complexity: O(*c*) in the size of what `body` touches; see ``apply(_:)-(OrganizationChange)``.
    @discardableResult
    public mutating func update<Failure: Error>(
        _ body: (inout Organization) throws(Failure) -> Void
    ) throws(Failure) -> ValidationReport.Difference {
        let owner = ChangeJournal.Owner()
        let (name, goal) = (organization.name, organization.goal)
        organization.storage.journal = ChangeJournal(owner: owner, hadLines: organization.hasReportingLines)
        do {
            try body(&organization)
        } catch {
            _ = refresh(owner: owner, name: name, goal: goal)
            throw error
        }
        return refresh(owner: owner, name: name, goal: goal)
    }

    // MARK: - Keeping up to date

    private func context() -> ValidationContext {
        ValidationContext(organization: organization, thresholds: policy.thresholds, day: day, judgingDay: judgingDay)
    }

    /// Validates everything again.
    private mutating func rebuild() {
        squadFindings = [:]
        lineSquadFindings = [:]
        wholeSquadFindings = [:]
        specialistFindings = [:]
        departmentFindings = [:]
        straySquads = []
        counts = Counts()
        var context = context()
        for (id, squad) in organization.squadsByID {
            set(.scoped, squad: id, squad.stage == .dissolved ? [] : check(squad, with: plan.squad, in: &context))
            set(.lines, squad: id, squad.stage == .dissolved ? [] : check(squad, with: plan.squadLines, in: &context))
        }
        for (id, specialist) in organization.specialistsByID {
            set(specialist: id, check(specialist, in: context))
        }
        for (id, department) in organization.departmentsByID {
            set(department: id, check(department, in: context))
        }
        organizationFindings = plan.allowed(plan.organization.flatMap { $0.check(organization, in: context) })
        counts.add(organizationFindings, 1)
        wholeFindings = []
        _ = rerunWholeRules(in: &context)
    }

    mutating func refresh(owner: ChangeJournal.Owner, name: String, goal: String)
        -> ValidationReport.Difference
    {
        let journal = organization.storage.journal
        organization.storage.journal = nil
        guard let journal, journal.owner === owner else {
            let before = report
            rebuild()
            return report.difference(from: before)
        }
        var added: [Finding] = []
        var removed: [Finding] = []
        func note(_ change: (added: [Finding], removed: [Finding])) {
            added += change.added
            removed += change.removed
        }
        var context = context()
        if !plan.squad.isEmpty || plan.squadReadsLines {
            let (touched, belowMoved) = plan.squadsToCheck(after: journal, in: organization)
            func recheck(_ id: CustomerValueSquad.ID, with rules: [any ValidationRule]) -> [Finding] {
                guard let squad = organization.squadsByID[id], squad.stage != .dissolved else { return [] }
                return check(squad, with: rules, in: &context)
            }
            for id in touched {
                if !plan.squad.isEmpty { note(set(.scoped, squad: id, recheck(id, with: plan.squad))) }
                if plan.squadReadsLines { note(set(.lines, squad: id, recheck(id, with: plan.squadLines))) }
            }
            // Below a moved report only the checks that read the lines can say something new.
            for id in belowMoved where !touched.contains(id) {
                guard let squad = organization.squadsByID[id], squad.stage != .dissolved else {
                    note(set(.lines, squad: id, []))
                    continue
                }
                note(set(.lines, squad: id, check(squad, with: plan.squadLines, in: &context, focusing: false)))
            }
        }
        if !plan.specialist.isEmpty {
            for id in journal.specialists {
                note(set(specialist: id, organization.specialistsByID[id].map { check($0, in: context) } ?? []))
            }
        }
        if !plan.department.isEmpty {
            for id in journal.departments {
                note(set(department: id, organization.departmentsByID[id].map { check($0, in: context) } ?? []))
            }
        }
        if !plan.organization.isEmpty,
            name != organization.name || goal != organization.goal
                || (plan.organizationReadsLines && !journal.lines.isEmpty)
        {
            let new = plan.allowed(plan.organization.flatMap { $0.check(organization, in: context) })
            note(Self.replace(&organizationFindings, with: new, counts: &counts))
        }
        note(rerunWholeRules(in: &context))
        return ValidationReport.Difference(added: added, removed: removed)
    }

    private func check(
        _ squad: CustomerValueSquad, with rules: [any ValidationRule], in context: inout ValidationContext,
        focusing: Bool = true
    ) -> [Finding] {
        guard !rules.isEmpty else { return [] }
        // One look at the members, shared by the rules; the context answers as well without it (each rule then
        // looks for itself), which is cheaper for the few rules that read the lines.
        if focusing, !context.isFocused(on: squad.id) { context.focus(on: squad) }
        var findings: [Finding] = []
        for rule in rules { findings += rule.check(squad, in: context) }
        return plan.allowed(findings)
    }

    private func check(_ specialist: Specialist, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for rule in plan.specialist { findings += rule.check(specialist, in: context) }
        return plan.allowed(findings)
    }

    private func check(_ department: Department, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for rule in plan.department { findings += rule.check(department, in: context) }
        return plan.allowed(findings)
    }

    /// Re-runs the rules that are not scoped: their organisation check, and their squad check on every squad.
    private mutating func rerunWholeRules(in context: inout ValidationContext) -> (
        added: [Finding], removed: [Finding]
    ) {
        guard !plan.whole.isEmpty else { return ([], []) }
        var added: [Finding] = []
        var removed: [Finding] = []
        let new = plan.allowed(plan.whole.flatMap { $0.check(organization, in: context) })
        let general = Self.replace(&wholeFindings, with: new, counts: &counts)
        added += general.added
        removed += general.removed
        var seen: Set<CustomerValueSquad.ID> = []
        for (id, squad) in organization.squadsByID {
            seen.insert(id)
            let findings = squad.stage == .dissolved ? [] : check(squad, with: plan.whole, in: &context)
            let change = set(.whole, squad: id, findings)
            added += change.added
            removed += change.removed
        }
        for id in wholeSquadFindings.keys where !seen.contains(id) {
            let change = set(.whole, squad: id, [])
            removed += change.removed
        }
        return (added, removed)
    }

    // MARK: - Storing findings

    private static func replace(_ old: inout [Finding], with new: [Finding], counts: inout Counts) -> (
        added: [Finding], removed: [Finding]
    ) {
        let change = ValidationReport.Difference.between(old, new)
        counts.add(change.removed, -1)
        counts.add(change.added, 1)
        old = new
        return change
    }

    private static func replace<ID: Hashable>(
        _ id: ID, in table: inout [ID: [Finding]], with new: [Finding], counts: inout Counts
    ) -> (added: [Finding], removed: [Finding]) {
        var old = table[id] ?? []
        let change = replace(&old, with: new, counts: &counts)
        table[id] = new.isEmpty ? nil : new
        return change
    }

    /// The three tables of a squad's findings: from the scoped squad checks, from those that read the reporting
    /// lines, and from the rules that are not scoped.
    private enum SquadTable { case scoped, lines, whole }

    @discardableResult
    private mutating func set(_ table: SquadTable, squad id: CustomerValueSquad.ID, _ findings: [Finding]) -> (
        added: [Finding], removed: [Finding]
    ) {
        var findings = findings
        let (scoped, lines, whole) = (squadFindings[id], lineSquadFindings[id], wholeSquadFindings[id])
        switch table {
        case .scoped: orderSquadFindings(&findings, of: id, besides: [lines, whole])
        case .lines: orderSquadFindings(&findings, of: id, besides: [scoped, whole])
        case .whole: orderSquadFindings(&findings, of: id, besides: [scoped, lines])
        }
        switch table {
        case .scoped: return Self.replace(id, in: &squadFindings, with: findings, counts: &counts)
        case .lines: return Self.replace(id, in: &lineSquadFindings, with: findings, counts: &counts)
        case .whole: return Self.replace(id, in: &wholeSquadFindings, with: findings, counts: &counts)
        }
    }

    /// Puts a squad's findings in the report's order, or marks the squad when they are about something else.
    private mutating func orderSquadFindings(
        _ findings: inout [Finding], of id: CustomerValueSquad.ID, besides others: [[Finding]?]
    ) {
        let strays = findings.contains { $0.subject.squad != id }
        if !strays { ValidationReport.order(&findings[...]) }
        if strays || others.contains(where: { ($0 ?? []).contains { $0.subject.squad != id } }) {
            straySquads.insert(id)
        } else if !straySquads.isEmpty {
            straySquads.remove(id)
        }
    }

    @discardableResult
    private mutating func set(specialist id: Specialist.ID, _ findings: [Finding]) -> (
        added: [Finding], removed: [Finding]
    ) {
        Self.replace(id, in: &specialistFindings, with: findings, counts: &counts)
    }

    @discardableResult
    private mutating func set(department id: Department.ID, _ findings: [Finding]) -> (
        added: [Finding], removed: [Finding]
    ) {
        Self.replace(id, in: &departmentFindings, with: findings, counts: &counts)
    }
}
