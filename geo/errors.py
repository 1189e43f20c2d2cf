"""Atlante's exceptions: one root, so callers can catch everything Atlante raises."""

from __future__ import annotations


class AtlanteError(Exception):
    """Root of every error Atlante raises on purpose."""


class InputError(AtlanteError):
    """Bad input: a missing path, an unreadable or binary file, empty input, an unknown option value."""


class StepKilledError(AtlanteError):
    """A step of the run died before it finished (killed by a signal, e.g. by the system out of memory)."""


class GazetteerError(AtlanteError):
    """The embedded gazetteer is missing, corrupt, or was asked for an unknown id."""


class GeocoderError(AtlanteError):
    """An online geocoder failed (unreachable, timed out, refused) or was misconfigured."""


class LexiconSchemaError(AtlanteError, ValueError):
    """A lexicon file holds a key its schema (``geo/lexicons/schema.yaml``) does not know, misses a
    required one, or holds a value of the wrong type; the message names the file and the key."""
