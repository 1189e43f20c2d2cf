"""Manual corrections: fix a resolution, add a missing place, or drop a false one.

A corrections file (YAML or CSV) maps a surface — optionally only in one document —
to a gazetteer id, to coordinates, or to "not a place"::

    # corrections.yaml
    - surface: Georgia            # every "Georgia" ...
      place_id: admin1:US-GA      # ... is the US state
    - surface: Mitrovica Nord
      doc_id: it_kosovo_kfor      # only in this document
      lat: 42.893
      lon: 20.866
      name: North Mitrovica
    - surface: Solo
      not_place: true

CSV files use the same keys as columns (``surface,doc_id,place_id,lat,lon,name,not_place``).
Surfaces match like the gazetteer does (case, accents and apostrophes ignored).  A
surface the recogniser missed is added wherever it stands in the text.  Rules that
match nothing are reported, so a stale file does not fail silently.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from geo.errors import InputError
from geo.model import Document, Entity, Mention
from geo.normalize import fold, fold_key
from geo.sentences import sentence_at, split_sentences

_TRUE = {"1", "true", "yes", "y", "x"}


@dataclass
class Rule:
    """One correction."""

    surface: str
    doc_id: str | None = None
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    name: str | None = None
    not_place: bool = False
    where: str = ""
    used: int = 0

    @property
    def key(self) -> str:
        return fold_key(self.surface)


@dataclass
class Corrections:
    """A loaded corrections file; :meth:`apply` fixes one document's mentions."""

    rules: list[Rule] = field(default_factory=list)
    source: str = ""

    def _rule_for(self, surface: str, doc_id: str) -> Rule | None:
        key = fold_key(surface)
        found = None
        for r in self.rules:
            if r.key == key and (r.doc_id is None or r.doc_id == doc_id):
                if r.doc_id is not None:
                    return r  # a per-document rule beats a general one
                found = found or r
        return found

    def _entity(self, rule: Rule, gazetteer) -> Entity:
        if rule.place_id:
            if rule.place_id not in gazetteer:
                raise InputError(f"{rule.where}: unknown place_id {rule.place_id!r}")
            return gazetteer.get(rule.place_id)
        country = None
        try:
            hit = gazetteer.reverse(rule.lat, rule.lon, kinds=("country",))
            country = hit.country if hit else None
        except Exception:  # noqa: BLE001 - the country is a nicety, never a reason to fail
            country = None
        slug = re.sub(r"[^a-z0-9]+", "-", fold(rule.name or rule.surface)).strip("-")
        return Entity(id=f"custom:{slug}", name=rule.name or rule.surface, kind="other", country=country,
                      admin1=None, lat=float(rule.lat), lon=float(rule.lon))

    def apply(self, doc: Document, mentions: list[Mention], gazetteer) -> list[Mention]:
        """Return ``mentions`` corrected: re-resolved, dropped or added."""
        out: list[Mention] = []
        for m in mentions:
            rule = self._rule_for(m.surface, doc.doc_id)
            if rule is None:
                out.append(m)
                continue
            rule.used += 1
            if rule.not_place:
                continue
            m.entity = self._entity(rule, gazetteer)
            m.confidence = 1.0
            out.append(m)
        added = self._missing(doc, out, gazetteer)
        # A corrected span replaces the shorter names found inside it ("passo di Vrata" over "Vrata").
        out = [m for m in out if not any(a.start <= m.start and m.end <= a.end for a in added)] + added
        out.sort(key=lambda m: m.start)
        return out

    def _missing(self, doc: Document, mentions: list[Mention], gazetteer) -> list[Mention]:
        added = []
        folded = fold(doc.text)
        sentences = split_sentences(doc.text) or [(0, len(doc.text))]
        # Names already taken by corrected mentions; a plain mention inside a rule's span gives way.
        taken = [(m.start, m.end) for m in mentions if m.confidence == 1.0 and m.entity is not None
                 and self._rule_for(m.surface, doc.doc_id) is not None]
        for rule in self.rules:
            if rule.not_place or (rule.doc_id is not None and rule.doc_id != doc.doc_id):
                continue
            for match in re.finditer(rf"(?<!\w){re.escape(rule.key)}(?!\w)", folded):
                s, e = match.span()
                if any(a < e and s < b for a, b in taken):
                    continue
                rule.used += 1
                sent = sentence_at(sentences, s)
                added.append(Mention(doc_id=doc.doc_id, start=s, end=e, surface=doc.text[s:e],
                                     entity=self._entity(rule, gazetteer), confidence=1.0,
                                     sentence_start=sent[0], sentence_end=sent[1]))
                taken.append((s, e))
        return added

    def unused_report(self) -> list[str]:
        """One line per rule that matched nothing in any document."""
        return [f"{r.where}: correction for {r.surface!r}"
                f"{' in ' + r.doc_id if r.doc_id else ''} matched nothing" for r in self.rules if not r.used]


def load_corrections(path: Path) -> Corrections:
    """Read a YAML (``.yaml``/``.yml``) or CSV corrections file.

    Raises
    ------
    InputError
        The file is missing, unreadable, or a rule is incomplete or contradictory.
    """
    if not path.is_file():
        raise InputError(f"{path}: corrections file not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read corrections ({exc})") from None
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
        if isinstance(data, dict):
            data = data.get("corrections", [])
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a list of corrections")
        rows = data
    elif suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
    else:
        raise InputError(f"{path}: corrections must be .yaml, .yml or .csv")
    return Corrections([_rule(row, f"{path}:{i}") for i, row in enumerate(rows, 1)], source=str(path))


def _rule(row: object, where: str) -> Rule:
    if not isinstance(row, dict):
        raise InputError(f"{where}: each correction must be a mapping")
    row = {k: (None if v in ("", None) else v) for k, v in row.items()}
    surface = row.get("surface")
    if not surface:
        raise InputError(f"{where}: 'surface' is required")
    not_place = str(row.get("not_place") or "").strip().lower() in _TRUE or row.get("not_place") is True
    place_id = row.get("place_id")
    lat, lon = row.get("lat"), row.get("lon")
    targets = sum([bool(place_id), lat is not None or lon is not None, not_place])
    if targets != 1:
        raise InputError(f"{where}: give exactly one of place_id, lat+lon, or not_place for {surface!r}")
    if (lat is None) != (lon is None):
        raise InputError(f"{where}: give both lat and lon for {surface!r}")
    try:
        lat_f = None if lat is None else float(lat)
        lon_f = None if lon is None else float(lon)
    except (TypeError, ValueError):
        raise InputError(f"{where}: lat/lon must be numbers for {surface!r}") from None
    if lat_f is not None and not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        raise InputError(f"{where}: coordinates out of range for {surface!r}")
    return Rule(surface=str(surface), doc_id=None if row.get("doc_id") is None else str(row["doc_id"]),
                place_id=place_id, lat=lat_f, lon=lon_f, name=row.get("name"), not_place=not_place, where=where)
