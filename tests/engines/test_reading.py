"""Prompt v3 (the model reads): what it is asked, the answer's schema, and that an answer
naming a source the article does not give, or an event stating a number its sentences do not,
never reaches a response. Model answers come from a real OpenAI-compatible server on 127.0.0.1
(tests/support/fake_llm.py) so the whole path runs: instructor, validation, re-ask, merge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from summarizer.analysis import analyse
from summarizer.contract import DECISIONS
from summarizer.engines.base import Article
from summarizer.engines.prompt_inputs import build_prompt_inputs
from summarizer.engines.reading.answer import answer_model
from summarizer.engines.reading.inputs import NOBODY, ReadingInputs, build_reading_inputs
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support.fake_llm import fake_llm_server

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
JOB_CUTS = (SEEDS / "106_business_job_cuts" / "article.txt").read_text()
INVENTED = "Jane Invented"


def _reading(text: str, decisions: frozenset[str] = frozenset(DECISIONS)) -> ReadingInputs:
    analysis = analyse(text)
    inputs = build_prompt_inputs(Article(text=text), analysis, 20_000, [])
    return build_reading_inputs(analysis, inputs, decisions)


def _asked(reading: ReadingInputs, figure_text: str) -> str:
    return next(
        f.id
        for f in reading.figures
        if reading.analysis.figures[f.index].number.text == figure_text
    )


def _summarize(
    url: str, tmp_path: Path, answer: dict[str, Any], **settings: Any
) -> SummaryResponse:
    values: dict[str, Any] = {
        "openai_base_url": url,
        "load_model_at_startup": False,
        "llm_timeout_s": 10.0,
        "max_retries": 1,
        "model_cache_dir": tmp_path,
        "model_decisions": ["claimants", "events"],
        **settings,
    }
    service = SummaryService(Settings(**values))
    try:
        request = SummaryRequest(text=JOB_CUTS, engine="openai", prompt_version="v3")
        return service.summarize(request)
    finally:
        service.close()


def test_only_unsure_figures_are_asked_and_every_name_is_the_articles() -> None:
    reading = _reading(JOB_CUTS)
    asked = [reading.analysis.figures[f.index] for f in reading.figures]
    assert asked and all(f.attribution.ambiguous for f in asked)
    assert len(asked) < len(reading.analysis.figures)  # the sure ones are not asked
    # "the 6.1bn euros analysts had expected": two claimants in one sentence, so it is asked
    assert "6.1bn euros" in [f.number.text for f in asked]
    assert reading.names and all(name in JOB_CUTS for name in reading.names)


def test_only_the_decisions_switched_on_are_asked() -> None:
    reading = _reading(JOB_CUTS, frozenset({"headline"}))
    assert reading.figures == [] and reading.quotes == []
    fields = set(answer_model(reading).model_fields)
    assert fields == {"headline"}
    context = reading.template_context()
    assert context["asked_figures"] == [] and context["decisions"] == ["headline"]


def test_the_schema_allows_only_the_articles_names_and_one_answer_per_figure() -> None:
    reading = _reading(JOB_CUTS, frozenset({"claimants"}))
    model = answer_model(reading)
    schema = json.dumps(model.model_json_schema())
    assert INVENTED not in schema and "analysts" in schema
    right = [{"figure": f.id, "source": NOBODY} for f in reading.figures]
    model.model_validate({"claimants": right})
    with pytest.raises(ValidationError):
        model.model_validate({"claimants": [{**right[0], "source": INVENTED}, *right[1:]]})
    with pytest.raises(ValidationError):  # one answer missing
        model.model_validate({"claimants": right[1:]})


def test_a_claimant_the_model_chooses_well_is_used_with_its_provenance(tmp_path: Path) -> None:
    reading = _reading(JOB_CUTS, frozenset({"claimants"}))
    answer = {
        "claimants": [{"figure": f.id, "source": NOBODY} for f in reading.figures],
        "events": [],
    }
    expected = _asked(reading, "6.1bn euros")
    for choice in answer["claimants"]:
        if choice["figure"] == expected:
            choice["source"] = "analysts"
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, _):
        response = _summarize(url, tmp_path, answer)
    figure = next(f for f in response.figures if f.value == 6.1e9)
    assert figure.source is not None and figure.source.name == "analysts"
    assert figure.provenance == "model"
    # a figure the model was not asked about keeps the analyser's claimant
    assert any(f.provenance == "analyser" and f.source is not None for f in response.figures)


def test_an_invented_claimant_never_reaches_the_response(tmp_path: Path) -> None:
    reading = _reading(JOB_CUTS, frozenset({"claimants"}))
    answer = {"claimants": [{"figure": f.id, "source": INVENTED} for f in reading.figures]}
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, requests):
        response = _summarize(url, tmp_path, answer)
    assert len(requests) == 2  # re-asked once with the validation error, then refused
    assert INVENTED not in response.model_dump_json(exclude={"meta"})
    assert any(INVENTED in w for w in response.meta.warnings)
    assert all(f.provenance == "analyser" for f in response.figures)


def test_a_name_from_elsewhere_in_the_article_is_refused_for_a_figure(tmp_path: Path) -> None:
    """Valid for the schema (the article names her) but not near the figure."""
    reading = _reading(JOB_CUTS, frozenset({"claimants"}))
    far = "Ingrid Solberg"
    assert far in reading.names
    answer = {"claimants": [{"figure": f.id, "source": far} for f in reading.figures]}
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, _):
        response = _summarize(url, tmp_path, answer)
    asked_values = {reading.analysis.figures[f.index].number.value for f in reading.figures}
    for figure in response.figures:
        if figure.value in asked_values and figure.source is not None:
            assert figure.source.name != far
    assert any("not named near" in w for w in response.meta.warnings)


def test_an_event_stating_a_number_its_sentences_do_not_is_dropped(tmp_path: Path) -> None:
    reading = _reading(JOB_CUTS)
    first = reading.template_context()["sentences"][0]
    invented = {"description": "Norvik Telecom will cut 9,999 jobs", "sentences": [first["n"]],
                "source": "Norvik Telecom"}  # fmt: skip
    answer = {
        "claimants": [{"figure": f.id, "source": NOBODY} for f in reading.figures],
        "events": [invented],
    }
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, _):
        response = _summarize(url, tmp_path, answer)
    assert all("9,999" not in e.description for e in response.events)
    assert all(e.provenance == "analyser" for e in response.events)
    assert any("9,999" in w for w in response.meta.warnings)


def test_a_headline_that_moves_a_number_to_another_noun_is_refused(tmp_path: Path) -> None:
    """The article's 4,000 counts jobs cut; the headline gives it to antenna shutdowns."""
    assert "4,000 jobs" in JOB_CUTS
    answer = {"headline": "Regulator orders 4,000 antenna shutdowns"}
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, _):
        response = _summarize(url, tmp_path, answer, model_decisions=["headline"])
    assert response.headline != answer["headline"]
    assert any("not next to what it counts" in w for w in response.meta.warnings)


def test_nothing_unsure_means_no_model_call(tmp_path: Path) -> None:
    """Seed 105 has no figure whose claimant the analyser is unsure of: claimants alone cost
    nothing there."""
    text = (SEEDS / "105_courts_mayor_sentenced" / "article.txt").read_text()
    assert _reading(text, frozenset({"claimants"})).figures == []
    settings = Settings(openai_base_url="http://127.0.0.1:9/v1", load_model_at_startup=False,
                        model_cache_dir=tmp_path, model_decisions=["claimants"])  # fmt: skip
    service = SummaryService(settings)
    try:
        response = service.summarize(
            SummaryRequest(text=text, engine="openai", prompt_version="v3")
        )
    finally:
        service.close()
    assert response.meta.attempts == 0 and response.meta.warnings == []
    assert all(f.provenance == "analyser" for f in response.figures)


def test_a_name_of_the_same_sentence_but_another_clause_is_refused(tmp_path: Path) -> None:
    """'Revenue fell 6% to 5.8bn euros, the company said, below the 6.1bn euros analysts had
    expected': the analysts expected 6.1bn, they did not give the 6%. And 'none' does not
    erase the company the analyser found."""
    reading = _reading(JOB_CUTS, frozenset({"claimants"}))
    six, expected = _asked(reading, "6%"), _asked(reading, "5.8bn euros")
    choices = {six: "analysts", expected: NOBODY}
    answer = {
        "claimants": [
            {"figure": f.id, "source": choices.get(f.id, NOBODY)} for f in reading.figures
        ]
    }
    with fake_llm_server("json", answer=json.dumps(answer)) as (url, _):
        response = _summarize(url, tmp_path, answer)
    for value in (6, 5.8e9):
        figure = next(f for f in response.figures if f.value == value)
        assert figure.source is not None and figure.source.name != "analysts"
        assert figure.provenance == "analyser"
    assert any("not in the clause" in w for w in response.meta.warnings)
    assert any("'none' is not an answer" in w for w in response.meta.warnings)
