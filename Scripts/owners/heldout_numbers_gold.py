#!/usr/bin/env python3
"""Held-out owner questions with NUMBERS AND DATES IN WORDS and report vocabulary, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_novice_gold.py (for its file layout, record format, tolerances, CSV
conventions and its way of keeping a question only when every reading agrees; the computation below
is this file's own), and the data.

The angle: owners who write numbers and dates in words and in unusual formats, and who talk like a
report or a spreadsheet:

  years      "twenty eleven", "two thousand and eleven", "two thousand eleven", "'11", "twenty ten",
             "CY2011";
  months     "the ninth month of twenty eleven", "the eleventh month of 2011", "month 11 of 2011",
             "Sep-2011", "Mar-2011";
  days       "4th–18th of April 2011", "between the 10th of May and the last day of May 2011", "the
             twenty-first to the twenty-seventh of November", "from the first to the fifteenth of
             September", "01-Jun-2011 to 30-Jun-2011", "2011.10.01 – 2011.10.14", "w/c Monday 7
             November 2011", "the first fortnight of October";
  quarters   "the second qtr of '11", "Q3 '11", "the fourth quarter of two thousand and eleven", "H1
             twenty eleven", "the second half of twenty eleven";
  counts     "top four", "a dozen", "half a dozen", "the three biggest", "ten best sellers", "top two",
             "number one", "top ten";
  ids        customer numbers in words, digit by digit or hyphenated ("twelve thousand seven hundred
             and forty-eight", "one four six four six", "one-two-four-one-five");
  products   pack sizes in words ("pack of seventy-two retrospot cake cases", "set of four ...");
  report     "pull the figure for", "what's the line for", "give me the total column for", "sum of",
             "headcount of buyers", "tally up", "subtotal", "what does the cell say", "grand total",
             "net sales", "takings".

Metrics: revenue, orders, units, customers, average order value, items per order, repeat-customer
rate, new customers, new against returning, return rate, revenue per customer, rankings of products
(by units or revenue), customers and countries, and the percent change between two whole past periods.
No breakdown tables: README names no column or row labels for weekday or hour tables, so their gold
could not be written without guessing the server's labels.

Each question has one reading given README's definitions and the clock at 2011-12-10: every date
names its year or is a relative period README uses, a period running past the clock ends at it,
comparisons are of whole past periods, rankings are strictly ordered with a gap at the cut and hold no
postage or fee rows, and a product is named only by words (number words written as digits) that
match exactly one stock code's descriptions (`product()` stops otherwise).

Where README's definitions can be read more than one way, every reading is computed (`READINGS`) and a
question is kept only when all of them agree within the record's tolerance (`main()` stops otherwise).
Readings considered: rows with an empty description kept or skipped; rows with a zero unit price kept
or skipped as bad rows; a non-cancellation invoice holding only negative quantities (a stock
adjustment) counted as an order or not, as a return or not, and its quantities in units or not; a
product filter by stock code or by the lines whose description holds the owner's words; average order
value over net or gross revenue; items per order over the units of orders or net units; revenue per
customer over every identified line or over the period's buyers' lines; a new customer's first order
as their first non-cancellation invoice or first line of any kind, store-wide or inside the filter;
the repeat rate's orders counted inside the filter or store-wide; rankings on net or gross figures,
with or without fee codes, names with or without empty descriptions counted.

NEVER use this file or heldout_numbers.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_numbers_gold.py      # writes Scripts/owners/heldout_numbers.jsonl
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
OUT_PATH = os.path.join(HERE, "heldout_numbers.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}                                  # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY, "units": COUNT,
             "orders": COUNT, "customers": COUNT, "new_customers": COUNT, "repeat_rate": PCT,
             "return_rate": PCT, "basket_size": RATIO}
FEES = re.compile(r"^(POST|DOT|M|D|S|C2|CRUK|AMAZONFEE|BANK CHARGES|PADS|B)$")
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}

# ------------------------------------------------------------------------------------- data
Line = namedtuple("Line", "inv code desc qty price day cust country credit")


def parse_day(stamp):
    head = stamp.strip().split()[0]
    if "-" in head:
        y, m, d = map(int, head.split("-"))
    else:                                            # "12/1/2010 8:26", month first
        m, d, y = map(int, head.split("/"))
    return D(y, m, d)


def parse_customer(raw):
    raw = raw.strip()
    return raw[:-2] if raw.endswith(".0") and raw[:-2].isdigit() else raw


def read_lines():
    out = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            inv = rec["InvoiceNo"].strip()
            out.append(Line(inv, rec["StockCode"].strip().upper(), rec["Description"].strip(),
                            int(rec["Quantity"]), float(rec["UnitPrice"]), parse_day(rec["InvoiceDate"]),
                            parse_customer(rec["CustomerID"]), rec["Country"].strip(),
                            inv.upper().startswith("C")))
    return out


LINES = read_lines()
FIRST_DAY, LAST_DAY = min(l.day for l in LINES), max(l.day for l in LINES)


def _adjustments():
    qtys = defaultdict(list)
    for l in LINES:
        if not l.credit:
            qtys[l.inv].append(l.qty)
    return {inv for inv, qs in qtys.items() if all(q < 0 for q in qs)}


ADJUST = _adjustments()

# ---------------------------------------------------------------------------------- readings
# The first value of each flag is this file's reading of README; the rest are other honest readings.
READINGS = {
    "blank": ("keep", "skip"),                # lines with an empty description
    "free": ("keep", "skip"),                 # lines with a zero unit price
    "adj_order": ("yes", "no"),               # stock-adjustment invoices as orders
    "adj_return": ("no", "yes"),              # ... as return invoices
    "adj_units": ("yes", "no"),               # ... their quantities in units
    "match": ("code", "words"),               # a product filter: its stock code, or lines named so
    "aov_money": ("net", "gross"),
    "basket_units": ("orders", "net"),
    "rpc_money": ("identified", "buyers"),
    "first_kind": ("order", "any_line"),
    "first_scope": ("store", "filter"),
    "repeat_scope": ("filter", "store"),
    "rank_basis": ("net", "gross"),
    "fees": ("keep", "drop"),
    "name_blank": ("ignore", "count"),
}
COMMON = ["blank", "free", "match"]
TOUCHES = {
    "revenue": COMMON,
    "units": COMMON + ["adj_units"],
    "orders": COMMON + ["adj_order"],
    "customers": COMMON,
    "aov": COMMON + ["adj_order", "aov_money"],
    "basket_size": COMMON + ["adj_order", "adj_units", "basket_units"],
    "revenue_per_customer": COMMON + ["rpc_money"],
    "repeat_rate": COMMON + ["repeat_scope"],
    "return_rate": COMMON + ["adj_order", "adj_return"],
    "new_customers": COMMON + ["first_kind", "first_scope"],
    "mix": COMMON + ["first_kind", "first_scope"],
}
RANK_TOUCHES = ["blank", "free", "adj_units", "rank_basis", "fees", "name_blank"]


def readings(flags):
    base = {f: v[0] for f, v in READINGS.items()}
    for combo in itertools.product(*(READINGS[f] for f in flags)):
        r = dict(base)
        r.update(zip(flags, combo))
        yield r


def usable(rd):
    return [l for l in LINES
            if not (rd["blank"] == "skip" and not l.desc)
            and not (rd["free"] == "skip" and l.price == 0)]


# ------------------------------------------------------------------------------ naming things
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


PRODUCT_WORDS = {}


def product(remembered):
    """The one stock code whose descriptions hold every word the owner used (numbers as digits)."""
    want = words(remembered)
    codes = sorted({l.code for l in LINES if l.desc and want <= words(l.desc)})
    if len(codes) != 1:
        raise SystemExit(f"'{remembered}' matches {len(codes)} stock codes: {codes[:8]}")
    PRODUCT_WORDS[codes[0]] = want
    return codes[0]


def country(name):
    assert any(l.country == name for l in LINES), name
    return name


def customer(ident):
    assert any(l.cust == ident for l in LINES), ident
    return ident


# ----------------------------------------------------------------------------------- periods
def month(y, m):
    last = (D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)) - dt.timedelta(days=1)
    return D(y, m, 1), last


def quarter(y, q):
    return month(y, 3 * q - 2)[0], month(y, 3 * q)[1]


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


def days(a, b):
    return a, b


ALL_TIME = (None, None)
YEAR_TO_DATE = (D(2011, 1, 1), TODAY)
LAST_MONTH = month(2011, 11)


def clipped(period):
    a, b = period
    return a, min(b or TODAY, TODAY)


# --------------------------------------------------------------------------------- computing
def select(rd, period, flt):
    a, b = clipped(period)
    out = []
    for l in usable(rd):
        if (a and l.day < a) or l.day > b:
            continue
        if flt.get("country") and l.country != flt["country"]:
            continue
        if flt.get("customer") and l.cust != flt["customer"]:
            continue
        if flt.get("product"):
            if l.code != flt["product"]:
                continue
            if rd["match"] == "words" and not PRODUCT_WORDS[l.code] <= words(l.desc):
                continue
        if rd["adj_units"] == "no" and l.inv in ADJUST:
            continue
        out.append(l)
    return out


def order_ids(lines, rd):
    return {l.inv for l in lines if not l.credit and not (rd["adj_order"] == "no" and l.inv in ADJUST)}


def first_seen(rd, flt):
    pool = select(rd, ALL_TIME, flt if rd["first_scope"] == "filter" else {})
    first = {}
    for l in pool:
        if l.cust and (rd["first_kind"] == "any_line" or not l.credit):
            first[l.cust] = min(first.get(l.cust, l.day), l.day)
    return first


def value(metric, period, flt, rd):
    lines = select(rd, period, flt)
    orders = order_ids(lines, rd)
    buyers = {l.cust for l in lines if l.cust and not l.credit}
    money = sum(l.qty * l.price for l in lines)
    if metric == "revenue":
        return money
    if metric == "units":
        return sum(l.qty for l in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        if rd["aov_money"] == "gross":
            money = sum(l.qty * l.price for l in lines if not l.credit)
        return money / len(orders)
    if metric == "basket_size":
        pieces = sum(l.qty for l in lines if rd["basket_units"] == "net" or l.inv in orders)
        return pieces / len(orders)
    if metric == "revenue_per_customer":
        keep = (lambda c: bool(c)) if rd["rpc_money"] == "identified" else (lambda c: c in buyers)
        return sum(l.qty * l.price for l in lines if keep(l.cust)) / len(buyers)
    if metric == "repeat_rate":
        pool = lines if rd["repeat_scope"] == "filter" else select(rd, period, {})
        per = defaultdict(set)
        for l in pool:
            if l.cust in buyers and not l.credit:
                per[l.cust].add(l.inv)
        return 100.0 * sum(len(per[c]) >= 2 for c in buyers) / len(buyers)
    if metric == "return_rate":
        invoices = {l.inv for l in lines}
        back = {l.inv for l in lines if l.credit or (rd["adj_return"] == "yes" and l.inv in ADJUST)}
        return 100.0 * len(back) / len(invoices)
    if metric in ("new_customers", "mix"):
        start = clipped(period)[0]
        first = first_seen(rd, flt)
        new = {c for c in buyers if start is None or first[c] >= start}
        return len(new) if metric == "new_customers" else [len(new), len(buyers) - len(new)]
    raise ValueError(metric)


def names(rd):
    seen = defaultdict(Counter)
    for l in usable(rd):
        if l.desc or rd["name_blank"] == "count":
            seen[l.code][l.desc] += 1
    out = {}
    for code, c in seen.items():
        top = c.most_common(2)
        out[code] = (top[0][0], len(top) > 1 and top[0][1] == top[1][1])
    return out


def rank(group, metric, n, period, flt, rd):
    acc = defaultdict(float)
    for l in select(rd, period, flt):
        if rd["rank_basis"] == "gross" and l.credit:
            continue
        if group == "product" and rd["fees"] == "drop" and FEES.match(l.code):
            continue
        key = {"product": l.code, "customer": l.cust, "country": l.country}[group]
        if key:
            acc[key] += l.qty * l.price if metric == "revenue" else l.qty
    order = sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(order) <= n:
        return None
    figs = [round(v, 2) for _, v in order[:n + 1]]
    if any(figs[i] - figs[i + 1] <= 0.011 for i in range(n)):
        return None                                  # a tie inside the ranking or at its cut
    keys = [k for k, _ in order[:n]]
    if group != "product":
        return keys, keys, figs[:n]
    if any(FEES.match(k) for k in keys):
        return None
    nm = names(rd)
    if any(nm[k][1] for k in keys):
        return None                                  # a name that is a tie of descriptions
    return keys, [nm[k][0] for k in keys], figs[:n]


def close(a, b, tol):
    d = abs(a - b)
    return d <= tol.get("abs", 0.01) or d <= tol.get("rel", 0.005) * abs(b)


# ---------------------------------------------------------------------------------- questions
Q = []


def ask(style, text, kind, metric, period, base=None, n=None, group=None, **flt):
    Q.append(dict(template="numbers_" + style, question=text, kind=kind, metric=metric, period=period,
                  base=base, n=n, group=group, filters={k: v for k, v in flt.items() if v}))


# QUESTIONS-BEGIN
M, QTR, Y = month, quarter, year
H1_2011 = (D(2011, 1, 1), D(2011, 6, 30))

# --- revenue ----------------------------------------------------------------------------------
ask("report", "Pull the figure for total sales in the ninth month of twenty eleven.",
    "total", "revenue", M(2011, 9))
ask("days", "What's the line for turnover, 4th–18th of April 2011?",
    "total", "revenue", days(D(2011, 4, 4), D(2011, 4, 18)))
ask("days", "Sum of sales between the 10th of May and the last day of May 2011, please.",
    "total", "revenue", days(D(2011, 5, 10), D(2011, 5, 31)))
ask("ids", "Grand total for customer twelve thousand seven hundred and forty-eight in twenty eleven: "
           "what did they spend with us?",
    "total", "revenue", YEAR_TO_DATE, customer=customer("12748"))
ask("years", "Net sales for December twenty ten, one number please.",
    "total", "revenue", M(2010, 12))
ask("ids", "How much did the pack of seventy-two retrospot cake cases bring in during the fourth quarter "
           "of two thousand and eleven?",
    "total", "revenue", QTR(2011, 4), product=product("pack of 72 retrospot cake cases"))
ask("formats", "Revenue 01-Jun-2011 to 30-Jun-2011, Netherlands. What does the cell say?",
    "total", "revenue", M(2011, 6), country=country("Netherlands"))
ask("days", "Takings from the twenty-first to the twenty-seventh of November twenty eleven?",
    "total", "revenue", days(D(2011, 11, 21), D(2011, 11, 27)))

# --- orders -----------------------------------------------------------------------------------
ask("report", "Give me the total column for orders, 1st to the 7th of Dec. 2011.",
    "total", "orders", days(D(2011, 12, 1), D(2011, 12, 7)))
ask("formats", "Orders w/c Monday 7 November 2011, Germany: the count for that week.",
    "total", "orders", days(D(2011, 11, 7), D(2011, 11, 13)), country=country("Germany"))
ask("years", "Count of invoices, credit notes excluded, for Ireland in the eleventh month of 2011.",
    "total", "orders", M(2011, 11), country=country("EIRE"))
ask("ids", "Number of orders placed by customer one four six four six, all time.",
    "total", "orders", ALL_TIME, customer=customer("14646"))
ask("days", "Orders for the first fortnight of October twenty eleven?",
    "total", "orders", days(D(2011, 10, 1), D(2011, 10, 14)))

# --- units ------------------------------------------------------------------------------------
ask("ids", "Sum of quantity for the set of four pantry jelly moulds in twenty eleven.",
    "total", "units", YEAR_TO_DATE, product=product("set of 4 pantry jelly moulds"))
ask("years", "Tally up the units to Ireland in the second qtr of '11.",
    "total", "units", QTR(2011, 2), country=country("EIRE"))
ask("formats", "Subtotal of units for Switzerland, CY2011 to date?",
    "total", "units", YEAR_TO_DATE, country=country("Switzerland"))
ask("ids", "How many sixty teatime fairy cake cases went out in the third quarter of twenty eleven?",
    "total", "units", QTR(2011, 3), product=product("60 teatime fairy cake cases"))
ask("formats", "Quantity sold, 2011.10.01 – 2011.10.14, France.",
    "total", "units", days(D(2011, 10, 1), D(2011, 10, 14)), country=country("France"))

# --- customers --------------------------------------------------------------------------------
ask("report", "Headcount of buyers in October twenty eleven.",
    "total", "customers", M(2011, 10))
ask("years", "Distinct customers from Germany in the first quarter of two thousand eleven?",
    "total", "customers", QTR(2011, 1), country=country("Germany"))
ask("years", "How many separate customer accounts ordered in the second half of twenty eleven?",
    "total", "customers", (D(2011, 7, 1), D(2011, 12, 31)))
ask("days", "Head count of customers from the first to the fifteenth of September 2011.",
    "total", "customers", days(D(2011, 9, 1), D(2011, 9, 15)))

# --- average order value, items per order, revenue per customer ------------------------------
ask("years", "Average order value for France, July to September twenty eleven, to the penny.",
    "total", "aov", QTR(2011, 3), country=country("France"))
ask("ids", "What's the AOV for customer one-two-four-one-five across twenty eleven?",
    "total", "aov", YEAR_TO_DATE, customer=customer("12415"))
ask("formats", "Mean order value, Mar-2011, Germany?",
    "total", "aov", M(2011, 3), country=country("Germany"))
ask("years", "Items per order for Germany in October two thousand and eleven.",
    "total", "basket_size", M(2011, 10), country=country("Germany"))
ask("formats", "Units per order, 1-Jun-2011 to 31-Aug-2011, Spain.",
    "total", "basket_size", (D(2011, 6, 1), D(2011, 8, 31)), country=country("Spain"))
ask("years", "Revenue per customer in March two thousand eleven.",
    "total", "revenue_per_customer", M(2011, 3))
ask("report", "Average spend per customer for France, all of '11.",
    "total", "revenue_per_customer", YEAR_TO_DATE, country=country("France"))

# --- loyalty and returns ----------------------------------------------------------------------
ask("years", "Repeat-customer rate for twenty eleven as a whole, please.",
    "total", "repeat_rate", YEAR_TO_DATE)
ask("days", "What share of customers ordered two or more times between the 1st of October and the 30th "
            "of November 2011?",
    "total", "repeat_rate", days(D(2011, 10, 1), D(2011, 11, 30)))
ask("report", "Repeat rate, Q1 '11, United Kingdom. The percentage cell, please.",
    "total", "repeat_rate", QTR(2011, 1), country=country("United Kingdom"))
ask("years", "How many new customers did Germany bring us in twenty eleven?",
    "total", "new_customers", YEAR_TO_DATE, country=country("Germany"))
ask("report", "Pull the number of first-time customers from the Netherlands for H1 twenty eleven.",
    "total", "new_customers", H1_2011, country=country("Netherlands"))
ask("formats", "New vs returning customers for Germany, Sep-2011. Two numbers.",
    "mix", "mix", M(2011, 9), country=country("Germany"))
ask("years", "Return rate for the second month of twenty eleven?",
    "total", "return_rate", M(2011, 2))
ask("report", "Percentage of invoices that were cancellations, Germany, twenty eleven to date.",
    "total", "return_rate", YEAR_TO_DATE, country=country("Germany"))

# --- rankings ---------------------------------------------------------------------------------
ask("counts", "Top four products by units in September two thousand and eleven?",
    "ranking", "units", M(2011, 9), n=4, group="product")
ask("counts", "A dozen best-selling products by units for Q4 twenty eleven.",
    "ranking", "units", QTR(2011, 4), n=12, group="product")
ask("counts", "The three biggest customers by spend in Q3 of twenty eleven.",
    "ranking", "revenue", QTR(2011, 3), n=3, group="customer")
ask("counts", "Ten best sellers by units last month, as a list.",
    "ranking", "units", LAST_MONTH, n=10, group="product")
ask("counts", "Half a dozen top products by revenue, the third qtr of '11.",
    "ranking", "revenue", QTR(2011, 3), n=6, group="product")
ask("counts", "Top two customers by revenue in October twenty eleven.",
    "ranking", "revenue", M(2011, 10), n=2, group="customer")
ask("counts", "Which country is number one for sales in twenty eleven?",
    "ranking", "revenue", YEAR_TO_DATE, n=1, group="country")
ask("counts", "Top ten countries by revenue, the second quarter of two thousand and eleven.",
    "ranking", "revenue", QTR(2011, 2), n=10, group="country")

# --- percent change ---------------------------------------------------------------------------
ask("change", "Percent change in revenue, September twenty eleven against August twenty eleven.",
    "compare", "revenue", M(2011, 9), base=M(2011, 8))
ask("change", "Orders in Q3 '11 versus Q2 '11 for Germany, as a % change.",
    "compare", "orders", QTR(2011, 3), base=QTR(2011, 2), country=country("Germany"))
ask("change", "Customer count, month 11 of 2011 against month 10 of 2011: up or down, by what percentage?",
    "compare", "customers", M(2011, 11), base=M(2011, 10))
ask("change", "Revenue for the 1st–9th of December 2011 compared with the 1st–9th of December 2010, "
              "percentage change?",
    "compare", "revenue", days(D(2011, 12, 1), D(2011, 12, 9)), base=days(D(2010, 12, 1), D(2010, 12, 9)))
ask("change", "AOV for the Netherlands, Q3 twenty eleven against Q2 twenty eleven, percent change.",
    "compare", "aov", QTR(2011, 3), base=QTR(2011, 2), country=country("Netherlands"))
# QUESTIONS-END


# -------------------------------------------------------------------------------------- gold
def gold(q):
    kind, metric, flt = q["kind"], q["metric"], q["filters"]
    if kind == "ranking":
        outs = [rank(q["group"], metric, q["n"], q["period"], flt, rd) for rd in readings(RANK_TOUCHES)]
        if any(o is None for o in outs) or len({(tuple(o[0]), tuple(o[1])) for o in outs}) != 1:
            raise SystemExit(f"ranking differs between readings or ties: {q['question']}\n{outs[:3]}")
        return outs[0]
    flags = TOUCHES[metric]
    if kind == "mix":
        vals = [value(metric, q["period"], flt, rd) for rd in readings(flags)]
        if any(v != vals[0] for v in vals):
            raise SystemExit(f"readings disagree: {q['question']}\n{vals}")
        return vals[0]
    if kind == "compare":
        vals = []
        for rd in readings(flags):
            now, before = value(metric, q["period"], flt, rd), value(metric, q["base"], flt, rd)
            vals.append((now - before) / before * 100.0)
        tol = PCT
    else:
        vals = [value(metric, q["period"], flt, rd) for rd in readings(flags)]
        tol = TOLERANCE[metric]
    if not all(close(v, vals[0], tol) for v in vals):
        raise SystemExit(f"readings disagree: {q['question']}\n{sorted(set(round(v, 4) for v in vals))}")
    return vals[0]


def record(q):
    a, b = clipped(q["period"])
    rec = {"question": q["question"], "template": q["template"], "kind": q["kind"], "metric": q["metric"]}
    g = gold(q)
    if q["kind"] == "total":
        rec["gold"] = g if isinstance(g, int) else round(g, 2 if q["metric"] == "revenue" else 4)
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"], rec["tolerance"] = round(g, 4), PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    elif q["kind"] == "mix":
        rec["gold"], rec["tolerance"] = g, COUNT
    else:
        keys, shown, figs = g
        rec["group"], rec["n"] = q["group"], q["n"]
        rec["gold"] = shown
        rec["gold_ids"] = [ALIASES.get(k, k) for k in keys] if q["group"] == "country" else keys
        rec["gold_values"] = figs
        rec["tolerance"] = MONEY
    rec["from"] = str(a) if a else None
    rec["to"] = str(b)
    rec["filters"] = dict(q["filters"])
    return rec


def main():
    # README's own example figures, as a check of this file's reading of the CSV
    for flt, want in (({"country": "Germany"}, 12892.58), ({"country": "France"}, 12109.77)):
        assert abs(value("revenue", YEAR_TO_DATE, flt, {f: v[0] for f, v in READINGS.items()}) - want) < 0.01
    out = [record(q) for q in Q]
    assert 48 <= len(out) <= 52, len(out)
    assert len({r["question"] for r in out}) == len(out), "duplicate question"
    for r in out:
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"]), r
        if r["kind"] == "compare":                   # two whole periods, both over, in order
            assert r["to"] <= str(LAST_DAY) and r["compared_with"][1] < r["from"], r
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {FIRST_DAY} to {LAST_DAY})")
    for field in ("template", "kind", "metric"):
        print(f"per {field}:", dict(Counter(r[field] for r in out)))
    print("rankings:", dict(Counter(f"{r['group']} by {r['metric']}" for r in out if r["kind"] == "ranking")))


if __name__ == "__main__":
    main()
