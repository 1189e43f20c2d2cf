"""The project's own texts are its own: no tracked file shares a run of words with the reference article or
the annotated real articles it is measured on (house rule: test sentences and samples are written here,
never copied; those texts are read from ``../shared`` at test time and never stored)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.shared_material import shared_path

ROOT = Path(__file__).resolve().parents[1]
#: A run of this many words in a row, shared with a measured text, is a copy...
RUN_WORDS = 6
#: ...unless it is this short in characters (a stock phrase of short words).
RUN_CHARS = 30
_WORD = re.compile(r"\w+")
_BINARY = (".gz", ".png", ".jpg", ".parquet", ".gpkg", ".bin", ".ico", ".woff", ".woff2", ".ttf")


def _runs(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1)}


def _measured_texts() -> dict[str, str]:
    runs: dict[str, str] = {}
    folders = [shared_path("seeds"), shared_path("eval/news_dev"), shared_path("eval/news_train")]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for run in _runs(path.read_text(encoding="utf-8")):
                runs.setdefault(run, path.name)
    return runs


def copied_runs(files: list[Path], measured: dict[str, str]) -> list[str]:
    """``file: words (source)`` for every run of :data:`RUN_WORDS` words of ``files`` found in ``measured``."""
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        found += [f"{name}: {run!r} ({measured[run]})"
                  for run in sorted(_runs(text)) if run in measured and len(run) > RUN_CHARS]
    return found


def test_no_tracked_file_copies_a_measured_text():
    measured = _measured_texts()
    assert len(measured) > 10_000  # the seed and the 90 articles were read
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = [ROOT / name for name in listed.split() if not name.endswith(_BINARY) and (ROOT / name).is_file()]
    assert len(files) > 100
    assert copied_runs(files, measured) == []


def test_a_copied_sentence_is_found(tmp_path):
    measured = _measured_texts()
    source = sorted(shared_path("eval/news_dev").glob("*.txt"))[0]
    words = _WORD.findall(source.read_text(encoding="utf-8"))
    copy = tmp_path / "copied.txt"
    copy.write_text("Nota: " + " ".join(words[40:52]) + ".", encoding="utf-8")
    assert copied_runs([copy], measured)
    copy.write_text("Nota: una frase scritta qui, con parole nostre e nessun luogo in particolare.", encoding="utf-8")
    assert copied_runs([copy], measured) == []
