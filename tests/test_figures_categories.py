"""Text -> figures: error categories of real reporting studied on the training articles, each with sentences
written for these tests in several languages.

* A list of victims after (or before) one casualty verb, joined by commas: every item is a casualty count.
* The same small count repeated in a later sentence at a place holding or inside the first one's is one fact.
* An age given without a word for years ("a man aged 43", "una mujer de 34") is no count; the article counts one.
* A bare count that opens its clause right before a casualty verb ("Doce murieron", "Zwölf wurden getötet").
* A part counted after its whole by a relative ("20 dei quali", "20 de los cuales") is a figure of the whole's kind,
  unless it says who some of them were ("12 delle quali bambini").
* An upper bound after the noun ("1,100 troops at most", "1.100 soldati al massimo") is up_to.
* A small count said to add to those reported ("un altro soldato", "otra persona") is no repeat of an earlier one.
* Military units counted as such ("five armoured battalions") are equipment marked ``formation``; a unit noun that
  also names civil bodies ("brigades") counts only beside a military word, never beside a civil one ("fire
  brigades"); a unit's number or ordinal, and a part of a count of units ("one of the four battalions"), is no count.
* An article counts one weapon said to be another one, or the subject or object of a verb of downing in its own
  clause ("a drone was shot down"), or right before a verb of falling ("un drone è precipitato"); a verb of another
  subject ("... e una persona è caduta") counts no weapon, and a weapon is no casualty ("A drone killed two").
* Status: a deployment announced or intended is planned; German "sollen" with a perfect infinitive reports a past fact.
"""

from __future__ import annotations

import pytest

from geo.model import Entity
from tests.figure_helpers import figures_in


def found(text: str, lang: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in figures_in(text, {}, lang, None)]


# One casualty verb before a list of victims written with commas: "killed 12 soldiers, three policemen and two
# civilians" — the police and the civilians were killed too; the same list before a verb-last casualty verb.
VICTIM_LISTS = [
    ("en", "Gunmen killed 12 soldiers, three policemen and two civilians near the border.",
     [("killed", 12), ("killed", 3), ("killed", 2)]),
    ("en", "Rebels kill 12 soldiers, three militia fighters in border raid",
     [("killed", 12), ("killed", 3)]),
    ("it", "I miliziani hanno ucciso 12 soldati, tre poliziotti e due civili vicino al confine.",
     [("killed", 12), ("killed", 3), ("killed", 2)]),
    ("fr", "Les assaillants ont blessé 12 soldats, trois gendarmes et deux civils près de la frontière.",
     [("wounded", 12), ("wounded", 3), ("wounded", 2)]),
    ("es", "Los atacantes mataron a 12 soldados, tres policías y dos civiles cerca de la frontera.",
     [("killed", 12), ("killed", 3), ("killed", 2)]),
    ("de", "Die Angreifer verletzten 12 Soldaten, drei Polizisten und zwei Zivilisten an der Grenze.",
     [("wounded", 12), ("wounded", 3), ("wounded", 2)]),
    # the verb after the list holds for its first item too
    ("en", "Near the border 12 soldiers, 3 policemen, and 2 civilians were wounded.",
     [("wounded", 12), ("wounded", 3), ("wounded", 2)]),
    ("it", "Vicino al confine 12 soldati, tre poliziotti e due civili sono stati uccisi.",
     [("killed", 12), ("killed", 3), ("killed", 2)]),
    ("de", "Bei dem Angriff wurden 12 Soldaten, drei Polizisten und zwei Zivilisten getötet.",
     [("killed", 12), ("killed", 3), ("killed", 2)]),
    ("es", "En la frontera 12 soldados, tres policías y dos civiles resultaron heridos.",
     [("wounded", 12), ("wounded", 3), ("wounded", 2)]),
    # a count after a comma with a verb of its own is no item of the list
    ("en", "The attack killed 12 civilians, 300 soldiers were then deployed to the border.",
     [("killed", 12), ("troops", 300)]),
    ("it", "Sono arrivati al confine 300 soldati, 20 sono rimasti feriti.", [("troops", 300), ("wounded", 20)]),
    ("en", "Officials said 40 soldiers, and later 20 civilians, were moved to the border.", [("troops", 40)]),
]



# Places that hold one another: a country, an admin-1 unit in it, a city in that unit; and another city.
_COUNTRY = Entity("country:RU", "Ruritania", "country", "RU", None, 0.0, 0.0)
_REGION = Entity("admin1:RU-1", "Aaa", "admin1", "RU", "RU-1", 0.0, 0.0)
_CITY = Entity("geonames:1", "Bbb", "city", "RU", "RU-1", 0.0, 0.0)
_OTHER = Entity("geonames:2", "Ccc", "city", "RU", "RU-2", 0.0, 0.0)
_OTHER_REGION = Entity("admin1:RU-2", "Ddd", "admin1", "RU", "RU-2", 0.0, 0.0)
PLACES = {"Ruritania": _COUNTRY, "Aaa": _REGION, "Bbb": _CITY, "Ccc": _OTHER, "Ddd": _OTHER_REGION}

NESTED_REPEATS = [
    # the report, then the statement quoted: the same soldiers, first in the country, then in its region
    ("fr", "Huit gendarmes ont été tués mardi dans l'ouest de Ruritania. Huit gendarmes ont perdu la vie dans la "
     "région de Aaa, a précisé le ministre.", [8]),
    ("de", "Zwei Tote bei Angriff auf Ruritania. Zwei Menschen kamen in Bbb ums Leben, teilte der Gouverneur mit.",
     [2]),
    ("it", "Un civile è stato ucciso nella regione di Aaa. Secondo il governatore, un civile è stato ucciso a Bbb.",
     [1]),
    ("en", "Three soldiers were killed in Bbb. The ministry said three soldiers were killed in Ruritania.", [3]),
    # places that do not hold one another: two facts
    ("en", "Three soldiers were killed in Bbb. Three soldiers were killed in Ccc.", [3, 3]),
    ("es", "Dos civiles murieron en Bbb. Dos civiles murieron en la región de Ddd.", [2, 2]),
    # a woman and a man, or two dates, are two facts even where one place holds the other
    ("de", "Eine Frau wurde in der Region Aaa verletzt. Ein Mann wurde in Bbb verletzt.", [1, 1]),
    ("en", "On 3 May 2024 five soldiers were killed in Ruritania. On 9 June 2024 five soldiers were killed in Bbb.",
     [5, 5]),
]



# Status by category: a deployment announced, or an intention ("compte envoyer"), is still to come; German
# "sollen" before a participle and a perfect infinitive reports a past fact ("sollen getötet worden sein") and
# is no plan, while "soll verlegt werden" is one.
STATUS_CATEGORIES = [
    ("en", "Washington announced the deployment of 3,000 troops to the border.", ["planned"]),
    ("it", "Il governo ha annunciato l'invio di 200 soldati al confine.", ["planned"]),
    ("fr", "Paris a annoncé l'envoi de 300 soldats à la frontière.", ["planned"]),
    ("es", "Madrid anunció el envío de 300 soldados a la frontera.", ["planned"]),
    ("de", "Berlin kündigte die Entsendung von 300 Soldaten an die Grenze an.", ["planned"]),
    ("de", "Berlin hat die Entsendung von 300 Soldaten an die Grenze angekündigt.", ["planned"]),
    ("fr", "Paris compte envoyer 300 soldats à la frontière.", ["planned"]),
    ("fr", "Paris entend déployer 300 soldats à la frontière.", ["planned"]),
    ("fr", "Paris a l'intention d'envoyer 300 soldats à la frontière.", ["planned"]),
    # what was announced as done stays current
    ("en", "The army announced that 300 soldiers had arrived at the border.", ["current"]),
    ("it", "Il governo ha annunciato che 200 soldati sono arrivati al confine.", ["current"]),
    ("de", "Zwölf Soldaten sollen getötet worden sein.", ["current"]),
    ("de", "Bei dem Angriff sollen zwölf Soldaten ums Leben gekommen sein.", ["current"]),
    ("de", "Die Angreifer sollen zwölf Soldaten getötet haben.", ["current"]),
    ("de", "300 Soldaten sollen an die Grenze verlegt werden.", ["planned"]),
    ("de", "Deutschland soll künftig 5.000 Soldaten an der Grenze haben.", ["planned"]),
]



# An age without a word for years, after a person noun and an age word ("aged", "di", "de", "im Alter von"): no
# count of its own; the article before the person counts one casualty, and so does the next person of a list.
BARE_AGES = [
    ("en", "A man aged 43 was killed.", [("killed", 1)]),
    ("en", "A man aged 43 and a woman aged 34 were wounded.", [("wounded", 1), ("wounded", 1)]),
    ("es", "Una mujer de 34 murió en el bombardeo.", [("killed", 1)]),
    ("es", "El misil hirió a un hombre de 43 años y a una mujer de 34.", [("wounded", 1)]),
    ("it", "Una donna di 34 è stata uccisa.", [("killed", 1)]),
    ("it", "Sono rimasti feriti un uomo di 43 anni e una donna di 34.", [("wounded", 1), ("wounded", 1)]),
    ("fr", "Un homme de 43 ans et une femme de 34 ont été blessés.", [("wounded", 1), ("wounded", 1)]),
    ("de", "Ein Mann im Alter von 43 wurde verletzt.", [("wounded", 1)]),
    # a count with a noun of its own after the person is no age
    ("it", "Il comandante di 300 soldati è arrivato al fronte.", [("troops", 300)]),
    ("es", "Un convoy de 34 vehículos fue atacado.", [("equipment", 34)]),
]



# The most the text allows, said after the number or its noun: "1,100 troops at most", "1.100 soldati al massimo";
# "au plus tard" (at the latest) is no bound.
UP_TO_AFTER = [
    ("en", "The force will have 1,100 troops at most.", ["up_to"]),
    ("en", "The force has 1,100 troops (maximum) in the region.", ["up_to"]),
    ("it", "La missione conta 1.100 soldati al massimo.", ["up_to"]),
    ("fr", "La force comptera 1 100 soldats au maximum.", ["up_to"]),
    ("es", "La fuerza tendrá 1.100 soldados como máximo.", ["up_to"]),
    ("de", "Die Truppe soll 1.100 Soldaten höchstens umfassen.", ["up_to"]),
    ("fr", "La force enverra 1 100 soldats au plus tard en mai.", ["exact"]),
    ("it", "La forza invierà 1.100 soldati al più presto.", ["exact"]),
]



# A count with no noun, first in its clause, right before a casualty verb: the dead or wounded it counts; a day of
# the month ("El 12 murieron tres personas") is no such count.
BARE_SUBJECTS = [
    ("es", "Doce murieron en el ataque.", [("killed", 12)]),
    ("es", "Doce murieron y dos resultaron heridos.", [("killed", 12), ("wounded", 2)]),
    ("es", "Al menos doce murieron en el ataque.", [("killed", 12)]),
    ("de", "Zwölf wurden getötet.", [("killed", 12)]),
    ("de", "Zwölf starben, zwei wurden verletzt.", [("killed", 12), ("wounded", 2)]),
    ("de", "Mindestens zwölf starben bei dem Angriff.", [("killed", 12)]),
    ("es", "El 12 murieron tres personas.", [("killed", 3)]),
]



# A part of the count before, named after the number by a relative or a pronoun ("20 dei quali", "20 de los
# cuales", "20 davon"), takes the kind of the whole; an age or sex breakdown of it ("12 of them children") is none.
RELATIVE_PARTS = [
    ("it", "La Russia ha lanciato 25 droni, 20 dei quali sono stati abbattuti.",
     [("equipment", 25), ("equipment", 20)]),
    ("es", "Rusia lanzó 25 drones, 20 de los cuales fueron derribados.", [("equipment", 25), ("equipment", 20)]),
    ("de", "Russland startete 25 Drohnen, 20 davon wurden abgeschossen.", [("equipment", 25), ("equipment", 20)]),
    ("it", "Sono arrivati 3.000 soldati, 1.000 dei quali italiani.", [("troops", 3000), ("troops", 1000)]),
    ("it", "Sono morte 40 persone, 12 delle quali bambini.", [("killed", 40)]),
    ("en", "Forty people died, 12 of them children.", [("killed", 40)]),
    ("es", "Murieron 40 personas, 12 de ellas niños.", [("killed", 40)]),
]



# One more person or weapon, said so ("another", "un altro", "otra"), is a new fact even with no place of its own or
# at the same place; the same count said twice without it stays one fact.
ANOTHER = [
    ("it", "Un soldato è stato ucciso a Bbb. Un altro soldato è stato ucciso.", [1, 1]),
    ("en", "A soldier was killed in Bbb. Another soldier was killed in Bbb.", [1, 1]),
    ("es", "Una persona murió en Bbb. Otra persona murió en el ataque.", [1, 1]),
    ("fr", "Un soldat a été tué à Bbb. Un autre soldat a été tué à Bbb.", [1, 1]),
    ("de", "Ein Soldat wurde in Bbb getötet. Ein weiterer Soldat wurde getötet.", [1, 1]),
    # "weitere" is one more only beside a count of one: "eine weitere Frau", not the plural "drei weitere"
    ("de", "Eine Frau wurde in Bbb getötet. Eine weitere Frau wurde am Abend in Bbb getötet.", [1, 1]),
    ("de", "In Bbb wurden drei Soldaten getötet. Drei weitere Soldaten wurden in Bbb getötet.", [3]),
    ("it", "Un soldato è stato ucciso a Bbb. Un soldato è stato ucciso, ha detto il governatore.", [1]),
    # "another" beside a count of its sentence is one other person than those, no sign of a new fact
    ("en", "Two killed, one injured in Bbb\nTwo people were killed in Bbb and another was injured.", [2, 1]),
    # "others" beside the dead are the wounded besides them, no sign of a new fact
    ("fr", "Sept soldats ont été tués et cinq autres blessés à Bbb. Cinq soldats ont été blessés, selon l'armée.",
     [7, 5]),
]


# Military units counted as such are equipment; the troops of a unit stay troops, and a unit's number or ordinal
# ("the 82nd Airborne", "3rd Brigade", "Panzerbrigade 12") is no count.  "Brigades" and the like also name civil
# bodies: they count only beside a military word and never beside a civil one.
UNITS = [
    ("en", "Warsaw asked for five armoured battalions for its eastern border.", [("equipment", 5)]),
    ("en", "The Pentagon ordered two carrier strike groups into the eastern Mediterranean.", [("equipment", 2)]),
    ("en", "Two mechanised brigades of 2,500 soldiers each crossed into Bihac.", [("equipment", 2), ("troops", 2500)]),
    ("en", "Soldiers of the 82nd Airborne and the 3rd Brigade arrived in Rzeszow.", []),
    ("en", "The 101st Airborne Division sent 2,000 paratroopers.", [("troops", 2000)]),
    ("en", "Three fire brigades fought the blaze near Patras for two days.", []),
    ("en", "The ministry sent two medical brigades to the flooded valley.", []),
    ("en", "The army flew two medical brigades to the flooded valley.", []),
    ("en", "Two of the five battalions will rotate out of Tapa in May.", [("equipment", 5)]),
    ("it", "La Nato ha schierato sei gruppi tattici multinazionali sul fianco est.", [("equipment", 6)]),
    ("it", "Il dispositivo conta due gruppi da battaglia e tre cacciatorpedinieri.",
     [("equipment", 2), ("equipment", 3)]),
    ("it", "L'esercito ha mandato due brigate corazzate verso il confine.", [("equipment", 2)]),
    ("it", "Tre brigate dei vigili del fuoco sono arrivate da Ancona.", []),
    ("it", "I militari del 3° reggimento alpini e della 132ª brigata sono partiti.", []),
    ("fr", "Paris enverra trois bataillons d'infanterie en Estonie cet été.", [("equipment", 3)]),
    ("fr", "Deux brigades de pompiers sont venues de Lyon.", []),
    ("fr", "Les soldats du 2e régiment étranger et de la 7e brigade sont arrivés.", []),
    ("es", "El ejército movilizó dos brigadas mecanizadas hacia el norte.", [("equipment", 2)]),
    ("es", "Dos brigadas de bomberos trabajaron toda la noche en Cuenca.", []),
    ("es", "Según la milicia, dos grupos de ataque asaltaron un mercado de Gao.", []),
    ("es", "Washington envió dos grupos de ataque de portaaviones al golfo.", [("equipment", 2)]),
    ("es", "Los soldados de la Brigada 10 y del 3er batallón llegaron.", []),
    ("de", "Die Nato hat drei Bataillone nach Rumänien verlegt.", [("equipment", 3)]),
    ("de", "Die Nato stellt mit drei Gefechtsverbänden die Vorneverteidigung sicher.", [("equipment", 3)]),
    ("de", "Berlin schickt zwei Panzerbrigaden und drei Gefechtsverbände an die Ostflanke.",
     [("equipment", 2), ("equipment", 3)]),
    ("de", "Die Marine ist mit zwei Zerstörern und zwei Fregatten im Roten Meer.",
     [("equipment", 2), ("equipment", 2)]),
    ("de", "Die Stadt stellte zwei Einsatzbrigaden und drei Arbeitsbrigaden für die Räumung auf.", []),
    ("de", "Die Panzerbrigade 12 soll mit 4.100 Soldaten einsatzbereit sein.", [("troops", 4100)]),
]


# An article before a weapon counts one when "another" follows it, when a verb of downing governs it in its own
# clause (just before the article, or after the weapon), or when a verb of falling follows the weapon at once; a
# verb of another subject or clause, or a weapon named otherwise ("a drone attack", "un dron sobrevoló"), counts
# nothing, and a weapon is never counted as a casualty.
ONE_WEAPON = [
    ("it", "Secondo il sindaco un drone è precipitato in un campo vicino a Sumy.", [("equipment", 1)]),
    ("it", "La contraerea ha intercettato un missile sopra la diga.", [("equipment", 1)]),
    ("it", "La contraerea ha abbattuto sette droni e ha fermato un altro drone sul fiume.",
     [("equipment", 7), ("equipment", 1)]),
    ("en", "A drone was shot down over the refinery before dawn.", [("equipment", 1)]),
    ("en", "Gunners intercepted a missile over the harbour.", [("equipment", 1)]),
    ("en", "Air defences downed six drones and stopped another drone near the dam.",
     [("equipment", 6), ("equipment", 1)]),
    ("fr", "Le maire a indiqué qu'un drone s'est écrasé dans un champ.", [("equipment", 1)]),
    ("es", "El alcalde dijo que un dron se estrelló junto a un silo.", [("equipment", 1)]),
    ("de", "Nach Angaben der Armee wurde eine Drohne über dem Hafen abgeschossen.", [("equipment", 1)]),
    ("it", "Un drone nemico ha sorvolato la caserma per ore.", []),
    ("es", "Un dron enemigo sobrevoló el cuartel durante la noche.", []),
    ("en", "A drone attack hit the depot.", []),
    ("en", "The army used a missile to hit the bridge.", []),
    # a verb of another subject in the same sentence
    ("it", "Un drone ha colpito un palazzo e una persona è caduta dalle scale.", []),
    ("de", "Eine Drohne traf eine Lagerhalle und ein Teil des Daches stürzte ein.", []),
    ("en", "Officials said a drone hit a car that crashed into a tree.", []),
    ("fr", "Un drone a visé une usine et une grue est tombée sur la route.", []),
    ("it", "Un drone ha colpito Leopoli e Kiev ha abbattuto due missili.", [("equipment", 2)]),
    ("en", "A drone hit Kherson hours after Odesa intercepted two missiles.", [("equipment", 2)]),
    ("it", "Un drone ha colpito il relitto abbattuto a marzo.", []),
    ("en", "A drone struck Kherson hours before Bakhmut fell.", []),
    # a verb of falling before the weapon is another subject's
    ("it", "Il governo è caduto dopo che un drone ha colpito la capitale.", []),
    ("es", "El puente cayó cuando un dron alcanzó el pilar central.", []),
    # a weapon as the subject of a casualty verb is no casualty
    ("en", "A drone killed two civilians in Kherson.", [("killed", 2)]),
    ("en", "Two drones killed three farmers near Nikopol.", [("equipment", 2), ("killed", 3)]),
    ("en", "A missile wounded four people in Odesa.", [("wounded", 4)]),
]


# Each table of (language, sentence, expected) with what it reads of the figures found there.
FOUND = {"victims": VICTIM_LISTS, "ages": BARE_AGES, "bare": BARE_SUBJECTS, "relative": RELATIVE_PARTS,
         "units": UNITS, "weapon": ONE_WEAPON}

REPEATS = {"nested": NESTED_REPEATS, "another": ANOTHER}
ATTRIBUTES = {"status": STATUS_CATEGORIES, "qualifier": UP_TO_AFTER}


def _rows(tables: dict[str, list]) -> dict:
    return {"argvalues": [(name, *row) for name, table in tables.items() for row in table],
            "ids": [f"{name}-{k}" for name, table in tables.items() for k in range(len(table))]}


@pytest.mark.parametrize(("table", "lang", "text", "expected"), **_rows(FOUND))
def test_figures_of_each_category(table: str, lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(("table", "lang", "text", "values"), **_rows(REPEATS))
def test_repeats_and_new_facts(table: str, lang: str, text: str, values: list[int]) -> None:
    assert [f.value for f in figures_in(text, PLACES, lang, None)] == values


@pytest.mark.parametrize(("attribute", "lang", "text", "expected"), **_rows(ATTRIBUTES))
def test_status_and_qualifier_of_each_category(attribute: str, lang: str, text: str, expected: list[str]) -> None:
    assert [getattr(f, attribute) for f in figures_in(text, {}, lang, None)] == expected


def test_a_count_of_units_is_marked_formation() -> None:
    """Units counted as such are equipment figures marked ``formation`` (the role features may group them with
    the troops); drones and ships are not."""
    figs = figures_in("Berlin sent three battalions and six drones to the border.", {}, "en", None)
    assert [(f.kind, f.value, f.formation) for f in figs] == [("equipment", 3, True), ("equipment", 6, False)]
    figs = figures_in("Die Bundeswehr schickt zwei Panzerbrigaden und vier Fregatten.", {}, "de", None)
    assert [(f.value, f.formation) for f in figs] == [(2, True), (4, False)]
