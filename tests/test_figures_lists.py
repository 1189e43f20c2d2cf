"""Text -> figures on the shapes of real reporting: counts listed by place after a first figure, parts of a
whole, counts that refer back to the figure before.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from geo.model import Figure
from tests.figure_helpers import entity, figures_in

AAA = entity("geonames:1", "Aaa", "city", "UA")
BBB = entity("geonames:2", "Bbb", "city", "UA")
CCC = entity("geonames:3", "Ccc", "city", "UA")
DDD = entity("geonames:4", "Ddd", "city", "UA")
NAMES = {"Aaa": AAA, "Bbb": BBB, "Ccc": CCC, "Ddd": DDD}


def found(text: str, lang: str) -> list[tuple[str, int, str]]:
    return [(f.kind, f.value, f.qualifier) for f in figures_in(text, NAMES, lang, None)]


def by_value(text: str, lang: str) -> dict[int, Figure]:
    return {f.value: f for f in figures_in(text, NAMES, lang, None)}


# ---------------------------------------------------------------------------------------------------------
# Counts by place after a first figure: each is a figure of the same kind
# ---------------------------------------------------------------------------------------------------------


def test_counts_by_place_carry_a_long_list() -> None:
    text = (
        "Secondo il comando, 30 droni sono stati distrutti nella zona di Aaa, dove da settimane si combatte "
        "senza sosta, 11 in quella di Bbb, sei sulla zona di Ccc e uno su quella di Ddd."
    )
    assert found(text, "it") == [
        ("equipment", 30, "exact"),
        ("equipment", 11, "exact"),
        ("equipment", 6, "exact"),
        ("equipment", 1, "exact"),
    ]
    figs = by_value(text, "it")
    assert figs[11].places == ["Bbb"]  # "in quella di Bbb": the place after "quella" holds the count
    assert figs[1].places == ["Ddd"]


def test_count_after_an_aside_between_dashes() -> None:
    text = "La contraerea ha abbattuto 9 droni sopra Aaa e altri 40 - un record per la zona - sopra Bbb."
    assert found(text, "it") == [("equipment", 9, "exact"), ("equipment", 40, "exact")]


def test_counts_after_a_colon() -> None:
    text = "Sono stati intercettati 15 droni: 8 nella zona di Aaa, quattro nella zona di Bbb e tre nella zona di Ccc."
    assert [v for _, v, _ in found(text, "it")] == [15, 8, 4, 3]


def test_one_each_closes_a_list() -> None:
    assert found("Abbiamo abbattuto 5 droni su Aaa, due su Bbb e uno ciascuno su Ccc e Ddd.", "it")[-1] == (
        "equipment",
        1,
        "exact",
    )
    fr = found("L'armée a abattu 12 drones dans la région de Aaa, trois dans celle de Bbb et un dans celle de Ccc.",
               "fr")
    assert [v for _, v, _ in fr] == [12, 3, 1]
    es = found("El ejército derribó 12 drones en la región de Aaa, tres en la de Bbb y uno en la de Ccc.", "es")
    assert [v for _, v, _ in es] == [12, 3, 1]


def test_an_article_alone_is_still_no_count() -> None:
    assert found("Un drone ha sorvolato la zona di Aaa.", "it") == []
    assert found("Ha visto uno nella piazza di Aaa.", "it") == []


# ---------------------------------------------------------------------------------------------------------
# Parts of a whole and counts that refer back
# ---------------------------------------------------------------------------------------------------------


def test_part_of_a_whole_takes_the_noun_of_the_whole() -> None:
    assert found("La marina ha affondato tre delle quattro navi nemiche.", "it") == [
        ("equipment", 3, "exact"),
        ("equipment", 4, "exact"),
    ]
    assert found("Mindestens 12 der insgesamt 90 Drohnen wurden abgeschossen.", "de")[0] == (
        "equipment",
        12,
        "at_least",
    )
    assert found("Three of the four ships were sunk.", "en")[0] == ("equipment", 3, "exact")
    assert found("L'attacco ha causato la morte di almeno 20 dei suoi soldati.", "it") == [("killed", 20, "at_least")]


def test_count_referring_back_to_the_figure_before() -> None:
    assert found("Russland schickte 90 Drohnen. 60 davon wurden abgeschossen.", "de") == [
        ("equipment", 90, "exact"),
        ("equipment", 60, "exact"),
    ]
    assert found("Rusia lanzó 90 drones, de los que 60 fueron derribados.", "es") == [
        ("equipment", 90, "exact"),
        ("equipment", 60, "exact"),
    ]
    assert found("Russia launched 40 drones; 30 of them were shot down.", "en") == [
        ("equipment", 40, "exact"),
        ("equipment", 30, "exact"),
    ]
    assert found("Russia launched 40 drones, of which 30 were shot down.", "en")[1] == ("equipment", 30, "exact")


# ---------------------------------------------------------------------------------------------------------
# Equipment: the nouns of real reporting, quoted nouns, a single weapon
# ---------------------------------------------------------------------------------------------------------


def test_equipment_nouns_of_real_reporting() -> None:
    assert found("Hanno distrutto 23 velivoli senza pilota e affondato quattro imbarcazioni.", "it") == [
        ("equipment", 23, "exact"),
        ("equipment", 4, "exact"),
    ]
    assert found("L'armée a détruit au moins 18 camions et une dizaine de taxis-motos.", "fr") == [
        ("equipment", 18, "at_least"),
        ("equipment", 10, "approx"),
    ]
    assert found("Más de 200 motocicletas fueron incautadas.", "es") == [("equipment", 200, "more_than")]
    assert found("The jets dropped three bombs and the rebels lost two pickups.", "en") == [
        ("equipment", 3, "exact"),
        ("equipment", 2, "exact"),
    ]
    assert found("Nordkorea feuerte zwei ballistische Kurzstreckenraketen ab.", "de") == [("equipment", 2, "exact")]


def test_a_quoted_noun_still_governs_its_number() -> None:
    assert found('Le milizie hanno sparato almeno quattro "missili balistici" contro Aaa.', "it") == [
        ("equipment", 4, "at_least")]
    assert found('Ha ripetuto 3 "volte" la domanda.', "it") == []


def test_a_single_weapon_counts_one_only_when_said_or_listed() -> None:
    assert found("È stato abbattuto un solo missile.", "it") == [("equipment", 1, "exact")]
    assert found("Corea lanzó un solo misil balístico.", "es") == [("equipment", 1, "exact")]
    assert found("Dix-huit drones et un missile ont été abattus.", "fr") == [
        ("equipment", 18, "exact"),
        ("equipment", 1, "exact"),
    ]
    assert found("Un missile a frappé la ville.", "fr") == []
    assert found("Un drone ha sorvolato il porto.", "it") == []
    # said to be downed or fallen (geo.figures._one_weapon): one weapon counted
    assert found("Un drone è caduto vicino al porto.", "it") == [("equipment", 1, "exact")]


# ---------------------------------------------------------------------------------------------------------
# Casualties named by who they were: the verb further on, a loss, a death, the bodies
# ---------------------------------------------------------------------------------------------------------


def test_casualty_verb_a_few_words_after_the_noun() -> None:
    assert found("Douze Casques bleus ont en outre été blessés.", "fr") == [("wounded", 12, "exact")]
    assert found("È di tre militari italiani della missione Onu feriti il bilancio.", "it") == [("wounded", 3, "exact")]
    assert found("5.000 soldati italiani sono partiti ieri per Aaa.", "it") == [("troops", 5000, "exact")]


def test_casualty_verb_after_a_list_of_counts() -> None:
    assert found("Nove poliziotti e 21 volontari della protezione civile sono stati uccisi martedì.", "it") == [
        ("killed", 9, "exact"),
        ("killed", 21, "exact"),
    ]


def test_losses_deaths_and_bodies_before_the_number() -> None:
    assert found("L'esercito ha perso 12 soldati.", "it") == [("killed", 12, "exact")]
    assert found("Nous avons perdu quatre policiers.", "fr") == [("killed", 4, "exact")]
    assert found("Les corps de neuf soldats ont été retrouvés.", "fr") == [("killed", 9, "exact")]
    assert found("Rebels kill 15 soldiers in raid.", "en") == [("killed", 15, "exact")]
    assert found("The mission has lost 40 personnel since 2015.", "en") == [("killed", 40, "exact")]
    assert found("He had seen 60 bodies.", "en") == [("killed", 60, "exact")]
    assert found("La explosión causó la muerte de siete policías.", "es") == [("killed", 7, "exact")]
    assert found("Los bomberos recuperaron un cadáver.", "es") == [("killed", 1, "exact")]


def test_others_with_a_casualty_verb() -> None:
    assert found("Huit autres sont blessés.", "fr") == [("wounded", 8, "exact")]
    assert found("The army sent 5,000 more troops.", "en") == [("troops", 5000, "exact")]


# ---------------------------------------------------------------------------------------------------------
# One figure per fact: the headline repeated in the body
# ---------------------------------------------------------------------------------------------------------


def test_a_figure_repeated_in_another_sentence_is_one_figure() -> None:
    text = "Dodici soldati uccisi ad Aaa\nDodici soldati sono stati uccisi ieri ad Aaa. Lo ha detto il comando."
    figs = figures_in(text, NAMES, "it", None)
    assert [(f.kind, f.value, f.places, f.figure_id) for f in figs] == [("killed", 12, ["Aaa"], "d:f1")]


def test_the_first_mention_takes_the_places_of_its_repeat() -> None:
    figs = figures_in("Abbattuti 40 droni.\nLa contraerea ha abbattuto 40 droni sopra Bbb.", NAMES, "it", None)
    assert [(f.value, f.places) for f in figs] == [(40, ["Bbb"])]


def test_same_number_in_other_places_or_with_another_hedge_stays_two_figures() -> None:
    assert [f.value for f in figures_in("Tre civili uccisi ad Aaa. Tre civili uccisi a Bbb.", NAMES, "it", None)] == [
        3,
        3,
    ]
    text = "Almeno 30 soldati uccisi ad Aaa. Sono 30 i soldati uccisi ad Aaa secondo il comando."
    assert [(f.value, f.qualifier) for f in figures_in(text, NAMES, "it", None)] == [(30, "at_least"), (30, "exact")]


# ---------------------------------------------------------------------------------------------------------
# Not figures: vague plurals count nothing
# ---------------------------------------------------------------------------------------------------------


def test_vague_plurals_are_no_figures() -> None:
    assert found("Sono arrivati centinaia di soldati ad Aaa.", "it") == []
    assert found("Thousands of troops arrived and dozens of attacks were reported.", "en") == []
    assert found("Des centaines de soldats sont arrivés, faisant des dizaines de blessés.", "fr") == []


def test_approximate_number_words_stay_figures() -> None:
    assert found("Sono arrivati una dozzina di soldati.", "it") == [("troops", 12, "approx")]
    assert found("Une centaine de soldats sont arrivés.", "fr") == [("troops", 100, "approx")]


# ---------------------------------------------------------------------------------------------------------
# Count shapes: a kind glued by a dash, a count right after its verb, articles and spaced thousands
# ---------------------------------------------------------------------------------------------------------


def test_a_kind_glued_to_the_number() -> None:
    assert found("A 1,000-strong battalion will arrive.", "en") == [("troops", 1000, "exact")]
    assert found("The 13,000-troop force is stretched.", "en") == [("troops", 13000, "exact")]
    assert found("A 19-year-old man was arrested.", "en") == []


def test_a_count_right_after_its_casualty_verb() -> None:
    assert found("The gunmen killed one and wounded two.", "en") == [("killed", 1, "exact"), ("wounded", 2, "exact")]


def test_an_article_before_a_person_with_a_casualty_verb() -> None:
    assert found("A soldier was killed.", "en") == [("killed", 1, "exact")]
    assert found("A soldier arrived.", "en") == []
    assert found("Dabei wurde eine Person getötet.", "de") == [("killed", 1, "exact")]


def test_german_thousands_after_a_space_and_after_time_nouns() -> None:
    assert found("Insgesamt wurden rund 90 000 Truppen mobilisiert.", "de") == [("troops", 90000, "approx")]
    assert found("Russland habe in den vergangenen 24 Stunden 300 Angriffe geflogen.", "de") == [
        ("incidents", 300, "exact")
    ]


# ---------------------------------------------------------------------------------------------------------
# Qualifier and status
# ---------------------------------------------------------------------------------------------------------


def test_hedge_after_the_noun_and_shared_by_a_coordinated_count() -> None:
    assert found("Una persona almeno è morta.", "it") == [("killed", 1, "at_least")]
    assert found("Almeno otto poliziotti e tre passanti sono rimasti uccisi.", "it") == [
        ("killed", 8, "at_least"),
        ("killed", 3, "at_least"),
    ]
    assert found("Hanno ucciso almeno 19 soldati e un civile.", "it")[-1] == ("killed", 1, "exact")
    assert found("Almeno 12 civili uccisi ad Aaa; 6 soldati feriti.", "it")[-1] == ("wounded", 6, "exact")


def test_a_future_before_a_current_participle_is_planned() -> None:
    f = figures_in("A total of 800 troops will be stationed in Aaa.", NAMES, "en", None)
    assert [(x.value, x.status) for x in f] == [(800, "planned")]
    f = figures_in("About 800 troops are stationed in Aaa.", NAMES, "en", None)
    assert [(x.value, x.status) for x in f] == [(800, "current")]
    f = figures_in("La force est appelée à atteindre 5.000 hommes.", NAMES, "fr", None)
    assert [(x.value, x.status) for x in f] == [(5000, "planned")]


def test_a_large_number_repeated_is_one_fact_even_located_otherwise() -> None:
    text = "Abbattuti 120 droni su Aaa\nLa contraerea ha abbattuto nella notte 120 droni sopra Bbb e Ccc."
    assert [f.value for f in figures_in(text, NAMES, "it", None)] == [120]
    text = "Due civili uccisi ad Aaa. Due civili uccisi a Bbb."
    assert [f.value for f in figures_in(text, NAMES, "it", None)] == [2, 2]


# ---------------------------------------------------------------------------------------------------------
# Parts of a casualty figure
# ---------------------------------------------------------------------------------------------------------


def test_the_verb_after_an_aside_of_parts_holds_for_the_total() -> None:
    assert found("Almeno 40 persone, fra cui 12 soldati, sono state uccise ieri.", "it") == [
        ("killed", 40, "at_least"),
        ("killed", 12, "exact"),
    ]
    assert found("Officials said 14 people, including 9 soldiers were injured.", "en") == [
        ("wounded", 14, "exact"),
        ("wounded", 9, "exact"),
    ]


def test_parts_take_the_kind_of_the_casualty_figure_before() -> None:
    text = "Bei dem Angriff sind 20 Menschen getötet worden. Darunter seien sechs Soldaten und neun Kämpfer der Miliz."
    assert found(text, "de") == [("killed", 20, "exact"), ("killed", 6, "exact"), ("killed", 9, "exact")]
    assert found("Gunmen killed 11 police officers and three militiamen near the border.", "en") == [
        ("killed", 11, "exact"),
        ("killed", 3, "exact"),
    ]
    assert found("Il governo invierà 5.000 soldati e 300 addestratori.", "it") == [
        ("troops", 5000, "exact"),
        ("troops", 300, "exact"),
    ]


def test_an_age_breakdown_is_no_figure() -> None:
    assert found("Almeno 40 persone, fra cui 12 bambini, sono state uccise ieri.", "it") == [("killed", 40, "at_least")]
    assert found("Acht Menschen, darunter drei Kinder, wurden verletzt.", "de") == [("wounded", 8, "exact")]
    assert found("Sono morti 12 bambini.", "it") == [("killed", 12, "exact")]


def test_a_count_after_a_definite_article_refers_back() -> None:
    text = "Quattro militari sono rimasti feriti ad Aaa. Il ministro ha chiesto notizie dei quattro militari."
    assert found(text, "it") == [("wounded", 4, "exact")]
    text = "Three soldiers were wounded in Aaa. The three soldiers are in hospital, and the 500 troops stay."
    assert found(text, "en") == [("wounded", 3, "exact"), ("troops", 500, "exact")]


def test_casualty_verb_after_an_aside_or_in_quotes() -> None:
    assert found("Un altro casco blu, il terzo in una settimana, è stato ferito.", "it") == [("wounded", 1, "exact")]
    assert found("Cinque soldati, ha detto il portavoce, sono stati uccisi.", "it") == [("killed", 5, "exact")]
    assert found("Cinque soldati, arrivati ieri, sono partiti.", "it") == [("troops", 5, "exact")]
    assert found("Trois gendarmes, dont un capitaine, y sont « morts au combat ».", "fr") == [("killed", 3, "exact")]
    assert found("Cinq soldats sont « arrivés ».", "fr") == [("troops", 5, "exact")]
    assert found("Un casco blu è arrivato.", "it") == []


def test_an_article_and_a_demonym_before_a_casualty() -> None:
    assert found("A Bangladeshi peacekeeper in the north was killed.", "en") == [("killed", 1, "exact")]
    assert found("A US soldier was wounded.", "en") == [("wounded", 1, "exact")]
    assert found("A French soldier arrived.", "en") == []


def test_an_adverb_between_a_listed_count_and_its_place() -> None:
    text = "Au moins 30 civils ont été tués: six dans la ville de Aaa, 20 autres dans l'ouest et quatre enfin à l'est."
    assert [v for _, v, _ in found(text, "fr")] == [30, 6, 20, 4]
    assert [v for _, v, _ in found("Sono morti 20 civili: 12 ad Aaa, cinque a Bbb e tre infine a Ccc.", "it")] == [
        20,
        12,
        5,
        3,
    ]


@pytest.mark.parametrize("lang, text", [
    ("en", "Gunners shot down 11 drones near Aaa and 6 more (a record for the month) over Bbb."),
    ("it", "I soldati hanno abbattuto 11 droni vicino ad Aaa e altri 6 - un record per il mese - nella provincia di "
           "Bbb."),
    ("de", "Die Abwehr holte 11 Drohnen bei Aaa herunter und weitere 6 – ein Rekord für den Monat – über Bbb."),
    # a dash written against the aside's words (the Spanish raya) opens and closes it
    ("es", "Las defensas derribaron 11 drones cerca de Aaa y otros 6 drones —según el ejército— sobre Bbb."),
    ("it", "La contraerea ha abbattuto 11 droni vicino ad Aaa e altri 6 droni –secondo l'esercito– nella provincia "
           "di Bbb."),
    ("de", "Die Abwehr holte 11 Drohnen bei Aaa herunter und weitere 6 Drohnen –so das Militär– über Bbb."),
    # an en dash closes an aside a spaced hyphen opened, and the other way round
    ("en", "Gunners shot down 11 drones near Aaa and 6 more drones - the army said – over Bbb."),
    ("en", "Gunners shot down 11 drones near Aaa and 6 more drones – the army said - over Bbb."),
])
def test_an_aside_after_a_count_does_not_part_it_from_its_place(lang, text):
    # rule ASIDE_BEFORE_PLACE: the place after the aside, with its locative word, is the second count's
    second = by_value(text, lang)[6]
    assert second.place_ids == [BBB.id]


@pytest.mark.parametrize("lang, text", [
    ("en", "Gunners shot down 11 drones near Aaa and 6 more - twice the 2-3 a night seen near Ccc - over Bbb."),
    ("it", "I soldati hanno abbattuto 11 droni vicino ad Aaa e altri 6 - il doppio dei 2-3 a notte visti a Ccc - "
           "nella provincia di Bbb."),
    ("de", "Die Abwehr holte 11 Drohnen bei Aaa herunter und weitere 6 – doppelt so viele wie die 2–3 pro Nacht bei "
           "Ccc – über Bbb."),
])
def test_a_hyphen_inside_a_number_closes_no_aside(lang, text):
    # rule ASIDE_BEFORE_PLACE reads the aside as geo.clauses.aside_close does: its closing dash stands between
    # spaces, not inside "2-3"
    assert by_value(text, lang)[6].place_ids == [BBB.id]


def test_an_aside_that_does_not_close_in_its_sentence_leaves_the_place_before():
    # rule ASIDE_BEFORE_PLACE reads an aside closed in the count's sentence only
    text = "Gunners shot down 11 drones near Aaa and 6 more (a record for the month. The others (four) fell over Bbb."
    assert by_value(text, "en")[6].place_ids != [BBB.id]
