#!/usr/bin/env python3
"""Held-out owner questions that say HOW the owner wants the answer, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (the metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared with the server's answer), heldout_novice_gold.py (for its file layout, record
format, tolerances, CSV-parsing conventions and its "readings" approach; the computation below is
this file's own) and the Online Retail sample CSV.

The angle: every question carries an instruction about the FORM of the answer that must not change
what is asked: the unit ("in pounds please", "in sterling", "as a percentage"), the precision
("rounded is fine", "no need for decimals", "ballpark is okay but the exact figure is better", "to
the penny"), the layout ("just the number, no chart", "one line", "as a list", "top to bottom",
"biggest first", "with the names, not the codes") or the purpose ("for the newsletter", "in a
sentence I can paste into an email", "for my board slide"). The expected answer is always the exact
metric value, ranking or percent change README defines; the scorer compares within tolerance, so a
rounded answer is never expected.

Each question has one reading under README's definitions with the clock at 2011-12-10: every date
names its year or is a relative period README uses ("last month" = November 2011, "so far this
month" = 2011-12-01..10, no period = all time); comparisons are
of whole past periods; rankings are strictly ordered with a gap at the cut and hold no fee rows; a
product is named by words found in exactly one stock code's descriptions (`code_for()` stops
otherwise). Where a definition can be read several ways, every reading is computed (`VARIANTS`) and
a question is kept only if all agree within the record's tolerance (`main()` stops otherwise):
empty-description rows kept or skipped; a non-cancellation invoice with only negative lines counted
as an order or not and as a return or not; AOV over net or gross revenue; items per order over the
units of orders or over net units; new customers' first order store-wide or within the filter, by
non-cancellation invoice or by any line; repeat rate counting a customer's orders within the filter
or store-wide; rankings on net or gross figures.

NEVER use this file or heldout_forms.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_forms_gold.py      # writes Scripts/owners/heldout_forms.jsonl
"""

import csv
import datetime as dt
import itertools
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_forms.jsonl")
TODAY = dt.date(2011, 12, 10)

T_PCT = {"abs": 0.05}
T_MONEY = {"rel": 0.005, "abs": 0.01}
T_COUNT = {"abs": 0.01, "rel": 0.0}
T_RATIO = {"rel": 0.005, "abs": 0.01}
TOL = {"revenue": T_MONEY, "aov": T_MONEY, "units": T_COUNT, "orders": T_COUNT, "customers": T_COUNT,
       "new_customers": T_COUNT, "repeat_rate": T_PCT, "return_rate": T_PCT, "basket_size": T_RATIO}
COUNTRY_SHOWN = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


# ------------------------------------------------------------------------------ the CSV
def parse_day(text):
    first = text.strip().split(" ")[0]
    if "/" in first:
        m, d, y = map(int, first.split("/"))
    else:
        y, m, d = map(int, first.split("-"))
    return dt.date(y, m, d)


def parse_customer(text):
    text = text.strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def read_lines():
    out = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            inv = rec["InvoiceNo"].strip()
            out.append({"inv": inv, "code": rec["StockCode"].strip().upper(),
                        "desc": rec["Description"].strip(), "qty": int(rec["Quantity"]),
                        "price": float(rec["UnitPrice"]), "day": parse_day(rec["InvoiceDate"]),
                        "cust": parse_customer(rec["CustomerID"]), "country": rec["Country"].strip(),
                        "cancel": inv.upper().startswith("C")})
    return out


LINES = read_lines()
LAST_DAY = max(l["day"] for l in LINES)

# ------------------------------------------------------------------------------ readings
VARIANTS = {
    "blank": ("keep", "drop"),
    "adjust_order": ("yes", "no"),
    "adjust_return": ("no", "yes"),
    "aov_money": ("net", "gross"),
    "basket_units": ("orders", "net"),
    "first_by": ("order", "any"),
    "first_within": ("store", "filter"),
    "repeat_within": ("filter", "store"),
    "rank_on": ("net", "gross"),
}
USES = {
    "revenue": ["blank"], "units": ["blank"], "customers": ["blank"],
    "orders": ["blank", "adjust_order"],
    "aov": ["blank", "adjust_order", "aov_money"],
    "basket_size": ["blank", "adjust_order", "basket_units"],
    "return_rate": ["blank", "adjust_order", "adjust_return"],
    "new_customers": ["first_by", "first_within"],
    "repeat_rate": ["blank", "repeat_within"],
}


def each_reading(flags):
    base = {k: v[0] for k, v in VARIANTS.items()}
    for combo in itertools.product(*(VARIANTS[f] for f in flags)):
        yield {**base, **dict(zip(flags, combo))}


def base_lines(rd):
    return [l for l in LINES if l["desc"]] if rd["blank"] == "drop" else LINES


def negative_only(lines):
    qtys = defaultdict(list)
    for l in lines:
        if not l["cancel"]:
            qtys[l["inv"]].append(l["qty"])
    return {i for i, q in qtys.items() if max(q) < 0}


# ------------------------------------------------------------------------------ names
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


def code_for(phrase):
    want = words(phrase)
    hits = sorted({l["code"] for l in LINES if l["desc"] and want <= words(l["desc"])})
    if len(hits) != 1:
        raise SystemExit(f"product words {phrase!r} match {len(hits)} codes: {hits[:8]}")
    return hits[0]


def check(field, value):
    if not any(l[field] == value for l in LINES):
        raise SystemExit(f"no {field} {value!r} in the data")
    return value


def shown_name(code, rd):
    c = Counter(l["desc"] for l in base_lines(rd) if l["code"] == code and l["desc"])
    (top, n), *rest = c.most_common()
    return None if rest and rest[0][1] == n else top


# ------------------------------------------------------------------------------ periods
def mon(y, m):
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(y, m, 1), end


def qtr(y, q):
    return mon(y, 3 * q - 2)[0], mon(y, 3 * q)[1]


def yr(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


ALL_TIME = (None, None)
LAST_MONTH = mon(2011, 11)
MONTH_SO_FAR = (dt.date(2011, 12, 1), TODAY)


def bounded(period):
    return period[0], min(period[1] or TODAY, TODAY)


# ------------------------------------------------------------------------------ metrics
def select(lines, period, flt):
    lo, hi = bounded(period)
    return [l for l in lines if (lo is None or l["day"] >= lo) and l["day"] <= hi
            and all(l[f] == v for f, v in flt.items())]


def value(metric, period, flt, rd):
    every = base_lines(rd)
    sel = select(every, period, flt)
    odd = negative_only(every)
    orders = {l["inv"] for l in sel if not l["cancel"] and (rd["adjust_order"] == "yes" or l["inv"] not in odd)}
    people = {l["cust"] for l in sel if l["cust"] and not l["cancel"]}
    money = sum(l["qty"] * l["price"] for l in sel)
    if metric == "revenue":
        return money
    if metric == "units":
        return sum(l["qty"] for l in sel)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(people)
    if metric == "aov":
        if rd["aov_money"] == "gross":
            money = sum(l["qty"] * l["price"] for l in sel if not l["cancel"])
        return money / len(orders)
    if metric == "basket_size":
        pool = [l for l in sel if l["inv"] in orders] if rd["basket_units"] == "orders" else sel
        return sum(l["qty"] for l in pool) / len(orders)
    if metric == "return_rate":
        back = {l["inv"] for l in sel if l["cancel"] or (rd["adjust_return"] == "yes" and l["inv"] in odd)}
        return 100.0 * len(back) / len({l["inv"] for l in sel})
    if metric == "repeat_rate":
        pool = sel if rd["repeat_within"] == "filter" else select(every, period, {})
        invs = defaultdict(set)
        for l in pool:
            if l["cust"] in people and not l["cancel"]:
                invs[l["cust"]].add(l["inv"])
        return 100.0 * sum(len(invs[c]) >= 2 for c in people) / len(people)
    if metric == "new_customers":
        src = LINES if rd["first_within"] == "store" else select(LINES, ALL_TIME, flt)
        first = {}
        for l in src:
            if l["cust"] and (rd["first_by"] == "any" or not l["cancel"]):
                first[l["cust"]] = min(first.get(l["cust"], l["day"]), l["day"])
        lo = bounded(period)[0]
        return sum(1 for c in people if lo is None or first[c] >= lo)
    raise ValueError(metric)


FEES = re.compile(r"^(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|AMAZON|ADJUST|CRUK|SAMPLES)")


def rank(group, metric, n, period, rd):
    field = {"product": "code", "customer": "cust", "country": "country"}[group]
    totals = defaultdict(float)
    for l in select(base_lines(rd), period, {}):
        if rd["rank_on"] == "gross" and l["cancel"]:
            continue
        if l[field]:
            totals[l[field]] += l["qty"] * l["price"] if metric == "revenue" else l["qty"]
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:n + 1]
    vals = [round(v, 2) for _, v in top]
    if len(top) <= n or any(vals[i] - vals[i + 1] <= 0.011 for i in range(n)):
        return None
    keys = [k for k, _ in top[:n]]
    names = [shown_name(k, rd) for k in keys] if group == "product" else keys
    if group == "product" and (None in names or any(FEES.match(s) for s in names)):
        return None
    return keys, names, vals[:n]


def near(a, b, tol):
    return abs(a - b) <= tol.get("abs", 0.01) or abs(a - b) <= tol.get("rel", 0.005) * abs(b)


# ------------------------------------------------------------------------------ questions
QS = []


def q(section, text, kind, metric, period, base=None, group=None, n=None, **flt):
    QS.append(dict(section=section, text=text, kind=kind, metric=metric, period=period, base=base,
                   group=group, n=n, flt=flt))


UK, DE, FR = check("country", "United Kingdom"), check("country", "Germany"), check("country", "France")

S = "money"
q(S, "What did we take in September 2011? In pounds please, just the figure.",
  "total", "revenue", mon(2011, 9))
q(S, "How much has customer 15311 spent with us all told? One line is plenty.",
  "total", "revenue", ALL_TIME, cust=check("cust", "15311"))
q(S, "Revenue from the natural slate heart chalkboard in the first quarter of 2011, in sterling please.",
  "total", "revenue", qtr(2011, 1), code=code_for("natural slate heart chalkboard"))
q(S, "Give me last month's sales total as a single number I can drop into my spreadsheet.",
  "total", "revenue", LAST_MONTH)
q(S, "How much did our customers in Ireland spend in Q2 2011? Ballpark is okay but the exact figure "
     "is better.", "total", "revenue", qtr(2011, 2), country=check("country", "EIRE"))
q(S, "Total sales so far this month, no need for decimals.", "total", "revenue", MONTH_SO_FAR)
q(S, "For the newsletter: what did the rabbit night light bring in during 2011? Pounds and pence.",
  "total", "revenue", yr(2011), code=code_for("rabbit night light"))

S = "orders"
q(S, "How many orders came in during June 2011? Just the number, no chart.",
  "total", "orders", mon(2011, 6))
q(S, "Number of orders from Germany in 2011, plain figure please, no commentary.",
  "total", "orders", yr(2011), country=DE)
q(S, "How many orders has customer 14096 placed with us? Keep it to one line.",
  "total", "orders", ALL_TIME, cust=check("cust", "14096"))
q(S, "Orders in February 2011, quick and dirty is fine.", "total", "orders", mon(2011, 2))
q(S, "How many orders did France send us in November 2011? A one-word answer will do.",
  "total", "orders", mon(2011, 11), country=FR)

S = "units"
q(S, "How many units did we sell in October 2011? Whole number, no decimals needed.",
  "total", "units", mon(2011, 10))
q(S, "Units of the alarm clock bakelike red sold in 2011, just the count please.",
  "total", "units", yr(2011), code=code_for("alarm clock bakelike red"))
q(S, "How many units have gone to Switzerland since we started? A plain number for my notes.",
  "total", "units", ALL_TIME, country=check("country", "Switzerland"))
q(S, "How many of the jam making set with jars did we sell last month? Keep the answer short.",
  "total", "units", LAST_MONTH, code=code_for("jam making set with jars"))
q(S, "Units sold in August 2011, in a sentence I can paste into an email to the warehouse.",
  "total", "units", mon(2011, 8))

S = "customers"
q(S, "How many customers bought from us in June 2011? A single number, no breakdown.",
  "total", "customers", mon(2011, 6))
q(S, "Customer count for Belgium in 2011, just the headline number.",
  "total", "customers", yr(2011), country=check("country", "Belgium"))
q(S, "How many different customers have we had since we started? Rough is fine but exact is better.",
  "total", "customers", ALL_TIME)

S = "aov"
q(S, "What was the average order value for the Netherlands in 2011? In pounds, two decimals.",
  "total", "aov", yr(2011), country=check("country", "Netherlands"))
q(S, "Average order value for customer 14646 over all time, in sterling please.",
  "total", "aov", ALL_TIME, cust=check("cust", "14646"))
q(S, "Average order value in France during Q3 2011, to the penny please.",
  "total", "aov", qtr(2011, 3), country=FR)
q(S, "AOV for customer 15039 in 2011, as a plain figure for my board slide.",
  "total", "aov", yr(2011), cust=check("cust", "15039"))

S = "basket"
q(S, "On average how many items per order did Australia buy in 2011? One decimal is fine.",
  "total", "basket_size", yr(2011), country=check("country", "Australia"))
q(S, "Items per order for France in Q3 2011 - just the number, no explanation.",
  "total", "basket_size", qtr(2011, 3), country=FR)
q(S, "Basket size for customer 14096 in 2011, as a single figure please.",
  "total", "basket_size", yr(2011), cust=check("cust", "14096"))

S = "repeat"
q(S, "What share of our 2011 customers ordered two or more times? As a percentage, please.",
  "total", "repeat_rate", yr(2011))
q(S, "Repeat-customer rate for Germany in 2011, expressed as a percent.",
  "total", "repeat_rate", yr(2011), country=DE)
q(S, "Repeat customer rate for October 2011, in a sentence I can paste into an email.",
  "total", "repeat_rate", mon(2011, 10))

S = "new"
q(S, "How many new customers did we win in August 2011? Just the count, it's for the newsletter.",
  "total", "new_customers", mon(2011, 8))
q(S, "New customers from France in 2011, one line please.",
  "total", "new_customers", yr(2011), country=FR)
q(S, "How many first-time customers did we get from Germany in 2011? Number only.",
  "total", "new_customers", yr(2011), country=DE)

S = "returns"
q(S, "What was our return rate in Q1 2011, as a percentage?", "total", "return_rate", qtr(2011, 1))
q(S, "Return rate for Germany in 2011, as a percent; one decimal place is plenty.",
  "total", "return_rate", yr(2011), country=DE)
q(S, "Return rate for the United Kingdom in August 2011, as a percentage, no chart please.",
  "total", "return_rate", mon(2011, 8), country=UK)

S = "rank"
q(S, "Top 5 products by units in November 2011, biggest first, with the names, not the codes.",
  "ranking", "units", mon(2011, 11), group="product", n=5)
q(S, "Give me the top 3 customers of 2011 by revenue as a list, top to bottom.",
  "ranking", "revenue", yr(2011), group="customer", n=3)
q(S, "Top 5 countries by sales in Q2 2011, as a numbered list please.",
  "ranking", "revenue", qtr(2011, 2), group="country", n=5)
q(S, "Our 10 best-selling products by revenue in Q3 2011, names please rather than stock codes, "
     "highest first.", "ranking", "revenue", qtr(2011, 3), group="product", n=10)
q(S, "Who were our top 5 customers last month? Biggest spender first, as a list.",
  "ranking", "revenue", LAST_MONTH, group="customer", n=5)
q(S, "Top 4 countries by revenue in Q1 2011, just a list, no chart.",
  "ranking", "revenue", qtr(2011, 1), group="country", n=4)
q(S, "List the 3 best-selling products of all time by units, most first, one per line.",
  "ranking", "units", ALL_TIME, group="product", n=3)
q(S, "Top 5 products by revenue in October 2011, ranked top to bottom with their full names.",
  "ranking", "revenue", mon(2011, 10), group="product", n=5)

S = "change"
q(S, "By what percentage did revenue change in October 2011 compared with September 2011? Just the "
     "percent, please.", "compare", "revenue", mon(2011, 10), base=mon(2011, 9))
q(S, "Percent change in orders, November 2011 versus October 2011: one number with a % sign.",
  "compare", "orders", mon(2011, 11), base=mon(2011, 10))
q(S, "How did the number of customers in September 2011 compare with August 2011, as a percentage?",
  "compare", "customers", mon(2011, 9), base=mon(2011, 8))
q(S, "Units in March 2011 against February 2011, give me the change as a percent, plus or minus.",
  "compare", "units", mon(2011, 3), base=mon(2011, 2))
q(S, "Revenue for Germany, Q2 2011 vs Q1 2011, as a percentage change; rounded is fine.",
  "compare", "revenue", qtr(2011, 2), base=qtr(2011, 1), country=DE)
q(S, "Change in average order value for France, September 2011 versus August 2011, in percent.",
  "compare", "aov", mon(2011, 9), base=mon(2011, 8), country=FR)


# ------------------------------------------------------------------------------ gold
FIELD_NAME = {"country": "country", "cust": "customer", "code": "product"}


def resolve(x):
    kind, metric, flt = x["kind"], x["metric"], x["flt"]
    if kind == "ranking":
        outs = [rank(x["group"], metric, x["n"], x["period"], rd)
                for rd in each_reading(["rank_on", "blank"])]
        if None in outs or len({(tuple(o[0]), tuple(o[1])) for o in outs}) != 1:
            return None
        return outs[0]
    tol = T_PCT if kind == "compare" else TOL[metric]
    got = []
    for rd in each_reading(USES[metric]):
        a = value(metric, x["period"], flt, rd)
        if kind == "compare":
            b = value(metric, x["base"], flt, rd)
            a = (a - b) / b * 100.0
        got.append(a)
    return got[0] if all(near(g, got[0], tol) for g in got) else None


def build(x):
    g = resolve(x)
    if g is None:
        raise SystemExit(f"readings disagree or ranking tied: {x['text']}")
    lo, hi = bounded(x["period"])
    rec = {"question": x["text"], "template": "forms_" + x["section"], "kind": x["kind"],
           "metric": x["metric"]}
    if x["kind"] == "ranking":
        keys, names, vals = g
        rec.update(group=x["group"], n=x["n"], gold=names,
                   gold_ids=[COUNTRY_SHOWN.get(k, k) for k in keys] if x["group"] == "country" else keys,
                   gold_values=vals, tolerance=T_MONEY)
    elif x["kind"] == "compare":
        rec.update(gold=round(g, 4), tolerance=T_PCT,
                   compared_with=[str(x["base"][0]), str(x["base"][1])])
    else:
        rec.update(gold=g if isinstance(g, int) else round(g, 2 if x["metric"] == "revenue" else 4),
                   tolerance=TOL[x["metric"]])
    rec["from"] = str(lo) if lo else None
    rec["to"] = str(hi)
    rec["filters"] = {FIELD_NAME[k]: v for k, v in x["flt"].items()}
    return rec


def main():
    out = [build(x) for x in QS]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        if r["kind"] == "compare":
            assert r["to"] < str(LAST_DAY) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")
    print("per kind:  ", dict(Counter(r["kind"] for r in out)))
    print("per metric:", dict(Counter(r["metric"] for r in out)))
    print("per set:   ", dict(Counter(r["template"] for r in out)))


if __name__ == "__main__":
    main()
