"""Out-of-domain negatives (out_of_scope), part 4: account admin for other services and assistant chores.

Domains: a bank or card app (top ups, transfers, cash machines, pins, card delivery, fees, identity
checks, exchange rates, statements), a credit card account (limits, rewards, bills, apr), work and pay
(holiday days, payslips, tax forms, pensions), the car (servicing, tyres, fuel, breakdowns), travel admin
(visas, plugs, jabs, lost luggage, flight status), kitchen facts, the assistant's own settings
(voice, language, speed), a phone's contacts and social apps, lists, email, news and events, and
smart-home devices by brand. Many sentences use shop words (card, charge, refund, order, pending,
declined, delivery, top up, price, balance, points, return) because their owners are banks, employers
and other apps, not this shop. Nothing is annotated; part 2's optional "alexa, ..." wrap applies.
"""

SLOTS = {
    "sv_card": ["card", "debit card", "credit card", "bank card", "virtual card", "contactless card", "new card",
                "visa card", "mastercard", "travel card", "business card"],
    "sv_amt": ["20", "50", "100", "£40", "$60", "€25", "200 pounds", "300 dollars", "a tenner", "£1,500", "75 euros"],
    "sv_merchant": ["a petrol station", "a restaurant", "an online shop", "the supermarket", "a hotel", "the gym",
                    "a taxi firm", "a coffee shop", "a website i've never heard of", "an app subscription", "a bar",
                    "a car park"],
    "sv_topup": ["top up", "top-up", "topup", "add money", "load money", "deposit"],
    "sv_how": ["apple pay", "google pay", "a bank transfer", "my other bank", "cash", "a cheque", "my salary",
               "a debit card", "paypal"],
    "sv_foreign": ["abroad", "in spain", "in the states", "on holiday", "in euros", "in dollars", "overseas",
                   "in japan", "in a foreign currency"],
    "sv_cc": ["credit limit", "apr", "interest rate", "minimum payment", "statement balance", "rewards points",
              "cashback balance", "available credit", "annual fee", "payment due date"],
    "sv_work": ["holiday days", "annual leave", "sick days", "days off", "pto", "overtime hours"],
    "sv_form": ["p60", "p45", "w2", "payslip", "tax return", "pension statement", "tax code", "1099"],
    "sv_car": ["oil change", "mot", "service", "tyre rotation", "brake check", "valet", "car wash", "wheel alignment"],
    "sv_carq": ["what fuel does my car take", "what's my car's mpg", "what should my tyre pressure be",
                "why is the engine light on", "how do i jump start a car", "when is my car due a service",
                "how much oil does my car need", "is my car insured", "is my car taxed",
                "how far can i drive on an empty tank", "my car won't start", "my windscreen is cracked, who do i call"],
    "sv_assist": ["talk faster", "speak more slowly", "change your voice to <a man|a woman|a british accent|an american accent>",
                  "switch your language to <spanish|french|german|welsh|polish>", "turn on whisper mode",
                  "can i change your name", "call me <captain|boss|your majesty|dave>", "reset all your settings",
                  "sync with my other devices", "turn your volume down", "mute yourself", "repeat that",
                  "say that again", "stop listening", "go to sleep"],
    "sv_social": ["facebook", "twitter", "instagram", "linkedin", "tiktok", "snapchat", "whatsapp", "threads"],
    "sv_brand_dev": ["hue lights", "wemo plug", "nest thermostat", "hive heating", "ring doorbell", "roomba",
                     "sonos", "echo", "smart kettle", "coffee machine", "smart blinds", "lightstrip"],
    "sv_food": ["chicken", "cooked rice", "salmon", "opened milk", "eggs", "leftover pasta", "cheese", "yoghurt",
                "soup", "mince", "raw prawns", "cake"],
    "sv_sub": ["eggs", "butter", "sour cream", "self raising flour", "brown sugar", "cornflour",
               "white wine", "baking powder", "heavy cream", "honey", "breadcrumbs"],
}

PER_TEMPLATE = {}

_BANK_APP = [
    "<how do i|how can i|can i> {sv_topup} <with|using|by|from> {sv_how}", "my {sv_topup} <failed|didn't go through|is still pending|was declined>",
    "why is my {sv_topup} <still pending|taking so long|not showing>", "i topped up {sv_amt} but my balance hasn't changed",
    "the cash machine <kept my card|took my card|didn't give me the money|gave me the wrong amount>",
    "why was i charged for taking out cash<| {sv_foreign}>", "is there a fee for <using my card|withdrawing cash|paying> {sv_foreign}",
    "my {sv_card} <hasn't arrived|still hasn't come|is taking ages to arrive|never turned up>",
    "when will my {sv_card} arrive", "how do i activate my {sv_card}", "my {sv_card} <is about to expire|expired|is damaged|snapped in half>",
    "i <forgot|can't remember> my <pin|passcode|password> for the banking app", "my pin is blocked",
    "my transfer to {payee} <hasn't arrived|is still pending|was returned|was cancelled>",
    "how long does a transfer to <another bank|an account abroad|my savings> take",
    "i sent {sv_amt} to the wrong account", "can i cancel a transfer i just made",
    "there's a payment to {sv_merchant} i didn't make", "i was charged <twice|the wrong amount|a fee> by {sv_merchant}",
    "a payment to {sv_merchant} is still showing as pending", "my card payment at {sv_merchant} was declined",
    "why was the exchange rate so bad when i paid {sv_foreign}", "can i hold money in <euros|dollars|different currencies> in my account",
    "how do i verify my identity<| for the bank| in the app>", "why do you need my id to open an account",
    "the app won't accept my <passport|driving licence|selfie>", "how do i get a virtual card for online payments",
    "can i have a disposable card", "how do i link my {sv_card} to {sv_how}", "is there an age limit to open an account",
    "which countries can i use the account in", "how do i close my bank account", "how do i change my personal details on my account",
    "my salary payment hasn't shown up", "why hasn't my balance updated after the transfer",
    "a direct debit i don't recognise came out", "can i get my money back for a card payment i didn't authorise",
    "my phone was stolen with my banking app on it", "how do i set up automatic top ups",
    "how much can i withdraw in a day", "is there a limit on transfers",
    "can my kids have a card on my account", "how do i get a physical card", "how do i order a replacement {sv_card}",
]

_CREDIT_ADMIN = [
    "what's my {sv_cc}", "how <many|much> {sv_cc} do i have", "can you raise my credit limit",
    "when is my <credit card|card> bill due", "pay off my credit card balance", "what's the minimum i have to pay this month",
    "how do i redeem my credit card rewards", "how can i improve my credit score", "what's a good credit score",
    "report my card as lost", "i think my card has been compromised", "order me some new cheques",
    "what's my routing number", "what's my account's sort code", "set up direct deposit for my pay",
    "how much did i spend on <food|fuel|travel|bills> this month", "show me my recent card transactions",
    "what's the apr on a balance transfer",
]

_WORK = [
    "how many {sv_work} do i have left", "book {sv_work} for <next week|the 3rd to the 7th|friday|august>",
    "when do i get paid", "when is payday", "where can i find my {sv_form}", "i need a copy of my {sv_form}",
    "how much tax did i pay last year", "what's my salary after tax", "how do i roll over my pension",
    "when is the next bank holiday", "what's the next public holiday", "how do i change my tax code",
    "submit my expenses", "log my hours for this week", "who's my line manager", "book a desk in the office for {when}",
    "what's my employee number",
]

_CAR = [
    "{sv_carq}", "book my car in for <a|an> {sv_car}", "how much does <a|an> {sv_car} cost", "when's my next {sv_car}",
    "find a garage for <a|an> {sv_car} near me", "call the breakdown service", "i've got a flat tyre on the motorway",
    "where's the cheapest fuel near me", "how much is diesel today", "find me a car park near {spot}",
    "how long will it take me to get to {spot} in this traffic", "renew my car insurance", "tax my car",
]

_TRAVEL_ADMIN = [
    "what plug do they use in {country}", "do i need jabs for {country}", "what vaccines do i need for {country}",
    "do i need a visa to visit {country}", "my luggage didn't arrive at {city}", "the airline lost my suitcase",
    "is my flight to {city} on time", "what terminal does my flight leave from", "can i take a power bank on a plane",
    "how much liquid can i take in hand luggage", "tell my bank i'm travelling to {country}",
    "set a travel notice on my card for {country}", "how long is my passport valid for",
    "do i need a transit visa for {city}",
]

_KITCHEN_FACTS = [
    "how long does {sv_food} last in the fridge", "how long can i keep {sv_food}", "can i freeze {sv_food}",
    "what can i use instead of {sv_sub}", "substitute for {sv_sub}", "how long do i cook {sv_food} for",
    "how many calories are in {sv_food}", "is {sv_food} still ok after the use by date",
    "what should i make for dinner tonight", "suggest a meal with {ingredient}", "nutrition facts for {sv_food}",
    "how long does it take to roast {sv_food}",
]

_ASSISTANT = [
    "{sv_assist}", "<could you|can you|please> {sv_assist}", "what time is it", "what's the date today",
    "what day is it", "what's today's date", "where am i right now", "what's my current location",
    "share my location with {contact}", "what's the time in {city}", "what timezone am i in",
    "is it a leap year", "how many days until the weekend",
]

_SOCIAL_LISTS = [
    "post <a photo|this|my run|a status> on {sv_social}", "complain to {company} on {sv_social}",
    "tweet that my train is late again", "check my {sv_social} notifications", "what's trending on {sv_social}",
    "update my {sv_social} status", "send a message to {contact} on {sv_social}",
    "add {contact} as a contact", "what's {contact}'s <phone number|mobile|email address|birthday>",
    "<give me|find|look up> {contact}'s <mobile|home|work> number", "email {contact} the <report|photos|address|invoice>",
    "any emails from {contact}", "read my latest email", "reply to {contact}'s email",
    "create a new list called <packing|chores|ideas|books to read>", "add <passport|sun cream|tickets> to my packing list",
    "remove <eggs|milk|bread> from my list", "what's on my to do list for {when}", "delete my shopping list",
    "any events <near me|in {city}> {when}", "what's on in {city} {when}", "find a concert {when}",
    "what's a good film on at the cinema", "recommend a <bar|museum|park|gallery|brunch place> in {city}",
    "is my takeaway on its way", "how long until my pizza gets here", "what's happening in the news about {topic}",
    "give me the headlines from <the bbc|the guardian|sky news|cnn>",
]

_DEVICES = [
    "turn <on|off> the {sv_brand_dev}", "set the {sv_brand_dev} to <blue|warm white|50 percent|eco|away mode>",
    "make me a coffee", "make me a <latte|cappuccino|tea|espresso> with the {sv_brand_dev}",
    "is the {sv_brand_dev} <on|connected|online|working>", "connect the {sv_brand_dev} to the wifi",
    "set the {room} to <reading|relax|party|bright> mode", "change the lights to <red|green|purple|blue> in the {room}",
    "turn the volume <up|down|to {pct}>", "mute the speaker", "louder please", "quieter please",
    "start cleaning the {room}", "send the hoover back to its dock", "vacuum under the {room} table",
]

TEMPLATES = {
    "out_of_scope": _BANK_APP + _CREDIT_ADMIN + _WORK + _CAR + _TRAVEL_ADMIN + _KITCHEN_FACTS + _ASSISTANT
    + _SOCIAL_LISTS + _DEVICES,
}
