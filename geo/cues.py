"""The recogniser's lexicons, loaded per language: cue words, aliases, word frequencies.

Every word list of ``geo/lexicons/<lang>/places.yaml`` (and the person, demonym, alias and region
files) is read once per language into a :class:`Cues`, folded like the text it is compared with.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from geo import frequencies, lexicons, normalize
from geo.normalize import fold_key


def _no_mapping() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Cues:
    """The word lists one language contributes, folded."""

    not_places: frozenset[str]
    common_words: frozenset[str]
    stopwords: frozenset[str]
    titles: frozenset[str]
    title_first_words: frozenset[str]
    title_words: frozenset[str]  # every word of every title: "foreign", "minister", "esteri"
    first_names: frozenset[str]
    name_particles: frozenset[str]
    not_surnames: frozenset[str]
    locative: frozenset[str]
    area_cues: frozenset[str]
    area_suffixes: frozenset[str]
    admin2_suffixes: frozenset[str]
    demonyms: frozenset[str]
    lang: str
    speech_verbs: frozenset[str]
    org_heads: frozenset[str]
    org_tails: frozenset[str]
    club_articles: frozenset[str]
    cities_with_article: frozenset[str]
    span_prefixes: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]
    feature_heads: frozenset[str] = frozenset()
    street_heads: frozenset[str] = frozenset()
    feature_suffixes: frozenset[str] = frozenset()  # every suffix: natural, street and admin-2
    natural_suffixes: frozenset[str] = frozenset()  # "River", "Valley": located by the area they name
    building_suffixes: frozenset[str] = frozenset()  # "Cathedral": located at the town it is named after
    feature_connectors: frozenset[str] = frozenset()
    direction_before: frozenset[str] = frozenset()
    direction_after: frozenset[str] = frozenset()
    capitalised_heads: bool = False
    hyphen_compounds: bool = False  # "la Roma-Lido", "Milano-Malpensa": one name, not two places
    # Read-only mappings, left out of the hash and comparison (the language's other fields tell Cues apart):
    # contraction -> article ("au Havre" names Le Havre), elided word -> word ("d'Odessa": "d" stands for "de").
    article_contractions: Mapping[str, str] = field(default_factory=_no_mapping, hash=False, compare=False)
    elisions: Mapping[str, str] = field(default_factory=_no_mapping, hash=False, compare=False)
    abbreviation_shorts: frozenset[str] = frozenset()  # "mt", "st": words an abbreviation starts
    not_town_after: frozenset[str] = frozenset()  # "au Québec": the province, not the city
    saint_words: frozenset[str] = frozenset()  # "San", "Saint": a saint's name after saint_heads
    saint_heads: frozenset[str] = frozenset()  # "la chiesa di San Giovanni" is the saint, no town
    saint_days: bool = False  # "St. Patrick's Day" is a feast
    town_prepositions: frozenset[str] = frozenset()  # "à Luxembourg": the city
    compound_heads: frozenset[str] = frozenset()  # "l'aeroporto di Roma-Fiumicino": one name
    institution_heads: frozenset[str] = frozenset()
    ambiguous_heads: frozenset[str] = frozenset()
    sports_cues: frozenset[str] = frozenset()
    sports_cues_beside: frozenset[str] = frozenset()
    admin2_plurals: frozenset[str] = frozenset()
    locality_after: frozenset[str] = frozenset()
    locality_before: frozenset[str] = frozenset()
    province_codes: str | None = None
    admin1_suffixes: frozenset[str] = frozenset()
    admin1_suffix_countries: frozenset[str] = frozenset()
    origin_words: frozenset[str] = frozenset()
    area_cues_plural: frozenset[str] = frozenset()
    area_pronouns: frozenset[str] = frozenset()  # "in quella di Tula" after "nella regione di Kursk"
    direction_phrases: frozenset[str] = frozenset()  # "north of", "a sud di": apostrophes read as spaces
    home_countries: frozenset[str] = frozenset()
    start_words: frozenset[str] = frozenset()
    known_places: frozenset[str] = frozenset()
    bare_heads: frozenset[str] = frozenset()
    unknown_place_after: frozenset[str] = frozenset()
    unknown_place_before: frozenset[str] = frozenset()  # "on Dorvak Sein village": a settlement noun after the name
    locator_links: frozenset[str] = frozenset()  # "in the", "near": a place holding a settlement (geo.approximate)
    region_links: frozenset[str] = frozenset()  # "in", "à": a bare link, before a region only (geo.approximate)
    locator_breaks: frozenset[str] = frozenset()  # "that", "que": a reported clause opens (geo.approximate)
    settlement_endings: frozenset[str] = frozenset()  # German "-dorf", "-berg": place-name endings that are words
    direction_compounds: tuple[str, ...] = ()  # "Nordirak": compass words one word with a place, longest first
    club_articles_feminine: frozenset[str] = frozenset()
    feminine_clubs: frozenset[str] = frozenset()
    subject_words: frozenset[str] = frozenset()  # verbs after a subject: "Vasto ha approvato", "Split is"
    town_words: frozenset[str] = frozenset()  # "Marion residents", "Bend police"
    not_after_number: frozenset[str] = frozenset()  # units and times: "5-6 chilometri" is no result
    own_stopwords: frozenset[str] = frozenset()  # the language's own: "Los Angeles County" in English
    age_words: frozenset[str] = frozenset()  # "Sofia Ferrara, 34 anni": a person's name before an age
    modifier_nouns: frozenset[str] = frozenset()  # "U.S. troops", "la marina USA" (geo/recognition_model.py)
    org_name_heads: frozenset[str] = frozenset()  # "the Monitoring Mission to Ukraine", "Kosovo Police"
    org_name_connectors: frozenset[str] = frozenset()  # "to", "in", "de": inside such a name
    place_noun_endings: frozenset[str] = frozenset()  # German "Hafenstadt Kismayo": a noun, not a first name
    nouns_capitalised: bool = False  # German: a capitalised word may be a common noun
    opponent_words: frozenset[str] = frozenset()  # "contro l'Australia" in a match report: a team
    match_words: frozenset[str] = frozenset()  # words of a match report besides sports_cues
    match_verbs: frozenset[str] = frozenset()  # "il Milan ha battuto la Lazio 2-0": teams, in a match report
    sport_only_words: frozenset[str] = frozenset()  # "campionato", "league": a sentence reports a match
    match_auxiliaries: frozenset[str] = frozenset()  # "ha", "will": between a team and its match verb
    match_verb_links: frozenset[str] = frozenset()  # "pareggia con il Cile", "drew with": before the opponent
    club_names: frozenset[str] = frozenset()  # "Atalanta - Torino": a club the gazetteer lacks makes a fixture
    player_verbs: frozenset[str] = frozenset()  # "Ferrara ha segnato": a player before it, no small town
    standings_words: frozenset[str] = frozenset()  # "Classifica: Napoli 30, Inter 28": a table's heading
    scorer_nouns: frozenset[str] = frozenset()  # "il gol di Ferrara": the player after "of", no town
    club_list_articles: frozenset[str] = frozenset()  # "nella Roma, Verona e Lecce": clubs listed
    weapon_nouns: frozenset[str] = frozenset()  # "le bombe Kab": the model's name after it is no town
    name_starters: frozenset[str] = frozenset()  # title_first_words | first_names: the words a person's name starts
    articles: frozenset[str] = frozenset()  # definite articles (events.yaml ``articles``): "contro l'Australia"
    transliteration_doubled: frozenset[str] = frozenset()  # "Shabelle" -> "Shabeelle": letters written once or twice
    compass_words: frozenset[str] = frozenset()  # "north", "west": a name of these and compass_nouns only ...
    compass_nouns: frozenset[str] = frozenset()  # ... ("West Coast") is a part of the report's country
    hyphen_particles: frozenset[str] = frozenset()  # "Jaish al-Jadid": an article joined to a name's word
    place_type_words: frozenset[str] = frozenset()  # "Jabalia Camp": the word after a place's name is its type


@cache
def _all_first_names() -> frozenset[str]:
    def build() -> frozenset[str]:
        names: set[str] = set()
        for lang in lexicons.available_languages():
            names.update(fold_key(n) for n in lexicons.load(lang, "persons").get("first_names") or [])
        return frozenset(names)

    return lexicons.compiled("first-names", build, Path(__file__), Path(normalize.__file__))


#: places.yaml keys read for the document's language only, folded (field name = key).
_OWN_LANGUAGE = ("locative", "compound_heads", "not_town_after", "town_prepositions",
                 "saint_words", "saint_heads", "area_cues_plural", "known_places", "bare_heads", "unknown_place_after",
                 "unknown_place_before", "locator_links", "region_links", "locator_breaks", "settlement_endings",
                 "club_articles_feminine", "feminine_clubs", "town_words", "area_suffixes", "admin1_suffixes",
                 "origin_words", "speech_verbs", "club_articles", "cities_with_article", "feature_heads",
                 "street_heads", "feature_connectors", "direction_before", "direction_after", "institution_heads",
                 "ambiguous_heads", "sports_cues", "sports_cues_beside", "locality_before", "place_noun_endings",
                 "opponent_words", "match_words", "weapon_nouns", "area_pronouns", "match_verbs",
                 "match_auxiliaries", "match_verb_links", "club_names", "club_list_articles",
                 "scorer_nouns", "sport_only_words", "standings_words",
                 "player_verbs")
#: places.yaml keys where English fills the gaps of the document's language.
_WITH_ENGLISH = ("common_words", "not_surnames", "admin2_suffixes", "org_heads", "org_tails", "admin2_plurals",
                 "modifier_nouns", "org_name_heads", "org_name_connectors", "compass_words", "compass_nouns",
                 "hyphen_particles", "place_type_words")


@cache
def cues_for(lang: str) -> Cues:
    """Load and fold the recogniser's lexicons for ``lang`` (English fills the gaps where it can).

    Parameters
    ----------
    lang : str
        Language code of a folder of ``geo/lexicons``.

    Returns
    -------
    Cues
    """
    langs = [lang] if lang == "en" else [lang, "en"]
    places = lexicons.load(lang, "places")

    def gather(concern: str, key: str, languages=langs) -> frozenset[str]:
        out: set[str] = set()
        for lg in languages:
            out.update(fold_key(str(w)) for w in lexicons.load(lg, concern).get(key) or [])
        return frozenset(out)

    def as_written(key: str, case=str) -> frozenset[str]:
        return frozenset(case(str(w)) for w in places.get(key) or [])

    all_langs = lexicons.available_languages()
    own = {key: gather("places", key, [lang]) for key in _OWN_LANGUAGE}
    with_english = {key: gather("places", key) for key in _WITH_ENGLISH}
    titles = gather("persons", "titles")
    title_first_words = frozenset(t.split()[0].rstrip(".") for t in titles if t)
    abbreviations = tuple(sorted(
        (fold_key(str(k)), fold_key(str(v)))
        for lg in langs for k, v in (lexicons.load(lg, "places").get("abbreviations") or {}).items()
    ))
    return Cues(
        **own,
        **with_english,
        not_places=gather("places", "not_places", all_langs),
        stopwords=gather("language", "stopwords", all_langs),
        own_stopwords=gather("language", "stopwords", [lang]),
        titles=titles,
        title_first_words=title_first_words,
        title_words=frozenset(w.rstrip(".") for t in titles for w in t.split()),
        name_starters=title_first_words | _all_first_names(),
        articles=gather("events", "articles", [lang]),
        first_names=_all_first_names(),
        name_particles=gather("persons", "name_particles", all_langs),
        age_words=gather("persons", "age_words", all_langs),
        area_cues=gather("places", "area_cues", [lang]) | own["area_cues_plural"],
        subject_words=gather("places", "actor_verbs", [lang]) | own["speech_verbs"] | own["town_words"],
        start_words=as_written("start_words", str.lower),  # "Malé" is not "Male"
        home_countries=as_written("home_countries"),
        admin1_suffix_countries=as_written("admin1_suffix_countries"),
        locality_after=as_written("locality_after"),  # lower case: any case; capitalised: as written
        demonyms=gather("demonyms", "demonyms", [lang]),  # French "suisse" is no demonym in English
        lang=lang,
        span_prefixes=tuple(sorted(gather("places", "span_prefixes", [lang]), key=lambda p: (-len(p), p))),
        direction_compounds=tuple(sorted(gather("places", "direction_compounds", [lang]), key=lambda p: (-len(p), p))),
        abbreviations=abbreviations,
        abbreviation_shorts=frozenset(short.rstrip(".").split(" ")[0] for short, _ in abbreviations),
        # English street and building suffixes count in every language: "Trafalgar Square", "Holyrood Palace"
        feature_suffixes=(gather("places", "feature_suffixes", [lang]) | gather("places", "street_suffixes")
                          | gather("places", "building_suffixes") | with_english["admin2_suffixes"]),
        building_suffixes=gather("places", "building_suffixes"),
        natural_suffixes=gather("places", "feature_suffixes", [lang]),
        not_after_number=frozenset(fold_key(str(w)) for lg in langs
                                   for w in (lexicons.load(lg, "figures").get("figures") or {}).get("not_after") or []),
        province_codes=places.get("province_codes"),
        capitalised_heads=bool(places.get("feature_heads_capitalised")),
        hyphen_compounds=bool(places.get("hyphen_compounds")),
        saint_days=bool(places.get("saint_days")),
        nouns_capitalised=bool(places.get("nouns_capitalised")),
        article_contractions=MappingProxyType({fold_key(str(k)): fold_key(str(v))
                                               for k, v in (places.get("article_contractions") or {}).items()}),
        transliteration_doubled=gather("places", "transliteration_doubled"),
        elisions=MappingProxyType({fold_key(str(k)): fold_key(str(v))
                                   for k, v in (places.get("elisions") or {}).items()}),
        # "à l'est de" is looked for as "a l est de", as the words before a name are read
        direction_phrases=frozenset(" ".join(fold_key(str(w)).replace("'", " ").split())
                                    for w in places.get("direction_phrases") or []),
    )


@cache
def _alias_entries() -> tuple[tuple[str, str, str], ...]:
    """(language, alias as written, entity id) for every language's ``aliases.yaml``."""
    return tuple((lang, str(alias), str(entity_id)) for lang in lexicons.available_languages()
                 for alias, entity_id in (lexicons.load(lang, "aliases").get("aliases") or {}).items())


@cache
def aliases() -> dict[str, tuple[str, ...]]:
    """Folded alias -> entity ids, from every language's ``aliases.yaml``."""
    out: dict[str, list[str]] = {}
    for _lang, alias, entity_id in _alias_entries():
        out.setdefault(fold_key(alias), []).append(entity_id)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@cache
def own_aliases(lang: str) -> frozenset[str]:
    """Folded aliases of one language's ``aliases.yaml``: "Ala." is Alabama in English, a town in Italian."""
    return frozenset(fold_key(alias) for lg, alias, _ in _alias_entries() if lg == lang)


@cache
def acronym_aliases() -> frozenset[str]:
    """Folded aliases that the lexicons write in capitals ("USA", "UE"): an acronym in the text that
    is one of them is a place; "AIA" is no "Aia" (The Hague)."""
    return frozenset(fold_key(alias) for _, alias, _ in _alias_entries() if alias.isupper())


@cache
def _sorted_aliases() -> tuple[str, ...]:
    return tuple(sorted(aliases()))


def name_continues(gazetteer, prefix: str) -> bool:
    """Whether a gazetteer name or a lexicon alias starts with ``prefix`` (folded)."""
    keys = _sorted_aliases()
    j = bisect.bisect_left(keys, prefix)
    if j < len(keys) and keys[j].startswith(prefix):
        return True
    return gazetteer.continues(prefix)


def lookup_candidates(gazetteer, key: str) -> list:
    """The gazetteer's candidates for a folded name, or the lexicons' aliases ("U.S.", "W.Va.", "Gulf")
    alone: an alias says what the name means in the news, over the gazetteer's namesakes (the
    Persian Gulf, not Gulf Province of Papua New Guinea)."""
    ids = aliases().get(key)
    if not ids:
        return gazetteer.candidates(key)
    from geo.gazetteer import Candidate

    return [Candidate(gazetteer.get(i), True) for i in ids if i in gazetteer] or gazetteer.candidates(key)


@lru_cache(maxsize=200_000)
def word_frequency(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (log10 of uses per billion words) in ``lang`` or English,
    whichever is higher, from the ``wordfreq`` package (through :mod:`geo.frequencies`); 0 where
    it has no data."""
    langs = {"en"} | ({lang} if lang in frequencies.languages() else set())
    return max(frequencies.zipf(word, lg) for lg in langs)


def common_word_margin(key: str, population: int, lang: str) -> float:
    """How much more a name is a place than a word: ``log10(population) - zipf(word)``.

    Council (Idaho, 800 people; "council" 5.1) scores -2.2, Paris (2.1 million; 4.8) +1.5.
    """
    return math.log10(max(population, 1)) - word_frequency(key, lang)


@cache
def lowercase_phrases() -> tuple[frozenset[str], frozenset[str]]:
    """(first words, phrases) of the regions' names of two words or more in the lexicons ("Paesi
    baltici", "pays baltes"): found in lower case too ("nei paesi baltici")."""
    from geo.gazetteer import _load_lexicon_aliases

    phrases = {fold_key(alias) for refs in _load_lexicon_aliases().values() for names in refs.values()
               for alias, primary in names if primary and " " in alias.strip()
               and not any(w[:1].isupper() for w in alias.split()[1:])}  # "Paesi baltici", not "West Bank"
    return frozenset(p.split(" ")[0] for p in phrases), frozenset(phrases)


@cache
def comma_aliases() -> tuple[tuple[str, str], ...]:
    """Aliases written with a comma inside ("Washington, D.C."), folded, longest first."""
    return tuple(sorted(((k, k) for k in aliases() if ", " in k), key=lambda kv: -len(kv[0])))


@cache
def acronym_small_words() -> frozenset[str]:
    """Folded small words an organisation's name holds without giving its acronym a letter, in every
    language (an acronym is often spelled out in another language than the article's): the lexicons'
    ``org_name_connectors`` and ``acronym_small_words`` (places), ``articles`` (events) and ``name_particles``
    (persons) — "Organizzazione delle Nazioni Unite (Onu)", "Organisation mondiale de la santé (OMS)",
    "Haut-Commissariat des Nations unies pour les réfugiés (HCR)"."""
    out: set[str] = set()
    for lang in lexicons.available_languages():
        for concern, key in (("places", "org_name_connectors"), ("places", "acronym_small_words"),
                             ("events", "articles"), ("persons", "name_particles")):
            out.update(fold_key(str(w)) for w in lexicons.load(lang, concern).get(key) or [])
    return frozenset(out)
