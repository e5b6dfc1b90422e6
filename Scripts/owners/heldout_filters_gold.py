#!/usr/bin/env python3
"""Held-out owner questions whose difficulty lies in their FILTERS, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that read only
README "## Owner analytics" (the metrics, rankings, filters and periods the server supports, and
their definitions), Scripts/owners/score_questions.py (how a record is compared with the server's
`result`) and Scripts/owners/heldout_novice_gold.py (for its file layout, record format, tolerances,
CSV conventions and its idea of computing every reading of an ambiguous definition). It never saw
the server's code or parser, Intents/, Scripts/nlu, templates.py, generate_questions.py, gold.py,
questions.jsonl or any other held-out set. The computation below is this file's own.

The angle: the metric and the period are plain; what varies is how the owner names WHO or WHAT the
figure is about, and where in the sentence that sits:

  country   "our French customers", "buyers based in Germany", "orders shipped to Sweden", "the
            Netherlands crowd", "the Dutch", "across the channel in France" (France, not the
            Channel Islands), "the Irish accounts" and "EIRE" (the file's name for Ireland), "the
            US", "the Germans", "the Finnish stockists", "our home market, the United Kingdom";
  customer  "customer 12347", "account 14646", "client no. 12682", "the shopper with id 17841",
            "13089's orders", "account #14298", "the customer numbered 15311";
  product   words of a description that match exactly one stock code ("the rabbit night light",
            "the red bakelike alarm clock", "'cook with wine'"), in lower case or in quotes,
            shortened the way an owner says them, placed first ("For the …, how many …"), in the
            middle or last;
  two       a product bought by a country's customers or by one customer;
  split     new against returning, and orders or revenue by weekday, for one country.

About half carry a period as well (a month, a quarter, a half, 2011, "last month" = November 2011,
"this year" = 2011-01-01 to 2011-12-10; no period = all time). Metrics: revenue, orders, units,
customers, average order value, items per order, repeat-customer rate, new customers, new against
returning, return rate, rankings (products by units or revenue, customers, countries), breakdowns
of orders or revenue by weekday, and the percent change between two whole past periods.

Each question has one reading given README's definitions and the clock at 2011-12-10. Where a
definition can be read more than one way every reading is computed (`READINGS`) and `main()` stops
unless they all agree within the record's tolerance. Readings: rows with an empty description kept
or skipped; a non-cancellation invoice of only negative quantities (a stock adjustment) an order or
not, a return or not; average order value over net or gross revenue; items per order over the units
of orders or net units; new customers' first order as a non-cancellation invoice or any line,
store-wide or within the filter; the repeat rate counting a customer's orders within the filter or
in the whole store; rankings on net or gross figures, with or without fee and postage codes, a
product named with or without blank descriptions counted; a country filter over the lines sold in
that country or over every line of the customers who bought there (four customers bought from two
countries). All stock adjustments and blank rows are UK guest lines, so they touch only UK questions.

Assumed, not stated by README: a weekday breakdown is a table whose first column is "weekday" and
whose rows are named "Monday" … "Sunday", holding only days with sales (the data has no Saturday).

NEVER use this file or heldout_filters.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_filters_gold.py     # writes Scripts/owners/heldout_filters.jsonl
"""

import csv
import datetime as dt
import itertools
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_filters.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "units": COUNT, "orders": COUNT, "customers": COUNT,
             "new_customers": COUNT, "repeat_rate": PCT, "return_rate": PCT, "basket_size": RATIO}
FEES = re.compile(r"^(POST|DOT|M|D|C2|S|CRUK|AMAZONFEE|BANK CHARGES|DCGS.*)$")   # postage, fees, samples
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ------------------------------------------------------------------------------------ data
class Line:
    __slots__ = ("invoice", "code", "desc", "qty", "price", "day", "cust", "country", "cancel")

    def __init__(self, rec):
        self.invoice = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()          # README: case-insensitive codes
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        stamp = rec["InvoiceDate"].strip().split()[0]
        if "/" in stamp:                                        # "12/1/2010 8:26"
            m, d, y = map(int, stamp.split("/"))
        else:                                                   # "2011-10-06 16:20:00"
            y, m, d = map(int, stamp.split("-"))
        self.day = D(y, m, d)
        cust = rec["CustomerID"].strip()
        self.cust = cust[:-2] if cust.endswith(".0") else cust  # "12923.0" -> "12923"
        self.country = rec["Country"].strip()
        self.cancel = self.invoice.upper().startswith("C")

    @property
    def money(self):
        return self.qty * self.price


with open(CSV_PATH, newline="", encoding="utf-8") as fh:
    LINES = [Line(rec) for rec in csv.DictReader(fh)]
FIRST_DAY, LAST_DAY = min(l.day for l in LINES), max(l.day for l in LINES)
CUSTOMERS_IN = defaultdict(set)          # a few customers bought from two countries
for _l in LINES:
    if _l.cust:
        CUSTOMERS_IN[_l.country].add(_l.cust)

# ------------------------------------------------------------------------------- readings
READINGS = {
    "blank": ("keep", "skip"),
    "adjust_order": ("yes", "no"),
    "adjust_return": ("no", "yes"),
    "aov_money": ("net", "gross"),
    "basket": ("order_units", "net_units"),
    "first_line": ("order", "any"),
    "first_where": ("store", "filter"),
    "repeat_where": ("filter", "store"),
    "rank_on": ("net", "gross"),
    "fees": ("in", "out"),
    "name_blank": ("ignore", "count"),
    "country_of": ("line", "customer"),         # a line's own country, or any line of its customer's
}
TOUCHES = {
    "revenue": ["blank"], "units": ["blank"], "customers": ["blank"],
    "orders": ["blank", "adjust_order"],
    "aov": ["blank", "adjust_order", "aov_money"],
    "basket_size": ["blank", "adjust_order", "basket"],
    "return_rate": ["blank", "adjust_order", "adjust_return"],
    "repeat_rate": ["blank", "repeat_where"],
    "new_customers": ["first_line", "first_where"],
    "mix": ["first_line", "first_where"],
    "ranking": ["blank", "rank_on", "fees", "name_blank"],
    "breakdown": ["blank", "adjust_order"],
}


def readings(metric, flt):
    names = TOUCHES[metric] + (["country_of"] if "country" in flt else [])
    for values in itertools.product(*(READINGS[n] for n in names)):
        reading = {n: v[0] for n, v in READINGS.items()}
        reading.update(zip(names, values))
        yield reading


def base_lines(reading):
    return LINES if reading["blank"] == "keep" else [l for l in LINES if l.desc]


def stock_adjustments(lines):
    qtys = defaultdict(list)
    for l in lines:
        if not l.cancel:
            qtys[l.invoice].append(l.qty)
    return {inv for inv, q in qtys.items() if max(q) < 0}


# ----------------------------------------------------------------------------- naming things
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


def product(phrase):
    """The single stock code any of whose descriptions holds every word of the owner's phrase."""
    want = words(phrase)
    codes = sorted({l.code for l in LINES if l.desc and want <= words(l.desc)})
    if len(codes) != 1:
        sys.exit(f"product phrase {phrase!r} matches {codes[:8]}")
    return codes[0]


def known(field, value):
    assert any(getattr(l, field) == value for l in LINES), (field, value)
    return value


# ------------------------------------------------------------------------------- periods
def month(y, m):
    end = D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return D(y, m, 1), end


def months(y, m1, m2):
    return month(y, m1)[0], month(y, m2)[1]


def quarter(y, q):
    return months(y, 3 * q - 2, 3 * q)


Y2011 = (D(2011, 1, 1), D(2011, 12, 31))
THIS_YEAR = (D(2011, 1, 1), TODAY)
LAST_MONTH = month(2011, 11)
H1 = months(2011, 1, 6)
H2 = months(2011, 7, 12)
ALL = (None, None)


def clipped(period):
    start, end = period
    return start, min(end or TODAY, TODAY)


# ------------------------------------------------------------------------------ computing
def select(lines, period, flt, reading=None):
    start, end = clipped(period)
    wide = reading is not None and reading["country_of"] == "customer" and "country" in flt
    return [l for l in lines
            if (start is None or l.day >= start) and l.day <= end
            and all(getattr(l, f) == v or (wide and f == "country" and l.cust in CUSTOMERS_IN[v])
                    for f, v in flt.items())]


def compute(metric, period, flt, reading):
    every = base_lines(reading)
    lines = select(every, period, flt, reading)
    adj = stock_adjustments(every)
    orders = {l.invoice for l in lines if not l.cancel
              and (reading["adjust_order"] == "yes" or l.invoice not in adj)}
    buyers = {l.cust for l in lines if l.cust and not l.cancel}
    if metric == "revenue":
        return sum(l.money for l in lines)
    if metric == "units":
        return sum(l.qty for l in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        money = sum(l.money for l in lines if reading["aov_money"] == "net" or not l.cancel)
        return money / len(orders)
    if metric == "basket_size":
        if reading["basket"] == "order_units":
            return sum(l.qty for l in lines if l.invoice in orders) / len(orders)
        return sum(l.qty for l in lines) / len(orders)
    if metric == "return_rate":
        back = {l.invoice for l in lines if l.cancel
                or (reading["adjust_return"] == "yes" and l.invoice in adj)}
        return 100.0 * len(back) / len({l.invoice for l in lines})
    if metric == "repeat_rate":
        pool = lines if reading["repeat_where"] == "filter" else select(every, period, {})
        seen = defaultdict(set)
        for l in pool:
            if l.cust in buyers and not l.cancel:
                seen[l.cust].add(l.invoice)
        return 100.0 * sum(len(seen[c]) >= 2 for c in buyers) / len(buyers)
    if metric in ("new_customers", "mix"):
        history = every if reading["first_where"] == "store" else select(every, ALL, flt, reading)
        first = {}
        for l in history:
            if l.cust and (reading["first_line"] == "any" or not l.cancel):
                first[l.cust] = min(first.get(l.cust, l.day), l.day)
        start = clipped(period)[0]
        new = {c for c in buyers if start is None or first[c] >= start}
        return len(new) if metric == "new_customers" else [len(new), len(buyers) - len(new)]
    raise ValueError(metric)


def product_name(code, reading):
    names = Counter(l.desc for l in base_lines(reading)
                    if l.code == code and (l.desc or reading["name_blank"] == "count"))
    (top, n), *rest = names.most_common()
    return None if rest and rest[0][1] == n else top        # a tie of descriptions: no one name


def rank(group, metric, n, period, flt, reading):
    field = {"product": "code", "customer": "cust", "country": "country"}[group]
    totals = defaultdict(float)
    for l in select(base_lines(reading), period, flt, reading):
        key = getattr(l, field)
        if not key or (reading["rank_on"] == "gross" and l.cancel):
            continue
        if group == "product" and reading["fees"] == "out" and FEES.match(key):
            continue
        totals[key] += l.money if metric == "revenue" else l.qty
    order = sorted(totals.items(), key=lambda kv: -kv[1])
    if len(order) < n:
        return None
    shown = [round(v, 2) for _, v in order[:n + 1]]
    if any(shown[i] - shown[i + 1] <= 0.011 for i in range(min(n, len(shown) - 1))):
        return None                                     # a tie inside the top or at the cut
    keys = [k for k, _ in order[:n]]
    if group == "product":
        names = [product_name(k, reading) for k in keys]
        if None in names or any(FEES.match(k) for k in keys):
            return None
        return keys, names, shown[:n]
    return keys, keys, shown[:n]


def by_weekday(metric, period, flt, reading):
    every = base_lines(reading)
    adj = stock_adjustments(every)
    out = defaultdict(float)
    seen = set()
    for l in select(every, period, flt, reading):
        day = WEEKDAYS[l.day.weekday()]
        if metric == "revenue":
            out[day] += l.money
        elif not l.cancel and l.invoice not in seen and (reading["adjust_order"] == "yes" or l.invoice not in adj):
            seen.add(l.invoice)
            out[day] += 1
    return {d: (round(v, 2) if metric == "revenue" else int(v)) for d, v in out.items()}


def close(a, b, tol):
    return abs(a - b) <= tol.get("abs", 0.01) or abs(a - b) <= tol.get("rel", 0.005) * abs(b)


# ----------------------------------------------------------------------------- questions
Q = []


def ask(tag, text, kind, metric, period=ALL, base=None, n=None, group=None, **flt):
    Q.append(dict(tag=tag, question=text, kind=kind, metric=metric, period=period, base=base,
                  n=n, group=group, flt={("cust" if k == "customer" else k): v for k, v in flt.items()}))


FR, DE, ES, NL = known("country", "France"), known("country", "Germany"), known("country", "Spain"), known("country", "Netherlands")
IE = known("country", "EIRE")

P = product
UK, BE, PT, IT = (known("country", c) for c in ("United Kingdom", "Belgium", "Portugal", "Italy"))
SINCE_JULY = (D(2011, 7, 1), None)

# --- a country, named every way but its plain name --------------------------------------------
T = "country"
ask(T, "How much did our French customers spend with us in October 2011?",
    "total", "revenue", month(2011, 10), country=FR)
ask(T, "Buyers based in Germany - how many separate orders did they put through between July and "
       "September 2011?",
    "total", "orders", quarter(2011, 3), country=DE)
ask(T, "I'm planning the courier contract. In the first half of 2011, how many units went out on "
       "orders shipped to Sweden?",
    "total", "units", H1, country=known("country", "Sweden"))
ask(T, "The Netherlands crowd always seem to order big. What's their average order value, taking "
       "everything they've ever bought?",
    "total", "aov", country=NL)
ask(T, "Across the channel in France, how many different customers did we have in 2011?",
    "total", "customers", Y2011, country=FR)
ask(T, "EIRE revenue for last month?",
    "total", "revenue", LAST_MONTH, country=IE)
ask(T, "Since we opened, how many orders have come from the Irish accounts?",
    "total", "orders", country=IE)
ask(T, "On average how many items were in each order from the Germans in October 2011?",
    "total", "basket_size", month(2011, 10), country=DE)
ask(T, "Of the shoppers in Belgium who bought from us in 2011, what percentage came back and ordered "
       "at least twice that year?",
    "total", "repeat_rate", Y2011, country=BE)
ask(T, "how many new customers did we pick up in portugal during 2011",
    "total", "new_customers", Y2011, country=PT)
ask(T, "What proportion of the invoices from our German-based clients have been cancellations? The "
       "return rate, in other words.",
    "total", "return_rate", country=DE)
ask(T, "Total sales to the US, all time - just the number please.",
    "total", "revenue", country=known("country", "USA"))
ask(T, "Our customers over in the Channel Islands: how many units have they bought from us "
       "altogether?",
    "total", "units", country=known("country", "Channel Islands"))
ask(T, "Average order value for the Finnish stockists, over everything they've ordered?",
    "total", "aov", country=known("country", "Finland"))
ask(T, "Norwegian buyers: how many orders have they placed since the start of July 2011?",
    "total", "orders", SINCE_JULY, country=known("country", "Norway"))
ask(T, "Just our home market, the United Kingdom: what did customers there bring in during the first "
       "quarter of 2011?",
    "total", "revenue", quarter(2011, 1), country=UK)
ask(T, "For the Italians - what share of all their invoices, ever, were cancellations?",
    "total", "return_rate", country=IT)

# --- one customer, by id said many ways -----------------------------------------------------
T = "customer"
ask(T, "How much has customer 12347 spent with us in total?",
    "total", "revenue", customer=known("cust", "12347"))
ask(T, "Account 14646 - number of orders, all time?",
    "total", "orders", customer=known("cust", "14646"))
ask(T, "What is the average order value for client no. 12682?",
    "total", "aov", customer=known("cust", "12682"))
ask(T, "Last month, how many units did the shopper with id 17841 buy?",
    "total", "units", LAST_MONTH, customer=known("cust", "17841"))
ask(T, "Count 13089's orders for me between June and August 2011.",
    "total", "orders", months(2011, 6, 8), customer=known("cust", "13089"))
ask(T, "In 2011, how many items per order did account #14298 average?",
    "total", "basket_size", Y2011, customer=known("cust", "14298"))
ask(T, "Customer 12748 has been with us from the start. What's their return rate over all that time?",
    "total", "return_rate", customer=known("cust", "12748"))
ask(T, "What have we taken so far this year from the customer numbered 15311?",
    "total", "revenue", THIS_YEAR, customer=known("cust", "15311"))

# --- one product, by a phrase of its description, first, middle or last ---------------------
T = "product"
ask(T, "For the rabbit night light, how many did we sell in November 2011?",
    "total", "units", month(2011, 11), code=P("rabbit night light"))
ask(T, "How much money have we made, all time, on the gumball coat rack?",
    "total", "revenue", code=P("gumball coat rack"))
ask(T, "How many orders have had the 'cook with wine' sign on them?",
    "total", "orders", code=P("cook with wine sign"))
ask(T, "Revenue in the first half of 2011 from the red bakelike alarm clock?",
    "total", "revenue", H1, code=P("red bakelike alarm clock"))
ask(T, "Last month how many different customers bought the chocolate hot water bottle?",
    "total", "customers", LAST_MONTH, code=P("chocolate hot water bottle"))
ask(T, "The assorted colour bird ornaments - how many units this year so far?",
    "total", "units", THIS_YEAR, code=P("assorted colour bird ornament"))
ask(T, "what did the toadstool led night light take in october and november 2011",
    "total", "revenue", months(2011, 10, 11), code=P("toadstool led night light"))
ask(T, "How many orders has the \"PANTRY JELLY MOULDS\" set appeared on, ever?",
    "total", "orders", code=P("pantry jelly moulds"))

# --- two filters at once ------------------------------------------------------------------------
T = "two"
ask(T, "How many regency cakestands did our French customers buy in 2011?",
    "total", "units", Y2011, country=FR, code=P("regency cakestand"))
ask(T, "Has client 12748 ever bought the rabbit night light? How many units, if so?",
    "total", "units", customer=known("cust", "12748"), code=P("rabbit night light"))

# --- rankings narrowed by a filter ----------------------------------------------------------------
T = "ranking"
ask(T, "What are the top 3 products by units among our French customers?",
    "ranking", "units", n=3, group="product", country=FR)
ask(T, "Who are the three biggest spenders among our Swiss clientele, all time?",
    "ranking", "revenue", n=3, group="customer", country=known("country", "Switzerland"))
ask(T, "This year, which 3 customers based in Spain have spent the most with us?",
    "ranking", "revenue", THIS_YEAR, n=3, group="customer", country=ES)
ask(T, "Which three countries spend the most on those assorted colour bird ornaments?",
    "ranking", "revenue", n=3, group="country", code=P("assorted colour bird ornament"))
ask(T, "What does account 14646 buy most of? Give me their top 3 products by quantity.",
    "ranking", "units", n=3, group="product", customer=known("cust", "14646"))
ask(T, "Top 5 products by revenue for customer 12748 last month",
    "ranking", "revenue", LAST_MONTH, n=5, group="product", customer=known("cust", "12748"))
ask(T, "For orders shipped to Germany, which four products have sold the most units?",
    "ranking", "units", n=4, group="product", country=DE)

# --- percent change between two whole past periods, with a filter --------------------------------
T = "change"
ask(T, "By what percentage did spending from customer 17841 change between October and November "
       "2011?",
    "compare", "revenue", month(2011, 11), base=month(2011, 10), customer=known("cust", "17841"))
ask(T, "Orders from French buyers in October 2011 versus September 2011 - what's the % change?",
    "compare", "orders", month(2011, 10), base=month(2011, 9), country=FR)
ask(T, "Did revenue from the German customers grow from Q2 2011 to Q3 2011, and by what percent?",
    "compare", "revenue", quarter(2011, 3), base=quarter(2011, 2), country=DE)
ask(T, "Red bakelike alarm clock: percent change in units sold, September 2011 to October 2011?",
    "compare", "units", month(2011, 10), base=month(2011, 9), code=P("red bakelike alarm clock"))
ask(T, "How much did sales to the Dutch move from October to November 2011, as a percentage?",
    "compare", "revenue", month(2011, 11), base=month(2011, 10), country=NL)

# --- new against returning, and weekday breakdowns, for a country ---------------------------------
T = "split"
ask(T, "Among customers located in Germany who ordered in 2011, how many were new and how many "
       "returning?",
    "mix", "mix", Y2011, country=DE)
ask(T, "Break down the German orders of 2011 by day of the week.",
    "breakdown", "orders", Y2011, country=DE)
ask(T, "Show me revenue by weekday for everything our French clients have bought.",
    "breakdown", "revenue", country=FR)


# ---------------------------------------------------------------------------------- gold
FILTER_FIELD = {"country": "country", "cust": "customer", "code": "product"}
SHOWN_AS = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


def agree(values, tol, question):
    if not all(close(v, values[0], tol) for v in values):
        sys.exit(f"readings disagree on {question!r}: {sorted(set(round(v, 4) for v in values))}")
    return values[0]


def gold(q):
    kind, metric, flt = q["kind"], q["metric"], q["flt"]
    if kind == "total":
        vals = [compute(metric, q["period"], flt, r) for r in readings(metric, flt)]
        return agree(vals, TOLERANCE[metric], q["question"])
    if kind == "compare":
        vals = []
        for r in readings(metric, flt):
            now, then = compute(metric, q["period"], flt, r), compute(metric, q["base"], flt, r)
            vals.append((now - then) / then * 100.0)
        return agree(vals, PCT, q["question"])
    if kind == "mix":
        vals = [compute("mix", q["period"], flt, r) for r in readings("mix", flt)]
        if any(v != vals[0] for v in vals):
            sys.exit(f"readings disagree on {q['question']!r}: {vals}")
        return vals[0]
    if kind == "breakdown":
        vals = [by_weekday(metric, q["period"], flt, r) for r in readings("breakdown", flt)]
        if any(v != vals[0] for v in vals):
            sys.exit(f"readings disagree on {q['question']!r}: {vals}")
        return vals[0]
    outs = [rank(q["group"], metric, q["n"], q["period"], flt, r) for r in readings("ranking", flt)]
    if None in outs or len({(tuple(o[0]), tuple(o[1])) for o in outs}) != 1:
        sys.exit(f"ranking not settled under every reading: {q['question']!r}\n{outs}")
    return outs[0]


def record(q):
    start, end = clipped(q["period"])
    rec = {"question": q["question"], "template": "filters_" + q["tag"], "kind": q["kind"],
           "metric": q["metric"]}
    g = gold(q)
    if q["kind"] == "total":
        rec["gold"] = g if isinstance(g, int) else round(g, 2 if q["metric"] == "revenue" else 4)
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"], rec["tolerance"] = round(g, 4), PCT
        rec["compared_with"] = [str(d) for d in clipped(q["base"])]
    elif q["kind"] == "mix":
        rec["gold"], rec["tolerance"] = g, COUNT
    elif q["kind"] == "breakdown":
        rec["group"], rec["gold"] = "weekday", g
        rec["tolerance"] = MONEY if q["metric"] == "revenue" else COUNT
    else:
        keys, shown, figures = g
        rec["group"], rec["n"], rec["gold"] = q["group"], q["n"], shown
        rec["gold_ids"] = [SHOWN_AS.get(k, k) for k in keys] if q["group"] == "country" else keys
        rec["gold_values"], rec["tolerance"] = figures, MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    rec["filters"] = {FILTER_FIELD[k]: v for k, v in q["flt"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert r["from"] is None or r["from"] <= r["to"] <= str(TODAY), r
        if r["kind"] == "compare":                  # two whole periods, both over
            assert r["to"] < str(LAST_DAY) and r["compared_with"][1] < r["from"], r
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {FIRST_DAY} to {LAST_DAY})")
    print("by kind:  ", dict(Counter(r["kind"] for r in out)))
    print("by metric:", dict(Counter(r["metric"] for r in out)))
    print("by filter:", dict(Counter("+".join(sorted(r["filters"])) or "none" for r in out)))
    print("with a period:", sum(r["from"] is not None for r in out))
    if "-v" in sys.argv:
        for r in out:
            print(r["template"], r["gold"], "|", r["question"])


if __name__ == "__main__":
    main()
