"""Templates for two habits of real writers that the other modules rarely show: hedging a request into
an embedded clause ("i was wondering whether the laptop has a backlit keyboard", "could you tell me
how long delivery takes") and adding a remark that has nothing to do with it ("is the console in
stock? by the way my nephew starts school tomorrow"). Also small talk that comes with a remark
("morning! the rain here is relentless"), thanks that comes with a verdict ("ten out of ten, thanks"),
goodbyes that say when they will be back, and loose ways of asking how the assistant works or for a
phone call.

Labelling rules: a hedged request has the intent of the request inside it; a remark never changes the
label, and the same remarks are attached to out-of-scope requests so that the model learns to ignore
them. A greeting or thanks with a remark is still greeting or thanks.
"""

SLOTS = {
    "hx": ["i was wondering", "i was just wondering", "just wondering", "i wonder", "i'd like to know",
           "could you tell me", "do you know", "i was hoping to find out", "might i ask", "any idea",
           "can you let me know", "i'd be grateful to know", "i need to know", "quick one,", "i'm curious"],
    "hx_pd": ["whether the {product} has {cg_feat}", "if the {product} is {cg_is}", "whether the {g_any_1} is {cg_is}",
              "how {pd_how} the {product} is", "what the {pd_spec} of the {product} is", "if {cg_it} can {pd_verb}"],
    "hx_price": ["how much the {product} costs", "what the {product} costs now", "how much you're asking for the {product}",
                 "if the {product} is still the same price", "what the price of the {cg_variant} is"],
    "hx_stock": ["whether the {product} is in stock", "if you've still got the {product}", "if the {product} is back",
                 "whether {cg_it} come in {cg_size}", "if there are any {product} left"],
    "hx_find": ["whether you sell {g_any_s}", "if you stock {g_any_s}", "if you do {g_any_s} at all",
                "what {g_any_s} you've got under {price}", "if you have any {color} {g_any_s}"],
    "hx_rec": ["which {g_any_1} you'd recommend", "which of them you'd go for", "what you'd suggest for {rc_situation}",
               "which one is best for someone like me"],
    "hx_gift": ["what you'd suggest as a <housewarming|birthday|leaving|retirement|christening|wedding|new baby> <gift|present>",
                "what to get {person} for <their birthday|christmas|{occasion}>", "what a {age} {kid} might like"],
    "hx_disc": ["whether there are any <offers|deals|discounts|codes> <on|for> <the {g_any_s}|{brand}|at the moment>",
                "if you do {cg_deal}", "when your next sale is"],
    "hx_apply": ["if i could still <add|use|apply> <a|my> <promo code|discount code|voucher> <after paying|to an order i've placed|now>",
                 "where i <type|put|enter> the <code|discount code|voucher>", "why my <code|discount|voucher> didn't come off"],
    "hx_order": ["when my {g_any_1} <might|will|is going to> <turn up|arrive|get here>", "where my order has got to",
                 "if my order has <shipped|been sent|left the warehouse> yet", "which courier has my parcel"],
    "hx_return": ["if i can <return|send back|exchange> <the|my> {g_any_1}", "how i send <it|this|them> back",
                  "when my refund will <arrive|come through>", "if you'd swap <it|them> for another size"],
    "hx_policy": ["how long <standard|next day|express|international> delivery <usually|normally|> takes",
                  "whether you <deliver|ship> to {place}", "what payment methods you take", "if you price match",
                  "what your opening hours are", "how much delivery is"],
    "hx_handoff": ["if someone could <give me a ring|call me back|phone me|ring me>", "if i could speak to <a person|someone|a human>",
                   "whether there's a real person i can talk to"],
    "hx_help": ["what <you|this assistant|this chat> can <do|help with>", "how this <thing|chat|assistant> works",
                "what i can ask you"],
    "dv_aside": ["by the way, my nephew starts school tomorrow", "also, i've just started learning the piano",
                 "the weather here is grim today", "the football was dreadful last night", "my cat just walked over the keyboard",
                 "sorry, the dog is barking", "i'm on my lunch break", "it's my day off today", "we've got builders in",
                 "the kettle's just boiled", "i'm typing this on the bus", "the kids are off school this week",
                 "my tea's gone cold", "the office printer is broken again", "i've just got back from the gym",
                 "it's been a long week", "my sister's visiting", "my phone is on 5%"],
    "dv_q_pd": ["does the {product} have {cg_feat}?", "is the {product} {cg_is}?", "how {pd_how} is the {product}?"],
    "dv_q_stock": ["is the {product} in stock?", "any {product} left?", "is the {product} back yet?"],
    "dv_q_rec": ["which {g_any_1} should i get?", "which of these would you pick?", "what's the best {g_any_1} for me?"],
    "dv_q_find": ["show me {g_any_s}", "any {color} {g_any_s}?", "do you have {g_any_s} under {price}?"],
    "dv_q_order": ["where's my order?", "has my parcel shipped?", "when will my {g_any_1} arrive?"],
    "dv_q_disc": ["what deals are on this week?", "any codes going?", "is anything on sale?"],
    "dv_q_oos": ["what's the weather tomorrow?", "set a timer for ten minutes", "how many days until christmas?",
                 "what's the capital of peru?", "play some jazz", "remind me to call mum at six",
                 "how do i boil an egg?", "what's 15% of 80?", "book me a table for two"],
    "dv_verdict": ["10 out of 10", "five stars", "top service", "sorted in two minutes", "finally", "took a while",
                   "you've been really helpful", "that's exactly what i needed", "great job", "brilliant"],
    "dv_back": ["back in 20 minutes maybe", "i'll be back later", "might pop back tonight", "talk tomorrow",
                "i'll come back after work", "speak soon"],
}

PER_TEMPLATE = {}


def _hedged(slot):
    return [(f"{{hx}} {{{slot}}}<?|.|>", 18), (f"{{hx}}, {{{slot}}}<?|>", 6)]


def _aside(slot):
    return [(f"{{{slot}}} {{dv_aside}}<.|!|>", 10), (f"{{dv_aside}}. {{{slot}}}", 8)]


TEMPLATES = {
    "product_details": _hedged("hx_pd") + _aside("dv_q_pd"),
    "price_inquiry": _hedged("hx_price"),
    "check_stock": _hedged("hx_stock") + _aside("dv_q_stock"),
    "find_products": _hedged("hx_find") + _aside("dv_q_find"),
    "product_recommendation": _hedged("hx_rec") + _aside("dv_q_rec"),
    "gift_ideas": _hedged("hx_gift"),
    "find_discounts": _hedged("hx_disc") + _aside("dv_q_disc"),
    "apply_discount": _hedged("hx_apply"),
    "order_status": _hedged("hx_order") + _aside("dv_q_order"),
    "return_refund": _hedged("hx_return"),
    "store_policy": _hedged("hx_policy"),
    "human_handoff": _hedged("hx_handoff") + [
        ("<can|could> <someone|somebody|a person|one of you> <give me a ring|call me back|phone me back>?", 8),
    ],
    "help": _hedged("hx_help") + [
        ("<how's|how does> this <work|thing work|chat work>?", 8),
        ("<sorry to be a pain|sorry to be thick|bit lost here>, how do i <use|work> this<?| thing?>", 8),
        ("<what|which> <services|things> <does this assistant|do you|can this chat> <offer|provide|do>?", 8),
        ("<can you|could you> <repeat|go over|list> <what you can do|the things you can help with|your options> <again|>", 8),
    ],
    "greeting": [
        ("<good morning|morning|hello|hi there|hiya|afternoon>! {dv_aside}<.|>", 12),
        ("<just|only> <popping in|dropping by|stopping by> to say <hello|hi|hiya>", 6),
        ("<my wife and i|we|the whole family> say<s|> hello<!|>", 4),
        ("<hello|hi>, <i'm|we're> new <here|to this|on this page|to this chat>", 6),
    ],
    "thanks": [
        ("{dv_verdict}, <thanks|thank you|cheers|ta><!|.|>", 12),
        ("<thanks|thank you|cheers> <so much|a lot|loads|>! {dv_aside}", 10),
        ("<you sorted|you fixed|you solved|that sorted> <my problem|it|everything> <in two minutes|quickly|straight away>, so thank you", 6),
        ("<please|can i|i'd like to> pass on my thanks to <whoever built you|the team|your developers|the shop>", 4),
    ],
    "goodbye": [
        ("<bye|see you|ok bye|right, bye>, {dv_back}", 10),
        ("<shall we|let's|time to> call it a day<| then|>", 4),
    ],
    "out_of_scope": [("{dv_q_oos} {dv_aside}<.|!|>", 10), ("{dv_aside}. {dv_q_oos}", 8), ("{dv_aside}<.|!| haha| lol| ugh|>", 6),
                     ("{hx} <how many days until christmas|what the capital of peru is|how to boil an egg|what the weather will do tomorrow|who won the match last night>", 10)],
}
