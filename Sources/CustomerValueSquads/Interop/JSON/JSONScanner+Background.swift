import Dispatch

// Reading a document's specialists on another thread while this one reads the squads: the two longest lists of
// a document, read at once on a machine with two cores.

extension JSONScanner {
    /// The offset just past the list that starts at `position`, found by following brackets and strings alone —
    /// nothing inside is checked; `nil` when no list starts there or the document ends first.
    ///
    /// Strings are crossed eight bytes at a time; a backslash escapes the byte after it, so `\"` does not end one.
    func endOfList(from position: Int) -> Int? {
        guard bytes.byte(at: position) == UInt8(ascii: "[") else { return nil }
        var depth = 0
        var position = position
        while let byte = bytes.byte(at: position) {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                while true {
                    position = plainRun(from: position)
                    guard let found = bytes.byte(at: position) else { return nil }
                    if found == UInt8(ascii: "\"") {
                        position += 1
                        break
                    }
                    // A backslash and the byte it escapes, or a byte that is a control character or not ASCII.
                    position += found == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                position += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                position += 1
                if depth == 0 { return position }
            default:
                position += 1
            }
        }
        return nil
    }
}

/// The specialists of a document, read by a scanner of their own on another thread.
///
/// The reader starts where the main scanner found the list, at the same depth, so it reads exactly what the main
/// scanner would and fails with the same error at the same place. The main scanner jumps to ``end`` — where the
/// brackets say the list ends — and reads on; once both are done, the list is used only if the reader ended at
/// ``end`` too, and the document is otherwise read again on one thread.
final class BackgroundSpecialists: @unchecked Sendable {
    /// Where the brackets say the list ends.
    let end: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: Int
    private let depth: Int
    private let group = DispatchGroup()
    private var outcome: Result<(specialists: [Specialist], end: Int, unknownFields: [Int]), JSONFailure>?

    /// Starts reading the list at `start` on another thread.
    ///
    /// The bytes must stay where they are until ``wait()`` returns.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, depth: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.depth = depth
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in read() }
    }

    private func read() {
        var scanner = JSONScanner(bytes)
        scanner.offset = start
        scanner.depth = depth
        outcome = Result { () throws(JSONFailure) in
            let specialists = try scanner.readOptionalArray { s throws(JSONFailure) in try s.readSpecialist() }
            return (specialists, scanner.offset, scanner.unknownFields)
        }
    }

    /// Waits for the reader, and returns what it read.
    func wait() -> Result<(specialists: [Specialist], end: Int, unknownFields: [Int]), JSONFailure> {
        group.wait()
        return outcome!
    }
}
