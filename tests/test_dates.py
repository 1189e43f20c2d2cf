"""Document and event dates: geo.dates."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates import (
    CLOCK,
    DAY,
    YEAR,
    date_part,
    document_date,
    event_dates,
    event_dates_in,
    find_dateline,
    other_periods,
    year_prepositions,
)
from geo.figures import figure_lexicon
from geo.lexicons import load
from geo.model import Document
from geo.normalize import fold
from geo.numbers import tokenize as number_tokens
from geo.sentences import split_sentences

D = dt.date


@pytest.mark.parametrize(
    ("lang", "text", "place", "date"),
    [
        ("it", "Parigi, 6 gennaio 2026 – Il vertice si è chiuso.", "Parigi", D(2026, 1, 6)),
        ("it", "Roma, 12/01/2026 - Il governo ha deciso.", "Roma", D(2026, 1, 12)),
        ("fr", "Paris, le 6 janvier 2026 - La France a décidé.", "Paris", D(2026, 1, 6)),
        ("en", "WASHINGTON, Jan. 5, 2026 (Reuters) - The Pentagon said.", "WASHINGTON", D(2026, 1, 5)),
        ("en", "KHARTOUM: The army said.", "KHARTOUM", None),
        ("en", "PARIS (Reuters) - France said.", "PARIS", None),
        ("en", "KYIV, Ukraine (AP) — Russia fired.", "KYIV", None),
        ("en", "Kyiv, Jan 5 — Russia fired.", "Kyiv", None),  # no year: no date
        ("it", "Un titolo qualsiasi\nROMA - Il governo ha deciso.", "ROMA", None),
        ("es", "MADRID, 3 mar (EFE).- El Gobierno aprobó el envío.", "MADRID", None),  # EFE's ".-"
        ("de", "WIEN. Der Kanzler hat am Montag entschieden.", "WIEN", None),  # a full stop alone
        ("de", "NEW YORK. Die Börse schloss am Freitag tiefer.", "NEW YORK", None),  # two words
        ("de", "WIEN (APA). Der Kanzler hat am Montag entschieden.", "WIEN", None),  # an agency before it
        ("it", "Un titolo qualsiasi\nKABUL. Il governo ha deciso.", "KABUL", None),
        ("en", 'ODESA. "A drone hit a warehouse," the governor wrote.', "ODESA", None),  # a quotation opens the text
        ("it", "TIRANA. «Il ponte resterà chiuso», ha detto il sindaco.", "TIRANA", None),
        ("de", "WIEN. „Wir bleiben vorsichtig“, sagte der Kanzler.", "WIEN", None),
    ],
)
def test_find_dateline(lang: str, text: str, place: str, date: dt.date | None) -> None:
    line = find_dateline(text, lang)
    assert line is not None
    assert text[line.place_start : line.place_end] == place
    assert line.date == date
    assert text[line.end - 1] in " \n" and text[line.end] not in "-–—: "


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Bruxelles: via libera unanime al piano comune"),  # a heading, not a dateline
        ("it", "Secondo la bozza, la forza – già presente – resta."),
        ("en", "The army said on Monday that it had won."),
        ("de", "Wien. Der Kanzler hat entschieden."),  # a full stop after a title-case word ends a sentence
        ("de", "EU. Die Minister haben entschieden."),  # two capitals: an abbreviation
        ("it", "PORTO DI ODESSA COLPITO. Due feriti tra i portuali."),  # upper-case words of a headline
        ("it", "MARIUPOL SENZA ACQUA. Migliaia di famiglie in attesa."),  # three words: a headline
        ("it", "ROMA, MILANO E TORINO. Sciopero dei treni per otto ore."),  # a headline of names
        ("it", "GAZA, 7 OTTOBRE 2024. Un anno dopo la città è in rovina."),  # a remembered day, not the article's
    ],
)
def test_no_dateline(lang: str, text: str) -> None:
    assert find_dateline(text, lang) is None


def test_a_dateline_with_a_full_stop_alone_is_not_sure() -> None:
    """An upper-case word before a full stop may be an acronym ("NATO. Die Allianz"): its dateline is not sure, so
    the toponym stage reads its name like any other; the other forms are sure."""
    assert not find_dateline("WIEN. Der Kanzler hat entschieden.", "de").sure
    assert find_dateline("WIEN - Der Kanzler hat entschieden.", "de").sure
    assert find_dateline("WIEN (APA). Der Kanzler hat entschieden.", "de").sure  # an agency names the dateline


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "KIDAL REGION. Gunmen attacked a school.", "KIDAL"),
    ("it", "REGIONE DI SUMY. I droni hanno colpito una scuola.", "SUMY"),  # three words, one of them the name's
    ("de", "GEBIET SUMY. Drohnen trafen eine Schule.", "SUMY"),
    ("en", "LVIV. Shells hit the city.", "LVIV"),  # no area word: the whole place
])
def test_a_full_stop_datelines_area_words_are_no_words_of_its_name(lang: str, text: str, name: str) -> None:
    """The area words of the places lexicon's area_cues around a full-stop dateline's place count for none of its
    words, and its name is read without them."""
    line = find_dateline(text, lang)
    assert line is not None and not line.sure
    assert text[line.name_start : line.name_end] == name


@pytest.mark.parametrize(("lang", "text"), [
    # a generic area word ("state of", "zona di") is no administrative unit: an upper-case headline stays one
    ("en", "STATE OF ALERT. Parliament meets\nMYKOLAIV – Drones hit a depot overnight, killing two people."),
    ("it", "ZONA DI GUERRA. Il parlamento vota\nMYKOLAIV – I droni hanno colpito un deposito, uccidendo due persone."),
    # more than one word left once the area words are set aside: a headline
    ("en", "PROVINCE OF KHERSON SHELLED. Talks stall\nMYKOLAIV – Drones hit a depot overnight, killing two people."),
])
def test_a_headline_with_area_words_hides_no_dateline(lang: str, text: str) -> None:
    """Only the administrative cues of the places lexicon's dateline_area_cues are set aside, and only when one
    word of the name is left: the headline before the real dateline is no dateline."""
    line = find_dateline(text, lang)
    assert line is not None and text[line.place_start : line.place_end] == "MYKOLAIV"


def test_an_area_word_alone_is_its_own_name() -> None:
    """Nothing left once the area word is set aside: the name is the whole span (no index past the end)."""
    line = find_dateline("OBLAST. Drones hit a depot overnight.", "en")
    assert line is not None and (line.name_start, line.name_end) == (0, 6)


def test_document_date_prefers_the_input_then_the_dateline() -> None:
    text = "Parigi, 6 gennaio 2026 – Il vertice si è chiuso."
    assert document_date(Document("a", text, date=D(2026, 2, 1)), "it") == D(2026, 2, 1)
    assert document_date(Document("a", text), "it") == D(2026, 1, 6)
    assert document_date(Document("a", "Il vertice si è chiuso."), "it") is None


REF = D(2026, 1, 6)  # a Tuesday

EVENT_ROWS = [
    ("it", "La riunione si è svolta ieri a Parigi.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("it", "L'attacco è avvenuto l'altro ieri.", (D(2026, 1, 4), D(2026, 1, 4))),
    ("it", "Lunedì scorso sono arrivati i rinforzi.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("it", "Il testo è stato visto domenica sera.", (D(2026, 1, 4), D(2026, 1, 4))),
    ("it", "Negli ultimi giorni gli scontri sono aumentati.", (D(2025, 12, 30), D(2026, 1, 6))),
    ("it", "Nelle ultime 24 ore si contano 5 attacchi.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("it", "Negli ultimi 3 giorni la tregua ha tenuto.", (D(2026, 1, 3), D(2026, 1, 6))),
    ("it", "Il 5 gennaio sono stati colpiti due depositi.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("it", "Dal 3 al 5 gennaio si sono svolte le esercitazioni.", (D(2026, 1, 3), D(2026, 1, 5))),
    ("it", "Dall'inizio del mese si contano 30 raid.", (D(2026, 1, 1), D(2026, 1, 6))),
    ("it", "A dicembre la missione è stata prorogata.", (D(2025, 12, 1), D(2025, 12, 31))),
    ("en", "The convoy was hit yesterday.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("en", "Troops arrived last Monday.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("en", "In recent days the shelling intensified.", (D(2025, 12, 30), D(2026, 1, 6))),
    ("en", "In the past 48 hours there were five attacks.", (D(2026, 1, 4), D(2026, 1, 6))),
    ("en", "The depot was struck on January 5.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("en", "The base was hit on Dec. 28.", (D(2025, 12, 28), D(2025, 12, 28))),  # the nearest Dec 28
    ("en", "Fighting went on last week.", (D(2025, 12, 29), D(2026, 1, 4))),
    ("en", "Attacks have continued since Monday.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("fr", "Le convoi a été touché hier.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("fr", "Les renforts sont arrivés lundi dernier.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("fr", "Ces derniers jours, les combats ont repris.", (D(2025, 12, 30), D(2026, 1, 6))),
    ("fr", "Au cours des 24 dernières heures, 3 frappes.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("fr", "Les combats durent depuis vendredi.", (D(2026, 1, 2), D(2026, 1, 6))),
    ("fr", "Le 5 janvier, deux dépôts ont été touchés.", (D(2026, 1, 5), D(2026, 1, 5))),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), EVENT_ROWS)
def test_event_dates(lang: str, sentence: str, expected: tuple[dt.date, dt.date]) -> None:
    assert event_dates(sentence, lang, REF) == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("it", "La riunione è iniziata alle 10 del mattino."),
        ("it", "Nelle prossime settimane arriveranno rinforzi."),
        ("en", "Officials met to discuss the plan."),
        ("fr", "La réunion a commencé à 17 heures."),
    ],
)
def test_no_event_date(lang: str, sentence: str) -> None:
    assert event_dates(sentence, lang, REF) is None


@pytest.mark.parametrize("lang", ["it", "en", "fr"])
def test_event_dates_of_a_sentence_in_a_text_are_those_of_the_sentence_alone(lang: str) -> None:
    # The mention-date stage reads each sentence's tokens from the whole text's: same answers.
    rows = [(sentence, expected) for lg, sentence, expected in EVENT_ROWS
            if lg == lang and len(split_sentences(sentence)) == 1]  # not "hit on Dec. 28."
    text = "Titolo del giorno\n\n" + "  ".join(sentence for sentence, _ in rows) + "\nFine."
    tokens = number_tokens(fold(text))
    starts = [t.start for t in tokens]
    spans = split_sentences(text)
    found = [event_dates_in(text, tokens, starts, a, b, lang, REF) for a, b in spans]
    assert found == [event_dates(text[a:b], lang, REF) for a, b in spans]
    assert [w for w in found if w is not None] == [expected for _, expected in rows]


def test_event_dates_of_a_span_that_cuts_a_word_read_it_alone() -> None:
    text = "Il convoglio è stato colpito ieri12 volte."
    tokens = number_tokens(fold(text))
    starts = [t.start for t in tokens]
    cut = text.index("ieri") + 2  # inside "ieri": that token crosses the span's end
    assert event_dates_in(text, tokens, starts, 0, cut, "it", REF) == event_dates(text[:cut], "it", REF) is None


def test_relative_dates_need_a_document_date() -> None:
    assert event_dates("Il convoglio è stato colpito ieri.", "it", None) is None
    assert event_dates("On 5 January 2026 the depot was hit.", "en", None) == (D(2026, 1, 5), D(2026, 1, 5))


def test_event_dates_kept_per_sentence_stay_bounded_and_follow_the_document_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sentences read are kept (the mentions' and the figures' dates read the same ones), by text, bounds,
    language and document date, and the store starts again when full."""
    import geo.dates as dates

    monkeypatch.setattr(dates, "EVENT_DATES_SIZE", 4)
    monkeypatch.setattr(dates, "_EVENT_DATES", {})
    text = "Il convoglio è stato colpito ieri. Oggi la missione riparte. Sabato scorso era arrivata a Herat."
    tokens = number_tokens(fold(text))
    starts = [t.start for t in tokens]
    spans = split_sentences(text)
    other = D(2026, 3, 2)
    for _ in range(3):  # read again from the store: the same answers
        for ref in (REF, other):
            found = [event_dates_in(text, tokens, starts, a, b, "it", ref) for a, b in spans]
            assert found == [event_dates(text[a:b], "it", ref) for a, b in spans]
            assert len(dates._EVENT_DATES) <= 4
    yesterday = (other - dt.timedelta(days=1),) * 2
    assert event_dates_in(text, tokens, starts, *spans[0], "it", other) == yesterday


def test_event_dates_keep_only_the_document_read_last(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule ONE_DOCUMENT: reading another text drops the readings of the one before, so a long run holds
    no finished document's text (each key holds its whole text)."""
    import geo.dates as dates

    monkeypatch.setattr(dates, "_EVENT_DATES", {})
    first = "La colonna è partita ieri da Herat. Domani arriverà a Kabul."
    second = "Il ponte è stato riaperto lunedì. I lavori erano cominciati a maggio."
    for text in (first, second):
        tokens = number_tokens(fold(text))
        starts = [t.start for t in tokens]
        for a, b in split_sentences(text):
            event_dates_in(text, tokens, starts, a, b, "it", REF)
        assert {key[0] for key in dates._EVENT_DATES} == {text}
    assert len(dates._EVENT_DATES) == len(split_sentences(second))


@pytest.mark.parametrize("lang, text, compared", [
    ("en", "Russia fired 95 drones, its largest barrage since last month.", True),
    ("en", "Russia used 70 drones in the attack, up from 45 last week.", True),
    ("en", "Russia used 70 drones, up from 1,200 shells last week.", True),
    ("en", "Russia fired twice as many drones as last month.", True),
    ("en", "Last month, Russia fired 900 drones.", False),
    ("fr", "La Russie a utilisé 70 drones, contre 45 la semaine dernière.", True),
    ("fr", "La Russie a tiré plus de drones qu'il y a un an.", True),
    ("es", "Rusia disparó 95 drones, su mayor ataque desde el mes pasado.", True),
    ("it", "La Russia ha lanciato più droni che l'anno scorso.", True),
    ("de", "Russland setzte mehr Drohnen ein als im Vorjahr.", True),
    ("de", "Im Vorjahr setzte Russland 900 Drohnen ein.", False),
])
def test_a_period_a_comparison_governs_is_left_out_on_request(lang, text, compared):
    # the dates lexicon's period_comparisons: a period said right after a comparison word, or after a number (and
    # its noun) said after one, is the measure of the comparison (rule PERIOD_COUNT of geo.figure_places)
    toks = number_tokens(fold(text))
    assert other_periods(toks, lang)
    assert bool(other_periods(toks, lang, compared=False)) is not compared


@pytest.mark.parametrize("lang, text, compared", [
    # a "that" after a saying verb is no comparison; after a comparative it is (period_comparison_thans)
    ("it", "Il ministero ha detto che il mese scorso i droni hanno colpito Sumy.", False),
    ("fr", "Le ministère a indiqué que le mois dernier des drones ont frappé Soumy.", False),
    ("fr", "Le ministère a indiqué qu'il y a un an des drones ont frappé Soumy.", False),
    ("es", "El ministerio dijo que el mes pasado los drones alcanzaron Sumy.", False),
    ("es", "Rusia lanzó más drones que el año pasado.", True),
    ("it", "Ci sono stati meno attacchi che l'anno scorso.", True),
    # comparison words the list lacked, fillers between the comparison and its period or number
    ("en", "The blast killed 9 people, the deadliest since the start of last year.", True),
    ("en", "The blast killed 9 people, double last week's toll.", True),
    ("de", "Die Explosion tötete 9 Menschen, doppelt so viele wie im Vormonat.", True),
    ("es", "La explosión mató a 9 personas, frente a los 4 de la semana pasada.", True),
    ("it", "L'esplosione ha ucciso 9 persone, il doppio di un mese fa.", True),
    ("it", "L'esplosione ha ucciso 9 persone, come l'anno scorso.", True),
    ("fr", "L'explosion a tué 9 personnes, le double d'il y a un mois.", True),
    # a comparison word inside a figure's qualifier is its hedge ("more than 300"), not a comparison
    ("en", "Russia fired more than 300 drones last week at Ukraine.", False),
    ("en", "Russia fired as many as 300 drones last week at Ukraine.", False),
    ("en", "Russia fired 300 drones, up from more than 40 last week.", True),
    ("de", "Russland feuerte mehr als 300 Drohnen im Vormonat ab.", False),
    # a comparison word that opens the sentence compares nothing ("Als" = "when")
    ("de", "Als im Vormonat Drohnen Sumy trafen, starben drei Menschen.", False),
])
def test_a_comparison_is_read_where_it_compares(lang, text, compared):
    # the dates lexicon's period_comparisons, period_comparison_thans (after a period_comparatives word),
    # period_comparison_fillers and the figures lexicon's qualifiers (rule PERIOD_COUNT of geo.figure_places)
    toks = number_tokens(fold(text))
    assert other_periods(toks, lang)
    assert bool(other_periods(toks, lang, compared=False)) is not compared


@pytest.mark.parametrize(("lang", "text", "place", "date"), [
    ("en", "FLASH. Missiles hit Lviv overnight\nDNIPRO, May 4, 2025 (Reuters) - A strike on a depot", "DNIPRO",
     dt.date(2025, 5, 4)),
    ("en", "SUDAN. Six months on\n\nKHARTOUM, Apr 15, 2024 (AP) — The army said", "KHARTOUM", dt.date(2024, 4, 15)),
    ("it", "ULTIM'ORA. Razzi su Haifa\nTEL AVIV, 2 marzo 2025 - L'esercito ha detto", "TEL AVIV", dt.date(2025, 3, 2)),
    ("de", "BERLIN. Der Kanzler hat entschieden.\nDie Koalition streitet.", "BERLIN", None),  # none sure: kept
    ("de", "BERLIN. Der Kanzler hat entschieden.\nNATO-Generalsekretär Rutte lobte das.", "BERLIN", None),  # no date
])
def test_a_full_stop_headline_yields_to_a_sure_dateline_below(lang, text, place, date) -> None:
    """A one-word upper-case headline before a full stop on the first line ("FLASH.") is an unsure dateline: a sure
    one on a later line (a date or an agency) is the article's, with its date; the unsure one stands only alone."""
    found = find_dateline(text, lang)
    assert text[found.place_start : found.place_end] == place
    assert found.date == date


def _part(text: str, number: str, lang: str) -> str | None:
    """geo.dates.date_part of the first token ``number`` of ``text``."""
    toks = number_tokens(fold(text))
    i = next(k for k, t in enumerate(toks) if t.text == number)
    return date_part(text, toks, i, lang)


@pytest.mark.parametrize(("lang", "text", "number", "part"), [
    # a year across a comma after a month, a month's day written month first or a day and month: a year unless a
    # counted noun (modifiers before it or not, "of them") or another month follows it
    ("en", "Shelling resumed in May, 2025 near Kramatorsk.", "2025", YEAR),
    ("en", "In May, 2000 drones hit Kramatorsk.", "2000", None),
    ("en", "On May 12, 2025 the port of Izmail reopened.", "2025", YEAR),
    ("en", "On May 12, 2000 more troops reached Tartu.", "2000", YEAR),  # month first: the comma is the year's
    ("en", "On May 12, 2024 drones hit Izmail.", "2024", YEAR),
    ("en", "On May 12, 2000 of them reached Tartu.", "2000", None),  # "of them": a count all the same
    ("en", "Talks were held on 4 March, 2023 in Vilnius.", "2023", YEAR),
    ("en", "On 4 March, 2000 soldiers left Vilnius.", "2000", None),
    ("en", "Russia fired 2600 drones in March, 2000 of them at Kramatorsk.", "2000", None),
    ("en", "Russia fired 2600 drones in March, 2000 in April and 900 in May.", "2000", None),
    ("en", "Officials said: 20 drones struck Izmail.", "20", None),  # a colon between words: no clock time
    ("en", "In May 3000 drones struck Izmail.", "3000", None),  # no year of 1900-2100
    ("en", "Shelling resumed on Friday, 2000 of them near Kramatorsk.", "2000", None),  # a weekday: no date's year
    ("en", "Shelling resumed in 36 hours, 2000 of them near Kramatorsk.", "2000", None),  # nor a clock word's
    ("it", "A marzo, 2000 soldati sono partiti da Bari.", "2000", None),
    ("it", "Droni abbattuti a marzo, 2024 sopra Bari.", "2024", YEAR),
    ("it", "Droni lanciati a marzo, 1950 dei quali sopra Bari.", "1950", None),
    ("fr", "En mars, 2000 soldats ont quitté Lyon.", "2000", None),
    ("fr", "Des drones abattus le 3 mars, 2024 au-dessus de Lyon.", "2024", YEAR),
    ("es", "En marzo, 2000 soldados salieron de Sevilla.", "2000", None),
    ("es", "Drones derribados en marzo, 2024 sobre Sevilla.", "2024", YEAR),
    ("de", "Im März, 2000 Soldaten verließen Graz.", "2000", None),
    ("de", "Drohnen wurden im März, 2024 über Graz abgeschossen.", "2024", YEAR),
    # a year written right after its month or its day, after a year preposition, after a link to a year
    ("en", "In March 2024 drones hit Kramatorsk.", "2024", YEAR),  # no round hundred: a year
    ("en", "The depot burned on Sept 3 2024 near Izmail.", "2024", YEAR),
    ("en", "The depot burned in 2024 near Izmail.", "2024", YEAR),
    ("en", "Depots burned from 2022 to 2023 near Izmail.", "2023", YEAR),
    ("it", "Depositi colpiti tra il 2022 e il 2023 vicino a Bari.", "2023", YEAR),
    ("en", "Russia fired 3000 drones, 2000 of them at Izmail.", "2000", None),  # a count: no year
])
def test_date_part_reads_a_year(lang, text, number, part):
    """geo.dates.date_part: the one reader of a date's year for the figures (no figure) and rule
    REPEAT_ATTACKED_COUNTRY of geo.figure_places (no part's count)."""
    assert _part(text, number, lang) == part


@pytest.mark.parametrize(("lang", "text", "number", "part"), [
    ("en", "Drones struck on 20 May near Izmail.", "20", DAY),
    ("en", "Drones struck on May 20 near Izmail.", "20", DAY),
    ("en", "Drones struck on Jan. 20 near Izmail.", "20", DAY),
    ("en", "Drones struck on 20th May near Izmail.", "20", DAY),
    ("en", "Drones struck between 20 and 21 May near Izmail.", "20", DAY),
    ("en", "Drones struck on May 3-5 near Izmail.", "5", DAY),
    ("en", "Officials said 20 may have struck Izmail.", "20", None),  # the modal verb: no month
    ("en", "In May 300 drones struck Izmail.", "300", None),  # no day of a month
    ("it", "I droni hanno colpito venerdì 14 vicino a Bari.", "14", DAY),
    ("it", "I droni hanno colpito dal 3 al 5 marzo vicino a Bari.", "3", DAY),
    ("fr", "Des drones ont frappé le 1er mars près de Lyon.", "1", DAY),
    ("de", "Drohnen trafen am 3. März Graz.", "3", DAY),
    ("en", "Drones struck by 7 a.m. near Izmail.", "7", CLOCK),
    ("en", "Drones struck at 7am near Izmail.", "7", CLOCK),
    ("en", "Drones struck at 7 o'clock near Izmail.", "7", CLOCK),
    ("en", "Drones struck between 06:45 and 07:10 near Izmail.", "45", CLOCK),
    ("en", "Drones struck between 06:45 and 07:10 near Izmail.", "07", CLOCK),
    ("it", "I droni hanno colpito alle ore 7 vicino a Bari.", "7", CLOCK),
    ("fr", "Des drones ont frappé à 22 heures près de Lyon.", "22", CLOCK),
    ("es", "Drones atacaron a las 22 horas cerca de Sevilla.", "22", CLOCK),
    ("de", "Drohnen trafen um 22 Uhr Graz.", "22", CLOCK),
])
def test_date_part_reads_days_and_clock_times(lang, text, number, part):
    """geo.dates.date_part: a month's day beside its month (or a range's, or after a weekday), a clock time's number."""
    assert _part(text, number, lang) == part


@pytest.mark.parametrize(("lang", "text", "number", "part"), [
    # after a weekday a number is a day only when no counted noun (modifiers before it or not, "of them") follows
    # it (failed before: every 1-31 after a weekday was a day)
    ("en", "On Friday 25 drones struck Izmail.", "25", None),
    ("en", "On Friday 25 more soldiers reached Izmail.", "25", None),
    ("en", "On Friday 25 of them struck Izmail.", "25", None),
    ("it", "Venerdì 25 droni hanno colpito Bari.", "25", None),
    ("fr", "Vendredi 25 drones ont frappé Lyon.", "25", None),
    ("es", "El viernes 25 drones atacaron Sevilla.", "25", None),
    ("de", "Am Freitag 25 Drohnen trafen Graz.", "25", None),
    # a month after it, or no counted noun: a day still
    ("en", "On Friday 25 April drones struck Izmail.", "25", DAY),
    ("en", "On Friday 13th drones struck Izmail.", "13", DAY),  # an ordinal ending: a day, no count
    ("it", "Venerdì 25 aprile i droni hanno colpito Bari.", "25", DAY),
    ("it", "I droni hanno colpito venerdì 25 vicino a Bari.", "25", DAY),
    ("de", "Am Freitag 25. April trafen Drohnen Graz.", "25", DAY),
    # a day and its month joined by a word of day_month_links, the year after "de" and the month (failed before)
    ("es", "Los drones atacaron Sevilla el 7 de marzo de 2023.", "7", DAY),
    ("es", "Los drones atacaron Sevilla el 7 de marzo de 2023.", "2023", YEAR),
    ("es", "Los drones atacaron Sevilla del 7 al 8 de marzo.", "7", DAY),
    ("es", "Los drones atacaron Sevilla del 7 al 8 de marzo.", "8", DAY),
    # the word after "de" is no month: counts
    ("es", "Lanzaron 90 drones y 25 de los drones cayeron en Sevilla.", "25", None),
    ("es", "Lanzaron 90 drones y 25 de ellos cayeron en Sevilla.", "25", None),
    ("es", "Lanzaron 3000 drones y 2023 de ellos cayeron en Sevilla.", "2023", None),
])
def test_date_part_reads_a_weekdays_day_and_a_day_linked_to_its_month(lang, text, number, part):
    """geo.dates.date_part: a number after a weekday is no day before a counted noun; the dates lexicon's
    ``day_month_links`` join a day to its month and a month to its year ("el 7 de marzo de 2023")."""
    assert _part(text, number, lang) == part


@pytest.mark.parametrize(("lang", "text", "number"), [
    # phrases of the dates lexicon's year_prepositions that only the figures lexicon's year_before had before the
    # two lists were made one (failed before: date_part read these as no part of a date)
    ("en", "Depots burned in early 2024 near Izmail.", "2024"),
    ("it", "Depositi colpiti dall'inizio del 2024 vicino a Bari.", "2024"),
    ("es", "Drones derribados a finales de 2024 sobre Sevilla.", "2024"),
    ("fr", "Des dépôts touchés début 2024 près de Lyon.", "2024"),
    ("de", "Depots brannten Anfang 2024 bei Graz.", "2024"),
])
def test_year_prepositions_are_one_list_for_dates_and_figures(lang, text, number):
    """The dates lexicon's ``year_prepositions`` is the one list of words that make a four-digit number a year:
    date_part reads its phrases, and the figure reader reads the same list (no ``year_before`` of its own)."""
    assert _part(text, number, lang) == YEAR
    assert figure_lexicon(lang).year_before is year_prepositions(lang)
    assert "year_before" not in (load(lang, "figures") or {}).get("figures", {})


@pytest.mark.parametrize(("lang", "text", "number", "part"), [
    # rule ROUND_COUNT_AFTER_MONTH: a round hundred right after a month (or a month and "de") with a counted noun
    # after it is a count (failed before: a year)
    ("en", "In April 2000 drones struck Izmail.", "2000", None),
    ("en", "On April 4 2000 more soldiers reached Tartu.", "2000", None),
    ("es", "A mediados de abril de 2000 soldados salieron de Sevilla.", "2000", None),
    ("es", "El 4 de abril de 2000 drones atacaron Sevilla.", "2000", None),
    ("it", "Ad aprile 2000 droni hanno colpito Bari.", "2000", None),
    ("fr", "En avril 2000 drones ont frappé Lyon.", "2000", None),
    ("de", "Im April 2000 Soldaten verließen Graz.", "2000", None),
    # a year all the same: no round hundred, or no counted noun after it
    ("en", "In April 2024 drones struck Izmail.", "2024", YEAR),
    ("en", "Since April 2022 Russian troops have held Izmail.", "2022", YEAR),
    ("en", "In April 1900 the port of Izmail was built.", "1900", YEAR),
    ("es", "A mediados de abril de 2024 soldados salieron de Sevilla.", "2024", YEAR),
    ("de", "Im April 2000 verließen Soldaten Graz.", "2000", YEAR),
])
def test_a_round_count_after_a_month_is_no_year(lang, text, number, part):
    """geo.dates.date_part, rule ROUND_COUNT_AFTER_MONTH: a four-digit number right after a month is a year unless it
    is a round hundred with a counted noun after it."""
    assert _part(text, number, lang) == part


@pytest.mark.parametrize(("lang", "text", "number", "part"), [
    # rule CLOCK_PREPOSITION (failed before: no part of a date or a clock time)
    ("it", "Alle 18 i droni hanno colpito Bari.", "18", CLOCK),
    ("it", "I droni hanno colpito Bari verso le 18.45 di ieri.", "18", CLOCK),
    ("es", "A las 18 los drones atacaron Sevilla.", "18", CLOCK),
    ("es", "Los drones atacaron Sevilla hacia las 18.45.", "18", CLOCK),
    ("de", "Um 18.45 Uhr trafen Drohnen Graz.", "18", CLOCK),
    ("de", "Gegen 18.45 trafen Drohnen Graz.", "18", CLOCK),
    ("fr", "Des drones ont frappé Lyon vers 18.45.", "18", CLOCK),
    # a counted noun after the hour, a month after it, a number past the day's hours, a preposition of no hour alone:
    # no clock time
    ("it", "Alle 18 vittime se ne aggiungono altre a Bari.", "18", None),
    ("es", "A las 18 víctimas se suman otras en Sevilla.", "18", None),
    ("it", "Alle 18 di ieri i droni hanno colpito Bari.", "18", CLOCK),
    ("it", "Alle 48 vittime se ne aggiungono altre a Bari.", "48", None),
    ("de", "Die Zahl der Toten stieg um 18 in Graz.", "18", None),
    ("fr", "Le bilan est passé de 12 à 18 à Lyon.", "18", None),
    ("en", "The toll rose to 18 at Izmail.", "18", None),
    # a clock word before a number with a counted noun after it: a count
    ("en", "At 6 pm 30 drones struck Izmail.", "30", None),
    ("fr", "À 18 h 30 les drones ont frappé Lyon.", "30", CLOCK),
    # a month after the hour: its day (failed without the month test: a clock time)
    ("it", "Il vertice va dalle 9 alle 18 maggio a Bari.", "18", DAY),
    # past the day's hours with no counted noun after it (failed without LAST_HOUR)
    ("it", "Le vittime sono salite alle 48 di oggi a Bari.", "48", None),
    # no minutes: a decimal's one digit, a space after the dot, minutes past 59, a dot after them (a German day and
    # month: "bis 24.12.")
    ("de", "Die Zahl stieg um 17.5 Prozent in Graz.", "17", None),
    ("de", "Die Zahl stieg um 17. 30 kamen später nach Graz.", "17", None),
    ("de", "Die Zahl stieg um 17.75 in Graz.", "17", None),
    ("de", "Vom 1.10. bis 24.12. wurden Soldaten nach Graz verlegt.", "24", None),
    ("de", "Ab 01.10. trafen Drohnen Graz.", "01", None),
    ("de", "Bis 23.59 blieb Graz dunkel.", "23", CLOCK),
    ("de", "Drohnen trafen Graz um 18.45. Danach war es still.", "18", CLOCK),  # the dot ends the sentence
])
def test_an_hour_after_a_clock_preposition_is_a_clock_time(lang, text, number, part):
    """geo.dates.date_part, rule CLOCK_PREPOSITION: an hour after a word of the dates lexicon's
    ``clock_prepositions`` with its minutes after a dot, or after one of ``hour_prepositions`` with no counted noun
    after it, is a clock time; a clock word before a number is one only before no counted noun."""
    assert _part(text, number, lang) == part
