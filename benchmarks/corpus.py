#!/usr/bin/env python3
"""A sample-like corpus of any size for the scale benchmarks: the bundled samples, recombined.

Each generated document takes the opening sentence (dateline included) of one bundled sample
and a random selection of the other sentences written in the same language, in random order, with
every number after the dateline redrawn (same number of digits, same separators): documents of
the samples' size, language mix and density of places and figures.  Drawn from the samples' few
sentences, many share most of their text with an earlier one: a run sets aside 805 of 2,000 (and
5,309 of 10,000; seed 0) as near-duplicate copies (:mod:`geo.duplicates`), far more than real news
has, so the scale benchmarks and the figures the README quotes use ``--keep-duplicates``, which
parses and counts every document.

    python benchmarks/corpus.py 10000 -o /tmp/corpus.jsonl.gz
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
_DIGITS = re.compile(r"\d+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def _paragraphs() -> dict[str, list[tuple[str, list[str]]]]:
    """Per language (file prefix), each sample's opening sentence and its other sentences."""
    by_lang: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        sentences = _SENTENCE.split(path.read_text(encoding="utf-8").strip())
        by_lang.setdefault(path.name.split("_")[0], []).append((sentences[0], sentences[1:]))
    return by_lang


def _redraw(text: str, rng: random.Random) -> str:
    """Every run of digits redrawn with as many digits (no leading zero)."""
    def one(m: re.Match) -> str:
        n = len(m.group())
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
    return _DIGITS.sub(one, text)


def sample_like_documents(n: int, *, seed: int = 0) -> Iterator[dict]:
    """Generate ``n`` JSONL-ready documents (``doc_id``, ``text``, ``date``, ``lang``).

    Parameters
    ----------
    n : int
        How many documents.
    seed : int
        Seed of the random choices; the same seed gives the same corpus.

    Yields
    ------
    dict
        One document per item, in order.
    """
    rng = random.Random(seed)
    by_lang = _paragraphs()
    langs = sorted(by_lang)
    day0 = dt.date(2026, 1, 1)
    for i in range(n):
        lang = langs[i % len(langs)]
        opening, _ = by_lang[lang][rng.randrange(len(by_lang[lang]))]
        pool = [p for _, rest in by_lang[lang] for p in rest]
        body = rng.sample(pool, k=max(1, min(len(pool), rng.randint(3, 7))))
        head, sep, tail = opening.partition(" – ")
        opening = head + sep + _redraw(tail, rng) if sep else _redraw(opening, rng)
        text = " ".join([opening] + [_redraw(p, rng) for p in body])
        date = day0 + dt.timedelta(days=i % 90)
        yield {"doc_id": f"gen-{i:07d}", "text": text, "date": date.isoformat(), "lang": lang}


def write_corpus(n: int, path: Path, *, seed: int = 0) -> Path:
    """Write ``n`` generated documents as JSONL (gzip-compressed when ``path`` ends in ``.gz``)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for doc in sample_like_documents(n, seed=seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("-o", "--output", type=Path, required=True, help="JSONL or JSONL.gz file to write")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    print(write_corpus(a.n, a.output, seed=a.seed))


if __name__ == "__main__":
    main()
