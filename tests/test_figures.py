"""Text -> figures: geo.figures.extract_figures on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates import document_date
from geo.figures import extract_figures
from geo.model import FIGURE_KINDS, QUALIFIERS, STATUSES, Document, Entity, Figure, Mention
from tests.figure_helpers import entity, figures_in, mentions_in
from tests.shared_material import shared_path

DAY = dt.date(2026, 1, 6)


PL = entity("country:PL", "Poland", "country", "PL")
RO = entity("country:RO", "Romania", "country", "RO")
BALTIC = entity("region:baltic-states", "Baltic states", "region", None)
LT = entity("country:LT", "Lithuania", "country", "LT")
LV = entity("country:LV", "Latvia", "country", "LV")
EE = entity("country:EE", "Estonia", "country", "EE")
UA = entity("country:UA", "Ukraine", "country", "UA")
KHARKIV = entity("admin1:UA-63", "Kharkiv Oblast", "admin1", "UA")
DONBAS = entity("region:donbas", "Donbas", "region", "UA")
KYIV = entity("geonames:703448", "Kyiv", "city", "UA", capital_of="UA")
MOSCOW = entity("geonames:524901", "Moscow", "city", "RU", capital_of="RU")
PARIS = entity("geonames:2988507", "Paris", "city", "FR", capital_of="FR")
BAKHMUT = entity("geonames:712165", "Bakhmut", "city", "UA")
HU = entity("country:HU", "Hungary", "country", "HU")
BG = entity("country:BG", "Bulgaria", "country", "BG")
ZAPORIZHZHIA = entity("admin1:UA-23", "Zaporizhzhia Oblast", "admin1", "UA")
KHERSON = entity("admin1:UA-65", "Kherson Oblast", "admin1", "UA")
ROME = entity("geonames:3169070", "Rome", "city", "IT", capital_of="IT")

NAMES = {
    "Polonia": PL,
    "Poland": PL,
    "Pologne": PL,
    "Romania": RO,
    "Roumanie": RO,
    "Paesi baltici": BALTIC,
    "Baltic states": BALTIC,
    "pays baltes": BALTIC,
    "Lituania": LT,
    "Lithuania": LT,
    "Latvia": LV,
    "Estonia": EE,
    "Ucraina": UA,
    "Ukraine": UA,
    "Kharkiv": KHARKIV,
    "Donbass": DONBAS,
    "Donbas": DONBAS,
    "Kyiv": KYIV,
    "Kiev": KYIV,
    "Mosca": MOSCOW,
    "Moscow": MOSCOW,
    "Parigi": PARIS,
    "Paris": PARIS,
    "Bakhmut": BAKHMUT,
    "Ungheria": HU,
    "Hungary": HU,
    "Hongrie": HU,
    "Bulgaria": BG,
    "Bulgarie": BG,
    "Zaporizhzhia": ZAPORIZHZHIA,
    "Zaporijjia": ZAPORIZHZHIA,
    "Kherson": KHERSON,
    "Roma": ROME,
    "Rome": ROME,
}


def mentions(text: str, names: dict[str, Entity] = NAMES, roles: dict[str, str] | None = None) -> list[Mention]:
    return mentions_in(text, names, roles)


def figs(text: str, lang: str, date: dt.date | None = DAY, names: dict[str, Entity] = NAMES,
         roles: dict[str, str] | None = None) -> list[Figure]:
    return figures_in(text, names, lang, date, roles)


def one(text: str, lang: str, **kw: object) -> Figure:
    found = figs(text, lang, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [(f.kind, f.value, text[f.start : f.end]) for f in found]
    return found[0]


# ---------------------------------------------------------------------------------------------------------
# The reference case, in our own words
# ---------------------------------------------------------------------------------------------------------

REFERENCE_LIKE_IT = (
    "Roma, 14 marzo 2026 – Ministri di una quindicina di governi si sono riuniti ieri a Roma, dalle 9 del "
    "mattino. Il comunicato conclusivo spiega che la brigata multinazionale – oggi schierata nei Paesi baltici, "
    "in Ungheria e in Bulgaria con circa 7.500 militari – rimarrà sotto guida NATO. Un generale ha aggiunto che "
    "\u201cla forza potrebbe crescere fino a 11.000 effettivi entro l'estate\u201d.\n"
    "Negli ultimi giorni, secondo l'ONU, sono stati contati almeno 25 scontri armati nella zona di Zaporizhzhia "
    "e nella regione di Kherson."
)


def test_reference_like_case_italian() -> None:
    doc = Document("ref", REFERENCE_LIKE_IT)
    found = extract_figures(doc, mentions(doc.text), lang="it", doc_date=document_date(doc, "it"))
    assert [(f.kind, f.value, f.qualifier, f.status) for f in found] == [
        ("troops", 7500, "approx", "current"),
        ("troops", 11000, "up_to", "planned"),
        ("incidents", 25, "at_least", "current"),
    ]
    three = ["region:baltic-states", "country:HU", "country:BG"]
    assert found[0].place_ids == three
    assert found[0].places == ["Baltic states", "Hungary", "Bulgaria"]
    assert found[1].place_ids == three  # no place in its sentence: the earlier sentence's
    assert found[2].place_ids == ["admin1:UA-23", "admin1:UA-65"]
    assert found[2].source == "ONU"
    assert (found[2].date, found[2].date_end) == ("2026-03-07", "2026-03-14")
    assert [f.figure_id for f in found] == ["ref:f1", "ref:f2", "ref:f3"]
    assert [doc.text[f.start : f.end] for f in found] == ["7.500", "11.000", "25"]
    for f in found:
        assert doc.text[f.quote_start : f.quote_start + len(f.quote)] == f.quote
        assert f.quote_start <= f.start < f.end <= f.quote_start + len(f.quote)


def test_reference_like_case_english_and_french() -> None:
    en = figs(
        "Ministers from about fifteen governments met in Rome at 9 am. The final communique says the "
        "multinational brigade, already in Hungary, Bulgaria and the Baltic states with about 7,500 troops, could "
        "grow to up to 11,000 over the summer. At least 25 armed clashes were recorded near Zaporizhzhia and in the "
        "Kherson region, according to the UN.",
        "en",
    )
    assert [(f.kind, f.value, f.qualifier, f.status, len(f.place_ids)) for f in en] == [
        ("troops", 7500, "approx", "current", 3),
        ("troops", 11000, "up_to", "planned", 3),
        ("incidents", 25, "at_least", "current", 2),
    ]
    assert en[2].source == "UN"
    fr = figs(
        "Selon l'ONU, au moins 25 affrontements armés ont été recensés près de Zaporijjia et dans la région de "
        "Kherson. Environ 7 500 militaires sont déjà déployés en Hongrie, en Bulgarie et dans les pays baltes.",
        "fr",
    )
    assert [(f.kind, f.value, f.qualifier, f.status, f.source) for f in fr] == [
        ("incidents", 25, "at_least", "current", "ONU"),
        ("troops", 7500, "approx", "current", None),
    ]
    assert fr[1].place_ids == ["country:HU", "country:BG", "region:baltic-states"]


def test_reference_article() -> None:
    """The real reference article (read, not copied): exactly its three figures."""
    text = shared_path("seeds/volenterosi_paris_2026-01-06_it.txt").read_text(encoding="utf-8")
    doc = Document("volenterosi", text)
    date = document_date(doc, "it")
    assert date == dt.date(2026, 1, 6)
    found = extract_figures(doc, mentions(text), lang="it", doc_date=date)
    assert [(f.kind, f.value, f.qualifier, f.status) for f in found] == [
        ("troops", 12000, "approx", "current"),
        ("troops", 20000, "up_to", "planned"),
        ("incidents", 18, "at_least", "current"),
    ]
    three = ["country:PL", "country:RO", "region:baltic-states"]
    assert found[0].place_ids == three and found[1].place_ids == three
    assert found[2].place_ids == ["admin1:UA-63", "region:donbas"]
    assert found[2].source == "OSCE"


# ---------------------------------------------------------------------------------------------------------
# Kinds
# ---------------------------------------------------------------------------------------------------------

KIND_ROWS = [
    ("it", "Sono arrivati 3.000 militari italiani.", "troops", 3000),
    ("it", "Il contingente conta 20.000 unità.", "troops", 20000),
    ("it", "Si contano 40 bombardamenti.", "incidents", 40),
    ("it", "Sono state registrate 12 violazioni del cessate il fuoco.", "incidents", 12),
    ("it", "L'esplosione ha causato 9 morti.", "killed", 9),
    ("it", "Nell'attacco 3 soldati sono stati uccisi.", "killed", 3),
    ("it", "Si contano 25 vittime.", "killed", 25),  # Italian "vittime": the dead
    ("it", "I medici hanno curato 14 feriti.", "wounded", 14),
    ("it", "Sono stati abbattuti 30 droni.", "equipment", 30),
    ("it", "Sono arrivati 50 carri armati.", "equipment", 50),
    ("it", "Restano 200 prigionieri.", "other", 200),
    ("en", "The army sent 5,000 more troops.", "troops", 5000),
    ("en", "There were 18 clashes overnight.", "incidents", 18),
    ("en", "Observers logged 7 drone incursions.", "incidents", 7),  # compounds are head-last
    ("en", "The strike left 4 dead.", "killed", 4),
    ("en", "Two soldiers were wounded.", "wounded", 2),
    ("en", "The unit suffered 40 casualties.", "casualties", 40),  # English casualties: not split
    ("en", "The navy shot down 8 short-range ballistic missiles.", "equipment", 8),
    ("en", "The death toll rose to 62.", "killed", 62),
    ("fr", "La France enverra 2 000 soldats.", "troops", 2000),
    ("fr", "On a compté 18 incidents armés.", "incidents", 18),
    ("fr", "La frappe a fait 3 morts.", "killed", 3),
    ("fr", "On compte une dizaine de blessés.", "wounded", 10),
    ("fr", "On déplore 12 victimes.", "casualties", 12),  # French victimes: not split
    ("fr", "Ils ont perdu 30 chars.", "equipment", 30),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value"), KIND_ROWS)
def test_kind(lang: str, text: str, kind: str, value: int) -> None:
    f = one(text, lang)
    assert (f.kind, f.value) == (kind, value)
    assert f.kind in FIGURE_KINDS


def test_casualty_cues_turn_people_into_casualties() -> None:
    found = figs("Il raid ha colpito il mercato, uccidendo almeno 4 civili e ferendone 12.", "it")
    assert [(f.kind, f.value, f.qualifier) for f in found] == [
        ("killed", 4, "at_least"),
        ("wounded", 12, "exact"),
    ]
    found = figs("Three soldiers were killed and five wounded near Bakhmut.", "en")
    assert [(f.kind, f.value, f.place_ids) for f in found] == [
        ("killed", 3, ["geonames:712165"]),
        ("wounded", 5, ["geonames:712165"]),
    ]


def test_people_in_general_are_no_figure() -> None:
    assert figs("Oltre 2.000 persone hanno partecipato alla marcia.", "it") == []
    assert figs("Some 450,000 people live in the city.", "en") == []


def test_men_are_troops_in_large_numbers() -> None:
    assert (one("NATO sent 5,000 men to the border.", "en").kind) == "troops"
    assert (one("Il Cremlino ha ammassato 50 mila uomini.", "it").value) == 50000


def test_understood_noun_from_the_figure_before() -> None:
    found = figs("Ci sono 5.000 soldati in Polonia e 3.000 in Romania.", "it")
    assert [(f.kind, f.value, f.place_ids) for f in found] == [
        ("troops", 5000, ["country:PL"]),
        ("troops", 3000, ["country:RO"]),
    ]


# ---------------------------------------------------------------------------------------------------------
# Not figures
# ---------------------------------------------------------------------------------------------------------

NOT_FIGURES = [
    ("it", "Alle 10 del mattino i delegati di oltre venti Paesi si sono riuniti."),
    ("it", "La riunione è finita alle 17."),
    ("it", "Il 6 gennaio 2026 i ministri hanno firmato."),
    ("it", "Nel 2024 soldati e civili hanno lasciato la città."),
    ("it", "Il 12% delle truppe è rientrato."),
    ("it", "La missione costa 1,5 milioni di euro."),
    ("it", "La Panzerbrigade 45 guida l'esercitazione."),
    ("it", "Erano presenti due ministri."),
    ("it", "L'82ª divisione ha lasciato la base."),
    ("en", "The talks began at 5 pm with ministers from 31 nations."),
    ("en", "The 82nd Airborne Division is on alert."),
    ("en", "Two ministers met on January 5."),
    ("en", "Spending rose by 2% to $1.5 billion."),
    ("en", "The F-16 jets flew over; a 19-year-old soldier watched them."),
    ("fr", "La réunion a commencé à 17 heures avec une vingtaine de pays."),
    ("fr", "Le budget atteint 3 milliards d'euros, soit 15 % de plus."),
    ("fr", "Le 15 février, 12 000 personnes ont manifesté."),
    ("en", "Two men were arrested after the clash."),  # "men": troops only in large numbers
    ("en", "Call the toll free line 1-888-234-1294 today."),
    ("it", "Un argine è crollato sulla Provinciale 38 vicino a Olbia."),
    ("en", "Task Force 61 sailed on Monday."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_FIGURES)
def test_not_a_figure(lang: str, text: str) -> None:
    assert [(f.kind, f.value) for f in figs(text, lang)] == []


# ---------------------------------------------------------------------------------------------------------
# Qualifiers, ranges, status
# ---------------------------------------------------------------------------------------------------------

QUALIFIER_ROWS = [
    ("it", "Sono arrivati 3.000 soldati.", "exact", 3000),
    ("it", "Sono arrivati circa 3.000 soldati.", "approx", 3000),
    ("it", "Sono arrivati quasi 3.000 soldati.", "approx", 3000),
    ("it", "Sono arrivati almeno 3.000 soldati.", "at_least", 3000),
    ("it", "Sono arrivati oltre 3.000 soldati.", "more_than", 3000),
    ("it", "Sono arrivati più di 3.000 soldati.", "more_than", 3000),
    ("it", "Sono arrivati meno di 3.000 soldati.", "less_than", 3000),
    ("it", "Sono arrivati una dozzina di soldati.", "approx", 12),
    ("it", "Sono arrivati tra 10.000 e 12.000 soldati.", "approx", 10000),
    ("en", "About 3,000 troops arrived.", "approx", 3000),
    ("en", "Some 3,000 troops arrived.", "approx", 3000),
    ("en", "Nearly 3,000 troops arrived.", "approx", 3000),
    ("en", "At least 3,000 troops arrived.", "at_least", 3000),
    ("en", "More than 3,000 troops arrived.", "more_than", 3000),
    ("en", "Over 3,000 troops arrived.", "more_than", 3000),
    ("en", "Fewer than 3,000 troops arrived.", "less_than", 3000),
    ("fr", "Environ 3 000 soldats sont arrivés.", "approx", 3000),
    ("fr", "Près de 3 000 soldats sont arrivés.", "approx", 3000),
    ("fr", "Au moins 3 000 soldats sont arrivés.", "at_least", 3000),
    ("fr", "Plus de 3 000 soldats sont arrivés.", "more_than", 3000),
    ("fr", "Moins de 3 000 soldats sont arrivés.", "less_than", 3000),
]


@pytest.mark.parametrize(("lang", "text", "qualifier", "value"), QUALIFIER_ROWS)
def test_qualifier(lang: str, text: str, qualifier: str, value: int) -> None:
    f = one(text, lang)
    assert (f.qualifier, f.value) == (qualifier, value)
    assert f.qualifier in QUALIFIERS


def test_range_value_is_its_low_end_except_under_up_to() -> None:
    f = one("Between 10,000 and 12,000 soldiers are stationed in Poland.", "en")
    assert (f.value, f.low, f.high, f.qualifier) == (10000, 10000, 12000, "approx")
    f = one("Potrebbero arrivare fino a 10-12 mila soldati.", "it")
    assert (f.value, f.low, f.high, f.qualifier, f.status) == (12000, 10000, 12000, "up_to", "planned")


STATUS_ROWS = [
    ("it", "La missione potrebbe salire fino a 4.000 unità.", "planned"),
    ("it", "Il governo prevede di inviare 3.000 soldati.", "planned"),
    ("it", "L'Alleanza invierà 3.000 soldati.", "planned"),
    ("it", "Nelle prossime settimane arriveranno 3.000 soldati.", "planned"),
    ("it", "Sono già schierati 3.000 soldati.", "current"),
    ("it", "Ieri sono arrivati 3.000 soldati.", "current"),
    ("en", "NATO will deploy 3,000 troops.", "planned"),
    ("en", "The force could rise to 3,000 troops.", "planned"),
    ("en", "The ministry plans to send 3,000 troops.", "planned"),
    ("en", "NATO has 3,000 troops there.", "current"),
    ("en", "3,000 troops are already stationed there.", "current"),
    ("fr", "Le contingent pourrait atteindre 3 000 soldats.", "planned"),
    ("fr", "Paris enverra 3 000 soldats.", "planned"),
    ("fr", "Quelque 3 000 soldats sont déjà présents.", "current"),
]


@pytest.mark.parametrize(("lang", "text", "status"), STATUS_ROWS)
def test_status(lang: str, text: str, status: str) -> None:
    f = one(text, lang)
    assert f.status == status and f.status in STATUSES


def test_status_is_read_per_clause() -> None:
    found = figs("La NATO ha 12.000 soldati in Polonia e ne invierà altri 5.000.", "it")
    assert [(f.value, f.status) for f in found] == [(12000, "current"), (5000, "planned")]
    found = figs("The alliance will deploy 3,000 troops and 200 tanks.", "en")
    assert [(f.kind, f.status) for f in found] == [("troops", "planned"), ("equipment", "planned")]
    found = figs("La brigata – già attiva in Slovacchia con circa 6.000 militari – resterà sul posto.", "it")
    assert [(f.value, f.status) for f in found] == [(6000, "current")]


# ---------------------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------------------


def test_coordinated_list_gives_one_figure_over_all_places() -> None:
    f = one("Circa 8.000 soldati sono schierati in Ungheria, Bulgaria e nei Paesi baltici.", "it")
    assert f.place_ids == ["country:HU", "country:BG", "region:baltic-states"]
    assert f.per_unit is False


def test_per_unit_figure() -> None:
    f = one("The allies will station 1,000 troops each in Lithuania, Latvia and Estonia.", "en")
    assert (f.per_unit, f.value, f.place_ids) == (True, 1000, ["country:LT", "country:LV", "country:EE"])
    f = one("L'Alleanza invierà 1.000 soldati ciascuno in Lituania, Polonia e Romania.", "it")
    assert f.per_unit is True
    f = one("La France enverra 500 soldats chacun en Pologne et en Roumanie.", "fr")
    assert (f.per_unit, f.place_ids) == (True, ["country:PL", "country:RO"])


def test_locative_place_wins_over_a_speaking_capital() -> None:
    f = one("Mosca ha detto che 3.000 soldati resteranno in Ucraina.", "it")
    assert f.place_ids == ["country:UA"]
    f = one("Moscow said 40 attacks had been recorded near Kharkiv.", "en")
    assert f.place_ids == ["admin1:UA-63"]


def test_speaking_capital_gives_way_to_the_previous_sentence() -> None:
    found = figs("Russian units massed near Kharkiv. Moscow says 40 drones were launched.", "en")
    assert [(f.value, f.place_ids) for f in found] == [(40, ["admin1:UA-63"])]


def test_previous_sentence_places_only_within_the_paragraph() -> None:
    found = figs("Le truppe sono in Polonia. Il contingente conta 3.000 uomini.", "it")
    assert found[0].place_ids == ["country:PL"]
    found = figs("Le truppe sono in Polonia.\nIl contingente conta 3.000 uomini.", "it")
    assert found[0].place_ids == []


def test_mentions_with_a_deployment_role_are_preferred() -> None:
    text = "Da Kyiv si segnala che 3.000 soldati sono a Bakhmut."
    assert one(text, "it").place_ids == ["geonames:712165"]  # no roles: the nearest locative place
    assert one(text, "it", roles={"Kyiv": "deployment"}).place_ids == ["geonames:703448"]


def test_unresolved_mentions_are_ignored() -> None:
    text = "Circa 8.000 soldati sono schierati in Polonia."
    ms = [Mention("d", text.find("Polonia"), text.find("Polonia") + 7, "Polonia", None)]
    (f,) = extract_figures(Document("d", text), ms, lang="it", doc_date=DAY)
    assert f.place_ids == [] and f.places == []


# ---------------------------------------------------------------------------------------------------------
# Sources and dates
# ---------------------------------------------------------------------------------------------------------

SOURCE_ROWS = [
    ("it", "Secondo l'OSCE, sono stati registrati 18 attacchi.", "OSCE"),
    ("it", "Nove militari sono morti, ha comunicato il ministero della Difesa.", "ministero della Difesa"),
    (
        "it",
        "Fonti militari tedesche hanno detto che arriveranno 3.000 soldati.",
        "Fonti militari tedesche",
    ),
    ("it", "Sono arrivati 3.000 soldati.", None),
    ("en", "According to the UN, 18 attacks were recorded.", "UN"),
    ("en", "Strikes killed 12 people, Ukraine's emergency service said.", "Ukraine's emergency service"),
    ("en", "The death toll rose to 62, citing the health ministry.", "health ministry"),
    ("en", "NATO will send 3,000 troops, officials said on Monday.", "officials"),
    ("fr", "Selon l'ONU, 18 attaques ont été recensées.", "ONU"),
    ("fr", "Paris enverra 2 000 soldats, a indiqué le ministère des Armées.", "ministère des Armées"),
]


@pytest.mark.parametrize(("lang", "text", "source"), SOURCE_ROWS)
def test_source(lang: str, text: str, source: str | None) -> None:
    assert one(text, lang).source == source


def test_event_dates_are_relative_to_the_document_date() -> None:
    f = one("Ieri un raid ha ucciso 5 soldati.", "it")
    assert (f.date, f.date_end) == ("2026-01-05", "2026-01-05")
    f = one("Ieri un raid ha ucciso 5 soldati.", "it", date=None)
    assert (f.date, f.date_end) == (None, None)
    found = figs("Vendredi, 2 drones ont frappé; depuis lundi, 5 attaques ont été recensées.", "fr")
    assert [(f.value, f.date, f.date_end) for f in found] == [
        (2, "2026-01-02", "2026-01-02"),
        (5, "2026-01-05", "2026-01-06"),
    ]


def test_dateline_is_not_an_event_date() -> None:
    doc = Document("d", "Vilnius, 3 febbraio 2026 – Ieri sono arrivati 500 soldati.")
    (f,) = extract_figures(doc, [], lang="it", doc_date=document_date(doc, "it"))
    assert (f.date, f.date_end) == ("2026-02-02", "2026-02-02")


def test_unit_is_the_noun_as_written() -> None:
    assert one("Sono arrivate 18 unità navali.", "it").unit == "unità navali"
    assert one("At least 18 armed incidents were recorded.", "en").unit == "armed incidents"


@pytest.mark.parametrize(
    ("text", "lang", "statuses"),
    [
        ("España enviará alrededor de 650 militares al Líbano, donde al menos cinco personas murieron ayer.", "es",
         ["planned", "current"]),
        ("L'Italia invierà 500 soldati in Lettonia, dove ne sono già schierati 250.", "it", ["planned", "current"]),
    ],
)
def test_a_relative_clause_has_its_own_status(text, lang, statuses):
    assert [f.status for f in figures_in(text, {}, lang, None)] == statuses


def test_a_place_after_the_figure_and_a_participle_governs_it():
    it_ = entity("country:IT", "Italy", "country", "IT")
    xk = entity("country:XK", "Kosovo", "country", "XK")
    text = ("The reinforcements, drawn from a battalion based in Italy, will join the roughly 4,500 troops "
            "already stationed in Kosovo.")
    (f,) = figures_in(text, {"Italy": it_, "Kosovo": xk}, "en", None)
    assert (f.value, f.place_ids) == (4500, ["country:XK"])


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the inverted copula of Italian and Spanish news: the article stands between number and noun
        ("Sono circa 3.500 i soldati della Nato schierati in Lituania.", "it", [("troops", 3500, "approx")]),
        ("Sono almeno 3 i morti e oltre 50 i feriti.", "it",
         [("killed", 3, "at_least"), ("wounded", 50, "more_than")]),
        ("Son al menos cinco los muertos.", "es", [("killed", 5, "at_least")]),
        # a casualty word of the figure before does not name this one; no copula, no article skip
        ("Sono almeno 3 i morti e oltre 2.000 gli sfollati.", "it",
         [("killed", 3, "at_least"), ("other", 2000, "more_than")]),
        ("Tra il 2020 e il 2022 i soldati sono aumentati.", "it", []),
    ],
)
def test_inverted_copula(text, lang, expected):
    assert [(f.kind, f.value, f.qualifier) for f in figures_in(text, {}, lang, None)] == expected


# ---------------------------------------------------------------------------------------------------------
# Casualties named by who they were, and counted by an article
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Una donna è rimasta ferita nel bombardamento.", [("wounded", 1)]),
        ("it", "Un ragazzo è stato ucciso ieri sera.", [("killed", 1)]),
        ("it", "Un soldato ucciso e un altro ferito nell'agguato.", [("killed", 1), ("wounded", 1)]),
        ("it", "Almeno 19 gendarmi sono stati uccisi.", [("killed", 19)]),
        ("it", "Dieci ribelli sono rimasti uccisi.", [("killed", 10)]),
        ("en", "One person was killed overnight.", [("killed", 1)]),
        ("en", "Four UN observers were killed in the ambush.", [("killed", 4)]),
        ("en", "Some 250 conscripts reportedly died.", [("killed", 250)]),
        ("fr", "Un Casque bleu a été tué lundi.", [("killed", 1)]),
        ("es", "Una persona murió en el ataque.", [("killed", 1)]),
    ],
)
def test_casualties_named_by_who_they_were(lang: str, text: str, expected: list) -> None:
    assert [(f.kind, f.value) for f in figures_in(text, {}, lang, None)] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Un soldato è arrivato in città."),
        ("it", "Una persona ha chiesto informazioni."),
        ("de", "Ein Soldat und eine Drohne."),
        ("it", "Due osservatori hanno visitato il villaggio."),
    ],
)
def test_an_article_or_a_person_without_a_casualty_word_is_no_figure(lang: str, text: str) -> None:
    assert figures_in(text, {}, lang, None) == []


def test_italian_e_with_an_accent_is_no_list_coordinator() -> None:
    # "è morta": the verb, not "e" (and), stands between the noun and the casualty word
    assert [(f.kind, f.value) for f in figures_in("Una persona è morta.", {}, "it", None)] == [("killed", 1)]


# --- repeats: indexed by kind and place, the same as comparing every pair ---------------------------------------


def _drop_repeats_pairwise(figures, doc_id, entities, lex, view=None, may_repeat=None, repeats=None):
    """The rule of ``geo.figures._drop_repeats`` by comparing each figure with every figure kept before it."""
    from geo.figures import _is_repeat

    kept, seen_of = [], {}
    for f in figures:
        seen = view(f) if view is not None else f
        same = next((k for k in kept if (k.value, k.qualifier) == (f.value, f.qualifier)
                     and (may_repeat is None or may_repeat(k, f))
                     and _is_repeat(seen_of[id(k)], seen, entities, lex)), None)
        if same is None:
            kept.append(f)
            seen_of[id(f)] = seen
            continue
        if repeats is not None:
            repeats[f.figure_id] = same
        if not same.place_ids:
            same.place_ids, same.places = list(f.place_ids), list(f.places)
    for n, f in enumerate(kept, 1):
        f.figure_id = f"{doc_id}:f{n}"
    return kept


@pytest.mark.parametrize("seed", range(6))
def test_repeats_found_through_the_index_are_those_of_every_pair(seed):
    import dataclasses
    import random

    from geo.figures import _drop_repeats, figure_lexicon

    rng = random.Random(seed)
    places = [Entity("country:PE", "Peru", "country", "PE", None, 0, 0),
              Entity("country:CL", "Chile", "country", "CL", None, 0, 0),
              Entity("admin1:PE-CUS", "Cusco", "admin1", "PE", "PE-CUS", 0, 0),
              Entity("admin1:PE-ARE", "Arequipa", "admin1", "PE", "PE-ARE", 0, 0),
              Entity("geonames:1", "Urubamba", "city", "PE", "PE-CUS", 0, 0),
              Entity("geonames:2", "Sicuani", "city", "PE", "PE-CUS", 0, 0),
              Entity("geonames:3", "Camana", "city", "PE", "PE-ARE", 0, 0),
              Entity("geonames:4", "Arica", "city", "CL", None, 0, 0)]
    entities = {e.id: e for e in places}
    ids = [*entities, "unknown:1"]

    def figure(n: int) -> Figure:
        where = rng.sample(ids, rng.choice((0, 0, 1, 1, 1, 2)))
        return Figure("d", rng.choice(("killed", "wounded", "casualties", "deployed")), rng.choice((2, 3, 3, 40)),
                      10 * n, 10 * n + 2, f"q{n}", quote_start=10 * (n - rng.choice((0, 0, 1))),
                      qualifier=rng.choice(("exact", "exact", "at_least")), place_ids=list(where),
                      places=[i.upper() for i in where], date=rng.choice((None, None, "2024-03-01", "2024-03-02")),
                      unit=rng.choice((None, None, "soldiers", "civilians")), figure_id=f"d:f{n}",
                      cue_place_ids=rng.sample(ids, rng.choice((0, 1, 2))))

    figures = [figure(n) for n in range(1, 160)]
    window = {f.figure_id: n // 40 for n, f in enumerate(figures)}

    def as_read(f):
        return dataclasses.replace(f, place_ids=list(f.cue_place_ids))

    def earlier(k, f):
        return window[k.figure_id] < window[f.figure_id]

    for view, may_repeat in ((None, None), (as_read, earlier)):
        mine, theirs = [dataclasses.replace(f) for f in figures], [dataclasses.replace(f) for f in figures]
        old_ids = {id(f): f.figure_id for f in mine} | {id(f): f.figure_id for f in theirs}
        got, want = {}, {}
        kept = _drop_repeats(mine, "d", entities, figure_lexicon("en"), view=view, may_repeat=may_repeat, repeats=got)
        expected = _drop_repeats_pairwise(theirs, "d", entities, figure_lexicon("en"), view=view, may_repeat=may_repeat,
                                          repeats=want)
        assert [(old_ids[id(f)], f.figure_id, f.place_ids) for f in kept] == \
            [(old_ids[id(f)], f.figure_id, f.place_ids) for f in expected]
        assert {old: old_ids[id(f)] for old, f in got.items()} == {old: old_ids[id(f)] for old, f in want.items()}
        assert len(got) == len(figures) - len(kept) > 0


@pytest.mark.parametrize("lang, text", [
    ("en", "Two doctors of the aid group explained the boys were wounded in Kyiv."),
    ("en", "Two members of the aid group says the boys were wounded in Kyiv."),
])
def test_a_speech_verb_ends_a_counted_phrase(lang, text):
    """The figure lexicon's speech words are EventProfile.speech_at's: a speech verb of places.yaml ("explained",
    "says"), not only a speech cue, ends the reach from a count to its verb: the doctors are not the wounded."""
    assert [(f.kind, f.value) for f in figs(text, lang)] == []


@pytest.mark.parametrize("lang, text", [
    # month first, the day, a comma or none, the year (failed before: the year was read as a count)
    ("en", "Some 60 drones were downed on June 3, 2024 over Kyiv and Kherson."),
    ("en", "Some 60 drones were downed on March 3rd, 1999 over Kyiv and Kherson."),
    ("en", "Some 60 drones were downed on Thursday, May 3, 2024 over Kyiv and Kherson."),
    ("en", "Some 60 drones were downed at night; on Sept 3 2024 drones hit Kherson."),
    # the day first, a month alone before the year, a month's dot (already read as dates)
    ("en", "Some 60 drones were downed on Jan. 3, 2024 over Kyiv and Kherson."),
    ("en", "Some 60 missiles were intercepted on 3 June 2024 above Kyiv and Kherson."),
    ("en", "Some 60 missiles were intercepted in June 2024 above Kyiv and Kherson."),
    ("it", "Circa 60 missili sono stati intercettati il 3 giugno 2024 sopra Kyiv e Kherson."),
    ("it", "Circa 60 missili sono stati intercettati a giugno 2024 sopra Kyiv e Kherson."),
    ("fr", "Quelque 60 missiles ont été interceptés le 3 juin 2024 au-dessus de Kyiv et Kherson."),
    ("fr", "Quelque 60 missiles ont été interceptés en juin 2024 au-dessus de Kyiv et Kherson."),
    ("es", "Unos 60 misiles fueron interceptados el 3 de junio de 2024 sobre Kyiv y Kherson."),
    ("es", "Unos 60 misiles fueron interceptados en junio 2024 sobre Kyiv y Kherson."),
    ("de", "Rund 60 Raketen wurden am 3. Juni 2024 über Kyiv und Kherson abgefangen."),
    ("de", "Rund 60 Raketen wurden im Juni 2024 über Kyiv und Kherson abgefangen."),
])
def test_the_year_of_a_date_is_no_figure(lang, text):
    """A four-digit number of 1900-2100 after a month's day written month first ("June 3, 2024",
    :func:`geo.dates.date_part`, months of the dates lexicon), after a day and month or after a month is a
    date's year, no count."""
    assert [f.value for f in figs(text, lang)] == [60]


@pytest.mark.parametrize("lang, text, values", [
    ("en", "In June, 2000 soldiers were sent to Kherson.", [2000]),  # a month alone before the comma: a count
    ("en", "On 3 June, 2000 soldiers were sent to Kherson.", [2000]),  # the month, not the day, before the comma
    ("en", "By June 3, 300 soldiers were sent to Kherson.", [300]),  # three digits: no year
])
def test_a_number_after_a_month_alone_stays_a_figure(lang, text, values):
    """Only a day right before the comma makes the number after it a year: "In June, 2000 soldiers" counts."""
    assert [f.value for f in figs(text, lang)] == values


@pytest.mark.parametrize("lang, text", [
    # a year across a comma after a month, or a day and a month, before no counted noun: the date's year (failed
    # before: geo.dates.after_month_day read only a month's day written month first before the comma)
    ("en", "Some 45 drones were downed in April, 2023 over Odesa and Mykolaiv."),
    ("en", "Some 45 drones were downed on 9 April, 2023 over Odesa and Mykolaiv."),
    ("es", "Unos 45 drones fueron derribados en abril, 2023 sobre Odesa y Mykolaiv."),
    ("de", "Rund 45 Drohnen wurden im April, 2023 über Odesa und Mykolajiw abgeschossen."),
    # already no figure
    ("it", "Circa 45 droni sono stati abbattuti ad aprile, 2023 sopra Odesa e Mykolaiv."),
    ("fr", "Quelque 45 drones ont été abattus en avril, 2023 au-dessus d'Odesa et de Mykolaïv."),
])
def test_a_year_across_a_comma_after_its_month_is_no_figure(lang, text):
    """geo.dates.date_part: a year after "Month," or "Day Month," with no counted noun after it is a date's, no
    count."""
    assert [f.value for f in figs(text, lang)] == [45]


@pytest.mark.parametrize("lang, text", [
    ("en", "Some 45 drones were downed in 2022 and 2023 over Odesa and Mykolaiv."),  # failed before: 2023 a figure
    ("it", "Circa 45 droni sono stati abbattuti dal 2022 al 2023 sopra Odesa e Mykolaiv."),
    ("es", "Unos 45 drones fueron derribados desde 2022 hasta 2023 sobre Odesa y Mykolaiv."),
])
def test_a_year_linked_to_a_year_is_no_figure(lang, text):
    """geo.dates.date_part: a year after a word of the dates lexicon's ``year_links`` right after a year is a year
    too, no count (the dates lexicon's ``year_prepositions`` has no "and")."""
    assert [f.value for f in figs(text, lang)] == [45]


@pytest.mark.parametrize("lang, text, values", [
    # a count whose noun is left out before the next month of a list of counts by month
    ("en", "Russia fired 3000 drones at Odesa in April, 2000 in May and 1000 in June.", [3000, 2000, 1000]),
    ("it", "Il 9 aprile, 2000 soldati sono arrivati a Tartu.", [2000]),
    ("fr", "Le 9 avril, 2000 soldats sont arrivés à Tartu.", [2000]),
    ("es", "El 9 de abril, 2000 soldados llegaron a Tartu.", [2000]),
    ("de", "Am 9. April, 2000 Soldaten kamen in Tartu an.", [2000]),
])
def test_a_count_with_its_noun_after_a_date_and_a_comma_is_a_figure(lang, text, values):
    """geo.dates.date_part: a four-digit number across a comma after a day and month or a month is a count when a
    counted noun of the figures lexicon (or another month) follows it: "Il 9 aprile, 2000 soldati"."""
    assert [f.value for f in figs(text, lang)] == values


@pytest.mark.parametrize("lang, text, values", [
    # a capitalised weekday before a count with its noun: no name ending in a number ("Task Force 61"), no day
    # (failed before)
    ("en", "On Thursday 40 drones struck Izmail.", [40]),
    ("en", "On Thursday 400 soldiers reached Narva.", [400]),
    # a weekday's day, a month after it: no figure
    ("en", "On Thursday 17 April drones struck Izmail.", []),
    # a weekday's day with no counted noun after it: no figure; a part "of the" whole after a weekday: both count
    ("en", "On Friday 13 ten drones struck Izmail.", [10]),
    ("en", "On Monday 3 of the 10 drones struck Izmail.", [3, 10]),
    # already a figure: the weekday opens the sentence or is written lower case
    ("it", "Giovedì 40 droni hanno colpito Izmail.", [40]),
    ("fr", "Jeudi 40 drones ont frappé Izmaïl.", [40]),
    ("es", "El jueves 40 drones atacaron Izmail.", [40]),
    ("de", "Am Donnerstag 40 Drohnen trafen Izmajil.", [40]),
])
def test_a_count_after_a_weekday_is_a_figure(lang, text, values):
    """geo.dates.date_part: a number after a weekday is a day only when no counted noun follows it."""
    assert [f.value for f in figs(text, lang)] == values


@pytest.mark.parametrize("text", [
    "On May 12, 2024 drones hit Odesa.",
    "On Feb. 24, 2022 troops crossed into Ukraine.",
    "On Oct. 7, 2023 militants attacked Sderot.",
])
def test_the_year_of_a_month_first_date_is_no_figure_when_its_comma_is_left_out(text):
    """geo.dates.date_part: after a month's day written month first the comma is the year's own; a noun after the
    year belongs to the clause ("On May 12, 2024 drones hit Odesa" leaves out the comma after 2024)."""
    assert [f.value for f in figs(text, "en")] == []


@pytest.mark.parametrize(("lang", "text", "value"), [
    # a month before a number names nothing (the capitalised-name rule), nor is it a word of ``not_before``:
    # date_part tells a day, a year or a count (failed before: no figure)
    ("en", "In May 300 drones hit Kharkiv.", 300),
    ("en", "In March 300 drones hit Kharkiv.", 300),
    ("en", "In March 2000 drones hit Kharkiv.", 2000),  # rule ROUND_COUNT_AFTER_MONTH
    ("es", "A principios de marzo de 2000 drones atacaron Kharkiv.", 2000),
    ("it", "A marzo cinque soldati sono stati uccisi a Kharkiv.", 5),
    ("fr", "En mars 300 drones ont frappé Kharkiv.", 300),
    ("es", "A las 17 víctimas de Kharkiv se suman otras tres.", 17),  # no clock time before a counted noun
    # a number of 1 to 31 after a month: no day where the dates lexicon sets no month_first_days (failed before:
    # read as the day of "Mai 20" and left out)
    ("de", "Am 3. Mai 20 Tote in Linz, sagte die Polizei.", 20),
    ("de", "Im Juni 15 Soldaten starben bei Linz.", 15),
    ("de", "Der Angriff kam am 11. Feb. 25 Drohnen trafen Linz.", 25),
    ("fr", "En juin 15 soldats ont été tués près de Nantes.", 15),
    ("fr", "Le 4 juin 15 soldats ont été tués près de Nantes.", 15),
    ("it", "A giugno 15 soldati sono stati uccisi vicino a Lecce.", 15),
    ("es", "Desde junio 15 soldados están en Cádiz.", 15),
])
def test_a_count_after_a_month_is_a_figure(lang, text, value):
    """geo.figures: a number after a month is a figure unless geo.dates.date_part reads it as a day or a year."""
    assert value in [f.value for f in figs(text, lang)]


@pytest.mark.parametrize(("lang", "text", "value", "date", "date_end"), [
    # rule ROUND_COUNT_AFTER_MONTH: the round count is no year of the date either, the month is of the document's
    # year (failed before: dated 2000-03)
    ("en", "In March 2000 drones hit Kharkiv.", 2000, "2026-03-01", "2026-03-31"),
    ("en", "On 4 March 2000 soldiers left Kharkiv.", 2000, "2026-03-04", "2026-03-04"),
    # a number after a month in a language that writes no day after its month: the month's date, no day of it
    # (failed before: dated the 15th)
    ("de", "Im Juni 15 Soldaten starben bei Linz.", 15, "2026-06-01", "2026-06-30"),
    ("it", "A giugno 15 soldati sono stati uccisi vicino a Lecce.", 15, "2026-06-01", "2026-06-30"),
    ("de", "Bilanz Juni 15 Soldaten starben bei Linz.", 15, None, None),  # no 15 June: no date at all
])
def test_the_date_of_a_count_after_a_month(lang, text, value, date, date_end):
    """geo.dates: the event date reader agrees with date_part on a count after a month (a round count is no year,
    a number after a month no day where the dates lexicon sets no ``month_first_days``)."""
    found = [(f.value, f.date, f.date_end) for f in figs(text, lang)]
    assert (value, date, date_end) in found, found


def test_a_year_after_a_year_preposition_before_1900_is_no_figure():
    """geo.figures: a four-digit number of 1800 to 1899 after a word of the dates lexicon's ``year_prepositions``
    is a year (the figure reader's own floor; date_part reads 1900 to 2100)."""
    assert [f.value for f in figs("In 1850 troops built the fort at Kharkiv, and 40 soldiers guard it.", "en")] == [40]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Officials described the Nov. 14 strike on a depot near Kharkiv."),  # a day after an abbreviated month
    ("en", "In March 2024 drones hit Kharkiv."),  # a year: no round hundred
    ("it", "Alle 17 i droni hanno colpito Kharkiv."),  # rule CLOCK_PREPOSITION
    ("es", "A las 17 los drones atacaron Kharkiv."),
    ("de", "Gestern griffen 40 Drohnen Kharkiv an, gegen 17.30 weitere."),
])
def test_a_date_or_clock_number_is_no_figure(lang, text):
    """geo.figures: a number date_part reads as a day, a year or a clock time is no figure (the 40 drones are)."""
    assert [f.value for f in figs(text, lang)] in ([], [40])


def test_a_day_after_a_weekday_alone_may_count():
    """geo.figures: a day after a weekday with no month is left to the figure reader ("on Friday 12": the drones of
    the sentence, their noun left out)."""
    assert [f.value for f in figs("On Thursday 30 drones hit Kharkiv, on Friday 12.", "en")] == [30, 12]


@pytest.mark.parametrize("text, day", [
    # rules DAY_DOT_WRAP and MONTH_ABBREVIATION_DOT of geo/sentences.py: the day stays in the figure's sentence
    # (failed before: the figure had no date)
    ("Die Luftabwehr meldete in der vergangenen Nacht den Abschuss von\n"
     "zahlreichen Drohnen über dem Westen des Landes, die Behörden der\n"
     "Stadt Kharkiv sprachen von Schäden an mehreren Lagerhallen und\n"
     "an der Wasserversorgung in zwei Vierteln. In der Nacht zum 14.\n"
     "Juni hatten nach Angaben des Militärs rund 30 Drohnen die Stadt\n"
     "angegriffen, die Feuerwehr blieb bis zum Mittag im Einsatz, so\n"
     "die Verwaltung der Stadt, die weitere Angriffe erwartete.\n", dt.date(2026, 6, 14)),
    ("Am 14. Okt. trafen 30 Drohnen Kharkiv. Die Feuerwehr kam.", dt.date(2025, 10, 14)),
])
def test_a_german_day_across_a_wrap_or_before_an_abbreviated_month_dates_the_figure(text, day):
    """A German day written with a dot keeps its month across a hard line wrap and before an abbreviated month's
    dot: the figure of the sentence has that day."""
    found = [f for f in figs(text, "de") if f.value == 30]
    assert [f.date for f in found] == [day.isoformat()]


@pytest.mark.parametrize("text, found", [
    # rule VERB_NOT_NOUN: a kind noun that is a verb's past form before a number is that number's verb (failed
    # before: the 12 were counted as killed)
    ("Police said Friday 12 killed 4 civilians near Kharkiv.", [("killed", 4)]),
    ("Officials said on Sunday 6 injured 3 police officers in Kharkiv.", [("wounded", 3)]),
    # a troops noun after the second number is one of people too (the re-review's guard: failed when only the
    # persons nouns were read)
    ("Police said Friday 12 killed 4 soldiers in Sumy.", [("killed", 4)]),
    # a list with its commas left out, or a comma: the nouns of the counts
    ("Shelling left 12 killed 4 wounded in Kharkiv.", [("killed", 12), ("wounded", 4)]),
    ("Shelling left 12 killed, 4 wounded in Kharkiv.", [("killed", 12), ("wounded", 4)]),
    # a number after the participle with no counted noun, or a noun of another kind, or "of them": no verb (failed
    # when every number after the participle made it a verb)
    ("The strike left 8 injured 2 critically in Kharkiv.", [("wounded", 8)]),
    ("Shelling left 12 wounded 3 of them critically in Kharkiv.", [("wounded", 12), ("wounded", 3)]),
    ("There were 12 killed 2 days ago in Kharkiv.", [("killed", 12)]),
    ("The toll: 12 killed 4 wounded 3 missing in Kharkiv.", [("killed", 12), ("wounded", 4), ("wounded", 3)]),
])
def test_a_casualty_participle_before_a_number_is_its_verb(text, found):
    """geo.figures, rule VERB_NOT_NOUN (figures lexicon ``verb_nouns``)."""
    assert [(f.kind, f.value) for f in figs(text, "en")] == found


@pytest.mark.parametrize(("lang", "text"), [
    # rule CLOCK_PREPOSITION of geo.dates.date_part: the hours of a span are clock times, no count of the casualty
    # word or the noun after them (failed before: 18 killed)
    ("it", "Dalle 9 alle 18 sono caduti 25 missili su Kharkiv."),
    # (the figures lexicon's not_before kept it so before, it has no "a las" now)
    ("es", "Desde las 9 hasta las 18 cayeron 25 misiles sobre Kharkiv."),
])
def test_the_hours_of_a_span_are_no_figure(lang, text):
    assert [f.value for f in figs(text, lang)] == [25]
