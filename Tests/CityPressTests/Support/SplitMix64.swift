/// SplitMix64: a tiny seeded generator whose sequence depends on the seed alone, on every platform and
/// Swift version, so a failing random test can be replayed from the seed it prints.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count`; 0 when `count` is not positive (the modulo's bias is far too small to matter here).
    mutating func below(_ count: Int) -> Int {
        Int(next() % UInt64(max(count, 1)))
    }

    /// An element of `items`; `nil` when there is none.
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[below(items.count)]
    }

    /// Whether an event of probability 1/`count` happened.
    mutating func oneIn(_ count: Int) -> Bool { below(count) == 0 }
}
