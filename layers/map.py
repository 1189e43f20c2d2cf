"""The folium map: proportional symbols of the figures, light area outlines, a legend, an events panel.

Layers (overlays in the layer control, top to bottom; all on at start except *All places*,
which is on only when there is nothing else to show):

* **Deployments**, **Incidents**, **Casualties**, **Other figures** - one proportional
  symbol per figure (circle area proportional to the number, one size scale per layer),
  at the representative point of its first place.  A figure over several places is one
  symbol: hovering or clicking it lights up all its places, and its popup says which
  places share it.  A figure over a whole area (oblast, country, region) has a dashed
  ring and its area a light outline (drawn once per place, never stacked fills); a planned
  figure is hollow.  A current and a planned figure the text pairs in one sentence are one
  symbol ("12,000, could rise to 20,000"); figures repeating one another in one sentence
  are drawn once.  Given the consolidated events (``build_map(..., events=...)``), the
  figures of one event reported by several documents are one symbol, sized by the value
  most reports give (never an average), whose popup lists every report and says how many.
* **Venues and actors** - places whose role is venue or actor, coloured by role.
* **All places** - every resolved place, coloured by its first role.

Labels (number and place name) show at the zooms where they do not collide.  The events
panel (``layers/assets/atlante.js``) lists the symbols in a table linked to the map, with
search, filters by document, kind, status, qualifier and a date axis with a histogram that
filter every layer, the list of documents, and downloads of what is shown.  With more than
:data:`MAX_SYMBOLS` symbols, the page draws totals per place and day with their number of
reports (and says so) and carries only those: per total its sums, span and documents, the
:data:`MAX_TOTAL_ENTRIES` earliest reports' quotes and how many more there are, one download row;
every figure stays in ``figures.geojson`` and every event in ``events.geojson``.  A run gives the
figures a chunk at a time (:class:`MapFigures`): once the totals are certain, nothing per figure is kept.

Base layers: the *offline* country outlines from the gazetteer and the *online* CartoDB
Positron tiles.  A self-contained map opens on the offline outlines, so it makes no network
request until the user picks the tiles; a ``cdn=True`` map opens on the tiles and falls back
to the outlines when tiles fail to load.

Every string from a document reaches the page as JSON data (``<``, ``>`` and ``&``
escaped) and is shown with ``textContent`` by ``layers/assets/atlante.js``: markup in a
document is shown, never run.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
import os
import pickle
import re
import sys
import tempfile
import warnings
import weakref
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import folium
import geopandas as gpd
import xyzservices.providers as xyz
from branca.element import Element, MacroElement

from geo.docstore import StoredIds
from geo.errors import GazetteerError
from geo.language import detect_language
from geo.model import ROLES, Document
from layers import style
from layers.assets import Raw, inline_assets
from layers.basemap import countries_layer, simplify
from layers.export import json_columns
from layers.frames import FIGURE_COLUMNS
from layers.polyline import encode_polygons
from layers.popups import (
    MAX_ENTRIES,
    document_text,
    figure_entry,
    figures_popup,
    kind_and_roles,
    place_popup,
    safe_href,
    title_of,
)
from layers.strings import (
    count_phrase,
    format_date_range,
    format_number,
    load_strings,
    place_names,
    plural_form,
)
from layers.words import figure_bounds, figure_phrase, group_phrase, number_phrase, text_pairs

#: Layers of proportional symbols, one per group of figure kinds, each with its own size scale.
FIGURE_LAYERS = ("deployments", "incidents", "casualties", "other")

#: Overlay layers in layer-control order.
LAYER_KEYS = (*FIGURE_LAYERS, "venues", "places")

#: Figure kind -> the layer drawing it.
FIGURE_LAYER = {"troops": "deployments", "incidents": "incidents", "killed": "casualties",
                "wounded": "casualties", "casualties": "casualties", "equipment": "other", "other": "other"}

#: Roles drawn in the "Venues and actors" layer.
VENUE_ROLES = ("venue", "actor")

#: Above this many symbols the page draws totals per place and day (issue: maps readable at scale).
MAX_SYMBOLS = 2_000

#: Reports written out (with their quotes) in the popup of a total, earliest first (by the first day of
#: their date, then in the order of the input); the rest are counted and left to the data files.
MAX_TOTAL_ENTRIES = 3

#: Periods of the totals, finest first: the first that brings the symbols under the limit is used.
AGGREGATE_PERIODS = (("day", 1), ("week", 7), ("month", 30), ("year", 365), ("all", None))

#: From this zoom on, every label that does not collide shows; below it, only the largest symbols' labels.
LABEL_ZOOM = 5

#: Simplification (degrees) and precision of the place shapes drawn on the map.
PLACE_TOLERANCE = 0.01
PLACE_DECIMALS = 3

#: An area wider than this (degrees) is framed by its representative point, not its extent, and its
#: outline is drawn without any fill (Russia, the US or "Europe" must not cover the world view).
MAX_FIT_WIDTH = 40.0

#: Days are counted from this date in the page's time axis.
EPOCH = dt.date(1970, 1, 1)

#: Tile provider of the online base layer.
TILES = xyz.CartoDB.Positron
#: Environment variable holding an API key for :data:`TILES`, if any.
TILES_KEY_ENV = "ATLANTE_TILES_API_KEY"


class AtlanteMap(folium.Map):
    """A :class:`folium.Map` that inlines its assets each time it is rendered.

    Parameters
    ----------
    cdn : bool
        Link the libraries from CDNs instead of inlining them.
    **kwargs
        Passed to :class:`folium.Map`.
    """

    def __init__(self, *, cdn: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.cdn = cdn

    def render(self, **kwargs: Any) -> None:
        """Inline the assets of every element (including ones added after :func:`build_map`), then render."""
        inline_assets(self, cdn=self.cdn)
        super().render(**kwargs)


class AtlanteLayers(MacroElement):
    """Calls ``atlanteRender`` (``layers/assets/atlante.js``) with the map, its groups and the data.

    The call is written to the page as is (:class:`layers.assets.Raw`), never through a
    Jinja template: text from a document may hold ``{{`` or ``{%``.
    """

    def __init__(self, groups: Mapping[str, folium.map.Layer], data: dict[str, Any]):
        super().__init__()
        self._name = "AtlanteLayers"
        self.groups = dict(groups)
        #: The page's data; its ``docs`` is a lazy :class:`PageList`, encoded by :func:`script_json` (plain
        #: :func:`json.dumps` needs ``default=list``).
        self.data = data
        #: When set, the page holds this marker where the data goes (:func:`save_map` writes the data itself).
        self.data_marker: str | None = None

    def groups_js(self) -> str:
        """A JavaScript object from layer keys to the folium layers' variables."""
        return "{" + ", ".join(f"{json.dumps(k)}: {v.get_name()}" for k, v in self.groups.items()) + "}"

    def render(self, **kwargs: Any) -> None:
        """Add the ``atlanteRender(...)`` call to the page's main script."""
        data = self.data_marker if self.data_marker is not None else script_json(self.data)
        call = f"atlanteRender({self._parent.get_name()}, {self.groups_js()}, {data});"
        self.get_root().script.add_child(Raw(call), name=self.get_name())


#: Characters :func:`script_json` escapes, with their JSON escapes.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))

#: Containers nested deeper than this are encoded in one piece by :func:`script_json_chunks`.
CHUNK_DEPTH = 3


def script_json(obj: Any) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and the JS line separators are escaped."""
    return "".join(script_json_chunks(obj, depth=0))


def script_json_chunks(obj: Any, depth: int = CHUNK_DEPTH) -> Iterator[str]:
    """:func:`script_json` of ``obj`` in pieces, so that a big page's data is never one string.

    Parameters
    ----------
    obj : Any
        JSON-serialisable data.
    depth : int
        Dicts and lists down to this depth are written item by item; deeper ones in one piece.

    Yields
    ------
    str
        Pieces whose concatenation is ``script_json(obj)``.
    """
    for piece in _json_chunks(obj, depth):
        for char, code in _SCRIPT_ESCAPES:
            if char in piece:
                piece = piece.replace(char, code)
        yield piece


def _json_chunks(obj: Any, depth: int) -> Iterator[str]:
    """``json.dumps(obj)`` (compact, UTF-8, no NaN) in pieces: containers down to ``depth`` item by item."""
    if depth > 0 and isinstance(obj, (list, tuple, PageList)) and obj:
        yield "["
        for i, item in enumerate(obj):
            if i:
                yield ","
            yield from _json_chunks(item, depth - 1)
        yield "]"
    elif depth > 0 and isinstance(obj, dict) and obj and all(isinstance(k, str) for k in obj):
        for i, (key, value) in enumerate(obj.items()):
            yield ("{" if i == 0 else ",") + _dumps(key) + ":"
            yield from _json_chunks(value, depth - 1)
        yield "}"
    else:
        yield _dumps(obj)


def _dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_list)``, through
    one encoder made once (json.dumps makes one per call with these options; a page asks tens of thousands)."""
    return _ENCODE(obj)


def _json_list(obj: Any) -> list[Any]:
    """A :class:`PageList` (or an array of numbers) as JSON reads it: the list of its items."""
    if isinstance(obj, PageList):
        return list(obj)
    if isinstance(obj, array):  # a place's documents
        return obj.tolist()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_list).encode


class _Places:
    """Place geometry and names for the page, each place sent once whatever the layers using it."""

    def __init__(self, places: gpd.GeoDataFrame, gazetteer: Any, strings: dict[str, Any] | None = None):
        self.gazetteer = gazetteer
        self.local = place_names(strings["code"]) if strings else {}
        self.rows = {row["place_id"]: row for row in places.to_dict("records")} if len(places) else {}
        for row in self.rows.values():  # names, kinds, roles, geometry: each place's documents are not held here
            row.pop("documents", None)
        self.used: dict[str, dict[str, Any]] = {}
        self._missing: set[str] = set()

    def _entity(self, place_id: str):
        if self.gazetteer is None:
            return None
        try:
            return self.gazetteer.get(place_id)
        except (GazetteerError, KeyError, LookupError):
            return None

    def name(self, place_id: str, fallback: str | None = None) -> str:
        """The place's name in the interface language when known (Polonia, Mosca), else its English name."""
        if place_id in self.local:
            return self.local[place_id]
        row = self.rows.get(place_id)
        if row is not None:
            return row["name"]
        entity = self._entity(place_id)
        return entity.name if entity is not None else (fallback or place_id)

    def kind(self, place_id: str) -> str:
        """``city``, ``admin1``, ``country``, ``region`` or ``other``."""
        row = self.rows.get(place_id)
        if row is not None:
            return row["kind"]
        entity = self._entity(place_id)
        if entity is not None:
            return entity.kind
        return "city" if (self.used.get(place_id) or {}).get("e") is None else "other"

    def describe(self, place_id: str, strings: dict[str, Any]) -> str:
        """``"city · incident"``: the place's kind and roles, when the places frame has it."""
        row = self.rows.get(place_id)
        return kind_and_roles(row["kind"], row["roles"], strings) if row is not None else ""

    def use(self, place_id: str) -> dict[str, Any] | None:
        """The page's record of a place, or None.

        ``n`` its name, ``p`` its [lat, lon], ``e`` its polygons encoded with
        :func:`layers.polyline.encode_polygons` (null for a point).
        """
        if place_id in self.used:
            return self.used[place_id]
        if place_id in self._missing:
            return None
        row = self.rows.get(place_id)
        entity = self._entity(place_id)
        geom = row["geometry"] if row is not None else None
        if geom is None and entity is not None:
            try:
                geom = self.gazetteer.geometry(place_id)
            except (GazetteerError, KeyError, LookupError):
                geom = None
        if geom is not None and geom.is_empty:
            geom = None
        if entity is not None:
            point = [entity.lat, entity.lon]
        elif geom is not None:
            rep = geom.representative_point()
            point = [rep.y, rep.x]
        else:
            self._missing.add(place_id)
            return None
        shape = None
        if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
            shape = encode_polygons(simplify(geom, PLACE_TOLERANCE), PLACE_DECIMALS) or None
        record = {"n": self.name(place_id), "p": [round(point[0], 5), round(point[1], 5)], "e": shape}
        if shape is not None:
            minx, miny, maxx, maxy = geom.bounds
            wide = maxx - minx > MAX_FIT_WIDTH
            record["_bounds"] = None if wide else [[miny, minx], [maxy, maxx]]
            record["w"] = int(wide)
        self.used[place_id] = record
        return record

    def page_data(self) -> dict[str, dict[str, Any]]:
        return {pid: {k: v for k, v in rec.items() if not k.startswith("_")} for pid, rec in self.used.items()}


#: The figures the map draws: their frame, its :func:`figure_records`, or a :class:`MapFigures` fed chunk by chunk.
FigureRows = "gpd.GeoDataFrame | list[FigureRecord] | MapFigures"


def figure_records(figures: gpd.GeoDataFrame, *, values: list[list[Any]] | None = None) -> list[FigureRecord]:
    """The rows of a figures frame as the map reads them (JSON data; see :func:`build_map`).

    The records of a frame's chunks, concatenated, are those of the whole frame: a run gives
    :func:`build_map` these rather than a frame it would hold whole.  ``values``: the frame's
    :func:`layers.export.json_columns`, when the caller made them already (its date texts are interned here).
    """
    if not len(figures):
        return []
    columns = [c for c in figures.columns if c != figures.geometry.name]
    if values is None:
        values = json_columns(figures)  # json_value of each cell, a column at a time
    return records_of(columns, values)


def records_of(columns: Sequence[str], values: list[list[Any]]) -> list[FigureRecord]:
    """The records of :func:`figure_records` from a frame's column names and :func:`layers.export.json_columns`
    (as a child process sends them back, :func:`layers.stream.write_frames`); ``values`` becomes theirs.

    Parameters
    ----------
    columns : sequence of str
        The frame's columns but the geometry, in order.
    values : list of list
        One list of JSON values per column.

    Returns
    -------
    list of FigureRecord
    """
    columns = list(columns)
    for col in ("date", "date_end"):  # one text per day, not one per figure
        if col in columns:
            values[columns.index(col)] = [sys.intern(v) if type(v) is str else v for v in values[columns.index(col)]]
    index = {c: i for i, c in enumerate(columns)}
    return [FigureRecord(index, list(row)) for row in zip(*values, strict=True)]


class FigureRecord(MutableMapping):
    """One figure as the map reads it: a mapping of the frame's columns to JSON values.

    The columns' positions are shared by every record, each record holds a list of its values:
    half the memory of a dict (the map holds one record per figure).  Its keys are fixed: a value
    can change, a key cannot be added or removed.
    """

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: list[Any]) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> Any:
        return self._values[self._index[key]]

    def __setitem__(self, key: str, value: Any) -> None:
        self._values[self._index[key]] = value

    def __delitem__(self, key: str) -> None:
        raise TypeError("a figure record keeps its columns")

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def get(self, key: str, default: Any = None) -> Any:
        i = self._index.get(key)
        return default if i is None else self._values[i]

    def __repr__(self) -> str:
        return f"FigureRecord({dict(self)!r})"


@lru_cache(maxsize=8192)  # a map asks again and again for the same few hundred days
def day_span(date: str | None, date_end: str | None = None) -> tuple[int, int] | None:
    """The days a figure's date covers, as days since 1970-01-01: a period stays a period.

    ``2026-01-06`` is one day; ``2026-01`` the whole month; ``2026`` the whole year; a
    ``date_end`` stretches the span to the end of that date.  ``None`` for no or a bad date.
    """
    def bounds(iso: str) -> tuple[dt.date, dt.date] | None:
        try:
            parts = [int(p) for p in iso[:10].split("-")]
            if len(parts) == 1:
                return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
            if len(parts) == 2:
                first = dt.date(parts[0], parts[1], 1)
                return first, dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
            day = dt.date(*parts[:3])
            return day, day
        except (ValueError, TypeError):
            return None

    start = bounds(date) if date else None
    if start is None:
        return None
    end = bounds(date_end) if date_end else None
    last = max(start[1], end[1]) if end else start[1]
    return (start[0] - EPOCH).days, (last - EPOCH).days


def _same_statement(fig: Mapping[str, Any]) -> tuple:
    """Figures of one sentence of one document with the same kind and places: one statement."""
    return (fig["document"], fig.get("quote"), FIGURE_LAYER.get(fig["kind"], "other"),
            tuple(dict.fromkeys(fig["place_ids"] or [])))


def statements(records: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Figures grouped as the text states them, duplicates dropped.

    Figures of one sentence with the same kind and places (:func:`_same_statement`) are
    one group; within it, a figure repeating another's value, range, qualifier and status
    is drawn once; a current and a planned figure the text pairs stay together (one symbol,
    "could rise / fall to"); any other figures of the group become groups of their own.
    """
    grouped: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fig in records:
        grouped[_same_statement(fig)].append(fig)
    out = []
    for group in grouped.values():
        unique = list({(f["kind"], f["value"], f["low"], f["high"], f["qualifier"], f["status"], f["per_unit"]): f
                       for f in reversed(group)}.values())[::-1]
        current = [f for f in unique if f["status"] != "planned"]
        planned = [f for f in unique if f["status"] == "planned"]
        if len(current) == 1 and len(planned) == 1 and text_pairs(current[0], planned[0]):
            out.append([current[0], planned[0]])
        else:
            out.extend([f] for f in unique)
    return out


def _outlet(doc: Document | None) -> str:
    """The outlet of a document: its ``outlet`` when the input gives one, else its link's host."""
    if doc is None:
        return ""
    outlet = getattr(doc, "outlet", None)
    if outlet:
        return str(outlet)
    href = safe_href(doc.url)
    if not href:
        return ""
    host = urlsplit(href).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _document(d: Document) -> dict[str, Any]:
    """A document of the page's list: id, title, outlet, ISO date, link (keys left out when empty)."""
    return {k: v for k, v in (("id", d.doc_id), ("t", d.title), ("o", _outlet(d)),
                              ("d", d.date.isoformat() if d.date else None), ("h", safe_href(d.url))) if v}


class PageList(Sequence):
    """A list of the page's data made item by item as the page is written (:func:`script_json_chunks`),
    so that a list with an item per document is never held whole; JSON as the list of its items.

    Parameters
    ----------
    items : sequence
        What the items are made of.
    make : callable
        Makes one item of the page from one of ``items``.
    """

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        self.items, self.make = items, make

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: Any) -> Any:
        return [self.make(x) for x in self.items[i]] if isinstance(i, slice) else self.make(self.items[i])

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, self.items)

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]


def _documents(documents: Sequence[Document], strings: dict[str, Any]) -> PageList:
    """The page's list of documents (:func:`_document` of each), made as the page is written."""
    return PageList(documents, _document)


def _label(fig: Mapping[str, Any], value: float, name: str, strings: dict[str, Any]) -> str:
    """A symbol's label: the number it is drawn for with its qualifier, "planned" when it is, and the place.

    ``"fino a 2.500 (in programma) · Costanza"``: a planned figure never reads as a current one.
    """
    shown = {**fig, "value": value}
    if "qualifier" not in fig or value != figure_bounds(fig)[1]:
        shown["qualifier"] = "exact"
    shown["low"] = shown["high"] = None
    phrase = number_phrase(shown, strings)
    if fig.get("status") == "planned":
        phrase = strings["planned"].format(phrase=phrase)
    return f"{phrase} · {name}"


class _Symbols:
    """One proportional symbol per statement (a figure, or a figure the text pairs with a plan)."""

    def __init__(self, places: _Places, strings: dict[str, Any], documents: Mapping[str, Document],
                 doc_index: Mapping[str, int], popups: list[dict[str, Any]], texts: Any = None):
        self.places, self.strings, self.documents = places, strings, documents
        self.doc_index, self.popups, self.texts = doc_index, popups, texts

    def item(self, group: list[dict[str, Any]], layer: str,
             event: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """The page's record of one symbol (no popup, no size yet), or None when no place is drawable.

        With an ``event`` (a row of the events frame), ``group`` is its reports: one symbol at the
        event's place, sized by the value most reports give, its headline saying how many reports.
        """
        places, strings = self.places, self.strings
        fig = group[0]
        if event is not None:
            value = int(event["value"])
            fig = next((f for f in group if f["value"] == value), fig)
            group = [fig, *(f for f in group if f is not fig)]
            wanted = [*list(event["place_ids"] if event["place_ids"] is not None else []), *(fig["place_ids"] or [])]
        else:
            value = figure_bounds(fig)[1]
            wanted = list(fig["place_ids"] or [])
        ids = [pid for pid in dict.fromkeys(wanted) if places.use(pid) is not None]
        if event is not None:
            ids = ids[:1]
        if not ids:
            return None
        names = [places.name(pid) for pid in ids]
        if event is None:
            head = "; ".join(group_phrase(group, strings))
        else:
            head = (f"{figure_phrase(fig, strings)} "
                    f"({count_phrase(strings['popup']['reports'], len(group), strings)})")
        spans = [s for s in (day_span(f["date"], f.get("date_end")) for f in group) if s]
        docs = sorted({self.doc_index.get(f["document"], -1) for f in group})
        item = {
            "id": fig["figure_id"], "L": layer, "k": fig["kind"], "v": value, "q": fig["qualifier"],
            "st": "planned" if all(f["status"] == "planned" for f in group) else "current",
            "ss": sorted({f["status"] for f in group}), "pl": ids,
            "a": int(any(places.kind(pid) != "city" for pid in ids)),
            "t0": min(s[0] for s in spans) if spans else None, "t1": max(s[1] for s in spans) if spans else None,
            "dl": format_date_range(fig["date"], fig.get("date_end") or fig["date"], strings),
            "doc": self.doc_index.get(fig["document"], -1), "h": head,
            "lab": _label(fig, value, names[0], strings) + (" +" if len(ids) > 1 else ""),
            "tt": f"{title_of(names)}: {head}", "n": len(group) if event is not None else 1,
            "x": [_export_row(f) for f in group], "_figs": group,
        }
        if event is not None:
            item |= {"id": event["event_id"], "ev": event["event_id"], "doc": docs[0] if len(docs) == 1 else -1,
                     "docs": docs, "_values": [f["value"] for f in group]}
        return item

    def popup(self, item: dict[str, Any]) -> int:
        """Make the popup of one symbol: its place(s), precision, headline, quotes; "shared with" for many places."""
        places, strings, words = self.places, self.strings, self.strings["popup"]
        ids, group = item["pl"], item.pop("_figs")
        names = [places.name(pid) for pid in ids]
        kind = places.kind(ids[0])
        sub = (words["over_area"] if kind != "city" else words["at_place"]).format(
            kind=strings["kinds"].get(kind, kind))
        popup = figures_popup(names[0], item["h"], group, strings, self.documents, sub=sub, texts=self.texts)
        values = item.pop("_values", None)
        if values is not None:
            popup["lines"] = [*self._event_lines(values), *popup["lines"]]
            for entry, fig in zip(popup["entries"], group, strict=False):
                outlet = _outlet(self.documents.get(fig["document"]))
                if outlet and entry.get("doc") and outlet != entry["doc"]["text"]:
                    entry["doc"] = {**entry["doc"], "text": f"{entry['doc']['text']} · {outlet}"}
        if len(ids) > 1:
            popup["title"] = title_of(names)
            popup["lines"] = [words["shared"].format(n=len(ids), places=title_of(names)), *popup["lines"]]
        self.popups.append(popup)
        return len(self.popups) - 1

    def _event_lines(self, values: Sequence[int]) -> list[str]:
        """An event's values side by side with their reports, most reported first, when they disagree."""
        counts = Counter(values)
        if len(counts) < 2:
            return []
        strings = self.strings
        return [" – ".join(f"{format_number(v, strings)} ({count_phrase(strings['popup']['reports'], n, strings)})"
                           for v, n in counts.most_common())]


@dataclass(slots=True)
class _Total:
    """A total of the symbols of one layer, kind, place, day (or undated) and status, made as they come.

    It keeps the sums, the span of days, the documents (positions in an ``array('i')``, 4 bytes each, repeats
    allowed: :func:`_distinct` makes the page's list) and the :data:`MAX_TOTAL_ENTRIES` earliest reports'
    popup entries (with their sort keys), never the figures themselves.
    """

    seq: int
    id: str
    ss: list[str]
    symbols: int = 0
    v: float = 0
    n: int = 0
    t0: int | None = None
    t1: int | None = None
    docs: array | None = None
    quotes: list[tuple[tuple[int, int], dict[str, Any]]] | None = None

    def merge(self, other: _Total) -> None:
        """Add ``other`` (a total of a later first symbol) to this one."""
        self.symbols += other.symbols
        self.v += other.v
        self.n += other.n
        if other.t0 is not None:
            self.t0 = other.t0 if self.t0 is None else min(self.t0, other.t0)
            self.t1 = other.t1 if self.t1 is None else max(self.t1, other.t1)
        if self.docs is None:
            self.docs = array("i")
        self.docs.extend(other.docs or ())
        self.quotes = sorted([*(self.quotes or []), *(other.quotes or [])], key=lambda q: q[0])[:MAX_TOTAL_ENTRIES]


@dataclass(slots=True)
class _EventFigures:
    """What the total of an event of several reports needs of its figures, gathered chunk by chunk.

    Of its first figure and of its first figure with the event's value (``match``), the kind and places
    only; its documents' positions (an ``array('i')``, one per figure: a set of ints would take some 60
    bytes a report); its earliest reports as :class:`_QuoteSpool` keeps them: an event per few figures,
    never the figures themselves.
    """

    seq: int
    first: tuple[str, Any]
    match: tuple[str, Any] | None = None
    count: int = 0
    t0: int | None = None
    t1: int | None = None
    docs: array | None = None
    statuses: set[str] | None = None
    quotes: list[tuple[tuple[int, int], Any]] | None = None


#: Sort key of an undated report among a total's quotes: after every dated one.
_UNDATED = 10 ** 9


def _distinct(positions: array) -> array:
    """The distinct document positions of ``positions``, sorted, as an ``array('i')`` (the page's JSON writes
    it as the list of its items: :func:`_json_list`)."""
    return array("i", sorted(set(positions)))


def _keep_earliest(quotes: list, key: tuple[int, int], value: Any) -> None:
    """Keep the :data:`MAX_TOTAL_ENTRIES` smallest keys of ``quotes`` (a list of (key, value), sorted)."""
    if len(quotes) < MAX_TOTAL_ENTRIES or key < quotes[-1][0]:
        quotes.append((key, value))
        quotes.sort(key=lambda q: q[0])
        del quotes[MAX_TOTAL_ENTRIES:]


class _QuoteSpool:
    """The figures a total may quote, in a temporary file until the page is made (:meth:`MapFigures.totals_items`).

    A total keeps its :data:`MAX_TOTAL_ENTRIES` earliest reports; held as popup entries (a quote each) they
    grow with the totals, which grow with the corpus (one per layer, kind, place, day and status before the
    period is chosen).  Here a total keeps where its figures are in the file, and the entries are made for the
    totals the page draws.  The file is made in ``scratch`` under a name of its own (two maps may share the
    folder); without a folder (``scratch`` None) the figures themselves are kept.  Read as often as asked
    until :meth:`close` (:meth:`MapFigures.close`).
    """

    def __init__(self, scratch: Path | None) -> None:
        self.scratch = None if scratch is None else Path(scratch)
        self.path: Path | None = None
        self._fh: Any = None  # opened by the first figure kept: a map that draws no totals writes no file

    def put(self, fig: Mapping[str, Any]) -> Any:
        """Keep ``fig``; returns what :meth:`get` gives it back from."""
        if self.scratch is None:
            return fig
        if self._fh is None:
            fd, name = tempfile.mkstemp(prefix="map-quotes-", suffix=".pickle", dir=self.scratch)
            self._fh, self.path = os.fdopen(fd, "w+b"), Path(name)
            # a spool let go without close() (a caller other than make_map.py, a failure halfway) still goes
            self._finalizer = weakref.finalize(self, _close_and_unlink, self._fh, self.path)
        fh = self._fh
        fh.seek(0, os.SEEK_END)
        where = fh.tell()
        pickle.dump(dict(fig), fh, protocol=pickle.HIGHEST_PROTOCOL)
        return where

    def get(self, where: Any) -> Mapping[str, Any]:
        """The figure kept at ``where`` (by :meth:`put`)."""
        if self.scratch is None:
            return where
        self._fh.seek(where)
        return pickle.load(self._fh)

    def close(self) -> None:
        """Close and delete the file."""
        if self._fh is not None:
            self._fh = None
            self._finalizer()


def _close_and_unlink(fh: Any, path: Path) -> None:
    """Close ``fh`` and delete ``path`` (the end of a :class:`_QuoteSpool`'s file)."""
    fh.close()
    path.unlink(missing_ok=True)


class MapFigures:
    """The figures of a map given a chunk at a time (:meth:`add`), for :func:`build_map`.

    While the symbols they make may still number :data:`MAX_SYMBOLS` or fewer, the figures' records are
    kept, and the map is the one their whole list gives.  As soon as more symbols are certain (statements
    whose place is drawable, plus events of several reports at a drawable place), the map will draw
    totals: from then on each chunk is folded into totals per layer, kind, place, day and status
    (:class:`_Total`), each keeping its :data:`MAX_TOTAL_ENTRIES` earliest reports' quotes, and every
    place keeps its first :data:`layers.popups.MAX_ENTRIES` figures and a count: memory no longer grows
    with the figures.  Chunks must hold whole documents (:func:`layers.frames.figure_chunks`): a
    statement is a sentence of one document.

    Parameters
    ----------
    places : geopandas.GeoDataFrame
    documents : sequence of Document
    gazetteer : Gazetteer or None
    lang : str
        Interface language.
    events : geopandas.GeoDataFrame, optional
        The events of several reports (see :func:`build_map`).
    max_symbols : int, optional
        Default :data:`MAX_SYMBOLS`.
    texts : geo.corpus.TextSpool, optional
        Where the texts of ``documents`` are (a run keeps them on disk): read when a quote is written.
    scratch : Path, optional
        A folder for a temporary file (the run's spool folder): the figures the totals may quote wait there
        (:class:`_QuoteSpool`) rather than in memory.
    """

    def __init__(self, places: gpd.GeoDataFrame, *, documents: Sequence[Document], gazetteer: Any,
                 lang: str = "en", events: gpd.GeoDataFrame | None = None, max_symbols: int | None = None,
                 texts: Any = None, scratch: Path | None = None) -> None:
        self.strings = load_strings(lang)
        self.places, self.gazetteer, self.events = places, gazetteer, events
        # the records (texts maybe empty) for titles, links, dates; a text is read back only for a quote
        self.docs: Mapping[str, Document]
        self.doc_index: Mapping[str, int]
        if hasattr(documents, "by_id"):  # a geo.docstore.DocumentStore: the records stay on disk
            self.documents, self.docs, self.doc_index = documents, documents.by_id, documents.index_of
        else:
            self.documents = list(documents)
            self.docs = {d.doc_id: d for d in self.documents}
            self.doc_index = {d.doc_id: i for i, d in enumerate(self.documents)}
        self.texts = texts
        self.quoted = _QuoteSpool(scratch)
        self.max_symbols = MAX_SYMBOLS if max_symbols is None else max_symbols
        self.records: list[dict[str, Any]] | None = []
        self.dates: set[str] = set()
        self.seen = 0
        self._probe = _Places(places, gazetteer, self.strings)
        self._lower = 0
        self._events_seen: set[str] = set()
        self._multi: dict[str, dict[str, Any]] | None = None
        # built when the map aggregates
        self.known: _Places | None = None
        self.symbols: _Symbols | None = None
        self.totals: dict[tuple, _Total] = {}
        self.event_figures: dict[str, _EventFigures] = {}
        self.figures_at: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        self.count_at: Counter[str] = Counter()
        self.spans_at: dict[str, tuple[int, int]] = {}
        self.n_figures = 0

    @property
    def aggregating(self) -> bool:
        """Whether the map draws totals (known once more symbols than allowed are certain)."""
        return self.records is None

    def _multi_events(self) -> dict[str, dict[str, Any]]:
        if self._multi is None:
            from layers.consolidated import MAP_EVENT_COLUMNS

            events, columns = self.events, list(MAP_EVENT_COLUMNS)
            self._multi = ({} if events is None or not len(events) else
                           {r["event_id"]: r for r in events[columns].to_dict("records") if int(r["reports"]) > 1})
        return self._multi

    def add(self, records: list[dict[str, Any]]) -> None:
        """Take the records of a chunk of whole documents (:func:`figure_records`), in order."""
        _foreign_units_dropped(records, self.docs, self.strings["code"], self.texts)
        self.dates.update(f["date"] for f in records if f["date"] and f["place_ids"])
        if self.records is None:
            self._fold(records)
            return
        self.records.extend(records)
        multi = self._multi_events()
        alone = []
        for fig in records:
            event_id = fig.get("event_id")
            if event_id in multi:
                if event_id not in self._events_seen and any(
                        self._probe.use(pid) is not None for pid in multi[event_id]["place_ids"] or []):
                    self._events_seen.add(event_id)
            else:
                alone.append(fig)
        self._lower += sum(1 for group in statements(alone)
                           if any(self._probe.use(pid) is not None for f in group for pid in f["place_ids"] or []))
        if self._lower + len(self._events_seen) > self.max_symbols:
            kept, self.records, self._probe = self.records, None, None
            self.known = _Places(self.places, self.gazetteer, self.strings)
            self.symbols = _Symbols(self.known, self.strings, self.docs, self.doc_index, [], self.texts)
            self._fold(kept)

    def _fold(self, records: list[dict[str, Any]]) -> None:
        """Fold figures into the totals, the events' gatherings and the places' first figures."""
        seq = {id(f): self.seen + i for i, f in enumerate(records)}
        self.seen += len(records)
        for fig in records:
            for pid in dict.fromkeys(fig["place_ids"] or []):
                self.count_at[pid] += 1
                if len(self.figures_at[pid]) < MAX_ENTRIES:
                    self.figures_at[pid].append(fig)
                span = day_span(fig["date"]) if fig["date"] else None
                if span:
                    old = self.spans_at.get(pid, span)
                    self.spans_at[pid] = (min(old[0], span[0]), max(old[1], span[1]))
        multi, alone = self._multi_events(), []
        for fig in records:
            event_id = fig.get("event_id")
            if event_id not in multi:
                alone.append(fig)
                continue
            state = self.event_figures.get(event_id)
            if state is None:
                state = self.event_figures[event_id] = _EventFigures(seq[id(fig)], (fig["kind"], fig["place_ids"]),
                                                                     docs=array("i"), statuses=set(), quotes=[])
            if state.match is None and fig["value"] == int(multi[event_id]["value"]):
                state.match = (fig["kind"], fig["place_ids"])
            state.count += 1
            span = day_span(fig["date"], fig.get("date_end"))
            if span:
                state.t0 = span[0] if state.t0 is None else min(state.t0, span[0])
                state.t1 = span[1] if state.t1 is None else max(state.t1, span[1])
            state.docs.append(self.doc_index.get(fig["document"], -1))
            state.statuses.add(fig["status"])
            key = (span[0] if span else _UNDATED, seq[id(fig)])
            if len(state.quotes) < MAX_TOTAL_ENTRIES or key < state.quotes[-1][0]:
                _keep_earliest(state.quotes, key, self.quoted.put(fig))
        for group in statements(alone):
            item = self.symbols.item(group, FIGURE_LAYER.get(group[0]["kind"], "other"))
            if item is not None:
                self._add_total(item, [((s[0] if (s := day_span(f["date"], f.get("date_end"))) else _UNDATED,
                                         seq[id(f)]), f) for f in group], min(seq[id(f)] for f in group))

    def _add_total(self, item: dict[str, Any], quotes: list[tuple[tuple[int, int], Any]],
                   seq: int, n_figures: int | None = None, kept: bool = False) -> None:
        """Add one symbol to the total of its layer, kind, place, day and status (``kept``: ``quotes`` holds
        what :meth:`_QuoteSpool.put` gave, not figures)."""
        key = (item["L"], item["k"], item["pl"][0], item["t0"], item["st"])
        total = self.totals.get(key)
        if total is None:
            total = self.totals[key] = _Total(seq, item["id"], item["ss"], docs=array("i"), quotes=[])
        total.symbols += 1
        total.v += item["v"]
        total.n += item["n"]
        if item["t0"] is not None:
            total.t0 = item["t0"] if total.t0 is None else min(total.t0, item["t0"])
            total.t1 = item["t1"] if total.t1 is None else max(total.t1, item["t1"])
        total.docs.extend(item["docs"] if "docs" in item else (item["doc"],))
        self.n_figures += len(quotes) if n_figures is None else n_figures
        for sort_key, fig in quotes:
            if len(total.quotes) < MAX_TOTAL_ENTRIES or sort_key < total.quotes[-1][0]:
                _keep_earliest(total.quotes, sort_key, fig if kept else self.quoted.put(fig))  # entry made later

    def _close_events(self) -> None:
        """The totals of the events of several reports, once every chunk is in (in order of first report)."""
        multi, places = self._multi_events(), self.known
        for event_id, state in sorted(self.event_figures.items(), key=lambda e: e[1].seq):
            event = multi[event_id]
            kind, place_ids = state.match or state.first
            wanted = [*list(event["place_ids"] if event["place_ids"] is not None else []), *(place_ids or [])]
            ids = [pid for pid in dict.fromkeys(wanted) if places.use(pid) is not None][:1]
            if not ids:
                continue
            item = {"id": event_id, "L": FIGURE_LAYER.get(event["kind"], "other"), "k": kind,
                    "v": int(event["value"]), "st": "planned" if state.statuses == {"planned"} else "current",
                    "ss": sorted(state.statuses), "pl": ids, "t0": state.t0, "t1": state.t1, "n": state.count,
                    "docs": _distinct(state.docs), "doc": -1}
            self._add_total(item, state.quotes, state.seq, n_figures=state.count, kept=True)
        self.event_figures = {}

    def totals_items(self, popups: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """The page's totals (their popups appended to ``popups``) and the ``aggregated`` note.

        The period is the first of :data:`AGGREGATE_PERIODS` that gives at most ``max_symbols`` totals.
        """
        self._close_events()
        for step, (_, days) in enumerate(AGGREGATE_PERIODS):
            merged: dict[tuple, _Total] = {}
            for (layer, kind, pid, t0, status), total in sorted(self.totals.items(), key=lambda t: t[1].seq):
                bucket = None if t0 is None else (t0 // days if days else 0)
                key = (layer, kind, pid, bucket, status)
                if key in merged:
                    merged[key].merge(total)
                else:
                    merged[key] = _Total(total.seq, total.id, total.ss, docs=array("i"), quotes=[])
                    merged[key].merge(total)
            if len(merged) <= self.max_symbols or step == len(AGGREGATE_PERIODS) - 1:
                break
        period = AGGREGATE_PERIODS[step][0]
        strings, words = self.strings, self.strings["popup"]
        items = []
        for (layer, kind, pid, _, status), total in merged.items():
            name = self.known.name(pid)
            value = total.v
            noun = strings["nouns"].get(kind, strings["nouns"]["other"])[plural_form(value, strings)]
            head = f"{format_number(value, strings)} {noun}".strip()
            reports = count_phrase(words["reports"], total.n, strings)
            when = format_date_range(_iso(total.t0), _iso(total.t1), strings) if total.t0 is not None else ""
            entries = [figure_entry(self.quoted.get(where), strings, self.docs, self.texts)
                       for _, where in total.quotes]
            entries = [{**entry, "text": "" if entry["text"] == f"{head} ({reports})" else entry["text"]}
                       for entry in entries]
            left = total.n - len(entries)
            popups.append({"title": name, "sub": words["total"].format(n=total.n, date=when),
                           "head": f"{head} ({reports})", "entries": entries, "docs": [],
                           "lines": [count_phrase(words["more_reports"], left, strings)] if left > 0 else []})
            docs = _distinct(total.docs)
            item_id = total.id if total.symbols == 1 else f"{total.id}+{total.symbols - 1}"
            row = {"figure_id": item_id, "kind": kind, "value": value, "qualifier": "exact", "status": status,
                   "places": [name], "place_ids": [pid], "date": _iso(total.t0), "date_end": _iso(total.t1)}
            items.append({"id": item_id, "L": layer, "k": kind, "v": value, "q": "exact", "st": status,
                          "ss": total.ss, "pl": [pid], "a": int(self.known.kind(pid) != "city"),
                          "t0": total.t0, "t1": total.t1, "dl": when, "doc": docs[0] if len(docs) == 1 else -1,
                          "docs": docs, "h": f"{head} ({reports})", "tt": f"{name}: {head} ({reports})",
                          "lab": _label({"status": status}, value, name, strings), "n": total.n,
                          "pp": len(popups) - 1, "x": [[row.get(c) for c in EXPORT_COLUMNS]]})
        return items, {"figures": self.n_figures, "symbols": len(items), "period": period}

    def close(self) -> None:
        """Delete the temporary file of the totals' quotes (after the page is made; a run calls it on exit)."""
        self.quoted.close()


def _iso(day: int | None) -> str | None:
    """Days since 1970-01-01 as an ISO date."""
    return None if day is None else (EPOCH + dt.timedelta(days=day)).isoformat()


#: Columns of the figures the page's download buttons write (the figures frame's but the quote and offsets);
#: each figure travels as a list of values in this order.
EXPORT_COLUMNS = tuple(c for c in FIGURE_COLUMNS if c not in ("quote", "start", "end"))


def _export_row(fig: Mapping[str, Any]) -> list[Any]:
    """A figure's values in :data:`EXPORT_COLUMNS` order, for the page's downloads."""
    return [fig.get(c) for c in EXPORT_COLUMNS]


def _place_items(rows: list[dict], places: _Places, figures_at: Mapping[str, list[dict]], strings: dict,
                 documents: Mapping[str, Document], popups: list[dict], popup_of: dict[str, int],
                 doc_index: Mapping[str, int], count_at: Mapping[str, int] | None = None,
                 spans_at: Mapping[str, tuple[int, int]] | None = None, texts: Any = None,
                 read: dict[str, tuple[array, list[tuple[int, int]]]] | None = None) -> list[dict]:
    """Venues, actors and places: a point or an area each, with its documents and the span of its dates
    (its own, its figures' and its documents'), so that the panel's filters hide it with them.

    ``figures_at`` holds each place's figures, or (with ``count_at``, how many there are, and ``spans_at``,
    the span of their days) its first :data:`layers.popups.MAX_ENTRIES` ones.  ``read`` keeps each place's
    documents' positions and days once read (a venue is in the places' layer too: read once, one array)."""
    read = {} if read is None else read
    items = []
    for row in rows:
        pid = row["place_id"]
        record = places.use(pid)
        if record is None:
            continue
        row = {**row, "name": places.name(pid, row["name"])}
        if pid not in popup_of:
            popups.append(place_popup(row, figures_at.get(pid, []), strings, documents,
                                      total=None if count_at is None else count_at[pid], texts=texts))
            popup_of[pid] = len(popups) - 1
        color = style.role_color(row["roles"])
        if record["e"] is not None:
            style_ = {"color": color, "weight": 1.5, "opacity": 0.9, "fillColor": color, "fillOpacity": 0.12}
        else:
            style_ = {"color": "#FFFFFF", "weight": 1.2, "opacity": 1, "fillColor": color, "fillOpacity": 0.9}
        if row.get("located_by"):  # an approximate point (geo.approximate): hollow and dashed
            style_ = {**style_, "fillOpacity": 0.0, "dashArray": "3 3", "color": color, "weight": 2}
        role = style.primary_role(row["roles"])
        spans = [s for s in (day_span(d) for d in [*(row.get("dates") or []),
                                                    *(f["date"] for f in figures_at.get(pid, []) if f["date"])]) if s]
        if spans_at is not None and pid in spans_at:
            spans.append(spans_at[pid])
        if pid not in read:
            read[pid] = _read_documents(row["documents"], documents, doc_index)
        positions, doc_spans = read[pid]
        spans += doc_spans
        items.append({"pl": pid, "s": style_, "r": style.PLACE_RADIUS, "pp": popup_of[pid],
                      "docs": positions,  # 4 bytes a document
                      "t0": min(s[0] for s in spans) if spans else None,
                      "t1": max(s[1] for s in spans) if spans else None,
                      "t": f"{row['name']} · {strings['roles'].get(role, role)}"})
    return items


#: Documents of a place read from the store at once (:func:`_place_items`).
FOUND_BATCH = 2000


def _read_documents(ids: Sequence[str], documents: Mapping[str, Document], doc_index: Mapping[str, int]
                    ) -> tuple[array, list[tuple[int, int]]]:
    """The positions of a place's documents (4 bytes each; unknown ids left out) and the spans of their days
    (each day once), read :data:`FOUND_BATCH` documents at a time: never every record of a place named in
    most documents at once."""
    # a StoredIds holds positions already (layers.stream._compact_documents): its own array, never a copy
    stored = isinstance(ids, StoredIds)
    positions, doc_days = ids.positions if stored else array("i"), {}
    for k in range(0, len(ids), FOUND_BATCH):
        for position, doc in _found(ids, k, k + FOUND_BATCH, documents, doc_index):
            if not stored:
                positions.append(position)
            day = doc.date
            if day and day not in doc_days:
                doc_days[day] = day_span(day.isoformat())
    return positions, [s for s in doc_days.values() if s]


def _found(ids: Sequence[str], start: int, stop: int, documents: Mapping[str, Document],
           doc_index: Mapping[str, int]) -> Iterable[tuple[int, Document]]:
    """The position and record of each known document of ``ids[start:stop]``, in order: a
    :class:`geo.docstore.StoredIds`' by position from its store, else by id a few hundred at a time from a
    :class:`geo.docstore.DocumentStore`'s file, else from the two mappings."""
    if isinstance(ids, StoredIds):
        part = ids.positions[start:stop]
        return zip(part, ids.store.records_at(part), strict=True)
    doc_ids = ids[start:stop]
    store = getattr(documents, "store", None)
    if store is not None and hasattr(store, "lookup_many"):
        return [hit for hit in store.lookup_many(doc_ids) if hit is not None]
    return [(doc_index[d], documents[d]) for d in doc_ids if d in documents and d in doc_index]


def _legend(title: str, documents: Sequence[Document], content: _Content, strings: dict) -> dict[str, Any]:
    """The legend's contents: title, dates, documents, one size scale per figure layer, precision, sources."""
    legend = strings["legend"]
    layers = content.layers
    doc_dates = {day.isoformat() for day in {d.date for d in documents if d.date}}  # each day once
    all_dates = sorted(set(content.dates) | doc_dates)
    subtitle = [s for s in (format_date_range(all_dates[0] if all_dates else None,
                                              all_dates[-1] if all_dates else None, strings),
                            count_phrase(strings["documents"], len(documents), strings)) if s]
    if content.aggregated:
        subtitle.append(legend["aggregated"].format(figures=format_number(content.aggregated["figures"], strings),
                                                    symbols=format_number(content.aggregated["symbols"], strings),
                                                    period=legend["periods"][content.aggregated["period"]]))
    sections = []
    for key in FIGURE_LAYERS:
        if not layers.get(key):
            continue
        scale = content.scales[key]
        values = style.legend_values([i["v"] for i in layers[key]], scale)
        sections.append({"title": f"{strings['layers'][key]} ({legend['sizes']})", "row": True, "entries": [
            {"sw": "circle", "fill": style.FIGURE_COLORS[key], "r": scale(v), "label": format_number(v, strings)}
            for v in values]})
    items = [i for key in FIGURE_LAYERS for i in layers.get(key, [])]
    if items:
        entries = [{"sw": "dot", "fill": "#7F7F7F", "label": legend["point_event"]}]
        if any(i["a"] for i in items):
            entries.append({"sw": "ring", "fill": "#7F7F7F", "dash": True, "label": legend["area_event"]})
        if any(i["st"] == "planned" for i in items):
            entries.append({"sw": "ring", "fill": "#FFFFFF", "label": legend["planned"]})
        sections.append({"title": legend["precision"], "row": True, "entries": entries})
    if content.roles:
        sections.append({"title": legend["roles"], "row": True, "entries": [
            {"sw": "dot", "fill": style.ROLE_COLORS[r], "label": strings["roles"][r]}
            for r in ROLES if r in content.roles]})
        kinds = [{"sw": "dot", "fill": "#7F7F7F", "label": legend["point"]},
                 {"sw": "area", "fill": "#D9D9D9", "label": legend["area"]}]
        if any("dashArray" in i["s"] for key in ("venues", "places") for i in layers.get(key, [])):
            # a village the gazetteer lacks, drawn at the place that locates it (geo.approximate)
            kinds.append({"sw": "ring", "fill": "#FFFFFF", "dash": True, "label": legend["approximate"]})
        sections.append({"title": legend["kinds"], "row": True, "entries": kinds})
    sources = [{"text": legend["places_data"], "href": None},
               {"text": legend["tiles"].format(attribution=TILES.get("attribution", "")), "href": None}]
    return {"title": title, "subtitle": subtitle, "sections": sections, "sources": sources,
            "sources_title": legend["attribution"]}


def _tile_layer(name: str, *, show: bool) -> folium.TileLayer:
    """The online base layer.  CartoDB now asks for an API key: it is read from the environment
    variable :data:`TILES_KEY_ENV` when set; without one the keyless URL is used, quietly."""
    key = os.environ.get(TILES_KEY_ENV)
    provider = TILES(apikey=key) if key else TILES
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="CartoDB tiles now require an API key")
        return folium.TileLayer(provider, name=name, overlay=False, control=True, show=show)


def _fit_bounds(records: Sequence[dict[str, Any]]) -> list[list[float]] | None:
    lats, lons = [], []
    for rec in records:
        box = rec.get("_bounds")
        if box:
            lats += [box[0][0], box[1][0]]
            lons += [box[0][1], box[1][1]]
        else:
            lats.append(rec["p"][0])
            lons.append(rec["p"][1])
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _event_reports(records: list[dict[str, Any]], events: gpd.GeoDataFrame | None
                   ) -> tuple[list[tuple[dict[str, Any], list[dict[str, Any]]]], list[dict[str, Any]]]:
    """The figures of each event of several reports, and the other figures (each drawn as today).

    Returns ``([(event row, its figures), ...], other figures)``, events in order of first figure.
    """
    if events is None or not len(events) or not records or "event_id" not in records[0]:
        return [], records
    from layers.consolidated import MAP_EVENT_COLUMNS

    columns = list(MAP_EVENT_COLUMNS)
    multi = {row["event_id"]: row for row in events[columns].to_dict("records") if int(row["reports"]) > 1}
    grouped: dict[str, list[dict[str, Any]]] = {}
    alone = []
    for fig in records:
        event_id = fig.get("event_id")
        if event_id in multi:
            grouped.setdefault(event_id, []).append(fig)
        else:
            alone.append(fig)
    return [(multi[e], figs) for e, figs in grouped.items()], alone


@dataclass
class _Content:
    """What the map draws, before any folium object exists."""

    places: _Places
    layers: dict[str, list[dict[str, Any]]]
    popups: list[dict[str, Any]]
    counts: dict[str, int]
    scales: dict[str, style.RadiusScale]
    dates: list[str]
    roles: set[str]
    aggregated: dict[str, int] | None


def _foreign_units_dropped(records: list[dict[str, Any]], docs: Mapping[str, Document], lang: str,
                           texts: Any = None) -> None:
    """A unit word written in another language than the interface's ("Soldaten" on an Italian map) gives way
    to the interface's noun for the figure's kind."""
    langs: dict[str, str] = {}
    for fig in records:
        if not fig.get("unit"):
            continue
        doc_id = fig["document"]
        if doc_id not in langs:
            doc = docs.get(doc_id)
            langs[doc_id] = (doc.lang or detect_language(document_text(doc_id, docs, texts) or "")
                             if doc is not None else "")
        if langs[doc_id] != lang:
            fig["unit"] = None


def _content(places: gpd.GeoDataFrame, figures: FigureRows, documents: Sequence[Document], gazetteer: Any,
             strings: dict[str, Any], max_symbols: int = MAX_SYMBOLS,
             events: gpd.GeoDataFrame | None = None) -> _Content:
    """Make every symbol, item and popup of the page: one symbol per statement (per event of several
    reports when ``events`` is given), totals beyond ``max_symbols``."""
    if isinstance(figures, MapFigures):
        stream = figures
    else:
        stream = MapFigures(places, documents=documents, gazetteer=gazetteer, lang=strings["code"], events=events,
                            max_symbols=max_symbols)
        stream.add(figures if isinstance(figures, list) else figure_records(figures))
    docs, doc_index = stream.docs, stream.doc_index
    popups: list[dict[str, Any]] = []
    aggregated = None
    if stream.aggregating:
        known = stream.known
        items, aggregated = stream.totals_items(popups)
        figures_at, count_at, spans_at = stream.figures_at, stream.count_at, stream.spans_at
        dates = sorted(stream.dates)
    else:
        known = _Places(places, gazetteer, strings)
        records = stream.records
        figures_at = defaultdict(list)
        for fig in records:
            for pid in dict.fromkeys(fig["place_ids"] or []):
                figures_at[pid].append(fig)
        count_at = spans_at = None
        symbols = _Symbols(known, strings, docs, doc_index, popups, stream.texts)
        merged, records_alone = _event_reports(records, stream.events)
        items = [item for group in statements(records_alone)
                 if (item := symbols.item(group, FIGURE_LAYER.get(group[0]["kind"], "other"))) is not None]
        items += [item for event, group in merged
                  if (item := symbols.item(group, FIGURE_LAYER.get(event["kind"], "other"), event)) is not None]
        for item in items:
            item["pp"] = symbols.popup(item)
        dates = sorted({f["date"] for f in records if f["date"] and f["place_ids"]})
    scales = {key: style.RadiusScale((i["v"] for i in items if i["L"] == key), floor=style.SCALE_FLOORS[key])
              for key in FIGURE_LAYERS}
    for item in items:
        item["r"] = scales[item["L"]](item["v"])
    items.sort(key=lambda i: -i["r"])  # the big ones first: drawn behind the small ones

    layers: dict[str, list[dict]] = {key: [i for i in items if i["L"] == key] for key in FIGURE_LAYERS}
    place_rows = places.drop(columns=places.geometry.name).to_dict("records") if len(places) else []
    popup_of: dict[str, int] = {}
    read: dict[str, tuple[array, list[tuple[int, int]]]] = {}
    venue_rows = [r for r in place_rows if any(role in VENUE_ROLES for role in r["roles"])]
    layers["venues"] = _place_items(venue_rows, known, figures_at, strings, docs, popups, popup_of, doc_index,
                                    count_at, spans_at, stream.texts, read)
    layers["places"] = _place_items(place_rows, known, figures_at, strings, docs, popups, popup_of, doc_index,
                                    count_at, spans_at, stream.texts, read)

    # Layer names count their symbols, as the events panel counts its rows (one row per symbol: an event
    # of many reports, or a current and a planned figure the text pairs, is one), and places.
    counts = {key: len(layers[key]) for key in FIGURE_LAYERS}
    counts |= {"venues": len(layers["venues"]), "places": len(layers["places"])}
    roles = {row["roles"][0] for row in place_rows if row["roles"]}
    return _Content(known, layers, popups, counts, scales, dates, roles, aggregated)


def _time_axis(content: _Content) -> dict[str, Any] | None:
    """The date filter's span (days since 1970-01-01), when the symbols cover two days or more.

    The axis also covers the places' dates, so that nothing is filtered out before the user asks."""
    if not any(content.layers[key] for key in FIGURE_LAYERS):
        return None
    spans = [(i["t0"], i["t1"]) for items in content.layers.values() for i in items if i.get("t0") is not None]
    if not spans:
        return None
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return {"min": first, "max": last} if last > first else None


def _ui_strings(strings: dict[str, Any]) -> dict[str, Any]:
    """The words the panel's script needs, in the interface language."""
    return {**strings["panel"], "time": strings["time"], "layers": strings["layers"],
            "months": strings["date"]["months"], "day": strings["date"]["day"], "range": strings["date"]["range"],
            "group": strings["number"]["group"], "one_values": strings.get("one_values", [1])}


def build_map(places: gpd.GeoDataFrame, figures: FigureRows, *, documents: list[Document], gazetteer: Any,
              title: str | None = None, lang: str = "en", cdn: bool = False,
              max_symbols: int | None = None, events: gpd.GeoDataFrame | None = None) -> folium.Map:
    """Build the layered map of the places and figures read from the documents.

    Parameters
    ----------
    places, figures : geopandas.GeoDataFrame
        Frames from :func:`layers.frames.places_frame` and :func:`layers.frames.figures_frame`;
        ``figures`` may also be given as its :func:`figure_records` (made chunk by chunk).
    documents : list of Document
        The documents, for titles, links and quotes.
    gazetteer : Gazetteer or None
        Gives the offline basemap (its countries) and places' representative points.
    title : str, optional
        Map title; by default the interface's generic title.
    lang : str
        Interface language (``layers/i18n/<lang>.yaml``; English when there is no such file).
    cdn : bool
        Link Leaflet and its plugins from CDNs (small file, needs the network) instead of
        inlining them (self-contained file, works offline).
    max_symbols : int, optional
        Above this many symbols (default :data:`MAX_SYMBOLS`), the page draws totals per
        place and day with their number of reports, and says so in the legend.
    events : geopandas.GeoDataFrame, optional
        Consolidated events (:func:`layers.consolidated.events_frame`; ``figures`` then has its
        ``event_id`` column).  The figures of an event of several reports are one symbol, sized
        by the value most reports give, whose popup lists every report and says how many; the
        events panel has one row per event.  ``None`` (default): one symbol per figure.

    Returns
    -------
    folium.Map
        An :class:`AtlanteMap`; write it with :func:`save_map`.
    """
    strings = load_strings(lang)
    documents = documents if hasattr(documents, "by_id") else list(documents)  # a DocumentStore stays on disk
    title = title or strings["title"]
    max_symbols = MAX_SYMBOLS if max_symbols is None else max_symbols
    content = _content(places, figures, documents, gazetteer, strings, max_symbols=max_symbols, events=events)
    layers = content.layers

    m = AtlanteMap(location=None, tiles=None, zoom_start=2, control_scale=True, cdn=cdn)
    m.options["max_zoom"] = 18
    m.options["min_zoom"] = 2
    m.options["world_copy_jump"] = True
    m.get_root().title = html.escape(title)
    m.get_root().header.add_child(Raw('<meta name="viewport" content="width=device-width, initial-scale=1">'),
                                  name="atlante_viewport")

    countries = folium.FeatureGroup(name=strings["layers"]["countries"], overlay=False, control=True,
                                    show=not cdn)
    tiles = _tile_layer(strings["layers"]["tiles"], show=cdn)
    m.add_child(countries)
    m.add_child(tiles)
    groups: dict[str, folium.map.Layer] = {"countries": countries, "tiles": tiles}
    has_figures = any(layers[k] for k in FIGURE_LAYERS)
    for key in LAYER_KEYS:
        if not layers[key] and key != "places":
            continue
        name = f"{strings['layers'][key]} ({format_number(content.counts[key], strings)})"
        show = key != "places" or not (has_figures or layers["venues"])
        group = folium.FeatureGroup(name=name, overlay=True, control=True, show=show)
        m.add_child(group)
        groups[key] = group

    # Frame the figures when there are some (an actor far away should not zoom the map out), else what shows.
    shown = [k for k in LAYER_KEYS if k in groups and groups[k].show]
    framed = [k for k in shown if k in FIGURE_LAYERS] or shown
    framed_ids = [pid for k in framed for item in layers[k]
                  for pid in (item["pl"] if isinstance(item["pl"], list) else [item["pl"]])]
    data = {
        "lang": strings["code"],
        "places": content.places.page_data(),
        "popups": content.popups,
        "layers": {k: v for k, v in layers.items() if k in groups},
        "figureLayers": [k for k in FIGURE_LAYERS if k in groups],
        "colors": style.FIGURE_COLORS,
        "docs": _documents(documents, strings),
        "exportColumns": EXPORT_COLUMNS,
        "precision": PLACE_DECIMALS,
        "basemap": countries_layer(gazetteer),
        "basemap_attribution": strings["legend"]["places_data"],
        "legend": _legend(title, documents, content, strings),
        "time": _time_axis(content),
        "aggregated": content.aggregated,
        "ui": _ui_strings(strings),
        "labelZoom": LABEL_ZOOM,
        "bounds": _fit_bounds([content.places.used[pid] for pid in framed_ids]),
    }
    # The layer list first: the page's script folds it on a phone.
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    m.add_child(AtlanteLayers(groups, data))
    inline_assets(m, cdn=cdn)
    return m


def save_map(m: folium.Map, path: Path) -> None:
    """Write the map as one HTML file (UTF-8).

    Parameters
    ----------
    m : folium.Map
        A map from :func:`build_map`; any other folium map has its assets inlined too.
    path : Path
        The file to write.

    Notes
    -----
    The same map gives the same bytes: folium's random element ids are replaced by ids
    derived from the page (:func:`layers.reproducible.stable_element_ids`).
    """
    if not isinstance(m, AtlanteMap):
        inline_assets(m)
    from layers.reproducible import element_ids, replace_element_ids

    root = m.get_root()
    # The page is rendered with a marker where each AtlanteLayers' data goes; the data is then written
    # in pieces, so that the page's text is never held whole (at 100,000 documents it is 100+ MB).
    layers = [e for e in _tree(root) if isinstance(e, AtlanteLayers)]
    markers = {f"\x00atlante-data-{i}\x00": e for i, e in enumerate(layers)}
    for marker, element in markers.items():
        element.data_marker = marker
    try:
        page = root.render()
    finally:
        for element in layers:
            element.data_marker = None
    ids = element_ids(root)
    pieces = re.split("(\x00atlante-data-[0-9]+\x00)", page)
    if sorted(pieces[1::2]) != sorted(markers):
        raise RuntimeError("the rendered page does not hold each data marker once")
    with Path(path).open("w", encoding="utf-8") as fh:
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                fh.write(replace_element_ids(piece, ids))
            else:  # the data's pieces, a batch of whole pieces at a time (an id is never cut in two)
                for batch in _batches(script_json_chunks(markers[piece].data)):
                    # the regex replaces only ids of ``ids``: a batch holding none of them is left as it is
                    fh.write(replace_element_ids(batch, ids) if any(old in batch for old in ids) else batch)


#: Characters of the page's data joined before they are written (:func:`save_map`).
WRITE_BATCH = 1 << 16


def _batches(pieces: Iterator[str], size: int = WRITE_BATCH) -> Iterator[str]:
    """Consecutive pieces joined into strings of about ``size`` characters (a longer piece stays whole)."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def _tree(root: Element) -> Iterator[Element]:
    """``root`` and its descendants, in tree order."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))
