#!/usr/bin/env python3
"""Held-out owner questions in two styles nobody tuned for, with independent gold answers.

How it was written: by a helper session, by hand, one question at a time and with no templates.
About half are what an owner types into a dashboard SEARCH BOX (terse keywords, no verbs, odd word
order, abbreviations such as "q3", "ytd", "mom", "top10", "#orders", "avg basket", "eire", "uk");
the other half are long, slightly ungrammatical sentences from a non-technical owner who hedges
("more or less", "roughly", "if you can") and puts the period or the filter at an unusual place.
The session never read the question templates, the generator, the other held-out sets, the
server's sources or its tests; the gold answers below are computed from the raw CSV by this
file's own code, following the definitions in README "## Owner analytics".

NEVER use this file or heldout_search.jsonl for training or for tuning parser rules, and do not read
them while working on the parser: they only measure how the server does on phrasings it has not
seen. Fixes belong in general rules, guided by a summary of failures by kind, never by the wording.

    python3 Scripts/owners/heldout_search_gold.py     # writes Scripts/owners/heldout_search.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT = os.path.join(HERE, "heldout_search.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date


# ------------------------------------------------------------------------------ data
def to_date(text):
    day = text.strip().split()[0]
    if "-" in day:
        y, m, d = day.split("-")
    else:
        m, d, y = day.split("/")
    return D(int(y), int(m), int(d))


def load():
    out = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cust = r["CustomerID"].strip()
            if cust.endswith(".0"):
                cust = cust[:-2]
            inv = r["InvoiceNo"].strip()
            out.append({"inv": inv, "code": r["StockCode"].strip().upper(), "desc": r["Description"],
                        "qty": int(r["Quantity"]), "day": to_date(r["InvoiceDate"]),
                        "price": float(r["UnitPrice"]), "cust": cust, "country": r["Country"].strip(),
                        "cancel": inv.upper().startswith("C")})
    return out


ROWS = load()
_DESCS = defaultdict(Counter)
for _r in ROWS:
    if _r["desc"].strip():
        _DESCS[_r["code"]][_r["desc"].strip()] += 1
NAMES = {code: cnt.most_common(1)[0][0] for code, cnt in _DESCS.items()}
FIRST_ORDER = {}
for _r in sorted(ROWS, key=lambda r: r["day"]):
    if _r["cust"] and not _r["cancel"] and _r["cust"] not in FIRST_ORDER:
        FIRST_ORDER[_r["cust"]] = _r["day"]


def _words(text):
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", text.lower())}


def product(phrase):
    """The one product code whose descriptions contain the phrase (or all its words)."""
    padded, words = " " + " ".join(phrase.lower().split()) + " ", _words(phrase)
    hits = {code for code, cnt in _DESCS.items() for d in cnt
            if padded in " " + " ".join(d.lower().split()) + " " or words <= _words(d)}
    assert len(hits) == 1, (phrase, hits)
    return hits.pop()


def lines(start=None, end=None, country=None, customer=None, code=None):
    end = min(end, TODAY) if end else TODAY
    return [r for r in ROWS if (start is None or r["day"] >= start) and r["day"] <= end
            and (country is None or r["country"] == country)
            and (customer is None or r["cust"] == customer)
            and (code is None or r["code"] == code)]


def value(metric, start=None, end=None, **f):
    L = lines(start, end, **f)
    money = sum(r["qty"] * r["price"] for r in L)
    orders = len({r["inv"] for r in L if not r["cancel"]})
    buyers = {r["cust"] for r in L if r["cust"] and not r["cancel"]}
    if metric == "revenue":
        return round(money, 2)
    if metric == "units":
        return sum(r["qty"] for r in L)
    if metric == "orders":
        return orders
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        return round(money / orders, 4)
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in L:
            if r["cust"] and not r["cancel"]:
                per[r["cust"]].add(r["inv"])
        return round(100.0 * sum(1 for s in per.values() if len(s) > 1) / len(per), 4)
    if metric == "basket_size":
        return round(sum(r["qty"] for r in L if not r["cancel"]) / orders, 4)
    if metric == "return_rate":
        invs = {r["inv"] for r in L}
        return round(100.0 * len({r["inv"] for r in L if r["cancel"]}) / len(invs), 4)
    if metric == "revenue_per_customer":
        return round(sum(r["qty"] * r["price"] for r in L if r["cust"]) / len(buyers), 4)
    if metric == "new_customers":
        return sum(1 for c in buyers if FIRST_ORDER[c] >= start)
    raise ValueError(metric)


def new_and_returning(start, end):
    buyers = {r["cust"] for r in lines(start, end) if r["cust"] and not r["cancel"]}
    new = sum(1 for c in buyers if FIRST_ORDER[c] >= start)
    return [new, len(buyers) - new]


def top(group, metric, n, start=None, end=None, **f):
    sums = defaultdict(float)
    for r in lines(start, end, **f):
        key = r["code"] if group == "product" else r["country"] if group == "country" else r["cust"]
        if key:
            sums[key] += r["qty"] * r["price"] if metric == "revenue" else r["qty"]
    ranked = sorted(sums.items(), key=lambda kv: -kv[1])
    head = ranked[:n + 1]
    # one clear answer: no ties in or at the edge of the top n, no postage/manual/fee lines in it
    assert len(ranked) > n and all(head[i][1] - head[i + 1][1] > 0.011 for i in range(n)), head
    assert not any(k in ("POST", "DOT", "M", "D", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "S")
                   for k, _ in ranked[:n]), head
    return [k for k, _ in ranked[:n]]


# ------------------------------------------------------------------------------ periods
def month(y, m):
    nxt = D(y + (m == 12), m % 12 + 1, 1)
    return D(y, m, 1), nxt - dt.timedelta(days=1)


YTD = (D(2011, 1, 1), TODAY)
Q1, Q2, Q3 = (D(2011, 1, 1), D(2011, 3, 31)), (D(2011, 4, 1), D(2011, 6, 30)), (D(2011, 7, 1), D(2011, 9, 30))
Q4 = (D(2011, 10, 1), TODAY)
LAST_WEEK = (D(2011, 11, 28), D(2011, 12, 4))       # Monday to Sunday before Saturday 10 Dec
WEEK_BEFORE = (D(2011, 11, 21), D(2011, 11, 27))
THIS_WEEK = (D(2011, 12, 5), TODAY)
ALL = (None, TODAY)

MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
PCT = {"abs": 0.05}
TOL = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY, "basket_size": MONEY,
       "units": COUNT, "orders": COUNT, "customers": COUNT, "new_customers": COUNT,
       "repeat_rate": PCT, "return_rate": PCT}


def iso(d):
    return d.isoformat() if d else None


def total(topic, question, metric, period, **f):
    start, end = period
    filters = dict(f)
    if "code" in filters:
        filters = {"product": filters["code"], "product_name": NAMES[filters["code"]]}
    return {"question": question, "template": f"search_{topic}", "kind": "total", "metric": metric,
            "gold": value(metric, start, end, **f), "tolerance": TOL[metric],
            "from": iso(start), "to": iso(min(end, TODAY)), "filters": filters}


def compare(topic, question, metric, a, b, **f):
    va, vb = value(metric, *a, **f), value(metric, *b, **f)
    return {"question": question, "template": f"search_{topic}", "kind": "compare", "metric": metric,
            "gold": round((va - vb) / vb * 100.0, 4), "tolerance": PCT,
            "periods": [[iso(a[0]), iso(a[1])], [iso(b[0]), iso(b[1])]], "values": [va, vb],
            "filters": dict(f)}


def ranking(topic, question, group, metric, n, period, **f):
    ids = top(group, metric, n, *period, **f)
    names = [NAMES[k] for k in ids] if group == "product" else ids
    return {"question": question, "template": f"search_{topic}", "kind": "ranking", "metric": metric,
            "group": group, "n": n, "gold": names, "gold_ids": ids, "tolerance": MONEY,
            "from": iso(period[0]), "to": iso(min(period[1], TODAY)), "filters": dict(f)}


def mix(topic, question, period):
    return {"question": question, "template": f"search_{topic}", "kind": "mix", "metric": "customer_mix",
            "gold": new_and_returning(*period), "tolerance": COUNT,
            "from": iso(period[0]), "to": iso(min(period[1], TODAY)), "filters": {}}


# ------------------------------------------------------------------------------ the questions
def questions():
    rabbit = product("rabbit night light")
    purse = product("brocade ring purse")
    cakestand = product("regency cakestand")
    charlotte = product("woodland charlotte bag")
    sign = product("one person metal sign")
    trinket = product("strawberry trinket box")
    fan = product("silk fan")
    memoboard = product("union jack memoboard")
    lunchbox = product("spaceboy lunch box")
    apples = product("jumbo bag apples")

    qs = [
        # ---------------------------------------------------------------- search box
        total("total", "rev q3", "revenue", Q3),
        total("total", "#orders nov", "orders", month(2011, 11)),
        total("country", "units uk ytd", "units", YTD, country="United Kingdom"),
        total("country", "eire aov june", "aov", month(2011, 6), country="EIRE"),
        total("country", "germany customers dec 2010", "customers", month(2010, 12), country="Germany"),
        ranking("ranking", "top10 products units q4", "product", "units", 10, Q4),
        ranking("ranking", "h1 2011 top 5 countries rev", "country", "revenue", 5, (D(2011, 1, 1), D(2011, 6, 30))),
        ranking("ranking", "top 3 customers revenue last month", "customer", "revenue", 3, month(2011, 11)),
        compare("change", "rev % chg oct vs sep", "revenue", month(2011, 10), month(2011, 9)),
        total("rates", "repeat rate ytd", "repeat_rate", YTD),
        total("basket", "avg basket size nov", "basket_size", month(2011, 11)),
        total("rates", "return rate france 2011", "return_rate", YTD, country="France"),
        total("per_customer", "rev per cust q2", "revenue_per_customer", Q2),
        total("new", "new custs sept", "new_customers", month(2011, 9)),
        mix("new", "new vs returning oct", month(2011, 10)),
        total("product", "rabbit night light units nov", "units", month(2011, 11), code=rabbit),
        total("customer", "cust 14646 rev ytd", "revenue", YTD, customer="14646"),
        compare("change", "orders last wk vs wk before %chg", "orders", LAST_WEEK, WEEK_BEFORE),
        compare("change", "rev nov mom %", "revenue", month(2011, 11), month(2011, 10)),
        total("total", "orders dec 9", "orders", (D(2011, 12, 9), D(2011, 12, 9))),
        total("country", "netherlands rev 2011 q1", "revenue", Q1, country="Netherlands"),
        ranking("ranking", "top5 products by revenue aug", "product", "revenue", 5, month(2011, 8)),
        total("total", "aov last week", "aov", LAST_WEEK),
        total("total", "units feb 14-20", "units", (D(2011, 2, 14), D(2011, 2, 20))),
        total("country", "customers spain h2", "customers", (D(2011, 7, 1), D(2011, 12, 31)), country="Spain"),
        total("per_customer", "revenue per customer uk nov", "revenue_per_customer", month(2011, 11),
              country="United Kingdom"),
        total("rates", "return rate dec 2010", "return_rate", month(2010, 12)),
        total("basket", "basket size eire ytd", "basket_size", YTD, country="EIRE"),
        ranking("ranking", "top 3 countries rev sep-nov", "country", "revenue", 3, (D(2011, 9, 1), D(2011, 11, 30))),
        total("product", "regency cakestand rev 2011", "revenue", YTD, code=cakestand),
        total("total", "rev this wk", "revenue", THIS_WEEK),
        total("product", "silk fan qty sold 2011", "units", YTD, code=fan),
        total("product", "spaceboy lunch box dec 2010 units", "units", month(2010, 12), code=lunchbox),
        total("product", "jumbo bag apples orders oct", "orders", month(2011, 10), code=apples),

        # ---------------------------------------------------------------- long, hedged sentences
        total("total",
              "hello, so the thing I would like to know if you can is roughly how much money we took "
              "altogether for the month of May this year, more or less is fine",
              "revenue", month(2011, 5)),
        total("country",
              "In April, and I dont need it exact just more or less, how many separate orders did we "
              "get from the people ordering from France, if you can tell me",
              "orders", month(2011, 4), country="France"),
        total("product",
              "I keep wondering about the little brocade ring purse, how many of them did we sell more "
              "or less since the beginning of October if you have it",
              "units", (D(2011, 10, 1), TODAY), code=purse),
        total("total",
              "my accountant is asking me roughly what was the average order value for December of "
              "last year, the 2010 one I mean, if you can find it",
              "aov", month(2010, 12)),
        ranking("ranking",
                "could you give me if its not too much trouble the four products that sold the most "
                "pieces in Germany this year, roughly in order from the most",
                "product", "units", 4, YTD, country="Germany"),
        total("total",
              "For the months of September and October together and more or less is fine, how many "
              "different customers bought something from us, if you can count that",
              "customers", (D(2011, 9, 1), D(2011, 10, 31))),
        ranking("ranking",
                "who were more or less the three customers that spent the most money with us over this "
                "year so far, if you can rank them for me",
                "customer", "revenue", 3, YTD),
        compare("change",
                "I would like to know roughly by what percentage our revenue in the third quarter went "
                "up or down compared with the second quarter, if you can work it out",
                "revenue", Q3, Q2),
        total("rates",
              "last month, if I remember right it was a busy one, what share of the customers came "
              "back and ordered from us more than one time, more or less",
              "repeat_rate", month(2011, 11)),
        total("rates",
              "of all the invoices we had in November and roughly is fine, what percentage of them "
              "were cancellations or returns, if you can say",
              "return_rate", month(2011, 11)),
        total("basket",
              "how many items do people put in one order on average more or less, looking only at the "
              "first quarter of this year if you can",
              "basket_size", Q1),
        total("new",
              "since the first of June, how many brand new customers that never bought from us "
              "before did we get roughly",
              "new_customers", (D(2011, 6, 1), TODAY)),
        mix("new",
            "for the month of August can you split the customers into the new ones and the ones who "
            "had already bought before, more or less how many of each",
            month(2011, 8)),
        total("per_customer",
              "on average how much money does each customer bring us more or less, in the three "
              "months from September to November, if you can",
              "revenue_per_customer", (D(2011, 9, 1), D(2011, 11, 30))),
        total("customer",
              "the customer with the number 12415, roughly how much did they spend with us "
              "altogether in all the time you have data for, if possible",
              "revenue", ALL, customer="12415"),
        compare("change",
                "units sold between 1 and 15 November compared to 1 to 15 October, how much up or "
                "down in percent more or less, if you can work it out",
                "units", (D(2011, 11, 1), D(2011, 11, 15)), (D(2011, 10, 1), D(2011, 10, 15))),
        ranking("ranking",
                "if you can, which are the top three countries for money coming in during this year so "
                "far, but roughly is fine",
                "country", "revenue", 3, YTD),
        total("product",
              "roughly how much revenue did the woodland charlotte bag make for us across the whole "
              "of this year, if you can look it up",
              "revenue", YTD, code=charlotte),
        total("country",
              "back in January more or less, what was the total number of units we sold to customers "
              "in the United Kingdom, if you know",
              "units", month(2011, 1), country="United Kingdom"),
        total("country",
              "I am trying to work out roughly how much the average order was worth for the "
              "Netherlands customers over the whole of this year, if you can",
              "aov", YTD, country="Netherlands"),
        ranking("ranking",
                "can you tell me more or less which five products brought in the most money in "
                "September, if you dont mind",
                "product", "revenue", 5, month(2011, 9)),
        total("product",
              "the please one person metal sign, I would like to know roughly how many of those we "
              "sold from October to December this year, if you can",
              "units", (D(2011, 10, 1), D(2011, 12, 31)), code=sign),
        total("total",
              "how much did we make roughly speaking on the 14th of November, that Monday, if you "
              "could check",
              "revenue", (D(2011, 11, 14), D(2011, 11, 14))),
        total("rates",
              "what was the return rate for the customers over in Germany more or less, if you could "
              "look at the whole year so far",
              "return_rate", YTD, country="Germany"),
        total("total",
              "over last week, so the Monday to Sunday just gone, how many different customers "
              "ordered from us more or less",
              "customers", LAST_WEEK),
        total("per_customer",
              "if you have it and more or less is fine, the revenue per customer for our Irish "
              "customers this year",
              "revenue_per_customer", YTD, country="EIRE"),
        compare("change",
                "I wonder how the average order value in October compared to September in percent "
                "roughly, was it better or worse, if you can tell",
                "aov", month(2011, 10), month(2011, 9)),
        total("total",
              "roughly how many orders have come in so far this month, if you can count them for me",
              "orders", (D(2011, 12, 1), TODAY)),
        total("rates",
              "for 2011 so far more or less, what was our repeat rate for the people buying from "
              "France, if you can find it",
              "repeat_rate", YTD, country="France"),
        total("product",
              "please if you can tell me, between the 1st of February and the 15th of March, roughly "
              "how many units in total we sold of the strawberry trinket box",
              "units", (D(2011, 2, 1), D(2011, 3, 15)), code=trinket),
        total("new",
              "roughly how many new customers came to us in the whole of the first quarter of the "
              "year, if you could count them",
              "new_customers", Q1),
        total("product",
              "the union jack memoboard, more or less how much money did it bring in for the first "
              "half of this year if you can",
              "revenue", (D(2011, 1, 1), D(2011, 6, 30)), code=memoboard),
    ]
    return qs


def main():
    qs = questions()
    with open(OUT, "w", encoding="utf-8") as fh:
        for q in qs:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"wrote {len(qs)} questions to {OUT}")


if __name__ == "__main__":
    main()
