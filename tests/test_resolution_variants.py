"""Resolution categories: the country a document is about, named among readings of several countries, and
hyphenated names misspelt by one letter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from geo.dates import find_dateline
from geo.gazetteer import Candidate, load_gazetteer
from geo.model import Document
from geo.pipeline import find_places
from geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, lang: str, gaz) -> dict[str, object]:
    """Surface -> entity of the places found in ``text`` (the first mention of each surface)."""
    out: dict[str, object] = {}
    for m in find_places(Document("t", text), lang=lang, gazetteer=gaz):
        out.setdefault(m.surface, m.entity)
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Clashes between the army and a militia displaced thousands in Sudan; many walked to Sinnar.", "en"),
        ("Gli scontri in Sudan hanno spinto migliaia di persone verso Sinnar.", "it"),
    ],
)
def test_a_country_named_as_written_votes_though_another_country_shares_the_name(gaz, text, lang):
    # "Sudan" is also a name of South Sudan: the country named as written is still the document's country
    places = found(text, lang, gaz)
    assert places["Sudan"].id == "country:SD"
    assert places["Sinnar"].country == "SD"


@pytest.mark.parametrize(
    ("text", "lang", "town", "country"),
    [
        # "Mali" is also a prefecture of Guinea, "Niger" a state of Nigeria: the country still votes when
        # nothing else of the document is in Guinea or Nigeria (Kita went to Quito, Gaya to India)
        ("Ostaggi liberati in Mali. Il convoglio era partito da Kita.", "it", "Kita", "ML"),
        ("Gunmen attacked an army post in Niger on Sunday; the wounded were taken to Gaya.", "en", "Gaya", "NE"),
        # "Guatemala" is also a department of Guatemala: a unit of the country itself is no rival
        ("Las lluvias en Guatemala dejaron sin luz a San Marcos.", "es", "San Marcos", "GT"),
        ("Le Guatemala a envoyé des secours à Santa Ana.", "fr", "Santa Ana", "GT"),
    ],
)
def test_a_country_named_like_a_unit_votes_for_its_towns(gaz, text, lang, town, country):
    assert found(text, lang, gaz)[town].country == country


@pytest.mark.parametrize("text", [
    # Suleja lies in Niger State (and in Russia): "Niger" may be the state here, and lends no vote to the country
    "Heavy rain fell in Niger: in Suleja and Gaya the roads were cut.",
    # the document votes for Nigeria: "Niger" lends no vote to the country (as before)
    "Officials in Nigeria said floods hit Niger; in Gaya the roads were cut.",
])
def test_a_country_named_like_a_unit_of_a_country_the_text_is_about_casts_no_vote(gaz, text):
    places = found(text, "en", gaz)
    assert places["Niger"].id == "admin1:NG-NI"
    assert places["Gaya"].country != "NE"


def test_a_country_named_like_a_unit_read_as_a_town_casts_no_vote(gaz):
    # "the town of Niger": a locality's hint, no country; the Gaya of India keeps its lead
    text = "Gunmen attacked an army post in the town of Niger on Sunday; the wounded were taken to Gaya."
    assert found(text, "en", gaz)["Gaya"].country != "NE"


def test_a_country_beside_units_is_the_one_primary_country_of_that_name_outranking_them(gaz):
    from geo.resolve import _country_beside_units, prior

    cands = [c for c in gaz.candidates("mali") if c.entity.kind in ("country", "admin1")]
    country = next(c for c in cands if c.entity.kind == "country")
    unit = next(c for c in cands if c.entity.kind == "admin1")
    assert _country_beside_units("Mali", cands, country) == (country, [unit])
    # an alternate name of the country is no vote
    assert _country_beside_units("Mali", [replace(country, primary=False), unit], unit) is None
    # a territory of a few people does not outrank the unit
    tiny = replace(country, entity=replace(country.entity, population=10))
    assert prior(tiny) < prior(unit)
    assert _country_beside_units("Mali", [tiny, unit], unit) is None
    # a namesake that is no admin-1 unit (a region) is not of this category
    region = replace(unit, entity=replace(unit.entity, kind="region"))
    assert _country_beside_units("Mali", [country, region], country) is None


def test_no_country_is_named_by_compass_words_only(gaz):
    # a country beside units (geo.resolve._country_beside_units) is named as written by its own name, which is
    # never a compass name ("North East", "Sud-Est": the span's compass) in any language: resolve's pass 1 needs
    # no compass check for it (the check it had, "span.dateline or not span.compass", could never fail there)
    from geo import lexicons
    from geo.cues import cues_for
    from geo.resolve import _name_key
    from geo.toponyms import _compass_name

    countries = [_name_key(e.name) for e in gaz.entities(["country"])]
    assert len(countries) > 100 and _compass_name("north east", cues_for("en"))  # (the reading itself reads)
    for lang in lexicons.available_languages():
        cues = cues_for(lang)
        assert cues.compass_words
        assert not [name for name in countries if _compass_name(name, cues)], lang


def test_two_areas_named_as_written_stay_ambiguous(gaz):
    # "Niger" is the country and a state of Nigeria by that very name: no anchor is made of either in pass 1
    # (the country votes later, unless the document votes for Nigeria or names a town of the state)
    from geo.resolve import _country_named_as_written

    cands = [c for c in gaz.candidates("niger") if c.entity.kind in ("country", "admin1")]
    assert len(cands) == 2
    assert _country_named_as_written("Niger", cands, cands[0]) == cands


def _sudan_areas(gaz):
    areas = [c for c in gaz.candidates("sudan") if c.entity.kind in ("country", "region", "admin1")]
    country = next(c for c in areas if c.entity.id == "country:SD")
    return areas, country


def test_the_country_named_as_written_is_the_one_reading(gaz):
    from geo.resolve import _country_named_as_written, prior

    areas, country = _sudan_areas(gaz)
    assert len(areas) > 1
    assert _country_named_as_written("Sudan", areas, max(areas, key=prior)) == [country]


def test_a_country_named_as_written_is_no_anchor_beside_a_second_area_of_that_name(gaz):
    # the country first, then an area of the very same name: neither is taken
    from geo.resolve import _country_named_as_written

    areas, country = _sudan_areas(gaz)
    unit = Candidate(replace(country.entity, id="admin1:XX-SD", kind="admin1", country="XX"), True)
    areas = [*areas, unit]
    assert _country_named_as_written("Sudan", areas, country) == areas


def test_an_area_named_as_written_that_is_no_country_is_no_anchor(gaz):
    from geo.resolve import _country_named_as_written

    areas, country = _sudan_areas(gaz)
    unit = Candidate(replace(country.entity, kind="admin1"), True)
    areas = [unit if c is country else c for c in areas]
    assert _country_named_as_written("Sudan", areas, unit) == areas


def test_a_country_so_named_by_an_alternate_name_only_is_no_anchor(gaz):
    from geo.resolve import _country_named_as_written

    areas, country = _sudan_areas(gaz)
    alternate = Candidate(country.entity, False)
    areas = [alternate if c is country else c for c in areas]
    assert _country_named_as_written("Sudan", areas, alternate) == areas


def test_a_country_named_as_written_outranked_by_another_reading_is_no_anchor(gaz):
    from geo.resolve import _country_named_as_written, prior

    areas, country = _sudan_areas(gaz)
    small = Candidate(replace(country.entity, population=50), True)
    areas = [small if c is country else c for c in areas]
    best = max(areas, key=prior)
    assert prior(best) > prior(small)
    assert _country_named_as_written("Sudan", areas, best) == areas


@pytest.mark.parametrize(
    ("text", "lang", "surface", "name"),
    [
        ("Shelling hit Kamianetz-Podilskyi on Monday, officials in Ukraine said.", "en",
         "Kamianetz-Podilskyi", "Kamyanets-Podilskyi"),
        ("Les sirènes ont retenti à Kamianetz-Podilskyi dans la nuit.", "fr",
         "Kamianetz-Podilskyi", "Kamyanets-Podilskyi"),
        ("Drones were downed over the Ivanof-Frankivsk region, the air force said.", "en",
         "Ivanof-Frankivsk", "Ivano-Frankivsk Oblast"),
    ],
)
def test_a_hyphenated_name_one_letter_off_is_the_place_so_named(gaz, text, lang, surface, name):
    places = found(text, lang, gaz)
    assert places[surface] is not None and places[surface].name == name
    assert not any(s in places for s in ("Podilskyi", "Frankivsk", "Ivanof"))


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        # a first word of three letters, though one letter off "Mont" (and a region of Myanmar)
        ("Des pluies ont touché le Mon-Liban hier.", "fr", "Liban"),
        # a first word in lower case
        ("Drones were downed over the ivanof-Frankivsk region, the air force said.", "en", "Frankivsk"),
        # one letter off two names, Ikere-Ekiti and Ijero-Ekiti: no telling which
        ("Youths protested in Ikero-Ekiti on Friday.", "en", "Ekiti"),
    ],
)
def test_a_hyphenated_name_not_surely_misspelt_is_left_as_it_was(gaz, text, lang, surface):
    assert surface in found(text, lang, gaz)


def test_a_misspelt_hyphenated_name_in_the_dateline_is_read_whole(gaz):
    text = "Ivanof-Frankivsk, Jan 5 - Drones were downed overnight, the air force said."
    spans = find_toponyms(text, lang="en", gazetteer=gaz, dateline=find_dateline(text, "en"))
    assert [(s.surface, s.dateline) for s in spans][:1] == [("Ivanof-Frankivsk", True)]
    assert spans[0].candidates[0].entity.name == "Ivano-Frankivsk"


def test_a_misspelt_first_word_inside_a_longer_span_is_left_alone(gaz):
    # the span before the hyphen is no span of the first word alone ("Old Ivanof" here): it stays
    from geo.toponyms import Span, _misspelt_compounds

    text = "Old Ivanof-Frankivsk"
    before = Span(0, 10, "Old Ivanof", [], 0)
    after = Span(11, 20, "Frankivsk", gaz.candidates("frankivsk"), 0)
    assert _misspelt_compounds([before, after], text, gaz) == [before, after]
    # the first word as a span of its own is taken in
    alone = Span(4, 10, "Ivanof", [], 0)
    assert [s.surface for s in _misspelt_compounds([alone, after], text, gaz)] == ["Ivanof-Frankivsk"]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Floods hit Bangladesh and Pakistan this week; the North East was worst affected.", "en", "North East"),
        ("Wildfires raged across Oregon and California, and the whole West Coast choked on smoke.", "en",
         "West Coast"),
    ],
)
def test_a_compass_name_is_no_unit_of_a_country_the_report_does_not_name(gaz, text, lang, surface):
    # rule COMPASS_ABROAD: not Botswana's North East nor New Zealand's West Coast; no point rather than a wrong one
    places = found(text, lang, gaz)
    assert surface in places and places[surface] is None


@pytest.mark.parametrize(
    ("text", "lang", "surface", "country"),
    [
        ("Residents of Botswana's North East district voted on Saturday in Francistown.", "en",
         "North East district", "BW"),
        ("The West Coast of New Zealand was hit by storms; Greymouth flooded.", "en", "West Coast", "NZ"),
        # no other name votes for a country: the unit stays
        ("Heavy rain fell on the West Coast.", "en", "West Coast", "NZ"),
    ],
)
def test_a_compass_name_keeps_its_unit_in_the_country_of_the_report(gaz, text, lang, surface, country):
    assert found(text, lang, gaz)[surface].country == country


@pytest.mark.parametrize(
    ("text", "lang", "surfaces"),
    [
        # two compass names of one country cast no vote for each other's namesakes (Ghana's regions here)
        ("Heavy rains hit Uganda's Central region and Eastern region; Mbale was flooded.", "en",
         ("Central region", "Eastern region")),
        ("Uganda's Central region got rain; Mbale farmers were pleased.", "en", ("Central region",)),
        ("Des orages ont frappé le Nord-Est et le Sud-Est de la Belgique; Liège et Namur sont en alerte.", "fr",
         ("Nord-Est", "Sud-Est")),
        ("Il Nord-Est della Spagna e il Sud-Est del Portogallo; Saragozza e Faro.", "it", ("Nord-Est", "Sud-Est")),
    ],
)
def test_compass_names_of_one_report_do_not_vote_for_each_other(gaz, text, lang, surfaces):
    places = found(text, lang, gaz)
    for surface in surfaces:
        assert surface in places and places[surface] is None


def test_a_compass_name_with_a_qualifier_keeps_its_reading(gaz):
    # "Maryland", also a town's name, casts no vote; the qualifier names the state the town lies in
    places = found("Visitors from Canada stopped in North East, Maryland, on their way south.", "en", gaz)
    assert places["North East"] is not None and places["North East"].country == "US"


def test_a_compass_name_read_as_a_region_keeps_its_reading(gaz):
    # rule COMPASS_ABROAD leaves admin-1 units and towns only: the French region is kept
    text = "Les pompiers de la Région Sud sont venus aider l'Italie ; Gênes et Savone les remercient."
    assert found(text, "fr", gaz)["Région Sud"].kind == "region"


def test_a_compass_name_has_a_compass_word():
    # German "Island" (Iceland) is a compass noun of the English list only: no compass name
    from geo.cues import cues_for
    from geo.toponyms import _compass_name

    assert not _compass_name("island", cues_for("de"))
    assert _compass_name("sud-est", cues_for("fr")) and _compass_name("west coast", cues_for("de"))
