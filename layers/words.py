"""Figures in words, in the interface language: ``"about 12,000 troops, could rise to 20,000"``.

Every word comes from ``layers/i18n/<lang>.yaml``; this module only assembles them.
A *figure* here is any mapping with the columns of :func:`layers.frames.figures_frame`
(``kind``, ``value``, ``low``, ``high``, ``qualifier``, ``status``, ``per_unit``, ``unit``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from layers.strings import format_number, plural_form


def _int_or_none(value: Any) -> int | None:
    kind = type(value)
    if kind is int:  # the common cells first: what the general test below gives them, without pandas
        return value
    if kind is float:
        return None if value != value else int(value)
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return None
    return int(value)


def figure_bounds(figure: Mapping[str, Any]) -> tuple[int, int]:
    """The smallest and largest number a figure allows (``low``/``high`` when given, else ``value``)."""
    value = _int_or_none(figure.get("value")) or 0
    low = _int_or_none(figure.get("low"))
    high = _int_or_none(figure.get("high"))
    return (low if low is not None else value, high if high is not None else value)


def number_phrase(figure: Mapping[str, Any], strings: dict[str, Any]) -> str:
    """The number with its qualifier: ``"about 12,000"``, ``"between 10,000 and 12,000"``.

    Parameters
    ----------
    figure : mapping
        A figure row.
    strings : dict
        Strings from :func:`layers.strings.load_strings`.

    Returns
    -------
    str
    """
    low, high = figure_bounds(figure)
    value = _int_or_none(figure.get("value")) or 0
    if low != high and _int_or_none(figure.get("low")) is not None and _int_or_none(figure.get("high")) is not None:
        return strings["between"].format(low=format_number(low, strings), high=format_number(high, strings))
    templates = strings["qualifiers"]
    template = templates.get(figure.get("qualifier") or "exact", templates["exact"])
    return template.format(n=format_number(value, strings))


def noun(figure: Mapping[str, Any], strings: dict[str, Any]) -> str:
    """What is counted: the figure's own ``unit`` when it has one, else the word for its kind."""
    unit = figure.get("unit")
    if isinstance(unit, str) and unit.strip():
        return unit.strip()
    forms = strings["nouns"].get(figure.get("kind") or "other", strings["nouns"]["other"])
    low, high = figure_bounds(figure)
    return forms[plural_form(high, strings)] if low == high else forms["other"]


def figure_phrase(figure: Mapping[str, Any], strings: dict[str, Any], *, with_status: bool = True) -> str:
    """One figure in words: ``"circa 12.000 soldati (in programma)"``.

    Parameters
    ----------
    figure : mapping
        A figure row.
    strings : dict
        Strings from :func:`layers.strings.load_strings`.
    with_status : bool
        Mark a planned figure as such.

    Returns
    -------
    str
    """
    words = noun(figure, strings)
    phrase = number_phrase(figure, strings)
    if words:
        phrase = f"{phrase} {words}"
    if _truthy(figure.get("per_unit")):
        phrase = strings["per_unit"].format(phrase=phrase)
    if with_status and figure.get("status") == "planned":
        phrase = strings["planned"].format(phrase=phrase)
    return phrase


def text_pairs(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Whether the text itself pairs two figures as "now X, could rise (or fall) to Y".

    Only figures of one sentence of one document, of the same kind and over the same
    places, one current and one planned, are read as a pair; figures from different
    sentences, documents or dates are listed side by side, never summed up together.
    """
    statuses = {first.get("status"), second.get("status")}
    return (statuses == {"current", "planned"} and first.get("document") == second.get("document")
            and first.get("quote") == second.get("quote") and first.get("kind") == second.get("kind")
            and list(first.get("place_ids") or []) == list(second.get("place_ids") or []))


def group_phrase(figures: Sequence[Mapping[str, Any]], strings: dict[str, Any]) -> list[str]:
    """Several figures in words.

    A current and a planned figure that the text pairs (:func:`text_pairs`) make one phrase,
    which says which way the number may go (``"about 12,000 troops, could rise to 20,000"``,
    ``"about 1,000 troops, could fall to 600"``); anything else gives one phrase per figure.

    Parameters
    ----------
    figures : sequence of mappings
        Figure rows.
    strings : dict
        Strings from :func:`layers.strings.load_strings`.

    Returns
    -------
    list of str
    """
    current = [f for f in figures if f.get("status") != "planned"]
    planned = [f for f in figures if f.get("status") == "planned"]
    if len(current) == 1 and len(planned) == 1 and text_pairs(current[0], planned[0]):
        target = dict(planned[0])
        if target.get("qualifier") == "up_to":
            target["qualifier"] = "exact"
        rises = figure_bounds(target)[1] >= figure_bounds(current[0])[1]
        return [strings["could_rise" if rises else "could_fall"].format(
            current=figure_phrase(current[0], strings), planned=number_phrase(target, strings))]
    return [figure_phrase(f, strings) for f in figures]


def range_label(low: int, high: int, strings: dict[str, Any]) -> str:
    """``"12,000 to 20,000"``, or the one number when both ends are equal."""
    if low == high:
        return format_number(low, strings)
    return strings["range"].format(low=format_number(low, strings), high=format_number(high, strings))


def _truthy(value: Any) -> bool:
    if value is None or isinstance(value, str):
        return bool(value)
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return bool(value)
