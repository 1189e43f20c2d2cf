"""Keeping a long run's peak memory down: give freed memory back, run a big transient step in a child.

A run's steps after parsing (places, merge, files, map) each allocate much and free most of it; the
allocators keep what was freed, so every step starts from the high-water mark of the ones before.

* :func:`release_memory` collects garbage and asks glibc to return its free pages to the system
  (``malloc_trim``; nothing on other C libraries), between steps;
* :func:`in_child` runs one step in a forked child process that sends its (small) result back:
  what the step allocated on the way goes back to the system when the child exits.  Where ``fork``
  is missing (Windows, or when disabled) the step runs in this process, with the same result.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: Set to ``False`` to run every :func:`in_child` step in this process.
FORK = True


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or ``None`` where the C library has none (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_memory() -> bool:
    """Collect garbage, then return the C heap's free pages to the system (glibc's ``malloc_trim(0)``).

    Returns
    -------
    bool
        Whether the C library could be asked (``False``: only the collection ran).
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def can_fork() -> bool:
    """Whether :func:`in_child` runs its work in a child process (``os.fork`` exists and :data:`FORK`)."""
    return FORK and hasattr(os, "fork")


def in_child(work: Callable[[], T]) -> T:
    """``work()``, computed in a forked child process whose memory goes back to the system when it ends.

    The child starts as a copy of this process (open files, modules, data) and may write files; its
    result (or the exception it raised) comes back pickled through a temporary file, so it must be
    picklable and should be small beside what ``work`` allocates.  Buffered output is flushed before
    the fork, so that nothing is written twice.  Without ``fork`` (see :func:`can_fork`) ``work`` runs
    here.

    Parameters
    ----------
    work : callable
        Called without arguments in the child.

    Returns
    -------
    Any
        What ``work`` returned.

    Raises
    ------
    BaseException
        What ``work`` raised (a ``RuntimeError`` naming it when it cannot be pickled), or
        ``RuntimeError`` when the child died without an answer (killed, out of memory).
    """
    if not can_fork():
        return work()
    fd, path = tempfile.mkstemp(prefix="atlante-child-", suffix=".pickle")
    os.close(fd)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            _child(work, path)
        _, status = os.waitpid(pid, 0)
        with open(path, "rb") as fh:
            answer = fh.read()
        if not answer:
            raise RuntimeError(f"a child process of the run ended without an answer (exit status "
                               f"{os.waitstatus_to_exitcode(status)})")
        ok, value = pickle.loads(answer)
    finally:
        os.unlink(path)
    if not ok:
        raise value
    return value


def _child(work: Callable[[], Any], path: str) -> None:  # pragma: no cover - runs in the child
    """Run ``work``, write ``(ok, result or exception)`` to ``path`` and leave at once (no exit handlers)."""
    code = 0
    try:
        try:
            answer = (True, work())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            code = 1
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception
            code = 1
            data = pickle.dumps((False, RuntimeError(f"the child's answer cannot be sent back: {exc!r} "
                                                     f"({answer[1]!r:.200})")))
        with open(path, "wb") as fh:
            fh.write(data)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)
