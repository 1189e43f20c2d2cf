"""The output folder: checked first, locked for one run, written all together, crash-safe."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import make_map
from geo.documents import folder_files, read_inputs
from geo.errors import InputError
from layers.outputs import STAGING_NAME, OutputFolder, read_manifest, sha256_file

ROOT = Path(__file__).resolve().parents[1]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _agrees_with_manifest(folder: Path) -> dict:
    manifest = read_manifest(folder)
    assert manifest is not None, "no manifest"
    for entry in manifest["files"]:
        assert sha256_file(folder / entry["name"]) == entry["sha256"], entry["name"]
    return manifest


def _doc_ids(folder: Path) -> set[str]:
    return {json.loads(line)["doc_id"] for line in (folder / "mentions.jsonl").read_text().splitlines()}


def _run_with_hook(hook: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh process after ``hook`` (Python code) has patched something."""
    code = textwrap.dedent(hook) + f"\nimport make_map, sys\nsys.exit(make_map.main({args!r}))\n"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=180,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def two_runs(tmp_path):
    """Inputs of two different runs, and OUTDIR holding the first run's outputs."""
    a = _write(tmp_path / "in_a" / "alpha.txt", "Rinforzi inviati in Lettonia e in Estonia.")
    b = _write(tmp_path / "in_b" / "beta.txt", "Troops were deployed to Lithuania and Poland.")
    out = tmp_path / "out"
    assert make_map.main([str(a), "-o", str(out), "-q"]) == 0
    return a, b, out


def test_manifest_lists_every_file_with_its_hash(two_runs):
    _, _, out = two_runs
    manifest = _agrees_with_manifest(out)
    assert {e["name"] for e in manifest["files"]} == set(make_map.OUTPUT_FILES) - {"manifest.json"}
    assert len(manifest["run_id"]) == 16
    assert not (out / STAGING_NAME).exists()


def test_an_error_while_writing_leaves_the_previous_outputs(two_runs, monkeypatch):
    _, b, out = two_runs
    before = _snapshot(out)

    def broken_save(m, path):
        Path(path).write_text("half a map", encoding="utf-8")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("layers.map.save_map", broken_save)
    with pytest.raises(RuntimeError):
        make_map.main([str(b), "-o", str(out), "-q"])
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before), "no staging folder is left"


def test_a_kill_while_writing_leaves_the_previous_outputs_and_nothing_an_input_reader_takes(two_runs):
    _, b, out = two_runs
    before = _snapshot(out)
    hook = """
        import os, pathlib, layers.map
        def crash(m, path):
            pathlib.Path(path).write_text("half a map", encoding="utf-8")
            os._exit(9)
        layers.map.save_map = crash
    """
    proc = _run_with_hook(hook, [str(b), "-o", str(out), "-q"], cwd=out.parent)
    assert proc.returncode == 9
    assert _snapshot(out) == before
    _agrees_with_manifest(out)
    assert (out / STAGING_NAME).is_dir(), "the crash left its staging folder (hidden)"
    assert folder_files(out.parent) == sorted([out.parent / "in_a" / "alpha.txt", out.parent / "in_b" / "beta.txt"])
    # the next run drops the incomplete staging folder
    assert make_map.main([str(b), "-o", str(out), "-q"]) == 0
    assert not (out / STAGING_NAME).exists()
    assert _doc_ids(out) == {"beta"}
    _agrees_with_manifest(out)


def _run_killed_in_commit(inputs: Path, out: Path):
    """Run on ``inputs`` into ``out`` in a child that dies (exit 9) as the commit moves the staged mentions in."""
    hook = f"""
        import os
        _replace = os.replace
        def replace(src, dst):
            if str(src).endswith("{STAGING_NAME}/mentions.jsonl"):
                os._exit(9)
            return _replace(src, dst)
        os.replace = replace
    """
    return _run_with_hook(hook, [str(inputs), "-o", str(out), "-q"], cwd=out.parent)


def test_a_kill_during_the_commit_is_finished_by_the_next_run(two_runs):
    _, b, out = two_runs
    proc = _run_killed_in_commit(b, out)
    assert proc.returncode == 9
    assert read_manifest(out) is None, "half-way through a commit OUTDIR has no manifest"
    assert _doc_ids(out) == {"alpha"} and (out / STAGING_NAME / "manifest.json").is_file()
    with OutputFolder(out):  # any later run into OUTDIR finishes the commit first
        pass
    manifest = _agrees_with_manifest(out)
    assert _doc_ids(out) == {"beta"}
    assert {e["name"] for e in manifest["files"]} == {p.name for p in out.iterdir()} - {"manifest.json"}


def test_a_second_run_into_a_locked_outdir_fails_with_one_line(two_runs):
    _, b, out = two_runs
    before = _snapshot(out)
    with OutputFolder(out):
        proc = subprocess.run([sys.executable, str(ROOT / "make_map.py"), str(b), "-o", str(out)],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "another Atlante run" in proc.stderr
    assert _snapshot(out) == before


def test_two_concurrent_runs_never_mix_their_outputs(two_runs):
    a, b, out = two_runs
    cmds = [[sys.executable, str(ROOT / "make_map.py"), str(src), "-o", str(out), "-q"] for src in (a, b)]
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in cmds]
    results = [(p.wait(timeout=180), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert any(rc == 0 for rc, _ in results)
    for rc, err in results:
        assert rc == 0 or (rc == 2 and "another Atlante run" in err), err
    _agrees_with_manifest(out)
    assert _doc_ids(out) in ({"alpha"}, {"beta"})


def test_files_of_the_previous_run_that_this_run_does_not_write_are_removed(two_runs):
    a, _, out = two_runs
    _write(out / "notes.md", "mine")
    assert make_map.main([str(a), "-o", str(out), "-q", "--format", "geojson,csv"]) == 0
    assert (out / "figures.csv").is_file()
    assert make_map.main([str(a), "-o", str(out), "-q"]) == 0
    assert not (out / "figures.csv").exists(), "a stale export would disagree with the new run"
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"


def _fails_before_reading(args: list[str], monkeypatch) -> None:
    def no_reading(*a, **k):
        raise AssertionError("inputs were read before OUTDIR was checked")

    monkeypatch.setattr("geo.documents.read_inputs", no_reading)
    assert make_map.main(args) == 2


@pytest.mark.parametrize("where", ["same", "inside"])
def test_outdir_equal_to_or_inside_an_input_folder_is_refused(tmp_path, monkeypatch, capsys, where):
    src = _write(tmp_path / "articles" / "a.txt", "Truppe in Romania.").parent
    out = src if where == "same" else src / "map"
    _fails_before_reading([str(src), "-o", str(out), "-q"], monkeypatch)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "input folder" in err
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]


def test_outdir_under_a_file_is_refused_before_any_work(tmp_path, monkeypatch, capsys):
    _write(tmp_path / "afile", "x")
    _fails_before_reading([str(ROOT / "samples"), "-o", str(tmp_path / "afile" / "out")], monkeypatch)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is a file" in err


def test_outdir_without_write_permission_is_refused_before_any_work(tmp_path, monkeypatch, capsys):
    import os

    parent = tmp_path / "locked"
    parent.mkdir()
    real_access = os.access
    # the tests run as root, for whom every folder is writable: deny the parent as a normal user's
    monkeypatch.setattr("os.access", lambda p, mode, **k: False if Path(p) == parent else real_access(p, mode, **k))
    _fails_before_reading([str(ROOT / "samples"), "-o", str(parent / "out")], monkeypatch)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no permission" in err
    assert not (parent / "out").exists()


def test_folders_skip_hidden_paths_and_atlante_outputs(tmp_path):
    src = tmp_path / "articles"
    _write(src / "a.txt", "Truppe in Romania.")
    _write(src / "sub" / "b.md", "Troops in Poland.")
    _write(src / ".draft.txt", "Truppe in Grecia.")
    _write(src / ".git" / "notes.txt", "Truppe in Spagna.")
    _write(src / "old_map" / "manifest.json", json.dumps({"generator": "atlante", "run_id": "x", "files": []}))
    _write(src / "old_map" / "map.html", "<html><body>Roma</body></html>")
    _write(src / "older_map" / "mentions.jsonl", '{"doc_id": "a", "toponyms": []}\n')
    _write(src / "older_map" / "places.geojson", "{}")
    _write(src / "older_map" / "map.html", "<html><body>Milano</body></html>")
    assert folder_files(src) == [src / "a.txt", src / "sub" / "b.md"]
    assert [d.doc_id for d in read_inputs([str(src)])] == ["a", "b"]


def test_the_same_inputs_give_the_same_bytes_in_every_file(tmp_path):
    outs = [tmp_path / "first", tmp_path / "second"]
    for out in outs:
        assert make_map.main(["-o", str(out), "-q", "--format", "geojson,gpkg,csv"]) == 0
    first, second = (_snapshot(out) for out in outs)
    assert set(first) == {*make_map.OUTPUT_FILES, "atlante.gpkg", "figures.csv"}
    for name, data in first.items():
        assert data == second[name], f"{name} differs between two runs"


def test_an_output_folder_given_as_input_is_refused(two_runs):
    _, _, out = two_runs
    with pytest.raises(InputError, match="a folder of Atlante's outputs"):
        read_inputs([str(out)])


def test_an_error_during_the_commit_is_finished_on_the_way_out(two_runs, monkeypatch):
    import os

    _, b, out = two_runs
    real_replace, calls = os.replace, []

    def flaky_replace(src, dst):
        calls.append(Path(src).name)
        if Path(src).name == "mentions.jsonl" and calls.count("mentions.jsonl") == 1:
            raise KeyboardInterrupt  # Ctrl-C half-way through the renames
        return real_replace(src, dst)

    monkeypatch.setattr("os.replace", flaky_replace)
    assert make_map.main([str(b), "-o", str(out), "-q"]) == 130
    _agrees_with_manifest(out)
    assert _doc_ids(out) == {"beta"} and not (out / STAGING_NAME).exists()


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_an_error_mid_run_closes_and_deletes_the_temporary_files(two_runs, monkeypatch, failure):
    import geo.corpus

    _, b, out = two_runs
    before = _snapshot(out)
    spools = []

    class Watched(geo.corpus.SpooledCorpus):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            spools.append(self)

    def broken_frames(kept, folder, scratch, **kwargs):
        assert (Path(scratch) / "kept.pickle").is_file() and (Path(folder) / "mentions.jsonl").is_file()
        raise failure

    monkeypatch.setattr("geo.corpus.SpooledCorpus", Watched)
    monkeypatch.setattr("layers.stream.write_frames", broken_frames)
    if isinstance(failure, KeyboardInterrupt):
        assert make_map.main([str(b), "-o", str(out), "-q"]) == 130
    else:
        with pytest.raises(RuntimeError):
            make_map.main([str(b), "-o", str(out), "-q"])
    (spool,) = spools
    assert spool.kept._fh.closed and spool.texts._fh.closed and spool._mentions.closed
    assert not spool.kept.path.exists() and not spool.texts.path.exists()
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before), "no staging folder is left"


def test_a_kill_during_the_commit_still_removes_the_files_of_the_previous_run(two_runs):
    a, b, out = two_runs
    assert make_map.main([str(a), "-o", str(out), "-q", "--format", "geojson,csv"]) == 0
    assert (out / "figures.csv").is_file()
    proc = _run_killed_in_commit(b, out)
    assert proc.returncode == 9 and read_manifest(out) is None
    assert make_map.main([str(b), "-o", str(out), "-q"]) == 0  # finishes the cut commit, then runs
    manifest = _agrees_with_manifest(out)
    assert not (out / "figures.csv").exists(), "a file of the run before the crash was left behind"
    assert {e["name"] for e in manifest["files"]} == {p.name for p in out.iterdir()} - {"manifest.json"}
