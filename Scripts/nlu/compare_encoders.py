#!/usr/bin/env python3
"""Compare the static distilled encoder with the full all-MiniLM-L6-v2 encoder for intent classification.

Reads a Rasa NLU training folder (default Intents/: every *.yml/*.yaml, `nlu:` items with `intent:`;
`examples: |` blocks of "- text" lines or lists of {text: ...}; inline annotations `[text](entity)`,
`[text](entity:value)` and `[text]{"entity": ...}` are reduced to `text`; `metadata:` is ignored) and a
held-out JSONL file ({"text", "intent"} per line). Each sentence is embedded two ways:

  static  the mean of the distilled int8 token vectors in Intents/encoder/ (skipping [UNK]), 256-d,
          as the Swift server's StaticEncoder does;
  full    the numpy BERT forward pass of distil_encoder.py, mean-pooled over the attention mask, 384-d.

Both are L2-normalised, then a multinomial logistic regression (numpy, softmax + L2 penalty, full-batch
gradient descent with Adam, fixed seed, features standardised on the training set) is trained on
the training examples and scored on the held-out file. It prints accuracy for both embeddings and the
mean per-sentence embedding latency of this Python implementation (one sentence per call, so batching
does not flatter the full encoder). `--limit-per-intent N` samples at most N training examples per
intent (fixed seed), for when the folder is too large to run the full encoder over.

  python3 Scripts/nlu/compare_encoders.py [--intents Intents] [--heldout Scripts/nlu/heldout_intents.jsonl]
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import distil_encoder as de  # noqa: E402

try:
    import yaml
except ImportError:  # PyYAML from PyPI
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "pyyaml"])
    import yaml

ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def strip_annotations(text):
    return ANNOTATION.sub(r"\1", text).strip()


def load_rasa(folder):
    """(text, intent) pairs of every intent example in the folder's YAML files, in file order."""
    pairs = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix not in (".yml", ".yaml"):
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in doc.get("nlu") or []:
            if not isinstance(item, dict) or "intent" not in item:
                continue
            examples = item.get("examples") or []
            if isinstance(examples, str):
                lines = [ln.strip()[2:] for ln in examples.splitlines() if ln.strip().startswith("- ")]
            else:
                lines = [e["text"] if isinstance(e, dict) else str(e) for e in examples]
            for line in lines:
                text = strip_annotations(line)
                if text:
                    pairs.append((text, str(item["intent"])))
    return pairs


def load_jsonl(path):
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], r["intent"]) for r in rows]


def sample(pairs, limit, seed):
    if not limit:
        return pairs
    rng = np.random.default_rng(seed)
    by_intent = {}
    for pair in pairs:
        by_intent.setdefault(pair[1], []).append(pair)
    out = []
    for intent in sorted(by_intent):
        group = by_intent[intent]
        keep = sorted(rng.permutation(len(group))[:limit])
        out += [group[i] for i in keep]
    return out


def normalise(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1)


def train_softmax(x, y, classes, l2=1e-3, epochs=400, lr=0.05, seed=0):
    """Multinomial logistic regression by full-batch Adam; returns a predict(x) -> class index function."""
    mean, std = x.mean(0), x.std(0) + 1e-6
    z = (x - mean) / std
    n, d = z.shape
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (d, classes))
    b = np.zeros(classes)
    onehot = np.eye(classes)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for step in range(1, epochs + 1):
        logits = z @ w + b
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        g = (p - onehot) / n
        grads = [z.T @ g + l2 * w, g.sum(0)]
        for i, (param, grad) in enumerate(zip((w, b), grads)):
            m[i] = 0.9 * m[i] + 0.1 * grad
            v[i] = 0.999 * v[i] + 0.001 * grad * grad
            param -= lr * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    return lambda q: ((q - mean) / std @ w + b).argmax(1)


def latency(fn, texts):
    started = time.perf_counter()
    for text in texts:
        fn(text)
    return (time.perf_counter() - started) / len(texts) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--intents", default=str(de.REPO / "Intents"))
    parser.add_argument("--heldout", default=str(de.REPO / "Scripts" / "nlu" / "heldout_intents.jsonl"))
    parser.add_argument("--encoder-dir", help="folder with static-minilm-256.bin and vocab.txt "
                        "(default: INTENTS/encoder)")
    parser.add_argument("--limit-per-intent", type=int, default=0, help="0 = all examples")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args()

    encoder_dir = Path(args.encoder_dir or Path(args.intents) / "encoder")
    all_train = load_rasa(args.intents)
    train = sample(all_train, args.limit_per_intent, args.seed)
    test = load_jsonl(args.heldout)
    intents = sorted({i for _, i in train})
    index = {name: k for k, name in enumerate(intents)}
    unknown = Counter(i for _, i in test if i not in index)
    print(f"training: {len(train)} examples ({len(all_train)} in {args.intents}), {len(intents)} intents; "
          f"held-out: {len(test)}")
    if unknown:
        print(f"  held-out intents absent from training (always wrong): {dict(unknown)}")
    y_train = np.array([index[i] for _, i in train])
    y_test = np.array([index.get(i, -1) for _, i in test])
    train_texts, test_texts = [t for t, _ in train], [t for t, _ in test]

    tokens = de.read_vocab(encoder_dir / "vocab.txt")
    tokenizer = de.WordPiece(tokens)
    table = de.read_ste1(encoder_dir / de.STATIC_FILE)
    model = de.MiniLM(de.locate_model())

    def static(text):
        return de.static_embed(table, tokenizer, text)

    def full(text):
        return model.embed([text], tokenizer, batch=1)[0]

    results = []
    for name, batch_embed, single in (
            ("static", lambda texts: np.stack([static(t) for t in texts]), static),
            ("full", lambda texts: model.embed(texts, tokenizer), full)):
        started = time.perf_counter()
        x_train = normalise(batch_embed(train_texts))
        embed_seconds = time.perf_counter() - started
        x_test = normalise(batch_embed(test_texts))
        predict = train_softmax(x_train, y_train, len(intents), args.l2, args.epochs, seed=args.seed)
        accuracy = float((predict(x_test) == y_test).mean())
        train_accuracy = float((predict(x_train) == y_train).mean())
        ms = latency(single, test_texts)
        results.append((name, x_train.shape[1], accuracy, train_accuracy, ms, embed_seconds))

    print(f"\n{'encoder':8s} {'dims':>4s} {'held-out acc':>12s} {'train acc':>9s} "
          f"{'ms/sentence':>11s} {'embed train set':>15s}")
    for name, dims, acc, tacc, ms, secs in results:
        print(f"{name:8s} {dims:4d} {acc:12.1%} {tacc:9.1%} {ms:11.3f} {secs:13.1f} s")
    print("(ms/sentence: one sentence per call, tokenisation included, numpy on one core)")


if __name__ == "__main__":
    main()
