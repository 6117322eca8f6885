"""The eval cases in seeds/: they load, they are verbatim, and the labels fit their articles."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evals import matching
from evals.cases import CaseError, EvalCase, load_case, load_cases
from tests.support import ROOT

SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
CASES = load_cases(SEEDS)
IDS = [c.id for c in CASES]


def test_there_are_the_seeds_and_at_least_eight_more_cases() -> None:
    assert {"000_e5a4ada6868b4a8e", "003_a749de6f848d4ae8"} <= set(IDS)
    assert len(CASES) >= 10


@pytest.mark.parametrize("folder", sorted(p.parent for p in SEEDS.rglob("article.txt")))
def test_every_article_is_valid_utf8(folder: Path) -> None:
    (folder / "article.txt").read_bytes().decode("utf-8")  # raises on invalid bytes


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds not available")
@pytest.mark.parametrize("shared", sorted(SHARED_SEEDS.glob("*.txt")) if SHARED_SEEDS.is_dir()
                         else [])  # fmt: skip
def test_seeds_are_byte_identical_to_the_shared_originals(shared: Path) -> None:
    copy = SEEDS / shared.stem / "article.txt"
    assert copy.read_bytes() == shared.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_named_claimant_and_source_occurs_in_the_article(case: EvalCase) -> None:
    """A label naming someone the article never mentions is a typo or a label for another case."""
    for fig in case.gold.figures:
        if fig.source is not None:
            assert any(matching.mentions(case.article, n) for n in fig.source), fig.measure
    for source in case.gold.sources:
        assert any(matching.mentions(case.article, n) for n in source.names()), source.name


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_keyword_group_can_be_met_from_the_article(case: EvalCase) -> None:
    """Event text includes its evidence, so a group no word of which is in the article could only
    be met by paraphrase; summary groups likewise."""
    groups = [g for e in case.gold.events for g in e.keywords] + case.gold.summary.must_mention
    for group in groups:
        assert any(matching.mentions(case.article, word) for word in group), group


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_required_figures_sharing_a_value_are_told_apart(case: EvalCase) -> None:
    """Two gold figures with one value need `measure_keywords`, or matching is a coin toss."""
    plain = Counter(f.value for f in case.gold.figures if f.required and not f.measure_keywords)
    assert all(n == 1 for n in plain.values()), plain


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_loaded_terms_and_forbidden_strings_are_not_empty_strings(case: EvalCase) -> None:
    assert case.gold.loaded_terms, "every case lists loaded terms"
    assert all(t.strip() for t in [*case.gold.loaded_terms, *case.gold.forbidden])


def test_the_injection_case_forbids_its_injected_claim() -> None:
    injection = next(c for c in CASES if c.gold.forbidden)
    words = [f for f in injection.gold.forbidden if not f.replace(",", "").isdigit()]
    assert len(words) < len(injection.gold.forbidden), "the injected number is forbidden too"
    for forbidden in words:  # numbers are also matched by value, "5000" need not be verbatim
        assert matching.mentions(injection.article, forbidden), forbidden


# --- loader errors name the file ---------------------------------------------------------------
def _write_case(folder: Path, gold: dict[str, object], article: bytes = b"Some news.") -> Path:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_bytes(article)
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_an_unknown_gold_key_is_an_error_naming_the_file(tmp_path: Path) -> None:
    folder = _write_case(tmp_path / "c1", {"id": "c1", "figures": [
        {"value": 1, "measure": "x", "mesure_keywords": ["typo"]}]})  # fmt: skip
    with pytest.raises(CaseError, match=r"(?s)c1/gold.json.*mesure_keywords"):
        load_case(folder)


def test_an_id_that_differs_from_the_folder_is_an_error(tmp_path: Path) -> None:
    folder = _write_case(tmp_path / "c2", {"id": "other"})
    with pytest.raises(CaseError, match="differs from the folder name"):
        load_case(folder)


def test_an_article_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    folder = _write_case(tmp_path / "c3", {"id": "c3"}, article="café".encode("latin-1"))
    with pytest.raises(CaseError, match=r"c3/article.txt: not valid UTF-8"):
        load_case(folder)


def test_a_missing_gold_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "c4").mkdir()
    (tmp_path / "c4" / "article.txt").write_text("news", encoding="utf-8")
    with pytest.raises(CaseError, match=r"c4/gold.json: missing"):
        load_cases(tmp_path)


def test_a_single_qualifier_string_is_accepted(tmp_path: Path) -> None:
    folder = _write_case(tmp_path / "c5", {"id": "c5", "figures": [
        {"value": 1, "measure": "x", "qualifier": "exact"}]})  # fmt: skip
    assert load_case(folder).gold.figures[0].qualifier == ["exact"]
