"""The output folder: checked before any work, locked for one run, written all together.

A run never writes into OUTDIR directly.  It

1. checks OUTDIR before any processing (:func:`check_outdir`): its parent must be a folder,
   it must be a folder or creatable, writable, and neither equal to nor inside an input
   folder;

then :class:`OutputFolder`

2. takes an exclusive lock on OUTDIR (``fcntl.flock`` on the folder itself, so no lock file
   is left behind; ``msvcrt`` on a hidden ``.atlante.lock`` on Windows): a second run into
   the same folder fails at once with one line (:class:`OutdirBusyError`);
3. has every file written into the hidden staging folder ``OUTDIR/.atlante-staging``,
   then writes ``manifest.json`` (run id, and the size and SHA-256 of every file) there last,
   which marks the staging folder as complete;
4. commits: records the names of the previous run's files in the staging folder (so that a
   commit a crash cuts short still knows them), removes OUTDIR's manifest, renames each staged
   file over its namesake, removes the files of the previous run that this run did not write,
   and renames the manifest last.

Temporary files of the run (documents spooled to disk while the next ones are parsed) live in
a hidden folder inside the staging folder (:meth:`OutputFolder.spool`), deleted before the
manifest is written: they are never outputs, never listed, and go with the staging folder.

A crash while staging leaves OUTDIR as the previous run left it (the incomplete staging
folder is deleted by the next run).  A crash during the commit (a handful of renames) leaves
a complete staging folder that the next run into OUTDIR finishes before anything else, so
the files always end up agreeing with one manifest.  The staging folder is hidden, and
Atlante's folder reader skips hidden paths and output folders
(:func:`geo.documents.is_output_folder`).

The run id is derived from the files' contents, so that the same inputs give the same bytes
for every file, the manifest included.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from geo.documents import MANIFEST_GENERATOR, MANIFEST_NAME
from geo.errors import InputError

#: The hidden folder a run writes into before its files move into place.
STAGING_NAME = ".atlante-staging"
#: The run's temporary files (spooled documents), inside the staging folder: never an output.
SPOOL_NAME = ".spool"
#: The names of the previous run's files, kept in the staging folder while a commit replaces them.
PREVIOUS_NAME = ".previous.json"
#: Lock file used where ``fcntl`` is missing (Windows).
LOCK_NAME = ".atlante.lock"


class OutdirBusyError(InputError):
    """Another Atlante run holds the output folder."""


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_outdir(outdir: Path | str, inputs: Iterable[str] = ()) -> Path:
    """Check an output folder before any processing.

    Parameters
    ----------
    outdir : Path or str
        The requested output folder (it may not exist yet).
    inputs : iterable of str
        The inputs named on the command line; ``"-"`` (standard input) is ignored.

    Returns
    -------
    Path
        ``outdir``, absolute.

    Raises
    ------
    InputError
        OUTDIR is a file, a parent of it is a file, it cannot be created or written, or it is
        equal to or inside one of the input folders (its outputs would be read as inputs).
    """
    out = Path(os.path.expanduser(outdir)).absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"{outdir}: exists and is not a folder")
    existing = _nearest_existing(out)
    if not existing.is_dir():
        raise InputError(f"{outdir}: cannot create the output folder, {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"{outdir}: no permission to write in {existing}")
    real = out.resolve()
    for item in inputs:
        if item == "-":
            continue
        folder = Path(os.path.expanduser(item))
        if not folder.is_dir():
            continue
        folder = folder.resolve()
        if real == folder or folder in real.parents:
            raise InputError(f"{outdir}: the output folder is {'the' if real == folder else 'inside the'} input "
                             f"folder {item}; choose an -o outside it")
    return out


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict | None:
    """The Atlante manifest of ``folder``, or None when it has none (or not Atlante's)."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != MANIFEST_GENERATOR:
        return None
    return data


class OutputFolder:
    """One run's hold on OUTDIR: lock, staging folder, all-together commit.

    Use as a context manager::

        with OutputFolder(outdir) as out:
            write_geojson(places, out.staging / "places.geojson")
            ...
            out.commit()

    Every file in the staging folder at :meth:`commit` is one of the run's outputs.

    Leaving the block without :meth:`commit` (an error) deletes the staging folder and
    leaves OUTDIR as it was; a folder this run created and left empty is removed.

    Parameters
    ----------
    outdir : Path or str
        The output folder, checked with :func:`check_outdir` first.
    """

    def __init__(self, outdir: Path | str) -> None:
        self.outdir = Path(outdir)
        self.staging = self.outdir / STAGING_NAME
        self._created = False
        self._lock_fd: int | None = None
        self._on_exit = contextlib.ExitStack()
        self.committed: list[Path] = []

    # -- lock -------------------------------------------------------------------------------
    def __enter__(self) -> OutputFolder:
        if not self.outdir.exists():
            try:
                self.outdir.mkdir(parents=True)
            except FileExistsError:
                pass
            except OSError as exc:
                raise InputError(f"{self.outdir}: cannot create the output folder ({exc.strerror or exc})") from None
            else:
                self._created = True
        self._lock()
        try:
            self.recover()
            self.staging.mkdir()
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self._on_exit.close()  # the run's temporary files, closed before the staging folder goes
        finally:
            self._leave()

    def _leave(self) -> None:
        try:
            if (self.staging / MANIFEST_NAME).is_file():
                # a commit an error or Ctrl-C interrupted: finish it (else the next run will)
                with contextlib.suppress(OSError):
                    self._finish(self.staging)
            elif self.staging.exists():
                shutil.rmtree(self.staging, ignore_errors=True)
            if self._created and not any(self.outdir.iterdir()):
                self.outdir.rmdir()
        finally:
            self._unlock()

    def _lock(self) -> None:
        busy = OutdirBusyError(f"{self.outdir}: another Atlante run is writing this output folder; "
                               f"wait for it to finish or choose another -o")
        if sys.platform == "win32":  # pragma: no cover - no fcntl on Windows
            import msvcrt

            fd = os.open(self.outdir / LOCK_NAME, os.O_RDWR | os.O_CREAT)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                os.close(fd)
                raise busy from None
        else:
            import fcntl

            fd = os.open(self.outdir, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise busy from None
        self._lock_fd = fd

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases the lock
            self._lock_fd = None

    # -- staging ----------------------------------------------------------------------------
    def on_exit(self, close: Callable[[], object]) -> None:
        """Call ``close`` when the run leaves the folder, whether it succeeded or not (first the last given).

        For the run's temporary files (:meth:`spool`): an error or an interrupt leaves none open.
        ``close`` may be called after it was already called by the run.

        Parameters
        ----------
        close : callable
            Called without arguments; its result is ignored.
        """
        self._on_exit.callback(close)

    def spool(self) -> Path:
        """A folder for the run's temporary files, inside the staging folder (deleted at :meth:`commit`)."""
        path = self.staging / SPOOL_NAME
        path.mkdir(exist_ok=True)
        return path

    def manifest(self) -> dict:
        """The manifest of the staged files: generator, run id (from their contents) and files."""
        files = [{"name": p.name, "bytes": p.stat().st_size, "sha256": sha256_file(p)}
                 for p in sorted(self.staging.iterdir()) if p.is_file() and p.name != MANIFEST_NAME]
        run_id = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
        return {"generator": MANIFEST_GENERATOR, "run_id": run_id, "files": files}

    def commit(self) -> list[Path]:
        """Seal the staging folder with its manifest and move every file into OUTDIR.

        Returns
        -------
        list of Path
            The files now in OUTDIR, ``manifest.json`` last.
        """
        shutil.rmtree(self.staging / SPOOL_NAME, ignore_errors=True)
        manifest = self.manifest()
        part = self.staging / f".{MANIFEST_NAME}.part"
        part.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        previous = self.staging / PREVIOUS_NAME  # what to delete, should a crash cut the commit short
        previous.write_text(json.dumps(_file_names(read_manifest(self.outdir))) + "\n", encoding="utf-8")
        for entry in manifest["files"]:
            _fsync(self.staging / entry["name"])
        _fsync(previous)
        _fsync(part)
        os.replace(part, self.staging / MANIFEST_NAME)  # the staging folder is now complete
        _fsync(self.staging)
        self.committed = self._finish(self.staging)
        return self.committed

    def _finish(self, staging: Path) -> list[Path]:
        """Move a complete staging folder's files into OUTDIR (also used to finish a crashed commit)."""
        new = json.loads((staging / MANIFEST_NAME).read_text(encoding="utf-8"))
        new_names = {f["name"] for f in new["files"]}
        try:  # the previous run's files, as recorded before OUTDIR's manifest was deleted
            old = json.loads((staging / PREVIOUS_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = _file_names(read_manifest(self.outdir))
        current = self.outdir / MANIFEST_NAME
        if current.exists():
            current.unlink()  # OUTDIR is "in transition" until the new manifest lands
        moved = []
        for entry in new["files"]:
            src = staging / entry["name"]
            if src.exists():
                os.replace(src, self.outdir / entry["name"])
            moved.append(self.outdir / entry["name"])
        for name in old if isinstance(old, list) else []:
            if isinstance(name, str) and name not in new_names and "/" not in name and name != MANIFEST_NAME:
                (self.outdir / name).unlink(missing_ok=True)  # a file of the previous run this run did not write
        os.replace(staging / MANIFEST_NAME, current)
        _fsync(self.outdir)
        shutil.rmtree(staging, ignore_errors=True)
        return [*moved, current]

    def recover(self) -> None:
        """Finish a commit a crash interrupted, or drop a staging folder a crash left incomplete."""
        if not self.staging.exists():
            return
        if (self.staging / MANIFEST_NAME).is_file():
            self._finish(self.staging)
        else:
            shutil.rmtree(self.staging, ignore_errors=True)


def _file_names(manifest: dict | None) -> list[str]:
    """The names of the files a manifest lists (none for no manifest)."""
    return [entry["name"] for entry in (manifest or {}).get("files", [])
            if isinstance(entry, dict) and isinstance(entry.get("name"), str)]


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk."""
    if sys.platform == "win32" and path.is_dir():  # pragma: no cover - folders cannot be opened there
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
