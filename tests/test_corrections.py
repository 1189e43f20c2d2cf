"""Corrections files (YAML or CSV): re-resolve, add, drop; report what matched nothing; fail cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import make_map
from geo.corrections import load_corrections
from geo.errors import InputError
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import parse_documents

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    Document("a", "Rinforzi in Georgia e a Trieste. Il convoglio ha superato il passo di Vrata."),
    Document("b", "Troops arrived in Georgia and then in Trieste."),
]


def _ids(parsed, doc_id: str) -> dict[str, str | None]:
    doc = next(p for p in parsed if p.document.doc_id == doc_id)
    return {m.surface: (m.entity.id if m.entity else None) for m in doc.mentions}


def test_yaml_rules_reresolve_add_drop_and_respect_the_document(tmp_path):
    path = tmp_path / "fix.yaml"
    path.write_text(
        "- {surface: Georgia, doc_id: b, place_id: 'admin1:US-GA'}\n"
        "- {surface: Trieste, not_place: true}\n"
        "- {surface: passo di Vrata, lat: 45.35, lon: 14.62, name: Vrata pass}\n"
        "- {surface: Atlantis, place_id: 'country:GR'}\n",
        encoding="utf-8",
    )
    corrections = load_corrections(path)
    gaz = load_gazetteer()
    before = parse_documents(TEXTS, gazetteer=gaz)
    after = parse_documents(TEXTS, gazetteer=gaz, corrections=corrections)
    assert _ids(before, "b")["Georgia"] == "country:GE"
    assert _ids(after, "b")["Georgia"] == "admin1:US-GA"
    assert _ids(after, "a")["Georgia"] == "country:GE", "a per-document rule stays in its document"
    assert "Trieste" not in _ids(after, "a") and "Trieste" not in _ids(after, "b")
    added = next(m for m in after[0].mentions if m.surface == "passo di Vrata")
    assert added.entity.id == "custom:vrata-pass" and added.entity.country == "HR"
    assert TEXTS[0].text[added.start : added.end] == "passo di Vrata"
    report = corrections.unused_report()
    assert len(report) == 1 and "Atlantis" in report[0]


def test_csv_rules_work_from_the_command_line(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("Troops arrived in Georgia and then in Trieste.", encoding="utf-8")
    fix = tmp_path / "fix.csv"
    fix.write_text("surface,doc_id,place_id,lat,lon,name,not_place\nGeorgia,,admin1:US-GA,,,,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q", "--corrections", str(fix)]) == 0
    line = json.loads((out / "mentions.jsonl").read_text(encoding="utf-8"))
    assert {t["surface"]: t["place_id"] for t in line["toponyms"]}["Georgia"] == "admin1:US-GA"


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("- {surface: Georgia}\n", ".yaml", "exactly one of"),
        ("- {surface: Georgia, lat: 10}\n", ".yaml", "both lat and lon"),
        ("- {surface: Georgia, lat: 100, lon: 10}\n", ".yaml", "out of range"),
        ("- {place_id: 'country:GE'}\n", ".yaml", "'surface' is required"),
        ("[unclosed\n", ".yaml", "not valid YAML"),
        ("surface\nGeorgia\n", ".txt", "must be .yaml"),
    ],
)
def test_bad_corrections_are_refused(tmp_path, content, suffix, message):
    path = tmp_path / f"fix{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_corrections(path)


def test_unknown_place_id_fails_the_command_cleanly(tmp_path):
    fix = tmp_path / "fix.yaml"
    fix.write_text("- {surface: Georgia, place_id: 'country:ZZ'}\n", encoding="utf-8")
    src = tmp_path / "doc.txt"
    src.write_text("Troops arrived in Georgia.", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "make_map.py"), str(src), "-o", str(tmp_path / "out"),
                           "--corrections", str(fix)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "unknown place_id 'country:ZZ'" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
