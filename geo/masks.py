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
from collections.abc import Iterator, Set
from functools import cache
from operator import attrgetter

from geo.cues import Cues, word_frequency
from geo.normalize import fold_key
from geo.sentences import LIST_JOINERS, Token

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
                  headline: frozenset[int] = frozenset()) -> tuple[list[tuple[int, int]], set[str]]:
    """Spans of person names, and the surnames seen (folded).

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
    tuple of (list of (int, int), set of str)
        Spans of person names, and the folded surnames they end with.
    """
    spans: list[tuple[int, int]] = []
    surnames: set[str] = set()
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
        return longer_place_at(k) or any(
            c.entity.kind != "city" or c.entity.capital_of or c.entity.population >= SPEAKER_MAX_POPULATION
            for c in gazetteer.candidates(tokens[k].key))

    def longer_place_at(i: int) -> bool:
        """A gazetteer name of two or more tokens starts here ("Ben Gurion Airport", "Santa Cruz")."""
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
                    and gazetteer.candidates(tokens[j].key) and tokens[j + 1].key in cues.first_names:
                j += 1
            if j < n and j > i and tokens[j].capitalised and not tokens[j].all_caps and plain_gap(j - 1, j) \
                    and not longer_place_at(j):
                end = j + 1 if j in headline else run_from(j)  # "Hurricane Milton Hits Florida Coast"
                spans.append((tokens[j].start, tokens[end - 1].end))
                surnames.add(tokens[end - 1].key)
                i = end
                continue
        if tok.capitalised and not tok.all_caps and tok.key in cues.first_names and i + 1 < n:
            nxt = tokens[i + 1]
            tail_of_place = i > 0 and text[tokens[i - 1].end : tok.start] in JOINER_GAPS and gazetteer.candidates(
                fold_key(text[tokens[i - 1].start : tok.end]))  # "West Virginia Division"
            # A first name that is also a region or a country ("Georgia", "Virginia") starts a person's
            # name only before a rare, name-like word: "Georgia Bureau of Investigation" is no person.
            place_first = any(c.primary and c.entity.kind in ("country", "admin1", "region")
                              for c in gazetteer.candidates(tok.key))  # not "Emilia", a weak alias
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
                    surnames.add(tokens[end - 1].key)
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
                surnames.add(tokens[end - 1].key)
                i = end
                continue
        i += 1
    return spans, surnames


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


#: The first character of a word right after an opening bracket, a comma and a space, a dash (spaced or
#: not: "Roma-Lazio", "Italia - Spagna"), as group 1; the masks check the gap before the word themselves.
_AFTER_BRACKET = re.compile(r"\(([^\W_])")
_AFTER_COMMA = re.compile(r", ([^\W_])")
_AFTER_DASH = re.compile(r"(?: [-–] |[-–])([^\W_])")


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

    The name is the fewest words before the bracket that open with the acronym's first letter and
    hold its letters in order; a name that is itself a place the gazetteer knows ("Democratic
    Republic of the Congo (DRC)") is no organisation and stays.

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
        key = acronym.lower()
        for k in range(i - 1, max(-1, i - 1 - ACRONYM_NAME_MAX_WORDS), -1):
            gap = text[tokens[k].end : tokens[k + 1].start] if k + 1 < i else text[tokens[k].end : tok.start - 1]
            if any(c in gap for c in ".,;:!?()[]\"«»“”\n"):
                break
            words = tokens[k:i]
            if len(words) < 2 or words[0].key[:1] != key[0] or not words[0].capitalised:
                continue
            if _subsequence(key, "".join(w.key for w in words)):
                name = text[words[0].start : words[-1].end]
                if gazetteer is None or not gazetteer.candidates(name):
                    spans += [(words[0].start, words[-1].end), (tok.start, tok.end)]
                break
    return spans


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
    if first.start != m.end() or not first.capitalised or first.key[:1] != acronym[0].lower():
        return []
    key = acronym.lower()
    for k in range(i + 2, min(len(tokens), i + 1 + ACRONYM_NAME_MAX_WORDS)):
        if any(c in text[tokens[k - 1].end : tokens[k].start] for c in ".,;:!?()[]\"«»“”\n"):
            return []
        if _subsequence(key, "".join(w.key for w in tokens[i + 1 : k + 1])):
            name = text[first.start : tokens[k].end]
            return [] if gazetteer is not None and gazetteer.candidates(name) else [(first.start, tokens[k].end)]
    return []


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


_SCORE = re.compile(r"\s+\d{1,2}\s?[-–:]\s?\d{1,2}\b")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|%)")


def fixture_spans(tokens: list[Token], text: str, cues: Cues) -> list[tuple[int, int]]:
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
