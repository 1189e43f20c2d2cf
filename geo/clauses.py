"""Where a sentence's clauses and asides begin and end, and which side of a border a place is: the readings of
the text that the role model (:mod:`geo.role_model`) and the figures (:mod:`geo.figures`, :mod:`geo.figure_places`)
share.

The text is read here once, as words and punctuation: quotes and dashes that open another clause, the marks that
open and close an aside ("12 soldiers - most of them reservists - in A"), the link between a border noun and the
place after it. What a place *does* in its sentence (its role) and where a figure stands are decided by the modules
that import this one; nothing here imports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from geo.events import EventProfile
from geo.normalize import fold

#: Quotes between two names: the second stands in another clause (a speaker's words, or the words around them).
QUOTES = "\"«»“”"

#: Quotes and dashes between two names: the second opens another clause (:func:`geo.role_model._clause_between`,
#: which also reads a hyphen between spaces, " - ", as a dash).
QUOTE_DASH = QUOTES + "–—"

#: Where an aside opens ("12 soldiers - most of them reservists - in A", "(after the attack on A)"): a bracket; a
#: hyphen-minus standing between spaces; an en or em dash after a space, before a space or against the aside's first
#: word (the Spanish raya: "6 drones —un récord— sobre A"). A hyphen or dash inside a word or a number opens none
#: ("Ivano-Frankivsk", "Bosnia–Herzegovina", "Ukraine-bound", "2022-23"). Read by geo.figures (a count's aside, rule
#: ASIDE_BEFORE_PLACE) and geo.figure_places (rule ASIDES_PLACE), with :func:`aside_close`.
ASIDE_OPEN = re.compile(r"\(|(?<!\S)-(?!\S)|(?<!\S)[–—](?!\S)|(?<!\S)[–—](?=\w)")
#: Where an aside closes: a bracket's at the bracket; a dash's at any dash, whichever of the three opened it (" - ... –
#: in A"), a hyphen-minus after a space, an en or em dash after a space or against the aside's last word ("—un
#: récord—"), and either before a space or a punctuation mark ("– so der Gouverneur –, in A"), not inside a word or a
#: number ("Ivano-Frankivsk", "2–3").
_BRACKET_CLOSE = re.compile(r"\)")
_DASH_CLOSE = re.compile(r"(?<!\S)-(?!\w)|(?:(?<!\S)|(?<=\w))[–—](?!\w)")


def aside_close(text: str, k: int, stop: int) -> int | None:
    """Where the aside that opens at ``text[k]`` (a match of :data:`ASIDE_OPEN`) closes before ``stop``.

    Parameters
    ----------
    text : str
        The document's text (its dashes as written: not folded).
    k : int
        The offset of the aside's opening mark.
    stop : int
        The offset the aside must close before.

    Returns
    -------
    int or None
        The offset of its closing mark (a bracket, or a dash that stands inside no word: the hyphen of
        "Ivano-Frankivsk" closes none), None when it does not close before ``stop``.
    """
    found = (_BRACKET_CLOSE if text[k] == "(" else _DASH_CLOSE).search(text, k + 1, stop)
    return found.start() if found else None


#: Punctuation that ends a clause for the ``clause:*`` features of :mod:`geo.role_model` (its ``_clause_span``).
CLAUSE_BREAKS = ";:()" + QUOTE_DASH

#: The most words of a bracketed aside that only names what stands before it ("Arakan Army (AA)", "Forces
#: for Change (Front Uni)"): such an aside ends no clause (:func:`name_aside_breaks`).
NAME_ASIDE_WORDS = 3


def _names_only(inside: str) -> bool:
    """The text between brackets is a name or an acronym: 1 to :data:`NAME_ASIDE_WORDS` words, each opening with
    an upper-case letter and holding no digit ("ADF", "Front Uni"; not "which attacked Kyiv", "local time", "UFR2")."""
    words = inside.split()
    return 0 < len(words) <= NAME_ASIDE_WORDS and all(
        w[0].isupper() and not any(c.isdigit() for c in w) for w in words)


def name_aside_breaks(text: str, breaks: list[int], at: int, places: Sequence[int] = (),
                      calendar: frozenset[str] = frozenset()) -> list[int]:
    """The clause breaks but the brackets of an aside that only names what stands before it ("the rebels of the
    Allied Democratic Forces (ADF) killed", "die Miliz Arakan Army (AA) hat"): capitalised words or an
    acronym between the brackets (at most :data:`NAME_ASIDE_WORDS`, no digit), no punctuation right after the
    closing one ("the Allied Democratic Forces (ADF), the mission said": the phrase ends there), and not around
    ``at`` (a place in brackets keeps its own clause), nor around another place ("officials in Lviv (Ukraine)
    said": the aside locates the place before, the speaker's clause stays apart) or a month or weekday name
    ("(Monday)": a time, no name). Such brackets end no clause.

    Parameters
    ----------
    text : str
        The document's text.
    breaks : list of int
        The offsets of a sentence's breaks of :data:`CLAUSE_BREAKS`, in order.
    at : int
        The offset of the place's first word.
    places : sequence of int, optional
        The offsets of the first words of the sentence's place mentions.
    calendar : frozenset of str, optional
        The language's folded month and weekday names (:func:`geo.dates.calendar_words`).

    Returns
    -------
    list of int
        ``breaks`` without the brackets of such asides (the same list when there are none).
    """
    drop: set[int] = set()
    for k, b in enumerate(breaks[:-1]):
        close = breaks[k + 1]
        if text[b] != "(" or aside_close(text, b, close + 1) != close or b < at < close:
            continue
        inside = text[b + 1 : close]
        if any(b < p < close for p in places) or any(fold(w) in calendar for w in inside.split()):
            continue  # "in Lviv (Ukraine) said", "(Monday)": no name of what stands before
        if _names_only(inside) and text[close + 1 : close + 2] not in "," + CLAUSE_BREAKS:
            drop.update((b, close))
    return [b for b in breaks if b not in drop] if drop else breaks


#: Rule ``a_border_area_is_no_neighbour_only_inside_the_place_before_it``: a border area named after an "of" word
#: (:meth:`geo.events.EventProfile.border_area`: "the border district of X") names X itself, no neighbour, only
#: when X lies in the country of the place named before the border word in its sentence, or inside that place
#: ("4 killed in Ukraine, in the border district of Sumy"), or when no place stands before it ("in the border
#: district of Bryansk, 2 were hurt"); after a place of another country X is the other side ("in Ukraine, near the
#: border district of Bryansk": Bryansk is Russia's). Only a locator counts as the place before (feature
#: ``locative``): a speaker, a source, an attacker, an origin or a dateline of another country says nothing of
#: where the area lies ("Moscow said shelling killed 3 in the border district of X": X stays where it happened).
#: Role feature ``border_of`` (:mod:`geo.role_model`) and figure place rule ``BORDER_SIDE`` (:mod:`geo.figure_places`)
#: both read it, through :func:`border_side_at`.
BORDER_AREA_INSIDE = "a_border_area_is_no_neighbour_only_inside_the_place_before_it"


def border_side_at(words: Sequence[str], k: int, profile: EventProfile, place,
                   before: Callable[[int], object | None]) -> int | None:
    """The one border test of role feature ``border_of`` and figure place rule ``BORDER_SIDE``:
    :meth:`geo.events.EventProfile.border_at`, but for a border area that names the place itself (rule
    :data:`BORDER_AREA_INSIDE`).

    Parameters
    ----------
    words : Sequence[str]
        A sentence's folded words.
    k : int
        The index of the word that would link a border noun to ``place`` (the word before it and its articles).
    profile : EventProfile
        The language's event lexicon.
    place
        The mention after the link (its ``entity`` may be None).
    before : Callable[[int], object | None]
        The nearest mention of the sentence that ends before word ``j`` (the border noun's first) and locates, as
        its caller reads it (role feature ``locative`` of :mod:`geo.role_model`); None when there is none, or when
        the nearest is no locator (a speaker, a source, an attacker, an origin, a dateline).

    Returns
    -------
    int | None
        The index of the border noun's first word when ``place`` is named as the other side of a border; None
        when word ``k`` links no border noun, or links a border area that names ``place`` itself.
    """
    j = profile.border_at(words, k)
    if j is None or (profile.border_area(words, j, k) and _area_inside(place, before(j))):
        return None
    return j


def _area_inside(place, before) -> bool:
    """Rule :data:`BORDER_AREA_INSIDE`'s test: no locator ``before`` (a mention that locates, or None: the caller
    reads which mentions locate; a name nothing resolved is none), or one of the country of ``place``'s entity (a
    place inside a country or an admin-1 unit, :func:`geo.model.contains`, shares its country)."""
    if before is None or before.entity is None:
        return True
    area = place.entity
    return area is not None and area.country is not None and area.country == before.entity.country


def quoted(text: str, start: int, at: int) -> bool:
    """Whether offset ``at`` of ``text`` stands inside quotation marks opened since ``start`` (its sentence's start).

    Parameters
    ----------
    text : str
        The document's text.
    start : int
        Where the reading starts (the sentence's first character).
    at : int
        The offset asked about.

    Returns
    -------
    bool
        More opening than closing guillemets or curly quotes (German „...“ too), or an odd number of straight ones
        (the marks of :data:`QUOTES`), between ``start`` and ``at``.
    """
    before = text[start:at]
    curly = before.count("„") > before.count("“") if "„" in before else before.count("“") > before.count("”")
    return before.count("«") > before.count("»") or curly or before.count('"') % 2 == 1
