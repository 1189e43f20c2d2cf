"""Keeping a long run's peak memory down: give freed memory back, run a big transient step in a child.

A run's steps after parsing (places, merge, files, map) each allocate much and free most of it; the
allocators keep what was freed, so every step starts from the high-water mark of the ones before.

* :func:`release_memory` collects garbage and asks glibc to return its free pages to the system
  (``malloc_trim``; nothing on other C libraries), between steps;
* :func:`in_child` runs one step in a forked child process that sends its (small) result back:
  what the step allocated on the way goes back to the system when the child exits.  Off Linux (or
  when disabled) the step runs in this process, with the same result.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import operator
import os
import pickle
import secrets
import signal
import sys
import tempfile
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from geo.errors import StepKilledError

T = TypeVar("T")

#: Set to ``False`` to run every :func:`in_child` step in this process.
FORK = True


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The symbols of this process on Linux, which hold those of the C library Python runs on, or ``None``
    (another system).

    ``dlopen(NULL)`` (``ctypes.CDLL(None)``) answers at once; ``ctypes.util.find_library("c")`` would run
    ``ldconfig -p`` in a new process each time it is asked (a few ms of CPU, and once more in every forked
    child of :func:`in_child`, on a run of one article).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def _libc_function(name: str) -> Any:
    """The C library's function ``name`` on Linux, or ``None`` (another system, or a C library without it)."""
    libc = _libc()
    return getattr(libc, name, None) if libc is not None else None


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or ``None`` where the C library has none (musl, macOS, Windows)."""
    trim = _libc_function("malloc_trim")
    if trim is None:
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
    """Whether :func:`in_child` runs its work in a child process: on Linux, with :data:`FORK` set.

    Elsewhere the step runs in this process: a forked child on macOS may crash or hang in the system's
    frameworks, and the memory it would give back is what glibc's allocator keeps (see
    :func:`release_memory`).
    """
    return FORK and sys.platform.startswith("linux") and hasattr(os, "fork")


class ChildTraceback(Exception):
    """The traceback of an exception raised in a child process, as text: the cause of the re-raised one."""

    def __str__(self) -> str:
        return "\n" + (self.args[0] if self.args else "")


def in_child(work: Callable[[], T], *, name: str = "a step", scratch: str | os.PathLike | None = None,
             fork: bool = True) -> T:
    """``work()``, computed in a forked child process whose memory goes back to the system when it ends.

    The child starts as a copy of this process (open files, modules, data) and may write files; its
    result (or the exception it raised, with the child's traceback as its cause) comes back pickled
    through a temporary file, so it must be picklable and should be small beside what ``work``
    allocates; the warnings it raised are raised again here, under this process's filters.  Buffered output
    is flushed before the fork, so that nothing is written twice.  The child
    ignores Ctrl-C and dies with this process; when this process is interrupted while it waits, the
    child is killed before the interruption goes on.  Without ``fork`` (see :func:`can_fork`), or when
    the system cannot make a child, ``work`` runs here.

    Parameters
    ----------
    work : callable
        Called without arguments in the child.
    name : str, optional
        What the step is, for the message when the child is killed (``"the merge"``).
    scratch : path-like, optional
        The folder of the answer's temporary file (the run's own scratch folder; default: the system's).
    fork : bool, default True
        ``False`` runs ``work`` here: for a small step, whose allocations are smaller than what a fork costs
        (the child's copy of the page tables and of every page it writes: some 30-40 ms of CPU for a process
        of 200 MB).

    Returns
    -------
    Any
        What ``work`` returned.

    Raises
    ------
    StepKilledError
        When the child ended without its whole answer (killed by a signal, e.g. out of memory, or unable
        to write it).
    BaseException
        What ``work`` raised (a ``RuntimeError`` naming it when it cannot be sent back).
    """
    if not fork or not can_fork():
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # this thread's mask, unchanged: what is restored
    # The answer's file is made inside the try below, under a name chosen here, and its descriptor kept by C code
    # (as the pid is, below): an interruption raised as it is made (tempfile.mkstemp runs Python after the file
    # exists, where Python may raise it) would leave the file behind.  Its name is removed at once: the child
    # inherits the descriptor and writes through it, this process reads through it, and closing it is the only
    # cleanup left (nothing stays behind when an interruption comes as it is closed, nor when this process is
    # killed outright while the child works).
    path = os.path.join(tempfile.gettempdir() if scratch is None else os.fspath(scratch),
                        f"atlante-child-{parent}-{secrets.token_hex(8)}.pickle")
    made: list[int] = []
    # During the fork this thread blocks every signal: a handler would otherwise run in the fork's own hooks
    # (logging's, in Python), where Python prints an exception and drops it (an interruption lost, the
    # step then waited for); what comes meanwhile is raised when the mask is restored, the pid known.  A
    # signal that another thread receives is still handled here as soon as Python checks: the child's pid
    # (0 in the child) is kept by C code (list.extend, map, operator.call) as the fork returns, since an
    # interruption raised as ``pid = os.fork()`` returns loses the pid, the child left running and the
    # signals left blocked.  Known limit: with another thread alive, a Ctrl-C the kernel gives that thread
    # during the fork can still be handled inside the fork's Python hooks and dropped there (CPython prints
    # "Exception ignored"); the step then runs to its end instead of being interrupted.
    born: list[int] = []
    try:
        made.extend(map(operator.call, [functools.partial(os.open, path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)]))
        fd = made[0]
        os.unlink(path)
        signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        born.extend(map(operator.call, [os.fork]))
    except BaseException as exc:  # no file, the fork failed, or an interruption came (as a step returned)
        if born == [0]:  # pragma: no cover - the child, interrupted before its step: it leaves at once
            os._exit(NO_ANSWER)
        try:
            if born:  # the child goes too, before anything else
                _kill(born[0])
        finally:
            try:
                if made:
                    try:  # (the name first: an interruption raised as the descriptor is closed would skip it)
                        with contextlib.suppress(FileNotFoundError):  # (already removed)
                            os.unlink(path)
                    finally:
                        os.close(made[0])
            finally:  # (a second interruption in the cleanup still leaves the mask restored)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal that came during the fork is raised here
        if isinstance(exc, OSError) and made and not born:
            return work()  # no memory or no process left for a child (the fork's OSError): the step runs here
        raise
    pid = born[0]  # (no handler runs from the fork to the try below: no call, no backward jump)
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        _child(work, fd, parent, mask)
    try:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal that came during the fork is raised here
            _, status = os.waitpid(pid, 0)
        except BaseException:  # interrupted while waiting: the child goes too, before anything else
            _kill(pid)
            raise
        code = os.waitstatus_to_exitcode(status)
        answer = b""
        if code == 0:  # read through the descriptor (the file has no name left)
            os.lseek(fd, 0, os.SEEK_SET)
            answer = b"".join(iter(functools.partial(os.read, fd, 1 << 20), b""))
    finally:
        os.close(fd)
    if code != 0:  # killed (perhaps in the middle of its answer), or it could not write its answer
        hint = " (out of memory?)" if code == -signal.SIGKILL else ""
        raise StepKilledError(f"{name} was killed by signal {-code} before it finished{hint}" if code < 0
                              else f"{name} ended with status {code} before it finished")
    try:
        ok, value, trace, caught = pickle.loads(answer)
    except Exception as exc:  # noqa: BLE001 - the child checked it could be read back; this is a backstop
        raise RuntimeError(f"the answer of {name} cannot be read back: {exc!r}") from None
    for message, category, filename, lineno in caught:  # the child's warnings, as if raised here
        warnings.warn_explicit(message, category, filename, lineno)
    if not ok:
        raise value from ChildTraceback(trace)
    return value


def _kill(pid: int) -> None:
    """Kill and reap the child ``pid`` (nothing when it was already reaped).

    An interruption (a second Ctrl-C, or any handler that raises) between the kill and the wait would leave
    the child a zombie: it is raised once the child is gone.  Blocking the signals of this thread is not
    enough: a Ctrl-C goes to the whole process, and when another thread (a progress bar's monitor, a
    pool's worker) receives it, Python still raises it here, whatever this thread's mask; so an
    interruption (KeyboardInterrupt, the only exception the project's signal handlers raise) during the kill
    or the wait is kept, the step is made again, and the interruption is raised afterwards; any other error
    is raised at once, as it would come back on every attempt.  The kill is only repeated before the wait:
    once reaped, the pid may belong to another process.  Reading this thread's mask and blocking its
    signals are steps too: Python raises an interruption as ``pthread_sigmask`` returns, after the mask
    changed, and the mask it returns (the one to restore) would be lost with it.  Python raises an
    interruption where it checks for one (a call's return, a backward jump, a function's start): every such
    point from the first step on lies inside the try of the steps' loop, the loop's own jumps included, so an
    interruption raised as a step succeeded makes that step again (harmless for each) and none escapes before
    the child is reaped.  Left: one raised at this function's own start (nothing done yet: the caller's), and
    a second one within the few instructions of the handler that keeps the first.
    """
    interruption: BaseException | None = None
    mask: set[signal.Signals] | None = None

    def keep_mask() -> None:
        nonlocal mask
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # unchanged: what is restored at the end

    steps = (keep_mask, lambda: signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals()),
             lambda: os.kill(pid, signal.SIGKILL), lambda: os.waitpid(pid, 0))
    done = 0  # the steps made
    try:
        while True:
            try:  # the loop over the steps, its jumps and the count of steps made lie inside the try: an interruption
                while done < len(steps):  # that Python raises as a step returns, or at the loop's jump, is caught
                    try:  # noqa: SIM105 - (plain: contextlib.suppress would run Python between a step and its count)
                        steps[done]()
                    except (ProcessLookupError, ChildProcessError):
                        pass  # already reaped (the interruption came just after the wait returned)
                    done += 1
                break
            except KeyboardInterrupt as exc:  # raised below, once the child is reaped; the step is made again
                interruption = interruption or exc  # (only an interruption: another error would come back each time)
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal that came to this thread is raised here
    if interruption is not None:
        raise interruption


#: The child's exit status until its whole answer is written (0 after): anything else is no answer.
NO_ANSWER = 3


def _child(work: Callable[[], Any], fd: int, parent: int, mask: Any) -> None:  # pragma: no cover - in the child
    """Run ``work``, write ``(ok, result or exception, traceback)`` to ``fd`` and leave at once (no exit
    handlers), with status 0 only once the whole answer is written."""
    code = NO_ANSWER
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        _die_with_parent()
        if os.getppid() != parent:  # the parent died before the request took hold
            return
        with warnings.catch_warnings(record=True) as caught:  # the parent issues them, under its own filters
            try:
                answer = (True, work(), "")
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                answer = (False, exc, traceback.format_exc())
        answer = (*answer, _warnings_of(caught))
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.loads(data)  # what the parent could not read back is sent as a RuntimeError
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception
            data = pickle.dumps((False, RuntimeError(f"the child's answer cannot be sent back: {exc!r} "
                                                     f"({answer[1]!r:.200})"), answer[2], answer[3]))
        os.lseek(fd, 0, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        code = 0
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _warnings_of(caught: list[warnings.WarningMessage]) -> list[tuple[str, type[Warning], str, int]]:
    """The child's warnings as ``(message, category, filename, lineno)``, each picklable (a category that is
    not becomes a ``UserWarning`` with its name in the message)."""
    out = []
    for w in caught:
        category = w.category if isinstance(w.category, type) and issubclass(w.category, Warning) else UserWarning
        try:
            pickle.loads(pickle.dumps(category))
        except Exception:  # noqa: BLE001 - a warning class made on the fly
            category = UserWarning
        out.append((str(w.message), category, str(w.filename), int(w.lineno or 0)))
    return out


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Ask Linux to kill this process when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``)."""
    prctl = _libc_function("prctl")
    if prctl is not None:
        prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
