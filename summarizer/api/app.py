"""The Litestar application: routes, the problem mapper, model warm-up at startup."""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

import anyio.to_thread
from litestar import Litestar, Response, get
from litestar.di import NamedDependency, Provide
from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.types import Message, Scope

from summarizer import __version__
from summarizer.api.jobs import JOB_HANDLERS
from summarizer.api.operations import Operations
from summarizer.api.pages import PAGE_HANDLERS, TEMPLATE_CONFIG
from summarizer.api.problems import EXCEPTION_HANDLERS
from summarizer.api.summaries import create_summary
from summarizer.jobs import JobQueue
from summarizer.service import SummaryService, favour_the_event_loop
from summarizer.settings import Settings, get_settings

logger = logging.getLogger("summarizer.api")


_HOST = socket.gethostname()


async def served_by_header(message: Message, scope: Scope) -> None:
    """`X-Served-By: <hostname>:<pid>` on every response, errors included: which replica or
    `--workers` process answered (read per message: each worker process has its own pid)."""
    if message["type"] == "http.response.start":
        headers = list(message.get("headers", []))
        headers.append((b"x-served-by", f"{_HOST}:{os.getpid()}".encode()))
        message["headers"] = headers


@get("/healthz", tags=["health"], summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get(
    "/readyz",
    tags=["health"],
    summary="The default engine is loaded and answering",
    responses={
        503: ResponseSpec(
            data_container=dict[str, Any],
            description="Not ready: the default engine is not loaded yet, or failed to load "
            "(`error` says why); `engines` says which engines answer",
        )
    },
)
async def readyz(service: NamedDependency[SummaryService]) -> Response[dict[str, Any]]:
    # off the event loop: the openai engine's readiness asks its server (up to 3 s)
    engines = await anyio.to_thread.run_sync(service.readiness)
    default = service.settings.default_engine
    error = service.warm_up_error
    ready = engines.get(default, False) and error is None
    body: dict[str, Any] = {"ready": ready, "default_engine": default, "engines": engines}
    if error:
        body["error"] = error
    return Response(body, status_code=200 if ready else 503)


def _warm_up_in_background(service: SummaryService) -> None:
    """Load the default engine off the event loop: /healthz answers while the model loads."""

    def load() -> None:
        try:
            service.warm_up()
            logger.info("engine '%s' ready", service.settings.default_engine)
        except Exception as exc:  # reported by /readyz rather than killing the server
            logger.exception("loading engine '%s' failed", service.settings.default_engine)
            service.warm_up_error = str(exc)

    threading.Thread(target=load, name="engine-warm-up", daemon=True).start()


def create_app(settings: Settings | None = None, service: SummaryService | None = None) -> Litestar:
    settings = settings or get_settings()
    owned = service is None  # the app stops what it builds; a service handed in is the caller's
    app_service = service or SummaryService(settings)
    on_startup = [favour_the_event_loop]  # /healthz answers while analysis threads work
    if settings.load_model_at_startup:
        on_startup.append(lambda: _warm_up_in_background(app_service))
    jobs = JobQueue(settings, app_service)  # connects to Redis on first use, if configured
    # request ids, logs, metrics, response cache, API keys, CORS, rate limits (all by setting)
    operations = Operations(settings)
    app = Litestar(
        route_handlers=[
            create_summary,
            healthz,
            readyz,
            *PAGE_HANDLERS,
            *JOB_HANDLERS,
            *operations.route_handlers,
        ],
        # handlers receive the service (and the job queue) as typed dependencies
        dependencies={
            "service": Provide(lambda: app_service, sync_to_thread=False),
            "jobs": Provide(lambda: jobs, sync_to_thread=False),
        },
        exception_handlers=EXCEPTION_HANDLERS,
        on_startup=on_startup,
        on_shutdown=[jobs.close, *([app_service.close] if owned else [])],
        before_send=[served_by_header],
        middleware=operations.middleware,
        cors_config=operations.cors_config,
        logging_config=operations.logging_config,
        request_max_body_size=settings.max_body_bytes,
        stores=operations.rate_limit.stores,
        template_config=TEMPLATE_CONFIG,
        openapi_config=OpenAPIConfig(
            title="News summarizer",
            version=__version__,
            path="/schema",
            render_plugins=[SwaggerRenderPlugin()],
        ),
        debug=False,
    )
    return operations.install(app)


__all__ = ["create_app"]
