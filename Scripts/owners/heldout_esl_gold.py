#!/usr/bin/env python3
"""Held-out owner questions written by shop owners and staff whose FIRST LANGUAGE IS NOT ENGLISH,
with independent gold.

How this set was written: by hand, one question at a time, by a helper session that never saw the
question templates, the generator, the generated questions, the server's parser or any held-out set
other than heldout_voice_gold.py (read only for its file layout and record format). Each question is
English as a Spanish, German, French, Italian, Polish, Hindi or Chinese speaker really writes it to an
assistant: missing or extra articles ("in the 2011", "the Switzerland"), "how much orders", "which are
the products more sold", "the sells of march", word order of their language, false friends ("actual"
for current, "trimester" for quarter, "semester" for half year, "medium" for average, "variation" for
change), "the 3 first products", "more of one time", and dates in European order ("1.3.2011",
"31/08/2011", "march of 2011", "from 1 to 15 of november"). A lone date with a day of 12 or less is
written with dots, so that a careful reader has only one reading. Countries are named in English,
customers by id. No templates, no generated variations.

The gold answers are computed below from the raw CSV by this file's own code, following the metric
definitions in README "## Owner analytics" (not the server's code, and not Scripts/owners/gold.py).

NEVER use this file or heldout_esl.jsonl for training, for tuning parser rules, or read it while
working on the parser: it is a held-out measurement, and reading it spoils it. Only a summary of
failures by kind may be looked at.

    python3 Scripts/owners/heldout_esl_gold.py      # writes Scripts/owners/heldout_esl.jsonl
"""

import csv
import datetime as dt
import json
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
OUT_PATH = os.path.join(HERE, "heldout_esl.jsonl")
TODAY = dt.date(2011, 12, 10)
D = dt.date

PCT = {"abs": 0.05}          # percentages are shown with one decimal
MONEY = {"rel": 0.005, "abs": 0.01}
COUNT = {"abs": 0.01, "rel": 0.0}
RATIO = {"rel": 0.005, "abs": 0.01}


# ------------------------------------------------------------------------------------ data
def parse_day(text):
    """'2011-10-06 16:20:00' or '12/1/2010 8:26' (US month/day in the raw file) -> date."""
    day = text.strip().split()[0]
    if "-" in day:
        y, m, d = (int(x) for x in day.split("-"))
    else:
        m, d, y = (int(x) for x in day.split("/"))
    return D(y, m, d)


def load():
    rows = []
    with open(CSV_PATH, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            inv = r["InvoiceNo"].strip()
            cust = r["CustomerID"].strip()
            if cust.endswith(".0"):
                cust = cust[:-2]
            rows.append({"inv": inv, "code": r["StockCode"].strip().upper(), "desc": r["Description"].strip(),
                         "qty": int(r["Quantity"]), "price": float(r["UnitPrice"]),
                         "date": parse_day(r["InvoiceDate"]), "cust": cust, "country": r["Country"].strip(),
                         "cancel": inv.upper().startswith("C")})
    return rows


ROWS = load()

# products are named by their most frequent description
_desc = defaultdict(lambda: defaultdict(int))
for _r in ROWS:
    if _r["desc"]:
        _desc[_r["code"]][_r["desc"]] += 1
NAME = {code: max(c.items(), key=lambda kv: kv[1])[0] for code, c in _desc.items()}

# a customer's first order ever (non-cancellation line with an id)
FIRST = {}
for _r in ROWS:
    if _r["cust"] and not _r["cancel"]:
        if _r["cust"] not in FIRST or _r["date"] < FIRST[_r["cust"]]:
            FIRST[_r["cust"]] = _r["date"]


def select(start=None, end=None, country=None, product=None, customer=None):
    """Lines in [start, end] (inclusive; no end = today; no start = all time) matching the filters."""
    end = min(end, TODAY) if end else TODAY
    out = []
    for r in ROWS:
        if start is not None and r["date"] < start:
            continue
        if r["date"] > end:
            continue
        if country is not None and r["country"] != country:
            continue
        if product is not None and r["code"] != product:
            continue
        if customer is not None and r["cust"] != customer:
            continue
        out.append(r)
    return out


def measure(metric, lines, start=None):
    revenue = sum(r["qty"] * r["price"] for r in lines)                        # returns subtract
    orders = {r["inv"] for r in lines if not r["cancel"]}                      # non-cancellation invoices
    customers = {r["cust"] for r in lines if r["cust"] and not r["cancel"]}
    if metric == "revenue":
        return round(revenue, 2)
    if metric == "units":
        return sum(r["qty"] for r in lines)
    if metric == "orders":
        return len(orders)
    if metric == "customers":
        return len(customers)
    if metric == "aov":                                                         # revenue / orders
        return round(revenue / len(orders), 4)
    if metric == "basket_size":                                                 # units on orders / orders
        return round(sum(r["qty"] for r in lines if not r["cancel"]) / len(orders), 4)
    if metric == "return_rate":                                                 # cancel invoices / all invoices
        every = {r["inv"] for r in lines}
        cancels = {r["inv"] for r in lines if r["cancel"]}
        return round(100.0 * len(cancels) / len(every), 4)
    if metric == "repeat_rate":                                                 # 2+ orders / 1+ orders
        per = defaultdict(set)
        for r in lines:
            if r["cust"] and not r["cancel"]:
                per[r["cust"]].add(r["inv"])
        return round(100.0 * sum(1 for s in per.values() if len(s) >= 2) / len(per), 4)
    if metric == "revenue_per_customer":                                        # identified revenue / customers
        return round(sum(r["qty"] * r["price"] for r in lines if r["cust"]) / len(customers), 4)
    if metric == "new_customers":                                               # first order ever in the period
        return sum(1 for c in customers if start is None or FIRST[c] >= start)
    raise ValueError(metric)


def total(metric, start=None, end=None, **filters):
    return measure(metric, select(start, end, **filters), start)


def new_vs_returning(start, end, **filters):
    customers = {r["cust"] for r in select(start, end, **filters) if r["cust"] and not r["cancel"]}
    new = sum(1 for c in customers if FIRST[c] >= start)
    return [new, len(customers) - new]


def pct_change(metric, period, base, **filters):
    a, b = total(metric, *period, **filters), total(metric, *base, **filters)
    return round((a - b) / b * 100.0, 4)


def top(group, metric, n, start=None, end=None, **filters):
    acc = defaultdict(float)
    for r in select(start, end, **filters):
        key = {"product": r["code"], "country": r["country"], "customer": r["cust"]}[group]
        if key:
            acc[key] += r["qty"] * r["price"] if metric == "revenue" else r["qty"]
    ranked = sorted(acc.items(), key=lambda kv: -kv[1])
    vals = [round(v, 2) for _, v in ranked[:n + 1]]
    # the top n must be strictly ordered and separated from the (n+1)th, so that one order is right
    assert len(ranked) > n and all(vals[i] - vals[i + 1] > 0.011 for i in range(n)), (group, metric, n, vals)
    keys = [k for k, _ in ranked[:n]]
    assert not any(NAME.get(k, k).upper().startswith(("POSTAGE", "DOTCOM", "MANUAL", "DISCOUNT")) for k in keys)
    return keys


# ------------------------------------------------------------------------------- questions
Q = []


def add(question, topic, kind, metric, start=None, end=None, n=None, group=None, alt=None, **filters):
    Q.append(dict(question=question, topic=topic, kind=kind, metric=metric, start=start, end=end,
                  n=n, group=group, alt=alt, filters=filters))


def month(y, m):
    nxt = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return D(y, m, 1), nxt - dt.timedelta(days=1)


Y2011 = (D(2011, 1, 1), D(2011, 12, 31))
YTD = (D(2011, 1, 1), TODAY)
IRL = {"EIRE": "Ireland"}

# --- revenue
# Spanish: "las ventas de junio de 2011"
add("Which is the total of the sells of june of 2011?", "revenue", "total", "revenue", *month(2011, 6))
# German: "Bitte gib mir den Umsatz vom 1.3.2011 bis 15.3.2011"
add("Please give me the revenue from 1.3.2011 until 15.3.2011.", "revenue", "total", "revenue",
    D(2011, 3, 1), D(2011, 3, 15))
# Spanish: "el día 15/02/2011"
add("How much money we did make the day 15/02/2011?", "revenue", "total", "revenue",
    D(2011, 2, 15), D(2011, 2, 15))
# Italian: "il fatturato del mese attuale" -- actual = current
add("I want know the turnover of the actual month, until today.", "revenue", "total", "revenue",
    D(2011, 12, 1), TODAY)

# --- units
# German: "Wie viele Stück haben wir vom 1. bis 15. November verkauft?"
add("How much pieces we have sold from 1 to 15 of november?", "units", "total", "units",
    D(2011, 11, 1), D(2011, 11, 15))
# Italian: "quantità di articoli venduti nel primo trimestre" -- trimester = quarter
add("Quantity of articles sold in the first trimester of 2011?", "units", "total", "units",
    D(2011, 1, 1), D(2011, 3, 31))

# --- orders
# Spanish: "cuántos pedidos hemos recibido"
add("how much orders we have receive in october 2011?", "orders", "total", "orders", *month(2011, 10))
# German
add("Number of orders in the week from 7.11.2011 to 13.11.2011, please.", "orders", "total", "orders",
    D(2011, 11, 7), D(2011, 11, 13))
# Hindi-English
add("Kindly tell me how many orders came in month of September, 2011.", "orders", "total", "orders",
    *month(2011, 9))

# --- customers
# Polish: "W zeszłym miesiącu ilu klientów kupowało?"
add("In the last month how many clients was buying?", "customers", "total", "customers", *month(2011, 11))
# Spanish: "compraron" -> "buyed"
add("How many clients buyed from us between 01/06/2011 and 31/08/2011?", "customers", "total", "customers",
    D(2011, 6, 1), D(2011, 8, 31))
# Chinese: "2011年2月有多少客户购买?"
add("2011 year February how many customers buy?", "customers", "total", "customers", *month(2011, 2))

# --- average order value
# Spanish/Italian: "valor medio de un pedido" -- medium = average
add("What is the medium value of one order in april 2011?", "aov", "total", "aov", *month(2011, 4))
# Hindi-English
add("Kindly let me know the average bill amount per order for this year.", "aov", "total", "aov", *YTD)

# --- a country
# Italian: "quanti soldi abbiamo fatto con la Germania a maggio del 2011"
add("How much money we have make with Germany in may of 2011?", "country", "total", "revenue",
    *month(2011, 5), country="Germany")
# German/French: "aus der Schweiz" / "de la Suisse"
add("How many orders came from the Switzerland in the year 2011?", "country", "total", "orders", *Y2011,
    country="Switzerland")
# Spanish: "desde el principio"
add("How many clients we have in Spain since the beginning?", "country", "total", "customers",
    country="Spain")
# Italian: "nel secondo semestre" -- semester = half year
add("The average order of Belgium how much is it, in the second semester of 2011?", "country", "total", "aov",
    D(2011, 7, 1), D(2011, 12, 31), country="Belgium")

# --- a product
# Polish: no articles, plural verb agreement off
add("How many pieces of mini paint set vintage was sold in this year?", "product", "total", "units", *YTD,
    product="22492")
# French: "le chiffre d'affaires du mug depuis le 1.9.2011"
add("Which is the revenue of the home sweet home mug since 1.9.2011?", "product", "total", "revenue",
    D(2011, 9, 1), TODAY, product="21877")
# German
add("How much units of the grow a flytrap or sunflower in tin have gone to United Kingdom in 2011?",
    "product", "total", "units", *Y2011, country="United Kingdom", product="22693")
# Chinese: topic first, "一共卖了多少"
add("Small chinese style scissor, total sold how many?", "product", "total", "units", product="16014")

# --- a customer
# Spanish: "El cliente 18102, cuánto ha gastado con nosotros en total?"
add("The client 18102, how much he spend with us all together?", "customer", "total", "revenue",
    customer="18102")
# German word order
add("How many orders has made the client number 13089 in the 2011?", "customer", "total", "orders", *Y2011,
    customer="13089")
# French: "quelle est sa valeur moyenne de commande depuis le 1.6.2011"
add("Customer 16029, which is his average value of order since 1.6.2011?", "customer", "total", "aov",
    D(2011, 6, 1), TODAY, customer="16029")

# --- product rankings
# French: "les 3 premiers produits les plus vendus"
add("Which are the 3 first products more sold in october 2011?", "rank_products", "ranking", "units",
    *month(2011, 10), n=3, group="product")
# Spanish: "los cinco productos que hicieron más dinero"
add("Give me the five products that made more money in the 2011.", "rank_products", "ranking", "revenue",
    *Y2011, n=5, group="product")
# Chinese: topic-comment, no verb
add("France this year top 4 products by quantity?", "rank_products", "ranking", "units", *YTD, n=4,
    group="product", country="France")
# Italian: "i 10 prodotti più venduti, in quantità"
add("From 01/09/2011 to 30/09/2011 which are the 10 products most selled, in quantity?", "rank_products",
    "ranking", "units", D(2011, 9, 1), D(2011, 9, 30), n=10, group="product")

# --- country rankings
# Hindi-English: present continuous
add("Which 5 countries are giving us more revenue in 2011?", "rank_countries", "ranking", "revenue", *Y2011,
    n=5, group="country", alt=IRL)
# German: "Im Zeitraum 1.1.2011 - 30.6.2011, welche 3 Länder haben uns am meisten Geld bezahlt?"
add("In the period 1.1.2011 - 30.6.2011, which are the 3 countries that paid us the most money?",
    "rank_countries", "ranking", "revenue", D(2011, 1, 1), D(2011, 6, 30), n=3, group="country", alt=IRL)

# --- customer rankings
# Spanish: "los 5 mejores clientes del 2011"
add("Who are the 5 best clients of the 2011, by money spent?", "rank_customers", "ranking", "revenue",
    *Y2011, n=5, group="customer")
# Italian: "i 3 clienti che spendono di più, chi sono?"
add("In the month of september 2011, the 3 clients which spend more, who are they?", "rank_customers",
    "ranking", "revenue", *month(2011, 9), n=3, group="customer")

# --- percentage changes
# Spanish: "las ventas de marzo comparadas con febrero, cuánto por ciento cambian?"
add("The sells of march compared to february 2011, how much percent they change?", "compare", "compare",
    "revenue", *month(2011, 3), alt=month(2011, 2))
# French: "De combien de pourcent les commandes ont augmenté de septembre à octobre 2011?"
add("Of how much percent the orders are grown from september to october 2011?", "compare", "compare",
    "orders", *month(2011, 10), alt=month(2011, 9))
# German: "im Vergleich zu"
add("How is the number of clients of january 2011 in comparison to december 2010, in percent?", "compare",
    "compare", "customers", *month(2011, 1), alt=month(2010, 12))
# Polish: no articles
add("Germany: revenue of second quarter against first quarter of 2011, percentage please.", "compare",
    "compare", "revenue", D(2011, 4, 1), D(2011, 6, 30), alt=(D(2011, 1, 1), D(2011, 3, 31)),
    country="Germany")
# Italian: "la variazione in percentuale" -- variation = change
add("The average order value of august against july 2011, which is the variation in percent?", "compare",
    "compare", "aov", *month(2011, 8), alt=month(2011, 7))

# --- new against returning customers
# German: "wie viele Kunden waren neu und wie viele waren schon vorher Kunden?"
add("In september 2011 how many clients were new and how many were already clients before?", "mix", "mix",
    "mix", *month(2011, 9))
# Spanish: "clientes nuevos y clientes viejos del mes pasado, cuántos cada uno?"
add("New clients and old clients of the last month, how many each one?", "mix", "mix", "mix",
    *month(2011, 11))

# --- new customers
# Hindi-English
add("How many new clients we have acquired in the month of august 2011?", "new_customers", "total",
    "new_customers", *month(2011, 8))
# French: "combien de nouveaux clients de France depuis le 1.4.2011?"
add("How many new clients from France since 1.4.2011?", "new_customers", "total", "new_customers",
    D(2011, 4, 1), TODAY, country="France")

# --- repeat-customer rate
# Italian: "più di una volta", "primo semestre"
add("Which percent of the clients have bought more of one time in the first semester of 2011?", "repeat_rate",
    "total", "repeat_rate", D(2011, 1, 1), D(2011, 6, 30))
# Polish: no articles
add("What is repeat rate of clients for United Kingdom in last month?", "repeat_rate", "total", "repeat_rate",
    *month(2011, 11), country="United Kingdom")

# --- items per order
# German: "Im Durchschnitt wie viele Stück sind in einer Bestellung"
add("In average how many pieces are in one order, in october 2011?", "basket_size", "total", "basket_size",
    *month(2011, 10))
# Spanish/Italian: "Por favor necesito el tamaño medio de la cesta de Irlanda para el 2011"
add("Please I need the average basket size of Ireland for the 2011.", "basket_size", "total", "basket_size",
    *Y2011, country="EIRE")

# --- return rate
# Spanish: "el porcentaje de devoluciones sobre todas las facturas"
add("Which is the percent of returns on all the invoices in the november 2011?", "return_rate", "total",
    "return_rate", *month(2011, 11))
# French: "depuis le début"
add("The return rate of France since the begin?", "return_rate", "total", "return_rate", country="France")

# --- revenue per customer
# Spanish: "cuánto gasta un cliente en promedio"
add("How much spend one client in average, in the second trimester of 2011?", "revenue_per_customer", "total",
    "revenue_per_customer", D(2011, 4, 1), D(2011, 6, 30))
# Chinese: "荷兰2011年, 每个客户平均收入多少?"
add("Netherlands 2011 year, average revenue for one client how much?", "revenue_per_customer", "total",
    "revenue_per_customer", *Y2011, country="Netherlands")


# ----------------------------------------------------------------------------------- write
def main():
    out = []
    for q in Q:
        f = {k: v for k, v in q["filters"].items() if v is not None}
        rec = {"question": q["question"], "template": "esl_" + q["topic"], "kind": q["kind"],
               "metric": q["metric"]}
        if q["kind"] == "total":
            rec["gold"] = total(q["metric"], q["start"], q["end"], **f)
            rec["tolerance"] = PCT if q["metric"] in ("repeat_rate", "return_rate") else \
                COUNT if q["metric"] in ("units", "orders", "customers", "new_customers") else \
                RATIO if q["metric"] == "basket_size" else MONEY
        elif q["kind"] == "compare":
            rec["gold"] = pct_change(q["metric"], (q["start"], q["end"]), q["alt"], **f)
            rec["tolerance"] = PCT
            rec["compared_with"] = [str(q["alt"][0]), str(q["alt"][1])]
        elif q["kind"] == "mix":
            rec["gold"] = new_vs_returning(q["start"], q["end"], **f)
            rec["tolerance"] = COUNT
        else:
            keys = top(q["group"], q["metric"], q["n"], q["start"], q["end"], **f)
            rec["group"], rec["n"] = q["group"], q["n"]
            if q["group"] == "product":
                rec["gold"], rec["gold_ids"] = [NAME[k] for k in keys], keys
            elif q["group"] == "country":
                rec["gold"], rec["gold_ids"] = keys, [(q["alt"] or {}).get(k, k) for k in keys]
            else:
                rec["gold"], rec["gold_ids"] = keys, keys
            rec["tolerance"] = MONEY
        rec["from"] = str(q["start"]) if q["start"] else None
        rec["to"] = str(min(q["end"], TODAY)) if q["end"] else str(TODAY)
        rec["filters"] = f
        out.append(rec)
    per = defaultdict(int)
    for rec in out:
        per[rec["template"]] += 1
    assert len(out) == 50 and max(per.values()) <= 5, (len(out), dict(per))
    assert len({rec["question"] for rec in out}) == len(out)
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions to {OUT_PATH}")


if __name__ == "__main__":
    main()
