#!/usr/bin/env python3
"""Held-out owner questions about LEAGUE TABLES: rankings and extremes asked in the idioms of sport,
the charts and everyday talk, with plain totals in the same playful register, and independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_novice_gold.py (for its file layout, record format, tolerances, CSV
parsing conventions and its "readings" approach; the computation below is this file's own).

The angle: owners who talk about their business the way they talk about football, the charts or a
race: "top of the table", "the podium", "pole position", "MVP", "heavy hitters", "chart-toppers",
"number one hit", "gold medallist", "the starting eleven", "the final score", "half-time", "form
guide". About 35 questions rank (top N customers, products or countries, and the single leader) or
ask for an extreme (the best or worst month), and about 15 ask for a total or a percent change in
the same register. About half carry a filter (a country, a customer id, or a product named by words
that match exactly one stock code's descriptions) and most name a period.

Each question has one reading given README's definitions and the clock at 2011-12-10: every date
names its year or is a relative period README uses ("last month" = November 2011, "this year" =
2011-01-01 to 2011-12-10, "this month" = 2011-12-01 to 2011-12-10, no period = all time), a period
running past the clock ends at it, comparisons are of whole past periods, rankings are strictly
ordered with a gap at the cut, hold no postage, carriage, manual or fee codes, and are ranked by the
metric the question names (or README's default: products by units, customers and countries by
revenue). Ascending rankings of products or customers are not asked (README offers only "top N" and
slow movers, with no definition of the latter); the worst month is asked, as README lists it.

Where README's definitions can be read more than one way, every reading is computed (`READINGS`)
and a question is kept only when all of them agree within the record's tolerance (`main()` stops
otherwise). The readings considered: rows with an empty description kept or skipped; a
non-cancellation invoice holding only negative quantities counted as an order or not; average order
value over net or gross revenue; rankings on net figures (cancellations subtract) or gross ones; a
product's name chosen with or without empty descriptions counted; a best month among the months of a year including the partial December
or not (README: a period not over is never the lowest, so the worst month is over whole months).
Guest lines (no customer id) are never a customer in a ranking; no ranking's order depends on it.

Record format for best and worst months (a guess: README shows no example of their `result`): a
ranking grouped by "month", n = 1, gold "YYYY-MM" and gold_ids the month's name ("November 2011").
They carry the template "leagues_extreme_month" so they can be told apart if that format is wrong.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_leagues.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_leagues_gold.py      # writes Scripts/owners/heldout_leagues.jsonl
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
OUT_PATH = os.path.join(HERE, "heldout_leagues.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "units": COUNT, "orders": COUNT, "customers": COUNT}
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


# ------------------------------------------------------------------------------------ data
class Line:
    __slots__ = ("invoice", "code", "desc", "qty", "price", "day", "customer", "country", "cancelled")

    def __init__(self, rec):
        self.invoice = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()          # README: case-insensitive codes
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        self.day = parse_day(rec["InvoiceDate"])
        cid = rec["CustomerID"].strip()
        self.customer = cid[:-2] if re.fullmatch(r"\d+\.0", cid) else cid
        self.country = rec["Country"].strip()
        self.cancelled = self.invoice.upper().startswith("C")

    @property
    def money(self):
        return self.qty * self.price


def parse_day(stamp):
    """Both layouts README names: '2011-10-06 16:20:00' and '12/1/2010 8:26'."""
    first = stamp.strip().split()[0]
    if "-" in first:
        y, m, d = map(int, first.split("-"))
    else:
        m, d, y = map(int, first.split("/"))
    return D(y, m, d)


with open(CSV_PATH, newline="", encoding="utf-8") as _fh:
    LINES = [Line(rec) for rec in csv.DictReader(_fh)]
DATA_FROM, DATA_TO = min(x.day for x in LINES), max(x.day for x in LINES)


def is_fee(code):
    """Postage, carriage, manual, discount, Amazon and bank fees: codes with no digit in them."""
    return not re.search(r"\d", code) or code.startswith(("DCGS", "BANK"))


# ------------------------------------------------------------------------------- readings
READINGS = {
    "blank_rows": ("keep", "skip"),
    "adjustments": ("order", "not_order"),
    "aov_revenue": ("net", "gross"),
    "rank_basis": ("net", "gross"),
    "name_blank": ("ignore", "count"),
    "partial_month": ("exclude", "include"),
}
TOTAL_FLAGS = {
    "revenue": ["blank_rows"],
    "units": ["blank_rows"],
    "orders": ["blank_rows", "adjustments"],
    "customers": ["blank_rows"],
    "aov": ["blank_rows", "adjustments", "aov_revenue"],
}
RANK_FLAGS = ["blank_rows", "rank_basis", "name_blank", "adjustments"]
BEST_FLAGS = ["blank_rows", "rank_basis", "adjustments", "partial_month"]
WORST_FLAGS = ["blank_rows", "rank_basis", "adjustments"]


def readings(flags):
    base = {k: v[0] for k, v in READINGS.items()}
    for combo in itertools.product(*(READINGS[f] for f in flags)):
        yield dict(base, **dict(zip(flags, combo)))


def lines_for(rd):
    return LINES if rd["blank_rows"] == "keep" else [x for x in LINES if x.desc]


def stock_adjustments(lines):
    per = defaultdict(list)
    for x in lines:
        if not x.cancelled:
            per[x.invoice].append(x.qty)
    return {inv for inv, qs in per.items() if all(q < 0 for q in qs)}


# --------------------------------------------------------------------------------- naming
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


def product(phrase):
    want = words(phrase)
    codes = sorted({x.code for x in LINES if x.desc and want <= words(x.desc)})
    if len(codes) != 1:
        raise SystemExit(f"product '{phrase}' matches {len(codes)} codes: {codes[:8]}")
    return codes[0]


def country(name):
    if not any(x.country == name for x in LINES):
        raise SystemExit(f"no country {name}")
    return name


def customer(ident):
    if not any(x.customer == ident for x in LINES):
        raise SystemExit(f"no customer {ident}")
    return ident


def product_name(code, rd):
    c = Counter(x.desc for x in lines_for(rd) if x.code == code and (x.desc or rd["name_blank"] == "count"))
    top = c.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None                          # a tie between two descriptions: no single name
    return top[0][0]


# -------------------------------------------------------------------------------- periods
def month(y, m):
    return D(y, m, 1), D(y, m, calendar.monthrange(y, m)[1])


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
    start, end = period
    return start, min(end or TODAY, TODAY)


def scope(lines, period, filters):
    start, end = clip(period)
    return [x for x in lines
            if (start is None or x.day >= start) and x.day <= end
            and all(getattr(x, k) == v for k, v in filters.items())]


# ------------------------------------------------------------------------------ measuring
def measure(metric, period, filters, rd):
    everything = lines_for(rd)
    lines = scope(everything, period, filters)
    skip = stock_adjustments(everything) if rd["adjustments"] == "not_order" else set()
    orders = {x.invoice for x in lines if not x.cancelled and x.invoice not in skip}
    if metric == "revenue":
        return sum(x.money for x in lines)
    if metric == "units":
        return sum(x.qty for x in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len({x.customer for x in lines if x.customer and not x.cancelled})
    if metric == "aov":
        kept = lines if rd["aov_revenue"] == "net" else [x for x in lines if not x.cancelled]
        return sum(x.money for x in kept) / len(orders)
    raise ValueError(metric)


def league(group, metric, period, filters, rd):
    """Every member of the group with its figure, best first."""
    everything = lines_for(rd)
    lines = scope(everything, period, filters)
    if rd["rank_basis"] == "gross":
        lines = [x for x in lines if not x.cancelled]
    acc = defaultdict(float)
    if metric == "orders":
        skip = stock_adjustments(everything) if rd["adjustments"] == "not_order" else set()
        seen = defaultdict(set)
        for x in lines:
            if not x.cancelled and x.invoice not in skip:
                seen[getattr(x, group)].add(x.invoice)
        acc = {k: float(len(v)) for k, v in seen.items()}
    else:
        for x in lines:
            acc[getattr(x, group)] += x.money if metric == "revenue" else x.qty
    acc.pop("", None)                         # guests are no customer
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))


def ranking(group, metric, n, period, filters, rd):
    attr = {"product": "code", "customer": "customer", "country": "country"}[group]
    table = league(attr, metric, period, filters, rd)
    if len(table) <= n:
        return None
    figures = [round(v, 2) for _, v in table[:n + 1]]
    gaps = [figures[i] - figures[i + 1] for i in range(n)]
    if min(gaps) <= 0.011 or gaps[-1] < 1.0:   # ties inside, or no clear gap at the cut
        return None
    keys = [k for k, _ in table[:n]]
    if group == "product":
        if any(is_fee(k) for k, _ in table[:n + 1]):
            return None
        shown = [product_name(k, rd) for k in keys]
        if None in shown:
            return None
        return keys, shown, figures[:n]
    return keys, keys, figures[:n]


def extreme_month(metric, span, best, rd):
    """The best or worst calendar month inside span (whole months, or the partial one too)."""
    start, end = clip(span)
    months = []
    y, m = (start or DATA_FROM).year, (start or DATA_FROM).month
    while D(y, m, 1) <= end:
        first, last = month(y, m)
        whole = last <= TODAY and last <= DATA_TO or (y, m) < (DATA_TO.year, DATA_TO.month)
        if whole or (best and rd["partial_month"] == "include"):
            months.append((first, last))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    figures = []
    for p in months:
        everything = lines_for(rd)
        lines = scope(everything, p, {})
        if rd["rank_basis"] == "gross":
            lines = [x for x in lines if not x.cancelled]
        if metric == "orders":
            skip = stock_adjustments(everything) if rd["adjustments"] == "not_order" else set()
            v = len({x.invoice for x in lines if not x.cancelled and x.invoice not in skip})
        else:
            v = sum(x.money if metric == "revenue" else x.qty for x in lines)
        figures.append((v, p[0]))
    figures.sort(reverse=best)
    (v0, m0), (v1, _) = figures[0], figures[1]
    if abs(v0 - v1) < 1.0:
        return None
    return m0.strftime("%Y-%m"), m0.strftime("%B %Y"), round(v0, 2)


# ------------------------------------------------------------------------------ questions
Q = []


def ask(template, question, kind, metric, period, n=None, group=None, base=None, best=None, **filters):
    Q.append(dict(template="leagues_" + template, question=question, kind=kind, metric=metric,
                  period=period, n=n, group=group, base=base, best=best, filters=filters))


# --- customers: top of the table by spend -----------------------------------------------------
T = "top_customers"
ask(T, "Who's top of the table for spending in 2011?",
    "ranking", "revenue", year(2011), n=1, group="customer")
ask(T, "The heavy hitters: top 6 customers by revenue in 2011.",
    "ranking", "revenue", year(2011), n=6, group="customer")
ask(T, "Podium finish for Q3 2011 please: which three customers spent the most with us?",
    "ranking", "revenue", quarter(2011, 3), n=3, group="customer")
ask(T, "Who's in pole position among our German customers? Just the leader on spend since day one.",
    "ranking", "revenue", EVER, n=1, group="customer", country=country("Germany"))
ask(T, "France's top three spenders this year - who made the podium?",
    "ranking", "revenue", THIS_YEAR, n=3, group="customer", country=country("France"))
ask(T, "Who are the front-runners among our customers in Ireland? Top 2 by spend, all time.",
    "ranking", "revenue", EVER, n=2, group="customer", country=country("EIRE"))
ask(T, "Who were our heavyweights last month? Top 5 customers by revenue.",
    "ranking", "revenue", LAST_MONTH, n=5, group="customer")
ask(T, "Who's the biggest fan of the paper chain kit 50's christmas? The one customer who's spent most on it, all time.",
    "ranking", "revenue", EVER, n=1, group="customer", code=product("paper chain kit 50's christmas"))
ask(T, "Spain's top scorer in 2011 - which customer spent the most there?",
    "ranking", "revenue", year(2011), n=1, group="customer", country=country("Spain"))
ask(T, "Swiss medal table: the three customers in Switzerland who've spent the most with us, ever.",
    "ranking", "revenue", EVER, n=3, group="customer", country=country("Switzerland"))
ask(T, "Who's our biggest fish in the first half of 2011? The single top customer by spend.",
    "ranking", "revenue", H1_2011, n=1, group="customer")
ask(T, "Who takes the gold for buying white hanging heart t-light holders? The top customer by units, all time.",
    "ranking", "units", EVER, n=1, group="customer", code=product("white hanging heart t-light holder"))

# --- products: the charts -----------------------------------------------------------------------
T = "top_products"
ask(T, "Give me the podium - three best-selling products by units, Q2 2011.",
    "ranking", "units", quarter(2011, 2), n=3, group="product")
ask(T, "Our chart-toppers in November 2011, top 10 by units.",
    "ranking", "units", month(2011, 11), n=10, group="product")
ask(T, "What's our number one hit of all time? The best-selling product by units.",
    "ranking", "units", EVER, n=1, group="product")
ask(T, "Top of the pops by revenue: our top 5 products by revenue, all time.",
    "ranking", "revenue", EVER, n=5, group="product")
ask(T, "Crowd favourites in France: top 3 products by units sold, all time.",
    "ranking", "units", EVER, n=3, group="product", country=country("France"))
ask(T, "The Dutch hit parade - top 3 products by units in the Netherlands, since we started.",
    "ranking", "units", EVER, n=3, group="product", country=country("Netherlands"))
ask(T, "Greatest hits of 2011 so far: top 7 products by units this year.",
    "ranking", "units", THIS_YEAR, n=7, group="product")
ask(T, "Breakout stars this month: top 3 products by units.",
    "ranking", "units", THIS_MONTH, n=3, group="product")
ask(T, "Which product is the golden goose in Q4 2011? Number one by revenue.",
    "ranking", "revenue", quarter(2011, 4), n=1, group="product")
ask(T, "Top 4 money-spinners among our products in September 2011, by revenue.",
    "ranking", "revenue", month(2011, 9), n=4, group="product")
ask(T, "What's on customer 18102's playlist? Their top 3 products by units, all time.",
    "ranking", "units", EVER, n=3, group="product", customer=customer("18102"))
ask(T, "Germany's bestseller list: top 4 products by units in 2011.",
    "ranking", "units", year(2011), n=4, group="product", country=country("Germany"))
ask(T, "Ireland's number one - which product sold the most units there, all time?",
    "ranking", "units", EVER, n=1, group="product", country=country("EIRE"))
ask(T, "Summer chart rundown for Q3 2011: top 5 products by units.",
    "ranking", "units", quarter(2011, 3), n=5, group="product")
ask(T, "Who's winning the revenue race among products in the UK this year? Top 3 please.",
    "ranking", "revenue", THIS_YEAR, n=3, group="product", country=country("United Kingdom"))

# --- countries: the league table -----------------------------------------------------------------
T = "top_countries"
ask(T, "Which country is our MVP on revenue this year?",
    "ranking", "revenue", THIS_YEAR, n=1, group="country")
ask(T, "Show me the league table of countries by revenue for the first half of 2011, top 4.",
    "ranking", "revenue", H1_2011, n=4, group="country")
ask(T, "Which 3 countries lead the way on units shipped in 2011? By units, not money.",
    "ranking", "units", year(2011), n=3, group="country")
ask(T, "Top 3 countries by revenue in Q1 2011 - who's on the podium?",
    "ranking", "revenue", quarter(2011, 1), n=3, group="country")
ask(T, "Where does the regency cakestand score best? Top 3 countries by revenue from it, all time.",
    "ranking", "revenue", EVER, n=3, group="country", code=product("regency cakestand"))

# --- extremes: best and worst month ----------------------------------------------------------------
T = "extreme_month"
ask(T, "What was the best month of 2011 for revenue? Our record-breaker.",
    "ranking", "revenue", year(2011), n=1, group="month", best=True)
ask(T, "Which month of 2011 was the low point for units sold - our relegation month?",
    "ranking", "units", year(2011), n=1, group="month", best=False)
ask(T, "Our personal best: which month ever had the most orders?",
    "ranking", "orders", EVER, n=1, group="month", best=True)

# --- totals in the same register ------------------------------------------------------------------
T = "scoreboard"
ask(T, "What's the final score for November 2011? Total revenue, please.",
    "total", "revenue", month(2011, 11))
ask(T, "Half-time score: how much revenue did we put on the board in the first half of 2011?",
    "total", "revenue", H1_2011)
ask(T, "Running tally for this year: total revenue so far?",
    "total", "revenue", THIS_YEAR)
ask(T, "Our star striker, the white hanging heart t-light holder: how many units did it rack up in Q4 2011?",
    "total", "units", quarter(2011, 4), code=product("white hanging heart t-light holder"))
ask(T, "Squad size check: how many customers bought from us in Q3 2011?",
    "total", "customers", quarter(2011, 3))
ask(T, "How many orders did France rack up in 2011? Just the tally.",
    "total", "orders", year(2011), country=country("France"))
ask(T, "Customer 17450 is our top scorer, I reckon - how much have they spent with us in total, all time?",
    "total", "revenue", EVER, customer=customer("17450"))
ask(T, "Scoreboard for Germany last month: how many orders came in?",
    "total", "orders", LAST_MONTH, country=country("Germany"))
ask(T, "Season total for France: how many units did we sell there across 2011?",
    "total", "units", year(2011), country=country("France"))
ask(T, "How big is our German fan club? Number of customers in Germany, all time.",
    "total", "customers", EVER, country=country("Germany"))
ask(T, "Average order value for the Netherlands, career stats - all time.",
    "total", "aov", EVER, country=country("Netherlands"))

# --- form guide: percent changes between whole past periods --------------------------------------
T = "form_guide"
ask(T, "Form guide: how did revenue in October 2011 compare to September 2011, as a percent change?",
    "compare", "revenue", month(2011, 10), base=month(2011, 9))
ask(T, "Customers in Q3 2011 against Q2 2011 - is the fan base on a winning streak? Percentage change please.",
    "compare", "customers", quarter(2011, 3), base=quarter(2011, 2))
ask(T, "Did November 2011 beat October 2011 on orders? Give me the percentage change.",
    "compare", "orders", month(2011, 11), base=month(2011, 10))
ask(T, "France's revenue in Q2 2011 versus Q1 2011: up or down, and by what percent?",
    "compare", "revenue", quarter(2011, 2), base=quarter(2011, 1), country=country("France"))


# ---------------------------------------------------------------------------------- gold
def close(a, b, tol):
    d = abs(a - b)
    return d <= tol.get("abs", 0.01) or d <= tol.get("rel", 0.005) * abs(b)


def gold(q):
    filters = q["filters"]
    if q["group"] == "month":
        flags = BEST_FLAGS if q["best"] else WORST_FLAGS
        outs = [extreme_month(q["metric"], q["period"], q["best"], rd) for rd in readings(flags)]
        if None in outs or len({o[0] for o in outs}) != 1:
            raise SystemExit(f"extreme month not the same under every reading: {q['question']}\n{outs}")
        return outs[0]
    if q["kind"] == "ranking":
        outs = [ranking(q["group"], q["metric"], q["n"], q["period"], filters, rd) for rd in readings(RANK_FLAGS)]
        if None in outs or len({tuple(o[0]) for o in outs}) != 1 or len({tuple(o[1]) for o in outs}) != 1:
            raise SystemExit(f"ranking not the same under every reading: {q['question']}\n{outs}")
        return outs[0]
    values = []
    for rd in readings(TOTAL_FLAGS[q["metric"]]):
        now = measure(q["metric"], q["period"], filters, rd)
        if q["kind"] == "compare":
            before = measure(q["metric"], q["base"], filters, rd)
            now = (now - before) / before * 100.0
        values.append(now)
    tol = PCT if q["kind"] == "compare" else TOLERANCE[q["metric"]]
    if not all(close(v, values[0], tol) for v in values):
        raise SystemExit(f"readings disagree: {q['question']}\n{values}")
    return values[0]


def record(q):
    start, end = clip(q["period"])
    rec = {"question": q["question"], "template": q["template"], "kind": q["kind"], "metric": q["metric"]}
    g = gold(q)
    if q["group"] == "month":
        rec.update(group="month", n=1, gold=[g[0]], gold_ids=[g[1]], gold_values=[g[2]], tolerance=MONEY,
                   extreme="best" if q["best"] else "worst")
    elif q["kind"] == "ranking":
        keys, shown, figures = g
        rec.update(group=q["group"], n=q["n"], gold=shown, tolerance=MONEY, gold_values=figures,
                   gold_ids=[ALIASES.get(k, k) for k in keys] if q["group"] == "country" else keys)
    elif q["kind"] == "compare":
        rec.update(gold=round(g, 4), tolerance=PCT, compared_with=[str(q["base"][0]), str(q["base"][1])])
    else:
        rec.update(gold=g if q["metric"] in ("units", "orders", "customers") else round(g, 2 if q["metric"] == "revenue" else 4),
                   tolerance=TOLERANCE[q["metric"]])
        if isinstance(rec["gold"], float) and rec["gold"].is_integer() and q["metric"] != "revenue":
            rec["gold"] = int(rec["gold"])
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    rec["filters"] = {{"code": "product"}.get(k, k): v for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in Q]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"])
        if r["kind"] == "compare":
            assert r["to"] < str(DATA_TO) and r["compared_with"][1] < r["from"]
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {DATA_FROM} to {DATA_TO})")
    print("per template:", dict(Counter(r["template"] for r in out)))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))
    print("per metric:  ", dict(Counter((r["kind"], r["metric"]) for r in out)))
    print("with filter: ", sum(1 for r in out if r["filters"]), " with period:", sum(1 for r in out if r["from"]))


if __name__ == "__main__":
    main()
