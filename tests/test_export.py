"""Exports: RFC 7946 GeoJSON, GeoPackage, ACLED-like CSV."""

from __future__ import annotations

import csv
import json

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import Polygon, shape

from geo.errors import InputError
from layers.export import (
    _EXTENSION_TO_DRIVER,
    CSV_COLUMNS,
    EXPORT_FORMATS,
    export,
    geojson_dict,
    json_column,
    json_value,
    write_geojson,
)
from layers.frames import FIGURE_COLUMNS, PLACE_COLUMNS, figures_frame, places_frame
from layers.synthetic import demo_documents, demo_gazetteer, hostile_document


@pytest.fixture(scope="module")
def gaz():
    return demo_gazetteer()


@pytest.fixture(scope="module")
def frames(gaz):
    parsed = demo_documents(gaz) + [hostile_document(gaz)]
    return places_frame(parsed, gaz), figures_frame(parsed, gaz)


def test_formats_table():
    assert EXPORT_FORMATS == ("geojson", "gpkg", "csv")
    assert set(_EXTENSION_TO_DRIVER) == set(EXPORT_FORMATS)


def test_geojson_properties_are_exactly_the_contract(frames, tmp_path):
    places, figures = frames
    for gdf, columns in ((places, PLACE_COLUMNS), (figures, FIGURE_COLUMNS)):
        path = tmp_path / "out.geojson"
        write_geojson(gdf, path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection" and "crs" not in data
        assert len(data["features"]) == len(gdf)
        for feature in data["features"]:
            assert list(feature["properties"]) == list(columns)


def test_geojson_values_lists_and_nulls(frames, tmp_path):
    _, figures = frames
    write_geojson(figures, tmp_path / "f.geojson")
    features = json.loads((tmp_path / "f.geojson").read_text(encoding="utf-8"))["features"]
    by_id = {f["properties"]["figure_id"]: f for f in features}
    ukraine = by_id["vertice-parigi-f1"]["properties"]
    assert ukraine["places"] == ["Ukraine"] and ukraine["place_ids"] == ["country:UA"]
    assert ukraine["low"] is None and ukraine["value"] == 12000 and ukraine["per_unit"] is False
    no_place = by_id["southern-front-f6"]
    assert no_place["geometry"] is None and no_place["properties"]["places"] == []
    two = by_id["southern-front-f5"]["geometry"]
    assert two["type"] == "MultiPoint"
    assert two["coordinates"] == [[36.2527, 49.9808], [30.5238, 50.4547]]  # longitude first, place_ids order


def test_figures_geojson_carries_points_and_place_ids_whose_shapes_are_in_places(frames, tmp_path):
    places, figures = frames
    write_geojson(places, tmp_path / "places.geojson")
    write_geojson(figures, tmp_path / "figures.geojson")
    shapes = {f["properties"]["place_id"]: f["geometry"]
              for f in json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))["features"]}
    features = json.loads((tmp_path / "figures.geojson").read_text(encoding="utf-8"))["features"]
    over_areas = 0
    for f in features:
        ids = f["properties"]["place_ids"]
        assert all(pid in shapes for pid in ids)
        if f["geometry"] is None:
            assert ids == []
            continue
        assert f["geometry"]["type"] == "MultiPoint" and len(f["geometry"]["coordinates"]) == len(ids)
        over_areas += any(shapes[pid]["type"] in ("Polygon", "MultiPolygon") for pid in ids)
    assert over_areas >= 3  # Ukraine, the Kherson region, the Baltic states: drawn from places.geojson


def test_geojson_polygons_follow_the_right_hand_rule_and_are_rounded():
    clockwise = Polygon([(0, 0), (0, 1.123456789), (1, 1), (1, 0)])
    assert not clockwise.exterior.is_ccw
    gdf = gpd.GeoDataFrame({"name": ["x"]}, geometry=[clockwise], crs="EPSG:4326")
    geom = geojson_dict(gdf)["features"][0]["geometry"]
    assert shape(geom).exterior.is_ccw
    assert [0.0, 1.123457] in geom["coordinates"][0]


def test_geojson_reprojects_other_crs(tmp_path):
    gdf = gpd.GeoDataFrame({"n": [1]}, geometry=gpd.points_from_xy([1113194.9], [0.0]), crs="EPSG:3857")
    geom = geojson_dict(gdf)["features"][0]["geometry"]
    assert geom["coordinates"] == pytest.approx([10.0, 0.0], abs=1e-5)


def test_geojson_reads_back_with_ogr(frames, tmp_path):
    places, _ = frames
    write_geojson(places, tmp_path / "p.geojson")
    back = gpd.read_file(tmp_path / "p.geojson")
    assert len(back) == len(places)
    assert list(back["place_id"]) == list(places["place_id"])


def test_export_writes_each_format(frames, gaz, tmp_path):
    places, figures = frames
    written = export(places, figures, tmp_path / "new", ["gpkg", "csv", "geojson"], gazetteer=gaz)
    assert [p.name for p in written] == ["atlante.gpkg", "figures.csv", "places.geojson", "figures.geojson"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)


def test_gpkg_has_both_layers_with_lists_as_json(frames, tmp_path):
    places, figures = frames
    (path,) = export(places, figures, tmp_path, ["gpkg"])
    assert sorted(name for name, _ in pyogrio.list_layers(path)) == ["figures", "places"]
    back = gpd.read_file(path, layer="places")
    assert len(back) == len(places)
    kyiv = back[back["place_id"] == "geonames:703448"].iloc[0]
    assert json.loads(kyiv["surfaces"]) == ["Kyiv", "<b>Kyiv</b>"]
    figs = gpd.read_file(path, layer="figures")
    assert len(figs) == len(figures) and figs.geometry.isna().sum() == 1
    # Writing again replaces the file instead of failing or appending.
    export(places, figures, tmp_path, ["gpkg"])
    assert len(gpd.read_file(path, layer="figures")) == len(figures)


def _csv_rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_is_one_row_per_figure(frames, gaz, tmp_path):
    places, figures = frames
    (path,) = export(places, figures, tmp_path, ["csv"], gazetteer=gaz)
    rows = _csv_rows(path)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == len(figures)
    # The count column sums to the figures' values: no figure is counted once per place.
    assert sum(int(r["count"]) for r in rows) == figures["value"].sum()
    kherson = [r for r in rows if r["figure_id"] == "southern-front-f1"]
    assert len(kherson) == 1
    row = kherson[0]
    where = (row["location"], row["admin1"], row["country"], row["iso"])
    assert where == ("Kherson", "Kherson Oblast", "Ukraine", "UA")
    assert float(row["latitude"]) == pytest.approx(46.6354) and row["geo_precision"] == "1"
    assert (row["event_date"], row["event_type"], row["count"], row["qualifier"]) == (
        "2026-01-07", "incidents", "14", "at_least")
    assert "Kherson" in row["notes"]
    (pair,) = [r for r in rows if r["figure_id"] == "southern-front-f5"]
    assert (pair["location"], pair["place_id"], pair["n_places"]) == (
        "Kharkiv; Kyiv", "geonames:706483; geonames:703448", "2")
    assert pair["country"] == "Ukraine" and pair["iso"] == "UA" and float(pair["latitude"]) == pytest.approx(49.9808)
    lonely = [r for r in rows if r["figure_id"] == "southern-front-f6"]
    assert len(lonely) == 1 and lonely[0]["location"] == "" and lonely[0]["latitude"] == ""


def test_csv_without_gazetteer_still_locates_places(frames, tmp_path):
    places, figures = frames
    (path,) = export(places, figures, tmp_path, ["csv"])
    row = next(r for r in _csv_rows(path) if r["figure_id"] == "vertice-parigi-f1")
    assert row["admin1"] == "" and row["iso"] == "UA" and row["geo_precision"] == "3"
    lat, lon = float(row["latitude"]), float(row["longitude"])
    assert places[places["place_id"] == "country:UA"].geometry.iloc[0].contains(
        gpd.points_from_xy([lon], [lat])[0])


def test_csv_cells_cannot_run_as_spreadsheet_formulas(gaz, tmp_path):
    parsed = demo_documents(gaz)
    parsed[1].figures[0].quote = "=HYPERLINK(\"http://example.org\")"
    parsed[1].figures[0].source = "@evil"
    (path,) = export(places_frame(parsed, gaz), figures_frame(parsed, gaz), tmp_path, ["csv"])
    row = next(r for r in _csv_rows(path) if r["figure_id"] == "southern-front-f1")
    assert row["notes"].startswith("'=") and row["source"] == "'@evil"


def test_unknown_format_is_refused(frames, tmp_path):
    with pytest.raises(InputError, match="shp"):
        export(*frames, tmp_path, ["shp"])


def test_geometry_coordinates_are_rounded_point_by_point():
    from shapely.geometry import LineString, MultiPolygon, Point

    from layers.export import geometry_dict

    outer = [(0.1234567, 0.0), (1.0000004, 0.0), (1.0, 1.9999996), (0.0, 1.0), (0.1234567, 0.0)]
    hole = [(0.2, 0.2), (0.2, 0.4000001), (0.4, 0.4), (0.2, 0.2)]
    poly = Polygon(outer, [hole])
    got = geometry_dict(MultiPolygon([poly, Polygon([(5, 5), (6, 5), (6, 6), (5, 5)])]))
    assert got["type"] == "MultiPolygon"
    first = got["coordinates"][0]
    assert first[0][0] == [0.123457, 0.0] and [1.0, 2.0] in first[0] and [0.2, 0.4] in first[1]
    assert got["coordinates"][1][0][0] == [5.0, 5.0]
    assert geometry_dict(LineString([(1.23456789, 2.0), (3.0, 4.0)])) == {
        "type": "LineString", "coordinates": [[1.234568, 2.0], [3.0, 4.0]]}
    assert geometry_dict(Point(1.23456789, -2.0)) == {"type": "Point", "coordinates": [1.234568, -2.0]}



def test_json_column_gives_json_value_of_every_cell(frames):
    import numpy as np
    import pandas as pd

    odd = pd.DataFrame({
        "when": np.array(["2026-01-02", "NaT", "2026-03-04T10:11:12"], dtype="datetime64[s]"),
        "low": pd.Series([1, None, 3], dtype="Int64"), "share": [0.5, float("nan"), 2.0],
        "mixed": [["a", 1], None, [np.int64(4), "b"]], "flag": [True, False, True],
    })
    for frame in (*frames, odd):
        for column in frame.columns:
            if column != getattr(frame, "geometry", pd.Series(name=None)).name:
                assert json_column(frame[column]) == [json_value(v) for v in frame[column]], column


def test_chunked_writers_write_the_bytes_of_the_whole_frame(frames, gaz, tmp_path):
    from layers.export import CsvWriter, GeoJSONWriter, write_csv

    places, figures = frames
    assert len(figures) > 3
    chunks = [figures.iloc[:1], figures.iloc[1:3], figures.iloc[3:]]  # each chunk indexed as it comes
    write_geojson(figures, tmp_path / "whole.geojson")
    write_csv(places, figures, tmp_path / "whole.csv", gazetteer=gaz)
    with GeoJSONWriter(tmp_path / "chunks.geojson") as geojson, \
            CsvWriter(places, tmp_path / "chunks.csv", gazetteer=gaz) as table:
        for chunk in chunks:
            geojson.write(chunk.reset_index(drop=True))
            table.write(chunk.reset_index(drop=True))
    assert geojson.count == len(figures)
    for name in ("geojson", "csv"):
        assert (tmp_path / f"chunks.{name}").read_bytes() == (tmp_path / f"whole.{name}").read_bytes()
    with GeoJSONWriter(tmp_path / "none.geojson"):
        pass
    write_geojson(figures.iloc[:0], tmp_path / "empty.geojson")
    assert (tmp_path / "none.geojson").read_bytes() == (tmp_path / "empty.geojson").read_bytes()
    assert json.loads((tmp_path / "none.geojson").read_text()) == {"type": "FeatureCollection", "features": []}
    # the whole frame as one json document: the writer serialises as geojson_dict says
    whole = json.loads((tmp_path / "whole.geojson").read_text())
    assert whole == json.loads(json.dumps(geojson_dict(figures)))


def test_a_failed_chunked_write_does_not_look_complete(frames, tmp_path):
    from layers.export import GeoJSONWriter

    _, figures = frames
    with pytest.raises(RuntimeError), GeoJSONWriter(tmp_path / "cut.geojson") as geojson:
        geojson.write(figures.iloc[:1].reset_index(drop=True))
        raise RuntimeError("disk full")
    with pytest.raises(json.JSONDecodeError):
        json.loads((tmp_path / "cut.geojson").read_text())
