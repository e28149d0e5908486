// Strings, numbers and skipped values of the JSON scanner.

extension JSONScanner {
    // MARK: - Strings

    /// Reads a string: escapes resolved, UTF-8 checked.
    mutating func readString(_ type: Any.Type = String.self) throws(JSONFailure) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw typeMismatch(type, "a string") }
        let start = offset + 1
        // Most strings are plain ASCII: found eight bytes at a time and taken as they are, with nothing to check.
        var position = plainRun(from: start)
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            offset = position + 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }
        // Otherwise from where the plain run stops: the closing quote of text that is not all ASCII, an escape or
        // a control character.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try utf8Text(UnsafeBufferPointer(rebasing: bytes[start..<position]), at: start)
                offset = position + 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw syntaxError("a control character in a string must be escaped", at: position) }
            position += 1
        }
        guard position < bytes.count else { throw syntaxError("the string is not closed: the document ends") }
        return try readEscapedString(from: start, firstEscape: position)
    }

    /// The text of `buffer`, which must be valid UTF-8.
    private func utf8Text(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONFailure) -> String {
        guard Self.isValidUTF8(buffer) else {
            throw syntaxError("a string holds bytes that are not valid UTF-8", at: start)
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = CheckedBytes(buffer)
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return false
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    private mutating func readEscapedString(from start: Int, firstEscape: Int) throws(JSONFailure) -> String {
        var result: [UInt8] = Array(bytes[start..<firstEscape])
        var position = firstEscape
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let text = try result.withUnsafeBufferPointer { buffer throws(JSONFailure) in
                    try utf8Text(buffer, at: start)
                }
                offset = position + 1
                return text
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else {
                    throw syntaxError("the string is not closed: the document ends", at: bytes.count)
                }
                position += 1
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(bytes[position])
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try readUnicodeEscape(at: &position)
                    result.append(contentsOf: String(Character(scalar)).utf8)
                    continue
                default:
                    throw syntaxError(
                        "\\\(Self.describe(byte: bytes[position])) is not an escape JSON knows", at: position)
                }
                position += 1
            case 0x00..<0x20:
                throw syntaxError("a control character in a string must be escaped", at: position)
            default:
                result.append(byte)
                position += 1
            }
        }
        throw syntaxError("the string is not closed: the document ends", at: bytes.count)
    }

    /// Reads `\uXXXX` (and its low surrogate, for a pair) with `position` at the `u`; leaves it after.
    private func readUnicodeEscape(at position: inout Int) throws(JSONFailure) -> Unicode.Scalar {
        func hex(at index: Int) throws(JSONFailure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw syntaxError("a \\u escape needs four hex digits", at: index) }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw syntaxError("a \\u escape needs four hex digits", at: index)
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        let escapeStart = position - 1
        let first = try hex(at: position + 1)
        position += 5
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw syntaxError("a high surrogate \\u escape must be followed by a low one", at: escapeStart) }
            let second = try hex(at: position + 2)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw syntaxError("a high surrogate \\u escape must be followed by a low one", at: escapeStart)
            }
            position += 6
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw syntaxError("invalid \\u escape", at: escapeStart) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw syntaxError("a low surrogate \\u escape must follow a high one", at: escapeStart)
        }
        return scalar
    }

    // MARK: - Numbers

    /// The extent of the number at the cursor, checked against JSON's grammar.
    private mutating func numberToken(_ type: Any.Type, _ description: String) throws(JSONFailure) -> (
        start: Int, end: Int, isInteger: Bool
    ) {
        guard let first = peek(), first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else {
            throw typeMismatch(type, description)
        }
        let start = offset
        var position = offset
        func digits() -> Int {
            let from = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
            return position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let leading = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw syntaxError("a number needs a digit after '-'", at: start) }
        if integerDigits > 1, bytes[leading] == UInt8(ascii: "0") {
            throw syntaxError("a number may not start with 0", at: start)
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw syntaxError("a number needs digits after '.'", at: start) }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw syntaxError("a number needs digits in its exponent", at: start) }
        }
        if position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            default: throw syntaxError("the number goes on with \(Self.describe(byte: bytes[position]))", at: start)
            }
        }
        offset = position
        return (start, position, isInteger)
    }

    private func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Reads a whole number. `100.0` and `1e2` are read as 100, as Foundation's decoder reads them.
    mutating func readInt() throws(JSONFailure) -> Int {
        let (start, end, isInteger) = try numberToken(Int.self, "a whole number")
        if isInteger {
            let negative = bytes[start] == UInt8(ascii: "-")
            var value = 0
            for byte in bytes[(negative ? start + 1 : start)..<end] {
                let digit = Int(byte - 0x30)
                let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowNext) =
                    negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                guard !overflowTimes, !overflowNext else {
                    throw invalid(
                        OrganizationError(
                            code: .invalidDocument,
                            message: "the number \(text(from: start, to: end)) does not fit in a whole number"),
                        at: start)
                }
                value = next
            }
            return value
        }
        let value = Double(text(from: start, to: end)) ?? .nan
        guard value == value.rounded(), value.magnitude <= 9_007_199_254_740_992 else {
            throw invalid(
                OrganizationError(
                    code: .invalidDocument, message: "expected a whole number, found \(text(from: start, to: end))"),
                at: start)
        }
        return Int(value)
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(JSONFailure) -> Bool {
        skipWhitespace()
        if matches("true") {
            offset += 4
            return true
        }
        if matches("false") {
            offset += 5
            return false
        }
        throw typeMismatch(Bool.self, "true or false")
    }

    /// Reads a finite number.
    mutating func readDouble() throws(JSONFailure) -> Double {
        let (start, end, isInteger) = try numberToken(Double.self, "a number")
        // Up to 15 digits a whole number is exact in a Double.
        if isInteger, end - start <= 15 {
            var value = 0
            let negative = bytes[start] == UInt8(ascii: "-")
            for byte in bytes[(negative ? start + 1 : start)..<end] { value = value * 10 + Int(byte - 0x30) }
            return Double(negative ? -value : value)
        }
        return try double(from: start, to: end)
    }

    private func double(from start: Int, to end: Int) throws(JSONFailure) -> Double {
        let token = text(from: start, to: end)
        guard let value = Double(token), value.isFinite else {
            throw invalid(
                OrganizationError(code: .invalidDocument, message: "the number \(token) is too large for a Double"),
                at: start)
        }
        let mantissa = token.prefix { $0 != "e" && $0 != "E" }
        if value == 0, mantissa.contains(where: { ("1"..."9").contains($0) }) {
            throw invalid(
                OrganizationError(code: .invalidDocument, message: "the number \(token) is too small for a Double"),
                at: start)
        }
        return value
    }

    // MARK: - Skipping

    /// Skips one value of any kind, `depth` objects and lists deep, checking it as strictly as the values the
    /// format reads: its syntax, its strings (valid UTF-8, no lone surrogate escapes), no name twice in one
    /// object, and nesting up to ``maximumDepth`` counted from the document itself.
    mutating func skipValue(depth: Int = 0) throws(JSONFailure) {
        guard let byte = peek() else { throw syntaxError("expected a value, but the document ends") }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "["), depth >= Self.maximumDepth {
            throw syntaxError("values are nested more than \(Self.maximumDepth) deep")
        }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"):
            offset += 1
            let base = openNames.count
            defer { openNames.removeLast(openNames.count - base) }
            while let key = try nextKey(first: openNames.count == base) {
                // Skipped objects are mostly small; a large one is checked with a table of its names.
                if openNames.count - base < 32 {
                    if openNames[base...].contains(where: { $0.isSame(as: key.name) }) {
                        throw syntaxError(
                            "the field \(String(reflecting: key.text)) appears twice in one object", at: key.offset)
                    }
                    openNames.append(key.name)
                } else {
                    try skipLargeObject(from: base, next: key, depth: depth)
                    return
                }
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            offset += 1
            var first = true
            while try nextElement(first: first) {
                first = false
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try numberToken(Double.self, "a number")
        default:
            for word in ["true", "false", "null"] where matches(word) {
                offset += word.utf8.count
                return
            }
            throw syntaxError("expected a value, found \(Self.describe(byte: byte))")
        }
    }

    /// Skips the rest of an object with many names, the first of them on `openNames` from `base` and `next` the
    /// one just read, checking that no name comes twice with a table of their bytes.
    private mutating func skipLargeObject(from base: Int, next: JSONKey, depth: Int) throws(JSONFailure) {
        var seen = Set(openNames[base...].map { Array($0.raw) })
        var key: JSONKey? = next
        while let current = key {
            guard seen.insert(Array(current.name.raw)).inserted else {
                throw syntaxError(
                    "the field \(String(reflecting: current.text)) appears twice in one object", at: current.offset)
            }
            try skipValue(depth: depth + 1)
            key = try nextKey(first: false)
        }
    }

    /// Whether the bytes at the cursor spell `word`.
    private func matches(_ word: String) -> Bool {
        let count = word.utf8.count
        return offset + count <= bytes.count && bytes[offset..<offset + count].elementsEqual(word.utf8)
    }
}
