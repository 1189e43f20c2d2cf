#!/usr/bin/env python3
"""Geoparsing benchmark: LGL, GeoWebNews and KIND (Italian) with the shared scorer.

Runs ``make_map.py`` on each corpus's ``docs.jsonl`` (the pipeline reads only ``doc_id``
and ``text``), scores ``mentions.jsonl`` with ``../shared/eval/score.py`` and prints a
table beside the published systems listed in ``../shared/eval/README.md``.  The corpora
are third-party and are read in place, never copied.

    python benchmarks/eval_geoparsing.py --split test      # report
    python benchmarks/eval_geoparsing.py --split train     # tune
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_places import places_throughput

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

#: corpus -> (scorer arguments, target F1 (eupeg; exact for KIND), target acc@161)
CORPORA = {
    "lgl": (["--corpus", "lgl"], 0.75, 0.85),
    "geowebnews": (["--corpus", "geowebnews", "--gold-set", "geonames"], 0.78, 0.94),
    "kind_it_dev": (["--gold", str(EVAL / "kind_it_dev" / "docs.jsonl"), "--gold-set", "all"], 0.85, None),
}

#: Published end-to-end numbers (eupeg rule) from ../shared/eval/README.md: P, R, F1, acc@161.
PUBLISHED = {
    "lgl": {
        "Edinburgh Geoparser": (0.723, 0.383, 0.501, 0.819), "CLAVIN (CLIFF)": (0.808, 0.444, 0.573, 0.701),
        "CamCoder": (0.811, 0.548, 0.654, 0.717), "DBpedia Spotlight": (0.813, 0.635, 0.713, 0.643),
        "Stanford NER + population": (0.744, 0.622, 0.677, 0.590),
    },
    "geowebnews": {
        "Edinburgh Geoparser": (0.819, 0.538, 0.650, 0.921), "CLAVIN (CLIFF)": (0.909, 0.394, 0.549, 0.937),
        "CamCoder": (0.895, 0.562, 0.691, 0.839), "DBpedia Spotlight": (0.847, 0.510, 0.637, 0.564),
        "Stanford NER + population": (0.885, 0.635, 0.739, 0.698),
    },
    "kind_it_dev": {"NERMuD 2023 best (token F1, test)": (None, None, 0.87, None)},
}


def run_corpus(name: str, split: str, workdir: Path) -> dict:
    """Run the pipeline on one corpus and score it; return the scorer's result dict."""
    docs = EVAL / name / "docs.jsonl"
    out = workdir / name
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "make_map.py"), str(docs), "-o", str(out), "-q"], check=True)
    elapsed = time.perf_counter() - t0
    result_json = workdir / f"{name}.score.json"
    args, _, _ = CORPORA[name]
    subprocess.run([sys.executable, str(EVAL / "score.py"), *args, "--pred", str(out / "mentions.jsonl"),
                    "--split", split, "--json", str(result_json)], check=True, stdout=subprocess.DEVNULL)
    result = json.loads(result_json.read_text())
    result["seconds"] = elapsed
    result["n_input_docs"] = sum(1 for line in docs.open() if line.strip())
    return result


def demonym_share(name: str) -> tuple[int, int] | None:
    """(gold toponyms that are demonyms, gold toponyms) over the whole corpus, for the gold the scorer
    uses with coordinates; None for KIND (no coordinates). Demonyms ("Russian") are not toponyms in
    Atlante by design: this is the recall the design gives up."""
    if name == "kind_it_dev":
        return None
    sys.path.insert(0, str(ROOT))
    from geo.cues import cues_for
    from geo.normalize import fold_key

    demonyms = cues_for("en").demonyms  # the English demonyms lexicon: both corpora are English
    n = hits = 0
    for line in (EVAL / name / "docs.jsonl").open(encoding="utf-8"):
        for gold in json.loads(line)["gold"]:
            if gold.get("lat") is None or (name == "geowebnews" and not gold.get("geonameid")):
                continue
            key = fold_key(gold["name"])
            n += 1
            hits += key in demonyms or key.rstrip("s") in demonyms
    return hits, n


def _f(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_table(name: str, res: dict) -> None:
    """Print Atlante's row under the published rows for one corpus."""
    _, target_f1, target_acc = CORPORA[name]
    rule = "exact" if name == "kind_it_dev" else "eupeg"
    rec = res["recognition"][rule]
    resol = res["resolution"].get(rule) if res.get("resolution") else None
    acc = resol["acc161"] if resol else None
    print(f"\n{name}  ({res['n_docs']} docs, {res['n_gold']} gold, rule {rule}; "
          f"{res['n_input_docs']} docs through make_map.py in {res['seconds']:.1f} s)")
    print(f"  {'system':34s}   P      R      F1    acc@161")
    for system, (p, r, f1, a) in PUBLISHED[name].items():
        print(f"  {system:34s} {_f(p)}  {_f(r)}  {_f(f1)}  {_f(a)}")
    print(f"  {'Atlante':34s} {_f(rec['precision'])}  {_f(rec['recall'])}  {_f(rec['f1'])}  {_f(acc)}")
    verdict_f1 = "met" if rec["f1"] >= target_f1 else f"missed by {target_f1 - rec['f1']:.3f}"
    line = f"  target F1 >= {target_f1}: {verdict_f1}"
    if target_acc is not None and acc is not None:
        verdict_acc = "met" if acc >= target_acc else f"missed by {target_acc - acc:.3f}"
        line += f"; acc@161 >= {target_acc}: {verdict_acc}"
    print(line)
    if resol and resol.get("acc161") is not None:
        print(f"  overlap F1 {res['recognition']['overlap']['f1']:.3f}; end-to-end acc@161 "
              f"{resol['acc161_end_to_end']:.3f}; AUC {resol['auc']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("train", "test", "all"), default="test")
    ap.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="default: all three")
    ap.add_argument("--keep", type=Path, help="keep predictions and scores in this folder")
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"eval corpora not found at {EVAL}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        workdir = a.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in a.corpus or list(CORPORA):
            # KIND has no split field: the whole dev set is scored.
            split = "all" if name == "kind_it_dev" else a.split
            print_table(name, run_corpus(name, split, workdir))
            n, seconds, _ = places_throughput(name)
            print(f"  text -> places alone: {n} docs in {seconds:.2f} s = {n / seconds:.0f} docs/s")
            share = demonym_share(name)
            if share:
                print(f"  demonyms in the whole corpus's gold (not toponyms by design): {share[0]} of {share[1]} "
                      f"= {share[0] / share[1]:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
