import Foundation

/// Everything the demo store holds, generated deterministically from a seed and the clock's today.
///
/// Product ids here are provisional (1…N in generation order); order items refer to them, and the
/// database layer maps them to its own ids when it seeds.
public struct DemoStore: Sendable {
    public var store: Store
    public var products: [Product]
    public var discounts: [Discount]
    public var customers: [Customer]
    public var orders: [Order]

    /// The slug of the store that `shoptalk serve` seeds on first start.
    public static let slug = "demo"
    /// The seed every demo store is generated from.
    public static let defaultSeed: UInt64 = 20_260_101

    /// Generates the demo store as of `today`.
    public static func generate(today: Date, seed: UInt64 = defaultSeed) -> DemoStore {
        var generator = DemoStoreGenerator(today: today, seed: seed)
        return generator.generate()
    }
}
