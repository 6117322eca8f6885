"""The deterministic checks a model's summary must pass (they drive instructor's re-asks)."""

from __future__ import annotations

from summarizer.analysis import analyse
from summarizer.checks.attribution import changed_qualifiers, misattributed_figures
from summarizer.checks.coverage import main_places, missing_places, one_sided_disputes
from summarizer.checks.draft import headline_problems, summary_problems, validation_context
from tests.support import SEED_IDS, seed_text

ARTICLE_000 = seed_text(SEED_IDS[0])
ANALYSIS_000 = analyse(ARTICLE_000)
ARTICLE_003 = seed_text(SEED_IDS[1])
ANALYSIS_003 = analyse(ARTICLE_003)


def test_a_figure_given_to_the_wrong_source_is_caught() -> None:
    wrong = "More than 2,000 civilians have died, according to the mayor of Irpin."
    problems = misattributed_figures(ANALYSIS_000, wrong)
    assert problems and "emergency services" in problems[0]
    right = "More than 2,000 civilians have died, Ukraine's emergency services say."
    assert misattributed_figures(ANALYSIS_000, right) == []


def test_a_figure_from_an_anonymous_source_needs_that_source() -> None:
    assert misattributed_figures(ANALYSIS_003, "Russia has lost more than 17,000 troops.")
    assert not misattributed_figures(
        ANALYSIS_003, "A former intelligence officer put Russian losses at more than 17,000."
    )


def test_a_flipped_bound_is_caught_and_the_article_wording_passes() -> None:
    assert changed_qualifiers(ANALYSIS_003, "At least 300 people were killed in Irpin.")
    assert changed_qualifiers(ANALYSIS_003, "As many as 300 people were killed in Irpin.") == []


def test_a_dispute_must_be_reported_from_both_sides() -> None:
    one_side = "The UN says 364 civilians have been confirmed killed."
    problems = one_sided_disputes(one_side, ANALYSIS_000)
    assert problems and "2,000" in problems[0]
    both = "The UN says 364 civilians were killed; emergency services say more than 2,000."
    assert one_sided_disputes(both, ANALYSIS_000) == []


def test_the_main_place_must_be_named() -> None:
    places = main_places(ANALYSIS_000)
    assert "Irpin" in places
    assert missing_places("Eight people were killed when forces fired on a bus.", places)
    named = "In Irpin, Ukraine, eight people were killed."
    assert missing_places(named, places) == []


def test_summary_and_headline_problems_combine_every_check() -> None:
    context = validation_context(ARTICLE_000, ANALYSIS_000, len(ANALYSIS_000.sentences))
    bad = "Russian forces slaughtered 5,000 people in Irpin, Ukraine. The UN says 364 were killed."
    problems = " | ".join(summary_problems(bad, context))
    assert "slaughtered" in problems and "5,000" in problems and "2,000" in problems
    assert headline_problems("Barbaric attack", context)  # too short and loaded
    assert headline_problems("Civilians killed as forces shell Irpin and Mariupol", context) == []


def test_a_claimant_the_article_never_names_is_caught() -> None:
    from summarizer.checks.attribution import unknown_sources

    assert unknown_sources(ARTICLE_003, "The UN says 300 people were killed in Irpin.")
    assert unknown_sources(ARTICLE_000, "Mayor Oleksandr Markushin said eight died.") == []
    assert unknown_sources(ARTICLE_000, "According to Lyudmyla Denisova, 364 died.")


def test_a_summary_that_drops_most_facts_of_the_floor_is_caught() -> None:
    from summarizer.checks.coverage import lost_facts

    floor = (
        "The UN says 364 civilians were killed in Irpin and Mariupol. Emergency services "
        "say more than 2,000 died. Mayor Oleksandr Markushin said eight people were killed."
    )
    assert lost_facts("Civilians were killed in the war, officials said.", floor)
    assert (
        lost_facts(
            "In Irpin and Mariupol 364 died, the UN says; the emergency services say "
            "more than 2,000.",
            floor,
        )
        == []
    )
