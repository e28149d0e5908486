/// One change to an organisation, as a value: what changed, why, and when.
///
/// Changes can be stored (they are `Codable`), applied with ``Organization/apply(_:)-(OrganizationChange)``,
/// and undone with their ``inverse``. Each change records both the state it changes *from* and the state it
/// changes *to*, so applying it to an organisation in another state is refused
/// (``OrganizationError/Code/changeConflict``) and applying a change and then its inverse gives back exactly
/// the organisation you started with.
///
/// Record the changes a transformation makes with ``Organization/record(reason:on:_:)``, or compute the
/// changes between two organisations with ``Organization/changes(from:reason:on:)``.
public struct OrganizationChange: Sendable, Hashable {
    /// What a change does.
    public enum Action: Sendable, Hashable {
        /// Renames the organisation.
        case rename(from: String, to: String)
        /// Changes the shared goal.
        case setGoal(from: String, to: String)
        /// Adds a department (without a head: a new department has no staff yet).
        case addDepartment(Department)
        /// Removes an empty department, as it was.
        case removeDepartment(Department)
        /// Replaces a department: its name, function, parent, head or data assets.
        case updateDepartment(from: Department, to: Department)
        /// Hires a specialist.
        case addSpecialist(Specialist)
        /// Removes a specialist, as they were.
        case removeSpecialist(Specialist)
        /// Replaces a specialist: a transfer, a change of skills, name or title.
        case updateSpecialist(from: Specialist, to: Specialist)
        /// Forms a squad.
        case addSquad(CustomerValueSquad)
        /// Removes a squad's record entirely, as it was.
        case removeSquad(CustomerValueSquad)
        /// Replaces a squad: members joining and leaving, rights, grants, mission, accountability, cycles,
        /// stage.
        case updateSquad(from: CustomerValueSquad, to: CustomerValueSquad)

        /// The action that undoes this one.
        public var inverse: Action {
            switch self {
            case .rename(let from, let to): .rename(from: to, to: from)
            case .setGoal(let from, let to): .setGoal(from: to, to: from)
            case .addDepartment(let department): .removeDepartment(department)
            case .removeDepartment(let department): .addDepartment(department)
            case .updateDepartment(let from, let to): .updateDepartment(from: to, to: from)
            case .addSpecialist(let specialist): .removeSpecialist(specialist)
            case .removeSpecialist(let specialist): .addSpecialist(specialist)
            case .updateSpecialist(let from, let to): .updateSpecialist(from: to, to: from)
            case .addSquad(let squad): .removeSquad(squad)
            case .removeSquad(let squad): .addSquad(squad)
            case .updateSquad(let from, let to): .updateSquad(from: to, to: from)
            }
        }

        /// The stable name of the action's kind, as written in JSON.
        public var kind: String {
            switch self {
            case .rename: "rename"
            case .setGoal: "setGoal"
            case .addDepartment: "addDepartment"
            case .removeDepartment: "removeDepartment"
            case .updateDepartment: "updateDepartment"
            case .addSpecialist: "addSpecialist"
            case .removeSpecialist: "removeSpecialist"
            case .updateSpecialist: "updateSpecialist"
            case .addSquad: "addSquad"
            case .removeSquad: "removeSquad"
            case .updateSquad: "updateSquad"
            }
        }
    }

    /// What the change does.
    public var action: Action
    /// Why it was made — organisations ask for a reason on every membership start and end.
    public var reason: String
    /// The day it took effect, if known.
    public var day: Day?

    /// Creates a change.
    ///
    /// - Parameters:
    ///   - action: What the change does.
    ///   - reason: Why it was made; empty by default.
    ///   - day: The day it took effect; `nil` by default.
    public init(_ action: Action, reason: String = "", day: Day? = nil) {
        self.action = action
        self.reason = reason
        self.day = day
    }

    /// The change that undoes this one, with the same reason and day.
    public var inverse: OrganizationChange {
        OrganizationChange(action.inverse, reason: reason, day: day)
    }
}

extension OrganizationChange: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, reason, day, from, to, department, specialist, squad
    }

    /// Decodes a change from its `kind` and the values it carries.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `kind` for an unknown kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let action: Action
        switch kind {
        case "rename":
            action = .rename(
                from: try container.decode(String.self, forKey: .from),
                to: try container.decode(String.self, forKey: .to)
            )
        case "setGoal":
            action = .setGoal(
                from: try container.decode(String.self, forKey: .from),
                to: try container.decode(String.self, forKey: .to)
            )
        case "addDepartment": action = .addDepartment(try container.decode(Department.self, forKey: .department))
        case "removeDepartment": action = .removeDepartment(try container.decode(Department.self, forKey: .department))
        case "updateDepartment":
            action = .updateDepartment(
                from: try container.decode(Department.self, forKey: .from),
                to: try container.decode(Department.self, forKey: .to)
            )
        case "addSpecialist": action = .addSpecialist(try container.decode(Specialist.self, forKey: .specialist))
        case "removeSpecialist": action = .removeSpecialist(try container.decode(Specialist.self, forKey: .specialist))
        case "updateSpecialist":
            action = .updateSpecialist(
                from: try container.decode(Specialist.self, forKey: .from),
                to: try container.decode(Specialist.self, forKey: .to)
            )
        case "addSquad": action = .addSquad(try container.decode(CustomerValueSquad.self, forKey: .squad))
        case "removeSquad": action = .removeSquad(try container.decode(CustomerValueSquad.self, forKey: .squad))
        case "updateSquad":
            action = .updateSquad(
                from: try container.decode(CustomerValueSquad.self, forKey: .from),
                to: try container.decode(CustomerValueSquad.self, forKey: .to)
            )
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: container,
                debugDescription: "unknown change kind \(String(reflecting: kind))"
            )
        }
        self.init(
            action,
            reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "",
            day: try container.decodeIfPresent(Day.self, forKey: .day)
        )
    }

    /// Encodes the change as its `kind`, the values it carries, its reason and its day.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action.kind, forKey: .kind)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(day, forKey: .day)
        switch action {
        case .rename(let from, let to), .setGoal(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .addDepartment(let department), .removeDepartment(let department):
            try container.encode(department, forKey: .department)
        case .updateDepartment(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .addSpecialist(let specialist), .removeSpecialist(let specialist):
            try container.encode(specialist, forKey: .specialist)
        case .updateSpecialist(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .addSquad(let squad), .removeSquad(let squad):
            try container.encode(squad, forKey: .squad)
        case .updateSquad(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        }
    }
}
