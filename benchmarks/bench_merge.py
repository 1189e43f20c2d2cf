#!/usr/bin/env python3
"""Pairwise precision / recall / F1 of the merge of reports into events (geo/consolidate.py).

The reports are written facts (``benchmarks/merge/clusters.yaml``): several reports per fact in
several languages with rewordings, roundings and partial overlaps, and look-alike facts of
their own (other date, place, kind, status or value).  They become rows of a figures frame,
are merged by :func:`layers.consolidated.events_frame` as a run merges them, and every pair of
reports is scored: a true positive is a pair in one event that reports one fact.  The reports
are fed in several shuffled orders (the merge is greedy in input order); the numbers of each
order and the worst are printed.

    python benchmarks/bench_merge.py [--orders 5]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import yaml
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.gazetteer import load_gazetteer  # noqa: E402
from layers.consolidated import events_frame  # noqa: E402
from layers.frames import FIGURE_COLUMNS  # noqa: E402

DATA = Path(__file__).resolve().parent / "merge" / "clusters.yaml"


def load_reports(path: Path = DATA) -> list[dict]:
    """Every report of the clusters file, with its fact's name under ``fact``."""
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    return [dict(r, fact=name) for name, reports in facts.items() for r in reports]


def figures_of(reports: list[dict], gazetteer) -> gpd.GeoDataFrame:
    """The reports as a figures frame (the columns of ``figures.geojson``)."""
    rows = []
    for i, r in enumerate(reports):
        entities = [gazetteer.get(p) for p in r["places"]]
        rows.append({
            "figure_id": f"{r['doc']}:r{i}", "kind": r["kind"], "value": int(r["value"]), "low": r.get("low"),
            "high": r.get("high"), "qualifier": r.get("qualifier", "exact"), "status": r.get("status", "current"),
            "places": [e.name for e in entities], "place_ids": list(r["places"]), "date": str(r["date"]),
            "quote": r["quote"], "document": r["doc"], "start": 0, "end": 0, "source": None, "per_unit": False,
            "date_end": None, "unit": None,
        })
    data = {c: pd.Series([row.get(c) for row in rows], dtype={"low": "Int64", "high": "Int64"}.get(c, object))
            for c in FIGURE_COLUMNS}
    for c in ("value", "start", "end"):
        data[c] = data[c].astype("int64")
    data["per_unit"] = data["per_unit"].astype(bool)
    geometry = [Point(gazetteer.get(r["places"][0]).lon, gazetteer.get(r["places"][0]).lat) for r in reports]
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")


def pairwise(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against the gold one."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold, same_pred = gold[i] == gold[j], predicted[i] == predicted[j]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=5, help="shuffled input orders besides the file's (default 5)")
    a = ap.parse_args()
    gazetteer = load_gazetteer()
    reports = load_reports()
    facts = {r["fact"] for r in reports}
    print(f"{len(reports)} reports of {len(facts)} facts, "
          f"{sum(1 for _ in itertools.combinations(reports, 2))} pairs")
    scores = []
    for seed in range(a.orders + 1):
        order = list(reports)
        if seed:
            random.Random(seed).shuffle(order)
        events, figures = events_frame(figures_of(order, gazetteer), gazetteer)
        p, r, f = pairwise([x["fact"] for x in order], list(figures["event_id"]))
        scores.append((p, r, f))
        print(f"order {seed}: {len(events)} events  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    worst = min(scores, key=lambda s: s[2])
    mean = [sum(s[k] for s in scores) / len(scores) for k in range(3)]
    print(f"mean:  precision {mean[0]:.3f}  recall {mean[1]:.3f}  F1 {mean[2]:.3f}")
    print(f"worst: precision {worst[0]:.3f}  recall {worst[1]:.3f}  F1 {worst[2]:.3f}  (target >= 0.90 / 0.90)")


if __name__ == "__main__":
    main()
