"""Public request and response shapes (contract §1).

These models are the single source of truth for `schemas/*.json`. Field descriptions are written
for two readers at once: API clients (they land in the OpenAPI schema) and the language model
(they land in the JSON schema the engines send), so they say what a good value looks like.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]
Status = Literal["confirmed", "estimated", "claimed", "reported", "projected"]
SourceKind = Literal["person", "organisation", "government", "media", "anonymous", "document"]
Alignment = Literal["exact", "repaired", "fuzzy"]
Provenance = Literal["analyser", "model"]


class Span(BaseModel):
    """A stretch of the article: `article[start:end] == text`, always."""

    text: str = Field(description="Exact characters of the article, copied verbatim.")
    start: int = Field(ge=0, description="Offset of the first character (Python string index).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    alignment: Alignment = Field(
        default="exact",
        description=(
            "How the span was found in the article: `exact` as given, `repaired` after "
            "normalising whitespace, quotes or case, `fuzzy` by approximate alignment."
        ),
    )


class AttributionNote(BaseModel):
    """How a claimant or speaker was found, and how sure the service is of it."""

    method: str = Field(
        description="quote | given_by | same_clause | sentence_after | sentence_before | "
        "carried_over | paragraph_close | unattributed (figures); own_sentence | next_sentence | "
        "introduced | continues | paragraph_before (quotes); model: chosen by the model among "
        "the names the article gives."
    )
    confidence: float = Field(ge=0, le=1, description="0-1; below 0.6 the analyser was unsure.")


class Quote(Span):
    """A direct quote, verbatim, and how its speaker was found."""

    provenance: Provenance = Field(
        default="analyser", description="Who tied the quote to its speaker: analyser or model."
    )
    attribution: AttributionNote | None = Field(default=None)


class SourceRef(BaseModel):
    """Who states something."""

    name: str = Field(description="Name as the article gives it: 'Oleksandr Markushin', 'UN'.")
    role: str | None = Field(
        default=None, description="Role or title if the article gives one: 'mayor of Irpin'."
    )


class Event(BaseModel):
    description: str = Field(
        description="What happened, in neutral words (no loaded or emotive terms), one sentence."
    )
    actors: list[str] = Field(default_factory=list, description="Who acted: 'Russian forces'.")
    location: str | None = Field(default=None, description="Where, as stated in the text.")
    time: str | None = Field(default=None, description="When, as stated in the text: 'Wednesday'.")
    source: SourceRef | None = Field(default=None, description="Who reports the event, or null.")
    evidence: list[Span] = Field(
        default_factory=list, description="Sentences of the article that report the event."
    )
    provenance: Provenance = Field(
        default="analyser",
        description="Who wrote the description: the analyser (the article's own main clause) "
        "or the model (checked against the evidence sentences).",
    )


class Figure(BaseModel):
    value: float = Field(
        description="The number, normalised: '2,000' -> 2000, '8.5 million' -> 8500000, "
        "'two-thirds' -> 0.667, '4.5%' -> 4.5."
    )
    upper: float | None = Field(default=None, description="Upper bound when qualifier is 'range'.")
    unit: str | None = Field(
        default=None, description="Unit: 'people', '%', 'euros', 'miles'... or null."
    )
    measure: str = Field(description="What is counted, a short noun phrase: 'civilians killed'.")
    qualifier: Qualifier = Field(
        description="exact | approximate ('about') | at_least ('more than') | "
        "at_most ('up to') | range ('between 150 and 200')."
    )
    status: Status = Field(
        description="How firm the figure is: "
        "confirmed | estimated | claimed | reported | projected."
    )
    source: SourceRef | None = Field(
        default=None, description="Who gives the figure; null when the article names nobody."
    )
    evidence: Span = Field(description="The words of the article that state the figure.")
    provenance: Provenance = Field(
        default="analyser", description="Who chose the claimant: analyser or model."
    )
    attribution: AttributionNote | None = Field(
        default=None, description="How the claimant (or its absence) was found."
    )
    conflicts_with: list[int] = Field(
        default_factory=list,
        description="Indexes (in `figures`) of figures from other sources that give a different "
        "number for the same measure: the figure is disputed.",
    )


class Source(BaseModel):
    name: str = Field(description="Person or body as named in the article.")
    role: str | None = Field(default=None, description="Role or title, if given.")
    kind: SourceKind = Field(
        description="person | organisation | government | media | anonymous | document."
    )
    quotes: list[Quote] = Field(
        default_factory=list, description="Direct quotes by this source, verbatim spans."
    )

    @field_validator("quotes", mode="before")
    @classmethod
    def _spans_are_quotes(cls, value: object) -> object:
        """A plain Span is accepted as a quote the analyser tied to its speaker."""
        if isinstance(value, list):
            return [q.model_dump() if type(q) is Span else q for q in value]
        return value


class LoadedTerm(BaseModel):
    text: str = Field(description="The loaded or emotive word as it appears in the article.")
    neutral: str = Field(description="A neutral alternative: 'slaughtered' -> 'killed'.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    in_quote: bool = Field(
        default=False,
        description="True when the word is inside a direct quote: it belongs to the speaker.",
    )
    speaker: str | None = Field(default=None, description="Who said it, when in a quote.")


class Dispute(BaseModel):
    """Two or more sources give different numbers for the same measure."""

    measure: str = Field(description="What the disputed figures count.")
    figures: list[int] = Field(description="Indexes in `figures` of the competing figures.")
    note: str = Field(description="One neutral sentence an editor can read: who says what.")


class Usage(BaseModel):
    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
        )


class Meta(BaseModel):
    engine: str = Field(description="Engine that produced the response.")
    model: str | None = Field(default=None, description="Model that ran, or null (extractive).")
    prompt_version: str | None = Field(default=None, description="Prompt template version used.")
    latency_ms: int = Field(default=0, ge=0, description="Wall time of the whole request.")
    usage: Usage = Field(default_factory=Usage, description="Tokens over all attempts.")
    attempts: int = Field(default=0, ge=0, description="Model calls made, retries included.")
    warnings: list[str] = Field(
        default_factory=list,
        description="What the verify step dropped or repaired, and engine fallbacks.",
    )
    request_id: str | None = Field(
        default=None,
        description="The request's id, as in the X-Request-ID response header (the client's, "
        "when it sent a valid one, else made by the server) and in every log line of the "
        "request; null outside HTTP (CLI, evals).",
    )
    cached: bool = Field(
        default=False,
        description="True when the response came from the response cache (header X-Cache: "
        "hit): `latency_ms` is then this request's time, `usage` and `attempts` what the "
        "summary cost when it was made.",
    )


class SummaryBody(BaseModel):
    """Everything an engine produces; the pipeline adds `meta`."""

    headline: str = Field(description="Neutral headline, no loaded words, at most 15 words.")
    summary: str = Field(
        description="2-5 neutral sentences, every claim attributed to its source, <= 150 words."
    )
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    loaded_language: list[LoadedTerm] = Field(default_factory=list)
    disputes: list[Dispute] = Field(
        default_factory=list, description="Figures on which sources disagree."
    )


class SummaryResponse(SummaryBody):
    meta: Meta


class SummaryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article, plain text, UTF-8.")
    title: str | None = Field(default=None, description="The article's own headline, if any.")
    published_at: str | None = Field(default=None, description="Publication date, free form.")
    engine: str | None = Field(
        default=None, description="Engine to use: 'local', 'openai' or 'extractive'."
    )
    prompt_version: str | None = Field(
        default=None, description="Prompt template version, e.g. 'v1'. Default: the setting."
    )
    timeout_s: float | None = Field(
        default=None,
        gt=0,
        description="Seconds this request may take at most, queueing and model included "
        "(capped by the server's SUMMARIZER_REQUEST_TIMEOUT_S). When the model runs out of "
        "time the local engine answers with the extractive result and a warning; a remote "
        "engine answers 504.",
    )
