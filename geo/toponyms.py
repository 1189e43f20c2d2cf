"""Recognition: find the place names in a text, with exact character offsets.

The recogniser is gazetteer-driven and rule-filtered:

1. **Tokens** are runs of letters and digits; a candidate name is a run of 1 to
   ``gazetteer.max_name_tokens`` tokens joined only by a space, a hyphen, an apostrophe
   or an abbreviation dot ("St. Louis").  Its first token must be capitalised, so
   elided prepositions fall away by themselves: in "dell'Ucraina" only "Ucraina" starts
   a candidate, while "L'Aquila" is matched whole.  The longest name the gazetteer
   knows wins.
2. **Masks** (:mod:`geo.masks`) come first and hide spans from the gazetteer:
   buildings and institutions (lexicon ``not_places``: "Quai d'Orsay", "Casa Bianca")
   are not toponyms — the documented rule is *no mention*, never the place they stand
   for; person names are found from titles ("il generale", "spokeswoman") and first
   names, and a surname seen in a person name is not a place later in the same document
   ("Austin" after "Lloyd Austin") unless a locative preposition introduces it;
   organisations and teams hide the place in their names.
3. **Filters** drop single words that are common words first (lexicon
   ``common_words`` and function words), a capitalised word at a sentence start that
   the document also writes in lower case, acronyms (unless a country code such as
   "USA" or a dateline), and names known only as a minor alternate spelling of a small
   place.
4. **Features** (:mod:`geo.features`): a name framed by a feature word ("fiume Dyfi",
   "Wichita Drive") is one mention, resolved through the whole phrase or, after a natural
   head, the place it names; never the town inside a street's name.
Places inside organisations' names are no mentions ("Banca d'Italia", "University of Kent");
places in lower-case phrases are ("accordi di Minsk"). The lexicons are read by :mod:`geo.cues`,
the tokens made by :mod:`geo.sentences`.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from geo.cues import (
    Cues,
    acronym_aliases,
    aliases,
    comma_aliases,
    common_word_margin,
    cues_for,
    lookup_candidates,
    lowercase_phrases,
    name_continues,
    own_aliases,
    word_frequency,
)
from geo.dates import calendar_words
from geo.features import feature_spans
from geo.masks import (
    CONNECTORS,
    JOINER_GAPS,
    NAME_WORD_MAX_ZIPF,
    SPEAKER_MAX_POPULATION,
    UNKNOWN_WORD_MAX_ZIPF,
    acronym_spans,
    age_spans,
    club_list_spans,
    fixture_spans,
    match_verb_spans,
    name_like,
    opponent_spans,
    organisation_heads,
    organisation_spans,
    person_spans,
    phrase_spans,
    player_spans,
    scorer_spans,
    spelled_after_spans,
    table_spans,
)
from geo.normalize import fold, fold_key
from geo.recognition_model import hit_features
from geo.recognition_model import load_weights as load_recognition_weights
from geo.sentences import LIST_JOINERS, OF_WORDS, Token, joins_list, sentence_at, split_sentences, tokenize

MAX_TOKENS = 6
_FITTED = object()  # find_toponyms' default: the fitted recognition weights
#: Entities at least this populous may be found through a minor alternate name.
ALTERNATE_NAME_MIN_POPULATION = 100_000
#: Towns below this many people are in the gazetteer as seats of administrative divisions only (GeoNames
#: cities500), most with no population recorded: their names are kept as a small town's minor spelling is, after a
#: locative or a town cue and not before a number ("in Talla 2" is a room).
SEAT_NAME_MAX_POPULATION = 500
#: A one-word city name is kept only when log10(population) exceeds the word's Zipf
#: frequency by this margin (one unit less after a locative preposition: "in Reading").
COMMON_WORD_MARGIN = 0.3
#: A small town named like a person and followed by a speech verb ("Taylor said") is a person.
#: An airport or station named bare after a town ("aeroporto Fiumicino") is located at a town this big.
BARE_HEAD_MIN_POPULATION = 10_000
#: A name that starts with an article and names a town this big keeps its article before a longer name
#: ("Los Angeles City Council"); a smaller one gives way to it ("La Unión Europea" is no "La Unión").
ARTICLE_NAME_MIN_POPULATION = 100_000
#: Beside "&", a name is a firm's unless it is an area or a city this big ("Jammu & Kashmir"; not "Bed
#: Bath & Beyond": Bath, 101,557; "Salt + Smoke": Salt, 107,874).
AMPERSAND_CITY_MIN_POPULATION = 200_000
#: French "à" asks for a town when one of the name's towns is a capital or this big ("à Luxembourg"); not
#: before an island's small namesake ("à Crète").
TOWN_PREPOSITION_MIN_POPULATION = 100_000
#: A first name that is a town smaller than this, alone, is the person ("il ruolo di Arnold").
FIRST_NAME_TOWN_MAX = 50_000
#: In a language that capitalises nouns, a word this frequent (Zipf) is a noun before a foreign unit's name.
NOUN_UNIT_MIN_ZIPF = 4.0
#: Rule MINOR_SPELLING_IN_NAME: a name this short whose one main reading is a seat under a large town's alternate
#: name, in the town's country, is an acronym ("Anci").
MINOR_SPELLING_MAX_LETTERS = 4
#: Rule MISSPELT_COMPOUND: the first word of a hyphenated name is read one letter off from this length on.
MISSPELT_MIN_LETTERS = 4


@dataclass
class Span:
    """A recognised place name, before resolution."""

    start: int
    end: int
    surface: str
    candidates: list = field(default_factory=list)  # gazetteer Candidates, ranked; [] = unresolved
    sentence: tuple[int, int] = (0, 0)
    area_hint: bool = False  # "la zona di Kharkiv": prefer the admin-1 unit
    locality_hint: bool = False  # "Palestine police", "the mayor of Lebanon": prefer a town
    not_town: bool = False  # "au Québec", "du Mali": a country or a province, not a town
    context: list = field(default_factory=list)  # "Morecambe Road": the town it is named after, a hint only
    dateline: bool = False
    features: dict = field(default_factory=dict)  # the weighed features that fired (geo/recognition_model.py)
    compass: bool = False  # "North East", "West Coast": a part of the report's country (rule COMPASS_ABROAD)
    settlement: bool = False  # named after a settlement word the gazetteer lacks ("the village of X"): geo.approximate


class _SpanSet:
    """Character spans (masks, persons), for overlap tests in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``."""
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.reach[k - 1] > start


def _overlaps(start: int, end: int, spans: _SpanSet) -> bool:
    return spans.overlaps(start, end)


def unknown_list_gap(gap: str) -> bool:
    """Whether ``gap`` holds only a comma or a list joiner between two names: the next name of a list of unknown
    places (read here and by :mod:`geo.approximate`, "the villages of X and Z").

    Parameters
    ----------
    gap : str
        The folded, lower-case text between two names.

    Returns
    -------
    bool
    """
    words = gap.replace(",", " ").split()
    return (gap.strip() == "," or (len(words) == 1 and words[0] in LIST_JOINERS)) and "\n" not in gap


def _seat_shadowing(cand, cands) -> bool:
    """Whether ``cand`` is a seat of under :data:`SEAT_NAME_MAX_POPULATION` people (GeoNames records most with no
    population) whose main name is only an alternate name of a town of :data:`ALTERNATE_NAME_MIN_POPULATION` or
    more among ``cands``: the seat is then no main reading of the name ("Ikorodu", "Tenerife" stay the large towns)."""
    e = cand.entity
    return e.kind == "city" and e.population < SEAT_NAME_MAX_POPULATION and not e.capital_of and any(
        not other.primary and other.entity.population >= ALTERNATE_NAME_MIN_POPULATION for other in cands)


def _seat_of_its_own_town(cands) -> bool:
    """Whether a main reading among ``cands`` is a seat that :func:`_seat_shadowing` sets aside under a large
    town of the same country, whose alternate name it is (Anci District under Langfang, both Chinese); not
    a seat abroad (an Indonesian "Tiro" under Tyre, Lebanon). The largest town the name is an alternate name of
    is the one compared: an Indonesian seat "Bone" and an Indonesian town of that alternate name leave "Bône"
    (Annaba, Algeria, larger) a place."""
    towns = [o for o in cands if not o.primary and o.entity.population >= ALTERNATE_NAME_MIN_POPULATION]
    if not towns:
        return False
    country = max(towns, key=lambda o: o.entity.population).entity.country
    return any(c.primary and _seat_shadowing(c, cands) and c.entity.country == country for c in cands)


def find_toponyms(text: str, *, lang: str, gazetteer, dateline=None, reading=None, weights=_FITTED) -> list[Span]:
    """Find the place names in ``text``.

    Parameters
    ----------
    text : str
        Document text.
    lang : str
        Language code; selects the lexicons.
    gazetteer : geo.gazetteer.Gazetteer
        Names to look for.
    dateline : geo.dates.Dateline, optional
        The document's dateline; its place is always taken if the dateline is sure (``Dateline.sure``).
    reading : geo.doc.Reading, optional
        The text already read (folded, tokens, sentences) by the document model; read here otherwise.
    weights : geo.recognition_model.RecognitionWeights or None, optional
        The weights of the weighed recognition; by default those of ``geo/data/weights/recognition.yaml``;
        ``None`` keeps every name the rules keep (the fit reads the features then).

    Returns
    -------
    list of Span
        Non-overlapping spans in text order, each with its ranked candidates.
    """
    cues = cues_for(lang)
    if weights is _FITTED:
        weights = load_recognition_weights()
    if reading is not None and reading.text == text:
        folded, tokens, sentences = reading.folded, reading.tokens, reading.sentences
    else:
        folded = fold(text)
        tokens = tokenize(text, folded)
        sentences = split_sentences(text) or [(0, len(text))]
    sentence_starts = {s for s, _ in sentences}
    masked = phrase_spans(folded, cues.not_places, set(map(_KEY, tokens)))
    headline = _headline_tokens(tokens, sentences, cues.stopwords)
    persons, surnames = person_spans(tokens, text, cues, gazetteer, headline)
    persons += age_spans(tokens, text, cues)
    persons += scorer_spans(tokens, text, cues, sentences)
    masked += organisation_spans(tokens, text, cues)
    masked += acronym_spans(tokens, text, gazetteer)
    masked += spelled_after_spans(tokens, text, gazetteer)
    masked += fixture_spans(tokens, text, cues, gazetteer)
    masked += opponent_spans(tokens, text, cues, sentences)
    masked += match_verb_spans(tokens, text, cues, sentences)
    masked += club_list_spans(tokens, text, cues, gazetteer)
    masked += table_spans(tokens, text, cues, sentences, gazetteer)
    masked += player_spans(tokens, text, cues, sentences, gazetteer)
    masked, persons = _SpanSet(masked), _SpanSet(persons)
    lowercase_words = {t.key for t in tokens if t.text.islower()}
    name_words: dict[str, str] = {}  # words seen in people's names beside a place name -> how
    dl_span = (dateline.place_start, dateline.place_end) if dateline and dateline.place_start is not None and \
        dateline.sure else None
    max_n = min(MAX_TOKENS, getattr(gazetteer, "max_name_tokens", MAX_TOKENS))

    spans: list[Span] = []
    features = feature_spans(tokens, text, heads=cues.feature_heads | cues.street_heads,
                             suffixes=cues.feature_suffixes, connectors=cues.feature_connectors,
                             stopwords=cues.own_stopwords, capitalised_heads=cues.capitalised_heads,
                             units=cues.admin2_suffixes,
                             abbreviations=frozenset(short.rstrip(".") for short, _ in cues.abbreviations),
                             headline=headline,
                             place_at=lambda k: any(c.primary for c in lookup_candidates(gazetteer, tokens[k].key)),
                             bare_heads=cues.bare_heads)
    unknown_end = -1  # end of the last place listed unresolved after a locality word ("le località di A e B")
    lower_heads, lower_phrases = lowercase_phrases()
    # Most words start nothing: no feature, no name in capitals nor in lower case. The loop visits the
    # others only, in text order, each at most once (a name read moves ``i`` on past its tokens).
    visits = [k for k, t in enumerate(tokens) if t.capitalised or t.key in lower_heads or k in features]
    i = v = 0
    while (v := bisect_left(visits, i, v)) < len(visits):  # the next token to visit, from ``i`` on
        i = visits[v]
        tok = tokens[i]
        feature = features.get(i)
        not_town = False
        if tok.capitalised:
            hit = _longest_hit(tokens, i, _joined(tokens, i, text, max_n), max_n, text, folded, gazetteer, cues)
            if cues.article_contractions and i and text[tokens[i - 1].end : tok.start] == " ":
                contracted = _contracted_hit(tokens, i, _joined(tokens, i, text, max_n), max_n, folded, gazetteer,
                                             cues)
                not_town = contracted is None and tokens[i - 1].key in cues.not_town_after
                hit = contracted or hit
        elif tok.key in lower_heads:  # "i paesi baltici", "les pays baltes": as the lexicon writes them
            hit = _longest_hit(tokens, i, _joined(tokens, i, text, max_n), max_n, text, folded, gazetteer, cues)
            if hit is not None and (hit[0] < 2 or folded[hit[1] : hit[2]] not in lower_phrases
                                    or tok.start and text[tok.start - 1] == "-"):
                hit = None  # "nord-est de l'Ukraine" is no "est de l'Ukraine"
        else:
            hit = None
        if feature is not None and not _is_feature(feature, tokens, hit, cues):
            feature = None
        if feature is not None and (hit is None or hit[2] < feature.end):
            # A street, river or district: one mention, resolved only through the whole phrase
            # or, after a natural or administrative head, through the place it names.
            if not _overlaps(feature.start, feature.end, masked) and not _overlaps(feature.start, feature.end, persons):
                cands, name_start = _feature_candidates(feature, tokens, folded, gazetteer, cues)
                inner = hit[3] if hit is not None else lookup_candidates(gazetteer, folded[name_start:feature.end])
                if not cands and tokens[feature.first].key in cues.bare_heads:
                    # "aeroporto Fiumicino" is at Fiumicino; "stazione Termini" at no town of that name
                    cands = [c for c in inner if c.primary and c.entity.kind == "city"
                             and c.entity.population >= BARE_HEAD_MIN_POPULATION]
                context = [] if cands else [c for c in inner if c.primary]  # "quartiere Jabalia": near Jabalia
                spans.append(Span(feature.start, feature.end, text[feature.start : feature.end], cands,
                                  sentence_at(sentences, feature.start),
                                  area_hint=_area_hint(folded, name_start, cues), context=context))
            i = feature.last + 1
            continue
        unknown = _may_name_unknown(tok, hit, cues, masked, persons)
        if unknown and cues.unknown_place_after and (
                _after_phrase(folded, tok.start, cues.unknown_place_after)
                or (unknown_end >= 0 and unknown_list_gap(folded[unknown_end : tok.start]))):
            last = _unknown_name_last(tokens, i, text, gazetteer)
        elif unknown and cues.unknown_place_before and _opens_settlement(text, folded, tok.start, cues):
            last = _settlement_noun_after(tokens, i, text, gazetteer, cues)
        else:
            last = None
        if last is not None:
            # "in località Raica", "il villaggio di Khazna": a place the gazetteer lacks, listed unresolved
            spans.append(Span(tok.start, tokens[last].end, text[tok.start : tokens[last].end], [],
                              sentence_at(sentences, tok.start), settlement=True))
            unknown_end = tokens[last].end
            i = last + 1
            continue
        if hit is None or tok.text[0].isdigit():
            i += 1
            continue
        length, start, end, cands = hit
        if length > 1 and (tok.key in cues.stopwords or text[tok.end : tok.end + 1] in ("'", "’")):
            inner = _longest_hit(tokens, i + 1, _joined(tokens, i + 1, text, max_n), max_n, text, folded, gazetteer,
                                 cues)
            if inner is not None and inner[2] > end and not any(
                    c.primary and (c.entity.kind in ("country", "region") or c.entity.capital_of
                                   or c.entity.population >= ARTICLE_NAME_MIN_POPULATION) for c in cands):
                i += 1  # "La Unión Europea": the article of a longer name, not "La Unión" (Philippines)
                continue
        if length > 1 and tok.capitalised and tok.key in cues.stopwords and any(
                not t.capitalised and t.key not in CONNECTORS for t in tokens[i + 1 : i + length]):
            i += 1  # "La pena di morte", "La paz en Oriente Medio": an article, then common words
            continue
        if length == 1 and any(c.entity.kind in ("country", "other") and fold_key(c.entity.name) != tok.key
                               for c in cands):
            # "Atlantic" is the ocean, not Atlantic, Iowa: beside a country or a sea, a town whose
            # name is first a common word is no reading at all.
            cands = [c for c in cands if c.entity.kind != "city" or c.entity.capital_of
                     or common_word_margin(tok.key, c.entity.population, lang) >= COMMON_WORD_MARGIN]
        is_dateline = dl_span is not None and start < dl_span[1] and dl_span[0] < end
        if not is_dateline and (_overlaps(start, end, masked) or _overlaps(start, end, persons)):
            kept = area_cue = locality = False  # inside a mask or a person's name: no cue asked, no _keep
        else:
            before = _word_before(folded, start)
            area_cue = _area_hint(folded, start, cues, before=before)
            # before "comune di" joins the name
            locality = _locality_hint(text, folded, start, end, cues, before=before) or _town_preposition(
                tokens, i, cands, cues)
            kept = is_dateline or _keep(tokens, i, length, start, end, cands, text, cues, surnames,
                                        sentence_starts, lowercase_words, name_words, area_cue=area_cue,
                                        town_cue=locality, gazetteer=gazetteer)
        town_named = locality and any(c.primary and c.entity.kind == "city" for c in cands)  # "Lebanon Police Dept."
        weighed = hit_features(tokens, i, length, start, end, cands, text, cues, sentence_starts,
                               town_cue=town_named) if kept else {}
        if kept and weighed and not is_dateline and weights is not None and not weights.keep(weighed):
            kept = False  # "U.S. troops", "the Monitoring Mission to Ukraine": weighed out (fitted weights)
        if kept:
            sent = sentence_at(sentences, start)
            area = area_cue or _area_suffix(tokens, i + length, cues.area_suffixes, text)
            listed = _area_suffix(tokens, i + length, cues.admin2_plurals, text, need_and=True) or (
                i >= 1 and tokens[i - 1].key in LIST_JOINERS
                and _area_suffix(tokens, i + length, cues.admin2_plurals, text))
            if listed and not any(c.primary and c.entity.kind in ("country", "admin1", "region") for c in cands):
                # "Barrow and Jackson counties": units the gazetteer lacks, not the towns of that name;
                # not "Georgia and Florida counties"
                spans.append(Span(start, end, text[start:end], [], sentence_at(sentences, start)))
                i += length
                continue
            states = [c for c in cands
                      if c.entity.kind == "admin1" and c.entity.country in cues.admin1_suffix_countries]
            suffix = _admin1_suffix(tokens, i + length, text, cues) if states else None
            if suffix is not None:  # "Benue State": the state, named in full
                end, area, length, cands = suffix.end, True, length + 1, states
            start = _with_prefix(text, folded, start, cues)
            start, end, extra = _with_direction(tokens, i, length, start, end, text, cues)
            while spans and spans[-1].end > start:
                spans.pop()  # "Centro Italia": the direction word was read as a place of its own
            province = _province_code(text, end, cues, gazetteer)
            in_province = [c for c in cands if province is not None and c.entity.admin1 == province.entity.admin1]
            if in_province:
                cands = in_province
            else:
                province = None  # "Lugano (CH)": Switzerland, not the province of Chieti
            spans.append(Span(start, end, text[start:end], list(cands), sent, area_hint=area, dateline=is_dateline,
                              locality_hint=locality, not_town=not_town and not locality, features=weighed,
                              compass=_compass_name(folded[start:end], cues)))
            if province is not None:
                code_start = text.index("(", end) + 1
                spans.append(Span(code_start, code_start + 2, text[code_start : code_start + 2], [province], sent))
            length += extra
        elif length > 1 and tok.key in cues.stopwords:
            length = 1  # "La Francia invierà": the article's reading failed; the name after it may not
        i += length
    spans = _misspelt_compounds(spans, text, gazetteer)
    if cues.hyphen_compounds:
        spans = _hyphen_compounds(spans, text, folded, cues)
    _share_locality(spans, gazetteer)
    _plural_areas(spans, text, folded, cues)
    _pronoun_areas(spans, folded, cues)
    for span in spans:
        if span.area_hint:
            span.candidates = _with_namesake_areas(span.candidates, gazetteer)
    return spans


def _unknown_name_last(tokens, i: int, text: str, gazetteer) -> int | None:
    """The last token of an unresolved place's name starting at token ``i``: up to three more capitalised
    words, hyphenated or not, and a connector between two ("località Pian del Lago"); not a list joiner
    ("Latmin e Morek" are two villages). None when the name runs into a word that is a country, an admin-1
    unit or a region by its standard name ("in località Tuwaira di Trapani", "Tuwaira Trapani"): one name or
    two, that known place is read alone, as the gazetteer has it."""
    last, n = i, len(tokens)

    def polity(k: int) -> bool:
        return any(c.primary and c.entity.kind in _POLITIES for c in lookup_candidates(gazetteer, tokens[k].key))

    while last + 1 < n and last - i < 3 and text[tokens[last].end : tokens[last + 1].start] in (" ", "-"):
        if tokens[last + 1].capitalised:
            if polity(last + 1):
                return None
            last += 1
        elif last + 2 < n and tokens[last + 1].key in CONNECTORS and tokens[last + 1].key not in LIST_JOINERS \
                and tokens[last + 2].capitalised:
            if polity(last + 2):
                return None
            last += 2
        else:
            break
    return last


def _may_name_unknown(tok, hit, cues, masked, persons) -> bool:
    """Whether the token ``tok`` may open the name of a settlement the gazetteer lacks, whichever settlement word
    names it (before it: "the village of X"; after it: "X village"): no primary gazetteer place starts there, it
    is capitalised and no acronym, no common word, stop word, demonym ("le village de Gaulois") or title, and no
    person's or masked span covers it."""
    return ((hit is None or not any(c.primary for c in hit[3])) and tok.capitalised and not tok.all_caps
            and tok.key not in cues.common_words and tok.key not in cues.stopwords and tok.key not in cues.demonyms
            and tok.key not in cues.titles and not _overlaps(tok.start, tok.end, masked)
            and not _overlaps(tok.start, tok.end, persons))


#: Quotation marks that may open a settlement's name before its noun ("\u201cDorvak Sein village ... was hit").
_OPENING_QUOTES = frozenset('"\u201c\u00ab\u2018')


def _opens_settlement(text: str, folded: str, start: int, cues) -> bool:
    """Whether a name at ``start`` may be a settlement named before its noun (rule SETTLEMENT_NOUN_AFTER): a
    locative word of the language stands right before it ("on", "in", "near"), or it opens a quotation; not
    after an article or an adjective ("the Olympic village", "a Kurdish village")."""
    if start and text[start - 1] in _OPENING_QUOTES:
        return True
    return _word_before(folded, start) in cues.locative


def _settlement_noun_after(tokens, i: int, text: str, gazetteer, cues) -> int | None:
    """The last token of a name the gazetteer lacks starting at token ``i`` and followed by a settlement noun in
    lower case (lexicon ``unknown_place_before``: "on Dorvak Sein village"), or None (rule SETTLEMENT_NOUN_AFTER)."""
    last = _unknown_name_last(tokens, i, text, gazetteer)
    if last is None or last + 1 >= len(tokens) or text[tokens[last].end : tokens[last + 1].start] != " ":
        return None
    noun = tokens[last + 1]
    return last if noun.text.islower() and noun.key in cues.unknown_place_before else None


#: Kinds of place that a hyphen joins without making one name: "Polonia-Bielorussia" is a border.
_POLITIES = frozenset({"country", "admin1", "region"})
#: Cities this big, hyphenated, are a route between two places ("Roma-Milano"), not one name ("Roma-Lido").
COMPOUND_CITY_MIN_POPULATION = 100_000
#: Two towns this close, hyphenated, are a route ("Bari-Matera", "Napoli-Capri"), not one name.
COMPOUND_ROUTE_KM = 300


def _is_polity(span: Span) -> bool:
    return bool(span.candidates) and span.candidates[0].entity.kind in _POLITIES


def _route(a: Span, b: Span) -> bool:
    """Whether two hyphenated places are two places (a border, a route): two countries or regions, two
    cities of ``COMPOUND_CITY_MIN_POPULATION``, or two towns within ``COMPOUND_ROUTE_KM`` ("la
    statale Bari-Matera"); a far namesake ("Roma-Lido": the Lido of Venice) makes one name."""
    if not a.candidates or not b.candidates:
        return False
    x, y = a.candidates[0].entity, b.candidates[0].entity
    if x.kind in _POLITIES and y.kind in _POLITIES:
        return True
    if x.kind != "city" or y.kind != "city":
        return False
    big = min(x.population, y.population) >= COMPOUND_CITY_MIN_POPULATION
    if big:
        return True
    from geopy.distance import great_circle  # here: importing geopy costs a tenth of a second at start-up

    return great_circle((x.lat, x.lon), (y.lat, y.lon)).km <= COMPOUND_ROUTE_KM


def _hyphen_compounds(spans: list[Span], text: str, folded: str, cues: Cues) -> list[Span]:
    """Languages that name lines, stations and airports by hyphenated places (lexicon ``hyphen_compounds``):
    "la Roma-Lido" and "Milano-Malpensa" are one mention each, placed at their first name; "Domscheit-Berg"
    holds no place, but a country does ("il vertice Ue-Cina"). A border or a route keeps its places (see
    :func:`_route`): "il confine Polonia-Bielorussia", "il volo Roma-Milano", "la statale Bari-Matera";
    after a head of the lexicon ``compound_heads`` the pair is one name ("l'aeroporto di Roma-Fiumicino")."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        i += 1
        if span.dateline:
            out.append(span)
            continue
        if span.start >= 2 and text[span.start - 1] == "-" and text[span.start - 2].isalpha() \
                and not (out and out[-1].end >= span.start - 1):
            word_start = span.start - 1
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            if text[word_start].isupper() and not _is_polity(span):
                continue  # "Domscheit-Berg": the name of something else; not "il vertice Ue-Cina"
        parts, end, j = [span], span.end, i
        while end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
            word = _WORD.match(text, end + 1)
            if word is None:
                break
            end = word.end()
            if j < len(spans) and spans[j].start == word.start():
                parts.append(spans[j])
                end = max(end, spans[j].end)
                j += 1
            else:
                parts.append(None)
        pairs = zip(parts, parts[1:], strict=False)
        named = bool(cues.compound_heads) and _area_hint(folded, span.start, cues, "compound_heads")
        if len(parts) == 1 or not named and all(a is not None and b is not None and _route(a, b) for a, b in pairs):
            out.append(span)
            continue
        out.append(replace(span, end=end, surface=text[span.start : end]))
        i = j
    return out


def _compass_name(key: str, cues: Cues) -> bool:
    """Whether a folded name is made of compass words and compass nouns only, one compass word at least
    ("north-east", "west coast", "central district"; lexicon ``compass_words``, ``compass_nouns``)."""
    words = _COMPASS_SPLIT.split(key)
    return any(w in cues.compass_words for w in words) and all(
        w in cues.compass_words or w in cues.compass_nouns for w in words)


_COMPASS_SPLIT = re.compile(r"[\s\-]+")


def _misspelt_compounds(spans: list[Span], text: str, gazetteer) -> list[Span]:
    """Rule MISSPELT_COMPOUND: a hyphenated name whose second word names a place of the gazetteer alone, and
    whose first word is one letter away from the first word of a place the gazetteer knows by the whole
    hyphenated name, is that place, written with a letter too many, too few or another ("Kamianetz-Podilskyi"
    is Kamianets-Podilskyi, not the town of Podilskyi); the first word, read as a place of its own, goes. One
    letter only, a first word of four letters or more, and one such name only.

    Parameters
    ----------
    spans : list of Span
        The spans found, in text order.
    text : str
        Document text.
    gazetteer : geo.gazetteer.Gazetteer

    Returns
    -------
    list of Span
        ``spans`` with each such pair (or second word after an unknown first word) made one span whose
        candidates are those of the place's name.
    """
    out: list[Span] = []
    seen: dict[str, list] = {}  # "word-tail" -> the one name's candidates, or []: the lookups once per document
    for span in spans:
        cut = span.start - 1
        if cut < 1 or text[cut] != "-":  # a word before the hyphen is asked below: "5-Frankivsk" has none
            out.append(span)
            continue
        first = cut
        while first > 0 and text[first - 1].isalpha():
            first -= 1
        word = fold_key(text[first:cut])
        prev = out[-1] if out and out[-1].end > first else None
        if len(word) < MISSPELT_MIN_LETTERS or not text[first].isupper() or (
                prev is not None and (prev.start != first or prev.end != cut)):
            out.append(span)
            continue
        tail = "-" + fold_key(span.surface)
        if word + tail not in seen:
            found = [cands for variant in _one_letter_variants(word)
                     if (cands := lookup_candidates(gazetteer, variant + tail))]
            # none, or two names one letter away: no telling which was meant
            seen[word + tail] = found[0] if len(found) == 1 else []
        if not seen[word + tail]:
            out.append(span)
            continue
        base = out.pop() if prev is not None else span
        out.append(replace(base, start=first, end=span.end, surface=text[first : span.end],
                           candidates=list(seen[word + tail]), area_hint=base.area_hint or span.area_hint))
    return out


@lru_cache(maxsize=256)  # some 460 variants a word: 4,096 words would hold some 100 MB
def _one_letter_variants(word: str) -> tuple[str, ...]:
    """``word`` (folded) with one letter dropped, replaced or added (a letter of the Latin alphabet or of the
    word), each variant once, in a fixed order."""
    letters = sorted(set(string.ascii_lowercase) | set(word))
    out = {word[:k] + word[k + 1 :]: None for k in range(len(word))}
    for k in range(len(word) + 1):
        for ch in letters:
            out[word[:k] + ch + word[k:]] = None
            if k < len(word) and ch != word[k]:
                out[word[:k] + ch + word[k + 1 :]] = None
    out.pop(word, None)
    return tuple(out)


def _share_locality(spans: list[Span], gazetteer) -> None:
    """One name, one sense: once "Lebanon Police Department" shows a town, every "Lebanon" of the document
    asks for a town, and gets back the towns that the common-word filter dropped beside a country."""
    towns = {fold_key(s.surface) for s in spans if s.locality_hint}
    for s in spans:
        key = fold_key(s.surface)
        if key in towns and not s.area_hint:  # "la région de Kherson" stays the oblast beside "la ville de Kherson"
            s.locality_hint = True
            s.candidates = lookup_candidates(gazetteer, key) or s.candidates


@lru_cache(maxsize=1)
def _comma_aliases_by_first() -> dict[str, tuple[str, ...]]:
    """:func:`geo.cues.comma_aliases` by first character, longest first as there."""
    out: dict[str, list[str]] = {}
    for alias, _ in comma_aliases():
        out.setdefault(alias[0], []).append(alias)
    return {first: tuple(found) for first, found in out.items()}


_KEY = attrgetter("key")


def _joined(tokens: list[Token], k: int, text: str, most: int) -> int:
    """How many tokens from ``k`` on are joined by a space, a hyphen, an apostrophe or an abbreviation's dot,
    counted up to ``most`` (no longer name is looked up): asked at the tokens a name may start at only."""
    n = 1
    while n < most and k + n < len(tokens) and text[tokens[k + n - 1].end : tokens[k + n].start] in JOINER_GAPS:
        n += 1
    return n


def _longest_hit(tokens, i, run_i, max_n, text, folded, gazetteer, cues):
    """The longest gazetteer name starting at token i: ``(length, start, end, candidates)`` or None."""
    start = tokens[i].start
    for alias in _comma_aliases_by_first().get(folded[start], ()):  # "Washington, D.C." is one name, not a town
        if folded.startswith(alias, start):  # and its state
            end = start + len(alias)
            length = 1
            while i + length < len(tokens) and tokens[i + length].end <= end:
                length += 1
            return length, start, end, lookup_candidates(gazetteer, alias)
    longest = min(max_n, run_i)
    if tokens[i].key not in cues.abbreviation_shorts:  # "Mt. Pleasant" is looked up expanded
        reach = 1
        while reach < longest and name_continues(gazetteer, folded[start : tokens[i + reach].start]):
            reach += 1  # no known name goes on past "Boston " in "Boston Globe Editorial Board"
        longest = reach
    for length in range(longest, 0, -1):
        end = tokens[i + length - 1].end
        key = folded[start:end]  # joiners hold no runs of white space: this is fold_key(text[start:end])
        cands = lookup_candidates(gazetteer, key) or ("." in key and _expanded(gazetteer, key, cues)) or []
        if end < len(text) and text[end] == ".":
            dotted = lookup_candidates(gazetteer, key + ".")
            if dotted and (not (cands and cands[0].primary) or key + "." in aliases() and (
                    key + "." in own_aliases(cues.lang) or text[max(0, start - 2) : start] == ", " or "." in key)):
                # "U.S.A.", "Ala. lawmakers", "Huntsville, Ala."; in Italian "a Ala." is Ala
                cands = dotted
                end += 1
        if cands:
            return length, start, end, cands
    return _doubled_letter_hit(tokens, i, longest, start, folded, gazetteer, cues) or (
        _direction_compound_hit(tokens[i], folded, gazetteer, cues) if cues.direction_compounds else None)


#: Kinds of place a compass word joins into one word ("Nordirak", "Südsyrien"); not towns ("Nordhausen").
_COMPOUND_KINDS = frozenset({"country", "admin1", "region", "other"})


def _direction_compound_hit(tok, folded, gazetteer, cues: Cues):
    """Rule DIRECTION_COMPOUND: in a language that writes a compass word and a country as one word (lexicon
    ``direction_compounds``: "Nordirak", "Ostsyrien"), the word the gazetteer lacks is the part of the country,
    region or admin-1 unit after the compass word, read as that place: ``(1, start, end, candidates)`` or None."""
    key = folded[tok.start : tok.end]
    for prefix in cues.direction_compounds:
        if key.startswith(prefix) and len(key) - len(prefix) >= 4:
            cands = [c for c in lookup_candidates(gazetteer, key[len(prefix) :])
                     if c.primary and c.entity.kind in _COMPOUND_KINDS]
            if cands:
                return 1, tok.start, tok.end, cands
    return None


def _doubled_letter_hit(tokens, i, longest, start, folded, gazetteer, cues: Cues):
    """The longest name of two words or more starting at token i that the gazetteer knows with one letter
    doubled or written once (rule DOUBLED_LETTER: "Middle Shabelle" is Middle Shabele): ``(length, start, end,
    candidates)`` or None.  The letters are in ``places.yaml``; a hit goes through the same checks as a name
    found as written.  A one-word name is not tried: it is one letter away from too many words ("Shabaab" is a
    militia, no Shabab; "Keep" no Kep, "Crime" no Crimée)."""
    for length in range(longest, 1, -1):
        end = tokens[i + length - 1].end
        for variant in _doubled_variants(folded[start:end], cues.transliteration_doubled):
            cands = lookup_candidates(gazetteer, variant)
            if cands:
                return length, start, end, cands
    return None


def _doubled_variants(key: str, letters: frozenset[str]) -> list[str]:
    """``key`` with one of ``letters`` doubled, or one doubled letter of them written once (rule DOUBLED_LETTER:
    "shabelle" -> "shabeelle", "afgooye" -> "afgoye"), in the order of the key's letters."""
    out = []
    for p, ch in enumerate(key):
        if ch not in letters or p == 0 or key[p - 1] == ch:
            continue
        out.append(key[:p] + key[p + 1 :] if key[p + 1 : p + 2] == ch else key[:p] + ch + key[p:])
    return out


def _contracted_hit(tokens, i, run_i, max_n, folded, gazetteer, cues: Cues):
    """After a preposition fused with an article ("au", "du"), the town whose name starts with that
    article: "au Havre" is Le Havre, not Havré; ``(length, start, end, candidates)`` or None."""
    article = cues.article_contractions.get(tokens[i - 1].key)
    if article is None:
        return None
    start = tokens[i].start
    for length in range(min(max_n - 1, run_i), 0, -1):
        end = tokens[i + length - 1].end
        cands = [c for c in lookup_candidates(gazetteer, f"{article} {folded[start:end]}") if c.primary]
        if cands:
            return length, start, end, cands
    return None


def _is_feature(feature, tokens, hit, cues: Cues) -> bool:
    """Whether a feature word really frames a name here."""
    head = tokens[feature.first]
    if head.key not in cues.feature_heads | cues.street_heads:
        return True  # a suffix: "Neches River"
    if hit is not None and hit[2] > head.end and head.key in cues.feature_heads:
        return False  # "Mount Pleasant", "Valle d'Aosta": the head starts a name the gazetteer knows
    if head.key in cues.institution_heads and head.text[:1].isupper():
        return False  # "la Prefettura di Roma": the office, not the area
    if head.key in cues.ambiguous_heads:
        prev = tokens[feature.first - 1].key if feature.first else ""
        written_low = head.text[:1].islower() or head.all_caps  # "ARRIVATO VIA PARIGI" too
        after_word = prev in cues.stopwords or prev in cues.locative or prev + "'" in cues.locative  # "sull'isola"
        of_place = tokens[feature.first + 1].key in cues.feature_connectors  # "isola di Lampedusa" is no verb
        if written_low and not after_word and not of_place:
            return False  # "arrivo via Casablanca", "Erdogan punta Damasco": a preposition, a verb
    return True


def _feature_candidates(feature, tokens, folded, gazetteer, cues: Cues) -> tuple[list, int]:
    """Candidates for a feature ("golfo del Messico"), and where the name after its head starts.

    The whole phrase first; then the place it names, which locates it: after a natural or
    administrative head and a connector, its primary readings ("isola di Lampedusa", "golfo di
    Napoli"; not "Lake Victoria", which is no lake of Victoria); before a
    natural suffix, its country or region readings ("Panjshir Valley"); before a building's suffix, the
    town it stands in ("Manila Cathedral"); never after a street's head ("via Roma") nor before a
    street's suffix ("Wichita Drive", "Victoria Bridge", which is in Montreal)."""
    whole = lookup_candidates(gazetteer, folded[feature.start : feature.end])
    j = feature.first
    if tokens[j].key in cues.feature_heads | cues.street_heads:
        j += 1
        while j < feature.last and tokens[j].key in cues.feature_connectors:
            j += 1
    if whole:
        return whole, tokens[j].start
    if tokens[feature.first].key in cues.feature_heads and j > feature.first + 1:
        # "lago di Garda", "the Gulf of Aden": the place the feature is of; not "Lake Victoria".
        inner = [c for c in lookup_candidates(gazetteer, folded[tokens[j].start : feature.end]) if c.primary]
        return inner, tokens[j].start
    name_end = tokens[feature.last - 1].end
    if tokens[feature.last].key in cues.natural_suffixes and name_end - feature.start > 3:  # not "Mon Forest"
        inner = lookup_candidates(gazetteer, folded[feature.start : name_end])
        areas = [c for c in inner if c.primary and c.entity.kind in ("country", "admin1", "region", "other")]
        return areas, tokens[j].start
    if tokens[feature.last].key in cues.building_suffixes:  # "Manila Cathedral" stands in Manila
        towns = [c for c in lookup_candidates(gazetteer, folded[feature.start : name_end])
                 if c.primary and c.entity.kind == "city"]
        return towns, tokens[j].start
    return [], tokens[j].start


def _headline_tokens(tokens: list[Token], sentences, stopwords: frozenset[str]) -> frozenset[int]:
    """Indices of the tokens of sentences written in title case or capitals ("Russia Bombs Ukraine
    Bridge"), where capitals do not mark names: no function word in lower case, and few words in
    lower case at all; a list of streets keeps its "between" and "and"."""
    out: set[int] = set()
    starts = [t.start for t in tokens]
    k = 0
    for _, end in sentences:
        first = k
        k = bisect_left(starts, end, k)  # past the sentence's tokens
        words = [t for t in tokens[first + 1 : k] if t.text.isalpha()]
        lower = [t for t in words if not t.capitalised]  # a token's ``capitalised`` is its first letter's case
        if 4 * len(lower) >= len(words):
            continue  # most sentences: words in lower case, not a headline (the capitals not counted)
        capitalised = sum(1 for t in words if t.capitalised and len(t.text) > 3)
        if capitalised >= 3 and not any(t.key in stopwords for t in lower):
            out.update(range(first, k))
    return frozenset(out)


def _with_direction(tokens, i, length, start, end, text, cues: Cues) -> tuple[int, int, int]:
    """Widen a name over a direction word the language writes as part of it ("Tunisia centrale",
    "Germania Est", "Centro Italia"); return the new start and end and the tokens added after it."""
    k = i + length
    extra = 0
    after = k < len(tokens) and tokens[k].key in _edge_words(cues.direction_after)[0]  # most names: no such word
    for m in (2, 1) if after else ():
        joined = k + m <= len(tokens) and all(text[tokens[q - 1].end : tokens[q].start] in (" ", "-")
                                              for q in range(k, k + m))
        if joined and " ".join(t.key for t in tokens[k : k + m]) in cues.direction_after:
            end, extra = tokens[k + m - 1].end, m
            break
    if i > 0 and tokens[i - 1].capitalised and tokens[i - 1].key in cues.direction_before \
            and text[tokens[i - 1].end : tokens[i].start] in (" ", "-") and tokens[i].start == start:
        start = tokens[i - 1].start
    return start, end, extra


def _expanded(gazetteer, key: str, cues: Cues) -> list:
    """Candidates after expanding abbreviations ("Mt. Pleasant" -> "mount pleasant")."""
    for short, full in cues.abbreviations:
        if key.startswith(short + " "):
            return lookup_candidates(gazetteer, full + key[len(short):])
    return []


def _keep(tokens, i, length, start, end, cands, text, cues: Cues, surnames,
          sentence_starts, lowercase_words, name_words: dict[str, str], area_cue: bool = False,
          town_cue: bool = False, gazetteer=None) -> bool:
    """Apply the filters to one gazetteer hit that no mask or person's name overlaps (the caller,
    :func:`find_toponyms`, tests the masks first, before it asks for cues).

    ``name_words`` gathers the words seen beside a town's name in a person's name ("Bryant"
    in "Kobe Bryant"); such a word alone is then no small town either."""
    tok = tokens[i]
    key = fold_key(text[start:end])
    prev_key = tokens[i - 1].key if i else ""
    after_locative = prev_key in cues.locative or (i >= 2 and f"{tokens[i - 2].key} {prev_key}" in cues.locative) or (
        i >= 3 and f"{tokens[i - 3].key} {tokens[i - 2].key} {prev_key}" in cues.locative)  # "nei pressi di"
    if key in cues.demonyms:
        return False
    if _IRISH_SURNAME.match(text, start) and not after_locative and not (
            i + length < len(tokens) and tokens[i + length].key in cues.town_words) and all(
            c.entity.kind == "city" and c.entity.population < SPEAKER_MAX_POPULATION for c in cands):
        return False  # "O'Connor alerted the officer": a surname, unless "in O'Neill" or "O'Fallon police"
    if length > 1 and i + length < len(tokens) and tokens[i + length].key in cues.org_tails \
            and text[end : tokens[i + length].start] == " " and tokens[i + length].capitalised \
            and text[end - 1] != ".":  # not "W.Va. Democrat volunteer"
        return False  # "Kansas City Chiefs", "New York Post": a team, a paper
    if i >= 1 and tokens[i - 1].text[:1].isupper() and text[tokens[i - 1].end : start] in ("'", "’") \
            and tokens[i - 1].key != "l" and not _at_sentence_start(tokens, i - 1, text, sentence_starts):
        return False  # "al Dall'Ara", "D'Alema": a surname; a preposition is written in lower case ("dall'Ucraina")
    if tok.key in cues.saint_words and (_after_saint_head(tokens, i, cues) or (
            cues.saint_days and _SAINT_DAY.match(text, end))):
        return False  # "la chiesa di San Giovanni", "la fête de la Saint-Jean", "St. Patrick's Day": a saint
    if length == 2 and len(tok.text) == 1 and tokens[i + 1].all_caps and len(tokens[i + 1].text) >= 3 \
            and key not in acronym_aliases():
        return False  # "L'AIA ha pubblicato": an acronym after an elided article, not L'Aia
    if length == 2 and tok.key in cues.stopwords and not after_locative and _article_and_word(
            tokens[i + 1].key, cands, cues.lang):
        return False  # "La Junta de Andalucía", "La Bolsa de Madrid": an article and a noun, not a village
    if length == 1:
        if len(key) < 3 and not tok.all_caps:
            return False
        if (key in cues.titles or key + "." in cues.titles) and _NAME_AFTER.match(text, end):
            return False  # "dal ricco Sig. Drummond": a title before a name, not Sig (Algeria)
        # Acronyms (NATO, OSCE, UN) are organisations; a country code (USA, UK) is kept.
        if tok.all_caps and not _country_code(cands) and key not in acronym_aliases() and (
            len(key) < 4 or not any(c.primary and c.entity.kind in ("city", "country") for c in cands)
        ):
            return False
        if cues.weapon_nouns and _after_weapon_noun(tokens, i, text, cues):
            return False  # "le bombe guidate Kab", "Shahed drones": a weapon's model, not a town
        if _acronym_shaped(tok) and text[start - 1 : start] == "(" and text[end : end + 1] == ")" and not any(
                c.entity.kind in ("country", "admin1") for c in cands) and key not in acronym_aliases():
            return False  # "BRUSSELS, Oct 14 (KUNA)", "(FAMa)": an acronym alone in brackets is an agency's or a body's
        if (key in cues.common_words or key in cues.feature_suffixes) and not tok.all_caps:
            return False  # "Calcio"; "Parkway", "Mountain" alone are the feature's word, not a town
        if cues.nouns_capitalised and _umlaut_folded_away(tok.text, cands):
            return False  # German "Brände" (fires) is no Brande: only folding the umlaut away made them one
        if cues.nouns_capitalised and not area_cue and _foreign_unit_named_like_a_noun(tok.text.lower(), cands, cues):
            return False  # German "des Landes" (the country's), "Telegram-Kanal": nouns, not a French or Slovene unit
        number = tokens[i + 1].text if i + 1 < len(tokens) and text[end : tokens[i + 1].start] == " " else ""
        numbered = number[:1].isdigit() and not re.fullmatch(r"(19|20)\d\d", number)  # not "Germania 2006"
        if numbered and prev_key in cues.feature_suffixes:
            return False  # "1205 Lone Oak Road Lot 12": an address's unit (while "Ohio 63" is in Ohio)
        at_sentence_start = _at_sentence_start(tokens, i, text, sentence_starts)
        # a function word of another language opens a sentence as a town when the town outweighs the word:
        # "Como, esondato il lago" (Spanish "como"); not "Come early" (Italian "come")
        if at_sentence_start and (key in cues.own_stopwords or key in lowercase_words or (
                key in cues.stopwords and common_word_margin(
                    key, max(c.entity.population for c in cands), cues.lang) < 0)):
            return False
        if at_sentence_start and tok.text.lower() in cues.start_words and _next_word_lower(
                tokens, i, text) and tokens[i + 1].key not in cues.subject_words:
            return False  # "Sale la tensione", "Split decisions"; not "Split, Croatia", "Malé"
        if key in surnames and not after_locative and tok.text.lower() in surnames[key]:
            return False  # "Sarah Lima", then "Lima said"; the surname "Pâris" is no "Paris": accents tell them apart
        nxt_tok = tokens[i + 1] if i + 1 < len(tokens) else None
        follows = nxt_tok is not None and text[end : nxt_tok.start] == " " and nxt_tok.capitalised
        if follows and nxt_tok.key in cues.org_tails:
            return False  # "Boston Globe", "Roma Calcio"
        if not tok.all_caps and (_AMPERSAND_AFTER.match(text, end)
                                 or _AMPERSAND_BEFORE.search(text, max(0, start - 40), start)) \
                and not _area_reading(cands) and _best_population(cands) < AMPERSAND_CITY_MIN_POPULATION:
            return False  # "Bed Bath & Beyond", "Salt + Smoke": a firm; not "TIJUANA & SAN DIEGO", "Jammu & Kashmir"
        if prev_key in cues.club_articles_feminine and key in cues.feminine_clubs and text[end : end + 1] != "-":
            return False  # "la Lazio", "della Lazio": the club; the region is "il Lazio"
        if prev_key in cues.club_articles and key not in cues.cities_with_article and not follows and not any(
            c.entity.kind in ("country", "region", "other") for c in cands  # "il Belgio", "nel Mediterraneo"
        ) and not _area_without_town(cands) and not (area_cue and any(c.entity.kind == "admin1" for c in cands)):
            # "il Sudtirolo", "lo stato del Virginia"; but "il Verona" is the club
            return False  # "il Napoli", "al Milan": the club
        # the readings of the name as written: a capital known only by an old spelling ("Maroni" for Moroni)
        # lends a surname after "spiega" no capital's weight
        best = max([c for c in cands if c.primary and not _seat_shadowing(c, cands)] or cands,
                   key=lambda c: (c.entity.kind != "city", c.entity.population)).entity
        town = best.kind == "city" and not best.capital_of
        # A province is a person's surname only behind a first name (a known one, or a word unknown to
        # the language), and only where no city of note shares its name: "Dewly Nelson" (Nelson, New
        # Zealand); not "Distinctly Dublin", nor "the Taliban Helmand stronghold".
        province = best.kind == "admin1" and not any(
            c.entity.kind == "city" and (c.entity.capital_of or c.entity.population >= SPEAKER_MAX_POPULATION)
            for c in cands)
        if town or province:
            # Next to a capitalised rare word, a town's name is part of a person's or a firm's:
            # "Kobe Bryant", "Whitney Houston".
            prev_tok = tokens[i - 1] if i else None
            precedes = prev_tok is not None and _name_word_before(tokens, i - 1, text, sentence_starts,
                                                                  lowercase_words, cues)
            if town and follows and name_like(nxt_tok) and word_frequency(nxt_tok.key, cues.lang) < NAME_WORD_MAX_ZIPF:
                name_words.setdefault(nxt_tok.key, "beside a town")  # "Kobe Bryant", then "Bryant tweeted"
                return False
            if precedes and name_like(prev_tok) and word_frequency(prev_tok.key, cues.lang) < NAME_WORD_MAX_ZIPF \
                    and (town or prev_tok.key in cues.first_names
                         or word_frequency(prev_tok.key, cues.lang) < UNKNOWN_WORD_MAX_ZIPF):
                name_words[key] = "beside a word" if town else "after a first name"
                return False
            # A first name that is a small town is the person ("il ruolo di Arnold"; "Lindsay received"),
            # unless a locative or an origin word stands before it ("in Lindsay", "Mages of Lindsay").
            if town and key in cues.first_names and best.population < FIRST_NAME_TOWN_MAX and not follows \
                    and not after_locative and prev_key not in cues.origin_words and key not in cues.known_places \
                    and text[end : end + 1] != "," and not _is_list_item(tokens, i, length, text) \
                    and not (nxt_tok is not None and nxt_tok.key in cues.town_words):
                return False
            # Seen in a name, a small town's name is a surname; a province's only after a first name
            # ("Willie Nelson", then "Nelson sang"; not "the Taliban Helmand stronghold").
            if key in name_words and not after_locative and (
                    name_words[key] == "after a first name" if province else best.population < SPEAKER_MAX_POPULATION):
                return False
        if best.kind == "city" and not best.capital_of:
            margin = COMMON_WORD_MARGIN - (1.0 if after_locative else 0.0)
            if key not in cues.known_places \
                    and common_word_margin(_word_key(tok, key, cues), best.population, cues.lang) < margin:
                return False
            nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
            ends_clause = text[end : end + 1] in (".", ",", ";", "")  # "according to Taylor.", not "Bakhmut officials"
            according = i >= 2 and f"{tokens[i - 2].key} {prev_key}" in cues.speech_verbs and ends_clause
            speech_before = prev_key in cues.speech_verbs and ends_clause
            if best.population < SPEAKER_MAX_POPULATION and (according or not after_locative and (
                (nxt in cues.speech_verbs and text[end:end + 1] == " ") or speech_before
            )):
                return False  # "Taylor said", "said Taylor"
    primary = [c.entity for c in cands if c.primary and not _seat_shadowing(c, cands)]
    if not primary and length == 1 and not after_locative and not town_cue and (
            (len(key) <= MINOR_SPELLING_MAX_LETTERS and _seat_of_its_own_town(cands))
            or _in_longer_name(tokens, i, text, sentence_starts, lowercase_words, cues, gazetteer)):
        # rule MINOR_SPELLING_IN_NAME: a name known only as an alternate spelling is no place inside a longer
        # capitalised name ("Jaish al-Jadid", "the Jadid Movement"), nor, short as an acronym, when its one main
        # reading is a seat under a large town's alternate name ("dell'Anci": Anci District, a spelling of Langfang)
        return False
    if not primary or all(e.kind == "city" and e.population < SEAT_NAME_MAX_POPULATION and not e.capital_of
                           for e in primary):
        best = primary[0] if primary else cands[0].entity  # a seat of no recorded people reads as a minor spelling
        if best.kind == "city" and best.population < ALTERNATE_NAME_MIN_POPULATION and not (
                (after_locative or town_cue) and length == 1
                and common_word_margin(key, best.population, cues.lang) >= 0 and not _ALTERNATE_STOP.match(text, end)):
            return False  # a minor spelling of a small town; "à Chamonix", "il sindaco di Ascoli" are the town
    return True


@lru_cache(maxsize=16)
def _place_noun_endings(cues: Cues) -> tuple[str, ...]:
    """The lexicon ``place_noun_endings`` as a tuple for ``str.endswith`` (empty: no word ends so)."""
    return tuple(sorted(cues.place_noun_endings)) or ("\0",)


def _after_weapon_noun(tokens: list[Token], i: int, text: str, cues: Cues) -> bool:
    """A noun of weapons (lexicon ``weapon_nouns``, one to three words, written in lower case) right before
    token i: "bombe Kab", "bombe guidate Kab", "missili balistici Iskander"; not "a missile hit Mykolaiv"."""
    if i == 0 or tokens[i - 1].key not in _edge_words(cues.weapon_nouns)[1]:
        return False  # every noun looked for ends with the word before the name
    words: list[str] = []
    for j in (i - 1, i - 2, i - 3):
        if j < 0 or text[tokens[j].end : tokens[j + 1].start] != " " or tokens[j].capitalised:
            return False
        words.insert(0, tokens[j].key)
        if " ".join(words) in cues.weapon_nouns:
            return True
    return False


_UMLAUTS = frozenset("äöüÄÖÜ")


def _umlaut_folded_away(written: str, cands) -> bool:
    """A word written with an umlaut whose readings are small towns spelled without any ("Brände" and
    Brande): the match is folding's, not the text's."""
    if not _UMLAUTS.intersection(written):
        return False
    towns = [c.entity for c in cands if c.primary]
    return bool(towns) and all(e.kind == "city" and e.population < SPEAKER_MAX_POPULATION
                               and not _UMLAUTS.intersection(e.name) for e in towns)


def _word_key(tok: Token, key: str, cues: Cues) -> str:
    """The key to look a one-word name up as a word: the folded key, or in a language that capitalises
    its nouns the word as written in lower case, umlauts kept ("Häusern" is a frequent word, "Hausern"
    none)."""
    return tok.text.lower() if cues.nouns_capitalised else key.rstrip(".")


def _foreign_unit_named_like_a_noun(key: str, cands, cues: Cues) -> bool:
    """In a language that capitalises nouns, a frequent word (Zipf ``NOUN_UNIT_MIN_ZIPF`` or more) whose
    area readings are only first-level units abroad, with no town of note, is the noun: "Landes",
    "Kanal"; not "Bayern" (a home unit) nor "Krim" (a region)."""
    units = [c.entity for c in cands if c.primary and c.entity.kind in ("country", "admin1", "region", "other")]
    if not units or any(e.kind != "admin1" or e.country in cues.home_countries for e in units):
        return False
    if any(c.entity.kind == "city" and (c.entity.capital_of or c.entity.population >= SPEAKER_MAX_POPULATION)
           for c in cands):
        return False
    return word_frequency(key, cues.lang) >= NOUN_UNIT_MIN_ZIPF


def _after_saint_head(tokens: list[Token], i: int, cues: Cues) -> bool:
    """A church or a feast (lexicon ``saint_heads``), then up to two connectors, stands before token i."""
    j = i - 1
    while j >= 0 and i - j <= 2 and (tokens[j].key in cues.feature_connectors or tokens[j].key in _SAINT_ARTICLES):
        j -= 1
    return j >= 0 and tokens[j].key in cues.saint_heads


def _town_preposition(tokens: list[Token], i: int, cands, cues: Cues) -> bool:
    """French "à" before a name with a capital or a big town among its readings: "à Luxembourg" (the city),
    not "à La Réunion" (no town of note) nor "à Crète"."""
    return i >= 1 and tokens[i - 1].key in cues.town_prepositions and any(
        c.primary and c.entity.kind == "city"
        and (c.entity.capital_of or c.entity.population >= TOWN_PREPOSITION_MIN_POPULATION) for c in cands)


def _best_population(cands) -> int:
    """The population of the most populous primary reading (0 when none)."""
    return max((c.entity.population for c in cands if c.primary), default=0)


def _area_reading(cands) -> bool:
    """A country, a region, a first-level unit or a natural area among the primary readings."""
    return any(c.primary and c.entity.kind in ("country", "admin1", "region", "other") for c in cands)


def _article_and_word(word: str, cands, lang: str) -> bool:
    """Whether a name made of an article and one word ("La Junta") is that word first: its best town is
    no capital and less common than the word (``common_word_margin`` below 0; "La Plata" stays)."""
    towns = [c.entity for c in cands if c.primary]
    if not towns or any(e.kind != "city" or e.capital_of for e in towns):
        return False
    return common_word_margin(word, max(e.population for e in towns), lang) < 0


def _next_word_lower(tokens: list[Token], i: int, text: str) -> bool:
    """The word right after token i, after a space, is written in lower case and joins nothing."""
    return i + 1 < len(tokens) and text[tokens[i].end : tokens[i + 1].start] == " " \
        and tokens[i + 1].text[:1].islower() and tokens[i + 1].key not in LIST_JOINERS


def _is_list_item(tokens: list[Token], i: int, length: int, text: str) -> bool:
    """A capitalised name joined to this one by "and"/"e"/"et" ("Troy and Albany")."""
    k = i + length
    return k + 1 < len(tokens) and tokens[k].key in LIST_JOINERS and tokens[k + 1].capitalised \
        and text[tokens[k - 1].end : tokens[k].start] == " "


def _area_without_town(cands) -> bool:
    """An admin-1 reading, and no town of note of that name ("Sudtirolo"; not "Verona")."""
    return any(c.entity.kind == "admin1" for c in cands) and not any(
        c.entity.kind == "city" and c.entity.population >= SPEAKER_MAX_POPULATION // 10 for c in cands)


def _name_word_before(tokens: list[Token], k: int, text: str, sentence_starts, lowercase_words, cues: Cues) -> bool:
    """Whether the token at ``k`` is a capitalised word, one space before the next, that may be a word of the same
    name: not a sentence's first ("Besieged Mariupol"), no word the text writes in lower case elsewhere, no function
    word nor locative, no German noun of a place ("Hafenstadt Kismayo", lexicon ``place_noun_endings``)."""
    word = tokens[k]
    return (text[word.end : tokens[k + 1].start] == " " and word.capitalised
            and not _at_sentence_start(tokens, k, text, sentence_starts)
            and word.key not in lowercase_words and word.key not in cues.stopwords and word.key not in cues.locative
            and not word.key.endswith(_place_noun_endings(cues)))


def _in_longer_name(tokens: list[Token], i: int, text: str, sentence_starts, lowercase_words, cues: Cues,
                    gazetteer=None) -> bool:
    """Whether the token at ``i`` is a word of a longer capitalised name: after a word that
    :func:`_name_word_before` finds, by a space ("Hay Jadid") or by a space and an article joined by a hyphen
    (lexicon ``hyphen_particles``: "Jaish al-Jadid"; not "they shelled el-Fasher", nor a compound's
    "Ivanov-Frankivsk" that :func:`_misspelt_compounds` reads), or before a capitalised word ("Jadid Movement").
    The word beside it is no first name ("di Magonza Peter"), no word of a place's type ("Jabalia Camp", lexicon
    ``place_type_words``) and no place of its own (:func:`_names_a_place`: "Torino Lione"). After the head of an
    organisation's name in lower case, too ("la brigade Jadid", :func:`geo.masks.organisation_heads`)."""
    def other_name(word: Token) -> bool:
        return word.key not in cues.first_names and word.key not in cues.place_type_words and not (
            gazetteer is not None and _names_a_place(word.key, gazetteer))

    tok = tokens[i]
    k = i - 1
    if k >= 1 and text[tokens[k].end : tok.start] == "-" and tokens[k].key in cues.hyphen_particles:
        k -= 1  # "al-", "Al-": the article before the word
    prev = tokens[k] if 0 <= k < i else None
    if prev is not None and _name_word_before(tokens, k, text, sentence_starts, lowercase_words, cues) \
            and other_name(prev):
        return True
    if prev is not None and text[prev.end : tokens[k + 1].start] == " " and not prev.capitalised \
            and prev.key in organisation_heads(cues):
        return True  # "la brigade Jadid": the name of a body, after its head in lower case
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # a month or a weekday after the name is no word of it ("Jabalia Tuesday"), nor, where nouns are capitalised,
    # a frequent word ("Saloniki Ende Juni")
    return nxt is not None and text[tok.end : nxt.start] == " " and nxt.capitalised \
        and nxt.key not in cues.stopwords and other_name(nxt) and nxt.key not in calendar_words(cues.lang) \
        and not (cues.nouns_capitalised and word_frequency(nxt.key, cues.lang) >= NOUN_UNIT_MIN_ZIPF)


def _names_a_place(key: str, gazetteer) -> bool:
    """Whether ``key`` names a place of note: a country, a province or another area, a capital, or a town of
    :data:`ALTERNATE_NAME_MIN_POPULATION` people or more (by any of its names)."""
    return any(c.entity.kind != "city" or c.entity.capital_of or c.entity.population >= ALTERNATE_NAME_MIN_POPULATION
               for c in gazetteer.candidates(key))


def _country_code(cands) -> bool:
    return any(c.entity.kind == "country" for c in cands)


def _acronym_shaped(tok: Token) -> bool:
    """Whether the token is written as an acronym: all in capitals ("KUNA", "OCHA"), or opening with two capitals
    and holding a small letter after them ("FAMa"), as acronyms of bodies that keep a small letter are
    written; not a name with a capital inside it ("McAllen", "KwaZulu": its second letter is small). A token
    of two letters or fewer that opens with two capitals is all in capitals; a digit (the only thing a token holds
    besides letters, geo.sentences) does not change the shape: the gazetteer's names with a digit in a word open
    with one capital ("Zapopan2", "Tollarp1")."""
    letters = tok.text
    return tok.all_caps or (letters[:2].isupper() and not letters.isupper())


def _at_sentence_start(tokens, i, text, sentence_starts) -> bool:
    tok = tokens[i]
    if tok.start in sentence_starts:
        return True
    # After an opening quote or dash at the start of a sentence.
    j = tok.start - 1
    while j >= 0 and text[j] in " \t\"'«“‘(-–—":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def _with_prefix(text: str, folded: str, start: int, cues: Cues) -> int:
    """Start of the mention including a descriptor the language writes as part of the name
    ("provincia di Milano" in Italian); ``start`` itself when there is none."""
    for prefix in cues.span_prefixes:
        begin = start - len(prefix) - 1
        if (begin >= 0 and folded[begin:start] == prefix + " " and (begin == 0 or not folded[begin - 1].isalnum())
                and folded[begin] == text[begin]):  # lower case: "Comune di Roma" is the institution
            return begin
    return start


def _area_suffix(tokens: list[Token], k: int, suffixes: frozenset[str], text: str, need_and: bool = False) -> bool:
    """True when an area word follows the name, or a short list it opens: "Kherson oblast",
    "the Zaporizhzhia and Kherson regions", "the Zaporizhzhia, Kherson and Donetsk regions";
    not across the comma of "Washington, State Department"."""
    joined_by_and = False
    for step in range(6):
        if k + step >= len(tokens):
            return False
        tok = tokens[k + step]
        gap = text[tokens[k + step - 1].end : tok.start].strip() if k + step > 0 else ""
        if gap not in ("", ","):
            return False
        if tok.key in suffixes:
            return (step > 0 and joined_by_and) or (not gap and not need_and)  # not "Mykolaiv, Mykolaiv Oblast"
        joined_by_and = joined_by_and or tok.key in LIST_JOINERS
        if tok.key not in LIST_JOINERS and not (tok.capitalised and (step > 0 or gap)):
            return False
    return False


_PROVINCE_CODE = re.compile(r" ?\(([A-Z]{2})\)")


def _province_code(text: str, end: int, cues: Cues, gazetteer):
    """The province a bracketed code after a town names ("Scarperia (FI)"), as a Candidate, or None."""
    if not cues.province_codes:
        return None
    m = _PROVINCE_CODE.match(text, end)
    if m is None:
        return None
    entity_id = f"admin1:{cues.province_codes}-{m.group(1)}"
    if entity_id not in gazetteer:
        return None
    from geo.gazetteer import Candidate

    return Candidate(gazetteer.get(entity_id), True)


_CLAUSE_END = re.compile(r"[.,;:!?()\"\u201c\u201d]")


@lru_cache(maxsize=64)
def _folded_cues(cues: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_key(c) for c in cues)


def _locality_hint(text: str, folded: str, start: int, end: int, cues: Cues, before: str | None = None) -> bool:
    """True when a town's word follows or precedes the name: "Lebanon High School", "mayor of Lebanon".

    Lexicon words in lower case match in any case; capitalised ones only as written or in capitals:
    "Lebanon High School" names a town's school, while "a Texas high school" is a school in Texas.
    ``before`` is :func:`_word_before` at ``start`` when the caller has it already."""
    after = _WORD.search(folded, end, end + 30)
    if (after is None or after.group() not in _edge_words(_folded_cues(cues.locality_after))[0]) \
            and (_word_before(folded, start) if before is None else before) \
            not in _edge_words(cues.locality_before)[1]:
        return False  # the cheap test first: no cue word right after or before the name
    stop = _CLAUSE_END.search(text, end, end + 30)  # "Norfolk High School, works": the cue ends at the comma
    stop = stop.start() if stop else end + 30
    written = " ".join(text[end:stop].split()[:3])  # "Independent School District"
    low = " ".join(folded[end:stop].split()[:3])

    def follows(cue: str) -> bool:
        if cue.islower():  # "police department": any case
            return low == cue or low.startswith(cue + " ")
        return any(w == c or w.startswith(c + " ") for w, c in ((written, cue), (written, cue.upper())))

    before = " ".join(folded[max(0, start - 30) : start].split())
    return any(follows(cue) for cue in cues.locality_after) or any(before.endswith(cue) for cue in cues.locality_before)


def _admin1_suffix(tokens: list[Token], k: int, text: str, cues: Cues) -> Token | None:
    """The capitalised word of the lexicon ``admin1_suffixes`` right after a state's name ("Benue State"),
    unless another capitalised word follows it ("Sokoto State University")."""
    if k >= len(tokens) or tokens[k].key not in cues.admin1_suffixes or not tokens[k].capitalised \
            or text[tokens[k - 1].end : tokens[k].start] != " ":
        return None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and text[tokens[k].end : nxt.start] == " " and nxt.capitalised:
        return None  # "Colorado State University", "Ohio State Buckeyes": a body or a team
    return tokens[k]


_WORD = re.compile(r"[^\W_]+")
#: After a minor spelling, these make it no town: "in Talla 2" (a room), "at Fleming's", "in Wal-Mart".
_ALTERNATE_STOP = re.compile(r"(?: ?\d|['’]s\b|-)")
_NAME_AFTER = re.compile(r"\.? [A-Z]")
_SAINT_ARTICLES = frozenset({"la", "le", "l", "el"})  # "la fête de la Saint-Jean"
_SAINT_DAY = re.compile(r"(?:['’]s)? Day\b")
_IRISH_SURNAME = re.compile(r"O['’][A-Z]")
_AMPERSAND_AFTER = re.compile(r" ?[&+] ?[A-Z]")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][\w']* ?[&+] ?$")


@lru_cache(maxsize=256)
def _edge_words(phrases: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(first words, last words) of folded phrases, as the tokenizer cuts them ("lieu-dit" ends in "dit")."""
    words = [_WORD.findall(p) for p in phrases]
    return frozenset(w[0] for w in words if w), frozenset(w[-1] for w in words if w)


def _word_before(folded: str, start: int) -> str:
    """The last word (as the tokenizer cuts words) before ``start``."""
    words = folded[max(0, start - 25) : start].rsplit(None, 1)  # the last word: no list of the others
    if not words:
        return ""
    last = words[-1]
    return last if last.isalnum() else (_WORD.findall(last) or [""])[-1]


def _after_phrase(folded: str, start: int, phrases: frozenset[str]) -> bool:
    """Whether one of ``phrases`` (folded words) ends right before ``start``."""
    if _word_before(folded, start) not in _edge_words(phrases)[1]:
        return False
    words = folded[max(0, start - 30) : start].replace("'", " ").split()  # "all'aeroporto di": "aeroporto di"
    return any(" ".join(words[-n:]) in phrases for n in range(1, min(3, len(words)) + 1))


def _with_namesake_areas(cands, gazetteer) -> list:
    """An area cue's readings with the admin-1 units named like their towns (rule VARIANT_AREA): a spelling
    that the gazetteer knows as a town's variant only ("Sumi", "Chernígiv") reads the unit the town names
    and lies in, as the town's own name does ("the Sumy region"); the unit comes with the variant's primary
    flag. Readings that hold an admin-1 unit or a region already are left as they are."""
    if not cands or any(c.entity.kind in ("admin1", "region") for c in cands):
        return cands
    out = list(cands)
    for c in cands:
        if c.entity.kind != "city" or not c.entity.admin1:
            continue
        for d in gazetteer.candidates(fold_key(c.entity.name)):
            if d.entity.kind == "admin1" and d.entity.admin1 == c.entity.admin1 and d.primary \
                    and all(o.entity.id != d.entity.id for o in out):
                out.append(type(c)(d.entity, c.primary))
    return out


@lru_cache(maxsize=64)
def _area_enders(listed: frozenset[str]) -> frozenset[str]:
    """The words an area cue can end with before a name: its last words, an "of", an article."""
    return _edge_words(listed)[1] | OF_WORDS | {"l", "la"}


def _area_hint(folded: str, start: int, cues: Cues, which: str = "area_cues", before: str | None = None) -> bool:
    """True when an area cue ("zona di", "region of", "oblast") stands right before ``start``, also
    with one word between the cue's noun and its "of" ("nella regione russa di Kursk"). ``before`` is
    :func:`_word_before` at ``start`` when the caller has it already."""
    listed = getattr(cues, which)
    if (_word_before(folded, start) if before is None else before) not in _area_enders(listed):
        return False  # the cheap test first: no cue ends right before the name
    words = folded[max(0, start - 40) : start].split()
    split = " ".join(words).replace("'", " ").split()  # "nell'oblast di": "oblast di"
    full = cues.elisions.get(split[-1]) if split else None  # "la région d'Odessa": "région de" (elisions)
    elided = split[:-1] + [full] if full else None
    for tail in (words, words[:-1] if words and words[-1] in ("l'", "la") else None, split, elided):
        if tail and any(" ".join(tail[-n:]) in listed for n in range(1, min(4, len(tail)) + 1)):
            return True
    words = split
    if len(words) < 3 or words[-1] not in OF_WORDS:
        return False
    # One or two words between the cue's noun and its "of": "regione russa di", "regione di confine di",
    # "región oriental ucraniana de"; not a town's noun ("l'area della città di Kherson": the city), nor a
    # direction (rule DIRECTION_OF_A_TOWN: "an area north of X", "la zona a sud di X" place the area by the town).
    if any(" ".join((elided or words)[-n:]) in cues.direction_phrases for n in range(2, min(4, len(words)) + 1)):
        return False
    return f"{words[-3]} {words[-1]}" in listed or (
        len(words) >= 4 and f"{words[-4]} {words[-1]}" in listed and words[-2].isalpha()
        and words[-3].isalpha() and f"{words[-2]} {words[-1]}" not in cues.locality_before)


def _pronoun_areas(spans: list[Span], folded: str, cues: Cues) -> None:
    """A pronoun that stands for an area named before in the sentence asks for the area too: "14 nella
    regione di Kursk, 13 in quella di Tula", "dans la région de Koursk et dans celle de Belgorod"."""
    if not cues.area_pronouns:
        return
    town_nouns = _edge_words(cues.locality_before)[0]  # "città" of "città di": the nouns of towns
    hinted: dict[object, int] = {}  # sentence -> end of its last area named so far: one pass, not one per span
    for span in spans:
        last = hinted.get(span.sentence)
        if not span.area_hint and last is not None and _area_hint(folded, span.start, cues, "area_pronouns") \
                and town_nouns.isdisjoint(_WORD.findall(folded[last : span.start])):
            span.area_hint = True  # rule PRONOUN_FOR_A_TOWN: not after a town's noun ("la città ... quella di X")
        if span.area_hint:
            hinted[span.sentence] = span.end


def _plural_areas(spans: list[Span], text: str, folded: str, cues: Cues) -> None:
    """After a plural area cue every name of the list is an area: "le regioni di Donetsk e Luhansk",
    "les régions de Donetsk et de Louhansk"."""
    for k, span in enumerate(spans):
        if not _area_hint(folded, span.start, cues, "area_cues_plural"):
            continue
        for prev, nxt in zip(spans[k:], spans[k + 1 :], strict=False):
            if not joins_list(text[prev.end : nxt.start], of_word=True):
                break
            nxt.area_hint = True

