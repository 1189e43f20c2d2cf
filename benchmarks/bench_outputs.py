#!/usr/bin/env python3
"""Output sizes: bytes per figure of ``figures.geojson`` and the size of ``places.geojson``.

    python benchmarks/bench_outputs.py [--figures 10000] [--per-doc 20] [--seed 0]

The corpus is made up but its places are real: each figure applies to one to three places of the
embedded gazetteer (half of them cities, the rest countries and admin-1 units, drawn with a seed),
so the outlines are the real borders.  The frames are built as ``make_map.py`` builds them and
written with :func:`layers.export.write_geojson`.  Target (issue 16): at most 2 KB per figure on
average, the places' outlines written once, in ``places.geojson``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.gazetteer import load_gazetteer  # noqa: E402
from geo.model import Document, Figure, Mention, ParsedDocument  # noqa: E402
from layers.export import write_geojson  # noqa: E402
from layers.frames import figures_frame, places_frame  # noqa: E402

KINDS = ("troops", "incidents", "killed", "wounded")


def corpus(gazetteer, n_figures: int, per_doc: int = 20, seed: int = 0) -> list[ParsedDocument]:
    """Parsed documents with ``n_figures`` figures over real places (see the module docstring)."""
    rng = random.Random(seed)
    cities = sorted((e for e in gazetteer.entities(["city"]) if e.population >= 100_000), key=lambda e: e.id)
    areas = sorted(gazetteer.entities(["country", "admin1"]), key=lambda e: e.id)
    parsed: list[ParsedDocument] = []
    made = 0
    while made < n_figures:
        doc_id = f"doc-{len(parsed):05d}"
        text, mentions, figures = "", [], []
        for _ in range(min(per_doc, n_figures - made)):
            places = [rng.choice(cities) if rng.random() < 0.5 else rng.choice(areas)
                      for _ in range(rng.choice((1, 1, 1, 2, 3)))]
            start = len(text)
            value = rng.choice((3, 12, 40, 250, 1000, 5000))
            sentence = f"{value} {KINDS[made % 4]} were reported in " + " and ".join(e.name for e in places) + "."
            text += sentence + " "
            at = start + sentence.index(" in ") + 4
            for e in places:
                mentions.append(Mention(doc_id, at, at + len(e.name), e.name, e, "incident", 0.9, start,
                                        start + len(sentence)))
                at += len(e.name) + 5
            figures.append(Figure(doc_id, KINDS[made % 4], value, start, start + len(str(value)), sentence,
                                  quote_start=start, place_ids=[e.id for e in places],
                                  places=[e.name for e in places], date="2026-01-05",
                                  figure_id=f"{doc_id}:f{len(figures) + 1}"))
            made += 1
        parsed.append(ParsedDocument(Document(doc_id, text), "en", dt.date(2026, 1, 5), mentions, figures))
    return parsed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--figures", type=int, default=10_000)
    p.add_argument("--per-doc", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    gazetteer = load_gazetteer()
    parsed = corpus(gazetteer, args.figures, args.per_doc, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        places, figures = places_frame(parsed, gazetteer), figures_frame(parsed, gazetteer)
        t1 = time.perf_counter()
        write_geojson(places, Path(tmp) / "places.geojson")
        write_geojson(figures, Path(tmp) / "figures.geojson")
        t2 = time.perf_counter()
        fig_bytes = (Path(tmp) / "figures.geojson").stat().st_size
        place_bytes = (Path(tmp) / "places.geojson").stat().st_size
    print(f"{len(parsed)} documents, {len(figures)} figures over {len(places)} places "
          f"({(places.geom_type != 'Point').sum()} with outlines)")
    print(f"figures.geojson  {fig_bytes / 1e6:8.2f} MB  {fig_bytes / max(len(figures), 1):7.0f} bytes per figure "
          f"(target <= 2048)")
    print(f"places.geojson   {place_bytes / 1e6:8.2f} MB  {place_bytes / max(len(places), 1):7.0f} bytes per place")
    print(f"frames {t1 - t0:.1f} s, GeoJSON {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
