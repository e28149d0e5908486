#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The organisation as entities of the Backstage software catalog, and back.
///
/// ``Organization/backstageCatalog(_:)`` writes a `Group` per department (`spec.type: department`, its parent
/// and children, its staff as `members`, its head as `leader`), a `Group` per squad that is not dissolved
/// (`spec.type: squad` or as configured, its members, the mission as `metadata.description`, stage and value area
/// as labels), and a `User` per specialist (`memberOf`: their home department and their squads).
/// ``organization(from:options:)`` reads such entities back, with the shares and roles the catalog does not hold
/// taken from the options.
///
/// Backstage names are 1 to 63 characters of letters and digits separated by single `-`, `_` or `.`; an
/// identifier that breaks the rule (a `:`, a doubled separator, more than 63 characters) is mapped to one
/// that keeps it, the same every time and unique in its kind, and ``Export/renamed`` lists every such name. The
/// annotation ``identifierAnnotation`` keeps the identifier, so an import gives it back.
public enum BackstageCatalog {
    /// The catalog's entity format version the export writes.
    public static let apiVersion = "backstage.io/v1alpha1"
    /// The annotation that holds an entity's identifier in the organisation.
    public static let identifierAnnotation = "customervaluesquads/id"
    /// The label of a squad's stage.
    public static let stageLabel = "customervaluesquads/stage"
    /// The label of the kind of a squad's value area (`geography`, `account`, …).
    public static let valueAreaLabel = "customervaluesquads/value-area"
    /// The annotation of a squad's value area in words (`geography: East Java`).
    public static let valueAreaAnnotation = "customervaluesquads/value-area"
    /// The annotation of a squad's customer.
    public static let customerAnnotation = "customervaluesquads/customer"
    /// The annotation of a specialist's title.
    public static let titleAnnotation = "customervaluesquads/title"
    /// The annotation of a specialist's skills (`analytics:expert;selling:proficient`).
    public static let skillsAnnotation = "customervaluesquads/skills"

    /// The kind of an entity: ``group`` and ``user`` are those the organisation maps to; a catalog holds others
    /// (`Component`, `API`, …), which the import reads and skips.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The kind's name, as the catalog writes it: `Group`, `User`.
        public var rawValue: String

        /// Creates a kind from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A department or a squad.
        public static let group = Kind(rawValue: "Group")
        /// A specialist.
        public static let user = Kind(rawValue: "User")

        /// The kind's name.
        public var description: String { rawValue }
    }

    /// One catalog entity, as Backstage's `Entity` schema defines it, with the fields of `Group` and `User`.
    public struct Entity: Sendable, Hashable, Codable {
        /// The format version, ``BackstageCatalog/apiVersion``.
        public var apiVersion: String
        /// `Group` or `User`.
        public var kind: Kind
        /// The name, namespace, description, labels and annotations.
        public var metadata: Metadata
        /// What the kind describes.
        public var spec: Spec

        /// Creates an entity.
        public init(apiVersion: String = BackstageCatalog.apiVersion, kind: Kind, metadata: Metadata, spec: Spec) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.metadata = metadata
            self.spec = spec
        }

        /// The name, namespace, description, labels and annotations of an entity.
        public struct Metadata: Sendable, Hashable, Codable {
            /// The name, unique in its kind and namespace.
            public var name: String
            /// The namespace; `nil` for Backstage's default one.
            public var namespace: String?
            /// A description: a squad's mission.
            public var description: String?
            /// Identifying key/value pairs.
            public var labels: [String: String]?
            /// Other key/value pairs.
            public var annotations: [String: String]?

            /// Creates metadata.
            public init(
                name: String, namespace: String? = nil, description: String? = nil, labels: [String: String]? = nil,
                annotations: [String: String]? = nil
            ) {
                self.name = name
                self.namespace = namespace
                self.description = description
                self.labels = labels
                self.annotations = annotations
            }
        }

        /// Display information.
        public struct Profile: Sendable, Hashable, Codable {
            /// The name to show.
            public var displayName: String?
            /// An email address.
            public var email: String?

            /// Creates a profile.
            public init(displayName: String? = nil, email: String? = nil) {
                self.displayName = displayName
                self.email = email
            }
        }

        /// The fields of a `Group` (`type`, `parent`, `children`, `members`, `leader`) and of a `User`
        /// (`memberOf`); `profile` is both's. References are entity names, qualified by the namespace if any.
        public struct Spec: Sendable, Hashable, Codable {
            /// A group's type: `department`, `squad` or as configured.
            public var type: String?
            /// Display information.
            public var profile: Profile?
            /// A group's parent group.
            public var parent: String?
            /// A group's child groups (present, perhaps empty, for every group).
            public var children: [String]?
            /// A group's members: users.
            public var members: [String]?
            /// A group's leader: a user.
            public var leader: String?
            /// A user's groups (present, perhaps empty, for every user).
            public var memberOf: [String]?

            /// Creates a spec: give `type` and `children` for a group, `memberOf` for a user.
            public init(
                type: String? = nil, profile: Profile? = nil, parent: String? = nil, children: [String]? = nil,
                members: [String]? = nil, leader: String? = nil, memberOf: [String]? = nil
            ) {
                self.type = type
                self.profile = profile
                self.parent = parent
                self.children = children
                self.members = members
                self.leader = leader
                self.memberOf = memberOf
            }
        }

        /// The entity's identifier in the organisation: the ``BackstageCatalog/identifierAnnotation``, or its
        /// name.
        public var identifier: String { metadata.annotations?[identifierAnnotation] ?? metadata.name }
    }

    /// An identifier whose Backstage name differs from it.
    public struct Renamed: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The kind of entity.
        public var kind: Kind
        /// The identifier in the organisation.
        public var identifier: String
        /// The name in the catalog.
        public var name: String

        /// `Group d:1 → d-1`.
        public var description: String { "\(kind.rawValue) \(identifier) → \(name)" }
    }

    /// What ``Organization/backstageCatalog(_:)`` writes.
    public struct Export: Sendable, Hashable {
        /// The entities: departments, squads, then specialists, each in identifier order.
        public var entities: [Entity]
        /// Every identifier whose name differs from it, in the order of the entities.
        public var renamed: [Renamed]
    }

    /// How to write the catalog.
    public struct ExportOptions: Sendable, Hashable {
        /// The `spec.type` of a department's group; `department` by default.
        public var departmentType = "department"
        /// The `spec.type` of a squad's group; `squad` by default.
        public var squadType = "squad"
        /// The namespace of every entity; `nil` (Backstage's default) by default.
        public var namespace: String?

        /// Creates options.
        public init(departmentType: String = "department", squadType: String = "squad", namespace: String? = nil) {
            self.departmentType = departmentType
            self.squadType = squadType
            self.namespace = namespace
        }
    }

    /// Whether `name` follows Backstage's rule for names: 1 to 63 characters of ASCII letters and digits,
    /// separated by single `-`, `_` or `.`.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (1...63).contains(scalars.count) else { return false }
        var previousWasSeparator = true
        for scalar in scalars {
            let alphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if alphanumeric {
                previousWasSeparator = false
            } else if "-_.".unicodeScalars.contains(scalar), !previousWasSeparator {
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return !previousWasSeparator
    }

    /// A valid name for `identifier`: itself when valid; otherwise each run of other characters a single `-`,
    /// separators at the ends removed, at most 63 characters.
    static func baseName(for identifier: String) -> String {
        if isValidName(identifier) { return identifier }
        var name = ""
        var pendingSeparator: Character?
        for character in identifier {
            let alphanumeric = character.isASCII && (character.isLetter || character.isNumber)
            if alphanumeric {
                if let separator = pendingSeparator, !name.isEmpty { name.append(separator) }
                pendingSeparator = nil
                name.append(character)
            } else if pendingSeparator == nil {
                pendingSeparator = "-_.".contains(character) ? character : "-"
            } else {
                pendingSeparator = "-"
            }
        }
        name = String(name.prefix(63))
        while let last = name.last, "-_.".contains(last) { name.removeLast() }
        return name.isEmpty ? "x" : name
    }

    /// Names for `identifiers` of one kind, in order: each its base name, or with `-2`, `-3`… when an earlier
    /// one took it — so the same identifiers always get the same names, and no two the same.
    static func names(for identifiers: [String], taken: inout Set<String>) -> [String] {
        identifiers.map { identifier in
            let base = baseName(for: identifier)
            var candidate = base
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = "-\(number)"
                var stem = String(base.prefix(63 - suffix.count))
                while let last = stem.last, "-_.".contains(last) { stem.removeLast() }
                candidate = stem + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Reads entities written as JSON: one entity, a list of them, or a YAML stream of JSON documents (as
    /// ``yaml(_:)`` writes).
    ///
    /// - Throws: `DecodingError` for a document that is not an entity, with its coding path; the position of the
    ///   document in the stream is in the path's first key.
    public static func entities(fromJSON data: Data) throws -> [Entity] {
        // The documents, split at lines that are `---` (or begin with `--- `), by byte.
        let bytes = [UInt8](data)
        var documents: [ArraySlice<UInt8>] = []
        var documentStart = 0
        var lineStart = 0
        func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
            let trimmed = line.drop { $0 == 0x20 }.reversed().drop { $0 == 0x0D || $0 == 0x20 }
            return trimmed.elementsEqual([0x2D, 0x2D, 0x2D])
                || (line.starts(with: [0x2D, 0x2D, 0x2D, 0x20]))
        }
        func close(at end: Int) {
            let document = bytes[documentStart..<end]
            if document.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) { documents.append(document) }
        }
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if isSeparator(bytes[lineStart..<lineEnd]) {
                close(at: lineStart)
                documentStart = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        close(at: bytes.count)
        let decoder = JSONDecoder()
        func isList(_ document: ArraySlice<UInt8>) -> Bool {
            document.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "[")
        }
        // Single entities, as the export writes them, are read as one list; only when that fails is each
        // document read on its own, so that the error names the document.
        if documents.count > 1, !documents.contains(where: isList) {
            var list: [UInt8] = [UInt8(ascii: "[")]
            list.reserveCapacity(bytes.count + documents.count)
            for (index, document) in documents.enumerated() {
                if index > 0 { list.append(UInt8(ascii: ",")) }
                list += document
            }
            list.append(UInt8(ascii: "]"))
            if let entities = try? decoder.decode([Entity].self, from: Data(list)) { return entities }
        }
        var entities: [Entity] = []
        for document in documents {
            if isList(document) {
                entities += try decoder.decode([Entity].self, from: Data(document))
            } else {
                entities.append(try decoder.decode(Entity.self, from: Data(document)))
            }
        }
        return entities
    }
}
