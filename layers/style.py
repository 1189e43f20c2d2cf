"""Colours, classes and symbol sizes of the map layers.

Role colours are the Okabe-Ito palette (readable with the common colour-vision
deficiencies); every figure is a circle whose *area* is proportional to the count, with
one size scale per layer (troops, incidents, casualties, equipment) so that a large count
of one kind does not shrink the others.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

#: Colour of each role (and the default for a place with no other role: "mention").
ROLE_COLORS = {
    "venue": "#CC79A7",
    "deployment": "#0072B2",
    "incident": "#D55E00",
    "actor": "#009E73",
    "participant": "#E69F00",
    "mention": "#7F7F7F",
}

#: Fill of the proportional circles of each figure layer.
FIGURE_COLORS = {"deployments": "#2166AC", "incidents": "#D55E00", "casualties": "#A50F15", "other": "#6A51A3"}

#: Legend circles closer than this (pixels of radius) to a larger one are left out.
LEGEND_MIN_GAP = 4.0

#: Radius in pixels of the largest circle of a layer, and the smallest any circle gets.
MAX_RADIUS = 28.0
MIN_RADIUS = 3.5

#: Smallest count that gets the largest circle of each layer (its own size scale).
SCALE_FLOORS = {"deployments": 1_000.0, "incidents": 50.0, "casualties": 50.0, "other": 50.0}

#: Radius of a city drawn as a plain place (not a proportional symbol).
PLACE_RADIUS = 6.0


def primary_role(roles: Sequence[str]) -> str:
    """The role a place is drawn with: the first of its roles in :data:`geo.model.ROLES` order."""
    return roles[0] if roles else "mention"


def role_color(roles: Sequence[str]) -> str:
    """Colour of a place with these roles (see :func:`primary_role`)."""
    return ROLE_COLORS.get(primary_role(roles), ROLE_COLORS["mention"])


class RadiusScale:
    """Circle radius for a count, with area proportional to the count.

    Parameters
    ----------
    values : iterable of float
        The counts the layer shows; the largest gets :data:`MAX_RADIUS`.
    floor : float
        The count that gets :data:`MAX_RADIUS` when the data's largest is smaller
        (:data:`SCALE_FLOORS`): three killed do not look like a massacre on their own scale.
    """

    def __init__(self, values: Iterable[float], floor: float = 1.0):
        self.vmax = max(max((float(v) for v in values if v and v > 0), default=1.0), floor)

    def __call__(self, value: float) -> float:
        """Radius in pixels; never below :data:`MIN_RADIUS`."""
        if not value or value <= 0:
            return MIN_RADIUS
        return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(float(value) / self.vmax)), 2)



def legend_values(values: Iterable[float], scale: RadiusScale, most: int = 3) -> list[int]:
    """Up to ``most`` values of the data for a size legend, largest first.

    The largest value, then the data values whose circles come closest to half and a
    quarter of its radius, then the smallest, keeping only circles at least
    :data:`LEGEND_MIN_GAP` pixels apart: every value shown occurs in the data.
    """
    data = sorted({int(v) for v in values if v and v > 0}, reverse=True)
    if not data:
        return []
    chosen = [data[0]]
    top = scale(data[0])
    for target in (top / 2, top / 4, 0.0):
        best = min(data, key=lambda v: abs(scale(v) - target))
        if len(chosen) < most and all(abs(scale(best) - scale(c)) >= LEGEND_MIN_GAP for c in chosen):
            chosen.append(best)
    return sorted(chosen, reverse=True)
