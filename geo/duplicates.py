"""Near-duplicate documents: the same wire republished by several outlets.

Each document's text becomes a set of word shingles (``shingle`` words in a row, lower-cased),
summarised by a MinHash signature (datasketch, ``num_perm`` values); a MinHash LSH index finds
the earlier documents whose estimated Jaccard similarity is at least ``threshold``.  A
document whose shingles are that close to an earlier one is a *copy* of it: another
headline, a byline, a paragraph cut or added leave most shingles in common.  The first
document in input order is kept and counted; its copies are listed as its sources.

The settings are data: ``geo/data/consolidation.yaml``, section ``duplicates``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import numpy as np

CONFIG = Path(__file__).resolve().parent / "data" / "consolidation.yaml"
_WORD = re.compile(r"\w+")


@functools.cache
def settings(path: Path = CONFIG) -> dict[str, Any]:
    """The consolidation settings file, parsed (cached)."""
    from geo.lexicons import read_yaml

    return read_yaml(path)


@functools.cache
def _template():
    from datasketch import MinHash

    conf = settings()["duplicates"]
    return MinHash(num_perm=int(conf["num_perm"]), seed=int(conf["seed"]))


def shingles(text: str, size: int | None = None) -> set[bytes]:
    """The document's word ``size``-grams, lower-cased, as UTF-8 bytes (the whole text if shorter)."""
    size = int(settings()["duplicates"]["shingle"]) if size is None else size
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash values of a text's shingles (``None`` for a text without words)."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    template = _template()
    mh = MinHash(num_perm=len(template.hashvalues), seed=template.seed, permutations=template.permutations,
                 scheme=template.scheme)
    mh.update_batch(list(grams))
    return mh.hashvalues.copy()


class DuplicateFinder:
    """Finds, for each new document, the earlier document it is a copy of.

    Feed documents in input order with :meth:`add`; the first of a group is kept, each later
    copy points at it (never at another copy), so the result does not depend on anything
    but the order of the input.
    """

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        conf = settings()["duplicates"]
        template = _template()
        self._num_perm = len(template.hashvalues)
        self._seed = template.seed
        self._scheme = template.scheme
        self._lsh = MinHashLSH(threshold=float(conf["threshold"]), num_perm=self._num_perm)
        self._threshold = float(conf["threshold"])
        self._signatures: dict[int, np.ndarray] = {}
        self._n = 0

    def add(self, sig: np.ndarray | None) -> int | None:
        """Register the next document; return the index of the document it copies, else ``None``.

        Parameters
        ----------
        sig : numpy.ndarray or None
            Its :func:`signature`; a document without one is never a copy.

        Returns
        -------
        int or None
            The 0-based input index of the kept document, or ``None`` if this one is kept.
        """
        from datasketch import LeanMinHash

        index = self._n
        self._n += 1
        if sig is None:
            return None
        # a LeanMinHash holds the values only: a MinHash would draw its permutations again for every document
        mh = LeanMinHash(seed=self._seed, hashvalues=sig, scheme=self._scheme)
        best, best_j = None, -1.0
        for other in self._lsh.query(mh):
            j = np.count_nonzero(self._signatures[other] == sig) / self._num_perm
            if j >= self._threshold and (j > best_j or (j == best_j and other < best)):
                best, best_j = other, j
        if best is not None:
            return best
        self._lsh.insert(index, mh, check_duplication=False)
        self._signatures[index] = sig
        return None
