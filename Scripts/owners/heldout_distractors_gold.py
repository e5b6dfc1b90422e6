#!/usr/bin/env python3
"""Held-out owner questions wrapped in DISTRACTORS (the owner's life around the question), with
independent gold.

How this set was written: by hand, one message at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's code or parser, gold.py or
the questions of any other held-out set. It read only README "## Owner analytics" (which metrics,
rankings, filters and periods the server supports, and their definitions), score_questions.py (how a
record is compared) and heldout_indirect_gold.py (for its file layout, record format, tolerances and
CSV parsing conventions; the computation below is this file's own). Each message is one to four
sentences in which the question itself is unambiguous, while the text around it holds things that
must NOT be taken as part of the query. Six kinds of distractor, eight or nine messages each:

  numbers  numbers that are not the question's numbers: staff, vans, hourly fees, a rent rise in
           per cent, ages, miles, "7 parcels out of about 200"; a ranking's N comes only from the
           question ("we run 4 market stalls … which 3 products …");
  dates    dates and years that are not the question's period: the year we opened, a birthday on
           "the 14th", a VAT deadline in 2012, "Christmas 2010", "last Tuesday", holiday closures;
  places   countries, cities and nationalities in passing ("my supplier is in China", "a Dutch
           agency", "our accountant is in Dublin") while the question names another country or none;
  goods    goods words in the context ("wrapping mugs and lanterns", "three teacups", "bubble wrap")
           while the question is about all products or names one product exactly; every such context
           phrase is checked below to match several stock codes and to be no product's whole name;
  people   people's names, phone numbers, postcodes, extensions and reference numbers of other
           systems (checked below to be no customer id in the data) around a question that may itself
           name a customer id;
  shape    the question first, in the middle or last, split over two sentences ("Quick one. Revenue,
           December 2010?") or into fragments, with apologies, thanks and emoji.

The questions mix totals for a period (revenue, orders, customers, units, average order value, items
per order, new customers, repeat-customer rate, return rate, revenue per customer), new against
returning, rankings (top N products by units or revenue, countries and customers by revenue), percent
changes between two whole past periods, and country, product and customer-id filters. Each has one
reading: every date of the question names its year or is a relative period README defines, ranges are
written in words, comparisons are of whole past periods, and a product is named as an owner remembers
it only when those words match exactly one stock code's descriptions (`one_product()` stops otherwise).

Where README's definitions can be read more than one way, every reading is computed and a question is
kept only when all of them agree within the scorer's tolerance (the `check_*` functions stop otherwise):
  * the 13 lines of non-cancellation invoices with a negative quantity and price 0 (stock
    adjustments such as "damaged", "check") are read as ordinary lines, as returns (README's generic
    layout calls a negative quantity a return) or as bad rows that are skipped;
  * lines with an empty description or a zero price are kept, or skipped as bad rows;
  * average order value's revenue with returns subtracted, or of the orders' lines only;
  * items per order's units on orders only, or net of returns;
  * revenue per customer's revenue of identified customers net of their returns, or gross;
  * product rankings with postage and fee codes left in and left out (so none is in the top N);
  * a product's name as its most frequent description counted by lines or by units.
Rankings follow their metric's definition (returns subtract; a customer's or country's revenue holds
its postage). The first two readings move whole-shop order and unit counts of almost every past month
by a few, so those are asked only by country, by customer or for this month; revenue is untouched
(those lines are priced 0). When this file was written, a second computation (SQL over the same CSV,
fed through score_questions.judge) agreed with every gold.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).
The clock is 2011-12-10: "last month" is November 2011, "this year" runs 2011-01-01 to 2011-12-10, a
period that runs past the clock ends at it.

NEVER use this file or heldout_distractors.jsonl for training, for tuning parser rules, or read it
while working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_distractors_gold.py   # writes Scripts/owners/heldout_distractors.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_distractors.jsonl")
TODAY = dt.date(2011, 12, 10)

PCT = {"abs": 0.05}
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}
TOLERANCE = {"revenue": MONEY, "aov": MONEY, "revenue_per_customer": MONEY, "basket_size": RATIO,
             "units": COUNT, "orders": COUNT, "customers": COUNT, "new_customers": COUNT,
             "repeat_rate": PCT, "return_rate": PCT}

# stock codes that are postage, fees, manual adjustments and the like, never goods
FEE_CODES = {"POST", "DOT", "M", "D", "C2", "S", "B", "CRUK", "AMAZONFEE", "BANK CHARGES", "PADS"}


# ------------------------------------------------------------------------------------ raw data
def sales_day(text):
    """'2011-10-06 16:20:00' or the original file's '12/1/2010 8:26' -> a date (the day of the sale)."""
    head = text.strip().split()[0]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", head)
    if m:
        y, mo, d = m.groups()
    else:
        mo, d, y = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", head).groups()
    return dt.date(int(y), int(mo), int(d))


class Row:
    __slots__ = ("inv", "code", "desc", "qty", "price", "day", "cust", "country", "cancel", "ret")

    def __init__(self, rec):
        self.inv = rec["InvoiceNo"].strip()
        self.code = rec["StockCode"].strip().upper()
        self.desc = rec["Description"].strip()
        self.qty = int(rec["Quantity"])
        self.price = float(rec["UnitPrice"])
        self.day = sales_day(rec["InvoiceDate"])
        cust = rec["CustomerID"].strip()
        self.cust = cust[:-2] if cust.endswith(".0") else cust
        self.country = rec["Country"].strip()
        self.cancel = self.inv.upper().startswith("C")
        self.ret = self.cancel

    @property
    def amount(self):
        return self.qty * self.price


with open(CSV_PATH, newline="", encoding="utf-8") as _fh:
    RAW = [Row(r) for r in csv.DictReader(_fh)]


def dataset(adjust, bad):
    """The lines under one reading. adjust: what a negative quantity on a non-cancellation invoice
    is ('line', 'return' or 'skip'); bad: whether empty-description / zero-price lines are 'keep' or
    'skip'."""
    out = []
    for r in RAW:
        odd = r.qty < 0 and not r.cancel
        if odd and adjust == "skip":
            continue
        if bad == "skip" and (not r.desc or r.price == 0):
            continue
        c = Row.__new__(Row)
        for s in Row.__slots__:
            setattr(c, s, getattr(r, s))
        c.ret = r.cancel or (odd and adjust == "return")
        out.append(c)
    return out


READINGS = {(a, b): dataset(a, b) for a in ("line", "return", "skip") for b in ("keep", "skip")}
CANON = ("line", "keep")


def first_orders(lines):
    first = {}
    for r in lines:
        if r.cust and not r.ret:
            if r.cust not in first or r.day < first[r.cust]:
                first[r.cust] = r.day
    return first


FIRST = {k: first_orders(v) for k, v in READINGS.items()}


def names_by(lines, weight):
    tally = defaultdict(Counter)
    for r in lines:
        if r.desc:
            tally[r.code][r.desc] += weight(r)
    out = {}
    for code, c in tally.items():
        top = c.most_common()
        out[code] = top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None   # None: a tie
    return out


NAME_BY_LINES = names_by(RAW, lambda r: 1)
NAME_BY_UNITS = names_by([r for r in RAW if r.qty > 0], lambda r: r.qty)
DESCS = defaultdict(set)
for _r in RAW:
    if _r.desc:
        DESCS[_r.code].add(_r.desc)
CUSTOMER_IDS = {r.cust for r in RAW if r.cust}
COUNTRIES = {r.country for r in RAW}


def is_fee(code):
    return code in FEE_CODES or not re.match(r"\d{5}", code)


# ------------------------------------------------------------------------ names and checks
def wordset(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def one_product(remembered):
    """The single stock code whose descriptions hold every word of the name an owner remembers."""
    want = wordset(remembered)
    codes = sorted(c for c, ds in DESCS.items() if any(want <= wordset(d) for d in ds))
    if len(codes) != 1:
        raise SystemExit(f"product '{remembered}' matches {len(codes)} stock codes: {codes[:6]}")
    return codes[0]


def generic_goods(*phrases):
    """A goods phrase in the context must name no one product: its words (singular or plural) are held
    by several stock codes' descriptions, or by none, and it is no product's whole name."""
    whole = {d.upper() for ds in DESCS.values() for d in ds}
    for p in phrases:
        forms = {p} | ({p[:-1]} if p.endswith("s") else set()) | ({p[:-2]} if p.endswith("es") else set())
        for form in forms:
            assert form.upper() not in whole, f"'{form}' is a product's whole name"
        codes = {c for c, ds in DESCS.items() for d in ds for form in forms if wordset(form) <= wordset(d)}
        assert len(codes) != 1, f"context goods '{p}' names exactly one product"


def not_a_customer(*numbers):
    for n in numbers:
        assert n not in CUSTOMER_IDS, f"distractor number {n} is a customer id"


def a_country(name):
    assert name in COUNTRIES, name
    return name


def a_customer(ident):
    assert ident in CUSTOMER_IDS, ident
    return ident


# ------------------------------------------------------------------------------- periods
D = dt.date


def month(y, m):
    nxt = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return D(y, m, 1), nxt - dt.timedelta(days=1)


def quarter(y, q):
    return D(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y, h):
    return (D(y, 1, 1), D(y, 6, 30)) if h == 1 else (D(y, 7, 1), D(y, 12, 31))


def year(y):
    return D(y, 1, 1), D(y, 12, 31)


LAST_MONTH = month(2011, 11)
THIS_YEAR = (D(2011, 1, 1), TODAY)


def clip(period):
    start, end = period
    return start, min(end or TODAY, TODAY)


# --------------------------------------------------------------------------- computing
def select(lines, period, filters):
    start, end = clip(period)
    out = []
    for r in lines:
        if start is not None and r.day < start:
            continue
        if r.day > end:
            continue
        if "country" in filters and r.country != filters["country"]:
            continue
        if "product" in filters and r.code != filters["product"]:
            continue
        if "customer" in filters and r.cust != filters["customer"]:
            continue
        out.append(r)
    return out


def total(metric, reading, period, filters, opt):
    """One figure under one reading; opt picks among the readings of a metric's own definition."""
    lines = select(READINGS[reading], period, filters)
    orders = {r.inv for r in lines if not r.ret}
    buyers = {r.cust for r in lines if r.cust and not r.ret}
    if metric == "revenue":
        return sum(r.amount for r in lines)
    if metric == "units":
        return sum(r.qty for r in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        rev = sum(r.amount for r in lines if opt or not r.ret)
        return rev / len(orders)
    if metric == "basket_size":
        units = sum(r.qty for r in lines if not (opt and r.ret))
        return units / len(orders)
    if metric == "revenue_per_customer":
        rev = sum(r.amount for r in lines if r.cust and (opt or not r.ret))
        return rev / len(buyers)
    if metric == "new_customers":
        start = clip(period)[0]
        return len([c for c in buyers if start is None or FIRST[reading][c] >= start])
    if metric == "repeat_rate":
        per = defaultdict(set)
        for r in lines:
            if r.cust and not r.ret:
                per[r.cust].add(r.inv)
        return 100.0 * sum(1 for v in per.values() if len(v) >= 2) / len(per)
    if metric == "return_rate":
        invoices = {r.inv for r in lines}
        return 100.0 * len({r.inv for r in lines if r.ret}) / len(invoices)
    raise ValueError(metric)


# which metrics have a reading of their own definition (opt True = the canonical one)
OPTS = {"aov": (True, False), "basket_size": (True, False), "revenue_per_customer": (True, False)}


def mix(reading, period, filters):
    start = clip(period)[0]
    lines = select(READINGS[reading], period, filters)
    buyers = {r.cust for r in lines if r.cust and not r.ret}
    new = sum(1 for c in buyers if FIRST[reading][c] >= start)
    return [new, len(buyers) - new]


def ranking(group, metric, reading, period, filters, fees):
    lines = select(READINGS[reading], period, filters)
    acc = defaultdict(float)
    for r in lines:
        if not fees and is_fee(r.code):
            continue
        key = {"product": r.code, "country": r.country, "customer": r.cust}[group]
        if key:
            acc[key] += r.amount if metric == "revenue" else r.qty
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))


def close(a, b, tol):
    d = abs(a - b)
    return d <= tol.get("abs", 0.01) or d <= tol.get("rel", 0.005) * abs(b)


# ------------------------------------------------------------------------------ questions
QS = []


def ask(kind_of_distractor, text, kind, metric, period, base=None, n=None, group=None, **filters):
    QS.append(dict(t="distract_" + kind_of_distractor, text=text, kind=kind, metric=metric,
                   period=period, base=base, n=n, group=group, filters=filters))


ALIASES = {"EIRE": "Ireland", "USA": "United States", "RSA": "South Africa"}

# --- numbers that are not the question's numbers -------------------------------------------
T = "numbers"
ask(T, "We've just taken on 3 more packers and bought 2 vans, so I want to know if it was worth it: "
       "how many orders did we get from Germany in October 2011?",
    "total", "orders", month(2011, 10), country=a_country("Germany"))
ask(T, "My accountant charges £45 an hour, so I'll keep this short. What was our revenue in the "
       "second quarter of 2011?",
    "total", "revenue", quarter(2011, 2))
ask(T, "We run 4 market stalls and a website these days. Which 3 products sold the most units in "
       "November 2011?",
    "ranking", "units", month(2011, 11), n=3, group="product")
ask(T, "Our rent went up 12% this spring, which really hurts. By what percentage did revenue change "
       "from the second quarter of 2011 to the third quarter of 2011?",
    "compare", "revenue", quarter(2011, 3), base=quarter(2011, 2))
ask(T, "I've got 20 minutes before the school run and about 150 emails to answer, so just this: "
       "average order value for France in September 2011?",
    "total", "aov", month(2011, 9), country=a_country("France"))
ask(T, "Our warehouse has 6 aisles and 40 shelves and I'm redoing the layout. What were the top 8 "
       "products by units in 2011?",
    "ranking", "units", year(2011), n=8, group="product")
ask(T, "How many units did we sell to France in the first half of 2011? The van does about 30 miles a "
       "day and diesel is £1.40 a litre, so I'm working out whether the runs are worth it.",
    "total", "units", half(2011, 1), country=a_country("France"))
ask(T, "I'll be 52 soon and I keep saying I'll retire at 60, so I'm looking at the long view. How "
       "many different customers have we had, all time?",
    "total", "customers", (None, None))
ask(T, "We once had 7 parcels come back in a single week, out of about 200 sent. What was our return "
       "rate for the first quarter of 2011?",
    "total", "return_rate", quarter(2011, 1))

# --- dates and years that are not the question's period -----------------------------------
T = "dates"
ask(T, "We opened in 2009 and moved to the new unit in March 2010. How many customers ordered from "
       "us in September 2011?",
    "total", "customers", month(2011, 9))
ask(T, "My daughter's birthday is on the 14th and I want the books done before then. What was our "
       "revenue last month?",
    "total", "revenue", LAST_MONTH)
ask(T, "The VAT return is due on 7 January 2012, but that's a separate job. How many orders did we "
       "get from Ireland in the third quarter of 2011?",
    "total", "orders", quarter(2011, 3), country=a_country("EIRE"))
ask(T, "Christmas 2010 was chaos and I never want another December like it. As a percentage, how did "
       "the number of customers in November 2011 compare with October 2011?",
    "compare", "customers", month(2011, 11), base=month(2011, 10))
ask(T, "We changed packaging suppliers back in May 2011, but that's by the by. Top 5 countries by "
       "revenue for the first half of 2011, please.",
    "ranking", "revenue", half(2011, 1), n=5, group="country")
ask(T, "How many new customers did we get in October 2011? I've been in retail since 1998, when I "
       "was 19, and I still can't read a spreadsheet.",
    "total", "new_customers", month(2011, 10))
ask(T, "We close from 23 December to 3 January for the holidays. Before we shut, what was the average "
       "order value for Switzerland in November 2011?",
    "total", "aov", month(2011, 11), country=a_country("Switzerland"))
ask(T, "Last Tuesday was a nightmare with the courier, never mind. How many orders did Germany place "
       "in the first quarter of 2011?",
    "total", "orders", quarter(2011, 1), country=a_country("Germany"))

# --- countries, cities and nationalities in passing ----------------------------------------
T = "places"
ask(T, "What was our revenue from Germany in October 2011? My supplier is in China and the shipping "
       "costs are killing me, so I'm looking at where the money actually comes from.",
    "total", "revenue", month(2011, 10), country=a_country("Germany"))
ask(T, "I'm off to Spain next week for a break. Before I go, who were our top 3 customers by revenue "
       "in November 2011?",
    "ranking", "revenue", month(2011, 11), n=3, group="customer")
ask(T, "A Dutch design agency keeps emailing me about a rebrand. How many orders did we get from "
       "France in the third quarter of 2011?",
    "total", "orders", quarter(2011, 3), country=a_country("France"))
ask(T, "We buy our boxes from a firm in Poland and our tape from Italy. How many units have we sold "
       "altogether this month, all countries?",
    "total", "units", (D(2011, 12, 1), TODAY))
ask(T, "My brother lives in Australia and keeps asking how it's going. How many customers from the "
       "Netherlands bought from us in 2011?",
    "total", "customers", year(2011), country=a_country("Netherlands"))
ask(T, "The Swiss gentleman who rang this morning was very rude, so let's not talk about him. What "
       "was the average order value for Belgium in the second half of 2011?",
    "total", "aov", half(2011, 2), country=a_country("Belgium"))
ask(T, "Our accountant is based in Dublin, in case you need her. What was revenue in the United "
       "Kingdom last month?",
    "total", "revenue", LAST_MONTH, country=a_country("United Kingdom"))
ask(T, "We might open a little shop in France one day, maybe in Lyon. By what percentage did our "
       "orders from Germany change from September 2011 to October 2011?",
    "compare", "orders", month(2011, 10), base=month(2011, 9), country=a_country("Germany"))

# --- goods words in the context ------------------------------------------------------------
T = "goods"
generic_goods("mugs", "lanterns", "teacups", "candles", "bunting", "cake stands", "lunch boxes",
              "bubble wrap", "brown paper", "doorstops", "paper chains")
ask(T, "I was wrapping mugs and lanterns all morning and my hands are sore. What was our total "
       "revenue in October 2011, across all products?",
    "total", "revenue", month(2011, 10))
ask(T, "Someone knocked over three teacups in the stockroom today, typical. Which 5 products brought "
       "in the most revenue in the third quarter of 2011?",
    "ranking", "revenue", quarter(2011, 3), n=5, group="product")
ask(T, "I spent the weekend pricing candles and bunting for the Christmas fair. How many customers "
       "bought from us last month?",
    "total", "customers", LAST_MONTH)
ask(T, "My mum collects cake stands and keeps hinting she wants one. How much revenue did the regency "
       "cakestand make us in 2011?",
    "total", "revenue", year(2011), product=one_product("regency cakestand"))
ask(T, "The kids' lunch boxes we ordered are still stuck at the port. Anyway, how many white hanging "
       "heart t-light holders did we sell in November 2011? I need to reorder before the 20th.",
    "total", "units", month(2011, 11), product=one_product("white hanging heart t-light holder"))
ask(T, "We've run out of bubble wrap and brown paper again. What were our top 10 products by units "
       "in September 2011?",
    "ranking", "units", month(2011, 9), n=10, group="product")
ask(T, "Half the shelf of doorstops fell over this morning, which got me thinking about how much "
       "people buy at once. On average, how many items were there per order from France in October 2011?",
    "total", "basket_size", month(2011, 10), country=a_country("France"))
ask(T, "There are paper chains and lanterns all over the floor here. How many of the jumbo bag red "
       "retrospot did we sell between 1 September 2011 and 30 November 2011?",
    "total", "units", (D(2011, 9, 1), D(2011, 11, 30)), product=one_product("jumbo bag red retrospot"))

# --- people, phone numbers, postcodes and other systems' references ------------------------
T = "people"
not_a_customer("07700", "900123", "20417", "10432", "58821", "214", "42")
ask(T, "Sarah from the bank left her number, 07700 900123, and wants one figure: our total revenue "
       "for the first half of 2011.",
    "total", "revenue", half(2011, 1))
ask(T, "Dave said their reference on our old system was INV-20417, but ignore that. How much has "
       "customer 12748 spent with us this year?",
    "total", "revenue", THIS_YEAR, customer=a_customer("12748"))
ask(T, "Our new postcode is BS8 4QT, by the way. How many orders did customer 17841 place in 2011? "
       "Gemma, their buyer, reckons it was loads.",
    "total", "orders", year(2011), customer=a_customer("17841"))
ask(T, "Tom and Priya are doing the stocktake on Saturday. Who were our top 5 customers by revenue in "
       "the third quarter of 2011?",
    "ranking", "revenue", quarter(2011, 3), n=5, group="customer")
ask(T, "Mrs Patel from number 42 came in asking about order 10432 in our market-stall book. Different "
       "thing: how many new customers did we get in September 2011?",
    "total", "new_customers", month(2011, 9))
ask(T, "John, my business partner (extension 214), wants to know about loyalty. What share of our "
       "customers ordered two or more times in 2011?",
    "total", "repeat_rate", year(2011))
ask(T, "Please ignore reference 58821 in my last email, that was the courier's. What was the average "
       "order value for customer 14646 in 2011?",
    "total", "aov", year(2011), customer=a_customer("14646"))
ask(T, "Emma, Jack and Lily have all asked for a pay rise, so I'm checking. What was revenue per "
       "customer for Germany in October 2011?",
    "total", "revenue_per_customer", month(2011, 10), country=a_country("Germany"))

# --- the shape: position, splitting, politeness, emoji -------------------------------------
T = "shape"
ask(T, "Sorry to bother you again 😅 Quick one. Revenue, December 2010?",
    "total", "revenue", month(2010, 12))
ask(T, "How many customers did we have in August 2011? Sorry, long day, my head's all over the place 🙃",
    "total", "customers", month(2011, 8))
ask(T, "Morning! Hope you had a good weekend. Orders so far this month — how many? Thanks so much x",
    "total", "orders", (D(2011, 12, 1), TODAY))
ask(T, "Right. Top countries. By revenue, the top 3, for the third quarter of 2011 please 👍",
    "ranking", "revenue", quarter(2011, 3), n=3, group="country")
ask(T, "Apologies for the late message. The percentage change in the Netherlands' average order value "
       "from the first quarter of 2011 to the second quarter of 2011? No rush at all.",
    "compare", "aov", quarter(2011, 2), base=quarter(2011, 1), country=a_country("Netherlands"))
ask(T, "🙂🙂 ok so. new customers. this year. how many?",
    "total", "new_customers", THIS_YEAR)
ask(T, "Before I forget (and thanks for yesterday!), what were the top 4 products by units in the "
       "first quarter of 2011? Cheers!",
    "ranking", "units", quarter(2011, 1), n=4, group="product")
ask(T, "I know you're busy. Orders from Spain in 2011, how many? No worries if it takes a minute.",
    "total", "orders", year(2011), country=a_country("Spain"))
ask(T, "Thanks a million for the help earlier!! 😊 Could you also split November 2011's customers "
       "into new and returning? Much appreciated.",
    "mix", "mix", month(2011, 11))


# --------------------------------------------------------------------------- gold and checks
def agree(values, tol, what):
    base = values[0]
    for v in values[1:]:
        if not close(v, base, tol):
            raise SystemExit(f"readings disagree for {what}: {sorted(set(round(x, 4) for x in values))}")


def check_total(q):
    opts = OPTS.get(q["metric"], (None,))
    vals = [total(q["metric"], rd, q["period"], q["filters"], o) for rd in READINGS for o in opts]
    agree(vals, TOLERANCE[q["metric"]], q["text"])
    return total(q["metric"], CANON, q["period"], q["filters"], opts[0])


def check_compare(q):
    opts = OPTS.get(q["metric"], (None,))
    vals = []
    for rd in READINGS:
        for o in opts:
            now = total(q["metric"], rd, q["period"], q["filters"], o)
            before = total(q["metric"], rd, q["base"], q["filters"], o)
            vals.append((now - before) / before * 100.0)
    agree(vals, PCT, q["text"])
    return vals[0]


def check_mix(q):
    vals = {tuple(mix(rd, q["period"], q["filters"])) for rd in READINGS}
    assert len(vals) == 1, (q["text"], vals)
    return list(vals.pop())


def check_ranking(q):
    """A ranking follows its metric's definition (returns subtract). Every reading of the data must give
    the same names in the same order, strictly ordered with a gap at the cut; a product ranking must give
    them with postage and fee codes left in and left out (so none is in it), each product with one name."""
    n, group = q["n"], q["group"]
    canon = None
    for rd in READINGS:
        for fees in ((True, False) if group == "product" else (True,)):
            ranked = ranking(group, q["metric"], rd, q["period"], q["filters"], fees)
            assert len(ranked) > n, q["text"]
            top = [round(v, 2) for _, v in ranked[:n + 1]]
            assert all(top[i] - top[i + 1] > 0.011 for i in range(n)), \
                ("tie in the top or at the cut", q["text"], rd, fees, top)
            keys = [k for k, _ in ranked[:n]]
            if canon is None:
                canon = (keys, [round(v, 2) for _, v in ranked[:n]])
            assert keys == canon[0], ("readings rank differently", q["text"], rd, fees)
    keys, figures = canon
    if group == "product":
        assert not any(is_fee(k) for k in keys), ("postage or fee in a product ranking", q["text"])
        for k in keys:
            assert NAME_BY_LINES[k] and NAME_BY_LINES[k] == NAME_BY_UNITS[k], ("name unclear", k)
    return keys, figures


def record(q):
    start, end = clip(q["period"])
    rec = {"question": q["text"], "template": q["t"], "kind": q["kind"], "metric": q["metric"]}
    if q["kind"] == "total":
        g = check_total(q)
        rec["gold"] = round(g, 4) if isinstance(g, float) else g
        if q["metric"] == "revenue":
            rec["gold"] = round(g, 2)
        rec["tolerance"] = TOLERANCE[q["metric"]]
    elif q["kind"] == "compare":
        b0, b1 = clip(q["base"])
        assert end < TODAY and b1 < start, ("a comparison must be of whole past periods", q["text"])
        rec["gold"] = round(check_compare(q), 4)
        rec["tolerance"] = PCT
        rec["compared_with"] = [str(b0), str(b1)]
    elif q["kind"] == "mix":
        rec["gold"] = check_mix(q)
        rec["tolerance"] = COUNT
    else:
        keys, figures = check_ranking(q)
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [NAME_BY_LINES[k] for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [ALIASES.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["gold_values"] = figures
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(end)
    names = {"country": "country", "product": "product", "customer": "customer"}
    rec["filters"] = {names[k]: v for k, v in q["filters"].items()}
    return rec


def main():
    out = [record(q) for q in QS]
    per_t = Counter(r["template"] for r in out)
    assert len(out) == 50 and len(per_t) == 6 and all(8 <= v <= 9 for v in per_t.values()), per_t
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        assert (r["from"] or "") <= r["to"] <= str(TODAY)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    first, last = min(r.day for r in RAW), max(r.day for r in RAW)
    print(f"wrote {len(out)} questions to {OUT_PATH} (data {first} to {last})")
    print("per template:", dict(per_t))
    print("per kind:    ", dict(Counter(r["kind"] for r in out)))
    print("per metric:  ", dict(Counter(f'{r["kind"]}:{r["metric"]}' for r in out)))


if __name__ == "__main__":
    main()
