#!/usr/bin/env python3
"""Held-out owner questions with independently computed gold answers (writes heldout_casual.jsonl).

    python3 Scripts/owners/heldout_gold.py [--csv FILE] [--out FILE]

HOW THIS FILE WAS WRITTEN. The questions below were written by hand, one at a time, by imagining
eight different shop owners (personas) and how each would type a question about their sales:
a terse owner on a phone (lowercase, abbreviations), a formal accountant, a non-native English
speaker, a chatty owner who adds context, a British owner using slang ("shifted", "flogged",
"takings", "punters"), an owner who asks for comparisons, an owner who names products by the
part of the name they remember, and an owner asking about countries (also by demonym), customer
ids and best sellers. They were NOT produced from, or shaped by, the project's template generator
(templates.py / generate_questions.py / questions.jsonl were not read), nor by the parser's code.
The gold answers are computed here from the raw CSV by the definitions in README "## Owner
analytics" (gold.py was consulted only to confirm definitions; none of its code is reused).

THIS IS A HELD-OUT SET: it must never be used for training, for tuning rules, lexicons or
thresholds, or for writing tests that the parser is fitted to. Use it only to measure.

Definitions used (README): revenue = sum(quantity * unit price), cancellation lines ("C" invoices,
negative quantities) subtract; units = sum(quantity); orders = distinct non-"C" invoices;
customers = distinct non-empty customer ids on non-"C" lines; aov = revenue / orders;
change = (a - b) / b * 100; repeat rate = customers with 2+ orders / customers with 1+ (percent);
new customers = customers whose first order ever falls in the period (returning: ordered before);
basket size = units on non-"C" lines / orders; return rate = "C" invoices / all invoices (percent);
revenue per customer = revenue of lines with a customer id / customers. Top products rank by units
unless revenue is asked, top customers and countries by revenue. Periods are inclusive; "today"
is 2011-12-10 and a period not yet over ends today; weeks start on Monday.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT = os.path.join(HERE, "heldout_casual.jsonl")
TODAY = dt.date(2011, 12, 10)

# ------------------------------------------------------------------------------ periods
ALL = (None, None)
Y2011 = ("2011-01-01", "2011-12-10")          # this year / so far this year
DEC10 = ("2010-12-01", "2010-12-31")
JAN, FEB, MAR = ("2011-01-01", "2011-01-31"), ("2011-02-01", "2011-02-28"), ("2011-03-01", "2011-03-31")
APR, MAY, JUN = ("2011-04-01", "2011-04-30"), ("2011-05-01", "2011-05-31"), ("2011-06-01", "2011-06-30")
JUL, AUG, SEP = ("2011-07-01", "2011-07-31"), ("2011-08-01", "2011-08-31"), ("2011-09-01", "2011-09-30")
OCT, NOV = ("2011-10-01", "2011-10-31"), ("2011-11-01", "2011-11-30")
DEC11 = ("2011-12-01", "2011-12-10")          # this month (so far)
Q1, Q2, Q3 = ("2011-01-01", "2011-03-31"), ("2011-04-01", "2011-06-30"), ("2011-07-01", "2011-09-30")
Q4 = ("2011-10-01", "2011-12-10")             # this quarter (so far)
H1 = ("2011-01-01", "2011-06-30")
SUMMER = ("2011-06-01", "2011-08-31")
LAST_WEEK = ("2011-11-28", "2011-12-04")       # Monday to Sunday before today's week
YESTERDAY = ("2011-12-09", "2011-12-09")


# ------------------------------------------------------------------------------ data
class Row:
    __slots__ = ("inv", "code", "desc", "qty", "day", "price", "cust", "country", "cancel")


def load(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            r = Row()
            r.inv = rec["InvoiceNo"].strip()
            r.code = rec["StockCode"].strip().upper()
            r.desc = rec["Description"].strip()
            r.qty = int(rec["Quantity"])
            r.day = dt.date.fromisoformat(rec["InvoiceDate"].strip()[:10])
            r.price = float(rec["UnitPrice"])
            cid = rec["CustomerID"].strip()
            r.cust = cid[:-2] if cid.endswith(".0") else cid
            r.country = rec["Country"].strip()
            r.cancel = r.inv.upper().startswith("C")
            rows.append(r)
    return rows


class Shop:
    def __init__(self, path):
        self.rows = load(path)
        descs = defaultdict(Counter)
        for r in self.rows:
            if r.desc:
                descs[r.code][r.desc] += 1
        self.name = {}
        self.name_tied = set()
        for code, cnt in descs.items():
            top = cnt.most_common(2)
            self.name[code] = top[0][0]
            if len(top) > 1 and top[0][1] == top[1][1]:
                self.name_tied.add(code)
        self.first = {}
        for r in sorted(self.rows, key=lambda r: r.day):
            if r.cust and not r.cancel:
                self.first.setdefault(r.cust, r.day)
        self.words = defaultdict(list)   # code -> word sets of its descriptions
        for code, cnt in descs.items():
            for d in cnt:
                self.words[code].append(self._stems(d))

    @staticmethod
    def _stems(text):
        out = set()
        for w in re.findall(r"[a-z0-9]+", text.lower()):
            out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
        return out

    def product(self, phrase):
        """The one stock code whose description holds every word of the phrase (fails otherwise)."""
        want = self._stems(phrase)
        hits = [c for c, sets in self.words.items() if any(want <= s for s in sets)]
        assert len(hits) == 1, f"product phrase {phrase!r} matches {hits[:6]}"
        return hits[0]

    def pick(self, period, country=None, product=None, customer=None):
        lo = dt.date.fromisoformat(period[0]) if period[0] else None
        hi = min(dt.date.fromisoformat(period[1]), TODAY) if period[1] else TODAY
        out = []
        for r in self.rows:
            if (lo and r.day < lo) or r.day > hi:
                continue
            if country and r.country != country:
                continue
            if product and r.code != product:
                continue
            if customer and r.cust != customer:
                continue
            out.append(r)
        return out

    def value(self, metric, period, **f):
        rows = self.pick(period, **f)
        revenue = sum(r.qty * r.price for r in rows)
        orders = len({r.inv for r in rows if not r.cancel})
        custs = {r.cust for r in rows if r.cust and not r.cancel}
        if metric == "revenue":
            return round(revenue, 2)
        if metric == "units":
            return sum(r.qty for r in rows)
        if metric == "orders":
            return orders
        if metric == "customers":
            return len(custs)
        if metric == "aov":
            return round(revenue / orders, 2)
        if metric == "basket_size":
            return round(sum(r.qty for r in rows if not r.cancel) / orders, 4)
        if metric == "return_rate":
            invs = {r.inv for r in rows}
            return round(100.0 * len({r.inv for r in rows if r.cancel}) / len(invs), 3)
        if metric == "repeat_rate":
            per = defaultdict(set)
            for r in rows:
                if r.cust and not r.cancel:
                    per[r.cust].add(r.inv)
            return round(100.0 * sum(len(v) > 1 for v in per.values()) / len(per), 3)
        if metric == "revenue_per_customer":
            return round(sum(r.qty * r.price for r in rows if r.cust) / len(custs), 4)
        if metric == "new_customers":
            return self.mix(period, **f)[0]
        raise ValueError(metric)

    def mix(self, period, **f):
        lo = dt.date.fromisoformat(period[0]) if period[0] else None
        custs = {r.cust for r in self.pick(period, **f) if r.cust and not r.cancel}
        new = sum(1 for c in custs if lo is None or self.first[c] >= lo)
        return [new, len(custs) - new]

    def ranking(self, group, metric, n, period, **f):
        agg = defaultdict(float)
        for r in self.pick(period, **f):
            key = r.code if group == "product" else r.country if group == "country" else r.cust
            if not key:
                continue
            agg[key] += r.qty * r.price if metric == "revenue" else r.qty
        ranked = sorted(agg.items(), key=lambda kv: -kv[1])
        assert len(ranked) > n, f"only {len(ranked)} {group}s"
        vals = [round(v, 2) for _, v in ranked[: n + 1]]
        gaps = [vals[i] - vals[i + 1] for i in range(n)]
        assert min(gaps) >= 0.011 and vals[n - 1] > 0, f"tie in top {n} {group} by {metric}: {vals}"
        keys = [k for k, _ in ranked[:n]]
        if group == "product":
            assert not (set(keys) & self.name_tied), "product name depends on a tie-break"
            return [self.name[k] for k in keys], keys
        return keys, None


# ------------------------------------------------------------------------------ question specs
def T(metric, period, **f):
    return ("total", metric, period, f)


def C(metric, a, b, **f):
    return ("compare", metric, (a, b), f)


def R(group, metric, n, period, **f):
    return ("ranking", (group, metric, n), period, f)


def M(period, **f):
    return ("mix", "customers", period, f)


# Products are named by the phrase the owner uses; the phrase must pick out exactly one product.
P = "product"

QUESTIONS = {
    "terse": [
        ("rev last mth", T("revenue", NOV)),
        ("units sold nov 2011?", T("units", NOV)),
        ("orders yesterday?", T("orders", YESTERDAY)),
        ("aov this yr", T("aov", Y2011)),
        ("top 5 prods this month", R("product", "units", 5, DEC11)),
        ("custs in oct", T("customers", OCT)),
        ("sales q3 2011", T("revenue", Q3)),
        ("orders from germany in march", T("orders", MAR, country="Germany")),
        ("top 3 countries 2011", R("country", "revenue", 3, Y2011)),
        ("new custs last month", T("new_customers", NOV)),
        ("repeat rate this yr", T("repeat_rate", Y2011)),
        ("basket size last wk", T("basket_size", LAST_WEEK)),
    ],
    "accountant": [
        ("Please provide the total revenue for the period 1 April 2011 to 30 June 2011.", T("revenue", Q2)),
        ("What was the average order value for the month of February 2011?", T("aov", FEB)),
        ("Kindly state the number of distinct customers who placed orders during the first half of 2011.",
         T("customers", H1)),
        ("What is the return rate for the calendar year 2011 to date?", T("return_rate", Y2011)),
        ("Could you report the revenue per customer for September 2011?", T("revenue_per_customer", SEP)),
        ("What was the percentage change in revenue from the second quarter of 2011 to the third quarter of 2011?",
         C("revenue", Q3, Q2)),
        ("State the total number of units sold in January 2011, net of returns.", T("units", JAN)),
        ("What was the average number of items per order in November 2011?", T("basket_size", NOV)),
        ("Please list the five customers with the highest revenue for the year 2011.",
         R("customer", "revenue", 5, Y2011)),
        ("How many orders were placed between 1 September 2011 and 15 September 2011 inclusive?",
         T("orders", ("2011-09-01", "2011-09-15"))),
        ("What proportion of customers placed more than one order in the third quarter of 2011?",
         T("repeat_rate", Q3)),
        ("Please state the total revenue for December 2010.", T("revenue", DEC10)),
    ],
    "nonnative": [
        ("How much money we make in the month of May 2011?", T("revenue", MAY)),
        ("Please tell me how many pieces we sell in July?", T("units", JUL)),
        ("Which are the 5 products most selled in 2011?", R("product", "units", 5, Y2011)),
        ("How many clients buy from us in August 2011?", T("customers", AUG)),
        ("What is the average value for one order in october 2011?", T("aov", OCT)),
        ("How many new clients we have in September?", T("new_customers", SEP)),
        ("The customers from Spain, how much they spend in 2011?", T("revenue", Y2011, country="Spain")),
        ("How many orders make the customer 14911 in this year?", T("orders", Y2011, customer="14911")),
        ("Which country bring most revenue for us this year? Give me the top 3.",
         R("country", "revenue", 3, Y2011)),
        ("Is more or less revenue in June than in May 2011? Give the change in percent.",
         C("revenue", JUN, MAY)),
        ("How many article per order we have in average in march 2011?", T("basket_size", MAR)),
    ],
    "chatty": [
        ("Quick one before my meeting — what were total sales last month?", T("revenue", NOV)),
        ("Hiya! My accountant keeps asking, how many orders have we had so far this year?", T("orders", Y2011)),
        ("I'm putting a little report together for the bank, could you tell me our revenue for summer 2011?",
         T("revenue", SUMMER)),
        ("Morning! Just wondering how many different customers bought from us last quarter?",
         T("customers", Q3)),
        ("I've been fretting about returns lately... what was our return rate in November 2011?",
         T("return_rate", NOV)),
        ("Out of curiosity, how many units did we sell on 5 December 2011?",
         T("units", ("2011-12-05", "2011-12-05"))),
        ("We had a mad week at the end of November, how many orders came in between 21 and 27 November 2011?",
         T("orders", ("2011-11-21", "2011-11-27"))),
        ("My partner reckons the Dutch are our best overseas customers - how much revenue did we get from the Netherlands this year?",
         T("revenue", Y2011, country="Netherlands")),
        ("Before I plan the Christmas stock, what were our 10 best sellers in November 2011?",
         R("product", "units", 10, NOV)),
        ("Just for the newsletter — how many new customers did we win in October 2011?",
         T("new_customers", OCT)),
        ("Can you remind me what the average basket size was last month? cheers", T("basket_size", NOV)),
        ("Sorry to bother you again, what's the average order value been this quarter?", T("aov", Q4)),
        ("I'm curious how many of last month's customers were new and how many were returning?", M(NOV)),
    ],
    "brit": [
        ("How many units have we shifted this year?", T("units", Y2011)),
        ("What were the takings in October 2011?", T("revenue", OCT)),
        ("What did we flog the most of in September 2011? Top 5 please.", R("product", "units", 5, SEP)),
        ("How much did the Irish spend with us in 2011?", T("revenue", Y2011, country="EIRE")),
        ("How many jumbo bag red retrospots did we flog between September and November 2011?",
         T("units", ("2011-09-01", "2011-11-30"), **{P: "jumbo bag red retrospot"})),
        ("What were the takings last week?", T("revenue", LAST_WEEK)),
        ("How many punters placed an order in December 2010?", T("customers", DEC10)),
        ("Who are our biggest spenders this year? Top 5.", R("customer", "revenue", 5, Y2011)),
        ("What's the average spend per order been in Q1 2011?", T("aov", Q1)),
        ("How many orders came through between 1 and 9 December 2011?",
         T("orders", ("2011-12-01", "2011-12-09"))),
        ("How many regency cakestands have we shifted in 2011?", T("units", Y2011, **{P: "regency cakestand"})),
        ("Takings from the Germans in August 2011?", T("revenue", AUG, country="Germany")),
    ],
    "comparer": [
        ("How did October 2011 compare to September 2011 for revenue?", C("revenue", OCT, SEP)),
        ("What's the percentage change in units sold from Q1 2011 to Q2 2011?", C("units", Q2, Q1)),
        ("Did we get more orders in November than in October? By how many percent?", C("orders", NOV, OCT)),
        ("Compare the number of customers in August 2011 with July 2011.", C("customers", AUG, JUL)),
        ("How did orders in Q3 2011 compare to Q2 2011?", C("orders", Q3, Q2)),
        ("Germany revenue, March 2011 against February 2011: what's the change?",
         C("revenue", MAR, FEB, country="Germany")),
        ("How did last month compare to the month before on revenue?", C("revenue", NOV, OCT)),
        ("percentage change in average order value from January 2011 to February 2011", C("aov", FEB, JAN)),
        ("How did revenue from the white hanging heart t-light holder in November 2011 compare with October 2011?",
         C("revenue", NOV, OCT, **{P: "white hanging heart t-light holder"})),
        ("How did the French do in Q3 2011 compared with Q2 2011, revenue-wise?",
         C("revenue", Q3, Q2, country="France")),
        ("Were more customers buying in May 2011 than in April 2011? Give me the % change.",
         C("customers", MAY, APR)),
    ],
    "products": [
        ("How many of those white heart t-light holders did we sell in November 2011?",
         T("units", NOV, **{P: "white heart t-light holder"})),
        ("Revenue from the regency cakestand this year?", T("revenue", Y2011, **{P: "regency cakestand"})),
        ("How many jumbo bag apples went out in 2011?", T("units", Y2011, **{P: "jumbo bag apples"})),
        ("how much money did the paper chain kit 50's christmas bring in last month?",
         T("revenue", NOV, **{P: "paper chain kit 50's christmas"})),
        ("units of the mini paint set vintage sold in 2011", T("units", Y2011, **{P: "mini paint set vintage"})),
        ("How many orders had the assorted colour bird ornament in them in 2011?",
         T("orders", Y2011, **{P: "assorted colour bird ornament"})),
        ("Which customers spent the most on the jumbo bag red retrospot? Top 3.",
         R("customer", "revenue", 3, ALL, **{P: "jumbo bag red retrospot"})),
        ("How many customers bought the spaceboy lunch bag in 2011?",
         T("customers", Y2011, **{P: "spaceboy lunch bag"})),
        ("What did the please one person metal sign bring in from September to October 2011?",
         T("revenue", ("2011-09-01", "2011-10-31"), **{P: "please one person metal sign"})),
        ("How many red toadstool led night lights did we sell in Q4 2011?",
         T("units", Q4, **{P: "red toadstool led night light"})),
        ("How many of the pantry jelly moulds did we sell in 2011?",
         T("units", Y2011, **{P: "pantry jelly moulds"})),
        ("What's the total revenue from the dolly girl lunch box, all time?",
         T("revenue", ALL, **{P: "dolly girl lunch box"})),
    ],
    "markets": [
        ("What was revenue from Germany in 2011?", T("revenue", Y2011, country="Germany")),
        ("How much did our French customers spend in November 2011?", T("revenue", NOV, country="France")),
        ("How many orders came from the Germans last quarter?", T("orders", Q3, country="Germany")),
        ("Who were the top 3 customers in France this year?", R("customer", "revenue", 3, Y2011, country="France")),
        ("How much has customer 12415 spent with us in total?", T("revenue", ALL, customer="12415")),
        ("How many units has customer 17841 bought this year?", T("units", Y2011, customer="17841")),
        ("Which 2 products made the most revenue in Ireland in 2011?",
         R("product", "revenue", 2, Y2011, country="EIRE")),
        ("Which 2 products did Spanish customers buy the most of in 2011?",
         R("product", "units", 2, Y2011, country="Spain")),
        ("What were the 5 best-selling products among French customers in 2011?",
         R("product", "units", 5, Y2011, country="France")),
        ("top 3 products in germany this year", R("product", "units", 3, Y2011, country="Germany")),
        ("How many customers from Switzerland ordered in 2011?", T("customers", Y2011, country="Switzerland")),
        ("New vs returning customers in November 2011?", M(NOV)),
        ("What's the average order value for Norway in 2011?", T("aov", Y2011, country="Norway")),
        ("top 5 countries by revenue last quarter", R("country", "revenue", 5, Q3)),
        ("new versus returning customers last quarter", M(Q3)),
        ("What's the repeat customer rate among our German customers in 2011?",
         T("repeat_rate", Y2011, country="Germany")),
        ("What is revenue per customer in the UK for 2011?",
         T("revenue_per_customer", Y2011, country="United Kingdom")),
    ],
}

TOL = {"repeat_rate": {"rel": 0.005, "abs": 0.051}, "return_rate": {"rel": 0.005, "abs": 0.051},
       "basket_size": {"rel": 0.005, "abs": 0.006}}


def build(shop):
    out = []
    for persona, items in QUESTIONS.items():
        for text, (kind, metric, period, f) in items:
            filters = dict(f)
            if P in filters:
                filters[P] = shop.product(filters[P])
            rec = {"question": text, "template": f"heldout_{persona}", "kind": kind}
            if kind == "total":
                rec.update(metric=metric, gold=shop.value(metric, period, **filters),
                           tolerance=TOL.get(metric, {"rel": 0.005, "abs": 0.01}))
            elif kind == "compare":
                a, b = period
                va, vb = shop.value(metric, a, **filters), shop.value(metric, b, **filters)
                rec.update(metric=metric, gold=round((va - vb) / vb * 100.0, 3), periods=[list(a), list(b)],
                           tolerance={"rel": 0.005, "abs": 0.05})
            elif kind == "mix":
                rec.update(metric=metric, gold=shop.mix(period, **filters), tolerance={"abs": 0})
            else:
                group, metric, n = metric
                names, ids = shop.ranking(group, metric, n, period, **filters)
                rec.update(metric=metric, group=group, n=n, tolerance={"order": "exact"}, gold=names)
                if ids:
                    rec["gold_ids"] = ids
            if kind != "compare":
                rec["from"], rec["to"] = period
            rec["filters"] = filters
            out.append(rec)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=CSV)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    qs = build(Shop(args.csv))
    assert len({q["question"] for q in qs}) == len(qs), "duplicate question"
    with open(args.out, "w", encoding="utf-8") as fh:
        for q in qs:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"wrote {len(qs)} questions to {args.out}")


if __name__ == "__main__":
    main()
