"""Numbers as journalists write them, with their offsets.

Digits with thousands separators ("12.000", "12,000", "12 000"), decimals with a
multiplier ("1,5 milioni", "1.5 million", "20 mila", "20mila"), spelled-out numbers
(read with ``text2num``: "ventimila", "twenty thousand", "vingt mille"), approximate
words ("una dozzina", "a dozen", "une vingtaine"), vague plurals ("decine di migliaia",
"hundreds", "des centaines") and ranges ("tra 10.000 e 12.000", "10-12 thousand",
"entre 10 000 et 12 000").  Every word list lives in the ``numbers`` section of
``geo/lexicons/<lang>/figures.yaml``.

This module also holds the small token layer that :mod:`geo.figures` and
:mod:`geo.dates` share: :func:`tokenize` (tokens of folded text, with offsets) and
:class:`Phrases` (word lists matched token by token).
"""

from __future__ import annotations

import dataclasses
import operator
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from text_to_num import text2num

from geo.lexicons import load
from geo.normalize import fold

# ---------------------------------------------------------------------------------------------------------
# Tokens and phrase lists
# ---------------------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]|_")
#: :data:`_TOKEN_RE` after the white space before it: every character that is no white space is in a token
#: (a letter, a digit, "_" or another character), so the tokens' offsets are the lengths of what ``findall``
#: returns, added up (no match object per token). The white space is possessive and the end of the text (or
#: of the window) stands for a last, empty token: trailing white space is read once (white space that must be
#: followed by a token would be retried from each of its characters, quadratic in its length); the loop stops
#: at the first empty token. Not one pass with geo.sentences._GAP_TOKEN: the tokens differ (here letters and digits
#: apart, hyphenated words whole, a token per punctuation mark, on folded text).
_SPACED_TOKEN_RE = re.compile(r"(\s*+)(" + _TOKEN_RE.pattern + r"|\Z)")


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A token of folded text: a word (hyphens inside), a run of digits or one other character.

    Read-only by convention (not ``frozen``: a frozen dataclass is built three times slower, and a
    document makes tens of thousands of tokens); :func:`tokenize` shares them between callers.
    """

    start: int
    end: int
    text: str


_START = operator.attrgetter("start")


def tokenize(folded: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split folded text into :class:`Token` s.

    Parameters
    ----------
    folded : str
        Text folded with :func:`geo.normalize.fold` (offsets are those of the original text).
    start, end : int
        Optional bounds; tokens are those inside ``folded[start:end]``.

    Returns
    -------
    list of Token
    """
    return list(_tokens(folded, start, len(folded) if end is None else end))


@lru_cache(maxsize=32)
def _tokens(folded: str, start: int, stop: int) -> tuple[Token, ...]:
    """The tokens of ``folded[start:stop]``, made once per text: :func:`find_numbers`, the figure reader
    and the date reader tokenise the same document and sentences."""
    out = []
    add = out.append
    end = start
    for space, word in _SPACED_TOKEN_RE.findall(folded, start, stop):
        if not word:
            break
        begin = end + len(space)
        end = begin + len(word)
        add(Token(begin, end, word))
    return tuple(out)


def forget_texts() -> None:
    """Empty the cache of texts' tokens (:func:`tokenize`): a long document's window, read once, leaves nothing."""
    _tokens.cache_clear()


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Return the folded tokens of a lexicon phrase."""
    return tuple(t.text for t in tokenize(fold(phrase)))


class Phrases:
    """A word list matched token by token on folded text, longest phrase first.

    Parameters
    ----------
    phrases : iterable of str
        Phrases as written in a lexicon file; they are folded and tokenized.
    """

    def __init__(self, phrases: Iterable[Any]):
        seqs: set[tuple[str, ...]] = set()
        for p in phrases:
            if not isinstance(p, str):
                raise ValueError(f"lexicon phrase {p!r} is not a string (quote it in the YAML file)")
            toks = phrase_tokens(p)
            if toks:
                seqs.add(toks)
        self.seqs = frozenset(seqs)
        # (length, phrase), longest first, by first and by last word: the matchers read no len() per phrase
        self._first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._last: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for s in sorted(seqs, key=len, reverse=True):
            self._first.setdefault(s[0], []).append((len(s), s))
            self._last.setdefault(s[-1], []).append((len(s), s))
        #: the first words of the phrases: :meth:`match_at` is 0 at a token whose text is not one
        self.heads = frozenset(self._first)

    def __bool__(self) -> bool:
        return bool(self.seqs)

    def __contains__(self, word: object) -> bool:
        return (word,) in self.seqs

    def match_at(self, toks: Sequence[Token], i: int) -> int:
        """Length in tokens of the longest phrase starting at ``toks[i]`` (0 if none)."""
        if i >= (size := len(toks)):
            return 0
        seqs = self._first.get(toks[i].text)
        if not seqs:
            return 0  # most tokens start no phrase
        for n, seq in seqs:
            if n == 1:
                return 1  # its one word is the token's
            if i + n <= size:
                for k in range(1, n):  # a loop, not all() over a generator: this runs for every cue word
                    if toks[i + k].text != seq[k]:
                        break
                else:
                    return n
        return 0

    def match_ending(self, toks: Sequence[Token], j: int) -> int:
        """Length in tokens of the longest phrase ending just before ``toks[j]`` (0 if none)."""
        if j <= 0 or j > len(toks):
            return 0
        for n, seq in self._last.get(toks[j - 1].text, ()):
            if j - n >= 0:
                for k in range(n):
                    if toks[j - n + k].text != seq[k]:
                        break
                else:
                    return n
        return 0


# ---------------------------------------------------------------------------------------------------------
# Number lexicon
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NumLex:
    decimal: str
    space_groups: bool
    multipliers: dict[tuple[str, ...], int]
    multiplier_phrases: Phrases
    approx: dict[tuple[str, ...], int]
    approx_phrases: Phrases
    vague: dict[tuple[str, ...], int]
    vague_phrases: Phrases
    vague_quantifiers: Phrases
    vague_join: Phrases
    not_alone: frozenset[str]
    alone_before: Phrases
    not_numbers: Phrases
    joiners: frozenset[str]
    ranges: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    range_articles: frozenset[str]
    change_verbs: frozenset[str]
    digits_re: re.Pattern[str]
    ages: Phrases
    age_before: Phrases
    times: dict[tuple[str, ...], int]
    times_phrases: Phrases
    vague_words: frozenset[str]  # the one-word vague plurals ("centinaia", "hundreds")
    vague_heads: frozenset[str]  # the words that may start a vague number (a quantifier or a vague plural)
    heads: frozenset[str]  # the words that may start a phrase of ``not_numbers``, ``approx``, ``times``, ``vague``


def _value_map(raw: dict[str, Any] | None) -> dict[tuple[str, ...], int]:
    return {phrase_tokens(str(k)): int(v) for k, v in (raw or {}).items()}


@cache
def _numlex(lang: str) -> _NumLex:
    data = load(lang, "figures").get("numbers") or load("en", "figures").get("numbers") or {}
    space_groups = bool(data.get("space_groups", False))
    spaces = "\u00a0\u202f\u2009" + (" " if space_groups else "")
    sep = f"[.,{spaces}]"
    # A number: digits grouped by thousands, or a run of digits, either with decimals; not after a letter, a
    # digit, a separator, a slash or a colon, nor after a letter's hyphen ("F-16"). Written with its first digit
    # before the tests of what precedes it ("(?<![\w.,/:])" read as "\d(?<![\w.,/:]\d)", "\d{1,3}" as
    # "\d\d{0,2}"), the same matches: a pattern that starts with a character class is tried only where that
    # class matches (the regular expression engine's prefix scan), not at every character of the text.
    digits_re = re.compile(
        rf"(\d(?<![\w.,/:]\d)(?<![^\W\d_]-\d)(?:\d{{0,2}}(?:{sep}\d{{3}})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?))(?!\d)"
    )
    multipliers = _value_map(data.get("multipliers"))
    approx = _value_map(data.get("approx"))
    vague = _value_map(data.get("vague"))
    ranges = tuple((phrase_tokens(str(p)), phrase_tokens(str(j))) for p, j in (data.get("ranges") or []))
    not_numbers = Phrases(data.get("not_numbers") or [])
    approx_phrases = Phrases(" ".join(k) for k in approx)
    times_phrases = Phrases(data.get("times") or {})
    vague_quantifiers = Phrases(data.get("vague_quantifiers") or [])
    vague_phrases = Phrases(" ".join(k) for k in vague)
    vague_heads = vague_quantifiers.heads | vague_phrases.heads
    return _NumLex(
        decimal=str(data.get("decimal", ".")),
        space_groups=space_groups,
        multipliers=multipliers,
        multiplier_phrases=Phrases(" ".join(k) for k in multipliers),
        approx=approx,
        approx_phrases=approx_phrases,
        vague=vague,
        vague_phrases=vague_phrases,
        vague_quantifiers=vague_quantifiers,
        vague_join=Phrases(data.get("vague_join") or []),
        not_alone=frozenset(fold(str(w)) for w in data.get("not_alone") or []),
        alone_before=Phrases(data.get("alone_before") or []),
        not_numbers=not_numbers,
        joiners=frozenset(fold(str(w)) for w in data.get("joiners") or []),
        ranges=ranges,
        range_articles=frozenset(fold(str(w)) for w in data.get("range_articles") or []),
        change_verbs=frozenset(fold(str(w)) for w in data.get("change_verbs") or []),
        digits_re=digits_re,
        times=_value_map(data.get("times")),
        times_phrases=times_phrases,
        ages=Phrases(data.get("ages") or []),
        age_before=Phrases(data.get("age_before") or []),
        vague_words=frozenset(key[0] for key in vague if len(key) == 1),
        vague_heads=vague_heads,
        heads=not_numbers.heads | approx_phrases.heads | times_phrases.heads | vague_heads,
    )


# ---------------------------------------------------------------------------------------------------------
# Matches
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in a text.

    Attributes
    ----------
    start, end : int
        Offsets of the expression (a range includes its prefix: "tra 10.000 e 12.000").
    value : int
        The number; for a range, its low end (see :func:`find_numbers`).
    low, high : int or None
        Bounds of a range; a vague plural ("centinaia") has ``low`` = ``value`` and no ``high``.
    approx_word : bool
        The expression is itself approximate ("una dozzina", "a dozen", "une vingtaine").
    vague : bool
        A vague plural ("decine", "hundreds", "des milliers"): ``value`` is a lower bound.
    spelled : bool
        Written in words rather than digits.
    article : bool
        An article that counts one before a noun of the lexicon's ``alone_before`` ("una persona è
        morta"): a figure only where a casualty word makes it one.
    """

    start: int
    end: int
    value: int
    low: int | None = None
    high: int | None = None
    approx_word: bool = False
    vague: bool = False
    spelled: bool = False
    article: bool = False


@dataclass
class _Raw:
    i: int  # first token
    j: int  # one past the last token
    value: int
    mult: int = 1
    approx_word: bool = False
    vague: bool = False
    spelled: bool = False
    article: bool = False


#: The most words :class:`_NumberWords` keeps per language before it starts again.
NUMBER_WORDS_SIZE = 1 << 16


class _NumberWords(dict):
    """The value text2num reads in each string asked about, lower-cased by the caller (None: no number), for one
    language: a pure function of the words, kept (text2num parses each word anew: a tenth of the figure reader's
    time).  Looked up as a dict (``values[word]``, read on a miss), so that a pass over a document's words stays a
    comprehension; emptied when it holds :data:`NUMBER_WORDS_SIZE` strings, so that it stays bounded."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, words: str) -> int | None:
        if len(self) >= NUMBER_WORDS_SIZE:
            self.clear()
        try:
            value: int | None = int(text2num(words, self.lang))
        except (ValueError, TypeError):
            value = None
        self[words] = value
        return value


_NUMBER_WORDS: dict[str, _NumberWords] = {}


def _number_words(lang: str) -> _NumberWords:
    """The :class:`_NumberWords` of ``lang``."""
    values = _NUMBER_WORDS.get(lang)
    if values is None:
        values = _NUMBER_WORDS[lang] = _NumberWords(lang)
    return values


class _WordHeads(dict):
    """Whether a word of an ASCII text (its token's text: the word lower-cased) may start a spelled-out number of
    :func:`_find_words`: a letter first, no one-word vague plural, and a value text2num reads in it
    (:class:`_NumberWords`) or an article of ``not_alone``. A pure function of the word, kept per language as
    :class:`_NumberWords` keeps the values (read on a miss, emptied at :data:`NUMBER_WORDS_SIZE` words): the pass
    over a document's tokens reads one dict per token."""

    def __init__(self, lex: _NumLex, values: _NumberWords) -> None:
        super().__init__()
        self.lex, self.values = lex, values

    def __missing__(self, word: str) -> bool:
        if len(self) >= NUMBER_WORDS_SIZE:
            self.clear()
        lex = self.lex
        found = self[word] = bool(word[0].isalpha() and word not in lex.vague_words
                                  and (self.values[word] is not None or word in lex.not_alone))
        return found


_WORD_HEADS: dict[str, _WordHeads] = {}


def _word_heads(lang: str, lex: _NumLex) -> _WordHeads:
    """The :class:`_WordHeads` of ``lang`` (made anew when its lexicon is another)."""
    heads = _WORD_HEADS.get(lang)
    if heads is None or heads.lex is not lex:
        heads = _WORD_HEADS[lang] = _WordHeads(lex, _number_words(lang))
    return heads


def _t2n(words: str, lang: str) -> int | None:
    """The value text2num reads in ``words`` (lower-cased; None: no number)."""
    return _number_words(lang)[words]


_SPACES_RE = re.compile(r"[\s\u00a0\u202f\u2009]")


def _digit_value(s: str, lex: _NumLex, has_mult: bool) -> float | None:
    """Read a digit string: a separator followed by exactly three digits groups thousands, except the
    language's decimal mark before a multiplier ("1.500 million" in English is 1.5 million)."""
    if s.isdigit():
        return float(s)  # most numbers: no separator to read
    s = _SPACES_RE.sub("", s)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s)
    if len(set(seps)) == 2:  # "1.200,50" / "1,200.50": the last one is the decimal mark
        dec = s[max(s.rfind("."), s.rfind(","))]
        if s.count(dec) > 1:
            return None  # "1.623,427.54": no number a reporter writes
        return float(s.replace("." if dec == "," else ",", "").replace(dec, "."))
    sep = seps[0]
    groups = s.split(sep)
    three = all(len(g) == 3 for g in groups[1:])
    if len(groups) > 2 or (three and not (has_mult and sep == lex.decimal)):
        return float("".join(groups)) if three else None
    return float(s.replace(sep, "."))


def _find_digits(text: str, folded: str, toks: Sequence[Token], lex: _NumLex, used: list[bool]) -> list[_Raw]:
    out: list[_Raw] = []
    size = len(toks)
    for m in lex.digits_re.finditer(folded):
        s, e = m.span()
        i = bisect_left(toks, s, key=_START)  # the token starting at s, if one does
        if i == size or toks[i].start != s:
            continue
        j = i  # the token ending at e, if one does: the match spans a few tokens from its first
        while j < size and toks[j].end < e:
            j += 1
        if j == size or toks[j].end != e:
            continue
        j += 1
        nxt = text[e : e + 1]
        if nxt and nxt in "°ºª":
            continue
        if nxt in ("/", ":") and text[e + 1 : e + 2].isdigit():
            continue  # a date (6/1/2026) or a clock time (10:30)
        mult = 1
        glued = j < len(toks) and toks[j].start == e and toks[j].text[:1].isalpha()
        n = lex.multiplier_phrases.match_at(toks, j)
        if n and (glued or toks[j].start > e):
            mult = lex.multipliers[tuple(t.text for t in toks[j : j + n])]
            j += n
        elif glued:
            continue  # "82nd", "5G", "100km", "17h": not a count
        value = _digit_value(m.group(), lex, mult > 1)
        if value is None:
            continue
        total = value * mult
        if abs(total - round(total)) > 1e-6:
            continue  # "12,5" alone is no count
        for k in range(i, j):
            used[k] = True
        out.append(_Raw(i, j, int(round(total)), mult=mult))
    return out


def _find_phrases(
    toks: Sequence[Token], used: list[bool], phrases: Phrases, values: dict[tuple[str, ...], int], among: list[int],
    **flags: bool,
) -> list[_Raw]:
    out: list[_Raw] = []
    after = 0  # a phrase read moves on past its tokens
    for k in _at_heads(toks, phrases.heads, among):
        if k < after or used[k]:
            continue
        n = phrases.match_at(toks, k)
        if n and not any(used[k : k + n]):
            out.append(_Raw(k, k + n, values[tuple(t.text for t in toks[k : k + n])], spelled=True, **flags))
            for x in range(k, k + n):
                used[x] = True
            after = k + n
    return out


def _at_heads(toks: Sequence[Token], heads: frozenset[str], among: list[int]) -> list[int]:
    """The positions, of those in ``among``, of the tokens whose text is in ``heads`` (the first words of a word
    list): a reader walks these instead of every token.  ``among`` holds the positions of all the lexicon's heads
    (``_NumLex.heads``), found in one pass over the text."""
    return [k for k in among if toks[k].text in heads]


def _find_vague(
    text: str, toks: Sequence[Token], used: list[bool], lex: _NumLex, lang: str, among: list[int]
) -> list[_Raw]:
    out: list[_Raw] = []
    after = 0  # a vague number read moves on past its tokens
    # only where a quantifier or vague word starts
    for k in _at_heads(toks, lex.vague_heads, among):
        if k < after:
            continue
        prev = toks[k - 1] if k else None
        if used[k] or (prev is not None and _t2n(text[prev.start : prev.end].lower(), lang) is not None):
            continue  # "due milioni" is a number, not the vague "milioni"
        q = lex.vague_quantifiers.match_at(toks, k)
        n = lex.vague_phrases.match_at(toks, k + q)
        if not n or any(used[k : k + q + n]):
            continue
        value = lex.vague[tuple(t.text for t in toks[k + q : k + q + n])]
        j = k + q + n
        while True:  # "decine di migliaia", "hundreds of thousands"
            jn = lex.vague_join.match_at(toks, j)
            n2 = lex.vague_phrases.match_at(toks, j + jn) if jn else 0
            if not n2 or any(used[j : j + jn + n2]):
                break
            value *= lex.vague[tuple(t.text for t in toks[j + jn : j + jn + n2])]
            j += jn + n2
        out.append(_Raw(k, j, value, vague=True, spelled=True))
        for x in range(k, j):
            used[x] = True
        after = j
    return out


def _find_words(text: str, toks: Sequence[Token], used: list[bool], lex: _NumLex, lang: str) -> list[_Raw]:
    out: list[_Raw] = []

    def word(x: int) -> str:
        return text[toks[x].start : toks[x].end].lower()

    vague_words, not_alone = lex.vague_words, lex.not_alone
    values = _number_words(lang)
    # the words that start a number (text2num reads them, or an article of ``not_alone``), in one pass over the
    # text: _find_words moves on past what it marks used, and skips every other word.  An ASCII text's folded
    # words are its lower-cased words: the tokens' own texts are read then, without a slice for each word.
    if text.isascii():
        starts = _word_heads(lang, lex)
        heads = [x for x, t in enumerate(toks) if starts[t.text] and not used[x]]
    else:
        heads = [
            x
            for x, t in enumerate(toks)
            if not used[x]
            and t.text[0].isalpha()
            and t.text not in vague_words
            and (values[text[t.start : t.end].lower()] is not None or t.text in not_alone)
        ]
    after = 0  # the first token not yet read: a number read marks its tokens used and moves on past them
    for k in heads:
        if k < after:
            continue
        t = toks[k]
        first = values[text[t.start : t.end].lower()]
        if first is None and t.text in lex.not_alone:
            first = 1  # "eine", "einer": articles text2num does not read, one before a noun of ``alone_before``
        if first is None:
            continue
        best_j, best_v = k + 1, first
        j = k + 1
        while j < len(toks) and j - k < 12 and not used[j] and toks[j].text[0].isalpha():
            w = toks[j].text
            if not (w in lex.joiners or (w,) in lex.multipliers or _t2n(word(j), lang) is not None):
                break
            v = _t2n(" ".join(word(x) for x in range(k, j + 1)), lang)
            if v is not None:
                best_j, best_v = j + 1, v
            j += 1
        n = lex.multiplier_phrases.match_at(toks, best_j)
        if n and not any(used[best_j : best_j + n]):  # "two dozen"
            best_v = (best_v or 0) * lex.multipliers[tuple(x.text for x in toks[best_j : best_j + n])]
            best_j += n
        article = best_j == k + 1 and t.text in lex.not_alone
        # "a Bangladeshi peacekeeper was killed": one capitalised word may stand between; "a 54-year-old
        # woman", "eine 50 Jahre alte Frau": an age too; "un'altra persona": the elided article's apostrophe
        n = k + 1 + (k + 1 < len(toks) and toks[k + 1].text == "'")
        n += _age_length(text, toks, n, lex, lang)
        demonym = n + 1 < len(toks) and text[toks[n].start].isupper() and toks[n].text.isalpha()
        if article and best_v != 0 and (
            lex.alone_before.match_at(toks, n) or (demonym and lex.alone_before.match_at(toks, n + 1))
        ):
            pass  # "una persona è morta", "un Casque bleu a été tué": the article counts one
        elif best_j == k + 1 and (t.text in lex.not_alone or best_v == 0):
            continue
        for x in range(k, best_j):
            used[x] = True
        out.append(_Raw(k, best_j, int(best_v or 0), spelled=True, article=article))
        after = best_j
    return out


def _age_length(text: str, toks: Sequence[Token], k: int, lex: _NumLex, lang: str) -> int:
    """Tokens of an age phrase starting at ``toks[k]`` ("di 61 anni", "54-year-old", "im Alter von 27, 31
    und 32 Jahren", lexicon ``ages``/``age_before``); 0 when none starts there."""
    m = k + lex.age_before.match_at(toks, k)
    numbers = 0
    while m < len(toks):
        t = toks[m]  # the word as written is read only when the token is no digit string
        if not (t.text.isdigit() or (t.text not in lex.not_alone and _t2n(text[t.start : t.end].lower(), lang)
                                     is not None)):
            break
        numbers += 1
        m += 1
        if m + 1 < len(toks) and (toks[m].text == "," or toks[m].text in lex.joiners) and toks[m + 1].text.isdigit():
            m += 1  # "27, 31 und 32 Jahren"
    if not numbers:
        return 0
    if m < len(toks) and toks[m].text == "-":
        m += 1  # "54-year-old", "38-jährige"
    n = lex.ages.match_at(toks, m)
    return m + n - k if n else 0


def age_length(text: str, toks: Sequence[Token], k: int, lang: str) -> int:
    """Length in tokens of an age phrase starting at ``toks[k]``, 0 if none.

    Parameters
    ----------
    text : str
        The original text the tokens were made from.
    toks : sequence of Token
        Its tokens (:func:`tokenize` of the folded text).
    k : int
        Where the phrase would start.
    lang : str
        Language code; ``ages`` and ``age_before`` of the ``numbers`` lexicon name the words.

    Returns
    -------
    int
        "di 61 anni", "54-year-old", "de 70 años", "im Alter von 27, 31 und 32 Jahren" are ages: a
        count of years that says who a person is, no figure.
    """
    return _age_length(text, toks, k, _numlex(lang), lang)


def _prefix_len(toks: Sequence[Token], i: int, prefix: tuple[str, ...], lex: _NumLex) -> int | None:
    """Tokens taken by ``prefix`` (and an optional article) before ``toks[i]``; None if absent."""
    if not prefix:
        return 0
    for art in (0, 1):
        if art and not (i >= 1 and toks[i - 1].text in lex.range_articles):
            continue
        s = i - art - len(prefix)
        if s >= 0 and tuple(t.text for t in toks[s : i - art]) == prefix:
            return len(prefix) + art
    return None


def _gap_is(toks: Sequence[Token], a: _Raw, b: _Raw, joiner: tuple[str, ...], lex: _NumLex) -> bool:
    """The tokens between ``a`` and ``b`` are ``joiner``, perhaps followed by articles ("tra i 10.000 e i
    12.000"); read from the first, so that a long gap is given up at its first word."""
    n = len(joiner)
    if b.i - a.j < n:
        return False
    for k in range(n):
        if toks[a.j + k].text != joiner[k]:
            return False
    return all(toks[k].text in lex.range_articles for k in range(a.j + n, b.i))


def _merge_ranges(
    toks: Sequence[Token], raws: list[_Raw], lex: _NumLex
) -> list[tuple[int, int, _Raw, _Raw | None]]:
    """Pair consecutive plain numbers into ranges: (first token, end token, low, high or None)."""
    out: list[tuple[int, int, _Raw, _Raw | None]] = []
    k = 0
    while k < len(raws):
        a = raws[k]
        b = raws[k + 1] if k + 1 < len(raws) else None
        merged = False
        if b is not None and not (a.vague or b.vague or a.approx_word or b.approx_word):
            for prefix, joiner in lex.ranges:
                if not _gap_is(toks, a, b, joiner, lex):
                    continue  # (read first: most pairs of numbers stand far apart)
                p = _prefix_len(toks, a.i, prefix, lex)
                if p is None:
                    continue
                if prefix and any(t.text in lex.change_verbs for t in toks[max(0, a.i - p - 3) : a.i - p]):
                    continue  # "salire da 12.000 a 20.000": a change, not a range
                low = a.value
                if a.mult == 1 and b.mult > 1 and a.value * b.mult <= b.value:
                    low = a.value * b.mult  # "10-12 mila", "between 10 and 12 thousand"
                if low >= b.value:
                    continue
                out.append((a.i - p, b.j, _Raw(a.i, a.j, low, spelled=a.spelled), b))
                merged = True
                break
        if merged:
            k += 2
        else:
            out.append((a.i, a.j, a, None))
            k += 1
    return out


def _merge_bracketed(toks: Sequence[Token], raws: list[_Raw], lang: str) -> list[_Raw]:
    """One number for a count spelled out and repeated in digits in brackets ("deux (2) soldats", "un (1) civil",
    "trois (03) blessés"), as official statements write them: the digits join the word before of the same value."""
    out: list[_Raw] = []
    for r in raws:
        bracketed = (
            not r.spelled and r.i > 1 and r.j < len(toks) and toks[r.i - 1].text == "(" and toks[r.j].text == ")"
        )
        if bracketed and out and out[-1].j == r.i - 1 and out[-1].value == r.value:
            out[-1] = dataclasses.replace(out[-1], j=r.j + 1)
        elif bracketed and (not out or out[-1].j < r.i - 2) and _t2n(toks[r.i - 2].text, lang) == r.value:
            out.append(dataclasses.replace(r, i=r.i - 2, j=r.j + 1, spelled=True))  # "un (1)": the article word
        else:
            out.append(r)
    return out


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Find every number expression in ``text``.

    Parameters
    ----------
    text : str
        Any text.
    lang : str
        Language code; its ``numbers`` lexicon decides the decimal mark, multipliers and number words.

    Returns
    -------
    list of NumberMatch
        In text order.  A range ("tra 10.000 e 12.000", "10-12 thousand") is one match with
        ``value = low``: the least the text asserts, as for vague plurals ("centinaia" -> 100).
        Numbers glued to letters ("F-16", "82nd", "G7"), clock times ("10:30") and numeric dates
        are not returned; "un"/"a"/"une" alone are articles, not the number one.  Deciding whether
        a number is a year, a time or a figure is left to :mod:`geo.figures`.
    """
    lex = _numlex(lang)
    folded = fold(text)
    toks = _tokens(folded, 0, len(folded))
    used = [False] * len(toks)
    heads = lex.heads
    among = [k for k, t in enumerate(toks) if t.text in heads]  # where a phrase of the lexicon may start
    after = 0
    for k in _at_heads(toks, lex.not_numbers.heads, among):  # "per cento", "pour cent": not numbers
        if k < after:
            continue
        n = lex.not_numbers.match_at(toks, k)
        for x in range(k, k + n):
            used[x] = True
        after = k + max(n, 1)
    raws = _find_digits(text, folded, toks, lex, used)
    raws += _find_phrases(toks, used, lex.approx_phrases, lex.approx, among, approx_word=True)
    raws += _find_phrases(toks, used, lex.times_phrases, lex.times, among)  # "twice", "dreimal"
    raws += _find_vague(text, toks, used, lex, lang, among)
    raws += _find_words(text, toks, used, lex, lang)
    raws = _merge_bracketed(toks, sorted(raws, key=lambda r: r.i), lang)
    out: list[NumberMatch] = []
    for i, j, a, b in _merge_ranges(toks, raws, lex):
        start, end = toks[i].start, toks[j - 1].end
        if b is None:
            low = a.value if a.vague else None
            out.append(NumberMatch(start, end, a.value, low, None, a.approx_word, a.vague, a.spelled, a.article))
        else:
            out.append(
                NumberMatch(start, end, a.value, a.value, b.value, False, False, a.spelled and b.spelled)
            )
    return out


def parse_number(text: str, lang: str) -> int | None:
    """Read ``text`` as one number expression.

    Parameters
    ----------
    text : str
        Such as "12.000", "12,000", "1,5 milioni", "20 mila", "ventimila", "twenty thousand",
        "una dozzina", "centinaia" or "tra 10 e 12 mila".
    lang : str
        Language code.

    Returns
    -------
    int or None
        The value (a range gives its low end); ``None`` when ``text`` is not exactly one number.

    Examples
    --------
    >>> parse_number("1,5 milioni", "it")
    1500000
    >>> parse_number("twenty thousand", "en")
    20000
    """
    stripped = text.strip()
    found = find_numbers(stripped, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None
