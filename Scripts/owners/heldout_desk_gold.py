#!/usr/bin/env python3
"""Held-out owner questions in the style of a DESK CHAT BOX during bookkeeping, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the other held-out sets' questions or the
server's parser (only heldout_voice_gold.py was read, as a format reference for this file). Each
question is what an owner TYPES into the chat box at their desk while doing the books: terse, mostly
lower case, business shorthand ("rev", "qty", "# of orders", "cust", "aov", "mom", "yoy", "wk", "Q2",
"H1", "ytd"), the odd typo in an ordinary word, dates written every which way ("3/2011", "mar '11",
"2011-03", "1st-15th nov", "wk of 14 nov", "last 2 full mths", "since sept", "jun thru aug", "first half
of the year"), sometimes a reason tacked on ("for the VAT return", "need this for the bank"), products
half-remembered by a few words of their description (each set of words checked to occur in exactly one
product's descriptions), countries by name or demonym, customers by id. No templates, no generated
variations.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_desk.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_desk_gold.py      # writes Scripts/owners/heldout_desk.jsonl
"""

import csv
import datetime as dt
import json
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_desk.jsonl")
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
YTD = (D(2011, 1, 1), TODAY)
Q1, Q2, Q3 = (D(2011, 1, 1), D(2011, 3, 31)), (D(2011, 4, 1), D(2011, 6, 30)), (D(2011, 7, 1), D(2011, 9, 30))
H1, H2 = (D(2011, 1, 1), D(2011, 6, 30)), (D(2011, 7, 1), D(2011, 12, 31))
SINCE_SEPT = (D(2011, 9, 1), TODAY)
JUN_AUG = (D(2011, 6, 1), D(2011, 8, 31))

# plain totals over a period
add("rev for 3/2011 pls, doing the VAT return", "revenue", "total", "revenue", *M(2011, 3))
add("total rev 1st\u201315th nov", "revenue", "total", "revenue", D(2011, 11, 1), D(2011, 11, 15))
add("need q2 rev for the bank", "revenue", "total", "revenue", *Q2)
add("rev wk of 14 nov?", "revenue", "total", "revenue", D(2011, 11, 14), D(2011, 11, 20))

add("qty sold 2011-03", "units", "total", "units", *M(2011, 3))
add("total qty since sept", "units", "total", "units", *SINCE_SEPT)
add("units last 2 full mths", "units", "total", "units", D(2011, 10, 1), D(2011, 11, 30))

add("# of orders in mar '11", "orders", "total", "orders", *M(2011, 3))
add("# orders jun thru aug", "orders", "total", "orders", *JUN_AUG)
add("how many orders 28 nov - 4 dec", "orders", "total", "orders", D(2011, 11, 28), D(2011, 12, 4))

add("# of cust who bought in 2011-10", "customers", "total", "customers", *M(2011, 10))
add("how many diff customers first half of the year", "customers", "total", "customers", *H1)
add("cust count ytd, its for the buisness plan", "customers", "total", "customers", *YTD)

add("aov nov '11", "aov", "total", "aov", *M(2011, 11))
add("avg order value H1", "aov", "total", "aov", *H1)
add("whats teh aov since sept", "aov", "total", "aov", *SINCE_SEPT)

# a country (by name or demonym) and a period
add("german rev Q3", "country", "total", "revenue", *Q3, country="Germany")
add("# of orders from the dutch ytd", "country", "total", "orders", *YTD, country="Netherlands")
add("how many irish cust in 2011", "country", "total", "customers", *Y11, country="EIRE")
add("swiss qty 5/2011 to 7/2011", "country", "total", "units", D(2011, 5, 1), D(2011, 7, 31),
    country="Switzerland")
add("portuguese rev first half of 2011, acct wants it", "country", "total", "revenue", *H1, country="Portugal")

# a product by a few words of its description
add("qty of mini paint set jun thru aug", "product", "total", "units", *JUN_AUG, product="22492")
add("heart chalkboard rev ytd", "product", "total", "revenue", *YTD, product="22457")
add("skipping rope qty, all time", "product", "total", "units", product="21891")
add("bird ornament qty to the uk H1", "product", "total", "units", *H1, country="United Kingdom",
    product="84879")
add("jelly moulds rev since sept - checking stock value", "product", "total", "revenue", *SINCE_SEPT,
    product="22993")
add("# of orders w/ the black record frame in q4", "product", "total", "orders", D(2011, 10, 1), D(2011, 12, 31),
    product="21137")

# a customer by id
add("cust 14911 rev ytd, they want a statment", "customer", "total", "revenue", *YTD, customer="14911")
add("# of orders from cust 13089 in H2", "customer", "total", "orders", *H2, customer="13089")
add("qty bought by cust 18102 since sept", "customer", "total", "units", *SINCE_SEPT, customer="18102")
add("aov for cust 17841 q3", "customer", "total", "aov", *Q3, customer="17841")

# rankings
add("top 5 prods oct", "rank_products", "ranking", "units", *M(2011, 10), n=5, group="product")
add("top 3 sellers by rev H1", "rank_products", "ranking", "revenue", *H1, n=3, group="product")
add("top 10 items by qty 2011-09", "rank_products", "ranking", "units", *M(2011, 9), n=10, group="product")
add("best 4 products in france by qty 2011", "rank_products", "ranking", "units", *Y11, n=4,
    group="product", country="France")
add("top 5 prods for the uk wk of 21 nov", "rank_products", "ranking", "units", D(2011, 11, 21),
    D(2011, 11, 27), n=5, group="product", country="United Kingdom")

add("top 5 countries by rev ytd", "rank_countries", "ranking", "revenue", *YTD, n=5, group="country",
    alt={"EIRE": "Ireland"})
add("top 3 markets q2 by rev", "rank_countries", "ranking", "revenue", *Q2, n=3, group="country",
    alt={"EIRE": "Ireland"})
add("top 4 countries by rev since sept", "rank_countries", "ranking", "revenue", *SINCE_SEPT, n=4,
    group="country", alt={"EIRE": "Ireland"})

add("top 5 cust by rev 2011", "rank_customers", "ranking", "revenue", *Y11, n=5, group="customer")
add("top 3 cust nov", "rank_customers", "ranking", "revenue", *M(2011, 11), n=3, group="customer")
add("best 3 french cust ytd", "rank_customers", "ranking", "revenue", *YTD, n=3, group="customer",
    country="France")

# percentage changes
add("nov rev mom %", "compare", "compare", "revenue", *M(2011, 11), alt=M(2011, 10))
add("rev 1-9 dec yoy", "compare", "compare", "revenue", D(2011, 12, 1), D(2011, 12, 9),
    alt=(D(2010, 12, 1), D(2010, 12, 9)))
add("# orders Q3 vs Q2 % chg", "compare", "compare", "orders", *Q3, alt=Q2)
add("cust count oct vs sept, % diff", "compare", "compare", "customers", *M(2011, 10), alt=M(2011, 9))
add("50's paper chain kit rev nov v oct", "compare", "compare", "revenue", *M(2011, 11), alt=M(2011, 10),
    product="22086")
add("french aov q3 vs q2 % change", "compare", "compare", "aov", *Q3, alt=Q2, country="France")

# new and returning customers
add("new vs returning cust oct", "mix", "mix", "mix", *M(2011, 10))
add("split of new v existing customers since sept", "mix", "mix", "mix", *SINCE_SEPT)

add("# new cust Q1", "new_customers", "total", "new_customers", *Q1)
add("how many first time buyers in nov", "new_customers", "total", "new_customers", *M(2011, 11))

# repeat-customer rate
add("repeat rate H1", "repeat_rate", "total", "repeat_rate", *H1)
add("repeat cust % for the uk ytd", "repeat_rate", "total", "repeat_rate", *YTD, country="United Kingdom")

# items per order
add("avg items per order 2011-10", "basket_size", "total", "basket_size", *M(2011, 10))
add("basket size germany ytd", "basket_size", "total", "basket_size", *YTD, country="Germany")

# return rate
add("return rate Q3, accountant asked", "return_rate", "total", "return_rate", *Q3)
add("return rate ireland 2011", "return_rate", "total", "return_rate", *Y11, country="EIRE")

# revenue per customer
add("rev per cust H1", "revenue_per_customer", "total", "revenue_per_customer", *H1)
add("norwegian rev/cust 2011", "revenue_per_customer", "total", "revenue_per_customer", *Y11,
    country="Norway")


# ----------------------------------------------------------------------------------- write
def main():
    out = []
    for q in Q:
        f = {k: v for k, v in q["filters"].items() if v is not None}
        rec = {"question": q["question"], "template": "desk_" + q["topic"], "kind": q["kind"],
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
