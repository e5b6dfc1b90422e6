"""Short chat turns in the style of general assistant benchmarks: help, order_status, greeting, goodbye.

* help: questions about the assistant itself: whether it is a bot, its name, what to call it, what it
  can do ("is this an automated chat", "what do i call you"). Asking for a person is human_handoff.
* order_status: the question wrapped in "i need to know / can you tell me / i'd like to find out", about
  when one's own parcel comes, at what time, and whether it has shipped.
* greeting / goodbye: how-are-you and nice-talking-to-you turns said in full sentences.
* gift_ideas: short and loose present requests ("fathers day ideas?", "what could i buy her, she loves
  baking", "sth for a 9 yr old into dinosaurs"), which compete with the out-of-scope "ideas for ..." and
  "what should i make ..." requests of other assistants.
"""

SLOTS = {
    "cm_know": ["i need to know", "i want to know", "i'd like to know", "can you tell me", "could you tell me",
                "please tell me", "let me know", "i want to find out", "i'm trying to find out", "do you know",
                "can you check", "i'd like to check", "help me find out", "any idea"],
    "cm_when": ["when my {thing} will <get here|be delivered|show up|turn up|come>",
                "what time my {thing} is <arriving|getting here|coming|being delivered>",
                "the status of my {thing}", "where my {thing} is right now", "if my {thing} has <shipped|been sent|left yet>",
                "how long until my {thing} <arrives|gets here>", "what day my {thing} will come",
                "when i'll get my {thing}", "when {myorder} is due", "whether my {thing} is on its way",
                "the delivery time for my {thing}", "the expected arrival of my {thing}"],
    "cm_she": ["her", "him", "them", "her for her birthday", "him for christmas", "them for their anniversary"],
    "cm_yo": ["year old", "yr old", "yo", "year-old", "y/o"],
    "cm_into": ["who's obsessed with", "who's mad about", "who's into", "who loves", "obsessed with", "into",
                "who can't get enough of", "who's crazy about"],
}

PER_TEMPLATE = {}

_HELP = [
    ("{pre}<is this|am i talking to|am i chatting with|am i speaking to|is this chat|are you just> <a bot|a robot|a machine|an automated chat|an ai|a computer program|automated|a real person or a bot|a person or a program><?| then| or what|>", 24),
    ("{pre}<are you|r u|you're not> <a person|human|a real person|a bot|a chatbot|an ai|a robot|a machine|a computer><?| or what| or a bot| be honest| then|>", 20),
    ("{pre}<what's|whats> your name<?| again| then| please|>", 8),
    ("{pre}<do you have a name|have you got a name|what are you called|what do i call you|what should i call you|what can i call you|how should i address you|who am i chatting with|who am i talking to|who's this><?| then| please|>", 24),
    ("{pre}<tell me|can i ask|may i ask|i'd like to know> <your name|what you're called|who you are|what you are|what to call you><?| please|>", 14),
    ("{pre}<i want to know|tell me|can you tell me> what <you can do|i can ask you|you're able to help with|sort of things you handle><?| please|>", 10),
]

_ORDER = [
    ("{cm_know} {cm_when}<| please|?|>", 30),
    ("<hey|hi|hello|ok|so>, {cm_know} {cm_when}", 12),
]

_GREETING = [
    ("<how are you|how are you doing|how's it going|how have you been|how's your day been|how are things> <today|this morning|this afternoon|so far|lately|my friend|>, <bot|assistant|>", 10),
    ("<hello|hi|hey>, <i hope you're doing well|hope your day's going well|how's everything with you|nice to chat with you>", 8),
]

_GOODBYE = [
    ("<it was|it's been> <great|lovely|nice|really nice|good|a pleasure> <talking|chatting|speaking> <to|with> you<, bye|, see you|, goodbye| today| this morning|, take care>", 10),
    ("<i have to|i need to|i must> <go now|get going|be going|head off|sign off><, bye|, talk later|, see you|>", 10),
]

_GIFT = [
    ("{pre}{person} <loves|is into|is mad about|can't get enough of> {interest}, what <could|can|should|would> i <buy|get> {cm_she}<?|>", 16),
    ("{pre}what <could|can|should> i <buy|get> {person}<?| for {occasion}?|, {he_likes} {interest}>", 14),
    ("<{occasion}|{own_occasion}> <ideas|present ideas|gift ideas|gift inspo|pressie ideas><?| pls| for {person}|>", 16),
    ("<something|sth|smth|anything|a present|a gift> for a {age} {cm_yo} {cm_into} {interest}<?|>", 16),
    ("{pre}what would a {age} {cm_yo} {kid} want for <christmas|their birthday|{occasion}>", 10),
    ("{pre}<christmas|their birthday|mother's day|father's day|valentine's|the wedding|graduation|eid|diwali|hanukkah|our anniversary> is <coming up|next week|around the corner> and i've got nothing for {person}", 10),
    ("{pre}<ideas|any ideas|suggestions> for {person} who <has everything|is hard to buy for|is into {interest}>", 10),
]

TEMPLATES = {
    "gift_ideas": _GIFT,
    "help": _HELP,
    "order_status": _ORDER,
    "greeting": _GREETING,
    "goodbye": _GOODBYE,
}
