#!/usr/bin/env python3
"""Held-out owner questions in the style of a VOICE ASSISTANT transcript, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the other held-out sets or the server's
parser. Each question is written as a shop owner would SAY it to a voice assistant while doing
something else, transcribed literally: sometimes a wake phrase or address at the start, numbers and
years spoken as words, little or no punctuation, fillers and self-interruptions, two filters at once,
comparisons put the way people talk. No templates, no generated variations.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_voice.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_voice_gold.py      # writes Scripts/owners/heldout_voice.jsonl
"""

import csv
import datetime as dt
import json
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_voice.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}


# ------------------------------------------------------------------------------------ data
def _date(text):
    day = text.strip().split()[0]
    if "-" in day:
        y, m, d = day.split("-")
    else:
        m, d, y = day.split("/")
    return D(int(y), int(m), int(d))


def load():
    recs = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cust = r["CustomerID"].strip()
            if cust.endswith(".0"):
                cust = cust[:-2]
            inv = r["InvoiceNo"].strip()
            recs.append({"inv": inv, "code": r["StockCode"].strip().upper(), "desc": r["Description"].strip(),
                         "qty": int(r["Quantity"]), "date": _date(r["InvoiceDate"]),
                         "price": float(r["UnitPrice"]), "cust": cust, "country": r["Country"].strip(),
                         "cancel": inv.upper().startswith("C")})
    return recs


RECS = load()
_counts = defaultdict(lambda: defaultdict(int))
for _r in RECS:
    if _r["desc"]:
        _counts[_r["code"]][_r["desc"]] += 1
NAME = {code: max(c.items(), key=lambda kv: kv[1])[0] for code, c in _counts.items()}
FIRST = {}
for _r in sorted(RECS, key=lambda r: r["date"]):
    if _r["cust"] and not _r["cancel"] and _r["cust"] not in FIRST:
        FIRST[_r["cust"]] = _r["date"]


def pick(start=None, end=None, country=None, product=None, customer=None):
    end = min(end, TODAY) if end else TODAY
    return [r for r in RECS
            if (start is None or r["date"] >= start) and r["date"] <= end
            and (country is None or r["country"] == country)
            and (product is None or r["code"] == product)
            and (customer is None or r["cust"] == customer)]


def value(metric, lines, start=None):
    revenue = sum(r["qty"] * r["price"] for r in lines)
    orders = {r["inv"] for r in lines if not r["cancel"]}
    custs = {r["cust"] for r in lines if r["cust"] and not r["cancel"]}
    if metric == "revenue":
        return round(revenue, 2)
    if metric == "units":
        return sum(r["qty"] for r in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(custs)
    if metric == "aov":
        return round(revenue / len(orders), 4)
    if metric == "basket_size":
        return round(sum(r["qty"] for r in lines if not r["cancel"]) / len(orders), 4)
    if metric == "return_rate":
        invs = {r["inv"] for r in lines}
        return round(100.0 * len({r["inv"] for r in lines if r["cancel"]}) / len(invs), 4)
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in lines:
            if r["cust"] and not r["cancel"]:
                per[r["cust"]].add(r["inv"])
        return round(100.0 * sum(1 for s in per.values() if len(s) > 1) / len(per), 4)
    if metric == "revenue_per_customer":
        return round(sum(r["qty"] * r["price"] for r in lines if r["cust"]) / len(custs), 4)
    if metric == "new_customers":
        return sum(1 for c in custs if start is None or FIRST[c] >= start)
    raise ValueError(metric)


def total(metric, start=None, end=None, **f):
    return value(metric, pick(start, end, **f), start)


def mix(start, end, **f):
    custs = {r["cust"] for r in pick(start, end, **f) if r["cust"] and not r["cancel"]}
    new = sum(1 for c in custs if FIRST[c] >= start)
    return [new, len(custs) - new]


def change(metric, a, b, **f):
    va, vb = total(metric, *a, **f), total(metric, *b, **f)
    return round((va - vb) / vb * 100.0, 4)


def ranking(group, metric, n, start=None, end=None, **f):
    acc = defaultdict(float)
    for r in pick(start, end, **f):
        key = {"product": r["code"], "country": r["country"], "customer": r["cust"]}[group]
        if key:
            acc[key] += r["qty"] * r["price"] if metric == "revenue" else r["qty"]
    ranked = sorted(acc.items(), key=lambda kv: -kv[1])
    top = [round(v, 2) for _, v in ranked[:n + 1]]
    assert len(ranked) > n and all(top[i] - top[i + 1] > 0.011 for i in range(n)), (group, metric, n, top)
    keys = [k for k, _ in ranked[:n]]
    assert not any(NAME.get(k, k).upper().startswith(("POSTAGE", "DOTCOM", "MANUAL", "DISCOUNT")) for k in keys)
    return keys


# ------------------------------------------------------------------------------- questions
# (question, topic, kind, metric, from, to, filters)  -- filters: country / product / customer
Q = []


def add(question, topic, kind, metric, start=None, end=None, n=None, group=None, alt=None, **filters):
    Q.append(dict(question=question, topic=topic, kind=kind, metric=metric, start=start, end=end,
                  n=n, group=group, alt=alt, filters=filters))


M = lambda y, m: (D(y, m, 1), (D(y, m + 1, 1) if m < 12 else D(y + 1, 1, 1)) - dt.timedelta(days=1))
Y11 = (D(2011, 1, 1), D(2011, 12, 31))

# totals over plain periods
add("okay shop assistant what was revenue for march twenty eleven", "revenue", "total", "revenue", *M(2011, 3))
add("hey how many units did we sell in the first quarter of twenty eleven", "units", "total", "units",
    D(2011, 1, 1), D(2011, 3, 31))
add("right so how many uh orders came in during october", "orders", "total", "orders", *M(2011, 10))
add("how many different customers bought something in august twenty eleven", "customers", "total",
    "customers", *M(2011, 8))
add("whats the average order value for september", "aov", "total", "aov", *M(2011, 9))
add("total sales on the twenty first of november", "revenue", "total", "revenue", D(2011, 11, 21), D(2011, 11, 21))
add("hey shop assistant what did we take between the first and the fifteenth of november twenty eleven",
    "revenue", "total", "revenue", D(2011, 11, 1), D(2011, 11, 15))
add("okay so revenue in twenty ten", "revenue", "total", "revenue", D(2010, 1, 1), D(2010, 12, 31))
add("how many customers have we had so far this month", "customers", "total", "customers",
    D(2011, 12, 1), TODAY)
add("units sold from the fourteenth to the twentieth of november", "units", "total", "units",
    D(2011, 11, 14), D(2011, 11, 20))
add("um whats the aov been this year", "aov", "total", "aov", D(2011, 1, 1), TODAY)
add("how many orders did we get in the last quarter", "orders", "total", "orders", D(2011, 7, 1), D(2011, 9, 30))

# two filters: country and period
add("hey shop assistant revenue from germany in november twenty eleven", "country", "total", "revenue",
    *M(2011, 11), country="Germany")
add("how many customers in france bought from us in the second half of twenty eleven", "country", "total",
    "customers", D(2011, 7, 1), D(2011, 12, 31), country="France")
add("average order value for the netherlands this year", "country", "total", "aov", D(2011, 1, 1), TODAY,
    country="Netherlands")
add("okay how many orders has ireland placed with us", "country", "total", "orders", country="EIRE")
add("orders from spain between april and june twenty eleven", "country", "total", "orders",
    D(2011, 4, 1), D(2011, 6, 30), country="Spain")
add("right how many units went to australia in twenty eleven", "country", "total", "units", *Y11,
    country="Australia")

# one product, sometimes with a country or period
add("how many regency cakestands did we sell to france", "product", "total", "units", country="France",
    product="22423")
add("how much money did the jumbo bag red retrospot bring in last month", "product", "total", "revenue",
    *M(2011, 11), product="85099B")
add("how many rabbit night lights have we sold altogether", "product", "total", "units", product="23084")
add("how many of the white hanging heart tea light holders went out in december twenty ten", "product",
    "total", "units", *M(2010, 12), product="85123A")
add("revenue for the jam making set with jars in twenty eleven", "product", "total", "revenue", *Y11,
    product="22960")
add("hey how many gumball coat racks did we sell in the uk", "product", "total", "units",
    country="United Kingdom", product="22467")
add("how many of the world war two gliders did we sell in the fourth quarter", "product", "total", "units",
    D(2011, 10, 1), D(2011, 12, 31), product="84077")
add("what did the red bakelike alarm clock make us this year", "product", "total", "revenue",
    D(2011, 1, 1), TODAY, product="22727")

# a customer, sometimes with a period
add("what has customer 12415 spent with us in total", "customer", "total", "revenue", customer="12415")
add("how many orders did customer seventeen five eleven place in twenty eleven", "customer", "total",
    "orders", *Y11, customer="17511")
add("okay shop assistant how much did customer 17450 spend in january", "customer", "total", "revenue",
    *M(2011, 1), customer="17450")
add("how many units did customer 15311 buy in the third quarter", "customer", "total", "units",
    D(2011, 7, 1), D(2011, 9, 30), customer="15311")
add("average order value for customer 14646", "customer", "total", "aov", customer="14646")

# rankings
add("top five products in november twenty eleven", "rank_products", "ranking", "units", *M(2011, 11),
    n=5, group="product")
add("hey what are my top three products by revenue this year", "rank_products", "ranking", "revenue",
    D(2011, 1, 1), TODAY, n=3, group="product")
add("which are my top four countries by revenue in twenty eleven", "rank_countries", "ranking", "revenue",
    *Y11, n=4, group="country")
add("okay top three customers by revenue in october", "rank_customers", "ranking", "revenue", *M(2011, 10),
    n=3, group="customer")
add("top five products in germany by units", "rank_products", "ranking", "units", n=5, group="product",
    country="Germany")
add("whats selling best in france this year top three by units", "rank_products", "ranking", "units",
    D(2011, 1, 1), TODAY, n=3, group="product", country="France")
add("right so top six uk customers by revenue for the first half of twenty eleven", "rank_customers",
    "ranking", "revenue", D(2011, 1, 1), D(2011, 6, 30), n=6, group="customer", country="United Kingdom")
add("what were the top two products um by revenue in december twenty ten", "rank_products", "ranking",
    "revenue", *M(2010, 12), n=2, group="product")
add("top four products by units from june to august twenty eleven", "rank_products", "ranking", "units",
    D(2011, 6, 1), D(2011, 8, 31), n=4, group="product")
add("top five customers in germany", "rank_customers", "ranking", "revenue", n=5, group="customer",
    country="Germany")
add("hey which three countries brought in the most money last month", "rank_countries", "ranking",
    "revenue", *M(2011, 11), n=3, group="country", alt={"EIRE": "Ireland"})

# percentage changes
add("how did november twenty eleven revenue stack up against october", "compare", "compare", "revenue",
    *M(2011, 11), alt=M(2011, 10))
add("okay is revenue up or down on last month", "compare", "compare", "revenue", D(2011, 12, 1), TODAY,
    alt=(D(2011, 11, 1), D(2011, 11, 10)))
add("orders in september compared with august percentage wise", "compare", "compare", "orders",
    *M(2011, 9), alt=M(2011, 8))
add("how do units for the third quarter compare to the second quarter of twenty eleven", "compare",
    "compare", "units", D(2011, 7, 1), D(2011, 9, 30), alt=(D(2011, 4, 1), D(2011, 6, 30)))
add("customers in october versus september twenty eleven whats the change", "compare", "compare",
    "customers", *M(2011, 10), alt=M(2011, 9))
add("hey how did germany do in the third quarter against the second quarter revenue wise", "compare",
    "compare", "revenue", D(2011, 7, 1), D(2011, 9, 30), alt=(D(2011, 4, 1), D(2011, 6, 30)),
    country="Germany")
add("average order value march versus february twenty eleven hows that changed", "compare", "compare", "aov",
    *M(2011, 3), alt=M(2011, 2))
add("how did the regency cakestand do in october compared to september for revenue", "compare", "compare",
    "revenue", *M(2011, 10), alt=M(2011, 9), product="22423")

# new and returning customers
add("new versus returning customers in november twenty eleven", "mix", "mix", "mix", *M(2011, 11))
add("okay shop assistant how many new customers did we get in september", "new_customers", "total",
    "new_customers", *M(2011, 9))
add("how many new customers from germany this year", "new_customers", "total", "new_customers",
    D(2011, 1, 1), TODAY, country="Germany")
add("of the people who bought in october how many were new and how many had bought before", "mix", "mix",
    "mix", *M(2011, 10))

# repeat rate
add("whats my repeat customer rate for twenty eleven", "repeat_rate", "total", "repeat_rate", *Y11)
add("hey repeat rate for france in twenty eleven", "repeat_rate", "total", "repeat_rate", *Y11,
    country="France")
add("what share of customers ordered more than once in the fourth quarter", "repeat_rate", "total",
    "repeat_rate", D(2011, 10, 1), D(2011, 12, 31))

# basket size
add("how many items per order on average in november", "basket_size", "total", "basket_size", *M(2011, 11))
add("right average basket size for the uk in twenty eleven", "basket_size", "total", "basket_size", *Y11,
    country="United Kingdom")
add("basket size from the first of march to the thirty first of may twenty eleven", "basket_size", "total",
    "basket_size", D(2011, 3, 1), D(2011, 5, 31))

# return rate
add("whats the return rate for october twenty eleven", "return_rate", "total", "return_rate", *M(2011, 10))
add("okay return rate for germany", "return_rate", "total", "return_rate", country="Germany")
add("what percentage of invoices were cancellations in december twenty ten", "return_rate", "total",
    "return_rate", *M(2010, 12))

# revenue per customer
add("revenue per customer in the third quarter", "revenue_per_customer", "total", "revenue_per_customer",
    D(2011, 7, 1), D(2011, 9, 30))
add("hey how much does each customer spend on average in twenty eleven", "revenue_per_customer", "total",
    "revenue_per_customer", *Y11)
add("revenue per customer for australia", "revenue_per_customer", "total", "revenue_per_customer",
    country="Australia")


# ----------------------------------------------------------------------------------- write
def main():
    out = []
    for q in Q:
        f = {k: v for k, v in q["filters"].items() if v is not None}
        rec = {"question": q["question"], "template": "voice_" + q["topic"], "kind": q["kind"],
               "metric": q["metric"]}
        if q["kind"] == "total":
            rec["gold"] = total(q["metric"], q["start"], q["end"], **f)
            rec["tolerance"] = PCT if q["metric"] in ("repeat_rate", "return_rate") else \
                COUNT if q["metric"] in ("units", "orders", "customers", "new_customers") else \
                RATIO if q["metric"] == "basket_size" else MONEY
        elif q["kind"] == "compare":
            rec["gold"] = change(q["metric"], (q["start"], q["end"]), q["alt"], **f)
            rec["tolerance"] = PCT
            rec["compared_with"] = [str(q["alt"][0]), str(q["alt"][1])]
        elif q["kind"] == "mix":
            rec["gold"] = mix(q["start"], q["end"], **f)
            rec["tolerance"] = COUNT
        else:
            keys = ranking(q["group"], q["metric"], q["n"], q["start"], q["end"], **f)
            rec["group"], rec["n"] = q["group"], q["n"]
            if q["group"] == "product":
                rec["gold"], rec["gold_ids"] = [NAME[k] for k in keys], keys
            elif q["group"] == "country":
                rec["gold"], rec["gold_ids"] = keys, [(q["alt"] or {}).get(k, k) for k in keys]
            else:
                rec["gold"], rec["gold_ids"] = keys, keys
            rec["tolerance"] = MONEY
        rec["from"] = str(q["start"]) if q["start"] else None
        rec["to"] = str(min(q["end"], TODAY)) if q["end"] else str(TODAY)
        rec["filters"] = f
        out.append(rec)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")


if __name__ == "__main__":
    main()
