#!/usr/bin/env python3
"""Held-out owner questions written by shop owners from DIFFERENT ENGLISH-SPEAKING PLACES, each in the
English people there really type to a chat assistant, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's parser or code, or the
questions of any other held-out set (heldout_esl_gold.py was read only for its file layout, record
format and tolerance constants; score_questions.py for what the scorer compares; README "## Owner
analytics" for what the server supports and how each metric is defined). About six owners' questions
per place, each one question a real owner from there would send:

  * United States: "sales", "Q3", "year to date", "stack up against", "calendar year", "through", and
    month/day dates ("9/14/2011 through 10/13/2011"; every such date has a day above 12, so that it
    has only one reading).
  * Australia and New Zealand: "how'd we go", "reckon", "heaps", "this arvo", "flog", "ta", "kia ora",
    "sweet as", day/month dates ("14/3/2011").
  * India: "kindly", "please do the needful", "kindly revert", "total sales for the month of March",
    "November month", "the period 15/08/2011 to 15/09/2011", "new and existing customers count".
  * Nigeria and Ghana: "please how much", "abeg", "how far with sales", "check am for me", "sir",
    "I am asking for".
  * Singapore and Malaysia: topic first, particles "ah", "leh", "lah", "can or not", "can check or not",
    "how many percent", "boss".
  * Ireland and Scotland: "grand so", "any chance you'd tell me", "how're we fixed for", "would you
    ever", "a wee question", "shift" for sell, day/month dates.
  * South Africa: "howzit", "lekker", "eish", "sharp", "just now" (= in a while, not a period).
  * Canada: "eh", "sorry to bug you", "the fall, September to November", ISO dates ("2011-11-14").

Periods come in many forms: months with and without a year (a month without one is the latest such
month before 2011-12-10, i.e. of 2011), quarters, halves, "the first fortnight of November", "year to
date", "this month so far", "last month" (= November 2011), "since the start of September", "since the
beginning" (= all time), explicit ranges. Products are named as an owner remembers them (partial,
lowercase, sometimes plural); each remembered name is checked below to match exactly one stock
description in the data, or the script stops. Countries are named as an owner there would ("the US",
"Ireland", "South Africa"; the data's USA, EIRE, RSA), customers by id. Left out on purpose because
README does not define them: fiscal or financial years and quarters (a US "fiscal Q3", an Australian
or Indian "this financial year"), weeks, "last quarter". No templates, no generated variations.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, not Scripts/owners/gold.py, and
not any other held-out gold script's computation).

NEVER use this file or heldout_regional.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_regional_gold.py      # writes Scripts/owners/heldout_regional.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
import sys
from collections import Counter, defaultdict, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_regional.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}

# ------------------------------------------------------------------------------------ data
Line = namedtuple("Line", "invoice code desc qty price day customer country is_cancel")


def to_day(stamp):
    """The date part of '2011-10-06 16:20:00' or of a US-style '12/1/2010 8:26'."""
    head = stamp.strip().split(" ")[0]
    if "/" in head:
        month_, day_, year_ = map(int, head.split("/"))
        return D(year_, month_, day_)
    return D.fromisoformat(head)


def customer_id(raw):
    raw = raw.strip()
    return raw[:-2] if re.fullmatch(r"\d+\.0", raw) else raw


def read_lines():
    out = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            invoice = rec["InvoiceNo"].strip()
            out.append(Line(invoice=invoice, code=rec["StockCode"].strip().upper(),
                            desc=" ".join(rec["Description"].split()).upper(),
                            qty=int(rec["Quantity"]), price=float(rec["UnitPrice"]),
                            day=to_day(rec["InvoiceDate"]), customer=customer_id(rec["CustomerID"]),
                            country=rec["Country"].strip(), is_cancel=invoice.upper().startswith("C")))
    return out


LINES = read_lines()

# a product (stock code, case-insensitive) is named by its most frequent description
_seen = defaultdict(Counter)
for _l in LINES:
    if _l.desc:
        _seen[_l.code][_l.desc] += 1
PRODUCT_NAME = {code: counts.most_common(1)[0][0] for code, counts in _seen.items()}

# the day of each identified customer's first order ever (cancellations are not orders)
FIRST_ORDER = {}
for _l in LINES:
    if _l.customer and not _l.is_cancel:
        FIRST_ORDER[_l.customer] = min(_l.day, FIRST_ORDER.get(_l.customer, _l.day))


def product(remembered):
    """The stock code of the one product whose description holds every word of `remembered`."""
    words = remembered.upper().split()
    descs = {l.desc for l in LINES if l.desc and all(w in l.desc for w in words)}
    codes = {l.code for l in LINES if l.desc in descs}
    if len(descs) != 1 or len(codes) != 1:
        sys.exit(f"remembered name {remembered!r} is not one product: {sorted(descs)[:8]}")
    return codes.pop()


# ------------------------------------------------------------------------------- computing
def lines_in(start, end, country=None, product=None, customer=None):
    """Lines dated start..end inclusive (start None = since the beginning; end capped at today)."""
    last = TODAY if end is None else min(end, TODAY)
    return [l for l in LINES
            if (start is None or l.day >= start) and l.day <= last
            and (country is None or l.country == country)
            and (product is None or l.code == product)
            and (customer is None or l.customer == customer)]


def orders_of(sel):
    return {l.invoice for l in sel if not l.is_cancel}


def buyers_of(sel):
    return {l.customer for l in sel if l.customer and not l.is_cancel}


def value(metric, start, end, **flt):
    sel = lines_in(start, end, **flt)
    money = sum(l.qty * l.price for l in sel)
    if metric == "revenue":
        return round(money, 2)
    if metric == "units":
        return sum(l.qty for l in sel)
    if metric == "orders":
        return len(orders_of(sel))
    if metric == "customers":
        return len(buyers_of(sel))
    if metric == "aov":
        return round(money / len(orders_of(sel)), 4)
    if metric == "basket_size":
        return round(sum(l.qty for l in sel if not l.is_cancel) / len(orders_of(sel)), 4)
    if metric == "return_rate":
        all_invoices = {l.invoice for l in sel}
        cancelled = {l.invoice for l in sel if l.is_cancel}
        return round(100.0 * len(cancelled) / len(all_invoices), 4)
    if metric == "repeat_rate":
        per_customer = defaultdict(set)
        for l in sel:
            if l.customer and not l.is_cancel:
                per_customer[l.customer].add(l.invoice)
        twice = [c for c, invs in per_customer.items() if len(invs) > 1]
        return round(100.0 * len(twice) / len(per_customer), 4)
    if metric == "revenue_per_customer":
        known = sum(l.qty * l.price for l in sel if l.customer)
        return round(known / len(buyers_of(sel)), 4)
    if metric == "new_customers":
        return len([c for c in buyers_of(sel) if start is None or FIRST_ORDER[c] >= start])
    raise ValueError(metric)


def change(metric, now, before, **flt):
    a, b = value(metric, *now, **flt), value(metric, *before, **flt)
    return round(100.0 * (a - b) / b, 4)


def new_and_returning(start, end, **flt):
    buyers = buyers_of(lines_in(start, end, **flt))
    fresh = len([c for c in buyers if FIRST_ORDER[c] >= start])
    return [fresh, len(buyers) - fresh]


def ranking(group, metric, n, start, end, **flt):
    score = defaultdict(float)
    for l in lines_in(start, end, **flt):
        key = {"product": l.code, "country": l.country, "customer": l.customer}[group]
        if key:                                                  # guests are not a customer
            score[key] += l.qty * l.price if metric == "revenue" else l.qty
    order = sorted(score, key=lambda k: score[k], reverse=True)
    shown = [round(score[k], 2) for k in order[:n + 1]]
    # strictly ordered top n, clear of the (n+1)th, so exactly one answer is right
    if len(order) <= n or any(shown[i] - shown[i + 1] <= 0.011 for i in range(n)):
        sys.exit(f"ranking {group} by {metric} top {n} {start}..{end} {flt}: tie or too few: {shown}")
    if any(PRODUCT_NAME.get(k, k).startswith(("POSTAGE", "DOTCOM", "MANUAL", "DISCOUNT", "CARRIAGE"))
           for k in order[:n]):
        sys.exit(f"ranking {group} by {metric} {start}..{end}: a non-product in the top {n}")
    return order[:n]


# ------------------------------------------------------------------------------- periods
def mon(y, m):
    first = D(y, m, 1)
    after = D(y + (m == 12), m % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def qtr(y, q):
    return D(y, 3 * q - 2, 1), mon(y, 3 * q)[1]


H1 = (D(2011, 1, 1), D(2011, 6, 30))
H2 = (D(2011, 7, 1), D(2011, 12, 31))
Y2011 = (D(2011, 1, 1), D(2011, 12, 31))
YTD = (D(2011, 1, 1), TODAY)
LAST_MONTH = mon(2011, 11)
THIS_MONTH = (D(2011, 12, 1), TODAY)
EVER = (None, None)
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}

# ------------------------------------------------------------------------------- questions
Q = []


def ask(place, question, topic, kind, metric, period, n=None, group=None, base=None, **flt):
    Q.append(dict(place=place, question=question, topic=topic, kind=kind, metric=metric, period=period,
                  n=n, group=group, base=base, flt=flt))


# ---- United States
US = "United States"
ask(US, "What were total sales for Q3 2011?", "revenue", "total", "revenue", qtr(2011, 3))
ask(US, "How many orders did we get from 9/14/2011 through 10/13/2011?", "orders", "total", "orders",
    (D(2011, 9, 14), D(2011, 10, 13)))
ask(US, "What are our top 5 best-selling products year to date?", "rank_products", "ranking", "units", YTD,
    n=5, group="product")
ask(US, "How did November sales stack up against October, percentage-wise?", "compare", "compare", "revenue",
    mon(2011, 11), base=mon(2011, 10))
ask(US, "What was our average order value from 11/14/2011 through 11/30/2011?", "aov", "total", "aov",
    (D(2011, 11, 14), D(2011, 11, 30)))
ask(US, "How many regency cakestands did we sell in the first half of 2011?", "product", "total", "units", H1,
    product=product("regency cakestand"))
ask(US, "What were total sales to the US for calendar year 2011?", "country", "total", "revenue", Y2011,
    country="USA")

# ---- Australia / New Zealand
AU = "Australia / New Zealand"
ask(AU, "How'd we go last month? Total sales please, ta", "revenue", "total", "revenue", LAST_MONTH)
ask(AU, "Reckon you could tell me how many new customers we picked up in October?", "new_customers", "total",
    "new_customers", mon(2011, 10))
ask(AU, "G'day, quick one before this arvo's meeting: top 3 countries by revenue for 2011?", "rank_countries",
    "ranking", "revenue", Y2011, n=3, group="country")
ask(AU, "We've had heaps of orders lately, how many did we get in the first fortnight of November?", "orders",
    "total", "orders", (D(2011, 11, 1), D(2011, 11, 14)))
ask(AU, "How many mini paint sets did we flog between 14/3/2011 and 20/4/2011?", "product", "total", "units",
    (D(2011, 3, 14), D(2011, 4, 20)), product=product("mini paint set"))
ask(AU, "Kia ora, what percentage of our customers ordered more than once in the first half of the year?",
    "repeat_rate", "total", "repeat_rate", H1)
ask(AU, "Sweet as, what's the return rate been since 1 September?", "return_rate", "total", "return_rate",
    (D(2011, 9, 1), TODAY))

# ---- India
IN = "India"
ask(IN, "Kindly tell me what is the total sales for the month of March 2011.", "revenue", "total", "revenue",
    mon(2011, 3))
ask(IN, "Please do the needful and share top 10 products by quantity for the month of October 2011.",
    "rank_products", "ranking", "units", mon(2011, 10), n=10, group="product")
ask(IN, "What is the percentage growth in sales of Q2 over Q1 2011? Kindly revert.", "compare", "compare",
    "revenue", qtr(2011, 2), base=qtr(2011, 1))
ask(IN, "Kindly revert with the count of unique customers for the period 15/08/2011 to 15/09/2011.",
    "customers", "total", "customers", (D(2011, 8, 15), D(2011, 9, 15)))
ask(IN, "Please share the revenue per customer for Germany for the year 2011.", "revenue_per_customer", "total",
    "revenue_per_customer", Y2011, country="Germany")
ask(IN, "Kindly let me know new and existing customers count for November month.", "mix", "mix", "mix",
    mon(2011, 11))

# ---- Nigeria / Ghana
NG = "Nigeria / Ghana"
ask(NG, "Please how many orders has customer 12748 placed with us since the beginning?", "customer", "total",
    "orders", EVER, customer="12748")
ask(NG, "Abeg, who are our top 5 customers this year?", "rank_customers", "ranking", "revenue", YTD, n=5,
    group="customer")
ask(NG, "How far with sales? How many orders did we get last month?", "orders", "total", "orders", LAST_MONTH)
ask(NG, "Good morning sir, please how many customers bought from France in the third quarter?", "country",
    "total", "customers", qtr(2011, 3), country="France")
ask(NG, "Abeg check am for me: by what percent did the number of customers change from September to October?",
    "compare", "compare", "customers", mon(2011, 10), base=mon(2011, 9))
ask(NG, "Please, I am asking for the repeat customer rate for the second half of 2011.", "repeat_rate", "total",
    "repeat_rate", H2)

# ---- Singapore / Malaysia
SG = "Singapore / Malaysia"
ask(SG, "This month so far sales how much ah?", "revenue", "total", "revenue", THIS_MONTH)
ask(SG, "Top 5 product by revenue this year can or not?", "rank_products", "ranking", "revenue", YTD, n=5,
    group="product")
ask(SG, "Sales to Singapore this year how much ah?", "country", "total", "revenue", YTD, country="Singapore")
ask(SG, "The white hanging heart one, October sell how many pieces ah?", "product", "total", "units",
    mon(2011, 10), product=product("white hanging heart"))
ask(SG, "Q3 compare Q2, revenue change how many percent lah?", "compare", "compare", "revenue", qtr(2011, 3),
    base=qtr(2011, 2))
ask(SG, "Boss, average order value this month can check or not?", "aov", "total", "aov", THIS_MONTH)

# ---- Ireland / Scotland
IE = "Ireland / Scotland"
ask(IE, "How're we fixed for new customers since the start of September?", "new_customers", "total",
    "new_customers", (D(2011, 9, 1), TODAY))
ask(IE, "Any chance you'd tell me our top 2 customers in Ireland for 2011?", "rank_customers", "ranking",
    "revenue", Y2011, n=2, group="customer", country="EIRE")
ask(IE, "Grand so. What was the average order value for the whole of November?", "aov", "total", "aov",
    mon(2011, 11))
ask(IE, "Just a wee question, how many units did we shift in the second quarter?", "units", "total", "units",
    qtr(2011, 2))
ask(IE, "How many orders came in from Ireland between 13/06/2011 and 24/07/2011?", "country", "total",
    "orders", (D(2011, 6, 13), D(2011, 7, 24)), country="EIRE")
ask(IE, "Would you ever tell me the return rate for the first half of 2011?", "return_rate", "total",
    "return_rate", H1)

# ---- South Africa
ZA = "South Africa"
ask(ZA, "Howzit, how much has customer 14911 spent with us this year?", "customer", "total", "revenue", YTD,
    customer="14911")
ask(ZA, "Send me the top 5 countries by revenue for the first half of 2011 just now, please.", "rank_countries",
    "ranking", "revenue", H1, n=5, group="country")
ask(ZA, "Lekker! How many units did we sell in November?", "units", "total", "units", mon(2011, 11))
ask(ZA, "How much revenue have we made from South Africa altogether?", "country", "total", "revenue", EVER,
    country="RSA")
ask(ZA, "Eish, what was our average number of items per order in October 2011?", "basket_size", "total",
    "basket_size", mon(2011, 10))
ask(ZA, "Sharp, which 5 products moved the most units between 15/10/2011 and 15/11/2011?", "rank_products",
    "ranking", "units", (D(2011, 10, 15), D(2011, 11, 15)), n=5, group="product")

# ---- Canada
CA = "Canada"
ask(CA, "Hey, what are our sales for Q4 so far, eh?", "revenue", "total", "revenue", (D(2011, 10, 1), TODAY))
ask(CA, "Sorry to bug you, how many union jack memoboards did we sell in 2011?", "product", "total", "units",
    Y2011, product=product("union jack memoboard"))
ask(CA, "How many new versus returning customers did we have in October?", "mix", "mix", "mix", mon(2011, 10))
ask(CA, "What's our average revenue per customer for the fall, September to November 2011?",
    "revenue_per_customer", "total", "revenue_per_customer", (D(2011, 9, 1), D(2011, 11, 30)))
ask(CA, "Could I get the top 3 countries by revenue for Q3 2011?", "rank_countries", "ranking", "revenue",
    qtr(2011, 3), n=3, group="country")
ask(CA, "What was our order count from 2011-11-14 to 2011-11-20?", "orders", "total", "orders",
    (D(2011, 11, 14), D(2011, 11, 20)))


# ----------------------------------------------------------------------------------- write
TOLERANCE = {"repeat_rate": PCT, "return_rate": PCT, "units": COUNT, "orders": COUNT, "customers": COUNT,
             "new_customers": COUNT, "basket_size": RATIO}


def record(q):
    flt = {k: v for k, v in q["flt"].items() if v is not None}
    start, end = q["period"]
    rec = {"question": q["question"], "template": "regional_" + q["topic"], "kind": q["kind"],
           "metric": q["metric"], "place": q["place"]}
    if q["kind"] == "total":
        rec["gold"] = value(q["metric"], start, end, **flt)
        rec["tolerance"] = TOLERANCE.get(q["metric"], MONEY)
    elif q["kind"] == "compare":
        rec["gold"] = change(q["metric"], q["period"], q["base"], **flt)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    elif q["kind"] == "mix":
        rec["gold"] = new_and_returning(start, end, **flt)
        rec["tolerance"] = COUNT
    else:
        keys = ranking(q["group"], q["metric"], q["n"], start, end, **flt)
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [PRODUCT_NAME[k] for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [ALIASES.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(min(end, TODAY)) if end else str(TODAY)
    rec["filters"] = flt
    return rec


def main():
    out = [record(q) for q in Q]
    per_topic = Counter(r["template"] for r in out)
    assert len(out) == 50 and max(per_topic.values()) <= 5, (len(out), dict(per_topic))
    assert len({r["question"] for r in out}) == len(out)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")
    print("per place:", dict(Counter(r["place"] for r in out)))
    print("per kind: ", dict(Counter(r["kind"] for r in out)))
    print("per topic:", dict(per_topic))


if __name__ == "__main__":
    main()
