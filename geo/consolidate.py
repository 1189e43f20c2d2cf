"""Many reports, one fact: figures of different documents that report the same event.

A *report* is one figure of one document (a row of ``figures.geojson``).  Two reports are
**compatible** when

* they are of the same ``kind``, ``status`` and ``per_unit``;
* their places match or contain each other: one of the places of one is a place of the
  other, or holds it (a city's admin-1 unit and country, an admin-1 unit's country, a
  composite region holding that country: Kharkiv is in Kharkiv Oblast, in Ukraine, in
  Eastern Europe);
* their dates are at most ``date_window_days`` apart (per kind); a report without a date
  matches any date;
* their values are compatible: each value stands for an interval widened by its qualifier
  (``value_margins``: "about 12,000" covers 9,600-14,400, "more than 10,000" 10,000-16,000,
  a range its own bounds), and the two intervals overlap;
* they come from different documents (a document that gives two figures of one kind at one
  place is telling two facts).

An **event** is a group of reports every two of which are compatible (reports are taken in
input order; each joins the first event it is compatible with, else starts one), so a chain
of near values never drifts (10,000 ~ 12,000 ~ 15,000 ~ 19,000 is not one event).
Disagreeing values stay side by side in the event ("12,000 (3 reports) – 15,000 (1 report)"),
never averaged.  Reports without a place are events of their own.  The thresholds are data:
``geo/data/consolidation.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from geo.approximate import locator_id
from geo.duplicates import settings
from geo.errors import GazetteerError

#: The most specific place kinds first: an event is drawn at its most specific report's places.
_SPECIFICITY = {"city": 0, "other": 1, "admin1": 2, "country": 3, "region": 4}


@dataclass(slots=True)
class Report:
    """One figure as the merge reads it.

    Attributes
    ----------
    index : int
        Position in the input (the figures frame's row).
    document : str
        Id of the (kept) document.
    kind, status : str
    value : int
    low, high : int or None
        Bounds of a range.
    qualifier : str
    per_unit : bool
    place_ids : tuple of str
    date : datetime.date or None
    """

    index: int
    document: str
    kind: str
    status: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    per_unit: bool
    place_ids: tuple[str, ...]
    date: dt.date | None


class ReportColumns(Sequence):
    """Reports kept as columns of numbers (some 40 bytes each), made into :class:`Report` when read.

    A :class:`Report` object and its numbers take some 250 bytes: the merge of 100,000 documents' half a
    million figures would hold 120 MB of them.  Here each report is a row of arrays; its texts (document,
    kind, status, qualifier), its set of places and its date are numbers into tables of the distinct ones.
    """

    _NONE = -(2 ** 63)  # a missing low or high

    def __init__(self) -> None:
        self._ints = {name: array("q") for name in ("value", "low", "high")}
        self._codes = {name: array("i") for name in ("document", "kind", "status", "qualifier", "place_ids", "date")}
        self._per_unit = array("b")
        self._tables: dict[str, list[Any]] = {name: [] for name in self._codes}
        self._known: dict[str, dict[Any, int]] = {name: {} for name in self._codes}

    def _code(self, name: str, value: Any) -> int:
        table = self._tables[name]
        if name == "document":  # a document's reports come together: one entry per run, no dict of every id
            if not table or table[-1] != value:
                table.append(value)
            return len(table) - 1
        known = self._known[name]
        code = known.get(value)
        if code is None:
            code = known[value] = len(self._tables[name])
            self._tables[name].append(value)
        return code

    def append(self, r: Report) -> None:
        """Add ``r`` at the end (read back, its ``index`` is its position here)."""
        none = self._NONE
        self._ints["value"].append(r.value)
        self._ints["low"].append(none if r.low is None else r.low)
        self._ints["high"].append(none if r.high is None else r.high)
        for name in ("document", "kind", "status", "qualifier", "place_ids", "date"):
            self._codes[name].append(self._code(name, getattr(r, name)))
        self._per_unit.append(bool(r.per_unit))

    def __len__(self) -> int:
        return len(self._per_unit)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        ints, codes, tables, none = self._ints, self._codes, self._tables, self._NONE
        low, high = ints["low"][i], ints["high"][i]
        return Report(index=i if i >= 0 else i + len(self), document=tables["document"][codes["document"][i]],
                      kind=tables["kind"][codes["kind"][i]], status=tables["status"][codes["status"][i]],
                      value=ints["value"][i], low=None if low == none else low, high=None if high == none else high,
                      qualifier=tables["qualifier"][codes["qualifier"][i]], per_unit=bool(self._per_unit[i]),
                      place_ids=tables["place_ids"][codes["place_ids"][i]], date=tables["date"][codes["date"][i]])

    def __iter__(self) -> Iterator[Report]:
        return map(self.__getitem__, range(len(self)))


@dataclass(slots=True)
class _Event:
    """An event being built, with what a new report must agree with: the same answer as comparing it
    with every member (the value intervals' extremes, the dates' extremes, the distinct place sets).

    Its members are their positions in the reports (4 bytes each): the merge of a large corpus holds an
    event per few reports, never the reports themselves (see :meth:`Merger.group_positions`)."""

    members: array = field(default_factory=lambda: array("i"))
    documents: set[str] = field(default_factory=set)
    min_high: float = math.inf
    max_low: float = -math.inf
    first_day: int | None = None
    last_day: int | None = None
    place_sets: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, r: Report, lo: float, hi: float, position: int) -> None:
        self.members.append(position)
        self.documents.add(r.document)
        self.min_high, self.max_low = min(self.min_high, hi), max(self.max_low, lo)
        if r.date is not None:
            d = r.date.toordinal()
            self.first_day = d if self.first_day is None else min(self.first_day, d)
            self.last_day = d if self.last_day is None else max(self.last_day, d)
        self.place_sets.add(r.place_ids)


class Places:
    """What holds a place: its admin-1 unit, its country and the regions holding those."""

    def __init__(self, gazetteer: Any):
        self._gazetteer = gazetteer
        self._regions_of: dict[str, set[str]] = defaultdict(set)
        entities = getattr(gazetteer, "entities", None)
        if entities is not None:
            for region in entities(["region"]):
                for member in region.members:
                    self._regions_of[member].add(region.id)

    @functools.cache  # noqa: B019 - one Places per run, a few thousand ids
    def entity(self, place_id: str):
        """The gazetteer's entity for an id, or ``None``."""
        try:
            return self._gazetteer.get(place_id)
        except (GazetteerError, KeyError, LookupError, AttributeError):
            return None

    @functools.cache  # noqa: B019
    def holders(self, place_id: str) -> frozenset[str]:
        """The place itself and every place that holds it; for an approximate village (:mod:`geo.approximate`),
        its locator's holders, and the locator itself unless it is a town ("near Y" is not in Y)."""
        if (lid := locator_id(place_id)) is not None:
            loc = self.entity(lid)
            held = self.holders(lid) if loc is not None and loc.kind != "city" else self.holders(lid) - {lid}
            return frozenset({place_id} | held)
        out = {place_id}
        e = self.entity(place_id)
        if e is not None:
            if e.admin1 and e.kind != "admin1":
                out.add(f"admin1:{e.admin1}")
            if e.country and e.kind != "country":
                out.add(f"country:{e.country}")
        for pid in list(out):
            out |= self._regions_of.get(pid, set())
        return frozenset(out)

    @functools.cache  # noqa: B019
    def countries(self, place_id: str) -> frozenset[str]:
        """The countries a place lies in (several for a composite region): the merge's blocks; an approximate
        village's are its locator's."""
        if (lid := locator_id(place_id)) is not None:
            return self.countries(lid)
        e = self.entity(place_id)
        if e is None:
            return frozenset({place_id})
        if e.members:
            found: set[str] = set()
            for member in e.members:
                found |= self.countries(member)
            return frozenset(found)
        return frozenset({e.country or place_id})

    @functools.cache  # noqa: B019 - one Places per run, a few thousand place sets
    def match(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Whether a place of ``a`` and a place of ``b`` are the same or one holds the other."""
        return any(p == q or p in self.holders(q) or q in self.holders(p) for p in a for q in b)

    def kind_rank(self, place_ids: Sequence[str]) -> int:
        """How specific a set of places is (0: a city)."""
        ranks = [_SPECIFICITY.get(e.kind, 1) if (e := self.entity(p)) is not None else 1 for p in place_ids]
        return min(ranks) if ranks else 9


def _interval(r: Report, margins: Mapping[str, Mapping[str, float]]) -> tuple[float, float]:
    if r.low is not None and r.high is not None:
        return float(r.low), float(r.high)
    m = margins.get(r.qualifier, margins["exact"])
    return r.value * (1.0 - float(m["low"])), r.value * (1.0 + float(m["high"]))


class Merger:
    """The merge rule of the module docstring, with its thresholds from the settings file."""

    def __init__(self, places: Places, conf: Mapping[str, Any] | None = None):
        conf = conf or settings()["events"]
        self.places = places
        self._windows = {k: int(v) for k, v in conf["date_window_days"].items()}
        self._margins = conf["value_margins"]
        self._slack = float(conf.get("small_count_slack", 0))

    def window(self, kind: str) -> int:
        """Days two reports of this kind may be apart."""
        return self._windows.get(kind, self._windows["default"])

    def compatible(self, a: Report, b: Report) -> bool:
        """Whether two reports may tell the same fact (the rule of the module docstring)."""
        if (a.kind, a.status, a.per_unit) != (b.kind, b.status, b.per_unit) or a.document == b.document:
            return False
        if a.date is not None and b.date is not None and abs((a.date - b.date).days) > self.window(a.kind):
            return False
        lo_a, hi_a = _interval(a, self._margins)
        lo_b, hi_b = _interval(b, self._margins)
        if lo_a > hi_b + self._slack or lo_b > hi_a + self._slack:
            return False
        return self.places.match(a.place_ids, b.place_ids)

    def group(self, reports: Sequence[Report]) -> list[list[Report]]:
        """Group reports into events, in input order (see the module docstring)."""
        return [[reports[i] for i in members] for members in self.group_positions(reports)]

    def group_positions(self, reports: Iterable[Report]) -> list[array]:
        """:meth:`group`, each event given as its reports' positions in ``reports`` (read once, in order):
        a large corpus's reports can be made one at a time (:class:`ReportColumns`) and let go."""
        events: list[_Event] = []
        # (kind, status, per_unit, country, value bucket) -> day (ordinal, None undated) -> events with a report
        # that day whose value interval reaches the bucket: a report is compared only with events it could join.
        blocks: dict[tuple, dict[int | None, array]] = defaultdict(lambda: defaultdict(lambda: array("i")))
        for position, r in enumerate(reports):
            keys = []
            lo, hi = _interval(r, self._margins)
            if r.place_ids:
                countries = set().union(*(self.places.countries(p) for p in r.place_ids))
                keys = [(r.kind, r.status, r.per_unit, c, b) for c in sorted(countries)
                        for b in _buckets(lo - self._slack, hi + self._slack)]
            chosen = None
            found: set[int] = set()  # one set for all the report's blocks, filled in place
            for k in keys:
                self._candidates(blocks.get(k), r, found)
            for i in sorted(found):
                if self._fits(events[i], r, lo, hi):
                    chosen = i
                    break
            if chosen is None:
                chosen = len(events)
                events.append(_Event())
            events[chosen].add(r, lo, hi, position)
            day = r.date.toordinal() if r.date is not None else None
            for k in keys:
                slot = blocks[k][day]
                if not slot or slot[-1] != chosen:
                    slot.append(chosen)
        return [ev.members for ev in events]

    def _fits(self, ev: _Event, r: Report, lo: float, hi: float) -> bool:
        """Whether ``r`` is compatible with every report of ``ev`` (found through ``r``'s blocks: same kind,
        status and per-unit reading), from the event's summaries rather than report by report."""
        if r.document in ev.documents or lo > ev.min_high + self._slack or ev.max_low > hi + self._slack:
            return False
        if r.date is not None and ev.first_day is not None:
            d, w = r.date.toordinal(), self.window(r.kind)
            if d - ev.first_day > w or ev.last_day - d > w:
                return False
        return all(self.places.match(r.place_ids, p) for p in ev.place_sets)

    def _candidates(self, days: Mapping[int | None, Sequence[int]] | None, r: Report,
                    found: set[int] | None = None) -> set[int]:
        """The events of ``days`` (a block of :meth:`group_positions`) within ``r``'s window, added to ``found``
        (a new set without it), which is returned."""
        if found is None:
            found = set()
        if not days:
            return found
        if r.date is None:
            for idx in days.values():
                found.update(idx)
            return found
        d, w = r.date.toordinal(), self.window(r.kind)
        found.update(days.get(None, ()))
        get = days.get
        for day in range(d - w, d + w + 1):
            idx = get(day)
            if idx:
                found.update(idx)
        return found


def _buckets(lo: float, hi: float) -> range:
    """Half-octave buckets an interval of values reaches: two intervals that overlap share one."""
    def bucket(x: float) -> int:
        return int(math.floor(2 * math.log2(max(x, 1.0))))
    return range(bucket(lo), bucket(hi) + 1)


def summarise_values(members: Sequence[Report]) -> tuple[int, str]:
    """The value most reports give (first given on a tie), and every value with its count.

    Returns
    -------
    (int, str)
        e.g. ``(12000, "12,000 (3 reports) – 15,000 (1 report)")``: values in increasing order.
    """
    counts = Counter(_value_label(m) for m in members)
    first: dict[str, int] = {}
    for i, m in enumerate(members):
        first.setdefault(_value_label(m), i)
    top = max(counts, key=lambda label: (counts[label], -first[label]))
    value = members[first[top]].value
    order = sorted(counts, key=lambda label: (members[first[label]].value, label))
    text = " – ".join(f"{label} ({counts[label]} report{'s' if counts[label] != 1 else ''})" for label in order)
    return value, text


def _value_label(r: Report) -> str:
    if r.low is not None and r.high is not None and r.low != r.high:
        return f"{r.low:,}–{r.high:,}"
    return f"{r.value:,}"


def parse_date(value: Any) -> dt.date | None:
    """An ISO date string (or date) as a date; anything else is ``None``.

    A timestamp of a frame's datetime column is its day; a missing one (``NaT``, which compares
    unequal to itself) is ``None``.
    """
    if isinstance(value, dt.datetime):
        return None if value != value else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
