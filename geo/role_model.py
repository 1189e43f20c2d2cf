"""Roles as a weighed decision: named features of each place, weights kept in data.

The cue rules of :mod:`geo.roles` give every place a first reading (its ``cue_role``). This stage
reads that reading beside the sentence's event frame (:mod:`geo.events`), the figures that apply to
the place and the words around it, as *named features*, and chooses the role with the highest score

    score(role) = bias[role] + sum over features f of value(f) * weight[f][role]

The weights live in ``geo/data/weights/roles.yaml``, fitted by ``geo/data/fit_weights.py`` on the
real articles of ``../shared/eval/news_train`` (leave-one-article-out cross-validation printed by
the same command); nothing here is hand-set. Hard vetoes stay rules, named in :data:`VETOES`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from geo.approximate import is_approximate
from geo.clauses import CLAUSE_BREAKS, QUOTE_DASH, QUOTES, border_side_at, name_aside_breaks
from geo.cues import cues_for
from geo.dates import calendar_words
from geo.events import (
    DEPLOYMENT_CLASSES,
    EVENT_CLASSES,
    INCIDENT_CLASSES,
    TOKEN_START,
    EventProfile,
    Phrases,
    Sentence,
    phrase_ending,  # (for a reader that is no Phrases: a Phrases' own is Phrases.ending)
)
from geo.lexicons import read_yaml
from geo.model import FIGURE_GROUPS, ROLES, Entity, contains, figure_group
from geo.normalize import fold
from geo.numbers import find_numbers, parse_number
from geo.roles import RoleCues, cached_gap, is_list_gap, is_locative, locative_length
from geo.sentences import LIST_JOINERS, OF_WORDS, Token, tokenize
from geo.spans import ByStart

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights" / "roles.yaml"

#: What keeps the brackets of an aside a clause break (:func:`geo.clauses.name_aside_breaks`): the starts of the
#: sentence's place mentions and the language's month and weekday names.
Asides = tuple[Sequence[int], frozenset[str]]

#: How many words away a trigger counts as near a place.
NEAR = 6

#: How many words before a war noun a speech cue or a topic verb makes the war a topic ("discussed the war in",
#: "hanno discusso della guerra in", "a parlé de la guerre en": verb, preposition, article).
WAR_TOPIC_REACH = 4

#: The kinds of place a war's name locative (the lexicon's ``war_name_locatives``: fr "au", it "a") may place a war
#: in: a country or a region ("la guerre au Niger", "la guerra a Gaza"; not "la guerra a Caracas", a city a war is
#: threatened on).
WAR_NAME_KINDS = frozenset({"country", "admin1", "region"})

#: A headline in title case (:func:`_title_case`) has at least this many words of more than :data:`SHORT_WORD`
#: letters, each capitalised.
TITLE_CASE_WORDS = 3

#: The most letters of a function word that a title-case headline may leave in lower case ("in", "of", "the").
SHORT_WORD = 3

#: Punctuation between a name and the next word that keeps the name from being that word's subject
#: (:func:`_clause_subject`): "Libia: miliziani attaccano" names a topic.
SUBJECT_BREAKS = "," + CLAUSE_BREAKS

#: The gaps that join a name to the next word into a compound ("Russia-held Crimea", "pro-Russia"): a hyphen alone.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})

#: The most words of an aside between two commas after a name that :func:`_clause_subject` reads past
#: ("Moscow, for its part, denied").
ASIDE_WORDS = 5

#: Punctuation between two names that ends a locator reading (:func:`_locates_previous`).
LOCATOR_BREAKS = ",;:()./" + QUOTE_DASH

#: Punctuation that parts a name from a head word after it (:func:`_head_after`).
HEAD_BREAKS = ",;:()" + QUOTES

#: :data:`LOCATOR_BREAKS` but the comma (:func:`_struck_after` reads a comma apart).
STRONG_LOCATOR_BREAKS = LOCATOR_BREAKS.replace(",", "")


#: The frames in which a place only locates something else and is where nothing happens itself: a region written
#: after a name nothing resolved ("near Gurbali in the Lake Chad region", ``locates_name``), a body of water that names
#: a port or an area or is set off after a place ("the Black Sea port of Izmail", "Odesa, on the Black Sea",
#: ``water_locates``; not a sea set off after a place in a clause that reports an attack on a vessel, of the
#: lexicon's ``vessel_nouns``: "a drone hit a tanker off Tuapse, in the Black Sea" is where it happened), a neighbour
#: named by a border ("al confine con la Siria", ``border_of``). The annotation makes
#: every locator a ``mention`` (rule ``locator_is_mention``, :func:`locator`), whatever the sentence's event; the
#: three features weigh 0 in the committed weights, which read the sentence's attack or a list's participants.
LOCATOR_FRAMES = ("locates_name", "water_locates", "border_of", "time_of")

#: The features that read a meeting or an announcement ("ministers met in Oslo", "told reporters in Warsaw"): a place
#: of a sentence of an incident with none of them is no venue (rule ``no_venue_without_a_meeting``,
#: :func:`venue_barred`). A trigger of a meeting anywhere in the sentence (``event:meet``) is enough, so
#: ``near:meet`` and ``clause:meet`` (the same triggers, nearer) would add nothing; ``cue:venue`` is the cue rules'
#: venue ("signed in Ankara": a signing is no trigger of a meeting).
MEETING_SIGNALS = ("event:meet", "cue:venue", "speech_before", "speech_after")

#: The frames in which a capital stands for its government or army, not for itself ("il portavoce dell'esercito
#: di Ankara", "le truppe di Seul", "Moscow's defence ministry"): the annotation's convention ("a capital standing
#: for its government or army") gives such a capital the role ``actor`` whatever else the sentence says (a
#: locative before the name, "the ministry in Moscow", is no such frame; another city's authorities, "le autorità
#: di Odessa", are its own).
GOVERNMENT_FRAMES = ("government_of", "government_possessive")

#: The other frames in which a capital stands for its government: a source or an agent ("secondo Kiev",
#: "sostenuti da Teheran", "por parte de Pionyang"; "secondo Kharkiv" may be the city's own authorities).
CAPITAL_FRAMES = ("source_before", "agent_before", "passive_agent")


def feature_names() -> list[str]:
    """Every feature the model knows, in a fixed order."""
    names = [f"cue:{r}" for r in ROLES]
    names += [f"kind:{k}" for k in ("city", "admin1", "country", "region", "other")] + ["capital", "seat"]
    names += ["locative", "of_before", "government_of", "government_possessive", "source_before",
              "origin_before", "in_list", "headline", "clause_subject", "direction_of", "part_of", "contains_previous",
              "contains_other", "inside_other", "government_of&national", "agent_before", "conflict_between",
              "speech_after", "official_of", "base", "toward", "apposition", "possessive", "attack_of&national",
              "inside_thing", "topic_opening", "government_after", "locality_of", "stative_after", "speech_before",
              "locates_previous", "country_noun_before", "country_in_place", "country_before_place",
              "deploy_head", "incident_head", "contributor", "lead_near", "water&incident", "water_locates", "alias",
              "passive_agent", "struck_after", "border_of", "locates_name", "government_seat",
              "casualty_nationality", "government_country", "time_of", "request_of",
              "base_deployment", "capital_named", "war_in", "government_target", "target_placed",
              "destination", "war_name_in"]
    names += [f"event:{c}" for c in EVENT_CLASSES]
    names += ["near:incident", "near:deployment", "near:meet"]
    names += [f"cue_elsewhere:{r}" for r in ("incident", "deployment", "actor")]
    names += ["clause:incident", "clause:deployment", "clause:meet"]
    names += ["locative&incident", "locative&deployment", "locative&meet", "country&meet", "topic_opening&incident"]
    names += ["alone&incident"]
    names += [f"figure_place:{g}" for g in ("troops", "hurt", "incidents", "equipment")]
    names += [f"figure_sentence:{g}" for g in ("troops", "hurt", "incidents", "equipment")]
    names += [f"figure_elsewhere:{g}" for g in ("troops", "hurt", "incidents", "equipment")]
    return names


@dataclass(frozen=True)
class RoleWeights:
    """Fitted weights: ``bias[role]`` and ``weights[feature][role]``."""

    roles: tuple[str, ...]
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]
    #: each feature's (role, weight) pairs, made once in __post_init__
    _pairs: dict[str, tuple[tuple[str, float], ...]] = field(init=False, repr=False, compare=False)
    #: each feature's (position of the role in ``bias``, weight) pairs (None: a weight's role has no bias)
    _slots: dict[str, tuple[tuple[int, float], ...]] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # each feature's (role, weight) pairs as a tuple, made once: scores() runs for every mention
        object.__setattr__(self, "_pairs", {name: tuple(ws.items()) for name, ws in self.weights.items()})
        slot = {role: k for k, role in enumerate(self.bias)}
        known = all(role in slot for ws in self.weights.values() for role in ws)
        object.__setattr__(self, "_slots", {name: tuple((slot[r], w) for r, w in ws.items())
                                            for name, ws in self.weights.items()} if known else None)

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        """Each role's score: its bias plus each feature's value times its weight, added in the features' order.

        Parameters
        ----------
        features : dict of str to float

        Returns
        -------
        dict of str to float
            In the order of ``bias``.
        """
        slots = self._slots
        if slots is None:  # a weight for a role without a bias: the KeyError of the dict's sum
            out = dict(self.bias)
            for name, value in features.items():
                for role, w in self._pairs.get(name, ()):
                    out[role] += value * w
            return out
        # the same sums in the same order, in a list: a position, not a role's name, is looked up per weight
        totals = list(self.bias.values())
        for name, value in features.items():
            for k, w in slots.get(name, ()):
                totals[k] += value * w
        return dict(zip(self.bias, totals, strict=True))

    def best(self, scores: dict[str, float]) -> str:
        """The role of highest score in ``scores`` (the first of ``roles`` on a tie)."""
        return max(self.roles, key=scores.__getitem__)

    def decide(self, features: dict[str, float]) -> str:
        """The role of highest score (the first of ``roles`` on a tie)."""
        return self.best(self.scores(features))


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> RoleWeights | None:
    """The fitted weights, or ``None`` when none have been fitted (the cue roles then stand)."""
    if not path.is_file():
        return None
    data = read_yaml(path) or {}
    known = set(feature_names())
    unknown = sorted(set(data.get("weights", {})) - known)
    if unknown:
        raise ValueError(f"{path}: unknown feature(s) {', '.join(unknown)}; refit with geo/data/fit_weights.py")
    roles = tuple(data["roles"])
    return RoleWeights(roles, {r: float(data["bias"][r]) for r in roles},
                       {f: {r: float(w) for r, w in ws.items()} for f, ws in data["weights"].items()})


def _set_off(gap: str, marks: str = ",", skip: str | None = " )") -> bool:
    """The text ``gap`` after a name opens, past the characters of ``skip`` (spaces and closing brackets; None:
    any white space), with one of ``marks``: the next words are set off from the name by a comma ("a Reni, nel
    distretto di Bolhrad"; with ``marks`` ",(", by a comma or a bracket)."""
    head = gap.lstrip(skip)[:1]
    return head != "" and head in marks


def _back_over(words: list[str], k: int, skip: frozenset[str]) -> int:
    """The last word at or before word ``k`` that is none of ``skip`` (-1: none): the step back over the articles
    (and the other words a test reads past: area nouns, direction adjectives) to the word the test judges."""
    while k >= 0 and words[k] in skip:
        k -= 1
    return k


def _phrase_in(phrases: Phrases, words: list[str], lo: int, hi: int) -> bool:
    """A phrase of ``phrases`` starts at one of the words ``lo`` to ``hi - 1`` (the window clipped to the
    sentence): "a government word within four words before "of"", "an attack word among the three after"."""
    return any(phrases.match_at(words, j) for j in phrases.starts_in(words, max(0, lo), min(len(words), hi)))


def _of_at(words: list[str], idx: int, profile: EventProfile) -> int:
    """Where the "of" of the place would stand: the word right before it, or before its article ("of the",
    "di la"); -1 at the sentence's start."""
    k = idx - 1
    if k >= 0 and words[k] in profile.articles:
        k -= 1
    return k


def _government_of(words: list[str], idx: int, profile: EventProfile) -> bool:
    """"il portavoce del ministero degli Esteri di Ankara", "l'esecutivo di Budapest", "the cabinets of
    Slovakia": a government word, then (within four words) "of", right before the place."""
    k = _of_at(words, idx, profile)
    if k < 0 or words[k] not in profile.of_words:
        return False
    return _phrase_in(profile.government_heads, words, k - 4, k)


#: The apostrophes of a possessive ("Chad's", "Russia’s").
APOSTROPHES = "'’"


def _possessive_at(text: str, words: list[str], end_idx: int, end: int, profile: EventProfile) -> bool:
    """A possessive follows the name that ends at offset ``end`` (before word ``end_idx``): an apostrophe right
    after it, then a possessive suffix ("Chad's", "Russia’s")."""
    return end_idx < len(words) and words[end_idx] in profile.possessive_suffixes and \
        text[end : end + 1] in APOSTROPHES


def _possessed(words: list[str], end_idx: int) -> range:
    """The words a possessive at word ``end_idx`` may govern: the three after it ("Russia's defence ministry")."""
    return range(end_idx + 1, min(len(words), end_idx + 4))


def _government_possessive(words: list[str], end_idx: int, profile: EventProfile) -> bool:
    """"Chad's army chief", "Russia's defence ministry": a government word after the possessive at word
    ``end_idx`` (:func:`_possessive_at`)."""
    window = _possessed(words, end_idx)
    return _phrase_in(profile.government_heads, words, window.start, window.stop)


def _part_possessed(text: str, words: list[str], tokens: Sequence[Token], end_idx: int,
                    profile: EventProfile) -> bool:
    """What the possessive at word ``end_idx`` (:func:`_possessive_at`) governs is a part of the place: a noun of the
    lexicon's ``possessed_parts`` after its direction adjectives, in lower case ("the city's southern suburbs",
    "Kyiv's outskirts", "Ukraine's east"), as "the southern suburbs of the city" and "the east of Ukraine" are
    (feature ``part_of``). Not a noun that mostly modifies another ("Ukraine's border service", "area commanders",
    "district court": they are not in the list), a role ("Iran's part in the attack") or a capitalised name
    ("Russia's North Korean allies").

    Parameters
    ----------
    text : str
        The document's text (the hyphen after a part noun).
    words : list of str
        The sentence's folded words.
    tokens : Sequence[Token]
        The sentence's tokens (their case and offsets).
    end_idx : int
        The index of the possessive suffix ("s" of "Kyiv's").
    profile : EventProfile
        The language's event lexicon (``possessed_parts``, ``direction_adjectives``).

    Returns
    -------
    bool
    """
    k = end_idx + 1
    while k < len(words) and words[k] in profile.direction_adjectives and not profile.possessed_parts.match_at(
            words, k):
        k += 1
    n = profile.possessed_parts.match_at(words, k) if k < len(words) and k < len(tokens) else 0
    if not n or tokens[k].capitalised:
        return False
    last, after = tokens[k + n - 1], k + n
    # "Poland's centre-right party": the part noun is the first half of a hyphenated modifier, not a part; a
    # direction after the hyphen still is ("Ukraine's south-east")
    return not (text[last.end : last.end + 1] == "-" and after < len(words) and not (
        words[after] in profile.direction_adjectives or profile.possessed_parts.match_at(words, after)))


def _government_after(words: list[str], end_idx: int, profile: EventProfile) -> bool:
    """"Laos military carried out strikes", "rebels attacked Gabon troops": a government or army word right
    after the name, the name its modifier (not a war: "the Ukraine war")."""
    return end_idx < len(words) and bool(profile.government_heads.match_at(words, end_idx)) and not \
        profile.conflict_nouns.match_at(words, end_idx)


def _government_start(words: list[str], idx: int, profile: EventProfile, *, of_head: bool) -> int:
    """The first word of the government or army phrase that names the place: the government word before "of" and the
    place (``of_head``: "the army of Chad") or the place itself ("Chad's army")."""
    if of_head:
        k = _of_at(words, idx, profile)
        starts = list(profile.government_heads.starts_in(words, max(0, k - 4), k))
        return starts[0] if starts else idx
    return idx


#: Punctuation before a government or army phrase that opens its clause (:func:`_government_subject`).
SUBJECT_OPENERS = ",;:(" + QUOTE_DASH
#: The punctuation that may open the clause of a place read as its subject (role feature ``clause_subject``,
#: :func:`_clause_subject`): :data:`SUBJECT_OPENERS` but the closing quotes and the dashes, as it was first written
#: (no test or rule asks for the difference).
CLAUSE_SUBJECT_OPENERS = ",;:(\"«“"


def _opens_its_clause(text: str, sentence: Sentence, start: int, profile: EventProfile, openers: str) -> bool:
    """Whether the phrase starting at word ``start`` opens its clause: only articles, then the sentence's start, a
    mark of ``openers`` or a subordinator ending right before it ("that", "dass", "che"). The one reading of
    :func:`_government_subject` (with :data:`SUBJECT_OPENERS`) and :func:`_clause_subject` (with
    :data:`CLAUSE_SUBJECT_OPENERS`, after its own tests of the word after the place)."""
    words = sentence.words
    j = _back_over(words, start - 1, profile.articles)
    if j < 0 or sentence.break_before(text, openers, j + 1):  # j < start: j + 1 is a token
        return True
    return profile.subordinators.ending(words, j + 1, 3) is not None


def _government_subject(text: str, sentence: Sentence, start: int, profile: EventProfile) -> bool:
    """The government or army phrase starting at word ``start`` opens its clause: only articles, then the sentence's
    start, punctuation of :data:`SUBJECT_OPENERS` or a subordinator before it ("the army of Chad said", "officials
    said that Chad's army"), so it is the clause's subject (not "rebels fought Chad's army", "they had beaten the army
    of Chad": an object; nor "against the army of Chad", "aid for Chad's army": what the clause aims at or gives to)."""
    return _opens_its_clause(text, sentence, start, profile, SUBJECT_OPENERS)


#: The most words other than articles and "of" words between a seat head and the locative before the place
#: (:func:`_government_seat`): "il ministero degli Esteri russo a Mosca" ("esteri", "russo").
SEAT_GAP = 2

#: Punctuation between a seat head and the place that parts them (:func:`_government_seat`): a subject's breaks.
SEAT_BREAKS = SUBJECT_BREAKS


def _government_seat(text: str, sentence: Sentence, idx: int, end_idx: int, cues: RoleCues,
                     profile: EventProfile) -> bool:
    """A state's institution stands at its seat, the place: a phrase of the lexicon ``seat_heads`` ("ministero",
    "general staff", "Verteidigungsministerium"), then its complement (the word after it "of", capitalised or a
    demonym: "il governo ucraino a Kiev"; at most :data:`SEAT_GAP` words besides articles and "of" words), then a
    locative word and only articles before the place, no punctuation between (:data:`SEAT_BREAKS`), and a statement:
    a speech word or one of the lexicon's ``seat_statements`` within three words after the place, or right before the
    head, only articles between ("the defence ministry in Moscow said", "lo stato maggiore a Kiev ha reso noto",
    "meldete das Ministerium in Oslo"; not "el Gobierno anunció en Lisboa": a verb after the head, nor "protesters
    gathered outside the ministry in Tbilisi", "a delegation from the ministry in Rome travelled": no statement).

    Not a head after a building of the lexicon's ``seat_buildings``, only articles, "of" words and at most one other
    word between ("the headquarters of the general staff", "la sede del governo": the building, where it was struck).

    Not a seat head that a trigger of an incident governs, at most three words before it with the first word after
    the trigger and all but one of the others articles, "of", locative or toward words ("a drone hit the defence
    ministry in Moscow": the building was struck there; but "am Abend meldete der Generalstab in Oslo"
    reports); nor a person ("il ministro a Kiev" visits: the lexicon holds institutions only).

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The place's sentence, read.
    idx : int
        The index of the place's first word in the sentence.
    end_idx : int
        The index of the first word after the place.
    cues : RoleCues
        The language's role cues (its locative words).
    profile : EventProfile
        The language's event lexicon (``seat_heads``, ``seat_buildings``, ``seat_statements``, speech words,
        demonyms, articles, "of" words, attack triggers).

    Returns
    -------
    bool
    """
    words = sentence.words
    k = _back_over(words, idx - 1, profile.articles)
    n = locative_length(words, k + 1, cues.locative, 2)
    if not n:
        return False
    k -= n  # the last word before the locative
    skip = _union(profile.articles, profile.of_words)
    stated = any(_statement_at(words, j, profile) for j in range(end_idx, min(len(words), end_idx + 3)))
    linking = _union(skip, cues.locative, frozenset(p[0] for p in profile.toward_words.phrases))
    for j in profile.seat_heads.starts_in(words, max(0, k - SEAT_GAP - 4), k + 1):
        end = j + profile.seat_heads.match_at(words, j)
        if end <= j or end > k + 1:
            continue
        if end <= k and not (words[end] in profile.of_words or sentence.tokens[end].capitalised
                             or words[end] in profile.demonyms):
            continue  # "el Gobierno anunció en Lisboa": a verb after the head, whose place is where it spoke
        before = _back_over(words, j - 1, profile.articles)
        if not (stated or before >= 0 and phrase_ending(
                partial(_statement_at, profile=profile), words, before + 1, 4) is not None):
            continue  # "protesters gathered outside the ministry in Tbilisi": nothing is said from there
        if _seat_building(words, j, skip, profile):
            continue  # "the headquarters of the general staff in Kyiv": the building
        if sum(w not in skip for w in words[end : k + 1]) > SEAT_GAP:
            continue
        if sentence.break_between(text, SEAT_BREAKS, sentence.tokens[j].end, sentence.tokens[idx].start):
            continue
        if any(t.event in INCIDENT_CLASSES and j - 3 <= t.last <= j and (t.last == j or words[t.last] in linking
               and sum(w not in linking for w in words[t.last : j]) <= 1) for t in sentence.triggers):
            continue  # "a drone hit the defence ministry in Moscow", "l'attacco al ministero": where the attack struck
        return True
    return False


def _statement_at(words: list[str], j: int, profile: EventProfile) -> int:
    """The number of words of the statement that starts at word ``j`` (0: none): a speech word of
    :meth:`EventProfile.speech_at`, else a phrase of the lexicon ``seat_statements``. One that ends at a word is
    found with :func:`phrase_ending` ("teilte der Generalstab", "ha riferito il ministero")."""
    return profile.speech_at(words, j) or profile.seat_statements.match_at(words, j)


# Not _head_before: the word right before a seat head may be its own modifier ("of the defence ministry"), where a
# head before a name wants "of" or a filler right before the name ("the governor of the region of").
def _seat_building(words: list[str], j: int, skip: frozenset[str], profile: EventProfile) -> bool:
    """A building of the lexicon ``seat_buildings`` stands before the seat head at word ``j``, only ``skip`` words
    (articles, "of") and at most one other word between: "the building of the defence ministry", "la sede del
    governo", "le siège du gouvernement"."""
    for b in range(max(0, j - 6), j):
        n = profile.seat_buildings.match_at(words, b)
        if n and b + n <= j and sum(w not in skip for w in words[b + n : j]) <= 1:
            return True
    return False


def _locality_of(words: list[str], idx: int, cues: RoleCues, profile: EventProfile) -> tuple[bool, bool]:
    """The name completes a locality noun and "of": "nel villaggio di Borgoforte", "the town of Tartu",
    "en las aldeas de Villamar". Returns (named so, a locative before the noun: "nel villaggio di")."""
    k = _back_over(words, idx - 1, profile.articles)
    if k < 1 or words[k] not in profile.of_words:
        return False, False
    j = profile.locality_nouns.ending(words, k, 2)
    if j is None:
        return False, False
    b = _back_over(words, j - 1, profile.articles)
    return True, b >= 0 and words[b] in cues.locative


def _stative_after(sentence: Sentence, end_idx: int, profile: EventProfile) -> bool:
    """A verb that describes the place follows it, alone or after a list: "Tapa liegt im Kreis
    Lääne-Viru", "Lviv y Rivne son dos ciudades tranquilas", "Mopti has become a flashpoint"."""
    words = sentence.words
    stop = min(len(words), end_idx + 5)
    # only a list's other names may stand between: "Lviv y Rivne son dos"; the verb may be the first other word
    after = _list_after(sentence, end_idx, stop, profile, joiner_before_name=False)
    return any(profile.stative_verbs.match_at(words, k) for k in range(end_idx, min(stop, after + 1)))


def _list_after(sentence: Sentence, k: int, stop: int, profile: EventProfile, *, joiner_before_name: bool) -> int:
    """The first word from word ``k`` (before ``stop``) that is no part of the list a place may end: its other
    names (capitalised words), articles and list joiners ("Lviv y Rivne son", "Sumy y Poltava se han"); with
    ``joiner_before_name``, only a joiner a capitalised word follows ("Odessa è stata": "e" is also "and").
    Returns ``stop`` when the list runs to it."""
    words, tokens = sentence.words, sentence.tokens
    while k < stop and (tokens[k].capitalised or words[k] in profile.articles or words[k] in LIST_JOINERS and (
            not joiner_before_name or k + 1 < len(words) and tokens[k + 1].capitalised)):
        k += 1
    return k


#: Gaps this long at most are answered from :func:`_tally_between`'s cache (those it is asked about are at most
#: 60 characters long: the apposition's, or the 40 of a locator of the name before).
TALLY_CACHED = 60


@cached_gap(TALLY_CACHED)
def _tally_between(gap: str, profile: EventProfile) -> bool:
    """A count between two names opens a new entry of a tally ("8 nella regione di Tver, cinque nella
    regione di Pskov"): any number, but one followed by "of", by a unit of distance (:func:`_distance_before`)
    or by a direction word ("one of the ports in", "200 km south of", "north of") locates, as a comma does."""
    for n in find_numbers(gap, profile.lang):
        number, after = fold(gap[n.start : n.end]).split(), fold(gap[n.end :]).split()
        if not after or (after[0] not in profile.of_words and not profile.direction_words.match_at(after, 0)
                         and not _distance_before(number + after, len(number) + 1, profile)):
            return True
    return False


def _trigger_between(sentence: Sentence, lo: int, hi: int) -> bool:
    """A trigger of an event lies among words ``lo`` to ``hi`` (between two names): "units led by Spain, are
    being deployed in Slovakia" is no apposition of Slovakia to Spain, the place is where the event is."""
    return any(lo <= t.first and t.last <= hi for t in sentence.triggers)


def _unresolved(surface: str) -> Entity:
    """A stand-in for a name nothing resolved: a place of kind "other" that contains nothing."""
    return Entity(f"unresolved:{surface}", surface, "other", None, None, 0.0, 0.0)


def _clause_subject(text: str, sentence: Sentence, idx: int, end_idx: int, profile: EventProfile) -> bool:
    """The place opens its clause (only articles, a subordinator or punctuation before it) and a lower-case
    word that is no preposition follows: "Norway launched", "dass Russland ... durchgeführt habe"."""
    tokens = sentence.tokens
    if end_idx >= len(tokens):
        return False
    nxt = tokens[end_idx]
    if end_idx and sentence.break_before(text, SUBJECT_BREAKS, end_idx):
        # "Moscow, for its part, denied": a short aside between commas; the word after it is the one judged
        after = _after_aside(text, sentence, end_idx)
        if after is None:
            return False  # "Libia: miliziani attaccano", "Yemen, petroliera colpita": a title's topic, no subject
        end_idx, nxt = after, tokens[after]
    if nxt.capitalised or nxt.key in profile.of_words or nxt.key.isdigit() or nxt.key in LIST_JOINERS:
        return False  # "in Lithuania, Latvia and Estonia": "and" goes on with a list, no verb follows the name
    # "Norway's king will visit": the noun is the subject (but "Latvia's defence ministry said": its government,
    # "Russia's attack on Kyiv killed three": its forces)
    gap = sentence.gap(text, end_idx)
    if nxt.key in profile.possessive_suffixes and gap and gap[-1] in APOSTROPHES and not _acting_words_after(
            sentence.words, end_idx, profile):
        return False
    return _opens_its_clause(text, sentence, idx, profile, CLAUSE_SUBJECT_OPENERS)


def _after_aside(text: str, sentence: Sentence, end_idx: int) -> int | None:
    """The token after a short aside that a comma opens right after the name and a second comma closes
    ("Moscow, for its part, denied", "L'Iran, secondo l'agenzia, ha lanciato"), or None: another break, a list
    ("Kyiv, Kharkiv and Odesa"), an aside longer than :data:`ASIDE_WORDS` words or one with an event word (a
    title's "Nigeria, assalto a una scuola, 40 rapiti")."""
    tokens = sentence.tokens
    if sentence.gap(text, end_idx).strip() != "," or tokens[end_idx].capitalised:
        return None
    for j in range(end_idx, min(len(tokens) - 1, end_idx + ASIDE_WORDS)):
        if sentence.gap(text, j + 1).strip() == ",":
            if any(t.first < j + 1 and t.last > end_idx for t in sentence.triggers):
                return None
            return j + 1
        if sentence.break_before(text, SUBJECT_BREAKS, j + 1):
            return None
    return None


def _acting_words_after(words: list[str], end_idx: int, profile: EventProfile) -> bool:
    """A government, attack or armed-force word within 3 words after the possessive at ``end_idx`` ("Latvia's
    defence ministry", "Russia's attack on Kyiv", "Israel's army"): the place acts through it."""
    troops = troop_words(profile.lang)
    for j in _possessed(words, end_idx):
        if profile.government_heads.match_at(words, j) or profile.triggers["attack"].match_at(words, j) or \
                words[j] in troops:
            return True
    return False


def _conflict_between(words: list[str], idx: int, profile: EventProfile, *, in_list: bool, previous,
                      sentence: Sentence) -> bool:
    """A conflict noun, then "between", then the place (or the place before it in the same list)."""
    k = idx
    if in_list and previous is not None and sentence.start <= previous.start < sentence.end:
        k = sentence.token_at(previous.start)
    j = _back_over(words, k - 1, profile.articles)
    if j < 0 or not profile.between_words.match_at(words, j):
        return False
    return _phrase_in(profile.conflict_nouns, words, j - 3, j)


def _head_before(phrases, words: list[str], idx: int, profile: EventProfile, fillers: frozenset[str]) -> bool:
    """A phrase of ``phrases`` ends before word ``idx`` with only articles, "of" words, area nouns and
    direction adjectives between, and at most one other word ("il governatore della regione di
    Zaporizhzhia", "the governor of the western region of Volyn")."""
    for j in phrases.starts_in(words, max(0, idx - 7), idx):
        n = phrases.match_at(words, j)
        if not n or j + n > idx:
            continue
        between = words[j + n : idx]
        if between and between[-1] not in profile.of_words and between[-1] not in fillers:
            continue  # "of" (or an area noun: "der Region Charkiw") stands right before the name
        if sum(w not in fillers and w not in profile.of_words for w in between) <= 1:
            return True
    return False


def _head_after(phrases, sentence: Sentence, end_idx: int, text: str, fillers: frozenset[str]) -> bool:
    """A phrase of ``phrases`` starts within three words after the name, with only capitalised words or
    ``fillers`` between and no punctuation: "the Sumy Regional Military Administration", "the Sumy
    city military administration", "the Campia Turzii air base"."""
    tokens = sentence.tokens
    words = sentence.words
    for j in range(end_idx, min(len(tokens), end_idx + 3)):
        if j > 0 and sentence.break_before(text, HEAD_BREAKS, j):
            return False
        if phrases.match_at(words, j):
            return True
        if not (tokens[j].capitalised or words[j] in fillers):
            return False
    return False


def _request_of(words: list[str], idx: int, profile: EventProfile) -> bool:
    """The place is who made a request or an invitation (the lexicon's ``request_nouns``): the noun, at most one other
    word, then "of", "from" or an agent cue whose first word is one of the lexicon's ``request_links`` (English: only
    "of") and the place ("at the invitation of Moldova", "su invito della Moldavia",
    "l'appello lanciato da parte della Moldavia", "à l'invitation de la Moldavie", "a solicitud de Moldavia").

    Parameters
    ----------
    words : list of str
        The sentence's folded words.
    idx : int
        The place's first word.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    bool
    """
    articles = profile.articles
    link = _cue_start(profile.agent_cues, words, idx, 4, articles)
    if link is None:
        link = _cue_start(profile.origin_cues, words, idx, 2, articles)
    if link is None:
        k = _of_at(words, idx, profile)
        link = k if k >= 0 and words[k] in profile.of_words else None
    if link is None or words[link] not in profile.request_links:
        return False  # "demand from China for oil": English asks "of" ("at the request of")
    return profile.request_nouns.ending(words, link, 3) is not None or (
        profile.request_nouns.ending(words, link - 1, 3) is not None)


#: How many words before a time zone's noun (or, after the place, before the place) a clock time may stand
#: (:func:`_time_of`): "il treno parte alle 9:40 ora di Lisbona", "at 6 pm Lisbon time".
CLOCK_REACH = 4


def _time_of(words: list[str], idx: int, end_idx: int, profile: EventProfile) -> bool:
    """The place names the time zone of a clock time: a noun of the lexicon's ``time_nouns`` and an "of" word right
    before it ("il volo delle 16:20 ora di Varsavia", "à 5 heures, heure de Paris", "a las 8, hora de Madrid"), or
    the noun right after it ("at 6 pm Lisbon time"), with a clock time (:func:`_clock_at`) at most
    :data:`CLOCK_REACH` words before the phrase (not "at the time of Moscow's annexation", not "by 2030 it will be
    Moscow time").

    Parameters
    ----------
    words : list of str
        The sentence's folded words.
    idx, end_idx : int
        The place's first word and the word after it.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    bool
    """
    nouns = profile.time_nouns
    k = _of_at(words, idx, profile)
    start = None
    if k >= 1 and words[k] in profile.of_words and nouns.match_at(words, k - 1) == 1:
        start = k - 1
    elif end_idx < len(words) and nouns.match_at(words, end_idx):
        start = idx
    if start is None:
        return False
    lo = max(0, start - CLOCK_REACH)
    return any(_clock_at(words, i, start, profile) for i in range(lo, start))


#: A one-word clock time ("22h30").
CLOCK_WORD = re.compile(r"\d{1,2}h\d{2}")


def _clock_at(words: list[str], i: int, stop: int, profile: EventProfile) -> bool:
    """A clock time starts at word ``i`` and ends before ``stop``: an hour (a number up to 24) followed by two digits
    of minutes ("22:00", "6.30", read as two words) or by a word of the lexicon's ``clock_words`` ("6 pm", "22
    heures"), or one word such as "22h30" (not a year, "2022", nor a date, "il 24 febbraio")."""
    w = words[i]
    if CLOCK_WORD.fullmatch(w):
        return True
    if not (w.isdigit() and len(w) <= 2 and int(w) <= 24) or i + 1 >= stop:
        return False
    after = words[i + 1]
    return (after.isdigit() and len(after) == 2) or bool(profile.clock_words.match_at(words[:stop], i + 1))


def _capital_named(text: str, sentence: Sentence, idx: int, profile: EventProfile) -> int | None:
    """Where a capital noun of the lexicon's ``capital_nouns`` starts that stands right before the place, only
    articles and a comma between ("the capital Khartoum", "in the capital, Khartoum", "die Hauptstadt Khartum", "la
    capitale Kiev"): the text names the city as a city. None when no such noun stands there.

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The place's sentence.
    idx : int
        The place's first word.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    int or None
    """
    words = sentence.words
    k = _back_over(words, idx - 1, profile.articles)
    start = profile.capital_nouns.ending(words, k + 1, 3) if k >= 0 else None
    if start is None or sentence.break_between(text, CLAUSE_BREAKS, sentence.tokens[k].end,
                                               sentence.tokens[idx].start):
        return None
    return start


def _inside_thing(sentence: Sentence, idx: int, cues: RoleCues, profile: EventProfile) -> bool:
    """The place locates a thing named just before it: a locality noun, perhaps a name, then a locative
    ("raided a hamlet in Kassala State", "im Dorf Logatschjowka im Kreis Waluiki"), or a capital noun
    and "of" ("Nyala, the capital of South Darfur")."""
    tokens, words = sentence.tokens, sentence.words
    k = _back_over(words, idx - 1, _union(profile.articles, cues.area_nouns, profile.direction_adjectives))
    if k >= 0 and words[k] in profile.of_words:
        return profile.capital_nouns.ending(words, k, 2) is not None
    if k < 0 or not locative_length(words, k + 1, cues.locative):
        return False
    k = _back_over(words, k - 1, _union(profile.articles, profile.of_words))
    for j in range(k, max(-1, k - 4), -1):
        if profile.locality_nouns.match_at(words, j):
            return True
        if not tokens[j].capitalised:
            return False
    return False


def _struck_after(text: str, sentence: Sentence, end_idx: int, profile: EventProfile) -> bool:
    """What an attack struck follows the place (alone or the last of a list), as the subject of a passive or of a
    copula: a passive auxiliary, then a word of ``struck_words``, all within eight words ("Kharkiv was hit overnight",
    "Odessa è stata bombardata", "Charkiw wurde in der Nacht angegriffen", "Sumy y Poltava se han convertido en
    escenario de combates"). No clause punctuation after the list; an active verb ("Russia has attacked") has no
    passive auxiliary."""
    words = sentence.words
    k = _list_after(sentence, end_idx, len(words), profile, joiner_before_name=True)  # "Sumy y Poltava se han"
    aux = None
    for j in range(k, min(len(words), k + 8)):
        if j > end_idx and sentence.break_before(text, STRONG_LOCATOR_BREAKS, j):
            return False
        if j > k and sentence.break_before(text, ",", j):
            return False
        if aux is None:
            n = profile.passive_auxiliaries.match_at(words, j)
            if n:
                aux = j + n
            elif j >= k + 2:
                return False  # the auxiliary follows the name (an adverb may stand between)
        elif j >= aux and profile.struck_words.match_at(words, j):
            return True
    return False


def _clause_events(text: str, sentence: Sentence, idx: int, asides: Asides = ((), frozenset())) -> set[str]:
    """The classes of event of the triggers in the place's clause: the stretch of the sentence between
    strong punctuation (";", ":", brackets, quotes, dashes) around word ``idx``."""
    lo, hi = _clause_span(text, sentence, idx, asides)
    return {t.event for t in sentence.triggers if lo <= t.first < hi}


def _clause_incident(text: str, sentence: Sentence, idx: int, profile: EventProfile,
                     asides: Asides = ((), frozenset())) -> bool:
    """A trigger of an incident (:data:`INCIDENT_CLASSES`) stands in the place's clause (:func:`_clause_span`), but
    not inside a phrase of the lexicon's ``equipment_phrases`` ("combat vehicles", "carros de combate": equipment, no
    fighting): "the soldiers stationed at the base of Mopti, in the centre, came under rocket fire"."""
    lo, hi = _clause_span(text, sentence, idx, asides)
    words = sentence.words
    gear = set()
    for j in profile.equipment_phrases.starts_in(words, lo, hi):
        gear.update(range(j, j + profile.equipment_phrases.match_at(words, j)))
    return any(t.event in INCIDENT_CLASSES and lo <= t.first < hi and t.first not in gear for t in sentence.triggers)


#: The most words between a movement word and the toward word of its destination (:func:`_destination`): "des
#: milliers de civils ont fui leurs maisons, surtout vers Goma" counts from the movement word ("fui").
DESTINATION_REACH = 12


def _located_other(text: str, sentence: Sentence, m, idx: int, neighbours: Sequence, cues: RoleCues,
                   articles: frozenset[str], asides: Asides = ((), frozenset())) -> bool:
    """Another place of the clause of the place ``m`` (at word ``idx``) follows a locative ("near Bol", "a
    Tillabéri"): where the clause's event happened is named, so a country named as the owner of the army it aims at
    is no place of the event (feature ``government_target``; not "strikes against Syria's army overnight", where the
    country is the one place of the strike)."""
    lo, hi = _clause_span(text, sentence, idx, asides)
    for o in neighbours:
        j = sentence.token_at(o.start)
        if o is not m and o.entity is not None and lo <= j < hi and is_locative(
                sentence.words, j, cues.locative, articles, cues.area_nouns):
            return True
    return False


def _eventless_around(text: str, sentence: Sentence, idx: int, asides: Asides = ((), frozenset())) -> bool:
    """No trigger of an incident or a deployment (:data:`INCIDENT_CLASSES`, :data:`DEPLOYMENT_CLASSES`) in the place's
    clause (:func:`_clause_span`): a destination leaves the clause's own reading alone ("missiles headed toward Lviv
    struck a plant", "battalions headed toward Narva for the exercise", "fled toward Goma and Bukavu was shelled",
    "toward Sloviansk, which was hit")."""
    lo, hi = _clause_span(text, sentence, idx, asides)
    return not any((t.event in INCIDENT_CLASSES or t.event in DEPLOYMENT_CLASSES) and lo <= t.first < hi
                   for t in sentence.triggers)


def _destination(text: str, sentence: Sentence, idx: int, toward_at: int, profile: EventProfile,
                 asides: Asides = ((), frozenset())) -> bool:
    """Whether the toward word at word ``toward_at`` names where a movement goes: it is a word of direction (the
    lexicon's ``destination_towards``: "toward", "verso", "in Richtung"; not "against", "sur", "gegen"), a word of
    the lexicon's ``destination_heads`` ends at most :data:`DESTINATION_REACH` words before it in the same clause (no
    :data:`CLAUSE_BREAKS` between; a comma may set off "surtout vers ..."), and the clause of the place at word
    ``idx`` reports no event of its own (:func:`_eventless_around`): "thousands fled toward Goma",
    "navi dirette verso Cipro", "le déplacement des habitants vers Goma"; not "fled after shells were fired toward
    Goma", not "drones heading toward Odesa were shot down"."""
    words, tokens = sentence.words, sentence.tokens
    if not profile.destination_towards.match_at(words, toward_at) or not _eventless_around(
            text, sentence, idx, asides):
        return False
    for h in profile.destination_heads.starts_in(words, max(0, toward_at - DESTINATION_REACH), toward_at):
        end = h + profile.destination_heads.match_at(words, h)
        if not h < end <= toward_at:
            continue
        if not sentence.break_between(text, CLAUSE_BREAKS, tokens[end - 1].end, tokens[toward_at].start):
            return True
    return False


def _vessel_destination(text: str, sentence: Sentence, idx: int, profile: EventProfile,
                        asides: Asides = ((), frozenset())) -> bool:
    """Whether the place at word ``idx`` is where a ship sails: a course of the lexicon's ``vessel_destinations``
    ends right before it (only articles between: "bound for", "dirette verso", "à destination de", "con destino a",
    "auf dem Weg nach"; not a bare direction, "en dirección a": a ship may fire that way), a vessel noun of
    ``vessel_nouns`` ends at most one word before the course ("a tanker bound for Haifa", "navi mercantili dirette
    verso Cipro", "buques que se dirigen hacia Chipre") and is no attack craft of ``attack_craft_words``: not the
    whole vessel noun, nor a word right before it or between it and the course (a sea drone or a small attack boat,
    "unmanned vessels bound for", "lanchas que se dirigían a": where it heads is its target, the incident stays; a
    "patrol boat" is a ship), and the place's clause
    (:func:`_clause_span`) reports an incident (:data:`INCIDENT_CLASSES`) and no deployment or exercise
    (:data:`DEPLOYMENT_CLASSES`): a ship is struck at sea, on its way, not at its destination ("rebels target ships
    bound for Haifa"), while where ships sail with no attack ("frigates sailing to the Red Sea") or to reinforce a
    fleet may be a deployment, left to the weights.

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The place's sentence.
    idx : int
        The index of the place's first word.
    profile : EventProfile
        The language's event lexicon (``vessel_destinations``, ``vessel_nouns``, ``attack_craft_words``,
        ``articles``).
    asides : Asides, optional
        The sentence's asides, for the clause's span.

    Returns
    -------
    bool
    """
    words = sentence.words
    course = _cue_start(profile.vessel_destinations, words, idx, profile.vessel_destinations.longest + 2,
                        profile.articles)
    craft = profile.attack_craft_words
    if course is None or not any(
            (n := profile.vessel_nouns.match_at(words, j)) and course - 1 <= j + n <= course
            and craft.match_at(words, j) != n and not _phrase_in(craft, words, j - 1, j)
            and not _phrase_in(craft, words, j + n, course)
            for j in range(max(0, course - 4), course)):
        return False  # no ship, or an attack craft whose course is its target ("drone boats heading for")
    lo, hi = _clause_span(text, sentence, idx, asides)
    events = {t.event for t in sentence.triggers if lo <= t.first < hi}
    return bool(events & INCIDENT_CLASSES) and not events & DEPLOYMENT_CLASSES


def _plain_list_gap(gap: str, profile: EventProfile) -> bool:
    """Only commas, list joiners, articles and capitalised words (a name the gazetteer lacks: "Goma, Sake et
    Bukavu") between two names: the second is an item of the first's list, not the subject of a clause of its own
    ("Goma, während Bukavu ruhig blieb")."""
    parts = gap.replace(",", " , ").replace("'", " ").split()
    return bool(parts) and all(p == "," or p[:1].isupper() or fold(p) in LIST_JOINERS or fold(p) in profile.articles
                               for p in parts)


#: The marks that close an item of a list (:func:`_item_closed`): a comma, a clause's mark or a sentence's end.
ITEM_CLOSERS = ".!?" + SUBJECT_BREAKS


def _item_closed(text: str, sentence: Sentence, end_idx: int) -> bool:
    """Whether the name that ends before word ``end_idx`` closes a list item: the sentence ends after it, a mark of
    :data:`ITEM_CLOSERS` follows it, or a list joiner and another capitalised name do ("Goma, Sake and Bukavu.").
    Any other word after it (a verb: "toward Goma, Rwanda denied", "in Richtung Goma und Kinshasa beschuldigte")
    makes the name the subject of a clause of its own, no item of the list before it.

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The name's sentence.
    end_idx : int
        The word after the name's last.

    Returns
    -------
    bool
    """
    words, tokens = sentence.words, sentence.tokens
    if end_idx >= len(words) or sentence.break_before(text, ITEM_CLOSERS, end_idx):
        return True
    return words[end_idx] in LIST_JOINERS and end_idx + 1 < len(words) and tokens[end_idx + 1].capitalised


def _vessel_attacked(text: str, sentence: Sentence, idx: int, profile: EventProfile,
                     asides: Asides = ((), frozenset())) -> bool:
    """The place's clause (:func:`_clause_span`) reports an attack on a vessel: a trigger of class ``attack`` and a
    vessel noun of the lexicon (``vessel_nouns``: "tanker", "petroliera", "Frachter") stand in it ("a drone hit a
    tanker off Tuapse, in the Black Sea": the sea is where the ship was struck, no locator)."""
    if "attack" not in _clause_events(text, sentence, idx, asides):
        return False
    return _phrase_in(profile.vessel_nouns, sentence.words, *_clause_span(text, sentence, idx, asides))


def _clause_span(text: str, sentence: Sentence, idx: int, asides: Asides = ((), frozenset())) -> tuple[int, int]:
    """The words ``[lo, hi)`` of the place's clause: the stretch of the sentence between strong punctuation (";",
    ":", brackets, quotes, dashes) around word ``idx``; ``asides`` (the starts of the sentence's place mentions,
    the language's month and weekday names) keep the brackets of a place or a time
    (:func:`geo.clauses.name_aside_breaks`)."""
    tokens = sentence.tokens
    n = len(tokens)
    # The breaks nearest the place (the marks are never inside a token): the last one before word ``idx``
    # (or the last word), the first one after it, among the sentence's breaks between its first and last words.
    lo, hi = 0, n
    if n >= 2:
        breaks = name_aside_breaks(text, sentence.breaks(text, CLAUSE_BREAKS), tokens[min(idx, n - 1)].start, *asides)
        k = bisect_left(breaks, tokens[min(idx, n - 1)].start)
        if k:
            lo = bisect_right(tokens, breaks[k - 1], key=TOKEN_START)
        if idx + 1 < n:
            k = bisect_left(breaks, tokens[idx].end)
            if k < len(breaks):
                hi = bisect_right(tokens, breaks[k], key=TOKEN_START)
    return lo, hi


@cached_gap()
def _joins_list(gap: str, profile: EventProfile) -> bool:
    """:func:`geo.roles.is_list_gap`, but no direction ("Mali, south of Gao") and no word of the lexicon
    ``list_breakers`` ("dans le nord du Mali, où la France") between the names."""
    if not is_list_gap(gap) or any(c in gap for c in QUOTE_DASH):  # 'in Sumy," Kyiv said': a quote ends the list
        return False
    words = fold(gap).replace("'", " ").split()
    if _phrase_in(profile.direction_words, words, 0, len(words)):
        return False
    return not any(w in profile.list_breakers for w in gap.lower().replace(",", " ").split())


def _cue_start(phrases, words: list[str], idx: int, reach: int, between: frozenset[str]) -> int | None:
    """Where a phrase of ``phrases`` starts that ends at most ``reach`` words before the place, only ``between``
    words after it (None: no such phrase)."""
    for j in phrases.starts_in(words, max(0, idx - reach), idx):
        n = phrases.match_at(words, j)
        if n and j + n <= idx and all(w in between for w in words[j + n : idx]):
            return j
    return None


@cache
def troop_words(lang: str) -> frozenset[str]:
    """The folded words of the figures lexicon's troop nouns and units (``figures.kinds.troops``,
    ``figures.units``; the first word of a phrase: "consiglieri militari"), made once per language."""
    from geo.figures import figure_lexicon

    lex = figure_lexicon(lang)
    return frozenset(seq[0] for seq, kind in lex.noun_kind.items() if kind == "troops") | frozenset(
        seq[0] for seq in lex.units.seqs)


def _troops_before(words: list[str], origin: int, profile: EventProfile) -> bool:
    """A troop noun or unit of the figures lexicon (:func:`troop_words`) is one of the 2 words before the
    origin cue at ``origin``, with no lead word after it ("soldiers from Kenya", "militari italiani provenienti
    da"; not "Soldaten sollen Drohnen aus Belarus", "migrants from Belarus", nor "il battaglione guidato dalla
    Germania": the leader)."""
    troops = troop_words(profile.lang)
    for j in range(origin - 1, max(-1, origin - 3), -1):
        if profile.lead_words.match_at(words, j):
            return False
        if words[j] in troops:
            return True
    return False


#: How many words before a base's place an origin cue makes it where troops come from, no deployment
#: (feature ``base_deployment``): "soldiers from the air base of Aviano".
BASE_ORIGIN_REACH = 5


#: The most words from a casualty count's number to the "of" or "from" before the place that names the nationality
#: of the troops it counts (:func:`_casualty_nationality`): "sei degli alpini feriti della brigata di" (6 words).
CASUALTY_REACH = 6

#: The figure kinds that count casualties, the troops of :func:`_casualty_nationality`.
CASUALTY_KINDS = frozenset({"killed", "wounded", "casualties"})

#: The event classes whose trigger between a casualty count and the "of" or "from" makes the troops after it others
#: than the counted ones (:func:`_casualty_nationality`): "two soldiers were killed by troops of Sudan".
CASUALTY_EVENTS = frozenset({"kill", "wound"})

#: Punctuation between a casualty count and the place that parts them (:func:`_casualty_nationality`).
CASUALTY_BREAKS = SUBJECT_BREAKS


def _casualty_nationality(text: str, sentence: Sentence, link: int, figures: FigureIndex,
                          profile: EventProfile) -> bool:
    """The place after the "of" or "from" at word ``link`` names the nationality of troops a casualty count counts
    ("a mine wounded 3 marines of Peru", "due soldati della Slovenia sono rimasti feriti"):
    the number of a killed, wounded or casualty figure (:data:`CASUALTY_KINDS`) stands at most
    :data:`CASUALTY_REACH` words before ``link``, a troop noun of the figures lexicon (:func:`troop_words`, or the
    word after it: "cascos azules") or an army of ``government_heads`` stands right before ``link`` (only articles or
    demonyms between), no trigger of :data:`CASUALTY_EVENTS` and no agent cue
    between the count and ``link`` (not "killed by fighters from Niger": who killed) and no punctuation of
    :data:`CASUALTY_BREAKS`. The place is whose troops were hurt, not who acts.

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The place's sentence.
    link : int
        The word of the "of" or the origin cue before the place.
    figures : FigureIndex
        The document's figures.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    bool
    """
    words = sentence.words
    troop = _back_over(words, link - 1, _union(profile.articles, profile.demonyms))
    troops = troop_words(profile.lang)
    if troop < 0 or not (words[troop] in troops or troop >= 1 and words[troop - 1] in troops
                         or profile.government_heads.ending(words, troop + 1, 3) is not None):
        return False  # "killed by drones launched from Russia": no troop noun right before the link
    for k in figures.by_start.positions_between(sentence.start, sentence.end):
        fig = figures[k]
        if fig.kind not in CASUALTY_KINDS:
            continue
        j = sentence.token_at(fig.start)
        if link - j > CASUALTY_REACH or troop <= j:  # "soldiers from Chad killed twelve": the count after the troops
            continue
        if any(t.event in CASUALTY_EVENTS and j < t.first < link for t in sentence.triggers) or any(
                profile.agent_cues.match_at(words, i) for i in range(j + 1, link)):
            continue  # "twenty soldiers were killed by fighters from Niger": the fighters' country acts
        if not sentence.break_between(text, CASUALTY_BREAKS, fig.end, sentence.tokens[link].start):
            return True
    return False


def _origin_through_noun(words: list[str], idx: int, profile: EventProfile) -> int | None:
    """Where an origin cue starts that a locality noun and "of" part from the place ("8 miles from the town of
    Kramatorsk"), or None: read as if the cue stood right before the place. (An area noun needs no such reading:
    "a 35 km dalla regione di Belgorod" is already a direction_of through the distance before "of".)"""
    k = _back_over(words, idx - 1, profile.articles)
    if k < 2 or words[k] not in profile.of_words:
        return None
    k -= 1
    noun = profile.locality_nouns.ending(words, k + 1, 3)
    if noun is None:
        return None
    return _cue_start(profile.origin_cues, words, noun, 2, profile.articles)


def _cue_before(phrases, words: list[str], idx: int, reach: int, between: frozenset[str]) -> bool:
    """A phrase of ``phrases`` ends at most ``reach`` words before the place, only ``between`` words after it."""
    return _cue_start(phrases, words, idx, reach, between) is not None


def _direction_at(words: list[str], j: int, profile: EventProfile) -> bool:
    """A direction word of the lexicon starts at word ``j``, or a distance ends there (a number and a unit,
    :func:`_distance_before`); one word alone counts only before "of", a one-word origin cue or another
    direction word ("à l'est de", "al este del", "a nord dalla città di", "30 km north of", "a 30 km da"), so
    that a homograph ("est": "is"; "este": "this") before a later "de" is no direction ("le bataillon est
    arrivé près de", "este ataque de")."""
    n = profile.direction_words.match_at(words, j) or int(_distance_before(words, j + 1, profile))
    if n != 1:
        return n > 1
    return j + 1 < len(words) and (words[j + 1] in profile.of_words or profile.origin_cues.match_at(words, j + 1) == 1
                                   or profile.direction_words.match_at(words, j + 1) > 0)


def _distance_before(words: list[str], j: int, profile: EventProfile) -> bool:
    """A number and a unit of the lexicon ``distance_units`` end right before word ``j`` ("a 30 km da", "40 miles
    from", "a trenta chilometri da"): a distance from the place, not an origin. A direction word alone ("est",
    also "is"; "este", also "this") is no distance. The one reading of a distance: origins, tallies
    (:func:`_tally_between`) and directions (:func:`_direction_at`) share it."""
    if j < 1 or j > len(words):
        return False
    glued = _GLUED_DISTANCE.fullmatch(words[j - 1])  # "a 30km da"
    if glued is not None:
        return glued.group(1) in profile.distance_units
    if j < 2 or words[j - 1] not in profile.distance_units:
        return False
    n = words[j - 2]
    return any(c.isdigit() for c in n) or parse_number(n, profile.lang) is not None


#: A number with its unit written on it: "30km", "2,5km".
_GLUED_DISTANCE = re.compile(r"\d+(?:[.,]\d+)?([^\W\d_]+)")


def _locates_previous(text: str, sentence: Sentence, previous, idx: int, cues: RoleCues, profile: EventProfile) -> bool:
    """The place follows the name before it (``previous``, in the same sentence) with only a locative between, and
    articles, area nouns, part nouns and direction adjectives, no punctuation: "near Mokwa in the Niger State
    area", "Anju areas in the Pyongan region": it locates that name."""
    if idx >= len(sentence.tokens) or previous.end > sentence.tokens[idx].start:
        return False
    gap = text[previous.end : sentence.tokens[idx].start]
    if len(gap) > 40 or any(c in gap for c in LOCATOR_BREAKS):
        return False
    words = sentence.words[sentence.token_at(previous.end) : idx]
    if not words or len(words) > 5:
        return False
    located = False
    for k, w in enumerate(words):
        if locative_length(words, k + 1, cues.locative, 2):
            located = True  # "in", "nella", "nei pressi di"
        elif not (w in profile.articles or w in cues.area_nouns or w in profile.direction_adjectives
                  or w in profile.part_nouns or (k + 1 < len(words) and f"{w} {words[k + 1]}" in cues.locative)):
            return False
    return located


def _head_event(sentence: Sentence, idx: int, cues: RoleCues, profile: EventProfile,
                name_starters: frozenset[str]) -> str | None:
    """The class of the trigger that governs the place's locative: it ends right before the locative, or one
    word before it ("the contingent in Kosovo", "il contingente italiano in Libano", "killed in Sumy", "la
    Mission de l'ONU en RDC"). None when no trigger stands there. ``name_starters``: the recogniser's words that
    start a person's name (given names, titles: ``Cues.name_starters``)."""
    words = sentence.words
    k = _back_over(words, idx - 1, _union(profile.articles, cues.area_nouns, profile.direction_adjectives))
    if k < 1 or words[k] not in cues.locative:
        return None
    # "la Mission de l'ONU en RDC", "il contingente di Unifil in Libano": the force's organisation, named after "of",
    # stands between the trigger and the locative; the trigger is read before it
    j = k - 1
    while j >= 0 and sentence.tokens[j].capitalised and words[j] not in cues.locative:
        j -= 1
    if j < k - 1 and words[j + 1] not in name_starters:
        # a capitalised name stands right before the locative (not "Soldaten von dem in Syrien ..."), an
        # organisation's, not a person's (not "the mission of Emmanuel Macron in Kyiv": a given name or a title)
        j = _back_over(words, j, profile.articles)
        if j >= 1 and words[j] in profile.of_words:  # after "of" (not "greeted Pope Leo in Lebanon")
            k = j
    for t in sentence.triggers:
        if k - 2 <= t.last - 1 < k:
            return t.event
    return None


def _struck_object(text: str, sentence: Sentence, idx: int, end_idx: int, profile: EventProfile) -> bool:
    """Whether the place (words ``idx`` to ``end_idx - 1``) is the object an attack verb struck: "Israel shelled south
    Lebanon", "i russi hanno colpito Odessa", "Turquía bombardea Siria".

    The verb, a trigger of an incident class, ends right before the place; only articles and direction adjectives
    stand between (a list joiner only between two direction adjectives: "bombarding south and east Lebanon", not
    "Russia attacked and Ukraine retaliated"), and the gaps between those words hold only spaces and apostrophes
    ("l'Irak"; not "attacked, Russia said"). Not the object:

    - a trigger after a word of the lexicon's ``noun_markers`` or an article, a noun ("after the explosion Turkey
      closed", "tras el ataque Rusia prometió");
    - the first part of a hyphen compound ("Russia-held Crimea");
    - a name an article or a word of ``object_markers`` follows in its clause, adverbs (``clause_adverbs``)
      skipped, or in a language of ``subject_after_verb`` a capitalised word: the subject after its verb, its object
      after it ("bombardeó Israel anoche el sur", "atacó Rusia a Ucrania", "Anoche atacó Rusia Odesa");
    - in a language of ``subject_after_verb``, after a verb that opens its clause (only ``clause_adverbs`` and
      ``verb_auxiliaries`` before it), a name set off by punctuation or followed by a list joiner and another name:
      the subject ("así atacó Irán: ...", "attaccano Russia e Bielorussia dal nord");
    - in a language that puts the subject after the verb whenever another word opens the sentence (the lexicon's
      ``verb_second``: "Am Montag beschoss Russland mit Drohnen Charkiw").

    Parameters
    ----------
    text : str
        The document's text.
    sentence : Sentence
        The place's sentence.
    idx, end_idx : int
        The place's first word and the word after its last.
    profile : EventProfile
        The language's event lexicon.

    Returns
    -------
    bool
    """
    words, tokens = sentence.words, sentence.tokens
    n = len(words)
    if profile.verb_second or idx == 0:
        return False
    between = _union(profile.articles, profile.direction_adjectives)
    k = idx - 1
    while k >= 0 and (words[k] in between or 0 < k < idx - 1 and words[k] in LIST_JOINERS and words[
            k - 1] in profile.direction_adjectives and words[k + 1] in profile.direction_adjectives):
        k -= 1
    trigger = next((t for t in sentence.triggers if t.last - 1 == k and t.event in INCIDENT_CLASSES), None)
    if trigger is None or trigger.first and words[trigger.first - 1] in _union(profile.articles, profile.noun_markers):
        return False
    if any(sentence.gap(text, j).replace("'", "").replace("\u2019", "").strip() for j in range(k + 1, idx + 1)):
        return False  # "the convoy was attacked, Russia said"
    if end_idx < n and sentence.gap(text, end_idx) in HYPHENS:
        return False  # "Russia-held Crimea"
    j = end_idx
    while j < n and (step := profile.clause_adverbs.match_at(words, j)):
        j += step
    if j < n and not sentence.break_between(text, SUBJECT_BREAKS, tokens[end_idx - 1].end, tokens[j].start) and (
            words[j] in profile.articles or words[j] in profile.object_markers
            or profile.subject_after_verb and tokens[j].capitalised):
        return False  # "bombardeó Israel anoche el sur", "atacó Rusia a Ucrania", "Anoche atacó Rusia Odesa"
    if not profile.subject_after_verb or not _opens_clause(text, sentence, trigger.first, profile):
        return True
    if end_idx < n and sentence.break_before(text, SUBJECT_BREAKS, end_idx):
        return False  # "así atacó Irán: misiles", "bombardeó Israel, según ..."
    return not (end_idx + 1 < n and words[end_idx] in LIST_JOINERS and tokens[end_idx + 1].capitalised)


def _opens_clause(text: str, sentence: Sentence, first: int, profile: EventProfile) -> bool:
    """Whether the verb at word ``first`` opens its clause: only adverbs (``clause_adverbs``) and auxiliaries
    (``verb_auxiliaries``) stand between it and the sentence's start or a break (:data:`SUBJECT_BREAKS`)
    ("Ayer atacó", "Ha bombardato", "Así atacó"): its subject, if named, follows it."""
    words = sentence.words
    k = first
    while k > 0 and not sentence.break_before(text, SUBJECT_BREAKS, k):
        j = profile.clause_adverbs.ending(words, k)
        if j is None:
            j = profile.verb_auxiliaries.ending(words, k)
        if j is None:
            return False
        k = j
    return True


def _country_noun_before(words: list[str], idx: int, profile: EventProfile) -> bool:
    """A plural noun of countries ends at most two words before the place: "nations such as Chile",
    "nove nazioni alleate (Francia, ...)": a member of a coalition or a contingent."""
    for j in profile.country_nouns.starts_in(words, max(0, idx - 4), idx):
        n = profile.country_nouns.match_at(words, j)
        if n and idx - 2 <= j + n <= idx:
            return True
    return False


def _water(words: list[str], idx: int, end_idx: int, kind: str, profile: EventProfile) -> bool:
    """The place is a body of water: a water noun among its words ("Mar Baltico", "Gulf of Aden", "Ostsee") and
    the gazetteer's kind "other" (seas, gulfs, straits and lakes), not a town or a region named after one ("Green
    Bay", "Mar del Plata", "Zell am See", the département of la Manche)."""
    return kind == "other" and any(w in profile.water_nouns for w in words[idx:end_idx])


def _water_locates(sentence: Sentence, idx: int, end_idx: int, after_comma: int | None, cues: RoleCues,
                   profile: EventProfile) -> tuple[bool, bool]:
    """Whether the body of water locates another place rather than being where something fell, in each of its two
    frames: (set off, named). Set off: a comma and a locative word after that place ("the port of Odesa, on the
    Black Sea"; ``after_comma``: the first word after the place before when a comma sets the name off from it in
    the same sentence, else None). Named: it names a locality or an area after it ("the Black Sea port of Izmail",
    "a hamlet in the Caspian Sea region")."""
    words = sentence.words
    set_off = False
    if after_comma is not None:
        between = words[after_comma:idx]
        set_off = bool(between) and all(w in cues.locative or w in profile.articles for w in between) and any(
            w in cues.locative for w in between)
    named = end_idx < len(words) and (bool(profile.locality_nouns.match_at(words, end_idx))
                                      or words[end_idx] in cues.area_nouns)
    return set_off, named


def _passive_before(words: list[str], origin: int, profile: EventProfile) -> bool:
    """A passive participle of the lexicon stands at most three words before the origin cue at ``origin``
    ("droni lanciati nella notte dalla Russia"), looked for back from the cue up to a list joiner or a motion
    participle ("i militari feriti rientrati dalla Grecia": the soldiers come from there, nobody acted)."""
    for j in range(origin - 1, max(-1, origin - 4), -1):
        if words[j] in LIST_JOINERS or profile.motion_participles.match_at(words, j):
            return False
        if profile.passive_participles.match_at(words, j):
            return True
    return False


def _previous_has(previous, name: str) -> bool:
    """Whether the mention before (``previous``; None at the document's start) has role feature ``name``: what a list
    mate carries over ("at the invitation of Moldova and Georgia", "near the border with Mali and Niger")."""
    return bool((getattr(previous, "features", None) or {}).get(name))


def _border_before(words: list[str], idx: int, profile: EventProfile, m, previous, sentence: Sentence) -> bool:
    """A border noun of the lexicon, a link word and only articles stand before the place ``m`` at word ``idx``
    (:func:`border_side_at`): "al confine con la Siria", "the border between Estonia", "la frontière entre le
    Niger", "in Ukraine, near the border district of Bryansk": a neighbour that locates a border (not "4 killed in
    Ukraine, in the border district of Sumy": the place names the border area itself, rule
    :data:`geo.clauses.BORDER_AREA_INSIDE`; ``previous`` is the mention before ``m``)."""
    same = previous is not None and previous.sentence_start == m.sentence_start

    def before(j: int):  # (only a locator counts: rule BORDER_AREA_INSIDE)
        return previous if same and sentence.token_at(previous.end) <= j and _previous_has(previous, "locative") \
            else None

    return border_side_at(words, _back_over(words, idx - 1, profile.articles), profile, m, before) is not None


def _locates_name(text: str, sentence: Sentence, idx: int, previous, cues: RoleCues, profile: EventProfile,
                  nouns_capitalised: bool, common_words: frozenset[str]) -> bool:
    """The place locates a name that no mention holds, written just before it: a capitalised name (perhaps
    then a locality noun), a locative, then articles, area nouns, direction adjectives or "of" words, no
    punctuation: "near Gurbali in the Lake Chad region", "nell'area di Umm Dafira nello stato di Kassala",
    "from Sukchon areas in X province". The name must itself read as a place: a locative, an origin cue or
    "of" after a locality or area noun before it, or a locality noun after it; a name at the start of the
    sentence, or one a mention holds (:func:`_locates_previous` reads those), does not count; nor any in a
    language that capitalises its nouns (``nouns_capitalised``: "Angriff auf Charkiw" names no place), nor one whose
    words are all common words of the recogniser (``common_words``: "nella zona della Marina in Sardegna",
    "the district of the Navy in Virginia": an organisation, no place)."""
    tokens, words = sentence.tokens, sentence.words
    if nouns_capitalised or idx >= len(tokens):
        return False
    fillers = _union(profile.articles, cues.area_nouns, profile.direction_adjectives, profile.of_words)
    k = idx - 1
    while k >= 0 and words[k] not in cues.locative and words[k] in fillers:  # "nello" is a locative and an article
        k -= 1
    n = locative_length(words, k + 1, cues.locative, 2)
    if not n:
        return False
    k -= n

    def noun(j: int) -> bool:
        return bool(profile.locality_nouns.match_at(words, j) or profile.part_nouns.match_at(words, j)
                    or words[j] in cues.area_nouns)

    tail = k >= 1 and noun(k)
    if tail:
        k -= 1
    last = k
    floor = previous.end if previous is not None and previous.sentence_start == sentence.start else sentence.start
    while k >= 0 and tokens[k].capitalised and tokens[k].start >= floor:
        k -= 1
    if k == last or k < 0 or tokens[k].start < floor:
        return False  # no name, or the sentence's first word, or next to a mention (read by _locates_previous)
    if all(w in common_words for w in words[k + 1 : last + 1]):
        return False  # "della Marina in Sardegna": a common word written with a capital, no name of a place
    if sentence.break_between(text, LOCATOR_BREAKS, tokens[k + 1].start, tokens[idx].start):
        return False
    if tail:
        return True
    k = _back_over(words, k, profile.articles)
    if k < 0:
        return False
    if locative_length(words, k + 1, cues.locative, 2) or profile.origin_cues.match_at(words, k):
        return True
    return words[k] in profile.of_words and k >= 1 and noun(k - 1)


def _war_start(words: list[str], idx: int, profile: EventProfile, kind: str = "") -> tuple[int, bool] | None:
    """The first word of the war noun whose locative stands before the place at word ``idx`` ("the war in Sudan":
    a war noun of the lexicon's ``war_nouns`` right before a locative of its ``war_locatives``, articles only
    between that word and the place), and whether that locative is one of the lexicon's ``war_name_locatives``
    (fr "au", it "a": read only right before a country or region, kinds :data:`WAR_NAME_KINDS`, no article
    between: "la guerre au Niger"; they also name whom a war is declared on, which :func:`_war_in` reads); None
    when no war noun places the word, or when a name locative's war noun follows a link of the lexicon's
    ``war_compound_links`` (it "da", "di", fr "de": "una nave da guerra a Cipro", "une déclaration de guerre au
    Mexique": a compound noun, a warship or a declaration, not a war).

    Parameters
    ----------
    words : list of str
        The sentence's folded words.
    idx : int
        The index of the place's first word.
    profile : EventProfile
        The language's event lexicon.
    kind : str, optional
        The place's kind (``Entity.kind``); a name locative is read only before :data:`WAR_NAME_KINDS`.

    Returns
    -------
    tuple of (int, bool) or None
    """
    k = idx - 1
    while k > 0 and words[k] in profile.articles:
        k -= 1  # "des Krieges in der Ukraine"
    if k < 1:
        return None
    named = words[k] not in profile.war_locatives
    if named and not (words[k] in profile.war_name_locatives and kind in WAR_NAME_KINDS):
        return None
    wars = profile.war_nouns
    start = next((j for j in wars.starts_in(words, max(0, k - 3), k) if j + wars.match_at(words, j) == k), None)
    if start is None or (named and start > 0 and words[start - 1] in profile.war_compound_links):
        return None  # "una nave da guerra a Cipro", "un navire de guerre au Liban": a compound, no war
    return start, named


def _venues_before(m, idx: int, sentence: Sentence, neighbours: Sequence, cues: RoleCues,
                   profile: EventProfile, text: str) -> list[int]:
    """The first words of the places of ``sentence`` before word ``idx`` (``m``'s) that are a meeting's or a
    speaker's venue (read by :func:`_war_in`): a locative places them (:func:`_locative_start`) right after a
    meeting trigger of the sentence or a speech cue ("met in Brussels", "speaking in Paris"; not a speech verb read
    as a noun, :meth:`geo.events.EventProfile.speech_cue_at`: "member states in Europe"), or in the phrase that
    opens the sentence, the locative its first or second word and a comma after the place ("In Oslo, envoys
    discussed ...", "Réunis à Genève, les ministres ..."); not a locative inside a noun phrase ("officials in Kenya
    will host a summit on the war in X", "diplomats based in Cairo met": the place says where people are from, the
    meeting's venue is not named)."""
    words = sentence.words
    ends = {t.last for t in sentence.triggers if t.event == "meet"}

    def opening(o, p: int) -> bool:
        return p <= 1 and text[o.end : o.end + 1] == ","

    return [j for o in neighbours if o is not m and (j := sentence.token_at(o.start)) < idx and (
        p := _locative_start(words, j, cues, profile)) is not None and (opening(o, p) or p in ends or any(
            q + profile.speech_cue_at(words, q) == p for q in range(max(0, p - WAR_TOPIC_REACH), p)))]


def _locative_start(words: list[str], j: int, cues: RoleCues, profile: EventProfile) -> int | None:
    """The first word of the locative before the place at word ``j`` (:func:`geo.roles.is_locative`'s reading:
    "in", "in the", "nella regione di"), or None when no locative places it."""
    if not is_locative(words, j, cues.locative, profile.articles, cues.area_nouns):
        return None
    k = j
    if k >= 1 and words[k - 1] in profile.articles:
        k -= 1
    if k >= 2 and words[k - 1] in OF_WORDS and words[k - 2] in cues.area_nouns:
        k -= 2
        if k >= 1 and words[k - 1] in profile.articles:
            k -= 1
    return k - locative_length(words, k, cues.locative)


def _title_case(tokens: Sequence) -> bool:
    """The sentence is written in title case ("Israel's War in Chad Enters Its Third Year"): at least
    :data:`TITLE_CASE_WORDS` words of more than :data:`SHORT_WORD` letters, each capitalised, and no word of more
    than :data:`SHORT_WORD` letters in lower case (short function words may stay lower case: "in", "of", "the");
    fewer is a name's phrase ("Cold War in Berlin"), not a headline."""
    words = [t.text for t in tokens if t.text.isalpha() and len(t.text) > SHORT_WORD]
    return len(words) >= TITLE_CASE_WORDS and all(w[:1].isupper() for w in words)


def _title_noun(words: list[str], tokens: Sequence, start: int, profile: EventProfile) -> bool:
    """The capitalised war noun at word ``start`` is part of a name even in a title-case headline: an "of" word
    of the lexicon (an article may follow it) stands right before it after a capitalised head of an institution's
    name (places.yaml ``org_heads``, ``org_name_heads``: "Museum of War in Kyiv Reopens", "MUSEUM OF THE WAR IN
    KYIV", "Ministry of War", "Office of War"); not after another noun, which title case capitalises too ("Costs of
    War in Gaza Mount", "Toll of War in Sudan Rises": the war, fought there)."""
    k = start - 1
    if k >= 1 and words[k] in profile.articles:
        k -= 1
    if not (k >= 1 and words[k] in profile.of_words and tokens[k - 1].text[:1].isupper()):
        return False
    cues = cues_for(profile.lang)
    head = words[k - 1]
    return head in cues.org_heads or head in cues.org_name_heads or f"{head} {words[k]}" in cues.org_heads


def _war_in(words: list[str], idx: int, profile: EventProfile, tokens: Sequence = (),
            nouns_capitalised: bool = False, end_idx: int | None = None, kind: str = "",
            meetings: Sequence[int] = (), venues: Sequence[int] = ()) -> bool:
    """The place is where a war is fought: a war noun of the lexicon (``war_nouns``: "war", "guerre civile",
    "Krieges") right before a locative of the lexicon's ``war_locatives``, articles only between that word and the
    place ("the war in Sudan", "la guerre en Éthiopie", "des Krieges in der Ukraine"; not "a war over Taiwan", "the
    war against Georgia", "the war between": what it is about, or its sides; not "veterans of the war met in Cairo":
    the noun is not right before the locative), or right before one of ``war_name_locatives`` and a country or
    region (:func:`_war_start`: "la guerre au Niger", "la guerra a Gaza"; not after a verb of the lexicon's
    ``war_enemy_verbs`` at most :data:`WAR_TOPIC_REACH` words before the war noun: "déclarer la guerre au Chili",
    "dichiarare guerra a Cuba" name the enemy; the caller reads that case as feature ``war_name_in``, weighed, not
    as ``war_in``: "la guerra a Israele" often names the enemy too).

    Not "they discussed the war in Geneva": a speech cue or a verb of the lexicon's ``war_topic_verbs`` at most
    :data:`WAR_TOPIC_REACH` words before the war noun makes the war a topic, and the place may be the venue; nor
    "a summit on the war in Geneva": a meeting trigger of the sentence before the war noun (``meetings``) may have
    the place as its venue. Neither holds when the sentence names its meeting's venue before the war noun
    (``venues``: "ministers met in Brussels to discuss the war in Sudan": a meeting has one venue, and the war's
    place is not it; so with a topic verb or a speech cue: "speaking in Paris, she discussed the war in Chad"). Not
    "prisoners of war in Russia", "Secretary of War in Brussels": a noun of the lexicon's ``war_compound_heads`` and
    an "of" word right before the war noun make a fixed name, in any case (where they are held, whose office); so
    does a noun of ``war_article_heads`` before "of" and an article ("l'art de la guerre au Mali"). Not
    "the Ministry of War in Paris": a war noun capitalised within the sentence is part of a
    title, in a language that does not capitalise its nouns, unless the whole sentence is a headline in title case
    (:func:`_title_case`: "Israel's War in Chad Enters Its Third Year"). Not "fear of a wider war in the Andes",
    "il rischio di una guerra in Asia": a phrase of the lexicon's ``war_hypothetical`` ending at most two words
    before the war noun (and starting at most :data:`WAR_TOPIC_REACH` before it) makes the war feared or supposed,
    not fought; nor "a war in Asia would be ruinous": a verb of the lexicon's ``war_conditionals`` right after the
    place, the war noun not after a definite article.

    Parameters
    ----------
    words : list of str
        The sentence's folded words.
    idx : int
        The index of the place's first word.
    profile : EventProfile
        The language's event lexicon (its war nouns, war locatives and articles).
    tokens : sequence of Token, optional
        The sentence's tokens (their written text: a capitalised war noun), in step with ``words``.
    nouns_capitalised : bool, optional
        Whether the language capitalises its common nouns (German: no title read from the capital).
    end_idx : int, optional
        The index of the first word after the place (its conditional verb); none read when not given.
    kind : str, optional
        The place's kind (a name locative is read only before a country or region).
    meetings : sequence of int, optional
        The first words of the sentence's meeting triggers.
    venues : sequence of int, optional
        The first words of the sentence's other places with a locative before them (:func:`_venues_before`): the
        meeting's or speaker's venue when one stands before the war noun.

    Returns
    -------
    bool
    """
    found = _war_start(words, idx, profile, kind)
    if found is None:
        return False
    start, named = found
    if start >= 2 and words[start - 1] in profile.of_words and words[start - 2] in profile.war_compound_heads:
        return False  # "prisoners of war in Russia", "Secretary of War in Brussels": a fixed name, no war's place
    if start >= 3 and words[start - 1] in profile.articles and words[start - 2] in profile.of_words and \
            words[start - 3] in profile.war_article_heads:
        return False  # "l'art de la guerre au Mali", "el arte de la guerra en Chile": a fixed name with its article
    if start > 0 and start < len(tokens) and not nouns_capitalised and tokens[start].text[:1].isupper() and (
            not _title_case(tokens) or _title_noun(words, tokens, start, profile)):
        return False  # "the Ministry of War in Paris", "Museum of War in Kyiv Reopens": a title
    reach = range(max(0, start - WAR_TOPIC_REACH), start)
    if named and any(profile.war_enemy_verbs.match_at(words, j) for j in reach):
        return False  # "déclarer la guerre au Chili": the enemy, not where the war is
    # "ministers discussed the war in Geneva", "habló del conflicto en Madrid", "a summit on the war in Geneva": a
    # war talked or met about, the place after it may be the venue (left to the weights), unless the venue is
    # named before the war noun ("ministers met in Brussels to discuss the war in Sudan")
    if not venues and (
            any(j < start for j in meetings) or
            any(profile.speech_at(words, j) or profile.war_topic_verbs.match_at(words, j) for j in reach)):
        return False
    # "fear of a wider war in the Andes", "the risk of war in Asia": a war feared, not fought (left to the weights);
    # the phrase ends at most two words before the war noun (not "a new round of the war in Sudan")
    if any(j + n >= start - 2 for j in reach if (n := profile.war_hypothetical.match_at(words, j))):
        return False
    # "a war in Asia would be ruinous", "une guerre en Asie serait": a war supposed; "the war in Sudan" stays
    definite = start > 0 and words[start - 1] in profile.articles
    return definite or end_idx is None or end_idx >= len(words) or not profile.war_conditionals.match_at(
        words, end_idx)


def _closed_list(text: str, m, previous, profile: EventProfile) -> bool:
    """The place and the one before are two items of one list a joiner closes, nothing but the joiner between them
    ("Syria and Iraq"). A comma between them shares nothing: after a phrase that opens a sentence it ends the
    phrase, and the next clause's subject is no item of it ("Since the war in Chad, Niger and Mali closed their
    borders"); a comma list is left to the weights. A place with a possessive after it heads another phrase ("the
    war in Gaza and Lebanon's debt").

    Parameters
    ----------
    text : str
        The document's text.
    m : Mention
        The place.
    previous : Mention
        The mention before it, in its sentence.
    profile : EventProfile
        The language's event lexicon (read by the list test).

    Returns
    -------
    bool
    """
    gap = text[previous.end : m.start]
    if "," in gap or not _joins_list(gap, profile):
        return False
    return any(w in LIST_JOINERS for w in fold(gap).replace("'", " ").split())


@cached_gap()
def _clause_between(gap: str, profile: EventProfile) -> bool:
    """A quote, a dash or a subordinator (not a list joiner) between two names: the second opens another clause
    and locates nothing of the first ("ties with Moscow soured after Russia annexed", "in Kherson," Ukraine's
    army said", "Mogadishu - gunmen attacked in Somalia"). Its words are the gap's tokens, as the sentence's
    (:func:`geo.sentences.tokenize`): a bracket or a comma glued to a word hides it from no test ("(after")."""
    if any(c in gap for c in QUOTE_DASH) or " - " in gap:
        return True
    words = [t.key for t in tokenize(gap, fold(gap))]
    return _phrase_in(profile.clause_openers, words, 0, len(words))


@cache
def _union(*sets: frozenset[str]) -> frozenset[str]:
    """The union of a language's word sets, made once (a frozenset keeps its hash: the key is cheap to look up)."""
    return frozenset().union(*sets)


def mention_features(m, *, text: str, sentence: Sentence, cues: RoleCues, profile: EventProfile,
                     figures: Sequence, previous, headline: bool, neighbours: Sequence = ()) -> dict[str, float]:
    """The named features of one resolved mention (see :func:`feature_names`)."""
    e = m.entity if m.entity is not None else _unresolved(m.surface)
    words = sentence.words
    idx = sentence.token_at(m.start)
    end_idx = sentence.token_at(m.end)
    f: dict[str, float] = {f"cue:{m.cue_role}": 1.0, f"kind:{e.kind}": 1.0}
    asides: Asides = (tuple(o.start for o in neighbours), calendar_words(profile.lang))  # brackets a clause keeps
    if e.capital_of:
        f["capital"] = 1.0
    elif getattr(e, "seat_of", None):
        f["seat"] = 1.0  # Tel Aviv, The Hague: a seat of a national government that is no capital
    articles = profile.articles
    locative = is_locative(words, idx, cues.locative, articles, cues.area_nouns)
    source_at = _cue_start(profile.source_cues, words, idx, 3, articles)
    if locative and source_at is not None and is_locative(words, idx, cues.locative, articles):
        locative = False  # "according to Taipei", "stando a Mosca": the locative word ends the source phrase
    directed = idx >= 1 and words[idx - 1] in profile.direction_adjectives
    if directed and is_locative(words, idx - 1, cues.locative, articles, cues.area_nouns):
        locative = True  # "in eastern Ukraine"
    agent = _cue_before(profile.agent_cues, words, idx, 4, articles)  # "de la part de": four words
    of = _of_at(words, idx, profile)
    if of >= 0 and words[of] in profile.of_words:
        f["of_before"] = 1.0
        d = of - 1  # the word before "of"
        if d >= 1 and profile.direction_words.match_at(words, d) == 1 and words[d - 1] in profile.part_articles:
            f["part_of"] = 1.0  # "nel sud del Libano", "in the east of Ukraine": a part of the place, not a reference
            if is_locative(words, d, cues.locative, articles) or words[d - 1] in cues.locative:
                locative = True  # "nel sud del Libano" is where "in Libano" is
        elif d >= 0 and _phrase_in(profile.part_nouns, words, d - 1, d + 1) and not agent and \
                words[d] not in profile.directions_after_nouns:
            f["part_of"] = 1.0  # "la periferia di Beirut", "la banlieue nord de Lyon"; not "da parte della Russia",
            # nor "an area north of Beirut", "ein Gebiet nördlich von Beirut" (a direction from the place, read below)
        elif any(_direction_at(words, j, profile) for j in range(max(0, of - 3), of)):
            f["direction_of"] = 1.0  # "east of Bunia", "a 20 km a nord di", "südöstlich von Poltawa"
        if _phrase_in(profile.triggers["attack"], words, of - 2, of) and (
                e.kind == "country" or e.capital_of):
            f["attack_of&national"] = 1.0  # "i raid della Turchia", "l'offensiva della Russia"
    if directed:
        f["part_of"] = 1.0  # "in eastern Ukraine", "in der östlichen Ukraine"
    # "un villaggio del Mali": a village in the country, not one named so ("nel villaggio di Borgoforte")
    named, named_at = _locality_of(words, idx, cues, profile) if e.kind != "country" else (False, False)
    if named:
        f["locality_of"] = 1.0  # "nel villaggio di Borgoforte": the place is the village
        locative = locative or named_at
    capital_at = _capital_named(text, sentence, idx, profile) if e.capital_of else None
    if capital_at is not None:
        f["capital_named"] = 1.0  # "die Hauptstadt Khartum", "in the capital, Khartoum": the city itself
        if is_locative(words, capital_at, cues.locative, articles, cues.area_nouns):
            locative = True  # "in the capital, Khartoum" is where "in Khartoum" is
    if locative and _conflict_between(words, idx, profile, in_list=False, previous=None, sentence=sentence):
        locative = False  # "i combattimenti tra Etiopia ed Eritrea": a side of the war, not where it is
    if locative:
        f["locative"] = 1.0
    national = e.kind == "country" or bool(e.capital_of)
    if national and _government_after(words, end_idx, profile):
        f["government_after"] = 1.0  # "Laos military", "Gabon troops"
    if (national or "seat" in f) and _government_seat(text, sentence, idx, end_idx, cues, profile) and not (
            _struck_after(text, sentence, end_idx, profile)):
        f["government_seat"] = 1.0  # "the defence ministry in Moscow said", "meldete das Ministerium in Oslo"
        # (not "das Ministerium in Kiew wurde getroffen": the building was struck there)
    if _clause_subject(text, sentence, idx, end_idx, profile):
        f["clause_subject"] = 1.0
    if any(profile.speech_at(words, j) for j in range(end_idx, min(len(words), end_idx + 2))):
        f["speech_after"] = 1.0  # "Officials in Kyiv said": where a source speaks from
    area = idx < len(words) and words[idx] in cues.area_nouns or (
        idx >= 2 and words[idx - 1] in profile.of_words and words[idx - 2] in cues.area_nouns)
    # "8 nella regione di Tver, 30 in quella di Pskov": a count between the names starts a new entry
    # of a tally, where the second name is no locator of the first
    # (looked for only when a feature below would hang on it: the text between is read for numbers once)
    same = previous is not None and previous.sentence_start == m.sentence_start
    between = text[previous.end : m.start] if same else ""  # the text from the name before, in the same sentence
    after_previous = sentence.token_at(previous.end) if same else None  # the first word after it
    comma = same and _set_off(between)  # "a Reni, nel distretto di Bolhrad"
    counted: bool | None = None if same else False
    # an approximate place (geo.approximate) lies in its locator by construction: no evidence of containment
    if same and previous.entity is not None and not is_approximate(previous.entity) and m.start - previous.end <= 40 \
            and (contains(e, previous.entity) or (
            area and comma)) and not _clause_between(between, profile) and not (
            counted := _tally_between(between, profile)):
        f["contains_previous"] = 1.0  # "a Reni, nel distretto di Bolhrad": a locator of the place before
    if _government_of(words, idx, profile):
        f["government_of"] = 1.0
        if e.kind == "country" or e.capital_of or "seat" in f:
            f["government_of&national"] = 1.0  # "il governo di Ankara", "the government in The Hague"; not "the
            # head of the Kherson administration"
    others = [o.entity for o in neighbours if o is not m and o.entity is not None and not is_approximate(o.entity)]
    if any(contains(e, o) for o in others):
        f["contains_other"] = 1.0  # "near Mokwa in the Niger State area": the state locates the town
    if any(contains(o, e) for o in others):
        f["inside_other"] = 1.0
    if _possessive_at(text, words, end_idx, m.end, profile):
        if _government_possessive(words, end_idx, profile):
            f["government_possessive"] = 1.0
        elif _part_possessed(text, words, sentence.tokens, end_idx, profile):
            f["part_of"] = 1.0  # "Damascus's southern suburbs", "Ukraine's east": a part of the place, no owner
        else:
            f["possessive"] = 1.0  # "Chile's Atacama region": a locator of what follows
    if e.kind == "country" and ("government_of" in f or "government_possessive" in f) and _government_subject(
            text, sentence, _government_start(words, idx, profile, of_head="government_of" in f), profile):
        f["government_country"] = 1.0  # "Chad's army said", "l'esercito del Ciad ha respinto": the state that acts
    elif e.kind == "country" and ("government_of" in f or "government_possessive" in f) and _cue_before(
            profile.toward_words, words, _government_start(words, idx, profile, of_head="government_of" in f), 2,
            articles):
        f["government_target"] = 1.0  # "an ambush against Chad's army near Bol", "contro le forze del Niger a
        # Tillabéri": whose army was the target, a nationality (rule target_government_is_mention)
        if _located_other(text, sentence, m, idx, neighbours, cues, articles, asides):
            f["target_placed"] = 1.0  # "near Bol": another place of the clause tells where it happened
    fillers = _union(articles, cues.area_nouns, profile.direction_adjectives)
    if _head_before(profile.official_heads, words, idx, profile, fillers) or _head_after(
            profile.official_heads, sentence, end_idx, text, fillers):
        f["official_of"] = 1.0  # "il governatore di Mykolaiv": where a local authority speaks for
    if _head_before(profile.base_nouns, words, idx, profile, fillers) or _head_after(
            profile.base_nouns, sentence, end_idx, text, fillers):
        f["base"] = 1.0  # "nella base di Adazi", "the Campia Turzii air base"
    if idx == 0 and _set_off(text[m.end : m.end + 3], ":,", " \u00a0\u202f"):
        f["topic_opening"] = 1.0  # "Sudan: 40 morti in un attacco", "Congo, due caschi blu uccisi", "Mali : ..."
    if _time_of(words, idx, end_idx, profile):
        f["time_of"] = 1.0  # "il volo delle 16:20 ora di Varsavia": the time zone of a clock time, a locator
    if (national or e.kind == "region") and (_request_of(words, idx, profile) or (
            same and _joins_list(between, profile) and _previous_has(previous, "request_of"))):
        f["request_of"] = 1.0  # "at the invitation of Moldova", "su invito della Moldavia e della Georgia": who asks
    if same and _previous_has(previous, "war_in") and not (
            "possessive" in f or "government_possessive" in f) and _closed_list(text, m, previous, profile):
        f["war_in"] = 1.0  # "the wars in Syria and Iraq": both items of a list a joiner closes
    if _inside_thing(sentence, idx, cues, profile):
        f["inside_thing"] = 1.0  # "a hamlet in Kassala State": the state locates where it happened
    toward_at = _cue_start(profile.toward_words, words, idx, 3, articles)
    if toward_at is not None:
        f["toward"] = 1.0  # "missili lanciati verso il Mar del Giappone"
        if _destination(text, sentence, idx, toward_at, profile, asides):
            f["destination"] = 1.0  # "fled toward Goma", "navi dirette verso Cipro": where they go, no target
    elif same and _previous_has(previous, "destination") and _plain_list_gap(between, profile) and _item_closed(
            text, sentence, end_idx):
        f["destination"] = 1.0  # "fled toward Goma, Sake and Bukavu": the list shares its destination (the first
        # item's clause, free of events after it, is this one's: :func:`_eventless_around`); not "toward Goma,
        # Rwanda denied": a name a word follows opens a clause of its own
    if "destination" not in f and _vessel_destination(text, sentence, idx, profile, asides):
        f["destination"] = 1.0  # "ships bound for Haifa were attacked": where a ship sails, not where it was hit
    if (war := _war_start(words, idx, profile, e.kind)) is not None and _war_in(
            words, idx, profile, sentence.tokens, cues_for(profile.lang).nouns_capitalised, end_idx, e.kind,
            [t.first for t in sentence.triggers if t.event == "meet"], _venues_before(m, idx, sentence, neighbours,
                                                                                       cues, profile, text)):
        # "amid the war in Sudan": where the fighting is, whatever else the sentence reports; fr "la guerre au
        # Niger", it "la guerra a Cipro" (a name locative) also name whom a war is waged on ("la guerre au
        # Mexique", "guerra a Israele"): a feature of its own, for the weights, outside rule war_place_is_incident
        f["war_name_in" if war[1] else "war_in"] = 1.0
    if comma and len(between) <= 60 and not sentence.break_between(text, ";:", previous.end, m.start) and (
            not is_list_gap(between) or "contains_previous" in f) and not _trigger_between(
            sentence, after_previous, idx) and not (
            counted if counted is not None else _tally_between(between, profile)):
        f["apposition"] = 1.0  # "a Reni, nel distretto di Bolhrad": the place locates the one before
    if source_at is not None:
        f["source_before"] = 1.0
    origin = _cue_start(profile.origin_cues, words, idx, 2, articles)
    if origin is None:  # "8 miles from the town of Kramatorsk": a distance behind a noun (an origin so hidden,
        # "dall'area di Kursk", stays unread: the figures' places take launch areas, and origins are vetoed there)
        behind = _origin_through_noun(words, idx, profile)
        origin = behind if behind is not None and _distance_before(words, behind, profile) else None
    if origin is not None:
        if _distance_before(words, origin, profile):
            f["direction_of"] = 1.0  # "a 12 km da Brescia": a distance reference, read like "12 km north of"
        else:
            f["origin_before"] = 1.0
            if national and _passive_before(words, origin, profile):
                f["passive_agent"] = 1.0  # "droni lanciati dalla Russia": who launched them, not where from
    if national and _country_noun_before(words, idx, profile):
        f["country_noun_before"] = 1.0  # "nations such as Chile", "nazioni alleate (Francia, ...)"
    recogniser = cues_for(profile.lang)
    if locative:
        head = _head_event(sentence, idx, cues, profile, recogniser.name_starters)
        if head in DEPLOYMENT_CLASSES:
            f["deploy_head"] = 1.0  # "il contingente italiano in Libano": where the force is, verb or none
        elif head in INCIDENT_CLASSES:
            f["incident_head"] = 1.0  # "killed in Sumy", "strikes in Gaza": where it happened
    elif _struck_object(text, sentence, idx, end_idx, profile):
        f["incident_head"] = 1.0  # "Israel shelled south Lebanon": the place the attack struck
    if same and _locates_previous(text, sentence, previous, idx, cues, profile):
        if previous.entity is not None and previous.entity.kind == "country":
            f["country_in_place"] = 1.0  # "Portogallo in Slovacchia, Olanda in Ungheria": where a country's troops are
        else:
            f["locates_previous"] = 1.0  # "near Mokwa in the Niger State area": where the name before is
    if e.kind == "country":
        nxt = min((o for o in neighbours if o.start >= m.end), key=lambda o: o.start, default=None)
        if nxt is not None and _locates_previous(text, sentence, m, sentence.token_at(nxt.start), cues, profile):
            f["country_before_place"] = 1.0  # "Norway in Hungary": the country whose force is there
    # the speech cues only (events.yaml ``speech_cues``): the speech verbs of places.yaml hold nouns and
    # prepositions ("the United States in Syria", "member states in Brussels", "il secondo a Kharkiv")
    if locative and _cue_before(profile.speech_cues, words, idx, 5, _union(articles, cues.locative)):
        f["speech_before"] = 1.0  # "speaking in Kyiv", "in conferenza stampa a Roma": where a speaker stood
    if not locative and _struck_after(text, sentence, end_idx, profile):
        f["struck_after"] = 1.0  # "Kharkiv was hit", "è teatro di scontri": the place is what the attack struck
    elif not locative and _stative_after(sentence, end_idx, profile):
        f["stative_after"] = 1.0  # "Tapa liegt im Kreis Lääne-Viru": the place described (not as struck)
    if agent:
        f["agent_before"] = 1.0  # "led by Sweden", "enviados por Paraguay"
    water = _water(words, idx, end_idx, e.kind, profile)
    set_off = after_previous if comma else None
    sea_set_off, sea_named = _water_locates(sentence, idx, end_idx, set_off, cues, profile) if water else (False, False)
    sea_locates = sea_set_off or sea_named
    # "a drone hit a tanker off Tuapse, in the Black Sea": a sea set off after a place is where the clause's attack
    # on a vessel happened, no locator (not "the Black Sea port of Izmail": the sea still names the port)
    water_locates = sea_locates and not (sea_set_off and _vessel_attacked(text, sentence, idx, profile, asides))
    if same and _joins_list(between, profile) and "contains_previous" not in f and \
            "country_before_place" not in f and not sea_locates:
        f["in_list"] = 1.0  # not "a Reni, nel distretto di Bolhrad" (a locator), nor "..., Norway in Hungary",
        # nor "Odesa, sul Mar Nero" (the sea locates the port)
    if _border_before(words, idx, profile, m, previous, sentence) or (
            "in_list" in f and _previous_has(previous, "border_of")):
        f["border_of"] = 1.0  # "al confine con la Siria", "la frontière entre le Niger, le Mali et ...": a neighbour
    if _locates_name(text, sentence, idx, previous, cues, profile, recogniser.nouns_capitalised,
                     recogniser.common_words):
        f["locates_name"] = 1.0  # "near Gurbali in the Lake Chad region": it locates a name nothing resolved
    if _conflict_between(words, idx, profile, in_list="in_list" in f, previous=previous, sentence=sentence):
        f["conflict_between"] = 1.0  # "la guerra tra Etiopia ed Eritrea": a side of a war
    if national and not locative and "toward" not in f and _phrase_in(
            profile.lead_words, words, idx - NEAR, end_idx + NEAR):
        f["lead_near"] = 1.0  # "the battalion led by Canada", "troops from Spain are leading the force": it acts
        # (not "the battalion led by Canada is in Latvia": a place after a locative is where, not who; nor
        # "une attaque dirigée contre la Moldavie": a place after a toward word is the target)
    if headline:
        f["headline"] = 1.0
    events = sentence.events()
    aside = same and _set_off(between, ",(", None)
    alias_at = _cue_start(profile.alias_cues, words, idx, 6, articles) if aside else None
    if alias_at is not None and alias_at - after_previous <= 1:
        f["alias"] = 1.0  # "the Persian Gulf, also known as the Arabian Gulf": the same place (:func:`choose_roles`);
        # the cue opens the aside after a comma or a bracket (one word may precede it: "Kiev, detta anche Kyiv"), so a
        # verb is no alias ("la Francia ha chiamato Mosca", "À Paris, le président a appelé Moscou")
    if water_locates:
        f["water_locates"] = 1.0  # "the Black Sea port of Izmail", "Odesa, on the Black Sea": a locator
    if events & INCIDENT_CLASSES and water and not water_locates:
        f["water&incident"] = 1.0  # "missiles fired into the Sea of Japan": where they fell (not "the Black Sea
        # port of Izmail", "Odesa, on the Black Sea": the water locates another place)
    for c in events:
        f[f"event:{c}"] = 1.0
    near = {t.event for t in sentence.triggers if min(abs(t.first - idx), abs(t.last - 1 - idx)) <= NEAR}
    groups = {"incident": bool(near & INCIDENT_CLASSES), "deployment": bool(near & DEPLOYMENT_CLASSES),
              "meet": "meet" in near}
    for g, on in groups.items():
        if on:
            f[f"near:{g}"] = 1.0
    clause = _clause_events(text, sentence, idx, asides)
    for g, classes in (("incident", INCIDENT_CLASSES), ("deployment", DEPLOYMENT_CLASSES), ("meet", {"meet"})):
        if clause & classes:
            f[f"clause:{g}"] = 1.0
    if "topic_opening" in f and groups["incident"]:
        f["topic_opening&incident"] = 1.0  # "Sudan: 40 morti in un attacco": the title names where it happened
    if locative and events & INCIDENT_CLASSES:
        f["locative&incident"] = 1.0
    if locative and events & DEPLOYMENT_CLASSES:
        f["locative&deployment"] = 1.0
    if locative and "meet" in events:
        f["locative&meet"] = 1.0
    if e.kind == "country" and "meet" in events:
        f["country&meet"] = 1.0
    if len(neighbours) == 1 and events & INCIDENT_CLASSES:
        f["alone&incident"] = 1.0  # the only place of a sentence about an attack: "Im Tschad starben 40 Menschen"
    # the figures of the sentence and the first figure of each group elsewhere that names the place, found
    # through the document's index (built once in decide_roles): the work is bounded by the sentence, not by
    # the document; the features go in the order of the figures that set them, as a walk over all would
    index = figures if isinstance(figures, FigureIndex) else FigureIndex(figures)
    inside = index.by_start.positions_between(sentence.start, sentence.end)
    hits: list[tuple[int, int, str]] = []  # (position of the figure, rank within it, feature)
    for k in inside:
        group = figure_group(index[k])
        if group is None:
            continue
        hits.append((k, 0, f"figure_sentence:{group}"))
        if e.id in index[k].place_ids:
            hits.append((k, 1, f"figure_place:{group}"))
    naming = index.naming
    for group in index.groups:
        for k in naming.get((e.id, group), ()):
            if k not in inside:
                hits.append((k, 0, f"figure_elsewhere:{group}"))  # "Kherson" of a casualty figure two sentences on
                break
    for _, _, name in sorted(hits):
        f[name] = 1.0
    if "base" in f and (groups["deployment"] or "clause:deployment" in f) and not (
            _clause_incident(text, sentence, idx, profile, asides) or "direction_of" in f
            or "locality_of" in f or _phrase_in(profile.origin_cues, words, idx - BASE_ORIGIN_REACH, idx)):
        f["base_deployment"] = 1.0  # "arriveranno alla base di Cincu": where the troops go and stay
    link = of if "of_before" in f else origin if "origin_before" in f else None
    if e.kind == "country" and (link is not None and _casualty_nationality(text, sentence, link, index, profile) or (
            same and _joins_list(between, profile) and _previous_has(previous, "casualty_nationality"))):
        f["casualty_nationality"] = 1.0  # "two gunners from Slovenia were hurt": whose troops were hurt
    if national and ("country_noun_before" in f or "origin_before" in f and _troops_before(
            words, origin, profile)) and (groups["deployment"] or "figure_sentence:troops" in f):
        f["contributor"] = 1.0  # "1,200 troops, among them soldiers from Ghana": a country of the contingent
    return f


class FigureIndex(list):
    """The figures of a document (a list of them, in their order) with the indexes
    :func:`mention_features` reads, built once per document: the positions by start, for the figures of
    one sentence by bisection, and the positions of the figures naming each place, by feature group.

    Parameters
    ----------
    figures : Sequence
        The document's figures.
    """

    def __init__(self, figures: Sequence = ()) -> None:
        super().__init__(figures)
        #: the figures by start (:class:`geo.spans.ByStart`: positions in the list)
        self.by_start = ByStart(self)
        #: (entity id, group) -> the positions of the figures of that group naming the place, ascending
        self.naming: dict[tuple[str, str], list[int]] = {}
        for k, fig in enumerate(self):
            group = figure_group(fig)
            if group is not None:
                for place in dict.fromkeys(fig.place_ids):
                    self.naming.setdefault((place, group), []).append(k)
        self.groups = list(dict.fromkeys(FIGURE_GROUPS.values()))


def read_sentences(text: str, mentions: Sequence, lang: str, reading=None) -> list[Sentence]:
    """Every sentence of ``text`` read once (tokens and triggers); the places' own words are no
    triggers. ``reading`` (:class:`geo.doc.Reading`) gives the text already read."""
    from geo.events import event_profile
    from geo.events import read_sentences as read_spans
    from geo.normalize import fold
    from geo.sentences import split_sentences

    shared = reading is not None and reading.text == text
    spans = list(reading.sentences) if shared else (split_sentences(text) or [(0, len(text))])
    known = set(spans)
    spans += sorted({(m.sentence_start, m.sentence_end) for m in mentions} - known)
    skip = [(m.start, m.end) for m in mentions]
    if shared:
        return read_spans(text, reading.folded, spans, event_profile(lang), skip, reading.by_start)
    return read_spans(text, fold(text), spans, event_profile(lang), skip)


def decide_roles(mentions: Sequence, figures: Sequence, *, text: str, lang: str, sentences: Sequence[Sentence],
                 weights: RoleWeights | None, dateline=None, headline: bool = True) -> None:
    """Give every mention its role from its features, in place.

    Each mention keeps the cue rules' reading in ``cue_role`` and its features in ``features``
    (the trace of the decision); ``role`` is the weighed choice of ``weights`` (:func:`load_weights`,
    through :func:`choose_roles`). With ``weights`` None the cue role stands, except where a named rule of
    :data:`VETOES` decides (as it does over the weights). ``headline`` false: the text has no headline (a
    window after a long document's first).
    """
    from geo.events import event_profile
    from geo.roles import role_cues

    cues, profile = role_cues(lang), event_profile(lang)
    by_span = {(s.start, s.end): s for s in sentences}
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_start, []).append(m)
    first = min((s.start for s in sentences), default=0)
    figures = FigureIndex(figures)  # indexed once for the document: each mention reads its sentence's figures
    previous = None
    for m in mentions:
        sentence = by_span[(m.sentence_start, m.sentence_end)]
        m.features = mention_features(m, text=text, sentence=sentence, cues=cues, profile=profile, figures=figures,
                                      previous=previous, headline=headline and sentence.start == first,
                                      neighbours=by_sentence.get(m.sentence_start, ()))
        previous = m
    add_cue_elsewhere(mentions)
    vetoed = dateline_vetoes(mentions, dateline)
    if weights is None:  # the cue roles stand, but not against a named rule (:data:`VETOES`)
        features = [m.features for m in mentions]
        decided, barred = named_rules(features, vetoed)
        roles = [decided.get(k, m.role) for k, m in enumerate(mentions)]
        for k, roles_barred in barred.items():
            if roles[k] in roles_barred:
                roles[k] = "mention"  # no weights to give the next role: the place is only named
        alias_takes_previous_role(features, roles, set(decided))
        for m, role in zip(mentions, roles, strict=True):
            m.role = role
        return
    for m, role in zip(mentions, choose_roles([m.features for m in mentions], vetoed, weights), strict=True):
        m.role = role


def add_cue_elsewhere(mentions: Sequence) -> None:
    """Add to each mention's features ``cue_elsewhere:<role>`` for the event roles (incident, deployment, actor)
    that the cue rules gave another mention of the same place in the document: where "800 troops are stationed
    in Kosovo", the "Kosovo" of "talks on Kosovo" is read beside that deployment.

    Parameters
    ----------
    mentions : sequence of Mention
        The document's mentions, their ``features`` and ``cue_role`` set; changed in place.
    """
    counts: Counter[tuple[str, str]] = Counter((m.entity.id, m.cue_role) for m in mentions if m.entity is not None)
    for m in mentions:
        if m.entity is None:
            continue
        for role in ("incident", "deployment", "actor"):
            if counts[(m.entity.id, role)] > (m.cue_role == role):  # another mention than this one
                m.features[f"cue_elsewhere:{role}"] = 1.0


def dateline_vetoes(mentions: Sequence, dateline) -> set[int]:
    """Indices of the mentions the veto ``dateline_is_mention`` decides: the dateline's place. An unsure dateline
    (an upper-case headline before a full stop) vetoes only a mention of its whole span: "ODESA. Drones hit" is a
    dateline, "ODESA STRUCK. Drones hit" a headline whose first word is a place like any other. A mention of the
    dateline place's name without its area words is the dateline's too (``name_start``, ``name_end``: "KHERSON" of
    "KHERSON REGION.", of "REGIONE DI KHERSON.")."""
    if dateline is None or dateline.place_start is None:
        return set()
    starts = {dateline.place_start, getattr(dateline, "name_start", None)}
    ends = {dateline.place_end, getattr(dateline, "name_end", None)}
    return {k for k, m in enumerate(mentions) if m.start in starts and (
        getattr(dateline, "sure", True) or m.end in ends)}


def government_capital(features: dict[str, float]) -> bool:
    """The rule ``government_capital_is_actor``: a capital (of the gazetteer's ``capital_of``), or another seat of a
    national government (its ``seat_of``: "il governo di Tel Aviv", "according to The Hague"), in one of the
    :data:`GOVERNMENT_FRAMES` or :data:`CAPITAL_FRAMES`, after no locative ("l'esercito di Seul", "secondo Kiev"; not
    "the embassy in Rome", nor "le autorità di Odessa": a city's own authorities), and as agent of no meeting ("the
    summit was hosted by Rome" names the venue).

    Parameters
    ----------
    features : dict of str to float
        A mention's named features (:func:`mention_features`).

    Returns
    -------
    bool
    """
    if features.get("locative") or not (features.get("capital") or features.get("seat")):
        return False  # "le autorità di Odessa", "la procura di Milano": a city's own authorities are no metonymy
    if features.get("agent_before") and (features.get("event:meet") or features.get("near:meet")) and not any(
            features.get(name) for name in GOVERNMENT_FRAMES + ("source_before", "passive_agent")):
        return False  # "the summit was hosted by Rome": where they meet, not who acts
    return any(features.get(name) for name in GOVERNMENT_FRAMES + CAPITAL_FRAMES)


def target_government(features: dict[str, float]) -> bool:
    """The rule ``target_government_is_mention``: a country named as the owner of the army or government an attack is
    aimed at (feature ``government_target``: "the deadliest ambush against Chad's army") names whose army, a
    nationality, when the attack is placed elsewhere: at another place of the clause after a locative (feature
    ``target_placed``: "near Bol") or at another mention of the same country that the cue rules read as an incident
    (``cue_elsewhere:incident``). Not "Turkey carried out strikes against Syria's army overnight" alone: the country
    may be the strikes' one place.

    Parameters
    ----------
    features : dict of str to float
        A mention's named features (:func:`mention_features`).

    Returns
    -------
    bool
    """
    return bool(features.get("government_target")) and bool(
        features.get("target_placed") or features.get("cue_elsewhere:incident"))


def government_country(features: dict[str, float]) -> bool:
    """The rule ``government_country_is_actor``: a country named as the owner of its government or army ("Chad's army
    said", "l'esercito del Ciad ha respinto l'attacco", "le gouvernement du Tchad a annoncé"; feature
    ``government_country``, which weighs 0), the phrase the subject of its clause (:func:`_government_subject`: not
    "rebels ambushed Chad's army", nor one that the clause aims at or gives to: "against the army of Chad", "aid
    for Chad's army", "gli aiuti all'esercito del Ciad"), stands for the state that acts or speaks: an actor,
    as a capital in the same frames is (:func:`government_capital`). Not a country whose soldiers a casualty count
    counts ("two soldiers of the army of Mali were killed": rule ``casualty_nationality_is_mention`` decides).

    Parameters
    ----------
    features : dict of str to float
        A mention's named features (:func:`mention_features`).

    Returns
    -------
    bool
    """
    return bool(features.get("government_country")) and not features.get("casualty_nationality")


def venue_barred(features: dict[str, float]) -> bool:
    """The rule ``no_venue_without_a_meeting``: the place's sentence reads an incident (an event of
    :data:`geo.events.INCIDENT_CLASSES`) and no meeting or announcement (:data:`MEETING_SIGNALS`), so the place is
    not where a meeting took place, whatever the weights make of a capital after a locative ("In Kyiv, three people
    were killed overnight": where they were killed).

    Parameters
    ----------
    features : dict of str to float
        A mention's named features (:func:`mention_features`).

    Returns
    -------
    bool
    """
    return any(features.get(f"event:{c}") for c in INCIDENT_CLASSES) and not any(
        features.get(name) for name in MEETING_SIGNALS)


def locator(features: dict[str, float]) -> bool:
    """The rule ``locator_is_mention``: the place is in one of the :data:`LOCATOR_FRAMES`, so it only locates another
    place or a border ("a hamlet near Tumbaro in the Kassala region", "the Caspian Sea port of Aktau", "near the
    border with Belarus") and is a mention, not where the sentence's attack or deployment is. (A sea set off after a
    place in a clause that reports an attack on a vessel is in no such frame: the ship was struck there.)

    Parameters
    ----------
    features : dict of str to float
        A mention's named features (:func:`mention_features`).

    Returns
    -------
    bool
    """
    return any(features.get(name) for name in LOCATOR_FRAMES)


def _feature_rule(name: str) -> Callable[[dict[str, float]], bool]:
    """The test of a named rule that one role-stage feature decides (the feature weighs 0: the rule reads it)."""
    return lambda features: bool(features.get(name))


#: The named rules no weight overrides, in the order they are tried on a mention: (rule name, its test on the
#: mention's named features, the role it gives). A dateline's place is a mention (``dateline_is_mention``,
#: :func:`dateline_vetoes`, before the chain). Actors: a capital or seat of government standing for its government
#: (:func:`government_capital`); a capital, seat or country where an institution of the state speaks (feature
#: ``government_seat``: "the defence ministry in Moscow said", "lo stato maggiore a Kiev ha reso noto"); a country
#: named as the owner of its army or government, as its clause's subject (:func:`government_country`); a country
#: that requested or invited what the sentence reports (feature ``request_of``: "at the invitation of Moldova").
#: Mentions: a place that only locates another (:func:`locator`); a country naming the nationality of soldiers a
#: casualty count counts (feature ``casualty_nationality``: "two gunners from Slovenia were hurt": whose soldiers,
#: an origin); a country named as the owner of the army or government an attack is aimed at (feature
#: ``government_target``: "the deadliest attack against the army of Niger", "une embuscade contre l'armée du Tchad":
#: whose army, a nationality, not a state that acts); where a movement of people or ships goes (feature
#: ``destination``: "thousands fled toward Goma", "navi dirette verso Cipro": a destination, not a target).
#: Deployment: a military base in a clause of troops with no incident trigger in it (feature ``base_deployment``: "la
#: base di Cincu"; not "soldiers stationed at the base of Mopti came under fire", not a direction, a refugee camp or an
#: origin before it).
#: Incident: where a war is fought (feature ``war_in``: "amid the war in Sudan"; not ``war_name_in``, fr "au", it "a",
#: which may name the enemy and is left to the weights). After the chain, a place of a
#: sentence of an incident and of no meeting is no venue (``no_venue_without_a_meeting``, :func:`venue_barred`).
#: Each feature's frame is read in :func:`mention_features`.
RULE_CHAIN: tuple[tuple[str, Callable[[dict[str, float]], bool], str], ...] = (
    ("government_capital_is_actor", government_capital, "actor"),
    ("government_seat_is_actor", _feature_rule("government_seat"), "actor"),
    ("government_country_is_actor", government_country, "actor"),
    ("requester_is_actor", _feature_rule("request_of"), "actor"),
    ("locator_is_mention", locator, "mention"),
    ("casualty_nationality_is_mention", _feature_rule("casualty_nationality"), "mention"),
    ("target_government_is_mention", target_government, "mention"),
    ("destination_is_mention", _feature_rule("destination"), "mention"),
    ("base_is_deployment", _feature_rule("base_deployment"), "deployment"),
    ("war_place_is_incident", _feature_rule("war_in"), "incident"),
)

#: Every hard rule of the role stage, by name: the dateline veto, :data:`RULE_CHAIN` and the venue bar.
VETOES = ("dateline_is_mention", *(name for name, _, _ in RULE_CHAIN), "no_venue_without_a_meeting")


def named_rules(features: Sequence[dict[str, float]], vetoed: set[int]) -> tuple[dict[int, str],
                                                                               dict[int, frozenset[str]]]:
    """The chain of the named rules of :data:`VETOES` over a document's mentions, the one both the weighed choice
    (:func:`choose_roles`) and the cue roles (:func:`decide_roles` without weights) obey: the vetoed places
    (``dateline_is_mention``) are mentions; each other mention takes the role of the first rule of
    :data:`RULE_CHAIN` that holds for it; of the others, a place of a sentence of an incident and of no meeting may
    not be a venue (``no_venue_without_a_meeting``, :func:`venue_barred`).

    Parameters
    ----------
    features : sequence of dict
        The named features of each mention, in text order (:func:`mention_features`).
    vetoed : set of int
        Indices that a veto makes mentions (:func:`dateline_vetoes`).

    Returns
    -------
    decided : dict of int to str
        The role a rule gives each mention it decides.
    barred : dict of int to frozenset of str
        The roles a rule forbids a mention it does not decide.
    """
    decided = dict.fromkeys(vetoed, "mention")
    barred: dict[int, frozenset[str]] = {}
    for k, f in enumerate(features):
        if k in decided:
            continue
        role = next((role for _, test, role in RULE_CHAIN if test(f)), None)
        if role is not None:
            decided[k] = role
        elif venue_barred(f):
            barred[k] = frozenset({"venue"})
    return decided, barred


def list_groups(features: Sequence[dict[str, float]]) -> list[list[int]]:
    """The coordinated lists of a document's mentions (in text order): runs joined by ``in_list``."""
    groups: list[list[int]] = []
    for k, f in enumerate(features):
        if f.get("in_list") and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def choose_roles(features: Sequence[dict[str, float]], vetoed: set[int], weights: RoleWeights) -> list[str]:
    """The role of each of a document's mentions (features in text order).

    Every mention takes the role of highest score, except the vetoed ones (``mention``) and the capitals that
    stand for their government (``actor``: :func:`government_capital`); the places of one coordinated list
    ("sulle regioni di Sumy, Poltava e Kharkiv") are one argument of their frame and take together the role
    with the highest summed score (a list with a vetoed place or such a capital: each its own); another name of
    the place before takes its role (:func:`alias_takes_previous_role`).

    Parameters
    ----------
    features : sequence of dict
        The named features of each mention (:func:`mention_features`).
    vetoed : set of int
        Indices that a veto makes mentions (:func:`dateline_vetoes`).
    weights : RoleWeights

    Returns
    -------
    list of str
    """
    decided, barred = named_rules(features, vetoed)
    # each mention's scores once: its own choice and its list's sum read the same ones
    scores = [None if k in decided else weights.scores(f) for k, f in enumerate(features)]
    for k, roles_barred in barred.items():
        for role in roles_barred & scores[k].keys():
            scores[k][role] = float("-inf")  # alone or in a list, the place takes another role
    roles = [decided[k] if s is None else weights.best(s) for k, s in enumerate(scores)]
    ruled = set(decided)
    for group in list_groups(features):
        if len(group) < 2 or any(k in ruled for k in group):
            continue
        total = dict.fromkeys(weights.roles, 0.0)
        for k in group:
            for role, score in scores[k].items():
                total[role] += score
        role = weights.best(total)
        for k in group:
            roles[k] = role
    alias_takes_previous_role(features, roles, ruled)
    return roles


def alias_takes_previous_role(features: Sequence[dict[str, float]], roles: list[str], ruled: set[int]) -> None:
    """The named rule of aliases: a place named as another name of the place before it ("into the Persian Gulf,
    also known as the Arabian Gulf", "el golfo Pérsico (llamado golfo Arábigo)", feature ``alias``) is the same place in
    the same frame and takes that place's role, in place (not a vetoed or ruled place of ``ruled``).

    Parameters
    ----------
    features : sequence of dict
        The named features of each mention, in text order.
    roles : list of str
        The roles chosen so far, changed in place.
    ruled : set of int
        Indices that a veto or another named rule decided.
    """
    for k in range(1, len(roles)):
        if features[k].get("alias") and k not in ruled:
            roles[k] = roles[k - 1]
