#!/usr/bin/env python3
"""The whole text side over the first N LGL documents, for an instruction count under valgrind.

Instruction counts stay steady on a loaded machine where CPU time does not. Run it twice under callgrind,
with N documents and with one, and subtract (the start-up: imports, gazetteer, lexicons):

    valgrind --tool=callgrind --callgrind-out-file=cg.N python benchmarks/callgrind_text_side.py --docs 300
    valgrind --tool=callgrind --callgrind-out-file=cg.1 python benchmarks/callgrind_text_side.py --docs 1

``--root`` reads another checkout of Atlante (an older commit unpacked with ``git archive``), as
``benchmarks/bench_places.py`` does; ``PYTHONHASHSEED=0`` makes two runs of one checkout count alike.

Give both runs a cache folder of their own (``ATLANTE_CACHE_DIR=DIR``) and run the script once outside valgrind
first: the gazetteer's unpacked copy is kept in the user's cache under its file's path and date
(:func:`geo.gazetteer.read_container`), and other checkouts sharing that cache evict it (:data:`geo.cache.KEEP`);
a run that unpacks it counts some 390 M instructions more, 3.7 % of the 300 documents' count.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="how many of the corpus's first documents")
    ap.add_argument("--corpus", default="lgl")
    ap.add_argument("--root", type=Path, default=ROOT, help="the Atlante checkout to measure")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(a.root.resolve()))
    from geo.documents import read_jsonl
    from geo.gazetteer import load_gazetteer
    from geo.language import detect_language
    from geo.pipeline import parse_document

    gaz = load_gazetteer()
    docs = read_jsonl(EVAL / a.corpus / "docs.jsonl")[: a.docs]
    langs = [d.lang or detect_language(d.text) for d in docs]
    parse_document(docs[0], lang=langs[0], gazetteer=gaz)  # warm the lexicons and word lists
    for doc, lang in zip(docs, langs, strict=True):
        parse_document(doc, lang=lang, gazetteer=gaz)
    return 0


if __name__ == "__main__":
    sys.exit(main())
