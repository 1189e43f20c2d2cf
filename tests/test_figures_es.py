"""Spanish figures and dates: geo/lexicons/es/figures.yaml and dates.yaml, read through
geo.figures.extract_figures and geo.dates, on sentences written for these tests."""

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
RO = entity("country:RO", "Romania", "country", "RO")
LV = entity("country:LV", "Latvia", "country", "LV")
LT = entity("country:LT", "Lithuania", "country", "LT")
NAMES = {"Polonia": PL, "Rumanía": RO, "Letonia": LV, "Lituania": LT}


def figs(text: str, date: dt.date | None = DAY) -> list[Figure]:
    return figures_in(text, NAMES, "es", date)


def one(text: str, date: dt.date | None = DAY) -> Figure:
    return only_figure(text, NAMES, "es", date)


# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.500", 1500),
        ("12.000", 12000),
        ("1,5 millones", 1500000),
        ("20 mil", 20000),
        ("doce mil", 12000),
        ("treinta y cinco", 35),
        ("una veintena", 20),
        ("un centenar", 100),
        ("cientos", 100),
        ("decenas de miles", 10000),
        ("entre 500 y 700", 500),
    ],
)
def test_spanish_numbers(text: str, value: int) -> None:
    assert parse_number(text, "es") == value


def test_articles_are_not_the_number_one() -> None:
    assert find_numbers("Unos soldados y unas tropas llegaron con un convoy.", "es") == []


# ---------------------------------------------------------------------------------------------------------
# Kinds
# ---------------------------------------------------------------------------------------------------------

KIND_ROWS = [
    ("Alrededor de 650 militares llegaron al cuartel.", "troops", 650, "militares"),
    ("Unos 3.000 cascos azules vigilan la línea de separación.", "troops", 3000, "cascos azules"),
    ("Se contaron 700 efectivos en la base.", "troops", 700, "efectivos"),
    ("Se registraron 18 enfrentamientos en la frontera.", "incidents", 18, "enfrentamientos"),
    ("Los observadores anotaron 6 ataques con drones.", "incidents", 6, "ataques con drones"),
    ("La noche trajo 40 bombardeos sobre el puerto.", "incidents", 40, "bombardeos"),
    ("Al menos cinco personas murieron en el ataque.", "killed", 5, "personas"),
    ("Hubo 7 víctimas mortales en el derrumbe.", "killed", 7, "víctimas mortales"),
    ("Un coche bomba causó la muerte de 9 personas.", "killed", 9, "personas"),
    ("El hospital atendió a 14 heridos.", "wounded", 14, "heridos"),
    ("Se contabilizaron 25 víctimas.", "casualties", 25, "víctimas"),  # killed and wounded together
    ("Las defensas derribaron 40 drones.", "equipment", 40, "drones"),
    ("Llegaron 1,5 millones de desplazados.", "other", 1500000, "desplazados"),
]


@pytest.mark.parametrize(("text", "kind", "value", "unit"), KIND_ROWS)
def test_kind(text: str, kind: str, value: int, unit: str) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)
    assert f.kind in FIGURE_KINDS


def test_casualty_cues_before_and_after() -> None:
    f = one("Murieron al menos cinco personas en el ataque.")
    assert (f.kind, f.value, f.qualifier) == ("killed", 5, "at_least")
    found = figs("Un misil alcanzó la ciudad, matando a cinco civiles e hiriendo a 12.")
    assert [(f.kind, f.value) for f in found] == [("killed", 5), ("wounded", 12)]
    found = figs("El bombardeo dejó 12 muertos y 30 heridos.")
    assert [(f.kind, f.value) for f in found] == [("killed", 12), ("wounded", 30)]


def test_kind_named_before_the_number() -> None:
    f = one("El número de muertos ascendió a 40.")
    assert (f.kind, f.value, f.unit) == ("killed", 40, "número de muertos")
    f = one("Los muertos son al menos 12.")
    assert (f.kind, f.value, f.qualifier) == ("killed", 12, "at_least")


NOT_FIGURES = [
    "Tres personas asistieron a la reunión.",  # people in general, no casualty cue
    "Dos hombres fueron detenidos tras el choque.",  # "hombres": troops only from 50 up
    "El 12 de marzo de 2025 los ministros firmaron.",
    "La reunión comenzó a las 10 de la mañana con 31 países.",
    "El 15% de las tropas regresó.",
    "En 2024 soldados y civiles abandonaron la ciudad.",
    "El presupuesto es de 1,5 millones de euros.",
    "La brigada 45 se movilizó.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert [(f.kind, f.value) for f in figs(text)] == []


# ---------------------------------------------------------------------------------------------------------
# Qualifiers and ranges
# ---------------------------------------------------------------------------------------------------------

QUALIFIER_ROWS = [
    ("Llegaron 3.000 soldados.", "exact", 3000),
    ("Llegaron alrededor de 3.000 soldados.", "approx", 3000),
    ("Llegaron cerca de 3.000 soldados.", "approx", 3000),
    ("Llegaron unos 3.000 soldados.", "approx", 3000),
    ("Llegaron aproximadamente 3.000 soldados.", "approx", 3000),
    ("Hay 650 soldados aproximadamente en la base.", "approx", 650),
    ("Llegaron al menos 3.000 soldados.", "at_least", 3000),
    ("Llegaron como mínimo 3.000 soldados.", "at_least", 3000),
    ("Llegaron más de 3.000 soldados.", "more_than", 3000),
    ("Llegaron más de 2000 soldados.", "more_than", 2000),  # a count, not the year 2000
    ("Llegaron hasta 700 soldados.", "up_to", 700),
    ("Llegaron como máximo 700 soldados.", "up_to", 700),
    ("Llegaron menos de 100 soldados.", "less_than", 100),
    ("Llegaron una decena de soldados.", "approx", 10),
    ("Llegaron un centenar de efectivos.", "approx", 100),
]


@pytest.mark.parametrize(("text", "qualifier", "value"), QUALIFIER_ROWS)
def test_qualifier(text: str, qualifier: str, value: int) -> None:
    f = one(text)
    assert (f.qualifier, f.value) == (qualifier, value)
    assert f.qualifier in QUALIFIERS


@pytest.mark.parametrize(
    "text",
    [
        "Cientos de soldados llegaron a la frontera.",
        "Llegaron cientos de soldados.",
        "Miles de desplazados cruzaron el río.",
        "Decenas de miles de soldados participan en las maniobras.",
    ],
)
def test_vague_plural_is_no_figure(text: str) -> None:
    assert figs(text) == []


def test_ranges() -> None:
    f = one("Entre 500 y 700 soldados están desplegados en Polonia.")
    assert (f.value, f.low, f.high, f.qualifier, f.status) == (500, 500, 700, "approx", "current")
    f = one("De 500 a 700 soldados llegarán a Rumanía.")
    assert (f.value, f.low, f.high, f.status) == (500, 500, 700, "planned")
    f = one("Podrían llegar hasta 10-12 mil soldados.")
    assert (f.value, f.low, f.high, f.qualifier, f.status) == (12000, 10000, 12000, "up_to", "planned")


def test_a_change_is_not_a_range() -> None:
    f = one("El Gobierno pasó de 500 a 700 soldados.")
    assert (f.value, f.low, f.high) == (700, None, None)
    found = figs("El contingente pasó de 500 a 700 soldados.")  # both counts of the contingent
    assert [(f.kind, f.value, f.high) for f in found] == [("troops", 500, None), ("troops", 700, None)]


# ---------------------------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------------------------

STATUS_ROWS = [
    ("La misión podría aumentar hasta 700 soldados.", "planned"),
    ("España prevé desplegar 300 efectivos.", "planned"),
    ("Alemania enviará 1.500 soldados.", "planned"),
    ("Otros 200 militares se sumarán al contingente.", "planned"),
    ("El Gobierno tiene previsto enviar 3.000 soldados.", "planned"),
    ("La OTAN va a enviar 3.000 soldados.", "planned"),
    ("Ya están desplegados 3.000 soldados.", "current"),
    ("Ayer llegaron 3.000 soldados.", "current"),
    # "-erán" of Teherán and "-aría" of Secretaría are no future or conditional forms
    ("El ataque contra Teherán dejó 20 muertos.", "current"),
    ("La Secretaría de la Defensa informó que hay 300 soldados.", "current"),
    ("La artillería disparó contra 30 blindados.", "current"),
]


@pytest.mark.parametrize(("text", "status"), STATUS_ROWS)
def test_status(text: str, status: str) -> None:
    f = one(text)
    assert f.status == status and f.status in STATUSES


def test_status_is_read_per_clause() -> None:
    found = figs("La OTAN tiene 12.000 soldados en Polonia y enviará otros 5.000.")
    assert [(f.kind, f.value, f.status) for f in found] == [
        ("troops", 12000, "current"),
        ("troops", 5000, "planned"),
    ]
    found = figs("España tiene 650 militares en Letonia. La cifra podría aumentar hasta 700 en los próximos meses.")
    assert [(f.kind, f.value, f.qualifier, f.status) for f in found] == [
        ("troops", 650, "exact", "current"),
        ("troops", 700, "up_to", "planned"),
    ]
    assert found[1].place_ids == ["country:LV"]  # no place in its sentence: the earlier sentence's


# ---------------------------------------------------------------------------------------------------------
# Places and sources
# ---------------------------------------------------------------------------------------------------------


def test_places() -> None:
    found = figs("Unos 500 soldados en Polonia y 300 en Rumanía.")
    assert [(f.value, f.qualifier, f.place_ids) for f in found] == [
        (500, "approx", ["country:PL"]),
        (300, "exact", ["country:RO"]),
    ]
    f = one("Francia desplegará 500 soldados en cada uno de los países: Letonia y Lituania.")
    assert f.per_unit is True
    f = one("Cerca de 8.000 soldados están desplegados en Polonia, Rumanía y Letonia.")
    assert (f.per_unit, f.place_ids) == (False, ["country:PL", "country:RO", "country:LV"])


SOURCE_ROWS = [
    ("Según la ONU, se registraron 18 ataques.", "ONU"),
    ("Se registraron 18 enfrentamientos, informó el Ministerio de Defensa.", "Ministerio de Defensa"),
    ("Según informó el Ministerio de Defensa, 40 drones fueron derribados.", "Ministerio de Defensa"),
    ("Fuentes militares explicaron que llegarán 3.000 soldados.", "Fuentes militares"),
    ("Llegaron 3.000 soldados.", None),
]


@pytest.mark.parametrize(("text", "source"), SOURCE_ROWS)
def test_source(text: str, source: str | None) -> None:
    assert one(text).source == source


# ---------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------

EVENT_ROWS = [
    ("El convoy fue atacado ayer.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("El ataque ocurrió anteayer.", (D(2026, 1, 4), D(2026, 1, 4))),
    ("Hoy llegaron los refuerzos.", (D(2026, 1, 6), D(2026, 1, 6))),
    ("Esta mañana sonaron las sirenas.", (D(2026, 1, 6), D(2026, 1, 6))),
    ("Anoche cayeron dos misiles.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("El lunes llegaron los refuerzos.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("El pasado lunes llegaron los refuerzos.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("El lunes pasado llegaron los refuerzos.", (D(2026, 1, 5), D(2026, 1, 5))),
    ("El domingo por la mañana hubo disparos.", (D(2026, 1, 4), D(2026, 1, 4))),
    ("El próximo martes llegarán los refuerzos.", (D(2026, 1, 13), D(2026, 1, 13))),
    ("El martes que viene llegarán los refuerzos.", (D(2026, 1, 13), D(2026, 1, 13))),
    ("En los últimos días los combates aumentaron.", (D(2025, 12, 30), D(2026, 1, 6))),
    ("En las últimas 24 horas hubo cinco ataques.", (D(2026, 1, 5), D(2026, 1, 6))),
    ("La semana pasada se reanudaron los combates.", (D(2025, 12, 29), D(2026, 1, 4))),
    ("Los combates siguen desde el viernes.", (D(2026, 1, 2), D(2026, 1, 6))),
    ("En diciembre se prorrogó la misión.", (D(2025, 12, 1), D(2025, 12, 31))),
    ("En lo que va de mes se cuentan 30 ataques.", (D(2026, 1, 1), D(2026, 1, 6))),
]


@pytest.mark.parametrize(("sentence", "expected"), EVENT_ROWS)
def test_event_dates(sentence: str, expected: tuple[dt.date, dt.date]) -> None:
    assert event_dates(sentence, "es", DAY) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "La flota patrulla en el mar Negro.",  # "mar" is March only after a day or a month preposition
        "Los ministros se reunieron para discutir el plan.",
    ],
)
def test_no_event_date(sentence: str) -> None:
    assert event_dates(sentence, "es", DAY) is None


def test_figure_date_is_relative_to_the_publication_date() -> None:
    f = one("Ayer murieron 4 soldados.")
    assert (f.kind, f.value, f.date, f.date_end) == ("killed", 4, "2026-01-05", "2026-01-05")
    f = one("Ayer murieron 4 soldados.", date=None)
    assert (f.date, f.date_end) == (None, None)
    f = one("El pasado lunes llegaron 200 soldados.", date=D(2026, 3, 4))  # a Wednesday
    assert (f.date, f.date_end) == ("2026-03-02", "2026-03-02")


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("BOGOTÁ, 12 de marzo de 2025 – El ejército informó.", "BOGOTÁ", D(2025, 3, 12)),
        ("Bogotá, 12 de marzo de 2025 – El ejército informó.", "Bogotá", D(2025, 3, 12)),
        ("MADRID, 3 mar (EFE) - El Gobierno aprobó la misión.", "MADRID", None),  # no year: no date
        ("CARACAS (EFE) - El Gobierno aprobó la misión.", "CARACAS", None),
    ],
)
def test_find_dateline(text: str, place: str, date: dt.date | None) -> None:
    line = find_dateline(text, "es")
    assert line is not None
    assert text[line.place_start : line.place_end] == place
    assert line.date == date
    assert text[line.end] == "E"


def test_dateline_gives_the_document_date_and_is_no_event_date() -> None:
    doc = Document("d", "BOGOTÁ, 12 de marzo de 2025 – Ayer murieron cinco soldados en un ataque.")
    date = document_date(doc, "es")
    assert date == D(2025, 3, 12)
    (f,) = figures_in(doc.text, {}, "es", date)
    assert (f.kind, f.value, f.date, f.date_end) == ("killed", 5, "2025-03-11", "2025-03-11")
