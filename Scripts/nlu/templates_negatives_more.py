"""Out-of-domain negatives (out_of_scope), part 2: knowledge, chatter and everyday life.

Domains: trivia, maths and units, weather, cooking, food ordering and restaurants, news, sports, jokes
and games, definitions and translation, life advice, health and fitness, coding, opinions and chatter
about the assistant, errands elsewhere (library, post office, council, doctor) and gibberish.
Slots such as {city} and {contact} come from part 1 (templates_negatives.py).
"""

SLOTS = {
    "xpre": [""] * 35 + ["hey, ", "alexa, ", "ok google, ", "hey siri, ", "um ",
             "so ", "right, ", "quick one, ", "excuse me, ", "sorry, ", "please ",
             "i was wondering, ", "random question but ", "hey google "],
    "xpost": [""] * 25 + [" please", " pls", " thanks", " now", " mate", "?", " quickly"],
    "landmark": ["mount everest", "the eiffel tower", "big ben", "the shard", "the empire state building", "ben nevis",
                 "the statue of liberty", "the burj khalifa", "stonehenge", "the great wall of china", "the pyramids"],
    "inventor": ["the telephone", "the light bulb", "the internet", "penicillin", "the printing press", "the aeroplane",
                 "the world wide web", "television", "the steam engine", "velcro", "the microwave oven"],
    "celebrity": ["taylor swift", "elon musk", "the king", "keir starmer", "barack obama", "lionel messi", "beyonce",
                  "david attenborough", "oprah", "tom hanks", "serena williams", "marcus rashford", "zendaya"],
    "animals": ["octopuses", "elephants", "blue whales", "giraffes", "penguins", "sloths", "cheetahs", "koalas",
    "sharks",
                "owls", "hedgehogs", "axolotls", "tortoises", "flamingos", "bees", "crows", "dolphins"],
    "dish": ["lasagne", "spaghetti carbonara", "banana bread", "a roast dinner", "chicken curry", "pancakes", "risotto",
             "yorkshire puddings", "guacamole", "pad thai", "scrambled eggs", "a victoria sponge", "chilli con carne",
             "shepherd's pie", "sourdough", "brownies", "hummus", "paella", "tacos", "a smoothie", "fried rice",
             "gravy"],
    "ingredient": ["eggs", "chicken", "rice", "pasta", "tofu", "mince", "potatoes", "spinach", "chickpeas", "salmon",
                   "leftover turkey", "butter", "flour", "cheese", "tomatoes", "lentils", "mushrooms", "bananas"],
    "cuisine": ["indian", "italian", "thai", "chinese", "mexican", "sushi", "vegan", "turkish", "greek", "korean",
                "burger", "pizza", "lebanese", "fish and chip", "vietnamese", "ethiopian", "brunch"],
    "restaurant": ["dominos", "pizza hut", "nandos", "mcdonalds", "kfc", "wagamama", "pret", "greggs", "subway",
                   "five guys", "deliveroo", "just eat", "uber eats", "starbucks", "the local chinese", "burger king",
                   "costa"],
    "team": ["arsenal", "man united", "liverpool", "chelsea", "spurs", "celtic", "rangers", "man city", "real madrid",
             "barcelona", "lakers", "yankees", "england", "all blacks", "newcastle", "leeds", "chiefs", "wales"],
    "sport": ["the football", "the cricket", "the rugby", "the f1", "the tennis", "the golf", "the darts",
    "the snooker",
              "the nba", "the super bowl", "the boxing", "wimbledon", "the world cup", "the olympics",
              "the grand national"],
    "word": ["serendipity", "ubiquitous", "ephemeral", "gaslighting", "rizz", "petrichor", "schadenfreude",
    "quid pro quo",
             "irony", "photosynthesis", "inflation", "a mortgage", "an algorithm", "nostalgia", "sonder", "fomo"],
    "phrase": ["thank you", "good morning", "where is the toilet", "i love you", "how much is this", "happy birthday",
               "one beer please", "i'm lost", "nice to meet you", "the bill please", "cheers", "i don't understand"],
    "lang": ["french", "spanish", "german", "italian", "japanese", "mandarin", "arabic", "portuguese", "polish",
    "welsh",
             "hindi", "korean", "dutch", "greek", "turkish", "swahili", "irish", "russian"],
    "topic": ["cats", "dogs", "space", "the ocean", "dinosaurs", "football", "pirates", "my boss", "mondays", "coffee",
              "robots", "the weather", "penguins", "pizza", "autumn", "love", "friendship", "the sea", "trains",
              "brexit",
              "climate change", "ai", "the moon", "elections", "the economy"],
    "illness": ["flu", "covid", "hay fever", "a migraine", "a cold", "tonsillitis", "shingles", "diabetes",
    "chickenpox",
                "food poisoning", "anxiety", "burnout", "a uti", "strep throat", "long covid"],
    "food": ["an apple", "a banana", "a pint of beer", "a slice of pizza", "an avocado", "a boiled egg",
    "a glass of wine",
             "a croissant", "a big mac", "rice", "porridge", "a mars bar", "a latte", "peanut butter"],
    "prog": ["python", "javascript", "java", "swift", "rust", "c++", "sql", "go", "typescript", "kotlin", "bash",
    "excel"],
    "code_task": ["reverse a string", "sort a list", "read a csv file", "connect to a database", "parse json",
                  "remove duplicates from a list", "make an http request", "center a div", "write a for loop",
                  "split a string", "find the largest number in an array", "count words in a file", "use async await"],
    "mood": ["lonely", "stressed", "sad", "anxious", "bored", "tired all the time", "overwhelmed", "unmotivated",
                "homesick", "burnt out", "nervous about my exams", "heartbroken"],
    "thing2": ["cats or dogs", "tea or coffee", "marvel or dc", "summer or winter", "pineapple on pizza",
    "the beatles or the stones",
               "pepsi or coke", "books or films", "mac or pc", "london or paris", "beach or mountains"],
    "unit_pair": ["miles to km", "kilos to pounds", "celsius to fahrenheit", "feet to metres", "ounces to grams",
                  "litres to gallons", "inches to cm", "stone to kg", "cups to ml", "mph to kph"],
}

PER_TEMPLATE = {}
WRAP = {"out_of_scope": ("{xpre}", "{xpost}")}

_TRIVIA = [
    "who invented {inventor}", "what's the capital of {country}", "how tall is {landmark}", "who is {celebrity}",
    "how old is {celebrity}", "what language do they speak in {country}", "what's the population of {city}",
    "how long do {animals} live", "what do {animals} eat", "why is the sky blue", "why is the sea salty",
    "how many planets are there", "when did the second world war end", "who was the first person on the moon",
    "what's the biggest country in the world", "how deep is the ocean", "who painted the mona lisa", "who wrote hamlet",
    "what year did the titanic sink", "how many bones are in the human body", "is a tomato a fruit",
    "what's the fastest animal", "how far away is the moon", "what's the longest river in the world",
    "who is the richest person",
    "fun fact about {animals}", "when was {landmark} built", "what time zone is {city} in", "what time is it in {city}",
    "what's the tallest building in {city}", "is {celebrity} married", "how many people live in {country}",
    "what currency do they use in {country}", "where is {landmark}", "tell me about the history of {city}",
    "who won the last general election", "what's the speed of sound", "how hot is the sun", "how do planes stay up",
]

_MATHS = [
    "what is {number} plus {number}", "what's {number} times {number}", "{number} divided by {number}",
    "what is {number} minus {number}",
    "what's {pct} percent of {number}", "square root of {number}", "what's {number} squared",
    "solve x plus {number} equals {number}",
    "how many minutes in {number} hours", "convert {number} {unit_pair}", "how many {unit_pair}",
    "what's 15% tip on {money}",
    "calculate {number} times {number} minus {number}", "is {number} a prime number",
    "what's the area of a circle with radius {number}",
    "round {number}.75 to the nearest whole number", "how many days until christmas",
    "how many weeks until <christmas|my birthday|summer|the holidays|easter|halloween|new year>",
    "how many seconds in a year", "what's pi to 10 digits", "help me with my maths homework",
    "split {money} between {number} people",
    "work out the vat on {money}", "what is {number} to the power of {number}",
]

_WEATHER = [
    "what's the weather <like |>in {city} {when}", "will it rain {when}", "do i need an umbrella {when}",
    "is it going to snow in {city}",
    "what's the forecast <for the weekend|for tomorrow|{when}>", "how hot will it be {when}",
    "what's the uv index today", "is it windy outside",
    "weather {when}", "is it cold in {city} right now", "what time is sunset {when}",
    "will it be sunny for the weekend",
    "is there a storm coming", "what's the pollen count", "should i wear a coat {when}",
    "how much rain is forecast in {city}",
    "what's the air quality in {city}", "is it going to be nice {when}", "temperature in {city}",
    "when is high tide in {city}",
]

_COOKING = [
    "how do i make {dish}", "recipe for {dish}", "how long do i boil an egg for",
    "what can i cook with {ingredient} and {ingredient}",
    "how many grams in a cup of flour", "what can i use instead of {ingredient}",
    "what temperature do i roast a chicken at",
    "is it safe to eat {ingredient} after <3|5|7> days", "how long does {dish} keep in the fridge",
    "easy dinner ideas for tonight",
    "a vegetarian recipe with {ingredient}", "how do i cook rice in the microwave",
    "how long to cook {ingredient} in an air fryer",
    "meal plan for the week", "what wine goes with {dish}", "how do i defrost {ingredient} quickly", "what's in {dish}",
    "give me a recipe for {dish} without {ingredient}", "how much salt do i put in {dish}", "can you freeze {dish}",
]

_FOOD_ORDER = [
    "order pizza from {restaurant}", "order a {cuisine} takeaway",
    "book a table for <2|4|6|two|four> at {restaurant} {when}",
    "find a {cuisine} restaurant near me", "is {restaurant} open now", "get me a takeaway from {restaurant}",
    "order my usual from {restaurant}", "reserve a table for tonight", "how much is a big mac",
    "order groceries from <tesco|sainsburys|ocado|asda|walmart>",
    "add <milk|bread|eggs|bananas|loo roll|coffee> to my shopping list", "what's on my shopping list",
    "what's the best {cuisine} place in {city}",
    "does {restaurant} do vegan options", "book brunch {when}", "find a pub with a beer garden",
    "order a coffee from {restaurant}",
    "how long is the wait at {restaurant}", "what time does {restaurant} close", "leave a review for {restaurant}",
    "get a {cuisine} delivered to my house", "order me a <kebab|curry|pizza|burger|poke bowl|sub>",
]

_NEWS_SPORTS = [
    "what's the latest news", "news headlines <today|this morning|in {country}>", "what's happening in {country}",
    "news about {topic}",
    "any updates on the election", "who won {sport} <last night|today|yesterday>",
    "what's the score in the {team} game",
    "when do {team} play next", "what's the premier league table", "did {team} win<| last night>",
    "how many goals has haaland scored",
    "when is {sport} on", "f1 results", "who's top of the league", "where can i watch {sport}",
    "what time does {sport} start",
    "give me the <sport|business|tech|celebrity> news", "who scored for {team}", "is {team} playing at home",
    "football scores", "read me the news", "buy tickets for the {team} match", "who's going to win {sport}",
    "what channel is {sport} on", "latest transfer news for {team}",
]

_FUN = [
    "tell me a joke<| about {topic}>", "make me laugh", "tell me a riddle", "tell me a story<| about {topic}>",
    "sing me a song",
    "write a poem about {topic}", "tell me a fun fact about {topic}", "flip a coin", "roll a dice",
    "pick a number between 1 and {number}",
    "let's play a game", "rock paper scissors", "say something funny", "tell me a knock knock joke",
    "write a song about {topic}",
    "do an impression", "what's your favourite joke", "give me a pun about {topic}", "beatbox for me",
    "write a haiku about {topic}",
    "tell me a bedtime story", "let's play twenty questions", "would you rather", "write a rap about {topic}",
    "give me a tongue twister",
]

_WORDS = [
    "what does {word} mean", "define {word}", "synonym for <happy|big|good|sad|fast|important>",
    "how do you spell <necessary|accommodation|definitely|rhythm|{word}>",
    "translate {phrase} into {lang}", "how do you say {phrase} in {lang}",
    "what's the {lang} word for <dog|house|apple|love|shop|shoes|money>",
    "what's the plural of <octopus|cactus|moose|sheep>", "is it affect or effect", "correct my grammar",
    "what language is this",
    "teach me some {lang}", "what's the opposite of <brave|generous|ancient|shy>",
    "write an email to my landlord about <the boiler|the rent|a leak>",
    "summarise this article", "help me write a cover letter", "rewrite this paragraph to sound more professional",
    "write my essay on {topic}",
    "proofread my cv", "what rhymes with <orange|love|time|shoe>", "write a birthday message for {contact}",
    "write a speech for my sister's wedding",
]

_ADVICE = [
    "should i break up with my <boyfriend|girlfriend|partner>", "how do i ask for a raise", "i'm feeling {mood}",
    "how do i make friends",
    "how can i sleep better", "how do i stop procrastinating", "what should i do with my life",
    "tips for a job interview",
    "how do i write a cv", "should i go to uni", "how do i deal with a difficult boss", "how do i get over a breakup",
    "how do i save money", "i can't sleep", "give me some motivation", "how do i become more confident",
    "should i move to {city}",
    "how do i tell my parents i'm quitting", "what's a good hobby to pick up", "how do i learn to drive",
    "i had a bad day",
    "how do i be more productive", "how do i quit smoking", "what should i name my <dog|cat|baby|boat>",
    "is it worth buying a house",
]

_HEALTH = [
    "what are the symptoms of {illness}", "how much paracetamol can i take",
    "is it normal to have a headache every day",
    "i have a <headache|sore throat|temperature|bad back|rash|cough>", "how many calories in {food}",
    "how much water should i drink a day",
    "workout plan for beginners", "how do i lose weight<| fast>", "how do i treat {illness}", "is {illness} contagious",
    "when should i see a doctor about {illness}", "find a dentist near me", "book a gp appointment",
    "order my repeat prescription",
    "how many steps should i do a day", "is coffee bad for you", "what's a healthy bmi", "how do i get rid of hiccups",
    "what's a good stretch for lower back pain", "how long does {illness} last", "how much protein do i need",
    "give me a 10 minute ab workout",
    "is it safe to run with {illness}", "what's the nhs number", "how do i meditate",
]

_CODING = [
    "how do i {code_task} in {prog}", "write a {prog} function to {code_task}",
    "what's the difference between {prog} and {prog}",
    "fix this error: index out of range", "explain recursion", "how do i center a div", "what is a rest api",
    "git merge vs rebase",
    "sql query to find duplicate rows", "why is my code not working", "what's a null pointer exception",
    "explain big o notation",
    "is {prog} good for beginners", "how do i install {prog} on a mac", "write a regex for an email address",
    "debug my {prog} code",
    "what's object oriented programming", "how do i make a website", "what's docker", "how do i undo a git commit",
    "explain what an api key is", "convert this {prog} code to {prog}",
]

_CHATTER = [
    "what's your favourite <colour|food|film|song|animal|book|band|season>", "do you like {topic}",
    "what do you think about {topic}",
    "are you <happy|sentient|alive|married|single|conscious|real|a boy or a girl>", "do you have feelings",
    "who made you",
    "do you ever get bored", "where are you from", "how old are you", "do you sleep", "what's the meaning of life",
    "which is better, {thing2}",
    "do you believe in <ghosts|god|aliens|love at first sight>", "will robots take over the world", "can you dream",
    "do you have a <boyfriend|girlfriend|family|pet|body>", "are you smarter than chatgpt", "what are you wearing",
    "i'm bored", "talk to me about {topic}", "what's your opinion on {topic}",
    "do you get tired of answering questions",
    "are you going to replace my job", "what's your star sign", "do you like me", "can we be friends",
    "what did you have for breakfast", "do you watch football", "who's your favourite <singer|footballer|actor>", "lol",
    "hmm", "blah", "test test", "asdfgh", "qwerty", "123", "just testing", "idk", "whatever", "huh", "lmao", "banana",
    "potato", "purple monkey dishwasher", "the cat sat on the mat", "aaaaaa", "jkjkjk",
]

_ERRANDS = [
    "return my library book", "renew my library books", "when is my library book due", "return the hire car",
    "return this call",
    "return to the home screen", "find a plumber near me", "find a dentist that takes nhs patients", "find my friends",
    "book an mot", "book a driving test", "how much is a first class stamp", "where's the nearest post office",
    "when are the bins collected", "report a pothole", "how much is council tax", "pay my parking fine",
    "renew my passport",
    "how much is the congestion charge", "apply for a driving licence", "register to vote", "find a babysitter {when}",
    "book a cleaner {when}", "order a skip", "get a quote for car insurance", "compare energy prices",
    "cancel my gym membership",
    "switch my mobile contract", "how do i claim universal credit", "find a vet open now", "book the dog groomer",
    "deliver this letter to {contact}", "send a parcel to {city}",
    "how much does it cost to post a parcel to {country}",
    "where can i recycle old batteries", "book a table tennis court", "find a yoga class near me",
    "book a tennis lesson",
    "show me my amazon prime membership", "cancel my spotify subscription", "what's my netflix password",
    "order a taxi for {time}",
    "check my electricity meter", "order a new passport", "return my rental scooter",
    "find me a house to rent in {city}",
    "how much is a house in {city}", "order a copy of my birth certificate",
]

TEMPLATES = {
    "out_of_scope": _TRIVIA + _MATHS + _WEATHER + _COOKING + _FOOD_ORDER + _NEWS_SPORTS + _FUN + _WORDS + _ADVICE
    + _HEALTH + _CODING + _CHATTER + _ERRANDS,
}
