"""Build the embedded gazetteer files of ``geo/data/`` from the shared source data.

Run from anywhere::

    python geo/data/build_gazetteer.py [--shared PATH] [--out DIR]

``--shared`` defaults to ``../shared/data`` relative to the repository root, ``--out`` to
``geo/data``.  The runtime (:mod:`geo.gazetteer`) never imports this script; this script uses
the runtime's container format, :func:`geo.gazetteer.prior` and :func:`geo.normalize.fold_key`.
Rebuilding from the same sources gives byte-identical files (sorted output, gzip with mtime=0).

Steps: countries (two points of view) -> admin-1 units -> cities (admin-1 by point in polygon)
-> composite regions -> names -> name index -> simplified, valid, quantised polygons.
Hand-written inputs live in ``geo/data/sources/``; see ``geo/data/README.md`` for provenance.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
import shapely.ops
import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from geo.gazetteer import (  # noqa: E402
    DE_FACTO_GEOMETRY_FILE,
    GEOMETRY_FILES,
    INDEX_FILE,
    KINDS,
    MAGIC,
    prior,
)
from geo.normalize import fold, fold_key  # noqa: E402

SOURCES = Path(__file__).resolve().parent / "sources"
LANGS = ("it", "en", "fr", "de", "es", "uk", "ru", "pl")
#: world-countries translation keys of our languages (it has no Ukrainian).
WC_LANGS = {"ita": "it", "fra": "fr", "deu": "de", "spa": "es", "rus": "ru", "pol": "pl"}

#: Douglas-Peucker tolerance in degrees (a border still looks right at zoom 8).
SIMPLIFY_TOLERANCE = 0.005
#: Coordinates of committed polygons sit on a 1e-4 degree grid (about 11 m).
GEOMETRY_SCALE = 10_000.0
#: Entity points are stored as integers of 1e-5 degree.
COORD_SCALE = 100_000.0
#: Regions of at least this many countries are simplified with a coarser tolerance.
REGION_TOLERANCE = 0.01
REGION_COARSE_MEMBERS = 5
#: A country whose polygons under the two points of view differ by more than this area (square
#: degrees) gets its own de facto geometry (smaller differences are Natural Earth version drift).
POV_MIN_AREA = 0.01
#: GeoNames admin-1 codes are trusted over the polygons for border towns in countries where they agree
#: with the polygons for this share of the towns, within this distance of GeoNames' unit.
GEONAMES_CODE_AGREEMENT = 0.95
GEONAMES_CODE_KM = 15.0
#: Cities of GeoNames cities500 kept: population at least this, or a national capital. GeoNames puts a town
#: below 500 people in cities500 only as the seat of an administrative division (down to PPLA4), often with no
#: population recorded (0), as for many seats of local government areas in Nigeria or the Sahel: all are kept.
MIN_CITY_POPULATION = 0
#: GeoNames alternate names are indexed for cities of at least this population (smaller towns
#: are found by their main name only: it keeps the index small and fast to load).
ALT_NAMES_MIN_POPULATION = 1000
#: Longest name kept, in white-space tokens.
MAX_NAME_TOKENS = 6
#: GeoNames admin-1 code <-> ISO 3166-2 unit: share of cities that must agree both ways.
ADMIN1_MATCH_SHARE = 0.8
ISO_3166_2 = re.compile(r"^[A-Z]{2}-(?!X\d\d)[A-Z0-9]{1,3}$")  # NE invents "AI-X00", "XK-X02~"
SUPERSCRIPTS = dict.fromkeys(map(ord, "¹²³⁴⁵⁶⁷⁸⁹⁰"), None)


_T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f} s] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- names


def _script_ok(ch: str) -> bool:
    """Latin, Greek or Cyrillic letter, combining mark, or a name punctuation mark."""
    o = ord(ch)
    if ch.isalpha():
        return o < 0x250 or 0x370 <= o < 0x530 or 0x1E00 <= o < 0x2000
    if 0x300 <= o < 0x370:
        return True
    return ch in " -'’‘ʼ.`"


def clean_name(name: Any, *, min_len: int = 3) -> str | None:
    """Return ``name`` tidied (white space, superscripts, parenthesised parts), or None if junk.

    Junk: empty, not a string, digits or other symbols, a script other than Latin / Greek /
    Cyrillic, fewer than ``min_len`` letters, more than :data:`MAX_NAME_TOKENS` tokens.
    """
    if not isinstance(name, str):
        return None
    name = name.translate(SUPERSCRIPTS)
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = " ".join(name.split()).strip(" -.,")
    if not name or not all(_script_ok(c) for c in name):
        return None
    if sum(c.isalpha() for c in name) < min_len:
        return None
    if len(name.split()) > MAX_NAME_TOKENS:
        return None
    return name


def clean_alternate(name: str) -> str | None:
    """Filter a GeoNames alternate name: drop codes, lower-case romanisations and junk."""
    got = clean_name(name)
    if got is None:
        return None
    if not any(c.isupper() for c in got):  # machine romanisations: "ba li", "dwntsk"
        return None
    if got.isupper() and len(got) <= 4:  # airport and other codes: "PAR", "KBP"
        return None
    return got


@dataclass
class Ent:
    """An entity under construction."""

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None = None
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0
    members: tuple[str, ...] = ()
    capital_of: str | None = None
    seat_of: str | None = None
    names: dict[str, bool] = field(default_factory=dict)  # name -> primary

    def add(self, name: Any, primary: bool = True, *, min_len: int = 3) -> None:
        got = clean_name(name, min_len=min_len)
        if got is not None:
            for form in _with_unmarked(got):
                self.names[form] = self.names.get(form, False) or primary

    def add_alternate(self, name: str) -> None:
        got = clean_alternate(name)
        if got is not None:
            for form in _with_unmarked(got):
                self.names[form] = self.names.get(form, False)


#: The Arabic definite article as romanised before a name, with its assimilated forms ("El Daein", "Ad
#: Dammam", "Ash-Shuhada"); news in Latin script often leaves it out ("Daein").
_ARABIC_ARTICLE = re.compile(r"^(?:[AaEe][Ll]|[AaEe](?:[DdRrSsTtZzNn]|[Ss][Hh]))[- ](?=[^\W\d_]{4})")
#: A name without its article is not added when it is this common a word or given name (Zipf frequency, in
#: any language the project reads): "El Asher" is no "Asher", "El Hani" no "Hani", "Bab" stays a word.
ARTICLE_BARE_MAX_ZIPF = 2.5
#: The languages whose word frequencies that test reads.
ARTICLE_BARE_LANGS = ("en", "it", "fr", "es", "de")


def without_arabic_article(name: str) -> str | None:
    """The name without a leading romanised Arabic article, or None when it has none.

    "El Daein" -> "Daein", "Ash-Shuhada" -> "Shuhada"; "Al Ain" -> None (the bare word needs four letters or
    more), "El Asher" -> None (a common word or given name, :data:`ARTICLE_BARE_MAX_ZIPF`).
    """
    from wordfreq import zipf_frequency

    m = _ARABIC_ARTICLE.match(name)
    if m is None:
        return None
    bare = name[m.end():]
    if not bare[:1].isupper():
        return None
    word = fold_key(bare)
    if max(zipf_frequency(word, lang) for lang in ARTICLE_BARE_LANGS) >= ARTICLE_BARE_MAX_ZIPF:
        return None
    return bare


def arabic_countries(src: Sources) -> frozenset[str]:
    """ISO alpha-2 codes of the countries where Arabic is an official language (world-countries ``languages``)."""
    rows = json.loads((src.country_names / "world-countries_countries.json").read_text(encoding="utf-8"))
    return frozenset(r["cca2"] for r in rows if "ara" in (r.get("languages") or {}))


_SOFT_SIGN = re.compile(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])")


def _with_unmarked(name: str) -> list[str]:
    """The name and its usual unmarked spellings: without transliteration apostrophes
    ("Ts'khinvali" -> "Tskhinvali") and with spaces for hyphens ("Emilia-Romagna" -> "Emilia Romagna")."""
    forms = [name]
    bare = name.strip("'’‘ʼʻʿʾ`´")  # "‘Afrīn" (a transliterated ayin) is written "Afrin" in the news
    if bare != name and len(bare) >= 3:
        forms.append(bare)
        name = bare
    plain = _SOFT_SIGN.sub("", name)
    if plain != name and len(plain.split()[0]) >= 4:
        forms.append(plain)
    for form in list(forms):
        spaced = re.sub(r"(?<=[^\W\d_]{3})-(?=[^\W\d_]{3})", " ", form)
        if spaced != form and len(spaced.split()) <= 6:
            forms.append(spaced)
    return forms


# --------------------------------------------------------------------------- geometry helpers


def polygons_of(geom: Any) -> list[Any]:
    """The non-empty Polygons inside any geometry."""
    return [p for p in shapely.get_parts(geom, recursive=True) if p.geom_type == "Polygon" and not p.is_empty]


def polygonal(geom: Any) -> Any:
    """Keep only the polygonal parts of a geometry, as one valid (Multi)Polygon or None."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid:
        return geom
    polys = polygons_of(geom)
    if not polys:
        return None
    out = polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)
    if not out.is_valid:  # overlapping or touching parts: dissolve, then repair what is left
        out = shapely.union_all(polys)
        if not out.is_valid:
            out = shapely.make_valid(out)
        polys = polygons_of(out)
        if not polys:
            return None
        out = polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)
    return out if out.is_valid and not out.is_empty else None


def simplify_area(geom: Any, tolerance: float = SIMPLIFY_TOLERANCE) -> Any:
    """Simplify, repair and snap an area to the storage grid; always valid and polygonal."""
    for tol in (tolerance, tolerance / 5, 0.0):
        g = shapely.simplify(geom, tol, preserve_topology=True) if tol else geom
        g = polygonal(shapely.make_valid(g))
        if g is None:
            continue
        g = polygonal(shapely.set_precision(g, 1.0 / GEOMETRY_SCALE))
        if g is not None and g.is_valid and not g.is_empty:
            return g
    raise RuntimeError("could not simplify a geometry into a valid polygon")


def as_multipolygon(geom: Any) -> Any:
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    return geom


def representative(geom: Any) -> tuple[float, float]:
    """(lat, lon) of a label point: pole of inaccessibility of the largest part."""
    parts = list(shapely.get_parts(geom))
    largest = max(parts, key=lambda p: p.area)
    pt = shapely.ops.polylabel(largest, tolerance=0.01)
    return round(pt.y, 5), round(pt.x, 5)


def region_point(geom: Any) -> tuple[float, float]:
    """(lat, lon) for a region: its centroid when inside, else the nearest point inside."""
    c = geom.centroid
    if not geom.contains(c):
        c = shapely.ops.nearest_points(geom, c)[0]
    return round(c.y, 5), round(c.x, 5)


# --------------------------------------------------------------------------- container writer


def write_container(path: Path, meta: dict[str, Any], sections: dict[str, tuple[str, Any]]) -> int:
    """Write a container (see :func:`geo.gazetteer.read_container`); return its size in bytes."""
    blob = bytearray()
    header: dict[str, Any] = {"meta": meta, "sections": {}}
    for name in sorted(sections):
        dtype, data = sections[name]
        if dtype == "str":
            if any("\n" in s for s in data):
                raise ValueError(f"newline in a string of section {name}")
            raw = "\n".join(data).encode("utf-8")
        elif dtype == "json":
            raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        elif dtype in ("i4", "i8", "u1", "u2"):
            np_type = {"i4": "<i4", "i8": "<i8", "u1": "u1", "u2": "<u2"}[dtype]
            arr = np.asarray(data)
            conv = arr.astype(np_type)
            if not np.array_equal(conv, arr):
                raise ValueError(f"section {name} overflows {dtype}")
            raw = conv.tobytes()
        else:
            raw = bytes(data)
        header["sections"][name] = [dtype, len(blob), len(raw)]
        blob += raw
    head = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    data = MAGIC + len(head).to_bytes(8, "little") + head + bytes(blob)
    out = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(out)
    return len(out)


def geometry_sections(items: list[tuple[str, Any]]) -> dict[str, tuple[str, Any]]:
    """Encode (id, geometry) pairs as ragged arrays of zigzag, byte-shuffled int32 coordinate deltas."""
    items = sorted(items)
    geoms = np.array([as_multipolygon(g) for _, g in items], dtype=object)
    gtype, coords, (ring_off, part_off, geom_off) = shapely.to_ragged_array(geoms)
    if gtype != shapely.GeometryType.MULTIPOLYGON:
        raise ValueError("expected MultiPolygons")
    q = np.rint(coords * GEOMETRY_SCALE).astype(np.int64)
    if not np.array_equal(q / GEOMETRY_SCALE, coords):
        raise ValueError("coordinates off the storage grid")
    deltas = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).reshape(-1)
    if np.abs(deltas).max(initial=0) >= 2**31:
        raise ValueError("coordinate delta overflows int32")
    zigzag = ((deltas << 1) ^ (deltas >> 63)).astype("<u4")
    shuffled = zigzag.view(np.uint8).reshape(-1, 4).T.copy()
    return {
        "ids": ("str", [i for i, _ in items]),
        "coords": ("z4s", shuffled.tobytes()),
        "ring_offsets": ("i4", ring_off),
        "part_offsets": ("i4", part_off),
        "geom_offsets": ("i4", geom_off),
    }


# --------------------------------------------------------------------------- sources


class Sources:
    """Paths into the shared data folder and the hand-written source files."""

    def __init__(self, shared: Path) -> None:
        self.root = shared
        self.admin0 = {
            "un": shared / "natural_earth/admin0_10m_deu_pov/ne_10m_admin_0_countries_deu.shp",
            "de_facto": shared
            / "natural_earth/admin0_10m_default_pov/ne_10m_admin_0_countries_default_5.1.2.gpkg",
        }
        self.admin1 = shared / "derived/admin1_ne10m_ems_with_cldr_names.gpkg"
        self.places = shared / "natural_earth/v4.0.0_martynafford/ne_10m_populated_places_v4.0.0.gpkg"
        self.cities = shared / "geonames/cities500.json.gz"
        self.gn_countries = shared / "geonames/countries.json"
        self.gn_admin1 = shared / "geonames/admin1CodesASCII.txt"
        self.cldr = shared / "cldr"
        self.country_names = shared / "country_names"
        for p in [*self.admin0.values(), self.admin1, self.places, self.cities, self.gn_admin1]:
            if not p.exists():
                raise SystemExit(f"missing source file: {p}")

    @staticmethod
    def yaml(name: str) -> Any:
        with (SOURCES / name).open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def cldr_territories(self) -> dict[str, dict[str, str]]:
        out = {}
        for lang in LANGS:
            p = self.cldr / f"territories/{lang}.json"
            if p.exists():
                data = json.loads(p.read_text(encoding="utf-8"))
                out[lang] = data["main"][lang]["localeDisplayNames"]["territories"]
        return out

    def cldr_containment(self) -> dict[str, list[str]]:
        data = json.loads((self.cldr / "territoryContainment.json").read_text(encoding="utf-8"))
        tree = data["supplemental"]["territoryContainment"]
        return {k: v["_contains"] for k, v in tree.items() if "-status-" not in k}

    def cldr_subdivisions(self) -> dict[str, dict[str, str]]:
        """lang -> ISO 3166-2 code -> name."""
        out: dict[str, dict[str, str]] = {}
        for lang in LANGS:
            p = self.cldr / f"subdivisions/{lang}.xml"
            if not p.exists():
                continue
            names = {}
            for el in ET.parse(p).getroot().iter("subdivision"):
                t = el.get("type", "")
                if len(t) > 2 and el.text:
                    names[f"{t[:2].upper()}-{t[2:].upper()}"] = el.text
            out[lang] = names
        return out


# --------------------------------------------------------------------------- countries


@dataclass
class CountrySet:
    """Country polygons of one point of view: A2 -> original geometry and the main NE row."""

    geoms: dict[str, Any]
    rows: dict[str, dict[str, Any]]
    a3_to_a2: dict[str, str]


def load_countries(src: Sources, pov: str) -> CountrySet:
    df = gpd.read_file(src.admin0[pov])
    df["geometry"] = shapely.make_valid(df.geometry.values)
    geoms: dict[str, Any] = {}
    rows: dict[str, dict[str, Any]] = {}
    a3_to_a2: dict[str, str] = {}
    for a2, grp in df.groupby("ISO_A2_EH", sort=True):
        if not re.fullmatch(r"[A-Z]{2}", str(a2)):
            continue
        geoms[a2] = polygonal(shapely.union_all(grp.geometry.values))
        ranked = grp.assign(_area=shapely.area(grp.geometry.values))
        main = ranked.sort_values(["POP_EST", "_area"], ascending=False).iloc[0]
        row = main.drop(labels=["geometry", "_area"]).to_dict()
        row["POP_EST"] = int(round(float(grp.POP_EST.fillna(0).sum())))
        rows[a2] = row
        for a3 in grp.ADM0_A3:
            a3_to_a2[str(a3)] = a2
    return CountrySet(geoms, rows, a3_to_a2)


def country_entities(src: Sources, cs: CountrySet) -> dict[str, Ent]:
    """Country entities with names from NE, CLDR, i18n-iso-countries and world-countries."""
    terr = src.cldr_territories()
    wc_path = src.country_names / "world-countries_countries.json"
    wc = {c["cca2"]: c for c in json.loads(wc_path.read_text(encoding="utf-8"))}
    i18n = {}
    for lang in LANGS:
        p = src.country_names / f"i18n-iso-countries_{lang}.json"
        if p.exists():
            i18n[lang] = json.loads(p.read_text(encoding="utf-8"))["countries"]
    points = src.yaml("corrections.yaml").get("points") or {}
    out = {}
    for a2, row in cs.rows.items():
        w = wc.get(a2, {})
        eng = (w.get("name") or {}).get("common") or row.get("NAME_EN") or row["NAME"]
        # The point is the country's conventional centre (world-countries `latlng`, the GeoNames
        # convention: Russia 60N 100E), not Natural Earth's label point; NE's label where it has none.
        latlng = w.get("latlng") or [row["LABEL_Y"], row["LABEL_X"]]
        e = Ent(
            id=f"country:{a2}", name=eng, kind="country", country=a2,
            lat=round(float(latlng[0]), 5), lon=round(float(latlng[1]), 5),
            population=int(row["POP_EST"]),
        )
        if e.id in points:
            e.lat, e.lon = round(float(points[e.id][0]), 5), round(float(points[e.id][1]), 5)
        e.add(eng)
        for col in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_CIAWF", "NAME_SORT", "BRK_NAME",
                    "GEOUNIT"):
            e.add(row.get(col))
        for lang in LANGS:
            e.add(row.get(f"NAME_{lang.upper()}"))
        for names in i18n.values():
            val = names.get(a2)
            for v in [val] if isinstance(val, str) else (val or []):
                e.add(v)
        if w:
            e.add(w["name"].get("official"))
            for native in (w["name"].get("native") or {}).values():
                e.add(native.get("common"))
                e.add(native.get("official"))
            for key in WC_LANGS:
                tr = (w.get("translations") or {}).get(key) or {}
                e.add(tr.get("common"))
                e.add(tr.get("official"))
            for alt in w.get("altSpellings") or []:
                e.add(alt, primary=False)
        for names in terr.values():
            for key, val in names.items():
                if key == a2 or key.startswith(f"{a2}-alt-"):
                    e.add(val, min_len=2)  # curated short forms such as "UK", "US"
        out[a2] = e
    return out


# --------------------------------------------------------------------------- admin-1


def load_admin1(src: Sources, swaps: list[list[str]]) -> gpd.GeoDataFrame:
    """Admin-1 polygons with a ``code`` column (valid ISO 3166-2 or None), corrections applied."""
    df = gpd.read_file(src.admin1)
    df["code"] = [c if isinstance(c, str) and ISO_3166_2.match(c) else None for c in df.iso_3166_2]
    for a, b in swaps:
        ia, ib = df.index[df.code == a], df.index[df.code == b]
        if len(ia) != 1 or len(ib) != 1:
            raise SystemExit(f"corrections.yaml: cannot swap {a} and {b}")
        for col in ("geometry", "name"):
            va, vb = df.at[ia[0], col], df.at[ib[0], col]
            df.at[ia[0], col], df.at[ib[0], col] = vb, va
    return df


def short_names(name: str, cfg: dict[str, Any]) -> list[str]:
    """Bare names obtained by stripping generic type words ("Oblast' di Charkiv" -> "Charkiv")."""
    folded = fold(name)
    out = []
    for pre in sorted(cfg["prefixes"], key=len, reverse=True):
        if folded.startswith(fold(pre)):
            out.append(name[len(pre) :])
            break
    for suf in sorted(cfg["suffixes"], key=len, reverse=True):
        if folded.endswith(fold(suf)):
            out.append(name[: len(name) - len(suf)])
            break
    stop = {fold_key(s) for s in cfg["stop_short_names"]}
    out = [s.strip(" -") for s in out]
    return [s for s in out if len(s) >= 3 and s[0].isupper() and fold_key(s) not in stop]


def transliterate(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
        elif ch != low and rep:
            out.append(rep[0].upper() + rep[1:])
        else:
            out.append(rep)
    return "".join(out)


def gn_admin1_names(src: Sources) -> dict[str, tuple[str, str]]:
    out = {}
    for line in src.gn_admin1.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            out[parts[0]] = (parts[1], parts[2])
    return out


def match_gn_admin1(cities: list[dict[str, Any]], city_admin1: list[str | None]) -> dict[str, str]:
    """GeoNames admin-1 code ("UA.07") -> ISO 3166-2 code, where cities agree both ways."""
    pair = Counter()
    by_gn: Counter[str] = Counter()
    by_iso: Counter[str] = Counter()
    for c, iso in zip(cities, city_admin1, strict=True):
        if not iso or not c.get("admin1code"):
            continue
        gn = f"{c['countrycode']}.{c['admin1code']}"
        pair[(gn, iso)] += 1
        by_gn[gn] += 1
        by_iso[iso] += 1
    out = {}
    for (gn, iso), n in sorted(pair.items()):
        if n >= ADMIN1_MATCH_SHARE * by_gn[gn] and n >= ADMIN1_MATCH_SHARE * by_iso[iso]:
            out[gn] = iso
    return out


def admin1_groups(
    src: Sources, cities: list[dict[str, Any]], city_admin1: list[str | None], admin1: dict[str, Ent],
    cfg: dict[str, Any], names_cfg: dict[str, Any],
) -> dict[str, Ent]:
    """Regions for GeoNames admin-1 units that hold several Natural Earth units (Italian regions).

    An ISO unit belongs to the GeoNames unit holding at least :data:`ADMIN1_MATCH_SHARE` of its
    cities.  Names: the GeoNames name and the CLDR names (all languages) of the ISO 3166-2 code
    whose name best matches it (fuzzy, one to one); a name that is also the main name of a city of
    ``min_city_population`` or more in the same country is left to the city ("Valencia"), and
    generic words (``stop_short_names`` of ``names_cfg``: "Centre") are dropped.
    """
    from rapidfuzz import fuzz

    countries = set(cfg["countries"])
    gn_names = gn_admin1_names(src)
    subdiv = src.cldr_subdivisions()
    per_iso: dict[str, Counter[str]] = defaultdict(Counter)
    for c, iso in zip(cities, city_admin1, strict=True):
        if iso and c.get("admin1code") and c["countrycode"] in countries:
            per_iso[iso][f"{c['countrycode']}.{c['admin1code']}"] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for iso, cnt in sorted(per_iso.items()):
        gn, n = cnt.most_common(1)[0]
        if n >= ADMIN1_MATCH_SHARE * sum(cnt.values()) and iso in admin1 and gn.split(".")[0] == iso[:2]:
            groups[gn].append(iso)
    big_cities: dict[str, set[str]] = defaultdict(set)
    for c in cities:
        if int(c.get("population") or 0) >= cfg["min_city_population"]:
            big_cities[c["countrycode"]].add(fold_key(c["name"]))
    stop = {fold_key(w) for w in names_cfg["stop_short_names"]}
    used: set[str] = set()
    out: dict[str, Ent] = {}
    for gn, members in sorted(groups.items()):
        cc = gn.split(".")[0]
        if len(members) < 2 or gn not in gn_names:
            continue
        name, ascii_name = gn_names[gn]
        best = (0.0, "")
        for code in sorted({k for names in subdiv.values() for k in names if k.startswith(f"{cc}-")}):
            if code in admin1 or code in used:
                continue
            for names in subdiv.values():
                if code in names:
                    a, b = (" ".join(re.sub(r"[^a-z]+", " ", fold(x)).split())
                            for x in (ascii_name, names[code]))
                    score = fuzz.token_sort_ratio(a, b)
                    if min(len(a), len(b)) >= 5:  # "Valencia" / "Valencian Community"
                        score = max(score, fuzz.partial_ratio(a, b))
                    best = max(best, (score, code))
        code = best[1] if best[0] >= cfg["min_name_score"] else None
        if code:
            used.add(code)
        eng = clean_name(subdiv.get("en", {}).get(code)) if code else None
        eng = eng or name
        slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{cc} {ascii_name}").lower()).strip("-")
        e = Ent(id=f"region:{slug}", name=eng, kind="region", country=cc,
                members=tuple(sorted(f"admin1:{m}" for m in members)))
        full = [eng, name, ascii_name, *(names.get(code) for names in subdiv.values() if code)]
        shorts = [sn for n in full if clean_name(n) for sn in short_names(clean_name(n), names_cfg)]
        for cand in full + shorts:
            if clean_name(cand) and fold_key(clean_name(cand)) not in big_cities[cc] | stop:
                e.add(cand)
        if not e.names:  # every name belongs to a big city
            log(f"  admin-1 group {gn} ({name}) skipped: its names are those of a city")
            continue
        out[slug] = e
        log(f"  admin-1 group {e.id} = {eng} ({code}, {len(members)} units)")
    return out


def admin1_entities(
    src: Sources, df: gpd.GeoDataFrame, gn_map: dict[str, str], cfg: dict[str, Any],
    simplified: dict[str, Any],
) -> dict[str, Ent]:
    subdiv = src.cldr_subdivisions()
    gn_names = gn_admin1_names(src)
    gn_by_iso = defaultdict(list)
    for gn, iso in gn_map.items():
        if gn in gn_names:
            gn_by_iso[iso].extend(gn_names[gn])
    translit = cfg["transliterate"]
    out: dict[str, Ent] = {}
    for row in df[df.code.notna()].sort_values("code").itertuples():
        code = row.code
        if code in out:
            continue
        country = str(row.iso_a2) if re.fullmatch(r"[A-Z]{2}", str(row.iso_a2)) else code[:2]
        eng = (gn_by_iso.get(code) or [None])[0] or clean_name(row.cldr_en) or clean_name(row.name) or code
        lat, lon = region_point(simplified[code])
        e = Ent(id=f"admin1:{code}", name=eng, kind="admin1", country=country, admin1=code, lat=lat, lon=lon)
        e.add(eng)
        if not e.names:  # a name outside our scripts: keep it anyway, it is the entity's name
            e.names[" ".join(eng.split())] = True
        e.add(row.name)
        for n in gn_by_iso.get(code, []):
            e.add(n)
        for lang in LANGS:
            e.add(getattr(row, f"cldr_{lang}", None))
            e.add(subdiv.get(lang, {}).get(code))
        for n in list(e.names):
            for s in short_names(n, cfg):
                e.add(s)
        if country in translit["countries"]:  # after the short names: "Charkivs'ka" alone is no name
            for lang in ("uk", "ru"):
                cyr = subdiv.get(lang, {}).get(code)
                if cyr:
                    for scheme in ("scholarly", "national"):
                        e.add(transliterate(cyr, translit[lang][scheme]))
        out[code] = e
    return out


def adjectival_names(src: Sources, admin1: dict[str, Ent], cfg: dict[str, Any]) -> set[str]:
    """Transliterated adjectival names ("Charkivs'ka", "Kharkivska"), with and without apostrophes."""
    translit = cfg["transliterate"]
    subdiv = src.cldr_subdivisions()
    out: set[str] = set()
    for code in admin1:
        if code[:2] not in translit["countries"]:
            continue
        for lang in ("uk", "ru"):
            cyr = subdiv.get(lang, {}).get(code)
            for scheme in ("scholarly", "national"):
                if cyr:
                    first = transliterate(cyr, translit[lang][scheme]).split()[0]
                    out |= {first, re.sub(r"['’ʼ]", "", first)}
    return out


def finish_admin1_names(ents: dict[str, Ent], cfg: dict[str, Any], adjectives: set[str]) -> None:
    """Apostrophe-free spellings and templated forms ("oblast di Charkiv"), after the variants.

    ``adjectives`` are names never used as template bases (the transliterated adjectival forms).
    """
    templates = cfg["templates"]
    for code, e in ents.items():
        country = code[:2]
        if country in cfg["drop_apostrophes"]:
            for n in list(e.names):
                if any(a in n for a in "'’ʼ"):
                    e.add(re.sub(r"['’ʼ]", "", n), e.names[n])
        if country in templates["countries"]:
            bases = {s for n in list(e.names) for s in short_names(n, cfg)}
            bases |= {n for n in e.names if len(n.split()) == 1}
            for base in sorted(bases):
                if not all(ord(c) < 0x250 for c in base) or not base[0].isupper() or base in adjectives:
                    continue
                for form in templates["forms"]:
                    e.add(form.format(base))


# --------------------------------------------------------------------------- cities


def load_cities(src: Sources, capital_ids: set[int]) -> list[dict[str, Any]]:
    with gzip.open(src.cities, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    out = [
        c for c in data.values()
        if int(c.get("population") or 0) >= MIN_CITY_POPULATION or int(c["geonameid"]) in capital_ids
    ]
    out.sort(key=lambda c: int(c["geonameid"]))
    return out


def assign_admin1(
    cities: list[dict[str, Any]], df: gpd.GeoDataFrame
) -> list[str | None]:
    """ISO 3166-2 code of each city by point in polygon (nearest unit of its country if outside)."""
    polys = df.geometry.values
    codes = [c if isinstance(c, str) else None for c in df.code]
    cc = [str(a) for a in df.iso_a2.values]
    tree = shapely.STRtree(polys)
    pts = shapely.points([c["longitude"] for c in cities], [c["latitude"] for c in cities])
    hit_pt, hit_poly = tree.query(pts, predicate="within")
    found: dict[int, list[int]] = defaultdict(list)
    for p, g in zip(hit_pt.tolist(), hit_poly.tolist(), strict=True):
        found[p].append(g)

    def same_country(i: int, g: int) -> bool:
        code = codes[g]
        ctry = cities[i]["countrycode"]
        return cc[g] == ctry or (code is not None and code[:2] == ctry)

    out: list[str | None] = [None] * len(cities)
    todo = []
    for i in range(len(cities)):
        cands = found.get(i, [])
        good = [g for g in cands if same_country(i, g)]
        if good:
            out[i] = codes[min(good)]
        elif not cands:
            todo.append(i)
        else:
            todo.append(i)
    if todo:
        near_pt, near_poly = tree.query(pts[todo], predicate="dwithin", distance=0.2)
        best: dict[int, tuple[float, int]] = {}
        for p, g in zip(near_pt.tolist(), near_poly.tolist(), strict=True):
            i = todo[p]
            if not same_country(i, g):
                continue
            d = shapely.distance(pts[i], polys[g])
            if i not in best or (d, g) < best[i]:
                best[i] = (d, g)
        for i, (_, g) in best.items():
            out[i] = codes[g]
    _prefer_geonames_codes(cities, out, pts, polys, codes)
    return out


def _prefer_geonames_codes(cities: list[dict[str, Any]], out: list[str | None], pts, polys, codes) -> None:
    """Border towns that the simplified polygons put in the neighbouring unit (St. Louis in Illinois,
    Columbus, Georgia, in Alabama): in countries whose GeoNames admin-1 codes are ISO 3166-2 codes
    (they agree with the polygons for ``GEONAMES_CODE_AGREEMENT`` of the towns: the US, not Ukraine),
    GeoNames' unit wins when the town lies within ``GEONAMES_CODE_KM`` of it."""
    by_code: dict[str, list[int]] = defaultdict(list)
    for g, code in enumerate(codes):
        if code is not None:
            by_code[code].append(g)
    gn = [f"{c['countrycode']}-{c.get('admin1code')}" for c in cities]
    agree: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, c in enumerate(cities):
        tally = agree[c["countrycode"]]
        tally[0] += out[i] == gn[i]
        tally[1] += 1
    moved = 0
    for i, c in enumerate(cities):
        ok, n = agree[c["countrycode"]]
        if out[i] == gn[i] or gn[i] not in by_code or n < 20 or ok / n < GEONAMES_CODE_AGREEMENT:
            continue
        if min(shapely.distance(pts[i], polys[g]) for g in by_code[gn[i]]) < GEONAMES_CODE_KM / 111.0:
            out[i] = gn[i]
            moved += 1
    log(f"  border towns given GeoNames' admin-1 unit: {moved}")


def city_entities(
    cities: list[dict[str, Any]], city_admin1: list[str | None], arabic: frozenset[str] = frozenset()
) -> dict[int, Ent]:
    """City entities of GeoNames rows: main name (primary), alternate names of towns of
    :data:`ALT_NAMES_MIN_POPULATION` or more (not primary), and, in the ``arabic`` countries, every such
    name without its Arabic article (not primary: "El Daein" is also "Daein")."""
    out = {}
    for c, a1 in zip(cities, city_admin1, strict=True):
        gid = int(c["geonameid"])
        e = Ent(
            id=f"geonames:{gid}", name=c["name"], kind="city", country=c["countrycode"] or None, admin1=a1,
            lat=round(float(c["latitude"]), 5), lon=round(float(c["longitude"]), 5),
            population=int(c.get("population") or 0),
        )
        e.add(c["name"])
        if not e.names:  # "Aliamanu / Salt Lakes / Foster Village"
            for part in re.split(r"\s*/\s*", c["name"]):
                e.add(part)
        if not e.names:  # a main name with digits ("25 de Mayo") or in another script: keep it if sane
            main = " ".join(re.sub(r"\s*\([^)]*\)", "", c["name"]).split())
            if len(main.split()) <= MAX_NAME_TOKENS and sum(ch.isalpha() for ch in main) >= 3:
                e.names[main] = True
        if e.population >= ALT_NAMES_MIN_POPULATION:
            for alt in c.get("alternatenames") or []:
                e.add_alternate(alt)
        if e.country in arabic:
            for name in list(e.names):
                bare = without_arabic_article(name)
                if bare is not None:
                    e.add_alternate(bare)
        out[gid] = e
    return out


def add_populated_places(src: Sources, cities: dict[int, Ent], cs: CountrySet) -> None:
    """NE populated places: names in several languages, national capitals and other seats of government.

    A row NE marks ``Admin-0 capital alt`` gives its city ``seat_of`` (the country whose national organs sit
    there, not its capital: Tel Aviv, The Hague), unless ``sources/seats.yaml`` excludes it (historic or
    claimed capitals: Kyoto, Lagos).
    """
    df = gpd.read_file(src.places, read_geometry=False)
    excluded = {(x["name"], x["adm0_a3"]) for x in src.yaml("seats.yaml")["exclude"]}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for gid, e in cities.items():
        for n in e.names:
            by_name[(e.country or "", fold_key(n))].append(gid)
    by_primary: dict[tuple[str, str], list[int]] = defaultdict(list)
    for gid, e in cities.items():
        by_primary[(e.country or "", fold_key(e.name))].append(gid)
    gn_countries = json.loads(src.gn_countries.read_text(encoding="utf-8"))
    capitals: dict[str, list[int]] = defaultdict(list)
    for row in df.sort_values(["ADM0_A3", "NAME"]).itertuples():
        a2 = cs.a3_to_a2.get(str(row.ADM0_A3)) or cs.a3_to_a2.get(str(row.SOV_A3))
        gid = int(row.GEONAMEID) if row.GEONAMEID == row.GEONAMEID and row.GEONAMEID > 0 else -1
        if gid not in cities or (a2 and cities[gid].country != a2):
            gid = _nearest_named(cities, by_name, a2, row)
        elif (namesakes := by_primary.get((a2 or "", fold_key(str(row.NAME))))) \
                and fold_key(cities[gid].name) != fold_key(str(row.NAME)):
            # NE's id points to a town that only has the name as an alternate (Abuja -> Suleja), while a
            # city of that very name exists: take the most populous such city.
            gid = max(namesakes, key=lambda g: (cities[g].population, -g))
        if gid is None or gid < 0:
            continue
        e = cities[gid]
        for col in ("NAME", "NAMEASCII", "NAMEPAR", "NAMEALT", "NAME_EN", "NAME_DE", "NAME_ES", "NAME_FR",
                    "NAME_RU"):
            val = getattr(row, col, None)
            for v in str(val).split("|") if isinstance(val, str) else []:
                e.add(v)
        if not clean_name(e.name) and isinstance(row.NAME_EN, str) and clean_name(row.NAME_EN):
            e.name = clean_name(row.NAME_EN)  # GeoNames name in another script
        if row.ADM0CAP == 1 and a2:
            capitals[a2].append(gid)
        elif row.FEATURECLA == "Admin-0 capital alt" and a2 and (str(row.NAME), str(row.ADM0_A3)) not in excluded:
            e.seat_of = a2
    for a2 in sorted(cs.rows):
        if capitals.get(a2):
            continue
        info = gn_countries.get(a2) or {}
        cap = fold_key(info.get("capital") or "")
        cands = [g for g in by_name.get((a2, cap), []) if g in cities]
        if cands:
            capitals[a2].append(max(cands, key=lambda g: (cities[g].population, -g)))
    for a2, gids in capitals.items():
        for gid in gids:
            cities[gid].capital_of = a2
    seats = sorted(f"{e.name} ({e.seat_of})" for e in cities.values() if e.seat_of)
    log(f"  seats of government that are no capital: {len(seats)} {seats}")


def _nearest_named(cities: dict[int, Ent], by_name: dict, a2: str | None, row: Any) -> int | None:
    """The city of the same name within 20 km of a NE place, if any."""
    best = None
    for col in ("NAME", "NAMEASCII", "NAME_EN"):
        val = getattr(row, col, None)
        if not isinstance(val, str):
            continue
        for gid in by_name.get((a2 or "", fold_key(val)), []):
            e = cities[gid]
            d = math.hypot(e.lat - row.LATITUDE, (e.lon - row.LONGITUDE) * math.cos(math.radians(e.lat)))
            if d <= 0.18 and (best is None or (d, gid) < best):
                best = (d, gid)
    return best[1] if best else None


def promote_shared_names(cities: dict[int, Ent], admin1: dict[str, Ent]) -> None:
    """A city's alternate name that is a standard name of its own admin-1 unit becomes primary.

    The unit is usually named after the city, in the same language: "Venezia" (province) makes
    "Venezia" a standard name of Venice, "Oblast' di Leopoli" one of Lviv.
    """
    a1_keys = {code: {fold_key(n) for n, p in e.names.items() if p} for code, e in admin1.items()}
    for e in cities.values():
        keys = a1_keys.get(e.admin1 or "")
        if keys:
            for n, primary in e.names.items():
                if not primary and fold_key(n) in keys:
                    e.names[n] = True


def apply_variants(
    variants: dict[str, list[list[str]]], cities: dict[int, Ent], admin1: dict[str, Ent]
) -> None:
    # Standard names first: a city matched only through a GeoNames alternate (Nikopol lists
    # "Slov'iansk") is used only when no city carries the variant as a standard name.
    city_index: dict[tuple[str, str], list[int]] = defaultdict(list)
    city_alt_index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for gid, e in cities.items():
        for n, primary in e.names.items():
            (city_index if primary else city_alt_index)[(e.country or "", fold_key(n))].append(gid)
    a1_index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, e in admin1.items():
        for n in e.names:
            a1_index[(code[:2], fold_key(n))].append(code)
    for country, groups in sorted(variants.items()):
        for group in groups:
            keys = {fold_key(n) for n in group}
            gids = {g for k in keys for g in city_index.get((country, k), [])} or {
                g for k in keys for g in city_alt_index.get((country, k), [])}
            codes = {c for k in keys for c in a1_index.get((country, k), [])}
            if not gids and not codes:
                log(f"  variants: no place for {group[0]!r} in {country}")
            targets = [admin1[c] for c in sorted(codes)]
            if gids:
                city = cities[max(gids, key=lambda g: (cities[g].population, -g))]
                city.name = group[0]
                targets.append(city)
            for e in targets:
                for n in group:
                    e.add(n)


# --------------------------------------------------------------------------- regions


def region_entities(
    src: Sources,
    defs: dict[str, Any],
    countries: dict[str, Ent],
    admin1: dict[str, Ent],
) -> dict[str, Ent]:
    """Composite regions: M49 areas / CLDR groupings and the hand-written informal regions."""
    tree = src.cldr_containment()
    terr = src.cldr_territories()

    def expand(code: str) -> list[str]:
        if code in tree:
            return [m for sub in tree[code] for m in expand(sub)]
        return [code]

    out: dict[str, Ent] = {}

    def resolve(members: list[str], slug: str) -> tuple[str, ...]:
        ids: list[str] = []
        for m in members:
            m = str(m)
            if m.startswith("region:"):
                ids.extend(out[m.split(":", 1)[1]].members)
            elif m in tree:
                ids.extend(f"country:{c}" for c in expand(m) if c in countries)
            elif re.fullmatch(r"[A-Z]{2}", m):
                if m in countries:
                    ids.append(f"country:{m}")
                else:
                    log(f"  region {slug}: no country {m}")
            elif m in admin1:
                ids.append(f"admin1:{m}")
            else:
                log(f"  region {slug}: unknown member {m}")
        return tuple(sorted(set(ids)))

    for code, slug in sorted(defs["m49"].items()):
        code = str(code)
        members = resolve([code], slug)
        eng = terr["en"].get(code, slug)
        e = Ent(id=f"region:{slug}", name=eng, kind="region", country=None, members=members)
        for names in terr.values():
            e.add(names.get(code))
        out[slug] = e
    for d in defs["regions"]:
        slug = d["slug"]
        e = Ent(id=f"region:{slug}", name=d["name"], kind="region", country=None,
                members=resolve(d["members"], slug))
        e.add(d["name"])
        out[slug] = e
    for e in out.values():
        e.population = sum(
            countries[m.split(":")[1]].population for m in e.members if m.startswith("country:")
        )
    return out


def union_countries(geoms: list[Any]) -> Any:
    """Union of country polygons: a fast coverage union (Natural Earth admin-0 is a coverage)."""
    union = shapely.coverage_union_all(geoms)
    if not union.is_valid or abs(union.area - sum(g.area for g in geoms)) > 1e-6 * max(union.area, 1.0):
        union = shapely.union_all(geoms)
    return union


def member_country(members: tuple[str, ...], country_of: dict[str, str | None]) -> str | None:
    got = {country_of.get(m) for m in members}
    return got.pop() if len(got) == 1 else None


def point_entities(src: Sources, file: str, prefix: str) -> list[Ent]:
    """Hand-written points of kind "other": seas, oceans, gulfs and straits (``sources/seas.yaml``,
    ``sea:<slug>``), land areas no source holds as a polygon (``sources/areas.yaml``, ``area:<slug>``)
    and ranges, volcanoes and districts (``sources/landforms.yaml``, ``land:<slug>``)."""
    out = []
    for row in src.yaml(file)[file.removesuffix(".yaml")]:
        lat, lon = row["point"]
        e = Ent(id=f"{prefix}:{row['slug']}", name=row["name"], kind="other", country=row.get("country"),
                lat=round(float(lat), 5), lon=round(float(lon), 5))
        e.add(row["name"])
        for name in row.get("names") or []:
            e.add(name)
        out.append(e)
    return out


# --------------------------------------------------------------------------- POV


def de_facto_zones(un: CountrySet, df: CountrySet) -> dict[str, Any]:
    """A2 -> area that the de facto file gives to this country and the UN-view file does not."""
    zones = {}
    for a2 in sorted(set(un.geoms) & set(df.geoms)):
        gained = polygonal(shapely.difference(df.geoms[a2], un.geoms[a2]))
        if gained is not None and gained.area > 1e-3:
            zones[a2] = gained
            log(f"  de facto: {a2} gains {gained.area:.3f} sq deg")
    return zones


# --------------------------------------------------------------------------- index


def build_index(ents: list[Ent]) -> tuple[list[str], list[int], list[int], int]:
    """Sorted keys, posting offsets and postings (entity position * 2 + primary), best first."""
    post: dict[str, dict[int, bool]] = defaultdict(dict)
    max_tokens = 1
    for i, e in enumerate(ents):
        if not e.name:
            raise ValueError(f"entity without a name: {e.id}")
        for n, primary in e.names.items():
            key = fold_key(n)
            if not key:
                continue
            # fold_key is not idempotent for a few capitals ("Ð" -> "ð" -> "d"): index both forms
            for k in {key, fold_key(key)}:
                d = post[k]
                d[i] = d.get(i, False) or primary
            max_tokens = max(max_tokens, len(key.split(" ")))
    keys = sorted(post)
    offsets = [0]
    postings: list[int] = []
    scores = [
        (prior(e.kind, e.population, False, e.capital_of is not None),
         prior(e.kind, e.population, True, e.capital_of is not None))
        for e in ents
    ]
    for k in keys:
        items = sorted(post[k].items(), key=lambda t: (-scores[t[0]][t[1]], ents[t[0]].id))
        postings.extend(i * 2 + int(p) for i, p in items)
        offsets.append(len(postings))
    return keys, offsets, postings, max_tokens


# --------------------------------------------------------------------------- main


def build(shared: Path, out_dir: Path) -> dict[str, int]:
    t0 = time.perf_counter()
    src = Sources(shared)
    a1cfg = src.yaml("admin1_names.yaml")
    fixes = src.yaml("corrections.yaml")
    log("countries ...")
    povs = {pov: load_countries(src, pov) for pov in ("un", "de_facto")}
    un, dfc = povs["un"], povs["de_facto"]
    countries = country_entities(src, un)
    zones = de_facto_zones(un, dfc)

    log("admin-1 units ...")
    a1df = load_admin1(src, fixes["swap_admin1_polygons"])
    a1_orig: dict[str, Any] = {}
    for row in a1df[a1df.code.notna()].itertuples():
        g = polygonal(row.geometry)
        if g is not None:
            a1_orig[row.code] = g if row.code not in a1_orig else shapely.union_all([a1_orig[row.code], g])
    a1_simple = {code: simplify_area(g) for code, g in sorted(a1_orig.items())}
    log(f"  {len(a1_simple)} admin-1 polygons simplified")

    log("cities ...")
    places = gpd.read_file(src.places, read_geometry=False)
    capital_ids = {int(g) for g in places.loc[places.ADM0CAP == 1, "GEONAMEID"].dropna() if g > 0}
    raw_cities = load_cities(src, capital_ids)
    city_a1 = assign_admin1(raw_cities, a1df)
    gn_map = match_gn_admin1(raw_cities, city_a1)
    log(f"  {len(raw_cities)} cities, {sum(a is not None for a in city_a1)} with an admin-1 unit, "
        f"{len(gn_map)} GeoNames admin-1 codes matched")
    admin1 = admin1_entities(src, a1df, gn_map, a1cfg, a1_simple)
    cities = city_entities(raw_cities, city_a1, arabic_countries(src))
    add_populated_places(src, cities, un)
    apply_variants(src.yaml("variants.yaml"), cities, admin1)
    finish_admin1_names(admin1, a1cfg, adjectival_names(src, admin1, a1cfg))
    promote_shared_names(cities, admin1)

    log("regions ...")
    defs = src.yaml("regions.yaml")
    regions = region_entities(src, defs, countries, admin1)
    groups = admin1_groups(src, raw_cities, city_a1, admin1, defs["admin1_groups"], a1cfg)
    for slug, e in groups.items():
        if slug in regions:
            raise SystemExit(f"region slug {slug} defined twice")
        regions[slug] = e
    by_id = {e.id: e for e in [*countries.values(), *admin1.values(), *regions.values()]}
    for eid, eng in sorted(fixes["english_names"].items()):
        if eid not in by_id:
            raise SystemExit(f"corrections.yaml: unknown entity {eid}")
        by_id[eid].name = eng
        by_id[eid].add(eng)

    log("points of view ...")
    de_facto_country: dict[str, str] = {}
    city_list = list(cities.values())
    city_pts = shapely.points([e.lon for e in city_list], [e.lat for e in city_list])
    for a2, zone in sorted(zones.items()):
        for j in np.flatnonzero(shapely.contains(zone, city_pts)):
            if city_list[j].country != a2:
                de_facto_country[city_list[j].id] = a2
        for code, e in admin1.items():
            g = a1_orig[code]
            if e.country != a2 and g.intersects(zone) and g.intersection(zone).area > 0.5 * g.area:
                de_facto_country[e.id] = a2
    country_un = {e.id: e.country for e in [*countries.values(), *admin1.values()]}
    country_df = {**country_un, **{k: v for k, v in de_facto_country.items() if k.startswith("admin1:")}}
    for e in regions.values():
        e.country = member_country(e.members, country_un)
        alt = member_country(e.members, country_df)
        if alt != e.country:
            de_facto_country[e.id] = alt or ""  # "": members in several countries under this POV
    log(f"  de facto overrides: {len(de_facto_country)} "
        f"({sorted(k for k in de_facto_country if not k.startswith('geonames:'))})")

    log("country and region geometries ...")
    sizes: dict[str, int] = {}
    country_geoms = {pov: {a2: simplify_area(g) for a2, g in cs.geoms.items()} for pov, cs in povs.items()}
    changed = {
        a2 for a2, g in country_geoms["de_facto"].items()
        if shapely.symmetric_difference(g, country_geoms["un"][a2]).area > POV_MIN_AREA
    }
    log(f"  countries drawn differently by the two points of view: {sorted(changed)}")
    # Continents keep GeoNames' conventional points (Europe 48.7N 9.1E), like countries.
    continents = json.loads((shared / "geonames" / "continents.json").read_text(encoding="utf-8"))
    continent_points = {c["name"]: (round(float(c["lat"]), 5), round(float(c["lng"]), 5))
                        for c in continents.values()}
    region_geoms: dict[str, dict[str, Any]] = {"un": {}, "de_facto": {}}
    for _slug, e in sorted(regions.items()):
        for pov, cs in povs.items():
            if pov == "de_facto" and not any(m.split(":")[1] in changed for m in e.members):
                continue
            ctry = [cs.geoms[m.split(":")[1]] for m in e.members if m.startswith("country:")]
            units = [a1_orig[m.split(":")[1]] for m in e.members if m.startswith("admin1:")]
            union = union_countries(ctry) if ctry else None
            if units:
                union = shapely.union_all([*([union] if union is not None else []), *units])
            tol = REGION_TOLERANCE if len(ctry) >= REGION_COARSE_MEMBERS else SIMPLIFY_TOLERANCE
            region_geoms[pov][e.id] = simplify_area(polygonal(union), tol)
        e.lat, e.lon = continent_points.get(e.name) or region_point(region_geoms["un"][e.id])
    for eid, (lat, lon, _why) in sorted((fixes.get("points") or {}).items()):
        if eid not in by_id:
            raise SystemExit(f"corrections.yaml: unknown entity {eid}")
        by_id[eid].lat, by_id[eid].lon = round(float(lat), 5), round(float(lon), 5)
    log("  regions done")
    de_facto_items = [(f"country:{a2}", country_geoms["de_facto"][a2]) for a2 in sorted(changed)]
    de_facto_items += sorted(region_geoms["de_facto"].items())
    log(f"  de facto geometries: {sorted(i for i, _ in de_facto_items)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    meta = {"format": 1, "scale": GEOMETRY_SCALE}
    log("  writing geometry files ...")
    for kind, items in (
        ("country", [(f"country:{a2}", g) for a2, g in country_geoms["un"].items()]),
        ("admin1", [(f"admin1:{c}", g) for c, g in a1_simple.items() if c in admin1]),
        ("region", list(region_geoms["un"].items())),
    ):
        path = out_dir / GEOMETRY_FILES[kind]
        sizes[path.name] = write_container(path, meta, geometry_sections(items))
    sizes[DE_FACTO_GEOMETRY_FILE] = write_container(
        out_dir / DE_FACTO_GEOMETRY_FILE, meta, geometry_sections(de_facto_items)
    )

    log("index ...")
    # areas by id, then cities by GeoNames id (numeric): the runtime finds ids by bisection
    seas = (point_entities(src, "seas.yaml", "sea") + point_entities(src, "areas.yaml", "area")
            + point_entities(src, "landforms.yaml", "land"))
    ents = sorted([*countries.values(), *admin1.values(), *regions.values(), *seas], key=lambda e: e.id)
    n_areas = len(ents)
    ents += [cities[gid] for gid in sorted(cities)]
    pos = {e.id: i for i, e in enumerate(ents)}
    keys, offsets, postings, max_tokens = build_index(ents)
    used_countries = {e.country for e in ents if e.country} | set(de_facto_country.values())
    country_codes = [""] + sorted(used_countries - {""})
    cidx = {c: i for i, c in enumerate(country_codes)}
    admin1_codes = [""] + sorted({e.admin1 for e in ents if e.admin1})
    aidx = {c: i for i, c in enumerate(admin1_codes)}
    extra = {
        "members": {str(pos[e.id]): list(e.members) for e in ents if e.members},
        "capital_of": {str(pos[e.id]): e.capital_of for e in ents if e.capital_of},
        "seat_of": {str(pos[e.id]): e.seat_of for e in ents if e.seat_of},
        "de_facto_country": {str(pos[k]): v for k, v in sorted(de_facto_country.items())},
        "region_population": {str(pos[e.id]): e.population for e in ents if e.kind == "region"},
    }
    sections = {
        "area_ids": ("str", [e.id for e in ents[:n_areas]]),
        "city_gids": ("i4", [int(e.id.split(":")[1]) for e in ents[n_areas:]]),
        "names": ("str", [e.name for e in ents]),
        "kind": ("u1", [KINDS.index(e.kind) for e in ents]),
        "country": ("u2", [cidx[e.country] if e.country else 0 for e in ents]),
        "admin1": ("u2", [aidx[e.admin1] if e.admin1 else 0 for e in ents]),
        "lat": ("i4", [round(e.lat * COORD_SCALE) for e in ents]),
        "lon": ("i4", [round(e.lon * COORD_SCALE) for e in ents]),
        "population": ("i4", [0 if e.kind == "region" else e.population for e in ents]),
        "country_codes": ("str", country_codes),
        "admin1_codes": ("str", admin1_codes),
        "keys": ("str", keys),
        "post_offsets": ("i4", offsets),
        "postings": ("i4", postings),
        "extra": ("json", extra),
    }
    meta = {
        "format": 1,
        "max_name_tokens": max_tokens,
        "coord_scale": COORD_SCALE,
        "geometry_scale": GEOMETRY_SCALE,
        "counts": dict(sorted(Counter(e.kind for e in ents).items())),
        "keys": len(keys),
    }
    sizes[INDEX_FILE] = write_container(out_dir / INDEX_FILE, meta, sections)
    log(f"{len(ents)} entities {meta['counts']}, {len(keys)} keys, {len(postings)} postings, "
        f"max {max_tokens} tokens; {time.perf_counter() - t0:.1f} s")
    for name, size in sorted(sizes.items()):
        log(f"  {name}: {size / 1e6:.2f} MB")
    log(f"  total: {sum(sizes.values()) / 1e6:.2f} MB")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data",
                    help="shared source data folder (default: ../shared/data from the repository root)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                    help="output folder (default: geo/data)")
    args = ap.parse_args(argv)
    build(args.shared.resolve(), args.out.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
