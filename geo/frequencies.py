"""Word frequencies (``wordfreq``'s Zipf scale) without loading ``wordfreq`` at every start.

Importing ``wordfreq`` and reading one language's list takes about half a second, longer than
mapping an article.  The first time a language is asked for, its list is compiled into a SQLite
table in the user's cache (:mod:`geo.cache`): each word of plain letters a-z with the very value
``wordfreq.zipf_frequency`` gives (checked against it on a sample of the list when compiled).
Later runs look words up in that table.  A word with other characters, a language ``wordfreq``
tokenises otherwise, or a cache that cannot be written, is asked of ``wordfreq`` itself.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import sqlite3
from functools import cache
from importlib.metadata import version
from pathlib import Path

from geo.cache import entry_path, fingerprint, publish

#: Words the table answers for: ``wordfreq`` reads them as one token, as they are.
_PLAIN = re.compile(r"[a-z]+\Z")
#: Every how many words of the list one is checked against ``wordfreq`` when the table is compiled.
_CHECK_EVERY = 997


def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, from the compiled table when it can answer.

    Parameters
    ----------
    word : str
        A word, as the recogniser folds it.
    lang : str
        A language ``wordfreq`` has a list for (see :func:`languages`).

    Returns
    -------
    float
        Zipf frequency, 0 for a word the list lacks.
    """
    if _PLAIN.match(word):
        table = _table(lang, os.getpid())  # a connection per process: never one inherited through fork
        if table is not None:
            row = table.execute("SELECT zipf FROM words WHERE word = ?", (word,)).fetchone()
            return row[0] if row is not None else _missing(table)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


@cache
def languages() -> frozenset[str]:
    """The languages ``wordfreq`` has a list for (its ``available_languages()``), read from its data folder."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        from wordfreq import available_languages

        return frozenset(available_languages())
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    langs = set()
    for path in data.glob("*.msgpack.gz"):
        if not path.name.startswith("_"):
            name, lang = path.name.split(".")[0].split("_")
            if name in ("small", "large"):
                langs.add(lang)
    return frozenset(langs)


@cache
def _missing(table: sqlite3.Connection) -> float:
    return table.execute("SELECT zipf FROM meta").fetchone()[0]


@cache
def _table(lang: str, pid: int) -> sqlite3.Connection | None:
    """The compiled table of ``lang``, compiled now if needed, opened for process ``pid``; None when it
    cannot be.

    The file is opened ``immutable``: a cache entry is never written in place (:func:`geo.cache.publish` writes a
    new file and moves it over the old one, whose open copy stays readable), so SQLite need not lock the file nor
    check it for changes before each look-up (which then takes a fourth of the time: 4 against 17 µs)."""
    path = entry_path(f"wordfreq-{lang}", fingerprint(extra=["wordfreq", version("wordfreq"), lang]), ".sqlite")
    if path is None:
        return None
    if not path.is_file():
        rows = _compile(lang)
        if rows is None or not publish(path, lambda tmp: _write(tmp, *rows)):
            return None
    try:
        return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


def _compile(lang: str) -> tuple[list[tuple[str, float]], float] | None:
    """(word, Zipf frequency) for the plain words of ``lang``'s list, and the value of a missing word;
    None when ``wordfreq`` would not read plain words as they are or a check fails."""
    import wordfreq

    if wordfreq.get_language_info(lang)["tokenizer"] != "regex":
        return None
    minimum = wordfreq.zipf_to_freq(0.0)
    rows = []
    for word, freq in wordfreq.get_frequency_dict(lang).items():
        if _PLAIN.match(word):
            rows.append((word, _zipf_of(freq, minimum)))
    missing = wordfreq.zipf_frequency("qzxqzxqzxq", lang)
    if any(wordfreq.zipf_frequency(word, lang) != value for word, value in rows[::_CHECK_EVERY]):
        return None
    return rows, missing


def _zipf_of(freq: float, minimum: float) -> float:
    """``wordfreq``'s arithmetic for a word of one token of frequency ``freq``."""
    freq = 1.0 / (0.0 + 1.0 / freq)
    unrounded = max(freq, minimum)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


def _write(path: Path, rows: list[tuple[str, float]], missing: float) -> None:
    path.unlink()  # sqlite3 creates the file
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID")
        con.execute("CREATE TABLE meta (zipf REAL NOT NULL)")
        con.executemany("INSERT INTO words VALUES (?, ?)", rows)
        con.execute("INSERT INTO meta VALUES (?)", (missing,))
        con.commit()
    finally:
        con.close()
