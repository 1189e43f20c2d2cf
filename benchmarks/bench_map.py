#!/usr/bin/env python3
"""Map benchmark: build time, HTML size and browser load time, small map and 10,000 figures.

    python benchmarks/bench_map.py [--figures 10000] [--chromium /usr/bin/chromium] [--out out/bench]

Inputs are made up (:mod:`layers.synthetic`), so the numbers measure the map side alone.
The browser is Debian's Chromium, headless, with the network blocked; "load" is the time
from navigation until every layer is drawn (``window.atlante`` set), the best of three.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from layers.frames import figures_frame, places_frame  # noqa: E402
from layers.map import build_map, save_map  # noqa: E402
from layers.synthetic import demo_documents, demo_gazetteer, synthetic_corpus  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(parsed, gaz, path: Path, cdn: bool = False) -> dict[str, float]:
    """Build and save one map; return the seconds spent and the file size."""
    t0 = time.perf_counter()
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    t1 = time.perf_counter()
    m = build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz, cdn=cdn)
    save_map(m, path)
    t2 = time.perf_counter()
    return {"figures": len(figures), "frames_s": t1 - t0, "map_s": t2 - t1, "bytes": path.stat().st_size}


def load_times(paths: list[Path], chromium: str, repeat: int = 3) -> list[float]:
    """Best-of-``repeat`` seconds until each map has drawn its layers."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for path in paths:
            best = float("inf")
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
                t0 = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_function("window.atlante !== undefined", timeout=120_000)
                best = min(best, time.perf_counter() - t0)
                page.close()
            out.append(best)
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=10_000, help="figures in the large map")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", default=str(ROOT / "out" / "bench"), help="where the maps are written")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    gaz = demo_gazetteer()
    small = demo_documents(gaz)
    big, big_gaz = synthetic_corpus(args.figures, n_cities=400)
    cases = [("small", "map_small.html", small, gaz, False), ("small, cdn", "map_small_cdn.html", small, gaz, True),
             (f"{args.figures:,} figures", "map_large.html", big, big_gaz, False)]
    rows = []
    for name, filename, parsed, gazetteer, cdn in cases:
        path = out / filename
        rows.append((name, path, build(parsed, gazetteer, path, cdn=cdn), cdn))
    offline = [r for r in rows if not r[3]]
    loads = dict(zip([r[0] for r in offline], load_times([r[1] for r in offline], args.chromium), strict=True))

    print(f"{'map':<18} {'figures':>8} {'frames s':>9} {'map s':>7} {'HTML KB':>9} {'load s':>7}")
    for name, _, stats, _ in rows:
        load = f"{loads[name]:7.2f}" if name in loads else "      -"
        print(f"{name:<18} {stats['figures']:>8,} {stats['frames_s']:9.2f} {stats['map_s']:7.2f} "
              f"{stats['bytes'] / 1024:9.0f} {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
