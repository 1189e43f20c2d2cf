#!/usr/bin/env python3
"""Throughput of the text side: documents per second, one pass, one core.

Runs ``geo.pipeline.find_places`` (recognition, resolution, cue roles) over a corpus's
``docs.jsonl`` in ``../shared/eval`` with a warm gazetteer, as the geoparsing benchmark
does. ``--root`` measures another checkout of Atlante (for example an older commit in a
``git worktree``) with the same corpora, so that two versions can be compared on one
machine in the same hour.

    python benchmarks/bench_places.py                       # LGL and GeoWebNews
    python benchmarks/bench_places.py --root ../atlante-old # another checkout
    python benchmarks/bench_places.py --whole               # the whole text side (parse_document)

``--whole`` times ``geo.pipeline.parse_document`` instead: places, figures, the weighed roles and
figure places, and the event frames.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def places_throughput(name: str, root: Path = ROOT, *, whole: bool = False) -> tuple[int, float, float]:
    """(documents, seconds, CPU seconds) of one pass of the text -> places step (or, ``whole``, of the
    whole text side) over corpus ``name``; CPU seconds are the steadier figure on a busy machine."""
    sys.path.insert(0, str(root))
    from geo.dates import find_dateline
    from geo.documents import read_jsonl
    from geo.gazetteer import load_gazetteer
    from geo.language import detect_language
    from geo.pipeline import find_places, parse_document

    gaz = load_gazetteer()
    docs = read_jsonl(EVAL / name / "docs.jsonl")
    langs = [d.lang or detect_language(d.text) for d in docs]
    find_places(docs[0], lang=langs[0], gazetteer=gaz)  # warm the lexicons and word lists
    parse_document(docs[0], lang=langs[0], gazetteer=gaz)
    t0, c0 = time.perf_counter(), time.process_time()
    for doc, lang in zip(docs, langs, strict=True):
        if whole:
            parse_document(doc, lang=lang, gazetteer=gaz)
        else:
            find_places(doc, lang=lang, gazetteer=gaz, dateline=find_dateline(doc.text, lang))
    return len(docs), time.perf_counter() - t0, time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", default=["lgl", "geowebnews"])
    ap.add_argument("--root", type=Path, default=ROOT, help="the Atlante checkout to measure")
    ap.add_argument("--whole", action="store_true", help="time the whole text side (parse_document)")
    a = ap.parse_args(argv)
    for name in a.corpus:
        n, seconds, cpu = places_throughput(name, a.root.resolve(), whole=a.whole)
        print(f"{name:12s} {n} docs in {seconds:.2f} s = {n / seconds:.0f} docs/s "
              f"({cpu:.2f} CPU s = {n / cpu:.0f} docs per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
