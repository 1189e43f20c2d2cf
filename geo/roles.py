"""Roles: what a place does in the report, from cue words around it.

Rules, first match wins, cue lists in ``geo/lexicons/<lang>/places.yaml``:

``actor``
    A capital or a country followed by a verb of speech or action ("Mosca ha reagito",
    "Washington said", "Bamako a dénoncé"; verbs are compared as written, so "à" is no "a")
    or by a colon in a headline ("Washington:"), and every name of such a subject list
    ("Paris et Berlin ont condamné"); not after "di/of" ("il Tribunale di Roma ha"), nor before an
    auxiliary and a verb of experience ("Parigi ha avuto un'estate torrida"; lexicon
    ``experience_verbs``).
``venue``
    A city introduced by a locative ("a Parigi", "in Brussels") — or by "di/of" right
    after the cue ("l'incontro di Parigi") — within six words of a meeting cue.
``deployment`` / ``incident``
    A place introduced by a locative (elided ones too: "nell'Ucraina"), alone or as part of a
    list ("in Lituania, Lettonia e nel Mar Baltico"; not a speaker after the comma: "in Dnipro,
    Kyiv said"), in a sentence with a troop cue / an incident cue.  Figures later
    confirm these roles: every place a troop figure applies to is a deployment place,
    every place an incident or casualty figure applies to an incident place.
``participant``
    A country, not introduced by a locative, near a cue that lists participants
    ("insieme a", "tra cui", "took part").
``mention``
    Everything else.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, wraps

from geo import lexicons
from geo.normalize import fold, fold_key
from geo.sentences import LIST_JOINERS, OF_WORDS, tokenize

VENUE_WINDOW = 6
CUE_WINDOW = 14
FIGURE_ROLES = {"troops": "deployment", "incidents": "incident", "killed": "incident", "wounded": "incident",
                "casualties": "incident"}


@dataclass(frozen=True)
class RoleCues:
    locative: frozenset[str]
    venue: frozenset[str]
    deployment: frozenset[str]
    incident: frozenset[str]
    participant: frozenset[str]
    actor_verbs: frozenset[str]
    experience_verbs: frozenset[str] = frozenset()
    area_nouns: frozenset[str] = frozenset()  # "nell'oblast di Kharkiv": the locative is the area's
    attack_verbs: frozenset[str] = frozenset()  # "bombardearon Járkov": the object is the incident place
    clitics: frozenset[str] = frozenset()  # "Vilnius lo ha accolto": pronouns between subject and verb
    locative_breakers: frozenset[str] = frozenset()  # "oltre all'Italia": besides Italy, no location
    articles: frozenset[str] = frozenset()  # "in the Donbas": articles between a cue and a name (events.yaml)


@cache
def role_cues(lang: str) -> RoleCues:
    """Folded role cue lists for ``lang``."""
    lex = lexicons.load(lang, "places") or lexicons.load("en", "places")

    def get(key: str) -> frozenset[str]:
        # "nell'", "all'" end with their apostrophe in the lexicon; the text's words do not ("nell", "Ucraina").
        return frozenset(fold_key(str(w)).rstrip("'") for w in lex.get(key) or [])

    # Verbs are compared as written, accents kept: French "a" (has) is not "à" (to).
    verbs = frozenset(str(w).lower() for w in lex.get("actor_verbs") or [])
    experience = frozenset(str(w).lower() for w in lex.get("experience_verbs") or [])
    areas = get("area_suffixes") | frozenset(c.split()[0] for c in get("area_cues") if c)
    from geo.events import event_profile

    return RoleCues(get("locative"), get("venue"), get("deployment"), get("incident"), get("participant"), verbs,
                    experience, areas, get("attack_verbs"), get("clitics"), get("locative_breakers"),
                    event_profile(lang).articles)


def _ngrams(words: list[str], at: Iterable[int] | None = None) -> list[tuple[str, ...]]:
    """For each word index, the 1-, 2- and 3-word phrases starting there; with ``at``, only at those indices
    (``()`` at the others: a sentence's cues start at a few of its words)."""
    n = len(words)
    out: list[tuple[str, ...]] = [()] * n
    for k in range(n) if at is None else at:
        w = words[k]
        if k + 2 < n:
            two = f"{w} {words[k + 1]}"
            out[k] = (w, two, f"{two} {words[k + 2]}")
        else:
            out[k] = (w, f"{w} {words[k + 1]}") if k + 1 < n else (w,)
    return out


_CUE_KINDS = ("venue", "deployment", "incident", "participant")


@cache
def _cue_kinds(cues: RoleCues) -> dict[str, tuple[str, ...]]:
    """Cue phrase -> the kinds of cue it is."""
    kinds: dict[str, list[str]] = {}
    for name in _CUE_KINDS:
        for phrase in getattr(cues, name):
            kinds.setdefault(phrase, []).append(name)
    return {phrase: tuple(names) for phrase, names in kinds.items()}


@cache
def _cue_firsts(cues: RoleCues) -> frozenset[str]:
    """The first words of the cue phrases: no cue starts at any other word."""
    return frozenset(phrase.split(" ")[0] for phrase in _cue_kinds(cues))


def _cue_positions(grams: list[tuple[str, ...]], cues: RoleCues) -> dict[str, list[int]]:
    """For each kind of cue, the word indices where a (possibly multi-word) cue of that kind starts (``grams``:
    :func:`_ngrams` at the words where a cue may start, :func:`_cue_firsts`; ``()`` at the others)."""
    kinds = _cue_kinds(cues)
    positions: dict[str, list[int]] = {name: [] for name in _CUE_KINDS}
    for i, phrases in enumerate(grams):
        if not phrases:
            continue
        found = {name for p in phrases for name in kinds.get(p, ())}
        for name in found:
            positions[name].append(i)
    return positions


def assign_roles(mentions: list, text: str, lang: str, reading=None) -> None:
    """Set ``role`` on every resolved mention, in place.

    Parameters
    ----------
    mentions : list of geo.model.Mention
        Mentions of one document, in text order, with ``entity`` set where resolved.
    text : str
        The document text.
    lang : str
        Language code selecting the cue lists.
    reading : geo.doc.Reading, optional
        The text already read by the document model (its tokens are used, not made again).
    """
    from geo.events import event_profile

    cues = role_cues(lang)
    non_triggers = event_profile(lang).non_triggers
    shared = reading is not None and reading.text == text
    folded = reading.folded if shared else fold(text)
    by_sentence: dict[tuple[int, int], list] = {}
    for m in mentions:
        by_sentence.setdefault((m.sentence_start, m.sentence_end), []).append(m)
    for (s, e), group in by_sentence.items():
        tokens = reading.tokens_in(s, e) if shared else tokenize(text[s:e], folded[s:e])
        words = [t.key for t in tokens]
        offsets = [t.start for t in tokens] if shared else [t.start + s for t in tokens]
        # a place's own words cue nothing: "à La Réunion" is no meeting
        # (offsets increase: the tokens from a character on are found by bisection, not by a scan per mention)
        inside = {k for m in group for k in range(bisect_left(offsets, m.start), bisect_left(offsets, m.end))}
        firsts = _cue_firsts(cues)  # the phrases only where a cue may start: no string built for the other words
        positions = _cue_positions(_ngrams(words, [k for k, w in enumerate(words) if w in firsts and k not in inside]),
                                   cues)
        if non_triggers.phrases:  # "la mission vise à former": "aims to", no incident cue (events.yaml non_triggers)
            positions["incident"] = [p for p in positions["incident"] if not non_triggers.match_at(words, p)]
        prev_locative = False
        prev_end = None
        prev_role = None
        for m in group:
            if m.entity is None:
                continue
            idx = bisect_left(offsets, m.start)  # the first token from the mention on (len(words) if none)
            end_idx = bisect_left(offsets, m.end)
            locative = is_locative(words, idx, cues.locative, cues.articles, cues.area_nouns) and not \
                _broken(words, idx, cues)
            gap = text[prev_end : m.start] if prev_end is not None else None
            in_list = gap is not None and is_list_gap(gap)
            speaks = _speaks(m, text, tokens, idx, end_idx, cues)
            if not locative and in_list and prev_locative and not (speaks and "," in gap):  # not "in Dnipro, Kyiv said"
                locative = True
            near = idx - 1 if idx and words[idx - 1] in cues.articles else idx  # "tra cui il Canada"
            cue_before = any(0 < near - p <= 2 for p in positions["participant"])  # not "ministers held in"
            m.role = _role(m, words, idx, locative and not cue_before, speaks, positions, cues)
            if m.role == "mention" and in_list and prev_role in ("participant", "deployment", "incident"):
                m.role = prev_role  # "accanto a Norvegia, Islanda e Irlanda"
            prev_locative, prev_end, prev_role = locative, m.end, m.role
        _coordinated_actors(group, text, cues.articles)


#: The most words of a locative phrase (a lexicon's ``locative`` entries are checked against it:
#: "in der Nähe von" has four).
LOCATIVE_WORDS = 4


def is_locative(words: list[str], idx: int, locative: frozenset[str], articles: frozenset[str],
                 area_nouns: frozenset[str] = frozenset()) -> bool:
    """A locative word, possibly followed by an article (of ``articles``), stands right before word ``idx``,
    or before the area noun that the name completes ("nell'oblast di Kharkiv", "dans la région de Kherson").

    Parameters
    ----------
    words : list of str
        The sentence's words, folded.
    idx : int
        Index of the name's first word.
    locative : frozenset of str
        Locative words and phrases of the language (of at most :data:`LOCATIVE_WORDS` words).
    articles : frozenset of str
        Articles that may stand between the locative and the name (the lexicon's ``articles``).
    area_nouns : frozenset of str
        Nouns of areas that a name may complete after an "of" word.

    Returns
    -------
    bool
    """
    if idx >= 1 and words[idx - 1] in articles:
        idx -= 1
    if idx >= 2 and words[idx - 1] in OF_WORDS and words[idx - 2] in area_nouns:
        idx -= 2
        if idx >= 1 and words[idx - 1] in articles:
            idx -= 1
    return locative_length(words, idx, locative) > 0


def locative_length(words: list[str], end: int, locative: frozenset[str], longest: int = LOCATIVE_WORDS) -> int:
    """How many words the locative word or phrase that ends right before word ``end`` has: the longest of at most
    ``longest`` words ("in", "nei pressi di", "in der nahe von"), 0 when none ends there.

    Parameters
    ----------
    words : list of str
        The sentence's words, folded.
    end : int
        Index of the word after the locative.
    locative : frozenset of str
        Locative words and phrases of the language.
    longest : int
        The most words of a phrase looked for.

    Returns
    -------
    int
    """
    for n in range(min(longest, end), 0, -1):
        if " ".join(words[end - n : end]) in locative:
            return n
    return 0


def _broken(words: list[str], idx: int, cues: RoleCues) -> bool:
    """A word of the lexicon ``locative_breakers`` stands before the locative: "oltre all'Italia"."""
    k = idx - 1
    if k >= 1 and words[k] in cues.articles:
        k -= 1
    return k >= 1 and words[k - 1] in cues.locative_breakers


#: Gaps this long at most are answered from a cache by the functions of :func:`cached_gap` (``GAP_CACHED``).
GAP_CACHED = 40


def cached_gap(limit: int = GAP_CACHED) -> Callable:
    """Decorate a function of the text between two names (and of arguments that hash): a call whose gap is at most
    ``limit`` characters long is answered from a cache, as the same short gaps (", ", " e ", " and the ") come
    back in every document and are read by the cue roles, the role features and the figure places; a longer one
    is worked out each time."""
    def wrap(fn: Callable) -> Callable:
        cached = lru_cache(maxsize=4096)(fn)

        @wraps(fn)
        def call(gap: str, *args):
            return cached(gap, *args) if len(gap) <= limit else fn(gap, *args)
        return call
    return wrap


@cached_gap()
def is_list_gap(gap: str) -> bool:
    """The text between two names joins them in one list: only a comma, "and"/"e"/"et", articles and
    locatives ("Sumy, Poltava", "in Slovacchia, Ungheria e nei Balcani").

    Parameters
    ----------
    gap : str
        The text between the two names.

    Returns
    -------
    bool
    """
    parts = fold(gap).replace(",", " , ").replace("'", " ").split()
    # "in Grecia, Cipro e nei Balcani": only joiners, articles and locatives between names.
    return len(parts) <= 3 and any(p in LIST_JOINERS or p in (",", "&") for p in parts)


def _actor_able(e) -> bool:
    return e.kind == "country" or bool(getattr(e, "capital_of", None))


def _speaks(m, text: str, tokens: list, idx: int, end_idx: int, cues: RoleCues) -> bool:
    """A country or a capital as the subject of a verb of speech or action ("Mosca ha reagito",
    "Kyiv said"), or before a headline's colon ("Washington:"); not "il Tribunale di Roma ha". The words
    are compared as written, lower-cased (``tokens``: the sentence's, :class:`geo.sentences.Token`); only
    the few read are lower-cased."""
    if not _actor_able(m.entity) or (idx >= 1 and tokens[idx - 1].text.lower() in OF_WORDS):
        return False
    if text[m.end : m.end + 1] == ":" and idx == 0:
        return True
    if text[m.end : m.end + 1] == ",":
        return False
    n = len(tokens)
    while end_idx < n - 1 and (w := tokens[end_idx].text.lower()) in cues.clitics and w not in cues.actor_verbs:
        end_idx += 1  # "Varsavia e Vilnius lo hanno accolto"; "si" is a verb's own ("si sono detti")
    if end_idx >= n or tokens[end_idx].text.lower() not in cues.actor_verbs:
        return False
    # "Parigi ha avuto un'estate torrida", "Paris has seen floods": an auxiliary before a verb of
    # experience makes the place what things happen to, not who acts
    nxt = end_idx + 1
    return not (nxt < n and tokens[nxt].text.lower() in cues.experience_verbs)


def _coordinated_actors(group: list, text: str, articles: frozenset[str]) -> None:
    """"Paris et Berlin ont condamné", "Washington and London condemned": every name of a subject
    list speaks with the last one; the list must open its clause ("Relations between Russia and
    Ukraine", "in France, Berlin said" are no subject lists)."""
    for left, right in zip(reversed(group[:-1]), reversed(group[1:]), strict=True):
        gap = text[left.end : right.start]
        if right.role == "actor" and left.role == "mention" and left.entity is not None \
                and _actor_able(left.entity) and is_list_gap(gap) and "," not in gap \
                and _opens_clause(text, left.start, articles):
            left.role = "actor"


def _opens_clause(text: str, start: int, articles: frozenset[str]) -> bool:
    """Nothing but an article (of ``articles``) stands between ``start`` and the clause's beginning."""
    before = fold(text[max(0, start - 40) : start]).replace("'", " ").split()
    while before and before[-1] in articles:
        before.pop()
    return not before or before[-1][-1:] in ".:;!?\"»”" or not before[-1][-1:].isalnum()


def _role(m, words, idx, locative, speaks, positions, cues: RoleCues) -> str:
    e = m.entity
    if speaks and not locative:
        return "actor"
    if e.kind == "city":
        # the nearer cue decides here too: "diplomats discussed the attacks on Kharkiv" names where the attacks were
        incident = min((abs(p - idx) for p in positions["incident"]), default=VENUE_WINDOW + 1)
        for p in positions["venue"]:
            near = abs(p - idx) <= VENUE_WINDOW and abs(p - idx) < incident
            of_after_cue = p < idx and idx - p <= 2 and words[idx - 1] in OF_WORDS
            if near and (locative or of_after_cue):
                return "venue"
    if locative:
        # The nearer cue decides: "attaques ... contre des postes militaires dans la région de Mopti".
        near = {role: min((abs(p - idx) for p in positions[role]), default=CUE_WINDOW + 1)
                for role in ("incident", "deployment")}
        role = min(near, key=lambda r: (near[r], r != "incident"))
        if near[role] <= CUE_WINDOW:
            return role
    if any(0 < idx - p <= 2 and words[p] in cues.attack_verbs and all(w in cues.articles for w in words[p + 1 : idx])
           for p in range(max(0, idx - 2), idx)):
        return "incident"  # the object of an attack: "bombardearon Járkov", "shelled Kharkiv"
    if e.kind == "country" and not locative and any(abs(p - idx) <= CUE_WINDOW for p in positions["participant"]):
        return "participant"
    return "mention"


def roles_from_figures(mentions: list, figures: list) -> None:
    """Confirm roles from figures: places a troop figure applies to are deployment places,
    places of incident or casualty figures are incident places (in the figure's sentence)."""
    # A casualty or incident figure makes an incident place even of a place that a troop word made a
    # deployment place ("Au Mali, au moins 20 soldats ont été tués"), unless a troop figure applies there;
    # and a troop figure a deployment place of one an incident word made an incident place.
    troops = {(pid, f.quote_start) for f in figures if f.kind == "troops" for pid in f.place_ids}
    hurt = {(pid, f.quote_start) for f in figures if FIGURE_ROLES.get(f.kind) == "incident" for pid in f.place_ids}
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_start, []).append(m)
    for f in figures:
        role = FIGURE_ROLES.get(f.kind)
        if not role:
            continue
        ids = set(f.place_ids)
        for m in by_sentence.get(f.quote_start, ()):
            if m.entity is None or m.entity.id not in ids:
                continue
            key = (m.entity.id, f.quote_start)
            if m.role in ("mention", "participant") or (
                    role == "incident" and m.role == "deployment" and key not in troops) or (
                    role == "deployment" and m.role == "incident" and key not in hurt):
                m.role = role  # "will deploy 700 troops to Kosovo after clashes": a deployment place


# The old private name, kept while another module still imports it (geo/figure_places.py).
_is_list_gap = is_list_gap
