/// Why reading a JSON document failed, and at which byte.
///
/// The reader keeps nothing but the byte offset while it works; the coding path and the line and column are
/// worked out from the offset only when something fails (``JSONLocator``), so a document that reads well
/// pays nothing for them.
struct JSONFailure: Error {
    enum Kind {
        /// The bytes are not JSON, or not the JSON the format allows (a trailing comma, a duplicate key).
        case syntax
        /// A value of the wrong JSON type; the payload names the Swift type that was expected.
        case typeMismatch(Any.Type)
        /// A required field is missing from the object that starts at the offset.
        case missing(String)
        /// A value of the right type breaks a rule of the model.
        case invalid(OrganizationError)
        /// Reading on two threads did not agree with the brackets (the document is malformed): read it again on
        /// one thread for the failure to report.
        case readAgain
    }

    var kind: Kind
    /// The byte the problem was found at.
    var offset: Int
    /// What is wrong, in a sentence.
    var message: String
}

/// A cursor over the bytes of a JSON document (RFC 8259), with the few reads the format needs.
///
/// It never builds a tree: the format's readers ask for the next key, string, number or list element and
/// turn it into a model value at once. Strings must be valid UTF-8; numbers must fit the type asked for.
struct JSONScanner {
    /// The deepest nesting of objects and lists a document may have, counted from the document itself — the
    /// limit `JSONDecoder` keeps, so both readers refuse the same documents.
    static let maximumDepth = 512

    /// The document, every read of it checked against its bounds.
    let bytes: CheckedBytes
    var offset = 0
    /// How many objects and lists of the format the cursor is inside: where a skipped value's nesting starts.
    var depth = 0
    /// The offsets of the field names the format does not know, in the order met.
    var unknownFields: [Int] = []
    /// The names of the fields of the objects being read, innermost last.
    var openNames: [JSONName] = []
    /// The bytes of the field names that hold escapes, decoded: names point into them while the scanner lives.
    private let escapedNames = EscapedNames()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = CheckedBytes(bytes)
        // A UTF-8 byte-order mark is allowed before the document.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    // MARK: - Failures

    func syntaxError(_ message: String, at position: Int? = nil) -> JSONFailure {
        JSONFailure(kind: .syntax, offset: position ?? offset, message: message)
    }

    func invalid(_ error: OrganizationError, at position: Int) -> JSONFailure {
        JSONFailure(kind: .invalid(error), offset: position, message: "[\(error.code)] \(error.message)")
    }

    /// A failure for a value of the wrong JSON type where `expected` (a Swift type) belongs.
    func typeMismatch(_ expected: Any.Type, _ description: String) -> JSONFailure {
        // What cannot start any JSON value is a syntax error, not a value of another type.
        guard offset < bytes.count, Self.canStartValue(bytes[offset]) else {
            return syntaxError(
                offset < bytes.count
                    ? "expected \(description), found \(Self.describe(byte: bytes[offset]))"
                    : "expected \(description), but the document ends")
        }
        return JSONFailure(
            kind: .typeMismatch(expected),
            offset: offset,
            message: "expected \(description) (\(expected)), found \(foundDescription)"
        )
    }

    /// What the value at the cursor is, in words.
    var foundDescription: String {
        guard offset < bytes.count else { return "the end of the document" }
        switch bytes[offset] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "a list"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        default: return "\(Self.describe(byte: bytes[offset]))"
        }
    }

    static func canStartValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "t"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    static func describe(byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "the byte 0x\(String(byte, radix: 16))"
    }

    // MARK: - Structure

    mutating func skipWhitespace() {
        while let byte = bytes.byte(at: offset) {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The next byte that is not white space, without consuming it; `nil` at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        // A compact document has no white space between tokens: the byte at hand is the answer.
        if let byte = bytes.byte(at: offset), byte > 0x20 { return byte }
        skipWhitespace()
        return bytes.byte(at: offset)
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONFailure) {
        guard peek() == byte else {
            throw syntaxError(
                offset < bytes.count
                    ? "expected \(what), found \(Self.describe(byte: bytes[offset]))"
                    : "expected \(what), but the document ends")
        }
        offset += 1
    }

    /// Checks that nothing but white space follows the document.
    mutating func expectEnd() throws(JSONFailure) {
        if let byte = peek() {
            throw syntaxError("the document goes on after its end with \(Self.describe(byte: byte))")
        }
    }

    /// Starts reading an object; throws a type mismatch naming `type` when the value is not one.
    mutating func beginObject(_ type: Any.Type, _ description: String) throws(JSONFailure) {
        guard peek() == UInt8(ascii: "{") else { throw typeMismatch(type, description) }
        offset += 1
    }

    /// Starts reading a list; throws a type mismatch naming `type` when the value is not one.
    mutating func beginArray(_ type: Any.Type) throws(JSONFailure) {
        guard peek() == UInt8(ascii: "[") else { throw typeMismatch(type, "a list") }
        offset += 1
    }

    /// Moves to the next element of a list: `false` at its end. `first` is `true` before the first element.
    mutating func nextElement(first: Bool) throws(JSONFailure) -> Bool {
        try moveToNext(first: first, closing: UInt8(ascii: "]"))
    }

    /// Moves past the comma before the next member of a list or an object, or past its closing bracket:
    /// `false` at the end. What is wrong, if anything, is put in words by ``separationFailure(first:closing:)``.
    @inline(__always)
    private mutating func moveToNext(first: Bool, closing: UInt8) throws(JSONFailure) -> Bool {
        guard let byte = peek() else { throw separationFailure(first: first, closing: closing) }
        if byte == closing {
            offset += 1
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw separationFailure(first: first, closing: closing) }
            let comma = offset
            offset += 1
            guard let next = peek(), next != closing else {
                offset = comma
                throw separationFailure(first: first, closing: closing)
            }
        }
        return true
    }

    /// The failure at the cursor, where a list or an object should go on or close: the cursor is on what
    /// stands there instead, or on a comma that nothing follows.
    @inline(never)
    private mutating func separationFailure(first: Bool, closing: UInt8) -> JSONFailure {
        let kind = closing == UInt8(ascii: "]") ? "list" : "object"
        guard let byte = peek() else { return syntaxError("the \(kind) is not closed: the document ends") }
        if !first, byte != UInt8(ascii: ",") {
            let place = closing == UInt8(ascii: "]") ? "in a list" : "after a field"
            return syntaxError(
                "expected ',' or '\(Character(Unicode.Scalar(closing)))' \(place), found \(Self.describe(byte: byte))")
        }
        // After a comma: the document ends, or the list or object closes.
        offset += 1
        guard peek() != nil else { return syntaxError("the \(kind) is not closed: the document ends") }
        return syntaxError("\(kind == "list" ? "a list" : "an object") may not end with a comma")
    }

    /// Moves to the next field of an object and reads its key: `nil` at the object's end.
    mutating func nextKey(first: Bool) throws(JSONFailure) -> JSONKey? {
        guard try moveToNext(first: first, closing: UInt8(ascii: "}")) else {
            return nil
        }
        guard peek() == UInt8(ascii: "\"") else {
            throw syntaxError(
                offset < bytes.count
                    ? "expected a field name in quotes, found \(Self.describe(byte: bytes[offset]))"
                    : "the object is not closed: the document ends")
        }
        let start = offset
        let name = try readName()
        try expect(UInt8(ascii: ":"), "':' after the field name")
        return JSONKey(name: name, offset: start)
    }

    /// Reads a field name without copying it when it holds no escape.
    private mutating func readName() throws(JSONFailure) -> JSONName {
        // Most names are plain ASCII: found eight bytes at a time and taken as they are.
        let end = plainRun(from: offset + 1)
        if bytes.byte(at: end) == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<end])
            offset = end + 1
            return JSONName(raw: raw)
        }
        // Otherwise the plain run stopped at a byte that is not ASCII, an escape or a control character; the
        // search for the closing quote goes on from there.
        var position = end
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                // Text that is not all ASCII: a name is compared byte by byte, so `readString` checks the UTF-8.
                let raw = UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<position])
                _ = try readString()
                return JSONName(raw: raw)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { break }
            position += 1
        }
        return JSONName(raw: escapedNames.keep(try readString()))
    }

    /// The offset of the first byte at or after `position` that is a quote, a backslash, a control character
    /// or not ASCII — looked for eight bytes at a time; the end of the document when there is none.
    func plainRun(from position: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = position
        while position + 8 <= bytes.count {
            let word = bytes.word(at: position)
            // Each test sets the high bit of the first byte it is about (bytes after it may be set wrongly, by a
            // borrow, but only the first counts); the word holds the first byte in its least significant one.
            let control = (word &- ones &* 0x20) & ~word
            let quote = ((word ^ (ones &* 0x22)) &- ones) & ~(word ^ (ones &* 0x22))
            let backslash = ((word ^ (ones &* 0x5C)) &- ones) & ~(word ^ (ones &* 0x5C))
            let found = (control | quote | backslash | word) & highs
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while let byte = bytes.byte(at: position) {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            position += 1
        }
        return position
    }

    /// Whether the value at the cursor is `null`; consumes it if so.
    mutating func skipNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), offset + 4 <= bytes.count, bytes[offset + 1] == UInt8(ascii: "u"),
            bytes[offset + 2] == UInt8(ascii: "l"), bytes[offset + 3] == UInt8(ascii: "l")
        else { return false }
        offset += 4
        return true
    }
}

/// A field name read from a document, with where it starts.
struct JSONKey {
    /// The name.
    var name: JSONName
    /// The offset of its opening quote.
    var offset: Int
    /// The name's text, escapes resolved.
    var text: String { name.text }
}

/// A field name as the document holds it: the bytes between the quotes, or the decoded bytes when it has escapes.
///
/// Readers match it against the names they know with `switch`, without making a `String` of it. It holds no
/// reference, so keys are passed and kept without reference counting.
struct JSONName {
    /// The name's UTF-8 bytes, escapes resolved.
    let raw: UnsafeBufferPointer<UInt8>

    /// The name's text.
    var text: String { String(decoding: raw, as: UTF8.self) }

    /// Whether the name is the same as `other`: the same bytes, as JSON compares names.
    func isSame(as other: JSONName) -> Bool {
        Self.same(raw, other.raw)
    }

    /// Whether two runs of bytes are equal: the lengths first, then byte by byte — most names differ in one
    /// or the other at once.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// Whether the name spells `pattern`.
    static func ~= (pattern: StaticString, name: JSONName) -> Bool {
        same(name.raw, UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount))
    }
}

/// The decoded bytes of field names written with escapes, kept while a scanner reads (such names are rare).
private final class EscapedNames {
    private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []

    /// A copy of `text`'s UTF-8 bytes that lives as long as this store.
    func keep(_ text: String) -> UnsafeBufferPointer<UInt8> {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
        _ = buffer.initialize(from: text.utf8)
        buffers.append(buffer)
        return UnsafeBufferPointer(buffer)
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
