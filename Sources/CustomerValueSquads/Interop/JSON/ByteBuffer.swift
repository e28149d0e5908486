#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A growable run of bytes that hands its memory over to `Data` when done, without copying it.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = Self.allocate(self.capacity)
    }

    deinit { Self.deallocate(start) }

    // MARK: Memory

    /// Buffers from this size on are laid out for large pages where the system offers them.
    private static let largePage = 2 << 20

    /// Memory for `capacity` bytes, released with ``deallocate(_:)``.
    ///
    /// On Linux a large buffer is marked for transparent huge pages (the 2 MiB-aligned part of it): a 100 MB
    /// document then costs a few dozen page faults instead of tens of thousands, which is most of the time of
    /// writing it.
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        #if os(Linux)
            if capacity >= 2 * largePage {
                let address = UInt(bitPattern: memory)
                let first = (address + UInt(largePage) - 1) / UInt(largePage) * UInt(largePage)
                let end = (address + UInt(capacity)) / UInt(largePage) * UInt(largePage)
                if end > first, let start = UnsafeMutableRawPointer(bitPattern: first) {
                    _ = madvise(start, Int(end - first), MADV_HUGEPAGE)  // a refusal only costs speed
                }
            }
        #endif
        return memory
    }

    /// Releases memory from ``allocate(_:)``.
    private static func deallocate(_ pointer: UnsafeMutablePointer<UInt8>) {
        pointer.deallocate()
    }

    // MARK: Appending

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStart = Self.allocate(newCapacity)
        newStart.update(from: start, count: count)
        Self.deallocate(start)
        start = newStart
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (start + count).update(from: base, count: buffer.count)
        count += buffer.count
    }

    /// Appends `opening`, the bytes of `buffer`, then `closing` — with one look at the capacity, and short runs
    /// copied byte by byte rather than through `memcpy`.
    @inline(__always)
    mutating func append(_ opening: UInt8, _ buffer: UnsafeBufferPointer<UInt8>, _ closing: UInt8) {
        reserve(buffer.count + 2)
        start[count] = opening
        let target = start + count + 1
        if let base = buffer.baseAddress { Self.copy(base, to: target, count: buffer.count) }
        target[buffer.count] = closing
        count += buffer.count + 2
    }

    /// Makes room for `limit` bytes once, then lets `body` write up to that many at the end without further
    /// checks; `body` returns how many it wrote.
    @inline(__always)
    mutating func write(upTo limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(limit)
        count += body(start + count)
    }

    /// Copies `count` bytes from `source` to `target`, which do not overlap. Runs of up to sixteen bytes — keys,
    /// identifiers, most names — are copied as two words that may overlap in the middle, reading and writing
    /// only inside both runs; longer ones with `memcpy`.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = CheckedBytes(UnsafeBufferPointer(start: source, count: count))
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 {
            guard count <= 16 else { return to.copyMemory(from: source, byteCount: count) }
            // Words are stored in the order they were loaded (least significant byte first), so bytes land
            // where they came from.
            to.storeBytes(of: from.word(at: 0).littleEndian, as: UInt64.self)
            to.storeBytes(of: from.word(at: count &- 8).littleEndian, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 {
            to.storeBytes(of: from.halfWord(at: 0).littleEndian, as: UInt32.self)
            to.storeBytes(of: from.halfWord(at: count &- 4).littleEndian, toByteOffset: count &- 4, as: UInt32.self)
        } else {
            for offset in 0..<count { target[offset] = from[offset] }
        }
    }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        for byte in bytes { append(byte) }
    }

    /// The bytes as `Data`, which takes over the memory.
    consuming func data() -> Data {
        let data = Data(
            bytesNoCopy: start, count: count,
            deallocator: .custom { pointer, _ in pointer.deallocate() })
        discard self
        return data
    }
}
