"""Compact polygons for the page: rings in the encoded-polyline format.

Country outlines as GeoJSON text take about 14 bytes per vertex; as encoded polylines
(deltas of rounded coordinates, 5 bits per character) about 3.  The page's script
(``decodeRing`` in ``layers/assets/atlante.js``) turns them back into Leaflet lat/lng
arrays.  Characters are ASCII 63-126: no ``<`` or ``>``, nothing that can close a script.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry


def encode_ring(coords, precision: int) -> str:
    """Encode a ring of (lon, lat) pairs as a polyline of lat/lng at ``precision`` decimals.

    The closing vertex (equal to the first) is left out: Leaflet closes polygons itself.
    Consecutive vertices that round to the same point are written once; a ring left with
    fewer than three vertices is ``""``.  (Computed with numpy, see :func:`encode_rings`.)
    """
    xy = np.asarray(coords, dtype=float)
    if xy.ndim != 2 or len(xy) == 0:
        return ""
    return encode_rings(xy, np.array([0, len(xy)]), precision)[0]


def encode_rings(coords: np.ndarray, offsets: np.ndarray, precision: int) -> list[str]:
    """Encode many rings at once, as :func:`encode_ring` encodes each.

    Parameters
    ----------
    coords : numpy.ndarray
        (lon, lat[, z]) rows of every ring, one after the other.
    offsets : numpy.ndarray
        Ring ``i`` is ``coords[offsets[i]:offsets[i + 1]]``.
    precision : int
        Decimal places kept.

    Returns
    -------
    list of str
        One polyline per ring (``""`` for a ring of fewer than three distinct vertices).
    """
    offsets = np.asarray(offsets, dtype=np.int64)
    n_rings = len(offsets) - 1
    if n_rings <= 0:
        return []
    points = np.rint(np.asarray(coords, dtype=float)[:, [1, 0]] * 10**precision).astype(np.int64)  # (lat, lon)
    n = len(points)
    if n == 0:
        return [""] * n_rings
    starts, ends = offsets[:-1], offsets[1:]
    keep = np.ones(n, dtype=bool)
    keep[1:] = (points[1:] != points[:-1]).any(axis=1)
    keep[starts[starts < n]] = True  # a ring's first vertex
    closed = (ends - starts > 1) & (points[np.minimum(starts, n - 1)] == points[np.maximum(ends - 1, 0)]).all(axis=1)
    keep[ends[closed] - 1] = False  # the closing vertex
    ring_of = np.repeat(np.arange(n_rings), ends - starts)
    counts = np.bincount(ring_of[keep], minlength=n_rings)
    keep &= (counts >= 3)[ring_of]  # rings left with fewer than three vertices are ""
    kept, ring_of = points[keep], ring_of[keep]
    first = np.ones(len(kept), dtype=bool)
    first[1:] = ring_of[1:] != ring_of[:-1]
    previous = np.zeros_like(kept)
    previous[1:] = kept[:-1]
    previous[first] = 0  # a ring starts from (0, 0)
    deltas = (kept - previous).reshape(-1)
    values = np.where(deltas < 0, ~(deltas << 1), deltas << 1)  # zigzag: the sign in the lowest bit
    # Five bits a character, lowest first, 0x20 on every character but a value's last; offset by 63.
    n_chunks = max(1, (int(values.max(initial=0)).bit_length() + 4) // 5)
    rest = values[:, None] >> (5 * np.arange(n_chunks))
    codes = (rest & 0x1F) | np.where((rest >> 5) > 0, 0x20, 0)
    emitted = np.c_[np.ones(len(values), dtype=bool), rest[:, 1:] > 0]
    text = (codes[emitted] + 63).astype(np.uint8).tobytes().decode("ascii")
    chars = np.bincount(np.repeat(ring_of, 2), weights=emitted.sum(axis=1), minlength=n_rings).astype(np.int64)
    bounds = np.r_[0, np.cumsum(chars)].tolist()
    return [text[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


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
    polygons = _polygons(geom)
    if not polygons:
        return []
    _, coords, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(polygons, include_z=False)
    rings = encode_rings(coords, ring_offsets, precision)
    out = []
    for a, b in zip(polygon_offsets[:-1].tolist(), polygon_offsets[1:].tolist(), strict=True):
        if a < b and rings[a]:  # a polygon whose exterior vanishes is left out, and so is a hole
            out.append([rings[a], *[r for r in rings[a + 1 : b] if r]])
    return out


def _polygons(geom: BaseGeometry) -> list[BaseGeometry]:
    """The polygons of a geometry, depth first, in order (other parts left out)."""
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type == "MultiPolygon":
        return list(shapely.get_parts(geom))
    if hasattr(geom, "geoms"):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []
