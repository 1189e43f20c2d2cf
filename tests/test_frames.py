"""GeoDataFrames of places and figures: contract columns, aggregation, geometry rules."""

from __future__ import annotations

import dataclasses

import pytest
from shapely.geometry import MultiPoint, Point, box

from geo.model import ROLES, Document, Entity, Figure, Mention, ParsedDocument
from layers.frames import FIGURE_COLUMNS, PLACE_COLUMNS, figures_frame, places_frame


def _row(frame, key, value):
    rows = frame[frame[key] == value]
    assert len(rows) == 1, f"{key}={value!r}: {len(rows)} rows"
    return rows.iloc[0]


def test_places_frame_has_contract_columns_and_crs(demo_parsed, demo_gaz):
    places = places_frame(demo_parsed, demo_gaz)
    assert list(places.columns) == [*PLACE_COLUMNS, "geometry"]
    assert places.crs.to_epsg() == 4326
    resolved = {m.entity.id for d in demo_parsed for m in d.mentions if m.entity is not None}
    assert sorted(places["place_id"]) == sorted(resolved)


def test_places_aggregate_mentions_over_documents(demo_parsed, demo_gaz):
    places = places_frame(demo_parsed, demo_gaz)
    kyiv = _row(places, "place_id", "geonames:703448")
    mentions = [m for d in demo_parsed for m in d.mentions if m.entity is not None and m.entity.id == "geonames:703448"]
    assert kyiv["mentions"] == len(mentions) == 2
    assert kyiv["surfaces"] == list(dict.fromkeys(m.surface for m in mentions))
    assert kyiv["documents"] == list(dict.fromkeys(m.doc_id for m in mentions))
    assert len(kyiv["documents"]) == 2


def test_roles_follow_the_model_order_not_the_text_order(demo_parsed, demo_gaz):
    ukraine = _row(places_frame(demo_parsed, demo_gaz), "place_id", "country:UA")
    # The text mentions Ukraine first as a plain mention, then as a deployment.
    in_text = [m.role for m in demo_parsed[0].mentions if m.entity.id == "country:UA"]
    assert in_text == ["mention", "deployment"]
    assert ukraine["roles"] == ["deployment", "mention"]
    assert ukraine["roles"] == [r for r in ROLES if r in in_text]


def test_confidence_is_the_maximum_and_unresolved_mentions_are_left_out(demo_gaz):
    paris = demo_gaz.get("geonames:2988507")
    doc = Document("d", "Paris, Paris and Parigi; Atlantis.")
    mentions = [Mention("d", 0, 5, "Paris", paris, "venue", 0.4), Mention("d", 7, 12, "Paris", paris, "mention", 0.93),
                Mention("d", 17, 23, "Parigi", paris, "unknown-role", 0.7),
                Mention("d", 25, 33, "Atlantis", None, "mention", 0.9)]
    places = places_frame([ParsedDocument(doc, "en", None, mentions)], demo_gaz)
    assert len(places) == 1
    row = places.iloc[0]
    assert row["confidence"] == pytest.approx(0.93)
    assert row["surfaces"] == ["Paris", "Parigi"]
    assert row["roles"] == ["venue", "mention"]  # an unknown role counts as a mention


def test_place_geometry_by_kind(demo_parsed, demo_gaz):
    places = places_frame(demo_parsed, demo_gaz)
    for _, row in places.iterrows():
        if row["kind"] == "city":
            assert row.geometry.geom_type == "Point"
        else:
            assert row.geometry.geom_type in ("Polygon", "MultiPolygon"), row["place_id"]
    assert _row(places, "place_id", "region:baltic-states")["country"] is None


def test_without_gazetteer_every_place_is_its_point(demo_parsed):
    places = places_frame(demo_parsed, None)
    assert set(places.geometry.geom_type) == {"Point"}
    ukraine = _row(places, "place_id", "country:UA")
    assert (ukraine.geometry.x, ukraine.geometry.y) == (31.4, 49.0)


def test_figures_frame_columns_and_types(demo_parsed, demo_gaz):
    figures = figures_frame(demo_parsed, demo_gaz)
    assert list(figures.columns) == [*FIGURE_COLUMNS, "geometry"]
    assert figures.crs.to_epsg() == 4326
    assert len(figures) == sum(len(d.figures) for d in demo_parsed)
    assert str(figures["low"].dtype) == "Int64" and str(figures["value"].dtype) == "int64"
    assert figures["date"].dtype.kind == "M" and figures["date_end"].dtype.kind == "M", "dates are datetimes"
    first = demo_parsed[0].figures[0]
    row = _row(figures, "figure_id", first.figure_id)
    assert (row["value"], row["qualifier"], row["status"], row["date"].date().isoformat()) == (
        12000, "approx", "current", "2026-01-06")
    assert row["quote"] == first.quote and row["document"] == first.doc_id
    assert demo_parsed[0].document.text[row["start"]:row["end"]] == "circa 12.000 soldati"


def test_figure_geometry_is_its_places_points_not_their_outlines(demo_parsed, demo_gaz):
    figures = figures_frame(demo_parsed, demo_gaz)
    by_places = {tuple(r["place_ids"]): r.geometry for _, r in figures.iterrows()}
    ukraine = demo_gaz.get("country:UA")
    # A figure over a country is the country's point: its outline lives once, in the places frame.
    assert by_places[("country:UA",)].equals(MultiPoint([(ukraine.lon, ukraine.lat)]))
    baltic = by_places[("region:baltic-states",)]
    assert baltic.geom_type == "MultiPoint" and baltic.area == 0
    kharkiv, kyiv = demo_gaz.get("geonames:706483"), demo_gaz.get("geonames:703448")
    two_cities = by_places[("geonames:706483", "geonames:703448")]
    assert [(p.x, p.y) for p in two_cities.geoms] == [(kharkiv.lon, kharkiv.lat), (kyiv.lon, kyiv.lat)]
    assert by_places[()] is None  # the figure with no place
    assert set(figures.geometry.dropna().geom_type) == {"MultiPoint"}


def test_every_figure_place_has_its_shape_in_the_places_frame(demo_parsed, demo_gaz):
    places = places_frame(demo_parsed, demo_gaz).set_index("place_id")
    figures = figures_frame(demo_parsed, demo_gaz)
    for _, fig in figures.iterrows():
        for pid, point in zip(fig["place_ids"], getattr(fig.geometry, "geoms", []), strict=True):
            shape = places.loc[pid, "geometry"]
            assert shape.equals(demo_gaz.geometry(pid))
            assert shape.covers(point)  # the figure's point lies on the place the places frame draws


def test_missing_and_repeated_figure_ids_are_made_unique(demo_gaz):
    text = "5 attacks hit Odesa."
    odesa = demo_gaz.get("geonames:698740")
    figs = [Figure("d", "incidents", 5, 0, 1, text, place_ids=["geonames:698740", "geonames:0"]),
            Figure("d", "incidents", 5, 0, 1, text, place_ids=["geonames:698740"])]
    doc = ParsedDocument(Document("d", text), "en", None, [Mention("d", 14, 19, "Odesa", odesa, "incident")], figs)
    figures = figures_frame([doc], demo_gaz)
    assert list(figures["figure_id"]) == ["d:0", "d:0#2"]
    # An id neither the gazetteer nor a mention knows is left out of the geometry.
    assert figures.geometry.iloc[0].equals(MultiPoint([Point(odesa.lon, odesa.lat)]))


def test_a_figure_place_known_only_to_the_gazetteer_still_gets_its_point(demo_gaz):
    fig = Figure("d", "troops", 300, 0, 3, "300 troops went to Poland.", place_ids=["country:PL"])
    figures = figures_frame([ParsedDocument(Document("d", fig.quote), "en", None, [], [fig])], demo_gaz)
    poland = demo_gaz.get("country:PL")
    assert figures.geometry.iloc[0].equals(MultiPoint([(poland.lon, poland.lat)]))


def test_empty_input_gives_empty_frames_with_the_columns(demo_gaz):
    assert list(places_frame([], demo_gaz).columns) == [*PLACE_COLUMNS, "geometry"]
    empty = figures_frame([], demo_gaz)
    assert len(empty) == 0 and list(empty.columns) == [*FIGURE_COLUMNS, "geometry"]


def test_a_shape_not_in_degrees_falls_back_to_the_point_with_a_warning(demo_gaz):
    from layers.synthetic import MemoryGazetteer

    ukraine = demo_gaz.get("country:UA")
    projected = MemoryGazetteer([ukraine], {"country:UA": box(2_600_000, 5_500_000, 4_400_000, 6_900_000)})
    doc = ParsedDocument(Document("d", "Ukraine"), "en", None, [Mention("d", 0, 7, "Ukraine", ukraine)])
    with pytest.warns(UserWarning, match="not in longitude/latitude"):
        places = places_frame([doc], projected)
    assert places.geometry.iloc[0].equals(Point(ukraine.lon, ukraine.lat))


def test_entity_of_an_unknown_kind_becomes_other(demo_gaz):
    odd = Entity("other:x", "Somewhere", "sea", None, None, 10.0, 20.0)
    doc = ParsedDocument(Document("d", "Somewhere"), "en", None, [Mention("d", 0, 9, "Somewhere", odd)])
    places = places_frame([doc], None)
    assert places.iloc[0]["kind"] == "other"
    assert dataclasses.asdict(odd)["kind"] == "sea"


def test_event_frames_say_what_happened_where_how_many_and_who():
    from geo.gazetteer import load_gazetteer
    from geo.model import Document
    from geo.pipeline import parse_document
    from layers.frames import EVENT_FRAME_COLUMNS, event_frames_frame

    gaz = load_gazetteer()
    text = ("Kyiv said 40 drones were shot down over the Sumy and Poltava regions on 3 March 2026. "
            "The minister spoke about the budget.")
    parsed = parse_document(Document("d", text), lang="en", gazetteer=gaz)
    frame = event_frames_frame([parsed], gaz)
    assert list(frame.columns[:-1]) == list(EVENT_FRAME_COLUMNS) and len(frame) == 1
    row = frame.iloc[0]
    assert row["event"] == "intercept" and row["figures"] == ["40 equipment"]
    assert set(row["places"]) == {"Sumy Oblast", "Poltava Oblast"} and row["actors"] == ["Kyiv"]
    assert row.geometry.geom_type == "MultiPoint" and len(row.geometry.geoms) == 2
    assert row["quote"].startswith("Kyiv said") and str(row["date"].date()) == "2026-03-03"
