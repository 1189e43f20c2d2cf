"""Language detection from each language's function words (geo/lexicons/<lang>/language.yaml)."""

from __future__ import annotations

import pytest

from geo.language import detect_language, known_languages


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le truppe sono arrivate ieri in Polonia, secondo il ministero.", "it"),
        ("The troops arrived in Poland yesterday, according to the ministry.", "en"),
        ("Les troupes sont arrivées hier en Pologne, selon le ministère.", "fr"),
        ("Die Truppen wurden nach Litauen verlegt und Moskau hat reagiert.", "de"),
        ("Las tropas llegaron ayer a Polonia según el gobierno.", "es"),
        ("KHARTOUM:", "en"),
    ],
)
def test_detects_the_language(text, lang):
    assert detect_language(text) == lang


def test_every_detected_language_can_be_forced():
    assert {"it", "en", "fr", "de", "es"} <= set(known_languages())
