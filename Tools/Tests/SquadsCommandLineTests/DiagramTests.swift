import CustomerValueSquads
import SquadsCommandLine
import Testing

/// Splits DOT text into quoted strings and the rest, failing on an unterminated string.
private func dotStructure(_ text: String) throws -> (outside: String, strings: [String]) {
    var outside = ""
    var strings: [String] = []
    var current: String?
    var escaped = false
    for character in text {
        if var string = current {
            if escaped {
                string.append(character)
                escaped = false
            } else if character == "\\" {
                string.append(character)
                escaped = true
            } else if character == "\"" {
                strings.append(string)
                current = nil
                outside.append("\u{0}")
                continue
            } else {
                #expect(character != "\n", "a raw line break inside a DOT string")
                string.append(character)
            }
            current = string
        } else if character == "\"" {
            current = ""
        } else {
            outside.append(character)
        }
    }
    #expect(current == nil, "unterminated DOT string")
    return (outside, strings)
}

/// An organisation whose names and identifiers try to break the diagram syntax.
private func awkwardOrganization() throws -> Organization {
    var organization = try Organization(name: #"Quote "and" \ backslash"#, goal: "g")
    try organization.addDepartment(Department(id: "sales:east", name: #"Sales "East" <b>#1</b>"#))
    try organization.addDepartment(Department(id: "ops.2", name: "Ops\nline two", parent: "sales:east"))
    try organization.hire(Specialist(id: "a", name: "A", department: "sales:east"))
    try organization.hire(Specialist(id: "b", name: "B", department: "ops.2"))
    try organization.formSquad(
        CustomerValueSquad(
            id: "squad_1",
            name: #"The "best" squad {1}"#,
            mission: Mission(statement: "m"),
            memberships: ["a": .init(role: "r", share: 10), "b": .init(role: "r", share: 10)]
        )
    )
    try organization.formSquad(CustomerValueSquad(id: "gone", name: "Gone", mission: Mission(statement: "m")))
    try organization.dissolve("gone")
    return organization
}

@Suite("squads diagram")
struct DiagramTests {
    @Test("DOT is well formed: balanced, quoted, every node declared before use", arguments: ["sample", "awkward"])
    func dot(_ which: String) throws {
        let organization = which == "sample" ? Commands.sampleOrganization : try awkwardOrganization()
        let text = try Commands.diagram(organization, format: .dot)
        let (outside, _) = try dotStructure(text)
        #expect(outside.filter { $0 == "{" }.count == outside.filter { $0 == "}" }.count)
        #expect(outside.filter { $0 == "[" }.count == outside.filter { $0 == "]" }.count)
        #expect(text.hasPrefix("digraph organization {"))
        var declared: Set<String> = []
        var edges = 0
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let (_, strings) = try dotStructure(String(line))
            let lineOutside = try dotStructure(String(line)).outside
            if lineOutside.contains("->") {
                edges += 1
                #expect(strings.count >= 2)
                #expect(declared.contains(strings[0]), "\(strings[0]) used before it is declared")
                #expect(declared.contains(strings[1]), "\(strings[1]) used before it is declared")
            } else if lineOutside.hasPrefix("\u{0} [") {
                declared.insert(strings[0])
            }
        }
        let squads = organization.squads.filter { $0.stage != .dissolved }
        let legend = Set(squads.map(\.stage)).count  // the legend lists the stages of the squads drawn
        #expect(declared.count == organization.departmentCount + squads.count + legend)
        let hierarchy = organization.departments.filter { $0.parent != nil }.count
        let crossings = squads.map { organization.departments(of: $0.id).count }.reduce(0, +)
        #expect(edges == hierarchy + crossings)
        #expect(!text.contains("Gone"), "dissolved squads are left out")
    }

    @Test(
        "Mermaid is well formed: subgraph closed, every node declared before use, labels escaped",
        arguments: ["sample", "awkward"])
    func mermaid(_ which: String) throws {
        let organization = which == "sample" ? Commands.sampleOrganization : try awkwardOrganization()
        let text = try Commands.diagram(organization, format: .mermaid)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "flowchart LR", "the same direction as DOT: left to right")
        #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == lines.filter { $0 == "end" }.count)
        var declared: Set<String> = []
        for line in lines.dropFirst()
        where line != "end" && !line.hasPrefix("subgraph ") && !line.hasPrefix("classDef ") {
            if line.contains("---") || line.contains(".->") {
                let words = line.split(separator: " ")
                let from = String(words[0])
                let to = String(words[words.count - 1])
                #expect(declared.contains(from) && declared.contains(to), "edge before its nodes: \(line)")
            } else {
                let id = String(line.prefix { $0.isLetter || $0.isNumber })
                #expect(!id.isEmpty)
                declared.insert(id)
                // A label is one quoted string: no raw quote, angle bracket or line break inside it.
                let label = line.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" }
                #expect(!label.contains("<b>") && !label.contains("\n"))
                #expect(line.filter { $0 == "\"" }.count == 2, "\(line)")
            }
        }
        let legend = Set(organization.squads.filter { $0.stage != .dissolved }.map(\.stage)).count
        #expect(
            declared.count == organization.departmentCount + organization.squads.filter { $0.stage != .dissolved }.count
                + legend
        )
    }

    @Test("edges run from departments to squads in both languages")
    func direction() throws {
        let sample = Commands.sampleOrganization
        let mermaid = try Commands.diagram(sample, format: .mermaid)
        let edges = mermaid.split(separator: "\n").filter { $0.contains(".->") }
        #expect(!edges.isEmpty)
        #expect(
            edges.allSatisfy {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("d") && $0.hasSuffix(where: \.isNumber)
            })
        #expect(edges.allSatisfy { $0.split(separator: " ").last?.hasPrefix("s") == true })
        let dot = try Commands.diagram(sample, format: .dot)
        #expect(dot.contains(#""department:sales" -> "squad:east-java""#))
        #expect(dot.contains("Squad stages") && mermaid.contains("Squad stages"))
    }

    @Test("a squad or a department draws only its neighbourhood; an unknown one gets a suggestion")
    func focus() throws {
        let sample = Commands.sampleOrganization
        let squad = try Commands.diagram(sample, format: .dot, squad: "bali")
        #expect(squad.contains(#""squad:bali""#) && !squad.contains(#""squad:east-java""#))
        let drawn = sample.departments(of: "bali")
        for department in sample.departments {
            #expect(squad.contains(#""department:\#(department.id)" ["#) == drawn.contains(department.id))
        }
        let department = try Commands.diagram(sample, format: .mermaid, department: "sales")
        #expect(department.contains("Sales"))
        let drawingFromSales = sample.squads.filter { sample.departments(of: $0.id).contains("sales") }
        for squad in sample.squads where squad.stage != .dissolved {
            #expect(department.contains(squad.name) == drawingFromSales.contains(squad))
        }
        #expect(throws: InputError(#"there is no squad baly; did you mean "bali"?"#)) {
            try Commands.diagram(sample, format: .dot, squad: "baly")
        }
        #expect(throws: InputError(#"there is no department sale; did you mean "sales"?"#)) {
            try Commands.diagram(sample, format: .dot, department: "sale")
        }
    }
}

extension Substring {
    fileprivate func hasSuffix(where predicate: (Character) -> Bool) -> Bool { last.map(predicate) ?? false }
}
