"""Which places a figure applies to (geo/figure_places.py): candidates, named pair features, vetoes and the
choice of the best place with its list."""

from __future__ import annotations

import pytest

from geo.figure_places import PlaceWeights, choose, feature_names, load_weights, pair_features
from geo.figure_places import candidates as figure_candidates
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import parse_document
from geo.role_model import read_sentences


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def pool_of(text: str, lang: str, gaz, n: int = 0):
    parsed = parse_document(Document("t", text), lang=lang, gazetteer=gaz)
    sentences = read_sentences(text, parsed.mentions, lang)
    fig = parsed.figures[n]
    pool = figure_candidates(fig, parsed.mentions, sentences, text)
    sentence = next(s for s in sentences if s.start <= fig.start < s.end)
    return parsed, fig, pool, {m.surface: pair_features(fig, m, w, pool, parsed.mentions, sentence) for m, w in pool}


def test_a_place_right_after_the_figure_and_a_locative(gaz):
    _, _, _, feats = pool_of("The ministers met in Brussels and agreed to send 1,000 troops to Estonia.", "en", gaz)
    assert "right_after" in feats["Estonia"] and "right_after" not in feats["Brussels"]
    assert "after_number" in feats["Estonia"] and "after_number" not in feats["Brussels"]


def test_the_places_of_the_sentences_before_in_the_paragraph_are_candidates(gaz):
    text = "Heavy shelling hit Kherson overnight.\nThe governor said 3 people were killed."
    _, _, pool, _ = pool_of(text, "en", gaz)
    assert "sentence_before" not in [w for _, w in pool]  # a new paragraph: not the sentence before
    text = "Heavy shelling hit Kherson overnight. The governor said 3 people were killed."
    _, _, pool, _ = pool_of(text, "en", gaz)
    assert [(m.surface, w) for m, w in pool] == [("Kherson", "sentence_before")]


def test_the_documents_places_of_the_figures_kind_when_the_paragraph_has_none(gaz):
    text = "Shelling hit Kherson and Mykolaiv overnight.\n\nThe governor said 3 people were killed."
    parsed, fig, pool, _ = pool_of(text, "en", gaz)
    incident = {m.surface for m in parsed.mentions if m.role == "incident"}
    assert {m.surface for m, w in pool if w == "elsewhere"} == incident


@pytest.mark.parametrize(("lang", "text", "vetoed"), [
    ("it", "Sono stati lanciati 12 missili dall'Iran verso Israele.", "Iran"),
    ("en", "According to Kyiv, 40 drones were shot down over Sumy.", "Kyiv"),
])
def test_origins_and_sources_are_no_candidates(gaz, lang, text, vetoed):
    _, _, pool, _ = pool_of(text, lang, gaz)
    assert vetoed not in {m.surface for m, _ in pool}
    assert pool  # the other place stays a candidate


def test_the_best_candidate_comes_with_its_list():
    scores = [2.0, -1.0, -3.0, 1.5]
    groups = {0: 0, 1: 0, 2: 2, 3: 3}
    assert choose(scores, groups, 0.0) == [0, 1]
    assert choose(scores, groups, 2.5) == []
    assert choose([], {}, 0.0) == []


def test_one_figure_over_a_list_stays_one_figure_over_all_of_it(gaz):
    parsed = parse_document(Document("t", "Nella notte 40 droni sono stati abbattuti sopra le regioni di Sumy, "
                                          "Poltava e Chernihiv."), lang="it", gazetteer=gaz)
    assert len(parsed.figures) == 1
    assert len(parsed.figures[0].place_ids) == 3


def test_weights_name_only_known_features():
    weights = load_weights()
    assert weights is not None and set(weights.weights) <= set(feature_names())
    assert PlaceWeights(1.0, {"near": 2.0}).score({"near": 1.0}) == 3.0


def test_the_cue_reading_is_kept_beside_the_choice(gaz):
    parsed = parse_document(Document("t", "Circa 12.000 soldati sono schierati in Polonia."), lang="it",
                            gazetteer=gaz)
    fig = parsed.figures[0]
    assert fig.cue_place_ids == ["country:PL"] and fig.place_ids == ["country:PL"]


COVERAGE = [
    ("it", "Circa 12.000 soldati sono schierati in Polonia, Romania e nei Paesi baltici."),
    ("it", "Nella notte 40 droni sono stati abbattuti sopra la regione di Sumy.\nAltri 12 nel Mar Nero."),
    ("en", "Shelling hit Kharkiv, Ukraine, overnight. The governor said 3 people were killed and 18 incidents "
           "were recorded in the Kharkiv region, far from the front line in the east of the country."),
    ("en", "Shelling hit Kherson and Mykolaiv overnight.\n\nThe governor said 3 people were wounded."),
    ("en", "Italy will send 300 troops.\n\nThe ministers met in Rome, where Italy hosted the summit."),
    ("fr", "Au Mali, au moins 20 soldats ont été tués près de Gao selon Bamako, qui parle de 5 attaques."),
    ("en", "Ukraine's army said that overnight, in a long and complicated series of attacks on the region that "
           "lasted for many hours and involved several units, 7 drones were shot down 40 km north of Kharkiv."),
    ("en", "The government of Poland and Canada met in Rome; 3 soldiers were killed in the Black Sea."),
    ("it", "Almeno 5 soldati sono stati uccisi a Kharkiv, Ucraina, e a Sumy."),
]


def test_the_written_sentences_fire_every_pair_feature(gaz):
    fired: set[str] = set()
    for lang, text in COVERAGE:
        parsed = parse_document(Document("t", text), lang=lang, gazetteer=gaz)
        sentences = read_sentences(text, parsed.mentions, lang)
        for fig in parsed.figures:
            pool = figure_candidates(fig, parsed.mentions, sentences, text)
            sentence = next(s for s in sentences if s.start <= fig.start < s.end)
            for m, where in pool:
                fired |= set(pair_features(fig, m, where, pool, parsed.mentions, sentence))
    assert set(feature_names()) - fired == set()
