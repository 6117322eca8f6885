"""The editor page (`GET /`) and briefs (`POST /v1/briefs`): thin handlers over the service and
`summarizer.render.briefs`. Errors are raised as `summarizer.errors` exceptions and leave as
problem+json through the app's one mapper."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIType, Reference, Schema
from litestar.params import QueryParameter
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from summarizer.api.operations import summarize
from summarizer.api.streaming import event_stream_response, wants_event_stream
from summarizer.api.summaries import (
    PROBLEM_RESPONSES,
    StreamingSummaryOperation,
    decode_summary_request,
)
from summarizer.contract import EngineName
from summarizer.errors import InvalidInput
from summarizer.models import SummaryResponse
from summarizer.render.briefs import render_html, render_markdown
from summarizer.service import SummaryService

_RENDER = Path(__file__).resolve().parent.parent / "render"
TEMPLATE_DIR = _RENDER / "templates"
STATIC_DIR = _RENDER / "static"

TEMPLATE_CONFIG = TemplateConfig(directory=TEMPLATE_DIR, engine=JinjaTemplateEngine)

BRIEF_FORMATS = ("markdown", "html", "bundle")
# Litestar adds "; charset=utf-8" to text/* itself
_MEDIA_TYPES = {"markdown": "text/markdown", "html": "text/html", "bundle": "application/json"}
_ENGINE_LABELS = {
    EngineName.LOCAL: "Local model (about 10-20 s)",
    EngineName.OPENAI: "OpenAI-compatible API",
    EngineName.EXTRACTIVE: "Extractive (no model, instant)",
}


@get("/", include_in_schema=False)
async def editor_page(service: NamedDependency[SummaryService]) -> Template:
    settings = service.settings
    engines = [
        {"name": name, "label": label, "enabled": name in settings.enabled_engines}
        for name, label in _ENGINE_LABELS.items()
    ]
    context = {
        "engines": engines,
        "default_engine": settings.default_engine,
        "max_chars": settings.max_article_chars,
    }
    return Template(template_name="editor.html.j2", context=context)


_BRIEF_CONTENT = {
    "text/markdown": OpenAPIMediaType(
        schema=Schema(type=OpenAPIType.STRING, description="`format=markdown` (the default).")
    ),
    "text/html": OpenAPIMediaType(
        schema=Schema(type=OpenAPIType.STRING, description="`format=html`: an HTML fragment.")
    ),
    "application/json": OpenAPIMediaType(
        schema=Schema(
            type=OpenAPIType.OBJECT,
            description="`format=bundle`: the summary and both renderings of the brief.",
            required=["summary", "markdown", "html"],
            properties={
                "summary": Reference(ref="#/components/schemas/SummaryResponse"),
                "markdown": Schema(type=OpenAPIType.STRING),
                "html": Schema(type=OpenAPIType.STRING),
            },
        )
    ),
}


@dataclass
class BriefOperation(StreamingSummaryOperation):
    """Documents each form of a brief: a handler answering `Response[Any]` documents none."""

    def __post_init__(self) -> None:
        super().__post_init__()
        content = getattr((self.responses or {}).get("200"), "content", None)
        if content is not None:
            content.update(_BRIEF_CONTENT)


@post(
    "/v1/briefs",
    operation_class=BriefOperation,
    summary="Summarise an article as an editor's brief",
    description="Same body as /v1/summaries. `format=markdown` (default) answers text/markdown, "
    "`html` an HTML fragment, `bundle` JSON with `summary`, `markdown` and `html`. Errors are "
    "problem+json. With `Accept: text/event-stream` the same events as /v1/summaries, each "
    "event's data being the brief in the asked format.",
    status_code=200,
    responses=PROBLEM_RESPONSES,
)
async def create_brief(
    request: Request[Any, Any, Any],
    service: NamedDependency[SummaryService],
    brief_format: Annotated[
        str,
        QueryParameter(
            name="format",
            description="markdown | html | bundle",
            schema_extra={"enum": list(BRIEF_FORMATS)},
        ),
    ] = "markdown",
) -> Response[Any]:
    if brief_format not in BRIEF_FORMATS:
        raise InvalidInput(
            f"unknown format '{brief_format}'; use one of: {', '.join(BRIEF_FORMATS)}",
            option="format",
            value=brief_format,
        )
    summary_request = await decode_summary_request(request)
    if wants_event_stream(request):  # the editor: the extractive brief at once, then the model's
        return await event_stream_response(
            request, service, summary_request, lambda summary: _brief_text(summary, brief_format)
        )
    summary = await summarize(request, service, summary_request)
    return Response(_brief(summary, brief_format), media_type=_MEDIA_TYPES[brief_format])


def _brief(summary: SummaryResponse, brief_format: str) -> Any:
    if brief_format == "markdown":
        return render_markdown(summary)
    if brief_format == "html":
        return render_html(summary)
    return {
        "summary": summary.model_dump(mode="json"),
        "markdown": render_markdown(summary),
        "html": render_html(summary),
    }


def _brief_text(summary: SummaryResponse, brief_format: str) -> str:
    brief = _brief(summary, brief_format)
    return brief if isinstance(brief, str) else json.dumps(brief, ensure_ascii=False)


static_files = create_static_files_router(
    path="/static", directories=[STATIC_DIR], include_in_schema=False, name="static"
)

PAGE_HANDLERS: list[Any] = [editor_page, create_brief, static_files]

__all__ = ["PAGE_HANDLERS", "TEMPLATE_CONFIG"]
