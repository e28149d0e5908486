extension Organization {
    /// The organisation as Backstage catalog entities: a `Group` per department and per squad that is not
    /// dissolved, a `User` per specialist; see ``BackstageCatalog``.
    ///
    /// - Parameter options: The groups' types and the namespace; the defaults by default.
    /// - Returns: The entities and the identifiers whose names had to change.
    /// - Complexity: O(*n* log *n*) in the size of the organisation.
    public func backstageCatalog(_ options: BackstageCatalog.ExportOptions = .init()) -> BackstageCatalog.Export {
        typealias Entity = BackstageCatalog.Entity
        let departments = self.departments
        let squads = self.squads.filter { $0.stage != .dissolved }
        let specialists = self.specialists
        var takenGroups: Set<String> = []
        var takenUsers: Set<String> = []
        let departmentNames = BackstageCatalog.names(
            for: departments.map(\.id.rawValue), taken: &takenGroups)
        let squadNames = BackstageCatalog.names(for: squads.map(\.id.rawValue), taken: &takenGroups)
        let userNames = BackstageCatalog.names(for: specialists.map(\.id.rawValue), taken: &takenUsers)
        let departmentName = Dictionary(uniqueKeysWithValues: zip(departments.map(\.id), departmentNames))
        let squadName = Dictionary(uniqueKeysWithValues: zip(squads.map(\.id), squadNames))
        let userName = Dictionary(uniqueKeysWithValues: zip(specialists.map(\.id), userNames))
        func reference(_ name: String) -> String { options.namespace.map { "\($0)/\(name)" } ?? name }
        func metadata(
            _ name: String, _ identifier: String, description: String? = nil, labels: [String: String] = [:],
            annotations: [String: String] = [:]
        ) -> Entity.Metadata {
            var annotations = annotations
            annotations[BackstageCatalog.identifierAnnotation] = identifier
            return Entity.Metadata(
                name: name, namespace: options.namespace, description: description,
                labels: labels.isEmpty ? nil : labels, annotations: annotations)
        }
        var children: [Department.ID: [Department.ID]] = [:]
        for department in departments {
            if let parent = department.parent { children[parent, default: []].append(department.id) }
        }
        var entities: [Entity] = []
        var renamed: [BackstageCatalog.Renamed] = []
        for department in departments {
            let name = departmentName[department.id] ?? department.id.rawValue
            if name != department.id.rawValue {
                renamed.append(.init(kind: .group, identifier: department.id.rawValue, name: name))
            }
            entities.append(
                Entity(
                    apiVersion: BackstageCatalog.apiVersion, kind: .group,
                    metadata: metadata(name, department.id.rawValue),
                    spec: Entity.Spec(
                        type: options.departmentType, profile: .init(displayName: department.name),
                        parent: department.parent.flatMap { departmentName[$0] }.map(reference),
                        children: (children[department.id] ?? []).compactMap { departmentName[$0] }.map(reference),
                        members: staff(of: department.id).compactMap { userName[$0] }.map(reference),
                        leader: department.head.flatMap { userName[$0] }.map(reference))))
        }
        for squad in squads {
            let name = squadName[squad.id] ?? squad.id.rawValue
            if name != squad.id.rawValue {
                renamed.append(.init(kind: .group, identifier: squad.id.rawValue, name: name))
            }
            var labels = [BackstageCatalog.stageLabel: squad.stage.rawValue]
            var annotations: [String: String] = [:]
            if let area = squad.mission.valueArea {
                labels[BackstageCatalog.valueAreaLabel] = area.kind
                annotations[BackstageCatalog.valueAreaAnnotation] =
                    area.detail.map { "\(area.kind): \($0)" } ?? area.kind
            }
            if !squad.mission.customer.isEmpty {
                annotations[BackstageCatalog.customerAnnotation] = squad.mission.customer
            }
            entities.append(
                Entity(
                    apiVersion: BackstageCatalog.apiVersion, kind: .group,
                    metadata: metadata(
                        name, squad.id.rawValue, description: squad.mission.statement, labels: labels,
                        annotations: annotations),
                    spec: Entity.Spec(
                        type: options.squadType, profile: .init(displayName: squad.name), children: [],
                        members: squad.memberships.keys.sorted().compactMap { userName[$0] }.map(reference))))
        }
        for specialist in specialists {
            let name = userName[specialist.id] ?? specialist.id.rawValue
            if name != specialist.id.rawValue {
                renamed.append(.init(kind: .user, identifier: specialist.id.rawValue, name: name))
            }
            var annotations: [String: String] = [:]
            if !specialist.title.isEmpty { annotations[BackstageCatalog.titleAnnotation] = specialist.title }
            if !specialist.skills.isEmpty {
                annotations[BackstageCatalog.skillsAnnotation] = specialist.skills.sorted { $0.key < $1.key }
                    .map { "\($0.key.rawValue):\($0.value.rawValue)" }.joined(separator: ";")
            }
            let home = departmentName[specialist.department].map { [reference($0)] } ?? []
            let served = self.squads(of: specialist.id).compactMap { squadName[$0] }.map(reference)
            entities.append(
                Entity(
                    apiVersion: BackstageCatalog.apiVersion, kind: .user,
                    metadata: metadata(name, specialist.id.rawValue, annotations: annotations),
                    spec: Entity.Spec(profile: .init(displayName: specialist.name), memberOf: home + served)))
        }
        return BackstageCatalog.Export(entities: entities, renamed: renamed)
    }
}
