"""Event frames: what happens in each sentence, from the trigger words of the lexicons.

A sentence's *frame* names the classes of event its trigger words report — an attack, an
interception, a killing, a wounding, a deployment, an exercise, a meeting — with the places and
figures that stand in it. Roles (:mod:`geo.role_model`) read the frames: a place in a sentence
whose event is an attack is an incident place, where troops are stationed a deployment place.

Trigger words are data: ``geo/lexicons/<lang>/events.yaml`` holds, for each class, folded words
and phrases of up to three words; a word ending in ``*`` matches every word that starts with it
("bombard*": bombardato, bombardamenti). The same file lists the words that make a place stand for
a government or army (``government_heads``: "il ministero degli Esteri di Ankara"), introduce a
source (``source_cues``: "stando a Tbilisi") or an origin (``origin_cues``: "missili partiti
dall'Iran"), and the possessive suffixes ("Chad's army").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from operator import attrgetter
from typing import Any

from geo import lexicons
from geo.dates import calendar_words, day_phrases
from geo.normalize import fold
from geo.numbers import phrase_tokens
from geo.sentences import Token, tokenize
from geo.spans import ByStart

#: A token's start, the key of bisections over a sentence's tokens (in text order).
TOKEN_START = attrgetter("start")

#: Classes of event a trigger word can report, in the order a frame names its main event.
EVENT_CLASSES = ("kill", "wound", "intercept", "attack", "exercise", "deploy", "meet")

#: Classes whose places are incident places, and those whose places are deployment places.
INCIDENT_CLASSES = frozenset({"kill", "wound", "intercept", "attack"})
DEPLOYMENT_CLASSES = frozenset({"deploy", "exercise"})


@dataclass(frozen=True)
class Phrases:
    """Folded phrases of one word or more (:attr:`longest`: the most); a word ending in ``*`` is a prefix."""

    phrases: tuple[tuple[str, ...], ...]
    _by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False)
    _by_stem: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False)
    longest: int = field(default=0, compare=False, hash=False)  # the number of words of the longest phrase

    @classmethod
    def of(cls, entries: Iterable[str]) -> Phrases:
        phrases = tuple(tuple(fold(str(e)).replace("'", " ").split()) for e in entries if str(e).strip())
        by_first: dict[str, list[tuple[str, ...]]] = {}
        by_stem: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            first = p[0]
            if first.endswith("*"):
                by_stem.setdefault(first[:3], []).append(p)
            else:
                by_first.setdefault(first, []).append(p)
        return cls(phrases, {k: tuple(v) for k, v in by_first.items()}, {k: tuple(v) for k, v in by_stem.items()},
                   max((len(p) for p in phrases), default=0))

    def match_at(self, words: Sequence[str], i: int) -> int:
        """The number of words of the longest phrase that starts at word ``i`` (0: none)."""
        w = words[i]
        firsts = self._by_first.get(w)
        stems = self._by_stem.get(w[:3]) if self._by_stem else None  # most lists have no stems: no slice
        if not firsts and not stems:
            return 0  # most words start no phrase: no tuple built for them
        best = 0
        size = len(words)
        for p in (firsts + stems if firsts and stems else firsts or stems):
            n = len(p)
            if n > best and i + n <= size:
                for k in range(n):  # a loop, not all() over a generator: this runs at every word a phrase starts with
                    pat, word = p[k], words[i + k]
                    if not (word.startswith(pat[:-1]) if pat.endswith("*") else word == pat):
                        break  # a pattern ending in "*" is a prefix
                else:
                    best = n
        return best

    def starts_in(self, words: Sequence[str], lo: int, hi: int) -> list[int]:
        """The indices in ``range(lo, hi)`` of the words a phrase may start at (:meth:`match_at` is 0 at the
        others): one pass of look-ups instead of a call per word."""
        firsts, stems = self._by_first, self._by_stem
        if not stems:
            return [j for j in range(lo, hi) if words[j] in firsts]
        return [j for j in range(lo, hi) if words[j] in firsts or words[j][:3] in stems]

    def ending(self, words: Sequence[str], end: int, reach: int | None = None) -> int | None:
        """Where a phrase starts whose longest match there ends right before word ``end``, starting at most
        ``reach`` words before it (default: :attr:`longest`): the first such start ("nel villaggio di", "the
        capital of", "near the border with"), or None.

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words.
        end : int
            The index of the word the phrase must end before.
        reach : int, optional
            How many words back a phrase may start.

        Returns
        -------
        int | None
            The index of the phrase's first word; None when no phrase ends there.
        """
        return phrase_ending(self.match_at, words, end, self.longest if reach is None else reach)

    def __contains__(self, word: str) -> bool:
        return self.match_at([word], 0) == 1


def phrase_ending(match: Callable[[Sequence[str], int], int], words: Sequence[str], end: int,
                  reach: int) -> int | None:
    """Where a phrase that ``match`` reads (the number of words of the phrase it finds at a word, 0 for none: a
    :meth:`Phrases.match_at`, or another reader of that shape) starts that ends right before word ``end``, starting
    at most ``reach`` words before it (the first such start), or None: :meth:`Phrases.ending` for any reader."""
    for j in range(max(0, end - reach), end):
        if j + match(words, j) == end:
            return j
    return None


#: How a field of :class:`EventProfile` reads the ``events.yaml`` key of its name (:func:`_key`): as phrases
#: (:meth:`Phrases.of`), as a set of folded words, as a set of words lower-cased with their accents kept, or as a
#: flag (a yes or no of the language: ``verb_second``).
PHRASES, FOLDED, LOWERED, FLAG = "phrases", "folded", "lowered", "flag"
_READERS: dict[str, Callable[[Any], object]] = {
    PHRASES: Phrases.of,
    FOLDED: lambda entries: frozenset(fold(w) for w in entries),
    LOWERED: lambda entries: frozenset(str(w).lower() for w in entries),
    FLAG: bool,
}


def _key(read: str) -> Any:
    """A field of :class:`EventProfile` that :func:`event_profile` fills from the ``events.yaml`` key of the same
    name: the one place a key of the lexicon is declared (:data:`FRAME_KEYS` lists these fields).

    Parameters
    ----------
    read : str
        How the key's value is read: :data:`PHRASES`, :data:`FOLDED`, :data:`LOWERED` or :data:`FLAG`.

    Returns
    -------
    dataclasses.Field
        A field with no default, its reader in ``metadata["read"]``.
    """
    if read not in _READERS:
        raise ValueError(f"no reader {read!r} for a key of events.yaml (known: {', '.join(_READERS)})")
    return field(metadata={"read": read})


@dataclass(frozen=True)
class EventProfile:
    """One language's event lexicon (``events.yaml``, checked against ``geo/lexicons/schema.yaml``).

    A key of the lexicon is declared once, as a field made with :func:`_key` (its reader: phrases, folded words or
    lower-cased words): :func:`event_profile` fills every such field from the key of its name, and
    :data:`FRAME_KEYS` lists them. The other fields (``lang``, ``triggers`` and those after ``equipment_phrases``)
    are made from other keys or files.
    """

    lang: str
    triggers: dict[str, Phrases]
    government_heads: Phrases = _key(PHRASES)
    source_cues: Phrases = _key(PHRASES)
    origin_cues: Phrases = _key(PHRASES)
    possessive_suffixes: frozenset[str] = _key(FOLDED)
    of_words: frozenset[str] = _key(FOLDED)
    direction_words: Phrases = _key(PHRASES)
    subordinators: Phrases = _key(PHRASES)
    agent_cues: Phrases = _key(PHRASES)
    conflict_nouns: Phrases = _key(PHRASES)
    between_words: Phrases = _key(PHRASES)
    part_articles: frozenset[str] = _key(FOLDED)
    official_heads: Phrases = _key(PHRASES)  # "il governatore di Zaporizhzhia": a local authority's area
    other_force_words: Phrases = _key(PHRASES)  # "another", "altro": another force (rule BASE_AND_HOST)
    other_time_words: Phrases = _key(PHRASES)  # "before that", "next year": another time (rule BASE_AND_HOST)
    speaker_nouns: Phrases = _key(PHRASES)  # "officials", "police": a speaker (rule OFFICIALS_AREA)
    report_verbs: Phrases = _key(PHRASES)  # "reported", "riferito": a report (rule OFFICIALS_AREA)
    part_nouns: Phrases = _key(PHRASES)  # "la periferia di Beirut": a part of the place
    possessed_parts: Phrases = _key(PHRASES)  # "Damascus's southern suburbs", "Lebanon's south": a part, not an owner
    direction_adjectives: frozenset[str] = _key(FOLDED)  # "in eastern Ukraine"
    directions_after_nouns: frozenset[str] = _key(FOLDED)  # "an area north of Beirut": a direction, no part
    base_nouns: Phrases = _key(PHRASES)  # "nella base di Adazi": where troops are
    toward_words: Phrases = _key(PHRASES)  # "missili lanciati verso il Mar del Giappone": a target
    locality_nouns: Phrases = _key(PHRASES)  # "a village in Gezira State": the state locates the village
    capital_nouns: Phrases = _key(PHRASES)  # "Kisumu, the capital of Kisumu County"
    list_breakers: frozenset[str] = _key(LOWERED)  # "nel sud del Libano, dove Israele": as written, accents kept
    stative_verbs: Phrases = _key(PHRASES)  # "Wunstorf liegt in der Region Hannover": a place described
    speech_cues: Phrases = _key(PHRASES)  # "speaking in Kyiv", "in conferenza stampa a Roma": where a speaker stood
    articles: frozenset[str] = _key(FOLDED)  # "nella regione di Kherson", "the governor of the Sumy region": folded
    country_nouns: Phrases = _key(PHRASES)  # "nations such as Uruguay and Fiji": members of a coalition or contingent
    distance_units: frozenset[str] = _key(FOLDED)  # "a 30 km da": a distance from the place, folded
    lead_words: Phrases = _key(PHRASES)  # "the battalion led by Canada": a country that leads a force acts
    water_nouns: frozenset[str] = _key(FOLDED)  # "il Mar Baltico", "the Gulf of Aden": a body of water, folded
    vessel_nouns: Phrases = _key(PHRASES)  # "a tanker", "una petroliera": a ship an attack at sea strikes
    alias_cues: Phrases = _key(PHRASES)  # "also known as", "llamado": the next place renames the one before
    passive_participles: Phrases = _key(PHRASES)  # "lanciati dalla Russia": the origin cue names the agent
    motion_participles: Phrases = _key(PHRASES)  # "rientrati dalla Grecia": the origin cue names where from
    passive_auxiliaries: Phrases = _key(PHRASES)  # "Kharkiv was hit", "became the scene of": before what it underwent
    struck_words: Phrases = _key(PHRASES)  # "was shelled", "the scene of fighting": what an attack struck
    border_nouns: Phrases = _key(PHRASES)  # "al confine con la Siria": the neighbour locates the border
    border_links: frozenset[str] = _key(FOLDED)  # "border with", "frontière entre": folded
    border_near: Phrases = _key(PHRASES)  # "near the border with Mali": the border locates a place near it
    # "district", "zone", "Gebiet" (folded, singular and plural): the areas a border noun can qualify, so that what
    # its "of" word joins names the area itself (:meth:`border_area`)
    border_area_nouns: frozenset[str] = _key(FOLDED)
    # "voisine", "limítrofe", "confinante" (folded): border nouns meaning "bordering", whose "of" word is a link
    neighbour_adjectives: frozenset[str] = _key(FOLDED)
    seat_heads: Phrases = _key(PHRASES)  # "il ministero della Difesa a Mosca": a state's institution at its seat
    seat_buildings: Phrases = _key(PHRASES)  # "the building of the ministry", "la sede del governo": the building
    seat_statements: Phrases = _key(PHRASES)  # "teilte mit", "ha reso noto": what a seat says (with :attr:`speech`)
    time_nouns: Phrases = _key(PHRASES)  # "ora di Lisbona", "Warsaw time": a time zone named by a place
    clock_words: Phrases = _key(PHRASES)  # "6 pm", "22 heures": the words after the hour of a clock time
    request_nouns: Phrases = _key(PHRASES)  # "at the invitation of Moldova": who asked
    request_links: frozenset[str] = _key(FOLDED)  # "of" in "at the request of": the link's first word
    equipment_phrases: Phrases = _key(PHRASES)  # "combat vehicles": equipment, no incident
    non_triggers: Phrases = _key(PHRASES)  # "vise à" (aims to): a trigger word inside reports no event
    destination_heads: Phrases = _key(PHRASES)  # "fled toward", "dirette verso": where they go, no target
    destination_towards: Phrases = _key(PHRASES)  # "toward", "verso", not "against": the words of a destination
    vessel_destinations: Phrases = _key(PHRASES)  # "a tanker bound for Haifa": where a ship sails, not where it is hit
    attack_craft_words: Phrases = _key(PHRASES)  # "drone boats bound for X": the craft is the weapon, X its target
    war_nouns: Phrases = _key(PHRASES)  # "the war in Sudan": where the fighting is (feature war_in)
    war_locatives: frozenset[str] = _key(FOLDED)  # "in" of "the war in Sudan" (not "over": "a war over Taiwan")
    war_topic_verbs: Phrases = _key(PHRASES)  # "discussed the war in Geneva": a war talked about, a venue after it
    war_hypothetical: Phrases = _key(PHRASES)  # "fear of a wider war in the Andes": feared, not fought
    war_conditionals: Phrases = _key(PHRASES)  # "a war in Asia would be": a conditional verb right after the place
    war_name_locatives: frozenset[str] = _key(FOLDED)  # fr "au": "la guerre au Niger" (country, region)
    war_enemy_verbs: Phrases = _key(PHRASES)  # "déclarer la guerre au Chili": the enemy after a name locative
    war_compound_links: frozenset[str] = _key(FOLDED)  # it "nave da guerra", fr "navire de guerre": no war
    war_compound_heads: frozenset[str] = _key(FOLDED)  # "prisoners of war", "secretary of war": a fixed name
    war_article_heads: frozenset[str] = _key(FOLDED)  # fr "l'art de la guerre": a fixed name with its article
    verb_second: bool = _key(FLAG)  # German: a name after a finite verb may be its subject ("Nachts beschoss Russland")
    noun_markers: frozenset[str] = _key(FOLDED)  # "after the explosion", "tras el ataque": a trigger that is a noun
    clause_adverbs: Phrases = _key(PHRASES)  # "bombardeó Israel anoche el sur": adverbs by a subject after its verb
    object_markers: frozenset[str] = _key(FOLDED)  # "atacó Rusia a Ucrania": the Spanish personal "a" before the object
    verb_auxiliaries: Phrases = _key(PHRASES)  # "ha bombardato Israele": auxiliaries of a verb that opens its clause
    subject_after_verb: bool = _key(FLAG)  # es, it, fr: a subject may follow its verb ("attaccano Russia e ...")
    speech_end_words: frozenset[str] = _key(FOLDED)  # "Kyiv said on Tuesday.": a date's words after speech
    # "Kyiv said in a statement.", "said Tuesday night": a statement's channel or a part of the day after speech
    speech_end_phrases: Phrases = _key(PHRASES)
    report_nouns: frozenset[str] = _key(FOLDED)  # "según informes de funcionarios en X": a report's noun
    place_relatives: frozenset[str] = _key(LOWERED)  # "in Odesa, where", "à Odessa, où": as written, accents kept
    # the language's demonyms and place adjectives (demonyms.yaml, folded): "il governo ucraino a Kiev"
    demonyms: frozenset[str] = frozenset()
    # the subordinators but the coordinators of the figures lexicon ("after", "dopo che"; not "and", "ma"): a
    # word that opens another clause (geo.role_model and geo.figures read it)
    clause_openers: Phrases = Phrases.of(())
    # the relative pronouns of the figures lexicon (``clauses.relative_pronouns``: "whose", "il quale")
    relative_pronouns: Phrases = Phrases.of(())
    # every word of speech: the speech verbs of places.yaml ("said", "dice", "selon") with the speech cues
    # ("told reporters", "ha detto", "conferenza stampa"), read by :meth:`speech_at`
    speech: Phrases = Phrases.of(())
    # the words of the figures lexicon that mark a count as a whole (``figures.totals``: "insgesamt", "a total of"),
    # read by geo.figure_places (rules TOTAL_IN_ITS_COUNTRY, TOTAL_OF_ITS_LIST); the part words ("of them", "davon")
    # and the inclusion words ("including", "tra cui") are read once, by geo.figures (``Figure.part_of``,
    # ``Figure.included``)
    figure_totals: Phrases = Phrases.of(())

    def __hash__(self) -> int:
        return hash(self.lang)

    def speech_at(self, words: Sequence[str], j: int) -> int:
        """The one test of speech every stage reads (role features, figure places): the number of words of the
        longest speech verb or speech cue (:attr:`speech`) that starts at word ``j`` of the folded ``words``
        (0: none).

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words (:attr:`Sentence.words`).
        j : int
            The index of the word where the speech word would start.

        Returns
        -------
        int
            How many words the speech word or phrase spans; 0 when none starts at ``j``.
        """
        return self.speech.match_at(words, j)

    def speech_cue_at(self, words: Sequence[str], j: int) -> int:
        """:meth:`speech_at`, but 0 for a speech verb of places.yaml (no speech cue) that reads as a noun: right
        after an article or a word of ``noun_markers`` ("the notes", "from states in Africa"), or inside a country
        noun of ``country_nouns`` ("member states in Europe"). Read where the speech word makes the place after it
        a speaker's venue (geo.role_model ``_venues_before``).

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words (:attr:`Sentence.words`).
        j : int
            The index of the word where the speech word would start.

        Returns
        -------
        int
            How many words the speech word or phrase spans; 0 when none starts at ``j`` or it reads as a noun.
        """
        n = self.speech_at(words, j)
        if not n or self.speech_cues.match_at(words, j):
            return n
        if j and (words[j - 1] in self.articles or words[j - 1] in self.noun_markers):
            return 0  # "the reports in Kenya", "from states in Africa": a noun, no one speaks
        if any(s + self.country_nouns.match_at(words, s) > j for s in self.country_nouns.starts_in(
                words, max(0, j - self.country_nouns.longest + 1), j + 1)):
            return 0  # "member states in Europe": the word is part of a noun of countries
        return n

    def border_at(self, words: Sequence[str], k: int) -> int | None:
        """The one border test (role feature ``border_of``, figure place rule ``BORDER_SIDE``): where a border
        noun (``border_nouns``) starts when word ``k`` of the folded ``words`` is a link word (``border_links``
        or an "of" word) that joins it to what follows, at most one other word between the noun and the link
        ("the border with", "la frontière entre", "al confine con", "frontera de"). A border area named after an
        "of" word (:meth:`border_area`) is found too: whether it names the neighbour is for rule
        ``BORDER_AREA_INSIDE`` of :mod:`geo.clauses` to say.

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words (:attr:`Sentence.words`).
        k : int
            The index of the word that would be the link.

        Returns
        -------
        int | None
            The index of the border noun's first word; None when word ``k`` links no border noun.
        """
        if k < 1 or k >= len(words) or not (words[k] in self.border_links or words[k] in self.of_words):
            return None
        for j in self.border_nouns.starts_in(words, max(0, k - 3), k):
            n = self.border_nouns.match_at(words, j)
            if n and k - 1 <= j + n <= k:
                return j
        return None

    def near_border(self, words: Sequence[str], border: int) -> bool:
        """Whether a word of nearness (``border_near``) ends right before the border noun at word ``border`` of the
        folded ``words``, articles between them skipped: "near the border with", "cerca de la frontera con",
        "nahe der Grenze zu" (figure place rule ``BORDER_SIDE``), not "along the border with" or "at the border".

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words (:attr:`Sentence.words`).
        border : int
            The index of the border noun's first word (:meth:`border_at`).

        Returns
        -------
        bool
            True when a phrase of ``border_near`` ends at the word before the noun (or before its articles): its
            longest match there must end there ("near camps along the border" is not near it); the phrases looked
            back for are as long as the longest of the list ("a few miles from the border").
        """
        j = border - 1
        while j >= 0 and words[j] in self.articles:
            j -= 1
        return self.border_near.ending(words, j + 1) is not None

    def border_area(self, words: Sequence[str], j: int, k: int) -> bool:
        """Whether the border noun at word ``j`` (found by :meth:`border_at`, linked by word ``k``) names a border
        area: an "of" word links it (no border link, and the noun is no neighbour adjective: "la région voisine
        de Koursk" borders Kursk), and it qualifies an area noun of :attr:`border_area_nouns` beside it (before
        it, perhaps after an "of" word: "la zona di confine"; or after it: "the border district") or ends with one
        ("Grenzgebiet"), so what follows may name the area itself ("the border district of Bryansk", "nella zona
        di confine di Brjansk", "la zona fronteriza de Tillabéri", "im Grenzgebiet von Brjansk").

        Parameters
        ----------
        words : Sequence[str]
            A sentence's folded words (:attr:`Sentence.words`).
        j : int
            The index of the border noun's first word.
        k : int
            The index of its link word.

        Returns
        -------
        bool
            True for a border area; "the border area with Belarus" (a border link) is none.
        """
        if words[k] in self.border_links or words[k] not in self.of_words or words[j] in self.neighbour_adjectives:
            return False
        areas = self.border_area_nouns
        before = j - 2 if j >= 2 and words[j - 1] in self.of_words else j - 1
        beside = (before >= 0 and words[before] in areas) or words[j + 1] in areas  # (word k at worst: an "of" word)
        return beside or any(words[j].endswith(a) for a in areas)


#: The fields of :class:`EventProfile` read from the ``events.yaml`` key of their name (declared with :func:`_key`).
LEXICON_FIELDS = tuple(f for f in fields(EventProfile) if "read" in f.metadata)

#: The keys of ``events.yaml`` the profile reads: the event classes' triggers and :data:`LEXICON_FIELDS`
#: (``geo/lexicons/schema.yaml`` requires all of them, and knows no other).
FRAME_KEYS = (*EVENT_CLASSES, *(f.name for f in LEXICON_FIELDS))


@cache
def date_words(lang: str) -> Phrases:
    """The dates lexicon's weekdays, months, days and weeks of ``lang`` as phrases ("monday", "last night", "this
    week"): a date's words, read by rule SPEAKER_AFTER of geo.figure_places.

    Parameters
    ----------
    lang : str
        Language code.

    Returns
    -------
    Phrases
    """
    return Phrases.of([*calendar_words(lang), *day_phrases(lang)])


def date_run(words: Sequence[str], j: int, profile: EventProfile) -> int:
    """How many words of a date's run start at word ``j`` of ``words`` (a sentence's folded words): a phrase of
    :func:`date_words` ("monday", "last night"), of the lexicon's ``clause_adverbs`` ("anoche"), or one word of its
    ``speech_end_words`` ("on", "el") or a number; 0 when none. Read word by word by rule SPEAKER_AFTER of
    geo.figure_places (its speech ends and its speaker's lead).

    Parameters
    ----------
    words : sequence of str
        The sentence's folded words.
    j : int
        The index of the first word.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    int
    """
    w = words[j]
    return max(date_words(profile.lang).match_at(words, j), profile.clause_adverbs.match_at(words, j),
               int(w in profile.speech_end_words or w.isdigit()))


@cache
def event_profile(lang: str) -> EventProfile:
    """The event lexicon of ``lang`` (English where the language has none).

    Raises
    ------
    geo.errors.LexiconSchemaError
        When the file does not follow ``geo/lexicons/schema.yaml`` (:func:`geo.lexicons.check`); the
        message names the file and the key.
    """
    code = lang if lexicons.load(lang, "events") else "en"
    data = lexicons.load(code, "events")
    figures = lexicons.load(code, "figures") or lexicons.load("en", "figures")
    places = lexicons.load(code, "places")
    clauses = figures.get("clauses") or {}
    counts = figures.get("figures") or {}
    coordinators = {phrase_tokens(str(w)) for w in clauses.get("coordinators") or []}
    return EventProfile(
        lang=code,
        triggers={c: Phrases.of(data[c]) for c in EVENT_CLASSES},
        **{f.name: _READERS[f.metadata["read"]](data[f.name]) for f in LEXICON_FIELDS},
        demonyms=frozenset(fold(w) for w in lexicons.load(code, "demonyms").get("demonyms") or []),
        clause_openers=Phrases.of(w for w in data["subordinators"] if phrase_tokens(str(w)) not in coordinators),
        relative_pronouns=Phrases.of(clauses.get("relative_pronouns") or []),
        speech=Phrases.of([*(places.get("speech_verbs") or []), *data["speech_cues"]]),
        figure_totals=Phrases.of(counts.get("totals") or []),
    )


@dataclass(frozen=True)
class Trigger:
    """A trigger word (or phrase) of class ``event``: tokens ``[first, last)`` of its sentence."""

    event: str
    first: int
    last: int


@dataclass
class Sentence:
    """One sentence read once: its bounds, its tokens and the triggers among them."""

    start: int
    end: int
    tokens: list[Token]
    triggers: list[Trigger]
    _breaks: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def words(self) -> list[str]:
        """The tokens' folded keys, listed once per sentence (read-only: every place of the sentence reads them)."""
        return [t.key for t in self.tokens]

    @cached_property
    def starts(self) -> list[int]:
        """The tokens' start offsets, listed once per sentence (read-only), for :meth:`token_at`."""
        return [t.start for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (len(tokens) past the end)."""
        # the tokens are in text order; a list of ints is bisected without a key call per step (it runs for
        # every place and figure of a sentence, several times each)
        return bisect_left(self.starts, offset)

    def events(self) -> set[str]:
        return {t.event for t in self.triggers}

    def breaks(self, text: str, marks: str) -> list[int]:
        """The offsets in ``text`` (the sentence's document) of the characters of ``marks`` between the end of
        its first token and the start of its last, in order; found once per sentence and set of marks."""
        found = self._breaks.get(marks)
        if found is None:
            found = self._breaks[marks] = [] if len(self.tokens) < 2 else [
                m.start() for m in _marks_re(marks).finditer(text, self.tokens[0].end, self.tokens[-1].start)]
        return found

    def break_between(self, text: str, marks: str, lo: int, hi: int) -> bool:
        """Whether one of the sentence's :meth:`breaks` of ``marks`` lies in ``[lo, hi)``.

        The clause-break test of the text between two of the sentence's words: marks are never inside a
        token, so this equals testing ``text[lo:hi]`` for a mark.

        Parameters
        ----------
        text : str
            The document's text.
        marks : str
            The punctuation marks that break (",;:", ";:" ...).
        lo, hi : int
            Offsets in ``text``: ``lo`` at or after the end of the first word, ``hi`` at or before the start
            of the last.

        Returns
        -------
        bool
            True when a mark of ``marks`` lies between ``lo`` and ``hi``.
        """
        found = self.breaks(text, marks)
        k = bisect_left(found, lo)
        return k < len(found) and found[k] < hi

    def gap(self, text: str, j: int) -> str:
        """The text between the sentence's words ``j - 1`` and ``j``: spaces and punctuation.

        Parameters
        ----------
        text : str
            The document's text.
        j : int
            A word of the sentence after its first (``0 < j < len(tokens)``).

        Returns
        -------
        str
        """
        lo, hi = self._gap_at(j)
        return text[lo:hi]

    def break_before(self, text: str, marks: str, j: int) -> bool:
        """Whether a mark of ``marks`` stands in the :meth:`gap` before word ``j`` (:meth:`break_between`).

        Parameters
        ----------
        text : str
            The document's text.
        marks : str
            The punctuation marks that break.
        j : int
            A word of the sentence after its first (``0 < j < len(tokens)``).

        Returns
        -------
        bool
        """
        lo, hi = self._gap_at(j)
        found = self._breaks.get(marks)  # :meth:`break_between`, inlined: it runs for most words the roles read
        if found is None:
            found = self.breaks(text, marks)
        k = bisect_left(found, lo)
        return k < len(found) and found[k] < hi

    def _gap_at(self, j: int) -> tuple[int, int]:
        """The offsets of the :meth:`gap` before word ``j`` (IndexError outside ``0 < j < len(tokens)``: word 0 would
        read the sentence's last gap)."""
        if not 0 < j < len(self.tokens):
            raise IndexError(f"no gap before word {j} of a sentence of {len(self.tokens)} words")
        return self.tokens[j - 1].end, self.tokens[j].start


@cache
def _marks_re(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


@cache
def _all_triggers(profile: EventProfile) -> Phrases:
    """Every trigger phrase of every class in one index (the classes of a phrase: :func:`_trigger_classes`)."""
    return Phrases.of(" ".join(p) for c in EVENT_CLASSES for p in profile.triggers[c].phrases)


@cache
def _class_heads(profile: EventProfile) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The classes whose phrases start with a word (first dict) or a stem's three letters (second dict)."""
    by_first: dict[str, set[str]] = {}
    by_stem: dict[str, set[str]] = {}
    for event in EVENT_CLASSES:
        phrases = profile.triggers[event]
        for w in phrases._by_first:
            by_first.setdefault(w, set()).add(event)
        for w in phrases._by_stem:
            by_stem.setdefault(w, set()).add(event)
    return ({w: frozenset(c) for w, c in by_first.items()}, {w: frozenset(c) for w, c in by_stem.items()})


def _trigger_classes(profile: EventProfile, words: Sequence[str], i: int) -> list[tuple[str, int]]:
    """(class, length) of the longest phrase of each class that starts at word ``i``."""
    by_first, by_stem = _class_heads(profile)
    w = words[i]
    classes = by_first.get(w, frozenset()) | by_stem.get(w[:3], frozenset())
    out = []
    for event in EVENT_CLASSES:
        if event not in classes:
            continue  # no phrase of the class starts with the word: match_at would say 0
        n = profile.triggers[event].match_at(words, i)
        if n:
            out.append((event, n))
    return out


def read_sentence(text: str, folded: str, start: int, end: int, profile: EventProfile,
                  skip: Sequence[tuple[int, int]] = ()) -> Sentence:
    """Tokenise ``text[start:end]`` and find its triggers; the words of ``skip`` spans (the places'
    own names) are no triggers ("Forte dei Marmi" is no attack)."""
    tokens = tokenize(text[start:end], folded[start:end])
    for t in tokens:
        t.start += start
        t.end += start
    return _with_triggers(start, end, tokens, profile, skip)


def _with_triggers(start: int, end: int, tokens: list[Token], profile: EventProfile,
                   skip: Sequence[tuple[int, int]]) -> Sentence:
    words = [t.key for t in tokens]
    spans = [(a, b) for a, b in skip if a < end and start < b]
    index = _all_triggers(profile)
    firsts, stems = index._by_first, index._by_stem
    triggers = []
    for i, t in enumerate(tokens):
        w = words[i]
        if (w not in firsts and w[:3] not in stems) or not index.match_at(words, i) \
                or any(a <= t.start < b for a, b in spans):
            continue  # most words start no trigger of any class: one look-up decides
        if profile.non_triggers.match_at(words, i):
            continue  # "la mission vise à former": "aims to", no attack
        for event, n in _trigger_classes(profile, words, i):
            triggers.append(Trigger(event, i, i + n))
    return Sentence(start, end, tokens, triggers)


def read_sentences(text: str, folded: str, spans: Sequence[tuple[int, int]], profile: EventProfile,
                   skip: Sequence[tuple[int, int]] = (), by_start: ByStart | None = None) -> list[Sentence]:
    """:func:`read_sentence` for every span of ``spans``, tokenising the text once (or reading the
    document model's tokens through their index ``by_start``, when given)."""
    if by_start is None:
        by_start = ByStart(tokenize(text, folded))
    skips = ByStart(skip)
    out = []
    for a, b in spans:
        own = [t for t in by_start.between(a, b) if t.end <= b]
        out.append(_with_triggers(a, b, own, profile, skips.overlapping(a, b)))
    return out


@dataclass
class Frame:
    """What one sentence reports: its event classes, places and figures.

    Attributes
    ----------
    doc_id : str
    start, end : int
        The sentence's offsets in the document.
    event : str
        The main class of event (the first of :data:`EVENT_CLASSES` among its triggers).
    events : list of str
        Every class of event its triggers name.
    place_ids : list of str
        Places of the frame: the mentions whose role is the event's (incident, deployment, venue).
    actors : list of str
        Places standing for a government or army in the sentence.
    figure_ids : list of str
        Figures reported in the sentence.
    date : str or None
        The sentence's event date.
    quote : str
        The sentence.
    """

    doc_id: str
    start: int
    end: int
    event: str
    events: list[str]
    place_ids: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    date: str | None = None
    quote: str = ""


#: The role a frame's place has, by the frame's main class of event.
FRAME_ROLES = {"kill": "incident", "wound": "incident", "intercept": "incident", "attack": "incident",
               "deploy": "deployment", "exercise": "deployment", "meet": "venue"}


def build_frames(doc_id: str, text: str, sentences: Sequence[Sentence], mentions: Sequence,
                 figures: Sequence) -> list[Frame]:
    """One :class:`Frame` per sentence that has a trigger, with its places (by their final role),
    actors and figures, in text order."""
    frames = []
    by_mention, by_figure = ByStart(mentions), ByStart(figures)
    for s in sentences:
        events = s.events()
        if not events:
            continue
        main = next(c for c in EVENT_CLASSES if c in events)
        inside = [m for m in by_mention.between(s.start, s.end) if m.entity is not None]
        role = FRAME_ROLES[main]
        place_ids = list(dict.fromkeys(m.entity.id for m in inside if m.role == role))
        actors = list(dict.fromkeys(m.entity.id for m in inside if m.role == "actor"))
        figs = by_figure.between(s.start, s.end)
        dates = [m.date for m in inside if m.date] + [f.date for f in figs if f.date]
        frames.append(Frame(doc_id=doc_id, start=s.start, end=s.end, event=main,
                            events=[c for c in EVENT_CLASSES if c in events], place_ids=place_ids,
                            actors=actors, figure_ids=[f.figure_id for f in figs],
                            date=dates[0] if dates else None, quote=text[s.start:s.end].strip()))
    return frames
