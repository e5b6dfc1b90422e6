#!/usr/bin/env python3
"""Checks the NLU training files in Intents/ (needs PyYAML: pip install pyyaml).

* every Intents/*.yml parses as YAML and has the Rasa 3.x shape (version, nlu list of items);
* every example line is what the server's reader accepts (starts with "- ", no stray brackets, well
  formed `[text](entity)` / `[text]{"entity": ...}` annotations with JSON that parses);
* generated blocks carry `metadata: template: <intent>/<nnn>`, each id used once and by its own intent;
* no example text (lowercased, annotations removed) belongs to two intents, in all files together,
  both exactly and after removing punctuation and apostrophes (the generator's dedupe key);
* prints examples and templates per intent, hand-written and generated.

Exits with status 1 if any check fails.

    python3 Scripts/nlu/check_intents.py
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

INTENTS = Path(__file__).resolve().parents[2] / "Intents"
ANNOTATION = re.compile(r"\[([^\[\]]*)\](\(([^()]*)\)|(\{[^{}]*\}))")


def plain(text, problems, where):
    def replace(match):
        if match.group(3) is not None:
            if not match.group(3).split(":")[0]:
                problems.append(f"{where}: empty entity name in {text!r}")
        else:
            try:
                value = json.loads(match.group(4))
                if not isinstance(value, dict) or not isinstance(value.get("entity"), str):
                    raise ValueError
            except ValueError:
                problems.append(f"{where}: bad JSON annotation {match.group(4)!r} in {text!r}")
        if not match.group(1).strip():
            problems.append(f"{where}: empty annotated text in {text!r}")
        return match.group(1)

    result = ANNOTATION.sub(replace, text)
    if "[" in result or "](" in result:
        problems.append(f"{where}: malformed annotation in {text!r}")
    return result


def loose(text):
    text = text.lower().replace("\u2019", "'").replace("'", "")
    text = re.sub(r"[?!.,;:)(]+", " ", text)
    return " ".join(text.split())


def main():
    problems = []
    counts = defaultdict(lambda: {"hand": 0, "generated": 0, "templates": 0})
    exact = defaultdict(set)   # lowercased plain text -> intents
    keyed = defaultdict(set)   # loose key -> intents
    template_ids = {}
    entity_counts = defaultdict(int)
    for path in sorted(INTENTS.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: invalid YAML: {error}")
            continue
        if not isinstance(data, dict) or "nlu" not in data:
            problems.append(f"{path.name}: no top-level nlu key")
            continue
        if str(data.get("version")) != "3.1":
            problems.append(f"{path.name}: version is {data.get('version')!r}, expected \"3.1\"")
        generated = path.name.startswith("generated_")
        for number, item in enumerate(data["nlu"]):
            where = f"{path.name} item {number}"
            if not isinstance(item, dict):
                problems.append(f"{where}: not a mapping")
                continue
            if "intent" not in item:
                continue  # lookup, synonym, regex
            intent = item["intent"]
            examples = item.get("examples")
            if not isinstance(examples, str):
                problems.append(f"{where}: examples is not a | block")
                continue
            if generated:
                template = (item.get("metadata") or {}).get("template")
                if not template or not template.startswith(intent + "/"):
                    problems.append(f"{where}: missing or foreign template id {template!r}")
                elif template in template_ids:
                    problems.append(f"{where}: template id {template} also used in {template_ids[template]}")
                else:
                    template_ids[template] = path.name
                counts[intent]["templates"] += 1
            for line in examples.splitlines():
                stripped = line.strip()
                if not stripped:
                    continue
                if not stripped.startswith("- ") or stripped.startswith("- #"):
                    problems.append(f"{where}: bad example line {stripped!r}")
                    continue
                text = stripped[2:].strip()
                for match in ANNOTATION.finditer(text):
                    label = match.group(3) if match.group(3) is not None else json.loads(match.group(4))["entity"]
                    entity_counts[label.split(":")[0]] += 1
                clean = plain(text, problems, where)
                if generated and intent == "out_of_scope" and clean != text:
                    problems.append(f"{where}: out_of_scope example is annotated: {text!r}")
                exact[clean.lower()].add(intent)
                keyed[loose(clean)].add(intent)
                counts[intent]["generated" if generated else "hand"] += 1

    for label, table in (("exact", exact), ("punctuation-insensitive", keyed)):
        for text, intents in sorted(table.items()):
            if len(intents) > 1:
                problems.append(f"{label} duplicate under {sorted(intents)}: {text!r}")

    print(f"{'intent':<24}{'hand':>7}{'generated':>11}{'templates':>11}{'total':>8}")
    totals = [0, 0, 0, 0]
    for intent in sorted(counts):
        c = counts[intent]
        row = [c["hand"], c["generated"], c["templates"], c["hand"] + c["generated"]]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{intent:<24}{row[0]:>7}{row[1]:>11}{row[2]:>11}{row[3]:>8}")
    print(f"{'total':<24}{totals[0]:>7}{totals[1]:>11}{totals[2]:>11}{totals[3]:>8}")
    print("annotations: " + ", ".join(f"{k} {v}" for k, v in sorted(entity_counts.items())))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems[:200]:
            print("  " + problem)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
