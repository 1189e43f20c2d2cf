"""Dask: a LocalCluster of two worker processes gives the serial run's outputs, byte for byte after sorting."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

import make_map
from benchmarks.corpus import sample_like_documents
from geo.cluster import FIGURE_COLUMNS, MENTION_COLUMNS, events_of, figure_rows, mention_rows, parse_bag
from geo.corpus import iter_documents
from geo.model import Document
from geo.parallel import Settings, parse_stream

N_DOCS = 20


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import LocalCluster

    from geo.parallel import parse_batch

    # Warm this process (gazetteer, lexicons, pipeline) and fork the two worker processes from it: they start
    # with all of it instead of importing and loading it again each (spawn, Dask's default, takes seconds more).
    parse_batch([Document(doc_id="warm", text="Ieri 300 soldati sono arrivati a Kharkiv.")], Settings())
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         host="127.0.0.1", silence_logs=logging.ERROR) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sample_like_documents(N_DOCS, seed=11)),
                    encoding="utf-8")
    return path


def _sorted_lines(path: Path) -> list[bytes]:
    if path.suffix == ".geojson":
        features = json.loads(path.read_bytes())["features"]
        return sorted(json.dumps(f, sort_keys=True, ensure_ascii=False).encode() for f in features)
    return sorted(path.read_bytes().splitlines())


def test_the_command_line_on_the_cluster_writes_the_serial_runs_outputs(cluster, corpus_file, tmp_path):
    serial, dask_out = tmp_path / "serial", tmp_path / "dask"
    assert make_map.main([str(corpus_file), "-o", str(serial), "-q", "--jobs", "1"]) == 0
    assert make_map.main([str(corpus_file), "-o", str(dask_out), "-q", "--dask", cluster.scheduler_address]) == 0
    for name in ("places.geojson", "figures.geojson", "events.geojson", "mentions.jsonl"):
        assert _sorted_lines(serial / name) == _sorted_lines(dask_out / name), name
        assert (serial / name).read_bytes() == (dask_out / name).read_bytes(), name  # the order is kept too


def test_parse_bag_gives_the_serial_rows(cluster, corpus_file):
    import dask
    import dask.bag as db
    from distributed import Client

    docs = list(iter_documents([str(corpus_file)]))
    serial = list(parse_stream(iter(docs), Settings(), jobs=1))
    want_m = [tuple(r[c] for c in MENTION_COLUMNS) for s in serial for r in mention_rows(s.parsed)]
    want_f = [tuple(json.dumps(r[c]) for c in FIGURE_COLUMNS) for s in serial
              for r in figure_rows(s.parsed, s.signature)]
    with Client(cluster) as client:
        mentions, figures = parse_bag(db.from_sequence(docs, npartitions=3))
        m, f = dask.compute(mentions, figures, scheduler=client.get)
    got_m = [tuple(None if v != v else v for v in row) for row in m[list(MENTION_COLUMNS)].itertuples(index=False)]
    got_f = [tuple(json.dumps(_plain(v)) for v in row) for row in f[list(FIGURE_COLUMNS)].itertuples(index=False)]
    assert sorted(map(repr, got_m)) == sorted(map(repr, want_m))
    assert sorted(got_f) == sorted(want_f)
    events, kept = events_of(f)
    assert len(events) and set(kept["event_id"]) == set(events["event_id"])


def _plain(v):
    import pandas as pd

    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and v != v:
        return None
    return v.item() if hasattr(v, "item") else v


def test_write_geoparquet_writes_one_file_per_partition_that_reads_back(cluster, corpus_file, tmp_path):
    import dask.bag as db
    import geopandas as gpd
    from distributed import Client

    from geo.cluster import write_geoparquet

    docs = list(iter_documents([str(corpus_file)]))
    with Client(cluster):
        _, figures = parse_bag(db.from_sequence(docs, npartitions=2))
        write_geoparquet(figures, tmp_path / "figures.parquet")
        expected = figures.compute()
    assert len(list((tmp_path / "figures.parquet").glob("*.parquet"))) == 2
    back = gpd.read_parquet(tmp_path / "figures.parquet")
    assert back.crs == "EPSG:4326" and list(back["figure_id"]) == list(expected["figure_id"])
    assert [list(p) for p in back["place_ids"]] == list(expected["place_ids"])
    # a figure with no place has an empty point: its x is NaN, as its lon
    assert back.geometry.x.round(5).fillna(999).tolist() == expected["lon"].round(5).fillna(999).tolist()
