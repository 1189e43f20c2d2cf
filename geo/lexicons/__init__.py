"""Per-language lexicons, kept as data.

Each language is a folder ``geo/lexicons/<code>/`` holding one YAML file per concern
(``language.yaml``, ``places.yaml``, ``figures.yaml``, ...).  Adding a language means
adding a folder; no code changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

LEXICON_DIR = Path(__file__).resolve().parent
_HOME = LEXICON_DIR  # the folder the cache is compiled from, even when a test points LEXICON_DIR elsewhere
_PROJECT = _HOME.parents[1]  # read_yaml keeps the files under it in the cache


@cache
def _yaml() -> tuple[Any, Any]:
    """PyYAML and its loader: libyaml's safe loader when PyYAML was built with it (the pinned wheels are),
    the same data ten times faster. Imported when a file is parsed: with the cache warm, no run needs it."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _yaml_key() -> str:
    """What parsed data depends on besides the files: the installed PyYAML (its files' sizes and times),
    found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    if spec is None or not spec.submodule_search_locations:
        return "no-yaml"
    folder = Path(next(iter(spec.submodule_search_locations)))
    return ";".join(f"{p.name}:{st.st_size}:{st.st_mtime_ns}" for p in sorted(folder.iterdir())
                    if p.is_file() for st in [p.stat()])


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

    Notes
    -----
    Every lexicon file is parsed once and kept, parsed, in the user's cache (:mod:`geo.cache`),
    under a hash of all the files: an edit to any of them is read at the next start.
    """
    path = LEXICON_DIR / lang / f"{concern}.yaml"
    if not path.is_file():
        return {}
    data = parse_file(path)
    check(path, concern, data)
    return data


_TYPES = {"list": list, "mapping": dict, "bool": bool, "string": str, "number": (int, float)}


@cache
def schema() -> dict[str, Any]:
    """The schema of every concern (``geo/lexicons/schema.yaml``): its keys, their types, the required ones."""
    data = read_yaml(_HOME / "schema.yaml") or {}
    if not isinstance(data, dict):
        raise ValueError(f"{_HOME / 'schema.yaml'}: a lexicon file must hold a mapping")
    return data


def check(path: Path, concern: str, data: dict[str, Any]) -> None:
    """Check one lexicon file's mapping against :func:`schema`.

    Raises
    ------
    geo.errors.LexiconSchemaError
        An unknown key, a missing required key, a value of the wrong type, or a list holding a word YAML
        reads as a boolean ("on", "no" unquoted), with the file and key named.
    """
    from geo.errors import LexiconSchemaError

    spec = schema().get(concern)
    if spec is None:
        raise LexiconSchemaError(f"{path}: no schema for lexicon files named {concern}.yaml")
    for key in spec.get("required", []):
        if key not in data:
            raise LexiconSchemaError(f"{path}: missing key {key!r}")
    sections = spec.get("sections", {})
    for key, value in data.items():
        kind = spec["keys"].get(key)
        if kind is None:
            raise LexiconSchemaError(f"{path}: unknown key {key!r} (known: {', '.join(spec['keys'])})")
        if not isinstance(value, _TYPES[kind]) or (kind == "number" and isinstance(value, bool)):
            raise LexiconSchemaError(f"{path}: key {key!r} must be a {kind}, not {type(value).__name__}")
        if kind == "list" and any(isinstance(w, bool) for w in value):
            raise LexiconSchemaError(f"{path}: key {key!r} holds a word YAML reads as a boolean (on, off, yes, "
                                     "no): quote it")
        if kind == "mapping" and key not in sections and (where := _boolean_word(value)) is not None:
            raise LexiconSchemaError(f"{path}: key {key!r} holds a word YAML reads as a boolean (on, off, yes, "
                                     f"no){where}: quote it")
        for sub, inner in (value.items() if key in sections else ()):
            sub_kind = sections[key].get(sub)
            if sub_kind is None:
                raise LexiconSchemaError(f"{path}: unknown key {key}.{sub!r} (known: {', '.join(sections[key])})")
            if not isinstance(inner, _TYPES[sub_kind]) or (sub_kind == "number" and isinstance(inner, bool)):
                raise LexiconSchemaError(f"{path}: key {key}.{sub!r} must be a {sub_kind}, not {type(inner).__name__}")
            if sub_kind in ("list", "mapping") and (where := _boolean_word(inner)) is not None:
                raise LexiconSchemaError(f"{path}: key {key}.{sub!r} holds a word YAML reads as a boolean{where}: "
                                         "quote it")


def _boolean_word(value: Any, where: str = "") -> str | None:
    """Where a list or mapping of a lexicon (read at any depth: "days: {no: ...}", "last_n: {prefixes: [on]}")
    holds a word YAML reads as a boolean ("on", "no", "off", "yes" unquoted: the word is lost) as a key, a value
    or a list's item: "" or " (under 'a'.'b')" naming the keys above it; None when it holds none.

    Parameters
    ----------
    value : Any
        A lexicon key's value (a list or a mapping; anything else holds no word).
    where : str, optional
        The keys above ``value`` so far, as the message names them.

    Returns
    -------
    str or None
    """
    if isinstance(value, bool):
        return f" (under {where})" if where else ""
    if isinstance(value, list):
        return next((w for v in value if (w := _boolean_word(v, where)) is not None), None)
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, bool):
                return f" (under {where})" if where else ""
            found = _boolean_word(v, f"{where}.{k!r}" if where else repr(k))
            if found is not None:
                return found
    return None


def parse_file(path: Path) -> dict[str, Any]:
    """A lexicon file's mapping: through the cache for a file of ``geo/lexicons``, else parsed now."""
    if path.parent.parent == _HOME:
        data = _all_lexicons().get(f"{path.parent.name}/{path.stem}")
        if data is not None:
            return data
    return _parse(path)  # a file elsewhere (tests), or added since the start


def read_yaml(path: Path) -> Any:
    """A YAML data file of the project, parsed with libyaml's safe loader when PyYAML has it (ten times
    faster than the pure-Python one, same data): lexicons, fitted weights, settings, interface strings.
    A file of the project is kept, parsed, in the user's cache (:mod:`geo.cache`) under a hash of its
    contents; a file elsewhere is parsed every time."""
    path = Path(path)

    def parse() -> Any:
        yaml, loader = _yaml()
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)

    if not path.resolve().is_relative_to(_PROJECT) or not path.is_file():
        return parse()
    from geo.cache import cached_data, fingerprint

    return cached_data(f"yaml-{path.parent.name}-{path.stem}",
                       fingerprint([path], [_yaml_key()]), parse)


def _parse(path: Path) -> dict[str, Any]:
    yaml, loader = _yaml()
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=loader) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon file must hold a mapping")
    return data


@cache
def _lexicon_files() -> tuple[Path, ...]:
    return tuple(sorted(_HOME.glob("*/*.yaml")))


@cache
def _lexicons_key() -> str:
    """A hash of every lexicon file (and of the YAML reader): the key of what is compiled from them."""
    from geo.cache import fingerprint

    return fingerprint(_lexicon_files(), [_yaml_key()])


@cache
def _all_lexicons() -> dict[str, dict[str, Any]]:
    """``"<lang>/<concern>"`` -> parsed file, for every lexicon file, through the cache."""
    from geo.cache import cached_data

    files = _lexicon_files()
    return cached_data("lexicons", _lexicons_key(), lambda: {f"{p.parent.name}/{p.stem}": _parse(p) for p in files})


def compiled(name: str, build: Callable[[], T], *sources: Path) -> T:
    """What ``build`` compiles from the lexicons (plain data: sets, dicts, lists, strings), kept in the
    user's cache (:mod:`geo.cache`) under a hash of the lexicon files and of the code that compiles it.

    Parameters
    ----------
    name : str
        Entry name, such as ``"first-names"``.
    build : callable
        Compiles the data from :func:`load`; its result must be serialisable by :mod:`marshal`.
    *sources : Path
        The modules whose code ``build`` runs (its own, :mod:`geo.normalize` when it folds).

    Returns
    -------
    The data; compiled now when ``LEXICON_DIR`` points away from the project's lexicons (tests).
    """
    if LEXICON_DIR != _HOME:
        return build()
    from geo.cache import cached_data, fingerprint

    return cached_data(name, fingerprint(sources, [_lexicons_key()]), build)
