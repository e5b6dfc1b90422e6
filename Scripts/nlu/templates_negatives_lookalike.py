"""Out-of-domain negatives (out_of_scope), part 3: requests that look like shopping but are not.

They name goods, appliances, clothes, colours, sizes, prices, refunds and numbers, but ask for something
this shop cannot do: selling one's own things on other sites, refunds from other companies and banks,
share prices, recipes for appliances, smart-home commands to appliances, how-to questions about clothes
and laundry, trivia about colours and sizes, timers, finding one's phone, league tables, airline
luggage rules and the weather. Nothing here is annotated; the out_of_scope wrap of part 2 (an optional
"alexa, ..." prefix and "... please" suffix) applies. Slots such as {room}, {city}, {team}, {airline},
{company} and {coin} come from part 1 (templates_negatives.py).
"""

SLOTS = {
    "x_sellable": ["sofa", "old iphone", "bike", "pram", "wardrobe", "guitar", "ps4", "wedding dress", "lego collection",
                   "old laptop", "textbooks", "designer handbag", "trainers", "records", "camera", "car", "fridge",
                   "baby clothes", "dining table", "old phone", "kids toys", "xbox", "treadmill", "cot", "tent",
                   "golf clubs", "sewing machine", "garden furniture", "air fryer", "old telly"],
    "x_market": ["ebay", "vinted", "facebook marketplace", "gumtree", "depop", "craigslist", "etsy", "preloved",
                 "musicmagpie", "shpock", "marketplace", "olx", "poshmark"],
    "x_firm": ["ryanair", "easyjet", "uber", "deliveroo", "just eat", "booking.com", "airbnb", "ticketmaster",
               "my gym", "british gas", "my phone company", "paypal", "netflix", "the dvla", "trainline", "ee",
               "vodafone", "sky", "my energy supplier", "the council", "hmrc", "my landlord", "the train company",
               "the airline", "my broadband provider", "expedia", "the hotel", "lastminute", "my insurer"],
    "x_refund_for": ["a cancelled flight", "a delayed train", "a gym membership", "a hotel booking", "concert tickets",
                     "a festival that got cancelled", "a double charge", "an uber ride", "a parking fine",
                     "a missing takeaway", "overpaid council tax", "a deposit", "a holiday", "a subscription i cancelled"],
    "x_app_recipe": [
        "air fryer chips", "slow cooker chilli", "bread maker white loaf", "instant pot risotto", "microwave mug cake",
        "blender soup", "pressure cooker beef stew", "soup maker leek and potato", "waffle maker", "rice cooker rice",
        "halogen oven roast potatoes", "air fryer chicken wings", "slow cooker pulled pork", "ninja foodi curry",
        "air fryer salmon", "thermomix bread", "air fryer halloumi", "sandwich toaster toastie", "microwave porridge",
        "nutribullet smoothie", "slow cooker gammon", "air fryer yorkshire puddings", "stand mixer pizza dough",
        "ice cream maker vanilla", "juicer carrot juice", "pressure cooker chickpeas", "soup maker tomato soup",
    ],
    "x_food_item": ["sausages", "chicken wings", "frozen chips", "salmon", "jacket potatoes", "halloumi",
                    "chicken thighs", "roast potatoes", "fish fingers", "a whole chicken", "pork belly",
                    "sweet potato fries", "bacon", "crumpets", "frozen pizza", "chicken nuggets", "corn on the cob"],
    "x_appliance": ["air fryer", "slow cooker", "blender", "bread maker", "pressure cooker", "soup maker", "microwave",
                    "instant pot", "halogen oven", "rice cooker", "food processor", "waffle maker", "sandwich toaster"],
    "x_bot": ["robot hoover", "robot vacuum", "roomba", "robot mower", "dishwasher", "washing machine", "coffee machine",
              "tumble dryer", "slow cooker", "bread maker", "kettle", "oven", "dehumidifier", "air purifier"],
    "x_dial": ["fan", "heater", "air con", "dehumidifier", "humidifier", "air purifier", "telly", "radio", "speaker",
               "heating", "electric fire", "towel rail", "underfloor heating", "extractor fan", "ceiling fan"],
    "x_light_colour": ["blue", "red", "warm white", "cool white", "purple", "green", "pink", "orange", "yellow",
                       "brighter", "dimmer", "daylight", "candle light", "teal", "lilac", "gold", "a sunset colour"],
    "x_plug_thing": ["electric blanket", "towel rail", "fairy lights", "lamp", "floor lamp", "smart plug", "desk fan",
                     "christmas tree lights", "kettle", "coffee machine", "hot tub", "fish tank light", "bedside lamp",
                     "porch light", "lava lamp", "led strip", "diffuser"],
    "x_clothes_howto": [
        "tie a tie", "tie a bow tie", "do a windsor knot", "fold a fitted sheet", "fold a t-shirt", "iron a shirt",
        "sew on a button", "hem trousers", "darn a sock", "knit a scarf", "lace trainers", "tie shoelaces",
        "roll up my sleeves properly", "wear a scarf", "put on a duvet cover", "fix a broken zip",
        "unshrink a wool jumper", "shrink jeans", "soften leather boots", "break in new boots", "stretch shoes",
        "dye a t-shirt", "remove bobbles from a jumper", "fold a pocket square", "tie a sarong", "bleach jeans",
        "patch a hole in jeans", "get creases out without an iron", "make a t-shirt into a crop top",
        "clean suede shoes", "whiten yellowed pillows", "wash a down jacket by hand", "dry a wool jumper",
    ],
    "x_stain": ["a wine stain", "red wine", "blood", "grass stains", "ink", "chewing gum", "candle wax", "sweat stains",
                "fake tan", "deodorant marks", "oil", "coffee", "mud", "curry", "nail varnish", "ketchup",
                "lipstick", "rust", "bird poo", "tomato sauce", "tea stains", "biro"],
    "x_fabric_thing": ["a shirt", "my jeans", "a white top", "the carpet", "a duvet", "a cushion", "my trainers",
                       "a jumper", "a dress", "the sofa", "a silk blouse", "school uniform", "a wool coat",
                       "the mattress", "white sheets", "a suede jacket"],
    "x_why_colour": ["are flamingos pink", "is grass green", "is the sea blue", "do leaves change colour in autumn",
                     "is snow white", "are bananas yellow", "is mars red", "are carrots orange", "is the sunset red",
                     "are school buses yellow", "is blood red", "do eyes change colour", "are fire engines red",
                     "is the sky dark at night", "do bruises go yellow", "are post boxes red", "is gold gold"],
    "x_mix": ["blue and yellow", "red and blue", "red and green", "all the colours", "black and white",
              "purple and orange", "red and yellow", "blue and orange", "red and white"],
    "x_big": ["the sun", "the moon", "jupiter", "the pacific", "a blue whale", "texas", "wales", "russia",
              "an olympic pool", "a football pitch", "a tennis court", "the milky way", "an acre", "a hectare",
              "mount everest", "the amazon rainforest", "the titanic", "a double decker bus"],
    "x_size_of": ["an a4 sheet", "an a3 sheet", "a football pitch", "a tennis court", "a basketball court",
                  "an olympic pool", "a credit card", "a postcard", "a standard brick", "a golf hole",
                  "a snooker table", "a cricket pitch", "a rugby ball", "a shipping container"],
    "x_superlative": ["biggest", "smallest", "tallest", "heaviest", "fastest", "oldest", "longest", "loudest"],
    "x_kind": ["animal", "bird", "tree", "dog breed", "country", "planet", "ocean", "building", "fish", "spider",
               "insect", "snake", "mountain", "desert", "lake", "island", "cat breed"],
    "x_colour_of": ["a polar bear's skin", "the sky on mars", "a giraffe's tongue", "a lobster's blood",
                    "a flamingo at birth", "the inside of a kiwi", "the black box on a plane", "a bumblebee bat",
                    "an octopus's blood", "the sun really", "the hottest star", "a zebra under its stripes"],
    "x_minutes": ["1", "2", "3", "4", "5", "6", "7", "8", "10", "12", "15", "18", "20", "25", "30", "40", "45",
                  "60", "90", "one", "two", "three", "five", "ten", "twenty"],
    "x_unit": ["mins", "minutes", "min", "secs", "seconds", "hours", "hrs", "minute"],
    "x_timer_for": ["the eggs", "the pasta", "the rice", "the pizza", "the cake", "the tea", "the oven chips",
                    "my nap", "the kids", "the washing", "homework", "the roast", "the bread", "a plank",
                    "the steak", "my face mask", "screen time", "the hair dye", "my study break"],
    "x_lost": ["phone", "iphone", "mobile", "android", "samsung", "work phone", "ipad", "tablet", "airpods", "watch",
               "keys", "car", "earbuds", "kindle", "laptop", "apple watch", "galaxy", "pixel"],
    "x_league": ["premier league", "championship", "la liga", "serie a", "bundesliga", "spl", "league one",
                 "league two", "nba", "nfl", "wsl", "mls", "ligue 1", "scottish premiership", "eredivisie",
                 "champions league group", "nhl", "ipl"],
    "x_table": ["table", "standings", "top scorers", "fixtures", "results", "league table", "form table",
                "relegation battle", "points table"],
    "x_carry": ["a power bank", "a hair dryer", "deodorant", "a razor", "vapes", "liquids", "a laptop", "food",
                "medication", "perfume", "knitting needles", "a tripod", "a camera battery", "hair straighteners",
                "an electric toothbrush", "a lighter", "a tennis racket", "a pushchair", "breast milk", "a kindle",
                "suncream", "a scooter", "a guitar", "a selfie stick"],
    "x_carry_where": ["on a plane", "in hand luggage", "in my carry on", "in hold luggage", "through security",
                      "on ryanair", "on a long haul flight", "in the cabin", "on the eurostar", "in my checked bag"],
    "x_bag_rule": ["hand luggage", "cabin bag", "baggage", "checked bag", "carry on", "liquids", "under seat bag",
                   "hold luggage", "sports equipment", "pram", "musical instrument"],
    "x_weather_kit": ["an umbrella", "a coat", "sunscreen", "a jumper", "wellies", "gloves", "a brolly", "suncream",
                      "a jacket", "sunglasses", "a hat", "a raincoat", "a scarf", "shorts", "sandals", "a fleece",
                      "thermals", "an extra layer"],
    "x_weather_when": ["today", "tomorrow", "later", "this afternoon", "tonight", "in {city}", "for the school run",
                       "for my run", "this weekend", "on saturday", "for the walk", "at the match", "first thing",
                       ""],
    "x_weather_type": ["shorts", "coat", "t-shirt", "jumper", "sandals", "umbrella", "bbq", "beach", "hat and gloves",
                       "sunglasses", "sun cream", "scarf", "flip flop", "big coat", "wellie", "paddling pool"],
    "x_how_works": ["a microwave", "an induction hob", "a solar panel", "a heat pump", "a fridge", "an air fryer",
                    "a dishwasher", "a 3d printer", "a smart meter", "a thermostat", "wifi", "bluetooth",
                    "a touchscreen", "a vacuum flask", "noise cancelling", "gps", "an electric car", "a kettle",
                    "a lava lamp", "velcro", "a zip"],
    "x_company": ["nike", "ikea", "dyson", "lego", "apple", "adidas", "levi's", "primark", "marks and spencer",
                  "amazon", "samsung", "argos", "john lewis", "asos", "uniqlo", "le creuset", "tesco", "aldi"],
    "x_invention": ["the air fryer", "the kettle", "the zip", "the bra", "trainers", "the sandwich", "jeans",
                    "the t-shirt", "the teddy bear", "the hoover", "the toaster", "the umbrella", "the microwave",
                    "the bicycle", "the tin opener", "the dishwasher", "the safety pin", "the light bulb"],
}

PER_TEMPLATE = {}

_SELL_ELSEWHERE = [
    "how do i sell my <old |used |>{x_sellable} on {x_market}", "list my {x_sellable} on {x_market}",
    "write a <listing|description|post|ad> for my {x_sellable} <on|for> {x_market}",
    "how much would my <old|used> {x_sellable} go for on {x_market}",
    "is it better to sell my {x_sellable} on {x_market} or {x_market}",
    "best <app|site|way|place> to sell <old clothes|my old phone|furniture|baby stuff|books|trainers|designer bags|a car|old games>",
    "someone on {x_market} wants my {x_sellable}, <is it a scam|how do i avoid getting scammed|should i take paypal>",
    "<what's my car worth|value my car|how much is my house worth|how do i value my old watch>",
    "how do i <price stuff for|run a stall at|do well at> a car boot sale",
    "how do i post a parcel <i sold|for a buyer|for something i sold> on {x_market}",
    "<relist|delete|edit|boost> my {x_market} <listing|ad|post>",
    "how do i get paid on {x_market}", "a buyer on {x_market} <hasn't paid|wants a refund|never collected>",
]

_OTHER_REFUNDS = [
    "how do i get a refund from {x_firm}", "{x_firm} <still hasn't refunded|hasn't refunded|won't refund|refuses to refund> me",
    "how do i claim my money back from {x_firm} for {x_refund_for}",
    "chargeback <for|on> {x_refund_for}", "how do i do a chargeback with my bank",
    "my bank <won't|hasn't|refused to> <refund|reverse> the <ryanair|netflix|uber|gym|parking|airbnb|ticketmaster|deliveroo|hotel|sky> <charge|payment|transaction>",
    "<section 75|chargeback|delay repay|flight delay compensation|ppi> claim<| how does it work| for my flight|>",
    "how long does a <tax rebate|council tax refund|deposit refund|tax refund|hmrc refund> take",
    "is my <tax refund|hmrc refund|universal credit|deposit|rebate> in my account yet",
    "dispute a payment to {x_firm}", "<ryanair|easyjet|the airline|trainline|the train company|british airways|airbnb|the hotel> cancelled my <flight|trip|booking|train|stay> - how do i get compensation",
    "am i entitled to compensation from {x_firm}", "write a complaint letter to {x_firm} asking for a refund",
]

_SHARES = [
    "<how are|how's|are> {company} shares <doing|today|up or down|this week|looking>",
    "{company} stock<| price| today| forecast| news>", "how did the <nasdaq|ftse 100|s&p 500|dow|nikkei|ftse 250> <close|do today|end the week>",
    "when <is|are> {company}'s <earnings|results|dividend|agm|next results>",
    "should i <sell|hold|buy more of> my {company} shares",
    "<what's|whats> the price of <gold|silver|oil|brent crude|{coin}|platinum|copper> <today|right now|per ounce|per barrel|>",
    "<is|are> {company} <a good investment|shares cheap right now|overvalued>", "ticker symbol for {company}",
]

_APPLIANCE_RECIPES = [
    "{x_app_recipe} recipe", "recipe for {x_app_recipe}", "how long do {x_food_item} take in the <air fryer|oven|halogen oven|slow cooker|ninja>",
    "what temperature for {x_food_item} in the air fryer", "how do i cook {x_food_item} in <an air fryer|the microwave|a slow cooker>",
    "<what can i make|what can i cook|easy recipes|dinner ideas> <in|with> <my|a> {x_appliance}",
    "can you put <foil|baking paper|a glass dish|frozen meat|raw chicken|eggs in their shell> in <an air fryer|the microwave|a slow cooker>",
    "how do i <descale the kettle|clean the oven|defrost the freezer|get limescale off the taps|clean the microwave with lemon>",
    "smoothie recipe with <banana|spinach|oats|berries|peanut butter|mango> for my blender",
    "convert an oven recipe to <air fryer|slow cooker|pressure cooker> times",
    "how many minutes per kg for a roast in the <oven|slow cooker|halogen oven>",
]

_APPLIANCE_COMMANDS = [
    "<start|run|turn on|switch on> the {x_bot}<| now| in the {room}|>",
    "<pause|stop|dock|send home|resume|recharge> the <robot hoover|roomba|robot vacuum|robot mower>",
    "send the <robot hoover|roomba|robot vacuum> to the {room}",
    "turn the {x_dial} <up|down|off|on|to max|to low|to 3|right down|up a bit><| in the {room}|>",
    "{x_dial} <on|off|up|down|to full|on low|on high><| in the {room}|>",
    "make the {room} <light|lights|lamp|bulbs> {x_light_colour}",
    "set the <oven|air fryer> to <180|200|220 degrees|160 fan|grill|defrost>",
    "set the <heating|hot water|immersion> to <come on at {time}|boost|eco|holiday mode|21 degrees>",
    "preheat the oven<| to 200| to 180 fan| for {time}|>", "boil the kettle<| for me|>",
    "how long <is |>left on the <washing machine|dishwasher|dryer|oven|slow cooker|bread maker>",
    "is the <dishwasher|washing machine|tumble dryer|robot hoover|bread maker|slow cooker> <done|finished|still running|on>",
    "turn <on|off> the {x_plug_thing}<| in the {room}|>", "switch the {x_plug_thing} <on|off> at {time}",
    "set the {room} lamp to {pct} percent", "put the {x_dial} on a timer for <an hour|30 minutes|two hours>",
    "is the {x_plug_thing} still on", "schedule the {x_bot} for <tomorrow morning|{time}|when i'm out|weekdays>",
]

_CLOTHES_HOWTO = [
    "how <do i|to|do you|can i> {x_clothes_howto}", "best way to {x_clothes_howto}",
    "how <do i|to|can i|do you> get {x_stain} out of {x_fabric_thing}",
    "<will|does> <vinegar|baking soda|washing up liquid|white wine|salt|hairspray> get {x_stain} out",
    "<why|how come> <do my jeans shrink|does my jumper bobble|do white clothes go grey|do socks go missing|do my shoes squeak|do shirts go yellow under the arms>",
    "what does <the|this> <washing symbol|tumble dry symbol|care symbol with a triangle|circle in a square symbol|hand in a bucket symbol> mean",
    "what temperature <should i|do you> wash <towels|bedding|whites|jeans|gym clothes|baby clothes|bath mats> at",
    "<can you|should you> put <trainers|a duvet|pillows|a wool jumper|a wetsuit|curtains> in the washing machine",
]

_COLOUR_SIZE_TRIVIA = [
    "why {x_why_colour}", "what colour do you get if you mix {x_mix}", "what do {x_mix} make",
    "how big is {x_big}<| compared to earth| really| in miles|>", "what size is {x_size_of}",
    "what's the {x_superlative} {x_kind} in the world", "what colour is {x_colour_of}",
    "how tall is the average <man|woman|10 year old|giraffe|oak tree|person> <in the uk|in feet|in cm|>",
    "what's the most popular colour <in the world|for cars|for front doors|on flags>",
    "how many colours <are in a rainbow|can humans see|are there>", "is white a colour",
    "what colour is <teal|magenta|cerulean|taupe|puce|vermilion> exactly", "can dogs see colour",
    "why do <men's and women's|uk and us|european> <shoe|clothes> sizes differ, historically",
]

_TIMERS = [
    "<timer|set timer|set a timer|timer for|start a timer for> {x_minutes} {x_unit}",
    "{x_minutes} minute timer<| for {x_timer_for}|>", "set a {x_minutes} {x_unit} timer for {x_timer_for}",
    "count down from <10|20|30|60|100|five>", "<wake me up|alarm> in <20 minutes|an hour|half an hour|ten minutes|90 minutes>",
    "alarm at <6:15|7.30|5 am|quarter to seven|ten past six|4:45>",
    "remind me in {x_minutes} minutes to <check the oven|turn the oven off|take the washing out|move the car|call back|take the cake out>",
    "how long is left on the <pasta|egg|oven|tea|nap|cake> timer", "add {x_minutes} minutes to the timer",
    "cancel the {x_minutes} minute timer", "<second|another> timer for {x_minutes} {x_unit}",
]

_FIND_MY_THINGS = [
    "<where's|where is|find|locate|track|ring|call> my {x_lost}",
    "i've lost my {x_lost}, <make it ring|can you ring it|help me find it|where is it|can you track it>",
    "make my <phone|ipad|watch|airpods> <ring|beep|play a sound>", "last known location of my {x_lost}",
    "did i leave my {x_lost} <at work|in the car|at the pub|at the gym|at my mum's>", "ping my <phone|watch|ipad>",
    "turn on lost mode for my {x_lost}", "where did i park <the car|my car|>",
]

_LEAGUE_TABLES = [
    "{x_league} {x_table}", "where are {team} in the <table|league|standings>",
    "how many points <are|have> {team} <on|got>", "who's <top of|bottom of|winning> the <{x_league}|league|six nations|f1 championship>",
    "f1 <drivers|constructors> standings", "who got relegated <last season|this year|from the {x_league}>",
    "<cricket|rugby|tennis|golf|darts|snooker> <rankings|world rankings|scores>", "goal difference for {team}",
    "is {team} above {team} in the table",
]

_LUGGAGE_RULES = [
    "what's {airline}'s {x_bag_rule} <allowance|limit|rule|size>", "can i take {x_carry} {x_carry_where}",
    "how <heavy|big> can my <suitcase|cabin bag|hand luggage|hold bag> be on {airline}",
    "what size is the {airline} <cabin bag|hand luggage|under seat bag> <allowance|limit|sizer>",
    "how much liquid can i take <on a plane|through security|in hand luggage>",
    "do i have to take my <laptop|liquids|kindle|camera> out at <security|heathrow|gatwick|the airport>",
    "<is|does> a <backpack|handbag|laptop bag|duty free bag|coat> count as hand luggage on {airline}",
    "how much does {airline} charge for <a checked bag|extra luggage|a 20kg bag|overweight bags|a second bag>",
    "what's the weight limit for <checked luggage|hold bags|cabin bags> on {airline}",
]

_WEATHER_WEAR = [
    "do i need {x_weather_kit} {x_weather_when}", "is it {x_weather_type} weather {x_weather_when}",
    "will it be <hot|warm|cold|dry|sunny|nice> enough for <shorts|sandals|a bbq|the beach|a picnic|a swim|the washing> {x_weather_when}",
    "<rain|snow|sun|wind|frost|fog|thunder|a heatwave> <later|tonight|tomorrow|this weekend|today><?|>",
    "what's the weather doing<| later| today| this afternoon| in {city}|>",
    "should i <hang the washing out|put the heating on|wear a coat|take a brolly|cover the plants|bring the cushions in> {x_weather_when}",
    "what should i wear <today|tomorrow|for the weather|in {city} this week>, <weather wise|given the forecast|is it cold>",
    "how cold is it <outside|out there|in {city}|this morning>",
]

_GENERAL_KNOWLEDGE = [
    "how does {x_how_works} work", "who <founded|started|owns> {x_company}", "when was {x_company} founded",
    "who <invented|came up with> {x_invention}", "<history|origin> of {x_invention}", "when was {x_invention} invented",
    "how many <shoes|t-shirts|toasters|phones> are sold in the world each year",
    "what's the difference between <a duvet and a comforter|jam and jelly|a jumper and a sweater|a hoodie and a sweatshirt|a boot and a trunk> in british english",
]

# fewer examples per template than part 1 and 2 (8): many templates, each drawn a little
PER_LOOKALIKE = 5

TEMPLATES = {
    "out_of_scope": [(template, PER_LOOKALIKE) for template in
                     _SELL_ELSEWHERE + _OTHER_REFUNDS + _SHARES + _APPLIANCE_RECIPES + _APPLIANCE_COMMANDS
                     + _CLOTHES_HOWTO + _COLOUR_SIZE_TRIVIA + _TIMERS + _FIND_MY_THINGS + _LEAGUE_TABLES
                     + _LUGGAGE_RULES + _WEATHER_WEAR + _GENERAL_KNOWLEDGE],
}
