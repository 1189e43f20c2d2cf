"""Tests of geo.geocoders: the offline gazetteer geocoder, the cached online one, resolve_name.

Online tests talk only to a real HTTP server on 127.0.0.1 (tests/nominatim_stub.py).
"""

from __future__ import annotations

import socket
import sqlite3
import time

import geopandas
import pandas as pd
import pytest
from geopy.geocoders.base import _DEFAULT_USER_AGENT
from geopy.location import Location
from shapely.geometry import Point

from geo import geocoders
from geo.errors import AtlanteError, GazetteerError, GeocoderError
from geo.geocoders import (
    CachedGeocoder,
    GazetteerGeocoder,
    GeocodeCache,
    default_cache_path,
    entity_from_location,
    resolve_name,
)
from geo.model import Entity
from geo.normalize import fold_key
from tests.nominatim_stub import NominatimStub, closed_port, silent_server

UA = "atlante-tests/0.1 (tests@example.invalid)"

# ---------------------------------------------------------------------------------------------
# A small stand-in with the gazetteer's API (lookup / get / reverse)
# ---------------------------------------------------------------------------------------------

UKRAINE = Entity("country:UA", "Ukraine", "country", "UA", None, 49.0, 32.0, 41_000_000)
FRANCE = Entity("country:FR", "France", "country", "FR", None, 46.6, 2.4, 68_000_000)
US = Entity("country:US", "United States", "country", "US", None, 39.8, -98.6, 331_000_000)
KHARKIV_OBL = Entity("admin1:UA-63", "Kharkiv Oblast", "admin1", "UA", "UA-63", 49.6, 36.5, 2_600_000)
KHARKIV = Entity("geonames:706483", "Kharkiv", "city", "UA", "UA-63", 49.98, 36.25, 1_430_000)
PARIS_FR = Entity("geonames:2988507", "Paris", "city", "FR", "FR-IDF", 48.85, 2.35, 2_140_000)
PARIS_TX = Entity("geonames:4717560", "Paris", "city", "US", "US-TX", 33.66, -95.56, 25_000)
BALTICS = Entity("region:baltics", "Baltic states", "region", None, None, 57.0, 24.0, 6_000_000)

ALIASES = {
    KHARKIV.id: ["Kharkiv", "Charkiv", "Kharkov"],
    KHARKIV_OBL.id: ["Kharkiv Oblast", "Oblast di Charkiv"],
    UKRAINE.id: ["Ukraine", "Ucraina"],
    US.id: ["United States", "Stati Uniti"],
    FRANCE.id: ["France", "Francia"],
    PARIS_FR.id: ["Paris", "Parigi"],
    PARIS_TX.id: ["Paris"],
    BALTICS.id: ["Baltic states", "Paesi baltici"],
}
# (min_lat, max_lat, min_lon, max_lon) boxes standing in for polygons
BOXES = {
    KHARKIV.id: (49.9, 50.1, 36.1, 36.4),
    KHARKIV_OBL.id: (48.5, 50.5, 35.0, 38.0),
    UKRAINE.id: (44.0, 52.5, 22.0, 40.5),
}


class FakeGazetteer:
    """Same methods as geo.gazetteer.Gazetteer over the entities above."""

    def __init__(self) -> None:
        entities = (UKRAINE, FRANCE, US, KHARKIV_OBL, KHARKIV, PARIS_FR, PARIS_TX, BALTICS)
        self.entities = {e.id: e for e in entities}

    def lookup(self, name, *, kinds=None, country=None, limit=None):
        key = fold_key(name)
        hits = [
            e for e in self.entities.values()
            if key in {fold_key(a) for a in ALIASES[e.id]}
            and (kinds is None or e.kind in kinds) and (country is None or e.country == country)
        ]
        hits.sort(key=lambda e: -e.population)
        return hits[:limit] if limit else hits

    def get(self, entity_id):
        try:
            return self.entities[entity_id]
        except KeyError:
            raise GazetteerError(f"unknown id {entity_id}") from None

    def reverse(self, lat, lon, *, kinds=("city", "admin1", "country")):
        for kind in kinds:
            for eid, (la0, la1, lo0, lo1) in BOXES.items():
                if self.entities[eid].kind == kind and la0 <= lat <= la1 and lo0 <= lon <= lo1:
                    return self.entities[eid]
        return None


@pytest.fixture
def no_network(monkeypatch):
    """Make every attempt to open a socket connection fail loudly."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def fake():
    return FakeGazetteer()


# ---------------------------------------------------------------------------------------------
# GazetteerGeocoder
# ---------------------------------------------------------------------------------------------


def test_geocode_returns_location_with_address_and_raw(fake, no_network):
    loc = GazetteerGeocoder(gazetteer=fake).geocode("Charkiv")
    assert isinstance(loc, Location)
    assert loc.address == "Kharkiv, Ukraine"
    assert (loc.latitude, loc.longitude) == (KHARKIV.lat, KHARKIV.lon)
    assert loc.raw["place_id"] == KHARKIV.id
    assert loc.raw["kind"] == "city"
    assert loc.raw["country"] == "UA"
    assert loc.raw["population"] == KHARKIV.population


def test_country_name_falls_back_to_pycountry_then_the_code(fake):
    del fake.entities[FRANCE.id]
    coder = GazetteerGeocoder(gazetteer=fake)
    assert coder.geocode("Parigi").address == "Paris, France"
    fake.entities["geonames:1"] = Entity("geonames:1", "Testburg", "city", "XX", None, 1.0, 1.0)
    ALIASES["geonames:1"] = ["Testburg"]
    try:
        assert coder.geocode("Testburg").address == "Testburg, XX"
    finally:
        del ALIASES["geonames:1"]


def test_geocode_country_and_region_addresses_are_the_name_alone(fake):
    coder = GazetteerGeocoder(gazetteer=fake)
    assert coder.geocode("Ucraina").address == "Ukraine"
    region = coder.geocode("Paesi baltici")
    assert region.address == "Baltic states"
    assert region.raw["country"] is None


def test_geocode_ranked_list_limit_and_filters(fake):
    coder = GazetteerGeocoder(gazetteer=fake)
    assert coder.geocode("Paris").raw["place_id"] == PARIS_FR.id
    both = coder.geocode("Paris", exactly_one=False)
    assert [loc.raw["place_id"] for loc in both] == [PARIS_FR.id, PARIS_TX.id]
    assert len(coder.geocode("Paris", exactly_one=False, limit=1)) == 1
    assert coder.geocode("Paris", country="US").address == "Paris, United States"
    assert coder.geocode("Kharkiv", kinds=("admin1",)) is None
    assert GazetteerGeocoder(gazetteer=fake, kinds=("country",)).geocode("Paris") is None


def test_geocode_understands_its_own_name_country_addresses(fake):
    coder = GazetteerGeocoder(gazetteer=fake)
    texan = coder.geocode("Paris, United States")
    assert texan.raw["place_id"] == PARIS_TX.id
    # every address it writes geocodes back to the same place
    for loc in coder.geocode("Paris", exactly_one=False):
        assert coder.geocode(loc.address).raw["place_id"] == loc.raw["place_id"]
    assert coder.geocode("Paris, Ukraine") is None
    assert coder.geocode("Nowhere, United States") is None


def test_geocode_misses_blank_and_bad_input(fake):
    coder = GazetteerGeocoder(gazetteer=fake)
    assert coder.geocode("Atlantis") is None
    assert coder.geocode("   ") is None
    assert coder.geocode(None) is None
    assert coder.geocode(float("nan")) is None
    assert coder.geocode(pd.NA) is None
    with pytest.raises(TypeError):
        coder.geocode(42)


def test_reverse_returns_the_most_specific_entity(fake, no_network):
    coder = GazetteerGeocoder(gazetteer=fake)
    city = coder.reverse((50.0, 36.2))
    assert city.raw["place_id"] == KHARKIV.id
    assert city.address == "Kharkiv, Ukraine"
    assert coder.reverse("49.0, 37.5").raw["place_id"] == KHARKIV_OBL.id
    assert coder.reverse((47.0, 30.0), exactly_one=False)[0].raw["place_id"] == UKRAINE.id
    assert coder.reverse((50.0, 36.2), kinds=("country",)).raw["place_id"] == UKRAINE.id
    assert coder.reverse((0.0, 0.0)) is None


def test_offline_geocoder_has_no_network_path(fake):
    coder = GazetteerGeocoder(gazetteer=fake)
    with pytest.raises(GeocoderError, match="never uses the network"):
        coder._call_geocoder("https://example.invalid/search?q=x", lambda payload: payload)


def test_geopandas_geocode_builds_the_class_with_the_default_gazetteer(fake, monkeypatch, no_network):
    povs = []

    def load(pov):
        povs.append(pov)
        return fake

    monkeypatch.setattr(geocoders, "_default_gazetteer", load)
    names = pd.Series(["Kharkiv", "Atlantis", "Parigi"], index=["a", "b", "c"])
    gdf = geopandas.tools.geocode(names, provider=GazetteerGeocoder)
    assert povs == ["un"]
    assert list(gdf.index) == ["a", "b", "c"]
    assert gdf.crs == "EPSG:4326"
    assert gdf.loc["a", "address"] == "Kharkiv, Ukraine"
    assert (gdf.loc["a", "geometry"].x, gdf.loc["a", "geometry"].y) == (KHARKIV.lon, KHARKIV.lat)
    assert pd.isna(gdf.loc["b", "address"]) and gdf.loc["b", "geometry"].is_empty
    assert gdf.loc["c", "address"] == "Paris, France"
    # keyword arguments reach the constructor
    geopandas.tools.geocode(["Kharkiv"], provider=GazetteerGeocoder, pov="de_facto")
    assert povs == ["un", "de_facto"]


def test_geopandas_reverse_geocode(fake, no_network):
    points = geopandas.GeoSeries([Point(36.2, 50.0), Point(0.0, 0.0)])
    gdf = geopandas.tools.reverse_geocode(points, provider=GazetteerGeocoder, gazetteer=fake)
    assert gdf["address"][0] == "Kharkiv, Ukraine"
    assert pd.isna(gdf["address"][1])
    assert (gdf.geometry[0].x, gdf.geometry[0].y) == (KHARKIV.lon, KHARKIV.lat)
    assert gdf.geometry[1].is_empty


# ---------------------------------------------------------------------------------------------
# CachedGeocoder against a real HTTP server on 127.0.0.1
# ---------------------------------------------------------------------------------------------

STUB_PLACES = [
    {
        "place_id": 101, "osm_type": "relation", "osm_id": 3154746, "lat": "49.9923", "lon": "36.2310",
        "display_name": "Kharkiv, Kharkiv Oblast, Ukraine", "name": "Kharkiv", "addresstype": "city",
        "type": "city", "class": "boundary", "address": {"country_code": "ua"},
    },
    {
        "place_id": 102, "osm_type": "node", "osm_id": 26150422, "lat": "49.8419", "lon": "24.0316",
        "display_name": "Lviv, Lviv Oblast, Ukraine", "name": "Lviv", "addresstype": "city", "type": "city",
        "class": "place",
    },
    {
        "place_id": 103, "osm_type": "node", "osm_id": 99, "lat": "48.4500", "lon": "35.0400",
        "display_name": "Some Hamlet, Ukraine", "name": "Some Hamlet", "addresstype": "hamlet",
        "type": "hamlet", "class": "place",
    },
]


@pytest.fixture
def stub():
    with NominatimStub(places=[dict(p) for p in STUB_PLACES], fail_queries={"boom"}) as server:
        yield server


def online(domain: str, cache_path, **kwargs) -> CachedGeocoder:
    kwargs.setdefault("timeout", 2)
    return CachedGeocoder(
        user_agent=UA, cache_path=cache_path, domain=domain, scheme="http", proxies={}, **kwargs
    )


def test_hit_is_fetched_once_then_served_from_the_persistent_cache(stub, tmp_path):
    path = tmp_path / "geocode.sqlite"
    first = online(stub.domain, path)
    loc = first.geocode("Kharkiv")
    assert loc.address == "Kharkiv, Kharkiv Oblast, Ukraine"
    assert (loc.latitude, loc.longitude) == (49.9923, 36.2310)
    assert len(stub.requests) == 1
    request = stub.requests[0]
    assert request.path == "/search"
    assert request.params["q"] == "Kharkiv"
    assert request.params["accept-language"] == "en"
    assert request.user_agent == UA
    # same query, differently written: no new request
    assert first.geocode("  KHARKIV ").raw == loc.raw
    assert len(stub.requests) == 1
    assert first.requests_made == 1
    # a new instance on the same file: still no new request (persistence)
    second = online(stub.domain, path)
    assert second.geocode("kharkiv").raw["osm_id"] == 3154746
    assert len(stub.requests) == 1
    assert second.requests_made == 0
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT provider, query, found FROM geocode_cache").fetchall()
    assert rows == [("nominatim", "kharkiv", 1)]


def test_miss_is_cached_and_other_parameters_are_other_entries(stub, tmp_path):
    path = tmp_path / "c.sqlite"
    coder = online(stub.domain, path)
    assert coder.geocode("Atlantis") is None
    assert coder.geocode("atlantis") is None
    assert online(stub.domain, path).geocode("ATLANTIS") is None
    assert len(stub.requests) == 1
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT found, result FROM geocode_cache").fetchall() == [(0, "[]")]
    # a list request differs from an exactly-one request: its own entry, one more request
    assert coder.geocode("Atlantis", exactly_one=False) is None
    assert len(stub.requests) == 2
    assert len(GeocodeCache(path)) == 2
    GeocodeCache(path).clear()
    assert coder.geocode("Atlantis") is None  # asked again after the cache was emptied
    assert len(stub.requests) == 3


def test_reverse_hit_and_miss_are_cached(stub, tmp_path):
    coder = online(stub.domain, tmp_path / "c.sqlite")
    found = coder.reverse((49.99, 36.23))
    assert found.raw["name"] == "Kharkiv"
    assert stub.requests[0].path == "/reverse"
    assert coder.reverse((49.99, 36.23)).raw == found.raw
    assert len(stub.requests) == 1
    assert coder.reverse((0.0, 0.0)) is None
    assert coder.reverse((0.0, 0.0)) is None
    assert len(stub.requests) == 2
    with sqlite3.connect(coder.cache.path) as con:
        assert sorted(con.execute("SELECT found FROM geocode_cache").fetchall()) == [(0,), (1,)]


def test_rate_limit_spaces_uncached_requests_by_one_second(stub, tmp_path):
    coder = online(stub.domain, tmp_path / "c.sqlite")
    t0 = time.monotonic()
    coder.geocode("Kharkiv")
    coder.geocode("Lviv")
    elapsed = time.monotonic() - t0
    gap = stub.requests[1].at - stub.requests[0].at
    assert 1.0 <= gap < 2.0
    assert elapsed < 2.5
    # cached answers do not wait for the rate limit
    t1 = time.monotonic()
    coder.geocode("Kharkiv")
    coder.geocode("Lviv")
    assert time.monotonic() - t1 < 0.5
    assert len(stub.requests) == 2


def test_rate_limit_holds_across_instances(stub, tmp_path):
    online(stub.domain, tmp_path / "a.sqlite").geocode("Kharkiv")
    online(stub.domain, tmp_path / "b.sqlite").geocode("Kharkiv")
    assert len(stub.requests) == 2
    assert stub.requests[1].at - stub.requests[0].at >= 1.0


def test_silent_server_fails_fast_without_retries(tmp_path):
    with silent_server() as domain:
        coder = online(domain, tmp_path / "c.sqlite", timeout=0.5)
        t0 = time.monotonic()
        with pytest.raises(GeocoderError) as info:
            coder.geocode("Kharkiv")
        elapsed = time.monotonic() - t0
    # one attempt of 0.5 s; geopy's default two retries would take >= 1.5 s
    assert 0.4 <= elapsed < 1.2
    message = str(info.value)
    assert message == f"nominatim geocode 'Kharkiv' via {domain} failed: GeocoderTimedOut: Service timed out"
    assert len(coder.cache) == 0


def test_unreachable_port_fails_fast(tmp_path):
    coder = online(closed_port(), tmp_path / "c.sqlite")
    t0 = time.monotonic()
    with pytest.raises(GeocoderError) as info:
        coder.reverse((49.99, 36.23))
    assert time.monotonic() - t0 < 1.0
    assert str(info.value).endswith("GeocoderUnavailable: Connection refused")
    assert isinstance(info.value, AtlanteError)
    assert len(coder.cache) == 0


def test_server_error_is_reported_and_not_cached(stub, tmp_path):
    coder = online(stub.domain, tmp_path / "c.sqlite")
    with pytest.raises(GeocoderError, match="boom"):
        coder.geocode("boom")
    assert len(stub.requests) == 1
    assert len(coder.cache) == 0


@pytest.mark.parametrize(
    "agent", [None, "", "   ", "my-application", "specify_your_app_name_here", _DEFAULT_USER_AGENT]
)
def test_user_agent_is_required_and_samples_are_refused(agent, stub, tmp_path):
    with pytest.raises(GeocoderError, match="user_agent"):
        CachedGeocoder(user_agent=agent, cache_path=tmp_path / "c.sqlite", domain=stub.domain, scheme="http")
    with pytest.raises(TypeError):
        CachedGeocoder(UA)  # keyword-only
    assert stub.requests == []


def test_policy_options_are_enforced(tmp_path):
    with pytest.raises(GeocoderError, match="one request per second"):
        online("127.0.0.1:9", tmp_path / "c.sqlite", min_delay_seconds=0.2)
    with pytest.raises(GeocoderError, match="timeout"):
        online("127.0.0.1:9", tmp_path / "c.sqlite", timeout=0)
    with pytest.raises(GeocoderError, match="configuration"):
        CachedGeocoder(user_agent=UA, cache_path=tmp_path / "c.sqlite", scheme="ftp")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(GeocoderError, match="cache"):
        CachedGeocoder(user_agent=UA, cache_path=blocker / "c.sqlite")


def test_default_cache_path_is_under_the_user_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_path() == tmp_path / "xdg" / "atlante" / "geocode.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_path() == tmp_path / "home" / ".cache" / "atlante" / "geocode.sqlite"
    coder = CachedGeocoder(user_agent=UA)  # its cache goes there, with the first answer: none yet
    assert coder.cache.path == tmp_path / "home" / ".cache" / "atlante" / "geocode.sqlite"
    assert not coder.cache.path.exists() and len(coder.cache) == 0
    assert coder.requests_made == 0


def test_geopandas_geocode_with_the_online_geocoder(stub, tmp_path):
    gdf = geopandas.tools.geocode(
        ["Kharkiv", " "], provider=CachedGeocoder, user_agent=UA, cache_path=tmp_path / "c.sqlite",
        domain=stub.domain, scheme="http", proxies={},
    )
    assert gdf["address"][0] == "Kharkiv, Kharkiv Oblast, Ukraine"
    assert gdf.geometry[1].is_empty
    assert len(stub.requests) == 1


# ---------------------------------------------------------------------------------------------
# resolve_name and entity_from_location
# ---------------------------------------------------------------------------------------------


def test_resolve_name_prefers_the_gazetteer_and_stays_offline_by_default(fake, no_network):
    assert resolve_name("Charkiv", gazetteer=fake) == KHARKIV
    assert resolve_name("Paris", gazetteer=fake, country="US") == PARIS_TX
    assert resolve_name("Kharkiv", gazetteer=fake, kinds=("admin1",)) is None
    assert resolve_name("Some Hamlet", gazetteer=fake) is None
    assert resolve_name("  ", gazetteer=fake) is None


def test_resolve_name_asks_the_online_geocoder_only_on_a_gazetteer_miss(fake, stub, tmp_path):
    coder = online(stub.domain, tmp_path / "c.sqlite")
    assert resolve_name("Kharkiv", gazetteer=fake, online=coder) == KHARKIV
    assert stub.requests == []
    loc = resolve_name("Some Hamlet", gazetteer=fake, online=coder, country="UA")
    assert isinstance(loc, Location)
    assert loc.raw["osm_id"] == 99
    assert stub.requests[0].params["countrycodes"] == "ua"
    assert resolve_name("Some Hamlet", gazetteer=fake, online=coder, country="UA") == loc
    assert len(stub.requests) == 1


def test_entity_from_location(fake):
    nominatim = Location("Kharkiv, Kharkiv Oblast, Ukraine", (49.9923, 36.231), STUB_PLACES[0])
    entity = entity_from_location(nominatim)
    assert entity == Entity("osm:relation:3154746", "Kharkiv", "city", "UA", None, 49.9923, 36.231)
    hamlet = entity_from_location(Location("Some Hamlet, Ukraine", (48.45, 35.04), STUB_PLACES[2]))
    assert (hamlet.kind, hamlet.country, hamlet.id) == ("city", None, "osm:node:99")
    sea = entity_from_location(Location("Black Sea", (43.0, 34.0), {"place_id": 7, "type": "sea"}))
    assert (sea.id, sea.kind, sea.name) == ("nominatim:7", "other", "Black Sea")
    ours = GazetteerGeocoder(gazetteer=fake).geocode("Kharkiv")
    assert entity_from_location(ours) == KHARKIV


# ---------------------------------------------------------------------------------------------
# On the real embedded gazetteer
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


def test_real_gazetteer_names_in_several_languages_meet_at_one_place(real, no_network):
    coder = GazetteerGeocoder()
    assert coder.gazetteer is real
    found = [coder.geocode(name) for name in ("Kharkiv", "Charkiv", "Kharkov")]
    assert len({loc.raw["place_id"] for loc in found}) == 1
    kharkiv = found[0]
    assert kharkiv.raw["kind"] == "city" and kharkiv.raw["country"] == "UA"
    assert kharkiv.address == f"{kharkiv.raw['name']}, {real.get('country:UA').name}"
    assert real.geometry("country:UA").contains(Point(kharkiv.longitude, kharkiv.latitude))
    assert kharkiv.raw["population"] > 1_000_000


def test_real_gazetteer_name_country_queries_and_ranked_lists(real):
    coder = GazetteerGeocoder()
    everywhere = coder.geocode("Paris", exactly_one=False)
    assert len(everywhere) > 2
    assert everywhere[0].raw["country"] == "FR"
    texan = coder.geocode("Paris, United States")
    assert texan.raw["country"] == "US"
    assert texan.raw["place_id"] in {loc.raw["place_id"] for loc in everywhere}
    assert coder.geocode("Paris", exactly_one=False, limit=2) == everywhere[:2]


def test_real_gazetteer_reverse_finds_the_geocoded_city_again(real):
    coder = GazetteerGeocoder()
    for name in ("Kharkiv", "Odesa", "Lviv", "Warsaw"):
        loc = coder.geocode(name, kinds=("city",))
        assert coder.reverse(loc.point).raw["place_id"] == loc.raw["place_id"], name
    assert coder.reverse((0.0, -30.0)) is None  # mid-Atlantic


def test_real_gazetteer_point_of_view_reaches_reverse():
    crimea = (45.0, 34.0)
    un = GazetteerGeocoder(pov="un").reverse(crimea, kinds=("country",))
    de_facto = GazetteerGeocoder(pov="de_facto").reverse(crimea, kinds=("country",))
    assert (un.raw["country"], de_facto.raw["country"]) == ("UA", "RU")


def test_real_gazetteer_through_geopandas_round_trip(real, no_network):
    names = pd.Series(["Charkiv", "Leopoli", "Nowhere-in-particular-xyz"])
    forward = geopandas.tools.geocode(names, provider=GazetteerGeocoder)
    assert forward["address"][0] == GazetteerGeocoder().geocode("Kharkiv").address
    assert forward["address"][1] == GazetteerGeocoder().geocode("Lviv").address
    assert forward.geometry[2].is_empty
    back = geopandas.tools.reverse_geocode(forward.geometry[:2], provider=GazetteerGeocoder)
    assert list(back["address"]) == list(forward["address"][:2])
