"""German figures and dates: geo/lexicons/de/figures.yaml and dates.yaml, read by geo.numbers,
geo.figures and geo.dates, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates import document_date, event_dates, find_dateline
from geo.model import FIGURE_KINDS, QUALIFIERS, STATUSES, Document, Figure
from geo.numbers import find_numbers, parse_number
from tests.figure_helpers import entity, figures_in, only_figure

D = dt.date
DAY = D(2026, 1, 6)  # a Tuesday


PL = entity("country:PL", "Poland", "country", "PL")
LT = entity("country:LT", "Lithuania", "country", "LT")
LV = entity("country:LV", "Latvia", "country", "LV")
RUKLA = entity("geonames:594739", "Rukla", "city", "LT")
KHARKIV = entity("admin1:UA-63", "Kharkiv Oblast", "admin1", "UA")
NAMES = {"Polen": PL, "Litauen": LT, "Lettland": LV, "Rukla": RUKLA, "Charkiw": KHARKIV}


def figs(text: str, date: dt.date | None = DAY) -> list[Figure]:
    return figures_in(text, NAMES, "de", date)


def one(text: str, date: dt.date | None = DAY) -> Figure:
    return only_figure(text, NAMES, "de", date)


# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.800", 4800),
        ("12.000", 12000),
        ("1,5 Millionen", 1500000),
        ("2 Milliarden", 2000000000),
        ("ein Dutzend", 12),
        ("zwölf", 12),
        ("vierhundert", 400),
        ("Hunderte", 100),
        ("Zehntausende", 10000),
        ("mehrere Tausend", 1000),
        ("zwischen 4.000 und 5.000", 4000),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text, "de") == value


def test_articles_are_not_the_number_one() -> None:
    # "Ein" before a noun of alone_before is an article that may count one, and says so
    assert [m.article for m in find_numbers("Ein Soldat und eine Brücke.", "de")] == [True]


# ---------------------------------------------------------------------------------------------------------
# The examples of the brief
# ---------------------------------------------------------------------------------------------------------


def test_brief_examples() -> None:
    f = one("Die Brigade soll rund 4.800 Soldaten umfassen.")
    assert (f.kind, f.value, f.qualifier, f.status, f.unit) == ("troops", 4800, "approx", "planned", "Soldaten")
    f = one("Derzeit sind etwa 400 deutsche Soldaten in Rukla.")
    assert (f.kind, f.value, f.qualifier, f.status) == ("troops", 400, "approx", "current")
    assert f.place_ids == ["geonames:594739"]
    f = one("Bis zu 1.000 Soldaten könnten in den kommenden Monaten hinzukommen.")
    assert (f.kind, f.value, f.qualifier, f.status) == ("troops", 1000, "up_to", "planned")


# ---------------------------------------------------------------------------------------------------------
# Kinds
# ---------------------------------------------------------------------------------------------------------

KIND_ROWS = [
    ("Die Bundeswehr hat 400 Bundeswehrsoldaten nach Litauen verlegt.", "troops", 400, "Bundeswehrsoldaten"),
    ("Dort dienen 200 Soldatinnen und Soldaten.", "troops", 200, "Soldatinnen und Soldaten"),
    ("Die Mission zählt 900 Blauhelme.", "troops", 900, "Blauhelme"),
    ("Eine Truppe von 5.000 Mann steht bereit.", "troops", 5000, "Mann"),  # Mann: troops in large numbers
    ("Beobachter zählten 18 Zwischenfälle.", "incidents", 18, "Zwischenfälle"),
    ("Die Armee meldete 40 Angriffe mit Drohnen.", "incidents", 40, "Angriffe mit Drohnen"),
    ("Es gab 7 Gefechte.", "incidents", 7, "Gefechte"),
    ("Der Beschuss forderte 9 Tote.", "killed", 9, "Tote"),
    ("Bei dem Anschlag kamen 12 Menschen ums Leben.", "killed", 12, "Menschen"),
    ("Dabei wurden 3 Soldaten getötet.", "killed", 3, "Soldaten"),
    ("In der Klinik liegen 14 Verletzte.", "wounded", 14, "Verletzte"),
    ("Zwei Zivilisten wurden verletzt.", "wounded", 2, "Zivilisten"),
    ("Der Anschlag forderte 25 Opfer.", "casualties", 25, "Opfer"),  # Opfer: killed and wounded together
    ("Die Luftabwehr schoss 30 Drohnen ab.", "equipment", 30, "Drohnen"),
    ("Es gibt noch 200 Kriegsgefangene.", "other", 200, "Kriegsgefangene"),
]


@pytest.mark.parametrize(("text", "kind", "value", "unit"), KIND_ROWS)
def test_kind(text: str, kind: str, value: int, unit: str) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)
    assert f.kind in FIGURE_KINDS


def test_casualty_cues_before_the_number_and_an_understood_noun() -> None:
    found = figs("Eine Drohne tötete 3 Soldaten und verletzte 5.")
    assert [(f.kind, f.value) for f in found] == [("killed", 3), ("wounded", 5)]
    found = figs("Bei dem Angriff starben 12 Menschen, 30 weitere wurden verletzt.")
    assert [(f.kind, f.value, f.status) for f in found] == [("killed", 12, "current"), ("wounded", 30, "current")]


def test_kind_named_before_the_number() -> None:
    f = one("Die Zahl der Toten stieg auf 40.")
    assert (f.kind, f.value) == ("killed", 40)
    f = one("Die Verluste beliefen sich auf mindestens 300.")
    assert (f.kind, f.value, f.qualifier) == ("casualties", 300, "at_least")


NOT_FIGURES = [
    "Die Sitzung begann um 10 Uhr mit Vertretern aus 31 Staaten.",
    "12 Prozent der Truppen sind abgezogen.",
    "Die Mission kostet 1,5 Millionen Euro.",
    "Im Jahr 2024 zogen Soldaten und Zivilisten ab.",
    "Die Panzerbrigade 45 soll 2027 einsatzbereit sein.",
    "Zwei Männer wurden festgenommen.",  # Mann/Männer: troops only in large numbers
    "Über 2.000 Menschen nahmen an der Kundgebung teil.",  # people, no casualty cue
    "Die Soldaten kamen am 12. März in Rukla an.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert [(f.kind, f.value) for f in figs(text)] == []


def test_a_capitalised_weekday_before_the_number_is_no_name() -> None:
    f = one("Die Armee zählte am Montag 40 Angriffe.")
    assert (f.kind, f.value, f.date) == ("incidents", 40, "2026-01-05")


# ---------------------------------------------------------------------------------------------------------
# Qualifiers, vague plurals, ranges
# ---------------------------------------------------------------------------------------------------------

QUALIFIER_ROWS = [
    ("Es sind 3.000 Soldaten eingetroffen.", "exact", 3000),
    ("Es sind rund 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind etwa 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind ungefähr 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind circa 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind ca. 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind knapp 3.000 Soldaten eingetroffen.", "approx", 3000),
    ("Es sind mindestens 3.000 Soldaten eingetroffen.", "at_least", 3000),
    ("Es sind wenigstens 3.000 Soldaten eingetroffen.", "at_least", 3000),
    ("Es sind mehr als 3.000 Soldaten eingetroffen.", "more_than", 3000),
    ("Es sind über 3.000 Soldaten eingetroffen.", "more_than", 3000),
    ("Es sind bis zu 3.000 Soldaten eingetroffen.", "up_to", 3000),
    ("Es sind höchstens 3.000 Soldaten eingetroffen.", "up_to", 3000),
    ("Es sind weniger als 3.000 Soldaten eingetroffen.", "less_than", 3000),
    ("Es ist ein Dutzend Soldaten eingetroffen.", "approx", 12),
]


@pytest.mark.parametrize(("text", "qualifier", "value"), QUALIFIER_ROWS)
def test_qualifier(text: str, qualifier: str, value: int) -> None:
    f = one(text)
    assert (f.kind, f.qualifier, f.value) == ("troops", qualifier, value)
    assert f.qualifier in QUALIFIERS


@pytest.mark.parametrize(
    "text",
    [
        "Hunderte Soldaten sind an der Grenze.",
        "Es sind Tausende Soldaten eingetroffen.",
        "Es sind Dutzende Soldaten eingetroffen.",
        "Es sind mehrere Hundert Soldaten eingetroffen.",
    ],
)
def test_vague_plural_is_no_figure(text: str) -> None:
    assert figs(text) == []


def test_ranges() -> None:
    f = one("Zwischen 4.000 und 5.000 Soldaten sind in Polen stationiert.")
    assert (f.value, f.low, f.high, f.qualifier, f.place_ids) == (4000, 4000, 5000, "approx", ["country:PL"])
    f = one("Es sind 4.000 bis 5.000 Soldaten.")
    assert (f.value, f.low, f.high) == (4000, 4000, 5000)
    f = one("Künftig könnten bis zu 10.000 bis 12.000 Soldaten dort dienen.")
    assert (f.value, f.low, f.high, f.qualifier, f.status) == (12000, 10000, 12000, "up_to", "planned")


# ---------------------------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------------------------

STATUS_ROWS = [
    ("Die Brigade könnte auf bis zu 5.000 Soldaten anwachsen.", "planned"),
    ("Im Frühjahr sollen 500 weitere Soldaten nach Litauen verlegt werden.", "planned"),
    ("Deutschland will 800 Soldaten entsenden.", "planned"),
    ("Die Regierung plant, 4.800 Soldaten nach Litauen zu verlegen.", "planned"),
    ("Geplant sind 4.800 Soldaten.", "planned"),
    ("Derzeit sind etwa 400 Soldaten in Rukla stationiert.", "current"),
    ("Bereits 1.800 Soldaten sind vor Ort.", "current"),
    ("Die Luftabwehr konnte 40 Drohnen abfangen.", "current"),  # konnte, not könnte
    ("Gestern wurden 18 Angriffe gezählt.", "current"),  # wurden, not würden
    ("Dabei sollen mindestens zwölf Menschen getötet worden sein.", "current"),  # reported, not planned
]


@pytest.mark.parametrize(("text", "status"), STATUS_ROWS)
def test_status(text: str, status: str) -> None:
    f = one(text)
    assert f.status == status and f.status in STATUSES


def test_status_is_read_per_clause() -> None:
    found = figs("Die Nato hat 12.000 Soldaten in Polen und will 5.000 in Litauen stationieren.")
    assert [(f.kind, f.value, f.status, f.place_ids) for f in found] == [
        ("troops", 12000, "current", ["country:PL"]),
        ("troops", 5000, "planned", ["country:LT"]),
    ]
    found = figs("Rund 1.800 Soldaten sind bereits vor Ort; die Zahl könnte auf bis zu 5.000 steigen.")
    assert [(f.kind, f.value, f.qualifier, f.status) for f in found] == [
        ("troops", 1800, "approx", "current"),
        ("troops", 5000, "up_to", "planned"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Places and sources
# ---------------------------------------------------------------------------------------------------------


def test_coordinated_list_gives_one_figure_over_all_places() -> None:
    f = one("Rund 8.000 Soldaten sind in Polen, Litauen und Lettland stationiert.")
    assert f.place_ids == ["country:PL", "country:LT", "country:LV"]


SOURCE_ROWS = [
    ("Laut dem Verteidigungsministerium wurden mindestens 12 Soldaten getötet.", "Verteidigungsministerium"),
    ("Nach Angaben der Vereinten Nationen kamen 40 Zivilisten ums Leben.", "Vereinten Nationen"),
    ("Das Ministerium teilte mit, dass 18 Angriffe gezählt wurden.", "Ministerium"),
    ("Es sind 3.000 Soldaten eingetroffen.", None),
]


@pytest.mark.parametrize(("text", "source"), SOURCE_ROWS)
def test_source(text: str, source: str | None) -> None:
    assert one(text).source == source


def test_places_and_source_in_one_sentence() -> None:
    f = one("Nach Angaben der Armee gab es mindestens 18 Gefechte bei Charkiw.")
    assert (f.kind, f.value, f.qualifier, f.source, f.place_ids) == (
        "incidents", 18, "at_least", "Armee", ["admin1:UA-63"]
    )


# ---------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------

EVENT_ROWS = [
    ("Der Konvoi wurde gestern getroffen.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("Vorgestern gab es Explosionen.", (D(2026, 1, 4), D(2026, 1, 4))),
    ("Heute sind Soldaten eingetroffen.", (D(2026, 1, 6), D(2026, 1, 6))),
    ("Am Montag sind Soldaten eingetroffen.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("Am vergangenen Dienstag gab es Explosionen.", (D(2025, 12, 30), D(2025, 12, 30))),
    ("Nächsten Mittwoch kommen die Minister zusammen.", (D(2026, 1, 7), D(2026, 1, 7))),
    ("Am 5. Januar wurde das Depot getroffen.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("Am 28. Dez. wurde die Basis getroffen.", (D(2025, 12, 28), D(2025, 12, 28))),  # the nearest one
    ("Am 12. März 2025 trafen sich die Minister.", (D(2025, 3, 12), D(2025, 3, 12))),
    ("Vom 3. bis 5. Januar fanden Übungen statt.", (D(2026, 1, 3), D(2026, 1, 5))),
    ("In den vergangenen 24 Stunden gab es Angriffe.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("In den letzten drei Tagen hielt die Waffenruhe.", (D(2026, 1, 3), D(2026, 1, 6))),
    ("In den vergangenen Tagen nahmen die Kämpfe zu.", (D(2025, 12, 30), D(2026, 1, 6))),
    ("Vergangene Woche gingen die Kämpfe weiter.", (D(2025, 12, 29), D(2026, 1, 4))),
    ("Seit Montag dauern die Angriffe an.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("Im Dezember wurde die Mission verlängert.", (D(2025, 12, 1), D(2025, 12, 31))),
    ("In der vergangenen Nacht gab es Explosionen.", (D(2026, 1, 5), D(2026, 1, 6))),
]


@pytest.mark.parametrize(("sentence", "expected"), EVENT_ROWS)
def test_event_dates(sentence: str, expected: tuple[dt.date, dt.date]) -> None:
    assert event_dates(sentence, "de", DAY) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Die Sitzung begann um 10 Uhr.", "Am Morgen gab es Explosionen.", "Die Minister berieten über den Plan."],
)
def test_no_event_date(sentence: str) -> None:
    assert event_dates(sentence, "de", DAY) is None


def test_figure_takes_a_relative_date_from_the_publication_date() -> None:
    f = one("Gestern wurden 18 Angriffe gezählt.")
    assert (f.date, f.date_end) == ("2026-01-05", "2026-01-05")
    f = one("Gestern wurden 18 Angriffe gezählt.", date=D(2025, 3, 1))
    assert (f.date, f.date_end) == ("2025-02-28", "2025-02-28")
    f = one("Gestern wurden 18 Angriffe gezählt.", date=None)
    assert (f.date, f.date_end) == (None, None)


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("BERLIN (dpa) - Die Bundeswehr verlegt Soldaten.", "BERLIN", None),
        ("Berlin (dpa) - Die Bundeswehr verlegt Soldaten.", "Berlin", None),
        ("Vilnius, 12. März 2025 - Die Minister trafen sich.", "Vilnius", D(2025, 3, 12)),
        ("Vilnius, 12. Jan. 2025 – Die Minister trafen sich.", "Vilnius", D(2025, 1, 12)),
    ],
)
def test_find_dateline(text: str, place: str, date: dt.date | None) -> None:
    line = find_dateline(text, "de")
    assert line is not None
    assert text[line.place_start : line.place_end] == place
    assert line.date == date
    assert text[line.end :].startswith("Die Minister" if date else "Die Bundeswehr")


def test_dateline_gives_the_document_date_and_is_no_event_date() -> None:
    doc = Document("d", "Vilnius, 12. März 2025 - Gestern sind 500 Soldaten in Rukla angekommen.")
    date = document_date(doc, "de")
    assert date == D(2025, 3, 12)
    (f,) = figures_in(doc.text, NAMES, "de", date)
    assert (f.kind, f.value, f.status, f.place_ids) == ("troops", 500, "current", ["geonames:594739"])
    assert (f.date, f.date_end) == ("2025-03-11", "2025-03-11")
