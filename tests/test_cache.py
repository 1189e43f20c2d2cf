"""Start-up caches: compiled lexicons, word frequencies, gunzipped gazetteer files, the basemap."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq
import yaml

import geo.lexicons
from geo import frequencies
from geo.cache import KEEP, cache_dir, cached_data, fingerprint
from layers.polyline import encode_ring

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ATLANTE_CACHE_DIR", str(folder))
    return folder


def test_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ATLANTE_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.setenv("ATLANTE_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("ATLANTE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "atlante"


def test_data_is_built_once_then_read_back(cache):
    calls = []

    def build():
        calls.append(1)
        return {"words": ["Kyiv", "Vilnius"], "n": 2}

    assert cached_data("demo", "k1", build) == {"words": ["Kyiv", "Vilnius"], "n": 2}
    os.utime(cache / "demo-k1.marshal", (1_000_000, 1_000_000))
    assert cached_data("demo", "k1", build) == {"words": ["Kyiv", "Vilnius"], "n": 2}
    assert len(calls) == 1
    # A new key (an edited source) compiles again; only the newest entries of a name are kept.
    for k, key in enumerate(["k2", "k3", "k4"], start=1):
        cached_data("demo", key, build)
        os.utime(cache / f"demo-{key}.marshal", (1_000_000 + k, 1_000_000 + k))
    assert len(calls) == 4
    cached_data("demo", "k5", build)
    assert sorted(p.name for p in cache.iterdir()) == [f"demo-k{k}.marshal" for k in range(6 - KEEP, 6)]


def test_a_damaged_entry_is_compiled_again(cache):
    cached_data("demo", "k", lambda: [1, 2, 3])
    (cache / "demo-k.marshal").write_bytes(b"\x00garbage")
    assert cached_data("demo", "k", lambda: [1, 2, 3]) == [1, 2, 3]
    assert marshal.loads((cache / "demo-k.marshal").read_bytes()) == [1, 2, 3]


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ATLANTE_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    assert cached_data("demo", "k", lambda: {"a": 1}) == {"a": 1}
    monkeypatch.setenv("ATLANTE_CACHE_DIR", "")
    assert cached_data("demo", "k", lambda: {"a": 2}) == {"a": 2}


def test_fingerprint_changes_with_a_file_and_its_folder(tmp_path):
    (tmp_path / "it").mkdir()
    (tmp_path / "fr").mkdir()
    a, b = tmp_path / "it" / "places.yaml", tmp_path / "fr" / "places.yaml"
    a.write_text("locative: [a]\n", encoding="utf-8")
    b.write_text("locative: [a]\n", encoding="utf-8")
    first = fingerprint([a])
    assert fingerprint([a]) == first
    assert fingerprint([b]) != first  # same name and text, another language
    a.write_text("locative: [a, in]\n", encoding="utf-8")
    assert fingerprint([a]) != first
    assert fingerprint([b], extra=["6.0.3"]) != fingerprint([b])


def test_lexicons_through_the_cache_equal_the_yaml(cache):
    geo.lexicons._all_lexicons.cache_clear()
    try:
        compiled = geo.lexicons._all_lexicons()
        assert [p.name for p in cache.glob("lexicons-*.marshal")]
        geo.lexicons._all_lexicons.cache_clear()
        again = geo.lexicons._all_lexicons()  # read back from the file
        files = sorted(geo.lexicons.LEXICON_DIR.glob("*/*.yaml"))
        assert len(again) == len(files)
        for path in files:
            assert again[f"{path.parent.name}/{path.stem}"] == yaml.safe_load(path.read_text(encoding="utf-8"))
        assert again == compiled
    finally:
        geo.lexicons._all_lexicons.cache_clear()


WORDS = ["council", "paris", "the", "vasto", "split", "bend", "qzxqzxq", "arnold", "citta", "città", "o'neil",
         "new york", "f16", "mages", "lindsay", "zaporizhzhia"]


@pytest.mark.parametrize("lang", ["en", "it"])
def test_word_frequencies_from_the_table_are_wordfreqs(cache, lang):
    frequencies._table.cache_clear()
    try:
        for word in WORDS:
            assert frequencies.zipf(word, lang) == wordfreq.zipf_frequency(word, lang), word
        assert frequencies._table(lang, os.getpid()) is not None
        assert list(cache.glob(f"wordfreq-{lang}-*.sqlite"))
    finally:
        frequencies._table.cache_clear()


def test_word_frequencies_without_a_cache_ask_wordfreq(monkeypatch):
    monkeypatch.setenv("ATLANTE_CACHE_DIR", "")
    frequencies._table.cache_clear()
    try:
        assert frequencies._table("en", os.getpid()) is None
        assert frequencies.zipf("council", "en") == wordfreq.zipf_frequency("council", "en")
    finally:
        frequencies._table.cache_clear()


def test_wordfreq_languages_are_read_without_importing_it():
    assert frequencies.languages() == frozenset(wordfreq.available_languages())


def test_polyline_matches_the_format_reference():
    # The example of the encoded polyline format's documentation: (38.5, -120.2), (40.7, -120.95), (43.252, -126.453).
    ring = [(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252), (-120.2, 38.5)]
    assert encode_ring(ring, 5) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def test_a_second_run_reads_the_cache_and_writes_the_same_outputs(tmp_path):
    env = {**os.environ, "ATLANTE_CACHE_DIR": str(tmp_path / "cache")}
    sample = str(ROOT / "samples" / "it_kosovo_kfor.txt")
    outs = []
    for k in range(2):
        out = tmp_path / f"out{k}"
        subprocess.run([sys.executable, str(ROOT / "make_map.py"), sample, "-o", str(out), "-q"], check=True, env=env)
        outs.append(out)
    names = {p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()}
    assert {"lexicons", "basemap", "gazetteer", "templates", "coords", "yaml"} <= names
    for name in ("places.geojson", "figures.geojson", "mentions.jsonl", "map.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_arrays_are_computed_once_then_mapped_from_the_file(cache):
    import numpy as np

    from geo.cache import cached_array

    calls = []

    def build():
        calls.append(1)
        return np.cumsum(np.arange(12, dtype=np.int64).reshape(-1, 2), axis=0) / 1e6

    first = cached_array("demo-coords", "file:1:2", build)
    again = cached_array("demo-coords", "file:1:2", build)
    assert len(calls) == 1
    assert again.dtype == first.dtype and again.shape == first.shape and (again == first).all()
    next(cache.glob("demo-coords-*.npy")).write_bytes(b"damaged")
    assert (cached_array("demo-coords", "file:1:2", build) == first).all()
    assert len(calls) == 2


def test_gazetteer_geometries_through_the_cache_are_the_decoded_ones(cache):
    from geo.gazetteer import GEOMETRY_FILES, _decode_geometries, load_gazetteer, read_container

    gaz = load_gazetteer()
    path = gaz._core.data_dir / GEOMETRY_FILES["country"]
    _, sections = read_container(path)
    plain = _decode_geometries(sections, gaz._core.geometry_scale)[1].coords
    for _ in range(2):  # computed, then read back
        cached = _decode_geometries(sections, gaz._core.geometry_scale, ("coords-test", f"{path}:1"))[1].coords
        assert cached.dtype == plain.dtype and (cached == plain).all()
    assert len(list(cache.glob("coords-test-*.npy"))) == 1


TEMPLATE_SCRIPT = """
import sys, jinja2
from geo.cache import cache_templates
print(cache_templates())
parses = []
original = jinja2.Environment._parse
jinja2.Environment._parse = lambda self, *a: parses.append(1) or original(self, *a)
print(jinja2.Template("{{ n }} {% for p in places %}{{ p|upper }};{% endfor %}").render(n=2, places=["a", "b"]))
print(len(parses))
"""


def test_templates_are_compiled_once_then_read_from_the_cache(cache):
    env = {**os.environ, "ATLANTE_CACHE_DIR": str(cache)}
    runs = [subprocess.run([sys.executable, "-c", TEMPLATE_SCRIPT], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout.split("\n") for _ in range(2)]
    assert runs[0][:3] == ["True", "2 A;B;", "1"]  # compiled, stored at exit
    assert runs[1][:3] == ["True", "2 A;B;", "0"]  # read back: no parsing, the same text
    assert len(list(cache.glob("templates-*.marshal"))) == 1
    env["ATLANTE_CACHE_DIR"] = ""
    off = subprocess.run([sys.executable, "-c", TEMPLATE_SCRIPT], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    assert off[:3] == ["False", "2 A;B;", "1"]


def test_project_yaml_files_are_read_through_the_cache(cache, tmp_path):
    from geo.lexicons import read_yaml

    weights = ROOT / "geo" / "data" / "weights" / "roles.yaml"
    assert read_yaml(weights) == yaml.safe_load(weights.read_text(encoding="utf-8"))
    assert read_yaml(weights) == yaml.safe_load(weights.read_text(encoding="utf-8"))  # read back
    assert list(cache.glob("yaml-weights-roles-*.marshal"))
    elsewhere = tmp_path / "mine.yaml"
    elsewhere.write_text("a: [1, 2]\n", encoding="utf-8")
    assert read_yaml(elsewhere) == {"a": [1, 2]}
    assert not list(cache.glob("yaml-*-mine-*"))  # a file outside the project is parsed, not kept


def test_data_compiled_from_the_lexicons_is_kept_under_their_hash(cache, monkeypatch, tmp_path):
    from geo.cues import _all_first_names
    from geo.lexicons import compiled

    calls = []

    def build():
        calls.append(1)
        return frozenset({"anna", "marco"})

    source = ROOT / "geo" / "cues.py"
    assert compiled("demo-names", build, source) == compiled("demo-names", build, source) == {"anna", "marco"}
    assert len(calls) == 1 and len(list(cache.glob("demo-names-*.marshal"))) == 1
    monkeypatch.setattr(geo.lexicons, "LEXICON_DIR", tmp_path)  # other lexicons (a test's): compiled now
    assert compiled("demo-names", build, source) == {"anna", "marco"} and len(calls) == 2
    monkeypatch.undo()
    _all_first_names.cache_clear()
    try:
        names = _all_first_names()
        assert {"marco", "vjaceslav"} <= names  # folded ("Vjačeslav")
        _all_first_names.cache_clear()
        assert _all_first_names() == names  # read back from the cache
    finally:
        _all_first_names.cache_clear()
