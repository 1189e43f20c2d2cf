"""The map in a real browser (Debian's Chromium through playwright), with the network blocked.

Screenshots land in ``out/test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from layers.frames import figures_frame, places_frame
from layers.map import CIRCLE_LAYERS, FIGURE_LAYER, build_map, save_map
from layers.synthetic import HOSTILE_SNIPPETS, demo_documents, demo_gazetteer, hostile_document, synthetic_corpus


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
        "cluster": _save(big, big_gaz, folder / "cluster.html"),
    }


def _open(page, path):
    page.goto(path.as_uri())
    page.wait_for_function("window.atlante !== undefined", timeout=10_000)


def _expected_counts(places, figures):
    """Features each layer should hold, worked out from the frames (not from the map's data)."""
    counts = {"deployments": 0, "incidents": 0, "casualties": 0, "other": 0}
    troop_groups = set()
    for kind, ids in zip(figures["kind"], figures["place_ids"], strict=True):
        layer = FIGURE_LAYER[kind]
        if layer == "deployments":
            troop_groups.add(tuple(sorted(set(ids))))
        else:
            counts[layer] += len(set(ids))
    counts["deployments"] = sum(len(g) for g in troop_groups)
    counts["venues"] = int(places["roles"].map(lambda r: bool({"venue", "actor"} & set(r))).sum())
    counts["places"] = len(places)
    return {k: v for k, v in counts.items() if v or k == "places"}


def _layer_counts(page):
    return page.evaluate("""() => Object.fromEntries(Object.keys(atlante.layers).map(
        k => [k, atlante.groups[k].getLayers().length]))""")


def _click_item(page, key, index):
    """Click where a layer's item is drawn, as a person would (whatever is on top gets the click)."""
    x, y = page.evaluate("""([key, index]) => {
        const layer = atlante.layers[key][index];
        const where = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
        atlante.map.setView(where, 6, {animate: false});
        const p = atlante.map.latLngToContainerPoint(where);
        const box = atlante.map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }""", [key, index])
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .atlante-popup", timeout=5_000)


def test_map_loads_offline_with_no_error_and_no_request(page, maps, artifacts_dir):
    path, places, figures = maps["demo"]
    _open(page, path)
    assert page.evaluate("L.version") == "1.9.3"
    assert page.evaluate("typeof jQuery") == "undefined"  # not needed, not shipped
    n_countries = page.evaluate("document.querySelectorAll('.leaflet-atlante-basemap-pane path').length")
    assert n_countries == len(list(demo_gazetteer().entities(kinds=("country",))))
    assert page.locator(".atlante-legend").count() == 1 and page.locator(".atlante-time").count() == 1
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
    index = page.evaluate("atlante.data.layers.incidents.findIndex(i => i.pl === 'geonames:698740')")
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
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
    assert page.title() == HOSTILE_SNIPPETS[1]
    hostile_layer = page.evaluate("atlante.data.layers.deployments.findIndex(i => i.t.startsWith('Kyiv'))")
    page.evaluate("atlante.map.closePopup()")
    _click_item(page, "deployments", hostile_layer)
    page.wait_for_timeout(400)  # let the popup fade in
    page.screenshot(path=str(artifacts_dir / "map_hostile.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.atlante_dialogs == []
    assert page.atlante_errors == [] and page.atlante_requests == []


def test_date_filter_keeps_only_the_chosen_period(page, maps):
    path, _, figures = maps["demo"]
    _open(page, path)
    dates = page.evaluate("atlante.data.time.dates")
    assert dates == sorted({d.date().isoformat() for d, ids in zip(figures["date"], figures["place_ids"], strict=True)
                            if d is not pd.NaT and ids})
    last = dates[-1]
    page.evaluate("""(i) => { const input = document.querySelectorAll('.atlante-time-input')[0];
        input.value = String(i); input.dispatchEvent(new Event('input')); }""", len(dates) - 1)
    counts = _layer_counts(page)
    for key in ("deployments", "incidents", "casualties"):
        items = page.evaluate(f"atlante.data.layers.{key}")
        assert counts[key] == sum(1 for i in items if not i["d"] or last in i["d"]), key
    assert counts["incidents"] == 0 and counts["deployments"] > 0
    assert page.locator(".atlante-time-value").first.inner_text() == "8 gennaio 2026"


def test_many_circles_are_clustered(page, maps, artifacts_dir):
    path, places, figures = maps["cluster"]
    _open(page, path)
    expected = _expected_counts(places, figures)
    assert _layer_counts(page) == expected
    assert sorted(page.evaluate("atlante.data.clustered")) == sorted(k for k in CIRCLE_LAYERS if k in expected)
    assert page.locator(".marker-cluster").count() > 0
    page.screenshot(path=str(artifacts_dir / "map_clustered.png"))
    # The date filter works on clustered layers too.
    day = page.evaluate("atlante.data.time.dates[3]")
    page.evaluate("(d) => atlante.filter(d, d)", day)
    counts = _layer_counts(page)
    for key in ("incidents", "casualties"):
        items = page.evaluate(f"atlante.data.layers.{key}")
        assert counts[key] == sum(1 for i in items if day in i["d"]) > 0, key
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

    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "volenterosi_paris_2026-01-06_it.txt"
    assert seed.is_file(), f"reference article missing: {seed}"
    gaz = load_gazetteer()
    docs = read_inputs([str(seed)])
    parsed = parse_documents(docs, gazetteer=gaz)
    path = tmp_path_factory.mktemp("reference") / "map.html"
    return _save(parsed, gaz, path, lang="it")


def test_reference_map_in_the_browser(page, reference_map, artifacts_dir):
    path, places, figures = reference_map
    _open(page, path)
    assert _layer_counts(page) == _expected_counts(places, figures)
    # The deployment over Poland, Romania and the Baltic states reads as a range in its popup.
    poland = page.evaluate("atlante.data.layers.deployments.findIndex(i => i.pl === 'country:PL')")
    assert poland >= 0
    _click_item(page, "deployments", poland)
    page.wait_for_timeout(400)
    content = page.locator(".leaflet-popup-content").inner_text()
    assert "12.000" in content and "20.000" in content
    assert "Paesi baltici" in content  # the quote, with the figure's sentence
    page.screenshot(path=str(artifacts_dir / "map_reference.png"))
    assert page.atlante_errors == [] and page.atlante_requests == []
