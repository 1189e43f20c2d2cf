"""The offline basemap: the gazetteer's country outlines, simplified for size.

Drawn as a base layer below everything else, it shows where things are when no tile
server can be reached (the self-contained map opens on it; see :mod:`layers.map`).
Outlines are simplified to :data:`TOLERANCE` degrees and sent as encoded polylines
(:mod:`layers.polyline`) at :data:`DECIMALS` decimal places.
"""

from __future__ import annotations

import warnings
from typing import Any
from weakref import WeakKeyDictionary

import shapely
from shapely.geometry.base import BaseGeometry

from geo.errors import GazetteerError
from layers.frames import is_lonlat, polygons_only
from layers.polyline import encode_polygons

#: Simplification tolerance of the basemap, in degrees (about 5 km).
TOLERANCE = 0.05
#: Decimal places kept in the basemap's coordinates (about 1 km).
DECIMALS = 2

_CACHE: WeakKeyDictionary = WeakKeyDictionary()


def simplify(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    """Simplify an area, dropping what vanishes at this tolerance.

    Simplification does not preserve topology (much faster on detailed coasts); the result
    is made valid again.  An area that would vanish altogether keeps its largest part,
    simplified with topology preserved.
    """
    small = polygons_only(shapely.make_valid(shapely.simplify(geom, tolerance, preserve_topology=False)))
    if not small.is_empty and small.geom_type in ("Polygon", "MultiPolygon"):
        return small
    parts = list(getattr(geom, "geoms", [geom]))
    largest = max(parts, key=lambda g: g.area)
    return shapely.simplify(largest, tolerance, preserve_topology=True)


def countries_layer(gazetteer: Any, tolerance: float = TOLERANCE, decimals: int = DECIMALS) -> dict[str, Any]:
    """The countries of a gazetteer as encoded outlines for the page.

    Parameters
    ----------
    gazetteer : Gazetteer or None
        Its ``entities(kinds=("country",))`` and ``geometry(id)`` give the outlines; with
        no gazetteer there are none.
    tolerance : float
        Simplification tolerance in degrees.
    decimals : int
        Decimal places kept.

    Returns
    -------
    dict
        ``{"precision": decimals, "countries": [{"id": entity id, "e": encoded polygons}]}``,
        cached per gazetteer object, and for the embedded gazetteer in the user's cache
        (:mod:`geo.cache`) under its data files, this module's code and the shapely version.
    """
    if gazetteer is None:
        return {"precision": decimals, "countries": []}
    key = (tolerance, decimals)
    try:
        cached = _CACHE.setdefault(gazetteer, {})
    except TypeError:  # not weak-referenceable: no cache
        cached = {}
    if key in cached:
        return cached[key]
    if callable(getattr(gazetteer, "fingerprint", None)):  # the embedded gazetteer: compiled once, kept on disk
        from pathlib import Path

        from geo.cache import cached_data, fingerprint

        sources = [Path(__file__), Path(encode_polygons.__code__.co_filename)]
        extra = [gazetteer.fingerprint(), str(tolerance), str(decimals), shapely.__version__,
                 shapely.geos_version_string]
        cached[key] = cached_data("basemap", fingerprint(sources, extra),
                                  lambda: _countries_layer(gazetteer, tolerance, decimals))
    else:
        cached[key] = _countries_layer(gazetteer, tolerance, decimals)
    return cached[key]


def _countries_layer(gazetteer: Any, tolerance: float, decimals: int) -> dict[str, Any]:
    countries, skipped = [], []
    for entity in gazetteer.entities(kinds=("country",)):
        try:
            geom = gazetteer.geometry(entity.id)
        except (GazetteerError, KeyError, LookupError):
            continue
        if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        if not is_lonlat(geom):
            skipped.append(entity.id)
            continue
        encoded = encode_polygons(simplify(geom, tolerance), decimals)
        if encoded:
            countries.append({"id": entity.id, "e": encoded})
    if skipped:
        warnings.warn(f"offline basemap: {len(skipped)} countries are not in longitude/latitude degrees and "
                      f"are left out (e.g. {', '.join(skipped[:3])})", stacklevel=2)
    return {"precision": decimals, "countries": countries}
