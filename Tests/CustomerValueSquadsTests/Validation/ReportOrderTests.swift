import CustomerValueSquads
import CustomerValueSquadsTesting
import Testing

/// A squad rule that also reports on a member, as a custom rule may.
private struct MemberNoteRule: ValidationRule {
    var codes: [Finding.Code] { ["test.memberNote"] }

    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] {
        guard let member = squad.memberIDs.first, squad.id.rawValue.hasSuffix("7") else { return [] }
        return [Finding(.note, "test.memberNote", subject: .specialist(member), message: "noted in \(squad.id)")]
    }
}

@Suite("Validation reports come in the stable order however they are gathered")
struct ReportOrderTests {
    static let organization = OrganizationGenerator(seed: 11, shape: .init(specialists: 1_500)).generate()

    @Test("the default policy's report is in the order a full sort gives")
    func defaultPolicy() {
        let report = Self.organization.validate(on: "2026-11-28")
        #expect(report.findings.count > 100)
        #expect(ValidationReport(findings: report.findings.reversed()) == report)
    }

    @Test("with disabled codes and a rule reporting outside its squad, the order still holds")
    func straysAndDisabledCodes() {
        let policy = ValidationPolicy(disabledCodes: [.squadSkillsGap, .squadPiecesNoMethod]) {
            ValidationPolicy.builtInRules
            MemberNoteRule()
        }
        let report = Self.organization.validate(policy: policy, on: "2026-11-28")
        #expect(report.findings.contains { $0.code == "test.memberNote" })
        #expect(!report.findings.contains { $0.code == .squadSkillsGap || $0.code == .squadPiecesNoMethod })
        #expect(ValidationReport(findings: report.findings.reversed()) == report)
        let disabledOnly = ValidationPolicy(disabledCodes: [.squadSkillsGap]) { ValidationPolicy.builtInRules }
        let filtered = Self.organization.validate(policy: disabledOnly, on: "2026-11-28")
        let full = Self.organization.validate(on: "2026-11-28")
        #expect(filtered.findings == full.findings.filter { $0.code != .squadSkillsGap })
    }
}
