"""The one prompt code path for every model-based engine.

A backend (OpenAI-compatible HTTP or in-process llama.cpp) supplies a chat-completion function
returning OpenAI-shaped completions; this module renders the prompt, calls it through
instructor (validation re-asks), meters every attempt (usage, failed ones included), enforces one
total deadline, and merges what passed into the extractive body.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import instructor
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError

from summarizer.analysis.types import Analysis
from summarizer.engines.base import MODEL_ENGINE, Article, EngineResult
from summarizer.engines.extractive import build_body
from summarizer.engines.prompt_inputs import build_prompt_inputs
from summarizer.engines.prompting import PromptTemplate
from summarizer.engines.tasks import Task, build_task
from summarizer.errors import (
    EngineOutputInvalid,
    EngineTimeout,
    ModelDeadlineReached,
    SummarizerError,
)
from summarizer.models import Usage
from summarizer.settings import Settings

# instructor logs every failed validation at ERROR with the whole answer; here a failed check is
# an expected outcome that ends in a re-ask or a field-by-field fallback reported in meta.warnings
logging.getLogger("instructor").setLevel(logging.CRITICAL)
_log = logging.getLogger("summarizer.engines")
# time kept after the model for verify and respond, out of a request's deadline
_RESPOND_MARGIN_S = 0.5


class ChatBackend(Protocol):
    """Turns chat messages into an OpenAI-shaped ChatCompletion; raises SummarizerError leaves."""

    engine_name: str
    # prompt size the backend can take, in characters of article text
    max_article_chars: int

    def create(self, *, timeout: float, **kwargs: Any) -> Any: ...

    def model_name(self) -> str: ...

    def is_ready(self) -> bool: ...


@dataclass
class _Meter:
    """Wraps a backend call: counts attempts, sums usage, keeps the last text, keeps time."""

    backend: ChatBackend
    deadline: float
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    last_text: str | None = None

    def __call__(self, **kwargs: Any) -> Any:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0.5:
            raise EngineTimeout(
                f"engine '{self.backend.engine_name}' ran out of time after "
                f"{self.attempts} attempt(s)",
                engine=self.backend.engine_name,
                attempts=self.attempts,
            )
        kwargs.pop("timeout", None)
        self.attempts += 1
        try:
            completion = self.backend.create(timeout=remaining, **kwargs)
        except ModelDeadlineReached as exc:  # stopped mid-answer: keep what it wrote
            self.usage = self.usage + exc.usage
            self.last_text = exc.partial_text
            raise
        self.usage = self.usage + _usage_of(completion)
        self.last_text = _text_of(completion)
        return completion


class LLMEngine:
    """An Engine backed by a chat model; the adapters differ only in their backend."""

    capabilities = MODEL_ENGINE

    def __init__(
        self,
        name: str,
        backend: ChatBackend,
        settings: Settings,
        mode: str | None = None,
        *,
        fallback_on_garbage: bool = False,
        max_retries: int | None = None,
        max_output_tokens: int | None = None,
        decisions: frozenset[str] | None = None,
    ) -> None:
        self.name = name
        # what the model is asked for with prompt v3 (the analyser decides the rest)
        self.decisions = decisions if decisions is not None else frozenset(settings.model_decisions)
        # True: an answer that is not JSON at all yields the extractive result with a warning
        # (the embedded default must never do worse than extractive); False: a 502, so a
        # client of a remote API learns that its model is misbehaving
        self.fallback_on_garbage = fallback_on_garbage
        self.max_retries = settings.max_retries if max_retries is None else max_retries
        self.max_output_tokens = max_output_tokens or settings.max_output_tokens
        self.backend = backend
        self.settings = settings
        self.mode = instructor.Mode[mode or settings.instructor_mode]

    def is_ready(self) -> bool:
        return self.backend.is_ready()

    def model_name(self) -> str | None:
        return self.backend.model_name()

    def close(self) -> None:
        return None

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult:
        if prompt is None:
            raise ValueError(f"engine '{self.name}' needs a prompt template")
        base = build_body(article, analysis)
        inputs = build_prompt_inputs(
            article, analysis, self.backend.max_article_chars, [d.note for d in base.disputes]
        )
        task = build_task(prompt.response, article, analysis, base, inputs, self.decisions)
        # the model gets its own budget, cut short by the request's deadline (minus a margin for
        # verifying and responding) so a client's timeout also stops the model
        model_deadline = time.monotonic() + self.settings.llm_timeout_s
        if deadline is not None:
            model_deadline = min(model_deadline, deadline - _RESPOND_MARGIN_S)
        meter = _Meter(self.backend, model_deadline)
        if not task.response_model.model_fields:  # nothing the analyser is unsure of was asked
            return EngineResult(body=base, model=self.backend.model_name(), usage=meter.usage,
                                attempts=0, warnings=[])  # fmt: skip
        answer, warnings = self._ask(prompt, task, meter)
        body, merge_warnings = (base, []) if answer is None else task.merge(answer)
        return EngineResult(
            body=body,
            model=self.backend.model_name(),
            usage=meter.usage,
            attempts=meter.attempts,
            warnings=[*warnings, *merge_warnings],
        )

    def _ask(self, prompt: PromptTemplate, task: Task, meter: _Meter) -> tuple[Any, list[str]]:
        create: Callable[..., Any] = instructor.patch(create=meter, mode=self.mode)
        try:
            answer = create(
                response_model=task.response_model,
                messages=prompt.render(**task.template_context),
                context=task.validation_context,
                max_retries=self.max_retries,
                max_tokens=self.max_output_tokens,
                temperature=self.settings.temperature,
                model=self.backend.model_name(),
            )
            return answer, []
        except EngineTimeout as exc:
            return self._after_timeout(exc, meter, task)
        except (InstructorRetryException, IncompleteOutputException) as exc:
            if isinstance(exc.__cause__, EngineTimeout):
                return self._after_timeout(exc.__cause__, meter, task)
            # IncompleteOutputException: the answer hit max_tokens; it is not re-asked by
            # instructor, and what was written may still hold a usable headline
            return self._after_failed_retries(exc, meter, task)

    def _after_timeout(
        self, exc: EngineTimeout, meter: _Meter, task: Task
    ) -> tuple[Any, list[str]]:
        """Out of time: a remote engine answers 504; the embedded one keeps whatever whole
        fields the model wrote before its deadline, else the extractive result."""
        if not self.fallback_on_garbage:
            raise exc
        loose = task.loose(meter.last_text)
        kept = (
            "the fields it completed were checked and used"
            if loose
            else ("the extractive result was used")
        )
        limit = f"SUMMARIZER_LLM_TIMEOUT_S={self.settings.llm_timeout_s:g} s"
        return loose, [f"{self.name}: {exc.detail} ({limit}); {kept}"]

    def _after_failed_retries(
        self,
        exc: InstructorRetryException | IncompleteOutputException,
        meter: _Meter,
        task: Task,
    ) -> tuple[Any, list[str]]:
        cause = exc.__cause__
        if isinstance(cause, SummarizerError):  # transport failure: no draft at all
            raise cause
        loose = task.loose(meter.last_text)
        if loose is None and self.fallback_on_garbage:
            return None, [
                f"{self.name}: no usable answer in {meter.attempts} attempt(s) "
                f"({type(exc).__name__}); extractive result used"
            ]
        if loose is None:
            _log.warning("engine '%s' gave no usable JSON: %s", self.name, exc)
            raise EngineOutputInvalid(
                f"engine '{self.name}' returned no usable JSON in {meter.attempts} attempt(s) "
                f"({failure_reason(exc)})",
                engine=self.name,
                attempts=meter.attempts,
                last_completion=meter.last_text,
                usage=meter.usage,
            ) from exc
        # the answer parses but some field failed its checks: the merge step keeps only the
        # fields that pass (its warnings say which failed and why) and the extractive rest
        return loose, [
            f"{self.name}: model output failed its checks after "
            f"{meter.attempts} attempt(s); used field by field"
        ]


def failure_reason(exc: BaseException) -> str:
    """Why the last attempt failed, for a client: the error's kind and, for a validation error,
    the fields and messages, never the model's answer (instructor's message embeds every failed
    completion; the log keeps it)."""
    cause: BaseException = exc.__cause__ or exc
    if isinstance(cause, ValidationError):
        fields = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'answer'}: {error['msg']}"
            for error in cause.errors(include_url=False, include_input=False)[:3]
        )
        return _printable(f"invalid answer: {fields}")
    first_line = (str(cause).splitlines() or [""])[0]
    return _printable(f"{type(cause).__name__}: {first_line}")


def _printable(text: str, limit: int = 200) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _usage_of(completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage()
    return Usage(
        input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
    )


def _text_of(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    content = getattr(message, "content", None)
    if content:
        return str(content)
    calls = getattr(message, "tool_calls", None) or []
    return str(calls[0].function.arguments) if calls else None
