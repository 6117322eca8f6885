"""Chat completions from llama.cpp that stop at a deadline without ever leaving the grammar.

Runs inside the model worker process (`summarizer.engines.local.worker`). Two things bound the
time of one answer:

- the prompt is evaluated in small chunks, and the deadline is checked between them (a long
  prompt on a busy machine is most of the time: 50-100 prompt tokens/s on 2 cores);
- generation stops through llama.cpp's stopping criteria, checked after each sampled token.

Why not a logits processor that forces end-of-sequence (what this replaced): llama-cpp-python runs
logits processors inside the native sampler chain, before the grammar sampler. With a JSON grammar
that forbids end-of-sequence mid-object, every candidate became -inf, the sampler picked token 0
("!"), and the grammar aborted the whole process (`Unexpected empty grammar stack`) or generated
"!" for minutes. A stopping criterion only decides whether to go on; the token it sees was sampled
and accepted by the grammar, so the deadline path never produces a token outside it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

# prompt tokens evaluated between two deadline checks: about 0.3-0.6 s on 2 cores, so a
# deadline is noticed within a second even while the prompt is being read
PREFILL_CHUNK_TOKENS = 32
CHAT_KWARGS = frozenset(
    {"messages", "temperature", "max_tokens", "response_format", "stop", "seed", "top_p"}
)


@dataclass
class ChatOutcome:
    """One answer: the OpenAI-shaped completion (None when the deadline came before any
    output), whether the deadline cut it, and the tokens spent."""

    completion: dict[str, Any] | None
    deadline_reached: bool
    prompt_tokens: int
    completion_tokens: int = 0
    timings: dict[str, float] = field(default_factory=dict)


class _Deadline:
    """A llama.cpp stopping criterion: true once the clock passes the deadline."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False

    def passed(self) -> bool:
        return time.monotonic() >= self.deadline

    def __call__(self, input_ids: Any, logits: Any) -> bool:
        if self.passed():
            self.fired = True
        return self.fired


def llama_response_format(requested: Any) -> Any:
    """llama.cpp spells a schema-constrained answer `json_object` + `schema`."""
    if not isinstance(requested, dict):
        return requested
    if requested.get("type") == "json_schema":
        schema = (requested.get("json_schema") or {}).get("schema")
        return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
    return requested


def common_prefix(cached: Sequence[int], tokens: Sequence[int]) -> int:
    count = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        count += 1
    return count


class DeadlineChat:
    """Wraps one loaded `llama_cpp.Llama`; `complete` is its only entry point."""

    def __init__(
        self, llama: Any, chunk_tokens: int = PREFILL_CHUNK_TOKENS, formatter: Any = None
    ) -> None:
        self.llama = llama
        self.chunk_tokens = chunk_tokens
        self.formatter = formatter or _chat_formatter(llama)

    def complete(self, arguments: dict[str, Any], seconds: float) -> ChatOutcome:
        import llama_cpp
        from llama_cpp import StoppingCriteriaList
        from llama_cpp.llama_chat_format import (
            ChatFormatterResponse,
            chat_formatter_to_chat_completion_handler,
        )

        started = time.monotonic()
        deadline = _Deadline(started + seconds)
        kwargs = {k: v for k, v in arguments.items() if k in CHAT_KWARGS}
        kwargs["response_format"] = llama_response_format(kwargs.get("response_format"))
        formatted = self.formatter(messages=kwargs["messages"])
        prompt = self.llama.tokenize(
            formatted.prompt.encode("utf-8"), add_bos=not formatted.added_special, special=True
        )
        if not self._prefill(prompt, deadline):
            return ChatOutcome(None, True, len(prompt), 0, {"prompt_s": time.monotonic() - started})
        prefilled = time.monotonic()

        def formatter_with_deadline(**format_kwargs: Any) -> Any:
            inner = self.formatter(**format_kwargs)
            criteria = StoppingCriteriaList([*(inner.stopping_criteria or []), deadline])
            return ChatFormatterResponse(
                prompt=inner.prompt,
                stop=inner.stop,
                stopping_criteria=criteria,
                added_special=inner.added_special,
            )

        handler = chat_formatter_to_chat_completion_handler(formatter_with_deadline)
        llama_cpp.llama_perf_context_reset(self.llama.ctx)
        completion = cast(dict[str, Any], handler(llama=self.llama, **kwargs))  # not streamed
        perf = llama_cpp.llama_perf_context(self.llama.ctx)
        usage = completion.get("usage") or {}
        return ChatOutcome(
            completion,
            deadline.fired,
            int(usage.get("prompt_tokens", len(prompt))),
            int(usage.get("completion_tokens", 0)),
            {
                "prompt_s": prefilled - started,
                "generate_s": time.monotonic() - prefilled,
                # llama.cpp's own count: time in token evaluation only
                "eval_s": float(perf.t_eval_ms) / 1000,
                "eval_tokens": float(perf.n_eval),
            },
        )

    def _prefill(self, prompt: list[int], deadline: _Deadline) -> bool:
        """Evaluate all but the last prompt token in chunks, reusing the cached prefix; False
        when the deadline came first. The completion call then finds the prompt cached and
        evaluates only the last token (llama-cpp-python's prefix match)."""
        llama = self.llama
        cached = list(llama.input_ids[: llama.n_tokens])
        keep = common_prefix(cached, prompt[:-1])
        llama.n_tokens = keep  # eval() drops the cache past n_tokens before decoding
        for start in range(keep, len(prompt) - 1, self.chunk_tokens):
            if deadline.passed():
                return False
            llama.eval(prompt[start : min(start + self.chunk_tokens, len(prompt) - 1)])
        return not deadline.passed()


def _chat_formatter(llama: Any) -> Any:
    """The formatter `create_chat_completion` would use: the GGUF's own chat template."""
    from llama_cpp import llama_chat_format

    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ValueError("the model file carries no chat template (tokenizer.chat_template)")
    eos_id, bos_id = llama.token_eos(), llama.token_bos()
    model = llama._model
    return llama_chat_format.Jinja2ChatFormatter(
        template=template,
        eos_token=model.token_get_text(eos_id) if eos_id != -1 else "",
        bos_token=model.token_get_text(bos_id) if bos_id != -1 else "",
        stop_token_ids=[eos_id],
    )
