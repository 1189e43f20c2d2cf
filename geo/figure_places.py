"""Which places a figure applies to: a weighed decision over candidate places.

:mod:`geo.figures` gives each figure a first reading of its places (``cue_place_ids``: the place
right after the figure and a locative, else the nearest list in the clause, else the paragraph's
sentence before). This stage weighs every candidate place by named features of the pair (figure,
place), with weights fitted by ``geo/data/fit_weights.py`` on real articles. The candidates are the
places of the figure's sentence and of the sentences before it in its paragraph (when the paragraph
names none, those of the nearest sentence before it that does: a list heading, rule
:data:`HEADING_BEFORE`); besides them, the
document's places whose role fits the figure's kind (where the dead of a report are counted, the
report's incident places) when the paragraph names no place or none whose role fits the figure
(:data:`UNFIT_NEAR`), those that lie inside a place named beside the figure (the headline's "uccisi 7
soldati in Niger", the village named further on), and
the places of the figure's parts and restatements ("intercettati 19 droni: dieci sulla regione di Smolensk,
sette su quella di Tula"; a title's "44 drones" and the text's "44 drones over the Sumy and Poltava
regions", with the places of that statement's parts; a hedged "una quarantina di droni" restates the
text's "43 droni"), and, for a drone or missile total with no parts, the incident places its report lists
in the next sentences (:func:`report_places`). The document's fallback places stay in the countries of
the figure's context (rule :data:`FALLBACK_VETO`); rule UNFIT_NEAR does not reach past a town the figure's own
reading names after it (:data:`OWN_TOWN_STANDS`), and the town where the figure was told ("..., the minister
said in Oslo") is no candidate (:data:`SPEAKERS_PLACE`). A place of the figure's sentence that another count of it
names is that count's, not a candidate (:data:`ANOTHER_COUNTS_PLACE`), and each copy of a count said once for
several places ("six over A and B") weighs its own place only (:data:`ONE_PLACE_EACH`). A country named as the other
side of a border ("near the border with Mali") is no candidate (:data:`BORDER_SIDE`), nor is a place past the next
count of the figure's sentence once its own place is named (:data:`PAST_NEXT_COUNT`). A count after two or more
smaller counts that add up to it is their total (:data:`TOTAL_OF_ITS_LIST`), a count that names its own place is the
total only of those inside it, said as its parts or adding up to it (:data:`PLACED_COUNT`), and a drone total
marked as such ("insgesamt 85 Drohnen") stands in the country its report names (:data:`TOTAL_IN_ITS_COUNTRY`). A
figure placed in one country with one place of its kind inside it named elsewhere ("12 soldiers killed in
Somalia" ... "the outpost outside Kismayo") takes that place (:data:`ONE_FINER_INSIDE`), and a count said as a part
of the one before ("70 davon", "among them were six gendarmes": :data:`INCLUDED_COUNT`) stands where that count
stands (:data:`PART_OF_THEM`); a count placed in countries only that is said again further on over places inside
them stands at those places (:data:`geo.figures.FINER_REPEAT`).
The best candidate is kept with the places listed with it ("sulle regioni di
Sumy, Poltava e Kharkiv") — a total's parts count as one list; another figure between two places
(:data:`COUNT_ENDS_LIST`) or a place holding the one beside it (:data:`LOCATOR_IS_NO_LIST_MATE`) ends a
list, but a troop figure's host country and its base make one group (:data:`HOST_AND_BASE`) — when its score
passes the fitted
threshold, with every other candidate whose score passes the second threshold ``also``:

    score = bias + sum over features f of value(f) * weight[f]

A figure keeps its cue reading where no weights have been fitted.

A figure whose paragraph names no place does not fall back on a later paragraph's place with a count of its own
(:data:`LATER_STORY`). A country that acts in its clause is no candidate of a troop, casualty or incident figure that
has another (:data:`ACTING_COUNTRY`); nor, while another is left, is a capital that speaks before the figure
(:data:`SPEAKING_SEAT`), and a place past ", while" or ", but" after the figure is another clause's
(:data:`NEXT_CLAUSE`). A local official's area named near the figure keeps the document's other
places of its role away (:data:`OFFICIALS_AREA`). A drone total launched at a country its own reading chose stands
there (:data:`ATTACKED_COUNTRY`), a marked total in a country named as no place of the attacks at every attacked town
of it (:data:`TOTAL_AT_EVERY_PLACE`), and troops at their base and in its host country (:data:`BASE_AND_HOST`).
Troops stand where they are deployed, not in the countries that send them (:data:`CONTRIBUTORS_ARE_ORIGINS`), and a
place they stand in is read at its deployment mention when its nearest one is a participant's
(:data:`ROLE_FITTING_MENTION`).

The document is indexed once (:class:`DocIndex`: sentences, mentions and figures by offset, role, entity
and sentence), and what a figure reads beyond its paragraph lies within :data:`REACH` sentences of it (rule
:data:`STRETCH`), so the work per figure is bounded and the stage is linear in the document's length
(``benchmarks/bench_length.py --dense``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path

from geo.clauses import ASIDE_OPEN, QUOTES, aside_close, border_side_at, quoted
from geo.dates import date_part, event_dates, other_periods
from geo.events import EventProfile, Phrases, Sentence, date_run, event_profile
from geo.figures import INCLUDED_GAP, figure_lexicon
from geo.lexicons import load, read_yaml
from geo.model import ROLES, contains, figure_group
from geo.normalize import fold
from geo.numbers import Token, tokenize
from geo.sentences import LIST_JOINERS, paragraph_start, same_paragraph  # a wrapped line's break is no paragraph's end
from geo.spans import ByStart

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights" / "figure_places.yaml"

#: The role a place of each kind of figure has.
KIND_ROLE = {"troops": "deployment", "killed": "incident", "wounded": "incident", "casualties": "incident",
             "incidents": "incident", "equipment": "incident", "other": "incident"}


def _fitting_role(fig) -> str | None:
    """The role of the places a figure applies to: its kind's (:data:`KIND_ROLE`), but units of troops (a figure
    marked ``formation``) stand where they are deployed, as :func:`geo.model.figure_group` reads them."""
    return KIND_ROLE["troops"] if figure_group(fig) == "troops" else KIND_ROLE.get(fig.kind)


#: Features of the place itself, read from the role stage's trace (:mod:`geo.role_model`).
#: (Origins and sources are vetoed, never weighed: see VETOES.)
PLACE_FEATURES = ("locative", "government_of", "government_possessive", "clause_subject", "direction_of",
                  "contains_previous", "in_list", "headline", "agent_before", "speech_after", "part_of")
#: (name, feature name) of each of :data:`PLACE_FEATURES`, made once: :func:`pair_features` runs for every pair
_PLACE_KEYS = tuple((name, f"place:{name}") for name in PLACE_FEATURES)

#: The marks of feature ``comma_between`` (:meth:`geo.events.Sentence.breaks`)
_COMMA_MARKS = ",;:"

#: Rules no weight overrides: where a thing comes from and the source a report cites are never where a
#: figure happened ("missili partiti dall'Iran", "stando a Tbilisi").
VETOES = {"origin_is_no_figure_place": "origin_before", "source_is_no_figure_place": "source_before"}

#: How many sentences back, in the same paragraph, a figure looks for its places.
BACK = 3
#: Rule ``a_figure_reads_its_stretch_of_text``: what a figure reads beyond its paragraph — the document's
#: places of its role (rules HEADING_BEFORE, UNFIT_NEAR, the places inside a country beside it), the
#: places of its restatements — lies within :data:`REACH` sentences either side of it. A news report is
#: read whole (its lead's "44 droni" is restated further on); in a long compilation of reports, a count
#: of 200 pages on is another report's, and a figure's work stays bounded by its stretch of text, not by
#: the length of the document.
STRETCH = "a_figure_reads_its_stretch_of_text"
#: How many sentences either side of a figure rule :data:`STRETCH` reads.
REACH = 60
#: Kinds of place too wide to say where a figure happened: beside a figure they let the places inside them,
#: named elsewhere in the document, be candidates ("uccisi sette soldati in Niger" ... "a Kandadji").
COARSE_KINDS = ("country", "region")

#: Rule ``fallback_stays_in_context_country``: when a figure's paragraph names no place near it, the
#: document's places it falls back on must lie in a country the figure's context is about (see
#: :func:`context_countries`): an accident "near Rukla" (unknown) in a report from Lithuania is not placed
#: at the Kharkiv of a sentence about shelling in Ukraine.
FALLBACK_VETO = "fallback_stays_in_context_country"

#: Rule ``heading_before``: when a figure's paragraph names no place, the places of the nearest sentence
#: before it that names one, across the paragraph break, are candidates whatever their role (where
#: ``paragraph_before``): a list heading ("- Libano -") or the paragraph before ("The battalion is based in
#: Tapa." then "Another 130 soldiers arrive this week.") says where the figure stands.
HEADING_BEFORE = "heading_before"

#: Rule ``no_fitting_place_near``: when no place of the figure's sentence and paragraph has the role of its
#: kind (:data:`KIND_ROLE`) — "Russia fired 100 drones", "the army chief said five soldiers died in Mogadishu"
#: — the document's places of that role are candidates too, as when the paragraph names no place.
UNFIT_NEAR = "no_fitting_place_near"
#: Rule ``own_town_stands``: UNFIT_NEAR does not reach past a town or region named after the figure in its own
#: sentence that its reading chose, whatever that place's role: "About 350 soldiers reached Vilnius"
#: (Vilnius read as an actor) is no troop figure of the next paragraph's "600 marines landed in Darwin". (A town
#: before the figure is often where a speaker stood: "the army chief, speaking in Kyiv, said five soldiers died";
#: a town after it where the figure was told, "40 drones were destroyed, the ministry told reporters in Moscow",
#: is no candidate at all: rule SPEAKERS_PLACE.)
OWN_TOWN_STANDS = "own_town_stands"
#: Rule ``a_mention_is_no_finer_place``: a town beside the figure that the role stage reads as a mere mention (a
#: dateline's "MOGADISHU -", a speaker's office) does not make the figure's place finer than the country beside
#: it: the places of the figure's kind inside that country, named elsewhere, stay candidates (rule FINER_HERE
#: in :func:`candidates`; rule :data:`ONE_FINER_INSIDE`) — unless the figure's own reading chose it after the figure,
#: as rule OWN_TOWN_STANDS reads it: "12 soldiers died in an ambush on two hamlets, in the Tahoua region" (the hamlets
#: not found, the region read as locating them) names the finest place said, and the places of the country further
#: on (an attack on Agadez the day before) are another story's.
MENTION_IS_NO_FINER_PLACE = "a_mention_is_no_finer_place"
#: Rule ``another_figures_place``: what UNFIT_NEAR reaches for excludes the places of a sentence that holds
#: a figure of another group: "strikes on Khan Younis killed 30" are the killed's places, not those of a
#: later "Russia fired 40 drones" in a round-up of other news.
ANOTHER_FIGURES_PLACE = "another_figures_place"
#: Rule ``a_later_storys_place_is_its_counts``: when the figure's paragraph names no place (rule HEADING_BEFORE),
#: what it falls back on in the document excludes a place named in a later paragraph, in a sentence that holds a
#: count of its own, when the document names a place of the figure's role before the figure: "A drone hit the port
#: of Constanta. ..." then "Firefighters recovered two bodies." then "In Galati, a drone wounded four people":
#: Galati is the four's, another story, and the bodies stay in the story told before them. (A headline's count,
#: with no place of its role before it, still reads the body.)
LATER_STORY = "a_later_storys_place_is_its_counts"
#: Rule ``another_counts_place``: a place of the figure's sentence that another count of that sentence names as
#: its own, and that neither the figure's own reading nor its parts or restatements name, is that count's
#: ("two were killed in Kherson and five wounded in Mykolaiv": Mykolaiv is the five's, not the two's; "47 over
#: A, 42 over B": B is the 42's). (The copies of one count said for several places keep their own place
#: only, by rule :data:`ONE_PLACE_EACH`.)
ANOTHER_COUNTS_PLACE = "another_counts_place"
#: Rule ``one_place_each``: an item of a count by place that names several places ("4 su A e B", "uno
#: ciascuno su C, D ed E") is one figure per place (:func:`geo.figures` splits it): each copy keeps its own
#: place, and the weighed choice does not join the list back into every copy. The copies add once to a total
#: whose parts they are (:func:`part_places`).
ONE_PLACE_EACH = "one_place_each"


def _copy_key(fig) -> tuple:
    """What the copies of one count said for several places share (rule :data:`ONE_PLACE_EACH`): the words
    they stand on, their kind and their value."""
    return fig.start, fig.end, fig.kind, fig.value


def feature_names() -> list[str]:
    """Every feature of a (figure, place) pair, in a fixed order."""
    names = ["cue_chosen", "cue_list_mate", "right_after", "same_sentence", "sentence_before", "paragraph_before",
             "elsewhere",
             "after_number", "near", "far", "role_fits_kind", "repeated", "more_specific_here", "cue_empty",
             "later", "inside_here", "lead_figure_elsewhere", "part_place", "figure_between", "comma_between",
             "trigger_fits_kind", "here_is_country_only", "restated_place", "launcher", "report_place",
             "nearest_fitting", "nearest_fitting_elsewhere"]
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
    also: float | None = None

    def score(self, features: dict[str, float]) -> float:
        weight = self.weights.get  # a list, not a generator: this runs for every (figure, place) pair
        return self.bias + sum([v * weight(k, 0.0) for k, v in features.items()])


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> PlaceWeights | None:
    """The fitted weights, or ``None`` when none have been fitted."""
    if not path.is_file():
        return None
    data = read_yaml(path) or {}
    unknown = sorted(set(data.get("weights", {})) - set(feature_names()))
    if unknown:
        raise ValueError(f"{path}: unknown feature(s) {', '.join(unknown)}; refit with geo/data/fit_weights.py")
    also = data.get("also")
    return PlaceWeights(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                        float(data.get("threshold", 0.0)), None if also is None else float(also))


def _nearest_named_sentence(index: DocIndex, before: int) -> Sentence | None:
    """The last sentence of the document (``index``, :class:`DocIndex`) ending by ``before`` that holds a
    mention with an entity: the sentence of the nearest such mention before ``before`` that lies in a
    sentence, found by bisection (not sentence by sentence back from ``before``)."""
    j = bisect_left(index.in_sentence.starts, before)
    return None if j == 0 else index.order[index.sentence_of(index.in_sentence.items[j - 1].start)]


class DocIndex:
    """The per-document indexes every figure of a document reads, built once (in time linear in the
    document, less the sorts): the sentences by start, the place mentions by offset, role, entity and
    sentence, the figures by offset and by sentence (the groups of each sentence's figures). With them the
    work for one figure is bounded by what stands near it (its sentence and the few around it, its
    restatements), not by the length of the document.

    What a figure reads beyond its paragraph — the heading before it, the document's places of its role, its
    restatements — is read within :data:`REACH` sentences of it (rule :data:`STRETCH`).

    Parameters
    ----------
    mentions : Sequence
        The document's place mentions (in text order).
    sentences : Sequence[Sentence]
        The document's sentences (any order).
    figures : Sequence
        The document's figures.
    lang : str
        The document's language (the total words of rule :data:`TOTAL_OF_ITS_LIST`, the part words of rule
        :data:`PLACED_COUNT`).
    text : str
        The document's text (the clause breaks of rule :data:`TOTAL_OF_ITS_LIST`).
    """

    def __init__(self, mentions: Sequence, sentences: Sequence[Sentence], figures: Sequence = (), *, lang: str,
                 text: str):
        self.lang, self.text = lang, text
        self.order = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.order]
        #: the mentions with an entity, in text order (:class:`geo.spans.ByStart`)
        self.mentions = ByStart(sorted((m for m in mentions if m.entity is not None), key=lambda m: m.start))
        named = self.mentions.items
        #: of those, the ones that lie in a sentence (rule HEADING_BEFORE) and those with a country
        self.in_sentence = ByStart([m for m in named if self.sentence_of(m.start) is not None])
        self.countried = ByStart([m for m in named if m.entity.country])
        self.by_role: dict[object, list[int]] = {}  # role -> positions in ``mentions``
        self.by_entity: dict[str, list[int]] = {}  # entity id -> positions in ``mentions``
        self.by_sentence_start: dict[int, list] = {}  # a mention's sentence_start -> the mentions there
        for k, m in enumerate(named):
            self.by_role.setdefault(m.role, []).append(k)
            self.by_entity.setdefault(m.entity.id, []).append(k)
            self.by_sentence_start.setdefault(m.sentence_start, []).append(m)
        self.counts = Counter(m.entity.id for m in named)
        #: the figures, in text order (:class:`geo.spans.ByStart`)
        self.figures = ByStart(sorted(figures, key=lambda o: o.start))
        self.figure_sentence = {id(o): self.sentence_of(o.start) for o in figures}
        self.groups_in: dict[int | None, Counter] = {}  # sentence index -> the groups of its figures
        for o in figures:
            self.groups_in.setdefault(self.figure_sentence[id(o)], Counter())[figure_group(o)] += 1
        self._parts: dict[int, set[str]] = {}
        #: rule BORDER_SIDE's answer for each (mention, profile) asked: every figure of the document asks again
        self.border_sides: dict[tuple[int, int], bool] = {}
        self._number_tokens: dict[int, tuple[list[Token], list[int]]] = {}  # sentence start -> number_tokens

    def number_tokens(self, sentence: Sentence) -> tuple[list[Token], list[int]]:
        """The tokens of ``sentence`` as the number and date readers cut them (:func:`geo.numbers.tokenize`:
        punctuation a token of its own) and their start offsets; cut once per sentence asked."""
        found = self._number_tokens.get(sentence.start)
        if found is None:
            toks = tokenize(fold(self.text), sentence.start, sentence.end)
            found = self._number_tokens[sentence.start] = (toks, [t.start for t in toks])
        return found

    def stretch(self, k: int) -> tuple[int, int]:
        """The offsets ``[lo, hi)`` of the :data:`REACH` sentences either side of sentence ``k`` (rule
        :data:`STRETCH`)."""
        return self.order[max(0, k - REACH)].start, self.order[min(len(self.order) - 1, k + REACH)].end

    def among(self, positions: Sequence[int], lo: int, hi: int) -> Sequence[int]:
        """Of ``positions`` (in ``mentions``, ascending), those of the mentions that start in ``[lo, hi)``."""
        a, b = self.mentions.ranks(lo, hi)  # the mentions came sorted: their ranks are their positions
        return positions[bisect_left(positions, a) : bisect_left(positions, b)]

    def sentence_of(self, offset: int) -> int | None:
        """Index in ``order`` of the sentence holding ``offset``, by bisection (``None`` when none does:
        unlike :func:`geo.sentences.sentence_at`, no sentence before it stands in)."""
        j = bisect_right(self.starts, offset) - 1
        return j if j >= 0 and offset < self.order[j].end else None


def _index_of(index: DocIndex | None, mentions: Sequence, sentences: Sequence[Sentence],
              figures: Sequence, lang: str, text: str) -> DocIndex:
    """``index``, else one built for the document (``text``, in ``lang``; a caller that reads one figure alone)."""
    return index if index is not None else DocIndex(mentions, sentences, figures, lang=lang, text=text)


def context_countries(fig, mentions: Sequence, text: str, index: DocIndex | None = None) -> set[str]:
    """The countries a figure's context is about: those of the places its paragraph names before it, else
    those of the nearest paragraph before it that names a place (the dateline's, the deployment's); empty
    when nothing before the figure names a place (a headline's figure). Places named after the figure
    (the next sentence's shelling elsewhere) are no context. ``index``: the document's :class:`DocIndex`."""
    index = _index_of(index, mentions, (), (), "", text)  # no sentences nor figures: no word of a language read
    j = bisect_left(index.countried.starts, fig.start)
    if j == 0:
        return set()
    start = paragraph_start(text, index.countried.items[j - 1].start)  # a wrapped line's break goes on
    return {m.entity.country for m in index.countried.between(start, fig.start)}


def candidates(fig, mentions: Sequence, sentences: Sequence[Sentence], text: str,
               figures: Sequence = (), related: set[str] | None = None,
               index: DocIndex | None = None, lang: str = "en") -> list[tuple[object, str]]:
    """(mention, where) for every place a figure may apply to, one mention per place: ``where`` is
    "same_sentence", "sentence_before" (up to :data:`BACK` sentences back in the paragraph),
    "paragraph_before" (rule :data:`HEADING_BEFORE`) or "elsewhere" (the document's other places whose
    role fits the figure's kind, where a title's "morti quindici civili" or a bare country beside the
    figure finds its village). ``related`` is
    :func:`related_places` of the figure when the caller has it already (read here otherwise); ``index``: the
    document's :class:`DocIndex` (built here otherwise); ``lang``: the document's language (the speech words of
    rule :data:`SPEAKERS_PLACE`)."""
    index = _index_of(index, mentions, sentences, figures, lang, text)
    order = index.order
    k = index.sentence_of(fig.start)
    if k is None:
        return []
    here = order[k]
    out: dict[str, tuple[object, str]] = {}
    for m in index.mentions.between(here.start, here.end):
        best = out.get(m.entity.id)
        if best is None or abs(m.start - fig.start) < abs(best[0].start - fig.start):
            out[m.entity.id] = (m, "same_sentence")
    start = here.start
    for back in range(1, BACK + 1):
        if k - back < 0 or not same_paragraph(text, order[k - back].end, start):
            break
        prev = order[k - back]
        for m in index.mentions.between(prev.start, prev.end):
            if m.entity.id not in out:
                out[m.entity.id] = (m, "sentence_before")
        start = prev.start
    lo, hi = index.stretch(k)  # rule STRETCH
    if not out:  # rule HEADING_BEFORE: the sentence of the nearest named mention before the figure's sentence
        prev = _nearest_named_sentence(index, here.start)
        if prev is not None and prev.start >= lo:  # rule STRETCH: within REACH sentences of the figure
            for m in index.mentions.between(prev.start, prev.end):
                out.setdefault(m.entity.id, (m, "paragraph_before"))
    role = _fitting_role(fig)
    if related is None:
        related = related_places(fig, index)
    for pid in _speakers_places(fig, here, out.values(), related, text, lang):  # rule SPEAKERS_PLACE
        del out[pid]
    spoken = _speakers_after(fig, here, out.values(), text, lang)
    for pid in spoken:  # rule SPEAKER_AFTER (nor a place of the figure's role from further on, below)
        del out[pid]
    profile = event_profile(lang)
    for pid in [pid for pid, (m, _) in out.items() if pid not in related and _border_side(m, index, profile)]:
        del out[pid]  # rule BORDER_SIDE
    group = figure_group(fig)
    if group == "troops":  # rule ROLE_FITTING_MENTION
        out.update(_role_fitting_mentions(out, role, fig.start, (lo, hi), index))
    here_places = [m.entity for m, where in out.values() if where == "same_sentence"]
    fallback = all(where == "paragraph_before" for _, where in out.values())
    unfit_near = not any(m.role == role for m, _ in out.values()) \
        and not any(where == "same_sentence" and _chosen_after(fig, m) and m.entity.kind not in COARSE_KINDS
                    for m, where in out.values())  # rule UNFIT_NEAR, not past an own town (OWN_TOWN_STANDS)
    # rule FINER_HERE, but for a place read as a mere mention (rule MENTION_IS_NO_FINER_PLACE), unless the figure's
    # own reading chose it after the figure (as rule OWN_TOWN_STANDS reads it)
    finer_here = any(m.entity.kind not in COARSE_KINDS and (m.role != "mention" or _chosen_after(fig, m))
                     for m, where in out.values() if where == "same_sentence")
    elsewhere: dict[str, object] = {}
    context = context_countries(fig, mentions, text, index) if fallback else set()
    # rule LATER_STORY: a place of the figure's role named before it tells the story the figure belongs to
    told_before = fallback and bool(index.among(index.by_role.get(role, []), lo, fig.start))
    # the mentions that may join: those of the figure's role (only while the paragraph names none, none of
    # that role, or only countries and regions beside the figure) and those of the related places, in the
    # order of the document's mentions
    reach = [j for pid in related for j in index.among(index.by_entity.get(pid, []), lo, hi)]
    # rule OFFICIALS_AREA: the area of the official who reports the figure, named near it, is where it happened
    official = _official_speaks(out.values(), k, index, profile)
    if (fallback or unfit_near or (here_places and not finer_here)) and not official:
        reach += index.among(index.by_role.get(role, []), lo, hi)
    for m in (index.mentions.items[j] for j in sorted(set(reach))):
        # the document's places of the figure's kind, the nearest mention of each: all of
        # them when the paragraph names none, else those inside a place beside the figure or of its parts
        e = m.entity
        if e.id in out or e.id in spoken or (e.id not in related and _border_side(m, index, profile)):
            continue  # rules BORDER_SIDE and SPEAKER_AFTER
        # a place inside one beside the figure, only while those are countries or regions: a town or an oblast
        # beside the figure is where it happened, not a town of the same country further on (rule FINER_HERE)
        inside = not finer_here and any(contains(h, e) for h in here_places)
        if e.id not in related and fallback and context and e.country and e.country not in context:
            continue  # rule FALLBACK_VETO
        if told_before and e.id not in related and index.groups_in.get(index.sentence_of(m.start)) \
                and not same_paragraph(text, here.end, m.start):  # (a place before the figure: an empty gap)
            continue  # rule LATER_STORY: a later paragraph's place with a count of its own is that count's
        if unfit_near and not (fallback or inside) and e.id not in related \
                and any(g != group for g in index.groups_in.get(index.sentence_of(m.start), ())):
            continue  # rule ANOTHER_FIGURES_PLACE: the sentence holds a figure of another group
        if (m.role == role and (fallback or inside or unfit_near)) or e.id in related:
            best = elsewhere.get(e.id)
            if best is None or abs(m.start - fig.start) < abs(best.start - fig.start):
                elsewhere[e.id] = m
    out.update({pid: (m, "elsewhere") for pid, m in elsewhere.items()})
    if group == "equipment":  # rule REPEAT_ATTACKED_COUNTRY: the country of the attacks its repeats chose
        out.update({m.entity.id: (m, "elsewhere") for m in _repeats_country(fig, index)})
    claimed = _claimed_by_another(fig, here, related, index)  # rule ANOTHER_COUNTS_PLACE
    claimed |= _other_clause(fig, here, out.values(), text, related)  # rule OWN_CLAUSE
    claimed |= _past_next_count(fig, here, out.values(), related, index)  # rule PAST_NEXT_COUNT
    claimed |= _inside_aside(fig, out.values(), text, related)  # rule ASIDES_PLACE
    claimed |= _next_clause(fig, here, out.values(), text, related, lang)  # rule NEXT_CLAUSE
    kept = [(m, where) for m, where in out.values() if not any(m.features.get(f) for f in VETOES.values())
            and not (where == "same_sentence" and m.entity.id in claimed)]
    kept = _unless_alone(kept, _other_periods_places(fig, kept, k, related, index))  # rule PERIOD_COUNT
    # rule ACTING_COUNTRY, while another candidate is left (an equipment figure's launcher is weighed: ``launcher``)
    agents = [c for c in kept if _acting_country(c[0], group)
              and not any(contains(c[0].entity, o.entity) for o, _ in kept)] if group != "equipment" else []
    kept = _unless_alone(kept, agents)
    # rule SPEAKING_SEAT, while another candidate is left
    kept = _unless_alone(kept, [c for c in kept if c[1] == "same_sentence" and _speaking_seat(c[0], fig)])
    if group == "troops" and any(m.role == role for m, _ in kept):  # rule CONTRIBUTORS_ARE_ORIGINS
        kept = _unless_alone(kept, _contributors(kept))
    return kept


#: Rule ``a_count_of_another_period_reads_its_own_sentence``: a figure whose own sentence is set in a period of the
#: dates lexicon's ``other_periods`` ("some 180 drone attacks last month", "l'anno scorso 40 attacchi", "el año
#: pasado") counts that period, not the day the story tells: the places of other sentences not set in that period
#: (the village of today's strike) are no candidates of it, while a candidate of its own sentence of the figure's
#: role is left ("the rival forces launched 180 attacks across X last month": X; not a launcher, an acting country or
#: a speaker), unless its parts or restatements name them. A period a comparison governs (the dates lexicon's
#: ``period_comparisons``: "the most since last month", "up from 40 last week") is the measure of the comparison, not
#: the period of the count.
PERIOD_COUNT = "a_count_of_another_period_reads_its_own_sentence"


def _periods_of(sentence: Sentence, index: DocIndex, compared: bool = True) -> frozenset[tuple[str, ...]]:
    """The phrases of the dates lexicon's ``other_periods`` in ``sentence`` of ``index`` (its text, its language),
    read on the tokens of :func:`geo.numbers.tokenize`, as the dates lexicon writes them ("l'anno scorso": the
    apostrophe is a token of its own); with ``compared`` False, not those a comparison governs
    (:func:`geo.dates.other_periods`)."""
    return _text_periods(index.text[sentence.start : sentence.end], index.lang, compared)


@lru_cache(maxsize=256)
def _text_periods(text: str, lang: str, compared: bool) -> frozenset[tuple[str, ...]]:
    """:func:`_periods_of` on a sentence's ``text``, read once per sentence (each figure of it asks again)."""
    return other_periods(tokenize(fold(text)), lang, compared)


def _other_periods_places(fig, kept: Sequence[tuple[object, str]], k: int, related: set[str],
                          index: DocIndex) -> list[tuple[object, str]]:
    """The candidates among ``kept`` that rule :data:`PERIOD_COUNT` drops for ``fig``, of sentence ``k`` (its
    position in ``index.order``): those of another sentence that does not hold its periods, none of ``related``;
    none while no candidate of its own sentence has the figure's role."""
    role = _fitting_role(fig)
    if not any(where == "same_sentence" and m.role == role for m, where in kept):
        return []  # tested first: the sentence's periods are read only when they may drop a candidate
    periods = _periods_of(index.order[k], index, compared=False)
    if not periods:
        return []
    return [c for c in kept if c[0].entity.id not in related  # the candidates themselves (:func:`_unless_alone`)
            and ((j := index.sentence_of(c[0].start)) is None
                 or not periods <= _periods_of(index.order[j], index, compared=False))]


def _unless_alone(kept: list[tuple[object, str]], drop: list[tuple[object, str]]) -> list[tuple[object, str]]:
    """``kept`` without the candidates of ``drop``, unless they are all there is (the rules that drop a candidate
    "while another is left": ACTING_COUNTRY, SPEAKING_SEAT, CONTRIBUTORS_ARE_ORIGINS)."""
    if not drop or len(drop) >= len(kept):
        return kept
    gone = {id(c) for c in drop}
    return [c for c in kept if id(c) not in gone]


#: Rule ``a_places_role_fitting_mention_is_read``: a troop figure reads, of a place it may apply to, the mention whose
#: role fits the figure (:func:`_fitting_role`: deployment) within its stretch of text (rule :data:`STRETCH`), when the
#: mention nearest the figure is a participant (a contributor, a list mate of one): "The drills opened in Latvia.
#: 9,000 soldiers from six nations (Latvia, Canada, ...) take part" — Latvia's nearest mention is a contributor in
#: the list, its first says where the troops stand, and the weighing and rule :data:`CONTRIBUTORS_ARE_ORIGINS` must
#: see that reading. ``where`` stays that of the nearest mention (the place is named there); the nearest fitting
#: mention to the figure replaces the mention.
ROLE_FITTING_MENTION = "a_places_role_fitting_mention_is_read"


def _role_fitting_mentions(out: dict[str, tuple[object, str]], role: str | None, near: int,
                           stretch: tuple[int, int], index: DocIndex) -> dict[str, tuple[object, str]]:
    """The candidates of ``out`` (place id -> (mention, where)) that rule :data:`ROLE_FITTING_MENTION` reads at
    another mention.

    Parameters
    ----------
    out : dict
        The candidates found so far, one (mention, where) per place id.
    role : str or None
        The role fitting the figure.
    near : int
        The figure's offset: of several fitting mentions, the nearest it is read.
    stretch : tuple of int
        The figure's stretch of text (:meth:`DocIndex.stretch`): offsets ``[lo, hi)`` in the text.
    index : DocIndex
        The document's index.

    Returns
    -------
    dict
        Place id -> (its fitting mention nearest the figure, the ``where`` it had), for the places of ``out`` whose
        mention is a participant and that have a mention of ``role`` in the stretch.
    """
    lo, hi = stretch
    found: dict[str, tuple[object, str]] = {}
    for pid, (m, where) in out.items():
        if m.role != "participant":
            continue
        fitting = [index.mentions.items[j] for j in index.among(index.by_entity.get(pid, []), lo, hi)]
        fitting = [o for o in fitting if o.role == role]
        if fitting:
            found[pid] = (min(fitting, key=lambda o: abs(o.start - near)), where)
    return found


#: Rule ``contributors_are_origins``: a country the role stage marks as contributing troops (role-stage feature
#: ``contributor``: "including 5,000 Latvian troops", "soldiers from Canada") is where a troop figure's soldiers come
#: from, not where they stand, and so are the countries listed with it in its sentence (role participant,
#: ``in_list``): "The drills opened at Adazi, in Latvia. 9,000 soldiers take part, from six nations (Canada, Spain,
#: ...)" stand at Adazi. They are no candidates while a candidate of the figure's role (deployment) is left.
CONTRIBUTORS_ARE_ORIGINS = "contributors_are_origins"


def _contributors(kept: Sequence[tuple[object, str]]) -> list[tuple[object, str]]:
    """The candidates of ``kept`` that rule :data:`CONTRIBUTORS_ARE_ORIGINS` reads as the troops' origins.

    Parameters
    ----------
    kept : sequence of (mention, where)
        A troop figure's candidates.

    Returns
    -------
    list of (mention, where)
        The participants marked ``contributor``, and the participants ``in_list`` of a sentence holding one.
    """
    marked = {m.sentence_start for m, _ in kept if m.role == "participant" and m.features.get("contributor")}
    return [c for c in kept if c[0].role == "participant" and (c[0].features.get("contributor") or (
        c[0].features.get("in_list") and c[0].sentence_start in marked))]


#: Rule ``a_speaking_seat_is_no_figure_place``: a town the role stage reads as an actor (a capital or seat standing
#: for its government or an institution there: "the interior ministry in Kyiv", "il ministero a Kiev") with a word of
#: speech after it, before the figure in its sentence, is where the statement came from: "A missile hit a building
#: in Dnipro. The interior ministry in Kyiv said 12 people were killed" counts the dead of Dnipro. It is no candidate
#: while the figure has another. (A country that speaks of its own losses is the side that suffered them, "Armenia
#: reported 49 of its soldiers dead": only towns are read so.)
SPEAKING_SEAT = "a_speaking_seat_is_no_figure_place"


def _speaking_seat(m, fig) -> bool:
    """Whether the candidate ``m`` of ``fig``'s sentence is a town of rule :data:`SPEAKING_SEAT`: before the figure,
    role actor, kind city, with the role stage's ``speech_after``."""
    return m.end <= fig.start and m.role == "actor" and m.entity.kind == "city" and bool(m.features.get("speech_after"))


#: Rule ``an_officials_area_is_the_figures_place``: a region or town named in the figure's sentence or the sentences
#: before it (or the paragraph before, rule HEADING_BEFORE) as the area of a local official (role feature
#: ``official_of``: "the governor of the Mykolaiv region said Russian troops struck eight towns of the region 140
#: times", "the Mykolaiv region's governor posted on Telegram." then "Russian troops used 410 shells, he wrote") is
#: where the figure the official reports happened: the document's other places of the figure's role are
#: no candidates (rules UNFIT_NEAR and HEADING_BEFORE do not reach them), though its parts' and restatements' are.
OFFICIALS_AREA = "an_officials_area_is_the_figures_place"


def _official_speaks(pool, k: int, index: DocIndex, profile: EventProfile) -> bool:
    """Whether a region or town of ``pool`` ((mention, where) pairs) is the area of a local official who speaks the
    figure's sentence (sentence ``k`` of ``index``: it holds the official and a word of speech or report,
    :meth:`geo.events.EventProfile.speech_at` or events.yaml's ``report_verbs``), or the sentence just before when
    it names no other speaker (no ``speaker_nouns`` word of ``profile`` beside a word of speech: "officials
    said"; "he wrote" names none) — rule :data:`OFFICIALS_AREA`."""
    officials = [(m, where) for m, where in pool
                 if m.features.get("official_of") and m.entity.kind in ("admin1", "city")]
    if not officials:
        return False  # most figures have none: the sentence's words are not read for speech
    words = index.order[k].words
    speaks = any(profile.speech_at(words, i) for i in range(len(words))) or any(
        profile.report_verbs.match_at(words, i) for i in profile.report_verbs.starts_in(words, 0, len(words)))
    other = speaks and any(profile.speaker_nouns.match_at(words, i)
                           for i in profile.speaker_nouns.starts_in(words, 0, len(words)))
    for m, where in officials:
        if where == "same_sentence" and speaks:
            return True
        if where != "same_sentence" and not other and index.sentence_of(m.start) == k - 1:
            return True
    return False


#: Rule ``an_acting_country_is_no_figure_place``: a country the role stage reads as an actor and as the one who acts
#: in its clause — its subject ("Russia carried out 300 attacks on villages in the region", "Norway sent 200 soldiers
#: to the base") or the agent after "by" ("a force of 5,000 soldiers led by France") — is who did it, not where the
#: figure happened; so is a capital read as its government ("Kyiv carried out 30 attacks on targets in the Kursk
#: region": rule ``government_capital_is_actor``). It is no candidate while the figure has another one, unless it
#: holds one of them (its own territory: "Estonia has deployed 450 soldiers to Tapa" names the host and its base,
#: rule :data:`HOST_AND_BASE`). The subject of a casualty figure's clause is the side that suffered them, not who
#: acted ("Ethiopia lost 60 soldiers in clashes with Eritrea" stay in Ethiopia); the agent after "by" still acted.
#: (A figure whose only candidate is that country keeps it: "Finland has 20,000 soldiers". The country that launched
#: a drone or missile figure is weighed by feature ``launcher`` instead, fitted on the articles: "Russia launched 57
#: drones at Ukraine".)
ACTING_COUNTRY = "an_acting_country_is_no_figure_place"


def _acting_country(m, group: str) -> bool:
    """Whether the candidate ``m`` of a figure of ``group`` (:func:`figure_group`) is a country of rule
    :data:`ACTING_COUNTRY`: role actor (a country, or a capital read as its government: rule
    ``government_capital_is_actor``) and role-stage feature ``agent_before``, or ``clause_subject`` for a figure other
    than a casualty one (``hurt``: the subject of "lost 60 soldiers" is the side that suffered them)."""
    return m.role == "actor" \
        and bool(m.features.get("agent_before") or (group != "hurt" and m.features.get("clause_subject")))


#: Rule ``own_clause``: when the figure's own reading chose a place named after the number in its sentence,
#: the places of that sentence standing before the figure in another clause — across a semicolon ("in A and
#: B the night was calm; three were wounded near C") or where a speaker stands ("officials in A said that up
#: to 3,000 reservists could be sent near C") — are no candidates, unless the figure's parts or restatements
#: name them; nor is a place where a speaker stands named after that own place past a clause break, whatever the
#: role stage reads it as (rule ``a_speaker_after_the_own_place``: "2,000 troops were put on alert for a deployment
#: to Israel, officials in Washington said").
OWN_CLAUSE = "own_clause"


#: Rule ``the_speakers_place_is_no_figure_place``: a place named after the figure in its own sentence, past a
#: clause break and a speech word ("40 drones were destroyed, the minister told a news conference in Oslo";
#: "sono morti tre civili, ha detto il ministro da Vienna"; "trente drones abattus, a déclaré le ministre à
#: Madrid"), is where the statement was made, not where the figure happened, unless the figure's parts or
#: restatements name it or its role fits the figure's kind: it is no candidate, so rule UNFIT_NEAR reaches the
#: document's places of the figure's role.
SPEAKERS_PLACE = "the_speakers_place_is_no_figure_place"


def _speakers_places(fig, here: Sentence, pool, related: set[str], text: str, lang: str) -> list[str]:
    """The places of rule :data:`SPEAKERS_PLACE` for ``fig`` in its sentence ``here`` among ``pool``
    ((mention, where) pairs of :func:`candidates`)."""
    after = [m for m, where in pool if where == "same_sentence" and m.start >= fig.end
             and m.entity.id not in related and m.role != _fitting_role(fig)
             and (m.features.get("locative") or m.features.get("origin_before"))]  # "in Oslo", "da Vienna"
    if not after:
        return []
    breaks = [b for b in here.breaks(text, ",;:") if b >= fig.end]
    if not breaks:
        return []
    words, profile = here.words, event_profile(lang)
    speech = next((j for j in range(here.token_at(breaks[0]), len(words)) if profile.speech_at(words, j)), None)
    if speech is None:
        return []
    return [m.entity.id for m in after if here.token_at(m.start) > speech]


#: Rule ``a_speaker_after_the_figures_place``: a town named after the figure in its own sentence, past a clause break
#: that follows a place of the figure's sentence that may be the figure's (not an actor, a launch site or a source:
#: "Russia launched drones that killed five, Kharkiv said" keeps Kharkiv), and read there as the speaker itself — the
#: subject right before a word of speech, statement or source, opening its clause ("..., Kyiv said"; "..., Paris
#: announced"), one of a list of such subjects ("..., Kyiv and Moscow said"), the name right after such a word
#: ("..., dijo Damasco"; "..., said Kyiv"; "..., so Kiew"; "..., teilte Kiew mit"), or the seat of a speaker phrase
#: whose head (``speaker_nouns``, ``government_heads``, ``seat_heads``, ``official_heads``) stands one word before it
#: and right after the clause's opening word of speech or source, or that is itself the subject right before such a
#: word ("..., the health ministry in Beirut said"; "..., según la administración militar en Dnipró") — is where the
#: statement came from, not where the figure happened: no candidate, nor a list mate of the place before it, nor a
#: place of the figure's role from the rest of the document ("..., across Lebanon, Beirut said"; "..., Kyiv said.
#: Nine of them died in Kyiv": the part's place is the part's), unless it is the area of an official (role feature
#: ``official_of``: "the governor of the Kherson region said" names the figure's area, rule OFFICIALS_AREA). A town
#: after another word of the clause (an event: "officials said after a missile struck Kharkiv"; a report: "with
#: deaths reported in Kharkiv"; a place word: "au lieu-dit ... près de Lyon") is no speaker, nor is a subject whose
#: word of speech takes a noun object or goes on otherwise ("..., Genoa declared a day of mourning"; "..., Lyon told
#: to evacuate"; "..., München so schwer getroffen"): the word must end its clause, after a date or a clause adverb
#: at most ("..., Kyiv said on Tuesday"; events.yaml ``speech_end_words``), after a statement's channel or a part of
#: the day said as a whole phrase (``speech_end_phrases``: "..., Kyiv said in a statement", "said Tuesday night"; not
#: "..., Kyiv said in Kharkiv": a place after the locative is no channel), or open a reported clause (a colon, a
#: subordinator: "..., Kyiv said that"). A town followed by a relative of place (``place_relatives``: "..., according
#: to officials in Odesa, where the drone fell") is where it happened, no speaker. Only towns: a country that
#: speaks of a figure may be the side that suffered it ("..., Armenia said", rule SPEAKING_SEAT weighs it so), and a
#: figure whose sentence names no such place before that break keeps the speaker's town as its only place said.
SPEAKER_AFTER = "a_speaker_after_the_figures_place"


def _speaker_words(profile: EventProfile, words: Sequence[str], j: int) -> int:
    """How many words of speech, statement or source start at word ``j`` of ``words`` (rule :data:`SPEAKER_AFTER`):
    a speech verb or cue (:meth:`geo.events.EventProfile.speech_at`), a seat's statement, a report verb or a source
    cue; 0 for none."""
    return max(profile.speech_at(words, j), profile.seat_statements.match_at(words, j),
               profile.report_verbs.match_at(words, j), profile.source_cues.match_at(words, j))


def _speaker_head(profile: EventProfile, words: Sequence[str], end: int) -> int | None:
    """Where a speaker's head (rule :data:`SPEAKER_AFTER`: "officials", "the health ministry", "la administración
    militar") ends right before word ``end`` of ``words`` starts; None for none."""
    starts = [h.ending(words, end) for h in (profile.speaker_nouns, profile.government_heads, profile.seat_heads,
                                             profile.official_heads)]
    return min((j for j in starts if j is not None), default=None)


def _speech_ends(here: Sentence, text: str, profile: EventProfile, j: int) -> bool:
    """Whether the speech verb of sentence ``here`` (of the document ``text``) whose words end before word ``j``
    takes no noun object (rule :data:`SPEAKER_AFTER`): its clause ends there ("Kyiv said."), after a date or a
    clause adverb ("Kyiv said on Tuesday", ``speech_end_words``, the dates lexicon, numbers), a statement's channel
    or a part of the day (``speech_end_phrases``, whole: "Kyiv said in a statement", "said Tuesday night"; not "said
    in Kharkiv": a name after "in" is no channel), or a reported clause follows (a colon, a subordinator: "Kyiv said
    that"); not "Genoa declared a state of emergency", "Kharkiv told to evacuate"."""
    words = here.words
    while j < len(words) and not here.break_between(text, ",;:", here.tokens[j - 1].end, here.tokens[j].start):
        n = max(date_run(words, j, profile),
                profile.speech_end_phrases.match_at(words, j))  # "in a statement" (not "in X"), "night"
        if not n:
            return bool(profile.subordinators.match_at(words, j))  # "Kyiv said that", "Kiev ha detto che"
        j += n
    return True


def _place_relative_after(m, here: Sentence, text: str, profile: EventProfile) -> bool:
    """Whether a relative of place (``place_relatives``: "where", "où") follows the mention ``m`` of sentence
    ``here`` (of the document ``text``), after a comma at most (rule :data:`SPEAKER_AFTER`: "officials in Odesa,
    where the drone fell" says where it happened)."""
    rest = text[m.end:here.end].lstrip(" ,").split(maxsplit=1)
    return bool(rest) and rest[0].lower() in profile.place_relatives


def _speaks_after(m, here: Sentence, text: str, profile: EventProfile, listed: bool = False) -> bool:
    """Whether the mention ``m`` of sentence ``here`` (of the document ``text``) is read as the speaker itself of its
    clause (rule :data:`SPEAKER_AFTER`): the subject right before a word of speech ("Kyiv said", "officials in
    Mombasa said", "Kyiv and Moscow said": ``listed``, a speaker's town stands after the list word before it), the
    name right after one ("dijo Damasco", "said Kyiv") or the seat of a speaker after the clause's opening word of
    speech or source ("según la administración militar en Dnipró")."""
    words = here.words
    first, after = here.token_at(m.start), here.token_at(m.end)
    lo = _speakers_clause(here, text, m.start)
    head = _speaker_head(profile, words, first - 1)  # "officials in", "the health ministry in"
    subject = first == lo or listed or (head is not None and lo <= head <= lo + 3)
    verb = after + profile.verb_auxiliaries.match_at(words, after) if after < len(words) else after  # "hanno detto"
    if _place_relative_after(m, here, text, profile):
        return False  # "officials in Odesa, where the drone fell": where it happened
    said = _speaker_words(profile, words, verb) if subject and verb < len(words) else 0
    if said and not here.break_between(text, ",;:", m.end, here.tokens[verb].start) \
            and _speech_ends(here, text, profile, verb + said):
        return True  # "Kyiv said", "the ministry in Paris announced" (not "over A, B and Kyiv, said the air force")
    said = next((i for i in range(max(lo, first - 3), first) if _speaker_words(profile, words, i) == first - i), None)
    if said is not None and not here.break_between(text, ",;:", here.tokens[first - 1].end, m.start) \
            and text[here.tokens[said].start - 1:here.tokens[said].start] != "-":  # (not "au lieu-dit")
        return True  # "dijo Damasco", "said Kyiv"
    if head is None or head <= lo:
        return False
    opener = lo + profile.verb_auxiliaries.match_at(words, lo)  # "a déclaré", "ha detto"
    said = _speaker_words(profile, words, opener)
    # "según la administración militar en", "reported by officials in", "dijo anoche el gobierno en": at most two
    # words of a speaker's lead between (not "said drones hit police in X": the head is the reported clause's)
    return bool(said) and opener + said <= head <= opener + said + 2 and _speaker_lead(
        profile, words, opener + said, head)


def _speaker_lead(profile: EventProfile, words: Sequence[str], lo: int, hi: int) -> bool:
    """Whether words ``lo`` to ``hi`` of ``words`` may stand between a clause's opening word of speech and its
    speaker's head (rule :data:`SPEAKER_AFTER`): articles, agent or "of" words ("reported by officials in", "según
    informes de funcionarios en"), dates and clause adverbs ("said on Monday officials in", "dijo anoche el gobierno
    en"), words of speech or report ("informes"); not a word of the reported event ("said drones hit police in X":
    the head is the reported clause's)."""
    j = lo
    while j < hi:
        w = words[j]
        n = max(int(w in profile.articles or w in profile.of_words or w in profile.report_nouns),
                profile.agent_cues.match_at(words, j), date_run(words, j, profile), _speaker_words(profile, words, j))
        if not n:
            return False
        j += n
    return True


def _speakers_after(fig, here: Sentence, pool, text: str, lang: str) -> list[str]:
    """The places of rule :data:`SPEAKER_AFTER` for ``fig`` in its sentence ``here`` among ``pool`` ((mention,
    where) pairs of :func:`candidates`)."""
    breaks = [b for b in here.breaks(text, ",;:") if b >= fig.end]
    if not breaks:
        return []
    own = [m for m, where in pool if where == "same_sentence"]
    profile = event_profile(lang)
    out: list[str] = []
    speaking: set[int] = set()  # the starts of the speakers read so far, last first (a list of speakers)
    for m in sorted(own, key=lambda o: -o.start):
        if m.entity.kind != "city" or m.features.get("official_of"):
            continue
        before = [b for b in breaks if b < m.start]
        if not before or not any(o is not m and o.end <= before[-1] and o.role != "actor"
                                 and not any(o.features.get(f) for f in VETOES.values()) for o in own):
            continue  # no place of the figure's sentence before the clause break (but an actor, a launch site or a
            # source: "Russia launched drones that killed five, Kyiv said"): the town is the one said
        listed = _listed_speaker(m, here, speaking)
        if listed or _speaks_after(m, here, text, profile, _after_speaking_list(m, here, own, text)):
            out.append(m.entity.id)
            speaking.add(m.start)
    return out


def _speakers_clause(here: Sentence, text: str, offset: int) -> int:
    """The index of the first word of the clause of sentence ``here`` (of the document ``text``) that holds the
    character at ``offset``: the word after the last clause break before it."""
    return here.token_at(max((b for b in here.breaks(text, ",;:") if b < offset), default=here.start))


def _after_speaking_list(m, here: Sentence, own: Sequence, text: str) -> bool:
    """Whether the mention ``m`` of sentence ``here`` (of the document ``text``) ends a list of towns of ``own``
    (mentions) that opens its clause (rule :data:`SPEAKER_AFTER`: "..., Kyiv and Moscow said"): only towns and list
    words before it there."""
    lo = _speakers_clause(here, text, m.start)
    j = here.token_at(m.start) - 1
    while j > lo and here.words[j] in LIST_JOINERS:
        o = next((o for o in own if o.entity.kind == "city" and here.token_at(o.end) == j), None)
        if o is None:
            return False
        if here.token_at(o.start) == lo:
            return True
        j = here.token_at(o.start) - 1
    return False


def _listed_speaker(m, here: Sentence, speaking: set[int]) -> bool:
    """Whether the mention ``m`` of sentence ``here`` is joined by a list word to a speaker right after it (rule
    :data:`SPEAKER_AFTER`: "..., Kyiv and Moscow said"), ``speaking``: the starts of the speakers read."""
    after = here.token_at(m.end)
    return after + 1 < len(here.words) and here.words[after] in LIST_JOINERS \
        and here.tokens[after + 1].start in speaking


#: Rule ``the_other_side_of_a_border_is_no_figure_place``: a place named as the other side of a border from a
#: place named before it ("an ambush in Niger, close to the border with Mali"; "a Kherson, al confine con ...";
#: "en Níger, junto a la frontera con Chad"), after a border noun and its link (the test of role feature
#: ``border_of``, :meth:`geo.events.EventProfile.border_at`) and only articles, list joiners or the other places
#: of its list between them, locates where the figure happened; it is no candidate, unless the figure's parts or
#: restatements name it. Where no place stands before the border word ("9 airspace violations along the border
#: with Belarus") the other side stays a candidate, unless a word of nearness precedes the border (rule
#: :data:`NEAR_A_BORDER`); so does a border area inside the country of the place before it ("4 killed in Ukraine,
#: in the border district of Sumy": rule :data:`geo.clauses.BORDER_AREA_INSIDE`), but not one of another country
#: ("in Ukraine, near the border district of Bryansk").
BORDER_SIDE = "the_other_side_of_a_border_is_no_figure_place"
#: Rule ``near_a_border_is_this_side``: a border said with a word of nearness before it (events.yaml's
#: ``border_near``: "near the border with Mali", "cerca de la frontera con Malí", "près de la frontière avec le
#: Mali", "vicino al confine con il Mali", "nahe der Grenze zu Mali") locates what happened near it, on this side,
#: even where the sentence names no place before it (the village the report names was not found, or the report names
#: none): its other side is no candidate (rule :data:`BORDER_SIDE`). Along or at a border ("7 incursions along the
#: border with Belarus") the other side stays the only place said; so do the places of a border said with an "of"
#: word ("near the border of Mali with Niger": Mali's side; "cerca de la frontera de Colombia") or a "between" word
#: ("near the border between Mali and Niger", "nahe der Grenze zwischen Polen und Belarus": either side).
NEAR_A_BORDER = "near_a_border_is_this_side"
#: How many words at most rule :data:`BORDER_SIDE` looks back over from a place to its border word.
BORDER_REACH = 8


def _border_side(m, index: DocIndex, profile: EventProfile) -> bool:
    """Whether the mention ``m`` is named as the other side of a border (rule :data:`BORDER_SIDE`), in the
    words of ``profile``, read in its sentence of ``index``; worked out once per mention of the document
    (it reads neither the figure nor the roles: each figure of the document asks again for the same mentions)."""
    key = (id(m), id(profile))  # the index holds its mentions: an id is not reused while it lives
    found = index.border_sides.get(key)
    if found is None:
        found = index.border_sides[key] = _border_side_of(m, index, profile)
    return found


def _border_side_of(m, index: DocIndex, profile: EventProfile) -> bool:
    """:func:`_border_side`, worked out."""
    k = index.sentence_of(m.start)
    if k is None:
        return False
    sentence = index.order[k]
    words = sentence.words
    before = [o for o in index.by_sentence_start.get(m.sentence_start, ()) if o.end <= m.start]
    listed = set()  # the words of the sentence's other places: "the border with Mali and Burkina Faso"
    for o in before:
        listed.update(range(sentence.token_at(o.start), sentence.token_at(o.end)))
    j = sentence.token_at(m.start) - 1
    stop = max(-1, j - BORDER_REACH)
    while j > stop and (words[j] in profile.articles or words[j] in LIST_JOINERS or j in listed):
        j -= 1
    def nearest(border: int):
        return max((o for o in before if sentence.token_at(o.end) <= border), key=attrgetter("end"), default=None)

    def locator(border: int):  # the place before as rule BORDER_AREA_INSIDE reads it: a locator (feature locative)
        o = nearest(border)
        return o if o is not None and o.features.get("locative") else None

    border = border_side_at(words, j, profile, m, locator)  # the test of role feature border_of
    # the border locates a place named before it ("in Niger, near the border with Mali"); with none ("9 airspace
    # violations along the border with Belarus") the other side is the only place said, and stays a candidate —
    # unless a word of nearness stands before the border (rule NEAR_A_BORDER: "12 soldiers were killed near the
    # border with Mali" happened on this side, whether or not its place was found) and the link names the other
    # side: a border "of" a place ("near the border of Mali with Niger") is that place's own, and one "between" two
    # places ("near the border between Mali and Niger") has no this side
    if border is None:
        return False
    return nearest(border) is not None or (
        words[j] not in profile.of_words and not profile.between_words.match_at(words, j)
        and profile.near_border(words, border))


def _chosen_after(fig, m) -> bool:
    """Whether the mention ``m`` names a place the figure's own reading chose (``cue_place_ids``) after the figure:
    the place rules OWN_TOWN_STANDS, MENTION_IS_NO_FINER_PLACE, OWN_CLAUSE, ASIDES_PLACE and PAST_NEXT_COUNT read
    ("12 soldiers were killed in an ambush in the Cauca department"; the callers keep those of the figure's
    sentence)."""
    return m.start >= fig.end and m.entity.id in fig.cue_place_ids


def _other_clause(fig, here: Sentence, pool, text: str, related: set[str]) -> set[str]:
    """The places of rule :data:`OWN_CLAUSE` for ``fig`` in its sentence ``here`` among ``pool`` ((mention,
    where) pairs of :func:`candidates`): a ';' of the sentence's breaks between the place and the figure, or
    the role stage's speech test after the place (``speech_after``, :meth:`geo.events.EventProfile.speech_at`)."""
    own = [m for m, where in pool if where == "same_sentence" and _chosen_after(fig, m)]
    if not own:
        return set()
    last = max(m.end for m in own)
    return {m.entity.id for m, where in pool
            if where == "same_sentence" and m.entity.id not in fig.cue_place_ids and m.entity.id not in related
            and ((m.end <= fig.start and (here.break_between(text, ";", m.end, fig.start)
                                          or m.features.get("speech_after")))
                 or (m.start >= last and m.features.get("speech_after")  # a speaker after the own place
                     and here.break_between(text, ",;:", last, m.start)))}


#: Rule ``a_place_past_a_clause_coordinator_is_another_clauses``: a place of the figure's sentence named after it past
#: a comma or semicolon and a clause coordinator that joins no list (:func:`_clause_words`: "while", "but", "mentre",
#: "alors que") belongs to that other clause: "25 people were killed in the strike, while Israel said it targeted
#: militants" does not count Israel's dead. It is no candidate, unless the figure's own reading chose it ("two
#: soldiers were killed, while patrolling near Gao" reads Gao as its own place) and it is no subject of that clause
#: (role feature ``clause_subject``: "an army of 280,000 troops, while Sweden can mobilise 50,000"), or its parts or
#: restatements name it.
NEXT_CLAUSE = "a_place_past_a_clause_coordinator_is_another_clauses"


@cache
def _clause_words(lang: str) -> frozenset[tuple[str, ...]]:
    """The words that open another clause in ``lang`` (rule :data:`NEXT_CLAUSE`): the figures lexicon's clause
    ``coordinators`` that join no list (none of its ``list_coordinators`` nor of the languages' list joiners:
    "while", "but", "mentre", "alors que", not "and", "o")."""
    lex = figure_lexicon(lang)
    return frozenset(p for p in lex.coordinators.seqs - lex.list_coordinators.seqs
                     if not (len(p) == 1 and p[0] in LIST_JOINERS))


def _next_clause(fig, here: Sentence, pool, text: str, related: set[str], lang: str) -> set[str]:
    """The places of rule :data:`NEXT_CLAUSE` for ``fig`` in its sentence ``here`` among ``pool`` ((mention, where)
    pairs of :func:`candidates`), in the words of ``lang``."""
    after = [m for m, where in pool if where == "same_sentence" and m.start >= fig.end and m.entity.id not in related
             and (m.entity.id not in fig.cue_place_ids or m.features.get("clause_subject"))]
    if not after:
        return set()
    words, clause = here.words, _clause_words(lang)
    first = here.token_at(fig.end)
    opener = next((j for j in range(first, len(words)) if here.break_before(text, ",;", j)
                   and any(tuple(words[j : j + len(p)]) == p for p in clause)), None)
    if opener is None:
        return set()
    return {m.entity.id for m in after if here.token_at(m.start) > opener}


#: Rule ``an_asides_place_is_not_the_figures``: when the figure's own reading chose a place of its sentence named
#: past an aside between brackets or dashes that opens after the figure (as rule ASIDE_BEFORE_PLACE of
#: :mod:`geo.figures` reads one right after its words), the places named inside the aside are not the figure's:
#: "shelling killed 6 people (two days after the strike on Kramatorsk) in Sloviansk" happened in Sloviansk alone,
#: unless the figure's parts or restatements name them.
ASIDES_PLACE = "an_asides_place_is_not_the_figures"


def _inside_aside(fig, pool, text: str, related: set[str]) -> set[str]:
    """The places of rule :data:`ASIDES_PLACE` for ``fig`` among ``pool`` ((mention, where) pairs of
    :func:`candidates`) in the document's ``text``; ``related``: the places its parts or restatements name."""
    own = [m.start for m, where in pool if where == "same_sentence" and _chosen_after(fig, m)]
    if not own:
        return set()
    opening = ASIDE_OPEN.search(text, fig.end, min(own))
    if opening is None:
        return set()
    closing = aside_close(text, opening.start(), min(own))
    if closing is None:  # an aside that does not close before the figure's place leaves the places as they are
        return set()
    return {m.entity.id for m, where in pool if where == "same_sentence" and opening.end() <= m.start
            and m.end <= closing and m.entity.id not in fig.cue_place_ids and m.entity.id not in related}


#: Rule ``a_place_past_the_next_count_is_that_counts``: when the figure's own reading chose a place after the number,
#: the places of its sentence named after the next count past that place are that count's, whatever that count's own
#: reading says: "at least 14 people were killed in Idlib, and five civilians died when shells hit villages near
#: Aleppo" (Aleppo is the five's), unless the figure's parts or restatements name them. (Two
#: counts with no place between them share the place after both: "two soldiers and three civilians were killed in
#: Kherson".)
PAST_NEXT_COUNT = "a_place_past_the_next_count_is_that_counts"


def _past_next_count(fig, here: Sentence, pool, related: set[str], index: DocIndex) -> set[str]:
    """The places of rule :data:`PAST_NEXT_COUNT` for ``fig`` in its sentence ``here`` among ``pool`` ((mention,
    where) pairs of :func:`candidates`); ``index``: the document's :class:`DocIndex` (its figures)."""
    own = set(fig.cue_place_ids)
    mine = [m.start for m, where in pool if where == "same_sentence" and _chosen_after(fig, m)]
    if not mine:
        return set()
    key = _copy_key(fig)
    nxt = next((o for o in index.figures.between(min(mine), here.end) if _copy_key(o) != key), None)
    if nxt is None:
        return set()
    return {m.entity.id for m, where in pool if where == "same_sentence" and m.start >= nxt.end
            and m.entity.id not in own and m.entity.id not in related}


def _claimed_by_another(fig, here: Sentence, related: set[str], index: DocIndex) -> set[str]:
    """The places of rule :data:`ANOTHER_COUNTS_PLACE` for ``fig`` in its sentence ``here``: those the cue
    readings of the sentence's other counts name, less the figure's own cue places and ``related`` places."""
    own = set(fig.cue_place_ids) | related
    return {pid for o in index.figures.between(here.start, here.end) if o is not fig
            for pid in o.cue_place_ids if pid not in own}


#: How many sentences after a total its parts are looked for ("19 droni: dieci sulla regione di Smolensk ...").
PARTS_AHEAD = 2
#: Rule ``a_listed_count_is_no_total``: a figure that follows another of its group in its sentence is one
#: count of a list ("35 droni sulla regione di Smolensk, ..., sei su quella di Tula, tre su quella di
#: Lipetsk e tre su quella di Ryazan"; "quatre tués à Homs, 15 autres plus au nord"), not a
#: total whose parts come after it: the counts after it are its siblings, even where their values add up (unless
#: the counts before it add up to it too: rule :data:`TOTAL_OF_ITS_LIST`).
LISTED_COUNT = "a_listed_count_is_no_total"


#: Rule ``a_count_its_list_adds_up_to_is_a_total``: a count after two or more smaller counts of its kind in its
#: sentence is their total, not one more count of their list (rule :data:`LISTED_COUNT`), when they and the counts
#: after it add up to exactly its value and none of them is larger: "12 droni sulla regione di Kursk e altri 9 -
#: dei 30 lanciati in tutto - su quella di Belgorod, sei su quella di Tula e tre su quella di Oryol" (12 + 9 + 6 +
#: 3 = 30; not the 9, which the 30 after it exceeds; not "five killed in A, 17 others in B, among them 9 in C, and
#: three in D", one count before it only). A count joined to the list by a list word is one more item, whatever
#: its value ("..., 9 over C and 18 over D"), unless a total word marks it (:func:`_said_total`: "... and 18 in
#: all", "... e 18 droni in tutto").
TOTAL_OF_ITS_LIST = "a_count_its_list_adds_up_to_is_a_total"
#: How many words at most stand between a count's number and the total word that marks it (:func:`_said_total`):
#: before it, a hedge ("der insgesamt rund 74", rule :data:`TOTAL_IN_ITS_COUNTRY`); after it, the counted noun ("18
#: drones in all", "18 droni in tutto", rule :data:`TOTAL_OF_ITS_LIST`), no more: a place with its locative between
#: ("and 18 over Kursk in all") makes the total word the sentence's, not the count's.
TOTAL_GAP = 1
#: The marks that end a count's clause before a total word said after it, for rule :data:`TOTAL_OF_ITS_LIST`.
TOTAL_BREAKS = ",;:"
#: Rule ``a_placed_counts_parts_lie_inside_it``: a count that names its own place — a place of its own reading after
#: it and before the next count of its sentence, or in its own stretch of the sentence before it — is no total of the
#: smaller counts after it that name other places ("twelve were killed in Kandahar and eight in Herat", "6 in A, 5 in B,
#: 4 in C": items of one list, each at its own place), unless they add up to exactly its value, or lie inside its place
#: ("20 killed in Niger, 12 of them in Tillabéri"; :func:`_holds`), or are said as parts of it (from the first count
#: with a part word of figures.yaml's ``anaphora_after`` or ``anaphora`` on: "of them", "di cui", "dont", "de los
#: que", "davon", as rule :data:`PART_OF_THEM` reads them, or after an inclusion word of its ``parts``: "including",
#: "tra cui", "darunter"; as :mod:`geo.figures` read them: ``Figure.part_of``, ``Figure.included``).
PLACED_COUNT = "a_placed_counts_parts_lie_inside_it"


def part_places(fig, index: DocIndex) -> set[str]:
    """The places of the parts of a total: the smaller figures of the same group in its sentence or the
    :data:`PARTS_AHEAD` sentences after it, whose values add up to no more than the total ("intercettati 19
    droni: dieci sulla regione di Smolensk, sette su quella di Tula e due su quella di Lipetsk"), as the
    parts' cue readings have them; of a count that names its own place, only those of rule :data:`PLACED_COUNT`.
    ``index``: the document's :class:`DocIndex` (its figures and sentences), which keeps what it read."""
    if id(fig) not in index._parts:
        index._parts[id(fig)] = _part_places(fig, index)
    return index._parts[id(fig)]


def _part_places(fig, index: DocIndex) -> set[str]:
    """:func:`part_places`, read from the figures near ``fig`` in ``index``."""
    order = index.order
    k = index.sentence_of(fig.start)
    if k is None:
        return set()
    first, limit = order[k].start, order[min(len(order) - 1, k + PARTS_AHEAD)].end
    group = figure_group(fig)
    if group == "troops":  # a troop total's parts are national contingents: where they come from
        return set()
    before = [o for o in index.figures.between(first, fig.start) if o is not fig and o.kind == fig.kind]
    if any(o.value >= fig.value for o in before):
        return set()  # rule LISTED_COUNT: a count of the same kind before it ("killed two and wounded 20" is none)
    # the parts of a count of the wounded are wounded (two killed after twenty wounded are another count); a
    # count of casualties has the killed and the wounded for parts, and equipment's parts are any equipment
    parts = [o for o in index.figures.between(first, limit) if o is not fig and figure_group(o) == group
             and o.value < fig.value and (o.kind == fig.kind or fig.kind not in ("killed", "wounded"))]
    out: set[str] = set()
    total = summed = 0
    taken = []
    counted: set[tuple] = set()
    for o in parts:  # in text order
        if _copy_key(o) not in counted:  # the copies of one count said for several places (ONE_PLACE_EACH) add once
            counted.add(_copy_key(o))
            total += o.value
        if total > fig.value:
            break
        summed = total
        taken.append(o)
        out.update(o.cue_place_ids)
    if before and (len({_copy_key(o) for o in before}) < 2 or total != fig.value
                   or (_joined_item(fig, order[k]) and not _said_total(fig, order[k], index, after=True))
                   or any(o.kind == fig.kind and o.value > fig.value for o in index.figures.between(first, limit))):
        return set()  # rule LISTED_COUNT, unless the counts of its list add up to it (rule TOTAL_OF_ITS_LIST)
    if summed != fig.value and taken:
        own = _own_places(fig, order[k], index)
        if own:  # rule PLACED_COUNT
            return _placed_parts(own, taken, index)
    return out


def _own_places(fig, sentence: Sentence, index: DocIndex) -> list:
    """The entities of the places ``fig`` names as its own in its ``sentence`` (rule :data:`PLACED_COUNT`): the
    mentions of its own reading (``cue_place_ids``) between the count before it and the count after it in the
    sentence (its copies, rule :data:`ONE_PLACE_EACH`, are no other count), or the sentence's ends; ``index``: the
    document's :class:`DocIndex`."""
    key = _copy_key(fig)
    others = [o for o in index.figures.between(sentence.start, sentence.end) if _copy_key(o) != key]
    lo = max((o.end for o in others if o.end <= fig.start), default=sentence.start)
    hi = min((o.start for o in others if o.start >= fig.end), default=sentence.end)
    cue = set(fig.cue_place_ids)
    return [m.entity for m in index.mentions.between(lo, hi) if m.entity.id in cue]


def _placed_parts(own: Sequence, parts: Sequence, index: DocIndex) -> set[str]:
    """The places of ``parts`` (the smaller counts of :func:`_part_places`, in text order) that stay the parts of a
    count placed at the entities ``own`` (rule :data:`PLACED_COUNT`): those inside one of them (or one of them), and
    every place from the first part said as a part on (``Figure.part_of``, ``Figure.included``)."""
    out: set[str] = set()
    said = False
    for o in parts:
        said = said or getattr(o, "part_of", None) is not None or getattr(o, "included", False)
        for pid in o.cue_place_ids:
            found = index.by_entity.get(pid)
            place = index.mentions.items[found[0]].entity if found else None
            if said or (place is not None and any(e.id == pid or _holds(e, place) for e in own)):
                out.add(pid)
    return out


def _joined_item(fig, sentence: Sentence) -> bool:
    """The count is joined to the list before it by a list word ("4 over Belgorod, 9 over Tula and 18 over Oryol"):
    one more item of the list, whatever its value, not the list's total (rule TOTAL_OF_ITS_LIST)."""
    i = sentence.token_at(fig.start)
    return 0 < i < len(sentence.words) and sentence.words[i - 1] in LIST_JOINERS


def _said_total(fig, sentence: Sentence, index: DocIndex, *, after: bool) -> bool:
    """Whether a total word of the document's language (figures.yaml ``figures.totals``, read once into
    :attr:`geo.events.EventProfile.figure_totals`) marks the count ``fig`` of its ``sentence``, at most
    :data:`TOTAL_GAP` words from its number: ending before it ("insgesamt 85 Drohnen", "a total of 85 drones",
    "der insgesamt rund 74": rule :data:`TOTAL_IN_ITS_COUNTRY`), or, with ``after``, said after it ("and 18 in all",
    "e 18 droni in tutto": rule :data:`TOTAL_OF_ITS_LIST`, for a count joined to its list, :func:`_joined_item`, so
    no total word stands before it), with only words between (no number), in its clause (no mark of
    :data:`TOTAL_BREAKS` between: "and 18 drones; in all, four people were hurt" counts the hurt), and not opening a
    phrase of its own (an article right after it: "in tutto il giorno" is "all day long"). ``index``: the
    document's :class:`DocIndex` (its language and text)."""
    words, text, profile = sentence.words, index.text, event_profile(index.lang)
    if not after:
        i = sentence.token_at(fig.start)
        for j in range(max(0, i - 3 - TOTAL_GAP), i):
            n = profile.figure_totals.match_at(words, j)
            if n and i - TOTAL_GAP <= j + n <= i:
                return True
        return False
    j = sentence.token_at(fig.end)
    for k in range(j, min(len(words), j + TOTAL_GAP + 1)):
        if sentence.break_before(text, TOTAL_BREAKS, k):  # 0 < j: the count's number is a word before
            return False
        n = profile.figure_totals.match_at(words, k)
        if n:
            end = k + n
            return end == len(words) or words[end] not in profile.articles \
                or sentence.break_before(text, TOTAL_BREAKS, end)
        if not words[k].isalpha():
            return False
    return False


#: How many sentences after a drone or missile total the report's incident places are looked for ("Russia
#: launched 40 drones overnight. ... Drones were shot down over the Sumy, Poltava and Kharkiv regions").
REPORT_AHEAD = 3


def report_places(fig, index: DocIndex) -> set[str]:
    """The incident places of the :data:`REPORT_AHEAD` sentences after an equipment total (drones,
    missiles) whose own sentence names no place finer than a country and that has no parts
    (:func:`part_places`): the regions a report lists after its total, with no figure of their own.
    ``index``: the document's :class:`DocIndex` (its mentions and sentences)."""
    if figure_group(fig) != "equipment" or not len(index.mentions):
        return set()
    order = index.order
    k = index.sentence_of(fig.start)
    if k is None or k + 1 >= len(order):
        return set()
    here = order[k]
    if any(m.entity.kind in ("city", "admin1") and m.role in ("incident", "deployment")
           for m in index.mentions.between(here.start, here.end)):
        return set()
    first, limit = order[k + 1].start, order[min(len(order) - 1, k + REPORT_AHEAD)].end
    return {m.entity.id for m in index.mentions.between(first, limit) if m.role == "incident"
            and m.entity.kind in ("city", "admin1")}


def related_places(fig, index: DocIndex) -> set[str]:
    """The places of a figure's parts and of its restatements (:func:`part_places`, :func:`restated_places`),
    else the incident places its report lists after it (:func:`report_places`). ``index``: the document's
    :class:`DocIndex` (its figures, sentences and mentions)."""
    parts, restated, report = _related(fig, index)
    return parts | restated | report


def _related(fig, index: DocIndex) -> tuple[set[str], set[str], set[str]]:
    """(parts, restated, report) of :func:`related_places`, each read once."""
    if not len(index.figures):
        return set(), set(), set()
    parts = part_places(fig, index)
    return parts, restated_places(fig, index), set() if parts else report_places(fig, index)


#: How far above a hedged figure its restatement may lie: "una quarantina di droni" in the lead is the
#: text's "43 droni ... sopra le regioni di Tula, Lipetsk e Ryazan" (rule ``a_hedged_figure_rounds_its_restatement``).
ROUNDED_BY = 0.2
#: The hedges under which a figure may round a larger count of the text ("oltre", "at least").
ROUNDING_UP = ("more_than", "at_least")
#: The hedges under which a figure may round a count on either side: ``approx`` holds both "circa", "una
#: quarantina" (either side) and "quasi", "poco meno di" (below), so a count up to :data:`ROUNDED_BY` below
#: or above it may be the one it rounds.
ROUNDING_EITHER = ("approx",)


#: Rule ``a_sibling_count_is_no_restatement``: a count of the same kind and value in the figure's own
#: sentence is a sibling in a list of counts ("tre su quella di Lipetsk e tre su quella di Ryazan"), not
#: the same figure stated again: its places are not the figure's.
SIBLING_IS_NO_RESTATEMENT = "a_sibling_count_is_no_restatement"


def restates(fig, other) -> bool:
    """Whether ``other`` states ``fig`` again: the same kind and value, or, for a hedged figure ("una
    quarantina", "about 100"), a count of its kind at most :data:`ROUNDED_BY` above it ("43"), or below it
    too under ``approx`` ("poco meno di 40" and "37"; :data:`ROUNDING_EITHER`).

    Parameters
    ----------
    fig : Figure
        The figure stated first.
    other : Figure
        Another figure of the document.

    Returns
    -------
    bool
        True when ``other`` is ``fig`` stated again.
    """
    if other is fig or other.kind != fig.kind:
        return False
    if other.value == fig.value:
        return True
    if fig.qualifier in ROUNDING_EITHER:
        return fig.value * (1 - ROUNDED_BY) <= other.value <= fig.value * (1 + ROUNDED_BY)
    return fig.qualifier in ROUNDING_UP and fig.value < other.value <= fig.value * (1 + ROUNDED_BY)


def restated_places(fig, index: DocIndex) -> set[str]:
    """The places another statement of the same figure names (:func:`restates`: a title's "44 drones"
    and the text's "44 drones over the Sumy, Poltava ... regions"), with, given the document's sentences, the
    places of that statement's parts (the lead's "19 droni" and the text's "19 apparecchi: dieci sulla regione
    di Smolensk, sette su quella di Tula"). Given the sentences, a count of the figure's own sentence is no
    restatement but a sibling (rule :data:`SIBLING_IS_NO_RESTATEMENT`). ``index``: the document's
    :class:`DocIndex`, whose figures by offset give those within the figure's stretch (rule :data:`STRETCH`),
    each tested with :func:`restates` (every figure of the document when the index holds no sentences)."""
    out: set[str] = set()
    order = index.order
    k = index.sentence_of(fig.start)
    # rule STRETCH: the restatements within REACH sentences of the figure (all, without its sentences)
    nearby = index.figures.items if k is None else index.figures.between(*index.stretch(k))
    for o in nearby:
        if restates(fig, o) and (k is None or index.sentence_of(o.start) != k):
            out.update(o.cue_place_ids)
            if order:
                out |= part_places(o, index)
    return out


@dataclass
class FigureContext:
    """What the features of every candidate of one figure share (:func:`figure_context`): read once per
    figure, not once per pair."""

    order: list[Sentence]  # the sentences in text order
    parts: set[str]  # :func:`part_places`
    restated: set[str]  # :func:`restated_places`
    report: set[str]  # :func:`report_places` when there are no parts, else empty
    counts: Counter  # entity id -> how many mentions name it
    here: list[tuple[object, object]]  # (mention, entity) of the candidates of the figure's sentence
    nearest: object | None  # the candidate of ``nearest_fitting`` (:func:`_nearest_fitting`)
    index: DocIndex  # the document's indexes

    @property
    def related(self) -> set[str]:
        """:func:`related_places`."""
        return self.parts | self.restated | self.report


def figure_context(fig, pool: Sequence[tuple[object, str]], index: DocIndex,
                   related: tuple[set[str], set[str], set[str]] | None = None) -> FigureContext:
    """The figure-wide part of :func:`pair_features` for the candidates ``pool`` of ``fig`` (``index``: the
    document's :class:`DocIndex`; ``related``: the (parts, restated, report) places when the caller has read
    them already)."""
    order = index.order
    parts, restated, report = _related(fig, index) if related is None else related
    return FigureContext(order, parts, restated, report, index.counts,
                         [(o, o.entity) for o, w in pool if w == "same_sentence"], _nearest_fitting(fig, pool),
                         index)


@dataclass
class WeighedFigure:
    """What the runtime and the fit read of one figure (:func:`weigh_figure`): its candidates, the features
    of each pair and the list groups of the candidates.

    Parameters
    ----------
    pool : list of (mention, str)
        The candidates: a mention and where it stands (:func:`candidates`).
    features : list of dict
        The named features of each candidate, in the order of ``pool`` (:func:`pair_features`).
    groups : dict of int to int
        Candidate index -> index of its list group (:func:`list_mates`).
    settle : callable
        The weighed choice (candidate indices) -> the candidates the figure is placed at (:func:`settle`).
    """

    pool: list[tuple[object, str]]
    features: list[dict[str, float]]
    groups: dict[int, int]
    settle: Callable[[Sequence[int]], list[int]] = list


def one_each(fig, index: DocIndex) -> set[str] | None:
    """The own place of ``fig`` (a set of one place id) when it is one of the copies of a count said once for
    several places, one place each (rule :data:`ONE_PLACE_EACH`): another figure of the document (``index``,
    :class:`DocIndex`) stands on the same words with the same kind and value (:func:`_copy_key`), and each copy
    holds one place of its own; None otherwise."""
    own = fig.cue_place_ids or fig.place_ids
    if len(own) != 1:
        return None
    key = _copy_key(fig)
    if any(o is not fig and _copy_key(o) == key and len(theirs := o.cue_place_ids or o.place_ids) == 1
           and theirs != own for o in index.figures.between(fig.start, fig.end)):
        return set(own)
    return None


def weigh_figure(fig, mentions: Sequence, sentences: Sequence[Sentence], text: str,
                 figures: Sequence, index: DocIndex | None = None, lang: str = "en") -> WeighedFigure:
    """The candidates of ``fig`` (:func:`candidates`), the features of each pair (:func:`pair_features`) and
    their list groups (:func:`list_mates`), with the figure's related places read once for all three: the one
    reading both :func:`place_figures` and the fitting command (geo/data/fit_weights.py) weigh.

    Parameters
    ----------
    fig : Figure
        The figure whose places are weighed.
    mentions : Sequence
        The document's place mentions, with their roles and features.
    sentences : Sequence[Sentence]
        The document's sentences (any order).
    text : str
        The document's text.
    figures : Sequence
        Every figure of the document (``fig`` among them).
    index : DocIndex or None
        The document's indexes, when the caller built them once for the document (built here otherwise).
    lang : str
        The document's language (the words of :func:`list_mates`).

    Returns
    -------
    WeighedFigure
        The candidates, the features of each and their list groups.
    """
    index = _index_of(index, mentions, sentences, figures, lang, text)
    order = index.order
    related = _related(fig, index)
    union = related[0] | related[1] | related[2]
    whole = whole_of(fig, index)  # rule PART_OF_THEM: a part that names no place of its own stands where its whole does
    if whole is not None and not _names_own_place(fig, index):
        union |= set(whole.place_ids)
    pool = candidates(fig, mentions, order, text, figures, related=union, index=index, lang=lang)
    own = one_each(fig, index)
    if own is not None:  # rule ONE_PLACE_EACH: the item's count is its own place's
        pool = [(m, where) for m, where in pool if m.entity.id in own]
    ref = area_referent(fig, index)
    if ref is not None and all(m.entity.id != ref.entity.id for m, _ in pool):  # rule AREA_ANAPHORA's place
        pool = [*pool, (ref, _tier_of(ref, index.sentence_of(fig.start), index))]
    context = figure_context(fig, pool, index, related=related)
    k = index.sentence_of(fig.start)
    sentence = None if k is None else order[k]
    features = [pair_features(fig, m, where, pool, mentions, sentence, figures=figures, sentences=order, text=text,
                              context=context, lang=lang) for m, where in pool]
    troops = figure_group(fig) == "troops" and sentence is not None
    return WeighedFigure(pool, features, list_mates(pool, text, union, figures, index.figures.starts,
                                                    troops=troops, sentence=sentence, lang=lang),
                         lambda picked: settle(fig, pool, picked, index, referent=ref))


def pair_features(fig, m, where: str, pool: Sequence, mentions: Sequence, sentence: Sentence | None, *,
                  figures: Sequence = (), sentences: Sequence[Sentence] = (), text: str = "",
                  context: FigureContext | None = None, lang: str) -> dict[str, float]:
    """The named features of one (figure, candidate place) pair (``figures``, ``sentences`` and ``text``
    are the document's, read by the features that look beyond the pair; ``context`` is
    :func:`figure_context` of the same figure, pool and document, made once for all its pairs)."""
    if context is None:
        context = figure_context(fig, pool, DocIndex(mentions, sentences, figures, lang=lang, text=text))
    index = context.index
    e = m.entity
    f: dict[str, float] = {where: 1.0, f"role:{m.role}": 1.0, f"kind:{e.kind}": 1.0}
    group = figure_group(fig)
    if group:
        f[f"figure:{group}"] = 1.0
    cue = set(fig.cue_place_ids)
    if e.id in cue:
        f["cue_chosen"] = 1.0
    elif m.features.get("in_list") and any(o.entity.id in cue and abs(o.start - m.start) < 120
                                           for o in index.by_sentence_start.get(m.sentence_start, ())):
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
        lo, hi = (fig.end, m.start) if m.start >= fig.end else (m.end, fig.start)
        if sentence is not None and sentence.break_between(text, _COMMA_MARKS, lo, hi):
            f["comma_between"] = 1.0  # "morti 3 civili, ha detto il governatore di Kherson"
        if m.start >= fig.end and any(o is not fig and o.end <= hi for o in index.figures.between(lo, hi)):
            # "35 droni sulla regione di Smolensk, 26 su quella di Tula": Tula is 26's. (A place before both
            # figures is often shared: "a Mitrovica 4 scontri, con una ventina di feriti".)
            f["figure_between"] = 1.0
    elif sentence is not None and m.start >= sentence.end:
        f["later"] = 1.0
    if _fitting_role(fig) == m.role:
        f["role_fits_kind"] = 1.0
    if group == "equipment" and e.kind == "country" and (m.role == "actor" or m.features.get("agent_before")
                                                         or m.features.get("clause_subject")):
        f["launcher"] = 1.0  # "Russia sent 57 drones", "tirés par la Russie": who fired, not where
    near = "near:deployment" if group == "troops" else "near:incident"
    if m.features.get(near):
        f["trigger_fits_kind"] = 1.0  # the place stands by a trigger of the figure's event ("colpita", "schierati")
    if context.counts[e.id] > 1:
        f["repeated"] = 1.0
    here = [h for o, h in context.here if o is not m]
    if any(contains(e, o) for o in here):
        f["more_specific_here"] = 1.0  # "Kharkiv, Ukraine": a place inside this one stands beside the figure
    if any(contains(o, e) for o in here):
        f["inside_here"] = 1.0  # "uccisi 7 soldati in Niger" ... "a Kandadji": the figure's country holds the place
    if where != "same_sentence":
        if all(o.kind in ("country", "region") for o in here):
            f["here_is_country_only"] = 1.0  # the figure's sentence names no place finer than a country
        if where == "elsewhere" and (context.index.sentence_of(fig.start) or 0) < 2:
            f["lead_figure_elsewhere"] = 1.0  # a headline's or lead's figure, told in detail further on
    if e.id in context.parts:  # (none without figures or sentences)
        f["part_place"] = 1.0
    if e.id in context.restated:
        f["restated_place"] = 1.0
    if e.id in context.report:
        f["report_place"] = 1.0  # "Russia launched 40 drones." ... "shot down over the Sumy and Poltava regions"
    feats = m.features
    for name, key in _PLACE_KEYS:
        if feats.get(name):
            f[key] = 1.0
    if context.nearest is not None and context.nearest is m:
        # _nearest_fitting; in the document's other places, the nearest in characters is a weaker sign than
        # in the figure's own paragraph
        f["nearest_fitting" if where != "elsewhere" else "nearest_fitting_elsewhere"] = 1.0
    return f


#: How near a candidate stands to its figure, for ranking: its own sentence, then the sentences before, then
#: the rest of the document; then the distance in characters.
TIERS = {"same_sentence": 0, "sentence_before": 1, "paragraph_before": 2, "elsewhere": 3}


def _nearest_fitting(fig, pool: Sequence[tuple[object, str]]):
    """Feature ``nearest_fitting``: the nearest candidate (:data:`TIERS`) whose role fits the figure's kind
    (:data:`KIND_ROLE`), ``None`` when none fits: of "Russia launched 40 drones at Odesa and Kharkiv" the
    incident place Odesa, not the launcher nearer the number."""
    def rank(c: tuple[object, str]) -> tuple[int, int]:
        return TIERS.get(c[1], len(TIERS)), abs(c[0].start - fig.start)

    fitting = [c for c in pool if c[0].role == _fitting_role(fig)]
    return min(fitting, key=rank)[0] if fitting else None


#: Rule ``a_count_ends_a_list``: two places with a figure between them are no list, though only a comma and
#: a number part them: "14 sulla regione di Tula, nove su Lipetsk" gives Tula to 14 and Lipetsk to nine.
COUNT_ENDS_LIST = "a_count_ends_a_list"


#: Rule ``a_locator_is_no_list_mate``: a country or region beside a place it holds locates that place
#: ("a Chornomorsk, regione di Odesa", "Bunia, Congo", "in Siria: a Homs e a Hama"): it is no member of
#: its list, and the figure takes it only on its own score. So is a body of water the role stage reads as locating
#: the place before it (role feature ``water_locates``, one of :data:`geo.role_model.LOCATOR_FRAMES`): the sea set off
#: after its port ("a drone hit the port of Constanta, on the Black Sea, killing two"). (Not every locator frame: the
#: countries of "the border area of Mali, Niger and Burkina Faso" read ``border_of`` and are one list.)
LOCATOR_IS_NO_LIST_MATE = "a_locator_is_no_list_mate"


#: Rule ``a_deployment_names_its_host_and_its_base``: the places of a troop figure where one holds the other —
#: the country (or region) and the base, town or district inside it, named together in the figure's own sentence
#: ("schierati nella base di Rukla, in Lituania"; not "..., the minister said in Vilnius") — make one group: a
#: deployment stands at both, and the host country is no mere locator of its base as the country of an attack
#: is of its town (:data:`LOCATOR_IS_NO_LIST_MATE`, :data:`FINER_PLACE_STANDS`).
HOST_AND_BASE = "a_deployment_names_its_host_and_its_base"


#: Rule ``a_deployment_names_its_host_and_its_base``: at most this many words stand between a host country and
#: its base (:func:`_host_and_base_linked`).
HOST_BASE_GAP = 6


def _host_and_base_linked(sentence: Sentence, text: str, a: object, b: object, profile: EventProfile) -> bool:
    """Whether two places of a troop figure's own sentence (``sentence``) are named together as its host and
    base: at most :data:`HOST_BASE_GAP` words between them, no ';' of the sentence's breaks, no word of speech
    (:meth:`geo.events.EventProfile.speech_at`, the test the role features read: "said in Vilnius", "dice il
    ministro": where a speaker stood), no relative pronoun ("whose capital ... hosted"), no subordinator
    (``clause_openers``: "in Estonia (after Tallinn asked"), no quote (:data:`geo.clauses.QUOTES`: 'in Estonia,"
    ... in Tallinn') — in the words of ``profile``. A dash does not part them: "in Estonia – mostly at Tapa" names
    where in the host the troops are."""
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    if sentence.break_between(text, ";", lo.end, hi.start):
        return False
    words = sentence.words
    first, last = sentence.token_at(lo.end), sentence.token_at(hi.start)
    if sum(1 for w in words[first:last] if w[:1].isalnum()) > HOST_BASE_GAP:
        return False
    if any(profile.speech_at(words, k) or profile.relative_pronouns.match_at(words, k)
           or profile.clause_openers.match_at(words, k) for k in range(first, last)):
        return False
    return not any(c in text[lo.end : hi.start] for c in QUOTES)


def list_mates(pool: Sequence[tuple[object, str]], text: str, related: set[str] | frozenset = frozenset(),
               figures: Sequence = (), figure_starts: Sequence[int] | None = None, *,
               troops: bool = False, sentence: Sentence | None = None, lang: str = "en") -> dict[int, int]:
    """Candidate index -> index of its coordinated list (places of one sentence joined by list words,
    wherever that sentence stands: "the attacks hit Tillaberi and Tahoua" further on is one list too); the
    ``related`` places (a total's parts, :func:`related_places`) and their lists make one group. A figure
    of ``figures`` between two places ends the list (rule :data:`COUNT_ENDS_LIST`), and so does a place
    holding the one beside it (rule :data:`LOCATOR_IS_NO_LIST_MATE`). For a troop figure (``troops``) a place
    holding others joins the group of the nearest place it holds (rule :data:`HOST_AND_BASE`), when both stand in
    the figure's own ``sentence`` (required with ``troops``), named together (:func:`_host_and_base_linked`, in
    the words of ``lang``).
    ``figure_starts``: the figures' starts, sorted, when the caller has sorted them once for the document
    (sorted here otherwise)."""
    from geo.roles import _is_list_gap

    order = sorted(range(len(pool)), key=lambda k: pool[k][0].start)
    starts = sorted(o.start for o in figures) if figure_starts is None else figure_starts
    group: dict[int, int] = {}
    prev = None
    for k in order:
        m = pool[k][0]
        before = pool[prev][0] if prev is not None else None
        if before is not None and pool[prev][1] == pool[k][1] \
                and before.sentence_start == m.sentence_start \
                and before.end <= m.start and _is_list_gap(text[before.end : m.start]) \
                and not _figure_within(starts, before.end, m.start) \
                and not (contains(before.entity, m.entity) or contains(m.entity, before.entity)) \
                and not m.features.get("water_locates"):
            # rules COUNT_ENDS_LIST and LOCATOR_IS_NO_LIST_MATE
            group[k] = group[prev]
        else:
            group[k] = k
        prev = k
    joined = {group[k] for k in group if pool[k][0].entity.id in related}
    if joined:
        first = min(joined)
        group = {k: first if g in joined else g for k, g in group.items()}
    if troops:  # rule HOST_AND_BASE
        if sentence is None:
            raise ValueError("list_mates: a troop figure's groups need its sentence")
        profile = event_profile(lang)
        for k in order:
            m, where = pool[k]
            if where != "same_sentence":
                continue
            held = [j for j in order if j != k and pool[j][1] == "same_sentence"
                    and contains(m.entity, pool[j][0].entity)
                    and _host_and_base_linked(sentence, text, m, pool[j][0], profile)]
            if held:
                near = group[min(held, key=lambda j: abs(pool[j][0].start - m.start))]
                pair = {group[k], near}
                group = {j: min(pair) if g in pair else g for j, g in group.items()}
    return group


def _figure_within(starts: Sequence[int], lo: int, hi: int) -> bool:
    """Whether a figure starts in ``[lo, hi)`` (``starts`` sorted)."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


#: Rule ``the_finer_place_stands``: of the places chosen for a figure, one that holds another chosen place
#: is dropped: "sette soldati uccisi in Niger" with the body's "a Tillabéri" is placed at Tillabéri, not
#: at Niger and Tillabéri (the country only locates the place where it happened).
FINER_PLACE_STANDS = "the_finer_place_stands"


def choose(scores: Sequence[float], groups: dict[int, int], threshold: float,
           fallback: Sequence[int] = (), also: float | None = None, entities: Sequence = ()) -> list[int]:
    """The best candidate and its list mates, when the best passes ``threshold``, with every other
    candidate (and its list) whose score passes ``also`` (a figure over two places named apart), less those
    holding another chosen place of another group, given the candidates' ``entities`` (rule
    :data:`FINER_PLACE_STANDS`);
    else ``fallback`` (rule ``own_sentence_stands``: the places the
    rules chose in the figure's own sentence — a figure whose sentence names its place is not left
    without one)."""
    if not scores:
        return []
    best = max(range(len(scores)), key=lambda k: scores[k])
    if scores[best] <= threshold:
        return list(fallback)
    keep = {groups[best]}
    if also is not None:
        keep |= {groups[k] for k in range(len(scores)) if scores[k] > max(also, threshold)}
    out = [k for k in range(len(scores)) if groups[k] in keep]
    if entities:  # rule FINER_PLACE_STANDS
        out = _finest(out, entities, groups)
    return out


def _finest(chosen: list[int], entities: Sequence, groups: dict[int, int] | None = None) -> list[int]:
    """Rule :data:`FINER_PLACE_STANDS` on the ``chosen`` candidates: those that hold no other chosen place
    of another group (``groups``: a host country and its base make one, rule :data:`HOST_AND_BASE`), each
    compared only with the chosen places of its country or admin-1 unit (the only ones a country or an
    admin-1 unit holds, :func:`geo.model.contains`), not with every chosen place."""
    by_country: dict[object, list[int]] = {}
    by_admin1: dict[object, list[int]] = {}
    for j in chosen:
        by_country.setdefault(entities[j].country, []).append(j)
        by_admin1.setdefault(getattr(entities[j], "admin1", None), []).append(j)

    def held(k: int) -> list[int]:
        e = entities[k]
        if e.kind == "country":
            return by_country.get(e.country, [])
        return by_admin1.get(e.admin1, []) if e.kind == "admin1" and e.admin1 is not None else []

    group = groups or {}
    return [k for k in chosen if not any(j != k and contains(entities[k], entities[j])
                                         and group.get(j, j) != group.get(k, k) for j in held(k))]


#: Rule ``a_marked_total_stands_in_its_country``: a drone or missile count marked as a whole ("insgesamt 85
#: Drohnen", "a total of 85 drones", "in tutto 85 droni": the lexicon's ``figures.totals`` just
#: before the number) is the country-wide count of its report: when the places chosen for it lie in one country
#: that the document names as a place of the attacks (role incident) within the figure's stretch (rule
#: :data:`STRETCH`), that country is its place, not the town of one strike. (Where the report names no such
#: country, "Russia used a total of 85 drones" keeps the towns it was read at.)
TOTAL_IN_ITS_COUNTRY = "a_marked_total_stands_in_its_country"


def _marked_total(fig, picked: Sequence[int], index: DocIndex) -> bool:
    """Whether ``fig`` is a drone or missile count marked as a whole, with places ``picked``: what rules
    :data:`TOTAL_IN_ITS_COUNTRY` and :data:`TOTAL_AT_EVERY_PLACE` both read first (:func:`_said_total` before its
    number, in its sentence of ``index``, the document's :class:`DocIndex`)."""
    if figure_group(fig) != "equipment":
        return False
    k = index.sentence_of(fig.start)
    return k is not None and _said_total(fig, index.order[k], index, after=False)


def total_country(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int]) -> int | None:
    """The candidate of rule :data:`TOTAL_IN_ITS_COUNTRY` for ``fig``, a marked total (:func:`_marked_total`; an index
    in ``pool``), given the ``picked`` candidates: the nearest candidate that is the one country holding them, read
    as a place of the attacks; None when the rule does not hold."""
    countries = {pool[j][0].entity.country for j in picked}
    if len(countries) != 1:  # places in two countries: no country-wide count of either
        return None  # (one place of no country, a sea, finds no country of its own below)
    country = next(iter(countries))
    found = [j for j, (m, _) in enumerate(pool) if m.role == "incident" and m.entity.kind == "country"
             and m.entity.country == country]
    return min(found, key=lambda j: abs(pool[j][0].start - fig.start)) if found else None


#: Rule ``an_attacked_country_holds_its_total``: a drone or missile count whose own reading chose, in its own
#: sentence, a country the role stage reads as the place of the attacks ("Russia launched 48 drones at Ukraine",
#: "la Russia ha lanciato 64 droni contro l'Ucraina") is the count of the attack on that country: it stands there,
#: not at the regions its parts or its report name ("... 40 of them were shot down over the Sumy and Poltava
#: regions": those are the 40's), which the weighed choice may read for it as finer places. The rule holds only when
#: every place chosen lies inside that country and none of them is one the figure's own reading chose: "Russia fired
#: 16 missiles at Kyiv and Lviv, Ukraine" keeps the towns.
ATTACKED_COUNTRY = "an_attacked_country_holds_its_total"


def attacked_country(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int],
                     index: DocIndex) -> int | None:
    """The candidate of rule :data:`ATTACKED_COUNTRY` for ``fig`` (an index in ``pool``), given the ``picked``
    candidates; None when the rule does not hold, or when the figure's sentence in ``index`` names a place inside
    the country, not past another number (a part's places are the part's: "50 drones ..., 41 of them over X")."""
    if figure_group(fig) != "equipment" or not picked:
        return None
    cue = set(fig.cue_place_ids)
    found = [k for k, (m, where) in enumerate(pool) if where == "same_sentence" and m.role == "incident"
             and m.entity.kind == "country" and m.entity.id in cue]
    if not found:
        found = _repeat_attacked(fig, pool, index)  # rule REPEAT_ATTACKED_COUNTRY
        cue = set()
    if len(found) != 1:
        return None
    country = pool[found[0]][0].entity
    if any(k != found[0] and (pool[k][0].entity.id in cue or not contains(country, pool[k][0].entity))
           for k in picked):
        return None
    if any(k != found[0] and where == "same_sentence" and m.role != "mention"
                                 and contains(country, m.entity) and not _past_a_number(fig, m, index)
                                 for k, (m, where) in enumerate(pool)):
        return None  # a place inside the country named in the figure's own sentence: "at Ukraine's Odesa region"
    return found[0]


#: Rule ``a_repeats_attacked_country_holds_its_total``: rule :data:`ATTACKED_COUNTRY` read through the repeat
#: :mod:`geo.figures` dropped for the figure. A drone or missile count whose own sentence reads no place of the
#: attacks (a headline's "Air defence downs 20 of 25 Russian-launched drones", its launcher only) and whose repeat
#: chose one country alone, read as the place of the attacks ("Russia launched 25 drones at Ukraine overnight"),
#: is the count of the attack on that country, as the repeat would be: not the count of the regions the report lists
#: further on (those are its part's). The repeat's places are its restatement's (:func:`restated_places`).
REPEAT_ATTACKED_COUNTRY = "a_repeats_attacked_country_holds_its_total"


def _repeat_country(fig, index: DocIndex) -> str | None:
    """The id of the country of rule :data:`REPEAT_ATTACKED_COUNTRY` for ``fig``: the one place its dropped repeats
    chose (``Figure.repeat_place_ids``), a country, while no sentence of theirs names a place inside it other than as
    a mere mention ("at Ukraine's Odesa region": the region is where they were launched at) nor is set in another
    period ("Last month, Russia launched 62 drones at Ukraine": another attack of the same size; the dates lexicon's
    ``other_periods``, not those a comparison governs); None when the rule does not hold. ``index``: the document's
    :class:`DocIndex`."""
    theirs = getattr(fig, "repeat_place_ids", ())
    if figure_group(fig) != "equipment" or len(theirs) != 1:
        return None
    country = next((index.mentions.items[j].entity for j in index.by_entity.get(theirs[0], [])), None)
    if country is None or country.kind != "country":
        return None
    for start in getattr(fig, "repeat_starts", ()):
        k = index.sentence_of(start)
        if k is None or _periods_of(index.order[k], index, compared=False):
            return None
        if any(m.role != "mention" and m.entity.id != country.id and contains(country, m.entity)
               for m in index.mentions.between(index.order[k].start, index.order[k].end)):
            return None
    return country.id


def _repeats_country(fig, index: DocIndex) -> list:
    """The mention nearest ``fig`` of the country of rule :data:`REPEAT_ATTACKED_COUNTRY` (:func:`_repeat_country`)
    read as a place of the attacks, as a candidate (it stands for the mention of that country among the candidates,
    read otherwise: "Ukraine says")."""
    pid = _repeat_country(fig, index)
    if pid is None:
        return []
    found = [index.mentions.items[j] for j in index.by_entity[pid]]
    found = [m for m in found if m.role == "incident"]
    return [min(found, key=lambda m: abs(m.start - fig.start))] if found else []


def _repeat_attacked(fig, pool: Sequence[tuple[object, str]], index: DocIndex) -> list[int]:
    """The candidates of rule :data:`REPEAT_ATTACKED_COUNTRY` for ``fig`` (indices in ``pool``): the country of
    :func:`_repeat_country`, read as the place of the attacks; empty when the rule does not hold (a place inside the
    country named in the figure's own sentence stands: :func:`attacked_country`)."""
    pid = _repeat_country(fig, index)
    if pid is None:
        return []
    return [k for k, (m, _) in enumerate(pool) if m.role == "incident" and m.entity.id == pid]


def _past_a_number(fig, m, index: DocIndex) -> bool:
    """Whether a number (a word of digits) stands between ``fig`` and the later mention ``m`` of its sentence, other
    than a date or a clock time (:func:`_dates_number`: "all 40 drones were downed by 6 am over the X and Y
    regions", "on 12 May", "in 2025" name when, and the regions stay the figure's).

    Known limits: a number in words is not read ("forty of them over X"). The document's figures
    (``index.figures.between``) are no substitute: a part dropped as a repeat of an earlier count ("41 de ellos"
    after a headline's "41 drones") is no longer among them, and rule ATTACKED_COUNTRY then fails its own case."""
    here = index.order[index.sentence_of(fig.start)]
    return any(here.words[j][:1].isdigit() and not _dates_number(here, j, index)
               for j in range(here.token_at(fig.end), here.token_at(m.start)))


def _dates_number(here: Sentence, j: int, index: DocIndex) -> bool:
    """Whether the number at word ``j`` of ``here`` is part of a date or a clock time: :func:`geo.dates.date_part`
    (the reader of the figures' years too) over the sentence's tokens ("12 May", "May 12", "6 am", "alle ore 6",
    "06:30", "in 2025", "from 2024 to 2025", "May 12, 2025", "in May, 2025 over X"; not "In May, 2000 drones hit",
    a count, nor "in 12 hours, 15 of them": a clock word across a comma is another phrase's)."""
    toks, starts = index.number_tokens(here)
    start = here.tokens[j].start
    i = bisect_left(starts, start)
    return i < len(toks) and toks[i].start == start and date_part(index.text, toks, i, index.lang) is not None


#: Rule ``a_marked_total_stands_at_every_attacked_place``: a drone or missile count marked as a whole (as rule
#: :data:`TOTAL_IN_ITS_COUNTRY` reads it) whose places chosen lie in one country that the report does not name as a
#: place of the attacks stands at every place of the attacks in that country among its candidates: "Russia used a
#: total of 100 drones in the new attack" after strikes on Odesa and on Kharkiv counts the drones of both, not of the
#: one the weighed choice read. (Only the towns and regions the figure's candidates hold, of the incident role, and
#: none whose sentence is set at another time: "Last week, a drone struck a warehouse in Kharkiv".)
TOTAL_AT_EVERY_PLACE = "a_marked_total_stands_at_every_attacked_place"


def total_places(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int], index: DocIndex) -> list[int]:
    """The candidates of rule :data:`TOTAL_AT_EVERY_PLACE` for ``fig``, a marked total (:func:`_marked_total`;
    indices in ``pool``), given the ``picked`` candidates, when rule :data:`TOTAL_IN_ITS_COUNTRY` found no country;
    empty when the rule does not hold."""
    countries = {pool[j][0].entity.country for j in picked}
    if len(countries) != 1 or None in countries \
            or any(pool[j][0].entity.kind not in ("city", "admin1") for j in picked):
        return []
    country = next(iter(countries))
    every = {*picked, *(j for j, (m, _) in enumerate(pool) if m.role == "incident"
                        and m.entity.kind in ("city", "admin1") and m.entity.country == country)}
    return sorted(j for j in every if pool[j][1] == "same_sentence" or not _another_occasion(fig, pool[j][0], index))


#: With no date of its own, a figure is read as of a reference day and the night before it (rule
#: :data:`TOTAL_AT_EVERY_PLACE`: :func:`_another_occasion`).
_NO_DATE = dt.date(2000, 6, 15)


def _another_occasion(fig, m, index: DocIndex) -> bool:
    """Whether the sentence of ``m`` is set at another time than ``fig`` (rule :data:`TOTAL_AT_EVERY_PLACE`): it
    holds a period of the dates lexicon's ``other_periods``, or its event dates (read from the figure's date, else
    from a reference day) do not meet the figure's, a night before it allowed ("Last week, a drone struck ...")."""
    k = index.sentence_of(m.start)
    if k is None:
        return False
    sentence = index.order[k]
    if _periods_of(sentence, index):
        return True
    start = dt.date.fromisoformat(fig.date) if getattr(fig, "date", None) else _NO_DATE
    end = dt.date.fromisoformat(fig.date_end) if getattr(fig, "date_end", None) else start
    found = event_dates(index.text[sentence.start : sentence.end], index.lang, start)
    return found is not None and (found[1] < start - dt.timedelta(days=1) or found[0] > end)


#: Rule ``the_one_finer_place_inside_stands``: when the weighed choice is one country or region ("militants
#: killed 12 soldiers in Somalia") and exactly one candidate of the figure's role lies inside it, named elsewhere
#: in the report ("the fighting around the outpost outside Kismayo"), that place is where the figure happened and
#: stands for it (as rule :data:`FINER_PLACE_STANDS` keeps the finer of two chosen places). A region holds its
#: member countries ("in the Sahel" ... "in Niger"). Several such places (the regions a country-wide total was
#: counted over), or several coarse places chosen, leave the choice as it is; so does a troop figure, whose host
#: country is its place beside any base (rule :data:`HOST_AND_BASE`: "800 soldiers in Latvia" stay in Latvia,
#: where a town of the report may be where they came from or where the minister spoke) — but a troop figure placed in
#: a region takes the one host country of its role inside it (rule ``a_troop_regions_one_host_country_stands``:
#: "troops to Bosnia and Herzegovina" ... "the 300 soldiers will reinforce the force in the Balkans": Bosnia).
ONE_FINER_INSIDE = "the_one_finer_place_inside_stands"
#: Rule ``a_parts_place_is_no_finer_place_of_its_total``: a count that singles out some of its parts after an
#: inclusion word ("25 people were killed across the Gaza Strip, including 10 in Khan Younis"; "murieron 12 personas
#: en Ucrania, entre ellas cinco en Jersón"; and the parts listed right after such a part: "including 10 in A and six
#: in B") stands at its own place: the place of such a part is where that part is, not a finer place of the whole
#: count. When the weighed choice kept only such part places, the count stands at the places of its own sentence its
#: own reading chose instead, and rule :data:`ONE_FINER_INSIDE` takes no such part's place. (A breakdown by place, "20
#: killed in Niger, 12 in Tillabéri and 5 in Tahoua", says where the count's dead were: the total stands at its parts'
#: places, rule :data:`PLACED_COUNT`.)
PARTS_PLACE_NOT_FINER = "a_parts_place_is_no_finer_place_of_its_total"


def _holds(area, place) -> bool:
    """Whether ``area`` holds ``place``: :func:`geo.model.contains`, or a region and one of its member
    countries or a place inside one."""
    if area.kind == "region":  # its members: countries, or provinces (Donbas, Darfur, Crimea)
        return place.id in area.members or (place.country is not None and f"country:{place.country}" in area.members) \
            or (place.admin1 is not None and f"admin1:{place.admin1}" in area.members)
    return contains(area, place)


def _included_places(fig, index: DocIndex) -> set[str]:
    """The places of rule :data:`PARTS_PLACE_NOT_FINER` for ``fig``: those of the counts said after it in its sentence
    with an inclusion word (``Figure.included``: "including", "among them", "entre ellas") or listed right after such
    a count (``index``: the document's :class:`DocIndex`)."""
    k = index.sentence_of(fig.start)
    out: set[str] = set()
    prev = None  # the included part right before (a part listed after it is included too: "including 12 in A and
    # eight in B")
    for o in index.figures.between(fig.end, index.order[k].end):
        if o is fig:
            continue
        listed = prev is not None and figure_group(o) == figure_group(prev) \
            and not index.order[k].break_between(index.text, JOINED_BREAKS, prev.end, o.start)
        prev = o if o.included or listed else None
        if prev is not None:
            out.update(o.cue_place_ids)
    return out


def _own_whole(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int], parts: set[str] | frozenset[str]) \
        -> list[int]:
    """The candidates of rule :data:`PARTS_PLACE_NOT_FINER` for ``fig`` (indices in ``pool``): the places of its own
    sentence its own reading chose, when every ``picked`` one is the place of one of its ``parts``; empty otherwise."""
    if not parts or not picked or not all(pool[k][0].entity.id in parts for k in picked):
        return []
    cue = set(fig.cue_place_ids) - parts
    return [k for k, (m, where) in enumerate(pool) if where == "same_sentence" and m.entity.id in cue]


def one_finer_inside(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int],
                     parts: set[str] | frozenset[str] = frozenset()) -> int | None:
    """The candidate of rule :data:`ONE_FINER_INSIDE` for ``fig`` (an index in ``pool``), given the ``picked``
    candidates; None when the rule does not hold. ``parts``: the places of the figure's parts that are no finer place
    of it (rule :data:`PARTS_PLACE_NOT_FINER`)."""
    chosen = [pool[k][0].entity for k in picked]
    if len(chosen) != 1 or chosen[0].kind not in COARSE_KINDS:
        return None
    troops = figure_group(fig) == "troops"  # (a country holds no country: only a region gives a troop figure one)
    role = _fitting_role(fig)
    inside = {m.entity.id: k for k, (m, _) in enumerate(pool) if k not in picked and m.role == role
              and m.entity.id not in parts
              and (m.entity.kind == "country" if troops else m.entity.kind not in COARSE_KINDS)
              and any(_holds(e, m.entity) for e in chosen)}
    return next(iter(inside.values())) if len(inside) == 1 else None


#: Rule ``a_definite_area_noun_reads_the_place_before_it``: a definite area noun of the figures lexicon's
#: ``area_anaphora`` (places section: "in the north of the country", "nel Paese", "dans l'ouest de la province") in the
#: figure's clause names again the nearest place of its kind said before it in the figure's paragraph: a country for the
#: country nouns, an admin-1 unit or a region for the others; a possessive of ``area_possessive`` ("Homs and its
#: province") names the admin-1 unit of the place right before it, a mention of that unit when the document has one,
#: else that place itself (the map knows the places said). The figure stands at that place (added to its candidates when
#: another rule left it out: another count's place) and at the places of its own clause picked inside it, and at the
#: town the place locates when it was named as that town's locator, in the figure's role ("a blast hit Uman, in the
#: Cherkasy region. 5 were hurt in the region": the incident's town and its region; :func:`_located_by`). The noun is
#: read after the figure up to the next count or clause break of its sentence (or before it, when its clause names no
#: place after it), not inside a speaker or source phrase ("officials in the region said", heads of ``area_speakers``
#: and the speaker nouns), and Italian "paese" only capitalised (``area_capitalised``); it names none when the figure's
#: clause names a place outside that place (the figure's own town; not a border's far side, role feature ``border_of``:
#: "arriving in the country, near its border with Russia"), when a place follows it ("the region of Kursk", "in
#: der Region Sumy"), when a country other than it is said as an actor, speaker or source between it and the noun, or a
#: demonym before a speaker noun ("Poland said", "Polish officials said"), when the place before it is a country read as
#: an actor ("Russia launched 30 drones at the country"), or when the sentence of the nearest place of its kind names
#: two of that kind ("after strikes on the Kursk and Belgorod regions, 4 were hurt in the region": which one is not
#: said). Origins and sources are no such place either ("a convoy from Djibouti"). Read before the figure only when it
#: is the first count of its sentence (what stands before a later count is the earlier count's). The rule does not hold
#: when the places of the figure's parts, restatements or report lie inside that place ("over several regions of the
#: country", the regions named further on): they are finer.
AREA_ANAPHORA = "a_definite_area_noun_reads_the_place_before_it"

#: The kinds of place rule :data:`AREA_ANAPHORA` reads as a town's locator (:func:`_located_by`).
LOCATOR_KINDS = frozenset({"admin1", "region"})


@cache
def _area_lexicon(lang: str) -> tuple[tuple[tuple[Phrases, frozenset[str]], ...], Phrases]:
    """The area nouns of rule :data:`AREA_ANAPHORA` for ``lang`` (English where it has none): each list of
    ``area_anaphora`` with the place kinds it names again, and the possessives of ``area_possessive``."""
    places = (load(lang, "figures") or load("en", "figures")).get("places") or {}
    kinds = {"country": frozenset({"country"}), "admin1": frozenset({"admin1", "region"})}
    nouns = tuple((Phrases.of(words or []), kinds[kind]) for kind, words in (places.get("area_anaphora") or {}).items()
                  if kind in kinds)
    return nouns, Phrases.of(places.get("area_possessive") or [])


@cache
def _area_capitalised(lang: str) -> frozenset[str]:
    """The words of rule :data:`AREA_ANAPHORA`'s area nouns that name an area only written with a capital
    (figures lexicon ``area_capitalised``: Italian "Paese", the country; "paese" is also a village)."""
    places = (load(lang, "figures") or load("en", "figures")).get("places") or {}
    return frozenset(fold(w) for w in places.get("area_capitalised") or [])


def _area_noun_in(here: Sentence, j: int, index: DocIndex) -> tuple[int, frozenset[str] | None] | None:
    """:func:`_area_noun` at word ``j`` of ``here``, None when one of its words must be capitalised and is not."""
    found = _area_noun(here.words, j, index.lang)
    capitalised = _area_capitalised(index.lang)
    if found is None or not capitalised:
        return found
    for t in range(j, j + found[0]):
        if here.words[t] in capitalised and not index.text[here.tokens[t].start].isupper():
            return None
    return found


@cache
def _area_speakers(lang: str) -> tuple[Phrases, Phrases]:
    """The heads of rule :data:`AREA_ANAPHORA`'s speaker phrases for ``lang``: the figures lexicon's
    ``area_speakers`` ("governor", "Verwaltung") and the events lexicon's speaker nouns ("officials")."""
    places = (load(lang, "figures") or load("en", "figures")).get("places") or {}
    return Phrases.of(places.get("area_speakers") or []), event_profile(lang).speaker_nouns


def _in_speaker(fig, here: Sentence, j: int, index: DocIndex) -> bool:
    """Whether the area noun at word ``j`` of ``here`` is read inside a speaker or source phrase (rule
    :data:`AREA_ANAPHORA`): a speaker head ending two words before it at most ("officials in the region", "il
    presidente della regione"), or inside the figure's source as the figures stage read it."""
    words = here.words
    for heads in _area_speakers(index.lang):
        for i in range(max(0, j - 6), j):
            n = heads.match_at(words, i)
            if n and j - 2 <= i + n <= j:
                return True
    return _in_source(fig, here, here.tokens[j].start, here.tokens[j].end, index)


def _in_source(fig, here: Sentence, start: int, end: int, index: DocIndex) -> bool:
    """Whether the text from ``start`` to ``end`` of ``here`` overlaps ``fig``'s source as the figures stage read
    it (rule :data:`AREA_ANAPHORA`)."""
    if not fig.source:
        return False
    at = index.text.find(fig.source, here.start, here.end)
    while at >= 0:
        if at < end and start < at + len(fig.source):
            return True
        at = index.text.find(fig.source, at + 1, here.end)
    return False


def _area_noun(words: Sequence[str], j: int, lang: str) -> tuple[int, frozenset[str] | None] | None:
    """The area noun of rule :data:`AREA_ANAPHORA` at word ``j``: its length and the kinds it names again (None
    for a possessive); None when none starts there."""
    nouns, possessive = _area_lexicon(lang)
    n = possessive.match_at(words, j)
    if n:
        return n, None
    for phrases, kinds in nouns:
        n = phrases.match_at(words, j)
        if n:
            return n, kinds
    return None


def _area_starts(words: Sequence[str], lo: int, hi: int, lang: str) -> list[int]:
    """The indices in ``range(lo, hi)`` of the words an area noun of rule :data:`AREA_ANAPHORA` may start at, in
    order (:func:`_area_noun` is None at the others): a pass of look-ups per list instead of a call per word."""
    nouns, possessive = _area_lexicon(lang)
    starts = set(possessive.starts_in(words, lo, hi))
    for phrases, _ in nouns:
        starts.update(phrases.starts_in(words, lo, hi))
    return sorted(starts)


def _first_break(text: str, lo: int, hi: int) -> int:
    """The offset of the first ';' or ':' of ``text[lo:hi]``, ``hi`` when it has none (the clause breaks of rule
    :data:`AREA_ANAPHORA`; a search per mark, not a test per character)."""
    return min((at for at in (text.find(";", lo, hi), text.find(":", lo, hi)) if at >= 0), default=hi)


def _after_last_break(text: str, lo: int, hi: int) -> int:
    """The offset right after the last ';' or ':' of ``text[lo:hi]``, ``lo`` when it has none (see
    :func:`_first_break`)."""
    at = max(text.rfind(";", lo, hi), text.rfind(":", lo, hi))
    return at + 1 if at >= 0 else lo


def _area_in_clause(fig, here: Sentence, index: DocIndex) \
        -> tuple[int, int, frozenset[str] | None, tuple[int, int]] | None:
    """The area noun of ``fig``'s clause (rule :data:`AREA_ANAPHORA`): its first word, its length, its kinds and
    the offsets of the clause it was read in (from the figure on, or up to the figure's end), read after the figure
    up to the next count or clause break of its sentence, else before it back to the count or break before when
    nothing after it names a place; None when there is none."""
    text = index.text
    others = [o for o in index.figures.items[slice(*index.figures.ranks(here.start, here.end))] if o is not fig]
    nxt = min((o.start for o in others if o.start >= fig.end), default=here.end)
    prv = max((o.end for o in others if o.end <= fig.start), default=here.start)
    stop = _first_break(text, fig.end, nxt)
    lo, hi = here.token_at(fig.end), here.token_at(stop)
    for j in _area_starts(here.words, lo, hi, index.lang):
        found = _area_noun_in(here, j, index)
        if found is not None and j + found[0] <= hi and not _in_speaker(fig, here, j, index):
            return j, found[0], found[1], (fig.start, stop)
    if prv != here.start or index.mentions.ranks(fig.end, stop)[0] != index.mentions.ranks(fig.end, stop)[1]:
        return None  # a count before it in its sentence owns what stands before; a place after it is its own
    start = _after_last_break(text, prv, fig.start)
    for j in reversed(_area_starts(here.words, here.token_at(start), here.token_at(fig.start), index.lang)):
        found = _area_noun_in(here, j, index)
        if found is not None and j + found[0] <= here.token_at(fig.start) and not _in_speaker(fig, here, j, index):
            return j, found[0], found[1], (start, fig.end)
    return None


def _clause_start(fig, here: Sentence, index: DocIndex) -> int:
    """Where ``fig``'s clause starts before it: after the last ';' or ':' before it in its sentence, else at the
    sentence's start; at the figure itself when a count stands before it in its sentence (what stands before a later
    count is the earlier count's)."""
    text = index.text
    others = [o for o in index.figures.items[slice(*index.figures.ranks(here.start, here.end))] if o is not fig]
    if any(o.end <= fig.start for o in others):
        return fig.start
    return _after_last_break(text, here.start, fig.start)


def _possessed(here: Sentence, j: int, index: DocIndex):
    """The mention a possessive area noun at word ``j`` of ``here`` reads (the place right before it, one word
    such as "and" between at most), or None."""
    at = here.tokens[j].start
    a, b = index.mentions.ranks(here.start, at)
    if a == b:
        return None
    m = index.mentions.items[b - 1]
    return m if here.token_at(m.end) >= j - 1 else None


def _admin1_of(m, index: DocIndex):
    """The mention of the admin-1 unit that holds ``m``'s place (the nearest before it, else after, within the
    stretch of rule :data:`STRETCH`), else ``m``."""
    k = index.sentence_of(m.start)
    lo, hi = (m.start, m.end) if k is None else index.stretch(k)
    held = [o for o in index.mentions.items[slice(*index.mentions.ranks(lo, hi))]
            if o.entity.kind == "admin1" and contains(o.entity, m.entity)]
    before = [o for o in held if o.start < m.start]
    return before[-1] if before else held[0] if held else m


def area_referent(fig, index: DocIndex):
    """The mention of the place ``fig``'s area noun names again (rule :data:`AREA_ANAPHORA`), or None.

    Parameters
    ----------
    fig : Figure
        The figure.
    index : DocIndex
        The document's indexes (its text and language).

    Returns
    -------
    Mention or None
        The mention that stands for the place the area noun of the figure's clause names; None when the clause has
        no such noun, or its place is not said.
    """
    k = index.sentence_of(fig.start)
    if k is None:
        return None
    here = index.order[k]
    found = _area_in_clause(fig, here, index)
    if found is None:
        return None
    j, n, kinds, (c_lo, c_hi) = found
    at, end = here.tokens[j].start, here.tokens[j + n - 1].end
    if kinds is None:  # a possessive: the admin-1 unit of the place right before it
        m = _possessed(here, j, index)
        return None if m is None or m.entity.kind != "city" else _admin1_of(m, index)
    a, b = index.mentions.ranks(end, here.end)
    if a != b and here.token_at(index.mentions.items[a].start) <= j + n + 1:
        return None  # "the region of Kursk", "in der Region Sumy": the noun heads a name
    ref = _area_before(here, j, kinds, index, troops=figure_group(fig) == "troops")
    if ref is not None and _speaker_between(ref, at, index):
        return None  # another speaker's country said since: "the country" may be the speaker's
    if ref is None and "country" in kinds:  # rule AREA_COUNTRY_OF_PLACES
        lo = min(c_lo, _clause_start(fig, here, index))
        a, b = index.mentions.ranks(lo, c_hi)
        if a != b:
            return None  # a place of its own clause: the noun locates it ("Dnipro, in the centre of the country")
        ref = _country_of_places_before(here, j, index)
    if ref is None or any(_holds(ref.entity, m.entity) for m in _related_mentions(fig, index)):
        return None  # the places its parts, restatements or report name lie inside the area: they are finer
    c_lo = min(c_lo, _clause_start(fig, here, index))
    if any(m.entity.id != ref.entity.id and not _holds(ref.entity, m.entity) and here.token_at(m.end) != j
           and not m.features.get("border_of")  # "near the border with Russia": the far side of its border
           and not (m.end <= fig.start and (m.features.get("speech_after") or m.features.get("source_before")
                                            or _in_source(fig, here, m.start, m.end, index)))
           for m in index.mentions.items[slice(*index.mentions.ranks(c_lo, c_hi))]):
        return None  # its clause names a place outside the area (not the word the noun depends on: "im Norden des")
    return ref


#: Rule ``the_country_noun_names_the_country_of_the_places_before_it``: when no country is said before a country noun
#: of rule :data:`AREA_ANAPHORA` in its paragraph, the noun names the country of the places said before it (the nearest
#: sentence of the paragraph that names places, back to the noun's own; all of one country): "5 died in the Mopti
#: region and 2 elsewhere in the country" names Mali, where it is named in the document (its mention nearest before the
#: noun, else the first after it). Not read when the figure's own clause names a place (the noun then locates it: "in
#: Dnipro, in the centre of the country, 8 were hurt"), nor when the figure's source stands after the noun in its
#: sentence ("2 died in the country, Kenyan officials said": the speaker may be of another country). None when those
#: places lie in two countries or in none (a sea, a region over several countries), or in a country of the figures
#: lexicon's ``area_state_countries``, whose admin-1 units the noun also names (German "im Land" after Munich may be
#: Bavaria). Origins and sources (:data:`VETOES`) are no places said before.
AREA_COUNTRY_OF_PLACES = "the_country_noun_names_the_country_of_the_places_before_it"


@cache
def _area_state_countries(lang: str) -> frozenset[str]:
    """The countries of rule :data:`AREA_COUNTRY_OF_PLACES`'s ``area_state_countries`` for ``lang``: their admin-1
    units are also named by the country nouns."""
    places = (load(lang, "figures") or load("en", "figures")).get("places") or {}
    return frozenset(str(c) for c in places.get("area_state_countries") or [])


def _country_mention(iso: str, at: int, index: DocIndex):
    """The document's mention of the country ``iso`` nearest before offset ``at``, else the first after it; None
    when the document does not name it (rule :data:`AREA_COUNTRY_OF_PLACES`). Any mention serves, an origin's too
    ("gunmen who came from Niger"): the places before chose the country, the mention only shows it is said."""
    said = [m for m in index.mentions.items if m.entity.kind == "country" and m.entity.country == iso]
    before = [m for m in said if m.start < at]
    return before[-1] if before else said[0] if said else None


def _country_of_places_before(here: Sentence, j: int, index: DocIndex):
    """The document's mention of the one country that holds the places said before word ``j`` of ``here`` in the
    nearest sentence of its paragraph that names places (rule :data:`AREA_COUNTRY_OF_PLACES`), or None."""
    text = index.text
    at = here.tokens[j].start
    k = index.sentence_of(here.start)
    first = max(0, (k or 0) - REACH)  # rule STRETCH
    while k is not None and k >= first and same_paragraph(text, index.order[k].start, at):
        s = index.order[k]
        said = [m for m in index.mentions.items[slice(*index.mentions.ranks(s.start, min(s.end, at)))]
                if not any(m.features.get(f) for f in VETOES.values()) and not quoted(text, s.start, m.start)]
        if said:
            countries = {m.entity.country for m in said}
            if len(countries) != 1 or None in countries or countries & _area_state_countries(index.lang):
                return None
            return _country_mention(countries.pop(), at, index)
        k -= 1
    return None


def _speaker_between(ref, at: int, index: DocIndex) -> bool:
    """Whether a country other than ``ref``'s is said as an actor, speaker or source between ``ref`` and offset
    ``at`` ("Poland said", "according to Russia"; for a country ``ref``, also a town of another country speaking:
    "selon Moscou"), or a demonym stands beside a speaker head there ("Polish officials said", "el embajador
    chileno") (rule :data:`AREA_ANAPHORA`)."""
    between = index.mentions.items[slice(*index.mentions.ranks(ref.end, at))]
    if any(m.entity.kind == "country" and m.entity.id != ref.entity.id
           and (m.role == "actor" or m.features.get("speech_after") or m.features.get("source_before"))
           for m in between):
        return True
    if ref.entity.kind == "country" and any(  # "selon Moscou": a town speaking for another country
            m.entity.country is not None and m.entity.country != ref.entity.country
            and (m.features.get("speech_after") or m.features.get("source_before")) for m in between):
        return True
    profile = event_profile(index.lang)
    heads = _area_speakers(index.lang)
    k, last = index.sentence_of(ref.start), index.sentence_of(at)
    while k is not None and last is not None and k <= last:
        s = index.order[k]
        lo, hi = s.token_at(max(ref.end, s.start)), s.token_at(min(at, s.end))
        for i in range(lo, hi):
            if s.words[i] in profile.demonyms and any(h.match_at(s.words, i + 1) for h in heads):
                return True  # "Polish officials", "the Russian ambassador"
            n = max(h.match_at(s.words, i) for h in heads)
            if n and i + n < hi and s.words[i + n] in profile.demonyms:
                return True  # "el embajador chileno", "l'ambasciatore russo"
        k += 1
    return False


def _related_mentions(fig, index: DocIndex) -> list:
    """A mention of each place of ``fig``'s parts, restatements and report (:func:`_related`)."""
    return [index.mentions.items[index.by_entity[e][0]] for e in set().union(*_related(fig, index))
            if e in index.by_entity]


def _area_before(here: Sentence, j: int, kinds: frozenset[str], index: DocIndex, *, troops: bool = False):
    """The nearest place of ``kinds`` said before word ``j`` of ``here`` in its paragraph (a possessive admin-1
    reading among them), None when the sentence that says it names two of them or none is said. A place inside
    quotation marks is no referent (a quoted "we are not X" names no place of the count). An acting country is
    skipped ("Russia launched 30 drones at the country"), except, for ``troops``, in the sentences before the
    count's: troops may stay in their own country, so "Hungary moved troops to its border with Serbia. 500 soldiers
    will stay in the country" names two countries, and the rule does not tell."""
    text, lang = index.text, index.lang
    at = here.tokens[j].start
    k = index.sentence_of(here.start)
    own = k
    first = max(0, (k or 0) - REACH)  # rule STRETCH
    while k is not None and k >= first and same_paragraph(text, index.order[k].start, at):
        s = index.order[k]
        upto = min(s.end, at)
        acting = not troops or k == own
        said = [m for m in index.mentions.items[slice(*index.mentions.ranks(s.start, upto))]
                if m.entity.kind in kinds and not (acting and m.entity.kind == "country" and m.role == "actor")
                and not any(m.features.get(f) for f in VETOES.values()) and not quoted(text, s.start, m.start)]
        if "admin1" in kinds:  # "Homs and its province" says an admin-1 unit
            for i in reversed(_area_starts(s.words, 0, s.token_at(upto), lang)):
                found = _area_noun(s.words, i, lang)
                if found is not None and found[1] is None:
                    m = _possessed(s, i, index)
                    if m is not None and m.entity.kind == "city":
                        said.append(_admin1_of(m, index))
                    break
        if said:
            return said[-1] if len({m.entity.id for m in said}) == 1 else None
        k -= 1
    return None


def _tier_of(m, k: int | None, index: DocIndex) -> str:
    """Where mention ``m`` stands from sentence ``k`` (:data:`TIERS`): the same sentence, the one before, or
    further back in the paragraph."""
    j = index.sentence_of(m.start)
    return "same_sentence" if j == k else "sentence_before" if k is not None and j == k - 1 else "paragraph_before"


#: :func:`settle`'s and :func:`area_place`'s default: the figure's :func:`area_referent` is read there (None is a
#: reading: no referent).
_UNREAD = object()


def area_place(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int], index: DocIndex,
               referent: object = _UNREAD) -> list[int]:
    """The candidates of rule :data:`AREA_ANAPHORA` for ``fig`` (indices in ``pool``): the place its area noun
    names again and the ``picked`` ones of its clause inside it; empty when the rule does not hold (or that place
    is no candidate). ``referent``: :func:`area_referent` of the figure when the caller read it already (read here
    otherwise)."""
    ref = area_referent(fig, index) if referent is _UNREAD else referent
    if ref is None:
        return []
    theirs = [j for j, (m, _) in enumerate(pool) if m.entity.id == ref.entity.id]
    if not theirs:
        return []
    k = index.sentence_of(fig.start)
    lo, hi = _area_in_clause(fig, index.order[k], index)[3]  # (area_referent found the noun)
    inside = [j for j in picked if lo <= pool[j][0].start < hi and _holds(ref.entity, pool[j][0].entity)]
    town = _located_by(ref, fig, index)
    located = [j for j, (m, _) in enumerate(pool) if town is not None and m.entity.id == town.entity.id][:1]
    return sorted({*inside, *located, theirs[0]})


def _located_by(ref, fig, index: DocIndex):
    """The place that the admin-1 unit or region ``ref`` (rule :data:`AREA_ANAPHORA`'s referent) locates, or None: the
    mention right before it in its sentence (not across a paragraph break), inside it, that it follows as an aside set
    off by a comma (only a locative of the figures lexicon's ``locative`` and articles after the comma, or nothing: "a
    blast hit Uman, in the Cherkasy region", "à Nîmes, en Occitanie", "Nikopol, Dnipropetrovsk region"), in the role
    that fits ``fig`` (the attack's town, not a speaker's). A count "in the region" after it stands there too: the town
    is where the incident the region is named for happened (a country is not read so: "in the country" often counts for
    the whole country). None when a list coordinator follows the region (an item of a list: "Kharkiv, the Kharkiv region
    and Sumy") or when the figure's sentence holds a period cue of ``area_period_cues`` ("since 2022", "da inizio anno":
    the region's toll over time, not the incident's)."""
    if ref.entity.kind not in LOCATOR_KINDS:
        return None
    a, _ = index.mentions.ranks(ref.start, ref.end)
    m = index.mentions.items[a - 1]  # a == 0: the document's last mention, after ref: no comma before ref
    gap = index.text[m.end : ref.start]
    if m.sentence_start != ref.sentence_start:
        return None  # "Uman,\n\nCherkasy region.": a paragraph break between them, no locator (no word in the gap)
    if not gap.lstrip().startswith(",") or not _holds(ref.entity, m.entity) or m.role != _fitting_role(fig):
        return None
    locatives, coordinators, periods = _locator_lexicon(index.lang)
    words = [t.text for t in tokenize(fold(gap.lstrip()[1:]))]  # punctuation is a word: no locative, no article
    n = locatives.match_at(words, 0) if words else 0
    if words and not (n and all(w in event_profile(index.lang).articles for w in words[n:])):
        return None  # "Russia struck Kharkiv, the Kharkiv region and Sumy": an item of a list, no locator
    here = index.order[index.sentence_of(ref.start)]
    j = here.token_at(ref.end)
    written = [t.text.lower() for t in here.tokens[j : j + 2]]  # as written: it "è" is no "e"
    if any(coordinators.match_at(written, t) for t in range(len(written))):
        return None  # "Kharkiv, the Kharkiv region and Sumy", "Uman, in the Cherkasy region, and Smila"
    counted = index.order[index.sentence_of(fig.start)].words
    if any(periods.match_at(counted, t) for t in range(len(counted))):
        return None  # "Since February 2022, 120 people were killed in the region": the region's toll, not the town's
    return m


@cache
def _locator_lexicon(lang: str) -> tuple[Phrases, Phrases, Phrases]:
    """What :func:`_located_by` reads in the figures lexicon's places section (English where it has none): its
    ``locative`` words, its ``list_coordinators`` but the comma, and its ``area_period_cues`` (a count over a
    period: "since", "so far", "da inizio anno")."""
    places = (load(lang, "figures") or load("en", "figures")).get("places") or {}
    return (Phrases.of(places.get("locative") or []),
            Phrases.of([c for c in places.get("list_coordinators") or [] if c != ","]),
            Phrases.of(places.get("area_period_cues") or []))


#: Rule ``a_troop_figure_stands_at_its_base_and_its_host``: troops stand both at the base or town they are deployed
#: to and in the country that hosts it. A troop figure placed at one country, with exactly one place of the
#: deployment role inside it among its candidates outside its own sentence, named beside a trigger of deployment
#: (role feature ``near:deployment``: a base named further on, "500 soldiers arrived in Romania" ... "the battalion
#: will be stationed at the Cincu base"), is placed at both (where rule :data:`ONE_FINER_INSIDE` would keep the base
#: alone; a town of the figure's own sentence is weighed with it, rule :data:`HOST_AND_BASE`); a troop figure placed at
#: towns or bases of one country, named in its sentence or the sentences before it, where that country is a candidate
#: of the deployment role ("about 200 Italian soldiers take part in the drills at Adazi", with "in Latvia" the sentence
#: before), is placed in that country too.
#: A base named further on is skipped when its sentence tells of other troops (:func:`_another_deployment`): it holds
#: a troop figure of its own, a country acting in it other than the host ("Britain also keeps a battle
#: group at Tapa"), a word of another force (events.yaml's ``other_force_words``: "another", "separate", "also",
#: "altro") or of another time (``other_time_words``, "before that", "next year", or the dates lexicon's
#: ``other_periods``, "last year").
BASE_AND_HOST = "a_troop_figure_stands_at_its_base_and_its_host"


def _another_deployment(m, fig, host, index: DocIndex) -> bool:
    """Whether the sentence of ``m`` (a base named outside ``fig``'s sentence) tells of other troops than those of
    ``fig`` placed in ``host`` (rule :data:`BASE_AND_HOST`)."""
    k = index.sentence_of(m.start)
    if k is None:
        return True
    if index.groups_in.get(k, {}).get("troops"):
        return True  # a troop figure of its own
    sentence = index.order[k]
    if any(o.role == "actor" and o.entity.kind == "country" and o.entity.id != host.id
           for o in index.by_sentence_start.get(m.sentence_start, ())):
        return True  # another country acts in it
    profile, words = event_profile(index.lang), sentence.words
    if any(profile.other_force_words.match_at(words, i) or profile.other_time_words.match_at(words, i)
           for i in range(len(words))):
        return True
    return bool(_periods_of(sentence, index))


def base_and_host(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int], index: DocIndex) -> list[int]:
    """The candidates of rule :data:`BASE_AND_HOST` for ``fig`` (indices in ``pool``), given the ``picked``
    candidates and the document's ``index``; empty when the rule does not hold."""
    if figure_group(fig) != "troops" or not picked:
        return []
    role = KIND_ROLE["troops"]
    chosen = [pool[k][0].entity for k in picked]
    if len(chosen) == 1 and chosen[0].kind == "country":
        inside = {m.entity.id: k for k, (m, where) in enumerate(pool) if k not in picked and m.role == role
                  and where != "same_sentence" and m.features.get("near:deployment")
                  and m.entity.kind not in COARSE_KINDS and contains(chosen[0], m.entity)
                  and not _another_deployment(m, fig, chosen[0], index)}
        return sorted([*picked, *inside.values()]) if len(inside) == 1 else []
    if any(e.kind in COARSE_KINDS for e in chosen) or len({e.country for e in chosen}) != 1 \
            or any(pool[k][1] not in ("same_sentence", "sentence_before") for k in picked):
        return []
    hosts = {m.entity.id: k for k, (m, _) in enumerate(pool) if m.role == role and m.entity.kind == "country"
             and all(contains(m.entity, e) for e in chosen)}
    return sorted([*picked, *hosts.values()]) if len(hosts) == 1 else []


#: Rule ``a_finer_repeat_places_the_fact`` (:data:`geo.figures.FINER_REPEAT`): a figure the weighed choice places in
#: countries only, repeated further on the same day (the repeat dropped by :mod:`geo.figures`) with places inside
#: those countries ("On Tuesday, air defences destroyed 35 drones in Ukraine" ... "air defences destroyed 35 drones
#: over the Sumy, Poltava and Chernihiv regions on Tuesday"), stands at the repeat's places
#: (``Figure.finer_place_ids``), and at the chosen countries that hold none of them ("On Tuesday, 17 drones were shot
#: down over Ukraine and Moldova" ... "17 drones were destroyed over the Zaporizhzhia region on Tuesday":
#: Zaporizhzhia and Moldova). Not read across the windows of a long document (:func:`geo.figures._drop_repeats`).
#: The rule is named in geo.figures, which sets ``Figure.finer_place_ids``.


def finer_repeat(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int]) -> list[int]:
    """The candidates of rule :data:`geo.figures.FINER_REPEAT` for ``fig`` (indices in ``pool``), given the ``picked``
    candidates; empty when the rule does not hold: the figure holds no finer places, a picked candidate is no
    country, or a finer place is no candidate or lies in no picked country."""
    finer = getattr(fig, "finer_place_ids", ())
    chosen = [pool[k][0].entity for k in picked]
    if not finer or any(e.kind != "country" for e in chosen):
        return []
    theirs = {m.entity.id: k for k, (m, _) in enumerate(pool)}
    places = [theirs.get(pid) for pid in finer]
    if None in places or not all(any(contains(e, pool[k][0].entity) for e in chosen) for k in places):
        return []
    rest = [k for k in picked if not any(contains(pool[k][0].entity, pool[j][0].entity) for j in places)]
    return sorted({*places, *rest})


#: Rule ``a_part_of_them_stands_where_they_do``: a count said as a part of the count before it ("Die Luftwaffe
#: zählte 85 Drohnen. 70 davon wurden abgefangen"; "un total de 85 drones, de los que 70 fueron derribados": the
#: figures lexicon's ``anaphora_after`` right after the number, or ``anaphora`` right before it; or after an inclusion
#: word, rule :data:`INCLUDED_COUNT`), whose own reading names no place of its own sentence (the country of the
#: sentence before is none), stands where that count stands: the places chosen for the nearest larger count of its
#: group in its sentence or the one before, as :mod:`geo.figures` linked them (``Figure.part_of``), which are
#: candidates of the part wherever they are named. (The fit reads the
#: places the pipeline chose for that count when the articles were read, its cue reading where no figure-place
#: weights were loaded.)
PART_OF_THEM = "a_part_of_them_stands_where_they_do"


#: Rule ``an_included_count_is_a_part``: a count said after an inclusion word of figures.yaml's ``parts`` with at
#: most :data:`geo.figures.INCLUDED_GAP` words (the verb) between them ("Darunter waren sechs Gendarmen", "Among
#: them were six gendarmes", "Tra loro ci sono due bambini"; ``Figure.included_past_verb``) is a part of the nearest
#: larger count of its group in its sentence or the one before, as a count linked by an anaphora word ("70 davon")
#: is: rule :data:`PART_OF_THEM` places it so. So is a count of its group joined to an included one by a list word
#: ("among them six gendarmes and nine attackers").
INCLUDED_COUNT = "an_included_count_is_a_part"
#: The marks that part two counts of one list (rule :data:`INCLUDED_COUNT`: "six gendarmes; and nine attackers" are
#: no list, "six gendarmes, and nine attackers" are). Marks, the same in every language, as ``TOTAL_BREAKS`` and
#: :data:`geo.clauses.CLAUSE_BREAKS` are: no word list of the lexicons.
JOINED_BREAKS = ";:()[]–—"


def _included_or_joined(fig, sentence: Sentence, index: DocIndex) -> bool:
    """Whether ``fig`` is said after an inclusion word in its ``sentence`` (rule :data:`INCLUDED_COUNT`), as
    :mod:`geo.figures` read it (``Figure.included_past_verb``), or joined to the count of its group right before it
    that is: a list word between their numbers, with at most :data:`geo.figures.INCLUDED_GAP` other words (the first
    count's noun among them: "six gendarmes and nine") and no mark of :data:`JOINED_BREAKS` (``index``: the
    document's :class:`DocIndex`)."""
    if fig.included_past_verb:  # as geo.figures read it at extraction
        return True
    words, i = sentence.words, sentence.token_at(fig.start)
    group = figure_group(fig)
    before = [o for o in index.figures.between(sentence.start, fig.start) if o.end <= fig.start]
    if not before or figure_group(before[-1]) != group:
        return False
    between = words[sentence.token_at(before[-1].end) : i]
    return any(w in LIST_JOINERS for w in between) and len(between) <= INCLUDED_GAP + 1 \
        and not sentence.break_between(index.text, JOINED_BREAKS, before[-1].end, fig.start) \
        and _included_or_joined(before[-1], sentence, index)


def _included_in(fig, index: DocIndex) -> int | None:
    """The ``start`` of the count ``fig`` is included in by rule :data:`INCLUDED_COUNT` (in ``index``, the
    document's :class:`DocIndex`, in its language), None when no inclusion word stands before it
    (:func:`_included_or_joined`) or no larger count of its group stands before it in its sentence or the one before."""
    k = index.sentence_of(fig.start)
    if k is None or not _included_or_joined(fig, index.order[k], index):
        return None
    group = figure_group(fig)
    before = index.figures.between(index.order[max(k - 1, 0)].start, fig.start)
    return next((o.start for o in reversed(before) if o.end <= fig.start and figure_group(o) == group
                 and o.value > fig.value), None)


def _names_own_place(fig, index: DocIndex) -> bool:
    """Whether the reading of :mod:`geo.figures` chose for ``fig`` a place named in its own sentence (``index``: the
    document's :class:`DocIndex`): a part that does not stands where its whole does (rule :data:`PART_OF_THEM`). A
    country read as the actor there is no place of the part's own (rule ``an_actor_is_no_own_place_of_a_part``: "Russia
    used 100 drones, of which 75 were shot down" — Russia launched them)."""
    k = index.sentence_of(fig.start)
    if k is None:
        return False
    cue = set(fig.cue_place_ids)
    return any(m.entity.id in cue and not (m.role == "actor" and m.entity.kind == "country")
               for m in index.mentions.between(index.order[k].start, index.order[k].end))


def whole_of(fig, index: DocIndex):
    """The count ``fig`` is said to be a part of (rule :data:`PART_OF_THEM`), None when there is none: the figure
    of the document (``index``: its :class:`DocIndex`) that starts at the figure's ``part_of``, the link
    :mod:`geo.figures` read (:func:`geo.figures._whole_before`: the nearest larger count of its group in its sentence
    or the one before, when an anaphora word stands right after or right before its number), else the count it is
    included in (rule :data:`INCLUDED_COUNT`); of the copies of a count said for several places (rule
    :data:`ONE_PLACE_EACH`), the last."""
    start = getattr(fig, "part_of", None)
    if start is None:
        start = _included_in(fig, index)
    if start is None:
        return None
    wholes = [o for o in index.figures.between(start, start + 1) if o is not fig]
    return wholes[-1] if wholes else None


def settle(fig, pool: Sequence[tuple[object, str]], picked: Sequence[int], index: DocIndex, *,
           referent: object = _UNREAD) -> list[int]:
    """The weighed choice ``picked`` (indices in ``pool``) of ``fig`` after the rules that read it whole: rule
    :data:`PART_OF_THEM` (the places already chosen for the count it is a part of), else rules FINER_REPEAT,
    :data:`ATTACKED_COUNTRY` (or :data:`REPEAT_ATTACKED_COUNTRY`) and :data:`BASE_AND_HOST`, else rule
    :data:`ONE_FINER_INSIDE`, then rules :data:`TOTAL_IN_ITS_COUNTRY` and :data:`TOTAL_AT_EVERY_PLACE` (``index``:
    the document's :class:`DocIndex`, which knows its language). Both the pipeline (:func:`place_figures`) and the fit
    (geo/data/fit_weights.py, through :attr:`WeighedFigure.settle`) read the choice so.

    Parameters
    ----------
    fig : Figure
        The figure whose places were weighed.
    pool : Sequence of (mention, str)
        Its candidates (:func:`candidates`).
    picked : Sequence[int]
        The candidates :func:`choose` kept.
    index : DocIndex
        The document's indexes (and its language).
    referent : Mention or None, optional
        :func:`area_referent` of the figure, when the caller read it already (:func:`weigh_figure` did: nothing
        it reads changes between the weighing and the settling); read here otherwise.

    Returns
    -------
    list of int
        The candidates the figure is placed at.
    """
    picked = list(picked)
    area = area_place(fig, pool, picked, index, referent)
    if area:  # rule AREA_ANAPHORA
        return area
    whole = None if _names_own_place(fig, index) else whole_of(fig, index)  # rule PART_OF_THEM
    if whole is not None and whole.place_ids:
        theirs = {m.entity.id: j for j, (m, _) in enumerate(pool)}
        if all(pid in theirs for pid in whole.place_ids):
            return sorted(theirs[pid] for pid in whole.place_ids)
    finer = finer_repeat(fig, pool, picked)
    if finer:  # rule FINER_REPEAT
        return finer
    attacked = attacked_country(fig, pool, picked, index)
    if attacked is not None:  # rule ATTACKED_COUNTRY
        return [attacked]
    both = base_and_host(fig, pool, picked, index)
    if both:  # rule BASE_AND_HOST
        return both
    parts = _included_places(fig, index)  # rule PARTS_PLACE_NOT_FINER
    whole = _own_whole(fig, pool, picked, parts)
    if whole:  # rule PARTS_PLACE_NOT_FINER
        picked = whole
    finer = one_finer_inside(fig, pool, picked, parts)
    if finer is not None:
        picked = [finer]
    if not _marked_total(fig, picked, index):  # rules TOTAL_IN_ITS_COUNTRY and TOTAL_AT_EVERY_PLACE read it first
        return picked
    country = total_country(fig, pool, picked)
    if country is not None:
        return [country]
    return total_places(fig, pool, picked, index) or picked


def own_sentence_choice(pool: Sequence[tuple[object, str]], cue_ids: Sequence[str]) -> list[int]:
    """The candidates of the figure's own sentence that the rules chose."""
    cue = set(cue_ids)
    return [k for k, (m, where) in enumerate(pool) if where == "same_sentence" and m.entity.id in cue]


def place_figures(figures: Sequence, mentions: Sequence, sentences: Sequence[Sentence], text: str, *,
                  weights: PlaceWeights | None, lang: str = "en") -> None:
    """Set each figure's ``place_ids``/``places`` from the weighed candidates, in place.

    Each figure keeps the reading of :mod:`geo.figures` in ``cue_place_ids``; with ``weights`` None
    (no fitted weights, :func:`load_weights`) that reading stands.
    """
    for fig in figures:
        fig.cue_place_ids = list(fig.place_ids)
    if weights is None:
        return
    index = DocIndex(mentions, sentences, figures, lang=lang, text=text)  # once per document
    for fig in figures:
        weighed = weigh_figure(fig, mentions, sentences, text, figures, index=index, lang=lang)
        pool = weighed.pool
        scores = [weights.score(f) for f in weighed.features]
        picked = choose(scores, weighed.groups, weights.threshold, own_sentence_choice(pool, fig.cue_place_ids),
                        weights.also, [m.entity for m, _ in pool])
        picked = weighed.settle(picked)  # rules ONE_FINER_INSIDE, TOTAL_IN_ITS_COUNTRY
        chosen = sorted((pool[k][0] for k in picked), key=lambda m: m.start)
        fig.place_ids = [m.entity.id for m in chosen]
        fig.places = [m.entity.name for m in chosen]
