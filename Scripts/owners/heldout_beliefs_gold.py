#!/usr/bin/env python3
"""Held-out owner questions that CHECK A BELIEF: the owner has a number or a hunch from somewhere
(an accountant, a partner, a rep, a post-it, their own gut) and wants the real figure. Independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py,
Intents/ or the questions of any other held-out set. It read only README "## Owner analytics"
(which metrics, rankings, filters and periods the server supports, and their definitions),
score_questions.py (how a record is compared) and heldout_novice_gold.py (for its file layout,
record format, tolerances, CSV conventions and its approach of computing every reading of an
ambiguous definition); the questions and the computation below are this file's own.

The angle: each question carries a DISTRACTOR, the figure or claim the owner was given or assumed
("my accountant reckons about £40k", "the rep swears it's over 500 units", "I'd bet Germany is
second", "someone said we doubled"). The believed number is never the answer and never a filter,
threshold or limit: the expected answer is always the real metric value (a scalar total, a
ranking, a percent change), never yes or no. The believed figure comes before, inside or after the
request, as a money amount ("£40k", "five grand", "£1,000"), a count ("2,000 orders", "a third"),
a percentage ("up 25%", "5%") or a named product, customer or country said to lead. Metrics:
revenue, orders, units, customers, average order value, items per order, repeat-customer rate, new
customers, return rate, revenue per customer, top products (by units or revenue), top customers
and top countries, the percent change between two whole past periods, and two countries compared
over one period, with and without a country, customer or product filter.

Each question has one reading given README's definitions and the clock at 2011-12-10: every date
names its year or is a relative period README uses ("last month" = November 2011, "this year" and
"so far this year" = 2011-01-01 to 2011-12-10, "so far this month" = 2011-12-01 to 2011-12-10, no
period = all time); comparisons are of whole past periods with the later one measured against the
earlier; a two-country comparison names the larger first (so the change is the same whether its
base is the second country named or the smaller one); rankings are strictly ordered with a gap at
the cut and hold no postage or fee rows; a product in a ranking question is only the believed
leader, never a narrowing (a ranking of products narrowed to one product means nothing); and a
product is named only by words that match exactly one stock code's descriptions (`one_code()`).

Readings (`WAYS`): rows with an empty description kept or dropped as bad rows; a non-cancellation
invoice holding only negative quantities (a stock adjustment) counted as an order or not, and as a
return invoice or not; average order value over net or gross revenue; items per order over the units
of orders or over net units; revenue per customer over every identified line or over the period's
buyers' lines only; a new customer's first order as their first non-cancellation invoice or their
first line of any kind, looked for store-wide or inside the filter; the repeat rate's orders counted
inside the filter or store-wide; rankings on net or gross figures; a product's name with or without
empty descriptions counted; a two-country change based on the second named or on the smaller. A
question is kept only when every combination that can touch it agrees within its tolerance (`main()`
stops otherwise); questions whose readings split were rewritten for another period or filter.

NEVER use this file or heldout_beliefs.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_beliefs_gold.py      # writes Scripts/owners/heldout_beliefs.jsonl
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
OUT_PATH = os.path.join(HERE, "heldout_beliefs.jsonl")
TODAY = dt.date(2011, 12, 10)

PCT = {"abs": 0.05}                      # percentages: the server shows one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOL = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY, "units": COUNT,
       "orders": COUNT, "customers": COUNT, "new_customers": COUNT, "repeat_rate": PCT,
       "return_rate": PCT, "basket_size": RATIO}
FEES = re.compile(r"^(POSTAGE|DOTCOM|MANUAL|DISCOUNT|CARRIAGE|BANK CHARGES|AMAZON|ADJUST|CRUK|SAMPLES)")
ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}


# ------------------------------------------------------------------------------------- data
class Line:
    __slots__ = ("inv", "code", "desc", "qty", "price", "day", "cust", "country", "cancel")

    def __init__(self, rec):
        self.inv = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()        # stock codes fold case
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        self.day = parse_day(rec["InvoiceDate"])
        raw = rec["CustomerID"].strip()
        self.cust = raw[:-2] if re.fullmatch(r"\d+\.0", raw) else raw
        self.country = rec["Country"].strip()
        self.cancel = self.inv.upper().startswith("C")

    @property
    def money(self):
        return self.qty * self.price


def parse_day(stamp):
    first = stamp.strip().split()[0]
    if "-" in first:
        y, m, d = map(int, first.split("-"))
    else:                                                   # "12/1/2010 8:26"
        m, d, y = map(int, first.split("/"))
    return dt.date(y, m, d)


with open(CSV_PATH, newline="", encoding="utf-8") as fh:
    LINES = [Line(rec) for rec in csv.DictReader(fh)]
FIRST_DAY, LAST_DAY = min(l.day for l in LINES), max(l.day for l in LINES)

# ----------------------------------------------------------------------------------- readings
WAYS = {                      # first value: this file's reading of README; the rest: other readings
    "blank": ("keep", "drop"),
    "adj_order": ("yes", "no"),
    "adj_return": ("no", "yes"),
    "aov_money": ("net", "gross"),
    "basket_units": ("on_orders", "net"),
    "rpc_money": ("identified", "buyers"),
    "first_kind": ("order", "any"),
    "first_where": ("store", "filter"),
    "repeat_where": ("filter", "store"),
    "rank_on": ("net", "gross"),
    "name_blank": ("ignore", "count"),
    "pair_base": ("second", "smaller"),
}
TOUCHES = {
    "revenue": ["blank"], "units": ["blank"], "customers": ["blank"],
    "orders": ["blank", "adj_order"],
    "aov": ["blank", "adj_order", "aov_money"],
    "basket_size": ["blank", "adj_order", "basket_units"],
    "revenue_per_customer": ["blank", "rpc_money"],
    "new_customers": ["first_kind", "first_where"],
    "repeat_rate": ["blank", "repeat_where"],
    "return_rate": ["blank", "adj_order", "adj_return"],
}
RANK_TOUCHES = ["blank", "rank_on", "name_blank"]


def readings(names):
    base = {k: v[0] for k, v in WAYS.items()}
    for combo in itertools.product(*(WAYS[n] for n in names)):
        yield dict(base, **dict(zip(names, combo)))


def source(way):
    return LINES if way["blank"] == "keep" else [l for l in LINES if l.desc]


def adjustments(lines):
    qtys = defaultdict(list)
    for l in lines:
        if not l.cancel:
            qtys[l.inv].append(l.qty)
    return {inv for inv, q in qtys.items() if all(x < 0 for x in q)}


# ------------------------------------------------------------------------------------ naming
def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))


def one_code(said):
    """The single stock code whose descriptions hold every word the owner said."""
    want = words(said)
    codes = sorted({l.code for l in LINES if l.desc and want <= words(l.desc)})
    if len(codes) != 1:
        raise SystemExit(f"product '{said}' matches {len(codes)} codes: {codes[:8]}")
    return codes[0]


def known_country(name):
    assert any(l.country == name for l in LINES), name
    return name


def known_customer(cid):
    assert any(l.cust == cid for l in LINES), cid
    return cid


# ------------------------------------------------------------------------------------ periods
def mon(y, m):
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(y, m, 1), end


def qtr(y, q):
    return mon(y, 3 * q - 2)[0], mon(y, 3 * q)[1]


def yr(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def span(a, b):
    return a[0], b[1]


ALL_TIME = (None, None)
LAST_MONTH = mon(2011, 11)
THIS_YEAR = (dt.date(2011, 1, 1), TODAY)
THIS_MONTH = (dt.date(2011, 12, 1), TODAY)
H1_2011 = span(mon(2011, 1), mon(2011, 6))


def bounded(period):
    a, b = period
    return a, min(b or TODAY, TODAY)


# ---------------------------------------------------------------------------------- measuring
def select(lines, period, filt):
    a, b = bounded(period)
    keep = []
    for l in lines:
        if (a and l.day < a) or l.day > b:
            continue
        if filt.get("country") and l.country != filt["country"]:
            continue
        if filt.get("customer") and l.cust != filt["customer"]:
            continue
        if filt.get("product") and l.code != filt["product"]:
            continue
        keep.append(l)
    return keep


def value(metric, period, filt, way):
    every = source(way)
    lines = select(every, period, filt)
    adj = adjustments(every)
    orders = {l.inv for l in lines if not l.cancel and (way["adj_order"] == "yes" or l.inv not in adj)}
    buyers = {l.cust for l in lines if l.cust and not l.cancel}
    net = sum(l.money for l in lines)
    if metric == "revenue":
        return net
    if metric == "units":
        return sum(l.qty for l in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        cash = net if way["aov_money"] == "net" else sum(l.money for l in lines if not l.cancel)
        return cash / len(orders)
    if metric == "basket_size":
        n = sum(l.qty for l in lines if l.inv in orders) if way["basket_units"] == "on_orders" \
            else sum(l.qty for l in lines)
        return n / len(orders)
    if metric == "revenue_per_customer":
        cash = sum(l.money for l in lines if (l.cust if way["rpc_money"] == "identified" else l.cust in buyers))
        return cash / len(buyers)
    if metric == "return_rate":
        invoices = {l.inv for l in lines}
        back = {l.inv for l in lines if l.cancel or (way["adj_return"] == "yes" and l.inv in adj)}
        return 100.0 * len(back) / len(invoices)
    if metric == "repeat_rate":
        pool = lines if way["repeat_where"] == "filter" else select(every, period, {})
        per = defaultdict(set)
        for l in pool:
            if l.cust in buyers and not l.cancel:
                per[l.cust].add(l.inv)
        return 100.0 * sum(len(per[c]) >= 2 for c in buyers) / len(buyers)
    if metric == "new_customers":
        scope = every if way["first_where"] == "store" else select(every, ALL_TIME, filt)
        first = {}
        for l in scope:
            if l.cust and (way["first_kind"] == "any" or not l.cancel):
                first[l.cust] = min(first.get(l.cust, l.day), l.day)
        a = bounded(period)[0]
        return sum(1 for c in buyers if a is None or first[c] >= a)
    raise ValueError(metric)


def names_of(way):
    seen = defaultdict(Counter)
    for l in source(way):
        if l.desc or way["name_blank"] == "count":
            seen[l.code][l.desc] += 1
    out = {}
    for code, c in seen.items():
        top = c.most_common(2)
        out[code] = None if len(top) > 1 and top[0][1] == top[1][1] else top[0][0]
    return out


def ranked(group, metric, n, period, way):
    acc = defaultdict(float)
    for l in select(source(way), period, {}):
        if way["rank_on"] == "gross" and l.cancel:
            continue
        key = {"product": l.code, "customer": l.cust, "country": l.country}[group]
        if key:
            acc[key] += l.money if metric == "revenue" else l.qty
    order = sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))
    figs = [round(v, 2) for _, v in order[:n + 1]]
    if len(figs) <= n or any(figs[i] - figs[i + 1] <= 0.011 for i in range(n)):
        return None                                    # a tie inside the top n or at the cut
    keys = [k for k, _ in order[:n]]
    if group != "product":
        return keys, keys, figs[:n]
    names = names_of(way)
    shown = [names[k] for k in keys]
    if None in shown:
        return None                                    # a name that is a tie of descriptions
    assert not any(FEES.match(s) for s in shown), shown
    return keys, shown, figs[:n]


def near(a, b, tol):
    return abs(a - b) <= tol.get("abs", 0.01) or abs(a - b) <= tol.get("rel", 0.005) * abs(b)


# ---------------------------------------------------------------------------------- questions
Q = []


def q(tag, text, kind, metric, period, n=None, group=None, base=None, pair=None, **filt):
    Q.append(dict(template="beliefs_" + tag, question=text, kind=kind, metric=metric, period=period,
                  n=n, group=group, base=base, pair=pair, filt={k: v for k, v in filt.items() if v}))


# --- revenue ------------------------------------------------------------------------------------
q("revenue", "My accountant reckons we took about £40k in March 2011. What's the actual revenue for "
             "that month?", "total", "revenue", mon(2011, 3))
q("revenue", "The bank manager has us down as turning over roughly £150,000 between January and June "
             "2011. Fact-check that for me: how much did we really bring in over those six months?",
  "total", "revenue", H1_2011)
q("revenue", "I told a friend the Netherlands is worth maybe five grand a year to us. How much revenue "
             "did we actually get from the Netherlands in 2011?",
  "total", "revenue", yr(2011), country=known_country("Netherlands"))
q("revenue", "Correct me if I'm wrong, but I think the regency cakestand has made us about £2,000 all "
             "told. What has it really brought in since we started?",
  "total", "revenue", ALL_TIME, product=one_code("regency cakestand"))
q("revenue", "Customer 17450 is convinced they've spent over £25,000 with us. What's the true total "
             "they've spent, all time?",
  "total", "revenue", ALL_TIME, customer=known_customer("17450"))
q("revenue", "I'd have sworn the Germans spent at least £3,000 with us in the third quarter of 2011. "
             "What's the real revenue from Germany for Q3 2011?",
  "total", "revenue", qtr(2011, 3), country=known_country("Germany"))
q("revenue", "how much have we actually taken in sales so far this year? my husband keeps saying half "
             "a million and i think he's dreaming", "total", "revenue", THIS_YEAR)

# --- orders ------------------------------------------------------------------------------------
q("orders", "Sanity check: our packer says he packed around 1,200 orders in August 2011. How many "
            "orders did we actually get that month?", "total", "orders", mon(2011, 8))
q("orders", "My gut says France placed 50-odd orders with us in 2011. What's the real count?",
  "total", "orders", yr(2011), country=known_country("France"))
q("orders", "The old spreadsheet says customer 14911 has ordered 30 times since we opened. How many "
            "orders have they really placed with us?",
  "total", "orders", ALL_TIME, customer=known_customer("14911"))
q("orders", "Is it true we had fewer than 100 orders in February 2011? I want the exact number, not a "
            "yes or no.", "total", "orders", mon(2011, 2))
q("orders", "Orders so far this month — my manager thinks it's already past 150. What's the actual "
            "figure?", "total", "orders", THIS_MONTH)

# --- units -------------------------------------------------------------------------------------
q("units", "My warehouse lead thinks we shifted something like 60,000 items in October 2011. What's "
           "the true number of units sold?", "total", "units", mon(2011, 10))
q("units", "I've been telling people we sell about a thousand white hanging heart t-light holders a "
           "year. How many did we actually sell in 2011?",
  "total", "units", yr(2011), product=one_code("white hanging heart t-light holder"))
q("units", "The rep swears the jumbo bag red retrospot did 500 units last month. How many did we "
           "really sell last month?",
  "total", "units", LAST_MONTH, product=one_code("jumbo bag red retrospot"))
q("units", "Customer 12415 claims they've bought over 10,000 pieces from us. How many units have they "
           "actually bought, all time?",
  "total", "units", ALL_TIME, customer=known_customer("12415"))

# --- customers -----------------------------------------------------------------------------------
q("customers", "My partner insists we served over 400 different customers in September 2011. How many "
               "distinct customers did we actually have that month?", "total", "customers", mon(2011, 9))
q("customers", "I'd guess Germany has given us maybe 20 customers all told. How many customers from "
               "Germany have we ever had?",
  "total", "customers", ALL_TIME, country=known_country("Germany"))
q("customers", "The agency's report claims 1,000 customers this year. How many customers have we "
               "actually had so far this year?", "total", "customers", THIS_YEAR)
q("customers", "I've got 'roughly 700' scribbled on a post-it for our customer count in Q2 2011, but I "
               "don't trust it. What's the real number of customers for the second quarter of 2011?",
  "total", "customers", qtr(2011, 2))

# --- average order value, items per order, revenue per customer -------------------------------------
q("average", "I assumed the average French order was about £300. What was the average order value for "
             "France between July and September 2011?", "total", "aov", qtr(2011, 3),
  country=known_country("France"))
q("average", "Our investor thinks customer 14646's orders average £2,000 apiece. What's their actual "
             "average order value over all time?",
  "total", "aov", ALL_TIME, customer=known_customer("14646"))
q("average", "Average order value for Switzerland in the first quarter of 2011: I'd have put it at £250. "
             "What was it really?", "total", "aov", qtr(2011, 1), country=known_country("Switzerland"))
q("average", "I always thought customers in the Netherlands bought in bulk, something like 500 items "
             "an order. What are the actual items per order for the Netherlands in 2011?",
  "total", "basket_size", yr(2011), country=known_country("Netherlands"))
q("average", "Someone told me a typical order from France holds about 150 items. What's the real "
             "average basket size for France from January to March 2011?",
  "total", "basket_size", qtr(2011, 1), country=known_country("France"))
q("average", "The bank asked for revenue per customer for 2011 and I said about £1,000 off the top of "
             "my head. What's the correct figure?", "total", "revenue_per_customer", yr(2011))
q("average", "I reckon each German customer was worth about £500 to us in 2011. What was the revenue "
             "per customer for Germany that year?",
  "total", "revenue_per_customer", yr(2011), country=known_country("Germany"))

# --- loyalty and returns ---------------------------------------------------------------------------
q("loyalty", "My co-founder says a third of our customers order more than once. What's the actual "
             "repeat-customer rate for 2011?", "total", "repeat_rate", yr(2011))
q("loyalty", "I'd have guessed 20% of last month's customers ordered twice or more. What was the "
             "repeat-customer rate last month, really?", "total", "repeat_rate", LAST_MONTH)
q("loyalty", "The consultant quoted a 35% repeat rate for our UK customers in Q3 2011. I'd like the "
             "true repeat-customer rate for the United Kingdom in Q3 2011.",
  "total", "repeat_rate", qtr(2011, 3), country=known_country("United Kingdom"))
q("loyalty", "My partner reckons Germany gave us about 40 new customers in the third quarter of 2011. "
             "How many new customers from Germany did we really get in Q3 2011?",
  "total", "new_customers", qtr(2011, 3), country=known_country("Germany"))
q("loyalty", "Going by the newsletter sign-ups I'd say we won 100 brand-new customers in Switzerland "
             "this year. How many new customers in Switzerland have we actually had so far this year?",
  "total", "new_customers", THIS_YEAR, country=known_country("Switzerland"))
q("loyalty", "I believe France brought us about 10 new customers in the first half of 2011. What's the "
             "real number of new French customers for January to June 2011?",
  "total", "new_customers", H1_2011, country=known_country("France"))
q("returns", "A supplier told me returns run at about 5% in our trade. What was our return rate in "
             "June 2011?", "total", "return_rate", mon(2011, 6))
q("returns", "I've been quoting investors a 1% return rate for January 2011. What was it actually?",
  "total", "return_rate", mon(2011, 1))

# --- rankings ------------------------------------------------------------------------------------
q("ranking", "Someone told me the white hanging heart t-light holder was our best seller in the third "
             "quarter of 2011. What were the top 3 products by units sold in Q3 2011?",
  "ranking", "units", qtr(2011, 3), n=3, group="product")
q("ranking", "My sister is sure our top customer of all time is 14646. Who are our top 3 customers by "
             "revenue, ever?", "ranking", "revenue", ALL_TIME, n=3, group="customer")
q("ranking", "I'm fairly certain Germany is our second-biggest market after the UK. Rank our top 4 "
             "countries by revenue for last month.", "ranking", "revenue", LAST_MONTH, n=4, group="country")
q("ranking", "I've been assuming our cheap little bits bring in the most money, but by revenue, what "
             "were the top 5 products in the third quarter of 2011?",
  "ranking", "revenue", qtr(2011, 3), n=5, group="product")
q("ranking", "The sales rep thinks the same three customers lead every month, each over £2k. Who were "
             "the top 3 customers by spend in September 2011?",
  "ranking", "revenue", mon(2011, 9), n=3, group="customer")
q("ranking", "I keep hearing Australia is our best market abroad. What were our top 5 countries by "
             "revenue between April and June 2011?", "ranking", "revenue", qtr(2011, 2), n=5, group="country")
q("ranking", "I thought the jumbo bags were the best sellers of 2011 by quantity. What are the actual "
             "top 6 products by units for 2011?", "ranking", "units", yr(2011), n=6, group="product")
q("ranking", "My shop assistant bet me a coffee that our number one seller last month shifted over "
             "1,000 pieces. Never mind the bet, show me the top 3 products by units last month.",
  "ranking", "units", LAST_MONTH, n=3, group="product")

# --- percent change between two whole past periods ----------------------------------------------------
q("change", "My accountant reckons sales dropped 10% from August to September 2011. What was the "
            "actual percentage change in revenue from August 2011 to September 2011?",
  "compare", "revenue", mon(2011, 9), base=mon(2011, 8))
q("change", "Dave says orders were up a good 25% in November 2011 on October 2011. What's the real "
            "percent change?", "compare", "orders", mon(2011, 11), base=mon(2011, 10))
q("change", "I believe Q3 2011 revenue was about 20% higher than Q2 2011. What's the exact percentage "
            "change from Q2 2011 to Q3 2011?", "compare", "revenue", qtr(2011, 3), base=qtr(2011, 2))
q("change", "Someone said our unit sales doubled from February 2011 to March 2011. By what percentage "
            "did units actually change?", "compare", "units", mon(2011, 3), base=mon(2011, 2))
q("change", "France's revenue jumped 50% from Q1 2011 to Q2 2011, according to my rep. What was the "
            "actual percent change for France?",
  "compare", "revenue", qtr(2011, 2), base=qtr(2011, 1), country=known_country("France"))

# --- two countries over one period -------------------------------------------------------------------
q("pair", "My rep thinks Germany beat the Netherlands in 2011. Did the Netherlands or Germany spend "
          "more with us in 2011, and by how much in percent?",
  "pair", "revenue", yr(2011), pair=(known_country("Netherlands"), known_country("Germany")))
q("pair", "I have a hunch Ireland outspent France in Q3 2011, maybe by double. Compare revenue from "
          "Ireland and France for the third quarter of 2011.",
  "pair", "revenue", qtr(2011, 3), pair=(known_country("EIRE"), known_country("France")))


# ---------------------------------------------------------------------------------------- gold
def agree(vals, tol, text):
    if not all(near(v, vals[0], tol) for v in vals[1:]):
        raise SystemExit(f"readings disagree: {text}\n{vals}")
    return vals[0]


def pct(now, before):
    return (now - before) / before * 100.0


def gold(x):
    kind, metric, text = x["kind"], x["metric"], x["question"]
    if kind == "ranking":
        outs = [ranked(x["group"], metric, x["n"], x["period"], w) for w in readings(RANK_TOUCHES)]
        if any(o is None for o in outs) or len({(tuple(o[0]), tuple(o[1])) for o in outs}) != 1:
            raise SystemExit(f"ranking differs between readings or ties: {text}\n{outs}")
        return outs[0]
    if kind == "compare":
        vals = [pct(value(metric, x["period"], x["filt"], w), value(metric, x["base"], x["filt"], w))
                for w in readings(TOUCHES[metric])]
        return agree(vals, PCT, text)
    if kind == "pair":
        vals = []
        for w in readings(TOUCHES[metric] + ["pair_base"]):
            a, b = (value(metric, x["period"], {"country": c}, w) for c in x["pair"])
            vals.append(pct(a, b) if w["pair_base"] == "second" else pct(max(a, b), min(a, b)))
        return agree(vals, PCT, text)
    vals = [value(metric, x["period"], x["filt"], w) for w in readings(TOUCHES[metric])]
    return agree(vals, TOL[metric], text)


def record(x):
    g = gold(x)
    a, b = bounded(x["period"])
    rec = {"question": x["question"], "template": x["template"],
           "kind": "compare" if x["kind"] == "pair" else x["kind"], "metric": x["metric"]}
    if x["kind"] == "total":
        rec["gold"] = g if isinstance(g, int) else round(g, 2 if x["metric"] == "revenue" else 4)
        rec["tolerance"] = TOL[x["metric"]]
    elif x["kind"] in ("compare", "pair"):
        rec["gold"] = round(g, 4)
        rec["tolerance"] = PCT
        if x["kind"] == "compare":
            rec["compared_with"] = [str(x["base"][0]), str(x["base"][1])]
        else:
            rec["countries"] = [ALIASES.get(c, c) for c in x["pair"]]
    else:
        keys, shown, figs = g
        rec.update(group=x["group"], n=x["n"], gold=shown, gold_values=figs, tolerance=MONEY,
                   gold_ids=[ALIASES.get(k, k) for k in keys] if x["group"] == "country" else keys)
    rec["from"] = str(a) if a else None
    rec["to"] = str(b)
    rec["filters"] = dict(x["filt"])
    return rec


NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?k?%?|\b(?:half|third|double|doubled|thousand|grand)\b")


def main():
    out = [record(x) for x in Q]
    assert len(out) == 50, len(out)
    assert len({r["question"] for r in out}) == len(out)
    for x, r in zip(Q, out):
        assert r["to"] <= str(TODAY) and (r["from"] is None or r["from"] <= r["to"]), r
        if x["kind"] == "compare":                  # whole past periods, later against earlier
            assert x["period"][1] < LAST_DAY and x["base"][1] < x["period"][0], r["question"]
        if x["kind"] == "pair":                     # the larger country named first
            assert r["gold"] > 0, r
        # the belief: a figure in the question that is not the answer
        said = [s for s in NUMBER.findall(x["question"]) if not re.fullmatch(r"20\d\d|Q?\d|1\d{4}", s)]
        assert said or "best" in x["question"] or "top customer" in x["question"] \
            or "second-biggest" in x["question"], x["question"]
        if r["kind"] == "total" and isinstance(r["gold"], (int, float)):
            for s in said:
                digits = s.strip("£%k").replace(",", "")
                if re.fullmatch(r"\d+(\.\d+)?", digits):
                    mult = 1000 if s.endswith("k") else 1
                    assert not near(float(digits) * mult, r["gold"], r["tolerance"]), (s, r)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {FIRST_DAY} to {LAST_DAY})")
    print("per template:", dict(Counter(r["template"] for r in out)))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))
    print("per metric:  ", dict(Counter(r["metric"] for r in out)))


if __name__ == "__main__":
    main()
