import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation
import Testing

private typealias OR = Fixtures.OperatingRoom
private typealias ABM = Fixtures.AccountBasedMarketing

/// A rule an organisation might add: every squad names a squad lead.
private struct EverySquadHasALead: ValidationRule {
    var codes: [Finding.Code] { ["acme.squad.noLead"] }

    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard !squad.memberships.values.contains(where: { $0.role == "squad lead" }) else { return [] }
        return [
            Finding(
                context.severity(for: squad),
                "acme.squad.noLead",
                subject: .squad(squad.id),
                message: "\(squad.name) has no squad lead"
            )
        ]
    }
}

/// An organisation with several faulty squads, each wrong in its own ways.
private func faultyCompany() throws -> Organization {
    var company = Fixtures.accountBasedMarketing
    try company.formSquad(
        CustomerValueSquad(
            id: "sales-huddle",
            name: "Sales huddle",
            mission: Mission(statement: "Sell more"),
            memberships: [
                "sinta": Membership(role: "lead", share: 50), "hendra": Membership(role: "sponsor", share: 10),
            ],
            stage: .operating
        )
    )
    try company.formSquad(
        CustomerValueSquad(
            id: "brand-refresh",
            name: "Brand refresh",
            mission: Mission(statement: "Refresh the brand", valueArea: .crossChannelMarketing, customer: "prospects"),
            memberships: ["citra": Membership(role: "lead", share: 30)],
            grants: [ABM.commissions: DataAccessGrant(reason: "curiosity")],
            cycleLength: 30
        )
    )
    try company.release("joko", from: ABM.pilot)
    try company.assign("joko", to: "sales-huddle", role: "customer success", share: 90)
    company.goal = ""
    return company
}

@Suite("Validation policies and reports")
struct ValidationPolicyTests {
    @Test(
        "the default policy passes squads that are built right",
        arguments: ["operating room", "account-based marketing"])
    func builtRight(_ name: String) {
        let organization = name == "operating room" ? Fixtures.operatingRoom : Fixtures.accountBasedMarketing
        let report = organization.validate()
        #expect(report.isValid)
        #expect(report.findings.isEmpty, "\(report)")
    }

    @Test("a custom rule works exactly like a built-in one")
    func customRule() throws {
        let policy = ValidationPolicy.default.adding(EverySquadHasALead())
        #expect(policy.codes.contains("acme.squad.noLead"))
        #expect(Fixtures.accountBasedMarketing.validate(policy: policy).isValid, "the pilot has a squad lead")
        let hospital = Fixtures.operatingRoom.validate(policy: policy)
        #expect(hospital.findings.map(\.code) == ["acme.squad.noLead"])
        #expect(hospital.findings.first?.subject == .squad(OR.squad))
        #expect(!hospital.isValid, "an operating squad without a lead is an error")
        var tolerant = policy
        tolerant.disabledCodes.insert("acme.squad.noLead")
        #expect(Fixtures.operatingRoom.validate(policy: tolerant).findings.isEmpty)
        #expect(Fixtures.operatingRoom.validate(policy: policy.removingRules(ofType: EverySquadHasALead.self)).isValid)
    }

    @Test("a tuned threshold changes the outcome")
    func tunedThresholds() {
        var policy = ValidationPolicy.default
        policy.thresholds.minimumSquadSize = 9
        let report = Fixtures.operatingRoom.validate(policy: policy)
        #expect(report.findings.map(\.code) == [.squadSizeTooSmall])
        policy.thresholds.minimumSquadSize = 6
        policy.thresholds.maximumBookedPercent = 50
        let stretched = Fixtures.operatingRoom.validate(policy: policy)
        #expect(stretched.findings(withCode: .specialistStretchedThin).count == 5, "five members give 60 %")
        #expect(stretched.isValid, "being stretched is a warning")
    }

    @Test("the result builder composes rules with conditions and loops")
    func builder() {
        let strict = true
        let policy = ValidationPolicy(thresholds: .init(minimumDepartments: 5)) {
            SquadSizeRule()
            if strict {
                CrossFunctionalRule()
            } else {
                SkillGapRule()
            }
            for _ in 0..<2 { DepartmentHeadRule() }
        }
        #expect(policy.rules.count == 4)
        let report = Fixtures.operatingRoom.validate(policy: policy)
        #expect(report.findings.map(\.code) == [.squadCrossFunctionalTooFewDepartments])
        #expect(report.findings.first?.figures == ["departments": 4, "minimum": 5])
    }

    @Test("a report on several faulty squads lists every finding in the same order every run")
    func everyFindingInStableOrder() throws {
        let company = try faultyCompany()
        let report = company.validate()
        let codes = Set(report.findings.map(\.code))
        // The huddle: two members, one silo... and no mission worth the name.
        #expect(report.findings(about: .squad("sales-huddle")).count >= 8)
        #expect(
            codes.isSuperset(of: [
                .squadSizeTooSmall, .squadCrossFunctionalSingleSilo, .squadEmpowermentNoDecisionRights,
                .squadAccountabilityNoOutcomes, .squadPiecesNoBrain,
            ]))
        // The brand refresh is forming: its shortfalls are warnings, its needless grant is reported.
        let brand = report.findings(about: .squad("brand-refresh"))
        #expect(brand.allSatisfy { $0.severity == .warning })
        #expect(
            brand.contains {
                $0.code == .squadGrantNotNeeded && $0.subject == .grant(squad: "brand-refresh", asset: ABM.commissions)
            })
        #expect(brand.contains { $0.code == .squadCycleTooLong })
        // The organisation and the specialists come first.
        #expect(report.findings.first?.subject == .organization)
        #expect(report.findings.contains { $0.subject == .specialist("joko") && $0.code == .specialistStretchedThin })
        // The pilot lost its customer success manager but is still fine.
        #expect(report.findings(about: .squad(ABM.pilot)).isEmpty)
        #expect(!report.isValid)
        #expect(report.errorCount + report.warningCount + report.noteCount == report.findings.count)

        for _ in 0..<10 {
            #expect(try faultyCompany().validate() == report)
        }
        let sortedSubjects = report.findings.map(\.subject)
        #expect(sortedSubjects == sortedSubjects.sorted())
    }

    @Test("per-squad validation sees only that squad")
    func perSquad() throws {
        let company = try faultyCompany()
        let huddle = try #require(company.validate(squad: "sales-huddle"))
        #expect(huddle.findings.allSatisfy { $0.subject.squad == "sales-huddle" })
        #expect(huddle.findings == company.validate().findings(about: .squad("sales-huddle")))
        #expect(company.validate(squad: "nowhere") == nil)
        var dissolved = company
        try dissolved.dissolve("sales-huddle")
        #expect(dissolved.validate(squad: "sales-huddle")?.findings.isEmpty == true)
        #expect(dissolved.validate().findings(about: .squad("sales-huddle")).isEmpty)
    }

    @Test("a report reads well and round-trips through JSON")
    func reportOutput() throws {
        let report = try faultyCompany().validate()
        let text = report.description
        #expect(text.hasPrefix("invalid: \(report.errorCount) errors, \(report.warningCount) warnings, 0 notes"))
        #expect(text.contains("error squad.size.tooSmall [squad sales-huddle]"))
        #expect(text.split(separator: "\n").count == report.findings.count + 1)

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(report)
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: data)
        #expect(decoded == report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["isValid"] as? Bool == false)
        #expect(object["errors"] as? Int == report.errorCount)
        let first = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect((first["subject"] as? [String: Any])?["kind"] as? String == "organization")
        let filtered = report.filter { $0.severity == .error }
        #expect(filtered.isValid == false && filtered.warningCount == 0)
        #expect(report.findings(atLeast: .warning).count == report.findings.count)
    }

    @Test("subjects encode every kind and refuse unknown ones")
    func subjects() throws {
        let subjects: [Finding.Subject] = [
            .organization, .department("d"), .specialist("s"), .squad("q"), .membership(squad: "q", specialist: "s"),
            .grant(squad: "q", asset: "a"), .outcome(squad: "q", outcome: "o"),
        ]
        let data = try JSONEncoder().encode(subjects)
        #expect(try JSONDecoder().decode([Finding.Subject].self, from: data) == subjects)
        #expect(
            subjects.map(\.description) == [
                "organization", "department d", "specialist s", "squad q", "membership q/s", "grant q/a", "outcome q/o",
            ])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Finding.Subject.self, from: Data(#"{"kind": "planet"}"#.utf8))
        }
    }

    @Test("policy settings read from a file keep unspecified defaults")
    func settings() throws {
        let json = #"{"thresholds": {"maximumCycleDays": 21}, "disabledCodes": ["department.noHead"]}"#
        let settings = try JSONDecoder().decode(ValidationPolicy.Settings.self, from: Data(json.utf8))
        #expect(settings.thresholds.maximumCycleDays == 21)
        #expect(settings.thresholds.minimumSquadSize == 6)
        let policy = ValidationPolicy(settings: settings)
        #expect(policy.disabledCodes == [.departmentNoHead])
        #expect(policy.rules.count == ValidationPolicy.builtInRules.count)
        #expect(policy.settings == settings)
        let empty = try JSONDecoder().decode(ValidationPolicy.Settings.self, from: Data("{}".utf8))
        #expect(empty == ValidationPolicy.Settings())
    }
}
