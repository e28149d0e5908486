import CustomerValueSquads
import Foundation

/// A change the tool can make to an organisation: one of the library's transformations, named as planners say
/// it (`hire`, `form-squad`, `assign`), with its options. The tool adds no rule of its own: what the library
/// refuses, the verb refuses, with the library's error.
public struct ChangeVerb: Sendable {
    /// The verb, such as `form-squad`.
    public let name: String
    /// What it does, in one line.
    public let abstract: String
    /// The library transformation it calls, such as `Organization.formSquad(_:)`.
    public let transformation: String
    /// Its options.
    public let options: [VerbOption]
    let body: @Sendable (inout Organization, VerbArguments) throws -> Void

    init(
        _ name: String, _ abstract: String, calls transformation: String, _ options: [VerbOption],
        _ body: @escaping @Sendable (inout Organization, VerbArguments) throws -> Void
    ) {
        self.name = name
        self.abstract = abstract
        self.transformation = transformation
        self.options = options
        self.body = body
    }

    /// Applies the verb with `arguments` to `organization`; on failure `organization` is left as it was.
    ///
    /// - Throws: ``InputError`` for options that cannot be read, `OrganizationError` for what the library
    ///   refuses.
    public func apply(_ arguments: VerbArguments, to organization: inout Organization) throws {
        // Each verb reads its options and then makes one transformation, which changes nothing when it throws;
        // so the organisation is changed in place, not through a copy (which would copy all of it).
        try body(&organization, arguments)
    }

    /// The verb's usage and options, for `--help`.
    public var help: String {
        let width = options.map(\.usage.count).max() ?? 0
        let lines = options.map { option in
            "  " + option.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + option.help
                + (option.required ? " (required)" : "") + (option.repeatable ? " (repeatable)" : "")
        }
        return "\(name): \(abstract)\n(\(transformation))\n\nOptions:\n" + lines.joined(separator: "\n")
    }

    /// The verb called `name`.
    ///
    /// - Throws: ``InputError`` naming the closest verb, or listing them.
    public static func named(_ name: String) throws(InputError) -> ChangeVerb {
        if let verb = all.first(where: { $0.name == name }) { return verb }
        throw InputError(
            "unknown change \(String(reflecting: name))" + Input.suggestion(for: name, among: all.map(\.name)))
    }

    /// Every verb, in the order of the help.
    public static let all: [ChangeVerb] =
        organizationVerbs + departmentVerbs + specialistVerbs + squadVerbs + seatVerbs
        + runningVerbs
}

// MARK: - Looking things up

extension VerbArguments {
    func squad(in organization: Organization, _ name: String = "squad") throws(InputError) -> CustomerValueSquad.ID {
        try required(
            name, kind: "squad", exists: { organization.squad($0) != nil }, candidates: organization.squads.map(\.id))
    }

    func specialist(in organization: Organization, _ name: String = "specialist") throws(InputError)
        -> Specialist.ID
    {
        try required(
            name, kind: "specialist", exists: { organization.specialist($0) != nil },
            candidates: organization.specialists.map(\.id))
    }

    func optionalSpecialist(in organization: Organization, _ name: String) throws(InputError) -> Specialist.ID? {
        try reference(
            name, kind: "specialist", exists: { organization.specialist($0) != nil },
            candidates: organization.specialists.map(\.id))
    }

    func department(in organization: Organization, _ name: String = "department") throws(InputError)
        -> Department.ID
    {
        try required(
            name, kind: "department", exists: { organization.department($0) != nil },
            candidates: organization.departments.map(\.id))
    }

    func optionalDepartment(in organization: Organization, _ name: String) throws(InputError) -> Department.ID? {
        try reference(
            name, kind: "department", exists: { organization.department($0) != nil },
            candidates: organization.departments.map(\.id))
    }

    func asset(in organization: Organization, _ name: String = "asset") throws(InputError) -> DataAsset.ID {
        try required(
            name, kind: "data asset", exists: { organization.dataAsset($0) != nil },
            candidates: organization.departments.flatMap { $0.dataAssets.map(\.id) })
    }

    func outcome(of squad: CustomerValueSquad.ID, in organization: Organization) throws(InputError) -> Outcome.ID {
        let outcomes = organization.squad(squad)?.accountability.outcomes.map(\.id) ?? []
        return try required(
            "outcome", kind: "outcome of \(squad)", exists: { outcomes.contains($0) }, candidates: outcomes)
    }

    /// A number that may be `none`, for options that clear a value.
    func numberOrNone(_ name: String) throws(InputError) -> Double? {
        if optional(name) == "none" { return nil }
        guard let value = try number(name) else { throw InputError("\(verb): --\(name) is required") }
        return value
    }

    /// `--skill NAME=LEVEL`, repeated: skills and proficiencies (novice, competent, proficient, expert).
    func skills(_ name: String = "skill") throws(InputError) -> [Skill: Proficiency] {
        var skills: [Skill: Proficiency] = [:]
        for text in all(name) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw InputError(
                    "\(verb): --\(name) \(String(reflecting: text)): write SKILL=LEVEL, such as sql=expert")
            }
            skills[Skill(rawValue: parts[0])] = try proficiency(parts[1], option: name)
        }
        return skills
    }

    func proficiency(_ text: String, option: String) throws(InputError) -> Proficiency {
        guard let level = Proficiency.allCases.first(where: { "\($0)" == text }) else {
            throw InputError(
                "\(verb): --\(option): \(String(reflecting: text)) is not a proficiency"
                    + Input.suggestion(for: text, among: Proficiency.allCases.map { "\($0)" }))
        }
        return level
    }

    /// `--value-area KIND[:DETAIL]`, such as `account:Key accounts` or `designSupport`.
    func valueArea() throws(InputError) -> ValueArea? {
        guard let text = optional("value-area") else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        var object = ["kind": parts[0]]
        if parts.count == 2 { object["detail"] = parts[1] }
        do {
            return try JSONDecoder().decode(ValueArea.self, from: JSONSerialization.data(withJSONObject: object))
        } catch {
            throw InputError(
                "\(verb): --value-area \(String(reflecting: text)): expected KIND or KIND:DETAIL with KIND one of "
                    + "geography, account, revenueOperations, productService, designSupport, "
                    + "crossChannelMarketing, custom (geography, account, productService and custom need a detail)")
        }
    }
}

/// An option every verb that takes a whole value from a document has.
let documentOptions = [
    VerbOption("from", "FILE", "read the value from a JSON file in the library's format; - reads standard input"),
    VerbOption("json", "TEXT", "the value as JSON text"),
]

func need<Value>(_ value: Value?, _ verb: String, _ what: String) throws(InputError) -> Value {
    guard let value else { throw InputError("\(verb): give \(what)") }
    return value
}
