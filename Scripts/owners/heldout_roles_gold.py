#!/usr/bin/env python3
"""Held-out owner questions asked by THE PEOPLE AROUND AN OWNER, each in their own role's words and
with their own reason, with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's parser, gold.py or any other
held-out set's questions (heldout_esl_gold.py was read only for its file layout, record format and
tolerance constants; score_questions.py for how records are compared; README "## Owner analytics" for
what the server answers and how each figure is defined). Six people put questions to the shop's
assistant, about ten each:

  * the accountant -- turnover, takings, invoices and credit notes, quarters, "for the VAT return",
    "year-end", "for the management accounts";
  * the warehouse / stock manager -- units, pieces, "went out the door", "picked and packed",
    "shipped to", "which lines move fastest", products named as the pickers remember them;
  * the marketing person -- customers, buyers, shoppers, repeat buyers, new customers, markets and
    countries, "our campaign month";
  * an investor or the bank manager -- growth month over month, year on year, quarter on quarter,
    average order value, revenue per customer, concentration in the biggest customers;
  * a new part-time shop assistant -- polite, hesitant, apologising, slightly wrong words ("things"
    for products, "sales ... I mean orders", "the average spend of an order");
  * the owner's teenage kid helping out -- lowercase texting, "rn", "tbh", "pls", "ngl", "ppl",
    "w us", "this yr", months without a year ("sept", "nov vs oct": with the clock at 2011-12-10 the
    only such months in the data are those of 2011).

Each question has one correct reading under the README definitions; questions whose answer README
leaves unclear were not written (no "best month", whose result shape README does not give; no
"gross sales", which could mean before returns; no count of order lines; no country or customer
ranking by units; no half year that is not over compared with a whole one, which the server would
compare like with like). Products are named only by words that pick out one product in the data
(checked below: every word of the remembered name must occur in the descriptions of exactly one
stock code). Rankings are checked to be strictly ordered, separated from the next one, and free of
postage and other non-products. The clock is 2011-12-10: "last month" is November 2011, "last quarter"
July-September 2011, "this month" 1-10 December 2011, "yesterday" 9 December 2011.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).
Where a definition could be read two ways (new customers with a country filter: first order ever
anywhere, or in that country; revenue per customer: revenue of every identified line, or only of the
customers counted), both readings are computed and must agree within the tolerance.

NEVER use this file or heldout_roles.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_roles_gold.py    # writes Scripts/owners/heldout_roles.jsonl
"""

import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_roles.jsonl")
TODAY = dt.date(2011, 12, 10)

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}

Line = namedtuple("Line", "invoice code qty price day customer country is_cancel")


# ------------------------------------------------------------------------------------ reading
def to_day(stamp):
    """Both date layouts of the import: ISO '2011-10-06 16:20:00' and US '12/1/2010 8:26'."""
    head = stamp.strip().split(" ")[0]
    if "/" in head:
        month_, day_, year_ = head.split("/")
        return dt.date(int(year_), int(month_), int(day_))
    return dt.date.fromisoformat(head)


def customer_id(raw):
    raw = raw.strip()
    return raw[:-2] if raw.endswith(".0") else raw


LINES = []
DESCRIPTIONS = defaultdict(Counter)          # stock code -> description -> lines
with open(CSV_PATH, newline="", encoding="utf-8") as fh:
    for rec in csv.DictReader(fh):
        code = rec["StockCode"].strip().upper()
        invoice = rec["InvoiceNo"].strip()
        LINES.append(Line(invoice, code, int(rec["Quantity"]), float(rec["UnitPrice"]),
                          to_day(rec["InvoiceDate"]), customer_id(rec["CustomerID"]), rec["Country"].strip(),
                          invoice[:1].upper() == "C"))
        if rec["Description"].strip():
            DESCRIPTIONS[code][rec["Description"].strip()] += 1


def product_name(code):
    """The most frequent description of a stock code (ties: the first met)."""
    counts = DESCRIPTIONS[code]
    best = max(counts.values())
    return next(d for d, c in counts.items() if c == best)


def words(text):
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower().replace("'s", "")):
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)   # holders ~ holder
    return out


def only_product(remembered):
    """The one stock code whose description holds every word of the remembered name."""
    want = words(remembered)
    hits = [c for c, ds in DESCRIPTIONS.items() if any(want <= words(d) for d in ds)]
    assert len(hits) == 1, (remembered, hits)
    return hits[0]


FIRST_ORDER = {}                              # customer -> day of first non-cancellation line anywhere
FIRST_ORDER_IN = {}                           # (customer, country) -> same, in that country
for ln in sorted(LINES, key=lambda x: x.day):
    if ln.customer and not ln.is_cancel:
        FIRST_ORDER.setdefault(ln.customer, ln.day)
        FIRST_ORDER_IN.setdefault((ln.customer, ln.country), ln.day)


# ------------------------------------------------------------------------------------ figures
def lines_for(start, end, country=None, product=None, customer=None):
    last = TODAY if end is None else min(end, TODAY)
    return [ln for ln in LINES
            if (start is None or ln.day >= start) and ln.day <= last
            and (country is None or ln.country == country)
            and (product is None or ln.code == product)
            and (customer is None or ln.customer == customer)]


def figure(metric, start, end, **flt):
    ls = lines_for(start, end, **flt)
    money = sum(ln.qty * ln.price for ln in ls)
    order_ids = {ln.invoice for ln in ls if not ln.is_cancel}
    buyers = {ln.customer for ln in ls if ln.customer and not ln.is_cancel}
    if metric == "revenue":
        return round(money, 2)
    if metric == "units":
        return sum(ln.qty for ln in ls)
    if metric == "orders":
        return len(order_ids)
    if metric == "customers":
        return len(buyers)
    if metric == "aov":
        return round(money / len(order_ids), 4)
    if metric == "basket_size":
        return round(sum(ln.qty for ln in ls if not ln.is_cancel) / len(order_ids), 4)
    if metric == "return_rate":
        all_invoices = {ln.invoice for ln in ls}
        return round(100.0 * len({ln.invoice for ln in ls if ln.is_cancel}) / len(all_invoices), 4)
    if metric == "repeat_rate":
        orders_of = defaultdict(set)
        for ln in ls:
            if ln.customer and not ln.is_cancel:
                orders_of[ln.customer].add(ln.invoice)
        return round(100.0 * sum(len(v) > 1 for v in orders_of.values()) / len(orders_of), 4)
    if metric == "revenue_per_customer":
        every_identified = sum(ln.qty * ln.price for ln in ls if ln.customer) / len(buyers)
        only_counted = sum(ln.qty * ln.price for ln in ls if ln.customer in buyers) / len(buyers)
        assert abs(every_identified - only_counted) <= max(0.01, 0.005 * abs(only_counted)), (every_identified, only_counted)
        return round(every_identified, 4)
    if metric == "new_customers":
        anywhere = sum(1 for c in buyers if start is None or FIRST_ORDER[c] >= start)
        if flt.get("country"):
            here = sum(1 for c in buyers if start is None or FIRST_ORDER_IN[(c, flt["country"])] >= start)
            assert anywhere == here, (anywhere, here)
        return anywhere
    raise KeyError(metric)


def new_and_returning(start, end, **flt):
    buyers = {ln.customer for ln in lines_for(start, end, **flt) if ln.customer and not ln.is_cancel}
    fresh = sum(1 for c in buyers if FIRST_ORDER[c] >= start)
    return [fresh, len(buyers) - fresh]


def change(metric, period, base, **flt):
    now, before = figure(metric, *period, **flt), figure(metric, *base, **flt)
    assert before != 0
    return round(100.0 * (now - before) / before, 4)


NOT_GOODS = ("POST", "DOT", "M", "D", "C2", "CRUK", "BANK CHARGES", "AMAZONFEE", "S", "B", "PADS")


def ranking(group, metric, n, start, end, **flt):
    score = Counter()
    for ln in lines_for(start, end, **flt):
        key = ln.code if group == "product" else ln.country if group == "country" else ln.customer
        if key:
            score[key] += ln.qty * ln.price if metric == "revenue" else ln.qty
    order = sorted(score, key=lambda k: score[k], reverse=True)
    assert len(order) > n, (group, metric, n, len(order))
    vals = [round(score[k], 2) for k in order[:n + 1]]
    assert all(a - b > 0.011 for a, b in zip(vals, vals[1:])), (group, metric, n, vals)
    top = order[:n]
    if group == "product":
        assert not any(k in NOT_GOODS or product_name(k).upper().startswith(("POSTAGE", "DOTCOM", "MANUAL",
                                                                              "DISCOUNT", "CARRIAGE"))
                       for k in top), top
    return top, vals[:n]


# ------------------------------------------------------------------------------- periods
D = dt.date


def month(y, m):
    after = D(y + (m == 12), m % 12 + 1, 1)
    return D(y, m, 1), after - dt.timedelta(days=1)


def quarter(y, q):
    return D(y, 3 * q - 2, 1), month(y, 3 * q)[1]


YEAR_2011 = (D(2011, 1, 1), D(2011, 12, 31))
THIS_YEAR = (D(2011, 1, 1), TODAY)
LAST_MONTH = month(2011, 11)
THIS_MONTH = (D(2011, 12, 1), TODAY)
LAST_QUARTER = quarter(2011, 3)
H1_2011 = (D(2011, 1, 1), D(2011, 6, 30))
H2_2011 = (D(2011, 7, 1), D(2011, 12, 31))
YESTERDAY = (D(2011, 12, 9), D(2011, 12, 9))
IRELAND = {"EIRE": "Ireland"}

# ------------------------------------------------------------------------------- questions
QS = []


def ask(role, topic, question, kind, metric, period=(None, None), base=None, n=None, group=None, **flt):
    QS.append(dict(role=role, topic=topic, question=question, kind=kind, metric=metric, period=period,
                   base=base, n=n, group=group, filters={k: v for k, v in flt.items() if v is not None}))


# --- the accountant --------------------------------------------------------------------------
A = "accountant"
ask(A, "revenue", "For the VAT return I need our total turnover for the quarter July to September 2011.",
    "total", "revenue", LAST_QUARTER)
ask(A, "revenue", "What were the takings for October 2011? I'm reconciling them against the bank statements.",
    "total", "revenue", month(2011, 10))
ask(A, "revenue", "Year-end prep: what's total sales revenue for 2011 to date, with returns netted off?",
    "total", "revenue", THIS_YEAR)
ask(A, "orders", "How many invoices did we raise in November 2011, not counting credit notes?",
    "total", "orders", LAST_MONTH)
ask(A, "aov", "What was the average invoice value in Q1 2011? It goes in the notes to the accounts.",
    "total", "aov", quarter(2011, 1))
ask(A, "compare", "For the management accounts: by what percentage did turnover change in Q3 2011 compared with Q2 2011?",
    "compare", "revenue", quarter(2011, 3), base=quarter(2011, 2))
ask(A, "return_rate", "What was our return rate for 2011, i.e. credit notes as a share of all invoices?",
    "total", "return_rate", YEAR_2011)
ask(A, "country", "Takings from Ireland in the first half of 2011, please, they go on a separate line in the ledger.",
    "total", "revenue", H1_2011, country="EIRE")
ask(A, "customer", "Query on the sales ledger: how much did customer 14911 spend with us in 2011?",
    "total", "revenue", YEAR_2011, customer="14911")
ask(A, "rank_customers", "For the year-end review, which 5 customers brought in the most turnover in 2011?",
    "ranking", "revenue", YEAR_2011, n=5, group="customer")

# --- the warehouse / stock manager -----------------------------------------------------------
W = "warehouse"
ask(W, "units", "How many units went out the door in November 2011?", "total", "units", LAST_MONTH)
ask(W, "country", "How many pieces did we ship to Germany in Q3 2011?", "total", "units", quarter(2011, 3),
    country="Germany")
ask(W, "rank_products", "Which 5 lines moved fastest in October 2011, in units?", "ranking", "units",
    month(2011, 10), n=5, group="product")
ask(W, "rank_products", "Planning the Christmas picking rota: which 10 products shipped the most units between "
    "1 and 30 November 2011?", "ranking", "units", LAST_MONTH, n=10, group="product")
ask(W, "product", "How many red retrospot jumbo bags did we ship in 2011?", "total", "units", YEAR_2011,
    product=only_product("red retrospot jumbo bag"))
ask(W, "product", "How many rabbit night lights went to France in 2011?", "total", "units", YEAR_2011,
    country="France", product=only_product("rabbit night light"))
ask(W, "basket_size", "On average how many pieces were in each order in September 2011? I'm working out box sizes.",
    "total", "basket_size", month(2011, 9))
ask(W, "product", "How many regency cakestands did we send out last month?", "total", "units", LAST_MONTH,
    product=only_product("regency cakestand"))
ask(W, "orders", "How many orders did we pick and pack between 14 and 20 November 2011?", "total", "orders",
    (D(2011, 11, 14), D(2011, 11, 20)))
ask(W, "return_rate", "What percentage of all invoices were returns in October 2011? I'm staffing the returns bench.",
    "total", "return_rate", month(2011, 10))

# --- the marketing person --------------------------------------------------------------------
M = "marketing"
ask(M, "customers", "September 2011 was our campaign month. How many different customers bought from us that month?",
    "total", "customers", month(2011, 9))
ask(M, "new_customers", "How many new customers did we win in November 2011?", "total", "new_customers",
    LAST_MONTH)
ask(M, "repeat_rate", "What's our repeat buyer rate for 2011, the share of customers who ordered more than once?",
    "total", "repeat_rate", YEAR_2011)
ask(M, "rank_countries", "Which 5 markets brought in the most revenue in Q3 2011?", "ranking", "revenue",
    quarter(2011, 3), n=5, group="country")
ask(M, "country", "How many shoppers in Germany ordered from us in 2011?", "total", "customers", YEAR_2011,
    country="Germany")
ask(M, "mix", "Of the buyers we had in October 2011, how many were new and how many had bought before?",
    "mix", "mix", month(2011, 10))
ask(M, "compare", "France customer count: how did October 2011 compare with September 2011, in percent?",
    "compare", "customers", month(2011, 10), base=month(2011, 9), country="France")
ask(M, "revenue_per_customer", "What's the average revenue per customer for the United Kingdom in the second half "
    "of 2011?", "total", "revenue_per_customer", H2_2011, country="United Kingdom")
ask(M, "product", "How many distinct customers bought the spotty bunting in 2011?", "total", "customers",
    YEAR_2011, product=only_product("spotty bunting"))
ask(M, "new_customers", "For the German mailing list: how many new customers did we get from Germany in 2011?",
    "total", "new_customers", YEAR_2011, country="Germany")

# --- the investor / bank manager -------------------------------------------------------------
I = "investor"
ask(I, "compare", "What was month-over-month revenue growth from October to November 2011, in percent?",
    "compare", "revenue", LAST_MONTH, base=month(2011, 10))
ask(I, "aov", "What is the average order value for 2011 so far?", "total", "aov", THIS_YEAR)
ask(I, "compare", "Year on year, how did revenue for 1-9 December 2011 compare with 1-9 December 2010, "
    "as a percentage?", "compare", "revenue", (D(2011, 12, 1), D(2011, 12, 9)),
    base=(D(2010, 12, 1), D(2010, 12, 9)))
ask(I, "compare", "Quarter on quarter, by how many percent did the number of orders grow from Q1 to Q2 2011?",
    "compare", "orders", quarter(2011, 2), base=quarter(2011, 1))
ask(I, "compare", "How did average order value change from Q2 to Q3 2011, as a percentage?", "compare", "aov",
    quarter(2011, 3), base=quarter(2011, 2))
ask(I, "customers", "How many active customers did the business have in 2011?", "total", "customers", YEAR_2011)
ask(I, "revenue", "What was total revenue for the first half of 2011?", "total", "revenue", H1_2011)
ask(I, "compare", "Customer growth: what was the percentage change in customers from October to November 2011?",
    "compare", "customers", LAST_MONTH, base=month(2011, 10))
ask(I, "revenue_per_customer", "What's the revenue per customer for 2011? I'm looking at customer value.",
    "total", "revenue_per_customer", YEAR_2011)
ask(I, "rank_customers", "Who are the 3 biggest customers by revenue since 1 June 2011? I want to see the "
    "concentration risk.", "ranking", "revenue", (D(2011, 6, 1), TODAY), n=3, group="customer")

# --- the new part-time shop assistant --------------------------------------------------------
S = "assistant"
ask(S, "orders", "Sorry, I'm new here. How many sales did we have on 5 December 2011? I mean how many orders.",
    "total", "orders", (D(2011, 12, 5), D(2011, 12, 5)))
ask(S, "revenue", "Hi, um, could you tell me how much money came in yesterday?", "total", "revenue", YESTERDAY)
ask(S, "product", "Excuse me, how many of the chocolate hot water bottles have we sold this year? I think "
    "that's what they're called.", "total", "units", THIS_YEAR, product=only_product("chocolate hot water bottle"))
ask(S, "country", "Sorry if this is a silly question, but how many customers did we have from Belgium in 2011?",
    "total", "customers", YEAR_2011, country="Belgium")
ask(S, "rank_products", "Could you please tell me the 3 best selling things in September 2011?", "ranking",
    "units", month(2011, 9), n=3, group="product")
ask(S, "aov", "Hello, I was asked to find out the average spend of an order in August 2011, please?", "total",
    "aov", month(2011, 8))
ask(S, "return_rate", "I hope I'm asking this right... what was the returns rate in November 2011, like how many "
    "of all the invoices were returns?", "total", "return_rate", LAST_MONTH)
ask(S, "rank_countries", "Sorry, which 3 countries did we sell the most to since 1 September 2011, in money?",
    "ranking", "revenue", (D(2011, 9, 1), TODAY), n=3, group="country")
ask(S, "product", "The owner asked me to check how many white hanging heart t-light holders we sold in May 2011, "
    "could you help?", "total", "units", month(2011, 5), product=only_product("white hanging heart t-light holder"))
ask(S, "customer", "Is it possible to know how many orders customer 12748 has made since 1 November 2011?",
    "total", "orders", (D(2011, 11, 1), TODAY), customer="12748")

# --- the owner's teenage kid -----------------------------------------------------------------
K = "teen"
ask(K, "revenue", "how much did we make last month tbh", "total", "revenue", LAST_MONTH)
ask(K, "rank_products", "ngl whats our top 5 products rn, like this month", "ranking", "units", THIS_MONTH,
    n=5, group="product")
ask(K, "customers", "how many ppl bought stuff in oct 2011", "total", "customers", month(2011, 10))
ask(K, "orders", "pls how many orders this month so far", "total", "orders", THIS_MONTH)
ask(K, "rank_countries", "top 3 countries by money in q2 2011?? pls", "ranking", "revenue", quarter(2011, 2),
    n=3, group="country")
ask(K, "product", "how many lunch bag spaceboy did we sell in 2011 lol", "total", "units", YEAR_2011,
    product=only_product("lunch bag spaceboy"))
ask(K, "compare", "whats the aov for nov vs oct in % tbh", "compare", "aov", LAST_MONTH, base=month(2011, 10))
ask(K, "new_customers", "how many new customers did we get in sept ngl", "total", "new_customers", month(2011, 9))
ask(K, "rank_customers", "who spent the most w us in nov, top 3 pls", "ranking", "revenue", LAST_MONTH, n=3,
    group="customer")
ask(K, "repeat_rate", "whats the repeat rate for uk customers in q3 2011? its for my business studies hw", "total", "repeat_rate",
    quarter(2011, 3), country="United Kingdom")


# ----------------------------------------------------------------------------------- write
def tolerance(metric):
    if metric in ("repeat_rate", "return_rate"):
        return PCT
    if metric in ("units", "orders", "customers", "new_customers"):
        return COUNT
    return RATIO if metric == "basket_size" else MONEY


def build(q):
    start, end = q["period"]
    f = q["filters"]
    rec = {"question": q["question"], "template": "roles_" + q["topic"], "role": q["role"], "kind": q["kind"],
           "metric": q["metric"]}
    if q["kind"] == "total":
        rec["gold"], rec["tolerance"] = figure(q["metric"], start, end, **f), tolerance(q["metric"])
    elif q["kind"] == "compare":
        rec["gold"], rec["tolerance"] = change(q["metric"], q["period"], q["base"], **f), PCT
        rec["compared_with"] = [str(q["base"][0]), str(q["base"][1])]
    elif q["kind"] == "mix":
        rec["gold"], rec["tolerance"] = new_and_returning(start, end, **f), COUNT
    else:
        keys, _ = ranking(q["group"], q["metric"], q["n"], start, end, **f)
        rec["group"], rec["n"] = q["group"], q["n"]
        if q["group"] == "product":
            rec["gold"], rec["gold_ids"] = [product_name(k) for k in keys], keys
        elif q["group"] == "country":
            rec["gold"], rec["gold_ids"] = keys, [IRELAND.get(k, k) for k in keys]
        else:
            rec["gold"], rec["gold_ids"] = keys, keys
        rec["tolerance"] = MONEY
    rec["from"] = str(start) if start else None
    rec["to"] = str(min(end, TODAY)) if end else str(TODAY)
    rec["filters"] = f
    return rec


def main():
    out = [build(q) for q in QS]
    roles = Counter(r["role"] for r in out)
    assert len(out) == 60 and set(roles.values()) == {10}, roles
    assert len({r["question"] for r in out}) == len(out)
    for r in out:
        if r["kind"] == "total":
            assert r["gold"] and r["gold"] > 0, r
        if r["kind"] == "mix":
            assert all(r["gold"]), r
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")
    print("roles:", dict(roles))
    print("kinds:", dict(Counter(r["kind"] for r in out)))


if __name__ == "__main__":
    main()
