/// A small, fast, deterministic random number generator (SplitMix64).
///
/// The demo store and the benchmarks' generated data must be the same on every machine and every run,
/// so they draw from this generator with a fixed seed instead of the system's.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly drawn element; the array must not be empty.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// `count` distinct elements in their original order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        indices.shuffle(using: &self)
        return indices.prefix(max(0, min(count, items.count))).sorted().map { items[$0] }
    }
}
