#!/usr/bin/env python3
"""Held-out owner questions TYPED FAST ON A PHONE, with realistic typos, and independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_novice_gold.py (for its file layout, record format, tolerances, CSV
parsing conventions and its "readings" approach; the computation below is this file's own).

The angle: an owner thumbing questions into a phone between customers, all lower case, hardly any
punctuation, and 1-3 typos a question that a careful human still reads one way only:

  transposed letters   "reveune", "ordres", "novmeber", "custoemrs", "retrun", "jnue", "makign";
  dropped / doubled    "custmers", "revennue", "germay", "octobr", "unitss", "agust", "switzerlnd";
  neighbouring keys    "rrvenue", "ubits", "cudtomers", "hiw many";
  run-together words   "lastmonth", "thismonth", "whats", "whos";
  slips that stay      "teh", "fro" for "for", "form" for "from", "spedn", "cakstand" (a product
  clear to a human     word), "frnace", "germnay", "febraury".

Typos fall on metric words, month and country names, product words and function words. Metrics:
revenue, orders, units, customers, average order value, items per order, repeat-customer rate, new
customers, return rate, revenue per customer, rankings (products by units or revenue, customers,
countries) and the percent change between two whole past periods, with and without a country, a
customer or a product filter (a product named by words that match exactly one stock code's
descriptions, checked by `product()` on the words as spelt correctly).

Each question has one reading given README's definitions and the clock at 2011-12-10 ("last month" =
November 2011, "this year" = 2011-01-01 to 2011-12-10, "this month" = 2011-12-01 to 2011-12-10, no
period = all time). Where README's definitions can be read more than one way, every reading is
computed (`READINGS`) and a question is kept only when all of them agree within the record's
tolerance (`main()` stops otherwise, and such a question was replaced by hand).

NEVER use this file or heldout_typos.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_typos_gold.py      # writes Scripts/owners/heldout_typos.jsonl
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
OUT_PATH = os.path.join(HERE, "heldout_typos.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOL = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY, "units": COUNT, "orders": COUNT,
       "customers": COUNT, "new_customers": COUNT, "repeat_rate": PCT, "return_rate": PCT,
       "basket_size": RATIO}


# ------------------------------------------------------------------------------------ data
class Line:
    __slots__ = ("inv", "code", "desc", "qty", "price", "day", "cust", "country", "cancel")

    def __init__(self, rec):
        self.inv = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        stamp = rec["InvoiceDate"].strip().split()[0]
        if "-" in stamp:
            y, m, d = map(int, stamp.split("-"))
        else:
            m, d, y = map(int, stamp.split("/"))
        self.day = D(y, m, d)
        c = rec["CustomerID"].strip()
        self.cust = c[:-2] if re.fullmatch(r"\d+\.0", c) else c
        self.country = rec["Country"].strip()
        self.cancel = self.inv.upper().startswith("C")

    @property
    def money(self):
        return self.qty * self.price


with open(CSV_PATH, newline="", encoding="utf-8") as _fh:
    LINES = [Line(rec) for rec in csv.DictReader(_fh)]
DATA_FROM, DATA_TO = min(x.day for x in LINES), max(x.day for x in LINES)

# ------------------------------------------------------------------------------- readings
# First value of each = the reading taken as README's; the rest = other plausible readings.
READINGS = {
    "blank": ("keep", "drop"),                 # lines with an empty description (a bad row?)
    "adjust_order": ("yes", "no"),             # non-C invoice with only negative lines an order?
    "adjust_return": ("no", "yes"),            # ... or a return invoice?
    "aov_money": ("net", "gross"),             # average order value over net or gross revenue
    "rpc_money": ("identified", "buyers"),     # revenue per customer: which lines' money
    "first_kind": ("order", "any"),            # a customer's first order: first sale or first line
    "first_scope": ("store", "filter"),        # ... store-wide or inside the question's filter
    "basket_units": ("orders", "net"),         # items per order: units of orders or net units
    "repeat_scope": ("filter", "store"),       # repeat rate: orders counted inside the filter or all
    "rank": ("net", "gross"),                  # rankings on net or gross (no cancellations) figures
    "name_blank": ("ignore", "count"),         # empty descriptions in the product's name vote
}
NEEDS = {
    "revenue": ["blank"], "units": ["blank"], "customers": ["blank"],
    "orders": ["blank", "adjust_order"],
    "aov": ["blank", "adjust_order", "aov_money"],
    "revenue_per_customer": ["blank", "rpc_money"],
    "basket_size": ["blank", "adjust_order", "basket_units"],
    "return_rate": ["blank", "adjust_order", "adjust_return"],
    "repeat_rate": ["blank", "repeat_scope"],
    "new_customers": ["blank", "first_kind", "first_scope"],
    "ranking": ["blank", "rank", "name_blank"],
}


def readings(metric):
    flags = NEEDS[metric]
    base = {f: v[0] for f, v in READINGS.items()}
    for combo in itertools.product(*(READINGS[f] for f in flags)):
        yield dict(base, **dict(zip(flags, combo)))


def base_lines(rd):
    return LINES if rd["blank"] == "keep" else [x for x in LINES if x.desc]


def adjustments(lines):
    neg = defaultdict(lambda: True)
    for x in lines:
        if not x.cancel:
            neg[x.inv] = neg[x.inv] and x.qty < 0
    return {inv for inv, all_neg in neg.items() if all_neg}


# ----------------------------------------------------------------------------- naming things
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


def product(correct_words):
    """The single stock code whose descriptions hold every word (as spelt correctly)."""
    want = words(correct_words)
    codes = sorted({x.code for x in LINES if x.desc and want <= words(x.desc)})
    if len(codes) != 1:
        raise SystemExit(f"{correct_words!r} matches {len(codes)} stock codes: {codes[:8]}")
    return codes[0]


def country(name):
    assert any(x.country == name for x in LINES), name
    return name


def customer(ident):
    assert any(x.cust == ident and not x.cancel for x in LINES), ident
    return ident


# ------------------------------------------------------------------------------- periods
def month(y, m):
    end = (D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)) - dt.timedelta(days=1)
    return D(y, m, 1), end


def quarter(y, q):
    return month(y, 3 * q - 2)[0], month(y, 3 * q)[1]


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


H1_2011 = (D(2011, 1, 1), D(2011, 6, 30))
LAST_MONTH = month(2011, 11)
THIS_YEAR = (D(2011, 1, 1), TODAY)
THIS_MONTH = (D(2011, 12, 1), TODAY)
EVER = (None, None)


def clip(period):
    return period[0], min(period[1] or TODAY, TODAY)


# ------------------------------------------------------------------------------ computing
def select(lines, period, filt):
    start, end = clip(period)
    return [x for x in lines
            if (start is None or x.day >= start) and x.day <= end
            and x.country == filt.get("country", x.country)
            and x.cust == filt.get("customer", x.cust)
            and x.code == filt.get("code", x.code)]


def value(metric, period, filt, rd):
    every = base_lines(rd)
    adj = adjustments(every)
    sel = select(every, period, filt)
    orders = {x.inv for x in sel if not x.cancel and (rd["adjust_order"] == "yes" or x.inv not in adj)}
    buyers = {x.cust for x in sel if x.cust and not x.cancel}
    if metric == "revenue":
        return sum(x.money for x in sel)
    if metric == "units":
        return sum(x.qty for x in sel)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        money = sum(x.money for x in sel if rd["aov_money"] == "net" or not x.cancel)
        return money / len(orders)
    if metric == "revenue_per_customer":
        keep = (lambda x: x.cust) if rd["rpc_money"] == "identified" else (lambda x: x.cust in buyers)
        return sum(x.money for x in sel if keep(x)) / len(buyers)
    if metric == "basket_size":
        qty = sum(x.qty for x in sel if rd["basket_units"] == "net" or x.inv in orders)
        return qty / len(orders)
    if metric == "return_rate":
        back = {x.inv for x in sel if x.cancel or (rd["adjust_return"] == "yes" and x.inv in adj)}
        return 100.0 * len(back) / len({x.inv for x in sel})
    if metric == "repeat_rate":
        pool = sel if rd["repeat_scope"] == "filter" else select(every, period, {})
        invs = defaultdict(set)
        for x in pool:
            if x.cust in buyers and not x.cancel:
                invs[x.cust].add(x.inv)
        return 100.0 * sum(len(invs[c]) >= 2 for c in buyers) / len(buyers)
    if metric == "new_customers":
        src = every if rd["first_scope"] == "store" else select(every, EVER, filt)
        first = {}
        for x in src:
            if x.cust and (rd["first_kind"] == "any" or not x.cancel):
                first[x.cust] = min(first.get(x.cust, x.day), x.day)
        start = clip(period)[0]
        return sum(1 for c in buyers if start is None or first[c] >= start)
    raise ValueError(metric)


FEES = re.compile(r"^(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|AMAZON|ADJUST|CRUK|SAMPLES)")


def ranked(group, metric, n, period, rd):
    sel = select(base_lines(rd), period, {})
    total = defaultdict(float)
    for x in sel:
        if rd["rank"] == "gross" and x.cancel:
            continue
        key = {"product": x.code, "country": x.country, "customer": x.cust}[group]
        if key:
            total[key] += x.money if metric == "revenue" else x.qty
    order = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [round(v, 2) for _, v in order[:n + 1]]
    if len(top) <= n or any(top[i] - top[i + 1] <= 0.011 for i in range(n)):
        return None                                       # a tie inside the top N or at its cut
    keys = [k for k, _ in order[:n]]
    if group != "product":
        return keys, keys, top[:n]
    votes = defaultdict(Counter)
    for x in base_lines(rd):
        if x.desc or rd["name_blank"] == "count":
            votes[x.code][x.desc] += 1
    names = []
    for k in keys:
        (best, c1), *rest = votes[k].most_common()
        if rest and rest[0][1] == c1:
            return None                                   # the product's name itself is a tie
        names.append(best)
    assert not [s for s in names if FEES.match(s)], names
    return keys, names, top[:n]


def close(a, b, tol):
    return abs(a - b) <= tol.get("abs", 0.01) or abs(a - b) <= tol.get("rel", 0.005) * abs(b)


# ----------------------------------------------------------------------------- questions
Q = []


def ask(template, text, kind, metric, period, n=None, group=None, base=None, **filt):
    Q.append(dict(template="typos_" + template, question=text, kind=kind, metric=metric, period=period,
                  n=n, group=group, base=base, filters={k: v for k, v in filt.items() if v}))


T = "revenue"
ask(T, "whats our reveune for novmeber 2011", "total", "revenue", month(2011, 11))
ask(T, "how much revennue did we do in germay in 2011", "total", "revenue", year(2011),
    country=country("Germany"))
ask(T, "rrvenue lastmonth from france", "total", "revenue", LAST_MONTH, country=country("France"))
ask(T, "total sales so far this yaer", "total", "revenue", THIS_YEAR)
ask(T, "how much did custmer 14911 spedn with us in q3 2011", "total", "revenue", quarter(2011, 3),
    customer=customer("14911"))
ask(T, "how much reveune did the regency cakstand bring in during october 2011", "total", "revenue",
    month(2011, 10), code=product("regency cakestand"))
ask(T, "revenue form the netherlands in the frist half of 2011", "total", "revenue", H1_2011,
    country=country("Netherlands"))

T = "orders"
ask(T, "how many ordres did we get in jnue 2011", "total", "orders", month(2011, 6))
ask(T, "nmber of orders from the netherlands in 2011", "total", "orders", year(2011),
    country=country("Netherlands"))
ask(T, "hiw many oders so far thismonth", "total", "orders", THIS_MONTH)
ask(T, "how many orders did customer 17841 place in augsut 2011", "total", "orders", month(2011, 8),
    customer=customer("17841"))
ask(T, "orders from spain in the secnd quarter of 2011", "total", "orders", quarter(2011, 2),
    country=country("Spain"))

T = "units"
ask(T, "how many ubits did we sell in agust 2011", "total", "units", month(2011, 8))
ask(T, "how many of teh jam makign set with jars did we sell in 2011", "total", "units", year(2011),
    code=product("jam making set with jars"))
ask(T, "unts sold to frnace in q2 2011", "total", "units", quarter(2011, 2), country=country("France"))
ask(T, "how many items did we sell in teh uk in febraury 2011", "total", "units", month(2011, 2),
    country=country("United Kingdom"))
ask(T, "units of the assorted colour bird ornamnet sold in march 2011", "total", "units",
    month(2011, 3), code=product("assorted colour bird ornament"))

T = "customers"
ask(T, "how many custmers did we have in octobr 2011", "total", "customers", month(2011, 10))
ask(T, "how many customers from switzerlnd have we ever had", "total", "customers", EVER,
    country=country("Switzerland"))
ask(T, "how many custoemrs ordered this month so far", "total", "customers", THIS_MONTH)
ask(T, "number of cudtomers in belgium in 2011", "total", "customers", year(2011),
    country=country("Belgium"))

T = "aov"
ask(T, "whats the averge order value for the netherlands in 2011", "total", "aov", year(2011),
    country=country("Netherlands"))
ask(T, "average order vlaue for customer 14646 in 2011", "total", "aov", year(2011),
    customer=customer("14646"))
ask(T, "avg order value in frnace for q3 2011", "total", "aov", quarter(2011, 3),
    country=country("France"))
ask(T, "avrage order value germnay in ocotber 2011", "total", "aov", month(2011, 10),
    country=country("Germany"))

T = "basket"
ask(T, "how many itmes per order in france in may 2011", "total", "basket_size", month(2011, 5),
    country=country("France"))
ask(T, "items per ordr for the netherlands in the first half of 2011", "total", "basket_size",
    H1_2011, country=country("Netherlands"))
ask(T, "avg baskte size for customer 14646 in 2011", "total", "basket_size", year(2011),
    customer=customer("14646"))

T = "loyalty"
ask(T, "whats our repaet customer rate for 2011", "total", "repeat_rate", year(2011))
ask(T, "repeat custmer rate in the uk lastmonth", "total", "repeat_rate", LAST_MONTH,
    country=country("United Kingdom"))
ask(T, "what percentge of customers ordered more than once in q3 2011", "total", "repeat_rate",
    quarter(2011, 3))
ask(T, "how many new custoemrs did we get in augsut 2011", "total", "new_customers", month(2011, 8))
ask(T, "new customers from germnay in 2011", "total", "new_customers", year(2011),
    country=country("Germany"))
ask(T, "how many new customers from frnace in septmber 2011", "total", "new_customers", month(2011, 9),
    country=country("France"))

T = "returns"
ask(T, "whats the retrun rate for januray 2011", "total", "return_rate", month(2011, 1))
ask(T, "return rate in q1 2011 as a percantage", "total", "return_rate", quarter(2011, 1))
ask(T, "retun rate fro germany in 2011", "total", "return_rate", year(2011), country=country("Germany"))

T = "per_customer"
ask(T, "revenue per cutsomer in 2011", "total", "revenue_per_customer", year(2011))
ask(T, "whats the revenue per customer in frnace lastmonth", "total", "revenue_per_customer",
    LAST_MONTH, country=country("France"))

T = "ranking"
ask(T, "top 5 products by unitss in octobr 2011", "ranking", "units", month(2011, 10), n=5,
    group="product")
ask(T, "top 3 custmers of all time", "ranking", "revenue", EVER, n=3, group="customer")
ask(T, "top 5 contries by revenue in q2 2011", "ranking", "revenue", quarter(2011, 2), n=5,
    group="country")
ask(T, "top 3 products by reveune in september 2011", "ranking", "revenue", month(2011, 9), n=3,
    group="product")
ask(T, "top 10 prodcuts lastmonth", "ranking", "units", LAST_MONTH, n=10, group="product")
ask(T, "whos our top cusomer in 2011", "ranking", "revenue", year(2011), n=1, group="customer")
ask(T, "top 2 countires this yaer", "ranking", "revenue", THIS_YEAR, n=2, group="country")

T = "change"
ask(T, "% change in reveune novmeber 2011 vs october 2011", "compare", "revenue", month(2011, 11),
    base=month(2011, 10))
ask(T, "prcent change in ordres from frnace q3 2011 vs q2 2011", "compare", "orders", quarter(2011, 3),
    base=quarter(2011, 2), country=country("France"))
ask(T, "how did units in febuary 2011 compare with janaury 2011 in percent", "compare", "units",
    month(2011, 2), base=month(2011, 1))
ask(T, "percent change in customers in germny q2 2011 vs q1 2011", "compare", "customers",
    quarter(2011, 2), base=quarter(2011, 1), country=country("Germany"))


# ---------------------------------------------------------------------------------- gold
FILTER_NAMES = {"country": "country", "code": "product", "customer": "customer"}
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


def gold(q):
    kind, metric, filt = q["kind"], q["metric"], q["filters"]
    if kind == "ranking":
        outs = [ranked(q["group"], metric, q["n"], q["period"], rd) for rd in readings("ranking")]
        if any(o is None for o in outs) or len({(tuple(o[0]), tuple(o[1])) for o in outs}) != 1:
            raise SystemExit(f"ranking differs between readings or ties: {q['question']}\n{outs}")
        return outs[0]
    if kind == "compare":
        vals = []
        for rd in readings(metric):
            now, before = value(metric, q["period"], filt, rd), value(metric, q["base"], filt, rd)
            vals.append((now - before) / before * 100.0)
        tol = PCT
    else:
        vals = [value(metric, q["period"], filt, rd) for rd in readings(metric)]
        tol = TOL[metric]
    if not all(close(v, vals[0], tol) for v in vals):
        raise SystemExit(f"readings disagree: {q['question']}\n{vals}")
    return vals[0]


def record(q):
    start, end = clip(q["period"])
    rec = {"question": q["question"], "template": q["template"], "kind": q["kind"], "metric": q["metric"]}
    g = gold(q)
    if q["kind"] == "total":
        rec["gold"] = g if isinstance(g, int) else round(g, 2 if q["metric"] == "revenue" else 4)
        rec["tolerance"] = TOL[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"] = round(g, 4)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    else:
        ids, shown, figures = g
        rec["group"], rec["n"] = q["group"], q["n"]
        rec["gold"] = shown
        rec["gold_ids"] = ids if q["group"] != "country" else [ALIASES.get(k, k) for k in ids]
        rec["gold_values"] = figures
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    rec["filters"] = {FILTER_NAMES[k]: v for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        text = r["question"]
        assert text == text.lower() and not re.search(r"[?!.]$", text), text
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"])
        if r["kind"] == "compare":                     # whole periods that are over
            assert r["to"] < str(DATA_TO) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO})")
    print("per template:", dict(Counter(r["template"] for r in out)))
    print("per metric:  ", dict(Counter(r["metric"] for r in out)))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))


if __name__ == "__main__":
    main()
