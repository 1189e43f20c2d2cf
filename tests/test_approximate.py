"""Settlements the gazetteer lacks, named after a settlement word, get an approximate point at the place of their
sentence that locates them (rule LOCATED_BY_SENTENCE of geo.approximate), flagged as approximate."""

from __future__ import annotations

import json

import pytest

from geo.approximate import APPROX_PREFIX, is_approximate
from geo.corpus import _toponym, _toponym_json
from geo.gazetteer import load_gazetteer
from geo.model import Document, Entity, Mention
from geo.pipeline import find_places, parse_document
from layers.popups import place_popup
from layers.strings import load_strings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, lang: str, gaz) -> dict[str, Mention]:
    """Surface -> the first mention of it found in ``text``."""
    out: dict[str, Mention] = {}
    for m in find_places(Document("t", text), lang=lang, gazetteer=gaz):
        out.setdefault(m.surface, m)
    return out


@pytest.mark.parametrize(("text", "lang", "name", "locator"), [
    ("Two farmers were hurt when a shell fell on the village of Zorvanka in the Sumy region on Monday.", "en",
     "Zorvanka", "Sumy"),
    ("Un drone ha colpito una casa nel villaggio di Brelovka, nella regione di Kharkiv.", "it", "Brelovka",
     "Kharkiv"),
    ("Trois civils ont été blessés dans le village de Koumbanou, près de Tahoua, selon la police.", "fr",
     "Koumbanou", "Tahoua"),
    ("En la región de Tillabéri, la localidad de Tinkardou fue atacada por hombres armados.", "es", "Tinkardou",
     "Tillab"),
    ("Im Dorf Grenivka im Gebiet Saporischschja wurde ein Mann verletzt.", "de", "Grenivka", "Zaporizh"),
])
def test_a_village_the_gazetteer_lacks_is_placed_at_its_locator(text, lang, name, locator, gaz):
    places = found(text, lang, gaz)
    village = places[name].entity
    assert village is not None and is_approximate(village), places
    assert village.id.startswith(APPROX_PREFIX) and village.name == name
    assert locator in village.located_by
    holder = next(m.entity for m in places.values() if m.entity is not None and m.entity.name == village.located_by)
    assert (village.lat, village.lon) == (holder.lat, holder.lon)


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("A shell fell on the village of Zorvanka on Monday, the governor wrote.", "en", "Zorvanka"),
    ("The village of Zorvanka in Ukraine was shelled.", "en", "Zorvanka"),  # a country locates no village's point
])
def test_a_village_without_a_locator_stays_unresolved(text, lang, name, gaz):
    assert found(text, lang, gaz)[name].entity is None


@pytest.mark.parametrize(("text", "lang"), [
    ("It takes a village of Hope to raise a child in Kharkiv, the mayor said.", "en"),
    ("He came back to the town of his birth near Kharkiv.", "en"),
    ("The village of Mr Hale near Leeds was flooded.", "en"),  # a title opens a person's name
    ("Il villaggio di don Abbondio vicino a Lecco.", "it"),
    ("Artillery fire hit houses in Dr Aung village near Monywa.", "en"),
    ("The Global Village festival opened in Kharkiv.", "en"),
    ("Il villaggio di Babbo Natale a Rovaniemi ha aperto.", "it"),
    ("Le village de Noël de Strasbourg a ouvert ses portes.", "fr"),
    ("La aldea de Juan García, cerca de Toledo, celebró la fiesta.", "es"),
    ("Im Dorf Der Bürgermeister von Kassel sprach.", "de"),
    # rule RARE_NAME_ONLY: a frequent word of the language after the settlement word is a common noun
    ("Im Dorf Menschen ohne Strom: die Lage bei Charkiw ist schlimm.", "de"),
    ("In the village of Peace near Kharkiv, no one stayed.", "en"),
    ("En la localidad de Nuestra Señora cerca de Sevilla hubo fiesta.", "es"),
])
def test_no_approximate_place_for_idioms_and_persons(text, lang, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang=lang, gazetteer=gaz))


def test_a_resolved_village_is_not_made_approximate(gaz):
    places = found("A drone hit the village of Kupiansk in the Kharkiv region.", "en", gaz)
    assert places["Kupiansk"].entity is not None and not is_approximate(places["Kupiansk"].entity)


def test_the_region_after_an_approximate_village_keeps_its_role(gaz):
    """The village lies in its locator by construction: no evidence that the region only locates it."""
    text = "Two civilians were killed in the village of Zorvanka in the Sumy region."
    parsed = parse_document(Document("t", text, lang="en"), lang="en", gazetteer=gaz)
    roles = {m.surface: m.role for m in parsed.mentions}
    assert roles == {"Zorvanka": "incident", "Sumy region": "incident"}


def test_outputs_say_the_place_is_approximate() -> None:
    e = Entity("approx:zorvanka@admin1:UA-59", "Zorvanka", "city", "UA", "UA-59", 50.9, 34.8, located_by="Sumy Oblast")
    m = Mention("t", 0, 8, "Zorvanka", e, "incident", 0.3)
    assert _toponym(m)["located_by"] == "Sumy Oblast"
    assert json.loads(_toponym_json(m)) == _toponym(m)
    plain = Mention("t", 0, 4, "Sumy", Entity("admin1:UA-59", "Sumy Oblast", "admin1", "UA", "UA-59", 50.9, 34.8))
    assert "located_by" not in _toponym(plain) and json.loads(_toponym_json(plain)) == _toponym(plain)
    row = {"name": "Zorvanka", "kind": "city", "roles": ["incident"], "mentions": 1, "surfaces": ["Zorvanka"],
           "documents": [], "located_by": "Sumy Oblast"}
    popup = place_popup(row, [], load_strings("en"), {})
    assert "approximate: located by Sumy Oblast" in popup["lines"]


@pytest.mark.parametrize(("text", "name", "locator"), [
    ("Artillery fire destroyed houses in Zeyar Kone village near Monywa overnight.", "Zeyar Kone", "Monywa"),
    ("\u201cMin Taw village is empty now,\u201d a monk in Magway said.", "Min Taw", "Magway"),
])
def test_a_settlement_noun_after_the_name_marks_a_village(text, name, locator, gaz):
    """Rule SETTLEMENT_NOUN_AFTER: a locative word or an opening quote, a name the gazetteer lacks, "village"."""
    village = found(text, "en", gaz)[name].entity
    assert is_approximate(village) and locator in village.located_by


@pytest.mark.parametrize("text", [
    "Athletes moved into the Olympic village in Milan.",
    "Fighters stormed a Kurdish village near Kirkuk.",
    "They met in Hope village near Kharkiv.",
    "On Sunday village elders met in Kandahar.",
    "He grew up in Kurdish village near Mosul.",
])
def test_no_settlement_before_its_noun_without_a_locative(text, gaz):
    assert not any(is_approximate(m.entity) or m.entity is None
                   for m in find_places(Document("t", text), lang="en", gazetteer=gaz))
