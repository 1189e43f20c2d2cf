"""Atlante on a Dask cluster: the per-document work distributed, the cross-document work after it.

Two ways in:

* the command line, ``make_map.py INPUT... --dask tcp://HOST:8786`` (or ``--dask local`` for a
  :class:`distributed.LocalCluster` on this machine): the same run as on one machine, with the
  batches of documents parsed by the cluster's workers (:func:`geo.parallel.parse_stream`);
* this Python API, for corpora held as a ``dask.bag`` of documents::

      import dask.bag as db
      from geo.cluster import parse_bag, events_of
      from geo.corpus import iter_documents

      bag = db.from_sequence(iter_documents(["articles/"]), partition_size=500)
      mentions, figures = parse_bag(bag)          # dask DataFrames, one row per mention / figure
      figures.to_parquet("figures.parquet")      # partitioned, for data too big for a map
      events = events_of(figures.compute())       # consolidation, on the reduced rows

Each worker parses with :func:`geo.pipeline.parse_document` (the function of the serial run)
and loads the gazetteer once (:func:`geo.parallel.worker_state`).  Consolidation
(:mod:`geo.consolidate`) reads rows of every document at once, so it runs after the
distributed step, on the reduced figure rows.  Near-duplicate copies are found there too
(each figure row carries its document's MinHash signature).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

import pandas as pd

from geo.errors import InputError
from geo.model import Document, ParsedDocument
from geo.parallel import Settings, parse_batch

#: Columns of the mentions frame: those of a ``mentions.jsonl`` toponym, plus the document and date.
MENTION_COLUMNS = ("doc_id", "start", "end", "surface", "place_id", "name", "kind", "country", "lat", "lon",
                   "role", "confidence", "date")

#: Columns of the figures frame (a representative point for the place; see ``figures.geojson``).
FIGURE_COLUMNS = ("figure_id", "document", "kind", "value", "low", "high", "qualifier", "status", "places",
                  "place_ids", "date", "date_end", "quote", "start", "end", "source", "per_unit", "unit",
                  "published", "url", "lat", "lon", "signature")


def _need_dask():
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:  # pragma: no cover - the test extra installs both
        raise InputError(f"the Dask features need dask and distributed ({exc.name} is missing): "
                         "pip install -e '.[dask]'") from None


@contextlib.contextmanager
def connect(address: str, *, n_workers: int | None = None) -> Iterator[Any]:
    """A :class:`distributed.Client` on a scheduler address, or on a new LocalCluster for ``"local"``.

    Parameters
    ----------
    address : str
        ``tcp://HOST:PORT`` of a running scheduler, or ``local``.
    n_workers : int, optional
        Worker processes of a local cluster (default: the cores), one thread each.

    Yields
    ------
    distributed.Client
    """
    _need_dask()
    from distributed import Client, LocalCluster

    from geo.parallel import default_jobs

    if address == "local":
        with LocalCluster(n_workers=n_workers or default_jobs(), threads_per_worker=1, processes=True,
                          dashboard_address=None, host="127.0.0.1", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    if "://" not in address:
        raise InputError(f"--dask expects a scheduler address such as tcp://HOST:8786, or 'local'; got {address!r}")
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    with client:
        yield client


def mention_rows(parsed: ParsedDocument) -> list[dict[str, Any]]:
    """One row per mention of a parsed document (columns :data:`MENTION_COLUMNS`)."""
    rows = []
    for m in parsed.mentions:
        e = m.entity
        rows.append({
            "doc_id": parsed.document.doc_id, "start": m.start, "end": m.end, "surface": m.surface,
            "place_id": e.id if e else None, "name": e.name if e else None, "kind": e.kind if e else None,
            "country": e.country if e else None, "lat": round(e.lat, 5) if e else None,
            "lon": round(e.lon, 5) if e else None, "role": m.role, "confidence": round(m.confidence, 3),
            "date": m.date,
        })
    return rows


def figure_rows(parsed: ParsedDocument, signature=None) -> list[dict[str, Any]]:
    """One row per figure of a parsed document (columns :data:`FIGURE_COLUMNS`).

    ``lat``/``lon`` is the first of its places a mention of the document resolved;
    ``signature`` the document's MinHash values as a list (for the copies found later).
    """
    points = {m.entity.id: (m.entity.lat, m.entity.lon) for m in parsed.mentions if m.entity is not None}
    doc = parsed.document
    sig = [int(v) for v in signature] if signature is not None else None
    rows = []
    for i, f in enumerate(parsed.figures):
        point = next((points[p] for p in f.place_ids if p in points), (None, None))
        rows.append({
            "figure_id": f.figure_id or f"{f.doc_id}:f{i + 1}", "document": f.doc_id, "kind": f.kind,
            "value": int(f.value), "low": f.low, "high": f.high, "qualifier": f.qualifier, "status": f.status,
            "places": list(f.places), "place_ids": list(f.place_ids), "date": f.date, "date_end": f.date_end,
            "quote": f.quote, "start": f.start, "end": f.end, "source": f.source, "per_unit": bool(f.per_unit),
            "unit": f.unit, "published": doc.date.isoformat() if doc.date else None, "url": doc.url,
            "lat": point[0], "lon": point[1], "signature": sig,
        })
    return rows


def _parse_partition(docs: list[Document], settings: Settings) -> list[tuple[list[dict], list[dict]]]:
    results, _ = parse_batch(list(docs), settings)
    return [(mention_rows(r.parsed), figure_rows(r.parsed, r.signature)) for r in results]


def _meta(columns: tuple[str, ...], numeric: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=numeric.get(c, object)) for c in columns})


_MENTION_TYPES = {"start": "int64", "end": "int64", "lat": "float64", "lon": "float64", "confidence": "float64"}
_FIGURE_TYPES = {"value": "int64", "low": "Int64", "high": "Int64", "start": "int64", "end": "int64",
                 "per_unit": "bool", "lat": "float64", "lon": "float64"}


def _frame(rows: list[dict], columns: tuple[str, ...], types: dict[str, str]) -> pd.DataFrame:
    data = {c: pd.Series([r[c] for r in rows], dtype=types.get(c, object)) for c in columns}
    return pd.DataFrame(data)


def parse_bag(bag, *, lang: str = "auto", pov: str = "un", corrections=None):
    """Parse a ``dask.bag`` of documents on the cluster into dask DataFrames of mentions and figures.

    Parameters
    ----------
    bag : dask.bag.Bag
        Of :class:`geo.model.Document` (or of dicts with the JSONL fields ``doc_id``, ``text``,
        ``date``, ``lang``, ``title``, ``url``).
    lang, pov, corrections
        As the command line's ``--lang``, ``--pov`` and ``--corrections``.

    Returns
    -------
    (dask.dataframe.DataFrame, dask.dataframe.DataFrame)
        Mentions (columns :data:`MENTION_COLUMNS`) and figures (:data:`FIGURE_COLUMNS`), one
        partition per partition of ``bag``, rows in document order within each.  Both read
        the same parsed partitions: compute them together (``dask.compute(mentions, figures)``)
        or ``persist()`` the bag to parse each document once.  Write them with ``to_parquet``,
        or turn the figures into a dask-geopandas frame with :func:`to_geo`
        (``to_geo(figures).to_parquet(folder)``: partitioned GeoParquet).
    """
    _need_dask()
    import dask
    import dask.dataframe as dd

    settings = Settings(lang, pov, corrections)
    parts = bag.map(_as_document).map_partitions(_parse_partition, settings).to_delayed()
    mentions = [dask.delayed(_mention_frame)(part) for part in parts]
    figures = [dask.delayed(_figure_frame)(part) for part in parts]
    # list columns (places, place_ids, signature) stay Python objects, not pyarrow strings
    with dask.config.set({"dataframe.convert-string": False}):
        return (dd.from_delayed(mentions, meta=_meta(MENTION_COLUMNS, _MENTION_TYPES), verify_meta=False),
                dd.from_delayed(figures, meta=_meta(FIGURE_COLUMNS, _FIGURE_TYPES), verify_meta=False))


def _mention_frame(part: list[tuple[list[dict], list[dict]]]) -> pd.DataFrame:
    return _frame([row for rows, _ in part for row in rows], MENTION_COLUMNS, _MENTION_TYPES)


def _figure_frame(part: list[tuple[list[dict], list[dict]]]) -> pd.DataFrame:
    return _frame([row for _, rows in part for row in rows], FIGURE_COLUMNS, _FIGURE_TYPES)


def _as_document(item: Any) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, dict):
        import json
        from pathlib import Path

        from geo.documents import jsonl_document

        return jsonl_document(json.dumps(item), Path("bag"), 0)
    raise InputError(f"a bag of documents holds Document objects or JSONL-like dicts, not {type(item).__name__}")


def to_geo(figures):
    """A dask-geopandas frame of figure rows, with a point geometry from ``lon``/``lat`` (EPSG:4326)."""
    import dask_geopandas
    import geopandas as gpd

    def part(df: pd.DataFrame) -> gpd.GeoDataFrame:
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")

    meta = part(figures._meta)
    return dask_geopandas.from_dask_dataframe(figures.map_partitions(part, meta=meta))


def events_of(figures: pd.DataFrame, gazetteer=None, *, dedup: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Consolidate figure rows (from :func:`parse_bag`, computed) into events, after the copies are set aside.

    Parameters
    ----------
    figures : pandas.DataFrame
        Figure rows of every document, in document order.
    gazetteer : Gazetteer, optional
        Default: the embedded one.
    dedup : bool
        Set aside the figures of near-duplicate copies (by the rows' ``signature``).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Events (columns of :data:`layers.consolidated.EVENT_COLUMNS`, geometry dropped) and the figures
        of the kept documents with ``event_id`` and ``copies``.
    """
    import numpy as np

    from geo.duplicates import DuplicateFinder
    from geo.gazetteer import load_gazetteer
    from layers.consolidated import events_frame

    gazetteer = gazetteer or load_gazetteer()
    docs = list(dict.fromkeys(figures["document"]))
    copy_of: dict[str, str] = {}
    copies: dict[str, list[str]] = {}
    if dedup:
        finder = DuplicateFinder()
        sig_of = dict(zip(figures["document"], figures["signature"], strict=True))
        for doc in docs:
            sig = sig_of.get(doc)
            kept = finder.add(np.asarray(sig, dtype=np.uint64) if sig is not None else None)
            if kept is not None:
                copy_of[doc] = docs[kept]
                copies.setdefault(docs[kept], []).append(doc)
    kept_rows = figures[~figures["document"].isin(copy_of)].reset_index(drop=True)
    import geopandas as gpd

    geo = gpd.GeoDataFrame(kept_rows.drop(columns=["signature"]),
                           geometry=gpd.points_from_xy(kept_rows["lon"], kept_rows["lat"]), crs="EPSG:4326")
    events, with_ids = events_frame(geo, gazetteer, copies=copies)
    return pd.DataFrame(events.drop(columns="geometry")), pd.DataFrame(with_ids.drop(columns="geometry"))


def write_geoparquet(figures, folder) -> None:
    """Write figure rows (from :func:`parse_bag`) as partitioned GeoParquet, one file per partition.

    For corpora whose figures no map could hold: read them back with
    ``geopandas.read_parquet(folder)`` or ``dask_geopandas.read_parquet(folder)``.  The
    document signatures are left out; list columns are lists of strings.
    """
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    types = {"value": pa.int64(), "low": pa.int64(), "high": pa.int64(), "start": pa.int64(), "end": pa.int64(),
             "per_unit": pa.bool_(), "lat": pa.float64(), "lon": pa.float64(), "places": texts, "place_ids": texts,
             "geometry": pa.binary()}
    columns = [c for c in FIGURE_COLUMNS if c != "signature"]
    schema = pa.schema([(c, types.get(c, text)) for c in [*columns, "geometry"]])
    to_geo(figures.drop(columns=["signature"])).to_parquet(str(folder), schema=schema, write_index=False)
