"""Reading input articles: text, Markdown and HTML files, folders, standard input, JSONL.

Every reader returns :class:`geo.model.Document` records; every failure raises
:class:`geo.errors.InputError` with a one-line message that names the problem.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import functools
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from geo.errors import InputError
from geo.model import Document

#: File endings read as one document each; ``.jsonl`` holds one document per line.
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
_SNIFF_BYTES = 8192

#: The sample articles that ship with Atlante (``samples/`` beside the ``geo`` package), whatever the
#: working directory: ``read_inputs([SAMPLES])``.
SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: The file that marks a folder as one of Atlante's output folders (see :mod:`layers.outputs`).
MANIFEST_NAME = "manifest.json"
MANIFEST_GENERATOR = "atlante"
#: Files that together mark an output folder of a version of Atlante that wrote no manifest.
_OLD_OUTPUT_MARKERS = ("mentions.jsonl", "places.geojson")


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds Atlante's outputs (its manifest, or the outputs of an older version)."""
    manifest = folder / MANIFEST_NAME
    if manifest.is_file():
        try:
            if json.loads(manifest.read_text(encoding="utf-8")).get("generator") == MANIFEST_GENERATOR:
                return True
        except (OSError, ValueError, AttributeError):
            pass
    return all((folder / name).is_file() for name in _OLD_OUTPUT_MARKERS)


def folder_files(folder: Path) -> list[Path]:
    """The files a folder input reads, in sorted order.

    Every ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl`` and ``.jsonl.gz`` file inside, recursively,
    except hidden files and folders (a name starting with ``.``) and Atlante's own output
    folders (:func:`is_output_folder`), wherever they are (``folder`` itself included).
    """
    files: list[Path] = []
    if is_output_folder(folder):
        return files
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_output_folder(here / d))
        files.extend(here / f for f in filenames
                     if not f.startswith(".") and (Path(f).suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                                                   or f.lower().endswith(".jsonl.gz")))
    return sorted(files)


def read_inputs(inputs: Iterable[str | os.PathLike[str]], *, stdin: TextIO | None = None, encoding: str | None = None,
                strict: bool = False, on_skip: Callable[[str], None] | None = None) -> list[Document]:
    """Read every input named on the command line.

    Parameters
    ----------
    inputs : iterable of str or Path
        File paths, folder paths (every supported file inside, recursively, in
        sorted order, except hidden paths and Atlante's output folders: see
        :func:`folder_files`) or ``"-"`` for standard input.  :data:`SAMPLES` is the
        bundled sample articles.
    stdin : file-like, optional
        Stream read for ``"-"`` (default :data:`sys.stdin`).
    encoding : str, optional
        Read every file in this encoding instead of detecting it (see :func:`decode_text`).
    strict : bool
        Stop at the first bad file of a batch (default: skip it, see ``on_skip``).
    on_skip : callable, optional
        Called with the one-line reason when a bad file of a batch is skipped; by
        default a :class:`InputWarning` is issued.

    Returns
    -------
    list of Document
        In input order, with unique ``doc_id`` values.

    Raises
    ------
    InputError
        A path is missing or a folder holds no supported file; the only input file is
        unreadable, binary, undecodable, of an unsupported type or a malformed JSONL file
        (in a batch of several files such a file is skipped, unless ``strict``); every file
        was skipped; or there is no text at all.
    """
    if encoding is not None:
        check_encoding(encoding)
    sources = input_sources(inputs)
    batch = len(sources) > 1
    docs: list[Document] = []
    skipped = 0
    for source in sources:
        try:
            if source is None:
                docs.append(Document(doc_id="stdin", text=_read_stream(stdin or sys.stdin, encoding)))
            else:
                docs.extend(read_path(source, encoding=encoding))
        except InputError as exc:
            if strict or not batch:
                raise
            skipped += 1
            if on_skip is None:
                warnings.warn(f"{exc}; skipped", InputWarning, stacklevel=2)
            else:
                on_skip(str(exc))
    if not docs:
        raise InputError(f"all {skipped} input files were skipped" if skipped else "no input documents")
    if all(not d.text.strip() for d in docs):
        raise no_text_error(sources)
    return _unique_ids(docs)


def no_text_error(sources: Sequence[Path | None]) -> InputError:
    """The error for inputs that hold no text, naming them (``"e.jsonl: the input holds no text"``).

    Parameters
    ----------
    sources : sequence of Path or None
        The files read (``None``: standard input), as :func:`input_sources` lists them.

    Returns
    -------
    InputError
    """
    names = [str(s) if s is not None else "standard input" for s in sources[:3]]
    more = f" and {len(sources) - 3} more" if len(sources) > 3 else ""
    return InputError(f"{', '.join(names)}{more}: the input holds no text")


def input_sources(inputs: Iterable[str | os.PathLike[str]]) -> list[Path | None]:
    """The files the inputs name, in order (``None`` for standard input), folders expanded.

    A leading ``~`` is the user's home folder, as in a shell (a quoted ``'~/articles'``, or a
    path given from Python).

    Raises
    ------
    InputError
        A path is missing, or a folder holds no supported file (or only Atlante's outputs).
    """
    sources: list[Path | None] = []
    for item in inputs:
        if item == "-":
            sources.append(None)
            continue
        path = Path(os.path.expanduser(item))  # "~draft.txt", "~nobody/x" stay as written
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            files = folder_files(path)
            if not files and is_output_folder(path):
                raise InputError(f"{item}: a folder of Atlante's outputs, not of articles")
            if not files:
                raise InputError(f"{item}: no .txt, .md, .html or .jsonl file inside")
            sources.extend(files)
        else:
            sources.append(path)
    return sources


class InputWarning(UserWarning):
    """A bad file of a batch was skipped."""


def _read_stream(stream: TextIO, encoding: str | None) -> str:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream with no bytes underneath (io.StringIO)
        return stream.read()
    return decode_text(buffer.read(), "standard input", encoding=encoding)


def read_path(path: Path, *, encoding: str | None = None) -> list[Document]:
    """Read one file into documents (one, or one per line for JSONL).

    ``encoding`` forces the file's encoding (default: detected, see :func:`decode_text`).
    """
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, encoding=encoding)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r}; expected .txt, .md, .html or .jsonl")
    text = read_text_file(path, encoding=encoding)
    doc = html_document(path.stem, text) if suffix in (".html", ".htm") else Document(doc_id=path.stem, text=text)
    if not doc.text.strip():
        raise InputError(f"{path}: empty file, no text")
    return [doc]


def read_text_file(path: Path, *, encoding: str | None = None) -> str:
    """Read a text file in its encoding (detected unless ``encoding`` is given; see :func:`decode_text`)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_text(raw, str(path), encoding=encoding)


#: Byte-order marks, longest first (UTF-32's little-endian mark starts like UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Legacy encodings preferred among equally plausible readings: Western European ones, where the
#: project's main languages were written before UTF-8.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
#: Unicode categories that are implausible in a news text decoded right (symbols, marks, controls).
_ODD_CATEGORIES = frozenset({"So", "Sk", "Sm", "Mn", "Me", "No", "Co", "Cc", "Cf", "Cn"})
#: How many bytes of a file the candidate readings of a legacy encoding are scored on.
_DETECT_BYTES = 16384
#: A reading with more than one odd character in this many is no text.
MAX_ODD_SHARE = 10
_WORD = re.compile(r"[^\W\d_]{2,}")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or an :class:`InputError` for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1, utf-16)") from None


def decode_text(raw: bytes, where: str, *, encoding: str | None = None) -> str:
    """Decode a file's bytes.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then the most
    plausible reading among those :mod:`charset_normalizer` proposes and Windows-1252:
    fewest symbols, control characters and mixed-script words, Western European
    encodings first on a tie.  ``encoding`` skips detection.

    Raises
    ------
    InputError
        Binary content (NUL bytes without a UTF-16/32 mark), or bytes no encoding reads.
    """
    if encoding is not None:
        try:
            return raw.decode(check_encoding(encoding))
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not {encoding} text (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not {codec} text despite its byte-order mark (byte {exc.start})") from None
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise InputError(f"{where}: binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_legacy(raw, where)


def _detect_legacy(raw: bytes, where: str) -> str:
    from charset_normalizer import from_bytes

    candidates = [(m.encoding, m.chaos) for m in from_bytes(raw)]
    with contextlib.suppress(UnicodeDecodeError):
        raw.decode("cp1252")
        candidates.append(("cp1252", 1.0))
    head = raw[:_DETECT_BYTES]  # readings are scored on the head of the file: the winner decodes it all
    scored = []
    for name, chaos in candidates:
        sample = head.decode(name, errors="ignore")
        scored.append((_oddness(sample), name not in _PREFERRED, chaos, name, len(sample)))
    best = min(scored, default=None, key=lambda c: c[:3])
    if best is None or best[0] > max(2, best[4] // MAX_ODD_SHARE):
        raise InputError(f"{where}: not text in any known encoding (binary? use --encoding to name it)")
    try:
        return raw.decode(best[3])
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not {best[3]} text after all (byte {exc.start}); use --encoding") from None


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _odd_word(word: str) -> bool:
    """A word mixing scripts ("Ð¾Ñ"), or a long Latin word made mostly of accented letters ("Ðîññèéñêèå")."""
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return True
    return scripts == {"LATIN"} and len(word) >= 4 and 2 * sum(not c.isascii() for c in word) > len(word)


def _oddness(text: str) -> int:
    """How implausible a decoded text is: symbols, marks and controls, and odd words (:func:`_odd_word`)."""
    odd = sum(1 for c in text if unicodedata.category(c) in _ODD_CATEGORIES and c not in "\n\r\t")
    return odd + sum(1 for w in _WORD.findall(text) if _odd_word(w))


def read_jsonl(path: Path, *, encoding: str | None = None) -> list[Document]:
    """Read a JSONL file: one object per line with ``doc_id``, ``text`` and optional
    ``date`` (ISO), ``lang``, ``title``, ``url``, ``outlet``; other keys are ignored."""
    docs = []
    # split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() breaks on.
    for lineno, line in enumerate(read_text_file(path, encoding=encoding).split("\n"), 1):
        if line.strip():
            docs.append(jsonl_document(line, path, lineno))
    return docs


def jsonl_document(line: str, path: Path, lineno: int, *, stem: str | None = None) -> Document:
    """The document of one JSONL line (see :func:`read_jsonl`); ``stem`` names it when it has no ``doc_id``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{path}:{lineno}: a line must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{path}:{lineno}: missing or non-string 'text'")
    doc_id = obj.get("doc_id")
    doc_id = f"{stem or path.stem}-{lineno}" if doc_id is None or doc_id == "" else str(doc_id)
    return Document(
        doc_id=doc_id,
        text=text,
        date=_parse_date(obj.get("date"), f"{path}:{lineno}"),
        lang=_opt_str(obj.get("lang")),
        title=_opt_str(obj.get("title")),
        url=_opt_str(obj.get("url")),
        outlet=_opt_str(obj.get("outlet")),
    )


def _opt_str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _parse_date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: 'date' must be an ISO date such as 2026-01-06, got {value!r}") from None


def _unique_ids(docs: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        n = seen.get(d.doc_id, 0) + 1
        seen[d.doc_id] = n
        if n > 1:
            d = dataclasses.replace(d, doc_id=f"{d.doc_id}-{n}")
        out.append(d)
    return out


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
              "footer", "blockquote", "title", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_document(doc_id: str, html: str) -> Document:
    """A saved web page as a document: its article's text and the page's metadata.

    The article body is extracted with trafilatura: navigation, cookie banners, related
    articles, comments and footers are left out, so the towns they name are no places of
    the article.  The page's metadata (``<title>``, Open Graph and schema.org tags, canonical
    link) give the document's ``title``, ``date`` (publication date), ``url`` and
    ``outlet`` (site name).  A page trafilatura finds no article in (a bare fragment) is
    read whole by :func:`html_to_text`.  Offsets of everything Atlante finds in an HTML
    input refer to the extracted text.

    Parameters
    ----------
    doc_id : str
    html : str
        The page's markup, decoded.

    Returns
    -------
    Document
    """
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise InputError(f"reading HTML needs trafilatura ({exc}); run `make map` or pip install -e .") from None
    article = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if article is None or not (article.text or "").strip():
        title, text = html_to_text(html)
        return Document(doc_id=doc_id, text=text, title=title)
    date = None
    if article.date:
        with contextlib.suppress(ValueError):
            date = dt.date.fromisoformat(article.date[:10])
    return Document(doc_id=doc_id, text=article.text, date=date, title=_opt_str(article.title),
                    url=_opt_str(article.url), outlet=_opt_str(article.sitename))


def html_to_text(html: str) -> tuple[str | None, str]:
    """Extract ``(title, text)`` from an HTML page or fragment: all its text, scripts and styles dropped.

    The fallback of :func:`html_document` for markup with no article in it.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split()) or None
    return title, text
