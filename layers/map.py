"""The folium map: layers of deployments, incidents, casualties and places, a legend, a date filter.

Layers (overlays in the layer control, top to bottom; all on at start except *All places*,
which is on only when there is nothing else to show):

* **Deployments** - troop figures; the areas (or cities) they cover are shaded by the
  number of troops.  Figures over the same places make one symbol: a current and a
  planned figure read as a range ("12,000 to 20,000"); a planned-only deployment has a
  dashed outline.
* **Incidents**, **Casualties**, **Other figures** - a circle per figure and place whose
  area is proportional to the count, at the place's representative point; clustered
  (Leaflet.markercluster) above :data:`layers.style.CLUSTER_THRESHOLD` circles.
* **Venues and actors** - places whose role is venue or actor, coloured by role.
* **All places** - every resolved place, coloured by its first role.

Areas are polygons, cities circle markers.  Base layers: the *offline* country outlines
from the gazetteer and the *online* CartoDB Positron tiles.  A self-contained map opens
on the offline outlines, so it makes no network request until the user picks the tiles;
a ``cdn=True`` map opens on the tiles and falls back to the outlines when tiles fail to
load.  The legend gives the title, the dates, the number of documents, the classes and
symbol sizes, and the data sources.  When figures carry two or more dates, a date filter
shows only the figures in the chosen period (undated figures stay visible).

Every string from a document reaches the page as JSON data (``<``, ``>`` and ``&``
escaped) and is shown with ``textContent`` by ``layers/assets/atlante.js``: markup in a
document is shown, never run.
"""

from __future__ import annotations

import html
import json
import os
import warnings
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import xyzservices.providers as xyz
from branca.element import MacroElement
from folium.plugins import MarkerCluster

from geo.errors import GazetteerError
from geo.model import ROLES, Document
from layers import style
from layers.assets import Raw, inline_assets
from layers.basemap import countries_layer, simplify
from layers.export import json_value
from layers.polyline import encode_polygons
from layers.popups import figures_popup, kind_and_roles, place_popup, title_of
from layers.strings import count_phrase, format_date_range, format_number, load_strings
from layers.words import figure_bounds, group_phrase, range_label

#: Overlay layers in layer-control order.
LAYER_KEYS = ("deployments", "incidents", "casualties", "other", "venues", "places")

#: Figure kind -> the layer drawing it.
FIGURE_LAYER = {"troops": "deployments", "incidents": "incidents", "killed": "casualties",
                "wounded": "casualties", "casualties": "casualties", "equipment": "other", "other": "other"}

#: A deployment of more figures than this is summed up by its range in its headline and tooltip.
MAX_HEAD_PHRASES = 2

#: Layers of proportional circles.
CIRCLE_LAYERS = ("incidents", "casualties", "other")

#: Roles drawn in the "Venues and actors" layer.
VENUE_ROLES = ("venue", "actor")

#: Simplification (degrees) and precision of the place shapes drawn on the map.
PLACE_TOLERANCE = 0.01
PLACE_DECIMALS = 3

#: An area wider than this (degrees) is framed by its representative point, not its extent.
MAX_FIT_WIDTH = 40.0

#: Tile provider of the online base layer.
TILES = xyz.CartoDB.Positron
#: Environment variable holding an API key for :data:`TILES`, if any.
TILES_KEY_ENV = "ATLANTE_TILES_API_KEY"


class AtlanteMap(folium.Map):
    """A :class:`folium.Map` that inlines its assets each time it is rendered.

    Parameters
    ----------
    cdn : bool
        Link the libraries from CDNs instead of inlining them.
    **kwargs
        Passed to :class:`folium.Map`.
    """

    def __init__(self, *, cdn: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.cdn = cdn

    def render(self, **kwargs: Any) -> None:
        """Inline the assets of every element (including ones added after :func:`build_map`), then render."""
        inline_assets(self, cdn=self.cdn)
        super().render(**kwargs)


class AtlanteLayers(MacroElement):
    """Calls ``atlanteRender`` (``layers/assets/atlante.js``) with the map, its groups and the data.

    The call is written to the page as is (:class:`layers.assets.Raw`), never through a
    Jinja template: text from a document may hold ``{{`` or ``{%``.
    """

    def __init__(self, groups: Mapping[str, folium.map.Layer], data: dict[str, Any]):
        super().__init__()
        self._name = "AtlanteLayers"
        self.groups = dict(groups)
        self.data = data

    def groups_js(self) -> str:
        """A JavaScript object from layer keys to the folium layers' variables."""
        return "{" + ", ".join(f"{json.dumps(k)}: {v.get_name()}" for k, v in self.groups.items()) + "}"

    def render(self, **kwargs: Any) -> None:
        """Add the ``atlanteRender(...)`` call to the page's main script."""
        call = f"atlanteRender({self._parent.get_name()}, {self.groups_js()}, {script_json(self.data)});"
        self.get_root().script.add_child(Raw(call), name=self.get_name())


def script_json(obj: Any) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and the JS line separators are escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


class _Places:
    """Place geometry and names for the page, each place sent once whatever the layers using it."""

    def __init__(self, places: gpd.GeoDataFrame, gazetteer: Any):
        self.gazetteer = gazetteer
        self.rows = {row["place_id"]: row for row in places.to_dict("records")} if len(places) else {}
        self.used: dict[str, dict[str, Any]] = {}
        self._missing: set[str] = set()

    def _entity(self, place_id: str):
        if self.gazetteer is None:
            return None
        try:
            return self.gazetteer.get(place_id)
        except (GazetteerError, KeyError, LookupError):
            return None

    def name(self, place_id: str, fallback: str | None = None) -> str:
        row = self.rows.get(place_id)
        if row is not None:
            return row["name"]
        entity = self._entity(place_id)
        return entity.name if entity is not None else (fallback or place_id)

    def describe(self, place_id: str, strings: dict[str, Any]) -> str:
        """``"city · incident"``: the place's kind and roles, when the places frame has it."""
        row = self.rows.get(place_id)
        return kind_and_roles(row["kind"], row["roles"], strings) if row is not None else ""

    def use(self, place_id: str) -> dict[str, Any] | None:
        """The page's record of a place, or None.

        ``n`` its name, ``p`` its [lat, lon], ``e`` its polygons encoded with
        :func:`layers.polyline.encode_polygons` (null for a point).
        """
        if place_id in self.used:
            return self.used[place_id]
        if place_id in self._missing:
            return None
        row = self.rows.get(place_id)
        entity = self._entity(place_id)
        geom = row["geometry"] if row is not None else None
        if geom is None and entity is not None:
            try:
                geom = self.gazetteer.geometry(place_id)
            except (GazetteerError, KeyError, LookupError):
                geom = None
        if geom is not None and geom.is_empty:
            geom = None
        if entity is not None:
            point = [entity.lat, entity.lon]
        elif geom is not None:
            rep = geom.representative_point()
            point = [rep.y, rep.x]
        else:
            self._missing.add(place_id)
            return None
        shape = None
        if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
            shape = encode_polygons(simplify(geom, PLACE_TOLERANCE), PLACE_DECIMALS) or None
        record = {"n": self.name(place_id), "p": [round(point[0], 5), round(point[1], 5)], "e": shape}
        if shape is not None:
            minx, miny, maxx, maxy = geom.bounds
            record["_bounds"] = [[miny, minx], [maxy, maxx]] if maxx - minx <= MAX_FIT_WIDTH else None
        self.used[place_id] = record
        return record

    def page_data(self) -> dict[str, dict[str, Any]]:
        return {pid: {k: v for k, v in rec.items() if not k.startswith("_")} for pid, rec in self.used.items()}


def _figure_records(figures: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    if not len(figures):
        return []
    columns = [c for c in figures.columns if c != figures.geometry.name]
    return [{c: json_value(v) for c, v in zip(columns, row, strict=True)}
            for row in figures[columns].itertuples(index=False, name=None)]


def _deployment_items(figs: list[dict], places: _Places, strings: dict, documents: Mapping[str, Document],
                      popups: list[dict]) -> tuple[list[dict], bool]:
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for fig in figs:
        if fig["place_ids"]:
            groups[tuple(sorted(dict.fromkeys(fig["place_ids"])))].append(fig)
    items, planned_only_seen = [], False
    for key, group in groups.items():
        bounds = [figure_bounds(f) for f in group]
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        current = [figure_bounds(f)[1] for f in group if f["status"] != "planned"]
        planned_only = not current
        planned_only_seen |= planned_only
        shade = max(current) if current else high
        names = [places.name(pid) for pid in key]
        noun = strings["nouns"]["troops"]["one" if low == high == 1 else "other"]
        phrases = group_phrase(group, strings)
        sub = f"{range_label(low, high, strings)} {noun}"
        if len(phrases) <= MAX_HEAD_PHRASES:
            head = "; ".join(phrases)
        else:
            head = f"{sub} ({count_phrase(strings['popup']['figures'], len(group), strings)})"
        popups.append(figures_popup(title_of(names), head, group, strings, documents, sub=sub))
        style_ = {"color": "#08306B", "weight": 1.2, "opacity": 0.9, "fillColor": style.troop_color(shade),
                  "fillOpacity": 0.55}
        if planned_only:
            style_["dashArray"] = "5 4"
        dates = sorted({f["date"] for f in group if f["date"]})
        for pid in key:
            if places.use(pid) is None:
                continue
            items.append({"pl": pid, "s": style_, "r": 8, "pp": len(popups) - 1, "d": dates,
                          "t": f"{places.name(pid)}: {head}", "v": shade})
    return items, planned_only_seen


def _circle_items(figs: list[dict], layer: str, scale: style.RadiusScale, places: _Places, strings: dict,
                  documents: Mapping[str, Document], popups: list[dict]) -> list[dict]:
    color = style.FIGURE_COLORS[layer]
    items = []
    for fig in sorted(figs, key=lambda f: -figure_bounds(f)[1]):
        ids = [pid for pid in dict.fromkeys(fig["place_ids"]) if places.use(pid) is not None]
        if not ids:
            continue
        head = "; ".join(group_phrase([fig], strings))
        value = figure_bounds(fig)[1]
        style_ = {"color": "#FFFFFF", "weight": 1, "opacity": 1, "fillColor": color, "fillOpacity": 0.65}
        for pid in ids:
            # One popup per place: it names the place and its role there, then the figure.
            others = [places.name(other) for other in ids if other != pid]
            popup = figures_popup(places.name(pid), head, [fig], strings, documents, sub=places.describe(pid, strings))
            if others:
                popup["lines"] = [strings["popup"]["also"].format(places=title_of(others)), *popup["lines"]]
            popups.append(popup)
            items.append({"pl": pid, "pt": 1, "s": style_, "r": scale(value), "pp": len(popups) - 1,
                          "d": [fig["date"]] if fig["date"] else [], "t": f"{places.name(pid)}: {head}",
                          "v": value})
    return items


def _place_items(rows: list[dict], places: _Places, figures_at: Mapping[str, list[dict]], strings: dict,
                 documents: Mapping[str, Document], popups: list[dict], popup_of: dict[str, int]) -> list[dict]:
    items = []
    for row in rows:
        pid = row["place_id"]
        record = places.use(pid)
        if record is None:
            continue
        if pid not in popup_of:
            popups.append(place_popup(row, figures_at.get(pid, []), strings, documents))
            popup_of[pid] = len(popups) - 1
        color = style.role_color(row["roles"])
        if record["e"] is not None:
            style_ = {"color": color, "weight": 1.5, "opacity": 0.9, "fillColor": color, "fillOpacity": 0.2}
        else:
            style_ = {"color": "#FFFFFF", "weight": 1.2, "opacity": 1, "fillColor": color, "fillOpacity": 0.9}
        role = style.primary_role(row["roles"])
        items.append({"pl": pid, "s": style_, "r": style.PLACE_RADIUS, "pp": popup_of[pid], "d": [],
                      "t": f"{row['name']} · {strings['roles'].get(role, role)}"})
    return items


def _legend(title: str, documents: Sequence[Document], content: _Content, strings: dict) -> dict[str, Any]:
    """The legend's contents: title, dates, documents, classes, symbol sizes, sources."""
    legend = strings["legend"]
    layers, scale = content.layers, content.scale
    doc_dates = [d.date.isoformat() for d in documents if d.date]
    all_dates = sorted(set(content.dates) | set(doc_dates))
    subtitle = [s for s in (format_date_range(all_dates[0] if all_dates else None,
                                              all_dates[-1] if all_dates else None, strings),
                            count_phrase(strings["documents"], len(documents), strings)) if s]
    sections = []
    if layers.get("deployments"):
        entries = []
        breaks = style.TROOP_BREAKS
        for i, color in enumerate(style.TROOP_COLORS):
            if i == 0:
                label = legend["below"].format(n=format_number(breaks[0], strings))
            elif i == len(breaks):
                label = legend["above"].format(n=format_number(breaks[-1], strings))
            else:
                label = range_label(breaks[i - 1], breaks[i], strings)
            entries.append({"sw": "area", "fill": color, "label": label})
        if content.planned_only:
            entries.append({"sw": "area", "fill": "#FFFFFF", "dash": True, "label": legend["planned_only"]})
        sections.append({"title": legend["deployments"], "entries": entries})
    circles = [key for key in CIRCLE_LAYERS if layers.get(key)]
    if circles:
        sections.append({"title": legend["counts"], "row": True, "entries": [
            {"sw": "circle", "fill": "#BDBDBD", "r": scale(v), "label": format_number(v, strings)}
            for v in scale.legend_values()]})
        sections.append({"title": "", "row": True, "entries": [
            {"sw": "dot", "fill": style.FIGURE_COLORS[key], "label": strings["layers"][key]} for key in circles]})
    if content.roles:
        sections.append({"title": legend["roles"], "row": True, "entries": [
            {"sw": "dot", "fill": style.ROLE_COLORS[r], "label": strings["roles"][r]}
            for r in ROLES if r in content.roles]})
        sections.append({"title": legend["kinds"], "row": True, "entries": [
            {"sw": "dot", "fill": "#7F7F7F", "label": legend["point"]},
            {"sw": "area", "fill": "#D9D9D9", "label": legend["area"]}]})
    sources = [{"text": legend["places_data"], "href": None},
               {"text": legend["tiles"].format(attribution=TILES.get("attribution", "")), "href": None}]
    return {"title": title, "subtitle": subtitle, "sections": sections, "sources": sources,
            "sources_title": legend["attribution"]}


def _tile_layer(name: str, *, show: bool) -> folium.TileLayer:
    """The online base layer.  CartoDB now asks for an API key: it is read from the environment
    variable :data:`TILES_KEY_ENV` when set; without one the keyless URL is used, quietly."""
    key = os.environ.get(TILES_KEY_ENV)
    provider = TILES(apikey=key) if key else TILES
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="CartoDB tiles now require an API key")
        return folium.TileLayer(provider, name=name, overlay=False, control=True, show=show)


def _fit_bounds(records: Sequence[dict[str, Any]]) -> list[list[float]] | None:
    lats, lons = [], []
    for rec in records:
        box = rec.get("_bounds")
        if box:
            lats += [box[0][0], box[1][0]]
            lons += [box[0][1], box[1][1]]
        else:
            lats.append(rec["p"][0])
            lons.append(rec["p"][1])
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


@dataclass
class _Content:
    """What the map draws, before any folium object exists."""

    places: _Places
    layers: dict[str, list[dict[str, Any]]]
    popups: list[dict[str, Any]]
    counts: dict[str, int]
    scale: style.RadiusScale
    planned_only: bool
    dates: list[str]
    roles: set[str]


def _content(places: gpd.GeoDataFrame, figures: gpd.GeoDataFrame, documents: Sequence[Document], gazetteer: Any,
             strings: dict[str, Any]) -> _Content:
    """Sort the figures into layers and make every item and popup of the page."""
    docs = {d.doc_id: d for d in documents}
    known = _Places(places, gazetteer)
    popups: list[dict[str, Any]] = []
    records = _figure_records(figures)
    by_layer: dict[str, list[dict]] = defaultdict(list)
    figures_at: dict[str, list[dict]] = defaultdict(list)
    for fig in records:
        by_layer[FIGURE_LAYER.get(fig["kind"], "other")].append(fig)
        for pid in dict.fromkeys(fig["place_ids"] or []):
            figures_at[pid].append(fig)

    layers: dict[str, list[dict]] = {}
    layers["deployments"], planned_only = _deployment_items(by_layer["deployments"], known, strings, docs,
                                                            popups)
    # One size scale for every circle layer: the same area means the same count.
    scale = style.RadiusScale(figure_bounds(f)[1] for key in CIRCLE_LAYERS for f in by_layer[key]
                              if f["place_ids"])
    for key in CIRCLE_LAYERS:
        layers[key] = _circle_items(by_layer[key], key, scale, known, strings, docs, popups)
    place_rows = places.drop(columns=places.geometry.name).to_dict("records") if len(places) else []
    popup_of: dict[str, int] = {}
    venue_rows = [r for r in place_rows if any(role in VENUE_ROLES for role in r["roles"])]
    layers["venues"] = _place_items(venue_rows, known, figures_at, strings, docs, popups, popup_of)
    layers["places"] = _place_items(place_rows, known, figures_at, strings, docs, popups, popup_of)

    # Layer names count what the layer draws: figures with a place on the map, places.
    counts = {key: sum(1 for f in by_layer[key] if any(known.use(pid) for pid in f["place_ids"]))
              for key in ("deployments", *CIRCLE_LAYERS)}
    counts |= {"venues": len(layers["venues"]), "places": len(layers["places"])}
    dates = sorted({f["date"] for f in records if f["date"] and f["place_ids"]})
    roles = {row["roles"][0] for row in place_rows if row["roles"]}
    return _Content(known, layers, popups, counts, scale, planned_only, dates, roles)


def _time_filter(dates: list[str], strings: dict[str, Any]) -> dict[str, Any] | None:
    """The date filter's settings, when the figures carry two dates or more."""
    if len(dates) < 2:
        return None
    words = strings["time"]
    return {"dates": dates, "labels": [format_date_range(d, d, strings) for d in dates], "title": words["title"],
            "from": words["from"], "to": words["to"], "note": words["undated"]}


def build_map(places: gpd.GeoDataFrame, figures: gpd.GeoDataFrame, *, documents: list[Document], gazetteer: Any,
              title: str | None = None, lang: str = "en", cdn: bool = False) -> folium.Map:
    """Build the layered map of the places and figures read from the documents.

    Parameters
    ----------
    places, figures : geopandas.GeoDataFrame
        Frames from :func:`layers.frames.places_frame` and :func:`layers.frames.figures_frame`.
    documents : list of Document
        The documents, for titles, links and quotes.
    gazetteer : Gazetteer or None
        Gives the offline basemap (its countries) and places' representative points.
    title : str, optional
        Map title; by default the interface's generic title.
    lang : str
        Interface language (``layers/i18n/<lang>.yaml``; English when there is no such file).
    cdn : bool
        Link Leaflet and its plugins from CDNs (small file, needs the network) instead of
        inlining them (self-contained file, works offline).

    Returns
    -------
    folium.Map
        An :class:`AtlanteMap`; write it with :func:`save_map`.
    """
    strings = load_strings(lang)
    documents = list(documents)
    title = title or strings["title"]
    content = _content(places, figures, documents, gazetteer, strings)
    layers = content.layers

    m = AtlanteMap(location=None, tiles=None, zoom_start=2, control_scale=True, cdn=cdn)
    m.options["max_zoom"] = 18  # MarkerCluster needs it when the map has no tile layer
    m.options["min_zoom"] = 2
    m.options["world_copy_jump"] = True
    m.get_root().title = html.escape(title)

    countries = folium.FeatureGroup(name=strings["layers"]["countries"], overlay=False, control=True,
                                    show=not cdn)
    tiles = _tile_layer(strings["layers"]["tiles"], show=cdn)
    m.add_child(countries)
    m.add_child(tiles)
    groups: dict[str, folium.map.Layer] = {"countries": countries, "tiles": tiles}
    has_figures = any(layers[k] for k in ("deployments", *CIRCLE_LAYERS))
    for key in LAYER_KEYS:
        if not layers[key] and key != "places":
            continue
        name = f"{strings['layers'][key]} ({format_number(content.counts[key], strings)})"
        show = key != "places" or not (has_figures or layers["venues"])
        if key in CIRCLE_LAYERS and len(layers[key]) > style.CLUSTER_THRESHOLD:
            group = MarkerCluster(name=name, overlay=True, control=True, show=show,
                                  options={"maxClusterRadius": 40, "spiderfyOnMaxZoom": True,
                                           "showCoverageOnHover": False})
        else:
            group = folium.FeatureGroup(name=name, overlay=True, control=True, show=show)
        m.add_child(group)
        groups[key] = group

    # Frame the figures when there are some (an actor far away should not zoom the map out), else what shows.
    shown = [k for k in LAYER_KEYS if k in groups and groups[k].show]
    framed = [k for k in shown if k in ("deployments", *CIRCLE_LAYERS)] or shown
    data = {
        "lang": strings["code"],
        "places": content.places.page_data(),
        "popups": content.popups,
        "layers": {k: v for k, v in layers.items() if k in groups},
        "clustered": [k for k, g in groups.items() if isinstance(g, MarkerCluster)],
        "precision": PLACE_DECIMALS,
        "basemap": countries_layer(gazetteer),
        "basemap_attribution": strings["legend"]["places_data"],
        "legend": _legend(title, documents, content, strings),
        "time": _time_filter(content.dates, strings),
        "bounds": _fit_bounds([content.places.used[item["pl"]] for k in framed for item in layers[k]]),
    }
    m.add_child(AtlanteLayers(groups, data))
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    inline_assets(m, cdn=cdn)
    return m


def save_map(m: folium.Map, path: Path) -> None:
    """Write the map as one HTML file (UTF-8).

    Parameters
    ----------
    m : folium.Map
        A map from :func:`build_map`; any other folium map has its assets inlined too.
    path : Path
        The file to write.

    Notes
    -----
    The same map gives the same bytes: folium's random element ids are replaced by ids
    derived from the page (:func:`layers.reproducible.stable_element_ids`).
    """
    if not isinstance(m, AtlanteMap):
        inline_assets(m)
    from layers.reproducible import stable_element_ids

    root = m.get_root()
    Path(path).write_text(stable_element_ids(root, root.render()), encoding="utf-8")
