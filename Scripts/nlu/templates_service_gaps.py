"""Templates for service turns that the earlier modules covered thinly: problems with the site, the
courier or the staff; delivery, collection, payment and fitting rules; exchanges for another size and
how long a refund takes; asking to be put through or called back; greetings and thanks in other
languages and dialects.

Labelling rules (on top of those of templates_service.py and templates_service_more.py):

* complaint: the shopper reports something that went wrong and is unhappy about it, without asking for
  anything in particular: a site or app that fails, a courier who claims nobody was in, tracking that
  has not moved ("... that's not good enough"), the wrong item or colour sent, a fault that showed
  after weeks, rude or unhelpful staff. A neutral question about where an order is stays order_status.
* store_policy: how the shop works for everyone: delivery times to a place, collecting in a shop,
  what a courier does when nobody is in, ways to pay, fitting and taking the old one away, how to
  contact the shop, sending to another address with a gift receipt.
* return_refund: sending something back, swapping it for another size, a replacement, and where a
  refund is or how long it takes to arrive.
* order_status: one order's progress in neutral words: a missing confirmation email, which courier has
  it, what "processing" means.
* human_handoff: being transferred, passed on or called back by a person.
* greeting / thanks / goodbye: the same in a few other languages and dialects, as shoppers type them.
* out_of_scope: grumbles about life that are not about the shop (a flatmate, the council, the landlord,
  a bill, the trains), so that being annoyed alone never makes a complaint to the shop.
"""

SLOTS = {
    "gp_site": ["your website", "the website", "the site", "your site", "the app", "your app", "the checkout",
                "your checkout", "the payment page", "the basket page", "the login page", "your online shop",
                "the mobile site", "the android app", "the iphone app"],
    "gp_fail": ["keeps crashing", "kept crashing", "keeps freezing", "keeps timing out", "keeps logging me out",
                "throws an error", "keeps throwing errors", "goes blank", "kicks me out", "won't load",
                "just spins forever", "keeps resetting my basket", "crashed again", "is broken", "hangs"],
    "gp_when": ["", "", " when i press pay", " when i try to pay", " at checkout", " when i add to basket",
                " when i enter my card", " every time i log in", " on my phone", " halfway through paying"],
    "gp_mood": ["", "", ", it's so annoying", ", really frustrating", ", this is ridiculous", ", not impressed",
                ", sort it out", " and it's driving me mad", ", absolutely fed up", ", what a joke", " ffs"],
    "gp_courier": ["the courier", "your courier", "the driver", "the delivery driver", "the delivery guy",
                   "the postman", "the delivery man", "dpd", "evri", "the van driver"],
    "gp_claim": ["said nobody was home", "marked it as 'customer not in'", "said i wasn't in",
                 "claimed he knocked", "left a card saying i was out", "said there was no answer",
                 "marked it delivered", "said the address didn't exist"],
    "gp_home": ["i was home all day", "i was in the whole time", "i was sat by the door all morning",
                "i was waiting in all afternoon", "the doorbell never rang", "my camera shows nobody came"],
    "gp_stuck": ["label created", "in transit", "awaiting collection", "dispatched", "with the courier",
                 "preparing for dispatch", "at the depot"],
    "gp_span": ["five days", "a week", "ages", "over a fortnight", "ten days", "four days now", "since monday"],
    "gp_vent": ["that's pretty frustrating", "not good enough", "this is useless", "what a joke",
                "really annoying", "i'm losing patience", "honestly shocking", "so fed up"],
    "gp_fault": ["started flickering", "started making a grinding noise", "began leaking", "keeps cutting out",
                 "stopped holding a charge", "started overheating", "lost its picture", "went dead",
                 "started buzzing", "won't switch on any more"],
    "gp_after": ["after two months", "after three weeks", "after a month", "after a few uses", "within six weeks",
                 "just after the first month", "after barely any use"],
    "gp_look": ["colour", "color", "shade", "material", "fabric", "finish", "pattern", "size"],
    "gp_staff": ["the lady", "the man", "the guy", "the woman", "the person", "your agent", "your staff member",
                 "the manager", "the assistant"],
    "gp_where": ["on the phone", "at the counter", "on the chat", "in your shop", "at the till", "on the helpline"],
    "gp_rude": ["rude", "so rude", "really unhelpful", "dismissive", "insulting", "patronising", "short with me"],
    "gp_line": ["live chat", "chat", "phone line", "helpline", "customer service line", "chat window"],
    "gp_drop": ["disconnecting me", "dropping out", "cutting me off", "putting me on hold forever",
                "hanging up on me", "losing my messages", "freezing"],
    "gp_shop": ["shop", "store", "branch"],
    "gp_old": ["telly", "tv", "fridge", "washing machine", "sofa", "mattress", "dishwasher", "cooker", "freezer"],
    "gp_fit": ["install it", "fit it", "set it up", "assemble it", "plumb it in", "wall mount it", "put it together",
               "connect it"],
    "gp_contact": ["email", "email address", "phone number", "number", "contact", "postal address", "whatsapp"],
    "gp_reach": ["getting in touch", "contacting you", "complaints", "customer service", "the returns team",
                 "reaching a person"],
    "gp_pay": ["invoice", "bank transfer", "cash on delivery", "cheque", "direct debit", "{payment}", "{payment}"],
    "gp_away": ["home", "in", "around", "at home", "in when they come"],
    "gp_then": ["leave it with a neighbour", "leave it with a neighbor", "leave it in a safe place",
                "take it back to the depot", "try again the next day", "leave it in the porch",
                "put it through the letterbox", "leave it in the shed"],
    "gp_addr": ["a different address", "my work address", "my mum's house", "another address",
                "my daughter's flat", "a friend's address"],
    "gp_gift": ["", " and include a gift receipt", " as a gift", " without the price on it", " with a gift note"],
    "gp_fitbad": ["too big", "too small", "too tight", "too long", "too short", "too loose", "a size too small",
                  "half a size too big"],
    "gp_refund_to": ["arrive", "show up", "reach my card", "come through", "appear in my account", "land",
                     "get back to my bank"],
    "gp_carrier": ["dpd", "evri", "royal mail", "dhl", "ups", "hermes", "yodel", "fedex", "parcelforce"],
    "gp_state": ["processing", "pending", "preparing", "awaiting dispatch", "on hold", "being picked"],
    "gp_mail": ["confirmation email", "order confirmation", "dispatch email", "shipping email", "receipt email",
                "tracking email"],
    "gp_team": ["your team", "the sales team", "customer service", "someone", "a manager", "a person",
                "one of your staff"],
    "gp_to": ["a colleague", "someone else", "a person", "your team", "a manager", "a supervisor",
              "someone who can help", "a human", "the right department"],
    "gp_hi": ["hola", "bonjour", "hallo", "ciao", "salaam", "assalamu alaikum", "salam alaikum", "namaste",
              "mornin", "mornin'", "g'day", "howdy", "hiya", "alright", "ola", "konnichiwa", "merhaba", "hej",
              "servus", "shalom", "sat sri akal", "aloha", "buenos dias", "guten tag"],
    "gp_ty": ["gracias", "merci", "merci beaucoup", "danke", "danke schön", "shukran", "jazakallah",
              "jazakallah khair", "grazie", "obrigado", "obrigada", "ta", "ta very much", "cheers pal",
              "dhanyavaad", "arigato", "tack", "dank je", "mersi", "spasibo"],
    "gp_star": ["ur the best", "you're a star", "legend", "you're a legend", "absolute star", "you're a lifesaver",
                "you're brilliant", "ur a gem", "top bot", "you're amazing"],
    "gp_bye": ["ciao", "chao", "adios", "au revoir", "tschüss", "cheerio", "ta-ra", "tara", "laters",
               "catch you later", "cheers the now", "see ya", "bye for now", "toodle-oo", "hasta luego",
               "à bientôt", "ttyl", "peace out"],
    "g_cloth_item": ["jumper", "t-shirt", "hoodie", "dress", "shirt", "jeans", "cardigan", "top", "leggings",
                     "sweatshirt", "blouse", "socks", "pyjamas", "joggers"],
    # life's grumbles, out of scope
    "gp_who": ["flatmate", "neighbour", "neighbor", "boss", "husband", "sister", "teenager", "housemate",
               "landlord", "partner", "brother in law", "colleague", "roommate"],
    "gp_habit": ["does the washing up", "leaves the lights on", "plays loud music at night", "parks in my spot",
                 "eats my food", "forgets to lock the door", "hogs the bathroom", "cancels plans last minute",
                 "talks over me in meetings", "leaves wet towels on the floor"],
    "gp_vex": ["it's doing my head in", "so annoying", "i'm fuming", "driving me mad", "i've had enough",
               "honestly so frustrating", "it's exhausting", "i could scream"],
    "gp_ask": ["how do i bring it up", "any advice", "what should i do", "how do i handle it", "am i overreacting",
               "how do i say something without a row"],
    "gp_body": ["council", "bin men", "train company", "bus", "gym", "school", "doctor's surgery", "post office",
                "heating", "boiler", "library", "leisure centre"],
    "gp_body_does": ["missing our street", "late every morning", "cancelling trains", "changing the timetable",
                     "cutting out", "not picking up the phone", "putting prices up", "breaking down", "closed"],
    "gp_bill": ["phone bill", "energy bill", "rent", "council tax", "water bill", "car insurance", "gas bill"],
}

PER_TEMPLATE = {}

_COMPLAINT = [
    ("{gp_site} {gp_fail}{gp_when}{gp_mood}", 24),
    ("<i've been|been|i have been> trying to <check out|pay|place an order|log in|use the chat|get through on the phone> for <an hour|ages|20 minutes|half the day|two days> <and it won't work|and nothing happens|its so annoying|and keep getting errors|and getting nowhere>", 16),
    ("{gp_courier} {gp_claim} but {gp_home}<!|!!|.|>", 16),
    ("<the|my> tracking <has said|has been stuck on|has shown|still says> '{gp_stuck}' for {gp_span}, {gp_vent}", 14),
    ("i ordered <a|the> {color} {g_any_1} and <you sent|i got|i received|you sent me> <a|the wrong> {color} one<!|, useless|, brilliant|>", 12),
    ("i ordered a {g_kitchen_elec} and <you sent|i got sent|received> a {g_kitchen_elec}<!|, how|>", 10),
    ("<my|the> {c_elec} {gp_fault} {gp_after}", 14),
    ("the {gp_look} is <totally|completely|way|so> different <from|to> <the picture|the photo|the website|what was shown|the description>", 10),
    ("{gp_staff} {gp_where} was {gp_rude}<| to me| and nobody listened| yesterday>", 14),
    ("i <called|rang|phoned> <last week|yesterday|twice|three times this week> and {gp_staff} hung up on me", 8),
    ("<your|the> {gp_line} <keeps|kept> {gp_drop}<| earlier| all morning| again>", 10),
    ("my order <says|shows as|is marked> delivered but <i don't have it|it never came|nothing arrived|there's nothing here|i haven't got it>", 12),
    ("<the|my> {g_cloth_item} <shrank|faded|bobbled|lost its shape|went see-through> after <one wash|two washes|a week|the first wash>", 10),
]

_POLICY = [
    ("<how long|roughly how long|how many days> <does|would|will> <delivery|shipping|it|an order> take to <get to|reach|> {place}<?|>", 16),
    ("<can i|could i|is it possible to> <order online and|buy online and|> <pick it up|collect it|collect> <in|from> <the|your|a> <{city}|local|nearest|high street> {gp_shop}<?|>", 16),
    ("<do you|will you|can you|does the driver> <take away|remove|recycle|collect> <the|my> old {gp_old}<?| as well?| when you deliver?|>", 12),
    ("<do you|can you|will you|does someone> {gp_fit} <as well|too|for me|when it arrives|><?|>", 12),
    ("<what's|what is|where do i find> <the best|your|a> {gp_contact} <for|to use for> {gp_reach}<?|>", 12),
    ("<which|what> <payment methods|ways to pay|payment options|payments> <do you take|do you accept|are possible|can i use><?|>< i'd prefer| i prefer| can i use| do you do|> {gp_pay}<?|>", 14),
    ("<if|when> i'm not {gp_away} will <they|the driver|the courier|you> {gp_then}<?|>", 14),
    ("can i <send|ship|have it delivered> <it|this|my order> to {gp_addr}{gp_gift}<?|>", 12),
]

_RETURN = [
    ("i <bought|got|ordered> <a|the|some> {g_any_1} <in|> {size} but <it's|they're|it was|they were> {gp_fitbad}, can i <change|swap|exchange> <it|them> for <a|> {size}<?|>", 16),
    ("<how many days|how long> <does|will|would> <the|my|a> refund take to {gp_refund_to}<?|>", 14),
    ("<can i|could i|i'd like to> get <it|this|them> <replaced|swapped|exchanged><?|>", 8),
    ("<can i|could i> get a replacement <for it|for the {g_any_1}|instead|>", 8),
    ("<where's|where is|what happened to> my refund<?|> i <sent|posted|returned> <it|the parcel|them> back <a week|two weeks|ten days|a month> ago", 12),
    ("<the|my> {g_any_1} <is|was> {gp_fitbad}, <can i|how do i|could i> <swap|exchange|change> <it|the size>", 12),
]

_ORDER = [
    ("i <haven't|never|didn't> <had|got|received|get> <a|my|the|any> {gp_mail}<| for my order| yet>", 12),
    ("<is|was> my <parcel|order|package|delivery> <with|going with|sent by|coming with> {gp_carrier} or {gp_carrier}<?|>", 10),
    ("<which|what> courier <is|has> my <parcel|order|package><| with|>?", 8),
    ("my order <has said|says|has been on|is stuck on> {gp_state} for <3 days|a week|ages|two days>, <is that normal|what does that mean|is it stuck|when will it move|should i worry>", 14),
]

_HANDOFF = [
    ("<transfer|pass|put|connect|forward> me <to|through to|on to> {gp_to}<| please| pls| now|>", 16),
    ("<transfer me|pass me on|put me through><| please| pls| now|!|>", 6),
    ("<can|could> <you|i> <arrange|book|get|request|have> a <callback|call back|phone call> from {gp_team}<?|>", 14),
    ("if <this|it> <can't|cannot|won't> be <solved|sorted|fixed> here, <i'd like|i want|please let me> to <speak to|be put through to|be transferred to> {gp_to}", 12),
    ("<you keep|you're just> <sending me the same links|repeating yourself|giving me the same answer>, <can i|let me|please let me> <speak to|talk to|have> {gp_to}", 10),
]

_GREETING = [
    ("{gp_hi}<!|| there| hi| hello|, anyone there?>", 30),
    ("<hi|hello|hey>, {gp_hi}<!|>", 10),
]

_THANKS = [
    ("{gp_ty}<!|| so much| for your help| mate|>", 30),
    ("{gp_star}<!| fr| tbh| honestly| thanks|>", 20),
]

_GOODBYE = [
    ("{gp_bye}<!||, thanks| mate| all>", 30),
]

_LIFE = [
    ("my {gp_who} <never|always|keeps> {gp_habit}<,| and| -> {gp_vex}<, {gp_ask}|>", 14),
    ("the {gp_body} <keeps|kept|has been|is> {gp_body_does}<,| and|> {gp_vex}<, {gp_ask}|>", 10),
    ("my {gp_bill} <went up|is higher than usual|doubled|is way more than last month|jumped> <this month|again|>, {gp_vex}<, {gp_ask}|>", 8),
]


TEMPLATES = {
    "complaint": _COMPLAINT,
    "store_policy": _POLICY,
    "return_refund": _RETURN,
    "order_status": _ORDER,
    "human_handoff": _HANDOFF,
    "greeting": _GREETING,
    "thanks": _THANKS,
    "goodbye": _GOODBYE,
    "out_of_scope": _LIFE,
}
