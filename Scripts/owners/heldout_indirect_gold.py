#!/usr/bin/env python3
"""Held-out owner questions that vary THE SHAPE OF THE REQUEST rather than the speaker, with
independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_esl_gold.py (for its file layout, record format, tolerances and CSV
parsing; the computation below is this file's own). Each question is plain owner English, and the six
shapes of request it was written in are the point of the set, eight or nine questions each:

  embedded   indirect and embedded questions: "I was wondering whether you could tell me …",
             "Any idea what …", "Would it be possible to find out …", "Do you happen to know …",
             "I'd like to know …", "Could you look up …";
  form       the form of the answer asked for: "just the number please", "as a percentage",
             "in pounds", "rounded is fine", "just the names", "a quick list";
  blank      statements with a blank or a question mark: "Revenue for March 2011 was …?",
             "Germany's orders in Q2 2011 = ?", "Units last month: ?", "? new, ? returning";
  front      the period or filter at the very start or split off by punctuation: "For October 2011 —
             how many customers?", "Netherlands, first half of 2011: revenue?";
  context    a reason or context of several sentences before or after the question ("We're planning
             stock for next Christmas. Which ten products …");
  correction a question that corrects itself in the same message ("in May, sorry I mean June 2011"):
             the gold is the corrected reading.

The questions mix totals for a period (revenue, orders, customers, units, average order value, items
per order), rankings (top N products by units or revenue, countries and customers by revenue),
percent changes between two whole periods, country, product and customer filters, new customers, new
against returning, repeat-customer rate and return rate. Each has one reading: every date names its
year, ranges are written in words, comparisons are of whole past periods (never the running month),
and a product is named as an owner remembers it (lowercase, partly) only when those words match
exactly one stock code's descriptions in the data: `product()` checks that and stops otherwise.
Rankings are checked to be strictly ordered with a gap at the cut, and to hold no postage or fees.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).
The clock is 2011-12-10: "last month" is November 2011, "this year" runs 2011-01-01 to 2011-12-10, a
period that runs past the clock ends at it.

NEVER use this file or heldout_indirect.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_indirect_gold.py      # writes Scripts/owners/heldout_indirect.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_indirect.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}

TOLERANCE = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY,
             "units": COUNT, "orders": COUNT, "customers": COUNT, "new_customers": COUNT,
             "repeat_rate": PCT, "return_rate": PCT, "basket_size": RATIO}

# ------------------------------------------------------------------------------------ data
Line = namedtuple("Line", "invoice code desc qty price day customer country cancelled")


def day_of(stamp):
    """The sales day of '2011-10-06 16:20:00' or of the raw file's US '12/1/2010 8:26'."""
    part = stamp.strip().split(" ")[0]
    if "/" in part:
        month_, day_, year_ = part.split("/")
    else:
        year_, month_, day_ = part.split("-")
    return D(int(year_), int(month_), int(day_))


def read_lines():
    out = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            invoice = row["InvoiceNo"].strip()
            customer = row["CustomerID"].strip()
            if re.fullmatch(r"\d+\.0", customer):
                customer = customer[:-2]
            out.append(Line(invoice, row["StockCode"].strip().upper(), row["Description"].strip(),
                            int(row["Quantity"]), float(row["UnitPrice"]), day_of(row["InvoiceDate"]),
                            customer, row["Country"].strip(), invoice[:1].upper() == "C"))
    return out


LINES = read_lines()
FIRST_DAY, LAST_DAY = min(l.day for l in LINES), max(l.day for l in LINES)

# a product's name is its most frequent description
_counts = defaultdict(Counter)
for _l in LINES:
    if _l.desc:
        _counts[_l.code][_l.desc] += 1
PRODUCT_NAME = {code: c.most_common(1)[0][0] for code, c in _counts.items()}
DESCRIPTIONS = {code: set(c) for code, c in _counts.items()}

# the day of each customer's first order ever (a non-cancellation line carrying the id)
FIRST_ORDER = {}
for _l in LINES:
    if _l.customer and not _l.cancelled:
        FIRST_ORDER[_l.customer] = min(FIRST_ORDER.get(_l.customer, _l.day), _l.day)


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def product(remembered):
    """The one stock code whose descriptions hold every word of the name an owner remembers."""
    want = set(words(remembered))
    hits = sorted({code for code, ds in DESCRIPTIONS.items() for d in ds if want <= set(words(d))})
    if len(hits) != 1:
        raise SystemExit(f"'{remembered}' names {len(hits)} products: "
                         f"{[(c, PRODUCT_NAME[c]) for c in hits][:8]}")
    return hits[0]


def country(name):
    if not any(l.country == name for l in LINES):
        raise SystemExit(f"no sales to {name}")
    return name


def customer(ident):
    if not any(l.customer == ident for l in LINES):
        raise SystemExit(f"no customer {ident}")
    return ident


# ---------------------------------------------------------------------------- computing
class Scope:
    """The lines of a period (inclusive; a missing start = all time, an end past the clock = the clock)
    narrowed by country, product or customer."""

    def __init__(self, start=None, end=None, **filters):
        self.start = start
        self.end = min(end or TODAY, TODAY)
        self.filters = filters
        self.lines = [l for l in LINES
                      if (start is None or l.day >= start) and l.day <= self.end
                      and all(getattr(l, k) == v for k, v in filters.items())]

    def revenue(self):
        return sum(l.qty * l.price for l in self.lines)

    def units(self):
        return sum(l.qty for l in self.lines)

    def order_ids(self):
        return {l.invoice for l in self.lines if not l.cancelled}

    def buyer_ids(self):
        return {l.customer for l in self.lines if l.customer and not l.cancelled}

    def new_buyers(self):
        return {c for c in self.buyer_ids() if self.start is None or FIRST_ORDER[c] >= self.start}

    def value(self, metric):
        if metric == "revenue":
            return round(self.revenue(), 2)
        if metric == "units":
            return self.units()
        if metric == "orders":
            return len(self.order_ids())
        if metric == "customers":
            return len(self.buyer_ids())
        if metric == "new_customers":
            return len(self.new_buyers())
        if metric == "aov":
            return round(self.revenue() / len(self.order_ids()), 4)
        if metric == "basket_size":
            return round(sum(l.qty for l in self.lines if not l.cancelled) / len(self.order_ids()), 4)
        if metric == "repeat_rate":
            per = defaultdict(set)
            for l in self.lines:
                if l.customer and not l.cancelled:
                    per[l.customer].add(l.invoice)
            return round(100.0 * len([c for c, inv in per.items() if len(inv) > 1]) / len(per), 4)
        if metric == "return_rate":
            invoices = {l.invoice for l in self.lines}
            return round(100.0 * len({l.invoice for l in self.lines if l.cancelled}) / len(invoices), 4)
        if metric == "revenue_per_customer":
            known = sum(l.qty * l.price for l in self.lines if l.customer)
            return round(known / len(self.buyer_ids()), 4)
        raise ValueError(metric)

    def mix(self):
        new = len(self.new_buyers())
        return [new, len(self.buyer_ids()) - new]

    def ranking(self, group, metric, n):
        field = {"product": "code", "country": "country", "customer": "customer"}[group]
        acc = defaultdict(float)
        for l in self.lines:
            key = getattr(l, field)
            if key:
                acc[key] += l.qty * l.price if metric == "revenue" else l.qty
        ranked = sorted(acc.items(), key=lambda kv: kv[1], reverse=True)
        assert len(ranked) > n, (group, metric, n, len(ranked))
        figures = [round(v, 2) for _, v in ranked[:n + 1]]
        gaps = [figures[i] - figures[i + 1] for i in range(n)]
        assert min(gaps) > 0.011, ("tie in the top or at the cut", group, metric, n, figures)
        keys = [k for k, _ in ranked[:n]]
        if group == "product":
            bad = [PRODUCT_NAME[k] for k in keys
                   if re.match(r"(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|AMAZON)",
                               PRODUCT_NAME[k])]
            assert not bad, bad
        return keys, figures[:n]


def pct_change(metric, period, base, **filters):
    now, before = Scope(*period, **filters).value(metric), Scope(*base, **filters).value(metric)
    return round((now - before) / before * 100.0, 4)


# ------------------------------------------------------------------------------- periods
def month(y, m):
    last = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return D(y, m, 1), last


def quarter(y, q):
    return D(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y, h):
    return (D(y, 1, 1), D(y, 6, 30)) if h == 1 else (D(y, 7, 1), D(y, 12, 31))


YEAR_2011 = (D(2011, 1, 1), D(2011, 12, 31))
LAST_MONTH = month(2011, 11)
ALL_TIME = (None, None)
ALIASES = {"EIRE": "Ireland"}

# ------------------------------------------------------------------------------- questions
Q = []


def ask(shape, question, kind, metric, period, n=None, group=None, base=None, **filters):
    Q.append(dict(shape=shape, question=question, kind=kind, metric=metric, period=period, n=n,
                  group=group, base=base, filters=filters))


# --- 1. indirect and embedded questions --------------------------------------------------
S = "embedded"
ask(S, "I was wondering whether you could tell me how much revenue we took in September 2011.",
    "total", "revenue", month(2011, 9))
ask(S, "Any idea what our average order value was in the first quarter of 2011?",
    "total", "aov", quarter(2011, 1))
ask(S, "Would it be possible to find out how many different customers bought from us in Germany "
       "during 2011?",
    "total", "customers", YEAR_2011, country=country("Germany"))
ask(S, "Do you happen to know which five products sold the most units in October 2011?",
    "ranking", "units", month(2011, 10), n=5, group="product")
ask(S, "I'd like to know how many new customers we picked up in March 2011.",
    "total", "new_customers", month(2011, 3))
ask(S, "Could you look up how many rabbit night lights we sold in November 2011?",
    "total", "units", month(2011, 11), code=product("rabbit night light"))
ask(S, "I wonder if you could tell me what percentage of our customers ordered more than once in the "
       "second half of 2011.",
    "total", "repeat_rate", half(2011, 2))
ask(S, "Do you know by what percentage our number of orders went up or down from August 2011 to "
       "September 2011?",
    "compare", "orders", month(2011, 9), base=month(2011, 8))
ask(S, "Is there any way to see who our three biggest customers by spend were in the first half of 2011?",
    "ranking", "revenue", half(2011, 1), n=3, group="customer")

# --- 2. the form of the answer asked for --------------------------------------------------
S = "form"
ask(S, "How many orders did we get in July 2011? Just the number please.",
    "total", "orders", month(2011, 7))
ask(S, "Return rate for 2011 as a percentage, please.",
    "total", "return_rate", YEAR_2011)
ask(S, "What was the revenue from France in the second quarter of 2011, in pounds?",
    "total", "revenue", quarter(2011, 2), country=country("France"))
ask(S, "Roughly how much did the average order come to in November 2011? Rounded is fine.",
    "total", "aov", month(2011, 11))
ask(S, "Top five countries by revenue in 2011, just the names.",
    "ranking", "revenue", YEAR_2011, n=5, group="country")
ask(S, "Give me a quick list of the ten products that made the most money in September 2011.",
    "ranking", "revenue", month(2011, 9), n=10, group="product")
ask(S, "How did units sold in November 2011 compare with October 2011? Give it to me as a percentage "
       "change.",
    "compare", "units", month(2011, 11), base=month(2011, 10))
ask(S, "Number of customers who bought from us in December 2010 - a single figure will do.",
    "total", "customers", month(2010, 12))
ask(S, "Average number of items per order in September 2011, one decimal place is enough.",
    "total", "basket_size", month(2011, 9))

# --- 3. statements with a blank or a question mark ----------------------------------------
S = "blank"
ask(S, "Revenue for March 2011 was …?",
    "total", "revenue", month(2011, 3))
ask(S, "Germany's orders in Q2 2011 = ?",
    "total", "orders", quarter(2011, 2), country=country("Germany"))
ask(S, "Units last month: ?",
    "total", "units", LAST_MONTH)
ask(S, "New vs returning customers in October 2011: ? new, ? returning.",
    "mix", "mix", month(2011, 10))
ask(S, "Top 3 customers by revenue, November 2011: ?, ?, ?",
    "ranking", "revenue", month(2011, 11), n=3, group="customer")
ask(S, "Repeat-customer rate for the United Kingdom in the third quarter of 2011 = ?%",
    "total", "repeat_rate", quarter(2011, 3), country=country("United Kingdom"))
ask(S, "Change in revenue, September 2011 vs August 2011: ?%",
    "compare", "revenue", month(2011, 9), base=month(2011, 8))
ask(S, "Average order value from Spain, all time: ___",
    "total", "aov", ALL_TIME, country=country("Spain"))

# --- 4. the period or filter first, or split off by punctuation ---------------------------
S = "front"
ask(S, "For October 2011 — how many customers?",
    "total", "customers", month(2011, 10))
ask(S, "Netherlands, first half of 2011: revenue?",
    "total", "revenue", half(2011, 1), country=country("Netherlands"))
ask(S, "July 2011. Best-selling products. Top 3 by units.",
    "ranking", "units", month(2011, 7), n=3, group="product")
ask(S, "Since 1 September 2011 — how many orders from France?",
    "total", "orders", (D(2011, 9, 1), TODAY), country=country("France"))
ask(S, "The spotty bunting: how much revenue did it bring in during 2011?",
    "total", "revenue", YEAR_2011, code=product("spotty bunting"))
ask(S, "14 to 20 November 2011; how many customers were new and how many were returning?",
    "mix", "mix", (D(2011, 11, 14), D(2011, 11, 20)))
ask(S, "Q3 2011 against Q2 2011 — percentage change in average order value?",
    "compare", "aov", quarter(2011, 3), base=quarter(2011, 2))
ask(S, "Customer 14911, all of 2011: total spend?",
    "total", "revenue", YEAR_2011, customer=customer("14911"))

# --- 5. a reason or context of several sentences ------------------------------------------
S = "context"
ask(S, "We're planning stock for next Christmas. Which ten products sold the most units in November 2011?",
    "ranking", "units", month(2011, 11), n=10, group="product")
ask(S, "My accountant is asking for a few figures before the year end. She wants total revenue for the "
       "first half of 2011. Can you give me that?",
    "total", "revenue", half(2011, 1))
ask(S, "I'm thinking of starting a loyalty scheme, but only if people actually come back. What share of "
       "our customers placed two or more orders in 2011?",
    "total", "repeat_rate", YEAR_2011)
ask(S, "We had a lot of damaged deliveries in the spring and people sent things back. What was our "
       "return rate in April 2011? I want to see if it was unusual.",
    "total", "return_rate", month(2011, 4))
ask(S, "A wholesaler in Germany wants to work with us and I have a call with them tomorrow. How much "
       "revenue did we make from Germany in 2011? I'd like to have the figure in front of me.",
    "total", "revenue", YEAR_2011, country=country("Germany"))
ask(S, "The bank wants to see that we are growing. How did revenue in the third quarter of 2011 compare "
       "with the second quarter of 2011, as a percentage? They will want the exact figure.",
    "compare", "revenue", quarter(2011, 3), base=quarter(2011, 2))
ask(S, "I'm deciding whether to reorder the jam making set with jars. How many of them did we sell "
       "between 1 September and 30 November 2011? The supplier needs an answer by Friday.",
    "total", "units", (D(2011, 9, 1), D(2011, 11, 30)), code=product("jam making set with jars"))
ask(S, "We might take a stand at a trade fair abroad next year. Which four countries gave us the most "
       "revenue in the second half of 2011? That will help me choose where to go.",
    "ranking", "revenue", half(2011, 2), n=4, group="country")

# --- 6. questions that correct themselves (gold = the corrected reading) -------------------
S = "correction"
ask(S, "How many orders in May, sorry I mean June 2011?",
    "total", "orders", month(2011, 6))
ask(S, "What was revenue in Germany — no wait, France — in October 2011?",
    "total", "revenue", month(2011, 10), country=country("France"))
ask(S, "Top 5 products by revenue, I mean by units, for August 2011.",
    "ranking", "units", month(2011, 8), n=5, group="product")
ask(S, "How many customers did we have in Q1, correction, Q2 2011?",
    "total", "customers", quarter(2011, 2))
ask(S, "How many regency cakestands — sorry, I meant the chocolate hot water bottle — did we sell in "
       "November 2011?",
    "total", "units", month(2011, 11), code=product("chocolate hot water bottle"))
ask(S, "Top 3 customers in September, sorry, make that the top 5 customers by revenue in September 2011.",
    "ranking", "revenue", month(2011, 9), n=5, group="customer")
ask(S, "How did revenue in November 2011 compare to September — no, to October 2011? In percent.",
    "compare", "revenue", month(2011, 11), base=month(2011, 10))
ask(S, "How many new customers did we get from the Netherlands, sorry, from Belgium, during 2011?",
    "total", "new_customers", YEAR_2011, country=country("Belgium"))

# the names corrected away must also be unambiguous products, so that the correction is the only doubt
product("regency cakestand")


# ----------------------------------------------------------------------------------- write
FILTER_NAMES = {"country": "country", "code": "product", "customer": "customer"}


def record(q):
    start, end = q["period"]
    scope = Scope(start, end, **q["filters"])
    rec = {"question": q["question"], "template": "indirect_" + q["shape"], "kind": q["kind"],
           "metric": q["metric"]}
    if q["kind"] == "total":
        rec["gold"] = scope.value(q["metric"])
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"] = pct_change(q["metric"], q["period"], q["base"], **q["filters"])
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    elif q["kind"] == "mix":
        rec["gold"] = scope.mix()
        rec["tolerance"] = COUNT
    else:
        keys, figures = scope.ranking(q["group"], q["metric"], q["n"])
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [PRODUCT_NAME[k] for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [ALIASES.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["gold_values"] = figures
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(scope.end)
    rec["filters"] = {FILTER_NAMES[k]: v for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    per_shape = Counter(r["template"] for r in out)
    assert len(out) == 50 and all(8 <= v <= 9 for v in per_shape.values()) and len(per_shape) == 6, per_shape
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert r["to"] >= (r["from"] or "") and r["to"] <= str(TODAY)
        if r["kind"] == "compare":                  # whole periods that are over, so no like-for-like cut
            assert r["to"] < str(TODAY) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {FIRST_DAY} to {LAST_DAY})")
    print("per shape:", dict(per_shape))
    print("per kind: ", dict(Counter(r["kind"] for r in out)))


if __name__ == "__main__":
    main()
