"""Compact polygons for the page: rings in the encoded-polyline format.

Country outlines as GeoJSON text take about 14 bytes per vertex; as encoded polylines
(deltas of rounded coordinates, 5 bits per character) about 3.  The page's script
(``decodeRing`` in ``layers/assets/atlante.js``) turns them back into Leaflet lat/lng
arrays.  Characters are ASCII 63-126: no ``<`` or ``>``, nothing that can close a script.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry


def _encode_value(value: int) -> str:
    value = ~(value << 1) if value < 0 else value << 1
    chars = []
    while value >= 0x20:
        chars.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    chars.append(chr(value + 63))
    return "".join(chars)


def encode_ring(coords, precision: int) -> str:
    """Encode a ring of (lon, lat) pairs as a polyline of lat/lng at ``precision`` decimals.

    The closing vertex (equal to the first) is left out: Leaflet closes polygons itself.
    Consecutive vertices that round to the same point are written once; a ring left with
    fewer than three vertices is ``""``.
    """
    factor = 10 ** precision
    points = [(round(lat * factor), round(lon * factor)) for lon, lat, *_ in coords]
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(kept) < 3:
        return ""
    out, last = [], (0, 0)
    for point in kept:
        out.append(_encode_value(point[0] - last[0]) + _encode_value(point[1] - last[1]))
        last = point
    return "".join(out)


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
