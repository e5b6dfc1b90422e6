"""Slot vocabularies for generate_intents.py.

A slot value is itself a small template: it may hold `<a|b>` alternations and other `{slots}`.
Slots listed in ENTITY are annotated when filled: the whole value, or only the part marked
`[[...]]` ("size [[9]]" becomes `size [9]{"entity": "size"}`). A brand value written
`shown@canonical` is annotated with an explicit value (misspellings: `samsnug@samsung`).
Empty strings in a list make the slot optional; repeating "" weights that choice.
"""

# --------------------------------------------------------------------------------------------
# Categories: (singular, plural, group). A singular of None means the word only exists in the
# plural ("jeans", "headphones"); such items are counted in pairs ("a pair of jeans").
# British and American words both appear (trainers/sneakers, jumper/sweater, telly/tv ...).
# --------------------------------------------------------------------------------------------
CATEGORIES = [
    # clothing
    ("hoodie", "hoodies", "cloth"), ("jumper", "jumpers", "cloth"), ("sweater", "sweaters", "cloth"),
    ("cardigan", "cardigans", "cloth"), ("blouse", "blouses", "cloth"), ("shirt", "shirts", "cloth"),
    ("t-shirt", "t-shirts", "cloth"), ("tee", "tees", "cloth"), ("polo shirt", "polo shirts", "cloth"),
    ("dress", "dresses", "cloth"), ("maxi dress", "maxi dresses", "cloth"), ("skirt", "skirts", "cloth"),
    ("jacket", "jackets", "cloth"), ("denim jacket", "denim jackets", "cloth"), ("rain jacket", "rain jackets", "cloth"),
    ("puffer jacket", "puffer jackets", "cloth"), ("coat", "coats", "cloth"), ("winter coat", "winter coats", "cloth"),
    ("parka", "parkas", "cloth"), ("trench coat", "trench coats", "cloth"), ("blazer", "blazers", "cloth"),
    ("suit", "suits", "cloth"), ("fleece", "fleeces", "cloth"), ("gilet", "gilets", "cloth"), ("vest top", "vest tops", "cloth"),
    ("tank top", "tank tops", "cloth"), ("crop top", "crop tops", "cloth"), ("sports bra", "sports bras", "cloth"),
    (None, "jeans", "cloth"), (None, "chinos", "cloth"), (None, "trousers", "cloth"), (None, "pants", "cloth"),
    (None, "joggers", "cloth"), (None, "leggings", "cloth"), (None, "shorts", "cloth"), (None, "pyjamas", "cloth"),
    (None, "pajamas", "cloth"), (None, "socks", "cloth"), ("swimsuit", "swimsuits", "cloth"), (None, "swim shorts", "cloth"),
    ("dressing gown", "dressing gowns", "cloth"), ("bathrobe", "bathrobes", "cloth"), ("onesie", "onesies", "cloth"),
    # footwear
    (None, "trainers", "shoes"), (None, "sneakers", "shoes"), (None, "running shoes", "shoes"), (None, "boots", "shoes"),
    (None, "chelsea boots", "shoes"), (None, "hiking boots", "shoes"), (None, "sandals", "shoes"), (None, "heels", "shoes"),
    (None, "loafers", "shoes"), (None, "slippers", "shoes"), (None, "football boots", "shoes"), (None, "flip flops", "shoes"),
    (None, "kids shoes", "shoes"), (None, "school shoes", "shoes"), (None, "wellies", "shoes"), (None, "shoes", "shoes"),
    # accessories to wear or carry
    ("backpack", "backpacks", "acc"), ("handbag", "handbags", "acc"), ("tote bag", "tote bags", "acc"),
    ("wallet", "wallets", "acc"), ("belt", "belts", "acc"), ("scarf", "scarves", "acc"), ("beanie", "beanies", "acc"),
    ("cap", "caps", "acc"), (None, "sunglasses", "acc"), (None, "gloves", "acc"), ("watch", "watches", "acc"),
    ("laptop bag", "laptop bags", "acc"), ("suitcase", "suitcases", "acc"), ("umbrella", "umbrellas", "acc"),
    # tech
    ("laptop", "laptops", "tech"), ("gaming laptop", "gaming laptops", "tech"), ("notebook", "notebooks", "tech"),
    ("phone", "phones", "tech"), ("mobile", "mobiles", "tech"), ("smartphone", "smartphones", "tech"),
    ("cell phone", "cell phones", "tech"), ("tablet", "tablets", "tech"), ("tv", "tvs", "tech"), ("telly", "tellies", "tech"),
    ("television", "televisions", "tech"), ("4k tv", "4k tvs", "tech"), ("oled tv", "oled tvs", "tech"),
    ("monitor", "monitors", "tech"), ("gaming monitor", "gaming monitors", "tech"), (None, "headphones", "tech"),
    (None, "wireless headphones", "tech"), (None, "earbuds", "tech"), (None, "earphones", "tech"), ("headset", "headsets", "tech"),
    ("speaker", "speakers", "tech"), ("bluetooth speaker", "bluetooth speakers", "tech"), ("soundbar", "soundbars", "tech"),
    ("smartwatch", "smartwatches", "tech"), ("fitness tracker", "fitness trackers", "tech"), ("camera", "cameras", "tech"),
    ("drone", "drones", "tech"), ("games console", "games consoles", "tech"), ("console", "consoles", "tech"),
    ("controller", "controllers", "tech"), ("keyboard", "keyboards", "tech"), ("mouse", "mice", "tech"),
    ("webcam", "webcams", "tech"), ("charger", "chargers", "tech"), ("power bank", "power banks", "tech"),
    ("phone case", "phone cases", "tech"), ("usb c cable", "usb c cables", "tech"), ("e-reader", "e-readers", "tech"),
    ("printer", "printers", "tech"), ("router", "routers", "tech"), ("hard drive", "hard drives", "tech"),
    # home and kitchen
    ("air fryer", "air fryers", "home"), ("coffee machine", "coffee machines", "home"), ("espresso machine", "espresso machines", "home"),
    ("kettle", "kettles", "home"), ("toaster", "toasters", "home"), ("blender", "blenders", "home"),
    ("stand mixer", "stand mixers", "home"), ("microwave", "microwaves", "home"), ("vacuum", "vacuums", "home"),
    ("hoover", "hoovers", "home"), ("robot vacuum", "robot vacuums", "home"), ("cordless vacuum", "cordless vacuums", "home"),
    ("iron", "irons", "home"), ("hair dryer", "hair dryers", "home"), ("electric toothbrush", "electric toothbrushes", "home"),
    ("desk lamp", "desk lamps", "home"), ("office chair", "office chairs", "home"), ("duvet", "duvets", "home"),
    ("pillow", "pillows", "home"), (None, "bed sheets", "home"), ("frying pan", "frying pans", "home"),
    ("knife set", "knife sets", "home"), ("slow cooker", "slow cookers", "home"), ("fan", "fans", "home"),
    ("heater", "heaters", "home"), ("dehumidifier", "dehumidifiers", "home"), (None, "towels", "home"),
    # sport, toys and the rest
    ("yoga mat", "yoga mats", "sport"), (None, "dumbbells", "sport"), ("bike helmet", "bike helmets", "sport"),
    ("tent", "tents", "sport"), ("sleeping bag", "sleeping bags", "sport"), ("water bottle", "water bottles", "sport"),
    ("lego set", "lego sets", "sport"), ("board game", "board games", "sport"), ("jigsaw puzzle", "jigsaw puzzles", "sport"),
    ("perfume", "perfumes", "sport"), ("skincare set", "skincare sets", "sport"),
]

_PAIRABLE = {"cloth", "shoes", "acc", "tech", "home", "sport"}


def _article(word):
    return "an" if word[0] in "aeio" or word.startswith(("hour", "oled", "e-")) else "a"


def _category_slots():
    slots = {}
    groups = {
        "": {"cloth", "shoes", "acc", "tech", "home", "sport"},
        "_cloth": {"cloth", "shoes", "acc"},
        "_tech": {"tech"},
        "_home": {"home"},
        "_wear": {"cloth", "shoes"},
    }
    for suffix, wanted in groups.items():
        plural, single_a, single = [], [], []
        for singular, plural_word, group in CATEGORIES:
            if group not in wanted:
                continue
            plural.append(f"[[{plural_word}]]")
            if singular:
                single_a.append(f"{_article(singular)} [[{singular}]]")
                single.append(f"[[{singular}]]")
            else:
                single_a.append(f"<a pair of|some|new> [[{plural_word}]]")
                single.append(f"[[{plural_word}]]")
        slots["cat" + suffix] = plural          # "jackets", "headphones"
        slots["cat" + suffix + "_a"] = single_a  # "a jacket", "a pair of jeans"
        slots["cat" + suffix + "_s"] = single    # "jacket" (for "the {cat_s}")
    return slots


BRANDS = [
    "sony", "samsung", "apple", "lg", "dell", "hp", "lenovo", "asus", "acer", "microsoft", "google", "xiaomi",
    "oneplus",
    "motorola", "nokia", "bose", "jbl", "sennheiser", "beats", "audio-technica", "marshall", "sonos", "philips",
    "panasonic", "hisense", "tcl", "canon", "nikon", "fujifilm", "gopro", "dji", "garmin", "fitbit", "amazfit",
    "nintendo",
    "logitech", "razer", "corsair", "steelseries", "anker", "belkin", "nike", "adidas", "puma", "reebok", "new balance",
    "asics", "under armour", "converse", "vans", "hoka", "salomon", "the north face", "patagonia", "columbia", "levis",
    "levi's", "uniqlo", "h&m", "gap", "ralph lauren", "tommy hilfiger", "calvin klein", "dr martens", "timberland",
    "ugg",
    "birkenstock", "crocs", "dyson", "shark", "ninja", "kitchenaid", "breville", "delonghi", "nespresso", "smeg",
    "tefal",
    "bosch", "kenwood", "russell hobbs", "instant pot", "le creuset", "lego", "casio", "fossil", "ray-ban", "oakley",
    "samsonite", "herschel", "eastpak", "superdry", "barbour", "fred perry", "lululemon", "gymshark", "champion",
    "fila", "skechers", "clarks", "oral-b", "braun", "remington", "ghd", "kindle", "kobo", "jabra", "skullcandy",
    "samsnug@samsung", "addidas@adidas", "lenvo@lenovo", "niike@nike", "soni@sony", "boze@bose", "phillips@philips",
    "assus@asus", "appel@apple", "dysen@dyson",
]

PRODUCTS = [
    "iphone 15", "iphone 15 pro", "iphone 14", "iphone se", "galaxy s24", "galaxy s24 ultra", "galaxy a54",
    "galaxy z flip 5",
    "pixel 8", "pixel 8 pro", "pixel 7a", "oneplus 12", "airpods pro", "airpods pro 2", "airpods max", "airpods 3",
    "wh-1000xm5", "wh-1000xm4", "wf-1000xm5", "quietcomfort ultra", "quietcomfort 45", "momentum 4",
    "galaxy buds 2 pro",
    "macbook air", "macbook air m3", "macbook pro 14", "xps 13", "xps 15", "thinkpad x1 carbon", "ideapad 5",
    "surface pro 9",
    "surface laptop 5", "zenbook 14", "rog zephyrus g14", "chromebook plus", "ipad air", "ipad pro", "ipad mini",
    "galaxy tab s9", "kindle paperwhite", "kindle oasis", "apple watch series 9", "apple watch ultra 2",
    "galaxy watch 6",
    "forerunner 265", "venu 3", "fitbit charge 6", "pixel watch 2", "ps5", "ps5 slim", "xbox series x", "xbox series s",
    "switch oled", "steam deck", "dualsense controller", "bravia x90l", "oled c3", "oled g3", "qn90c", "the frame",
    "sonos era 100", "sonos beam", "jbl flip 6", "charge 5", "mx master 3s", "g pro x superlight", "gopro hero 12",
    "dji mini 4 pro", "eos r50", "x-t5", "dyson v15", "dyson v8", "airwrap", "supersonic", "roomba j7", "shark stratos",
    "nespresso vertuo", "barista express", "ninja foodi", "ninja af100", "instant pot duo", "kitchenaid artisan",
    "pegasus 40", "air max 90", "air force 1", "dunk low", "ultraboost", "samba og", "gazelle", "stan smith", "990v6",
    "574", "gel-kayano 30", "gel-nimbus 25", "clifton 9", "bondi 8", "chuck taylor", "old skool", "1460 boots",
    "501 jeans", "nuptse jacket", "better sweater", "align leggings", "classic mini boots",
]

COLORS = [
    "black", "white", "grey", "gray", "charcoal", "silver", "gold", "rose gold", "navy", "blue", "light blue",
    "sky blue",
    "royal blue", "teal", "turquoise", "green", "olive", "khaki", "sage", "mint", "forest green", "emerald", "red",
    "maroon", "burgundy", "wine", "pink", "hot pink", "blush", "coral", "purple", "violet", "lilac", "lavender", "plum",
    "beige", "cream", "ivory", "tan", "camel", "brown", "chocolate", "yellow", "mustard", "orange", "rust", "peach",
    "off white", "stone", "denim blue", "midnight", "space grey", "graphite", "colour block@multicolour",
]

SIZES = [
    "size [[S]]", "size [[M]]", "size [[L]]", "size [[XL]]", "size [[XXL]]", "size [[XS]]", "[[small]]", "[[medium]]",
    "[[large]]", "[[extra large]]", "size [[12]]", "size [[7.5]]", "size [[8]]", "size [[9]]", "size [[10]]",
    "[[uk 8]]",
    "[[us 10]]", "[[eu 42]]", "[[eu 38]]", "size [[44]]", "[[30x32]]", "[[34 long]]", "[[petite]]", "[[plus size]]",
    "size [[16]]", "size [[6]]", "[[age 7-8]]", "[[3-4 years]]", "[[m]]", "[[l]]", "[[xl]]", "[[s]]", "[[XL]]", "[[M]]",
]
# sizes said with an article, after "in": "in a medium", "in an XL", "in a size 9"
SIZES_A = ["a [[medium]]", "a [[large]]", "a [[small]]", "an [[XL]]", "an [[8]]", "a size [[9]]", "a size [[10]]",
           "a [[uk 7]]", "a [[32 waist]]", "an [[XS]]", "a [[size 12]]", "a [[14]]", "an [[eleven]]"]
SIZES_TECH = ["[[55 inch]]", "[[65 inch]]", "[[43 inch]]", "[[75 inch]]", "[[32 inch]]", "[[27 inch]]", "[[13 inch]]",
              "[[15 inch]]", "[[128gb]]", "[[256gb]]", "[[512gb]]", "[[1tb]]", "[[41mm]]", "[[45mm]]", "[[1.7 litre]]",
              "[[5.5 litre]]"]

SLOTS = {
    "brand": BRANDS,
    "product": PRODUCTS,
    "color": COLORS,
    "size": SIZES,
    "size_a": SIZES_A,
    "size_tech": SIZES_TECH,
    # a size phrase the way people slot it after "in" or "a": "in a medium", "in size 10"
    "insize": ["in {size}", "in {size}", "in {size_a}", "{size}"],
    "price": [
        "under $50", "under 100", "below 200", "less than 300 dollars", "between 300 and 500", "around 80 quid",
        "max 1000", "$20-$40", "for under 150 bucks", "under £60", "no more than 250", "over 1000", "from 50 to 100",
        "under a hundred", "below €80", "cheaper than 400", "up to 700", "under 30 pounds", "for less than $25",
        "under 2k", "around $600", "within a 200 budget", "for about 40 euros", "under twenty quid", "sub 500",
        "in the 100 to 150 range", "below $1,200", "for 60 or less", "on a budget of 300", "less than £1000",
    ],
    "budget": ["$20", "$30", "50 dollars", "£25", "40 quid", "100", "€60", "£15", "75 bucks", "200", "$150",
    "ten pounds"],
    "adj": [
        "cheap", "budget", "affordable", "premium", "high end", "decent", "good quality", "lightweight", "waterproof",
        "durable", "kids", "mens", "womens", "men's", "women's", "unisex", "second hand", "refurbished", "new",
        "compact", "stylish", "comfy", "warm", "eco friendly", "vegan", "sustainable", "basic", "classic",
    ],
    "adj_cloth": [
        "slim fit", "oversized", "cropped", "high waisted", "wide leg", "vintage", "chunky", "organic cotton", "linen",
        "leather", "wool", "cashmere", "merino", "waterproof", "breathable", "stretchy", "plus size", "petite",
        "long sleeve", "short sleeve", "sleeveless", "hooded", "padded", "lightweight", "warm", "summer", "winter",
        "smart", "casual", "formal", "mens", "womens", "kids", "girls", "boys", "baggy", "skinny", "relaxed fit",
    ],
    "adj_tech": [
        "wireless", "noise cancelling", "bluetooth", "gaming", "4k", "smart", "portable", "refurbished", "budget",
        "high end", "lightweight", "waterproof", "curved", "ultrawide", "ergonomic", "mechanical", "rechargeable",
        "fast charging", "cheap", "decent", "compact", "foldable", "touchscreen", "student", "entry level",
    ],
    "pattern": [
        "knit", "cable knit", "striped", "floral", "checked", "plaid", "tartan", "polka dot", "leopard print", "plain",
        "ribbed", "denim", "linen", "corduroy", "suede", "velvet", "satin", "quilted", "tie-dye", "houndstooth",
        "paisley", "camo", "pinstripe", "crochet", "fleece lined", "embroidered",
    ],
    "fabric": ["cotton", "wool", "linen", "polyester", "leather", "silk", "denim", "cashmere", "fleece", "nylon",
               "recycled materials", "bamboo", "merino", "suede", "canvas"],
    "feature": [
        "longer battery life", "noise cancelling", "more storage", "a bigger screen", "a smaller screen", "usb c",
        "a backlit keyboard", "an oled screen", "wireless charging", "a better camera", "more ram", "a touchscreen",
        "a headphone jack", "gps", "a mic", "dolby atmos", "hdmi 2.1", "a faster processor", "water resistance",
        "a longer warranty", "more ports", "a higher refresh rate", "bluetooth 5.3", "a quieter motor",
        "a bigger capacity",
    ],
    "spec": [
        "battery life", "screen size", "resolution", "refresh rate", "weight", "storage", "ram", "processor", "wattage",
        "capacity", "dimensions", "warranty", "material", "fabric", "fit", "sole", "heel height", "charging time",
        "range",
        "noise level", "camera", "water resistance rating", "ip rating", "fabric composition", "care instructions",
        "weight limit", "cable length", "connectivity", "operating system", "build quality",
    ],
    "hobby": [
        "running", "cycling", "yoga", "photography", "gaming", "hiking", "camping", "the gym", "skiing",
        "video editing",
        "coding", "music production", "drawing", "marathon training", "baking", "swimming", "podcasting", "climbing",
        "pilates", "streaming", "djing", "home workouts", "golf", "tennis", "fishing", "vlogging",
    ],
    "use": [
        "gaming", "running", "the gym", "travel", "work", "school", "uni", "college", "video editing", "photography",
        "hiking", "commuting", "a wedding", "the office", "working from home", "a small kitchen", "a student flat",
        "winter", "the beach", "yoga", "cycling", "camping", "a long flight", "netflix", "drawing", "zoom calls",
        "a party", "everyday wear", "festivals", "the rain", "walking the dog", "a job interview", "streaming",
        "marathon training", "skiing", "a new baby", "a big family", "music production", "coding",
    ],
    "ord": ["first", "second", "third", "fourth", "fifth", "last", "1st", "2nd", "3rd", "4th", "top", "bottom",
    "middle",
            "next", "other", "previous", "final"],
    "num": ["1", "2", "3", "4", "5", "two", "three", "four", "one"],
    "side": ["on the left", "on the right", "in the middle", "at the top", "at the bottom", "on the far left",
             "on the far right", "in the first row", "top left", "bottom right", "next to it", "below that"],
    # a reference to one product the assistant showed before
    "ref": [
        "the {ord} one", "the {ord} one", "the {ord} one you showed", "the {ord} one you showed me", "that one",
        "this one", "the one {side}", "the one {side}", "the {color} one", "the {brand} one",
        "the {color} {cat_s} {side}",
        "the {cat_s} you just showed me", "the {ord} {cat_s}", "number {num}", "option {num}", "the {product}",
        "the cheaper one", "the more expensive one", "the {color} one you showed earlier", "the {ord} result",
        "item {num}", "the {brand} {cat_s}", "the {color} {cat_s}", "the {product} you mentioned",
        "the one you recommended",
        "the {ord} {cat_s} you showed", "the {cat_s} {side}", "that {color} {cat_s}", "the {product} in {color}",
    ],
    # a reference to several shown products
    "refs": [
        "those {color} {cat}", "these {cat}", "the {brand} ones", "the first two", "the ones {side}", "all of them",
        "both of them", "the {color} ones", "the last three", "those", "these", "the {cat} you showed me", "both",
        "the top three", "those {cat}", "the {adj} ones", "the {color} and {color} ones", "the {brand} {cat}",
    ],
    # "it" or any reference: a little over half the time a pronoun
    "it": ["it", "it", "this", "that", "this one", "that one", "{ref}", "{ref}", "{ref}", "{ref}"],
    # prefixes and suffixes of a turn: about a third of the turns get one
    "pre": [""] * 50 + ["hi ", "hey ", "hello, ", "ok ", "okay so ", "right, ", "um ", "so ",
            "quick question, ", "sorry, ", "excuse me, ", "hiya, ", "morning, ", "yeah ", "also ", "and ", "oh and ",
            "one more thing, ", "hmm ", "cool, ", "great, ", "thanks, ", "actually ", "ok and ", "alright, "],
    "pls": [""] * 25 + [" please", " pls", " plz", " thanks", " thank you", " cheers", " mate",
            " if you can", " x", " asap", " thx"],
    "person": [
        "my mum", "my mom", "my dad", "my sister", "my brother", "my boyfriend", "my girlfriend", "my wife",
        "my husband",
        "my partner", "my son", "my daughter", "my nan", "my grandma", "my grandad", "my aunt", "my uncle", "my niece",
        "my nephew", "my best friend", "my boss", "a coworker", "my colleague", "my teacher", "my neighbour",
        "a teenager",
        "a 10 year old", "a toddler", "my flatmate", "my in-laws", "my fiance", "my godson", "my stepdad", "my cousin",
    ],
    "user_type": [
        "a runner", "a gamer", "a student", "a beginner", "a photographer", "a nurse", "a commuter", "a teenager",
        "someone who travels a lot", "someone with small hands", "a pro", "an office worker", "a new mum", "my kid",
        "my teenage son", "my elderly dad", "a home cook", "a small flat", "a family of four", "someone on a budget",
        "a uni student", "a music lover", "a heavy user", "a first timer", "people with back pain", "flat feet",
        "wide feet", "sensitive skin", "someone who works night shifts",
    ],
}
SLOTS.update(_category_slots())

# Slots annotated as entities when filled, and how: "paren" gives `[x](type)`, "json" gives
# `[x]{"entity": "type"}` (the form the hand-written files use for colours and sizes).
ENTITY = {
    "brand": ("brand", "paren"),
    "product": ("product", "paren"),
    "color": ("color", "json"),
    "size": ("size", "json"),
    "size_a": ("size", "json"),
    "size_tech": ("size", "json"),
    "code": ("discount_code", "paren"),
    "order": ("order_number", "paren"),
}
for _name in list(SLOTS):
    if _name.startswith("cat"):
        ENTITY[_name] = ("category", "paren")
