"""Where the tests find the project's shared material: the reference article (``seeds/``) and the
gazetteer's sources (``data/``), kept outside the repository in ``../shared`` beside the clone, as CI lays
it out; ``ATLANTE_SHARED=DIR`` points elsewhere."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _beside_origin() -> Path | None:
    """``shared`` beside the repository this clone was made from, when that is a folder of this machine
    (``git clone . /tmp/x`` of a checkout that has ``../shared``), else None."""
    try:
        url = subprocess.run(["git", "-C", str(REPO), "config", "--get", "remote.origin.url"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    origin = Path(url.removeprefix("file://"))
    if not url or not origin.is_absolute() or not origin.is_dir():
        return None
    shared = origin.resolve().parent / "shared"
    return shared if shared.is_dir() else None


def _shared() -> Path:
    """``$ATLANTE_SHARED``; else ``../shared`` beside the clone, as CI lays it out; else beside the local
    repository the clone came from; else ``../shared`` (whose absence the tests then name)."""
    if os.environ.get("ATLANTE_SHARED"):
        return Path(os.environ["ATLANTE_SHARED"])
    beside = REPO.parent / "shared"
    return beside if beside.is_dir() else (_beside_origin() or beside)


SHARED = _shared()


def shared_path(relative: str | Path) -> Path:
    """``SHARED / relative``, failing with what to do when the shared material is not there."""
    path = SHARED / relative
    assert path.exists(), (f"{path} is missing: these tests read the shared material from ../shared beside "
                           f"the clone; set ATLANTE_SHARED=DIR to point to it elsewhere")
    return path
