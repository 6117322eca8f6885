"""The pipeline, in the order it runs: analyse (deterministic) -> generate (an engine) ->
verify and ground (deterministic) -> respond. Nothing here knows about HTTP."""

from __future__ import annotations

import time

from summarizer.analysis import analyse
from summarizer.engines.base import Article, Engine
from summarizer.engines.prompting import PromptTemplate
from summarizer.models import Meta, SummaryResponse
from summarizer.verify import verify_body


def run_pipeline(
    article: Article,
    engine: Engine,
    prompt: PromptTemplate | None,
    deadline: float | None = None,
) -> SummaryResponse:
    """`deadline` (time.monotonic() seconds): when the engine must have answered."""
    started = time.perf_counter()
    analysis = analyse(article.text)
    result = engine.generate(
        article, analysis, prompt if engine.capabilities.prompt else None, deadline=deadline
    )
    body, verify_warnings = verify_body(article.text, result.body, analysis)
    meta = Meta(
        engine=engine.name,
        model=result.model,
        prompt_version=prompt.version if (prompt and engine.capabilities.prompt) else None,
        latency_ms=round((time.perf_counter() - started) * 1000),
        usage=result.usage,
        attempts=result.attempts,
        warnings=[*result.warnings, *verify_warnings],
    )
    return SummaryResponse(**body.model_dump(), meta=meta)
