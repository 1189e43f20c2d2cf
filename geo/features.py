"""Named features framed by a feature word: streets, rivers, lakes, districts, valleys.

The gazetteer holds countries, regions and towns, not the streets, rivers or quarters a
report also names.  A name framed by a feature word of the document's language is one
mention, whether or not the gazetteer knows it:

* after the name, in languages that write the kind last (lexicon ``feature_suffixes``):
  "Neches River", "Darby Street", "Cooke County";
* before it, in languages that write the kind first (lexicon ``feature_heads``, lower or
  upper case, optionally followed by "di", "del", "of"...): "fiume Dyfi",
  "distretto di Amil", "via Cina", "Lake Manassas".

:func:`geo.toponyms.find_toponyms` resolves such a span through the whole phrase ("golfo del
Messico"), the place it is of ("lago di Garda"), the area a natural feature is named after
("Panjshir Valley") or the town a bridge or an airport stands in ("London Bridge"), and
otherwise keeps it as an unresolved mention: "Wichita Drive" is no mention of Wichita, Kansas,
and "via Roma" none of Rome.  The lexicons of each language say which word is which
(``feature_heads``, ``street_heads``, ``feature_suffixes``, ``street_suffixes``,
``building_suffixes`` in ``geo/lexicons/<lang>/places.yaml``; English street and building
suffixes count in every language: "Trafalgar Square", "Manila Cathedral").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: At most this many tokens in the name a feature word frames.
MAX_NAME_TOKENS = 3
_JOIN = re.compile(r"^(?: |-|'|’|\. ?)$")


@dataclass(frozen=True, slots=True)
class Feature:
    """A feature's span in the text (feature word included) and the token indices it covers."""

    start: int
    end: int
    first: int  # index of its first token
    last: int  # index of its last token


def _joined(text: str, left, right, abbreviations: frozenset[str] = frozenset()) -> bool:
    gap = text[left.end : right.start]
    if gap.startswith("."):  # an abbreviation or an initial ("St. Marys River"), not "the US. River levels"
        return (left.key in abbreviations or len(left.text) == 1) and bool(_JOIN.match(gap))
    return bool(_JOIN.match(gap))


def _name_token(tok, stopwords: frozenset[str]) -> bool:
    return tok.text[:1].isupper() and tok.key not in stopwords and not tok.text[0].isdigit()


def feature_spans(tokens: list, text: str, *, heads: frozenset[str], suffixes: frozenset[str],
                  connectors: frozenset[str], stopwords: frozenset[str],
                  capitalised_heads: bool = False, units: frozenset[str] = frozenset(),
                  abbreviations: frozenset[str] = frozenset(), headline: frozenset[int] = frozenset(),
                  place_at=lambda k: False, bare_heads: frozenset[str] = frozenset()) -> dict[int, Feature]:
    """Find the features in a tokenised text.

    Parameters
    ----------
    tokens : list of geo.sentences.Token
    text : str
    heads, suffixes : frozenset of str
        Folded feature words written before / after the name.
    connectors : frozenset of str
        Folded words allowed between a head and the name ("di", "del", "of").
    stopwords : frozenset of str
        Folded function words, which never start or end a name.
    capitalised_heads : bool
        Heads count only when capitalised ("Lake Ontario", not "the lake Pavilion").
    units : frozenset of str
        Suffixes of administrative units, which stay features inside a longer name
        ("Henderson County Sheriff"); other suffixes do not ("Florida Highway Patrol").
    abbreviations : frozenset of str
        Folded words that a dot may follow inside a name ("st", "mt").
    headline : frozenset of int
        Indices of tokens in title-case or upper-case sentences, where every word is capitalised
        and a feature word cannot tell a name from the headline around it ("Russia Bombs Ukraine
        Bridge", "Wildfire Near Lake Tahoe Forces Evacuations").
    place_at : callable, optional
        ``place_at(k)``: whether a place name starts at token k; a name after a head stops before
        "di"/"of" and a place ("quartiere Obolon di Kiev" is "quartiere Obolon", then Kiev).
    bare_heads : frozenset of str
        Heads that frame a name only right before it: "aeroporto Fiumicino", "stazione Serenella",
        while "l'aeroporto di Napoli" is a mention of Naples.

    Returns
    -------
    dict
        Index of the feature's first token -> :class:`Feature`; features do not overlap.
    """
    found: dict[int, Feature] = {}
    taken_until, last_first = -1, None
    # only a head or a suffix frames a feature: one pass of look-ups finds them, the loop reads no other word
    framing = [k for k, tok in enumerate(tokens) if tok.key in heads or tok.key in suffixes]
    for k in framing:
        if k <= taken_until:
            continue
        tok = tokens[k]
        feature = None
        if tok.key in heads and (tok.text[:1].isupper() or not capitalised_heads) and k not in headline:
            bare = tok.key in bare_heads
            feature = _after_head(tokens, k, text, frozenset() if bare else connectors, stopwords, abbreviations,
                                  place_at)
        if feature is None and tok.key in suffixes and tok.text[:1].isupper() and k not in headline:
            previous = found.get(last_first) if last_first is not None else None
            extends = previous is not None and previous.last == k - 1
            if extends and _joined(text, tokens[k - 1], tok, abbreviations):
                feature = Feature(previous.start, tok.end, previous.first, k)  # "Cabin Creek Road"
            else:
                feature = _before_suffix(tokens, k, text, stopwords, abbreviations, floor=taken_until + 1)
            if feature is not None and tok.key not in units and _longer_name_follows(tokens, k, text, suffixes):
                feature = None  # "Florida Highway Patrol", "Texas Forest Service": a body named after a place
        if feature is not None:
            found[feature.first] = feature
            taken_until, last_first = feature.last, feature.first
    return found


def _after_head(tokens, k, text, connectors, stopwords, abbreviations, place_at) -> Feature | None:
    """"fiume Dyfi", "distretto di Amil", "golfo del Messico": head, connectors, capitalised name."""
    n = len(tokens)

    def joined(a: int, b: int) -> bool:
        return _joined(text, tokens[a], tokens[b], abbreviations)

    j = k + 1
    while j < n and j - k <= 2 and tokens[j].key in connectors and joined(j - 1, j):
        j += 1
    if j >= n or not _name_token(tokens[j], stopwords) or not joined(j - 1, j):
        return None
    last = j
    while last + 1 < n and last + 1 - j < MAX_NAME_TOKENS and joined(last, last + 1):
        if _name_token(tokens[last + 1], stopwords):
            last += 1
        elif (tokens[last + 1].key in connectors and last + 2 < n and _name_token(tokens[last + 2], stopwords)
              and joined(last + 1, last + 2) and not place_at(last + 2)):
            last += 2  # "Valle d'Orta"; not "quartiere Obolon di Kiev"
        else:
            break
    if _inside_word(tokens, last, text):
        return None  # "quartiere di Shuja'iyya": the name goes on past what we can read
    return Feature(tokens[k].start, tokens[last].end, k, last)


def _inside_word(tokens, last: int, text: str) -> bool:
    """Whether token ``last`` is followed, within the same word, by a lower-case part ("Shuja'iyya")."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return nxt is not None and text[tokens[last].end : nxt.start] in ("'", "’", "-") and not nxt.text[:1].isupper()


def _longer_name_follows(tokens, k, text, suffixes) -> bool:
    """A capitalised word goes on after the feature word ("Florida Highway Patrol"), other than a
    feature word or an address's unit ("Lone Oak Road Lot 12")."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    unit = k + 2 < len(tokens) and tokens[k + 2].text[:1].isdigit()
    return nxt is not None and text[tokens[k].end : nxt.start] == " " and nxt.text[:1].isupper() \
        and nxt.key not in suffixes and not unit


def _before_suffix(tokens, k, text, stopwords, abbreviations, floor: int) -> Feature | None:
    """"Neches River", "Cabin Creek Road", "St. Marys River": capitalised name, then the feature word."""
    first = k
    while (first - 1 >= floor and k - (first - 1) <= MAX_NAME_TOKENS
           and _joined(text, tokens[first - 1], tokens[first], abbreviations)
           and text[tokens[first - 1].end : tokens[first].start] != "-"):  # "Paris-Henry County": two places
        prev = tokens[first - 1]
        if not _name_token(prev, stopwords):
            break
        first -= 1
    if first == k:
        return None
    return Feature(tokens[first].start, tokens[k].end, first, k)
