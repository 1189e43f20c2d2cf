"""Lexicon data files: every YAML file under geo/lexicons/ loads as a mapping, and the person-name
lexicons (``persons.yaml``) hold clean, sorted, duplicate-free lists of the right script and size."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from geo import lexicons
from geo.normalize import fold_key

LEXICON_DIR = Path(lexicons.__file__).resolve().parent
LEXICON_FILES = sorted(LEXICON_DIR.glob("*/*.yaml"))

PERSON_LANGS = ("it", "en", "fr", "de", "es", "pl", "uk", "ru")
PERSON_KEYS = ("first_names", "titles")
CYRILLIC_LANGS = frozenset({"uk", "ru"})
# it, en and fr also carry the names of people of any origin frequent in international news.
MIN_FIRST_NAMES = {"it": 400, "en": 400, "fr": 400}
MIN_FIRST_NAMES_OTHER = 200
MIN_TITLES = 60

# A given name: letters, optionally joined by a hyphen or an apostrophe (Jean-Luc, В'ячеслав).
NAME_RE = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
# A title: lower-case words with spaces, hyphens, apostrophes and abbreviation dots (lt. gen., sig.ra).
TITLE_RE = re.compile(r"^[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?$")

# Words that the person lexicons leave out on purpose (see the comment header of each persons.yaml):
# they are places, start place names, or are capitalised common words far more often than given names.
NEVER_FIRST_NAMES = {
    "roma", "paris", "israel", "marina", "asia", "india", "italia", "chad", "lyon", "valencia", "belen",
    "abu", "ben", "don", "san", "santa", "may", "june", "april", "august", "will", "said", "rose", "hope",
    "natale", "domenica", "noel", "slava", "слава", "kim", "lee",
}

# Titles left out on purpose: the recogniser unions titles over all languages, and these are common
# words in some language ("fra Kiev e Mosca", "3 pm Kyiv time", "went on. Russia", "a major Russian");
# the recogniser also matches "col" for "col.", and Italian "col" means "con il".
NEVER_TITLES = {
    "fra", "capo", "pm", "on.", "on", "pan", "car", "por.", "por", "major", "col.", "col", "mm.", "san",
    "santa", "saint",
}

# Given names of people frequent in international news that each of it, en and fr must list.
INTERNATIONAL_NAMES = {
    "volodymyr", "vladimir", "dmitry", "andrzej", "gabrielius", "emmanuel", "sebastien", "olaf", "recep",
    "benjamin", "kamala", "lloyd", "antony", "jens", "mark", "ursula", "kaja", "josep", "antonio", "giorgia",
    "sergio", "mario", "ali", "mohammed", "muhammad", "mohamed", "ahmed", "abdel", "hassan", "yahya",
    "ismail", "bashar", "abiy", "paul", "emmerson", "cyril", "narendra", "shehbaz", "fumio",
}

# Given names that are also places, kept on purpose, somewhere in the union.
PLACE_LIKE_NAMES = {
    "florence", "sofia", "austin", "victoria", "lourdes", "jordan", "georgia", "regina", "nancy", "orlando",
}

# Titles each language must have (the brief's lists for it, en, fr; the core ones elsewhere).
KEY_TITLES = {
    "it": {
        "presidente", "presidentessa", "premier", "ministro", "ministra", "viceministro", "sottosegretario",
        "segretario", "segretaria", "generale", "colonnello", "ammiraglio", "comandante", "capitano",
        "portavoce", "ambasciatore", "senatore", "deputato", "sindaco", "governatore", "papa", "cardinale",
        "don", "padre", "suor", "dottor", "dott.", "prof.", "avv.", "ing.", "sig.", "sig.ra", "signor",
        "signora", "re", "regina", "principe",
    },
    "en": {
        "president", "prime minister", "minister", "secretary", "general", "gen.", "colonel", "lt.",
        "sgt.", "admiral", "commander", "spokesman", "spokeswoman", "spokesperson", "ambassador", "senator",
        "sen.", "rep.", "governor", "gov.", "mayor", "judge", "mr", "mr.", "mrs", "ms", "dr", "dr.", "sir",
        "lord", "lady", "king", "queen", "prince", "pope", "rev.", "father", "sister", "officer", "deputy",
        "chief", "coach",
    },
    "fr": {
        "président", "présidente", "premier ministre", "ministre", "secrétaire", "général", "colonel",
        "amiral", "commandant", "capitaine", "porte-parole", "ambassadeur", "sénateur", "député", "maire",
        "gouverneur", "m.", "mme", "mlle", "monsieur", "madame", "docteur", "pape", "cardinal", "roi",
        "reine",
    },
    "de": {"präsident", "bundeskanzler", "minister", "general", "sprecher", "botschafter", "oberst", "herr"},
    "es": {
        "presidente", "primer ministro", "ministro", "general", "portavoz", "embajador", "coronel", "señor",
    },
    "pl": {"prezydent", "premier", "minister", "generał", "rzecznik", "ambasador", "pułkownik", "pani"},
    "uk": {"президент", "прем'єр-міністр", "міністр", "генерал", "речник", "посол", "полковник", "пан"},
    "ru": {"президент", "премьер-министр", "министр", "генерал", "пресс-секретарь", "посол", "полковник"},
}

# Spellings of the same Russian and Ukrainian names that papers in different languages use.
TRANSLITERATIONS = {"dmitrij", "dmitry", "dmitri", "sergei", "sergej", "sergey", "serguei", "volodymyr"}


def _persons(lang: str) -> dict:
    return lexicons.load(lang, "persons")


def _all_first_names() -> set[str]:
    return {fold_key(n) for lang in PERSON_LANGS for n in _persons(lang)["first_names"]}


def _script(ch: str) -> str:
    return unicodedata.name(ch, "?").split(" ")[0]


# --- every lexicon file ------------------------------------------------------------------------------


def test_lexicon_folder_has_files():
    assert len(LEXICON_FILES) >= len(PERSON_LANGS)


def test_no_lexicon_file_uses_a_suffix_that_load_ignores():
    assert sorted(LEXICON_DIR.glob("*/*.yml")) == []


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_lexicon_file_loads_as_a_non_empty_mapping(path: Path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and raw, f"{path} must hold a non-empty mapping"
    assert all(isinstance(key, str) for key in raw), f"{path}: every top-level key must be a string"
    assert lexicons.load(path.parent.name, path.stem) == raw


# --- persons.yaml --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", PERSON_LANGS)
def test_persons_file_exists_with_the_two_lists_and_nothing_unknown(lang: str):
    assert (LEXICON_DIR / lang / "persons.yaml").is_file()
    assert set(PERSON_KEYS) <= set(_persons(lang)) <= set(PERSON_KEYS) | {"name_particles", "age_words"}


@pytest.mark.parametrize("lang", PERSON_LANGS)
@pytest.mark.parametrize("key", PERSON_KEYS)
def test_persons_lists_are_non_empty_lists_of_clean_strings(lang: str, key: str):
    items = _persons(lang)[key]
    assert isinstance(items, list) and items
    bad = [s for s in items if not isinstance(s, str) or not s.strip() or s != s.strip() or "  " in s]
    assert bad == [], f"{lang}/{key}: not clean non-empty strings: {bad}"


@pytest.mark.parametrize("lang", PERSON_LANGS)
@pytest.mark.parametrize("key", PERSON_KEYS)
def test_persons_lists_have_no_duplicates_after_folding(lang: str, key: str):
    counts = Counter(fold_key(s) for s in _persons(lang)[key])
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("lang", PERSON_LANGS)
@pytest.mark.parametrize("key", PERSON_KEYS)
def test_persons_lists_are_sorted_by_folded_form(lang: str, key: str):
    items = _persons(lang)[key]
    assert items == sorted(items, key=lambda s: (fold_key(s), s))


@pytest.mark.parametrize("lang", PERSON_LANGS)
def test_first_names_are_capitalised_single_words_of_three_letters_or_more(lang: str):
    bad = [
        n for n in _persons(lang)["first_names"]
        if not NAME_RE.match(n) or not n[0].isupper() or len(fold_key(n)) < 3
    ]
    assert bad == []


@pytest.mark.parametrize("lang", PERSON_LANGS)
def test_titles_are_lower_case_words(lang: str):
    bad = [t for t in _persons(lang)["titles"] if t != t.lower() or not TITLE_RE.match(t)]
    assert bad == []


@pytest.mark.parametrize("lang", PERSON_LANGS)
@pytest.mark.parametrize("key", PERSON_KEYS)
def test_persons_lists_are_written_in_the_language_script(lang: str, key: str):
    expected = "CYRILLIC" if lang in CYRILLIC_LANGS else "LATIN"
    bad = [s for s in _persons(lang)[key] if any(ch.isalpha() and _script(ch) != expected for ch in s)]
    assert bad == [], f"{lang}/{key}: letters outside the {expected} script: {bad}"


@pytest.mark.parametrize("lang", PERSON_LANGS)
def test_persons_lists_are_large_enough(lang: str):
    data = _persons(lang)
    assert len(data["first_names"]) >= MIN_FIRST_NAMES.get(lang, MIN_FIRST_NAMES_OTHER)
    assert len(data["titles"]) >= MIN_TITLES


def test_deliberately_excluded_words_are_in_no_first_name_list():
    assert _all_first_names() & NEVER_FIRST_NAMES == set()


def test_titles_that_are_common_words_elsewhere_are_in_no_title_list():
    titles = {fold_key(t) for lang in PERSON_LANGS for t in _persons(lang)["titles"]}
    assert titles & NEVER_TITLES == set()


@pytest.mark.parametrize("lang", ("it", "en", "fr"))
def test_international_names_are_listed_in_it_en_fr(lang: str):
    names = {fold_key(n) for n in _persons(lang)["first_names"]}
    assert INTERNATIONAL_NAMES - names == set()


def test_transliteration_variants_are_in_the_union():
    assert TRANSLITERATIONS - _all_first_names() == set()


def test_given_names_that_are_also_places_are_kept():
    assert PLACE_LIKE_NAMES - _all_first_names() == set()


@pytest.mark.parametrize("lang", PERSON_LANGS)
def test_key_titles_are_present(lang: str):
    titles = {fold_key(t) for t in _persons(lang)["titles"]}
    missing = {fold_key(t) for t in KEY_TITLES[lang]} - titles
    assert missing == set()


def test_fold_is_idempotent_and_keeps_length():
    from geo.normalize import fold

    sample = "Ðakovo Þórshöfn Ħamrun Zaporižžja d’Italia İstanbul Łódź ÆØÅ Straße"
    assert len(fold(sample)) == len(sample)
    assert fold(fold(sample)) == fold(sample)


def test_fold_reads_a_backtick_as_an_apostrophe_in_ascii_and_accented_texts_alike():
    """A sentence folds the same alone (ASCII) and inside its document (which may hold an accent)."""
    from geo.normalize import fold

    sentence = "Colpito l`altro ieri a `Ajlun."
    assert fold(sentence) == "colpito l'altro ieri a 'ajlun."
    for document in ("Città di confine. " + sentence, "x" * 600 + sentence, "é" * 600 + sentence):
        assert fold(document).endswith(fold(sentence)), document[:20]


# ---------------------------------------------------------------------------------------------------------
# The schema (geo/lexicons/schema.yaml)
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_lexicon_file_follows_the_schema(path):
    lexicons.check(path, path.stem, yaml.safe_load(path.read_text(encoding="utf-8")) or {})


@pytest.mark.parametrize(("concern", "data", "message"), [
    ("places", {"locatives": ["in"]}, r"xx/places.yaml: unknown key 'locatives'"),
    ("places", {"locative": "in"}, r"key 'locative' must be a list, not str"),
    ("figures", {"figures": {"kinds": {}, "persns": []}}, r"unknown key figures.'persns'"),
    ("events", {"attack": []}, r"missing key"),
    ("weather", {}, r"no schema for lexicon files named weather.yaml"),
    # "[to, of, on]" unquoted: YAML reads "on" (and "no", "off", "yes") as a boolean, and the word is lost
    ("places", {"org_name_connectors": ["to", "of", True]}, r"key 'org_name_connectors' holds a word YAML reads"),
    ("figures", {"figures": {"kinds": {}, "persons": [False]}}, r"key figures.'persons' holds a word YAML reads"),
    # mappings that are no sections, at any depth: a key, a value or a list's word read as a boolean
    ("dates", {"days": {"today": 0, False: 1}}, r"key 'days' holds a word YAML reads as a boolean"),
    ("dates", {"last_n": {"prefixes": ["in the past", True]}},
     r"key 'last_n' holds a word YAML reads as a boolean \(on, off, yes, no\) \(under 'prefixes'\)"),
    ("places", {"elisions": {"l": True}}, r"key 'elisions' holds a word YAML reads as a boolean"),
    ("figures", {"figures": {"kinds": {"killed": ["dead", False]}}},
     r"key figures.'kinds' holds a word YAML reads as a boolean \(under 'killed'\)"),
])
def test_a_file_off_the_schema_fails_naming_file_and_key(concern, data, message):
    from geo.errors import LexiconSchemaError

    with pytest.raises(LexiconSchemaError, match=message):
        lexicons.check(Path("geo/lexicons/xx") / f"{concern}.yaml", concern, data)


class _DuplicateKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping naming one key twice (PyYAML keeps the last silently)."""


def _refuse_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"line {key_node.start_mark.line + 1}: key {key!r} given twice "
                             f"(first on line {seen[key] + 1})")
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_DuplicateKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _refuse_duplicates)

_PROJECT_YAML = sorted(p for folder in ("geo", "layers", "benchmarks")
                       for p in (Path(__file__).parent.parent / folder).rglob("*.yaml"))


def test_the_duplicate_key_check_sees_a_key_given_twice():
    with pytest.raises(ValueError, match="'documents' given twice"):
        yaml.load("panel:\n  documents: Documents\n  documents: 2 documents\n", Loader=_DuplicateKeyLoader)


@pytest.mark.parametrize("path", _PROJECT_YAML, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_data_file_of_the_project_names_a_key_twice(path: Path):
    # a second entry under the same key silently replaces the first (a panel tab read "[object Object]")
    yaml.load(path.read_text(encoding="utf-8"), Loader=_DuplicateKeyLoader)
