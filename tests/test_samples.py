"""The bundled samples, read end to end: every figure they report and nothing else.

The expected rows are the annotation of the project's own sample articles (samples/), written
by hand from the texts: kind, value, qualifier, status, places (English names), per unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.documents import read_inputs
from geo.gazetteer import load_gazetteer
from geo.pipeline import parse_documents

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

EXPECTED = {
    ('en_zaporizhzhia_front', 'incidents', 27, 'at_least', 'current', ('Kherson Oblast', 'Zaporizhzhia Oblast'), False),
    ('en_zaporizhzhia_front', 'killed', 4, 'exact', 'current', ('Zaporizhzhia',), False),
    ('en_zaporizhzhia_front', 'wounded', 11, 'exact', 'current', ('Zaporizhzhia',), False),
    ('en_zaporizhzhia_front', 'incidents', 40, 'more_than', 'current', ('Nikopol',), False),
    ('en_zaporizhzhia_front', 'troops', 800, 'approx', 'planned', ('Romania',), False),
    ('en_zaporizhzhia_front', 'troops', 5000, 'up_to', 'planned', ('Orikhiv',), False),
    ('en_zaporizhzhia_front', 'troops', 1000, 'exact', 'planned', ('Estonia', 'Latvia', 'Lithuania'), True),
    ('fr_sahel_redeploiement', 'incidents', 12, 'at_least', 'current', ('Mopti',), False),
    ('fr_sahel_redeploiement', 'killed', 30, 'approx', 'current', ('Djenné',), False),
    # "des dizaines d'autres blessés": a vague plural, no figure (geo/figures.py, Decisions)
    ('fr_sahel_redeploiement', 'troops', 1000, 'approx', 'current', ("N'Djamena",), False),
    ('fr_sahel_redeploiement', 'troops', 600, 'exact', 'planned', ("N'Djamena",), False),
    ('it_kosovo_kfor', 'incidents', 4, 'at_least', 'current', ('Mitrovicë',), False),
    ('it_kosovo_kfor', 'wounded', 20, 'approx', 'current', ('Mitrovicë',), False),
    ('it_kosovo_kfor', 'troops', 4700, 'approx', 'current', ('Western Balkans',), False),
    ('it_kosovo_kfor', 'troops', 200, 'exact', 'planned', ('Western Balkans',), False),
    ('it_kosovo_kfor', 'killed', 2, 'exact', 'current', ('Zubin Potok',), False),
    ('it_vilnius_fianco_est', 'troops', 4500, 'approx', 'current', ('Estonia', 'Latvia', 'Lithuania'), False),
    ('it_vilnius_fianco_est', 'troops', 7000, 'up_to', 'planned', ('Estonia', 'Latvia', 'Lithuania'), False),
    ('it_vilnius_fianco_est', 'troops', 300, 'more_than', 'planned', ('Latvia',), False),
    ('it_vilnius_fianco_est', 'incidents', 9, 'at_least', 'current', ('Belarus',), False),
}


@pytest.fixture(scope="module")
def parsed():
    return parse_documents(read_inputs([str(SAMPLES)]), gazetteer=load_gazetteer())


def test_every_sample_figure_and_no_other(parsed):
    found = {
        (p.document.doc_id, f.kind, f.value, f.qualifier, f.status, tuple(sorted(f.places)), f.per_unit)
        for p in parsed
        for f in p.figures
    }
    assert found == EXPECTED


def test_sample_languages_and_dates(parsed):
    got = {p.document.doc_id: (p.lang, p.date.isoformat()) for p in parsed}
    assert got == {
        "en_zaporizhzhia_front": ("en", "2026-03-20"),
        "fr_sahel_redeploiement": ("fr", "2026-04-02"),
        "it_kosovo_kfor": ("it", "2026-02-08"),
        "it_vilnius_fianco_est": ("it", "2026-03-12"),
    }


@pytest.mark.parametrize(
    ("doc_id", "surface", "role"),
    [
        ("it_vilnius_fianco_est", "Mosca", "actor"),
        ("it_vilnius_fianco_est", "Lituania", "deployment"),
        ("it_kosovo_kfor", "Belgrado", "actor"),
        ("en_zaporizhzhia_front", "Brussels", "venue"),
        ("en_zaporizhzhia_front", "Moscow", "actor"),
        ("fr_sahel_redeploiement", "Bamako", "actor"),
        ("fr_sahel_redeploiement", "Niamey", "venue"),
    ],
)
def test_sample_roles(parsed, doc_id, surface, role):
    doc = next(p for p in parsed if p.document.doc_id == doc_id)
    assert role in {m.role for m in doc.mentions if m.surface == surface}


@pytest.mark.parametrize(
    ("doc_id", "not_a_place"),
    [("it_vilnius_fianco_est", "Marino"), ("it_vilnius_fianco_est", "Ferrara"), ("it_vilnius_fianco_est", "Sofia"),
     ("en_zaporizhzhia_front", "Florence"), ("en_zaporizhzhia_front", "Austin"), ("fr_sahel_redeploiement", "Nancy"),
     ("it_kosovo_kfor", "Chieti")],
)
def test_people_named_like_places_are_not_places(parsed, doc_id, not_a_place):
    doc = next(p for p in parsed if p.document.doc_id == doc_id)
    assert not_a_place not in {m.surface for m in doc.mentions}
