/// The subjects nearly every shop's policies cover, each with words that name it and questions
/// shoppers ask about it, written for ShopTalk (none taken from a dataset). A shop's own section is
/// tied to the subject its text is closest to; a question then finds sections both through their
/// text and through the questions usually asked about their subject, which plain text matching misses
/// ("when do you take the money?" asks about payment without a word of the payment section).
enum PolicyTopics {
    struct Topic {
        let name: String
        /// Words a section on this subject uses, for tying sections to subjects.
        let words: String
        let questions: [String]
    }

    static let all: [Topic] = [
        Topic(name: "shipping", words: "shipping delivery countries worldwide international postage cost free shipping express customs duties", questions: [
            "which countries do you deliver to", "how much does shipping cost", "is postage free", "do you ship abroad",
            "will I have to pay import fees", "what's the delivery charge on a small order", "can you send it to my po box",
            "how much is express", "do you post overseas", "is there a minimum order for free delivery",
        ]),
        Topic(name: "delivery time", words: "delivery times working days dispatch tracking late parcel arrive", questions: [
            "how long will it take to arrive", "when will my parcel get here", "can I get it by the weekend",
            "if I order now when will it be sent", "how do I track my package", "my parcel is late", "do you do next day delivery",
            "it says delivered but I never got it", "how many days for standard delivery", "what time do I need to order by to get it sent today",
        ]),
        Topic(name: "returns", words: "returns refunds exchange send back unused packaging return label refund", questions: [
            "can I send this back", "how do I get my money back", "how long do I have to return something", "it doesn't fit, can I exchange it",
            "when will I get my refund", "do I have to pay for return postage", "can I return something I've opened", "I changed my mind about my purchase",
            "what can't be returned", "do you give refunds or store credit",
        ]),
        Topic(name: "order changes", words: "cancel cancelling change order delivery address placed order shipped", questions: [
            "can I cancel my order", "I ordered the wrong thing, can I stop it", "I need to change my delivery address",
            "can I add something to the order I just placed", "is it too late to cancel", "I moved house, can you send my order somewhere else",
            "how do I cancel a purchase", "can I edit my order",
        ]),
        Topic(name: "payment", words: "payment pay card credit debit paypal instalments charged currency tax", questions: [
            "how can I pay", "do you take credit cards", "can I pay in instalments", "when will I be charged", "is sales tax included",
            "can I pay cash on delivery", "my card was declined", "do you accept apple pay", "can I get an invoice", "what currency are prices in",
        ]),
        Topic(name: "warranty", words: "warranty guarantee repair faulty broken defect replacement covered", questions: [
            "is there a guarantee", "my item stopped working", "how long is the warranty", "will you repair it for free",
            "it broke after a few months", "does the warranty cover accidental damage", "how do I make a warranty claim", "the screen has a fault",
        ]),
        Topic(name: "price match", words: "price match lower price cheaper retailer difference", questions: [
            "will you match a lower price", "I found it cheaper somewhere else", "can you beat a competitor's price",
            "it's on sale at another shop", "do you refund the difference if the price drops", "do you price match",
        ]),
        Topic(name: "collection", words: "click and collect pick up collection store collect id code", questions: [
            "can I collect in person", "can I pick it up instead of delivery", "where can I collect my order",
            "what do I need to bring to pick up", "how long will you hold my order for collection", "is collection free",
        ]),
        Topic(name: "contact", words: "contact email phone call address reach us customer care", questions: [
            "how can I reach you", "what's your phone number", "can I email someone", "what's your address",
            "how quickly do you reply to emails", "who do I talk to about a problem", "is there a number I can ring",
        ]),
        Topic(name: "opening hours", words: "opening hours open closed weekend holidays customer care times", questions: [
            "when are you open", "are you open on sunday", "what time does customer service close", "are you open on bank holidays",
            "what are your hours", "can I call on saturday",
        ]),
        Topic(name: "privacy", words: "privacy personal data information marketing emails unsubscribe delete", questions: [
            "what do you do with my data", "do you sell my information", "how do I stop your emails", "can you delete my account",
            "is my card information stored", "how do I unsubscribe from the newsletter",
        ]),
        Topic(name: "gift cards", words: "gift card voucher balance expire code", questions: [
            "do you sell gift cards", "does my voucher expire", "I lost my gift card code", "can I use a gift card on more than one order",
            "can I buy a voucher for a friend", "can I exchange a gift card for cash",
        ]),
        Topic(name: "sizing", words: "size sizes fit size guide chart small large", questions: [
            "what size should I order", "do your clothes run small", "is there a size chart", "I'm between two sizes",
            "what shoe sizes do you have", "can I swap for a bigger size",
        ]),
        Topic(name: "discount codes", words: "discount code promo code voucher minimum spend coupon expired", questions: [
            "how do I use a promo code", "can I use two discount codes", "my coupon isn't working", "I forgot to add my code",
            "is there a minimum spend for the code", "my discount code expired",
        ]),
    ]
}
