#!/usr/bin/env python3
"""Start-up benchmark: one article to a map, as a whole process, against importing geopandas and folium.

    python benchmarks/bench_startup.py [--runs 5] [--sample en_zaporizhzhia_front.txt]

Each round runs, in turn, ``python -c "import geopandas, folium"`` and ``python make_map.py
samples/<sample> -o <tmp> -q`` as new processes, and times them with a wall clock from outside.
The map runs read the compiled lexicons, word frequencies and basemap from a cache folder of
their own (``ATLANTE_CACHE_DIR``, see ``geo/cache.py``) that the first, untimed, run fills; the
first run's time is printed apart (it compiles), and so are runs with the cache turned off.
Printed: the minimum and median of each, and the ratio of the map's minimum to the import's; beside
them the minimum CPU seconds (user + system) of each process, steadier on a shared machine.
The processes run with Python's default of writing bytecode caches (``PYTHONDONTWRITEBYTECODE`` is
dropped from their environment): a user's Python compiles Atlante's modules once, as pip does at
install, while with the variable set every run compiles them from source again (about 0.1 s).
The timer covers the interpreter's exit too: its last garbage collections over every object the
libraries made cost ``python -c "import geopandas, folium"`` about 0.2 s; the command skips them by
freezing the collector at exit (``make_map.main``), so its process can end sooner than the import's.
Target (issue 16): the map in at most 1.0 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one process."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--sample", default="en_zaporizhzhia_front.txt", help="a file of samples/")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cache = {**env, "ATLANTE_CACHE_DIR": str(Path(tmp) / "cache")}
        no_cache = {**env, "ATLANTE_CACHE_DIR": ""}
        make = [sys.executable, "make_map.py", str(ROOT / "samples" / args.sample), "-o", str(Path(tmp) / "out"), "-q"]
        imports = [sys.executable, "-c", "import geopandas, folium"]
        first, _ = timed(make, cache)
        times: dict[str, list[float]] = {"import geopandas, folium": [], "make_map.py": [], "make_map.py, no cache": []}
        cpu: dict[str, list[float]] = {name: [] for name in times}
        for _ in range(args.runs):
            for name, cmd, env in (("import geopandas, folium", imports, cache), ("make_map.py", make, cache),
                                   ("make_map.py, no cache", make, no_cache)):
                wall, seconds = timed(cmd, env)
                times[name].append(wall)
                cpu[name].append(seconds)
    print(f"{'':28} {'min s':>7} {'median s':>9} {'min CPU s':>10}")
    for name, values in times.items():
        print(f"{name:28} {min(values):7.2f} {statistics.median(values):9.2f} {min(cpu[name]):10.2f}")
    print(f"{'make_map.py, first run':28} {first:7.2f}  (compiles the cache)")
    base, run = times["import geopandas, folium"], times["make_map.py"]
    print(f"ratio make_map.py / import: {min(run) / min(base):.2f} (min), "
          f"{statistics.median(run) / statistics.median(base):.2f} (median), "
          f"{min(cpu['make_map.py']) / min(cpu['import geopandas, folium']):.2f} (min CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
