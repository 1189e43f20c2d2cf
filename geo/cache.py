"""A cache, in the user's cache folder, of data Atlante compiles from its own files at start-up.

Reading the YAML lexicons and the word frequencies takes longer than mapping one article; their
compiled form is kept in ``$ATLANTE_CACHE_DIR``, else ``$XDG_CACHE_HOME/atlante``, else
``~/.cache/atlante``.  Every entry is named by a hash of what it was compiled from (the files'
contents, package versions, the Python version), so an edited lexicon or an upgraded package is
compiled again, never read stale.  When the folder cannot be created or written, the data is
compiled in memory as before: the cache only saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: Environment variable naming the cache folder; an empty value turns the cache off.
CACHE_ENV = "ATLANTE_CACHE_DIR"
#: Entries kept per name (the newest ones).
KEEP = 3


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when ``ATLANTE_CACHE_DIR`` is set empty."""
    if CACHE_ENV in os.environ:
        value = os.environ[CACHE_ENV]
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "atlante"


def fingerprint(files: Iterable[Path] = (), extra: Iterable[str] = ()) -> str:
    """A hash of the files' names (with their folder's) and contents, of ``extra`` and of the Python version.

    Parameters
    ----------
    files : iterable of Path
        Source files of the cached data, in a stable order.
    extra : iterable of str
        Anything else the data depends on (a package's version).

    Returns
    -------
    str
        Twenty hexadecimal digits.
    """
    h = hashlib.sha256(sys.version.encode())
    for part in extra:
        h.update(b"\0" + part.encode())
    for path in files:
        h.update(b"\0" + f"{path.parent.name}/{path.name}".encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def entry_path(name: str, key: str, suffix: str) -> Path | None:
    """Where the entry ``name`` compiled with ``key`` lives (None without a cache folder)."""
    folder = cache_dir()
    return None if folder is None else folder / f"{name}-{key}{suffix}"


def publish(path: Path, write: Callable[[Path], None]) -> bool:
    """Write a cache entry through a temporary file in its folder, then move it into place.

    Of the older entries of the same name, the ``KEEP - 1`` newest stay (two checkouts of different
    versions can share the folder); the others are removed.  Returns False, leaving nothing behind, when the
    folder cannot be created or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            write(Path(tmp))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        stem = path.name.rsplit("-", 1)[0]
        others = [p for p in path.parent.glob(f"{stem}-*{path.suffix}")
                  if p != path and p.name.rsplit("-", 1)[0] == stem]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def cached_data(name: str, key: str, build: Callable[[], T]) -> T:
    """Plain data (dicts, lists, strings, numbers) compiled by ``build``, read from the cache when
    an entry with this ``key`` exists, else built and stored (see the module docstring).

    Parameters
    ----------
    name : str
        Entry name, such as ``"lexicons"``.
    key : str
        From :func:`fingerprint`.
    build : callable
        Compiles the data; its result must be serialisable by :mod:`marshal`.

    Returns
    -------
    The data.
    """
    path = entry_path(name, key, ".marshal")
    if path is not None:
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass  # missing, unreadable or damaged: compile again
    value: Any = build()
    if path is not None:
        try:
            data = marshal.dumps(value)
        except ValueError:  # a type marshal does not write (a YAML date): keep it in memory only
            return value
        publish(path, lambda tmp: tmp.write_bytes(data))
    return value



def cached_array(name: str, key: str, build: Callable[[], Any]) -> Any:
    """A numpy array computed by ``build``, kept as a ``.npy`` entry (see :func:`cached_data`).

    Parameters
    ----------
    name : str
        Entry name, such as ``"geometry-admin1"``.
    key : str
        What the array was computed from (a file's path, size and modification time; a scale).
    build : callable
        Computes the array (numeric, not of objects).

    Returns
    -------
    numpy.ndarray
        Read back as it was stored (same dtype, shape and values), mapped read-only from the file.
    """
    import numpy as np

    path = entry_path(name, hashlib.sha256(key.encode()).hexdigest()[:20], ".npy")
    if path is not None:
        try:
            return np.load(path, mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError, EOFError):
            pass  # missing, unreadable or damaged: compute again
    value = build()
    if path is not None:
        def write(tmp: Path) -> None:
            with tmp.open("wb") as fh:
                np.save(fh, value, allow_pickle=False)

        publish(path, write)
    return value

# --------------------------------------------------------------------------- jinja templates

#: Attributes of a jinja2 Environment that shape the code it compiles from a template's source.
_JINJA_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                   "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                   "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                   "is_async", "autoescape", "finalize")
_templates_installed = False
#: Longer template sources are compiled every time: they are text a map renders (its own HTML), not templates.
TEMPLATE_MAX_CHARS = 20_000


def cache_templates() -> bool:
    """Keep the Python code that jinja2 compiles from template sources in the cache (one entry).

    folium and branca compile some seventy Jinja templates when they are imported and when a map is
    drawn (``Template(source)`` in class bodies), which takes longer than drawing one article's map.
    This wraps :meth:`jinja2.Environment.compile` so that, for environments without extensions and
    with plain settings, the code object is read back from the cache by a hash of the source, its name,
    filename, the environment's settings and its filters and tests; anything else, and every
    template when there is no cache folder, is compiled as before. When the process has compiled new
    templates, the entry is written again at exit with the templates this process used (branca also
    compiles the HTML it renders as a template: an entry of every run's would grow without end).
    Call it before importing folium or branca; calling it again does nothing.

    Returns
    -------
    bool
        Whether the cache is in use (False without a cache folder or jinja2).
    """
    global _templates_installed
    if _templates_installed:
        return True
    try:
        import jinja2
    except ImportError:
        return False
    path = entry_path("templates", fingerprint(extra=["jinja2", jinja2.__version__]), ".marshal")
    if path is None:
        return False
    try:
        codes = marshal.loads(path.read_bytes())
        if not isinstance(codes, dict):
            codes = {}
    except (OSError, ValueError, EOFError, TypeError):
        codes = {}
    added: dict[str, Any] = {}
    used: set[str] = set()
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: A001
        settings = tuple(getattr(self, a, None) for a in _JINJA_SETTINGS)
        if raw or not isinstance(source, str) or len(source) > TEMPLATE_MAX_CHARS or self.extensions \
                or not all(s is None or isinstance(s, str | bool | int) for s in settings):
            return original(self, source, name, filename, raw, defer_init)
        # the optimiser may call filters and tests on constants while compiling: they are part of the key
        functions = [(k, getattr(f, "__module__", None), getattr(f, "__qualname__", None))
                     for table in (self.filters, self.tests) for k, f in sorted(table.items())]
        key = hashlib.sha256(repr((source, name, filename, defer_init, settings, type(self).__qualname__,
                                   self.undefined.__qualname__, self.code_generator_class.__qualname__,
                                   functions)).encode()).hexdigest()
        code = codes.get(key)
        if code is None:
            code = added[key] = codes[key] = original(self, source, name, filename, raw, defer_init)
        used.add(key)
        return code

    def store() -> None:
        if added:  # the entry keeps this run's templates only, so that it does not grow run after run
            data = marshal.dumps({key: codes[key] for key in used})
            publish(path, lambda tmp: tmp.write_bytes(data))

    jinja2.Environment.compile = compile
    import atexit

    atexit.register(store)
    _templates_installed = True
    return True
