"""Compact polygons for the page: rings in the encoded-polyline format.

Country outlines as GeoJSON text take about 14 bytes per vertex; as encoded polylines
(deltas of rounded coordinates, 5 bits per character) about 3.  The page's script
(``decodeRing`` in ``layers/assets/atlante.js``) turns them back into Leaflet lat/lng
arrays.  Characters are ASCII 63-126: no ``<`` or ``>``, nothing that can close a script.
"""

from __future__ import annotations

import numpy as np
from shapely.geometry.base import BaseGeometry


def encode_ring(coords, precision: int) -> str:
    """Encode a ring of (lon, lat) pairs as a polyline of lat/lng at ``precision`` decimals.

    The closing vertex (equal to the first) is left out: Leaflet closes polygons itself.
    Consecutive vertices that round to the same point are written once; a ring left with
    fewer than three vertices is ``""``.  (Computed with numpy, a country's outline at a time.)
    """
    xy = np.asarray(coords, dtype=float)
    if xy.ndim != 2 or len(xy) == 0:
        return ""
    points = np.rint(xy[:, [1, 0]] * 10**precision).astype(np.int64)  # (lat, lon), rounded half to even
    if len(points) > 1 and (points[0] == points[-1]).all():
        points = points[:-1]
    kept = points[np.r_[True, (points[1:] != points[:-1]).any(axis=1)]]
    if len(kept) < 3:
        return ""
    deltas = np.diff(kept, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).reshape(-1)
    values = np.where(deltas < 0, ~(deltas << 1), deltas << 1)  # zigzag: the sign in the lowest bit
    # Five bits a character, lowest first, 0x20 on every character but a value's last; offset by 63.
    n_chunks = max(1, (int(values.max()).bit_length() + 4) // 5)
    shifts = 5 * np.arange(n_chunks)
    rest = values[:, None] >> shifts
    codes = (rest & 0x1F) | np.where((rest >> 5) > 0, 0x20, 0)
    emitted = np.c_[np.ones(len(values), dtype=bool), rest[:, 1:] > 0]
    return (codes[emitted] + 63).astype(np.uint8).tobytes().decode("ascii")


def decode_ring(text: str, precision: int) -> list[tuple[float, float]]:
    """Decode :func:`encode_ring`'s output into (lat, lon) pairs (the inverse, for tests and tools)."""
    values, shift, result = [], 0, 0
    for char in text:
        byte = ord(char) - 63
        result |= (byte & 0x1F) << shift
        shift += 5
        if byte < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    factor = 10 ** precision
    lat = lon = 0
    points = []
    for dlat, dlon in zip(values[0::2], values[1::2], strict=True):
        lat += dlat
        lon += dlon
        points.append((lat / factor, lon / factor))
    return points


def encode_polygons(geom: BaseGeometry, precision: int) -> list[list[str]]:
    """The polygons of a geometry as ``[[exterior, hole, ...], ...]`` encoded rings.

    Parameters
    ----------
    geom : shapely geometry
        A Polygon, a MultiPolygon, or a collection holding polygons (other parts are ignored).
    precision : int
        Decimal places kept.

    Returns
    -------
    list of list of str
        One list per polygon; empty when the geometry has no polygon.  Polygons (and holes)
        too small to keep three distinct vertices at this precision are left out.
    """
    if geom.geom_type == "Polygon":
        exterior = encode_ring(geom.exterior.coords, precision)
        if not exterior:
            return []
        holes = [encode_ring(hole.coords, precision) for hole in geom.interiors]
        return [[exterior, *[h for h in holes if h]]]
    if hasattr(geom, "geoms"):
        return [rings for part in geom.geoms for rings in encode_polygons(part, precision)]
    return []
