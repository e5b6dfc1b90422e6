"""Independent gold answers for owner questions, computed from the raw Online Retail CSV.

This module re-implements the definitions of README "## Owner analytics" in plain Python; it never
reads the server's code, SQL or database.

  revenue   = sum(quantity * unit price); cancellation lines ("C..." invoices, negative quantities)
              subtract
  units     = sum(quantity)
  orders    = distinct invoices that are not cancellations
  customers = distinct non-empty customer ids on non-cancellation lines
  aov       = revenue / orders
  change    = (a - b) / b * 100
  repeat_rate          = customers with 2+ orders in the period / customers with 1+ (percent)
  new_customers        = customers ordering in the period whose first order in the whole data is in it
  basket_size          = units on non-cancellation lines / orders
  return_rate          = distinct cancellation invoices / distinct invoices (percent)
  revenue_per_customer = revenue on lines with a customer id / customers
  weekday, hour        = a metric per day of the week (Monday 1) or per hour of the invoice time
  periods   = inclusive dates; a period without an end runs to TODAY
Products are keyed by StockCode (case-insensitive) and named by their most frequent Description;
customer ids "12923.0" become "12923".
"""

import bisect
import csv
import datetime as dt
import os
import re
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CSV = os.path.normpath(os.path.join(HERE, "..", "data", "online-retail-sample.csv"))
TODAY = dt.date(2011, 12, 10)


def parse_date(text):
    """'2011-10-06 16:20:00' or '12/1/2010 8:26' (month/day/year) -> date."""
    text = text.strip()
    day = text.split()[0]
    if "-" in day:
        y, m, d = day.split("-")
    else:
        m, d, y = day.split("/")
    return dt.date(int(y), int(m), int(d))


def normalize_customer(text):
    text = text.strip()
    if not text:
        return ""
    if text.endswith(".0"):
        text = text[:-2]
    return text


def _stems(text):
    """Words of a text, split at anything not a letter or digit, with a plural 's' dropped, so that
    "cocktail parasols" also counts as matching "cocktail parasol straws"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", text.lower())}


class Line:
    __slots__ = ("invoice", "code", "desc", "qty", "date", "price", "customer", "country",
                 "cancel", "hour")

    def __init__(self, row):
        self.invoice = row["InvoiceNo"].strip()
        self.code = row["StockCode"].strip().upper()
        self.desc = row["Description"]
        self.qty = int(row["Quantity"])
        self.date = parse_date(row["InvoiceDate"])
        clock = row["InvoiceDate"].strip().split()
        self.hour = int(clock[1].split(":")[0]) if len(clock) > 1 else 0
        self.price = float(row["UnitPrice"])
        self.customer = normalize_customer(row["CustomerID"])
        self.country = row["Country"].strip()
        self.cancel = self.invoice.upper().startswith("C")


class Sales:
    def __init__(self, path=DEFAULT_CSV):
        with open(path, newline="", encoding="utf-8") as fh:
            self.lines = sorted((Line(r) for r in csv.DictReader(fh)), key=lambda ln: ln.date)
        self.dates = [ln.date for ln in self.lines]
        self._name_products()

    # ------------------------------------------------------------------ products
    def _name_products(self):
        raw = defaultdict(Counter)      # code -> Counter of descriptions as written
        stripped = defaultdict(Counter)  # code -> Counter of trimmed descriptions
        for ln in self.lines:
            raw[ln.code][ln.desc] += 1
            if ln.desc.strip():
                stripped[ln.code][ln.desc.strip()] += 1
        self.names = {}        # code -> name (most frequent description, trimmed)
        self.name_clear = {}   # code -> True when the name does not depend on tie-breaks or trimming
        for code, cnt in stripped.items():
            top = cnt.most_common()
            name = top[0][0]
            clear = len(top) == 1 or top[0][1] > top[1][1]
            rtop = raw[code].most_common()
            if rtop[0][0].strip() != name or (len(rtop) > 1 and rtop[0][1] == rtop[1][1]):
                clear = False
            self.names[code] = name
            self.name_clear[code] = clear
        # every description ever seen for a code, trimmed and lower-cased (for phrase uniqueness)
        self.all_descs = defaultdict(set)
        for code, cnt in stripped.items():
            for d in cnt:
                self.all_descs[code].add(d.lower())

    def codes_matching(self, phrase):
        """Codes with any description containing the phrase as whole words, or containing all of
        its words in any order. A phrase is safe only when exactly one code matches."""
        p = " " + " ".join(phrase.lower().split()) + " "
        words = _stems(phrase)
        if not hasattr(self, "_desc_index"):
            self._desc_index = [(code, " " + " ".join(d.split()) + " ", _stems(d))
                                for code, descs in self.all_descs.items() for d in descs]
        return {code for code, padded, wordset in self._desc_index
                if p in padded or words <= wordset}

    # ------------------------------------------------------------------ queries
    def select(self, start=None, end=None, code=None, country=None, customer=None):
        lo = bisect.bisect_left(self.dates, start) if start is not None else 0
        hi = bisect.bisect_right(self.dates, end) if end is not None else len(self.lines)
        out = []
        for ln in self.lines[lo:hi]:
            if code is not None and ln.code != code:
                continue
            if country is not None and ln.country != country:
                continue
            if customer is not None and ln.customer != customer:
                continue
            out.append(ln)
        return out

    @staticmethod
    def metric(lines, metric):
        """Returns the value, or None when the definitions leave it open for these lines."""
        if metric == "revenue":
            return round(sum(ln.qty * ln.price for ln in lines), 2)
        if metric == "units":
            return sum(ln.qty for ln in lines)
        if metric == "orders":
            # by the letter of the definition, also the few non-"C" invoices that only carry stock
            # adjustments (negative quantities at price 0, no customer) are orders
            return len({ln.invoice for ln in lines if not ln.cancel})
        if metric == "customers":
            return len({ln.customer for ln in lines if not ln.cancel and ln.customer})
        if metric == "aov":
            orders = Sales.metric(lines, "orders")
            if not orders:
                return None
            return round(sum(ln.qty * ln.price for ln in lines) / orders, 2)
        if metric == "repeat_rate":
            per = defaultdict(set)
            for ln in lines:
                if ln.customer and not ln.cancel:
                    per[ln.customer].add(ln.invoice)
            if not per:
                return None
            return round(100.0 * sum(1 for v in per.values() if len(v) >= 2) / len(per), 3)
        if metric == "basket_size":
            orders = Sales.metric(lines, "orders")
            if not orders:
                return None
            return round(sum(ln.qty for ln in lines if not ln.cancel) / orders, 4)
        if metric == "return_rate":
            invoices = {ln.invoice for ln in lines}
            if not invoices:
                return None
            return round(100.0 * len({ln.invoice for ln in lines if ln.cancel}) / len(invoices), 3)
        if metric == "revenue_per_customer":
            customers = Sales.metric(lines, "customers")
            if not customers:
                return None
            return round(sum(ln.qty * ln.price for ln in lines if ln.customer) / customers, 4)
        raise ValueError(metric)

    def first_orders(self):
        """customer -> the date of their first non-cancellation line in the whole data."""
        if not hasattr(self, "_first"):
            self._first = {}
            for ln in self.lines:
                if ln.customer and not ln.cancel and ln.customer not in self._first:
                    self._first[ln.customer] = ln.date
        return self._first

    def customer_mix(self, start=None, end=None, **filters):
        """(new, returning) customer counts of a period."""
        end = min(end, TODAY) if end is not None else TODAY
        first = self.first_orders()
        ordered = {ln.customer for ln in self.select(start, end, **filters) if ln.customer and not ln.cancel}
        new = sum(1 for c in ordered if start is None or first[c] >= start)
        return new, len(ordered) - new

    def breakdown(self, slot, metric, start=None, end=None, **filters):
        """{weekday 1..7 or hour 0..23: value} of a period, for slots with lines."""
        end = min(end, TODAY) if end is not None else TODAY
        groups = defaultdict(list)
        for ln in self.select(start, end, **filters):
            groups[ln.date.isoweekday() if slot == "weekday" else ln.hour].append(ln)
        return {k: self.metric(v, metric) for k, v in groups.items()}

    def total(self, metric, start=None, end=None, **filters):
        if metric == "new_customers":
            return self.customer_mix(start, end, **filters)[0]
        end = min(end, TODAY) if end is not None else TODAY
        return self.metric(self.select(start, end, **filters), metric)

    def change(self, metric, a, b, **filters):
        va = self.total(metric, a[0], a[1], **filters)
        vb = self.total(metric, b[0], b[1], **filters)
        if va is None or vb is None or not vb:
            return None
        return (va - vb) / vb * 100.0

    def ranking(self, group, metric, n, start=None, end=None, **filters):
        """Top n of products/countries/customers by metric. None when a tie makes it ambiguous."""
        end = min(end, TODAY) if end is not None else TODAY
        values = defaultdict(float)
        for ln in self.select(start, end, **filters):
            if group == "product":
                key = ln.code
            elif group == "country":
                key = ln.country
            else:
                key = ln.customer
                if not key:
                    continue
            values[key] += ln.qty * ln.price if metric == "revenue" else ln.qty
        ranked = sorted(values.items(), key=lambda kv: -kv[1])
        if len(ranked) <= n:
            return None
        top = [round(v, 2) for _, v in ranked[: n + 1]]
        if len(set(top)) != len(top) or top[n - 1] <= 0:
            return None
        if min(abs(top[i] - top[i + 1]) for i in range(n)) < 0.011:
            return None
        return [k for k, _ in ranked[:n]]


# ---------------------------------------------------------------------- insights (README "Owner insights")
GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def holt_run(values, alpha, beta):
    level, trend = values[0], values[1] - values[0]
    sse, count = 0.0, 0
    for v in values[1:]:
        predicted = level + trend
        sse += (v - predicted) * (v - predicted)
        count += 1
        previous = level
        level = alpha * v + (1 - alpha) * (level + trend)
        trend = beta * (level - previous) + (1 - beta) * trend
    return sse, level, trend, count


def holt_fit(values):
    """(alpha, beta, level, trend, sd) with the smallest one-step squared error; None under 4 values."""
    if len(values) < 4:
        return None
    best = None
    for alpha in GRID:
        for beta in GRID:
            sse, level, trend, count = holt_run(values, alpha, beta)
            sd = (sse / (count - 1)) ** 0.5 if count > 1 else 0.0
            if best is None or sse < best[0]:
                best = (sse, (alpha, beta, level, trend, sd))
    return best[1]


def holt_forecast(model, horizon):
    _, _, level, trend, sd = model
    out = []
    for h in range(1, horizon + 1):
        value = max(0.0, level + h * trend)
        spread = 1.96 * sd * h ** 0.5
        out.append((value, max(0.0, value - spread), value + spread))
    return out


def holt_backtest(values, origins, horizon):
    errors, naive = [], []
    for origin in range(len(values) - origins, len(values)):
        history = values[:origin]
        model = holt_fit(history)
        if model is None:
            continue
        for step, (value, _, _) in enumerate(holt_forecast(model, horizon)):
            if origin + step >= len(values):
                continue
            actual = values[origin + step]
            if actual <= 0:
                continue
            errors.append(abs(value - actual) / actual)
            naive.append(abs(history[-1] - actual) / actual)
    if not errors:
        return None
    return sum(errors) / len(errors) * 100, sum(naive) / len(naive) * 100


def monday(d):
    return d - dt.timedelta(days=d.weekday())


def whole_periods(sales, metric, by):
    """[(period start, value)] of whole weeks (Monday first) or months up to TODAY, gaps as zero; the
    period holding TODAY is left out when it is not over."""
    key = (lambda d: monday(d)) if by == "week" else (lambda d: d.replace(day=1))
    groups = defaultdict(list)
    for ln in sales.select(None, TODAY):
        groups[key(ln.date)].append(ln)
    first, last = min(groups), max(groups)
    out, p = [], first
    while p <= last:
        lines = groups.get(p, [])
        out.append((p, sum(ln.qty * ln.price for ln in lines) if metric == "revenue" else sum(ln.qty for ln in lines)))
        p = p + dt.timedelta(days=7) if by == "week" else (p.replace(year=p.year + 1, month=1) if p.month == 12 else p.replace(month=p.month + 1))
    end = (out[-1][0] + dt.timedelta(days=6)) if by == "week" else (
        (out[-1][0].replace(year=out[-1][0].year + 1, month=1) if out[-1][0].month == 12 else out[-1][0].replace(month=out[-1][0].month + 1)) - dt.timedelta(days=1))
    if end > TODAY:
        out.pop()
    return out


def forecast(sales, metric, by, horizon):
    """(rows of (value, low, high), back-test MAPE) as README defines the forecast."""
    values = [v for _, v in whole_periods(sales, metric, by)]
    model = holt_fit(values)
    check = holt_backtest(values, min(12, len(values) // 3), horizon)
    return holt_forecast(model, horizon), (check[0] if check else None)


def product_totals(sales, start, end):
    """code -> (revenue, units) over the period, products that sold (units > 0)."""
    revenue, units = defaultdict(float), defaultdict(int)
    for ln in sales.select(start, end):
        revenue[ln.code] += ln.qty * ln.price
        units[ln.code] += ln.qty
    return {c: (revenue[c], units[c]) for c in units if units[c] > 0}


def product_classes(sales, start, end):
    """{class: count} and the heroes in order, by the classification rules (no costs: margins healthy)."""
    totals = product_totals(sales, start, end)
    weeks = ((end - start).days + 1) / 7
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1][0], sales.names.get(kv[0], kv[0])))
    velocities = sorted(u / max(weeks, 1) for _, (_, u) in ranked)
    median = velocities[len(velocities) // 2]
    total = sum(max(0.0, r) for _, (r, _) in ranked)
    running, counts, heroes = 0.0, Counter(), []
    for code, (r, u) in ranked:
        share = running / total if total > 0 else 1
        running += max(0.0, r)
        cls = "C" if r <= 0 else "A" if share < 0.8 else "B" if share < 0.95 else "C"
        fast = u / max(weeks, 1) >= median
        name = "hero" if cls == "A" and fast else "good" if cls == "A" or (cls == "B" and fast) else \
            "moderate" if cls == "B" or (cls == "C" and fast) else "poor"
        counts[name] += 1
        if name == "hero":
            heroes.append(sales.names.get(code, code))
    return dict(counts), heroes


def reorder(sales, start, end, lead=7, order_cost=50.0, holding_rate=0.25, z=1.65):
    """[(name, order quantity, reorder point)] for the 15 best sellers by units (no costs: the average
    selling price stands for the unit cost)."""
    import math
    totals = product_totals(sales, start, end)
    top = sorted(totals.items(), key=lambda kv: (-kv[1][1], sales.names.get(kv[0], kv[0])))[:15]
    days = [(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)]
    daily = defaultdict(lambda: defaultdict(int))
    for ln in sales.select(start, end):
        daily[ln.code][ln.date] += ln.qty
    out = []
    for code, (revenue, units) in top:
        xs = [daily[code][d] for d in days]
        mean = sum(xs) / len(xs)
        if mean <= 0:
            continue
        variance = sum((x - mean) ** 2 for x in xs) / max(1, len(xs) - 1)
        holding = holding_rate * (revenue / units)
        if holding <= 0:
            continue
        eoq = math.sqrt(2 * mean * 365 * order_cost / holding)
        safety = z * variance ** 0.5 * lead ** 0.5
        out.append((sales.names.get(code, code), max(1, math.ceil(eoq)), math.ceil(mean * lead + safety)))
    return out
