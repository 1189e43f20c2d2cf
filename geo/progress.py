"""The progress bars of reading documents, on standard error: the run's bar of documents and a long document's own.

:func:`geo.parallel.parse_stream` shows the documents read (:func:`bar`); a document read in windows
(:func:`geo.windows.parse_windows`) moves that bar only when its last window is read, so with
:func:`show_window_bars` on it shows its own bar of characters, once per window (:func:`window_bar`).
Both modules read this one, and neither reads the other for it.  tqdm is imported when a bar is made,
not with this module (a run's start-up).
"""

from __future__ import annotations

import sys
from typing import Any

#: Seconds before a progress bar shows: a short run prints none.
PROGRESS_DELAY = 1.0

#: Whether a document read in windows shows its progress in this process (:func:`show_window_bars`).
_WINDOW_BARS = {"on": False}


def bar(desc: str, *, unit: str, disable: bool, **options: Any) -> Any:
    """A tqdm bar on standard error that shows after :data:`PROGRESS_DELAY` seconds.

    On a terminal it redraws itself and goes when closed; in a log it writes a line every few seconds,
    and the last one stays.

    Parameters
    ----------
    desc : str
        What the bar counts, before its numbers.
    unit : str
        The unit of its count.
    disable : bool
        Show nothing (tqdm's no-op bar).
    **options
        More of tqdm's arguments (``total``, ``unit_scale``, ``position``, ``bar_format``...); a ``mininterval``
        or ``dynamic_ncols`` among them replaces this function's.

    Returns
    -------
    tqdm.tqdm
        The bar (a context manager; :meth:`update` it, then close it).
    """
    from tqdm import tqdm

    tty = sys.stderr.isatty()
    options = {"mininterval": 0.5 if tty else 5.0, "dynamic_ncols": True, **options}
    return tqdm(desc=desc, unit=unit, disable=disable, delay=PROGRESS_DELAY, file=sys.stderr, leave=not tty,
                **options)


def show_window_bars(on: bool) -> bool:
    """Show, or not, a progress bar on standard error while this process reads a document in windows.

    The run's document bar (:func:`geo.parallel.parse_stream`) moves once a document is read, so a
    long document alone would show nothing for a long while: with this on,
    :func:`geo.windows.parse_windows` shows the characters read so far, once per window
    (:func:`window_bar`, after :data:`PROGRESS_DELAY`).

    Parameters
    ----------
    on : bool
        Whether to show it.

    Returns
    -------
    bool
        The previous setting.
    """
    before, _WINDOW_BARS["on"] = _WINDOW_BARS["on"], bool(on)
    return before


def window_bar(doc_id: str, chars: int) -> Any:
    """The progress bar of a document read in windows (in characters; a no-op one unless :func:`show_window_bars`).

    Parameters
    ----------
    doc_id : str
        The document's id, shown in the bar (its control characters as ``?``: an id comes from the
        user's input and never writes to the terminal; cut to 30 characters).
    chars : int
        The length of its text.

    Returns
    -------
    tqdm.tqdm
        The bar, under the run's bar of documents.
    """
    name = "".join(c if c.isprintable() else "?" for c in doc_id)  # no control character reaches a terminal
    name = name if len(name) <= 30 else name[:29] + "…"
    return bar(f"reading {name}", unit="char", disable=not _WINDOW_BARS["on"], total=chars, unit_scale=True,
               position=None if sys.stderr.isatty() else 0)  # a log has no line to move up to, under the run's bar
