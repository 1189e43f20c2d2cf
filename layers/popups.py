"""What popups and tooltips say, as plain text for the page's script to lay out.

A popup *spec* is a dict of plain strings::

    {"title": "Ukraine", "sub": "country · deployment", "head": "about 12,000 troops, ...",
     "lines": ["places: ..."], "entries": [{"text": ..., "date": ..., "quote": [pre, mark, post],
     "doc": {"text": ..., "href": ...}, "source": ...}], "docs": [{"text": ..., "href": ...}]}

Nothing in it is HTML: ``layers/assets/atlante.js`` puts every string in the page with
``textContent`` (the figure inside the quote in a ``<mark>``), and keeps a link only when
it is ``http:`` or ``https:``.  So a document holding markup or script shows it as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from geo.model import Document
from layers.strings import count_phrase, format_date
from layers.words import figure_phrase

#: Figures listed in one popup at most; the rest are counted ("… and 3 more").
MAX_ENTRIES = 12
#: Longest title (place names joined) before it is cut.
MAX_TITLE = 90


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute ``http(s)`` link, else ``None`` (no ``javascript:``, ``data:``...)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\r\n\t\0 "):
        return url
    return None


def doc_link(doc_id: str, documents: Mapping[str, Document]) -> dict[str, str | None]:
    """The document's title (or id) and its link, for a popup."""
    doc = documents.get(doc_id)
    title = (doc.title if doc is not None and doc.title else None) or doc_id
    return {"text": title, "href": safe_href(doc.url if doc is not None else None)}


def quote_parts(quote: str, start: int, end: int, text: str | None = None, *, offset: int = 0,
                length: int | None = None) -> list[str]:
    """Split a quote around the figure's words: ``[before, figure, after]``.

    Parameters
    ----------
    quote : str
        The sentence holding the figure.
    start, end : int
        Offsets of the figure in the document's text.
    text : str, optional
        The document's text, to place the quote in it; or a slice of it (``offset``, ``length``) that holds
        ``max(0, min(start, end - len(quote)))`` to ``min(length, max(end, start + len(quote)))``
        (:func:`quote_span`): the quote is placed as in the whole text.
    offset : int
        Where ``text`` starts in the document's text.
    length : int, optional
        The length of the document's text (default: ``offset + len(text)``).

    Returns
    -------
    list of str
        Three strings; ``[quote, "", ""]`` when the figure cannot be found in the quote.
    """
    quote = quote or ""
    n = (offset + len(text) if text else 0) if length is None else length
    if text is not None and n and 0 <= start < end <= n:
        # the last occurrence starting at or before the figure; it holds the figure only when it starts at or
        # after end - len(quote), so the slice of quote_span finds the one the whole text would
        found = text.rfind(quote, 0, start + len(quote) - offset) if quote else -1
        at = found + offset if found != -1 else -1
        if at != -1 and at <= start and end <= at + len(quote):
            a, b = start - at, end - at
            return [quote[:a], quote[a:b], quote[b:]]
        surface = text[start - offset : end - offset]
        i = quote.find(surface)
        if surface and i != -1:
            return [quote[:i], surface, quote[i + len(surface):]]
    return [quote, "", ""]


def quote_span(quote: str, start: int, end: int, length: int) -> tuple[int, int]:
    """The slice of a document's text (of ``length`` characters) that :func:`quote_parts` reads for a figure at
    ``start``-``end`` quoted by ``quote``: an occurrence of the quote that holds the figure lies inside."""
    return max(0, min(start, end - len(quote))), min(length, max(end, start + len(quote)))


def document_text(doc_id: str, documents: Mapping[str, Document], texts: Any = None) -> str | None:
    """The text of a document: its own, else (a run keeps texts on disk) the one ``texts`` holds.

    Parameters
    ----------
    doc_id : str
    documents : mapping of str to Document
        The documents' records (their texts may be empty).
    texts : geo.corpus.TextSpool, optional
        Anything whose ``get(doc_id)`` gives a document's text or None.

    Returns
    -------
    str or None
        None for a document ``documents`` does not hold.
    """
    doc = documents.get(doc_id)
    if doc is None:
        return None
    return doc.text or (texts.get(doc_id) if texts is not None else None) or doc.text


def _quoted(fig: Mapping[str, Any], documents: Mapping[str, Document], texts: Any = None) -> list[str]:
    """:func:`quote_parts` of a figure record, reading of a text kept in ``texts`` (a
    :class:`geo.corpus.TextSpool`) only the slice around the quote (:func:`quote_span`)."""
    quote, start, end = fig.get("quote") or "", int(fig["start"]), int(fig["end"])
    doc = documents.get(fig["document"])
    if doc is not None and not doc.text and texts is not None and hasattr(texts, "slice"):
        length = texts.length(fig["document"])
        if length:
            a, b = quote_span(quote, start, end, length)
            return quote_parts(quote, start, end, texts.slice(fig["document"], a, b) if a < b else "", offset=a,
                               length=length)
    return quote_parts(quote, start, end, document_text(fig["document"], documents, texts))


def figure_entry(fig: Mapping[str, Any], strings: dict[str, Any], documents: Mapping[str, Document],
                 texts: Any = None) -> dict:
    """One figure in a popup: its phrase, date, quote (figure marked), source and document.

    ``texts`` holds the documents' texts when their records do not (:func:`document_text`): the quote is
    placed in its document's text, of which only the slice around the quote is read.
    """
    entry = {
        "text": figure_phrase(fig, strings),
        "date": format_date(fig.get("date"), strings),
        "quote": _quoted(fig, documents, texts),
        "doc": doc_link(fig["document"], documents),
    }
    if fig.get("source"):
        entry["source"] = strings["popup"]["source"].format(source=fig["source"])
    return entry


def title_of(names: Sequence[str]) -> str:
    """Place names joined for a popup title, cut at :data:`MAX_TITLE` characters."""
    title = ", ".join(dict.fromkeys(n for n in names if n))
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip(", ") + "…"


def limited(entries: list[dict], strings: dict[str, Any], total: int | None = None) -> tuple[list[dict], list[str]]:
    """Keep :data:`MAX_ENTRIES` entries; say how many more there are (of ``total``, by default the entries')."""
    total = len(entries) if total is None else total
    if total <= MAX_ENTRIES and len(entries) <= MAX_ENTRIES:
        return entries, []
    kept = entries[:MAX_ENTRIES]
    return kept, [count_phrase(strings["popup"]["more"], total - len(kept), strings)]


def kind_and_roles(kind: str, roles: Sequence[str], strings: dict[str, Any]) -> str:
    """``"city · venue, mentioned"`` in the interface language."""
    words = [strings["kinds"].get(kind, kind)]
    if roles:
        words.append(", ".join(strings["roles"].get(r, r) for r in roles))
    return " · ".join(words)


def place_popup(place: Mapping[str, Any], figures: Sequence[Mapping[str, Any]], strings: dict[str, Any],
                documents: Mapping[str, Document], total: int | None = None, texts: Any = None) -> dict:
    """Popup of a place: kind and roles, mentions, surfaces, its figures and its documents.

    ``total`` is how many figures the place has when ``figures`` are only its first ones: the page
    then draws totals, and lists at most :data:`MAX_ENTRIES` of the place's documents (and counts the rest).
    ``texts``: as :func:`figure_entry`.
    """
    entries, more = limited([figure_entry(f, strings, documents, texts) for f in figures[:MAX_ENTRIES]], strings,
                            total=len(figures) if total is None else total)
    lines = [count_phrase(strings["popup"]["mentions"], int(place["mentions"]), strings)]
    surfaces = [s for s in place["surfaces"] if s != place["name"]]
    if surfaces:
        lines.append(strings["popup"]["as_written"].format(surfaces=", ".join(f"“{s}”" for s in surfaces)))
    if place.get("located_by"):  # geo.approximate: a village the gazetteer lacks, drawn at its locator's point
        lines.append(strings["popup"]["approximate"].format(locator=place["located_by"]))
    docs = place["documents"] if not entries else []  # a geo.docstore.StoredIds reads the ids it is asked for
    if total is not None and len(docs) > MAX_ENTRIES:
        more = [*more, count_phrase(strings["popup"]["more"], len(docs) - MAX_ENTRIES, strings)]
        docs = docs[:MAX_ENTRIES]
    docs = list(docs)
    return {"title": place["name"], "sub": kind_and_roles(place["kind"], place["roles"], strings),
            "lines": lines + more, "entries": entries, "docs": [doc_link(d, documents) for d in docs]}


def figures_popup(title: str, head: str, figures: Sequence[Mapping[str, Any]], strings: dict[str, Any],
                  documents: Mapping[str, Document], sub: str = "", most: int = MAX_ENTRIES,
                  texts: Any = None) -> dict:
    """Popup of one figure, or of figures over the same places: a headline, then each figure.

    An entry whose words are the headline's leaves them out (one figure is not said twice).
    At most ``most`` (and :data:`MAX_ENTRIES`) figures are written out; the rest are counted.
    ``texts``: as :func:`figure_entry`.
    """
    entries, more = limited([figure_entry(f, strings, documents, texts) for f in figures[:most]], strings,
                            total=len(figures))
    for entry in entries:
        if entry["text"] == head:
            entry["text"] = ""
    return {"title": title, "sub": sub, "head": head, "lines": more, "entries": entries, "docs": []}
