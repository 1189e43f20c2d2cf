"""Where the tests find the project's shared material: the reference article (``seeds/``) and the
gazetteer's sources (``data/``), kept outside the repository in ``../shared`` beside the clone, as CI lays
it out; ``ATLANTE_SHARED=DIR`` points elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("ATLANTE_SHARED") or Path(__file__).resolve().parents[2] / "shared")


def shared_path(relative: str | Path) -> Path:
    """``SHARED / relative``, failing with what to do when the shared material is not there."""
    path = SHARED / relative
    assert path.exists(), (f"{path} is missing: these tests read the shared material from ../shared beside "
                           f"the clone; set ATLANTE_SHARED=DIR to point to it elsewhere")
    return path
