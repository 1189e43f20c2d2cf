"""Resolution categories: the country a document is about, named among readings of several countries, and
hyphenated names misspelt by one letter."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import find_places


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


def test_two_areas_named_as_written_stay_ambiguous(gaz):
    # "Niger" is the country and a state of Nigeria by that very name: no anchor is made of either
    from geo.resolve import _country_named_as_written

    cands = [c for c in gaz.candidates("niger") if c.entity.kind in ("country", "admin1")]
    assert len(cands) == 2
    assert _country_named_as_written("Niger", cands, cands[0]) == cands


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
        # two letters off: no such place is read into it
        ("Shelling hit Kamianezz-Podilskyi on Monday.", "en", "Podilskyi"),
        # a route between two places is no misspelt name
        ("The Lviv-Podilskyi train was late.", "en", "Podilskyi"),
    ],
)
def test_a_hyphenated_name_further_off_is_left_as_it_was(gaz, text, lang, surface):
    assert surface in found(text, lang, gaz)


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
