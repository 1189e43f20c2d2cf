"""The folium map built in Python: words, languages, layers, assets, escaping (no browser here)."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import replace

import folium
import pandas as pd
import pytest
import yaml

from geo.model import Document
from layers import style
from layers.assets import asset_text
from layers.basemap import countries_layer
from layers.frames import figures_frame, places_frame
from layers.map import (
    MAX_TOTAL_ENTRIES,
    AtlanteLayers,
    MapFigures,
    build_map,
    figure_records,
    save_map,
    script_json,
    script_json_chunks,
)
from layers.polyline import decode_ring, encode_polygons, encode_ring
from layers.popups import figure_entry, quote_parts, quote_span, safe_href
from layers.strings import (
    I18N_DIR,
    available_languages,
    choose_language,
    format_date,
    format_number,
    load_strings,
    place_names,
)
from layers.synthetic import HOSTILE_SNIPPETS, demo_documents, reported_again, synthetic_corpus
from layers.words import figure_phrase, group_phrase

TROOPS_NOW = {"kind": "troops", "value": 12000, "qualifier": "approx", "status": "current"}
TROOPS_LATER = {"kind": "troops", "value": 20000, "qualifier": "up_to", "status": "planned"}


@pytest.fixture(scope="module")
def frames(demo_parsed, demo_gaz):
    return places_frame(demo_parsed, demo_gaz), figures_frame(demo_parsed, demo_gaz)


def _build(frames, demo_parsed, demo_gaz, **kwargs):
    return build_map(*frames, documents=[p.document for p in demo_parsed], gazetteer=demo_gaz, **kwargs)


def _data(m):
    return next(c for c in m._children.values() if isinstance(c, AtlanteLayers)).data


@pytest.fixture(scope="module")
def html_it(frames, demo_parsed, demo_gaz):
    return _build(frames, demo_parsed, demo_gaz, lang="it").get_root().render()


# --- words and languages -------------------------------------------------------------------------------------


def _keys(d, prefix=""):
    out = set()
    for k, v in d.items():
        out.add(prefix + k)
        if isinstance(v, dict):
            out |= _keys(v, prefix + k + ".")
    return out


def test_every_language_file_has_the_english_keys():
    english = _keys(yaml.safe_load((I18N_DIR / "en.yaml").read_text(encoding="utf-8")))
    assert {"en", "it", "fr"} <= set(available_languages())
    for lang in available_languages():
        assert _keys(yaml.safe_load((I18N_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))) == english, lang


@pytest.mark.parametrize(("lang", "expected"), [("en", "12,000"), ("it", "12.000"), ("fr", "12\u202f000")])
def test_numbers_follow_the_language(lang, expected):
    assert format_number(12000, load_strings(lang)) == expected
    assert format_number(7, load_strings(lang)) == "7"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "about 12,000 troops, could rise to 20,000"),
    ("it", "circa 12.000 soldati, potrebbero salire a 20.000"),
    ("fr", "environ 12\u202f000 soldats, pourrait atteindre 20\u202f000"),
])
def test_current_and_planned_figures_read_as_one_phrase(lang, expected):
    assert group_phrase([TROOPS_NOW, TROOPS_LATER], load_strings(lang)) == [expected]


def test_figure_phrases_in_words():
    en = load_strings("en")
    assert figure_phrase(TROOPS_LATER, en) == "up to 20,000 troops (planned)"
    assert figure_phrase({"kind": "killed", "value": 3, "qualifier": "at_least"}, en) == "at least 3 killed"
    assert figure_phrase({"kind": "troops", "value": 1}, en) == "1 soldier"
    assert figure_phrase({"kind": "troops", "value": 150, "low": 100, "high": 200}, en) == \
        "between 100 and 200 troops"
    assert figure_phrase({"kind": "troops", "value": 1000, "per_unit": True}, en) == "1,000 troops in each place"
    assert figure_phrase({"kind": "equipment", "value": 300, "qualifier": "more_than", "unit": "drones"}, en) == \
        "more than 300 drones"
    it = load_strings("it")
    assert figure_phrase({"kind": "wounded", "value": 2, "qualifier": "approx"}, it) == "circa 2 feriti"
    # Two current figures are not merged into a "could rise to".
    assert len(group_phrase([TROOPS_NOW, TROOPS_NOW], en)) == 2


def test_dates_in_words():
    assert format_date("2026-01-06", load_strings("it")) == "6 gennaio 2026"
    assert format_date("2026-01", load_strings("en")) == "January 2026"
    assert format_date("2026-02-03", load_strings("fr")) == "3 février 2026"
    assert format_date(None, load_strings("en")) == ""
    assert format_date("not a date", load_strings("en")) == "not a date"


def test_language_choice_and_fallback():
    assert choose_language(["it", "en", "it", None]) == "it"
    assert choose_language(["de", "es"]) == "en"
    assert load_strings("de")["code"] == "en"


# --- popups -------------------------------------------------------------------------------------------------


def test_quote_is_split_around_the_figure(demo_parsed):
    doc = demo_parsed[0].document
    fig = demo_parsed[0].figures[1]
    before, mark, after = quote_parts(fig.quote, fig.start, fig.end, doc.text)
    assert mark == "20.000" == doc.text[fig.start:fig.end]
    assert before + mark + after == fig.quote
    # Without the text, or with offsets outside it, the quote stays whole.
    assert quote_parts(fig.quote, fig.start, fig.end) == [fig.quote, "", ""]
    assert quote_parts(fig.quote, 10_000, 10_005, doc.text) == [fig.quote, "", ""]


def test_a_quote_is_placed_from_the_slice_around_it_as_in_the_whole_text():
    # the sentence is said three times (the figure in the second and third only by its offsets), a sentence
    # with accents and a long one between them: each figure is split as the whole text splits it
    said = "Mezzo migliaio di alpini è giunto a Trento."
    text = f"{said} Città e valli hanno accolto con gioia i reparti. {said}\n\n{'Un lungo periodo. ' * 40}{said}"
    starts = [i for i in range(len(text)) if text.startswith(said, i)]
    cases = [(said, s + 6, s + 15) for s in starts]
    cases += [(said, starts[1] - 3, starts[1] + 4),  # straddles two sentences
              ("", 5, 9), (said, 0, len(text)), (said[:9], starts[2], starts[2] + 5)]
    for quote, start, end in cases:
        a, b = quote_span(quote, start, end, len(text))
        assert quote_parts(quote, start, end, text[a:b], offset=a, length=len(text)) == \
            quote_parts(quote, start, end, text), (quote, start, end)
    # an unsplit text and offsets out of it keep the quote whole
    assert quote_parts(said, 10, 5, text) == [said, "", ""]
    assert quote_parts(said, 6, 15, "", offset=0, length=0) == [said, "", ""]


def test_a_figure_entry_reads_only_the_slice_of_its_quote_from_the_spool(tmp_path):
    from geo.corpus import TextSpool

    class Counting(TextSpool):
        STRIDE = 8  # small: the slice crosses several marks
        read = 0

        def slice(self, doc_id, start, stop):
            Counting.read += stop - start
            return super().slice(doc_id, start, stop)

    said = "Tre colonne di blindati sono entrate a Hérat all'alba."
    text = "Prima riga, senza cifre né luoghi.\n\n" * 200 + said + "\n\nFine."
    spool = Counting(tmp_path / "texts.bin")
    spool.add("a", "ünïcödé " * 5)
    spool.add("b", text)
    assert spool.get("b") == text and spool.length("b") == len(text) and spool.get("z") is None
    for start, stop in [(0, 1), (3, 17), (7, 9), (len(text) - 5, len(text) + 3), (40, 40)]:
        assert spool.slice("b", start, stop) == text[start:stop]
    assert spool.slice("a", 2, 13) == ("ünïcödé " * 5)[2:13]
    start = text.index("Tre")
    fig = {"kind": "deployed", "value": 3, "qualifier": "exact", "status": "current", "unit": None, "date": None,
           "quote": said, "start": start, "end": start + 3, "document": "b"}
    documents = {"b": Document("b", "")}
    Counting.read = 0
    entry = figure_entry(fig, load_strings("it"), documents, spool)
    assert entry["quote"] == ["", "Tre", said[3:]]
    assert 0 < Counting.read <= 2 * len(said)  # the quote's length either side of the figure, not the text
    spool.close()


@pytest.mark.parametrize(("url", "kept"), [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("//example.org", False),
    ("https://exa mple.org", False), ("", False), (None, False),
])
def test_only_http_links_are_kept(url, kept):
    assert (safe_href(url) is not None) == kept


# --- the map ------------------------------------------------------------------------------------------------


def test_self_contained_map_links_nothing(html_it):
    assert not re.search(r"<script[^>]+src=", html_it)
    assert not re.search(r"<link[^>]+href=", html_it)
    assert "cdn.jsdelivr" not in html_it and "cdnjs" not in html_it and "code.jquery" not in html_it
    assert asset_text("leaflet")[-2000:] in html_it  # Leaflet itself is inside
    assert "sourceMappingURL" not in html_it
    assert "L.Icon.Default.mergeOptions" in html_it


def test_folium_shared_state_is_not_mutated(frames, demo_parsed, demo_gaz, tmp_path):
    before_js, before_css = list(folium.Map.default_js), list(folium.Map.default_css)
    save_map(_build(frames, demo_parsed, demo_gaz), tmp_path / "a.html")
    assert folium.Map.default_js == before_js and folium.Map.default_css == before_css
    plain = folium.Map(tiles=None).get_root().render()
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">' in plain


def test_cdn_map_links_the_libraries_and_is_smaller(frames, demo_parsed, demo_gaz, html_it):
    html = _build(frames, demo_parsed, demo_gaz, lang="it", cdn=True).get_root().render()
    assert re.search(r'<script src="https://cdn\.jsdelivr\.net/npm/leaflet@1\.9\.3/dist/leaflet\.js">', html)
    assert "bootstrap" not in html and "font-awesome" not in html.lower() and "fontawesome" not in html
    assert len(html) < len(html_it) / 2
    assert "atlanteRender" in html  # Atlante's own script is inlined either way


def test_jquery_is_inlined_only_when_a_popup_needs_it(frames, demo_parsed, demo_gaz, html_it):
    assert "jQuery v3.7.1" not in html_it
    m = _build(frames, demo_parsed, demo_gaz)
    folium.Marker([50, 30], popup=folium.Popup("plain")).add_to(m)
    html = m.get_root().render()
    assert "jQuery v3.7.1" in html and not re.search(r"<script[^>]+src=", html)


def test_hostile_strings_never_reach_the_page_as_markup(frames, demo_parsed, demo_gaz):
    title = "<script>window.__pwned = 'title-arg';</script>"
    html = _build(frames, demo_parsed, demo_gaz, title=title).get_root().render()
    markup = [s for s in HOSTILE_SNIPPETS if "<" in s]
    for snippet in (*markup, title, "<b>Kyiv</b>", "</script><b>hostile</b>"):
        assert snippet not in html, snippet
    # Template syntax from a document is data too: written verbatim, never evaluated by Jinja.
    (template,) = [s for s in HOSTILE_SNIPPETS if "{{" in s]
    assert template in html
    assert f"<title>{'&lt;script&gt;'}" in html
    # The only script elements are the page's own.
    assert html.count("</script>") == html.count("<script>")


def test_script_json_cannot_close_its_script():
    text = script_json({"q": "</script><!-- \u2028 & '"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"q": "</script><!-- \u2028 & '"}


def test_script_json_in_pieces_is_the_same_text():
    data = {"a": [1, 2.5, None, True, {"b": ("x<", "\u2029&")}], "k": {1: "non-str key", "é": []},
            "deep": [[[["<>"]]]], "empty": {}, "s": "Kyïv – 12 000"}
    pieces = list(script_json_chunks(data, depth=4))
    assert len(pieces) > 10
    plain = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2029", "\\u2029")):
        plain = plain.replace(char, code)
    assert "".join(pieces) == script_json(data) == plain


def test_saved_map_is_the_rendered_page_with_stable_ids(frames, demo_parsed, demo_gaz, tmp_path):
    from layers.reproducible import stable_element_ids

    save_map(_build(frames, demo_parsed, demo_gaz), tmp_path / "a.html")
    root = _build(frames, demo_parsed, demo_gaz).get_root()  # the same map, rendered whole
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == stable_element_ids(root, root.render())


def _rows(item):
    """The figures behind a symbol, as dicts (the page sends them as lists of EXPORT_COLUMNS values)."""
    from layers.map import EXPORT_COLUMNS

    return [dict(zip(EXPORT_COLUMNS, values, strict=True)) for values in item["x"]]


def _placed(figures):
    return figures[figures["place_ids"].map(len) > 0]


def test_one_symbol_per_figure_never_one_per_place(frames, demo_parsed, demo_gaz):
    places, figures = frames
    data = _data(_build(frames, demo_parsed, demo_gaz))
    layers = data["layers"]
    kinds = _placed(figures)["kind"]
    assert len(layers["incidents"]) == (kinds == "incidents").sum() == 2
    assert len(layers["casualties"]) == kinds.isin(["killed", "wounded"]).sum() == 2
    assert "other" not in layers  # the only equipment figure has no place
    # Every placed figure is in exactly one symbol: none is drawn once per place, none is lost.
    drawn = [row["figure_id"] for key in ("deployments", "incidents", "casualties") for i in layers[key]
             for row in _rows(i)]
    assert sorted(drawn) == sorted(_placed(figures)["figure_id"])
    # The troops over Kharkiv and Kyiv are one symbol over both places, whose popup says so.
    (pair,) = [i for i in layers["deployments"] if len(i["pl"]) == 2]
    assert pair["pl"] == ["geonames:706483", "geonames:703448"] and pair["v"] == 120
    popup = data["popups"][pair["pp"]]
    assert popup["title"] == "Kharkiv, Kyiv"
    assert popup["lines"][0] == "one figure over 2 places, not one per place: Kharkiv, Kyiv"
    # The current and the planned figure of one sentence are one symbol, sized by the current one.
    ukraine = next(i for i in layers["deployments"] if i["pl"] == ["country:UA"])
    assert ukraine["v"] == 12000 and len(ukraine["x"]) == 2 and ukraine["a"] == 1
    popup = data["popups"][ukraine["pp"]]
    assert popup["head"] == "about 12,000 troops, could rise to 20,000"
    assert popup["sub"] == "over the whole country"
    entry = popup["entries"][0]
    assert entry["quote"][1] == "circa 12.000 soldati" and entry["doc"]["href"] == "https://example.org/vertice"
    assert len(data["places"]["country:UA"]["e"]) == 1  # one polygon
    assert data["places"]["geonames:698740"]["e"] is None
    assert len(layers["places"]) == len(places)
    venues = places[places["roles"].map(lambda r: "venue" in r or "actor" in r)]
    assert sorted(i["pl"] for i in layers["venues"]) == sorted(venues["place_id"])


def test_a_shared_figure_lights_all_its_places_from_one_symbol(demo_gaz):
    parsed = demo_documents(demo_gaz)  # fresh documents: this test changes one of their figures
    odesa_fig = parsed[1].figures[2]
    odesa_fig.place_ids.append("geonames:706448")  # the Odesa incidents also over Kherson
    data = _data(build_map(places_frame(parsed, demo_gaz), figures_frame(parsed, demo_gaz),
                           documents=[p.document for p in parsed], gazetteer=demo_gaz))
    (item,) = [i for i in data["layers"]["incidents"] if i["v"] == 5]
    assert item["pl"] == ["geonames:698740", "geonames:706448"] and item["a"] == 0
    popup = data["popups"][item["pp"]]
    assert (popup["title"], popup["sub"], popup["head"]) == ("Odesa, Kherson", "at the city", "5 incidents")
    assert popup["lines"] == ["one figure over 2 places, not one per place: Odesa, Kherson"]


def test_same_sentence_duplicates_are_drawn_once_and_other_sentences_are_not_paired(demo_gaz):
    parsed = demo_documents(demo_gaz)
    first = parsed[1].figures[0]  # 14 incidents in Kherson
    parsed[1].figures.append(replace(first, figure_id="southern-front-dup"))
    later = parsed[0].figures[1]  # the planned 20,000, moved to a sentence of its own
    parsed[0].figures[1] = replace(later, quote="Il contingente potrebbe salire.")
    figures = figures_frame(parsed, demo_gaz)
    data = _data(build_map(places_frame(parsed, demo_gaz), figures, documents=[p.document for p in parsed],
                           gazetteer=demo_gaz))
    kherson = [i for i in data["layers"]["incidents"] if i["pl"] == ["geonames:706448"]]
    assert len(kherson) == 1 and [r["figure_id"] for r in _rows(kherson[0])] == ["southern-front-f1"]
    ukraine = [i for i in data["layers"]["deployments"] if i["pl"] == ["country:UA"]]
    assert sorted(data["popups"][i["pp"]]["head"] for i in ukraine) == [
        "about 12,000 troops", "up to 20,000 troops (planned)"]
    assert [i["st"] for i in sorted(ukraine, key=lambda i: i["v"])] == ["current", "planned"]


def test_a_planned_figure_s_label_says_it_is_planned_and_its_qualifier(demo_gaz):
    parsed = demo_documents(demo_gaz)
    later = parsed[0].figures[1]  # the planned "up to 20,000", in a sentence of its own: a symbol of its own
    parsed[0].figures[1] = replace(later, quote="Il contingente potrebbe salire.")
    for lang, planned, current in (("it", "fino a 20.000 (in programma) · Ucraina", "circa 12.000 · Ucraina"),
                                   ("en", "up to 20,000 (planned) · Ukraine", "about 12,000 · Ukraine")):
        data = _data(build_map(places_frame(parsed, demo_gaz), figures_frame(parsed, demo_gaz),
                               documents=[p.document for p in parsed], gazetteer=demo_gaz, lang=lang))
        ukraine = sorted((i for i in data["layers"]["deployments"] if i["pl"] == ["country:UA"]),
                         key=lambda i: i["v"])
        assert [i["lab"] for i in ukraine] == [current, planned]


def test_pairs_say_which_way_the_number_goes():
    en = load_strings("en")
    now = {**TROOPS_NOW, "document": "d", "quote": "q", "place_ids": ["country:UA"]}
    less = {"kind": "troops", "value": 600, "qualifier": "exact", "status": "planned", "document": "d",
            "quote": "q", "place_ids": ["country:UA"]}
    assert group_phrase([now, less], en) == ["about 12,000 troops, could fall to 600"]
    assert group_phrase([now, {**less, "document": "other"}], en) == ["about 12,000 troops", "600 troops (planned)"]
    assert group_phrase([now, {**less, "place_ids": ["country:PL"]}], en) == [
        "about 12,000 troops", "600 troops (planned)"]


def test_each_layer_has_its_own_size_scale(frames, demo_parsed, demo_gaz):
    data = _data(_build(frames, demo_parsed, demo_gaz))
    for key in ("deployments", "incidents", "casualties"):
        items = data["layers"][key]
        vmax = max(max(i["v"] for i in items), style.SCALE_FLOORS[key])
        for item in items:
            expected = max(style.MIN_RADIUS, style.MAX_RADIUS * (item["v"] / vmax) ** 0.5)
            assert item["r"] == pytest.approx(expected, abs=0.01), key
    assert max(i["r"] for i in data["layers"]["deployments"]) == style.MAX_RADIUS  # 12,000 troops
    # 14 incidents are not shrunk by 12,000 troops: their own scale.
    assert max(i["r"] for i in data["layers"]["incidents"]) > 10
    # Each legend shows values that occur in its layer.
    for section in data["legend"]["sections"]:
        sizes = [e for e in section["entries"] if e["sw"] == "circle"]
        if not sizes:
            continue
        key = next(k for k in ("deployments", "incidents", "casualties") if section["title"].startswith(
            load_strings("en")["layers"][k]))
        values = {format_number(i["v"], load_strings("en")) for i in data["layers"][key]}
        assert {e["label"] for e in sizes} <= values and sizes[0]["label"] == max(
            values, key=lambda v: int(v.replace(",", "")))


def test_periods_stay_periods():
    from layers.map import day_span

    jan = day_span("2026-01")
    assert jan[1] - jan[0] == 30
    assert day_span("2026-01-06") == (jan[0] + 5, jan[0] + 5)
    assert day_span("2025-12-30", "2026-01-06") == (jan[0] - 2, jan[0] + 5)
    assert day_span(None) is None and day_span("soon") is None


def test_too_many_symbols_become_totals_per_place_and_day():
    parsed, gaz = synthetic_corpus(600, n_cities=5)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    full = _data(build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz))
    assert full["aggregated"] is None
    drawn = [r for k in ("deployments", "incidents", "casualties") for i in full["layers"][k] for r in _rows(i)]
    data = _data(build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz,
                           max_symbols=100))
    items = [i for k in ("deployments", "incidents", "casualties", "other") for i in data["layers"].get(k, [])]
    period = data["aggregated"].pop("period")
    assert data["aggregated"] == {"figures": len(drawn), "symbols": len(items)} and len(items) <= 100
    assert len(items) < 0.8 * len(drawn)
    # Totals keep the sum and the number of reports of the symbols they replace; each total is one place,
    # one day, one kind, and the page's downloads hold one row per total (every figure is in figures.geojson).
    full_items = [i for k in ("deployments", "incidents", "casualties") for i in full["layers"][k]]
    assert sum(i["n"] for i in items) == len(full_items)
    assert sum(i["v"] for i in items) == sum(i["v"] for i in full_items)
    assert all(len(i["pl"]) == 1 and [r["value"] for r in _rows(i)] == [i["v"]] for i in items)
    assert len({(i["L"], i["k"], i["pl"][0], i["t0"], i["t1"], i["st"]) for i in items}) == len(items)
    assert period == "month"  # 5 places x 60 days x 3 layers: days and weeks give more than 100 totals
    months = [(i["t0"], i["t1"]) for i in items]
    assert all(t1 - t0 < 31 for t0, t1 in months)
    assert any("totals per place and month" in line for line in data["legend"]["subtitle"])
    per_day = _data(build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz,
                              max_symbols=len(drawn) - 1))
    assert per_day["aggregated"]["period"] == "day"
    assert all(i["t0"] == i["t1"] for k in ("incidents", "casualties") for i in per_day["layers"][k])


def _by_documents(records, size):
    """The records in chunks of ``size`` whole documents, as layers.frames.figure_chunks gives them."""
    chunks, docs = [], []
    for rec in records:
        if not docs or rec["document"] != docs[-1]:
            docs.append(rec["document"])
            if (len(docs) - 1) % size == 0:
                chunks.append([])
        chunks[-1].append(rec)
    return chunks


def _streamed(places, figures, documents, gaz, size, **kwargs):
    stream = MapFigures(places, documents=documents, gazetteer=gaz, **kwargs)
    switched = []
    for chunk in _by_documents(figure_records(figures), size):
        stream.add(chunk)
        switched.append(stream.aggregating)
    return stream, switched


@pytest.mark.parametrize("max_symbols", [100, 10_000])
def test_a_map_built_from_chunks_is_the_map_of_the_whole_list(max_symbols, tmp_path):
    parsed, gaz = synthetic_corpus(600, n_cities=5)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    documents = [p.document for p in parsed]
    stream, switched = _streamed(places, figures, documents, gaz, 2, max_symbols=max_symbols)
    # Above the limit the map knows it draws totals after a few chunks, and keeps no figure's record then.
    assert switched[-1] == (max_symbols == 100) and not switched[0]
    assert stream.records is None if max_symbols == 100 else len(stream.records) == len(figures)
    save_map(build_map(places, stream, documents=documents, gazetteer=gaz), tmp_path / "chunks.html")
    save_map(build_map(places, figures, documents=documents, gazetteer=gaz, max_symbols=max_symbols),
             tmp_path / "whole.html")
    assert (tmp_path / "chunks.html").read_bytes() == (tmp_path / "whole.html").read_bytes()


def test_totals_keep_their_quotes_on_disk_and_a_document_store_gives_the_same_page(tmp_path):
    from geo.docstore import DocumentStore

    parsed, gaz = synthetic_corpus(600, n_cities=5)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    documents = [p.document for p in parsed]
    store = DocumentStore(tmp_path / "docs.sqlite")
    for d in documents:
        store.append(d)
    stream, switched = _streamed(places, figures, store, gaz, 2, max_symbols=100, scratch=tmp_path)
    assert switched[-1]
    # a total holds where its earliest reports wait in the file, not their popup entries (a quote each)
    held = [where for total in stream.totals.values() for _, where in total.quotes]
    assert held and all(type(where) is int for where in held)
    assert isinstance(stream.docs, Mapping) and not isinstance(stream.docs, dict)  # the store's, on disk
    other, _ = _streamed(places, figures, store, gaz, 3, max_symbols=100, scratch=tmp_path)  # the same folder
    assert stream.quoted.path != other.quoted.path and len(list(tmp_path.glob("map-quotes*"))) == 2
    save_map(build_map(places, stream, documents=store, gazetteer=gaz), tmp_path / "chunks.html")
    save_map(build_map(places, stream, documents=store, gazetteer=gaz), tmp_path / "again.html")  # read again
    save_map(build_map(places, other, documents=store, gazetteer=gaz), tmp_path / "other.html")
    stream.close()
    other.close()
    assert not list(tmp_path.glob("map-quotes*"))  # closed, the files go
    save_map(build_map(places, figures, documents=documents, gazetteer=gaz, max_symbols=100), tmp_path / "whole.html")
    for name in ("again", "other", "whole"):
        assert (tmp_path / "chunks.html").read_bytes() == (tmp_path / f"{name}.html").read_bytes()
    store.close()


def test_events_and_totals_keep_their_documents_as_4_byte_arrays_and_draw_the_same_page(demo_gaz, tmp_path):
    from array import array

    places, figures, events, documents = reported_again(demo_gaz, {"wire": {14: 16}, "daily": {}, "post": {}})
    stream = MapFigures(places, documents=documents, gazetteer=demo_gaz, events=events, max_symbols=2, scratch=tmp_path)
    for chunk in _by_documents(figure_records(figures), 1):
        stream.add(chunk)
    # an event's documents: a position per report in an array('i'), not a set of ints (some 60 bytes each)
    assert stream.event_figures
    assert all(type(s.docs) is array and s.docs.itemsize == 4 for s in stream.event_figures.values())
    data = _data(build_map(places, stream, documents=documents, gazetteer=demo_gaz))
    assert stream.totals and all(type(t.docs) is array and t.docs.itemsize == 4 for t in stream.totals.values())
    whole = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events, max_symbols=2))
    assert data == whole and any(len(i.get("docs", ())) > 1 for items in data["layers"].values() for i in items)
    stream.close()


def test_a_place_named_in_many_documents_reads_their_records_a_batch_at_a_time(tmp_path, monkeypatch):
    import layers.map as map_module
    from geo.docstore import DocumentStore

    parsed, gaz = synthetic_corpus(300, n_cities=3)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    places.at[0, "roles"] = ["venue", *places.at[0, "roles"]]  # drawn as a venue and among the places
    documents = [p.document for p in parsed]
    store = DocumentStore(tmp_path / "docs.sqlite")
    for d in documents:
        store.append(d)
    asked, lookup_many = [], store.lookup_many
    monkeypatch.setattr(store, "lookup_many", lambda ids: asked.append(len(ids)) or lookup_many(ids))
    monkeypatch.setattr(map_module, "FOUND_BATCH", 7)
    save_map(build_map(places, figures, documents=store, gazetteer=gaz, max_symbols=100), tmp_path / "store.html")
    assert max(len(d) for d in places["documents"]) > 7 and asked and max(asked) <= 7
    # a venue is in the places' layer too: its documents are read once
    assert sum(asked) == sum(len(d) for d in places["documents"])  # the venue's read once
    save_map(build_map(places, figures, documents=documents, gazetteer=gaz, max_symbols=100), tmp_path / "list.html")
    assert (tmp_path / "store.html").read_bytes() == (tmp_path / "list.html").read_bytes()
    store.close()


def test_events_of_several_reports_keep_no_figure_while_the_chunks_come(demo_gaz, tmp_path):
    places, figures, events, documents = reported_again(demo_gaz, {"wire": {14: 16}, "daily": {}, "post": {}})
    stream = MapFigures(places, documents=documents, gazetteer=demo_gaz, events=events, max_symbols=2, scratch=tmp_path)
    records = figure_records(figures)
    for chunk in _by_documents(records, 1):
        stream.add(chunk)
    del chunk
    assert stream.aggregating and stream.event_figures
    # each event keeps its first figure's kind and places and its earliest reports' places in the file
    held = [part for state in stream.event_figures.values()
            for part in (state.first, state.match, *(where for _, where in state.quotes))]
    assert all(not isinstance(part, MutableMapping) for part in held)
    assert all(type(where) is int for state in stream.event_figures.values() for _, where in state.quotes)
    data = _data(build_map(places, stream, documents=documents, gazetteer=demo_gaz))
    whole = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events, max_symbols=2))
    assert data == whole
    # a stream let go without close() (a caller other than make_map.py) takes its quotes' file with it
    assert list(tmp_path.glob("map-quotes-*"))
    del stream
    gc.collect()
    assert not list(tmp_path.glob("map-quotes-*"))


def test_totals_of_events_from_chunks_are_those_of_the_whole_list(demo_gaz):
    places, figures, events, documents = reported_again(demo_gaz, {"wire": {14: 16}, "daily": {}, "post": {}})
    stream, switched = _streamed(places, figures, documents, demo_gaz, 1, events=events, max_symbols=2)
    assert switched[-1]
    data = _data(build_map(places, stream, documents=documents, gazetteer=demo_gaz))
    whole = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events, max_symbols=2))
    assert data == whole and data["aggregated"]["period"] == "all"
    # An event of several reports is one symbol of its total: the reports of the totals are the symbols'.
    full = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events))
    drawn = [i for k in ("deployments", "incidents", "casualties", "other") for i in full["layers"].get(k, [])]
    totals = [i for k in ("deployments", "incidents", "casualties", "other") for i in data["layers"].get(k, [])]
    assert sum(i["n"] for i in totals) == sum(i["n"] for i in drawn)
    merged = {i["ev"]: i["n"] for i in drawn if i.get("ev") and i["n"] > 1}
    assert merged and all(any(t["id"].startswith(ev) and t["n"] >= n for t in totals) for ev, n in merged.items())


def test_the_page_of_totals_quotes_a_few_earliest_reports_and_counts_the_others():
    parsed, gaz = synthetic_corpus(1200, n_cities=3)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    data = _data(build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz,
                           max_symbols=20))
    strings = load_strings("en")
    items = [i for k in ("deployments", "incidents", "casualties", "other") for i in data["layers"].get(k, [])]
    assert data["aggregated"]["symbols"] == len(items) <= 20
    left_out = 0
    for item in items:
        popup = data["popups"][item["pp"]]
        entries = popup["entries"]
        assert 1 <= len(entries) <= MAX_TOTAL_ENTRIES and len(item["x"]) == 1
        if item["n"] > len(entries):
            more = item["n"] - len(entries)
            left_out += more
            assert popup["lines"] == [strings["popup"]["more_reports"]["other" if more > 1 else "one"].replace(
                "{n}", format_number(more, strings))]
            assert "figures.geojson" in popup["lines"][0]
        else:
            assert popup["lines"] == []
    assert left_out > 0
    # The quotes are the earliest reports of the total: no report of it left out is dated before them.
    by_id = {r["figure_id"]: r for r in figure_records(figures)}
    months = [(i["t0"], i["t1"]) for i in items]
    assert all(t0 <= t1 for t0, t1 in months)
    quoted = sum(len(data["popups"][i["pp"]]["entries"]) for i in items)
    assert quoted <= MAX_TOTAL_ENTRIES * len(items) < len(by_id)
    page = script_json(data)  # as the page writes it (the documents: a PageList)
    assert sum(page.count(r["quote"]) > 0 for r in by_id.values() if r["quote"]) <= quoted


def test_default_visibility_and_time_filter(frames, demo_parsed, demo_gaz):
    m = _build(frames, demo_parsed, demo_gaz)
    data = _data(m)
    groups = next(c for c in m._children.values() if isinstance(c, AtlanteLayers)).groups
    assert groups["deployments"].show and groups["venues"].show and not groups["places"].show
    assert groups["countries"].show and not groups["tiles"].show  # offline: no tile request at start
    placed = sorted(d.date().isoformat() for d, ids in zip(frames[1]["date"], frames[1]["place_ids"], strict=True)
                    if pd.notna(d) and ids)
    from layers.map import day_span

    assert (data["time"]["min"], data["time"]["max"]) == (day_span(placed[0])[0], day_span(placed[-1])[1])
    # With no figure and no venue or actor, "All places" is what the map shows.
    mentions_only = frames[0][frames[0]["roles"].map(lambda r: not {"venue", "actor"} & set(r))]
    places_only = build_map(mentions_only, frames[1].iloc[0:0], documents=[], gazetteer=demo_gaz)
    only_groups = next(c for c in places_only._children.values() if isinstance(c, AtlanteLayers)).groups
    assert only_groups["places"].show and _data(places_only)["time"] is None


def test_empty_input_still_makes_a_map(demo_gaz, frames):
    m = build_map(frames[0].iloc[0:0], frames[1].iloc[0:0], documents=[], gazetteer=demo_gaz, lang="fr")
    data = _data(m)
    assert data["layers"] == {"places": []} and data["bounds"] is None and data["time"] is None
    assert data["legend"]["subtitle"] == ["0 document"]  # French: 0 takes the singular
    assert "atlanteRender" in m.get_root().render()


def test_layer_names_count_the_rows_the_panel_lists(frames, demo_parsed, demo_gaz):
    m = _build(frames, demo_parsed, demo_gaz)
    html, rows = m.get_root().render(), _data(m)["layers"]["deployments"]
    n_figures = sum(1 for k, ids in zip(frames[1]["kind"], frames[1]["place_ids"], strict=True)
                    if k == "troops" and ids)
    # The current 12,000 and the planned 20,000 over Ukraine are one symbol, one row: counted once.
    assert len(rows) == n_figures - 1
    assert f'"Deployments ({len(rows)})"' in html and '"Other figures (' not in html


def test_cdn_map_opens_on_the_tiles(frames, demo_parsed, demo_gaz):
    groups = next(c for c in _build(frames, demo_parsed, demo_gaz, cdn=True)._children.values()
                  if isinstance(c, AtlanteLayers)).groups
    assert groups["tiles"].show and not groups["countries"].show


def test_one_language_per_map(demo_gaz):
    parsed = demo_documents(demo_gaz)
    parsed[2].figures[0].unit = "soldats"  # a unit word of the French text
    data = _data(build_map(places_frame(parsed, demo_gaz), figures_frame(parsed, demo_gaz),
                           documents=[p.document for p in parsed], gazetteer=demo_gaz, lang="it"))
    names = {pid: p["n"] for pid, p in data["places"].items()}
    assert names["country:PL"] == "Polonia" and names["country:UA"] == "Ucraina"
    assert names["geonames:756135"] == "Varsavia" and names["region:baltic-states"] == "Paesi baltici"
    assert names["geonames:706483"] == "Kharkiv"  # no Italian name known: the gazetteer's
    baltic = next(i for i in data["layers"]["deployments"] if i["pl"] == ["region:baltic-states"])
    assert baltic["h"] == "4.000 soldati" and baltic["lab"] == "4.000 · Paesi baltici"
    assert place_names("it")["geonames:524901"] == "Mosca" and place_names("fr")["geonames:524901"] == "Moscou"
    it, fr = load_strings("it"), load_strings("fr")
    assert figure_phrase({"kind": "troops", "value": 1}, it) == "1 soldato"
    assert figure_phrase({"kind": "troops", "value": 0}, fr) == "0 soldat"
    assert figure_phrase({"kind": "killed", "value": 0}, it) == "0 morti"


def test_legend_and_language(frames, demo_parsed, demo_gaz):
    data = _data(_build(frames, demo_parsed, demo_gaz, lang="it", title="Prova"))
    legend = data["legend"]
    assert legend["title"] == "Prova"
    assert legend["subtitle"] == ["5 gennaio 2026 – 9 gennaio 2026", "4 documenti"]
    titles = [s["title"] for s in legend["sections"]]
    assert "Schieramenti (area del cerchio ∝ numero)" in titles and "Ruolo del luogo" in titles
    assert "Attacchi (area del cerchio ∝ numero)" in titles and "Precisione" in titles
    sources = " ".join(s["text"] for s in legend["sources"])
    assert "GeoNames (CC BY 4.0)" in sources and "Natural Earth" in sources and "CARTO" in sources


def test_offline_basemap_comes_from_the_gazetteer_countries(demo_gaz):
    basemap = countries_layer(demo_gaz)
    ids = sorted(c["id"] for c in basemap["countries"])
    assert ids == sorted(e.id for e in demo_gaz.entities(kinds=("country",)))
    ukraine = next(c for c in basemap["countries"] if c["id"] == "country:UA")
    lats, lons = zip(*decode_ring(ukraine["e"][0][0], basemap["precision"]), strict=True)
    minx, miny, maxx, maxy = demo_gaz.geometry("country:UA").bounds
    assert (min(lons), min(lats), max(lons), max(lats)) == pytest.approx((minx, miny, maxx, maxy), abs=0.01)
    assert countries_layer(demo_gaz) is basemap  # cached per gazetteer
    assert countries_layer(None)["countries"] == []


def test_polyline_round_trip():
    ring = [(30.52, 50.45), (36.25, 49.98), (32.61, 46.63), (-0.001, -89.5), (30.52, 50.45)]
    assert decode_ring(encode_ring(ring, 3), 3) == [(lat, lon) for lon, lat in ring[:-1]]
    text = encode_ring(ring, 2)
    assert not set(text) & set("<>&\"'") or "\\" in json.dumps(text)
    assert all(63 <= ord(c) <= 126 for c in text)
    # Rings that collapse at the precision are dropped, holes too.
    tiny = [(0.0, 0.0), (0.001, 0.0), (0.001, 0.001), (0.0, 0.0)]
    assert encode_ring(tiny, 2) == ""
    from shapely.geometry import Polygon

    holed = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(1, 1), (1.001, 1), (1.001, 1.001)]])
    assert len(encode_polygons(holed, 2)) == 1 and len(encode_polygons(holed, 2)[0]) == 1
    assert len(encode_polygons(holed, 4)[0]) == 2


def test_basemap_leaves_out_shapes_not_in_degrees(demo_gaz):
    from shapely.geometry import box

    from layers.synthetic import MemoryGazetteer

    projected = MemoryGazetteer([demo_gaz.get("country:UA"), demo_gaz.get("country:PL")],
                                {"country:UA": box(2_600_000, 5_500_000, 4_400_000, 6_900_000),
                                 "country:PL": demo_gaz.geometry("country:PL")})
    with pytest.warns(UserWarning, match="1 countries"):
        layer = countries_layer(projected)
    assert [c["id"] for c in layer["countries"]] == ["country:PL"]


def test_huge_areas_are_outlines_only_and_framed_by_their_point(demo_gaz):
    """Russia, the US or "Europe" must not cover the world view: no fill, and no zooming out to their extent."""
    from shapely.geometry import box

    from geo.model import Entity
    from layers.synthetic import MemoryGazetteer

    huge = Entity("country:RU", "Russia", "country", "RU", None, 61.5, 105.3)
    gaz = MemoryGazetteer([*demo_gaz.entities(), huge],
                          {**{e.id: demo_gaz.geometry(e.id) for e in demo_gaz.entities() if e.kind != "city"},
                           "country:RU": box(27.0, 41.0, 180.0, 82.0)})
    parsed = demo_documents(gaz)
    parsed[1].figures[0].place_ids = ["country:RU"]
    data = _data(build_map(places_frame(parsed, gaz), figures_frame(parsed, gaz),
                           documents=[p.document for p in parsed], gazetteer=gaz))
    assert data["places"]["country:RU"]["w"] == 1 and data["places"]["country:UA"]["w"] == 0
    (south, west), (north, east) = data["bounds"]
    assert (north, east) == (61.5, 105.3)  # framed by Russia's point, not by its extent (82 N, 180 E)
    # The page draws a wide area's outline without a fill.
    assert "fill: !place.w" in asset_text("atlante.js")


# --- consolidated events -------------------------------------------------------------------------------------


def test_one_fact_in_two_documents_is_one_symbol_whose_popup_lists_both_reports(demo_gaz):
    places, figures, events, documents = reported_again(demo_gaz, {"wire": {}})
    data = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events))
    kherson = [i for i in data["layers"]["incidents"] if i["pl"] == ["geonames:706448"]]
    assert len(kherson) == 1
    (item,) = kherson
    assert item["n"] == 2 and item["v"] == 14 and item["id"].startswith("event:")
    assert item["docs"] == [1, 3] and item["doc"] == -1
    assert sorted(r["document"] for r in _rows(item)) == ["southern-front", "wire"]
    popup = data["popups"][item["pp"]]
    assert popup["head"] == "at least 14 incidents (2 reports)" == item["h"]
    assert [e["doc"]["text"] for e in popup["entries"]] == ["Drone strikes in the south · example.org",
                                                            "Report of wire · wire news"]
    assert all(e["quote"][1] == "At least 14" and e["date"] for e in popup["entries"])
    # Two different facts (Kherson and Odesa incidents) stay two symbols, each of two reports.
    assert sorted((i["pl"][0], i["v"], i["n"]) for i in data["layers"]["incidents"]) == [
        ("geonames:698740", 5, 2), ("geonames:706448", 14, 2)]
    # Without the events, one symbol per figure, as before.
    plain = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz))
    assert len([i for i in plain["layers"]["incidents"] if i["pl"] == ["geonames:706448"]]) == 2


def test_an_event_is_sized_by_the_value_most_reports_give_and_keeps_the_others(demo_gaz):
    places, figures, events, documents = reported_again(demo_gaz, {"wire": {14: 16}, "daily": {}})
    (event,) = events[events["place_ids"].map(lambda p: list(p) == ["geonames:706448"])
                      & (events["kind"] == "incidents")].itertuples()
    assert event.reports == 3
    data = _data(build_map(places, figures, documents=documents, gazetteer=demo_gaz, events=events))
    (item,) = [i for i in data["layers"]["incidents"] if i["pl"] == ["geonames:706448"]]
    assert item["v"] == 14 and item["n"] == 3  # 14 twice, 16 once: 14, not an average
    popup = data["popups"][item["pp"]]
    assert popup["lines"][0] == "14 (2 reports) – 16 (1 report)"
    assert [e["quote"][1] for e in popup["entries"]] == ["At least 14"] * 3
    assert len(popup["entries"]) == 3


def test_a_place_popup_of_a_page_of_totals_lists_its_first_documents_and_counts_the_others():
    from layers.popups import MAX_ENTRIES, place_popup

    strings = load_strings("en")
    place = {"name": "Testville", "kind": "city", "roles": ["mentioned"], "mentions": 40, "surfaces": ["Testville"],
             "documents": [f"doc-{i}" for i in range(MAX_ENTRIES + 18)]}
    every = place_popup(place, [], strings, {})
    assert len(every["docs"]) == MAX_ENTRIES + 18 and len(every["lines"]) == 1
    first = place_popup(place, [], strings, {}, total=0)
    assert [d["text"] for d in first["docs"]] == place["documents"][:MAX_ENTRIES]
    assert first["lines"][1:] == ["… and 18 more"]


def test_the_pages_list_of_documents_is_made_as_it_is_written_and_reads_as_the_list():
    import datetime as dt

    from geo.model import Document
    from layers.map import PageList, _document

    documents = [Document("a-1", "", dt.date(2026, 3, 4), title="Nord <b>", url="https://www.example.org/x"),
                 Document("a-2", "", None, outlet="Gazzetta")]
    made = []
    page = PageList(documents, lambda d: made.append(d.doc_id) or _document(d))
    data = {"docs": page, "n": [1, 2]}
    assert made == []  # nothing made before the page is written
    whole = {"docs": [_document(d) for d in documents], "n": [1, 2]}
    assert "".join(script_json_chunks(data)) == script_json(whole) == script_json(data)
    assert made == ["a-1", "a-2", "a-1", "a-2"]
    assert json.loads(script_json(data))["docs"] == [{"id": "a-1", "t": "Nord <b>", "o": "example.org",
                                                      "d": "2026-03-04", "h": "https://www.example.org/x"},
                                                     {"id": "a-2", "o": "Gazzetta"}]
    assert page == whole["docs"] and page[1:] == whole["docs"][1:] and len(page) == 2
    assert script_json({"docs": PageList([], _document)}) == '{"docs":[]}'
    with pytest.raises(TypeError, match="not JSON serializable"):
        script_json({"x": object()})


def test_a_totals_documents_are_listed_once_each_in_order():
    # two figures of one document in a total (or an event) list that document once on the page
    from array import array

    from layers.map import _distinct

    assert _distinct(array("i", [7, 2, 7, 2, 5])) == array("i", [2, 5, 7])


def _saved_page_data(path) -> dict:
    """The data a saved page passes to ``atlanteRender(map, groups, data)``, read from the HTML file."""
    html = path.read_text(encoding="utf-8")
    call = html.index("atlanteRender(")
    data, _ = json.JSONDecoder().raw_decode(html, html.index("}, ", call) + 3)  # after the groups' object
    return data


def test_a_saved_pages_totals_list_each_of_their_documents_once_in_order(tmp_path):
    # through the page: a total of a week's figures at a place, several of them from one document
    parsed, gaz = synthetic_corpus(300, n_cities=3)
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    documents = [p.document for p in parsed]
    save_map(build_map(places, figures, documents=documents, gazetteer=gaz, max_symbols=50), tmp_path / "map.html")
    data = _saved_page_data(tmp_path / "map.html")
    totals = [item for items in data["layers"].values() for item in items if "n" in item]
    assert data["aggregated"]["symbols"] == len(totals) > 0
    for item in totals:
        assert item["docs"] == sorted(set(item["docs"])) and set(item["docs"]) <= set(range(len(documents)))
        assert item["doc"] == (item["docs"][0] if len(item["docs"]) == 1 else -1)
    # some totals hold two figures of one document: each lists it once (a no-op _distinct listed it twice)
    assert any(item["n"] > len(item["docs"]) for item in totals)


def test_an_approximate_place_is_drawn_hollow_and_dashed_and_says_so(demo_gaz):
    """A village the gazetteer lacks, drawn at its locator's point (geo.approximate): a dashed hollow ring, a
    legend entry, a popup line naming the locator, and the places frame's ``located_by``."""
    from geo.model import Entity, Mention, ParsedDocument

    text = "A drone hit the village of Zorvanka in the Sumy region."
    village = Entity("approx:zorvanka@admin1:UA-59", "Zorvanka", "city", "UA", "UA-59", 50.9, 34.8,
                     located_by="Sumy Oblast")
    parsed = [ParsedDocument(Document("v1", text), "en", None,
                             [Mention("v1", 27, 35, "Zorvanka", village, "mention", 0.3)])]
    places = places_frame(parsed, demo_gaz)
    assert list(places["located_by"]) == ["Sumy Oblast"]
    data = _data(build_map(places, figures_frame(parsed, demo_gaz), documents=[p.document for p in parsed],
                           gazetteer=demo_gaz, lang="en"))
    item = next(i for i in data["layers"]["places"] if i["pl"] == village.id)
    assert item["s"]["dashArray"] and item["s"]["fillOpacity"] == 0
    assert any("located by Sumy Oblast" in line for popup in data["popups"] for line in popup.get("lines", []))
    labels = [e["label"] for s in data["legend"]["sections"] for e in s["entries"]]
    assert load_strings("en")["legend"]["approximate"] in labels
