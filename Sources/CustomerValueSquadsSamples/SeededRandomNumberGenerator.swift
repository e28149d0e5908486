/// A fast, seeded random number generator (SplitMix64): the same seed always gives the same sequence, on
/// every platform, so a failing property test can be replayed from its seed.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The seed the generator started from.
    public let seed: UInt64

    /// Creates a generator.
    ///
    /// - Parameter seed: The seed; the same seed gives the same sequence.
    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
