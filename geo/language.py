"""Language detection from function words listed in each language's lexicon.

A document's language is the one whose ``language.yaml`` stop-word list covers the
most of its words; a new language is detected as soon as its file lists stop words (a
``language.yaml`` with other keys only, such as Polish's list joiners, detects nothing).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from geo import lexicons

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=1)
def _stopword_sets() -> dict[str, frozenset[str]]:
    def build() -> dict[str, frozenset[str]]:
        sets = {}
        for lang in lexicons.available_languages():
            words = lexicons.load(lang, "language").get("stopwords") or []
            if words:
                sets[lang] = frozenset(str(w).lower() for w in words)
        return sets

    return lexicons.compiled("stopwords", build, Path(__file__))


def known_languages() -> tuple[str, ...]:
    """Languages Atlante can be told to use with ``--lang`` (those with a lexicon folder)."""
    return lexicons.available_languages()


def detect_language(text: str, *, default: str = DEFAULT_LANGUAGE) -> str:
    """Guess the language of ``text``.

    Parameters
    ----------
    text : str
        Document text (the first few thousand characters are enough).
    default : str
        Returned when no language scores at all.

    Returns
    -------
    str
        A language code that has a lexicon folder.
    """
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    # Elided articles and prepositions (l', dell', d', qu') count as words of their language.
    words += [w.lower() for w in re.findall(r"\b(\w{1,5})['’]", text[:5000])]
    best, best_score = default, 0
    for lang, stop in sorted(_stopword_sets().items()):
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = lang, score
    return best
