"""Across documents: near-duplicate copies counted once, reports of one fact merged into one event."""

from __future__ import annotations

import json

import pytest

import make_map
from benchmarks.bench_merge import figures_of, load_reports, pairwise
from geo.consolidate import Merger, Places, Report, summarise_values
from geo.duplicates import DuplicateFinder, signature
from geo.gazetteer import load_gazetteer
from layers.consolidated import events_frame

WIRE = ("ROME, 3 March (Wire) - Italy will send 300 more troops to Latvia next month, the defence minister told "
        "parliament on Tuesday. The soldiers, most of them from the Alpine brigades, will join the multinational "
        "battlegroup based at Adazi near Riga, which already counts about 1,700 personnel. The minister said the "
        "deployment would last at least a year. Opposition deputies asked for a vote on the mission, while the "
        "government insisted that the decision falls within the existing NATO mandate approved last spring.")
COPY = ("Italy to send more troops to the Baltic\nBy a staff reporter\n"
        + WIRE.rsplit(" Opposition", 1)[0] + " Readers can follow our live coverage on the website.")
OTHER = ("ROME, 5 March (Wire) - Spain will send 500 more troops to Slovakia next month, the defence minister told "
         "parliament on Thursday. The soldiers will join the multinational battlegroup near Bratislava. Critics "
         "said the government had not consulted the regions before taking the decision on the new deployment.")


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_copy_with_another_headline_a_byline_and_a_cut_paragraph_is_found():
    finder = DuplicateFinder()
    assert finder.add(signature(WIRE)) is None
    assert finder.add(signature(OTHER)) is None
    assert finder.add(signature(COPY)) == 0
    assert finder.add(signature(COPY)) == 0  # a copy of a copy points at the kept document
    assert finder.add(signature("")) is None


def test_the_command_line_counts_a_copy_once_and_lists_it(tmp_path):
    docs = [{"doc_id": "wire", "text": WIRE, "date": "2026-03-03", "url": "https://www.agency.example/a"},
            {"doc_id": "outlet", "text": COPY, "date": "2026-03-03", "url": "https://paper.example/b"},
            {"doc_id": "other", "text": OTHER, "date": "2026-03-05"}]
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q", "--jobs", "1"]) == 0
    figures = [f["properties"] for f in json.loads((out / "figures.geojson").read_text())["features"]]
    assert figures and {f["document"] for f in figures} == {"wire", "other"}
    assert all(f["copies"] == (["outlet"] if f["document"] == "wire" else []) for f in figures)
    events = [f["properties"] for f in json.loads((out / "events.geojson").read_text())["features"]]
    assert {f["event_id"] for f in figures} == {e["event_id"] for e in events}
    wire = [s for e in events for s in e["sources"] if s["document"] == "wire"]
    assert wire and all(s["copies"] == ["outlet"] and s["outlet"] == "agency.example" for s in wire)
    mentions = [json.loads(line)["doc_id"] for line in (out / "mentions.jsonl").read_text().splitlines()]
    assert mentions == ["wire", "outlet", "other"]  # every document keeps its mentions
    kept = tmp_path / "kept"
    assert make_map.main([str(src), "-o", str(kept), "-q", "--jobs", "1", "--keep-duplicates"]) == 0
    again = [f["properties"] for f in json.loads((kept / "figures.geojson").read_text())["features"]]
    assert "outlet" in {f["document"] for f in again}


def _report(i, doc, value, places, date="2026-02-10", kind="killed", qualifier="exact", status="current",
            low=None, high=None):
    import datetime as dt

    return Report(i, doc, kind, status, value, low, high, qualifier, False, tuple(places),
                  dt.date.fromisoformat(date) if date else None)


def test_a_city_and_its_oblast_and_country_are_one_place_and_two_cities_are_not(gazetteer):
    merger = Merger(Places(gazetteer))
    kharkiv, oblast, ukraine = "geonames:706483", "admin1:UA-63", "country:UA"
    assert merger.compatible(_report(0, "a", 12, [kharkiv]), _report(1, "b", 12, [oblast]))
    assert merger.compatible(_report(0, "a", 12, [ukraine]), _report(1, "b", 12, [kharkiv]))
    assert merger.compatible(_report(0, "a", 40, ["geonames:379555"]), _report(1, "b", 40, ["region:darfur"]))
    assert not merger.compatible(_report(0, "a", 12, [kharkiv]), _report(1, "b", 12, ["geonames:706448"]))
    assert not merger.compatible(_report(0, "a", 12, [kharkiv]), _report(1, "a", 12, [kharkiv]))  # one document


def test_dates_kinds_statuses_and_values_tell_facts_apart(gazetteer):
    merger = Merger(Places(gazetteer))
    base = _report(0, "a", 12000, ["country:PL"], kind="troops", qualifier="approx")
    assert merger.compatible(base, _report(1, "b", 10000, ["country:PL"], kind="troops", qualifier="more_than"))
    assert merger.compatible(base, _report(1, "b", 12000, ["country:PL"], date="2026-02-15", kind="troops"))
    assert not merger.compatible(base, _report(1, "b", 12000, ["country:PL"], date="2026-02-20", kind="troops"))
    assert not merger.compatible(base, _report(1, "b", 12000, ["country:PL"], kind="killed"))
    assert not merger.compatible(base, _report(1, "b", 12000, ["country:PL"], kind="troops", status="planned"))
    assert not merger.compatible(base, _report(1, "b", 30000, ["country:PL"], kind="troops"))
    assert merger.compatible(base, _report(1, "b", 0, ["country:PL"], kind="troops", low=11000, high=13000))


def test_a_report_without_a_date_matches_any_date_in_either_order(gazetteer):
    """"A report without a date matches any date": an undated report joins the dated event of its place, and a
    dated report joins the event an undated report started (found among the block's undated events), whose
    dates it then keeps: a third report a month later is another event."""
    merger = Merger(Places(gazetteer))
    kharkiv = ["geonames:706483"]
    undated, dated = _report(0, "a", 12, kharkiv, date=None), _report(1, "b", 12, kharkiv)
    later = _report(2, "c", 12, kharkiv, date="2026-03-12")
    assert merger.compatible(undated, dated) and merger.compatible(undated, later)
    assert [[r.index for r in g] for g in merger.group([dated, undated])] == [[1, 0]]
    assert [[r.index for r in g] for g in merger.group([undated, dated])] == [[0, 1]]
    assert [[r.index for r in g] for g in merger.group([undated, dated, later])] == [[0, 1], [2]]
    assert [[r.index for r in g] for g in merger.group([undated, later, dated])] == [[0, 2], [1]]


def test_disagreeing_values_stay_side_by_side(gazetteer):
    reports = [_report(i, f"d{i}", v, ["country:PL"], kind="troops") for i, v in
               enumerate((12000, 12000, 15000, 12000))]
    groups = Merger(Places(gazetteer)).group(reports)
    assert len(groups) == 1
    assert summarise_values(groups[0]) == (12000, "12,000 (3 reports) – 15,000 (1 report)")


def test_a_chain_of_near_values_does_not_drift_into_one_event(gazetteer):
    reports = [_report(i, f"d{i}", v, ["country:PL"], kind="troops") for i, v in
               enumerate((10000, 12000, 14000, 17000, 20000))]
    groups = Merger(Places(gazetteer)).group(reports)
    assert len(groups) > 1
    for g in groups:
        values = [r.value for r in g]
        assert max(values) / min(values) < 1.5


def test_the_written_clusters_merge_with_precision_and_recall_over_090(gazetteer):
    reports = load_reports()
    events, figures = events_frame(figures_of(reports, gazetteer), gazetteer)
    p, r, _ = pairwise([x["fact"] for x in reports], list(figures["event_id"]))
    assert p >= 0.9 and r >= 0.9
    assert set(events.columns) >= {"event_id", "reports", "values", "sources", "geometry"}
    assert int(events["reports"].sum()) == len(reports)
    by_id = dict(zip(events["event_id"], events["reports"], strict=True))
    assert by_id[figures["event_id"].iloc[0]] == 4  # the Baltic brigade: four reports in four languages


def test_the_events_dates_are_datetime_columns_as_the_figures(gazetteer):
    import pandas as pd

    figures = figures_of(load_reports(), gazetteer)
    figures["date"] = pd.to_datetime(figures["date"]).astype("datetime64[s]")  # as layers.frames gives it
    events, with_ids = events_frame(figures, gazetteer)
    for col in ("date", "date_end"):
        assert events[col].dtype == with_ids["date"].dtype == "datetime64[s]", col
    dated = with_ids.dropna(subset=["date"])
    assert len(dated) and events["date"].notna().any()
    first = dated.groupby("event_id")["date"].min()
    last = dated.groupby("event_id")["date"].max()
    by_id = events.set_index("event_id")
    assert (by_id.loc[first.index, "date"] == first).all() and (by_id.loc[last.index, "date_end"] == last).all()
    assert pd.api.types.is_datetime64_any_dtype(events.iloc[:0]["date"])


def test_the_events_written_in_chunks_have_datetime_dates_too(gazetteer, tmp_path, monkeypatch):
    """The events frames :func:`layers.consolidated.consolidate` writes chunk by chunk are built with datetime dates,
    as those of :func:`events_frame` (issue #16: dates are datetime columns in the GeoDataFrames)."""
    import layers.export
    from layers.consolidated import consolidate

    written = []

    class Recording(layers.export.GeoJSONWriter):
        def write(self, gdf, **kwargs):
            written.append(gdf)
            return super().write(gdf, **kwargs)

    monkeypatch.setattr(layers.export, "GeoJSONWriter", Recording)
    consolidate(iter([figures_of(load_reports(), gazetteer)]), gazetteer, tmp_path / "events.geojson",
                tmp_path / "scratch.pickle")
    assert written
    for events in written:
        assert events["date"].dtype == events["date_end"].dtype == "datetime64[s]"


def test_a_missing_date_of_a_frame_is_no_date():
    import datetime as dt

    import pandas as pd

    from geo.consolidate import parse_date

    assert parse_date(pd.NaT) is None
    assert parse_date(pd.Timestamp("2026-03-03 00:00:00")) == dt.date(2026, 3, 3)
    assert parse_date("2026-03-03") == dt.date(2026, 3, 3)


def test_the_command_line_consolidates_figures_the_text_does_not_date(tmp_path):
    import json

    import make_map

    docs = tmp_path / "in.jsonl"
    docs.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "text": t}) for i, t in enumerate([
        "Almeno 12 civili sono stati uccisi a Kharkiv.", "At least 12 civilians were killed in Kharkiv."])) + "\n",
        encoding="utf-8")
    assert make_map.main([str(docs), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 0
    events = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [e["properties"]["reports"] for e in events] == [2]


def test_consolidating_in_chunks_writes_the_events_and_event_ids_of_the_whole_frame(gazetteer, tmp_path,
                                                                                   monkeypatch):
    import pandas as pd

    import layers.consolidated
    from layers.consolidated import MAP_EVENT_COLUMNS, consolidate
    from layers.export import geojson_dict, write_geojson

    figures = figures_of(load_reports(), gazetteer)
    copies = {figures["document"].iloc[0]: ["a-copy"]}
    events, with_ids = events_frame(figures, gazetteer, copies=copies)
    assert (events["reports"] > 1).any() and (events["reports"] == 1).any()
    write_geojson(events, tmp_path / "whole.geojson")
    monkeypatch.setattr(layers.consolidated, "CHUNK_REPORTS", 3)  # several chunks of events, too
    chunks = [figures.iloc[i:i + 7].reset_index(drop=True) for i in range(0, len(figures), 7)]
    done = consolidate(iter(chunks), gazetteer, tmp_path / "chunks.geojson", tmp_path / "scratch.pickle",
                       copies=copies)
    assert (tmp_path / "chunks.geojson").read_bytes() == (tmp_path / "whole.geojson").read_bytes()
    assert not (tmp_path / "scratch.pickle").exists()
    assert len(done) == len(events)
    starts = [0, *pd.Series([len(c) for c in chunks]).cumsum().tolist()[:-1]]
    again = pd.concat([done.with_events(c, s) for c, s in zip(chunks, starts, strict=True)], ignore_index=True)
    assert geojson_dict(again) == geojson_dict(with_ids)
    multi = events[events["reports"] > 1].reset_index(drop=True)
    assert geojson_dict(done.multi) == geojson_dict(multi[[*MAP_EVENT_COLUMNS, "geometry"]])


def test_the_merge_of_report_columns_holds_positions_not_reports_and_groups_as_the_list(gazetteer):
    import gc

    from geo.consolidate import ReportColumns

    places = [["country:PL"], ["country:UA"], ["geonames:706483"], ["admin1:UA-63"]]
    reports = [_report(i, f"d{i // 3}", (1200, 1250, 900, 40, 4000)[i % 5], places[i % 4],
                       date=f"2026-02-{1 + i % 20:02d}" if i % 7 else None, kind=("killed", "troops")[i % 2],
                       low=1100 if i % 11 == 0 else None, high=1300 if i % 11 == 0 else None) for i in range(300)]
    columns = ReportColumns()
    for r in reports:
        columns.append(r)
    assert len(columns) == 300 and list(columns) == reports and columns[-1] == reports[-1]
    expected = [[r.index for r in g] for g in Merger(Places(gazetteer)).group(reports)]
    del reports, r
    merger = Merger(Places(gazetteer))
    groups = merger.group_positions(columns)
    gc.collect()
    # the events hold their reports' positions (4 bytes each), no Report object stays alive
    assert sum(1 for o in gc.get_objects() if type(o) is Report) == 0
    assert [list(g) for g in groups] == expected and any(len(g) > 1 for g in groups)
