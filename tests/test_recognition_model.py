"""Recognition: the weighed features (geo/recognition_model.py), their fitted weights, and the rules added
with them for real reporting (German nouns, acronyms spelled out after them, names of units and missions,
alliances, two first names). Every sentence here is written for the tests."""

from __future__ import annotations

import pytest

from geo.cues import cues_for, lookup_candidates
from geo.gazetteer import load_gazetteer
from geo.normalize import fold
from geo.recognition_model import (
    FEATURES,
    WEIGHTS_PATH,
    RecognitionWeights,
    feature_names,
    hit_features,
    load_weights,
)
from geo.sentences import split_sentences, tokenize
from geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, lang: str, gaz, weights=None) -> list[str]:
    kwargs = {} if weights is None else {"weights": weights}
    return [s.surface for s in find_toponyms(text, lang=lang, gazetteer=gaz, **kwargs)]


def features_of(text: str, surface: str, lang: str, gaz, occurrence: int = 0) -> dict[str, float]:
    """The weighed features of the ``occurrence``-th span with this surface (the rules keep it)."""
    spans = [s for s in find_toponyms(text, lang=lang, gazetteer=gaz, weights=None) if s.surface == surface]
    assert len(spans) > occurrence, f"{surface!r} is not kept by the rules in {text!r}"
    return spans[occurrence].features


# --- features: each fires where it should and not on its counter-example ---------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "feature"),
    [
        ("Some 300 U.S. troops reached the base on Friday.", "en", "U.S.", "abbreviation_before_modifier"),
        ("A US battalion will train near the border.", "en", "US", "abbreviation_before_modifier"),
        ("Drones struck bases of U.S. and allied forces overnight.", "en", "U.S.", "abbreviation_before_modifier"),
        ("The U.S. Southern Command sent two ships.", "en", "U.S.", "abbreviation_before_modifier"),
        ("La marina USA ha intercettato due droni.", "it", "USA", "abbreviation_after_modifier"),
        ("Ministers praised the U.S.-Estonia defence pact.", "en", "U.S.", "abbreviation_hyphen_pair"),
        ("Myanmar troops shelled three villages.", "en", "Myanmar", "name_before_modifier"),
        ("Officers of the Multinational Corps Szczecin met on Monday.", "en", "Szczecin", "after_org_head"),
        ("The Defence Council of Moldova met on Monday.", "en", "Moldova", "inside_org_name"),
        ("Una nota del Comando europeo degli Stati Uniti parla di nuove manovre.", "it", "Stati Uniti",
         "inside_org_name_loose"),
        ("A statement of the Development Agency in Columbus followed.", "en", "Columbus", "org_name_locative"),
        ("Officers of the Kosovo Police were injured overnight.", "en", "Kosovo", "country_before_org_word"),
        ("The Ohio Division of Wildlife opened a new office.", "en", "Ohio", "area_before_org_word"),
        ("The Atbara Resistance Committee said shells fell overnight.", "en", "Atbara", "town_before_org_word"),
    ],
)
def test_each_feature_fires_on_its_pattern(gaz, text, lang, surface, feature):
    assert feature in features_of(text, surface, lang, gaz)


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("The United States sent 300 soldiers to Jordan.", "en", "United States"),  # no abbreviation
        ("Troops of the U.S. arrived on Monday.", "en", "U.S."),  # no noun after it
        ("U.S. officials said the troops would stay.", "en", "U.S."),  # the noun is no modifier noun
        ("Officials said the US kept troops in the region.", "en", "US"),  # a verb, then the noun
        ("Colpi di mortaio hanno raggiunto il Libano in serata.", "it", "Libano"),  # no organisation's head
        ("Shelling hit Kassala overnight, residents said.", "en", "Kassala"),
    ],
)
def test_no_feature_fires_on_a_plain_place(gaz, text, lang, surface):
    assert features_of(text, surface, lang, gaz) == {}


def test_the_feature_names_are_the_ones_computed():
    assert feature_names() == list(FEATURES)
    assert len(set(FEATURES)) == len(FEATURES)


# --- weights: kept in data, applied by the recogniser -----------------------------------------------------

def test_fitted_weights_exist_and_name_only_known_features():
    weights = load_weights()
    assert weights is not None, f"{WEIGHTS_PATH} is missing: run make weights"
    assert set(weights.weights) <= set(FEATURES)
    assert weights.keep({})  # a name no feature fires for always stays


def test_unknown_feature_in_the_weights_file_is_refused(tmp_path):
    path = tmp_path / "recognition.yaml"
    path.write_text("bias: 1.0\nweights: {no_such_feature: -1.0}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_feature"):
        load_weights(path)


def test_missing_weights_file_keeps_every_name(tmp_path):
    assert load_weights(tmp_path / "absent.yaml") is None


@pytest.mark.parametrize(
    ("text", "lang", "adjective", "place"),
    [
        ("Some 400 U.S. troops landed in Lithuania on Friday.", "en", "U.S.", "Lithuania"),
        ("A US battalion of 800 soldiers is based in Romania.", "en", "US", "Romania"),
        ("Rockets hit a base that houses U.S. forces in Syria.", "en", "U.S.", "Syria"),
    ],
)
def test_fitted_weights_drop_an_abbreviation_used_as_an_adjective(gaz, text, lang, adjective, place):
    names = found(text, lang, gaz)
    assert adjective not in names and place in names
    assert adjective in found(text, lang, gaz, weights=RecognitionWeights(1.0, {}))  # the rules alone keep it


def test_fitted_weights_keep_the_country_named_in_full(gaz):
    assert "U.S." in found("Washington said the U.S. would not strike.", "en", gaz)
    assert "United States" in found("The United States sent troops to Poland.", "en", gaz)


def test_weights_decide_by_the_sign_of_the_score():
    weights = RecognitionWeights(2.0, {"inside_org_name": -3.0, "name_before_modifier": 0.5})
    assert not weights.keep({"inside_org_name": 1.0})
    assert weights.keep({"name_before_modifier": 1.0})
    assert weights.score({"inside_org_name": 1.0, "name_before_modifier": 1.0}) == pytest.approx(-0.5)


def test_the_fit_learns_a_negative_weight_for_a_feature_of_look_alikes():
    pytest.importorskip("sklearn")
    from geo.data.fit_recognition import counts, fit, net

    rows = [({}, 1, 1.0)] * 40 + [({}, 0, 1.0)] * 4 + [({"abbreviation_before_modifier": 1.0}, 0, 1.0)] * 12 \
        + [({"abbreviation_before_modifier": 1.0}, 1, 1.0)] * 1
    weights = fit(rows, 10.0)
    assert weights.weights["abbreviation_before_modifier"] < 0 < weights.bias
    c = counts(weights, rows)
    assert c["dropped"] == 13 and c["dropped_places"] == 1 and net(c) == 11


# --- rules added with the features --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ein Anschlag traf die Kaserne nahe der Hafenstadt Kismayo am Montag.", "Kismayo"),
        ("Gestern brannte eine Scheune in der Kleinstadt Isjum südöstlich von Charkiw.", "Isjum"),
        ("Die Maschinen landen auf dem Fliegerhorst Wunstorf.", "Wunstorf"),
    ],
)
def test_german_place_noun_before_a_town_is_no_first_name(gaz, text, place):
    assert place in found(text, "de", gaz)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Die Luftwaffe meldete auf ihrem Telegram-Kanal vierzig Drohnen.", "Kanal"),
        ("Die Regierung des Landes schwieg zu den Vorwürfen.", "Landes"),
        ("Die Angriffe lösten mehrere Brände aus.", "Brände"),
        ("Dabei seien auch Märkte getroffen worden.", "Dabei"),
    ],
)
def test_german_nouns_are_no_places(gaz, text, noun):
    assert noun not in found(text, "de", gaz)


def test_german_home_units_and_towns_stay(gaz):
    names = found("In Bayern und in Sachsen, in Essen, in Hof und in Lörrach.", "de", gaz)
    assert {"Bayern", "Sachsen", "Essen", "Hof", "Lörrach"} <= set(names)


@pytest.mark.parametrize(
    ("text", "lang", "hidden", "place"),
    [
        ("Il contingente Onu (Unmik - United Nations Mission in Kosovo) pattuglia Mitrovica.", "it", "Kosovo",
         "Mitrovica"),
        ("I caschi blu della Unmik (United Nations Mission in Kosovo) hanno un presidio a Pristina.", "it", "Kosovo",
         "Pristina"),
    ],
)
def test_a_name_spelled_out_after_its_acronym_hides_its_place(gaz, text, lang, hidden, place):
    names = found(text, lang, gaz)
    assert hidden not in names and place in names


def test_spelled_after_spans_need_the_acronym_letters(gaz):
    from geo.masks import spelled_after_spans

    text = "He flew to Kyiv (Ukraine) and on to Paris - France."
    assert spelled_after_spans(tokenize(text, fold(text)), text, gaz) == []


@pytest.mark.parametrize(
    ("text", "lang", "unit_place", "place"),
    [
        ("Per due mesi il Task Group Estonia sorveglierà i porti della Lituania.", "it", "Estonia", "Lituania"),
        ("An officer of the Joint Force Command Naples arrived in Riga.", "en", "Naples", "Riga"),
        ("La Task Force Lettonia pattuglierà la costa vicino a Liepaja.", "it", "Lettonia", "Liepaja"),
    ],
)
def test_unit_and_command_names_hide_their_place(gaz, text, lang, unit_place, place, monkeypatch):
    names = found(text, lang, gaz)
    assert unit_place not in names and place in names
    # The name would be read as a place but for the mask of organisation names (geo.masks.organisation_spans).
    import geo.toponyms

    monkeypatch.setattr(geo.toponyms, "organisation_spans", lambda *args, **kwargs: [])
    assert unit_place in found(text, lang, gaz)


@pytest.mark.parametrize(
    ("text", "lang", "grouping"),
    [
        ("Sono arrivati 500 soldati dai Paesi NATO in Lettonia.", "it", "Paesi NATO"),
        ("Troops from NATO allies will exercise in Estonia.", "en", "NATO allies"),
        ("The brigade will reinforce NATO's eastern flank in Estonia.", "en", "NATO's eastern flank"),
        ("Des soldats des pays de l'OTAN sont arrivés en Estonie.", "fr", "pays de l'OTAN"),
    ],
)
def test_alliance_member_sets_are_no_places(gaz, text, lang, grouping):
    names = found(text, lang, gaz)
    assert grouping not in names and len(names) == 1


@pytest.mark.parametrize(
    ("text", "lang", "person_word"),
    [
        ("Aucun blessé n'est signalé, a affirmé Léon Dupuis, porte-parole de la mairie.", "fr", "Léon"),
        ("Das sagte Mukhtar Aden Mohamed, ein Offizier der Armee.", "de", "Aden"),
    ],
)
def test_person_names_hide_the_town_in_them(gaz, text, lang, person_word):
    assert person_word not in found(text, lang, gaz)


def test_hit_features_reads_tokens_directly(gaz):
    text = "Some 300 U.S. troops arrived."
    tokens = tokenize(text, fold(text))
    start = text.index("U.S.")
    cands = lookup_candidates(gaz, "u.s.")
    starts = {s for s, _ in split_sentences(text)}
    feats = hit_features(tokens, 2, 2, start, start + 4, cands, text, cues_for("en"), starts)
    assert feats == {"abbreviation_before_modifier": 1.0}


def test_an_acronym_alone_in_brackets_is_no_town(gaz):
    names = found("VIENNA, May 4 (KUNA) -- Fresh troops reached Kosovo. The town of Kuna lies in Alaska.", "en", gaz)
    assert names.count("Kuna") == 1 and "KUNA" not in names and "Kosovo" in names


@pytest.mark.parametrize(
    ("text", "lang", "teams", "places"),
    [
        ("Nel mondiale esordì contro l'Australia a Johannesburg e giocò contro Galles, Scozia e Nuova Zelanda.", "it",
         {"Australia", "Galles", "Scozia", "Nuova Zelanda"}, {"Johannesburg"}),
        ("He scored two goals against Wales in Cardiff.", "en", {"Wales"}, {"Cardiff"}),
        # no word of a match: an attack against a country names the country
        ("La NATO ha condotto esercitazioni contro la Russia in Polonia.", "it", set(), {"Russia", "Polonia"}),
        # the articles between the opponent word and the team are the language's (events.yaml ``articles``)
        # ("les": the one article of it/en/fr/es/de events.yaml the old hard-coded list lacked)
        ("Le match amical contre les Pays-Bas a eu lieu à Lyon, et les Bleus ont gagné.", "fr", {"Pays-Bas"},
         {"Lyon"}),
    ],
)
def test_opponents_in_a_match_report_are_teams(gaz, text, lang, teams, places):
    names = set(found(text, lang, gaz))
    assert not names & teams and places <= names


def test_a_capitals_old_spelling_lends_a_surname_after_a_speech_verb_no_weight(gaz):
    names = found("«Abbiamo vinto in regione», spiega Maroni. Le truppe sono arrivate a Moroni.", "it", gaz)
    assert names == ["Moroni"]  # "Maroni" is the speaker, not Moroni (Comoros), whose old spelling it is


@pytest.mark.parametrize(
    ("text", "lang", "model", "place"),
    [
        ("Su Zaporizhzhia hanno lanciato le bombe guidate Kab.", "it", "Kab", "Zaporizhzhia"),
        ("Nella notte missili balistici Iskander hanno colpito Kharkiv.", "it", "Iskander", "Kharkiv"),
    ],
)
def test_a_capitalised_word_after_a_weapon_noun_is_its_model(gaz, text, lang, model, place):
    names = found(text, lang, gaz)
    assert model not in names and place in names


def test_a_place_after_a_weapon_noun_and_a_preposition_or_a_verb_stays(gaz):
    assert "Kursk" in found("Droni su Kursk nella notte.", "it", gaz)
    assert "Kharkiv" in found("I missili colpiscono Kharkiv.", "it", gaz)
    assert "Mykolaiv" in found("A missile hit Mykolaiv at dawn.", "en", gaz)


def test_a_towns_police_department_names_the_town(gaz):
    feats = features_of("The Lebanon Police Department arrested him.", "Lebanon", "en", gaz)
    assert "country_before_org_word" not in feats  # a town's word follows: its police, not Lebanon's
    assert "Lebanon" in found("The Lebanon Police Department arrested him.", "en", gaz)


@pytest.mark.parametrize("module", ["geo.data.fit_recognition", "geo.data.fit_weights"])
def test_a_fit_command_without_annotated_articles_says_so_in_one_line(module, tmp_path, capsys):
    import importlib

    out = tmp_path / "weights.yaml"
    assert importlib.import_module(module).main(["--data", str(tmp_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no *.gold.json in {tmp_path}" in err
    assert err.startswith(module.rsplit(".", 1)[1] + ".py: error:") and not out.exists()
