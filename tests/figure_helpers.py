"""Shared helpers for the per-language figure tests: entities named in a test sentence, their mentions,
and the figures ``geo.figures.extract_figures`` finds there."""

from __future__ import annotations

import datetime as dt

from geo.figures import extract_figures
from geo.model import Document, Entity, Figure, Mention


def entity(id_: str, name: str, kind: str, country: str | None) -> Entity:
    """A gazetteer-like entity for a test (no coordinates needed by the figure extractor)."""
    return Entity(id_, name, kind, country, None, 0.0, 0.0)


def mentions_in(text: str, names: dict[str, Entity]) -> list[Mention]:
    """Resolved mentions for every occurrence of the known names, in text order."""
    out = []
    for name, ent in names.items():
        k = text.find(name)
        while k >= 0:
            out.append(Mention("d", k, k + len(name), name, ent, role="mention", confidence=1.0))
            k = text.find(name, k + len(name))
    return sorted(out, key=lambda m: m.start)


def figures_in(text: str, names: dict[str, Entity], lang: str, date: dt.date | None) -> list[Figure]:
    return extract_figures(Document("d", text), mentions_in(text, names), lang=lang, doc_date=date)


def only_figure(text: str, names: dict[str, Entity], lang: str, date: dt.date | None) -> Figure:
    found = figures_in(text, names, lang, date)
    assert len(found) == 1, [(f.kind, f.value, text[f.start : f.end]) for f in found]
    return found[0]
