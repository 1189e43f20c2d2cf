"""Byte-reproducible outputs: the same inputs give the same bytes in every file Atlante writes.

folium names every element with a random ``uuid4`` (``map_3f2a...``), so a map saved twice
differs; :func:`stable_element_ids` derives the ids from the page instead.  GDAL stamps a
GeoPackage with the time of writing; :func:`fixed_ogr_timestamp` fixes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

from branca.element import Element

_HEX_ID = re.compile(r"[0-9a-f]{32}")


def stable_element_ids(root: Element, page: str) -> str:
    """Replace the random ids folium gives its elements (uuid4) by ids derived from the page.

    Every element of ``root``'s tree, in tree order, gets the first 32 hex digits of the
    SHA-256 of its position and name, so the same map is the same bytes on every run.

    Parameters
    ----------
    root : branca.element.Element
        The rendered page's root (``m.get_root()``).
    page : str
        The HTML ``root`` rendered to.

    Returns
    -------
    str
        ``page`` with each element id replaced.
    """
    return replace_element_ids(page, element_ids(root))


def element_ids(root: Element) -> dict[str, str]:
    """The stable id of each element id of ``root``'s tree (see :func:`stable_element_ids`).

    Parameters
    ----------
    root : branca.element.Element
        The rendered page's root.

    Returns
    -------
    dict of str to str
        Random id -> stable id.
    """
    ids: dict[str, str] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        old = getattr(element, "_id", None)
        if isinstance(old, str) and old not in ids:
            ids[old] = hashlib.sha256(f"{len(ids)}:{element._name}".encode()).hexdigest()[:32]
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))
    return ids


def replace_element_ids(text: str, ids: dict[str, str]) -> str:
    """``text`` (a page or a piece of one) with each id of ``ids`` replaced (:func:`element_ids`)."""
    return _HEX_ID.sub(lambda match: ids.get(match.group(), match.group()), text)


def ogr_timestamp() -> str:
    """The time GDAL writes into files: ``SOURCE_DATE_EPOCH`` when set, else the Unix epoch."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@contextmanager
def fixed_ogr_timestamp() -> Iterator[None]:
    """Within the block, GDAL stamps files (a GeoPackage's ``last_change``) with :func:`ogr_timestamp`."""
    import pyogrio

    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": ogr_timestamp()})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})
