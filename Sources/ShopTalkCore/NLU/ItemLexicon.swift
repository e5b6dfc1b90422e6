/// Kinds of things shops sell, beyond the store's own categories: "yoga mats", "a rice cooker",
/// "beanies". They are marked as `item` entities, so that the intent model learns "show me <item>"
/// rather than the particular nouns it was trained on, and the search uses them as terms. Words that
/// also name things no shop sells in a request ("book a table", "watch a film", "order a taxi") are
/// left out on purpose.
enum ItemLexicon {
    /// Singular nouns and noun phrases; plurals are derived.
    static let nouns: [String] = [
        // Clothing and accessories worn.
        "coat", "parka", "raincoat", "jacket", "blazer", "gilet", "vest", "hoodie", "jumper", "sweater", "cardigan",
        "sweatshirt", "t-shirt", "tee", "shirt", "blouse", "polo", "tank top", "dress", "skirt", "jeans",
        "trousers", "chinos", "joggers", "leggings", "shorts", "pyjamas", "pajamas", "dressing gown", "bathrobe",
        "swimsuit", "bikini", "swim shorts", "underwear", "bra", "boxers", "socks", "tights", "scarf", "beanie",
        "hat", "gloves", "mittens", "belt", "onesie", "fleece", "poncho", "kimono",
        "shoe", "trainer", "sneaker", "boot", "ankle boot", "wellies", "sandal", "flip flop", "slipper", "loafer",
        "football boot", "hiking boot", "running shoe", "clog", "espadrille",
        "bag", "handbag", "backpack", "rucksack", "tote", "tote bag", "clutch", "wallet", "purse", "suitcase",
        "luggage", "holdall", "duffel bag", "laptop bag", "sunglasses", "watch strap", "necklace",
        "bracelet", "earrings", "jewellery", "jewelry", "keyring",
        // Electronics.
        "laptop", "notebook", "chromebook", "desktop", "pc", "monitor", "keyboard", "mouse", "mouse mat", "webcam",
        "printer", "scanner", "router", "modem", "hub", "usb hub", "usb-c hub", "docking station", "dock", "ssd",
        "hard drive", "memory card", "sd card", "usb stick", "flash drive", "cable", "charger", "power bank",
        "adapter", "extension lead", "phone", "smartphone", "phone case", "screen protector", "tablet",
        "e-reader", "kindle", "smartwatch", "fitness tracker", "headphones", "earbuds", "earphones", "headset",
        "speaker", "soundbar", "subwoofer", "turntable", "record player", "microphone", "tv", "television",
        "projector", "streaming stick", "camera", "action camera", "dashcam", "doorbell", "security camera",
        "drone", "tripod", "console", "controller", "gamepad", "gaming chair", "gaming mouse",
        "graphics card", "vr headset", "smart speaker", "smart plug", "bulb", "light bulb", "lamp", "desk lamp",
        "heater", "dehumidifier", "humidifier", "air purifier", "electric toothbrush", "shaver", "trimmer",
        "hair dryer", "hairdryer", "straightener", "curling wand",
        // Home and kitchen.
        "air fryer", "kettle", "toaster", "microwave", "blender", "juicer", "food processor", "mixer",
        "stand mixer", "coffee machine", "espresso machine", "coffee maker", "coffee grinder", "rice cooker",
        "slow cooker", "pressure cooker", "bread maker", "waffle maker", "sandwich maker", "frying pan", "pan",
        "saucepan", "wok", "casserole dish", "baking tray", "knife", "knife set", "chopping board",
        "mug", "cup", "wine glass", "plate", "bowl", "dinner set", "cutlery", "cutlery set", "teapot",
        "water bottle", "flask", "lunch box", "lunchbox", "storage box", "vacuum", "vacuum cleaner", "hoover",
        "robot vacuum", "mop", "steam mop", "steamer", "washing machine", "dishwasher", "fridge", "freezer",
        "duvet", "pillow", "cushion", "blanket", "bedding", "sheet", "bed sheet", "towel", "bath towel",
        "rug", "curtains", "blind", "mirror", "alarm clock", "candle", "vase", "photo frame", "frame",
        "office chair", "sofa", "armchair", "stool", "shelf", "bookcase", "wardrobe", "mattress",
        "bed frame", "laundry basket", "ironing board", "plant pot", "doormat",
        // Sport, outdoors, toys, beauty.
        "yoga mat", "dumbbell", "kettlebell", "resistance band", "treadmill", "exercise bike", "bike", "bicycle",
        "helmet", "bike light", "scooter", "skateboard", "tent", "sleeping bag", "camping chair", "cool box",
        "football", "tennis racket", "golf club", "swimming goggles", "gym bag", "toy", "lego", "puzzle",
        "board game", "doll", "teddy", "teddy bear", "action figure", "jigsaw", "perfume", "aftershave",
        "moisturiser", "moisturizer", "shampoo", "conditioner", "make-up", "makeup", "lipstick", "nail polish",
        "gift set", "hamper", "gift card", "stationery", "notebook set", "pencil case", "school bag",
    ]

    /// Every form, lowercased, to its singular: "yoga mats" → "yoga mat".
    static let forms: [String: String] = {
        var forms: [String: String] = [:]
        for noun in nouns {
            forms[noun] = noun
            forms[plural(noun)] = noun
        }
        return forms
    }()

    /// The longest phrase, in words.
    static let longest = nouns.map { $0.split(separator: " ").count }.max() ?? 1

    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        if noun.hasSuffix("knife") { return noun.dropLast(2) + "ves" }
        return noun + "s"
    }
}

extension EntityExtractor {
    /// Items from the lexicon, longest phrase first, where no other entity sits.
    func matchItems(_ found: inout Found) {
        let tokens = found.tokens
        var position = 0
        while position < tokens.count {
            var matched = false
            for length in stride(from: min(ItemLexicon.longest, tokens.count - position), through: 1, by: -1) {
                let range = position...(position + length - 1)
                guard found.isFree(range) else { continue }
                let phrase = tokens[range].map(\.text).joined(separator: " ")
                if let noun = ItemLexicon.forms[phrase] {
                    found.add(Entity.Kind.item, .string(noun), range.lowerBound, range.upperBound)
                    position += length
                    matched = true
                    break
                }
            }
            if !matched { position += 1 }
        }
    }
}
