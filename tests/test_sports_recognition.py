"""Recognition in sports reports and of people named like towns (geo/masks.py, geo/toponyms.py).

Teams are named after their towns and countries: around the verb of a result, listed after an article, in a
fixture beside a club the gazetteer lacks, in a league table; a player is named after "il gol di". None of
those is a place; the town a match is played in still is. The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from geo.cues import cues_for
from geo.gazetteer import load_gazetteer
from geo.masks import club_list_spans, match_verb_spans, scorer_spans, table_spans
from geo.model import Document
from geo.normalize import fold
from geo.pipeline import find_places
from geo.sentences import split_sentences, tokenize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def surfaces(text: str, lang: str, gaz) -> list[str]:
    return [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]


def _read(text: str, lang: str):
    return tokenize(text, fold(text)), cues_for(lang), split_sentences(text) or [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a team named on each side of a sure verb of a result
        ("La Spagna ha battuto il Portogallo ed è volata a Madrid.", "it", ["Madrid"]),
        ("Il Brasile pareggia con il Cile e passa il turno.", "it", []),
        ("L'Italia batte il Galles e vola agli Europei in Germania.", "it", ["Germania"]),
        # one team named is enough in a match report; the venue after a locative stays a place
        ("Nei quarti la Francia ha sconfitto l'Olanda a Lipsia.", "it", ["Lipsia"]),
        ("La Germania affronterà la Serbia nella partita decisiva a Port Elizabeth.", "it", ["Port Elizabeth"]),
        ("Spain defeated Portugal 2-1 in Lisbon.", "en", ["Lisbon"]),
        ("Le Brésil a battu le Chili 3-0 à Johannesburg.", "fr", ["Johannesburg"]),
        ("España goleó a Portugal en Sevilla.", "es", ["Sevilla"]),
    ],
)
def test_teams_around_a_match_verb_are_no_places(gaz, text, lang, expected):
    assert surfaces(text, lang, gaz) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Russia si batte per la pace in Europa.", "it", ["Russia", "Europa"]),  # no rival named
        ("L'Italia affronta la Francia sul tema dei migranti.", "it", ["Italia", "Francia"]),  # a weak verb
        ("Napoleone sconfisse l'Austria nel 1805.", "it", ["Austria"]),  # no match report, no team before
        ("Ukraine defeated Russia's hopes of a quick war, officials in Kyiv said.", "en",
         ["Ukraine", "Russia", "Kyiv"]),
        ("Police beat protesters in Minsk.", "en", ["Minsk"]),
    ],
)
def test_a_match_verb_outside_a_match_takes_no_place(gaz, text, lang, expected):
    assert surfaces(text, lang, gaz) == expected


def test_match_verb_spans_names_the_teams_only():
    text = "Il Milan ha battuto la Sampdoria per 2-0 a Genova."
    tokens, cues, sentences = _read(text, "it")
    assert [text[a:b] for a, b in match_verb_spans(tokens, text, cues, sentences)] == ["Milan", "Sampdoria"]


def test_clubs_listed_after_an_article_are_teams(gaz):
    assert surfaces("Ha giocato nella Roma, Verona, Cagliari e Pisa prima di ritirarsi a Lecce.", "it", gaz) \
        == ["Lecce"]
    text = "Ha giocato nel Genoa, Torino e Bologna."
    tokens, cues, _ = _read(text, "it")
    assert [text[a:b] for a, b in club_list_spans(tokens, text, cues, gaz)] == ["Genoa", "Torino", "Bologna"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maltempo nel Lazio, Abruzzo e Molise.", ["Lazio", "Abruzzo", "Molise"]),  # regions take the article
        ("Le piogge hanno colpito il Texas, Ohio e Michigan.", ["Texas", "Ohio", "Michigan"]),
        ("Arrivi dal Cairo, Alessandria e Giza.", ["Cairo", "Alessandria", "Giza"]),
        ("Allerta meteo nel Kent, Sussex e Surrey.", ["Surrey"]),  # counties ("nel Kent" reads as a club alone)
        ("Nella Roma antica i senatori votavano.", ["Roma"]),  # one name is no list
    ],
)
def test_areas_listed_after_an_article_stay_places(gaz, text, expected):
    assert surfaces(text, "it", gaz) == expected


def test_a_club_the_gazetteer_lacks_makes_a_fixture(gaz):
    assert surfaces("Domenica 14 maggio Napoli - Atalanta, poi Sampdoria - Torino.", "it", gaz) == []
    assert surfaces("Il treno Napoli - Roma è in ritardo.", "it", gaz) == ["Napoli", "Roma"]


def test_teams_in_a_league_table(gaz):
    text = "Classifica: Napoli 30, Inter 28, Milan 27, Lazio 25, Roma 24."
    assert surfaces(text, "it", gaz) == []
    tokens, cues, sentences = _read(text, "it")
    assert [text[a:b] for a, b in table_spans(tokens, text, cues, sentences)] == [
        "Napoli", "Inter", "Milan", "Lazio", "Roma"]
    assert surfaces("Standings: Arsenal 45, Liverpool 43, Chelsea 40, Everton 38.", "en", gaz) == []
    # no table word, or a unit after the number: towns
    assert surfaces("Temperature massime: Milano 30 gradi, Roma 32 gradi.", "it", gaz) == ["Milano", "Roma"]
    assert surfaces("Contagi per provincia: Milano 300, Bergamo 250.", "it", gaz) == ["Milano", "Bergamo"]


def test_the_scorer_of_a_goal_is_a_player(gaz):
    text = "Il gol di Ferrara al novantesimo ha deciso il derby di Genova."
    assert surfaces(text, "it", gaz) == ["Genova"]
    tokens, cues, _ = _read(text, "it")
    assert [text[a:b] for a, b in scorer_spans(tokens, text, cues)] == ["Ferrara"]
    assert surfaces("Una doppietta di Calabria ha aperto le marcature a Bergamo.", "it", gaz) == ["Bergamo"]
    assert surfaces("Incidente a Ferrara, due feriti.", "it", gaz) == ["Ferrara"]


def test_a_surname_seen_with_a_first_name_is_the_player_later(gaz):
    assert surfaces("Il difensore Ciro Ferrara è tornato in campo. Ferrara ha giocato tutta la partita.", "it",
                    gaz) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("L'Hapoel Tel Aviv ha perso in casa del Maccabi Haifa.", "it", []),
        ("L'Olympique de Marseille ha vinto a Parigi.", "it", ["Parigi"]),
        ("Steaua Bucharest drew in Madrid.", "en", ["Madrid"]),
    ],
)
def test_heads_of_club_names_hide_their_town(gaz, text, lang, expected):
    assert surfaces(text, lang, gaz) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name that is also a unit abroad (Malta's Paola, Cape Verde's Paul) still starts a name
        ("Ha indagato la pm Paola Rossi a Cosenza.", ["Cosenza"]),
        ("Il giudice ha ascoltato Paul Jones a Dublino.", ["Dublino"]),
        # a small town after a title is the person's first name, not a place before the name
        ("A Bagdad ha parlato il senatore Ramsey Lewis.", ["Bagdad"]),
        # a first name that is a small town, then a comma and a lower-case word: the person
        ("La sorella di Arnold, il fratello minore, vive a Londra.", ["Londra"]),
        # a comma, then a locative or a name: the town
        ("Le scuole di Mercedes, in Argentina, sono chiuse.", ["Mercedes", "Argentina"]),
    ],
)
def test_people_named_like_towns(gaz, text, expected):
    assert surfaces(text, "it", gaz) == expected


def test_a_country_first_name_in_english_still_needs_a_rare_surname(gaz):
    assert surfaces("The Georgia Bureau of Investigation opened a case.", "en", gaz) == ["Georgia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poi Matera raddoppia di testa e la partita finisce a Potenza.", ["Potenza"]),  # a player scores
        ("Il Matera segna due gol.", []),  # the club, after its article
        ("A Matera segna il passo la raccolta differenziata.", ["Matera"]),  # after a locative: the town
    ],
)
def test_a_small_town_before_a_players_verb_is_the_player(gaz, text, expected):
    assert surfaces(text, "it", gaz) == expected
