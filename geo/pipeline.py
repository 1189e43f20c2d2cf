"""Text -> places -> figures for a list of documents: the one entry point of ``geo``."""

from __future__ import annotations

from collections.abc import Iterable

from geo.dates import document_date, event_dates, find_dateline
from geo.figures import extract_figures
from geo.language import detect_language
from geo.model import Document, Mention, ParsedDocument
from geo.resolve import resolve_spans
from geo.roles import assign_roles, roles_from_figures
from geo.toponyms import find_toponyms


def find_places(doc: Document, *, lang: str, gazetteer, dateline=None, corrections=None) -> list[Mention]:
    """Recognise, resolve and give a role to every place named in ``doc``.

    Parameters
    ----------
    doc : Document
    lang : str
        The document's language.
    gazetteer : geo.gazetteer.Gazetteer
    dateline : geo.dates.Dateline, optional
    corrections : geo.corrections.Corrections, optional
        Manual fixes applied after resolution.

    Returns
    -------
    list of Mention
        In text order; ``entity`` is set on every mention.
    """
    spans = find_toponyms(doc.text, lang=lang, gazetteer=gazetteer, dateline=dateline)
    resolutions = resolve_spans(spans, doc.text, gazetteer)
    mentions = [
        Mention(doc_id=doc.doc_id, start=s.start, end=s.end, surface=s.surface, entity=r.entity,
                confidence=r.confidence, sentence_start=s.sentence[0], sentence_end=s.sentence[1])
        for s, r in zip(spans, resolutions, strict=True)
    ]
    if corrections is not None:
        mentions = corrections.apply(doc, mentions, gazetteer)
    assign_roles(mentions, doc.text, lang)
    return mentions


def _date_mentions(doc: Document, mentions: list[Mention], lang: str, doc_date) -> None:
    """Date each mention by the event its sentence reports ("si è svolta ieri a Parigi")."""
    cache: dict[tuple[int, int], str | None] = {}
    for m in mentions:
        key = (m.sentence_start, m.sentence_end)
        if key not in cache:
            window = event_dates(doc.text[key[0] : key[1]], lang, doc_date)
            cache[key] = window[0].isoformat() if window and window[0] == window[1] else None
        m.date = cache[key]


def parse_document(doc: Document, *, lang: str = "auto", gazetteer, corrections=None) -> ParsedDocument:
    """Parse one document into places and figures (see :func:`parse_documents`)."""
    doc_lang = doc.lang if lang == "auto" and doc.lang else lang
    if doc_lang == "auto":
        doc_lang = detect_language(doc.text)
    dateline = find_dateline(doc.text, doc_lang)
    doc_date = document_date(doc, doc_lang)
    mentions = find_places(doc, lang=doc_lang, gazetteer=gazetteer, dateline=dateline, corrections=corrections)
    _date_mentions(doc, mentions, doc_lang, doc_date)
    figures = extract_figures(doc, mentions, lang=doc_lang, doc_date=doc_date)
    for f in figures:
        # A figure the text does not date is dated by its report.
        if f.date is None and doc_date is not None:
            f.date = doc_date.isoformat()
    roles_from_figures(mentions, figures)
    return ParsedDocument(document=doc, lang=doc_lang, date=doc_date, mentions=mentions, figures=figures)


def parse_documents(docs: Iterable[Document], *, lang: str = "auto", gazetteer=None,
                    corrections=None) -> list[ParsedDocument]:
    """Parse documents into places and figures.

    Parameters
    ----------
    docs : iterable of Document
    lang : str, default "auto"
        ``"auto"`` detects each document's language (a document's own ``lang`` wins);
        a code forces it for all.
    gazetteer : geo.gazetteer.Gazetteer, optional
        Defaults to the embedded gazetteer, UN point of view.
    corrections : geo.corrections.Corrections, optional
        Manual fixes (``--corrections``).

    Returns
    -------
    list of ParsedDocument
    """
    if gazetteer is None:
        from geo.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    return [parse_document(d, lang=lang, gazetteer=gazetteer, corrections=corrections) for d in docs]
