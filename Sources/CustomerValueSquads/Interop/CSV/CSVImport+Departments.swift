extension CSVImport {
    /// The entries of a skills cell, split at each `separator` that no `\` escapes, with the escapes taken off.
    static func skillEntries(_ cell: String, separator: Character) -> [String] {
        var entries: [String] = []
        var current = ""
        var escaped = false
        for character in cell {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == separator {
                entries.append(trimmed(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        entries.append(trimmed(current))
        return entries.filter { !$0.isEmpty }
    }

    /// A skill's name as the people table writes it: the skills separator and `\` escaped with a `\`.
    static func escapedSkill(_ name: String, separator: Character) -> String {
        var text = ""
        for character in name {
            if character == "\\" || character == separator { text.append("\\") }
            text.append(character)
        }
        return text
    }

    /// Places each department without a parent under the department of its head's manager, when that is another
    /// department and no cycle follows; each placement is reported as a note.
    static func placeUnderHeadsManagers(
        _ departments: inout [Department], organization: Organization, managers: [String: String],
        specialists: [String: Specialist.ID], report: inout [Issue]
    ) {
        var rowOfSpecialist: [Specialist.ID: String] = [:]
        for (row, specialist) in specialists { rowOfSpecialist[specialist] = row }
        var parentOf: [Department.ID: Department.ID] = [:]
        for department in departments { if let parent = department.parent { parentOf[department.id] = parent } }
        for index in departments.indices where departments[index].parent == nil {
            guard let head = departments[index].head, let row = rowOfSpecialist[head],
                let managerRow = managers[row], let manager = specialists[managerRow],
                let above = organization.specialist(manager)?.department, above != departments[index].id
            else { continue }
            // No cycle: walk up from the department above.
            var ancestor: Department.ID? = above
            var steps = 0
            while let current = ancestor, current != departments[index].id, steps <= departments.count {
                ancestor = parentOf[current]
                steps += 1
            }
            guard ancestor == nil else { continue }
            departments[index].parent = above
            parentOf[departments[index].id] = above
            let aboveName = organization.department(above)?.name ?? above.rawValue
            report.append(
                Issue(
                    severity: .note, line: nil,
                    message: "department \(departments[index].name) is placed under \(aboveName): its head "
                        + "\(head)'s manager \(manager) is there"))
        }
    }

    /// Pairs of department names one edit apart (a letter added, dropped or changed, in any case), each reported
    /// once as a warning that names the smaller and suggests the alias that would merge it.
    ///
    /// - Complexity: O(*d* · *k*) for *d* departments with names of *k* characters: each name is compared through
    ///   its variants with one character deleted, never with every other name.
    static func nearDuplicateNames(in departments: [Department], organization: Organization) -> [Issue] {
        func key(_ name: String) -> [Character] { Array(name.lowercased()) }
        var byVariant: [String: [Int]] = [:]
        let keys = departments.map { key($0.name) }
        for (index, characters) in keys.enumerated() where characters.count >= 4 && characters.count <= 64 {
            byVariant[String(characters), default: []].append(index)
            for position in characters.indices {
                var variant = characters
                variant.remove(at: position)
                byVariant[String(variant), default: []].append(index)
            }
        }
        var reported: Set<[Int]> = []
        var issues: [Issue] = []
        for indices in byVariant.values where indices.count > 1 {
            for first in indices {
                for second in indices where first < second && keys[first] != keys[second] {
                    guard reported.insert([first, second]).inserted else { continue }
                    let sizes = [first, second].map { organization.staff(of: departments[$0].id).count }
                    let (small, large) = sizes[0] <= sizes[1] ? (first, second) : (second, first)
                    let smallName = departments[small].name
                    let largeName = departments[large].name
                    func people(_ index: Int) -> String {
                        let count = organization.staff(of: departments[index].id).count
                        return count == 1 ? "1 person" : "\(count) people"
                    }
                    issues.append(
                        Issue(
                            severity: .warning, line: nil,
                            message: "department \(smallName) (\(people(small))) looks like \(largeName) "
                                + "(\(people(large))); if they are one, import again with --department-alias "
                                + "\"\(smallName)=\(largeName)\""))
                }
            }
        }
        return issues.sorted { $0.message < $1.message }
    }

    /// Makes the people the head-of column names the heads of their departments: the first row for a
    /// department wins, and a person whose home is another department does not head it (both reported).
    static func appointHeads(
        _ headedBy: [(row: String, department: String, line: Int)], in departments: inout [Department],
        organization: Organization, specialists: [String: Specialist.ID], byIdentifier: Bool, report: inout [Issue]
    ) {
        var indexOf: [String: Int] = [:]
        for (index, department) in departments.enumerated() {
            let key = byIdentifier ? department.id.rawValue : department.name
            if indexOf[key] == nil { indexOf[key] = index }
        }
        var appointed: Set<Int> = []
        for (row, named, line) in headedBy {
            guard let specialist = specialists[row] else { continue }  // a row not imported is reported already
            guard let index = indexOf[named] else {
                report.append(
                    Issue(
                        severity: .warning, line: line,
                        message: "\(row) heads \(named), which is no department of the file; not kept"))
                continue
            }
            let home = organization.specialist(specialist)?.department
            guard home == departments[index].id else {
                report.append(
                    Issue(
                        severity: .warning, line: line,
                        message:
                            "\(row) cannot head \(named): their department is \(home?.rawValue ?? "none"); not kept"))
                continue
            }
            guard appointed.insert(index).inserted else {
                report.append(
                    Issue(
                        severity: .warning, line: line,
                        message:
                            "\(named) is headed by \(departments[index].head?.rawValue ?? "") on an earlier row; \(row) is not its head"
                    ))
                continue
            }
            departments[index].head = specialist
        }
    }
}
