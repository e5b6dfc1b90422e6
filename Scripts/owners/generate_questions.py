#!/usr/bin/env python3
"""Generate owner questions with independently computed gold answers.

    python3 Scripts/owners/generate_questions.py [--csv FILE] [--per-template N] [--out FILE]

Writes Scripts/owners/questions.jsonl (deterministic: fixed seed). Gold answers come from gold.py,
plain Python over the raw CSV following README "## Owner analytics"; nothing of the server is used.
Only questions with an unambiguous gold are kept (unique product phrases, no ties at a ranking's
cut-off, no orders that depend on how stock-adjustment invoices are counted, no zero totals).
"""

import argparse
import calendar
import datetime as dt
import json
import os
import random
import re
from collections import Counter

from gold import DEFAULT_CSV, TODAY, Sales, product_classes, reorder
from gold import forecast as sales_forecast
from templates import ANY, TEMPLATES

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20111210
D = dt.date

MONTHS = [(2010, 12)] + [(2011, m) for m in range(1, 13)]
MONTH_NAMES = list(calendar.month_name)
MONTH_ABBR = list(calendar.month_abbr)
ORDINAL_Q = {1: "first", 2: "second", 3: "third", 4: "fourth"}

# canonical country -> (names an owner uses, people phrases)
COUNTRIES = {
    "United Kingdom": (["the United Kingdom", "the UK"], ["the British", "British customers"]),
    "Germany": (["Germany"], ["the Germans", "German customers"]),
    "France": (["France"], ["the French", "French customers"]),
    "EIRE": (["Ireland", "EIRE"], ["the Irish", "Irish customers"]),
    "Netherlands": (["the Netherlands"], ["the Dutch", "Dutch customers"]),
    "Spain": (["Spain"], ["the Spanish", "Spanish customers"]),
    "Switzerland": (["Switzerland"], ["the Swiss", "Swiss customers"]),
    "Belgium": (["Belgium"], ["the Belgians", "Belgian customers"]),
    "Portugal": (["Portugal"], ["the Portuguese", "Portuguese customers"]),
    "Norway": (["Norway"], ["the Norwegians", "Norwegian customers"]),
    "Australia": (["Australia"], ["the Australians", "Australian customers"]),
    "Italy": (["Italy"], ["the Italians", "Italian customers"]),
    "Finland": (["Finland"], ["the Finns", "Finnish customers"]),
    "Channel Islands": (["the Channel Islands"], []),
    "Denmark": (["Denmark"], ["the Danes", "Danish customers"]),
    "Cyprus": (["Cyprus"], []),
    "Sweden": (["Sweden"], ["the Swedes", "Swedish customers"]),
    "Austria": (["Austria"], ["the Austrians", "Austrian customers"]),
    "Israel": (["Israel"], []),
    "Poland": (["Poland"], ["Polish customers"]),
    "Japan": (["Japan"], ["the Japanese", "Japanese customers"]),
    "Iceland": (["Iceland"], []),
    "USA": (["the USA", "the US", "the United States"], ["American customers"]),
    "Singapore": (["Singapore"], []),
    "Greece": (["Greece"], ["the Greeks", "Greek customers"]),
    "Canada": (["Canada"], ["the Canadians", "Canadian customers"]),
}


def last_day(y, m):
    return D(y, m, calendar.monthrange(y, m)[1])


def fmt_day(d, rng):
    style = rng.random()
    if style < 0.6:
        return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"
    if style < 0.85:
        return f"{MONTH_NAMES[d.month]} {d.day}, {d.year}"
    return f"{d.day} {MONTH_ABBR[d.month]} {d.year}"


# ------------------------------------------------------------------------------ periods
def period(style, rng):
    """(phrase, start, end) for a period style; end None means 'runs to today'."""
    if style in ("month", "month_short"):
        y, m = rng.choice(MONTHS)
        name = MONTH_NAMES[m] if style == "month" else MONTH_ABBR[m]
        prep = rng.choice(["in", "in", "during", "for"])
        return f"{prep} {name} {y}", D(y, m, 1), last_day(y, m)
    if style == "last_month":
        return rng.choice(["last month", "last month", "during last month"]), D(2011, 11, 1), \
            D(2011, 11, 30)
    if style == "this_month":
        return rng.choice(["this month", "so far this month"]), D(2011, 12, 1), TODAY
    if style == "this_year":
        return rng.choice(["this year", "so far this year", "year to date"]), D(2011, 1, 1), TODAY
    if style == "last_year":
        return "last year", D(2010, 1, 1), D(2010, 12, 31)
    if style == "year":
        y = rng.choice([2011, 2011, 2010])
        return f"in {y}", D(y, 1, 1), D(y, 12, 31)
    if style == "yesterday":
        return "yesterday", D(2011, 12, 9), D(2011, 12, 9)
    if style == "quarter":
        q = rng.randint(1, 4)
        return f"in Q{q} 2011", D(2011, 3 * q - 2, 1), last_day(2011, 3 * q)
    if style == "quarter_words":
        q = rng.randint(1, 4)
        return f"in the {ORDINAL_Q[q]} quarter of 2011", D(2011, 3 * q - 2, 1), last_day(2011, 3 * q)
    if style == "half":
        h = rng.randint(1, 2)
        return f"in the {'first' if h == 1 else 'second'} half of 2011", D(2011, 6 * h - 5, 1), \
            last_day(2011, 6 * h)
    if style == "season":
        name, m0 = rng.choice([("spring", 3), ("summer", 6), ("summer", 6), ("autumn", 9), ("fall", 9)])
        return f"in {name} 2011", D(2011, m0, 1), last_day(2011, m0 + 2)
    if style == "month_range":
        m0 = rng.randint(1, 9)
        m1 = rng.randint(m0 + 1, min(m0 + 3, 11))
        a, b = MONTH_NAMES[m0], MONTH_NAMES[m1]
        phrase = rng.choice([f"from {a} through {b} 2011", f"{a} through {b} 2011",
                             f"between {a} and {b} 2011", f"from {a} to {b} 2011"])
        return phrase, D(2011, m0, 1), last_day(2011, m1)
    if style == "since":
        y, m = rng.choice(MONTHS[3:12])
        if rng.random() < 0.5:
            return f"since {MONTH_NAMES[m]} {y}", D(y, m, 1), None
        d = D(y, m, rng.randint(1, 28))
        return f"since {fmt_day(d, rng)}", d, None
    if style == "day_range":
        y, m = rng.choice(MONTHS[:12])
        d0 = rng.randint(1, 20)
        d1 = rng.randint(d0 + 1, min(d0 + 10, calendar.monthrange(y, m)[1]))
        phrase = rng.choice([f"between {d0} and {d1} {MONTH_NAMES[m]} {y}",
                             f"from {d0} to {d1} {MONTH_NAMES[m]} {y}",
                             f"between {MONTH_NAMES[m]} {d0} and {d1}, {y}"])
        return phrase, D(y, m, d0), D(y, m, d1)
    if style == "cross_range":
        i = rng.randint(1, 11)
        y0, m0 = MONTHS[i]
        y1, m1 = MONTHS[i + 1]
        a = D(y0, m0, rng.randint(5, 28))
        b = D(y1, m1, rng.randint(1, 25))
        phrase = rng.choice([f"from {fmt_day(a, rng)} to {fmt_day(b, rng)}",
                             f"between {fmt_day(a, rng)} and {fmt_day(b, rng)}"])
        return phrase, a, b
    if style == "iso_range":
        y, m = rng.choice(MONTHS[:12])
        a = D(y, m, rng.randint(1, 14))
        b = a + dt.timedelta(days=rng.randint(3, 20))
        return f"from {a.isoformat()} to {b.isoformat()}", a, b
    if style == "day":
        while True:
            d = D(2010, 12, 1) + dt.timedelta(days=rng.randint(0, 372))
            if d.weekday() != 5:  # the shop rarely trades on Saturdays
                return f"on {fmt_day(d, rng)}", d, d
    raise ValueError(style)


ALL_STYLES = ["month"] * 6 + ["month_short", "last_month", "last_month", "this_month", "this_year",
              "this_year", "last_year", "year", "yesterday", "quarter", "quarter", "quarter_words",
              "half", "season", "season", "month_range", "month_range", "since", "day_range",
              "day_range", "cross_range", "iso_range", "day"]


def pick_period(spec, rng):
    if spec == "alltime":
        return "", None, None
    styles = ALL_STYLES if spec == ANY else list(spec)
    return period(rng.choice(styles), rng)


def month_phrase(y, m, rng, bare=False):
    if bare:
        return MONTH_NAMES[m]
    return rng.choice([f"{MONTH_NAMES[m]} {y}", f"{MONTH_NAMES[m]} {y}", f"{MONTH_ABBR[m]} {y}"])


# ------------------------------------------------------------------------------ products
STOP = {"of", "and", "the", "in", "with", "set", "a", "for", "to", "on", "so", "i", "am", "is", "my", "me",
        "no", "it", "at", "by", "or", "up", "we", "you", "your", "are", "be"}


def product_phrases(sales, pool_size=450):
    """code -> list of lower-case phrases (full name and unique parts) that name only that code."""
    counts = Counter(ln.code for ln in sales.lines if not ln.cancel)
    phrases = {}
    for code, _ in counts.most_common():
        if len(phrases) >= pool_size:
            break
        name = sales.names.get(code, "")
        if not code[:1].isdigit() or not sales.name_clear.get(code) or not re.search("[A-Z]{3}", name):
            continue
        if not re.fullmatch(r"[A-Za-z0-9 \-'&/.,]+", name):
            continue
        words = name.lower().rstrip(" .").split()
        forms = []
        if sales.codes_matching(name) == {code}:
            forms.append(" ".join(words))
        # parts an owner would say: the last 2-4 words (they hold the noun) or the first 3-4
        windows = [words[-k:] for k in (2, 3, 4)] + [words[:k] for k in (3, 4)]
        for part in windows:
            if len(part) < 2 or part == words or part[0] in STOP or part[-1] in STOP:
                continue
            if not all(re.fullmatch(r"[a-z][a-z\-]*", w) for w in part):
                continue
            if not any(len(w) >= 5 for w in part):
                continue
            phrase = " ".join(part)
            if phrase not in forms and sales.codes_matching(phrase) == {code}:
                forms.append(phrase)
        if forms:
            phrases[code] = forms
    return phrases


# ------------------------------------------------------------------------------ generation
def make_question(tpl, sales, pools, rng):
    tid, kind, metric, filt, text, pspec = tpl
    slots, filters = {}, {}
    if "{n}" in text:
        n = rng.choice([3, 3, 5, 5, 5, 10])
        slots["n"] = str(n) if rng.random() < 0.8 or n == 10 else {3: "three", 5: "five"}[n]
    if filt in ("product", "product_country"):
        code = rng.choice(pools["product_codes"])
        forms = pools["products"][code]
        phrase = forms[0] if rng.random() < 0.45 else rng.choice(forms)
        before = text.split("{product}")[0]
        if rng.random() < 0.25 and before.endswith(("did ", "of ", "on ", "bought ", "included ")):
            phrase = "the " + phrase
        slots["product"] = phrase
        filters["code"] = code
    if filt in ("country", "product_country"):
        c = rng.choice(pools["countries"])
        slots["country"] = rng.choice(COUNTRIES[c][0])
        filters["country"] = c
    if filt == "demonym":
        c = rng.choice([c for c in pools["countries"] if COUNTRIES[c][1]])
        slots["demonym"] = rng.choice(COUNTRIES[c][1])
        filters["country"] = c
    if filt == "customer":
        cust = rng.choice(pools["customers"])
        slots["customer"] = cust
        filters["customer"] = cust

    rec = {"template": tid, "kind": kind}
    ninety = (TODAY - dt.timedelta(days=89), TODAY)
    if kind == "forecast":
        fmetric, by, horizon = metric.split(":")
        rows, mape = sales_forecast(sales, fmetric, by, int(horizon))
        rec.update(metric=fmetric, gold=[round(v, 2) for v, _, _ in rows], gold_low=[round(lo, 2) for _, lo, _ in rows],
                   gold_high=[round(hi, 2) for _, _, hi in rows], gold_mape=round(mape, 1) if mape is not None else None,
                   tolerance={"rel": 0.005, "abs": 0.05}, filters=filters)
        return {"question": text, **rec}
    if kind == "classes":
        counts, heroes = product_classes(sales, *ninety)
        rec.update(metric=metric, gold=counts, gold_heroes=heroes[:3], filters=filters, tolerance={"abs": 0})
        return {"question": text, **rec}
    if kind == "reorder":
        rec.update(metric=metric, gold=[list(r) for r in reorder(sales, *ninety)], filters=filters, tolerance={"abs": 1})
        return {"question": text, **rec}
    if kind == "compare":
        if pspec == "last_before":
            a, b = (D(2011, 11, 1), D(2011, 11, 30)), (D(2011, 10, 1), D(2011, 10, 31))
        else:
            bare = pspec == "bare_months"
            i = rng.randint(2 if bare else 1, 11)  # finished months only (see templates.py)
            (ya, ma), (yb, mb) = MONTHS[i], MONTHS[i - 1]
            slots["a"] = month_phrase(ya, ma, rng, bare)
            slots["b"] = month_phrase(yb, mb, rng, bare)
            a, b = (D(ya, ma, 1), min(last_day(ya, ma), TODAY)), (D(yb, mb, 1), last_day(yb, mb))
        value = sales.change(metric, a, b, **filters)
        if value is None or abs(value) > 500:
            return None
        rec.update(metric=metric, gold=round(value, 3), periods=[[a[0].isoformat(), a[1].isoformat()],
                                                                 [b[0].isoformat(), b[1].isoformat()]],
                   tolerance={"rel": 0.005, "abs": 0.05})
    else:
        phrase, start, end = pick_period(pspec, rng)
        slots["period"] = phrase
        if kind == "total":
            value = sales.total(metric, start, end, **filters)
            if value is None or value <= 0:  # no zero totals, no net-negative revenue or AOV
                return None
            # shares are shown as percentages with one decimal, items per order with two
            absolute = {"repeat_rate": 0.051, "return_rate": 0.051, "basket_size": 0.006}.get(metric, 0.01)
            rec.update(metric=metric, gold=value, tolerance={"rel": 0.005, "abs": absolute})
        elif kind == "mix":
            new, returning = sales.customer_mix(start, end, **filters)
            if new + returning == 0:
                return None
            rec.update(metric=metric, gold=[new, returning], tolerance={"abs": 0})
        elif kind == "breakdown":
            slot, bmetric = metric.split(":")
            values = sales.breakdown(slot, bmetric, start, end, **filters)
            if len(values) < 3:
                return None
            names = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            gold = {(names[k] if slot == "weekday" else f"{k:02d}:00"): v for k, v in sorted(values.items())}
            rec.update(metric=bmetric, group=slot, gold=gold, tolerance={"rel": 0.005, "abs": 0.01})
        else:
            group, rmetric = metric.split(":")
            names = sales.ranking(group, rmetric, int(n), start, end, **filters)
            if names is None:
                return None
            rec.update(metric=rmetric, group=group, n=n, tolerance={"order": "exact"})
            if group == "product":
                rec["gold"] = [sales.names[c] for c in names]
                rec["gold_ids"] = names
            else:
                rec["gold"] = names
        rec["from"] = start.isoformat() if start else None
        rec["to"] = min(end or TODAY, TODAY).isoformat() if start else None
    rec["filters"] = filters
    if slots.get("period", "").startswith("in ") and re.search(r"\bin \{period\}", text):
        slots["period"] = "during " + slots["period"][3:]  # "take in during May", not "take in in May"
    question = text.format(**slots)
    question = re.sub(r"\s+", " ", question).replace(" ?", "?").replace(" ,", ",").strip()
    question = question[0].upper() + question[1:] if text[0].isupper() else question
    rec = {"question": question, **rec}
    return rec


def build_pools(sales, rng):
    products = product_phrases(sales)
    country_lines = Counter(ln.country for ln in sales.lines)
    countries = [c for c in COUNTRIES if country_lines[c] >= 10]
    cust_lines = Counter(ln.customer for ln in sales.lines if ln.customer and not ln.cancel)
    customers = sorted(c for c, k in cust_lines.items() if k >= 8)
    return {"products": products, "product_codes": sorted(products), "countries": countries,
            "customers": customers}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--per-template", type=int, default=45)
    ap.add_argument("--out", default=os.path.join(HERE, "questions.jsonl"))
    args = ap.parse_args()

    rng = random.Random(SEED)
    sales = Sales(args.csv)
    pools = build_pools(sales, rng)
    seen, out, counts = set(), [], Counter()
    for tpl in TEMPLATES:
        # templates without any slot can only produce one distinct question
        target = 1 if "{" not in tpl[4] else args.per_template
        attempts = 0
        while counts[tpl[0]] < target and attempts < target * 40:
            attempts += 1
            rec = make_question(tpl, sales, pools, rng)
            if rec is None or rec["question"].lower() in seen:
                continue
            seen.add(rec["question"].lower())
            counts[tpl[0]] += 1
            out.append(rec)
    with open(args.out, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} questions from {len(counts)} templates "
          f"({len(pools['products'])} products, {len(pools['countries'])} countries, "
          f"{len(pools['customers'])} customers) -> {os.path.relpath(args.out)}")
    thin = [t for t in TEMPLATES if counts[t[0]] < min(10, args.per_template) and "{" in t[4]]
    for t in thin:
        print(f"  note: template {t[0]} produced only {counts[t[0]]} questions")


if __name__ == "__main__":
    main()
