"""Streets, rivers and districts framed by a feature word; direction words; names beside towns."""

from __future__ import annotations

import pytest

from geo.features import feature_spans
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.normalize import fold
from geo.pipeline import find_places
from geo.toponyms import tokenize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, lang: str, gaz) -> dict[str, str | None]:
    """Surface -> entity id (None when unresolved)."""
    return {m.surface: (m.entity.id if m.entity else None)
            for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)}


def test_feature_spans_on_plain_tokens():
    text = "Traffic on Cabin Creek Road and Main St. Later the Florida Highway Patrol came."
    tokens = tokenize(text, fold(text))
    spans = feature_spans(tokens, text, heads=frozenset(), suffixes=frozenset({"creek", "road", "st", "highway"}),
                          connectors=frozenset(), stopwords=frozenset({"the", "and"}))
    assert [text[f.start : f.end] for f in spans.values()] == ["Cabin Creek Road", "Main St"]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Residents of Wichita Drive met on Tuesday.", "en", "Wichita Drive"),
        ("A body was found near the Neches River.", "en", "Neches River"),
        ("Deputies in Cooke County arrested two men.", "en", "Cooke County"),
        ("Clashes in the Jordan Valley went on all night.", "en", "Jordan Valley"),
        ("Scontri nel distretto di Amil durante la notte.", "it", "distretto di Amil"),
        ("Il corpo è stato trovato lungo la riva del fiume Dyfi.", "it", "fiume Dyfi"),
        ("Un incendio in via Roma a Torino.", "it", "via Roma"),
        ("Des tirs rue de Paris, à Lyon.", "fr", "rue de Paris"),
    ],
)
def test_a_feature_is_one_unresolved_mention_not_the_town_inside_it(gaz, text, lang, surface):
    got = found(text, lang, gaz)
    assert surface in got and got[surface] is None, got
    inner = surface.split()[-1] if lang != "en" else surface.split()[0]
    assert inner not in got  # "Wichita", "Roma", "Paris" are not mentions of their own here


@pytest.mark.parametrize(
    ("text", "lang", "surface", "entity_id"),
    [
        ("Nave in difficoltà nel golfo del Messico.", "it", "golfo del Messico", "sea:gulf-of-mexico"),
        ("Sbarchi sull'isola di Lampedusa ieri.", "it", "isola di Lampedusa", "geonames:2524459"),
        ("Lake Manassas is a public reservoir.", "en", "Lake Manassas", "geonames:4771401"),
        ("Le centre de Lyon et la rue principale.", "fr", "Lyon", "geonames:2996944"),
    ],
)
def test_a_feature_the_gazetteer_locates_is_resolved(gaz, text, lang, surface, entity_id):
    assert found(text, lang, gaz)[surface] == entity_id


def test_a_body_named_after_a_place_keeps_the_place_but_a_county_office_keeps_the_county(gaz):
    got = found("The Florida Highway Patrol and the Henderson County Sheriff responded.", "en", gaz)
    assert got["Florida"] == "admin1:US-FL"
    assert got["Henderson County"] is None and "Henderson" not in got


def test_italian_street_head_as_a_preposition_or_institution_is_no_feature(gaz):
    got = found("Partenza la sera via Casablanca. La Prefettura di Roma ha diffuso i dati.", "it", gaz)
    assert "Casablanca" in got and "via Casablanca" not in got
    assert "Roma" in got and "Prefettura di Roma" not in got


@pytest.mark.parametrize(
    ("text", "lang", "surface", "entity_id"),
    [
        ("Un ragazzo è morto a Gafsa, nella Tunisia centrale.", "it", "Tunisia centrale", "country:TN"),
        ("I soccorsi per il terremoto del Centro Italia.", "it", "Centro Italia", "country:IT"),
        ("Alcune zone dell'ex Germania Est.", "it", "Germania Est", "country:DE"),
        ("Des manifestations en Afrique du Nord.", "fr", "Afrique du Nord", "region:northern-africa"),
    ],
)
def test_direction_words_belong_to_the_name_in_italian_and_french(gaz, text, lang, surface, entity_id):
    got = found(text, lang, gaz)
    assert got.get(surface) == entity_id, got


def test_english_keeps_direction_adjectives_out_of_the_name(gaz):
    assert "Syria" in found("Strikes hit northern Syria overnight.", "en", gaz)


def test_a_word_seen_beside_a_town_in_a_name_is_no_town_later(gaz):
    text = "Kobe Bryant was there on Friday. Later Bryant tweeted his support. The team flew to Kobe in May."
    got = [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)]
    assert "Bryant" not in got
    assert got == ["Kobe"]  # the city after "to" is still the city



def test_a_province_behind_a_rare_first_name_is_a_surname(gaz):
    text = ("The plan won over residents, explains councillor Dewly Nelson. Nelson himself was a critic. "
            "The Texas Forestry Service gave trees to Dublin schools.")
    got = [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)]
    assert "Nelson" not in got
    assert "Texas" in got and "Dublin" in got


def test_a_name_particle_joins_a_surname_to_a_first_name_but_not_a_city(gaz):
    text = "Trainer Mike de Kock won in Dubai; later Kock said so. Roger van Boxtel flew to Amsterdam."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Dubai", "Amsterdam"]
    text = "Deraglia un treno a Santiago de Compostela; Papa Francesco da Rio de Janeiro prega."
    got = [m.surface for m in find_places(Document("t", text), lang="it", gazetteer=gaz)]
    assert got == ["Santiago de Compostela", "Rio de Janeiro"]


def test_kinship_words_introduce_a_person(gaz):
    text = "The brothers pleaded guilty, with his brother Tyler given 21 years in Texas."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Texas"]


def test_according_to_a_surname_is_no_town(gaz):
    text = "He fled on foot, according to Taylor. Deputies searched Palestine."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Palestine"]


def test_two_first_names_and_a_surname_are_a_person_even_when_the_first_is_a_province(gaz):
    text = "Police arrested Paul Francis Floyd, 47, of Los Angeles."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Los Angeles"]
