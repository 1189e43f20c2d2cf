"""Approximate points for settlements the gazetteer lacks, placed at the place that locates them.

News names small villages no gazetteer holds, and introduces them with a settlement word ("the village of X",
"nel villaggio di X", "dans le village de X", "en la localidad de X", "im Dorf X"; lexicon
``unknown_place_after`` of ``places.yaml``, read by :func:`geo.toponyms.find_toponyms`, which marks such a
span ``settlement``). The same sentence most often names where the village lies: "in the Kharkiv region",
"near Y", "nella provincia di Z". Rule LOCATED_BY_SENTENCE gives such a settlement, left unresolved by the
gazetteer, the point of that locator, flagged: the entity's ``located_by`` names the locator, its id starts
with :data:`APPROX_PREFIX`, and the map and the exports say it is approximate.

The locator is a place of the same sentence the gazetteer resolved to an admin-1 unit or a town
(:data:`LOCATOR_KINDS`; a country is too wide to stand for a village's point; never an approximate place, as the
layer reads the mentions as resolution left them):
the nearest one after the settlement ("the village of X in the Y region"), else the nearest one before it
("in the Y region, in the village of X"). A settlement whose sentence names no such place stays unresolved,
as before. Only spans the recogniser marked are read: the precision guards are the recogniser's (the word
right before the name is a settlement word, the name is no person, organisation, stop word or common word);
rule RARE_NAME_ONLY adds one: a name that is a frequent word or phrase of the document's language
("im Dorf Menschen ...", "the village of Peace") is more likely a common noun than a village, and gets no point
(it stays listed unresolved).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from geo.clauses import CLAUSE_BREAKS
from geo.cues import Cues, cues_for
from geo.frequencies import languages, zipf
from geo.model import Entity, Mention
from geo.normalize import fold
from geo.toponyms import unknown_list_gap

#: The kinds of resolved place that may locate a settlement (rule LOCATED_BY_SENTENCE).
LOCATOR_KINDS = ("admin1", "city")

#: How an approximate place's id starts: ``approx:<folded name>@<locator id>``.
APPROX_PREFIX = "approx:"

#: Rule RARE_NAME_ONLY: the Zipf frequency (:func:`geo.frequencies.zipf`) from which a settlement's name is a
#: common word or phrase of the document's language ("Menschen" 5.9, "Peace" 5.0, "Nuestra" 5.7;
#: village names the news names are rare words: most have none).
APPROX_MAX_ZIPF = 4.0

#: Rule RARE_NAME_ONLY for languages that join words into one ("Stromausfall" 3.4, "Hilfsgüter" 2.6 are common
#: nouns, rare as one word): a stricter threshold (villages the gazetteer lacks have none: "Sarnowka" 0).
APPROX_MAX_ZIPF_COMPOUNDING = {"de": 1.5}

#: Rule COMMON_COMPOUND_HEAD: the Zipf frequency from which the end of a one-word name is a word of its own
#: ("Trinkwassermangel" ends in "mangel" 4.3, "Wasserknappheit" in "knappheit" 3.0), and the fewest letters of it.
COMPOUND_HEAD_ZIPF = 3.0
COMPOUND_HEAD_MIN = 5

#: Rule LOCATED_BY_SENTENCE: the most characters between a fronted locator and the settlement it contains.
MAX_FRONTED_GAP = 80

#: The confidence of an approximate place: its name is sure (a settlement word names it), its point is not.
APPROX_CONFIDENCE = 0.3


def is_approximate(entity: Entity | None) -> bool:
    """Whether ``entity`` is an approximate place (:func:`locate_settlements`).

    Parameters
    ----------
    entity : Entity or None

    Returns
    -------
    bool
    """
    return entity is not None and entity.located_by is not None


def _words(text: str) -> list[str]:
    """The folded, lower-case words of ``text``, a comma kept as a word of its own (the links are read on them)."""
    return fold(text).lower().replace(",", " , ").split()


def _linked(phrase: str, kind: str, cues: Cues) -> bool:
    """Whether the folded words ``phrase`` link a place of ``kind`` to a settlement it contains: a locating link
    (lexicon ``locator_links``: "near", "nella regione di"), or a bare preposition before a region only (lexicon
    ``region_links``: "in", "à"; rule REGION_ONLY_BARE_LINK: in "the survivors of the village of X in Y" a city Y
    is where the survivors are)."""
    return phrase in cues.locator_links or (kind == "admin1" and phrase in cues.region_links)


def _link(text: str, kind: str, cues: Cues) -> bool:
    """Whether ``text``, the words between a settlement and the place after it, of ``kind``, is one locating link
    of the language (:func:`_linked`: "in the", ", near", "nella regione di"), a compass word allowed at its
    end ("in the northern Y region")."""
    words = _words(text)
    if words and words[-1] in cues.compass_words:
        words.pop()
    if words and words[0] == ",":
        words.pop(0)
    return _linked(" ".join(words), kind, cues)


def _reports(between: str, cues: Cues) -> bool:
    """Whether ``between``, the words from a fronted locator to its settlement, hold a speech verb (lexicon
    ``speech_verbs``) or a word opening a reported clause (lexicon ``locator_breaks``: "that", "que", "dass"):
    the fronted place is then the seat of whoever speaks (rule NO_LOCATOR_ACROSS_SPEECH: "In Y, officials said
    the village of X ...")."""
    words = re.findall(r"\w+", fold(between).lower())
    pairs = (f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return any(w in cues.speech_verbs or w in cues.locator_breaks for w in words) \
        or any(p in cues.speech_verbs for p in pairs)


def _locator(mentions: Sequence[Mention], i: int, text: str, cues: Cues,
             settlements: Collection[tuple[int, int]]) -> Mention | None:
    """The place that contains the settlement ``mentions[i]`` by the words of its sentence (rule
    LOCATED_BY_SENTENCE), or None.

    The place right after the settlement, tied to it by a locating link and nothing else ("the village of X in the Y
    region", "X village near Y", "il villaggio di X, nella regione di Y"; a comma alone before an admin-1 unit:
    "X, Sumy region"); else the place before it that a locating link opens at the start of its sentence or
    after a comma, with no clause break and at most :data:`MAX_FRONTED_GAP` characters up to the settlement ("In
    the Y region, shells hit the village of X"). A place reached by other words is no container: a destination
    ("arrived in Y", "verso Y"), an origin ("left Y for"), a distance ("40 km from Y"), the seat of whoever speaks
    ("officials in Y said") or a place of another clause (rule NO_LOCATOR_WITHOUT_LINK)."""
    m = mentions[i]

    def fits(o: Mention) -> bool:
        e = o.entity
        return (e is not None and e.kind in LOCATOR_KINDS
                and o.sentence_start == m.sentence_start and o.sentence_end == m.sentence_end)

    last, after = m, None
    for o in mentions[i + 1 :]:
        if o.start < last.end:
            continue
        if (o.start, o.end) in settlements and unknown_list_gap(fold(text[last.end : o.start]).lower()):
            last = o  # "the villages of X and Z, in the Y region": the list's locator
            continue
        after = o
        break
    if after is not None and fits(after):
        gap = text[last.end : after.start]
        words = _words(gap)
        if words and words[0] in cues.unknown_place_before:  # "Zeyar Kone village near Monywa"
            gap = gap[gap.lower().index(words[0]) + len(words[0]) :]
        if _link(gap, after.entity.kind, cues) or (gap.strip() == "," and after.entity.kind == "admin1"):
            return after
    # another settlement between is skipped: "In the Y region, shells hit the village of X and the village of Z"
    before = next((o for o in reversed(mentions[:i]) if o.end <= m.start and (o.start, o.end) not in settlements), None)
    if before is None or not fits(before):
        return None
    between = text[before.end : m.start]
    if len(between) > MAX_FRONTED_GAP or any(c in CLAUSE_BREAKS for c in between) or _reports(between, cues):
        return None
    opening = fold(text[m.sentence_start : before.start]).lower()
    head = opening.rsplit(",", 1)[-1]  # the link opens the sentence or follows a comma
    return before if _linked(" ".join(head.split()), before.entity.kind, cues) else None


def _same_country(mentions: Sequence[Mention], m: Mention, loc: Mention, text: str, cues: Cues) -> bool:
    """Whether the locator ``loc`` lies in a country the settlement's sentence names as a container, when it names
    one (rule LOCATOR_IN_NAMED_COUNTRY: "in Ukraine, the village of X near Belgorod" is not at Belgorod). Only a
    country a locating link opens counts (:func:`_linked` for a region: "in Ukraine"); an attacker, an origin or a
    destination ("Russia shelled ...", "... reached Poland") says nothing of where the village lies."""

    def contains(o: Mention) -> bool:
        words = _words(text[o.sentence_start : o.start])
        return any(_linked(" ".join(words[-k:]), "admin1", cues) for k in range(1, min(len(words), 5) + 1))

    named = {o.entity.country for o in mentions if o.entity is not None and o.entity.kind == "country"
             and o.sentence_start == m.sentence_start and contains(o)}
    return not named or loc.entity.country in named


def _rare_name(surface: str, lang: str, endings: frozenset[str] = frozenset()) -> bool:
    """Whether ``surface`` is no frequent word or phrase of ``lang`` (rule RARE_NAME_ONLY; a phrase's frequency
    is ``wordfreq``'s estimate for its words together: "Min Taw" is rare, though "min" is not), nor, in a
    language that writes compounds as one word (lexicon ``settlement_endings``), a compound whose head is a
    frequent word ending no place name (rule COMMON_COMPOUND_HEAD: "Trinkwassermangel", not "Obermelsbach")."""
    name = " ".join(surface.lower().replace("-", " ").split())  # as written: "señora", not "senora"
    if not name or lang not in languages():
        return True
    if zipf(name, lang) >= APPROX_MAX_ZIPF_COMPOUNDING.get(lang, APPROX_MAX_ZIPF):
        return False
    if not endings:
        return True
    last = name.split()[-1]
    ending = [e for e in endings if fold(last).endswith(e)]  # "Eichgarten": "arten" is part of "-garten"
    heads = (last[k:] for k in range(1, len(last) - COMPOUND_HEAD_MIN + 1))
    return not any(zipf(h, lang) >= COMPOUND_HEAD_ZIPF
                   and not any(fold(h).endswith(e) for e in endings) and not any(e.endswith(fold(h)) for e in ending)
                   for h in heads)


def locate_settlements(mentions: Sequence[Mention], settlements: Collection[tuple[int, int]], text: str,
                       lang: str) -> list[Mention]:
    """The mentions, each unresolved settlement with an approximate point at the place that contains it (rule
    LOCATED_BY_SENTENCE).

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, in text order, after corrections and the online geocoder: a place either of them
        found is never made approximate, and a corrected locator moves the village with it.
    settlements : collection of (int, int)
        The offsets of the spans the recogniser read after a settlement word (``Span.settlement``).
    text : str
        The document's text (the mentions' offsets).
    lang : str
        The document's language (its locating links; rule RARE_NAME_ONLY).

    Returns
    -------
    list of Mention
        ``mentions`` with each approximate settlement replaced by a copy carrying its approximate entity; the
        given mentions are not changed.

    Notes
    -----
    The approximate entity is a ``city`` named as written, with the locator's country, admin-1 unit and
    point, and ``located_by`` the locator's name; its id is ``approx:<folded name>@<locator id>``
    (:func:`locator_id` reads the locator back).
    """
    out = list(mentions)
    if not settlements:
        return out
    cues = cues_for(lang)
    for i, m in enumerate(mentions):
        if m.entity is not None or (m.start, m.end) not in settlements \
                or not _rare_name(m.surface, lang, cues.settlement_endings):
            continue
        loc = _locator(mentions, i, text, cues, settlements)
        if loc is None or not _same_country(mentions, m, loc, text, cues):
            continue
        e = loc.entity
        slug = "-".join(fold(m.surface).lower().split())
        out[i] = replace(m, entity=Entity(f"{APPROX_PREFIX}{slug}@{e.id}", m.surface, "city", e.country, e.admin1,
                                          e.lat, e.lon, located_by=e.name), confidence=APPROX_CONFIDENCE)
    return out


def locator_id(place_id: str) -> str | None:
    """The locator's place id of an approximate place's id (:func:`locate_settlements`), else None.

    Parameters
    ----------
    place_id : str

    Returns
    -------
    str or None

    Examples
    --------
    >>> locator_id("approx:zorvanka@admin1:UA-59")
    'admin1:UA-59'
    >>> locator_id("admin1:UA-59") is None
    True
    """
    if not place_id.startswith(APPROX_PREFIX) or "@" not in place_id:
        return None
    return place_id.split("@", 1)[1]
