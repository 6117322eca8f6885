"""The OpenAI-compatible engine on the seeds, replaying real traffic recorded from the embedded
model behind llama.cpp's server (`bash scripts/record-cassettes.sh` re-records)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.conftest import RECORDING_BASE_URL, SEED_IDS, seed_text


def _openai_settings(tmp_path: Path) -> Settings:
    return Settings(
        default_engine="openai",
        openai_base_url=RECORDING_BASE_URL,
        openai_api_key="sk-recorded-never-real",  # type: ignore[arg-type]
        instructor_mode="JSON",  # llama.cpp's server takes json_object, not json_schema
        prompt_version="v2",
        load_model_at_startup=False,
        model_cache_dir=tmp_path,
        _env_file=None,  # type: ignore[call-arg]
    )


def _summarize(tmp_path: Path, case_id: str) -> tuple[str, SummaryResponse]:
    text = seed_text(case_id)
    service = SummaryService(_openai_settings(tmp_path))
    return text, service.summarize(SummaryRequest(text=text, engine="openai"))


@pytest.mark.vcr
@pytest.mark.parametrize("case_id", SEED_IDS)
def test_openai_engine_summarises_a_seed_from_recorded_traffic(
    tmp_path: Path, case_id: str
) -> None:
    text, response = _summarize(tmp_path, case_id)
    meta = response.meta
    assert meta.engine == "openai" and meta.prompt_version == "v2"
    assert meta.attempts >= 1
    assert meta.usage.input_tokens > 200 and meta.usage.output_tokens > 20
    extractive = SummaryService(_openai_settings(tmp_path)).summarize(
        SummaryRequest(text=text, engine="extractive")
    )
    # the model wrote the summary unless its answer failed the checks, and then it says so
    model_wrote = response.summary != extractive.summary
    assert model_wrote or any("not used" in w for w in meta.warnings)
    # figures and sources come from the analyser and survive whatever the model does
    assert [f.value for f in response.figures] == [f.value for f in extractive.figures]
    for figure in response.figures:
        assert text[figure.evidence.start : figure.evidence.end] == figure.evidence.text


@pytest.mark.vcr
def test_recorded_answer_is_neutral_and_grounded(tmp_path: Path) -> None:
    from summarizer.analysis.loaded import loaded_terms_in

    _, response = _summarize(tmp_path, SEED_IDS[0])
    assert loaded_terms_in(response.headline, include_quoted=False) == []
    assert loaded_terms_in(response.summary, include_quoted=False) == []
    assert (
        "364" in response.summary
        or "2,000" in response.summary
        or any("not used" in w for w in response.meta.warnings)
    )
