#!/usr/bin/env python3
"""Generates Intents/generated_<intent>.yml: NLU training examples in Rasa's YAML format (version 3.1).

Method
------
People ask for the same thing in many ways, and name many different things while doing it. The
generator keeps the two apart:

* Templates (templates_*.py, grouped per intent) are hand-written phrasings: how a shopper asks for a
  price, how someone asks another assistant to dim the lights. `<a|b|c>` picks one alternative
  (`<please|>` makes a word optional) and `{slot}` fills in a value.
* Slots (slots.py, plus the extra slots of each template module) are wide vocabularies: categories in
  British and American words, brands, product models, colour shades, sizes, prices, recipients,
  interests, cities, dishes, songs... A slot value may itself contain alternations and slots (e.g.
  `{ref}`, a reference to something shown: "the black blouse on the left", "the second one").
  Brand, category, product, colour, size, discount code and order number slots are annotated the way
  the hand-written files are: `[sony](brand)`, `[olive]{"entity": "color"}`.
* Surface noise is added afterwards to part of the examples: typos, text-speak ("u", "pls"), dropped
  apostrophes, capitals, all caps, question marks; it never touches entity labels.
* Each template module's docstring states the labelling rules that keep neighbouring intents apart
  (e.g. a turn asking price, sizes and stock at once is product_details; "like X but in blue" is
  find_products; a present for someone is gift_ideas, not product_recommendation).
* A template gives PER_TEMPLATE examples, fewer when it can only give a few distinct texts. The
  out_of_scope templates are wrapped in an optional prefix and suffix ("alexa, ...", "... please").

Every template gets its own random generator, seeded from SEED, its intent and its text, so the output
is identical on every run and editing one template leaves the examples of all others as they were.

Each template becomes one `- intent:` block with `metadata: {template: <intent>/<nnn>}` (nnn is its
position in the intent's list), so that an evaluation can cross-validate by template (no phrasing in
two folds). Examples are deduplicated
case-insensitively (ignoring punctuation and apostrophes) within and across intents and against the
hand-written files; a text that two intents would both produce is banned from both and the examples
are drawn again, until no text belongs to two intents.

Run it after editing templates (standard library only):

    python3 Scripts/nlu/generate_intents.py

then check the files with `python3 Scripts/nlu/check_intents.py` (needs PyYAML).
"""
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import slots  # noqa: E402
import templates_catalog  # noqa: E402
import templates_product_info  # noqa: E402
import templates_service  # noqa: E402
import templates_smalltalk  # noqa: E402
import templates_negatives  # noqa: E402
import templates_negatives_more  # noqa: E402
import templates_catalog_more  # noqa: E402
import templates_service_more  # noqa: E402
import templates_negatives_lookalike  # noqa: E402
import templates_scene  # noqa: E402
import templates_long  # noqa: E402
import templates_negatives_services  # noqa: E402
import templates_chat_more  # noqa: E402
import templates_service_gaps  # noqa: E402
import templates_catalog_gaps  # noqa: E402
import templates_hedges_asides  # noqa: E402

SEED = 20261122
OUT = HERE.parents[1] / "Intents"
# new modules go at the end, so that the template ids (<intent>/<nnn>) of the earlier ones stay as they are
MODULES = [templates_catalog, templates_product_info, templates_service, templates_smalltalk, templates_negatives,
           templates_negatives_more, templates_catalog_more, templates_service_more, templates_negatives_lookalike,
           templates_scene, templates_long, templates_negatives_services,
           templates_chat_more, templates_service_gaps, templates_catalog_gaps,
           templates_hedges_asides]

SLOTS = dict(slots.SLOTS)
ENTITY = dict(slots.ENTITY)
TEMPLATES = {}      # intent -> [template, ...] (a template is a string, or (string, count))
PER_TEMPLATE = {}   # intent -> default number of examples per template
NOISE = {}          # intent -> scale of the surface noise (1.0 = default)
WRAP = {}           # intent -> (prefix, suffix) added around every template, e.g. "alexa, ... please"
for module in MODULES:
    for name, values in getattr(module, "SLOTS", {}).items():
        if name in SLOTS:
            raise SystemExit(f"slot {name} defined twice ({module.__name__})")
        SLOTS[name] = values
    ENTITY.update(getattr(module, "ENTITY", {}))
    for intent, templates in module.TEMPLATES.items():
        TEMPLATES.setdefault(intent, []).extend(templates)
    PER_TEMPLATE.update(module.PER_TEMPLATE)
    NOISE.update(getattr(module, "NOISE", {}))
    WRAP.update(getattr(module, "WRAP", {}))

ALTERNATION = re.compile(r"<([^<>]*)>")
SLOT = re.compile(r"\{(\w+)\}")
ANNOTATION = re.compile(r"\[([^\[\]]*)\](\([^()]*\)|\{[^{}]*\})")
MARKED = re.compile(r"\[\[(.+?)\]\]")


# ------------------------------------------------------------------------------------------ filling

def annotate(value, slot):
    etype, style = ENTITY[slot]
    canonical = None
    if "@" in value:
        value, canonical = value.split("@", 1)

    def wrap(core):
        if canonical:
            return f'[{core}]{{"entity": "{etype}", "value": "{canonical}"}}'
        if style == "json":
            return f'[{core}]{{"entity": "{etype}"}}'
        return f"[{core}]({etype})"

    if "[[" in value:
        return MARKED.sub(lambda m: wrap(m.group(1)), value)
    return wrap(value)


def expand(text, rng, depth=0):
    if depth > 6:
        raise ValueError(f"slots nest too deeply in {text!r}")
    while True:
        match = ALTERNATION.search(text)
        if not match:
            break
        text = text[:match.start()] + rng.choice(match.group(1).split("|")) + text[match.end():]

    def fill(match):
        name = match.group(1)
        if name not in SLOTS:
            raise KeyError(f"unknown slot {{{name}}} in {text!r}")
        value = expand(rng.choice(SLOTS[name]), rng, depth + 1)
        return annotate(value, name) if name in ENTITY and value else value

    text = SLOT.sub(fill, text)
    # [[...]] marks the annotated part of an entity slot's value; annotate() consumes it one level up
    return MARKED.sub(lambda m: m.group(1), text) if depth == 0 else text


AN_BEFORE = re.compile(r"\b([aA]) (\[?)(?=[aeiAEI8]|o(?!ne)|u(?!s|n|k|ni|se|r)|11 |18 )")


def tidy(text):
    text = AN_BEFORE.sub(lambda m: m.group(1) + "n " + m.group(2), text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ([,?!.])", r"\1", text)
    text = re.sub(r",([,?!.])", r"\1", text)
    return text.strip(" ,")


# ------------------------------------------------------------------------------------------ noise

SHORTHAND = {
    "you": ["u", "ya"], "your": ["ur", "yr"], "you're": ["ur", "youre"], "are": ["r"], "please": ["pls", "plz", "plse"],
    "thanks": ["thx", "thnx", "tnx"], "what": ["wat", "wot"], "because": ["cuz", "coz"], "okay": ["ok", "k"],
    "want to": ["wanna"], "going to": ["gonna"], "got to": ["gotta"], "don't": ["dont", "dnt"], "i'm": ["im", "i m"],
    "tomorrow": ["tmrw", "tmr"], "really": ["rly"], "with": ["w/", "wiv"], "for": ["4"], "to": ["2"],
"know": ["kno"], "something": ["smth", "sth"], "probably": ["prob"], "about": ["abt"],
    "have": ["hav"], "the": ["teh", "da"], "is": ["iz"], "be": ["b"], "see": ["c"], "why": ["y"], "people": ["ppl"],
}
NEIGHBOURS = {"a": "sq", "e": "wr", "i": "uo", "o": "ip", "u": "yi", "s": "ad", "t": "ry", "r": "et", "n": "bm",
              "m": "n", "l": "k", "c": "xv", "h": "gj", "d": "sf", "p": "o", "g": "fh", "k": "jl", "y": "tu"}


def on_plain(text, change):
    """Applies `change` to the text outside entity annotations."""
    parts, position = [], 0
    for match in ANNOTATION.finditer(text):
        parts.append(change(text[position:match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(change(text[position:]))
    return "".join(parts)


def typo(word, rng):
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind < 0.55:
        return word[:i] + word[i + 1:]
    if kind < 0.75:
        return word[:i] + word[i] + word[i:]
    near = NEIGHBOURS.get(word[i])
    return word[:i] + rng.choice(near) + word[i + 1:] if near else word


def misspell(text, rng, limit):
    """Misspells up to `limit` words outside the annotations."""
    spans = []  # (segment index, word index) of every word that may get a typo
    segments = ANNOTATION.split(text)
    # ANNOTATION has two groups, so split() yields: plain, inner, label, plain, inner, label, ..., plain
    for s in range(0, len(segments), 3):
        for w, word in enumerate(segments[s].split(" ")):
            if len(word) >= 4 and word.isalpha():
                spans.append((s, w))
    chosen = set(rng.sample(spans, min(len(spans), limit)))
    out = []
    for s, segment in enumerate(segments):
        if s % 3 == 0:
            words = segment.split(" ")
            out.append(" ".join(typo(word, rng) if (s, w) in chosen else word for w, word in enumerate(words)))
        elif s % 3 == 1:
            out.append(f"[{segment}]")
        else:
            out.append(segment)
    return "".join(out)


def textspeak(segment, rng):
    for full, short in SHORTHAND.items():
        if rng.random() < 0.5:
            segment = re.sub(rf"(?<![\w']){re.escape(full)}(?![\w'])", lambda _: rng.choice(short), segment)
    return segment


QUESTION_START = re.compile(r"^(how|what|whats|what's|is|are|do|does|did|can|could|will|would|where|when|which|who|why|"
                            r"any|have|has|got|should|shall|may|isn't|won't|am)\b", re.I)


def shout(text):
    return ANNOTATION.sub(lambda m: f"[{m.group(1).upper()}]{m.group(2)}", on_plain(text, str.upper))


def vary(text, rng, scale=1.0):
    if rng.random() < 0.10 * scale:
        limit = 1 if rng.random() < 0.75 else 2
        text = misspell(text, rng, limit)
    if rng.random() < 0.10 * scale:
        text = on_plain(text, lambda s: textspeak(s, rng))
    if "'" in text and rng.random() < 0.35:
        text = on_plain(text, lambda s: s.replace("'", ""))
    if rng.random() < 0.05 * scale:
        text = on_plain(text, lambda s: re.sub(r"(?<!\w)i(?!\w)", "I", s))
    roll = rng.random()
    if roll < 0.09:
        start = 1 if text.startswith("[") else 0
        text = text[:start] + text[start:start + 1].upper() + text[start + 1:]
    elif roll < 0.09 + 0.025 * scale and len(text) < 45:
        text = shout(text)
    if text[-1:].isalnum() or text.endswith("]") or text.endswith(")") or text.endswith("}"):
        roll = rng.random()
        if QUESTION_START.match(text) and roll < 0.3:
            text += rng.choice(["?", "?", "?", "??", " ?"])
        elif roll < 0.06:
            text += rng.choice([".", "!", "!!", "...", " :)"])
    elif text.endswith("?") and rng.random() < 0.3:
        text = text.rstrip("?")
    return text.strip()


# ------------------------------------------------------------------------------------------ keys

def plain(text):
    return ANNOTATION.sub(lambda m: m.group(1), text)


def key(text):
    """The dedupe key: lowercased plain text without punctuation and apostrophes."""
    text = plain(text).lower().replace("\u2019", "'").replace("'", "")
    text = re.sub(r"[?!.,;:)(]+", " ", text)
    return " ".join(text.split())


def hand_written():
    """key -> intent for every example of the hand-written files (all Intents/*.yml not generated_*)."""
    found = {}
    for path in sorted(OUT.glob("*.yml")):
        if path.name.startswith("generated_"):
            continue
        intent = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- "):
                m = re.match(r"- intent:\s*(\S+)", line)
                intent = m.group(1) if m else None
            elif intent and line.strip().startswith("- "):
                found.setdefault(key(line.strip()[2:]), intent)
    return found


def check_line(text, where):
    stripped = plain(text)
    if "[" in stripped or "]" in stripped or "{" in stripped or "}" in stripped:
        raise ValueError(f"{where}: stray bracket in {text!r}")
    if text[:1] in "#-!&*|>%@`'\"" or not text or "\n" in text or "\t" in text:
        raise ValueError(f"{where}: example must not start with {text[:1]!r}: {text!r}")


# ------------------------------------------------------------------------------------------ build

def variety(template):
    """A rough count of the distinct texts a template can give (top-level choices only)."""
    total = 1
    for match in ALTERNATION.finditer(template):
        total *= len(set(match.group(1).split("|")))
    for match in SLOT.finditer(template):
        total *= len(set(SLOTS[match.group(1)]))
    return total


def quota(template, count, wrapped):
    """Examples to draw from a template: fewer for templates with few distinct texts, so that a fixed
    sentence is not repeated with only its punctuation changed."""
    if "<" not in template and "{" not in template:
        return 2 if wrapped else 1
    return max(2, min(count, int(variety(template) * 0.6)))


def build(banned, hand):
    claimed = {}
    conflicts = set()
    result = {}
    for intent, templates in TEMPLATES.items():
        blocks = []
        seen_templates = set()
        for index, entry in enumerate(templates):
            template, count = entry if isinstance(entry, tuple) else (entry, PER_TEMPLATE[intent])
            if template in seen_templates:
                raise ValueError(f"{intent}: template {template!r} listed twice")
            seen_templates.add(template)
            count = quota(template, count, intent in WRAP)
            prefix, suffix = WRAP.get(intent, ("", ""))
            rng = random.Random(f"{SEED}/{intent}/{template}")
            examples = []
            for _ in range(count * 15):
                if len(examples) >= count:
                    break
                text = vary(tidy(expand(prefix + template + suffix, rng)), rng, NOISE.get(intent, 1.0))
                k = key(text)
                if not k or k in banned or k in hand:
                    continue
                if k in claimed:
                    if claimed[k] != intent:
                        conflicts.add(k)
                    continue
                check_line(text, f"{intent}/{index:03d}")
                claimed[k] = intent
                examples.append(text)
            blocks.append((f"{intent}/{index:03d}", examples))
        result[intent] = blocks
    return result, conflicts


def main():
    hand = hand_written()
    banned = set()
    for _ in range(10):
        result, conflicts = build(banned, hand)
        if not conflicts:
            break
        banned |= conflicts
    else:
        raise SystemExit(f"texts still claimed by two intents: {sorted(conflicts)[:10]}")

    written = set()
    total = 0
    print(f"{'intent':<24}{'templates':>10}{'examples':>10}")
    for intent, blocks in result.items():
        path = OUT / f"generated_{intent}.yml"
        written.add(path.name)
        lines = [f"# Generated by Scripts/nlu/generate_intents.py (seed {SEED}); edit the templates, not this file.",
                 'version: "3.1"', "nlu:"]
        count = 0
        used = 0
        for template_id, examples in blocks:
            if not examples:
                continue
            used += 1
            lines += [f"- intent: {intent}", "  metadata:", f"    template: {template_id}", "  examples: |"]
            lines += [f"    - {text}" for text in examples]
            count += len(examples)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        total += count
        print(f"{intent:<24}{used:>10}{count:>10}")
    for stale in OUT.glob("generated_*.yml"):
        if stale.name not in written:
            stale.unlink()
            print(f"removed stale {stale.name}")
    print(f"{'total':<24}{sum(len(b) for b in result.values()):>10}{total:>10}")
    print(f"texts banned because two intents produced them: {len(banned)}")


if __name__ == "__main__":
    main()
