"""Which places a figure applies to: a weighed decision over candidate places.

:mod:`geo.figures` gives each figure a first reading of its places (``cue_place_ids``: the place
right after the figure and a locative, else the nearest list in the clause, else the paragraph's
sentence before). This stage weighs every candidate place — the places of the figure's sentence, of
the sentences before it in its paragraph, or, when those name no place, the document's places whose
role fits the figure's kind (where the dead of a report are counted, the report's incident places) — by named features
of the pair (figure, place), with weights fitted by ``geo/data/fit_weights.py`` on real articles,
and keeps the best one, with the places listed with it ("sulle regioni di Sumy, Poltava e
Kharkiv"), when its score passes the fitted threshold:

    score = bias + sum over features f of value(f) * weight[f]

A figure keeps its cue reading where no weights have been fitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.events import Sentence
from geo.lexicons import read_yaml
from geo.model import ROLES
from geo.role_model import FIGURE_GROUPS, contains

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights" / "figure_places.yaml"

#: The role a place of each kind of figure has.
KIND_ROLE = {"troops": "deployment", "killed": "incident", "wounded": "incident", "casualties": "incident",
             "incidents": "incident", "equipment": "incident", "other": "incident"}

#: Features of the place itself, read from the role stage's trace (:mod:`geo.role_model`).
#: (Origins and sources are vetoed, never weighed: see VETOES.)
PLACE_FEATURES = ("locative", "government_of", "government_possessive", "clause_subject", "direction_of",
                  "contains_previous", "in_list", "headline")

#: Rules no weight overrides: where a thing comes from and the source a report cites are never where a
#: figure happened ("missili partiti dall'Iran", "stando a Tbilisi").
VETOES = {"origin_is_no_figure_place": "origin_before", "source_is_no_figure_place": "source_before"}

#: How many sentences back, in the same paragraph, a figure looks for its places.
BACK = 3


def feature_names() -> list[str]:
    """Every feature of a (figure, place) pair, in a fixed order."""
    names = ["cue_chosen", "cue_list_mate", "right_after", "same_sentence", "sentence_before", "elsewhere",
             "after_number", "near", "far", "role_fits_kind", "repeated", "more_specific_here", "cue_empty"]
    names += [f"role:{r}" for r in ROLES]
    names += [f"kind:{k}" for k in ("city", "admin1", "country", "region", "other")]
    names += [f"place:{f}" for f in PLACE_FEATURES]
    names += [f"figure:{k}" for k in ("troops", "hurt", "incidents", "equipment")]
    return names


@dataclass(frozen=True)
class PlaceWeights:
    """Fitted weights: ``bias`` and ``weights[feature]``."""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(v * self.weights.get(k, 0.0) for k, v in features.items())


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> PlaceWeights | None:
    """The fitted weights, or ``None`` when none have been fitted."""
    if not path.is_file():
        return None
    data = read_yaml(path) or {}
    unknown = sorted(set(data.get("weights", {})) - set(feature_names()))
    if unknown:
        raise ValueError(f"{path}: unknown feature(s) {', '.join(unknown)}; refit with geo/data/fit_weights.py")
    return PlaceWeights(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                        float(data.get("threshold", 0.0)))


def candidates(fig, mentions: Sequence, sentences: Sequence[Sentence], text: str) -> list[tuple[object, str]]:
    """(mention, where) for every place a figure may apply to, one mention per place: ``where`` is
    "same_sentence", "sentence_before" or "elsewhere"."""
    order = sorted(sentences, key=lambda s: s.start)
    k = next((n for n, s in enumerate(order) if s.start <= fig.start < s.end), None)
    if k is None:
        return []
    here = order[k]
    out: dict[str, tuple[object, str]] = {}
    for m in mentions:
        if m.entity is not None and here.start <= m.start < here.end:
            best = out.get(m.entity.id)
            if best is None or abs(m.start - fig.start) < abs(best[0].start - fig.start):
                out[m.entity.id] = (m, "same_sentence")
    start = here.start
    for back in range(1, BACK + 1):
        if k - back < 0 or "\n" in text[order[k - back].end : start]:
            break
        prev = order[k - back]
        for m in mentions:
            if m.entity is not None and prev.start <= m.start < prev.end and m.entity.id not in out:
                out[m.entity.id] = (m, "sentence_before")
        start = prev.start
    role = KIND_ROLE.get(fig.kind)
    fallback = not out
    for m in mentions:  # the document's places of the figure's kind, when its own paragraph names none
        if fallback and m.entity is not None and m.role == role and m.entity.id not in out:
            out[m.entity.id] = (m, "elsewhere")
    return [(m, where) for m, where in out.values() if not any(m.features.get(f) for f in VETOES.values())]


def pair_features(fig, m, where: str, pool: Sequence, mentions: Sequence,
                  sentence: Sentence | None) -> dict[str, float]:
    """The named features of one (figure, candidate place) pair."""
    e = m.entity
    f: dict[str, float] = {where: 1.0, f"role:{m.role}": 1.0, f"kind:{e.kind}": 1.0}
    group = FIGURE_GROUPS.get(fig.kind)
    if group:
        f[f"figure:{group}"] = 1.0
    cue = set(fig.cue_place_ids)
    if e.id in cue:
        f["cue_chosen"] = 1.0
    elif m.features.get("in_list") and any(o.entity is not None and o.entity.id in cue and o.sentence_start ==
                                             m.sentence_start and abs(o.start - m.start) < 120 for o in mentions):
        f["cue_list_mate"] = 1.0
    if not cue:
        f["cue_empty"] = 1.0
    if where == "same_sentence":
        if m.start >= fig.end:
            f["after_number"] = 1.0
            if m.features.get("locative") and sentence is not None \
                    and sentence.token_at(m.start) - sentence.token_at(fig.end) <= 6:
                f["right_after"] = 1.0  # "1,000 troops each to Lithuania", "12.000 soldati in Polonia"
        if sentence is not None:
            gap = abs(sentence.token_at(m.start) - sentence.token_at(fig.start))
            if gap <= 8:
                f["near"] = 1.0
            elif gap > 20:
                f["far"] = 1.0
    if KIND_ROLE.get(fig.kind) == m.role:
        f["role_fits_kind"] = 1.0
    if sum(1 for o in mentions if o.entity is not None and o.entity.id == e.id) > 1:
        f["repeated"] = 1.0
    if any(o is not m and o.entity is not None and contains(e, o.entity) for o, w in pool if w == "same_sentence"):
        f["more_specific_here"] = 1.0  # "Kharkiv, Ukraine": a place inside this one stands beside the figure
    for name in PLACE_FEATURES:
        if m.features.get(name):
            f[f"place:{name}"] = 1.0
    return f


def list_mates(pool: Sequence[tuple[object, str]], text: str) -> dict[int, int]:
    """Candidate index -> index of its coordinated list (places of one sentence joined by list words)."""
    from geo.roles import _is_list_gap

    order = sorted(range(len(pool)), key=lambda k: pool[k][0].start)
    group: dict[int, int] = {}
    prev = None
    for k in order:
        m = pool[k][0]
        before = pool[prev][0] if prev is not None else None
        if before is not None and pool[prev][1] == pool[k][1] != "elsewhere" \
                and before.sentence_start == m.sentence_start \
                and before.end <= m.start and _is_list_gap(text[before.end : m.start]):
            group[k] = group[prev]
        else:
            group[k] = k
        prev = k
    return group


def choose(scores: Sequence[float], groups: dict[int, int], threshold: float,
           fallback: Sequence[int] = ()) -> list[int]:
    """The best candidate and its list mates, when the best passes ``threshold``; else ``fallback``
    (rule ``own_sentence_stands``: the places the rules chose in the figure's own sentence — a figure
    whose sentence names its place is not left without one)."""
    if not scores:
        return []
    best = max(range(len(scores)), key=lambda k: scores[k])
    if scores[best] <= threshold:
        return list(fallback)
    return [k for k in range(len(scores)) if groups[k] == groups[best]]


def own_sentence_choice(pool: Sequence[tuple[object, str]], cue_ids: Sequence[str]) -> list[int]:
    """The candidates of the figure's own sentence that the rules chose."""
    cue = set(cue_ids)
    return [k for k, (m, where) in enumerate(pool) if where == "same_sentence" and m.entity.id in cue]


def place_figures(figures: Sequence, mentions: Sequence, sentences: Sequence[Sentence], text: str, *,
                  weights: PlaceWeights | None) -> None:
    """Set each figure's ``place_ids``/``places`` from the weighed candidates, in place.

    Each figure keeps the reading of :mod:`geo.figures` in ``cue_place_ids``; with ``weights`` None
    (no fitted weights, :func:`load_weights`) that reading stands.
    """
    for fig in figures:
        fig.cue_place_ids = list(fig.place_ids)
        if weights is None:
            continue
        pool = candidates(fig, mentions, sentences, text)
        sentence = next((s for s in sentences if s.start <= fig.start < s.end), None)
        scores = [weights.score(pair_features(fig, m, where, pool, mentions, sentence)) for m, where in pool]
        picked = choose(scores, list_mates(pool, text), weights.threshold, own_sentence_choice(pool, fig.cue_place_ids))
        chosen = sorted((pool[k][0] for k in picked), key=lambda m: m.start)
        fig.place_ids = [m.entity.id for m in chosen]
        fig.places = [m.entity.name for m in chosen]
