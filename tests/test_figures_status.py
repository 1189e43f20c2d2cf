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


# Rule STATUS_BARRIER: a status cue does not reach a number across a word opening a clause of its own (a cause or
# a past act anywhere, a relative word first after a comma); a cue in the number's own clause still does, and a word
# of time is no barrier: its clause may be planned too.
BARRIER = [
    ("en", "Warsaw will ask for more aid because 30 missiles struck Rzeszow.", ["current"]),
    ("en", "The government will review its rules because 14 soldiers died in training.", ["current"]),
    ("en", "The minister will resign, after 9 soldiers were killed near Kaunas.", ["current"]),
    ("en", "Norway, which will host the drill, has 900 troops near Narva.", ["current"]),
    ("en", "Chad, which could send more troops, has 1,400 soldiers in Niger.", ["current"]),
    ("it", "Kiev chiederà più aiuti perché 30 missili hanno colpito Leopoli.", ["current"]),
    ("it", "La Norvegia, che ospiterà l'esercitazione, ha 900 soldati a Narva.", ["current"]),
    ("fr", "Kiev demandera plus d'aide parce que 30 missiles ont frappé Lviv.", ["current"]),
    ("fr", "La Norvège, qui accueillera l'exercice, compte 900 soldats à Narva.", ["current"]),
    ("es", "Kiev pedirá más ayuda porque 30 misiles impactaron en Leópolis.", ["current"]),
    ("es", "Noruega, que acogerá el ejercicio, tiene 900 soldados en Narva.", ["current"]),
    ("de", "Kiew will mehr Hilfe fordern, weil 30 Raketen Lemberg getroffen haben.", ["current"]),
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
    # a relative word opens an aside only after a comma: after "und" it is an article
    ("de", "Litauen zahlt und die Bundeswehr soll eine Brigade schicken, darunter 300 Soldaten aus Bayern.",
     ["planned"]),
    # a word of time is no barrier: its clause may be planned too
    ("en", "Britain will send 600 more troops after 400 reach Tallinn next month.", ["planned", "planned"]),
    ("en", "NATO will after all deploy 4,000 troops to Riga.", ["planned"]),
    ("it", "La brigata salirà a 3.000 dopo che arriveranno altri 600 militari.", ["planned", "planned"]),
    ("fr", "Le bataillon passera à 1 500 après que 400 soldats supplémentaires seront arrivés.",
     ["planned", "planned"]),
    ("es", "La brigada llegará a 3.000 después de que lleguen otros 600 soldados.", ["planned", "planned"]),
    ("de", "Die Brigade soll auf 3.000 wachsen, nachdem weitere 600 Soldaten eintreffen.", ["planned", "planned"]),
]


# Rule PAST_TIME: a past time in the number's own clause, which has no cue of its own, keeps it current; a
# participle clause of a past act ("having received", "après avoir déployé") is opened by a barrier.
PAST_TIME = [
    ("en", "Poland will host more troops, having received 2,000 US soldiers in the spring.", ["current"]),
    # "having" before no participle is a possession, no clause of its own: the plan reaches the count
    ("en", "The Danish plan is having 900 soldiers on Bornholm by 2029.", ["planned"]),
    ("en", "Oslo will aim at having 1,200 troops near Kirkenes.", ["planned"]),
    ("en", "Norway could host more troops, after it received 2,000 US soldiers last year.", ["current"]),
    ("en", "Norway could host more troops; it received 2,000 US soldiers last year.", ["current"]),
    ("it", "L'Italia potrebbe inviare altri militari, avendo schierato 300 soldati la settimana scorsa.", ["current"]),
    ("fr", "La France pourrait envoyer d'autres militaires, ayant déployé 300 soldats la semaine dernière.",
     ["current"]),
    ("es", "España podría enviar más tropas, tras desplegar 300 soldados la semana pasada.", ["current"]),
    ("de", "Polen will mehr Truppen aufnehmen, im vergangenen Jahr kamen 2.000 US-Soldaten.", ["current"]),
    # only a past time on the number's side of a barrier: "last year" here is the cause's
    ("en", "Poland will host more troops, 2,000 US soldiers because the old base closed last year.", ["planned"]),
    # a cue of the number's own clause wins over a past time beside it
    ("en", "The minister said yesterday 300 troops would be sent.", ["planned"]),
    ("it", "Il ministro ha annunciato ieri che 300 soldati partiranno.", ["planned"]),
]


# Rule HEARSAY_COUNT: a conditional copula right before a count of the dead or wounded (hedges between) reports
# it, no plan; before a count of troops it may be a projection, and stays a plan.
HEARSAY_COUNT = [
    ("it", "Secondo fonti locali, i morti sarebbero 12.", ["current"]),
    ("it", "I feriti sarebbero almeno 30, dicono i medici.", ["current"]),
    ("it", "Con la riforma le truppe sarebbero 4.000 nel 2029.", ["planned"]),
    ("fr", "Avec la réforme, les troupes seraient 2 500 en 2029.", ["planned"]),
    ("es", "Con la reforma, las tropas serían 2.500 en 2029.", ["planned"]),
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
    # only a withdrawal or cut takes the part from a whole there now; a part given to a whole leaves it planned
    ("en", "Britain will pull out 300 of its 900 soldiers from Cyprus.", ["planned", "current"]),
    ("fr", "La Belgique retirera 100 de ses 400 soldats de Gao.", ["planned", "current"]),
    ("es", "Portugal retirará 80 de sus 250 soldados de Bangui.", ["planned", "current"]),
    ("de", "Die Niederlande wollen 200 ihrer 600 Soldaten aus Gao abziehen.", ["planned", "current"]),
    ("en", "Norway will give 300 of the 2,400 soldiers of the coming Arctic brigade.", ["planned", "planned"]),
    ("en", "Finland will send 150 of the 900 troops the UN asked for.", ["planned", "planned"]),
    ("it", "La Grecia fornirà 150 dei 900 militari della futura forza a Cipro.", ["planned", "planned"]),
    ("fr", "La Grèce fournira 150 des 900 soldats de la future force à Chypre.", ["planned", "planned"]),
    ("es", "Grecia aportará 150 de los 900 soldados de la nueva fuerza en Chipre.", ["planned", "planned"]),
    ("it", "Il numero dei soldati potrebbe salire a 10.000, dagli attuali 4.000.", ["planned", "current"]),
    ("it", "Gli attuali 4.000 soldati potrebbero salire a 6.000.", ["current", "planned"]),
    ("fr", "Les 4 000 soldats actuels pourraient passer à 6 000.", ["current", "planned"]),
    ("es", "Los 4.000 soldados actuales podrían pasar a 6.000.", ["current", "planned"]),
]


# Cues of a plan that reports use: a date set ("due to arrive", "scheduled to"), an offer to send, a readiness, a
# commitment, an obligation to send; not words that also tell of a past act or of other things ("to station",
# "earmarked", "weighing", "has offered", "agreed to contribute").
CUES = [
    ("en", "Up to 800 Dutch soldiers are due to arrive in Constanta in March.", ["planned"]),
    ("en", "Belgium is preparing to dispatch 150 paratroopers to Niger.", ["planned"]),
    ("en", "A further 600 marines are scheduled to reach Darwin in the autumn.", ["planned"]),
    ("en", "The 400 troops earmarked for Gao arrived on Monday.", ["current"]),
    ("en", "Chile was the first country to station 500 Danish troops permanently.", ["current"]),
    ("en", "A truck weighing 12 tonnes carried 9 soldiers.", ["current"]),
    ("en", "Peru, which agreed to contribute 900 soldiers in 2017, now has 1,100 in Haiti.", ["current", "current"]),
    ("en", "Canada has offered no explanation for the 300 troops it withdrew.", ["current"]),
    ("en", "The decision to dispatch 200 troops was taken in 2019.", ["current"]),
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
    # a future after two coordinated counts reads them as it reads one (the second takes its status from the cues
    # after it): only a verb that predicts them makes them planned
    ("en", "Medics said 7 were killed and 20 injured in Tartu, and mourners will gather on Sunday.",
     ["current", "current"]),
    ("fr", "Selon les secours, 7 ont été tués et 20 blessés à Tartu, et une veillée aura lieu dimanche.",
     ["current", "current"]),
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
    # a toll a plan or an event may cause, leave or reach
    ("en", "The flood could leave 1,000 dead in the delta.", ["planned"]),
    ("en", "A siege could cause 400 deaths, the agency warned.", ["planned"]),
    ("fr", "Une offensive pourrait faire 3 000 morts à Gaza.", ["planned"]),
    ("fr", "Les frappes pourraient causer 200 morts.", ["planned"]),
    ("it", "Un assedio potrebbe causare 700 morti, avverte l'ONU.", ["planned"]),
    ("it", "Il bilancio potrebbe arrivare a 40 morti.", ["planned"]),
    ("it", "Le frane potrebbero provocare 90 morti.", ["planned"]),
    ("es", "Una ofensiva podría dejar 3.000 muertos en Rafah.", ["planned"]),
    ("es", "Los bombardeos podrían causar 200 muertos.", ["planned"]),
    ("de", "Eine Offensive könnte 3.000 Tote fordern.", ["planned"]),
    ("de", "Die Angriffe könnten 200 Tote verursachen.", ["planned"]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    BARRIER + PAST_TIME + HEARSAY_COUNT + WHOLE + CUES + CASUALTY,
    ids=[f"barrier-{k}" for k in range(len(BARRIER))] + [f"past-time-{k}" for k in range(len(PAST_TIME))]
    + [f"hearsay-count-{k}" for k in range(len(HEARSAY_COUNT))] + [f"whole-{k}" for k in range(len(WHOLE))]
    + [f"cue-{k}" for k in range(len(CUES))]
    + [f"casualty-{k}" for k in range(len(CASUALTY))],
)
def test_status_of_each_shape(lang: str, text: str, expected: list[str]) -> None:
    assert statuses(text, lang) == expected


# Rule RATIO_BASE: "four in 10", "dos de cada diez" give a share: neither number is a count; a part of a whole
# ("38 of 40 drones") is one.
RATIO = [
    ("en", "Four in 10 soldiers said they were tired.", []),
    ("en", "One in five drones was intercepted.", []),
    ("es", "Dos de cada diez soldados resultaron heridos.", []),
    ("en", "Air defences shot down 38 of 40 drones.", [("equipment", 38), ("equipment", 40)]),
    # the base is larger than the share's first number, right after the join
    ("en", "The army moved 300 in 12 trucks to Tartu.", [("equipment", 12)]),
    ("en", "In sector 4 40 soldiers were sent to the front.", [("troops", 40)]),
    # a count of incidents after "in" is no share's base: the attacks are counted
    ("en", "Gunmen killed 6 in 14 separate attacks around Bunia.", [("incidents", 14)]),
    ("en", "Troops detained 9 in 30 raids across Kano.", [("incidents", 30)]),
]


# Rule COUNTED_TROOPS_CHANGE: another noun between the counted troops and the change verb owns the change.
OTHER_NOUN = [
    ("en", "The 5,000 troops guarding the airport will be cut to 3,000.", [("troops", 5000)]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    RATIO + OTHER_NOUN,
    ids=[f"ratio-{k}" for k in range(len(RATIO))] + [f"other-noun-{k}" for k in range(len(OTHER_NOUN))],
)
def test_counts_of_each_shape(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, lang) == expected


# Rule HEDGE_BEFORE_NOUN: a hedge after the number ("or more", "or so", "o più", "oder mehr") stands between it
# and its noun and sets the qualifier; the number's clause goes on after the noun, where its status cue may stand.
# Rows: (language, sentence, [(kind, value, qualifier, status)]).
HEDGE = [
    ("en", "Officials said 300 or more soldiers were deployed to Narva.", [("troops", 300, "at_least", "current")]),
    ("en", "Some said 300 or so soldiers had crossed into Moldova.", [("troops", 300, "approx", "current")]),
    ("en", "The raid killed 12 or more soldiers.", [("killed", 12, "at_least", "current")]),
    ("it", "Sono stati uccisi 12 o più soldati.", [("killed", 12, "at_least", "current")]),
    ("es", "Murieron 12 o más soldados.", [("killed", 12, "at_least", "current")]),
    ("de", "12 oder mehr Soldaten wurden getötet.", [("killed", 12, "at_least", "current")]),
    ("de", "300 oder so Soldaten wurden verlegt.", [("troops", 300, "approx", "current")]),
    ("en", "300 or more soldiers will be deployed to Riga.", [("troops", 300, "at_least", "planned")]),
    ("en", "200 or so marines will be sent to Darwin.", [("troops", 200, "approx", "planned")]),
    ("it", "300 o più soldati saranno schierati a Riga.", [("troops", 300, "at_least", "planned")]),
    ("fr", "300 ou plus soldats seront déployés à Riga.", [("troops", 300, "at_least", "planned")]),
    ("es", "300 o más soldados serán desplegados en Riga.", [("troops", 300, "at_least", "planned")]),
    ("de", "300 oder mehr Soldaten sollen nach Riga verlegt werden.", [("troops", 300, "at_least", "planned")]),
    # a range joined by "or" is no hedge
    ("en", "Russia fired 12 or 13 missiles.", [("equipment", 12, "approx", "current")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), HEDGE, ids=[f"hedge-{k}" for k in range(len(HEDGE))])
def test_hedge_after_the_number(lang: str, text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert [(f.kind, f.value, f.qualifier, f.status) for f in figures_in(text, {}, lang, None)] == expected


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
    # troops counted a word before their noun; not other things counted, nor troops without a count
    ("en", "The 5,000 NATO troops will be cut to 3,000.", [("troops", 5000, "planned"), ("troops", 3000, "planned")]),
    ("en", "The 300 drones will be cut to 200.", [("equipment", 300, "planned")]),
    ("en", "The troops in Kosovo will be cut to 3,000.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTED_CHANGE,
                         ids=[f"counted-change-{k}" for k in range(len(COUNTED_CHANGE))])
def test_counted_troops_change(lang: str, text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(f.kind, f.value, f.status) for f in figures_in(text, {}, lang, None)] == expected
