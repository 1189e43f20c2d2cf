"""Masks (geo/masks.py): what is not a place, found before the gazetteer is asked."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.masks import _spelled_by_initials, acronym_spans, spelled_after_spans
from geo.model import Document
from geo.normalize import fold
from geo.pipeline import find_places
from geo.sentences import tokenize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def masked(text: str, gaz) -> list[str]:
    return [text[a:b] for a, b in acronym_spans(tokenize(text, fold(text)), text, gaz)]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Engineers from the UN Mission in Kosovo (UNMIK) repaired a bridge.", "UN Mission in Kosovo", "UNMIK"),
    ("Troops of the Kosovo Force (KFOR) arrived.", "Kosovo Force", "KFOR"),
    ("Hier, l'Agence nationale de l'aviation civile (ANAC) a fermé une piste.",
     "Agence nationale de l'aviation civile", "ANAC"),
    ("D'après le Bureau national des statistiques (BNS), trois écoles ont fermé.",
     "Bureau national des statistiques", "BNS"),
])
def test_a_name_spelled_out_before_its_acronym_is_an_organisation(gaz, text, name, acronym):
    assert masked(text, gaz) == [name, acronym]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Ieri l'Organizzazione delle Nazioni Unite (Onu) ha votato.", "Organizzazione delle Nazioni Unite", "Onu"),
    ("Ministers of the North Atlantic Treaty Organization (NATO) met.", "North Atlantic Treaty Organization", "NATO"),
    ("Les chefs de l'Union économique et monétaire ouest-africaine (UEMOA) ont parlé.",
     "Union économique et monétaire ouest-africaine", "UEMOA"),  # "et" gives no letter, "ouest-africaine" two
    ("Officers of the Trans-Sahara Counter-Terrorism Partnership (TSCTP) met.",
     "Trans-Sahara Counter-Terrorism Partnership", "TSCTP"),  # each part of a hyphenated word gives one
    ("Fellows of the Council on Foreign Relations (CFR) wrote.", "Council on Foreign Relations", "CFR"),
    ("Deputies of the Marion County Sheriff's Office (MCSO) came.", "Marion County Sheriff's Office", "MCSO"),
])
def test_the_acronym_s_letters_open_the_words_of_its_name(gaz, text, name, acronym):
    assert masked(text, gaz) == [name, acronym]


@pytest.mark.parametrize("text", [
    # the letters are in the words since the place (e-n-d-f), but do not open them in order: the place stays
    "La guerra in Etiopia oppone da mesi le Forze di difesa nazionali (Endf) ai ribelli.",
    "Clashes in Somalia involved the army and police of the federal government (SNA) again.",
    "Doctors described Mexico's acute haemorrhagic fever (MHF) cases.",  # a lower-case name: no word may give none
])
def test_a_place_before_a_name_whose_words_do_not_open_with_the_acronym_stays(gaz, text):
    assert masked(text, gaz) == []


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # an elided article gives no letter
    ("Il vertice dell'Agenzia dell'Energia Atomica (Aea) si tenne a Vienna.", "Agenzia dell'Energia Atomica", "Aea"),
    # when no name is spelled strictly, up to two words after the first may give none (a trailing place too)
    ("The African Union Mission in Burundi (AMIB) left Bujumbura.", "African Union Mission in Burundi", "AMIB"),
    ("La Comisión de Desarrollo para el Sahel y Chad (CDS) sesionó.", "Comisión de Desarrollo para el Sahel y Chad",
     "CDS"),
    ("La Mission multidimensionnelle des Nations unies au Burundi (Minub) a quitté Gitega.",
     "Mission multidimensionnelle des Nations unies au Burundi", "Minub"),  # the Minusma style
    # ... and a word may give letters from inside it (compounds)
    ("Officers of the Transnational Crime Unit (TNCU) raided a house in Accra.", "Transnational Crime Unit", "TNCU"),
    ("Das Bundesverwaltungsamt Süd (BVAS) antwortet.", "Bundesverwaltungsamt Süd", "BVAS"),
    # a plural's s is the last word's
    ("Patrols saw Unmanned Aerial Vehicles (UAVs) over Kidal.", "Unmanned Aerial Vehicles", "UAVs"),
    # one part of a hyphenated word is enough: without it "Europe" is left out of the name
    ("The Organization for Security and Co-operation in Europe (OSCE) sent monitors.",
     "Organization for Security and Co-operation in Europe", "OSCE"),
])
def test_common_organisation_names_are_masked(gaz, text, name, acronym):
    assert masked(text, gaz) == [name, acronym]


@pytest.mark.parametrize(("text", "acronym"), [
    ("Comité sur la Paix en Afrique", "cpa"),  # "sur" (acronym_small_words) gives no letter
    ("Akademie am Bodensee", "ab"),  # "am"
    ("Academy at Lagos", "al"),  # "at"
    ("Fonds des Nations unies pour la Recherche", "fr"),  # "Nations unies" may give none
    ("Fondo de las Naciones Unidas para la Paz", "fp"),
    ("Agenzia dell'Energia Atomica", "aea"),  # an elided article ("dell'") gives none
    ("Organization for Security and Co-operation in Europe", "osce"),  # one part of a hyphenated word is enough
])
def test_small_words_give_no_letter_in_the_strict_reading(text, acronym):
    assert _spelled_by_initials(acronym, tokenize(text, fold(text)), text)


@pytest.mark.parametrize(("text", "acronym"), [
    ("National Maritime Security Naval Agency", "na"),  # three words would give none
    ("Malta reported measles cases", "mrc"),  # no capitalised word after the first: no loose reading
])
def test_the_loose_reading_has_limits(text, acronym):
    assert not _spelled_by_initials(acronym, tokenize(text, fold(text)), text, loose=True)


@pytest.mark.parametrize(("text", "lang", "place"), [
    # the loose reading needs a capitalised word after the first that gives a letter: a demonym's letters and a
    # place left silent spell no organisation
    ("Malian troops in Timbuktu (ML) said the road was open.", "en", "Timbuktu"),
    ("Ukrainische Soldaten bei Sumy (UA) melden Beschuss.", "de", "Sumy"),
    # a word written in capitals gives no silence: an agency's byline before its dateline town
    ("By Jo Rivera, Associated Press DENVER (AP) - The city council met on Monday.", "en", "DENVER"),
])
def test_a_place_left_silent_by_the_loose_reading_stays_a_place(gaz, text, lang, place):
    assert place in [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]


def test_a_place_is_found_before_a_translated_acronym(gaz):
    text = "In Etiopia continuano gli scontri delle Forze di difesa (Endf) vicino a Gondar."
    assert [m.surface for m in find_places(Document("t", text), lang="it", gazetteer=gaz)] == ["Etiopia", "Gondar"]


@pytest.mark.parametrize("text", [
    "Fighting in the Democratic Republic of the Congo (DRC) went on.",  # the name is a place
    "Shelling hit Kherson (Ukraine) again.",  # a place in brackets is no acronym of what precedes it
    "Officials in Ohio (US) said so.",
    "The report (PDF) was long.",  # no name opens with its letters
])
def test_places_and_plain_brackets_stay(gaz, text):
    assert masked(text, gaz) == []


def test_no_place_is_found_inside_an_expanded_acronym(gaz):
    text = "The Kosovo Force (KFOR) sent 130 soldiers to Kosovo."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Kosovo"]


@pytest.mark.parametrize(("text", "person"), [
    ("said NATO chief Jens Stoltenberg. Germany will lead the battalion.", "Jens Stoltenberg"),
    ("said NATO chief Jens Stoltenberg.\nGermany will lead the battalion.", "Jens Stoltenberg"),
    ("President George W. Bush spoke.", "George W. Bush"),  # a full stop still joins an initial
])
def test_a_full_stop_after_a_surname_ends_the_name(gaz, text, person):
    from geo.cues import cues_for
    from geo.masks import person_spans

    spans, _ = person_spans(tokenize(text, fold(text)), text, cues_for("en"), gaz)
    assert [text[a:b] for a, b in spans] == [person]


def test_a_country_after_a_sentence_ending_in_a_surname_stays_a_place(gaz):
    text = "Germany sent troops. The plan was announced by Jens Stoltenberg. Germany will lead it."
    assert [m.surface for m in find_places(Document("t", text), lang="en", gazetteer=gaz)] == ["Germany", "Germany"]


def test_phrases_are_found_alike_with_the_texts_words_given():
    from geo.cues import cues_for
    from geo.masks import phrase_spans

    text = ("The Red Cross said the Gulf of Mexico storm spared New Orleans; the Mexican wave at the stadium "
            "and the red cross on the flag were seen in Dublin, while the Gulf War veterans met.")
    folded = fold(text)
    words = {t.key for t in tokenize(text, folded)}
    phrases = cues_for("en").not_places | {"red cross", "gulf war", "mexican wave", "cross on"}
    found = sorted(phrase_spans(folded, phrases, words))
    assert found == sorted(phrase_spans(folded, phrases))
    assert {folded[a:b] for a, b in found} >= {"red cross", "gulf war", "mexican wave", "cross on"}


def test_the_joiner_gaps_are_the_strings_the_joiner_pattern_matches():
    """The recogniser tests each gap between two words by set lookup (JOINER_GAPS), the masks by the
    pattern (JOINER) in places: the two must say the same of every short gap."""
    from itertools import product

    from geo.masks import JOINER, JOINER_GAPS

    chars = [" ", "-", "'", "’", ".", "\n", ",", "a"]
    gaps = ["".join(p) for n in range(1, 5) for p in product(chars, repeat=n)]
    assert {g for g in gaps if JOINER.match(g)} == JOINER_GAPS


@pytest.mark.parametrize(("pattern", "words"), [
    ("_AFTER_BRACKET", ["KFOR", "x"]),
    ("_AFTER_COMMA", ["19", "in", "a"]),
    ("_AFTER_DASH", ["Lazio", "Spagna", "0", "b"]),  # "-b" too: the fixture mask then reads the gap " -"
])
def test_the_masks_look_only_at_the_words_after_their_marks(pattern, words):
    from geo import masks

    text = "Kosovo Force (KFOR) and (x) met Jordan Lee, 19, in Ohio; Roma-Lazio e Italia – Spagna 2-0, a -b c- d."
    tokens = tokenize(text, fold(text))
    found = [tokens[k].text for k in masks._tokens_after(getattr(masks, pattern), tokens, text)]
    assert found == words


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Il presidente Alto Adige Marco Bianchi ha parlato a Bolzano.", "it", "Alto Adige"),
    ("Der Minister Naher Osten Peter Braun reiste nach Kairo.", "de", "Naher Osten"),
])
def test_a_name_only_the_lexicon_overlay_knows_is_no_persons_after_a_title(gaz, text, lang, place):
    """A title before a place of two words that only the lexicons' aliases add to the gazetteer (its overlay): the
    prefix test of the person reader's longer places asks the overlay too, so the place is not taken for a name."""
    assert place in [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]


def test_dash_pattern_finds_the_words_its_plain_form_finds():
    """geo.masks._AFTER_DASH is written to start with the dash (speed18); the words after a dash it finds (group
    1, all the masks read) are those of the plain pattern it replaces, on every short string of its characters."""
    import re
    from itertools import product

    from geo import masks

    plain = re.compile(r"(?: [-–] |[-–])([^\W_])")
    for n in range(1, 7):
        for p in product([" ", "-", "–", "a", "1", "_"], repeat=n):
            text = "".join(p)
            assert [m.start(1) for m in masks._AFTER_DASH.finditer(text)] == \
                [m.start(1) for m in plain.finditer(text)], text


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # an acronym written with accents is folded as the words' keys are: "Oén" is spelled by "Office économique"
    ("Hier, l'Office économique du Niger (Oén) a publié ses chiffres.", "Office économique du Niger", "Oén"),
    ("Hier, l'Office économique du Niger (OÉN) a publié ses chiffres.", "Office économique du Niger", "OÉN"),
    ("Ayer, la Oficina de Éxodo Rural de Chile (OÉRC) publicó sus cifras.", "Oficina de Éxodo Rural de Chile", "OÉRC"),
])
def test_an_acronym_with_accents_is_read_folded(gaz, text, name, acronym):
    assert masked(text, gaz) == [name, acronym]


def test_no_place_inside_a_name_spelled_with_an_accented_acronym(gaz):
    text = "Hier, l'Office économique du Niger (Oén) a publié ses chiffres à Niamey."
    assert [m.surface for m in find_places(Document("t", text), lang="fr", gazetteer=gaz)] == ["Niamey"]


@pytest.mark.parametrize(("text", "name"), [
    # spelled out after the acronym: its first letter and its letters are read folded too
    ("Hier, l'ÉRM (École rurale de Mopti) a fermé.", "École rurale de Mopti"),
    ("Hier, Oén (Office économique du Niger) a publié ses chiffres.", "Office économique"),
])
def test_a_name_spelled_after_an_accented_acronym_is_masked(gaz, text, name):
    spans = spelled_after_spans(tokenize(text, fold(text)), text, gaz)
    assert [text[a:b] for a, b in spans] == [name]


@pytest.mark.parametrize(("text", "lang", "acronym"), [
    # an acronym that keeps a small letter ("FAMa") alone in brackets is a body's, as one in capitals is
    ("Patrols of the Malian army (FAMa) left Kidal at dawn.", "en", "FAMa"),
    ("Les patrouilles de l'armée malienne (FAMa) ont quitté Kidal.", "fr", "FAMa"),
])
def test_a_mixed_case_acronym_alone_in_brackets_is_no_place(gaz, text, lang, acronym):
    surfaces = [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]
    assert acronym not in surfaces and "Kidal" in surfaces


@pytest.mark.parametrize(("text", "lang", "place"), [
    # a name with a capital inside it is no acronym: a town in brackets stays
    ("The storm reached the coast (McAllen) by noon.", "en", "McAllen"),
])
def test_a_name_with_an_inner_capital_in_brackets_stays(gaz, text, lang, place):
    assert place in [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]


@pytest.mark.parametrize(("text", "lang", "word"), [
    # the alliance's names in other languages hold the ocean's name: institutions, no place (lexicon not_places)
    ("I governi del Patto Atlantico hanno votato a Bruxelles.", "it", "Atlantico"),
    ("Il segretario del Trattato dell'Atlantico del Nord è arrivato a Riga.", "it", "Atlantico"),
    ("Les signataires du Traité de l'Atlantique Nord se sont réunis à Riga.", "fr", "Atlantique"),
    ("Los firmantes del Tratado del Atlántico Norte se reunieron en Riga.", "es", "Atlántico"),
    ("Signatories of the North Atlantic Treaty gathered in Riga.", "en", "Atlantic"),
])
def test_the_alliances_treaty_names_hold_no_place(gaz, text, lang, word):
    surfaces = [m.surface for m in find_places(Document("t", text), lang=lang, gazetteer=gaz)]
    assert not any(word in s for s in surfaces) and any(s in ("Bruxelles", "Riga") for s in surfaces), surfaces
