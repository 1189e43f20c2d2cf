"""Recognition as a weighed decision: named features of a name the rules kept, weights kept in data.

The recogniser (:mod:`geo.toponyms`) finds gazetteer names and drops, by named hard rules, what is
surely no place (masks, demonyms, acronyms, common words). What is left may still be a name that
only *looks* like a place: a country's abbreviation used as an adjective ("U.S. troops", "la marina
USA"), a place closing the name of a mission, a command or a committee ("the Monitoring Mission to
Ukraine", "the Resistance Committee of a town"), a country before the name of its police. Those
readings are weighed here: each kept name gets *named features*, and the name stays when

    score = bias + sum over features f of value(f) * weight[f]

is not below zero. The weights live in ``geo/data/weights/recognition.yaml``, fitted by
``geo/data/fit_recognition.py`` (``make weights``) on real reporting (``../shared/eval/news_train``),
the train splits of LGL and GeoWebNews and the sentences of ``geo/data/sources/recognition_examples.yaml``,
with document-level cross-validation printed by the same command; nothing here is hand-set. Without a
weights file every name the rules kept stays.

Features (lexicon keys of ``geo/lexicons/<lang>/places.yaml`` in brackets):

``abbreviation_before_modifier``
    A country's abbreviation ("U.S.", "US", "UK") right before a noun of forces or diplomacy
    (``modifier_nouns``), or a word or two before it after a capitalised word or "and": "U.S. troops",
    "a US battalion", "the U.S. Embassy", "U.S. Central Command", "U.S. and coalition forces".
``abbreviation_after_modifier``
    The same abbreviation right after such a noun, as Romance languages write it: "la marina USA".
``abbreviation_hyphen_pair``
    The abbreviation joined by a hyphen to another name: "the U.S.-Romania partnership".
``name_before_modifier``
    A country's full name before such a noun ("Myanmar military"): weighed apart from abbreviations.
``after_org_head``
    Right after a capitalised head of an organisation's name (``org_name_heads``): "Joint Force
    Command Brunssum", "the Task Group Baltic".
``inside_org_name``
    A capitalised head of an organisation's name (``org_name_heads``: Mission, Force, Command,
    Committee, Alliance...) earlier in the same run of capitalised words and connectors
    (``org_name_connectors``: to, in, for, de...): "the Monitoring Mission to Ukraine", "the Interim
    Force in Lebanon", "Joint Force Command Brunssum", "el Mando Sur de Estados Unidos".
``inside_org_name_loose``
    The same with up to two lower-case words between: "il Comando europeo degli Stati Uniti".
``org_name_locative``
    Either, when the word right before the name is a locative (lexicon ``locative``): "the Agency in
    Columbus", "la Mission de l'ONU en RDC" name where the body is, more often than its name.
``country_before_org_word`` / ``area_before_org_word`` / ``town_before_org_word``
    A country (a first-level unit or a region; a town) right before a capitalised word of an organisation's name
    (``org_name_heads``), within two words: "Kosovo Police", "the Wad Madani Resistance Committee".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.cues import acronym_aliases
from geo.lexicons import read_yaml
from geo.normalize import fold_key
from geo.sentences import LIST_JOINERS

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights" / "recognition.yaml"

FEATURES = ("abbreviation_before_modifier", "abbreviation_after_modifier", "abbreviation_hyphen_pair",
            "name_before_modifier", "after_org_head", "inside_org_name", "inside_org_name_loose", "org_name_locative",
            "country_before_org_word", "area_before_org_word", "town_before_org_word")

#: How many tokens back an organisation's head may stand before the name.
ORG_NAME_WINDOW = 12
#: Lower-case words (not connectors) allowed between the head and the name in the loose reading.
ORG_NAME_LOOSE_WORDS = 2
#: An abbreviation has at most this many letters ("U.S.", "USA").
ABBREVIATION_MAX_LETTERS = 4

_AREA_KINDS = ("country", "admin1", "region")
_NAME_GAPS = (" ", "-", "'", "’", " '")


def feature_names() -> list[str]:
    """The names of the recognition features, in a fixed order."""
    return list(FEATURES)


@dataclass(frozen=True)
class RecognitionWeights:
    """Fitted weights: a name stays when ``bias + sum(value * weight)`` is not below zero."""

    bias: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        """The keep score of a name with these features."""
        weight = self.weights.get  # a list, not a generator: this runs for every name kept
        return self.bias + sum([v * weight(k, 0.0) for k, v in features.items()])

    def keep(self, features: dict[str, float]) -> bool:
        """Whether a name with these features stays a place (no feature: always)."""
        return not features or self.score(features) >= 0.0


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> RecognitionWeights | None:
    """The fitted weights, or ``None`` when none have been fitted (every kept name then stays).

    Raises
    ------
    ValueError
        When the file names a feature this module does not compute (refit).
    """
    if not path.is_file():
        return None
    data = read_yaml(path) or {}
    unknown = sorted(set(data.get("weights") or {}) - set(FEATURES))
    if unknown:
        raise ValueError(f"{path}: unknown feature(s) {', '.join(unknown)}; refit with geo/data/fit_recognition.py")
    return RecognitionWeights(float(data["bias"]), {k: float(v) for k, v in (data.get("weights") or {}).items()})


def _abbreviation(surface: str) -> bool:
    """"U.S.", "USA", and the abbreviations the lexicons write in capitals, in any case ("Usa")."""
    letters = [c for c in surface if c.isalpha()]
    if not 2 <= len(letters) <= ABBREVIATION_MAX_LETTERS or not all(c.isalpha() or c == "." for c in surface):
        return False
    return all(c.isupper() for c in letters) or (letters[0].isupper() and fold_key(surface) in acronym_aliases())


def hit_features(tokens: list, i: int, length: int, start: int, end: int, cands, text: str, cues,
                 sentence_starts: frozenset[int] | set[int] = frozenset(), town_cue: bool = False) -> dict[str, float]:
    """The named features of the gazetteer hit ``text[start:end]`` (tokens ``i`` to ``i + length``).

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    i, length : int
        The hit's first token and its number of tokens.
    start, end : int
        Its character offsets (``end`` may include an abbreviation's dot).
    cands : list of geo.gazetteer.Candidate
        Its readings.
    text : str
    cues : geo.cues.Cues
        The lexicons (``modifier_nouns``, ``org_name_heads``, ``org_name_connectors``).
    sentence_starts : set of int, optional
        Offsets where sentences start: a head there is a capitalised first word, not a name's.
    town_cue : bool, optional
        A town's word follows or precedes a name with a town among its readings ("Lebanon Police
        Department", lexicon ``locality_after``): the words after it name the town's bodies, so the
        ``*_before_org_word`` features do not fire (they do for "Kosovo Police": no town of that name).

    Returns
    -------
    dict of str to float
        Only the features that fire (value 1.0); empty for most names.
    """
    out: dict[str, float] = {}
    area = any(c.primary and c.entity.kind in _AREA_KINDS for c in cands)
    country = any(c.entity.kind == "country" for c in cands)
    country_first = bool(cands) and cands[0].primary and cands[0].entity.kind == "country"
    surface = text[start:end]
    k = i + length
    while k < len(tokens) and tokens[k].start < end:
        k += 1  # past the hit (an abbreviation's dot is no token)
    nxt = tokens[k] if k < len(tokens) else None
    gap_after = text[end : nxt.start] if nxt is not None else ""
    prev = tokens[i - 1] if i else None
    gap_before = text[prev.end : start] if prev is not None else ""
    if country and _abbreviation(surface):
        if nxt is not None and gap_after in (" ", "-") and _noun_ahead(tokens, k, text, cues):
            out["abbreviation_before_modifier"] = 1.0
        if prev is not None and gap_before == " " and prev.key in cues.modifier_nouns:
            out["abbreviation_after_modifier"] = 1.0
        if nxt is not None and gap_after == "-" and nxt.capitalised:
            out["abbreviation_hyphen_pair"] = 1.0
    elif country and nxt is not None and gap_after == " " and not nxt.capitalised and nxt.key in cues.modifier_nouns:
        out["name_before_modifier"] = 1.0
    if cues.org_name_heads:
        strict, loose = _inside_org_name(tokens, i, text, cues, sentence_starts)
        if (strict or loose) and tokens[i - 1].key in cues.locative and not tokens[i - 1].capitalised:
            out["org_name_locative"] = 1.0
        elif strict and i and tokens[i - 1].key in cues.org_name_heads and text[tokens[i - 1].end : start] == " ":
            out["after_org_head"] = 1.0
        elif strict:
            out["inside_org_name"] = 1.0
        elif loose:
            out["inside_org_name_loose"] = 1.0
        j = len(tokens) if town_cue else k
        while j < len(tokens) and j < k + 2 and tokens[j].capitalised \
                and text[tokens[j - 1].end if j > k else end : tokens[j].start] == " ":
            if tokens[j].key in cues.org_name_heads:
                out["country_before_org_word" if country_first else "area_before_org_word" if area
                    else "town_before_org_word"] = 1.0
                break
            j += 1
    return out


def _noun_ahead(tokens: list, k: int, text: str, cues) -> bool:
    """A noun of ``modifier_nouns`` at token k, or one or two words on after a capitalised word or a list
    joiner: "U.S. troops", "U.S. Central Command", "U.S. and coalition forces"; not "U.S. officials said
    the troops"."""
    if tokens[k].key in cues.modifier_nouns:
        return True
    if not (tokens[k].capitalised or tokens[k].key in LIST_JOINERS):
        return False
    for j in (k + 1, k + 2):
        if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start] != " ":
            return False
        if tokens[j].key in cues.modifier_nouns:
            return True
    return False


def _inside_org_name(tokens: list, i: int, text: str, cues, sentence_starts) -> tuple[bool, bool]:
    """(strict, loose): a capitalised organisation head stands before token i in one run of names and
    connectors (strict), or with up to two lower-case words among them (loose)."""
    lower = 0
    j = i - 1
    while j >= 0 and i - j <= ORG_NAME_WINDOW:
        if text[tokens[j].end : tokens[j + 1].start] not in _NAME_GAPS:
            return False, False  # punctuation: the run ends
        tok = tokens[j]
        if tok.capitalised and tok.key in cues.org_name_heads and tok.start not in sentence_starts:
            return lower == 0, lower <= ORG_NAME_LOOSE_WORDS
        if not tok.capitalised and tok.key not in cues.org_name_connectors:
            lower += 1
            if lower > ORG_NAME_LOOSE_WORDS:
                return False, False
        j -= 1
    return False, False
