"""The sentence stage (geo/sentences.py): hard-wrapped text is read as the sentences it holds."""

from __future__ import annotations

import textwrap

import pytest

from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import parse_document
from geo.sentences import _ABBREV_WORDS, LIST_JOINERS, joins_list, line_continuers, split_sentences

# Written for these tests: a headline, then paragraphs; a figure's places are in the next line once wrapped.
ARTICLES = {
    "it": ("Attacco con droni sul porto di Odessa\n\n"
           "Nella notte le forze russe hanno lanciato almeno 25 droni contro le regioni di Odessa e di Mykolaiv, "
           "secondo l'aeronautica militare ucraina. Il governatore ha detto che tre persone sono rimaste ferite "
           "a Izmail.\n\n"
           "Circa 3.000 soldati italiani resteranno schierati in Libano fino alla fine dell'anno, ha annunciato "
           "il ministro della Difesa."),
    "en": ("Drone strike on Kharkiv\n\n"
           "Russian forces launched at least 40 drones overnight against the regions of Kharkiv and Sumy, "
           "the Ukrainian air force said on Monday. Two civilians were wounded in Chuhuiv, the governor added.\n\n"
           "About 4,000 British troops will remain deployed in Estonia until the end of the year, the defence "
           "ministry announced."),
}


def wrap(text: str, width: int = 66) -> str:
    """``text`` hard-wrapped at ``width``, its paragraphs kept apart by blank lines."""
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in text.split("\n\n"))


def texts(text: str, spans) -> list[str]:
    return [" ".join(text[a:b].split()) for a, b in spans]


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_wrapped_article_is_read_as_the_unwrapped_one(gaz, lang):
    flat = ARTICLES[lang]
    wrapped = wrap(flat)
    assert wrapped.count("\n") > flat.count("\n") + 2
    assert texts(wrapped, split_sentences(wrapped)) == texts(flat, split_sentences(flat))
    want = parse_document(Document("t", flat), lang=lang, gazetteer=gaz)
    got = parse_document(Document("t", wrapped), lang=lang, gazetteer=gaz)
    assert [(m.surface, m.role) for m in got.mentions] == [(m.surface, m.role) for m in want.mentions]
    def figures(parsed):
        return [(f.kind, f.value, f.place_ids) for f in parsed.figures]

    assert figures(got) == figures(want)
    # The drones' places are on the line after the number: they are still the figure's.
    drones = next(f for f in got.figures if f.kind == "equipment")
    between = wrapped[drones.start : min(m.start for m in got.mentions if m.entity and m.entity.id in drones.place_ids)]
    assert "\n" in between and len(drones.place_ids) == 2
    assert any(f.kind == "wounded" for f in got.figures)
    # Offsets still point into the text as given, line breaks and all.
    assert all(wrapped[m.start : m.end] == m.surface for m in got.mentions)
    assert all(wrapped[f.quote_start : f.quote_start + len(f.quote)] == f.quote for f in got.figures)


def test_a_text_with_a_paragraph_per_line_is_split_as_before():
    text = ("Truppe al confine\n"
            "Circa 500 soldati sono arrivati ieri in Lituania. Altri seguiranno a marzo\n"
            "Il ministro ha parlato a Vilnius: la missione durerà un anno.\n"
            "- Polonia\n"
            "- Romania\n")
    assert texts(text, split_sentences(text)) == [
        "Truppe al confine", "Circa 500 soldati sono arrivati ieri in Lituania.", "Altri seguiranno a marzo",
        "Il ministro ha parlato a Vilnius: la missione durerà un anno.", "- Polonia", "- Romania"]


def test_headings_lists_and_final_punctuation_stay_boundaries_in_wrapped_text():
    body = ("Le forze armate hanno annunciato che nuove unità arriveranno nella regione entro la fine "
            "del mese, insieme a mezzi corazzati e a sistemi di difesa aerea forniti dagli alleati.")
    text = ("Nuove truppe in arrivo\n" + wrap(body) + "\nGli alleati confermano:\n"
            + "- 300 soldati in Estonia\n* 200 in Lettonia\n2) una nave nel Baltico\n" + wrap(body))
    got = texts(text, split_sentences(text))
    assert got == ["Nuove truppe in arrivo", body, "Gli alleati confermano:", "- 300 soldati in Estonia",
                   "* 200 in Lettonia", "2) una nave nel Baltico", body]


def test_a_short_line_goes_on_after_a_comma_or_a_word_that_cannot_end_a_sentence():
    assert {"di", "the", "und", "contre", "hacia"} <= line_continuers()
    body = ("Il comando ha confermato che i reparti resteranno schierati lungo il confine orientale fino "
            "all'autunno e che nuove unità arriveranno entro la fine del mese, insieme a mezzi corazzati, "
            "sistemi di difesa aerea e squadre del genio fornite dagli alleati della regione.")
    short = "Truppe inviate in\nLettonia.\nTruppe inviate,\npoi Polonia.\nTruppe inviate\nLituania."
    text = wrap(body) + "\n" + wrap(body) + "\n" + short
    assert texts(text, split_sentences(text)) == [
        body, body, "Truppe inviate in Lettonia.", "Truppe inviate, poi Polonia.", "Truppe inviate", "Lituania."]


def test_a_list_of_headlines_of_one_width_is_no_wrapped_text():
    """Rule WRAP_GOES_ON: lines of about one width with no final punctuation, none running on into the next
    (each next line starts with a capital after a full word), are headlines: one sentence each."""
    headlines = [
        "Lisbon hosts the defence ministers of nine countries for two days",
        "Storm damage closes the main harbour of Gdansk until next Monday",
        "Hungary sends three hundred more engineers to the border posts",
        "Fishing fleet returns early as ice covers the northern channels",
        "Museum in Tartu reopens after repairs that lasted eighteen months",
    ]
    text = "\n".join(headlines)
    assert [text[a:b] for a, b in split_sentences(text)] == headlines


# Written for these tests: one paragraph wrapped at about 64 characters; a sentence ends at the end of the
# second line, and the figure of the next sentence has its place in the sentence before.
WRAPPED_PARAGRAPH = [
    "Artillery fire hit a grain terminal on the edge of Mykolaiv late",
    "on Sunday evening, as the regional administration said at dawn.",
    "Local doctors reported that 9 people were wounded by splinters",
    "and that three of them were still in a critical state at noon.",
    "The administration asked residents to stay in their shelters",
    "until the warning was lifted later in the morning, and it said",
    "that the damaged warehouses would be rebuilt before the winter.",
]


def test_a_break_after_a_full_wrapped_line_ending_a_sentence_keeps_the_paragraph():
    from geo.sentences import same_paragraph

    text = "\n".join(WRAPPED_PARAGRAPH)
    sentences = split_sentences(text)
    assert len(sentences) == 3
    for (_, end), (start, _) in zip(sentences, sentences[1:], strict=False):
        assert "\n" in text[end:start] and same_paragraph(text, end, start)
    # A blank line is a paragraph's end, in a wrapped text as in any other.
    two = text + "\n\n" + text
    assert not same_paragraph(two, len(text), len(text) + 2)
    assert same_paragraph(two, 0, len(text))
    # A text with a paragraph per line keeps every break a paragraph's end.
    lines = "Shelling hit Mykolaiv.\nNine people were wounded.\nThe mayor spoke at noon."
    assert not same_paragraph(lines, 22, 23)


def test_a_figure_finds_its_place_in_the_sentence_before_over_a_wrapped_break(gaz):
    """Both the figure extractor (geo/figures.py) and the figure-place candidates (geo/figure_places.py) read
    the sentence before in the same paragraph, also when a wrapped line break separates the two."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from figure_helpers import entity, figures_in

    from geo.figure_places import candidates
    from geo.role_model import read_sentences

    wrapped, flat = "\n".join(WRAPPED_PARAGRAPH), " ".join(WRAPPED_PARAGRAPH)
    names = {"Mykolaiv": entity("m", "Mykolaiv", "city", "UA")}
    for text in (flat, wrapped):
        assert [(f.value, f.place_ids) for f in figures_in(text, names, "en", None)] == [(9, ["m"]), (3, ["m"])]
        parsed = parse_document(Document("t", text), lang="en", gazetteer=gaz)
        pool = candidates(parsed.figures[0], parsed.mentions, read_sentences(text, parsed.mentions, "en"), text,
                          parsed.figures)
        assert [(m.surface, where) for m, where in pool] == [("Mykolaiv", "sentence_before")]


def test_one_long_line_leaves_a_wrapped_article_wrapped():
    """Rule WRAP_LONG: one line the writer did not wrap (here a quote pasted whole) neither turns the
    unwrapping off for the article nor sets the width of its lines."""
    flat = ARTICLES["en"]
    quote = ('"We will not leave the people of the eastern districts without power for another night, whatever '
             'it takes," the minister told reporters.')
    assert len(quote) > 120
    wrapped = wrap(flat) + "\n\n" + quote
    assert texts(wrapped, split_sentences(wrapped)) == texts(flat, split_sentences(flat)) + [" ".join(quote.split())]
    # The long line inside a wrapped paragraph, its sentence running on over the breaks on both sides; a line
    # ending in "Gen." goes on too (an abbreviation ends no sentence).
    lines = [
        "Russian forces launched at least 40 drones overnight against the",
        "regions of Kharkiv and Sumy, the Ukrainian air force said on",
        "Monday. The governor said the strikes had hit a power station,",
        "two substations and a depot of the regional water company on the outskirts of the city, the third attack "
        "on it in a week, and",
        "that repairs would take days. Two civilians were wounded in",
        "Chuhuiv, according to the commander of the eastern region, Gen.",
        "Petrenko, who asked residents to stay in shelters.",
    ]
    assert [len(line) > 120 for line in lines] == [False, False, False, True, False, False, False]
    paragraph = "\n".join(lines)
    assert texts(paragraph, split_sentences(paragraph)) == texts(" ".join(lines), split_sentences(" ".join(lines)))
    assert len(split_sentences(paragraph)) == 3
    # Too many long lines: a paragraph per line, every break kept.
    lines = "\n".join([quote, "Storm warning for the coast", quote, "Ferries cancelled", quote])
    assert len(split_sentences(lines)) == 5


def test_no_listed_abbreviation_ends_a_sentence():
    # the list is every language's (geo/lexicons/<lang>/language.yaml), not one language's nor empty
    assert {"Gen", "Dott", "Mme", "av", "St"} <= set(_ABBREV_WORDS)
    # the shortcut past long words must leave every abbreviation of the list to the search, however long it is
    for word in _ABBREV_WORDS:
        text = f"Parlava il {word}. Rossi a Bari."
        assert len(split_sentences(text)) == 1, word


def test_the_list_joiners_are_every_languages():
    """LIST_JOINERS gathers the ``list_joiners`` of every language.yaml: a list reads as one in any language."""
    assert {"and", "e", "ed", "et", "y", "und", "i"} <= LIST_JOINERS
    assert all(joins_list(f" {w} ") for w in ("and", "ed", "ou", "und", "i"))


def test_the_of_words_are_every_languages():
    """OF_WORDS gathers the ``of_words`` of every language.yaml (folded): an "of" before a name in any language, and
    none of the document language's own forms that are articles elsewhere (German "der": events.yaml)."""
    from geo import lexicons
    from geo.normalize import fold
    from geo.sentences import OF_WORDS

    listed = {fold(w) for lang in lexicons.available_languages()
              for w in lexicons.load(lang, "language").get("of_words") or []}
    assert listed == OF_WORDS == {"of", "di", "del", "della", "de", "du", "des", "d"}
    assert joins_list(" et de ", of_word=True) and joins_list(", e di ", of_word=True) and not joins_list(" et de ")


@pytest.mark.parametrize("key", ["of_words", "list_joiners"])
def test_the_word_lists_of_language_yaml_hold_one_folded_word_each(key):
    """A ``list_joiners`` or ``of_words`` entry is matched as one folded word: an entry that YAML reads as a boolean
    or a number, or one of two words or an apostrophe, could never match (the schema checks only that it is a
    list)."""
    import re

    from geo import lexicons
    from geo.normalize import fold

    for lang in lexicons.available_languages():
        for w in lexicons.load(lang, "language").get(key) or []:
            assert isinstance(w, str) and re.fullmatch(r"\w+", w) and fold(w) == w, (lang, key, w)


def test_the_of_words_before_a_name_are_the_languages_own():
    """Each language's ``of_words`` in language.yaml (any language's "of" before a name, read together) are among
    the ``of_words`` its events.yaml reads in its own documents: the two lists cannot drift apart."""
    from geo import lexicons

    for lang in lexicons.available_languages():
        shared = set(lexicons.load(lang, "language").get("of_words") or [])
        own = set(lexicons.load(lang, "events").get("of_words") or [])
        assert shared <= own, (lang, shared - own)


@pytest.mark.parametrize("text", [
    "Near Tromsø,  three\u00a0hundred_fishermen\n\n(1,250) waited; 2\u2009000 more?",
    "__leading and trailing marks__ ...",
    "digits of other scripts \u0663\u0664, a fraction \u00bd, km\u00b2, a_b__c, O'Neill's",
    "accents written apart: Sa\u0303o Tome\u0301 - NORTH-north-West",
    "",
    " \t\n ",
])
def test_word_tokens_are_the_token_pattern_matches(text: str) -> None:
    """The word tokens, read from the lengths ``findall`` returns, are the token pattern's matches, with their
    folded keys and case."""
    from geo.normalize import fold
    from geo.sentences import _TOKEN, tokenize

    folded = fold(text)
    expected = [(m.start(), m.end(), m.group(), folded[m.start() : m.end()], m.group()[0].isupper(),
                 len(m.group()) > 1 and m.group().isupper()) for m in _TOKEN.finditer(text)]
    assert [(t.start, t.end, t.text, t.key, t.capitalised, t.all_caps) for t in tokenize(text, folded)] == expected


@pytest.mark.parametrize("tail", ["=", " ", "\U0001F600", "-_"])
def test_a_long_run_of_no_words_ends_the_tokens_in_linear_time(tail: str) -> None:
    """Tokens of a text ending in 200,000 characters that are no word's, as the token pattern's matches: the gap
    is read once (a gap retried from each character of the run, quadratic, would take minutes here)."""
    from geo.normalize import fold
    from geo.sentences import _TOKEN, tokenize

    text = "Cortina, 3 maggio: neve a Belluno." + tail * (200_000 // len(tail))
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    assert [(t.start, t.end, t.text) for t in tokenize(text, fold(text))] == expected


def test_sentence_end_pattern_finds_what_its_plain_form_finds():
    """geo.sentences._END is written to start with a character class (speed18); it finds the very matches of the
    plain pattern it replaces, on every short string of the characters it reads."""
    import re
    from itertools import product

    from geo.sentences import _END

    plain = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)|\n+")
    chars = [".", "!", "…", "\n", " ", "\"", "»", ")", "a"]
    for n in range(1, 6):
        for p in product(chars, repeat=n):
            text = "".join(p)
            assert [m.span() for m in _END.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("text, first", [
    # rule DAY_DOT: a day before a month of a dates lexicon that writes days with a dot
    ("Insgesamt 18 Boote wurden am 7. Juni vor der Küste von Rostock gesichtet. Die Marine schwieg.",
     "Insgesamt 18 Boote wurden am 7. Juni vor der Küste von Rostock gesichtet."),
    ("Seit dem 1. Januar 2024 sind 60 Soldaten in Kaunas stationiert. Weitere folgen.",
     "Seit dem 1. Januar 2024 sind 60 Soldaten in Kaunas stationiert."),
    ("Am 24. Feb 2022 kamen Gäste aus Graz. Dann nicht mehr.", "Am 24. Feb 2022 kamen Gäste aus Graz."),
    # ... and the first day of a range: a joiner, a day with its dot and the month
    ("Vom 9. bis 10. April fielen 5 Raketen auf Cherson. Niemand wurde verletzt.",
     "Vom 9. bis 10. April fielen 5 Raketen auf Cherson."),
    ("Zwischen dem 3. und dem 5. März wurde in Brest verhandelt. Ohne Ergebnis.",
     "Zwischen dem 3. und dem 5. März wurde in Brest verhandelt."),
    ("Vom 28. bis zum 30. September tagte der Rat in Basel. Dann war Pause.",
     "Vom 28. bis zum 30. September tagte der Rat in Basel."),
    ("Vom 2. - 4. Oktober blieb die Grenze bei Narva zu. Seither ist sie offen.",
     "Vom 2. - 4. Oktober blieb die Grenze bei Narva zu."),
    # rule ORDINAL_DOT: an ordinal before a lower-case word
    ("Zum 3. großen Gipfel kamen 40 Gäste nach Bern. Danach nichts.", "Zum 3. großen Gipfel kamen 40 Gäste nach Bern."),
    ("Beim 5. gemeinsamen Manöver bei Tapa waren 300 Soldaten. Sie übten.",
     "Beim 5. gemeinsamen Manöver bei Tapa waren 300 Soldaten."),
])
def test_a_german_day_or_ordinal_dot_ends_no_sentence(text, first):
    """Rules DAY_DOT and ORDINAL_DOT of geo/sentences.py: German writes a day and an ordinal with a dot."""
    spans = split_sentences(text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


@pytest.mark.parametrize("text, first", [
    # a day at a sentence's end, the next starting with a capitalised word that is no month
    ("Die Wahl ist am 3. Danach wird in Linz gezählt.", "Die Wahl ist am 3."),
    ("Er kam am 7. Oktober, nicht am 8. Sie blieb in Ulm.", "Er kam am 7. Oktober, nicht am 8."),
    # a score or a clock time is no day; a number of three digits neither
    ("Das Spiel in Kiel endete 2:1. Mai ist der nächste Termin.", "Das Spiel in Kiel endete 2:1."),
    ("Es waren 120. Mai kommen mehr.", "Es waren 120."),
    # a range joiner with no day and month after it
    ("Es starben 4. Bis heute fehlt jede Spur.", "Es starben 4."),
    # a capitalised word after an ordinal: read as the next sentence's start (the day at a sentence's end above)
    ("Er wurde 12. Dritter war ein Läufer aus Turku.", "Er wurde 12."),
])
def test_a_day_dot_before_no_month_still_ends_the_sentence(text, first):
    spans = split_sentences(text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


@pytest.mark.parametrize("text, first", [
    # no day_dot_leads word before the number: a count at a sentence's end, in any language's text
    ("Turnout was 12. April polls showed a swing.", "Turnout was 12."),
    ("The toll in Sumy rose to 12. August was the worst month.", "The toll in Sumy rose to 12."),
    ("The count rose to 12. Mar-a-Lago officials declined to comment.", "The count rose to 12."),
    ("Die Zahl der Toten in Kiel stieg auf 12. Jan Weber kommentierte das.",
     "Die Zahl der Toten in Kiel stieg auf 12."),
    ("Sales in Oslo rose to 12. iPhone demand fell.", "Sales in Oslo rose to 12."),
    ("I feriti a Bari sono saliti a 12. de Luca ha parlato a Ginevra.", "I feriti a Bari sono saliti a 12."),
])
def test_a_number_dot_after_no_lead_word_ends_the_sentence(text, first):
    """Rules DAY_DOT and ORDINAL_DOT hold only after a word of the German dates lexicon's ``day_dot_leads`` ("am
    12. Mai") or before a month and its year: the splitter reads every language's text."""
    spans = split_sentences(text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


def test_a_day_dot_before_its_month_and_year_needs_no_lead_word():
    text = "Die Waffenruhe galt ab 12. April 2024 in Cherson. Danach nicht mehr."
    assert text[slice(*split_sentences(text)[0])] == "Die Waffenruhe galt ab 12. April 2024 in Cherson."
    text = "Gültig 12. April 2024 in Cherson. Danach nicht mehr."
    assert text[slice(*split_sentences(text)[0])] == "Gültig 12. April 2024 in Cherson."


_WRAPPED_DAY = (
    "Die Luftabwehr meldete in der vergangenen Nacht den Abschuss von\n"
    "zahlreichen Drohnen über dem Westen des Landes, die Behörden der\n"
    "Stadt Lemberg sprachen von Schäden an mehreren Lagerhallen und\n"
    "an der Wasserversorgung in zwei Vierteln. In der Nacht zum 14.\n"
    "Juni hatten nach Angaben des Militärs rund 30 Drohnen die Stadt\n"
    "angegriffen, wobei zwei Menschen leicht verletzt worden waren und\n"
    "die Feuerwehr bis zum Mittag im Einsatz blieb, so die Verwaltung.\n"
)


def test_a_day_dot_at_a_wrapped_lines_end_ends_no_sentence():
    """Rule DAY_DOT_WRAP: a hard-wrapped line ending on a day's dot ("zum 14.") goes on with its month on the next line
    (failed before: "In der Nacht zum 14." was a sentence of its own)."""
    spans = [_WRAPPED_DAY[a:b] for a, b in split_sentences(_WRAPPED_DAY)]
    assert spans[1].startswith("In der Nacht zum 14.\nJuni hatten") and spans[1].endswith("Verwaltung.")
    assert len(spans) == 2


@pytest.mark.parametrize("text, first", [
    # rule MONTH_ABBREVIATION_DOT (failed before: the month's dot ended the sentence)
    ("Am 14. Okt. trafen 30 Drohnen Lemberg. Die Feuerwehr kam.", "Am 14. Okt. trafen 30 Drohnen Lemberg."),
    ("Vom 9. bis 10. Sept. blieb die Grenze bei Narva zu. Seither ist sie offen.",
     "Vom 9. bis 10. Sept. blieb die Grenze bei Narva zu."),
    # an abbreviation no month name starts: the de dates lexicon's month_abbreviations (failed before: the prefix
    # test missed it)
    ("Am 3. Mrz. trafen 30 Drohnen Lemberg. Die Feuerwehr kam.", "Am 3. Mrz. trafen 30 Drohnen Lemberg."),
    # a month's full name: its dot ends the sentence
    ("Die Wahl in Linz ist am 3. Mai. Danach wird gezählt.", "Die Wahl in Linz ist am 3. Mai."),
    # a closing quote after the abbreviation's dot: the sentence ends there (the dot alone only)
    ("Die Frist in Linz läuft „bis zum 3. Feb.” Danach wird gezählt.",
     "Die Frist in Linz läuft „bis zum 3. Feb.”"),
    ("Die Wahl in Linz ist am 3. Juni. Danach wird gezählt.", "Die Wahl in Linz ist am 3. Juni."),
])
def test_an_abbreviated_month_after_a_day_dot_ends_no_sentence(text, first):
    """Rule MONTH_ABBREVIATION_DOT: the dot of an abbreviated month after a day written with a dot ("am 14. Okt.")."""
    spans = split_sentences(text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


@pytest.mark.parametrize("text, first", [
    # a line break further on after a day's dot kept inside its sentence is no wrap of the day's line (failed when
    # every later single line break after a day was read as a space)
    ("Am 14. Mai griffen 30 Drohnen Linz an\nDie Feuerwehr kam.", "Am 14. Mai griffen 30 Drohnen Linz an"),
    # a paragraph break right after the day's dot ends the sentence (failed when any line break there was a space)
    ("Die Sperre gilt bis zum 14.\n\nJuni ist der Monat der Wahl in Linz.", "Die Sperre gilt bis zum 14."),
])
def test_only_a_single_line_break_right_after_a_day_dot_is_a_wrap(text, first):
    """Rule DAY_DOT_WRAP of geo.sentences: only a single line break right after the day's dot is a space."""
    spans = split_sentences(text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


def test_month_abbreviations_are_months():
    """The dates lexicons' ``month_abbreviations`` (rule MONTH_ABBREVIATION_DOT) are keys of their ``months``."""
    from geo import lexicons

    for lang in lexicons.available_languages():
        d = lexicons.load(lang, "dates") or {}
        assert set(d.get("month_abbreviations") or []) <= set(d.get("months") or {}), lang
