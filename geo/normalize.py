"""Text folding shared by the gazetteer and the recogniser.

:func:`fold` lower-cases, strips accents and unifies apostrophes and dashes while
keeping **one output character per input character**, so an offset found in the
folded text is the same offset in the original text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into base + accent.
_EXTRA = {
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ı": "i",
    "Ð": "d", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ð": "d", "þ": "t", "Þ": "t",
}
_APOSTROPHES = "'’‘ʼ`´′ʹ‛"
_DASHES = "‐‑‒–—―−"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch.isascii():
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low[0] if low else ch


class _FoldTable(dict):
    """``str.translate`` table that folds each character once, on first sight (same as :func:`_fold_char`)."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for matching: case, accents, apostrophes, dashes.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        A string of the same length as ``text``.

    Examples
    --------
    >>> fold("Zaporižžja d’Italia")
    "zaporizzja d'italia"
    """
    if len(text) >= _LONG:
        return _fold_long(text)  # a document's text: the document model, the number and figure readers fold it
    if text.isascii():
        return text.lower().replace("`", "'")  # as the table does: an ASCII text folds as any other
    return text.translate(_TABLE)


#: Texts this long are folded through :func:`_fold_long`'s small cache.
_LONG = 500


@lru_cache(maxsize=2)  # the document being read (and its predecessor): no more, documents can be large
def _fold_long(text: str) -> str:
    return text.lower().replace("`", "'") if text.isascii() else text.translate(_TABLE)


def fold_key(name: str) -> str:
    """Fold a name and collapse its inner white space: the gazetteer's lookup key.

    A name is folded once per :data:`FOLD_KEYS_SIZE` names asked: the recogniser and the resolver ask for the
    keys of the same candidates' names and the same surfaces again and again."""
    key = _KEYS.get(name)
    if key is None:
        key = " ".join(fold(name).split())
        if len(name) <= _KEYED:
            if len(_KEYS) >= FOLD_KEYS_SIZE:
                _KEYS.clear()
            _KEYS[name] = key
    return key


#: The most names :func:`fold_key` keeps the keys of before it starts again.
FOLD_KEYS_SIZE = 1 << 16
#: Names this long at most are kept (a name is short; a longer string is folded each time).
_KEYED = 80
_KEYS: dict[str, str] = {}


def nfc_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` in Unicode NFC, and for each of its characters (and its end) the offset in ``text``.

    Accents typed as combining marks ("Krako\u0301w") are composed ("Kraków") so that names match,
    while every offset can still be mapped back to the text as given.

    Examples
    --------
    >>> nfc_offsets("Krako\u0301w")
    ('Kraków', [0, 1, 2, 3, 4, 6, 7])
    """
    parts: list[str] = []
    back: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        seg = unicodedata.normalize("NFC", text[i:j])
        parts.append(seg)
        back.extend([i] * len(seg))
        i = j
    back.append(n)
    return "".join(parts), back
