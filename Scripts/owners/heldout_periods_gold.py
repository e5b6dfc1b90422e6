#!/usr/bin/env python3
"""Held-out owner questions that vary THE WAY A PERIOD OF TIME IS NAMED, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, its tests,
gold.py or the questions of any other held-out set. It read only README "## Owner analytics" (which
metrics, rankings, filters and periods the server supports, and their definitions),
score_questions.py (how a record is compared) and heldout_indirect_gold.py (for its file layout,
record format, tolerances and CSV parsing conventions; the computation below is this file's own).

The metric and the filters of each question are plain; the period is the point of the set. Six kinds
of period expression, six to twelve questions each (the record's "template"):

  period_relative        calendar periods named from the clock: "month-to-date", "two months ago",
                         "the month before last", "the last full quarter", "the quarter before last",
                         "the previous calendar year", "year to date", "yesterday", "the first half
                         of this year", "last month … the month before";
  period_rolling         windows of N days, weeks or months ending at the clock or at a named day:
                         "the last 7 days", "the past 14 days", "the six weeks up to today", "the 7
                         days up to and including 5 December 2011", "the fortnight ending 20 November
                         2011", "the 12 months ending November 2011", "the three months to the end of
                         September 2011", "the 30 days ending 31 October 2011";
  period_anchored_range  a named start and/or end: "from the start of 2011 up to the end of April",
                         "since 15 October 2011", "since 25 November 2011", "everything up to the end
                         of March 2011", "the four weeks beginning Monday 3 October 2011", "the week
                         starting Monday 21 November 2011", "between the 1st of June and the 15th of
                         July 2011";
  period_parts_of_month  "the first ten days of March 2011", "the last seven days of January 2011",
                         "the first fortnight of October 2011", "from the first to the last day of
                         August 2011", "from the 1st to the 15th of September 2011", "the first nine
                         days of December 2011 … the same nine days of December 2010";
  period_quarters_halves "Q4 2010", "the opening quarter of 2011", "the back half of 2011 so far",
                         "the middle two quarters of 2011", "the third quarter of 2011", "H1 2011";
  period_combined        months joined: "October and November 2011 together", "September, October
                         and November 2011 combined", "December 2010 and January 2011 taken together",
                         "the summer months of 2011 — June, July and August", "August to October 2011".

The questions mix totals (revenue, orders, customers, units, average order value, new customers,
repeat-customer rate, return rate, items per order, revenue per customer), rankings (top N products by
units or revenue, countries and customers by revenue), percent changes between two whole past periods
named in those ways, and a country filter on a few.

Each period has one reading with the clock at 2011-12-10 (a Saturday; the data runs 2010-12-01 to
2011-12-09): a period that runs past the clock ends at it, "last month" is November 2011, "the last
full quarter" is Q3 2011 and "the quarter before last" Q2 2011 (as "the month before last" and "two
months ago" are October 2011), "yesterday" is 2011-12-09, "year to date" and "month-to-date" end at the
clock, "since <date>" runs to it, "everything up to <date>" starts with the data, and "the previous
calendar year" is 2010 (of which the data holds December).
Phrases README does not define are not used ("last week", "the second week of October", "the first
half of November", "late 2010", seasons unless the months are named). A window counted back from the
clock ("the last 7 days", "the six weeks up to today") can be read as ending today or yesterday and as
N or N+1 days; those readings are computed below and a question is kept only when they agree (they do
here because the shop never trades on a Saturday and nothing was sold on the clock's day). Where
README's definitions could be read two ways for this data, both readings are computed and a question
is kept only when they agree within its tolerance:

  * rows: all rows are kept ("every good row is kept"), or rows with an empty description, or rows
    with a zero unit price (stock adjustments such as "damages", "found", "check"), are not imported;
  * orders: every invoice not starting with "C", or only those with a positive quantity on them (13
    such invoices are stock write-offs with a negative quantity and no customer);
  * return rate: "cancellation and return invoices" are the C invoices, or those and the invoices
    with a negative quantity;
  * new customers: a customer's first order ever is their first non-cancellation line, or their first
    line of any kind;
  * revenue per customer: "revenue from identified customers" is every line that carries an id, or
    only the lines of customers who ordered in the period.

About twenty first drafts failed those checks (mostly orders, units, new customers and revenue per
customer over periods holding stock write-offs or customers whose first line was a cancellation) and
were given another period or metric, or dropped; no gold was ever fitted to anything but this code.

Rankings are checked to be strictly ordered with a gap at the cut under every reading, and to hold no
postage, manual or fee rows. Percent changes compare two whole periods that are over (never a running
one), with a base that has sales.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_periods.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_periods_gold.py      # writes Scripts/owners/heldout_periods.jsonl
"""

import calendar
import csv
import datetime as dt
import itertools
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_periods.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date
ONE_DAY = dt.timedelta(days=1)

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY,
             "units": COUNT, "orders": COUNT, "customers": COUNT, "new_customers": COUNT,
             "repeat_rate": PCT, "return_rate": PCT, "basket_size": RATIO}
COUNTRY_ALIASES = {"EIRE": "Ireland"}
NOT_GOODS = re.compile(r"^(POST|M|D|C2|DOT|S|CRUK|B|AMAZONFEE|BANK CHARGES|PADS)$")


# ------------------------------------------------------------------------------------ data
class Row:
    __slots__ = ("invoice", "code", "desc", "qty", "price", "day", "cust", "country", "credit")

    def __init__(self, rec):
        self.invoice = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()          # products by StockCode, case-insensitive
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        self.day = sales_day(rec["InvoiceDate"])
        cust = rec["CustomerID"].strip()
        self.cust = cust[:-2] if cust.endswith(".0") else cust  # "12923.0" -> "12923", "" = guest
        self.country = rec["Country"].strip()
        self.credit = self.invoice.upper().startswith("C")     # a cancellation invoice

    @property
    def amount(self):
        return self.qty * self.price


def sales_day(stamp):
    date_part = stamp.strip().split()[0]
    if "-" in date_part:
        return D(*map(int, date_part.split("-")))
    m, d, y = map(int, date_part.split("/"))                 # the raw UCI file's "12/1/2010 8:26"
    return D(y, m, d)


with open(CSV_PATH, newline="", encoding="utf-8") as _fh:
    ROWS = [Row(r) for r in csv.DictReader(_fh)]
DATA_FROM, DATA_TO = min(r.day for r in ROWS), max(r.day for r in ROWS)

# the row sets an importer could keep (see the docstring)
ROW_SETS = {
    "all": ROWS,
    "no-empty-description": [r for r in ROWS if r.desc],
    "no-zero-price": [r for r in ROWS if r.price != 0],
}

# a product's name: its most frequent description (ties are refused where a name is used)
_desc_counts = defaultdict(Counter)
for _r in ROWS:
    if _r.desc:
        _desc_counts[_r.code][_r.desc] += 1


def product_name(code):
    top = _desc_counts[code].most_common(2)
    assert len(top) == 1 or top[0][1] > top[1][1], ("two names tie", code, top)
    return top[0][0]


def first_orders(rows, any_line):
    first = {}
    for r in rows:
        if r.cust and (any_line or not r.credit):
            if r.cust not in first or r.day < first[r.cust]:
                first[r.cust] = r.day
    return first


FIRST_ORDER = {(name, any_line): first_orders(rows, any_line)
               for name, rows in ROW_SETS.items() for any_line in (False, True)}


# ---------------------------------------------------------------------------- computing
# one reading = (row set, orders need a positive line, negative-quantity invoices are returns,
#                first order counts any line, revenue per customer only over ordering customers)
READINGS = list(itertools.product(ROW_SETS, (False, True), (False, True), (False, True), (False, True)))


def in_period(rows, period, filters):
    start, end = period
    end = min(end, TODAY)
    return [r for r in rows
            if (start is None or r.day >= start) and r.day <= end
            and all(getattr(r, k) == v for k, v in filters.items())]


def measure(metric, period, filters, reading):
    row_set, positive_orders, negative_is_return, first_any, rpc_buyers_only = reading
    lines = in_period(ROW_SETS[row_set], period, filters)

    def orders():
        invoices = defaultdict(list)
        for r in lines:
            if not r.credit:
                invoices[r.invoice].append(r)
        return {i for i, rs in invoices.items() if not positive_orders or any(r.qty > 0 for r in rs)}

    def buyers():
        return {r.cust for r in lines if r.cust and not r.credit}

    revenue = sum(r.amount for r in lines)
    if metric == "revenue":
        return revenue
    if metric == "units":
        return sum(r.qty for r in lines)
    if metric == "orders":
        return len(orders())
    if metric == "customers":
        return len(buyers())
    if metric == "aov":
        return revenue / len(orders())
    if metric == "basket_size":
        ids = orders()
        return sum(r.qty for r in lines if r.invoice in ids) / len(ids)
    if metric == "new_customers":
        first = FIRST_ORDER[(row_set, first_any)]
        start = period[0]
        return len([c for c in buyers() if start is None or first[c] >= start])
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in lines:
            if r.cust and not r.credit:
                per[r.cust].add(r.invoice)
        return 100.0 * sum(1 for v in per.values() if len(v) >= 2) / len(per)
    if metric == "return_rate":
        every = {r.invoice for r in lines}
        back = {r.invoice for r in lines if r.credit or (negative_is_return and r.qty < 0)}
        return 100.0 * len(back) / len(every)
    if metric == "revenue_per_customer":
        who = buyers()
        known = sum(r.amount for r in lines if r.cust and (not rpc_buyers_only or r.cust in who))
        return known / len(who)
    raise ValueError(metric)


def agreed(values, tol, what):
    """The first reading's value, once every reading is within the record's tolerance of it."""
    ref = values[0]
    for v in values[1:]:
        diff = abs(v - ref)
        assert diff <= tol.get("abs", 0.01) or diff <= tol.get("rel", 0.005) * abs(ref), \
            ("readings disagree", what, sorted(set(round(x, 4) for x in values)))
    return ref


def total(metric, periods, filters, what):
    vals = [measure(metric, p, filters, rd) for p in periods for rd in READINGS]
    return agreed(vals, TOLERANCE[metric], what)


def change(metric, periods, bases, filters, what):
    vals = []
    for p, b, rd in itertools.product(periods, bases, READINGS):
        now, before = measure(metric, p, filters, rd), measure(metric, b, filters, rd)
        assert before, ("empty base", what)
        vals.append((now - before) / before * 100.0)
    return agreed(vals, PCT, what)


def ranking(group, metric, n, periods, filters, what):
    field = {"product": "code", "country": "country", "customer": "cust"}[group]
    seen = None
    for p, (row_set, *_rest) in itertools.product(periods, READINGS):
        acc = defaultdict(float)
        for r in in_period(ROW_SETS[row_set], p, filters):
            key = getattr(r, field)
            if key:
                acc[key] += r.amount if metric == "revenue" else r.qty
        ranked = sorted(acc.items(), key=lambda kv: -kv[1])
        assert len(ranked) > n, (what, len(ranked))
        figs = [round(v, 2) for _, v in ranked[:n + 1]]
        assert all(figs[i] - figs[i + 1] > 0.011 for i in range(n)), ("tie in the top or at the cut", what, figs)
        keys = [k for k, _ in ranked[:n]]
        if group == "product":
            assert not [k for k in keys if NOT_GOODS.match(k)], ("fee or postage ranked", what, keys)
        if seen is None:
            seen = (keys, figs[:n])
        assert keys == seen[0], ("readings rank differently", what, keys, seen[0])
    return seen


# ------------------------------------------------------------------------------- periods
def month(y, m):
    return D(y, m, 1), D(y, m, calendar.monthrange(y, m)[1])


def months(y1, m1, y2, m2):
    return month(y1, m1)[0], month(y2, m2)[1]


def quarter(y, q):
    return months(y, 3 * q - 2, y, 3 * q)


def days(y, m, d1, d2):
    return D(y, m, d1), D(y, m, d2)


def ending(last, n_days):
    """n days up to and including `last`."""
    return last - (n_days - 1) * ONE_DAY, last


def beginning(first, n_days):
    return first, first + (n_days - 1) * ONE_DAY


def back_from_clock(n_days):
    """'the last n days' / 'the n days up to today': every reading of a window counted back from the
    clock (ending today or yesterday, n or n+1 days). The first is the intended one."""
    yesterday = TODAY - ONE_DAY
    return [ending(TODAY, n_days), ending(yesterday, n_days), (TODAY - n_days * ONE_DAY, TODAY)]


def to_date(start):
    return start, TODAY


def up_to(end):
    return None, end


# ------------------------------------------------------------------------------- questions
Q = []


def ask(template, question, kind, metric, period, n=None, group=None, base=None, **filters):
    """period and base: one (start, end), or a list of readings whose first is the intended one."""
    periods = period if isinstance(period, list) else [period]
    bases = base if isinstance(base, list) or base is None else [base]
    Q.append(dict(template=template, question=question, kind=kind, metric=metric, periods=periods,
                  bases=bases, n=n, group=group, filters=filters))


GER, FRA, NL, IRL, UK, ESP = "Germany", "France", "Netherlands", "EIRE", "United Kingdom", "Spain"

# --- periods named from the clock --------------------------------------------------------
T = "period_relative"
ask(T, "What's our revenue month-to-date?",
    "total", "revenue", to_date(D(2011, 12, 1)))
ask(T, "What was our average order value two months ago?",
    "total", "aov", month(2011, 10))
ask(T, "How much revenue came from Germany in the month before last?",
    "total", "revenue", month(2011, 10), country=GER)
ask(T, "What was the average order value in the last full quarter?",
    "total", "aov", quarter(2011, 3))
ask(T, "How many customers bought from us in the quarter before last?",
    "total", "customers", quarter(2011, 2))
ask(T, "What was our revenue in the previous calendar year?",
    "total", "revenue", (D(2010, 1, 1), D(2010, 12, 31)))
ask(T, "What's our revenue per customer year to date?",
    "total", "revenue_per_customer", to_date(D(2011, 1, 1)))
ask(T, "How many orders did we take yesterday?",
    "total", "orders", (TODAY - ONE_DAY, TODAY - ONE_DAY))
ask(T, "What was our repeat-customer rate for the first half of this year?",
    "total", "repeat_rate", months(2011, 1, 2011, 6))
ask(T, "How did the number of customers last month compare with the month before, as a percentage?",
    "compare", "customers", month(2011, 11), base=month(2011, 10))
ask(T, "Who were our top 5 customers by revenue in the last full quarter?",
    "ranking", "revenue", quarter(2011, 3), n=5, group="customer")
ask(T, "Which three countries brought in the most revenue year to date?",
    "ranking", "revenue", to_date(D(2011, 1, 1)), n=3, group="country")

# --- windows of N days, weeks or months ----------------------------------------------------
T = "period_rolling"
ask(T, "How much revenue did we take in the last 7 days?",
    "total", "revenue", back_from_clock(7))
ask(T, "How many units have we sold in the past 14 days?",
    "total", "units", back_from_clock(14))
ask(T, "How many different customers bought from us in the six weeks up to today?",
    "total", "customers", back_from_clock(42))
ask(T, "How many units did we sell in the 7 days up to and including 5 December 2011?",
    "total", "units", ending(D(2011, 12, 5), 7))
ask(T, "What was revenue in the fortnight ending 20 November 2011?",
    "total", "revenue", ending(D(2011, 11, 20), 14))
ask(T, "How much revenue did France bring in during the 30 days ending 31 October 2011?",
    "total", "revenue", ending(D(2011, 10, 31), 30), country=FRA)
ask(T, "How did revenue in the three months to the end of September 2011 compare with the three "
       "months before that, in percent?",
    "compare", "revenue", months(2011, 7, 2011, 9), base=months(2011, 4, 2011, 6))
ask(T, "Orders in the fortnight ending 24 October 2011 versus the fortnight before it: what's the "
       "percentage change?",
    "compare", "orders", ending(D(2011, 10, 24), 14), base=ending(D(2011, 10, 10), 14))
ask(T, "What were the top 5 products by units sold in the 12 months ending November 2011?",
    "ranking", "units", months(2010, 12, 2011, 11), n=5, group="product")

# --- a named start and/or end ----------------------------------------------------------------
T = "period_anchored_range"
ask(T, "What was revenue from the start of 2011 up to the end of April?",
    "total", "revenue", (D(2011, 1, 1), D(2011, 4, 30)))
ask(T, "How many orders have we had since 25 November 2011?",
    "total", "orders", to_date(D(2011, 11, 25)))
ask(T, "What was our total revenue for everything up to the end of March 2011?",
    "total", "revenue", up_to(D(2011, 3, 31)))
ask(T, "How many customers did we have in the four weeks beginning Monday 3 October 2011?",
    "total", "customers", beginning(D(2011, 10, 3), 28))
ask(T, "How many orders came from the Netherlands between the 1st of June and the 15th of July 2011?",
    "total", "orders", (D(2011, 6, 1), D(2011, 7, 15)), country=NL)
ask(T, "How many new customers did we get in the week starting Monday 21 November 2011?",
    "total", "new_customers", beginning(D(2011, 11, 21), 7))
ask(T, "How did average order value in the week starting Monday 18 July 2011 compare with the week "
       "before, in percent?",
    "compare", "aov", beginning(D(2011, 7, 18), 7), base=beginning(D(2011, 7, 11), 7))
ask(T, "Who were the top 3 customers by revenue since 15 October 2011?",
    "ranking", "revenue", to_date(D(2011, 10, 15)), n=3, group="customer")

# --- parts of a month -----------------------------------------------------------------------
T = "period_parts_of_month"
ask(T, "How many units did we sell in the first ten days of March 2011?",
    "total", "units", days(2011, 3, 1, 10))
ask(T, "How many orders did we get in the last seven days of January 2011?",
    "total", "orders", days(2011, 1, 25, 31))
ask(T, "What was our return rate in the first fortnight of October 2011?",
    "total", "return_rate", days(2011, 10, 1, 14))
ask(T, "How many new customers did we win from the first to the last day of August 2011?",
    "total", "new_customers", days(2011, 8, 1, 31))
ask(T, "How many items per order did we average from the 1st to the 15th of September 2011?",
    "total", "basket_size", days(2011, 9, 1, 15))
ask(T, "Units sold in the first ten days of November 2011 against the first ten days of October 2011: "
       "what's the percentage change?",
    "compare", "units", days(2011, 11, 1, 10), base=days(2011, 10, 1, 10))
ask(T, "How did revenue in the first nine days of December 2011 compare with the same nine days of "
       "December 2010, in percent?",
    "compare", "revenue", days(2011, 12, 1, 9), base=days(2010, 12, 1, 9))
ask(T, "What were the top 3 products by units in the first fortnight of October 2011?",
    "ranking", "units", days(2011, 10, 1, 14), n=3, group="product")

# --- quarters and halves ------------------------------------------------------------------
T = "period_quarters_halves"
ask(T, "How many orders did France place in the opening quarter of 2011?",
    "total", "orders", quarter(2011, 1), country=FRA)
ask(T, "How many customers have we had in the back half of 2011 so far?",
    "total", "customers", to_date(D(2011, 7, 1)))
ask(T, "How much revenue did Germany bring in during the middle two quarters of 2011?",
    "total", "revenue", months(2011, 4, 2011, 9), country=GER)
ask(T, "What was the repeat-customer rate in the third quarter of 2011?",
    "total", "repeat_rate", quarter(2011, 3))
ask(T, "What was revenue per customer in H1 2011?",
    "total", "revenue_per_customer", months(2011, 1, 2011, 6))
ask(T, "By what percentage did orders from Germany change from the opening quarter of 2011 to the "
       "second quarter of 2011?",
    "compare", "orders", quarter(2011, 2), base=quarter(2011, 1), country=GER)
ask(T, "Which four countries brought in the most revenue in Q4 2010?",
    "ranking", "revenue", quarter(2010, 4), n=4, group="country")

# --- months joined ------------------------------------------------------------------------
T = "period_combined"
ask(T, "How much revenue did we make in October and November 2011 together?",
    "total", "revenue", months(2011, 10, 2011, 11))
ask(T, "How many customers bought from us in September, October and November 2011 combined?",
    "total", "customers", months(2011, 9, 2011, 11))
ask(T, "What was the repeat-customer rate for December 2010 and January 2011 taken together?",
    "total", "repeat_rate", months(2010, 12, 2011, 1))
ask(T, "What was revenue from Ireland over the summer months of 2011 — June, July and August?",
    "total", "revenue", months(2011, 6, 2011, 8), country=IRL)
ask(T, "How many orders did Germany place from August to October 2011?",
    "total", "orders", months(2011, 8, 2011, 10), country=GER)
ask(T, "What were our top 3 products by revenue in October and November 2011 together?",
    "ranking", "revenue", months(2011, 10, 2011, 11), n=3, group="product")


# ----------------------------------------------------------------------------------- write
def record(q):
    start, end = q["periods"][0]
    what = q["question"]
    rec = {"question": what, "template": q["template"], "kind": q["kind"], "metric": q["metric"]}
    if q["kind"] == "total":
        rec["gold"] = round(total(q["metric"], q["periods"], q["filters"], what), 4)
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        rec["gold"] = round(change(q["metric"], q["periods"], q["bases"], q["filters"], what), 4)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(q["bases"][0][0]), str(min(q["bases"][0][1], TODAY))]
    else:
        keys, figs = ranking(q["group"], q["metric"], q["n"], q["periods"], q["filters"], what)
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [product_name(k) for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [COUNTRY_ALIASES.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["gold_values"] = figs
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(min(end, TODAY))
    rec["filters"] = {"country": COUNTRY_ALIASES.get(v, v) for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    per_t = Counter(r["template"] for r in out)
    assert len(out) == 50 and len(per_t) == 6 and all(6 <= v <= 12 for v in per_t.values()), per_t
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert r["to"] >= (r["from"] or "") and r["to"] <= str(TODAY)
        if r["kind"] == "compare":                  # whole periods that are over, so no like-for-like cut
            assert r["to"] < str(TODAY) and r["compared_with"][1] < r["from"]
        if r["kind"] == "total" and r["metric"] not in ("new_customers",):
            assert r["gold"] != 0, ("empty period", r["question"])
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO}, "
          f"{len(READINGS)} readings each)")
    print("per template:", dict(per_t))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))
    print("per metric:  ", dict(Counter(f"{r['kind']}:{r['metric']}" for r in out)))


if __name__ == "__main__":
    main()
