"""Dates: the document's date (input or dateline) and the dates of reported events.

Month and weekday names, relative words ("ieri", "yesterday", "hier") and windows
("negli ultimi giorni", "in recent days", "ces derniers jours") live in
``geo/lexicons/<lang>/dates.yaml``.  Explicit and relative dates are read with those
lists; ``dateparser`` (slow to import, so imported lazily) is only the fallback for a
dateline date the lists cannot read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from geo.lexicons import load
from geo.model import Document
from geo.normalize import fold
from geo.numbers import Phrases, Token, find_numbers, phrase_tokens, tokenize


@dataclass(frozen=True)
class Dateline:
    """The dateline opening an article ("Parigi, 6 gennaio 2026 –", "PARIS (Reuters) -").

    Attributes
    ----------
    end : int
        Offset just after the dateline (its separator and the white space after it).
    date : datetime.date or None
        The date it gives, when it gives one with a year.
    place_start, place_end : int or None
        Offsets of the place name it opens with.
    sure : bool
        The form alone makes the opening word a place, taken whatever the gazetteer's cues say; False for an
        upper-case word before a full stop ("BERLIN. Die Regierung"), which may be an acronym ("NATO. Die
        Allianz"): its name is read like any other, and only if found a place is it the dateline's.
    name_start, name_end : int or None
        Offsets of the place's name without the area words of the places lexicon's ``area_cues`` around it
        ("KHERSON" of "KHERSON REGION", of "REGIONE DI KHERSON", of "GEBIET CHERSON"); the place's own offsets
        when it has none (:func:`_area_name`).
    """

    end: int
    date: dt.date | None
    place_start: int | None
    place_end: int | None
    sure: bool = True
    name_start: int | None = None
    name_end: int | None = None


@dataclass(frozen=True)
class _DateLex:
    months: dict[str, int]
    weekdays: dict[str, int]
    past_after: Phrases
    past_before: Phrases
    next_after: Phrases
    next_before: Phrases
    days: dict[tuple[str, ...], tuple[int, int]]
    days_phrases: Phrases
    windows: dict[tuple[str, ...], int]
    windows_phrases: Phrases
    last_prefixes: Phrases
    last_fillers: Phrases
    last_units: dict[str, int]
    weeks: dict[tuple[str, ...], int]
    weeks_phrases: Phrases
    month_preps: Phrases
    range_joiners: Phrases
    month_links: Phrases  # ``day_month_links``: "de" of "3 de mayo de 2024"
    day_suffixes: frozenset[str]
    since: Phrases
    month_to_date: Phrases
    other_periods: Phrases
    period_comparisons: Phrases
    period_thans: Phrases
    period_comparatives: frozenset[str]
    period_fillers: Phrases
    qualifiers: Phrases  # the figures lexicon's qualifiers before a number ("more than", "as many as", "mehr als")
    month_first_days: bool  # ``month_first_days``: a day is written after its month ("May 12"; en only)
    lang: str  # the language read (its figures lexicon tells a round count from a year: :func:`_year`)


def _span(v: Any) -> tuple[int, int]:
    if isinstance(v, list):
        return int(v[0]), int(v[-1])
    return int(v), int(v)


#: The sections of the figures lexicon's ``qualifiers`` said before a number: a comparison word inside one of them
#: ("more than 500", "as many as 500", "mehr als 500") is the figure's hedge, not a comparison.
_QUALIFIERS = ("approx", "at_least", "up_to", "more_than", "less_than")


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """The folded month and weekday names of the language's dates lexicon ("monday", "marzo").

    Parameters
    ----------
    lang : str
        Language code.

    Returns
    -------
    frozenset of str
    """
    lex = _datelex(lang)
    return frozenset(lex.months) | frozenset(lex.weekdays)


@cache
def weekday_words(lang: str) -> frozenset[str]:
    """The folded weekday names of the language's dates lexicon ("monday", "lunedi").

    Parameters
    ----------
    lang : str
        Language code.

    Returns
    -------
    frozenset of str
    """
    return frozenset(_datelex(lang).weekdays)


@cache
def day_phrases(lang: str) -> tuple[str, ...]:
    """The folded phrases of the dates lexicon's ``days`` and ``weeks`` ("yesterday", "last night", "this week").

    Parameters
    ----------
    lang : str
        Language code.

    Returns
    -------
    tuple of str
    """
    lex = _datelex(lang)
    return tuple(" ".join(k) for k in (*lex.days, *lex.weeks))


@cache
def year_prepositions(lang: str) -> Phrases:
    """The phrases of the dates lexicon's ``year_prepositions``: said right before a four-digit number, they make it a
    year ("in 2025", "nel 2025", "a finales de 2025", "im Jahr 2025"). The one list of such words, read by
    :func:`date_part` (of 1900 to 2100) and by the figure reader (:func:`geo.figures._excluded`, of 1800 to 2100).

    Parameters
    ----------
    lang : str
        Language code.

    Returns
    -------
    geo.numbers.Phrases
    """
    return Phrases((load(lang, "dates") or load("en", "dates")).get("year_prepositions") or [])


def _folded_key(lang: str, key: str) -> frozenset[str]:
    """The folded words of the list ``key`` of the language's dates lexicon (empty when it has none)."""
    return frozenset(fold(str(w)) for w in (load(lang, "dates") or {}).get(key) or [])


@cache
def _datelex(lang: str) -> _DateLex:
    d = load(lang, "dates") or load("en", "dates")
    qualifiers = (load(lang, "figures") or {}).get("qualifiers") or {}
    last = d.get("last_n") or {}
    days = {phrase_tokens(k): _span(v) for k, v in (d.get("days") or {}).items()}
    windows = {phrase_tokens(k): int(v) for k, v in (d.get("windows") or {}).items()}
    weeks = {phrase_tokens(k): int(v) for k, v in (d.get("weeks") or {}).items()}
    return _DateLex(
        months={fold(str(k)): int(v) for k, v in (d.get("months") or {}).items()},
        weekdays={fold(str(k)): int(v) for k, v in (d.get("weekdays") or {}).items()},
        past_after=Phrases(d.get("weekday_past_after") or []),
        past_before=Phrases(d.get("weekday_past_before") or []),
        next_after=Phrases(d.get("weekday_next_after") or []),
        next_before=Phrases(d.get("weekday_next_before") or []),
        days=days,
        days_phrases=Phrases(" ".join(k) for k in days),
        windows=windows,
        windows_phrases=Phrases(" ".join(k) for k in windows),
        last_prefixes=Phrases(last.get("prefixes") or []),
        last_fillers=Phrases(last.get("fillers") or []),
        last_units={fold(str(k)): int(v) for k, v in (last.get("units") or {}).items()},
        weeks=weeks,
        weeks_phrases=Phrases(" ".join(k) for k in weeks),
        month_preps=Phrases(d.get("month_prepositions") or []),
        range_joiners=Phrases(d.get("day_range_joiners") or []),
        month_links=Phrases(d.get("day_month_links") or []),
        day_suffixes=frozenset(fold(str(s)) for s in d.get("day_suffixes") or []),
        since=Phrases(d.get("since") or []),
        month_to_date=Phrases(d.get("month_to_date") or []),
        other_periods=Phrases(d.get("other_periods") or []),
        period_comparisons=Phrases(d.get("period_comparisons") or []),
        period_thans=Phrases(d.get("period_comparison_thans") or []),
        period_comparatives=frozenset(fold(str(w)) for w in d.get("period_comparatives") or []),
        period_fillers=Phrases(d.get("period_comparison_fillers") or []),
        qualifiers=Phrases(w for key in _QUALIFIERS for w in (qualifiers.get(key) or [])),
        month_first_days=bool(d.get("month_first_days", False)),
        lang=lang,
    )


# ---------------------------------------------------------------------------------------------------------
# Explicit dates: "6 gennaio 2026", "January 5, 2026", "le 5 janvier", "dal 3 al 5 marzo"
# ---------------------------------------------------------------------------------------------------------


def _day(toks: list[Token], k: int, lex: _DateLex) -> tuple[int, int] | None:
    """A day of the month at ``toks[k]``: (day, tokens used incl. a suffix such as "1er", "5th")."""
    if k >= len(toks) or not toks[k].text.isdigit() or len(toks[k].text) > 2:
        return None
    day = int(toks[k].text)
    if not 1 <= day <= 31:
        return None
    n = 1
    if k + 1 < len(toks) and toks[k + 1].text in lex.day_suffixes and toks[k + 1].start == toks[k].end:
        n = 2
    return day, n


def _month(toks: list[Token], k: int, lex: _DateLex) -> tuple[int, int] | None:
    if k >= len(toks) or toks[k].text not in lex.months:
        return None
    n = 1
    if k + 1 < len(toks) and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end:
        n = 2  # "Jan.", "gen."
    return lex.months[toks[k].text], n


#: The kinds of part of a date or a clock time :func:`date_part` names: a year ("in 2025", "May 12, 2025"), a month's
#: day ("12 May", "May 12", "venerdì 12") and a clock time's number ("6 am", "ore 6", "06:30", "in 12 hours").
YEAR, DAY, CLOCK = "year", "day", "clock"

#: The four-digit numbers :func:`date_part` may read as a year.
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class _PartLex:
    """The words :func:`date_part` reads, from the dates lexicon and the lexicons it borrows."""

    months: frozenset[str]  # folded month names, "may", "mai", "jan"
    weekdays: frozenset[str]
    capitalised: frozenset[str]  # dates ``capitalised_calendar``: names only when capitalised (en "May")
    year_preps: Phrases  # dates ``year_prepositions`` (:func:`year_prepositions`)
    year_links: frozenset[str]  # dates ``year_links``
    clock: frozenset[tuple[str, ...]]  # events ``clock_words``, as folded word tuples ("a", "m")
    clock_before: Phrases  # the same, matched before a number ("ore 6")
    clock_preps: Phrases  # dates ``clock_prepositions`` ("alle", "a las", "um"): before an hour and its minutes
    hour_preps: Phrases  # dates ``hour_prepositions`` ("alle", "a las"): before an hour said alone


@cache
def _part_lex(lang: str) -> _PartLex:
    events = load(lang, "events") or load("en", "events")
    clock = [str(w) for w in events.get("clock_words") or []]
    lex = _datelex(lang)
    return _PartLex(
        months=frozenset(lex.months),
        weekdays=frozenset(lex.weekdays),
        capitalised=_folded_key(lang, "capitalised_calendar"),
        year_preps=year_prepositions(lang),
        year_links=_folded_key(lang, "year_links"),
        clock=frozenset(phrase_tokens(w) for w in clock) - {()},
        clock_before=Phrases(clock),
        clock_preps=Phrases((load(lang, "dates") or {}).get("clock_prepositions") or []),
        hour_preps=Phrases((load(lang, "dates") or {}).get("hour_prepositions") or []),
    )


#: The most modifier phrases of the figures lexicon :func:`date_part` skips between a number and its counted noun
#: ("2000 more new drones").
COUNT_MODIFIERS = 3


def date_part(text: str, toks: Sequence[Token], i: int, lang: str) -> str | None:
    """What the number ``toks[i]`` is in a date or a clock time, if it is part of one: the one reader of "is this
    number a date's" for the figure readers (:func:`geo.figures._excluded`: no figure; rule REPEAT_ATTACKED_COUNTRY
    of :mod:`geo.figure_places`: no part's count between a total and its regions).

    Read with the dates lexicon (``months``, ``weekdays``, ``day_suffixes``, ``day_range_joiners``,
    ``day_month_links``, ``capitalised_calendar``, ``year_prepositions``, ``year_links``, ``clock_prepositions``,
    ``hour_prepositions``, ``month_first_days``), the events lexicon's
    ``clock_words`` and the figures lexicon's nouns. Neighbouring tokens are those of :func:`geo.numbers.tokenize`:
    only white space stands between two of them, punctuation is a token of its own.

    - :data:`CLOCK`: a clock word right after the number ("6 am", "6 a.m.", "6 o'clock", "22 heures", "in 12 hours")
      or right before it with no counted noun after it ("alle ore 6", "17 h 30"; not "at 6 pm 30 drones"), a colon
      joining it to another number ("06:30"), or an hour (0 to :data:`LAST_HOUR`) after a phrase of
      ``clock_prepositions`` with its minutes (to :data:`LAST_MINUTE`) after a dot, no month (1 to 12) with its dot
      after them ("um 17.30", "um 18.45."; not "bis 24.12.") or of ``hour_prepositions`` with no counted noun nor
      month after it ("alle 17", "a las 17"; "alle 17 vittime" counts; rule CLOCK_PREPOSITION).
    - :data:`YEAR` (a four-digit number of :data:`YEARS`): right after a phrase of ``year_prepositions`` ("in 2025",
      "nel 2025", "a finales de 2025"; :func:`year_prepositions`); after a word of ``year_links`` right after a year
      ("from 2024 to 2025"); right after a month or a month's day written month first, no comma between ("May 2025",
      "3 June 2024", "May 12 2025"), or after a month and a word of ``day_month_links`` ("de mayo de 2024"), unless it
      is a round hundred with a counted noun after it ("In May 2000 drones hit", "de marzo de 2000 drones": counts;
      rule ROUND_COUNT_AFTER_MONTH, :func:`_round_count`). Across a comma after a month or a month's day ("May 12,
      2025", "12 May, 2025", "in May, 2025"; not after a weekday or a clock word: "on Friday, 2000 of them"): after a
      month's day written month first ("May 12, 2025") the comma is the year's own, so the number is a year unless the
      figures lexicon's ``anaphora_after`` follows it ("On May 12, 2024 drones hit X" leaves out the comma after the
      year; "On May 12, 2000 of them" counts); after a month or a day and month ("in May, 2025", "12 May, 2025") it is
      a year only when no counted noun follows it: a noun of the figures lexicon's kinds, persons, police or
      formations or its ``anaphora_after``, after words of its ``modifiers`` or not, nor a month, after a word of
      ``month_prepositions`` or not ("In May, 2000 drones hit", "In May, 2000 of them", "3000 in May, 2000 in June"
      are counts; "in May, 2025 over X" a year). There the comma sets the number off from the month: a count may open
      the clause after it, and its noun (or the next month of a list of counts by month) tells; a year written right
      after its month is read so whatever follows but a round hundred ("in May 2024 drones"; rule
      ROUND_COUNT_AFTER_MONTH).
    - :data:`DAY` (1 to 31, one or two digits): beside a month, before it ("12 May", "12th May", "12. Mai"), a word
      of ``day_month_links`` between or not ("3 de mayo"; "30 de los drones" is no day), or after it in a language
      whose dates lexicon sets ``month_first_days`` ("May 12", "Jan. 12"; not de "Im Mai 20 Soldaten"), either day
      of a range of ``day_range_joiners`` ("3-5 May", "dal 3 al 5 marzo", "del 9 al 10 de abril", "May 3-5"), or
      right after a weekday when no counted noun of the figures lexicon follows it, after words of its ``modifiers``
      or not ("venerdì 12"; "On Monday 30 drones", "on Monday 20 of them" count).

    A month or weekday of ``capitalised_calendar`` is read only capitalised ("20 may have hit": a verb).

    Parameters
    ----------
    text : str
        The text the tokens were read from (its case tells a capitalised month).
    toks : sequence of geo.numbers.Token
        Its tokens, or a sentence's (``tokenize(fold(text), start, end)``): nothing beyond them is read.
    i : int
        Index of the number's token (a run of digits) in ``toks``.
    lang : str
        Language code.

    Returns
    -------
    str or None
        :data:`YEAR`, :data:`DAY`, :data:`CLOCK`, or None when the number is part of no date or clock time.

    Known limits: a year across a comma before a count whose noun is left out and no month follows
    ("3000 in May, 2000 over Kyiv") is read as a year.
    """
    word = toks[i].text
    if not word.isdigit():
        return None
    lex, dlex = _part_lex(lang), _datelex(lang)
    if _clock_part(text, toks, i, lang, lex, dlex):
        return CLOCK
    if len(word) == 4 and int(word) in YEARS:
        return YEAR if _year_part(text, toks, i, lang, lex, dlex) else None
    if len(word) <= 2 and 1 <= int(word) <= 31 and _day_part(text, toks, i, lang, lex, dlex):
        return DAY
    return None


def _named(text: str, toks: Sequence[Token], k: int, names: frozenset[str], lex: _PartLex) -> bool:
    """``toks[k]`` is one of ``names`` (months, weekdays), capitalised when ``capitalised_calendar`` asks it."""
    if not 0 <= k < len(toks) or toks[k].text not in names:
        return False
    return toks[k].text not in lex.capitalised or text[toks[k].start : toks[k].start + 1].isupper()


def _clock_part(text: str, toks: Sequence[Token], i: int, lang: str, lex: _PartLex, dlex: _DateLex) -> bool:
    """A clock word after ``toks[i]``, or before it with no counted noun after it, a colon joining it to another
    number, or an hour after a word of ``clock_prepositions`` (:func:`_hour_after_preposition`; :func:`date_part`)."""
    n = len(toks)
    words: list[str] = []
    k = i + 1
    while k < n and len(words) < 3:  # no clock word is longer
        t = toks[k]
        if t.text[:1].isalpha():
            words.append(t.text)
        elif not (words and k + 1 < n and t.text in ".'" and t.start == toks[k - 1].end
                  and toks[k + 1].start == t.end):
            break  # a dot or an apostrophe inside a clock word is skipped ("a.m.", "o'clock")
        if tuple(words) in lex.clock:
            return True
        k += 1
    if lex.clock_before.match_ending(toks, i) and not _counted_at(toks, i + 1, lang):
        return True  # "ore 6", "17 h 30"; not "at 6 pm 30 drones": a count after a clock time
    if any(0 < k < n - 1 and toks[k].text == ":" and toks[k - 1].text.isdigit() and toks[k + 1].text.isdigit()
           for k in (i - 1, i + 1)):
        return True  # "06:30"
    return _hour_after_preposition(text, toks, i, lang, lex, dlex)


#: The last hour of a day :func:`_hour_after_preposition` reads ("alle 24").
LAST_HOUR = 24
#: The last minute of an hour :func:`_hour_after_preposition` reads ("um 17.59"; "um 17.75" is no clock time).
LAST_MINUTE = 59


def _hour_after_preposition(text: str, toks: Sequence[Token], i: int, lang: str, lex: _PartLex,
                            dlex: _DateLex) -> bool:
    """Rule CLOCK_PREPOSITION: a number of 0 to :data:`LAST_HOUR` is an hour right after a phrase of the dates
    lexicon's ``clock_prepositions`` with its minutes (two digits, 0 to :data:`LAST_MINUTE`) glued by a dot, no
    month (1 to 12) with a dot after them ("um 17.30", "alle 17.30", "um 18.45."; not "um 17.5 Prozent", "bis 24.12.":
    a German day and month), or right
    after one of ``hour_prepositions`` ("alle 17", "a las 17") with no counted noun of the figures lexicon after it
    and no month ("alle 17 vittime", "a las 17 víctimas" count; "dalle 9 alle 18 maggio": a day)."""
    if int(toks[i].text) > LAST_HOUR:
        return False
    k = i + 1
    if lex.clock_preps.match_ending(toks, i) and k + 1 < len(toks) and toks[k].text == "." and toks[k].start == (
            toks[i].end) and toks[k + 1].start == toks[k].end and len(toks[k + 1].text) == 2 and toks[
            k + 1].text.isdigit():
        # "17.30": the minutes (0 to 59); not "bis 24.12.", "ab 01.10.": a German day and month, the month's dot after
        # them ("um 18.45." ends a sentence: no month)
        minutes = int(toks[k + 1].text)
        dotted = k + 2 < len(toks) and toks[k + 2].text == "." and toks[k + 2].start == toks[k + 1].end
        return minutes <= LAST_MINUTE and not (dotted and 1 <= minutes <= 12)
    return bool(lex.hour_preps.match_ending(toks, i)) and not _counted_at(toks, k, lang) and not _day_part(
        text, toks, i, lang, lex, dlex)


def _year_part(text: str, toks: Sequence[Token], i: int, lang: str, lex: _PartLex, dlex: _DateLex) -> bool:
    """The four-digit number ``toks[i]`` is a year (:func:`date_part`)."""
    before = toks[i - 1].text if i else ""
    if lex.year_preps.match_ending(toks, i):
        return True  # "in 2025", "nel 2025", "a finales de 2025"
    if before in lex.year_links and i >= 2 and len(toks[i - 2].text) == 4 and date_part(
            text, toks, i - 2, lang) == YEAR:
        return True  # "from 2024 to 2025", "tra il 2023 e il 2024"
    if _named(text, toks, i - 1, lex.months, lex) or _month_day_before(text, toks, i, lex, dlex):
        # "May 2025", "3 June 2024", "May 12 2025": a year written right after its month or day; not "In May 2000
        # drones hit" (rule ROUND_COUNT_AFTER_MONTH)
        return not _round_count(toks, i, lang)
    link = dlex.month_links.match_ending(toks, i)
    if link and _named(text, toks, i - link - 1, lex.months, lex):
        return not _round_count(toks, i, lang)  # "de mayo de 2024"; not "de marzo de 2000 drones"
    if before != "," or not (_named(text, toks, i - 2, lex.months, lex) or _month_day_before(
            text, toks, i - 1, lex, dlex)):
        return False
    # across a comma ("in May, 2025", "May 12, 2025", "12 May, 2025"): a year unless a counted noun follows, or
    # another month ("3000 drones in May, 2000 in June": a count whose noun is left out)
    k = i + 1
    if _named(text, toks, k + dlex.month_preps.match_at(toks, k), lex.months, lex):
        return False
    if _month_day_before(text, toks, i - 1, lex, dlex):
        # "May 12, 2025": written month first, the comma is the year's own; a noun after it is the clause's
        # ("On May 12, 2024 drones hit X": the comma after the year left out), only "of them" makes it a count
        return not _figure_lexicon(lang).anaphora_after.match_at(toks, k)
    return not _counted_at(toks, k, lang)


#: The hundreds a four-digit number right after a month is a count of, when a counted noun follows it (rule
#: ROUND_COUNT_AFTER_MONTH: "In May 2000 drones hit" counts; "In February 2022 troops crossed" is a year).
ROUND_COUNT = 100


def _round_count(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Rule ROUND_COUNT_AFTER_MONTH: the four-digit number ``toks[i]`` written right after a month (or its day, or a
    month and a word of ``day_month_links``) is a count, no year, when it is a whole number of :data:`ROUND_COUNT`
    and a counted noun of the figures lexicon follows it (:func:`_counted_at`: "In May 2000 drones hit", "a
    principios de marzo de 2000 soldados"): years said so are rarely round ("In May 2023 drones hit", "since
    February 2022 Russian troops" stay years)."""
    return int(toks[i].text) % ROUND_COUNT == 0 and _counted_at(toks, i + 1, lang)


def _figure_lexicon(lang: str):
    """The figures lexicon's matchers (:func:`geo.figures.figure_lexicon`, imported here: geo.figures reads this
    module): its kinds' nouns (military units among them), ``persons``, ``police``, ``anaphora_after`` and
    ``modifiers`` tell a count from a year or a day (:func:`_counted_at`)."""
    from geo.figures import figure_lexicon

    return figure_lexicon(lang)


def _counted_at(toks: Sequence[Token], k: int, lang: str) -> bool:
    """A counted noun of the figures lexicon (or its ``anaphora_after``, "of them") at ``toks[k]``, after words of
    its ``modifiers`` or not ("2000 more drones", "dei quali"): the number before it counts (:func:`date_part`)."""
    lex = _figure_lexicon(lang)
    counted = (lex.nouns, lex.persons, lex.police, lex.anaphora_after)
    skipped = 0
    while not any(p.match_at(toks, k) for p in counted):  # a noun first: some modifiers open one ("dei" of "dei quali")
        m = lex.modifiers.match_at(toks, k)
        if not m or skipped == COUNT_MODIFIERS:
            return False
        k, skipped = k + m, skipped + 1
    return True


def _month_at(text: str, toks: Sequence[Token], k: int, lex: _PartLex, dlex: _DateLex) -> bool:
    """A month at ``toks[k]``, or after a word of the dates lexicon's ``day_month_links`` there ("de mayo")."""
    return _named(text, toks, k, lex.months, lex) or _named(
        text, toks, k + (dlex.month_links.match_at(toks, k) or len(toks)), lex.months, lex)


def _month_day_before(text: str, toks: Sequence[Token], k: int, lex: _PartLex, dlex: _DateLex) -> bool:
    """A month's day written month first ends right before ``toks[k]``: "May 12", "May 12th", "Jan. 5". Only in a
    language whose dates lexicon sets ``month_first_days`` (en): German, French, Italian and Spanish write the day
    before its month, a number after a month is a count or a year there ("Im Mai 20 Soldaten", "en mai 20
    soldats")."""
    if not dlex.month_first_days:
        return False
    for d in (k - 1, k - 2):  # the day, or the day and its suffix ("12th")
        day = _day(toks, d, dlex) if d > 0 else None
        if day and d + day[1] == k:
            break
    else:
        return False
    if _named(text, toks, d - 1, lex.months, lex):
        return True
    # the month and its dot ("Jan.")
    return d >= 2 and toks[d - 1].text == "." and toks[d - 1].start == toks[d - 2].end and _named(
        text, toks, d - 2, lex.months, lex)


def _day_part(text: str, toks: Sequence[Token], i: int, lang: str, lex: _PartLex, dlex: _DateLex) -> bool:
    """The number ``toks[i]`` (1 to 31) is a month's day (:func:`date_part`)."""
    day = _day(toks, i, dlex)
    if day is None:
        return False
    after = i + day[1]
    if _month_at(text, toks, after, lex, dlex):
        return True  # "12 May", "12th May", "12. Mai", "3 de mayo"
    joiner = dlex.range_joiners.match_at(toks, after)
    other = _day(toks, after + joiner, dlex) if joiner else None
    if other and _month_at(text, toks, after + joiner + other[1], lex, dlex):
        return True  # "3-5 May", "dal 3 al 5 marzo", "del 9 al 10 de abril"
    if _month_day_before(text, toks, after, lex, dlex):
        return True  # "May 12", "Jan. 12"
    joiner = dlex.range_joiners.match_ending(toks, i)
    if joiner and _month_day_before(text, toks, i - joiner, lex, dlex):
        return True  # "May 3-5"
    # "venerdì 12", "Friday 13th" (an ordinal ending is no count's), not "On Monday 30 drones", "on Monday 20 of
    # them": a counted noun after a bare number counts
    return _named(text, toks, i - 1, lex.weekdays, lex) and (day[1] > 1 or not _counted_at(toks, after, lang))


def _year(toks: list[Token], k: int, lex: _DateLex) -> tuple[int, int] | None:
    """The year written at ``toks[k]`` after a date's month or day, a comma before it or not: (year, tokens used).
    Not a round hundred with a counted noun after it, right after the month ("In May 2000 drones hit": a count, as
    :func:`date_part` reads it; rule ROUND_COUNT_AFTER_MONTH): the date is then that of the month in the document's
    year."""
    skip = 1 if k < len(toks) and toks[k].text == "," else 0
    k += skip
    if (
        k < len(toks)
        and toks[k].text.isdigit()
        and len(toks[k].text) == 4
        and 1800 <= int(toks[k].text) <= 2200
        and (skip or not _round_count(toks, k, lex.lang))
    ):
        return int(toks[k].text), 1 + skip
    return None


def _make(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """A date; without a year, the occurrence of day/month nearest to ``ref``."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        if ref is None:
            return None
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                cand = dt.date(y, month, day)
            except ValueError:
                continue
            if best is None or abs((cand - ref).days) < abs((best - ref).days):
                best = cand
        return best
    except ValueError:
        return None


def _explicit(toks: list[Token], k: int, lex: _DateLex, ref: dt.date | None,
              month_first: bool = True) -> tuple[tuple, int] | None:
    """An explicit date or day range starting at ``toks[k]``: ((first, last), tokens used). A day after its month
    ("January 5, 2026", "Jan. 5") only with ``month_first``."""
    d1 = _day(toks, k, lex)
    if d1:
        j = k + d1[1]
        d2 = None
        jn = lex.range_joiners.match_at(toks, j)
        if jn:
            d2 = _day(toks, j + jn, lex)
            if d2:
                j += jn + d2[1]
        mo = _month(toks, j, lex)
        return _days_of_month(toks, k, j + mo[1], mo[0], d1, d2, ref, lex) if mo else None
    mo = _month(toks, k, lex) if month_first else None
    if mo:  # "January 5, 2026", "Jan. 5"
        j = k + mo[1]
        d1 = _day(toks, j, lex)
        if d1:
            j += d1[1]
            d2 = None
            jn = lex.range_joiners.match_at(toks, j)
            if jn and _day(toks, j + jn, lex) and not _month(toks, j + jn + 1, lex):
                d2 = _day(toks, j + jn, lex)
                j += jn + (d2[1] if d2 else 0)
            return _days_of_month(toks, k, j, mo[0], d1, d2, ref, lex)
    return None


def _days_of_month(toks: list[Token], k: int, j: int, month: int, d1: tuple, d2: tuple | None,
                   ref: dt.date | None, lex: _DateLex) -> tuple[tuple, int] | None:
    """Close a day (or day range) of ``month`` whose tokens run from ``k`` to ``j``, reading an
    optional year at ``j``: ((first, last), tokens used)."""
    yr = _year(toks, j, lex)
    year = yr[0] if yr else None
    j += yr[1] if yr else 0
    first = _make(year, month, d1[0], ref)
    last = _make(year, month, d2[0], ref) if d2 else first
    if first and last and first <= last:
        return (first, last), j - k
    return None


def _month_alone(toks: list[Token], k: int, lex: _DateLex, ref: dt.date | None) -> tuple[tuple, int] | None:
    """ "a gennaio", "in January 2026", "en mars": the whole month."""
    n = lex.month_preps.match_at(toks, k)
    mo = _month(toks, k + n, lex) if n else None
    if not mo or (
        lex.month_first_days  # "in May 12": a day after its month (en); "im Mai 20 Soldaten" is the month's
        and k + n + mo[1] < len(toks)
        and toks[k + n + mo[1]].text.isdigit()
        and len(toks[k + n + mo[1]].text) <= 2
    ):
        return None
    j = k + n + mo[1]
    yr = _year(toks, j, lex)
    if yr:
        year = yr[0]
        j += yr[1]
    elif ref is not None:
        year = ref.year if mo[0] <= ref.month + 6 else ref.year - 1
    else:
        return None
    last_day = calendar.monthrange(year, mo[0])[1]
    first, last = dt.date(year, mo[0], 1), dt.date(year, mo[0], last_day)
    if lex.since.match_at(toks, k) and ref is not None and first <= ref:
        last = ref  # "since November 2023", "depuis janvier"
    return (first, last), j - k


# ---------------------------------------------------------------------------------------------------------
# Relative dates
# ---------------------------------------------------------------------------------------------------------


def _weekday(toks: list[Token], k: int, lex: _DateLex, ref: dt.date) -> tuple[tuple, int] | None:
    if toks[k].text not in lex.weekdays:
        return None
    wd = lex.weekdays[toks[k].text]
    before_next = lex.next_before.match_ending(toks, k)
    before_past = lex.past_before.match_ending(toks, k)
    n_next = lex.next_after.match_at(toks, k + 1)
    n_past = lex.past_after.match_at(toks, k + 1)
    back = (ref.weekday() - wd) % 7
    if lex.since.match_ending(toks, k):  # "depuis vendredi": from that day to the document date
        return (ref - dt.timedelta(days=back or 7), ref), 1 + n_past
    if before_next or n_next:
        ahead = (wd - ref.weekday()) % 7 or 7
        day = ref + dt.timedelta(days=ahead)
    elif before_past or n_past:
        day = ref - dt.timedelta(days=back or 7)
    else:
        day = ref - dt.timedelta(days=back)
    return (day, day), 1 + n_next + n_past


def _last_n(
    toks: list[Token], k: int, lex: _DateLex, ref: dt.date, numbers: dict[int, tuple[int, int]]
) -> tuple[tuple, int] | None:
    n = lex.last_prefixes.match_at(toks, k)
    if not n or k + n >= len(toks) or toks[k + n].start not in numbers:
        return None
    value, end = numbers[toks[k + n].start]
    j = k + n
    while j < len(toks) and toks[j].end <= end:
        j += 1
    j += lex.last_fillers.match_at(toks, j)
    if j >= len(toks) or toks[j].text not in lex.last_units:
        return None
    hours = value * lex.last_units[toks[j].text]
    days = max(1, -(-hours // 24))
    return (ref - dt.timedelta(days=days), ref), j + 1 - k


@cache
def _event_heads(lang: str) -> frozenset[str]:
    """The token texts at which :func:`event_dates` may find a date (besides one- and two-digit days):
    months, weekdays and the first words of its phrase lists."""
    lex = _datelex(lang)
    phrases = (lex.month_preps, lex.month_to_date, lex.days_phrases, lex.windows_phrases, lex.weeks_phrases,
               lex.last_prefixes)
    return frozenset(lex.months).union(lex.weekdays, *(p.heads for p in phrases))


def other_periods(toks: list[Token], lang: str, compared: bool = True) -> frozenset[tuple[str, ...]]:
    """The phrases of the dates lexicon's ``other_periods`` in ``toks`` (folded tokens): periods the date reader
    places on no day ("last year", "l'anno scorso"), read by rule FINER_REPEAT of :mod:`geo.figures`.

    Parameters
    ----------
    toks : list of geo.numbers.Token
        The tokens of a sentence, folded.
    lang : str
        Language code.
    compared : bool
        Whether a period a comparison governs counts too: with False, a phrase said right after a word of the
        dates lexicon's ``period_comparisons``, or after a number (and one word) said after one ("the most since
        last month", "up from 40 drones last week"), fillers between them allowed ("since the start of last
        year"), is left out: it is the measure of a comparison, not the period of the sentence (rule PERIOD_COUNT
        of :mod:`geo.figure_places`); a figure's qualifier ("more than 500 drones last week") is no comparison.

    Returns
    -------
    frozenset of tuple of str
        The phrases found, as token texts.
    """
    lex = _datelex(lang)
    phrases = lex.other_periods
    found = set()
    for k, t in enumerate(toks):
        if t.text in phrases.heads and (n := phrases.match_at(toks, k)) \
                and (compared or not _compared(toks, k, lex)):
            found.add(tuple(x.text for x in toks[k : k + n]))
    return frozenset(found)


def _compared(toks: list[Token], k: int, lex: _DateLex) -> bool:
    """Whether a comparison governs the period at ``toks[k]``: it ends right before the period, or right before a
    number (its digits and separators) that ends there or one word before it ("than last year", "up from 40 last
    week", "up from 1,200 drones last week"), across fillers (:func:`_comparison_before`)."""
    if _comparison_before(toks, k, lex, False):
        return True
    for end in (k, k - 1):  # the number's end: right before the period, or before one word (its noun)
        i = end
        while i > 0 and (toks[i - 1].text.isdigit() or (  # a separator only between digits ("1,200")
                toks[i - 1].text in ",." and 1 < i < end and toks[i - 2].text.isdigit() and toks[i].text.isdigit())):
            i -= 1
        if i < end and toks[i].text.isdigit() and _comparison_before(toks, i, lex, True):
            return True
    return False


def _comparison_before(toks: list[Token], j: int, lex: _DateLex, number: bool) -> bool:
    """Whether a comparison ends before ``toks[j]`` (a period, or a number when ``number``), across at most three
    phrases of the dates lexicon's ``period_comparison_fillers`` ("since the start of last year", "frente a los 6
    de la semana pasada"). A phrase of ``period_comparisons`` counts unless it opens the sentence ("Als im Vormonat
    ...": "when"); one of ``period_comparison_thans`` ("che", "que") only after a word of ``period_comparatives``
    said at most four words before it ("più droni che l'anno scorso", not "ha detto che il mese scorso"); before a
    number, a qualifier of the figures lexicon ("more than", "as many as", "mehr als") is the figure's hedge, passed
    over as a filler, not read as a comparison ("fired more than 500 drones last week")."""
    for _ in range(4):
        if number and (n := lex.qualifiers.match_ending(toks, j)):
            j, number = j - n, False
            continue
        n = lex.period_comparisons.match_ending(toks, j)
        if n and any(t.text[:1].isalnum() for t in toks[: j - n]):
            return True
        n = lex.period_thans.match_ending(toks, j)
        if n and any(t.text in lex.period_comparatives for t in toks[max(0, j - n - 4) : j - n]):
            return True
        n = lex.period_fillers.match_ending(toks, j)
        if not n:
            return False
        j -= n
    return False


def event_dates(sentence: str, lang: str, doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Find when the events of a sentence happened.

    Parameters
    ----------
    sentence : str
        One sentence (or any short text).
    lang : str
        Language code.
    doc_date : datetime.date or None
        The document's date; relative expressions need it.

    Returns
    -------
    (datetime.date, datetime.date) or None
        First and last day of the first date expression of the sentence: explicit dates
        ("il 5 gennaio", "on January 5", "dal 3 al 5 marzo"), relative days ("ieri", "l'altro
        ieri", "yesterday", "hier"), weekdays ("lunedì scorso", "last Monday", "lundi dernier";
        a bare weekday is the latest such day up to the document date), weeks ("last week"),
        windows ending on the document date ("negli ultimi giorni" = the 7 days before it,
        "in the past 24 hours", "ces trois derniers jours") and months ("a gennaio").
        ``None`` when there is none, or it is relative and ``doc_date`` is ``None``.
    """
    return _event_dates(tokenize(fold(sentence)), sentence, 0, lang, doc_date)


def event_dates_in(text: str, tokens: list[Token], starts: list[int], start: int, end: int, lang: str,
                   doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """:func:`event_dates` of ``text[start:end]``, read from the tokens of the whole text.

    Parameters
    ----------
    text : str
        The whole text.
    tokens : list of geo.numbers.Token
        ``tokenize(fold(text))`` (made once per text, shared with the figure reader).
    starts : list of int
        The tokens' start offsets, for bisection.
    start, end : int
        The sentence.
    lang, doc_date
        As for :func:`event_dates`.

    Returns
    -------
    (datetime.date, datetime.date) or None
        The same as ``event_dates(text[start:end], lang, doc_date)``: the sentence's tokens are those of
        the whole text inside it when no token crosses its ends (white space there, as between sentences),
        else it is tokenised alone.
    """
    global _EVENT_DATES_TEXT
    if text is not _EVENT_DATES_TEXT:  # another document: its sentences only are kept (rule ONE_DOCUMENT)
        _EVENT_DATES.clear()
        _EVENT_DATES_TEXT = text
    key = (text, start, end, lang, doc_date)  # the text hashes once; the same text object compares at once
    found = _EVENT_DATES.get(key, _UNREAD)
    if found is not _UNREAD:
        return found  # a sentence the mentions' dates and the figures' dates both read
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    if (lo and tokens[lo - 1].end > start) or (hi and tokens[hi - 1].end > end):
        found = event_dates(text[start:end], lang, doc_date)  # a token crosses an end: read the sentence alone
    else:
        found = _event_dates(tokens[lo:hi], text[start:end], start, lang, doc_date)
    if len(_EVENT_DATES) >= EVENT_DATES_SIZE:
        _EVENT_DATES.clear()
    _EVENT_DATES[key] = found
    return found


_UNREAD = object()
#: The readings :func:`event_dates_in` keeps (a pure function of its text, bounds, language and date, given
#: the tokens of ``fold(text)``): the sentences of the document read last (rule ONE_DOCUMENT: a finished
#: document's text is not held), each read once by the mentions' dates and the figures' dates, at most
#: :data:`EVENT_DATES_SIZE` of them.
_EVENT_DATES: dict[tuple[str, int, int, str, dt.date | None], tuple[dt.date, dt.date] | None] = {}
_EVENT_DATES_TEXT: str | None = None
EVENT_DATES_SIZE = 4096


def _event_dates(toks: list[Token], sentence: str, offset: int, lang: str,
                 doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """:func:`event_dates` over the sentence's tokens ``toks``, whose offsets are ``offset`` past the sentence's."""
    lex = _datelex(lang)
    heads = _event_heads(lang)
    numbers: dict[int, tuple[int, int]] | None = None
    # no date, relative day, window, week or weekday starts at another token (found in one pass)
    for k in [k for k, t in enumerate(toks) if t.text in heads or (t.text.isdigit() and len(t.text) <= 2)]:
        word = toks[k].text
        # an explicit date starts at a day or a month, a month alone at a preposition of ``month_preps``
        hit = _explicit(toks, k, lex, doc_date, lex.month_first_days) if word in lex.months or word.isdigit() else None
        if not hit and word in lex.month_preps.heads:
            hit = _month_alone(toks, k, lex, doc_date)
        if hit:
            first, last = hit[0]
            since = lex.since.match_ending(toks, k) or lex.since.match_at(toks, k)
            if since and first == last and doc_date is not None and first <= doc_date:
                return first, doc_date  # "dal 3 gennaio", "since January 3", "depuis mars"
            return first, last
        if doc_date is None:
            continue
        # (each phrase list is matched only where its first words hold the token: elsewhere match_at is 0)
        if word in lex.month_to_date.heads and lex.month_to_date.match_at(toks, k):
            return doc_date.replace(day=1), doc_date
        n = lex.days_phrases.match_at(toks, k) if word in lex.days_phrases.heads else 0
        if n:
            a, b = lex.days[tuple(t.text for t in toks[k : k + n])]
            return doc_date + dt.timedelta(days=a), doc_date + dt.timedelta(days=b)
        n = lex.windows_phrases.match_at(toks, k) if word in lex.windows_phrases.heads else 0
        if n:
            length = lex.windows[tuple(t.text for t in toks[k : k + n])]
            return doc_date - dt.timedelta(days=length), doc_date
        n = lex.weeks_phrases.match_at(toks, k) if word in lex.weeks_phrases.heads else 0
        if n:
            shift = lex.weeks[tuple(t.text for t in toks[k : k + n])]
            monday = doc_date - dt.timedelta(days=doc_date.weekday()) + dt.timedelta(days=7 * shift)
            end = doc_date if shift == 0 else monday + dt.timedelta(days=6)
            return monday, end
        hit = _weekday(toks, k, lex, doc_date) if word in lex.weekdays else None
        if hit:
            return hit[0]
        if word in lex.last_prefixes.heads and lex.last_prefixes.match_at(toks, k):
            if numbers is None:
                numbers = {m.start + offset: (m.value, m.end + offset) for m in find_numbers(sentence, lang)}
            hit = _last_n(toks, k, lex, doc_date, numbers)
            if hit:
                return hit[0]
    return None


# ---------------------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------------------

_WORD = r"[^\W\d_][\w.'’-]*"
_DATELINE = re.compile(
    rf"(?P<lead>[ \t]*(?:\([^()\n]{{1,30}}\)[ \t]*[-–—][ \t]*)?)"
    rf"(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,3}}?)"
    rf"(?:[ \t]*,[ \t]*(?P<region>{_WORD}(?:[ \t]+{_WORD}){{0,2}}?))??"
    r"(?:[ \t]*,[ \t]*(?P<date>[^()\n\-–—:|]{3,40}?))?"
    r"(?:[ \t]*\((?P<agency>[^()\n]{1,40})\))?"
    # EFE writes "MADRID, 3 mar (EFE).-"; "BERLIN. Die"; a quotation may open the text: 'ODESA. "A drone hit'
    r"[ \t]*(?P<sep>\.?[-–—:|]+|\.(?=[ \t]+[\"«“„]?[^\W\d_]))[ \t]*"
)

#: The fewest letters of an upper-case place that opens an article with a full stop alone ("BERLIN. Die Regierung"):
#: shorter capitals before a full stop are abbreviations ("UN.", "EU.").
PERIOD_DATELINE_LETTERS = 3

#: The most words of an upper-case place before a full stop alone ("NEW YORK. Die Börse"): more upper-case words
#: before a full stop are a headline ("HAFEN UNTER BESCHUSS. Zwei Tote"), no dateline.
PERIOD_DATELINE_WORDS = 2


def _date_text(text: str, lang: str) -> dt.date | None:
    lex = _datelex(lang)
    toks = tokenize(fold(text))
    for k in range(len(toks)):
        hit = _explicit(toks, k, lex, None)
        if hit:
            return hit[0][0]
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # slow to import: only for datelines the lexicon cannot read

    parsed = dateparser.parse(
        text,
        languages=[lang],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None


@lru_cache(maxsize=4)  # the document model, the document's date and the figure reader ask for the same one
def find_dateline(text: str, lang: str) -> Dateline | None:
    """Find the dateline at the start of an article.

    Parameters
    ----------
    text : str
        The article (the dateline may open any of its first three non-blank lines, after a title).
    lang : str
        Language code, for the month names.

    Returns
    -------
    Dateline or None
        Accepted forms: ``Place, <date> –`` ("Parigi, 6 gennaio 2026 –", "Kyiv, Jan 5 —"),
        ``PLACE (Agency) -`` ("PARIS (Reuters) -", "KYIV, Ukraine (AP) —") and an upper-case
        place alone ("KHARTOUM:", "ROMA -", "BERLIN." before a sentence).  A date without a year gives ``date=None``.
        A title-case word before a colon ("Washington: ...") is a heading, not a dateline.
    """
    pos = 0
    unsure: Dateline | None = None  # a full-stop one ("BERLIN. Der"), kept only if no later line opens a sure one
    for _ in range(3):
        while pos < len(text) and text[pos] in "\r\n \t":
            pos += 1
        if pos >= len(text):
            break
        m = _DATELINE.match(text, pos)
        if m:
            found = _accept(m, text, lang)
            if found and found.sure and (unsure is None or m.group("date") or m.group("agency")):
                # "FLASH. Drones hit X" on line 1 is a headline when line 2 opens "KYIV, March 3 (AP) -"; after it,
                # only a date or an agency makes a line a dateline ("KFOR-Kommandeur" opens a sentence)
                return found
            unsure = unsure or found
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return unsure


def _accept(m: re.Match[str], text: str, lang: str) -> Dateline | None:
    place = m.group("place")
    if not place[0].isupper():
        return None
    letters = [c for c in place if c.isalpha()]
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    words = place.split()
    if not upper and not all(
        w[0].isupper() or w.lower() in {"de", "di", "del", "la", "le", "sur"} for w in words
    ):
        return None
    raw_date, region = m.group("date"), m.group("region")
    has_date = bool(raw_date and re.search(r"\d", raw_date) and _has_month(raw_date, lang))
    if raw_date and not has_date:
        if region is not None or not re.fullmatch(rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}", raw_date.strip()):
            return None
        region, raw_date = raw_date.strip(), None  # "KYIV, Ukraine (AP) —"
    if region and not region[0].isupper():
        return None
    if not (has_date or m.group("agency") or upper):
        return None
    period = m.group("sep") == "." and m.group("agency") is None  # "WIEN (APA). Der": the agency makes it sure
    name_start, name_end = _area_name(text, m.start("place"), m.end("place"), lang)
    if period and not (len(letters) >= PERIOD_DATELINE_LETTERS and len(text[name_start:name_end].split()) <= (
            PERIOD_DATELINE_WORDS) and region is None and raw_date is None):
        # the area words of "KHERSON REGION.", "REGIONE DI KHERSON." count for no word of its place's name
        # a full stop alone ends a sentence unless a short upper-case place stands alone before it (upper-case, as
        # the test above leaves no other case here): not a headline of names ("ROMA, MILANO E TORINO. Sciopero")
        # nor of a remembered day ("GAZA, 7 OTTOBRE. Un anno dopo"), whose date is not the article's
        return None
    date = _date_text(raw_date, lang) if raw_date else None
    return Dateline(m.end(), date, m.start("place"), m.end("place"), sure=not period, name_start=name_start,
                    name_end=name_end)


#: The most words of a dateline place's name left once its area words are set aside (:func:`_area_name`): "KHERSON"
#: of "REGIONE DI KHERSON"; more is a headline ("REGION OF KURSK ATTACKED. Talks stall").
AREA_NAME_WORDS = 1


@cache
def _area_words(lang: str) -> tuple[Phrases, frozenset[str]]:
    """The area words a dateline's place may carry around its name, from the places lexicon's
    ``dateline_area_cues`` (administrative units only: "regione di", "Gebiet", "oblast"; not the generic "state of",
    "zona di", "area of" of ``area_cues``, which open headlines: "STATE OF EMERGENCY."): every cue before the name,
    a one-word cue after it ("region", "oblast")."""
    cues = [str(c) for c in (load(lang, "places") or {}).get("dateline_area_cues") or []]
    return Phrases(cues), frozenset(toks[0] for c in cues if len(toks := phrase_tokens(c)) == 1)


def _area_name(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """The offsets of a dateline place's name inside ``text[start:end]`` without the area words around it
    (:func:`_area_words`: "KHERSON" of "KHERSON REGION" or "REGIONE DI KHERSON"); the whole span when it has none,
    when nothing would be left of it ("OBLAST."), or when more than :data:`AREA_NAME_WORDS` words would be left
    ("REGION OF KURSK ATTACKED.": a headline)."""
    toks = tokenize(fold(text), start, end)
    before, after = _area_words(lang)
    lead = before.match_at(toks, 0)
    last = len(toks) - (1 if toks and toks[-1].text in after else 0)
    if lead >= last or last - lead > AREA_NAME_WORDS:
        return start, end
    return toks[lead].start, toks[last - 1].end


def _has_month(raw: str, lang: str) -> bool:
    lex = _datelex(lang)
    return any(t.text in lex.months for t in tokenize(fold(raw))) or bool(re.search(r"\d{1,2}/\d{1,2}", raw))


def document_date(doc: Document, lang: str) -> dt.date | None:
    """The document's date: the input's ``date``, else the date of its dateline.

    Parameters
    ----------
    doc : Document
        The input article.
    lang : str
        Its language.

    Returns
    -------
    datetime.date or None
    """
    if doc.date is not None:
        return doc.date
    line = find_dateline(doc.text, lang)
    return line.date if line else None
