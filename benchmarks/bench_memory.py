#!/usr/bin/env python3
"""Peak memory of a whole run at two corpus sizes, and their ratio (target: within 10 %).

For each size a sample-like corpus is written (``benchmarks/corpus.py``) and
``make_map.py CORPUS -q --jobs J --keep-duplicates`` runs as a child process (every document
counted, none set aside as a copy: the most the outputs hold); its peak resident memory is the
largest of the command and its worker processes (what ``/usr/bin/time -f %M`` reports).  The
line ``ratio`` divides the larger size's peak by the smaller's: memory that does not grow with
the corpus gives 1.00, the target is at most 1.10 (issue 14: 10,000 and 100,000 documents).

    python benchmarks/bench_memory.py                      # 5,000 and 20,000 documents (a few minutes)
    python benchmarks/bench_memory.py --docs 10000,100000  # the target's sizes (100,000: ~10 min quiet)

Timings and the machine's load are printed for the record; memory does not depend on them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import end_to_end, load  # noqa: E402
from corpus import write_corpus  # noqa: E402

#: The largest ratio of the two peaks the target allows.
TARGET = 1.10


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="5000,20000", help="two comma-separated corpus sizes (default 5000,20000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of each run (default 2)")
    a = ap.parse_args(argv)
    sizes = sorted(int(s) for s in a.docs.split(",") if s.strip())
    if len(sizes) != 2:
        ap.error("--docs takes two sizes, e.g. 10000,100000")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = write_corpus(size, Path(tmp) / f"corpus{size}.jsonl")
            seconds, rss = end_to_end(path, jobs=a.jobs)
            path.unlink()
            peaks.append(rss)
            print(f"{size:>7} docs, --jobs {a.jobs}: peak RSS {rss / 2**20:,.0f} MB in {seconds:.0f} s, {load()}")
    ratio = peaks[1] / peaks[0]
    verdict = "met" if ratio <= TARGET else f"missed by {(ratio - TARGET) * 100:.0f} points"
    print(f"ratio {sizes[1]}/{sizes[0]} docs: {ratio:.2f} (target <= {TARGET:.2f}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
