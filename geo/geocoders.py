"""geopy geocoders for Atlante: an offline one over the gazetteer, and an opt-in cached online one.

* :class:`GazetteerGeocoder` is a :class:`geopy.geocoders.base.Geocoder` that answers from the
  embedded gazetteer and never opens a socket.  It plugs into anything that takes a geopy
  geocoder, including ``geopandas.tools.geocode(series, provider=GazetteerGeocoder)`` and
  ``geopandas.tools.reverse_geocode``.
* :class:`CachedGeocoder` wraps geopy's :class:`~geopy.geocoders.Nominatim` with the usage
  policy of the public Nominatim service enforced in code: a real user agent, at most one
  request per second, a persistent SQLite cache (hits *and* misses) and timeouts that fail fast.
  It is only ever built by a caller that asks for it.
* :func:`resolve_name` is what the pipeline calls: gazetteer first, the online geocoder only
  when the caller passed one.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from geopy.adapters import BaseSyncAdapter, RequestsAdapter, URLLibAdapter
from geopy.exc import ConfigurationError, GeopyError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import GazetteerError, GeocoderError
from geo.model import PLACE_KINDS, Entity

__all__ = [
    "NOMINATIM_DOMAIN",
    "CachedGeocoder",
    "GazetteerGeocoder",
    "GeocodeCache",
    "OfflineFallback",
    "default_cache_path",
    "entity_from_location",
    "resolve_name",
]

#: The public Nominatim service (OpenStreetMap Foundation).
NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"

#: Shortest gap allowed between two requests to one host, in seconds (Nominatim policy: 1 req/s).
MIN_DELAY_SECONDS = 1.0

#: User agents refused: empty ones, geopy's own default and the samples in geopy's docs.
_SAMPLE_USER_AGENTS = frozenset(
    {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"}
)


class GazetteerLike(Protocol):
    """The part of :class:`geo.gazetteer.Gazetteer` this module uses."""

    def lookup(
        self, name: str, *, kinds: Sequence[str] | None = None, country: str | None = None,
        limit: int | None = None,
    ) -> list[Entity]: ...

    def get(self, entity_id: str) -> Entity: ...

    def reverse(self, lat: float, lon: float, *, kinds: Sequence[str] = ...) -> Entity | None: ...


class OnlineGeocoderLike(Protocol):
    """Anything with a geopy-style ``geocode`` (a :class:`CachedGeocoder` in practice)."""

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: Any) -> Any: ...


# --------------------------------------------------------------------------------------------
# Offline geocoder over the gazetteer
# --------------------------------------------------------------------------------------------


class _OfflineAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: the offline geocoder has no network path."""

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:
        raise GeocoderError(f"offline geocoder asked to fetch {url}; it never uses the network")

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        raise GeocoderError(f"offline geocoder asked to fetch {url}; it never uses the network")


def _default_gazetteer(pov: str) -> GazetteerLike:
    """Load the embedded gazetteer (``load_gazetteer`` keeps one per point of view)."""
    from geo.gazetteer import load_gazetteer

    return load_gazetteer(pov=pov)


def _clean_query(query: Any) -> str | None:
    """Return the query with its white space collapsed, ``None`` for a missing or blank one.

    Raises
    ------
    TypeError
        For anything else than a string or a missing value.
    """
    if query is None or (isinstance(query, float) and math.isnan(query)) or type(query).__name__ == "NAType":
        return None  # a missing value in a pandas Series (None, NaN, pd.NA)
    if not isinstance(query, str):
        raise TypeError(f"a geocoding query must be a string, not {type(query).__name__}")
    query = " ".join(query.split())
    return query or None


class GazetteerGeocoder(Geocoder):
    """Offline geopy geocoder answering from Atlante's gazetteer; it never touches the network.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The gazetteer to answer from.  By default the embedded one is loaded (once per
        process and ``pov``), so ``GazetteerGeocoder()`` works as geopandas builds it:
        ``geopandas.tools.geocode(names, provider=GazetteerGeocoder)``.
    pov : str
        Point of view of the default gazetteer (ignored when ``gazetteer`` is given).
    kinds : sequence of str, optional
        Default entity kinds (of :data:`geo.model.PLACE_KINDS`) for :meth:`geocode`.

    Notes
    -----
    Results are :class:`geopy.location.Location` objects: ``address`` is the English name
    followed by the English country name (``"Kharkiv, Ukraine"``; a country or a multi-country
    region is its name alone), ``point`` is the entity's representative point and ``raw`` is a
    dict with ``place_id`` (the gazetteer id), ``name``, ``kind``, ``country``, ``admin1`` and
    ``population``.  The geocoder's HTTP adapter refuses every request.
    """

    def __init__(
        self,
        *,
        gazetteer: GazetteerLike | None = None,
        pov: str = "un",
        kinds: Sequence[str] | None = None,
    ) -> None:
        super().__init__(adapter_factory=_OfflineAdapter)
        self.gazetteer: GazetteerLike = gazetteer if gazetteer is not None else _default_gazetteer(pov)
        self.kinds = tuple(kinds) if kinds is not None else None

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        kinds: Sequence[str] | None = None,
        country: str | None = None,
    ) -> Location | list[Location] | None:
        """Find a place by name in the gazetteer.

        Parameters
        ----------
        query : str
            A place name in any language the gazetteer knows.  ``"Name, Country"`` is also
            understood (as this geocoder writes addresses): when the whole string is not a
            known name, the part after the last comma is looked up as a country and the rest
            is searched within it.
        exactly_one : bool
            Return the best match only (default) or the ranked list.
        timeout : ignored
            Accepted for geopy compatibility; nothing here waits on I/O.
        limit : int, optional
            Maximum number of results when ``exactly_one`` is false.
        kinds : sequence of str, optional
            Restrict to these entity kinds; defaults to the constructor's ``kinds``.
        country : str, optional
            ISO 3166-1 alpha-2 code to restrict the search to.

        Returns
        -------
        geopy.location.Location or list of Location or None
            ``None`` when nothing matches or the query is blank (as geopy's geocoders do).

        Raises
        ------
        TypeError
            If ``query`` is neither a string nor missing (``None``/NaN).
        """
        name = _clean_query(query)
        if name is None:
            return None
        kinds = tuple(kinds) if kinds is not None else self.kinds
        want = 1 if exactly_one else limit
        if want is not None and int(want) < 1:
            raise ValueError("limit must be at least 1")
        entities = self.gazetteer.lookup(name, kinds=kinds, country=country, limit=want)
        if not entities and "," in name:
            entities = self._lookup_with_country(name, kinds=kinds, country=country, limit=want)
        if not entities:
            return None
        locations = [self._location(e) for e in entities]
        return locations[0] if exactly_one else locations

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        kinds: Sequence[str] | None = None,
    ) -> Location | list[Location] | None:
        """Find the place at a point: the gazetteer's most specific entity containing it.

        Parameters
        ----------
        query : geopy.point.Point, (lat, lon) tuple or ``"lat, lon"`` string
            The point (latitude first, as in geopy).
        exactly_one : bool
            Return a Location (default) or a one-element list.
        timeout : ignored
            Accepted for geopy compatibility.
        kinds : sequence of str, optional
            Entity kinds to consider, most specific first; the gazetteer's default otherwise.

        Returns
        -------
        geopy.location.Location or list of Location or None
            The location's point is the found entity's representative point; ``None`` when
            the point is in no known entity.

        Raises
        ------
        ValueError
            If ``query`` is not a point.
        """
        point = Point(query)
        if kinds is None:
            entity = self.gazetteer.reverse(point.latitude, point.longitude)
        else:
            entity = self.gazetteer.reverse(point.latitude, point.longitude, kinds=tuple(kinds))
        if entity is None:
            return None
        location = self._location(entity)
        return location if exactly_one else [location]

    def _lookup_with_country(
        self, name: str, *, kinds: tuple[str, ...] | None, country: str | None, limit: int | None
    ) -> list[Entity]:
        head, _, tail = name.rpartition(",")
        head, tail = head.strip(), tail.strip()
        if not head or not tail:
            return []
        states = self.gazetteer.lookup(tail, kinds=("country",), limit=1)
        if not states or states[0].country is None:
            return []
        code = states[0].country
        if country is not None and country.upper() != code.upper():
            return []
        return self.gazetteer.lookup(head, kinds=kinds, country=code, limit=limit)

    def _country_name(self, code: str) -> str:
        try:
            return self.gazetteer.get(f"country:{code}").name
        except GazetteerError:
            import pycountry

            record = pycountry.countries.get(alpha_2=code)
            return record.name if record is not None else code

    def _location(self, entity: Entity) -> Location:
        if entity.kind == "country" or entity.country is None:
            address = entity.name
        else:
            address = f"{entity.name}, {self._country_name(entity.country)}"
        raw = {
            "place_id": entity.id,
            "name": entity.name,
            "kind": entity.kind,
            "country": entity.country,
            "admin1": entity.admin1,
            "population": entity.population,
        }
        return Location(address, (entity.lat, entity.lon), raw)


# --------------------------------------------------------------------------------------------
# Persistent cache
# --------------------------------------------------------------------------------------------


def default_cache_path() -> Path:
    """Where :class:`CachedGeocoder` keeps its cache unless told otherwise.

    Returns
    -------
    pathlib.Path
        ``$XDG_CACHE_HOME/atlante/geocode.sqlite``, or ``~/.cache/atlante/geocode.sqlite``.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "atlante" / "geocode.sqlite"


def normalize_query(text: str) -> str:
    """Cache-key form of a free-text query: NFC, case-folded, inner white space collapsed.

    Accents are kept: two names that differ only by an accent may be different places.
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_MISSING = object()

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode_cache (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    result TEXT NOT NULL,
    found INTEGER NOT NULL,
    fetched_at TEXT NOT NULL
)
"""


class GeocodeCache:
    """A persistent SQLite cache of geocoder answers (stdlib :mod:`sqlite3`).

    One row per request: ``key`` (JSON of provider, endpoint, normalised query and the other
    parameters), the provider's JSON answer in ``result``, ``found`` (0 for a miss: misses are
    cached too) and ``fetched_at`` (UTC ISO time).  The file is created with the first answer
    stored: a run that looks nothing up (or whose lookups all fail) leaves no file.  Entries
    never expire; delete the file (or call :meth:`clear`) to refresh.  Each operation opens its
    own short connection, so an instance can be shared between threads and processes.

    Parameters
    ----------
    path : str or Path
        The SQLite file; it and its folder are created when the first answer is stored.

    Raises
    ------
    GeocoderError
        If the file could not be created there, or exists and is not a usable SQLite database.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        try:
            if self.path.exists():
                self._create()  # an existing file must be a usable cache
            else:
                existing = self.path.parent
                while not existing.exists() and existing != existing.parent:
                    existing = existing.parent
                if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
                    raise OSError(f"cannot create a file under {existing}")
        except (OSError, sqlite3.Error) as err:
            raise GeocoderError(f"cannot use geocoder cache {self.path}: {err}") from err

    def _create(self) -> None:
        """Create the file and its table (the first answer to store does it: none is made for nothing)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as con, con:
            con.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def get(self, key: str) -> Any:
        """Return the cached JSON answer for ``key``, or the module's ``_MISSING`` sentinel."""
        if not self.path.exists():
            return _MISSING
        with closing(self._connect()) as con:
            row = con.execute("SELECT result FROM geocode_cache WHERE key = ?", (key,)).fetchone()
        return _MISSING if row is None else json.loads(row[0])

    def put(
        self, key: str, *, provider: str, endpoint: str, query: str, params: dict[str, str],
        result: Any, found: bool,
    ) -> None:
        """Store (or replace) one answer, creating the file on the first one."""
        row = (
            key, provider, endpoint, query, json.dumps(params, sort_keys=True, ensure_ascii=False),
            json.dumps(result, ensure_ascii=False), int(found),
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        if not self.path.exists():
            self._create()
        with closing(self._connect()) as con, con:
            con.execute("INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)

    def clear(self) -> None:
        """Delete every entry."""
        if not self.path.exists():
            return
        with closing(self._connect()) as con, con:
            con.execute("DELETE FROM geocode_cache")

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with closing(self._connect()) as con:
            return con.execute("SELECT COUNT(*) FROM geocode_cache").fetchone()[0]


def _request_key(provider: str, url: str) -> tuple[str, str, str, dict[str, str]]:
    """Cache key of a geocoder URL: ``(key, endpoint, normalised query, other params)``."""
    parts = urlsplit(url)
    endpoint = f"{parts.scheme}://{parts.netloc}{parts.path}"
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "q" in params:
        query = normalize_query(params.pop("q"))
    elif "lat" in params and "lon" in params:
        query = f"{float(params.pop('lat')):.6f},{float(params.pop('lon')):.6f}"
    else:  # not a request this module makes: key on the full parameters
        query = ""
    key = json.dumps([provider, endpoint, query, sorted(params.items())], ensure_ascii=False)
    return key, endpoint, query, params


def _is_cacheable(payload: Any) -> tuple[bool, bool]:
    """``(cacheable, found)`` for a Nominatim JSON answer; service errors are not cached."""
    if isinstance(payload, dict) and "error" in payload:
        miss = payload["error"] == "Unable to geocode"
        return miss, False
    if isinstance(payload, list | dict):
        return True, bool(payload)
    return False, False


# --------------------------------------------------------------------------------------------
# Rate limit: one process-wide clock per host
# --------------------------------------------------------------------------------------------

_REGISTRY_LOCK = threading.Lock()
_HOST_LOCKS: dict[str, threading.Lock] = {}
_LAST_REQUEST: dict[str, float] = {}


def _host_lock(host: str) -> threading.Lock:
    with _REGISTRY_LOCK:
        return _HOST_LOCKS.setdefault(host, threading.Lock())


class _CachingAdapter(BaseSyncAdapter):
    """geopy adapter: answer from the cache, else wait for the rate limit and fetch once.

    The wrapped HTTP adapter makes no retries.  The clock is per host and process-wide, and is
    set when a request *ends*, so two requests to one host start at least ``min_delay`` apart
    even across :class:`CachedGeocoder` instances.
    """

    def __init__(
        self, *, proxies: dict, ssl_context: Any, cache: GeocodeCache, provider: str, min_delay: float
    ) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        if RequestsAdapter.is_available:
            self._http: BaseSyncAdapter = RequestsAdapter(
                proxies=proxies, ssl_context=ssl_context, max_retries=0
            )
        else:  # pragma: no cover - requests is installed with folium
            self._http = URLLibAdapter(proxies=proxies, ssl_context=ssl_context)
        self._cache = cache
        self._provider = provider
        self._min_delay = min_delay
        self.requests_made = 0

    def _fetch(self, url: str, fetch: Any) -> Any:
        host = urlsplit(url).netloc
        with _host_lock(host):
            wait = _LAST_REQUEST.get(host, -math.inf) + self._min_delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                self.requests_made += 1
                return fetch()
            finally:
                _LAST_REQUEST[host] = time.monotonic()

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:
        key, endpoint, query, params = _request_key(self._provider, url)
        cached = self._cache.get(key)
        if cached is not _MISSING:
            return cached
        payload = self._fetch(url, lambda: self._http.get_json(url, timeout=timeout, headers=headers))
        cacheable, found = _is_cacheable(payload)
        if cacheable:
            self._cache.put(
                key, provider=self._provider, endpoint=endpoint, query=query, params=params,
                result=payload, found=found,
            )
        return payload

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        return self._fetch(url, lambda: self._http.get_text(url, timeout=timeout, headers=headers))

    def __enter__(self) -> _CachingAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.__exit__(*exc)


# --------------------------------------------------------------------------------------------
# Online geocoder
# --------------------------------------------------------------------------------------------


def _check_user_agent(user_agent: str | None) -> str:
    if user_agent is None or not str(user_agent).strip():
        raise GeocoderError(
            "an online geocoder needs user_agent=... naming your application and a contact "
            "(Nominatim usage policy)"
        )
    agent = str(user_agent).strip()
    if agent.lower() in _SAMPLE_USER_AGENTS or agent.lower().startswith("geopy/"):
        raise GeocoderError(
            f"user_agent {agent!r} is a default or sample agent; Nominatim's usage policy requires one "
            "that names your application"
        )
    return agent


def _one_line(err: BaseException) -> str:
    """``"<geopy error class>: <reason>"`` on one line; the reason is the socket error when there is one."""
    reason = str(err)
    seen: set[int] = set()
    cause: BaseException | None = err
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, OSError) and cause.strerror:
            reason = cause.strerror
        cause = cause.__cause__ or cause.__context__
    text = " ".join(reason.split()) or "no details"
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(err).__name__}: {text}"


class CachedGeocoder:
    """Online geocoder (Nominatim) with the public service's usage policy enforced in code.

    Nothing in Atlante builds one unless the user asks for online geocoding.  The policy of
    the OpenStreetMap Foundation's Nominatim service (https://operations.osmfoundation.org/
    policies/nominatim/) is:

    * **a real user agent** identifying the application: ``user_agent`` is required, and
      empty strings, geopy's default agent and the sample agents of geopy's docs are refused;
    * **at most one request per second**: requests to one host are serialised and spaced by at
      least ``min_delay_seconds`` (never less than one second), process-wide;
    * **cache the results**: every answer, found or not, is stored in an SQLite file keyed by
      provider, endpoint, normalised query and the other parameters, and never asked again.

    Failures are fast and loud: one request, no retries, a ``timeout`` of a few seconds, and
    every geopy service error becomes a :class:`~geo.errors.GeocoderError` with a one-line
    message.

    Parameters
    ----------
    user_agent : str
        Required: your application's name and a contact, e.g. ``"atlante-demo/0.1 (me@example.org)"``.
    cache_path : str or Path, optional
        SQLite cache file; :func:`default_cache_path` by default.
    domain : str
        Host (and optional port) of the Nominatim server; the public one by default.
    scheme : {"https", "http"}
        URL scheme.
    timeout : float
        Seconds to wait for a connection and for an answer (each) before failing.
    min_delay_seconds : float
        Gap between two requests to one host; at least :data:`MIN_DELAY_SECONDS`.
    language : str or None
        ``Accept-Language`` sent with every request (``"en"``: English names, as the gazetteer).
    proxies : dict or str, optional
        As geopy's ``proxies``; ``None`` uses the system's, ``{}`` none.

    Raises
    ------
    GeocoderError
        On a missing or sample user agent, a too-short delay, a bad scheme or an unusable cache.

    Examples
    --------
    >>> online = CachedGeocoder(user_agent="my-newsroom-maps/1.0 (maps@example.org)")  # doctest: +SKIP
    >>> online.geocode("Zaporizhzhia").address  # doctest: +SKIP
    """

    provider = "nominatim"

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        cache_path: str | os.PathLike[str] | None = None,
        domain: str = NOMINATIM_DOMAIN,
        scheme: str = "https",
        timeout: float = 5.0,
        min_delay_seconds: float = MIN_DELAY_SECONDS,
        language: str | None = "en",
        proxies: dict[str, str] | str | None = None,
    ) -> None:
        self.user_agent = _check_user_agent(user_agent)
        if not min_delay_seconds >= MIN_DELAY_SECONDS:
            raise GeocoderError(
                f"min_delay_seconds={min_delay_seconds!r}: Nominatim's usage policy allows at most one "
                f"request per second (>= {MIN_DELAY_SECONDS})"
            )
        if not timeout or timeout <= 0:
            raise GeocoderError(f"timeout={timeout!r}: give a positive number of seconds")
        self.cache = GeocodeCache(cache_path if cache_path is not None else default_cache_path())
        self.language = language
        self.min_delay_seconds = float(min_delay_seconds)
        self._adapter: _CachingAdapter | None = None

        def factory(*, proxies: dict, ssl_context: Any) -> _CachingAdapter:
            self._adapter = _CachingAdapter(
                proxies=proxies, ssl_context=ssl_context, cache=self.cache, provider=self.provider,
                min_delay=self.min_delay_seconds,
            )
            return self._adapter

        try:
            self._nominatim = Nominatim(
                user_agent=self.user_agent, domain=domain, scheme=scheme, timeout=timeout,
                proxies=proxies, adapter_factory=factory,
            )
        except ConfigurationError as err:
            raise GeocoderError(f"bad online geocoder configuration: {_one_line(err)}") from err
        self.domain = self._nominatim.domain
        self.scheme = self._nominatim.scheme
        self.timeout = timeout

    @property
    def requests_made(self) -> int:
        """Number of HTTP requests this instance sent (cache hits send none)."""
        return self._adapter.requests_made if self._adapter is not None else 0

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: str | Iterable[str] | None = None,
        featuretype: str | None = None,
        addressdetails: bool = False,
    ) -> Location | list[Location] | None:
        """Geocode a free-text query (cache first, then one rate-limited request).

        Parameters
        ----------
        query : str
            Free text; blank or missing (``None``/NaN) gives ``None`` without a request.
        exactly_one : bool
            Best result only (default) or a list.
        limit : int, optional
            Maximum number of results when ``exactly_one`` is false.
        country_codes : str or iterable of str, optional
            ISO 3166-1 alpha-2 codes to restrict the search to.
        featuretype : {"country", "state", "city", "settlement"}, optional
            Restrict to a feature type.
        addressdetails : bool
            Ask for the structured address in ``raw["address"]``.

        Returns
        -------
        geopy.location.Location or list of Location or None
            ``None`` for no result.

        Raises
        ------
        GeocoderError
            When the service is unreachable, times out or answers with an error.
        """
        text = _clean_query(query)
        if text is None:
            return None
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        codes = sorted({c.lower() for c in country_codes}) if country_codes else None
        try:
            return self._nominatim.geocode(
                text, exactly_one=exactly_one, limit=limit, country_codes=codes, featuretype=featuretype,
                addressdetails=addressdetails, language=self.language or False,
            )
        except GeopyError as err:
            raise GeocoderError(
                f"{self.provider} geocode {text!r} via {self.domain} failed: {_one_line(err)}"
            ) from err

    def reverse(
        self, query: Any, *, exactly_one: bool = True, zoom: int | None = None
    ) -> Location | list[Location] | None:
        """Reverse-geocode a point (cache first, then one rate-limited request).

        Parameters
        ----------
        query : geopy.point.Point, (lat, lon) tuple or ``"lat, lon"`` string
            The point.
        exactly_one : bool
            A Location (default) or a one-element list.
        zoom : int, optional
            Nominatim's level of detail, 3 (country) to 18 (building).

        Returns
        -------
        geopy.location.Location or list of Location or None
            ``None`` where the service knows nothing.

        Raises
        ------
        GeocoderError
            When the service is unreachable, times out or answers with an error.
        ValueError
            If ``query`` is not a point.
        """
        point = Point(query)
        try:
            return self._nominatim.reverse(
                (point.latitude, point.longitude), exactly_one=exactly_one, zoom=zoom,
                language=self.language or False,
            )
        except GeopyError as err:
            raise GeocoderError(
                f"{self.provider} reverse ({point.latitude}, {point.longitude}) via {self.domain} failed: "
                f"{_one_line(err)}"
            ) from err


class OfflineFallback:
    """An online geocoder that, once it fails, is asked no more: the run goes on offline.

    The pipeline's online geocoder on the command line: with the network down (or the server
    failing, or timing out), the first failed lookup is reported once through ``on_failure``
    (default: a :class:`UserWarning`) and every later lookup answers ``None`` without a
    request, so the names the gazetteer lacks stay unresolved instead of stopping the run.

    Parameters
    ----------
    online : CachedGeocoder
        The geocoder to ask while it works.
    on_failure : callable, optional
        Called with the one-line reason of the first failure.

    Attributes
    ----------
    failure : str or None
        The first failure's message; ``None`` while the geocoder works.
    """

    def __init__(self, online: OnlineGeocoderLike, *, on_failure: Callable[[str], None] | None = None) -> None:
        self.online = online
        self.on_failure = on_failure
        self.failure: str | None = None

    def geocode(self, query: str, **kwargs: Any) -> Any:
        """``online.geocode(query, **kwargs)``; ``None`` once a lookup has failed."""
        if self.failure is not None:
            return None
        try:
            return self.online.geocode(query, **kwargs)
        except GeocoderError as err:
            self.failure = str(err)
            if self.on_failure is not None:
                self.on_failure(self.failure)
            else:
                warnings.warn(f"{self.failure}; going on offline", UserWarning, stacklevel=2)
            return None


# --------------------------------------------------------------------------------------------
# Pipeline resolver
# --------------------------------------------------------------------------------------------

_NOMINATIM_KINDS = {
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "municipality": "city",
    "state": "admin1", "province": "admin1", "country": "country",
}


def entity_from_location(location: Location) -> Entity:
    """Turn an online geocoder's Location into an :class:`~geo.model.Entity` for the pipeline.

    Parameters
    ----------
    location : geopy.location.Location
        A Nominatim result (or a :class:`GazetteerGeocoder` one).

    Returns
    -------
    Entity
        For a Nominatim result: id ``osm:<osm_type>:<osm_id>`` (``nominatim:<place_id>`` when
        the OSM id is absent), ``name`` from ``raw["name"]`` or the first part of the address,
        ``kind`` from Nominatim's ``addresstype``/``type`` (``"other"`` when unknown),
        ``country`` from ``raw["address"]["country_code"]`` when address details were asked.
        A :class:`GazetteerGeocoder` result maps back to its gazetteer fields.
    """
    raw = dict(location.raw or {})
    address = location.address or ""
    if isinstance(raw.get("place_id"), str) and raw.get("kind") in PLACE_KINDS:  # one of ours
        return Entity(
            id=raw["place_id"], name=raw.get("name") or address.split(",")[0].strip(), kind=raw["kind"],
            country=raw.get("country"), admin1=raw.get("admin1"), lat=location.latitude,
            lon=location.longitude, population=int(raw.get("population") or 0),
        )
    if raw.get("osm_type") and raw.get("osm_id") is not None:
        entity_id = f"osm:{raw['osm_type']}:{raw['osm_id']}"
    else:
        entity_id = f"nominatim:{raw.get('place_id', address)}"
    kind = _NOMINATIM_KINDS.get(raw.get("addresstype") or raw.get("type") or "", "other")
    code = (raw.get("address") or {}).get("country_code")
    population = (raw.get("extratags") or {}).get("population")
    return Entity(
        id=entity_id,
        name=raw.get("name") or address.split(",")[0].strip(),
        kind=kind,
        country=code.upper() if code else None,
        admin1=None,
        lat=location.latitude,
        lon=location.longitude,
        population=int(population) if str(population or "").isdigit() else 0,
    )


def resolve_name(
    name: str,
    *,
    gazetteer: GazetteerLike,
    online: OnlineGeocoderLike | None = None,
    kinds: Sequence[str] | None = None,
    country: str | None = None,
) -> Entity | Location | None:
    """Resolve one place name: the gazetteer first, the online geocoder only if one is given.

    Parameters
    ----------
    name : str
        The place name as found in the text.
    gazetteer : Gazetteer
        The offline gazetteer (always consulted first).
    online : CachedGeocoder, optional
        An online geocoder the *user* opted into.  ``None`` (the default) means the network is
        never touched.  It is asked only when the gazetteer has no match; when ``country`` is
        given it must accept Nominatim's ``country_codes`` keyword.
    kinds : sequence of str, optional
        Entity kinds to accept from the gazetteer.
    country : str, optional
        ISO 3166-1 alpha-2 code restricting both searches.

    Returns
    -------
    Entity or geopy.location.Location or None
        The gazetteer's best :class:`~geo.model.Entity`; else the online geocoder's
        :class:`~geopy.location.Location` (see :func:`entity_from_location` to turn it into an
        Entity); else ``None`` (also for a blank name).

    Raises
    ------
    GeocoderError
        If the online geocoder fails: an opted-in lookup that fails is reported, not hidden.
    """
    text = _clean_query(name)
    if text is None:
        return None
    kinds = tuple(kinds) if kinds is not None else None
    found = gazetteer.lookup(text, kinds=kinds, country=country, limit=1)
    if found:
        return found[0]
    if online is None:
        return None
    if country:
        return online.geocode(text, exactly_one=True, country_codes=country)
    return online.geocode(text, exactly_one=True)
