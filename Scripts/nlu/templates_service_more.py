"""Templates for short and loose service turns, part 2: apply_discount, help, human_handoff, complaint,
store_policy (the labelling rules of templates_service.py and templates_smalltalk.py apply).

* apply_discount: any code the shopper types, including codes no list knows ("is KX4Q7 valid?",
  "winter40 not working"), stacking codes, and whether a code works on a kind of item.
* help: loose questions about what the assistant does ("idk what to type", "what are your features").
* human_handoff: asking for a person in slang, typos and shouting ("hooman pls", "real person!!!").
* complaint: short emotional reports of a problem ("utter joke this", "kettle leaks"), never asking
  for money back (that is return_refund).
* store_policy: the shop's rules in a word or two ("klarna?", "restocking fee?", "physical shop?").

Codes. The server's extractor finds a discount code after "code", "coupon", "voucher", "promo" or
"discount", or anywhere when it is capitals followed by digits ("WINTER40"). Such codes are annotated
(slot `dcode`). A code that it cannot find outside those cues, mixed letters and digits or lowercase
("KX4Q7", "friends15"), is left unannotated where it stands on its own (slot `rawcode`), so that the
model learns these phrasings without the entity feature it will not get at run time.
"""
import random

_rng = random.Random("shoptalk/codes/2026")
_WORDS = ["WINTER", "SUMMER", "AUTUMN", "SPRING", "FRIENDS", "FAMILY", "NHS", "STUDENT", "WELCOME", "HELLO",
          "THANKS", "LOYALTY", "VIP", "FLASH", "MEGA", "SUPER", "BONUS", "TREAT", "PAYDAY", "WEEKEND", "SUNDAY",
          "JULY", "MAYDAY", "CYBER", "BDAY", "NEWBIE", "FIRST", "COMEBACK", "MISSYOU", "REFER", "BUDDY", "HOME",
          "GARDEN", "SHOES", "BAGS", "KIDS", "BABY", "PETS", "TRAVEL", "BEACH", "SNOW", "JAN", "LOVE", "TEACHER",
          "KEYWORKER", "ECO", "APP", "EMAIL", "INSTA", "TIKTOK", "SCHOOL", "UNI", "FRESH", "GLOW", "COSY", "HYGGE",
          "BLUE", "GOLD", "PINK", "LUCKY", "SPARKLE", "RUNNER", "GYM", "SALE", "DEAL", "OFFER", "EXTRA", "HAPPY"]
_NUMBERS = ["5", "10", "12", "15", "20", "25", "30", "35", "40", "50", "60", "70", "24", "26", "100"]
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS = "23456789"


def _word_code():
    return _rng.choice(_WORDS) + _rng.choice(_NUMBERS)


def _mixed_code():
    """Letters and digits in any order, 4 to 8 long, with at least one letter after a digit."""
    while True:
        length = _rng.choice([4, 5, 5, 6, 6, 7, 8])
        text = "".join(_rng.choice(_LETTERS + _DIGITS) for _ in range(length))
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        if digits and digits[0] < length - 1 and any(c.isalpha() for c in text[digits[0]:]) and text[0].isalpha():
            return text


_WORD_CODES = sorted({_word_code() for _ in range(160)})
_MIXED_CODES = sorted({_mixed_code() for _ in range(120)})
_LOWER_CODES = sorted({_word_code().lower() for _ in range(60)})

SLOTS = {
    # found by the extractor wherever they stand: annotated
    "dcode": _WORD_CODES,
    # after a cue word, any of them is found: annotated
    "cuecode": _WORD_CODES + _MIXED_CODES + _LOWER_CODES,
    # not found on their own: plain text
    "rawcode": _MIXED_CODES + _LOWER_CODES,
    # a code standing on its own, found or not
    "anycode": ["{dcode}", "{dcode}", "{rawcode}", "{rawcode}", "{rawcode}"],
    "cue": ["code", "code", "promo code", "voucher", "coupon", "discount code", "voucher code", "promo"],
    "code_kind": ["nhs", "student", "blue light", "teacher", "key worker", "welcome", "first order", "birthday",
                  "referral", "newsletter", "loyalty", "staff", "influencer", "app only", "email", "sign up",
                  "free delivery", "10% off", "20% off", "15%", "£5 off", "fiver off", "half price"],
    "code_broken": ["not working", "isnt working", "isn't working", "doesnt work", "won't work", "wont apply",
                    "won't apply", "says invalid", "says expired", "failed", "not accepted", "keeps failing",
                    "does nothing", "not going through", "rejected", "came up invalid", "broken?", "no good"],
    "code_target": ["the {g_any_s}", "sale items", "the {product}", "this", "my basket", "everything",
                    "{brand}", "the {cat_s}", "{cat}", "clearance", "gift cards", "delivery", "my whole order",
                    "reduced stuff", "bundles", "preorders"],
    "hooman": ["hooman", "humon", "hooman pls", "hooman plz", "a hooman", "huuman", "hoomans", "human pls",
               "humen", "huamn", "hman", "humann", "hooman being", "hoomin", "human plz", "humaaan"],
    "person_word": ["real person", "real human", "actual human", "live person", "proper person", "actual person",
                    "human being", "living person", "real people", "someone real", "a live human", "real agent"],
    "staff_word": ["agent", "operator", "rep", "advisor", "staff", "customer services", "live agent", "human agent",
                   "support agent", "cs", "customer care", "a rep", "an agent", "helpdesk", "service desk"],
    "bang": ["", "", "!", "!!", "!!!", "?", "??", " pls", " plz", " now", " asap", " please"],
    # what went wrong, said of anything (past tense, so that it fits one or several)
    "broke_any": ["broke", "snapped", "cracked", "fell apart", "ripped", "came in bits", "fell to bits", "split",
                  "came apart", "got damaged in the post", "arrived scratched", "arrived dented", "was already used",
                  "smelt of smoke", "went mouldy", "lost a button", "came unstitched", "wore through", "faded"],
    # ... and of things with a plug or a battery
    "broke_elec": ["stopped working", "won't turn on", "won't charge", "died", "keeps tripping the fuse",
                   "doesn't heat up", "buzzes", "sparked", "smells of burning", "keeps cutting out", "overheats",
                   "leaks", "is faulty", "beeps nonstop", "won't connect", "blew the fuse"],
    "c_elec": ["{g_kitchen_elec}", "{g_tech_1}", "{g_hubs_1}", "{g_beauty_1}", "{cat_tech_s}", "{cat_home_s}"],
    "g_kitchen_elec": ["kettle", "toaster", "rice cooker", "food processor", "hand blender", "juicer",
                       "coffee grinder", "milk frother", "bread maker", "waffle maker", "pressure cooker",
                       "soup maker", "ice cream maker", "deep fat fryer", "health grill", "sandwich toaster",
                       "mini oven", "halogen oven", "egg cooker", "air fryer", "slow cooker", "microwave"],
    "when_broke_elec": ["already", "after a week", "after two days", "first time i used it", "on day one",
                        "within a month", "after one use", "straight out of the box", "overnight", "the day it arrived"],
    "when_broke": ["already", "after a week", "after two days", "first time i used it", "on day one",
                   "within a month", "after one wash", "after one use", "straight out of the box", "overnight",
                   "after a fortnight", "the day it arrived"],
    "policy_thing": [
        "restocking fee", "return fee", "returns fee", "handling fee", "delivery charge", "postage charge",
        "min order", "minimum spend", "free returns", "free delivery", "next day delivery", "same day delivery",
        "express delivery", "international shipping", "price match", "click and collect", "gift wrap",
        "gift wrapping", "loyalty points", "reward points", "trade in", "interest free credit", "pay monthly",
        "buy now pay later", "collection in store", "returns window", "exchange policy", "refund policy",
        "delivery times", "delivery cost", "shipping cost", "p&p", "weekend delivery", "nominated day delivery",
        "evening delivery", "delivery slots", "store pickup", "in store returns", "free exchanges",
        "price promise", "extended warranty", "installation", "old appliance recycling", "customs fees",
        "duty", "vat receipts", "invoices", "gift receipts", "age check on delivery", "signature on delivery",
    ],
    "shop_kind": ["physical shop", "physical store", "actual shop", "real shop", "bricks and mortar store",
                  "showroom", "store i can visit", "shop i can go to", "high street store", "retail store",
                  "shop in town", "outlet store", "concession", "pop up shop", "warehouse i can collect from"],
}
ENTITY = {"dcode": ("discount_code", "paren"), "cuecode": ("discount_code", "paren")}

PER_TEMPLATE = {}

_APPLY = [
    "is {anycode} <valid|still valid|a real code|working|live|active|expired|legit|still on><?|>",
    "<use|try|apply|enter|redeem|add> {anycode}<| pls| please| thanks| for me| instead|>",
    "apply {anycode} to <my basket|my order|this|the order|everything|it>",
    "{anycode} {code_broken}",
    "<my|the|this> {cue} {cuecode} <isnt working|wont go through|was declined|says it's expired|won't work|failed>",
    "<can i|can you|am i able to|is it possible to> stack <codes|two codes|discounts|vouchers|{anycode} with {anycode}|{anycode} and {anycode}><?|>",
    "<does|will|would|can> the {code_kind} <code|voucher|discount> work on {code_target}<?|>",
    "<does|will|would> {anycode} work on {code_target}<?|>",
    "<got|i've got|i have|have> a <code|voucher|promo code|discount code>: {cuecode}",
    "<i have|ive got|i've got|got> {anycode}<,| -|> <can i use it|will it work|is that ok|does it work|apply it pls>",
    "{anycode}<?|!|>",
    "<what about|how about|try this one|ok try|maybe> {anycode}",
    "<put|stick|pop> {anycode} <on it|on my order|on the basket|in|on there>",
    "{cue} {cuecode}<| pls| please|?|>",
    "<add|enter|apply|use> {cue} {cuecode}",
    "<my|the> {code_kind} <code|discount code|voucher> <isn't working|won't apply|isnt going through|didn't work|won't go on|keeps erroring>",
    "<apply|use|add> <my|the> {code_kind} <code|discount|voucher><| pls| please|>",
    "i <got|received|was sent> {anycode} <from a friend|in my email|on instagram|on a flyer|from your newsletter|with my last order|on tiktok>, <does it work|is it valid|can i use it|will it work>",
    "<how much off|what discount|how much does it take off|what's it worth|what do i get> with {anycode}",
    "{anycode} on <the {g_any_s}|my basket|my order|the {cat_s}|this> pls",
    "can i use <a|more than one|2|two|multiple|both> <codes|vouchers|coupons|discount codes> <at once|on one order|together|at the same time|>",
    "<why|how come> <wont|won't|doesnt|doesn't> {anycode} <work|apply|go through>",
    "<the|that|my> code <you gave me|from the email|from the app|on the receipt|on the back of my receipt|i was given> <isn't working|doesn't work|is invalid|expired>",
    "<is the|is that|is my> {code_kind} code <still valid|valid|live|ok to use|working>",
    "<typed|entered|put in|tried> {anycode} <and nothing happened|but it says invalid|and it didnt work|twice, still no>",
]

_HELP = [
    "<idk|i dunno|dunno|not sure|no idea|no clue|i don't know|not really sure> what to <type|ask|say|do|write|put><| here| lol| tbh|>",
    "what <are|r> your <features|functions|capabilities|skills|abilities|powers|options|main features>",
    "<what's|whats|what is> this <chat|bot|box|window|thing|assistant|chat window|pop up> <about|for exactly|here for>",
    "why is there a chat <here|on this site|on the page|box>",
    "how <do i|do you|does one|can i|am i meant to> use <you|this bot|the assistant|this chat|shoptalk|this thing>",
    "<so|ok|um|right|erm> what <now|next|happens now>",
    "what can i <type|ask|say|put> <here|to you|in here|in this box>",
    "<what do you do|what are you good at|what do you know|what's your job|what are you here for|what do you actually do><?| exactly| here|>",
    "<first time|new here|first time here|first time using this|never used this before>, how does <this|it> work",
    "<can you|could you> <explain|tell me> what you <do|can do|are for|can help with>",
    "<show|give|list> me <your|the> <features|options|commands|abilities>",
    "how does this <bot|chat|thing|assistant> <work|help me|help>",
    "<i'm|im> <confused|lost|a bit lost>, what <is this|can you do|do i type|do i do>",
    "<what|which> <things|stuff|questions> can you <help with|sort out|do for me|answer>",
    "<how|where> do i <start|begin|get going|talk to you|ask you stuff>",
    "<can you|do you> do <anything|much|stuff> <else|besides chat|for me|>",
]

_HANDOFF = [
    "{hooman}{bang}",
    "{person_word}{bang}",
    "{staff_word}{bang}",
    "can a <human|person|real person|staff member|member of staff|proper person|someone real> <help|help me|take over|sort this|deal with this|look at this|answer><?|>",
    "<is there|any|are there any|got any> <humans|a human|real people|staff|agents|people> <about|around|on|there|online|working|in there><?|>",
    "<want|i want|need|i need|gimme|give me> <a human|a person|an agent|a real person|a human being|someone real|a proper person|{hooman}><| pls| now| asap|!|>",
    "<talk|speak|chat> <2|to|with> <a human|a person|someone|an agent|a real one|staff|{hooman}><| pls| plz|>",
    "<person|human|people|staff> not <a bot|bot|robot|machine|ai><| pls|!|>",
    "<not a bot|no bot|no bots|no more bot|enough bot|stop bot|no ai><,| -| ..> <human|person|agent|someone real|a real person><| pls|!|>",
    "<can i get|could i get|can u get|get> someone <real|human|from your team|from customer service|who works there|on the phone|who can actually help>",
    "<call centre|phone|helpline|contact|customer service|complaints line> number<?| pls|>",
    "<u a bot|r u a bot|are you real|is this a bot|is this automated>? <get me a human|i want a person|need a real person|human pls>",
    "<real person|{hooman}|agent|operator> <!!!|please!!|now!!|pls!!|pleeease|plssss>",
]

_COMPLAINT = [
    "<utter|absolute|total|complete|proper> <joke|shambles|disgrace|farce|nightmare|con|rip off|mess|pantomime><| this| mate|!!|!| tbh| honestly|>",
    "worst <service|shop|company|experience|delivery|customer service|website|order|purchase> ever<!!|!|| mate| honestly|, seriously>",
    "<my|the|this||new> {c_elec} {broke_elec}",
    "<my|the> {c_elec} {broke_elec} {when_broke_elec}",
    "<my|the||new> {g_any} {broke_any}<| {when_broke}|>",
    "<my|the> {cat_s} {broke_any}<| {when_broke}|>",
    "<never again|never ordering again|never shopping here again|done with you lot|not ordering from you again|last time i use you|won't be back>",
    "<so|really|well|very|totally|massively> <disappointed|gutted|annoyed|let down|unhappy|cheesed off|hacked off|miffed|fed up>",
    "<rubbish|terrible|awful|shoddy|shocking|poor|cheap|flimsy|dreadful> <quality|service|packaging|product|stuff|tat|customer service>",
    "<you lot|your lot|you people|your company|this shop> <are|is> <useless|a joke|hopeless|a nightmare|the worst|shocking|having a laugh>",
    "<what a joke|how is this acceptable|this is beyond a joke|are you having a laugh|you're having a laugh|unreal|ridiculous|disgraceful>",
    "<the|my> <zip|strap|handle|heel|sole|lid|button|hinge|screen|seam|wheel|leg|clasp|buckle> <broke|snapped|came off|fell off|split|cracked> <already|after one use|on the first day|within a week|>",
    "<it|the thing|my order|the parcel|the box|my stuff> arrived <smashed|broken|in bits|soaking|crushed|open|half empty|dented|ripped>",
    "<cheap|nasty|flimsy> <rubbish|tat|junk|plastic>, <not happy|very disappointed|awful|shocking|gutted>",
    "<sick|tired|fed up> of <waiting|being ignored|chasing you|your excuses|this bad service|being fobbed off>",
    "<nobody|no one> <has replied|answers|gets back to me|picks up|reads my emails><| ever|!|>",
]

_POLICY = [
    "{payment}<?|??| accepted?| ok?| at checkout?>",
    "<do you take|take|accept|u take|you accept|can i use|do u do|pay with|paying by> {payment}<?|>",
    "{policy_thing}<?|??| pls|>",
    "<any|is there a|whats the|what's your|do you charge a> <restocking|return|cancellation|delivery|handling|admin|packaging> fee<?|>",
    "<do you have a|got a|is there a|any> {shop_kind}<?| anywhere| near me|>",
    "{shop_kind}<?|>",
    "<open|are you open|you open|open today|open now|open tomorrow|open late|open on {day}|open {day}><?|>",
    "<ship|deliver|post|delivery|shipping> to {place}<?|>",
    "<how long|how many days> <for|is> <delivery|shipping|a refund|postage|standard delivery|express><?|>",
    "how long <does|do> <delivery|shipping|refunds|returns|express> take<?|>",
    "<do you|u|do u> <ship|deliver> <abroad|internationally|worldwide|overseas|to the eu|at weekends|on sundays><?|>",
    "<warranty|guarantee> on <everything|all products|electronics|your stuff|appliances|tech><?|>",
    "<returns policy|refund policy|exchange policy|delivery info|shipping info|delivery options|payment options><?| pls|>",
]

TEMPLATES = {
    "apply_discount": _APPLY,
    "help": _HELP,
    "human_handoff": _HANDOFF,
    "complaint": _COMPLAINT,
    "store_policy": _POLICY,
}
