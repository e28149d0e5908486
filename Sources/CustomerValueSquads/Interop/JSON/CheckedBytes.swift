/// A run of bytes read with every access checked against its bounds — in release builds too — and words loaded
/// in an explicit byte order: the one way the JSON reader and writer look at memory.
///
/// A read outside the bytes stops the program instead of reading what lies beyond; a word is eight bytes in
/// the order they are stored, the first in the least significant byte whatever the machine's byte order.
struct CheckedBytes {
    /// The bytes; valid for as long as whoever lent them says (the scanner lives inside the closure that lends
    /// a document's bytes).
    let buffer: UnsafeBufferPointer<UInt8>

    @inline(__always)
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// How many bytes there are.
    @inline(__always)
    var count: Int { buffer.count }

    /// The byte at `position`.
    @inline(__always)
    subscript(position: Int) -> UInt8 {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: buffer.count), "a read outside the bytes")
        return buffer[position]
    }

    /// The byte at `position`, or `nil` outside the bytes: the bounds check and the read in one.
    @inline(__always)
    func byte(at position: Int) -> UInt8? {
        UInt(bitPattern: position) < UInt(bitPattern: buffer.count) ? buffer[position] : nil
    }

    /// The bytes in `range`, which must lie inside.
    @inline(__always)
    subscript(range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "a read outside the bytes")
        return buffer[range]
    }

    /// The eight bytes from `position`, the first in the least significant byte.
    @inline(__always)
    func word(at position: Int) -> UInt64 {
        precondition(position >= 0 && position <= buffer.count &- 8, "a read outside the bytes")
        return UInt64(
            littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// The four bytes from `position`, the first in the least significant byte.
    @inline(__always)
    func halfWord(at position: Int) -> UInt32 {
        precondition(position >= 0 && position <= buffer.count &- 4, "a read outside the bytes")
        return UInt32(
            littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// The up to seven bytes from `position` to the end as a word, the first in the least significant byte and
    /// the missing ones `filler`.
    @inline(__always)
    func partialWord(at position: Int, filling filler: UInt8) -> UInt64 {
        var word = UInt64(filler) &* 0x0101_0101_0101_0101
        var index = position
        while index < buffer.count {
            let shift = UInt64(index - position) &* 8
            word = word & ~(0xFF << shift) | UInt64(self[index]) << shift
            index += 1
        }
        return word
    }
}
