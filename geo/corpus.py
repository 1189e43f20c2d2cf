"""A corpus through the text side: inputs streamed, documents parsed in parallel, copies found.

:func:`iter_documents` reads the inputs lazily (a JSONL or JSONL.gz file line by line, a folder
file by file), :func:`read_corpus` sends them through :func:`geo.parallel.parse_stream` and
keeps, per document, only the compact result and its place among near-duplicate copies
(:mod:`geo.duplicates`).  Memory then grows with what the outputs hold (places, figures,
mentions), not with the texts read.
"""

from __future__ import annotations

import dataclasses
import gzip
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from geo import documents as _documents
from geo.errors import InputError
from geo.model import Document, ParsedDocument
from geo.parallel import Settings, compact, parse_stream

#: Compressed JSONL, read line by line like ``.jsonl``.
JSONL_GZ_SUFFIX = ".jsonl.gz"


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(JSONL_GZ_SUFFIX) or path.suffix.lower() in _documents.JSONL_SUFFIXES


def _sources(inputs: Iterable[str]) -> list[Path | None]:
    """Every file to read, in order (``None`` for standard input); missing paths fail at once."""
    out: list[Path | None] = []
    for item in inputs:
        if item == "-":
            out.append(None)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            suffixes = _documents.TEXT_SUFFIXES + _documents.JSONL_SUFFIXES
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                           and (p.suffix.lower() in suffixes or p.name.lower().endswith(JSONL_GZ_SUFFIX)))
            if not files:
                raise InputError(f"{item}: no .txt, .md, .html or .jsonl file inside")
            out.extend(files)
        else:
            out.append(path)
    return out


def iter_jsonl(path: Path) -> Iterator[Document]:
    """Stream a JSONL (or gzip-compressed ``.jsonl.gz``) file: one document per non-blank line.

    The fields are those of :func:`geo.documents.read_jsonl`; a malformed line raises
    :class:`InputError` naming the file and line.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    stem = path.name[: -len(JSONL_GZ_SUFFIX)] if path.name.lower().endswith(JSONL_GZ_SUFFIX) else path.stem
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="\n") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield _documents.jsonl_document(line, path, lineno, stem=stem)
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def iter_documents(inputs: Iterable[str], *, stdin: TextIO | None = None) -> Iterator[Document]:
    """Read the inputs of the command line lazily, in order, with unique ``doc_id`` values.

    Parameters
    ----------
    inputs : iterable of str
        As :func:`geo.documents.read_inputs`; ``.jsonl.gz`` files are read too.
    stdin : file-like, optional
        Stream read for ``"-"``.

    Yields
    ------
    Document

    Raises
    ------
    InputError
        At once for a missing path or an empty folder; when reached, for a bad file or line;
        at the end, when there was no document or no text at all.
    """
    seen: dict[str, int] = {}
    any_text = False
    n = 0
    for source in _sources(inputs):
        if source is None:
            docs: Iterable[Document] = _documents.read_inputs(["-"], stdin=stdin or sys.stdin)
        elif _is_jsonl(source):
            docs = iter_jsonl(source)
        else:
            docs = _documents.read_path(source)
        for doc in docs:
            k = seen.get(doc.doc_id, 0) + 1
            seen[doc.doc_id] = k
            if k > 1:
                doc = dataclasses.replace(doc, doc_id=f"{doc.doc_id}-{k}")
            any_text = any_text or bool(doc.text.strip())
            n += 1
            yield doc
    if not n:
        raise InputError("no input documents")
    if not any_text:
        raise InputError("the input holds no text")


@dataclass
class Corpus:
    """The parsed documents of a run and their near-duplicate copies.

    Attributes
    ----------
    parsed : list of ParsedDocument
        Every document, in input order, compacted (:func:`geo.parallel.compact`).
    copy_of : dict of str to str
        For each copy, the id of the document kept in its place.
    copies : dict of str to list of str
        For each kept document with copies, their ids in input order.
    """

    parsed: list[ParsedDocument] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)
    copies: dict[str, list[str]] = field(default_factory=dict)

    @property
    def kept(self) -> list[ParsedDocument]:
        """The documents counted: every document but the copies."""
        return [p for p in self.parsed if p.document.doc_id not in self.copy_of]

    @property
    def documents(self) -> list[Document]:
        """Every document's (compacted) record."""
        return [p.document for p in self.parsed]


def read_corpus(docs: Iterable[Document], settings: Settings | None = None, *, gazetteer=None, jobs: int = 1,
                client=None, online=None, progress: bool = False, dedup: bool = True) -> Corpus:
    """Parse a stream of documents and find the copies among them.

    Parameters
    ----------
    docs : iterable of Document
        Consumed once, lazily.
    settings : geo.parallel.Settings, optional
        Language, point of view, corrections (defaults: auto, UN, none).
    gazetteer : geo.gazetteer.Gazetteer, optional
        Loaded now when missing, so that worker processes started afterwards inherit it.
    jobs, client, online, progress
        As :func:`geo.parallel.parse_stream`.
    dedup : bool
        Find near-duplicate copies (:mod:`geo.duplicates`); ``False`` keeps every document.

    Returns
    -------
    Corpus
    """
    from geo.duplicates import DuplicateFinder

    settings = settings or Settings()
    settings = Settings(settings.lang, settings.pov, settings.corrections, signatures=dedup)
    if gazetteer is None:
        from geo.gazetteer import load_gazetteer

        load_gazetteer(pov=settings.pov)
    finder = DuplicateFinder() if dedup else None
    corpus = Corpus()
    for result in parse_stream(docs, settings, jobs=jobs, client=client, online=online, progress=progress):
        doc_id = result.parsed.document.doc_id
        if finder is not None:
            kept = finder.add(result.signature)
            if kept is not None:
                kept_id = corpus.parsed[kept].document.doc_id
                corpus.copy_of[doc_id] = kept_id
                corpus.copies.setdefault(kept_id, []).append(doc_id)
                # a copy counts nothing: its mentions stay (mentions.jsonl lists every document)
                result.parsed.figures = []
                result.parsed = compact(result.parsed)
        corpus.parsed.append(result.parsed)
    return corpus
