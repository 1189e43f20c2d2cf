"""Text -> figures: the shapes of real reporting, one category per table (sentences written for these tests).

Each row is (language, sentence, the (kind, value) pairs found, in text order).
"""

from __future__ import annotations

import pytest

from tests.figure_helpers import figures_in


def found(text: str, lang: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in figures_in(text, {}, lang, None)]


# A person named with an age: the age is no count, the article counts one, the verb after the age holds.
AGES = [
    ("it", "Una donna di 58 anni è stata uccisa dalle schegge.", [("killed", 1)]),
    ("en", "A 47-year-old farmer was killed by shelling.", [("killed", 1)]),
    ("fr", "Une femme de 66 ans a été tuée par un obus.", [("killed", 1)]),
    ("es", "Un hombre de 52 años murió por la explosión.", [("killed", 1)]),
    ("de", "Ein 29-jähriger Mann kam bei dem Beschuss ums Leben.", [("killed", 1)]),
    ("de", "Eine 64 Jahre alte Frau wurde verletzt.", [("wounded", 1)]),
    ("de", "Drei Männer im Alter von 19, 23 und 40 Jahren wurden verletzt.", [("wounded", 3)]),
]


# People named by who they were: a farmer, a pilot, gunmen; counted only with a casualty verb of their own.
WHO = [
    ("en", "A farmer was wounded and two pilots were killed.", [("wounded", 1), ("killed", 2)]),
    ("it", "Un autista è morto e due infermieri sono rimasti feriti.", [("killed", 1), ("wounded", 2)]),
    ("fr", "Un chauffeur a été tué.", [("killed", 1)]),
    ("es", "Un conductor resultó herido.", [("wounded", 1)]),
    ("de", "Zwei Piloten starben, ein Fahrer wurde verletzt.", [("killed", 2), ("wounded", 1)]),
    # the casualty verb of the count before does not reach a person named by an article after it
    ("en", "Nine rebels were killed, according to a doctor near the front.", [("killed", 9)]),
    ("en", "A pilot landed safely.", []),
    # "another" counts one more beside a casualty word
    ("en", "A soldier was killed and another wounded.", [("killed", 1), ("wounded", 1)]),
    ("de", "Ein Soldat wurde getötet, ein weiterer verletzt.", [("killed", 1), ("wounded", 1)]),
    ("en", "They need another month.", []),
    ("es", "Un hombre murió y otro resultó herido.", [("killed", 1), ("wounded", 1)]),
    ("es", "Otro día llegaron los soldados.", []),
]


# A count of times after (or, in German, before) an attack verb counts incidents; other times count nothing.
TIMES = [
    ("en", "Russian troops shelled the village 35 times overnight.", [("incidents", 35)]),
    ("en", "Bases were attacked at least 20 times in Iraq and 9 in Syria.", [("incidents", 20), ("incidents", 9)]),
    ("it", "Il villaggio è stato colpito 300 volte in un giorno.", [("incidents", 300)]),
    ("fr", "La ville a été bombardée 40 fois dimanche.", [("incidents", 40)]),
    ("es", "El pueblo fue atacado 12 veces durante la noche.", [("incidents", 12)]),
    ("de", "Die Stadt wurde 24 Mal beschossen.", [("incidents", 24)]),
    ("en", "The minister visited the base three times.", []),
    ("en", "The militia attacked the town twice last week.", [("incidents", 2)]),
    ("de", "Die Stadt wurde dreimal beschossen.", [("incidents", 3)]),
    ("en", "There are twice as many troops now.", []),
    ("it", "Il generale ha ripetuto due volte il messaggio.", []),
]


# People after a casualty figure take its kind only as a list or a part of it, not with a verb of their own.
INHERITED = [
    ("fr", "Les combats ont fait 200 morts en un an et forcé 9 000 personnes à partir.", [("killed", 200)]),
    ("en", "Fighting killed 40 soldiers and 12 civilians in the town.", [("killed", 40), ("killed", 12)]),
    ("it", "Sono morti 30 soldati, tra cui 4 ufficiali.", [("killed", 30), ("killed", 4)]),
]


# Casualty words as reporters write them: before the count, after it, after a copula, across a quote.
CASUALTY_WORDS = [
    ("it", "Il raid ha provocato l'uccisione di tre persone.", [("killed", 3)]),
    ("it", "Il drone ha colpito un'auto, uccidendone tre occupanti.", [("killed", 3)]),
    ("it", "Dieci assalitori sono stati neutralizzati.", [("killed", 10)]),
    ("it", "Hanno annunciato la morte di “tre caschi blu del contingente”.", [("killed", 3)]),
    ("it", "Tre sono morti e sette sono feriti.", [("killed", 3), ("wounded", 7)]),
    ("en", "At least 53 are wounded.", [("wounded", 53)]),
    ("en", "Seven soldiers sustained minor injuries in the attack.", [("wounded", 7)]),
    ("es", "El misil mató a tres personas.", [("killed", 3)]),
    ("de", "Bei dem Angriff starben zwei Piloten.", [("killed", 2)]),
    # a count referring back to weapons keeps their kind even before a participle that also reads killed
    ("es", "Irán disparó ochenta drones, de los que 52 fueron neutralizados por la defensa.",
     [("equipment", 80), ("equipment", 52)]),
    ("it", "Dieci droni sono stati neutralizzati.", [("equipment", 10)]),
]


# A demonym after a count names people ("sei palestinesi"); before a noun it is that noun's adjective.
DEMONYMS = [
    ("it", "Sei palestinesi sono stati uccisi.", [("killed", 6)]),
    ("it", "La morte di sei palestinesi è stata confermata.", [("killed", 6)]),
    ("en", "Two Americans were killed and 3,000 American troops arrived.", [("killed", 2), ("troops", 3000)]),
    ("it", "Sono arrivati 300 italiani.", []),
]


# The abducted, captured and missing are counts of kind "other"; equipment counts read across a model code.
OTHER_AND_CODES = [
    ("en", "Ten aid workers were briefly abducted near the border.", [("other", 10)]),
    ("it", "I ribelli hanno rapito quattro cooperanti.", [("other", 4)]),
    ("fr", "Deux soldats tués et quatre portés disparus.", [("killed", 2), ("other", 4)]),
    ("de", "Drei Helfer wurden entführt.", [("other", 3)]),
    ("en", "The bomber fired three Kh-59 guided missiles.", [("equipment", 3)]),
    ("it", "Sono decollati nove Tu-95 bombardieri.", [("equipment", 9)]),
    ("it", "Sette aeromobili sono stati abbattuti.", [("equipment", 7)]),
]


# A conditional auxiliary before a past participle hedges a past fact (current); a conditional verb plans.
HEARSAY = [
    ("it", "I ribelli avrebbero anche rapito quattro cooperanti.", "current"),
    ("it", "Dieci soldati sarebbero stati uccisi.", "current"),
    ("fr", "Dix soldats auraient été tués.", "current"),
    ("es", "Los rebeldes habrían matado a diez soldados.", "current"),
    ("it", "L'Italia invierebbe 300 soldati.", "planned"),
    ("fr", "La France enverrait 300 soldats.", "planned"),
    ("fr", "Quelque 9 000 soldats seraient nécessaires pour tenir la ligne.", "planned"),
]


# German compounds end in their head noun: the count takes the head's kind, a breakdown its breakdown.
COMPOUNDS = [
    ("de", "Russland setzte auch 20 sogenannte Lockvogeldrohnen ein.", [("equipment", 20)]),
    ("de", "Es gab 12 Todesopfer.", [("killed", 12)]),
    ("de", "In dem Dorf wurden sechs Menschen getötet, darunter zwei Schulkinder.", [("killed", 6)]),
    ("de", "Das Treffen dauerte 20 Minuten.", []),
    # a casualty verb farther after a member named with his unit, a quoted adverb between
    ("es", 'Un miembro de la misión de paz quedó "gravemente" herido.', [("wounded", 1)]),
]


# Who some of the counted were (a breakdown, a part named with an article) is no count of its own.
PARTS = [
    ("it", "Ventidue persone sono state ferite. Sette dei feriti sono minorenni.", [("wounded", 22)]),
    ("en", "Thirty people were killed. Four of the dead were children.", [("killed", 30)]),
    ("it", "Il raid ha provocato la morte di sei persone, tra cui anche un neonato.", [("killed", 6)]),
    ("de", "Eine 70-jährige Frau wurde am Morgen beim Angriff auf den Vorort der Stadt verletzt.", [("wounded", 1)]),
]


# A demonym count is a troop count as a part of a troop figure or beside a deployment verb.
DEMONYM_TROOPS = [
    ("it", "Il contingente conta 6mila soldati, compresi circa 450 italiani.", [("troops", 6000), ("troops", 450)]),
    ("it", "In Libano sono schierati oltre 900 italiani.", [("troops", 900)]),
    ("en", "The force has 5,000 troops, including 300 Italians.", [("troops", 5000), ("troops", 300)]),
    ("it", "Sono arrivati 300 italiani per la partita.", []),
]


# The inverted order of Italian and Spanish news, an adverb beside the copula; a count in brackets after its noun.
ORDER = [
    ("it", "Sono almeno 1.204 i civili morti dall'inizio della guerra.", [("killed", 1204)]),
    ("it", "Sono ormai 40 i morti.", [("killed", 40)]),
    ("es", "Son ya 37 los heridos.", [("wounded", 37)]),
    ("en", "Most ceasefire violations (312) were recorded in the north.", [("incidents", 312)]),
    ("en", "The report (2024) names the region.", []),
]


# A single weapon after a count of its kind whose noun has a complement; a far verb of a shooting.
SINGLE = [
    ("fr", "Dix-huit drones d'attaque et un missile ont été abattus.", [("equipment", 18), ("equipment", 1)]),
    ("fr", "Dix-huit drones d'attaque ont visé la ville, un missile aussi.", [("equipment", 18)]),
    ("en", "A police officer was fatally shot.", [("killed", 1)]),
]


def test_a_lower_bound_holds_for_parallel_counts_by_place() -> None:
    """"at least 20 times in Iraq and 9 in Syria": at least 9 too; a count after a colon keeps its own hedge."""
    quals = [(f.value, f.qualifier) for f in figures_in("Bases were attacked at least 20 times in Iraq and 9 in "
                                                         "Syria.", {}, "en", None)]
    assert quals == [(20, "at_least"), (9, "at_least")]
    quals = [(f.value, f.qualifier) for f in figures_in("Abbattuti oltre 100 droni: 40 su Mosca e 30 su Kursk.",
                                                         {}, "it", None)]
    assert quals == [(100, "more_than"), (40, "exact"), (30, "exact")]


# Equipment launched and downed: a plain word before the noun, a part of a whole ("25 of 31", "30 von 40").
EQUIPMENT = [
    ("en", "Ukraine said it sank two Russian landing ships.", [("equipment", 2)]),
    ("en", "Russia launched 40 kamikaze drones.", [("equipment", 40)]),
    ("en", "Air defences shot down 25 of 31 drones.", [("equipment", 25), ("equipment", 31)]),
    ("de", "In der Nacht wurden 30 von 40 Drohnen abgefangen.", [("equipment", 30), ("equipment", 40)]),
    ("it", "La flotta ha perso tre grandi navi.", [("equipment", 3)]),
    # no article, stopword, coordinator or casualty word is such a word
    ("en", "The gunmen killed one and wounded two.", [("killed", 1), ("wounded", 2)]),
    ("it", "Tra il 2020 e il 2022 i soldati sono aumentati.", []),
]


def test_an_item_of_a_count_by_place_is_each_named_place_s() -> None:
    """"quattro nelle regioni di B e C" in a count by place: four in each (one figure per place); a total over
    a list stays one figure; the item's place is the one named with it whatever roles say so far."""
    from tests.figure_helpers import entity

    names = {n: entity(f"admin1:{n}", n, "admin1", "RU") for n in ("Aaa", "Bbb", "Ccc", "Ddd", "Eee", "Fff")}
    text = ("Intercettati 67 droni: 51 nella regione di Aaa, cinque nelle regioni di Bbb e Ccc "
            "e due ciascuno nelle regioni di Ddd, Eee e Fff.")
    got = [(f.value, f.place_ids) for f in figures_in(text, names, "it", None, roles={"Bbb": "incident"})]
    assert got[1:] == [  # (the total's places are the figure places stage's to weigh)
        (51, ["admin1:Aaa"]),
        (5, ["admin1:Bbb"]),
        (5, ["admin1:Ccc"]),
        (2, ["admin1:Ddd"]),
        (2, ["admin1:Eee"]),
        (2, ["admin1:Fff"]),
    ]
    total = figures_in("Abbattuti 12 droni sulle regioni di Bbb e Ccc.", names, "it", None)
    assert [(f.value, f.place_ids) for f in total] == [(12, ["admin1:Bbb", "admin1:Ccc"])]


# "brings to ten the number of X killed": the noun after the count; "the two forces" are no troop count;
# victims counted again after the dead are the dead.
NUMBER_OF = [
    ("it", "Il raid porta a dodici il numero dei soldati uccisi dall'inizio dell'anno.", [("killed", 12)]),
    ("fr", "L'attaque porte à dix le nombre de Casques bleus tués.", [("killed", 10)]),
    ("en", "Talks on merging the two forces stalled again.", []),
    ("en", "NATO will deploy 4,000 forces.", [("troops", 4000)]),
    ("fr", "Le bilan s'établit à 43 morts. La découverte de corps porte à 43 le nombre de victimes.", [("killed", 43)]),
]


def test_a_figure_noun_modifying_an_unknown_head_is_no_figure() -> None:
    """English compounds are head-last: "drone factories" are no drones, "strike groups" no strikes (a count of
    units, with the equipment); "attack helicopters" are helicopters."""
    assert found("Three drone factories were hit overnight.", "en") == []
    assert found("The navy moved three carrier strike groups into the Pacific.", "en") == [("equipment", 3)]
    assert found("Three attack helicopters were lost.", "en") == [("equipment", 3)]


# Status: a figure coordinated with the next one shares the verb after it; a deployment begun is current.
STATUS = [
    ("en", "Some 650 Dutch troops and 200 Danish soldiers will be stationed in the Baltics by autumn.",
     ["planned", "planned"]),
    ("en", "Officials said they had begun to deploy 900 troops to the border.", ["current"]),
    ("en", "Officials said they plan to deploy 900 troops to the border.", ["planned"]),
    # a unit's growth takes the status of its verb; "another N troops" that are being sent are current
    ("en", "The brigade could grow to 4,500 by 2028.", ["planned"]),
    ("en", "Officials say the contingent rose to 1,300 last month.", ["current"]),
    ("en", "London is sending another 250 troops to the border.", ["current"]),
    ("en", "London will send another 250 troops to the border.", ["planned"]),
    ("it", "Roma sta inviando altri 250 soldati al confine.", ["current"]),
    ("it", "Roma invierà altri 250 soldati al confine.", ["planned"]),
    # a deployment approved or authorised is not under way yet: planned
    ("en", "The alliance approved the deployment of a 900-strong battalion to the east.", ["planned"]),
    ("it", "Il Senato ha approvato l'invio di 320 militari nel Sahel.", ["planned"]),
    ("fr", "Le Sénat a autorisé le déploiement de 320 militaires au Sahel.", ["planned"]),
    ("es", "El Senado aprobó el envío de 320 militares al Sahel.", ["planned"]),
    ("de", "Der Bundestag billigte den Einsatz von 320 Soldaten in der Sahelzone.", ["planned"]),
    # a figure in an aside between commas takes the status of the deployment after it, not of any verb
    ("de", "Die Brigade, der auch 260 belgische Soldaten angehören, soll nächste Woche nach Bosnien "
     "verlegt werden.", ["planned"]),
    ("en", "The unit, which includes 140 Belgian soldiers, will be deployed to Bosnia next week.", ["planned"]),
    ("en", "Ruritania, which has 90,000 troops at the border, will hold talks next week.", ["current"]),
    # a unit's growth over an aside, with a time phrase after the count
    ("it", "La brigata, oggi di 1.800 militari, potrebbe salire a 4.200 entro l'inverno.", ["current", "planned"]),
    ("es", "El contingente, que hoy suma 700 militares, podría llegar a 1.900 antes del invierno.",
     ["current", "planned"]),
    ("en", "The battalion, which now has 1,200 soldiers, could grow to 3,300 by the spring.", ["current", "planned"]),
    # a count by place after a future passive shares its future: the participle is no current cue there
    ("it", "Saranno schierati 2.000 soldati in Estonia e 300 in Lettonia.", ["planned", "planned"]),
    ("fr", "2 000 soldats seront déployés en Estonie et 300 en Lettonie.", ["planned", "planned"]),
    ("es", "Serán desplegados 2.000 soldados en Estonia y 300 en Letonia.", ["planned", "planned"]),
    ("it", "Sono stati schierati 2.000 soldati in Estonia e 300 in Lettonia.", ["current", "current"]),
    ("fr", "2 000 soldats ont été déployés en Estonie et 300 en Lettonie.", ["current", "current"]),
]


# The last item of a count by place written with an article ("e uno sul Mar Nero", "et un sur la mer Noire").
LAST_ITEM = [
    ("it", "Abbattuti 20 droni: 12 sulla regione di Aaa, sette su quella di Bbb e uno sul Mar Nero.",
     [("equipment", 20), ("equipment", 12), ("equipment", 7), ("equipment", 1)]),
    ("fr", "Vingt drones ont été abattus: 12 sur la région de Aaa et un sur la mer Noire.",
     [("equipment", 20), ("equipment", 12), ("equipment", 1)]),
    ("it", "Un ragazzo è andato nel parco.", []),
]


# The size a troop unit changes to, with no noun of its own after the count: troops; a budget or a toll is none.
UNIT_GROWS = [
    ("en", "The brigade could grow to 4,500 by 2028.", [("troops", 4500)]),
    ("en", "The brigade's strength could grow to 5,200 by 2029.", [("troops", 5200)]),
    ("en", "Officials say the contingent rose to 1,300 last month.", [("troops", 1300)]),
    ("en", "The battalion's fuel budget rose to 7,000 euros.", []),
    ("en", "The mission's death toll rose to 14.", [("killed", 14)]),
    ("en", "The brigade moved to 3 new bases.", []),
    ("it", "La brigata potrebbe salire a 2.800 entro l'autunno.", [("troops", 2800)]),
    ("fr", "Le bataillon pourrait passer à 1 100 d'ici l'été.", [("troops", 1100)]),
    ("es", "La brigada podría aumentar a 3.400 el año próximo.", [("troops", 3400)]),
    ("de", "Die Brigade soll bis 2028 auf 4.800 aufgestockt werden.", [("troops", 4800)]),
    # the unit can stand between the verb and the count
    ("en", "Spain will raise its contingent to 1,100 next year.", [("troops", 1100)]),
    ("en", "The rotation brings the Spanish troop presence to 2,600.", [("troops", 2600)]),
    ("it", "La Spagna porterà il suo contingente a 1.100 entro l'anno.", [("troops", 1100)]),
    ("en", "The brigade said on Monday that 40 people had been brought to hospital.", []),
    # an aside between the unit and its verb (rule ASIDE_BEFORE_GROWTH), and verbs of reaching a size
    ("en", "The battalion, which now has 1,200 soldiers, could grow to 3,300 by the spring.",
     [("troops", 1200), ("troops", 3300)]),
    ("en", "The battalion, officials in Oslo said, may reach 2,700 next year.", [("troops", 2700)]),
    ("it", "La brigata, oggi di 1.800 militari, potrebbe salire a 4.200 entro l'inverno.",
     [("troops", 1800), ("troops", 4200)]),
    ("fr", "Le contingent, qui compte déjà 600 soldats, pourrait atteindre 1 500 d'ici l'automne.",
     [("troops", 600), ("troops", 1500)]),
    ("es", "El contingente, que hoy suma 700 militares, podría llegar a 1.900 antes del invierno.",
     [("troops", 700), ("troops", 1900)]),
    ("de", "Das Bataillon, das derzeit 800 Soldaten zählt, könnte bis zum Herbst auf 2.100 anwachsen.",
     [("troops", 800), ("troops", 2100)]),
    ("en", "The battalion, which lost 4 trucks, saw its budget grow to 9,000 euros.", [("equipment", 4)]),
    # the aside holds only when the change verb follows its closing comma, modals between at most; another
    # noun phrase between the unit and the count takes the count (rule ASIDE_BEFORE_GROWTH)
    ("en", "The regiment, raised in 2019, saw its losses climb to 350.", []),
    ("en", "The operation, which the regiment backs, saw the number of evacuees rise to 2,300.", []),
    ("en", "The regiment, which lost 25 soldiers in March, saw its casualties rise to 70.",
     [("killed", 25), ("killed", 70)]),
    ("en", "The regiment saw its losses climb to 350.", []),
    ("it", "Il reggimento, schierato a Zaporizhzhia, ha visto le perdite salire a 320.", []),
    ("fr", "Le régiment, basé à Zaporijjia, a vu ses pertes monter à 320.", []),
    ("es", "El regimiento, desplegado en Zaporiyia, vio sus bajas aumentar a 320.", []),
    ("de", "Das Regiment, das bei Saporischschja liegt, sah seine Verluste auf 320 steigen.", []),
    # each guard of the aside alone: a word that is no modal or auxiliary before the change verb; another noun
    # phrase between the verb and the count; an aside that opens on other punctuation than a comma
    ("en", "The regiment, raised in 2019, watched fuel costs climb to 350.", []),
    ("en", "The regiment, raised in 2019, will raise the fee to 350.", []),
    ("en", "The brigade's supply plan: fuel orders now near 900, could grow to 2,000.", []),
    # verb last, a comma between the count and the verb: the count is still the size the unit reaches
    ("de", "Das Bataillon, jetzt in Polen, hat 900, steigen soll die Zahl auf 2.000.",
     [("troops", 900), ("troops", 2000)]),
    # a reach verb gives a size only when the count ends its phrase; a noun after it is what was reached
    ("en", "The regiment reached 5 hamlets east of Zaporizhzhia on Tuesday.", []),
    ("fr", "Le régiment a atteint 6 hameaux à l'est de Zaporijjia.", []),
    ("es", "El regimiento llegó a 5 aldeas al este de Zaporiyia.", []),
    ("it", "Il reggimento ha raggiunto 6 frazioni a est di Zaporizhzhia.", []),
    ("de", "Das Regiment erreichte 5 Weiler östlich von Saporischschja.", []),
    ("de", "Das Bataillon erreichte im Herbst 2.100.", [("troops", 2100)]),
    # verb last, the reach verb right after the count ends its phrase
    ("de", "Das Bataillon hat im Herbst 2.100 erreicht.", [("troops", 2100)]),
    ("en", "The regiment could reach 2,400 by the summer.", [("troops", 2400)]),
]


# A person named by a long noun phrase: its "of" complements do not count against the reach of the casualty
# verb (rule NOUN_PHRASE_REACH); words that are no complement still do.
NOUN_PHRASE = [
    ("es", "Un miembro de la misión de observadores de la Unión Europea en Georgia resultó herido ayer.",
     [("wounded", 1)]),
    ("it", "Un membro della missione di addestramento dell'Unione Europea in Somalia è rimasto ferito.",
     [("wounded", 1)]),
    ("en", "A member of the training mission of the European Union in Somalia was wounded on Friday.",
     [("wounded", 1)]),
    ("fr", "Un membre de la mission de police de l'Union européenne au Kosovo a été blessé mardi.",
     [("wounded", 1)]),
    ("en", "A member of the mission spent the whole night in the hospital beside families whose sons were wounded.",
     []),
    # the reach ends at a speech verb, a complementiser or a relative pronoun after the complements, and at a
    # casualty word that an article makes a noun
    ("en", "One member of the council of Moldova told journalists the guard was wounded.", []),
    ("it", "Un membro del consiglio della Moldavia ha detto che la guardia è stata uccisa.", []),
    ("en", "A member of the board of the clinic in Odesa said the girl was killed.", []),
    ("en", "A member of the commission of the Council of Europe who met the wounded was in Chisinau.", []),
    ("en", "A member of the commission of the Council of Europe visited the wounded in Chisinau.", []),
    ("es", "Un miembro del consejo de Moldavia dijo que el guardia resultó herido.", []),
    # a relative pronoun alone (no speech verb, no article before the casualty word) ends the reach
    ("en", "A member of the board of the clinic in Odesa whose son was wounded is in Chisinau.", []),
    ("it", "Un membro del consiglio dell'ospedale di Leopoli il cui figlio è stato ferito è a Tbilisi.", []),
    ("de", "Ein Mitglied des Rates der Afrikanischen Union in Mali wurde getötet.", [("killed", 1)]),
    # a long name after "of" is part of the complement; a casualty word in a complement is no verb
    ("en", "A guard of the Kharkiv Regional Military Administration of the Ministry of Internal Affairs of Ukraine "
     "was wounded.", [("wounded", 1)]),
    ("it", "Un membro della Croce Rossa Internazionale della Repubblica Democratica del Congo nella provincia del "
     "Kivu Nord è rimasto ferito.", [("wounded", 1)]),
    ("en", "A nurse of wounded soldiers was killed.", [("killed", 1)]),
]


# Police sent on a mission abroad are counted as troops, and so are the compatriots serving beside them;
# police counted at home, or killed, are not.
POLICE_SENT = [
    ("en", "Last month 150 more police officers from Ghana joined some 400 other Ghanaians already serving in "
     "the multinational force.", [("troops", 150), ("troops", 400)]),
    ("en", "Ghana has sent 300 police officers to the island.", [("troops", 300)]),
    ("fr", "Le Bénin a envoyé 200 policiers en Haïti.", [("troops", 200)]),
    ("en", "The city employs 3,000 police officers.", []),
    ("en", "Police said 150 officers and 400 Ghanaians attended the match.", []),
    ("en", "Twelve police officers were killed in the ambush.", [("killed", 12)]),
]


# A count spelled out and repeated in digits in brackets, as official statements write it, is one count.
BRACKETED = [
    ("fr", "Le bilan fait état d'un (1) gendarme tué et de quatre (04) civils blessés.",
     [("killed", 1), ("wounded", 4)]),
    ("fr", "Trois (3) soldats ont été tués.", [("killed", 3)]),
    ("en", "Two (2) soldiers were killed and one (1) civilian was injured.", [("killed", 2), ("wounded", 1)]),
    ("en", "Six soldiers were killed at checkpoint (4) near the river.", [("killed", 6)]),
]


SHAPES = {
    "ages": AGES,
    "who": WHO,
    "times": TIMES,
    "inherited": INHERITED,
    "casualty_words": CASUALTY_WORDS,
    "demonyms": DEMONYMS,
    "other_and_codes": OTHER_AND_CODES,
    "compounds": COMPOUNDS,
    "parts": PARTS,
    "demonym_troops": DEMONYM_TROOPS,
    "order": ORDER,
    "single": SINGLE,
    "equipment": EQUIPMENT,
    "number_of": NUMBER_OF,
    "last_item": LAST_ITEM,
    "unit_grows": UNIT_GROWS,
    "noun_phrase": NOUN_PHRASE,
    "police_sent": POLICE_SENT,
    "bracketed": BRACKETED,
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [row for table in SHAPES.values() for row in table],
    ids=[f"{name}-{k}" for name, table in SHAPES.items() for k in range(len(table))],
)
def test_figures_of_each_shape(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "statuses"),
    [(lang, text, [status]) for lang, text, status in HEARSAY] + STATUS,
    ids=[f"hearsay-{k}" for k in range(len(HEARSAY))] + [f"status-{k}" for k in range(len(STATUS))],
)
def test_status_of_each_shape(lang: str, text: str, statuses: list[str]) -> None:
    assert [f.status for f in figures_in(text, {}, lang, None)] == statuses
