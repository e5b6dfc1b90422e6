#!/usr/bin/env python3
"""Held-out owner questions written THE WAY AN ANALYST TYPES, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared with the server's answer) and heldout_indirect_gold.py (for its file layout,
record format, tolerances and CSV parsing conventions only; the computation below is this file's own
and was written from the README definitions). The askers are owners, and the people they hire, who
think in spreadsheets, dashboards and databases and type into the chat as they would into a BI tool
or to a colleague on Slack. Five styles, ten questions each:

  spreadsheet  spreadsheet words: "sum of revenue for …", "count of orders", "count distinct
               customers", "filtered to Germany", "sum of quantity", "pivot … top 10";
  sql          SQL-ish fragments: "revenue where country = France and month = 2011-03",
               "select count(distinct customer_id) where …", "group by … order by … desc limit 5",
               ISO dates and "date between '…' and '…'";
  fields       key:value and pipe-separated fragments as typed into a dashboard filter bar:
               "orders | country: Netherlands | Q3 2011", "customers, 2011-07", "metric: revenue;
               country: Spain; period: H1 2011";
  slack        a message to a colleague that happens to be sent to the bot: "hey can you pull …",
               "quick one –", "need it for the deck", "when you get a sec? thx";
  kpi          dashboard and KPI jargon that names exactly one supported metric: "AOV", "top-line",
               "GMV" (only where no return or cancellation falls in the scope, so gross and net
               agree), "ARPU", "unique buyers", "QoQ", "MoM", "YTD".

The questions mix totals over a period (revenue, orders, customers, units, average order value,
items per order, new customers, repeat-customer rate, return rate, revenue per customer), new
against returning, rankings (top N products by units or by revenue, countries and customers by
revenue), percent changes between two whole past periods, and filters by country, by product and by
customer id. Each has one reading: every date names its year or is a relative period README defines
with the clock at 2011-12-10 ("last month" is November 2011, "this year" / "YTD" / "2011 so far" is
2011-01-01 to 2011-12-10); comparisons are of whole past months or quarters; "FY", "run-rate" and
other words with more than one reading are not used. A product is named as an owner remembers it
only when those words match exactly one stock code's descriptions (`stock_code_for()` stops
otherwise).

Robustness: README leaves a few things open for this file (rows with no description, zero-price
lines with a negative quantity on an invoice that is not a cancellation, whether fee rows such as
POSTAGE take part in product rankings, which lines "revenue from identified customers" takes). Every
gold below is computed under the literal reading and under each alternative (`READINGS`), and the
script stops unless all readings agree within the record's tolerance (rankings: the same top N, in
the same order, with a strict gap inside the top N and at the cut). So no question depends on those
choices.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).
A period that runs past the clock ends at it; dates are inclusive.

NEVER use this file or heldout_analyst.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_analyst_gold.py      # writes Scripts/owners/heldout_analyst.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_analyst.jsonl")
CLOCK = dt.date(2011, 12, 10)

# tolerances in the form score_questions.py reads
TOL_PCT = {"abs": 0.05}
TOL_MONEY = {"rel": 0.005, "abs": 0.01}
TOL_COUNT = {"abs": 0.01, "rel": 0.0}
TOL_RATIO = {"rel": 0.005, "abs": 0.01}
TOL = {"revenue": TOL_MONEY, "aov": TOL_MONEY, "revenue_per_customer": TOL_MONEY,
       "units": TOL_COUNT, "orders": TOL_COUNT, "customers": TOL_COUNT, "new_customers": TOL_COUNT,
       "basket_size": TOL_RATIO, "repeat_rate": TOL_PCT, "return_rate": TOL_PCT}

FEE_CODE = re.compile(r"^(POST|DOT|M|D|C2|S|CRUK|AMAZONFEE|BANK CHARGES|PADS|B|DCGS.*)$")
FEE_NAME = re.compile(r"POSTAGE|CARRIAGE|MANUAL|DISCOUNT|DOTCOM|BANK CHARGES|AMAZON FEE|CRUK|SAMPLES")


# ------------------------------------------------------------------------------ the data
def parse_day(text):
    """Sales day of an InvoiceDate: ISO '2011-10-06 16:20:00' or US-style '12/1/2010 8:26'."""
    date_part = text.split()[0]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", date_part)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", date_part)
    if m:
        return dt.date(int(m[3]), int(m[1]), int(m[2]))
    raise ValueError(text)


def load():
    rows = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            cust = rec["CustomerID"].strip()
            if cust.endswith(".0") and cust[:-2].isdigit():
                cust = cust[:-2]
            inv = rec["InvoiceNo"].strip()
            qty = int(rec["Quantity"])
            price = float(rec["UnitPrice"])
            rows.append({
                "inv": inv, "cancel": inv.upper().startswith("C"),
                "code": rec["StockCode"].strip().upper(), "desc": rec["Description"].strip(),
                "qty": qty, "price": price, "amount": qty * price,
                "day": parse_day(rec["InvoiceDate"].strip()),
                "cust": cust, "country": rec["Country"].strip(),
            })
    return rows


ROWS = load()
DATA_FROM, DATA_TO = min(r["day"] for r in ROWS), max(r["day"] for r in ROWS)

DESC_COUNTS = defaultdict(Counter)
for _r in ROWS:
    if _r["desc"]:
        DESC_COUNTS[_r["code"]][_r["desc"]] += 1


def display_name(code):
    """A product's name: its most frequent description (a tie would make the name uncertain)."""
    top = DESC_COUNTS[code].most_common(2)
    assert len(top) == 1 or top[0][1] > top[1][1], ("tied names", code, top)
    return top[0][0]


def tokens(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def stock_code_for(remembered):
    """The single stock code having a description that contains every word the owner typed."""
    want = tokens(remembered)
    found = sorted(c for c, descs in DESC_COUNTS.items() if any(want <= tokens(d) for d in descs))
    if len(found) != 1:
        raise SystemExit(f"{remembered!r} matches {len(found)} stock codes: "
                         + "; ".join(f"{c} {display_name(c)}" for c in found[:10]))
    display_name(found[0])
    return found[0]


def known_country(name):
    assert any(r["country"] == name for r in ROWS), name
    return name


def known_customer(cid):
    assert any(r["cust"] == cid and not r["cancel"] for r in ROWS), cid
    return cid


def is_fee(code):
    return bool(FEE_CODE.match(code)) or any(FEE_NAME.search(d.upper()) for d in DESC_COUNTS[code])


# ------------------------------------------------------------------------- the readings
# "literal" follows README word for word; the others are the places README could be read otherwise.
READINGS = {
    "literal": {},
    "skip_blank_description": {"skip_blank": True},
    "negative_lines_are_returns": {"neg_is_return": True},
    "fees_out_of_rankings": {"no_fees_in_rankings": True},
    "rpc_sales_lines_only": {"rpc": "sales_only"},
    "rpc_counted_customers_only": {"rpc": "counted_only"},
}


def first_orders(rows):
    first = {}
    for r in rows:
        if r["cust"] and not r["cancel"]:
            if r["cust"] not in first or r["day"] < first[r["cust"]]:
                first[r["cust"]] = r["day"]
    return first


class Book:
    """All the sales lines as one reading sees them."""

    def __init__(self, opts):
        self.opts = opts
        rows = ROWS
        if opts.get("skip_blank"):
            rows = [r for r in rows if r["desc"]]
        self.rows = rows
        self.first = first_orders(rows)
        # invoices that are returns without a C: every line negative
        per_inv = defaultdict(list)
        for r in rows:
            per_inv[r["inv"]].append(r["qty"])
        self.negative_only = {i for i, qs in per_inv.items() if all(q < 0 for q in qs)}

    def select(self, period, filters):
        lo, hi = period
        hi = min(hi, CLOCK)
        return [r for r in self.rows
                if (lo is None or r["day"] >= lo) and r["day"] <= hi
                and all(r[k] == v for k, v in filters.items())]

    def is_order_line(self, r):
        if r["cancel"]:
            return False
        if self.opts.get("neg_is_return") and r["inv"] in self.negative_only:
            return False
        return True

    def measure(self, metric, period, filters):
        lines = self.select(period, filters)
        orders = {r["inv"] for r in lines if self.is_order_line(r)}
        buyers = {r["cust"] for r in lines if r["cust"] and not r["cancel"]}
        if metric == "revenue":
            return sum(r["amount"] for r in lines)
        if metric == "units":
            return sum(r["qty"] for r in lines)
        if metric == "orders":
            return len(orders)
        if metric == "customers":
            return len(buyers)
        if metric == "aov":
            return sum(r["amount"] for r in lines) / len(orders)
        if metric == "basket_size":
            return sum(r["qty"] for r in lines if r["inv"] in orders) / len(orders)
        if metric == "new_customers":
            lo = period[0]
            return sum(1 for c in buyers if lo is None or self.first[c] >= lo)
        if metric == "repeat_rate":
            count = Counter()
            for r in lines:
                if r["cust"] and self.is_order_line(r):
                    count[(r["cust"], r["inv"])] = 1
            per_cust = Counter(c for c, _ in count)
            return 100.0 * sum(1 for n in per_cust.values() if n >= 2) / len(per_cust)
        if metric == "return_rate":
            invoices = {r["inv"] for r in lines}
            returns = {r["inv"] for r in lines if r["cancel"]}
            if self.opts.get("neg_is_return"):
                returns |= invoices & self.negative_only
            return 100.0 * len(returns) / len(invoices)
        if metric == "revenue_per_customer":
            how = self.opts.get("rpc")
            if how == "sales_only":
                money = sum(r["amount"] for r in lines if r["cust"] and not r["cancel"])
            elif how == "counted_only":
                money = sum(r["amount"] for r in lines if r["cust"] in buyers)
            else:
                money = sum(r["amount"] for r in lines if r["cust"])
            return money / len(buyers)
        raise KeyError(metric)

    def mix(self, period, filters):
        lines = self.select(period, filters)
        buyers = {r["cust"] for r in lines if r["cust"] and not r["cancel"]}
        new = sum(1 for c in buyers if self.first[c] >= period[0])
        return [new, len(buyers) - new]

    def change(self, metric, period, base, filters):
        a, b = self.measure(metric, period, filters), self.measure(metric, base, filters)
        return (a - b) / b * 100.0

    def rank(self, group, metric, n, period, filters):
        key = {"product": "code", "country": "country", "customer": "cust"}[group]
        totals = defaultdict(float)
        for r in self.select(period, filters):
            k = r[key]
            if not k:
                continue          # guests are no customer
            if group == "product" and self.opts.get("no_fees_in_rankings") and is_fee(k):
                continue
            totals[k] += r["amount"] if metric == "revenue" else r["qty"]
        order = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        assert len(order) > n, (group, n, len(order))
        head = [round(v, 2) for _, v in order[:n + 1]]
        gap = 0.5 if metric == "units" else 0.02
        for i in range(n):
            assert head[i] - head[i + 1] >= gap, ("tie inside the top or at the cut", group, metric,
                                                  n, period, filters, head)
        keys = [k for k, _ in order[:n]]
        if group == "product":
            assert not [k for k in keys if is_fee(k)], ("fee row in a product ranking", keys)
        return keys, head[:n]


BOOKS = {name: Book(opts) for name, opts in READINGS.items()}


def agree(values, tol):
    base = values["literal"]
    for name, v in values.items():
        d = abs(v - base)
        assert d <= tol.get("abs", 0.01) or d <= tol.get("rel", 0.005) * abs(base), \
            ("readings disagree", name, v, base)
    return base


# -------------------------------------------------------------------------------- periods
def month(y, m):
    nxt = dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1)
    return dt.date(y, m, 1), nxt - dt.timedelta(days=1)


def quarter(y, q):
    return dt.date(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y, h):
    return quarter(y, 1)[0] if h == 1 else quarter(y, 3)[0], quarter(y, 2)[1] if h == 1 else quarter(y, 4)[1]


def year(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def days(a, b):
    return dt.date.fromisoformat(a), dt.date.fromisoformat(b)


LAST_MONTH = month(2011, 11)
THIS_YEAR = (dt.date(2011, 1, 1), CLOCK)
ALIAS = {"EIRE": "Ireland"}

# ------------------------------------------------------------------------------ questions
QS = []


def total(style, text, metric, period, **filters):
    QS.append(dict(style=style, question=text, kind="total", metric=metric, period=period, filters=filters))


def compare(style, text, metric, period, base, **filters):
    QS.append(dict(style=style, question=text, kind="compare", metric=metric, period=period, base=base,
                   filters=filters))


def top(style, text, group, metric, n, period, **filters):
    QS.append(dict(style=style, question=text, kind="ranking", metric=metric, group=group, n=n,
                   period=period, filters=filters))


def mix(style, text, period, **filters):
    QS.append(dict(style=style, question=text, kind="mix", metric="mix", period=period, filters=filters))


# --- spreadsheet words ----------------------------------------------------------------------
S = "spreadsheet"
total(S, "Sum of revenue for March 2011", "revenue", month(2011, 3))
total(S, "count of orders, filtered to Germany, Q2 2011", "orders", quarter(2011, 2),
      country=known_country("Germany"))
total(S, "count distinct customers for October 2011", "customers", month(2011, 10))
top(S, "pivot of sum of quantity by product for November 2011, top 10, sorted largest to smallest",
    "product", "units", 10, month(2011, 11))
total(S, "average basket size for September 2011", "basket_size", month(2011, 9))
total(S, "sum of quantity for jumbo bag red retrospot, October 2011", "units", month(2011, 10),
      code=stock_code_for("jumbo bag red retrospot"))
total(S, "average order value filtered to France for calendar year 2011", "aov", year(2011),
      country=known_country("France"))
compare(S, "% change in sum of revenue, Q3 2011 vs Q2 2011", "revenue", quarter(2011, 3), quarter(2011, 2))
top(S, "sum of revenue by customer ID for H1 2011, top 5 rows", "customer", "revenue", 5, half(2011, 1))
total(S, "count of new customers in April 2011", "new_customers", month(2011, 4))

# --- SQL-ish fragments --------------------------------------------------------------------------
S = "sql"
total(S, "revenue where country = France and month = 2011-03", "revenue", month(2011, 3),
      country=known_country("France"))
total(S, "SELECT SUM(quantity) WHERE product = 'assorted colour bird ornament' AND date BETWEEN '2011-04-01' AND '2011-06-30'",
      "units", days("2011-04-01", "2011-06-30"), code=stock_code_for("assorted colour bird ornament"))
total(S, "select count(distinct customer_id) where country = 'Netherlands' and year = 2011",
      "customers", year(2011), country=known_country("Netherlands"))
top(S, "select country, sum(revenue) where year = 2011 group by country order by sum(revenue) desc limit 5",
    "country", "revenue", 5, year(2011))
total(S, "orders where date >= '2011-08-08' and date <= '2011-08-14'", "orders",
      days("2011-08-08", "2011-08-14"))
total(S, "select aov where customer_id = 14646 and year = 2011", "aov", year(2011),
      cust=known_customer("14646"))
top(S, "top 5 products by revenue where month = '2011-09' order by revenue desc", "product", "revenue", 5,
    month(2011, 9))
total(S, "return_rate where quarter = '2011-Q1'", "return_rate", quarter(2011, 1))
total(S, "select sum(revenue) where customer_id = 15311 and date >= '2011-06-01'", "revenue",
      (dt.date(2011, 6, 1), CLOCK), cust=known_customer("15311"))
compare(S, "orders where month = 2011-08 vs month = 2011-06, as a % change", "orders", month(2011, 8),
        month(2011, 6))

# --- key:value and pipe fragments ----------------------------------------------------------------
S = "fields"
total(S, "orders | country: Netherlands | Q3 2011", "orders", quarter(2011, 3),
      country=known_country("Netherlands"))
total(S, "customers, 2011-07", "customers", month(2011, 7))
total(S, "metric: revenue; country: Spain; period: H1 2011", "revenue", half(2011, 1),
      country=known_country("Spain"))
total(S, "units | product: mini paint set vintage | 2011-11", "units", month(2011, 11),
      code=stock_code_for("mini paint set vintage"))
top(S, "top products by revenue | 2011-Q3 | n=5", "product", "revenue", 5, quarter(2011, 3))
total(S, "return rate — 2011-08", "return_rate", month(2011, 8))
total(S, "new customers: 2011-05", "new_customers", month(2011, 5))
mix(S, "new vs returning customers | last month", LAST_MONTH)
compare(S, "aov | country: France | 2011-10 vs 2011-09 | % change", "aov", month(2011, 10), month(2011, 9),
        country=known_country("France"))
total(S, "repeat customer rate, country=UK, period=2011-Q2", "repeat_rate", quarter(2011, 2),
      country=known_country("United Kingdom"))

# --- Slack messages to a colleague ------------------------------------------------------------------
S = "slack"
total(S, "hey can you pull units for the white hanging heart thing for Dec 2010?", "units", month(2010, 12),
      code=stock_code_for("white hanging heart"))
total(S, "quick one – how many orders did we get from Germany last month?", "orders", LAST_MONTH,
      country=known_country("Germany"))
top(S, "anyone know the top 3 countries by revenue for Q3 2011? need it for the deck", "country", "revenue",
    3, quarter(2011, 3))
total(S, "can you grab me the AOV for Germany, calendar year 2011, when you get a sec? thx", "aov",
      year(2011), country=known_country("Germany"))
total(S, "hey, what did the repeat customer rate look like for H1 2011?", "repeat_rate", half(2011, 1))
total(S, "could you check how many unique customers we had in November 2011? ty", "customers",
      month(2011, 11))
top(S, "pls send over the top 5 sellers by units for this year, thanks!", "product", "units", 5, THIS_YEAR)
compare(S, "did revenue go up or down in Oct 2011 vs Sept 2011? % please", "revenue", month(2011, 10),
        month(2011, 9))
total(S, "what has customer 13089 spent with us in 2011 so far? they're on the phone", "revenue", THIS_YEAR,
      cust=known_customer("13089"))
total(S, "how many new customers did we land in Q1 2011? boss is asking", "new_customers", quarter(2011, 1))

# --- dashboard / KPI jargon ---------------------------------------------------------------------------
S = "kpi"
total(S, "AOV Q2 2011", "aov", quarter(2011, 2))
total(S, "top-line revenue for 2011-Q3", "revenue", quarter(2011, 3))
total(S, "GMV Netherlands 2011-05", "revenue", month(2011, 5), country=known_country("Netherlands"))
total(S, "basket size KPI (units per order) for Ireland, last month", "basket_size", LAST_MONTH,
      country=known_country("EIRE"))
total(S, "ARPU for France in Sept 2011 (revenue per customer)", "revenue_per_customer", month(2011, 9),
      country=known_country("France"))
total(S, "unique buyers, Q1 2011", "customers", quarter(2011, 1))
compare(S, "QoQ growth in orders for France, Q3 2011 vs Q2 2011", "orders", quarter(2011, 3), quarter(2011, 2),
          country=known_country("France"))
total(S, "new customer acquisition KPI for October 2011", "new_customers", month(2011, 10))
top(S, "top 10 customers by revenue YTD", "customer", "revenue", 10, THIS_YEAR)
compare(S, "MoM % change in units, Nov 2011 vs Oct 2011", "units", month(2011, 11), month(2011, 10))

# the GMV question must have no return in its scope, so that gross and net merchandise value agree
_gmv = [q for q in QS if q["question"].startswith("GMV")][0]
assert not [r for r in BOOKS["literal"].select(_gmv["period"], _gmv["filters"]) if r["qty"] < 0 or r["cancel"]]


# ------------------------------------------------------------------------------ records
FILTER_KEY = {"country": "country", "code": "product", "cust": "customer"}


def build(q):
    period, filters = q["period"], q["filters"]
    rec = {"question": q["question"], "template": "analyst_" + q["style"], "kind": q["kind"],
           "metric": q["metric"]}
    if q["kind"] == "total":
        gold = agree({n: b.measure(q["metric"], period, filters) for n, b in BOOKS.items()}, TOL[q["metric"]])
        rec["gold"] = gold if q["metric"] in ("units", "orders", "customers", "new_customers") else round(gold, 4)
        rec["tolerance"] = TOL[q["metric"]]
    elif q["kind"] == "compare":
        assert q["period"][1] < CLOCK and q["base"][1] < q["period"][0], "whole past periods only"
        rec["gold"] = round(agree({n: b.change(q["metric"], period, q["base"], filters)
                                   for n, b in BOOKS.items()}, TOL_PCT), 4)
        rec["tolerance"] = TOL_PCT
        rec["compared_with"] = [q["base"][0].isoformat(), q["base"][1].isoformat()]
    elif q["kind"] == "mix":
        results = {n: b.mix(period, filters) for n, b in BOOKS.items()}
        assert all(v == results["literal"] for v in results.values()), results
        rec["gold"] = results["literal"]
        rec["tolerance"] = TOL_COUNT
    else:
        results = {n: b.rank(q["group"], q["metric"], q["n"], period, filters) for n, b in BOOKS.items()}
        keys, values = results["literal"]
        assert all(k == keys for k, _ in results.values()), ("rankings differ between readings", results)
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [display_name(k) for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [ALIAS.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["gold_values"] = values
        rec["tolerance"] = TOL_MONEY
    rec["from"] = period[0].isoformat() if period[0] else None
    rec["to"] = min(period[1], CLOCK).isoformat()
    rec["filters"] = {FILTER_KEY[k]: v for k, v in filters.items()}
    return rec


def main():
    records, problems = [], []
    for q in QS:
        try:
            records.append(build(q))
        except AssertionError as err:
            problems.append(f"{q['question']!r}: {err}")
    if problems:
        raise SystemExit("questions without one clear answer:\n  " + "\n  ".join(problems))
    assert len(records) == 50, len(records)
    assert len({r["question"].lower() for r in records}) == len(records), "duplicate question"
    per_style = Counter(r["template"] for r in records)
    assert all(v == 10 for v in per_style.values()), per_style
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO}, clock {CLOCK})")
    print("per style:", dict(per_style))
    print("per kind: ", dict(Counter(r["kind"] for r in records)))
    print("per metric:", dict(Counter(f"{r['kind']}:{r['metric']}" + (f":{r['group']}" if "group" in r else "")
                                      for r in records)))


if __name__ == "__main__":
    main()
