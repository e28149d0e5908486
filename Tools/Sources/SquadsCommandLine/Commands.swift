import CustomerValueSquads
import CustomerValueSquadsSamples
import Foundation

/// What a command prints and the status it exits with.
public struct CommandResult: Equatable, Sendable {
    /// The text for standard output.
    public var output: String
    /// The exit status: 0 for success, 1 when a report has errors, 2 for bad input.
    public var exitCode: Int32

    /// Creates a result.
    public init(output: String, exitCode: Int32) {
        self.output = output
        self.exitCode = exitCode
    }
}

/// How a command writes its result.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Text for people.
    case text
    /// JSON for scripts.
    case json
}

/// Which diagram language to write.
public enum DiagramFormat: String, CaseIterable, Sendable {
    /// A Mermaid flowchart.
    case mermaid
    /// A Graphviz DOT graph.
    case dot
}

/// The tool's commands as plain functions, so they can be tested without a process.
public enum Commands {
    /// The built-in sample organisation: a chain of candy stores rolling out regional squads.
    ///
    /// Read from the JSON document compiled into the tool (`Resources/sample.json`); a test checks that it is
    /// the testing module's regional-rollout fixture.
    public static let sampleOrganization: Organization = {
        do {
            return try Organization(jsonData: Data(PackageResources.sample_json))
        } catch {
            preconditionFailure("the built-in sample does not decode: \(error)")
        }
    }()

    /// Encodes a value as sorted, pretty-printed JSON text.
    ///
    /// - Throws: ``InputError`` when the value cannot be written as JSON (a number that is not finite), so a
    ///   failed encoding is an error (exit 2) and never an empty document.
    static func json(_ value: some Encodable) throws(InputError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw InputError("the result cannot be written as JSON: \(error)")
        }
    }

    /// `squads validate`: the validation report; exit 0 when valid, 1 when it has errors.
    public static func validate(
        _ organization: Organization,
        policy: ValidationPolicy = .default,
        format: OutputFormat = .text
    ) throws(InputError) -> CommandResult {
        let report = organization.validate(policy: policy)
        let output =
            switch format {
            case .text: Text.report(report, for: organization)
            case .json: try json(report)
            }
        return CommandResult(output: output, exitCode: report.isValid ? 0 : 1)
    }

    /// `squads diagram`: a picture of the silos and the squads that cut across them.
    ///
    /// With a squad or a department, only its neighbourhood is drawn; an unknown one is an input error that
    /// suggests the closest identifier.
    public static func diagram(
        _ organization: Organization,
        format: DiagramFormat,
        squad: CustomerValueSquad.ID? = nil,
        department: Department.ID? = nil
    ) throws(InputError) -> String {
        var scope = DiagramScope.whole
        if let squad {
            guard organization.squad(squad) != nil else { throw noSquad(squad, in: organization) }
            scope = .squad(squad)
        } else if let department {
            guard organization.department(department) != nil else {
                throw InputError(
                    "there is no department \(department)"
                        + Input.suggestion(for: department.rawValue, among: organization.departments.map(\.id.rawValue))
                )
            }
            scope = .department(department)
        }
        switch format {
        case .mermaid: return organization.mermaidDiagram(scope)
        case .dot: return organization.dotDiagram(scope)
        }
    }

    /// `squads sample`: the sample organisation as a JSON document.
    public static func sample() -> String {
        String(decoding: PackageResources.sample_json, as: UTF8.self)
    }

    /// `squads sample --specialists N`: a generated organisation of that size, the same for the same seed.
    ///
    /// - Throws: ``InputError`` for a number of specialists outside 1...``maximumSampleSize`` or a number of
    ///   squads outside 0...``maximumSampleSize``.
    public static func sample(specialists: Int, squads: Int? = nil, seed: UInt64 = 2026) throws(InputError) -> String {
        guard (1...maximumSampleSize).contains(specialists) else {
            throw InputError(
                "--specialists: give a number of specialists from 1 to \(maximumSampleSize), not \(specialists)")
        }
        if let squads, !(0...maximumSampleSize).contains(squads) {
            throw InputError("--squads: give a number of squads from 0 to \(maximumSampleSize), not \(squads)")
        }
        let shape = OrganizationGenerator.Shape(specialists: specialists, squads: squads)
        var generator = OrganizationGenerator(seed: seed, shape: shape)
        generator.healthy = true
        let organization = generator.generate()
        do {
            return String(decoding: try organization.jsonData(), as: UTF8.self) + "\n"
        } catch {
            throw InputError("the generated organisation cannot be written: \(error)")
        }
    }

    /// The largest organisation `squads sample` generates: ten million specialists (or squads), several
    /// gigabytes of JSON.
    public static let maximumSampleSize = 10_000_000

    /// `squads demo`: a first look at the library on the sample organisation.
    public static func demo() -> String {
        let organization = sampleOrganization
        var sections: [String] = []
        sections.append(Text.overview(organization))
        sections.append("## Validation (default policy)\n\n" + Text.report(organization.validate(), for: organization))
        sections.append((try? gaps(organization)) ?? "")
        sections.append((try? scores(organization)) ?? "")
        if let forming = organization.squads.first(where: { $0.stage == .forming }),
            let proposal = try? staffing(organization, squad: forming.id)
        {
            sections.append(proposal)
        }
        sections.append(
            """
            ## Next steps

              squads sample > org.json            write this organisation as JSON
              squads validate org.json            check it (exit 1 when it has errors)
              squads gaps org.json                skill gaps and who could fill them
              squads staffing org.json --squad bali   propose people for a squad's mission
              squads scores org.json              outcome scores per squad
              squads reach org.json               which silo data flows to which squad
              squads diagram org.json --format dot | dot -Tpng > org.png
            """
        )
        return sections.joined(separator: "\n\n") + "\n"
    }
}
