"""The embedded model for real (slow: about 15-30 s a seed on 2 cores), and the model store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer.analysis.loaded import loaded_terms_in
from summarizer.engines.local import model_store
from summarizer.errors import EngineUnavailable
from summarizer.models import SummaryRequest
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text


@pytest.fixture(scope="module")
def local_service() -> SummaryService:
    settings = Settings(load_model_at_startup=False)  # type: ignore[call-arg]
    service = SummaryService(settings)
    service.warm_up()  # loads the packaged model once for the module
    return service


@pytest.mark.slow
@pytest.mark.parametrize("case_id", SEED_IDS)
def test_local_engine_summarises_a_seed(local_service: SummaryService, case_id: str) -> None:
    text = seed_text(case_id)
    response = local_service.summarize(SummaryRequest(text=text, engine="local"))
    extractive = local_service.summarize(SummaryRequest(text=text, engine="extractive"))
    meta = response.meta
    assert meta.engine == "local" and meta.model == model_store.PACKAGED_MODEL_NAME
    assert meta.prompt_version == local_service.settings.prompt_version
    assert 1 <= meta.attempts <= 1 + local_service.settings.local_max_retries
    assert meta.usage.input_tokens > 300 and 0 < meta.usage.output_tokens <= 400
    assert loaded_terms_in(response.headline, include_quoted=False) == []
    assert loaded_terms_in(response.summary, include_quoted=False) == []
    # never below extractive: the deterministic findings all survive
    assert [f.value for f in response.figures] == [f.value for f in extractive.figures]
    assert {s.name for s in response.sources} == {s.name for s in extractive.sources}
    for figure in response.figures:
        assert text[figure.evidence.start : figure.evidence.end] == figure.evidence.text


@pytest.mark.slow
def test_readyz_turns_ready_once_the_model_is_loaded(local_service: SummaryService) -> None:
    assert local_service.readiness()["local"] is True


def test_assembly_rejects_chunks_that_do_not_hash_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = []
    for index in range(3):
        part = tmp_path / f"part{index:02d}.bin"
        part.write_bytes(bytes([index]) * 1000)
        parts.append(part)
    monkeypatch.setattr(model_store, "part_paths", lambda: parts)
    with pytest.raises(EngineUnavailable, match="does not match"):
        model_store.assemble(tmp_path / "cache")
    # nothing half-written is left for a later start to trust
    assert not list((tmp_path / "cache").glob("*.gguf"))


def test_assembly_accepts_chunks_with_the_recorded_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    parts = [tmp_path / "a.bin", tmp_path / "b.bin"]
    parts[0].write_bytes(b"GGUF-head")
    parts[1].write_bytes(b"-tail")
    whole = b"GGUF-head-tail"
    monkeypatch.setattr(model_store, "part_paths", lambda: parts)
    monkeypatch.setattr(model_store, "PACKAGED_MODEL_SIZE", len(whole))
    monkeypatch.setattr(model_store, "PACKAGED_MODEL_SHA256", hashlib.sha256(whole).hexdigest())
    path = model_store.assemble(tmp_path / "cache")
    assert path.read_bytes() == whole
    assert model_store.assemble(tmp_path / "cache") == path  # second start: no re-assembly


def test_a_missing_gguf_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable, match="SUMMARIZER_MODEL_PATH"):
        model_store.resolve_model(tmp_path / "nope.gguf", tmp_path)


def test_llama_cpp_gets_its_own_spelling_of_a_json_schema_answer() -> None:
    from summarizer.engines.local.chat import llama_response_format

    schema = {"type": "object", "properties": {"headline": {"type": "string"}}}
    requested = {"type": "json_schema", "json_schema": {"name": "Draft", "schema": schema}}
    assert llama_response_format(requested) == {"type": "json_object", "schema": schema}
    assert llama_response_format({"type": "json_object"}) == {"type": "json_object"}
    assert llama_response_format(None) is None


class _CountingLlama:
    """Records the chunks `eval` receives; each one takes `seconds`."""

    def __init__(self, cached: list[int], seconds: float = 0.0) -> None:
        self.input_ids = [*cached, 0, 0]
        self.n_tokens = len(cached)
        self.seconds = seconds
        self.evaluated: list[list[int]] = []

    def eval(self, tokens: list[int]) -> None:
        import time

        time.sleep(self.seconds)
        self.evaluated.append(list(tokens))
        self.n_tokens += len(tokens)


def _chat_on(llama: object, chunk: int) -> Any:
    from summarizer.engines.local.chat import DeadlineChat

    return DeadlineChat(llama, chunk, formatter=object())  # the prefill needs no template


def test_prefill_reuses_the_cached_prefix_and_leaves_the_last_token() -> None:
    import time

    from summarizer.engines.local.chat import _Deadline

    llama = _CountingLlama(cached=[1, 2, 3, 9])
    chat = _chat_on(llama, chunk=2)
    assert chat._prefill([1, 2, 3, 4, 5, 6, 7], _Deadline(time.monotonic() + 60))
    # 1, 2, 3 were cached; 4..6 evaluated two at a time; 7 is left for the completion call
    assert llama.evaluated == [[4, 5], [6]]


def test_prefill_stops_between_chunks_once_the_deadline_passes() -> None:
    import time

    from summarizer.engines.local.chat import _Deadline

    llama = _CountingLlama(cached=[], seconds=0.05)
    chat = _chat_on(llama, chunk=4)
    started = time.monotonic()
    assert not chat._prefill(list(range(400)), _Deadline(time.monotonic() + 0.12))
    assert len(llama.evaluated) < 5 and time.monotonic() - started < 0.5


def test_the_deadline_criterion_only_says_stop_it_never_touches_logits() -> None:
    import time

    import numpy as np

    from summarizer.engines.local.chat import _Deadline

    logits = np.array([1.0, 5.0, -2.0])
    running = _Deadline(time.monotonic() + 60)
    assert running([1, 2], logits) is False and not running.fired
    passed = _Deadline(time.monotonic() - 1)
    assert passed([1, 2], logits) is True and passed.fired
    assert list(logits) == [1.0, 5.0, -2.0]
