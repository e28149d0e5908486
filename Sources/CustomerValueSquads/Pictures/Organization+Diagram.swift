extension Organization {
    /// The organisation as a Graphviz DOT graph, read from left to right: departments as boxes linked by
    /// their hierarchy, and the squads that cut across them as ellipses, with a dashed edge from each
    /// department their members come from, labelled with how many, and an edge for each interaction styled by
    /// its mode (a legend explains them).
    ///
    /// Render it with `dot -Tpng`. Every node is declared before any edge names it, and every identifier and
    /// label is quoted and escaped.
    ///
    /// - Parameter includeDissolved: Whether to draw dissolved squads; `false` by default.
    /// - Returns: The DOT text.
    /// - Complexity: O(*d* log *d* + *m*), where *d* is the number of departments and *m* the total squad size.
    public func dotDiagram(includeDissolved: Bool = false) -> String {
        dotDiagram(.whole, includeDissolved: includeDissolved)
    }

    /// A DOT graph of part of the organisation — one squad with the departments its members come from, or
    /// one department with its neighbours — for organisations too large to draw whole; see
    /// ``dotDiagram(includeDissolved:)``.
    ///
    /// - Parameters:
    ///   - scope: What to draw.
    ///   - includeDissolved: Whether to draw dissolved squads; `false` by default.
    /// - Returns: The DOT text, with a legend of the stages of the squads drawn and of the edges.
    /// - Complexity: O(*d* log *d* + *m*), where *d* is the number of departments and *m* the total squad size.
    public func dotDiagram(_ scope: DiagramScope, includeDissolved: Bool = false) -> String {
        let (departments, squads) = parts(of: scope, includeDissolved: includeDissolved)
        let shownDepartments = Set(departments.map(\.id))
        var lines = [
            "digraph organization {",
            "  graph [rankdir=LR, nodesep=0.3, ranksep=1.2, fontname=\"Helvetica\", "
                + "label=\(Self.dotQuoted(name + "\n" + Self.edgeExplanation)), labelloc=t];",
            "  node [fontname=\"Helvetica\"];",
            "  edge [fontname=\"Helvetica\"];",
            "  subgraph cluster_departments {",
            "    label=\"Departments (silos)\";",
            "    style=rounded;",
            "    color=\"#7f8c9d\";",
        ]
        for department in departments {
            let staff = staffOfDepartment[department.id]?.count ?? 0
            let label =
                "\(department.name)\n\(Self.counted(staff, "specialist")), \(Self.counted(department.dataAssets.count, "data asset"))"
            lines.append(
                "    \(Self.dotQuoted("department:\(department.id)")) "
                    + "[shape=box, style=\"rounded,filled\", fillcolor=\"#dfe7f2\", label=\(Self.dotQuoted(label))];"
            )
        }
        for department in departments {
            if let parent = department.parent, shownDepartments.contains(parent) {
                lines.append(
                    "    \(Self.dotQuoted("department:\(parent)")) -> \(Self.dotQuoted("department:\(department.id)")) "
                        + "[arrowhead=none, color=\"#7f8c9d\"];"
                )
            }
        }
        lines.append("  }")
        for squad in squads {
            let label = "\(squad.name)\n\(squad.stage.rawValue), \(Self.counted(squad.size, "member"))"
            lines.append(
                "  \(Self.dotQuoted("squad:\(squad.id)")) "
                    + "[shape=ellipse, style=filled, fillcolor=\"\(Self.fill(for: squad.stage))\", "
                    + "label=\(Self.dotQuoted(label))];"
            )
            for (department, count) in memberCounts(of: squad) where shownDepartments.contains(department) {
                lines.append(
                    "  \(Self.dotQuoted("department:\(department)")) -> \(Self.dotQuoted("squad:\(squad.id)")) "
                        + "[style=dashed, color=\"#c0392b\", penwidth=\(1 + count / 2), label=\"\(count)\"];"
                )
            }
        }
        let interactions = interactionEdges(departments: shownDepartments, squads: squads)
        for (squad, interaction) in interactions {
            let target =
                switch interaction.counterpart {
                case .department(let id): "department:\(id)"
                case .squad(let id): "squad:\(id)"
                }
            let label = interaction.isBlocking ? "\(interaction.mode.rawValue), blocking" : interaction.mode.rawValue
            lines.append(
                "  \(Self.dotQuoted("squad:\(squad)")) -> \(Self.dotQuoted(target)) "
                    + "[\(Self.dotStyle(for: interaction.mode)), penwidth=\(interaction.isBlocking ? 3 : 1.5), "
                    + "label=\(Self.dotQuoted(label))];"
            )
        }
        if !interactions.isEmpty {
            lines.append("  subgraph cluster_interactions {")
            lines.append("    label=\"Interaction modes\";")
            lines.append("    style=dashed;")
            lines.append("    color=\"#bbbbbb\";")
            for mode in Interaction.Mode.allCases {
                let from = Self.dotQuoted("legend:\(mode.rawValue):from")
                let to = Self.dotQuoted("legend:\(mode.rawValue):to")
                lines.append("    \(from) [shape=point]; \(to) [shape=point];")
                lines.append(
                    "    \(from) -> \(to) [\(Self.dotStyle(for: mode)), label=\(Self.dotQuoted(mode.rawValue))];")
            }
            lines.append("  }")
        }
        lines.append("  subgraph cluster_legend {")
        lines.append("    label=\"Squad stages\";")
        lines.append("    style=dashed;")
        lines.append("    color=\"#bbbbbb\";")
        for stage in Self.stages(of: squads) {
            lines.append(
                "    \(Self.dotQuoted("legend:\(stage.rawValue)")) [shape=ellipse, style=filled, "
                    + "fillcolor=\"\(Self.fill(for: stage))\", label=\(Self.dotQuoted(stage.rawValue))];")
        }
        lines.append("  }")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The organisation as a Mermaid flowchart: the departments in a subgraph linked by their hierarchy, and
    /// the squads with a dotted edge to each department their members come from, labelled with how many.
    ///
    /// Node names are generated (`d1`, `s1`, ...) so any identifier is safe; labels are escaped.
    ///
    /// - Parameter includeDissolved: Whether to draw dissolved squads; `false` by default.
    /// - Returns: The Mermaid text.
    /// - Complexity: O(*d* log *d* + *m*), where *d* is the number of departments and *m* the total squad size.
    public func mermaidDiagram(includeDissolved: Bool = false) -> String {
        mermaidDiagram(.whole, includeDissolved: includeDissolved)
    }

    /// A Mermaid flowchart of part of the organisation; see ``dotDiagram(_:includeDissolved:)`` and
    /// ``mermaidDiagram(includeDissolved:)``.
    ///
    /// - Parameters:
    ///   - scope: What to draw.
    ///   - includeDissolved: Whether to draw dissolved squads; `false` by default.
    /// - Returns: The Mermaid text, with the squads coloured by stage and a legend of the stages drawn and of
    ///   the edges.
    /// - Complexity: O(*d* log *d* + *m*), where *d* is the number of departments and *m* the total squad size.
    public func mermaidDiagram(_ scope: DiagramScope, includeDissolved: Bool = false) -> String {
        let (departments, shown) = parts(of: scope, includeDissolved: includeDissolved)
        var lines = ["flowchart LR", "  subgraph departments[\"Departments (silos)\"]"]
        var node: [Department.ID: String] = [:]
        for (index, department) in departments.enumerated() {
            node[department.id] = "d\(index + 1)"
            let staff = staffOfDepartment[department.id]?.count ?? 0
            lines.append(
                "    d\(index + 1)[\"\(Self.mermaidEscaped(department.name))<br/>\(Self.counted(staff, "specialist"))\"]"
            )
        }
        for department in departments {
            if let parent = department.parent, let from = node[parent], let to = node[department.id] {
                lines.append("    \(from) --- \(to)")
            }
        }
        lines.append("  end")
        for (index, squad) in shown.enumerated() {
            let id = "s\(index + 1)"
            lines.append(
                "  \(id)([\"\(Self.mermaidEscaped(squad.name))<br/>\(squad.stage.rawValue), \(Self.counted(squad.size, "member"))\"]):::\(squad.stage.rawValue)"
            )
            for (department, count) in memberCounts(of: squad) {
                if let source = node[department] {
                    lines.append("  \(source) -. \"\(count)\" .-> \(id)")
                }
            }
        }
        // Links are styled by their position among all the links drawn so far.
        var links = lines.count { $0.contains(" --- ") || $0.contains(" .-> ") }
        var linkStyles: [String] = []
        let interactions = interactionEdges(
            departments: Set(departments.map(\.id)), squads: shown)
        let squadNode = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1.id, "s\($0 + 1)") })
        for (squad, interaction) in interactions {
            let target: String? =
                switch interaction.counterpart {
                case .department(let id): node[id]
                case .squad(let id): squadNode[id]
                }
            guard let source = squadNode[squad], let target else { continue }
            let label = interaction.isBlocking ? "\(interaction.mode.rawValue), blocking" : interaction.mode.rawValue
            lines.append("  \(source) \(Self.mermaidArrow(for: interaction.mode, label: label)) \(target)")
            linkStyles.append("  linkStyle \(links) \(Self.mermaidLinkStyle(for: interaction.mode))")
            links += 1
        }
        if !interactions.isEmpty {
            lines.append("  subgraph modes[\"Interaction modes\"]")
            for mode in Interaction.Mode.allCases {
                lines.append(
                    "    mode\(mode.rawValue)a(( )) \(Self.mermaidArrow(for: mode, label: mode.rawValue)) mode\(mode.rawValue)b(( ))"
                )
                linkStyles.append("  linkStyle \(links) \(Self.mermaidLinkStyle(for: mode))")
                links += 1
            }
            lines.append("  end")
        }
        lines += linkStyles
        lines.append("  subgraph legend[\"Squad stages · \(Self.edgeExplanation)\"]")
        for stage in Self.stages(of: shown) {
            lines.append("    legend\(stage.rawValue)([\"\(stage.rawValue)\"]):::\(stage.rawValue)")
        }
        lines.append("  end")
        for stage in CustomerValueSquad.Stage.allCases {
            lines.append("  classDef \(stage.rawValue) fill:\(Self.fill(for: stage))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the edges from departments to squads mean, said in each picture.
    static let edgeExplanation = "dashed red edges: members a squad draws from a department (the number: how many)"

    /// The stages the squads drawn are at, in the order of the stages: the legend lists only these.
    static func stages(of squads: [CustomerValueSquad]) -> [CustomerValueSquad.Stage] {
        let present = Set(squads.map(\.stage))
        return CustomerValueSquad.Stage.allCases.filter(present.contains)
    }

    /// The departments and squads a picture of `scope` shows, both in natural order of their identifiers
    /// (``NaturalOrder``: `team-2` before `team-10`).
    func parts(of scope: DiagramScope, includeDissolved: Bool) -> ([Department], [CustomerValueSquad]) {
        let (departments, squads) = unorderedParts(of: scope, includeDissolved: includeDissolved)
        return (
            NaturalOrder.sorted(departments) { $0.id.rawValue }, NaturalOrder.sorted(squads) { $0.id.rawValue }
        )
    }

    private func unorderedParts(of scope: DiagramScope, includeDissolved: Bool) -> ([Department], [CustomerValueSquad])
    {
        let visible = squads.filter { includeDissolved || $0.stage != .dissolved }
        switch scope {
        case .whole:
            return (departments, visible)
        case .squad(let id):
            guard let squad = squadsByID[id], includeDissolved || squad.stage != .dissolved else { return ([], []) }
            var drawn = Set(memberCounts(of: squad).map(\.0))
            var partners: [CustomerValueSquad] = []
            for interaction in squad.interactions {
                switch interaction.counterpart {
                case .department(let department): drawn.insert(department)
                case .squad(let other):
                    if let partner = squadsByID[other], !partners.contains(where: { $0.id == other }) {
                        partners.append(partner)
                    }
                }
            }
            return (departments.filter { drawn.contains($0.id) }, [squad] + partners.sorted { $0.id < $1.id })
        case .department(let id):
            guard let department = departmentsByID[id] else { return ([], []) }
            var neighbours: Set<Department.ID> = [id]
            if let parent = department.parent { neighbours.insert(parent) }
            neighbours.formUnion(childrenOfDepartment[id] ?? [])
            let drawing = visible.filter { squad in memberCounts(of: squad).contains { $0.0 == id } }
            return (departments.filter { neighbours.contains($0.id) }, drawing)
        }
    }

    /// The interactions of `squads` whose counterpart is drawn too, in squad order.
    func interactionEdges(departments: Set<Department.ID>, squads: [CustomerValueSquad])
        -> [(CustomerValueSquad.ID, Interaction)]
    {
        let drawn = Set(squads.map(\.id))
        return squads.flatMap { squad in
            squad.interactions.filter { interaction in
                switch interaction.counterpart {
                case .department(let id): departments.contains(id)
                case .squad(let id): drawn.contains(id)
                }
            }.map { (squad.id, $0) }
        }
    }

    /// How an interaction of `mode` is drawn in DOT: a collaboration bold both ways, a service solid, a
    /// facilitation dotted.
    static func dotStyle(for mode: Interaction.Mode) -> String {
        switch mode {
        case .collaboration: "style=bold, dir=both, color=\"#8e44ad\""
        case .xAsAService: "style=solid, color=\"#2471a3\""
        case .facilitating: "style=dotted, color=\"#1e8449\""
        }
    }

    /// How an interaction of `mode` is drawn in Mermaid, with its label.
    static func mermaidArrow(for mode: Interaction.Mode, label: String) -> String {
        switch mode {
        case .collaboration: "<== \"\(mermaidEscaped(label))\" ==>"
        case .xAsAService: "-- \"\(mermaidEscaped(label))\" -->"
        case .facilitating: "-- \"\(mermaidEscaped(label))\" --o"
        }
    }

    /// The colour of an interaction of `mode` in Mermaid.
    static func mermaidLinkStyle(for mode: Interaction.Mode) -> String {
        switch mode {
        case .collaboration: "stroke:#8e44ad,stroke-width:3px"
        case .xAsAService: "stroke:#2471a3"
        case .facilitating: "stroke:#1e8449,stroke-dasharray:2 4"
        }
    }

    /// How many of a squad's members come from each department, sorted by department.
    func memberCounts(of squad: CustomerValueSquad) -> [(Department.ID, Int)] {
        var counts: [Department.ID: Int] = [:]
        for member in squad.memberships.keys {
            if let department = specialistsByID[member]?.department { counts[department, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    static func fill(for stage: CustomerValueSquad.Stage) -> String {
        switch stage {
        case .forming: "#fdebd0"
        case .piloting: "#fad7a0"
        case .operating: "#abebc6"
        case .replicating: "#a9dfbf"
        case .dissolved: "#e5e7e9"
        }
    }

    /// A DOT string literal: quoted, with backslashes, quotes and line breaks escaped.
    static func dotQuoted(_ text: String) -> String {
        "\"" + replacing(text, ["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\r": ""]) + "\""
    }

    /// Mermaid label text: quotes and markup characters as entity codes.
    static func mermaidEscaped(_ text: String) -> String {
        replacing(text, ["\"": "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "\n": " ", "\r": " "])
    }

    /// `text` with each Unicode scalar found in `replacements` replaced by its replacement. By scalar, not by
    /// `Character`: a quote followed by a combining mark, or CR LF, is one character but still a quote or a
    /// line break to the reader of the picture.
    private static func replacing(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// What part of an organisation a picture shows.
public enum DiagramScope: Sendable, Hashable {
    /// Every department and squad.
    case whole
    /// One squad, the departments its members come from and the departments and squads it interacts with.
    case squad(CustomerValueSquad.ID)
    /// One department, its parent and its sub-departments, and the squads that draw members from it.
    case department(Department.ID)
}
