"""Sentence boundaries with offsets, for quotes and for the context of a mention."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache

from geo.normalize import fold

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) and
# white space, or at a line break.  A dot after a single capital letter or a short
# abbreviation ("Dr.", "Gen.", "St.", "U.S.") does not end a sentence.
# Written as one character of the two alternatives, then the rest of the one it starts ("[.!?…]+" as
# "[.!?…]" then "[.!?…]*", "\n+" as "\n" then "\n*"): the same matches, and the pattern starts with a character
# class, so that it is tried only where that class matches (the regular expression engine's prefix scan), not at
# every character of the text.
_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'»”’)\]]*(?=\s)|(?<=\n)\n*)")


def _every_language(key: str) -> tuple[str, ...]:
    """The words of ``key`` in every ``geo/lexicons/<lang>/language.yaml``, each once, sorted: the sentence
    splitter and the list words read every language at once (a document's language is not known yet).
    Compiled once into the user's cache (:func:`geo.lexicons.compiled`): a run reads two short lists."""
    from pathlib import Path

    from geo import lexicons

    def build() -> tuple[str, ...]:
        return tuple(sorted({str(w) for lang in lexicons.available_languages()
                             for w in lexicons.load(lang, "language").get(key) or []}))

    return tuple(lexicons.compiled(f"language-{key}", build, Path(__file__)))


#: Abbreviations whose dot ends no sentence ("Gen.", "Dott."), case as written: the ``abbreviations`` of
#: every language's ``language.yaml``.
_ABBREV_WORDS = _every_language("abbreviations")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:" + "|".join(map(re.escape, _ABBREV_WORDS)) + r")|(?:[A-Z]\.)+[A-Z])\.$")
#: More word characters than any abbreviation has before its dot: after a run this long the dot ends the sentence.
_PAST_ABBREV = max(map(len, _ABBREV_WORDS), default=0) + 1


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
    return list(_split(text, _judgement_of(text)))


def split_sentences_as(text: str, width: int | None) -> list[tuple[int, int]]:
    """:func:`split_sentences` of ``text`` read as a text judged hard-wrapped at ``width`` (None: not wrapped),
    worked out and not cached: for a one-off slice (where a window of a long document ends).

    Parameters
    ----------
    text : str
        Text.
    width : int or None
        The width of the lines of the document ``text`` is taken from (:func:`wrap_width`).

    Returns
    -------
    list of (int, int)
        As :func:`split_sentences`.
    """
    return _sentences(text, _read_breaks(text, width)[0])


def forget_texts() -> None:
    """Empty the caches of texts' sentences and line breaks: a long document's window, read once, leaves nothing."""
    for cached in (_split, _judged, _breaks):
        cached.cache_clear()


@lru_cache(maxsize=32)
def _split(text: str, judgement: int | None | str) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences`, made once per text and judgement (the stages of one document each ask for it)."""
    return tuple(_sentences(text, _wrapped_as(text, judgement)[0]))


def _sentences(text: str, soft: frozenset[int]) -> list[tuple[int, int]]:
    """The sentences of ``text`` whose line breaks at ``soft`` are spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    day_end = -1  # the end of the last day's dot kept inside a sentence (rule DAY_DOT)
    for m in _END.finditer(text):
        end, dot = m.end(), m.start()
        if day_end >= 0 and _after_day_dot(text, day_end, dot, end):
            continue
        # no abbreviation of _ABBREV has _PAST_ABBREV word characters before its dot: after that many
        # ("attacked.") the dot ends the sentence without a search
        if text[dot] == "." and (dot < _PAST_ABBREV or not text[dot - _PAST_ABBREV : dot].isalnum()) and _ABBREV.search(
                text[max(start, dot - 12) : dot + 1]):
            continue
        if m.start() in soft:
            continue
        if text[dot] == "." and end - dot <= 2 and _day_dot(text, dot, end):
            day_end = end
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


#: A day of the month written with a dot ("12."), the dot at its end; no digit, dot or comma before it.
_DAY_DOT = re.compile(r"(?<![\w.,:])(?:[1-9]|[0-2][0-9]|3[01])\.$")
#: An ordinal written with a dot ("3.", "25."): one or two digits, no digit, dot or comma before them.
_ORDINAL_DOT = re.compile(r"(?<![\w.,:])[0-9]{1,2}\.$")
#: The word before the number of a dot ("am" of "am 12.").
_WORD_BEFORE = re.compile(r"(\S+)\s+[0-9]{1,2}\.$")
#: A year after a day's month ("12. April 2024"): a day's month whatever the word before the day.
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}\b")
#: The words after a day's dot: up to four runs of non-space characters.
_NEXT_WORDS = re.compile(r"\S+")
#: A word's letters, punctuation after it left out ("Mai," "Mai").
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _dotted_days() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    """(folded months, folded day range joiners as word tuples, folded ``day_dot_leads``) of the dates lexicons of
    every language that writes a day with a dot (``"."`` among its ``day_suffixes``: German "am 12. Mai", "vom 9.
    bis 10. April")."""
    from geo import lexicons

    months: set[str] = set()
    joiners: set[tuple[str, ...]] = set()
    leads: set[str] = set()
    for lang in lexicons.available_languages():
        d = lexicons.load(lang, "dates") or {}
        if "." not in (d.get("day_suffixes") or []):
            continue
        months.update(fold(str(w)) for w in d.get("months") or {})
        joiners.update(tuple(fold(str(w)).split()) for w in d.get("day_range_joiners") or [])
        leads.update(fold(str(w)) for w in d.get("day_dot_leads") or [])
    return frozenset(months), tuple(sorted(joiners, key=len, reverse=True)), frozenset(leads)


def _day_dot(text: str, dot: int, end: int) -> bool:
    """Rule DAY_DOT: whether the dot at ``dot`` (its match ending at ``end``) is the dot of a day written with
    one, not a sentence's end: a number of 1 to 31 (one or two digits) before it, and after it a capitalised
    month of a dates lexicon that writes days so ("am 12. Mai") or a day range joiner, a day with a dot and
    such a month ("vom 9. bis 10. April"). Rule ORDINAL_DOT: nor is the dot of a number of one or two digits
    before a lower-case word ("zum 3. großen Gipfel", "der 12. und 13. Brigade"): such a number is an
    ordinal of those languages. Both hold only after a word of such a lexicon's ``day_dot_leads`` before the
    number ("am", "vom", "zum"), or, for a day, a year after its month ("12. April 2024"): the splitter reads every
    language's text, and "rose to 12. April polls showed a swing" or "rose to 12. iPhone sales fell" are two
    sentences. A capitalised
    word after an ordinal ("der 2. Weltkrieg") is left a sentence's start: German ends a sentence on a day
    with one dot ("Die Wahl ist am 3. Danach ...")."""
    if not _ORDINAL_DOT.search(text, max(0, dot - 3), dot + 1):
        return False
    months, joiners, leads = _dotted_days()
    if not months:
        return False
    words = [w.group() for w in _NEXT_WORDS.finditer(text, end, end + 60)][:5]
    before = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    led = before is not None and fold(before.group(1)) in leads
    if words and words[0][0].islower():
        return led  # rule ORDINAL_DOT: "am 3. großen Gipfel"; not "rose to 12. iPhone sales fell"
    if not (led or (len(words) > 1 and _YEAR.match(words[1]))):
        return False  # "rose to 12. April polls showed a swing": two sentences
    if not _DAY_DOT.search(text, max(0, dot - 3), dot + 1):
        return False

    def month(k: int) -> bool:
        if k >= len(words) or not words[k][:1].isupper():
            return False
        letters = _LETTERS.match(words[k])
        return letters is not None and fold(letters.group()) in months

    if month(0):
        return True
    folded = [fold(w) for w in words]
    for joiner in joiners:
        n = len(joiner)
        if tuple(folded[:n]) == joiner and n < len(words) and _DAY_DOT.fullmatch(words[n]) and month(n + 1):
            return True
    return False


def _after_day_dot(text: str, day_end: int, dot: int, end: int) -> bool:
    """Whether the end match at ``dot`` (ending at ``end``) right after a day's dot kept inside its sentence (rule
    DAY_DOT, ending at ``day_end``) ends no sentence either. Rule DAY_DOT_WRAP: a single line break right after the
    day's dot ("zum 12.\nMai", a hard-wrapped line ending on the day) is a space. Rule MONTH_ABBREVIATION_DOT: the dot
    of the abbreviated month after the day ("am 24. Feb. griffen", "am 3. Mrz. trafen"): a word of the
    ``month_abbreviations`` of a dates lexicon that writes days with a dot (not "Mai.", whose dot ends a sentence),
    its dot alone (not 'bis 3. Feb.” Danach': a closing quote after it ends the sentence)."""
    between = text[day_end:dot]
    if text[dot] == "\n":
        return end - dot == 1 and not between.strip()  # not a line break further on ("an\nDie Feuerwehr")
    if text[dot] != "." or end - dot > 1:
        return False
    return fold(between.strip()) in _month_abbreviations()


@cache
def _month_abbreviations() -> frozenset[str]:
    """The folded ``month_abbreviations`` of the dates lexicons that write a day with a dot (``"."`` among their
    ``day_suffixes``: "feb", "mrz", "dez"; rule MONTH_ABBREVIATION_DOT)."""
    from geo import lexicons

    found: set[str] = set()
    for lang in lexicons.available_languages():
        d = lexicons.load(lang, "dates") or {}
        if "." in (d.get("day_suffixes") or []):
            found.update(fold(str(w)) for w in d.get("month_abbreviations") or [])
    return frozenset(found)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# --------------------------------------------------------------------------- hard-wrapped text

#: A line that ends a sentence: final punctuation, then closing quotes or brackets.
_FINAL = re.compile(r"[.!?…:;][\"'»”’)\]]*$")
#: A line that is an item of a list: "- ", "• ", "* ", "1. ", "2) ".
_BULLET = re.compile(r"(?:[-–—•*·▪]\s|\d{1,2}[.)]\s)")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
#: Rule WRAP_WIDTH: no line of a wrapped text is longer than this (e-mail, wires and PDF copies wrap at 60-100).
WRAP_MAX = 120
#: Rule WRAP_SHARE: a text is hard-wrapped when at least :data:`WRAP_MIN` and this share of its line breaks
#: between two non-blank lines fall inside a sentence (no final punctuation before them)...
WRAP_SHARE = 0.4
WRAP_MIN = 3
#: ...and at least this share of the lines before them are nearly as long as the longest (their width):
#: at least this share of it.
WRAP_FULL = 0.6
#: Rule WRAP_LONG: up to this share of the non-blank lines of a wrapped text may be longer than
#: :data:`WRAP_MAX` (a link, a table row, a paragraph pasted unwrapped).
WRAP_LONG = 0.2
#: Rule HEADING_LINE: a line with no final punctuation before a line that starts with a capital is a heading
#: (a sentence of its own) when the next line's first word would have fit on it (its length, a space and
#: that word within this share of the width), unless it ends with a comma or a continuing word.
HEADING_FIT = 0.9


@cache
def line_continuers() -> frozenset[str]:
    """Words that cannot end a sentence (conjunctions, prepositions, articles), in every language: the
    ``line_continuers`` of each ``geo/lexicons/<lang>/language.yaml``, lower case."""
    from geo import lexicons

    return frozenset(w.lower() for lang in lexicons.available_languages()
                     for w in lexicons.load(lang, "language").get("line_continuers") or [])


def _ends_sentence(line: str) -> bool:
    if not _FINAL.search(line):
        return False
    return not (line.endswith(".") and _ABBREV.search(line[-13:]))  # "Gen.\nSmith" goes on


#: The text whose line breaks are read as those of the document it is a window of, with the document's
#: judgement (:func:`read_as_wrapped`).
_READ_AS: ContextVar[tuple[str, int | None] | None] = ContextVar("read_as_wrapped", default=None)
#: The judgement of a text made from the text itself.
_OWN = "own"


@contextmanager
def read_as_wrapped(text: str, width: int | None) -> Iterator[None]:
    """While inside, read the line breaks of ``text`` as those of a text judged hard-wrapped at ``width``
    (None: not wrapped) rather than judging ``text`` alone: a window of a long document reads its breaks as
    the document's start was judged (:func:`wrap_width`), as a whole run reads them, even when the window
    alone is too short to tell.

    Parameters
    ----------
    text : str
        The window's text (what the stages read).
    width : int or None
        The document's judgement.

    Yields
    ------
    None
    """
    token = _READ_AS.set((text, width))
    try:
        yield
    finally:
        _READ_AS.reset(token)


def _judgement_of(text: str) -> int | None | str:
    read_as = _READ_AS.get()
    return read_as[1] if read_as is not None and read_as[0] == text else _OWN


def wrap_width(text: str) -> int | None:
    """Whether ``text`` is hard-wrapped (rules WRAP_WIDTH, WRAP_SHARE, WRAP_LONG, WRAP_GOES_ON; see
    :func:`_wrapped`): the width of its lines when it is, None when it is not. Worked out, not cached.

    Parameters
    ----------
    text : str
        Text (the start of a long document).

    Returns
    -------
    int or None
    """
    return _judge(text)[0]


def _wrapped_as(text: str, judgement: int | None | str) -> tuple[frozenset[int], frozenset[int]]:
    return _wrapped(text) if judgement == _OWN else _breaks(text, judgement)


def _soft_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks of a hard-wrapped text that fall inside a sentence (read as spaces);
    empty when the text is not hard-wrapped (a paragraph per line keeps every break). See :func:`_wrapped`."""
    return _wrapped_as(text, _judgement_of(text))[0]


def same_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (the gap between two sentences, say) holds no paragraph boundary: no
    line break, or only the breaks a hard-wrapped text puts inside its paragraphs (the soft breaks that
    :func:`split_sentences` reads as spaces, and the breaks after a sentence that ends on a full line).

    Parameters
    ----------
    text : str
        Document text.
    start, end : int
        Offsets of the span to look at.

    Returns
    -------
    bool
    """
    k = text.find("\n", start, end)
    if k < 0:
        return True
    inline = _wrapped_as(text, _judgement_of(text))[1]
    while k >= 0:
        if k not in inline:
            return False
        k = text.find("\n", k + 1, end)
    return True


def _wrapped(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(soft breaks, breaks inside a paragraph) of a hard-wrapped text; both empty for any other text.

    A text is hard-wrapped (rules WRAP_WIDTH, WRAP_SHARE) when many breaks between two non-blank lines
    come after no final punctuation and the lines before them have about the same length, at most
    :data:`WRAP_MAX` (rule WRAP_LONG: a few longer lines, up to :data:`WRAP_LONG` of them, are lines the
    writer did not wrap: they neither set the width nor turn the reading off). In such a text a single break
    is a space unless the line before it ends a sentence, the line after it is an item of a list, or the
    line before is a heading (rule HEADING_LINE: a short line before a capitalised one; a line that
    continues with a lower case word, after a comma or after one of :func:`line_continuers` is no heading).
    A break after a full line that ends a sentence stays a sentence's end but not a paragraph's. Blank
    lines always end a sentence and a paragraph."""
    return _judged(text)[1:]


def _judge(text: str) -> tuple[int | None, frozenset[int], frozenset[int]]:
    """(width or None, soft breaks, breaks inside a paragraph) of ``text`` judged alone (see :func:`_wrapped`)."""
    none: tuple[None, frozenset[int], frozenset[int]] = (None, frozenset(), frozenset())
    if "\n" not in text:
        return none
    lines = _lines(text)
    filled = [line for _, line in lines if line]
    if sum(len(line) > WRAP_MAX for line in filled) > WRAP_LONG * len(filled):
        return none
    pairs, open_ = _pairs(lines)
    if len(open_) < WRAP_MIN or len(open_) < WRAP_SHARE * len(pairs):
        return none
    short = [len(a) for _, a, _ in open_ if len(a) <= WRAP_MAX]
    if not short:
        return none
    width = max(short)
    if sum(n >= WRAP_FULL * width for n in short) < WRAP_FULL * len(short):
        return none
    soft, inline, going_on = _read(lines, pairs, open_, width)
    # Rule WRAP_GOES_ON: a wrapped text has sentences that visibly run on over a break (a lower-case word, a
    # comma, a word that cannot end a sentence); lines of one width that never do are a list of headlines.
    if going_on < WRAP_MIN:
        return none
    return width, soft, inline


_judged = lru_cache(maxsize=32)(_judge)


@lru_cache(maxsize=32)
def _breaks(text: str, width: int | None) -> tuple[frozenset[int], frozenset[int]]:
    """:func:`_read_breaks`, made once per text and width."""
    return _read_breaks(text, width)


def _read_breaks(text: str, width: int | None) -> tuple[frozenset[int], frozenset[int]]:
    """(soft breaks, breaks inside a paragraph) of ``text`` read as a text judged hard-wrapped at ``width``
    (both empty for None)."""
    if width is None or "\n" not in text:
        return frozenset(), frozenset()
    lines = _lines(text)
    return _read(lines, *_pairs(lines), width)[:2]


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset of the "\n" ending it, stripped line) of each line of ``text``."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return lines


def _pairs(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """The breaks between two non-blank lines (index, line before, line after), and those of them with no
    final punctuation before and no item of a list after."""
    pairs = [(k, a, b) for k, ((_, a), (_, b)) in enumerate(zip(lines, lines[1:], strict=False)) if a and b]
    return pairs, [(k, a, b) for k, a, b in pairs if not _ends_sentence(a) and not _BULLET.match(b)]


def _read(lines: list[tuple[int, str]], pairs: list[tuple[int, str, str]], open_: list[tuple[int, str, str]],
          width: int) -> tuple[frozenset[int], frozenset[int], int]:
    """(soft breaks, breaks inside a paragraph, breaks that visibly go on) of lines wrapped at ``width``."""
    soft = set()
    inline = set()
    words = line_continuers()
    going_on = 0
    for k, a, b in open_:
        last = _LAST_WORD.search(a)
        goes_on = b[0].islower() or a.endswith(",") or (last is not None and last.group().lower() in words)
        going_on += goes_on
        if goes_on or (len(a) <= WRAP_MAX and len(a) + 1 + len(b.split()[0]) > HEADING_FIT * width):
            soft.add(lines[k][0])
    for k, a, b in pairs:
        if _ends_sentence(a) and not _BULLET.match(b) and len(a) <= WRAP_MAX \
                and len(a) + 1 + len(b.split()[0]) > HEADING_FIT * width:
            inline.add(lines[k][0])
    return frozenset(soft), frozenset(soft | inline), going_on


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """Return the sentence span holding ``offset`` (the nearest before it if none does).

    ``spans`` are in text order and do not overlap, as :func:`split_sentences` gives them.
    """
    k = bisect_right(spans, offset, key=lambda span: span[0])  # the sentences that start at or before offset
    return spans[k - 1] if k else spans[0] if spans else (0, 0)


def paragraph_start(text: str, offset: int) -> int:
    """The offset where the paragraph holding ``offset`` starts: just after the last line break before it
    that ends a paragraph — not one of the breaks a hard-wrapped text puts inside its paragraphs, the same
    breaks :func:`same_paragraph` reads as none (so ``same_paragraph(text, paragraph_start(text, o), o)``).

    Parameters
    ----------
    text : str
        Document text.
    offset : int
        An offset into ``text``.

    Returns
    -------
    int
    """
    k = text.rfind("\n", 0, offset)
    if k < 0:
        return 0
    inline = _wrapped(text)[1]
    while k >= 0 and k in inline:
        k = text.rfind("\n", 0, k)
    return k + 1


# --------------------------------------------------------------------------- lists

#: Words that join the items of a list ("Polonia, Romania e Lituania"), in the project's languages: the
#: ``list_joiners`` of every language's ``language.yaml``.
LIST_JOINERS = frozenset(map(fold, _every_language("list_joiners")))  # compared with folded token keys
#: Words for "of" ("la regione di Kursk", "l'incontro di Parigi"), folded; "d" is "d'": the ``of_words`` of every
#: language's ``language.yaml``.
OF_WORDS = frozenset(map(fold, _every_language("of_words")))  # compared with folded token keys


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
    # answered from a cache: the same gaps (", ", " and ") come back in every document; those of three words at
    # most are short (the longest of news_dev and news_train: 25 characters), the cache holds 4096 of them
    return _joins_list(gap, of_word)


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
#: :data:`_TOKEN` after the characters before it (no letter nor digit: the complement of a token's), so that the
#: tokens' offsets are the lengths ``findall`` returns, added up (no match object per token). The gap is
#: possessive and the end of the text stands for a last, empty token: a trailing run of characters that are no
#: token's is read once (a gap that must be followed by a token would be retried from each of its characters,
#: quadratic in the run's length); the loop stops at the first empty token. Not one pass with
#: geo.numbers._SPACED_TOKEN_RE: the tokens differ (here a run of letters and digits is one, a hyphen parts words,
#: punctuation is no token, the case is read on the text).
_GAP_TOKEN = re.compile(r"([\W_]*+)([^\W_]+|\Z)", re.UNICODE)


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
    end = 0
    for gap, word in _GAP_TOKEN.findall(text):
        if not word:
            break
        start = end + len(gap)
        end = start + len(word)
        add(Token(start, end, word, folded[start:end], word[0].isupper(), end - start > 1 and word.isupper()))
    return out
