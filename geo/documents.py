"""Reading input articles: text, Markdown and HTML files, folders, standard input, JSONL.

Every reader returns :class:`geo.model.Document` records; every failure raises
:class:`geo.errors.InputError` with a one-line message that names the problem.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from geo.errors import InputError
from geo.model import Document

#: File endings read as one document each; ``.jsonl`` holds one document per line.
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
_SNIFF_BYTES = 8192


def read_inputs(inputs: Iterable[str], *, stdin: TextIO | None = None) -> list[Document]:
    """Read every input named on the command line.

    Parameters
    ----------
    inputs : iterable of str
        File paths, folder paths (every supported file inside, recursively, in
        sorted order) or ``"-"`` for standard input.
    stdin : file-like, optional
        Stream read for ``"-"`` (default :data:`sys.stdin`).

    Returns
    -------
    list of Document
        In input order, with unique ``doc_id`` values.

    Raises
    ------
    InputError
        A path is missing, a file is unreadable, binary or of an unsupported type,
        a JSONL line is malformed, or there is no text at all.
    """
    docs: list[Document] = []
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            docs.append(Document(doc_id="stdin", text=stream.read()))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
            )
            if not files:
                raise InputError(f"{item}: no .txt, .md, .html or .jsonl file inside")
            for f in files:
                docs.extend(read_path(f))
        else:
            docs.extend(read_path(path))
    if not docs:
        raise InputError("no input documents")
    if all(not d.text.strip() for d in docs):
        raise InputError("the input holds no text")
    return _unique_ids(docs)


def read_path(path: Path) -> list[Document]:
    """Read one file into documents (one, or one per line for JSONL)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r}; expected .txt, .md, .html or .jsonl")
    text = read_text_file(path)
    if suffix in (".html", ".htm"):
        title, text = html_to_text(text)
        return [Document(doc_id=path.stem, text=text, title=title)]
    return [Document(doc_id=path.stem, text=text)]


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, refusing binary content with a clear error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def read_jsonl(path: Path) -> list[Document]:
    """Read a JSONL file: one object per line with ``doc_id``, ``text`` and optional
    ``date`` (ISO), ``lang``, ``title``, ``url``; other keys are ignored."""
    docs = []
    # split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() breaks on.
    for lineno, line in enumerate(read_text_file(path).split("\n"), 1):
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
            d = Document(f"{d.doc_id}-{n}", d.text, d.date, d.lang, d.title, d.url)
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


def html_to_text(html: str) -> tuple[str | None, str]:
    """Extract ``(title, text)`` from an HTML page; scripts and styles are dropped.

    Offsets of everything Atlante finds in an HTML input refer to this text.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split()) or None
    return title, text
