"""GeoDataFrame of the consolidated events, and the ``event_id`` of every figure (EPSG:4326).

The merge itself is :mod:`geo.consolidate`; this module turns the figures frame
(:func:`layers.frames.figures_frame`, one row per report) into one row per event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import pandas as pd

from geo.consolidate import Merger, Places, Report, parse_date, summarise_values
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


def reports_of(figures: gpd.GeoDataFrame) -> list[Report]:
    """The figures frame's rows as reports for the merge, in row order."""
    out = []
    cols = ("document", "kind", "status", "value", "low", "high", "qualifier", "per_unit", "place_ids", "date")
    for i, row in enumerate(figures[list(cols)].itertuples(index=False, name=None)):
        doc, kind, status, value, low, high, qualifier, per_unit, place_ids, date = row
        out.append(Report(index=i, document=str(doc), kind=kind, status=status, value=int(value),
                          low=None if pd.isna(low) else int(low), high=None if pd.isna(high) else int(high),
                          qualifier=qualifier, per_unit=bool(per_unit), place_ids=tuple(place_ids or ()),
                          date=parse_date(date)))
    return out


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
        specific report), in order of first report.  ``figures``: the input with the columns
        ``event_id`` and ``copies`` added.
    """
    documents = documents or {}
    copies = copies or {}
    places = Places(gazetteer)
    reports = reports_of(figures)
    groups = Merger(places).group(reports)
    event_of = [""] * len(reports)
    rows = []
    figure_ids = list(figures["figure_id"])
    quotes = list(figures["quote"])
    names = list(figures["places"])
    geoms = list(figures.geometry)
    for members in groups:
        event_id = f"event:{figure_ids[members[0].index]}"
        for m in members:
            event_of[m.index] = event_id
        value, values = summarise_values(members)
        best = min(members, key=lambda m: (places.kind_rank(m.place_ids), m.index))
        dates = sorted(m.date.isoformat() for m in members if m.date is not None)
        sources = []
        for m in members:
            doc = documents.get(m.document)
            sources.append({
                "figure_id": figure_ids[m.index], "document": m.document, "outlet": outlet_of(doc),
                "published": doc.date.isoformat() if doc is not None and doc.date else None,
                "date": m.date.isoformat() if m.date else None, "value": m.value, "qualifier": m.qualifier,
                "quote": quotes[m.index], "copies": list(copies.get(m.document, ())),
            })
        lows = [m.low if m.low is not None else m.value for m in members]
        highs = [m.high if m.high is not None else m.value for m in members]
        rows.append({
            "event_id": event_id, "kind": best.kind, "status": best.status, "value": value, "values": values,
            "low": min(lows), "high": max(highs), "qualifier": best.qualifier, "places": list(names[best.index]),
            "place_ids": list(best.place_ids), "date": dates[0] if dates else None,
            "date_end": dates[-1] if dates else None, "reports": len(members),
            "documents": list(dict.fromkeys(m.document for m in members)),
            "copies": sum(len(s["copies"]) for s in sources), "sources": sources,
            "geometry": geoms[best.index],
        })
    dtypes = {"value": "int64", "low": "int64", "high": "int64", "reports": "int64", "copies": "int64"}
    data = {c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, object)) for c in EVENT_COLUMNS}
    events = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([r["geometry"] for r in rows], crs=CRS), crs=CRS)
    figures = figures.copy(deep=False)  # the caller lets go of its frame: new columns, the same data
    figures.insert(len(figures.columns) - 1, "event_id", pd.Series(event_of, index=figures.index, dtype=object))
    figures.insert(len(figures.columns) - 1, "copies",
                   pd.Series([list(copies.get(d, ())) for d in figures["document"]], index=figures.index,
                             dtype=object))
    return events, figures
