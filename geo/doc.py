"""One document, read once: the text every stage of the text side reads, and the layers they add.

A :class:`Doc` is built once per document by :func:`geo.pipeline.parse_document`. Its reading of the
text — the folded text (same offsets), the word tokens, the sentences, the dateline and the date — is
made once and shared; each stage (:mod:`geo.pipeline`, ``STAGES``) then adds its typed layer
(``mentions``, ``figures``, ``sentences``, roles, figure places, ``frames``) and never rewrites the layer
of an earlier stage: where a later stage weighs an earlier reading again, the earlier one is kept beside
it (a mention's ``cue_role`` beside its ``role``, a figure's ``cue_place_ids`` beside its ``place_ids``).
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from geo.model import Document, Figure, Mention
from geo.normalize import fold
from geo.sentences import Token, split_sentences, tokenize
from geo.spans import ByStart


@dataclass
class Reading:
    """The text read once: folded text (same offsets), word tokens, sentence spans.

    Attributes
    ----------
    text : str
    folded : str
        :func:`geo.normalize.fold` of ``text``: same length, same offsets.
    tokens : list of geo.sentences.Token
        Word tokens of the whole text, offsets into ``text``.
    sentences : list of (int, int)
        Sentence spans (:func:`geo.sentences.split_sentences`; the whole text when it finds none).
    """

    text: str
    folded: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    _by_start: ByStart = field(default_factory=ByStart, repr=False)

    @classmethod
    def of(cls, text: str) -> Reading:
        folded = fold(text)
        tokens = tokenize(text, folded)
        return cls(text, folded, tokens, split_sentences(text) or [(0, len(text))], ByStart(tokens))

    @property
    def by_start(self) -> ByStart:
        """The tokens by start (:class:`geo.spans.ByStart`), made once with the reading."""
        return self._by_start

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that lie inside ``[start, end)``, as they are (absolute offsets)."""
        return [t for t in self._by_start.between(start, end) if t.end <= end]


@dataclass
class Doc:
    """One document and everything the text side found in it.

    Attributes
    ----------
    document : Document
    lang : str
    reading : Reading
    dateline : geo.dates.Dateline or None
    date : datetime.date or None
        The publication date (given, or read from the dateline).
    headline : bool
        Whether the text's first sentence is the document's headline (not so in a window after the first).
    mentions, figures, sentences, frames : list
        The layers the stages add, in this order (see ``geo.pipeline.STAGES``).
    layers : list of str
        The names of the layers added so far, in order.
    """

    document: Document
    lang: str
    reading: Reading
    dateline: object = None
    date: dt.date | None = None
    headline: bool = True
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sentences: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    layers: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text


#: The garbage collector's youngest-generation threshold while a document is read (CPython's is 700).
#: Reading a document makes some hundred thousand small objects (tokens, spans, candidates) that live
#: until its end; with the default, the collector passes over them again and again, 10-13 % of the
#: text side's time on LGL. Only reference cycles wait longer: other garbage is freed at once.
YOUNG_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_gc_readers = 0
_gc_saved: tuple[int, ...] = (700, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's youngest threshold to :data:`YOUNG_THRESHOLD` while documents are read.

    The threshold is the process's: it is raised when the first reader (thread) enters and put back when
    the last one leaves; a collector turned off (threshold 0) or set higher stays as it is.
    """
    global _gc_readers, _gc_saved
    with _gc_lock:
        if _gc_readers == 0:
            _gc_saved = gc.get_threshold()
            if 0 < _gc_saved[0] < YOUNG_THRESHOLD:
                gc.set_threshold(YOUNG_THRESHOLD, *_gc_saved[1:])
        _gc_readers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_readers -= 1
            if _gc_readers == 0:
                gc.set_threshold(*_gc_saved)
