import ArgumentParser
import CustomerValueSquads
import Foundation
import Yams

struct ExportBackstageCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-backstage",
        abstract: "Write an organisation as Backstage catalog entities (YAML).",
        discussion: "A Group per department (spec.type department: parent, children, members, leader) and per squad "
            + "(spec.type squad: members, the mission as metadata.description, stage and value area as labels), a "
            + "User per specialist (memberOf: home department and squads), each a YAML document (--format json "
            + "writes each as JSON, which YAML reads too). Identifiers that break Backstage's name rules are mapped, and the map is listed on "
            + "standard error; the annotation customervaluesquads/id keeps each identifier."
    )

    @Argument(help: "The organisation (JSON); - reads standard input.")
    var organization: String

    @Option(help: "The spec.type of a department's group.")
    var departmentType = "department"

    @Option(help: "The spec.type of a squad's group.")
    var squadType = "squad"

    @Option(help: "The namespace of every entity (Backstage's default one when not given).")
    var namespace: String?

    /// How each document is written.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case yaml, json
    }

    @Option(help: "yaml (the default) or json: how each document is written.")
    var format: Format = .yaml

    @Option(help: "Where to write the entities; - (the default) writes standard output.")
    var output = "-"

    func execute() throws {
        if let namespace {
            let scalars = Array(namespace.unicodeScalars)
            let allowed = scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            guard (1...63).contains(scalars.count), allowed, scalars.first != "-", scalars.last != "-",
                !namespace.contains("--")
            else {
                throw InputError(
                    "--namespace: \(String(reflecting: namespace)) is not a Backstage namespace: 1 to 63 lower-case "
                        + "letters and digits, separated by single hyphens, such as payments")
            }
        }
        guard departmentType != squadType else {
            throw InputError(
                "--squad-type and --department-type are both \(String(reflecting: squadType)): an import could not "
                    + "tell squads from departments")
        }
        let (text, renamed) = try Commands.exportBackstage(
            readOrganization(organization),
            options: .init(departmentType: departmentType, squadType: squadType, namespace: namespace),
            yaml: format == .yaml)
        try writeOutput(Data(text.utf8), to: output)
        for line in renamed { FileHandle.standardError.write(Data("renamed: \(line)\n".utf8)) }
    }
}

struct ImportBackstageCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-backstage",
        abstract: "Read Backstage catalog Group and User entities (YAML or JSON) into an organisation document.",
        discussion: "Groups of the squad type become squads, other groups departments (their parent, their leader "
            + "as head); users become specialists of the first department group they are a member of. The "
            + "catalog holds no shares or roles: every squad member gets --role and --share. What was skipped is "
            + "listed on standard error."
    )

    @Argument(help: "Catalog files: YAML documents or JSON; - reads standard input.")
    var files: [String]

    @Option(help: "The spec.type of the groups that become squads.")
    var squadType = "squad"

    @Option(help: "The role of every squad member.")
    var role = "member"

    @Option(parsing: .unconditional, help: "The share of every squad member's time, in percent.")
    var share = 20

    @Option(help: "The organisation's name.")
    var organizationName = "Imported organisation"

    @Option(help: "The organisation's shared goal.")
    var goal = ""

    @Option(help: "Where to write the organisation; - (the default) writes standard output.")
    var output = "-"

    func execute() throws {
        var entities: [BackstageCatalog.Entity] = []
        for file in files { entities += try Input.backstageEntities(atPath: file) }
        let memberShare: TimeShare
        do {
            memberShare = try TimeShare(percent: share)
        } catch {
            throw InputError("--share: \(error.message)")
        }
        guard !Organization.isBlank(role) else { throw InputError("--role: give a role that is not blank") }
        let memberRole = Role(rawValue: role)
        let imported = try Commands.importBackstage(
            entities,
            options: .init(
                organizationName: organizationName, goal: goal, squadType: squadType, role: memberRole,
                share: memberShare))
        try writeOutput(imported.document, to: output)
        for line in imported.report { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }
}

extension Input {
    /// Reads catalog entities from a file: JSON (one entity, a list, or a stream of JSON documents) read by the
    /// library, anything else as YAML documents.
    ///
    /// - Throws: ``InputError`` naming the file, and the document and field that are wrong.
    public static func backstageEntities(atPath path: String) throws(InputError) -> [BackstageCatalog.Entity] {
        let data = try data(atPath: path)
        // JSON (after an optional `---` line) is read by the library; anything else is YAML.
        var content = data.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if content.starts(with: Array("---".utf8)) { content = content.drop { $0 != 0x0A } }
        let firstByte = content.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "["),
            let entities = try? BackstageCatalog.entities(fromJSON: data)
        {
            return entities
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8(in: data)
            let line = data.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1
            throw InputError("\(path):\(line): the file is not UTF-8 (byte \(offset + 1)); save it as UTF-8")
        }
        if let key = YAMLKeyGuard.firstComplexKey(in: text) {
            throw InputError(
                "\(path):\(key.line):\(key.column): \(key.what); a catalog's keys are plain names, and Backstage "
                    + "does not read other keys either")
        }
        do {
            // Catalog fields are text: plain scalars stay strings (only null is resolved), which spares a
            // pattern match per scalar. The documents are written as one JSON list for the library's reader, far
            // faster than decoding the nodes; only when that fails are they decoded one by one, to say where.
            // A YAML sequence stops at the first error and keeps it: it is read with next(), and its error thrown.
            var documents = try Yams.compose_all(yaml: text, Resolver.basic.appending(.null), .default, .utf8)
            var json = YAMLAsJSON(fileSize: data.count)
            json.append("[")
            var count = 0
            // Documents begin at lines that are "---": counted once, for the progress line on a terminal.
            let expected = max(1, text.utf8.split(separator: 0x0A).count { $0.elementsEqual("---".utf8) })
            var progress = ProgressLine("reading \(path)", unit: "documents")
            defer { progress.finish() }
            while let node = documents.next() {
                progress.update(done: count, total: expected)
                if count > 0 { json.append(",") }
                count += 1
                do {
                    try json.write(node)
                } catch {
                    throw InputError(
                        "\(path), document \(count): its aliases expand past \(max(1_000_000, 4 * data.count)) nodes; "
                            + "refused")
                }
            }
            json.append("]")
            if let error = documents.error { throw error }
            if let entities = try? BackstageCatalog.entities(fromJSON: Data(json.bytes)), entities.count == count {
                return entities
            }
            var entities: [BackstageCatalog.Entity] = []
            let decoder = YAMLDecoder(encoding: .utf8)
            var again = try Yams.compose_all(yaml: text, Resolver.basic.appending(.null), .default, .utf8)
            while let node = again.next() {
                do {
                    entities.append(try decoder.decode(BackstageCatalog.Entity.self, from: node))
                } catch let error as DecodingError {
                    throw InputError(describe(error, in: "\(path), document \(entities.count + 1)"))
                }
            }
            if let error = again.error { throw error }
            return entities
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(path): not YAML or JSON catalog entities: \(error)")
        }
    }
}

extension Commands {
    /// `squads export-backstage`: the entities as a YAML stream — each document in YAML, or in JSON — and the
    /// identifiers renamed.
    public static func exportBackstage(
        _ organization: Organization, options: BackstageCatalog.ExportOptions = .init(), yaml: Bool = true
    ) throws(InputError) -> (text: String, renamed: [String]) {
        let export = organization.backstageCatalog(options)
        guard yaml else {
            do {
                return (try export.jsonDocuments(), export.renamed.map(\.description))
            } catch {
                throw InputError("the entities cannot be written: \(error)")
            }
        }
        return (export.yaml(), export.renamed.map(\.description))
    }

    /// `squads import-backstage`: the organisation as JSON, and the report's lines.
    public static func importBackstage(_ entities: [BackstageCatalog.Entity], options: BackstageCatalog.ImportOptions)
        throws(InputError) -> (document: Data, report: [String])
    {
        do {
            let result = try BackstageCatalog.organization(from: entities, options: options)
            return (try result.organization.jsonData(), result.report.map(\.description))
        } catch let error as OrganizationError {
            throw InputError("the entities do not make an organisation: [\(error.code)] \(error.message)")
        } catch {
            throw InputError("the organisation cannot be written as JSON: \(error)")
        }
    }
}

/// The offset of the first byte of `data` that is not part of valid UTF-8 (`data.count` when all of it is).
func firstInvalidUTF8(in data: Data) -> Int {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput, .error: return offset
        }
    }
}
