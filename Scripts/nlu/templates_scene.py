"""Templates for turns about items on display, part 3 of the catalogue and product intents:
find_products, product_recommendation, product_details, price_inquiry, check_stock.

In a shop with a screen or a showroom the shopper talks about what is in front of them: clothes on a
rack, furniture set out in a room. Turns are long and conversational and point at items by position
and look ("the grey armchair by the window", "the striped shirts hanging at the back", "that wooden
table in the middle"), then either ask for a list ("anything like that but in linen", "i'd love
something floral, maybe in a paler shade") or ask a fact about what they point at (brand, rating,
material, sizes, price, stock, several of them at once). Furniture (sofas, coffee tables, rugs, lamps,
shelves, beds) is as common as clothing here.

Labelling rules (as in templates_catalog.py and templates_product_info.py):
* find_products: a list of other items: like X but different, more options, a kind of item with
  wanted attributes, the same brand, a filter on rating, price or size.
* product_recommendation: a pick between shown items, something that goes with an item, what suits
  a room or an occasion (never a present for someone else: that is gift_ideas).
* product_details: a fact about a pointed-at item (brand, rating, material, sizes, dimensions,
  colours), or several facts at once including price or stock.
* price_inquiry: only the price; check_stock: only availability, sizes in stock or left.

The furniture nouns are left unannotated, like the goods of templates_catalog_more.py: the server's
lexicon marks the ones it knows (sofa, rug, armchair, lamp...) as items at training and at run time.
"""

_FURN = """sofa, couch, loveseat, corner sofa, sofa bed, armchair, accent chair, lounge chair, dining chair, chair,
    rocking chair, recliner, swivel chair, bar stool, stool, footstool, ottoman, pouffe, bench, coffee table,
    end table, side table, dining table, console table, nesting table, bedside table, nightstand, bookshelf,
    bookcase, shelving unit, wall shelf, ladder shelf, bed, bed frame, headboard, dresser, chest of drawers,
    wardrobe, tv stand, tv unit, sideboard, cabinet, display cabinet, desk, rug, area rug, runner rug,
    floor lamp, table lamp, lamp, pendant light, mirror, floor mirror, cushion, throw, vase, planter, daybed"""


def _plural(noun):
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith("shelf"):
        return noun[:-1] + "ves"
    return noun + "s"


_FURN_S = [w.strip() for w in _FURN.split(",") if w.strip()]
_FURN_P = [_plural(w) for w in _FURN_S]

SLOTS = {
    "sc_furn": _FURN_S,
    "sc_furn_p": _FURN_P,
    # one item on display: clothing (annotated categories) or furniture, about evenly
    "sc_thing": ["{cat_wear_s}", "{cat_wear_s}", "{sc_furn}", "{sc_furn}", "{cat_cloth_s}"],
    "sc_things": ["{cat_wear}", "{cat_wear}", "{sc_furn_p}", "{sc_furn_p}", "{cat_cloth}"],
    "sc_a_thing": ["{cat_wear_a}", "{cat_wear_a}", "a {sc_furn}", "a {sc_furn}", "a new {sc_furn}"],
    "sc_mat": ["wooden", "oak", "walnut", "pine", "metal", "glass", "marble", "leather", "faux leather", "velvet",
               "linen", "boucle", "rattan", "wicker", "cotton", "wool", "denim", "suede", "corduroy", "knitted",
               "silk", "upholstered", "fabric", "chrome", "bamboo", "teak"],
    "sc_shade": ["dark", "light", "pale", "bright", "deep", "muted", "pastel", "faded", "soft", "warm", "cool"],
    # what an item looks like, and the item with its look
    "sc_wlook": ["{color}", "{color}", "{color}", "{pattern}", "{color} {pattern}", "{sc_shade} {color}",
                 "{color} and {color}", "short sleeved", "long sleeved", "plain {color}", "{fabric}", "{color} {fabric}",
                 "striped", "checked", "patterned", "oversized", "fitted", "cropped", "long", "short"],
    "sc_flook": ["{color}", "{color}", "{sc_mat}", "{sc_mat}", "{color} {sc_mat}", "{sc_shade} {color}",
                 "{pattern}", "big", "small", "tall", "low", "round", "square", "{color} and {color}", "patterned",
                 "two seater", "three seater", "modern", "vintage", "rustic", "mid century"],
    "sc_lthing": ["{sc_wlook} {cat_wear_s}", "{sc_wlook} {cat_wear_s}", "{sc_flook} {sc_furn}", "{sc_flook} {sc_furn}"],
    "sc_lthings": ["{sc_wlook} {cat_wear}", "{sc_flook} {sc_furn_p}"],
    "sc_look": ["{sc_wlook}", "{sc_flook}"],
    # where it is
    "sc_pos": ["on the left", "on the right", "in the middle", "in the centre", "at the back", "in the back",
               "at the front", "in the front", "up front", "on the top shelf", "on the bottom shelf",
               "on the middle shelf", "on the rack", "on the far rack", "on the left rack", "hanging on the wall",
               "hanging up", "on the wall", "on the floor", "on the display table", "by the window",
               "next to the mirror", "in the corner", "in the far corner", "closest to me", "nearest the door",
               "behind the {sc_furn}", "under the lamp", "in the second row", "in the top row", "in the bottom row",
               "on the end", "at the end of the rack", "on the mannequin", "next to the {color} {sc_furn}",
               "to the left of the {sc_furn}", "to the right of the {cat_wear_s}", "beside the {sc_furn}",
               "on the shelf above it", "in the cubby", "on the right hand side", "on the left hand side",
               "in the display case", "on the back wall", "near the entrance", "in front of the {sc_furn}",
               "furthest away", "second from the left", "third from the right", "in the top left",
               "in the bottom right", "on the table", "draped over the {sc_furn}", "folded on the shelf"],
    # a pointer to one shown item
    "sc_ref": ["the {sc_lthing} {sc_pos}", "the {sc_lthing} {sc_pos}", "the {sc_thing} {sc_pos}",
               "the {sc_thing} {sc_pos}", "that {sc_lthing}", "this {sc_lthing}",
               "the {sc_look} one {sc_pos}", "the one {sc_pos}", "the {sc_thing} you just showed me",
               "the {ord} {sc_thing}", "the {sc_lthing}", "that {sc_thing} {sc_pos}",
               "the {sc_lthing} you showed me earlier", "the {sc_thing} i was looking at",
               "that {sc_look} one", "the {sc_lthing} next to it"],
    # a pointer to several
    "sc_refs": ["those {sc_lthings}", "the {sc_things} {sc_pos}", "the {sc_lthings} {sc_pos}",
                "the two {sc_things} {sc_pos}", "both {sc_look} ones", "the {sc_look} ones {sc_pos}",
                "all the {sc_things} {sc_pos}", "these {sc_lthings}", "the {sc_things} you showed me",
                "the {num} {sc_things} {sc_pos}", "the {sc_wlook} and the {sc_wlook} {cat_wear_s}"],
    # a wanted quality of other items
    "sc_want": ["more colourful", "a bit brighter", "in a lighter shade", "in a darker colour", "darker",
                "with a {pattern} pattern", "in {color}", "in {color}", "more casual", "more formal", "a little cheaper",
                "highly rated", "with better reviews", "made of {sc_mat}", "in {sc_mat}", "with long sleeves",
                "with short sleeves", "more modern", "more rustic", "more minimalist", "more traditional",
                "a bit bigger", "smaller", "more compact", "in a neutral colour", "less bulky", "in a bolder colour",
                "with a plain design", "with a bit more texture", "in {fabric}", "in {sc_shade} {color}",
                "with a {pattern} print", "that's {pattern}", "in a similar style", "with a similar look",
                "from the same brand", "in {size}", "in my size", "for a small room", "with storage",
                "without arms", "with a higher back", "lower to the ground", "with a softer feel",
                "that's easy to clean", "with a rating of 4 or more", "under {budget}", "in a {sc_shade} tone"],
    # a rough alternative, said after "maybe"
    "sc_maybe": ["in {color}", "in something {sc_shade}", "with a {pattern} pattern", "a bit cheaper",
                 "in a lighter colour", "in a darker colour", "from another brand", "in {sc_mat}", "a size up",
                 "with stripes", "something plainer", "in {color} or {color}", "in a {sc_shade} tone",
                 "something more muted", "with a pop of colour", "in {size}"],
    "sc_fact": ["brand", "price", "rating", "customer rating", "average rating", "review score", "reviews",
                "material", "fabric", "size", "sizes", "available sizes", "dimensions", "measurements",
                "colour options", "sleeve length", "pattern", "designer", "maker", "care instructions", "width",
                "height", "depth", "weight", "finish", "seat height", "warranty", "colours it comes in"],
    "sc_room": ["living room", "lounge", "bedroom", "dining room", "study", "home office", "hallway", "spare room",
                "kids room", "guest room", "flat", "new place", "reading nook", "sitting room", "den", "patio"],
    "sc_event": ["a wedding", "a job interview", "a night out", "the office", "a dinner party", "a date",
                 "a summer barbecue", "a family gathering", "the weekend", "a christening", "a conference",
                 "a garden party", "work drinks", "a festival"],
    # made-up shop labels standing for brands the extractor does not know (left unannotated on purpose)
    "sc_maker": ["harbour and pine", "north quarter", "the linen loft", "oak and ember", "city threads",
                 "maple row", "urban nest", "wild fern", "silver birch studio", "coastline", "redbrick", "the atelier",
                 "juniper home", "stitch and co", "meadowlane", "driftwood", "the cotton works", "hearth house"],
}

PER_TEMPLATE = {}

_FIND = [
    ("{pre}have you got anything similar to {sc_ref} but {sc_want}", 14),
    ("{pre}i really like {sc_ref}, do you have something like it {sc_want}", 14),
    ("{pre}could you show me some {sc_things} {sc_want}<| please|>", 14),
    ("{pre}i'd like to see {sc_things} that are {sc_want}", 10),
    ("{pre}i'm after {sc_a_thing}, something {sc_want}<, maybe {sc_maybe}|>", 14),
    ("{pre}<i'm hoping for|ideally i'd find|what i'm after is> something {sc_want}, <perhaps|possibly|or failing that> {sc_maybe}", 14),
    ("{pre}are there any other {sc_things} <like that|in that style|with a similar look|in a similar style|like these>", 10),
    ("{pre}<show me|can i see|let me see> what else you have in {sc_look}", 10),
    ("{pre}i'm <furnishing|doing up|decorating|kitting out> my {sc_room}, <do you have|have you got|got> any {sc_furn_p} {sc_want}", 14),
    ("{pre}we need a new {sc_furn} for the {sc_room}, something {sc_want}", 12),
    ("{pre}<can i see|show me|are there any> {sc_things} with <good|great|high|decent|four star|five star> <reviews|ratings>", 10),
    ("{pre}i need {sc_a_thing} in my size, {size}, preferably {color}", 10),
    ("{pre}<find me|show me|do you have> {sc_things} by the same <brand|maker|designer|label> as {sc_ref}", 12),
    ("{pre}do you <carry|stock|have|sell> any {sc_things} <from|by|made by> {sc_maker}", 10),
    ("{pre}i like the <style|look|shape|colour|cut> of {sc_ref}, <can you|could you|would you> find me something <similar|like it|along those lines> {sc_want}", 14),
    ("{pre}<can|could> you show me a few more <options|choices|pieces|things>, maybe {sc_maybe}", 10),
    ("{pre}i don't really <like|love|fancy> any of these, <do you have|have you got|is there> anything {sc_want}", 12),
    ("{pre}<that's|this is|those are> not really my style, <show me|do you have|got> something {sc_want}", 12),
    ("{pre}i want {sc_a_thing} {sc_want}, <what have you got|what do you have|any ideas|what can you show me>", 12),
    ("{pre}<what|which> {sc_things} do you have <in {color}|in {sc_mat}|under {budget}|in {size}|with a {pattern} pattern|with good reviews>", 14),
    ("{pre}<got|have you got|do you have> {sc_things} like {sc_ref} <only|just|but> {sc_want}", 12),
    ("{pre}<switch|swap|change> {sc_ref} for something {sc_want}", 8),
    ("{pre}the {sc_lthing} is <nice|lovely|close|almost right> but i <want|need|prefer> one {sc_want}", 12),
    ("{pre}<show me|let me see|pull up> <more|other|some other|different> {sc_things}<| please| for the {sc_room}| {sc_want}>", 12),
    ("{pre}i'm <browsing|looking|shopping> for {sc_furn_p} for my {sc_room}, <anything|something> {sc_want}", 12),
    ("{pre}<i'm hoping for|i'd go for|what i really want is> something {pattern}, <perhaps|possibly|ideally> in a <softer|brighter|paler|warmer|deeper> <shade|tone>", 12),
    ("{pre}<are there|do you have|got> any {sc_things} that <come in|are available in> {size}<| and {color}|>", 10),
    ("{pre}what <else|other {sc_things}> <do you have|have you got> <in that colour|in that pattern|in that material|like {sc_ref}|from that brand>", 12),
]

_FIND += [
    ("{pre}<how about|what about|could i see|maybe show me> something {sc_want} instead<?|>", 14),
    ("{pre}<what about|how about|any chance of> <one|some|ones|a {sc_thing}|{sc_things}> {sc_want}<?|>", 12),
    ("{pre}<i'm not sure about these|not quite|close but not quite|hmm not those>, <anything|something|got anything> {sc_want}<?|>", 10),
]

_FIND += [
    ("{pre}<i need|i'm looking for|i want|have you got> <a|a new> {sc_furn} that <will fit|fits|would fit|can go> <in a narrow hallway|in a small bedroom|in an alcove|under the window|in a tight corner|in a studio flat|against the wall|by the front door|at the end of the bed>", 12),
]

_RECOMMEND = [
    ("{pre}which of {sc_refs} would you <recommend|go for|pick|choose> for <my {sc_room}|{sc_event}|everyday use|a small space>", 12),
    ("{pre}what would go <well|nicely> with {sc_ref}", 12),
    ("{pre}<can|could> you suggest {sc_a_thing} that would <match|go with|suit|complement> {sc_ref}", 12),
    ("{pre}what would look good in my {sc_room}<| with {sc_ref}|>", 10),
    ("{pre}i need something to wear to {sc_event}, what <do you suggest|would you recommend|would look good>", 12),
    ("{pre}<between|out of> {sc_ref} and {sc_ref}, which <would you pick|is the better buy|do you prefer|would suit my {sc_room}>", 12),
    ("{pre}which {sc_thing} would you <recommend|suggest> for {sc_event}", 10),
    ("{pre}what {sc_things} would you suggest to go with {sc_ref}", 10),
]

_DETAILS = [
    ("{pre}<which|what> brand <is|makes> {sc_ref}", 12),
    ("{pre}who <makes|designed|is the maker of|is the brand behind> {sc_ref}", 12),
    ("{pre}what brand are {sc_refs}", 8),
    ("{pre}<what's|what is|how good is> the <customer rating|rating|review score|average rating> <of|on|for> {sc_ref}", 14),
    ("{pre}how do <customers|people|buyers|reviewers> rate {sc_ref}", 10),
    ("{pre}what <material|fabric> is {sc_ref} <made of|made from|>", 12),
    ("{pre}what sizes <does|can i get> {sc_ref} <come in|in>", 10),
    ("{pre}<can you|could you> tell me the {sc_fact} and the {sc_fact} of {sc_ref}", 14),
    ("{pre}i'd like to know the {sc_fact} of {sc_ref}", 12),
    ("{pre}what are the {sc_fact} and {sc_fact} for {sc_refs}", 10),
    ("{pre}<could|can|may> i get <some info|the details|more information> on {sc_ref}, like the {sc_fact} and {sc_fact}", 12),
    ("{pre}<tell me|give me some details|what can you tell me> about {sc_ref}", 12),
    ("{pre}<how big|how wide|how tall|how deep|how long> is {sc_ref}", 10),
    ("{pre}<what are the|can i have the|do you know the> <measurements|dimensions> of {sc_ref}", 10),
    ("{pre}is {sc_ref} <solid wood|real leather|machine washable|comfortable|sturdy|easy to assemble|good quality|stain resistant|pure cotton|handmade|well reviewed|true to size>", 14),
    ("{pre}what's the difference between {sc_ref} and {sc_ref}", 10),
    ("{pre}does {sc_ref} come in <any other colours|other colours|different sizes|a bigger size|{color}|{sc_mat}>", 12),
    ("{pre}what size is {sc_ref}", 10),
    ("{pre}which of {sc_refs} has the <better|higher|best|highest> <rating|reviews|customer score>", 10),
    ("{pre}what's {sc_ref} <made of|like|rated>", 10),
    ("{pre}<what's|whats> the {sc_fact} <on|of|for> {sc_ref}", 14),
    ("{pre}{sc_fact} and {sc_fact} of {sc_ref}<?| please|>", 10),
    ("{pre}can i get the {sc_fact}, {sc_fact} and price for {sc_refs}", 10),
    ("{pre}how much is {sc_ref} and <what sizes are left|is it in stock|who makes it|what's it made of|how is it rated>", 12),
    ("{pre}<i'm curious about|i'm interested in|i keep looking at> {sc_ref}, <what's the {sc_fact}|who makes it|how is it rated|what's it made of>", 12),
    ("{pre}<what|which> sizes <do you have|are there> for {sc_refs}, and <what do they cost|how much are they|who makes them>", 8),
]

_DETAILS += [
    ("{pre}who <makes|made|sells> the {sc_flook} {sc_furn} {sc_pos}", 12),
    ("{pre}what is the <size|height|width|length|seat depth|weight> of the {sc_flook} {sc_furn}<| {sc_pos}|>", 12),
    ("{pre}<what's|what is> the {sc_furn} {sc_pos} made <of|from|out of>", 10),
    ("{pre}how <is|are> <the|that|those> {sc_flook} <{sc_furn}|{sc_furn_p}> rated", 8),
    ("{pre}<what|which> brand <is|are> the {sc_wlook} {cat_wear} {sc_pos}", 8),
    ("{pre}<who is|who's|what's|do you know> the <manufacturer|maker|brand|designer|label|supplier> of {sc_ref}<?|>", 14),
]

_PRICE = [
    ("{pre}how much <is|does> {sc_ref} <cost|>", 14),
    ("{pre}what's the price <of|on|for> {sc_ref}", 12),
    ("{pre}how much are {sc_refs}", 12),
    ("{pre}what are {sc_refs} priced at", 8),
    ("{pre}what would {sc_ref} set me back", 8),
    ("{pre}<could|can> you tell me what {sc_ref} costs", 10),
    ("{pre}is {sc_ref} more expensive than {sc_ref}", 8),
    ("{pre}what do {sc_refs} cost <each|apiece|per item|altogether|in total>", 8),
    ("{pre}price <of|for|on> {sc_ref}<?| please|>", 8),
]

_STOCK = [
    ("{pre}do you have {sc_ref} in <{size}|my size|a bigger size|a smaller size>", 12),
    ("{pre}is {sc_ref} available in {size}", 10),
    ("{pre}which sizes of {sc_ref} are <in stock|available|left>", 10),
    ("{pre}what sizes <do you have left|are left|are still available> in {sc_ref}", 10),
    ("{pre}do you have any more of {sc_ref} <in stock|in the back|available>", 10),
    ("{pre}is {sc_ref} still <available|in stock|for sale>", 10),
    ("{pre}are {sc_refs} <in stock|available> in {size}", 10),
    ("{pre}<how many of|are there any of> {sc_refs} <left|in stock>", 8),
]

_STOCK += [
    ("{pre}what sizes are <available|there|on offer> <for|in> {sc_ref}<?|>", 12),
    ("{pre}<anything|any|got any> in stock in {size} for {sc_ref}<?|>", 10),
    ("{pre}is there {size_a} in {sc_ref}<?|>", 8),
    ("{pre}<do you have|have you got|got> {sc_ref} in <other|more|any other> sizes<?|>", 8),
]

TEMPLATES = {
    "find_products": _FIND,
    "product_recommendation": _RECOMMEND,
    "product_details": _DETAILS,
    "price_inquiry": _PRICE,
    "check_stock": _STOCK,
}
