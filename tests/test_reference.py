"""The reference case (DEVELOPERS.md): the shared seed article, read from ../shared/seeds."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import parse_document
from tests.shared_material import shared_path


@pytest.fixture(scope="module")
def parsed():
    seed = shared_path("seeds/volenterosi_paris_2026-01-06_it.txt")
    doc = Document(doc_id=seed.stem, text=seed.read_text(encoding="utf-8"))
    return parse_document(doc, gazetteer=load_gazetteer())


def _roles(parsed) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for m in parsed.mentions:
        roles.setdefault(m.entity.id, set()).add(m.role)
    return roles


def _id(name: str, kind: str) -> str:
    return load_gazetteer().lookup(name, kinds=[kind])[0].id


def test_language_and_date(parsed):
    assert parsed.lang == "it"
    assert parsed.date.isoformat() == "2026-01-06"


def test_the_meeting_in_paris_is_dated_the_day_before_the_dateline(parsed):
    venue = [m for m in parsed.mentions if m.surface == "Parigi" and m.role == "venue" and m.date]
    assert venue and venue[0].date == "2026-01-05"


@pytest.mark.parametrize(
    ("name", "kind", "role"),
    [
        ("Paris", "city", "venue"),
        ("Poland", "country", "deployment"),
        ("Romania", "country", "deployment"),
        ("Baltic states", "region", "deployment"),
        ("Donbas", "region", "incident"),
        ("Moscow", "city", "actor"),
        ("Kyiv", "city", "actor"),
        ("Washington", "city", "actor"),
        ("Canada", "country", "participant"),
        ("Australia", "country", "participant"),
        ("Japan", "country", "participant"),
    ],
)
def test_expected_places_and_roles(parsed, name, kind, role):
    roles = _roles(parsed)
    pid = _id(name, kind)
    assert pid in roles, f"{name} ({pid}) not found"
    assert role in roles[pid], f"{name}: roles {roles[pid]}"


def test_kharkiv_area_is_an_incident_place(parsed):
    kharkiv = [m for m in parsed.mentions if m.surface == "Kharkiv"]
    assert kharkiv and kharkiv[0].entity.country == "UA"
    assert kharkiv[0].entity.kind == "admin1", "'la zona di Kharkiv' is the oblast"
    assert kharkiv[0].role == "incident"


def test_baltic_states_are_the_three_countries(parsed):
    baltic = next(m.entity for m in parsed.mentions if m.entity.kind == "region" and "altic" in m.entity.name)
    assert set(baltic.members) == {"country:EE", "country:LV", "country:LT"}


@pytest.mark.parametrize("false_place", ["Austin", "Orsay", "Un", "Solo", "Parole", "Le", "Volodymyr", "Casa Bianca",
                                         "Lloyd Austin", "Hotel de Ville"])
def test_no_false_places(parsed, false_place):
    assert false_place not in {m.surface for m in parsed.mentions}


def test_no_city_is_resolved_outside_the_story(parsed):
    far = [m for m in parsed.mentions if m.entity.kind == "city"
           and m.entity.country not in {"FR", "UA", "RU", "US", "PL", "RO", "BE", "LT", "LV", "EE"}]
    assert not far, [(m.surface, m.entity.name, m.entity.country) for m in far]


def test_reference_figures(parsed):
    figs = parsed.figures
    troops = sorted((f for f in figs if f.kind == "troops"), key=lambda f: f.value)
    assert [f.value for f in troops] == [12000, 20000]
    current, planned = troops
    assert (current.qualifier, current.status) == ("approx", "current")
    assert (planned.qualifier, planned.status) == ("up_to", "planned")
    baltic_three = {_id("Poland", "country"), _id("Romania", "country"), _id("Baltic states", "region")}
    assert set(current.place_ids) == baltic_three
    assert set(planned.place_ids) == baltic_three
    incidents = [f for f in figs if f.kind == "incidents"]
    assert len(incidents) == 1
    inc = incidents[0]
    assert (inc.value, inc.qualifier, inc.source) == (18, "at_least", "OSCE")
    assert _id("Donbas", "region") in inc.place_ids
    assert any(pid.startswith("admin1:UA-63") or pid == _id("Kharkiv", "city") for pid in inc.place_ids)
    assert all(f.value not in (10, 17, 20) or f.kind == "troops" for f in figs), "no clock times, no 'venti Paesi'"
    assert len(figs) == 3
