"""Shared helpers for the figure tests: entities named in a test sentence, their mentions, and the
figures ``geo.figures.extract_figures`` finds there; a text read by the pipeline with the index its figures'
places read (:func:`index_of`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from geo.figure_places import DocIndex
from geo.figures import extract_figures
from geo.model import Document, Entity, Figure, Mention, ParsedDocument


def entity(id_: str, name: str, kind: str, country: str | None, capital_of: str | None = None) -> Entity:
    """A gazetteer-like entity for a test (no coordinates needed by the figure extractor)."""
    return Entity(id_, name, kind, country, None, 0.0, 0.0, capital_of=capital_of)


def mentions_in(text: str, names: dict[str, Entity], roles: dict[str, str] | None = None) -> list[Mention]:
    """Resolved mentions for every occurrence of the known names (longest first, no overlaps)."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        k = text.find(name)
        while k >= 0:
            end = k + len(name)
            if not any(a < end and k < b for a, b in taken):
                taken.append((k, end))
                role = (roles or {}).get(name, "mention")
                out.append(Mention("d", k, end, name, names[name], role=role, confidence=1.0))
            k = text.find(name, end)
    return sorted(out, key=lambda m: m.start)


def figures_in(text: str, names: dict[str, Entity], lang: str, date: dt.date | None,
               roles: dict[str, str] | None = None) -> list[Figure]:
    return extract_figures(Document("d", text), mentions_in(text, names, roles), lang=lang, doc_date=date)


def only_figure(text: str, names: dict[str, Entity], lang: str, date: dt.date | None,
                roles: dict[str, str] | None = None) -> Figure:
    found = figures_in(text, names, lang, date, roles)
    assert len(found) == 1, [(f.kind, f.value, text[f.start : f.end]) for f in found]
    return found[0]


def index_of(text: str, lang: str, gazetteer: Any) -> tuple[ParsedDocument, DocIndex]:
    """``text`` read by the pipeline as document ``"t"`` in ``lang``, and the index of its mentions, sentences and
    figures that the figures' places read (:class:`geo.figure_places.DocIndex`, in ``lang``)."""
    from geo.pipeline import parse_document
    from geo.role_model import read_sentences

    parsed = parse_document(Document("t", text), lang=lang, gazetteer=gazetteer)
    return parsed, DocIndex(parsed.mentions, read_sentences(text, parsed.mentions, lang), parsed.figures,
                           lang=lang, text=text)
