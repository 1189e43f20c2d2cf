"""Plain data records passed between the steps text -> places -> figures -> layers.

Every step of Atlante takes and returns these dataclasses (or GeoDataFrames built
from them in :mod:`layers`), so each step can be tested and replaced on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Roles a place can play in a report, from the most to the least specific.
ROLES = ("venue", "deployment", "incident", "actor", "participant", "mention")

#: Kinds of gazetteer entity.
PLACE_KINDS = ("city", "admin1", "country", "region", "other")

#: Kinds of reported figure.
FIGURE_KINDS = ("troops", "incidents", "killed", "wounded", "casualties", "equipment", "other")

#: How a figure is qualified in the text.
QUALIFIERS = ("exact", "approx", "at_least", "up_to", "more_than", "less_than")

#: Whether a figure is a present fact or a plan / possibility.
STATUSES = ("current", "planned")

#: Figure kinds grouped as the role features (:mod:`geo.role_model`) and the figure places see them.
FIGURE_GROUPS = {"troops": "troops", "killed": "hurt", "wounded": "hurt", "casualties": "hurt",
                 "incidents": "incidents", "equipment": "equipment", "other": "equipment"}


def figure_group(fig: object) -> str | None:
    """The group a figure's features read: its kind's, but units of troops ("four battalions", a figure marked
    ``formation``) and the gear counted with troops ("450 soldiers and 90 trucks", marked ``with_troops``) are
    troops where they stand, not drones shot down.

    Parameters
    ----------
    fig : object
        A figure (:class:`Figure`, or anything with its ``kind`` and, perhaps, ``formation``).

    Returns
    -------
    str or None
        Its group, a value of :data:`FIGURE_GROUPS`; None for a kind none groups.
    """
    if getattr(fig, "formation", False) or getattr(fig, "with_troops", False):
        return "troops"
    return FIGURE_GROUPS.get(getattr(fig, "kind", None))


@dataclass(frozen=True)
class Document:
    """One input article.

    Attributes
    ----------
    doc_id : str
        File stem, or the ``doc_id`` of a JSONL line.
    text : str
        The text exactly as given; every offset in Atlante points into it.
    date : datetime.date or None
        Publication date given with the input (JSONL ``date``), if any.
    lang : str or None
        Language given with the input; ``None`` means detect it.
    title, url : str or None
        Optional metadata, shown in popups.
    outlet : str or None
        The publication, e.g. from a web page's site name.
    """

    doc_id: str
    text: str
    date: dt.date | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry: a city, an admin-1 unit, a country or a composite region.

    Attributes
    ----------
    id : str
        Stable identifier: ``geonames:<id>``, ``country:<ISO alpha-2>``,
        ``admin1:<ISO 3166-2>`` or ``region:<slug>``.
    name : str
        English name.
    kind : str
        One of :data:`PLACE_KINDS`.
    country : str or None
        ISO 3166-1 alpha-2 code; ``None`` for an area spanning several countries.
    admin1 : str or None
        ISO 3166-2 code of the admin-1 unit holding a city (or of the unit itself).
    lat, lon : float
        A representative point (city location, or a point inside the area).
    population : int
        Population where known, else 0.
    members : tuple of str
        For a composite region, the ids of the entities it is the union of.
    capital_of : str or None
        ISO alpha-2 code of the country whose national capital this city is.
    seat_of : str or None
        ISO alpha-2 code of the country whose national government (or parliament) sits in this city
        though it is no capital (Tel Aviv, The Hague): it may stand for that government as a capital does.
        Resolution priors and toponym choices read ``capital_of`` only.
    located_by : str or None
        For a place the gazetteer lacks, named after a settlement word ("the village of X in the Kharkiv
        region"), the name of the place that locates it: its point is that place's, an approximate one
        (:mod:`geo.approximate`). ``None`` for a gazetteer place.
    """

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    members: tuple[str, ...] = ()
    capital_of: str | None = None
    seat_of: str | None = None
    located_by: str | None = None


def contains(area: Entity, place: Entity) -> bool:
    """``area`` is the country or admin-1 unit of ``place`` (a larger unit holding it).

    Parameters
    ----------
    area, place : Entity
        Two gazetteer entities.

    Returns
    -------
    bool
        True when ``area`` is a country and ``place`` one of its cities or admin-1 units, or ``area`` is an admin-1
        unit and ``place`` one of its cities; False for the same entity, and for a region or a city as ``area``.
    """
    if area.id == place.id:
        return False
    if area.kind == "country":
        return place.country == area.country and place.kind in ("city", "admin1")
    if area.kind == "admin1":
        return place.kind == "city" and place.admin1 is not None and place.admin1 == area.admin1
    return False


@dataclass
class Mention:
    """A place name found in a document, with its resolution and role.

    ``start``/``end`` are code-point offsets into ``Document.text`` (end exclusive);
    ``sentence_start``/``sentence_end`` bound the sentence it stands in.
    ``entity`` is ``None`` when the name could not be resolved.  ``date`` is the ISO
    date of the event its sentence reports, when the sentence dates it ("ieri").
    ``cue_role`` is the reading of the cue rules (:mod:`geo.roles`), ``role`` the weighed decision
    of :mod:`geo.role_model`, and ``features`` the named features that decision read.
    """

    doc_id: str
    start: int
    end: int
    surface: str
    entity: Entity | None = None
    role: str = "mention"
    confidence: float = 0.0
    sentence_start: int = 0
    sentence_end: int = 0
    date: str | None = None
    cue_role: str = "mention"
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Figure:
    """A reported number: troops, incidents, casualties, equipment.

    ``start``/``end`` are the offsets of the number expression in the document;
    ``quote`` is the sentence it stands in (``quote_start`` its offset).
    ``places``/``place_ids`` are the places the figure applies to: one figure over
    several places stays one figure.  ``per_unit`` marks "1,000 troops *each* in ...".
    ``date``/``date_end`` bound the event date (ISO strings) when it is known.
    ``formation`` marks an equipment figure that counts military units ("five battalions"); ``with_troops`` one
    joined to a troop count before it ("450 soldiers and 90 trucks": the force's gear, rule GEAR_OF_TROOPS of
    :mod:`geo.figures`).
    ``cue_place_ids`` keeps the places the extraction rules read (:mod:`geo.figures`); ``place_ids``
    is the weighed choice of :mod:`geo.figure_places`.
    ``part_of`` is the ``start`` of the count this one is said to be a part of ("85 drones ... 70 of them": the 70's
    is the 85's start), as :mod:`geo.figures` read it; None when it is said to be no part. ``included`` marks a count
    said after an inclusion word ("including 12", "tra cui 12", "darunter 12"), a part of a count it names no link to;
    ``included_past_verb`` one said after an inclusion word with at most a verb between ("among them were 12").
    ``finer_place_ids`` are the places of a repeat of it, dropped, that lie inside the countries it names ("in
    Ukraine" ... "over the Zaporizhzhia and Dnipropetrovsk regions"; rule FINER_REPEAT of :mod:`geo.figures`).
    ``repeat_place_ids`` are the places the own reading of each repeat dropped for it chose (its ``place_ids`` as
    :mod:`geo.figures` read them) and ``repeat_starts`` where those repeats stand, within one document: the
    headline's "40 drones" told again in the body as "launched 40 drones at Ukraine" (rule
    REPEAT_ATTACKED_COUNTRY of :mod:`geo.figure_places`).
    """

    doc_id: str
    kind: str
    value: int
    start: int
    end: int
    quote: str
    quote_start: int = 0
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    status: str = "current"
    place_ids: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: str | None = None
    date_end: str | None = None
    source: str | None = None
    per_unit: bool = False
    unit: str | None = None
    figure_id: str = ""
    cue_place_ids: list[str] = field(default_factory=list)
    formation: bool = False  # an equipment figure counting military units ("five battalions"; :mod:`geo.figures`)
    with_troops: bool = False  # an equipment figure joined to a troop count ("450 soldiers and 90 trucks")
    part_of: int | None = None  # the start of the count it is a part of ("70 davon"; :mod:`geo.figures`)
    included: bool = False  # said after an inclusion word: "including 12", "tra cui 12" (:mod:`geo.figures`)
    # said after an inclusion word with at most a verb between: "among them were 12" (:mod:`geo.figures`)
    included_past_verb: bool = False
    # the places of a repeat dropped for it that lie inside the countries it names (rule FINER_REPEAT of geo.figures)
    finer_place_ids: list[str] = field(default_factory=list)
    # the places the own reading of each repeat dropped for it chose, within one document (geo.figures)
    repeat_place_ids: list[str] = field(default_factory=list)
    repeat_starts: list[int] = field(default_factory=list)  # where those repeats stand


@dataclass
class ParsedDocument:
    """Everything Atlante read from one document."""

    document: Document
    lang: str
    date: dt.date | None
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    frames: list = field(default_factory=list)  # geo.events.Frame, one per sentence reporting an event
