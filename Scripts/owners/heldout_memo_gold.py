#!/usr/bin/env python3
"""Held-out owner questions in a third style: lines of owners' emails, weekly-review agenda items and
voice memos, with gold answers computed here from the raw CSV.

How it was written: a helper session that never saw the question templates, the generator, the
parser or the other held-out sets wrote every question below by hand, one at a time, as an owner
would put it in an email to an analyst ("Could you tell me…"), as an item on a weekly business
review agenda ("Last month: revenue"), or as spoken into a quick voice memo (lower case, fillers,
no punctuation), mixing formal, semi-formal and spoken registers, imperatives ("Pull the…",
"Get me…", "I need…"), yes/no-then-figure questions, period-first and metric-last phrasings,
currency words and "per" questions. No template, no generator and no random choice was used.
The gold answers come from the plain Python below, written from the definitions in the README's
"Owner analytics" section (gold.py was read only to confirm those definitions; none of its code is
used).

This set measures understanding. It must never be used for training or for tuning the parser's
rules, and it must not be read while working on the parser: only its score and a summary of failures
by kind may be shared.

    python3 Scripts/owners/heldout_memo_gold.py          # writes Scripts/owners/heldout_memo.jsonl
    python3 Scripts/owners/score_questions.py .build/debug/shoptalk --questions Scripts/owners/heldout_memo.jsonl
"""

import csv
import datetime as dt
import json
import os
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT = os.path.join(HERE, "heldout_memo.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}                 # percentages are shown with one decimal
NUM = {"abs": 0.01, "rel": 0.005}


# ------------------------------------------------------------------------------ the data
class Row:
    __slots__ = ("invoice", "code", "desc", "qty", "day", "price", "customer", "country", "cancel")


def load():
    out = []
    with open(CSV, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            r = Row()
            r.invoice = rec["InvoiceNo"].strip()
            r.cancel = r.invoice.upper().startswith("C")
            r.code = rec["StockCode"].strip().upper()
            r.desc = rec["Description"].strip()
            r.qty = int(rec["Quantity"])
            r.price = float(rec["UnitPrice"])
            stamp = rec["InvoiceDate"].strip().split()[0]
            if "/" in stamp:                      # month/day/year
                mo, da, yr = stamp.split("/")
            else:
                yr, mo, da = stamp.split("-")
            r.day = D(int(yr), int(mo), int(da))
            cid = rec["CustomerID"].strip()
            r.customer = cid[:-2] if cid.endswith(".0") else cid
            r.country = rec["Country"].strip()
            out.append(r)
    return out


ROWS = load()

_desc_counts = defaultdict(Counter)
for _r in ROWS:
    if _r.desc:
        _desc_counts[_r.code][_r.desc] += 1
NAMES = {code: c.most_common(1)[0][0] for code, c in _desc_counts.items()}


def name_is_clear(code):
    top = _desc_counts[code].most_common(2)
    return len(top) == 1 or top[0][1] > top[1][1]


FIRST_ORDER = {}
for _r in sorted(ROWS, key=lambda r: r.day):
    if _r.customer and not _r.cancel:
        FIRST_ORDER.setdefault(_r.customer, _r.day)


# ------------------------------------------------------------------------------ periods
def month(y, m):
    nxt = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return (D(y, m, 1), nxt - dt.timedelta(days=1))


def quarter(y, q):
    return (month(y, 3 * q - 2)[0], month(y, 3 * q)[1])


YTD = (D(2011, 1, 1), TODAY)
ALL = (None, None)
THIS_MONTH = (D(2011, 12, 1), TODAY)
LAST_MONTH = month(2011, 11)
LAST_QUARTER = quarter(2011, 3)


# ------------------------------------------------------------------------------ metrics
def pick(period, product=None, country=None, customer=None):
    start, end = period
    end = TODAY if end is None or end > TODAY else end
    return [r for r in ROWS
            if (start is None or r.day >= start) and r.day <= end
            and (product is None or r.code == product)
            and (country is None or r.country == country)
            and (customer is None or r.customer == customer)]


def value(rows, metric):
    orders = {r.invoice for r in rows if not r.cancel}
    buyers = {r.customer for r in rows if r.customer and not r.cancel}
    if metric == "revenue":
        return round(sum(r.qty * r.price for r in rows), 2)
    if metric == "units":
        return sum(r.qty for r in rows)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        return round(sum(r.qty * r.price for r in rows) / len(orders), 4)
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in rows:
            if r.customer and not r.cancel:
                per[r.customer].add(r.invoice)
        return round(100.0 * sum(1 for s in per.values() if len(s) > 1) / len(per), 4)
    if metric == "basket_size":
        return round(sum(r.qty for r in rows if not r.cancel) / len(orders), 4)
    if metric == "return_rate":
        every = {r.invoice for r in rows}
        return round(100.0 * len({r.invoice for r in rows if r.cancel}) / len(every), 4)
    if metric == "revenue_per_customer":
        return round(sum(r.qty * r.price for r in rows if r.customer) / len(buyers), 4)
    raise ValueError(metric)


def new_and_returning(period, **f):
    start = period[0]
    buyers = {r.customer for r in pick(period, **f) if r.customer and not r.cancel}
    new = sum(1 for c in buyers if start is None or FIRST_ORDER[c] >= start)
    return [new, len(buyers) - new]


def top(group, metric, n, period, **f):
    totals = defaultdict(float)
    for r in pick(period, **f):
        key = {"product": r.code, "country": r.country, "customer": r.customer}[group]
        if key:
            totals[key] += r.qty * r.price if metric == "revenue" else r.qty
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    head = ranked[: n + 1]
    gaps = [head[i][1] - head[i + 1][1] for i in range(len(head) - 1)]
    assert len(head) == n + 1 and min(gaps) > 0.011, (group, metric, n, period, f, head)
    keys = [k for k, _ in ranked[:n]]
    if group == "product":
        for k in keys:
            assert name_is_clear(k), k
            assert not any(w in NAMES[k].upper() for w in ("POSTAGE", "MANUAL", "DISCOUNT", "DOTCOM")), k
    return keys


def iso(d):
    return d.isoformat() if d else None


def span(period):
    start, end = period
    end = TODAY if end is None or end > TODAY else end
    return iso(start), iso(end)


# ------------------------------------------------------------------------------ the questions
# (topic, question, spec). spec kinds:
#   ("total", metric, period, filters)
#   ("compare", metric, this period, that period, filters)
#   ("mix", period, filters)
#   ("rank", group, metric, n, period, filters)
PRODUCT = {  # each phrase below was checked to match exactly one product's descriptions
    "cakestand": "22423",     # REGENCY CAKESTAND 3 TIER
    "gliders": "84077",       # WORLD WAR 2 GLIDERS ASSTD DESIGNS
    "chilli": "79321",        # CHILLI LIGHTS
    "memoboard": "21623",     # VINTAGE UNION JACK MEMOBOARD
    "nancy": "22621",         # TRADITIONAL KNITTING NANCY
    "record": "21137",        # BLACK RECORD COVER FRAME
    "jelly": "22993",         # SET OF 4 PANTRY JELLY MOULDS
}

Q = [
    # --- revenue totals
    ("revenue", "Could you tell me what our total revenue came to for March 2011?",
     ("total", "revenue", month(2011, 3), {})),
    ("revenue", "Agenda item 2 - Q2 2011 sales in pounds",
     ("total", "revenue", quarter(2011, 2), {})),
    ("revenue", "uh what did we actually take in july in quid",
     ("total", "revenue", month(2011, 7), {})),
    ("revenue", "Did we clear £50,000 in September 2011? If so, what was the exact revenue?",
     ("total", "revenue", month(2011, 9), {})),
    ("revenue", "For December 2010, what was our total revenue?",
     ("total", "revenue", month(2010, 12), {})),
    ("revenue", "Pull the all-time revenue figure for me.",
     ("total", "revenue", ALL, {})),
    ("revenue", "Last month: revenue",
     ("total", "revenue", LAST_MONTH, {})),
    # --- units
    ("units", "okay so how many units did we shift in august",
     ("total", "units", month(2011, 8), {})),
    ("units", "Get me the number of items sold so far this year.",
     ("total", "units", YTD, {})),
    ("units", "I need the total units sold during the last quarter.",
     ("total", "units", LAST_QUARTER, {})),
    # --- orders
    ("orders", "Pull the number of orders we received in September 2011.",
     ("total", "orders", month(2011, 9), {})),
    ("orders", "Did we go past 1,000 orders in October 2011, and what was the exact count?",
     ("total", "orders", month(2011, 10), {})),
    ("orders", "Between 1 May and 31 July 2011, the total number of orders.",
     ("total", "orders", (D(2011, 5, 1), D(2011, 7, 31)), {})),
    ("orders", "how many orders have come in this month so far",
     ("total", "orders", THIS_MONTH, {})),
    # --- customers
    ("customers", "right, how many different customers bought from us in October?",
     ("total", "customers", month(2011, 10), {})),
    ("customers", "Year to date: number of unique customers",
     ("total", "customers", YTD, {})),
    # --- average order value
    ("aov", "What was the average order value over the first half of 2011?",
     ("total", "aov", (D(2011, 1, 1), D(2011, 6, 30)), {})),
    ("aov", "whats the average spend per order been since the start of october",
     ("total", "aov", (D(2011, 10, 1), TODAY), {})),
    ("aov", "Average order value for 2010, please.",
     ("total", "aov", (D(2010, 1, 1), D(2010, 12, 31)), {})),
    # --- countries
    ("country", "Pull the revenue from Germany for 2011.",
     ("total", "revenue", (D(2011, 1, 1), D(2011, 12, 31)), {"country": "Germany"})),
    ("country", "How much did the French spend with us in the fourth quarter of 2011?",
     ("total", "revenue", quarter(2011, 4), {"country": "France"})),
    ("country", "Number of orders from Dutch customers, all time.",
     ("total", "orders", ALL, {"country": "Netherlands"})),
    ("country", "Units shipped to Australia during 2011?",
     ("total", "units", (D(2011, 1, 1), D(2011, 12, 31)), {"country": "Australia"})),
    ("country", "How many customers have we had in Ireland?",
     ("total", "customers", ALL, {"country": "EIRE"})),
    ("country", "Total takings from the Swiss, all time, in pounds.",
     ("total", "revenue", ALL, {"country": "Switzerland"})),
    ("country", "Average order value on Spanish orders in 2011",
     ("total", "aov", (D(2011, 1, 1), D(2011, 12, 31)), {"country": "Spain"})),
    ("country", "Per order, what did Australian customers spend on average this year?",
     ("total", "aov", YTD, {"country": "Australia"})),
    # --- one customer
    ("customer", "What has customer 12415 spent with us in total?",
     ("total", "revenue", ALL, {"customer": "12415"})),
    ("customer", "How many orders did customer 17450 place in 2011?",
     ("total", "orders", (D(2011, 1, 1), D(2011, 12, 31)), {"customer": "17450"})),
    ("customer", "units bought by customer 14646 in the first quarter of 2011",
     ("total", "units", quarter(2011, 1), {"customer": "14646"})),
    # --- one product
    ("product", "How many of the regency cakestands did we sell in November?",
     ("total", "units", month(2011, 11), {"product": PRODUCT["cakestand"]})),
    ("product", "revenue from the gliders this year",
     ("total", "revenue", YTD, {"product": PRODUCT["gliders"]})),
    ("product", "Get me units of the chilli lights for 2011.",
     ("total", "units", (D(2011, 1, 1), D(2011, 12, 31)), {"product": PRODUCT["chilli"]})),
    ("product", "How many pounds has the union jack memoboard brought in, all time?",
     ("total", "revenue", ALL, {"product": PRODUCT["memoboard"]})),
    ("product", "Knitting nancy: how many did we sell between June and August 2011?",
     ("total", "units", (D(2011, 6, 1), D(2011, 8, 31)), {"product": PRODUCT["nancy"]})),
    ("product", "How much did the black record cover frame make in Q3 2011?",
     ("total", "revenue", quarter(2011, 3), {"product": PRODUCT["record"]})),
    ("product", "How many orders included the jelly moulds in 2011?",
     ("total", "orders", (D(2011, 1, 1), D(2011, 12, 31)), {"product": PRODUCT["jelly"]})),
    # --- rankings
    ("rank", "Top 5 products by units sold in November 2011.",
     ("rank", "product", "units", 5, month(2011, 11), {})),
    ("rank", "Get me our five best sellers by revenue for the year so far.",
     ("rank", "product", "revenue", 5, YTD, {})),
    ("rank", "Which three countries brought in the most money last quarter?",
     ("rank", "country", "revenue", 3, LAST_QUARTER, {})),
    ("rank", "Top 5 customers by spend in October 2011.",
     ("rank", "customer", "revenue", 5, month(2011, 10), {})),
    ("rank", "What were the three best-selling items in Germany this year, by units?",
     ("rank", "product", "units", 3, YTD, {"country": "Germany"})),
    ("rank", "who are our top four customers of all time",
     ("rank", "customer", "revenue", 4, ALL, {})),
    ("rank", "Which 5 markets generated the most revenue in the first half of 2011?",
     ("rank", "country", "revenue", 5, (D(2011, 1, 1), D(2011, 6, 30)), {})),
    ("rank", "Top 3 products by units in Ireland, all time.",
     ("rank", "product", "units", 3, ALL, {"country": "EIRE"})),
    ("rank", "Rank the top 4 products by revenue from September to November 2011.",
     ("rank", "product", "revenue", 4, (D(2011, 9, 1), D(2011, 11, 30)), {})),
    # --- percentage changes
    ("change", "By what percentage did revenue change from September to October 2011?",
     ("compare", "revenue", month(2011, 10), month(2011, 9), {})),
    ("change", "How did orders in Q3 2011 compare with Q2 2011, in percent?",
     ("compare", "orders", quarter(2011, 3), quarter(2011, 2), {})),
    ("change", "Percentage change in customer numbers, March 2011 versus February 2011.",
     ("compare", "customers", month(2011, 3), month(2011, 2), {})),
    ("change", "Did average order value go up in August compared with July? By what percentage?",
     ("compare", "aov", month(2011, 8), month(2011, 7), {})),
    ("change", "November 2011 against October 2011: % change in units sold",
     ("compare", "units", month(2011, 11), month(2011, 10), {})),
    ("change", "how are orders this month tracking against last month percentage wise",
     ("compare", "orders", THIS_MONTH, (D(2011, 11, 1), D(2011, 11, 10)), {})),
    ("change", "Compare French revenue in October 2011 with September 2011, as a percentage change.",
     ("compare", "revenue", month(2011, 10), month(2011, 9), {"country": "France"})),
    # --- new and returning customers
    ("new", "How many new customers did we win in November?",
     ("total", "new_customers", month(2011, 11), {})),
    ("new", "Split of new versus returning customers for September 2011, please.",
     ("mix", month(2011, 9), {})),
    ("new", "Get me the new and returning customer numbers for the third quarter of 2011.",
     ("mix", quarter(2011, 3), {})),
    ("new", "first time buyers so far this year how many",
     ("total", "new_customers", YTD, {})),
    ("new", "New vs returning customers last month",
     ("mix", LAST_MONTH, {})),
    # --- repeat rate
    ("repeat", "What percentage of our customers ordered more than once in November 2011?",
     ("total", "repeat_rate", month(2011, 11), {})),
    ("repeat", "Repeat customer rate for 2011 to date.",
     ("total", "repeat_rate", YTD, {})),
    ("repeat", "Repeat rate among German customers this year?",
     ("total", "repeat_rate", YTD, {"country": "Germany"})),
    # --- basket size
    ("basket", "On average, how many items go into each order? Last month, please.",
     ("total", "basket_size", LAST_MONTH, {})),
    ("basket", "Average basket size for Q1 2011.",
     ("total", "basket_size", quarter(2011, 1), {})),
    ("basket", "Items per order from France in 2011.",
     ("total", "basket_size", (D(2011, 1, 1), D(2011, 12, 31)), {"country": "France"})),
    # --- return rate
    ("return", "What share of our invoices were cancellations in 2011?",
     ("total", "return_rate", (D(2011, 1, 1), D(2011, 12, 31)), {})),
    ("return", "Return rate for October 2011.",
     ("total", "return_rate", month(2011, 10), {})),
    ("return", "UK return rate, all time.",
     ("total", "return_rate", ALL, {"country": "United Kingdom"})),
    # --- revenue per customer
    ("rpc", "What's the average revenue per customer for November 2011?",
     ("total", "revenue_per_customer", month(2011, 11), {})),
    ("rpc", "How much does the average customer spend with us, year to date?",
     ("total", "revenue_per_customer", YTD, {})),
    ("rpc", "Revenue per customer in Germany, all time, in pounds.",
     ("total", "revenue_per_customer", ALL, {"country": "Germany"})),
]

PERCENT_METRICS = {"repeat_rate", "return_rate"}


def build(topic, question, spec):
    rec = {"question": question, "template": f"memo_{topic}"}
    kind = spec[0]
    if kind == "total":
        _, metric, period, f = spec
        if metric == "new_customers":
            gold = new_and_returning(period, **f)[0]
        else:
            gold = value(pick(period, **f), metric)
        a, b = span(period)
        rec.update(kind="total", metric=metric, gold=gold,
                   tolerance=PCT if metric in PERCENT_METRICS else NUM, filters=f)
        rec["from"], rec["to"] = a, b
    elif kind == "compare":
        _, metric, this, that, f = spec
        va, vb = value(pick(this, **f), metric), value(pick(that, **f), metric)
        rec.update(kind="compare", metric=metric, gold=round((va - vb) / vb * 100.0, 4),
                   tolerance=PCT, filters=f, periods=[list(span(this)), list(span(that))])
    elif kind == "mix":
        _, period, f = spec
        a, b = span(period)
        rec.update(kind="mix", metric="customers", gold=new_and_returning(period, **f),
                   tolerance={}, filters=f)
        rec["from"], rec["to"] = a, b
    elif kind == "rank":
        _, group, metric, n, period, f = spec
        keys = top(group, metric, n, period, **f)
        names = [NAMES[k] for k in keys] if group == "product" else keys
        a, b = span(period)
        rec.update(kind="ranking", metric=metric, group=group, n=n, gold=names, gold_ids=keys,
                   tolerance={}, filters=f)
        rec["from"], rec["to"] = a, b
    else:
        raise ValueError(kind)
    return rec


def main():
    assert len({q for _, q, _ in Q}) == len(Q)
    with open(OUT, "w", encoding="utf-8") as fh:
        for topic, question, spec in Q:
            fh.write(json.dumps(build(topic, question, spec), ensure_ascii=False) + "\n")
    print(f"wrote {len(Q)} questions to {OUT}")


if __name__ == "__main__":
    main()
