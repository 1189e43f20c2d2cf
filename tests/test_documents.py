"""Reading inputs: encodings (BOMs, UTF-8, legacy single-byte), forced encodings, batches with bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import make_map
from geo.documents import InputWarning, decode_text, read_inputs, read_text_file
from geo.errors import InputError

ROOT = Path(__file__).resolve().parents[1]

TEXTS = {
    "it": "Le truppe italiane sono arrivate a Forlì e poi in Lettonia: è una missione più lunga del previsto.",
    "fr": "Les soldats français sont arrivés à Brest ; l'état-major a précisé que la mission durera trois mois.",
    "de": "Die Bundeswehr schickt Soldaten nach Litauen; der Einsatz beginnt im März, hieß es in Köln.",
    "es": "Las tropas españolas llegaron a Córdoba y después a Letonia, según informó el ministerio.",
    "quotes": "“Troops” – in Poland … the mission costs 2 million €, the ministry said.",
    "pl": "Żołnierze polscy przybyli do Łodzi i Gdańska, poinformowało ministerstwo obrony.",
    "ru": "Российские войска вошли в Харьковскую область, сообщили в министерстве обороны.",
}


@pytest.mark.parametrize(("key", "encoding"), [
    ("it", "utf-8"), ("it", "utf-8-sig"), ("it", "utf-16"), ("fr", "utf-16-le-bom"), ("de", "utf-16-be-bom"),
    ("es", "utf-32"),
    ("it", "latin-1"), ("fr", "latin-1"), ("de", "latin-1"), ("es", "latin-1"), ("it", "cp1252"),
    ("quotes", "cp1252"), ("pl", "cp1250"), ("ru", "cp1251"),
])
def test_files_in_every_common_encoding_are_read(tmp_path, key, encoding):
    text = TEXTS[key]
    if encoding.endswith("-bom"):  # UTF-16 of one byte order with its mark
        codec = encoding[: -len("-bom")]
        raw = ("\ufeff" + text).encode(codec)
    else:
        raw = text.encode(encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_text_file(path) == text


def test_an_encoding_can_be_forced(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Forlì, Città di Castello".encode("latin-1"))
    assert read_text_file(path, encoding="latin-1") == "Forlì, Città di Castello"
    assert read_text_file(path, encoding="cp1250") == "Forlě, Cittŕ di Castello", "forced, not detected"
    with pytest.raises(InputError, match="not utf-8 text"):
        read_text_file(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read_inputs([str(path)], encoding="klingon")


def test_binary_content_is_no_text():
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.txt")
    with pytest.raises(InputError, match="not text in any known encoding"):
        decode_text(bytes(range(1, 32)) * 20 + b"\xff\xfe\x81", "y.txt")


def _batch(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a_good.txt").write_bytes(TEXTS["it"].encode("latin-1"))
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (folder / "c_broken.jsonl").write_text('{"doc_id": "x", "text": "a"}\n{oops\n', encoding="utf-8")
    (folder / "d_good.txt").write_text(TEXTS["fr"], encoding="utf-16")
    return folder


def test_a_batch_skips_bad_files_with_a_warning_each_and_a_summary(tmp_path, capsys):
    src = _batch(tmp_path / "in")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q"]) == 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3
    assert "b_binary.txt: binary file" in lines[0] and lines[0].endswith("skipped")
    assert "c_broken.jsonl:2: not valid JSON" in lines[1]
    assert "skipped 2 bad input file(s)" in lines[2] and "read 2 document(s)" in lines[2]
    docs = {json.loads(line)["doc_id"] for line in (out / "mentions.jsonl").read_text().splitlines()}
    assert docs == {"a_good", "d_good"}


def test_strict_stops_at_the_first_bad_file(tmp_path, capsys):
    src = _batch(tmp_path / "in")
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "--strict"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"make_map.py: error: {src / 'b_binary.txt'}: binary file, not text"]
    assert not out.exists()


def test_a_batch_of_bad_files_only_fails(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(b"\x00\x01")
    (src / "b.txt").write_bytes(b"\x00\x02")
    assert make_map.main([str(src), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "make_map.py: error: all 2 input files were skipped"


def test_the_python_api_warns_about_skipped_files(tmp_path):
    src = _batch(tmp_path / "in")
    with pytest.warns(InputWarning) as record:
        docs = read_inputs([str(src)])
    messages = [str(w.message) for w in record]
    assert len(messages) == 2 and "b_binary.txt: binary file" in messages[0] and "c_broken.jsonl:2" in messages[1]
    assert [d.doc_id for d in docs] == ["a_good", "d_good"]
    assert docs[1].text == TEXTS["fr"]


# -- HTML pages ------------------------------------------------------------------------------

DATA = Path(__file__).resolve().parent / "data"
#: Towns the pages' menus, cookie banners, related-article lists, comments and footers name.
CHROME_TOWNS = {"Rome", "Milan", "Naples", "Turin", "Palermo", "Bologna", "Florence", "Genoa", "London",
                "Manchester", "Liverpool", "Edinburgh", "Leeds", "Glasgow", "Cardiff", "Belfast", "Bristol",
                "Plymouth", "Aberdeen", "Birmingham", "Norway", "Yorkshire"}


@pytest.mark.parametrize(("page", "title", "date", "url", "outlet"), [
    ("news_page_it.html", "Truppe italiane in Lettonia, arrivano i rinforzi", "2026-03-04",
     "https://www.corrieredelnord.example/esteri/truppe-lettonia", "Il Corriere del Nord"),
    ("news_page_en.html", "Britain sends 800 more troops to Estonia", "2026-02-17",
     "https://northernledger.example/world/2026/feb/17/estonia-troops", "The Northern Ledger"),
])
def test_a_saved_page_gives_its_article_and_metadata(page, title, date, url, outlet):
    (doc,) = read_inputs([str(DATA / page)])
    assert (doc.title, doc.date.isoformat(), doc.url, doc.outlet) == (title, date, url, outlet)
    for chrome in ("Accetta", "Accept all", "Leggi anche", "Most read", "Commenti", "Comments", "P.IVA",
                   "Registered in", "Share on"):
        assert chrome not in doc.text
    assert doc.text.count("\n") >= 3, "paragraphs stay lines"


def test_towns_of_a_page_s_chrome_are_no_places_and_the_article_s_are(tmp_path):
    src = tmp_path / "pages"
    src.mkdir()
    for page in ("news_page_it.html", "news_page_en.html"):
        (src / page).write_bytes((DATA / page).read_bytes())
    out = tmp_path / "out"
    assert make_map.main([str(src), "-o", str(out), "-q"]) == 0
    names = {}
    for line in (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names[row["doc_id"]] = {t["name"] for t in row["toponyms"]}
    assert {"Latvia", "Livorno", "Riga", "Belarus"} <= names["news_page_it"]
    assert {"Estonia", "Tapa", "Tallinn", "Moscow"} <= names["news_page_en"]
    assert not (names["news_page_it"] | names["news_page_en"]) & CHROME_TOWNS
    figures = json.loads((out / "figures.geojson").read_text(encoding="utf-8"))["features"]
    dated = {f["properties"]["document"]: f["properties"]["date"]
             for f in figures if f["properties"]["kind"] == "troops"}
    assert dated["news_page_en"] == "2026-02-17", "an undated figure takes the page's publication date"


def test_an_html_fragment_with_no_article_is_read_whole(tmp_path):
    path = tmp_path / "snippet.html"
    path.write_text("<p>Troops in <b>Poland</b>.</p>", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.text == "Troops in Poland." and doc.title is None and doc.outlet is None


def test_the_bundled_samples_are_found_from_any_working_directory(tmp_path, monkeypatch):
    from geo.documents import SAMPLES

    monkeypatch.chdir(tmp_path)
    docs = read_inputs([SAMPLES])
    assert len(docs) == len(list(SAMPLES.glob("*.txt"))) >= 4


def test_standard_input_is_decoded_like_a_file(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "make_map.py"), "-", "-o", str(out), "-q"],
                          input=TEXTS["it"].encode("latin-1"), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (line,) = (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert "Forlì" in {t["surface"] for t in json.loads(line)["toponyms"]}


def test_a_leading_tilde_is_the_home_folder_in_inputs_and_outdir(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "kyiv.txt").write_text("Troops were deployed to Poland.", encoding="utf-8")
    assert [d.doc_id for d in read_inputs(["~/articles"])] == ["kyiv"]
    assert [d.doc_id for d in read_inputs(["~/articles/kyiv.txt"])] == ["kyiv"]
    (tmp_path / "fix.csv").write_text("surface,doc_id,place_id,lat,lon,name,not_place\nPoland,,,,,,true\n",
                                      encoding="utf-8")
    assert make_map.main(["~/articles", "-o", "~/map", "-q", "--corrections", "~/fix.csv"]) == 0
    assert (tmp_path / "map" / "manifest.json").is_file()
    assert "Poland" not in (tmp_path / "map" / "places.geojson").read_text(encoding="utf-8")


def test_a_tilde_that_names_no_home_stays_part_of_the_name(tmp_path, monkeypatch):
    """"~draft.txt" is a file name, not a user's home: read as written, with no traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "~draft.txt").write_text("Troops were deployed to Poland.", encoding="utf-8")
    assert [d.doc_id for d in read_inputs(["~draft.txt"])] == ["~draft"]
    assert make_map.main(["~draft.txt", "-o", "~nosuchuser-atlante/map", "-q"]) == 0
    assert (tmp_path / "~nosuchuser-atlante" / "map" / "manifest.json").is_file()
