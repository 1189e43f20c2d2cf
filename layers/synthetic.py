"""Small hand-made inputs for the map side: an in-memory gazetteer and parsed documents.

Tests, benchmarks and notebooks use them to exercise :mod:`layers` without the real
gazetteer or parser.  The sentences are made up for this purpose; the shapes are rough
boxes, not borders.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator, Mapping

from shapely.geometry import MultiPolygon, Point, box
from shapely.geometry.base import BaseGeometry

from geo.errors import GazetteerError
from geo.model import Document, Entity, Figure, Mention, ParsedDocument


class MemoryGazetteer:
    """A gazetteer held in memory, with the interface :mod:`layers` uses.

    Parameters
    ----------
    entities : iterable of Entity
        The places.
    geometries : mapping of str to shapely geometry
        Shapes by entity id; an entity without one is its representative point.
    """

    def __init__(self, entities: Iterable[Entity], geometries: Mapping[str, BaseGeometry] | None = None):
        self._entities = {e.id: e for e in entities}
        self._geometries = dict(geometries or {})

    def get(self, place_id: str) -> Entity:
        """Return the entity with this id; raise :class:`GazetteerError` for an unknown id."""
        try:
            return self._entities[place_id]
        except KeyError:
            raise GazetteerError(f"unknown place id {place_id!r}") from None

    def geometry(self, place_id: str) -> BaseGeometry:
        """Return the shape of a place: its polygon, or its point."""
        entity = self.get(place_id)
        geom = self._geometries.get(place_id)
        return geom if geom is not None else Point(entity.lon, entity.lat)

    def entities(self, kinds: Iterable[str] | None = None) -> Iterator[Entity]:
        """Iterate over the entities, optionally only those of the given kinds."""
        wanted = set(kinds) if kinds is not None else None
        return (e for e in self._entities.values() if wanted is None or e.kind in wanted)


def _city(gid: int, name: str, country: str, lat: float, lon: float, admin1: str | None = None,
          capital_of: str | None = None) -> Entity:
    return Entity(f"geonames:{gid}", name, "city", country, admin1, lat, lon, 100_000, (), capital_of)


def demo_gazetteer() -> MemoryGazetteer:
    """A few countries (as boxes), one admin-1 unit, one multi-country region and some cities."""
    areas = {
        "country:UA": (Entity("country:UA", "Ukraine", "country", "UA", None, 49.0, 31.4),
                       box(24.1, 44.4, 40.2, 52.4)),
        "country:PL": (Entity("country:PL", "Poland", "country", "PL", None, 52.1, 19.4),
                       box(14.1, 49.0, 24.1, 54.8)),
        "country:FR": (Entity("country:FR", "France", "country", "FR", None, 46.6, 2.4),
                       box(-4.8, 42.4, 8.2, 51.1)),
        "country:LT": (Entity("country:LT", "Lithuania", "country", "LT", None, 55.2, 23.9),
                       box(21.0, 53.9, 26.8, 56.4)),
        "country:LV": (Entity("country:LV", "Latvia", "country", "LV", None, 56.9, 24.6),
                       box(21.0, 56.4, 28.2, 58.0)),
        "country:EE": (Entity("country:EE", "Estonia", "country", "EE", None, 58.6, 25.0),
                       box(21.8, 58.0, 28.2, 59.7)),
        "admin1:UA-65": (Entity("admin1:UA-65", "Kherson Oblast", "admin1", "UA", "UA-65", 46.7, 33.3),
                         box(32.0, 45.9, 35.0, 47.6)),
    }
    baltic = MultiPolygon([areas[f"country:{c}"][1] for c in ("LT", "LV", "EE")])
    areas["region:baltic-states"] = (
        Entity("region:baltic-states", "Baltic states", "region", None, None, 56.8, 24.6,
               members=("country:EE", "country:LV", "country:LT")), baltic)
    cities = [
        _city(2988507, "Paris", "FR", 48.8534, 2.3488, capital_of="FR"),
        _city(703448, "Kyiv", "UA", 50.4547, 30.5238, capital_of="UA"),
        _city(706448, "Kherson", "UA", 46.6354, 32.6169, "UA-65"),
        _city(698740, "Odesa", "UA", 46.4775, 30.7326),
        _city(706483, "Kharkiv", "UA", 49.9808, 36.2527),
        _city(756135, "Warsaw", "PL", 52.2298, 21.0118, capital_of="PL"),
    ]
    entities = [e for e, _ in areas.values()] + cities
    return MemoryGazetteer(entities, {pid: geom for pid, (_, geom) in areas.items()})


class _Writer:
    """Builds one document's text sentence by sentence, keeping the offsets of marked spans."""

    def __init__(self, doc_id: str, gazetteer: MemoryGazetteer):
        self.doc_id = doc_id
        self.gazetteer = gazetteer
        self.text = ""
        self.mentions: list[Mention] = []
        self.figures: list[Figure] = []

    def sentence(self, parts: list, figures: Iterable[dict] = ()) -> None:
        """Append a sentence: ``parts`` are plain strings, ``("place", surface, id, role)`` or
        ``("num", surface, name)``; each figure dict names its number span with ``at``."""
        if self.text:
            self.text += " "
        start = len(self.text)
        spans: dict[str, tuple[int, int]] = {}
        pending: list[tuple[int, int, str, str, str]] = []
        for part in parts:
            if isinstance(part, str):
                self.text += part
                continue
            tag, surface, ref = part[0], part[1], part[2]
            s = len(self.text)
            self.text += surface
            if tag == "place":
                pending.append((s, len(self.text), surface, ref, part[3]))
            else:
                spans[ref] = (s, len(self.text))
        end = len(self.text)
        for s, e, surface, pid, role in pending:
            self.mentions.append(Mention(self.doc_id, s, e, surface, self.gazetteer.get(pid), role, 0.9, start, end))
        for spec in figures:
            spec = dict(spec)
            s, e = spans[spec.pop("at")]
            ids = spec.pop("place_ids", [])
            names = [self.gazetteer.get(pid).name for pid in ids]
            self.figures.append(Figure(self.doc_id, start=s, end=e, quote=self.text[start:end], quote_start=start,
                                       place_ids=list(ids), places=names, **spec))

    def parsed(self, lang: str, date: dt.date | None, title: str | None = None,
               url: str | None = None) -> ParsedDocument:
        doc = Document(self.doc_id, self.text, date, lang, title, url)
        for i, fig in enumerate(self.figures):
            fig.figure_id = f"{self.doc_id}-f{i + 1}"
        return ParsedDocument(doc, lang, date, self.mentions, self.figures)


def demo_documents(gazetteer: MemoryGazetteer | None = None) -> list[ParsedDocument]:
    """Three short made-up reports (Italian, English, French) with places and figures.

    They hold: a venue and actors; a current and a planned troop figure over the same
    country; incidents and casualties on three dates; a figure over an admin-1 unit, one
    over a multi-country region, and one with no place.
    """
    gaz = gazetteer or demo_gazetteer()

    it = _Writer("vertice-parigi", gaz)
    it.sentence(["A ", ("place", "Parigi", "geonames:2988507", "venue"),
                 " i capi di governo hanno discusso le garanzie per l'",
                 ("place", "Ucraina", "country:UA", "mention"), "."])
    it.sentence(["Il piano prevede ", ("num", "circa 12.000 soldati", "a"), " in ",
                 ("place", "Ucraina", "country:UA", "deployment"), ", che potrebbero salire a ",
                 ("num", "20.000", "b"), " in primavera."],
                [dict(at="a", kind="troops", value=12000, qualifier="approx", status="current",
                      place_ids=["country:UA"], date="2026-01-06"),
                 dict(at="b", kind="troops", value=20000, qualifier="up_to", status="planned",
                      place_ids=["country:UA"], date="2026-01-06")])
    it.sentence(["La ", ("place", "Polonia", "country:PL", "actor"), " offre basi logistiche vicino a ",
                 ("place", "Varsavia", "geonames:756135", "mention"), "."])

    en = _Writer("southern-front", gaz)
    en.sentence([("num", "At least 14", "a"), " drone attacks hit ",
                 ("place", "Kherson", "geonames:706448", "incident"), " on Wednesday, and ",
                 ("num", "three", "b"), " people were killed."],
                [dict(at="a", kind="incidents", value=14, qualifier="at_least", place_ids=["geonames:706448"],
                      date="2026-01-07"),
                 dict(at="b", kind="killed", value=3, place_ids=["geonames:706448"], date="2026-01-07")])
    en.sentence(["Two days earlier ", ("place", "Odesa", "geonames:698740", "incident"), " logged ",
                 ("num", "5", "a"), " incidents, and ", ("num", "2", "b"), " civilians were wounded in the ",
                 ("place", "Kherson region", "admin1:UA-65", "incident"), "."],
                [dict(at="a", kind="incidents", value=5, place_ids=["geonames:698740"], date="2026-01-05"),
                 dict(at="b", kind="wounded", value=2, place_ids=["admin1:UA-65"], date="2026-01-05")])
    en.sentence(["About ", ("num", "120", "a"), " soldiers were moved to ",
                 ("place", "Kharkiv", "geonames:706483", "deployment"), " and ",
                 ("place", "Kyiv", "geonames:703448", "deployment"), ", while ",
                 ("num", "more than 300", "b"), " drones were launched overall."],
                [dict(at="a", kind="troops", value=120, qualifier="approx",
                      place_ids=["geonames:706483", "geonames:703448"], date="2026-01-08"),
                 dict(at="b", kind="equipment", value=300, qualifier="more_than", unit="drones",
                      date="2026-01-08")])

    fr = _Writer("flanc-est", gaz)
    fr.sentence(["Les ", ("place", "pays baltes", "region:baltic-states", "deployment"), " accueillent ",
                 ("num", "4 000", "a"), " soldats alliés, selon ",
                 ("place", "la France", "country:FR", "actor"), "."],
                [dict(at="a", kind="troops", value=4000, place_ids=["region:baltic-states"],
                      date="2026-01-08", source="ministère des Armées")])

    return [
        it.parsed("it", dt.date(2026, 1, 6), "Vertice a Parigi sulle garanzie", "https://example.org/vertice"),
        en.parsed("en", dt.date(2026, 1, 8), "Drone strikes in the south", "https://example.org/front"),
        fr.parsed("fr", dt.date(2026, 1, 9), None, None),
    ]


#: Strings a hostile document carries; a safe map shows each of them as text and runs none.
HOSTILE_SNIPPETS = (
    "<script>window.__pwned = 'script';</script>",
    "</script><script>window.__pwned = 'close';</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "\"'><svg onload=alert('svg')>",
    "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# comment #}",
)


def hostile_document(gazetteer: MemoryGazetteer | None = None) -> ParsedDocument:
    """A report whose text, title and link try to run script in the map.

    Its quote holds every :data:`HOSTILE_SNIPPETS`, its title closes a script element,
    its link is a ``javascript:`` URL and its place surface is HTML.
    """
    gaz = gazetteer or demo_gazetteer()
    w = _Writer("</script><b>hostile</b>", gaz)
    w.sentence([("num", "40", "a"), " troops reached ", ("place", "<b>Kyiv</b>", "geonames:703448", "deployment"),
                " " + " ".join(HOSTILE_SNIPPETS) + " & 'single' \"double\" quotes."],
               [dict(at="a", kind="troops", value=40, place_ids=["geonames:703448"], date="2026-01-09",
                     source="<script>alert('source')</script>")])
    return w.parsed("en", dt.date(2026, 1, 9), "</script><script>window.__pwned = 'title';</script>",
                    "javascript:window.__pwned = 'link'")


def synthetic_corpus(n_figures: int, *, n_cities: int = 400, per_doc: int = 20,
                     seed: int = 0) -> tuple[list[ParsedDocument], MemoryGazetteer]:
    """Many generated documents for benchmarks: ``n_figures`` figures over a grid of made-up cities.

    Parameters
    ----------
    n_figures : int
        Figures to generate (troops, incidents, killed and wounded in turn).
    n_cities : int
        Made-up cities in a box over eastern Europe, plus the :func:`demo_gazetteer` areas.
    per_doc : int
        Figures per document.
    seed : int
        Seed of the random numbers.

    Returns
    -------
    (list of ParsedDocument, MemoryGazetteer)
    """
    rng = random.Random(seed)
    base = demo_gazetteer()
    cities = [_city(9_000_000 + i, f"Town {i}", "UA", round(rng.uniform(44.5, 52.3), 4),
                    round(rng.uniform(22.5, 40.0), 4)) for i in range(n_cities)]
    gaz = MemoryGazetteer(list(base.entities()) + cities,
                          {e.id: base.geometry(e.id) for e in base.entities() if e.kind != "city"})
    kinds = ("troops", "incidents", "killed", "wounded")
    areas = ["country:UA", "admin1:UA-65", "country:PL"]
    parsed: list[ParsedDocument] = []
    day0 = dt.date(2025, 12, 1)
    made = 0
    while made < n_figures:
        w = _Writer(f"doc-{len(parsed):05d}", gaz)
        day = day0 + dt.timedelta(days=len(parsed) % 60)
        for _ in range(min(per_doc, n_figures - made)):
            kind = kinds[made % len(kinds)]
            value = rng.choice((1, 2, 3, 5, 8, 12, 20, 40, 100, 250, 1000, 5000))
            pid = areas[made % len(areas)] if kind == "troops" and made % 8 == 0 else cities[rng.randrange(n_cities)].id
            name = gaz.get(pid).name
            w.sentence([("num", f"{value}", "a"), f" {kind} were reported in ", ("place", name, pid, "incident"),
                        f" on {day.isoformat()}."],
                       [dict(at="a", kind=kind, value=value, place_ids=[pid], date=day.isoformat())])
            made += 1
        parsed.append(w.parsed("en", day, f"Generated report {len(parsed)}", None))
    return parsed, gaz


def reported_again(gazetteer: MemoryGazetteer, copies: Mapping[str, Mapping[int, int]]) -> tuple:
    """The demo documents plus copies of the English one by other outlets, consolidated into events.

    Parameters
    ----------
    gazetteer : MemoryGazetteer
        The demo gazetteer (:func:`demo_gazetteer`).
    copies : mapping
        A new document id to ``{value in the original: value this copy gives}``; a value left
        out is given as in the original.

    Returns
    -------
    (places, figures, events, documents)
        The frames of :mod:`layers.frames` and :func:`layers.consolidated.events_frame`
        (``figures`` with its ``event_id``), and every document, copies last.
    """
    import dataclasses

    import pandas as pd

    from layers.consolidated import events_frame
    from layers.frames import figures_frame, places_frame

    parsed = demo_documents(gazetteer)
    figures = figures_frame(parsed, gazetteer)
    original = parsed[1].document
    documents = [p.document for p in parsed]
    frames = [figures]
    for doc_id, values in copies.items():
        documents.append(dataclasses.replace(original, doc_id=doc_id, title=f"Report of {doc_id}",
                                             url=f"https://{doc_id}.example/news", outlet=f"{doc_id} news"))
        rows = figures[figures["document"] == original.doc_id].copy()
        rows["document"] = doc_id
        rows["figure_id"] = doc_id + "-" + rows["figure_id"]
        rows["value"] = [values.get(v, v) for v in rows["value"]]
        frames.append(rows)
    figures = pd.concat(frames, ignore_index=True)
    events, figures = events_frame(figures, gazetteer, documents={d.doc_id: d for d in documents})
    return places_frame(parsed, gazetteer), figures, events, documents
