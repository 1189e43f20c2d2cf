"""The command-line contract: inputs, the four outputs and their fields, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import make_map
from geo.model import FIGURE_KINDS, PLACE_KINDS, QUALIFIERS, ROLES, STATUSES

ROOT = Path(__file__).resolve().parents[1]
PLACE_FIELDS = {"place_id", "name", "kind", "country", "roles", "mentions", "surfaces", "documents", "confidence"}
FIGURE_FIELDS = {"figure_id", "kind", "value", "low", "high", "qualifier", "status", "places", "place_ids", "date",
                 "quote", "document", "start", "end", "source"}
TOPONYM_FIELDS = {"start", "end", "surface", "place_id", "name", "kind", "country", "lat", "lon", "role",
                  "confidence"}


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples_out")
    assert make_map.main(["-o", str(out), "-q"]) == 0
    return out


def _features(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    return data["features"]


def test_default_run_writes_the_four_outputs(samples_out):
    for name in make_map.OUTPUT_FILES:
        assert (samples_out / name).stat().st_size > 0, name
    assert "leaflet" in (samples_out / "map.html").read_text(encoding="utf-8").lower()


def test_places_geojson_fields(samples_out):
    feats = _features(samples_out / "places.geojson")
    assert len(feats) >= 15
    ids = [f["properties"]["place_id"] for f in feats]
    assert len(ids) == len(set(ids)), "one feature per distinct place"
    for f in feats:
        p = f["properties"]
        assert set(p) >= PLACE_FIELDS
        assert p["kind"] in PLACE_KINDS
        assert p["roles"] and set(p["roles"]) <= set(ROLES)
        assert p["mentions"] >= 1 and p["surfaces"] and p["documents"]
        assert 0.0 <= p["confidence"] <= 1.0
        expected = "Point" if p["kind"] in ("city", "other") else ("Polygon", "MultiPolygon")
        assert f["geometry"]["type"] in expected, (p["name"], f["geometry"]["type"])
        if p["kind"] == "country":
            assert len(p["country"]) == 2


def test_figures_geojson_fields(samples_out):
    feats = _features(samples_out / "figures.geojson")
    assert len(feats) >= 8
    ids = [f["properties"]["figure_id"] for f in feats]
    assert len(ids) == len(set(ids))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "samples").glob("*.txt")}
    for f in feats:
        p = f["properties"]
        assert set(p) >= FIGURE_FIELDS
        assert p["kind"] in FIGURE_KINDS and p["qualifier"] in QUALIFIERS and p["status"] in STATUSES
        assert isinstance(p["value"], int)
        text = texts[p["document"]]
        assert p["quote"] in text
        assert text[p["start"] : p["end"]] in p["quote"]
        assert len(p["places"]) == len(p["place_ids"])


def test_mentions_jsonl_offsets_point_into_the_text(samples_out):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "samples").glob("*.txt")}
    lines = [json.loads(line) for line in (samples_out / "mentions.jsonl").read_text().splitlines()]
    assert {line["doc_id"] for line in lines} == set(texts)
    for line in lines:
        for t in line["toponyms"]:
            assert set(t) >= TOPONYM_FIELDS
            assert texts[line["doc_id"]][t["start"] : t["end"]] == t["surface"]
            assert t["role"] in ROLES


def test_jsonl_input_uses_doc_ids_and_offsets_into_text(tmp_path):
    src = tmp_path / "docs.jsonl"
    rows = [
        {"doc_id": "a1", "text": "Le truppe sono arrivate in Polonia e in Romania.", "date": "2026-02-01",
         "extra": "ignored"},
        {"doc_id": "b2", "text": "Troops arrived in Estonia on Monday.", "lang": "en"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q"]) == 0
    lines = {d["doc_id"]: d for d in map(json.loads, (out / "mentions.jsonl").read_text().splitlines())}
    assert set(lines) == {"a1", "b2"}
    names = {t["name"] for t in lines["a1"]["toponyms"]}
    assert {"Poland", "Romania"} <= names
    for doc_id, row in zip(("a1", "b2"), rows, strict=True):
        for t in lines[doc_id]["toponyms"]:
            assert row["text"][t["start"] : t["end"]] == t["surface"]


def test_stdin_html_and_folder_inputs(tmp_path, monkeypatch):
    import io

    (tmp_path / "pages").mkdir()
    html = tmp_path / "pages" / "page.html"
    html.write_text("<html><head><title>Border report</title><script>var x = 'Paris';</script></head>"
                    "<body><p>Soldiers were sent to Lithuania.</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    assert make_map.main([str(tmp_path / "pages"), "-o", str(out), "-q"]) == 0
    line = json.loads((out / "mentions.jsonl").read_text().splitlines()[0])
    assert line["doc_id"] == "page"
    assert [t["name"] for t in line["toponyms"]] == ["Lithuania"], "script content is not text"

    monkeypatch.setattr(sys, "stdin", io.StringIO("Attacks were reported near Kharkiv yesterday."))
    out2 = tmp_path / "out2"
    assert make_map.main(["-", "-o", str(out2), "-q"]) == 0
    line = json.loads((out2 / "mentions.jsonl").read_text())
    assert line["doc_id"] == "stdin" and line["toponyms"][0]["surface"] == "Kharkiv"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "no such file"),
        (["binary.txt"], "binary"),
        (["empty.txt"], "empty.txt: empty file, no text"),
        (["blank.jsonl"], "blank.jsonl: the input holds no text"),
        (["ok.txt", "--lang", "xx"], "unknown --lang"),
        (["ok.txt", "--format", "shp"], "unknown --format"),
        (["bad.jsonl"], "not valid JSON"),
        (["notes.docx"], "unsupported file type"),
    ],
)
def test_bad_input_fails_cleanly_and_keeps_outputs(tmp_path, args, message):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Troops in Poland.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "x", "text": "a"}\n{oops\n', encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "blank.jsonl").write_text('{"doc_id": "b", "text": "  "}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("earlier map", encoding="utf-8")
    (out / "mine.txt").write_text("user file", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "make_map.py"), *args, "-o", str(out)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert message in err
    assert (out / "map.html").read_text(encoding="utf-8") == "earlier map"
    assert (out / "mine.txt").read_text(encoding="utf-8") == "user file"


def test_an_empty_file_of_a_folder_is_skipped_with_a_warning(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Troops arrived in Poland.", encoding="utf-8")
    (src / "b.txt").write_text("\n  \n", encoding="utf-8")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q", "--lang", "EN"]) == 0  # any case of a language code
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == f"make_map.py: warning: {src / 'b.txt'}: empty file, no text; skipped"
    assert len(err) == 2 and "skipped 1 bad input file(s)" in err[1]
    docs = [json.loads(line)["doc_id"] for line in (out / "mentions.jsonl").read_text().splitlines()]
    assert docs == ["a"]


def test_help_says_what_is_read_written_and_the_exit_statuses():
    text = make_map.build_parser().format_help()
    for word in (".txt", ".html", ".htm", ".jsonl.gz", "folders", "map.html", "manifest.json", "exit status",
                 "2 bad input"):
        assert word in text, word


def test_messages_name_the_command_as_it_was_run(tmp_path):
    atlante = Path(sys.executable).parent / "atlante"  # the installed entry point (pip install -e .)
    proc = subprocess.run([str(atlante), "x.txt", "--lang", "xx", "-o", str(tmp_path / "out")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("atlante: error: unknown --lang 'xx'"), proc.stderr


def test_success_replaces_only_its_own_outputs(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Rinforzi inviati in Lettonia.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("old", encoding="utf-8")
    (out / "notes.md").write_text("keep me", encoding="utf-8")
    assert make_map.main([str(src), "-o", str(out), "-q"]) == 0
    assert (out / "map.html").read_text(encoding="utf-8") != "old"
    assert (out / "notes.md").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == sorted([*make_map.OUTPUT_FILES, "notes.md"])


def test_outdir_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "out"
    target.write_text("a file", encoding="utf-8")
    assert make_map.main([str(ROOT / "samples"), "-o", str(target), "-q"]) == 2
    assert target.read_text(encoding="utf-8") == "a file"


def test_online_geocoding_is_opt_in_cached_and_fills_names_the_gazetteer_lacks(tmp_path, monkeypatch):
    from tests.nominatim_stub import NominatimStub

    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)  # the stub is on 127.0.0.1: no proxy in between

    src = tmp_path / "doc.txt"
    src.write_text("Deputies in Laurel County arrested two men near London, Kentucky.", encoding="utf-8")
    county = {"place_id": 7, "osm_type": "relation", "osm_id": 1700, "lat": "37.11", "lon": "-84.12",
              "display_name": "Laurel County, Kentucky, United States", "name": "Laurel County",
              "addresstype": "county", "type": "administrative", "address": {"country_code": "us"}}
    with NominatimStub(places=[county]) as stub:
        offline = tmp_path / "offline"
        assert make_map.main([str(src), "-o", str(offline), "-q"]) == 0
        assert stub.requests == [], "nothing touches the network unless asked"
        line = json.loads((offline / "mentions.jsonl").read_text())
        assert {t["surface"]: t["place_id"] for t in line["toponyms"]}["Laurel County"] is None

        args = [str(src), "-q", "--online", "--user-agent", "atlante-tests/0.1 (tests@example.org)",
                "--geocoder-url", f"http://{stub.domain}", "--geocoder-cache", str(tmp_path / "cache.sqlite")]
        assert make_map.main([*args, "-o", str(tmp_path / "online")]) == 0
        line = json.loads((tmp_path / "online" / "mentions.jsonl").read_text())
        laurel = next(t for t in line["toponyms"] if t["surface"] == "Laurel County")
        assert (laurel["place_id"], laurel["lat"], laurel["lon"]) == ("osm:relation:1700", 37.11, -84.12)
        asked = len(stub.requests)
        assert asked == 1
        assert make_map.main([*args, "-o", str(tmp_path / "again")]) == 0
        assert len(stub.requests) == asked, "the second run is served from the cache"


def test_online_geocoding_needs_a_user_agent(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("Troops in Laurel County.", encoding="utf-8")
    assert make_map.main([str(src), "-o", str(tmp_path / "out"), "-q", "--online"]) == 2
    assert not (tmp_path / "out").exists()


def test_online_with_the_geocoder_unreachable_warns_and_completes_offline(tmp_path):
    from tests.nominatim_stub import closed_port

    src = tmp_path / "doc.txt"
    src.write_text("Deputies in Laurel County and Rockcastle County arrested two men near London, Kentucky.",
                   encoding="utf-8")
    cache = tmp_path / "cache" / "geocode.sqlite"
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "make_map.py"), str(src), "-o", str(out), "-q", "--online",
         "--user-agent", "atlante-tests/0.1 (tests@example.org)", "--geocoder-url", f"http://{closed_port()}",
         "--geocoder-cache", str(cache)],
        capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "NO_PROXY": "*"})
    assert proc.returncode == 0, proc.stderr
    warnings = proc.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("make_map.py: warning: ") for w in warnings)
    assert "GeocoderUnavailable" in warnings[0] and "going on offline" in warnings[0]
    assert "2 name(s) the gazetteer lacks stayed unresolved" in warnings[1]
    assert all((out / name).is_file() for name in make_map.OUTPUT_FILES)
    line = json.loads((out / "mentions.jsonl").read_text())
    assert {t["surface"] for t in line["toponyms"] if t["place_id"] is None} == {"Laurel County", "Rockcastle County"}
    assert not cache.exists() and not cache.parent.exists(), "no cache file when nothing was looked up"


def test_online_with_nothing_to_look_up_creates_no_cache(tmp_path):
    from tests.nominatim_stub import NominatimStub

    src = tmp_path / "doc.txt"
    src.write_text("Troops arrived in Estonia and Latvia.", encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    with NominatimStub() as stub:
        assert make_map.main([str(src), "-o", str(tmp_path / "out"), "-q", "--online", "--user-agent",
                              "atlante-tests/0.1 (tests@example.org)", "--geocoder-url", f"http://{stub.domain}",
                              "--geocoder-cache", str(cache)]) == 0
        assert stub.requests == []
    assert not cache.exists()


def test_the_collector_is_back_on_and_unfrozen_after_a_run(tmp_path):
    import gc

    # make_map turns the collector off while the libraries load, then freezes what they made
    sample = str(ROOT / "samples" / "en_zaporizhzhia_front.txt")
    assert make_map.main([sample, "-o", str(tmp_path / "o"), "-q"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:  # a caller's collector, turned off, stays off
        assert make_map.main([sample, "-o", str(tmp_path / "p"), "-q"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
