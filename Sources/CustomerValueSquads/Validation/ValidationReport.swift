/// Everything validation found, in a stable order: by subject (the organisation, departments, specialists,
/// then each squad with its memberships, grants and outcomes), then by code, then by message.
///
/// The same organisation and policy always give the same report, so reports can be snapshotted and diffed.
public struct ValidationReport: Sendable, Hashable, CustomStringConvertible {
    /// Every finding, in the report's stable order.
    public let findings: [Finding]

    /// Creates a report, putting the findings in the stable order.
    ///
    /// - Parameter findings: The findings, in any order.
    /// - Complexity: O(*n* log *n*), where *n* is the number of findings.
    public init(findings: [Finding]) {
        self.findings = Self.ordered(findings)
    }

    /// A report of findings already in the stable order.
    init(ordered findings: [Finding]) {
        self.findings = findings
    }

    /// The findings in the report's stable order.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        var findings = findings
        order(&findings[...])
        return findings
    }

    /// Puts findings in the report's stable order, in place (equal findings keep their order).
    static func order(_ findings: inout ArraySlice<Finding>) {
        func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
            if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
        // The findings are compared where they lie and moved, never copied.
        findings.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count <= 16 else { return buffer.sort(by: precedes) }
            // A squad's handful of findings: an insertion sort.
            for end in buffer.indices.dropFirst() {
                var index = end
                while index > 0, precedes(buffer[index], buffer[index - 1]) {
                    buffer.swapAt(index, index - 1)
                    index -= 1
                }
            }
        }
    }

    /// Whether the report holds no errors; warnings and notes do not make an organisation invalid.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }

    /// The number of findings of each severity.
    ///
    /// - Complexity: O(*n*), where *n* is the number of findings.
    public func count(of severity: Finding.Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// The number of errors.
    public var errorCount: Int { count(of: .error) }
    /// The number of warnings.
    public var warningCount: Int { count(of: .warning) }
    /// The number of notes.
    public var noteCount: Int { count(of: .note) }

    /// The findings about one subject.
    ///
    /// - Parameters:
    ///   - subject: The subject.
    ///   - includingParts: When `subject` is a squad, whether to include its memberships, grants and outcomes
    ///     too; `true` by default.
    public func findings(about subject: Finding.Subject, includingParts: Bool = true) -> [Finding] {
        if includingParts, case .squad(let squad) = subject {
            return findings.filter { $0.subject.squad == squad }
        }
        return findings.filter { $0.subject == subject }
    }

    /// The findings with one code.
    public func findings(withCode code: Finding.Code) -> [Finding] {
        findings.filter { $0.code == code }
    }

    /// The findings of one severity or more.
    public func findings(atLeast severity: Finding.Severity) -> [Finding] {
        findings.filter { $0.severity >= severity }
    }

    /// A report holding only the findings that satisfy `isIncluded`.
    public func filter(_ isIncluded: (Finding) throws -> Bool) rethrows -> ValidationReport {
        ValidationReport(findings: try findings.filter(isIncluded))
    }

    /// The report for people: a summary line, then one finding per line.
    public var description: String {
        var lines = [
            "\(isValid ? "valid" : "invalid"): \(Organization.counted(errorCount, "error")), "
                + "\(Organization.counted(warningCount, "warning")), \(Organization.counted(noteCount, "note"))"
        ]
        lines += findings.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension ValidationReport: Codable {
    private enum CodingKeys: String, CodingKey {
        case isValid, errors, warnings, notes, findings
    }

    /// Decodes a report from its findings; the counts in the document are derived again, not trusted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(findings: try container.decode([Finding].self, forKey: .findings))
    }

    /// Encodes the report as its counts, `isValid` and its findings, for tools.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isValid, forKey: .isValid)
        try container.encode(errorCount, forKey: .errors)
        try container.encode(warningCount, forKey: .warnings)
        try container.encode(noteCount, forKey: .notes)
        try container.encode(findings, forKey: .findings)
    }
}
