"""The Litestar application: routes, the problem mapper, model warm-up at startup."""

from __future__ import annotations

import logging
import threading
from typing import Any

from litestar import Litestar, Response, get
from litestar.di import NamedDependency, Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin

from summarizer import __version__
from summarizer.api.pages import PAGE_HANDLERS, TEMPLATE_CONFIG
from summarizer.api.problems import EXCEPTION_HANDLERS
from summarizer.api.summaries import create_summary
from summarizer.service import SummaryService
from summarizer.settings import Settings, get_settings

logger = logging.getLogger("summarizer.api")


@get("/healthz", tags=["health"], summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz", tags=["health"], summary="The default engine is loaded and answering")
async def readyz(service: NamedDependency[SummaryService]) -> Response[dict[str, Any]]:
    engines = service.readiness()
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
    on_startup = []
    if settings.load_model_at_startup:
        on_startup.append(lambda: _warm_up_in_background(app_service))
    return Litestar(
        route_handlers=[create_summary, healthz, readyz, *PAGE_HANDLERS],
        # handlers receive the service as a typed dependency
        dependencies={"service": Provide(lambda: app_service, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        on_startup=on_startup,
        on_shutdown=[app_service.close] if owned else [],
        request_max_body_size=settings.max_body_bytes,
        template_config=TEMPLATE_CONFIG,
        openapi_config=OpenAPIConfig(
            title="News summarizer",
            version=__version__,
            path="/schema",
            render_plugins=[SwaggerRenderPlugin()],
        ),
        debug=False,
    )


__all__ = ["create_app"]
