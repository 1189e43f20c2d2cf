#!/usr/bin/env python3
"""Which point for a country agrees best with the corpora's gold? (a measurement, not a tuning)

LGL and GeoWebNews give GeoNames' coordinates for every toponym, countries included (Canada at
60.1 N 113.6 W, Japan at Tokyo). GeoNames' country points are not in ``../shared/data``; this script
compares the points that the shared data does allow, for the gold toponyms of the train splits whose
text is a country's name:

* ``atlante``: the gazetteer's point (world-countries ``latlng``), what Atlante uses;
* ``ne_label``: Natural Earth's label point;
* ``centroid`` / ``representative``: of the Natural Earth polygon;
* ``capital``: the capital city's point.

    python benchmarks/country_points.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NE_COUNTRIES = (SHARED / "data" / "natural_earth" / "admin0_10m_default_pov"
                / "ne_10m_admin_0_countries_default_5.1.2.gpkg")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(SHARED / "eval"))
    import geopandas as gpd
    import score  # the shared scorer: its split and distance functions

    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    ne = gpd.read_file(NE_COUNTRIES)
    shapes = {row.ISO_A2_EH: row for row in ne.itertuples()}
    capitals = {e.capital_of: e for e in gaz.entities() if e.kind == "city" and e.capital_of}
    hits, total = Counter(), Counter()
    for corpus in ("lgl", "geowebnews"):
        for doc in score.load_gold(str(SHARED / "eval" / corpus / "docs.jsonl"), "train"):
            for gold in doc["gold"]:
                if gold.get("lat") is None:
                    continue
                countries = gaz.lookup(gold["name"], kinds=["country"], limit=1)
                if not countries:
                    continue
                c = countries[0]
                points = {"atlante": (c.lat, c.lon)}
                row = shapes.get(c.country)
                if row is not None:
                    points["ne_label"] = (row.LABEL_Y, row.LABEL_X)
                    points["centroid"] = (row.geometry.centroid.y, row.geometry.centroid.x)
                    rp = row.geometry.representative_point()
                    points["representative"] = (rp.y, rp.x)
                if c.country in capitals:
                    points["capital"] = (capitals[c.country].lat, capitals[c.country].lon)
                for method, (lat, lon) in points.items():
                    total[method] += 1
                    hits[method] += score.haversine_km(gold["lat"], gold["lon"], lat, lon) < 161
    print("point used for a country     gold country mentions within 161 km (train splits of LGL and GeoWebNews)")
    for method in ("atlante", "ne_label", "centroid", "representative", "capital"):
        if total[method]:
            print(f"  {method:26s} {hits[method]:5d} of {total[method]:5d} = {hits[method] / total[method]:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
