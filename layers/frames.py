"""GeoDataFrames of the places and figures read from the documents (EPSG:4326).

The columns are the output contract of ``places.geojson`` and ``figures.geojson``
(README, "Outputs").

Geometry of a figure: a ``MultiPoint`` of its places' representative points (the gazetteer's
point of each place, the ``lat``, ``lon`` of ``mentions.jsonl``), one per place in ``place_ids``
order; a figure with no place has no geometry.  The places' outlines are not repeated on every
figure: they live once in the places frame (``places.geojson``), joined on ``place_id``, so that
10,000 figures over a few countries stay small.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point
from shapely.geometry.base import BaseGeometry

from geo.errors import GazetteerError
from geo.model import PLACE_KINDS, ROLES, Entity, ParsedDocument

CRS = "EPSG:4326"

#: Columns of :func:`places_frame`, in order (the geometry column comes last).
PLACE_COLUMNS = ("place_id", "name", "kind", "country", "roles", "mentions", "surfaces", "documents",
                 "confidence", "dates", "located_by")

#: Columns of :func:`figures_frame`, in order: the contract, then the extras.
FIGURE_COLUMNS = ("figure_id", "kind", "value", "low", "high", "qualifier", "status", "places", "place_ids",
                  "date", "quote", "document", "start", "end", "source", "per_unit", "date_end", "unit")

#: Columns of :func:`event_frames_frame`, in order: what happened, where, when, how many, who, the quote.
EVENT_FRAME_COLUMNS = ("frame_id", "event", "events", "places", "place_ids", "date", "figures", "figure_ids",
                       "actors", "actor_ids", "quote", "document", "start", "end")

#: Documents per frame of :func:`figure_chunks`: two thousand figures or so, a few megabytes.
CHUNK_DOCUMENTS = 500

_AREA_TYPES = ("Polygon", "MultiPolygon")
_POINT_TYPES = ("Point", "MultiPoint")


def place_geometry(entity: Entity, gazetteer: Any) -> BaseGeometry:
    """The geometry of a resolved place.

    Parameters
    ----------
    entity : Entity
        The place.
    gazetteer : Gazetteer or None
        Asked for ``geometry(entity.id)``; without one, or when it has no geometry for the
        entity, the entity's representative point is used.

    Returns
    -------
    shapely geometry
        A ``Point`` for a city, a (Multi)Polygon for an area the gazetteer has a shape for.
    """
    geom = None
    if gazetteer is not None:
        try:
            geom = gazetteer.geometry(entity.id)
        except (GazetteerError, KeyError, LookupError):
            geom = None
    if geom is not None and not geom.is_empty and not is_lonlat(geom):
        warnings.warn(f"gazetteer geometry of {entity.id} is not in longitude/latitude degrees "
                      f"(bounds {tuple(round(b) for b in geom.bounds)}); using its point", stacklevel=2)
        geom = None
    if geom is None or geom.is_empty:
        geom = Point(entity.lon, entity.lat)
    return geom


def is_lonlat(geom: BaseGeometry) -> bool:
    """Whether a geometry lies within longitude -180..180 and latitude -90..90 (EPSG:4326)."""
    minx, miny, maxx, maxy = geom.bounds
    return -180.0 <= minx <= maxx <= 180.0 and -90.0 <= miny <= maxy <= 90.0


def places_frame(parsed: list[ParsedDocument], gazetteer: Any) -> gpd.GeoDataFrame:
    """One row per distinct resolved place over all documents.

    Parameters
    ----------
    parsed : list of ParsedDocument
        The documents with their mentions.
    gazetteer : Gazetteer or None
        Gives each place's geometry (see :func:`place_geometry`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`PLACE_COLUMNS` and ``geometry``, EPSG:4326, in order of first mention.
        ``roles`` is ordered as :data:`geo.model.ROLES`; ``surfaces`` and ``documents`` are
        distinct, in order of appearance; ``confidence`` is the maximum over the mentions;
        ``dates`` are the ISO dates of the events the place's sentences report ("ieri a Parigi").
    """
    records: dict[str, dict[str, Any]] = {}
    entities: dict[str, Entity] = {}
    # each place's documents as a list, distinct in order of appearance (a dict per place took some 40 bytes
    # a document): a document's mentions come together, so an id already listed is the list's last, unless
    # the id came before (a long document's windows, an id given twice, a mention of another id): then the
    # list is searched, through a set of it made once for that place
    seen_docs: set[str] = set()
    for doc in parsed:
        doc_id = doc.document.doc_id
        search = doc_id in seen_docs
        seen_docs.add(doc_id)
        for mention in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
            entity = mention.entity
            if entity is None:
                continue
            rec = records.get(entity.id)
            if rec is None:
                entities[entity.id] = entity
                rec = records[entity.id] = {
                    "place_id": entity.id, "name": entity.name,
                    "kind": entity.kind if entity.kind in PLACE_KINDS else "other",
                    "country": entity.country or None, "roles": set(), "mentions": 0,
                    "surfaces": [], "documents": [], "confidence": 0.0, "dates": set(),
                    "located_by": entity.located_by,  # an approximate place's locator (geo.approximate)
                }
            rec["roles"].add(mention.role if mention.role in ROLES else "mention")
            rec["mentions"] += 1
            if mention.surface not in rec["surfaces"]:
                rec["surfaces"].append(mention.surface)
            listed, mentioned = rec["documents"], mention.doc_id
            if mentioned != doc_id:
                search = True
                seen_docs.add(mentioned)
            if not (listed and listed[-1] == mentioned):
                known = rec.get("known")  # the list as a set, made the first time the list must be searched
                if search and known is None:
                    known = rec["known"] = set(listed)
                if known is None or mentioned not in known:
                    listed.append(mentioned)  # distinct, in order
                    if known is not None:
                        known.add(mentioned)
            rec["confidence"] = max(rec["confidence"], float(mention.confidence))
            if getattr(mention, "date", None):
                rec["dates"].add(mention.date)
    rows = []
    for place_id, rec in records.items():
        rec.pop("known", None)
        rec["roles"] = [r for r in ROLES if r in rec["roles"]]
        rec["dates"] = sorted(rec["dates"])
        rec["confidence"] = round(min(max(rec["confidence"], 0.0), 1.0), 4)
        rows.append({**rec, "geometry": place_geometry(entities[place_id], gazetteer)})
    return _frame(rows, PLACE_COLUMNS, {"mentions": "int64", "confidence": "float64"})


@dataclasses.dataclass
class FigureState:
    """What the figures frames of successive chunks of one corpus share (:func:`figure_chunks`).

    Attributes
    ----------
    seen_ids : set of str or geo.docstore.DiskIndex
        The figure ids given so far (a repeated id gets ``#2``, ``#3``... as in one frame): a set, or
        (:func:`figure_chunks` given a ``scratch`` folder) a :class:`geo.docstore.DiskIndex` used as a set,
        so that the ids of a whole corpus (some 100 bytes each in a set) wait on disk.
    known : dict of str to Entity
        Place id -> the entity a mention resolved to (the first one seen).
    points, multipoints : dict
        The places' points and the figures' geometries, one object per place and per set of places.
    """

    seen_ids: Any = dataclasses.field(default_factory=set)
    known: dict[str, Entity] = dataclasses.field(default_factory=dict)
    points: dict[str, Point | None] = dataclasses.field(default_factory=dict)
    multipoints: dict[tuple[str, ...], MultiPoint | None] = dataclasses.field(default_factory=dict)


def figures_frame(parsed: Iterable[ParsedDocument], gazetteer: Any, *,
                  state: FigureState | None = None) -> gpd.GeoDataFrame:
    """One row per figure, with its places' points as geometry.

    Parameters
    ----------
    parsed : iterable of ParsedDocument
        The documents with their figures (read twice: a list, or a spool).
    gazetteer : Gazetteer or None
        Gives the places' points; an id it does not know falls back to the entity of a
        mention with that id, and is otherwise left out of the geometry.
    state : FigureState, optional
        Shared with the frames of the corpus's other chunks (:func:`figure_chunks`): their
        concatenation is then the frame of the whole corpus.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`FIGURE_COLUMNS` and ``geometry`` (see the module docstring), EPSG:4326,
        in document order.  ``low``/``high`` are nullable integers; a missing ``figure_id``
        becomes ``<doc_id>:<start>``.
    """
    if state is None:
        state = FigureState()
    for place_id, entity in _known_entities(parsed).items():
        state.known.setdefault(place_id, entity)
    known, point_cache, points_cache, seen_ids = state.known, state.points, state.multipoints, state.seen_ids
    # column by column, not a dict per row: at 100,000 documents there are half a million figures
    cols: dict[str, list[Any]] = {col: [] for col in (*FIGURE_COLUMNS, "geometry")}
    shared: dict[Any, Any] = {}  # one object for each repeated text (kind, document, place ids...)
    one = shared.setdefault
    appends = [cols[col].append for col in (*FIGURE_COLUMNS, "geometry")]
    for doc in parsed:
        for fig in doc.figures:
            key = tuple(dict.fromkeys(fig.place_ids))
            if key not in points_cache:
                points = [_lookup_point(pid, gazetteer, known, point_cache) for pid in key]
                points = [pt for pt in points if pt is not None]
                points_cache[key] = MultiPoint(points) if points else None
            figure_id = fig.figure_id or f"{fig.doc_id}:{fig.start}"
            if figure_id in seen_ids:
                n = 2
                while f"{figure_id}#{n}" in seen_ids:
                    n += 1
                figure_id = f"{figure_id}#{n}"
            seen_ids.add(figure_id)
            row = (  # in FIGURE_COLUMNS order, then the geometry
                figure_id, one(fig.kind, fig.kind), int(fig.value), fig.low, fig.high,
                one(fig.qualifier, fig.qualifier), one(fig.status, fig.status), [one(p, p) for p in fig.places],
                [one(p, p) for p in fig.place_ids], fig.date or None, one(fig.quote, fig.quote),
                one(fig.doc_id, fig.doc_id), int(fig.start), int(fig.end), one(fig.source or None, fig.source or None),
                bool(fig.per_unit), fig.date_end or None, one(fig.unit or None, fig.unit or None), points_cache[key],
            )
            for append, value in zip(appends, row, strict=True):
                append(value)
    dtypes = {"value": "int64", "low": "Int64", "high": "Int64", "start": "int64", "end": "int64",
              "per_unit": "bool", "date": "datetime64[s]", "date_end": "datetime64[s]"}  # dates: NaT when unknown
    return _frame_of_columns(cols, FIGURE_COLUMNS, dtypes)


def figure_chunks(parsed: Iterable[ParsedDocument], gazetteer: Any, *, size: int | None = None,
                  scratch: str | os.PathLike | None = None) -> Iterator[gpd.GeoDataFrame]:
    """The figures frame of a corpus in chunks of ``size`` documents (default :data:`CHUNK_DOCUMENTS`), read once,
    one chunk in memory at a time.

    The chunks' concatenation is :func:`figures_frame` of the whole corpus (the same ids,
    values and geometries; the index starts again at 0 in each chunk); a chunk whose documents
    have no figure is not yielded.  With a ``scratch`` folder (the run's spool folder) the figure ids
    given so far wait in a temporary SQLite file there (:class:`FigureState`), deleted when the chunks
    end (or the generator is closed), rather than in a set that grows with the corpus.
    """
    state = FigureState()
    if scratch is not None:
        from geo.docstore import DiskIndex

        fd, name = tempfile.mkstemp(prefix="figure-ids-", suffix=".sqlite", dir=scratch)
        os.close(fd)
        state.seen_ids = DiskIndex(Path(name))
    try:
        docs = iter(parsed)
        while chunk := list(itertools.islice(docs, size or CHUNK_DOCUMENTS)):
            frame = figures_frame(chunk, gazetteer, state=state)
            if len(frame):
                yield frame
    finally:
        if scratch is not None:
            state.seen_ids.close()


def event_frames_frame(parsed: list[ParsedDocument], gazetteer: Any) -> gpd.GeoDataFrame:
    """One row per event frame (:mod:`geo.events`): a sentence that reports an attack, an
    interception, a killing, a wounding, a deployment, an exercise or a meeting.

    Columns :data:`EVENT_FRAME_COLUMNS`: the main class of event and every class the sentence names,
    its places (in the role the event gives them), its date, its figures ("12 killed"), the places that
    act in it (``actors``), the sentence, its document and offsets. Geometry: a ``MultiPoint`` of the
    places' points, as for figures; EPSG:4326, in document order.
    """
    known = _known_entities(parsed)
    cache: dict[str, Point | None] = {}
    rows = []
    for doc in parsed:
        figures = {f.figure_id: f for f in doc.figures}
        for n, frame in enumerate(doc.frames, start=1):
            points = [pt for pt in (_lookup_point(pid, gazetteer, known, cache) for pid in frame.place_ids) if pt]
            figs = [figures[i] for i in frame.figure_ids if i in figures]
            rows.append({
                "frame_id": f"{frame.doc_id}:e{n}", "event": frame.event, "events": list(frame.events),
                "places": [known[p].name if p in known else p for p in frame.place_ids],
                "place_ids": list(frame.place_ids), "date": frame.date,
                "figures": [f"{f.value} {f.kind}" for f in figs], "figure_ids": list(frame.figure_ids),
                "actors": [known[p].name if p in known else p for p in frame.actors], "actor_ids": list(frame.actors),
                "quote": frame.quote, "document": frame.doc_id, "start": int(frame.start), "end": int(frame.end),
                "geometry": MultiPoint(points) if points else None,
            })
    return _frame(rows, EVENT_FRAME_COLUMNS, {"date": "datetime64[s]", "start": "int64", "end": "int64"})


def _known_entities(parsed: Iterable[ParsedDocument]) -> dict[str, Entity]:
    """Place id -> the entity a mention resolved to (the first one seen)."""
    known: dict[str, Entity] = {}
    for doc in parsed:
        for mention in doc.mentions:
            if mention.entity is not None:
                known.setdefault(mention.entity.id, mention.entity)
    return known


def polygons_only(geom: BaseGeometry) -> BaseGeometry:
    """Drop the slivers (lines, points) that ``make_valid``/``union`` may leave next to polygons."""
    if geom.geom_type != "GeometryCollection":
        return geom
    polys = [g for g in geom.geoms if g.geom_type in _AREA_TYPES]
    return shapely.union_all(polys) if polys else geom


def _lookup_point(place_id: str, gazetteer: Any, known: dict[str, Entity],
                  cache: dict[str, Point | None]) -> Point | None:
    if place_id in cache:
        return cache[place_id]
    entity = known.get(place_id)
    if entity is None and gazetteer is not None:
        try:
            entity = gazetteer.get(place_id)
        except (GazetteerError, KeyError, LookupError):
            entity = None
    cache[place_id] = Point(entity.lon, entity.lat) if entity is not None else None
    return cache[place_id]


def _frame(rows: Iterable[dict[str, Any]], columns: Sequence[str], dtypes: dict[str, str]) -> gpd.GeoDataFrame:
    """Build the frame column by column: text columns stay ``object`` so a missing value is ``None``."""
    rows = list(rows)
    return _frame_of_columns({col: [r[col] for r in rows] for col in (*columns, "geometry")}, columns, dtypes)


def _frame_of_columns(cols: dict[str, list[Any]], columns: Sequence[str], dtypes: dict[str, str]) -> gpd.GeoDataFrame:
    """:func:`_frame` of columns (``columns`` and ``geometry``) given as lists; each list is emptied once used."""
    data = {}
    for col in columns:
        data[col] = pd.Series(cols[col], dtype=dtypes.get(col, object))
        cols[col].clear()
    geometry = gpd.GeoSeries(cols["geometry"], crs=CRS)
    cols["geometry"].clear()
    return gpd.GeoDataFrame(data, geometry=geometry, crs=CRS)
