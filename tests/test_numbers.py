"""Numbers as journalists write them: geo.numbers."""

from __future__ import annotations

import pytest

from geo.normalize import fold
from geo.numbers import NumberMatch, Phrases, find_numbers, parse_number, tokenize

PARSE_ROWS = [
    # Italian: "." groups thousands, "," is the decimal mark
    ("it", "12.000", 12000),
    ("it", "12,000", 12000),  # English-style grouping in an Italian text is still twelve thousand
    ("it", "1.200.000", 1200000),
    ("it", "1,5 milioni", 1500000),
    ("it", "1.500 milioni", 1500000000),
    ("it", "20 mila", 20000),
    ("it", "20mila", 20000),
    ("it", "ventimila", 20000),
    ("it", "venti mila", 20000),
    ("it", "ventitré", 23),
    ("it", "cento e venti", 120),
    ("it", "due milioni", 2000000),
    ("it", "una dozzina", 12),
    ("it", "una decina", 10),
    ("it", "un migliaio", 1000),
    ("it", "decine", 10),
    ("it", "centinaia", 100),
    ("it", "migliaia", 1000),
    ("it", "decine di migliaia", 10000),
    ("it", "tra 10.000 e 12.000", 10000),
    ("it", "tra i 10.000 e i 12.000", 10000),
    ("it", "tra 10 e 12 mila", 10000),
    ("it", "18", 18),
    # English: "," groups thousands, "." is the decimal mark
    ("en", "12,000", 12000),
    ("en", "1.5 million", 1500000),
    ("en", "3.125 million", 3125000),
    ("en", "2 million", 2000000),
    ("en", "twenty thousand", 20000),
    ("en", "twenty-two", 22),
    ("en", "one hundred and twenty", 120),
    ("en", "two dozen", 24),
    ("en", "a dozen", 12),
    ("en", "half a dozen", 6),
    ("en", "dozens", 12),
    ("en", "hundreds", 100),
    ("en", "thousands", 1000),
    ("en", "hundreds of thousands", 100000),
    ("en", "several hundred", 100),
    ("en", "between 10,000 and 12,000", 10000),
    ("en", "10-12 thousand", 10000),
    ("en", "two or three", 2),
    # French: space or no-break space groups thousands
    ("fr", "12 000", 12000),
    ("fr", "12\u00a0000", 12000),
    ("fr", "12\u202f000", 12000),
    ("fr", "1,5 million", 1500000),
    ("fr", "vingt mille", 20000),
    ("fr", "quatre-vingt-dix", 90),
    ("fr", "vingt et un", 21),
    ("fr", "une douzaine", 12),
    ("fr", "une vingtaine", 20),
    ("fr", "un millier", 1000),
    ("fr", "des centaines", 100),
    ("fr", "des dizaines de milliers", 10000),
    ("fr", "entre 10 000 et 12 000", 10000),
    # not one number expression
    ("it", "12,5", None),
    ("en", "2.5", None),
    ("it", "una", None),
    ("fr", "une", None),
    ("en", "a", None),
    ("en", "82nd", None),
    ("en", "F-16", None),
    ("en", "G7", None),
    ("it", "10:30", None),
    ("it", "6/1/2026", None),
    ("it", "45°", None),
    ("en", "soldiers", None),
    ("it", "12 e 14", None),
    ("en", "1.623,427.54", None),  # malformed: no number, no crash
]


@pytest.mark.parametrize(("lang", "text", "expected"), PARSE_ROWS)
def test_parse_number(lang: str, text: str, expected: int | None) -> None:
    assert parse_number(text, lang) == expected


def test_find_numbers_gives_offsets_in_the_original_text() -> None:
    text = "Circa 12.000 soldati, poi una dozzina di carri e ventimila uomini."
    found = find_numbers(text, "it")
    assert [text[m.start : m.end] for m in found] == ["12.000", "una dozzina", "ventimila"]
    assert [m.value for m in found] == [12000, 12, 20000]
    assert [m.approx_word for m in found] == [False, True, False]
    assert [m.spelled for m in found] == [False, True, True]


def test_range_keeps_both_ends_and_its_prefix() -> None:
    (m,) = find_numbers("between 10,000 and 12,000 troops", "en")
    assert (m.start, m.value, m.low, m.high) == (0, 10000, 10000, 12000)
    (m,) = find_numbers("10-12 thousand", "en")
    assert (m.low, m.high) == (10000, 12000)


def test_a_change_is_not_a_range() -> None:
    found = find_numbers("il contingente potrebbe salire da 12.000 a 20.000 uomini", "it")
    assert [(m.value, m.high) for m in found] == [(12000, None), (20000, None)]


def test_descending_pair_is_not_a_range() -> None:
    assert [m.value for m in find_numbers("finì 3-1", "it")] == [3, 1]


def test_vague_plural_is_a_lower_bound() -> None:
    (m,) = find_numbers("centinaia di soldati", "it")
    assert (m.value, m.low, m.high, m.vague) == (100, 100, None, True)


def test_percent_words_are_not_numbers() -> None:
    assert [m.value for m in find_numbers("il 12 per cento", "it")] == [12]
    assert [m.value for m in find_numbers("12 pour cent", "fr")] == [12]


def test_plain_space_groups_thousands_only_in_french() -> None:
    assert [m.value for m in find_numbers("les 12 000 soldats", "fr")] == [12000]
    assert [m.value for m in find_numbers("in 2025 300 soldiers", "en")] == [2025, 300]


def test_number_match_is_frozen() -> None:
    m = NumberMatch(0, 2, 12)
    with pytest.raises(AttributeError):
        m.value = 13  # type: ignore[misc]


def test_phrases_match_folded_tokens() -> None:
    toks = tokenize("jusqu'a 20 000")
    phrases = Phrases(["jusqu'à", "au moins"])
    assert phrases.match_at(toks, 0) == 3
    assert phrases.match_ending(toks, 3) == 3
    with pytest.raises(ValueError):
        Phrases([True])


def test_tokenize_gives_each_caller_its_own_list() -> None:
    # tokens are made once per text and shared: a caller editing its list leaves the next one whole
    first = tokenize("a dozen soldiers, 12 trucks")
    texts = [t.text for t in first]
    first.clear()
    again = tokenize("a dozen soldiers, 12 trucks")
    assert [t.text for t in again] == texts == ["a", "dozen", "soldiers", ",", "12", "trucks"]
    assert [t.text for t in tokenize("a dozen soldiers, 12 trucks", 2, 16)] == ["dozen", "soldiers"]


@pytest.mark.parametrize("text", [
    "Near Tromsø,  three\u00a0hundred_fishermen\n\n(1,250) waited; 2\u2009000 more?",
    "  leading and trailing white space  ",
    "digits of other scripts \u0663\u0664, a fraction \u00bd, squared km\u00b2, a_b__c",
    "accents written apart: Sa\u0303o Tome\u0301 - north-north-west -- ...",
    "",
    " \t\n ",
])
def test_tokens_are_the_token_pattern_matches(text: str) -> None:
    """The tokens, read from the lengths ``findall`` returns, are those of the token pattern's matches: every
    character that is no white space belongs to a token, whatever the script."""
    import geo.numbers as numbers

    folded = fold(text)
    for start, stop in [(0, len(folded)), (min(3, len(folded)), max(0, len(folded) - 2))]:
        numbers.forget_texts()
        expected = [(m.start(), m.end(), m.group()) for m in numbers._TOKEN_RE.finditer(folded, start, stop)]
        assert [(t.start, t.end, t.text) for t in tokenize(folded, start, stop)] == expected


@pytest.mark.parametrize("lang", ["en", "it", "fr", "de"])
def test_word_heads_are_the_number_words(lang: str) -> None:
    """A word starts a spelled-out number of an ASCII text (:class:`geo.numbers._WordHeads`, kept per word) as the
    tests read one by one would say: a letter first, no vague plural, a value or an article of ``not_alone``."""
    import geo.numbers as numbers

    lex = numbers._numlex(lang)
    heads = numbers._word_heads(lang, lex)
    values = numbers._number_words(lang)
    words = ["twelve", "dozen", "hundreds", "a", "one", "x1", "1x", "soldiers", "-", "dodici", "centinaia", "una",
             "un", "douze", "vingt", "zwolf", "ein", "eine", *sorted(lex.vague_words), *sorted(lex.not_alone)]
    for word in words:
        expected = word[0].isalpha() and word not in lex.vague_words and (
            values[word] is not None or word in lex.not_alone)
        assert heads[word] is expected, word
    assert numbers._word_heads(lang, lex) is heads


def test_phrase_heads_are_the_first_words() -> None:
    phrases = Phrases(["per cento", "pour cent", "percent"])
    assert phrases.heads == {"per", "pour", "percent"}
    toks = tokenize("cento per cento")
    assert phrases.match_at(toks, 0) == 0 and phrases.match_at(toks, 1) == 2


def test_number_words_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one memo of text2num's readings starts again when full: a stream of new words never grows it past
    its cap, and the words read after a restart keep their values."""
    import geo.numbers as numbers

    monkeypatch.setattr(numbers, "NUMBER_WORDS_SIZE", 8)
    monkeypatch.setattr(numbers, "_NUMBER_WORDS", {})
    values = numbers._number_words("en")
    for n in range(40):
        assert values[f"word{n}"] is None
        assert len(values) <= 8
    assert values["twenty"] == 20 and values["seven"] == 7
    assert len(values) <= 8
    assert parse_number("twenty three thousand", "en") == 23000


def test_word_heads_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The words' heads start again when full, as the values do, and answer alike after a restart."""
    import geo.numbers as numbers

    monkeypatch.setattr(numbers, "NUMBER_WORDS_SIZE", 8)
    monkeypatch.setattr(numbers, "_WORD_HEADS", {})
    heads = numbers._word_heads("en", numbers._numlex("en"))
    for n in range(40):
        assert heads[f"word{n}"] is False
        assert len(heads) <= 8
    assert heads["twenty"] is True and heads["hundreds"] is False


def test_ascii_and_accented_texts_read_number_words_alike() -> None:
    """Number words are read from the original words (lower-cased), in an ASCII text as in one with accents."""
    assert [m.value for m in find_numbers("Twenty-one soldiers and THREE civilians", "en")] == [21, 3]
    assert [m.value for m in find_numbers("Ventitré soldati e TRE civili già arrivati", "it")] == [23, 3]
    assert [m.value for m in find_numbers("Veintitrés soldados y tres civiles", "es")] == [23, 3]


@pytest.mark.parametrize("tail", [" ", "\u00a0\n", "\u3000\t"])
def test_long_trailing_white_space_ends_the_tokens_in_linear_time(tail: str) -> None:
    """Tokens of a text ending in 200,000 characters of white space, whole and in a window, as the token
    pattern's matches: the white space is read once (retried from each of its characters, quadratic, the
    tokens would take minutes here)."""
    import geo.numbers as numbers

    folded = fold("Cortina, 3 maggio: 40 cm di neve a Belluno." + tail * (200_000 // len(tail)))
    for start, stop in [(0, len(folded)), (8, len(folded) - 5)]:
        numbers.forget_texts()
        expected = [(m.start(), m.end(), m.group()) for m in numbers._TOKEN_RE.finditer(folded, start, stop)]
        assert [(t.start, t.end, t.text) for t in tokenize(folded, start, stop)] == expected


@pytest.mark.parametrize("lang", ["en", "fr"])  # "fr" groups thousands with spaces too
def test_digit_pattern_finds_what_its_plain_form_finds(lang):
    """The digits pattern of the numbers lexicon is written to start with a digit (speed18); it finds the very
    matches of the plain pattern it replaces, on every short string of the characters it reads."""
    import re
    from itertools import product

    from geo.numbers import _numlex

    lex = _numlex(lang)
    spaces = "\u00a0\u202f\u2009" + (" " if lex.space_groups else "")
    sep = f"[.,{spaces}]"
    plain = re.compile(rf"(?<![\w.,/:])(?<![^\W\d_]-)(\d{{1,3}}(?:{sep}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
    chars = ["1", "2", ".", ",", " ", "\u00a0", "a", "-", "/"]
    texts = ["".join(p) for n in range(1, 6) for p in product(chars, repeat=n)]
    texts += ["12.000.000,5 e 3 000 000", "F-16 e 1:2, 1/2, x-12.000", "1.2345.678 12,34 1 234 567,8"]
    for text in texts:
        found = [(m.span(), m.groups()) for m in lex.digits_re.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text
