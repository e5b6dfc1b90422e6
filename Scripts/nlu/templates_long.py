"""Long conversational turns: a request wrapped in the shopper's own circumstances, for every intent,
and the same kind of long turn for requests that are out of scope.

Real people explain themselves: "how noisy is the hoover? i work nights and sleep in the day", "can i
talk to someone, this is too complicated for a bot, it involves two orders". The explanation says
nothing about what they want; the request inside it does. So the same pool of circumstances
(`lg_ctx`) is attached to requests of every intent AND to out-of-scope requests (life advice, opinions,
banking, trips, home automation, cooking, studies, money), so that the model learns to read the
request and not the story around it. Out-of-scope advice often borrows shop words ("which would you
recommend", "is it worth it", "should i get", "how much is"), on purpose.

Labelling rules are those of the other modules; a turn is labelled by its request.
"""

SLOTS = {
    # circumstances: neutral, usable around any request
    "lg_ctx": [
        "we've just moved house", "money's tight until payday", "i'm not very techy", "it's for a trip next month",
        "we've got two little ones at home", "i'm recovering from an operation", "we've got family coming to stay",
        "i'm in a rush between meetings", "my husband keeps mentioning it", "i've been meaning to sort this for weeks",
        "our flat is pretty small", "it's been one of those weeks", "i'm on my phone so excuse the typos",
        "i'm new to this kind of thing", "nobody else in the house has a clue", "i've got a big event coming up",
        "i'm trying to get organised for once", "we've just adopted a rescue cat", "i walk everywhere",
        "i'm trying not to overspend", "there's no rush at all", "i'd like it sorted by the end of the week",
        "my son showed me how to use this", "i've had a rubbish day", "we've got a baby on the way",
        "i'm travelling for work soon", "my in-laws are here for a fortnight", "this is my first time asking",
        "a colleague said you might help", "i'm a student on a loan", "i keep changing my mind",
        "christmas is creeping up", "i share a house with friends", "i'm not great with screens",
        "i only have a few minutes", "i finish work late", "we've got a long journey coming up",
        "i've spent ages on this already", "i'm off sick today", "we're saving hard at the moment",
        "i tend to overthink things", "i hate wasting money", "i like to double check everything",
        "i'm helping my grandad with this", "i work from home", "i'm a nurse on long shifts",
        "i live out in the countryside", "it's my partner's idea really", "i'm left handed",
        "i'm not a morning person", "we've got a tiny garden", "i've just started a new job",
        "we're a family of five", "i'd be using it every day", "we've got a lot of stairs", "i take everything with me",
        "we're both light sleepers", "i've got sensitive skin", "the last one i had didn't last long",
        "i do a lot of walking", "it has to fit in a small space", "our place gets really hot in summer",
    ],
    # circumstances that name goods but ask for nothing: attached to service requests
    "lg_ctx_shop": [
        "i'm about to order {cat_a}", "the {cat_s} i've got my eye on is quite pricey", "i've got {cat} and {cat} in my basket",
        "i'm buying a few bits for the new house", "it's about the {cat_s} i bought last month",
        "i've been eyeing up {cat_a} for a while", "i'm planning to get {g_any_s} and {g_any_s}",
        "the {g_any_s} i want is a big spend", "i'm about to spend quite a bit on {cat}",
        "i buy most of my {cat} from you", "i'm ordering {cat_a} for my {person}", "i've already got a {cat_s} from you",
        "i'm getting {cat_a} and a few accessories", "i was just looking at the {g_any_s} on your site",
    ],
    "lg_ctx_end": ["", "", "", ", thanks", ", thanks in advance", ", any help appreciated", " if that makes sense",
                   ", cheers", ", sorry for rambling", " :)"],

    # ---- request kernels, per intent
    "lg_find": [
        "can you show me {cat} {price}", "i'm looking for {cat_a} that's {adj}", "find me {cat_a} with {feature}",
        "do you have any {adj_cloth} {cat_cloth}", "what have you got in the way of {cat}", "i need {cat_a} for {use}",
        "show me some {g_any_p} {price}", "have you got {g_any_mod}", "i need {cat_a} that folds up small",
        "are there any {cat_cloth} {insize} in {color}", "i want {cat_a} that will last",
        "could you find me {g_any_s} that's light to carry", "show me what {cat} you have for {user_type}",
        "i'm after {cat_tech_a} with {feature} {price}", "do you sell {g_kitchen_p} for {g_kitchen_for}",
        "i'd like {g_any_s} that's {pd_adj}", "what {g_any_p} do you have that are {pd_adj}",
    ],
    # a shown item, named the way people name it in a long message
    "lg_ref": ["{ref}", "{ref}", "the {g_any_1}", "the {g_any_1} you <listed|showed me|mentioned|linked>",
               "the {cat_s} in the <first|second|third|last> picture", "the {g_any_1} <in the middle|on the left|on the right|at the top>",
               "the {cat_s} you listed <first|second|last|>"],
    "lg_details": [
        "how {pd_how} is {lg_ref}", "does {lg_ref} have {feature}", "is {lg_ref} {quality}", "what's the {spec} of {lg_ref}",
        "is {lg_ref} {pd_adj}", "does {lg_ref} {pd_verb}", "is {lg_ref} ok for {suitable}", "what's {lg_ref} made of",
        "how many {pd_count} does {lg_ref} have", "does {lg_ref} come with {extra}", "does {lg_ref} run small or large",
        "how long does the battery last on {lg_ref}", "is {lg_ref} {pd_adj} or not",
    ],
    "lg_details2": ["does it {pd_verb}", "is it {pd_adj}", "how {pd_how} is it", "what's the {spec} like",
                    "does it have {feature}", "does it come with {extra}", "is it ok for {suitable}",
                    "what's it made of", "how many {pd_count} has it got"],
    # what the shopper will do with the answer: said after a question about a shown item
    "lg_then": ["if so i'll order it today", "if it is i'll take it", "if not i'll have to look elsewhere",
                "otherwise i'll give it a miss", "that's a deal breaker for me", "that really matters to me",
                "i don't want any surprises", "before i commit", "i'd hate to get it wrong",
                "if it's not too much i might go for it", "because i'm nearly ready to buy", "as i need it soon",
                "just so i know what i'm getting", "then i can decide", "i'm trying to make up my mind"],
    "lg_price": [
        "how much is {lg_ref}", "what would {lg_ref} cost me delivered", "how much more is {lg_ref} than {lg_ref}",
        "what's the price of {lg_ref}", "what's {lg_ref} going for at the moment", "how much are {refs}",
        "what's the total for {lg_ref} and {lg_ref}", "is {lg_ref} cheaper than {lg_ref}", "what does {lg_ref} cost",
    ],
    "lg_stock": [
        "is {lg_ref} in stock {insize}", "have you got {lg_ref} {insize}", "are there any of {lg_ref} left",
        "is {lg_ref} still available", "when will {lg_ref} be back in stock", "do you have {lg_ref} in {color}",
        "can i still get {lg_ref} {insize}", "are {refs} available {insize}", "is there any stock of {lg_ref} {where_stock}",
    ],
    "lg_recommend": [
        "which {cat_s} would you recommend for {use}", "what should i get for {use}",
        "{ref} or {ref}, which is better for {use}", "what would you suggest for {user_type}",
        "which one should i go for", "what's the best {cat_s} {price}", "can you recommend {cat_a} for {use}",
        "which {g_any_s} would you pick for {rc_situation}", "is the bigger one worth it",
        "which would suit {user_type} better",
    ],
    "lg_gift": [
        "what can i get {gift_for} for their {occasion}", "i need {gift} for {gift_for}, {he_likes} {interest}",
        "any ideas for {gift_for}, {he_likes} {interest}", "can you help me find {gift} for {gift_for} {price}",
    ],
    "lg_order": [
        "where is my {thing}", "when is my {thing} going to turn up", "has my {thing} been dispatched",
        "when will {myorder} arrive", "can you check on {myorder}", "is my {thing} still coming this week",
        "what's the latest on my {thing}", "has {myorder} left the warehouse yet", "can you track {myorder} for me",
    ],
    "lg_complaint": [
        "my {thing} {problem}", "your <website|app|delivery service|customer service> is <awful|a joke|useless|terrible>",
        "the {cat_s} i ordered {problem}", "i'm really {feeling} with how this has been handled",
        "i've had no reply to any of my messages", "the courier threw my parcel over the fence",
        "this is the <second|third> time my {thing} {problem}",
    ],
    "lg_return": [
        "can i send the {cat_s} back", "how do i get my money back for the {cat_s}", "when will i get my refund",
        "i want to return {myorder}", "can i swap the {cat_s} for a different size", "i'd like a refund please",
        "can i exchange it for another colour", "how do i return something i don't want",
    ],
    "lg_discount": [
        "do you have any discount codes", "are there any offers on at the moment", "is there a student discount",
        "have you got any deals on {cat}", "is anything on sale right now", "are there any promo codes going",
    ],
    "lg_policy": [
        "do you take {payment}", "can i spread the cost over a few months", "do you have a shop i can visit",
        "how long does delivery to {place} take", "do you deliver to {place}", "what's your returns window",
        "do you price match {rival}", "is delivery free over a certain amount", "can i collect it from a store",
        "do you offer a warranty on everything", "what are your opening hours", "can i pay by {payment}",
    ],
    "lg_apply": [
        "can you add my code {code} to my order", "i forgot to use my code {code}, can you still apply it",
        "my code {code} isn't working", "can i use {code} on sale items", "where do i put my discount code",
        "does {code} work on {cat}",
    ],
    "lg_handoff": [
        "can i speak to {human}", "is there {human} i can talk to", "please put me through to {human}",
        "i'd rather deal with {human}", "could {human} give me a ring",
    ],
    "lg_handoff_why": [
        "it's not a simple question", "i'd rather explain it to a person", "it's a bit of a long story",
        "the chat isn't really helping", "i find typing hard", "there's a lot going on with my account",
    ],

    # ---- out-of-scope kernels: advice, opinions and errands for other services
    "lg_life": ["change careers", "go back to college", "rent or buy", "move nearer my parents", "take a gap year",
                "go part time", "start my own business", "learn to drive at my age", "sell my car", "retire early",
                "get a second job", "move abroad", "do an apprenticeship", "tell my boss i'm unhappy",
                "get a cat or a dog", "get married this year or wait", "send my kids to a private school",
                "buy a house this year", "get a car on finance", "buy a season ticket", "get a railcard",
                "move to {city}", "study abroad", "go self employed", "take out a loan", "switch banks"],
    "lg_worth": ["getting a personal trainer", "paying off the mortgage early", "learning to code", "doing a phd",
                 "moving to the countryside", "private health insurance", "joining a union", "taking a year out",
                 "getting a financial adviser", "going to therapy", "doing an open university course",
                 "switching to a four day week", "getting a lodger", "a gym membership", "a season ticket",
                 "a railcard", "living in {city}", "visiting {country} in winter", "a national trust membership",
                 "an electric car", "a cleaner once a week", "a heat pump"],
    "lg_svc": ["broadband provider", "estate agent", "accountant", "driving instructor", "gym near me", "dentist",
               "holiday destination for families", "credit card for travelling", "pension provider", "nursery",
               "vet", "plumber", "solicitor", "language school", "savings account", "car insurer", "energy tariff"],
    "lg_suggest": ["a name for my {pet_kind}", "a day trip from {city}", "a recipe using {ingredient}",
                   "a good novel to read", "a history podcast", "a beginner running plan", "somewhere to eat in {city}",
                   "a quiet place to study", "something to do with the kids on a rainy day", "a board game night theme",
                   "a slogan for my cleaning business", "a toast for my brother's wedding", "a caption for my photo",
                   "a walking route near {city}", "ideas for a team building day", "a fun fact to start my talk"],
    "pet_kind": ["puppy", "kitten", "rabbit", "goldfish", "tortoise", "hamster", "horse", "boat", "café", "podcast"],
    "lg_fix": ["get limescale off the taps", "stop condensation on the windows", "fix a dripping tap",
               "get red wine out of a carpet", "bleed a radiator", "reset my wifi router", "stop my dog barking",
               "get rid of fruit flies", "clean mould off the shower", "unblock a toilet", "stop my pipes freezing",
               "get my houseplants to stop dying", "remove a stripped screw", "get chewing gum off jeans",
               "stop my glasses steaming up", "make my bread rise better", "stop rice sticking to the pan",
               "keep my basil alive", "get my toddler to nap", "stop snoring", "revive a dead car battery"],
    "lg_opinion": ["whether taxes should go up", "the election", "whether remote work is here to stay",
                   "a four day week", "whether ai is dangerous", "whether kids should have phones", "nuclear power",
                   "the monarchy", "whether homework is useful", "the price of housing", "tipping culture"],
    "lg_card_problem": ["isn't working abroad", "got swallowed by the cash machine", "has expired and the new one hasn't come",
                        "keeps getting declined online", "might have been cloned", "was blocked for no reason",
                        "won't work for contactless", "has a payment on it i don't recognise"],
    "lg_bank_why": ["is my balance lower than it should be", "hasn't my transfer arrived", "was i charged a fee at the atm",
                    "is a payment still pending after three days", "did my direct debit bounce",
                    "has my salary not gone in", "was the exchange rate so bad on my card",
                    "was i charged twice by the same merchant", "did the bank freeze my account"],
    "lg_bank_how": ["set up a standing order", "add money to my account from another bank",
                    "get a statement for a mortgage application", "report my card stolen", "unlock my online banking",
                    "change the address on my bank account", "get a new pin", "link my card to google pay",
                    "raise my daily withdrawal limit", "send money abroad", "open a joint account",
                    "dispute a transaction", "get a virtual card for online shopping", "close my savings account"],
    "lg_home": ["turn off the {device} in the {room}", "turn the heating down when we go out",
                "set an alarm for {time}", "play some {genre} in the {room}", "remind me to {task}",
                "put the {device} on in the {room}", "what's the weather doing {when}", "lock all the doors",
                "read out my new messages", "dim the {room} lights", "start the {device} at {time}",
                "what's on my calendar {when}", "call {contact} on speaker", "turn everything off in the {room}"],
}

PER_TEMPLATE = {}  # counts are given per template: this module must not change other modules' defaults

_JOIN = "<, |? |. | - | because |, >"

TEMPLATES = {
    "find_products": [
        ("{pre}{lg_find}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 28), ("{pre}{lg_ctx}, so {lg_find}{lg_ctx_end}", 28),
        ("{lg_ctx}. {lg_find}?", 28),
    ],
    "product_details": [
        ("{pre}{lg_details}<? |, >{lg_then}", 24), ("{pre}{lg_details} and {lg_details2}<?|>", 24),
        ("{pre}{lg_details}, and {lg_details2}? {lg_ctx}", 16),
        ("{pre}{lg_details}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 28), ("{pre}{lg_ctx}, so {lg_details}?", 28),
        ("{lg_ctx}. {lg_details}?", 28),
    ],
    "price_inquiry": [
        ("{pre}{lg_price}<? |, >{lg_then}", 18),
        ("{pre}{lg_price}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 24), ("{pre}{lg_ctx}, so {lg_price}?", 24),
    ],
    "check_stock": [
        ("{pre}{lg_stock}<? |, >{lg_then}", 16),
        ("{pre}{lg_stock}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 24), ("{pre}{lg_ctx}, so {lg_stock}?", 24),
    ],
    "product_recommendation": [
        ("{pre}{lg_recommend}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 28), ("{pre}{lg_ctx}, so {lg_recommend}?", 28),
    ],
    "gift_ideas": [
        ("{pre}{lg_gift}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 16),
    ],
    "order_status": [
        ("{pre}{lg_order}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 16),
        ("{pre}{lg_order}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 24), ("{pre}{lg_ctx}, so {lg_order}?", 24),
    ],
    "complaint": [
        ("{pre}{lg_complaint}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 14),
        ("{pre}{lg_complaint}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 24), ("{pre}{lg_ctx}, and {lg_complaint}", 24),
    ],
    "return_refund": [
        ("{pre}{lg_return}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 16),
        ("{pre}{lg_return}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 24), ("{pre}{lg_ctx}, so {lg_return}?", 24),
    ],
    "find_discounts": [
        ("{pre}{lg_discount}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 18),
        ("{pre}{lg_discount}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 20), ("{pre}{lg_ctx}, so {lg_discount}?", 20),
    ],
    "store_policy": [
        ("{pre}{lg_policy}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 24), ("{pre}{lg_ctx_shop}, so {lg_policy}?", 16),
        ("{pre}{lg_policy}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 14),
    ],
    "apply_discount": [
        ("{pre}{lg_apply}" + _JOIN + "{lg_ctx_shop}{lg_ctx_end}", 16), ("{pre}{lg_ctx_shop}, {lg_apply}", 12),
    ],
    "human_handoff": [
        ("{pre}{lg_handoff}? <it's about|i'm asking about> <my order|a refund|a return|my account|{cat_a} i bought>, {lg_handoff_why}", 16),
        ("{pre}{lg_handoff}? {lg_handoff_why}<, {lg_ctx}|>", 20), ("{pre}{lg_handoff_why}, {lg_handoff}<| please|, {lg_ctx}>", 20),
    ],
    "greeting": [
        ("<hello|hi|hi there|hello there|good morning|hiya>! <just saying hello before i start|hope you're well|how are you today|how's your day going>, {lg_ctx}", 16),
    ],
    "thanks": [
        ("<many thanks|thanks a lot|thank you so much|cheers>, <you've saved me a lot of hassle|that's exactly what i needed|you've been brilliant|that clears it up>, {lg_ctx}", 16),
    ],
    "out_of_scope": [
        ("<should i|do you think i should|would you|is it sensible to> {lg_life}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 48),
        ("{lg_ctx}, <so|and> <is it worth|would you recommend|do you think it's worth> {lg_worth}?", 42),
        ("<which|what> {lg_svc} would you <recommend|suggest|go with|pick>" + _JOIN + "{lg_ctx}{lg_ctx_end}", 48),
        ("<can you|could you|would you> <suggest|recommend|come up with|help me pick> {lg_suggest}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 48),
        ("{lg_ctx}. <how do i|what's the best way to|any tips to|how can i> {lg_fix}?", 48),
        ("<how do i|what's the easiest way to|can you tell me how to> {lg_fix}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 42),
        ("<i'd love your honest opinion|what's your take|i'd like your view|what do you reckon> on {lg_opinion}<, {lg_ctx}|>", 36),
        ("{lg_ctx}, and my <bank card|debit card|credit card|card> {lg_card_problem}, what <can|should> i do?", 42),
        ("<why|can you tell me why> {lg_bank_why}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 42),
        ("<how do i|how can i|is it possible to> {lg_bank_how} <in the app|with my bank|online|>" + _JOIN + "{lg_ctx}{lg_ctx_end}", 42),
        ("{lg_home}" + _JOIN + "{lg_ctx}{lg_ctx_end}", 42),
        ("<can you|could you|please> <turn off the {device} in the {room}|set an alarm for {time}|play some {genre}|remind me to {task}|dim the {room} lights|call {contact}>, {lg_ctx}", 30),
    ],
}
