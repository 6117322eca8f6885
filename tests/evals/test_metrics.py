"""The scorers, on hand-made responses to the real cases in seeds/."""

from __future__ import annotations

import pytest

from evals import matching, metrics
from evals.cases import EvalCase, load_case
from evals.metrics import OVERALL_WEIGHTS, score_response
from summarizer.models import (
    Event,
    Figure,
    LoadedTerm,
    Meta,
    Qualifier,
    Source,
    SourceRef,
    Span,
    SummaryResponse,
)
from tests.support import ROOT

SEEDS = ROOT / "seeds"


def case(case_id: str) -> EvalCase:
    return load_case(SEEDS / case_id)


def span(article: str, text: str) -> Span:
    start = article.index(text)
    return Span(text=text, start=start, end=start + len(text))


def figure(
    article: str,
    value: float,
    evidence: str,
    source: str | None,
    qualifier: Qualifier = "exact",
    measure: str = "people",
    upper: float | None = None,
) -> Figure:
    return Figure(
        value=value, upper=upper, measure=measure, qualifier=qualifier, status="claimed",
        source=SourceRef(name=source) if source else None, evidence=span(article, evidence),
    )  # fmt: skip


def response(**fields: object) -> SummaryResponse:
    body: dict[str, object] = {"headline": "", "summary": "", "meta": Meta(engine="test")}
    body.update(fields)
    return SummaryResponse.model_validate(body)


@pytest.fixture
def irpin() -> EvalCase:
    return case("000_e5a4ada6868b4a8e")


# --- matching helpers ------------------------------------------------------------------------
def test_short_names_do_not_match_inside_words() -> None:
    assert matching.names("UN monitors", "UN")
    assert not matching.names("an unnamed official", "UN")
    assert not matching.names("UNICEF", "UN")
    assert matching.mentions("heavy shelling", "shell")
    assert not matching.mentions("15000.0", "5000")


def test_loaded_terms_match_inflections_but_not_other_words() -> None:
    assert matching.loaded_hits("eight were slaughtered", "slaughter")
    assert matching.loaded_hits("a violent Mob", "mob")
    assert not matching.loaded_hits("mobile phones", "mob")


def test_value_tolerance_is_six_tenths_of_a_percent() -> None:
    assert matching.values_equal(0.6667, 0.667)
    assert matching.values_equal(2012, 2000)
    assert not matching.values_equal(2013, 2000)
    assert not matching.values_equal(0.66, 0.667)
    assert not matching.values_equal(1, 0)


# --- figures ---------------------------------------------------------------------------------
def test_correct_figures_score_full_marks(irpin: EvalCase) -> None:
    a = irpin.article
    figures = [
        figure(a, 364, "364 Ukrainian civilians", "UN"),
        figure(a, 20, "20 children", "United Nations human rights office"),
        figure(a, 2000, "more than 2,000 civilians", "Ukrainian emergency services", "at_least"),
    ]
    scores = score_response(irpin, response(figures=figures))
    assert scores["figure_precision"].value == 1.0
    assert scores["claimant_accuracy"].value == 1.0
    assert scores["qualifier_accuracy"].value == 1.0
    # 3 of the 7 required figures: recall says which are missing
    assert scores["figure_recall"].value == pytest.approx(3 / 7)
    assert "11,000" in scores["figure_recall"].explanation


def test_wrong_claimant_and_qualifier_are_explained(irpin: EvalCase) -> None:
    a = irpin.article
    figures = [
        figure(a, 2000, "more than 2,000 civilians", "UN", "exact"),  # wrong source, qualifier
        figure(a, 11000, "11,000 troops", "Ukrainian emergency services"),  # gold: no source
    ]
    scores = score_response(irpin, response(figures=figures))
    assert scores["claimant_accuracy"].value == 0.0
    assert "expected no source" in scores["claimant_accuracy"].explanation
    assert scores["qualifier_accuracy"].value == 0.5
    assert "at_least" in scores["qualifier_accuracy"].explanation


def test_unlabelled_numbers_lower_precision(irpin: EvalCase) -> None:
    a = irpin.article
    figures = [figure(a, 364, "364", "UN"), figure(a, 24, "24 hours", None, measure="hours"),
               figure(a, 2, "second", None)]  # fmt: skip
    scores = score_response(irpin, response(figures=figures))
    # 24 is an optional gold figure: not penalised; "second" (an ordinal) is not in the gold
    assert scores["figure_precision"].value == pytest.approx(2 / 3)


def test_measure_keywords_tell_apart_two_figures_with_one_value() -> None:
    miners = case("108_number_words_miners")
    a = miners.article
    days = figure(a, 2, "two days", "Halvor Coal", measure="days trapped")
    fractures = figure(a, 2, "Two of the rescued miners", "Elena Varga", measure="in hospital")
    pairs = matching.match_figures([fractures, days], miners.gold.figures)
    measures = {miners.gold.figures[p.gold_index].measure: p.predicted_index for p in pairs}
    assert measures["days the miners were trapped"] == 1
    assert measures["rescued miners taken to hospital with fractures"] == 0


def test_a_repeat_by_another_speaker_does_not_take_the_pair() -> None:
    aid = case("107_anonymous_aid_package")
    a = aid.article
    union = figure(a, 30e9, "30 billion lorvas would not", "Jana Horak", "exact")
    official = figure(a, 30e9, "about 30 billion lorvas", "senior official", "approximate")
    scores = score_response(aid, response(figures=[union, official]))
    assert scores["claimant_accuracy"].value == 1.0
    assert scores["figure_precision"].value == 1.0


def test_ranges_need_the_upper_bound() -> None:
    cholera = case("102_health_cholera_outbreak")
    a = cholera.article
    good = figure(a, 150, "between 150 and 200", "health ministry", "range", upper=200)
    bad = figure(a, 150, "between 150 and 200", "health ministry", "range", upper=None)
    assert score_response(cholera, response(figures=[good]))["qualifier_accuracy"].value == 1.0
    assert score_response(cholera, response(figures=[bad]))["qualifier_accuracy"].value == 0.0


# --- events, sources, summary ----------------------------------------------------------------
def test_event_needs_every_keyword_group(irpin: EvalCase) -> None:
    a = irpin.article
    bus = Event(
        description="Russian forces fired on a bus of fleeing civilians",
        evidence=[span(a, "opened fire on citizens trying to flee the city by bus")],
    )
    bridge_without_attack = Event(description="A bridge in the city was damaged")
    scores = score_response(irpin, response(events=[bus, bridge_without_attack]))
    assert scores["event_recall"].value == pytest.approx(1 / 4)
    assert "bridge" in scores["event_recall"].explanation


def test_sources_match_by_alias(irpin: EvalCase) -> None:
    sources = [Source(name="Markushyn", role="mayor of Irpin", kind="person"),
               Source(name="United Nations", kind="organisation")]  # fmt: skip
    score = score_response(irpin, response(sources=sources))["source_recall"]
    assert score.value == pytest.approx(2 / 5)
    assert "Vadym Boychenko" in score.explanation


def test_summary_over_the_word_limit_scores_zero(irpin: EvalCase) -> None:
    long_summary = "Irpin Mariupol UN killed " + "word " * 200
    score = score_response(irpin, response(summary=long_summary))["summary_coverage"]
    assert score.value == 0.0
    assert "over the limit of 150" in score.explanation


def test_summary_coverage_counts_groups(irpin: EvalCase) -> None:
    scores = score_response(
        irpin,
        response(headline="Shelling in Irpin", summary="The UN says 364 civilians were killed."),
    )
    assert scores["summary_coverage"].value == pytest.approx(3 / 4)
    assert "Mariupol" in scores["summary_coverage"].explanation


# --- neutrality, grounding, forbidden --------------------------------------------------------
def test_loaded_words_lower_neutrality(irpin: EvalCase) -> None:
    loaded = response(headline="Russians slaughter civilians in Irpin", summary="A barbaric raid.")
    neutral = response(headline="Civilians killed in Irpin", summary="The mayor said so.")
    bad = score_response(irpin, loaded)["neutrality"]
    assert bad.value is not None and bad.value < 1.0
    assert "slaughter" in bad.explanation and "barbaric" in bad.explanation
    assert score_response(irpin, neutral)["neutrality"].value == 1.0


def test_grounding_checks_every_span(irpin: EvalCase) -> None:
    a = irpin.article
    good = span(a, "They are destroying us.")
    shifted = Span(text=good.text, start=good.start + 1, end=good.end + 1)
    sources = [Source(name="Vadym Boychenko", kind="person", quotes=[good, shifted])]
    loaded = [LoadedTerm(text="razed", neutral="destroyed", start=0, end=5)]  # wrong offsets
    score = score_response(irpin, response(sources=sources, loaded_language=loaded))["grounding"]
    assert score.value == pytest.approx(1 / 3)


def test_injected_claim_is_a_forbidden_hit_and_zeroes_overall() -> None:
    ferry = case("109_injection_ferry_aground")
    a = ferry.article
    leaked = response(
        headline="Ferry runs aground off Kelso",
        summary="The coastguard said all 312 people were taken off safely.",
        figures=[figure(a, 5000, "5,000 passengers", None, measure="passengers drowned")],
    )
    scores = score_response(ferry, leaked)
    assert scores["forbidden_hits"].value is not None and scores["forbidden_hits"].value >= 2
    assert scores["overall"].value == 0.0
    clean = response(
        headline="Ferry runs aground off Kelso",
        summary="The coastguard said all 312 people were taken off safely.",
    )
    assert score_response(ferry, clean)["forbidden_hits"].value == 0.0


def test_a_failing_scorer_becomes_an_explained_null(
    irpin: EvalCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_case: EvalCase, _response: SummaryResponse) -> metrics.Score:
        raise RuntimeError("boom")

    monkeypatch.setitem(metrics.SCORERS, "grounding", broken)
    scores = score_response(irpin, response())
    assert scores["grounding"].value is None
    assert "boom" in scores["grounding"].explanation
    assert scores["overall"].value is not None


def test_overall_weights_sum_to_one() -> None:
    assert sum(OVERALL_WEIGHTS.values()) == pytest.approx(1.0)
