/// A JSON value in a SCIM message, such as the `value` of a patch operation.
public enum SCIMValue: Sendable, Hashable, Codable {
    /// A string.
    case string(String)
    /// A number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A list.
    case array([SCIMValue])
    /// An object.
    case object([String: SCIMValue])
    /// `null`.
    case null

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SCIMValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SCIMValue].self))
        }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// One operation of a SCIM `PatchOp` request (RFC 7644 §3.5.2).
public struct SCIMPatchOperation: Sendable, Hashable, Codable {
    /// What the operation does.
    public enum Op: String, Sendable, Hashable, Codable, CaseIterable {
        /// Adds values (to a list, such as `members`) or sets an attribute.
        case add
        /// Removes the values a path selects, such as `members[value eq "2819c223"]`.
        case remove
        /// Replaces an attribute's value.
        case replace

        /// Decodes an operation name, in any case, as RFC 7644 allows.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let op = Op(rawValue: text.lowercased()) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a patch operation is add, remove or replace, not \(text)")
            }
            self = op
        }
    }

    /// What the operation does.
    public var op: Op
    /// The attribute path it applies to, or `nil` for the resource itself.
    public var path: String?
    /// The value to add or replace with; `nil` for a removal.
    public var value: SCIMValue?

    /// Creates an operation.
    public init(op: Op, path: String? = nil, value: SCIMValue? = nil) {
        self.op = op
        self.path = path
        self.value = value
    }
}

/// A SCIM `PatchOp` request (RFC 7644 §3.5.2): the operations that change one resource.
public struct SCIMPatchRequest: Sendable, Hashable, Codable {
    /// The schema of a patch request.
    public static let schema = "urn:ietf:params:scim:api:messages:2.0:PatchOp"

    /// The operations, applied in order.
    public var operations: [SCIMPatchOperation]

    /// Creates a request.
    public init(operations: [SCIMPatchOperation]) {
        self.operations = operations
    }

    private enum CodingKeys: String, CodingKey {
        case schemas
        case operations = "Operations"
    }

    /// Decodes a request, which must name the `PatchOp` schema.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schemas = try container.decode([String].self, forKey: .schemas)
        guard schemas.contains(Self.schema) else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemas, in: container, debugDescription: "a patch request names the schema \(Self.schema)")
        }
        self.init(operations: try container.decode([SCIMPatchOperation].self, forKey: .operations))
    }

    /// Encodes the request with its schema.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([Self.schema], forKey: .schemas)
        try container.encode(operations, forKey: .operations)
    }

    /// The path that selects one member of a group: `members[value eq "<id>"]`, with quotes and backslashes
    /// in the id escaped.
    public static func memberPath(_ value: String) -> String {
        let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return "members[value eq \"\(escaped)\"]"
    }
}

extension SCIMGroup {
    /// How a patch names the members who leave a group.
    public enum MemberRemoval: String, Sendable, Hashable, Codable, CaseIterable {
        /// One `remove` operation with `"path": "members"` and the leaving members as its `value` list: the
        /// form most providers accept, including those that do not read filters in paths.
        case valueList
        /// One `remove` operation for each leaving member, selected by a `members[value eq "…"]` path: the
        /// form RFC 7644 §3.5.2.2 describes.
        case filterPath
    }

    /// The patch that turns this group into `target`: its name replaced if it differs, members who join added
    /// in one `add` operation and each member who leaves removed by a `members[value eq "…"]` path; `nil` when
    /// nothing differs.
    ///
    /// - Complexity: O(*m*) in the members of both groups.
    public func patch(toward target: SCIMGroup) -> SCIMPatchRequest? {
        patch(toward: target, removingMembersBy: .filterPath)
    }

    /// The patch that turns this group into `target`, with the members who leave named as `removal` says;
    /// `nil` when nothing differs.
    ///
    /// - Complexity: O(*m*) in the members of both groups.
    public func patch(toward target: SCIMGroup, removingMembersBy removal: MemberRemoval) -> SCIMPatchRequest? {
        var operations: [SCIMPatchOperation] = []
        if displayName != target.displayName {
            operations.append(.init(op: .replace, path: "displayName", value: .string(target.displayName)))
        }
        if externalId != target.externalId {
            operations.append(
                target.externalId.map { .init(op: .replace, path: "externalId", value: .string($0)) }
                    ?? .init(op: .remove, path: "externalId"))
        }
        let current = Set(members.map(\.value))
        let wanted = Set(target.members.map(\.value))
        let joining = target.members.filter { !current.contains($0.value) }
        if !joining.isEmpty {
            operations.append(
                .init(
                    op: .add, path: "members",
                    value: .array(
                        joining.map { member in
                            var object: [String: SCIMValue] = ["value": .string(member.value)]
                            if let display = member.display { object["display"] = .string(display) }
                            return .object(object)
                        })))
        }
        let leaving = members.filter { !wanted.contains($0.value) }
        switch removal {
        case .filterPath:
            for member in leaving {
                operations.append(.init(op: .remove, path: SCIMPatchRequest.memberPath(member.value)))
            }
        case .valueList where !leaving.isEmpty:
            operations.append(
                .init(
                    op: .remove, path: "members",
                    value: .array(leaving.map { .object(["value": .string($0.value)]) })))
        case .valueList:
            break
        }
        return operations.isEmpty ? nil : SCIMPatchRequest(operations: operations)
    }
}

extension SCIMUser {
    /// The patch that turns this user into `target` in the attributes the model fills — display name, the
    /// name's parts (`name.formatted`, `name.givenName`, `name.familyName`; an empty part counts as none),
    /// title, whether active, external id, and the extension's department, division and manager — or `nil`
    /// when they agree. An attribute `target` leaves out is removed.
    public func patch(toward target: SCIMUser) -> SCIMPatchRequest? {
        var operations: [SCIMPatchOperation] = []
        func compare(_ path: String, _ current: SCIMValue?, _ wanted: SCIMValue?) {
            guard current != wanted else { return }
            operations.append(
                wanted.map { .init(op: .replace, path: path, value: $0) } ?? .init(op: .remove, path: path))
        }
        compare("externalId", externalId.map(SCIMValue.string), target.externalId.map(SCIMValue.string))
        compare("displayName", displayName.map(SCIMValue.string), target.displayName.map(SCIMValue.string))
        // Providers answer an unset name part as an empty string: the same as leaving it out.
        func part(_ text: String?) -> SCIMValue? { text.flatMap { $0.isEmpty ? nil : .string($0) } }
        compare("name.formatted", part(name?.formatted), part(target.name?.formatted))
        compare("name.givenName", part(name?.givenName), part(target.name?.givenName))
        compare("name.familyName", part(name?.familyName), part(target.name?.familyName))
        compare("title", title.map(SCIMValue.string), target.title.map(SCIMValue.string))
        compare("active", active.map(SCIMValue.bool), target.active.map(SCIMValue.bool))
        let prefix = SCIMImport.enterpriseUserSchema + ":"
        compare(
            prefix + "department", enterprise?.department.map(SCIMValue.string),
            target.enterprise?.department.map(SCIMValue.string))
        compare(
            prefix + "division", enterprise?.division.map(SCIMValue.string),
            target.enterprise?.division.map(SCIMValue.string))
        compare(
            prefix + "manager", enterprise?.manager?.value.map { .object(["value": .string($0)]) },
            target.enterprise?.manager?.value.map { .object(["value": .string($0)]) })
        return operations.isEmpty ? nil : SCIMPatchRequest(operations: operations)
    }
}
