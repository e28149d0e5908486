#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks of what the library promises for input from outside, for fuzzers and tests: every document either
/// becomes a value that survives a round trip, or is refused with the library's error — never a crash, never a
/// value that reads back differently.
///
/// Each check returns the promises the input broke, as sentences; none means all was kept. The fuzz targets in
/// `Fuzz/` stop on the first broken promise; the test suite replays every input that ever broke one.
///
/// ```swift
/// #expect(InputChecks.organization(data).isEmpty)
/// ```
public enum InputChecks {
    /// The documents of the organisation format the checks are run against: organisation, policy, change
    /// log, SCIM export and rollout plan.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An organisation document (`Organization(jsonData:)`).
        case organization
        /// Validation policy settings (`ValidationPolicy.Settings`).
        case policy
        /// A change log (`OrganizationChange.changes(fromJSON:)`).
        case changeLog
        /// A SCIM 2.0 list response (`SCIMImport.organization(from:options:)`).
        case scim
        /// A rollout plan (`RolloutPlan`) or a top-down programme (`TransformationProgramme`).
        case rollout
    }

    /// The check for documents of `kind`.
    public static func check(_ kind: Kind, _ data: Data) -> [String] {
        switch kind {
        case .organization: organization(data)
        case .policy: policy(data)
        case .changeLog: changeLog(data)
        case .scim: scim(data)
        case .rollout: rollout(data)
        }
    }

    /// An organisation document: decoded, it re-encodes to a document that decodes to an equal value and the
    /// same bytes, and the `Codable` path agrees; refused, the error is a `DecodingError` carrying an
    /// ``OrganizationError`` with a line and column.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    public static func organization(_ data: Data) -> [String] {
        var problems: [String] = []
        do {
            let organization = try Organization(jsonData: data)
            let written = try organization.jsonData()
            let again = try Organization(jsonData: written)
            if again != organization { problems.append("a decoded organisation reads back differently") }
            if try again.jsonData() != written { problems.append("the same organisation gave different bytes") }
            // The Codable path reads every document this one accepts, into the same value.
            if let viaCodable = try? JSONDecoder().decode(Organization.self, from: data), viaCodable != organization {
                problems.append("the Codable path read the document into a different organisation")
            }
            _ = organization.validate(on: "2026-11-28")
        } catch let error as DecodingError {
            problems += located(error)
        } catch {
            problems.append("decoding threw \(type(of: error)), not a DecodingError: \(error)")
        }
        return problems
    }

    /// Policy settings: decoded, they round-trip and validate the regional-rollout fixture without trapping.
    public static func policy(_ data: Data) -> [String] {
        guard let settings = try? JSONDecoder().decode(ValidationPolicy.Settings.self, from: data) else { return [] }
        var problems: [String] = []
        if let encoded = try? JSONEncoder().encode(settings),
            (try? JSONDecoder().decode(ValidationPolicy.Settings.self, from: encoded)) != settings
        {
            problems.append("policy settings read back differently")
        }
        _ = Fixtures.regionalRollout.validate(policy: ValidationPolicy(settings: settings), on: "2026-11-28")
        return problems
    }

    /// A change log: decoded, it round-trips through its stable writer, and applying it to a fixture either
    /// succeeds with a value that round-trips as JSON or is refused leaving the fixture as it was.
    public static func changeLog(_ data: Data) -> [String] {
        guard let changes = try? OrganizationChange.changes(fromJSON: data) else { return [] }
        var problems: [String] = []
        if let written = try? OrganizationChange.jsonData(changes),
            (try? OrganizationChange.changes(fromJSON: written)) != changes
        {
            problems.append("a change log reads back differently")
        }
        for fixture in [Fixtures.operatingRoom, Fixtures.accountBasedMarketing] {
            var organization = fixture
            do {
                try organization.apply(changes)
                if (try? Organization(jsonData: organization.jsonData())) != organization {
                    problems.append("an organisation after a change log reads back differently")
                }
            } catch {
                if organization != fixture { problems.append("a refused change log changed the organisation") }
            }
        }
        return problems
    }

    /// A SCIM export: imported, the organisation round-trips as JSON; refused, the error is the library's or
    /// a `DecodingError`.
    public static func scim(_ data: Data) -> [String] {
        do {
            let result = try SCIMImport.organization(from: data, options: .init(name: "Fuzzed", squads: .all))
            if (try? Organization(jsonData: result.organization.jsonData())) != result.organization {
                return ["an imported organisation reads back differently"]
            }
            return []
        } catch is DecodingError {
            return []
        } catch is OrganizationError {
            return []
        } catch {
            return ["the SCIM import threw \(type(of: error)): \(error)"]
        }
    }

    /// A rollout plan or programme: decoded, it round-trips, and its status in a fixture can be asked.
    public static func rollout(_ data: Data) -> [String] {
        var problems: [String] = []
        if let plan = try? JSONDecoder().decode(RolloutPlan.self, from: data) {
            if let encoded = try? JSONEncoder().encode(plan),
                (try? JSONDecoder().decode(RolloutPlan.self, from: encoded)) != plan
            {
                problems.append("a rollout plan reads back differently")
            }
            _ = plan.status(in: Fixtures.accountBasedMarketing)
        }
        if let programme = try? JSONDecoder().decode(TransformationProgramme.self, from: data) {
            _ = programme.monthsToLaunch
            if let encoded = try? JSONEncoder().encode(programme),
                (try? JSONDecoder().decode(TransformationProgramme.self, from: encoded)) != programme
            {
                problems.append("a programme reads back differently")
            }
        }
        return problems
    }

    private static func located(_ error: DecodingError) -> [String] {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let inner), .typeMismatch(_, let inner), .valueNotFound(_, let inner),
            .keyNotFound(_, let inner):
            context = inner
        @unknown default:
            return ["an unknown kind of DecodingError: \(error)"]
        }
        guard let underlying = context.underlyingError as? OrganizationError else {
            return ["a refusal without the library's error: \(error)"]
        }
        return underlying.location == nil ? ["a refusal without a line and column: \(underlying)"] : []
    }
}
