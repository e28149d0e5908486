/// Puts the entries of a table keyed by identifier in identifier order, quickly.
///
/// Identifiers are ASCII (``Identifier`` checks), so their order is the order of their bytes. Each entry is
/// sorted by its first sixteen bytes, read as two integers; only entries whose first sixteen bytes are equal
/// are compared as strings.
enum IdentifierOrder {
    /// One element's sort key and position.
    private struct Key {
        var high: UInt64
        var low: UInt64
        var index: Int
    }

    /// The positions of `table`'s entries, in the order of their identifiers.
    ///
    /// - Complexity: O(*n* log *n*) integer comparisons, where *n* is the number of entries.
    static func positions<Tag, Value>(
        of table: [Identifier<Tag>: Value]
    ) -> [Dictionary<Identifier<Tag>, Value>.Index] {
        sorted(Array(table.indices)) { table.keys[$0] }
    }

    /// `elements` sorted by the identifier each one has.
    ///
    /// - Complexity: O(*n* log *n*) integer comparisons, where *n* is the number of elements.
    static func sorted<Element, Tag>(_ elements: [Element], by id: (Element) -> Identifier<Tag>) -> [Element] {
        var keys: [Key] = []
        keys.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            var text = id(element).rawValue
            let (high, low) = text.withUTF8(Self.prefix)
            keys.append(Key(high: high, low: low, index: index))
        }
        keys.sort { lhs, rhs in
            if lhs.high != rhs.high { return lhs.high < rhs.high }
            if lhs.low != rhs.low { return lhs.low < rhs.low }
            return id(elements[lhs.index]) < id(elements[rhs.index])
        }
        return keys.map { elements[$0.index] }
    }

    /// The values of `table`, in the order of their identifiers.
    static func values<Tag, Value>(of table: [Identifier<Tag>: Value]) -> [Value] {
        positions(of: table).map { table.values[$0] }
    }

    /// The first sixteen bytes as two big-endian integers, padded with zeros (which no identifier holds, so a
    /// shorter identifier sorts before a longer one it begins).
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var padded: (UInt64, UInt64) = (0, 0)
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &padded) { room in
                room.baseAddress!.copyMemory(from: base, byteCount: min(bytes.count, 16))
            }
        }
        // In memory the first byte comes first; as big-endian integers it is the most significant.
        return (UInt64(bigEndian: padded.0), UInt64(bigEndian: padded.1))
    }
}
