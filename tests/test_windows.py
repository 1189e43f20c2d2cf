"""One long document read window by window (geo/windows.py, called by geo/pipeline.parse_document)."""

from __future__ import annotations

import gc
import json
import os
import threading
from pathlib import Path

import pytest

from geo import windows
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.parallel import spooled
from geo.pipeline import parse_document
from geo.sentences import split_sentences
from geo.windows import window_spans

#: Paragraphs that each name their own country: nothing in one depends on another.
PARAGRAPHS = (
    "About 350 soldiers reached Vilnius on Tuesday, the Lithuanian defence ministry said.",
    "Artillery struck Kharkiv overnight and 14 civilians were killed, regional officials in Ukraine said.",
    "Rebels ambushed a supply column near Gao in northern Mali; four peacekeepers were wounded.",
    "Canada plans to station up to 2,200 troops in Latvia by the end of next year.",
    "Police in Nairobi, Kenya, reported 9 arrests after the protest on Friday.",
    "Around 600 marines landed in Darwin, Australia, for a training exercise.",
    "Two drones hit a fuel depot outside Odesa on Sunday, the Ukrainian navy said.",
    "The German army moved 45 tanks to a base near Rukla in central Lithuania.",
    "After floods near Mopti, 30 soldiers were deployed to Timbuktu in Mali to evacuate villages.",
)

#: A paragraph that names no place (its window has no mention).
NO_PLACE = ("Nobody answered questions after the briefing, and the spokesman promised that a longer written "
            "account of what had happened during the night would be published once every report was checked.")


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def long_text() -> str:
    return "\n\n".join(PARAGRAPHS)


def sentence_starts(text: str) -> set[int]:
    return {start for start, _ in split_sentences(text)}


def test_windows_cover_the_text_in_order_and_start_with_a_paragraph():
    text = long_text()
    spans = list(window_spans(text, 250))
    assert len(spans) > 3
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(end - start <= 250 for start, end in spans)
    for start, _ in spans[1:]:
        assert text[start - 2 : start] == "\n\n"  # the cut is at a paragraph boundary


def test_a_paragraph_longer_than_the_limit_is_cut_between_sentences():
    text = " ".join(PARAGRAPHS)  # one paragraph of six sentences
    spans = list(window_spans(text, 200))
    assert len(spans) > 2
    starts = sentence_starts(text)
    for start, _end in spans[1:]:
        assert start in starts, text[start - 20 : start + 20]
    assert "".join(text[a:b] for a, b in spans) == text


def test_a_sentence_longer_than_the_limit_stays_whole():
    long_sentence = "Convoys moved from Riga towards Daugavpils" + ", then onwards" * 30 + "."
    text = f"{PARAGRAPHS[0]} {long_sentence} {PARAGRAPHS[1]}"
    spans = list(window_spans(text, 120))
    cuts = [start for start, _ in spans[1:]]
    starts = sentence_starts(text)
    assert cuts and all(c in starts for c in cuts)
    assert any(text[a:b].strip().startswith("Convoys") and text[a:b].rstrip().endswith("onwards.")
               for a, b in spans)


def test_cutting_windows_keeps_no_slice_in_the_splitters_caches():
    """The slices read to find a sentence boundary are split once, not kept beside the windows' own texts."""
    from geo import sentences

    caches = (sentences._split, sentences._judged, sentences._breaks)
    text = " ".join(PARAGRAPHS) + "\n" + "\n".join(PARAGRAPHS)
    before = [c.cache_info().misses + c.cache_info().hits for c in caches]
    assert len(list(window_spans(text, 200))) > 3
    assert [c.cache_info().misses + c.cache_info().hits for c in caches] == before


def test_a_windowed_document_leaves_no_window_in_the_text_caches(gaz, monkeypatch):
    """Each window's tokens, sentences and line breaks are cached while it is read, then let go: the caches do
    not grow with the document (32 windows' tokens would hold some 200 MB)."""
    from geo import numbers, sentences

    caches = (numbers._tokens, sentences._split, sentences._judged, sentences._breaks)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    seen = []
    original = windows.forget_window

    def forget():
        seen.append(numbers._tokens.cache_info().currsize)  # the window's tokens were cached, and are let go
        original()

    monkeypatch.setattr(windows, "forget_window", forget)
    parsed = parse_document(Document("long", long_text()), lang="en", gazetteer=gaz)
    assert len(seen) > 4 and min(seen) >= 1 and parsed.figures
    assert [c.cache_info().currsize for c in caches] == [0, 0, 0, 0]


def test_a_short_text_is_one_window():
    assert list(window_spans("Troops arrived in Tallinn.", 100)) == [(0, 26)]
    assert list(window_spans("", 100)) == [(0, 0)]


def test_a_windowed_document_reads_as_the_whole(gaz, monkeypatch):
    text = long_text()
    doc = Document("long", text)
    whole = parse_document(doc, lang="en", gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    calls = []
    original = windows._shifted

    def count(parsed, offset, before, doc_id):
        calls.append(offset)
        return original(parsed, offset, before, doc_id)

    monkeypatch.setattr(windows, "_shifted", count)
    split = parse_document(doc, lang="en", gazetteer=gaz)
    assert len(calls) > 4  # it was read in windows

    def places(parsed):
        return [(m.start, m.end, m.surface, m.entity.id if m.entity else None, m.role) for m in parsed.mentions]

    assert places(split) == places(whole)
    assert {"Vilnius", "Kharkiv", "Gao", "Latvia", "Nairobi", "Darwin"} <= {m.surface for m in split.mentions}
    for m in split.mentions:
        assert text[m.start : m.end] == m.surface
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert not hasattr(m, "features")  # the role features go with their window

    def figures(parsed):
        return [(f.kind, f.value, f.start, f.end, f.quote_start, f.quote, f.place_ids, f.figure_id)
                for f in parsed.figures]

    assert figures(split) == figures(whole)
    assert {350, 14, 2200, 600} <= {f.value for f in split.figures}
    for f in split.figures:
        assert text[f.quote_start : f.quote_start + len(f.quote)] == f.quote
        assert f.start >= f.quote_start
    assert [f.figure_id for f in split.figures] == [f"long:f{n}" for n in range(1, len(split.figures) + 1)]
    assert [(fr.start, fr.end, fr.figure_ids) for fr in split.frames] == \
        [(fr.start, fr.end, fr.figure_ids) for fr in whole.frames]
    assert split.document is doc and split.lang == whole.lang == "en"


def test_windows_after_the_first_keep_the_documents_date_and_read_no_dateline(gaz, monkeypatch):
    head = "KAUNAS, 3 March 2025 - " + PARAGRAPHS[0]
    # (another number: the same figure again would be a repeat, dropped as an unsplit run drops it)
    text = "\n\n".join([head, *PARAGRAPHS[1:], "RIGA, " + PARAGRAPHS[3].replace("2,200", "1,900")])
    whole = parse_document(Document("d", text, lang="en"), gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    parsed = parse_document(Document("d", text, lang="en"), gazetteer=gaz)
    assert parsed.date is not None and (parsed.date.month, parsed.date.day) == (3, 3)
    # the dateline is the first window's only: the later windows' places read as in the whole run
    assert [(m.surface, m.role) for m in parsed.mentions] == [(m.surface, m.role) for m in whole.mentions]
    # every window dates its figures by the document's date ("on Sunday": the Sunday before it)
    assert all(f.date is not None and f.date <= parsed.date.isoformat() for f in parsed.figures)
    assert parsed.figures[-1].value == 1900 and parsed.figures[-1].date == parsed.date.isoformat()


#: One long Italian paragraph, its sentences each with a figure.
ITALIAN = " ".join([
    "Roma, 12 aprile 2026 - Circa 300 alpini sono partiti ieri da Bolzano verso la Lettonia.",
    "Secondo il ministero della Difesa, altri 120 militari raggiungeranno Riga entro maggio.",
    "Nella notte un attacco con droni ha colpito Kherson e 6 civili sono rimasti feriti.",
    "Le autorità di Mogadiscio hanno riferito che 5 agenti sono stati uccisi in un agguato.",
] * 2)


def test_windows_never_leave_a_short_heading_alone_nor_a_window_of_white_space():
    text = "Sahel: missione\n\n" + ITALIAN
    spans = list(window_spans(text, 200))
    assert all(end - start >= 100 for start, end in spans[:-1]), spans  # the heading goes with sentences
    assert spans[1][0] in sentence_starts(text)
    spaced = " " * 300 + "\n\n" + ITALIAN
    spans = list(window_spans(spaced, 200))
    assert spans[0][0] == 0 and spans[-1][1] == len(spaced)
    assert all(spaced[a:b].strip() for a, b in spans), spans


def test_a_heading_then_a_long_paragraph_reads_in_the_documents_language(gaz, monkeypatch):
    text = "Sahel: missione\n\n" + ITALIAN
    doc = Document("it", text)
    whole = parse_document(doc, gazetteer=gaz)
    assert whole.lang == "it" and whole.figures
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    monkeypatch.setattr(windows, "window_spans", lambda t, limit, **kw: iter([(0, 17), (17, len(t))]))
    split = parse_document(doc, gazetteer=gaz)  # even with the heading alone in the first window
    assert split.lang == "it"
    assert [(f.kind, f.value, f.start) for f in split.figures] == [(f.kind, f.value, f.start) for f in whole.figures]
    assert split.date == whole.date is not None


def test_a_figure_repeated_in_two_windows_counts_once(gaz, monkeypatch):
    repeat = "Officials in Nairobi, Kenya, said 250 soldiers were deployed to Garissa on Monday."
    text = "\n\n".join([repeat, *PARAGRAPHS[:3], repeat, *PARAGRAPHS[3:5]])
    doc = Document("rep", text, lang="en")
    whole = parse_document(doc, gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    split = parse_document(doc, gazetteer=gaz)
    assert [f.value for f in whole.figures].count(250) == 1
    assert [(f.kind, f.value, f.start, f.figure_id) for f in split.figures] == \
        [(f.kind, f.value, f.start, f.figure_id) for f in whole.figures]
    ids = {f.figure_id for f in split.figures}
    assert all(set(fr.figure_ids) <= ids for fr in split.frames)



def test_a_short_last_window_of_a_wrapped_document_reads_its_lines_as_the_document(gaz, monkeypatch):
    """Whether the text is hard-wrapped is judged once, from the document's start: a last window of two lines
    alone looks like a paragraph per line and would keep its break, cutting the drones from a place."""
    import textwrap

    tail = "Officials said 40 drones were fired at Kharkiv and\nSumy overnight."
    text = "\n\n".join([textwrap.fill(p, 50) for p in PARAGRAPHS] + [tail])
    doc = Document("wrap", text, lang="en")
    whole = parse_document(doc, gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)
    assert text[list(window_spans(text, 300))[-1][0]:].strip() == tail  # the tail is a window of its own
    split = parse_document(doc, gazetteer=gaz)

    def last(parsed):
        f = parsed.figures[-1]
        return f.kind, f.value, f.start, f.place_ids

    assert last(split) == last(whole) and last(whole)[:2] == ("equipment", 40) and len(last(whole)[3]) == 2



#: A small count (below figures._SURE_REPEAT) told in one window, again at the same place in a later one, and
#: at another place in a third; then a count told first with no place and again with one.
WOUNDED_GAO = "Three soldiers were wounded in Gao, in northern Mali, when their patrol struck a mine on Monday."
WOUNDED_GAO_AGAIN = "Officials in Bamako later said that three soldiers were wounded in Gao on Monday."
WOUNDED_MOPTI = "Three soldiers were wounded in Mopti, in central Mali, the army said on Tuesday."
WOUNDED_NOWHERE = "Three soldiers were wounded when their patrol struck a mine on Monday, the army said."
WOUNDED_TIMBUKTU = "Officials later said that three soldiers were wounded in Timbuktu on Monday."


def _whole_and_windowed(gaz, monkeypatch, paragraphs):
    text = "\n\n".join(paragraphs)
    doc = Document("rep", text, lang="en")
    whole = parse_document(doc, gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    split = parse_document(doc, gazetteer=gaz)
    starts = [start for start, _ in window_spans(text, 200)]
    return text, whole, split, lambda offset: sum(s <= offset for s in starts)  # the window holding offset


def test_a_small_count_repeated_in_a_later_window_is_dropped_at_the_same_place_and_kept_at_another(gaz,
                                                                                                   monkeypatch):
    text, whole, split, window = _whole_and_windowed(
        gaz, monkeypatch, [WOUNDED_GAO, PARAGRAPHS[0], PARAGRAPHS[3], WOUNDED_GAO_AGAIN, PARAGRAPHS[5], WOUNDED_MOPTI])
    again, mopti = text.index(WOUNDED_GAO_AGAIN), text.index(WOUNDED_MOPTI)
    assert window(0) < window(again) < window(mopti)  # each told in a window of its own

    def told(parsed):
        return [(f.kind, f.value, f.start, f.figure_id) for f in parsed.figures]

    assert [(f.value, f.start) for f in split.figures if f.kind == "wounded"] == [(3, 0), (3, mopti)]
    assert told(split) == told(whole)
    assert split.figures[0].place_ids == ["geonames:2457163"]  # Gao's, which both copies name


def test_a_count_with_no_place_takes_the_places_of_its_copy_in_a_later_window(gaz, monkeypatch):
    text, whole, split, window = _whole_and_windowed(
        gaz, monkeypatch, [WOUNDED_NOWHERE, PARAGRAPHS[0], PARAGRAPHS[3], WOUNDED_TIMBUKTU])
    assert window(0) < window(text.index(WOUNDED_TIMBUKTU))
    assert [(f.kind, f.value, f.start) for f in split.figures if f.value == 3] == [("wounded", 3, 0)]
    assert split.figures[0].place_ids == whole.figures[0].place_ids == ["geonames:2449067"]  # Timbuktu
    assert split.figures[0].places == whole.figures[0].places



def test_another_count_in_the_same_window_is_no_repeat_across_windows(gaz, monkeypatch):
    """"Another soldier" adds to the one before, as the window's own reading decided: only figures of an
    earlier window are compared when the windows are joined."""
    another = "A soldier was killed in Gao on Monday when a mine hit his patrol. Another soldier was killed in Gao."
    text, whole, split, window = _whole_and_windowed(gaz, monkeypatch, [PARAGRAPHS[0], another, PARAGRAPHS[3]])
    killed = [f.start for f in split.figures if f.kind == "killed"]
    assert len(killed) == 2 and window(killed[0]) == window(killed[1])
    assert [(f.kind, f.value, f.start, f.figure_id) for f in split.figures] == \
        [(f.kind, f.value, f.start, f.figure_id) for f in whole.figures]


def test_the_fit_refuses_a_training_article_longer_than_a_window(tmp_path, monkeypatch, capsys):
    import json

    from geo.data import fit_weights

    (tmp_path / "a.txt").write_text(" ".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"id": "a", "text_file": "a.txt", "places": [], "figures": []}),
                                          encoding="utf-8")
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    assert fit_weights.main(["--data", str(tmp_path), "--out", str(tmp_path / "w.yaml")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "longer than 200 characters" in err[0]
    assert not (tmp_path / "w.yaml").exists()


def test_each_windows_rows_leave_memory_as_the_window_finishes(gaz, monkeypatch):
    """A window's mentions and event frames go to disk when it is read (geo.windows.WindowSpool): when the next
    window starts, no row of an earlier one is alive, however many windows came before."""

    from geo.events import Frame
    from geo.parallel import MentionRow

    doc_id = "held-rows"
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    alive: list[tuple[int, int]] = []  # at each window's start: the rows and frames of the document in memory
    original = windows.parse_windows

    def counting(doc, parse_window, **options):
        def parse(window, first):
            rows = sum(isinstance(o, MentionRow) and o.doc_id == doc_id for o in gc.get_objects())
            frames = sum(isinstance(o, Frame) and o.doc_id == doc_id for o in gc.get_objects())
            alive.append((rows, frames))
            return parse_window(window, first)
        return original(doc, parse, **options)

    monkeypatch.setattr(windows, "parse_windows", counting)
    parsed = parse_document(Document(doc_id, long_text()), lang="en", gazetteer=gaz)
    assert len(alive) > 4 and len(parsed.mentions) > len(alive) and len(parsed.frames) > 2  # rows to keep
    assert alive == [(0, 0)] * len(alive)
    assert parsed.mentions.windows == len(alive)
    # read back a window at a time, in text order, one object per place
    rows = list(parsed.mentions)
    assert [m.start for m in rows] == sorted(m.start for m in rows)
    by_id = {}
    assert all(by_id.setdefault(m.entity.id, m.entity) is m.entity for m in rows if m.entity is not None)
    assert len(parsed.mentions) == len(rows) and sum(map(len, parsed.mentions.parts())) == len(rows)


def test_a_windowed_document_is_written_as_its_joined_rows_would_be(gaz, monkeypatch, tmp_path):
    """Written a window at a time (mentions.jsonl, the document spool the frames read), a long document gives
    the same lines and frames as its rows joined in memory; sent to another process (pickled) its rows are a
    list."""
    import dataclasses
    import pickle

    from geo.parallel import MentionRow

    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    text = "\n\n".join([*PARAGRAPHS[:4], NO_PLACE, *PARAGRAPHS[4:], PARAGRAPHS[0].replace("350", "420")])
    split = parse_document(Document("joined", text, lang="en"), gazetteer=gaz)
    assert split.mentions.windows > 4
    assert any(not part for part in split.mentions.parts())  # a window without a place: nothing to write
    joined = dataclasses.replace(split, mentions=list(split.mentions), frames=list(split.frames))
    sent = pickle.loads(pickle.dumps(split))
    assert type(sent.mentions) is list and sent.mentions == joined.mentions and sent.frames == joined.frames

    def look(sink) -> None:  # the records listed (as the figures frame lists a chunk's) hold no mention row
        def rows() -> int:
            return sum(isinstance(o, MentionRow) for o in gc.get_objects())

        before = rows()
        records = list(sink.kept)
        assert len(records) == split.mentions.windows + 1 and len(sink.kept) == 1
        assert rows() == before
        assert sum(len(list(r.mentions)) for r in records) == len(joined.mentions)

    line, places, figures, _, n_mentions, n_figures = written(gaz, tmp_path, "spooled", split, look=look)
    expected = written(gaz, tmp_path, "joined", joined)
    assert line == expected[0] and line.count(b"\n") == 1
    assert len(json.loads(line)["toponyms"]) == len(joined.mentions)
    assert places == expected[1] and len(json.loads(places)["features"]) > 5
    assert figures == expected[2] and len(json.loads(figures)["features"]) == n_figures > 3
    assert n_mentions == len(joined.mentions)


def written(gaz, folder, name: str, parsed, prepared=None, *, first=(), copy=None, look=None) -> tuple:
    """What a run's sink (:class:`geo.corpus.SpooledCorpus`, in ``folder``/``name``) writes of ``parsed``, with the
    worker's ``prepared`` if any: ``mentions.jsonl``'s bytes, the places and figures frames (JSON), the spool's
    records, the mentions and figures counted.  ``first``: (parsed, prepared) pairs sent before it; ``copy``: a
    (parsed, prepared) pair sent after it as its near-duplicate copy (``copy_of``: its id), which counts nothing;
    ``look``: called with the sink before it closes."""
    from geo.corpus import SpooledCorpus
    from layers.frames import figures_frame, places_frame

    (folder / name).mkdir()
    sink = SpooledCorpus(folder / name, mentions=folder / f"{name}.jsonl", gazetteer=gaz)
    for before, ready in first:
        sink(before, None, ready)
    sink(parsed, None, prepared)
    if copy is not None:
        sink(copy[0], parsed.document.doc_id, copy[1])
    places, figures = places_frame(sink.kept, gaz), figures_frame(sink.kept, gaz)
    if look is not None:
        look(sink)
    records = len(list(sink.kept))
    sink.close()
    return ((folder / f"{name}.jsonl").read_bytes(), places.to_json(), figures.to_json(),
            records, sink.n_mentions, sink.n_figures)


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_long_documents_held_keep_no_file_open_and_spool_to_the_runs_folder(gaz, monkeypatch, tmp_path):
    """However many parsed long documents are alive, none holds a file descriptor (their spools open their file
    only to write or read a window); the files are in the run's scratch folder and go with the documents."""
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    parse_document(Document("warm", long_text(), lang="en"), gazetteer=gaz, scratch=tmp_path)
    gc.collect()
    before = _open_files()
    held = [parse_document(Document(f"held{i}", long_text(), lang="en"), gazetteer=gaz, scratch=tmp_path)
            for i in range(12)]
    assert all(spooled(p) and p.mentions.windows > 4 for p in held)
    assert _open_files() == before
    assert [len(list(p.mentions)) for p in held] == [len(held[0].mentions)] * 12  # read back: still none open
    assert _open_files() == before
    assert len(list(tmp_path.iterdir())) == 2 * len(held)  # mentions and frames, each document's
    del held
    gc.collect()
    assert list(tmp_path.iterdir()) == []


def test_a_library_run_without_a_scratch_folder_holds_no_file_per_long_document(gaz, monkeypatch, tmp_path):
    """``read_corpus`` without ``Settings.scratch`` keeps its long documents alive in this process: their spools are
    named files of the system's temporary folder, open only to read or write (an anonymous file each would hold a
    descriptor per document), and go with the documents."""
    import tempfile

    from geo.corpus import read_corpus

    system = tmp_path / "system"
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    read_corpus([Document("warm", long_text(), lang="en")], gazetteer=gaz)  # what a first run opens once
    gc.collect()
    before = _open_files()
    corpus = read_corpus([Document(f"long{i}", long_text(), lang="en") for i in range(6)], gazetteer=gaz)
    assert all(spooled(p) for p in corpus.parsed)
    assert _open_files() == before
    assert len(list(system.iterdir())) == 6  # each document's mentions (its frames go when it is compacted)
    del corpus
    gc.collect()
    assert list(system.iterdir()) == []


def test_a_spool_without_the_runs_folder_leaves_no_named_file(gaz, monkeypatch, tmp_path):
    """Without a scratch folder (a remote worker, a library call), a long document's spools are anonymous files of
    the system's temporary folder: no name there while they live, which a killed process would leave behind; they
    read back what was written and go with the spool."""
    import tempfile

    from geo.windows import WindowSpool

    system = tmp_path / "system"
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    assert tempfile.gettempdir() == str(system)
    gc.collect()
    before = _open_files()
    parsed = parse_document(Document("alone", long_text(), lang="en"), gazetteer=gaz)
    spool = WindowSpool()
    spool.add([1, 2])
    spool.add([3])
    assert spooled(parsed) and parsed.mentions.windows > 4 and parsed.mentions.path is None
    assert list(system.iterdir()) == [] and list(spool) == [1, 2, 3] and spool.windows == 2
    assert len(list(parsed.mentions)) == len(parsed.mentions) > 5
    assert _open_files() == before + 3  # the two spools of the document and this one: open while they live
    del parsed, spool
    gc.collect()
    assert _open_files() == before and list(system.iterdir()) == []


def test_several_threads_read_one_spool_at_once(tmp_path):
    """Each read has its own offset (os.pread): threads reading one spool together read what was written.
    Probabilistic: a read that seeks then reads fails here only when a thread switch falls between the two, which
    the short switch interval makes likely, not certain."""
    import sys

    from geo.windows import WindowSpool

    spool = WindowSpool(tmp_path)
    for k in range(40):
        spool.add([(k, i) for i in range(100)])
    expected = list(spool)
    got: list = []
    errors: list = []

    def read() -> None:
        try:
            for _ in range(25):
                got.append(list(spool) == expected)
        except Exception as e:  # noqa: BLE001 - a torn read fails to unpickle: counted as a wrong read
            errors.append(e)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch between a seek and its read, if reads had them
    try:
        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert errors == [] and got == [True] * 100


def test_a_worker_prepares_a_long_document_a_window_at_a_time(gaz, monkeypatch, tmp_path):
    """A worker (parse_batch not in the gathering process) sends a long document prepared, its records one per
    window then its figures, never its rows; the serial run writes it from its spool and prepares nothing."""
    import pickle

    from geo import corpus
    from geo.corpus import DocumentSpool, SpooledCorpus, mention_line, read_corpus
    from geo.parallel import Settings, parse_batch

    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    doc = Document("worker", long_text(), lang="en")
    whole = parse_document(doc, gazetteer=gaz, scratch=tmp_path)
    settings = Settings(lang="en", signatures=False, prepare=True)  # no scratch folder: prepared in memory
    (result,), _ = parse_batch([doc], settings)
    ready = result.prepared
    assert ready is not None and ready.records == whole.mentions.windows + 1
    assert result.parsed.mentions == [] and pickle.loads(pickle.dumps(result)).parsed.mentions == []
    assert ready.line == mention_line(whole) and ready.n_mentions == len(whole.mentions) > 5
    kept = DocumentSpool(tmp_path / "kept.pickle", gaz)
    kept.write(ready.record, ready.entities, ready.records)
    records = list(kept)
    assert len(kept) == 1 and len(records) == ready.records
    assert [m for r in records for m in r.mentions] == list(whole.mentions)
    kept.close()

    def refuse(*args, **kwargs):
        raise AssertionError("the serial run prepared a long document whole")

    monkeypatch.setattr(corpus, "prepare", refuse)
    sink = SpooledCorpus(tmp_path, mentions=tmp_path / "m.jsonl", gazetteer=gaz)
    read_corpus([doc], Settings(lang="en"), gazetteer=gaz, sink=sink)
    sink.close()
    assert (tmp_path / "m.jsonl").read_text(encoding="utf-8") == mention_line(whole) + "\n"


@pytest.mark.parametrize("to_file", [True, False])
def test_a_worker_prepared_long_document_is_written_as_the_serial_run_writes_it(gaz, monkeypatch, tmp_path, to_file):
    """A worker with the run's scratch folder prepares a long document into a file there, which the gathering
    process copies and deletes; where the folder does not exist (a remote worker), in memory: mentions.jsonl and the
    frames' spool read as the serial run's, after a short document (its line written before the long one's
    copied bytes) and with a near-duplicate copy of the long document (which counts nothing)."""
    from geo.parallel import Settings, parse_batch

    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    short = Document("short", PARAGRAPHS[3], lang="en")
    doc = Document("handed", long_text(), lang="en")
    again = Document("handed-again", doc.text, lang="en")
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    def serial(d: Document):
        return parse_document(d, gazetteer=gaz, scratch=scratch)

    expected = written(gaz, tmp_path, "serial", serial(doc), first=[(serial(short), None)],
                       copy=(serial(again), None))
    where = scratch if to_file else tmp_path / "far"  # a worker on another machine: no such folder there
    settings = Settings(lang="en", signatures=False, prepare=True, scratch=str(where))
    (first, result, copy), _ = parse_batch([short, doc, again], settings)
    assert (result.prepared.file is not None) == to_file and (result.prepared.record == b"") == to_file
    assert len(list(scratch.iterdir())) == 2 * int(to_file)  # the worker's spools gone, its prepared files left
    got = written(gaz, tmp_path, "worker", result.parsed, result.prepared, first=[(first.parsed, first.prepared)],
                  copy=(copy.parsed, copy.prepared))
    assert got == expected and expected[3] > 5 and expected[0].count(b"\n") == 3
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("quiet", [False, True])
def test_a_long_document_shows_its_progress_window_by_window_unless_quiet(tmp_path, monkeypatch, capsys, quiet):
    import geo.progress
    import make_map

    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    monkeypatch.setattr(geo.progress, "PROGRESS_DELAY", 0.0)  # a real run waits a second before showing it
    text = long_text()
    src = tmp_path / "long.txt"
    src.write_text(text, encoding="utf-8")
    updates = []
    original = geo.progress.window_bar

    def bar(doc_id, chars):
        made = original(doc_id, chars)
        update = made.update
        made.update = lambda n: (updates.append(n), update(n))[1]
        return made

    monkeypatch.setattr(geo.progress, "window_bar", bar)
    assert make_map.main([str(src), "-o", str(tmp_path / "out"), *(["-q"] if quiet else [])]) == 0
    err = capsys.readouterr().err
    assert len(updates) > 4 and sum(updates) == len(text)  # once per window, every character counted
    if quiet:
        assert "reading long" not in err and "parsing" not in err
    else:  # not a terminal: the bar writes a line as it goes, and the last one stays
        assert "reading long:   0%" in err and "reading long: 100%" in err
    assert geo.progress._WINDOW_BARS["on"] is False, "the run turned it off again"


def test_the_window_bar_shows_no_control_character_of_a_document_id(monkeypatch, capsys):
    """A document id comes from the user's JSONL: an escape or a line break in it never reaches the terminal."""
    import geo.progress

    monkeypatch.setattr(geo.progress, "PROGRESS_DELAY", 0.0)
    before = geo.progress.show_window_bars(True)
    try:
        bar = geo.progress.window_bar("wire\x1b]0;owned\x07\nnext", 50)
        bar.update(50)
        bar.close()
    finally:
        geo.progress.show_window_bars(before)
    err = capsys.readouterr().err
    assert "reading wire?]0;owned??next" in err and "\x1b" not in err and "\x07" not in err


def test_the_progress_bars_need_no_circular_import_between_windows_and_parallel():
    """geo.windows reads geo.parallel (MentionRow); the bars and their switch are geo.progress's, so geo.parallel
    never imports geo.windows (it did, inside its functions, to turn the window bar on, while geo.windows imported
    geo.parallel for the bars' delay)."""
    import ast

    import geo.parallel
    import geo.progress

    def imported(module) -> set[str]:
        names = set()
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names)
        return names

    assert "geo.parallel" in imported(windows) and "geo.progress" in imported(windows)
    assert "geo.windows" not in imported(geo.parallel) and "geo.progress" in imported(geo.parallel)
    assert not {"geo.windows", "geo.parallel"} & imported(geo.progress)


def test_the_link_of_a_part_to_its_count_is_shifted_with_its_window(gaz, monkeypatch):
    """A figure's ``part_of`` (the start of the count it is a part of, geo.figures) is an offset into the text: in a
    later window it is shifted with the figure's own offsets, and reads as in the whole."""
    part = "Russia launched 48 drones at Ukraine on Monday night. 31 of them were shot down."
    text = "\n\n".join([*PARAGRAPHS[:3], part])
    doc = Document("part", text, lang="en")
    whole = parse_document(doc, gazetteer=gaz)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 200)
    split = parse_document(doc, gazetteer=gaz)
    drones, shot = (next(f for f in split.figures if f.value == v) for v in (48, 31))
    assert shot.part_of == drones.start == text.index("48") > 200
    assert [(f.value, f.start, f.part_of) for f in split.figures] == \
        [(f.value, f.start, f.part_of) for f in whole.figures]
