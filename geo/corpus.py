"""A corpus through the text side: inputs streamed, documents parsed in parallel, copies found.

:func:`iter_documents` reads the inputs lazily (a JSONL or JSONL.gz file line by line, a folder
file by file), :func:`read_corpus` sends them through :func:`geo.parallel.parse_stream` and
keeps, per document, only the compact result and its place among near-duplicate copies
(:mod:`geo.duplicates`).  Memory then grows with what the outputs hold (places, figures,
mentions), not with the texts read.

A run of the command line keeps less still: it gives :func:`read_corpus` a ``sink``
(:class:`SpooledCorpus`) that writes each document's mentions out as it arrives and spools
its compact result to a temporary file (:class:`DocumentSpool`, inside the run's staging
folder, see :mod:`layers.outputs`), which the frames read back one document at a time.
"""

from __future__ import annotations

import collections
import dataclasses
import gzip
import io
import json
import os
import pickle
import shutil
import sys
import tempfile
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from geo import documents as _documents
from geo.docstore import DocumentStore, spooled_texts
from geo.errors import GazetteerError, InputError
from geo.model import Document, Entity, Figure, ParsedDocument
from geo.parallel import MentionRow, Prepared, Settings, compact, parse_stream, spooled

#: The fields of a figure only its places are read from (rule REPEAT_ATTACKED_COUNTRY of :mod:`geo.figure_places`),
#: which the spool does not store: the last fields of :class:`geo.model.Figure`, left at their defaults when read back
#: (a figure is rebuilt from its stored fields in order).
_UNSPOOLED = ("repeat_place_ids", "repeat_starts")
#: The fields of a figure, in the order the spool stores them.
_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure) if f.name not in _UNSPOOLED)

#: Compressed JSONL, read line by line like ``.jsonl``.
JSONL_GZ_SUFFIX = ".jsonl.gz"


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(JSONL_GZ_SUFFIX) or path.suffix.lower() in _documents.JSONL_SUFFIXES


def iter_jsonl(path: Path, *, encoding: str | None = None) -> Iterator[Document]:
    """Stream a JSONL (or gzip-compressed ``.jsonl.gz``) file: one document per non-blank line.

    The fields are those of :func:`geo.documents.read_jsonl`; a malformed line raises
    :class:`InputError` naming the file and line.  UTF-8 unless ``encoding`` says otherwise.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    stem = path.name[: -len(JSONL_GZ_SUFFIX)] if path.name.lower().endswith(JSONL_GZ_SUFFIX) else path.stem
    try:
        with opener(path, "rt", encoding=encoding or "utf-8-sig", newline="\n") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield _documents.jsonl_document(line, path, lineno, stem=stem)
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not {encoding or 'UTF-8'} text (byte {exc.start})") from None


def iter_documents(inputs: Iterable[str], *, stdin: TextIO | None = None, encoding: str | None = None,
                   strict: bool = False, on_skip: Callable[[str], None] | None = None) -> Iterator[Document]:
    """Read the inputs of the command line lazily, in order, with unique ``doc_id`` values.

    Parameters
    ----------
    inputs : iterable of str
        As :func:`geo.documents.read_inputs` (folders read by :func:`geo.documents.folder_files`);
        ``.jsonl`` and ``.jsonl.gz`` files are streamed line by line.
    stdin : file-like, optional
        Stream read for ``"-"``.
    encoding, strict, on_skip
        As :func:`geo.documents.read_inputs`: in a batch of several files a bad file is skipped
        (``on_skip`` is told why; a JSONL file with a bad line is skipped whole, so it is read
        twice) unless ``strict``.

    Yields
    ------
    Document

    Raises
    ------
    InputError
        At once for a missing path or an empty folder; when reached, for a bad file of a single
        input or under ``strict``; at the end, when there was no document or no text at all.
    """
    if encoding is not None:
        _documents.check_encoding(encoding)
    sources = _documents.input_sources(inputs)
    batch = len(sources) > 1
    seen: dict[str, int] = {}
    any_text = False
    n = skipped = 0
    for source in sources:
        try:
            if source is None:
                docs: Iterable[Document] = _documents.read_inputs(["-"], stdin=stdin or sys.stdin, encoding=encoding)
            elif _is_jsonl(source):
                if batch and not strict:  # a bad line skips the whole file: check it before streaming it
                    collections.deque(iter_jsonl(source, encoding=encoding), maxlen=0)
                docs = iter_jsonl(source, encoding=encoding)
            else:
                docs = _documents.read_path(source, encoding=encoding)
            for doc in docs:
                k = seen.get(doc.doc_id, 0) + 1
                seen[doc.doc_id] = k
                if k > 1:
                    doc = dataclasses.replace(doc, doc_id=f"{doc.doc_id}-{k}")
                any_text = any_text or bool(doc.text.strip())
                n += 1
                yield doc
        except InputError as exc:
            if strict or not batch:
                raise
            skipped += 1
            if on_skip is None:
                warnings.warn(f"{exc}; skipped", _documents.InputWarning, stacklevel=2)
            else:
                on_skip(str(exc))
    if not n:
        raise InputError(f"all {skipped} input files were skipped" if skipped else "no input documents")
    if not any_text:
        raise _documents.no_text_error(sources)


@dataclass
class Corpus:
    """The parsed documents of a run and their near-duplicate copies.

    Attributes
    ----------
    parsed : list of ParsedDocument
        Every document, in input order, compacted (:func:`geo.parallel.compact`).
    copy_of : dict of str to str
        For each copy, the id of the document kept in its place.
    copies : dict of str to list of str
        For each kept document with copies, their ids in input order.
    """

    parsed: list[ParsedDocument] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)
    copies: dict[str, list[str]] = field(default_factory=dict)

    @property
    def kept(self) -> list[ParsedDocument]:
        """The documents counted: every document but the copies."""
        return [p for p in self.parsed if p.document.doc_id not in self.copy_of]

    @property
    def documents(self) -> list[Document]:
        """Every document's (compacted) record."""
        return [p.document for p in self.parsed]


def _toponym(m: Any) -> dict[str, Any]:
    """One toponym of a ``mentions.jsonl`` line."""
    e = m.entity
    return {
        "start": m.start, "end": m.end, "surface": m.surface,
        "place_id": e.id if e else None, "name": e.name if e else None,
        "kind": e.kind if e else None, "country": e.country if e else None,
        "lat": round(e.lat, 5) if e else None, "lon": round(e.lon, 5) if e else None,
        "role": m.role, "confidence": round(m.confidence, 3),
        **({"located_by": e.located_by} if e is not None and e.located_by is not None else {}),
    }


def mention_record(parsed: ParsedDocument) -> dict[str, Any]:
    """One ``mentions.jsonl`` line: the document id and its toponyms with offsets."""
    return {"doc_id": parsed.document.doc_id, "toponyms": [_toponym(m) for m in parsed.mentions]}


def _mention_parts(parsed: ParsedDocument) -> Iterable[list]:
    """A document's mentions in parts: a window at a time for a long document (:class:`geo.windows.WindowSpool`,
    read back from its file), else all at once."""
    return parsed.mentions.parts() if spooled(parsed) else (parsed.mentions,)


#: ``json.dumps(..., ensure_ascii=False)`` of one value (the encoder :func:`mention_line` writes with).
_dumps = json.JSONEncoder(ensure_ascii=False).encode

#: The place fields of a toponym without a place, as :func:`_toponym` writes them.
_NO_PLACE_JSON = _dumps(dict.fromkeys(("place_id", "name", "kind", "country", "lat", "lon")))[1:-1]

#: Place id -> (the place, the JSON of its fields in a toponym): a place is written once, not at each mention.
_PLACE_JSON: dict[str, tuple[Entity, str]] = {}

#: Places :data:`_PLACE_JSON` keeps at most (a few MB; more are written each time).
PLACE_JSON_MAX = 65_536


def _place_json(e: Entity | None) -> str:
    """The place fields of a toponym of ``e`` (``"place_id": ..., ..., "lon": ...``), as :func:`_toponym` and
    :data:`_dumps` write them; the text is kept for this very object (a correction's place with a gazetteer id
    is written for itself)."""
    if e is None:
        return _NO_PLACE_JSON
    hit = _PLACE_JSON.get(e.id)
    if hit is not None and hit[0] is e:
        return hit[1]
    text = _dumps({"place_id": e.id, "name": e.name, "kind": e.kind, "country": e.country,
                   "lat": round(e.lat, 5), "lon": round(e.lon, 5)})[1:-1]
    if hit is not None or len(_PLACE_JSON) < PLACE_JSON_MAX:
        _PLACE_JSON[e.id] = (e, text)
    return text


def _scalar_json(x: Any) -> str:
    """:data:`_dumps` of a number, string or ``None`` (a plain int or finite float written at once)."""
    if x is None:
        return "null"
    kind = type(x)
    if kind is int or (kind is float and x - x == 0):  # finite: repr is JSON's text (NaN, inf go to the encoder)
        return repr(x)
    return _dumps(x)


def _toponym_json(m: Any) -> str:
    """:data:`_dumps` of :func:`_toponym` of ``m``, its place's fields written once per place (:func:`_place_json`)."""
    return "".join(('{"start": ', _scalar_json(m.start), ', "end": ', _scalar_json(m.end), ', "surface": ',
                    _dumps(m.surface), ", ", _place_json(m.entity), ', "role": ', _scalar_json(m.role),
                    ', "confidence": ', _scalar_json(round(m.confidence, 3)), _located_json(m.entity), "}"))


def _located_json(e: Entity | None) -> str:
    """The ``located_by`` field of an approximate place's toponym (:mod:`geo.approximate`), else nothing."""
    return "" if e is None or e.located_by is None else ', "located_by": ' + _dumps(e.located_by)


def mention_line_parts(parsed: ParsedDocument) -> Iterator[str]:
    """The pieces of :func:`mention_line`, a window's toponyms at a time (see :func:`_mention_parts`): a long
    document's line is written piece by piece, never held whole."""
    yield "".join(('{"doc_id": ', _dumps(parsed.document.doc_id), ', "toponyms": ['))
    sep = ""
    for part in _mention_parts(parsed):
        if part:
            # a list's items are joined by ", " as the encoder joins them
            yield sep + ", ".join([_toponym_json(m) for m in part])
            sep = ", "
    yield "]}"


def mention_line(parsed: ParsedDocument) -> str:
    """``json.dumps(mention_record(parsed), ensure_ascii=False)``, made a toponym at a time: a long document's
    line never holds all its toponyms as dicts (some 700 bytes each) beside the text they become."""
    return "".join(mention_line_parts(parsed))


def _gazetteer_has(gazetteer: Any, entity: Entity) -> bool:
    """Whether the gazetteer gives this very place for its id (a correction's own place it does not)."""
    if gazetteer is None:
        return False
    try:
        known = gazetteer.get(entity.id)
    except (GazetteerError, KeyError, LookupError):
        return False
    return known is entity or known == entity


def _record(parsed: ParsedDocument, mentions: Iterable[Any], figures: Iterable[Figure], gazetteer: Any,
            extra: dict[str, Entity], checked: set[str], *, later: bool = False) -> bytes:
    """One pickled record of :class:`DocumentSpool` with these mentions and figures of ``parsed``; the places the
    gazetteer does not give as they are go to ``extra`` (``checked``: the ids looked at so far).  ``later``: the
    mentions follow the record, pickled apart (the record says how many and how many bytes), so that reading the
    record does not read them (:class:`_SpooledRows`)."""
    rows = []
    for m in mentions:
        e = m.entity
        if e is not None and e.id not in checked:
            checked.add(e.id)
            if not _gazetteer_has(gazetteer, e):
                extra[e.id] = e
        rows.append(MentionRow.pack(m, e.id if e is not None else None))
    figs = [[getattr(f, name) for name in _FIGURE_FIELDS] for f in figures]
    if later:
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        return pickle.dumps((parsed.document.doc_id, parsed.lang, parsed.date, (len(rows), len(data)), figs),
                            protocol=pickle.HIGHEST_PROTOCOL) + data
    return pickle.dumps((parsed.document.doc_id, parsed.lang, parsed.date, rows, figs),
                        protocol=pickle.HIGHEST_PROTOCOL)


def spool_record(parsed: ParsedDocument, gazetteer: Any = None) -> tuple[bytes, dict[str, Entity]]:
    """A document's record for :class:`DocumentSpool`, and its places the gazetteer does not give as they are.

    The record holds what the frames read: the document's id, language and date, its mentions
    (with their place's id only) and its figures (their fields in order), pickled.
    """
    extra: dict[str, Entity] = {}
    return _record(parsed, parsed.mentions, parsed.figures, gazetteer, extra, set()), extra


def spool_records(parsed: ParsedDocument, gazetteer: Any = None) -> Iterator[tuple[bytes, dict[str, Entity]]]:
    """A long document's records for :class:`DocumentSpool` (:meth:`DocumentSpool.append`), made one at a time:
    one per window of its mentions (:class:`geo.windows.WindowSpool`), without figures, then one with its
    figures and no mention.  Each comes with the places (so far) the gazetteer does not give as they are.

    The frames read the records as documents of their own: the places frame sorts each one's mentions, which
    sorted window by window are in the order of the whole text (a window's offsets all come before the next
    one's); the figures frame reads the last, whose figures then have every place of the document known.  A
    window's mentions are read back only when its record's mentions are iterated (:class:`_SpooledRows`): the
    figures frame holds the records of many documents at once.
    """
    extra: dict[str, Entity] = {}
    checked: set[str] = set()
    for part in _mention_parts(parsed):
        yield _record(parsed, part, (), gazetteer, extra, checked, later=True), extra
    yield _record(parsed, (), parsed.figures, gazetteer, extra, checked), extra


def prepare(parsed: ParsedDocument, gazetteer: Any = None, *, scratch: str | os.PathLike | None = None) -> Prepared:
    """What the outputs keep of a parsed document: its ``mentions.jsonl`` line and its spool record.

    Made where the document is parsed (a worker process with ``Settings.prepare``), so that the
    process gathering the results writes them as they come.  A long document read window by window
    (:func:`geo.parallel.spooled`) gets its records a window at a time (:func:`spool_records`), one after the
    other in :attr:`Prepared.record`: the rows go as bytes, never as a list of rows.  With ``scratch`` (the run's
    scratch folder; it must exist: :func:`geo.parallel.parse_batch` passes it only where it does), its line and
    records are written a window at a time to a file there instead (:attr:`Prepared.file`), so that their size
    does not grow with the text in memory either.
    """
    if spooled(parsed) and scratch is not None:
        return _prepare_to_file(parsed, gazetteer, scratch)
    if spooled(parsed):
        buffer = io.BytesIO()  # the records one after the other, each once in memory
        records, extra = _write_records(parsed, gazetteer, buffer)
        return Prepared(mention_line(parsed), buffer.getvalue(), extra, len(parsed.mentions), len(parsed.figures),
                        records)
    record, extra = spool_record(parsed, gazetteer)
    return Prepared(mention_line(parsed), record, extra, len(parsed.mentions),
                    len(parsed.figures))


def _prepare_to_file(parsed: ParsedDocument, gazetteer: Any, scratch: str | os.PathLike) -> Prepared:
    """:func:`prepare` of a long document into a file of the folder ``scratch`` (see :attr:`Prepared.file`)."""
    fd, path = tempfile.mkstemp(prefix="atlante-prepared-", suffix=".bin", dir=scratch)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in mention_line_parts(parsed):
                fh.write(piece.encode("utf-8"))
            line_bytes = fh.tell()
            records, extra = _write_records(parsed, gazetteer, fh)
    except BaseException:
        os.unlink(path)
        raise
    return Prepared("", b"", extra, len(parsed.mentions), len(parsed.figures), records, path, line_bytes)


def _write_records(parsed: ParsedDocument, gazetteer: Any, fh: BinaryIO) -> tuple[int, dict[str, Entity]]:
    """Write the :func:`spool_records` of a long document to ``fh`` one after the other; return how many and the
    places the gazetteer lacks (the last record's: it has every place)."""
    records, extra = 0, {}
    for record, extra in spool_records(parsed, gazetteer):  # noqa: B007 - the last has every place
        fh.write(record)
        records += 1
    return records, extra


class DocumentSpool:
    """Parsed documents in a temporary file, read back one at a time, as often as needed.

    What the frames read is kept (:func:`layers.frames.places_frame`, :func:`layers.frames.figures_frame`):
    each document's id, language and date, its mentions and its figures, not its text
    (:func:`spool_record`).  A mention's place is stored as its id: the gazetteer gives it back,
    and a place it does not hold (a correction's) is kept once, in this object.  The short words
    of the figures come back as one shared object each.  Each record is pickled on its own, so
    that reading holds one document at a time; iterating reads the file from the start (the
    frames read it twice).  A long document read window by window (:mod:`geo.windows`) is written as
    several records (:func:`spool_records`) and read back as several documents with its id: one per
    window of its mentions, then its figures.

    Parameters
    ----------
    path : Path
        The file to write; it should live in the run's staging folder
        (:meth:`layers.outputs.OutputFolder.spool`), so that a crash leaves nothing behind that a
        later run would read.
    gazetteer : Gazetteer, optional
        The run's gazetteer, which gives the mentions' places back.
    """

    def __init__(self, path: Path, gazetteer: Any = None) -> None:
        self.path = Path(path)
        self.gazetteer = gazetteer
        self._fh = self.path.open("wb")
        self._entities: dict[str, Entity] = {}
        self.count = 0
        self._records = 0

    def append(self, parsed: ParsedDocument) -> None:
        """Add one document at the end (a long document's mentions a window at a time: :func:`spool_records`)."""
        if spooled(parsed):
            for record, entities in spool_records(parsed, self.gazetteer):
                self._write(record, entities)
            self.count += 1
        else:
            self.write(*spool_record(parsed, self.gazetteer))

    def write(self, record: bytes, entities: dict[str, Entity], records: int = 1) -> None:
        """Add one document's :func:`spool_record` at the end (a long document's ``records``, one after the other:
        :attr:`geo.parallel.Prepared.records`)."""
        self._write(record, entities, records)
        self.count += 1

    def write_from(self, fh: BinaryIO, entities: dict[str, Entity], records: int) -> None:
        """Add one document whose ``records`` are the rest of the file ``fh``, copied a block at a time (through the
        spool's own buffered file: in order with what was written before)."""
        shutil.copyfileobj(fh, self._fh)
        self._write(b"", entities, records)
        self.count += 1

    def _write(self, record: bytes, entities: dict[str, Entity], records: int = 1) -> None:
        self._fh.write(record)
        for pid, entity in entities.items():
            self._entities.setdefault(pid, entity)
        self._records += records

    def __len__(self) -> int:
        """How many documents were added; iterating may yield more records than that (a long document's several:
        :func:`spool_records`)."""
        return self.count

    def _entity(self, place_id: str) -> Entity:
        entity = self._entities.get(place_id)
        if entity is None:
            entity = self._entities[place_id] = self.gazetteer.get(place_id)
        return entity

    def _rows(self, mentions: list[tuple]) -> list[MentionRow]:
        return MentionRow.unpack(mentions, self._entity)

    def flush(self) -> None:
        """Write what waits in the file's buffer: before a fork (:func:`geo.memory.in_child`), so that a child
        reading the spool does not write it too (the file's position is shared with the child)."""
        self._fh.flush()

    def __iter__(self) -> Iterator[ParsedDocument]:
        self._fh.flush()
        intern = sys.intern
        with self.path.open("rb") as fh:
            for _ in range(self._records):
                doc_id, lang, date, mentions, figures = pickle.load(fh)
                if isinstance(mentions, tuple):  # a window of a long document: its mentions follow, read when read
                    n, size = mentions
                    rows: Any = _SpooledRows(self, fh.tell(), size, n)
                    fh.seek(size, 1)
                else:
                    rows = self._rows(mentions)
                figs = []
                for values in figures:
                    fig = Figure(*values)
                    fig.kind, fig.qualifier, fig.status = intern(fig.kind), intern(fig.qualifier), intern(fig.status)
                    fig.place_ids = [intern(p) for p in fig.place_ids]
                    fig.places = [intern(p) for p in fig.places]
                    if fig.unit:
                        fig.unit = intern(fig.unit)
                    if fig.date:
                        fig.date = intern(fig.date)
                    figs.append(fig)
                yield ParsedDocument(Document(doc_id, ""), lang, date, rows, figs)

    def close(self) -> None:
        """Close and delete the file."""
        self._fh.close()
        self.path.unlink(missing_ok=True)


def _copy(src: BinaryIO, dst: BinaryIO, size: int, block: int = 1 << 20) -> None:
    """Copy ``size`` bytes from ``src`` to ``dst``, a block at a time."""
    while size > 0:
        data = src.read(min(block, size))
        if not data:
            raise EOFError("a prepared file ended early")
        dst.write(data)
        size -= len(data)


class _SpooledRows:
    """The mentions of one record of a :class:`DocumentSpool` (a window of a long document), read from its file each
    time they are iterated: a list of records (:func:`layers.frames.figure_chunks`) holds none of them."""

    def __init__(self, spool: DocumentSpool, offset: int, size: int, n: int) -> None:
        self.spool, self.offset, self.size, self.n = spool, offset, size, n

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[MentionRow]:
        with self.spool.path.open("rb") as fh:
            fh.seek(self.offset)
            data = fh.read(self.size)
        return iter(self.spool._rows(pickle.loads(data)))


class TextSpool:
    """Texts of documents in a temporary file, read back by document id (:meth:`get`), or a slice of one
    (:meth:`slice`).

    The map reads a document's text only to mark a figure inside its quote; a run keeps its
    documents' records without their texts and leaves these here, so that the texts held do not
    grow with the corpus.  A quote needs the few hundred characters around its figure: :meth:`slice`
    reads those alone (where every :data:`STRIDE`-th character starts in the file is kept), so that
    quoting each figure of one long document costs the quote, not the document.

    Parameters
    ----------
    path : Path
        The file of the texts (deleted by :meth:`close`).
    index : geo.docstore.DiskIndex, optional
        Where each document's positions are kept (closed by :meth:`close`); a dict by default.
    """

    #: Characters between two kept positions of a text in the file.
    STRIDE = 4096

    def __init__(self, path: Path, index: Any = None) -> None:
        self.path = Path(path)
        self._fh = self.path.open("w+b")
        # per document: where each STRIDE-th character starts in the file (the last entry: the text's end),
        # and the text's length in characters; ``index`` (a geo.docstore.DiskIndex: closed with the spool)
        # keeps them on disk rather than in a dict
        self._where: Any = {} if index is None else index
        self._end = 0

    def add(self, doc_id: str, text: str) -> None:
        """Keep ``text`` as the text of ``doc_id``."""
        self._fh.seek(self._end)
        marks = array("q", [self._end])
        for i in range(0, len(text), self.STRIDE):
            data = text[i : i + self.STRIDE].encode("utf-8")
            self._fh.write(data)
            self._end += len(data)
            marks.append(self._end)
        # a short text's two positions as a tuple: an array per document costs more than its text's marks
        self._where[doc_id] = (tuple(marks) if len(marks) <= 2 else marks, len(text))

    def get(self, doc_id: str) -> str | None:
        """The text of ``doc_id``, or None when it has none here."""
        where = self._where.get(doc_id)
        if where is None:
            return None
        marks = where[0]
        self._fh.seek(marks[0])
        return self._fh.read(marks[-1] - marks[0]).decode("utf-8")

    def length(self, doc_id: str) -> int | None:
        """How many characters the text of ``doc_id`` has, or None when it has none here."""
        where = self._where.get(doc_id)
        return None if where is None else where[1]

    def slice(self, doc_id: str, start: int, stop: int) -> str | None:
        """``text[start:stop]`` of the text of ``doc_id`` (``0 <= start <= stop``), read alone; None when it has
        none here."""
        where = self._where.get(doc_id)
        if where is None:
            return None
        marks, n = where
        start, stop = min(start, n), min(stop, n)
        if stop <= start:
            return ""
        first, last = start // self.STRIDE, -(-stop // self.STRIDE)
        self._fh.seek(marks[first])
        data = self._fh.read(marks[last] - marks[first]).decode("utf-8")
        skip = first * self.STRIDE
        return data[start - skip : stop - skip]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._where

    def close(self) -> None:
        """Delete the file (and the index's)."""
        self._fh.close()
        self.path.unlink(missing_ok=True)
        if hasattr(self._where, "close"):
            self._where.close()


class WithTexts(Mapping):
    """Documents by id whose texts are read back from a :class:`TextSpool` when a document is looked up."""

    def __init__(self, documents: Mapping[str, Document], texts: TextSpool) -> None:
        self.documents, self.texts = documents, texts

    def __getitem__(self, doc_id: str) -> Document:
        doc = self.documents[doc_id]
        if not doc.text and doc_id in self.texts:
            doc = dataclasses.replace(doc, text=self.texts.get(doc_id))
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)


class SpooledCorpus:
    """A run's sink for :func:`read_corpus`: what the outputs need of each document, kept off memory.

    For each document as it arrives: its ``mentions.jsonl`` line is written, its record is kept
    for the map's list of documents (its text, when a figure's quote needs it, in the file
    :attr:`texts`: :class:`WithTexts` gives the documents with their texts), and a
    counted document (not a near-duplicate copy) is spooled to ``folder`` for the frames
    (:attr:`kept`).  The numbers the run prints are counted on the way.  The line and the spool
    record are made where the document was parsed (:attr:`prepares`: ``Settings.prepare``), so
    that with worker processes this process only writes them.

    Parameters
    ----------
    folder : Path
        A temporary folder of the run (:meth:`layers.outputs.OutputFolder.spool`).
    mentions : Path, optional
        Where to write ``mentions.jsonl`` (in input order, every document, copies included).
    gazetteer : Gazetteer, optional
        The run's gazetteer (see :class:`DocumentSpool`).
    unresolved : bool
        Also collect the surfaces left without a place (the online geocoder's summary); the
        mentions are then read here, not prepared in the workers.
    """

    def __init__(self, folder: Path, *, mentions: Path | None = None, gazetteer: Any = None,
                 unresolved: bool = False) -> None:
        self.kept = DocumentSpool(Path(folder) / "kept.pickle", gazetteer)
        self.gazetteer = gazetteer
        self.documents = DocumentStore(Path(folder) / "documents.sqlite")  # records on disk (geo/docstore.py)
        self.texts = spooled_texts(Path(folder) / "texts.bin")  # its positions on disk too (geo/docstore.py)
        self.langs: collections.Counter[str] = collections.Counter()
        self.n_mentions = self.n_figures = 0
        self.unresolved: set[str] | None = set() if unresolved else None
        self.prepares = not unresolved
        self._mentions = mentions.open("w", encoding="utf-8") if mentions is not None else None

    def __call__(self, parsed: ParsedDocument, copy_of: str | None, prepared: Prepared | None = None) -> None:
        doc = parsed.document
        if doc.text:  # on disk until the map quotes it (:attr:`texts`)
            self.texts.add(doc.doc_id, doc.text)
            doc = dataclasses.replace(doc, text="")
        self.documents.append(doc)
        self.langs[parsed.lang] += 1
        if self.unresolved is not None:
            self.unresolved.update(m.surface for m in parsed.mentions if m.entity is None)
        if prepared is None and spooled(parsed):  # a long document: a window at a time
            self._write_long(parsed, copy_of)
            return
        if prepared is None:
            prepared = prepare(parsed, self.gazetteer)
        self.n_mentions += prepared.n_mentions
        if prepared.file is not None:  # a long document's, prepared to a file by a worker
            self._copy_prepared(prepared, copy_of)
            return
        if self._mentions is not None:
            self._mentions.write(prepared.line)  # not line + "\n": a long document's line is not copied
            self._mentions.write("\n")
        if copy_of is None:  # a copy counts nothing: no figure, no place
            self.n_figures += prepared.n_figures
            self.kept.write(prepared.record, prepared.entities, prepared.records)

    def _copy_prepared(self, prepared: Prepared, copy_of: str | None) -> None:
        """What :meth:`__call__` does with a long document prepared to a file (:attr:`Prepared.file`): its line and
        records copied from there a block at a time, and the file deleted."""
        try:
            with open(prepared.file, "rb") as fh:
                if self._mentions is not None:
                    self._mentions.flush()
                    _copy(fh, self._mentions.buffer, prepared.line_bytes)
                    self._mentions.write("\n")
                if copy_of is None:
                    self.n_figures += prepared.n_figures
                    fh.seek(prepared.line_bytes)
                    self.kept.write_from(fh, prepared.entities, prepared.records)
        finally:
            os.unlink(prepared.file)

    def _write_long(self, parsed: ParsedDocument, copy_of: str | None) -> None:
        """What :meth:`__call__` does for a long document whose mentions are read back a window at a time
        (:class:`geo.windows.WindowSpool`): its line and its spool records are written a window at a time."""
        self.n_mentions += len(parsed.mentions)
        if self._mentions is not None:
            for piece in mention_line_parts(parsed):
                self._mentions.write(piece)
            self._mentions.write("\n")
        if copy_of is None:
            self.n_figures += len(parsed.figures)
            self.kept.append(parsed)

    def close(self) -> None:
        """Finish ``mentions.jsonl`` and delete the spool, the documents' records and their texts
        (each may be closed before: the spool once the frames are written, :attr:`kept`)."""
        if self._mentions is not None:
            self._mentions.close()
        self.kept.close()
        self.documents.close()
        self.texts.close()


def read_corpus(docs: Iterable[Document], settings: Settings | None = None, *, gazetteer=None, jobs: int = 1,
                client=None, online=None, progress: bool = False, dedup: bool = True,
                sink: Callable[[ParsedDocument, str | None], None] | None = None) -> Corpus:
    """Parse a stream of documents and find the copies among them.

    Parameters
    ----------
    docs : iterable of Document
        Consumed once, lazily.
    settings : geo.parallel.Settings, optional
        Language, point of view, corrections (defaults: auto, UN, none).
    gazetteer : geo.gazetteer.Gazetteer, optional
        Loaded now when missing, so that worker processes started afterwards inherit it.
    jobs, client, online, progress
        As :func:`geo.parallel.parse_stream`.
    dedup : bool
        Find near-duplicate copies (:mod:`geo.duplicates`); ``False`` keeps every document.
    sink : callable, optional
        Called with each compact document, the id of the document it copies (``None`` for a
        counted one) and, when the sink ``prepares`` (a :class:`SpooledCorpus`), what
        :func:`prepare` made of it where it was parsed (the document then comes without its
        mentions and figures), in input order, as they arrive; the corpus then keeps no document
        (``Corpus.parsed`` stays empty), only the copies' links.

    Returns
    -------
    Corpus
    """
    from itertools import chain, islice

    docs = iter(docs)
    head = list(islice(docs, 2))
    docs = chain(head, docs)
    dedup = dedup and len(head) > 1  # one document copies nothing: no MinHash (and no datasketch import)
    settings = settings or Settings()
    prepared = sink is not None and getattr(sink, "prepares", False) and online is None
    settings = dataclasses.replace(settings, signatures=dedup, prepare=prepared)
    if gazetteer is None:
        from geo.gazetteer import load_gazetteer

        load_gazetteer(pov=settings.pov)
    if dedup:
        from geo.duplicates import DuplicateFinder
    finder = DuplicateFinder() if dedup else None
    corpus = Corpus()
    ids: list[str] = []  # input index -> doc_id, for the copies' links
    for result in parse_stream(docs, settings, jobs=jobs, client=client, online=online, progress=progress):
        parsed = result.parsed
        doc_id = parsed.document.doc_id
        kept_id = None
        if finder is not None:
            kept = finder.add(result.signature)
            if kept is not None:
                kept_id = ids[kept]
                corpus.copy_of[doc_id] = kept_id
                corpus.copies.setdefault(kept_id, []).append(doc_id)
                # a copy counts nothing: its mentions stay (mentions.jsonl lists every document)
                parsed.figures = []
                parsed = compact(parsed)
        if finder is not None:  # the copies' links read it; without them it would only grow
            ids.append(doc_id)
        if sink is None:
            corpus.parsed.append(parsed)
        elif prepared:
            sink(parsed, kept_id, result.prepared)
        else:
            sink(parsed, kept_id)
    return corpus
