extension Organization {
    /// The silo network (``siloNetwork()``) as a Graphviz DOT graph: departments as boxes, a line between two
    /// that squads link, labelled with the people who carry the link and thicker for more; islands drawn grey
    /// and dashed. A caption says what lines and numbers mean.
    ///
    /// - Returns: The DOT text; departments in the natural order of their identifiers.
    /// - Complexity: O(*m* + *q* · *k*² + *d* log *d*), as ``siloNetwork()``.
    public func siloNetworkDOT() -> String {
        let network = siloNetwork()
        let islands = Set(network.islands)
        var lines = [
            "graph silos {",
            "  graph [layout=neato, overlap=false, splines=true, fontname=\"Helvetica\", labelloc=t, label="
                + Self.dotQuoted(
                    "\(name): the silo network\nlines: squads that draw from both departments "
                        + "(the number: people who carry the link); grey dashed boxes: islands") + "];",
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];",
            "  edge [fontname=\"Helvetica\", color=\"#2f6db5\"];",
        ]
        for department in NaturalOrder.sorted(departments, by: { $0.id.rawValue }) {
            let style =
                islands.contains(department.id)
                ? "fillcolor=\"#eeeeee\", style=\"rounded,filled,dashed\", color=\"#999999\""
                : "fillcolor=\"#dfe7f2\""
            lines.append(
                "  \(Self.dotQuoted("department:\(department.id)")) [\(style), label=\(Self.dotQuoted(department.name))];"
            )
        }
        for link in network.links {
            let squads = Self.counted(link.squads.count, "squad")
            lines.append(
                "  \(Self.dotQuoted("department:\(link.departments[0])")) -- "
                    + "\(Self.dotQuoted("department:\(link.departments[1])")) [penwidth=\(1 + min(link.people, 12) / 2), "
                    + "label=\"\(link.people)\", tooltip=\(Self.dotQuoted(squads))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The silo network as a Mermaid flowchart: departments as boxes, a line between two that squads link,
    /// labelled with the people who carry it; islands in grey.
    ///
    /// - Returns: The Mermaid text.
    /// - Complexity: As ``siloNetworkDOT()``.
    public func siloNetworkMermaid() -> String {
        let network = siloNetwork()
        var lines = ["flowchart LR"]
        var node: [Department.ID: String] = [:]
        for (index, department) in NaturalOrder.sorted(departments, by: { $0.id.rawValue }).enumerated() {
            node[department.id] = "d\(index + 1)"
            lines.append("  d\(index + 1)[\"\(Self.mermaidEscaped(department.name))\"]")
        }
        for link in network.links {
            if let from = node[link.departments[0]], let to = node[link.departments[1]] {
                lines.append("  \(from) ---|\"\(link.people) people\"| \(to)")
            }
        }
        let islands = network.islands.compactMap { node[$0] }
        if !islands.isEmpty {
            lines.append("  classDef island fill:#eeeeee,stroke:#999999,stroke-dasharray:4 2")
            lines.append("  class \(islands.joined(separator: ",")) island")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
