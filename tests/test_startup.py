"""Start-up: what one article to a map loads and computes (timed by benchmarks/bench_startup.py, not here)."""

from __future__ import annotations

import bisect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import GeometryCollection, MultiPolygon, Point, Polygon

from geo.gazetteer import Lines
from layers.polyline import decode_ring, encode_polygons, encode_ring

ROOT = Path(__file__).resolve().parents[1]

#: Modules only some runs need (other input formats, exports, clusters, the online geocoder, cache misses):
#: a one-article run to GeoJSON and the map, with the cache warm, must not import them.
LAZY_MODULES = ("dask", "distributed", "trafilatura", "lxml", "pyogrio", "fiona", "dateparser", "geopy",
                "wordfreq", "yaml", "sklearn", "matplotlib")

ARTICLE = ("Kyiv, 3 March 2026. Two brigades moved from Kharkiv towards Zaporizhzhia on Monday, the "
           "general staff said. In Kherson, shelling killed four civilians and wounded 12.\n")


def test_a_one_article_run_imports_none_of_the_optional_modules_and_ends_with_the_collector_frozen(tmp_path):
    """With the cache warm, the command imports only what a map needs; at its exit every object is frozen
    out of the garbage collector's last passes (registered by main() when it is the command, argv None)."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "ATLANTE_CACHE_DIR": str(tmp_path / "cache")}
    run = [str(article), "-o", str(tmp_path / "out"), "-q"]
    subprocess.run([sys.executable, "make_map.py", *run], cwd=ROOT, env=env, check=True)  # fills the cache
    code = ("import atexit, gc, json, sys, make_map; "
            "atexit.register(lambda: print('frozen', gc.get_freeze_count())); "  # runs after main's handler
            "sys.argv = ['make_map.py', *sys.argv[1:]]; status = make_map.main(); "
            "print(json.dumps([status, sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{LAZY_MODULES!r})]))")
    out = subprocess.run([sys.executable, "-c", code, *run], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    *_, result, frozen = out.stdout.strip().splitlines()
    status, imported = json.loads(result)
    assert status == 0 and (tmp_path / "out" / "map.html").is_file()
    assert imported == []
    assert frozen.startswith("frozen ") and int(frozen.split()[1]) > 10_000


@pytest.mark.parametrize("block", [1, 5, 64, Lines.BLOCK])
def test_lines_behave_as_the_list_of_strings(monkeypatch, block):
    monkeypatch.setattr(Lines, "BLOCK", block)
    for text in ("", "a", "a\n", "\n", "a\nb", "kyiv\nlviv\n\nodesa", "\n\n"):
        lines = Lines(text.encode())
        expected = text.split("\n") if text else []
        assert list(lines) == expected and len(lines) == len(expected)
        assert [lines[i] for i in range(len(expected))] == expected
        assert [lines[-i] for i in range(1, len(expected) + 1)] == [expected[-i] for i in range(1, len(expected) + 1)]
        with pytest.raises(IndexError):
            lines[len(expected)]


@pytest.mark.parametrize("block", [1, 7, 100, Lines.BLOCK])
def test_sorted_lines_find_keys_and_prefixes_as_bisection_does(monkeypatch, block):
    monkeypatch.setattr(Lines, "BLOCK", block)
    keys = sorted({"kyiv", "kharkiv", "kherson", "kramatorsk", "lviv", "odesa", "zaporizhzhia", "ðakovo",
                   "dakovo", "new york", "new york city", "nizhyn", "a", "ab", "abc"})
    lines = Lines("\n".join(keys).encode())
    for probe in [*keys, "", "k", "kh", "khe", "new", "new york c", "zz", "zzz", "ð", "0", "lv", "o", "abcd"]:
        i = bisect.bisect_left(keys, probe)
        assert lines.find(probe) == (i if i < len(keys) and keys[i] == probe else -1), probe
        assert lines.first_from(probe) == (keys[i] if i < len(keys) else None), probe
    assert Lines(b"").find("kyiv") == -1 and Lines(b"").first_from("kyiv") is None


def test_polygons_are_encoded_ring_by_ring_as_each_ring_alone():
    """encode_polygons encodes every ring of a geometry in one pass: the same text as each ring alone."""
    square = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    hole = [(2, 2), (4, 2), (4, 4), (2, 2)]
    speck = [(5, 5), (5.0001, 5), (5, 5.0001), (5, 5)]  # fewer than three vertices at 2 decimals
    twice = [(20, 20), (20, 20), (21, 20), (21, 21), (21, 21), (20, 20)]  # repeated vertices
    geom = GeometryCollection([Point(1, 1), MultiPolygon([Polygon(square, [hole, speck]), Polygon(twice),
                                                          Polygon(speck)]), Polygon(twice, [hole])])
    assert encode_polygons(geom, 2) == [[encode_ring(square, 2), encode_ring(hole, 2)], [encode_ring(twice, 2)],
                                        [encode_ring(twice, 2), encode_ring(hole, 2)]]
    assert encode_ring(speck, 2) == ""
    assert decode_ring(encode_polygons(geom, 2)[1][0], 2) == [(20.0, 20.0), (20.0, 21.0), (21.0, 21.0)]
    assert encode_polygons(Polygon(), 2) == [] and encode_polygons(Point(0, 0), 2) == []


def test_coordinates_are_rounded_as_python_rounds_them():
    """layers.export.rounded (numpy) gives the floats of round(v, decimals), near-ties and signs included."""
    import numpy as np

    from layers.export import rounded

    values = np.array([[30.5234565, 50.4500015], [-4e-7, 4e-7], [0.1234565, -0.1234565], [2.675, 1.0000005],
                       [179.9999995, -179.9999995], [12.0, -0.0],
                       [-138.2883795, 69.7042205], [0.735, -0.155]])  # where rint(v * 10**d) / 10**d differs
    for decimals in (0, 2, 5, 6):
        expected = [[round(v, decimals) for v in row] for row in values.tolist()]
        assert json.dumps(rounded(values, decimals).tolist()) == json.dumps(expected)
    assert json.dumps(rounded(np.array([[np.nan, 2e7]]), 6).tolist()) == json.dumps([[float("nan"), 2e7]])
    # many decimals on large values: beyond 2**52 the scaled product no longer holds the integer
    big = np.random.default_rng(7).uniform(1e5, 1e6, 2000)
    for decimals in (10, 12, 15):
        assert rounded(big, decimals).tolist() == [round(v, decimals) for v in big.tolist()]


def test_entities_of_some_kinds_are_those_of_the_kind_column_in_order():
    """Gazetteer.entities(kinds) finds the kinds' rows in the kind column (no Python loop over 200,000 rows)."""
    from geo.gazetteer import KINDS, load_gazetteer

    gaz = load_gazetteer()
    core = gaz._core
    for kinds in (["region"], ["country", "region"], ["other"], ["nope"], []):
        codes = {KINDS.index(k) for k in kinds if k in KINDS}
        assert [e.id for e in gaz.entities(kinds)] == [core.id_of(i) for i in range(core.size) if core.kind[i] in codes]
    regions = [e.kind for e in gaz.entities(["region"])]
    assert len(regions) > 100 and set(regions) == {"region"}
