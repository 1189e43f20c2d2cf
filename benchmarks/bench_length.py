#!/usr/bin/env python3
"""Length benchmark: one long document, end to end, at several sizes; time per MB and peak memory.

    python benchmarks/bench_length.py [--sizes 0.25,1,4,16] [--dense 100,200,400] [--keep DIR]

Each document is English news text made by repeating varied sentences: the bundled English sample
(one paragraph in ten) and sentences written from a few templates, filled with the gazetteer's
cities, capitals, countries and admin-1 units (seeded, so every run reads the same text).  The names
vary as they do in a long report: many distinct places, the big ones named again and again.

Every size runs ``make_map.py DOC -o OUT -q`` in its own process; the time is the whole process's
wall time, the memory its peak resident set (``os.wait4``).  Printed per size: MB, mentions, figures,
seconds, seconds per MB, the ratio of seconds per MB to the smallest size's, CPU seconds (less
sensitive than wall time to other work on a shared machine), peak MB and the ratio of the peak to the
smallest size's.  The targets (issue 16): a time ratio within 1.5 at every size, and memory bounded
(a long document is read, spooled and written a window at a time: geo/windows.py), the 16 MB
document's peak within 1.5 times the 1 MB one's.

``--dense`` adds figure-dense documents of that many paragraphs, each paragraph written from the
templates alone (every one names places and most hold a figure; no sample paragraph): the stages that
weigh each figure against its document (geo/figure_places.py) must stay linear there too (issue 13).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Sentences of the generated paragraphs; the fields are filled with gazetteer names and numbers.
TEMPLATES = (
    "At least {n} soldiers arrived in {city} on {day}, officials in {capital} said.",
    "Shelling hit {city} and {city2} overnight; {m} civilians were killed and {k} wounded, "
    "according to the {region} administration.",
    "The government of {country} said about {n} troops would be deployed to {country2} in the coming weeks.",
    "Reporters in {city} counted more than {n} explosions near the border with {country}.",
    "Ministers met in {capital} on {day} and agreed to send up to {n} troops to {country}, {country2} "
    "and {country3}.",
    "Local authorities in {region} reported {m} attacks in the past week.",
    "The convoy left {city} for {city2} on {day} with {n} vehicles.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("12", "40", "300", "1,000", "5,000", "about 700", "nearly 2,500")


def name_pools(gazetteer) -> dict[str, list[str]]:
    """Names to fill the templates with: cities of 200,000 people or more, capitals, countries, admin-1 units."""
    def names(kinds, keep=lambda e: True) -> list[str]:
        return sorted({e.name for e in gazetteer.entities(kinds) if e.name.isascii() and keep(e)})

    return {"city": names(["city"], lambda e: e.population >= 200_000),
            "capital": names(["city"], lambda e: bool(e.capital_of)),
            "country": names(["country"]), "region": names(["admin1"])}


def dense_document(n_paragraphs: int, pools: dict[str, list[str]], seed: int = 0) -> str:
    """A figure-dense English document of ``n_paragraphs`` paragraphs of 3 to 6 template sentences each.

    Parameters
    ----------
    n_paragraphs : int
        How many paragraphs.
    pools : dict of str to list of str
        The names to fill the templates with (:func:`name_pools`).
    seed : int
        Seeds the random choices: one seed, one document.

    Returns
    -------
    str
        The paragraphs, parted by blank lines.
    """
    rng = random.Random(seed)
    return "\n\n".join(_paragraph(rng, pools, wide=True) for _ in range(n_paragraphs))


def _paragraph(rng: random.Random, pools: dict[str, list[str]], wide: bool = False) -> str:
    """One paragraph of 3 to 6 template sentences, filled from ``pools``; ``wide``: numbers drawn from a wide
    range, so that the figures of a long document are many distinct counts, not a few repeated ones (the
    figure stage merges a count repeated with its kind)."""
    return " ".join(_sentence(rng, pools, wide) for _ in range(rng.randint(3, 6)))


def _sentence(rng: random.Random, pools: dict[str, list[str]], wide: bool) -> str:
    """One template sentence filled from ``pools`` (see :func:`_paragraph`)."""
    template = rng.choice(TEMPLATES)
    n = rng.randint(20, 9000) if wide else rng.choice(NUMBERS)
    m, k = rng.randint(2, 900 if wide else 30), rng.randint(2, 900 if wide else 60)
    return template.format(
        n=n, m=m, k=k, day=rng.choice(DAYS), city=rng.choice(pools["city"]), city2=rng.choice(pools["city"]),
        capital=rng.choice(pools["capital"]), country=rng.choice(pools["country"]),
        country2=rng.choice(pools["country"]), country3=rng.choice(pools["country"]),
        region=rng.choice(pools["region"]))


def long_document(n_bytes: int, pools: dict[str, list[str]], sample: str, seed: int = 0) -> str:
    """An English document of about ``n_bytes`` bytes (see the module docstring).

    Parameters
    ----------
    n_bytes : int
        Size to reach, in UTF-8 bytes.
    pools : dict
        From :func:`name_pools`.
    sample : str
        A sample article, repeated as one paragraph in ten.
    seed : int
        Seed of the random choices.

    Returns
    -------
    str
    """
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        para = sample if rng.random() < 0.1 else _paragraph(rng, pools)
        parts.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts)


def run_once(doc: Path, out: Path) -> tuple[float, float, float]:
    """Run the command line on one document; return (wall seconds, CPU seconds, peak resident MB) of its process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "make_map.py"), str(doc), "-o", str(out), "-q"], cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"make_map.py failed on {doc} (exit {proc.returncode})")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="0.25,1,4,16", help="comma-separated document sizes in MB")
    p.add_argument("--dense", default="", help="comma-separated paragraph counts of figure-dense documents")
    p.add_argument("--keep", default=None, help="write the documents and outputs here (default: a temporary folder)")
    args = p.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s]
    dense = [int(s) for s in args.dense.split(",") if s]

    from geo.gazetteer import load_gazetteer

    pools = name_pools(load_gazetteer())
    sample = (ROOT / "samples" / "en_zaporizhzhia_front.txt").read_text(encoding="utf-8").strip()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"{'MB':>6} {'mentions':>9} {'figures':>8} {'seconds':>8} {'s/MB':>7} {'ratio':>6} {'cpu s':>7} "
              f"{'peak MB':>8} {'peak ratio':>10}")
        groups = [  # each group's ratios are to its own first run
            (None, [(f"{mb:g}MB", lambda mb=mb: long_document(int(mb * 1_000_000), pools, sample)) for mb in sizes]),
            (f"figure-dense: {', '.join(map(str, dense))} paragraphs",
             [(f"dense{n}", lambda n=n: dense_document(n, pools)) for n in dense]),
        ]
        for title, runs in groups:
            if title and runs:
                print(title)
            first = None
            for name, make in runs:
                first = _report(name, make, work, first)
    return 0


def _report(name: str, make: Callable[[], str], work: Path, first: tuple[float, float] | None
            ) -> tuple[float, float]:
    """Write one document made by ``make``, read it and print its row; the seconds per MB and the peak MB of the
    group's first run (``first``, or this run's)."""
    doc = work / f"long_{name}.txt"
    doc.write_text(make(), encoding="utf-8")
    real_mb = doc.stat().st_size / 1_000_000
    out = work / f"out_{name}"
    seconds, cpu, peak = run_once(doc, out)
    with (out / "mentions.jsonl").open(encoding="utf-8") as f:
        mentions = sum(len(json.loads(line)["toponyms"]) for line in f)
    figures = len(json.loads((out / "figures.geojson").read_text(encoding="utf-8"))["features"])
    per_mb = seconds / real_mb
    first = first or (per_mb, peak)
    print(f"{real_mb:6.2f} {mentions:9d} {figures:8d} {seconds:8.1f} {per_mb:7.1f} {per_mb / first[0]:6.2f} "
          f"{cpu:7.1f} {peak:8.0f} {peak / first[1]:10.2f}", flush=True)
    return first


if __name__ == "__main__":
    raise SystemExit(main())
