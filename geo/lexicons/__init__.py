"""Per-language lexicons, kept as data.

Each language is a folder ``geo/lexicons/<code>/`` holding one YAML file per concern
(``language.yaml``, ``places.yaml``, ``figures.yaml``, ...).  Adding a language means
adding a folder; no code changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent


def available_languages() -> tuple[str, ...]:
    """Return the language codes that have a lexicon folder, sorted."""
    return tuple(sorted(p.name for p in LEXICON_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def load(lang: str, concern: str) -> dict[str, Any]:
    """Load one lexicon file.

    Parameters
    ----------
    lang : str
        Language code, such as ``"it"``.
    concern : str
        File stem, such as ``"places"`` or ``"figures"``.

    Returns
    -------
    dict
        The parsed YAML mapping; an empty dict when the language has no such file.
    """
    path = LEXICON_DIR / lang / f"{concern}.yaml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon file must hold a mapping")
    return data
