#!/usr/bin/env python3
"""Atlante's command line: news articles in, a layered map and its data out.

    python make_map.py [INPUT ...] [-o OUTDIR] [--lang auto|it|en|fr|...] [--title TEXT]

With no INPUT the bundled sample articles are read.  See README.md for every option
and output field.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from geo.errors import AtlanteError, InputError, StepKilledError

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "samples"
PROG = "make_map.py"

#: The end of ``--help``: what is read, what is written, and the exit statuses.
EPILOG = """\
inputs read:
  .txt, .md        one document per file (the file name is its id)
  .html, .htm      a saved web page: its article text, title, date, link and outlet
  .jsonl, .jsonl.gz  one JSON document per line
  folders          every such file inside (subfolders too), sorted by path; '-' reads standard input
  Empty, binary or unreadable files of a batch are skipped with a warning (--strict: stop).

written to OUTDIR (only these files are replaced, all together):
  map.html (offline map), places.geojson, figures.geojson, events.geojson, mentions.jsonl,
  manifest.json (the files' hashes); --format adds gpkg and csv exports.

exit status:
  0 the map was written; 2 bad input or options (one line on stderr, OUTDIR untouched);
  1 a step of the run made in a child process was killed (e.g. out of memory; one line on stderr, OUTDIR untouched);
  130 interrupted.
"""


def _prog_name(argv: Sequence[str] | None) -> str:
    """The name the command was run as (``atlante`` when installed), for its messages.

    A call with explicit arguments (a test, another program) keeps ``make_map.py``.
    """
    if argv is not None or not sys.argv or not sys.argv[0] or sys.argv[0] in ("-c", "-m"):
        return PROG
    return Path(sys.argv[0]).name

#: The files every run writes (``--format`` adds more); only Atlante's own files are replaced in OUTDIR,
#: all together (see :mod:`layers.outputs`), and ``manifest.json`` lists them with their hashes.
OUTPUT_FILES = ("map.html", "places.geojson", "figures.geojson", "mentions.jsonl", "events.geojson",
                "manifest.json")

#: Runs of fewer documents show no progress bar for the steps after parsing.
FEW_DOCUMENTS = 20

#: Runs whose documents hold fewer place mentions and figures than this make the places frame, the merge and the
#: figures' files in this process rather than in forked children (``layers.stream.write_frames``): a child costs
#: some 30-40 ms of CPU (its copy of the page tables and of each page it writes), more than such steps allocate.
IN_PROCESS_ITEMS = 1_000


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the README's option table)."""
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Read news articles and draw the places, deployments and incidents they report on a map.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help=".txt/.md/.html files, folders, '-' for standard input, or .jsonl (one document per line: "
                        "doc_id, text, optional date, lang, title, url, outlet). Default: the bundled samples.")
    p.add_argument("-o", "--outdir", default="out", help="output folder (default: out/)")
    p.add_argument("--lang", default="auto", type=str.lower,
                   help="document language: auto (detect per document), it, en, fr, ... (any case)")
    p.add_argument("--title", default=None, help="map title")
    p.add_argument("--format", default="geojson", dest="formats",
                   help="comma-separated extra exports: geojson (always), gpkg, csv")
    p.add_argument("--cdn", action="store_true",
                   help="link Leaflet and friends from public CDNs instead of inlining them "
                        "(smaller file, needs network)")
    p.add_argument("--pov", default="un", choices=("un", "de_facto"),
                   help="borders' point of view: un (default; Crimea is Ukraine, UNGA res. 68/262) or de_facto")
    p.add_argument("--corrections", default=None, metavar="FILE",
                   help="YAML or CSV file of manual corrections (surface -> gazetteer id, coordinates or not-a-place)")
    online = p.add_argument_group("online geocoding (opt-in; off by default, Atlante works offline)")
    online.add_argument("--online", action="store_true",
                        help="ask Nominatim for names the embedded gazetteer lacks (needs --user-agent)")
    online.add_argument("--user-agent", default=None,
                        help="your application and contact, required by Nominatim's usage policy")
    online.add_argument("--geocoder-url", default="https://nominatim.openstreetmap.org",
                        help="Nominatim server (default: the public one; at most one request per second)")
    online.add_argument("--geocoder-cache", default=None, metavar="FILE",
                        help="SQLite cache of answers (default: ~/.cache/atlante/geocode.sqlite)")
    p.add_argument("--encoding", default=None,
                   help="read every input in this encoding (default: detect: BOM, UTF-8, else the likeliest "
                        "legacy encoding such as cp1252)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad file of a batch (default: skip it with a warning)")
    scale = p.add_argument_group("many documents")
    scale.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="worker processes for the per-document work (default: the cores; 1: this process)")
    scale.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="run the per-document work on a Dask cluster: tcp://HOST:8786, or 'local' for a "
                            "LocalCluster on this machine")
    scale.add_argument("--keep-duplicates", action="store_true",
                       help="count near-duplicate documents (the same wire in several outlets) as many reports")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the process exit status."""
    global PROG
    PROG = _prog_name(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if argv is None:  # the command itself: the process ends with the run
        atexit.register(gc.freeze)  # the exit's collections then skip every object (0.25 s of a one-article run)
    global _gc_paused
    collecting = _gc_paused = gc.isenabled()
    gc.disable()  # while the libraries and the gazetteer load (see _make): their collections cost 0.15 s
    try:
        return run(args)
    except StepKilledError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except AtlanteError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    finally:
        _gc_paused = False
        if collecting:
            gc.unfreeze()
            gc.enable()


#: Whether :func:`main` turned the garbage collector off for the start-up (:func:`_resume_gc` turns it on).
_gc_paused = False


def _resume_gc() -> None:
    """Turn the collector back on, the start-up's objects frozen out of its passes (they live to the end)."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def run(args: argparse.Namespace) -> int:
    """Validate everything (OUTDIR included) before any work, then make the outputs under OUTDIR's lock."""
    from geo.language import known_languages

    if args.lang != "auto" and args.lang not in known_languages():
        raise InputError(f"unknown --lang {args.lang!r}; choose auto or one of {', '.join(known_languages())}")
    formats = _parse_formats(args.formats)
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be at least 1, got {args.jobs}")
    if args.encoding is not None:
        from geo.documents import check_encoding

        check_encoding(args.encoding)
    from layers.outputs import OutputFolder, check_outdir

    outdir = check_outdir(args.outdir, args.inputs or [str(SAMPLES)])
    corrections = None
    if args.corrections:
        from geo.corrections import load_corrections

        corrections = load_corrections(Path(os.path.expanduser(args.corrections)))
    online = _online_geocoder(args) if args.online else None
    with OutputFolder(outdir) as out:
        return _make(args, out, formats=formats, corrections=corrections, online=online)


def _make(args: argparse.Namespace, out, *, formats: list[str], corrections, online) -> int:
    """Read, parse, draw and write into the locked output folder ``out`` (see :func:`run`)."""
    t0 = time.perf_counter()
    skipped: list[str] = []

    def skip(reason: str) -> None:
        skipped.append(reason)
        print(f"{PROG}: warning: {reason}; skipped", file=sys.stderr)

    from geo.corpus import SpooledCorpus, iter_documents, read_corpus
    from geo.gazetteer import load_gazetteer
    from geo.parallel import Settings, default_jobs

    docs = iter_documents(args.inputs or [str(SAMPLES)], encoding=args.encoding, strict=args.strict, on_skip=skip)
    gazetteer = load_gazetteer(pov=args.pov)
    from layers.map import build_map, save_map
    from layers.stream import write_frames

    _resume_gc()
    # each document's mentions are written, and its compact result spooled to disk, as it arrives
    spool = SpooledCorpus(out.spool(), mentions=out.staging / "mentions.jsonl", gazetteer=gazetteer,
                          unresolved=online is not None)
    out.on_exit(spool.texts.close)  # an error or Ctrl-C leaves no temporary file open
    out.on_exit(spool.documents.close)
    out.on_exit(spool.close)
    with _dask_client(args.dask) as client:
        corpus = read_corpus(docs, Settings(args.lang, args.pov, corrections, scratch=str(out.spool())),
                             gazetteer=gazetteer,
                             jobs=args.jobs or default_jobs(), client=client, online=online,
                             progress=not args.quiet, dedup=not args.keep_duplicates, sink=spool)
    docs = spool.documents
    from geo.memory import release_memory

    release_memory()  # what parsing freed goes back to the system before the steps that follow
    if corrections is not None:
        for warning in corrections.unused_report():
            print(f"{PROG}: warning: {warning}", file=sys.stderr)

    steps = _Steps(quiet=args.quiet or len(docs) < FEW_DOCUMENTS)
    lang = _interface_language(spool.langs)
    # the figures go through the merge, the files and the map's records a chunk at a time (layers/stream.py)
    frames = write_frames(spool.kept, out.staging, out.spool(), gazetteer=gazetteer, documents=docs,
                           copies=corpus.copies, formats=formats, steps=steps, map_lang=lang,
                           map_texts=spool.texts, fork=spool.n_mentions + spool.n_figures >= IN_PROCESS_ITEMS)
    spool.kept.close()  # the frames are written: the spooled documents go (the records and texts: after the map)
    quotes = getattr(frames.records, "quoted", None)  # the map's totals' quotes file (MapFigures.close)
    if quotes is not None:
        out.on_exit(quotes.close)  # the file only: the figures are not kept alive
    n_places, n_events = len(frames.places), frames.n_events
    fmap = steps("map", lambda: build_map(frames.places, frames.records, documents=docs, gazetteer=gazetteer,
                                          title=args.title, lang=lang, cdn=args.cdn))
    frames = None  # the map holds what it draws
    save_map(fmap, out.staging / "map.html")
    if quotes is not None:
        quotes.close()
    spool.close()  # mentions.jsonl finished; the documents' records and texts closed and deleted
    written = out.commit()
    steps.close()
    if not args.quiet:
        print(f"{len(docs)} document(s) ({len(corpus.copy_of)} near-duplicate copies): {spool.n_mentions} place "
              f"mentions, {n_places} places, {spool.n_figures} figures, {n_events} events in "
              f"{time.perf_counter() - t0:.1f} s")
        for path in written:
            print(f"  wrote {Path(args.outdir) / path.name}")
    if online is not None and online.failure is not None:
        print(f"{PROG}: warning: the online geocoder failed, so the run went on offline: "
              f"{len(spool.unresolved)} name(s) the gazetteer lacks stayed unresolved", file=sys.stderr)
    if skipped:
        names = [reason.split(": ", 1)[0] for reason in skipped]
        more = f" and {len(names) - 5} more" if len(names) > 5 else ""
        print(f"{PROG}: warning: skipped {len(skipped)} bad input file(s) ({', '.join(names[:5])}{more}); "
              f"read {len(docs)} document(s) from the others (--strict stops at the first bad file)",
              file=sys.stderr)
    return 0


class _Steps:
    """Progress over the steps after parsing (tqdm on standard error; nothing under -q or in a short run)."""

    def __init__(self, *, quiet: bool):
        from geo.progress import bar
        from layers.stream import STEPS

        # tqdm's own mininterval and fixed width, as before geo.progress.bar made it: a line per step in a log too
        # (the steps are few, each worth a line), and a line with no bar to widen
        self._bar = bar(STEPS[0], unit="step", disable=quiet, total=len(STEPS) + 1, mininterval=0.1,
                        dynamic_ncols=False, bar_format="{desc}: {n}/{total} steps [{elapsed}]")

    def __call__(self, name: str, work: Callable | None):
        self._bar.set_description_str(name, refresh=False)
        result = work() if work is not None else None
        if work is not None:
            from geo.memory import release_memory

            release_memory()  # each step starts from what the previous ones hold, not from their peak
        self._bar.update(1)
        return result

    def close(self) -> None:
        self._bar.close()


@contextlib.contextmanager
def _dask_client(address: str | None):
    """A Dask client for ``--dask`` (``local``: a LocalCluster of this machine's cores), else ``None``."""
    if address is None:
        yield None
        return
    from geo.cluster import connect

    with connect(address) as client:
        yield client


def _online_geocoder(args: argparse.Namespace):
    """The opt-in Nominatim geocoder (cached, rate-limited, offline once it fails), from the command-line options."""
    from urllib.parse import urlsplit

    from geo.geocoders import CachedGeocoder, OfflineFallback

    url = urlsplit(args.geocoder_url)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise InputError(f"--geocoder-url must be an http(s) URL, got {args.geocoder_url!r}")
    online = CachedGeocoder(user_agent=args.user_agent, cache_path=args.geocoder_cache, domain=url.netloc,
                            scheme=url.scheme)
    # an unreachable geocoder is a warning: the run goes on offline (summed up in _make)
    return OfflineFallback(online, on_failure=lambda reason: print(
        f"{PROG}: warning: {reason}; going on offline", file=sys.stderr))


def _parse_formats(value: str) -> list[str]:
    from layers.export import EXPORT_FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in EXPORT_FORMATS]
    if bad:
        raise InputError(f"unknown --format {', '.join(bad)}; choose from {', '.join(EXPORT_FORMATS)}")
    return formats


def _interface_language(counts: dict[str, int]) -> str:
    """The language most documents are in (documents per language): the map's interface speaks it."""
    return max(sorted(counts), key=counts.get) if counts else "en"


if __name__ == "__main__":
    sys.exit(main())
