"""One long document in bounded memory: read as consecutive windows, joined into one result.

Reading a document costs about 100 MB of memory per MB of text (tokens, sentences, candidates,
role features), all alive until its last stage.  A document longer than :data:`WINDOW_CHARS` is
therefore read window by window (:func:`parse_windows`, called by :func:`geo.pipeline.parse_document`,
the one function the serial, process-pool and Dask runs call for a document):

* the windows (:func:`window_spans`) are consecutive slices of the text cut at a paragraph
  boundary (a blank line), or at a sentence boundary when no paragraph boundary leaves the window
  at least half the limit (a short heading is not a window of its own); never inside a sentence
  (a sentence longer than the limit makes a longer window);
* each window goes through the same stages (:data:`geo.pipeline.STAGES`) as a document of its own
  with the document's id and metadata, and the language, dateline and date read once from the start
  of the whole document (its first :data:`WINDOW_CHARS` characters, as a short document is read; the
  dateline and the headline belong to the first window only), and so is whether its lines are
  hard-wrapped (:func:`geo.sentences.wrap_width`, passed to each window's reading by
  :func:`geo.sentences.read_as_wrapped`), and its offsets are shifted back into the whole text;
* the results are joined into one :class:`geo.model.ParsedDocument`: mentions, figures (numbered
  ``doc_id:f1``, ``f2``... through the whole text, as an unsplit run numbers them) and frames in
  text order.

Only the current window's reading is alive (the caches keyed by a text are emptied after each window:
:func:`forget_window`): each window's mentions become :class:`geo.parallel.MentionRow` (their role
features and cue roles, read by the decisions inside the window only, go), as :func:`geo.parallel.compact`
makes them for every document, and are written, with the window's event frames, to a temporary file
in the run's scratch folder as the window finishes (:class:`MentionSpool`, :class:`WindowSpool`): the
joined document's ``mentions`` and ``frames`` are iterables read back from there a window at a time
(:meth:`WindowSpool.parts`), so that memory does not grow with the document's length.  Only its figures
(a few per paragraph, which later windows may repeat) and its places (one object per place) stay in memory.
Places are resolved with the context of their window (some hundred thousand characters: the countries it names, the
names around them), so a name whose reading hangs on a country named only in another window may
read differently than in an unsplit run.  A figure of a later window that repeats one kept from an
earlier window (the same kind, value and hedge: :func:`geo.figures.is_repeat`) is dropped after the
join, as an unsplit run drops it, and the ids are numbered again.  A document of at most
:data:`WINDOW_CHARS` characters is read whole, as before.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import pickle
import re
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from geo import numbers, progress, sentences
from geo.figures import _drop_repeats
from geo.model import Document, Entity, Figure, ParsedDocument
from geo.parallel import MentionRow
from geo.sentences import read_as_wrapped, split_sentences_as, wrap_width

#: Longest text read at once, in characters (code points).  Measured with
#: ``benchmarks/bench_length.py``: a window of this size peaks at some 30 MB of reading on top of
#: the process's ~300 MB and reads as fast per MB as a whole document of that size.
WINDOW_CHARS = 250_000

#: A paragraph boundary: a line break, blank lines (white space only), the next line.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE = re.compile(r"\s*")


def _last_paragraph_cut(text: str, start: int, stop: int) -> int | None:
    """The start of the last paragraph that begins inside ``text[start:stop]`` (after ``start``), or None."""
    cut = None
    for m in _PARAGRAPH.finditer(text, start, stop):
        if m.end() < stop:
            cut = m.end()
    return cut


def _last_sentence_cut(text: str, start: int, stop: int, width: int | None) -> int | None:
    """The start of the last whole sentence inside ``text[start:stop]`` after the first, or None (line breaks
    read as those of a text hard-wrapped at ``width``, the document's judgement; the slice is split once, not
    kept in the splitter's cache).

    The last sentence the splitter sees may run on past ``stop``: the window ends where it starts.
    """
    spans = split_sentences_as(text[start:stop], width)
    return start + spans[-1][0] if len(spans) > 1 else None


def window_spans(text: str, limit: int = WINDOW_CHARS, *, width: int | None | str = "judge"
                 ) -> Iterator[tuple[int, int]]:
    """Cut ``text`` into consecutive windows of at most ``limit`` characters where it can.

    Parameters
    ----------
    text : str
        The document's text.
    limit : int
        Longest window, in characters.
    width : int or None, optional
        Whether the document is hard-wrapped (:func:`geo.sentences.wrap_width`; by default judged from its
        first ``limit`` characters): its sentences are read so.

    Yields
    ------
    (int, int)
        ``(start, end)`` of each window; together they cover the text, in order.  A window ends
        where a paragraph starts (after a blank line) when that leaves it at least ``limit // 2``
        characters, else where a sentence starts; a sentence longer than ``limit`` stays whole, in a
        longer window.  White space opening a window (the text's start) is not counted in it: no
        window is white space only.
    """
    if limit < 1:
        raise ValueError(f"window limit must be positive, not {limit}")
    if width == "judge":
        width = wrap_width(text[:limit])
    start, n = 0, len(text)
    while n - (body := _SPACE.match(text, start).end()) > limit:  # white space opening a window joins it
        stop = body + limit
        cut = _last_paragraph_cut(text, body, stop)
        if cut is None or cut - body < limit // 2:  # a short paragraph alone would make a window of its own
            cut = _last_sentence_cut(text, body, stop, width) or cut
        if cut is None:  # one sentence longer than the limit: it ends the window, whole
            m = _PARAGRAPH.search(text, stop)
            ahead = split_sentences_as(text[body : m.end() if m else n], width)
            cut = body + ahead[1][0] if len(ahead) > 1 else (m.end() if m else n)
        yield start, cut
        start = cut
    if start < n or not n:
        yield start, n


def forget_window() -> None:
    """Empty the caches keyed by a text (its tokens, sentences and line breaks, which the stages of one text
    share): a window is read once, and 32 windows' tokens would hold some 200 MB."""
    numbers.forget_texts()
    sentences.forget_texts()


def _shifted(parsed: ParsedDocument, offset: int, figures_before: int, doc_id: str) -> ParsedDocument:
    """A window's result with offsets into the whole text and figure ids counted through it."""
    ids: dict[str, str] = {}
    # the compact form the outputs read: the role features and cue roles served the window's decisions only
    parsed.mentions = [MentionRow.of(m, offset) for m in parsed.mentions]
    for n, f in enumerate(parsed.figures, figures_before + 1):
        f.start += offset
        f.end += offset
        f.quote_start += offset
        if f.part_of is not None:
            f.part_of += offset
        new_id = f"{doc_id}:f{n}"
        ids[f.figure_id] = new_id
        f.figure_id = new_id
    for fr in parsed.frames:
        fr.start += offset
        fr.end += offset
        fr.figure_ids = [ids.get(i, i) for i in fr.figure_ids]
    return parsed


def parse_windows(doc: Document, parse_window: Callable[[Document, bool], ParsedDocument], *,
                  limit: int = WINDOW_CHARS, scratch: str | os.PathLike | None = None) -> ParsedDocument:
    """Parse a long document window by window (see the module docstring) and join the results.

    Parameters
    ----------
    doc : Document
        The whole document.
    parse_window : callable
        ``parse_window(window, first)`` parses one window (a :class:`Document` holding the window's
        text and the document's id and metadata) into a :class:`ParsedDocument`; ``first`` is true for
        the window that starts the text (the only one with the dateline and the headline); every window
        has the language and date read from the start of the whole document.
    limit : int
        Longest window, in characters.
    scratch : path-like, optional
        The folder of the files the windows' rows are spooled to (:class:`WindowSpool`; it must exist): the run's
        scratch folder (without one: anonymous temporary files).

    Returns
    -------
    ParsedDocument
        Of ``doc`` (its text whole), with the language and date of the first window (those of the
        document's start).
    """
    mentions = MentionSpool(scratch)  # on disk as each window finishes: only the figures stay in memory
    frames = WindowSpool(scratch)
    figures: list = []
    lang = date = None
    window_of: list[int] = []  # the window of each figure
    # whether the text is hard-wrapped is judged once, from its start, as its language: a short window alone
    # (the last one, say) could not tell, and would keep every line break of its paragraphs
    width = wrap_width(doc.text[:limit])
    # a long document alone would show no progress for a long while (geo.progress.show_window_bars)
    with progress.window_bar(doc.doc_id, len(doc.text)) as bar:
        for k, (start, end) in enumerate(window_spans(doc.text, limit, width=width)):
            window = dataclasses.replace(doc, text=doc.text[start:end])
            with read_as_wrapped(window.text, width):
                part = parse_window(window, k == 0)
            forget_window()
            part = _shifted(part, start, len(figures), doc.doc_id)
            if k == 0:
                lang, date = part.lang, part.date
            mentions.add(part.mentions)
            figures.extend(part.figures)
            window_of.extend([k] * len(part.figures))
            frames.add(part.frames)
            del part
            bar.update(end - start)
    figures = _drop_repeats_across(figures, window_of, frames, mentions.latest, lang, doc.doc_id)
    return ParsedDocument(document=doc, lang=lang, date=date, mentions=mentions, figures=figures, frames=frames)


def _drop_repeats_across(figures: list[Figure], window_of: list[int], frames: WindowSpool,
                         entities: dict[str, Entity], lang: str | None, doc_id: str) -> list[Figure]:
    """The figures without those that repeat a figure of an earlier window, as an unsplit run drops them
    (:func:`geo.figures._drop_repeats`, on the places the extraction read); ids numbered again in text order and
    the frames' ``figure_ids`` pointing at the figures kept (as the spooled frames are read back).  Whether a
    figure adds to those reported before ("another soldier") is known inside its window only: across windows two
    such figures count as one.  ``entities``: the mentions' places by id."""
    window = {id(f): k for f, k in zip(figures, window_of, strict=True)}
    old_ids = {id(f): f.figure_id for f in figures}
    same_as: dict[str, Figure] = {}
    kept = _drop_repeats(figures, doc_id, entities, lang or "en", view=_as_read, repeats=same_as,
                         may_repeat=lambda earlier, later: window[id(earlier)] < window[id(later)])
    if not same_as:
        return kept
    new_id = {old_ids[id(f)]: f.figure_id for f in kept}
    new_id.update((old, same.figure_id) for old, same in same_as.items())
    frames.on_read = functools.partial(_renumbered, new_id)
    return kept


def _renumbered(new_id: dict[str, str], frame: Any) -> Any:
    """``frame`` with its ``figure_ids`` those of the figures kept after the join (repeats: their earlier copy)."""
    frame.figure_ids = list(dict.fromkeys(new_id.get(i, i) for i in frame.figure_ids))
    return frame


def _as_read(f: Figure) -> Figure:
    """A copy of ``f`` with the places its extraction read (what an unsplit run compares when it drops
    repeats), made once per figure: later changes to ``f``'s places do not reach it."""
    return dataclasses.replace(f, place_ids=list(f.cue_place_ids))


class WindowSpool:
    """Rows of a long document kept a window at a time in a temporary file, read back in order.

    :func:`parse_windows` adds each window's rows (:meth:`add`) as the window finishes, so that what a
    document keeps does not grow in memory with its length.  With ``folder`` (the run's scratch folder,
    :attr:`geo.parallel.Settings.scratch`, which a crash's cleanup deletes with the run's staging folder), the file
    is named, there, and open only while a window is written or read: however many spooled documents are alive,
    none holds a file descriptor; it is deleted when the spool goes (or at :meth:`close`).  Without one (a worker
    on another machine, whose spool is sent back as a list at once; a direct call of
    :func:`geo.pipeline.parse_document`), it is an anonymous temporary file of the system's
    (:func:`tempfile.TemporaryFile`), open while the spool lives, which no name outlives, even after a crash
    (``read_corpus`` without ``Settings.scratch`` passes the system's temporary folder: the documents it keeps
    alive hold no descriptor each).  Each read has its own offset (:func:`os.pread`), so several threads may read
    one spool at once.  Iterating reads one window's rows at a time (:meth:`parts`); a copy sent to another
    process (pickled) is a list.

    Parameters
    ----------
    folder : path-like, optional
        Where the named file goes; it must exist (:func:`geo.parallel.parse_batch` passes the run's scratch
        folder only where it does).

    Attributes
    ----------
    path : str or None
        The named file's path (None: the anonymous file).
    on_read : callable or None
        Applied to each row as it is read back (the frames' figure ids renumbered after the join).
    """

    def __init__(self, folder: str | os.PathLike | None = None) -> None:
        self._where: list[tuple[int, int]] = []  # per window: its rows' offset and size in the file
        self._size = 0  # the file's length
        self._rows = 0
        self.on_read: Callable[[Any], Any] | None = None
        self._file: BinaryIO | None = None
        self.path: str | None = None
        if folder is not None:
            fd, self.path = tempfile.mkstemp(prefix="atlante-window-", suffix=".pickle", dir=folder)
            os.close(fd)
            self._deleted = weakref.finalize(self, Path(self.path).unlink, missing_ok=True)  # gone with the spool
        else:
            self._file = tempfile.TemporaryFile(prefix="atlante-window-", suffix=".pickle", buffering=0)  # noqa: SIM115 - open while the spool lives
            self._deleted = weakref.finalize(self, self._file.close)  # closed (and so gone) when the spool goes

    def _pack(self, rows: list) -> Any:
        return rows

    def _unpack(self, packed: Any) -> list:
        return packed

    def add(self, rows: Iterable[Any]) -> None:
        """Write one window's rows at the end of the file."""
        rows = list(rows)
        data = pickle.dumps(self._pack(rows), protocol=pickle.HIGHEST_PROTOCOL)
        if self._file is None:
            with open(self.path, "ab") as fh:
                fh.write(data)
        else:
            view = memoryview(data)
            while view:  # unbuffered: what is written is there for os.pread
                view = view[self._file.write(view):]
        self._where.append((self._size, len(data)))
        self._size += len(data)
        self._rows += len(rows)

    def parts(self) -> Iterator[list]:
        """Each window's rows, in order (a new list each time, read from the file)."""
        for offset, size in self._where:
            if self._file is not None:
                data = os.pread(self._file.fileno(), size, offset)
            else:
                fd = os.open(self.path, os.O_RDONLY)
                try:
                    data = os.pread(fd, size, offset)
                finally:
                    os.close(fd)
            rows = self._unpack(pickle.loads(data))
            yield [self.on_read(r) for r in rows] if self.on_read is not None else rows

    @property
    def windows(self) -> int:
        """How many windows' rows were added."""
        return len(self._where)

    def __iter__(self) -> Iterator[Any]:
        for part in self.parts():
            yield from part

    def __len__(self) -> int:
        return self._rows

    def __reduce__(self) -> tuple:
        return list, (list(self),)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self)} rows in {self.windows} windows>"

    def close(self) -> None:
        """Delete the file (close the anonymous one)."""
        self._deleted()


class MentionSpool(WindowSpool):
    """A long document's mentions (:class:`geo.parallel.MentionRow`), a window at a time on disk
    (:class:`WindowSpool`).

    A row's place is written as its id: the place itself is kept once, here (:attr:`entities`), so that the
    rows read back share one object per place as they did.

    Attributes
    ----------
    entities : dict of str to Entity
        The first place seen with each id (a row whose place is another object with that id keeps its own).
    latest : dict of str to Entity
        The last place seen with each id.
    """

    def __init__(self, folder: str | os.PathLike | None = None) -> None:
        super().__init__(folder)
        self.entities: dict[str, Entity] = {}
        self.latest: dict[str, Entity] = {}

    def _pack(self, rows: list) -> Any:
        packed = []
        for m in rows:
            e = m.entity
            if e is not None:
                self.latest[e.id] = e
                if self.entities.setdefault(e.id, e) is e:
                    e = e.id  # the place by its id: one object for all its rows
            packed.append(MentionRow.pack(m, e))
        return packed

    def _unpack(self, packed: Any) -> list:
        places = self.entities
        return MentionRow.unpack(packed, lambda e: places[e] if isinstance(e, str) else e)
