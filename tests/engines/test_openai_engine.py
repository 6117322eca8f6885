"""The OpenAI-compatible engine on the seeds, replaying real traffic recorded from the embedded
model behind llama.cpp's server (`bash scripts/record-cassettes.sh` re-records)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer.models import SummaryRequest, SummaryResponse, Usage
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import RECORDING_BASE_URL, SEED_IDS, seed_text


def _openai_settings(tmp_path: Path) -> Settings:
    return Settings(
        default_engine="openai",
        openai_base_url=RECORDING_BASE_URL,
        openai_api_key="sk-recorded-never-real",  # type: ignore[arg-type]
        instructor_mode="JSON",  # llama.cpp's server takes json_object, not json_schema
        prompt_version="v2",
        load_model_at_startup=False,
        model_cache_dir=tmp_path,
        # a budget no recording exhausts on a slow server: the replay then makes exactly the
        # calls the recording made (a deadline hit while recording would skip a re-ask that a
        # fast replay makes, and the replay would ask for an unrecorded request)
        llm_timeout_s=900,
        request_timeout_s=900,
    )


def _summarize(tmp_path: Path, case_id: str) -> tuple[str, SummaryResponse]:
    text = seed_text(case_id)
    service = SummaryService(_openai_settings(tmp_path))
    return text, service.summarize(SummaryRequest(text=text, engine="openai"))


_COMPLETED_FIELD = re.compile(r'"(headline|summary)"\s*:\s*("(?:[^"\\]|\\.)*")')


def recorded_answers(cassette: Any) -> tuple[list[dict[str, Any]], Usage]:
    """The model's answers in this test's cassette (pytest-recording's `vcr` fixture), in order,
    and their summed usage. Read after the calls, so recording and replaying check the same."""
    answers, usage = [], Usage()
    for response in cassette.responses:
        body = response["body"]["string"]
        completion = json.loads(body.decode() if isinstance(body, bytes) else body)
        content = completion["choices"][0]["message"]["content"]
        try:
            answers.append(json.loads(content))
        except json.JSONDecodeError:  # cut at the token cap: the string fields it completed
            answers.append({k: json.loads(v) for k, v in _COMPLETED_FIELD.findall(content)})
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
    "003_a749de6f848d4ae8": "17,000' is stated by A former western intelligence officer",
}


@pytest.mark.vcr
@pytest.mark.parametrize("case_id", SEED_IDS)
def test_openai_engine_summarises_a_seed_from_recorded_traffic(
    tmp_path: Path, case_id: str, vcr: Any
) -> None:
    text, response = _summarize(tmp_path, case_id)
    answers, usage = recorded_answers(vcr)
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
def test_recorded_answer_is_neutral_and_grounded(tmp_path: Path, vcr: Any) -> None:
    from summarizer.analysis.loaded import loaded_terms_in

    text, response = _summarize(tmp_path, SEED_IDS[0])
    answers, _ = recorded_answers(vcr)
    assert response.headline == answers[-1]["headline"]
    assert loaded_terms_in(response.headline, include_quoted=False) == []
    # the recorded summary was refused (too few of the floor's facts): the brief's summary is the
    # extractive one, neutral, and every span the response carries is the article's own text
    assert response.summary != answers[-1]["summary"]
    assert loaded_terms_in(response.summary, include_quoted=False) == []
    spans = [f.evidence for f in response.figures]
    spans += [q for src in response.sources for q in src.quotes]
    spans += [e for ev in response.events for e in ev.evidence]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)


V3_CASES = [*SEED_IDS, "106_business_job_cuts"]


@pytest.mark.vcr
@pytest.mark.parametrize("case_id", V3_CASES)
def test_prompt_v3_reading_from_recorded_traffic(tmp_path: Path, case_id: str, vcr: Any) -> None:
    """Prompt v3 with every decision on (the openai default), recorded from the 1.5B model: what
    it proposes reaches the response only where the checks hold, and the rest stays the
    analyser's, marked as such."""
    text = seed_text(case_id)
    settings = _openai_settings(tmp_path).model_copy(update={"prompt_version": "v3"})
    service = SummaryService(settings)
    response = service.summarize(SummaryRequest(text=text, engine="openai"))
    answers, usage = recorded_answers(vcr)
    extractive = service.summarize(SummaryRequest(text=text, engine="extractive"))
    meta = response.meta
    assert (meta.prompt_version, meta.attempts, meta.usage) == ("v3", len(answers), usage)
    last = answers[-1]
    assert response.headline in (last.get("headline"), extractive.headline)
    if response.headline != last.get("headline"):
        assert any(w.startswith("model headline not used") for w in meta.warnings)
    # claimants the model chose are names of this article; everything else is the analyser's
    for figure in response.figures:
        if figure.provenance == "model" and figure.source is not None:
            assert figure.source.name in text
    assert [f.value for f in response.figures] == [f.value for f in extractive.figures]
    for event in response.events:
        assert all(text[s.start : s.end] == s.text for s in event.evidence)
    proposed = len(last.get("events") or [])
    used = sum(e.provenance == "model" for e in response.events)
    refused = sum(w.startswith("model event not used") for w in meta.warnings)
    assert used + refused <= proposed
