#!/usr/bin/env python3
"""Held-out owner questions about COMPARING AND RANKING, in the many ways owners phrase them, with
independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters, comparisons and periods the server supports, and their definitions),
score_questions.py (how a record is compared, and which kinds it can score) and
heldout_indirect_gold.py (for its file layout, record format, tolerances and CSV parsing conventions;
the computation below is this file's own). The point of the set is the words of comparison and of
ranking, not the speaker; six styles, eight or nine questions each:

  compare_change     a percent change between two whole past periods asked in plain terms:
                     "versus", "vs", "against", "compared with", "relative to", "stack up",
                     "percentage change", "the growth from … to …";
  compare_direction  the same asked as a direction: "up or down", "grow or shrink", "rise or fall",
                     "go up or down", "dropped", "fall", "more or less", always asking by how much;
  rank_products      top N products by units (the default) or by revenue ("made us the most money",
                     "best sellers", "shifted the most", "league table", "leading");
  rank_countries     top N countries by revenue ("spent the most", "biggest … by sales", "rank",
                     "league table", "earn the most from", "brought in the most");
  rank_customers     top N customers by revenue, some within one country ("the 3 biggest customers in
                     Germany", "highest-spending", "best customers", "worth the most");
  rank_superlative   one winner: "number one", "best-selling", "the most", "highest-grossing", "top".

Each question has exactly one reading with the clock at 2011-12-10: every date names its year or is a
relative period README defines ("last month" = November 2011, "this year" = 2011-01-01 to
2011-12-10; a period that runs past the clock ends at it). Comparisons are of two whole periods that
are over (never the running month or quarter, so no like-for-like cut), and the base of
"change = (a − b) ÷ b × 100 %" is always the earlier period: the one after "versus", "against",
"compared with", "relative to" or "than", or after "from" in "from … to …". Rankings are strictly
ordered, with a gap of more than a cent or a unit at every place down to the N+1-th, and hold no
postage or fee rows.

Where README's definitions can be read two ways, every reading is computed below and a question is
kept only when they agree (see `READINGS`):
  - the file's stock corrections (ordinary invoices with a negative quantity, no price and no customer:
    "check", "damaged", "???missing") are, by the letter of README, orders whose units subtract; they
    might also be read as returns, or not as sales at all. Units, orders and average order value must
    agree within the record's tolerance with and without them, and rankings must not change;
  - a line with no description might be refused by the importer as a bad row: the same, with and
    without those lines;
  - a customer's or a country's revenue counts postage, carriage, fees and manual adjustments by
    README's definition; their rankings must be the same without those lines;
  - a product's name is its most frequent description: it must be the same whether or not the odd
    lowercase notes count, and there must be no tie for it.
"Returns subtract" is stated outright, so revenue and units are net of cancellations with no second
reading (many of these golds would move if returns were ignored; that would be a server bug).

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_comparisons.jsonl for training, for tuning parser rules, or read it
while working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary
of failures by kind may be looked at.

    python3 Scripts/owners/heldout_comparisons_gold.py      # writes Scripts/owners/heldout_comparisons.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_comparisons.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}                       # a percentage change is shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}

# non-product stock codes: postage, carriage, fees, discounts, manual adjustments, samples
FEE_CODES = {"POST", "DOT", "C2", "M", "D", "S", "AMAZONFEE", "CRUK", "BANK CHARGES", "B", "PADS"}
FEE_NAME = re.compile(r"(POSTAGE|CARRIAGE|DISCOUNT|MANUAL|AMAZON|COMMISSION|SAMPLES|BANK CHARGES|FEE)", re.I)
NOT_COUNTRIES = {"Unspecified", "European Community"}
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


# ------------------------------------------------------------------------------------ data
class Sale:
    __slots__ = ("invoice", "code", "desc", "qty", "price", "day", "customer", "country",
                 "cancelled", "adjustment")

    def __init__(self, row):
        self.invoice = row["InvoiceNo"].strip()
        self.code = row["StockCode"].strip().upper()           # stock codes are case-insensitive
        self.desc = row["Description"].strip()
        self.qty = int(row["Quantity"])
        self.price = float(row["UnitPrice"])
        self.day = parse_day(row["InvoiceDate"])
        cust = row["CustomerID"].strip()
        self.customer = cust[:-2] if cust.endswith(".0") else cust   # "12923.0" -> "12923"
        self.country = row["Country"].strip()
        self.cancelled = self.invoice.upper().startswith("C")
        # a stock correction written as a sale: negative quantity on an ordinary invoice
        self.adjustment = not self.cancelled and self.qty < 0

    @property
    def amount(self):
        return self.qty * self.price


def parse_day(stamp):
    """'2011-10-06 16:20:00' or the original file's '12/1/2010 8:26' -> the date of the sale."""
    head = stamp.strip().split()[0]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", head)
    if m:
        return D(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", head)
    if m:
        return D(int(m[3]), int(m[1]), int(m[2]))
    raise ValueError(stamp)


with open(CSV_PATH, newline="", encoding="utf-8") as _fh:
    SALES = [Sale(r) for r in csv.DictReader(_fh)]
DATA_FROM, DATA_TO = min(s.day for s in SALES), max(s.day for s in SALES)


def product_name(code, strict):
    """The most frequent description of a stock code. strict=True counts only catalog-style names
    (no lowercase letters), the other reading counts every non-empty description."""
    seen = Counter(s.desc for s in SALES if s.code == code and s.desc
                   and (not strict or s.desc == s.desc.upper()))
    if not seen:
        return None
    (best, n), *rest = seen.most_common()
    if rest and rest[0][1] == n:
        return None                                            # a tie: no single name
    return best


# ---------------------------------------------------------------------------- readings
# The README reading is "readme"; the others are what a careful reader could also have taken.
READINGS = {
    "readme": dict(adjustments=True, blank=True, fees=True),
    # the stock corrections (ordinary invoices with a negative quantity, no price, no customer) might be
    # read as returns, or not as sales at all, rather than as orders whose units subtract
    "no_adjustments": dict(adjustments=False, blank=True, fees=True),
    # a line without a description might be refused by the importer as a bad row
    "no_blank_rows": dict(adjustments=True, blank=False, fees=True),
    # postage, carriage, fees and manual adjustments might be left out of a customer's or country's spend
    "no_fees": dict(adjustments=True, blank=True, fees=False),
}


def lines(period, reading="readme", **filters):
    start, end = period
    end = min(end, TODAY)
    r = READINGS[reading]
    out = []
    for s in SALES:
        if (start and s.day < start) or s.day > end:
            continue
        if not r["adjustments"] and s.adjustment:
            continue
        if not r["fees"] and s.code in FEE_CODES:
            continue
        if not r["blank"] and not s.desc:
            continue
        if any(getattr(s, k) != v for k, v in filters.items()):
            continue
        out.append(s)
    return out


def total(metric, period, reading="readme", **filters):
    ls = lines(period, reading, **filters)
    orders = {s.invoice for s in ls if not s.cancelled}
    if metric == "revenue":
        return sum(s.amount for s in ls)
    if metric == "units":
        return sum(s.qty for s in ls)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len({s.customer for s in ls if s.customer and not s.cancelled})
    if metric == "aov":
        return sum(s.amount for s in ls) / len(orders)
    raise ValueError(metric)


def change(metric, period, base, reading="readme", **filters):
    now, before = total(metric, period, reading, **filters), total(metric, base, reading, **filters)
    assert before, ("nothing in the base period", metric, base, filters)
    return (now - before) / before * 100.0


# which readings could differ for a metric (revenue and customers are read one way only)
COMPARE_READINGS = {"revenue": [], "customers": [],
                    "units": ["no_adjustments", "no_blank_rows"],
                    "orders": ["no_adjustments", "no_blank_rows"],
                    "aov": ["no_adjustments", "no_blank_rows"]}


def league(group, metric, period, reading="readme", **filters):
    field = {"product": "code", "country": "country", "customer": "customer"}[group]
    acc = defaultdict(float)
    for s in lines(period, reading, **filters):
        key = getattr(s, field)
        if key:                                                # guests are no customer
            acc[key] += s.amount if metric == "revenue" else s.qty
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))


def ranking(group, metric, period, n, **filters):
    table = league(group, metric, period, **filters)
    assert len(table) > n, ("fewer than n+1 ranked", group, metric, period, n, filters)
    values = [round(v, 2) for _, v in table[:n + 1]]
    gap = 0.011 if metric == "revenue" else 0.5
    assert all(values[i] - values[i + 1] > gap for i in range(n)), \
        ("a tie in the top or at the cut", group, metric, period, n, filters, values)
    keys = [k for k, _ in table[:n]]
    others = ["no_adjustments", "no_blank_rows"] + (["no_fees"] if group != "product" else [])
    for reading in others:
        alt = [k for k, _ in league(group, metric, period, reading, **filters)[:n]]
        assert alt == keys, ("readings disagree", reading, group, metric, period, n, keys, alt)
    if group == "product":
        names = [product_name(k, False) for k in keys]
        assert all(names) and names == [product_name(k, True) for k in keys], (keys, names)
        assert not any(k in FEE_CODES or FEE_NAME.search(nm) for k, nm in zip(keys, names)), names
        assert len(set(names)) == n, names
        return names, keys, values[:n]
    if group == "country":
        assert not set(keys) & NOT_COUNTRIES, keys
        return keys, [ALIASES.get(k, k) for k in keys], values[:n]
    assert not any(k in FEE_CODES for k in keys)
    return keys, keys, values[:n]


# ------------------------------------------------------------------------------- periods
def month(y, m):
    nxt = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return D(y, m, 1), nxt - dt.timedelta(days=1)


def quarter(y, q):
    return D(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y, h):
    return (D(y, 1, 1), D(y, 6, 30)) if h == 1 else (D(y, 7, 1), D(y, 12, 31))


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


LAST_MONTH = month(2011, 11)                  # the clock is 2011-12-10
THIS_YEAR = (D(2011, 1, 1), TODAY)
ALL_TIME = (None, TODAY)


def country(name):
    assert any(s.country == name for s in SALES), name
    return name


# ------------------------------------------------------------------------------- questions
Q = []


def compare(template, question, metric, period, base, **filters):
    Q.append(dict(template=template, question=question, kind="compare", metric=metric,
                  period=period, base=base, filters=filters))


def rank(template, question, group, metric, period, n, **filters):
    Q.append(dict(template=template, question=question, kind="ranking", metric=metric, group=group,
                  period=period, n=n, filters=filters))


# --- 1. percent change, plainly asked ---------------------------------------------------
T = "compare_change"
compare(T, "How does August 2011 stack up against June 2011 for orders, in percent?",
        "orders", month(2011, 8), month(2011, 6))
compare(T, "What's the percentage change in revenue from Q2 2011 to Q3 2011?",
        "revenue", quarter(2011, 3), quarter(2011, 2))
compare(T, "Revenue in November 2011 vs October 2011 - what's the % change?",
        "revenue", month(2011, 11), month(2011, 10))
compare(T, "How did Ireland's orders in September 2011 compare with August 2011, in percent?",
        "orders", month(2011, 9), month(2011, 8), country=country("EIRE"))
compare(T, "Units sold in March 2011 relative to February 2011, as a percentage change?",
        "units", month(2011, 3), month(2011, 2))
compare(T, "Percent change in Germany's average order value, August 2011 versus July 2011?",
        "aov", month(2011, 8), month(2011, 7), country=country("Germany"))
compare(T, "How did last month compare with October 2011 for the number of customers, percentage-wise?",
        "customers", LAST_MONTH, month(2011, 10))
compare(T, "Germany's revenue in Q3 2011 against Q2 2011: what's the change in percent?",
        "revenue", quarter(2011, 3), quarter(2011, 2), country=country("Germany"))
compare(T, "What was the growth in our customer numbers from Q1 2011 to Q2 2011, in percent?",
        "customers", quarter(2011, 2), quarter(2011, 1))

# --- 2. direction words, with "by how much" -------------------------------------------
T = "compare_direction"
compare(T, "Were we up or down on units in January 2011 versus December 2010, and by how much?",
        "units", month(2011, 1), month(2010, 12))
compare(T, "Did orders from France grow or shrink from June 2011 to July 2011? Give me the percentage.",
        "orders", month(2011, 7), month(2011, 6), country=country("France"))
compare(T, "Did revenue rise or fall in September 2011 compared to August 2011, and by what percent?",
        "revenue", month(2011, 9), month(2011, 8))
compare(T, "Did our average order value in France go up or down in October 2011 relative to "
           "September 2011, and by how many percent?",
        "aov", month(2011, 10), month(2011, 9), country=country("France"))
compare(T, "Revenue dropped in January 2011 compared with December 2010, didn't it? By what percentage?",
        "revenue", month(2011, 1), month(2010, 12))
compare(T, "Did the Netherlands spend more or less with us in Q3 2011 than in Q2 2011? Percentage "
           "change please.",
        "revenue", quarter(2011, 3), quarter(2011, 2), country=country("Netherlands"))
compare(T, "Were orders up or down between 1 and 14 November 2011 compared with 1 to 14 October 2011, "
           "and by what percentage?",
        "orders", (D(2011, 11, 1), D(2011, 11, 14)), (D(2011, 10, 1), D(2011, 10, 14)))
compare(T, "By what percent did units sold in Germany fall in July 2011 compared to June 2011?",
        "units", month(2011, 7), month(2011, 6), country=country("Germany"))
compare(T, "UK revenue: up or down in May 2011 vs April 2011, and by what percentage?",
        "revenue", month(2011, 5), month(2011, 4), country=country("United Kingdom"))

# --- 3. product rankings ----------------------------------------------------------------
T = "rank_products"
rank(T, "Rank the top 5 products by units for November 2011.",
     "product", "units", month(2011, 11), 5)
rank(T, "Our best sellers last month, top 4.",
     "product", "units", LAST_MONTH, 4)
rank(T, "Which 3 products made us the most money in Q2 2011?",
     "product", "revenue", quarter(2011, 2), 3)
rank(T, "What were the 5 best-selling products in Q3 2011?",
     "product", "units", quarter(2011, 3), 5)
rank(T, "List the leading 6 products by units sold this year.",
     "product", "units", THIS_YEAR, 6)
rank(T, "Give me a league table of the top 5 products by revenue for October 2011.",
     "product", "revenue", month(2011, 10), 5)
rank(T, "Which four products shifted the most units in the first half of 2011?",
     "product", "units", half(2011, 1), 4)
rank(T, "Which 3 products made the most money for us in the Netherlands in 2011?",
     "product", "revenue", year(2011), 3, country=country("Netherlands"))

# --- 4. country rankings ----------------------------------------------------------------
T = "rank_countries"
rank(T, "Which three countries spent the most with us in 2011?",
     "country", "revenue", year(2011), 3)
rank(T, "Rank our top 5 countries by revenue for Q3 2011.",
     "country", "revenue", quarter(2011, 3), 5)
rank(T, "League table of countries by revenue for the first half of 2011, top 4 please.",
     "country", "revenue", half(2011, 1), 4)
rank(T, "Which 3 countries brought in the most revenue last month?",
     "country", "revenue", LAST_MONTH, 3)
rank(T, "What were our 4 biggest countries by sales in Q1 2011?",
     "country", "revenue", quarter(2011, 1), 4)
rank(T, "Top six countries for revenue in the second half of 2011.",
     "country", "revenue", half(2011, 2), 6)
rank(T, "Which five countries did we earn the most from in September 2011, highest first?",
     "country", "revenue", month(2011, 9), 5)
rank(T, "Rank the countries by revenue for October 2011 and give me the top 3.",
     "country", "revenue", month(2011, 10), 3)

# --- 5. customer rankings ---------------------------------------------------------------
T = "rank_customers"
rank(T, "The 3 biggest customers in Germany in 2011.",
     "customer", "revenue", year(2011), 3, country=country("Germany"))
rank(T, "Who were our top 3 customers by revenue in October 2011?",
     "customer", "revenue", month(2011, 10), 3)
rank(T, "Rank our 5 highest-spending customers this year.",
     "customer", "revenue", THIS_YEAR, 5)
rank(T, "Which 4 customers spent the most in Q1 2011?",
     "customer", "revenue", quarter(2011, 1), 4)
rank(T, "Top 3 customers in France for the first half of 2011, by spend.",
     "customer", "revenue", half(2011, 1), 3, country=country("France"))
rank(T, "Show me our leading 5 customers by revenue for August 2011.",
     "customer", "revenue", month(2011, 8), 5)
rank(T, "Who are the 3 best customers in the Netherlands by revenue, all time?",
     "customer", "revenue", ALL_TIME, 3, country=country("Netherlands"))
rank(T, "Which 6 customers have been worth the most revenue to us in Q3 2011?",
     "customer", "revenue", quarter(2011, 3), 6)

# --- 6. one winner ----------------------------------------------------------------------
T = "rank_superlative"
rank(T, "Who's our number one customer by revenue this year?",
     "customer", "revenue", THIS_YEAR, 1)
rank(T, "Which country generated the highest revenue in May 2011?",
     "country", "revenue", month(2011, 5), 1)
rank(T, "What was our best-selling product in October 2011?",
     "product", "units", month(2011, 10), 1)
rank(T, "Which product earned the most revenue in Q3 2011?",
     "product", "revenue", quarter(2011, 3), 1)
rank(T, "Who was the biggest spender among our customers last month?",
     "customer", "revenue", LAST_MONTH, 1)
rank(T, "Which single product did we sell the most units of in 2011?",
     "product", "units", year(2011), 1)
rank(T, "Who was our top customer in Germany in Q3 2011?",
     "customer", "revenue", quarter(2011, 3), 1, country=country("Germany"))
rank(T, "In the first quarter of 2011, what was the highest-grossing product?",
     "product", "revenue", quarter(2011, 1), 1)


# ----------------------------------------------------------------------------------- write
FILTER_NAMES = {"country": "country", "code": "product", "customer": "customer"}


def record(q):
    start, end = q["period"]
    rec = {"question": q["question"], "template": q["template"], "kind": q["kind"],
           "metric": q["metric"]}
    if q["kind"] == "compare":
        base = q["base"]
        assert end < TODAY and base[1] < start and base[0] >= DATA_FROM, q  # whole past periods, base first
        gold = change(q["metric"], q["period"], base, **q["filters"])
        for reading in COMPARE_READINGS[q["metric"]]:
            alt = change(q["metric"], q["period"], base, reading, **q["filters"])
            assert abs(alt - gold) <= PCT["abs"], ("readings disagree", reading, q["question"], gold, alt)
        # the server shows one decimal: both ways of rounding a half must land within the tolerance
        assert abs(gold * 10 - round(gold * 10)) < 0.45, ("gold on a rounding edge", q["question"], gold)
        rec["gold"] = round(gold, 4)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(base[0]), str(base[1])]
        rec["values"] = [round(total(q["metric"], q["period"], **q["filters"]), 4),
                         round(total(q["metric"], base, **q["filters"]), 4)]
    else:
        names, ids, values = ranking(q["group"], q["metric"], q["period"], q["n"], **q["filters"])
        rec["group"], rec["n"] = q["group"], q["n"]
        rec["gold"], rec["gold_ids"], rec["gold_values"] = names, ids, values
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(min(end, TODAY))
    rec["filters"] = {FILTER_NAMES[k]: v for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    per_template = Counter(r["template"] for r in out)
    assert len(out) == 50 and len(per_template) == 6, per_template
    assert all(8 <= v <= 9 for v in per_template.values()), per_template
    assert len({r["question"].casefold() for r in out}) == len(out)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO})")
    print("per template:", dict(per_template))
    print("per kind/metric:", dict(Counter(f"{r['kind']}/{r.get('group', '-')}/{r['metric']}" for r in out)))


if __name__ == "__main__":
    main()
