"""The records of a run's documents in a temporary SQLite file, not in memory.

A run over many documents keeps each document's record (id, date, language, title, link, outlet;
its text waits in :class:`geo.corpus.TextSpool`) for the events' sources and the map's list of
documents and popups.  Held as objects, with the dicts that find them by id and by position, they
take some 0.8 KB per document: 80 MB at 100,000 documents.  :class:`DocumentStore` writes them to a
SQLite table as they come and reads them back by position (:meth:`DocumentStore.__getitem__`), by
id (:attr:`DocumentStore.by_id`) or in order (iteration), so that what stays in memory does not
grow with the corpus (SQLite's page cache, a few MB, and a small cache of the last records read:
the figures come document by document).

The store is read in a forked child too (the merge, :func:`geo.memory.in_child`): a process that
did not open the connection opens its own.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from geo.model import Document

#: The fields of a Document, in order.
_FIELDS = tuple(f.name for f in fields(Document))

#: Records written to the file at once (and before anything is read).
WRITE_BATCH = 2000

#: SQLite's page cache of a connection, in KB (its default: 2,000).
CACHE_KB = 512

#: Records read by id kept in memory (the most recently read; some 0.5 KB each): the figures of one
#: document come together, and a page's popups quote a few thousand documents again and again.
CACHE = 4096

#: Bits of a :class:`DiskIndex`'s filter of the keys it was given (1 MB): a key none of whose two bits is set
#: was never given, and is found missing without a query (one a figure, as a corpus's figure ids are checked);
#: at 500,000 keys some 1 % of the missing ones still ask the file.
FILTER_BITS = 1 << 23


#: Keys asked of the file in one ``IN (...)`` query (SQLite allows some 32,000 parameters).
IN_BATCH = 500


def _in_batches(keys: Sequence[Any]) -> Iterator[tuple[list[Any], str]]:
    """``keys`` :data:`IN_BATCH` at a time, each batch without repeats, with its query's placeholders ("?,?,...")."""
    for k in range(0, len(keys), IN_BATCH):
        part = list(dict.fromkeys(keys[k : k + IN_BATCH]))
        yield part, ",".join("?" * len(part))


class _SQLiteFile:
    """A temporary SQLite file written in batches (:attr:`_pending`, :data:`WRITE_BATCH` at a time) by the
    process that made it, and read by it or by a forked child, which opens its own connection.

    Parameters
    ----------
    path : Path
        The file (replaced if it exists; deleted by :meth:`close`).
    schema : sequence of str
        The statements that make its tables.
    """

    #: How a pending record is written (with the rows :meth:`_rows` gives).
    _INSERT: str
    _pending: Any

    def __init__(self, path: Path, schema: Sequence[str]) -> None:
        self.path = Path(path)
        self.path.unlink(missing_ok=True)
        self._pid, self._owner = -1, os.getpid()
        self._db: sqlite3.Connection | None = None
        self._inherited: list[sqlite3.Connection] = []
        db = self._connect()
        for statement in schema:
            db.execute(statement)

    def _connect(self) -> sqlite3.Connection:
        """This process's connection (a forked child opens its own: a connection must not cross a fork)."""
        if self._pid != os.getpid():
            if self._db is not None:  # the parent's, inherited: kept unused (closing it here could disturb it)
                self._inherited.append(self._db)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = OFF")
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute(f"PRAGMA cache_size = -{CACHE_KB}")  # the system's file cache holds the rest
            self._pid = os.getpid()
        return self._db

    def _rows(self) -> Iterable[tuple]:
        return self._pending

    def _flush(self) -> sqlite3.Connection:
        """Write the pending records (in the process that appended them: a forked child reads them where they are)."""
        db = self._connect()
        if self._pending and self._owner == self._pid:
            db.execute("BEGIN")
            db.executemany(self._INSERT, self._rows())
            db.execute("COMMIT")
            self._pending = type(self._pending)()
        return db

    def close(self) -> None:
        """Close the connection and delete the file."""
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db, self._pid = None, -1
        self.path.unlink(missing_ok=True)


class DocumentStore(_SQLiteFile, Sequence):
    """Documents in input order, in a SQLite file: a sequence, and a mapping by id (:attr:`by_id`).

    Parameters
    ----------
    path : Path
        The file to write (in the run's spool folder, :meth:`layers.outputs.OutputFolder.spool`);
        it is replaced if it exists, and deleted by :meth:`close`.
    """

    def __init__(self, path: Path) -> None:
        self._pending: list[tuple[int, str, bytes]] = []
        self._count = 0
        self._cache: OrderedDict[str, tuple[int, Document] | None] = OrderedDict()
        super().__init__(path, ["CREATE TABLE docs (idx INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, record BLOB)",
                                "CREATE INDEX docs_id ON docs (doc_id)"])
        self.by_id: Mapping[str, Document] = _ById(self)
        self.index_of: Mapping[str, int] = _IndexOf(self)

    def append(self, doc: Document) -> None:
        """Add ``doc`` after the others."""
        record = pickle.dumps(tuple([getattr(doc, f) for f in _FIELDS]), protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.append((self._count, doc.doc_id, record))
        self._cache.pop(doc.doc_id, None)  # an id given again: the last is the one found
        self._count += 1
        if len(self._pending) >= WRITE_BATCH:
            self._flush()

    _INSERT = "INSERT INTO docs VALUES (?, ?, ?)"

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        db, pending = self._flush(), self._pending
        if i >= self._count - len(pending):
            record = pending[i - self._count + len(pending)][2]
        else:
            (record,) = db.execute("SELECT record FROM docs WHERE idx = ?", (i,)).fetchone()
        return Document(*pickle.loads(record))

    def __iter__(self) -> Iterator[Document]:
        db, pending = self._flush(), list(self._pending)
        for (record,) in db.execute("SELECT record FROM docs ORDER BY idx"):
            yield Document(*pickle.loads(record))
        for _, _, record in pending:
            yield Document(*pickle.loads(record))

    def lookup(self, doc_id: str) -> tuple[int, Document] | None:
        """The position and record of the last document of id ``doc_id`` (as a dict made in order keeps), or None."""
        cache = self._cache
        if doc_id in cache:
            cache.move_to_end(doc_id)
            return cache[doc_id]
        db = self._flush()
        row = next(((i, record) for i, d, record in reversed(self._pending) if d == doc_id), None)
        if row is None:
            row = db.execute("SELECT idx, record FROM docs WHERE doc_id = ? ORDER BY idx DESC LIMIT 1",
                             (doc_id,)).fetchone()
        found = None if row is None else (row[0], Document(*pickle.loads(row[1])))
        cache[doc_id] = found
        if len(cache) > CACHE:
            cache.popitem(last=False)
        return found

    def lookup_many(self, doc_ids: Sequence[str]) -> list[tuple[int, Document] | None]:
        """:meth:`lookup` of each id, asked of the file a few hundred at a time (a place's documents)."""
        found = self._records_by("doc_id", doc_ids)
        return [None if (hit := found.get(d)) is None else (hit[0], Document(*pickle.loads(hit[1])))
                for d in doc_ids]

    def positions_of(self) -> dict[str, int]:
        """Each id's position (the last of an id given twice, as :attr:`index_of`), read from the file at once:
        for a forked child that turns many lists of ids into positions (:func:`layers.stream._compact_documents`)."""
        db = self._flush()
        found = dict(db.execute("SELECT doc_id, idx FROM docs ORDER BY idx"))
        for idx, doc_id, _ in self._pending:
            found[doc_id] = idx
        return found

    def records_at(self, positions: Sequence[int]) -> list[Document]:
        """The documents at ``positions`` (each below ``len(self)``), in that order, 500 read at a time."""
        found = self._records_by("idx", positions)
        return [Document(*pickle.loads(found[i][1])) for i in positions]

    def _records_by(self, column: str, keys: Sequence[Any]) -> dict[Any, tuple[int, bytes]]:
        """The position and pickled record of each of ``keys`` in ``column`` (``"doc_id"`` or ``"idx"``), the
        pending records' included (and some keys not asked for): the last of an id given twice, as
        :meth:`lookup`; asked of the file :data:`IN_BATCH` keys at a time."""
        key = {"idx": 0, "doc_id": 1}[column]  # in a row as written: (idx, doc_id, record)
        db, found = self._flush(), {}
        for part, marks in _in_batches(keys):
            for row in db.execute(f"SELECT idx, doc_id, record FROM docs WHERE {column} IN ({marks}) ORDER BY idx",
                                  part):
                found[row[key]] = (row[0], row[2])  # in order: the last of an id stays
        for row in self._pending:
            found[row[key]] = (row[0], row[2])
        return found

    def count_ids(self) -> int:
        """The number of distinct document ids (counted by SQLite, with the pending ids it does not hold)."""
        db = self._flush()
        (count,) = db.execute("SELECT COUNT(DISTINCT doc_id) FROM docs").fetchone()
        waiting = list(dict.fromkeys(d for _, d, _ in self._pending))  # a forked child's, or none
        for part, marks in _in_batches(waiting):
            (held,) = db.execute(f"SELECT COUNT(DISTINCT doc_id) FROM docs WHERE doc_id IN ({marks})", part).fetchone()
            count += len(part) - held
        return count


class StoredIds(Sequence):
    """A list of document ids kept as their 4-byte positions in a :class:`DocumentStore` (a place's documents):
    an id is read back from the file when asked for, a slice's ids with one query per 500. It reads like a
    list of ids (iteration, indexing, slices) only while its store is open, and is no list: compare
    ``list(ids)``, and make one before serialising it.

    Parameters
    ----------
    positions : array of int
        Positions in ``store``, in the list's order.
    store : DocumentStore
    """

    def __init__(self, positions: Sequence[int], store: DocumentStore) -> None:
        self.positions, self.store = positions, store

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [d.doc_id for d in self.store.records_at(self.positions[i])]
        return self.store[self.positions[i]].doc_id

    def __iter__(self) -> Iterator[str]:
        for k in range(0, len(self.positions), 500):
            yield from self[k : k + 500]


class _ById(Mapping):
    """A store's documents by id (the last of an id given twice, as a dict made in order)."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store

    def __getitem__(self, doc_id: str) -> Document:
        found = self.store.lookup(doc_id) if isinstance(doc_id, str) else None
        if found is None:
            raise KeyError(doc_id)
        return found[1]

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self.store.lookup(doc_id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(d.doc_id for d in self.store))

    def __len__(self) -> int:
        """The number of distinct ids, counted in the file (no record is read)."""
        return self.store.count_ids()

    def __bool__(self) -> bool:
        return len(self.store) > 0


class _IndexOf(_ById):
    """A store's positions by document id (the last of an id given twice, as a dict made in order)."""

    def __getitem__(self, doc_id: str) -> int:  # type: ignore[override]
        found = self.store.lookup(doc_id) if isinstance(doc_id, str) else None
        if found is None:
            raise KeyError(doc_id)
        return found[0]


class DiskIndex(_SQLiteFile):
    """A mapping of document ids to small picklable values in a SQLite file, written in batches.

    What :class:`geo.corpus.TextSpool` keeps per document (where its text starts in the file, every few
    thousand characters, and its length): held in a dict, some 300 bytes per document
    (:func:`spooled_texts`); and, used as a set (:meth:`add`), the figure ids a corpus's figures frame has
    given (:class:`layers.frames.FigureState`): some 100 bytes a figure in a set.  Only :meth:`__setitem__`,
    :meth:`add`, :meth:`get`, ``in`` and :meth:`close` are offered.  Reading does not write the pending
    records (they are looked up where they wait), so that reads and writes may alternate at no cost.  Read
    in the process that wrote it (or a forked child: see :class:`DocumentStore`).

    Parameters
    ----------
    path : Path
        The file (replaced if it exists; deleted by :meth:`close`).
    """

    def __init__(self, path: Path) -> None:
        self._pending: dict[str, bytes] = {}
        self._cache: OrderedDict[str, bytes | None] = OrderedDict()  # a quote reads its text's length, then a slice
        self._given = bytearray(FILTER_BITS // 8)  # two bits of each key's hash (FILTER_BITS)
        super().__init__(path, ["CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID"])

    @staticmethod
    def _bits(key: str) -> tuple[int, int]:
        """The two bits of ``key`` in the filter (its hash: the same in this process and a forked child)."""
        h = hash(key)
        return h & (FILTER_BITS - 1), (h >> 32) & (FILTER_BITS - 1)

    def _maybe_given(self, key: str) -> bool:
        """Whether ``key`` may have been given (``False``: it never was)."""
        given, (a, b) = self._given, self._bits(key)
        return bool(given[a >> 3] >> (a & 7) & 1 and given[b >> 3] >> (b & 7) & 1)

    def __setitem__(self, key: str, value: Any) -> None:
        given, (a, b) = self._given, self._bits(key)
        given[a >> 3] |= 1 << (a & 7)
        given[b >> 3] |= 1 << (b & 7)
        self._pending[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._cache.pop(key, None)
        if len(self._pending) >= WRITE_BATCH:
            self._flush()

    def add(self, key: str) -> None:
        """Put ``key`` in, as a set does (its value: ``True``)."""
        self[key] = True

    _INSERT = "INSERT OR REPLACE INTO kv VALUES (?, ?)"

    def _rows(self) -> Iterable[tuple]:
        return self._pending.items()

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default``."""
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            value = cache[key]
        else:
            value = self._pending.get(key)  # the newest value: a pending one replaces the file's when written
            if value is None and self._maybe_given(key):  # else never given: no query
                row = self._connect().execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
                value = None if row is None else row[0]
            cache[key] = value
            if len(cache) > CACHE:
                cache.popitem(last=False)
        return default if value is None else pickle.loads(value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None


def spooled_texts(path: Path) -> Any:
    """A :class:`geo.corpus.TextSpool` at ``path`` whose per-document positions wait in a :class:`DiskIndex`
    beside it (``path`` + ``.sqlite``) instead of a dict; closing it deletes both files."""
    from geo.corpus import TextSpool

    return TextSpool(path, index=DiskIndex(Path(f"{path}.sqlite")))
