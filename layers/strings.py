"""Interface strings of the map, one YAML file per language in ``layers/i18n/``.

A new interface language is a new ``layers/i18n/<lang>.yaml`` with the keys of ``en.yaml``;
no code changes.  Numbers and dates are formatted with the separators and month names the
file gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from geo.lexicons import read_yaml

I18N_DIR = Path(__file__).resolve().parent / "i18n"
FALLBACK = "en"


#: Place names per interface language: ``layers/i18n/places/<lang>.yaml`` (entity id -> name).
PLACE_NAMES_DIR = I18N_DIR / "places"


@cache
def place_names(lang: str) -> dict[str, str]:
    """Names of gazetteer places in an interface language (``country:PL`` -> ``Polonia``).

    Parameters
    ----------
    lang : str
        Interface language code.

    Returns
    -------
    dict
        Entity id -> name, from ``layers/i18n/places/<lang>.yaml`` (countries from CLDR,
        large cities by hand), then the first alias of each composite region in
        ``geo/lexicons/<lang>/regions.yaml``; empty for a language with neither.
    """
    names: dict[str, str] = {}
    path = PLACE_NAMES_DIR / f"{lang}.yaml"
    if path.is_file():
        names.update(read_yaml(path) or {})
    cities = read_yaml(PLACE_NAMES_DIR / "cities.yaml") or {}
    names.update({pid: forms[lang] for pid, forms in cities.items() if lang in forms})
    from geo.lexicons import LEXICON_DIR

    regions = LEXICON_DIR / lang / "regions.yaml"
    if regions.is_file():
        for ref, aliases in ((read_yaml(regions) or {}).get("aliases") or {}).items():
            if aliases:
                names.setdefault(ref if ":" in ref else f"region:{ref}", str(aliases[0]))
    return names


def available_languages() -> tuple[str, ...]:
    """Return the interface languages that have a strings file, sorted."""
    return tuple(sorted(p.stem for p in I18N_DIR.glob("*.yaml")))


@cache
def load_strings(lang: str) -> dict[str, Any]:
    """Load the interface strings of ``lang``, falling back to English.

    Parameters
    ----------
    lang : str
        Language code such as ``"it"``; an unknown code gives the English strings.

    Returns
    -------
    dict
        The parsed YAML mapping, with ``"code"`` set to the language actually used.
    """
    code = lang if lang in available_languages() else FALLBACK
    data = read_yaml(I18N_DIR / f"{code}.yaml")
    if not isinstance(data, dict):
        raise ValueError(f"{I18N_DIR / code}.yaml: must hold a mapping")
    data["code"] = code
    return data


def choose_language(langs: Iterable[str | None]) -> str:
    """Pick the interface language for a set of documents.

    Parameters
    ----------
    langs : iterable of str or None
        The language of each document.

    Returns
    -------
    str
        The most frequent language that has a strings file (ties broken alphabetically),
        else ``"en"``.
    """
    known = set(available_languages())
    counts = Counter(lang for lang in langs if lang in known)
    if not counts:
        return FALLBACK
    return min(counts, key=lambda code: (-counts[code], code))


def format_number(value: float, strings: dict[str, Any]) -> str:
    """Format a number with the language's separators (``12000`` -> ``"12.000"`` in Italian).

    Parameters
    ----------
    value : int or float
        The number; a float with a fractional part keeps up to two decimals.
    strings : dict
        Strings from :func:`load_strings`.

    Returns
    -------
    str
    """
    sep = strings["number"]
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", sep["decimal"]).replace("\0", sep["group"])


def plural_form(n: float, strings: dict[str, Any]) -> str:
    """``"one"`` or ``"other"``: the plural form the language uses for ``n``.

    The language file lists the counts that take the singular (``one_values``: ``[1]`` in
    English and Italian, ``[0, 1]`` in French, where "0 soldat" and "1 soldat" are singular).
    """
    return "one" if n in strings.get("one_values", [1]) else "other"


def plural(forms: dict[str, str], n: float, strings: dict[str, Any] | None = None) -> str:
    """Choose the ``one`` or ``other`` form for ``n`` and fill ``{n}``."""
    form = forms[plural_form(n, strings or {})]
    return form.replace("{n}", str(n))


def count_phrase(forms: dict[str, str], n: int, strings: dict[str, Any]) -> str:
    """Like :func:`plural`, with ``{n}`` formatted per language (``"12 documenti"``)."""
    form = forms[plural_form(n, strings)]
    return form.replace("{n}", format_number(n, strings))


def format_date(iso: str | None, strings: dict[str, Any]) -> str:
    """Write an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) in words.

    Parameters
    ----------
    iso : str or None
        The date; anything else is returned unchanged, ``None`` as ``""``.
    strings : dict
        Strings from :func:`load_strings`.

    Returns
    -------
    str
        For example ``"6 gennaio 2026"`` or ``"January 2026"``.
    """
    if not iso:
        return ""
    parts = iso[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    spec = strings["date"]
    if len(numbers) == 1:
        return str(numbers[0])
    year, month = numbers[0], numbers[1]
    if not 1 <= month <= 12:
        return iso
    name = spec["months"][month - 1]
    if len(numbers) == 2:
        return spec["month"].format(month=name, year=year)
    return spec["day"].format(day=numbers[2], month=name, year=year)


def format_date_range(first: str | None, last: str | None, strings: dict[str, Any]) -> str:
    """Write a date range; one date when both ends are equal, ``""`` when there is none."""
    if not first and not last:
        return ""
    if not first or not last or first == last:
        return format_date(first or last, strings)
    return strings["date"]["range"].format(start=format_date(first, strings), end=format_date(last, strings))
