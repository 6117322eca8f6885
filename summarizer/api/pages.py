"""The editor page (`GET /`) and briefs (`POST /v1/briefs`): thin handlers over the service and
`summarizer.render.briefs`. Errors are raised as `summarizer.errors` exceptions and leave as
problem+json through the app's one mapper."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from summarizer.api.summaries import SummaryBodyOperation, decode_summary_request
from summarizer.contract import EngineName
from summarizer.errors import InvalidInput
from summarizer.render.briefs import render_html, render_markdown
from summarizer.service import SummaryService

_RENDER = Path(__file__).resolve().parent.parent / "render"
TEMPLATE_DIR = _RENDER / "templates"
STATIC_DIR = _RENDER / "static"

TEMPLATE_CONFIG = TemplateConfig(directory=TEMPLATE_DIR, engine=JinjaTemplateEngine)

BRIEF_FORMATS = ("markdown", "html", "bundle")
_MEDIA_TYPES = {
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "bundle": "application/json",
}
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


@post(
    "/v1/briefs",
    operation_class=SummaryBodyOperation,
    summary="Summarise an article as an editor's brief",
    description="Same body as /v1/summaries. `format=markdown` (default) answers text/markdown, "
    "`html` an HTML fragment, `bundle` JSON with `summary`, `markdown` and `html`. Errors are "
    "problem+json.",
    status_code=200,
)
async def create_brief(
    request: Request[Any, Any, Any],
    service: NamedDependency[SummaryService],
    brief_format: Annotated[
        str, QueryParameter(name="format", description="markdown | html | bundle")
    ] = "markdown",
) -> Response[Any]:
    if brief_format not in BRIEF_FORMATS:
        raise InvalidInput(
            f"unknown format '{brief_format}'; use one of: {', '.join(BRIEF_FORMATS)}",
            option="format",
            value=brief_format,
        )
    summary = await service.summarize_async(await decode_summary_request(request))
    if brief_format == "markdown":
        content: Any = render_markdown(summary)
    elif brief_format == "html":
        content = render_html(summary)
    else:
        content = {
            "summary": summary.model_dump(mode="json"),
            "markdown": render_markdown(summary),
            "html": render_html(summary),
        }
    return Response(content, media_type=_MEDIA_TYPES[brief_format])


static_files = create_static_files_router(
    path="/static", directories=[STATIC_DIR], include_in_schema=False, name="static"
)

PAGE_HANDLERS: list[Any] = [editor_page, create_brief, static_files]

__all__ = ["PAGE_HANDLERS", "TEMPLATE_CONFIG"]
