"""Settlements the gazetteer lacks, named after a settlement word, get an approximate point at the place of their
sentence that locates them (rule LOCATED_BY_SENTENCE of geo.approximate), flagged as approximate."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

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


@pytest.mark.parametrize(("text", "lang", "region"), [
    ("In the Sumy region, shells hit the village of Zorvanka overnight.", "en", "Sumy region"),
    ("Nella regione di Sumy, le bombe hanno colpito il villaggio di Zorvanka.", "it", "Sumy"),
])
def test_a_region_does_not_contain_its_own_approximate_village(text, lang, region, gaz):
    """Role feature contains_other leaves out approximate places (geo.role_model): the village was put inside the
    region by its locating link, which is no second evidence that the region is a mere locator (failed when the
    feature counted approximate neighbours)."""
    parsed = parse_document(Document("t", text, lang=lang), lang=lang, gazetteer=gaz)
    m = next(m for m in parsed.mentions if m.surface == region)
    assert "contains_other" not in m.features


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
    ("\u201cMin Taw village near Magway is empty now,\u201d a monk said.", "Min Taw", "Magway"),
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


@pytest.mark.parametrize(("text", "lang"), [
    # rule LOCATED_BY_SENTENCE: only a locating link ties a place to the village as its container
    ("Families from the village of Velykoselka reached Poltava late on Friday.", "en"),  # destination
    ("Le famiglie della frazione di Montebrizzo sono scappate verso Bologna.", "it"),
    ("Les habitants du hameau de Dankassou sont partis vers Dosso dimanche.", "fr"),
    ("Nacida en la aldea de Tiquirapata, ahora trabaja en Arequipa.", "es"),  # residence, not the village's place
    ("A woman from the village of Drumgarrow was questioned in Derry on Sunday.", "en"),
    ("She left Odesa for the village of Hrebenivka after the blackout.", "en"),  # origin before
    ("Der Landrat von Fulda besuchte das Dorf Obermelsbach.", "de"),  # the official's seat
    ("People in the village of Tymkivka hid in cellars, and the next day officials in Sumy said the road to "
     "Poltava was open.", "en"),  # another clause
    ("The village of Nyzhnia Lypka, 30 km from Chernihiv, lost power.", "en"),  # a stated distance
    ("Le village de Gourbassi, à 60 km de Kayes, a été attaqué.", "fr"),
    ("Im Dorf Ternuwka, 25 Kilometer von Sumy entfernt, brannte eine Scheune.", "de"),
    ("Officials said Tharsi Kone village was empty, a monk in Sagaing added.", "en"),  # the seat of who speaks
    ("Shelling reached Hlynivka village and then Sumy.", "en"),
    ("The village of Zhornivka was shelled overnight. Sumy's governor said no one was hurt.", "en"),  # sentences
])
def test_a_place_not_tied_by_a_locating_link_locates_no_village(text, lang, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang=lang, gazetteer=gaz))


@pytest.mark.parametrize(("text", "lang"), [
    ("La población de Yazidíes en Mosul disminuyó.", "es"),  # "población de": population of, no settlement word
    ("Le hameau de Bretons près de Quimper a fêté la moisson.", "fr"),  # a demonym after the settlement word
    ("Nel villaggio di Marocchini a Bari vivono molte famiglie.", "it"),
    # rule RARE_NAME_ONLY, stricter for German compounds ("Stromausfall" is a rare word, a common noun)
    ("Im Dorf Trinkwassermangel bei Fulda.", "de"),
    ("Im Dorf Hilfsgüter bei Kassel verteilt.", "de"),
])
def test_no_approximate_place_for_populations_groups_and_compounds(text, lang, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang=lang, gazetteer=gaz))


def test_an_approximate_village_locates_no_other_village(gaz):
    places = found("In the Sumy region, drones hit the village of Zhornivka and the village of Tymkivka.", "en", gaz)
    assert places["Tymkivka"].entity.located_by == places["Zhornivka"].entity.located_by == "Sumy Oblast"


def test_the_approximate_layer_does_not_change_the_given_mentions(gaz):
    from geo.approximate import locate_settlements

    text = "A shell hit the village of Zhornivka in the Sumy region."
    plain = find_places(Document("t", text), lang="en", gazetteer=gaz)
    mentions = [replace(m, entity=None) if m.surface == "Zhornivka" else m for m in plain]
    out = locate_settlements(mentions, {(m.start, m.end) for m in mentions if m.surface == "Zhornivka"}, text, "en")
    assert is_approximate(out[0].entity) and mentions[0].entity is None


def test_the_online_geocoder_is_asked_before_a_village_is_approximated(gaz):
    """The approximate layer comes after the opt-in geocoder: a village it knows gets its own point."""
    asked = []

    class Online:
        def geocode(self, name, **kwargs):
            asked.append(name)
            raw = {"place_id": "osm:node:1", "kind": "city", "name": name, "country": "UA"}
            known = name == "Zhornivka"
            return SimpleNamespace(raw=raw, address=name, latitude=51.0, longitude=34.0) if known else None

    text = "A shell hit the village of Zhornivka in the Sumy region."
    out = find_places(Document("t", text), lang="en", gazetteer=gaz, online=Online(), memo={})
    village = next(m for m in out if m.surface == "Zhornivka")
    assert asked == ["Zhornivka"] and village.entity.id == "osm:node:1" and not is_approximate(village.entity)


@pytest.mark.parametrize("text", [
    "Officials said Tharsi Kone village was empty, a monk in Sagaing added.",
    "Shelling reached Hlynivka village and then Sumy.",
])
def test_a_name_before_village_without_a_locative_is_no_mention(text, gaz):
    """Rule SETTLEMENT_NOUN_AFTER reads a name before "village" only after a locative word or an opening quote."""
    surfaces = {m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)}
    assert not surfaces & {"Tharsi Kone", "Hlynivka", "Officials said Tharsi Kone"}


def test_an_approximate_village_lies_in_its_locators_holders(gaz):
    """geo.consolidate: the same event, reported at the village "in the Sumy region" and at the region, merges."""
    from geo.consolidate import Places

    places = Places(gaz)
    village, region = "approx:zhornivka@admin1:UA-59", "admin1:UA-59"
    assert {region, "country:UA"} <= places.holders(village) and places.match((village,), (region,))
    assert places.countries(village) == places.countries(region)
    kharkiv = next(m.entity.id for m in find_places(Document("t", "Kharkiv"), lang="en", gazetteer=gaz))
    near = f"approx:zhornivka@{kharkiv}"
    assert kharkiv not in places.holders(near) and "country:UA" in places.holders(near)  # "near Y" is not in Y


def test_an_approximate_village_exports_its_locators_precision_and_admin1(gaz):
    from layers.export import _location

    row = _location("approx:zhornivka@admin1:UA-59", "Zhornivka", None, gaz)
    assert row["geo_precision"] == 2 and row["admin1"] == gaz.get("admin1:UA-59").name and row["latitude"] != ""
    kharkiv = next(m.entity for m in find_places(Document("t", "Kharkiv"), lang="en", gazetteer=gaz))
    near = _location(f"approx:zhornivka@{kharkiv.id}", "Zhornivka", None, gaz)
    assert near["geo_precision"] == 2 and near["admin1"] == gaz.get(f"admin1:{kharkiv.admin1}").name


@pytest.mark.parametrize(("text", "lang", "names", "locator"), [
    # a list of settlements shares the locator after its last name
    ("Dos heridos en un ataque en las aldeas de Tamalout y Inzagar, en la región de Agadez.", "es",
     ("Tamalout", "Inzagar"), "Agadez"),
    ("Shells hit the villages of Zhornivka and Tymkivka in the Sumy region.", "en", ("Zhornivka", "Tymkivka"), "Sumy"),
    # a compass word between the link and the locator
    ("Drones struck houses on Tovkach Sein village, in the southern Kherson region, a farmer said.", "en",
     ("Tovkach Sein",), "Kherson"),
])
def test_a_list_or_a_compass_word_keeps_the_locating_link(text, lang, names, locator, gaz):
    places = found(text, lang, gaz)
    for name in names:
        assert is_approximate(places[name].entity) and locator in places[name].entity.located_by, places


def test_a_locator_outside_the_sentences_country_locates_no_village(gaz):
    """Rule LOCATOR_IN_NAMED_COUNTRY: the sentence names the village's country, the locator lies in another."""
    text = "In Ukraine, the village of Tymkivka near Belgorod was shelled, officials said."
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang="en", gazetteer=gaz))
    same = "In Ukraine, the village of Tymkivka near Sumy was shelled, officials said."
    assert any(is_approximate(m.entity) for m in find_places(Document("t", same), lang="en", gazetteer=gaz))


@pytest.mark.parametrize(("text", "lang"), [
    # rule REGION_ONLY_BARE_LINK: a bare preposition before a city ties the city to the noun before the village
    ("Survivors of the village of Zorvanka in Lviv told reporters about the attack.", "en"),
    ("Children from the village of Zorvanka in Warsaw schools are learning Polish.", "en"),
    ("Una delegación de la aldea de Tarbuela en Bogotá pidió ayuda.", "es"),
    ("Une délégation du village de Kobbou à Bamako a rencontré le ministre.", "fr"),
    ("I profughi del villaggio di Kolomiets a Milano chiedono aiuto.", "it"),
    ("Flüchtlinge aus dem Dorf Sarnowka in Berlin erzählen von dem Angriff.", "de"),
    ("In Kyiv, drones hit the village of Zorvanka overnight.", "en"),  # fronted: the same
])
def test_a_bare_preposition_before_a_city_locates_no_village(text, lang, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang=lang, gazetteer=gaz))


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Drones hit the village of Zorvanka in the Kharkiv region.", "en", "Zorvanka"),
    ("Il villaggio di Kolomiets in provincia di Kharkiv è senza luce.", "it", "Kolomiets"),
])
def test_a_bare_preposition_before_a_region_locates_the_village(text, lang, name, gaz):
    assert is_approximate(found(text, lang, gaz)[name].entity)


@pytest.mark.parametrize(("text", "lang"), [
    # rule NO_LOCATOR_ACROSS_SPEECH: a fronted place before a speech verb or "that" is the speaker's seat
    ("In the Kharkiv region, officials said the village of Zorvanka had been hit twice.", "en"),
    ("Near Kharkiv, a farmer told us the village of Zorvanka had no water.", "en"),
    ("Cerca de Cúcuta, el alcalde dijo que la aldea de Tarbuela fue evacuada.", "es"),
    ("Près de Mopti, on craint que le village de Kobbou soit isolé.", "fr"),
    ("Vicino a Kharkiv, il sindaco ha detto che il villaggio di Kolomiets è isolato.", "it"),
    ("Bei Charkiw sagte der Landrat, das Dorf Sarnowka sei ohne Strom.", "de"),
])
def test_a_fronted_place_before_a_reported_clause_locates_no_village(text, lang, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang=lang, gazetteer=gaz))


@pytest.mark.parametrize(("text", "lang", "name"), [
    # rule LOCATOR_IN_NAMED_COUNTRY counts only a country a locating link opens, not an attacker or a destination
    ("Russia shelled the village of Zorvanka near Kharkiv on Monday.", "en", "Zorvanka"),
    ("Russland beschoss das Dorf Sarnowka bei Charkiw.", "de", "Sarnowka"),
    ("Wheat from the village of Tymkivka near Odesa was sold to Egypt.", "en", "Tymkivka"),
])
def test_a_country_that_acts_or_receives_does_not_veto_the_locator(text, lang, name, gaz):
    village = found(text, lang, gaz)[name].entity
    assert is_approximate(village), found(text, lang, gaz)


@pytest.mark.parametrize("text", [
    # review guard 1: a bare comma links a region only, not a city's possessive or its officials
    "Shells hit the village of Zorvanka, Kharkiv's mayor said.",
    "Residents fled the village of Zorvanka, Kharkiv officials said on Monday.",
    # guard 2: MAX_FRONTED_GAP
    "Near Kharkiv, after a week of heavy rain and constant shelling which closed every road for days, the village "
    "of Zorvanka lost power.",
    # guard 3: a clause break between a fronted locator and the village
    "Near Kharkiv the army advanced; the village of Zorvanka was retaken.",
])
def test_guards_of_the_locating_link(text, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang="en", gazetteer=gaz))


@pytest.mark.parametrize("text", [
    # guard 4: the stricter German threshold of rule RARE_NAME_ONLY (a rare simple noun is no village)
    "Im Dorf Aufruhr bei Kassel.",
    "Im Dorf Unruhe bei Kassel.",
])
def test_a_rare_german_noun_after_dorf_gets_no_point(text, gaz):
    assert not any(is_approximate(m.entity) for m in find_places(Document("t", text), lang="de", gazetteer=gaz))


@pytest.mark.parametrize("name", [
    # guard 5 and the place-name endings of settlement_endings: a frequent head that ends place names is allowed
    "Birkenhausen", "Niederstadt", "Rabenbrunnen", "Moosheide", "Tannenwalde", "Eschenkirch", "Buchenkreuz",
    "Eichgarten",
])
def test_a_german_village_with_a_place_name_ending_is_placed(name, gaz):
    text = f"Im Dorf {name} bei Passau brannte eine Scheune."
    village = found(text, "de", gaz)[name].entity
    assert is_approximate(village) and "Passau" in village.located_by
