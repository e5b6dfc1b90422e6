"""Templates for short shopper turns, part 2 of the catalogue and product intents: find_products,
product_details, product_recommendation, price_inquiry, check_stock.

Shoppers often type very little: a bare noun phrase ("4 slice toaster", "bucket hats for kids?"), a
two-word question about the item on screen ("dishwasher safe?", "r they lined"), or an opinion
("worth upgrading?", "left or right one?"). These templates cover that, over kinds of goods well
beyond the categories of slots.py (kitchen appliances, homeware, bedding, bags and wallets, sandals,
hats, sports gear, office furniture, hubs and adapters, toys, garden, baby, pets, travel, beauty).

Labelling rules (the same as templates_catalog.py and templates_product_info.py):
* find_products: a noun phrase on its own, with or without "any", "pls", "?", a count, a material, a
  size or a use ("2 person tent", "wallets for men", "beach bags?") is a search.
* product_details: a question about an attribute of the item or items already shown, with no product
  named ("lined or not?", "is it unlocked", "batteries included?", "warranty on this one?").
  "Is it worth it" stays product_details (as in templates_product_info.py); "worth upgrading?" and
  every pick between options is product_recommendation.
* product_recommendation: asking for an opinion, a pick or the best thing for the shopper's own
  situation ("best trainers for a nurse on her feet all day", "torn between these two"); a present
  for someone else is gift_ideas, so no situation here names another person.
* price_inquiry / check_stock: only the price / only the availability of a named kind of good.

The goods slots are left unannotated on purpose: the server's entity extractor marks most of these
nouns as `item` entities (ItemLexicon) both in training and at run time, and a noun it does not know
stays a plain word in both, so the training text looks like what the classifier will see.
"""


def _plural(noun):
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith("knife"):
        return noun[:-2] + "ves"
    return noun + "s"


def _goods(words):
    """'toaster' or 'toaster/toasters' or '/sandals' (plural only) -> (singulars, plurals)."""
    singular, plural = [], []
    for word in words.split(","):
        word = word.strip()
        if not word:
            continue
        if "/" in word:
            one, many = word.split("/")
        else:
            one, many = word, _plural(word)
        if one:
            singular.append(one)
        plural.append(many)
    return singular, plural


_GROUPS = {
    "kitchen": """toaster, kettle, rice cooker, food processor, hand blender, stick blender, juicer, coffee grinder,
        milk frother, bread maker, waffle maker, pressure cooker, soup maker, ice cream maker, popcorn maker,
        hand mixer, deep fat fryer, food steamer, dehydrator, health grill, sandwich toaster, mini oven, halogen oven,
        soda maker, egg cooker, kitchen scale, cake tin, baking tray, roasting tin, casserole dish, saucepan, wok,
        griddle pan, skillet, chopping board, knife block, mixing bowl, cafetiere, teapot, travel mug, lunch box,
        bento box, flask, bread bin, spice rack, colander, /tea towels, /oven gloves, apron, ice cube tray, salad spinner,
        pizza stone, mandoline, garlic press, tin opener, /measuring spoons, water filter jug, cocktail shaker""",
    "home": """cushion, throw, rug, doormat, /curtains, blackout blind, lampshade, floor lamp, table lamp, /fairy lights,
        candle, reed diffuser, vase, wall mirror, wall clock, photo frame, storage basket, laundry basket, clothes airer,
        ironing board, shoe rack, coat stand, side table, bedside table, plant pot, pedal bin, shower curtain, bath mat,
        toilet brush, towel rail, soap dispenser, draught excluder, hot water bottle, door stop, key hook, coat hook,
        magazine rack, storage box, vacuum storage bag, clothes rail, room divider, bean bag, footstool, tealight holder""",
    "bedding": """duvet cover, fitted sheet, flat sheet, pillowcase, mattress topper, mattress protector, weighted blanket,
        electric blanket, throw blanket, bedspread, bed set, pillow protector, cot sheet, valance, bolster cushion,
        summer duvet, winter duvet, feather pillow, memory foam pillow, bamboo sheet, /linen bedding, /flannel sheets""",
    "bags": """crossbody bag, bum bag, belt bag, messenger bag, rucksack, duffel bag, weekender bag, gym bag, beach bag,
        cool bag, make up bag, wash bag, card holder, coin purse, purse, clutch bag, satchel, drawstring bag,
        lunch bag, cabin bag, passport holder, key pouch, shopper bag, bucket bag, shoulder bag, camera bag,
        bifold wallet, phone wallet, rfid wallet, travel wallet, bag for life, nappy bag""",
    "shoes": """/sandals, /sliders, /espadrilles, /mules, /clogs, /walking sandals, /ballet flats, /brogues, /deck shoes,
        /wedges, /ankle boots, /snow boots, /water shoes, /trail shoes, /court shoes, /platform trainers, /slip ons,
        /jelly shoes, /barefoot shoes, /derby shoes, /knee high boots, /cowboy boots, /plimsolls, /moccasins,
        /work boots, /steel toe boots, /golf shoes, /boat shoes, /hiking sandals, /toe post sandals""",
    "hats": """bucket hat, sun hat, baseball cap, flat cap, fedora, straw hat, panama hat, trapper hat, beret, visor,
        bobble hat, balaclava, cowboy hat, trucker cap, snapback, wide brim hat, fisherman beanie, /ear warmers,
        headband, legionnaire hat, rain hat, cycling cap""",
    "sport": """tennis racket, badminton set, football, basketball, netball, rugby ball, /shin pads, /goalkeeper gloves,
        /boxing gloves, skipping rope, resistance band, kettlebell, foam roller, weight bench, pull up bar,
        exercise bike, treadmill, rowing machine, /swimming goggles, swim cap, wetsuit, paddle board, bodyboard,
        snorkel set, /golf balls, golf glove, cricket bat, hockey stick, /climbing shoes, chalk bag, bike lock,
        /bike lights, bike pump, running belt, hydration pack, /trekking poles, camping stove, camping chair,
        head torch, cool box, ab roller, gym ball, punch bag, table tennis bat, /weightlifting gloves, /knee sleeves,
        jump rope, stopwatch, /ankle weights, hula hoop, frisbee, cricket ball, dartboard""",
    "office": """desk, standing desk, desk chair, ergonomic chair, monitor arm, monitor stand, laptop stand, footrest,
        filing cabinet, desk organiser, whiteboard, desk mat, drawer unit, bookcase, corner desk, desk riser,
        kneeling chair, saddle stool, cable tray, desk shelf, pin board, paper shredder, label maker, laminator,
        /noticeboards, desk fan, office stool, wrist rest, document holder, stapler""",
    "hubs": """usb c hub, usb hub, hdmi adapter, travel adapter, plug adapter, docking station, hdmi cable,
        lightning cable, sd card reader, extension lead, surge protector, wireless charger, charging stand, multi plug,
        ethernet cable, wifi extender, mesh wifi system, hdmi splitter, displayport cable, usb stick, memory card,
        external ssd, usb c to hdmi adapter, usb c dongle, car charger, charging cable, usb c adapter, kvm switch,
        powerline adapter, usb wall plug, magsafe charger, cable organiser, thunderbolt dock, usb c charger""",
    "toys": """building block, dolls house, teddy, soft toy, remote control car, train set, play kitchen, craft kit,
        slime kit, balance bike, trampoline, paddling pool, water gun, nerf gun, kite, bubble machine, play tent,
        stacking toy, baby walker, ride on car, toy drone, science kit, /magnetic tiles, marble run, dinosaur toy,
        action figure, jigsaw, card game, toy car, wooden train, play mat, shape sorter, rocking horse, sand pit,
        /walkie talkies, toy guitar, dress up costume, puppet, fidget toy, colouring book, art set, doll""",
    "garden": """garden hose, hose reel, parasol, garden bench, deck chair, hammock, planter, watering can,
        lawn mower, hedge trimmer, leaf blower, strimmer, pressure washer, bbq, gas bbq, fire pit, patio heater,
        /garden lights, solar light, bird feeder, compost bin, garden kneeler, /gardening gloves, rotary washing line,
        sun lounger, garden parasol base, plant stand, raised bed, /secateurs, wheelbarrow, garden shed""",
    "baby": """pushchair, pram, baby carrier, high chair, changing bag, cot, moses basket, baby monitor, car seat,
        baby bath, bottle steriliser, bottle warmer, baby bouncer, playpen, stair gate, baby sling, travel cot,
        swaddle, baby gym, /muslins, /sleepsuits, breast pump, booster seat, potty, night light""",
    "pets": """dog bed, cat tree, dog lead, dog harness, dog collar, cat carrier, pet carrier, dog crate, scratching post,
        cat litter tray, dog bowl, pet fountain, dog coat, chew toy, dog ball launcher, bird cage, hamster cage,
        fish tank, dog raincoat, pet camera, cat flap, /poo bags""",
    "travel": """packing cube, neck pillow, luggage tag, luggage scale, toiletry bag, /travel bottles, luggage strap,
        travel pillow, eye mask, /ear plugs, underseat bag, hard shell suitcase, carry on suitcase, suit carrier,
        money belt, travel towel, kit bag, hold luggage bag""",
    "beauty": """hair straightener, curling wand, beard trimmer, electric shaver, epilator, /hair clippers,
        /makeup brushes, vanity mirror, hot brush, hair crimper, nail kit, facial steamer, massage gun,
        foot spa, /bath bombs, /rollers, /heated rollers, hair dryer brush, body trimmer, nose trimmer""",
    "tech": """record player, turntable, smart plug, smart bulb, ring light, tripod, microphone, dash cam, walkie talkie,
        alarm clock, radio, dab radio, graphics tablet, projector, portable monitor, streaming stick, smart speaker,
        baby monitor, security camera, video doorbell, label printer, photo printer, instant camera, e-reader cover,
        bluetooth tracker, digital photo frame, sunrise alarm clock, karaoke machine, metal detector, calculator""",
}

_SINGULAR, _PLURALS = {}, {}
for _name, _words in _GROUPS.items():
    _SINGULAR[_name], _PLURALS[_name] = _goods(_words)

# phrases with a count, size, material or use built in, per group (alternations allowed)
_MODIFIED = {
    "kitchen": [
        "<2|4> slice toaster<|s>", "<1.5|1.7|1 litre|0.5> <litre |>kettle", "<3|3.5|5|6.5> litre slow cooker",
        "<4|5.5|7|9> litre air fryer", "dual basket air fryer", "glass kettle<|s>", "quiet kettle", "rapid boil kettle",
        "cordless hand blender", "bean to cup coffee machine", "pod coffee machine<|s>", "bamboo chopping board<|s>",
        "cast iron casserole dish", "non stick frying pan<|s>", "induction pan<|s>", "<5|6|10> piece pan set",
        "stainless steel saucepan<|s>", "ceramic mixing bowl<|s>", "<6|8|12> cup cafetiere", "enamel teapot",
        "leak proof lunch box<|es>", "insulated travel mug<|s>", "<500ml|750ml|1 litre> flask", "mini rice cooker",
        "<2|3|4> tier food steamer", "digital kitchen scales", "wooden spoon set", "silicone baking mat<|s>",
        "square cake tin<|s>", "<20|23> cm cake tin", "toaster with bagel setting", "retro toaster", "black kettle",
        "copper utensil<|s>", "4 cup coffee maker", "kids lunch box<|es>", "marble chopping board", "large wok",
        "electric pressure cooker", "manual coffee grinder", "milk frother for lattes", "stainless steel bread bin",
        "<6|12> hole muffin tray", "loaf tin<|s>", "2 slot toaster", "wide slot toaster", "sandwich maker for 4",
    ],
    "home": [
        "velvet cushion<|s>", "<40|45|50> cm cushion<|s>", "faux fur throw", "wool rug", "<washable|round|runner> rug",
        "<120x170|160x230> rug", "coir doormat", "blackout curtains", "<66x72|90x90> curtains", "linen curtains",
        "rattan lampshade", "arc floor lamp", "brass table lamp", "battery fairy lights", "<10|20> metre fairy lights",
        "soy candle<|s>", "3 wick candle", "glass vase<|s>", "<large|round|full length> mirror", "silent wall clock",
        "<a4|6x4|5x7> photo frame<|s>", "wicker storage basket<|s>", "<3|4> tier clothes airer", "heated clothes airer",
        "<10|20> pair shoe rack", "bamboo bath mat", "mould resistant shower curtain", "ceramic plant pot<|s>",
        "<30|50> litre pedal bin", "recycling bin<|s>", "chrome towel rail", "kids bean bag", "oak side table",
        "bedside table with drawers", "under bed storage box<|es>", "rechargeable table lamp", "large candle<|s>",
        "teddy fleece throw", "chunky knit throw", "outdoor rug", "door draught excluder",
    ],
    "bedding": [
        "<double|king size|single|super king> duvet cover<|s>", "<double|king size|single|super king> fitted sheet<|s>",
        "<4.5|10.5|13.5|7.5> tog duvet", "<400|600|200> thread count sheets", "egyptian cotton bedding",
        "cotton pillowcase<|s>", "silk pillowcase<|s>", "memory foam mattress topper", "<5|7> cm mattress topper",
        "waterproof mattress protector", "<5|7|9> kg weighted blanket", "dual control electric blanket",
        "cooling pillow<|s>", "hypoallergenic pillow<|s>", "extra deep fitted sheet<|s>", "kids bedding",
        "dinosaur bedding", "seersucker duvet set", "brushed cotton bedding", "pack of 2 pillows", "cot bed duvet",
        "linen duvet cover", "grey bedding", "cosy winter bedding", "non iron bedding", "all seasons duvet",
    ],
    "bags": [
        "leather crossbody bag<|s>", "canvas tote<|s>", "<20|30|40> litre rucksack", "waterproof rucksack",
        "rolltop backpack", "leather wallet<|s>", "slim wallet<|s>", "mens wallet<|s>", "womens purse<|s>",
        "wallet<|s> for men", "card holder<|s> with coin pocket", "vegan leather handbag<|s>", "straw beach bag<|s>",
        "insulated cool bag", "hanging wash bag", "clear make up bag", "nylon bum bag", "kids rucksack",
        "school bag<|s> for year 7", "laptop backpack 15 inch", "anti theft backpack", "weekend bag<|s>",
        "<40|55|60> litre duffel bag", "small crossbody", "black shoulder bag", "festival bum bag", "mini backpack",
        "gym bag with shoe compartment", "rfid blocking wallet", "zip around purse", "foldable shopping bag<|s>",
        "camera backpack", "bag<|s> for the beach", "recycled tote bag<|s>", "chain strap bag",
    ],
    "shoes": [
        "leather sandals", "flat sandals", "kids sandals", "mens sandals", "womens sandals", "sandals for the beach",
        "sandals with arch support", "wide fit sandals", "velcro sandals", "sandals size <5|6|7|8|9|10>",
        "pool sliders", "memory foam sliders", "chunky sliders", "rope sole espadrilles", "suede mules",
        "rubber clogs", "fleece lined clogs", "waterproof ankle boots", "snow boots for kids", "water shoes for kids",
        "black court shoes", "vegan ballet flats", "wide fit brogues", "canvas plimsolls", "leather deck shoes",
        "steel toe work boots", "kids wellies", "white platform trainers", "summer shoes", "shoes for the beach",
        "slip on shoes for nurses", "barefoot shoes for kids", "toddler sandals", "sliders for men",
    ],
    "hats": [
        "straw sun hat<|s>", "kids sun hat<|s>", "baby sun hat<|s>", "wide brim sun hat<|s>", "wool flat cap<|s>",
        "tweed flat cap", "waterproof bucket hat<|s>", "reversible bucket hat", "denim bucket hat",
        "kids bucket hat<|s>", "mens baseball cap<|s>", "plain baseball cap<|s>", "fitted caps", "trucker caps",
        "felt fedora", "beret<|s> in wool", "fleece balaclava", "chunky bobble hat<|s>", "faux fur trapper hat",
        "running cap<|s>", "golf visor<|s>", "hats for the beach", "hat<|s> for a wedding", "upf 50 hat",
        "packable sun hat", "hats for kids", "winter hats", "summer hats", "cotton headband<|s>",
    ],
    "sport": [
        "<2|5|10|20> kg kettlebell<|s>", "adjustable dumbbells", "adjustable kettlebell", "<2|4|6> person tent<|s>",
        "pop up tent", "4 season sleeping bag", "<750ml|1 litre> water bottle", "junior tennis racket<|s>",
        "size <3|4|5> football<|s>", "outdoor basketball", "kids shin pads", "<10|12|14|16> oz boxing gloves",
        "weighted skipping rope", "set of resistance bands", "foldable treadmill", "magnetic rowing machine",
        "anti fog swimming goggles", "<3|4|5> mm wetsuit", "inflatable paddle board", "kids bodyboard",
        "<3|6|12> pack golf balls", "size <5|6> cricket bat", "bike lock with key", "rechargeable bike lights",
        "track pump", "running belt for phone", "<1.5|2> litre hydration pack", "carbon trekking poles",
        "2 burner camping stove", "folding camping chair<|s>", "rechargeable head torch", "electric cool box",
        "free standing punch bag", "yoga block<|s>", "cork yoga mat", "extra thick yoga mat", "kids bike helmet<|s>",
        "table tennis table", "garden football goal", "kids football kit", "camping gear", "gym gear",
    ],
    "office": [
        "electric standing desk", "<120|140|160> cm desk", "small desk for a bedroom", "white desk",
        "corner desk with shelves", "ergonomic office chair<|s>", "mesh office chair", "office chair with lumbar support",
        "desk chair without wheels", "dual monitor arm", "wooden monitor stand", "adjustable laptop stand",
        "under desk footrest", "<2|3|4> drawer filing cabinet", "magnetic whiteboard", "large desk mat",
        "desk organiser with drawers", "bamboo desk organiser", "kids desk", "gaming desk", "folding desk",
        "desk for small spaces", "office furniture", "home office furniture", "cross cut shredder", "a3 laminator",
        "wall mounted desk", "desk with storage", "ergonomic footrest",
    ],
    "hubs": [
        "<4|6|7|10> port usb hub", "usb c hub with hdmi", "usb c hub with ethernet", "<7 in 1|8 in 1|11 in 1> usb c hub",
        "usb c to hdmi adapter", "usb c to usb a adapter", "usb c to lightning cable", "<1|2|3> metre hdmi cable",
        "8k hdmi cable", "uk to eu adapter", "eu to uk adapter", "us plug adapter", "universal travel adapter",
        "<4|6> way extension lead", "extension lead with usb", "surge protected extension lead",
        "<15w|65w|100w|140w> usb c charger", "<3 in 1|2 in 1> wireless charger", "magsafe stand",
        "<1|2> metre usb c cable", "braided charging cable<|s>", "<64|128|256> gb usb stick", "<1|2> tb external ssd",
        "micro sd card", "<30|50|100> metre ethernet cable", "cat 6 cable", "docking station for macbook",
        "dock for two monitors", "hdmi switch", "usb c hub for ipad", "thunderbolt 4 dock", "gan charger",
        "multi port charger", "hub for my laptop", "adapters", "dongles", "usb c adapters",
    ],
    "toys": [
        "toys for <2|3|4|5|6|8> year olds", "toys for toddlers", "toys for a 1 year old", "wooden toys", "baby toys",
        "sensory toys", "stem toys", "<500|1000> piece jigsaw", "outdoor toys", "bath toys", "garden toys",
        "<8|10|12> ft trampoline", "kids trampoline", "remote control car<|s> for kids", "wooden train set",
        "<2|3> in 1 balance bike", "lego for <5|7|9> year olds", "dolls house furniture", "play kitchen accessories",
        "pink toys", "toy cars", "magnetic building tiles", "travel games", "card games for kids",
        "board games for <2|4> players", "family board games", "party games", "ride on toys", "push along toys",
        "toys for the beach", "beach toys", "sand toys", "water toys", "dress up costumes for kids", "arts and crafts kits",
    ],
    "garden": [
        "<15|30|50> metre hose", "expandable hose", "<2.7|3> m parasol", "cantilever parasol", "<2|3> seater garden bench",
        "folding deck chair<|s>", "garden furniture", "rattan garden furniture", "<4|6> seater garden set",
        "<2|3|4> burner gas bbq", "charcoal bbq", "portable bbq", "fire pit with grill", "solar fairy lights",
        "solar garden lights", "cordless lawn mower", "electric lawn mower", "cordless hedge trimmer",
        "wooden planter<|s>", "self watering pots", "<40|50> metre rotary line", "hanging bird feeder",
        "garden storage box", "kids garden tools", "reclining sun lounger<|s>", "outdoor cushions", "patio set",
    ],
    "baby": [
        "lightweight pushchair", "travel system", "<i-size|isofix> car seat", "newborn car seat", "wooden high chair",
        "foldable high chair", "video baby monitor", "baby monitor with app", "cot bed", "next to me crib",
        "pressure fit stair gate", "baby carrier for newborns", "backpack changing bag", "electric steriliser",
        "newborn sleepsuits", "organic muslins", "baby bath seat", "baby essentials", "baby stuff", "nursery furniture",
    ],
    "pets": [
        "orthopaedic dog bed", "large dog bed", "calming dog bed", "<5|10|2> m dog lead", "retractable dog lead",
        "no pull harness", "reflective dog collar", "cat tree for large cats", "wall cat shelves", "hard cat carrier",
        "dog crate for puppies", "stainless steel dog bowls", "waterproof dog coat", "indestructible dog toys",
        "cat toys", "dog toys", "puppy stuff", "pet supplies", "stuff for my dog", "stuff for the cat",
    ],
    "travel": [
        "<4|6|8> piece packing cubes", "memory foam neck pillow", "digital luggage scale", "tsa lock<|s>",
        "cabin size suitcase", "<55x40x20|40x20x25> cabin bag", "underseat cabin bag", "large hard shell suitcase",
        "<2|3> piece luggage set", "lightweight suitcase", "suitcase with spinner wheels", "travel adapter for the us",
        "travel toiletry bottles", "silk eye mask", "foam ear plugs", "travel stuff", "holiday essentials",
    ],
    "beauty": [
        "<25|32> mm curling wand", "cordless hair straighteners", "mini straighteners", "travel hair dryer",
        "ionic hair dryer", "hot air brush", "waterproof beard trimmer", "rotary shaver", "foil shaver",
        "cordless hair clippers", "kids hair clippers", "led makeup mirror", "makeup brush set", "massage gun",
        "heated eye mask", "electric foot file", "hair tools", "grooming kit for men",
    ],
    "tech": [
        "bluetooth record player", "record player with speakers", "<2|4> pack smart plugs", "wifi smart bulbs",
        "<10|18> inch ring light", "phone tripod", "tripod for iphone", "usb microphone", "podcast microphone",
        "front and rear dash cam", "<1080p|4k> dash cam", "kids walkie talkies", "digital alarm clock",
        "alarm clock for kids", "wind up radio", "portable dab radio", "mini projector", "4k projector",
        "outdoor security camera", "wireless doorbell", "instant camera film", "kids camera", "kids smartwatch",
        "kindle cover", "ipad case", "tablet for kids", "kids headphones", "wired earphones", "gaming headset for ps5",
    ],
}

# who or what the goods are for, after "for": kept away from named people (a present is gift_ideas)
_FOR = {
    "kitchen": ["a small kitchen", "a student kitchen", "camping", "one person", "two", "a family", "the office",
                "a caravan", "baking", "meal prep", "kids", "school", "work", "induction hobs", "a gas hob"],
    "home": ["the living room", "the hallway", "a small flat", "the bedroom", "the bathroom", "a kids room",
             "the garden", "renters", "a nursery", "a dark room", "the lounge", "the sofa", "a studio flat"],
    "bedding": ["a double bed", "a king size bed", "a single bed", "a cot", "hot sleepers", "winter", "summer",
                "a kids bed", "guests", "allergy sufferers", "a bunk bed", "a toddler bed"],
    "bags": ["travel", "work", "school", "the gym", "festivals", "the beach", "uni", "hiking", "a laptop",
             "men", "women", "kids", "a day out", "commuting", "the airport", "nights out"],
    "shoes": ["the beach", "holiday", "walking", "hiking", "kids", "men", "women", "the pool", "wide feet",
              "a wedding", "summer", "work", "nurses", "standing all day", "toddlers", "the garden"],
    "hats": ["the beach", "kids", "babies", "toddlers", "men", "women", "summer", "winter", "golf", "running",
             "festivals", "a wedding", "the races", "fishing", "hiking", "the sun"],
    "sport": ["the gym", "home workouts", "kids", "beginners", "football training", "tennis", "camping", "hiking",
              "running", "cycling", "swimming", "the garden", "boxing", "climbing", "festivals", "the beach"],
    "office": ["working from home", "a home office", "a small room", "back pain", "gaming", "kids homework",
               "a tall person", "a short person", "two monitors", "the spare room", "a bedroom", "long hours"],
    "hubs": ["a macbook", "a macbook pro", "my laptop", "an ipad", "a steam deck", "the car", "travel", "europe",
             "the us", "two monitors", "a switch", "a dell laptop", "a chromebook", "the office", "my desk"],
    "toys": ["toddlers", "babies", "a 2 year old", "a 5 year old", "kids", "the garden", "the beach", "the bath",
             "car journeys", "rainy days", "boys", "girls", "teens", "a party", "outdoors"],
    "garden": ["a small garden", "a balcony", "a patio", "a big lawn", "the summer", "bbqs", "kids", "pets",
               "a terrace", "decking", "a courtyard"],
    "baby": ["newborns", "a newborn", "travel", "twins", "a small car", "the car", "city living", "toddlers"],
    "pets": ["a puppy", "a kitten", "a big dog", "small dogs", "older dogs", "a labrador", "cats", "a rabbit",
             "indoor cats", "the car"],
    "travel": ["hand luggage", "long flights", "a week away", "a weekend away", "backpacking", "a cruise",
               "a ski trip", "the plane", "road trips", "interrail"],
    "beauty": ["curly hair", "thick hair", "short hair", "long hair", "men", "sensitive skin", "travel",
               "fine hair", "beards", "afro hair"],
    "tech": ["kids", "streaming", "podcasting", "the car", "the bedroom", "the garden", "travel", "teens",
             "the kitchen", "camping", "beginners", "zoom calls", "youtube"],
}

_ADJ = {
    "kitchen": ["cheap", "stainless steel", "black", "cream", "retro", "compact", "large", "small", "quiet",
                "non stick", "ceramic", "glass", "wooden", "bamboo", "enamel", "copper", "electric", "mini", "pink",
                "cast iron", "silicone", "dishwasher safe", "matte black", "white", "sage green"],
    "home": ["velvet", "linen", "boucle", "rattan", "wicker", "wooden", "oak", "brass", "glass", "ceramic", "grey",
             "cream", "large", "small", "cheap", "washable", "modern", "vintage", "scandi", "boho", "marble",
             "black", "gold", "round", "rechargeable", "outdoor"],
    "bedding": ["cotton", "egyptian cotton", "linen", "bamboo", "silk", "satin", "flannel", "brushed cotton",
                "cooling", "hypoallergenic", "anti allergy", "feather", "duck down", "hollowfibre", "grey", "white",
                "king size", "double", "single", "super king", "cheap", "organic", "waffle", "pink"],
    "bags": ["leather", "vegan leather", "canvas", "nylon", "waterproof", "small", "large", "black", "tan",
             "brown", "mens", "womens", "kids", "cheap", "designer", "recycled", "quilted", "mini", "travel",
             "slim", "padded", "straw", "cork", "lightweight"],
    "shoes": ["leather", "suede", "vegan", "canvas", "rubber", "waterproof", "black", "white", "tan", "wide fit",
              "kids", "mens", "womens", "toddler", "cheap", "comfy", "flat", "chunky", "platform", "orthopaedic",
              "padded", "gold", "silver", "lightweight"],
    "hats": ["straw", "wool", "cotton", "linen", "tweed", "felt", "fleece", "waterproof", "packable", "kids",
             "baby", "mens", "womens", "black", "beige", "navy", "cheap", "warm", "knitted", "upf 50+"],
    "sport": ["kids", "junior", "adult", "cheap", "lightweight", "foldable", "waterproof", "adjustable",
              "professional", "beginner", "inflatable", "heavy duty", "rechargeable", "compact", "padded",
              "anti slip", "weighted", "portable"],
    "office": ["white", "black", "oak", "walnut", "wooden", "metal", "small", "large", "ergonomic", "electric",
               "adjustable", "cheap", "folding", "compact", "mesh", "leather", "velvet", "grey", "heavy duty"],
    "hubs": ["usb c", "usb a", "fast", "cheap", "braided", "short", "long", "<2|3|4> port", "compact", "portable",
             "aluminium", "multi port", "powered", "universal", "4k", "8k", "thunderbolt", "wireless", "white"],
    "toys": ["wooden", "plastic", "eco", "educational", "sensory", "outdoor", "electric", "cheap", "musical",
             "soft", "large", "mini", "light up", "montessori", "stem", "interactive", "magnetic", "kids"],
    "garden": ["wooden", "metal", "rattan", "solar", "cordless", "electric", "petrol", "folding", "portable",
               "large", "small", "cheap", "heavy duty", "weatherproof", "outdoor", "charcoal", "gas"],
    "baby": ["lightweight", "compact", "foldable", "cheap", "organic", "newborn", "portable", "travel", "wooden",
             "grey", "neutral", "premium"],
    "pets": ["large", "small", "medium", "waterproof", "washable", "chew proof", "orthopaedic", "calming",
             "reflective", "cheap", "plush", "heated", "cooling"],
    "travel": ["lightweight", "hard shell", "soft shell", "cabin size", "large", "small", "cheap", "expandable",
               "foldable", "packable", "tsa approved", "leak proof"],
    "beauty": ["cordless", "rechargeable", "waterproof", "travel", "mini", "professional", "cheap", "ionic",
               "ceramic", "kids", "mens", "quiet"],
    "tech": ["cheap", "portable", "wireless", "rechargeable", "bluetooth", "wifi", "smart", "kids", "mini",
             "waterproof", "4k", "hd", "retro", "digital", "outdoor"],
}

SLOTS = {}
for _name in _GROUPS:
    SLOTS[f"g_{_name}_s"] = _SINGULAR[_name] or _PLURALS[_name]   # "toaster" ("sandals" when only plural)
    SLOTS[f"g_{_name}_p"] = _PLURALS[_name]                       # "toasters"
    SLOTS[f"g_{_name}"] = _SINGULAR[_name] + _PLURALS[_name]      # either
    SLOTS[f"g_{_name}_mod"] = _MODIFIED[_name]                    # "4 slice toaster"
    SLOTS[f"g_{_name}_for"] = _FOR[_name]
    SLOTS[f"g_{_name}_adj"] = _ADJ[_name]
    if _SINGULAR[_name]:
        SLOTS[f"g_{_name}_1"] = _SINGULAR[_name]                  # only true singulars, for "this ..."
SLOTS["g_any"] = [f"{{g_{name}}}" for name in _GROUPS]                # any good, any group
SLOTS["g_any_p"] = [f"{{g_{name}_p}}" for name in _GROUPS]
SLOTS["g_any_s"] = [f"{{g_{name}_s}}" for name in _GROUPS]
SLOTS["g_any_mod"] = [f"{{g_{name}_mod}}" for name in _GROUPS]
SLOTS["g_any_1"] = [f"{{g_{name}_1}}" for name in _GROUPS if _SINGULAR[name]]
# a thing to recommend: one of the annotated categories or one of the goods above
SLOTS["rc_thing"] = ["{cat_s}", "{cat}", "{cat_s}", "{g_any_s}", "{g_any_p}", "{g_any_s}"]
SLOTS.update({
    "fp_tail": [""] * 6 + ["?", "?", " pls", " please", " plz", "??", " anyone", " x"],
    "fp_any": ["any", "any", "got any", "have you got any", "do you have any", "do u have", "do you do", "u got any",
               "you got", "do you sell", "any chance of", "looking for", "need", "after", "want", "searching for",
               "looking 4", "any good", "show me", "show", "find", "find me", "i need", "i want"],
    "fp_num": ["2", "3", "4", "6", "a pair of", "two", "a set of", "a couple of", "10", "pack of 4", "a few"],
    "fp_new": ["new", "a new", "another", "some", "some new", "a replacement", "a spare", "cheap", "a decent"],

    # --- product_details
    "pd_adj": [
        "dishwasher safe", "microwave safe", "oven safe", "freezer safe", "machine washable", "tumble dryer safe",
        "hand wash only", "unlocked", "sim free", "waterproof", "water resistant", "showerproof", "windproof",
        "lined", "fleece lined", "padded", "insulated", "reversible", "adjustable", "removable", "detachable",
        "rechargeable", "cordless", "wireless", "foldable", "collapsible", "stackable", "non stick",
        "induction compatible", "bpa free", "vegan", "real leather", "genuine leather", "solid wood", "solid oak",
        "handmade", "100% cotton", "pure wool", "100% silk", "organic cotton", "recycled", "noise cancelling",
        "4k", "hdr", "smart", "dual sim", "5g", "refurbished", "brand new", "sealed", "stretchy", "breathable",
        "see through", "flat pack", "pre assembled", "portable", "energy efficient", "hypoallergenic",
        "anti allergy", "fragrance free", "scratch resistant", "shatterproof", "stain resistant", "crease resistant",
        "non iron", "cruelty free", "unisex", "child safe", "pet friendly", "frost free", "self cleaning",
        "wipe clean", "dimmable", "touch sensitive", "wall mountable", "stainless steel", "cast iron", "glass",
        "ceramic", "plastic", "metal", "memory foam", "down filled", "feather filled", "double sided", "quilted",
        "fully lined", "wide fit", "slip resistant", "non slip", "lockable", "tsa approved", "cabin size",
        "carry on size", "hand luggage size", "upf rated", "uv protective", "chlorine resistant", "ip67", "ip68",
    ],
    "pd_part": [
        "charger", "batteries", "battery", "remote", "case", "lid", "stand", "bulb", "bulbs", "cable", "plug",
        "power adapter", "power lead", "carry case", "strap", "filter", "spare filter", "dust bag", "attachments",
        "pillowcases", "screws", "fixings", "wall bracket", "hdmi cable", "memory card", "manual", "gift box",
        "recipe book", "measuring cup", "dust cover", "mounting kit", "usb cable", "wall plug", "storage bag",
        "cushion", "pump", "charging cable", "brush head", "second lens", "software", "stylus", "keyboard",
        "cover", "rain cover", "insoles", "laces", "spare laces", "hood", "belt", "hanger", "tripod", "sd card",
    ],
    "pd_verb": [
        "fold", "fold flat", "recline", "swivel", "rotate", "tilt", "lock", "stretch", "shrink", "crease", "bobble",
        "pill", "fade", "leak", "rust", "scratch easily", "get hot", "charge fast", "charge wirelessly",
        "come apart", "need batteries", "need assembling", "need an app", "need a hub", "need wifi",
        "auto shut off", "switch off by itself", "have a timer", "have a lid", "have a handle", "have wheels",
        "come assembled", "come with a plug", "fit a 15 inch laptop", "fit in a cabin bag", "fit a double bed",
        "fit under a desk", "go in the dishwasher", "play dvds", "support airplay", "support chromecast",
        "work with alexa", "work with google home", "work offline", "connect to my phone", "last all day",
        "hold its charge", "keep drinks cold", "keep drinks hot", "make much noise", "vibrate", "beep",
        "light up", "float", "have a mute button", "have a volume limit", "need a special charger",
        "take aa batteries", "run on mains", "run on batteries", "need ironing", "come in a pair", "zip up",
        "clip on", "stand up on its own", "roll up", "stack", "sit flat", "wobble", "squeak", "smell",
    ],
    "pd_how": [
        "loud", "heavy", "big", "tall", "wide", "deep", "long", "thick", "warm", "quiet", "bright", "sturdy", "hot",
        "fast", "powerful", "comfy", "comfortable", "soft", "firm", "stiff", "roomy", "breathable", "durable",
        "stretchy", "noisy", "hard wearing", "light", "small", "thin", "high", "wobbly", "easy to clean",
        "easy to assemble", "easy to carry", "easy to use", "waterproof", "warm", "supportive", "grippy", "solid",
    ],
    "pd_spec": [
        "weight", "dimensions", "measurements", "wattage", "capacity", "battery life", "thread count", "tog",
        "tog rating", "noise level", "decibels", "voltage", "cable length", "cord length", "screen size",
        "refresh rate", "resolution", "material", "fabric", "lining", "heel height", "strap length", "inside leg",
        "waist", "depth", "height", "width", "weight limit", "max load", "power", "run time", "charging time",
        "range", "storage", "ram", "chip", "megapixels", "ip rating", "energy rating", "bulb fitting", "plug type",
        "sole", "upper", "filling", "fill power", "care label", "country of origin", "model number", "model year",
        "fabric mix", "composition", "seat height", "drop", "volume", "litres", "pixel density", "lumens",
        "bluetooth version", "wifi standard", "input lag", "hz", "gsm", "denier", "rise", "inseam", "sleeve length",
    ],
    "pd_has": [
        "freeview", "freesat", "bluetooth", "noise cancelling", "anc", "a timer", "a keep warm function",
        "auto shut off", "a removable basket", "a hood", "pockets", "a zip", "inside pockets", "a lining",
        "a drawstring", "a laptop sleeve", "wheels", "a handle", "a lid", "usb c", "a headphone jack", "an sd slot",
        "a backlight", "dolby vision", "hdmi arc", "a sleep timer", "an eco mode", "a child lock", "a quiet mode",
        "a digital display", "a water tank", "a filter", "an app", "voice control", "a mic", "a built in battery",
        "built in storage", "a carry handle", "a chest strap", "a hip belt", "a rain cover", "a key clip",
        "a coin pocket", "card slots", "a magnetic clasp", "a non slip base", "a cool touch handle", "a viewing window",
        "a limescale filter", "a 360 base", "a crumb tray", "a defrost setting", "a reheat button", "a pause function",
        "adjustable straps", "an inner lining", "reflective bits", "a padded back", "thumb holes", "a two way zip",
        "airplay", "chromecast", "a usb port", "a remote", "an off switch", "a night mode", "a pet mode", "a steam function",
    ],
    "pd_builtin": ["mic", "battery", "speaker", "storage", "light", "timer", "charger", "freeview", "wifi", "gps",
                   "camera", "usb port", "scale", "grinder", "stand", "kickstand", "frother", "filter", "alarm",
                   "fan", "sat nav", "dehumidifier", "bluetooth", "chromecast", "subwoofer", ""],
    "pd_compat": [
        "iphone 15", "iphone", "android", "my mac", "a macbook air", "windows 11", "usb c", "lightning", "my ps5",
        "xbox", "my samsung", "alexa", "google home", "apple homekit", "induction hobs", "gas hobs", "an aga",
        "my car", "a 12v socket", "a double bed", "a king size bed", "standard pillows", "eu sockets", "us sockets",
        "110v", "my pram", "isofix", "a standard tripod", "magsafe", "qi charging", "my switch", "my tv",
        "hdmi 2.1", "4k at 120hz", "my router", "an ipad pro", "a pixel", "linux", "chromebooks", "a steam deck",
        "dolby atmos", "spotify connect", "apple music", "my garmin", "ring", "hive", "my sky box", "virgin media",
    ],
    "pd_use_on": ["on induction", "on carpets", "on hard floors", "in the shower", "in the rain", "in the sea",
                  "in the microwave", "in the oven", "abroad", "on a plane", "outdoors", "in the bath",
                  "on wood floors", "on wet hair", "in the dryer", "in the freezer", "on a gas hob", "on stairs",
                  "in the snow", "for swimming", "in a car", "in a caravan", "on a balcony", "on the beach"],
    "pd_count": ["ports", "usb ports", "hdmi ports", "settings", "speeds", "heat settings", "pockets", "compartments",
                 "slots", "burners", "shelves", "drawers", "programmes", "modes", "attachments", "pieces", "cups",
                 "slices", "watts", "litres", "colours", "zips", "wheels", "buttons", "speakers", "lenses",
                 "brush heads", "pans", "plates", "cards it holds", "pillowcases", "rings"],
    "pd_fit": ["a 15 inch laptop", "a 16 inch macbook", "an a4 folder", "a water bottle", "a king size duvet",
               "a double mattress", "a small car boot", "the ryanair sizer", "a standard shelf", "a kindle",
               "big feet", "wide calves", "a 2 litre bottle", "an ipad", "a 14 inch laptop", "a size 11 foot",
               "a big head", "a newborn", "a large dog", "a toddler", "under a bed", "in an alcove", "a 40 inch waist",
               "my phone", "a 12 inch pizza", "a whole chicken", "four slices", "a deep mattress"],
    "pd_do_it": ["does it", "does it", "does this", "does this one", "does that one", "will it", "can it",
                 "would it", "do they", "do these", "will they"],

    # --- product_recommendation
    # situations of the shopper's own, in three kinds so that a situation goes with goods it fits
    "rc_sit_wear": [
        "a nurse on her feet all day", "a nurse on long shifts", "12 hour shifts", "night shifts", "standing all day",
        "flat feet", "wide feet", "bad knees", "back pain", "a warehouse job", "a chef", "a teacher on her feet",
        "a hospital shift", "wet winters", "rainy commutes", "the tube", "walking everywhere", "a postie",
        "a delivery driver", "a hairdresser", "a barista", "a care worker", "someone who's always cold",
        "festival season", "backpacking", "a gap year", "long haul flights", "city breaks", "sweaty feet",
        "a tall guy", "a petite frame", "the school run", "dog walks", "a muddy commute", "a week in the sun",
        "a ski trip", "cold mornings", "hot summers", "a builder", "office days", "a shop floor job",
    ],
    "rc_sit_home": [
        "a small flat", "a tiny kitchen", "a studio flat", "working from home", "a home office",
        "a student on a budget", "hot sleepers", "a light sleeper", "a family of five", "two people", "one person",
        "a rented flat", "a shared house", "a dark room", "a north facing room", "hard water", "a hot flat",
        "a noisy street", "a first flat", "a new build", "a tiny balcony", "a big garden", "lots of cooking",
        "batch cooking", "a coffee addict", "back pain", "a house with pets", "a cold house", "a caravan", "a loft room", "long desk days",
        "a busy family", "a lazy cook", "a small garden", "a damp flat", "a student room", "a kids room",
    ],
    "rc_sit_gear": [
        "a beginner", "a complete beginner", "a first timer", "my commute", "a long commute", "the gym and running",
        "marathon training", "trail running", "camping in the rain", "a week in the sun", "long haul flights",
        "daily use", "heavy use", "occasional use", "the odd weekend away", "a cyclist", "night shifts",
        "a student on a budget", "small hands", "a gap year", "backpacking", "festival season", "home workouts",
        "an improver", "someone getting back into it", "travelling light", "the office", "zoom calls", "gaming",
        "a small desk", "wild camping", "open water swimming", "couch to 5k", "a first triathlon", "weekend hikes",
        "uni", "a coding bootcamp", "streaming", "the car", "a van", "interrail",
    ],
    "rc_wear": ["{cat_wear_s}", "{cat_wear}", "{g_shoes}", "{g_hats}", "{g_bags}", "{cat_cloth}"],
    "rc_home": ["{cat_home_s}", "{cat_home}", "{g_kitchen}", "{g_home}", "{g_bedding}", "{g_office}", "{g_garden}"],
    "rc_gear": ["{cat_tech_s}", "{cat_tech}", "{g_sport}", "{g_tech}", "{g_hubs}", "{g_travel}", "{cat_tech_s}"],
    # "i'm ..." forms of a situation
    "rc_iam_wear": [
        "a nurse on my feet all day", "on night shifts", "on my feet all day", "a teacher", "a chef", "a hairdresser",
        "a care worker", "a postie", "flat footed", "tall", "quite petite", "off backpacking", "walking to work now",
        "always cold", "a delivery driver", "a barista", "on 12 hour shifts", "starting a warehouse job",
    ],
    "rc_iam_home": [
        "in a small flat", "in a tiny flat", "moving into my first flat", "working from home now", "a hot sleeper",
        "a light sleeper", "on a tight budget", "a student", "rubbish at cooking", "cooking for five",
        "renting", "short on space", "living alone", "a coffee addict", "in a shared house",
    ],
    "rc_iam_gear": [
        "a complete beginner", "a beginner", "new to this", "training for a marathon", "just starting out",
        "commuting an hour each way", "off camping", "getting back into fitness", "a heavy user", "not very techy",
        "a student", "on a tight budget", "travelling a lot", "gaming most nights", "starting uni",
    ],
    "rc_pro": ["the pros", "professionals", "chefs", "baristas", "photographers", "runners", "nurses", "teachers",
               "gamers", "streamers", "personal trainers", "hairdressers", "builders", "cyclists", "climbers",
               "pro gamers", "youtubers", "bakers", "tradies", "the staff", "most people", "your customers",
               "marathon runners", "dentists", "designers", "coders", "podcasters", "djs"],
    "rc_sup": ["comfortable", "comfy", "durable", "reliable", "hard wearing", "quiet", "lightweight", "supportive",
               "energy efficient", "versatile", "practical", "breathable", "robust", "future proof", "popular",
               "easy to use", "easy to clean", "long lasting", "stylish", "sensible", "kid friendly", "portable"],
    "rc_least": ["hassle", "fuss", "faff", "noisy", "maintenance", "effort", "bulky", "complicated", "fiddly",
                 "likely to break", "plasticky", "heavy", "risky", "annoying", "high maintenance", "ugly"],
    "rc_a_or_b": ["left", "right", "first", "second", "top", "bottom", "the left one", "the right one",
                  "the first one", "the second one", "the black one", "the white one", "the cheap one",
                  "the dear one", "the big one", "the small one", "this one", "that one", "the grey one",
                  "the blue one", "the older one", "the newer one", "number 1", "number 2",
                  "the top one", "the bottom one", "the middle one", "the last one", "option 1", "option 2", "the pricier one"],
})

SLOTS["rc_situation"] = sorted(set(SLOTS["rc_sit_wear"] + SLOTS["rc_sit_home"] + SLOTS["rc_sit_gear"]))

PER_TEMPLATE = {}


def _tri(pattern):
    """One alternative per kind of situation: {T} becomes goods of that kind, {S} a situation of it."""
    return "<" + "|".join(pattern.replace("{T}", "{rc_%s}" % kind).replace("{S}", "{rc_sit_%s}" % kind)
                          .replace("{I}", "{rc_iam_%s}" % kind) for kind in ("wear", "home", "gear")) + ">"


def _group_find(name):
    """Search templates for one group of goods."""
    g = f"g_{name}"
    return [
        ("{" + g + "}{fp_tail}", 13),
        ("{" + g + "_mod}{fp_tail}", 15),
        ("{fp_any} {" + g + "_p}{fp_tail}", 12),
        ("{" + g + "_p} for {" + g + "_for}{fp_tail}", 12),
        ("{" + g + "_adj} {" + g + "}{fp_tail}", 13),
    ]


_FIND = []
for _name in _GROUPS:
    _FIND += _group_find(_name)
_FIND += [
    "{g_any_s} {price}", "{g_any_p} under {budget}", "{g_any_mod} {price}", "{fp_new} {g_any_s}{fp_tail}",
    "{fp_num} {g_any_p}", "{color} {g_any}", "{g_any_p} in {color}<|?>", "{g_any_s} in {color}<| pls|?>",
    "{pre}need {fp_new} {g_any_s}<| asap|, any ideas|>", "{pre}looking for {g_any_mod}<| {price}|>",
    "{pre}do you sell {g_any_p}<?|>", "{pre}where are your {g_any_p}", "{pre}i need {g_any_mod}{pls}",
    "{pre}show me {g_any_mod}{pls}", "{pre}got {g_any_p} <at all|in|>?", "{pre}<any|some> {g_any_mod}",
    "{g_any_p} <pls|please|plz|now>", "<hi|hey|hello|morning|hiya>, {g_any_p}<?| please|>",
    "{g_any_p} <and|or> {g_any_p}", "{g_any_s} <or|and> {g_any_s}<?|>", "{brand} {g_any_p}", "{g_any_p} by {brand}",
    "{pre}something to <carry|store|hold|keep|put> my <stuff|shoes|laptop|keys|cards|toys|clothes|plants|cables|shopping> <in|on>",
    "{pre}do u do {g_any_p}", "{pre}wanna buy {g_any_mod}", "{pre}can i get {g_any_mod}<| {price}|>",
    "{pre}in the market for {g_any_mod}", "{pre}shopping for {g_any_p}", "{pre}browse {g_any_p}",
    "{pre}{g_any_p} section", "{g_any_p} with <free delivery|next day delivery|good reviews>",
    "{pre}i'd like {g_any_mod}", "{pre}after {g_any_mod}<| if you have one|>",
    "<cheapest|cheap|best rated|top rated|new in|latest> {g_any_p}",
]

_DETAILS = [
    ("<is it|is this|this|it|is that|this one|is this one|is that one|is it actually> {pd_adj}<?|??|>", 30),
    ("<r they|are they|are these|these|r these|are those|they|are they actually> {pd_adj}<?|>", 24),
    ("{pd_adj}<?| or not?| or not| yes or no?|?|??>", 26),
    ("<{pd_part}|the {pd_part}> included<?|>", 20),
    ("any {pd_part} <with it|in the box|included|with this one><?|>", 10),
    ("<included|all included|everything included|is everything included|what else is included|anything else included|all in><?|??>", 5),
    ("<does it|do they|does this|will it> come with <a|the|its own|a spare> {pd_part}<?|>", 16),
    ("{pd_do_it} {pd_verb}<?|>", 36),
    ("how {pd_how} is <it|this|this one|that one|it really|the {ord} one><| actually| really| in person|?|>", 22),
    ("how {pd_how} <are they|r they|are these|are those|are the {ord} ones>", 12),
    ("{pd_spec}<?| pls| please| on this| on it| on that one|??>", 30),
    ("what's the {pd_spec}<| on it| on this| of this one| on that one| please>", 20),
    ("<what's|whats|what is> <it|this|that|this one> made <of|from|out of>", 6),
    ("<what|wat> <are they|r they|are these> made <of|from>", 4),
    ("what <comes|is|'s> in the box<?| with it| with this one|>", 5),
    ("what comes with <it|this|this one|that one|the {g_any_s}>", 6),
    ("<care instructions|washing instructions|how do i wash it|how do you clean it|how to clean it><?| pls|>", 8),
    ("<can you|can i> <tumble dry|iron|machine wash|bleach|dry clean|steam|hand wash|wash> <it|them|this|these><?|>", 14),
    ("<does it|do they|does this one|do these> <run|come up|fit> <small|big|large|narrow|wide|true to size|long|short|generous|snug>", 14),
    ("<true to size|tts|roomy|snug|tight|loose|generous fit|slim fit|petite friendly|long in the leg|short in the body|narrow fit><?| or not?|>", 12),
    ("<compatible with|works with|will it work with|does it work with|is it ok with|ok for|fits> {pd_compat}<?|>", 26),
    ("<can i|can you> use <it|this|them|these> {pd_use_on}<?|>", 16),
    ("how long is the <warranty|guarantee> on <it|this|this one|these|that one|the {g_any_s}>", 10),
    ("<warranty|guarantee|any warranty|any guarantee> on <it|this|this one|that one|these><?|>", 8),
    ("how many {pd_count} <does it have|has it got|?|are there|is it>", 16),
    ("<does it|do they|does this one> come in <other colours|a bigger size|a smaller size|a set|a pair|a twin pack|{color}|a wider fit|a longer length|kids sizes>", 14),
    ("is it <the latest|the newest|the 2024|last year's|the older|the pro|the max|the uk|the international|the gen 2|the second gen|the new> <model|version>", 12),
    ("<does it have|has it got|got|with|comes with|any> {pd_has}<?|>", 34),
    ("<built in|builtin|built-in|inbuilt> {pd_builtin}<?|>", 12),
    ("is the <strap|handle|lid|basket|cover|lining|sole|insole|filter|battery|bulb|cushion|hood|seat pad|bowl> <removable|replaceable|washable|adjustable|detachable|dishwasher safe>", 16),
    ("what <size|length|height|width|capacity|tog|weight|depth> is <it|this one|that one|it exactly|the {ord} one>", 14),
    ("<made in|where's it made|where is it made|where are they made|country of origin><?|>", 5),
    ("<is it|is this|r these|are they> <new or used|new or refurbished|boxed|sealed|genuine|original|legit|the real thing|ex display|a display model|second hand>", 12),
    ("what's it like <to wear|to sit on|to sleep on|to carry|for noise|to hold|to cook with|to type on|to walk in|in the rain>", 8),
    ("<does it|will it|would it|will they> fit {pd_fit}<?|>", 18),
    ("how <heavy|big|small|long|thick> is it <folded|when folded|packed down|when it's packed|empty|fully loaded|with the battery>", 10),
    ("how <much does it weigh|much do they weigh|many kg is it|heavy r they|long does it take to charge|long does the battery last|many does it hold|many people does it sleep|many cups does it make>", 10),
    ("<any|what's the|whats the|how long is the> <lead|cable|cord|strap|hose|chain> <length|on it|like>", 8),
    ("<is it|is this|are they> ok for <kids|babies|dogs|cats|toddlers|outdoors|a bathroom|a wet room|small hands|left handers|sensitive skin|a conservatory>", 14),
    ("<what|which> <setting|settings|modes|programmes|attachments|colours|finishes|sizes|options> <does it have|has it got|does it come with|are there>", 10),
    ("<is it|is this|r they|are these|are they|is this one> <easy|hard> to <assemble|clean|set up|put together|fold|carry|store|use|descale|empty>", 14),
    ("<what's the|whats the|what is the> <noise level|decibel rating|energy rating|running cost|power use|tog|thread count|fill weight> <like|on it|of it|>", 10),
    ("<which|what> <fabric|material|wood|metal|plastic|leather|filling|foam|coating|finish> <is it|is that|do they use|is used>", 10),
    ("<does it|do they|does this|do these|does this one> need <batteries|a plug|an adapter|assembly|tools|screws|an app|a subscription|wifi|a hub|charging every day>", 12),
    ("<does it|does this one|what> take <aa batteries|aaa batteries|pods|capsules|a memory card|filters|bags|refills|a sim><?|>", 8),
]

_RECOMMEND = [
    ("<worth upgrading|worth the upgrade|worth switching|worth paying extra|worth the extra money|worth spending more|worth going pro|worth getting the pro|worth stepping up|worth the extra tenner><?| do you think|, honestly| or not| for me|>", 18),
    ("<is it|would it be|is it really> worth upgrading <from my|to the> {product}<?|>", 12),
    ("<should i|do i|would you> upgrade <from my|to the> {product}<| or wait| or hold off| now|>", 12),
    ("<good|decent|a good|any good|solid|nice> <beginner|starter|first|entry level|budget|beginners> {rc_thing}<?| ideas| you'd suggest|>", 18),
    (_tri("best {T} for {S}") + "<?|>", 30),
    ("<most|the most> {rc_sup} {rc_thing}<?| you sell| you have| you've got|>", 18),
    ("<least|the least> {rc_least} {rc_thing}<?| please|>", 14),
    ("<which|what> would you <pick|choose|go for|get|buy><| honestly|, be honest|?| out of these| if it was you| here| between them>", 12),
    ("{rc_a_or_b} or {rc_a_or_b}<?| one?| - which one|, what do you think|, help>", 18),
    ("{ref} or {ref}<?|, thoughts| - thoughts| - which one|??>", 14),
    ("settle this for us<|: {ref} or {ref}| - which one|, which is better| please| pls>", 10),
    ("<settle an argument|settle a debate|end this argument>, <which is better|{ref} or {ref}|which one should we get>", 10),
    ("<torn|stuck|dithering|going back and forth|can't choose|so torn|really torn> between <these two|the two|{ref} and {ref}|these|them|the two of them|both>", 16),
    ("what do {rc_pro} <use|wear|swear by|buy|go for|rate>", 16),
    ("what <would|do> {rc_pro} <recommend|pick|use|buy|get><?| here| in the end|>", 12),
    (_tri("which {T} <for|is best for|would suit> {S}") + "<?|>", 20),
    (_tri("what {T} <should i get|do i need|would suit me|works best|would you get> for {S}"), 16),
    (_tri("i'm {I}, which {T} <would you recommend|is best|should i get|would you go for>") + "<?|>", 14),
    ("<your honest opinion|honest opinion|your thoughts|what do you reckon|your opinion|be honest|opinions><| on these| on them| please|, which one|?| on the {cat_s}>", 12),
    ("<splurge or save|premium or budget|cheap or expensive|pay more or go cheap|basic or fancy|spend more or less><?| on {rc_thing}| here|>", 12),
    ("is the <pro|premium|more expensive|dearer|top|deluxe|bigger> <one|version|model> worth the extra <over the basic one|or not|for me|for {rc_situation}|>", 12),
    ("<pick|choose> one for me<| please| pls|, i can't decide|, i trust you|>", 8),
    ("which one <won't break|will last|lasts longest|holds up best|is the safest bet|is the better buy|is better value|would you trust|would you buy yourself|is least likely to go wrong>", 12),
    ("<i want|i need|after> something that'll <last|survive {rc_sit_gear}|not fall apart|cope with {rc_sit_gear}|last years|cope with {rc_sit_wear}>", 12),
    ("<would you|do you> <recommend|rather|go with|prefer> {ref} or {ref}", 10),
    ("if you were me<, | >which <one|would you get|would you buy|would you choose>", 6),
    ("<what's|whats> the <go to|standard|safe|sensible|default|obvious|classic> <choice|pick|option> for {rc_thing}", 12),
    ("<what's|whats> <better|best> for {rc_situation}<, | >{ref} or {ref}", 12),
    ("do i <need|really need> the <expensive|fancy|premium|top of the range|pro|big> one<| for {rc_situation}|>", 10),
    ("<overkill|too much|enough|good enough|a good call> for {rc_situation}<?|>", 12),
    ("which {rc_thing} <do you rate|would you rate|is most recommended|gets recommended most|do people rave about>", 12),
    (_tri("<recommend|suggest> <some|a good|decent|good> {T} for {S}"), 14),
    ("<anything|something> <good|decent|you'd recommend|you rate> for {rc_situation}<?|>", 14),
    (_tri("<i need|need> <something|new {T}> for {S}, what do you <suggest|recommend|think>"), 12),
    ("what's the most <comfortable|practical|reliable|sensible|durable> option for {rc_situation}", 12),
    ("<cheap|budget|basic> one or <mid range|the middle one|the premium one|the pricey one|the fancy one><?|>", 8),
    (_tri("good {T} for {S}") + "<?|>", 16),
    ("is {ref} <overkill|enough|too much|a good shout|the right call|a good choice|a safe bet> for {rc_situation}", 12),
    ("<which|what> {rc_thing} would you <buy|get|go for> <yourself|if it were you|with your own money|on my budget>", 12),
    ("<honestly|tbh|be straight with me|no sales talk>, which <one|is better|is best|would you buy>", 8),
    ("<are the|is the> {brand} <ones|one> <worth it over|better than|any better than> the {brand} <ones|one>", 10),
    ("<upgrade|stick with what i have|wait for the new one|buy now or wait><?| what do you think|>", 6),
    ("<best|top|nicest|comfiest> {rc_thing} <right now|this year|at the moment|on the market|you stock><?|>", 12),
    ("what's the best {rc_thing} to <start with|learn on|begin with|take camping|take travelling|use every day>", 12),
]

_PRICE = [
    ("<price of|cost of|whats the price of|how much for|what do you charge for> the {g_any_mod}<?|>", 18),
    ("{g_any_s} price<?| pls| please|>", 12),
    ("how much <r|are> <your|the> {g_any_p}<?|>", 14),
    ("how much is <this|that|the> {g_any_1}<?| then|>", 14),
    ("<price|cost|damage> on <the|that|this> {g_any_1}<?|>", 10),
    ("{g_any_s} how much<?|>", 10),
    ("how much does <a|the> {g_any_1} <cost|go for|usually cost|start at>", 12),
    ("<whats|what's> the cheapest {g_any_1}<| you have| you've got| you sell>", 12),
]

_STOCK = [
    ("<the|this|that> {g_any_1} in stock<?|>", 14),
    ("any {g_any_p} left<?| in stock|>", 14),
    ("{g_any_mod} <available|in stock|sold out|back in stock|still available><?|>", 14),
    ("<got|have you got|do you have> the {g_any_s} in stock<?|>", 12),
    ("<is the {g_any_1} <in stock|available|sold out>|has the {g_any_1} <sold out|gone out of stock|come back in>>", 10),
    ("<are the {g_any_p} <in stock|available|sold out|back in>|have the {g_any_p} <sold out|gone out of stock|come back in>>", 10),
    ("when's the {g_any_1} back in<| stock|?>", 12),
    ("{g_any_1} sold out<?|>", 10),
    ("<still|any> {g_any_p} available<?|>", 12),
    ("<how many|how many more> {g_any_p} <have you got|are left|do you have left>", 12),
]

TEMPLATES = {
    "find_products": _FIND,
    "product_details": _DETAILS,
    "product_recommendation": _RECOMMEND,
    "price_inquiry": _PRICE,
    "check_stock": _STOCK,
}
