#!/usr/bin/env python3
"""Generates Intents/generated_<intent>.yml: extra NLU training examples in Rasa's YAML format.

Hand-written phrasing templates (how people ask) are filled with varied slot values (what they ask
about) from a fixed seed, so the output is the same on every run. Run it after editing templates:

    python3 Scripts/nlu/generate_intents.py

The hand-written files in Intents/ stay the primary data; this adds breadth so the classifier learns
the phrasing, not the particular brands, prices or dates.
"""
import random
import re
from pathlib import Path

SEED = 20261121
PER_TEMPLATE = 3
OUT = Path(__file__).resolve().parents[2] / "Intents"

SLOTS = {
    "category": ["headphones", "laptops", "a laptop", "tvs", "a tv", "phones", "a phone", "running shoes", "a hoodie",
                 "jackets", "t-shirts", "sneakers", "trainers", "earbuds", "a smartwatch", "tablets", "an air fryer",
                 "a coffee machine", "a vacuum", "a blender", "a soundbar", "a gaming console", "controllers", "chargers",
                 "phone cases", "jeans", "a kettle", "a laptop bag", "speakers", "a monitor", "a camera", "a keyboard",
                 "a mouse", "wireless headphones", "gaming laptops", "a 4k tv", "kids shoes", "winter jackets",
                 "a fitness tracker", "a robot vacuum", "a microwave", "joggers", "a power bank", "usb c cables"],
    "brand": ["sony", "samsung", "apple", "lg", "dell", "hp", "lenovo", "nike", "adidas", "puma", "bose", "jbl", "asus",
              "acer", "google", "dyson", "philips", "new balance", "asics", "levis", "garmin", "fitbit", "microsoft",
              "nintendo", "logitech", "anker", "beats", "sennheiser", "hisense", "tcl", "xiaomi", "oneplus", "ninja",
              "kitchenaid", "under armour", "reebok", "the north face", "uniqlo", "razer", "bosch"],
    "product": ["iphone 15", "galaxy s24", "pixel 8", "airpods pro", "wh-1000xm5", "macbook air", "xps 13", "ps5",
                "switch oled", "pegasus 40", "ultraboost", "dyson v15", "galaxy buds", "ipad air", "apple watch",
                "thinkpad x1", "bravia x90l", "oled c3", "quietcomfort ultra", "air max 90", "samba og", "xbox series x",
                "kindle", "gopro hero 12", "surface pro", "galaxy tab s9", "forerunner 265", "airfryer xxl",
                "nespresso vertuo", "roomba j7"],
    "price": ["under $50", "under 100", "below 200", "less than 300 dollars", "between 300 and 500", "around 80 quid",
              "max 1000", "$20-$40", "for under 150 bucks", "under £60", "no more than 250", "at least 500",
              "over 1000", "from 50 to 100", "under a hundred", "below €80", "cheaper than 400", "up to 700"],
    "color": ["black", "white", "grey", "silver", "blue", "navy", "red", "green", "pink", "purple", "beige", "gold"],
    "size": ["size 9", "size 10", "size m", "in xl", "size large", "eu 42", "uk 8", "55 inch", "65 inch", "256gb",
             "in small", "size 11", "xxl", "45mm", "size 7.5"],
    "ordinal": ["first", "second", "third", "last", "2nd", "1st", "fourth"],
    "order": ["ORD-20250105-0001", "ORD-20251130-0042", "ORD-20260214-0007", "ORD-20260301-0113", "ORD-20250718-0020",
              "order 10482", "ORD-20260109-0003"],
    "code": ["SAVE20", "TAKE10", "RUN25", "SONY15", "WELCOME10", "SPRING15", "BLACKFRIDAY", "XMAS25", "FREESHIP",
             "STUDENT10", "VIP30", "NEWYEAR", "SUMMER30", "GIFT5"],
    "amount": ["$120", "$64", "150 dollars", "£80", "$45", "200", "$1000", "$99"],
    "email": ["jane.doe@example.com", "sam@example.org", "m.jones@mail.example.com", "alex_k@example.net"],
    "period": ["last month", "this month", "this year", "last year", "in march", "between january and march",
               "in q1 2011", "last week", "yesterday", "today", "since june", "so far this year", "in 2011",
               "over the last 30 days", "in november 2011", "from 2011-06-01 to 2011-06-15", "the first quarter",
               "summer 2011", "this week", "last quarter", "in december", "june through august", "the past 7 days"],
    "metric": ["revenue", "sales", "turnover", "total sales", "units sold", "orders", "the number of orders",
               "average order value", "aov", "profit", "margin", "gross sales", "net sales"],
    "country": ["germany", "the uk", "france", "the netherlands", "holland", "ireland", "spain", "australia",
                "england", "belgium", "switzerland", "norway"],
    "owner_product": ["white hanging heart t-light holder", "regency cakestand", "jumbo bag red retrospot",
                      "party bunting", "lunch bag red retrospot", "assorted colour bird ornament",
                      "paper chain kit 50's christmas", "samsung 55 inch qled tv", "sony headphones",
                      "nike pegasus", "the cakestand", "heart of wicker small", "set of 3 cake tins"],
    "n": ["5", "10", "3", "20", "ten", "five"],
    "city": ["london", "paris", "new york", "berlin", "tokyo", "madrid", "rome", "sydney", "dublin", "amsterdam"],
    "a": ["2", "7", "12", "15", "48", "100", "3", "9"],
    "person": ["my mum", "my dad", "my sister", "my boyfriend", "my wife", "a teenager", "a runner", "a gamer",
               "my boss", "a 10 year old", "a coffee lover", "someone who cooks"],
    "problem": ["arrived damaged", "is broken", "stopped working", "arrived late", "was the wrong size",
                "was the wrong colour", "is missing a part", "never arrived", "was charged twice", "is faulty",
                "came scratched", "doesn't turn on", "smells burnt", "was opened before"],
    "thing": ["order", "parcel", "package", "delivery", "headphones", "laptop", "tv", "shoes", "stuff", "jacket"],
}

TEMPLATES = {
    "find_products": [
        "show me {category}", "i need {category}", "looking for {category}", "do you have {category}",
        "any {category} {price}", "{brand} {category}", "{brand} {category} {price}", "i want {color} {category}",
        "{category} in {color}", "{category} {size}", "{brand} {category} in {color}", "got any {category}?",
        "im after {category}", "find me {category} {price}", "i'm looking for {category} from {brand}",
        "do you sell {brand}", "search for {category}", "show {brand} stuff", "{color} {category} {price}",
        "need {category} asap", "what {category} do you have", "list {category}", "browse {category}",
        "can i see some {category}", "any {brand} {category} in stock {price}", "{category} pls",
        "show me the {product}", "looking for the {product}", "do you have the {product}", "i want the {product}",
        "only {brand}", "just {brand} please", "only in {color}", "what about in {color}", "{price}",
        "something {price}", "anything {price}?", "show me more", "more options", "cheaper ones",
        "any cheaper ones", "show me something else", "next page please", "what else have you got",
        "do you carry {brand}", "i'd like to buy {category}", "shopping for {category} for {person}",
        "{category} for {person}", "need new {category}", "have you got {color} ones", "{brand} ones only",
    ],
    "product_details": [
        "tell me more about the {ordinal} one", "more details on the {product}", "what are the specs of the {product}",
        "specs of the {ordinal} one", "what's the battery life on the {product}", "is the {product} waterproof",
        "what sizes does the {ordinal} one come in", "does it come in {color}", "what colours does the {product} come in",
        "what's it made of", "what material is the {ordinal} one", "how is the {product} rated", "reviews of the {product}",
        "is the {product} any good", "does the {product} have noise cancelling", "how big is the screen on the {product}",
        "how much storage does the {ordinal} one have", "is it wireless", "does the {product} work with android",
        "compare the first two", "compare the {ordinal} and the {ordinal} one", "what's the difference between them",
        "which is better, the {ordinal} or the {ordinal}", "tell me about the {brand} one", "details please",
        "more info on that one", "what's in the box with the {product}", "does the {ordinal} one come with a charger",
        "is the {product} true to size", "how heavy is the {product}", "describe the {ordinal} one",
        "what features does it have", "is it 4k", "does it support 5g", "what processor is in the {product}",
    ],
    "product_recommendation": [
        "what do you recommend", "can you recommend {category}", "recommend {category} {price}",
        "what's the best {category} for {person}", "which {category} should i get", "suggest {category} for {person}",
        "gift ideas for {person}", "gift for {person} {price}", "what's a good present for {person}",
        "something similar to the {product}", "alternatives to the {product}", "anything like the {ordinal} one",
        "what goes with the {product}", "what accessories go with the {ordinal} one", "what do people buy with the {product}",
        "frequently bought with this", "what's popular in {category}", "best selling {category}", "top rated {category}",
        "is there a better model than the {product}", "something more premium than this", "help me choose {category}",
        "which would you pick", "what would you suggest for {person}", "best {category} {price}",
        "i cant decide, any suggestions", "what's trending right now", "your best sellers?", "recommend something for {person}",
        "what pairs well with the {product}",
    ],
    "price_inquiry": [
        "how much is the {product}", "how much is the {ordinal} one", "price of the {product}", "what does the {product} cost",
        "how much", "how much is it", "price?", "what's the price", "how much for the {brand} one",
        "is the {product} on sale", "is the {ordinal} one on sale", "what was the original price of the {product}",
        "how much do i save on the {ordinal} one", "how much are the {product}", "cost of the {ordinal} one",
        "price check on the {product}", "how much with the discount", "what's the final price",
        "how much for two of the {ordinal} one", "hw much is the {product}", "is the {product} expensive",
        "did the price of the {product} drop", "how much does it cost in {color}", "price for the {size} one",
        "what's the cheapest price for the {product}",
    ],
    "check_stock": [
        "is the {product} in stock", "is the {ordinal} one in stock", "do you have the {product} in stock",
        "is the {product} available", "any {product} left", "how many {product} are left", "is it in stock",
        "in stock?", "is it sold out", "do you have the {ordinal} one in {color}", "do you have it {size}",
        "is {size} available for the {ordinal} one", "when will the {product} be back in stock",
        "is the {product} back in stock", "can i buy the {ordinal} one today", "how many do you have left",
        "stock check on the {product}", "is the {product} available in {color}", "any left {size}",
        "do you still have the {product}", "is there enough stock for 3", "can i order 2 of the {ordinal} one",
        "when are you restocking the {product}", "availability of the {product}?", "are they available {size}",
    ],
    "find_discounts": [
        "any discounts on {category}", "any deals on {brand}", "are there any offers", "what deals do you have today",
        "do you have any promo codes", "any coupons for {category}", "is there a discount on the {product}",
        "any discount codes", "what's on sale", "whats on sale in {category}", "any {brand} deals",
        "is there a sale on", "any black friday deals on {category}", "current promotions?", "any vouchers",
        "do you have a student discount", "how can i save on the {ordinal} one", "any deals on these",
        "discounts on the {ordinal} one?", "show me the deals", "what's reduced", "clearance {category}",
        "got any codes for me", "are there any discounts today", "is anything on offer {price}",
    ],
    "apply_discount": [
        "apply code {code}", "use {code}", "can i use {code}", "does {code} work", "apply {code} to the {ordinal} one",
        "is {code} valid", "check code {code}", "promo code {code} for a {amount} order", "will {code} work on {amount}",
        "coupon {code}", "i have a voucher {code}", "why doesn't {code} work", "my code {code} isn't working",
        "use code {code} on the {product}", "redeem {code}", "enter {code}", "does {code} apply to {category}",
        "{code} on a {amount} order", "how much does {code} save me", "apply the discount code",
        "apply the first code", "use that code", "can i stack {code} and {code}", "is {code} expired",
        "try {code} please", "validate {code}",
    ],
    "order_status": [
        "where is my order", "where's my {thing}", "track {order}", "status of {order}", "check {order}",
        "has {order} shipped", "when will {order} arrive", "my {thing} hasn't arrived", "where is my {thing}",
        "track my {thing}", "what's the tracking number for {order}", "is my {thing} on the way",
        "when will my {thing} be delivered", "order status for {order}", "i ordered {category} last week, where are they",
        "has my {thing} been dispatched", "eta for {order}?", "whats happening with my {thing}", "look up {order}",
        "can you check on my {thing}", "my tracking for {order} hasn't updated", "did {order} get delivered",
        "is {order} cancelled", "status of my return", "{order}", "where r my {thing}", "wheres my stuff",
        "still waiting on {order}", "which courier has my {thing}", "delivery update for {order} please",
    ],
    "complaint": [
        "my {thing} {problem}", "the {thing} {problem}", "{order} {problem}", "i want to complain, my {thing} {problem}",
        "this is unacceptable, the {thing} {problem}", "i'm really unhappy, my {thing} {problem}", "my {category} {problem}",
        "i want to make a complaint about {order}", "file a complaint", "i need to report a problem with {order}",
        "your service is terrible", "i was charged twice for {order}", "still no refund for {order}",
        "the courier was rude", "very disappointed with my {thing}", "the quality of the {product} is awful",
        "i received the wrong {thing}", "you sent me the wrong {category}", "the {product} {problem} after a week",
        "worst experience ever, {thing} {problem}", "i'm fed up, {order} {problem}", "report an issue: {thing} {problem}",
        "complaint: {order} {problem}", "not happy, the {product} {problem}",
        "my {category} arrived with a cracked screen, {order}", "{order}: the {thing} {problem}",
        "the {thing} from {order} {problem}", "{thing} {problem} and i want a refund",
    ],
    "business_query": [
        "what was my {metric} {period}", "{metric} {period}", "how much {metric} did we make {period}",
        "total {metric} {period}", "how many units of {owner_product} did we sell {period}",
        "how many {brand} {category} were sold {period}", "units sold of {owner_product} {period}",
        "top {n} products {period}", "top {n} customers", "who are my top {n} customers {period}",
        "best selling products {period}", "worst selling products {period}", "top {n} countries by revenue",
        "{metric} in {country} {period}", "how did sales in {country} do {period}", "revenue by month {period}",
        "how were sales each month {period}", "sales trend {period}", "weekly sales {period}", "daily revenue {period}",
        "best month for sales {period}", "worst week {period}", "compare {period} to {period}",
        "how did {period} compare to {period}", "which products need restocking", "what's low on stock",
        "days of cover for {owner_product}", "slow movers {period}", "what's my profit margin {period}",
        "margin on {category}", "customers at risk of churning", "which customers stopped ordering",
        "how much has customer 12345 spent {period}", "orders from customer 17850 {period}",
        "average order value {period}", "number of customers {period}", "how many orders {period}",
        "and in {country}?", "what about {period}?", "same for {country}", "top categories {period}",
        "how many ai credits do i have left", "what did ai cost me {period}", "returns {period}",
        "how is the shop doing {period}", "give me a sales report for {period}",
    ],
    "out_of_scope": [
        "what's the weather in {city}", "will it rain in {city} tomorrow", "how hot is it in {city}",
        "what is {a} plus {a}", "what's {a} times {a}", "calculate {a} divided by {a}", "what is {a} minus {a}",
        "who won the match last night", "what's the capital of {country}", "how far is {city} from {city}",
        "book a flight to {city}", "find me a hotel in {city}", "train times to {city}", "rent a car in {city}",
        "transfer {amount} to my savings", "what's my account balance", "open a bank account", "pay my credit card bill",
        "turn off the lights", "set the heating to 20", "play some jazz", "set a timer for {a} minutes",
        "remind me to call {person}", "what time is it in {city}", "tell me a joke about {city}",
        "write a poem about {person}", "who is the president of {country}", "how old is the universe",
        "what's the meaning of life", "translate thank you into german", "how do i cook pasta",
        "what are the symptoms of covid", "help me with my maths homework", "what's the latest football score",
        "should i invest in crypto", "recommend a movie", "what should i watch tonight", "do you like music",
        "are you married", "what's your name", "where are you from", "how do i fix my wifi",
        "my computer won't start", "explain quantum physics", "who invented the telephone",
        "whats the population of {city}", "is {city} nice to visit", "order a pizza to my house",
        "call me a taxi", "what's on tv tonight", "sing happy birthday", "lol ok", "asdf", "hmm ok", "?",
    ],
    "help": [
        "what can you do", "how does this work", "help", "i need help", "what can i ask you", "how do i use this",
        "what are my options", "can you help me", "who are you", "are you a real person", "can i talk to a human",
        "i'm confused, what do i do", "what is this chat for", "what kind of questions can you answer",
        "show me what you can do", "give me some examples", "how do i search", "how do i check an order here",
        "can you help me shop", "what services do you offer", "is there a menu", "what do i type",
    ],
    "greeting": ["hi", "hello", "hey", "hey there", "good morning", "good evening", "hiya", "yo", "hi there",
                 "hello, anyone there?", "hey, how are you", "morning!", "hi bot", "hello again", "howdy"],
    "goodbye": ["bye", "goodbye", "see you", "see you later", "cya", "thats all, bye", "ok bye", "gotta go",
                "have a nice day", "bye for now", "talk later", "i'm done, thanks bye", "night", "later!", "take care"],
    "thanks": ["thanks", "thank you", "thx", "cheers", "thanks a lot", "thank you so much", "ty", "much appreciated",
               "great, thanks", "perfect, thank you", "thanks for the help", "that helps, thanks", "nice one, cheers",
               "thank u", "appreciate it"],
}

TYPOS = {"the": "teh", "you": "u", "your": "ur", "please": "pls", "what": "wat", "show": "shwo", "order": "ordr",
         "thanks": "thnx", "much": "mch", "where": "wher", "have": "hav", "discount": "discout", "available": "availble"}


def fill(template, rng):
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(SLOTS[m.group(1)]), template)


def vary(text, rng):
    roll = rng.random()
    if roll < 0.15:
        words = text.split()
        words = [TYPOS.get(w, w) if rng.random() < 0.5 else w for w in words]
        text = " ".join(words)
    elif roll < 0.25:
        text = text.capitalize() + rng.choice(["?", "!", ".", ""])
    elif roll < 0.3:
        text = text.upper() if len(text) < 30 else text
    return text


def main():
    rng = random.Random(SEED)
    for intent, templates in TEMPLATES.items():
        seen = set()
        lines = []
        for template in templates:
            count = PER_TEMPLATE if "{" in template else 1
            for _ in range(count * 3):
                if count == 0:
                    break
                text = vary(fill(template, rng), rng).strip()
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                lines.append(text)
                count -= 1
        path = OUT / f"generated_{intent}.yml"
        with path.open("w", encoding="utf-8") as out:
            out.write(f"# Generated by Scripts/nlu/generate_intents.py (seed {SEED}); edit the templates, not this file.\n")
            out.write('version: "3.1"\nnlu:\n')
            out.write(f"- intent: {intent}\n  examples: |\n")
            for line in lines:
                out.write(f"    - {line}\n")
        print(f"{path.name}: {len(lines)} examples")


if __name__ == "__main__":
    main()
