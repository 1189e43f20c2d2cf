"""Text -> figures: troop numbers, incident counts, casualties, equipment.

A number found by :func:`geo.numbers.find_numbers` becomes a :class:`geo.model.Figure`
only when a figure noun governs it: the noun follows within a few words ("circa 12.000
soldati", "18 incidents armés", "12,000 NATO troops", "centinaia di morti"), a phrase
before it names the count ("death toll rose to 40", "gli scontri sono stati 41"), or the
noun is understood from the figure just before ("5.000 soldati in Polonia e 3.000 in
Romania", "killing 4 civilians and wounding 12").  Persons in general ("12 civilians")
count only with a casualty cue ("12 civilians were killed").  Years, clock times,
percentages, money, dates, ordinals, codes, unit names ("Panzerbrigade 45") and counts of
countries or meetings are not figures.

Every word list is in ``geo/lexicons/<lang>/figures.yaml``: the nouns of each kind, the
qualifier cues, the planned/current cues, the locative and list words used to link
places, and the source cues.

Decisions
---------
* Kinds: Italian "vittime" counts the dead (killed); English "casualties"/"victims" and
  French "victimes"/"pertes" count killed and wounded together (casualties).  "uomini",
  "men", "hommes" are troops only from 50 up (``weak_troops`` in the lexicon).
* Vague plurals ("centinaia di soldati", "dozens of attacks", "Hunderte", "des dizaines de
  blessés") count nothing and are no figures, as in the annotated real reporting; approximate
  number words ("una decina", "a dozen", "une centaine") are figures with qualifier ``approx``.
* Military units counted as such ("five armoured battalions", "zwei Kampfgruppen") are equipment, marked
  ``formation`` (lexicon ``formations``); a unit noun that also names civil bodies ("brigades", "grupos de
  ataque"; ``formations_in_context``) counts only with a military word beside it (``formation_context``) and no
  civil one (``formation_civil``: "three fire brigades" count nothing); a unit's number or ordinal ("5th
  Brigade", "Panzerbrigade 12") and "one of the four battalions" are no count.
* An article counts one weapon only when it is said to be single, listed beside a figure of its kind, said to be
  another one ("un altro drone"), the subject or object of a verb of downing in its own clause (``downed_cues``:
  "la contraerea ha intercettato un missile", "a drone was shot down") or the subject of a verb of falling right
  after it (``fall_cues``: "un drone è precipitato").  A weapon is never a casualty ("a drone killed two").
* Ranges: ``value`` is the low end (the least the text asserts), except under "up to"/"less
  than", where it is the high end; ``low``/``high`` keep both ends; a range's qualifier is
  ``approx`` unless a cue says otherwise.
* Status: the nearest planned/current cue in the number's clause (cut at commas and
  conjunctions), else the nearest one before it in the larger clause (cut at ; : dashes,
  brackets and quotes), else the status of a figure it is coordinated with; else current.
  No cue reaches the number across a word that opens a clause of its own (rule STATUS_BARRIER,
  lexicon ``status.barriers``, a cause or a past act: "will ask for aid because 30 missiles struck", not
  a word of time, "after 400 arrive next month"; ``barriers_after_comma``:
  "X, which will host the drill, has 900 troops"), and a count of the dead or wounded is planned only
  by a cue that predicts it (rule CASUALTY_PREDICTION, ``status.casualty_predictions``: "the toll could
  rise to 50", not "will hold funerals for the 12 killed"); a past time in the number's clause without a
  cue keeps it current (rule PAST_TIME, ``status.past_times``: "having received 2,000 soldiers last year");
  the whole after a part taken away from it ("will withdraw 2,000 of its 3,000 troops": lexicon
  ``status.part_withdrawals``) is current unless a cue after it plans it (rule WHOLE_OF_A_PART).
* Numbers that are no counts beside a figure noun: the base of a share (rule RATIO_BASE, lexicon
  ``ratio_joins``: "four in 10 soldiers"). A hedge after the number stands before its noun, and the
  number's clause goes on after the noun (rule HEDGE_BEFORE_NOUN: "300 or more soldiers will be deployed"); a count
  without a noun that a change verb gives after troops counted in its clause is their new size (rule
  COUNTED_TROOPS_CHANGE: "the 5,000 troops in Kosovo will be cut to 3,000").
* Places: the place right after the figure and a locative word; else the best list of
  places in the sentence (near, after a locative word, in the same clause; a capital
  followed by a speech verb, or a mention whose role is "venue"/"actor", only when nothing
  better exists, the earlier sentences of the paragraph included).  When the resolver set
  roles, places marked "deployment"/"incident" win.  A semicolon ends a statement for
  places, sources and dates.
* Source: the name after an attribution cue ("secondo l'OSCE" -> "OSCE"), else the subject
  of a reporting verb ("Fonti militari hanno spiegato", "said the ministry"), articles
  stripped; ``None`` when the statement attributes nothing.
* ``unit`` is the governing noun as written ("soldati", "incidenti armati").
* ``figure_id`` is ``f"{doc_id}:f{n}"`` with ``n`` counting from 1 in text order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from geo.clauses import ASIDE_OPEN, aside_close
from geo.dates import (
    DAY,
    calendar_words,
    date_part,
    event_dates_in,
    find_dateline,
    other_periods,
    weekday_words,
    year_prepositions,
)
from geo.events import event_profile
from geo.lexicons import load
from geo.model import FIGURE_KINDS, Document, Entity, Figure, Mention, contains, figure_group
from geo.normalize import fold
from geo.numbers import NumberMatch, Phrases, Token, age_length, find_numbers, phrase_tokens, tokenize
from geo.sentences import same_paragraph, sentence_at, split_sentences

_STRONG = frozenset(';:()[]“”«»"„')
_PUNCT = frozenset('.,;:!?()[]“”«»"„')
_MAX_GAP = 3  # words allowed between a number and its noun
_CUE_REACH = 10  # words after a noun searched for its casualty verb ("ont également été blessés")
_SURE_REPEAT = 10  # from this value up a number repeated with the same kind and hedge is the same fact
_POLICE_REACH = 30  # words after police searched for the mission they were sent on
_OPEN_QUOTES = frozenset('"“«„')


@dataclass(frozen=True)
class _Lex:
    nouns: Phrases
    noun_kind: dict[tuple[str, ...], str]
    persons: Phrases
    age_before: Phrases
    killed_cues: Phrases
    wounded_cues: Phrases
    other_cues: Phrases
    killed_before: Phrases
    wounded_before: Phrases
    modifiers: Phrases
    before: Phrases
    before_kind: dict[tuple[str, ...], str]
    anaphora: Phrases
    anaphora_after: Phrases
    partitive: Phrases
    parts: Phrases
    breakdown: Phrases
    definite: Phrases
    single: Phrases
    downed_cues: Phrases
    fall_cues: Phrases
    formations: Phrases
    formations_in_context: Phrases
    formation_context: Phrases
    formation_civil: Phrases
    ratio_joins: Phrases
    glued: Phrases
    glued_kind: dict[tuple[str, ...], str]
    copulas: Phrases
    copula_articles: frozenset[str]
    proforms: frozenset[str]
    verb_nouns: Phrases  # ``verb_nouns``: kind nouns that are a verb before a number (rule VERB_NOT_NOUN)
    another: frozenset[str]
    another_one: frozenset[str]
    weak_troops: frozenset[str]
    weak_min: int
    modifier_suffixes: tuple[str, ...]
    head_last: bool
    compound_suffixes: bool
    cue_reach: int
    hyphenated_modifiers: bool
    not_after: Phrases
    not_before: Phrases
    year_before: Phrases  # the dates lexicon's ``year_prepositions`` (geo.dates.year_prepositions)
    qualifiers: dict[str, Phrases]
    approx_after: Phrases
    at_least_after: Phrases
    up_to_after: Phrases
    planned: Phrases
    planned_endings: tuple[str, ...]
    hearsay: Phrases
    hearsay_after: Phrases
    hearsay_counts: Phrases
    part_withdrawals: Phrases
    participle_endings: tuple[str, ...]
    current: Phrases
    barriers: Phrases
    barriers_after_comma: Phrases
    past_times: Phrases
    casualty_predictions: Phrases
    prediction_links: Phrases
    locative: Phrases
    origin: Phrases
    place_words: frozenset[str]
    list_words: Phrases
    list_coordinators: Phrases
    speaker_after: Phrases
    per_unit: Phrases
    src_before: Phrases
    src_verbs: Phrases
    src_articles: Phrases
    src_stop: Phrases
    src_pronouns: Phrases
    coordinators: Phrases
    relatives: Phrases
    item_relatives: Phrases
    openers: Phrases
    speech: Phrases
    times: Phrases
    times_words: Phrases
    units: Phrases
    police: Phrases
    change_verbs: Phrases
    change_auxiliaries: Phrases
    change_noun_openers: Phrases
    reach_verbs: Phrases
    reach_ends: Phrases
    demonyms: Phrases
    stopwords: frozenset[str]


def _kind_map(raw: dict | None) -> tuple[Phrases, dict[tuple[str, ...], str]]:
    mapping: dict[tuple[str, ...], str] = {}
    for kind in FIGURE_KINDS:  # the first kind listing a noun wins
        for noun in (raw or {}).get(kind) or []:
            mapping.setdefault(phrase_tokens(str(noun)), kind)
    return Phrases(" ".join(k) for k in mapping), mapping


# Phrase lists of the ``figures`` section read for the shapes of real reporting (see the lexicons' comments).
_FIGURE_PHRASES = (
    "killed_before",
    "wounded_before",
    "anaphora_after",
    "partitive",
    "parts",
    "breakdown",
    "definite",
    "single",
    "downed_cues",
    "fall_cues",
    "formations_in_context",
    "formation_context",
    "formation_civil",
    "ratio_joins",
)


@cache
def figure_lexicon(lang: str) -> _Lex:
    """The figures lexicon of ``lang`` (English where it has none) as matchers, made once per language: the
    one reading of ``figures.yaml`` (and the event words it needs) that figures, role features
    (:func:`geo.role_model.troop_words`) and figure places (rule HOST_AND_BASE) share.

    Parameters
    ----------
    lang : str
        A language code.

    Returns
    -------
    _Lex
    """
    d = load(lang, "figures") or load("en", "figures")
    f, q, st, pl, so, nu, cl = (d.get(k) or {} for k in (
        "figures", "qualifiers", "status", "places", "sources", "numbers", "clauses"))
    # military units counted as such are equipment (module docstring): the kinds' nouns, then the units'
    kinds = dict(f.get("kinds") or {})
    kinds["equipment"] = [*(kinds.get("equipment") or []), *(f.get("formations") or []),
                          *(f.get("formations_in_context") or [])]
    nouns, noun_kind = _kind_map(kinds)
    glued, glued_kind = _kind_map(f.get("glued"))
    before, before_kind = _kind_map(f.get("before"))

    def ph(section: dict, key: str) -> Phrases:
        return Phrases(section.get(key) or [])

    coordinators = ph(cl, "coordinators")

    return _Lex(
        nouns=nouns,
        noun_kind=noun_kind,
        persons=ph(f, "persons"),
        age_before=Phrases((d.get("numbers") or {}).get("age_before") or []),
        killed_cues=ph(f, "killed_cues"),
        wounded_cues=ph(f, "wounded_cues"),
        other_cues=ph(f, "other_cues"),
        **{k: ph(f, k) for k in _FIGURE_PHRASES},
        formations=Phrases([*(f.get("formations") or []), *(f.get("formations_in_context") or [])]),
        modifiers=ph(f, "modifiers"),
        before=before,
        before_kind=before_kind,
        anaphora=ph(f, "anaphora"),
        glued=glued,
        glued_kind=glued_kind,
        copulas=ph(f, "copulas"),
        copula_articles=frozenset(fold(str(w)) for w in f.get("copula_articles") or []),
        proforms=frozenset(str(w).lower() for w in f.get("proforms") or []),
        verb_nouns=ph(f, "verb_nouns"),
        another=frozenset(fold(str(w)) for w in f.get("another") or []),
        another_one=frozenset(fold(str(w)) for w in f.get("another_one") or []),
        weak_troops=frozenset(fold(str(w)) for w in f.get("weak_troops") or []),
        weak_min=int(f.get("weak_troops_min", 0)),
        modifier_suffixes=tuple(fold(str(x)) for x in f.get("modifier_suffixes") or []),
        head_last=bool(f.get("compound_head_last", False)),
        compound_suffixes=bool(f.get("compound_suffixes", False)),
        cue_reach=int(f.get("cue_reach", _CUE_REACH)),
        hyphenated_modifiers=bool(f.get("hyphenated_modifiers", False)),
        not_after=ph(f, "not_after"),
        not_before=ph(f, "not_before"),
        year_before=year_prepositions(lang),
        qualifiers={k: ph(q, k) for k in ("approx", "at_least", "up_to", "more_than", "less_than")},
        approx_after=ph(q, "approx_after"),
        at_least_after=ph(q, "at_least_after"),
        up_to_after=ph(q, "up_to_after"),
        planned=ph(st, "planned"),
        planned_endings=tuple(str(e).lower() for e in st.get("planned_endings") or []),
        hearsay=ph(st, "hearsay"),
        hearsay_after=ph(st, "hearsay_after"),
        hearsay_counts=ph(st, "hearsay_counts"),
        part_withdrawals=ph(st, "part_withdrawals"),
        participle_endings=tuple(str(e).lower() for e in st.get("participle_endings") or []),
        current=ph(st, "current"),
        barriers=ph(st, "barriers"),
        past_times=ph(st, "past_times"),
        barriers_after_comma=ph(st, "barriers_after_comma"),
        casualty_predictions=ph(st, "casualty_predictions"),
        prediction_links=ph(st, "prediction_links"),
        locative=ph(pl, "locative"),
        origin=ph(pl, "origin"),
        place_words=frozenset(fold(str(w)) for w in pl.get("place_words") or []),
        list_words=ph(pl, "list_words"),
        list_coordinators=ph(pl, "list_coordinators"),
        speaker_after=ph(pl, "speaker_after"),
        per_unit=ph(pl, "per_unit"),
        src_before=ph(so, "before"),
        src_verbs=ph(so, "verbs"),
        src_articles=ph(so, "articles"),
        src_stop=ph(so, "stop"),
        src_pronouns=ph(so, "pronouns"),
        coordinators=coordinators,
        relatives=ph(d.get("clauses") or {}, "relatives"),
        item_relatives=ph(d.get("clauses") or {}, "item_relatives"),
        # the event profile's relative pronouns and clause openers (its subordinators but the coordinators, which
        # end the reach as written: :func:`_coordinator`, Italian "è" folds to "e")
        openers=Phrases(" ".join(p) for p in (*event_profile(lang).relative_pronouns.phrases,
                                              *event_profile(lang).clause_openers.phrases)),
        # the words of EventProfile.speech_at (speech verbs and cues), as geo.numbers.Phrases matched on tokens
        speech=Phrases(" ".join(p) for p in event_profile(lang).speech.phrases),
        times=ph(f, "times"),
        times_words=Phrases((d.get("numbers") or {}).get("times") or {}),
        units=ph(f, "units"),
        police=ph(f, "police"),
        change_verbs=Phrases([*((d.get("numbers") or {}).get("change_verbs") or []),
                              *((d.get("numbers") or {}).get("reach_verbs") or [])]),
        reach_verbs=ph(d.get("numbers") or {}, "reach_verbs"),
        reach_ends=ph(d.get("numbers") or {}, "reach_ends"),
        # modal and auxiliary words: the lexicon's own, with the single words of the planned cues and copulas
        change_auxiliaries=Phrases([*(nu.get("change_auxiliaries") or []),
                                    *(w for w in [*(st.get("planned") or []), *(f.get("copulas") or [])]
                                      if len(phrase_tokens(str(w))) == 1)]),
        change_noun_openers=Phrases([*(so.get("articles") or []), *(nu.get("possessives") or [])]),
        demonyms=Phrases(load(lang, "demonyms").get("demonyms") or []),
        stopwords=frozenset(fold(str(w)) for w in (load(lang, "language") or {}).get("stopwords") or []),
    )


# ---------------------------------------------------------------------------------------------------------
# The document as tokens
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Doc:
    text: str
    toks: list[Token]
    sentences: list[tuple[int, int]]  # sentences, cut further at semicolons: independent statements
    sent_of: list[int]  # index in ``sentences`` of each token
    in_number: list[bool]  # token belongs to a number expression
    lex: _Lex
    lang: str
    in_age: set[int] = field(default_factory=set)  # tokens of an age phrase ("di 61 anni", "im Alter von 27")
    # clause bounds per ``sub`` and sentence (:meth:`clause`), made on the first question, after ``in_number`` is set
    _clause_bounds: dict[tuple[bool, int], tuple[int, list[int], list[int]]] = field(default_factory=dict, repr=False)
    _ages: dict[int, int] = field(default_factory=dict, repr=False)  # :meth:`age_at`, per token asked about
    _future: dict[int, bool] = field(default_factory=dict, repr=False)  # :meth:`future_at`, per token asked about
    # the attributions of each sentence (:func:`_source_spans`), per (sentence's tokens, reporting verbs or not)
    sources: dict[tuple[tuple[int, int], bool], list[tuple[int, tuple[int, int]]]] = field(
        default_factory=dict, repr=False)

    def future_at(self, k: int) -> bool:
        """Token ``k`` is a future or conditional verb form (:func:`_future_form` of the word as written), read
        once per token: the status reader asks again for every figure of a clause."""
        found = self._future.get(k)
        if found is None:
            t = self.toks[k]
            # a future form has five letters at least, and a folded word is as long as the word
            found = self._future[k] = len(t.text) >= 5 and _future_form(self.text[t.start : t.end], self.lex)
        return found

    def age_at(self, k: int) -> int:
        """:func:`geo.numbers.age_length` at token ``k`` (0: no age phrase starts there), read once per token."""
        n = self._ages.get(k)
        if n is None:
            n = self._ages[k] = age_length(self.text, self.toks, k, self.lang)
        return n

    @cached_property
    def starts(self) -> list[int]:
        """The tokens' start offsets, for bisection."""
        return [t.start for t in self.toks]

    @cached_property
    def ends(self) -> list[int]:
        """The tokens' end offsets, for bisection (ascending: tokens do not overlap)."""
        return [t.end for t in self.toks]

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [i, j) covering the characters [start, end)."""
        i = bisect_right(self.ends, start)  # the first token ending after start
        return i, max(i, bisect_left(self.starts, end))  # up to the first one from end on

    def is_strong(self, k: int) -> bool:
        """A clause boundary inside a sentence: ; : ( ) quotes, or a dash between spaces."""
        if self.in_number[k]:
            return False
        t = self.toks[k]
        if t.text == ":":
            return t.end >= len(self.text) or not self.text[t.end].isdigit()
        if t.text in _STRONG:
            return True
        if t.text == "-":
            before = t.start == 0 or self.text[t.start - 1].isspace()
            after = t.end >= len(self.text) or self.text[t.end].isspace()
            return before and after
        return False

    def clause(self, i: int, j: int, *, sub: bool) -> tuple[int, int]:
        """Token bounds of the clause holding tokens [i, j); ``sub`` also cuts at commas and coordinators."""
        s = self.sent_of[i]
        lo, left, right = self._clause_bounds.get((sub, s)) or self._bounds(sub, s)
        b = right[j - lo] if j < len(self.toks) and self.sent_of[j] == s else j
        return (left[i - lo] if i > 0 else i), b

    def _bounds(self, sub: bool, s: int) -> tuple[int, list[int], list[int]]:
        """Where the clauses of sentence ``s`` begin and end, made on its first question (after ``in_number`` is
        set): its first token ``lo``; for each of its tokens k, ``left[k - lo]`` the first token of k's clause up
        to k, ``right[k - lo]`` the first token after it from k on (k itself when k cuts)."""
        toks, sent_of = self.toks, self.sent_of
        lo, hi = bisect_left(sent_of, s), bisect_right(sent_of, s)  # sent_of does not decrease
        marks = _cut_marks(self.lex.relatives, self.lex.coordinators if sub else None)
        cuts = [k for k in range(lo, hi) if toks[k].text in marks and self._cut(k, sub)]  # _cut is False off the marks
        # a stretch up to each cut c, then the rest: left is the stretch's first token, right its cut (hi for the rest)
        left: list[int] = []
        right: list[int] = []
        first = lo
        for c in cuts:
            left += [first] * (c + 1 - first)
            right += [c] * (c + 1 - first)
            first = c + 1
        left += [first] * (hi - first)
        right += [hi] * (hi - first)
        self._clause_bounds[(sub, s)] = bounds = (lo, left, right)
        return bounds

    def _cut(self, k: int, sub: bool) -> bool:
        if self.is_strong(k) or (not self.in_number[k] and (self.toks[k].text,) in self.lex.relatives.seqs):
            return True  # "..., donde murieron": a relative clause has its own verb
        if not sub or self.in_number[k]:
            return False
        return self.toks[k].text == "," or (self.toks[k].text,) in self.lex.coordinators.seqs

    def original(self, i: int, j: int) -> str:
        return self.text[self.toks[i].start : self.toks[j - 1].end]

    def capitalized(self, k: int) -> bool:
        t = self.toks[k]
        return self.text[t.start].isupper()


@cache
def _cut_marks(relatives: Phrases, coordinators: Phrases | None) -> frozenset[str]:
    """The words at which :meth:`_Doc._cut` may cut a sentence into clauses, with ``coordinators`` (the clauses
    ``sub`` asks for) also at commas and coordinators; made once per lexicon."""
    marks = _STRONG | {":", "-"} | {q[0] for q in relatives.seqs if len(q) == 1}
    if coordinators is not None:
        marks |= {","} | {q[0] for q in coordinators.seqs if len(q) == 1}
    return frozenset(marks)


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")


def _semicolon_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    parts = []
    k = text.find(";", a, b)
    while k >= 0:
        parts.append((a, k))
        a = k + 1
        while a < b and text[a].isspace():
            a += 1
        k = text.find(";", a, b)
    parts.append((a, b))
    return [p for p in parts if p[1] > p[0]]


def _build(text: str, lang: str, numbers: list[NumberMatch]) -> _Doc:
    folded = fold(text)
    toks = tokenize(folded)
    sentences = []
    for a, b in split_sentences(text) or [(0, len(text))]:
        for part in _semicolon_parts(text, a, b):
            sentences.append(part)
    # a token belongs to the first sentence ending after its start (the last one at most): the tokens from the
    # first starting at or after each sentence's end belong to the next sentences, filled stretch by stretch
    sent_of: list[int] = []
    for s in range(len(sentences) - 1):
        sent_of += [s] * (bisect_left(toks, sentences[s][1], key=_START) - len(sent_of))
    sent_of += [max(len(sentences) - 1, 0)] * (len(toks) - len(sent_of))
    doc = _Doc(text, toks, sentences, sent_of, [False] * len(toks), figure_lexicon(lang), lang)
    for nm in numbers:
        i, j = doc.tok_range(nm.start, nm.end)
        for k in range(i, j):
            doc.in_number[k] = True
        if i in doc.in_age:
            continue
        for s in range(max(0, i - 4), i + 1):  # "im Alter von 27, 31 und 32 Jahren": a list of ages too
            n = doc.age_at(s)
            if s + n > i:
                doc.in_age.update(range(s, s + n))
                break
        else:
            n = _bare_age(doc, i, j)
            if n:
                doc.in_age.update(range(i - n, j))
    return doc


def _bare_age(doc: _Doc, i: int, j: int) -> int:
    """Tokens of the age word before the number ``toks[i:j]`` when it gives a person's age without a word for
    years ("a man aged 43", "una mujer de 34", "un uomo di 43 anni e una donna di 34"): a person noun, an
    ``age_before`` word of the numbers lexicon, the number, and no noun of a count after it; 0 otherwise."""
    lex = doc.lex
    n = lex.age_before.match_ending(doc.toks, i)
    if not n or not lex.persons.match_ending(doc.toks, i - n):
        return 0
    if j < len(doc.toks) and (lex.nouns.match_at(doc.toks, j) or lex.persons.match_at(doc.toks, j)):
        return 0  # "la madre di 3 bambini": a count of its own
    return n


# ---------------------------------------------------------------------------------------------------------
# Kind: the noun that governs a number
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Head:
    kind: str
    unit: str | None
    end: int  # token index after the noun (or after the number when the noun is before it)
    elliptical: bool = False  # the noun is understood from the figure before ("e 3.000 in Romania")
    inherited: bool = False  # a noun of people of its own, the casualty kind taken from the figure before


def _noun_after(doc: _Doc, j: int, end: int) -> tuple[str | None, int, int] | None:
    """(kind or None for persons, first token, end token) of the noun following a number."""
    lex = doc.lex
    k, skipped = j, 0
    n = lex.partitive.match_at(doc.toks, j)
    if n:  # "15 der insgesamt 74 Drohnen", "tre delle quattro navi": the part takes the noun of the whole
        k = j + n
        while k < end and (lex.modifiers.match_at(doc.toks, k) or _qualifier_at(doc, k)):
            k += lex.modifiers.match_at(doc.toks, k) or _qualifier_at(doc, k)
        while k < end and doc.in_number[k]:
            k += 1
    if k == j < len(doc.toks) - 1 and doc.toks[k].text in _OPEN_QUOTES and not doc.in_number[k + 1]:
        k += 1  # 'almeno tre "missili balistici"': the noun quoted, in a clause of its own
        end = max(end, doc.clause(k, k + 1, sub=False)[1])
    while k < end and skipped <= _MAX_GAP:
        if doc.toks[k].text == "." and k > j and len(doc.toks[k - 1].text) == 1 and doc.capitalized(k - 1):
            k += 1  # "3,000 U.S. troops"
            continue
        t = doc.toks[k]
        if t.text == "-" and k > j and k + 1 < end and doc.toks[k - 1].end == t.start == doc.toks[k + 1].start - 1 \
                and not doc.in_number[k + 1]:
            k += 2  # "three Kh-59 missiles", "nove Tu-95 bombardieri": a model code between the count and its noun
            continue
        n = doc.age_at(k) if k == j else 0
        if n:  # "ein 38-jähriger Mann", "a 54-year-old woman": the age says who, the noun follows
            k += n
            skipped += 1
            continue
        n = _hedge_after(doc, k) if k == j else 0
        if n:  # rule HEDGE_BEFORE_NOUN: "300 or more soldiers", "12 o più soldati": the hedge, then the noun
            k += n
            skipped += 1
            continue
        if doc.in_number[k] or doc.toks[k].text in _PUNCT:
            return None
        n = lex.nouns.match_at(doc.toks, k)
        if n and k + n <= end:
            while lex.head_last and k + n < end and lex.nouns.match_at(doc.toks, k + n) and not (
                    lex.noun_kind[_words(doc, k + n, k + n + lex.nouns.match_at(doc.toks, k + n))] in _HURT
                    and lex.noun_kind[_words(doc, k, k + n)] == "equipment"):
                k, n = k + n, lex.nouns.match_at(doc.toks, k + n)  # "drone incursions": the last noun heads
            # ("two drones killed three": a weapon is the subject of the casualty word after it, never its head)
            m = k + n
            if lex.head_last and m < end and _plain_word(doc, m) and doc.toks[m].text.endswith("s") \
                    and not lex.persons.match_at(doc.toks, m):
                return None  # "two carrier strike groups": the figure noun modifies a head the lexicon lacks
            if lex.formations_in_context.match_at(doc.toks, k) == n and not _military_unit(doc, j, k, k + n):
                return None  # "three fire brigades", "dos grupos de ataque atacaron": no military unit
            return lex.noun_kind[_words(doc, k, k + n)], k, k + n
        n = lex.persons.match_at(doc.toks, k) or (k == j and _proform_alone(doc, k)) or _demonym_alone(doc, k)
        if n and k + n <= end:  # "12 civili", "Huit autres sont blessés": people, a figure with a casualty cue
            return None, k, k + n
        kind = _compound_kind(doc, k) if lex.compound_suffixes else None
        if kind is not None:  # "20 Lockvogeldrohnen", "300 Bundeswehrsoldaten": a compound ending in a noun
            return (kind or None), k, k + 1
        n = lex.modifiers.match_at(doc.toks, k) or (k == j and lex.single.match_at(doc.toks, k))
        if n:
            k += n
        elif (
            doc.toks[k].text in ("di", "of", "de", "d", "'")
            or doc.capitalized(k)
            or doc.toks[k].text.endswith(lex.modifier_suffixes or ("\0",))
            or (lex.hyphenated_modifiers and "-" in doc.toks[k].text and doc.toks[k].text[0].isalpha())
            # "two landing ships", "40 kamikaze drones", "tre grandi navi": one word of any kind right before
            or (k + 1 < end and _plain_word(doc, k) and lex.nouns.match_at(doc.toks, k + 1))
        ):
            k += 1
        else:
            return None
        skipped += 1
    return None


def _hedge_after(doc: _Doc, k: int) -> int:
    """Length of a hedge that follows a number at token ``k`` (the lexicon's ``approx_after``, ``at_least_after``
    and ``up_to_after``: "or so", "or more", "o più"), 0 if none."""
    lex = doc.lex
    return max(lex.approx_after.match_at(doc.toks, k), lex.at_least_after.match_at(doc.toks, k),
               lex.up_to_after.match_at(doc.toks, k))


_MIN_COMPOUND_HEAD = 5  # letters of the shortest noun read as the head of a compound ("drohnen" in "Lockvogeldrohnen")


@cache
def _compound_heads(lang: str) -> tuple[tuple[str, str], ...]:
    """(noun, kind) of the one-word figure nouns (kind "" for persons) that can end a compound, longest first."""
    lex = figure_lexicon(lang)
    heads = [(k[0], kind) for k, kind in lex.noun_kind.items() if len(k) == 1]
    heads += [(p[0], "") for p in lex.persons.seqs if len(p) == 1]
    return tuple(sorted(((n, kd) for n, kd in heads if len(n) >= _MIN_COMPOUND_HEAD), key=lambda x: -len(x[0])))


def _compound_kind(doc: _Doc, k: int) -> str | None:
    """The kind of the noun a compound at ``toks[k]`` ends in ("Lockvogeldrohnen" -> equipment, "" for people:
    "Bundeswehrsoldaten" -> troops), lexicon flag ``compound_suffixes``; None when it ends in none."""
    word = doc.toks[k].text
    if not word.isalpha():
        return None
    lex = doc.lex
    for noun, kind in _compound_heads(doc.lang):
        if len(word) > len(noun) + 2 and word.endswith(noun):
            if (noun,) in lex.formations_in_context.seqs and (word[: -len(noun)],) not in lex.formation_context.seqs:
                return None  # "Einsatzbrigaden", "Arbeitsbrigaden" are no military units; "Panzerbrigaden" are
            return kind
    return None


def _is_formation(lex: _Lex, noun: str | None) -> bool:
    """The figure noun ``noun`` as written names military units (lexicons ``formations``,
    ``formations_in_context``), alone or ending a compound ("Panzerbataillone")."""
    if not noun:
        return False
    words = phrase_tokens(noun)
    if words in lex.formations.seqs:
        return True
    return len(words) == 1 and any(len(f) == 1 and words[0].endswith(f[0]) for f in lex.formations.seqs)


def _words(doc: _Doc, k: int, m: int) -> tuple[str, ...]:
    """The words of ``toks[k:m]`` as the lexicon matchers key them."""
    return tuple(t.text for t in doc.toks[k:m])


_HURT = frozenset(("killed", "wounded", "casualties"))
_UNIT_BEFORE = 5  # tokens before a unit noun read for a military word ("the army sent two brigades")
_UNIT_AFTER = 6  # tokens after it ("brigades of 3,000 troops", "grupos de ataque de portaaviones")


def _military_unit(doc: _Doc, j: int, k: int, m: int) -> bool:
    """The unit noun at ``toks[k:m]`` (lexicon ``formations_in_context``), counted by the number ending at
    ``toks[j]``, names a military unit: a word of ``formation_context`` stands in its clause within
    ``_UNIT_BEFORE`` tokens before the number or ``_UNIT_AFTER`` after the noun ("two mechanised brigades", "the
    army sent two brigades") and no word of ``formation_civil`` ("three fire brigades", "brigadas de bomberos")."""
    lex, toks = doc.lex, doc.toks
    a, b = doc.clause(k, m, sub=False)
    span = range(max(a, j - _UNIT_BEFORE), min(b, m + _UNIT_AFTER))
    if any(lex.formation_civil.match_at(toks, x) for x in span):
        return False
    return any(lex.formation_context.match_at(toks, x) for x in span if not k <= x < m)


def _demonym_alone(doc: _Doc, k: int) -> int:
    """Length of a demonym at ``toks[k]`` that stands for people ("sei palestinesi", "two Americans"), not an
    adjective of the noun after it ("3,000 American troops"); 0 otherwise."""
    n = doc.lex.demonyms.match_at(doc.toks, k)
    if not n or k + n >= len(doc.toks):
        return n
    m = k + n
    lex = doc.lex
    if lex.nouns.match_at(doc.toks, m) or lex.persons.match_at(doc.toks, m) or doc.capitalized(m):
        return 0
    return 0 if _plain_word(doc, m) and lex.nouns.match_at(doc.toks, m + 1) else n  # "Russian landing ships"


def _plain_word(doc: _Doc, k: int) -> bool:
    """``toks[k]`` is a word that can qualify a noun after it ("landing" ships, "kamikaze" drones): lower-case
    letters, no stopword, coordinator, casualty cue, locative or number."""
    lex = doc.lex
    t = doc.toks[k]
    return (
        t.text.isalpha()
        and not doc.in_number[k]
        and t.text not in lex.stopwords
        and t.text not in lex.copula_articles
        and not (lex.definite.match_at(doc.toks, k) or lex.src_articles.match_at(doc.toks, k))
        and (t.text,) not in lex.coordinators.seqs
        and not doc.capitalized(k)
        and not (lex.killed_cues.match_at(doc.toks, k) or lex.wounded_cues.match_at(doc.toks, k))
        and not (lex.locative.match_at(doc.toks, k) or lex.partitive.match_at(doc.toks, k))
    )


def _proform_alone(doc: _Doc, k: int) -> bool:
    """``toks[k]`` is a pronoun-like noun standing alone ("Huit autres sont blessés"), not a modifier of the
    noun after it ("5,000 more troops", "altri 3.000 soldati")."""
    lex = doc.lex
    if doc.toks[k].text not in lex.proforms:
        return False
    n = k + 1
    if n >= len(doc.toks):
        return True
    return not (
        lex.nouns.match_at(doc.toks, n)
        or lex.persons.match_at(doc.toks, n)
        or lex.modifiers.match_at(doc.toks, n)
        or doc.capitalized(n)
        or doc.in_number[n]
    )


def _qualifier_at(doc: _Doc, k: int) -> int:
    """Length of a qualifier phrase starting at ``toks[k]`` ("almeno", "more than"), 0 if none."""
    return max((q.match_at(doc.toks, k) for q in doc.lex.qualifiers.values()), default=0)


def _coordinator(doc: _Doc, k: int) -> bool:
    """Token ``k`` is a list coordinator as written: Italian "è" (is) folds to "e" (and) but is no "e"."""
    t = doc.toks[k].text
    return (t,) in doc.lex.coordinators.seqs and doc.original(k, k + 1).lower() == t


def _casualty_cue(doc: _Doc, i: int, j: int, end: int, a: int) -> str | None:
    """killed/wounded from the nearest cue just after the noun (from ``toks[j]``) or just before the number."""
    lex = doc.lex
    after: tuple[int, str] | None = None
    k, reach = j, j + lex.cue_reach
    aside = False  # inside ", fra cui 15 bambini," whose closing comma does not end the phrase
    phrase_end = j  # the end of the noun phrase read so far: the noun and its complements, one word between
    while k < min(end, reach) or (k == end < min(reach, len(doc.toks)) and doc.toks[k].text in _OPEN_QUOTES):
        t = doc.toks[k].text
        n = lex.parts.match_at(doc.toks, k + 1) if t == "," and not aside else 0
        if n:  # "41 civili, tra i quali 9 donne, risultano morti": the verb after the aside holds
            k += 1 + n
            while k < end and doc.in_number[k]:
                k += 1
            aside, reach = True, k + 2 * lex.cue_reach
            continue
        if t == "," and aside:
            aside = False
            k += 1
            continue
        if t in _OPEN_QUOTES or t in "”»":
            k += 1  # 'y étaient « morts en martyr »': a quoted verb is still the verb
            if k < len(doc.toks):
                end = max(end, doc.clause(k, k + 1, sub=False)[1])
            continue
        if t == "," and not aside:
            # "Un altro casco blu, il quinto in due giorni, è stato ferito": the verb right after an aside
            cue = _cue_after_aside(doc, k, end)
            if cue is not None:
                after = (k - j, cue)
                break
        n = doc.age_at(k)
        while not n and k + n in doc.in_age:
            n += 1  # "a man aged 43 was killed": an age without a word for years
        if n:  # "una donna di 61 anni è stata uccisa": the age between the noun and its verb
            k += n
            reach += n
            continue
        if t == "," and k + 1 < end and _coordinator(doc, k + 1) and _list_goes_on(doc, k, end):
            k += 1  # "12 soldiers, 3 policemen, and 2 civilians": the serial comma
            continue
        if ((_coordinator(doc, k) or (t == "," and _list_goes_on(doc, k, end)))
                and k + 1 < end and doc.in_number[k + 1] and k + 1 != i):
            # "6 soldati e 34 ausiliari civili sono stati uccisi", "12 Soldaten, drei Polizisten und zwei
            # Zivilisten wurden getötet": the verb after the list holds for every item
            k += 1
            while k < end and doc.in_number[k]:
                k += 1
            reach = k + 2 * lex.cue_reach
            continue
        if doc.in_number[k] or t in _PUNCT or _coordinator(doc, k):
            break
        if not aside and (lex.speech.match_at(doc.toks, k) or (phrase_end > j and lex.openers.match_at(doc.toks, k))):
            break  # "a member of the staff of X said the boy was wounded", "... of the UN who visited the wounded"
        n = _complement(doc, k, end) if k - phrase_end <= 1 else 0
        if n:  # "un membro della missione dell'ONU è rimasto ferito": the noun's complements are no distance
            k += n
            reach += n
            phrase_end = k
            continue
        if k > j and doc.toks[k - 1].text in event_profile(doc.lang).articles and (
                lex.killed_cues.match_at(doc.toks, k) or lex.wounded_cues.match_at(doc.toks, k)):
            break  # "a member of the mission visited the wounded": a casualty word after an article is a noun
        if t not in lex.killed_cues.heads and t not in lex.wounded_cues.heads and t not in lex.other_cues.heads:
            pass  # most words start no cue: no call for them
        elif lex.killed_cues.match_at(doc.toks, k):
            after = (k - j, "killed")
        elif lex.wounded_cues.match_at(doc.toks, k):
            after = (k - j, "wounded")
        elif lex.other_cues.match_at(doc.toks, k):
            after = (k - j, "other")  # "10 aid workers were abducted"
        if after:
            break
        k += 1
    before: tuple[int, str] | None = None
    if a == i and a > 0 and doc.toks[a - 1].text in _OPEN_QUOTES:
        a = doc.clause(a - 1, a, sub=False)[0]  # 'la morte di "quattro caschi blu"': the quote opens on the count
    for k in range(i, max(a, i - 4), -1):
        quote = k < i and doc.toks[k].text in _OPEN_QUOTES  # 'la morte di "quattro caschi blu"'
        if k < i and not quote and (doc.in_number[k] or doc.toks[k].text in _PUNCT or _coordinator(doc, k)):
            break  # "3 i morti e oltre 2.000 gli sfollati": the dead are the figure before's
        if lex.killed_cues.match_ending(doc.toks, k) or lex.killed_before.match_ending(doc.toks, k):
            before = (i - k, "killed")
        elif lex.wounded_cues.match_ending(doc.toks, k) or lex.wounded_before.match_ending(doc.toks, k):
            before = (i - k, "wounded")
        elif lex.other_cues.match_ending(doc.toks, k):
            before = (i - k, "other")  # "avrebbero rapito quattro cooperanti"
        if before:
            break
    if after and before:
        return after[1] if after[0] < before[0] else before[1]
    return (after or before or (0, None))[1]


def _complement(doc: _Doc, k: int, end: int) -> int:
    """Tokens of the "of" complement that starts at ``toks[k]`` (rule NOUN_PHRASE_REACH): an ``of_words`` of the
    event lexicon, its articles (``articles``, an elided one's apostrophe), one word that is no number (a
    casualty word too: "a nurse of wounded soldiers was killed"), and the capitalised words of a name after it
    ("de la misión", "dell'ONU", "of the United Nations"); 0 when no complement starts there. The complements
    right after a noun (one word between at most: "of the training mission of the EU") do not count against
    ``cue_reach``."""
    profile = event_profile(doc.lang)
    toks = doc.toks
    if toks[k].text not in profile.of_words:
        return 0
    m = k + 1
    while m < end and (toks[m].text == "'" or toks[m].text in profile.articles):
        m += 1
    if m >= end or doc.in_number[m] or toks[m].text in _PUNCT or not toks[m].text.isalpha():
        return 0
    m += 1
    while m < end and doc.capitalized(m) and toks[m].text.isalpha():
        m += 1
    return m - k


def _list_goes_on(doc: _Doc, k: int, end: int) -> bool:
    """The comma at ``toks[k]`` opens the next item of a list of counts that ends in a coordinator and a last
    count ("12 soldati, tre poliziotti e due civili"), before any casualty cue or other punctuation."""
    lex = doc.lex
    m = k
    while m < min(end, k + 16):
        t = doc.toks[m].text
        if t == ",":
            if m + 1 >= end or not (doc.in_number[m + 1] or _coordinator(doc, m + 1)):
                return False  # ", and 2 civilians": the serial comma before the last item
        elif _coordinator(doc, m):
            return m + 1 < end and doc.in_number[m + 1]
        elif t in _PUNCT or lex.killed_cues.match_at(doc.toks, m) or lex.wounded_cues.match_at(doc.toks, m):
            return False
        m += 1
    return False


def _list_clause_acts(doc: _Doc, k: int) -> bool:
    """Whether the list of counts that the comma at ``toks[k]`` opens (:func:`_list_goes_on`) is the subject of a
    clause of its own: after its coordinator, before the next punctuation of the sentence, a verb stands (an event
    trigger of the events lexicon, a passive auxiliary, a copula, a downed or fall cue of the figures lexicon; not a
    count's own noun, "drones": "600 soldiers and 150 tanks, 40 drones and 20 missiles were shot down over Kyiv"
    counts an attack, not gear; nor a verb after a word of the figures lexicon's ``clauses.item_relatives``: "and 20
    drones that will be based in Latvia" describes the items)."""
    lex, profile = doc.lex, event_profile(doc.lang)
    verbs = (*profile.triggers.values(), profile.passive_auxiliaries)  # read on folded words
    m, first = k + 1, None
    while m < len(doc.toks) and doc.sent_of[m] == doc.sent_of[k] and not (doc.toks[m].text in _PUNCT and (
            doc.toks[m].text != "," or first is not None)):
        if first is None and _coordinator(doc, m):
            first = m
        elif first is not None and not doc.in_number[m] and lex.item_relatives.match_at(doc.toks, m):
            break  # "and 20 drones that will be based there": the relative clause's verb, not the list's
        m += 1
    if first is None:
        return False
    words = [fold(t.text) for t in doc.toks[first:m]]
    nouns = {first + j + n for j in range(len(words)) for n in range(lex.nouns.match_at(doc.toks, first + j))}
    figure_verbs = (lex.copulas, lex.downed_cues, lex.fall_cues)
    return any(not doc.in_number[first + j] and first + j not in nouns and (
        any(c.match_at(words, j) for c in verbs) or any(c.match_at(doc.toks, first + j) for c in figure_verbs))
        for j in range(len(words)))


def _breakdown(doc: _Doc, i: int, a: int, ns: int, ne: int) -> bool:
    """The count at ``toks[i]`` with its noun ``toks[ns:ne]`` is introduced as a part ("including one child",
    "darunter drei Kinder") and its noun is one of the lexicon's ``breakdown`` nouns (children, women)."""
    lex = doc.lex
    word = doc.toks[ns].text
    compound = lex.compound_suffixes and any(  # "darunter drei Kleinkinder"
        len(b) == 1 and len(word) > len(b[0]) + 2 and word.endswith(b[0]) for b in lex.breakdown.seqs
    )
    if not (lex.breakdown.match_at(doc.toks, ns) or compound):
        return False
    return any(lex.parts.match_ending(doc.toks, k) for k in range(i, max(a - 1, i - 3), -1))


def _said_to_be_breakdown(doc: _Doc, k: int) -> bool:
    """A copula at ``toks[k]`` followed by a breakdown noun ("... sono donne", "... were children")."""
    lex = doc.lex
    n = lex.copulas.match_at(doc.toks, k)
    if not n:
        return False
    k += n
    while k < len(doc.toks) and doc.toks[k].text in lex.copula_articles:
        k += 1
    return bool(lex.breakdown.match_at(doc.toks, k))


def _cue_after_aside(doc: _Doc, k: int, end: int) -> str | None:
    """killed/wounded when the comma at ``toks[k]`` opens an aside of a few words closed by a comma that
    a casualty verb follows within three words (quotes passed over); None otherwise."""
    lex = doc.lex
    c = k + 1
    while c < min(end, k + 10) and doc.toks[c].text not in _PUNCT:
        c += 1
    if c >= end or c == k + 1 or doc.toks[c].text != ",":
        return None
    m, words = c + 1, 0
    while m < end and words < 3:
        if doc.toks[m].text in _OPEN_QUOTES or doc.toks[m].text in "”»":
            m += 1
            continue
        if doc.in_number[m] or doc.toks[m].text in _PUNCT:
            return None
        if lex.killed_cues.match_at(doc.toks, m):
            return "killed"
        if lex.wounded_cues.match_at(doc.toks, m):
            return "wounded"
        m += 1
        words += 1
    return None


def _part_of(doc: _Doc, i: int, a: int, prev: Figure | None, prev_end: int) -> str | None:
    """The casualty kind of the figure before when the count at ``toks[i]`` is one of its parts: introduced
    as such ("Darunter seien fünf Soldaten", "tra cui 4 soldati") or coordinated right after it ("wounded 7
    policemen and three border guards")."""
    lex = doc.lex
    if prev is None or prev.kind not in ("killed", "wounded", "casualties") or prev_end > i:
        return None
    if doc.sent_of[i] - doc.sent_of[prev_end - 1] > 1:
        return None
    for k in range(i, max(a - 1, i - 4), -1):
        if lex.parts.match_ending(doc.toks, k):
            return prev.kind
        if k < i and doc.in_number[k - 1 if k else 0]:
            break
    if _coordinated_after(doc, prev_end, i):
        return prev.kind
    if doc.sent_of[prev_end - 1] == doc.sent_of[i] and i - prev_end == 1 and doc.toks[prev_end].text == "," \
            and _verb_before_list(doc, prev) and not _trigger_near(doc, i, i + 1, "deploy", before=0, after=6):
        return prev.kind  # "killed 15 soldiers, four policemen and two civilians": one verb before the list
    return None


def _coordinated_after(doc: _Doc, prev_end: int, i: int) -> bool:
    """Whether the number at token ``i`` is coordinated right after the count whose number and noun end at token
    ``prev_end``: in its sentence, at most three tokens after it, with a coordinator among them and nothing but
    joiners (:func:`_only_joiners`: "and 200", "e oltre"); read by :func:`_part_of` and rule
    :data:`GEAR_OF_TROOPS`."""
    return doc.sent_of[prev_end - 1] == doc.sent_of[i] and 0 < i - prev_end <= 3 \
        and any(_coordinator(doc, k) for k in range(prev_end, i)) and _only_joiners(doc, prev_end, i)


def _verb_before_list(doc: _Doc, prev: Figure) -> bool:
    """The casualty kind of the figure ``prev`` comes from a cue just before its number ("killed 15 soldiers",
    "ont tué 12 soldats"), which then governs every item of a list that follows it."""
    pi, _ = doc.tok_range(prev.start, prev.end)
    pa, _ = doc.clause(pi, pi + 1, sub=False)
    return _casualty_cue(doc, pi, pi, pi, pa) == prev.kind


def _part_of_troops(doc: _Doc, i: int, a: int, prev: Figure | None, prev_end: int) -> bool:
    """The count at ``toks[i]`` is introduced as a part ("inclusi", "including") of the troop figure just before."""
    if not _troops_before(doc, i, prev, prev_end):
        return False
    return any(doc.lex.parts.match_ending(doc.toks, k) for k in range(i, max(a, prev_end, i - 3) - 1, -1))


def _named_before(doc: _Doc, i: int, a: int) -> tuple[str, str] | None:
    """(kind, words) named before the number: "death toll rose to 40", "gli scontri sono stati 41"."""
    lex = doc.lex
    for k in range(i, max(a, i - 7), -1):
        if k < i and (doc.in_number[k] or doc.toks[k].text in ".;!?"):
            break
        n = lex.before.match_ending(doc.toks, k)
        if n:
            return lex.before_kind[tuple(t.text for t in doc.toks[k - n : k])], doc.original(k - n, k)
    c = _copula_start(doc, i)
    if c is not None and c > a:
        n = lex.nouns.match_ending(doc.toks, c)
        if n:
            return lex.noun_kind[tuple(t.text for t in doc.toks[c - n : c])], doc.original(c - n, c)
    return None


def _police_sent(doc: _Doc, i: int, ns: int, ne: int) -> bool:
    """The noun ``[ns, ne)`` of the count at ``i`` names police (``police``) sent on a mission abroad: a deploy
    trigger of the event lexicon ("sent", "deployed", "mission") or a troop unit (``units``: "force") stands in its
    clause. Police counted at home, or killed or wounded (cues read first), are no troops."""
    return doc.lex.police.match_at(doc.toks, ns) == ne - ns and _mission_near(doc, i, ne)


def _troops_before(doc: _Doc, i: int, prev: Figure | None, prev_end: int) -> bool:
    """The figure just before the count at ``toks[i]`` is a troop figure of the same sentence."""
    return prev is not None and prev.kind == "troops" and prev_end <= i and doc.sent_of[prev_end - 1] == doc.sent_of[i]


def _mission_near(doc: _Doc, i: int, j: int) -> bool:
    """A deploy trigger of the event lexicon or a troop unit (``units``) stands in the clause of the count
    ``[i, j)``: within ten words before it or ``_POLICE_REACH`` after it."""
    if _trigger_near(doc, i, j, "deploy", before=10, after=_POLICE_REACH):
        return True
    a, b = doc.clause(i, j, sub=False)
    return any(doc.lex.units.match_at(doc.toks, k) for k in range(max(a, i - 10), min(b, j + _POLICE_REACH)))


def _unit_grows(doc: _Doc, i: int, j: int, a: int, b: int) -> str | None:
    """The troop unit whose size changes to the count ``[i, j)`` without a noun of its own, or None.

    A change verb (``change_verbs`` of the numbers lexicon: "grow", "salire", "aufstocken") within seven words
    before the count (or, verb-last, after it), and a troop unit (``units``: "brigade", "contingente") before
    the count in the same clause: "the brigade could grow to 5,000", "will raise its contingent to 1,000", "die
    Brigade soll auf 5.000 aufgestockt werden".
    """
    lex = doc.lex
    toks, heads = doc.toks, lex.change_verbs.heads  # (no call at a word that starts no change verb)
    verb = next((k for k in range(i - 1, max(a, i - 7) - 1, -1)
                 if toks[k].text in heads and lex.change_verbs.match_at(toks, k)), None)
    if verb is None:
        verb = next((k for k in range(j, min(b, j + 3))
                     if toks[k].text in heads and lex.change_verbs.match_at(toks, k)), None)
    if verb is None or (lex.reach_verbs.match_at(toks, verb) and not _count_ends_phrase(doc, j, b, verb)):
        return None
    # the unit before its verb, or after it ("raise its contingent to")
    for k in range(i, max(a, min(verb, i) - 10), -1):
        if doc.toks[k - 1].text in _PUNCT:
            if doc.toks[k - 1].text == "," and k - 1 < verb \
                    and _only_auxiliaries(doc, k, verb if verb < i else k + 1) and not _other_noun(doc, k, i):
                return _unit_before_aside(doc, k - 1)
            break
        n = lex.units.match_ending(doc.toks, k)
        if not n and _count_ends_phrase(doc, j, b, verb):  # not "300 soldiers went to 5 villages"
            n = _counted_troops(doc, k)
        if n:
            return None if _other_noun(doc, k, i) else doc.original(k - n, k)
    return None


def _counted_troops(doc: _Doc, k: int) -> int:
    """Length of a troop noun ending at ``toks[k]`` right after its count, a word between at most (rule
    COUNTED_TROOPS_CHANGE: "the 5,000 troops now in Kosovo will be cut to 3,000", "i 5.000 soldati italiani
    saranno ridotti a 3.000": the size the counted troops change to); 0 otherwise."""
    lex = doc.lex
    n = lex.nouns.match_ending(doc.toks, k)
    if not n or lex.noun_kind[_words(doc, k - n, k)] != "troops":
        return 0
    return n if any(m >= 0 and doc.in_number[m] for m in (k - n - 1, k - n - 2)) else 0


def _count_ends_phrase(doc: _Doc, j: int, b: int, verb: int) -> bool:
    """The count that ends at ``toks[j]`` ends its phrase, as the size a reach verb (``reach_verbs``) gives must:
    the clause ends there, punctuation, a time phrase (``reach_ends``: "reach 2,000 by spring") or the verb itself
    (verb last) follows. "The brigade reached 3 towns": a noun follows, the count is what was reached."""
    toks = doc.toks
    return j >= b or j == verb or toks[j].text in _PUNCT or bool(doc.lex.reach_ends.match_at(toks, j))


def _only_auxiliaries(doc: _Doc, k: int, stop: int) -> bool:
    """Only modal and auxiliary words (``change_auxiliaries``) stand in ``toks[k:stop]``, between an aside's
    closing comma and the change verb (rule ASIDE_BEFORE_GROWTH): "the brigade, now 900 strong, could grow to"
    but not "the battalion, formed in 2020, saw its losses rise to". With the verb last, only the word after the
    comma is read ("das Bataillon, ..., könnte bis zum Herbst auf 2.100 anwachsen")."""
    m = k
    while m < stop:
        n = doc.lex.change_auxiliaries.match_at(doc.toks, m)
        if not n:
            return False
        m += n
    return True


def _other_noun(doc: _Doc, k: int, i: int) -> bool:
    """Another noun phrase opens (``change_noun_openers``: "its", "the", "le sue") between a unit ending at
    ``toks[k]`` and its count at ``toks[i]``: "the battalion saw its losses rise to 200", "vio cómo el número de
    muertos llegaba a 45"; the count is that noun's. The unit's own possessive ending (events.yaml
    ``possessive_suffixes``: "the brigade's strength") opens none, though the articles list its tokens."""
    toks = doc.toks
    if k + 1 < i and toks[k].text == "'" and toks[k + 1].text in event_profile(doc.lang).possessive_suffixes:
        k += 2
    return any(doc.lex.change_noun_openers.match_at(toks, m) for m in range(k, i))


#: Rule ASIDE_BEFORE_GROWTH: an aside between a unit and its change verb ("the brigade, which now has 2,000
#: soldiers, could grow to 5,000") holds at most this many tokens.
_GROWTH_ASIDE = 16


def _unit_before_aside(doc: _Doc, close: int) -> str | None:
    """The troop unit (``units``) right before the aside that the comma at ``toks[close]`` ends, within a few
    words of the aside's opening comma and in the same sentence ("la forza, oggi di 2.500 militari, potrebbe
    salire a 7.000"); None when no unit stands there."""
    s = doc.sent_of[close]
    open_ = next((k for k in range(close - 1, max(-1, close - _GROWTH_ASIDE), -1)
                  if doc.sent_of[k] != s or (doc.toks[k].text in _PUNCT and not doc.in_number[k])), None)
    if open_ is None or doc.toks[open_].text != ",":  # an aside opens on a comma
        return None
    for k in range(open_, max(-1, open_ - 5), -1):
        if k < open_ and (doc.sent_of[k] != s or doc.toks[k].text in _PUNCT):
            break
        n = doc.lex.units.match_ending(doc.toks, k)
        if n:
            return doc.original(k - n, k)
    return None


def _copula_cue(doc: _Doc, j: int, i: int | None = None) -> _Head | None:
    """A count that is the subject of a casualty participle after a copula ("At least 53 are wounded", "tre sono
    morti"), its noun unsaid; given the count's first token ``i``, also one that opens its clause right before a
    casualty verb ("Doce murieron", "Zwölf wurden getötet", "y dos resultaron heridos"); None otherwise."""
    lex = doc.lex
    n = lex.copulas.match_at(doc.toks, j)
    if not n:  # the verb right after the count, then whether the count opens its clause (the dearer question)
        if i is None:
            return None
        if lex.killed_cues.match_at(doc.toks, j):
            return _Head("killed", None, j) if _opens_clause(doc, i) else None
        if lex.wounded_cues.match_at(doc.toks, j):
            return _Head("wounded", None, j) if _opens_clause(doc, i) else None
        return None
    if lex.killed_cues.match_at(doc.toks, j + n):
        return _Head("killed", None, j + n)
    if n and lex.wounded_cues.match_at(doc.toks, j + n):
        return _Head("wounded", None, j + n)
    return None


def _opens_clause(doc: _Doc, i: int) -> bool:
    """The count at ``toks[i]`` stands first in its clause, after coordinators and qualifiers at most ("Doce
    murieron", "y al menos dos resultaron heridos"; not "El 12 murieron", a date)."""
    a, _ = doc.clause(i, i + 1, sub=True)
    k = a
    while k < i:
        n = _qualifier_at(doc, k) or doc.lex.modifiers.match_at(doc.toks, k)
        if n:
            k += n
        elif _coordinator(doc, k) or doc.toks[k].text in _PUNCT:
            k += 1
        else:
            return False
    return k == i


def _copula_start(doc: _Doc, i: int) -> int | None:
    """Token index of a copula that stands, perhaps with a qualifier, right before the number at token i
    ("i morti sono almeno 12", "Sono circa 3.500 i soldati"); None when there is none."""
    lex = doc.lex
    p = i - max((q.match_ending(doc.toks, i) for q in lex.qualifiers.values()), default=0)
    n = lex.copulas.match_ending(doc.toks, p)
    return p - n if n else None


def _verb_noun(doc: _Doc, ns: int, ne: int, end: int) -> bool:
    """Rule VERB_NOT_NOUN: the noun ``doc.toks[ns:ne]`` found after a number is a word of the figures lexicon's
    ``verb_nouns`` (a kind noun that is also a verb's past form: "killed", "wounded") with a number right after it
    whose own counted noun (before ``end``, the clause's end) names people, persons of the figures lexicon or a troops
    noun: the verb, whose object is that number ("said Thursday 12 killed 5 civilians"), not the counted noun of the
    number before. Not when that number's noun is a kind noun of another kind, a list with its commas left out ("12
    killed 5 wounded", "4 wounded 3 missing"), nor when it has none ("8 injured 2 critically", "12 killed 2 days ago",
    "12 wounded 3 of them critically")."""
    toks, lex = doc.toks, doc.lex
    if not (ne < len(toks) and doc.in_number[ne] and lex.verb_nouns.match_at(toks, ns) == ne - ns):
        return False
    k = ne
    while k < len(toks) and doc.in_number[k]:
        k += 1
    found = _noun_after(doc, k, end)
    return found is not None and found[0] in (None, "troops")


def _head(doc: _Doc, i: int, j: int, prev: Figure | None, prev_end: int, nm_value: int) -> _Head | None:
    lex = doc.lex
    a, b = doc.clause(i, j, sub=False)
    glued = _glued_kind(doc, j)
    if glued is not None:
        return _Head(glued, doc.original(j + 1, j + 2), j + 2)
    if i > 1 and j < len(doc.toks) and doc.toks[i - 1].text == "(" and doc.toks[j].text == ")":
        n = lex.nouns.match_ending(doc.toks, i - 1)
        if n:  # "ceasefire violations (491)": the count in brackets after its noun
            return _Head(lex.noun_kind[tuple(t.text for t in doc.toks[i - 1 - n : i - 1])],
                         doc.original(i - 1 - n, i - 1), j + 1)
    found = _noun_after(doc, j, b)
    if found is not None and _verb_noun(doc, found[1], found[2], b):
        return None  # "12 killed 5 civilians": the verb of the count after it, no noun of this one
    if found is None and j < b and doc.toks[j].text in lex.copula_articles:
        found = _noun_after(doc, j + 1, b)  # "Sono circa 3.500 i soldati", "Son cinco los muertos"
        # "Sono 3 i morti e oltre 500 i feriti"
        coordinated = prev is not None and prev_end <= i and _only_joiners(doc, prev_end, i)
        if found is None or not (_copula_start(doc, i) is not None or coordinated):
            return None  # "e oltre 2.000 gli sfollati": a noun of its own, not the figure before's
    noun_end = found[2] if found else j
    if found is not None and _breakdown(doc, i, a, found[1], found[2]):
        return None  # "53 morti, fra cui 15 bambini": an age breakdown of the figure before, no figure of its own
    if found is not None and lex.anaphora_after.match_at(doc.toks, j) and lex.breakdown.match_at(doc.toks, found[1]):
        return None  # "12 de ellas niños", "12 of them children": who some of the counted were
    if found is not None and lex.partitive.match_at(doc.toks, j) and _is_formation(lex, doc.original(*found[1:])):
        return None  # "two of the five battalions": a part of a count of units, no count of units of its own
    if found is not None and lex.partitive.match_at(doc.toks, j) and _said_to_be_breakdown(doc, found[2]):
        return None  # "Quattro dei feriti sono donne": who some of the counted were, no count of its own
    if found is not None:
        kind, ns, ne = found
        if kind == "troops" and nm_value < lex.weak_min and doc.toks[ns].text in lex.weak_troops:
            kind = None  # "two men were arrested" is no troop figure; "5,000 men" is
        if kind in (None, "troops", "other"):
            kind = _casualty_cue(doc, i, ne, b, a) or kind
            if kind in (None, "troops"):  # displaced or prisoners after the dead are no part of them
                kind = _part_of(doc, i, a, prev, prev_end) or kind
        if kind is None and _demonym_alone(doc, ns) and (
            _part_of_troops(doc, i, a, prev, prev_end) or _trigger_near(doc, i, ne, "deploy", before=8, after=6)
            or (_troops_before(doc, i, prev, prev_end) and _mission_near(doc, i, ne))
        ):
            kind = "troops"  # "8mila soldati, compresi circa 900 spagnoli", "oltre 250 italiani schierati"
        if kind is None and _police_sent(doc, i, ns, ne):
            kind = "troops"  # "200 more police officers joined the multinational force": police on a mission
        if kind is not None:
            return _Head(kind, doc.original(ns, ne), ne)
    named = _named_before(doc, i, a)
    if named:
        return _Head(named[0], named[1], noun_end)
    if found is None:
        unit = _unit_grows(doc, i, j, a, b)
        if unit is not None:  # "the brigade could grow to 5,000 by 2027": the size a force changes to
            return _Head("troops", unit, j)
    if found is None and (j >= len(doc.toks) or doc.toks[j].text in _PUNCT or _coordinator(doc, j)):
        # "the gunmen killed one and wounded two": a count right after its casualty verb, no noun
        cue = _casualty_cue(doc, i, j, j, a)
        if cue is not None:
            return _Head(cue, None, j)
    if prev is None:
        return _copula_cue(doc, j, i) if found is None else None
    # "il numero potrebbe salire a 15.000": a count that refers back to the figure before.
    if found is None and doc.sent_of[i] - doc.sent_of[prev_end - 1] <= 2:
        n = lex.anaphora_after.match_at(doc.toks, j)
        if n and lex.breakdown.match_at(doc.toks, j + n):
            return None  # "40 morti, 12 dei quali bambini": who some of them were, no count of its own
        if n:  # "112 davon", "five of them", "20 dei quali": a part of it
            return _Head(prev.kind, prev.unit, j + n)
        for k in range(i, max(a, i - 7), -1):
            if k < i and doc.in_number[k]:
                break
            if lex.anaphora.match_ending(doc.toks, k):
                return _Head(prev.kind, prev.unit, j)
    if found is None and _copula_cue(doc, j, i):  # after the counts that refer back ("de los que 75 fueron ...")
        return _copula_cue(doc, j, i)
    # "5.000 soldati in Polonia e 3.000 in Romania", "altre 17 sono state ferite", "intercepted 9 others":
    # the noun is understood from the figure before, in the same sentence.
    if prev_end > i or doc.sent_of[prev_end - 1] != doc.sent_of[i]:
        return None
    if found is not None and not (
        prev.kind in ("killed", "wounded", "casualties")
        or doc.original(found[1], found[2]).lower() in lex.proforms
    ):
        return None  # "12.000 soldati e 300 civili": civilians are no troops
    gap = doc.text[doc.toks[prev_end - 1].end : doc.toks[i].start]
    # "20 droni su A e altri 72 su B", "23 droni: 12 su A, nove su B": a list or a colon joins them.
    coordinated = any(
        lex.list_coordinators.match_at(doc.toks, k) or doc.toks[k].text == ":" for k in range(prev_end, i)
    )
    k = noun_end
    while k < len(doc.toks) and lex.modifiers.match_at(doc.toks, k):
        k += lex.modifiers.match_at(doc.toks, k)  # "5,000 more"
    nxt = doc.toks[k] if k < len(doc.toks) else None
    # "e altri 72 - cioè ... - nella regione di B": an aside between dashes or brackets ends the phrase too.
    ends_clause = nxt is None or nxt.text in _PUNCT or doc.sent_of[k] != doc.sent_of[i] or doc.is_strong(k)
    cue = _casualty_cue(doc, i, k, b, a)
    located = bool(lex.locative.match_at(doc.toks, k) or lex.per_unit.match_at(doc.toks, k))
    follows = ends_clause or located or cue
    # A count with its own place ("..., 13 in quella di B, otto in quella di C") carries a list further.
    limit = 160 if located else 80
    proform = found is not None and doc.original(found[1], found[2]).lower() in lex.proforms
    if found is not None:  # "..., adding that it had intercepted 9 others"; "12 morti, tra cui 4 civili"
        limit = 160 if proform else 40
    if found is not None and not proform and not cue and not (
        _only_joiners(doc, prev_end, i)
        or any(lex.parts.match_ending(doc.toks, k) for k in range(prev_end + 1, i + 1))
    ):
        return None  # "près de 400 victimes depuis 2019, et poussé 90 000 habitants à partir": a verb of their own
    if len(gap) <= limit and coordinated and follows:
        kind = prev.kind
        if kind in ("troops", "killed", "wounded", "other"):
            kind = cue or kind  # "uccidendo 4 civili e ferendone 12"
        return _Head(kind, prev.unit, noun_end, elliptical=located, inherited=found is not None and not cue)
    return None


# ---------------------------------------------------------------------------------------------------------
# Not figures
# ---------------------------------------------------------------------------------------------------------


def _trigger_near(doc: _Doc, i: int, j: int, event: str = "attack", *, before: int = 6, after: int = 3) -> bool:
    """A trigger of class ``event`` of the event lexicon (``events.yaml``: attack "shelled", "colpita",
    "beschossen"; deploy "schierati", "stationed") stands in the clause of tokens [i, j), within ``before``
    words before it or ``after`` words after it."""
    a, b = doc.clause(i, j, sub=False)
    attack = event_profile(doc.lang).triggers[event]
    words = [t.text for t in doc.toks[max(a, i - before) : min(b, j + after)]]
    return any(attack.match_at(words, k) for k in range(len(words)) if not i <= k + max(a, i - before) < j)


def _repeated_attack(doc: _Doc, i: int, j: int) -> _Head | None:
    """A count of times after an attack verb is a count of incidents ("shelled the town 35 times", "colpita 400
    volte", "24 Mal beschossen"); lexicon ``times``."""
    n = doc.lex.times.match_at(doc.toks, j)
    if n and _trigger_near(doc, i, j + n):
        return _Head("incidents", doc.original(j, j + n), j + n)
    if doc.lex.times_words.match_at(doc.toks, i) == j - i and _trigger_near(doc, i, j):
        return _Head("incidents", doc.original(i, j), j)  # "the town was shelled twice", "dreimal beschossen"
    return None


def _glued_kind(doc: _Doc, j: int) -> str | None:
    """The kind named by a word glued to the number by a dash ("1,000-strong", "13,000-troop"), if any."""
    if j + 1 < len(doc.toks) and doc.toks[j].text == "-":
        n = doc.lex.glued.match_at(doc.toks, j + 1)
        if n:
            return doc.lex.glued_kind[tuple(t.text for t in doc.toks[j + 1 : j + 1 + n])]
    return None


def _excluded(doc: _Doc, nm: NumberMatch, i: int, j: int, places: set[int]) -> bool:
    lex = doc.lex
    if i in doc.in_age:
        return True  # "quattro uomini di 20, 25, 30 e 31 anni": ages, no counts
    if lex.not_after.match_at(doc.toks, j) or lex.not_before.match_ending(doc.toks, i):
        return True
    raw = doc.text[nm.start : nm.end]
    # "sulla Provinciale 38", "Task Force 61": a name (not a place, not a cue) ending in a number.
    if raw.isdigit() and len(raw) <= 4 and i > 0 and doc.sent_of[i - 1] == doc.sent_of[i]:
        k = i - 1
        first = k == 0 or doc.sent_of[k - 1] != doc.sent_of[k]
        cue = any(q.match_ending(doc.toks, i) for q in lex.qualifiers.values()) or lex.modifiers.match_ending(
            doc.toks, i
        )
        if doc.capitalized(k) and doc.toks[k].text.isalpha() and not first and k not in places and not cue and (
                doc.toks[k].text not in calendar_words(doc.lang)):
            # not "On Monday 30 drones", "In May 300 drones": a weekday or a month names nothing (a day, a year or a
            # count after it is told by date_part below)
            return True
    if (
        raw.isdigit()
        and len(raw) == 4
        and 1800 <= nm.value <= 2100
        and lex.year_before.match_ending(doc.toks, i)
    ):
        return True
    part = date_part(doc.text, doc.toks, i, doc.lang) if raw.isdigit() and len(raw) <= 4 else None
    if part is not None and not (part == DAY and i and doc.toks[i - 1].text in weekday_words(doc.lang)):
        # "on May 12, 2025", "in May, 2025 over X": a date's year (not "In May, 2000 drones": a count); "March 12": a
        # day (the months are no word of ``not_before``: "In March 300 drones" counts); "alle 17", "um 17.30": a
        # clock time. A day after a weekday alone may be a count whose noun is left out ("30 drones on Thursday, on
        # Friday 12"): the figure reader's own rules tell
        return True
    # "1-888-234-1294", "A-10-2": part of a code or a phone number.
    if doc.text[nm.end : nm.end + 2][:1] == "-" and doc.text[nm.end + 1 : nm.end + 2].isdigit():
        return True
    if nm.start >= 2 and doc.text[nm.start - 1] == "-" and doc.text[nm.start - 2].isalnum():
        return True
    # "19-year-old", "three-day": a number glued to a word by a dash qualifies that word.
    if doc.text[nm.end : nm.end + 1] == "-" and doc.text[nm.end + 1 : nm.end + 2].isalpha():
        return _glued_kind(doc, j) is None  # "a 1,000-strong battalion" is a troop figure
    # After a slash or a number sign it is a name or a date ("1/2", "#3").
    return nm.start > 0 and doc.text[nm.start - 1] in "/#№"


# ---------------------------------------------------------------------------------------------------------
# Qualifier, status, source, per-unit
# ---------------------------------------------------------------------------------------------------------


def _qualifier(doc: _Doc, nm: NumberMatch, i: int, j: int, noun_end: int) -> str:
    best, best_n = None, 0
    for name, phrases in doc.lex.qualifiers.items():
        n = phrases.match_ending(doc.toks, i)
        if n > best_n:
            best, best_n = name, n
    if best:
        return best
    if doc.lex.approx_after.match_at(doc.toks, j) or doc.lex.approx_after.match_at(doc.toks, noun_end):
        return "approx"
    if doc.lex.at_least_after.match_at(doc.toks, j) or doc.lex.at_least_after.match_at(doc.toks, noun_end):
        return "at_least"  # "una persona almeno è morta"
    if doc.lex.up_to_after.match_at(doc.toks, j) or doc.lex.up_to_after.match_at(doc.toks, noun_end):
        return "up_to"  # "1.100 soldati al massimo", "1,100 troops (maximum)"
    if nm.vague:
        return "at_least"
    if nm.approx_word or nm.high is not None:
        return "approx"
    return "exact"


def _status(
    doc: _Doc, i: int, j: int, prev: Figure | None, prev_status_clause: tuple[int, int] | None, kind: str = ""
) -> str:
    lex = doc.lex
    # rule CASUALTY_PREDICTION: a count of the dead or wounded is planned only by a cue that predicts it ("the toll
    # could rise to 50", "up to 500 could die"), not by one of another verb ("will hold funerals for the 12 killed")
    hurt = kind in _HURT
    a, b = doc.clause(i, j, sub=True)
    best: tuple[int, str] | None = None
    inside = 0  # tokens up to here belong to a current phrase ("had begun to deploy"): no planned cue inside
    planned_heads = lex.planned.heads
    # rule STATUS_BARRIER: a cue across a word opening a clause of its own ("will ask for aid because 30 missiles
    # struck") is the other clause's; the nearest such word before the number and the first one after it
    # (a relative word opening the number's own clause is none: "will deploy a battalion, which comprises 1,000
    # soldiers" describes what is planned)
    # (a barrier starts only at a first word of ``status.barriers``: no call for the other words)
    toks, barrier_heads = doc.toks, lex.barriers.heads
    walls = [k for k in range(a, b) if toks[k].text in barrier_heads and not i <= k < j and _barrier_at(doc, k, -1)]
    wall_before = max((k for k in walls if k < i), default=-1)
    wall_after = min((k for k in walls if k >= j), default=b)
    for k in range(a, b):
        if i <= k < j or k < wall_before or k > wall_after:
            continue
        dist = i - k if k < i else k - j
        status = None
        word = doc.toks[k].text  # most words start no cue: no call for them
        n = lex.current.match_at(doc.toks, k) if word in lex.current.heads else 0
        if n and not _planned_before(doc, k, a, hurt):
            status = "current"
            inside = max(inside, k + n)
        elif k >= inside and (word in planned_heads or doc.future_at(k)) and _plans(doc, k, i, hurt):
            status = "planned"  # (a planned cue starts at a first word of ``status.planned`` or a future form)
        if status and (best is None or dist < best[0]):
            best = (dist, status)
    if best:
        return best[1]
    past_heads = lex.past_times.heads
    if any(lex.past_times.match_at(toks, k) for k in range(max(a, wall_before), min(b, wall_after + 1))
           if toks[k].text in past_heads and not i <= k < j):
        return "current"  # rule PAST_TIME: "will host more, having received 2,000 soldiers last year"
    pa, _ = doc.clause(i, j, sub=False)
    if wall_before >= 0:
        pa = a  # rule STATUS_BARRIER: the number's clause is opened by a word of its own ("..., because 9 left")
    # "will send 900 troops, bringing its presence to 2,400": the nearest cue before, in the clause.
    k = a - 1
    while k >= pa:
        ka, _ = doc.clause(k, k + 1, sub=True)
        if ka < k and _barrier_at(doc, ka, ka):
            k = ka - 1  # rule STATUS_BARRIER: a cue in an aside opened by such a word ("X, which will host it, has")
            continue
        if lex.current.match_at(doc.toks, k) and not _planned_before(doc, k, pa, hurt):
            return "current"  # not "saranno schierati 3.000 soldati in Polonia e 200 in Romania": a future
        if (toks[k].text in planned_heads or doc.future_at(k)) and _plans(doc, k, i, hurt):
            return "planned"
        k -= 1
    _, pb = doc.clause(i, j, sub=False)
    aside = _aside_status(doc, a, b, pb, hurt)
    if aside is not None:
        return aside
    # "600 Dutch troops and 250 Belgian soldiers are to be based": a figure coordinated with the next one
    # shares the verb after it.
    if b + 1 < pb and _coordinator(doc, b) and doc.in_number[b + 1]:
        cue = _first_cue(doc, b + 1, pb, hurt)
        if cue is not None:
            return cue
    # "will deploy 3,000 troops and 200 tanks": a coordinated figure shares its verb.
    if prev is not None and prev_status_clause is not None:
        _, pb = doc.clause(i, j, sub=False)
        if _only_joiners(doc, a, i) and pa <= prev_status_clause[0] < pb:
            return prev.status
    return "current"


def _planned_cue(doc: _Doc, k: int, hurt: bool) -> bool:
    """A planned cue starts at token ``k``: a phrase of ``status.planned`` or a future verb, no hearsay
    (``status.hearsay``; ``hurt``: for a count of the dead or wounded, rule HEARSAY_COUNT)."""
    return bool(doc.lex.planned.match_at(doc.toks, k) or doc.future_at(k)) and not _hearsay(doc, k, hurt)


def _plans(doc: _Doc, k: int, i: int, hurt: bool) -> bool:
    """Token ``k`` is a planned cue (:func:`_planned_cue`) for the count at token ``i``, and for a count of the dead
    or wounded (``hurt``) one that predicts it (rule CASUALTY_PREDICTION)."""
    return _planned_cue(doc, k, hurt) and not (hurt and not _predicts(doc, k, i))


def _predicts(doc: _Doc, k: int, i: int) -> bool:
    """The planned cue at token ``k`` predicts the count at token ``i`` (rule CASUALTY_PREDICTION): a verb of
    dying, of wounding or of a change in number (lexicon ``status.casualty_predictions``, ``numbers.change_verbs``,
    ``numbers.reach_verbs``) within three words after the cue ("could rise to", "könnten sterben", "could be
    killed"), or only linking words (``status.prediction_links``: "be", "essere") and hedges between the cue and
    the count ("potrebbero essere oltre 500")."""
    lex, toks = doc.lex, doc.toks
    n = max(1, lex.planned.match_at(toks, k))
    end = min(len(toks), k + n + 3)
    if any(lex.casualty_predictions.match_at(toks, m) or lex.change_verbs.match_at(toks, m)
           or lex.reach_verbs.match_at(toks, m) for m in range(k, end)):
        return True
    m = k + n
    while m < i:
        step = lex.prediction_links.match_at(toks, m) or _qualifier_at(doc, m)
        if not step:
            return False
        m += step
    return m == i


def _barrier_at(doc: _Doc, k: int, a: int) -> bool:
    """A word opening a clause of its own starts at token ``k`` of a clause that starts at ``a`` (rule
    STATUS_BARRIER): a word of a cause or a past act of the lexicon's ``status.barriers`` anywhere ("because",
    "having", "dopo aver", "weil"; no word of time: its clause may be planned too), a relative word of
    ``status.barriers_after_comma`` only first in its clause, after a comma (", which", ", che", ", die": elsewhere
    also an article or "that"); :func:`_status` reads the relative words only at the start of a cue's aside before
    the number (``a`` is -1 for the number's own clause)."""
    lex = doc.lex
    if lex.barriers.match_at(doc.toks, k):
        return True
    return k == a and k > 0 and doc.toks[k - 1].text == "," and bool(lex.barriers_after_comma.match_at(doc.toks, k))


def _aside_status(doc: _Doc, a: int, b: int, pb: int, hurt: bool = False) -> str | None:
    """The status of the deployment a figure in an aside without a cue of its own is part of: "Die Einheit, der
    auch 150 Soldaten angehören, soll verlegt werden", "the unit, which includes 150 soldiers, will be deployed".

    The aside ``[a, b)`` stands between commas inside its clause (ending at ``pb``); the stretch after it up to the
    next comma must hold a deploy trigger of the event lexicon beside its status cue ("will hold talks" is none).
    """
    if not (a > 0 and b < pb and doc.toks[a - 1].text == "," and doc.toks[b].text == ","):
        return None
    _, e = doc.clause(b + 1, b + 2, sub=True)
    deploy = event_profile(doc.lang).triggers["deploy"]
    words = [t.text for t in doc.toks[b + 1 : e]]
    if not any(deploy.match_at(words, k) for k in range(len(words))):
        return None
    return _first_cue(doc, b + 1, e, hurt)


def _first_cue(doc: _Doc, lo: int, hi: int, hurt: bool = False) -> str | None:
    """The status of the first status cue in tokens ``[lo, hi)`` outside numbers, for a count before ``lo``, or None
    (``hurt``: for a count of the dead or wounded, rules HEARSAY_COUNT and CASUALTY_PREDICTION: "12 were killed and
    30 injured, and mourners will gather" reads no plan)."""
    lex = doc.lex
    for k in range(lo, hi):
        if doc.in_number[k]:
            continue
        if lex.current.match_at(doc.toks, k) and not _planned_before(doc, k, lo, hurt):
            return "current"
        if (doc.toks[k].text in lex.planned.heads or doc.future_at(k)) and _plans(doc, k, lo, hurt):
            # (the count stands before the cue: only a verb after it predicts it)
            return "planned"
    return None


def _hearsay(doc: _Doc, k: int, hurt: bool = False) -> bool:
    """``toks[k]`` is a conditional auxiliary of a past participle, the reporter's hedge on a past fact ("avrebbero
    rapito", "sarebbero stati uccisi", "auraient été tués"): lexicon ``hearsay`` and ``participle_endings``; or a
    conditional copula of ``hearsay_counts`` before the count itself, with its hedges between (rule HEARSAY_COUNT:
    "i morti sarebbero almeno 12"), for a count of the dead or wounded only (``hurt``: "le truppe sarebbero 5.000 nel
    2027" is a projection)."""
    lex = doc.lex
    n = lex.hearsay_counts.match_at(doc.toks, k) if hurt else 0
    if n:
        m = k + n
        while m < len(doc.toks) and not doc.in_number[m] and _qualifier_at(doc, m):
            m += _qualifier_at(doc, m)
        if m < len(doc.toks) and doc.in_number[m]:
            return True  # rule HEARSAY_COUNT: the count itself after the copula ("i morti sarebbero 12", "serían 40")
    n = lex.hearsay.match_at(doc.toks, k)
    if not n:
        return False
    return any(  # read on the unfolded word: "tués" is a participle, "nécessaires" none
        doc.toks[m].text.isalpha()
        and doc.original(m, m + 1).lower().endswith(lex.participle_endings)
        # "sollen getötet worden sein": where the lexicon asks for it, a perfect infinitive after the
        # participle (a lower-case word: "sollen 300 Soldaten haben" is a plan)
        and (not lex.hearsay_after.seqs or (doc.text[doc.toks[m].start].islower()
                                            and lex.hearsay_after.match_at(doc.toks, m + 1)))
        for m in range(k + n, min(len(doc.toks), k + n + (8 if lex.hearsay_after.seqs else 3)))
    )


def _planned_before(doc: _Doc, k: int, a: int, hurt: bool = False) -> bool:
    """A planned cue stands within two words before ``toks[k]`` ("will be stationed", "sarà schierato"): the
    participle a current cue reads is then a future (``hurt``: for a count of the dead or wounded)."""
    return any(_planned_cue(doc, m, hurt) for m in range(max(a, k - 2), k))


#: Rule ``gear_counted_with_troops_stands_with_them``: an equipment count joined by a coordinator to the troop count
#: just before it in its sentence ("450 soldiers and 90 trucks", "2.500 militari e circa 120 mezzi", "500 soldats
#: et 60 blindés", "800 Soldaten und etwa 110 Panzer"; only coordinators and hedges between the troop noun and the
#: number, no punctuation; a demonym of the events lexicon's ``demonyms`` may follow the troop noun: "700 soldati
#: francesi e 150 veicoli") counts the force's gear: it stands where the troops stand (``Figure.with_troops``, read
#: by :func:`geo.model.figure_group` as the troops' group), not where drones are shot down. The gear's list goes on
#: through the counts after it, joined by a comma alone or by a coordinator ("600 soldiers and 150 tanks, 40
#: helicopters and 20 drones", "600 soldati, 150 carri armati, 40 elicotteri e 20 droni"), a comma read only before
#: an item of a list of counts that a coordinator closes (not "900 soldiers, 130 drones were downed", nor ", and 130
#: drones were downed": another fact).
GEAR_OF_TROOPS = "gear_counted_with_troops_stands_with_them"


def _gear_of_troops(doc: _Doc, i: int, prev: Figure | None, prev_end: int) -> bool:
    """Whether the number at token ``i`` follows the troop figure ``prev``, or gear counted with it (whose count and
    noun end at token ``prev_end``), as rule :data:`GEAR_OF_TROOPS` reads it (a comma opening a list after the
    troops: :func:`_list_goes_on`)."""
    if prev is None:
        return False
    gear = prev.kind == "equipment" and prev.with_troops
    if prev.kind != "troops" and not gear:
        return False
    k = prev_end
    if not gear:
        demonyms = event_profile(doc.lang).demonyms
        while k < i and doc.toks[k].text in demonyms:
            k += 1  # "700 soldati francesi e 150 veicoli"
    if not any(doc.toks[t].text in _PUNCT for t in range(k, i)):
        return _coordinated_after(doc, k, i)
    if i - k != 1 or doc.toks[k].text != "," or doc.sent_of[k] != doc.sent_of[i]:
        return False  # ", and 130 drones were ...": another fact; a comma before a paragraph break: another text
    # "600 soldati, 150 carri armati, 40 elicotteri e 20 droni"; not "..., 40 drones and 20 missiles were shot down"
    return _list_goes_on(doc, k, len(doc.toks)) and not _list_clause_acts(doc, k)


def _only_joiners(doc: _Doc, lo: int, hi: int) -> bool:
    """Tokens [lo, hi) are punctuation, coordinators, modifiers or qualifiers only ("and 200", "e oltre")."""
    lex = doc.lex
    return all(
        doc.toks[k].text in _PUNCT
        or (doc.toks[k].text,) in lex.coordinators.seqs
        or lex.modifiers.match_at(doc.toks, k)
        or any(q.match_at(doc.toks, k) for q in lex.qualifiers.values())
        for k in range(lo, hi)
    )


def _future_form(word: str, lex: _Lex) -> bool:
    """A future or conditional verb form, read on the unfolded word ("invierà", not "frontiera")."""
    word = word.lower()
    return len(word) >= 5 and word.isalpha() and word.endswith(lex.planned_endings)  # a tuple: any of them


def _per_unit(doc: _Doc, j: int, b: int) -> bool:
    per_unit, toks = doc.lex.per_unit, doc.toks
    heads = per_unit.heads  # match_at is 0 at a token no phrase starts with: no call there
    return any(per_unit.match_at(toks, k) for k in range(j, min(b, j + 12, len(toks))) if toks[k].text in heads)


def _name_after(doc: _Doc, k: int, end: int) -> tuple[int, int] | None:
    lex = doc.lex
    while k < end:
        n = lex.src_articles.match_at(doc.toks, k)
        if not n:
            break
        k += n
    if k >= end or doc.toks[k].text in _PUNCT or doc.in_number[k] or lex.src_stop.match_at(doc.toks, k):
        return None
    s = k
    if doc.capitalized(k):
        while k < end and not doc.in_number[k] and doc.toks[k].text not in _PUNCT:
            t = doc.toks[k].text
            joins = (
                t in _CONNECT
                and k + 1 < end
                and (doc.capitalized(k + 1) or doc.toks[k + 1].text in ("'", "s"))
            )
            if not (doc.capitalized(k) or joins):
                break
            k += 1
        if doc.toks[k - 1].text in _CONNECT:
            k -= 1
    else:
        words = 0
        while k < end and words < 6 and not doc.in_number[k] and doc.toks[k].text not in _PUNCT:
            if k > s and lex.src_stop.match_at(doc.toks, k):
                break
            words += doc.toks[k].text != "'"
            k += 1
        # "un rapport d'experts de l'ONU": run on into the proper name that ends the phrase
        e = k
        while e < end and (doc.toks[e].text in _CONNECT or lex.src_articles.match_at(doc.toks, e)):
            e += 1
        if e > k and e < end and doc.capitalized(e) and not doc.in_number[e]:
            k = e
            while k < end and not doc.in_number[k] and (doc.capitalized(k) or doc.toks[k].text in _CONNECT):
                k += 1
    if (doc.toks[s].text,) in lex.src_pronouns.seqs and k == s + 1:
        return None
    return (s, k) if k > s else None


_CONNECT = frozenset(
    {
        "di",
        "del",
        "della",
        "dello",
        "dei",
        "degli",
        "delle",
        "de",
        "du",
        "des",
        "of",
        "the",
        "'",
        "s",
        "-",
        "&",
        "d",
        "dell",
        "la",
        "le",
    }
)


def _name_before(doc: _Doc, k: int, start: int) -> tuple[int, int] | None:
    """The subject just before a reporting verb at ``toks[k]`` ("the health ministry said")."""
    lex = doc.lex
    e = s = k
    bounded = False
    while s > start and e - s < 10:
        t = doc.toks[s - 1]
        if (
            t.text in _PUNCT
            or doc.in_number[s - 1]
            or doc.is_strong(s - 1)
            or t.text in ("che", "that", "que", "qui", "which", "who")
            or lex.src_stop.match_at(doc.toks, s - 1)
        ):
            bounded = True
            break
        s -= 1
    if not bounded and s > start:
        s = e  # no boundary close by: keep only a proper name just before the verb
        while s > start and e - s < 6 and (doc.capitalized(s - 1) or doc.toks[s - 1].text in _CONNECT):
            s -= 1
    while s < e:
        n = lex.src_articles.match_at(doc.toks, s)
        if not n:
            break
        s += n
    if s >= e or (e - s == 1 and (doc.toks[s].text,) in lex.src_pronouns.seqs):
        return None
    return s, e


def _source(doc: _Doc, i: int, sent: tuple[int, int]) -> str | None:
    """The source a sentence attributes its figures to: after an attribution cue ("secondo l'OSCE",
    "according to the UN", "selon l'ONU") if any, else the subject of a reporting verb."""
    for verbs in (False, True):
        best: tuple[int, tuple[int, int]] | None = None
        for k, span in _source_spans(doc, sent, verbs):
            if span[0] <= i < span[1]:
                continue
            dist = abs(k - i)
            if best is None or dist < best[0]:
                best = (dist, span)
        if best is not None:
            return doc.original(*best[1]).strip(" '’\"“”«»") or None
    return None


def _source_spans(doc: _Doc, sent: tuple[int, int], verbs: bool) -> list[tuple[int, tuple[int, int]]]:
    """(cue token, source span) of each attribution cue (``verbs``: each reporting verb) of the sentence, in text
    order; read once per sentence, for all its figures."""
    found = doc.sources.get((sent, verbs))
    if found is not None:
        return found
    lex = doc.lex
    a, b = sent
    found = doc.sources[(sent, verbs)] = []
    heads = lex.src_verbs.heads if verbs else lex.src_before.heads  # most words start no cue: no call for them
    for k in range(a, b):
        span = None
        if doc.toks[k].text not in heads:
            continue
        if not verbs:
            n = lex.src_before.match_at(doc.toks, k)
            span = _name_after(doc, k + n, b) if n else None
        else:
            n = lex.src_verbs.match_at(doc.toks, k)
            if n:
                span = _name_after(doc, k + n, b)
                if span and span[1] < b and doc.toks[span[1]].text not in _PUNCT:
                    span = None  # "said the 3rd Brigade would...": not an inverted subject
                span = span or _name_before(doc, k, a)
        if span is not None:
            found.append((k, span))
    return found


# ---------------------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Group:
    mentions: list[Mention]
    start: int
    end: int
    sentence: int


def _groups(doc: _Doc, mentions: list[Mention]) -> list[_Group]:
    """Coordinated lists of place mentions ("in Slovacchia, Ungheria e nei Balcani")."""
    ms = sorted((m for m in mentions if m.entity is not None), key=lambda m: (m.start, -m.end))
    groups: list[_Group] = []
    for m in ms:
        i, _ = doc.tok_range(m.start, m.end)
        sent = doc.sent_of[min(i, len(doc.toks) - 1)] if doc.toks else 0
        g = groups[-1] if groups else None
        if g is not None and m.start < g.end:
            continue  # nested or overlapping mention: keep the outer one
        if g is not None and g.sentence == sent and _listed(doc, g.end, m.start):
            g.mentions.append(m)
            g.end = m.end
        else:
            groups.append(_Group([m], m.start, m.end, sent))
    for g in groups:
        g.mentions = _most_specific(g.mentions)
    return groups


class _GroupIndex:
    """Groups in text order (their starts increase), found by sentence and by start without a scan."""

    def __init__(self, groups: list[_Group]):
        self.by_start = {g.start: g for g in groups}
        self._by_sentence: dict[int, list[_Group]] = {}
        for g in groups:
            self._by_sentence.setdefault(g.sentence, []).append(g)

    def in_sentence(self, s: int) -> list[_Group]:
        """The groups of sentence ``s``, in text order."""
        return self._by_sentence.get(s, [])


def _listed(doc: _Doc, a: int, b: int) -> bool:
    i, j = doc.tok_range(a, b)
    if i == j:
        return False
    has_coord = False
    k = i
    while k < j:
        n = doc.lex.list_words.match_at(doc.toks, k)
        if not n or k + n > j:
            return False
        if doc.lex.list_coordinators.match_at(doc.toks, k):
            has_coord = True
        k += n
    return has_coord


def _most_specific(ms: list[Mention]) -> list[Mention]:
    """Drop a country or region named beside a place inside it ("Kharkiv, Ukraine")."""
    out = []
    for m in ms:
        e = m.entity
        assert e is not None
        inner = any(
            o is not m
            and o.entity is not None
            and o.entity.kind != e.kind
            and (
                (e.kind == "country" and o.entity.country == e.country)
                or (e.kind == "admin1" and o.entity.kind == "city" and o.entity.admin1 == e.admin1)
            )
            for o in ms
        )
        if not inner:
            out.append(m)
    return out or ms


def _introduced_by(doc: _Doc, i: int, words: Phrases, reach: int = 5) -> bool:
    """One of ``words`` introduces the place at ``toks[i]``, maybe over place words ("nel sud del")."""
    for m in range(reach):
        if m and (i - m < 0 or doc.toks[i - m].text not in doc.lex.place_words):
            return False
        if words.match_ending(doc.toks, i - m):
            return True
    return False


def _locative_before(doc: _Doc, i: int) -> bool:
    """A locative word introduces the place at ``toks[i]`` ("in", "nella zona di", "dans la province du")."""
    return _introduced_by(doc, i, doc.lex.locative)


def _origin_before(doc: _Doc, i: int) -> bool:
    """An origin word introduces the place at ``toks[i]`` ("in arrivo dalla Germania", "sent from Poland")."""
    return _introduced_by(doc, i, doc.lex.origin, reach=4)


def _group_penalty(doc: _Doc, g: _Group) -> float:
    i, j = doc.tok_range(g.start, g.end)
    pen = 0.0
    if _origin_before(doc, i):
        pen += 1000  # where troops come from is not where the figure applies
    if not _locative_before(doc, i):
        pen += 30
        if any(m.entity is not None and m.entity.capital_of for m in g.mentions):
            pen += 50  # "Washington offers support": a capital standing for its government
    if doc.lex.speaker_after.match_at(doc.toks, j):
        pen += 1000
    roles = {m.role for m in g.mentions}
    if roles & {"deployment", "incident"}:
        pen -= 40
    elif roles and roles <= {"venue", "actor"}:
        pen += 1000
    return pen


#: Rule ASIDE_BEFORE_PLACE: an aside between dashes or brackets right after a figure ("e altri 30 - quasi il doppio
#: della notte prima - sopra la provincia di C", "and 12 more (twice the usual number) over the Poltava region") does
#: not part the figure from the place named after it with a locative word. (The places inside the aside are not the
#: figure's: rule ``an_asides_place_is_not_the_figures`` of :mod:`geo.figure_places`.)


def _past_aside(doc: _Doc, k: int) -> int:
    """``k``, or the token after the aside that opens at ``toks[k]`` and closes in the same sentence (rule
    ASIDE_BEFORE_PLACE; an aside as :data:`geo.clauses.ASIDE_OPEN` and :func:`geo.clauses.aside_close` read
    it: a hyphen inside a word or a number opens and closes none)."""
    if k >= len(doc.toks) or not ASIDE_OPEN.match(doc.text, doc.toks[k].start):
        return k
    last = bisect_right(doc.sent_of, doc.sent_of[k]) - 1  # the sentence's last token (sent_of does not decrease)
    close = aside_close(doc.text, doc.toks[k].start, doc.toks[last].end)
    return k if close is None else bisect_left(doc.starts, close) + 1


def _places(
    doc: _Doc, groups: _GroupIndex, nm: NumberMatch, i: int, j: int, head_end: int, *, item: bool = False
) -> tuple[list[Mention], bool]:
    """The places of the figure at ``toks[i:j]`` and whether they are the place named right after it (with a
    locative word); ``item``: the figure is an item of a count by place, whose place is that one whatever
    roles say so far ("..., quattro nelle regioni di B e C")."""
    s = doc.sent_of[i]
    here = groups.in_sentence(s)
    # Roles from the resolver, when set, say which places hold deployments or incidents.
    marked = [g for g in here if {m.role for m in g.mentions} & {"deployment", "incident"}]
    every = groups
    if marked:
        groups = _GroupIndex(marked)
    # "12.000 soldati in Polonia", "4,500 troops already stationed in Kosovo": a place right after the
    # figure and a locative word, up to three plain words between, governs it.
    start = _past_aside(doc, head_end)  # rule ASIDE_BEFORE_PLACE
    for _ in range(4):
        k = start + doc.lex.locative.match_at(doc.toks, start)
        if k > start or start >= len(doc.toks) or not doc.toks[start].text.isalpha() \
                or (doc.toks[start].text,) in doc.lex.coordinators.seqs or doc.capitalized(start):
            break
        start += 1
    if k > start:
        while k < len(doc.toks) and k - head_end < 8 and doc.toks[k].text in doc.lex.place_words:
            k += 1
        at = doc.toks[k].start if k < len(doc.toks) else -1
        if at in (every if item else groups).by_start:
            return (every if item else groups).by_start[at].mentions, True
    a, b = doc.clause(i, j, sub=False)
    ca, cb = doc.toks[a].start, doc.toks[b - 1].end
    best: tuple[float, _Group] | None = None
    for g in groups.in_sentence(s):
        dist = max(0, g.start - nm.end, nm.start - g.end)
        score = dist + _group_penalty(doc, g)
        if not (ca <= g.start and g.end <= cb):
            score += 100
        if best is None or score < best[0]:
            best = (score, g)
    if best is not None and best[0] < 1000:
        return best[1].mentions, False
    # No place in the sentence (or only a capital speaking for its government): the nearest sentence
    # before it, in the same paragraph, that has one.
    sent_start = doc.sentences[s][0]
    for back in range(1, 4):
        if s - back < 0:
            break
        ps, pe = doc.sentences[s - back]
        if not same_paragraph(doc.text, pe, sent_start):
            break
        cands = groups.in_sentence(s - back)
        if cands:
            pen, _, g = min((_group_penalty(doc, g), -g.start, g) for g in cands)
            if pen < 1000:
                return g.mentions, False
        sent_start = ps
    return (best[1].mentions if best is not None else []), False


# ---------------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------------


def extract_figures(
    doc: Document, mentions: list[Mention], *, lang: str, doc_date: dt.date | None
) -> list[Figure]:
    """Find the figures a document reports and the places they apply to.

    Parameters
    ----------
    doc : Document
        The article.
    mentions : list of Mention
        Its resolved place mentions (those with ``entity`` None are ignored); their
        ``role``, when set to "deployment"/"incident", is preferred, "venue"/"actor" avoided.
    lang : str
        Language code ("it", "en", "fr"); selects ``geo/lexicons/<lang>/figures.yaml``.
    doc_date : datetime.date or None
        The document's date, for relative event dates ("ieri", "in recent days").

    Returns
    -------
    list of Figure
        In text order.  One figure over a coordinated list of places stays one figure;
        "each"/"ciascuno"/"chacun" sets ``per_unit``.  A figure with no place in its
        sentence takes the places of the nearest earlier sentence of its paragraph.
        See the module docstring for the decisions on kinds, ranges and ``unit``.
    """
    text = doc.text
    numbers = find_numbers(text, lang)
    d = _build(text, lang, numbers)
    groups = _GroupIndex(_groups(d, mentions))
    place_tokens = {k for m in mentions for k in range(*d.tok_range(m.start, m.end))}
    figures: list[Figure] = []
    prev: Figure | None = None
    prev_end = 0
    prev_clause: tuple[int, int] | None = None
    dates_cache: dict[tuple[int, int], tuple[dt.date, dt.date] | None] = {}
    quotes = split_sentences(text) or [(0, len(text))]
    more: set[int] = set()  # starts of the counts said to add to those reported
    said: dict[int, SaidIn] = {}  # each figure's start -> its sentence (rule FINER_REPEAT)
    line = find_dateline(text, lang)
    skip = line.end if line else 0
    last: NumberMatch | None = None  # the number before, a figure or not
    for nm in numbers:
        i, j = d.tok_range(nm.start, nm.end)
        before, last = last, nm
        if i >= j or nm.vague:
            continue  # "centinaia di soldati", "dozens of attacks": no count, no figure
        head = None if i in d.in_age else _repeated_attack(d, i, j)
        if head is None and _excluded(d, nm, i, j, place_tokens):
            continue
        head = head or _head(d, i, j, prev, prev_end, nm.value)
        if head is not None and head.kind != "incidents" and before is not None and _ratio_base(d, before, nm, i):
            # rule RATIO_BASE: "four in 10 soldiers", "uno de cada tres soldados": a share, no count; a count of
            # incidents is none ("killed 5 in 12 attacks")
            continue
        if head is None or (nm.article and not _counts_one(d, head, i, j, prev, prev_end)):
            continue  # "un soldato è arrivato" counts nobody; "un soldato è stato ucciso" counts one dead
        if nm.article and (head.inherited or any(d.lex.parts.match_ending(d.toks, k) for k in (i, i - 1))):
            continue  # "cinq soldats, dont un officier, ...": one of them, no count of its own
        qualifier = _qualifier(d, nm, i, j, head.end)
        if (
            qualifier == "exact"
            and not nm.article  # "almeno 19 gendarmi e un civile": one is one
            and prev is not None
            and prev.qualifier in ("at_least", "approx")
            and prev_end <= i
            and d.sent_of[prev_end - 1] == d.sent_of[i]
            and (
                (0 < i - prev_end <= 2 and any(_coordinator(d, k) for k in range(prev_end, i))
                 and _only_joiners(d, prev_end, i))
                # "attacked at least 16 times in Iraq and 11 in Syria": parallel counts by place share the hedge
                or (head.elliptical and prev.qualifier == "at_least" and _coordinator(d, i - 1) and i - prev_end <= 6
                    and not any(d.in_number[k] or d.toks[k].text in _PUNCT for k in range(prev_end, i - 1)))
            )
        ):
            qualifier = prev.qualifier  # "almeno 12 civili e 6 soldati": the hedge holds for both
        value = nm.value
        if nm.high is not None and qualifier in ("up_to", "less_than"):
            value = nm.high
        # rule HEDGE_BEFORE_NOUN: "300 or more soldiers will be deployed": the number's clause goes on after its noun
        sj = head.end if head.end > j and _hedge_after(d, j) else j
        status = _status(d, i, sj, prev, prev_clause, head.kind)
        if status == "planned" and _whole_of_part(d, i, j):
            # rule WHOLE_OF_A_PART: "will withdraw 2,000 of its 3,000 troops": the whole is there now, unless a cue
            # after it plans it too ("2,000 of the 5,000 troops NATO plans to deploy")
            status = _first_cue(d, j, d.clause(i, j, sub=True)[1], head.kind in _HURT) or "current"
        s = d.sent_of[i]
        ss, se = sentence_at(quotes, nm.start)
        when = _when(d, s, (ss, se), skip, doc_date, dates_cache)
        sa, sb = bisect_left(d.sent_of, s), bisect_right(d.sent_of, s)  # the sentence's tokens (sent_of rises)
        places, named_after = _places(d, groups, nm, i, j, head.end, item=head.elliptical)
        ids, names = _unique_places(places)
        _, cb = d.clause(i, j, sub=False)
        fig = Figure(
            doc_id=doc.doc_id,
            kind=head.kind,
            value=value,
            start=nm.start,
            end=nm.end,
            quote=text[ss:se],
            quote_start=ss,
            low=nm.low,
            high=nm.high,
            qualifier=qualifier,
            status=status,
            place_ids=ids,
            places=names,
            date=when[0].isoformat() if when else None,
            date_end=when[1].isoformat() if when else None,
            source=_source(d, i, (sa, sb)),
            per_unit=_per_unit(d, j, cb),
            unit=head.unit,
            formation=head.kind == "equipment" and _is_formation(d.lex, head.unit),
            figure_id=f"{doc.doc_id}:f{len(figures) + 1}",
        )
        if d.lex.definite.match_ending(d.toks, i) and any(f.value == value for f in figures):
            continue  # "i quattro militari", "the four soldiers": the count said before, referred to again
        fig.part_of = _whole_before(d, i, j, fig, figures, quotes)
        fig.with_troops = head.kind == "equipment" and _gear_of_troops(d, i, prev, prev_end)
        gap = _inclusion_gap(d, i)
        fig.included, fig.included_past_verb = gap == 0, gap is not None
        said[fig.start] = SaidIn(s, other_periods(d.toks[sa:sb], d.lang))
        figures.extend(_each_place(fig) if head.elliptical and named_after else [fig])
        if any(0 <= k < len(d.toks) and (d.toks[k].text in d.lex.another or (
                value == 1 and d.toks[k].text in d.lex.another_one)) for k in range(i - 1, j + 1)) \
                and not (prev is not None and d.sent_of[prev_end - 1] == s):
            # "Un altro soldato è stato ucciso", "Otra persona murió": one more than those reported before; not
            # "two were killed, another was injured", one other person beside a count of the same sentence
            more.add(nm.start)
        prev, prev_end = fig, max(j, head.end)
        while prev_end < len(d.toks) and prev_end in d.in_age:
            prev_end += 1  # "un uomo di 43 anni e una donna": the age belongs to the figure before
        prev_clause = d.clause(i, j, sub=False)
    entities = {m.entity.id: m.entity for m in mentions if m.entity is not None}
    return _drop_repeats(figures, doc.doc_id, entities, d.lex, more, said=said)


def _whole_of_part(d: _Doc, i: int, j: int) -> bool:
    """The number at tokens ``[i, j)`` is the whole of a part counted just before it that is taken away from it: a
    number, then a word of the lexicon's ``partitive`` ("2,000 of its 3,000", "2.000 dei 3.000", "2 000 de ses
    3 000"), with a verb of withdrawal or cut of ``status.part_withdrawals`` in its clause ("will withdraw",
    "ritireranno", "abziehen"); a part given to a whole ("will send 200 of the 1,500 soldiers") leaves the whole
    as planned as the part."""
    n = d.lex.partitive.match_ending(d.toks, i)
    if not (n and i - n - 1 >= 0 and d.in_number[i - n - 1]):
        return False
    a, b = d.clause(i, j, sub=False)
    return any(d.lex.part_withdrawals.match_at(d.toks, k) for k in range(a, b))


def _ratio_base(d: _Doc, before: NumberMatch, nm: NumberMatch, i: int) -> bool:
    """The number ``nm`` (first token ``i``) is the base of a share (rule RATIO_BASE): a word of the lexicon's
    ``ratio_joins`` alone stands between it and a smaller number ``before`` ("four in 10 soldiers", "one in five
    drones", "uno de cada tres soldados"), which says how many of every ``nm``; neither is a count."""
    _, lj = d.tok_range(before.start, before.end)
    return before.value < nm.value and lj < i and d.lex.ratio_joins.match_at(d.toks, lj) == i - lj


def _whole_before(d: _Doc, i: int, j: int, fig: Figure, figures: list[Figure],
                  quotes: list[tuple[int, int]]) -> int | None:
    """The ``start`` of the count that ``fig`` (the number at tokens ``[i, j)``) is said to be a part of
    (:attr:`geo.model.Figure.part_of`, read by rule PART_OF_THEM of :mod:`geo.figure_places`): when a word of the
    lexicon's ``anaphora_after`` stands right after the number ("70 davon", "five of them") or one of ``anaphora``
    right before it ("de los que 70"), the nearest count before it of its group (:func:`geo.model.figure_group`)
    with a larger value, in its sentence (``quotes``: the document's) or the one before; None otherwise."""
    lex = d.lex
    if not (lex.anaphora_after.match_at(d.toks, j) or lex.anaphora.match_ending(d.toks, i)):
        return None
    k = bisect_right(quotes, fig.start, key=operator.itemgetter(0)) - 1
    lo = quotes[max(k - 1, 0)][0]
    group = figure_group(fig)
    for o in reversed(figures):
        if o.start < lo:
            break
        if o.end <= fig.start and figure_group(o) == group and o.value > fig.value:
            return o.start
    return None


#: How many words at most stand between an inclusion word and the count it includes ("among them were six
#: gendarmes": rule INCLUDED_COUNT of :mod:`geo.figure_places`, :attr:`geo.model.Figure.included_past_verb`), or
#: between the numbers of two counts joined by a list word besides that word (the first count's noun among them).
INCLUDED_GAP = 2


def _inclusion_gap(d: _Doc, i: int) -> int | None:
    """How many words stand between the number at ``toks[i]`` and an inclusion word of the lexicon's ``parts``
    before it, in its sentence, punctuation passed over: 0 for "including 12", "tra cui 12", "among them, 12"
    (:attr:`geo.model.Figure.included`, read by rule PLACED_COUNT of :mod:`geo.figure_places`), 1 for "among them
    were 12" (up to :data:`INCLUDED_GAP`: :attr:`geo.model.Figure.included_past_verb`, read by rule INCLUDED_COUNT);
    None when no inclusion word ends that close."""
    k, words = i, []  # the words before the number: the gap's, and the longest inclusion phrase's
    while k > 0 and d.sent_of[k - 1] == d.sent_of[i] and len(words) < INCLUDED_GAP + 3:
        k -= 1
        words[:0] = [d.toks[k]] if d.toks[k].text[0].isalnum() else []
    return next((gap for gap in range(INCLUDED_GAP + 1) if d.lex.parts.match_ending(words, len(words) - gap)), None)


def _each_place(fig: Figure) -> list[Figure]:
    """One figure per place for an item of a count by place that names several places ("23 droni: 12 su A,
    quattro nelle regioni di B e C, uno ciascuno su D ed E"): the item's count is each place's."""
    if len(fig.place_ids) < 2:
        return [fig]
    return [
        dataclasses.replace(fig, place_ids=[pid], places=[name])
        for pid, name in zip(fig.place_ids, fig.places, strict=True)
    ]


def _drop_repeats(
    figures: list[Figure], doc_id: str, entities: dict[str, Entity] | None = None, lex: _Lex | str | None = None,
    more: set[int] | frozenset[int] = frozenset(), *, view: Callable[[Figure], Figure] | None = None,
    may_repeat: Callable[[Figure, Figure], bool] | None = None, repeats: dict[str, Figure] | None = None,
    said: dict[int, SaidIn] | None = None,
) -> list[Figure]:
    """One figure per fact: a later figure of the same kind, value and qualifier in another sentence (the
    headline repeated in the body, a statement quoted after the summary) is the earlier one again.  A small
    number (below ``_SURE_REPEAT``) stays apart when both name places and none is shared or holds the other
    ("3 morti a A ... 3 morti a B" are two facts; "sept soldats tués dans l'ouest du Niger ... sept soldats morts
    dans la région de Tillabéri" one), or when a place holds the other but the two name different people
    ("une femme ... un homme") or different dates, or when only one of them is said to add to those reported
    (``more``: the starts of "another soldier", "otra persona"; "altre due vittime" said twice is one fact); a
    larger one is the same fact even where the headline locates it otherwise. A part of a figure dropped (its
    ``part_of``) is a part of the figure kept for that fact.
    "almeno 30" beside "30" are two figures.  Victims counted after the dead ("43 morts ... le nombre de
    victimes à 43") are the dead again.  The earlier one keeps the later one's places when it had none, and holds
    them as its ``finer_place_ids`` when they lie inside the countries it names (rule :data:`FINER_REPEAT`;
    ``said``: the sentence of each figure by its start, :class:`SaidIn`). Given ``said`` (within one document),
    the earlier one also keeps what each repeat's own reading chose, and where the repeat stands
    (``repeat_place_ids``, ``repeat_starts``: rule REPEAT_ATTACKED_COUNTRY of :mod:`geo.figure_places`).
    Figure ids are numbered again in text order.

    The joined windows of a long document (:func:`geo.windows.parse_windows`) drop their repeats here too:
    ``view`` gives the figure as it is compared (made once per figure; by default the figure itself),
    ``may_repeat(kept, later)`` whether the pair may be one fact at all (by default any pair), and
    ``repeats`` is filled with the old id of each figure dropped and the kept figure it repeats. They pass no
    ``said``: across windows no figure holds finer places (rule :data:`FINER_REPEAT` is not read), as each
    window's figures are placed already when the windows are joined."""
    if isinstance(lex, str):
        lex = figure_lexicon(lex)
    entities = entities or {}
    kept: list[Figure] = []
    # the kept figures by value and qualifier (a repeat has both equal), each with its view, and indexed by kind
    # and place (:class:`_RepeatIndex`): a figure is compared with those that may be its fact, not with all
    by_key: dict[tuple, _RepeatIndex] = {}
    moved: dict[int, int] = {}  # the start of each figure dropped -> that of the figure it repeats
    for f in figures:
        seen = view(f) if view is not None else f
        index = by_key.get((f.value, f.qualifier))
        same = None
        if index is not None:
            same_at = next((i for i in index.candidates(seen, entities)
                            if (may_repeat is None or may_repeat(index.kept[i][0], f))
                            and _is_repeat(index.kept[i][1], seen, entities, lex, more)), None)
            if same_at is not None:
                same, same_seen = index.kept[same_at]
        if same is None:
            kept.append(f)
            by_key.setdefault((f.value, f.qualifier), _RepeatIndex()).add(f, seen, entities)
            continue
        if repeats is not None:
            repeats[f.figure_id] = same
        moved[f.start] = same.start
        if said is not None:  # within one document: what the repeat's own reading chose
            same.repeat_place_ids = list(dict.fromkeys([*same.repeat_place_ids, *f.place_ids]))
            same.repeat_starts.append(f.start)
        if not same.place_ids:  # still listed among the figures without places (:class:`_RepeatIndex`)
            same.place_ids, same.places = list(f.place_ids), list(f.places)
        elif said is not None and _finer_repeat(same_seen, seen, entities, said):  # rule FINER_REPEAT
            same.finer_place_ids = list(dict.fromkeys([*same.finer_place_ids, *f.place_ids]))
    for n, f in enumerate(kept, 1):
        f.figure_id = f"{doc_id}:f{n}"
    if moved:  # a part of a count dropped as a repeat is a part of the fact's statement kept
        starts = {f.start for f in kept}
        for f in kept:
            if f.part_of is not None and f.part_of not in starts:
                f.part_of = moved.get(f.part_of)
    return kept


class _RepeatIndex:
    """The kept figures of one value and qualifier (:func:`_drop_repeats`), each with its view, and where to find
    those a later figure may repeat (:func:`_is_repeat`): by kind, then by place.

    A figure of a small count (below ``_SURE_REPEAT``) with places repeats only a kept figure without places, or
    one that shares a place with it or whose place holds or lies in one of its places (:func:`_nested`): the
    kept figures are listed under their places, under the units that hold their places (country, admin-1 unit)
    and under what their places are (a country, an admin-1 unit).  :meth:`candidates` gives, in the order they
    were kept, every kept figure that may be a repeat (some that are not): the caller tests each as before, so
    the first repeat found is the same.  A kept figure without places that takes the places of its repeat stays
    listed among those without places: a candidate of every later figure, as its new places may be.
    """

    def __init__(self) -> None:
        self.kept: list[tuple[Figure, Figure]] = []
        self._by_kind: dict[str, dict[object, list[int]]] = {}

    def add(self, k: Figure, seen: Figure, entities: dict[str, Entity]) -> None:
        """Keep ``k`` (compared as ``seen``)."""
        self.kept.append((k, seen))
        at = len(self.kept) - 1
        lists = self._by_kind.setdefault(seen.kind, {})
        lists.setdefault(None, []).append(at)
        keys = {"placeless"} if not seen.place_ids else set()
        for pid in seen.place_ids:
            keys.add(("id", pid))
            e = entities.get(pid)
            if e is not None:
                keys.update(_inner_keys(e))
                keys.add(("is", *_outer_key(e)))
        for key in keys:
            lists.setdefault(key, []).append(at)

    def candidates(self, f: Figure, entities: dict[str, Entity]) -> Iterator[int]:
        """The kept figures ``f`` may repeat, by their place in :attr:`kept`, in order (once each)."""
        kinds = ("casualties", "killed", "wounded") if f.kind == "casualties" else (f.kind,)
        lists = [self._by_kind[k] for k in kinds if k in self._by_kind]
        if f.value >= _SURE_REPEAT or not f.place_ids:
            keys: list[object] = [None]
        else:
            keys = ["placeless"]
            for pid in f.place_ids:
                keys.append(("id", pid))
                e = entities.get(pid)
                if e is not None:
                    keys.append(("in", *_outer_key(e)))  # kept figures inside this place
                    keys.extend(("is", *key[1:]) for key in _inner_keys(e))  # kept figures at a place holding it
        last = -1
        for at in heapq.merge(*(found for index in lists for key in keys if (found := index.get(key)))):
            if at != last:
                yield at
                last = at


def _inner_keys(e: Entity) -> tuple[tuple, ...]:
    """What ``e`` may lie in (:func:`_inside`): its country and its admin-1 unit."""
    return ("in", "country", e.country), ("in", "admin1", e.admin1)


def _outer_key(e: Entity) -> tuple:
    """What ``e`` holds as an outer place of :func:`_inside` (nothing but itself unless a country or an admin-1
    unit)."""
    if e.kind == "country":
        return "country", e.country
    if e.kind == "admin1":
        return "admin1", e.admin1
    return "none", e.id


def is_repeat(k: Figure, f: Figure, entities: dict[str, Entity], lang: str,
              more: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether ``f``, later in the text, is the fact of the earlier figure ``k`` again (see :func:`_drop_repeats`).

    Parameters
    ----------
    k, f : Figure
        The earlier and the later figure.
    entities : dict of str to Entity
        The document's places by id.
    lang : str
        The document's language (its figures lexicon is read).
    more : set of int
        Starts of the figures said to add to those reported before ("another soldier").

    Returns
    -------
    bool
    """
    return _is_repeat(k, f, entities, figure_lexicon(lang), more)


def _is_repeat(k: Figure, f: Figure, entities: dict[str, Entity], lex: _Lex | None,
               more: set[int] | frozenset[int] = frozenset()) -> bool:
    """:func:`is_repeat` with the language's figures lexicon read."""
    return bool(
        (k.kind == f.kind or (f.kind == "casualties" and k.kind in ("killed", "wounded")))
        and k.value == f.value
        and k.qualifier == f.qualifier
        and k.quote_start != f.quote_start
        and (
            f.value >= _SURE_REPEAT
            or (
                (k.start in more) == (f.start in more)  # "un soldato ... un altro soldato": two
                and (
                    not k.place_ids
                    or not f.place_ids
                    or set(k.place_ids) & set(f.place_ids)
                    or (_nested(k.place_ids, f.place_ids, entities) and _same_who(k, f, lex)
                        and (k.date is None or f.date is None
                             or (k.date, k.date_end) == (f.date, f.date_end)))
                )
            )
        )
    )


#: Rule ``a_finer_repeat_places_the_fact``: a repeat dropped for a figure kept (:func:`_drop_repeats`) whose places all
#: lie inside the countries the kept figure names, while the kept figure names nothing finer than countries, says
#: where the fact happened ("Air defences downed 19 drones over Ukraine on Tuesday" ... "The 19 drones were
#: downed over the Poltava and Sumy regions on Tuesday"), when both are dated and on the same dates, and neither
#: sentence holds a period of the dates lexicon's ``other_periods`` the other does not ("last year", "l'anno
#: scorso": read on no day). Else a count of another day, or of a day not read, repeated is another fact — unless
#: neither is dated (a report without a date) and the repeat is said in the very next sentence ("Air defences
#: destroyed 35 Russian drones in Ukraine, the army said." then "Air defences destroyed 35 drones over the Sumy,
#: Poltava and Chernihiv regions, the air force said."): the same statement told again in more detail (rule
#: ``a_next_sentence_repeat_is_the_same_day``), unless it is set at another occasion ("A week earlier, ...", "Il
#: giorno prima": those phrases are ``other_periods`` of the dates lexicon too). The kept
#: figure keeps its own reading (the roles read it) and holds the repeat's places in ``Figure.finer_place_ids``,
#: which :mod:`geo.figure_places` places it at (its rule FINER_REPEAT).
FINER_REPEAT = "a_finer_repeat_places_the_fact"
#: Rule ``a_next_sentence_repeat_is_the_same_day`` of :data:`FINER_REPEAT`.
NEXT_SENTENCE_REPEAT = "a_next_sentence_repeat_is_the_same_day"


class SaidIn(NamedTuple):
    """The sentence a figure was said in, as rule :data:`FINER_REPEAT` reads it (:func:`_drop_repeats` is given one
    for each figure, by the figure's start)."""

    #: the number of the sentence in its document (rule :data:`NEXT_SENTENCE_REPEAT`: the very next sentence)
    number: int
    #: the phrases of the dates lexicon's ``other_periods`` in it (:func:`geo.dates.other_periods`: "last year")
    periods: frozenset[tuple[str, ...]]


def _finer_repeat(kept: Figure, repeat: Figure, entities: dict[str, Entity], said: dict[int, SaidIn]) -> bool:
    """Whether ``repeat`` places the fact of ``kept`` more finely (rule :data:`FINER_REPEAT`); ``entities``: the
    places by id (a place not among them is read as no finer place); ``said``: the sentence of each figure by its
    start (a figure missing from it: of no known sentence, with no other period)."""
    coarse = [entities.get(pid) for pid in kept.place_ids]
    finer = [entities.get(pid) for pid in repeat.place_ids]
    if None in coarse or None in finer or any(e.kind != "country" for e in coarse):
        return False
    first, then = said.get(kept.start), said.get(repeat.start)
    undated_next = kept.date is None and repeat.date is None and first is not None and then is not None \
        and then.number == first.number + 1
    if not undated_next and (kept.date is None or (kept.date, kept.date_end) != (repeat.date, repeat.date_end)):
        return False  # a date not read, or two dates: two facts of one count (rule NEXT_SENTENCE_REPEAT aside)
    if (first.periods if first else frozenset()) != (then.periods if then else frozenset()):
        return False  # "last year": another period than the days read
    return all(any(contains(c, e) for c in coarse) for e in finer)  # as figure_places.finer_repeat reads it


def _inside(inner: Entity, outer: Entity) -> bool:
    """``inner`` lies in ``outer``: a place in a country, a city in its admin-1 unit."""
    if inner.id == outer.id:
        return False
    if outer.kind == "country":
        return inner.country == outer.country
    return outer.kind == "admin1" and inner.admin1 == outer.admin1


def _nested(a: list[str], b: list[str], entities: dict[str, Entity]) -> bool:
    """A place of ``a`` holds one of ``b`` or lies in it ("Niger" and "Tillabéri", "Kharkiv Oblast" and
    "Kharkiv")."""
    return any(
        x in entities and y in entities and (_inside(entities[x], entities[y]) or _inside(entities[y], entities[x]))
        for x in a
        for y in b
    )


def _same_who(k: Figure, f: Figure, lex: _Lex | None) -> bool:
    """The two figures may count the same people: one names nobody in particular (no noun, a pronoun, a noun of
    the figure's kind: "Tote", "autres") or both name them alike ("soldats" ... "soldats"); "eine Frau" and "ein
    Mann" are two."""
    if k.unit is None or f.unit is None or fold(k.unit) == fold(f.unit):
        return True
    if lex is None:
        return False
    for unit in (k.unit, f.unit):
        words = phrase_tokens(unit)
        if words and (lex.noun_kind.get(words) == f.kind or (len(words) == 1 and words[0] in lex.proforms)):
            return True
    return False


def _counts_one(d: _Doc, head: _Head, i: int, j: int, prev: Figure | None, prev_end: int) -> bool:
    """An article before a noun counts one: a casualty ("una persona è morta"), the last count of a list by
    place ("e uno su quella di B"), a count said to be single ("un solo missile"), a weapon coordinated with
    a figure of its kind just before ("18 drones et un missile"), or a weapon said to be another one or downed
    (:func:`_one_weapon`: "un altro drone", "a drone was shot down")."""
    if head.kind in ("killed", "wounded", "casualties") or head.elliptical or d.lex.single.match_at(d.toks, j):
        return True
    if head.kind == "equipment" and _one_weapon(d, i, j, head.end):
        return True
    return (
        prev is not None
        and head.kind == prev.kind
        and prev_end <= i
        and d.sent_of[prev_end - 1] == d.sent_of[i]
        and (
            (i - prev_end <= 2 and _only_joiners(d, prev_end, i))
            # "Dix-huit drones d'attaque et un missile": the noun before with a complement of its own
            or (i - prev_end <= 5 and _coordinator(d, i - 1)
                and not any(d.in_number[k] or d.toks[k].text in _PUNCT for k in range(prev_end, i - 1)))
        )
    )


def _one_weapon(d: _Doc, i: int, j: int, end: int) -> bool:
    """The article ``toks[i:j]`` before a weapon ending at ``toks[end]`` counts one weapon: "another" follows it
    ("un altro drone", "another drone"; lexicon ``another``), a verb of downing or intercepting (``downed_cues``)
    ends at most one word before the article in its clause ("la contraerea ha intercettato un missile") or stands
    after the weapon in the weapon's own clause ("a drone was shot down"), or a verb of falling (``fall_cues``)
    follows the weapon within ``_FALL_REACH`` words ("un drone è precipitato").  The reach after the weapon stops
    at a coordinator, a relative pronoun or subordinator, a comma, a number or an article (but one after a
    locative, "über dem Hafen abgeschossen", or an apostrophe, "s'est écrasé"): another noun phrase or clause has
    its own verb ("un drone ha colpito un palazzo e una persona è caduta", "a drone hit a car that
    crashed")."""
    lex, toks = d.lex, d.toks
    if any(toks[k].text in lex.another for k in range(i, min(j + 2, end))):  # English "another" is the article
        return True
    a, b = d.clause(i, j, sub=False)
    if any(lex.downed_cues.match_ending(toks, k) and k - lex.downed_cues.match_ending(toks, k) >= a
           for k in range(max(a, i - 1), i + 1)):
        return True
    for k in range(end, min(b, end + lex.cue_reach)):
        if d.in_number[k] or toks[k].text in _PUNCT or _coordinator(d, k) or lex.openers.match_at(toks, k) \
                or (lex.src_articles.match_at(toks, k) and toks[k].text != "'"
                    and not lex.locative.match_ending(toks, k)):
            return False
        if lex.downed_cues.match_at(toks, k) or (k - end < _FALL_REACH and lex.fall_cues.match_at(toks, k)):
            return True
    return False


_FALL_REACH = 4  # words after a weapon within which its verb of falling stands ("un drone si è schiantato")

def _when(
    d: _Doc,
    s: int,
    sentence: tuple[int, int],
    skip: int,
    doc_date: dt.date | None,
    cache: dict[tuple[int, int], tuple[dt.date, dt.date] | None],
) -> tuple[dt.date, dt.date] | None:
    """Event dates of the figure's statement (its part of the sentence between semicolons), else of its
    whole sentence; the dateline is never read as an event date."""
    for a, b in (d.sentences[s], sentence):
        a = max(a, skip)
        if (a, b) not in cache:
            if b <= a:
                cache[(a, b)] = None
            else:  # the same reading from the document's tokens, not the stretch tokenised again
                cache[(a, b)] = event_dates_in(d.text, d.toks, d.starts, a, b, d.lang, doc_date)
        if cache[(a, b)] is not None:
            return cache[(a, b)]
    return None


def _unique_places(places: list[Mention]) -> tuple[list[str], list[str]]:
    ids: list[str] = []
    names: list[str] = []
    for m in places:
        e = m.entity
        if e is not None and e.id not in ids:
            ids.append(e.id)
            names.append(e.name)
    return ids, names
