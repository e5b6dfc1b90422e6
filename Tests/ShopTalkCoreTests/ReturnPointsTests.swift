import ShopTalkCore
import Testing

@Suite("Points taken back by returns")
struct ReturnPointsTests {
    let cups = [ReturnPoints.Goods(name: "Cup", quantity: 3, unitCents: 500)]

    @Test func returnsOneByOneTakeBackTheWholeWithoutDrift() {
        let steps = [[:], ["Cup": 1], ["Cup": 2], ["Cup": 3]]
        let taken = zip(steps, steps.dropFirst()).map { ReturnPoints.points(earned: 100, goods: cups, before: $0, through: $1) }
        #expect(taken == [33, 33, 34], "the last cup takes the remainder")
    }

    @Test func theShareFollowsValueNotCount() {
        let goods = [ReturnPoints.Goods(name: "Sofa", quantity: 1, unitCents: 90_000), ReturnPoints.Goods(name: "Cushion", quantity: 1, unitCents: 10_000)]
        #expect(ReturnPoints.points(earned: 1_000, goods: goods, before: [:], through: ["Cushion": 1]) == 100)
        #expect(ReturnPoints.points(earned: 1_000, goods: goods, before: ["Cushion": 1], through: ["Cushion": 1, "Sofa": 1]) == 900)
    }

    @Test func oddInputTakesNothingItShouldNot() {
        #expect(ReturnPoints.points(earned: 0, goods: cups, before: [:], through: ["Cup": 3]) == 0)
        #expect(ReturnPoints.points(earned: 50, goods: cups, before: [:], through: ["Mug": 2]) == 0, "a line the order never had")
        #expect(ReturnPoints.points(earned: 50, goods: cups, before: [:], through: ["Cup": 9]) == 50, "never more than was earned")
        let free = [ReturnPoints.Goods(name: "Gift", quantity: 1, unitCents: 0), ReturnPoints.Goods(name: "Cup", quantity: 1, unitCents: Int64.max)]
        #expect(ReturnPoints.points(earned: 10, goods: free, before: [:], through: ["Gift": 1]) == 0)
    }
}
