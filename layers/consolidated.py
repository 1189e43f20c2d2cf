"""GeoDataFrame of the consolidated events, and the ``event_id`` of every figure (EPSG:4326).

The merge itself is :mod:`geo.consolidate`; this module turns the figures frame
(:func:`layers.frames.figures_frame`, one row per report) into one row per event.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.consolidate import Merger, Places, Report, ReportColumns, parse_date, summarise_values
from geo.model import Document

CRS = "EPSG:4326"

#: Columns of :func:`events_frame`, in order (the geometry column comes last).
EVENT_COLUMNS = ("event_id", "kind", "status", "value", "values", "low", "high", "qualifier", "places",
                 "place_ids", "date", "date_end", "reports", "documents", "copies", "sources")


def outlet_of(doc: Document | None) -> str | None:
    """The outlet of a document: its ``outlet`` when the input names one, else its URL's host."""
    if doc is None:
        return None
    outlet = getattr(doc, "outlet", None)
    if outlet:
        return outlet
    host = urlsplit(doc.url).hostname if doc.url else None
    return host[4:] if host and host.startswith("www.") else host


def reports_of(figures: gpd.GeoDataFrame, start: int = 0) -> list[Report]:
    """The figures frame's rows as reports for the merge, in row order (``index`` counts from ``start``)."""
    out = []
    shared: dict[Any, Any] = {}  # one tuple per set of places, one date per day: half a million reports at scale
    one = shared.setdefault
    cols = ("document", "kind", "status", "value", "low", "high", "qualifier", "per_unit", "place_ids", "date")
    for i, row in enumerate(figures[list(cols)].itertuples(index=False, name=None), start):
        doc, kind, status, value, low, high, qualifier, per_unit, place_ids, date = row
        place_ids = tuple(place_ids or ())
        day = parse_date(date)
        out.append(Report(index=i, document=str(doc), kind=kind, status=status, value=int(value),
                          low=None if pd.isna(low) else int(low), high=None if pd.isna(high) else int(high),
                          qualifier=qualifier, per_unit=bool(per_unit), place_ids=one(place_ids, place_ids),
                          date=None if day is None else one(day, day)))
    return out


#: What an event's row reads of one of its reports: its figure id, quote and place names.
Detail = tuple[str, str, list[str]]


def _event_row(members: list[Report], event_id: str, places: Places, detail: Callable[[int], Detail],
               geometry: Callable[[int], Any], documents: Mapping[str, Document],
               copies: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """One row of :func:`events_frame` (``detail`` and ``geometry`` of a report by its index)."""
    value, values = summarise_values(members)
    best = min(members, key=lambda m: (places.kind_rank(m.place_ids), m.index))
    dates = sorted(m.date.isoformat() for m in members if m.date is not None)
    sources = []
    for m in members:
        doc = documents.get(m.document)
        figure_id, quote, _ = detail(m.index)
        sources.append({
            "figure_id": figure_id, "document": m.document, "outlet": outlet_of(doc),
            "published": doc.date.isoformat() if doc is not None and doc.date else None,
            "date": m.date.isoformat() if m.date else None, "value": m.value, "qualifier": m.qualifier,
            "quote": quote, "copies": list(copies.get(m.document, ())),
        })
    lows = [m.low if m.low is not None else m.value for m in members]
    highs = [m.high if m.high is not None else m.value for m in members]
    return {
        "event_id": event_id, "kind": best.kind, "status": best.status, "value": value, "values": values,
        "low": min(lows), "high": max(highs), "qualifier": best.qualifier, "places": list(detail(best.index)[2]),
        "place_ids": list(best.place_ids), "date": dates[0] if dates else None,
        "date_end": dates[-1] if dates else None, "reports": len(members),
        "documents": list(dict.fromkeys(m.document for m in members)),
        "copies": sum(len(s["copies"]) for s in sources), "sources": sources,
        "geometry": geometry(best.index),
    }


def _events_gdf(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = EVENT_COLUMNS) -> gpd.GeoDataFrame:
    """The events frame of rows of :func:`_event_row` (``columns`` of :data:`EVENT_COLUMNS`, and the geometry); its
    dates are datetime columns (``NaT`` when no report is dated), as the figures' (the writers give the same ISO
    days)."""
    dtypes = {"value": "int64", "low": "int64", "high": "int64", "reports": "int64", "copies": "int64",
              "date": "datetime64[s]", "date_end": "datetime64[s]"}
    data = {c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, object)) for c in columns}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([r["geometry"] for r in rows], crs=CRS), crs=CRS)


#: The columns the consolidation adds to the figures, before their geometry: each report's event and its document's
#: near-duplicate copies (:func:`_with_event_columns`, :meth:`Consolidation.event_values`).
ADDED_COLUMNS = ("event_id", "copies")


def _with_event_columns(figures: gpd.GeoDataFrame, event_of: Sequence[str],
                        copies: Mapping[str, Sequence[str]]) -> gpd.GeoDataFrame:
    """A shallow copy of ``figures`` with the :data:`ADDED_COLUMNS` before its geometry."""
    figures = figures.copy(deep=False)  # the caller lets go of its frame: new columns, the same data
    for name, values in zip(ADDED_COLUMNS, (event_of, _copy_lists(copies, figures["document"])), strict=True):
        figures.insert(len(figures.columns) - 1, name, pd.Series(values, index=figures.index, dtype=object))
    return figures


def _copy_lists(copies: Mapping[str, Sequence[str]], documents: Iterable[str]) -> list[list[str]]:
    """The ``copies`` column of :data:`ADDED_COLUMNS` for figures whose documents are ``documents``: each one's
    near-duplicate copies (empty for a document with none)."""
    return [list(copies.get(d, ())) for d in documents]


def events_frame(figures: gpd.GeoDataFrame, gazetteer: Any, *, documents: Mapping[str, Document] | None = None,
                 copies: Mapping[str, Sequence[str]] | None = None) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Consolidate the figures into events.

    Parameters
    ----------
    figures : geopandas.GeoDataFrame
        One row per report (:func:`layers.frames.figures_frame`), of the kept documents only.
    gazetteer : Gazetteer
        Tells which place holds which (:class:`geo.consolidate.Places`).
    documents : mapping of str to Document, optional
        The documents by id, for each report's outlet and publication date.
    copies : mapping of str to list of str, optional
        For a kept document, the ids of its near-duplicate copies (:mod:`geo.duplicates`).

    Returns
    -------
    (events, figures)
        ``events``: columns :data:`EVENT_COLUMNS` and ``geometry`` (the geometry of its most
        specific report), in order of first report; ``date`` and ``date_end`` are datetime
        columns (``NaT`` when no report is dated), as in the figures frame (a
        :class:`geo.model.Figure` record keeps its ISO string).  ``figures``: the input with the columns
        ``event_id`` and ``copies`` added.  :func:`consolidate` gives the same from the figures
        in chunks, writing the events as it goes.
    """
    documents = documents if documents is not None else {}  # a store's by_id: no len() of it
    copies = copies or {}
    places = Places(gazetteer)
    reports = reports_of(figures)
    groups = Merger(places).group(reports)
    event_of = [""] * len(reports)
    details = list(zip(figures["figure_id"], figures["quote"], figures["places"], strict=True))
    geoms = list(figures.geometry)
    rows = []
    for members in groups:
        event_id = f"event:{details[members[0].index][0]}"
        for m in members:
            event_of[m.index] = event_id
        rows.append(_event_row(members, event_id, places, details.__getitem__, geoms.__getitem__, documents, copies))
    return _events_gdf(rows), _with_event_columns(figures, event_of, copies)


#: Columns of the events the map reads (:func:`layers.map.build_map`).
MAP_EVENT_COLUMNS = ("event_id", "kind", "value", "place_ids", "reports")

#: Reports (sources) per chunk of events written by :func:`consolidate`: an event of many reports holds a
#: source (with its quote) per report.
CHUNK_REPORTS = 5000


@dataclass
class Consolidation:
    """The events of a corpus whose figures came in chunks (:func:`consolidate`).

    Attributes
    ----------
    event_ids : list of str
        Each event's id, in order of first report.
    event_of : numpy.ndarray
        For each figure (in the chunks' order), the number of its event in ``event_ids`` (``int32``).
    multi : geopandas.GeoDataFrame
        The events of several reports, columns :data:`MAP_EVENT_COLUMNS` and ``geometry``: what
        the map draws as one symbol (the map draws an event of one report as its figure).
    copies : mapping of str to list of str
        The near-duplicate copies of each kept document.
    """

    event_ids: list[str]
    event_of: np.ndarray
    multi: gpd.GeoDataFrame
    copies: Mapping[str, Sequence[str]]

    def __len__(self) -> int:
        return len(self.event_ids)

    def with_events(self, figures: gpd.GeoDataFrame, start: int) -> gpd.GeoDataFrame:
        """A chunk of the figures (its first row the ``start``-th figure) with the columns ``event_id`` and
        ``copies`` that :func:`events_frame` adds."""
        return _with_event_columns(figures, self._events_at(start, len(figures)), self.copies)

    def event_values(self, documents: Sequence[str], start: int) -> tuple[Sequence[str], list[list[str]]]:
        """The values of the :data:`ADDED_COLUMNS` that :meth:`with_events` adds to a chunk of the figures whose
        ``document`` column is ``documents`` (its first row the ``start``-th figure), made without the frame."""
        return self._events_at(start, len(documents)), _copy_lists(self.copies, documents)

    def _events_at(self, start: int, n: int) -> list[str]:
        """The event ids of the ``n`` figures from the ``start``-th on."""
        ids = self.event_ids
        return [ids[e] for e in self.event_of[start:start + n].tolist()]


def consolidate(chunks: Iterable[gpd.GeoDataFrame], gazetteer: Any, events_path: Path, scratch: Path, *,
                documents: Mapping[str, Document] | None = None,
                copies: Mapping[str, Sequence[str]] | None = None) -> Consolidation:
    """Consolidate figures given in chunks and write ``events.geojson`` as the events come, chunk by chunk.

    What :func:`events_frame` does, holding only what the merge compares (:class:`geo.consolidate.Report`)
    and, per figure, a place in a scratch file for its id, quote and place names (read back for the
    events' sources) and its geometry (one shared object per set of places), never the whole figures frame.

    Parameters
    ----------
    chunks : iterable of geopandas.GeoDataFrame
        The figures frame in chunks (:func:`layers.frames.figure_chunks`), read once.
    gazetteer : Gazetteer
        As :func:`events_frame`.
    events_path : Path
        Where to write the events (the bytes of :func:`layers.export.write_geojson` of
        :func:`events_frame`'s events).
    scratch : Path
        A temporary file (deleted before returning).
    documents, copies
        As :func:`events_frame`.

    Returns
    -------
    Consolidation
        The events of each figure, for the figures' own outputs and the map.
    """
    from layers.export import GeoJSONWriter

    documents = documents if documents is not None else {}  # a store's by_id: no len() of it
    copies = copies or {}
    places = Places(gazetteer)
    reports = ReportColumns()  # some 40 bytes a report, not a Report object each
    geoms: list[Any] = []
    offsets = array("q")
    scratch = Path(scratch)
    try:
        with scratch.open("wb") as fh:
            for chunk in chunks:
                for report in reports_of(chunk, len(reports)):
                    reports.append(report)
                geoms += list(chunk.geometry)
                for detail in zip(chunk["figure_id"], chunk["quote"], chunk["places"], strict=True):
                    offsets.append(fh.tell())
                    pickle.dump(detail, fh, protocol=pickle.HIGHEST_PROTOCOL)
        groups = Merger(places).group_positions(reports)  # each event its reports' positions
        event_of = np.zeros(len(offsets), dtype=np.int32)  # 4 bytes a figure: fewer than 2**31 events
        event_ids: list[str] = []
        multi: list[dict[str, Any]] = []
        with scratch.open("rb") as fh, GeoJSONWriter(events_path) as writer:
            def detail(i: int) -> Detail:
                fh.seek(offsets[i])
                return pickle.load(fh)

            rows: list[dict[str, Any]] = []
            n_reports = 0
            for positions in groups:
                members = [reports[i] for i in positions]  # made for this event alone
                event_id = f"event:{detail(members[0].index)[0]}"
                for m in members:
                    event_of[m.index] = len(event_ids)
                event_ids.append(event_id)
                row = _event_row(members, event_id, places, detail, geoms.__getitem__, documents, copies)
                if row["reports"] > 1:
                    multi.append({c: row[c] for c in (*MAP_EVENT_COLUMNS, "geometry")})
                rows.append(row)
                n_reports += len(members)
                if n_reports >= CHUNK_REPORTS:
                    writer.write(_events_gdf(rows))
                    rows, n_reports = [], 0
            if rows or not writer.count:
                writer.write(_events_gdf(rows))
    finally:
        scratch.unlink(missing_ok=True)
    return Consolidation(event_ids, event_of, _events_gdf(multi, MAP_EVENT_COLUMNS), copies)
