"""Write the places and figures frames as GeoJSON, GeoPackage or an ACLED-like CSV.

=========  ===================================  ==============================================
format     files                                contents
=========  ===================================  ==============================================
geojson    ``places.geojson``, ``figures.geojson``  RFC 7946; properties exactly the frame columns
gpkg       ``atlante.gpkg``                     layers ``places`` and ``figures``; list columns
                                                as JSON text
csv        ``figures.csv``                      one row per figure (ACLED-like: one row per
                                                event); a figure over several places lists
                                                them in one field (``location``, ``place_id``
                                                ... joined with ``"; "``), so ``count`` sums
                                                without counting a figure twice.
=========  ===================================  ==============================================
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.approximate import locator_id
from geo.errors import GazetteerError, InputError

EXPORT_FORMATS = ("geojson", "gpkg", "csv")

#: Output file extension -> OGR driver (``None``: written by this module, not by OGR).
_EXTENSION_TO_DRIVER: dict[str, str | None] = {"geojson": None, "gpkg": "GPKG", "csv": None}

#: Decimal places kept in GeoJSON coordinates (about 10 cm).
COORD_DECIMALS = 6

#: Columns of ``figures.csv``, after ACLED's event files.
CSV_COLUMNS = ("event_date", "event_type", "location", "admin1", "country", "iso", "latitude", "longitude",
               "geo_precision", "count", "count_low", "count_high", "qualifier", "status", "source", "notes",
               "document", "figure_id", "place_id", "n_places")

#: Joins the places of a figure over several places in one CSV field.
CSV_JOIN = "; "

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: ACLED's geo_precision: 1 the place itself, 2 a part of a region, 3 a large area.
_GEO_PRECISION = {"city": 1, "admin1": 2, "country": 3, "region": 3, "other": 3}

#: The geo_precision of an approximate village (:mod:`geo.approximate`), drawn at the place that contains it: at
#: least ACLED's 2 ("near the named town"; coarser when its locator is coarser), never 1, the place itself.
APPROX_GEO_PRECISION = 2


def write_geojson(gdf: gpd.GeoDataFrame, path: Path | str) -> None:
    """Write a frame as an RFC 7946 FeatureCollection.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        A frame from :mod:`layers.frames` (EPSG:4326; other CRSs are reprojected).
    path : Path or str
        The file to write (UTF-8).

    Notes
    -----
    Properties are the frame's columns, in order; lists stay JSON arrays, missing
    values are ``null``.  Coordinates are longitude, latitude with
    :data:`COORD_DECIMALS` decimals; polygon rings follow the right-hand rule; no ``crs``
    member is written.  A row with no geometry is a feature with ``"geometry": null``.

    The file is written feature by feature, each distinct geometry object encoded once (figures
    over the same places share one), so memory stays that of one feature; the bytes are those
    of ``json.dumps(geojson_dict(gdf), separators=(",", ":"))``.  :class:`GeoJSONWriter` writes
    the same file from a frame given in chunks.
    """
    with GeoJSONWriter(path) as writer:
        writer.write(gdf)


class GeoJSONWriter:
    """Write a FeatureCollection chunk by chunk: the bytes of :func:`write_geojson` of the chunks' concatenation.

    Use as a context manager; each :meth:`write` appends the features of one frame (same columns
    each time), so that a large output never needs its whole frame in memory.

    Parameters
    ----------
    path : Path or str
        The file to write (UTF-8).
    """

    def __init__(self, path: Path | str) -> None:
        self._fh = Path(path).open("w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._fh.write('{"type":"FeatureCollection","features":[')
        self._encoded: dict[int, tuple[BaseGeometry | None, str]] = {}
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        self.count = 0

    def write(self, gdf: gpd.GeoDataFrame, *, values: list[list[Any]] | None = None) -> None:
        """Append the features of one frame (see :func:`write_geojson`).

        ``values``: the frame's :func:`json_columns`, when the caller made them already (the map reads them too).
        """
        if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
            gdf, values = gdf.to_crs("EPSG:4326"), None
        columns = [c for c in gdf.columns if c != gdf.geometry.name]
        self.write_rows(columns, json_columns(gdf) if values is None else values, gdf.geometry)

    def write_rows(self, columns: Sequence[str], values: list[list[Any]], geometries: Iterable[Any]) -> None:
        """Append one feature per row given column by column: what :meth:`write` appends for a frame.

        Parameters
        ----------
        columns : sequence of str
            The properties' names, in order (every column but the geometry).
        values : list of list
            One list of JSON values per column (:func:`json_columns`).
        geometries : iterable of shapely geometry or None
            Each row's geometry, longitude and latitude (EPSG:4326); the same object given again is encoded once.
        """
        encoded, dumps, fh = self._encoded, self._dumps, self._fh
        for row, geom in zip(zip(*values, strict=True), geometries, strict=True):
            hit = encoded.get(id(geom))
            if hit is None or hit[0] is not geom:
                hit = encoded[id(geom)] = (geom, dumps(geometry_dict(geom)))
            props = dumps(dict(zip(columns, row, strict=True)))
            fh.write(("," if self.count else "") + '{"type":"Feature","geometry":' + hit[1] + ',"properties":'
                     + props + "}")
            self.count += 1

    def close(self) -> None:
        """Finish the collection and close the file."""
        if not self._fh.closed:
            self._fh.write("]}\n")
            self._fh.close()

    def __enter__(self) -> GeoJSONWriter:
        return self

    def __exit__(self, exc_type: type | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # a failed write leaves the file unfinished (not a valid collection that looks complete)
            self._fh.close()


def geojson_dict(gdf: gpd.GeoDataFrame) -> dict[str, Any]:
    """The RFC 7946 FeatureCollection of a frame, as Python data (see :func:`write_geojson`)."""
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    features = []
    for row, geom in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry, strict=True):
        features.append({"type": "Feature", "geometry": geometry_dict(geom),
                         "properties": {c: json_value(v) for c, v in zip(columns, row, strict=True)}})
    return {"type": "FeatureCollection", "features": features}


def geometry_dict(geom: BaseGeometry | None, decimals: int = COORD_DECIMALS) -> dict[str, Any] | None:
    """A shapely geometry as an RFC 7946 geometry object (``None`` for a missing or empty one)."""
    if geom is None or (isinstance(geom, float) and math.isnan(geom)) or geom.is_empty:
        return None
    oriented = _right_hand(geom)
    kind = oriented.geom_type
    if kind in ("Polygon", "MultiPolygon") and not oriented.has_z:
        # what _round_coords(mapping(...)) gives, each ring read as one array rather than point by point
        polygons = [oriented] if kind == "Polygon" else oriented.geoms
        coordinates = [[_rounded_ring(ring, decimals) for ring in (p.exterior, *p.interiors)] for p in polygons]
        return {"type": kind, "coordinates": coordinates[0] if kind == "Polygon" else coordinates}
    return _round_coords(mapping(oriented), decimals)


def _rounded_ring(ring: BaseGeometry, decimals: int) -> list[list[float]]:
    return rounded(shapely.get_coordinates(ring), decimals).tolist()


def rounded(values: np.ndarray, decimals: int) -> np.ndarray:
    """``round(v, decimals)`` of every value, computed with numpy.

    Parameters
    ----------
    values : numpy.ndarray
        Floats (coordinates).
    decimals : int
        Digits after the point.

    Returns
    -------
    numpy.ndarray
        The same floats as Python's correctly rounded ``round``: a value whose scaled fraction lies
        within 1e-6 of one half, where numpy's product could round the other way, and any array whose
        scaled values leave the range where a float holds every integer (2**52), or that has missing
        values, are rounded by Python.
    """
    values = np.asarray(values, dtype=float)
    factor = 10.0**decimals
    if not 0 <= decimals <= 15 or not (values.size and np.isfinite(values).all()
                                       and np.abs(values).max() * factor < 2.0**52):
        return np.vectorize(lambda v: round(v, decimals), otypes=[float])(values) if values.size else values
    scaled = values * factor
    out = np.rint(scaled) / factor
    near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    if near.any():
        out[near] = [round(v, decimals) for v in values[near].tolist()]
    return out


def json_columns(gdf: gpd.GeoDataFrame) -> list[list[Any]]:
    """Every column but the geometry, in order, as :func:`json_column` gives it.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        A chunk of an output frame.

    Returns
    -------
    list of list
        One list of JSON values per column, made once for every writer of the chunk.
    """
    return [json_column(gdf[c]) for c in gdf.columns if c != gdf.geometry.name]


def json_column(series: pd.Series) -> list[Any]:
    """A frame column as plain JSON data, cell by cell as :func:`json_value`, with fast paths.

    Plain integer and boolean columns convert at once; in an object column, text, ``None``,
    Python numbers and lists of text are already JSON data and are left as they are.
    """
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        return series.tolist()
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return [None if v != v else v for v in series.tolist()]  # NaN is missing
    if isinstance(dtype, np.dtype) and dtype.kind == "M":  # a date at midnight is its day; NaT is missing
        values = series.to_numpy()
        days = values.astype("datetime64[D]")
        text = np.datetime_as_string(days).tolist()
        return [None if missing else (day if midnight and len(day) == 10 else json_value(v))
                for v, day, missing, midnight in zip(values, text, np.isnat(values).tolist(),
                                                     (values == days).tolist(), strict=True)]
    if not (isinstance(dtype, np.dtype) and dtype.kind == "O"):
        return [json_value(v) for v in series]
    out = series.tolist()
    for i, v in enumerate(out):
        kind = type(v)
        if v is None or kind is str or kind is int or kind is bool:
            continue
        if kind is list and all(type(x) is str or type(x) is int for x in v):
            continue
        if kind is list and all(type(x) is dict and _plain_dict(x) for x in v):  # an event's sources
            continue
        out[i] = json_value(v)
    return out


def _plain_dict(value: dict[str, Any]) -> bool:
    """Whether :func:`json_value` leaves a dict as it is: text keys; text, int, bool, None or lists of text values."""
    for k, x in value.items():
        kind = type(x)
        if type(k) is not str or not (x is None or kind is str or kind is int or kind is bool or (
                kind is list and all(type(y) is str for y in x))):
            return False
    return True


def json_value(value: Any) -> Any:
    """A frame cell as plain JSON data: numpy scalars unwrapped, missing values as ``None``, dates as ISO text."""
    if isinstance(value, list | tuple | np.ndarray):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | np.datetime64):
        value = pd.Timestamp(value)
        return None if pd.isna(value) else (value.date() if value == value.normalize() else value).isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def export(places: gpd.GeoDataFrame, figures: gpd.GeoDataFrame, outdir: Path, formats: Iterable[str], *,
           gazetteer: Any = None) -> list[Path]:
    """Write the frames in each requested format.

    Parameters
    ----------
    places, figures : geopandas.GeoDataFrame
        Frames from :func:`layers.frames.places_frame` and :func:`layers.frames.figures_frame`.
    outdir : Path
        Existing or new folder.
    formats : iterable of str
        Names from :data:`EXPORT_FORMATS` (files in the module docstring).
    gazetteer : Gazetteer, optional
        Fills the CSV's ``admin1`` names and places' representative points; without it
        ``admin1`` is empty and an area's point is a point inside its polygon.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Raises
    ------
    InputError
        For a format not in :data:`EXPORT_FORMATS`.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):
        if fmt not in _EXTENSION_TO_DRIVER:
            raise InputError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
        if fmt == "geojson":
            for name, gdf in (("places", places), ("figures", figures)):
                write_geojson(gdf, outdir / f"{name}.geojson")
                written.append(outdir / f"{name}.geojson")
        elif fmt == "csv":
            write_csv(places, figures, outdir / "figures.csv", gazetteer=gazetteer)
            written.append(outdir / "figures.csv")
        else:
            path = outdir / f"atlante.{fmt}"
            write_ogr(places, figures, path, driver=_EXTENSION_TO_DRIVER[fmt])
            written.append(path)
    return written


def write_ogr(places: gpd.GeoDataFrame, figures: gpd.GeoDataFrame, path: Path, *, driver: str) -> None:
    """Write both frames as layers ``places`` and ``figures`` of one OGR file (list columns as JSON text).

    The file carries no time of writing (:func:`layers.reproducible.fixed_ogr_timestamp`): the
    same frames give the same bytes.
    """
    from layers.reproducible import fixed_ogr_timestamp

    if path.exists():
        path.unlink()
    for layer, gdf in (("places", places), ("figures", figures)):
        flat = gdf.copy()
        for col in flat.columns:
            if col != flat.geometry.name and flat[col].dtype == object:
                flat[col] = [json.dumps(json_value(v), ensure_ascii=False) if isinstance(v, list | tuple) else v
                             for v in flat[col]]
        with fixed_ogr_timestamp():
            flat.to_file(path, layer=layer, driver=driver, engine="pyogrio")


def write_csv(places: gpd.GeoDataFrame, figures: gpd.GeoDataFrame, path: Path, *, gazetteer: Any = None) -> None:
    """Write ``figures.csv``: one row per figure, columns :data:`CSV_COLUMNS`.

    Like ACLED's export (one row per event), a figure is one row whatever the number of
    its places, so the ``count`` column can be summed.  A figure over several places
    lists them in one field: ``location`` (the places' English names), ``admin1``,
    ``country``, ``iso`` and ``place_id`` are joined with :data:`CSV_JOIN` in the
    figure's order (``admin1``/``country``/``iso`` without repeats); ``n_places`` says
    how many there are; ``latitude``/``longitude`` are the first place's representative
    point and ``geo_precision`` the coarsest of the places (ACLED: 1 the place itself,
    2 part of a region, 3 a large area; an approximate village, :mod:`geo.approximate`, has its locator's
    precision and at least :data:`APPROX_GEO_PRECISION`, and its locator's ``admin1``).  ``notes`` is the
    quote.  A text cell starting with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so that a spreadsheet shows it
    as text instead of running it as a formula.  :class:`CsvWriter` writes the same file
    from the figures given in chunks.
    """
    with CsvWriter(places, path, gazetteer=gazetteer) as writer:
        writer.write(figures)


class CsvWriter:
    """Write ``figures.csv`` chunk by chunk: the bytes of :func:`write_csv` of the chunks' concatenation.

    Parameters
    ----------
    places : geopandas.GeoDataFrame
        The places frame (every place of the figures to come).
    path : Path
        The file to write.
    gazetteer : Gazetteer, optional
        As :func:`write_csv`.
    """

    def __init__(self, places: gpd.GeoDataFrame, path: Path | str, *, gazetteer: Any = None) -> None:
        self._places = {row["place_id"]: row for row in places.to_dict("records")}
        self._gazetteer = gazetteer
        self._fh = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
        self._writer = csv.DictWriter(self._fh, fieldnames=CSV_COLUMNS)
        self._writer.writeheader()

    def write(self, figures: gpd.GeoDataFrame) -> None:
        """Append one row per figure of a frame (see :func:`write_csv`)."""
        place_rows, gazetteer = self._places, self._gazetteer
        for fig in figures.to_dict("records"):
            base = {
                "event_date": json_value(fig["date"]) or "", "event_type": fig["kind"],
                "count": json_value(fig["value"]), "count_low": _blank(fig["low"]), "count_high": _blank(fig["high"]),
                "qualifier": fig["qualifier"], "status": fig["status"], "source": _blank(fig["source"]),
                "notes": fig["quote"], "document": fig["document"], "figure_id": fig["figure_id"],
            }
            ids = list(dict.fromkeys(fig["place_ids"] or []))
            names = list(fig["places"] or [])
            located = [_location(pid, names[i] if i < len(names) else pid, place_rows.get(pid), gazetteer)
                       for i, pid in enumerate(ids)]
            self._writer.writerow(_defused(base | _joined_locations(located)))

    def close(self) -> None:
        """Close the file."""
        self._fh.close()

    def __enter__(self) -> CsvWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _joined_locations(located: list[dict[str, Any]]) -> dict[str, Any]:
    """The location fields of a figure's places, in one row (see :func:`write_csv`)."""
    if not located:
        return {"location": "", "admin1": "", "country": "", "iso": "", "latitude": "", "longitude": "",
                "geo_precision": "", "place_id": "", "n_places": 0}

    def join(key: str, distinct: bool) -> str:
        values = [str(row[key]) for row in located if row[key] != ""]
        return CSV_JOIN.join(dict.fromkeys(values) if distinct else values)

    return {"location": join("location", False), "admin1": join("admin1", True), "country": join("country", True),
            "iso": join("iso", True), "latitude": located[0]["latitude"], "longitude": located[0]["longitude"],
            "geo_precision": max(row["geo_precision"] for row in located), "place_id": join("place_id", False),
            "n_places": len(located)}


def _defused(row: dict[str, Any]) -> dict[str, Any]:
    """Keep spreadsheets from reading a text cell as a formula (``=``, ``+``, ``-``, ``@`` first)."""
    return {k: "'" + v if isinstance(v, str) and v[:1] in _FORMULA_STARTS else v for k, v in row.items()}


def _location(place_id: str, name: str, place: Mapping[str, Any] | None, gazetteer: Any) -> dict[str, Any]:
    entity = _entity(gazetteer, place_id)
    kind = (place or {}).get("kind") or (entity.kind if entity else "other")
    iso = (place or {}).get("country") or (entity.country if entity else None)
    locator = _entity(gazetteer, lid) if (lid := locator_id(place_id)) and entity is None else None
    lat = lon = None
    if entity is not None:
        lat, lon = entity.lat, entity.lon
    elif place is not None and place.get("geometry") is not None:
        point = place["geometry"].representative_point()
        lat, lon = point.y, point.x
    elif locator is not None:
        lat, lon = locator.lat, locator.lon
    precision = _GEO_PRECISION.get(kind, 3)
    if lid is not None:  # an approximate village: its locator's precision, never the place itself (geo.approximate)
        precision = max(APPROX_GEO_PRECISION, _GEO_PRECISION.get(locator.kind, 3) if locator else 3)
        entity = locator  # its admin-1 unit is the locator's
    admin1 = ""
    if kind == "admin1" or (lid is not None and entity is not None and entity.kind == "admin1"):
        admin1 = name if kind == "admin1" else entity.name
    elif entity is not None and entity.admin1:
        unit = _entity(gazetteer, f"admin1:{entity.admin1}")
        admin1 = unit.name if unit else ""
    country = ""
    if iso:
        holder = _entity(gazetteer, f"country:{iso}")
        country = holder.name if holder else (name if kind == "country" else iso)
    return {"location": (place or {}).get("name") or name, "admin1": admin1, "country": country, "iso": iso or "",
            "latitude": "" if lat is None else round(lat, 5), "longitude": "" if lon is None else round(lon, 5),
            "geo_precision": precision, "place_id": place_id}


def _entity(gazetteer: Any, place_id: str):
    if gazetteer is None:
        return None
    try:
        return gazetteer.get(place_id)
    except (GazetteerError, KeyError, LookupError):
        return None


def _blank(value: Any) -> Any:
    value = json_value(value)
    return "" if value is None else value


def _right_hand(geom: BaseGeometry) -> BaseGeometry:
    """Orient polygon rings as RFC 7946 asks: exterior counter-clockwise, holes clockwise."""
    kind = geom.geom_type
    if kind == "Polygon":
        return orient(geom, 1.0)
    if kind in ("MultiPolygon", "GeometryCollection"):
        return type(geom)([_right_hand(g) for g in geom.geoms])
    return geom


def _round_coords(obj: Any, decimals: int) -> Any:
    if isinstance(obj, dict):
        return {k: _round_coords(v, decimals) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        if obj and isinstance(obj[0], float | int):
            return [round(float(c), decimals) for c in obj]
        first = obj[0] if obj else None
        if isinstance(first, tuple) and len(first) == 2 and isinstance(first[0], float):
            # a ring or a line, as shapely's mapping gives it (the same as below, without a call per point)
            return [[round(float(x), decimals), round(float(y), decimals)] for x, y in obj]
        return [_round_coords(v, decimals) for v in obj]
    return obj
