"""A run's frames and files from its spooled documents, a chunk of figures at a time.

The command line spools each parsed document to disk (:class:`geo.corpus.SpooledCorpus`); this
module reads the spool back to write the outputs without ever holding the whole figures frame,
so that memory grows with what must stay (the merge's compact reports, the map's records), not
with the figures' quotes, geometries and frames:

1. the places frame (one row per distinct place: small whatever the corpus);
2. the figures in chunks of :data:`layers.frames.CHUNK_DOCUMENTS` documents
   (:func:`layers.frames.figure_chunks`) go through the merge (:func:`layers.consolidated.consolidate`),
   which writes ``events.geojson`` as the events come;
3. the figures in chunks again, each with its ``event_id``: ``figures.geojson`` and ``figures.csv``
   written row by row, and the map's records of each chunk (:func:`layers.map.figure_records`).

Every file has the bytes that the whole frames give (:func:`layers.export.write_geojson`,
:func:`layers.export.export`, :func:`layers.consolidated.events_frame`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.model import Document, ParsedDocument

#: Name of the scratch file of :func:`layers.consolidated.consolidate` in the run's spool folder.
SCRATCH_NAME = "figures.pickle"


@dataclass
class Written:
    """What the map needs once the files are written (:func:`write_frames`).

    Attributes
    ----------
    places : geopandas.GeoDataFrame
        The places frame; with a document store and a ``map_lang``, each ``documents`` entry is a
        :class:`geo.docstore.StoredIds` once the files are written (ids read back while the store is open).
    records : list of dict or MapFigures
        The figures as the map reads them (:func:`layers.map.figure_records`), with their events; with a
        ``map_lang``, a :class:`layers.map.MapFigures` fed a chunk at a time (totals beyond the map's limit).
    events : geopandas.GeoDataFrame
        The events of several reports (:attr:`layers.consolidated.Consolidation.multi`).
    n_events : int
        How many events ``events.geojson`` holds.
    """

    places: gpd.GeoDataFrame
    records: Any
    events: gpd.GeoDataFrame
    n_events: int


def _no_steps(name: str, work: Callable[[], Any] | None) -> Any:
    return work() if work is not None else None


def _places(kept: Iterable[ParsedDocument], gazetteer: Any, scratch: Path) -> gpd.GeoDataFrame:
    """:func:`layers.frames.places_frame` of the spooled documents, made in a child process
    (:func:`geo.memory.in_child`): what reading every document's mentions allocates goes back to the system
    with it, and only the frame comes back, its lists and ids made together rather than scattered among
    the freed objects, whose memory they would keep from the system."""
    from geo.memory import in_child
    from layers.frames import places_frame

    return in_child(lambda: places_frame(kept, gazetteer), name="the places frame", scratch=scratch)


def _compact_documents(places: gpd.GeoDataFrame, documents: Any, scratch: Path) -> None:
    """Each place's list of document ids becomes a :class:`geo.docstore.StoredIds`: 4-byte positions in the
    run's ``DocumentStore`` (some 1.1 million ids at 100,000 documents of 11 places each: 15 MB as lists of
    strings, 4 MB as positions, the same arrays the map's places then draw).

    The ids are looked up in a forked child (:func:`geo.memory.in_child`): the table of every id goes back with
    it, only the positions come back.  A place with an id the store lacks keeps its list."""
    from array import array

    from geo.docstore import StoredIds
    from geo.memory import in_child

    def work() -> list[array | None]:
        position = documents.positions_of()
        out: list[array | None] = []
        for ids in places["documents"]:
            found = [position.get(d) for d in ids]
            out.append(None if None in found else array("i", found))
        return out

    compact = in_child(work, name="the places' documents", scratch=scratch)
    places["documents"] = [ids if positions is None else StoredIds(positions, documents)
                           for ids, positions in zip(places["documents"], compact, strict=True)]


def _consolidated(kept: Iterable[ParsedDocument], folder: Path, scratch: Path, *, gazetteer: Any,
                  documents: Mapping[str, Document], copies: Mapping[str, Sequence[str]] | None) -> Any:
    """:func:`layers.consolidated.consolidate` of the spooled figures, run in a child process
    (:func:`geo.memory.in_child`): the merge's reports, groups and chunks go back to the system with it,
    and only the figures' events come back (the copies stay this process's)."""
    from geo.memory import in_child
    from layers.consolidated import Consolidation, consolidate
    from layers.frames import figure_chunks

    def work() -> tuple[list[str], Any, gpd.GeoDataFrame]:
        done = consolidate(figure_chunks(kept, gazetteer, scratch=scratch), gazetteer, folder / "events.geojson",
                           Path(scratch) / SCRATCH_NAME, documents=documents, copies=copies)
        return done.event_ids, done.event_of, done.multi

    event_ids, event_of, multi = in_child(work, name="the merge of reports into events", scratch=scratch)
    return Consolidation(event_ids, event_of, multi, copies or {})


def write_frames(kept: Iterable[ParsedDocument], folder: Path, scratch: Path, *, gazetteer: Any,
                 documents: Sequence[Document], copies: Mapping[str, Sequence[str]] | None = None,
                 formats: Iterable[str] = (), map_lang: str | None = None,
                 map_texts: Any = None, steps: Callable[[str, Callable[[], Any] | None], Any] = _no_steps) -> Written:
    """Write ``events.geojson``, ``places.geojson``, ``figures.geojson`` and the extra exports into ``folder``.

    Parameters
    ----------
    kept : iterable of ParsedDocument
        The counted documents (a :class:`geo.corpus.DocumentSpool`), read three times.
    folder : Path
        The (staging) folder to write into.
    scratch : Path
        A folder for temporary files (the run's spool folder).
    gazetteer : Gazetteer
    documents : sequence of Document
        Every document of the run (copies too), for the events' outlets and dates.
    copies : mapping of str to list of str, optional
        The near-duplicate copies of each kept document.
    formats : iterable of str
        Extra exports (``csv``, ``gpkg``; see :mod:`layers.export`); ``geojson`` is always written.
    map_lang : str, optional
        The map's interface language: the records are then a :class:`layers.map.MapFigures`, which keeps
        only what the page draws once it knows the map draws totals.
    map_texts : geo.corpus.TextSpool, optional
        Where the documents' texts are, for the map's quotes (with ``map_lang``).
    steps : callable, optional
        Called with each step's name and work (``make_map._Steps``: a progress bar): places,
        figures, events, writing.

    Returns
    -------
    Written
    """
    from layers.export import CsvWriter, GeoJSONWriter, export, json_columns, write_geojson
    from layers.frames import figure_chunks, figures_frame
    from layers.map import MapFigures, figure_records

    folder, formats = Path(folder), list(dict.fromkeys(f for f in formats if f != "geojson"))
    whole_formats = [f for f in formats if f != "csv"]  # OGR files (gpkg), written whole by layers.export.export
    by_id = getattr(documents, "by_id", None)  # a DocumentStore's, on disk
    by_id = {d.doc_id: d for d in documents} if by_id is None else by_id
    if hasattr(kept, "flush"):  # a spool: written out before a child reads it (the places, the merge)
        kept.flush()
    places = steps("places", lambda: _places(kept, gazetteer, scratch))
    steps("figures", None)  # read in chunks by the next two steps
    events = steps("events", lambda: _consolidated(kept, folder, scratch, gazetteer=gazetteer, documents=by_id,
                                                    copies=copies))
    records: Any = ([] if map_lang is None else
                    MapFigures(places, documents=documents, gazetteer=gazetteer, lang=map_lang, events=events.multi,
                               texts=map_texts, scratch=scratch))

    def write() -> None:
        write_geojson(places, folder / "places.geojson")
        ogr: list[gpd.GeoDataFrame] = []
        with contextlib.ExitStack() as stack:
            geojson = stack.enter_context(GeoJSONWriter(folder / "figures.geojson"))
            table = (stack.enter_context(CsvWriter(places, folder / "figures.csv", gazetteer=gazetteer))
                     if "csv" in formats else None)
            start = 0
            for chunk in figure_chunks(kept, gazetteer, scratch=scratch):
                chunk = events.with_events(chunk, start)
                start += len(chunk)
                values = json_columns(chunk)  # read by the GeoJSON file and the map's records alike
                geojson.write(chunk, values=values)
                if table is not None:
                    table.write(chunk)
                if whole_formats:
                    ogr.append(chunk)
                if map_lang is None:
                    records.extend(figure_records(chunk, values=values))
                else:
                    records.add(figure_records(chunk, values=values))
        if whole_formats:  # an OGR file is written whole: its frame is made only when asked for
            whole = (pd.concat(ogr, ignore_index=True) if ogr
                     else events.with_events(figures_frame([], gazetteer), 0))
            export(places, whole, folder, whole_formats, gazetteer=gazetteer)

        if map_lang is not None and hasattr(documents, "positions_of") and len(places):
            _compact_documents(places, documents, scratch)  # the files are written: the map reads positions

    steps("writing", write)  # then what the lists of ids took goes back to the system (make_map._Steps)
    return Written(places, records, events.multi, len(events))
