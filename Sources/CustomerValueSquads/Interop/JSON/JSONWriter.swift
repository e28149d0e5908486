#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes the JSON format of ``Organization`` directly to bytes: the same document as its `Codable`
/// encoding (every field, keys sorted, lists sorted by identifier), several times faster than going through
/// an `Encoder`.
struct JSONWriter: ~Copyable {
    private var bytes: ByteBuffer
    let pretty: Bool
    private var depth = 0
    private var first = true

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The document written, handed over without a copy.
    consuming func finish() -> Data { bytes.data() }

    // MARK: Structure

    private mutating func newline() {
        guard pretty else { return }
        let indent = 2 * depth
        bytes.write(upTo: 1 + indent) { target in
            target[0] = 0x0A
            target.advanced(by: 1).update(repeating: 0x20, count: indent)
            return 1 + indent
        }
    }

    /// Writes, with one capacity check, what comes before a value or a key: a comma unless it is the first,
    /// then in the pretty form a line break and the indentation; then `length` bytes from `body`.
    @inline(__always)
    private mutating func separated(upTo length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let comma = !first
        let indent = pretty ? 2 * depth : -1
        bytes.write(upTo: 2 + indent + length) { target in
            var at = 0
            if comma {
                target[0] = UInt8(ascii: ",")
                at = 1
            }
            if indent >= 0 {
                target[at] = 0x0A
                (target + at + 1).update(repeating: 0x20, count: indent)
                at += 1 + indent
            }
            return at + body(target + at)
        }
        first = false
    }

    private mutating func separate() {
        separated(upTo: 0) { _ in 0 }
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        beginArray()
        for element in elements {
            nextElement()
            body(&self, element)
        }
        endArray()
    }

    /// Opens an object; its fields follow, then ``endObject()``. Writers of the model's hot records use these
    /// rather than ``object(_:)``, so the record being written is read in place, not captured by a closure.
    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
    }

    /// Closes the object opened last.
    mutating func endObject() {
        depth -= 1
        if !first { newline() }
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// Opens a list; each element is preceded by ``nextElement()``, then ``endArray()``.
    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first = true
    }

    /// Separates the next element of a list from the one before.
    mutating func nextElement() {
        separate()
    }

    /// Closes the list opened last.
    mutating func endArray() {
        depth -= 1
        if !first { newline() }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A field whose value is a list, each element written by `body`.
    mutating func list<S: Sequence>(_ name: StaticString, _ elements: S, _ body: (inout JSONWriter, S.Element) -> Void)
    {
        key(name)
        array(elements, body)
    }

    /// A field whose value is a dictionary written as a list in the order of its keys, each entry written by
    /// `body`. The small dictionaries of a record (skills, memberships, grants) are put in order by sorting
    /// their positions in a buffer on the stack; larger ones by sorting a copy.
    mutating func sortedList<Key: Comparable, Value>(
        _ name: StaticString, _ dictionary: [Key: Value], _ body: (inout JSONWriter, Key, Value) -> Void
    ) {
        key(name)
        beginArray()
        if dictionary.count <= 1 {
            for (key, value) in dictionary {
                nextElement()
                body(&self, key, value)
            }
        } else if dictionary.count <= 16 {
            withUnsafeTemporaryAllocation(of: Dictionary<Key, Value>.Index.self, capacity: dictionary.count) {
                positions in
                // Initialised first, so the sort below may assign to any slot.
                positions.initialize(repeating: dictionary.startIndex)
                defer { positions.deinitialize() }
                var count = 0
                var index = dictionary.startIndex
                while index != dictionary.endIndex {
                    // Insertion sort: a record's dictionaries hold a handful of entries.
                    var slot = count
                    while slot > 0, dictionary.keys[index] < dictionary.keys[positions[slot - 1]] {
                        positions[slot] = positions[slot - 1]
                        slot -= 1
                    }
                    positions[slot] = index
                    count += 1
                    dictionary.formIndex(after: &index)
                }
                for position in positions {
                    nextElement()
                    body(&self, dictionary.keys[position], dictionary.values[position])
                }
            }
        } else {
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
                nextElement()
                body(&self, key, value)
            }
        }
        endArray()
    }

    mutating func key(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        if pretty {
            separated(upTo: length &+ 4) { target in
                target[0] = UInt8(ascii: "\"")
                ByteBuffer.copy(name.utf8Start, to: target + 1, count: length)
                target[length &+ 1] = UInt8(ascii: "\"")
                target[length &+ 2] = UInt8(ascii: ":")
                target[length &+ 3] = 0x20
                return length &+ 4
            }
        } else {
            // The compact form, the common one, without branches: the comma is always stored and counted only
            // when it belongs.
            let comma = first ? 0 : 1
            bytes.write(upTo: length &+ 4) { target in
                target[0] = UInt8(ascii: ",")
                let at = target + comma
                at[0] = UInt8(ascii: "\"")
                ByteBuffer.copy(name.utf8Start, to: at + 1, count: length)
                at[length &+ 1] = UInt8(ascii: "\"")
                at[length &+ 2] = UInt8(ascii: ":")
                return comma &+ length &+ 3
            }
        }
        first = true  // the value that follows is not separated
    }

    // MARK: Values

    mutating func string(_ text: String) {
        var text = text
        // One look at the bytes: whether any needs an escape, and whether the text may not be in NFC.
        // Text is written in Unicode normalization form C, so values that compare equal (Swift compares
        // strings by canonical equivalence) give the same bytes. Scalars below U+0300 — UTF-8 bytes below
        // 0xCC — are already in form C.
        let (needsEscape, mayNeedNormalizing) = text.withUTF8(Self.scan)
        if mayNeedNormalizing {
            let normalized = String(decoding: text._nfcCodeUnits, as: UTF8.self)
            if !normalized.utf8.elementsEqual(text.utf8) { return string(normalized) }
        }
        if !needsEscape {
            text.withUTF8 { bytes.append(UInt8(ascii: "\""), $0, UInt8(ascii: "\"")) }
            first = false
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0A:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            case 0x09:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    /// Whether `buffer` holds a byte that needs an escape, and whether it may not be in NFC — eight bytes at a
    /// time, the last (or only) few in one word that overlaps the one before or is padded with spaces; single
    /// bytes are looked at only when some word holds something other than plain printable ASCII.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (escape: Bool, normalize: Bool) {
        let text = CheckedBytes(buffer)
        let count = text.count
        var index = 0
        var plain = true
        while plain, index + 8 <= count {
            plain = isPlain(text.word(at: index))
            index += 8
        }
        if plain, index < count {
            plain = isPlain(count >= 8 ? text.word(at: count - 8) : text.partialWord(at: 0, filling: 0x20))
        }
        guard !plain else { return (false, false) }
        var escape = false
        var normalize = false
        for byte in buffer {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                escape = true
            } else if byte >= 0xCC {
                normalize = true
            }
        }
        return (escape, normalize)
    }

    /// Whether the eight bytes of `word` are all printable ASCII other than a quote or a backslash.
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20, a quote, a backslash, or a byte of 0x80 and above sets that byte's high bit.
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = ((word ^ (ones &* 0x22)) &- ones) & ~(word ^ (ones &* 0x22)) & highs
        let backslash = ((word ^ (ones &* 0x5C)) &- ones) & ~(word ^ (ones &* 0x5C)) & highs
        return control | quote | backslash | (word & highs) == 0
    }

    mutating func integer(_ value: Int) {
        // Digits written straight into the buffer, without making a `String` first.
        guard value != .min else {
            bytes.append(contentsOf: String(value).utf8)
            first = false
            return
        }
        var magnitude = value.magnitude
        // Room for the 20 digits of the largest magnitude, filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { room in
            var start = room.count
            repeat {
                start -= 1
                room[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: room[start...]))
        }
        first = false
    }

    /// A finite number, written as an integer when it is one.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
            first = false
        }
    }

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        field(name, text)
    }

    mutating func field<T>(_ name: StaticString, _ id: Identifier<T>?) {
        guard let id else { return }
        key(name)
        identifier(id)
    }

    /// An identifier: ASCII letters, digits and `-_.:` only (``Identifier`` checks), so it is written as it
    /// is, without looking for characters to escape or normalise.
    mutating func identifier<T>(_ id: Identifier<T>) {
        var text = id.rawValue
        text.withUTF8 { bytes.append(UInt8(ascii: "\""), $0, UInt8(ascii: "\"")) }
        first = false
    }

    mutating func field(_ name: StaticString, _ day: Day?) {
        guard let day else { return }
        key(name)
        // "YYYY-MM-DD": the year is 1...9999 (``Day`` checks), written with four digits as `description` does.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { room in
            func put(_ value: Int, width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    room[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            room[0] = UInt8(ascii: "\"")
            put(day.year, width: 4, at: 1)
            room[5] = UInt8(ascii: "-")
            put(day.month, width: 2, at: 6)
            room[8] = UInt8(ascii: "-")
            put(day.day, width: 2, at: 9)
            room[11] = UInt8(ascii: "\"")
            bytes.append(contentsOf: UnsafeBufferPointer(room))
        }
        first = false
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        first = false
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }
}
