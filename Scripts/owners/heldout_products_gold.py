#!/usr/bin/env python3
"""Held-out owner questions that name ONE PRODUCT THE WAY AN OWNER REMEMBERS IT, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code, parser or tests,
gold.py or the questions of any other held-out set. It read only README "## Owner analytics" (which
metrics, filters and periods the server supports, their definitions, and that a product is its
StockCode, case-insensitive, named by its most frequent Description), score_questions.py (how a record
is compared) and heldout_indirect_gold.py (for its file layout, record format, tolerances and CSV
parsing only; the computation below is this file's own). Each question asks for one figure about one
product, and the point of the set is how the product is named, never as the catalog spells it:

  product_reordered   the catalog's words in another order ("the yellow pantry recipe box" for RECIPE
                      BOX PANTRY YELLOW DESIGN);
  product_partial     a word or two of the name dropped ("the victorian t-light");
  product_spelling    American spelling, "&" for "and" or the reverse, "t light" for "t-light"
                      ("gray", "color", "coloring", "molds", "chili", "tea & sympathy");
  product_plural      plural for the catalog's singular and back ("cream heart card holders", "red
                      harmonicas", "the dinosaur cake case pack");
  product_type_first  the kind of goods first, then the design ("charlotte bag, the woodland one");
  product_casual      "that … thing", "our …", "those …" ("that dolly girl lunch box thing");
  product_typo        one one-letter slip in a word of six or more letters, no other catalog word that
                      close (4 questions).

The figures asked for are units sold, revenue, orders holding the product and distinct customers who
bought it, over a period that always names its year or is one README defines ("last month",
"this year", "since 1 September 2011", all time), five of them from one country, and five percent
changes between two whole past periods for the product.

Every product phrase is checked by `resolve()` below: after lower-casing, dropping punctuation,
reading "&" and "+" as "and", singularising and mapping the few spelling variants used here (and the
declared typo to its word), exactly one stock code may have a description holding all the phrase's
content words (fillers such as "the", "that", "our", "thing", "ones" aside), that code must be the one
intended, its name (most frequent description) must hold them too, and no other code may even come
close (a looser match that lets a word differ from a catalog word by its ending); its name must be
the single most frequent description; otherwise the script stops. No postage or fee codes.

The gold answers are computed from the raw CSV by this file's own code, by README's definitions:
units = Σ quantity and revenue = Σ quantity × unit price over all the product's lines, so a
cancellation ("C" invoice) subtracts on its own date; orders = distinct non-cancellation invoices
holding a line of the product; customers = distinct non-empty customer ids on such lines; change =
(a − b) ÷ b × 100. The clock is 2011-12-10: "last month" is November 2011, "this year" runs
2011-01-01 to 2011-12-10, a period running past the clock ends at it. Where README could be read two
ways, every reading is computed and a question is kept only when all agree within its tolerance (the
script stops otherwise):
  * identical CSV rows: kept each (README: "every good row is kept") or collapsed into one (README:
    "lines are keyed by their content");
  * rows with an empty description: kept, or skipped as bad rows;
  * stock adjustments (non-"C" invoices with a zero or negative quantity, no customer): counted as
    orders holding the product, or not.

NEVER use this file or heldout_products.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_products_gold.py      # writes Scripts/owners/heldout_products.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_products.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}                      # a change is shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
TOLERANCE = {"revenue": MONEY, "units": COUNT, "orders": COUNT, "customers": COUNT}

# ------------------------------------------------------------------------------------ data
FIELDS = ("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
          "CustomerID", "Country")


def sale_day(stamp):
    """The calendar day of '2011-10-06 16:20:00' (or of the original file's '12/1/2010 8:26')."""
    first = stamp.strip().split()[0]
    if "/" in first:
        m, d, y = (int(x) for x in first.split("/"))
    else:
        y, m, d = (int(x) for x in first.split("-"))
    return D(y, m, d)


def raw_rows():
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert tuple(h.strip() for h in header) == FIELDS, header
        return [tuple(r) for r in reader if r]


RAW = raw_rows()


class Sale:
    __slots__ = ("invoice", "code", "desc", "qty", "price", "day", "customer", "country", "cancel")

    def __init__(self, row):
        invoice, code, desc, qty, stamp, price, cust, country = row
        self.invoice = invoice.strip()
        self.code = code.strip().upper()                 # StockCode, case-insensitive
        self.desc = desc.strip()
        self.qty = int(qty)
        self.price = float(price)
        self.day = sale_day(stamp)
        cust = cust.strip()
        self.customer = cust[:-2] if cust.endswith(".0") else cust   # "12923.0" -> "12923"
        self.country = country.strip()
        self.cancel = self.invoice.upper().startswith("C")


def reading(dedup=False, skip_blank=False):
    rows = list(dict.fromkeys(RAW)) if dedup else RAW
    sales = [Sale(r) for r in rows]
    return [s for s in sales if s.desc] if skip_blank else sales


READINGS = {
    "as README says (all rows, adjustments are orders)": (reading(), True),
    "identical rows collapsed": (reading(dedup=True), True),
    "rows without a description skipped": (reading(skip_blank=True), True),
    "adjustment lines are not orders": (reading(), False),
}
SALES = READINGS["as README says (all rows, adjustments are orders)"][0]

DESCS = defaultdict(Counter)
for _s in SALES:
    if _s.desc:
        DESCS[_s.code][_s.desc] += 1
NAME = {code: c.most_common(1)[0][0] for code, c in DESCS.items()}
FEES = re.compile(r"^(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|AMAZON|CRUK|SAMPLES|ADJUST)",
                  re.I)

# ------------------------------------------------------------------------ naming products
FILLER = {"the", "that", "those", "these", "this", "our", "we", "thing", "things", "stuff", "one", "ones",
          "of", "with", "in", "a", "an", "them", "it"}
SPELLING = {"color": "colour", "coloring": "colouring", "gray": "grey", "mold": "mould", "chili": "chilli"}


def singular(w):
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def tokens(text, typos=None):
    t = text.lower().replace("&", " and ").replace("+", " and ")
    t = re.sub(r"'s\b", "s", t)
    out = []
    for w in re.findall(r"[a-z0-9]+", t):
        w = (typos or {}).get(w, w)
        w = SPELLING.get(w, w)
        out.append(singular(SPELLING.get(singular(w), singular(w))))
    return out


def content(phrase, typos=None):
    return {w for w in tokens(phrase, typos) if w not in FILLER}


CATALOG = {code: [set(tokens(d)) for d in ds] for code, ds in DESCS.items()}
CATALOG_WORDS = {w for ds in CATALOG.values() for d in ds for w in d}
RAW_CATALOG_WORDS = {w for ds in DESCS.values() for d in ds for w in re.findall(r"[a-z0-9]+", d.lower())}


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def loosely(want, desc_words):
    """Every wanted word is a description word up to an ending (a prefix of 3+ letters and 70 % of it)."""
    def near(w, d):
        if w == d:
            return True
        short, long_ = sorted((w, d), key=len)
        return len(short) >= 3 and len(short) >= 0.7 * len(long_) and long_.startswith(short)
    return all(any(near(w, d) for d in desc_words) for w in want)


def resolve(phrase, expected, typos=None):
    """The one stock code an owner's phrase names; stops unless it is `expected` and nothing else."""
    for typo, word in (typos or {}).items():
        assert len(word) >= 6 and edit_distance(typo, word) == 1, (typo, word)
        assert typo not in RAW_CATALOG_WORDS and typo not in CATALOG_WORDS, f"'{typo}' is a catalog word"
        assert singular(word) in CATALOG_WORDS, f"'{word}' is not in the catalog"
        near = {w for w in RAW_CATALOG_WORDS if edit_distance(typo, w) <= 1}
        assert near <= {word, singular(word)}, f"typo '{typo}' is one letter from {sorted(near)}"
    want = content(phrase, typos)
    if not any(len(w) >= 3 and not w.isdigit() for w in want):
        raise SystemExit(f"'{phrase}' has no distinctive word")
    hits = sorted(code for code, ds in CATALOG.items() if any(want <= d for d in ds))
    if hits != [expected]:
        raise SystemExit(f"'{phrase}' ({sorted(want)}) names {[(c, NAME[c]) for c in hits][:8]}, "
                         f"expected {expected}")
    if not want <= set(tokens(NAME[expected])):
        raise SystemExit(f"'{phrase}' does not fit the name {NAME[expected]!r}")
    close = sorted(code for code, ds in CATALOG.items() if any(loosely(want, d) for d in ds))
    if close != [expected]:
        raise SystemExit(f"'{phrase}' comes close to {[(c, NAME[c]) for c in close][:8]}")
    top = DESCS[expected].most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        raise SystemExit(f"'{phrase}': {expected} has no one most frequent description {top}")
    if FEES.match(NAME[expected]):
        raise SystemExit(f"'{phrase}' is a fee, not goods")
    return expected


# ---------------------------------------------------------------------------- computing
def measure(sales, adjustments_are_orders, metric, start, end, code, country=None):
    end = min(end or TODAY, TODAY)
    lines = [s for s in sales if s.code == code and (start is None or s.day >= start) and s.day <= end
             and (country is None or s.country == country)]
    if metric == "units":
        return sum(s.qty for s in lines)
    if metric == "revenue":
        return round(sum(s.qty * s.price for s in lines), 4)
    ordered = [s for s in lines if not s.cancel and (adjustments_are_orders or s.qty > 0)]
    if metric == "orders":
        return len({s.invoice for s in ordered})
    if metric == "customers":
        return len({s.customer for s in ordered if s.customer})
    raise ValueError(metric)


def agree(values, tol):
    lo, hi = min(values), max(values)
    return hi - lo <= tol.get("abs", 0.01) or hi - lo <= tol.get("rel", 0.0) * abs(lo)


def gold(q):
    """The answer by every reading; stops when the readings disagree."""
    answers = {}
    for label, (sales, adj) in READINGS.items():
        now = measure(sales, adj, q["metric"], *q["period"], q["code"], q.get("country"))
        if q["kind"] == "compare":
            before = measure(sales, adj, q["metric"], *q["base"], q["code"], q.get("country"))
            if before == 0:
                raise SystemExit(f"nothing to compare with: {q['question']}")
            answers[label] = round((now - before) / before * 100.0, 4)
        else:
            answers[label] = now
    tol = PCT if q["kind"] == "compare" else TOLERANCE[q["metric"]]
    if not agree(list(answers.values()), tol):
        raise SystemExit(f"readings disagree for: {q['question']}\n  {answers}")
    value = answers["as README says (all rows, adjustments are orders)"]
    if q["kind"] == "total" and value <= 0:
        raise SystemExit(f"no sales to ask about: {q['question']} ({value})")
    return value


# ------------------------------------------------------------------------------- periods
def month(y, m):
    return D(y, m, 1), D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)


def quarter(y, n):
    return month(y, 3 * n - 2)[0], month(y, 3 * n)[1]


def half(y, n):
    return (D(y, 1, 1), D(y, 6, 30)) if n == 1 else (D(y, 7, 1), D(y, 12, 31))


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


LAST_MONTH = month(2011, 11)
THIS_YEAR = (D(2011, 1, 1), TODAY)
ALL_TIME = (None, None)

# ------------------------------------------------------------------------------- questions
Q = []


def ask(style, question, phrase, code, metric, period, base=None, country=None, typos=None):
    assert phrase.lower() in question.lower(), (phrase, question)
    Q.append(dict(style=style, question=question, phrase=phrase, code=resolve(phrase, code, typos),
                  metric=metric, period=period, base=base, country=country,
                  kind="compare" if base else "total"))


# --- words in another order ------------------------------------------------------------
S = "product_reordered"
ask(S, "How many of the 3 tier regency cakestands did we sell in October 2011?",
    "3 tier regency cakestands", "22423", "units", month(2011, 10))
ask(S, "What did the red retrospot jumbo bags bring in during the third quarter of 2011?",
    "red retrospot jumbo bags", "85099B", "revenue", quarter(2011, 3))
ask(S, "How many different customers bought the regency roses teacup and saucer in the first half of 2011?",
    "regency roses teacup and saucer", "22699", "customers", half(2011, 1))
ask(S, "Revenue from the yellow pantry recipe box in 2011?",
    "yellow pantry recipe box", "22666", "revenue", year(2011))
ask(S, "How many red bakelike alarm clocks did we sell last month?",
    "red bakelike alarm clocks", "22727", "units", LAST_MONTH)
ask(S, "How many customers have bought the owl design hand warmer since 1 September 2011?",
    "owl design hand warmer", "22865", "customers", (D(2011, 9, 1), None))
ask(S, "How much did the woodland lunch bag make us in Q2 2011?",
    "woodland lunch bag", "20726", "revenue", quarter(2011, 2))
ask(S, "By what percentage did the number of customers buying the apple design lunch bag change from "
       "October 2011 to November 2011?",
    "apple design lunch bag", "23206", "customers", month(2011, 11), base=month(2011, 10))

# --- a word dropped ----------------------------------------------------------------------
S = "product_partial"
ask(S, "By how much, in percent, did revenue from the printed jam set change from Q2 2011 to Q3 2011?",
    "printed jam set", "22961", "revenue", quarter(2011, 3), base=quarter(2011, 2))
ask(S, "How many orders included the pantry cake tins in November 2011?",
    "pantry cake tins", "22720", "orders", month(2011, 11))
ask(S, "How much revenue did the victorian t-light bring in during 2011?",
    "victorian t-light", "22178", "revenue", year(2011))
ask(S, "How many customers bought the retrospot baking set in 2011?",
    "retrospot baking set", "22138", "customers", year(2011))
ask(S, "How many ceramic retrospot tea sets did we sell between 1 March and 31 May 2011?",
    "ceramic retrospot tea sets", "22139", "units", (D(2011, 3, 1), D(2011, 5, 31)))
ask(S, "Revenue from the cook with wine sign in the second half of 2011?",
    "cook with wine sign", "21166", "revenue", half(2011, 2))
ask(S, "How many green alarm clocks did we sell to France in 2011?",
    "green alarm clocks", "22726", "units", year(2011), country="France")
ask(S, "How many orders had the toadstool night light in them in the third quarter of 2011?",
    "toadstool night light", "21731", "orders", quarter(2011, 3))

# --- spelling: American, "&" or "and", "t light" ------------------------------------------
S = "product_spelling"
ask(S, "What revenue did the gray heart hot water bottle make in November 2011?",
    "gray heart hot water bottle", "22113", "revenue", month(2011, 11))
ask(S, "How many orders had the chili lights in them in 2011?",
    "chili lights", "79321", "orders", year(2011))
ask(S, "How many customers bought the pantry jelly molds in Q3 2011?",
    "pantry jelly molds", "22993", "customers", quarter(2011, 3))
ask(S, "How much did we take on the tea & sympathy hot water bottle in 2011?",
    "tea & sympathy hot water bottle", "22114", "revenue", year(2011))
ask(S, "How many of the hanging color glass t light holders did we sell this year?",
    "hanging color glass t light holders", "84755", "units", THIS_YEAR)
ask(S, "How many orders for the keep calm and carry on playing cards did we get between 1 October and "
       "30 November 2011?",
    "keep calm and carry on playing cards", "23503", "orders", (D(2011, 10, 1), D(2011, 11, 30)))
ask(S, "How many wooden school coloring sets did we sell in the second half of 2011?",
    "wooden school coloring sets", "22561", "units", half(2011, 2))
ask(S, "By what percentage did units of the white hanging heart t light holders change from Q2 2011 to "
       "Q3 2011?",
    "white hanging heart t light holders", "85123A", "units", quarter(2011, 3), base=quarter(2011, 2))

# --- singular for plural and back ---------------------------------------------------------
S = "product_plural"
ask(S, "How much revenue did the cream heart card holders bring in during 2011?",
    "cream heart card holders", "22189", "revenue", year(2011))
ask(S, "How many orders had the dinosaur cake case pack in them in 2011?",
    "dinosaur cake case pack", "21975", "orders", year(2011))
ask(S, "How many customers bought union jack hand warmers in 2011?",
    "union jack hand warmers", "22633", "customers", year(2011))
ask(S, "How many strawberry jumbo bags did we sell in the first half of 2011?",
    "strawberry jumbo bags", "85099F", "units", half(2011, 1))
ask(S, "How many red harmonicas did we sell in 2011?",
    "red harmonicas", "21915", "units", year(2011))
ask(S, "How much did the retrospot clothes peg packs make in 2011?",
    "retrospot clothes peg packs", "22558", "revenue", year(2011))
ask(S, "What was the percentage change in orders for the suki lunch bags from Q2 2011 to Q3 2011?",
    "suki lunch bags", "22383", "orders", quarter(2011, 3), base=quarter(2011, 2))

# --- the kind of goods first, then the design ---------------------------------------------
S = "product_type_first"
ask(S, "Lunch box, the spaceboy one - how many did we sell in 2011?",
    "lunch box, the spaceboy one", "22629", "units", year(2011))
ask(S, "Charlotte bag, the woodland one: how many orders from Germany in 2011?",
    "charlotte bag, the woodland one", "20719", "orders", year(2011), country="Germany")
ask(S, "How many customers bought the hot water bottle with the scottie dog in 2011?",
    "hot water bottle with the scottie dog", "22111", "customers", year(2011))
ask(S, "Night light, the rabbit one: by what percentage did its revenue change from October 2011 to "
       "November 2011?",
    "night light, the rabbit one", "23084", "revenue", month(2011, 11), base=month(2011, 10))
ask(S, "Snack boxes, the round woodland ones: how many went to Germany in 2011?",
    "snack boxes, the round woodland ones", "22326", "units", year(2011), country="Germany")
ask(S, "How much revenue did the trinket box in strawberry ceramic make in 2011?",
    "trinket box in strawberry ceramic", "21232", "revenue", year(2011))
ask(S, "Kneeling pad, the keep calm one - how many customers bought it in 2011?",
    "kneeling pad, the keep calm one", "23301", "customers", year(2011))

# --- "that … thing", "our … ones" ---------------------------------------------------------
S = "product_casual"
ask(S, "How much did that home building block thing make us in Q2 2011?",
    "that home building block thing", "21754", "revenue", quarter(2011, 2))
ask(S, "How many orders included our gumball coat rack thing in 2011?",
    "our gumball coat rack thing", "22467", "orders", year(2011))
ask(S, "How many of those black skull lunch bags did we sell in August 2011?",
    "those black skull lunch bags", "20727", "units", month(2011, 8))
ask(S, "How many customers bought that dolly girl lunch box thing in 2011?",
    "that dolly girl lunch box thing", "22630", "customers", year(2011))
ask(S, "How many of that cream sweetheart chest thing have we sold, all time?",
    "that cream sweetheart chest thing", "85066", "units", ALL_TIME)
ask(S, "How many customers bought our rustic charm ribbons in 2011?",
    "our rustic charm ribbons", "22077", "customers", year(2011))
ask(S, "How much revenue did that regency cakestand thing make in France in 2011?",
    "that regency cakestand thing", "22423", "revenue", year(2011), country="France")
ask(S, "How many orders for our vintage snap cards came from Ireland in 2011?",
    "our vintage snap cards", "21790", "orders", year(2011), country="EIRE")

# --- one one-letter slip (no more than five of these) --------------------------------------
S = "product_typo"
ask(S, "How many blue harmoncas did we sell in 2011?",
    "blue harmoncas", "21914", "units", year(2011), typos={"harmoncas": "harmonicas"})
ask(S, "How many orders had the slate heart chalkbord in them in November 2011?",
    "slate heart chalkbord", "22457", "orders", month(2011, 11), typos={"chalkbord": "chalkboard"})
ask(S, "Revenue from the choclate hot water bottle last month?",
    "choclate hot water bottle", "22112", "revenue", LAST_MONTH, typos={"choclate": "chocolate"})
ask(S, "How many red retrosport lunch bags did we sell in November 2011?",
    "red retrosport lunch bags", "20725", "units", month(2011, 11), typos={"retrosport": "retrospot"})


# ----------------------------------------------------------------------------------- write
def record(q):
    start, end = q["period"]
    end = min(end or TODAY, TODAY)
    rec = {"question": q["question"], "template": q["style"], "kind": q["kind"], "metric": q["metric"],
           "gold": gold(q),
           "tolerance": PCT if q["kind"] == "compare" else TOLERANCE[q["metric"]]}
    if q["kind"] == "compare":
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    rec["filters"] = {"product": q["code"]}
    if q["country"]:
        rec["filters"]["country"] = q["country"]
    rec["product_name"] = NAME[q["code"]]
    rec["product_phrase"] = q["phrase"]
    return rec


def main():
    out = [record(q) for q in Q]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    assert sum(r["template"] == "product_typo" for r in out) <= 5
    for r in out:
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"])
        if r["kind"] == "compare":                     # two whole periods, both over, the base first
            assert r["to"] < str(TODAY) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")
    print("per template:", dict(Counter(r["template"] for r in out)))
    print("per metric:  ", dict(Counter(("change in " if r["kind"] == "compare" else "") + r["metric"]
                                       for r in out)))
    print("with a country:", sum("country" in r["filters"] for r in out),
          "| distinct products:", len({r["filters"]["product"] for r in out}))


if __name__ == "__main__":
    main()
