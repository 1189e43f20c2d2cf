"""Event frames (geo/events.py): trigger words from the lexicons, checked against their schema."""

from __future__ import annotations

import pytest

from geo import lexicons
from geo.errors import LexiconSchemaError
from geo.events import (
    EVENT_CLASSES,
    FRAME_KEYS,
    LEXICON_FIELDS,
    Phrases,
    _key,
    event_profile,
    read_sentence,
)
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.normalize import fold
from geo.pipeline import parse_document


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def events_of(text: str, lang: str) -> set[str]:
    return read_sentence(text, fold(text), 0, len(text), event_profile(lang)).events()


@pytest.mark.parametrize(("lang", "text", "event"), [
    ("it", "Le difese aeree hanno abbattuto dodici velivoli nemici.", "intercept"),
    ("it", "L'artiglieria ha bombardato la periferia della città.", "attack"),
    ("it", "Tre civili sono stati uccisi.", "kill"),
    ("it", "Due agenti sono rimasti feriti.", "wound"),
    ("it", "Il battaglione sarà schierato entro marzo.", "deploy"),
    ("it", "L'esercitazione durerà due settimane.", "exercise"),
    ("it", "Il vertice si è svolto senza incidenti diplomatici.", "meet"),
    ("en", "Air defences shot down nine drones.", "intercept"),
    ("en", "Two soldiers were wounded.", "wound"),
    ("fr", "Des frappes ont visé un dépôt.", "attack"),
    ("es", "Murieron cuatro personas.", "kill"),
    ("de", "Die Luftabwehr hat drei Drohnen abgeschossen.", "intercept"),
    ("de", "Das Manöver beginnt am Montag.", "exercise"),
])
def test_trigger_words_name_the_event(lang, text, event):
    assert event in events_of(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ziel der Reform ist ein schlankerer Haushalt."),  # "Ziel" alone: a goal, no target
    ("it", "L'obiettivo del governo è una legge più snella."),
    ("it", "Il ministro ha parlato con i giornalisti della nuova legge."),
    ("en", "The minister spoke to reporters about the budget."),
])
def test_a_sentence_without_triggers_has_no_event(lang, text):
    assert events_of(text, lang) == set()


def test_a_star_is_a_prefix_and_a_plain_word_is_whole():
    phrases = Phrases.of(["bombard*", "raid", "shot down"])
    assert phrases.match_at(["bombardamenti"], 0) == 1
    assert phrases.match_at(["raids"], 0) == 0
    assert phrases.match_at(["were", "shot", "down"], 1) == 2


def test_a_phrase_ending_before_a_word_is_found_where_it_starts():
    """Phrases.ending: the first start whose longest phrase ends right before the word, looked for as far back as the
    longest phrase (or ``reach``); a longer match at that start that runs past the word is no ending there."""
    phrases = Phrases.of(["a few miles from", "from", "close to"])
    words = ["shelled", "a", "few", "miles", "from", "the", "border"]
    assert phrases.ending(words, 5) == 1  # the longest phrase, four words back
    assert phrases.ending(words, 5, 2) == 4  # within two words: "from" alone
    assert phrases.ending(words, 4) is None  # "a few miles" is no phrase; "from" starts past it
    assert phrases.ending(["close", "to", "x"], 2) == 0 and phrases.ending(["close", "to", "x"], 1) is None
    assert Phrases.of(["close to"]).ending(["to", "x"], 1) is None  # nothing before the first word
    near = Phrases.of(["near", "near the border"])
    assert near.ending(["near", "the", "border", "x"], 1) is None  # "near" ends there, its longest match does not
    assert near.ending(["near", "the", "border", "x"], 3) == 0


def test_a_break_between_two_words_is_one_of_the_marks_between_them():
    text = "Shelling hit Kupiansk; in Izium, two bridges fell (officials said)."
    s = read_sentence(text, fold(text), 0, len(text), event_profile("en"))
    kup, izium, fell = text.index("Kupiansk"), text.index("Izium"), text.index("fell")
    assert s.break_between(text, ";", kup + 8, izium)  # the ';' after Kupiansk
    assert not s.break_between(text, ";", izium + 5, fell)  # only a comma there
    assert s.break_between(text, ",;", izium + 5, fell)
    assert not s.break_between(text, ";", 0, kup + 8) and not s.break_between(text, ";", kup + 9, len(text))
    assert not s.break_between(text, ".", 0, len(text))  # the final dot is after the last word: no break


def test_the_gap_before_a_word_and_a_break_in_it():
    text = "Drones hit Mariupol; in Berdiansk (a port), fires spread."
    s = read_sentence(text, fold(text), 0, len(text), event_profile("en"))
    berdiansk = s.token_at(text.index("Berdiansk"))
    spread = s.token_at(text.index("spread"))
    assert s.gap(text, berdiansk) == " " and s.gap(text, berdiansk + 1) == " ("
    assert s.gap(text, spread - 1) == "), "
    assert s.break_before(text, ";", berdiansk - 1) and not s.break_before(text, ";", berdiansk)
    assert s.break_before(text, ",", spread - 1) and not s.break_before(text, ",", spread)
    for j in (0, len(s.tokens)):  # no gap before the first word, nor a word after the last
        with pytest.raises(IndexError, match="no gap before word"):
            s.gap(text, j)
        with pytest.raises(IndexError, match="no gap before word"):
            s.break_before(text, ",", j)


def test_a_place_name_is_no_trigger():
    text = "Officials in Mission Viejo approved the budget."
    start = text.index("Mission")
    plain = read_sentence(text, fold(text), 0, len(text), event_profile("en"))
    skipped = read_sentence(text, fold(text), 0, len(text), event_profile("en"), [(start, start + 13)])
    assert plain.events() == {"deploy"}  # "mission" is a deployment word
    assert skipped.events() == set()  # but not inside the town's name


def test_every_events_lexicon_holds_exactly_the_schema_keys():
    # FRAME_KEYS are the event classes and the fields EventProfile declares with _key: a key declared there and
    # not in the schema (or the other way round) fails here
    assert set(lexicons.schema()["events"]["required"]) == set(FRAME_KEYS)
    assert set(lexicons.schema()["events"]["keys"]) == set(FRAME_KEYS)
    for lang in lexicons.available_languages():
        data = lexicons.load(lang, "events")
        if data:
            assert set(data) == set(FRAME_KEYS), lang
            assert event_profile(lang).lang == lang


@pytest.mark.parametrize(("lang", "no_area", "pairs"), [
    ("en", "state", [("area", "areas"), ("zone", "zones"), ("district", "districts"), ("region", "regions"),
                     ("province", "provinces"), ("county", "counties")]),
    ("it", "stato", [("zona", "zone"), ("area", "aree"), ("regione", "regioni"), ("distretto", "distretti")]),
    ("fr", "etat", [("zone", "zones"), ("region", "regions"), ("secteur", "secteurs"), ("district", "districts")]),
    ("es", "estado", [("zona", "zonas"), ("area", "areas"), ("region", "regiones"), ("provincia", "provincias")]),
    ("de", "staat", [("gebiet", "gebiete"), ("region", "regionen"), ("bezirk", "bezirke")]),
])
def test_the_border_area_nouns_are_areas_in_both_numbers(lang, no_area, pairs):
    """The nouns of the border-area exception (``border_area_nouns``, read by
    :meth:`geo.events.EventProfile.border_area`) hold each area noun with its plural ("the border zones of X" as
    "the border zone of X"), and no "state" ("the state border of X" is X's border, no area); the neighbour
    adjectives are border nouns."""
    profile = event_profile(lang)
    assert no_area not in profile.border_area_nouns
    for one, many in pairs:
        assert one in profile.border_area_nouns and many in profile.border_area_nouns, (one, many)
    assert all(a in profile.border_nouns for a in profile.neighbour_adjectives)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda good: good.replace("intercept:", "intercpet:"), r"xx/events.yaml: missing key 'intercept'"),
    # a key no field of EventProfile declares, all the declared ones present
    (lambda good: good + "\nharbour_nouns: [quay]\n", r"xx/events.yaml: unknown key 'harbour_nouns'"),
], ids=["misspelt", "unknown"])
def test_a_key_off_the_schema_fails_naming_file_and_key(tmp_path, monkeypatch, edit, message):
    folder = tmp_path / "xx"
    folder.mkdir()
    good = (lexicons.LEXICON_DIR / "en" / "events.yaml").read_text(encoding="utf-8")
    (folder / "events.yaml").write_text(edit(good), encoding="utf-8")
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    lexicons.load.cache_clear()
    event_profile.cache_clear()
    try:
        with pytest.raises(LexiconSchemaError, match=message):
            event_profile("xx")
    finally:
        lexicons.load.cache_clear()
        event_profile.cache_clear()


def test_every_lexicon_field_of_the_profile_is_read_from_its_key():
    """Each field declared with _key is filled from the events.yaml key of its name, by the reader it declares:
    folded where the text is matched folded, lower-cased with accents kept for list_breakers; a reader that does
    not exist is refused when the field is declared."""
    assert {f.name for f in LEXICON_FIELDS} == set(FRAME_KEYS) - set(EVENT_CLASSES)
    for lang in ("en", "fr", "it", "de"):
        data = lexicons.load(lang, "events")
        profile = event_profile(lang)
        assert profile.list_breakers == frozenset(str(w).lower() for w in data["list_breakers"])  # accents kept
    assert "où" in event_profile("fr").list_breakers
    assert {"region", "departement"} <= event_profile("fr").border_area_nouns  # 'région' matched folded
    assert "limitrofe" in event_profile("es").neighbour_adjectives
    with pytest.raises(ValueError, match="no reader 'phrase'"):
        _key("phrase")


def test_frames_name_the_event_its_places_and_figures(gaz):
    text = "Nella notte 40 droni sono stati abbattuti sopra le regioni di Sumy e Poltava. Il ministro ha parlato."
    parsed = parse_document(Document("t", text), lang="it", gazetteer=gaz)
    assert len(parsed.frames) == 1
    frame = parsed.frames[0]
    assert frame.event == "intercept"
    assert [f.kind for f in parsed.figures if f.figure_id in frame.figure_ids] == ["equipment"]
    assert frame.quote.startswith("Nella notte")
    assert set(EVENT_CLASSES) >= set(frame.events)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7])
def test_word_phrases_of_every_length_start_at_each_word(n):
    from geo.roles import _ngrams

    words = ["truppe", "a", "nord", "di", "kyiv", "e", "leopoli"][:n]
    grams = _ngrams(words)
    assert len(grams) == n
    for i, phrases in enumerate(grams):
        assert phrases == tuple(" ".join(words[i : i + k]) for k in (1, 2, 3) if i + k <= n)
    if n >= 3:
        assert grams[0] == ("truppe", "truppe a", "truppe a nord") and grams[-1] == (words[-1],)
    # asked at some words only (where a cue may start), the same phrases there and none elsewhere
    at = [k for k in range(n) if k % 3 != 1]
    assert _ngrams(words, at) == [g if k in at else () for k, g in enumerate(grams)]


def test_spans_by_start_find_overlaps_and_keep_the_original_order():
    """Frames and triggers of a long document look their spans up by bisection (linear in
    length); the lookup must still see a long span that starts before the stretch, and answer in
    the order the spans were given (frames list their places in mention order)."""
    from types import SimpleNamespace

    from geo.spans import ByStart

    spans = ByStart([(60, 70), (0, 50), (10, 12), (52, 58)])
    assert spans.overlapping(40, 65) == [(60, 70), (0, 50), (52, 58)]
    assert spans.overlapping(50, 52) == []
    marks = [SimpleNamespace(start=s, end=s + 3) for s in (30, 5, 20, 31)]
    assert [m.start for m in ByStart(marks).between(20, 31)] == [30, 20]


def test_spans_by_start_answer_as_a_scan_of_every_span():
    """The index (sorted input taken as it is, other input sorted once, ties, spans and objects mixed)
    answers every stretch as a scan of all the spans in their order would."""
    import random
    from types import SimpleNamespace

    from geo.spans import ByStart

    rng = random.Random(7)
    for case in range(60):
        starts = [rng.randrange(0, 40) for _ in range(rng.randrange(0, 9))]
        if case % 2:
            starts.sort()  # text order, ties included
        spans = [(a, a + rng.randrange(0, 12)) for a in starts]
        items = [x if rng.random() < 0.5 else SimpleNamespace(start=x[0], end=x[1]) for x in spans]
        index = ByStart(items)
        assert index.sorted == (starts == sorted(starts))
        for lo in range(-2, 45, 3):
            for hi in range(lo, 50, 4):
                pairs = list(zip(items, spans, strict=True))
                assert index.between(lo, hi) == [x for x, (a, _) in pairs if lo <= a < hi]
                assert index.overlapping(lo, hi) == [x for x, (a, b) in pairs if a < hi and lo < b]
                assert index.positions_between(lo, hi) == [k for k, (a, _) in enumerate(spans) if lo <= a < hi]


def test_a_phrase_of_non_triggers_holds_no_trigger():
    """events.yaml non_triggers: "la mission vise à former" (aims to) reports no attack; "le tir vise un dépôt" (a
    shot aims at a depot, the same word) still does."""
    assert "attack" not in events_of("La mission vise à former les officiers.", "fr")
    assert "attack" not in events_of("Les deux exercices visent à préparer les réservistes.", "fr")
    assert "attack" in events_of("Une frappe vise un dépôt de carburant.", "fr")
