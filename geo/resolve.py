"""Resolution: choose one gazetteer entity for each recognised name.

The model is a score per candidate, summed from documented evidence; the winner is the
highest score and the mention's confidence is the two-way softmax of the winner against
the best alternative (1.0 when there is none; 0.5 when the two tie), lowered by a fifth for
names of three letters or fewer and for minor alternate spellings.

``prior``
    Kind and size: a country 4.0 (at most ``1 + log10(population + 10) / 2``: "Norfolk" is
    no more Norfolk Island, 2,000 people, than a town), a composite region 3.5, a sea 3.0, an
    admin-1 unit 2.4, a city ``log10(population + 10) / 2`` (1 million people ~ 3.0, 10,000
    ~ 2.0), a national capital +1.0 (news names capitals for their governments); a name that
    is only a minor alternate spelling of the entity -1.0.
``name``
    +0.3 when the name as written is the entity's English name, +0.9 for an area ("Sudan"
    before South Sudan); when the name is a country's own name, a city gets -1.0 ("Mexico" is
    neither Mexico City nor Mexico, Missouri, unless the text supports the town or asks for one).
``area``
    "la zona di Kharkiv", "the region of", "oblast": +2.5 for an admin-1 unit or region (not for a unit of
    a country the document does not name when another reading lies in one it does: "la regione di Beni"
    in a report on Congo is not Bolivia's El Beni);
    without such a cue an admin-1 unit that holds a namesake city of 10,000 people or
    more ("Paris", "Kharkiv", "L'Aquila") gets -1.5: the bare name means the city; so does a
    unit of a country of fewer than 20 million people named like a city of 100,000 abroad
    ("Manchester", "Bari": not the parish of Jamaica, not the region of Somalia). A unit named like a sea
    among the readings ("Red Sea": Egypt's and Sudan's provinces) gets -1.5 too: the name means the sea.
``home``
    +0.4 for a candidate in one of the countries of the document's language (lexicon
    ``home_countries``: "a Bari" in Italian is Bari, Italy; "à Brest" in French is Brest,
    France; "à Orange" is Orange, Vaucluse, not Orange, California, 4.6 times larger), a tie-breaker
    between towns up to about six times apart in size (not Filadelfia, Turin, over Philadelphia);
    English and Spanish, spoken in many countries, have none.
``qualifier``
    "Paris, Texas", "Alexandria, Louisiana", "Columbus, Ga.": +5 when the name right after the
    comma (its longest one to three words the gazetteer knows) is the candidate's admin-1 unit or
    country; the other mentions of the name in the document, unqualified, take the same
    qualifier; and the qualifying name itself takes the unit ("Athens, Georgia": the state).
``context``
    Countries the document is about (its unambiguous names and dateline, weighted by
    count, a region's one vote shared by its members; an admin-1 unit named like one of its cities is
    no unambiguous name; a country named as written is one, though another country or an area is also
    so called, when no reading outranks it and no other area is so named: "Sudan", also a name of South
    Sudan, is Sudan; when the other areas so named are admin-1 units, the country votes unless an anchor
    votes for the country of a unit abroad or another name has a town inside it: "Mali" is Mali beside no
    place of Guinea, "Guatemala" always Guatemala, "Niger" beside Nigeria or a town of Niger State no
    vote): up to +2.0 for a candidate in one of them. A country with less than half of
    the votes lifts no town over a bigger namesake ("ministers from the United States, Russia, Turkey
    and Ukraine met in Geneva": Geneva, Switzerland, not Geneva, Illinois), unless that namesake is no
    city of 100,000 and lies in a country the document does not name: then a town's share is counted
    among the votes of its readings' countries only ("the base of Tapa" in a report on Estonia and its
    allies: not Tapa, India). A name is no context for itself: "Lebanon" three times, read first as
    the country, does not vote for Lebanon (the dateline does).
``coherence`` (second pass, against the other names as first resolved)
    Only other names count, and not when they are first read as one of this name's own
    readings ("Dublin City" does not support Dublin, Ireland, for "Dublin"). A street named
    after a town ("Post Road") lends the town's point, not its state nor a country vote.
    +1.0 for a city in an admin-1 unit the document names, +0.3 in one that only holds another
    of its cities (Boston beside New York City is still Boston, Massachusetts);
    +1.0 for an admin-1 unit per other city of the document inside it, and for a country per other
    city or admin-1 unit inside it (at most +2.0); +1.0 more for the unit when a country of the same
    name holds no other place of the document ("Georgia" beside Atlanta is the state);
    +0.6 when another city of the document lies within 300 km (Paris next to Brussels
    is Paris, France); when one country has half the document's votes (each anchor once, the
    other names' first readings half, once per name), +0.6 for each other name (up to three) with a reading in
    that country within 100 km ("Palestine", "Athens" and "Tyler": the Texan towns); names first
    read as states or countries lend no town readings (Mexico, Missouri, is not "near" California
    and Oregon, though towns of those names are).
``list``
    +2.0 for a reading of the same kind as a neighbour in a list ("Missouri, New York, North
    Carolina and Virginia": the state, not the city), when the neighbour is a country or an
    admin-1 unit of the same country.
``COMPASS_ABROAD`` (a rule, no score)
    A name of compass words ("North East", "West Coast", "Sud-Est"), read as an admin-1 unit or a town of a
    country that no other name of the document votes for, while they vote for others, is left unresolved:
    it is a part of a country the report is about, not Botswana's North East in a report on Nigeria. Such a
    name casts no vote in pass 1 unless it is the dateline: "Central region" and "Eastern region" of one
    report would vote each other into Ghana.
``locality``
    "Palestine police", "the mayor of Lebanon", "il sindaco di Paris", French "à Luxembourg": +2.5
    for a city; a country or an area has no police chief or mayor. French "au Québec", "du Mali"
    (lexicon ``not_town_after``): -2.5 for a city.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from geo.cues import lookup_candidates
from geo.normalize import fold_key
from geo.sentences import joins_list

KIND_PRIOR = {"country": 4.0, "region": 3.5, "admin1": 2.4, "other": 3.0}
CAPITAL_BONUS = 1.0
HOME_BONUS = 0.4
ALTERNATE_PENALTY = -1.0
AREA_BONUS = 2.5
LOCALITY_BONUS = 2.5
LIST_BONUS = 2.0
QUALIFIER_BONUS = 5.0
CONTEXT_WEIGHT = 2.0
ADMIN1_CONTEXT_BONUS = 1.0
HELD_ADMIN1_BONUS = 0.3
COHERENCE_BONUS = 0.6
COHERENCE_KM = 300.0
NAMESAKE_PENALTY = -1.5
NAME_MATCH_BONUS = 0.3
COUNTRY_NAME_PENALTY = -1.0
DOMINANT_SHARE = 0.5
LOCAL_KM = 100.0
LOCAL_BONUS = 0.6
NAMESAKE_MIN_POPULATION = 10_000
FAMOUS_NAMESAKE_POPULATION = 100_000
SMALL_COUNTRY_POPULATION = 20_000_000
VOTE_EPS = 1e-6  # votes are shares of regions: below this, a country has none (float remainders)


@dataclass
class Resolution:
    entity: object  # geo.model.Entity
    confidence: float


def prior(candidate) -> float:
    """Score of a candidate before any context."""
    e = candidate.entity
    if e.kind == "city":
        score = math.log10(max(e.population, 0) + 10) / 2
        if e.capital_of:
            score += CAPITAL_BONUS
    else:
        score = KIND_PRIOR.get(e.kind, 1.0)
        if e.kind == "country" and e.population:
            # a territory of a few thousand people is no more famous than a town ("Norfolk" Island)
            score = min(score, 1.0 + math.log10(e.population + 10) / 2)
    if not candidate.primary:
        score += ALTERNATE_PENALTY
    return score


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_QUALIFIER_STOP = re.compile(r"[,;:()\n\u2013\u2014]")


def _qualifier_ids(text: str, end: int, gazetteer) -> set[str]:
    """Entity ids of the name after "X, ": the longest of its first one to three words that the
    gazetteer or an alias knows ("Paris, Texas —", "Columbus, Ga., on Tuesday", "Athens, Georgia and")."""
    if text[end : end + 2] != ", ":
        return set()
    rest = text[end + 2 : end + 40]
    stop = _QUALIFIER_STOP.search(rest)
    words = list(re.finditer(r"\S+", rest[: stop.start() if stop else len(rest)]))[:3]
    if not words or not words[0].group()[:1].isupper():
        return set()
    for k in range(len(words), 0, -1):
        name = rest[words[0].start() : words[k - 1].end()]
        if _LIST_GOES_ON.match(text, end + 2 + words[k - 1].end()):
            continue  # "Washington, New York and Boston": a list, not Washington in New York
        for key in dict.fromkeys((fold_key(name), fold_key(name.rstrip(".")))):
            ids = {c.entity.id for c in lookup_candidates(gazetteer, key)}
            if ids:
                return ids
    return set()


_LIST_GOES_ON = re.compile(r"\s*(?:,|and|or|e|et|y|und)\s+(?:the\s+)?[A-Z]")


def resolve_spans(spans: list, text: str, gazetteer, *, home_countries: frozenset[str] = frozenset()
                  ) -> list[Resolution]:
    """Resolve every span (same order), using the whole document as context.

    Parameters
    ----------
    spans : list of geo.toponyms.Span
        Recognised names with their candidates.
    text : str
        Document text (for "Paris, Texas" qualifiers).
    gazetteer : geo.gazetteer.Gazetteer
    home_countries : frozenset of str, optional
        ISO codes of the countries of the document's language (``home`` above).

    Returns
    -------
    list of Resolution
    """
    # Pass 1: anchors = names with one plausible reading (a sole candidate, or a single area reading
    # that outranks every city reading), plus the dateline.  They vote for the document's countries.
    country_votes: Counter[str] = Counter()
    own_votes: dict[str, Counter[str]] = {}  # a name is no context for itself
    beside_units = []  # (span, country, its namesake units abroad): "Mali", also a prefecture of Guinea
    for span in spans:
        if not span.candidates:
            continue
        best = max(span.candidates, key=prior)
        areas = [c for c in span.candidates if c.entity.kind in ("country", "region", "admin1")]
        if len(areas) > 1:  # "Sudan": Sudan, and South Sudan by another of its names
            areas = _country_named_as_written(span.surface, areas, best)
            best = areas[0] if len(areas) == 1 else best
            units = _country_beside_units(span.surface, areas, best) if len(areas) > 1 else None
            if units and not span.locality_hint:  # (a country's own name is never a compass name: no check)
                beside_units.append((span, *units))
        area_anchor = len(areas) == 1 and best in areas and not span.locality_hint \
            and not _namesake_city(best.entity, span.candidates, gazetteer)  # "Nelson": the NZ region or the towns?
        sole = len(span.candidates) == 1 and span.candidates[0].primary  # not "Twickenham", an old name of Huntsville
        # a compass name ("Central region") casts no vote but as the dateline: two of them in a report on
        # Kenya would vote each other into Ghana (rule COMPASS_ABROAD)
        if (sole or span.dateline or area_anchor) and (span.dateline or not span.compass):
            codes = _countries(best.entity, gazetteer)
            for code in codes:  # a region's vote is shared by its members: the EU is no vote for each of 27
                country_votes[code] += 1 / len(codes)
                if not span.dateline:  # the dateline is context for the same name in the body
                    own_votes.setdefault(fold_key(span.surface), Counter())[code] += 1 / len(codes)
    # A country whose very name is also an admin-1 unit's votes when no other anchor votes for the country
    # of a unit abroad and no other name has a town in it: "Mali" in a report naming no place of Guinea is
    # Mali; "Guatemala", also one of its own departments, always; "Niger" beside Nigeria, "Georgia" beside
    # Atlanta stay ambiguous
    anchored = +country_votes
    held = _units_holding_towns(spans, {u.entity.admin1 for _, _, units in beside_units for u in units})
    for span, country, units in beside_units:
        key = fold_key(span.surface)
        if not any(anchored.get(u.entity.country, 0) > VOTE_EPS or held.get(u.entity.admin1, {key}) - {key}
                   for u in units):
            country_votes[country.entity.country] += 1
            if not span.dateline:
                own_votes.setdefault(fold_key(span.surface), Counter())[country.entity.country] += 1
    # One name, one place: "Paris, Tenn." qualifies every later "Paris" of the document.
    qualifiers: dict[str, set[str]] = {}
    qualifying: dict[int, set[str]] = {}  # span index -> the units its qualified neighbour lies in
    quals = [_qualifier_ids(text, span.end, gazetteer) if span.candidates else set() for span in spans]
    for k, span in enumerate(spans):
        found = quals[k]
        units = {u for c in span.candidates for u in (f"admin1:{c.entity.admin1}", f"country:{c.entity.country}")
                 } if found else set()
        if found & units:
            qualifiers.setdefault(fold_key(span.surface), set()).update(found)
            if k + 1 < len(spans) and text[span.end : spans[k + 1].start] == ", ":
                qualifying[k + 1] = found & units  # "Athens, Georgia": Georgia is the state Athens is in
    keys = [fold_key(span.surface) for span in spans]
    # once per name, when a name of several readings asks; Counter subtraction keeps the positive counts only
    # (a name's own votes are all positive)
    votes_without: dict[str, Counter[str]] = {}
    base, known = [], {}  # a name repeated with the same readings, cues and qualifier scores the same
    for k, (span, key) in enumerate(zip(spans, keys, strict=True)):
        qual = quals[k] or qualifiers.get(key, set())
        if len(span.candidates) == 1:
            base.append([0.0])  # a sole reading is the reading, whatever it scores (see pass 2)
            continue
        same = (key, tuple((c.entity.id, c.primary) for c in span.candidates), span.area_hint,
                span.locality_hint, span.not_town, frozenset(qual))
        if same not in known:
            votes = country_votes
            if key in own_votes:
                votes = votes_without.get(key)
                if votes is None:
                    votes = votes_without[key] = country_votes - own_votes[key]
            known[same] = _base_scores(span, gazetteer, votes, qual, home_countries)
        base.append(list(known[same]))
    for k, ids in qualifying.items():
        base[k] = [sc + QUALIFIER_BONUS * (c.entity.id in ids) for c, sc in zip(spans[k].candidates, base[k],
                                                                                  strict=True)]
    tops = [span.candidates[_argmax(sc)].entity if sc else None for span, sc in zip(spans, base, strict=True)]
    hinted = set()  # "Morecambe Road" names no town, but the town it is named after is likely near
    for k, span in enumerate(spans):
        if not span.candidates and span.context:
            tops[k] = max(span.context, key=prior).entity
            hinted.add(k)

    # Local news: when one country dominates, towns whose namesakes cluster together support each
    # other ("Palestine", "Athens" and "Tyler" all have a Texan reading within 100 km).
    # The first readings vote too, at half weight: a page of ambiguous town names ("Columbus",
    # "Grove City", "Madison") still shows which country it is about.
    # One vote per name, however often it is repeated.
    first_readings = {fold_key(spans[j].surface): t.country for j, t in enumerate(tops)
                      if t is not None and t.country and j not in hinted}
    # Anchors count once per name here, the dateline's votes as they are.
    anchors, repeated = Counter(), Counter()
    for counter in own_votes.values():
        anchors.update(set(counter))
        repeated.update(counter)
    anchors.update(country_votes - repeated)
    votes = anchors + Counter({k: v / 2 for k, v in Counter(first_readings.values()).items()})
    dominant = votes.most_common(1)[0][0] if votes else None
    if dominant is not None and votes[dominant] / (sum(votes.values()) or 1) < DOMINANT_SHARE:
        dominant = None
    # Names first read as states or countries ("California", "Oregon") lend no town readings.
    local = _local_points([s for s, t in zip(spans, tops, strict=True) if t is None or t.kind == "city"], dominant)
    readings = _FirstReadings(spans, tops, hinted)
    support: dict[tuple[str, str], int] = {}  # (entity id, surface) -> _local_support

    # Pass 2: coherence with the other places as first resolved (other surfaces only).
    out = []
    for i, (span, scores) in enumerate(zip(spans, base, strict=True)):
        if not scores:
            out.append(Resolution(None, 0.0))  # a name the gazetteer does not hold ("Laurel County")
            continue
        qualifier = quals[i] or qualifiers.get(keys[i])
        if len(scores) == 1:  # one reading: no bonus can rank it, no runner-up lowers its confidence
            sole = span.candidates[0]
            abroad = _compass_abroad(span, sole, country_votes, qualifier)
            out.append(Resolution(None, 0.0) if abroad
                       else Resolution(sole.entity, _confidence(1.0, span.surface, sole.primary)))
            continue
        # Other names, whose readings are not this name's own ("Dublin City" does not support Dublin).
        others = readings.others(span.surface, frozenset(c.entity.id for c in span.candidates))
        list_kinds = _list_neighbour_kinds(spans, tops, i, text)
        # Local support ranks towns among themselves: it does not put Florida, New York, before the state.
        area_reading = any(c.entity.kind in ("country", "admin1") and c.entity.country == dominant
                           for c in span.candidates)
        countries = [c.entity.country for c in span.candidates if c.entity.kind == "country"]
        unsupported_country = bool(countries) and not any(others.places_in_country(code) for code in countries)
        final = []
        for cand, sc in zip(span.candidates, scores, strict=True):
            e = cand.entity
            kind = e.kind
            if list_kinds and (kind, e.country if kind == "admin1" else None) in list_kinds:
                sc += LIST_BONUS  # states of one country, or countries: not "Mexico, Texas and California"
            if kind == "admin1":
                if e.admin1:
                    inside = others.cities_in_admin1(e.admin1)
                    sc += min(inside, 2) * ADMIN1_CONTEXT_BONUS  # "Georgia" next to Atlanta and Savannah
                    if inside and unsupported_country:
                        sc += ADMIN1_CONTEXT_BONUS  # the state holds a place of the text, the country none
            elif kind == "country":
                sc += min(others.places_in_country(e.country), 2) * ADMIN1_CONTEXT_BONUS  # "Mexico" next to Oaxaca
            elif kind == "city" and not span.area_hint:  # "nella regione di Tula" beside Kaluga: still the oblast
                if others.names_admin1(e.admin1):
                    sc += ADMIN1_CONTEXT_BONUS  # "Georgia ... Athens"
                elif others.holds_admin1(e.admin1):
                    sc += HELD_ADMIN1_BONUS  # Boston, New York, beside New York City: weaker
                if others.city_near(e):
                    sc += COHERENCE_BONUS
                if e.country == dominant and not area_reading:
                    key = (e.id, span.surface)  # a name repeated in the text asks again: once per document
                    if key not in support:
                        support[key] = _local_support(e, span.surface, local)
                    sc += LOCAL_BONUS * min(support[key], 3)
            final.append(sc)
        top = _argmax(final)
        if _compass_abroad(span, span.candidates[top], country_votes, qualifier):
            out.append(Resolution(None, 0.0))  # rule COMPASS_ABROAD: "West Coast" is no unit of New Zealand here
            continue
        runner_up = max((x for k, x in enumerate(final) if k != top), default=None)
        # Two-way softmax between the winner and the best alternative: 0.5 is a coin toss.
        margin = 1.0 if runner_up is None else 1.0 / (1.0 + math.exp(runner_up - final[top]))
        out.append(Resolution(span.candidates[top].entity,
                              round(_confidence(margin, span.surface, span.candidates[top].primary), 3)))
    return out


def _confidence(margin: float, surface: str, primary: bool) -> float:
    """The confidence of a reading: its ``margin`` over the runner-up (1.0 without one), times 0.8 when the
    name has three letters or fewer or is not the place's primary name (both paths of :func:`resolve_spans`)."""
    return margin * 0.8 if len(surface) <= 3 or not primary else margin


def _list_neighbour_kinds(spans: list, tops: list, i: int, text: str) -> set[tuple[str, str | None]]:
    """(kind, country) of the first readings, countries or admin-1 units, of the names listed right
    beside span i."""
    kinds = set()
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans) and tops[j] is not None and tops[j].kind in ("country", "admin1"):
            a, b = (spans[j], spans[i]) if j < i else (spans[i], spans[j])
            gap = text[a.end : b.start]
            if not joins_list(gap):
                continue
            kinds.add((tops[j].kind, tops[j].country if tops[j].kind == "admin1" else None))
    return kinds


#: Up to this many cities read, a name's nearness to them is asked of each, without the spatial index.
FEW_CITIES = 16
#: Cell of the index of the first readings' cities, on each axis of the unit sphere: two points less than
#: ``COHERENCE_KM`` apart (a chord of 0.047) are in the same or a neighbouring cell.
_CELL = 0.05
#: Cells of the local points' index, in degrees: the size of the box ``_local_support`` looks in.
_LOCAL_CELL = (1.0, 1.5)


@lru_cache(maxsize=1 << 16)  # a place's cell, asked again by every document that reads the place
def _cell(lat: float, lon: float) -> tuple[int, int, int]:
    p, lam = math.radians(lat), math.radians(lon)
    return (math.floor(math.cos(p) * math.cos(lam) / _CELL), math.floor(math.cos(p) * math.sin(lam) / _CELL),
            math.floor(math.sin(p) / _CELL))


class _FirstReadings:
    """The first readings of a document's names, indexed so that the evidence "the other names" give one
    name is read from counts and a spatial index, not by comparing it with every other name.

    The other names of a name are the mentions with a first reading, another surface, and a reading that
    is not one of this name's own candidates; :meth:`others` gives them as an :class:`_Others` view.
    """

    def __init__(self, spans: list, tops: list, hinted: set[int]):
        self.mentions: Counter[str] = Counter()  # entity id -> mentions read as it
        self.unhinted: Counter[str] = Counter()  # ... not counting hints ("Post Road")
        self.by_surface: dict[str, list[int]] = {}
        self.tops = tops
        self.hinted = hinted
        self.named: dict[str, dict[str, None]] = {}  # admin-1 code -> the units read with it
        self.held: dict[str, dict[str, None]] = {}  # admin-1 code -> its cities (hints excluded)
        self.cities: dict[str, dict[str, None]] = {}  # admin-1 code -> its cities
        self.in_country: dict[str | None, dict[str, None]] = {}  # country -> its cities and admin-1 units
        self.grid = _Grid()  # the cities, by cell
        for j, t in enumerate(tops):
            if t is None:
                continue
            self.mentions[t.id] += 1
            self.by_surface.setdefault(spans[j].surface, []).append(j)
            if j not in hinted:
                self.unhinted[t.id] += 1
            if t.kind == "admin1" and t.admin1:
                self.named.setdefault(t.admin1, {})[t.id] = None
            if t.kind == "city":
                self.grid.cells.setdefault(_cell(t.lat, t.lon), {})[t.id] = t
                if t.admin1:
                    self.cities.setdefault(t.admin1, {})[t.id] = None
                    if j not in hinted:
                        self.held.setdefault(t.admin1, {})[t.id] = None
            if t.kind in ("city", "admin1"):
                self.in_country.setdefault(t.country, {})[t.id] = None
        # The views and what they read hold no reference back to this object: no reference cycle, so a
        # document's readings are freed as soon as it is resolved, not left to the garbage collector.
        self.views: dict[tuple[str, frozenset[str]], _Others] = {}

    def others(self, surface: str, own: frozenset[str]) -> _Others:
        """The other names of a name written ``surface`` whose candidates are ``own``."""
        view = self.views.get((surface, own))
        if view is None:
            gone: dict[str, int] = {}
            gone_unhinted: dict[str, int] = {}
            for j in self.by_surface.get(surface, ()):
                top = self.tops[j].id
                gone[top] = gone.get(top, 0) + 1
                if j not in self.hinted:
                    gone_unhinted[top] = gone_unhinted.get(top, 0) + 1
            absent = set(own) | {i for i, n in gone.items() if n == self.mentions[i]}
            absent_unhinted = set(own) | {i for i, n in gone_unhinted.items() if n == self.unhinted[i]}
            view = self.views[(surface, own)] = _Others(self.cities, self.in_country, self.named, self.held,
                                                        self.grid, absent, absent_unhinted)
        return view


class _Grid:
    """The first readings' cities by cell of :func:`_cell`."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int, int], dict[str, object]] = {}  # cell -> cities
        self._around: dict[tuple[int, int, int], list[tuple[str, object]]] = {}
        self._all: list[tuple[str, object]] | None = None

    def cities(self) -> list[tuple[str, object]]:
        """(id, city) of every city of the grid (listed once: the grid is complete when it is first asked)."""
        if self._all is None:
            self._all = [item for cities in self.cells.values() for item in cities.items()]
        return self._all

    def around(self, cell: tuple[int, int, int]) -> list[tuple[str, object]]:
        """(id, city) of the cities in ``cell`` and the 26 cells about it, gathered once per cell asked
        about (a document asks about few cells: spreading every city over its 27 cells cost more)."""
        found = self._around.get(cell)
        if found is None:
            found = []
            if self.cells:
                x, y, z = cell
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        for dz in (-1, 0, 1):
                            cities = self.cells.get((x + dx, y + dy, z + dz))
                            if cities:
                                found.extend(cities.items())
            self._around[cell] = found
        return found


class _Others:
    """The other names of one name: the first readings less the entities in ``absent`` (``absent_unhinted``
    when hints do not count)."""

    def __init__(self, cities: dict[str, dict[str, None]], in_country: dict[str | None, dict[str, None]],
                 named: dict[str, dict[str, None]], held: dict[str, dict[str, None]], grid: _Grid,
                 absent: set[str], absent_unhinted: set[str]):
        self.cities, self.in_country, self.named, self.held, self.grid = cities, in_country, named, held, grid
        self.absent = absent
        self.absent_unhinted = absent_unhinted
        self._near: dict[str, bool] = {}

    def _count(self, ids: dict[str, None] | None, cap: int = 2) -> int:
        n = 0
        for i in ids or ():
            if i not in self.absent:
                n += 1
                if n == cap:
                    break
        return n

    def cities_in_admin1(self, code: str) -> int:
        """Distinct cities in admin-1 unit ``code`` (counted up to two)."""
        return self._count(self.cities.get(code))

    def places_in_country(self, code: str | None) -> int:
        """Distinct cities and admin-1 units in country ``code`` (counted up to two)."""
        return self._count(self.in_country.get(code))

    def names_admin1(self, code: str | None) -> bool:
        """Whether an admin-1 unit ``code`` is read."""
        return bool(code) and self._count(self.named.get(code), 1) > 0

    def holds_admin1(self, code: str | None) -> bool:
        """Whether a city in admin-1 unit ``code`` is read (hints excluded)."""
        return bool(code) and any(i not in self.absent_unhinted for i in self.held.get(code, ()))

    def city_near(self, e) -> bool:
        """Whether a city is read within ``COHERENCE_KM`` of ``e`` (not at its very point)."""
        if e.id not in self._near:
            self._near[e.id] = self._city_near(e)
        return self._near[e.id]

    def _city_near(self, e) -> bool:
        lat, lon, absent = e.lat, e.lon, self.absent
        # Few cities (most documents): each is asked; many: only those of the cells about ``e`` (they hold
        # every city within COHERENCE_KM, so both give the same answer).
        cities = self.grid.cities()
        near = cities if len(cities) <= FEW_CITIES else self.grid.around(_cell(lat, lon))
        for i, t in near:
            if i not in absent and abs(t.lat - lat) < COHERENCE_KM / 110 \
                    and 0 < haversine_km(lat, lon, t.lat, t.lon) < COHERENCE_KM:
                return True
        return False


def _local_points(spans: list, country: str | None) -> dict[tuple[int, int], list[tuple[str, float, float]]]:
    """Cell -> (surface, lat, lon) of the city readings in ``country`` (empty without a dominant country)."""
    points: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    if country is None:
        return points
    for span in spans:
        for c in span.candidates:
            if c.entity.kind == "city" and c.entity.country == country:
                la, lo = c.entity.lat, c.entity.lon
                cell = (math.floor(la / _LOCAL_CELL[0]), math.floor(lo / _LOCAL_CELL[1]))
                points.setdefault(cell, []).append((span.surface, la, lo))
    return points


def _local_support(e, surface: str, local: dict[tuple[int, int], list[tuple[str, float, float]]]) -> int:
    """How many other names of the document have a reading within ``LOCAL_KM`` of ``e``."""
    near = set()
    cx, cy = math.floor(e.lat / _LOCAL_CELL[0]), math.floor(e.lon / _LOCAL_CELL[1])
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for other, la, lo in local.get((cx + dx, cy + dy), ()):
                if other != surface and other not in near and abs(la - e.lat) < 1.0 and abs(lo - e.lon) < 1.5 \
                        and haversine_km(e.lat, e.lon, la, lo) < LOCAL_KM:
                    near.add(other)
    return len(near)


def _argmax(scores: list[float]) -> int:
    return max(range(len(scores)), key=lambda k: (scores[k], -k))


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """:func:`geo.normalize.fold_key` of a gazetteer name, kept: every mention of a document asks it
    again for each of its candidates."""
    return fold_key(name)


def _base_scores(span, gazetteer, country_votes: Mapping[str, float], qual_entities: set[str],
                 home_countries: frozenset[str]) -> list[float]:
    """Prior, area cue, "X, Y" qualifier and country context for each candidate of a span. ``country_votes``
    is the document's :class:`collections.Counter` of votes, or those left without the name's own votes."""
    surface_key = fold_key(span.surface)
    names_country = any(c.entity.kind == "country" and _name_key(c.entity.name) == surface_key for c in span.candidates)
    total = sum(country_votes.values()) or 1
    biggest = max((c.entity.population for c in span.candidates if c.primary and c.entity.kind == "city"), default=0)
    # The biggest town is no famous namesake and lies in a country the document does not name: a named
    # country's share lifts its smaller town over it ("la base de Tapa" beside Estonia: not Tapa, India).
    rival_unnamed = biggest < FAMOUS_NAMESAKE_POPULATION and not any(
        country_votes.get(c.entity.country, 0) > VOTE_EPS for c in span.candidates
        if c.primary and c.entity.kind == "city" and c.entity.population == biggest)
    # ... and its share is taken among the readings' countries only: the text names Estonia, not India.
    reading_votes = sum(country_votes.get(c, 0) for c in {c.entity.country for c in span.candidates}) or 1
    voted_elsewhere = any(country_votes.get(c.entity.country, 0) > VOTE_EPS
                          for c in span.candidates if c.entity.country)
    seas = {_name_key(c.entity.name) for c in span.candidates if c.entity.kind == "other"}
    scores = []
    for cand in span.candidates:
        e = cand.entity
        s = prior(cand)
        if names_country and e.kind == "city" and not span.locality_hint:
            s += COUNTRY_NAME_PENALTY  # "Mexico" names the country, not Mexico City nor Mexico, Missouri
        name_key = _name_key(e.name)
        if name_key == surface_key:
            # "Sudan" is Sudan before South Sudan; "Mexico" is the country before Mexico City.
            s += NAME_MATCH_BONUS * (3 if e.kind in ("country", "admin1", "region", "other") else 1)
        sea_named = e.kind == "admin1" and name_key in seas
        if span.area_hint and e.kind in ("admin1", "region") and not sea_named and (not (
                e.kind == "admin1" and voted_elsewhere and country_votes.get(e.country, 0) <= VOTE_EPS)
                or _holds_its_namesake(e, span.candidates)):
            s += AREA_BONUS  # "la regione di Beni" in a report on Congo: not Bolivia's department of El Beni
        elif e.kind == "admin1" and _namesake_city(e, span.candidates, gazetteer):
            s += NAMESAKE_PENALTY  # "Paris", "Kharkiv": the city, unless the text asks for the area
        if sea_named:
            s += NAMESAKE_PENALTY  # "Red Sea": the sea, not the provinces named after it
        if span.locality_hint and e.kind == "city":
            s += LOCALITY_BONUS
        if span.not_town and e.kind == "city":
            s -= LOCALITY_BONUS  # "au Québec": the province
        if qual_entities and e.id not in qual_entities and (
                f"admin1:{e.admin1}" in qual_entities or f"country:{e.country}" in qual_entities):
            s += QUALIFIER_BONUS
        if e.country:
            share = country_votes.get(e.country, 0) / (reading_votes if rival_unnamed and e.kind == "city" else total)
            if share >= 0.5 or e.kind != "city" or e.population >= biggest or rival_unnamed:
                s += CONTEXT_WEIGHT * share  # a minority country lifts no town over a bigger namesake
            if e.country in home_countries:
                s += HOME_BONUS  # a tie-breaker: not the Turin district of Filadelfia over Philadelphia
        scores.append(s)
    return scores


def _compass_abroad(span, reading, country_votes: Counter[str], qualifier: set[str] | None) -> bool:
    """Rule COMPASS_ABROAD: a name of compass words ("North East", "West Coast", "Sud-Est"; the span's
    ``compass``) is a part of a country the document is about, not a unit or town of a country it does not
    name: when the document's names vote for some country and none for a country of the name's readings,
    the name's reading, if an admin-1 unit or a town, is left unresolved (no point in Botswana for a report
    on Nigeria). A compass name casts no vote of its own but as the dateline (pass 1 of
    :func:`resolve_spans`).

    Parameters
    ----------
    span : geo.toponyms.Span
    reading : geo.gazetteer.Candidate
        The reading the name would resolve to.
    country_votes : collections.Counter
        The document's anchor votes (pass 1).
    qualifier : set of str or None
        Entity ids of an "X, Y" qualifier of the name: a qualified name keeps its reading ("North East,
        Maryland", though Maryland, also a town's name, casts no vote).

    Returns
    -------
    bool
        True when the name is to be left unresolved.
    """
    if not span.compass or qualifier or reading.entity.kind not in ("admin1", "city"):
        return False
    return sum(country_votes.values()) > VOTE_EPS and all(country_votes.get(c.entity.country, 0) <= VOTE_EPS
                                                          for c in span.candidates if c.entity.country)


def _country_named_as_written(surface: str, areas: list, best) -> list:
    """The one country among several area readings whose own name is the name as written, when no reading
    outranks it ("Sudan" is Sudan, not South Sudan, which the gazetteer also calls so); else ``areas``.

    Parameters
    ----------
    surface : str
        The name as written.
    areas : list of geo.gazetteer.Candidate
        The name's country, region and admin-1 readings.
    best : geo.gazetteer.Candidate
        The reading of the highest :func:`prior`.

    Returns
    -------
    list of geo.gazetteer.Candidate
        ``[country]`` for such a country ("Niger", also a state of Nigeria of that very name, keeps both).
    """
    country, named = _written_country(surface, areas, best)
    return named if country is not None and len(named) == 1 else areas


def _written_country(surface: str, areas: list, best) -> tuple:
    """The one country among ``areas`` whose own name is ``surface`` as written, primary and outranked by no reading
    (None when there is no such one), and all the readings of that very name (:func:`_country_named_as_written`,
    :func:`_country_beside_units`)."""
    key = fold_key(surface)
    named = [c for c in areas if _name_key(c.entity.name) == key]
    countries = [c for c in named if c.entity.kind == "country"]
    if len(countries) != 1 or not countries[0].primary or prior(countries[0]) < prior(best):
        return None, named
    return countries[0], named


def _country_beside_units(surface: str, areas: list, best) -> tuple | None:
    """The one country among several area readings whose own name is the name as written, when no reading
    outranks it and the other areas of that very name are admin-1 units ("Mali", also a prefecture of
    Guinea; "Niger", a state of Nigeria; "Guatemala", a department of Guatemala itself), with the units of
    other countries among them; else None.

    Parameters
    ----------
    surface : str
        The name as written.
    areas : list of geo.gazetteer.Candidate
        The name's country, region and admin-1 readings.
    best : geo.gazetteer.Candidate
        The reading of the highest :func:`prior`.

    Returns
    -------
    tuple of (geo.gazetteer.Candidate, list of geo.gazetteer.Candidate) or None
        The country's reading and the units' readings in other countries (none for "Guatemala").
    """
    country, named = _written_country(surface, areas, best)
    if country is None:
        return None
    units = [c for c in named if c is not country]
    if not units or any(c.entity.kind != "admin1" or not c.entity.country for c in units):
        return None
    return country, [c for c in units if c.entity.country != country.entity.country]


def _units_holding_towns(spans: list, units: set[str]) -> dict[str, set[str]]:
    """Admin-1 code -> the folded names of the document with a town reading inside that unit, for ``units``."""
    held: dict[str, set[str]] = {}
    if not units:
        return held
    for span in spans:
        for c in span.candidates:
            if c.entity.kind == "city" and c.entity.admin1 in units:
                held.setdefault(c.entity.admin1, set()).add(fold_key(span.surface))
    return held


def _holds_its_namesake(e, candidates) -> bool:
    """An admin-1 unit that holds a city of its name of at least 10,000 people among the readings: "la
    regione di Voronezh" is Voronezh Oblast even when the text names Ukraine, which has a Voronizh too."""
    return any(c.entity.kind == "city" and c.primary and c.entity.admin1 == e.admin1
               and c.entity.population >= NAMESAKE_MIN_POPULATION for c in candidates)


def _namesake_city(e, candidates, gazetteer) -> bool:
    """An admin-1 unit that holds a city of the same name with at least 10,000 people; or a unit of
    a country of fewer than 20 million people that shares its name with a city of 100,000 in another
    country ("Manchester" is no parish of Jamaica, "Bari" no region of Somalia; Ontario stays Ontario)."""
    if e.kind != "admin1":
        return False
    if _holds_its_namesake(e, candidates):
        return True
    small = None
    for c in candidates:
        if c.entity.kind != "city" or not c.primary:
            continue
        if c.entity.population >= FAMOUS_NAMESAKE_POPULATION and c.entity.country != e.country:
            if small is None:
                small = _country_population(gazetteer, e.country) < SMALL_COUNTRY_POPULATION
            if small:
                return True
    return False


@lru_cache(maxsize=4096)
def _country_population(gazetteer, code: str | None) -> int:
    try:
        return gazetteer.get(f"country:{code}").population or 0
    except Exception:  # noqa: BLE001 - a unit of a territory the gazetteer holds no country for
        return 0


def _countries(entity, gazetteer) -> list[str]:
    if entity.country:
        return [entity.country]
    codes = []
    for member in getattr(entity, "members", ()):
        try:
            m = gazetteer.get(member)
        except Exception:  # noqa: BLE001 - a region member missing from a trimmed gazetteer
            continue
        if m.country:
            codes.append(m.country)
    return codes
