"""Sentence boundaries with offsets, for quotes and for the context of a mention."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) and
# white space, or at a line break.  A dot after a single capital letter or a short
# abbreviation ("Dr.", "Gen.", "St.", "U.S.") does not end a sentence.
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)|\n+")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|St|Mt|Ft|Jr|Sr|No|Inc|Co|Corp|"
    r"vs|etc|Sig|Dott|Prof|On|Avv|Ing|Mme|Mgr|av|art|pag|ca|cfr)|(?:[A-Z]\.)+[A-Z])\.$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        Document text.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets of each sentence, leading and trailing white space
        excluded; together they cover every non-blank character of ``text``.
    """
    return list(_split(text))


@lru_cache(maxsize=32)
def _split(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences`, made once per text (the stages of one document each ask for it)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start()] == "." and _ABBREV.search(text[max(start, m.start() - 12) : m.start() + 1]):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """Return the sentence span holding ``offset`` (the nearest before it if none does).

    ``spans`` are in text order and do not overlap, as :func:`split_sentences` gives them.
    """
    k = bisect_right(spans, offset, key=lambda span: span[0])  # the sentences that start at or before offset
    return spans[k - 1] if k else spans[0] if spans else (0, 0)


# --------------------------------------------------------------------------- lists

#: Words that join the items of a list ("Polonia, Romania e Lituania"), in the project's languages.
LIST_JOINERS = frozenset({"and", "or", "e", "ed", "o", "et", "ou", "y", "und", "i"})
#: Words for "of" ("la regione di Kursk", "l'incontro di Parigi"), folded; "d" is "d'".
OF_WORDS = frozenset({"di", "del", "della", "de", "du", "des", "d", "of"})


def joins_list(gap: str, *, of_word: bool = False) -> bool:
    """Whether the text between two names makes them items of one list: a comma, a semicolon or a
    slash, and at most one joining word (", ", " and ", ", e "); with ``of_word`` also an "of" after
    it ("Donetsk et de Louhansk").

    Parameters
    ----------
    gap : str
        The text between the two names.
    of_word : bool
        Allow one of :data:`OF_WORDS` after the joiner.

    Returns
    -------
    bool
    """
    if len(gap.replace("'", " ").split(None, 3)) > 3:
        return False  # four words or more (most gaps between two names): never a list's
    return _joins_list(gap, of_word) if len(gap) <= _CACHED_GAP else _list_gap(gap, of_word)


#: Gaps up to this long are answered from a cache: the same ones (", ", " and ") come back in every document.
_CACHED_GAP = 64


def _list_gap(gap: str, of_word: bool) -> bool:
    """:func:`joins_list`, worked out."""
    parts = gap.lower().replace(",", " , ").replace(";", " ; ").replace("/", " / ").replace("'", " ").split()
    joiners = [p for p in parts if p in LIST_JOINERS]
    ofs = [p for p in parts if of_word and p in OF_WORDS]
    marks = [p for p in parts if p in (",", ";", "/")]
    return bool(parts) and len(joiners) <= 1 and len(ofs) <= 1 and len(marks) <= 1 \
        and len(joiners) + len(ofs) + len(marks) == len(parts)


_joins_list = lru_cache(maxsize=4096)(_list_gap)


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # folded
    capitalised: bool = False  # first character upper case
    all_caps: bool = False  # two characters or more, all upper case


def tokenize(text: str, folded: str) -> list[Token]:
    """Split ``text`` into letter/digit tokens with offsets, folded keys and case."""
    out: list[Token] = []
    add = out.append
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        word = m.group()
        add(Token(start, end, word, folded[start:end], word[0].isupper(), len(word) > 1 and word.isupper()))
    return out
