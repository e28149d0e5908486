/// The rules validation applies and the thresholds they use.
///
/// Start from ``default``, which follows the domain, and tune it: change ``thresholds``, turn codes off with
/// ``disabledCodes``, add rules of your own, or compose a policy from scratch with the result builder:
///
/// ```swift
/// var policy = ValidationPolicy.default
/// policy.thresholds.maximumCycleDays = 21
/// policy.disabledCodes.insert(.departmentNoHead)
/// policy.rules.append(EverySquadHasALead())
///
/// let strict = ValidationPolicy(thresholds: .init(minimumDepartments: 4)) {
///     SquadSizeRule()
///     CrossFunctionalRule()
/// }
/// ```
public struct ValidationPolicy: Sendable {
    /// The numbers the built-in rules judge by. Rules of your own may read them too.
    public struct Thresholds: Sendable, Hashable, Codable {
        /// The smallest size of a squad; 6 by default.
        public var minimumSquadSize: Int
        /// The largest size of a squad before it starts to formalise; 10 by default.
        public var maximumSquadSize: Int
        /// The fewest home departments a squad's members come from; 3 by default.
        public var minimumDepartments: Int
        /// The fewest distinct skills a squad's members bring; 3 by default.
        public var minimumDistinctSkills: Int
        /// The longest break-fix cycle, in days; 14 by default.
        public var maximumCycleDays: Int
        /// The most of a specialist's time all squads together should take, in percent; 80 by default,
        /// since they keep home-department duties.
        public var maximumBookedPercent: Int
        /// How many percentage points below its capacity floor a department may fall before it is an error
        /// rather than a warning; 10 by default.
        public var capacityFloorMarginPercent: Int
        /// How many days past its review cadence an outcome may go without a check-in before it is stale; 3 by
        /// default.
        public var checkInGraceDays: Int
        /// The most collaborations a squad should run at once; 2 by default.
        public var maximumCollaborations: Int
        /// The fewest direct reports a manager should have (``ManagerSpanRule``); 3 by default.
        public var minimumSpan = 3
        /// The most direct reports a manager should have (``ManagerSpanRule``); 15 by default.
        public var maximumSpan = 15
        /// The most layers the longest reporting line should have (``ReportingLayersRule``); 8 by default.
        public var maximumLayers = 8

        /// Creates thresholds; every parameter defaults to the domain's value.
        ///
        /// - Parameters:
        ///   - minimumSquadSize: The smallest size of a squad.
        ///   - maximumSquadSize: The largest size of a squad.
        ///   - minimumDepartments: The fewest home departments in a squad.
        ///   - minimumDistinctSkills: The fewest distinct skills in a squad.
        ///   - maximumCycleDays: The longest break-fix cycle, in days.
        ///   - maximumBookedPercent: The most of a specialist's time all squads should take.
        ///   - capacityFloorMarginPercent: How far below its capacity floor a department may fall before it is an
        ///     error.
        ///   - checkInGraceDays: How many days past the review cadence an outcome may go without a check-in.
        ///   - maximumCollaborations: The most collaborations a squad should run at once.
        public init(
            minimumSquadSize: Int = 6,
            maximumSquadSize: Int = 10,
            minimumDepartments: Int = 3,
            minimumDistinctSkills: Int = 3,
            maximumCycleDays: Int = 14,
            maximumBookedPercent: Int = 80,
            capacityFloorMarginPercent: Int = 10,
            checkInGraceDays: Int = 3,
            maximumCollaborations: Int = 2
        ) {
            self.minimumSquadSize = minimumSquadSize
            self.maximumSquadSize = maximumSquadSize
            self.minimumDepartments = minimumDepartments
            self.minimumDistinctSkills = minimumDistinctSkills
            self.maximumCycleDays = maximumCycleDays
            self.maximumBookedPercent = maximumBookedPercent
            self.capacityFloorMarginPercent = capacityFloorMarginPercent
            self.checkInGraceDays = checkInGraceDays
            self.maximumCollaborations = maximumCollaborations
        }

        private enum CodingKeys: String, CodingKey {
            case minimumSquadSize, maximumSquadSize, minimumDepartments, minimumDistinctSkills, maximumCycleDays
            case maximumBookedPercent, capacityFloorMarginPercent, checkInGraceDays, maximumCollaborations
            case minimumSpan, maximumSpan, maximumLayers
        }

        /// Decodes thresholds; a missing field keeps its default.
        ///
        /// - Throws: `DecodingError.dataCorrupted` at the field for a negative number.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Thresholds()
            func count(_ key: CodingKeys, _ fallback: Int) throws -> Int {
                guard let value = try container.decodeIfPresent(Int.self, forKey: key) else { return fallback }
                guard value >= 0 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container,
                        debugDescription: "\(key.stringValue) is \(value); a threshold is 0 or more")
                }
                return value
            }
            var decoded = Thresholds(
                minimumSquadSize: try count(.minimumSquadSize, defaults.minimumSquadSize),
                maximumSquadSize: try count(.maximumSquadSize, defaults.maximumSquadSize),
                minimumDepartments: try count(.minimumDepartments, defaults.minimumDepartments),
                minimumDistinctSkills: try count(.minimumDistinctSkills, defaults.minimumDistinctSkills),
                maximumCycleDays: try count(.maximumCycleDays, defaults.maximumCycleDays),
                maximumBookedPercent: try count(.maximumBookedPercent, defaults.maximumBookedPercent),
                capacityFloorMarginPercent: try count(.capacityFloorMarginPercent, defaults.capacityFloorMarginPercent),
                checkInGraceDays: try count(.checkInGraceDays, defaults.checkInGraceDays),
                maximumCollaborations: try count(.maximumCollaborations, defaults.maximumCollaborations)
            )
            decoded.minimumSpan = try count(.minimumSpan, defaults.minimumSpan)
            decoded.maximumSpan = try count(.maximumSpan, defaults.maximumSpan)
            decoded.maximumLayers = try count(.maximumLayers, defaults.maximumLayers)
            self = decoded
        }
    }

    /// The settings of a policy that can be written to a file: thresholds and codes turned off.
    ///
    /// A policy file holds `{"thresholds": {...}, "disabledCodes": [...]}`; both fields are optional.
    public struct Settings: Sendable, Hashable, Codable {
        /// The thresholds.
        public var thresholds: Thresholds
        /// The codes whose findings are left out of reports.
        public var disabledCodes: Set<Finding.Code>

        /// Creates settings.
        ///
        /// - Parameters:
        ///   - thresholds: The thresholds; the domain's by default.
        ///   - disabledCodes: The codes to leave out; none by default.
        public init(thresholds: Thresholds = Thresholds(), disabledCodes: Set<Finding.Code> = []) {
            self.thresholds = thresholds
            self.disabledCodes = disabledCodes
        }

        private enum CodingKeys: String, CodingKey {
            case thresholds, disabledCodes
        }

        /// Decodes settings; missing fields keep their defaults.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                thresholds: try container.decodeIfPresent(Thresholds.self, forKey: .thresholds) ?? Thresholds(),
                disabledCodes: try container.decodeIfPresent(Set<Finding.Code>.self, forKey: .disabledCodes) ?? []
            )
        }

        /// Encodes settings with the disabled codes sorted.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(thresholds, forKey: .thresholds)
            try container.encode(disabledCodes.sorted(), forKey: .disabledCodes)
        }
    }

    /// The thresholds the rules judge by.
    public var thresholds: Thresholds
    /// The rules, in the order they run; the report's order does not depend on it.
    public var rules: [any ValidationRule]
    /// Codes whose findings are left out of reports.
    public var disabledCodes: Set<Finding.Code>

    /// Creates a policy from rules composed with ``ValidationRuleBuilder``.
    ///
    /// - Parameters:
    ///   - thresholds: The thresholds; the domain's by default.
    ///   - disabledCodes: Codes to leave out of reports; none by default.
    ///   - rules: The rules.
    public init(
        thresholds: Thresholds = Thresholds(),
        disabledCodes: Set<Finding.Code> = [],
        @ValidationRuleBuilder rules: () -> [any ValidationRule]
    ) {
        self.thresholds = thresholds
        self.disabledCodes = disabledCodes
        self.rules = rules()
    }

    /// The built-in rules with the given settings.
    ///
    /// - Parameter settings: The thresholds and disabled codes, as read from a policy file.
    public init(settings: Settings) {
        self = .default
        thresholds = settings.thresholds
        disabledCodes = settings.disabledCodes
    }

    /// The policy's settings — thresholds and disabled codes — for writing to a file.
    public var settings: Settings { Settings(thresholds: thresholds, disabledCodes: disabledCodes) }

    /// The built-in rules that the default policy leaves out, because in a real organisation they would report
    /// more than anyone reads until what they judge is what the change is about: ``SiloIslandRule``,
    /// ``ManagerSpanRule``, ``ReportingLayersRule`` and ``EscalationRule``. Add them one by one with
    /// ``adding(_:)``.
    public static var optInRules: [any ValidationRule] {
        [SiloIslandRule(), ManagerSpanRule(), ReportingLayersRule(), EscalationRule()]
    }

    /// Every built-in rule of the default policy, in the order the domain introduces them; ``optInRules`` are the
    /// others.
    public static var builtInRules: [any ValidationRule] {
        [
            SquadSizeRule(),
            CrossFunctionalRule(),
            CustomerCentredMissionRule(),
            EmpowermentRule(),
            AccountabilityRule(),
            DataReachRule(),
            BreakFixCycleRule(),
            FailureToleranceRule(),
            ThreePiecesRule(),
            SkillGapRule(),
            StretchedThinRule(),
            LeastPrivilegeRule(),
            DepartmentHeadRule(),
            SiloCapacityRule(),
            CheckInStalenessRule(),
            OpenEndedCollaborationRule(),
            BlockingDependencyRule(),
            CollaborationLoadRule(),
            SeatOverdueRule(),
        ]
    }

    /// The policy that follows the domain: every built-in rule with the domain's thresholds.
    public static var `default`: ValidationPolicy {
        ValidationPolicy { builtInRules }
    }

    /// Every code the policy's rules may report, sorted.
    public var codes: [Finding.Code] {
        Set(rules.flatMap(\.codes)).sorted()
    }

    /// Returns a copy with `rule` added after the others.
    public func adding(_ rule: any ValidationRule) -> ValidationPolicy {
        var copy = self
        copy.rules.append(rule)
        return copy
    }

    /// Returns a copy without the rules of type `type`.
    public func removingRules<Rule: ValidationRule>(ofType type: Rule.Type) -> ValidationPolicy {
        var copy = self
        copy.rules.removeAll { $0 is Rule }
        return copy
    }
}
