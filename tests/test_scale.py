"""Many documents: worker processes, streamed inputs, progress, and the same outputs as the serial run."""

from __future__ import annotations

import _thread
import dis
import functools
import gzip
import io
import json
import operator
import os
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

import make_map
from benchmarks.corpus import sample_like_documents
from geo.corpus import iter_documents, read_corpus
from geo.errors import InputError
from geo.model import Document
from geo.parallel import BATCH, Settings, compact, parse_stream
from geo.pipeline import parse_document

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = ("places.geojson", "figures.geojson", "events.geojson", "mentions.jsonl")


@pytest.fixture(autouse=True)
def _signal_mask_kept():
    """Each test leaves this thread's signal mask as it found it: an interrupted fork once left SIGINT blocked,
    and the next test that raised SIGINT in this thread failed, far from the cause."""
    import signal

    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    yield
    after = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    if after != before:
        stray = signal.sigpending() & (after - before)
        for signum in stray:  # taken here while still blocked: a Ctrl-C raised by the restore would end the session
            signal.sigtimedwait({signum}, 0)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        names = [" ".join(sorted(signal.Signals(n).name for n in group)) or "none"
                 for group in (after - before, before - after, stray)]
        pytest.fail("the test left this thread's signals blocked: {}; unblocked: {}; pending: {}".format(*names),
                    pytrace=False)


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    """Three batches' worth of sample-like documents, gzip-compressed JSONL."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for doc in sample_like_documents(3 * BATCH + 5, seed=7):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def serial_and_parallel(corpus_file, tmp_path_factory) -> tuple[Path, Path]:
    serial, parallel = tmp_path_factory.mktemp("serial"), tmp_path_factory.mktemp("parallel")
    assert make_map.main([str(corpus_file), "-o", str(serial), "-q", "--jobs", "1"]) == 0
    assert make_map.main([str(corpus_file), "-o", str(parallel), "-q", "--jobs", "2"]) == 0
    return serial, parallel


@pytest.mark.parametrize("name", DATA_FILES)
def test_two_worker_processes_write_the_serial_runs_bytes(serial_and_parallel, name):
    serial, parallel = serial_and_parallel
    assert (serial / name).read_bytes() == (parallel / name).read_bytes()


def test_the_gzip_corpus_is_read_whole_in_order(serial_and_parallel):
    serial, _ = serial_and_parallel
    ids = [json.loads(line)["doc_id"] for line in (serial / "mentions.jsonl").read_text().splitlines()]
    assert ids == [f"gen-{i:07d}" for i in range(3 * BATCH + 5)]


def test_parse_stream_yields_what_parse_document_gives_in_input_order(corpus_file):
    from geo.gazetteer import load_gazetteer

    docs = list(iter_documents([str(corpus_file)]))
    gaz = load_gazetteer()
    results = list(parse_stream(iter(docs), Settings(), jobs=2))
    assert [r.parsed.document.doc_id for r in results] == [d.doc_id for d in docs]
    for doc, result in zip(docs[:5], results[:5], strict=True):
        expected = compact(parse_document(doc, gazetteer=gaz))
        assert [(m.start, m.end, m.entity.id if m.entity else None, m.role) for m in result.parsed.mentions] == \
            [(m.start, m.end, m.entity.id if m.entity else None, m.role) for m in expected.mentions]
        assert [(f.kind, f.value, f.place_ids) for f in result.parsed.figures] == \
            [(f.kind, f.value, f.place_ids) for f in expected.figures]


def test_results_share_one_entity_per_place(corpus_file):
    results = list(parse_stream(iter_documents([str(corpus_file)]), Settings(), jobs=2))
    by_id: dict[str, int] = {}
    for r in results:
        for m in r.parsed.mentions:
            if m.entity is not None:
                assert by_id.setdefault(m.entity.id, id(m.entity)) == id(m.entity)
    assert by_id


def test_compact_keeps_the_text_only_of_documents_with_figures():
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    plain = parse_document(Document("a", "Il vertice si è tenuto a Vilnius."), gazetteer=gaz)
    counted = parse_document(Document("b", "Almeno 300 soldati sono arrivati in Lettonia."), gazetteer=gaz)
    assert compact(plain).document.text == "" and compact(plain).mentions
    assert compact(counted).document.text == counted.document.text and compact(counted).figures


def test_iter_documents_streams_lazily_and_names_a_bad_line(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"doc_id": "a", "text": "Roma"}\n{"doc_id": "a", "text": "Parigi"}\nnot json\n')
    stream = iter_documents([str(path)])
    assert [next(stream).doc_id, next(stream).doc_id] == ["a", "a-2"]
    with pytest.raises(InputError, match=r"two.jsonl:3: not valid JSON"):
        next(stream)


def test_a_missing_input_fails_before_anything_is_read(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        iter_documents([str(tmp_path / "nope.jsonl")]).__next__()


def test_bad_jobs_is_one_line_and_exit_2(tmp_path, capsys):
    assert make_map.main(["--jobs", "0", "-o", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


def test_progress_goes_to_stderr_with_a_rate_when_piped(corpus_file, monkeypatch, capsys):
    import geo.progress

    monkeypatch.setattr(geo.progress, "PROGRESS_DELAY", 0.0)  # a real run waits a second before showing it
    read_corpus(iter_documents([str(corpus_file)]), jobs=1, progress=True)
    err = capsys.readouterr().err  # not a terminal: the last line stays
    assert f"parsing: {3 * BATCH + 5}doc" in err and "doc/s" in err


def test_quiet_prints_nothing(corpus_file, tmp_path, monkeypatch, capsys):
    import geo.progress

    monkeypatch.setattr(geo.progress, "PROGRESS_DELAY", 0.0)
    assert make_map.main([str(corpus_file), "-o", str(tmp_path / "o"), "-q", "--jobs", "1"]) == 0
    assert capsys.readouterr() == ("", "")


def test_read_corpus_counts_corrections_used_in_workers(corpus_file, tmp_path):
    from geo.corrections import load_corrections

    rules = tmp_path / "fix.yaml"
    rules.write_text("- surface: Nikopol\n  not_place: true\n- surface: Atlantide\n  not_place: true\n")
    corrections = load_corrections(rules)
    corpus = read_corpus(iter_documents([str(corpus_file)]), Settings(corrections=corrections), jobs=2)
    assert all(m.surface != "Nikopol" for p in corpus.parsed for m in p.mentions)
    unused = corrections.unused_report()
    assert len(unused) == 1 and "Atlantide" in unused[0]


def test_the_spool_gives_back_the_frames_of_the_documents_in_memory(corpus_file, tmp_path):
    from geo.corpus import DocumentSpool, spool_record
    from geo.gazetteer import load_gazetteer
    from geo.model import Entity
    from layers.export import geojson_dict
    from layers.frames import figures_frame, places_frame

    gaz = load_gazetteer()
    parsed = [r.parsed for r in parse_stream(iter_documents([str(corpus_file)]), Settings(), jobs=1)]
    # a correction's own place: the gazetteer does not give it back, so the spool keeps it
    own = Entity(id="fix:atlantide", name="Atlantide", kind="city", country=None, admin1=None, lat=1.0, lon=2.0)
    target = next(m for p in parsed for m in p.mentions if m.entity is not None)
    target.entity = own
    spool = DocumentSpool(tmp_path / "kept.pickle", gaz)
    for p in parsed:
        spool.append(p)
    holder = next(p for p in parsed if any(m.entity is own for m in p.mentions))
    assert spool_record(holder, gaz)[1] == {own.id: own}
    for frame in (places_frame, figures_frame):
        assert geojson_dict(frame(spool, gaz)) == geojson_dict(frame(parsed, gaz))
    spool.close()
    assert not (tmp_path / "kept.pickle").exists()


def test_the_spool_leaves_out_only_the_last_fields_of_a_figure():
    # the fields only a figure's places are read from are not spooled; a spooled figure is rebuilt from its stored
    # fields in order, so they must be the last of Figure
    import dataclasses

    from geo.corpus import _FIGURE_FIELDS, _UNSPOOLED
    from geo.model import Figure

    assert tuple(f.name for f in dataclasses.fields(Figure)) == _FIGURE_FIELDS + _UNSPOOLED


def test_workers_prepare_the_lines_and_records_this_process_would_make(corpus_file):
    from geo.corpus import mention_record, prepare
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    docs = list(iter_documents([str(corpus_file)]))[: BATCH + 2]
    here = [r.parsed for r in parse_stream(iter(docs), Settings(), jobs=1)]
    there = list(parse_stream(iter(docs), Settings(prepare=True), jobs=2))
    for parsed, result in zip(here, there, strict=True):
        assert not result.parsed.mentions and not result.parsed.figures  # sent as the prepared records only
        assert result.parsed.document == parsed.document  # its text stays when a figure's quote needs it
        assert result.prepared == prepare(parsed, gaz)
        assert json.loads(result.prepared.line) == mention_record(parsed)


def test_a_documents_mentions_line_is_made_a_toponym_at_a_time_with_the_bytes_of_its_record():
    from geo.corpus import mention_line, mention_record
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    text = ("Près de Genève et de Zürich, 40 soldats sont arrivés mardi; à Qwertzburg personne.\n\n"
            "Les autorités de Besançon ont compté 12 blessés.")
    parsed = compact(parse_document(Document("«doc» 1", text), lang="fr", gazetteer=gaz))
    assert len(parsed.mentions) >= 3
    for doc in (parsed, compact(parse_document(Document("vide", "Rien ici."), lang="fr", gazetteer=gaz))):
        assert mention_line(doc) == json.dumps(mention_record(doc), ensure_ascii=False)


def test_the_mentions_line_writes_each_place_once_with_the_encoders_text():
    """The line joins a place's fields written once per place object (geo.corpus._place_json): a place of its own
    with a gazetteer id (a correction's), no place, quotes, backslashes and other scripts in a surface, an int or
    NaN confidence and no role give the encoder's text."""
    import dataclasses

    from geo.corpus import mention_line, mention_record
    from geo.gazetteer import load_gazetteer
    from geo.model import Mention, ParsedDocument

    gaz = load_gazetteer()
    parsed = compact(parse_document(Document("lx", "Near Lisbon and Porto, 30 sailors were seen on Friday."),
                                    lang="en", gazetteer=gaz))
    placed = [m for m in parsed.mentions if m.entity is not None]
    assert placed
    town = placed[0].entity
    moved = dataclasses.replace(town, lat=town.lat + 0.123456789, name='Lisboa "velha" \\ ᾿Ωδή')
    odd = [Mention("lx", 0, 6, "Lisbon", town, "incident", 0.75, 0, 10),
           Mention("lx", 7, 13, 'Lis"b\\on ', moved, None, 1, 0, 10),  # the same id, a place of its own
           Mention("lx", 14, 20, "Λισαβόνα", town, "mention", float("nan"), 0, 10),
           Mention("lx", 21, 30, "Qwertzia", None, "mention", 0.3333333, 0, 10),
           Mention("lx", 31, 37, "Lisbon", moved, "mention", 0.5, 0, 10)]
    for doc in (parsed, ParsedDocument(Document("«lx»", ""), "en", None, mentions=odd)):
        assert mention_line(doc) == json.dumps(mention_record(doc), ensure_ascii=False)


def test_a_batch_makes_no_event_frames_it_would_drop_and_keeps_the_same_places_and_figures():
    """parse_batch parses with frames=False (compact drops them): the same mentions and figures as a whole parse,
    and a prepared document keeps its text when it has figures."""
    from geo.gazetteer import load_gazetteer
    from geo.parallel import parse_batch

    gaz = load_gazetteer()
    text = "About 120 soldiers reached Riga on Monday, the regional command said. Two were hurt in Tartu."
    whole = parse_document(Document("f", text), lang="en", gazetteer=gaz)
    bare = parse_document(Document("f", text), lang="en", gazetteer=gaz, frames=False)
    assert whole.frames and not bare.frames
    assert bare.mentions == whole.mentions and bare.figures == whole.figures
    for prepare in (False, True):
        [result], _ = parse_batch([Document("f", text, lang="en")], Settings(prepare=prepare))
        assert result.parsed.document.text == text and result.parsed.frames == []
        if prepare:
            from geo.corpus import prepare as prepared_of

            assert result.prepared == prepared_of(compact(whole), gaz)


#: Paragraphs of a long document (written for these tests), each a place and a count of its own.
LONG_PARAGRAPHS = tuple(f"About {100 + 7 * k} soldiers reached {town} on Monday, the regional command said."
                        for k, town in enumerate(("Riga", "Tallinn", "Krakow", "Gdansk", "Kaunas", "Tartu")))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_spools_inside_its_staging_folder_and_leaves_no_spool(corpus_file, tmp_path, monkeypatch, jobs):
    """The spooled documents, a long document's window spools (read in this process) and the files a worker
    prepares it into are all in the staging folder's spool folder, and none is left after the run."""
    import geo.corpus
    import geo.windows

    monkeypatch.setattr(geo.windows, "WINDOW_CHARS", 1200)  # the sample documents stay whole; forked workers inherit it
    with gzip.open(corpus_file, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    docs.insert(len(docs) // 2, {"doc_id": "long", "text": "\n\n".join(LONG_PARAGRAPHS * 6), "lang": "en"})
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    seen, windows, prepared = [], [], []
    write, spool, copy = geo.corpus.DocumentSpool.write, geo.windows.WindowSpool.__init__, \
        geo.corpus.SpooledCorpus._copy_prepared

    def spy(self, record, entities, *records):
        seen.append(self.path)
        return write(self, record, entities, *records)

    def spy_window(self, *args, **kwargs):
        spool(self, *args, **kwargs)
        windows.append(Path(self.path) if self.path is not None else None)

    def spy_prepared(self, ready, copy_of):
        prepared.append(Path(ready.file) if ready.file is not None else None)
        return copy(self, ready, copy_of)

    monkeypatch.setattr(geo.corpus.DocumentSpool, "write", spy)
    monkeypatch.setattr(geo.windows.WindowSpool, "__init__", spy_window)
    monkeypatch.setattr(geo.corpus.SpooledCorpus, "_copy_prepared", spy_prepared)
    out = tmp_path / "out"
    assert make_map.main([str(inputs), "-o", str(out), "-q", "--jobs", jobs]) == 0
    staging = out / ".atlante-staging"
    assert seen and all(p.parent.parent == staging for p in seen)
    files = windows if jobs == "1" else prepared  # workers' window spools are made in their own processes
    assert len(files) == (2 if jobs == "1" else 1)  # mentions and frames, or the one prepared file
    assert all(p is not None and p.parent == staging / ".spool" and not p.exists() for p in files), files
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(p.name for p in out.iterdir()) == sorted([f["name"] for f in manifest["files"]] + ["manifest.json"])


def test_figure_chunks_are_the_figures_frame_in_pieces():
    import dataclasses

    import pandas as pd

    from layers.export import geojson_dict
    from layers.frames import figure_chunks, figures_frame
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    parsed = [*parsed, dataclasses.replace(parsed[1])]  # the same document twice: its ids repeat in another chunk
    chunks = list(figure_chunks(parsed, gaz, size=1))
    assert len(chunks) > 2
    whole = figures_frame(parsed, gaz)
    assert any(i.endswith("#2") for i in whole["figure_id"])
    assert geojson_dict(pd.concat(chunks, ignore_index=True)) == geojson_dict(whole)


def test_figure_chunks_keep_the_ids_given_so_far_in_a_file_of_the_scratch_folder(tmp_path):
    import dataclasses

    import pandas as pd

    from layers.export import geojson_dict
    from layers.frames import figure_chunks, figures_frame
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    parsed = [*parsed, dataclasses.replace(parsed[1]), dataclasses.replace(parsed[1])]  # ids given thrice
    chunks, files = [], []
    for chunk in figure_chunks(parsed, gaz, size=1, scratch=tmp_path):
        chunks.append(chunk)
        files.append(sorted(p.name for p in tmp_path.iterdir()))
    # while the chunks come, the ids wait in one SQLite file of the scratch folder (not in a set of every id)
    assert all(len(names) == 1 and names[0].startswith("figure-ids-") for names in files)
    assert not list(tmp_path.iterdir())  # and it goes with the last chunk
    whole = figures_frame(parsed, gaz)
    assert any(i.endswith("#3") for i in whole["figure_id"])
    assert geojson_dict(pd.concat(chunks, ignore_index=True)) == geojson_dict(whole)
    chunks = figure_chunks(parsed, gaz, size=1, scratch=tmp_path)
    next(chunks)
    chunks.close()  # a generator let go halfway takes its file with it
    assert not list(tmp_path.iterdir())


def test_each_places_documents_are_distinct_in_order_when_ids_come_again_or_a_mention_names_another():
    import dataclasses

    from layers.frames import places_frame
    from layers.synthetic import synthetic_corpus

    parsed, gaz = synthetic_corpus(300, n_cities=3)
    places_of = [{m.entity.id for m in p.mentions if m.entity is not None} for p in parsed]
    first, second = next((a, b) for i, a in enumerate(parsed) for j, b in enumerate(parsed)
                         if i < j and places_of[i] & places_of[j])  # two documents naming one place
    # an id given again after another's (then twice in a row: a long document's windows), and mentions that
    # name another document than theirs
    fresh = dataclasses.replace(second.document, doc_id="fresh")
    other = dataclasses.replace(second, document=fresh, mentions=[
        dataclasses.replace(m, doc_id=first.document.doc_id if i % 2 else "fresh")
        for i, m in enumerate(second.mentions)])
    # a new document whose mentions of a place not listed yet name another document, itself, then the other
    # again: the list must be searched although the document's own id is new
    m0 = next(m for m in second.mentions if m.entity is not None)
    alternating = dataclasses.replace(second, document=dataclasses.replace(second.document, doc_id="fresh2"), mentions=[
        dataclasses.replace(m0, start=m0.start + k, end=m0.end + k, doc_id=d)
        for k, d in enumerate(["elsewhere", "fresh2", "elsewhere"])])
    docs = [alternating, first, second, dataclasses.replace(first), dataclasses.replace(second),
            dataclasses.replace(second), other, second, *parsed]
    expected: dict[str, dict[str, None]] = {}
    for doc in docs:
        for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
            if m.entity is not None:
                expected.setdefault(m.entity.id, {})[m.doc_id] = None
    frame = places_frame(docs, gaz)
    assert {pid: list(ids) for pid, ids in expected.items()} == dict(zip(frame["place_id"], frame["documents"],
                                                                         strict=True))
    assert any(len(ids) > 1 for ids in frame["documents"])


def test_a_disk_index_used_as_a_set_answers_as_a_set_while_ids_are_added(tmp_path):
    from geo.docstore import WRITE_BATCH, DiskIndex

    index, seen = DiskIndex(tmp_path / "ids.sqlite"), set()
    for i in range(WRITE_BATCH * 2 + 7):  # some written to the file, some waiting
        key = f"doc-{i % (WRITE_BATCH + 3)}:f{i % 5}"
        assert (key in index) == (key in seen)
        index.add(key)
        seen.add(key)
    assert index._pending and all(k in index for k in seen) and "other:f1" not in index
    (count,) = index._connect().execute("SELECT COUNT(*) FROM kv").fetchone()
    assert 0 < count < len(seen)  # the rest waits
    index.close()


def test_a_disk_index_finds_a_key_never_given_missing_without_asking_its_file(tmp_path, monkeypatch):
    import geo.docstore
    from geo.docstore import WRITE_BATCH, DiskIndex

    index = DiskIndex(tmp_path / "ids.sqlite")
    keys = [f"Tartu-{i}:f{i % 4}" for i in range(WRITE_BATCH + 50)]  # most written to the file, some waiting
    for key in keys:
        index.add(key)
    queries: list[str] = []
    index._connect().set_trace_callback(queries.append)
    missing = [f"Narva-{i}:f1" for i in range(300)]
    assert not any(key in index for key in missing)
    assert len(queries) < 10  # a few keys share both bits with a given one: the file answers them
    assert all(key in index for key in keys[::7])  # a key in the file is still read from it
    assert any(q.startswith("SELECT") for q in queries)
    monkeypatch.setattr(geo.docstore, "FILTER_BITS", 8)  # a filter every bit of which is set: the file answers
    small = DiskIndex(tmp_path / "small.sqlite")
    for key in keys:
        small.add(key)
    small._flush()
    assert not any(key in small for key in missing) and all(key in small for key in keys[::7])
    index.close()
    small.close()


def test_the_run_writes_in_chunks_the_files_and_map_records_of_the_whole_frames(tmp_path, monkeypatch):
    import layers.consolidated
    import layers.frames
    from layers.consolidated import events_frame
    from layers.export import export, write_geojson
    from layers.frames import figures_frame, places_frame
    from layers.map import figure_records
    from layers.stream import STEPS, write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    documents = [p.document for p in parsed]
    copies = {documents[0].doc_id: ["copy-of-first"]}
    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    whole.mkdir()
    chunked.mkdir()
    places = places_frame(parsed, gaz)
    events, figures = events_frame(figures_frame(parsed, gaz), gaz, copies=copies,
                                   documents={d.doc_id: d for d in documents})
    write_geojson(events, whole / "events.geojson")
    write_geojson(places, whole / "places.geojson")
    write_geojson(figures, whole / "figures.geojson")
    export(places, figures, whole, ["csv", "gpkg"], gazetteer=gaz)

    monkeypatch.setattr(layers.frames, "CHUNK_DOCUMENTS", 1)
    monkeypatch.setattr(layers.consolidated, "CHUNK_REPORTS", 2)
    steps = []
    out = write_frames(parsed, chunked, tmp_path, gazetteer=gaz, documents=documents, copies=copies,
                       formats=["geojson", "csv", "gpkg"], steps=lambda name, work: steps.append(name) or (
                           work() if work else None))
    assert steps == ["places", "events and files", "map records"]
    assert tuple(steps) == STEPS  # the progress bar counts these, and the map (make_map._Steps)
    assert sorted(p.name for p in chunked.iterdir()) == sorted(p.name for p in whole.iterdir())
    for path in whole.iterdir():
        assert (chunked / path.name).read_bytes() == path.read_bytes(), path.name
    assert out.records == figure_records(figures)
    assert out.n_events == len(events) and len(out.places) == len(places)
    assert list(out.events["event_id"]) == list(events.loc[events["reports"] > 1, "event_id"])


def test_the_map_of_a_run_reads_its_texts_back_from_disk_and_draws_the_whole_frames_page(tmp_path):
    from geo.corpus import SpooledCorpus, WithTexts
    from layers.consolidated import events_frame
    from layers.frames import figures_frame, places_frame
    from layers.map import MapFigures, build_map, save_map
    from layers.stream import write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    (tmp_path / "spool").mkdir()
    sink = SpooledCorpus(tmp_path / "spool", gazetteer=gaz)
    for p in parsed:
        sink(p, None)
    # the run holds the documents' records, not their texts; the map reads a text back when it quotes it
    assert all(d.text == "" for d in sink.documents)
    by_id = WithTexts({d.doc_id: d for d in sink.documents}, sink.texts)
    assert [by_id[p.document.doc_id] for p in parsed] == [p.document for p in parsed]
    out = write_frames(sink.kept, tmp_path, tmp_path, gazetteer=gaz, documents=sink.documents, map_lang="it",
                       map_texts=sink.texts)
    assert isinstance(out.records, MapFigures) and not out.records.aggregating
    save_map(build_map(out.places, out.records, documents=sink.documents, gazetteer=gaz, lang="it",
                       events=out.events), tmp_path / "run.html")
    documents = [p.document for p in parsed]
    events, figures = events_frame(figures_frame(parsed, gaz), gaz, documents={d.doc_id: d for d in documents})
    save_map(build_map(places_frame(parsed, gaz), figures, documents=documents, gazetteer=gaz, lang="it",
                       events=events.loc[events["reports"] > 1]), tmp_path / "whole.html")
    assert (tmp_path / "run.html").read_bytes() == (tmp_path / "whole.html").read_bytes()
    sink.texts.close()
    sink.close()


def test_a_step_in_a_child_process_answers_as_in_this_one():
    import os

    import geo.memory
    from geo.errors import InputError
    from geo.memory import can_fork, in_child

    assert can_fork()  # Linux: the run's merge happens in a child
    assert in_child(lambda: (os.getpid(), [1, 2]))[1] == [1, 2]
    assert in_child(os.getpid) != os.getpid()

    def fails():
        raise InputError("no such place")

    with pytest.raises(InputError, match="no such place"):
        in_child(fails)
    with pytest.raises(RuntimeError, match="cannot be sent back"):
        in_child(lambda: (lambda: None))  # a result pickle refuses
    geo.memory.FORK = False
    try:
        assert in_child(os.getpid) == os.getpid()
    finally:
        geo.memory.FORK = True


def _warns_then_answers():
    import warnings

    warnings.warn("geometry is not in degrees", UserWarning, stacklevel=1)
    warnings.warn("old option", DeprecationWarning, stacklevel=1)
    return 42


def test_a_step_in_a_child_gives_its_warnings_to_this_process(tmp_path):
    # a warning raised in the child is raised here, under this process's filters (caught, or an error)
    import warnings

    from geo.memory import in_child

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert in_child(_warns_then_answers, scratch=tmp_path) == 42
    assert [(str(w.message), w.category) for w in caught] == [
        ("geometry is not in degrees", UserWarning), ("old option", DeprecationWarning)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        with pytest.raises(UserWarning, match="not in degrees"):
            in_child(_warns_then_answers, scratch=tmp_path)


def _refuse_to_load():
    raise TypeError("cannot be rebuilt here")


class _Unloadable:
    """An answer that pickles but cannot be read back (as an exception with two required arguments)."""

    def __reduce__(self):
        return (_refuse_to_load, ())


def _fails_deep_inside():
    raise InputError("no such place")


def test_a_step_in_a_child_sends_its_traceback_and_what_cannot_come_back_as_one_error(tmp_path):
    from geo.memory import ChildTraceback, in_child

    with pytest.raises(InputError) as caught:
        in_child(_fails_deep_inside, scratch=tmp_path)
    assert isinstance(caught.value.__cause__, ChildTraceback)
    assert "_fails_deep_inside" in str(caught.value.__cause__)  # where in the child it was raised
    with pytest.raises(RuntimeError, match="cannot be sent back"):
        in_child(_Unloadable, scratch=tmp_path)
    assert list(tmp_path.iterdir()) == []  # the answers' temporary files live in the scratch folder, and go


def test_a_child_killed_by_a_signal_is_one_named_error(tmp_path):
    import os
    import signal

    from geo.errors import StepKilledError
    from geo.memory import can_fork, in_child

    assert can_fork()  # on Linux: the signal goes to the child, never to the test's own process
    with pytest.raises(StepKilledError, match=r"the merge was killed by signal 9 .*out of memory"):
        in_child(lambda: os.kill(os.getpid(), signal.SIGKILL), name="the merge", scratch=tmp_path)
    assert list(tmp_path.iterdir()) == []


def _killed_halfway_through_its_answer():
    import os
    import signal

    write = os.write

    def half_then_die(fd, data):  # the child's own os.write: the system kills it in the middle of the answer
        write(fd, bytes(data[: len(data) // 2]))
        os.kill(os.getpid(), signal.SIGKILL)

    os.write = half_then_die  # in the child only: it is a copy of this process
    return b"x" * 100_000


def _no_space_halfway_through_its_answer():
    import errno
    import os

    write = os.write

    def half_then_full(fd, data):  # the child's own os.write: the disk fills in the middle of the answer
        write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    os.write = half_then_full  # in the child only
    return b"x" * 100_000


@pytest.mark.parametrize(("work", "said"), [(_killed_halfway_through_its_answer, "killed by signal 9"),
                                            (_no_space_halfway_through_its_answer, "ended with status 3")])
def test_a_child_that_could_not_write_its_whole_answer_is_one_named_error(tmp_path, work, said):
    from geo.errors import StepKilledError
    from geo.memory import can_fork, in_child

    assert can_fork()  # on Linux: here the work runs in a child, never in the test's own process
    with pytest.raises(StepKilledError, match=said):
        in_child(work, name="the merge", scratch=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_parent_takes_its_child_down_and_leaves_no_file(tmp_path):
    import contextlib
    import os
    import signal
    import time

    from geo.memory import can_fork, in_child

    assert can_fork()
    pid_file = tmp_path / "child.pid"
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    def slow():
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)
        return "done"

    fired = []

    def interrupt(signum, frame):
        if pid_file.exists() and pid_file.stat().st_size and not fired:  # one Ctrl-C, once the child wrote its pid
            fired.append(signum)
            raise KeyboardInterrupt

    before = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
        with pytest.raises(KeyboardInterrupt):
            in_child(slow, scratch=scratch)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    child = int(pid_file.read_text())
    try:
        with pytest.raises(ProcessLookupError):  # killed and reaped: no such process any more
            os.kill(child, 0)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)  # a regression leaves no sleeper behind
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("interrupt", ["this thread", "another thread"])
def test_a_second_interruption_while_the_child_is_killed_still_reaps_it(monkeypatch, interrupt):
    import _thread
    import os
    import signal
    import subprocess

    from geo import memory

    sleeper = subprocess.Popen(["sleep", "60"])
    real_kill = os.kill
    calls = []

    def kill_then_interrupt(pid, sig):  # a second Ctrl-C arrives between the kill and the wait
        real_kill(pid, sig)
        calls.append(pid)
        if len(calls) > 1:  # the kill made again after the interruption
            return
        if interrupt == "this thread":
            signal.raise_signal(signal.SIGINT)  # sent to this thread, whose signals _kill blocks
        else:  # received by another thread (a Ctrl-C goes to the process): Python raises it in the main thread
            _thread.interrupt_main()

    monkeypatch.setattr(memory.os, "kill", kill_then_interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):  # the interruption is not lost ...
            memory._kill(sleeper.pid)
    finally:
        monkeypatch.undo()
    with pytest.raises(ChildProcessError):  # ... and it came after the child was reaped (no zombie left)
        os.waitpid(sleeper.pid, os.WNOHANG)
    sleeper.returncode = -9  # reaped above: Popen must not wait for it again


class _Trip:
    """``TRIP.now`` marks a Ctrl-C as received, as another thread's would be, from C code only (a property whose getter
    is ``_thread.interrupt_main``): Python raises it inside the tracer when it is next called, i.e. just before the
    next traced instruction (where a real signal would be raised within the marked instruction, at its end)."""

    trip = staticmethod(_thread.interrupt_main)
    now = property(operator.methodcaller("trip"))


def _interrupted_at(work, at: set[int], module: types.ModuleType) -> tuple[int, list[tuple[str, int]]]:
    """Run ``work()`` tracing the instructions of the code of ``module``, and mark a Ctrl-C (:class:`_Trip`) at the
    points numbered in ``at`` (from 1) among those where Python checks for one: a frame's first instruction, the
    one after a call, one a backward jump reached; the Ctrl-C is raised as the instruction after the point is traced.
    Returns how many such points there were and where (only this process's: a forked child traces nothing).

    The instructions are read as ``sys.settrace``'s opcode events up to Python 3.11, and as ``sys.monitoring``'s
    INSTRUCTION events from 3.12 (which sends no opcode events to ``sys.settrace``'s functions)."""
    trip, points, last, me = _Trip(), [], {}, os.getpid()
    calls = {dis.opmap[name] for name in ("CALL", "CALL_FUNCTION_EX", "CALL_KW") if name in dis.opmap}

    def marked(frame, offset: int) -> bool:
        """Whether the instruction at ``offset`` of ``frame`` is a check point where a Ctrl-C is to be marked."""
        code, before = frame.f_code, last.get(id(frame))
        last[id(frame)] = offset
        if before is None or offset < before or code.co_code[before] in calls:
            points.append((code.co_name, offset))
            return len(points) in at
        return False

    if sys.version_info >= (3, 12):
        _monitored(work, module, lambda code, offset: (
            trip.now if os.getpid() == me and marked(sys._getframe(1), offset) else None))
        return len(points), points

    def local(frame, event, arg):
        if os.getpid() != me:
            return None
        if event == "opcode" and marked(frame, frame.f_lasti):
            return trip.now or local  # (the tracer itself calls nothing after the mark)
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != module.__file__ or os.getpid() != me:
            return None
        frame.f_trace_opcodes, frame.f_trace_lines = True, False
        return local

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return len(points), points


def _monitored(work, module: types.ModuleType, callback) -> None:
    """Run ``work()`` with ``callback(code, offset)`` called before each instruction of the functions of ``module``
    (and of the functions they define), through ``sys.monitoring`` (Python 3.12+)."""
    mon = sys.monitoring
    tool = next(t for t in (mon.DEBUGGER_ID, mon.PROFILER_ID, mon.OPTIMIZER_ID) if mon.get_tool(t) is None)
    codes, todo = [], [f.__code__ for f in vars(module).values()
                       if isinstance(f, types.FunctionType) and f.__module__ == module.__name__]
    while todo:
        codes.append(todo.pop())
        todo.extend(c for c in codes[-1].co_consts if isinstance(c, types.CodeType))
    mon.use_tool_id(tool, "test_scale")
    try:
        mon.register_callback(tool, mon.events.INSTRUCTION, callback)
        for code in codes:
            mon.set_local_events(tool, code, mon.events.INSTRUCTION)
        work()
    finally:
        for code in codes:
            mon.set_local_events(tool, code, 0)
        mon.register_callback(tool, mon.events.INSTRUCTION, None)
        mon.free_tool_id(tool)


def _kill_interrupted_at(at: set[int]) -> tuple[bool, bool, bool, int]:
    """memory._kill of a sleeping child with Ctrl-Cs marked at the check points ``at``: (interrupted, the child
    reaped, this thread's mask as it was, the number of check points when nothing was raised)."""
    from geo import memory

    sleeper = subprocess.Popen(["sleep", "60"])
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    interrupted, count = False, 0
    try:
        count, _ = _interrupted_at(functools.partial(memory._kill, sleeper.pid), at, memory)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        after = signal.pthread_sigmask(signal.SIG_SETMASK, before)
    try:
        os.waitpid(sleeper.pid, os.WNOHANG)
    except ChildProcessError:
        sleeper.returncode = -9  # reaped
    reaped = sleeper.returncode is not None
    if not reaped:
        sleeper.kill()
        sleeper.wait()
    return interrupted, reaped, after == before, count


def test_an_interruption_at_any_point_of_the_kill_is_raised_once_the_child_is_reaped():
    # (before the steps' loop and its jumps lay inside the try, an interruption raised as a step succeeded, at the
    # loop's jump, escaped: the child left unkilled or a zombie, 7 of 19 points)
    *_, count = _kill_interrupted_at(set())
    assert count > 10
    failed = [k for k in range(2, count + 1) if _kill_interrupted_at({k})[:3] != (True, True, True)]
    assert failed == [], f"escaped at check points {failed} of {count} (1: the function's own start)"


def test_an_interruption_before_the_fork_leaves_no_answer_file(tmp_path, monkeypatch):
    from geo import memory

    scratch = tmp_path / "scratch"
    scratch.mkdir()

    class Interrupted(io.StringIO):
        def flush(self):
            raise KeyboardInterrupt  # a Ctrl-C as the output is flushed before the fork

    monkeypatch.setattr(memory.sys, "stderr", Interrupted())
    with pytest.raises(KeyboardInterrupt):
        memory.in_child(lambda: 1, scratch=scratch)
    monkeypatch.undo()
    assert list(scratch.iterdir()) == []  # (the answer's file was made first, and left behind)


def test_an_interruption_as_the_answer_file_is_closed_leaves_no_file(tmp_path, monkeypatch):
    from geo import memory

    real_close, parent, armed = os.close, os.getpid(), [True]

    def close_then_interrupted(fd):
        real_close(fd)
        if armed and os.getpid() == parent:  # a Ctrl-C raised as the close returns, once
            armed.clear()
            raise KeyboardInterrupt

    monkeypatch.setattr(memory.os, "close", close_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        memory.in_child(lambda: 1, scratch=tmp_path)
    monkeypatch.undo()
    assert not armed and list(tmp_path.iterdir()) == []  # (the file was removed after the close, and stayed)


def test_a_missing_scratch_folder_is_an_error_and_runs_nothing(tmp_path):
    from geo import memory

    ran = []
    with pytest.raises(FileNotFoundError):
        memory.in_child(lambda: ran.append(1), scratch=tmp_path / "missing")
    assert ran == [] and not (tmp_path / "missing").exists()


def _in_child_interrupted_at(at: set[int], scratch: Path) -> tuple[bool, list, bool, list[tuple[str, int]]]:
    """memory.in_child of a small step with Ctrl-Cs marked at the check points ``at``: (interrupted, the files left
    in ``scratch``, this thread's mask as it was, the check points when nothing was raised)."""
    from geo import memory

    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    interrupted, points = False, []
    try:
        _, points = _interrupted_at(functools.partial(memory.in_child, int, scratch=scratch), at, memory)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        after = signal.pthread_sigmask(signal.SIG_SETMASK, before)
    return interrupted, sorted(scratch.iterdir()), after == before, points


def test_an_interruption_at_any_point_before_the_fork_leaves_no_file(tmp_path):
    from geo import memory

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    *_, points = _in_child_interrupted_at(set(), scratch)
    fork_at = next(i.offset for i in dis.get_instructions(memory.in_child)
                   if i.opname in ("LOAD_ATTR", "LOAD_METHOD") and i.argval == "fork")  # os.fork
    before_fork = next(k for k, (name, offset) in enumerate(points, 1) if name == "in_child" and offset > fork_at)
    assert before_fork > 10
    failed = [k for k in range(1, before_fork) if _in_child_interrupted_at({k}, scratch)[:3] != (True, [], True)]
    assert failed == [], f"files left, or no interruption, at check points {failed} of {before_fork - 1}"


_INTERRUPTED_FORK = """
import _thread, functools, os, signal, time
from geo.memory import in_child

def interrupt(signum, frame):
    raise KeyboardInterrupt

signal.signal(signal.SIGUSR1, interrupt)  # a signal whose handler interrupts, as the alarm of the test above
os.register_at_fork(after_in_parent={hook})  # called by the fork's C code, before os.fork() returns
try:
    in_child(functools.partial(time.sleep, 5))
    print("no interruption")
except KeyboardInterrupt:
    print("interrupted")
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child left")
except ChildProcessError:
    print("no child left")
print("SIGINT blocked" if signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, ()) else "SIGINT free")
"""


@pytest.mark.parametrize("hook", [
    "_thread.interrupt_main",  # a Ctrl-C another thread received: Python raises it as os.fork() returns
    "functools.partial(signal.raise_signal, signal.SIGUSR1)",  # a signal that comes during the fork
])
def test_an_interruption_during_the_fork_takes_the_child_down_and_leaves_no_signal_blocked(hook):
    import subprocess
    import sys

    # (with `pid = os.fork()` the first lost the pid: the child left running and SIGINT left blocked, which
    # failed the next test that raised SIGINT in this thread; the second ran its handler in logging's
    # after-fork hook, where Python drops the exception: the interruption lost and the child waited for)
    done = subprocess.run([sys.executable, "-c", _INTERRUPTED_FORK.format(hook=hook)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.split("\n")[:3] == ["interrupted", "no child left", "SIGINT free"], done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr


def test_an_interruption_as_the_signals_are_blocked_still_reaps_the_child_and_restores_the_mask(monkeypatch):
    import os
    import signal
    import subprocess

    from geo import memory

    sleeper = subprocess.Popen(["sleep", "60"])
    real_sigmask = signal.pthread_sigmask
    before = real_sigmask(signal.SIG_BLOCK, ())
    raised = []

    def interrupted_as_it_blocks(how, signals):  # a Ctrl-C another thread received, raised as the call returns
        previous = real_sigmask(how, signals)
        if how == signal.SIG_BLOCK and set(signals) and not raised:  # (after the mask changed: its answer lost)
            raised.append(how)
            raise KeyboardInterrupt
        return previous

    monkeypatch.setattr(memory.signal, "pthread_sigmask", interrupted_as_it_blocks)
    try:
        with pytest.raises(KeyboardInterrupt):
            memory._kill(sleeper.pid)
        after = real_sigmask(signal.SIG_BLOCK, ())
    finally:
        monkeypatch.undo()
        real_sigmask(signal.SIG_SETMASK, before)  # (a regression leaves every signal blocked in this thread)
    try:
        assert raised and after == before, f"signals left blocked: {sorted(after - before)}"
        with pytest.raises(ChildProcessError):  # the child was killed and reaped all the same
            os.waitpid(sleeper.pid, os.WNOHANG)
        sleeper.returncode = -9
    finally:
        if sleeper.returncode is None:  # a regression leaves the sleeper behind
            sleeper.kill()
            sleeper.wait()


def test_a_fork_that_fails_runs_the_step_here_and_leaves_no_file(tmp_path, monkeypatch):
    import errno
    import os

    from geo import memory

    def no_process_left():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(memory.os, "fork", no_process_left)
    assert memory.in_child(os.getpid, scratch=tmp_path) == os.getpid()  # run here (the mask is checked after)
    assert list(tmp_path.iterdir()) == []


def test_a_child_dies_with_its_parent(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "child.pid"
    scratch = tmp_path / "scratch"  # the system's temporary folder, for the parent: where its answer's file goes
    scratch.mkdir()
    # a parent process whose merge-like step sleeps in a child; the parent is killed outright (no handler runs)
    script = (f"import os, signal, time\nfrom geo.memory import in_child\n"
              f"def slow():\n    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n    time.sleep(60)\n"
              f"in_child(slow)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=Path(make_map.__file__).parent,
                              env={**os.environ, "TMPDIR": str(scratch)})
    try:
        for _ in range(200):
            if pid_file.exists() and pid_file.read_text():
                break
            time.sleep(0.05)
        child = int(pid_file.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(100):  # the system kills the child when its parent goes (PR_SET_PDEATHSIG)
            try:
                os.kill(child, 0)
                with open(f"/proc/{child}/stat") as fh:
                    if fh.read().split()[2] == "Z":  # dead, waiting for a reaper
                        break
            except (ProcessLookupError, FileNotFoundError):
                break
            time.sleep(0.05)
        else:
            os.kill(child, signal.SIGKILL)
            raise AssertionError("the child outlived its parent")
        assert list(scratch.iterdir()) == []  # (the answer's file has no name once made: nothing left behind)
    finally:
        parent.kill()


def test_a_run_whose_merge_is_killed_exits_1_with_one_line_and_outdir_intact(tmp_path, monkeypatch, capsys):
    import os
    import signal

    import geo.memory
    import layers.consolidated

    assert geo.memory.can_fork()  # on Linux: the merge, and the signal, are the child's
    monkeypatch.setattr(make_map, "IN_PROCESS_ITEMS", 0)  # the samples are a small run: forked all the same
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("the user's earlier map")
    monkeypatch.setattr(layers.consolidated, "consolidate",
                        lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
    assert make_map.main(["-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "killed by signal 9" in err, err
    assert [p.name for p in out.iterdir()] == ["map.html"]
    assert (out / "map.html").read_text() == "the user's earlier map"


def test_memory_is_released_to_the_system_between_steps():
    from geo.memory import release_memory

    assert release_memory() is True  # glibc's malloc_trim was found and called


def test_the_c_library_is_found_without_running_ldconfig(monkeypatch):
    import ctypes.util

    import geo.memory

    def no_ldconfig(name):
        raise AssertionError(f"find_library({name!r}) runs ldconfig in a new process")

    monkeypatch.setattr(ctypes.util, "find_library", no_ldconfig)
    for cached in (geo.memory._malloc_trim, geo.memory._libc_function, getattr(geo.memory, "_libc", None)):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
    assert geo.memory.release_memory() is True
    assert geo.memory._libc_function("prctl") is not None  # what a child asks for (_die_with_parent)
    assert geo.memory._libc_function("no_such_function_in_libc") is None


@pytest.mark.parametrize(("in_process_items", "forked"), [(1_000, False), (1, True)])
def test_a_small_run_makes_its_frames_in_this_process_and_a_larger_one_in_children(
        tmp_path, monkeypatch, in_process_items, forked):
    import geo.memory

    asked, in_child = [], geo.memory.in_child

    def recorded(work, **kwargs):
        asked.append(kwargs.get("fork", True))
        return in_child(work, **kwargs)

    monkeypatch.setattr(geo.memory, "in_child", recorded)
    monkeypatch.setattr(make_map, "IN_PROCESS_ITEMS", in_process_items)
    samples = Path(make_map.__file__).parent / "samples"
    assert make_map.main([str(samples / "it_kosovo_kfor.txt"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert asked == [forked, forked]  # the places frame; the merge and the figures' files


def test_in_child_without_fork_runs_the_work_in_this_process(monkeypatch):
    import geo.memory

    monkeypatch.setattr(geo.memory, "FORK", True)
    assert geo.memory.can_fork()  # Linux, as CI: the forked path is the one the fork=False case must skip
    assert geo.memory.in_child(os.getpid, fork=False) == os.getpid() != geo.memory.in_child(os.getpid)


def test_the_merge_in_a_child_process_writes_the_files_and_answers_as_in_process(tmp_path, monkeypatch):
    import geo.memory
    from layers.stream import write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    documents = [p.document for p in parsed]
    copies = {documents[0].doc_id: ["copy-of-first"]}
    outs = {}
    for fork in (True, False):
        monkeypatch.setattr(geo.memory, "FORK", fork)
        folder = tmp_path / str(fork)
        folder.mkdir()
        outs[fork] = write_frames(parsed, folder, tmp_path, gazetteer=gaz, documents=documents, copies=copies,
                                  formats=["csv"])
    child, here = (tmp_path / "True"), (tmp_path / "False")
    assert sorted(p.name for p in child.iterdir()) == ["events.geojson", "figures.csv", "figures.geojson",
                                                      "places.geojson"]
    for path in here.iterdir():
        assert (child / path.name).read_bytes() == path.read_bytes(), path.name
    assert outs[True].records == outs[False].records and outs[True].n_events == outs[False].n_events > 0
    assert outs[True].events.to_json() == outs[False].events.to_json()


def test_the_places_frame_is_made_in_a_child_from_a_spool_still_in_its_buffer(tmp_path, monkeypatch):
    import os

    import geo.memory
    import layers.frames
    from geo.corpus import DocumentSpool
    from layers.stream import write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    documents = [p.document for p in parsed]
    made_in, places_frame = tmp_path / "pid", layers.frames.places_frame

    def recorded(*args, **kwargs):
        made_in.write_text(str(os.getpid()))
        return places_frame(*args, **kwargs)

    monkeypatch.setattr(layers.frames, "places_frame", recorded)
    outs, sizes = {}, {}
    for fork in (True, False):
        monkeypatch.setattr(geo.memory, "FORK", fork)
        spool = DocumentSpool(tmp_path / f"kept-{fork}.pickle", gaz)
        for p in parsed:
            spool.append(p)  # waits in the file's buffer: a child must not write it a second time
        folder = tmp_path / str(fork)
        folder.mkdir()
        outs[fork] = write_frames(spool, folder, tmp_path, gazetteer=gaz, documents=documents)
        assert (int(made_in.read_text()) != os.getpid()) == fork  # made in a child process
        assert [d.document.doc_id for d in spool] == [p.document.doc_id for p in parsed]
        sizes[fork] = spool.path.stat().st_size
        spool.close()
    assert sizes[True] == sizes[False]  # each record written once
    assert outs[True].places.to_json() == outs[False].places.to_json() == places_frame(parsed, gaz).to_json()
    for path in (tmp_path / "False").iterdir():
        assert (tmp_path / "True" / path.name).read_bytes() == path.read_bytes(), path.name


def test_each_places_documents_become_positions_in_the_store_in_a_child_as_in_process(tmp_path, monkeypatch):
    import os
    from array import array

    import geo.docstore
    import geo.memory
    from geo.corpus import SpooledCorpus
    from layers.frames import places_frame
    from layers.stream import _compact_documents, write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    whole = places_frame(parsed, gaz)
    looked_up_in, positions_of = tmp_path / "pid", geo.docstore.DocumentStore.positions_of

    def recorded(self):
        looked_up_in.write_text(str(os.getpid()))
        return positions_of(self)

    monkeypatch.setattr(geo.docstore.DocumentStore, "positions_of", recorded)
    outs = {}
    for fork in (True, False):
        monkeypatch.setattr(geo.memory, "FORK", fork)
        (tmp_path / f"spool-{fork}").mkdir()
        sink = SpooledCorpus(tmp_path / f"spool-{fork}", gazetteer=gaz)
        for p in parsed:
            sink(p, None)
        folder = tmp_path / str(fork)
        folder.mkdir()
        out = write_frames(sink.kept, folder, tmp_path, gazetteer=gaz, documents=sink.documents, map_lang="en")
        assert (int(looked_up_in.read_text()) != os.getpid()) == fork  # looked up in a child process
        stored = list(out.places["documents"])
        assert all(isinstance(ids, geo.docstore.StoredIds) for ids in stored)
        assert [list(ids) for ids in stored] == [list(ids) for ids in whole["documents"]]
        assert [ids[:1] for ids in stored] == [list(ids[:1]) for ids in whole["documents"]]
        index_of = sink.documents.index_of
        assert [list(ids.positions) for ids in stored] == [[index_of[d] for d in ids] for ids in whole["documents"]]
        outs[fork] = [ids.positions for ids in stored]
        # the map reads a place's documents by those positions and keeps their array, not a copy of it
        from layers.map import _read_documents

        assert all(_read_documents(ids, sink.documents.by_id, index_of)[0] is ids.positions for ids in stored)
        # a place with an id the store lacks keeps its list of ids
        frame = whole.copy()
        frame["documents"] = [[*frame["documents"].iloc[0], "not-in-the-store"], *frame["documents"].iloc[1:]]
        _compact_documents(frame, sink.documents)
        assert frame["documents"].iloc[0] == [*whole["documents"].iloc[0], "not-in-the-store"]
        assert all(isinstance(ids, array) for ids in frame["documents"].iloc[1:])
        sink.texts.close()
        sink.close()
    assert outs[True] == outs[False] and all(isinstance(a, array) and a.itemsize == 4 for a in outs[True])
    for path in (tmp_path / "False").iterdir():
        assert (tmp_path / "True" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_figures_files_are_written_in_the_merges_child_and_its_records_read_back_as_in_process(
        tmp_path, monkeypatch):
    import os

    import geo.memory
    import layers.consolidated
    import layers.export
    import layers.frames
    import layers.stream
    from geo.corpus import SpooledCorpus
    from layers.map import MapFigures, figure_records
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    monkeypatch.setattr(layers.frames, "CHUNK_DOCUMENTS", 2)  # several chunks' records through the file
    written_in, write = tmp_path / "pid", layers.export.GeoJSONWriter.write_rows  # every feature goes through it

    def recorded(self, *args, **kwargs):
        if Path(self._fh.name).name == "figures.geojson":
            written_in.write_text(str(os.getpid()))
        return write(self, *args, **kwargs)

    monkeypatch.setattr(layers.export.GeoJSONWriter, "write_rows", recorded)
    figures = layers.frames.figures_frame(parsed, gaz)
    copies = {parsed[0].document.doc_id: ["copy-1"]}  # a kept document with a near-duplicate copy
    expected = figure_records(layers.consolidated.events_frame(figures, gaz, copies=copies)[1])
    outs = {}
    for fork in (True, False):
        monkeypatch.setattr(geo.memory, "FORK", fork)
        spool = tmp_path / f"spool-{fork}"
        spool.mkdir()
        sink = SpooledCorpus(spool, gazetteer=gaz)
        for p in parsed:
            sink(p, None)
        for lang in (None, "en"):
            folder = tmp_path / f"{fork}-{lang}"
            folder.mkdir()
            out = layers.stream.write_frames(sink.kept, folder, spool, gazetteer=gaz, documents=sink.documents,
                                             copies=copies, map_lang=lang, formats=["csv"])
            assert (int(written_in.read_text()) != os.getpid()) == fork  # the figures' files: in the child
            assert not (spool / layers.stream.RECORDS_NAME).exists()  # the records' file is gone
            if lang is None:
                records = out.records
            else:
                assert isinstance(out.records, MapFigures) and not out.records.aggregating
                records = out.records.records
                out.records.close()
            # the records sent back through the file: those of the whole frame with its events and copies
            assert [dict(r) for r in records] == [dict(r) for r in expected]
            outs[fork, lang] = records, {path.name: path.read_bytes() for path in folder.iterdir()}
        sink.texts.close()
        sink.close()
    for lang in (None, "en"):
        assert outs[True, lang] == outs[False, lang]
    assert outs[True, None][1] == outs[True, "en"][1]


def test_the_figures_chunks_are_made_once_for_the_merge_and_every_file(tmp_path, monkeypatch):
    """The merge, figures.csv, figures.geojson, the gpkg and the map's records all read one pass of chunks
    (the second pass made every chunk's frame again); the scratch file of their values is gone after."""
    import geo.memory
    import layers.frames
    import layers.stream
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    monkeypatch.setattr(geo.memory, "FORK", False)  # the calls are counted in this process
    monkeypatch.setattr(layers.frames, "CHUNK_DOCUMENTS", 2)
    made, chunks = [], layers.frames.figure_chunks

    def counted(*args, **kwargs):
        made.append(1)
        return chunks(*args, **kwargs)

    monkeypatch.setattr(layers.frames, "figure_chunks", counted)
    out = layers.stream.write_frames(parsed, tmp_path, tmp_path, gazetteer=gaz,
                                     documents=[p.document for p in parsed], formats=["csv", "gpkg"])
    assert len(made) == 1
    assert len(out.records) == sum(len(p.figures) for p in parsed) > 0
    assert {"figures.geojson", "figures.csv", "atlante.gpkg", "events.geojson"} <= {f.name for f in tmp_path.iterdir()}
    assert not (tmp_path / layers.stream.CHUNKS_NAME).exists()


def test_this_process_gets_the_places_documents_as_positions_never_as_lists_of_ids(tmp_path, monkeypatch):
    from array import array

    import geo.memory
    from geo.corpus import SpooledCorpus
    from layers.frames import places_frame
    from layers.stream import write_frames
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)
    answers, in_child = {}, geo.memory.in_child

    def recorded(work, *, name="a step", scratch=None, fork=True):
        answer = in_child(work, name=name, scratch=scratch, fork=fork)
        if name == "the places frame":
            answers[name] = list(answer["documents"])  # as it came back (made StoredIds here afterwards)
        return answer

    monkeypatch.setattr(geo.memory, "in_child", recorded)
    sink = SpooledCorpus(tmp_path, gazetteer=gaz)
    for p in parsed:
        sink(p, None)
    out = write_frames(sink.kept, tmp_path, tmp_path, gazetteer=gaz, documents=sink.documents, map_lang="en",
                       formats=["gpkg"])
    sent = answers["the places frame"]  # what came back from the child
    assert len(sent) > 0 and all(isinstance(ids, array) for ids in sent)
    whole = places_frame(parsed, gaz)
    assert [list(ids) for ids in out.places["documents"]] == [list(ids) for ids in whole["documents"]]
    # the files write the lists of ids (places.geojson in the places' child, the gpkg read back from the store)
    places = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["documents"] for f in places] == [list(ids) for ids in whole["documents"]]
    import geopandas as gpd

    layer = gpd.read_file(tmp_path / "atlante.gpkg", layer="places", engine="pyogrio")
    assert [json.loads(v) for v in layer["documents"]] == [list(ids) for ids in whole["documents"]]
    out.records.close()
    sink.texts.close()
    sink.close()


@pytest.mark.parametrize("broken", ["figures.geojson", "layers.map.records_of"])
def test_a_failed_step_leaves_no_records_file(tmp_path, monkeypatch, broken):
    """The child dies after the records file holds a chunk (the figures' writer fails on its second chunk),
    or the reading back fails here: either way the records file goes."""
    import layers.export
    import layers.frames
    import layers.stream
    from layers.synthetic import demo_documents, demo_gazetteer

    gaz = demo_gazetteer()
    parsed = demo_documents(gaz)

    def fails(*args, **kwargs):
        raise OSError("disk full")

    if broken == "figures.geojson":
        monkeypatch.setattr(layers.frames, "CHUNK_DOCUMENTS", 2)
        write, calls = layers.export.GeoJSONWriter.write_rows, []  # every feature goes through it

        def second_chunk_fails(self, *args, **kwargs):
            if self._fh.name.endswith("figures.geojson"):
                calls.append(1)
                if len(calls) == 2:
                    fails()
            return write(self, *args, **kwargs)

        monkeypatch.setattr(layers.export.GeoJSONWriter, "write_rows", second_chunk_fails)
    else:
        monkeypatch.setattr(broken, fails)
    with pytest.raises(OSError, match="disk full"):
        layers.stream.write_frames(parsed, tmp_path, tmp_path, gazetteer=gaz, documents=[p.document for p in parsed])
    assert not (tmp_path / layers.stream.RECORDS_NAME).exists()
    assert not (tmp_path / layers.stream.CHUNKS_NAME).exists()


def _documents_alive() -> int:
    import gc

    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Document)


def test_the_document_store_gives_the_records_back_by_position_and_id_and_holds_none(tmp_path):
    import datetime as dt

    from geo.docstore import DocumentStore

    docs = [Document(f"d{i % 700}", "", dt.date(2026, 2, 1 + i % 28), "en", f"Title {i}" if i % 3 else None,
                     f"https://example.org/{i}" if i % 5 else None, "Wire" if i % 7 == 0 else None) for i in range(900)]
    before = _documents_alive()
    store = DocumentStore(tmp_path / "docs.sqlite")
    for d in docs:
        store.append(d)
    del d
    alive = _documents_alive() - before
    assert alive == 0  # the records wait on disk, none held (was one object per document in a list)
    assert len(store) == 900 and list(store) == docs and store[-1] == docs[-1] and store[5:8] == docs[5:8]
    assert dict(store.by_id) == {d.doc_id: d for d in docs}  # an id given twice: the last, as a dict made in order
    assert dict(store.index_of) == {d.doc_id: i for i, d in enumerate(docs)}
    assert store.positions_of() == dict(store.index_of)  # an id given twice: its last position, as index_of
    assert store.by_id.get("missing") is None and "missing" not in store.index_of and "d3" in store.by_id
    # by position, in the order asked, across batches of the file's queries and with repeats
    assert store.records_at([5, 899, 5, *range(600)]) == [docs[5], docs[899], docs[5], *docs[:600]]
    with pytest.raises(IndexError):
        store[900]
    old, again = store.by_id["d3"], Document("d3", "", None, "fr", "Title again")  # cached, then given again
    assert old != again and store.lookup_many(["d3"]) == [(703, old)]
    store.append(again)
    assert len(store._pending) == 1  # waiting to be written: the first read writes it
    owner, store._owner = store._owner, -2  # as in a forked child: the pending record is read where it waits
    assert store.records_at([900, 3]) == [again, docs[3]] and len(store._pending) == 1
    store._owner = owner
    for _ in range(2):  # the last wins: read through the file, then from the cache
        assert store.by_id["d3"] == again and store.index_of["d3"] == 900 and store[900] == again
        assert store.lookup_many(["d3", "d4"]) == [(900, again), (704, docs[704])] and not store._pending
    store.close()
    assert not (tmp_path / "docs.sqlite").exists()


def test_the_store_by_id_counts_and_answers_bool_without_reading_a_record(tmp_path, monkeypatch):
    import geo.docstore
    from geo.docstore import WRITE_BATCH, DocumentStore

    store = DocumentStore(tmp_path / "docs.sqlite")
    assert not store.by_id and len(store.by_id) == 0
    n = WRITE_BATCH + 300  # some written to the file, some pending, ids given twice across both
    for i in range(n):
        store.append(Document(f"k{i % (WRITE_BATCH + 100)}", "", None, "de", f"T{i}"))

    def no_loading(*args, **kwargs):
        raise AssertionError("a record was unpickled to count ids")

    monkeypatch.setattr(geo.docstore.pickle, "loads", no_loading)
    assert store.by_id and len(store.by_id) == WRITE_BATCH + 100 and len(store.index_of) == WRITE_BATCH + 100
    monkeypatch.undo()
    assert len(store.by_id) == len(dict(store.by_id))
    store.close()


def test_a_forked_child_reads_the_document_store_with_its_own_connection(tmp_path):
    import os

    import geo.memory
    from geo.docstore import DocumentStore

    store = DocumentStore(tmp_path / "docs.sqlite")
    for i in range(40):
        store.append(Document(f"x{i}", "", None, "it", f"T{i}"))
    assert store.by_id["x1"].title == "T1"  # this process's connection is open when the child forks
    for i in range(40, 50):  # and these wait to be written: the child reads them, the parent writes them once
        store.append(Document(f"x{i}", "", None, "it", f"T{i}"))
    store.append(Document("x3", "", None, "it", "T3 again"))  # pending in the child: counted once
    parent_db = store._db
    answer = geo.memory.in_child(lambda: (store.by_id["x42"].title, store.index_of["x7"], store[45].title,
                                          [d.doc_id for d in store], len(store.by_id), store.by_id["x3"].title,
                                          store._pid == os.getpid() and store._db is not parent_db
                                          and parent_db in store._inherited),
                                 name="reading the store", scratch=tmp_path)
    assert answer == ("T42", 7, "T45", [f"x{i}" for i in range(50)] + ["x3"], 50, "T3 again", True)
    assert store._db is parent_db and not store._inherited  # the parent's own connection, untouched
    assert store[49].title == "T49" and [d.doc_id for d in store] == [f"x{i}" for i in range(50)] + ["x3"]
    store.close()


def test_the_run_keeps_its_texts_positions_on_disk_and_reads_texts_and_slices_back(tmp_path):
    from geo.corpus import SpooledCorpus
    from geo.docstore import DiskIndex
    from geo.model import ParsedDocument

    (tmp_path / "spool").mkdir()
    sink = SpooledCorpus(tmp_path / "spool")
    long_text = "".join(f"Riga {i}, Tartu {i * 7}. " for i in range(2500))  # several strides of the spool
    texts = {f"t{i}": (long_text if i == 3 else f"Vilnius è a {i} km. Ÿ") for i in range(3000)}
    for doc_id, text in texts.items():
        sink(ParsedDocument(Document(doc_id, text), "it", None, [], []), None)
    # a document's positions wait in a file beside the texts, not in a dict of every document
    assert isinstance(sink.texts._where, DiskIndex) and not isinstance(sink.texts._where, dict)
    assert all(sink.texts.get(k) == v and sink.texts.length(k) == len(v) for k, v in texts.items())
    assert sink.texts.slice("t3", 9000, 9100) == long_text[9000:9100] and "t2999" in sink.texts
    assert sink.texts.get("nothing") is None and "nothing" not in sink.texts
    index = DiskIndex(tmp_path / "index.sqlite")
    index["a"], index["b"] = (1, 2), [3]
    assert index.get("a") == (1, 2) and "b" in index  # read (and cached), then set again
    index._flush()  # written to the file
    index["a"] = (5, 6)
    # a read does not write what waits: the pending value is found where it waits, and replaces the file's
    assert len(index._pending) == 1 and index.get("a") == (5, 6) and len(index._pending) == 1
    assert index.get("a") == (5, 6) and index.get("b") == [3]
    index.close()
    assert not (tmp_path / "index.sqlite").exists()
    sink.texts.close()
    sink.close()
    assert not any((tmp_path / "spool").glob("texts.bin*"))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").is_file(),
                    reason="reads the process tree in /proc (Linux with the children file)")
def test_killing_a_run_with_jobs_frees_its_output_folder(corpus_file, tmp_path):
    import contextlib
    import fcntl
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, str(ROOT / "make_map.py"), str(corpus_file), "-o", str(out), "-q",
                             "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the run ended before its workers could be seen"
        proc.kill()
        proc.wait(timeout=10)
        fd = os.open(out, os.O_RDONLY)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    assert time.monotonic() < deadline, "the killed run's workers still lock OUTDIR"
                    time.sleep(0.1)
        finally:
            os.close(fd)
    finally:
        for pid in workers:  # the workers of a killed run, should they outlive it
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_corpus_docstring_says_how_many_documents_a_run_sets_aside_as_copies():
    import benchmarks.corpus
    from geo.duplicates import DuplicateFinder, signature

    finder = DuplicateFinder()
    copies = sum(finder.add(signature(d["text"])) is not None for d in sample_like_documents(2000))
    assert f"{copies:,} of 2,000" in " ".join(benchmarks.corpus.__doc__.split())


def test_jobs_run_where_new_processes_come_from_a_forkserver(corpus_file, tmp_path):
    """Python 3.14 starts processes from a forkserver by default: the workers are still the run's own
    (forked from it), so none takes the run for dead and exits; the bytes are the serial run's."""
    script = (
        "import multiprocessing, sys\n"
        "multiprocessing.set_start_method('forkserver', force=True)\n"
        "import make_map\n"
        f"sys.exit(make_map.main([{str(corpus_file)!r}, '-o', {str(tmp_path / 'out')!r}, '-q', '--jobs', '2']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
                          cwd=Path(make_map.__file__).parent)
    assert proc.returncode == 0, proc.stderr[-2000:]
    serial = tmp_path / "serial"
    assert make_map.main([str(corpus_file), "-o", str(serial), "-q", "--jobs", "1"]) == 0
    assert (tmp_path / "out" / "figures.geojson").read_bytes() == (serial / "figures.geojson").read_bytes()


def test_the_progress_bar_counts_every_step_of_a_run(tmp_path, monkeypatch):
    """make_map's bar of the steps after parsing ends at its total: one update per step the run takes."""
    seen = []
    original = make_map._Steps.__call__

    def counted(self, name, work):
        seen.append((name, self._bar.total))
        return original(self, name, work)

    monkeypatch.setattr(make_map._Steps, "__call__", counted)
    samples = Path(make_map.__file__).parent / "samples"
    assert make_map.main([str(samples), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert [name for name, _ in seen] == [*STEPS_OF_A_RUN] and {total for _, total in seen} == {len(seen)}


STEPS_OF_A_RUN = ("places", "events and files", "map records", "map")


def test_the_steps_bar_is_a_progress_bar_with_tqdms_own_interval_and_width(monkeypatch):
    """make_map's bar of the steps is made by geo.progress.bar (its delay, stream and leave), with the caller's
    ``mininterval`` and ``dynamic_ncols`` replacing the bar's: a line per step in a log, at a fixed width; a bar
    that names neither keeps geo.progress's (a line every few seconds in a log, a width that follows the terminal)."""
    import geo.progress
    from geo.progress import PROGRESS_DELAY, bar
    from layers.stream import STEPS

    made = []
    monkeypatch.setattr(geo.progress, "bar", lambda *a, **k: made.append(bar(*a, **k)) or made[-1])
    steps = make_map._Steps(quiet=False)
    try:
        assert made == [steps._bar]
        b = steps._bar
        assert (b.mininterval, b.dynamic_ncols, b.delay, b.total) == (0.1, False, PROGRESS_DELAY, len(STEPS) + 1)
    finally:
        steps.close()
    with bar("documents", unit="doc", disable=False) as other:  # pytest captures standard error: a log
        assert (other.mininterval, bool(other.dynamic_ncols)) == (5.0, True)


def test_an_error_while_the_child_is_killed_is_raised_at_once(monkeypatch):
    import os
    import signal
    import subprocess
    import threading

    from geo import memory

    sleeper = subprocess.Popen(["sleep", "60"])
    real_kill = os.kill
    calls = []

    def refused(pid, sig):  # an error that would come back on every attempt (not an interruption)
        calls.append(pid)
        if len(calls) > 100:  # a regression that tries again and again: the kill goes through, so that it ends
            return real_kill(pid, sig)
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(memory.os, "kill", refused)
    # a regression that swallows the error and waits for the child it did not kill ends in 5 s
    watchdog = threading.Timer(5, real_kill, (sleeper.pid, signal.SIGKILL))
    watchdog.start()
    try:
        try:
            memory._kill(sleeper.pid)
        except PermissionError:
            pass
        else:
            pytest.fail(f"the refused kill was not raised (tried {len(calls)} times"
                        f"{', the wait ended by the watchdog' if not watchdog.is_alive() else ''})")
    finally:
        watchdog.cancel()
        monkeypatch.undo()
        sleeper.kill()
        sleeper.wait()
    assert calls == [sleeper.pid], f"the refused kill was tried {len(calls)} times, not once"


def test_an_interruption_before_the_kill_makes_the_kill_again(monkeypatch):
    import os
    import subprocess

    from geo import memory

    sleeper = subprocess.Popen(["sleep", "10"])  # (were the kill not made again, the wait would last 10 s)
    real_kill = os.kill
    calls = []

    def interrupted_first(pid, sig):  # a Ctrl-C another thread received lands before the first kill is sent
        calls.append(pid)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real_kill(pid, sig)

    monkeypatch.setattr(memory.os, "kill", interrupted_first)
    try:
        with pytest.raises(KeyboardInterrupt):  # raised once the child is gone ...
            memory._kill(sleeper.pid)
    finally:
        monkeypatch.undo()
    assert calls == [sleeper.pid, sleeper.pid]  # ... after the kill was made again
    with pytest.raises(ChildProcessError):  # and reaped
        os.waitpid(sleeper.pid, os.WNOHANG)
    sleeper.returncode = -9
