"""Benchmark of the embedded gazetteer: cold load, lookup throughput, committed size.

Usage::

    python benchmarks/bench_gazetteer.py [--runs N] [--seconds S]

Prints

* cold load: wall clock of ``load_gazetteer()`` + the first lookup in a fresh interpreter (median
  and worst of ``--runs`` processes), and the whole process including interpreter start-up;
* lookups per second over a realistic mix: every 1-6-token n-gram starting at a capitalised word
  of a few sentences written for this benchmark (mostly misses, as a recogniser sees them),
  mixed with place names in several languages (hits);
* first-use cost of the geometries and of :meth:`Gazetteer.reverse`;
* the committed size of the gazetteer files.

Targets (exit status 1 when one is missed): load + first lookup <= 0.5 s, >= 100,000 lookups/s,
committed files < 25 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOAD_TARGET_S = 0.5
LOOKUPS_TARGET = 100_000
SIZE_TARGET_MB = 25.0

# Written for this benchmark (not taken from any corpus).
TEXT = """
Il ministro della Difesa ha annunciato che altri 300 soldati italiani partiranno per la Lettonia entro
marzo, mentre la Polonia rafforza il confine con la Bielorussia. Secondo fonti di Kiev, nella notte droni
russi hanno colpito Charkiv e Leopoli; a Zaporizhzhia e nel Donbass proseguono i combattimenti. La Nato
discute a Bruxelles del fianco est dell'Alleanza e dei Paesi baltici. Il presidente francese ha ricevuto a
Parigi i leader di Germania, Regno Unito e Canada. Nel Medio Oriente, la Striscia di Gaza resta sotto
assedio e in Cisgiordania crescono le tensioni. Il Sahel e il Corno d'Africa preoccupano la Farnesina.
The Pentagon said on Tuesday that 2,000 additional troops would be deployed to Romania and Bulgaria.
Officials in Washington and London discussed the situation in the Black Sea, where Russian forces have
struck Odesa and Mykolaiv. Attacks were also reported near Bakhmut, Avdiivka and in the Kursk region of
Russia. Ministers from the Nordic countries met in Oslo; Finland and Sweden joined the alliance's exercises
in Lapland.
Le ministère des Armées a confirmé l'envoi de 500 militaires en Roumanie. À Marseille et à Toulon, la
marine se prépare, tandis que les pays baltes demandent davantage de soutien face à la Russie. Le Caucase
du Sud et la Transnistrie restent des foyers de tension selon Paris.
"""

NAMES = [
    "Paris", "Parigi", "Polonia", "Bruxelles", "Leopoli", "Charkiv", "Kharkiv", "Donbass", "Paesi baltici",
    "Georgia", "Kyiv", "Kiew", "Kijów", "Odessa", "Mosca", "Moskau", "Berlino", "Londra", "Varsavia",
    "Crimea",
    "Europa orientale", "Medio Oriente", "Stati Uniti", "Regno Unito", "Donetsk", "Luhansk", "Lugansk",
    "Sebastopoli", "Baltikum", "pays baltes", "Zaporižžja", "Dnipro", "Rzeszów", "Kaliningrad", "Tbilisi",
]


def ngrams(text: str, max_n: int = 6) -> list[str]:
    """Every n-gram (1..max_n tokens) that starts at a capitalised token, as a recogniser would try."""
    tokens = [t.strip(".,;:!?()\"") for t in text.split()]
    tokens = [t for t in tokens if t]
    out = []
    for i, tok in enumerate(tokens):
        if not tok[0].isupper():
            continue
        for n in range(1, max_n + 1):
            if i + n <= len(tokens):
                out.append(" ".join(tokens[i : i + n]))
    return out


def cold_load(runs: int) -> tuple[list[float], list[float]]:
    """Seconds of load + first lookup, and of the whole process, over ``runs`` fresh interpreters."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from geo.gazetteer import load_gazetteer\n"
        "g = load_gazetteer(); g.lookup('Kharkiv')\n"
        "print(time.perf_counter() - t)\n"
    )
    inner, whole = [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        whole.append(time.perf_counter() - t)
        inner.append(float(out.stdout.strip()))
    return inner, whole


def lookups_per_second(queries: list[str], seconds: float) -> tuple[float, float]:
    """(lookups per second, share of hits) over the query mix, repeated for about ``seconds``."""
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    hits = sum(1 for q in queries if gaz.lookup(q))
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries:
            gaz.lookup(q)
        n += len(queries)
    return n / (time.perf_counter() - t0), hits / len(queries)


def geometry_costs() -> dict[str, float]:
    """Seconds of the first geometry of each kind and of the first reverse lookup (warm index)."""
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out = {}
    firsts = (("country", "country:UA"), ("admin1", "admin1:UA-63"), ("region", "region:baltic-states"))
    for label, eid in firsts:
        t = time.perf_counter()
        gaz.geometry(eid)
        out[f"first {label} geometry"] = time.perf_counter() - t
    t = time.perf_counter()
    gaz.reverse(49.99, 36.23)
    out["first reverse (trees built)"] = time.perf_counter() - t
    t = time.perf_counter()
    for i in range(200):
        gaz.reverse(45.0 + i * 0.02, 10.0 + i * 0.05)
    out["reverse, each (warm)"] = (time.perf_counter() - t) / 200
    return out


def committed_size() -> dict[str, int]:
    """Bytes of every committed gazetteer file (built data and hand-written sources)."""
    data = ROOT / "geo" / "data"
    files = [*data.glob("*.bin.gz"), *(data / "sources").glob("*"),
             *(ROOT / "geo" / "lexicons").glob("*/regions.yaml")]
    return {str(p.relative_to(ROOT)): p.stat().st_size for p in sorted(files) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="fresh interpreters for the cold load (default 5)")
    ap.add_argument("--seconds", type=float, default=3.0, help="duration of the lookup loop (default 3)")
    args = ap.parse_args(argv)
    ok = True

    inner, whole = cold_load(args.runs)
    med = statistics.median(inner)
    print(f"cold load + first lookup: median {med:.3f} s, worst {max(inner):.3f} s "
          f"(whole process incl. interpreter start: median {statistics.median(whole):.3f} s) "
          f"[target <= {LOAD_TARGET_S} s]")
    ok &= med <= LOAD_TARGET_S

    queries = ngrams(TEXT) + NAMES
    rate, hit_share = lookups_per_second(queries, args.seconds)
    print(f"lookups: {rate:,.0f} per second over {len(queries)} queries ({hit_share:.0%} hits) "
          f"[target >= {LOOKUPS_TARGET:,}]")
    ok &= rate >= LOOKUPS_TARGET

    for label, secs in geometry_costs().items():
        print(f"{label}: {secs * 1000:.1f} ms")

    sizes = committed_size()
    total = sum(sizes.values())
    for name, size in sizes.items():
        if size > 100_000:
            print(f"  {name}: {size / 1e6:.2f} MB")
    print(f"committed gazetteer files: {total / 1e6:.2f} MB in {len(sizes)} files "
          f"[target < {SIZE_TARGET_MB} MB]")
    ok &= total / 1e6 < SIZE_TARGET_MB
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
