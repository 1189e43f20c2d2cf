#!/usr/bin/env python3
"""Start-up benchmark: one article to a map, as a whole process, against importing geopandas and folium.

    python benchmarks/bench_startup.py [--runs 5] [--sample en_zaporizhzhia_front.txt]

Each round runs, in turn, ``python -c "import geopandas, folium"`` and ``python make_map.py
samples/<sample> -o <tmp> -q`` as new processes, and times them with a wall clock from outside.
The map runs read the compiled lexicons, word frequencies and basemap from a cache folder of
their own (``ATLANTE_CACHE_DIR``, see ``geo/cache.py``) that the first, untimed, run fills; the
first run's time is printed apart (it compiles), and so are runs with the cache turned off.
Printed: the minimum and median of each, and the ratio of the map's minimum to the import's.
Target (issue 16): the map in at most 1.0 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one process."""
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--sample", default="en_zaporizhzhia_front.txt", help="a file of samples/")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cache = {**os.environ, "ATLANTE_CACHE_DIR": str(Path(tmp) / "cache")}
        no_cache = {**os.environ, "ATLANTE_CACHE_DIR": ""}
        make = [sys.executable, "make_map.py", str(ROOT / "samples" / args.sample), "-o", str(Path(tmp) / "out"), "-q"]
        imports = [sys.executable, "-c", "import geopandas, folium"]
        first = timed(make, cache)
        times: dict[str, list[float]] = {"import geopandas, folium": [], "make_map.py": [], "make_map.py, no cache": []}
        for _ in range(args.runs):
            times["import geopandas, folium"].append(timed(imports, cache))
            times["make_map.py"].append(timed(make, cache))
            times["make_map.py, no cache"].append(timed(make, no_cache))
    print(f"{'':28} {'min s':>7} {'median s':>9}")
    for name, values in times.items():
        print(f"{name:28} {min(values):7.2f} {statistics.median(values):9.2f}")
    print(f"{'make_map.py, first run':28} {first:7.2f}  (compiles the cache)")
    base, run = times["import geopandas, folium"], times["make_map.py"]
    print(f"ratio make_map.py / import: {min(run) / min(base):.2f} (min), "
          f"{statistics.median(run) / statistics.median(base):.2f} (median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
