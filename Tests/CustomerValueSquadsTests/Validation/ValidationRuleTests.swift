import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private typealias OR = Fixtures.OperatingRoom

/// One built-in rule, a way to make the operating-room squad fail it, and what must then be reported.
struct RuleCase: Sendable, CustomStringConvertible {
    let description: String
    let rule: any ValidationRule
    let code: Finding.Code
    let subject: Finding.Subject
    let severity: Finding.Severity
    let breakIt: @Sendable (inout Organization) throws -> Void
}

private func releaseAll(_ members: [Specialist.ID], in organization: inout Organization) throws {
    for member in members { try organization.release(member, from: OR.squad) }
}

private func changeMission(_ organization: inout Organization, _ change: (inout Mission) -> Void) throws {
    var mission = try #require(organization.squad(OR.squad)).mission
    change(&mission)
    try organization.setMission(mission, of: OR.squad)
}

private func changeAccountability(_ organization: inout Organization, _ change: (inout Accountability) -> Void) throws {
    var accountability = try #require(organization.squad(OR.squad)).accountability
    change(&accountability)
    try organization.setAccountability(accountability, of: OR.squad)
}

private let squadSubject = Finding.Subject.squad(OR.squad)

private let ruleCases: [RuleCase] = [
    .init(
        description: "five members are too few",
        rule: SquadSizeRule(),
        code: .squadSizeTooSmall,
        subject: squadSubject,
        severity: .error
    ) { try releaseAll(["dr-eko", "n-tono", "n-rina"], in: &$0) },
    .init(
        description: "eleven members are too many",
        rule: SquadSizeRule(),
        code: .squadSizeTooLarge,
        subject: squadSubject,
        severity: .error
    ) {
        for name in ["n-a", "n-b", "n-c"] {
            let id = try Specialist.ID(validating: name)
            try $0.hire(Specialist(id: id, name: name, department: OR.nursing))
            try $0.assign(id, to: OR.squad, role: "nurse", share: 10)
        }
    },
    .init(
        description: "only nurses left is a department sub-team",
        rule: CrossFunctionalRule(),
        code: .squadCrossFunctionalSingleSilo,
        subject: squadSubject,
        severity: .error
    ) { try releaseAll([OR.surgeon, "dr-eko", OR.anaesthetist, "n-tono", "q-lina"], in: &$0) },
    .init(
        description: "surgery and nursing alone are two departments",
        rule: CrossFunctionalRule(),
        code: .squadCrossFunctionalTooFewDepartments,
        subject: squadSubject,
        severity: .error
    ) { try releaseAll([OR.anaesthetist, "n-tono", "q-lina"], in: &$0) },
    .init(
        description: "members who all bring one skill",
        rule: CrossFunctionalRule(),
        code: .squadCrossFunctionalTooFewSkills,
        subject: squadSubject,
        severity: .error
    ) {
        for member in try #require($0.squad(OR.squad)).memberIDs {
            for skill in try #require($0.specialist(member)).skills.keys {
                try $0.setSkill(skill, to: nil, for: member)
            }
            try $0.setSkill("surgery", to: .novice, for: member)
        }
    },
    .init(
        description: "a mission with no value area",
        rule: CustomerCentredMissionRule(),
        code: .squadMissionNoValueArea,
        subject: squadSubject,
        severity: .error
    ) { try changeMission(&$0) { $0.valueArea = nil } },
    .init(
        description: "a mission with no customer",
        rule: CustomerCentredMissionRule(),
        code: .squadMissionNoCustomer,
        subject: squadSubject,
        severity: .error
    ) { try changeMission(&$0) { $0.customer = " " } },
    .init(
        description: "a mission with an invisible statement",
        rule: CustomerCentredMissionRule(),
        code: .squadMissionNoStatement,
        subject: squadSubject,
        severity: .error
    ) { try changeMission(&$0) { $0.statement = "\u{200B} \u{3164}" } },
    .init(
        description: "a mission that does not serve the goal",
        rule: CustomerCentredMissionRule(),
        code: .squadMissionNotServingGoal,
        subject: squadSubject,
        severity: .warning
    ) { try changeMission(&$0) { $0.goalContribution = "" } },
    .init(
        description: "an organisation without a goal",
        rule: CustomerCentredMissionRule(),
        code: .organizationGoalMissing,
        subject: .organization,
        severity: .warning
    ) { $0.goal = "" },
    .init(
        description: "a squad without decision rights",
        rule: EmpowermentRule(),
        code: .squadEmpowermentNoDecisionRights,
        subject: squadSubject,
        severity: .error
    ) {
        try $0.revokeDecisionRight("change-plan", from: OR.squad)
        try $0.revokeDecisionRight("call-specialist", from: OR.squad)
    },
    .init(
        description: "a squad that answers for nothing",
        rule: AccountabilityRule(),
        code: .squadAccountabilityNoOutcomes,
        subject: squadSubject,
        severity: .error
    ) { try changeAccountability(&$0) { $0.outcomes = [] } },
    .init(
        description: "an outcome without a target",
        rule: AccountabilityRule(),
        code: .squadAccountabilityOutcomeNotMeasurable,
        subject: .outcome(squad: OR.squad, outcome: "on-time-starts"),
        severity: .error
    ) { try changeAccountability(&$0) { $0.outcomes[1].target = nil } },
    .init(
        description: "results nobody owns",
        rule: AccountabilityRule(),
        code: .squadAccountabilityNoOwner,
        subject: squadSubject,
        severity: .error
    ) { try changeAccountability(&$0) { $0.owner = nil } },
    .init(
        description: "outcomes never reviewed",
        rule: AccountabilityRule(),
        code: .squadAccountabilityNoReviewRhythm,
        subject: squadSubject,
        severity: .warning
    ) { try changeAccountability(&$0) { $0.reviewCadence = nil } },
    .init(
        description: "needed data without a grant",
        rule: DataReachRule(),
        code: .squadDataUnreachable,
        subject: squadSubject,
        severity: .error
    ) { try $0.revokeAccess(to: OR.patientRecords, from: OR.squad) },
    .init(
        description: "no break-fix cycle",
        rule: BreakFixCycleRule(),
        code: .squadCycleMissing,
        subject: squadSubject,
        severity: .error
    ) { try $0.setCycleLength(nil, of: OR.squad) },
    .init(
        description: "three-week cycles",
        rule: BreakFixCycleRule(),
        code: .squadCycleTooLong,
        subject: squadSubject,
        severity: .error
    ) { try $0.setCycleLength(21, of: OR.squad) },
    .init(
        description: "four small failures where three are tolerated",
        rule: FailureToleranceRule(),
        code: .squadCyclesOverTolerance,
        subject: squadSubject,
        severity: .warning
    ) {
        for week in 1...4 {
            try $0.recordCycle(
                BreakFixCycle(
                    started: .init(stringLiteral: "2026-10-0\(week)"), tried: "a new checklist", result: .smallFailure),
                for: OR.squad
            )
        }
    },
    .init(
        description: "no people network",
        rule: ThreePiecesRule(),
        code: .squadPiecesNoPeople,
        subject: squadSubject,
        severity: .warning
    ) { try releaseAll([OR.surgeon, "dr-eko", OR.anaesthetist, "n-tono", "q-lina"], in: &$0) },
    .init(
        description: "no method",
        rule: ThreePiecesRule(),
        code: .squadPiecesNoMethod,
        subject: squadSubject,
        severity: .warning
    ) { try $0.setCycleLength(nil, of: OR.squad) },
    .init(
        description: "no brain",
        rule: ThreePiecesRule(),
        code: .squadPiecesNoBrain,
        subject: squadSubject,
        severity: .error
    ) {
        try $0.release("q-lina", from: OR.squad)
        try $0.revokeAccess(to: OR.outcomeRegistry, from: OR.squad)
    },
    .init(
        description: "a needed skill nobody brings",
        rule: SkillGapRule(),
        code: .squadSkillsGap,
        subject: squadSubject,
        severity: .warning
    ) { try changeMission(&$0) { $0.requiredSkills.insert("radiology") } },
    .init(
        description: "a surgeon in two rooms",
        rule: StretchedThinRule(),
        code: .specialistStretchedThin,
        subject: .specialist(OR.surgeon),
        severity: .warning
    ) {
        try $0.formSquad(CustomerValueSquad(id: "or-4", name: "Operating room 4", mission: Mission(statement: "x")))
        try $0.assign(OR.surgeon, to: "or-4", role: "surgeon", share: 30)
    },
    .init(
        description: "a grant the mission does not need",
        rule: LeastPrivilegeRule(),
        code: .squadGrantNotNeeded,
        subject: .grant(squad: OR.squad, asset: OR.outcomeRegistry),
        severity: .warning
    ) { try changeMission(&$0) { $0.requiredData.remove(OR.outcomeRegistry) } },
    .init(
        description: "a grant that has expired",
        rule: LeastPrivilegeRule(),
        code: .squadGrantExpired,
        subject: .grant(squad: OR.squad, asset: OR.patientRecords),
        severity: .warning
    ) {
        try $0.revokeAccess(to: OR.patientRecords, from: OR.squad)
        try $0.grantAccess(
            to: OR.patientRecords, for: OR.squad, DataAccessGrant(reason: "a trial", expires: "2026-01-01"))
    },
    .init(
        description: "a headless department",
        rule: DepartmentHeadRule(),
        code: .departmentNoHead,
        subject: .department(OR.nursing),
        severity: .warning
    ) { try $0.appointHead(nil, of: OR.nursing) },
    // Nursing has 3 nurses giving the operating room 40 %, 60 % and 60 %: 1.6 FTE, so 1.4 of 3 stay home (47 %).
    .init(
        description: "nursing below its floor of 50 %",
        rule: SiloCapacityRule(),
        code: .departmentCapacityBelowFloor,
        subject: .department(OR.nursing),
        severity: .warning
    ) { try $0.setCapacityFloor(0.5, of: OR.nursing) },
    .init(
        description: "nursing drained far below its floor of 60 %",
        rule: SiloCapacityRule(),
        code: .departmentCapacityDrained,
        subject: .department(OR.nursing),
        severity: .error
    ) { try $0.setCapacityFloor(0.6, of: OR.nursing) },
    // The operating room reviews every 14 days and the policy gives 3 days' grace: 18 days since is stale.
    .init(
        description: "an outcome last checked in 18 days ago",
        rule: CheckInStalenessRule(),
        code: .squadOutcomeStale,
        subject: .outcome(squad: OR.squad, outcome: "complications"),
        severity: .warning
    ) {
        try $0.checkIn(
            Outcome.CheckIn(day: try Day.today.adding(days: -18), value: 3), for: "complications", of: OR.squad)
    },
    .init(
        description: "a collaboration with quality that never ends",
        rule: OpenEndedCollaborationRule(),
        code: .squadInteractionOpenEndedCollaboration,
        subject: squadSubject,
        severity: .warning
    ) {
        try $0.setInteraction(
            Interaction(
                id: "registry-design", with: .department(OR.quality), mode: .collaboration,
                purpose: "design the registry together", start: "2026-01-05"),
            of: OR.squad)
    },
    .init(
        description: "blocked by quality for the registry without a grant to it",
        rule: BlockingDependencyRule(),
        code: .squadInteractionBlockedWithoutGrant,
        subject: squadSubject,
        severity: .error
    ) {
        try $0.revokeAccess(to: OR.outcomeRegistry, from: OR.squad)
        try $0.setInteraction(
            Interaction(
                id: "registry-feed", with: .department(OR.quality), mode: .xAsAService,
                purpose: "the outcome of every operation", start: "2026-01-05", isBlocking: true,
                dataNeeded: [OR.outcomeRegistry]),
            of: OR.squad)
    },
    .init(
        description: "three collaborations running at once",
        rule: CollaborationLoadRule(),
        code: .squadInteractionTooManyCollaborations,
        subject: squadSubject,
        severity: .warning
    ) {
        for department in [OR.quality, OR.nursing, OR.surgery] {
            try $0.setInteraction(
                Interaction(
                    id: try Interaction.ID(validating: "with-\(department)"), with: .department(department),
                    mode: .collaboration, purpose: "work on the checklist", start: try Day.today.adding(days: -10),
                    expectedEnd: try Day.today.adding(days: 30)),
                of: OR.squad)
        }
    },
    .init(
        description: "a seat for a perfusionist still open ten days after it was needed",
        rule: SeatOverdueRule(),
        code: .squadSeatOverdue,
        subject: squadSubject,
        severity: .warning
    ) {
        try $0.openSeat(
            Seat(id: "perfusionist", role: "perfusionist", share: 50, neededFrom: try Day.today.adding(days: -10)),
            in: OR.squad)
    },
    .init(
        description: "the chief of surgery manages one person",
        rule: ManagerSpanRule(),
        code: .specialistSpanTooNarrow,
        subject: .specialist("dr-hadi"),
        severity: .note
    ) { try $0.setManager("dr-hadi", for: OR.surgeon) },
    .init(
        description: "the director manages sixteen people",
        rule: ManagerSpanRule(),
        code: .specialistSpanTooWide,
        subject: .specialist("dr-wati"),
        severity: .note
    ) {
        for index in 1...16 {
            try $0.hire(
                Specialist(
                    id: try Specialist.ID(validating: "aide-\(index)"), name: "Aide \(index)", department: OR.board,
                    manager: "dr-wati"))
        }
    },
    .init(
        description: "a line of nine layers",
        rule: ReportingLayersRule(),
        code: .organizationLayersTooMany,
        subject: .organization,
        severity: .warning
    ) {
        let line: [Specialist.ID] = [
            "dr-wati", "dr-hadi", OR.surgeon, "dr-eko", OR.anaesthetist, "n-tono", "n-ayu", "n-dewi", "n-rina",
        ]
        for (manager, report) in zip(line, line.dropFirst()) { try $0.setManager(manager, for: report) }
    },
    .init(
        description: "members who meet only at the director, and no decision rights",
        rule: EscalationRule(),
        code: .squadEmpowermentEscalatesToTop,
        subject: squadSubject,
        severity: .warning
    ) {
        for report in ["dr-hadi", OR.anaesthetist, "n-ayu", "q-lina"] as [Specialist.ID] {
            try $0.setManager("dr-wati", for: report)
        }
        try $0.revokeDecisionRight("change-plan", from: OR.squad)
        try $0.revokeDecisionRight("call-specialist", from: OR.squad)
    },
]

@Suite("Validation rules")
struct ValidationRuleTests {
    @Test("each rule passes the operating-room squad and reports the broken one", arguments: ruleCases)
    func rule(_ ruleCase: RuleCase) throws {
        let policy = ValidationPolicy { ruleCase.rule }
        let passing = Fixtures.operatingRoom
        #expect(passing.validate(policy: policy).findings.isEmpty)

        var failing = passing
        try ruleCase.breakIt(&failing)
        let report = failing.validate(policy: policy)
        let matching = report.findings.filter { $0.code == ruleCase.code }
        #expect(matching.count == 1, "\(report)")
        let finding = try #require(matching.first)
        #expect(finding.subject == ruleCase.subject)
        #expect(finding.severity == ruleCase.severity)
        #expect(!finding.message.isEmpty)
        #expect(ruleCase.rule.codes.contains(ruleCase.code))
    }

    @Test("every code of the default policy and of the opt-in rules is reported by some case")
    func everyCodeIsCovered() {
        // The silo-island rule has tests of its own (the fixture's board is an island, so it cannot pass here).
        let optIn = ValidationPolicy.optInRules.filter { !($0 is SiloIslandRule) }.flatMap(\.codes)
        #expect(Set(ruleCases.map(\.code)) == Set(ValidationPolicy.default.codes + optIn))
    }

    @Test("a forming squad gets warnings where an operating one gets errors")
    func formingIsLenient() throws {
        var organization = Fixtures.operatingRoom
        try organization.formSquad(
            CustomerValueSquad(
                id: "new-room",
                name: "New room",
                mission: Mission(statement: "Open a new room", customer: "the patient"),
                memberships: ["dr-hadi": Membership(role: "surgeon", share: 50)]
            )
        )
        let forming = try #require(organization.validate(squad: "new-room"))
        #expect(!forming.findings.isEmpty)
        #expect(forming.errorCount == 0)
        #expect(forming.findings(withCode: .squadSizeTooSmall).first?.severity == .warning)
        try organization.advance("new-room", to: .piloting)
        let piloting = try #require(organization.validate(squad: "new-room"))
        #expect(piloting.findings(withCode: .squadSizeTooSmall).first?.severity == .error)
        #expect(piloting.findings.map(\.code) == forming.findings.map(\.code))
    }

    @Test("figures explain the size finding")
    func figures() throws {
        var organization = Fixtures.operatingRoom
        try releaseAll(["dr-eko", "n-tono", "n-rina", "n-dewi"], in: &organization)
        let finding = try #require(organization.validate().findings(withCode: .squadSizeTooSmall).first)
        #expect(finding.figures == ["size": 4, "minimum": 6, "maximum": 10])
        #expect(finding.message.contains("assign 2 more"))
    }
}

@Suite("Validation rules in the documentation")
struct ValidationRuleDocumentationTests {
    @Test("every code of every built-in rule is spelt in full in the catalog's article, so a search finds it")
    func everyCodeIsDocumented() throws {
        let article = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Sources/CustomerValueSquads/CustomerValueSquads.docc/Articles/ValidationRules.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        let codes = (ValidationPolicy.default.rules + ValidationPolicy.optInRules).flatMap(\.codes)
        #expect(codes.count >= 26)
        for code in codes {
            #expect(text.contains("`\(code.rawValue)`"), "\(code.rawValue) is not in ValidationRules.md")
        }
    }
}
