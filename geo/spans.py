"""Items of a text (spans, mentions, figures, tokens) found by their start, by bisection."""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Sequence


class ByStart:
    """Spans ``(start, end)``, or objects with ``start`` and ``end``, found by bisection: those that start
    in, or overlap, a stretch of text, in their original order, at a cost bounded by the stretch rather
    than by the document (a document of many sentences stays linear).

    Parameters
    ----------
    items : Sequence
        The spans or objects, in any order (kept as given: ``items[k]`` is the item at position ``k``).
    """

    def __init__(self, items: Sequence = ()) -> None:
        self.items = items = list(items)
        # the kinds of items, not each item, are asked whether they are pairs: one C-level pass over the items
        if (items and isinstance(items[0], tuple)) or any(issubclass(kind, tuple) for kind in set(map(type, items))):
            starts = [x[0] if isinstance(x, tuple) else x.start for x in items]
            ends = [x[1] if isinstance(x, tuple) else x.end for x in items]
        else:  # objects: two passes of attribute reads, no pair built per item
            starts = [x.start for x in items]
            ends = [x.end for x in items]
        #: whether the items came sorted by start (then a rank by start is a position)
        self.sorted = all(map(operator.le, starts, starts[1:]))
        if self.sorted:  # most callers pass items in text order: no sort, no permutation to build
            self.order: Sequence[int] = range(len(items))
            self.starts = starts
        else:
            self.order = sorted(range(len(items)), key=starts.__getitem__)
            self.starts = [starts[i] for i in self.order]
        self.longest = max(map(operator.sub, ends, starts), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def ranks(self, lo: int, hi: int) -> tuple[int, int]:
        """The ranks ``[i, j)``, by start, of the items that start in ``[lo, hi)`` (their positions when the
        items came sorted)."""
        return bisect_left(self.starts, lo), bisect_left(self.starts, hi)

    def positions_between(self, lo: int, hi: int) -> list[int]:
        """The positions in ``items`` of the items that start in ``[lo, hi)``, ascending.

        Parameters
        ----------
        lo, hi : int
            Offsets into the text: the stretch, ``hi`` excluded.

        Returns
        -------
        list of int
        """
        i, j = self.ranks(lo, hi)
        return list(range(i, j)) if self.sorted else sorted(self.order[i:j])

    def between(self, lo: int, hi: int) -> list:
        """The items that start in ``[lo, hi)`` (offsets, ``hi`` excluded), in their original order."""
        if self.sorted:
            return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        return [self.items[k] for k in self.positions_between(lo, hi)]

    def overlapping(self, lo: int, hi: int) -> list:
        """The items that overlap ``[lo, hi)`` (``start < hi and lo < end``), in their original order."""
        return [x for x in self.between(lo - self.longest, hi) if _start(x) < hi and lo < _end(x)]


def _start(x) -> int:
    return x[0] if isinstance(x, tuple) else x.start


def _end(x) -> int:
    return x[1] if isinstance(x, tuple) else x.end
