import CustomerValueSquads
import Foundation

/// What `squads network --format json` prints: the network, and the chain asked for.
struct NetworkDocument: Encodable {
    var network: SiloNetwork
    var chain: SiloNetwork.Chain?
}

/// The formats `squads network` writes.
public enum NetworkFormat: String, CaseIterable, Sendable {
    /// Sections for people.
    case text
    /// The network as Graphviz DOT.
    case dot
    /// The network as a Mermaid flowchart.
    case mermaid
    /// The network as JSON, for scripts.
    case json
}

extension Commands {
    /// The most links the text lists one by one; JSON lists them all.
    static let shownLinks = 40

    /// `squads network`: which silos squads connect, the islands, the squads that bridge, the specialists
    /// whose squads span most silos, and with `from` and `to` the shortest chain of squads between two
    /// departments.
    ///
    /// - Throws: ``InputError`` for a department the organisation does not have (with a suggestion), or when
    ///   only one of `from` and `to` is given.
    public static func network(
        _ organization: Organization, format: NetworkFormat = .text, from: Department.ID? = nil,
        to: Department.ID? = nil
    ) throws(InputError) -> String {
        for department in [from, to].compactMap({ $0 }) where organization.department(department) == nil {
            throw InputError(
                "there is no department \(department)"
                    + Input.suggestion(for: department.rawValue, among: organization.departments.map(\.id.rawValue)))
        }
        guard (from == nil) == (to == nil) else { throw InputError("give --from and --to together") }
        switch format {
        case .dot: return organization.siloNetworkDOT()
        case .mermaid: return organization.siloNetworkMermaid()
        case .json, .text: break
        }
        let network = organization.siloNetwork()
        let chain = from.flatMap { start in to.flatMap { network.chain(from: start, to: $0) } }
        if format == .json { return try json(NetworkDocument(network: network, chain: chain)) }
        func name(_ id: Department.ID) -> String { organization.department(id)?.name ?? id.rawValue }
        var lines = [
            "## Silo network: \(counted(network.departments.count, "department")), "
                + "\(counted(network.links.count, "link")), \(counted(network.islands.count, "island"))", "",
            "### Links, most people first", "",
        ]
        let links = network.links.sorted {
            ($1.people, $0.departments[0].rawValue) < ($0.people, $1.departments[0].rawValue)
        }
        for link in links.prefix(shownLinks) {
            let squads = link.squads.map(\.rawValue).joined(separator: ", ")
            lines.append(
                "- \(name(link.departments[0])) — \(name(link.departments[1])): \(link.people) people, "
                    + "\(String(format: "%.2f", link.fte)) FTE, through \(squads)")
        }
        if links.count > shownLinks { lines.append("- and \(links.count - shownLinks) more (--format json lists all)") }
        if links.isEmpty { lines.append("none: no squad draws from two departments yet") }
        lines += ["", "### Islands: silos no squad connects to another", ""]
        lines += network.islands.map { "- \(name($0)) (\($0))" }
        if network.islands.isEmpty { lines.append("none: every silo is connected") }
        lines += ["", "### Specialists whose squads span the most silos", ""]
        lines += network.spanners.map { "- \($0.specialist): \($0.departments.count) silos" }
        if let from, let to {
            lines += ["", "### Chain from \(name(from)) to \(name(to))", ""]
            if let chain {
                var steps = [name(chain.departments[0])]
                for (squad, department) in zip(chain.squads, chain.departments.dropFirst()) {
                    steps.append("[\(squad)] → \(name(department))")
                }
                lines.append(steps.joined(separator: " → "))
            } else {
                lines.append("none: no chain of squads connects them")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `count` and the noun, plural unless the count is one.
private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
