import Foundation

/// The demo store's discount codes: one of every kind and every way a code can fail.
enum DemoDiscounts {
    /// The code whose usage limit the generated orders use up.
    static let usedUpCode = "FLASH50"

    static func make(today: Date) -> [Discount] {
        let day: (Int) -> Date = { ShopClock.calendar.date(byAdding: .day, value: $0, to: today)! }
        let dollars: (Double) -> Money = { Money(major: $0) }
        return [
            Discount(id: 1, code: "SAVE20", description: "20% off orders of $100 or more (up to $100 off)",
                     kind: .percentage, percentOff: 20, maxDiscount: dollars(100), minSpend: dollars(100),
                     startsAt: day(-120), endsAt: day(45)),
            Discount(id: 2, code: "TAKE10", description: "$10 off any order over $50",
                     kind: .fixedAmount, amountOff: dollars(10), minSpend: dollars(50), startsAt: day(-400)),
            Discount(id: 3, code: "TEESBOGO", description: "Buy one, get one free on clothing",
                     kind: .buyOneGetOne, category: "clothing", startsAt: day(-90), endsAt: day(30)),
            Discount(id: 4, code: "SONY15", description: "15% off Sony (up to $75 off)",
                     kind: .percentage, percentOff: 15, maxDiscount: dollars(75), brand: "Sony",
                     startsAt: day(-200), endsAt: day(60)),
            Discount(id: 5, code: "RUN25", description: "$25 off shoes when you spend $100 on shoes",
                     kind: .fixedAmount, amountOff: dollars(25), minSpend: dollars(100), category: "shoes",
                     startsAt: day(-150)),
            Discount(id: 6, code: "TECH5", description: "5% off laptops (up to $50 off)",
                     kind: .percentage, percentOff: 5, maxDiscount: dollars(50), category: "laptops",
                     startsAt: day(-300)),
            Discount(id: 7, code: "HEADPHONES20", description: "$20 off headphones over $150",
                     kind: .fixedAmount, amountOff: dollars(20), minSpend: dollars(150), category: "headphones",
                     startsAt: day(-60), endsAt: day(90)),
            Discount(id: 8, code: usedUpCode, description: "50% off anything (up to $150 off), for a limited number of orders",
                     kind: .percentage, percentOff: 50, maxDiscount: dollars(150), usageLimit: 40,
                     startsAt: day(-240), endsAt: day(120)),
            Discount(id: 9, code: "SUMMER30", description: "30% off summer sale (up to $120 off)",
                     kind: .percentage, percentOff: 30, maxDiscount: dollars(120),
                     startsAt: day(-170), endsAt: day(-80)),
            Discount(id: 10, code: "BLACKFRIDAY", description: "25% off everything for Black Friday (up to $200 off)",
                     kind: .percentage, percentOff: 25, maxDiscount: dollars(200),
                     startsAt: day(6), endsAt: day(10)),
            Discount(id: 11, code: "SAMSUNG10", description: "10% off Samsung (up to $150 off), 1,000 uses",
                     kind: .percentage, percentOff: 10, maxDiscount: dollars(150), brand: "Samsung",
                     usageLimit: 1000, startsAt: day(-365)),
            Discount(id: 12, code: "OLDCODE", description: "Retired: 15% off",
                     kind: .percentage, percentOff: 15, startsAt: day(-540), isActive: false),
        ]
    }
}
