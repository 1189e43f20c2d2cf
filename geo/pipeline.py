"""Text -> places -> figures for a list of documents: the one entry point of ``geo``."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from geo import windows
from geo.approximate import locate_settlements
from geo.cues import cues_for
from geo.dates import document_date, event_dates_in, find_dateline
from geo.doc import Doc, Reading, fewer_collections
from geo.events import build_frames
from geo.figure_places import PlaceWeights, place_figures
from geo.figure_places import load_weights as load_place_weights
from geo.figures import extract_figures
from geo.language import detect_language
from geo.model import Document, Mention, ParsedDocument
from geo.normalize import fold, nfc_offsets
from geo.numbers import tokenize as number_tokens
from geo.resolve import resolve_spans
from geo.role_model import RoleWeights, decide_roles, read_sentences
from geo.role_model import load_weights as load_role_weights
from geo.roles import assign_roles, roles_from_figures
from geo.toponyms import find_toponyms

#: Confidence given to a place found only by the online geocoder.
ONLINE_CONFIDENCE = 0.5


def geocode_unresolved(mentions: list[Mention], online, memo: dict | None = None) -> None:
    """Ask the user's online geocoder for the names the gazetteer lacks ("Laurel County"), in place.

    Each distinct surface is asked once per run (and once ever, through the geocoder's cache);
    a surface it does not know stays unresolved.
    """
    from geo.geocoders import entity_from_location

    memo = {} if memo is None else memo
    for m in mentions:
        if m.entity is not None:
            continue
        if m.surface not in memo:
            location = online.geocode(m.surface, exactly_one=True)
            memo[m.surface] = entity_from_location(location) if location is not None else None
        if memo[m.surface] is not None:
            m.entity, m.confidence = memo[m.surface], ONLINE_CONFIDENCE


def find_places(doc: Document, *, lang: str, gazetteer, dateline=None, corrections=None,
                online=None, memo: dict | None = None, reading: Reading | None = None) -> list[Mention]:
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
    online : geo.geocoders.CachedGeocoder, optional
        The user's opt-in online geocoder, asked only for names the gazetteer lacks.
    memo : dict, optional
        Answers of ``online`` shared across documents.
    reading : geo.doc.Reading, optional
        The text already read by the document model.

    Returns
    -------
    list of Mention
        In text order; ``entity`` is ``None`` for a name nothing could place.
    """
    text, back = doc.text, None
    if not unicodedata.is_normalized("NFC", text):  # "Krako\u0301w": read composed, offsets into the text as given
        text, back = nfc_offsets(text)
        dateline = find_dateline(text, lang) if dateline is not None else None
    spans = find_toponyms(text, lang=lang, gazetteer=gazetteer, dateline=dateline, reading=reading)
    resolutions = resolve_spans(spans, text, gazetteer, home_countries=cues_for(lang).home_countries)
    if back is not None:
        for s in spans:
            s.start, s.end, s.sentence = back[s.start], back[s.end], (back[s.sentence[0]], back[s.sentence[1]])
            s.surface = doc.text[s.start : s.end]
    mentions = [
        Mention(doc_id=doc.doc_id, start=s.start, end=s.end, surface=s.surface, entity=r.entity,
                confidence=r.confidence, sentence_start=s.sentence[0], sentence_end=s.sentence[1])
        for s, r in zip(spans, resolutions, strict=True)
    ]
    if corrections is not None:
        mentions = corrections.apply(doc, mentions, gazetteer)
    if online is not None:
        geocode_unresolved(mentions, online, memo)
    # "the village of X in the Y region": near Y, for what neither the gazetteer, corrections nor the geocoder placed
    mentions = locate_settlements(mentions, {(s.start, s.end) for s in spans if s.settlement}, doc.text, lang)
    assign_roles(mentions, doc.text, lang, reading)
    return mentions


def _date_mentions(doc: Document, mentions: list[Mention], lang: str, doc_date, folded: str | None = None) -> None:
    """Date each mention by the event its sentence reports ("si è svolta ieri a Parigi")."""
    cache: dict[tuple[int, int], str | None] = {}
    tokens = number_tokens(fold(doc.text) if folded is None else folded) if mentions else []
    starts = [t.start for t in tokens]
    for m in mentions:
        key = (m.sentence_start, m.sentence_end)
        if key not in cache:
            window = event_dates_in(doc.text, tokens, starts, key[0], key[1], lang, doc_date)
            cache[key] = window[0].isoformat() if window and window[0] == window[1] else None
        m.date = cache[key]


@dataclass(frozen=True)
class Fitted:
    """The weights of the weighed decisions; ``None`` for one leaves the rules' reading there."""

    roles: RoleWeights | None
    figure_places: PlaceWeights | None

    @classmethod
    def load(cls) -> Fitted:
        """The weights kept in ``geo/data/weights`` (fitted by ``geo/data/fit_weights.py``)."""
        return cls(load_role_weights(), load_place_weights())


@dataclass(frozen=True)
class Context:
    """What the stages read besides the document: the gazetteer, the user's corrections and online
    geocoder, and the fitted weights."""

    gazetteer: object
    corrections: object = None
    online: object = None
    memo: dict | None = None
    fitted: Fitted | None = None


@dataclass(frozen=True)
class Stage:
    """One step of the text side: it reads the layers ``requires`` names and adds those ``provides`` names."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[Doc, Context], None]

    def __call__(self, doc: Doc, context: Context) -> None:
        missing = [r for r in self.requires if r not in doc.layers]
        if missing:
            raise RuntimeError(f"stage {self.name!r} needs {', '.join(missing)} first")
        self.run(doc, context)
        doc.layers.extend(self.provides)


def _places(doc: Doc, ctx: Context) -> None:
    """Recognition, resolution, the user's corrections, the online fallback and the cue roles."""
    doc.mentions = find_places(doc.document, lang=doc.lang, gazetteer=ctx.gazetteer, dateline=doc.dateline,
                               corrections=ctx.corrections, online=ctx.online, memo=ctx.memo, reading=doc.reading)
    for m in doc.mentions:
        m.cue_role = m.role


def _mention_dates(doc: Doc, ctx: Context) -> None:
    _date_mentions(doc.document, doc.mentions, doc.lang, doc.date, doc.reading.folded)


def _figures(doc: Doc, ctx: Context) -> None:
    doc.figures = extract_figures(doc.document, doc.mentions, lang=doc.lang, doc_date=doc.date)
    for f in doc.figures:
        # A figure the text does not date is dated by its report.
        if f.date is None and doc.date is not None:
            f.date = doc.date.isoformat()


def _sentences(doc: Doc, ctx: Context) -> None:
    doc.sentences = read_sentences(doc.text, doc.mentions, doc.lang, doc.reading)


def _roles(doc: Doc, ctx: Context) -> None:
    roles_from_figures(doc.mentions, doc.figures)  # the cue rules' last word: figures confirm roles
    for m in doc.mentions:
        m.cue_role = m.role
    decide_roles(doc.mentions, doc.figures, text=doc.text, lang=doc.lang, sentences=doc.sentences,
                 dateline=doc.dateline, weights=ctx.fitted.roles, headline=doc.headline)


def _figure_places(doc: Doc, ctx: Context) -> None:
    place_figures(doc.figures, doc.mentions, doc.sentences, doc.text, weights=ctx.fitted.figure_places,
                  lang=doc.lang)


def _frames(doc: Doc, ctx: Context) -> None:
    doc.frames = build_frames(doc.document.doc_id, doc.text, doc.sentences, doc.mentions, doc.figures)


#: The text side, in order: each stage adds its layers to the one :class:`geo.doc.Doc`.
STAGES: tuple[Stage, ...] = (
    Stage("places", (), ("mentions",), _places),
    Stage("mention_dates", ("mentions",), ("mention_dates",), _mention_dates),
    Stage("figures", ("mentions", "mention_dates"), ("figures",), _figures),
    Stage("sentences", ("mentions",), ("sentences",), _sentences),
    Stage("roles", ("mentions", "figures", "sentences"), ("roles",), _roles),
    Stage("figure_places", ("figures", "roles", "sentences"), ("figure_places",), _figure_places),
    Stage("frames", ("sentences", "roles", "figure_places"), ("frames",), _frames),
)


def read_document(doc: Document, *, lang: str = "auto") -> Doc:
    """The :class:`geo.doc.Doc` of ``doc``: its language, its text read once, its dateline and date."""
    doc_lang, dateline, date = _language_and_date(doc, lang)
    return Doc(document=doc, lang=doc_lang, reading=Reading.of(doc.text), dateline=dateline, date=date)


def _language_and_date(doc: Document, lang: str) -> tuple[str, object, object]:
    """The language, dateline and date of ``doc`` (``lang`` "auto" detects the language when the document
    gives none)."""
    doc_lang = doc.lang if lang == "auto" and doc.lang else lang
    if doc_lang == "auto":
        doc_lang = detect_language(doc.text)
    return doc_lang, find_dateline(doc.text, doc_lang), document_date(doc, doc_lang)


def _run_stages(d: Doc, context: Context, *, frames: bool = True) -> ParsedDocument:
    """Run :data:`STAGES` over ``d`` and return what the document keeps (without ``frames``, the last stage,
    which only adds the event frames, is not run: they stay empty)."""
    for stage in STAGES if frames else STAGES[:-1]:
        stage(d, context)
    return ParsedDocument(document=d.document, lang=d.lang, date=d.date, mentions=d.mentions, figures=d.figures,
                          frames=d.frames)


def parse_document(doc: Document, *, lang: str = "auto", gazetteer, corrections=None, online=None,
                   memo: dict | None = None, fitted: Fitted | None = None, scratch=None,
                   frames: bool = True) -> ParsedDocument:
    """Parse one document into places and figures (see :func:`parse_documents`): build its
    :class:`geo.doc.Doc` once and run :data:`STAGES` over it. ``fitted`` replaces the weights kept in
    data (the fitting command passes its own). A document longer than :data:`geo.windows.WINDOW_CHARS`
    is read window by window, in bounded memory (:func:`geo.windows.parse_windows`), its rows spooled to
    files in the folder ``scratch`` (the run's; without one: anonymous temporary files). ``frames`` ``False``
    leaves a short document's event frames (``ParsedDocument.frames``) unmade, for a caller that drops them
    (:func:`geo.parallel.compact`); a long document's windows make theirs (the join reads them)."""
    with fewer_collections():
        context = Context(gazetteer, corrections, online, memo, fitted if fitted is not None else Fitted.load())
        if len(doc.text) > windows.WINDOW_CHARS:
            parsed = windows.parse_windows(doc, _window_reader(doc, lang, context), limit=windows.WINDOW_CHARS,
                                           scratch=scratch)
        else:
            d = read_document(doc, lang=lang)
            parsed = _run_stages(d, context, frames=frames)
            # The reading (tokens, sentences) goes before the threshold is put back: the collection that
            # follows then walks what the document keeps, not all it made.
            del d
        del context
    return parsed


def _window_reader(doc: Document, lang: str, context: Context) -> Callable[[Document, bool], ParsedDocument]:
    """How :func:`geo.windows.parse_windows` parses one window of ``doc``: with the language, dateline and date
    read once from the start of the whole document (its first :data:`geo.windows.WINDOW_CHARS` characters, as a
    short document is read), the dateline in the first window only; only the first window has a headline."""
    lang_, dateline, date = _language_and_date(dataclasses.replace(doc, text=doc.text[: windows.WINDOW_CHARS]), lang)

    def parse_window(window: Document, is_first: bool) -> ParsedDocument:
        d = Doc(document=window, lang=lang_, reading=Reading.of(window.text),
                dateline=dateline if is_first else None, date=date, headline=is_first)
        return _run_stages(d, context)

    return parse_window


def parse_documents(docs: Iterable[Document], *, lang: str = "auto", gazetteer=None,
                    corrections=None, online=None, progress: bool = False) -> list[ParsedDocument]:
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
    online : geo.geocoders.CachedGeocoder, optional
        Opt-in online geocoder for names the gazetteer lacks; ``None`` keeps Atlante offline.
    progress : bool
        Show a progress bar (tqdm) on standard error.

    Returns
    -------
    list of ParsedDocument
    """
    if gazetteer is None:
        from geo.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    from tqdm import tqdm

    memo: dict = {}
    return [parse_document(d, lang=lang, gazetteer=gazetteer, corrections=corrections, online=online, memo=memo)
            for d in tqdm(docs, desc="reading", unit="doc", disable=not progress, leave=False)]
