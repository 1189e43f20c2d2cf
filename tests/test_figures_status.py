"""Text -> figures: the status (current or planned) of a figure and the numbers that are no counts, on the shapes
reports use (sentences written for these tests).

Each status row is (language, sentence, the statuses of the figures found, in text order); each count row is
(language, sentence, the (kind, value) pairs found).
"""

from __future__ import annotations

import pytest

from tests.figure_helpers import figures_in


def statuses(text: str, lang: str) -> list[str]:
    return [f.status for f in figures_in(text, {}, lang, None)]


def found(text: str, lang: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in figures_in(text, {}, lang, None)]


# Rule STATUS_BARRIER: a status cue does not reach a number across a word opening a clause of its own (a
# subordinator anywhere, a relative word first after a comma); a cue in the number's own clause still does.
BARRIER = [
    ("en", "Warsaw will ask for more aid after 30 missiles struck Rzeszow.", ["current"]),
    ("en", "The government will review its rules because 14 soldiers died in training.", ["current"]),
    ("en", "The minister will resign, after 9 soldiers were killed near Kaunas.", ["current"]),
    ("en", "Norway, which will host the drill, has 900 troops near Narva.", ["current"]),
    ("en", "Chad, which could send more troops, has 1,400 soldiers in Niger.", ["current"]),
    ("it", "Kiev chiederà più aiuti dopo che 30 missili hanno colpito Leopoli.", ["current"]),
    ("it", "La Norvegia, che ospiterà l'esercitazione, ha 900 soldati a Narva.", ["current"]),
    ("fr", "Kiev demandera plus d'aide après que 30 missiles ont frappé Lviv.", ["current"]),
    ("fr", "La Norvège, qui accueillera l'exercice, compte 900 soldats à Narva.", ["current"]),
    ("es", "Kiev pedirá más ayuda después de que 30 misiles impactaran en Leópolis.", ["current"]),
    ("es", "Noruega, que acogerá el ejercicio, tiene 900 soldados en Narva.", ["current"]),
    ("de", "Kiew will mehr Hilfe fordern, nachdem 30 Raketen Lemberg getroffen haben.", ["current"]),
    ("de", "Frankreich, das weitere Truppen schicken könnte, hat 58 Soldaten in Niger verloren.", ["current"]),
    # the cue in the number's own clause, and a restrictive relative without a comma, still hold
    ("en", "Oslo will send 300 troops after the vote.", ["planned"]),
    ("en", "Oslo said that 300 troops will be sent to Narva.", ["planned"]),
    ("en", "The unit, which will include 300 soldiers, leaves in May.", ["planned"]),
    ("en", "Some 300 troops who will arrive next week belong to the brigade.", ["planned"]),
    ("it", "L'Italia invierà 300 soldati dopo il voto.", ["planned"]),
    # a relative clause of the number's own describes what is planned
    ("en", "NATO will deploy a new battalion, which comprises 1,000 soldiers.", ["planned"]),
    ("de", "Deutschland will eine Brigade schicken, die 4.800 Soldaten umfasst.", ["planned"]),
]


# Rule PAST_TIME: a past time in the number's own clause, which has no cue of its own, keeps it current; a
# participle clause of a past act ("having received", "après avoir déployé") is opened by a barrier.
PAST_TIME = [
    ("en", "Poland will host more troops, having received 2,000 US soldiers in the spring.", ["current"]),
    ("en", "Norway could host more troops, after it received 2,000 US soldiers last year.", ["current"]),
    ("en", "Norway could host more troops; it received 2,000 US soldiers last year.", ["current"]),
    ("it", "L'Italia potrebbe inviare altri militari, avendo schierato 300 soldati la settimana scorsa.", ["current"]),
    ("fr", "La France pourrait envoyer d'autres militaires, ayant déployé 300 soldats la semaine dernière.",
     ["current"]),
    ("es", "España podría enviar más tropas, tras desplegar 300 soldados la semana pasada.", ["current"]),
    ("de", "Polen will mehr Truppen aufnehmen, im vergangenen Jahr kamen 2.000 US-Soldaten.", ["current"]),
    # a cue of the number's own clause wins over a past time beside it
    ("en", "The minister said yesterday 300 troops would be sent.", ["planned"]),
    ("it", "Il ministro ha annunciato ieri che 300 soldati partiranno.", ["planned"]),
]


# Rule HEARSAY_COUNT: a conditional copula right before the count (hedges between) reports it, no plan.
HEARSAY_COUNT = [
    ("it", "Sarebbero almeno 40 i droni lanciati nella notte.", ["current"]),
    ("it", "Secondo fonti locali, i morti sarebbero 12.", ["current"]),
    ("es", "Según fuentes locales, serían 40 los drones lanzados.", ["current"]),
    ("es", "Los muertos serían al menos 12.", ["current"]),
    ("fr", "Les morts seraient au moins 12.", ["current"]),
    # a conditional passive keeps its reading: a plan in Spanish, hearsay in Italian
    ("es", "Los 300 soldados serían desplegados en mayo.", ["planned"]),
    ("it", "I 300 soldati sarebbero schierati a maggio.", ["current"]),
]


# Rule WHOLE_OF_A_PART: the whole after a part is there now, unless a cue after it plans it; words of the present
# ("attuali", "actuels", "actuales") are current cues (the size those troops could change to is planned: rule
# COUNTED_TROOPS_CHANGE below).
WHOLE = [
    ("en", "The US will withdraw 2,000 of its 3,000 troops in Syria.", ["planned", "current"]),
    ("it", "Gli Stati Uniti ritireranno 2.000 dei 3.000 soldati in Siria.", ["planned", "current"]),
    ("en", "Oslo will send 2,000 of the 5,000 troops NATO plans to deploy.", ["planned", "planned"]),
    ("it", "Il numero dei soldati potrebbe salire a 10.000, dagli attuali 4.000.", ["planned", "current"]),
    ("it", "Gli attuali 4.000 soldati potrebbero salire a 6.000.", ["current", "planned"]),
    ("fr", "Les 4 000 soldats actuels pourraient passer à 6 000.", ["current", "planned"]),
    ("es", "Los 4.000 soldados actuales podrían pasar a 6.000.", ["current", "planned"]),
]


# Rule STARTING_SIZE: the cues after a count that a change starts from are the change's; a count the cue stands
# before, or one with a noun after the change verb, keeps it.
STARTING = [
    ("en", "The 800 troops in Iraq will be reduced to 500 by May.", ["current", "planned"]),
    ("en", "The brigade of 800 troops will grow to 2,000.", ["current", "planned"]),
    ("en", "Oslo will send 500 troops, bringing its force to 2,000.", ["planned", "planned"]),
    ("en", "Some 300 more troops will go to 5 bases.", ["planned"]),
]


# Cues of a plan that reports use: a date set ("due to arrive", "scheduled to"), an offer, a readiness, a
# commitment, an obligation to send.
CUES = [
    ("en", "Up to 800 Dutch soldiers are due to arrive in Constanta in March.", ["planned"]),
    ("en", "Belgium is preparing to dispatch 150 paratroopers to Niger.", ["planned"]),
    ("en", "A further 600 marines are scheduled to reach Darwin in the autumn.", ["planned"]),
    ("en", "Canada has offered 250 troops to the new force.", ["planned"]),
    ("en", "Norway has agreed to contribute 300 soldiers to the battalion.", ["planned"]),
    ("en", "The alliance is mulling sending 3,000 troops to Constanta.", ["planned"]),
    ("it", "Roma si è impegnata a inviare 200 militari a Erbil.", ["planned"]),
    ("it", "L'Italia è disposta a inviare 200 militari in Libano.", ["planned"]),
    ("it", "Si prevede l'arrivo di 300 soldati.", ["planned"]),
    ("fr", "Le Bénin s'est engagé à fournir 2 000 soldats à la force.", ["planned"]),
    ("fr", "La France doit envoyer 300 soldats à Constanta.", ["planned"]),
    ("fr", "Quelque 300 soldats belges doivent arriver en mars.", ["planned"]),
    ("es", "Kenia se ofreció a enviar 1.000 policías a Puerto Príncipe.", ["planned"]),
    ("es", "España está dispuesta a enviar 150 militares a Mauritania.", ["planned"]),
    ("es", "España debe enviar 300 soldados a Letonia antes de mayo.", ["planned"]),
    # a cause, no plan
    ("en", "Fourteen soldiers died due to the cold.", ["current"]),
]


# Rule CASUALTY_PREDICTION: a count of the dead or wounded is planned only by a cue that predicts it, not by a
# future of another verb.
CASUALTY = [
    ("en", "Oslo will hold funerals for the 12 soldiers killed on Monday.", ["current"]),
    ("en", "Kyiv said it would retaliate for the deaths of 3 soldiers.", ["current"]),
    ("en", "The army will investigate how 14 civilians were killed in the strike.", ["current"]),
    ("en", "The president will visit the site of the raid that killed 14 people.", ["current"]),
    ("it", "Il governo proclamerà il lutto nazionale per i 12 soldati uccisi.", ["current"]),
    ("es", "El Gobierno decretará luto por los 12 soldados muertos.", ["current"]),
    ("de", "Die Regierung will die Tötung von 12 Zivilisten untersuchen.", ["current"]),
    # a prediction of the toll stays planned
    ("en", "The death toll could rise to 50.", ["planned"]),
    ("en", "Officials fear up to 500 people could die.", ["planned"]),
    ("en", "Aid groups warned that 2,000 civilians could be killed in an assault.", ["planned"]),
    ("en", "The toll could be as high as 300 dead.", ["planned"]),
    ("it", "Il bilancio potrebbe salire a 50 morti.", ["planned"]),
    ("it", "I morti potrebbero essere oltre 300.", ["planned"]),
    ("fr", "Le nombre de morts pourrait dépasser 300.", ["planned"]),
    ("es", "El número de muertos podría superar los 300.", ["planned"]),
    ("de", "Die Zahl der Toten könnte auf 50 steigen.", ["planned"]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    BARRIER + PAST_TIME + HEARSAY_COUNT + WHOLE + STARTING + CUES + CASUALTY,
    ids=[f"barrier-{k}" for k in range(len(BARRIER))] + [f"past-time-{k}" for k in range(len(PAST_TIME))]
    + [f"hearsay-count-{k}" for k in range(len(HEARSAY_COUNT))] + [f"whole-{k}" for k in range(len(WHOLE))]
    + [f"starting-{k}" for k in range(len(STARTING))]
    + [f"cue-{k}" for k in range(len(CUES))]
    + [f"casualty-{k}" for k in range(len(CASUALTY))],
)
def test_status_of_each_shape(lang: str, text: str, expected: list[str]) -> None:
    assert statuses(text, lang) == expected


# Rule NOUN_BEFORE_COUNT: a number after a capitalised word is a name ("Task Force 61") only when no figure noun
# or noun of persons follows it: German nouns and English weekdays are capitalised.
NOUN_BEFORE = [
    ("de", "Bei dem Angriff wurden laut Polizei 12 Menschen getötet.", [("killed", 12)]),
    ("de", "Nach Angaben des Gouverneurs wurden in der Region 8 Zivilisten verletzt.", [("wounded", 8)]),
    ("de", "Deutschland wird nach der Abstimmung 300 Soldaten schicken.", [("troops", 300)]),
    ("en", "The army said on Monday 12 soldiers were killed.", [("killed", 12)]),
    ("de", "Die Panzerbrigade 45 wird in Litauen stationiert.", []),
    ("en", "Task Force 61 left the port on Monday.", []),
]

# Rule RATIO_BASE: "four in 10", "dos de cada diez" give a share: neither number is a count; a part of a whole
# ("38 of 40 drones") is one.
RATIO = [
    ("en", "Four in 10 soldiers said they were tired.", []),
    ("en", "One in five drones was intercepted.", []),
    ("es", "Dos de cada diez soldados resultaron heridos.", []),
    ("en", "Air defences shot down 38 of 40 drones.", [("equipment", 38), ("equipment", 40)]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    NOUN_BEFORE + RATIO,
    ids=[f"noun-before-{k}" for k in range(len(NOUN_BEFORE))] + [f"ratio-{k}" for k in range(len(RATIO))],
)
def test_counts_of_each_shape(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, lang) == expected


# Rule HEDGE_BEFORE_NOUN: a hedge after the number ("or more", "or so", "o più", "oder mehr") stands between it
# and its noun and sets the qualifier. Rows: (language, sentence, [(kind, value, qualifier)]).
HEDGE = [
    ("en", "Officials said 300 or more soldiers were deployed to Narva.", [("troops", 300, "at_least")]),
    ("en", "Some said 300 or so soldiers had crossed into Moldova.", [("troops", 300, "approx")]),
    ("en", "The raid killed 12 or more soldiers.", [("killed", 12, "at_least")]),
    ("it", "Sono stati uccisi 12 o più soldati.", [("killed", 12, "at_least")]),
    ("es", "Murieron 12 o más soldados.", [("killed", 12, "at_least")]),
    ("de", "12 oder mehr Soldaten wurden getötet.", [("killed", 12, "at_least")]),
    ("de", "300 oder so Soldaten wurden verlegt.", [("troops", 300, "approx")]),
    # a range joined by "or" is no hedge
    ("en", "Russia fired 12 or 13 missiles.", [("equipment", 12, "approx")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), HEDGE, ids=[f"hedge-{k}" for k in range(len(HEDGE))])
def test_hedge_after_the_number(lang: str, text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(f.kind, f.value, f.qualifier) for f in figures_in(text, {}, lang, None)] == expected


# Qualifier cues reports use: verbs of exceeding a number (more_than), "at most" before the number (up_to), "più
# o meno" (approx), the elided "pas moins d'" (at_least), and a range "dai N ai M" (approx, the low end; after a
# change verb it is a change, two counts). Rows: (language, sentence, [(kind, value, qualifier)]).
QUALIFIERS = [
    ("en", "The death toll topped 300.", [("killed", 300, "more_than")]),
    ("en", "At most 300 soldiers were deployed.", [("troops", 300, "up_to")]),
    ("it", "Il bilancio ha superato i 300 morti.", [("killed", 300, "more_than")]),
    ("it", "Più o meno 300 soldati sono stati schierati.", [("troops", 300, "approx")]),
    ("it", "Sono stati schierati dai 300 ai 400 soldati.", [("troops", 300, "approx")]),
    ("fr", "Le bilan dépasse les 12 morts.", [("killed", 12, "more_than")]),
    ("fr", "Pas moins d'une centaine de drones ont été abattus.", [("equipment", 100, "at_least")]),
    ("es", "El balance supera los 12 muertos.", [("killed", 12, "more_than")]),
    ("de", "Die Zahl der Toten übersteigt 300.", [("killed", 300, "more_than")]),
    ("it", "Il contingente è salito dai 300 ai 400 soldati.", [("troops", 300, "exact"), ("troops", 400, "exact")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), QUALIFIERS,
                         ids=[f"qualifier-{k}" for k in range(len(QUALIFIERS))])
def test_qualifier_cues(lang: str, text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(f.kind, f.value, f.qualifier) for f in figures_in(text, {}, lang, None)] == expected


# Rule COUNTED_TROOPS_CHANGE: a count without a noun that a change verb gives, after troops counted before it in
# the clause, is the size those troops change to (with the change's status); a count with a noun of its own after
# the verb ("went to 5 villages") is none. Rows: (language, sentence, [(kind, value, status)]).
COUNTED_CHANGE = [
    ("en", "The 5,000 troops currently in Kosovo will be cut to 3,000.",
     [("troops", 5000, "current"), ("troops", 3000, "planned")]),
    ("it", "I 5.000 soldati attualmente in Kosovo saranno ridotti a 3.000.",
     [("troops", 5000, "current"), ("troops", 3000, "planned")]),
    ("es", "Los 5.000 soldados actualmente en Kosovo se reducirán a 3.000.",
     [("troops", 5000, "current"), ("troops", 3000, "planned")]),
    ("en", "The 300 soldiers went to 5 villages.", [("troops", 300, "current")]),
    ("it", "I 300 soldati sono passati a 2 basi.", [("troops", 300, "current")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTED_CHANGE,
                         ids=[f"counted-change-{k}" for k in range(len(COUNTED_CHANGE))])
def test_counted_troops_change(lang: str, text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(f.kind, f.value, f.status) for f in figures_in(text, {}, lang, None)] == expected
