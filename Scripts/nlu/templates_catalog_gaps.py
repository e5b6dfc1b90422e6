"""Templates for short catalog turns that the earlier modules covered thinly: a size or colour asked of
something already shown, an item coming back into stock, the price of one variant against another, a
choice between two sizes or specs, a one-word spec question, and deals that are not codes (bundles,
multibuys, birthday discounts, a sale to come).

Labelling rules (on top of those of templates_catalog.py and templates_product_info.py):

* check_stock: whether a thing already named or shown comes in a size or colour, or is back ("got it
  in xl?", "the trainers in a 9?", "is the {product} back yet"). A new search for other things in a
  colour stays find_products.
* price_inquiry: what one variant or bundle costs, also against another ("how much more is the 65
  inch than the 55").
* product_recommendation: which of two sizes, capacities or specs to go for ("should i get the 256 or
  is 128 enough").
* product_details: a yes/no or how-question about one feature of a thing named or shown, however
  short ("hdmi 2.1?", "is the kettle cordless").
* find_discounts: whether a deal exists: bundles, multibuys, birthday or first-order discounts, cashback,
  a coming sale.
"""

SLOTS = {
    "cg_it": ["it", "them", "these", "those", "this one", "that one", "the {color} one", "the {g_any_1}",
              "the {brand} ones", "the {product}"],
    "cg_got": ["got", "u got", "you got", "have you got", "do you have", "do u have", "any", "have",
               "is there", "do they come"],
    "cg_size": ["xl", "xs", "a small", "a medium", "a large", "a 10", "a 9", "size 8", "a 7.5", "a uk 6",
                "size 38", "a 42", "an eu 44", "a men's 10.5", "a women's 5", "petite", "a 32 waist",
                "a 34 long", "kids' 13", "a 12"],
    "cg_shade": ["tan", "lilac", "olive", "navy", "cream", "burgundy", "sage", "mustard", "khaki", "teal",
                 "charcoal", "obsidian", "midnight", "rose gold", "sand", "forest green", "maroon", "violet"],
    "cg_back": ["back yet", "back in stock", "back in", "restocked", "available again", "coming back",
                "in stock again"],
    "cg_variant": ["128gb", "256gb", "512gb", "1tb", "65 inch", "55 inch", "bigger size", "large one",
                   "pro version", "wifi only one", "cellular one", "king size", "double", "xl one",
                   "4 slice one", "two pack", "bundle with the case"],
    "cg_feat": ["hdmi 2.1", "usb c", "bluetooth 5.3", "wifi 6", "4k", "dolby atmos", "anc", "nfc", "a headphone jack",
                "an sd slot", "wireless charging", "a backlight", "a dishwasher safe lid", "a removable cover",
                "a keep warm setting", "gps", "a heart rate sensor", "a timer"],
    "cg_is": ["cordless", "lined", "pre-washed", "waterproof", "dishwasher safe", "machine washable",
              "battery powered", "plug in", "rechargeable", "foldable", "cabin size", "vegan", "bpa free",
              "true to size", "adjustable", "noise cancelling"],
    "cg_deal": ["a bundle", "a bundle deal", "a multibuy", "3 for 2", "buy one get one", "a birthday discount",
                "a first order discount", "a welcome discount", "cashback", "a student discount",
                "a trade in offer", "a loyalty discount", "any bank offers", "a family deal"],
}
# two-way choices are written out whole, so that both halves come from one pair
SLOTS["cg_choice"] = [f"the {a} or the {b}" for a, b in [("128", "256"), ("55", "65 inch"), ("144hz", "240hz"),
                                                         ("13 inch", "15 inch"), ("8gb", "16gb")]] + \
                     ["the small or the large", "the 4 or 6 litre", "the single or the double", "wifi or cellular"]

PER_TEMPLATE = {}

_STOCK = [
    ("{cg_got} {cg_it} in {cg_size}<?|??|>", 24),
    ("{cg_got} {cg_it} in {cg_shade}<?|??|>", 16),
    ("<in|and in|what about|how about> {cg_size}<?|>", 12),
    ("{cg_size}<?|??>", 10),
    ("<is|are> the {product} {cg_back}<?|>", 12),
    ("<is|are> {cg_it} {cg_back}<?|>", 8),
    ("<are|is> the {color} {g_any} <in|available in|still in> {cg_size}<?|>", 12),
    ("{cg_shade} <colour|color|> <is|still> available<?|>", 8),
]

_PRICE = [
    ("<how much|what's the price|what does it cost|what would i pay> for the {cg_variant}<?|>", 16),
    ("<and|what about|how much is|price of> the {cg_variant}<?|>", 12),
    ("<does it|would it|is it> cost more <in|for> the {cg_variant}<?|>", 8),
    ("how much <more|extra> is the {cg_variant} <than|compared to|vs> the <smaller one|basic one|standard one|cheaper one><?|>", 10),
    ("what's the <rate|cost|price> of the {cg_variant} {product}<?|>", 10),
]

_RECOMMEND = [
    ("should i <go for|get|pick|choose> {cg_choice}<?|>", 16),
    ("{cg_choice}, <which|what> would you <get|pick|go for|recommend><?|>", 12),
    ("is <128|8gb|55 inch|4 litres|a 13 inch|a single> enough or should i <go for|get|step up to> the <256|16gb|65|6 litre|15 inch|double><?|>", 12),
]

_DETAILS = [
    ("{cg_feat}<?|??>", 12),
    ("<does|do> {cg_it} have {cg_feat}<?|>", 16),
    ("<is|are> {cg_it} {cg_is}<?|>", 16),
    ("<is|are> the {g_any_1} {cg_is}<?|>", 16),
    ("<how accurate|how good|how reliable> is the <heart rate|gps|step counter|sleep tracking|camera|zoom> <on it|on the {product}|>", 10),
]

_DEALS = [
    ("<do you do|is there|have you got|any chance of> {cg_deal}<?| on the {g_any_s}?| if i buy two?|>", 20),
    ("<is|will> <it|the {g_any_1}|the {product}|this> <be|going to be> <on sale|reduced|discounted|cheaper> <for black friday|in the sales|at christmas|soon|next month><?|>", 14),
    ("<any|is there a> <bundle|multibuy|deal> <on|with|for> <the {g_any_s}|{g_any}|games|towels|the console and games><?|>", 14),
]

TEMPLATES = {
    "check_stock": _STOCK,
    "price_inquiry": _PRICE,
    "product_recommendation": _RECOMMEND,
    "product_details": _DETAILS,
    "find_discounts": _DEALS,
}
