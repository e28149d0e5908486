import Yams

/// A scan of YAML text, before it is parsed, for mapping keys that are not plain scalars: an explicit key (`? `),
/// an alias used as a key (`*a : v`) or a flow collection used as a key (`[a, b]: v`).
///
/// Backstage's catalog never uses such keys and its reader does not accept them, and they are how a file of a few
/// hundred bytes makes a YAML reader hash an alias that expands to billions of nodes. The scan reads each byte
/// once, skipping quoted scalars, comments and block scalars, so its time is bounded by the file's size.
enum YAMLKeyGuard {
    /// Where a key that is not a scalar begins, and what it is.
    struct Finding: Equatable {
        let line: Int
        let column: Int
        let what: String
    }

    /// The first key of `text` that is not a plain scalar, or `nil` when every key is one.
    static func firstComplexKey(in text: String) -> Finding? {
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        var blockScalarIndent: Int?  // inside a block scalar: lines indented more than this belong to it
        var lineIndent = 0
        var atNodeStart = true  // where a node may begin: a line's start, after "- ", ": ", "? ", "[", "{" or ","
        var flowDepth = 0

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isEnd(_ at: Int) -> Bool {
            at >= bytes.count || bytes[at] == 0x0A || bytes[at] == 0x0D || isBlank(bytes[at])
        }
        func isKeyColon(_ at: Int) -> Bool {
            var next = at
            while next < bytes.count, isBlank(bytes[next]) { next += 1 }
            guard next < bytes.count, bytes[next] == UInt8(ascii: ":") else { return false }
            return isEnd(next + 1) || (flowDepth > 0 && ",]}".utf8.contains(bytes[next + 1]))
        }
        func finding(_ at: Int, _ what: String) -> Finding {
            Finding(line: line, column: at - lineStart + 1, what: what)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                index += 1
                line += 1
                lineStart = index
                atNodeStart = true
                // Measure the next line's indentation, and leave a block scalar when it is not indented deeper.
                var indent = 0
                while index + indent < bytes.count, bytes[index + indent] == 0x20 { indent += 1 }
                lineIndent = indent
                let blankLine =
                    index + indent >= bytes.count || bytes[index + indent] == 0x0A
                    || bytes[index + indent] == 0x0D
                if let parent = blockScalarIndent {
                    if blankLine || indent > parent {
                        // Still the block scalar's text: skip the line.
                        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                        continue
                    }
                    blockScalarIndent = nil
                }
                index += indent
                continue
            }
            if isBlank(byte) || byte == 0x0D {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "#") where index == lineStart || isBlank(bytes[index - 1]):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "'") where atNodeStart, UInt8(ascii: "\"") where atNodeStart:
                // A quoted scalar, to its closing quote ('' and \" stay inside).
                let quote = byte
                index += 1
                while index < bytes.count {
                    if bytes[index] == 0x0A {
                        line += 1
                        lineStart = index + 1
                    } else if quote == UInt8(ascii: "\"") && bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                    } else if bytes[index] == quote {
                        if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                            index += 1
                        } else {
                            break
                        }
                    }
                    index += 1
                }
                index += 1
                atNodeStart = false
                continue
            case UInt8(ascii: "?") where atNodeStart && isEnd(index + 1):
                return finding(index, "an explicit key (?)")
            case UInt8(ascii: "*") where atNodeStart:
                var end = index + 1
                while end < bytes.count, !isEnd(end), !",[]{}".utf8.contains(bytes[end]) { end += 1 }
                if isKeyColon(end) {
                    let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                    return finding(index, "an alias (*\(name)) used as a key")
                }
                index = end
                atNodeStart = false
                continue
            case UInt8(ascii: "&") where atNodeStart, UInt8(ascii: "!") where atNodeStart:
                // An anchor or a tag: the node it belongs to still follows.
                while index < bytes.count, !isEnd(index), !",[]{}".utf8.contains(bytes[index]) { index += 1 }
                continue
            case UInt8(ascii: "[") where atNodeStart || flowDepth > 0,
                UInt8(ascii: "{") where atNodeStart || flowDepth > 0:
                flowDepth += 1
                index += 1
                continue
            case UInt8(ascii: ",") where flowDepth > 0:
                atNodeStart = true
                index += 1
                continue
            case UInt8(ascii: ":")
            where isEnd(index + 1)
                || (flowDepth > 0 && index + 1 < bytes.count
                    && ",]}".utf8.contains(bytes[index + 1])):
                atNodeStart = true
                index += 1
                continue
            case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                flowDepth -= 1
                if isKeyColon(index + 1) { return finding(index, "a flow collection used as a key") }
            case UInt8(ascii: "|") where flowDepth == 0 && atNodeStart,
                UInt8(ascii: ">") where flowDepth == 0 && atNodeStart:
                // A block scalar starts when only its indicators (and a comment) follow on the line.
                var end = index + 1
                while end < bytes.count, "+-0123456789".utf8.contains(bytes[end]) { end += 1 }
                while end < bytes.count, isBlank(bytes[end]) { end += 1 }
                if end >= bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D || bytes[end] == UInt8(ascii: "#") {
                    blockScalarIndent = lineIndent
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    continue
                }
            case UInt8(ascii: "-") where atNodeStart && isEnd(index + 1):
                index += 1
                continue  // a sequence entry: what follows is still at the start of a node
            default:
                break
            }
            atNodeStart = false
            index += 1
        }
        return nil
    }
}

/// Composed YAML written as JSON, for the library's JSON reader: much faster than decoding the nodes one field at a
/// time. Aliases are written out where they stand, within a budget of nodes proportional to the file's size, so a
/// file of a few hundred bytes cannot expand into billions.
struct YAMLAsJSON {
    /// The nodes left to write before the expansion is refused.
    private(set) var budget: Int
    private(set) var bytes: [UInt8] = []

    /// The writer for a file of `size` bytes: at most 4 nodes a byte, and never fewer than a million.
    init(fileSize size: Int) {
        budget = max(1_000_000, 4 * size)
    }

    /// Thrown when the budget is spent.
    struct Expanded: Error {}

    /// Writes `node` as JSON: null scalars as null, every other scalar as a string.
    mutating func write(_ node: Node) throws(Expanded) {
        budget -= 1
        guard budget >= 0 else { throw Expanded() }
        switch node {
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain {
                bytes += Array("null".utf8)
            } else {
                writeString(scalar.string)
            }
        case .alias:
            bytes += Array("null".utf8)
        case .mapping(let mapping):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in mapping {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(key.string ?? "")
                bytes.append(UInt8(ascii: ":"))
                try write(value)
            }
            bytes.append(UInt8(ascii: "}"))
        case .sequence(let sequence):
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in sequence {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                try write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Appends raw bytes, such as the separators of a list of documents.
    mutating func append(_ text: String) { bytes += Array(text.utf8) }

    /// A JSON string, escaped by byte: quotes, backslashes and control characters.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
