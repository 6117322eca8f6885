"""What one prompt version asks a model and how its answer joins the extractive body.

A task ties together the answer shape (a pydantic model; its schema is what the model sees and,
locally, the grammar), the template context, the validation context, how to read an answer that
failed its checks or was cut short, and the merge. `headline_summary` / `draft_with_events` are
prompts v1 and v2; `reading` is v3 (claimants, speakers and events besides the text).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from pydantic import BaseModel

from summarizer.analysis.types import Analysis
from summarizer.checks.draft import validation_context
from summarizer.engines.base import Article
from summarizer.engines.drafts import RESPONSE_MODELS
from summarizer.engines.merge import merge_checked_draft, parse_loose_draft
from summarizer.engines.prompt_inputs import PromptInputs
from summarizer.engines.reading.answer import answer_model
from summarizer.engines.reading.inputs import build_reading_inputs
from summarizer.engines.reading.merge import merge_reading
from summarizer.errors import UnknownOption
from summarizer.models import SummaryBody

_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
_COMPLETE_STRING_FIELD = re.compile(r'"(headline|summary)"\s*:\s*("(?:[^"\\]|\\.)*")')


@dataclass
class Task:
    response_model: type[BaseModel]
    template_context: dict[str, Any]
    validation_context: dict[str, Any]
    article: Article
    analysis: Analysis
    base: SummaryBody
    inputs: PromptInputs
    reading: Any = None  # ReadingInputs for v3

    def merge(self, answer: Any) -> tuple[SummaryBody, list[str]]:
        if self.reading is not None:
            return merge_reading(self.article, self.analysis, self.base, answer, self.reading)
        return merge_checked_draft(self.article, self.analysis, self.base, answer, self.inputs)

    def loose(self, text: str | None) -> Any | None:
        """The last answer read without its checks (None when it is not a JSON answer)."""
        if self.reading is None:
            return parse_loose_draft(text)
        return _loose_reading(text)


def build_task(
    response: str,
    article: Article,
    analysis: Analysis,
    base: SummaryBody,
    inputs: PromptInputs,
    decisions: frozenset[str],
) -> Task:
    context = validation_context(article.text, analysis, len(inputs.sentences), base.summary)
    if response == "reading":
        reading = build_reading_inputs(analysis, inputs, decisions)
        return Task(
            answer_model(reading), reading.template_context(), context, article, analysis,
            base, inputs, reading,
        )  # fmt: skip
    model = RESPONSE_MODELS.get(response)
    if model is None:
        raise UnknownOption(f"unknown prompt response '{response}'")
    return Task(model, inputs.template_context, context, article, analysis, base, inputs)


def _loose_reading(text: str | None) -> Any | None:
    match = _JSON_OBJECT.search(text or "")
    try:
        data = json.loads(match.group(0)) if match else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        # cut short (deadline, token cap): the string fields it completed
        data = {k: json.loads(v) for k, v in _COMPLETE_STRING_FIELD.findall(text or "")}
    if not data:
        return None
    return SimpleNamespace(
        headline=_text(data.get("headline")),
        summary=_text(data.get("summary")),
        claimants=_items(data.get("claimants"), ("figure", "source")),
        speakers=_items(data.get("speakers"), ("quote", "speaker")),
        events=_items(data.get("events"), ("description", "sentences", "source")),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _items(value: Any, keys: tuple[str, ...]) -> list[SimpleNamespace]:
    if not isinstance(value, list):
        return []
    items = []
    for item in value:
        if isinstance(item, dict) and all(k in item for k in keys):
            fields = {k: item[k] for k in keys}
            if "sentences" in fields and not isinstance(fields["sentences"], list):
                continue
            items.append(SimpleNamespace(**fields))
    return items
