#!/usr/bin/env python3
"""Many documents: throughput with 1 and 2 processes and a 2-worker LocalCluster, end to end, peak memory.

On a sample-like corpus (``benchmarks/corpus.py``: the bundled samples recombined, numbers
redrawn):

* **parse**: documents per second of the per-document work (:func:`geo.corpus.read_corpus` with
  the command's sink, :class:`geo.corpus.SpooledCorpus`: parsing, compaction, copies, the
  ``mentions.jsonl`` lines and the spooled records) in this process, in 2 worker processes and on
  a LocalCluster of 2 worker processes, each as a ratio to the serial run of the same invocation,
  with the CPU seconds it took (this process and its workers; a LocalCluster's workers are not
  counted) and the load average when it ended;
* **end to end**: ``make_map.py CORPUS --jobs J -q --keep-duplicates`` as a subprocess (reading,
  parsing, frames, events, map, every output file; every document counted, none set aside as a
  copy: the most the outputs can hold), documents per second and its peak resident memory;
* **memory**: the same end-to-end run at each size of ``--memory-docs`` (peak RSS of the
  command, workers excluded: ``--jobs 1``), to see whether memory grows with the corpus.

The machine's other load changes every number: quote them with the command and the load.

    python benchmarks/bench_scale.py --docs 2000 [--memory-docs 10000,100000] [--skip-dask]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write_corpus  # noqa: E402


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (worker processes)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def parse_rate(path: Path, *, jobs: int = 1, client=None) -> tuple[int, float, float]:
    """(documents, seconds, CPU seconds) of :func:`geo.corpus.read_corpus` over a corpus file, with the
    sink of the command line (mentions written, records spooled)."""
    from geo.corpus import SpooledCorpus, iter_documents, read_corpus
    from geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        sink = SpooledCorpus(Path(tmp), mentions=Path(tmp) / "mentions.jsonl", gazetteer=gazetteer)
        t0, c0 = time.perf_counter(), cpu_seconds()
        read_corpus(iter_documents([str(path)]), gazetteer=gazetteer, jobs=jobs, client=client, sink=sink)
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        sink.close()
    return len(sink.documents), seconds, cpu


def load() -> str:
    """The load average of the last minute, for the line of each figure."""
    return f"load {os.getloadavg()[0]:.1f}"


def end_to_end(path: Path, *, jobs: int) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of ``make_map.py path --jobs J -q --keep-duplicates`` as a child process."""
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / "make_map.py"), str(path), "-o", out, "-q",
                                 "--jobs", str(jobs), "--keep-duplicates"])
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"make_map.py failed with status {proc.returncode}")
    return seconds, usage.ru_maxrss * 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents of the throughput runs (default 2000)")
    ap.add_argument("--memory-docs", default="", help="comma-separated sizes of the peak-memory runs, e.g. "
                                                      "10000,100000 (default: none)")
    ap.add_argument("--skip-dask", action="store_true", help="no LocalCluster run")
    a = ap.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus(a.docs, Path(tmp) / "corpus.jsonl.gz")
        n, serial, cpu = parse_rate(path, jobs=1)
        print(f"parse, 1 process:      {n} docs in {serial:6.1f} s = {n / serial:6.0f} docs/s  (1.00x), "
              f"{cpu:.1f} CPU s, {load()}")
        n, two, cpu = parse_rate(path, jobs=2)
        print(f"parse, 2 processes:    {n} docs in {two:6.1f} s = {n / two:6.0f} docs/s  ({serial / two:.2f}x), "
              f"{cpu:.1f} CPU s, {load()}")
        if not a.skip_dask:
            from geo.cluster import connect
            from geo.parallel import Settings, start_worker

            with connect("local", n_workers=2) as client:
                client.run(start_worker, Settings())  # as the process pool's workers, start with the gazetteer
                n, cl, _ = parse_rate(path, client=client)
            print(f"parse, LocalCluster 2: {n} docs in {cl:6.1f} s = {n / cl:6.0f} docs/s  ({serial / cl:.2f}x), "
                  f"{load()}")
        for jobs in (1, 2):
            seconds, rss = end_to_end(path, jobs=jobs)
            print(f"end to end, --jobs {jobs}: {a.docs} docs in {seconds:6.1f} s = {a.docs / seconds:6.0f} docs/s, "
                  f"peak RSS {rss / 2**20:,.0f} MB (main process), {load()}")
        for size in [int(s) for s in a.memory_docs.split(",") if s.strip()]:
            big = write_corpus(size, Path(tmp) / f"corpus{size}.jsonl.gz")
            seconds, rss = end_to_end(big, jobs=1)
            print(f"memory, {size} docs, --jobs 1: peak RSS {rss / 2**20:,.0f} MB in {seconds:.0f} s "
                  f"({size / seconds:.0f} docs/s), {load()}")
            big.unlink()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
