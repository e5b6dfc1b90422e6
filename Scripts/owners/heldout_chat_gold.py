#!/usr/bin/env python3
"""Held-out "chat transcript" owner questions and their gold answers.

    python3 Scripts/owners/heldout_chat_gold.py      # writes Scripts/owners/heldout_chat.jsonl

How this set was written: every question below was written by hand, one at a time, in the style of
messages a shop owner sends a bookkeeper over a few weeks in a team chat or on WhatsApp: voice
dictation artefacts (no punctuation, "um", run-on sentences), a question tucked into a longer message
with context before and after it, the odd typo, mixed time expressions ("the last full quarter",
"the first 10 days of November", "the first fortnight of October", "yesterday"), corrections ("not
units, the revenue"), countries by name or demonym, customers by id and products as remembered. No
template, generator or persona list was used, and none of the project's existing question files or
templates were read while writing it.

The gold answers are computed here, independently, in plain Python from the raw CSV by the README's
definitions ("## Owner analytics"); this file shares no code with gold.py or with the server.

THIS SET IS HELD OUT. It must never be used for training, for tuning parsing rules, for writing
templates or for any other development of the server: it exists only to measure it. Do not read the
questions when working on the parser.
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT = os.path.join(HERE, "heldout_chat.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date


# ------------------------------------------------------------------------------ data
def parse_day(text):
    day = text.strip().split()[0]
    if "-" in day:
        y, m, d = day.split("-")
    else:
        m, d, y = day.split("/")
    return D(int(y), int(m), int(d))


def load():
    rows = []
    with open(CSV, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cust = r["CustomerID"].strip()
            if cust.endswith(".0"):
                cust = cust[:-2]
            inv = r["InvoiceNo"].strip()
            rows.append({"inv": inv, "code": r["StockCode"].strip().upper(), "desc": r["Description"],
                         "qty": int(r["Quantity"]), "day": parse_day(r["InvoiceDate"]),
                         "price": float(r["UnitPrice"]), "cust": cust, "country": r["Country"].strip(),
                         "cancel": inv.upper().startswith("C")})
    return rows


ROWS = load()
DESCS = defaultdict(Counter)
for _r in ROWS:
    if _r["desc"].strip():
        DESCS[_r["code"]][_r["desc"].strip()] += 1
NAME = {code: cnt.most_common(1)[0][0] for code, cnt in DESCS.items()}
FIRST = {}
for _r in sorted(ROWS, key=lambda r: r["day"]):
    if _r["cust"] and not _r["cancel"] and _r["cust"] not in FIRST:
        FIRST[_r["cust"]] = _r["day"]


def words(text):
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", text.lower())}


def product(phrase):
    """The one stock code whose descriptions hold every word of the phrase (plurals folded)."""
    want = words(phrase)
    codes = {code for code, cnt in DESCS.items() for d in cnt if want <= words(d)}
    assert len(codes) == 1, (phrase, sorted(NAME[c] for c in codes))
    return codes.pop()


def lines(start, end, product=None, country=None, customer=None):
    end = min(end, TODAY) if end else TODAY
    return [r for r in ROWS
            if (start is None or r["day"] >= start) and r["day"] <= end
            and (product is None or r["code"] == product)
            and (country is None or r["country"] == country)
            and (customer is None or r["cust"] == customer)]


def value(rows, metric, start=None):
    revenue = sum(r["qty"] * r["price"] for r in rows)
    orders = {r["inv"] for r in rows if not r["cancel"]}
    customers = {r["cust"] for r in rows if r["cust"] and not r["cancel"]}
    if metric == "revenue":
        return round(revenue, 2)
    if metric == "units":
        return sum(r["qty"] for r in rows)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(customers)
    if metric == "aov":
        return round(revenue / len(orders), 4)
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in rows:
            if r["cust"] and not r["cancel"]:
                per[r["cust"]].add(r["inv"])
        return round(100.0 * sum(1 for s in per.values() if len(s) > 1) / len(per), 4)
    if metric == "basket_size":
        return round(sum(r["qty"] for r in rows if not r["cancel"]) / len(orders), 4)
    if metric == "return_rate":
        invoices = {r["inv"] for r in rows}
        return round(100.0 * len({r["inv"] for r in rows if r["cancel"]}) / len(invoices), 4)
    if metric == "revenue_per_customer":
        return round(sum(r["qty"] * r["price"] for r in rows if r["cust"]) / len(customers), 4)
    if metric == "new_customers":
        return sum(1 for c in customers if start is None or FIRST[c] >= start)
    raise ValueError(metric)


def ranked(group, metric, n, start, end, **filters):
    totals = defaultdict(float)
    for r in lines(start, end, **filters):
        key = {"product": r["code"], "country": r["country"], "customer": r["cust"]}[group]
        if key:
            totals[key] += r["qty"] * r["price"] if metric == "revenue" else r["qty"]
    order = sorted(totals.items(), key=lambda kv: -kv[1])
    top = [round(v, 2) for _, v in order[:n + 1]]
    assert len(order) > n and all(top[i] - top[i + 1] >= 0.011 for i in range(n)), (group, metric, top)
    keys = [k for k, _ in order[:n]]
    for k in keys:
        assert not re.search(r"POSTAGE|MANUAL|DOTCOM|^M$|^POST$|^DOT$", NAME.get(k, k) if group == "product" else k)
    return keys


# ------------------------------------------------------------------------------ periods
NOV = (D(2011, 11, 1), D(2011, 11, 30))
OCT = (D(2011, 10, 1), D(2011, 10, 31))
SEP = (D(2011, 9, 1), D(2011, 9, 30))
AUG = (D(2011, 8, 1), D(2011, 8, 31))
FEB = (D(2011, 2, 1), D(2011, 2, 28))
MAR = (D(2011, 3, 1), D(2011, 3, 31))
Q1 = (D(2011, 1, 1), D(2011, 3, 31))
Q2 = (D(2011, 4, 1), D(2011, 6, 30))
Q3 = (D(2011, 7, 1), D(2011, 9, 30))          # also "the last full quarter", "last quarter"
Q4 = (D(2011, 10, 1), D(2011, 12, 10))         # this quarter so far, "since the start of October"
H1 = (D(2011, 1, 1), D(2011, 6, 30))
Y2011 = (D(2011, 1, 1), D(2011, 12, 10))       # this year (so far)
DEC10 = (D(2010, 12, 1), D(2010, 12, 31))
LAST_WEEK = (D(2011, 11, 28), D(2011, 12, 4))  # weeks start on Monday
THIS_WEEK = (D(2011, 12, 5), D(2011, 12, 10))
YESTERDAY = (D(2011, 12, 9), D(2011, 12, 9))
LAST_7 = (D(2011, 12, 4), D(2011, 12, 10))     # 3 Dec (a Saturday) has no sales, so 3-10 Dec is the same
SPRING = (D(2011, 3, 1), D(2011, 5, 31))
NOV_1_10 = (D(2011, 11, 1), D(2011, 11, 10))
OCT_1_14 = (D(2011, 10, 1), D(2011, 10, 14))
SINCE_JULY = (D(2011, 7, 1), D(2011, 12, 10))
DEC_SO_FAR = (D(2011, 12, 1), D(2011, 12, 10))
ALL = (None, None)


# ------------------------------------------------------------------------------ questions
def T(metric, period, **f):
    return ("total", metric, period, f)


def C(metric, a, b, **f):
    return ("compare", metric, (a, b), f)


def R(group, metric, n, period, **f):
    return ("ranking", metric, period, dict(f, group=group, n=n))


def MIX(period, **f):
    return ("mix", None, period, f)


P = product
QUESTIONS = [
    # ---- revenue
    ("chat_revenue", "Morning! Lorry was late again so I'm behind on everything. What was our revenu last month? Need it for the VAT chat with Sue later x",
     T("revenue", NOV)),
    ("chat_revenue", "um so how much did we take um this year so far in total like all the sales together",
     T("revenue", Y2011)),
    ("chat_revenue", "Hiya, hope the weekend was good. Can you tell me the revenue from the Germans in the last full quarter? Thinking about doing a trade fair in Cologne next spring, no rush",
     T("revenue", Q3, country="Germany")),
    ("chat_revenue", "what did the regency cakestands bring in during the first half of 2011",
     T("revenue", H1, product=P("regency cakestand"))),
    ("chat_revenue", "how much have we made off the dutch since the start of october",
     T("revenue", Q4, country="Netherlands")),
    ("chat_revenue", "yesterdays takings please the card machine total looks a bit off to me",
     T("revenue", YESTERDAY)),
    ("chat_revenue", "They've asked for a loyalty discount so I want to know what they're worth to us. How much revenue did customer 17450 bring in this year?",
     T("revenue", Y2011, customer="17450")),
    ("chat_revenue", "How much did France bring in for the whole of December 2010? Trying to plan the Christmas stock off the back of it.",
     T("revenue", DEC10, country="France")),
    ("chat_revenue", "total sales for the first 10 days of novmber pls",
     T("revenue", NOV_1_10)),
    ("chat_revenue", "how many rabbit night lights did we do in november, sorry not units, the revenue from them",
     T("revenue", NOV, product=P("rabbit night light"))),
    ("chat_revenue", "right so um the retrospot heart hot water bottles how much money did they make in the third quarter of 2011 thanks",
     T("revenue", Q3, product=P("retrospot heart hot water bottle"))),
    ("chat_revenue", "How much did Norway spend with us in 2011? The rep from Oslo is visiting Thursday.",
     T("revenue", Y2011, country="Norway")),
    # ---- units
    ("chat_units", "how many units did we shift last week all in",
     T("units", LAST_WEEK)),
    ("chat_units", "how many mini paint sets have we sold this year? thinking of reordering",
     T("units", Y2011, product=P("mini paint set"))),
    ("chat_units", "Hi it's Jo. How many of the white hanging heart t-light holders went out in October? The supplier wants numbers before they quote.",
     T("units", OCT, product=P("white hanging heart t-light holder"))),
    ("chat_units", "units sold to ireland in q2 2011",
     T("units", Q2, country="EIRE")),
    ("chat_units", "um how many jumbo bag red retrospots did we sell in the spring so march to may",
     T("units", SPRING, product=P("jumbo bag red retrospot"))),
    ("chat_units", "how many items did we sell yesterday",
     T("units", YESTERDAY)),
    ("chat_units", "just out of interest how many of those world war 2 gliders have we sold since we started, like ever",
     T("units", ALL, product=P("gliders"))),
    ("chat_units", "Number of units bought by customer 14646 since July? Their buyer rang asking for a volume rebate.",
     T("units", SINCE_JULY, customer="14646")),
    ("chat_units", "babushka hand warmers how many did we sell in december 2010 i remember them flying out",
     T("units", DEC10, product=P("hand warmer babushka"))),
    ("chat_units", "hows the red retrospot cake stand doing, how many units this year?",
     T("units", Y2011, product=P("red retrospot cake stand"))),
    # ---- orders
    ("chat_orders", "how many orders came in this week so far",
     T("orders", THIS_WEEK)),
    ("chat_orders", "How many orders did we get from the Swiss in 2011?",
     T("orders", Y2011, country="Switzerland")),
    ("chat_orders", "orders in september? also can you remind me to ring the courier about the damaged box",
     T("orders", SEP)),
    ("chat_orders", "how many separate orders has customer 12415 placed with us overall",
     T("orders", ALL, customer="12415")),
    ("chat_orders", "how many orders have we had over the last 7 days",
     T("orders", LAST_7)),
    ("chat_orders", "Quick one - how many orders had the welcome puppies doormat in them this year? Deciding whether to keep it on.",
     T("orders", Y2011, product=P("doormat welcome puppies"))),
    ("chat_orders", "orders from spain last quarter",
     T("orders", Q3, country="Spain")),
    # ---- customers
    ("chat_customers", "how many different custmers bought from us in november",
     T("customers", NOV)),
    ("chat_customers", "How many customers did we have in Australia this year? Mark thinks it's worth a separate price list.",
     T("customers", Y2011, country="Australia")),
    ("chat_customers", "How many distinct customers ordered in the first fortnight of October?",
     T("customers", OCT_1_14)),
    ("chat_customers", "how many customers have ever bought the spaceboy cutlery",
     T("customers", ALL, product=P("spaceboy cutlery"))),
    ("chat_customers", "customers from belgium this year how many",
     T("customers", Y2011, country="Belgium")),
    # ---- average order value
    ("chat_aov", "whats our average order value for last month",
     T("aov", NOV)),
    ("chat_aov", "average spend per order from the French this year? they seem to buy small",
     T("aov", Y2011, country="France")),
    ("chat_aov", "aov last quarter pls",
     T("aov", Q3)),
    ("chat_aov", "Accountant asked me this and I had no idea: what's the average order value for customer 17450, all time?",
     T("aov", ALL, customer="17450")),
    # ---- rankings
    ("chat_top_products", "top 5 products last month",
     R("product", "units", 5, NOV)),
    ("chat_top_products", "what were our 3 best sellers by revenue from july to september? putting together the autumn catalogue",
     R("product", "revenue", 3, Q3)),
    ("chat_top_products", "best selling products in germany top 3 by units",
     R("product", "units", 3, ALL, country="Germany")),
    ("chat_top_products", "So for the board slides, what are our top 5 products by revenue of all time? Cheers",
     R("product", "revenue", 5, ALL)),
    ("chat_top_products", "um what were the top 3 products in december 2010 by units sold",
     R("product", "units", 3, DEC10)),
    ("chat_top_products", "top 4 products this year by number sold",
     R("product", "units", 4, Y2011)),
    ("chat_top_countries", "top 3 countries by revenue this year",
     R("country", "revenue", 3, Y2011)),
    ("chat_top_countries", "which 3 countries bought the most units overall",
     R("country", "units", 3, ALL)),
    ("chat_top_countries", "Top 4 countries this quarter? want to see if Ireland is still up there",
     R("country", "revenue", 4, Q4)),
    ("chat_top_customers", "who were our top 5 customers in the first half of 2011",
     R("customer", "revenue", 5, H1)),
    ("chat_top_customers", "top 3 customers in germany? want to send them a thank-you card",
     R("customer", "revenue", 3, ALL, country="Germany")),
    ("chat_top_customers", "who were the top 3 custmers last month",
     R("customer", "revenue", 3, NOV)),
    ("chat_top_customers", "Top 5 customers in France please, going over there in January.",
     R("customer", "revenue", 5, ALL, country="France")),
    ("chat_top_customers", "who were our 4 biggest customers in the last full quarter",
     R("customer", "revenue", 4, Q3)),
    # ---- comparisons
    ("chat_compare", "how did november compare to october for revenue",
     C("revenue", NOV, OCT)),
    ("chat_compare", "revenu this month vs last month? feels quieter",
     C("revenue", DEC_SO_FAR, (D(2011, 11, 1), D(2011, 11, 10)))),
    ("chat_compare", "what's the percentage change in orders from Q2 to Q3",
     C("orders", Q3, Q2)),
    ("chat_compare", "german revenue october vs september as a percentage",
     C("revenue", OCT, SEP, country="Germany")),
    ("chat_compare", "compare customer numbers in march 2011 with february 2011",
     C("customers", MAR, FEB)),
    ("chat_compare", "um white hanging heart units november compared to october up or down",
     C("units", NOV, OCT, product=P("white hanging heart t-light holder"))),
    ("chat_compare", "How did the first quarter compare with the second for revenue?",
     C("revenue", Q1, Q2)),
    ("chat_compare", "percentage change in average order value from august to september",
     C("aov", SEP, AUG)),
    # ---- new and returning customers
    ("chat_new_customers", "how many new customers did we get last month",
     T("new_customers", NOV)),
    ("chat_new_customers", "how many brand new customers have we had in 2011 so far? the flyers were meant to help",
     T("new_customers", Y2011)),
    ("chat_new_customers", "how many first time customers from france in q3",
     T("new_customers", Q3, country="France")),
    ("chat_mix", "new vs returning customers in october",
     MIX(OCT)),
    ("chat_mix", "Can I get the split of new and returning customers this quarter? Wondering if the newsletter does anything",
     MIX(Q4)),
    ("chat_mix", "new v returning for the netherlands this year",
     MIX(Y2011, country="Netherlands")),
    # ---- repeat rate
    ("chat_repeat_rate", "what's our repeat customer rate this year",
     T("repeat_rate", Y2011)),
    ("chat_repeat_rate", "what share of customers ordered more than once in november",
     T("repeat_rate", NOV)),
    ("chat_repeat_rate", "repeat rate for germany all time",
     T("repeat_rate", ALL, country="Germany")),
    ("chat_repeat_rate", "so um in the last full quarter what percentage of customers came back and ordered again the repeat rate basically",
     T("repeat_rate", Q3)),
    # ---- basket size
    ("chat_basket_size", "how many items per order on average last month",
     T("basket_size", NOV)),
    ("chat_basket_size", "average basket size for the UK this year? in items not money",
     T("basket_size", Y2011, country="United Kingdom")),
    ("chat_basket_size", "items per order for customer 14646",
     T("basket_size", ALL, customer="14646")),
    ("chat_basket_size", "What was the average basket size in December 2010? Comparing against this Christmas.",
     T("basket_size", DEC10)),
    # ---- return rate
    ("chat_return_rate", "whats our return rate this year",
     T("return_rate", Y2011)),
    ("chat_return_rate", "what percentage of invoices were cancellations in november",
     T("return_rate", NOV)),
    ("chat_return_rate", "returns rate for the French all time? feels like they send a lot back",
     T("return_rate", ALL, country="France")),
    ("chat_return_rate", "return rate last quarter",
     T("return_rate", Q3)),
    # ---- revenue per customer
    ("chat_revenue_per_customer", "revenue per customer last month",
     T("revenue_per_customer", NOV)),
    ("chat_revenue_per_customer", "average revenue per customer in Germany in 2011?",
     T("revenue_per_customer", Y2011, country="Germany")),
    ("chat_revenue_per_customer", "roughly how much is each customer worth to us this year, revenue per customer i mean",
     T("revenue_per_customer", Y2011)),
    ("chat_revenue_per_customer", "revenue per customer for the netherlands over the whole period we've got",
     T("revenue_per_customer", ALL, country="Netherlands")),
]


def iso(d):
    return d.isoformat() if d else None


def filters_json(f):
    out = {}
    for k, v in f.items():
        out[k] = NAME[v] if k == "product" else v
    return out


def build():
    out = []
    for template, text, (kind, metric, period, f) in QUESTIONS:
        q = {"question": text, "template": template, "kind": kind}
        if kind == "total":
            start, end = period
            # rates are percentages that the server shows with one decimal, like percentage changes
            tol = {"abs": 0.05} if metric in ("repeat_rate", "return_rate") else {"rel": 0.005, "abs": 0.01}
            q.update(metric=metric, gold=value(lines(start, end, **f), metric, start), tolerance=tol)
            q.update({"from": iso(start), "to": iso(min(end, TODAY) if end else None), "filters": filters_json(f)})
        elif kind == "compare":
            (a0, a1), (b0, b1) = period
            va = value(lines(a0, a1, **f), metric, a0)
            vb = value(lines(b0, b1, **f), metric, b0)
            q.update(metric=metric, gold=round((va - vb) / vb * 100.0, 4), tolerance={"abs": 0.05},
                     periods=[[iso(a0), iso(a1)], [iso(b0), iso(b1)]], filters=filters_json(f),
                     values=[va, vb])
        elif kind == "ranking":
            f = dict(f)
            group, n = f.pop("group"), f.pop("n")
            start, end = period
            keys = ranked(group, metric, n, start, end, **f)
            q.update(metric=metric, group=group, n=n,
                     gold=[NAME[k] for k in keys] if group == "product" else keys, gold_ids=keys,
                     tolerance={})
            q.update({"from": iso(start), "to": iso(min(end, TODAY) if end else None), "filters": filters_json(f)})
        elif kind == "mix":
            start, end = period
            rows = lines(start, end, **f)
            custs = {r["cust"] for r in rows if r["cust"] and not r["cancel"]}
            new = sum(1 for c in custs if FIRST[c] >= start)
            q.update(metric="customers", gold=[new, len(custs) - new], tolerance={})
            q.update({"from": iso(start), "to": iso(min(end, TODAY)), "filters": filters_json(f)})
        out.append(q)
    return out


if __name__ == "__main__":
    qs = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for q in qs:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"wrote {len(qs)} questions to {OUT}")
