"""Named features framed by a feature word: streets, rivers, lakes, districts, valleys.

The gazetteer holds countries, regions and towns, not the streets, rivers or quarters a
report also names.  A name framed by a feature word of the document's language is one
mention, whether or not the gazetteer knows it:

* after the name, in languages that write the kind last (lexicon ``feature_suffixes``):
  "Neches River", "Darby Street", "Cooke County";
* before it, in languages that write the kind first (lexicon ``feature_heads``, lower or
  upper case, optionally followed by "di", "del", "of"...): "fiume Dyfi",
  "distretto di Amil", "via Cina", "Lake Manassas".

:func:`geo.toponyms.find_toponyms` resolves such a span when the gazetteer knows the whole
phrase ("golfo del Messico", "Gulf of Mexico") and otherwise keeps it as an unresolved
mention: "Wichita Drive" is no mention of Wichita, Kansas, and "via Roma" none of Rome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: At most this many tokens in the name a feature word frames.
MAX_NAME_TOKENS = 3
_JOIN = re.compile(r"^(?: |-|'|’|\. ?)$")
_GENITIVE = re.compile(r"^['’]s? $")  # "Governors’ Parkway", "St. John's Road"


@dataclass(frozen=True, slots=True)
class Feature:
    """A feature's span in the text (feature word included) and the token indices it covers."""

    start: int
    end: int
    first: int  # index of its first token
    last: int  # index of its last token


def _joined(text: str, left, right) -> bool:
    gap = text[left.end : right.start]
    if gap.startswith("."):  # an abbreviation ("St. Marys River"), never a sentence's end
        return len(left.text) <= 2 and bool(_JOIN.match(gap))
    return bool(_JOIN.match(gap) or _GENITIVE.match(gap))


def _name_token(tok, stopwords: frozenset[str]) -> bool:
    return tok.text[:1].isupper() and tok.key not in stopwords and not tok.text[0].isdigit()


def feature_spans(tokens: list, text: str, *, heads: frozenset[str], suffixes: frozenset[str],
                  connectors: frozenset[str], stopwords: frozenset[str],
                  capitalised_heads: bool = False, units: frozenset[str] = frozenset()) -> dict[int, Feature]:
    """Find the features in a tokenised text.

    Parameters
    ----------
    tokens : list of geo.toponyms.Token
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

    Returns
    -------
    dict
        Index of the feature's first token -> :class:`Feature`; features do not overlap.
    """
    found: dict[int, Feature] = {}
    taken_until, last_first = -1, None
    for k, tok in enumerate(tokens):
        if k <= taken_until:
            continue
        feature = None
        if tok.key in heads and (tok.text[:1].isupper() or not capitalised_heads):
            feature = _after_head(tokens, k, text, connectors, stopwords)
        if feature is None and tok.key in suffixes and tok.text[:1].isupper():
            previous = found.get(last_first) if last_first is not None else None
            if previous is not None and previous.last == k - 1 and _joined(text, tokens[k - 1], tok):
                feature = Feature(previous.start, tok.end, previous.first, k)  # "Cabin Creek Road"
            else:
                feature = _before_suffix(tokens, k, text, stopwords, floor=taken_until + 1)
            if feature is not None and tok.key not in units and _longer_name_follows(tokens, k, text, suffixes):
                feature = None  # "Florida Highway Patrol", "Texas Forest Service": a body named after a place
        if feature is not None:
            found[feature.first] = feature
            taken_until, last_first = feature.last, feature.first
    return found


def _after_head(tokens, k, text, connectors, stopwords) -> Feature | None:
    """"fiume Dyfi", "distretto di Amil", "golfo del Messico": head, connectors, capitalised name."""
    j = k + 1
    while j < len(tokens) and j - k <= 2 and tokens[j].key in connectors and _joined(text, tokens[j - 1], tokens[j]):
        j += 1
    if j >= len(tokens) or not _name_token(tokens[j], stopwords) or not _joined(text, tokens[j - 1], tokens[j]):
        return None
    last = j
    while last + 1 < len(tokens) and last + 1 - j < MAX_NAME_TOKENS and _joined(text, tokens[last], tokens[last + 1]):
        nxt = tokens[last + 1]
        if _name_token(nxt, stopwords):
            last += 1
        elif nxt.key in connectors and last + 2 < len(tokens) and _name_token(tokens[last + 2], stopwords) \
                and _joined(text, nxt, tokens[last + 2]):
            last += 2  # "Santiago de Compostela", "Valle d'Orta"
        else:
            break
    return Feature(tokens[k].start, tokens[last].end, k, last)


def _longer_name_follows(tokens, k, text, suffixes) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and text[tokens[k].end : nxt.start] == " " and nxt.text[:1].isupper() \
        and nxt.key not in suffixes


def _before_suffix(tokens, k, text, stopwords, floor: int) -> Feature | None:
    """"Neches River", "Cabin Creek Road", "St. Marys River": capitalised name, then the feature word."""
    first = k
    while (first - 1 >= floor and k - (first - 1) <= MAX_NAME_TOKENS
           and _joined(text, tokens[first - 1], tokens[first])
           and text[tokens[first - 1].end : tokens[first].start] != "-"):  # "Paris-Henry County": two places
        prev = tokens[first - 1]
        if not _name_token(prev, stopwords):
            break
        first -= 1
    if first == k:
        return None
    return Feature(tokens[first].start, tokens[k].end, first, k)
