"""The scripts and stylesheets a map needs, inlined from installed packages.

folium links Leaflet, jQuery, Bootstrap, Font Awesome and plugins from public CDNs.  A
self-contained map instead carries every file it uses inside the HTML, read from the
``xstatic-*`` packages (Leaflet 1.9.3, jQuery 3.7.1, Leaflet.markercluster 1.4.1) and
from ``layers/assets/`` (Atlante's own script and stylesheet), so it opens with no
network at all.

:func:`inline_assets` rewrites a folium element tree in place: it empties each element's
*instance* ``default_js``/``default_css`` lists (never folium's class-level lists, which
every later map would share) and puts the files' contents in the page header instead.
Files the map does not use (Bootstrap, Font Awesome, awesome-markers) are dropped, so
``folium.Icon`` markers are not supported; jQuery is kept only when a ``folium.Popup``
(whose template calls ``$``) or ``objects_to_stay_in_front`` needs it.
"""

from __future__ import annotations

import base64
import re
import warnings
from functools import cache
from importlib import import_module
from pathlib import Path

import folium
from branca.element import Element, Figure, JavascriptLink

ASSET_DIR = Path(__file__).resolve().parent / "assets"

#: folium's asset names -> (package holding the file, file name).
PACKAGE_ASSETS = {
    "leaflet": ("xstatic.pkg.leaflet", "leaflet.js"),
    "leaflet_css": ("xstatic.pkg.leaflet", "leaflet.css"),
    "jquery": ("xstatic.pkg.jquery", "jquery.min.js"),
    "markerclusterjs": ("xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js"),
    "markerclustercss": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.css"),
    "markerclusterdefaultcss": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.Default.css"),
}

#: folium's asset names that no element of an Atlante map uses.
UNUSED_ASSETS = frozenset({
    "bootstrap", "bootstrap_css", "glyphicons_css", "awesome_markers", "awesome_markers_font_css",
    "awesome_markers_css", "awesome_rotate_css",
})

#: Atlante's own files in ``layers/assets/``, inlined in self-contained and CDN maps alike.
OWN_ASSETS = ("atlante.css", "atlante.js")

_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)
_CSS_IMAGE = re.compile(r"url\((['\"]?)images/([\w.-]+\.png)\1\)")


class Raw(Element):
    """A page fragment written exactly as given.

    branca compiles the text of an ``Element`` as a Jinja template, so ``{{ ... }}`` or
    ``{% ... %}`` inside a script or inside document data would be evaluated.  This element
    renders its text verbatim instead.
    """

    def __init__(self, text: str):
        super().__init__("")
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs) -> str:
        """Return the text unchanged."""
        return self.text


def package_file(package: str, name: str) -> Path:
    """Path of a file in an ``xstatic`` package's ``data`` folder."""
    return Path(import_module(package).BASE_DIR) / name


@cache
def asset_text(name: str) -> str:
    """The text of one asset, ready to inline.

    Parameters
    ----------
    name : str
        A key of :data:`PACKAGE_ASSETS` or a file name of :data:`OWN_ASSETS`.

    Returns
    -------
    str
        The file's text without source-map comments; Leaflet's CSS images become
        ``data:`` URIs.
    """
    path = package_file(*PACKAGE_ASSETS[name]) if name in PACKAGE_ASSETS else ASSET_DIR / name
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    if path.suffix == ".css":
        text = _CSS_IMAGE.sub(lambda m: f"url({_png_data_uri(path.parent / 'images' / m.group(2))})", text)
    return text


def _png_data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def script_tag(code: str) -> str:
    """An inline ``<script>``; a ``</script`` inside the code is written ``<\\/script``."""
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE) + "</script>"


def style_tag(css: str) -> str:
    """An inline ``<style>``; refuses CSS that would close the element early."""
    if re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("stylesheet holds '</style' and cannot be inlined")
    return "<style>" + css + "</style>"


def default_icon_script() -> str:
    """Point Leaflet's default marker icon at ``data:`` URIs (inlined CSS has no URL to guess from)."""
    images = Path(package_file("xstatic.pkg.leaflet", "images"))
    parts = {key: _png_data_uri(images / name)[len("data:"):] for key, name in
             (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
              ("shadowUrl", "marker-shadow.png"))}
    options = ", ".join(f'{k}: "{v}"' for k, v in parts.items())
    return f'L.Icon.Default.mergeOptions({{imagePath: "data:", {options}}});'


def _walk(element: Element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def _needs_jquery(root: Element) -> bool:
    for element in _walk(root):
        if isinstance(element, folium.Popup):
            return True
        if isinstance(element, folium.Map) and element.objects_to_stay_in_front:
            return True
        if isinstance(element, folium.GeoJson) and not element.embed:
            return True
    return False


def inline_assets(root: Element, *, cdn: bool = False) -> None:
    """Make a folium tree carry its own scripts and stylesheets.

    Parameters
    ----------
    root : branca Element
        A folium map (or any element of a figure).
    cdn : bool
        ``False``: inline every file from :data:`PACKAGE_ASSETS`.  ``True``: keep the CDN
        links the elements name.  Either way the unused assets are dropped and Atlante's
        own files are inlined.

    Notes
    -----
    Idempotent: the header entries are named after the assets, so running it again (at
    every render) replaces them instead of adding copies.  An asset this module does not
    know is left as a link with a warning: such a map is not self-contained.
    """
    figure = root.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("inline_assets needs an element attached to a branca Figure")
    needed_js: list[tuple[str, str]] = []
    needed_css: list[tuple[str, str]] = []
    jquery = _needs_jquery(root)
    for element in _walk(figure):
        if not hasattr(element, "default_js"):
            continue
        keep_js, keep_css = [], []
        for target, keep, links in ((needed_js, keep_js, element.default_js),
                                    (needed_css, keep_css, element.default_css)):
            for name, url in links:
                if name in UNUSED_ASSETS or name == "jquery":
                    continue
                if name in PACKAGE_ASSETS and not cdn:
                    target.append((name, url))
                    continue
                if name not in PACKAGE_ASSETS:
                    warnings.warn(f"asset {name!r} ({url}) is linked, not inlined: the map needs the network",
                                  stacklevel=2)
                keep.append((name, url))
        # Instance attributes: folium's class-level lists stay untouched.
        element.default_js = keep_js
        element.default_css = keep_css
    header = figure.header
    if jquery:
        url = dict(folium.Map.default_js)["jquery"]
        if cdn:
            header.add_child(JavascriptLink(url), name="jquery")
        else:
            needed_js.append(("jquery", url))
    for name, _ in needed_css:
        header.add_child(Raw(style_tag(asset_text(name))), name=name)
    for name, _ in needed_js:
        header.add_child(Raw(script_tag(asset_text(name))), name=name)
        if name == "leaflet":
            header.add_child(Raw(script_tag(default_icon_script())), name="leaflet_default_icon")
    for name in OWN_ASSETS:
        text = asset_text(name)
        header.add_child(Raw(style_tag(text) if name.endswith(".css") else script_tag(text)),
                         name=f"atlante_{name}")
