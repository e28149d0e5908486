/// Reads comma-separated values as RFC 4180 defines them: records separated by CRLF (or LF, or CR alone),
/// fields by a delimiter, a field in double quotes holding delimiters, quotes (doubled) and line breaks. A UTF-8
/// byte-order mark at the start is skipped and empty lines are left out. A record that breaks the format is
/// reported with its line and column and left out; the records after it are read.
struct CSVReader {
    /// One record and the line it starts on (from 1).
    struct Record: Equatable {
        var line: Int
        var fields: [String]
        /// Whether each field was written in quotes (its spaces are then its own).
        var quoted: [Bool] = []
    }

    /// A record that breaks the format: where, and why.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var reason: String
    }

    /// The records, and the problems of those left out.
    var records: [Record] = []
    var problems: [Problem] = []

    /// Reads `bytes`, which must be UTF-8, with fields separated by `delimiter`.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    init(_ bytes: some Collection<UInt8>, delimiter: UInt8) {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var input = Array(bytes)
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        var index = 0
        var line = 1
        var lineStart = 0
        /// Moves past one line break at `index`, if there is one, counting the line.
        func skipBreak() -> Bool {
            guard index < input.count else { return false }
            if input[index] == cr {
                index += 1
                if index < input.count, input[index] == lf { index += 1 }
            } else if input[index] == lf {
                index += 1
            } else {
                return false
            }
            line += 1
            lineStart = index
            return true
        }
        records: while index < input.count {
            let recordLine = line
            if skipBreak() { continue }  // an empty line
            var fields: [String] = []
            var quoted: [Bool] = []
            var field: [UInt8] = []
            while true {
                quoted.append(index < input.count && input[index] == quote)
                if index < input.count, input[index] == quote {
                    // A quoted field: up to the quote not followed by another one.
                    let (openLine, openColumn) = (line, index - lineStart + 1)
                    index += 1
                    var closed = false
                    while index < input.count {
                        let byte = input[index]
                        if byte == quote {
                            if index + 1 < input.count, input[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == cr || byte == lf {
                            field.append(byte)
                            index += 1
                            if byte == cr, index < input.count, input[index] == lf {
                                field.append(lf)
                                index += 1
                            }
                            line += 1
                            lineStart = index
                            continue
                        }
                        field.append(byte)
                        index += 1
                    }
                    guard closed else {
                        problems.append(
                            Problem(
                                line: openLine, column: openColumn,
                                reason: "the quote that opens this field is never closed; the rest of the file is "
                                    + "inside it"))
                        break records
                    }
                    if index < input.count, input[index] != delimiter, input[index] != cr, input[index] != lf {
                        problems.append(
                            Problem(
                                line: line, column: index - lineStart + 1,
                                reason: "text after the quote that closes a field; a quote inside a quoted field is "
                                    + "written twice (\"\")"))
                        while index < input.count, input[index] != cr, input[index] != lf { index += 1 }
                        _ = skipBreak()
                        continue records
                    }
                } else {
                    while index < input.count, input[index] != delimiter, input[index] != cr, input[index] != lf {
                        field.append(input[index])
                        index += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if index < input.count, input[index] == delimiter {
                    index += 1
                    continue
                }
                _ = skipBreak()
                break
            }
            records.append(Record(line: recordLine, fields: fields, quoted: quoted))
        }
    }
}
