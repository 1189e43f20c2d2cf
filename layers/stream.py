"""A run's frames and files from its spooled documents, a chunk of figures at a time.

The command line spools each parsed document to disk (:class:`geo.corpus.SpooledCorpus`); this
module reads the spool back to write the outputs without ever holding the whole figures frame,
so that memory grows with what must stay (the merge's compact reports, the map's records), not
with the figures' quotes, geometries and frames:

1. the places frame (one row per distinct place: small whatever the corpus), made in a child process that
   writes ``places.geojson`` and, for the map, turns each place's document ids into positions in the run's store;
2. the figures in chunks of :data:`layers.frames.CHUNK_DOCUMENTS` documents
   (:func:`layers.frames.figure_chunks`, made once) go through the merge (:func:`layers.consolidated.consolidate`),
   which writes ``events.geojson`` as the events come, while ``figures.csv`` is written row by row and each
   chunk's values wait in a scratch file;
3. those values again, a chunk at a time, each figure with its ``event_id``: ``figures.geojson`` written row by
   row, and the map's records of each chunk (:func:`layers.map.records_of`) sent back through a scratch file.
   Steps 2 and 3 run in one child process (:func:`geo.memory.in_child`): this process holds neither the events'
   ids nor a chunk, only what the map keeps of the records it reads back.

Every file has the bytes that the whole frames give (:func:`layers.export.write_geojson`,
:func:`layers.export.export`, :func:`layers.consolidated.events_frame`).
"""

from __future__ import annotations

import contextlib
import pickle
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.docstore import StoredIds
from geo.model import Document, ParsedDocument

#: Name of the scratch file of :func:`layers.consolidated.consolidate` in the run's spool folder.
SCRATCH_NAME = "figures.pickle"

#: Name of the scratch file of the figures' chunks' values, from the merge to the files (:func:`_merge_and_write`).
CHUNKS_NAME = "figure-chunks.pickle"

#: Name of the scratch file that brings the map's records back from the merge's child (:func:`write_frames`).
RECORDS_NAME = "figure-records.pickle"
#: The steps :func:`write_frames` reports to its ``steps`` callable, in order (a progress bar counts them).
STEPS = ("places", "events and files", "map records")


@dataclass
class Written:
    """What the map needs once the files are written (:func:`write_frames`).

    Attributes
    ----------
    places : geopandas.GeoDataFrame
        The places frame; with a document store and a ``map_lang``, each ``documents`` entry is a
        :class:`geo.docstore.StoredIds` (ids read back while the store is open; a place with an id the store
        lacks keeps its list).
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


def _places(kept: Iterable[ParsedDocument], gazetteer: Any, scratch: Path, folder: Path,
            store: Any = None, *, fork: bool = True) -> gpd.GeoDataFrame:
    """:func:`layers.frames.places_frame` of the spooled documents, made in a child process
    (:func:`geo.memory.in_child`) that writes ``places.geojson`` too: what reading every document's mentions
    allocates goes back to the system with it, and only the frame comes back, its lists and ids made together
    rather than scattered among the freed objects, whose memory they would keep from the system.

    With a ``store`` (the run's :class:`geo.docstore.DocumentStore`) each place's list of ids comes back as
    positions in it (:func:`_compact_documents`), each a :class:`geo.docstore.StoredIds` here: this process
    never holds the ids as strings (some 1.1 million at 100,000 documents: 15 MB). ``fork`` ``False`` makes
    the frame in this process (see :func:`write_frames`)."""
    from geo.memory import in_child
    from layers.export import write_geojson
    from layers.frames import places_frame

    def work() -> gpd.GeoDataFrame:
        places = places_frame(kept, gazetteer)
        write_geojson(places, folder / "places.geojson")
        if store is not None and len(places):
            _compact_documents(places, store)
        return places

    places = in_child(work, name="the places frame", scratch=scratch, fork=fork)
    if store is not None and len(places):
        places["documents"] = _objects([StoredIds(ids, store) if isinstance(ids, array) else ids
                                        for ids in places["documents"]])
    return places


def _objects(values: list[Any]) -> np.ndarray:
    """``values`` as a column of objects (a list of equal-length arrays would make a 2-D one)."""
    column = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        column[i] = value
    return column


def _compact_documents(places: gpd.GeoDataFrame, store: Any) -> None:
    """Each place's list of document ids becomes an ``array('i')`` of its positions in the run's ``store``
    (a :class:`geo.docstore.DocumentStore`), in place: some 1.1 million ids at 100,000 documents of 11 places
    each are 15 MB as lists of strings, 4 MB as positions, the same arrays the map's places then draw
    (as :class:`geo.docstore.StoredIds`, :func:`_places`).  A place with an id the store lacks keeps its list.

    Run in the child that makes the places frame: the table of every id goes with it."""
    position = store.positions_of()
    out: list[Any] = []
    for ids in places["documents"]:
        found = [position.get(d) for d in ids]
        out.append(ids if None in found else array("i", found))
    places["documents"] = _objects(out)


def _with_id_lists(places: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``places`` with each place's documents as a list of ids (what the files write), read back from the store."""
    if not any(isinstance(ids, StoredIds) for ids in places["documents"]):
        return places
    places = places.copy()
    places["documents"] = _objects([list(ids) if isinstance(ids, StoredIds) else ids for ids in places["documents"]])
    return places


def _merge_and_write(kept: Iterable[ParsedDocument], folder: Path, scratch: Path, records_path: Path, *,
                     places: gpd.GeoDataFrame, gazetteer: Any, documents: Mapping[str, Document],
                     copies: Mapping[str, Sequence[str]] | None, formats: list[str],
                     fork: bool = True) -> tuple[int, gpd.GeoDataFrame]:
    """The merge (:func:`layers.consolidated.consolidate`, which writes ``events.geojson``), then the figures'
    files, in a child process (:func:`geo.memory.in_child`): the merge's reports and groups, every event's id,
    the figures' chunks and the writers go back to the system with it.

    The figures' chunks are made once, as the merge reads them: each chunk's :func:`layers.export.json_columns`
    wait in a scratch file (:data:`CHUNKS_NAME`) and its geometries in a list (one shared object per set of
    places), ``figures.csv`` is written then (it has no event column), and an OGR export keeps the chunks.  Once
    the events are known, each chunk's values with its events' columns
    (:meth:`layers.consolidated.Consolidation.event_values`) make ``figures.geojson``, and are appended to
    ``records_path`` (its columns and values, one pickle a chunk) for this process to read back as the map's
    records (:func:`layers.map.records_of`); only the number of events and the events of several reports come back.
    ``fork`` ``False`` does all this in this process (see :func:`write_frames`).
    """
    from geo.memory import in_child
    from layers.consolidated import ADDED_COLUMNS, consolidate
    from layers.export import CsvWriter, GeoJSONWriter, export, json_column, json_columns
    from layers.frames import figure_chunks, figures_frame

    whole_formats = [f for f in formats if f != "csv"]  # OGR files (gpkg), written whole by layers.export.export
    saved = Path(scratch) / CHUNKS_NAME

    def work() -> tuple[int, gpd.GeoDataFrame]:
        geoms: list[Any] = []  # every figure's geometry, in order
        ogr: list[gpd.GeoDataFrame] = []
        try:
            with contextlib.ExitStack() as stack:
                table = (stack.enter_context(CsvWriter(places, folder / "figures.csv", gazetteer=gazetteer))
                         if "csv" in formats else None)
                keep = stack.enter_context(saved.open("wb"))

                def chunks() -> Iterator[gpd.GeoDataFrame]:
                    for chunk in figure_chunks(kept, gazetteer, scratch=scratch):
                        columns = [c for c in chunk.columns if c != chunk.geometry.name]
                        pickle.dump((columns, json_columns(chunk)), keep, protocol=pickle.HIGHEST_PROTOCOL)
                        geoms.extend(chunk.geometry)
                        if table is not None:
                            table.write(chunk)
                        if whole_formats:
                            ogr.append(chunk)
                        yield chunk

                events = consolidate(chunks(), gazetteer, folder / "events.geojson", Path(scratch) / SCRATCH_NAME,
                                     documents=documents, copies=copies)
            with contextlib.ExitStack() as stack:
                geojson = stack.enter_context(GeoJSONWriter(folder / "figures.geojson"))
                sent = stack.enter_context(records_path.open("wb"))
                start = 0
                for columns, values in _pickles(stack.enter_context(saved.open("rb"))):
                    n = len(values[0])
                    values += [json_column(pd.Series(v, dtype=object))  # as Consolidation.with_events adds them
                               for v in events.event_values(values[columns.index("document")], start)]
                    columns = [*columns, *ADDED_COLUMNS]
                    geojson.write_rows(columns, values, geoms[start:start + n])  # read by the map's records too
                    pickle.dump((columns, values), sent, protocol=pickle.HIGHEST_PROTOCOL)
                    start += n
        finally:
            saved.unlink(missing_ok=True)
        if whole_formats:  # an OGR file is written whole: its frame is made only when asked for
            parts, start = [], 0
            for chunk in ogr:
                parts.append(events.with_events(chunk, start))
                start += len(chunk)
            whole = (pd.concat(parts, ignore_index=True) if parts
                     else events.with_events(figures_frame([], gazetteer), 0))
            export(_with_id_lists(places), whole, folder, whole_formats, gazetteer=gazetteer)
        return len(events), events.multi

    return in_child(work, name="the merge of reports into events and the figures' files", scratch=scratch,
                    fork=fork)


def _pickles(fh: Any) -> Iterator[Any]:
    """The objects pickled one after another into the open file ``fh``, in order."""
    while True:
        try:
            yield pickle.load(fh)
        except EOFError:
            return


def _sent_records(path: Path) -> Iterator[list[Any]]:
    """The map's records of each chunk that :func:`_merge_and_write` wrote to ``path``, in order."""
    from layers.map import records_of

    with path.open("rb") as fh:
        for columns, values in _pickles(fh):
            yield records_of(columns, values)


def write_frames(kept: Iterable[ParsedDocument], folder: Path, scratch: Path, *, gazetteer: Any,
                 documents: Sequence[Document], copies: Mapping[str, Sequence[str]] | None = None,
                 formats: Iterable[str] = (), map_lang: str | None = None,
                 map_texts: Any = None, steps: Callable[[str, Callable[[], Any] | None], Any] = _no_steps,
                 fork: bool = True) -> Written:
    """Write ``events.geojson``, ``places.geojson``, ``figures.geojson`` and the extra exports into ``folder``.

    The places frame is made, and ``places.geojson`` written, in one child process; the merge and the figures'
    files in another (:func:`geo.memory.in_child`), which sends the map's records back through a scratch file,
    read here a chunk at a time: this process's memory grows with what the map keeps, not with the figures.

    Parameters
    ----------
    kept : iterable of ParsedDocument
        The counted documents (a :class:`geo.corpus.DocumentSpool`), read twice.
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
        Called with each step's name and work (``make_map._Steps``: a progress bar): places (the
        places frame and ``places.geojson``), events and files (the merge, the figures' files and the
        exports), map records (the map's records read back).
    fork : bool, default True
        ``False`` makes the places frame, the merge and the figures' files in this process, for a small run
        (``make_map.IN_PROCESS_ITEMS``): the same files, without the cost of two forks.

    Returns
    -------
    Written
    """
    from layers.map import MapFigures

    folder, formats = Path(folder), list(dict.fromkeys(f for f in formats if f != "geojson"))
    by_id = getattr(documents, "by_id", None)  # a DocumentStore's, on disk
    by_id = {d.doc_id: d for d in documents} if by_id is None else by_id
    # with a map, each place's documents become positions in the run's DocumentStore (StoredIds)
    store = documents if map_lang is not None and hasattr(documents, "positions_of") else None
    if hasattr(kept, "flush"):  # a spool: written out before a child reads it (the places, the merge)
        kept.flush()
    places = steps(STEPS[0], lambda: _places(kept, gazetteer, scratch, folder, store, fork=fork))
    records_path = Path(scratch) / RECORDS_NAME
    try:
        n_events, multi = steps(STEPS[1], lambda: _merge_and_write(
            kept, folder, scratch, records_path, places=places, gazetteer=gazetteer, documents=by_id, copies=copies,
            formats=formats, fork=fork))
        records: Any = ([] if map_lang is None else
                        MapFigures(places, documents=documents, gazetteer=gazetteer, lang=map_lang, events=multi,
                                   texts=map_texts, scratch=scratch))

        def write() -> None:
            for chunk in _sent_records(records_path):
                if map_lang is None:
                    records.extend(chunk)
                else:
                    records.add(chunk)

        steps(STEPS[2], write)  # then what the records' reading took goes back to the system (make_map._Steps)
    finally:
        records_path.unlink(missing_ok=True)
    return Written(places, records, multi, n_events)
