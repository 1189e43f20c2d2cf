"""Many documents at once: the per-document work in worker processes or on a Dask cluster.

The work on one document is :func:`geo.pipeline.parse_document`, the function the serial run
calls.  :func:`parse_stream` runs it over a stream of documents

* in this process (``jobs=1``),
* in ``jobs`` worker processes (:mod:`concurrent.futures`), or
* on a Dask cluster (``client``, a :class:`distributed.Client`),

and yields the results **in input order**, whatever order the workers finish in, so every
output is the same as the serial run's.  Documents travel in batches of :data:`BATCH` and
at most a few batches per worker are in flight, so memory does not grow with the corpus:
each result is reduced as it arrives (:func:`compact`) and the caller keeps only that.

Each worker loads the gazetteer once (:func:`worker_state`, the process pool's
initializer, or the first batch a Dask worker runs) and keeps it for every later batch.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from geo.model import Document, Entity, ParsedDocument

#: Documents sent to a worker at once.
BATCH = 16

#: Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT = 4


@dataclasses.dataclass(frozen=True)
class Settings:
    """What every worker needs to parse a document: the options of the run, picklable.

    Attributes
    ----------
    lang : str
        ``"auto"`` or a language code (see :func:`geo.pipeline.parse_documents`).
    pov : str
        Borders' point of view of the gazetteer (``"un"`` or ``"de_facto"``).
    corrections : geo.corrections.Corrections or None
        Manual fixes; each worker counts the rules it used and sends the counts back.
    signatures : bool
        Also compute each document's MinHash signature (:mod:`geo.duplicates`).
    prepare : bool
        Also prepare what the outputs keep of each document (:func:`geo.corpus.prepare`: its
        ``mentions.jsonl`` line and its spool record) where it is parsed, and send that instead of
        its mentions and figures: the process that gathers the results then has little left to do.
        A long document parsed in the process that gathers the results is not prepared: its sink
        writes it a window at a time (:func:`spooled`).
    scratch : str or None
        The run's scratch folder: a long document's rows are spooled there (:class:`geo.windows.WindowSpool`;
        a worker without that folder, on another machine, uses anonymous temporary files).
    """

    lang: str = "auto"
    pov: str = "un"
    corrections: Any = None
    signatures: bool = True
    prepare: bool = False
    scratch: str | None = None


@dataclasses.dataclass
class Prepared:
    """What the outputs keep of one parsed document, made where it was parsed (:func:`geo.corpus.prepare`).

    Attributes
    ----------
    line : str
        Its ``mentions.jsonl`` line (without the newline).
    record : bytes
        Its record for :class:`geo.corpus.DocumentSpool` (mentions and figures, pickled).
    entities : dict of str to Entity
        The places of its mentions that the gazetteer does not hold as they are (corrections).
    n_mentions, n_figures : int
        How many mentions and figures it has.
    records : int
        How many records :attr:`record` holds one after the other (a long document's: one per window of its
        mentions, then its figures; :func:`geo.corpus.spool_records`).
    file : str or None
        A long document's, prepared by a worker that has the run's scratch folder: the file there that holds
        its line (``line_bytes`` bytes of UTF-8) then its records, written a window at a time, so that neither
        process holds them whole (:attr:`line` and :attr:`record` are then empty); the process gathering the
        results copies it and deletes it.
    line_bytes : int
        The length of the line in :attr:`file`.
    """

    line: str
    record: bytes
    entities: dict[str, Entity]
    n_mentions: int
    n_figures: int
    records: int = 1
    file: str | None = None
    line_bytes: int = 0


@dataclasses.dataclass
class Result:
    """One parsed document as the later steps need it.

    Attributes
    ----------
    parsed : ParsedDocument
        Compacted by :func:`compact`; with :attr:`prepared`, without its mentions and figures.
    signature : numpy.ndarray or None
        MinHash values of the document's text (:func:`geo.duplicates.signature`).
    prepared : Prepared or None
        With ``Settings.prepare``: what the outputs keep of the document.
    """

    parsed: ParsedDocument
    signature: Any = None
    prepared: Prepared | None = None


_STATE: dict[str, Any] = {}


def pool_worker(parent: int | None, settings: Settings, progress: bool = False) -> None:  # pragma: no cover
    """Initialize a ``--jobs`` worker: it dies with the run, then loads its state (:func:`worker_state`).

    A worker outliving a killed run would keep the run's inherited lock on OUTDIR (and its
    memory): on Linux the worker asks to be killed when its parent dies, and exits at once if
    the parent died before that request took hold.

    Parameters
    ----------
    parent : int or None
        The process id of the run that forked the pool's workers (None where they are not forked from it).
    settings : Settings
        The run's settings.
    progress : bool
        Whether a long document shows its progress (:func:`geo.progress.show_window_bars`).
    """
    from geo import progress as bars
    from geo.memory import _die_with_parent

    _die_with_parent()
    if parent is not None and os.getppid() != parent:
        os._exit(0)
    bars.show_window_bars(progress)
    worker_state(settings)


def worker_state(settings: Settings) -> dict[str, Any]:
    """The gazetteer and settings of this process, loaded on first use (a worker's initializer)."""
    if _STATE.get("settings") != settings:
        from geo.gazetteer import load_gazetteer

        _STATE.clear()
        _STATE.update(settings=settings, gazetteer=load_gazetteer(pov=settings.pov))
    return _STATE


@dataclasses.dataclass(slots=True)
class MentionRow:
    """A place mention as the outputs read it (the fields of :class:`geo.model.Mention` they use).

    A fifth of a Mention's memory: no ``__dict__``, no role features (read by the role
    decision inside :func:`geo.pipeline.parse_document` only).
    """

    doc_id: str
    start: int
    end: int
    surface: str
    entity: Entity | None
    role: str
    confidence: float
    sentence_start: int
    sentence_end: int
    date: str | None

    @classmethod
    def of(cls, m: Any, shift: int = 0) -> MentionRow:
        """The row of mention ``m`` (a :class:`geo.model.Mention` or a row), its offsets moved by ``shift``.

        Parameters
        ----------
        m : Mention or MentionRow
            The mention.
        shift : int
            Added to its offsets (a window's start in the whole text).

        Returns
        -------
        MentionRow
        """
        return cls(*cls.pack(m, m.entity, shift))

    @staticmethod
    def pack(m: Any, place: Any, shift: int = 0) -> tuple:
        """The fields of mention ``m`` (a :class:`geo.model.Mention` or a row) as a tuple, in the order of a row's,
        its place given as ``place`` (its id, say, for a spool) and its offsets moved by ``shift``
        (:meth:`unpack` makes rows of these)."""
        return (m.doc_id, m.start + shift, m.end + shift, m.surface, place, m.role, m.confidence,
                m.sentence_start + shift, m.sentence_end + shift, m.date)

    @classmethod
    def unpack(cls, packed: Iterable[tuple], place: Callable[[Any], Entity | None]) -> list[MentionRow]:
        """The rows of tuples made by :meth:`pack`, each place (not ``None``) given back by ``place``."""
        rows = [cls(*t) for t in packed]
        for row in rows:
            if row.entity is not None:
                row.entity = place(row.entity)
        return rows


def spooled(parsed: ParsedDocument) -> bool:
    """Whether ``parsed`` is a long document whose mentions are read back from a file a window at a time
    (:class:`geo.windows.MentionSpool`, which has ``parts``), not a list."""
    return hasattr(parsed.mentions, "parts")


def start_worker(settings: Settings) -> None:
    """Load what :func:`parse_batch` needs in this process (a worker's initializer; returns nothing to send)."""
    worker_state(settings)


def compact(parsed: ParsedDocument) -> ParsedDocument:
    """Drop what no later step reads, so that thousands of results fit in memory.

    A document without figures keeps its metadata but not its text (the map's popups read
    the text only to mark a figure inside its quote); mentions become :class:`MentionRow`
    (their role features go); the per-sentence event frames, read by the roles inside
    :func:`geo.pipeline.parse_document` only, are dropped.
    """
    changes: dict[str, Any] = {}
    if not spooled(parsed) and parsed.mentions and not isinstance(parsed.mentions[0], MentionRow):
        changes["mentions"] = [MentionRow.of(m) for m in parsed.mentions]
    if not parsed.figures and parsed.document.text:
        changes["document"] = dataclasses.replace(parsed.document, text="")
    if getattr(parsed, "frames", None):
        changes["frames"] = []
    return dataclasses.replace(parsed, **changes) if changes else parsed


def parse_batch(docs: list[Document], settings: Settings, online=None, memo: dict | None = None, *,
                here: bool = False) -> tuple[list[Result], list[int]]:
    """Parse a batch of documents in this process (the function every worker runs).

    Parameters
    ----------
    docs : list of Document
    settings : Settings
    online : geo.geocoders.CachedGeocoder, optional
        Only in this process: the online geocoder is never sent to workers.
    memo : dict, optional
        Answers of ``online`` shared across batches.
    here : bool
        The batch is parsed in the process that gathers the results (the serial run): a long document
        (:func:`spooled`) is then not prepared, its sink reads it a window at a time from its spool.  A worker
        prepares every document, so that what it sends is the prepared records, never the rows.

    Returns
    -------
    (list of Result, list of int)
        The results in the order of ``docs``, and how many times each correction rule was
        used by this batch.
    """
    from geo.duplicates import signature
    from geo.pipeline import parse_document

    state = worker_state(settings)
    # decided once for the batch: a worker on another machine has no such folder (anonymous files, prepared in memory)
    scratch = settings.scratch if settings.scratch is not None and os.path.isdir(settings.scratch) else None
    if scratch is None and here:  # a library run's documents stay alive here: named files, open only to read or write
        scratch = tempfile.gettempdir()  # (anonymous ones would hold a descriptor each: EMFILE past ~1,000 documents)
    rules = settings.corrections.rules if settings.corrections is not None else []
    before = [r.used for r in rules]
    out = []
    for doc in docs:
        parsed = parse_document(doc, lang=settings.lang, gazetteer=state["gazetteer"],
                                corrections=settings.corrections, online=online, memo=memo, scratch=scratch,
                                frames=False)  # compact drops them
        sig = signature(doc.text) if settings.signatures else None
        if settings.prepare and not (here and spooled(parsed)):
            from geo.corpus import prepare

            # prepared from the mentions as they are (a record packs the fields a MentionRow would copy)
            ready = prepare(parsed, state["gazetteer"], scratch=scratch)
            kept = compact(dataclasses.replace(parsed, mentions=[]))  # its text stays if it has figures
            out.append(Result(dataclasses.replace(kept, figures=[]), sig, ready))
        else:
            out.append(Result(compact(parsed), sig))
    return out, [r.used - b for r, b in zip(rules, before, strict=True)]


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(submit: Callable[[list[Document]], Any], result_of: Callable[[Any], Any],
             batches: Iterable[list[Document]], window: int) -> Iterator[Any]:
    """Submit batches with at most ``window`` in flight; yield their results in submission order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield result_of(pending.popleft())
    while pending:
        yield result_of(pending.popleft())


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_stream(docs: Iterable[Document], settings: Settings, *, jobs: int = 1, client=None, online=None,
                 progress: bool = False) -> Iterator[Result]:
    """Parse documents in this process, in worker processes or on Dask; yield results in input order.

    Parameters
    ----------
    docs : iterable of Document
        Read lazily: a generator keeps memory flat however many documents it yields.
    settings : Settings
        The run's options (language, point of view, corrections).
    jobs : int
        Worker processes; 1 parses in this process.  Ignored with ``client``.
    client : distributed.Client, optional
        Run the batches on this Dask cluster instead.
    online : geo.geocoders.CachedGeocoder, optional
        The opt-in online geocoder: it is rate-limited and keeps a cache file, so a run that
        uses it parses in this process.
    progress : bool
        A progress bar (tqdm) on standard error with the documents done and the rate; it
        appears after a second, so a short run prints nothing.  A document read in windows
        (:mod:`geo.windows`) in this process or a worker shows its own bar, once per window.

    Yields
    ------
    Result
        One per document, in input order.
    """
    from geo import progress as bars

    rules = settings.corrections.rules if settings.corrections is not None else []
    docs = iter(docs)
    head = list(itertools.islice(docs, BATCH))
    if len(head) < BATCH and client is None:
        jobs = 1  # a handful of documents: starting workers would cost more than it saves
    batches = _batches(itertools.chain(head, docs), BATCH)
    if online is not None or (client is None and jobs <= 1):
        memo: dict = {}
        results = (parse_batch(b, settings, online, memo, here=True) for b in batches)
        # In this process the rules count their own uses: the returned counts are not added again.
        results = ((res, [0] * len(rules)) for res, _ in results)
        executor = None
    elif client is not None:
        client.run(start_worker, settings)  # every worker loads the gazetteer now, all at once
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        results = _ordered(lambda b: client.submit(parse_batch, b, settings, pure=False),
                           lambda f: f.result(), batches, IN_FLIGHT * workers)
        executor = None
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Linux: workers forked from the run itself, whose death kills them (pool_worker); a forkserver's
        # workers (Python 3.14's default) have the server as parent and would take the run for dead.
        linux = sys.platform.startswith("linux")
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork") if linux
                                       else None, initializer=pool_worker,
                                       initargs=(os.getpid() if linux else None, settings, progress))
        results = _ordered(lambda b: executor.submit(parse_batch, b, settings), lambda f: f.result(),
                           batches, IN_FLIGHT * jobs)
    bar = bars.bar("parsing", unit="doc", disable=not progress)
    entities: dict[str, Entity] = {}
    shown = bars.show_window_bars(progress and client is None)  # this process's long documents (a worker's: its own)
    try:
        for batch, used in results:
            for rule, n in zip(rules, used, strict=True):
                rule.used += n
            for result in batch:
                _share_entities(result.parsed, entities)
                yield result
            bar.update(len(batch))
    finally:
        bars.show_window_bars(shown)
        bar.close()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _share_entities(parsed: ParsedDocument, entities: dict[str, Entity]) -> None:
    """One Entity object per place id: results from workers arrive with copies of their own."""
    if spooled(parsed):  # a long document's, read back from disk (geo.windows): this process's
        return
    for m in parsed.mentions:
        if m.entity is not None:
            m.entity = entities.setdefault(m.entity.id, m.entity)
