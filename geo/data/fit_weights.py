#!/usr/bin/env python3
"""Fit the weights of Atlante's weighed decisions on annotated real articles.

    .venv/bin/python geo/data/fit_weights.py [--data ../shared/eval/news_train] [--check ../shared/eval/news_dev]
        [--cv loo|kfold|lang] [--folds 10] [--seed 0] [--rule se|paired] [--grid]

Reads a folder of articles annotated like ``../shared/eval/news_train`` (``*.gold.json`` beside the
texts), runs the text side on each article, lines its place mentions up with the gold ones (the
largest overlap, as the scorer does) and fits a multinomial logistic regression of the gold role on
the named features of :mod:`geo.role_model`. It prints the leave-one-article-out cross-validated
accuracy for each regularisation strength tried (each held-out article decided as the pipeline decides
it: the places of a list share their role, the dateline's place is a mention), next to the cue rules'
accuracy, fits on every article with the best strength, writes ``geo/data/weights/roles.yaml`` and,
with ``--check``, prints the accuracy on a second folder that is never fitted on. Needs the ``fit``
extra (scikit-learn).

``--cv`` holds articles out one at a time (``loo``, the default), in ``--folds`` random groups (``kfold``)
or one language at a time (``lang``); ``--rule paired`` lets the one-standard-error choice of the strength
allow the noise of each strength's difference from the best on the same articles instead of the best's own
spread; ``--grid`` prints, per strength, the cross-validated score, the training score of the fit on all
articles and, with ``--check``, the checked folder's score: a study of the choice, which stays the
cross-validation's (choosing on the checked folder would fit it).

The annotated texts stay where they are: only the weights enter the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from geo.model import ROLES, Document  # noqa: E402
from geo.role_model import WEIGHTS_PATH, RoleWeights, feature_names  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.figure_places import DocIndex

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
#: The strengths tried for the role model (its features are many and sparse: 2.0 sits between the two best).
ROLE_C_GRID = (0.3, 1.0, 2.0, 3.0)


def load_articles(folder: Path) -> list[dict]:
    """The annotated articles of ``folder``: gold JSON with its text and publication date."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        meta_path = folder / f"{gold['id']}.meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        gold["text"] = (folder / gold["text_file"]).read_text(encoding="utf-8")
        pub = meta.get("published")
        gold["date"] = dt.date.fromisoformat(pub) if pub and len(pub) == 10 else None
        out.append(gold)
    return out


def aligned_mentions(article: dict, mentions: list) -> list[tuple[object, str]]:
    """(predicted mention, gold role) for every gold span a prediction overlaps most."""
    used: set[int] = set()
    pairs = []
    for place in article["places"]:
        for a, b in place["spans"]:
            best = None
            for i, m in enumerate(mentions):
                overlap = min(b, m.end) - max(a, m.start)
                if i not in used and overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, i)
            if best is not None:
                used.add(best[1])
                pairs.append((mentions[best[1]], place["role"]))
    return pairs


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geopy.distance import great_circle

    return great_circle(a, b).km


def same_place(gold: dict, entity) -> bool:
    """The scorer's test: within 161 km (300 for regions and admin-1 units), or the right country."""
    if gold.get("lat") is None:
        return False
    if (gold["kind"] == "country" or gold.get("metonymy_for")) and entity.country == gold.get("country_iso2") \
            and entity.kind in ("country", "city"):
        return entity.kind == "country" or bool(gold.get("metonymy_for"))
    tol = 300 if gold["kind"] in ("region", "admin1") else 161
    return _km((gold["lat"], gold["lon"]), (entity.lat, entity.lon)) < tol


def aligned_figures(article: dict, figures: list) -> list[tuple[object, dict]]:
    """(predicted figure, gold figure) matched as the scorer matches them: same kind and value."""
    used: set[int] = set()
    pairs = []
    for gold in article["figures"]:
        kinds = {gold["kind"]} | ({"equipment"} if gold["kind"] == "other" else set())
        k = next((i for i, f in enumerate(figures)
                  if i not in used and f.kind in kinds and f.value == int(gold["value"])), None)
        if k is not None:
            used.add(k)
            pairs.append((figures[k], gold))
    return pairs


@dataclass
class ArticleRoles:
    """One article's mentions as the role decision sees them: ``rows`` (features, cue role, gold role) of
    the aligned mentions, and for the whole document the features of every mention, the vetoed ones and
    the index of each aligned mention, so that scoring decides as the pipeline does (lists share a role)."""

    rows: list
    features: list
    vetoed: set
    aligned: list


def article_roles(art: dict, parsed) -> ArticleRoles:
    """The :class:`ArticleRoles` of a parsed article."""
    from geo.dates import find_dateline
    from geo.role_model import dateline_vetoes

    pairs = aligned_mentions(art, parsed.mentions)
    index = {id(m): k for k, m in enumerate(parsed.mentions)}
    return ArticleRoles(rows=[(m.features, m.cue_role, gold) for m, gold in pairs],
                        features=[m.features for m in parsed.mentions],
                        vetoed=dateline_vetoes(parsed.mentions, find_dateline(art["text"], parsed.lang)),
                        aligned=[index[id(m)] for m, _ in pairs])


def article_counts(weights: RoleWeights, articles: list[ArticleRoles]) -> tuple[int, int]:
    """``(right, total)`` of the roles the pipeline would give (:func:`geo.role_model.choose_roles`) on the
    aligned mentions of ``articles``."""
    from geo.role_model import choose_roles

    right = total = 0
    for a in articles:
        roles = choose_roles(a.features, a.vetoed, weights)
        right += sum(roles[k] == gold for k, (_, _, gold) in zip(a.aligned, a.rows, strict=True))
        total += len(a.rows)
    return right, total


def article_accuracy(weights: RoleWeights, articles: list[ArticleRoles]) -> float:
    """Accuracy of :func:`article_counts`."""
    right, total = article_counts(weights, articles)
    return right / max(1, total)


@dataclass
class FigureCase:
    """One aligned figure: its candidates' rows, their list groups and entities, and the gold places."""

    rows: list
    groups: dict[int, int]
    entities: list
    golds: list
    n_gold: int
    #: the weighed choice -> the places it settles on (:func:`geo.figure_places.settle`, as the pipeline reads it)
    settle: Callable[[list[int]], list[int]] = list


def collect(folder: Path, fitted) -> tuple[list, list]:
    """Per article: (features, cue role, gold role) of each aligned mention, and the candidate places of
    each aligned figure (:class:`FigureCase`), read with the weights ``fitted``."""
    from geo.figure_places import DocIndex
    from geo.gazetteer import load_gazetteer
    from geo.pipeline import parse_document
    gazetteer = load_gazetteer()
    per_article, place_rows = [], []
    for art in load_articles(folder):
        doc = Document(doc_id=art["id"], text=art["text"], date=art["date"])
        parsed = parse_document(doc, gazetteer=gazetteer, fitted=fitted)
        per_article.append(article_roles(art, parsed))
        sentences = collect_sentences(doc.text, parsed)
        canon = {p["canonical"]: p for p in art["places"]}
        # once per article
        index = DocIndex(parsed.mentions, sentences, parsed.figures, lang=parsed.lang, text=doc.text)
        figures = [figure_case(fig, gold, [canon[c] for c in gold["places"] if c in canon], parsed, sentences,
                               doc.text, index) for fig, gold in aligned_figures(art, parsed.figures)]
        place_rows.append(figures)
    return per_article, place_rows


def collect_sentences(text: str, parsed) -> list:
    """The sentences of a parsed document as the pipeline's sentences stage reads them (with the text's
    :class:`geo.doc.Reading`), so that the fit weighs the features the runtime weighs.

    Parameters
    ----------
    text : str
        The document's text.
    parsed : ParsedDocument
        The parsed document (its ``mentions`` and ``lang`` are read).

    Returns
    -------
    list of Sentence
        The document's sentences.
    """
    from geo.doc import Reading
    from geo.role_model import read_sentences

    return read_sentences(text, parsed.mentions, parsed.lang, Reading.of(text))


def gold_candidates(golds: list, entities: list) -> set[int]:
    """The candidates that stand for the gold places, one each: of those within the scorer's reach, the
    one of the gold's kind, then the nearest ("Aleppo Governorate" is the governorate, not the city or
    Syria, though all three are within 300 km)."""
    taken: set[int] = set()
    for gold in golds:
        reach = [k for k, e in enumerate(entities) if k not in taken and same_place(gold, e)]
        if reach:
            taken.add(min(reach, key=lambda k: (entities[k].kind != gold["kind"],
                                                _km((gold["lat"], gold["lon"]), (entities[k].lat, entities[k].lon)))))
    return taken


def figure_case(fig, gold: dict, golds: list, parsed, sentences: list, text: str,
                index: DocIndex | None = None) -> FigureCase:
    """The candidates of one aligned figure as rows (features, cue reading, gold label), read by
    :func:`geo.figure_places.weigh_figure` as the pipeline reads them (``index``: the document's
    :class:`geo.figure_places.DocIndex`, when the caller built it once for the article)."""
    from geo.figure_places import weigh_figure

    weighed = weigh_figure(fig, parsed.mentions, sentences, text, parsed.figures, index=index, lang=parsed.lang)
    chosen = gold_candidates(golds, [m.entity for m, _ in weighed.pool])
    rows = [(feats, "in" if m.entity.id in fig.cue_place_ids else "out", "in" if k in chosen else "out")
            for k, ((m, _), feats) in enumerate(zip(weighed.pool, weighed.features, strict=True))]
    return FigureCase(rows, weighed.groups, [m.entity for m, _ in weighed.pool], golds, len(gold["places"]),
                      weighed.settle)


EXAMPLES_PATH = ROOT / "geo" / "data" / "sources" / "role_examples.yaml"


def collect_examples(path: Path = EXAMPLES_PATH, fitted=None) -> list[tuple[dict[str, float], str, str]]:
    """(features, cue role, gold role) of the places of the sentences written for the fit."""
    import yaml

    from geo.gazetteer import load_gazetteer
    from geo.pipeline import parse_document

    gazetteer = load_gazetteer()
    rows = []
    for k, ex in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
        doc = Document(doc_id=f"example{k}", text=ex["text"], lang=ex["lang"])
        parsed = parse_document(doc, gazetteer=gazetteer, fitted=fitted)
        cursor = 0
        for surface, role in ex["places"]:
            a = ex["text"].index(surface, cursor)
            cursor = a + len(surface)
            hit = next((m for m in parsed.mentions if m.start < cursor and a < m.end and m.entity is not None), None)
            if hit is None:
                print(f"  (example {k}: {surface!r} is not found as a place; skipped)")
                continue
            rows.append((hit.features, hit.cue_role, role))
    return rows


def matrix(rows: list[tuple[dict[str, float], str, str]], names: list[str] | None = None):
    import numpy as np

    names = names or feature_names()
    index = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, (features, _, _) in enumerate(rows):
        for name, value in features.items():
            x[r, index[name]] = value
    y = np.array([gold for _, _, gold in rows])
    return x, y


def fit(rows, c: float, names: list[str] | None = None):
    """A (multinomial) logistic regression of the gold label on the features."""
    from sklearn.linear_model import LogisticRegression

    x, y = matrix(rows, names)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    return model


def to_weights(model) -> RoleWeights:
    import numpy as np

    names = feature_names()
    classes = [str(c) for c in model.classes_]
    if len(classes) == 2:  # a binary fit scores the second class against the first
        model.coef_ = np.vstack([np.zeros_like(model.coef_[0]), model.coef_[0]])
        model.intercept_ = np.array([0.0, model.intercept_[0]])
    bias = {r: (float(model.intercept_[classes.index(r)]) if r in classes else -50.0) for r in ROLES}
    weights = {}
    for k, name in enumerate(names):
        ws = {r: round(float(model.coef_[classes.index(r), k]), 4) for r in classes}
        if any(abs(w) >= 1e-4 for w in ws.values()):
            weights[name] = ws
    return RoleWeights(ROLES, {r: round(b, 4) for r, b in bias.items()}, weights)


def cue_accuracy(rows) -> float:
    return sum(cue == gold for _, cue, gold in rows) / max(1, len(rows))


def article_folds(langs: list[str], scheme: str = "loo", k: int = 10, seed: int = 0) -> list[list[int]]:
    """The held-out groups of a cross-validation over articles: whole articles are held out together.

    Parameters
    ----------
    langs : list of str
        The language of each article, in the order of the fit's articles.
    scheme : str
        ``"loo"``: one article per fold; ``"kfold"``: ``k`` folds of articles drawn at random (``seed``);
        ``"lang"``: one fold per language (every article of the other languages trains it).
    k : int
        The number of folds of ``"kfold"`` (at most one per article).
    seed : int
        The seed of the draw of ``"kfold"``.

    Returns
    -------
    list of list of int
        The indices of the articles of each fold; every article is in exactly one.
    """
    import numpy as np

    n = len(langs)
    if scheme == "loo":
        return [[j] for j in range(n)]
    if scheme == "kfold":
        order = np.random.default_rng(seed).permutation(n).tolist()
        return [sorted(order[i::min(k, n)]) for i in range(min(k, n))]
    if scheme == "lang":
        return [[j for j in range(n) if langs[j] == lang] for lang in dict.fromkeys(langs)]
    raise ValueError(f"unknown cross-validation scheme {scheme!r}")


def cross_validate(per_article: list[ArticleRoles], c: float, always: list,
                   folds: list[list[int]] | None = None) -> list[tuple[int, int]]:
    """Cross-validated ``(right, total)`` per article with aligned mentions: each fold of ``folds`` (default
    leave-one-article-out, :func:`article_folds`) is decided by weights fitted on the other articles and the
    ``always`` rows, as the pipeline decides it (:func:`article_accuracy`); see :func:`pooled_accuracy`."""
    counts = []
    for held in folds if folds is not None else [[j] for j in range(len(per_article))]:
        if not any(per_article[j].rows for j in held):
            continue
        out = set(held)
        train = [r for j, a in enumerate(per_article) if j not in out for r in a.rows] + always
        weights = to_weights(fit(train, c))
        counts += [article_counts(weights, [per_article[j]]) for j in held if per_article[j].rows]
    return counts


def pooled_accuracy(counts: list[tuple[int, int]]) -> float:
    """The accuracy of all mentions of the ``(right, total)`` counts together."""
    return sum(r for r, _ in counts) / max(1, sum(t for _, t in counts))


def place_weights(model, threshold: float = 0.0, also: float | None = None):
    """Weights whose score is above zero where the model says "in" (the classes sort as in, out)."""
    from geo.figure_places import PlaceWeights
    from geo.figure_places import feature_names as place_names

    names = place_names()
    weights = {n: round(-float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-4}
    return PlaceWeights(round(-float(model.intercept_[0]), 4), weights, threshold, also)


def _match(chosen: list, case: FigureCase) -> tuple[int, int, int]:
    """The scorer's count for one figure: each gold place takes one chosen place within reach."""
    used: set[int] = set()
    for gold in case.golds:
        hit = next((k for k in chosen if k not in used and same_place(gold, case.entities[k])), None)
        if hit is not None:
            used.add(hit)
    return len(used), len(chosen) - len(used), case.n_gold - len(used)


def place_scores(weights, cases: list[FigureCase]) -> tuple[int, int, int]:
    from geo.figure_places import choose

    tp = fp = fn = 0
    for case in cases:
        scores = [weights.score(f) for f, _, _ in case.rows]
        fallback = [k for k, (f, cue, _) in enumerate(case.rows) if cue == "in" and f.get("same_sentence")]
        a, b, c = _match(case.settle(choose(scores, case.groups, weights.threshold, fallback, weights.also,
                                            case.entities)), case)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def cue_place_scores(cases: list[FigureCase]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for case in cases:
        a, b, c = _match([k for k, (_, cue, _) in enumerate(case.rows) if cue == "in"], case)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


THRESHOLDS = (-2.0, -1.0, -0.5, 0.0, 0.5)
#: Scores above which a second place (and its list) joins the best one; None: the best and its list only.
ALSO = (None, 0.0, 0.5, 1.0, 1.5)


def fit_places(cases: list[FigureCase], c: float, threshold: float | None = None):
    """Fit the pair model on the candidates of ``cases`` (a logistic regression of "this candidate stands
    for a gold place"); choose the thresholds (:data:`THRESHOLDS`, :data:`ALSO`) on them unless given."""
    from geo.figure_places import feature_names as place_names

    model = fit([r for case in cases for r in case.rows], c, place_names())
    if threshold is not None:
        return place_weights(model, threshold)
    return max((place_weights(model, t, a) for t in THRESHOLDS for a in ALSO),
               key=lambda w: f1(*place_scores(w, cases)))


def cross_validate_places(place_rows, c: float, folds: list[list[int]] | None = None) -> list[tuple[int, int, int]]:
    """Cross-validated (tp, fp, fn) of the chosen places, one triple per article with figures, over ``folds``
    (default leave-one-article-out, :func:`article_folds`)."""
    counts = []
    for held in folds if folds is not None else [[j] for j in range(len(place_rows))]:
        if not any(place_rows[j] for j in held):
            continue
        out = set(held)
        weights = fit_places([case for j, cases in enumerate(place_rows) if j not in out for case in cases], c)
        counts += [place_scores(weights, place_rows[j]) for j in held if place_rows[j]]
    return counts


def pooled_f1(counts: list[tuple[int, int, int]]) -> float:
    return f1(*(sum(col) for col in zip(*counts, strict=True))) if counts else 0.0


def bootstrap_se(counts: list[tuple[int, ...]], draws: int = 500, seed: int = 0,
                 score: Callable[[list], float] = pooled_f1) -> float:
    """The standard error of ``score`` (default :func:`pooled_f1`) over articles drawn again with
    replacement."""
    import numpy as np

    rng = np.random.default_rng(seed)
    table = np.array(counts)
    scores = [score(table[rng.integers(0, len(table), len(table))].tolist()) for _ in range(draws)]
    return float(np.std(scores))


def paired_se(counts: list[tuple[int, ...]], other: list[tuple[int, ...]], draws: int = 500, seed: int = 0,
              score: Callable[[list], float] = pooled_f1) -> float:
    """The standard error of ``score(counts) - score(other)`` over articles drawn again with replacement, the
    same articles for both (the two lists hold the counts of the same articles, in the same order).

    Parameters
    ----------
    counts, other : list of tuple of int
        Per-article counts of two fits cross-validated on the same folds.
    draws : int
        The number of bootstrap draws.
    seed : int
        The seed of the draws.
    score : callable
        Counts -> score (:func:`pooled_f1`, :func:`pooled_accuracy`).

    Returns
    -------
    float
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    a, b = np.array(counts), np.array(other)
    diffs = []
    for _ in range(draws):
        pick = rng.integers(0, len(a), len(a))
        diffs.append(score(a[pick].tolist()) - score(b[pick].tolist()))
    return float(np.std(diffs))


def choose_strength(cv: dict[float, list[tuple[int, ...]]], score: Callable[[list], float] = pooled_f1,
                    paired: bool = False) -> float:
    """The strongest regularisation (smallest ``C``) whose cross-validated ``score`` (default
    :func:`pooled_f1`) is within one bootstrap standard error of the best one's: on 60 articles,
    differences smaller than that are noise, and the simpler model is the one to keep (the "one standard
    error" rule).  Both fits (roles and figure places) choose their ``C`` this way.

    With ``paired``, the noise is that of the difference between each ``C`` and the best one on the same
    articles (:func:`paired_se`) rather than that of the best one's score: the articles that are hard for one
    strength are hard for the others, so the score's own spread overstates how far apart two strengths may
    be by chance, and the unpaired rule keeps a ``C`` that is worse on most articles."""
    best = max(cv, key=lambda c: (score(cv[c]), -c))
    if not paired:
        floor = score(cv[best]) - bootstrap_se(cv[best], score=score)
        return min(c for c in cv if score(cv[c]) >= floor)
    return min(c for c in cv if score(cv[c]) >= score(cv[best]) - paired_se(cv[c], cv[best], score=score))


def grid_report(cv: dict[float, list[tuple[int, ...]]], score: Callable[[list], float], *, chosen: float,
                train: dict[float, float], check: dict[float, float] | None = None) -> list[str]:
    """The lines of the ``--grid`` table: per strength ``C``, the cross-validated ``score`` and its bootstrap
    standard error, the score on the training articles of the fit on all of them, and, given ``check``,
    the score of that fit on the checked folder (printed to study the choice, never used to make it).

    Parameters
    ----------
    cv : dict
        ``C`` -> the cross-validated counts per article (:func:`cross_validate`, :func:`cross_validate_places`).
    score : callable
        Counts -> score (:func:`pooled_accuracy`, :func:`pooled_f1`).
    chosen : float
        The strength :func:`choose_strength` chose (marked ``*``).
    train : dict
        ``C`` -> the training score of the fit on every article.
    check : dict, optional
        ``C`` -> the score of that fit on the checked folder.

    Returns
    -------
    list of str
        A header line, then one line per ``C`` in increasing order.
    """
    lines = ["      C      cv     se  train" + ("  check" if check is not None else "")]
    for c in sorted(cv):
        line = (f"  {'*' if c == chosen else ' '} {c:<6g} {score(cv[c]):.3f}  {bootstrap_se(cv[c], score=score):.3f}"
                f"  {train[c]:.3f}")
        lines.append(line + (f"  {check[c]:.3f}" if check is not None else ""))
    return lines


def write_place_weights(weights, path: Path, *, source: str, c: float, cv: float, n: int,
                        cv_name: str = "leave-one-article-out") -> None:
    import yaml

    header = (f"# Figure-place weights of geo/figure_places.py, fitted by geo/data/fit_weights.py on {source}\n"
              f"# ({n} candidate places of aligned figures; C = {c}; {cv_name} F1 of the chosen\n"
              f"# places {cv:.3f}). Do not edit by hand: refit instead.\n")
    body = {"bias": weights.bias, "threshold": weights.threshold, "also": weights.also, "weights": weights.weights}
    path.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


def write_weights(weights: RoleWeights, path: Path, *, source: str, c: float, cv: float, n: int,
                  cv_name: str = "leave-one-article-out") -> None:
    import yaml

    header = (f"# Role weights of geo/role_model.py, fitted by geo/data/fit_weights.py on {source}\n"
              f"# ({n} aligned mentions; C = {c}; {cv_name} accuracy {cv:.3f}). Do not edit by hand:\n"
              f"# refit instead.\n")
    body = {"roles": list(weights.roles), "bias": weights.bias, "weights": weights.weights}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")


def fit_arguments(argv: list[str] | None, *, prog: str, description: str, out: Path,
                  options: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace | None:
    """The arguments every fit command takes (``--data``, ``--check``, ``--out``, and those ``options`` adds),
    or None, with one line on stderr, when ``--data`` holds no annotated article."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "news_train")
    p.add_argument("--check", type=Path, default=None, help="a folder scored with the fitted weights, never fitted on")
    p.add_argument("--out", type=Path, default=out)
    if options is not None:
        options(p)
    args = p.parse_args(argv)
    if not any(args.data.glob("*.gold.json")):
        print(f"{prog}: error: no *.gold.json in {args.data}", file=sys.stderr)
        return None
    return args


def cv_options(p: argparse.ArgumentParser) -> None:
    """The options of :func:`main` beyond :func:`fit_arguments`'s: the cross-validation and ``--grid``."""
    p.add_argument("--cv", choices=("loo", "kfold", "lang"), default="loo",
                   help="how articles are held out to choose C: one at a time (loo), in --folds random groups "
                        "(kfold) or one language at a time (lang)")
    p.add_argument("--folds", type=int, default=10, help="the number of folds of --cv kfold")
    p.add_argument("--seed", type=int, default=0, help="the seed of the draw of --cv kfold")
    p.add_argument("--rule", choices=("se", "paired"), default="se",
                   help="which noise the one-standard-error choice of C allows: the best C's score's (se) or "
                        "that of each C's difference from the best on the same articles (paired)")
    p.add_argument("--grid", action="store_true",
                   help="print, per C, the cross-validated score, the training score of the fit on all and, with "
                        "--check, the checked folder's score (to study the choice; the choice stays the CV's)")


def cv_name(args: argparse.Namespace) -> str:
    """How the chosen cross-validation reads in the output and the weights' header."""
    return {"loo": "leave-one-article-out", "kfold": f"{args.folds}-fold by article (seed {args.seed})",
            "lang": "leave-one-language-out"}[args.cv]


def main(argv: list[str] | None = None) -> int:
    args = fit_arguments(argv, prog="fit_weights.py", description=__doc__.splitlines()[0], out=WEIGHTS_PATH,
                         options=cv_options)
    if args is None:
        return 2
    from geo.windows import WINDOW_CHARS

    # a longer document is read in windows, whose mentions keep no role features to fit on
    too_long = [a["id"] for a in load_articles(args.data) if len(a["text"]) > WINDOW_CHARS]
    if too_long:
        print(f"fit_weights.py: error: training article {too_long[0]} in {args.data} is longer than "
              f"{WINDOW_CHARS:,} characters (read in windows, it keeps no role features to fit on); "
              "split it or leave it out", file=sys.stderr)
        return 2
    from geo.pipeline import Fitted

    # Pass 1: the role features do not depend on any weights; pass 2 reads the figures' candidates with
    # the roles just fitted, as the pipeline will.
    per_article, _ = collect(args.data, Fitted(None, None))
    rows = [r for a in per_article for r in a.rows]
    print(f"{len(per_article)} articles, {len(rows)} aligned mentions; cue rules' accuracy {cue_accuracy(rows):.3f}")
    examples = collect_examples(fitted=Fitted(None, None))
    print(f"{len(examples)} places of the written examples ({EXAMPLES_PATH.name}) join every fit")
    folds = article_folds([a.get("lang", "") for a in load_articles(args.data)], args.cv, args.folds, args.seed)
    name = cv_name(args)
    role_cv = {c: cross_validate(per_article, c, examples, folds) for c in ROLE_C_GRID}
    for c, counts in role_cv.items():
        print(f"  C = {c:<5} {name} accuracy {pooled_accuracy(counts):.3f} "
              f"(bootstrap SE {bootstrap_se(counts, score=pooled_accuracy):.3f})")
    best = choose_strength(role_cv, score=pooled_accuracy, paired=args.rule == "paired")
    within = f"within one {'paired ' * (args.rule == 'paired')}standard error of the best"
    print(f"  chosen C = {best}: the smallest {within}")
    weights = to_weights(fit(rows + examples, best))
    print(f"fitted on all with C = {best}: training accuracy {article_accuracy(weights, per_article):.3f}")
    write_weights(weights, args.out, source=f"{args.data.name} and {EXAMPLES_PATH.name}", c=best,
                  cv=pooled_accuracy(role_cv[best]), n=len(rows) + len(examples), cv_name=name)
    print(f"wrote {args.out}")
    from geo.figure_places import WEIGHTS_PATH as PLACE_WEIGHTS_PATH

    _, place_rows = collect(args.data, Fitted(weights, None))
    flat = [case for cases in place_rows for case in cases]
    print(f"{len(flat)} aligned figures; figure-place F1 of the cue rules {f1(*cue_place_scores(flat)):.3f}")
    place_cv = {c: cross_validate_places(place_rows, c, folds) for c in C_GRID}
    for c, counts in place_cv.items():
        print(f"  C = {c:<5} {name} F1 {pooled_f1(counts):.3f} "
              f"(bootstrap SE {bootstrap_se(counts):.3f})")
    best_place = choose_strength(place_cv, paired=args.rule == "paired")
    print(f"  chosen C = {best_place}: the smallest {within}")
    pweights = fit_places(flat, best_place)
    place_out = args.out.parent / PLACE_WEIGHTS_PATH.name
    write_place_weights(pweights, place_out, source=args.data.name, c=best_place, cv=pooled_f1(place_cv[best_place]),
                        n=sum(len(case.rows) for case in flat), cv_name=name)
    print(f"wrote {place_out}")
    check_roles = check_places = None
    if args.check is not None:
        check_roles, check_places = collect(args.check, Fitted(weights, pweights))
        check = [r for a in check_roles for r in a.rows]
        print(f"check on {args.check.name} ({len(check)} aligned mentions): cue rules {cue_accuracy(check):.3f}, "
              f"weighed {article_accuracy(weights, check_roles):.3f}")
        cp = [case for cases in check_places for case in cases]
        print(f"check on {args.check.name} ({len(cp)} aligned figures): figure-place F1 of the cue rules "
              f"{f1(*cue_place_scores(cp)):.3f}, weighed {f1(*place_scores(pweights, cp)):.3f}")
    if args.grid:
        # every strength's fit on all articles; the figure places of each are read with the chosen roles
        role_fits = {c: to_weights(fit(rows + examples, c)) for c in ROLE_C_GRID}
        print(f"grid, roles ({name} accuracy; * chosen):")
        role_check = None if check_roles is None else {c: article_accuracy(w, check_roles)
                                                       for c, w in role_fits.items()}
        print("\n".join(grid_report(role_cv, pooled_accuracy, chosen=best, check=role_check,
                                    train={c: article_accuracy(w, per_article) for c, w in role_fits.items()})))
        place_fits = {c: fit_places(flat, c) for c in C_GRID}
        print(f"grid, figure places ({name} F1; * chosen; roles fitted with C = {best}):")
        cp = None if check_places is None else [case for cases in check_places for case in cases]
        place_check = None if cp is None else {c: f1(*place_scores(w, cp)) for c, w in place_fits.items()}
        print("\n".join(grid_report(place_cv, pooled_f1, chosen=best_place, check=place_check,
                                    train={c: f1(*place_scores(w, flat)) for c, w in place_fits.items()})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
