"""The embedded multilingual gazetteer: names -> ranked entities, ids -> geometries.

Data
----
Built offline by ``geo/data/build_gazetteer.py`` from Natural Earth, CLDR, GeoNames and the
country-name lists in ``../shared/data`` (provenance in ``geo/data/README.md``) into compact
files under ``geo/data/``:

* ``gazetteer_index.bin.gz``: the entity table (columns) and the name index (sorted keys with
  posting lists).  Loaded by :func:`load_gazetteer`.
* ``geometry_<kind>.bin.gz`` (``country``, ``admin1``, ``region``) and
  ``geometry_de_facto.bin.gz``: simplified polygons, read only when a geometry (or
  :meth:`Gazetteer.reverse`) is first asked for.

Aliases of composite regions in ``geo/lexicons/<lang>/regions.yaml`` are read at load time, so a
new language file adds names without a rebuild.

Lookup keys
-----------
Every name is indexed under :func:`geo.normalize.fold_key` (case, accents, apostrophe shapes and
inner white space ignored).  A miss costs one fold and one binary search.

Ranking prior
-------------
Candidates of a name are sorted by :func:`prior`, highest first::

    prior = KIND_BASE[kind] + log10(1 + population) + 1 (if the name is primary)
            + 1 (if the entity is a national capital)

with ``KIND_BASE`` = country 40, region 20, admin1 4.5, city 0.  So a country always comes
before anything else of the same name ("Georgia": the country, then the US state), a region
before admin-1 units and cities, and among cities the most populous first ("Paris": Paris,
France).  Admin-1 units carry no population: they rank as a city of about 30,000 people with
the same kind of name, so "Kharkiv" gives the city first and then the oblast, while a small
town never hides an admin-1 unit.  Ties are broken by entity id.

Point of view
-------------
``pov="un"`` (default) follows the UN General Assembly (resolution 68/262): Crimea (UA-43) and
Sevastopol (UA-40) and their cities belong to Ukraine; country polygons come from the Natural
Earth admin-0 file drawn from the German point of view, which matches the UN view.
``pov="de_facto"`` uses Natural Earth's default (de facto control) admin-0 polygons: Crimea is
drawn inside Russia, and every city or admin-1 unit lying in an area that the two files give to
different countries takes the de facto country (``country`` of ``admin1:UA-43`` is ``"RU"``).
Admin-1 codes never change with the point of view.
"""

from __future__ import annotations

import array
import bisect
import gzip
import hashlib
import json
import logging
import math
import re
import sys
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError
from geo.model import Entity
from geo.normalize import fold_key

__all__ = [
    "Candidate",
    "Gazetteer",
    "KIND_BASE",
    "POVS",
    "load_gazetteer",
    "prior",
]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
INDEX_FILE = "gazetteer_index.bin.gz"
GEOMETRY_FILES = {
    "country": "geometry_country.bin.gz",
    "admin1": "geometry_admin1.bin.gz",
    "region": "geometry_region.bin.gz",
}
DE_FACTO_GEOMETRY_FILE = "geometry_de_facto.bin.gz"

#: Points of view accepted by :func:`load_gazetteer`.
POVS = ("un", "de_facto")

#: Entity kinds in the order of their codes in the index.
KINDS = ("city", "admin1", "country", "region", "other")

#: Base of the ranking prior by kind (see the module docstring).
KIND_BASE = {"country": 40.0, "region": 20.0, "admin1": 4.5, "city": 0.0, "other": 0.0}

#: Container magic and version; the build writes, the runtime reads.
MAGIC = b"ATLANTE-GAZ\x001\n"

#: Radius of :meth:`Gazetteer.reverse` for cities, in km.
CITY_RADIUS_KM = 20.0
#: Names whose candidates a gazetteer keeps at hand (cleared when full).
CANDIDATES_MEMO_SIZE = 200_000

_TYPECODES = {"i4": "i", "i8": "q", "u1": "B", "u2": "H"}


def prior(kind: str, population: int, primary: bool, capital: bool = False) -> float:
    """Return the ranking prior of one (entity, name) pair.

    Parameters
    ----------
    kind : str
        Entity kind (one of :data:`geo.model.PLACE_KINDS`).
    population : int
        Population of the entity (0 when unknown).
    primary : bool
        Whether the name is a standard name of the entity.
    capital : bool, optional
        Whether the entity is a national capital.

    Returns
    -------
    float
        Higher is more likely; see the module docstring for the formula.
    """
    return (
        KIND_BASE.get(kind, 0.0)
        + math.log10(1 + max(population, 0))
        + (1.0 if primary else 0.0)
        + (1.0 if capital else 0.0)
    )


@dataclass(frozen=True)
class Candidate:
    """One ranked answer of :meth:`Gazetteer.candidates`.

    Attributes
    ----------
    entity : Entity
        The gazetteer entity.
    primary : bool
        The name is a standard name of the entity in some language (Natural Earth, CLDR,
        country lists, GeoNames main name, hand-written variant or lexicon alias); ``False``
        for a GeoNames alternate name or a weak lexicon alias.
    """

    entity: Entity
    primary: bool


# --------------------------------------------------------------------------- container format


class Lines(Sequence[str]):
    """A ``str`` section of a container: newline-joined UTF-8 strings, split a block of about
    :attr:`BLOCK` bytes at a time when one of its strings is first read.

    The index holds 580,000 keys and 240,000 names; splitting them all costs 80 ms at every start,
    while one article reads a few hundred.  Behaves as the list of the strings; :meth:`find` and
    :meth:`first_from` search a section sorted in code-point order (the index's keys) a block at a time.

    Parameters
    ----------
    data : bytes
        The UTF-8 text (empty: no strings).
    source : Path, optional
        The file the text was read from, named by the :class:`GazetteerError` of a block that is not
        UTF-8 (a corrupt file found when a lookup first reads that block).
    """

    #: Bytes per block (a block ends at the first newline after it).
    BLOCK = 4096

    def __init__(self, data: bytes, source: Path | None = None) -> None:
        self._source = source
        self._data = data = bytes(data)
        starts: list[int] = []
        ends: list[int] = []
        pos, n = 0, len(data)
        while n:
            end = data.find(b"\n", min(pos + self.BLOCK, n))
            end = n if end < 0 else end
            starts.append(pos)
            ends.append(end)
            if end == n:
                break
            pos = end + 1
        self._starts, self._ends = starts, ends
        firsts, count = [], 0
        for a, b in zip(starts, ends, strict=True):
            firsts.append(count)
            count += data.count(b"\n", a, b) + 1
        self._firsts, self._len = firsts, count
        self._blocks: list[list[str] | None] = [None] * len(starts)
        self._heads = [data[a : b if (j := data.find(b"\n", a, b)) < 0 else j].decode("utf-8")
                       for a, b in zip(starts, ends, strict=True)]

    def _block(self, k: int) -> list[str]:
        block = self._blocks[k]
        if block is None:
            try:
                text = self._data[self._starts[k] : self._ends[k]].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise GazetteerError(f"gazetteer data file corrupt: {self._source or 'a text section'}: {exc} "
                                     f"(run geo/data/build_gazetteer.py)") from exc
            block = self._blocks[k] = text.split("\n")
        return block

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return list(self)[i]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("Lines index out of range")
        k = bisect.bisect_right(self._firsts, i) - 1
        return self._block(k)[i - self._firsts[k]]

    def __iter__(self) -> Iterator[str]:
        for k in range(len(self._blocks)):
            yield from self._block(k)

    def _position(self, key: str) -> tuple[int, int, list[str]]:
        """(block, position in it, the block's strings) where ``key`` would be inserted (the strings
        sorted); the strings are empty when there are no blocks."""
        if not self._blocks:
            return 0, 0, []
        k = bisect.bisect_right(self._heads, key) - 1
        if k < 0:
            return 0, 0, self._block(0)
        block = self._blocks[k] or self._block(k)
        return k, bisect.bisect_left(block, key), block

    def find(self, key: str) -> int:
        """Position of ``key`` in the sorted strings, or -1."""
        k, j, block = self._position(key)
        return self._firsts[k] + j if j < len(block) and block[j] == key else -1

    def first_from(self, key: str) -> str | None:
        """The first of the sorted strings not before ``key`` (None when all are)."""
        k, j, block = self._position(key)
        if not self._blocks:
            return None
        if j < len(block):
            return block[j]
        return self._heads[k + 1] if k + 1 < len(self._heads) else None


def read_container(path: Path, lazy: Iterable[str] = ()) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read a gazetteer container file.

    A container is gzip(``MAGIC`` + 8-byte little-endian header length + JSON header + blob).
    The header holds ``meta`` (free JSON) and ``sections``: name -> [dtype, offset, length] into
    the blob.  dtype ``str`` is UTF-8 text of newline-joined strings (returned as a list),
    ``json`` is JSON text, ``i4``/``i8``/``u1``/``u2`` are little-endian integer arrays
    (returned as :class:`array.array`), ``raw`` and ``z4s`` (zigzag-coded int32 split into four
    byte planes, decoded by the geometry reader) are returned as bytes.

    Parameters
    ----------
    path : Path
        Container file.
    lazy : iterable of str, optional
        ``str`` sections to return as :class:`Lines`, split when read, instead of lists.

    Returns
    -------
    tuple of (dict, dict)
        The ``meta`` mapping and the decoded sections.

    Raises
    ------
    GazetteerError
        When the file is missing, truncated or not a container.
    """
    try:
        data = _decompressed(path)
        if not data.startswith(MAGIC):
            raise ValueError("bad magic")
        pos = len(MAGIC)
        hlen = int.from_bytes(data[pos : pos + 8], "little")
        pos += 8
        header = json.loads(data[pos : pos + hlen].decode("utf-8"))
        blob = memoryview(data)[pos + hlen :]
        sections: dict[str, Any] = {}
        for name, (dtype, off, length) in header["sections"].items():
            raw = blob[off : off + length]
            if len(raw) != length:
                raise ValueError(f"section {name} truncated")
            if dtype == "str" and name in lazy:
                sections[name] = Lines(raw, path)
            elif dtype == "str":
                text = bytes(raw).decode("utf-8")
                sections[name] = text.split("\n") if text else []
            elif dtype == "json":
                sections[name] = json.loads(bytes(raw).decode("utf-8"))
            elif dtype in _TYPECODES:
                arr = array.array(_TYPECODES[dtype])
                arr.frombytes(raw)
                if sys.byteorder != "little":
                    arr.byteswap()
                sections[name] = arr
            else:
                sections[name] = bytes(raw)
        return header.get("meta", {}), sections
    except FileNotFoundError as exc:
        raise GazetteerError(
            f"gazetteer data file missing: {path} (run geo/data/build_gazetteer.py)"
        ) from exc
    except (OSError, EOFError, ValueError, KeyError, TypeError, zlib.error) as exc:
        raise GazetteerError(f"gazetteer data file corrupt: {path}: {exc}") from exc


def _decompressed(path: Path) -> bytes:
    """The gunzipped bytes of a container, kept in the user's cache (:mod:`geo.cache`) under the
    compressed file's path, size and modification time: reading them back is ten times faster than
    decompressing."""
    from geo.cache import entry_path, publish

    st = path.stat()
    key = hashlib.sha256(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:20]
    entry = entry_path(f"gazetteer-{path.name.split('.')[0]}", key, ".bin")
    if entry is not None:
        try:
            return entry.read_bytes()
        except OSError:
            pass
    with open(path, "rb") as fh:
        data = gzip.decompress(fh.read())
    if entry is not None:
        publish(entry, lambda tmp: tmp.write_bytes(data))
    return data


def _decode_geometries(sections: dict[str, Any], scale: float, cache: tuple[str, str] | None = None
                       ) -> tuple[list[str], _Geometries]:
    """Decode a geometry container into (ids, the MultiPolygons as a lazy sequence); with ``cache``
    (an entry name, and the file's path, size and modification time) the decoded coordinates are kept in
    the user's cache (:func:`geo.cache.cached_array`)."""
    import numpy as np

    def decode() -> Any:
        raw = np.frombuffer(sections["coords"], dtype=np.uint8)
        zigzag = raw.reshape(4, -1).T.copy().view("<u4").reshape(-1).astype(np.int64)
        deltas = ((zigzag >> 1) ^ -(zigzag & 1)).reshape(-1, 2)
        return np.cumsum(deltas, axis=0) / scale

    ids = sections["ids"]
    if cache is None:
        coords = decode()
    else:
        from geo.cache import cached_array

        coords = cached_array(cache[0], f"{cache[1]}:{scale!r}:{len(sections['coords'])}", decode)
    offsets = tuple(
        np.frombuffer(sections[name].tobytes(), dtype="<i4").astype(np.int64)
        for name in ("ring_offsets", "part_offsets", "geom_offsets")
    )
    geoms = _Geometries(coords, offsets)
    if len(geoms) != len(ids):
        raise GazetteerError("geometry file corrupt: id and geometry counts differ")
    return ids, geoms


class _Geometries:
    """The MultiPolygons of a geometry file: one is built from the coordinates when first asked for
    (a map needs a few of the 4,700 admin-1 units), all at once by :meth:`all`."""

    def __init__(self, coords: Any, offsets: tuple[Any, Any, Any]) -> None:
        self.coords = coords
        self.rings, self.parts, self.geoms = offsets
        self._one: dict[int, Any] = {}
        self._all: Any = None

    def __len__(self) -> int:
        return len(self.geoms) - 1

    def __getitem__(self, i: int) -> Any:
        if self._all is not None:
            return self._all[i]
        got = self._one.get(i)
        if got is None:
            import numpy as np
            import shapely

            if not 0 <= i < len(self):
                raise IndexError(i)
            p0, p1 = self.geoms[i], self.geoms[i + 1]
            r0, r1 = self.parts[p0], self.parts[p1]
            c0, c1 = self.rings[r0], self.rings[r1]
            got = shapely.from_ragged_array(
                shapely.GeometryType.MULTIPOLYGON, self.coords[c0:c1],
                (self.rings[r0 : r1 + 1] - c0, self.parts[p0 : p1 + 1] - r0, np.array([0, p1 - p0])))[0]
            self._one[i] = got
        return got

    def all(self) -> Any:
        """Every geometry, as a numpy array."""
        if self._all is None:
            import shapely

            self._all = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, self.coords,
                                                  (self.rings, self.parts, self.geoms))
        return self._all


# --------------------------------------------------------------------------- core data


class _Core:
    """The POV-independent data read from the index file (shared by both points of view)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        meta, s = read_container(data_dir / INDEX_FILE, lazy=("keys", "names"))
        try:
            self.meta = meta
            self.area_ids: list[str] = s["area_ids"]
            self.city_gids = s["city_gids"]
            self.names: Lines = s["names"]
            self.kind = s["kind"]
            self.country = s["country"]
            self.admin1 = s["admin1"]
            self.lat = s["lat"]
            self.lon = s["lon"]
            self.population = s["population"]
            self.country_codes: list[str] = s["country_codes"]
            self.admin1_codes: list[str] = s["admin1_codes"]
            self.keys: Lines = s["keys"]
            self.post_offsets = s["post_offsets"]
            self.postings = s["postings"]
            extra = s["extra"]
            self.members = {int(k): tuple(v) for k, v in extra["members"].items()}
            self.capital_of = {int(k): v for k, v in extra["capital_of"].items()}
            self.seat_of = {int(k): v for k, v in extra["seat_of"].items()}
            self.de_facto_country = {int(k): v for k, v in extra["de_facto_country"].items()}
            self.region_population = {int(k): v for k, v in extra["region_population"].items()}
            self.max_name_tokens = int(meta["max_name_tokens"])
            self.coord_scale = float(meta["coord_scale"])
            self.geometry_scale = float(meta["geometry_scale"])
        except (KeyError, TypeError, ValueError) as exc:
            raise GazetteerError(f"gazetteer index corrupt: {exc}") from exc
        self.n_areas = len(self.area_ids)
        self.size = n = self.n_areas + len(self.city_gids)
        for col in (self.names, self.kind, self.country, self.admin1, self.lat, self.lon, self.population):
            if len(col) != n:
                raise GazetteerError("gazetteer index corrupt: columns of different lengths")
        if len(self.post_offsets) != len(self.keys) + 1:
            raise GazetteerError("gazetteer index corrupt: posting offsets")
        self._geom_lock = threading.Lock()
        self._geoms: dict[str, tuple[dict[str, int], Any]] = {}

    def id_of(self, i: int) -> str:
        """Entity id at position ``i`` (areas by id first, then cities by GeoNames id)."""
        if i < self.n_areas:
            return self.area_ids[i]
        return f"geonames:{self.city_gids[i - self.n_areas]}"

    def population_of(self, i: int) -> int:
        return self.region_population.get(i) or self.population[i]

    def index_of(self, entity_id: str) -> int:
        """Position of ``entity_id``, or -1."""
        if entity_id.startswith("geonames:"):
            try:
                gid = int(entity_id[9:])
            except ValueError:
                return -1
            if f"geonames:{gid}" != entity_id:
                return -1
            j = bisect.bisect_left(self.city_gids, gid)
            if j < len(self.city_gids) and self.city_gids[j] == gid:
                return self.n_areas + j
            return -1
        i = bisect.bisect_left(self.area_ids, entity_id)
        if i < self.n_areas and self.area_ids[i] == entity_id:
            return i
        return -1

    def geometries(self, file_name: str) -> tuple[dict[str, int], Any]:
        """Decode one geometry file once: (id -> position, array of MultiPolygons)."""
        with self._geom_lock:
            got = self._geoms.get(file_name)
            if got is None:
                path = self.data_dir / file_name
                _, sections = read_container(path)
                st = path.stat()
                try:
                    ids, geoms = _decode_geometries(
                        sections, self.geometry_scale,
                        (f"coords-{file_name.split('.')[0]}", f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"))
                except (KeyError, ValueError, TypeError) as exc:
                    raise GazetteerError(f"gazetteer geometry file corrupt: {file_name}: {exc}") from exc
                got = ({gid: i for i, gid in enumerate(ids)}, geoms)
                self._geoms[file_name] = got
            return got


@cache
def _load_core(data_dir: str) -> _Core:
    return _Core(Path(data_dir))


def _load_lexicon_aliases() -> dict[str, dict[str, list[tuple[str, bool]]]]:
    """Read ``geo/lexicons/*/regions.yaml``: lang -> entity ref -> [(alias, primary)]."""
    from geo.lexicons import LEXICON_DIR, available_languages, parse_file

    out: dict[str, dict[str, list[tuple[str, bool]]]] = {}
    for lang in available_languages():
        path = LEXICON_DIR / lang / "regions.yaml"
        if not path.is_file():
            continue
        try:
            data = parse_file(path)
        except ValueError as exc:
            raise GazetteerError(str(exc)) from None
        refs: dict[str, list[tuple[str, bool]]] = {}
        for section, primary in (("aliases", True), ("weak_aliases", False)):
            for ref, names in (data.get(section) or {}).items():
                if isinstance(names, str):
                    names = [names]
                refs.setdefault(str(ref), []).extend((str(n), primary) for n in names or ())
        out[lang] = refs
    return out


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Names -> ranked entities, ids -> entities and geometries, points -> entities.

    Use :func:`load_gazetteer` to get one; see the module docstring for the data, the ranking
    prior and the point of view.

    Attributes
    ----------
    pov : str
        Point of view, ``"un"`` or ``"de_facto"``.
    max_name_tokens : int
        Number of white-space tokens of the longest indexed name: a recogniser need not look up
        longer n-grams.
    """

    def __init__(self, core: _Core, pov: str) -> None:
        self.pov = pov
        self._core = core
        self._keys = core.keys
        self._offs = core.post_offsets
        self._post = core.postings
        self._override = core.de_facto_country if pov == "de_facto" else {}
        self._cache: dict[int, Entity] = {}
        self._candidates_memo: dict[str, tuple[Candidate, ...]] = {}  # name -> candidates, as text repeats names
        self._overlay: dict[str, list[tuple[int, bool]]] = {}
        self._overlay_keys: list[str] | None = None  # sorted, for prefix tests
        self._continues_memo: dict[str, bool] = {}  # prefix -> continues(prefix)
        self.max_name_tokens = core.max_name_tokens
        self._add_lexicon_aliases()
        self._cities_xy: Any = None
        self._trees: dict[str, Any] = {}
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- setup

    def _add_lexicon_aliases(self) -> None:
        core = self._core
        for lang, refs in _load_lexicon_aliases().items():
            for ref, names in refs.items():
                entity_id = ref if ":" in ref else f"region:{ref}"
                idx = core.index_of(entity_id)
                if idx < 0:
                    log.warning("geo/lexicons/%s/regions.yaml: unknown entity %r", lang, ref)
                    continue
                for name, primary in names:
                    key = fold_key(name)
                    if not key:
                        continue
                    entries = self._overlay.setdefault(key, [])
                    for j, (other, was_primary) in enumerate(entries):
                        if other == idx:
                            entries[j] = (idx, was_primary or primary)
                            break
                    else:
                        entries.append((idx, primary))
                    self.max_name_tokens = max(self.max_name_tokens, len(key.split(" ")))

    # ----------------------------------------------------------------- entities

    def _entity(self, i: int) -> Entity:
        ent = self._cache.get(i)
        if ent is not None:
            return ent
        core = self._core
        country = self._country_of(i)
        a1 = core.admin1[i]
        ent = Entity(
            id=core.id_of(i),
            name=core.names[i],
            kind=KINDS[core.kind[i]],
            country=country,
            admin1=core.admin1_codes[a1] or None,
            lat=core.lat[i] / core.coord_scale,
            lon=core.lon[i] / core.coord_scale,
            population=core.population_of(i),
            members=core.members.get(i, ()),
            capital_of=core.capital_of.get(i),
            seat_of=core.seat_of.get(i),
        )
        self._cache[i] = ent
        return ent

    def _country_of(self, i: int) -> str | None:
        if i in self._override:
            return self._override[i] or None  # "" = no single country under this POV
        core = self._core
        return core.country_codes[core.country[i]] or None

    def _score(self, i: int, primary: bool) -> float:
        core = self._core
        return prior(KINDS[core.kind[i]], core.population_of(i), primary, i in core.capital_of)

    def _ranked(self, name: str) -> list[tuple[int, bool]]:
        """(entity position, primary) pairs for ``name``, best first."""
        key = fold_key(name)
        i = self._keys.find(key)
        if i >= 0:
            post = self._post[self._offs[i] : self._offs[i + 1]]
            hits = [(p >> 1, bool(p & 1)) for p in post]
        else:
            hits = []
        extra = self._overlay.get(key) if self._overlay else None
        if not extra:
            return hits
        merged = dict(hits)
        for idx, primary in extra:
            merged[idx] = merged.get(idx, False) or primary
        return sorted(merged.items(), key=lambda t: (-self._score(t[0], t[1]), self._core.id_of(t[0])))

    def continues(self, prefix: str) -> bool:
        """Whether some name of the gazetteer starts with ``prefix`` (folded): the recogniser stops
        growing a name ("New York ...") as soon as no known name goes on that way."""
        known = self._continues_memo.get(prefix)
        if known is not None:
            return known  # text repeats its names' beginnings: one bisection of the 580,000 keys each
        after = self._keys.first_from(prefix)
        found = after is not None and after.startswith(prefix)
        if not found:
            if self._overlay_keys is None:
                self._overlay_keys = sorted(self._overlay)
            j = bisect.bisect_left(self._overlay_keys, prefix)
            found = j < len(self._overlay_keys) and self._overlay_keys[j].startswith(prefix)
        if len(self._continues_memo) >= CANDIDATES_MEMO_SIZE:
            self._continues_memo.clear()
        self._continues_memo[prefix] = found
        return found

    def lookup(
        self,
        name: str,
        *,
        kinds: Iterable[str] | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> list[Entity]:
        """Return the entities called ``name``, ranked by the prior (best first).

        Parameters
        ----------
        name : str
            A place name in any supported language; case, accents, apostrophe shapes and inner
            white space do not matter.
        kinds : iterable of str, optional
            Keep only these kinds (``"city"``, ``"admin1"``, ``"country"``, ``"region"``).
        country : str, optional
            Keep only entities of this ISO alpha-2 country (under this point of view).
        limit : int, optional
            Return at most this many entities.

        Returns
        -------
        list of Entity
            Empty when the name is unknown.
        """
        hits = self._ranked(name)
        if not hits:
            return []
        kind_codes = None if kinds is None else {KINDS.index(k) for k in kinds if k in KINDS}
        out: list[Entity] = []
        kind_col = self._core.kind
        for idx, _primary in hits:
            if kind_codes is not None and kind_col[idx] not in kind_codes:
                continue
            if country is not None and self._country_of(idx) != country:
                continue
            out.append(self._entity(idx))
            if limit is not None and len(out) >= limit:
                break
        return out

    def candidates(self, name: str) -> list[Candidate]:
        """Return the ranked entities called ``name`` with the primary flag of the name.

        Parameters
        ----------
        name : str
            A place name (see :meth:`lookup`).

        Returns
        -------
        list of Candidate
            Same order as :meth:`lookup`; empty on a miss.
        """
        cached = self._candidates_memo.get(name)
        if cached is None:
            if len(self._candidates_memo) >= CANDIDATES_MEMO_SIZE:
                self._candidates_memo.clear()
            ranked = self._ranked(name)  # most names asked are no place's: no generator for them
            cached = tuple([Candidate(self._entity(idx), primary) for idx, primary in ranked]) if ranked else ()
            self._candidates_memo[name] = cached
        return list(cached)

    def get(self, entity_id: str) -> Entity:
        """Return the entity with this id.

        Raises
        ------
        GazetteerError
            When the id is unknown.
        """
        idx = self._core.index_of(entity_id) if isinstance(entity_id, str) else -1
        if idx < 0:
            raise GazetteerError(f"unknown gazetteer id: {entity_id!r}")
        return self._entity(idx)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self._core.index_of(entity_id) >= 0

    def __len__(self) -> int:
        return self._core.size

    def members(self, entity_id: str) -> list[Entity]:
        """Return the member entities of a composite region (``[]`` for other kinds).

        Raises
        ------
        GazetteerError
            When the id is unknown.
        """
        return [self.get(m) for m in self.get(entity_id).members]

    def entities(self, kinds: Iterable[str] | None = None) -> Iterator[Entity]:
        """Iterate over all entities (of the given kinds): areas by id, then cities by GeoNames id."""
        if kinds is None:
            for i in range(self._core.size):
                yield self._entity(i)
            return
        kind_codes = sorted({KINDS.index(k) for k in kinds if k in KINDS})
        if not kind_codes:
            return
        # the kind column is one byte an entity: the regular expression finds the wanted ones in C, in order
        wanted = re.compile(b"[" + b"".join(re.escape(bytes([c])) for c in kind_codes) + b"]")
        for found in wanted.finditer(self._core.kind.tobytes()):
            yield self._entity(found.start())

    def fingerprint(self) -> str:
        """A key of this gazetteer's data and point of view, for caches of what is computed from them:
        the data files' names, sizes and modification times."""
        files = [self._core.data_dir / name for name in (INDEX_FILE, *GEOMETRY_FILES.values(), DE_FACTO_GEOMETRY_FILE)]
        return ";".join([self.pov] + [f"{f.name}:{st.st_size}:{st.st_mtime_ns}" for f in files if f.is_file()
                                      for st in [f.stat()]])

    # ----------------------------------------------------------------- geometry

    def _area_geometry(self, entity_id: str, kind: str) -> Any:
        core = self._core
        if self.pov == "de_facto":
            pos, geoms = core.geometries(DE_FACTO_GEOMETRY_FILE)
            if entity_id in pos:
                return geoms[pos[entity_id]]
        pos, geoms = core.geometries(GEOMETRY_FILES[kind])
        if entity_id not in pos:
            raise GazetteerError(f"no geometry for {entity_id!r}")
        return geoms[pos[entity_id]]

    def geometry(self, entity_id: str) -> Any:
        """Return the geometry of an entity (loaded on first use).

        Returns
        -------
        shapely.geometry.base.BaseGeometry
            A ``Point`` (lon, lat) for a city or a sea, a ``Polygon`` or ``MultiPolygon`` otherwise,
            simplified to about 0.005 degrees, valid, in EPSG:4326.

        Raises
        ------
        GazetteerError
            When the id is unknown.
        """
        import shapely

        ent = self.get(entity_id)
        if ent.kind in ("city", "other"):  # cities and seas are points
            return shapely.Point(ent.lon, ent.lat)
        geom = self._area_geometry(entity_id, ent.kind)
        if len(geom.geoms) == 1:
            return geom.geoms[0]
        return geom

    def _tree(self, kind: str) -> tuple[list[str], Any, Any, Any]:
        """STRtree over the area geometries of one kind under this POV (built once)."""
        with self._lock:
            got = self._trees.get(kind)
            if got is not None:
                return got
            import shapely

            pos, geoms = self._core.geometries(GEOMETRY_FILES[kind])
            ids = sorted(pos)
            every = geoms.all()
            arr = [every[pos[i]] for i in ids]
            if self.pov == "de_facto":
                dpos, dgeoms = self._core.geometries(DE_FACTO_GEOMETRY_FILE)
                arr = [dgeoms[dpos[i]] if i in dpos else g for i, g in zip(ids, arr, strict=True)]
            import numpy as np

            garr = np.array(arr, dtype=object)
            got = (ids, garr, shapely.STRtree(garr), shapely.area(garr))
            self._trees[kind] = got
            return got

    def _nearest_city(self, lat: float, lon: float) -> int | None:
        import numpy as np

        with self._lock:
            if self._cities_xy is None:
                core = self._core
                kind = np.frombuffer(core.kind, dtype=np.uint8)
                idx = np.flatnonzero(kind == KINDS.index("city"))
                la = np.frombuffer(core.lat, dtype=np.int32)[idx] / core.coord_scale
                lo = np.frombuffer(core.lon, dtype=np.int32)[idx] / core.coord_scale
                pop = np.frombuffer(core.population, dtype=np.int32)[idx].astype(np.float64)
                self._cities_xy = (idx, la, lo, pop)
        idx, la, lo, pop = self._cities_xy
        dlat = CITY_RADIUS_KM / 111.0
        near = np.flatnonzero(np.abs(la - lat) <= dlat)
        if near.size == 0:
            return None
        p1, p2 = np.radians(lat), np.radians(la[near])
        dphi = p2 - p1
        dlmb = np.radians(lo[near] - lon)
        a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
        dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        ok = dist <= CITY_RADIUS_KM
        if not ok.any():
            return None
        # distance scaled by the city's size: central Rome gives Rome, not one of its districts
        scaled = np.where(ok, dist / np.sqrt(np.maximum(pop[near], 500) / 1000.0), np.inf)
        return int(idx[near[int(np.argmin(scaled))]])

    def reverse(
        self, lat: float, lon: float, *, kinds: Iterable[str] = ("city", "admin1", "country")
    ) -> Entity | None:
        """Return the entity at a point.

        Parameters
        ----------
        lat, lon : float
            WGS84 coordinates.
        kinds : iterable of str, optional
            Kinds to consider.  A city is returned when ``"city"`` is asked and one lies within
            about 20 km: the nearest, with distances divided by the square root of the city's
            population in thousands, so that a point in central Rome gives Rome rather than one of
            its districts.  Otherwise the smallest containing area of the asked area kinds
            (``"admin1"``, ``"country"``, ``"region"``) under this point of view.

        Returns
        -------
        Entity or None
            ``None`` when nothing matches (e.g. at sea).
        """
        kinds = tuple(kinds)
        if "city" in kinds:
            idx = self._nearest_city(lat, lon)
            if idx is not None:
                return self._entity(idx)
        import shapely

        point = shapely.Point(lon, lat)
        best: tuple[float, str] | None = None
        for kind in ("admin1", "country", "region"):
            if kind not in kinds:
                continue
            ids, garr, tree, areas = self._tree(kind)
            for j in tree.query(point, predicate="intersects"):
                cand = (float(areas[j]), ids[j])
                if best is None or cand < best:
                    best = cand
        return self.get(best[1]) if best else None


_LOADED: dict[tuple[str, str], Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def load_gazetteer(*, pov: str = "un", data_dir: Path | str | None = None) -> Gazetteer:
    """Load the embedded gazetteer (cached per point of view and folder).

    Parameters
    ----------
    pov : {"un", "de_facto"}, optional
        Point of view on disputed territory; see the module docstring.
    data_dir : Path or str, optional
        The folder of the data files (default: :data:`DATA_DIR`, the committed ones).

    Returns
    -------
    Gazetteer

    Raises
    ------
    GazetteerError
        On an unknown point of view or missing / corrupt data files (a corrupt block of the name index
        is found when a lookup first reads it, and raised then), naming the file.
    """
    if pov not in POVS:
        raise GazetteerError(f"unknown point of view {pov!r}; expected one of {', '.join(POVS)}")
    folder = str(DATA_DIR if data_dir is None else data_dir)
    with _LOAD_LOCK:
        gaz = _LOADED.get((folder, pov))
        if gaz is None:
            gaz = _LOADED[folder, pov] = Gazetteer(_load_core(folder), pov)
        return gaz
