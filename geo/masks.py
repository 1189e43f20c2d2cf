"""Masks: what is not a place, found before the gazetteer is asked.

Buildings and institutions (lexicon ``not_places``: "Quai d'Orsay", "Casa Bianca") are not toponyms:
the documented rule is *no mention*, never the place they stand for. Person names are found from
titles ("il generale", "spokeswoman") and first names (lexicon ``persons``, all languages together,
since an Italian article names Polish ministers); the surnames they end with are reported, so that
"Austin" after "Lloyd Austin" is no place later in the document. Organisation names hide the place
inside them ("Banca d'Italia", "University of Kent", "Boston Globe"), and so do teams in a fixture
("la partita Ecuador - Polonia", "Roma-Lazio 2-0").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Set
from functools import cache
from operator import attrgetter

from geo.cues import Cues, acronym_small_words, word_frequency
from geo.normalize import fold_key
from geo.sentences import LIST_JOINERS, OF_WORDS, Token, sentence_at

JOINER = re.compile(r"^(?: |-|'|’|\. ?| - )$")
#: The strings :data:`JOINER` matches (``$`` also matches before a final line break), for a set lookup
#: where every gap between two tokens of a document is tested.
JOINER_GAPS = frozenset(g + end for g in (" ", "-", "'", "’", ".", ". ", " - ") for end in ("", "\n"))


#: A capitalised neighbour rarer than this (Zipf) makes a one-word town part of a name.
NAME_WORD_MAX_ZIPF = 4.0


#: A word rarer than this is no word of the language at all: a name ("Dewly"), unlike "Taliban".
UNKNOWN_WORD_MAX_ZIPF = 2.0


SPEAKER_MAX_POPULATION = 100_000

_FIRST_WORD = re.compile(r"[^\W_]*")


@cache
def _first_word(phrase: str) -> str:
    """The run of letters and digits a phrase starts with ("" when it starts otherwise)."""
    return _FIRST_WORD.match(phrase).group()


@cache
def _phrase_index(phrases: frozenset[str]) -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """The non-empty phrases in the set's order, and their positions in it by first word ("" for a phrase
    that starts with no word)."""
    ordered = tuple(p for p in phrases if p)
    by_first: dict[str, list[int]] = {}
    for k, phrase in enumerate(ordered):
        by_first.setdefault(_first_word(phrase), []).append(k)
    return ordered, by_first


def phrase_spans(folded: str, phrases: frozenset[str], words: Set[str] | None = None) -> list[tuple[int, int]]:
    """Occurrences of any phrase, on word boundaries, in folded text.

    Parameters
    ----------
    folded : str
        The text folded by :func:`geo.normalize.fold` (same offsets as the text).
    phrases : frozenset of str
        Folded phrases (lexicon ``not_places``).
    words : set of str, optional
        The folded words (runs of letters and digits) of the text: a phrase whose first word is none
        of them is not looked for.

    Returns
    -------
    list of (int, int)
        Start and end offsets, end exclusive.
    """
    spans = []
    if words is None:
        looked_for = [p for p in phrases if p]
    else:  # on word boundaries, a phrase's first word is a word of the text: only those are looked for
        ordered, by_first = _phrase_index(phrases)
        found = [k for w in by_first.keys() & words for k in by_first[w]]  # the smaller side is walked
        looked_for = [ordered[k] for k in sorted(found + by_first.get("", []))]
    for phrase in looked_for:
        start = folded.find(phrase)
        while start != -1:
            end = start + len(phrase)
            before = folded[start - 1] if start else " "
            after = folded[end] if end < len(folded) else " "
            if not before.isalnum() and not after.isalnum():
                spans.append((start, end))
            start = folded.find(phrase, start + 1)
    return spans


def person_spans(tokens: list[Token], text: str, cues: Cues, gazetteer,
                  headline: frozenset[int] = frozenset()) -> tuple[list[tuple[int, int]], dict[str, set[str]]]:
    """Spans of person names, and the surnames seen (folded, with the ways they were written).

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues
        Titles, first names, name particles and speech verbs of the document's language.
    gazetteer : geo.gazetteer.Gazetteer
        To tell a first name that is also a place ("Georgia") from a person's.
    headline : frozenset of int, optional
        Indices of tokens in title-case or upper-case sentences, where a first name takes one
        capitalised word at most.

    Returns
    -------
    tuple of (list of (int, int), dict of str to set of str)
        Spans of person names, and the folded surnames they end with, each with its lower-case written forms
        (accents kept: the surname "Pâris" is no "Paris").
    """
    spans: list[tuple[int, int]] = []
    surnames: dict[str, set[str]] = {}
    n = len(tokens)

    def plain_gap(a: int, b: int) -> bool:
        return text[tokens[a].end : tokens[b].start].strip(" .") == ""

    def particle_at(j: int) -> bool:
        """A name particle joining two capitalised words: "Mike de Kock", "Óscar de la Hoya"."""
        k = j
        while k < n and k - j < 2 and tokens[k].key in cues.name_particles and not tokens[k].capitalised \
                and text[tokens[k - 1].end : tokens[k].start] == " ":
            k += 1
        return k > j and k < n and tokens[k].capitalised and text[tokens[k - 1].end : tokens[k].start] == " "

    def run_from(i: int, limit: int = 3) -> int:
        """Index past a run of capitalised tokens starting at i (joined by spaces/hyphens)."""
        j = i
        while j < n and j - i < limit and tokens[j].capitalised and (
            not tokens[j].all_caps or len(tokens[j].text) == 1  # an initial: "George W. Bush"
        ):
            gap = text[tokens[j - 1].end : tokens[j].start] if j > i else ""
            if j > i and (gap not in JOINER_GAPS or (gap.startswith(".") and len(tokens[j - 1].text) > 1)):
                break  # a full stop joins only an initial: "George W. Bush", not "Stoltenberg. Germany"
            j += 1
        return j

    def notable_place_at(k: int) -> bool:
        """A longer place name, or a place of note, starts at token k ("da Rio de Janeiro", "di Torino")."""
        return longer_place_at(k) or _notable_place(tokens[k], cues, gazetteer)

    def longer_place_at(i: int) -> bool:
        """A gazetteer name of two or more tokens starts here ("Ben Gurion Airport", "Santa Cruz")."""
        if i + 2 > n or text[tokens[i].end : tokens[i + 1].start] not in JOINER_GAPS:
            return False  # every name looked up below holds the first two tokens and the gap between them
        if not gazetteer.continues(fold_key(text[tokens[i].start : tokens[i + 1].end])):
            # no gazetteer name starts with the first two words (the key :meth:`Gazetteer.candidates` would
            # look up for two words, a prefix of those of three and four): three lookups that would all miss
            return False
        for length in (4, 3, 2):
            if (
                i + length <= n
                and all(text[tokens[k].end : tokens[k + 1].start] in JOINER_GAPS for k in range(i, i + length - 1))
                and gazetteer.candidates(fold_key(text[tokens[i].start : tokens[i + length - 1].end]))
            ):
                return True
        return False

    # Only a title's first word or a first name starts a person's name: the loop visits those tokens only.
    starters = cues.name_starters
    starts = [k for k, t in enumerate(tokens) if t.key in starters]
    i = m = 0
    while True:
        while m < len(starts) and starts[m] < i:
            m += 1
        if m == len(starts):
            break
        i = starts[m]
        tok = tokens[i]
        # A title, then up to two lower-case words of nationality or office, then a name:
        # "il generale polacco Andrzej Nowak", "President Zelensky".  A place right after the
        # title ("il presidente Usa Joe Biden") stays a place when a name follows it.
        title_end = (_match_title(tokens, i, text, cues.titles)
                     if tok.key in cues.title_first_words and (tok.start == 0 or text[tok.start - 1] in " \n\t(\"“«"
                                                               or _ELIDED.match(text, max(0, tok.start - 2)))
                     else 0)
        if title_end and longer_place_at(i):
            title_end = 0  # "Storm Lake police": the town, not a storm
        if title_end:
            j = title_end
            skipped = 0
            while j < n and skipped < 2 and not tokens[j].capitalised and tokens[j].key not in cues.locative \
                    and tokens[j].key not in cues.stopwords and tokens[j].key not in cues.speech_verbs \
                    and (tokens[j].key in cues.demonyms or tokens[j].key in cues.title_words) \
                    and plain_gap(j - 1, j):  # "il generale polacco", "the foreign minister"; not "visited"
                j += 1
                skipped += 1
            if j + 1 < n and tokens[j].capitalised and tokens[j + 1].capitalised and plain_gap(j, j + 1) \
                    and _notable_place(tokens[j], cues, gazetteer) and tokens[j + 1].key in cues.first_names:
                j += 1
            # two first names after a title start the name even when they also name a town together
            # ("Senator Maria Elena Rivera": Maria Elena, Chile)
            two_first_names = j + 1 < n and tokens[j].key in cues.first_names and tokens[j + 1].key in cues.first_names
            if j < n and j > i and tokens[j].capitalised and not tokens[j].all_caps and plain_gap(j - 1, j) \
                    and (not longer_place_at(j) or two_first_names):
                end = j + 1 if j in headline else run_from(j)  # "Hurricane Milton Hits Florida Coast"
                spans.append((tokens[j].start, tokens[end - 1].end))
                surnames.setdefault(tokens[end - 1].key, set()).add(tokens[end - 1].text.lower())
                i = end
                continue
        if tok.capitalised and not tok.all_caps and tok.key in cues.first_names and i + 1 < n:
            nxt = tokens[i + 1]
            tail_of_place = i > 0 and text[tokens[i - 1].end : tok.start] in JOINER_GAPS and gazetteer.candidates(
                fold_key(text[tokens[i - 1].start : tok.end]))  # "West Virginia Division"
            # A first name that is also a region or a country ("Georgia", "Virginia") starts a person's
            # name only before a rare, name-like word: "Georgia Bureau of Investigation" is no person.
            # A foreign unit's name after an article or a locative, or before a direction word, is the unit:
            # "nel Victoria Orientale" (rule FOREIGN_UNIT_FIRST_NAME only reads a bare first name).
            area_context = (i > 0 and (tokens[i - 1].key in cues.articles or tokens[i - 1].key in cues.locative)) \
                or nxt.key in cues.direction_after
            place_first = _area_first_name(tok, cues, gazetteer, home_only=not area_context)  # not "Emilia"
            speaks = i + 2 < n and tokens[i + 2].key in cues.speech_verbs  # "Florence Hart said"
            surname_like = not place_first or len(nxt.text) == 1 or speaks or (
                name_like(nxt) and word_frequency(nxt.key, cues.lang) < NAME_WORD_MAX_ZIPF) or (
                nxt.key in cues.first_names and i + 2 < n and tokens[i + 2].capitalised) or (  # "Paul Francis Floyd"
                nxt.key in cues.first_names and _two_first_names(tok, nxt, gazetteer))  # "Léon Charles"
            if particle_at(i + 1) and not tail_of_place and not notable_place_at(i):
                k = i + 1
                while not tokens[k].capitalised:
                    k += 1
                if not notable_place_at(k):
                    end = run_from(k)  # "Mike de Kock", "Roger van Boxtel", "Óscar de la Hoya"
                    spans.append((tok.start, tokens[end - 1].end))
                    surnames.setdefault(tokens[end - 1].key, set()).add(tokens[end - 1].text.lower())
                    i = end
                    continue
            # A first name that is also a place starts no person before a country's name or a word that is
            # no surname (lexicon ``not_surnames``): "Tracy Police"; provinces are surnames too ("Ashley
            # Sutton", "Peter Moyo").
            if nxt.capitalised and (not nxt.all_caps or len(nxt.text) == 1) and text[tok.end : nxt.start] == " " \
                    and not tail_of_place and surname_like and nxt.key not in cues.feature_suffixes \
                    and not longer_place_at(i) and not _no_surname(tok, nxt, cues, gazetteer):  # "Henry County"
                if i in headline:  # "Sarah Jessica Parker Returns": over first names, then one word
                    end = i + 1
                    while end < n and tokens[end].key in cues.first_names and end - i < 3:
                        end += 1
                    end = min(end + 1, n)
                else:
                    end = run_from(i + 1, limit=4)
                spans.append((tok.start, tokens[end - 1].end))
                surnames.setdefault(tokens[end - 1].key, set()).add(tokens[end - 1].text.lower())
                i = end
                continue
        i += 1
    return spans, surnames


def _notable_place(tok: Token, cues: Cues, gazetteer) -> bool:
    """Whether a word names, as its first reading, a place of note: a country, a region, a first-level unit
    (one of the home countries' in a language that has them: see :func:`_area_first_name`), a capital or
    a city of ``SPEAKER_MAX_POPULATION``. "il presidente Usa Joe Biden" keeps its country before the
    name, "il senatore Ramsey Lewis" is one person (Ramsey: small towns); a minor spelling of a big city
    counts for nothing."""
    for c in gazetteer.candidates(tok.key):
        if not c.primary:
            continue
        e = c.entity
        if e.kind == "city" and (e.capital_of or e.population >= SPEAKER_MAX_POPULATION):
            return True
        if e.kind != "city" and (e.kind != "admin1" or not cues.home_countries or e.country in cues.home_countries):
            return True
    return False


def _area_first_name(tok: Token, cues: Cues, gazetteer, home_only: bool = True) -> bool:
    """Whether a first name is also the name of an area that a reader of the language knows by it: a
    country, a region, or a first-level unit, which in a language with home countries (lexicon
    ``home_countries``) must be one of theirs. "Georgia", "Virginia" in English; "Paola" in Italian is
    a woman, not a council of Malta, and "Paul" is no municipality of Cape Verde (rule
    FOREIGN_UNIT_FIRST_NAME). With ``home_only`` false any first-level unit counts ("nel Victoria
    Orientale": after an article or a locative, or before a direction word)."""
    for c in gazetteer.candidates(tok.key):
        if not c.primary or c.entity.kind not in ("country", "admin1", "region"):
            continue
        if c.entity.kind != "admin1" or not home_only or not cues.home_countries \
                or c.entity.country in cues.home_countries:
            return True
    return False


def _two_first_names(first: Token, nxt: Token, gazetteer) -> bool:
    """Two first names in a row name a person ("Léon Charles"), unless the first is a country's name
    ("Georgia") or the second names an area ("Victoria Texas")."""
    return not any(c.primary and c.entity.kind == "country" for c in gazetteer.candidates(first.key)) \
        and not any(c.primary and c.entity.kind != "city" for c in gazetteer.candidates(nxt.key))


def _no_surname(first: Token, nxt: Token, cues: Cues, gazetteer) -> bool:
    """Whether ``nxt`` cannot be the surname after ``first``, a first name that is also a place: a
    country's name, or a word of the lexicon ``not_surnames`` ("Tracy Police")."""
    if nxt.key in cues.first_names or not (nxt.key in cues.not_surnames or any(
            c.primary and c.entity.kind == "country" and fold_key(c.entity.name) == nxt.key
            for c in gazetteer.candidates(nxt.key))):
        return False
    return bool(gazetteer.candidates(first.key))


def _match_title(tokens: list[Token], i: int, text: str, titles: frozenset[str]) -> int:
    """If a title starts at token i, return the index of the token after it, else 0.

    A title written with a dot in the lexicon ("m.", "gen.") needs its dot in the text."""
    for length in (3, 2, 1):
        if i + length > len(tokens):
            continue
        end = tokens[i + length - 1].end
        phrase = fold_key(text[tokens[i].start : end])
        if phrase in titles or (phrase + "." in titles and text[end : end + 1] == "."):
            return i + length
    return 0


_ELIDED = re.compile(r"[^\W\d_]['’]")  # "l'ouragan": a title after an elided article; not "'Mr."


CONNECTORS = frozenset({"di", "d", "del", "della", "dello", "dei", "degli", "delle", "per", "l", "of", "the", "de",
                         "du", "des", "la", "le", "les", "and", "e", "et", "&"})


def organisation_spans(tokens: list[Token], text: str, cues: Cues) -> list[tuple[int, int]]:
    """Names of organisations that hold a place: "Banca d'Italia", "University of Kent".

    The span runs from the head word over capitalised words and connectors (up to six tokens).

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues

    Returns
    -------
    list of (int, int)
        Start and end offsets of the spans to mask, end exclusive.
    """
    spans = []
    for i, tok in enumerate(tokens):
        if not tok.capitalised or tok.key not in cues.org_heads:
            continue
        j = i + 1
        last = i
        while j < len(tokens) and j - i <= 6 and text[tokens[j - 1].end : tokens[j].start] in (" ", "'", "’", " '"):
            if tokens[j].capitalised:
                last = j
            elif tokens[j].key not in CONNECTORS or last > i:
                break  # "Istituto Floriani di Vimercate": a named body, then the place where it is
            j += 1
        if last > i:
            spans.append((tokens[i].start, tokens[last].end))
    return spans


#: Longest organisation name spelled out before its acronym, in words.
ACRONYM_NAME_MAX_WORDS = 12
#: Words after the first of such a name that may give its acronym no letter, when none is spelled strictly.
ACRONYM_SILENT_WORDS = 2
#: Letters a word of such a name may give from inside it after its first, when none is spelled strictly.
ACRONYM_INNER_LETTERS = 2


#: The first character of a word right after an opening bracket, a comma and a space, a dash (spaced or
#: not: "Roma-Lazio", "Italia - Spagna"), as group 1; the masks check the gap before the word themselves.
_AFTER_BRACKET = re.compile(r"\(([^\W_])")
_AFTER_COMMA = re.compile(r", ([^\W_])")
#: The dash's: read from the dash, the space after it only when one stands before it (" - " or "-", as
#: "(?: [-–] |[-–])" reads them, the same group 1), so that the pattern starts with a character class and is
#: tried only at dashes (the regular expression engine's prefix scan), not at every character of the text.
_AFTER_DASH = re.compile(r"[-–](?:(?<= [-–]) )?([^\W_])")


def _tokens_after(pattern: re.Pattern, tokens: list[Token], text: str) -> Iterator[int]:
    """Indices, in text order, of the tokens that start where ``pattern``'s group 1 matches ``text``:
    the few tokens a mask need look at, found by one scan of the text."""
    for m in pattern.finditer(text):
        k = bisect_left(tokens, m.start(1), key=_START)
        if k < len(tokens) and tokens[k].start == m.start(1):
            yield k


_START = attrgetter("start")


def acronym_spans(tokens: list[Token], text: str, gazetteer=None) -> list[tuple[int, int]]:
    """Names spelled out before their acronym in brackets, and the acronym: "UN Mission in Kosovo
    (UNMIK)", "Kosovo Force (KFOR)", "Agence nationale de l'aviation civile (ANAC)".

    The name is the fewest words before the bracket, the first capitalised, whose openings spell the
    acronym (:func:`_spelled_by_initials`: small words and parts of hyphenated words may give no letter;
    "Etiopia ... le Forze di difesa nazionali (Endf)" keeps the place); a name that is itself a place the
    gazetteer knows ("Democratic Republic of the Congo (DRC)") is no organisation and stays.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the spans to mask, end exclusive.
    """
    spans = []
    for i in _tokens_after(_AFTER_BRACKET, tokens, text):  # the tokens right after "(", not every token
        tok = tokens[i]
        acronym = tok.text
        if not (2 <= len(acronym) <= 10 and acronym.isalpha() and acronym[0].isupper() and i
                and text[tok.start - 1 : tok.start] == "(" and text[tok.end : tok.end + 1] == ")"):
            continue
        key = fold_key(acronym)  # folded as the words' keys: "Cédéao" is spelled by "Communauté économique ..."
        first = i
        while first > max(0, i - ACRONYM_NAME_MAX_WORDS):
            gap = text[tokens[first - 1].end : tokens[first].start if first < i else tok.start - 1]
            if any(c in gap for c in ".,;:!?()[]\"«»“”\n"):
                break
            first -= 1
        starts = [k for k in range(i - 2, first - 1, -1) if tokens[k].key[:1] == key[0] and tokens[k].capitalised]
        k = next((k for loose in (False, True) for k in starts
                  if _spelled_by_initials(key, tokens[k:i], text, loose=loose)), None)
        if k is not None:
            name = text[tokens[k].start : tokens[i - 1].end]
            if gazetteer is None or not gazetteer.candidates(name):
                spans += [(tokens[k].start, tokens[i - 1].end), (tok.start, tok.end)]
    return spans


@cache
def organisation_heads(cues: Cues) -> frozenset[str]:
    """The heads of organisations' names (lexicon ``org_name_heads``, ``org_heads``, one word each), folded as
    tokens' keys are: "agency", "bureau", "agenzia".

    Parameters
    ----------
    cues : geo.cues.Cues

    Returns
    -------
    frozenset of str
    """
    return frozenset(fold_key(w) for w in cues.org_name_heads | cues.org_heads if " " not in w)


_AFTER_ACRONYM = re.compile(r" ?\( ?| [-–] ")
_BRACKET = re.compile(r"\(")
_ACRONYM_WORD = re.compile(r"[^\W\d_]+")


def spelled_after_spans(tokens: list[Token], text: str, gazetteer=None) -> list[tuple[int, int]]:
    """Names spelled out after their acronym: "Unmik (United Nations Mission in Kosovo)",
    "(Minusca - Mission des Nations unies en Centrafrique)". The name runs from the bracket or the dash
    over at most ``ACRONYM_NAME_MAX_WORDS`` words without punctuation, up to the fewest words that hold
    the acronym's letters in order (the first word opening with its first letter); a name that is
    itself a place the gazetteer knows stays.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the names to mask, end exclusive.
    """
    spans = []
    if "(" not in text:
        return spans
    ends = {t.end: k for k, t in enumerate(tokens)}
    for bracket in (m.start() for m in _BRACKET.finditer(text)):
        # the acronym before the bracket ("Unifil (United ...") or right inside it ("(Unifil - United ...")
        word = _ACRONYM_WORD.match(text, bracket + 1)
        for i in (ends.get(bracket - 1 if text[bracket - 1 : bracket] == " " else bracket),
                  ends.get(word.end()) if word else None):
            if i is not None and i + 2 < len(tokens):
                spans += _spelled_after(tokens, i, text, gazetteer)
    return spans


def _spelled_after(tokens: list[Token], i: int, text: str, gazetteer) -> list[tuple[int, int]]:
    """The name spelled out after the acronym at token i, as a one-span list, or []."""
    tok = tokens[i]
    acronym = tok.text
    if not (2 <= len(acronym) <= 10 and acronym.isalpha() and acronym[0].isupper()):
        return []
    m = _AFTER_ACRONYM.match(text, tok.end)
    if m is None or ("(" not in m.group() and text[tok.start - 1 : tok.start] != "("):
        return []  # a dash joins the name only inside a bracket: "(Unifil - United Nations ...)"
    first = tokens[i + 1]
    key = fold_key(acronym)  # folded as the words' keys: "Cédéao (Communauté ...)", "Émirats"
    if first.start != m.end() or not first.capitalised or first.key[:1] != key[:1]:
        return []
    for k in range(i + 2, min(len(tokens), i + 1 + ACRONYM_NAME_MAX_WORDS)):
        if any(c in text[tokens[k - 1].end : tokens[k].start] for c in ".,;:!?()[]\"«»“”\n"):
            return []
        if _subsequence(key, "".join(w.key for w in tokens[i + 1 : k + 1])):
            name = text[first.start : tokens[k].end]
            return [] if gazetteer is not None and gazetteer.candidates(name) else [(first.start, tokens[k].end)]
    return []


def _spelled_by_initials(key: str, words: list[Token], text: str, loose: bool = False) -> bool:
    """Whether the acronym ``key`` (folded) is spelled by the openings of ``words``, in order.

    Each word gives its first letter or first few ("Kosovo Force" KFOR, "UN Mission in Kosovo" UNMIK);
    a small word (:func:`geo.cues.acronym_small_words`: "of", "delle", "du", "sur", "Nations unies") or
    an elided article ("dell'Unità") may give none; the parts of a hyphenated word give from their
    openings, and one part is enough ("Co-operation", "Counter-Terrorism"); a possessive's "s" gives
    none ("Sheriff's Office"). In "Etiopia ... le Forze di difesa nazionali (Endf)" the letters are in
    the words since the place, but do not open them in order: no name.

    Parameters
    ----------
    key : str
        The acronym, folded.
    words : list of geo.sentences.Token
        The words of the name, the first giving the acronym's first letter.
    text : str
        The text the tokens index.
    loose : bool, optional
        The second reading, tried when no name is spelled strictly: up to ``ACRONYM_SILENT_WORDS`` words
        after the first may give no letter ("African Union Mission in Burundi (AMIB)", "Mission
        multidimensionnelle des Nations unies au Burundi (Minub)", a trailing place), and a word may give
        up to ``ACRONYM_INNER_LETTERS`` more letters from inside it, after its first (compounds:
        "Bundesverwaltungsamt", "Transnational"; the s of "Unmanned Aerial Vehicles (UAVs)"); only in a
        name holding a capitalised word after its first (a proper name, not "Mexico's acute haemorrhagic
        fever").

    Returns
    -------
    bool
    """
    if loose and not any(w.capitalised for w in words[1:]):
        return False
    small = acronym_small_words()
    # (letters spelled, whether the current word has given its letters or need not, silent words, whether a
    # capitalised word after the first gave a letter: the loose reading needs one)
    states = {(0, True, 0, False)}
    for k, word in enumerate(words):
        gap = text[words[k - 1].end : words[k].start] if k else ""
        if gap in ("'", "’") and len(word.key) == 1:
            continue  # "Sheriff's Office": the possessive's "s" is the word's and gives nothing
        part = gap in ("-", "–")  # "Co-ordination": a part of the word before
        if not part:
            elided = not word.capitalised and text[word.end : word.end + 1] in ("'", "’") \
                and text[word.end + 1 : word.end + 2].isalpha()  # "dell'Unità": an elided article
            free = word.key in small or elided
            done = {(pos, silent, cg) for pos, gave, silent, cg in states if gave}  # the word before is done
            states = {(pos, free, silent, cg) for pos, silent, cg in done}
            shout = len(word.key) > 2 and text[word.start : word.end].isupper()  # a dateline's place
            if loose and k and not shout:
                states |= {(pos, True, silent + 1, cg) for pos, silent, cg in done if silent < ACRONYM_SILENT_WORDS}
        nxt = {s for s in states if k}  # giving no letter; the first word gives the first
        for pos, _, silent, cg in states:
            cg2 = cg or (k > 0 and word.capitalised)
            n = 1
            while n <= len(word.key) and key[pos : pos + n] == word.key[:n]:
                nxt.add((pos + n, True, silent, cg2))
                if loose:  # more letters from inside the word, after its opening ones
                    p, at = pos + n, n
                    while p < len(key) and p - pos - n < ACRONYM_INNER_LETTERS:
                        at = word.key.find(key[p], at)
                        if at < 0:
                            break
                        p, at = p + 1, at + 1
                        nxt.add((p, True, silent, cg2))
                n += 1
        states = nxt
        if not states:
            return False
    return any(pos == len(key) and gave and (cg or not loose) for pos, gave, _, cg in states)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


_SCORE = re.compile(r"\s+\d{1,2}\s?[-–:]\s?\d{1,2}\b")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|%)")


def fixture_spans(tokens: list[Token], text: str, cues: Cues, gazetteer=None) -> list[tuple[int, int]]:
    """Teams in a fixture: "la partita Ecuador - Polonia", "the Milan - Lazio match". Two capitalised
    words joined by a spaced dash, with a sports word (lexicon ``sports_cues``) among the five words
    before them or right after, name teams, not places; "la tratta Napoli - Roma" keeps its towns,
    and so does "the Russia - Ukraine war" in a sentence about a "final deal". A result right after
    the pair makes it a fixture whatever the dash ("Roma-Lazio 2-0", "Italy - Spain 1:1").

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues
    gazetteer : geo.gazetteer.Gazetteer, optional
        To tell a town of the home countries beside a club (lexicon ``club_names``); without it a club makes
        no fixture.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the spans to mask, end exclusive.
    """
    if not cues.sports_cues or "-" not in text and "–" not in text:
        return []
    spans = []
    for j in _tokens_after(_AFTER_DASH, tokens, text):  # the words after a dash, not every word
        k = j - 1
        if k < 0:
            continue
        a, b = tokens[k], tokens[j]
        gap = text[a.end : b.start]
        if gap not in (" - ", " – ", "-", "–"):
            continue
        score = _SCORE.match(text, b.end)  # "Roma-Lazio 2-0": a result makes any dash a fixture
        unit = _NEXT_WORD.match(text, score.end()) if score else None
        if unit and fold_key(unit.group(1)) in cues.not_after_number:
            score = None  # "Milano-Napoli 5-6 chilometri", "Roma-Parigi 2-3 volte": a range, no result
        cue_before = k and (tokens[k - 1].key in cues.sports_cues or tokens[k - 1].key in cues.sports_cues_beside)
        # "Atalanta - Torino": a club beside a club or a town of the home countries makes a fixture; not "the
        # Russia - Arsenal deal", "il fronte Kharkiv - Celtic" (rule CLUB_FIXTURE)
        club = a.capitalised and b.capitalised and gazetteer is not None and (
            a.key in cues.club_names and (b.key in cues.club_names or _home_town(b, cues, gazetteer))
            or b.key in cues.club_names and _home_town(a, cues, gazetteer))
        if club:
            spans += [(a.start, a.end), (b.start, b.end)]
            continue
        if not score and gap in ("-", "–") and not cue_before:
            continue  # "Milano-Napoli" is a route; "la partita Bologna-Lecce" a match
        if score and a.capitalised and b.capitalised:
            spans += [(a.start, a.end), (b.start, b.end)]
            continue
        alone = (k == 0 or not tokens[k - 1].capitalised) and (k + 2 >= len(tokens) or not tokens[k + 2].capitalised)
        if alone and a.capitalised and b.capitalised:
            after = {tokens[k + 2].key} if k + 2 < len(tokens) else set()
            near = {t.key for t in tokens[max(0, k - 5) : k]} | after
            beside = ({tokens[k - 1].key} if k else set()) | after  # "la finale Italia - Inghilterra"
            if near & cues.sports_cues or beside & cues.sports_cues_beside:
                spans += [(a.start, a.end), (b.start, b.end)]
    return spans


def opponent_spans(tokens: list[Token], text: str, cues: Cues,
                   sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Teams named as opponents in a sports report: in a sentence with a word of a match (lexicons
    ``sports_cues``, ``match_words``), the names after "contro", "against" (``opponent_words``) and
    the names listed with them are teams: "esordì in nazionale contro l'Australia", "ha giocato contro
    Australia, Sudafrica e Nuova Zelanda". Without such a word, "contro la Russia" stays a place.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the names to mask, end exclusive.
    """
    if not cues.opponent_words:
        return []
    lowered = text.lower()
    if not any(w in lowered for w in cues.opponent_words):
        return []  # the cheap test first: no "contro", "against" in the text
    spans = []
    articles = cues.articles  # "contro l'Australia", "gegen die Niederlande": an article before the team
    n, k = len(tokens), 0
    for _, s_end in sentences:
        first = k
        while k < n and tokens[k].start < s_end:
            k += 1
        words = tokens[first:k]
        if not any(t.key in cues.opponent_words for t in words) or not any(
                t.key in cues.sports_cues or t.key in cues.match_words for t in words):
            continue
        for j in range(first, k):
            if tokens[j].key not in cues.opponent_words:
                continue
            q = j + 1
            while q < k:
                if tokens[q].key in articles and not tokens[q].capitalised:
                    q += 1
                if q >= k or not tokens[q].capitalised:
                    break
                end = q
                while end + 1 < k and tokens[end + 1].capitalised and text[tokens[end].end : tokens[end + 1].start] \
                        in JOINER_GAPS and end - q < 2:
                    end += 1
                spans.append((tokens[q].start, tokens[end].end))
                nxt = end + 1
                if nxt < k and text[tokens[end].end : tokens[nxt].start].strip() == ",":
                    q = nxt  # "contro Australia, Sudafrica e Nuova Zelanda"
                elif nxt + 1 < k and tokens[nxt].key in LIST_JOINERS and \
                        text[tokens[end].end : tokens[nxt].start] == " ":
                    q = nxt + 1
                else:
                    break
    return spans


def age_spans(tokens: list[Token], text: str, cues: Cues) -> list[tuple[int, int]]:
    """A person's name followed by an age, the way news reports introduce people: "Jordan Lee, 19,";
    "Sofia Ferrara, 34 anni" (lexicon ``age_words``, persons).  Two or three capitalised words, or a
    first name alone ("Hailey, 6,"), a comma, a number of one to three digits, then a comma or an age
    word.

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues

    Returns
    -------
    list of (int, int)
        Start and end offsets of the names, end exclusive.
    """
    spans = []
    for j in _tokens_after(_AFTER_COMMA, tokens, text):  # the tokens right after ", ", not every token
        if j == 0:
            continue
        k = j - 1
        age = tokens[j]
        if text[tokens[k].end : age.start] != ", " or not age.text.isdigit() or len(age.text) > 3:
            continue
        after = text[age.end : age.end + 1]
        nxt = tokens[k + 2].key if k + 2 < len(tokens) else ""
        if after != "," and not (after == " " and nxt in cues.age_words):
            continue
        first = k
        while first > 0 and k - first < 2 and text[tokens[first - 1].end : tokens[first].start] == " " \
                and name_like(tokens[first - 1]) and tokens[first - 1].key not in cues.stopwords:
            first -= 1
        if name_like(tokens[k]) and (first < k or tokens[k].key in cues.first_names):  # "Hailey, 6,"
            spans.append((tokens[first].start, tokens[k].end))
    return spans


def name_like(tok: Token) -> bool:
    """Written like a person's name: a capital, then lower case ("Bryant", not "NBA" or "WineFestival")."""
    return tok.text[:1].isupper() and tok.text[1:].islower()


#: A result inside a sentence ("2-0", "3 - 1"): with no unit after it, the sentence reports a match.
_RESULT = re.compile(r"(?<![\d.,])\d{1,2} ?[-–] ?\d{1,2}(?![\d.,]?\d)")
#: Capitalised tokens a team's name may run over ("Real Madrid", "Nuova Zelanda"), joined by these gaps.
TEAM_NAME_MAX_TOKENS = 3
_TEAM_GAPS = frozenset({" ", "-", "'", "’"})
_OPENING = frozenset(",;:(\"“«—–-")


def match_report(tokens: list[Token], text: str, cues: Cues, sentence: tuple[int, int]) -> bool:
    """Whether a sentence reports a match, by unambiguous evidence only: a word used of sport alone (lexicon
    ``sport_only_words``: "campionato", "league", written in lower case), a club no place is named after
    (``club_names``, capitalised), or a result ("2-1") followed by nothing but punctuation or a function
    word (lexicon ``stopwords``): "2-1 in Lisbon"; "5-6 chilometri", "killing 10-15 civilians" are ranges.
    "goal", "gol", "squad", "match" are no evidence: "with the goal of freeing hostages".

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues
    sentence : (int, int)
        The sentence's start and end offsets.

    Returns
    -------
    bool
    """
    start, end = sentence
    k = bisect_left(tokens, start, key=_START)
    while k < len(tokens) and tokens[k].start < end:
        tok = tokens[k]
        if tok.key in cues.sport_only_words and not tok.capitalised or tok.key in cues.club_names and name_like(tok):
            return True
        k += 1
    for m in _RESULT.finditer(text, start, end):
        word = _NEXT_WORD.match(text, m.end())
        after = fold_key(word.group(1)) if word and word.start(1) < end else None
        if after is None or after in cues.stopwords and after not in cues.not_after_number:
            return True  # "2-1.", "2-1 in Lisbon"; not "10-15 civilians", "2-3 volte", "5-6 km"
    return False


def match_verb_spans(tokens: list[Token], text: str, cues: Cues, sentences: list[tuple[int, int]]
                     ) -> list[tuple[int, int]]:
    """Teams around the verb of a match's result (lexicon ``match_verbs``), in a sentence that reports a match
    (:func:`match_report`): the name right before the verb (over its auxiliaries, ``match_auxiliaries``) and
    the name right after it (after a link, ``match_verb_links``, and an article) are teams, not places: "il
    Milan ha battuto la Lazio 2-0", "Bayern beat Porto 3-1 in the league". Without such evidence no name is
    hidden: "L'Ucraina ha battuto la Russia a Kharkiv", "Ukraine beat Russia at Kharkiv". A place after a
    locative stays a place: "il Napoli batte la Juventus 2-1 a Torino" (rule TEAMS_AROUND_A_RESULT).

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    cues : geo.cues.Cues
    sentences : list of (int, int)
        The sentences' spans, in text order.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the teams' names, end exclusive.
    """
    if not cues.match_verbs:
        return []
    spans: list[tuple[int, int]] = []
    reports = _match_reports(tokens, text, cues, sentences)
    for k, tok in enumerate(tokens):
        if tok.key not in cues.match_verbs or tok.capitalised:
            continue
        teams = [team for team in (_team_before(tokens, k, text, cues), _team_after(tokens, k, text, cues))
                 if team is not None]
        if not teams:
            continue
        if reports(tok.start):
            spans += teams
    return spans


def _match_reports(tokens: list[Token], text: str, cues: Cues, sentences: list[tuple[int, int]]
                   ) -> Callable[[int], bool]:
    """Whether the sentence holding an offset reports a match (:func:`match_report`), read once per sentence
    however many of its words ask (a mask's candidates ask again for the sentence they share)."""
    known: dict[tuple[int, int], bool] = {}

    def reports(offset: int) -> bool:
        sentence = sentence_at(sentences, offset)
        found = known.get(sentence)
        if found is None:
            found = known[sentence] = match_report(tokens, text, cues, sentence)
        return found

    return reports


def _team_before(tokens: list[Token], k: int, text: str, cues: Cues) -> tuple[int, int] | None:
    """The name ending right before the verb at token k and its auxiliaries, opened by an article, a list's
    joiner, punctuation or the sentence's start; None when there is none."""
    j = k - 1
    while j >= 0 and k - j <= 3 and not tokens[j].capitalised and tokens[j].key in cues.match_auxiliaries \
            and text[tokens[j].end : tokens[j + 1].start] == " ":
        j -= 1
    if j < 0 or not tokens[j].capitalised or tokens[j].all_caps and len(tokens[j].text) > 3 \
            or text[tokens[j].end : tokens[j + 1].start] != " ":
        return None
    first = j
    while first > 0 and j - first < TEAM_NAME_MAX_TOKENS - 1 and tokens[first - 1].capitalised \
            and text[tokens[first - 1].end : tokens[first].start] in _TEAM_GAPS \
            and tokens[first - 1].key not in cues.articles:
        first -= 1
    if first == 0:
        return tokens[first].start, tokens[j].end
    prev = tokens[first - 1]
    gap = text[prev.end : tokens[first].start]
    opened = prev.key in cues.articles or prev.key in LIST_JOINERS or any(c in _OPENING for c in gap) \
        or "\n" in gap
    return (tokens[first].start, tokens[j].end) if opened else None


def _team_after(tokens: list[Token], k: int, text: str, cues: Cues) -> tuple[int, int] | None:
    """The name right after the verb at token k, past a link and an article; None when there is none."""
    j = k + 1
    n = len(tokens)
    if j < n and not tokens[j].capitalised and tokens[j].key in cues.match_verb_links \
            and text[tokens[j - 1].end : tokens[j].start] == " ":
        j += 1
    if j < n and not tokens[j].capitalised and tokens[j].key in cues.articles \
            and text[tokens[j - 1].end : tokens[j].start] == " ":
        j += 1
    if j >= n or not tokens[j].capitalised or text[tokens[j - 1].end : tokens[j].start] not in _TEAM_GAPS:
        return None
    last = j
    while last + 1 < n and last - j < TEAM_NAME_MAX_TOKENS - 1 and tokens[last + 1].capitalised \
            and text[tokens[last].end : tokens[last + 1].start] in _TEAM_GAPS:
        last += 1
    return tokens[j].start, tokens[last].end


def club_list_spans(tokens: list[Token], text: str, cues: Cues, gazetteer) -> list[tuple[int, int]]:
    """Clubs listed after an article (lexicon ``club_list_articles``): a town takes no article, so a list of
    towns after one lists teams: "ha giocato nel Genoa, Torino e Bologna". Every name of the list must be a
    town of the language's home countries and nothing larger (:func:`_home_town`: "nel Lazio, Abruzzo e
    Molise" lists regions, "nel Donetsk, Luhansk e Zaporizhzhia" oblasts, "nella Bucha, Irpin e Hostomel"
    towns abroad), the first must not start a name with its article ("della Spezia, Massa e Carrara"), and
    the list must go on past the first name (rule CLUBS_LISTED).

    Returns
    -------
    list of (int, int)
        Start and end offsets of the clubs' names, end exclusive.
    """
    if not cues.club_list_articles or not cues.home_countries:
        return []
    spans = []
    n = len(tokens)
    read: set[int] = set()
    for i in _tokens_after(_AFTER_COMMA, tokens, text):  # only lists are looked at: the items after a comma
        # walk back to the list's first name over single names joined by ", "
        first = i
        while first >= 2 and text[tokens[first - 2].end : tokens[first - 1].start] == ", " \
                and tokens[first - 1].capitalised:
            first -= 1
        first -= 1
        if first < 1 or first in read or not tokens[first].capitalised:
            continue
        read.add(first)
        art = tokens[first - 1]
        if art.key not in cues.club_list_articles or text[art.end : tokens[first].start] not in (" ", "'", "’") \
                or (art.capitalised and art.key not in cues.articles):
            continue
        items = [first]
        k = first
        while k + 1 < n:
            gap = text[tokens[k].end : tokens[k + 1].start]
            if gap == ", " and tokens[k + 1].capitalised:
                k += 1
            elif gap == " " and tokens[k + 1].key in LIST_JOINERS and k + 2 < n and tokens[k + 2].capitalised \
                    and text[tokens[k + 1].end : tokens[k + 2].start] == " ":
                k += 2
            else:
                break
            items.append(k)
            if gap == " ":
                break  # "e Palermo" ends the list
        if len(items) < 2:
            continue  # "al largo del Giglio, causando danni": a lower-case word after the comma, no list
        if all(_home_town(tokens[q], cues, gazetteer) or tokens[q].key in cues.club_names for q in items):
            spans += [(tokens[q].start, tokens[q].end) for q in items]
    return spans


def _home_town(tok: Token, cues: Cues, gazetteer) -> bool:
    """A name read first as a town of the language's home countries (lexicon ``home_countries``), whose
    other readings are towns or the province named after that town ("Verona": the town and its province),
    with no country, region or first-level unit of its own anywhere ("Donetsk", "Kursk": oblasts; "Kent":
    a county) and no name that starts with an article ("La Spezia", "L'Aquila")."""
    cands = gazetteer.candidates(tok.key)
    if not cands or not cues.home_countries:
        return False
    top = cands[0].entity
    if top.kind != "city" or top.country not in cues.home_countries:
        return False
    own = {c.entity.admin1 for c in cands if c.entity.kind == "city" and c.entity.country in cues.home_countries}
    return all(c.entity.kind == "city" or c.entity.kind == "admin1" and c.entity.admin1 in own
               for c in cands) \
        and not any(gazetteer.candidates(f"{a}{gap}{tok.key}") for a in cues.articles for gap in (" ", "'"))


def scorer_spans(tokens: list[Token], text: str, cues: Cues, sentences: list[tuple[int, int]]
                 ) -> list[tuple[int, int]]:
    """Players named after the noun of a goal (lexicon ``scorer_nouns``) and "of" with no article, in a
    sentence that reports a match (:func:`match_report`): "il gol di Ferrara ha deciso il derby 2-1", "el gol
    de Costa en la liga". A team takes its article there ("il gol del Napoli"); without a match report the
    name stays: "Il gol di Kiev è resistere" (rule SCORER_OF_A_GOAL).

    Returns
    -------
    list of (int, int)
        Start and end offsets of the players' names, end exclusive.
    """
    if not cues.scorer_nouns:
        return []
    spans = []
    n = len(tokens)
    reports = _match_reports(tokens, text, cues, sentences)
    for k, tok in enumerate(tokens[:-2]):
        if tok.key not in cues.scorer_nouns or tok.capitalised:
            continue
        of, name = tokens[k + 1], tokens[k + 2]
        if of.key not in OF_WORDS or of.capitalised or text[tok.end : of.start] != " " \
                or text[of.end : name.start] != " " or not name_like(name) \
                or not reports(tok.start):
            continue
        end = k + 2
        while end + 1 < n and end - k < 3 and name_like(tokens[end + 1]) \
                and text[tokens[end].end : tokens[end + 1].start] == " ":
            end += 1
        spans.append((name.start, tokens[end].end))
    return spans


def player_spans(tokens: list[Token], text: str, cues: Cues, sentences: list[tuple[int, int]],
                 gazetteer) -> list[tuple[int, int]]:
    """A small town's name right before a verb of a player's action (lexicon ``player_verbs``, after at most
    one auxiliary), in a sentence that reports a match (:func:`match_report`), is the player: "Al 70' Matera
    raddoppia e il derby finisce 2-0". Not after a locative or a club's article ("il Matera segna": the
    club), and without a match report the town stays: "Avdiivka segna la fine di un'epoca" (rule
    PLAYER_SCORES).

    Returns
    -------
    list of (int, int)
        Start and end offsets of the players' names, end exclusive.
    """
    if not cues.player_verbs:
        return []
    spans = []
    n = len(tokens)
    reports = _match_reports(tokens, text, cues, sentences)
    # only a word before a player's verb or an auxiliary can be the player: the others are not read
    verbs = cues.player_verbs | cues.match_auxiliaries
    for k in [j - 1 for j, t in enumerate(tokens) if j and t.key in verbs]:
        tok = tokens[k]
        if not name_like(tok) or text[tok.end : tokens[k + 1].start] != " ":
            continue
        verb = k + 1
        if tokens[verb].key in cues.match_auxiliaries and verb + 1 < n \
                and text[tokens[verb].end : tokens[verb + 1].start] == " ":
            verb += 1
        if tokens[verb].key not in cues.player_verbs:
            continue
        if k and (tokens[k - 1].key in cues.locative or tokens[k - 1].key in cues.club_articles):
            continue
        if _small_town(gazetteer.candidates(tok.key)) and reports(tok.start):
            spans.append((tok.start, tok.end))
    return spans


def _small_town(cands) -> bool:
    """Readings of towns smaller than ``SPEAKER_MAX_POPULATION`` and, at most, the units named after them: no
    capital, country, region or natural area ("Matera": the town and its province)."""
    towns = [c.entity for c in cands if c.entity.kind == "city"]
    return bool(towns) and all(not e.capital_of and e.population < SPEAKER_MAX_POPULATION for e in towns) \
        and all(c.entity.kind in ("city", "admin1") for c in cands)


#: A name then its points in a table: "Napoli 30," "Milan 27)"; not "Milano 30 gradi" (a word after the number).
_POINTS_AFTER = re.compile(r" (\d{1,3})(?=[,;.)\n]|$)")
#: A standings heading: the heading word (lexicon ``standings_words``) right before a colon at a line's or a
#: sentence's start ("Classifica:", "Standings:", "Classement général :").
_HEADING = re.compile(r"(?:^|(?<=[\n.]) ?)([^\W\d_]+)(?: ([^\W\d_]+))? ?:", re.M)


def table_spans(tokens: list[Token], text: str, cues: Cues, sentences: list[tuple[int, int]],
                gazetteer) -> list[tuple[int, int]]:
    """Teams in a league table: after a standings heading (a word of lexicon ``standings_words``, perhaps
    with one more word, right before a colon at a sentence's start: "Classifica:", "Standings:"), the names
    each followed by a number of points are teams: "Classifica: Napoli 30, Inter 28, Milan 27" (rule
    TEAMS_IN_A_TABLE). A round-up with no such heading keeps its places ("Casualties by region (points of
    impact): Donetsk 12"), a number with a word after it gives no team ("Milano 30 gradi"), and a country or
    a first-level unit is never hidden.

    Returns
    -------
    list of (int, int)
        Start and end offsets of the teams' names, end exclusive.
    """
    if not cues.standings_words or ":" not in text:
        return []
    spans = []
    n, k = len(tokens), 0
    for s_start, s_end in sentences:
        first = k
        while k < n and tokens[k].start < s_end:
            k += 1
        head = _HEADING.match(text, s_start)
        if head is None or fold_key(head.group(1)) not in cues.standings_words:
            continue
        for j in range(first, k - 1):
            tok = tokens[j]
            if not name_like(tok):
                continue
            m = _POINTS_AFTER.match(text, tok.end)
            if m is None or m.end(1) > s_end:
                continue  # "Milano 30 gradi": a word after the number (no match), no table's "Napoli 30,"
            begin = j
            while begin > first and name_like(tokens[begin - 1]) \
                    and text[tokens[begin - 1].end : tokens[begin].start] in _TEAM_GAPS \
                    and j - begin < TEAM_NAME_MAX_TOKENS - 1:
                begin -= 1  # "Real Madrid 30"
            if any(c.primary and c.entity.kind in ("country", "region")
                   for c in gazetteer.candidates(fold_key(text[tokens[begin].start:tok.end]))) \
                    or _first_level_unit(tokens[begin], cues, gazetteer):
                continue  # "Siria 40", "Donetsk 12": a country or a unit is no team
            spans.append((tokens[begin].start, tok.end))
    return spans


def _first_level_unit(tok: Token, cues: Cues, gazetteer) -> bool:
    """A first-level unit of its own (an oblast, a state), not just the province named after an Italian town."""
    cands = gazetteer.candidates(tok.key)
    towns = {c.entity.admin1 for c in cands if c.entity.kind == "city"}
    return any(c.entity.kind in ("admin1", "region", "country") and not (
        c.entity.kind == "admin1" and c.entity.admin1 in towns and c.entity.country in cues.home_countries)
        for c in cands if c.primary)
