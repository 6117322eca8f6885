"""The answer shape of prompt v3, built per article.

The claimant and speaker fields are enums of the article's own names (and 'none'), the figure and
quote ids enums of the items asked: in the embedded engine the schema becomes a llama.cpp grammar,
so the model cannot write another name; for a remote model the same enums are validated and a
wrong one is re-asked. Only the decisions switched on are in the schema: a small model writes only
what it measurably does well.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, create_model, field_validator

from summarizer.checks.draft import headline_problems, summary_problems
from summarizer.checks.reading import misplaced_numbers
from summarizer.contract import MAX_HEADLINE_WORDS, MAX_MODEL_SUMMARY_WORDS
from summarizer.engines.reading.inputs import NOBODY, ReadingInputs, max_events


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValueError("; ".join(problems))


class _Checked(BaseModel):
    """Validators for whichever of these fields a built model has."""

    @field_validator("headline", check_fields=False)
    @classmethod
    def _check_headline(cls, value: str, info: ValidationInfo) -> str:
        context = _context(info)
        problems = headline_problems(value, context)
        analysis = context.get("analysis")
        if analysis is not None:
            problems += misplaced_numbers(analysis, value)
        _raise_if(problems)
        return value.strip()

    @field_validator("summary", check_fields=False)
    @classmethod
    def _check_summary(cls, value: str, info: ValidationInfo) -> str:
        _raise_if(summary_problems(value, _context(info)))
        return value.strip()


def _choice(values: list[str]) -> Any:
    """Literal of `values`: an enum in the JSON schema (and the llama.cpp grammar)."""
    return Literal[tuple(values)]


def answer_model(inputs: ReadingInputs) -> type[BaseModel]:
    """The pydantic model of a v3 answer for these inputs."""
    names = [*inputs.names, NOBODY]
    fields: dict[str, Any] = {}
    if "headline" in inputs.decisions:
        fields["headline"] = (
            str,
            Field(
                description="Neutral headline of the main news, at most "
                f"{MAX_HEADLINE_WORDS} words."
            ),
        )
    if "summary" in inputs.decisions:
        fields["summary"] = (
            str,
            Field(
                description="2-4 neutral sentences, each claim attributed, at most "
                f"{MAX_MODEL_SUMMARY_WORDS} words."
            ),
        )
    if inputs.figures:
        claimant = create_model(
            "Claimant",
            figure=(_choice([f.id for f in inputs.figures]), Field(description="Figure id.")),
            source=(_choice(names), Field(description="Who gives the figure, or none.")),
        )
        count = len(inputs.figures)  # one answer per figure asked: the grammar enforces it
        fields["claimants"] = (list[claimant], Field(min_length=count, max_length=count))
    if inputs.quotes:
        speaker = create_model(
            "Speaker",
            quote=(_choice([q.id for q in inputs.quotes]), Field(description="Quote id.")),
            speaker=(_choice(names), Field(description="Who says it, or none.")),
        )
        count = len(inputs.quotes)
        fields["speakers"] = (list[speaker], Field(min_length=count, max_length=count))
    if max_events(inputs.decisions):
        count = len(inputs.sentences)
        event = create_model(
            "ModelEvent",
            description=(str, Field(description="What happened, neutral, at most 20 words.")),
            sentences=(list[int], Field(description=f"Numbers (1-{count}) of the sentences.")),
            source=(_choice(names), Field(description="Who reports it, or none.")),
        )
        fields["events"] = (list[event], Field(default_factory=list))
    return create_model("Reading", __base__=_Checked, **fields)
