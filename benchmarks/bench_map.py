#!/usr/bin/env python3
"""Map benchmark: build time, HTML size, browser load time and filter -> redraw time.

    python benchmarks/bench_map.py [--docs 100,1000,10000] [--per-doc 1] [--chromium /usr/bin/chromium]
                                   [--out out/bench]

Maps: the small demo (inlined and ``cdn``), then one map per document count of
``--docs`` with ``--per-doc`` figures each (so 10,000 documents are 10,000 figures by
default).  Inputs are made up (:mod:`layers.synthetic`), so the numbers measure the map
side alone.  The browser is Debian's Chromium, headless, with the network blocked; "load"
is the time from navigation until every layer, the panel and the labels are drawn
(``window.atlante`` set), the best of three.  "filter ms" is the median and the worst over
five runs of the time ``atlante.setFilter`` takes (layers, outlines, labels, table and histogram
redrawn) for a one-week date range and back to the whole range, then a search; the
panel's target is under 200 ms at 10,000 figures.
"""

from __future__ import annotations

import argparse
import statistics
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


def build(parsed, gaz, path: Path, cdn: bool = False, max_symbols: int | None = None) -> dict[str, float]:
    """Build and save one map; return the seconds spent and the file size."""
    t0 = time.perf_counter()
    places, figures = places_frame(parsed, gaz), figures_frame(parsed, gaz)
    t1 = time.perf_counter()
    m = build_map(places, figures, documents=[p.document for p in parsed], gazetteer=gaz, cdn=cdn,
                  max_symbols=max_symbols)
    save_map(m, path)
    t2 = time.perf_counter()
    return {"figures": len(figures), "frames_s": t1 - t0, "map_s": t2 - t1, "bytes": path.stat().st_size}


#: One filter round in the page: a week, the whole range, a search; each call's milliseconds.
FILTER_ROUND = """() => {
    const t = atlante.data.time, ms = [];
    if (t) {
        ms.push(atlante.setFilter({from: t.min + 7, to: t.min + 13}));
        ms.push(atlante.setFilter({from: t.min, to: t.max}));
    }
    ms.push(atlante.setFilter({q: 'town 1'}));
    ms.push(atlante.setFilter({q: ''}));
    return ms;
}"""


def load_times(paths: list[Path], chromium: str, repeat: int = 3) -> list[tuple[float, tuple[float, float], int]]:
    """Per map: best-of-``repeat`` seconds until it has drawn, the median and worst filter ms, and its symbols."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for path in paths:
            best, filters, symbols = float("inf"), [], 0
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
                t0 = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_function("window.atlante !== undefined", timeout=300_000)
                best = min(best, time.perf_counter() - t0)
                symbols = page.evaluate("atlante.entries.length")
                if not filters:
                    for _ in range(5):
                        filters += page.evaluate(FILTER_ROUND)
                page.close()
            out.append((best, (statistics.median(filters), max(filters)), symbols))
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="100,1000,10000", help="document counts of the large maps")
    parser.add_argument("--per-doc", type=int, default=1, help="figures per document")
    parser.add_argument("--max-symbols", type=int, default=None,
                        help="symbols above which the map draws totals (default: layers.map.MAX_SYMBOLS)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", default=str(ROOT / "out" / "bench"), help="where the maps are written")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    gaz = demo_gazetteer()
    small = demo_documents(gaz)
    cases = [("small", "map_small.html", small, gaz, False), ("small, cdn", "map_small_cdn.html", small, gaz, True)]
    for n_docs in (int(n) for n in args.docs.split(",")):
        parsed, big_gaz = synthetic_corpus(n_docs * args.per_doc, n_cities=400, per_doc=args.per_doc)
        cases.append((f"{len(parsed):,} docs", f"map_{n_docs}_docs.html", parsed, big_gaz, False))
    rows = []
    for name, filename, parsed, gazetteer, cdn in cases:
        path = out / filename
        rows.append((name, path, build(parsed, gazetteer, path, cdn=cdn, max_symbols=args.max_symbols), cdn))
    offline = [r for r in rows if not r[3]]
    loads = dict(zip([r[0] for r in offline], load_times([r[1] for r in offline], args.chromium), strict=True))

    print(f"{'map':<14} {'figures':>8} {'symbols':>8} {'frames s':>9} {'map s':>7} {'HTML KB':>9} {'load s':>7} "
          f"{'filter ms med/max':>18}")
    for name, _, stats, _ in rows:
        load, filt, symbols = loads.get(name, (None, None, None))
        print(f"{name:<14} {stats['figures']:>8,} {symbols if symbols is not None else '-':>8} "
              f"{stats['frames_s']:9.2f} {stats['map_s']:7.2f} {stats['bytes'] / 1024:9.0f} "
              f"{'      -' if load is None else f'{load:7.2f}'} "
              f"{'                 -' if filt is None else f'{filt[0]:8.1f} / {filt[1]:7.1f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
