#!/usr/bin/env python3
"""What the gap to the geoparsing targets is made of, counted on the test split.

For the corpora with coordinates (LGL, GeoWebNews; GeoNames gold only for GeoWebNews, as the
benchmark scores it), among the gold toponyms Atlante finds with the exact span: how many are placed
161 km or more from the gold, by the kind of entity Atlante chose, and which names they are when that
entity is a country, a region or a sea (a right answer at another point), with the accuracy those
would give if they were placed like the gold. For KIND (no coordinates, no split): right, false and
missed spans, false ones by the kind of entity, missed ones that overlap a prediction (a wider or
narrower span), that are hyphenated, or that hold a digit (road codes).

    python benchmarks/gap_breakdown.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
AREAS = ("country", "region", "sea")


def predictions(name: str) -> dict[str, list[dict]]:
    """doc_id -> [{"start", "end", "lat", "lon", "id"}] from the text -> places step."""
    sys.path.insert(0, str(ROOT))
    from geo.dates import find_dateline
    from geo.documents import read_jsonl
    from geo.gazetteer import load_gazetteer
    from geo.language import detect_language
    from geo.pipeline import find_places

    gaz = load_gazetteer()
    out = {}
    for doc in read_jsonl(EVAL / name / "docs.jsonl"):
        lang = doc.lang or detect_language(doc.text)
        found = find_places(doc, lang=lang, gazetteer=gaz, dateline=find_dateline(doc.text, lang))
        out[doc.doc_id] = [{"start": m.start, "end": m.end, "lat": m.entity.lat if m.entity else None,
                            "lon": m.entity.lon if m.entity else None, "id": m.entity.id if m.entity else ""}
                           for m in found]
    return out


def resolution_gap(name: str, geonames_only: bool) -> None:
    sys.path.insert(0, str(EVAL))
    from score import haversine_km

    preds = predictions(name)
    matched, misses, kinds, names = 0, 0, Counter(), Counter()
    for line in (EVAL / name / "docs.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc.get("split_m3") != "test":
            continue
        by_span = {(p["start"], p["end"]): p for p in preds[doc["doc_id"]] if p["lat"] is not None}
        for gold in doc["gold"]:
            if gold.get("lat") is None or (geonames_only and not gold.get("geonameid")):
                continue
            p = by_span.get((gold["start"], gold["end"]))
            if p is None:
                continue
            matched += 1
            if haversine_km(gold["lat"], gold["lon"], p["lat"], p["lon"]) >= 161:
                misses += 1
                kind = p["id"].split(":")[0]
                kinds[kind] += 1
                if kind in AREAS:
                    names[gold["name"]] += 1
    areas = sum(names.values())
    print(f"{name}: {matched} gold toponyms found with the exact span, {misses} placed 161 km or more away "
          f"(acc {1 - misses / matched:.3f})")
    print(f"  by the kind Atlante chose: {dict(kinds.most_common())}")
    print(f"  countries, regions, seas among them ({areas}): {dict(names.most_common())}")
    print(f"  acc if those were placed like the gold: {1 - (misses - areas) / matched:.3f}")


def recognition_gap() -> None:
    name = "kind_it_dev"
    preds = predictions(name)
    right = false = missed = 0
    false_kinds, missed_kinds = Counter(), Counter()
    for line in (EVAL / name / "docs.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        gold = {(g["start"], g["end"]) for g in doc["gold"]}
        spans = {(p["start"], p["end"]): p for p in preds[doc["doc_id"]]}
        for span, p in spans.items():
            if span in gold:
                right += 1
            else:
                false += 1
                false_kinds[p["id"].split(":")[0] or "unresolved"] += 1
        for a, b in gold - spans.keys():
            missed += 1
            text = doc["text"][a:b]
            if any(s < b and a < e for s, e in spans):
                missed_kinds["overlaps a prediction"] += 1
            elif "-" in text:
                missed_kinds["hyphenated"] += 1
            elif any(ch.isdigit() for ch in text):
                missed_kinds["holds a digit"] += 1
            else:
                missed_kinds["other"] += 1
    print(f"{name}: {right} right, {false} false, {missed} missed (exact spans)")
    print(f"  false, by the kind Atlante chose: {dict(false_kinds.most_common())}")
    print(f"  missed: {dict(missed_kinds.most_common())}")


def main() -> int:
    if not EVAL.is_dir():
        print(f"eval corpora not found at {EVAL}", file=sys.stderr)
        return 2
    resolution_gap("lgl", geonames_only=False)
    resolution_gap("geowebnews", geonames_only=True)
    recognition_gap()
    return 0


if __name__ == "__main__":
    sys.exit(main())
