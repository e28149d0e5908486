/// Orders text as people read it: runs of digits by their number ("Department 2" before "Department 10",
/// employee `1001` after `99`), the rest without regard to ASCII case, and exact text last so the order is
/// total. Diagrams list departments and squads in this order of their identifiers.
public enum NaturalOrder {
    /// Whether `lhs` comes before `rhs`.
    ///
    /// - Complexity: O(*n*) in the length of the shorter text.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (Array(lhs.unicodeScalars), Array(rhs.unicodeScalars))
        var (i, j) = (0, 0)
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                let (leftEnd, rightEnd) = (runEnd(left, from: i), runEnd(right, from: j))
                let a = left[i..<leftEnd].drop { $0 == "0" }
                let b = right[j..<rightEnd].drop { $0 == "0" }
                if a.count != b.count { return a.count < b.count }
                for (x, y) in zip(a, b) where x != y { return x.value < y.value }
                (i, j) = (leftEnd, rightEnd)
                continue
            }
            let (x, y) = (folded(left[i]), folded(right[j]))
            if x != y { return x < y }
            (i, j) = (i + 1, j + 1)
        }
        if (left.count - i) != (right.count - j) { return left.count - i < right.count - j }
        return lhs < rhs
    }

    /// `values` sorted naturally by `key`.
    ///
    /// - Complexity: O(*n* log *n*) comparisons of keys.
    public static func sorted<Value>(_ values: [Value], by key: (Value) -> String) -> [Value] {
        values.map { (key($0), $0) }.sorted { precedes($0.0, $1.0) }.map(\.1)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func runEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        return end
    }

    private static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        ("A"..."Z").contains(scalar) ? scalar.value + 32 : scalar.value
    }
}
