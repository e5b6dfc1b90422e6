import Foundation
@testable import ShopTalkCore
import Testing

/// What brings a person in, read from words written here in several styles (none are training sentences).
@Suite("Handoff triggers")
struct HandoffTriggerTests {
    @Test(arguments: [
        "can I talk to a real person?", "AGENT PLEASE", "i want to speak with someone from customer service",
        "get me a human", "is there a live agent", "I don't want a bot, put me through to a manager", "human pls",
        "could you connect me with a representative", "speak to staff",
    ])
    func askingForAPersonIsHeard(text: String) {
        #expect(HandoffTriggers.asksForPerson(text))
    }

    @Test(arguments: [
        "show me headphones under $100", "is this jacket available in a human size joke", "what's your return policy",
        "do you have robot vacuums", "where is my order ORD-20260315-0005", "I want the agent provocateur perfume",
    ])
    func shoppingIsNotAskingForAPerson(text: String) {
        #expect(!HandoffTriggers.asksForPerson(text), "\(text)")
    }

    @Test func angerAndShoutingAreFrustrationButEmphasisIsNot() {
        #expect(HandoffTriggers.isFrustrated("this is ridiculous, third time asking"))
        #expect(HandoffTriggers.isFrustrated("WHERE IS MY PARCEL I PAID WEEKS AGO"))
        #expect(HandoffTriggers.isFrustrated("hello?!?"))
        #expect(!HandoffTriggers.isFrustrated("Do you sell JBL headphones?"))
        #expect(!HandoffTriggers.isFrustrated("I need a USB-C cable for my MacBook"))
    }

    @Test func theSettingsSayWhenTheTeamIsIn() throws {
        var settings = HandoffSettings()
        settings.utcOffsetMinutes = 60
        let formatter = ISO8601DateFormatter()
        // Monday 2026-03-16 08:30 UTC is 09:30 in the shop: open. Sunday is closed, as is 16:30 UTC (17:30 there).
        #expect(settings.isOpen(at: try #require(formatter.date(from: "2026-03-16T08:30:00Z"))))
        #expect(!settings.isOpen(at: try #require(formatter.date(from: "2026-03-15T10:00:00Z"))))
        #expect(!settings.isOpen(at: try #require(formatter.date(from: "2026-03-16T16:30:00Z"))))
        #expect(settings.hoursText == "Mon–Fri 09:00–17:00")
        settings.openHour = 18
        #expect(!settings.problems.isEmpty)
    }

    @Test func twoMisreadMessagesOrAMarkedComplaintOrLowConfidenceBringAPerson() {
        var settings = HandoffSettings()
        let misread = Reply(text: "Sorry?", intent: Intent(name: Intent.Name.outOfScope, confidence: 0.8))
        #expect(HandoffTriggers.reason(text: "blah", reply: misread, misunderstood: 1, settings: settings) == nil)
        #expect(HandoffTriggers.reason(text: "blah", reply: misread, misunderstood: 2, settings: settings) == .misunderstood)
        let ticket = Ticket(reference: "TCK-1", category: "damaged", orderNumber: nil, text: "", status: "open", createdAt: Date())
        let complaint = Reply(text: "Sorry", intent: Intent(name: Intent.Name.complaint, confidence: 0.9), ticket: ticket)
        #expect(HandoffTriggers.reason(text: "it came broken", reply: complaint, misunderstood: 0, settings: settings) == .complaint)
        settings.personCategories = []
        #expect(HandoffTriggers.reason(text: "it came broken", reply: complaint, misunderstood: 0, settings: settings) == nil)
        settings.confidenceFloor = 0.95
        #expect(HandoffTriggers.reason(text: "it came broken", reply: complaint, misunderstood: 0, settings: settings) == .lowConfidence)
    }
}
