/// Finds where a problem lies in a JSON document, once reading has failed: the line and column of a byte,
/// the coding path of the value that holds it, and the byte a model path (such as
/// `squads.1.memberships.sales-2.share`) points at.
///
/// It walks the document again from the start, so it costs nothing while a document reads well. The bytes
/// before the problem were accepted by the reader, so the walk only meets valid JSON on its way.
struct JSONLocator {
    /// One step of a coding path: a field name or a position in a list.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// The document, every read of it checked against its bounds.
    let bytes: CheckedBytes

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = CheckedBytes(bytes) }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        // Count characters, not bytes: continuation bytes of UTF-8 do not start one.
        let column = bytes[lineStart..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    /// The 1-based line and column of each byte in `offsets`, which must be in increasing order: one pass over
    /// the bytes up to the last of them.
    func linesAndColumns(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        result.reserveCapacity(offsets.count)
        // The column is counted as the pass goes, so a document on one line is not counted again per offset.
        var (line, column, position) = (1, 1, 0)
        for offset in offsets {
            let end = min(offset, bytes.count)
            while position < end {
                let byte = bytes[position]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    // Characters, not bytes: continuation bytes of UTF-8 do not start one.
                    column += 1
                }
                position += 1
            }
            result.append((line, column))
        }
        return result
    }

    /// The coding path of each field name that starts at one of `offsets`, which must be in increasing order; a
    /// name not met has an empty path.
    ///
    /// One pass over the bytes up to the last of them, which looks only at the structure — quotes, brackets,
    /// commas and colons — since the reader has already accepted the document: the names on the way are read
    /// only for the paths it returns.
    func pathsOfNames(at offsets: [Int]) -> [[Step]] {
        var result: [[Step]] = []
        result.reserveCapacity(offsets.count)
        guard let last = offsets.last else { return result }
        // One entry per open container: for a list, the position of the element being read; for an object, the
        // offset of the name being read (-1 before its first).
        var isList: [Bool] = []
        var slot: [Int] = []
        var expectingName = false
        var position = 0
        let count = bytes.count
        while position < count, position <= last, result.count < offsets.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                if expectingName, let top = slot.indices.last {
                    slot[top] = position
                    while result.count < offsets.count, offsets[result.count] < position { result.append([]) }
                    if result.count < offsets.count, offsets[result.count] == position {
                        result.append(path(isList: isList, slot: slot))
                    }
                }
                // The string's end: the next quote that no backslash escapes.
                position += 1
                while position < count, bytes[position] != UInt8(ascii: "\"") {
                    position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "{"):
                isList.append(false)
                slot.append(-1)
                expectingName = true
            case UInt8(ascii: "["):
                isList.append(true)
                slot.append(0)
                expectingName = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !isList.isEmpty {
                    isList.removeLast()
                    slot.removeLast()
                }
                expectingName = false
            case UInt8(ascii: ","):
                if let list = isList.last {
                    if list { slot[slot.count - 1] += 1 } else { expectingName = true }
                }
            case UInt8(ascii: ":"):
                expectingName = false
            default:
                break
            }
            position += 1
        }
        while result.count < offsets.count { result.append([]) }
        return result
    }

    /// The coding path the open containers spell: positions in lists, and in objects the names at the offsets
    /// in `slot`, read with their escapes resolved.
    private func path(isList: [Bool], slot: [Int]) -> [Step] {
        var steps: [Step] = []
        steps.reserveCapacity(slot.count)
        for (list, value) in zip(isList, slot) {
            if list {
                steps.append(.index(value))
            } else {
                var scanner = JSONScanner(bytes.buffer)
                scanner.offset = value
                steps.append(.key((try? scanner.readString()) ?? ""))
            }
        }
        return steps
    }

    /// The coding path of the innermost value that holds the byte at `offset`.
    func path(at offset: Int) -> [Step] {
        var scanner = JSONScanner(bytes.buffer)
        var path: [Step] = []
        _ = descend(&scanner, toward: offset, path: &path)
        return path
    }

    /// Walks into the value at the cursor while it holds `target`; `true` when the target lies inside it.
    ///
    /// A value the end of the document cuts off holds every target from where it starts, so a document that ends
    /// where a value should begin (after a key) is located at that value.
    private func descend(_ scanner: inout JSONScanner, toward target: Int, path: inout [Step]) -> Bool {
        guard let byte = scanner.peek() else { return true }
        let start = scanner.offset
        // The target lies before this value, or deeper than any document may nest: it is found.
        if start > target || path.count > JSONScanner.maximumDepth { return true }
        switch byte {
        case UInt8(ascii: "{"):
            scanner.offset += 1
            var first = true
            while let key = try? scanner.nextKey(first: first) {
                first = false
                if key.offset > target { return true }
                path.append(.key(key.text))
                if key.offset == target { return true }
                if descend(&scanner, toward: target, path: &path) { return true }
                path.removeLast()
            }
        case UInt8(ascii: "["):
            scanner.offset += 1
            var index = 0
            while (try? scanner.nextElement(first: index == 0)) == true {
                scanner.skipWhitespace()
                if scanner.offset > target { return true }
                path.append(.index(index))
                if descend(&scanner, toward: target, path: &path) { return true }
                path.removeLast()
                index += 1
            }
        default:
            guard (try? scanner.skipValue()) != nil else { return start <= target }
        }
        return scanner.offset > target || scanner.offset >= scanner.bytes.count
    }

    /// The byte offset and the coding path of the value a model path names, as far as the document has it.
    ///
    /// A model path names entries of keyed lists (memberships, decision rights, grants, skills) by their key —
    /// even a key that looks like a number, such as specialist `1001` — and entries of other lists by position;
    /// the coding path names them all by position, as the document holds them.
    func find(_ modelPath: [String]) -> (offset: Int, path: [Step]) {
        var scanner = JSONScanner(bytes.buffer)
        scanner.skipWhitespace()
        var path: [Step] = []
        var found = scanner.offset
        var listName: String?
        for component in modelPath {
            guard let byte = scanner.peek() else { break }
            found = scanner.offset
            defer { listName = component }
            if byte == UInt8(ascii: "{") {
                guard let valueStart = seekField(component, in: &scanner) else { break }
                path.append(.key(component))
                found = valueStart
            } else if byte == UInt8(ascii: "["),
                let (index, valueStart) = seekElement(
                    component, byKey: listName.map(Self.keyedLists.contains) ?? false, in: &scanner)
            {
                path.append(.index(index))
                found = valueStart
            } else {
                break
            }
        }
        return (found, path)
    }

    /// Moves into the value of `name` in the object at the cursor; its offset, or `nil` when absent.
    private func seekField(_ name: String, in scanner: inout JSONScanner) -> Int? {
        let saved = scanner.offset
        scanner.offset += 1
        var first = true
        while let key = try? scanner.nextKey(first: first) {
            first = false
            if key.text == name {
                scanner.skipWhitespace()
                return scanner.offset
            }
            guard (try? scanner.skipValue()) != nil else { break }
        }
        scanner.offset = saved
        return nil
    }

    /// The lists whose entries a model path names by their key.
    private static let keyedLists: Set<String> = ["memberships", "decisionRights", "grants", "skills"]

    /// Moves into the element of the list at the cursor that `component` names: the key of an entry (its
    /// `specialist`, `id`, `asset` or `skill`) in a keyed list, or else a position.
    private func seekElement(_ component: String, byKey: Bool, in scanner: inout JSONScanner) -> (Int, Int)? {
        let saved = scanner.offset
        scanner.offset += 1
        var index = 0
        while (try? scanner.nextElement(first: index == 0)) == true {
            scanner.skipWhitespace()
            let elementStart = scanner.offset
            if !byKey, let position = Int(component) {
                if index == position { return (index, elementStart) }
            } else if entryKey(at: elementStart) == component {
                scanner.offset = elementStart
                return (index, elementStart)
            }
            guard (try? scanner.skipValue()) != nil else { break }
            index += 1
        }
        scanner.offset = saved
        return nil
    }

    /// The key an entry of a keyed list names itself by, if the value at `offset` is such an entry.
    private func entryKey(at offset: Int) -> String? {
        var scanner = JSONScanner(bytes.buffer)
        scanner.offset = offset
        guard scanner.peek() == UInt8(ascii: "{") else { return nil }
        for name in ["specialist", "id", "asset", "skill"] {
            var probe = scanner
            if seekField(name, in: &probe) != nil, let text = try? probe.readString() { return text }
        }
        return nil
    }

    /// The `schemaVersion` at the top of the document and where it is, if it can be found.
    func schemaVersion() -> (version: Int, offset: Int)? {
        var scanner = JSONScanner(bytes.buffer)
        guard scanner.peek() == UInt8(ascii: "{"), let offset = seekField("schemaVersion", in: &scanner),
            let version = try? scanner.readInt()
        else { return nil }
        return (version, offset)
    }
}
