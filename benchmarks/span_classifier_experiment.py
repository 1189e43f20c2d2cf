#!/usr/bin/env python3
"""Experiment: would a trained span classifier lift recognition beyond the rules?

The geoparser issue asks to change the design (for example, train a compact tagger on data whose
licence allows shipping the weights) if gazetteer and rules cannot reach the targets.  This script
measures the cheapest such change on the data we may use:

1. Read the permissive NER corpora in ``../shared/data/ner`` (Europarl NER, UNER EWT and PUD,
   the projected PUD it/fr, WikiGold, WNUT17, Europeana fr; PER/LOC/ORG/MISC).
2. Run Atlante's recogniser on their sentences and label each span it finds: a place when it
   overlaps a LOC entity, or when it is exactly an ORG entity named by a country, an admin-1 unit
   or a capital (a government as actor, which Atlante keeps); anything else is not a place.
3. Train a logistic regression (numpy, Adam, L2) on context features: the words around the span,
   their case, first names and rare capitalised neighbours, the gazetteer's best kind and size.
4. Use it as a second-stage filter (drop a span below a probability threshold) and score the
   three corpora with ``../shared/eval/score.py`` on their tuning split (``--split train``;
   KIND has no split).

Nothing here is used by the pipeline; the closing note of the geoparser issue quotes its output.

    python benchmarks/span_classifier_experiment.py [--exclude europeana] [--thresholds 0 0.2 0.3 0.4]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.cues import cues_for, word_frequency  # noqa: E402
from geo.dates import find_dateline  # noqa: E402
from geo.documents import read_jsonl  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402
from geo.language import detect_language  # noqa: E402
from geo.resolve import prior, resolve_spans  # noqa: E402
from geo.toponyms import find_toponyms  # noqa: E402

SHARED = ROOT.parent / "shared"
NER = SHARED / "data" / "ner"
EVAL = SHARED / "eval"
LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "BER": "PER", "person": "PER",
          "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC", "creative-work": "MISC"}
#: (folder/file, language, token column, tag column, split into sentences at . ? !)
SOURCES = [
    *[(f"europarl_ner/{lg}-europarl.test.conll02", lg, 0, 1, False) for lg in ("it", "en", "de", "es")],
    *[(f"pud_projected_it_fr/{lg}_pud_projected_complete.conll", lg, 0, 1, False) for lg in ("it", "fr")],
    ("uner_en_ewt/en_ewt-ud-dev.iob2", "en", 1, 2, False),
    ("uner_en_ewt/en_ewt-ud-test.iob2", "en", 1, 2, False),
    ("uner_pud/en_pud-ud-test.iob2", "en", 1, 2, False),
    ("uner_pud/de_pud-ud-test.iob2", "de", 1, 2, False),
    ("wikigold/wikigold.conll.txt", "en", 0, 1, False),
    ("wnut17/wnut17train.conll", "en", 0, 1, False),
    ("wnut17/emerging.dev.conll", "en", 0, 1, False),
    ("europeana_newspapers/enp_FR.bnf.bio", "fr", 0, 1, True),
]
EVAL_ARGS = {
    "lgl": ["--corpus", "lgl", "--split", "train"],
    "geowebnews": ["--corpus", "geowebnews", "--gold-set", "geonames", "--split", "train"],
    "kind_it_dev": ["--gold", str(EVAL / "kind_it_dev" / "docs.jsonl"), "--gold-set", "all"],
}
_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


def entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) from IOB2 or IOB1 tags: "B-", "O" or a change of type ends an entity."""
    out, cur = [], None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":
            if cur:
                out.append(tuple(cur))
            cur = None
            continue
        prefix, _, kind = tag.partition("-")
        kind = LABELS.get(kind, kind)
        if cur is None or cur[2] != kind or prefix == "B":
            if cur:
                out.append(tuple(cur))
            cur = [i, i + 1, kind]
        else:
            cur[1] = i + 1
    return out


def read_corpus(path: Path, tok_col: int, tag_col: int, split_sentences: bool):
    """Sentences as (tokens, entities)."""
    sents, toks, tags = [], [], []

    def flush():
        if toks:
            sents.append((list(toks), entities(list(tags))))
            toks.clear()
            tags.clear()

    for line in path.open(encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("# "):
            continue
        if not line.strip() or line.startswith("-DOCSTART-"):
            flush()
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) > max(tok_col, tag_col):
            toks.append(parts[tok_col])
            tags.append(parts[tag_col])
            if split_sentences and parts[tok_col] in (".", "?", "!") and len(toks) > 5:
                flush()
    flush()
    return sents


def features(text: str, words: list[tuple[int, int, str]], start: int, end: int, cands, lang: str) -> list[str]:
    """Context features of one recognised span."""
    first_names = cues_for(lang).first_names
    out = ["bias", f"lang={lang}"]
    if cands:
        best = max(cands, key=prior).entity
        out.append(f"kind={best.kind}")
        if best.kind == "city":
            out.append(f"pop={int(math.log10(max(best.population, 1)))}")
            out += ["capital"] if best.capital_of else []
        out += [f"primary={int(any(c.primary for c in cands))}", f"ncand={min(len(cands), 5)}"]
    else:
        out.append("kind=none")
    surface = text[start:end]
    out.append(f"ntok={min(len(surface.split()), 3)}")
    out += ["allcaps"] if surface.isupper() and len(surface) > 1 else []
    out.append(f"zipf={int(word_frequency(surface.split()[0].lower(), lang))}")
    before = [w for w in words if w[1] <= start][-2:]
    after = [w for w in words if w[0] >= end][:2]
    if not before or before[-1][2] in ".!?":
        out.append("sentstart")
    for k, w in enumerate(reversed(before), 1):
        out.append(f"w-{k}={w[2].lower()}")
        out += [f"w-{k}cap"] if w[2][:1].isupper() else []
        out += [f"w-{k}first"] if w[2].lower() in first_names else []
    for k, w in enumerate(after, 1):
        out.append(f"w+{k}={w[2].lower()}")
        if w[2][:1].isupper():
            out.append(f"w+{k}cap")
            out += [f"w+{k}rarecap"] if word_frequency(w[2].lower(), lang) < 4 else []
    if len(before) == 2:
        out.append(f"w-2w-1={before[0][2].lower()}_{before[1][2].lower()}")
    if len(after) == 2:
        out.append(f"w+1w+2={after[0][2].lower()}_{after[1][2].lower()}")
    return out


def training_set(gazetteer, exclude: set[str]):
    xs, ys = [], []
    for rel, lang, tok_col, tag_col, split in SOURCES:
        if rel.split("/")[0].split("_")[0] in exclude or not (NER / rel).is_file():
            continue
        model_lang = lang if lang in ("it", "en", "fr") else "en"
        for toks, ents in read_corpus(NER / rel, tok_col, tag_col, split):
            offsets, pos = [], 0
            for t in toks:
                offsets.append((pos, pos + len(t)))
                pos += len(t) + 1
            text = " ".join(toks)
            spans_gold = [(offsets[a][0], offsets[b - 1][1], kind) for a, b, kind in ents]
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
            for s in find_toponyms(text, lang=model_lang, gazetteer=gazetteer):
                over = [g for g in spans_gold if g[0] < s.end and s.start < g[1]]
                label = any(g[2] == "LOC" for g in over)
                if not label and over and s.candidates and all(g[2] == "ORG" and (g[0], g[1]) == (s.start, s.end)
                                                                for g in over):
                    best = max(s.candidates, key=prior).entity
                    label = best.kind in ("country", "admin1") or bool(best.capital_of)
                xs.append(features(text, words, s.start, s.end, s.candidates, model_lang))
                ys.append(int(label))
    return xs, ys


def fit(xs, ys, *, min_count: int = 2, l2: float = 1e-3, iters: int = 300):
    """Logistic regression on sparse binary features (Adam): vocabulary and weights."""
    counts = Counter(f for x in xs for f in x)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows = [[vocab[f] for f in x if f in vocab] for x in xs]
    idx = np.concatenate([np.array(r, dtype=np.int64) for r in rows])
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.array(ys, dtype=float)
    w, m, v = np.zeros(len(vocab)), np.zeros(len(vocab)), np.zeros(len(vocab))
    for t in range(1, iters + 1):
        p = 1 / (1 + np.exp(-np.bincount(row_of, weights=w[idx], minlength=len(rows))))
        grad = np.bincount(idx, weights=(p - y)[row_of], minlength=len(w)) / len(rows) + l2 * w
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad * grad
        w -= 0.025 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return vocab, w


def score(corpus: str, gazetteer, vocab, w, thresholds: list[float], workdir: Path) -> None:
    docs = read_jsonl(EVAL / corpus / "docs.jsonl")
    parsed = []
    for d in docs:
        lang = d.lang or detect_language(d.text)
        model_lang = lang if lang in ("it", "en", "fr") else "en"
        spans = find_toponyms(d.text, lang=lang, gazetteer=gazetteer, dateline=find_dateline(d.text, lang))
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(d.text)]
        probs = [1 / (1 + math.exp(-sum(w[vocab[f]] for f in features(d.text, words, s.start, s.end, s.candidates,
                                                                       model_lang) if f in vocab)))
                 for s in spans]
        parsed.append((d, spans, probs))
    rule = "exact" if corpus == "kind_it_dev" else "eupeg"
    for thr in thresholds:
        pred = workdir / f"{corpus}-{thr}.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for d, spans, probs in parsed:
                kept = [s for s, p in zip(spans, probs, strict=True) if p >= thr or s.dateline]
                tops = [{"start": s.start, "end": s.end, "lat": r.entity.lat if r.entity else None,
                         "lon": r.entity.lon if r.entity else None}
                        for s, r in zip(kept, resolve_spans(kept, d.text, gazetteer), strict=True)]
                fh.write(json.dumps({"doc_id": d.doc_id, "toponyms": tops}) + "\n")
        out = workdir / f"{corpus}-{thr}.score.json"
        subprocess.run([sys.executable, str(EVAL / "score.py"), *EVAL_ARGS[corpus], "--pred", str(pred),
                        "--json", str(out)], check=True, capture_output=True)
        res = json.loads(out.read_text())
        rec = res["recognition"][rule]
        acc = ((res.get("resolution") or {}).get(rule) or {}).get("acc161")
        acc_text = "  -  " if acc is None else f"{acc:.3f}"
        print(f"  {corpus:12s} threshold {thr:.1f}: P {rec['precision']:.3f}  R {rec['recall']:.3f}  "
              f"F1 {rec['f1']:.3f}  acc@161 {acc_text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude", nargs="*", default=[], help="corpus folders to leave out (e.g. europeana)")
    ap.add_argument("--thresholds", nargs="*", type=float, default=[0.0, 0.2, 0.3, 0.4])
    a = ap.parse_args(argv)
    if not NER.is_dir() or not EVAL.is_dir():
        print(f"needs {NER} and {EVAL}", file=sys.stderr)
        return 2
    gazetteer = load_gazetteer()
    xs, ys = training_set(gazetteer, set(a.exclude))
    print(f"training spans: {len(ys)} ({sum(ys)} places, {len(ys) - sum(ys)} not)")
    vocab, w = fit(xs, ys)
    print("threshold 0.0 = the rules alone")
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in EVAL_ARGS:
            score(corpus, gazetteer, vocab, w, a.thresholds, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
