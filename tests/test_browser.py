"""The map in a real browser (Debian's Chromium through playwright), with the network blocked.

Each point of the map's issue is checked on a desktop (1280x800) and a phone (390x844)
viewport.  Screenshots land in ``out/test-artifacts/`` for a person to look at; the two of
the bundled samples that the README shows are rewritten in ``docs/screenshots/`` only when asked
(``make screenshots``, which sets ``ATLANTE_SCREENSHOTS=1``): a test run leaves the checkout as it was.
"""

from __future__ import annotations

import json
import os
import warnings
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from layers.frames import figures_frame, places_frame
from layers.map import FIGURE_LAYER, build_map, save_map
from layers.synthetic import (
    HOSTILE_SNIPPETS,
    demo_documents,
    demo_gazetteer,
    hostile_document,
    reported_again,
    synthetic_corpus,
)

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: The README's screenshots, rewritten by ``make screenshots``; other runs write them beside the other artifacts.
SCREENSHOTS = ROOT / "docs" / "screenshots" if os.environ.get("ATLANTE_SCREENSHOTS") == "1" \
    else ROOT / "out" / "test-artifacts"


def _readme_screenshot(page, name):
    """Write ``<name>.png`` in 128 colours to :data:`SCREENSHOTS` (small enough to commit)."""
    import io

    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(SCREENSHOTS / f"{name}.png", optimize=True)


@pytest.fixture
def desktop(page):
    page.set_viewport_size(DESKTOP)
    return page


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def _save(parsed, gaz, path, **kwargs):
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    save_map(build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz, **kwargs), path)
    return path, places, figures


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("maps")
    gaz = demo_gazetteer()
    big, big_gaz = synthetic_corpus(240, n_cities=60)
    return {
        "demo": _save(demo_documents(gaz), gaz, folder / "demo.html", lang="it"),
        "hostile": _save(demo_documents(gaz) + [hostile_document(gaz)], gaz, folder / "hostile.html",
                         title=HOSTILE_SNIPPETS[1]),
        "many": _save(big, big_gaz, folder / "many.html", max_symbols=100),
    }


def _open(page, path):
    page.goto(path.as_uri())
    page.wait_for_function("window.atlante !== undefined", timeout=10_000)


def _expected_counts(places, figures):
    """Features each layer should hold, worked out from the frames (not from the map's data).

    A symbol per figure, except that figures of one sentence with the same kind and places
    repeating one another count once, and one current with one planned figure count once.
    """
    counts = {"deployments": 0, "incidents": 0, "casualties": 0, "other": 0}
    statements = defaultdict(set)
    for row in figures.itertuples():
        if row.place_ids:
            key = (row.document, row.quote, FIGURE_LAYER[row.kind], tuple(row.place_ids))
            statements[key].add((row.value, row.low, row.high, row.qualifier, row.status))
    for (_, _, layer, _), values in statements.items():
        paired = len(values) == 2 and sorted(v[4] for v in values) == ["current", "planned"]
        counts[layer] += 1 if paired else len(values)
    counts["venues"] = int(places["roles"].map(lambda r: bool({"venue", "actor"} & set(r))).sum())
    counts["places"] = len(places)
    return {k: v for k, v in counts.items() if v or k == "places"}


def _layer_counts(page):
    return page.evaluate("""() => Object.fromEntries(Object.keys(atlante.layers).map(
        k => [k, atlante.groups[k].getLayers().length]))""")


def _click_item(page, key, index, zoom=6):
    """Click where a layer's item is drawn, as a person would (whatever is on top gets the click)."""
    x, y = page.evaluate("""([key, index, zoom]) => {
        const layer = atlante.layers[key][index];
        const where = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
        atlante.map.setView(where, zoom, {animate: false});
        const p = atlante.map.latLngToContainerPoint(where);
        const box = atlante.map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }""", [key, index, zoom])
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .atlante-popup", timeout=5_000)


def test_map_loads_offline_with_no_error_and_no_request(page, maps, artifacts_dir):
    path, places, figures = maps["demo"]
    _open(page, path)
    assert page.evaluate("L.version") == "1.9.3"
    assert page.evaluate("typeof jQuery") == "undefined"  # not needed, not shipped
    n_countries = page.evaluate("document.querySelectorAll('.leaflet-atlante-basemap-pane path').length")
    assert n_countries == len(list(demo_gazetteer().entities(kinds=("country",))))
    assert page.locator(".atlante-legend").count() == 1 and page.locator(".atlante-panel .atlante-time").count() == 1
    page.screenshot(path=str(artifacts_dir / "map_demo.png"))
    assert page.atlante_errors == []
    assert page.atlante_requests == []


def test_each_layer_holds_the_expected_features(page, maps):
    path, places, figures = maps["demo"]
    _open(page, path)
    expected = _expected_counts(places, figures)
    assert _layer_counts(page) == expected
    drawn = page.evaluate("""() => Object.fromEntries(Object.keys(atlante.layers).map(
        k => [k, document.querySelectorAll('path.atlante-' + k).length]))""")
    for key, n in expected.items():
        visible = key != "places"  # "All places" starts hidden when there are figures
        assert drawn[key] == (n if visible else 0), key


def test_click_opens_a_popup_with_the_quote(page, maps, artifacts_dir):
    path, _, figures = maps["demo"]
    _open(page, path)
    odesa = figures[figures["place_ids"].map(lambda ids: ids == ["geonames:698740"])].iloc[0]
    index = page.evaluate("atlante.data.layers.incidents.findIndex(i => i.pl[0] === 'geonames:698740')")
    _click_item(page, "incidents", index)
    page.wait_for_timeout(400)  # let the popup fade in
    content = page.locator(".leaflet-popup-content")
    assert odesa["quote"] in content.inner_text().replace("\n", "")
    assert content.locator("mark").inner_text() == "5"
    assert "5 attacchi" in content.locator(".atlante-head").inner_text()
    page.screenshot(path=str(artifacts_dir / "map_popup.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_layer_control_hides_and_shows_a_layer(page, maps):
    path, places, figures = maps["demo"]
    _open(page, path)
    n = _expected_counts(places, figures)["incidents"]
    label = page.locator(".leaflet-control-layers-overlays label", has_text="Attacchi")
    drawn = "document.querySelectorAll('path.atlante-incidents').length"
    assert page.evaluate(drawn) == n
    label.click()
    assert page.evaluate("atlante.map.hasLayer(atlante.groups.incidents)") is False
    assert page.evaluate(drawn) == 0
    label.click()
    assert page.evaluate("atlante.map.hasLayer(atlante.groups.incidents)") is True
    assert page.evaluate(drawn) == n
    places_label = page.locator(".leaflet-control-layers-overlays label", has_text="Tutti i luoghi")
    places_label.click()
    assert page.evaluate("document.querySelectorAll('.atlante-places').length") == len(places)


def test_hostile_document_runs_no_script(page, maps, artifacts_dir):
    path, _, _ = maps["hostile"]
    _open(page, path)
    texts = page.evaluate("""() => {
        const out = [];
        for (const key of Object.keys(atlante.layers)) {
            for (const layer of atlante.layers[key]) {
                if (!atlante.map.hasLayer(atlante.groups[key])) atlante.map.addLayer(atlante.groups[key]);
                layer.openPopup();
                out.push(layer.getPopup().getElement().textContent);
                layer.openTooltip();
                out.push(layer.getTooltip().getElement().textContent);
            }
        }
        return out;
    }""")
    joined = "\n".join(texts)
    for snippet in HOSTILE_SNIPPETS:
        assert snippet in joined  # shown as text...
    assert "<b>Kyiv</b>" in joined and hostile_document().document.title in joined
    assert page.evaluate("typeof window.__pwned") == "undefined"  # ...and never run
    assert page.atlante_dialogs == []
    assert page.evaluate("document.querySelectorAll('.leaflet-pane img, .leaflet-pane svg svg, "
                         ".leaflet-pane script, .leaflet-pane b').length") == 0
    # The panel shows the hostile title as text too.
    panel = page.locator(".atlante-panel").inner_text()
    assert hostile_document().document.title in panel
    assert page.evaluate("document.querySelectorAll('.atlante-panel img, .atlante-panel script, "
                         ".atlante-panel b, .atlante-panel svg').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
    assert page.title() == HOSTILE_SNIPPETS[1]
    hostile_layer = page.evaluate("atlante.data.layers.deployments.findIndex(i => i.v === 40)")
    page.evaluate("atlante.map.closePopup()")
    _click_item(page, "deployments", hostile_layer)
    page.wait_for_timeout(400)  # let the popup fade in
    page.screenshot(path=str(artifacts_dir / "map_hostile.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.atlante_dialogs == []
    assert page.atlante_errors == [] and page.atlante_requests == []


def _shown(page):
    """The figure ids of the symbols on the map, and of the table's rows."""
    return page.evaluate("""() => ({
        map: atlante.entries.filter(e => atlante.groups[e.key].hasLayer(e.layer)).map(e => e.item.id).sort(),
        rows: Array.from(document.querySelectorAll('.atlante-row')).map(r => r.dataset.id).sort()})""")


def test_date_filter_on_a_time_axis_filters_every_layer(desktop, maps):
    page = desktop
    path, _, figures = maps["demo"]
    _open(page, path)
    bars = page.locator(".atlante-hist .atlante-bar")
    assert bars.count() == 5  # 5 to 9 January (the last document's date): one bar a day
    # The first slider to the last day: only what is dated then, or spans it, stays.
    page.evaluate("""() => { const [from, to] = document.querySelectorAll('.atlante-time-input');
        to.value = String(Number(to.max) - 1); to.dispatchEvent(new Event('input'));
        from.value = to.value; from.dispatchEvent(new Event('input')); }""")
    shown = _shown(page)
    last = max(d for d in figures["date"] if pd.notna(d))
    expected = sorted(i for i, d, ids in zip(figures["figure_id"], figures["date"], figures["place_ids"],
                                             strict=True) if ids and d == last and i != "vertice-parigi-f2")
    assert shown["map"] == shown["rows"] == expected
    assert page.locator(".atlante-time-value").inner_text() == "8 gennaio 2026 – 8 gennaio 2026"
    # The venues and places follow: Paris (a venue of the 6 January document only) goes.
    venues = page.evaluate("atlante.all.filter(e => e.key === 'venues' && e.shown).map(e => e.item.pl)")
    assert "geonames:2988507" not in venues
    assert page.evaluate("atlante.groups.venues.getLayers().length") == len(venues)
    heights = page.evaluate("""() => Array.from(document.querySelectorAll('.atlante-bar-on'))
        .map(b => parseFloat(b.style.height))""")
    assert heights[:3] == [0, 0, 0] and heights[3] > 0 and heights[4] == 0


def test_a_period_stays_a_period(desktop, tmp_path):
    """A figure of "the last days" (a period) shows for any day within it, and on the axis as a span."""
    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    parsed[1].figures[0].date, parsed[1].figures[0].date_end = "2026-01-02", "2026-01-07"
    path, _, _ = _save(parsed, gaz, tmp_path / "period.html")
    page = desktop
    _open(page, path)
    page.evaluate("atlante.filter('2026-01-04', '2026-01-04')")
    assert _shown(page)["map"] == ["southern-front-f1"]
    page.evaluate("atlante.filter('2026-01-09', '2026-01-09')")
    assert "southern-front-f1" not in _shown(page)["map"]
    heights = page.evaluate("""() => Array.from(document.querySelectorAll('.atlante-bar-all'))
        .map(b => parseFloat(b.style.height))""")
    assert all(h > 0 for h in heights[:6])  # 2 to 7 January: the period counts on every day
    assert page.atlante_errors == []


def test_many_figures_are_drawn_as_totals_and_the_map_says_so(desktop, maps, artifacts_dir):
    page = desktop
    path, places, figures = maps["many"]
    _open(page, path)
    aggregated = page.evaluate("atlante.data.aggregated")
    n_symbols = page.evaluate("atlante.entries.length")
    assert aggregated["symbols"] == n_symbols < aggregated["figures"]
    note = page.locator(".atlante-legend-sub", has_text="totals per place and")
    assert note.count() == 1 and note.is_visible()
    # The downloads hold one row per total (every figure is in figures.geojson).
    rows = json.loads(page.evaluate("atlante.geojson()"))["features"]
    assert len(rows) == aggregated["symbols"]
    page.screenshot(path=str(artifacts_dir / "map_totals.png"))
    day = page.evaluate("atlante.isoDay(atlante.data.time.min + 3)")
    page.evaluate("(d) => atlante.filter(d, d)", day)
    shown = _shown(page)
    assert 0 < len(shown["map"]) == len(shown["rows"]) < n_symbols
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_tiles_are_fetched_only_when_chosen_and_fall_back_offline(page, maps):
    path, _, _ = maps["demo"]
    _open(page, path)
    page.wait_for_timeout(300)
    assert page.atlante_requests == []
    page.locator(".leaflet-control-layers-base label", has_text="CartoDB").click()
    page.wait_for_function("atlante.map.hasLayer(atlante.groups.countries)", timeout=10_000)
    assert any("basemaps.cartocdn.com" in url for url in page.atlante_requests)
    assert page.evaluate("atlante.map.hasLayer(atlante.groups.tiles)") is False
    assert page.evaluate("atlante.map.getContainer().classList.contains('atlante-offline')") is True


def test_cdn_map_works_from_its_links_and_falls_back_to_the_outlines(page, tmp_path):
    """The small file links Leaflet from the usual CDNs: served here from the same packages."""
    from layers.assets import PACKAGE_ASSETS, package_file

    local = {Path(name).name: package_file(package, name) for package, name in PACKAGE_ASSETS.values()}
    served = []

    def serve(route):
        name = route.request.url.rsplit("/", 1)[-1]
        if not route.request.url.startswith("http"):
            route.continue_()
        elif name in local:
            served.append(name)
            route.fulfill(path=local[name])
        else:
            page.atlante_requests.append(route.request.url)
            route.abort()

    gaz = demo_gazetteer()
    path, _, _ = _save(demo_documents(gaz), gaz, tmp_path / "cdn.html", cdn=True)
    page.route("**/*", serve)
    _open(page, path)
    assert {"leaflet.js", "leaflet.css"} <= set(served)
    # The tiles are the start layer; with no network they fail and the offline outlines take over.
    page.wait_for_function("atlante.map.hasLayer(atlante.groups.countries)", timeout=10_000)
    assert any("basemaps.cartocdn.com" in url for url in page.atlante_requests)
    # The only errors are the tiles that could not load.
    assert [e for e in page.atlante_errors if not e.startswith("Failed to load resource")] == []


@pytest.fixture(scope="module")
def samples_map(tmp_path_factory):
    """The bundled samples through the real gazetteer and parser."""
    from geo.documents import read_inputs
    from geo.gazetteer import load_gazetteer
    from geo.pipeline import parse_documents
    from layers.strings import choose_language

    root = Path(__file__).resolve().parents[1]
    gaz = load_gazetteer(pov="un")
    docs = read_inputs([str(root / "samples")])
    parsed = parse_documents(docs, gazetteer=gaz)
    path = tmp_path_factory.mktemp("samples") / "map.html"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
        lang = choose_language(p.lang for p in parsed)
        save_map(build_map(places, figures, documents=docs, gazetteer=gaz, lang=lang), path)
    return path, places, figures, [str(w.message) for w in caught]


def test_samples_map_in_the_browser(page, samples_map, artifacts_dir):
    from layers.frames import is_lonlat

    path, places, figures, caught = samples_map
    assert len(places) > 0 and len(figures) > 0
    assert caught == []  # e.g. no gazetteer shape that is not in degrees
    assert all(is_lonlat(g) for g in places.geometry)
    assert set(places[places["kind"] != "city"].geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    _open(page, path)
    assert _layer_counts(page) == _expected_counts(places, figures)
    countries = page.evaluate("document.querySelectorAll('.leaflet-atlante-basemap-pane path').length")
    assert countries >= 200  # the offline basemap: the world's countries
    page.screenshot(path=str(artifacts_dir / "map_samples.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []


@pytest.fixture(scope="module")
def reference_map(tmp_path_factory):
    """The reference article (../shared/seeds) through the real gazetteer and parser."""
    from geo.documents import read_inputs
    from geo.gazetteer import load_gazetteer
    from geo.pipeline import parse_documents
    from tests.shared_material import shared_path

    seed = shared_path("seeds/volenterosi_paris_2026-01-06_it.txt")
    gaz = load_gazetteer()
    docs = read_inputs([str(seed)])
    parsed = parse_documents(docs, gazetteer=gaz)
    path = tmp_path_factory.mktemp("reference") / "map.html"
    return _save(parsed, gaz, path, lang="it")


def test_reference_map_in_the_browser(desktop, reference_map, artifacts_dir):
    page = desktop
    path, places, figures = reference_map
    _open(page, path)
    assert _layer_counts(page) == _expected_counts(places, figures)
    # The troops over Poland, Romania and the Baltic states: one symbol, not one circle per country.
    current = page.evaluate("""atlante.data.layers.deployments.findIndex(
        i => i.pl.includes('country:PL') && i.st === 'current')""")
    item = page.evaluate(f"atlante.data.layers.deployments[{current}]")
    assert item["pl"] == ["country:PL", "country:RO", "region:baltic-states"] and item["v"] == 12000
    _click_item(page, "deployments", current, zoom=5)
    page.wait_for_timeout(400)
    # Hover and click light all three places up.
    assert page.locator(".atlante-highlight").count() == 3
    content = page.locator(".leaflet-popup-content").inner_text()
    assert "12.000" in content and "Polonia, Romania, Paesi baltici" in content
    assert "una sola cifra su 3 luoghi" in content
    # The planned 20,000 is in another sentence: listed on its own, never "could rise" in this summary.
    assert "20.000" not in content and "salire" not in page.locator(".atlante-head").inner_text()
    page.screenshot(path=str(artifacts_dir / "map_reference.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_table_and_map_are_linked(desktop, maps, artifacts_dir):
    page = desktop
    path, _, figures = maps["demo"]
    _open(page, path)
    assert page.locator(".atlante-panel").is_visible()
    rows = page.locator(".atlante-row")
    n_symbols = page.evaluate("atlante.entries.length")
    assert rows.count() == n_symbols == 7
    # A row: the map flies to the symbol and opens its popup.
    row = page.locator(".atlante-row[data-id='southern-front-f5']")
    row.click()
    page.wait_for_selector(".leaflet-popup-content .atlante-popup", timeout=5_000)
    assert page.locator(".leaflet-popup-content .atlante-title").inner_text() == "Kharkiv, Kiev"
    assert page.locator(".atlante-highlight").count() == 2  # both places lit up
    assert "atlante-selected" in row.get_attribute("class")
    page.screenshot(path=str(artifacts_dir / "map_row_clicked.png"))
    # A symbol: its row lights up.
    page.evaluate("atlante.map.closePopup()")
    index = page.evaluate("atlante.data.layers.incidents.findIndex(i => i.pl[0] === 'geonames:698740')")
    _click_item(page, "incidents", index)
    odesa = page.evaluate(f"atlante.data.layers.incidents[{index}].id")
    assert page.locator(".atlante-row.atlante-selected").get_attribute("data-id") == odesa
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_table_sorts_searches_and_filters(desktop, maps):
    page = desktop
    path, _, figures = maps["demo"]
    _open(page, path)

    def column(n):
        return page.locator(f".atlante-row td:nth-child({n})").all_inner_texts()

    page.locator("th[data-key='value']").click()
    values = page.evaluate("Array.from(document.querySelectorAll('.atlante-row')).map("
                           "r => atlante.entries.find(e => e.item.id === r.dataset.id).item.v)")
    assert values == sorted(values, reverse=True)
    page.locator("th[data-key='value']").click()
    assert page.evaluate("Array.from(document.querySelectorAll('.atlante-row')).map("
                         "r => atlante.entries.find(e => e.item.id === r.dataset.id).item.v)") == sorted(values)
    page.locator(".atlante-search").fill("odessa")
    assert _shown(page) == {"map": ["southern-front-f3"], "rows": ["southern-front-f3"]}
    page.locator(".atlante-search").fill("")
    page.locator(".atlante-select").nth(1).select_option("troops")
    assert all("soldat" in t for t in column(2)) and len(column(2)) == 3
    page.locator(".atlante-select").nth(2).select_option("planned")
    assert _shown(page)["rows"] == ["vertice-parigi-f1"]  # the plan, in one symbol with its current figure
    page.locator(".atlante-reset").click()
    page.locator(".atlante-select").nth(3).select_option("at_least")
    assert _shown(page)["rows"] == ["southern-front-f1"]
    page.locator(".atlante-reset").click()
    doc = page.evaluate("atlante.data.docs.findIndex(d => d.id === 'flanc-est')")
    page.locator(".atlante-select").first.select_option(str(doc))
    assert _shown(page) == {"map": ["flanc-est-f1"], "rows": ["flanc-est-f1"]}
    # Venues and places follow the document filter: France (actor) stays, Paris goes.
    venues = page.evaluate("atlante.entries.length, atlante.all.filter(e => e.key === 'venues' && e.shown)"
                           ".map(e => e.item.pl)")
    assert venues == ["country:FR"]
    assert page.atlante_errors == []


def test_documents_list_and_downloads_of_what_is_shown(desktop, maps):
    page = desktop
    path, _, figures = maps["demo"]
    _open(page, path)
    page.locator(".atlante-tab").nth(1).click()
    items = page.locator(".atlante-docitem")
    assert items.count() == 3
    first = items.first
    assert first.locator("a").inner_text() == "Vertice a Parigi sulle garanzie"
    assert first.locator("a").get_attribute("href") == "https://example.org/vertice"
    assert "example.org · 6 gennaio 2026" in first.inner_text()
    items.nth(1).locator(".atlante-docfilter").click()  # "Cifre" of the English report
    ids = sorted(i for i, d, p in zip(figures["figure_id"], figures["document"], figures["place_ids"], strict=True)
                 if d == "southern-front" and p)
    assert _shown(page)["rows"] == ids
    with page.expect_download() as info:
        page.locator(".atlante-download", has_text="GeoJSON").click()
    assert info.value.suggested_filename == "figures.geojson"
    href = page.locator(".atlante-download", has_text="GeoJSON").get_attribute("href")
    assert href.startswith("data:application/geo+json;charset=utf-8,")
    collection = json.loads(unquote(href.split(",", 1)[1]))
    assert sorted(f["properties"]["figure_id"] for f in collection["features"]) == ids
    pair = next(f for f in collection["features"] if f["properties"]["figure_id"] == "southern-front-f5")
    assert pair["geometry"]["type"] == "MultiPoint" and len(pair["geometry"]["coordinates"]) == 2
    with page.expect_download():
        page.locator(".atlante-download", has_text="CSV").click()
    csv_text = unquote(page.locator(".atlante-download", has_text="CSV").get_attribute("href").split(",", 1)[1])
    lines = csv_text.strip().split("\r\n")
    assert lines[0].startswith("figure_id,kind,value") and len(lines) == len(ids) + 1
    assert any("Kharkiv; Kyiv" in line for line in lines)  # one row per figure, its places in one field
    assert page.atlante_errors == []


def _covered(page):
    """The share of the screen that controls and panels cover (their boxes' union, on a pixel grid)."""
    return page.evaluate("""() => {
        const w = innerWidth, h = innerHeight, step = 5, sel = '.leaflet-control, .atlante-panel';
        const boxes = Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent !== null)
            .map(e => e.getBoundingClientRect());
        let covered = 0, total = 0;
        for (let x = 0; x < w; x += step) for (let y = 0; y < h; y += step) {
            total += 1;
            if (boxes.some(b => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) covered += 1;
        }
        return covered / total;
    }""")


def test_phone_layout_covers_little_and_popups_stay_on_screen(phone, samples_map, artifacts_dir):
    page = phone
    path, places, figures, _ = samples_map
    _open(page, path)
    assert _covered(page) <= 0.25
    assert page.evaluate("document.querySelector('.atlante-legend').open") is False
    assert not page.locator(".atlante-panel").is_visible()
    assert page.locator(".leaflet-control-layers-expanded").count() == 0
    page.screenshot(path=str(artifacts_dir / "phone_load.png"))
    _readme_screenshot(page, "phone")
    # A popup fits the screen, above the folded legend.
    page.evaluate("document.querySelector('.atlante-legend').open = true")
    index = page.evaluate("atlante.data.layers.deployments.findIndex(i => i.v === Math.max("
                          "...atlante.data.layers.deployments.map(j => j.v)))")
    _click_item(page, "deployments", index, zoom=5)
    page.wait_for_timeout(500)
    box = page.locator(".leaflet-popup").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["y"] + box["height"] <= PHONE["height"]
    assert page.evaluate("document.querySelector('.atlante-legend').open") is False
    page.screenshot(path=str(artifacts_dir / "phone_popup.png"))
    # The panel is a drawer: it opens from its button, and a row takes the user back to the map.
    page.locator(".atlante-opener").click()
    drawer = page.locator(".atlante-panel").bounding_box()
    assert drawer["width"] == PHONE["width"] and drawer["y"] > PHONE["height"] / 3
    page.screenshot(path=str(artifacts_dir / "phone_drawer.png"))
    page.locator(".atlante-row").first.click()
    page.wait_for_selector(".leaflet-popup-content .atlante-popup", timeout=5_000)
    assert not page.locator(".atlante-panel").is_visible()
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_desktop_samples_screenshot_and_one_language(desktop, samples_map, artifacts_dir):
    page = desktop
    path, places, figures, _ = samples_map
    _open(page, path)
    assert page.evaluate("atlante.data.lang") == "it"
    labels = page.locator(".atlante-label-text").all_inner_texts()
    assert labels and all(" · " in label for label in labels)
    places_text = " ".join(page.locator(".atlante-cell-place").all_inner_texts())
    assert "Lituania" in places_text and "Lithuania" not in places_text
    figures_text = " ".join(page.locator(".atlante-cell-figure").all_inner_texts())
    for english in ("troops", "soldiers", "killed", "wounded"):
        assert english not in figures_text
    # Outlines: drawn once per place, never a stack of fills.
    outlines = page.evaluate("""() => Array.from(document.querySelectorAll('path.atlante-outline'))
        .map(p => parseFloat(p.getAttribute('fill-opacity') || '0'))""")
    assert outlines and max(outlines) <= 0.05
    assert len(outlines) == len(page.evaluate("Object.keys(atlante.outlines)"))
    _readme_screenshot(page, "desktop")
    page.screenshot(path=str(artifacts_dir / "desktop_samples.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_phone_true_numbers_panel_language_and_totals(phone, maps, artifacts_dir):
    """The desktop's points on a phone: one lit group per shared figure, the drawer's filters, one language."""
    page = phone
    path, _, figures = maps["demo"]
    _open(page, path)
    index = page.evaluate("atlante.data.layers.deployments.findIndex(i => i.pl.length === 2)")
    _click_item(page, "deployments", index)
    page.wait_for_timeout(400)
    assert page.locator(".atlante-highlight").count() == 2
    popup = page.locator(".leaflet-popup")
    assert "una sola cifra su 2 luoghi" in popup.inner_text() and "Kharkiv, Kiev" in popup.inner_text()
    box = popup.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(artifacts_dir / "phone_shared.png"))
    page.evaluate("atlante.map.closePopup()")
    page.locator(".atlante-opener").click()
    page.locator(".atlante-select").nth(1).select_option("troops")
    assert [t.split(" ")[0] for t in page.locator(".atlante-cell-figure").all_inner_texts()] == [
        "4.000", "circa", "circa"]  # sorted by date, newest first; Italian numbers and words
    assert "Paesi baltici" in page.locator(".atlante-cell-place").all_inner_texts()
    page.locator(".atlante-close").click()
    assert not page.locator(".atlante-panel").is_visible()
    # Totals at scale say so on a phone too, once the legend is opened.
    path, _, _ = maps["many"]
    _open(page, path)
    page.locator(".atlante-legend summary").click()
    assert page.locator(".atlante-legend-sub", has_text="totals per place and").is_visible()
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_where_a_planned_ring_and_a_current_figure_share_a_place_the_current_one_is_labelled(desktop, tmp_path):
    page = desktop
    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    later = parsed[0].figures[1]  # the planned "up to 20,000" over Ukraine, in a sentence of its own
    parsed[0].figures[1] = replace(later, quote="Il contingente potrebbe salire.")
    path, _, _ = _save(parsed, gaz, tmp_path / "planned.html")
    _open(page, path)
    labels = page.locator(".atlante-label-text").all_inner_texts()
    ukraine = [label for label in labels if label.endswith("· Ukraine")]
    assert ukraine == ["about 12,000 · Ukraine"], labels
    assert page.atlante_errors == []


def test_an_event_of_two_reports_is_one_symbol_and_one_row_listing_both(desktop, tmp_path, artifacts_dir):
    page = desktop
    gaz = demo_gazetteer()
    places, figures, events, documents = reported_again(gaz, {"wire": {}})
    path = tmp_path / "events.html"
    save_map(build_map(places, figures, documents=documents, gazetteer=gaz, events=events), path)
    _open(page, path)
    assert _layer_counts(page)["incidents"] == 2  # Kherson and Odesa, each reported twice
    kherson = page.locator(".atlante-row", has_text="Kherson").filter(has_text="incidents")
    assert kherson.count() == 1 and "(2 reports)" in kherson.inner_text()
    # The layer list and the panel count the same thing: rows (one per event), not reports.
    overlay = page.locator(".leaflet-control-layers-overlays label", has_text="Incidents").inner_text()
    n_rows = page.locator(".atlante-row").count()
    assert overlay.strip() == "Incidents (2)" and n_rows == sum(_layer_counts(page).get(k, 0) for k in
                                                                   ("deployments", "incidents", "casualties", "other"))
    assert page.locator(".atlante-count").inner_text().startswith(f"{n_rows} of {n_rows}")
    # Its document cell says how many documents, inside the panel.
    cell = kherson.locator(".atlante-cell-doc")
    assert cell.inner_text() == "2 documents"
    panel = page.locator(".atlante-panel").bounding_box()
    header = page.locator("th", has_text="Document").bounding_box()
    assert header["x"] + header["width"] <= panel["x"] + panel["width"]
    assert page.evaluate("(b => b.scrollWidth <= b.clientWidth)(document.querySelector('.atlante-table-box'))")
    kherson.click()
    page.wait_for_selector(".leaflet-popup-content .atlante-popup", timeout=5_000)
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator(".atlante-head").inner_text() == "at least 14 incidents (2 reports)"
    assert popup.locator(".atlante-entry").count() == 2 and popup.locator("mark").all_inner_texts() == [
        "At least 14", "At least 14"]
    assert "Report of wire · wire news" in popup.inner_text()
    page.screenshot(path=str(artifacts_dir / "map_event.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []
