/// One judgement validation reports: how serious it is, a stable code, what it is about, and what to do.
///
/// Findings are data, never errors: an organisation may be out of a policy for a while (a squad being formed
/// passes through sizes 1 to 5). See ``ValidationReport``.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
        /// Worth knowing; nothing needs to change.
        case note
        /// Should be looked at; the squad may still work.
        case warning
        /// The squad is not yet a customer value squad in this respect.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders severities from note to error.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable, dotted code naming what a finding is about, such as `squad.size.tooSmall`.
    ///
    /// Built-in codes are static members; rules of your own create theirs with ``init(_:)``, ideally under a
    /// prefix of their own (`acme.squad.noLead`). Encoded as a plain string.
    public struct Code: TextValue {
        /// The code's text.
        public var rawValue: String

        /// Creates a value from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
    }

    /// What a finding is about.
    public enum Subject: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The organisation as a whole.
        case organization
        /// A department.
        case department(Department.ID)
        /// A specialist.
        case specialist(Specialist.ID)
        /// A squad.
        case squad(CustomerValueSquad.ID)
        /// One member's place in a squad.
        case membership(squad: CustomerValueSquad.ID, specialist: Specialist.ID)
        /// A squad's grant to a data asset.
        case grant(squad: CustomerValueSquad.ID, asset: DataAsset.ID)
        /// One of a squad's outcomes.
        case outcome(squad: CustomerValueSquad.ID, outcome: Outcome.ID)

        /// The stable name of the subject's kind, as written in JSON.
        public var kind: String {
            switch self {
            case .organization: "organization"
            case .department: "department"
            case .specialist: "specialist"
            case .squad: "squad"
            case .membership: "membership"
            case .grant: "grant"
            case .outcome: "outcome"
            }
        }

        /// The identifiers that name the subject, outermost first.
        public var path: [String] {
            switch self {
            case .organization: []
            case .department(let id): [id.rawValue]
            case .specialist(let id): [id.rawValue]
            case .squad(let id): [id.rawValue]
            case .membership(let squad, let specialist): [squad.rawValue, specialist.rawValue]
            case .grant(let squad, let asset): [squad.rawValue, asset.rawValue]
            case .outcome(let squad, let outcome): [squad.rawValue, outcome.rawValue]
            }
        }

        /// The subject written for people, such as `squad or-team` or `grant or-team/patient-records`.
        public var description: String {
            path.isEmpty ? kind : "\(kind) \(path.joined(separator: "/"))"
        }

        /// The squad the subject belongs to, if any.
        public var squad: CustomerValueSquad.ID? {
            switch self {
            case .squad(let id), .membership(let id, _), .grant(let id, _), .outcome(let id, _): id
            case .organization, .department, .specialist: nil
            }
        }

        /// Orders subjects: the organisation first, then departments, specialists, and each squad followed by
        /// its memberships, grants and outcomes.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.sortKey < rhs.sortKey }

        private var sortKey: (Int, String, Int, String) {
            switch self {
            case .organization: (0, "", 0, "")
            case .department(let id): (1, id.rawValue, 0, "")
            case .specialist(let id): (2, id.rawValue, 0, "")
            case .squad(let id): (3, id.rawValue, 0, "")
            case .membership(let id, let member): (3, id.rawValue, 1, member.rawValue)
            case .grant(let id, let asset): (3, id.rawValue, 2, asset.rawValue)
            case .outcome(let id, let outcome): (3, id.rawValue, 3, outcome.rawValue)
            }
        }
    }

    /// How serious the finding is.
    public var severity: Severity
    /// What the finding is, as a stable code.
    public var code: Code
    /// What the finding is about.
    public var subject: Subject
    /// A sentence a person can act on.
    public var message: String
    /// The numbers behind the finding, such as `["size": 4, "minimum": 6, "maximum": 10]`.
    public var figures: [String: Double]

    /// Creates a finding.
    ///
    /// - Parameters:
    ///   - severity: How serious it is.
    ///   - code: What it is, as a stable code.
    ///   - subject: What it is about.
    ///   - message: A sentence a person can act on.
    ///   - figures: The numbers behind it; none by default.
    public init(
        _ severity: Severity,
        _ code: Code,
        subject: Subject,
        message: String,
        figures: [String: Double] = [:]
    ) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
        self.figures = figures
    }

    /// The finding on one line, such as `error squad.size.tooSmall [squad or-team] 4 members; ...`.
    public var description: String {
        "\(severity.rawValue) \(code) [\(subject)] \(message)"
    }
}

extension Finding.Subject: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, id, squad, specialist, asset, outcome
    }

    /// Decodes a subject from its `kind` and identifiers.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `kind` for an unknown kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "organization": self = .organization
        case "department": self = .department(try container.decode(Department.ID.self, forKey: .id))
        case "specialist": self = .specialist(try container.decode(Specialist.ID.self, forKey: .id))
        case "squad": self = .squad(try container.decode(CustomerValueSquad.ID.self, forKey: .id))
        case "membership":
            self = .membership(
                squad: try container.decode(CustomerValueSquad.ID.self, forKey: .squad),
                specialist: try container.decode(Specialist.ID.self, forKey: .specialist)
            )
        case "grant":
            self = .grant(
                squad: try container.decode(CustomerValueSquad.ID.self, forKey: .squad),
                asset: try container.decode(DataAsset.ID.self, forKey: .asset)
            )
        case "outcome":
            self = .outcome(
                squad: try container.decode(CustomerValueSquad.ID.self, forKey: .squad),
                outcome: try container.decode(Outcome.ID.self, forKey: .outcome)
            )
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: container,
                debugDescription: "unknown subject kind \(String(reflecting: kind))"
            )
        }
    }

    /// Encodes a subject as its `kind` and identifiers, such as `{"kind": "squad", "id": "or-team"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .organization: break
        case .department(let id): try container.encode(id, forKey: .id)
        case .specialist(let id): try container.encode(id, forKey: .id)
        case .squad(let id): try container.encode(id, forKey: .id)
        case .membership(let squad, let specialist):
            try container.encode(squad, forKey: .squad)
            try container.encode(specialist, forKey: .specialist)
        case .grant(let squad, let asset):
            try container.encode(squad, forKey: .squad)
            try container.encode(asset, forKey: .asset)
        case .outcome(let squad, let outcome):
            try container.encode(squad, forKey: .squad)
            try container.encode(outcome, forKey: .outcome)
        }
    }
}
