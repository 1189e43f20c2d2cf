"""The fitting procedure of geo/data/fit_weights.py: the held-out groups of its cross-validation, the choice
of the regularisation strength and the ``--grid`` table, on small invented data."""

from __future__ import annotations

import pytest

from geo.data.fit_weights import (
    ArticleRoles,
    article_folds,
    bootstrap_se,
    choose_strength,
    cross_validate,
    cv_options,
    fit_arguments,
    grid_report,
    paired_se,
    pooled_accuracy,
)

LANGS = ["it", "en", "it", "fr", "en", "it", "de"]


def test_leave_one_out_holds_out_each_article_alone():
    assert article_folds(LANGS) == [[j] for j in range(len(LANGS))]


def test_kfold_holds_out_random_groups_of_whole_articles_once_each():
    folds = article_folds(LANGS, "kfold", k=3, seed=1)
    assert len(folds) == 3
    assert sorted(j for fold in folds for j in fold) == list(range(len(LANGS)))
    assert sorted(len(fold) for fold in folds) == [2, 2, 3]
    assert folds == article_folds(LANGS, "kfold", k=3, seed=1)  # the seed fixes the draw
    assert folds != article_folds(LANGS, "kfold", k=3, seed=2)
    assert len(article_folds(LANGS[:2], "kfold", k=10)) == 2  # no empty fold


def test_lang_holds_out_one_language_at_a_time():
    assert article_folds(LANGS, "lang") == [[0, 2, 5], [1, 4], [3], [6]]
    with pytest.raises(ValueError, match="scheme"):
        article_folds(LANGS, "outlet")


def article(feature: str, gold: str, n: int = 3) -> ArticleRoles:
    rows = [({feature: 1.0}, "mention", gold)] * n
    return ArticleRoles(rows=rows, features=[f for f, _, _ in rows], vetoed=set(), aligned=list(range(n)))


def test_a_fold_is_decided_by_weights_that_never_saw_its_articles():
    # "locative" means an incident in the two Italian articles only, "of_before" a mention in the two English
    # ones: held out one language at a time, nothing left teaches either
    arts = [article("locative", "incident"), article("of_before", "mention"), article("locative", "incident"),
            article("of_before", "mention")]
    langs = ["it", "en", "it", "en"]
    always = [({"in_list": 1.0}, "mention", "actor")] * 3  # rows every fold trains on (the written examples)
    loo = cross_validate(arts, 1.0, always, article_folds(langs))
    by_lang = cross_validate(arts, 1.0, always, article_folds(langs, "lang"))
    assert pooled_accuracy(loo) == 1.0
    assert len(by_lang) == 4 and pooled_accuracy(by_lang) == 0.0


def test_the_paired_rule_rejects_a_strength_worse_on_every_article():
    # articles far apart (0.9 and 0.3), but the weaker regularisation wins on every one of them by 0.04
    strong = [(86, 100), (26, 100)] * 15
    weak = [(90, 100), (30, 100)] * 15
    cv = {0.3: strong, 2.0: weak}
    assert paired_se(strong, weak, score=pooled_accuracy) == pytest.approx(0.0, abs=1e-9)
    assert choose_strength(cv, score=pooled_accuracy) == 0.3  # within the best one's own spread
    assert choose_strength(cv, score=pooled_accuracy, paired=True) == 2.0
    # a difference that flips from article to article stays noise for the paired rule too
    few, flips = [(9, 10), (3, 10)] * 3, [(10, 10), (1, 10)] * 3  # 0.60 and 0.55 on six articles
    assert paired_se(flips, few, score=pooled_accuracy) > 0.05
    assert choose_strength({0.3: flips, 2.0: few}, score=pooled_accuracy, paired=True) == 0.3


def test_the_grid_reports_every_strength_and_marks_the_chosen_one():
    cv = {1.0: [(9, 10), (3, 10)] * 15, 0.3: [(8, 10), (2, 10)] * 15}
    lines = grid_report(cv, pooled_accuracy, chosen=0.3, train={0.3: 0.8, 1.0: 0.9}, check={0.3: 0.7, 1.0: 0.75})
    assert lines[0].split() == ["C", "cv", "se", "train", "check"]
    se = {c: f"{bootstrap_se(counts, score=pooled_accuracy):.3f}" for c, counts in cv.items()}
    assert [line.split() for line in lines[1:]] == [["*", "0.3", "0.500", se[0.3], "0.800", "0.700"],
                                                    ["1", "0.600", se[1.0], "0.900", "0.750"]]
    bare = grid_report(cv, pooled_accuracy, chosen=1.0, train={0.3: 0.8, 1.0: 0.9})
    assert bare[0].split()[-1] == "train" and all(len(line.split()) == 4 for line in bare[1:2])
    assert bare[2].split()[0] == "*"


def test_the_fit_command_takes_the_cross_validation_options(tmp_path):
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    args = fit_arguments(["--data", str(tmp_path), "--cv", "kfold", "--folds", "5", "--rule", "paired", "--grid"],
                         prog="fit_weights.py", description="", out=tmp_path / "w.yaml", options=cv_options)
    assert (args.cv, args.folds, args.seed, args.rule, args.grid) == ("kfold", 5, 0, "paired", True)
    plain = fit_arguments(["--data", str(tmp_path)], prog="fit_recognition.py", description="",
                          out=tmp_path / "r.yaml")
    assert not hasattr(plain, "cv")  # the recognition fit keeps its own options


@pytest.mark.parametrize("out", ["", "a.gold.json/w.yaml"])
def test_the_fit_command_refuses_an_out_it_cannot_write_before_fitting(tmp_path, capsys, out):
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    args = fit_arguments(["--data", str(tmp_path), "--out", str(tmp_path / out)], prog="fit_weights.py",
                         description="", out=tmp_path / "w.yaml")
    assert args is None
    assert "must be the path of a weights file" in capsys.readouterr().err
