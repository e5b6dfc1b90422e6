#!/usr/bin/env python3
"""Held-out owner questions from NOVICE owners, people new to running a business and to numbers,
with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_indirect_gold.py (for its file layout, record format, tolerances and
CSV parsing conventions; the computation below is this file's own).

The speakers never use the words of the trade: no "revenue", "units", "AOV", "KPI", "repeat rate",
"basket size" or "return rate". They say what they mean in everyday words, often unsure of
themselves, wordy and polite, sometimes with the reason they ask:

  money      revenue: "how much money came in", "what did we take", "how much did people pay us";
  people     customers: "how many different people bought something from us";
  orders     orders: "how many times did someone check out with us", "separate purchases";
  things     units: "how many things did we send out", "how many of them did we sell";
  average    average order value, revenue per customer and items per order: "on a typical order
             how much does someone spend", "what did the average person spend with us", "how many
             things does somebody put in one order";
  loyalty    repeat-customer rate, new customers, new against returning: "how many came back for
             more", "buying from us for the very first time";
  returns    return rate: "how often do people send things back or cancel";
  ranking    top products (by how many, or by money), customers and countries: "which things flew
             off the shelves", "who spends the most with us", "which country do most of our
             sales come from";
  change     the percent change between two whole past periods: "did more money come in in
             October 2011 than in September 2011, and by what percent?".

Each question has one reading given README's definitions and the clock at 2011-12-10: every date
names its year or is a relative period README uses ("last month" = November 2011, "this year" =
2011-01-01 to 2011-12-10, "so far this month" = 2011-12-01 to 2011-12-10, no period = all time), a
period that runs past the clock ends at it, comparisons are of whole past periods, rankings are
strictly ordered with a gap at the cut and hold no postage or fee rows, and a product is named only
by words that match exactly one stock code's descriptions (`product()` checks and stops otherwise).

Where README's definitions can be read more than one way, every reading is computed (`READINGS`)
and a question is kept only when all of them agree within the record's tolerance (`main()` stops
otherwise). The readings considered: rows with an empty description kept or skipped as bad rows;
a non-cancellation invoice holding only negative quantities (a stock adjustment) counted as an
order or not, and as a return or not; average order value over net or gross (returns ignored)
revenue; revenue per customer over every identified line or over the lines of the period's
customers only; a new customer's first order as their first non-cancellation invoice or their
first line of any kind, store-wide or inside the question's filter; items per order over the units
of orders only or over net units; rankings on net or gross figures, and a product's name with or
without empty descriptions counted. (Stock codes are folded to one case, as README says.) Where the
readings split for the whole store (average order value and items per order in every period,
new customers in most months, orders, units and return rate in months holding an adjustment or an
empty-description row), the question was asked of a country, a customer or another period instead.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_novice.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_novice_gold.py      # writes Scripts/owners/heldout_novice.jsonl
"""

import csv
import datetime as dt
import itertools
import json
import os
import re
from collections import Counter, defaultdict, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_novice.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}                      # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY,
             "units": COUNT, "orders": COUNT, "customers": COUNT, "new_customers": COUNT,
             "repeat_rate": PCT, "return_rate": PCT, "basket_size": RATIO}

# ------------------------------------------------------------------------------------ data
Row = namedtuple("Row", "invoice code desc qty price day customer country cancelled")


def sales_day(stamp):
    """'2011-10-06 16:20:00' or the original file's '12/1/2010 8:26' -> the date of the sale."""
    date_part = stamp.strip().split()[0]
    if "-" in date_part:
        y, m, d = (int(x) for x in date_part.split("-"))
    else:
        m, d, y = (int(x) for x in date_part.split("/"))
    return D(y, m, d)


def customer_id(raw):
    raw = raw.strip()
    return raw[:-2] if re.fullmatch(r"\d+\.0", raw) else raw


def load():
    rows = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            inv = rec["InvoiceNo"].strip()
            rows.append(Row(inv, rec["StockCode"].strip().upper(),
                            rec["Description"].strip(), int(rec["Quantity"]), float(rec["UnitPrice"]),
                            sales_day(rec["InvoiceDate"]), customer_id(rec["CustomerID"]),
                            rec["Country"].strip(), inv.upper().startswith("C")))
    return rows


ROWS = load()
DATA_FROM, DATA_TO = min(r.day for r in ROWS), max(r.day for r in ROWS)

# ------------------------------------------------------------------------------- readings
# Each flag's first value is the reading this file takes as README's; the others are the other ways
# the definitions could be read. A question is kept only if every combination of the flags that can
# touch it agrees.
READINGS = {
    "blank_rows": ("keep", "skip"),              # rows with an empty description
    "adjustments": ("order", "not_order"),       # non-C invoices with only negative quantities
    "adjustments_return": ("no", "yes"),         # ... counted among return invoices
    "aov_revenue": ("net", "gross"),
    "rpc_lines": ("identified", "buyers"),
    "first_order": ("non_cancel", "any_line"),
    "first_scope": ("store", "filter"),
    "basket_units": ("order_lines", "net"),
    "rank_basis": ("net", "gross"),
    "name_blank": ("ignore", "count"),
    "repeat_scope": ("filter", "store"),
}
RELEVANT = {
    "revenue": ["blank_rows"],
    "units": ["blank_rows"],
    "orders": ["blank_rows", "adjustments"],
    "customers": ["blank_rows"],
    "new_customers": ["first_order", "first_scope"],
    "aov": ["blank_rows", "adjustments", "aov_revenue"],
    "revenue_per_customer": ["rpc_lines", "blank_rows"],
    "repeat_rate": ["repeat_scope", "blank_rows"],
    "basket_size": ["blank_rows", "adjustments", "basket_units"],
    "return_rate": ["blank_rows", "adjustments", "adjustments_return"],
    "mix": ["first_order", "first_scope"],
}
RANK_FLAGS = ["rank_basis", "name_blank", "blank_rows"]
PRIMARY = {flag: values[0] for flag, values in READINGS.items()}


def all_readings(flags):
    for combo in itertools.product(*(READINGS[f] for f in flags)):
        r = dict(PRIMARY)
        r.update(zip(flags, combo))
        yield r


def rows_for(reading):
    if reading["blank_rows"] == "skip":
        return [r for r in ROWS if r.desc]
    return ROWS


def key_of(row, reading):
    return row.code                  # README: products by StockCode, case-insensitive


def adjustment_invoices(rows):
    """Non-cancellation invoices whose every line has a negative quantity."""
    by_inv = defaultdict(list)
    for r in rows:
        if not r.cancelled:
            by_inv[r.invoice].append(r.qty)
    return {inv for inv, qs in by_inv.items() if all(q < 0 for q in qs)}


def product_names(reading):
    counts = defaultdict(Counter)
    for r in rows_for(reading):
        if r.desc or reading["name_blank"] == "count":
            counts[key_of(r, reading)][r.desc] += 1
    names = {}
    for key, c in counts.items():
        ranked = c.most_common()
        tied = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
        names[key] = (ranked[0][0], tied)
    return names


# ----------------------------------------------------------------------------- naming things
def tokens(text):
    return re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))


def product(remembered):
    """The one stock code whose descriptions contain every word an owner remembers of its name."""
    want = set(tokens(remembered))
    codes = sorted({r.code for r in ROWS if r.desc and want <= set(tokens(r.desc))})
    if len(codes) != 1:
        raise SystemExit(f"'{remembered}' matches {len(codes)} stock codes: {codes[:10]}")
    return codes[0]


def country(name):
    assert any(r.country == name for r in ROWS), name
    return name


def customer(ident):
    assert any(r.customer == ident for r in ROWS), ident
    return ident


# ------------------------------------------------------------------------------- periods
def month(y, m):
    nxt = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return D(y, m, 1), nxt - dt.timedelta(days=1)


def quarter(y, q):
    return month(y, 3 * q - 2)[0], month(y, 3 * q)[1]


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


FIRST_HALF_2011 = (D(2011, 1, 1), D(2011, 6, 30))
LAST_MONTH = month(2011, 11)
THIS_YEAR = (D(2011, 1, 1), TODAY)
THIS_MONTH = (D(2011, 12, 1), TODAY)
EVER = (None, None)


def clip(period):
    start, end = period
    return start, min(end or TODAY, TODAY)


# ------------------------------------------------------------------------------ computing
def in_scope(rows, period, filters, reading):
    start, end = clip(period)
    out = []
    for r in rows:
        if start is not None and r.day < start or r.day > end:
            continue
        if "country" in filters and r.country != filters["country"]:
            continue
        if "customer" in filters and r.customer != filters["customer"]:
            continue
        if "code" in filters and key_of(r, reading) != filters["code"]:
            continue
        out.append(r)
    return out


def orders_of(lines, reading, adjust):
    return {r.invoice for r in lines
            if not r.cancelled and not (reading["adjustments"] == "not_order" and r.invoice in adjust)}


def first_orders(reading, filters):
    rows = rows_for(reading)
    if reading["first_scope"] == "filter":
        rows = in_scope(rows, EVER, filters, reading)
    first = {}
    for r in rows:
        if r.customer and (reading["first_order"] == "any_line" or not r.cancelled):
            if r.customer not in first or r.day < first[r.customer]:
                first[r.customer] = r.day
    return first


def measure(metric, period, filters, reading):
    rows = rows_for(reading)
    lines = in_scope(rows, period, filters, reading)
    adjust = adjustment_invoices(rows)
    orders = orders_of(lines, reading, adjust)
    buyers = {r.customer for r in lines if r.customer and not r.cancelled}
    net = sum(r.qty * r.price for r in lines)
    if metric == "revenue":
        return net
    if metric == "units":
        return sum(r.qty for r in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        money = net if reading["aov_revenue"] == "net" else sum(r.qty * r.price for r in lines if not r.cancelled)
        return money / len(orders)
    if metric == "revenue_per_customer":
        if reading["rpc_lines"] == "identified":
            money = sum(r.qty * r.price for r in lines if r.customer)
        else:
            money = sum(r.qty * r.price for r in lines if r.customer in buyers)
        return money / len(buyers)
    if metric == "basket_size":
        if reading["basket_units"] == "order_lines":
            things = sum(r.qty for r in lines if r.invoice in orders)
        else:
            things = sum(r.qty for r in lines)
        return things / len(orders)
    if metric == "return_rate":
        invoices = {r.invoice for r in lines}
        back = {r.invoice for r in lines if r.cancelled}
        if reading["adjustments_return"] == "yes":
            back |= {r.invoice for r in lines if r.invoice in adjust}
        return 100.0 * len(back) / len(invoices)
    if metric == "repeat_rate":
        if reading["repeat_scope"] == "filter":
            pool = lines
        else:                        # a customer's orders of the period counted in every country
            pool = [r for r in in_scope(rows, period, {}, reading) if r.customer in buyers]
        per = defaultdict(set)
        for r in pool:
            if r.customer and not r.cancelled:
                per[r.customer].add(r.invoice)
        return 100.0 * sum(1 for c in buyers if len(per[c]) >= 2) / len(buyers)
    if metric in ("new_customers", "mix"):
        start = clip(period)[0]
        first = first_orders(reading, filters)
        new = {c for c in buyers if start is None or first[c] >= start}
        return len(new) if metric == "new_customers" else [len(new), len(buyers) - len(new)]
    raise ValueError(metric)


def ranking(group, metric, n, period, reading):
    rows = rows_for(reading)
    lines = in_scope(rows, period, {}, reading)
    acc = defaultdict(float)
    for r in lines:
        if reading["rank_basis"] == "gross" and r.cancelled:
            continue
        key = {"product": key_of(r, reading), "country": r.country, "customer": r.customer}[group]
        if key:
            acc[key] += r.qty * r.price if metric == "revenue" else r.qty
    ordered = sorted(acc.items(), key=lambda kv: -kv[1])
    assert len(ordered) > n, (group, n)
    figures = [round(v, 2) for _, v in ordered[:n + 1]]
    if min(figures[i] - figures[i + 1] for i in range(n)) <= 0.011:
        return None                                  # a tie in the top or at the cut
    keys = [k for k, _ in ordered[:n]]
    if group == "product":
        names = product_names(reading)
        if any(names[k][1] for k in keys):
            return None                              # a product whose name is a tie of descriptions
        shown = [names[k][0] for k in keys]
        fees = [s for s in shown if re.match(r"(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|"
                                             r"AMAZON|ADJUST|CRUK|SAMPLES)", s)]
        assert not fees, fees
        return keys, shown, figures[:n]
    return keys, keys, figures[:n]


def change(metric, period, base, filters, reading):
    now, before = measure(metric, period, filters, reading), measure(metric, base, filters, reading)
    return (now - before) / before * 100.0


def close(a, b, tol):
    d = abs(a - b)
    return d <= tol.get("abs", 0.01) or d <= tol.get("rel", 0.005) * abs(b)


# ----------------------------------------------------------------------------- questions
Q = []


def ask(template, question, kind, metric, period, n=None, group=None, base=None, **filters):
    Q.append(dict(template="novice_" + template, question=question, kind=kind, metric=metric,
                  period=period, n=n, group=group, base=base, filters=filters))


# --- money: revenue ----------------------------------------------------------------------
T = "money"
ask(T, "Hello, I'm quite new to all this so please bear with me. How much money came in during "
       "March 2011?",
    "total", "revenue", month(2011, 3))
ask(T, "Sorry if this is a silly question, but could you tell me how much money came in altogether "
       "last month, once you take off anything people sent back?",
    "total", "revenue", LAST_MONTH)
ask(T, "My sister thinks France is a good market for us. How much money did we get from people in "
       "France in 2011?",
    "total", "revenue", year(2011), country=country("France"))
ask(T, "I honestly have no idea how we're doing this year. How much have people paid us so far this "
       "year, roughly?",
    "total", "revenue", THIS_YEAR)
ask(T, "What did we take in between April and June 2011? I just mean the money that came in from "
       "selling things, I'm not sure what the proper word is.",
    "total", "revenue", quarter(2011, 2))
ask(T, "There's one person who seems to buy from us a lot, their customer number is 14911. How much "
       "money have they given us altogether, since the very beginning?",
    "total", "revenue", EVER, customer=customer("14911"))
ask(T, "I don't really know how to ask this properly. In the first half of 2011, how much money came "
       "to us from people buying in Germany?",
    "total", "revenue", FIRST_HALF_2011, country=country("Germany"))
ask(T, "How much money did the regency cakestands bring in for us during 2011? I want to know if "
       "they're worth keeping.",
    "total", "revenue", year(2011), code=product("regency cakestand"))

# --- people: customers --------------------------------------------------------------------
T = "people"
ask(T, "How many people bought something from us in October 2011? Each person only once, please, "
       "even if they bought a few times.",
    "total", "customers", month(2011, 10))
ask(T, "I'm trying to get a feel for how many people we actually sell to. How many different people "
       "bought from us last month?",
    "total", "customers", LAST_MONTH)
ask(T, "Could you please tell me how many different people in Germany bought anything from us in "
       "2011?",
    "total", "customers", year(2011), country=country("Germany"))
ask(T, "Since we started, how many different people have ever bought something from us? I'd love "
       "to know the total.",
    "total", "customers", EVER)
ask(T, "I hope this makes sense: how many different people from the Netherlands have bought from "
       "us, ever?",
    "total", "customers", EVER, country=country("Netherlands"))

# --- orders ---------------------------------------------------------------------------------
T = "orders"
ask(T, "How many times did someone check out with us in August 2011? I mean separate purchases, "
       "not how many things were in them.",
    "total", "orders", month(2011, 8))
ask(T, "I keep hearing I should watch how often people buy. How many separate times did people buy "
       "from us in February 2011?",
    "total", "orders", month(2011, 2))
ask(T, "So far this month, how many times has somebody placed an order with us? Sorry, I'm still "
       "learning the words for things.",
    "total", "orders", THIS_MONTH)
ask(T, "How many times did people in France buy from us between July and September 2011? Each "
       "purchase counted once, please.",
    "total", "orders", quarter(2011, 3), country=country("France"))
ask(T, "The person with customer number 17841 seems to come back a lot. How many separate times did "
       "they buy from us in 2011?",
    "total", "orders", year(2011), customer=customer("17841"))

# --- things: units -------------------------------------------------------------------------
T = "things"
ask(T, "Altogether, how many things did we send out in August 2011? I'm counting each item "
       "separately, minus whatever came back.",
    "total", "units", month(2011, 8))
ask(T, "How many of the white hanging heart t-light holders did we sell in 2011? Those are the ones "
       "everyone seems to love.",
    "total", "units", year(2011), code=product("white hanging heart t-light holder"))
ask(T, "I'm worried about our stock. How many items in total did we sell to people in France in "
       "October 2011?",
    "total", "units", month(2011, 10), country=country("France"))
ask(T, "Please could you count how many single items went out to people in Germany in 2011? Every "
       "piece counts.",
    "total", "units", year(2011), country=country("Germany"))
ask(T, "How many of the jumbo bag red retrospot did we sell last month? I'm wondering whether to "
       "order more.",
    "total", "units", LAST_MONTH, code=product("jumbo bag red retrospot"))
ask(T, "How many items did customer 12748 buy from us altogether since we started? Just the number "
       "of things, please.",
    "total", "units", EVER, customer=customer("12748"))

# --- average: order value, money per person, items per order ------------------------------
T = "average"
ask(T, "People in the Netherlands seem to buy in bulk. On a typical order from there, how much does "
       "a customer spend? I mean the average, not the biggest or smallest.",
    "total", "aov", EVER, country=country("Netherlands"))
ask(T, "Between July and September 2011, when someone in France bought from us, how much did they "
       "spend each time on average?",
    "total", "aov", quarter(2011, 3), country=country("France"))
ask(T, "Customer number 14646 orders from us now and then. In 2011, how much did one of their "
       "orders come to on average?",
    "total", "aov", year(2011), customer=customer("14646"))
ask(T, "What did the average person spend with us in 2011? Everything one person bought that year, "
       "averaged over everyone.",
    "total", "revenue_per_customer", year(2011))
ask(T, "Last month, how much did each person spend with us on average, counting all their purchases "
       "together?",
    "total", "revenue_per_customer", LAST_MONTH)
ask(T, "Over the whole time we've been selling, how much has the average person from France spent "
       "with us in total?",
    "total", "revenue_per_customer", EVER, country=country("France"))
ask(T, "How many things does somebody in France usually put in one order? On average, for the first "
       "three months of 2011, please.",
    "total", "basket_size", quarter(2011, 1), country=country("France"))

# --- loyalty: repeat-customer rate, new customers, new against returning ------------------
T = "loyalty"
ask(T, "Of the people who shopped with us in 2011, how many came back for more? As a share of all "
       "of them, please.",
    "total", "repeat_rate", year(2011))
ask(T, "I'd like to know if people like us enough to come back. Out of everyone who bought from us "
       "between July and September 2011, what percentage bought two or more times in those months?",
    "total", "repeat_rate", quarter(2011, 3))
ask(T, "I'm told it's good when people come back. Last month, in the United Kingdom, what percent of "
       "the people who bought did so more than once?",
    "total", "repeat_rate", LAST_MONTH, country=country("United Kingdom"))
ask(T, "How many people were buying from us for the very first time in August 2011?",
    "total", "new_customers", month(2011, 8))
ask(T, "How many people in Germany bought from us for the first time ever during 2011?",
    "total", "new_customers", year(2011), country=country("Germany"))
ask(T, "How many brand new people from France found us in the first half of 2011? Only people who "
       "had never bought from us before.",
    "total", "new_customers", FIRST_HALF_2011, country=country("France"))
ask(T, "Of the people who bought from us in August 2011, how many were new to us and how many had "
       "bought before? I'd like both numbers.",
    "mix", "mix", month(2011, 8))

# --- returns: return rate ---------------------------------------------------------------------
T = "returns"
ask(T, "I've had a few cancellations and things sent back. Out of all our sales slips from January "
       "to March 2011, what percentage were cancellations or returns?",
    "total", "return_rate", quarter(2011, 1))
ask(T, "How often did people cancel or send stuff back in August 2011? As a percentage of all the "
       "invoices that month, please.",
    "total", "return_rate", month(2011, 8))

# --- ranking ------------------------------------------------------------------------------------
T = "ranking"
ask(T, "Which things flew off the shelves in October 2011? Just the top 5, by how many we sold.",
    "ranking", "units", month(2011, 10), n=5, group="product")
ask(T, "Who spends the most with us? I'd like the top three people, over the whole time we've been "
       "open.",
    "ranking", "revenue", EVER, n=3, group="customer")
ask(T, "Which country do most of our sales come from? I'm guessing it's here at home, but I'm not "
       "sure.",
    "ranking", "revenue", EVER, n=1, group="country")
ask(T, "Which three things brought in the most money in September 2011? Money, please, not how many "
       "we sold.",
    "ranking", "revenue", month(2011, 9), n=3, group="product")
ask(T, "Could you list the five countries where people spent the most money with us between April "
       "and June 2011, biggest first?",
    "ranking", "revenue", quarter(2011, 2), n=5, group="country")
ask(T, "What were the ten things people bought the most of last month? I'd like to make sure we never "
       "run out of them.",
    "ranking", "units", LAST_MONTH, n=10, group="product")
ask(T, "In July 2011, which three people spent the most money with us? I'd like to send them a "
       "thank-you card.",
    "ranking", "revenue", month(2011, 7), n=3, group="customer")

# --- change: percent change between two whole past periods -------------------------------------
T = "change"
ask(T, "Did more money come in in September 2011 than in August 2011, and by what percent?",
    "compare", "revenue", month(2011, 9), base=month(2011, 8))
ask(T, "Did we have more people buying from us in November 2011 than in October 2011? By how many "
       "percent did it go up or down?",
    "compare", "customers", month(2011, 11), base=month(2011, 10))
ask(T, "Did the money coming in go up or down from the first three months of 2011 to the next three? "
       "Please compare April to June 2011 with January to March 2011, as a percent.",
    "compare", "revenue", quarter(2011, 2), base=quarter(2011, 1))
ask(T, "I think we sent out fewer things in February 2011 than in January 2011, but by how many "
       "percent?",
    "compare", "units", month(2011, 2), base=month(2011, 1))
ask(T, "Did people in France spend more on each order in October 2011 than in September 2011? What's "
       "the change as a percentage?",
    "compare", "aov", month(2011, 10), base=month(2011, 9), country=country("France"))
ask(T, "Were there more separate purchases from Germany between July and September 2011 than between "
       "April and June 2011? By what percent did the number change?",
    "compare", "orders", quarter(2011, 3), base=quarter(2011, 2), country=country("Germany"))


# ---------------------------------------------------------------------------------- gold
FILTER_NAMES = {"country": "country", "code": "product", "customer": "customer"}
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


def agreed(values, tol):
    first = values[0]
    return all(close(v, first, tol) for v in values[1:])


def gold(q):
    filters = {k: v for k, v in q["filters"].items() if v is not None}
    kind, metric = q["kind"], q["metric"]
    if kind == "ranking":
        outs = [ranking(q["group"], metric, q["n"], q["period"], r) for r in all_readings(RANK_FLAGS)]
        if any(o is None for o in outs) or len({tuple(o[0]) for o in outs}) != 1:
            raise SystemExit(f"ranking not the same under every reading: {q['question']}\n{outs}")
        if q["group"] == "product" and len({tuple(o[1]) for o in outs}) != 1:
            raise SystemExit(f"product names differ between readings: {q['question']}\n{outs}")
        return outs[0]
    flags = RELEVANT[metric]
    if kind == "compare":
        values = [change(metric, q["period"], q["base"], filters, r) for r in all_readings(flags)]
        tol = PCT
    elif kind == "mix":
        values = [measure(metric, q["period"], filters, r) for r in all_readings(flags)]
        if any(v != values[0] for v in values):
            raise SystemExit(f"readings disagree: {q['question']}\n{values}")
        return values[0]
    else:
        values = [measure(metric, q["period"], filters, r) for r in all_readings(flags)]
        tol = TOLERANCE[metric]
    if not agreed(values, tol):
        raise SystemExit(f"readings disagree: {q['question']}\n{values}")
    return values[0]


def record(q):
    filters = {k: v for k, v in q["filters"].items() if v is not None}
    start, end = clip(q["period"])
    rec = {"question": q["question"], "template": q["template"], "kind": q["kind"], "metric": q["metric"]}
    g = gold(q)
    if q["kind"] == "total":
        digits = 2 if q["metric"] == "revenue" else 4
        rec["gold"] = g if isinstance(g, int) else round(g, digits)
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"] = round(g, 4)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    elif q["kind"] == "mix":
        rec["gold"] = g
        rec["tolerance"] = COUNT
    else:
        ids, shown, figures = g
        rec["group"], rec["n"] = q["group"], q["n"]
        rec["gold"] = shown
        rec["gold_ids"] = ids if q["group"] != "country" else [ALIASES.get(k, k) for k in ids]
        rec["gold_values"] = figures
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    rec["filters"] = {FILTER_NAMES[k]: v for k, v in filters.items()}
    return rec


BANNED = re.compile(r"\b(revenue|aov|units?|kpis?|repeat[- ]rate|basket|return rate|retention|"
                    r"churn|metrics?|y/?o/?y|m/?o/?m|qoq|ytd|gmv|arpu)\b", re.I)


def main():
    out = [record(q) for q in Q]
    per_template = Counter(r["template"] for r in out)
    assert 48 <= len(out) <= 56, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert not BANNED.search(r["question"]), r["question"]
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"])
        if r["kind"] == "compare":                     # whole periods that are over
            assert r["to"] < str(DATA_TO) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO})")
    print("per template:", dict(per_template))
    print("per metric:  ", dict(Counter(r["metric"] for r in out)))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))


if __name__ == "__main__":
    main()
