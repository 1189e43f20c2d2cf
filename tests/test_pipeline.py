"""The document model (geo/doc.py) and the stages of the text side (geo/pipeline.py)."""

from __future__ import annotations

import pytest

from geo.doc import Reading
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import STAGES, Context, Fitted, Stage, parse_document, read_document


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_every_stage_finds_what_it_requires_before_it():
    provided: set[str] = set()
    for stage in STAGES:
        assert set(stage.requires) <= provided, stage.name
        provided |= set(stage.provides)
    assert {"mentions", "figures", "roles", "figure_places", "frames"} <= provided


def test_a_stage_run_out_of_order_says_what_it_needs(gaz):
    doc = read_document(Document("t", "Shelling hit Kharkiv."), lang="en")
    roles = next(s for s in STAGES if s.name == "roles")
    with pytest.raises(RuntimeError, match="needs mentions, figures, sentences"):
        roles(doc, Context(gaz, fitted=Fitted(None, None)))


def test_the_stages_add_their_layers_in_order(gaz):
    doc = read_document(Document("t", "About 900 troops are stationed in Estonia."), lang="en")
    context = Context(gaz, fitted=Fitted.load())
    for stage in STAGES:
        stage(doc, context)
    assert doc.layers == [p for s in STAGES for p in s.provides]
    assert [m.surface for m in doc.mentions] == ["Estonia"]
    assert [f.value for f in doc.figures] == [900]


def test_the_text_is_read_once_and_shared():
    text = "Paris, 3 March. Ministers met. Troops left Tallinn."
    reading = Reading.of(text)
    assert reading.sentences[0][0] == 0 and len(reading.sentences) >= 2
    a, b = reading.sentences[-1]
    inside = reading.tokens_in(a, b)
    assert [t.text for t in inside] == ["Troops", "left", "Tallinn"]
    assert all(text[t.start : t.end] == t.text for t in inside)  # offsets into the whole text


def test_a_custom_stage_can_join_the_pipeline(gaz):
    seen = []
    probe = Stage("probe", ("mentions",), ("probe",), lambda doc, ctx: seen.append(len(doc.mentions)))
    doc = read_document(Document("t", "Shelling hit Kharkiv and Sumy."), lang="en")
    context = Context(gaz, fitted=Fitted(None, None))
    STAGES[0](doc, context)
    probe(doc, context)
    assert seen == [2] and doc.layers[-1] == "probe"


def test_without_weights_the_rules_reading_stands(gaz):
    text = "Circa 12.000 soldati sono schierati in Polonia."
    ruled = parse_document(Document("t", text), lang="it", gazetteer=gaz, fitted=Fitted(None, None))
    assert [m.role for m in ruled.mentions] == [m.cue_role for m in ruled.mentions]
    assert [f.place_ids for f in ruled.figures] == [f.cue_place_ids for f in ruled.figures]


def test_documents_are_read_with_fewer_collections_and_the_threshold_is_put_back():
    import gc

    from geo import pipeline
    from geo.doc import YOUNG_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    seen = []
    with fewer_collections():
        seen.append(gc.get_threshold()[0])
        with fewer_collections():  # a second reader (another thread) leaves it raised
            seen.append(gc.get_threshold()[0])
        seen.append(gc.get_threshold()[0])
    assert seen == [max(before[0], YOUNG_THRESHOLD)] * 3
    assert gc.get_threshold() == before
    gc.set_threshold(0)  # a collector turned off stays off
    try:
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
    original, inside = pipeline.read_document, []
    pipeline.read_document = lambda *a, **k: inside.append(gc.get_threshold()[0]) or original(*a, **k)
    try:
        parse_document(Document("t", "Le truppe sono arrivate a Vilnius."), lang="it", gazetteer=load_gazetteer())
    finally:
        pipeline.read_document = original
    assert inside == [max(before[0], YOUNG_THRESHOLD)] and gc.get_threshold() == before


def test_a_parsed_document_leaves_no_reference_cycles(gaz):
    """Whatever reading a document made is freed when it is done (reference counts), not left to the
    garbage collector: the resolver's views of "the other names" once pointed back at their index."""
    import gc

    text = ("Shelling hit Kharkiv and Sumy on Monday. Paris, Texas, sent aid to Athens, Georgia. "
            "About 300 troops left Tallinn for Tapa, in Estonia.")
    doc = Document("t", text)
    parse_document(doc, lang="en", gazetteer=gaz)  # warm the caches: lexicons, memos, lazy imports
    gc.collect()
    gc.disable()
    try:
        parsed = parse_document(doc, lang="en", gazetteer=gaz)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert len(parsed.mentions) >= 6
    assert unreachable == 0
