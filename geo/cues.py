"""The recogniser's lexicons, loaded per language: cue words, aliases, word frequencies.

Every word list of ``geo/lexicons/<lang>/places.yaml`` (and the person, demonym, alias and region
files) is read once per language into a :class:`Cues`, folded like the text it is compared with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

from geo import lexicons
from geo.normalize import fold_key


@dataclass(frozen=True)
class Cues:
    """The word lists one language contributes, folded."""

    not_places: frozenset[str]
    common_words: frozenset[str]
    stopwords: frozenset[str]
    titles: frozenset[str]
    title_first_words: frozenset[str]
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
    feature_connectors: frozenset[str] = frozenset()
    direction_before: frozenset[str] = frozenset()
    direction_after: frozenset[str] = frozenset()
    capitalised_heads: bool = False
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
    home_countries: frozenset[str] = frozenset()
    start_words: frozenset[str] = frozenset()
    known_places: frozenset[str] = frozenset()
    bare_heads: frozenset[str] = frozenset()
    unknown_place_after: frozenset[str] = frozenset()
    club_articles_feminine: frozenset[str] = frozenset()
    feminine_clubs: frozenset[str] = frozenset()
    subject_words: frozenset[str] = frozenset()  # verbs after a subject: "Vasto ha approvato", "Split is"
    town_words: frozenset[str] = frozenset()  # "Marion residents", "Bend police"
    own_stopwords: frozenset[str] = frozenset()  # the language's own: "Los Angeles County" in English


@cache
def _all_first_names() -> frozenset[str]:
    names: set[str] = set()
    for lang in lexicons.available_languages():
        names.update(fold_key(n) for n in lexicons.load(lang, "persons").get("first_names") or [])
    return frozenset(names)


@cache
def cues_for(lang: str) -> Cues:
    """Load and fold the recogniser's lexicons for ``lang`` (English fills the gaps)."""
    langs = [lang] if lang == "en" else [lang, "en"]

    def gather(concern: str, key: str, languages=langs) -> frozenset[str]:
        out: set[str] = set()
        for lg in languages:
            out.update(fold_key(str(w)) for w in lexicons.load(lg, concern).get(key) or [])
        return frozenset(out)

    all_langs = lexicons.available_languages()
    return Cues(
        not_places=gather("places", "not_places", all_langs),
        common_words=gather("places", "common_words", langs),
        stopwords=gather("language", "stopwords", all_langs),
        titles=gather("persons", "titles", langs),
        title_first_words=frozenset(t.split()[0].rstrip(".") for t in gather("persons", "titles", langs) if t),
        first_names=_all_first_names(),
        name_particles=gather("persons", "name_particles", all_langs),
        not_surnames=gather("places", "not_surnames", langs),
        locative=gather("places", "locative", [lang]),
        area_cues=gather("places", "area_cues", [lang]) | gather("places", "area_cues_plural", [lang]),
        area_cues_plural=gather("places", "area_cues_plural", [lang]),
        start_words=frozenset(str(w).lower() for w in lexicons.load(lang, "places").get("start_words") or []),
        own_stopwords=gather("language", "stopwords", [lang]),
        known_places=gather("places", "known_places", [lang]),
        bare_heads=gather("places", "bare_heads", [lang]),
        unknown_place_after=gather("places", "unknown_place_after", [lang]),
        club_articles_feminine=gather("places", "club_articles_feminine", [lang]),
        feminine_clubs=gather("places", "feminine_clubs", [lang]),
        subject_words=gather("places", "actor_verbs", [lang]) | gather("places", "speech_verbs", [lang])
        | gather("places", "town_words", [lang]),
        town_words=gather("places", "town_words", [lang]),
        home_countries=frozenset(str(c) for c in lexicons.load(lang, "places").get("home_countries") or []),
        area_suffixes=gather("places", "area_suffixes", [lang]),
        admin1_suffixes=gather("places", "admin1_suffixes", [lang]),
        origin_words=gather("places", "origin_words", [lang]),
        admin1_suffix_countries=frozenset(
            str(c) for c in lexicons.load(lang, "places").get("admin1_suffix_countries") or []),
        admin2_suffixes=gather("places", "admin2_suffixes", langs),
        demonyms=gather("demonyms", "demonyms", [lang]),  # French "suisse" is no demonym in English
        lang=lang,
        speech_verbs=gather("places", "speech_verbs", [lang]),
        org_heads=gather("places", "org_heads", langs),
        org_tails=gather("places", "org_tails", langs),
        club_articles=gather("places", "club_articles", [lang]),
        cities_with_article=gather("places", "cities_with_article", [lang]),
        span_prefixes=tuple(sorted(gather("places", "span_prefixes", [lang]), key=len, reverse=True)),
        abbreviations=tuple(sorted(
            (fold_key(str(k)), fold_key(str(v)))
            for lg in langs for k, v in (lexicons.load(lg, "places").get("abbreviations") or {}).items()
        )),
        feature_heads=gather("places", "feature_heads", [lang]),
        street_heads=gather("places", "street_heads", [lang]),
        feature_suffixes=(gather("places", "feature_suffixes", [lang]) | gather("places", "street_suffixes", [lang])
                          | gather("places", "admin2_suffixes", langs)),
        natural_suffixes=gather("places", "feature_suffixes", [lang]),
        feature_connectors=gather("places", "feature_connectors", [lang]),
        direction_before=gather("places", "direction_before", [lang]),
        direction_after=gather("places", "direction_after", [lang]),
        institution_heads=gather("places", "institution_heads", [lang]),
        ambiguous_heads=gather("places", "ambiguous_heads", [lang]),
        sports_cues=gather("places", "sports_cues", [lang]),
        sports_cues_beside=gather("places", "sports_cues_beside", [lang]),
        admin2_plurals=gather("places", "admin2_plurals", langs),
        locality_after=frozenset(str(w) for w in lexicons.load(lang, "places").get("locality_after") or []),
        locality_before=gather("places", "locality_before", [lang]),
        province_codes=lexicons.load(lang, "places").get("province_codes"),
        capitalised_heads=bool(lexicons.load(lang, "places").get("feature_heads_capitalised")),
    )


@cache
def aliases() -> dict[str, tuple[str, ...]]:
    """Folded alias -> entity ids, from every language's ``aliases.yaml``."""
    out: dict[str, list[str]] = {}
    for lang in lexicons.available_languages():
        for alias, entity_id in (lexicons.load(lang, "aliases").get("aliases") or {}).items():
            out.setdefault(fold_key(str(alias)), []).append(str(entity_id))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


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
    whichever is higher, from the ``wordfreq`` package; 0 where it has no data."""
    from wordfreq import available_languages, zipf_frequency

    langs = {"en"} | ({lang} if lang in _wordfreq_languages(available_languages) else set())
    return max(zipf_frequency(word, lg) for lg in langs)


@lru_cache(maxsize=1)
def _wordfreq_languages(available_languages) -> frozenset[str]:
    return frozenset(available_languages())


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
