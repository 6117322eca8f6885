"""The OpenAI-compatible engine on the seeds, replaying real traffic recorded from the embedded
model behind llama.cpp's server (`bash scripts/record-cassettes.sh` re-records)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from summarizer.models import SummaryRequest, SummaryResponse, Usage
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import RECORDING_BASE_URL, SEED_IDS, seed_text

CASSETTES = Path(__file__).resolve().parent / "cassettes"


def _openai_settings(tmp_path: Path) -> Settings:
    return Settings(
        default_engine="openai",
        openai_base_url=RECORDING_BASE_URL,
        openai_api_key="sk-recorded-never-real",  # type: ignore[arg-type]
        instructor_mode="JSON",  # llama.cpp's server takes json_object, not json_schema
        prompt_version="v2",
        load_model_at_startup=False,
        model_cache_dir=tmp_path,
    )


def _summarize(tmp_path: Path, case_id: str) -> tuple[str, SummaryResponse]:
    text = seed_text(case_id)
    service = SummaryService(_openai_settings(tmp_path))
    return text, service.summarize(SummaryRequest(text=text, engine="openai"))


def recorded_answers(request: pytest.FixtureRequest) -> tuple[list[dict[str, Any]], Usage]:
    """The model's answers in this test's cassette, in order, and their summed usage."""
    cassette = CASSETTES / request.node.module.__name__.split(".")[-1] / f"{request.node.name}.yaml"
    interactions = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]
    answers, usage = [], Usage()
    for interaction in interactions:
        completion = json.loads(interaction["response"]["body"]["string"])
        answers.append(json.loads(completion["choices"][0]["message"]["content"]))
        used = completion["usage"]
        usage = usage + Usage(
            input_tokens=used["prompt_tokens"], output_tokens=used["completion_tokens"]
        )
    return answers, usage


# what each recording holds, and what the checks made of it: the headline passed; the summary
# failed on every attempt (000: too few of the floor's facts; 003: 17,000 given without the
# intelligence officer who states it), so the extractive summary stands
REJECTED_SUMMARY_BECAUSE = {
    "000_e5a4ada6868b4a8e": "leaves out most key facts",
    "003_a749de6f848d4ae8": "'more than 17,000' is stated by A former western intelligence officer",
}


@pytest.mark.vcr
@pytest.mark.parametrize("case_id", SEED_IDS)
def test_openai_engine_summarises_a_seed_from_recorded_traffic(
    tmp_path: Path, case_id: str, request: pytest.FixtureRequest
) -> None:
    answers, usage = recorded_answers(request)
    text, response = _summarize(tmp_path, case_id)
    extractive = SummaryService(_openai_settings(tmp_path)).summarize(
        SummaryRequest(text=text, engine="extractive")
    )
    meta = response.meta
    assert (meta.engine, meta.prompt_version) == ("openai", "v2")
    assert meta.attempts == len(answers) == 3  # first answer and two re-asks, all recorded
    assert meta.usage == usage
    assert response.headline == answers[-1]["headline"]
    assert response.summary == extractive.summary
    assert any(REJECTED_SUMMARY_BECAUSE[case_id] in w for w in meta.warnings), meta.warnings
    # figures and sources come from the analyser and survive whatever the model does
    assert response.figures == extractive.figures
    assert response.sources == extractive.sources


@pytest.mark.vcr
def test_recorded_answer_is_neutral_and_grounded(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from summarizer.analysis.loaded import loaded_terms_in

    answers, _ = recorded_answers(request)
    _, response = _summarize(tmp_path, SEED_IDS[0])
    assert response.headline == answers[-1]["headline"]
    assert loaded_terms_in(response.headline, include_quoted=False) == []
    # the recorded summary says 'Putin's forces continued to shell areas packed with civilians'
    assert "Putin" in answers[-1]["summary"] and "Putin" not in response.summary
    assert loaded_terms_in(response.summary, include_quoted=False) == []
