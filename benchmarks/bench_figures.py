"""Benchmark of the text -> figures step on the annotated articles in ``benchmarks/figures/``.

Places come from the gold file (every occurrence of an annotated surface is a resolved mention),
so this measures :func:`geo.figures.extract_figures` alone, not the recogniser.

Usage::

    python benchmarks/bench_figures.py [--verbose] [--repeat N]

Prints detection precision/recall/F1 (a prediction matches a gold figure when its number span
overlaps the gold ``at`` string), per-field precision/recall (a field counts as right only on a
matched figure with the right value of that field), and throughput.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.dates import document_date  # noqa: E402
from geo.figures import extract_figures  # noqa: E402
from geo.model import Document, Entity, Figure, Mention  # noqa: E402

HERE = ROOT / "benchmarks" / "figures"
FIELDS = ("kind", "value", "qualifier", "status", "places", "source", "per_unit", "range", "date")


def load_gold(path: Path = HERE / "gold.yaml") -> list[dict[str, Any]]:
    """Read the gold file; return its documents with their text, Document and mentions built."""
    docs = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    for d in docs:
        text = (HERE / d["file"]).read_text(encoding="utf-8")
        date = d.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        d["document"] = Document(Path(d["file"]).stem, text, date=date, lang=d["lang"])
        d["mentions"] = mentions_for(d["document"], d.get("places") or {})
    return docs


def mentions_for(doc: Document, places: dict[str, dict[str, Any]]) -> list[Mention]:
    """Every occurrence of each annotated surface, longest surfaces first, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for surface in sorted(places, key=len, reverse=True):
        p = places[surface]
        ent = Entity(
            p["id"],
            p["name"],
            p["kind"],
            p.get("country"),
            p.get("admin1"),
            0.0,
            0.0,
            capital_of=p.get("capital_of"),
        )
        k = doc.text.find(surface)
        while k >= 0:
            end = k + len(surface)
            if not any(a < end and k < b for a, b in taken):
                taken.append((k, end))
                out.append(Mention(doc.doc_id, k, end, surface, ent, confidence=1.0))
            k = doc.text.find(surface, end)
    return sorted(out, key=lambda m: m.start)


def _field_ok(field: str, gold: dict[str, Any], pred: Figure) -> bool | None:
    """Whether a matched prediction has the field right; None when the gold does not say."""
    if field == "places":
        return set(gold.get("places") or []) == set(pred.place_ids)
    if field == "source":
        g, p = (gold.get("source") or "").lower(), (pred.source or "").lower()
        return (not g and not p) or bool(g and p and (g in p or p in g))
    if field == "per_unit":
        return bool(gold.get("per_unit", False)) == pred.per_unit
    if field == "range":
        if "low" not in gold:
            return pred.high is None
        return (gold["low"], gold["high"]) == (pred.low, pred.high)
    if field == "date":
        if "date" not in gold:
            return None
        return (str(gold["date"]), str(gold.get("date_end", gold["date"]))) == (pred.date, pred.date_end)
    return gold[field] == getattr(pred, field)


def evaluate(docs: list[dict[str, Any]], verbose: bool = False) -> dict[str, Any]:
    """Run the figures step on every document and score it against the gold."""
    n_gold = n_pred = n_match = 0
    right = dict.fromkeys(FIELDS, 0)
    asked = dict.fromkeys(FIELDS, 0)
    for d in docs:
        doc: Document = d["document"]
        lang = d["lang"]
        figs = extract_figures(doc, d["mentions"], lang=lang, doc_date=document_date(doc, lang))
        n_pred += len(figs)
        used: set[int] = set()
        for g in d["figures"]:
            n_gold += 1
            a = doc.text.find(g["at"])
            if a < 0 or doc.text.find(g["at"], a + 1) >= 0:
                raise ValueError(f"{d['file']}: 'at' {g['at']!r} must occur exactly once")
            b = a + len(g["at"])
            hit = next((k for k, f in enumerate(figs) if k not in used and f.start < b and a < f.end), None)
            if hit is None:
                if verbose:
                    print(f"  MISSED {d['file']}: {g['at']!r} ({g['kind']})")
                continue
            used.add(hit)
            n_match += 1
            f = figs[hit]
            for field in FIELDS:
                ok = _field_ok(field, g, f)
                if ok is None:
                    continue
                asked[field] += 1
                right[field] += ok
                if verbose and not ok:
                    want = {
                        "places": g.get("places"),
                        "range": (g.get("low"), g.get("high")),
                        "date": (g.get("date"), g.get("date_end")),
                    }.get(field, g.get(field))
                    have = {
                        "places": f.place_ids,
                        "range": (f.low, f.high),
                        "date": (f.date, f.date_end),
                    }.get(field, getattr(f, field, None))
                    print(f"  {field:9} {d['file']} {g['at']!r}: gold {want!r} got {have!r}")
        if verbose:
            for k, f in enumerate(figs):
                if k not in used:
                    print(f"  SPURIOUS {d['file']}: {doc.text[f.start : f.end]!r} {f.kind} {f.value}")
    return {"gold": n_gold, "pred": n_pred, "match": n_match, "right": right, "asked": asked}


def _prf(correct: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def throughput(docs: list[dict[str, Any]], repeat: int) -> tuple[float, float]:
    """Documents and characters per second of extract_figures (after one warm-up pass)."""
    for d in docs:
        extract_figures(d["document"], d["mentions"], lang=d["lang"], doc_date=d["document"].date)
    chars = sum(len(d["document"].text) for d in docs)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            extract_figures(d["document"], d["mentions"], lang=d["lang"], doc_date=d["document"].date)
    elapsed = time.perf_counter() - t0
    return repeat * len(docs) / elapsed, repeat * chars / elapsed


def report(name: str, res: dict[str, Any]) -> None:
    """Print detection and per-field scores."""
    p, r, f1 = _prf(res["match"], res["pred"], res["gold"])
    print(f"[{name}] gold figures {res['gold']}  predicted {res['pred']}  matched {res['match']}")
    print(f"detection        P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    for field in FIELDS:
        if res["asked"][field] == 0:
            continue
        c = res["right"][field]
        if field == "date":  # only figures whose gold gives a date
            print(f"{field:16} accuracy on {res['asked'][field]} dated matches {c / res['asked'][field]:.3f}")
            continue
        fp, fr, ff = _prf(c, res["pred"], res["gold"])
        print(
            f"{field:16} P {fp:.3f}  R {fr:.3f}  F1 {ff:.3f}  (accuracy on matches {c / max(1, res['match']):.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--verbose", action="store_true", help="print every miss, spurious figure and wrong field"
    )
    ap.add_argument("--repeat", type=int, default=20, help="passes over the corpus for the throughput")
    args = ap.parse_args(argv)
    docs = load_gold()
    for split in ("dev", "test"):
        part = [d for d in docs if d.get("split", "dev") == split]
        if part:
            if args.verbose:
                print(f"--- {split}")
            res = evaluate(part, verbose=args.verbose)
            report(f"{split}: {len(part)} documents", res)
    report(f"all: {len(docs)} documents", evaluate(docs))
    docs_s, chars_s = throughput(docs, args.repeat)
    print(f"throughput       {docs_s:.0f} docs/s  {chars_s / 1000:.0f} kchars/s (extract_figures, warm)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
