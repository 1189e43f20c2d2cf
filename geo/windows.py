"""One long document in bounded memory: read as consecutive windows, joined into one result.

Reading a document costs about 100 MB of memory per MB of text (tokens, sentences, candidates,
role features), all alive until its last stage.  A document longer than :data:`WINDOW_CHARS` is
therefore read window by window (:func:`parse_windows`, called by :func:`geo.pipeline.parse_document`,
the one function the serial, process-pool and Dask runs call for a document):

* the windows (:func:`window_spans`) are consecutive slices of the text cut at a paragraph
  boundary (a blank line), or at a sentence boundary when a paragraph is itself longer than the
  limit; never inside a sentence (a sentence longer than the limit makes a longer window);
* each window goes through the same stages (:data:`geo.pipeline.STAGES`) as a document of its own
  with the document's id, language, date and metadata (the dateline is read once, in the first
  window), and its offsets are shifted back into the whole text;
* the results are joined into one :class:`geo.model.ParsedDocument`: mentions, figures (numbered
  ``doc_id:f1``, ``f2``... through the whole text, as an unsplit run numbers them) and frames in
  text order.

Only the current window's reading and the compact results so far are alive: each window's mentions
become :class:`geo.parallel.MentionRow` (their role features and cue roles, read by the decisions inside
the window only, go), as :func:`geo.parallel.compact` makes them for every document.  Places are resolved
with the context of their window (some hundred thousand characters: the countries it names, the
names around them), so a name whose reading hangs on a country named only in another window may
read differently than in an unsplit run; and a figure repeated word for word in two windows is kept
in each, where an unsplit run keeps it once (``benchmarks/bench_length.py``, whose text repeats a sample
article as one paragraph in ten: 1,379 figures at 1 MB against 986 unsplit).  A document of at most
:data:`WINDOW_CHARS` characters is read whole, as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from geo.model import Document, ParsedDocument
from geo.parallel import MentionRow
from geo.sentences import split_sentences

#: Longest text read at once, in characters (code points).  Measured with
#: ``benchmarks/bench_length.py``: a window of this size peaks at some 30 MB of reading on top of
#: the process's ~300 MB and reads as fast per MB as a whole document of that size.
WINDOW_CHARS = 250_000

#: A paragraph boundary: a line break, blank lines (white space only), the next line.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")


def _last_paragraph_cut(text: str, start: int, stop: int) -> int | None:
    """The start of the last paragraph that begins inside ``text[start:stop]`` (after ``start``), or None."""
    cut = None
    for m in _PARAGRAPH.finditer(text, start, stop):
        if m.end() < stop:
            cut = m.end()
    return cut


def _last_sentence_cut(text: str, start: int, stop: int) -> int | None:
    """The start of the last whole sentence inside ``text[start:stop]`` after the first, or None.

    The last sentence the splitter sees may run on past ``stop``: the window ends where it starts.
    """
    spans = split_sentences(text[start:stop])
    return start + spans[-1][0] if len(spans) > 1 else None


def window_spans(text: str, limit: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text`` into consecutive windows of at most ``limit`` characters where it can.

    Parameters
    ----------
    text : str
        The document's text.
    limit : int
        Longest window, in characters.

    Yields
    ------
    (int, int)
        ``(start, end)`` of each window; together they cover the text, in order.  A window ends
        where a paragraph starts (after a blank line), or, when the paragraph is longer than
        ``limit``, where a sentence starts; a sentence longer than ``limit`` stays whole, in a
        longer window.
    """
    if limit < 1:
        raise ValueError(f"window limit must be positive, not {limit}")
    start, n = 0, len(text)
    while n - start > limit:
        stop = start + limit
        cut = _last_paragraph_cut(text, start, stop) or _last_sentence_cut(text, start, stop)
        if cut is None:  # one sentence longer than the limit: it ends the window, whole
            m = _PARAGRAPH.search(text, stop)
            ahead = split_sentences(text[start : m.end() if m else n])
            cut = start + ahead[1][0] if len(ahead) > 1 else (m.end() if m else n)
        yield start, cut
        start = cut
    if start < n or not n:
        yield start, n


def _shifted(parsed: ParsedDocument, offset: int, figures_before: int, doc_id: str) -> ParsedDocument:
    """A window's result with offsets into the whole text and figure ids counted through it."""
    ids: dict[str, str] = {}
    # the compact form the outputs read: the role features and cue roles served the window's decisions only
    parsed.mentions = [MentionRow(m.doc_id, m.start + offset, m.end + offset, m.surface, m.entity, m.role,
                                  m.confidence, m.sentence_start + offset, m.sentence_end + offset, m.date)
                       for m in parsed.mentions]
    for n, f in enumerate(parsed.figures, figures_before + 1):
        f.start += offset
        f.end += offset
        f.quote_start += offset
        new_id = f"{doc_id}:f{n}"
        ids[f.figure_id] = new_id
        f.figure_id = new_id
    for fr in parsed.frames:
        fr.start += offset
        fr.end += offset
        fr.figure_ids = [ids.get(i, i) for i in fr.figure_ids]
    return parsed


def parse_windows(doc: Document, parse_window, *, limit: int = WINDOW_CHARS) -> ParsedDocument:
    """Parse a long document window by window (see the module docstring) and join the results.

    Parameters
    ----------
    doc : Document
        The whole document.
    parse_window : callable
        ``parse_window(window, first)`` parses one window (a :class:`Document` holding the window's
        text and the document's id and metadata) into a :class:`ParsedDocument`; ``first`` is true for
        the window that starts the text (where the dateline is).
    limit : int
        Longest window, in characters.

    Returns
    -------
    ParsedDocument
        Of ``doc`` (its text whole), with the language and date of the first window.
    """
    mentions: list = []
    figures: list = []
    frames: list = []
    lang = date = None
    for k, (start, end) in enumerate(window_spans(doc.text, limit)):
        part = parse_window(dataclasses.replace(doc, text=doc.text[start:end]), k == 0)
        part = _shifted(part, start, len(figures), doc.doc_id)
        if k == 0:
            lang, date = part.lang, part.date
        mentions.extend(part.mentions)
        figures.extend(part.figures)
        frames.extend(part.frames)
        del part
    return ParsedDocument(document=doc, lang=lang, date=date, mentions=mentions, figures=figures, frames=frames)
