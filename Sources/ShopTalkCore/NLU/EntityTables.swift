/// Built-in word tables of the entity extractor. Training data can add to them (lookups, synonyms).
enum EntityTables {
    /// Words shoppers use for a category, mapped to the catalog's category name.
    static let categoryWords: [String: String] = [
        "phone": "phones", "phones": "phones", "smartphone": "phones", "smartphones": "phones", "mobile": "phones",
        "mobiles": "phones", "iphone": "phones", "iphones": "phones",
        "laptop": "laptops", "laptops": "laptops", "notebook": "laptops", "notebooks": "laptops", "macbook": "laptops",
        "headphone": "headphones", "headphones": "headphones", "earbuds": "headphones", "earphones": "headphones",
        "headset": "headphones", "headsets": "headphones", "earbud": "headphones",
        "tv": "tvs", "tvs": "tvs", "television": "tvs", "televisions": "tvs", "telly": "tvs", "tellies": "tvs",
        "shoe": "shoes", "shoes": "shoes", "sneakers": "shoes", "sneaker": "shoes", "trainer": "shoes", "trainers": "shoes",
        "clothing": "clothing", "clothes": "clothing", "hoodie": "clothing", "hoodies": "clothing", "t-shirt": "clothing",
        "t-shirts": "clothing", "jacket": "clothing", "jackets": "clothing", "jeans": "clothing", "joggers": "clothing",
        "fleece": "clothing", "pants": "clothing",
        "kitchen": "home & kitchen", "appliances": "home & kitchen", "vacuum": "home & kitchen", "vacuums": "home & kitchen",
        "blender": "home & kitchen", "kettle": "home & kitchen", "microwave": "home & kitchen",
        "accessories": "accessories", "accessory": "accessories", "charger": "accessories", "chargers": "accessories",
        "cable": "accessories", "cables": "accessories", "soundbar": "accessories", "mouse": "accessories",
        "keyboard": "accessories", "webcam": "accessories",
        "smartwatch": "smartwatches", "smartwatches": "smartwatches", "watch": "smartwatches", "watches": "smartwatches",
        "tablet": "tablets", "tablets": "tablets", "ipad": "tablets", "ipads": "tablets",
        "gaming": "gaming", "console": "gaming", "consoles": "gaming", "controller": "gaming", "controllers": "gaming",
    ]

    /// Category words that name a kind of product narrower than the category; they also become search terms.
    static let specificWords: Set<String> = [
        "hoodie", "hoodies", "t-shirt", "t-shirts", "jacket", "jackets", "jeans", "joggers", "fleece", "pants",
        "vacuum", "vacuums", "blender", "kettle", "microwave", "charger", "chargers", "cable", "cables", "soundbar",
        "mouse", "keyboard", "webcam", "console", "consoles", "controller", "controllers", "earbuds", "earbud",
        "sneakers", "sneaker", "iphone", "iphones", "ipad", "ipads", "macbook",
    ]

    /// Phrases that name a category with several words.
    static let categoryPhrases: [String: String] = [
        "running shoes": "shoes", "air fryer": "home & kitchen", "coffee machine": "home & kitchen",
        "espresso machine": "home & kitchen", "stand mixer": "home & kitchen", "power bank": "accessories",
        "phone case": "accessories", "phone cases": "accessories", "wireless earbuds": "headphones",
        "gaming laptop": "laptops", "robot vacuum": "home & kitchen", "smart watch": "smartwatches",
        "home and kitchen": "home & kitchen", "home & kitchen": "home & kitchen",
    ]

    static let colors: Set<String> = [
        "black", "white", "grey", "gray", "silver", "gold", "blue", "navy", "red", "green", "pink", "purple",
        "beige", "brown", "yellow", "orange",
    ]

    /// Shades and colour names shoppers use, mapped to the base colour a catalog lists.
    static let colorShades: [String: String] = [
        "olive": "green", "khaki": "green", "sage": "green", "mint": "green", "emerald": "green", "lime": "green",
        "forest": "green", "teal": "blue", "turquoise": "blue", "aqua": "blue", "cobalt": "blue", "azure": "blue",
        "cyan": "blue", "indigo": "blue", "denim": "blue", "maroon": "red", "burgundy": "red", "crimson": "red",
        "scarlet": "red", "wine": "red", "cherry": "red", "ruby": "red", "oxblood": "red", "violet": "purple",
        "lilac": "purple", "lavender": "purple", "plum": "purple", "mauve": "purple", "magenta": "pink",
        "fuchsia": "pink", "rose": "pink", "blush": "pink", "salmon": "pink", "coral": "orange", "peach": "orange",
        "rust": "orange", "tangerine": "orange", "amber": "orange", "mustard": "yellow", "lemon": "yellow",
        "cream": "white", "ivory": "white", "offwhite": "white", "off-white": "white", "charcoal": "grey",
        "slate": "grey", "graphite": "grey", "ash": "grey", "tan": "brown", "camel": "brown", "chocolate": "brown",
        "mocha": "brown", "taupe": "brown", "chestnut": "brown", "cognac": "brown", "sand": "beige", "stone": "beige",
        "oatmeal": "beige", "nude": "beige", "ecru": "beige", "jet": "black", "onyx": "black", "ebony": "black",
        "golden": "gold", "champagne": "gold", "bronze": "gold", "chrome": "silver", "platinum": "silver",
        "grey-green": "green", "blue-grey": "grey", "greyish": "grey", "greenish": "green", "bluish": "blue",
        "reddish": "red", "pinkish": "pink", "purplish": "purple", "blueish": "blue", "yellowish": "yellow",
    ]

    /// Words before a colour that keep it the same base colour ("dirty green", "sky blue", "navy blue").
    static let colorModifiers: Set<String> = [
        "light", "dark", "pale", "deep", "bright", "dirty", "dusty", "muted", "forest", "sky", "royal", "baby", "hot",
        "neon", "bottle", "mint", "pastel", "electric", "midnight", "army", "racing", "powder", "jet", "soft", "off",
    ]

    /// Words for clothes and shoes: a letter just before one is a size ("any L coats?").
    static let garmentWords: Set<String> = [
        "coat", "coats", "dress", "dresses", "shirt", "shirts", "t-shirt", "t-shirts", "tee", "tees", "top", "tops",
        "jumper", "jumpers", "sweater", "sweaters", "hoodie", "hoodies", "jacket", "jackets", "jeans", "trousers",
        "pants", "joggers", "shorts", "skirt", "skirts", "blouse", "blouses", "fleece", "fleeces", "cardigan",
        "cardigans", "vest", "vests", "leggings", "parka", "parkas", "blazer", "blazers", "polo", "polos",
    ]

    static let countries: [String: String] = [
        "united kingdom": "United Kingdom", "uk": "United Kingdom", "u.k.": "United Kingdom", "england": "United Kingdom",
        "britain": "United Kingdom", "great britain": "United Kingdom", "scotland": "United Kingdom", "wales": "United Kingdom",
        "germany": "Germany", "deutschland": "Germany", "france": "France", "netherlands": "Netherlands",
        "the netherlands": "Netherlands", "holland": "Netherlands", "belgium": "Belgium", "spain": "Spain",
        "portugal": "Portugal", "italy": "Italy", "switzerland": "Switzerland", "austria": "Austria",
        "ireland": "EIRE", "eire": "EIRE", "republic of ireland": "EIRE", "norway": "Norway", "sweden": "Sweden",
        "denmark": "Denmark", "finland": "Finland", "poland": "Poland", "australia": "Australia",
        "united states": "United States", "usa": "United States", "america": "United States", "canada": "Canada",
        "japan": "Japan", "singapore": "Singapore", "israel": "Israel", "channel islands": "Channel Islands",
        "cyprus": "Cyprus", "greece": "Greece", "iceland": "Iceland", "brazil": "Brazil", "lebanon": "Lebanon",
        "lithuania": "Lithuania", "malta": "Malta", "czech republic": "Czech Republic", "bahrain": "Bahrain",
        "saudi arabia": "Saudi Arabia", "united arab emirates": "United Arab Emirates", "uae": "United Arab Emirates",
        "hong kong": "Hong Kong", "rsa": "RSA", "south africa": "RSA", "european community": "European Community",
    ]

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "dozen": 12, "couple": 2, "pair": 2, "single": 1,
    ]

    /// Common English words that must never be read as a misspelt brand or category.
    static let commonWords: Set<String> = [
        "about", "above", "after", "again", "also", "anything", "around", "away", "back", "been", "before", "best",
        "better", "black", "blue", "book", "both", "bought", "brand", "bring", "call", "came", "cant", "card", "case",
        "cash", "cheap", "check", "code", "colour", "color", "come", "cost", "could", "data", "date", "days", "deal",
        "deals", "does", "done", "dont", "down", "each", "else", "even", "ever", "every", "fine", "find", "first",
        "free", "from", "gift", "give", "gold", "good", "great", "green", "have", "hello", "help", "here", "home",
        "hope", "just", "keep", "kind", "know", "last", "left", "like", "line", "list", "little", "long", "look",
        "love", "made", "make", "many", "mine", "month", "more", "most", "much", "must", "name", "need", "never",
        "next", "nice", "none", "only", "open", "order", "orders", "other", "over", "pack", "paid", "phone", "pink",
        "place", "please", "price", "range", "real", "right", "same", "sale", "says", "save", "seen", "sell", "send",
        "show", "silver", "size", "some", "song", "soon", "sound", "still", "stock", "such", "sure", "take", "tell",
        "than", "thank", "thanks", "that", "their", "them", "then", "there", "these", "they", "thing", "think", "thinks",
        "this", "those", "time", "today", "total", "track", "under", "very", "want", "week", "well", "went", "were",
        "what", "when", "where", "which", "while", "white", "will", "wish", "with", "work", "would", "year", "your",
        "sales", "sold", "store", "shop", "items", "item", "stuff", "money", "refund", "return", "ship", "shipped",
        "model", "models", "color", "colours", "colors", "sizes", "later", "maybe", "should", "share", "shirt",
        "short", "shorts", "sorry", "start", "stop", "story", "thats", "whats", "wheres", "youre", "cheaper",
        "cheapest", "large", "medium", "small", "wrong", "broken", "light", "lights", "night", "right", "great",
        "fast", "weather", "water", "music", "movie", "watching", "phones", "games", "game",
    ]
}
