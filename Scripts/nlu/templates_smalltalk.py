"""Templates for small talk and meta questions: greeting, goodbye, thanks, help.

Indirect phrasings count: "how are you doing" is a greeting, "it was great talking to you" a goodbye,
"you've been a big help" thanks. A turn that thanks and leaves ("cheers, bye") is a goodbye, as in the
hand-written files. Asking whether the assistant is a bot is help; asking for a person is human_handoff.
"""

SLOTS = {
    "name": ["sam", "priya", "tom", "aisha", "jake", "mei", "olu", "chloe", "dan", "fatima", "liam", "zoe", "raj",
             "hannah", "kofi", "lucia", "ben", "niamh", "omar", "grace"],
    "hi": ["hi", "hello", "hey", "hiya", "heya", "howdy", "yo", "hallo", "hey there", "hi there", "hello there", "heyy",
           "helloo", "hii", "ello", "oi oi"],
    "ty": ["thanks", "thank you", "thx", "ty", "cheers", "ta", "many thanks", "thanks a lot", "thanks so much",
           "thank you so much", "thanks a million", "thanks heaps", "much obliged", "much appreciated", "big thanks",
           "tysm", "thank u", "thanks loads", "merci", "gracias", "danke"],
    "bye": ["bye", "goodbye", "bye bye", "see you", "see ya", "cya", "later", "laters", "catch you later", "ttyl",
            "talk soon", "speak soon", "take care", "farewell", "cheerio", "ta-ra", "toodles", "peace", "adios", "ciao",
            "au revoir", "night night", "bye now", "see you around", "catch ya", "until next time"],
}

PER_TEMPLATE = {"greeting": 12, "goodbye": 12, "thanks": 12, "help": 10}
NOISE = {"greeting": 0.6, "goodbye": 0.6, "thanks": 0.6}

_GREETING = [
    "{hi}<| there| again| bot| shoptalk| assistant| friend| everyone| all| folks|><|!|!!| :)|>",
    "good <morning|afternoon|evening|day><| to you|><| bot|!|>",
    "<how are you|how are you doing|how's it going|how are things|how you doing|how's your day going|how's your day been|you alright|you ok|how have you been|how r u|how's life|how goes it|how's tricks><| today| this morning| mate| buddy| my friend|>",
    "{hi}, <how are you|how's it going|hope you're well|hope you're doing well|nice to meet you|good to see you|how are you doing today|how's your day>",
    "<nice|pleased|lovely|great|good> to meet you<| bot|>",
    "<is anyone there|anybody home|are you there|you there|anyone about|is this thing on|hello?? anyone|is anyone around|can anyone hear me>",
    "{hi}, <i'm|my name is|this is|it's> {name}",
    "<morning|afternoon|evening><| all| everyone| folks| mate| bot| team|>",
    "{hi} <it's|its> me again",
    "<greetings|salutations|ahoy|aloha|hey hey|well hello|yo yo|hiii|hellooo|sup|wassup|g'day|whats good>",
    "<hola|bonjour|ciao|namaste|salaam|konnichiwa|hej|guten tag|buongiorno|olá>",
    "{hi}, <i have a question|can i ask you something|are you free|got a minute|i need a hand with something>",
    "<happy friday|happy monday|merry christmas|happy new year|happy holidays|happy easter|season's greetings>",
    "<long time no see|we meet again|back again|i'm back|hey, remember me|it's me|guess who's back>",
    "{hi}, how are you doing <today|this evening|this morning>? <i'm good|i'm fine|hope all is well>",
    "<what's up|whats up|what's new|what's happening|wagwan|what's cracking><| bot| mate|>",
    "{hi} {hi}", "<good morning|morning|hello> <sunshine|lovely|my friend|stranger>",
    "<hey|hi|hello>, how's your <day|week|morning> going so far",
    "<hi|hello>, <is this the shop chat|am i in the right place|is this customer chat>",
    "<yo|hey|oi> <bot|robot|assistant|shop bot>",
    "<hey|heyy|heyyy|hi|hii|hiii|helo|hallo|hullo|hiya|yo|sup|wassup|wazzup|howdy|heya|hey ya|ey up|alright mate|hey you><!|!!|:)|>",
    "<i hope you're having a good day|hope your day is going well|how's your day treating you|how are things with you|how's everything|how's your week been>",
    "<hello|hi|hey|good morning|good evening>, <anyone home|anybody there|are you there|is this working|can you hear me>",
    "<hey|hi|hello> <again|once more|there again>, <it's|its> me",
]

_GOODBYE = [
    "{bye}< then| now| for now| mate|!| x| all|>",
    "<it was great|it's been great|it was lovely|it was nice|nice|good|great> <talking|chatting|speaking> <to|with> you",
    "<i'm|im> <off|heading off|going now|logging off|signing off|done for today|out of here|away now>",
    "<that's all|that's it|that's everything|nothing else|all done|i'm done><| for now| for today|>, {bye}",
    "<have a|enjoy your> <good|nice|great|lovely> <day|evening|night|weekend|one>",
    "<gotta|got to|have to|need to> <go|run|dash|head off|leave|shoot><| now| sorry|>",
    "<talk|speak|chat> to you <later|soon|tomorrow|another time>",
    "<i'll|i will> <come back|be back|check back|pop back> <later|tomorrow|another time|next week>",
    "<ok|okay|right|alright|cool|great|lovely> <bye|goodbye|see you|i'm off|cya|ta-ra>",
    "<end|close|exit|finish|stop> <the|this> <chat|conversation>", "<until|till> next time<| then|>",
    "<good night|gnight|nite|night all|night then>",
    "<peace out|later gator|see you on the flip side|catch you on the flip side>",
    "<thanks again and|ok thanks and|cheers and|thank you and> {bye}",
    "<ok i think|i think> <that's|thats> <all|it|everything> for <now|today>",
    "<right|ok|okay>, i'll leave you to it", "<nice|lovely|good> chatting, {bye}", "i'll let you go now",
    "<that's me|that's me done|all sorted> for today, {bye}", "{bye}, <have a good one|take it easy|stay safe>",
    "<bye|goodbye>, <speak|talk> to you <soon|later>", "<see|catch> you <next time|another day|tomorrow|soon>",
    "<bye|byee|byeee|bye bye|bye now|bai|buh bye|bye x|byebye|bye!!|bye :)>",
    "<exit|quit|end|stop|close|leave><| chat| the chat| please| now>",
    "<later|laters|ttyl|ttfn|cya|cu|c ya|see ya|l8r|gtg|g2g|gotta go>",
    "<it was a pleasure|it's been a pleasure|pleasure chatting|a pleasure as always><| bye|, goodbye|, see you|>",
    "<thanks for the chat|thanks for chatting|cheers for the chat|thanks for your time>, <bye|goodbye|see you|take care|i'm off>",
    "<time for me to go|i'm going to log off now|i'll leave it there|i'll stop there|that's me sorted|that's all from me><| then|, bye|, see you|>",
    "<have a good|enjoy the|have a lovely|have a great> <rest of your day|evening|weekend|week|afternoon>",
]

_THANKS = [
    "{ty}< mate| buddy| pal| love| so much| again| loads|!|!!| :)| x|>",
    "<you've been|you were|that was|you are|you're> <a big help|a great help|so helpful|really helpful|super helpful|very useful|a lifesaver|brilliant|amazing|a star|a legend|ever so helpful>",
    "<great|perfect|brilliant|awesome|lovely|nice|cool|fab|excellent|wonderful|sweet|ace|cracking|smashing><,|> <thanks|thank you|cheers|ta|thx>",
    "<thanks|thank you> for <your help|the help|helping|sorting that|your time|the info|the suggestions|finding that|being so patient|the quick reply|the advice>",
    "<that's|thats|that is> <just what i needed|exactly what i wanted|perfect|really helpful|very kind|great|spot on><, thanks|, cheers|, ta| thank you|>",
    "<i really |i |>appreciate <it|that|your help|you|the help|the effort>",
    "<you're|you are|ur> <the best|a gem|awesome|a lifesaver|too kind|a star>",
    "<nice one|good job|well done|great job|good stuff|top job>, <thanks|cheers|ta>",
    "<couldn't have done it without you|you saved me|you made my day|that helped a lot|that's helped loads|that's really useful>",
    "<thanks|cheers>, that <helps|helped|works|sorted it|is great>",
    "<thank you|thanks> <very much|kindly|ever so much|a bunch>",
    "<ok|okay|alright|right> <thanks|thank you|cheers|ta>", "<wow|oh wow|amazing|omg>, <thank you|thanks>",
    "<much|greatly|really> appreciated", "<thanks|ty|thank you> for <that|this|everything>",
    "<that was|you've been> <quick|fast|really quick>, <thanks|thank you>", "<bless you|you're a star|legend>, thanks",
    "<i owe you one|owe you one|i owe you>",
    "<thank you|thanks>, <that answers my question|that's cleared it up|that makes sense>",
    "<thanks|cheers> <i guess|anyway|for trying>", "<good|great> <bot|assistant>, thanks",
    "<thx|thnx|thanx|tnx|tx|thankss|thank youu|tyvm|tysm|ty ty|thankyou|thank yoy|thamks|thnks><| :)|!| x| mate|>",
    "<you've been brilliant|that's very kind of you|you're very helpful|that was really useful|great help|very helpful|most helpful><, cheers|, thanks| thank you|!|>",
    "<many|a million|so many|a thousand> thanks",
    "<cheers|thanks|thank you|ta> <for that|for this|for the info|for the tip|for sorting it|for checking>",
    "<perfect|great|brilliant|lovely|fab>, <that's all i needed|just what i was after|exactly what i needed>",
]

_HELP = [
    "{pre}what can you do<| for me| here>", "{pre}how does this <work|chat work|thing work|assistant work>",
    "{pre}what can i ask <you|here|about>",
    "{pre}what <kind|sort> of <things|questions|stuff> can you <help with|answer|do>",
    "{pre}i'm <confused|lost|stuck|not sure what to do|new here>",
    "{pre}how do i <use this|search|find something|check an order|use a discount code|get started|use the chat>",
    "{pre}<can|could> you help me<| please| out>",
    "<help|help me|help please|help pls|help!|i need help|i'm stuck, help|help me out|help me out please>",
    "{pre}what are my options<| here>", "{pre}show me <the menu|some examples|what you can do|how this works>",
    "{pre}<who|what> are you", "{pre}are you a <bot|robot|real person|human|ai|computer>",
    "{pre}what is this <chat|site|assistant|service|thing> for",
    "{pre}what services do you offer", "{pre}give me <some|a few> examples<| of what to ask>",
    "{pre}what should i <type|say|ask>",
    "{pre}i don't know what to ask", "{pre}where do i start",
    "{pre}is there a <menu|list of commands|guide|tutorial|faq>",
    "{pre}what are you able to help with", "{pre}how do i talk to you",
    "{pre}<tips|instructions> on using this<| chat>",
    "{pre}what commands do you understand", "{pre}what can this assistant do", "{pre}what do i do now",
    "{pre}can you explain how to use this", "{pre}how can you help me<| today>", "{pre}what are you for",
    "<menu|commands|instructions|tutorial|options|guide|faq|how to use this|user guide><| please|?|>",
    "<halp|hlep|hepl|help me pls|helpp>",
]

TEMPLATES = {
    "greeting": _GREETING,
    "goodbye": _GOODBYE,
    "thanks": _THANKS,
    "help": _HELP,
}
