"""The embedded gazetteer: multilingual lookup and ranking, regions, geometries, points of view, build."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

import geo.lexicons
from geo import gazetteer as gz
from geo.errors import GazetteerError
from geo.gazetteer import Candidate, Gazetteer, load_gazetteer, prior
from geo.normalize import fold_key
from tests.shared_material import shared_path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "geo" / "data"

ID_FORMS = {
    "country": re.compile(r"^country:[A-Z]{2}$"),
    "admin1": re.compile(r"^admin1:[A-Z]{2}-[A-Z0-9]{1,3}$"),
    "city": re.compile(r"^geonames:[1-9][0-9]*$"),
    "region": re.compile(r"^region:[a-z0-9]+(-[a-z0-9]+)*$"),
    "other": re.compile(r"^(sea|area|land):[a-z0-9]+(-[a-z0-9]+)*$"),
}

# Points inside places, written here from general knowledge (lon, lat).
SIMFEROPOL = (34.10, 44.95)
RIGA = (24.11, 56.95)
VILNIUS = (25.28, 54.69)
TALLINN = (24.75, 59.44)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def de_facto() -> Gazetteer:
    return load_gazetteer(pov="de_facto")


def top(gaz: Gazetteer, name: str, **kw):
    got = gaz.lookup(name, **kw)
    assert got, f"no entity for {name!r}"
    return got[0]


def build_module():
    """The build script, loaded from its path (the runtime never imports it)."""
    spec = importlib.util.spec_from_file_location("build_gazetteer", DATA / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = mod
    spec.loader.exec_module(mod)
    return mod


# --------------------------------------------------------------------------- names and ranking


def test_parigi_is_paris_france(gaz):
    paris = top(gaz, "Parigi")
    assert (paris.kind, paris.country, paris.capital_of) == ("city", "FR", "FR")
    assert paris.id == top(gaz, "Paris").id == top(gaz, "París").id


def test_paris_ranks_the_french_capital_before_homonyms(gaz):
    found = gaz.lookup("Paris")
    assert found[0].country == "FR" and found[0].kind == "city"
    assert any(e.country == "US" for e in found[1:])  # Paris, Texas and others follow


def test_polonia_is_poland_first(gaz):
    found = gaz.lookup("Polonia")
    assert found[0].id == "country:PL"
    assert gaz.lookup("Polonia", kinds=["city"]) == [e for e in found if e.kind == "city"]


def test_georgia_gives_the_country_then_the_us_state(gaz):
    ids = [e.id for e in gaz.lookup("Georgia")]
    assert ids[0] == "country:GE"
    assert "admin1:US-GA" in ids
    assert [e.id for e in gaz.lookup("Georgia", country="US", kinds=["admin1"])] == ["admin1:US-GA"]
    assert [e.id for e in gaz.lookup("Georgia", limit=1)] == ["country:GE"]


@pytest.mark.parametrize(
    ("name", "expected_name", "country"),
    [
        ("Bruxelles", "Brussels", "BE"),
        ("Brüssel", "Brussels", "BE"),
        ("Leopoli", "Lviv", "UA"),
        ("Lwów", "Lviv", "UA"),
        ("Charkiv", "Kharkiv", "UA"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Char'kov", "Kharkiv", "UA"),
        ("Kiew", "Kyiv", "UA"),
        ("Kijów", "Kyiv", "UA"),
        ("Zaporozhye", "Zaporizhzhia", "UA"),
        ("Odessa", "Odesa", "UA"),
        ("Lugansk", "Luhansk", "UA"),
        ("Dnipropetrovsk", "Dnipro", "UA"),
        ("Mosca", "Moscow", "RU"),
        ("Varsavia", "Warsaw", "PL"),
    ],
)
def test_city_names_in_several_languages(gaz, name, expected_name, country):
    city = top(gaz, name, kinds=["city"])
    assert (city.name, city.country) == (expected_name, country)
    assert top(gaz, name).id == city.id  # the city also comes first without a kind filter


def test_country_names_in_several_languages(gaz):
    for name in ("Germania", "Allemagne", "Deutschland", "Niemcy", "Германия", "Німеччина",
                 "Alemania"):
        assert top(gaz, name).id == "country:DE", name
    assert top(gaz, "Kosovo").id == "country:XK"
    assert top(gaz, "Regno Unito").id == top(gaz, "UK").id == "country:GB"


def test_case_accents_apostrophes_and_spaces_do_not_matter(gaz):
    ref = top(gaz, "Zaporižžja").id
    for variant in ("zaporizzja", "ZAPORIŽŽJA", "  Zaporižžja "):
        assert top(gaz, variant).id == ref
    assert top(gaz, "Charkivs’ka oblast’").id == top(gaz, "charkivs'ka OBLAST'").id == "admin1:UA-63"
    assert gaz.lookup("Paesi   baltici") == gaz.lookup("paesi baltici")


def test_oblast_is_found_by_bare_name_and_by_its_forms(gaz):
    for bare in ("Kharkiv", "Donetsk", "Lviv"):
        kinds = [e.kind for e in gaz.lookup(bare, country="UA")]
        assert kinds[0] == "city" and "admin1" in kinds, bare
    for form in ("Kharkiv Oblast", "oblast di Charkiv", "Charkivs'ka oblast'", "Kharkivska oblast",
                 "regione di Kharkiv", "Oblast de Kharkiv", "Харківська область"):
        assert [e.id for e in gaz.lookup(form)] == ["admin1:UA-63"], form
    assert gaz.get("admin1:UA-14").name == "Donetsk Oblast"
    assert gaz.get("admin1:UA-09").name == "Luhansk Oblast"


def test_candidates_carry_the_primary_flag_and_follow_the_prior(gaz):
    cands = gaz.candidates("Lutetia")
    assert all(isinstance(c, Candidate) for c in cands)
    assert [c.entity for c in cands] == gaz.lookup("Lutetia")
    paris = next(c for c in cands if c.entity.kind == "city")
    assert paris.entity.capital_of == "FR" and paris.primary is False  # a GeoNames alternate name
    assert next(c for c in gaz.candidates("Paris") if c.entity.id == paris.entity.id).primary is True
    scores = [prior(c.entity.kind, c.entity.population, c.primary, c.entity.capital_of is not None)
              for c in gaz.candidates("Paris")]
    assert scores == sorted(scores, reverse=True)


def test_misses_are_empty(gaz):
    for name in ("Xqzvbnm", "Il ministro della Difesa", "", "   ", "2024"):
        assert gaz.lookup(name) == []
        assert gaz.candidates(name) == []


def test_names_are_clean(gaz):
    assert gaz.max_name_tokens <= 6
    assert len(gaz.lookup("Bosnia ed Erzegovina")) >= 1
    core = gz._load_core(str(gz.DATA_DIR))
    assert max(len(k.split(" ")) for k in core.keys) <= gaz.max_name_tokens
    keys = set(core.keys)
    assert all(fold_key(k) in keys for k in core.keys)  # keys are folded ("ðakovo" also as "dakovo")

    def entities(k: str) -> list:
        i = core.keys.index(k)
        posting = core.postings[core.post_offsets[i] : core.post_offsets[i + 1]]
        return [gaz.get(core.id_of(p >> 1)) for p in posting]

    # short keys: curated country forms ("UK", "US") or an entity's own name (the Slovenian "Ig")
    short = [k for k in core.keys if sum(c.isalpha() for c in k) < 3]
    assert "uk" in short and all(len(k) >= 2 for k in short)
    for k in short:
        assert all(e.kind == "country" or fold_key(e.name) == k for e in entities(k)), k
    # digits: only GeoNames main names of cities ("25 de Mayo")
    for k in (k for k in core.keys if any(c.isdigit() for c in k)):
        assert all(e.kind == "city" for e in entities(k)), k
    # GeoNames lists airport codes among the alternate names of Paris (PAR) and Kharkiv (HRK): dropped
    assert top(gaz, "Paris").id not in {e.id for e in gaz.lookup("PAR")}
    assert gaz.lookup("HRK") == []


# --------------------------------------------------------------------------- entities


def test_ids_kinds_and_names(gaz):
    counts: dict[str, int] = {}
    for e in gaz.entities():
        assert ID_FORMS[e.kind].match(e.id), e.id
        assert e.name.strip(), e.id
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        counts[e.kind] = counts.get(e.kind, 0) + 1
    assert counts["country"] >= 230 and counts["admin1"] >= 4000 and counts["city"] >= 140_000
    assert counts["region"] >= 40 and counts["other"] >= 25
    assert sum(counts.values()) == len(gaz)
    assert sum(1 for _ in gaz.entities(kinds=["country"])) == counts["country"]


def test_a_name_written_with_a_backtick_finds_its_place_in_any_text(gaz):
    """The index's keys are folded as texts are ("`" as "'"), so a GeoNames name spelt with a backtick is found
    whether the text around it is ASCII or not."""
    core = gz._load_core(str(gz.DATA_DIR))
    assert core.keys.first_from("`") is None or not core.keys.first_from("`").startswith("`")
    ajlun = {e.id for e in gaz.lookup("`Ajlun")}
    assert ajlun and ajlun == {e.id for e in gaz.lookup("'Ajlun")} == {e.id for e in gaz.lookup("’Ajlun")}


def test_get_contains_and_errors(gaz):
    assert "country:UA" in gaz and "admin1:UA-63" in gaz and "region:donbas" in gaz
    for bad in ("country:ZZ", "geonames:0", "geonames:x", "geonames:0706483", "nothing", ""):
        assert bad not in gaz
        with pytest.raises(GazetteerError):
            gaz.get(bad)
    with pytest.raises(GazetteerError):
        load_gazetteer(pov="kremlin")
    assert load_gazetteer() is gaz


def test_missing_or_corrupt_data_raises_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="missing"):
        gz._Core(tmp_path)
    (tmp_path / gz.INDEX_FILE).write_bytes(b"not a gazetteer")
    with pytest.raises(GazetteerError, match="corrupt"):
        gz._Core(tmp_path)
    good = (DATA / gz.INDEX_FILE).read_bytes()
    (tmp_path / gz.INDEX_FILE).write_bytes(good[: len(good) // 2])
    with pytest.raises(GazetteerError, match="corrupt"):
        gz._Core(tmp_path)


def _corrupt_copy(folder: Path, key: str) -> Path:
    """A copy of the data files whose name index has the key ``key`` (folded) replaced by bytes that are not UTF-8:
    a file that loads and fails when a lookup first reads that block."""
    import gzip

    for path in DATA.glob("*.bin.gz"):
        (folder / path.name).symlink_to(path)
    data = gzip.decompress((DATA / gz.INDEX_FILE).read_bytes())
    line = f"\n{key}\n".encode()
    assert data.count(line) == 1
    (folder / gz.INDEX_FILE).unlink()
    (folder / gz.INDEX_FILE).write_bytes(gzip.compress(data.replace(line, b"\n" + b"\xff" * len(key) + b"\n"),
                                                       compresslevel=1, mtime=0))
    return folder


def test_a_corrupt_name_index_is_a_gazetteer_error_naming_the_file(tmp_path, monkeypatch, capsys):
    import make_map

    monkeypatch.setenv("ATLANTE_CACHE_DIR", "")  # no cache entry for the corrupt copy
    monkeypatch.setattr(gz, "_LOADED", dict(gz._LOADED))  # the corrupt copy leaves with the test
    (tmp_path / "data").mkdir()
    corrupt = _corrupt_copy(tmp_path / "data", "kharkiv")
    broken = load_gazetteer(data_dir=corrupt)
    assert broken is not load_gazetteer() and broken.lookup("Roma")  # the other blocks read as before
    with pytest.raises(GazetteerError, match=re.escape(str(corrupt / gz.INDEX_FILE))):
        broken.lookup("Kharkiv")
    # the command line: one line, exit 2
    monkeypatch.setattr(gz, "DATA_DIR", corrupt)
    text = _write_text(tmp_path / "in.txt", "Missili su Kharkiv nella notte.")
    assert make_map.main([str(text), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gazetteer data file corrupt" in err and str(corrupt / gz.INDEX_FILE) in err
    assert not (tmp_path / "out").exists()


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_countries_cities_and_capitals(gaz):
    ua = gaz.get("country:UA")
    assert (ua.kind, ua.country, ua.admin1) == ("country", "UA", None)
    assert ua.population > 40_000_000
    kyiv = top(gaz, "Kyiv")
    assert (kyiv.kind, kyiv.capital_of, kyiv.admin1) == ("city", "UA", "UA-30")
    assert top(gaz, "Roma").capital_of == "IT"
    assert top(gaz, "Pristina", kinds=["city"]).capital_of == "XK"


def test_seats_of_government_that_are_no_capital(gaz):
    """Natural Earth's "Admin-0 capital alt" rows give seat_of, never capital_of (priors and masks read that); the
    rows sources/seats.yaml excludes (former or claimed capitals) give nothing."""
    import yaml

    tel_aviv = top(gaz, "Tel Aviv")
    assert (tel_aviv.kind, tel_aviv.country, tel_aviv.seat_of, tel_aviv.capital_of) == ("city", "IL", "IL", None)
    assert (top(gaz, "The Hague").seat_of, top(gaz, "The Hague").capital_of) == ("NL", None)
    assert top(gaz, "Amsterdam").capital_of == "NL" and top(gaz, "Amsterdam").seat_of is None
    assert top(gaz, "Jerusalem").seat_of is None
    excluded = yaml.safe_load((DATA / "sources" / "seats.yaml").read_text(encoding="utf-8"))["exclude"]
    assert {x["name"] for x in excluded} >= {"Kyoto", "Lagos"} and all(x["reason"] for x in excluded)
    for name in ("Kyoto", "Lagos", "Baguio", "Laayoune"):
        assert top(gaz, name, kinds=["city"]).seat_of is None, name


def test_kharkiv_city_lies_in_its_oblast(gaz):
    city = top(gaz, "Kharkiv")
    assert (city.kind, city.admin1, city.country) == ("city", "UA-63", "UA")
    oblast = gaz.get("admin1:UA-63")
    assert (oblast.kind, oblast.country, oblast.admin1) == ("admin1", "UA", "UA-63")
    assert gaz.geometry(oblast.id).contains(gaz.geometry(city.id))
    assert top(gaz, "Sebastopoli", kinds=["city"]).admin1 == "UA-40"


def test_baltic_states_region(gaz):
    for name in ("Paesi baltici", "Baltici", "pays baltes", "États baltes", "Baltikum", "Baltic states"):
        assert top(gaz, name).id == "region:baltic-states", name
    region = gaz.get("region:baltic-states")
    assert region.kind == "region" and region.country is None
    assert set(region.members) == {"country:EE", "country:LV", "country:LT"}
    assert {e.id for e in gaz.members(region.id)} == set(region.members)
    geom = gaz.geometry(region.id)
    for lon, lat in (RIGA, VILNIUS, TALLINN):
        assert geom.contains(shapely.Point(lon, lat))
    union = shapely.union_all([gaz.geometry(m) for m in region.members])
    assert shapely.symmetric_difference(geom, union).area < 0.02 * union.area
    weak = [c for c in gaz.candidates("Baltico") if c.entity.id == region.id]
    assert len(weak) == 1 and weak[0].primary is False


def test_donbas_region(gaz):
    for name in ("Donbass", "Donbas", "Донбас", "Донбасс"):
        assert top(gaz, name).id == "region:donbas", name
    donbas = gaz.get("region:donbas")
    assert set(donbas.members) == {"admin1:UA-14", "admin1:UA-09"}
    assert donbas.country == "UA"
    assert "Donetsk" in gaz.get("admin1:UA-14").name and "Luhansk" in gaz.get("admin1:UA-09").name
    geom = gaz.geometry(donbas.id)
    for name in ("Donetsk", "Luhansk"):
        assert geom.contains(gaz.geometry(top(gaz, name, country="UA", kinds=["city"]).id)), name
    assert gaz.members("geonames:706483") == []


def test_provinces_grouped_into_the_regions_people_name(gaz):
    sicily = top(gaz, "Sicilia")
    assert (sicily.kind, sicily.country) == ("region", "IT")
    assert "admin1:IT-PA" in sicily.members and len(sicily.members) >= 9
    palermo = top(gaz, "Palermo", kinds=["city"])
    assert gaz.geometry(sicily.id).contains(gaz.geometry(palermo.id))
    assert top(gaz, "Lombardia").id == top(gaz, "Lombardy").id != sicily.id
    assert top(gaz, "Scozia").id == top(gaz, "Scotland").id
    assert top(gaz, "Valencia").kind == "city"  # the region does not take the city's name
    assert top(gaz, "Venezia").kind == "city"  # the city before its province


def test_m49_and_grouping_regions_have_cldr_names(gaz):
    east = top(gaz, "Europa orientale")
    assert east.id == "region:eastern-europe"
    assert {"country:PL", "country:UA", "country:RU"} <= set(east.members)
    eu = top(gaz, "Unione europea")
    assert len(eu.members) == 27 and "country:IT" in eu.members and "country:GB" not in eu.members
    assert top(gaz, "Europa").id == "region:europe"
    assert top(gaz, "Medio Oriente").id == "region:middle-east"
    assert top(gaz, "Striscia di Gaza").id == "region:gaza-strip"


def test_every_lexicon_alias_names_a_known_entity(gaz):
    aliases = gz._load_lexicon_aliases()
    assert {"it", "en", "fr", "de", "es", "uk", "ru", "pl"} <= set(aliases)
    for lang, refs in aliases.items():
        for ref, names in refs.items():
            entity_id = ref if ":" in ref else f"region:{ref}"
            assert entity_id in gaz, (lang, ref)
            for name, _primary in names:
                assert entity_id in {e.id for e in gaz.lookup(name)}, (lang, name)


def test_a_new_language_file_adds_aliases_without_rebuild(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "regions.yaml").write_text(
        "aliases:\n  baltic-states: [Baltenlandia]\nweak_aliases:\n  donbas: [Carbonia orientale]\n",
        encoding="utf-8")
    monkeypatch.setattr(geo.lexicons, "LEXICON_DIR", tmp_path)
    fresh = Gazetteer(gz._load_core(str(gz.DATA_DIR)), "un")
    assert [c.entity.id for c in fresh.candidates("Baltenlandia")] == ["region:baltic-states"]
    weak = [(c.entity.id, c.primary) for c in fresh.candidates("carbonia Orientale")]
    assert weak == [("region:donbas", False)]
    assert fresh.lookup("Paesi baltici") == []  # the real lexicons are not in tmp_path


# --------------------------------------------------------------------------- geometry and POV


@pytest.mark.parametrize("pov", ["un", "de_facto"])
def test_every_polygon_is_valid(pov):
    g = load_gazetteer(pov=pov)
    n = 0
    for e in g.entities(kinds=["country", "admin1", "region"]):
        geom = g.geometry(e.id)
        assert geom.geom_type in ("Polygon", "MultiPolygon"), e.id
        assert geom.is_valid and not geom.is_empty and geom.area > 0, e.id
        n += 1
    assert n == sum(1 for _ in g.entities(kinds=["country", "admin1", "region"]))


def test_city_geometry_is_its_point(gaz):
    city = top(gaz, "Kharkiv")
    pt = gaz.geometry(city.id)
    assert (pt.geom_type, pt.x, pt.y) == ("Point", city.lon, city.lat)


def test_crimea_point_of_view(gaz, de_facto):
    simf = top(gaz, "Simferopol", kinds=["city"])
    assert (simf.country, simf.admin1) == ("UA", "UA-43")
    assert de_facto.get(simf.id).country == "RU" and de_facto.get(simf.id).admin1 == "UA-43"
    for code in ("admin1:UA-43", "admin1:UA-40"):
        assert gaz.get(code).country == "UA" and de_facto.get(code).country == "RU"
    assert gaz.get("region:crimea").country == "UA" and de_facto.get("region:crimea").country == "RU"
    assert de_facto.get("region:southern-ukraine").country is None
    point = shapely.Point(*SIMFEROPOL)
    assert gaz.geometry("country:UA").contains(point) and not gaz.geometry("country:RU").contains(point)
    assert de_facto.geometry("country:RU").contains(point)
    assert not de_facto.geometry("country:UA").contains(point)
    lon, lat = SIMFEROPOL
    assert gaz.reverse(lat, lon, kinds=["country"]).id == "country:UA"
    assert de_facto.reverse(lat, lon, kinds=["country"]).id == "country:RU"
    assert [e.id for e in de_facto.lookup("Simferopol", country="RU")] == [simf.id]
    assert gaz.lookup("Kharkiv")[0].country == de_facto.lookup("Kharkiv")[0].country == "UA"


def test_reverse(gaz):
    city = top(gaz, "Kharkiv")
    assert gaz.reverse(city.lat + 0.01, city.lon + 0.01).id == city.id
    assert gaz.reverse(city.lat, city.lon, kinds=["admin1"]).id == "admin1:UA-63"
    assert gaz.reverse(city.lat, city.lon, kinds=["country", "admin1"]).id == "admin1:UA-63"
    assert gaz.reverse(city.lat, city.lon, kinds=["country"]).id == "country:UA"
    lon, lat = RIGA
    assert gaz.reverse(lat, lon, kinds=["region"]).id == "region:baltic-states"
    assert gaz.reverse(41.9, 12.49).name == "Rome"  # the city, not one of its districts
    assert gaz.reverse(43.0, -35.0) is None  # mid-Atlantic


def test_loading_is_lazy_and_independent_of_the_build():
    code = ("import sys; from geo.gazetteer import load_gazetteer; g = load_gazetteer(); "
            "g.lookup('Kharkiv'); heavy = ('shapely', 'numpy', 'build_gazetteer', 'geopandas'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- committed files and build


def test_committed_size_under_25_mb():
    files = [*DATA.glob("*.bin.gz"), *(DATA / "sources").glob("*")]
    assert len(list(DATA.glob("*.bin.gz"))) == 5
    assert sum(p.stat().st_size for p in files) < 25_000_000


def test_committed_files_are_canonical(tmp_path):
    """Re-encoding every committed file with the build's writer gives the same bytes."""
    bg = build_module()
    for path in sorted(DATA.glob("*.bin.gz")):
        meta, sections = gz.read_container(path)
        with gz.gzip.open(path, "rb") as fh:
            raw = fh.read()
        hlen = int.from_bytes(raw[len(gz.MAGIC) : len(gz.MAGIC) + 8], "little")
        header = gz.json.loads(raw[len(gz.MAGIC) + 8 : len(gz.MAGIC) + 8 + hlen])
        typed = {name: (spec[0], sections[name]) for name, spec in header["sections"].items()}
        bg.write_container(tmp_path / path.name, meta, typed)
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_build_of_countries_is_deterministic_and_matches_committed(gaz):
    """A cheap part of the build (countries from the shared sources), run twice."""
    bg = build_module()
    src = bg.Sources(shared_path("data"))
    runs = [bg.country_entities(src, bg.load_countries(src, "un")) for _ in range(2)]
    assert runs[0] == runs[1]
    committed = {e.id: e for e in gaz.entities(kinds=["country"])}
    assert {f"country:{a2}" for a2 in runs[0]} == set(committed)
    for a2, e in runs[0].items():
        c = committed[f"country:{a2}"]
        assert (c.name, c.population, c.lat, c.lon) == (e.name, e.population, e.lat, e.lon)
        for name in e.names:
            assert c.id in {x.id for x in gaz.lookup(name)}, name


def test_seas_are_points_found_in_several_languages(gaz):
    import shapely

    for name in ("Mar Nero", "mer Noire", "Black Sea", "Чорне море"):
        assert gaz.lookup(name)[0].id == "sea:black-sea", name
    geom = gaz.geometry("sea:black-sea")
    assert geom.geom_type == "Point" and shapely.Point(34.0, 43.4).equals(geom)


def test_areas_without_a_polygon_are_points_in_their_country(gaz):
    for name in ("Ossezia del Sud", "South Ossetia", "Ossétie du Sud"):
        assert gaz.lookup(name)[0].id == "area:south-ossetia", name
    karabakh = gaz.lookup("Haut-Karabakh")[0]
    assert karabakh.id == "area:nagorno-karabakh" and karabakh.country == "AZ" and karabakh.kind == "other"
    assert gaz.geometry("area:golan-heights").geom_type == "Point"


def test_a_capital_is_the_city_of_that_name_not_a_town_that_only_carries_it(gaz):
    # Natural Earth's id for Abuja points to Suleja, which has "Abuja" only as an alternate name.
    abuja = [e for e in gaz.lookup("Abuja") if e.kind == "city"][0]
    assert abuja.capital_of == "NG" and abuja.population > 1_000_000


def test_border_towns_keep_the_state_geonames_gives_them(gaz):
    # the simplified polygons put St. Louis in Illinois and Columbus, Georgia, in Alabama
    st_louis = max((e for e in gaz.lookup("St. Louis") if e.kind == "city"), key=lambda e: e.population)
    assert st_louis.admin1 == "US-MO"
    assert any(e.admin1 == "US-GA" and e.population > 100_000 for e in gaz.lookup("Columbus"))


def test_candidates_kept_at_hand_are_not_shared_with_the_caller(gaz):
    first = gaz.candidates("Paris")
    first.clear()  # a caller that filters the list in place
    assert [c.entity.id for c in gaz.candidates("Paris")] == [e.id for e in gaz.lookup("Paris")]


def test_continues_tells_whether_a_known_name_goes_on(gaz):
    assert gaz.continues("new york ")  # New York City
    assert not gaz.continues("boston globe")
    assert gaz.continues("paesi balt")  # a lexicon name (Paesi baltici), held beside the index
    assert not gaz.continues("zzqx")


def test_continues_answers_the_same_from_its_memo():
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    prefixes = ["new yo", "zaporiz", "san ", "qqqz", "new yorkqq"]
    first = [gaz.continues(p) for p in prefixes]
    assert first == [True, True, True, False, False]
    assert [gaz.continues(p) for p in prefixes] == first  # now from the memo
    assert all(p in gaz._continues_memo for p in prefixes)


def test_a_long_text_folds_character_by_character():
    from geo.normalize import fold

    text = "Zaporižžja d’Italia — Città e Łódź. " * 40  # long: folded once, through the small cache
    folded = fold(text)
    assert len(folded) == len(text) and folded == "".join(fold(c) for c in text)
    assert fold(text) is folded
    assert fold(text.upper()[:30]) == "zaporizzja d'italia - citta e "


def test_fold_key_memo_answers_as_folding_afresh_and_stays_bounded(monkeypatch):
    """fold_key keeps the keys of the names it is asked for (the recogniser asks for the same ones again and
    again): a kept key is the one folding gives, a long string is not kept, and the memo starts again when full."""
    import geo.normalize as normalize

    monkeypatch.setattr(normalize, "_KEYS", {})
    monkeypatch.setattr(normalize, "FOLD_KEYS_SIZE", 3)
    names = ["São  Tomé", "Łódź", "Reggio\tEmilia", "L’Aquila", "São  Tomé"]
    fresh = [" ".join(normalize.fold(n).split()) for n in names]
    assert [normalize.fold_key(n) for n in names] == fresh == ["sao tome", "lodz", "reggio emilia", "l'aquila",
                                                                "sao tome"]
    assert len(normalize._KEYS) <= 3
    long_name = "Villa " * 20
    assert normalize.fold_key(long_name) == " ".join(["villa"] * 20)
    assert long_name not in normalize._KEYS


@pytest.mark.parametrize("name", ["Mare del Giappone", "mar del Este", "mer de l'Est"])
def test_the_sea_of_japan_by_its_long_italian_name_and_as_the_east_sea(gaz, name):
    # regions.yaml aliases (it, es, fr): "nel Mare del Giappone", "al mar del Este" name the sea between Japan and Korea
    assert gaz.lookup(name)[0].id == "sea:sea-of-japan"


def test_a_missile_count_is_placed_at_the_sea_named_by_its_long_italian_name(gaz):
    from geo.model import Document
    from geo.pipeline import parse_document

    parsed = parse_document(Document("t", "Pyongyang ha sparato due missili che sono caduti nel Mare del Giappone."),
                            lang="it", gazetteer=gaz)
    assert [f.place_ids for f in parsed.figures] == [["sea:sea-of-japan"]]


# --------------------------------------------------------------------------- seats and Arabic articles


@pytest.mark.parametrize(("name", "country"), [("Tessalit", "ML"), ("Michika", "NG"), ("Gajiram", "NG")])
def test_seats_with_no_recorded_population_are_towns(gaz, name, country):
    """GeoNames lists these seats of local government in cities500 with population 0: they are kept."""
    e = top(gaz, name, kinds=["city"])
    assert (e.country, e.population) == (country, 0)


@pytest.mark.parametrize(
    ("bare", "full", "country"), [("Daein", "El Daein", "SD"), ("Diwaniyah", "Al Diwaniyah", "IQ")]
)
def test_a_town_is_found_without_its_arabic_article(gaz, bare, full, country):
    e = top(gaz, bare)
    assert (e.name, e.country) == (full, country)
    assert not gaz.candidates(bare)[0].primary  # a spelling of the name, not the name


def test_the_arabic_article_rule_of_the_build():
    bg = build_module()
    assert bg.without_arabic_article("Ash-Shuhada") == "Shuhada"
    assert bg.without_arabic_article("an-Nuhud") == "Nuhud"
    assert bg.without_arabic_article("Al Ain") is None  # the bare word needs four letters
    assert bg.without_arabic_article("El Asher") is None  # a given name and word: ARTICLE_BARE_MAX_ZIPF
    assert bg.without_arabic_article("Alexandria") is None
