"""Approximate points for settlements the gazetteer lacks, placed at the place that locates them.

News names small villages no gazetteer holds, and introduces them with a settlement word ("the village of X",
"nel villaggio di X", "dans le village de X", "en la localidad de X", "im Dorf X"; lexicon
``unknown_place_after`` of ``places.yaml``, read by :func:`geo.toponyms.find_toponyms`, which marks such a
span ``settlement``). The same sentence most often names where the village lies: "in the Kharkiv region",
"near Y", "nella provincia di Z". Rule LOCATED_BY_SENTENCE gives such a settlement, left unresolved by the
gazetteer, the point of that locator, flagged: the entity's ``located_by`` names the locator, its id starts
with :data:`APPROX_PREFIX`, and the map and the exports say it is approximate.

The locator is a place of the same sentence the gazetteer resolved to an admin-1 unit or a town
(:data:`LOCATOR_KINDS`; a country is too wide to stand for a village's point), itself no approximate place:
the nearest one after the settlement ("the village of X in the Y region"), else the nearest one before it
("in the Y region, in the village of X"). A settlement whose sentence names no such place stays unresolved,
as before. Only spans the recogniser marked are read: the precision guards are the recogniser's (the word
right before the name is a settlement word, the name is no person, organisation, stop word or common word);
rule RARE_NAME_ONLY adds one: a name that is a frequent word or phrase of the document's language
("im Dorf Menschen ...", "the village of Peace") is more likely a common noun than a village, and gets no point
(it stays listed unresolved).
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.frequencies import languages, zipf
from geo.model import Entity, Mention
from geo.normalize import fold

#: The kinds of resolved place that may locate a settlement (rule LOCATED_BY_SENTENCE).
LOCATOR_KINDS = ("admin1", "city")

#: How an approximate place's id starts: ``approx:<folded name>@<locator id>``.
APPROX_PREFIX = "approx:"

#: Rule RARE_NAME_ONLY: the Zipf frequency (:func:`geo.frequencies.zipf`) from which a settlement's name is a
#: common word or phrase of the document's language ("Menschen" 5.9, "Peace" 5.0, "Nuestra" 5.7;
#: village names the news names are rare words: most have none).
APPROX_MAX_ZIPF = 4.0

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


def _locator(mentions: Sequence[Mention], i: int) -> Mention | None:
    """The place that locates the settlement ``mentions[i]``: the nearest resolved admin-1 unit or town of its
    sentence after it, else the nearest one before it (None when the sentence has none)."""
    m = mentions[i]

    def fits(o: Mention) -> bool:
        e = o.entity
        return (e is not None and e.kind in LOCATOR_KINDS and not is_approximate(e)
                and o.sentence_start == m.sentence_start and o.sentence_end == m.sentence_end)

    after = next((o for o in mentions[i + 1 :] if o.start >= m.end and fits(o)), None)
    if after is not None:
        return after
    return next((o for o in reversed(mentions[:i]) if o.end <= m.start and fits(o)), None)


def _rare_name(surface: str, lang: str) -> bool:
    """Whether ``surface`` is no frequent word or phrase of ``lang`` (rule RARE_NAME_ONLY; a phrase's frequency
    is ``wordfreq``'s estimate for its words together: "Min Taw" is rare, though "min" is not)."""
    name = " ".join(surface.lower().replace("-", " ").split())  # as written: "señora", not "senora"
    return not name or lang not in languages() or zipf(name, lang) < APPROX_MAX_ZIPF


def locate_settlements(mentions: Sequence[Mention], settlement: Sequence[bool], lang: str) -> None:
    """Give each unresolved settlement an approximate point at its sentence's locator (rule
    LOCATED_BY_SENTENCE), in place.

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, in text order.
    settlement : sequence of bool
        For each mention, whether the recogniser read it after a settlement word (``Span.settlement``).
    lang : str
        The document's language (rule RARE_NAME_ONLY).

    Notes
    -----
    The approximate entity is a ``city`` named as written, with the locator's country, admin-1 unit and
    point, and ``located_by`` the locator's name; a mention the gazetteer resolved is never touched.
    """
    for i, (m, marked) in enumerate(zip(mentions, settlement, strict=True)):
        if not marked or m.entity is not None or not _rare_name(m.surface, lang):
            continue
        loc = _locator(mentions, i)
        if loc is None:
            continue
        e = loc.entity
        m.entity = Entity(f"{APPROX_PREFIX}{fold(m.surface).lower()}@{e.id}", m.surface, "city", e.country,
                          e.admin1, e.lat, e.lon, located_by=e.name)
        m.confidence = APPROX_CONFIDENCE
