"""Who may call the API, how often, from which browser origins: Litestar's authentication
middleware, RateLimitConfig and CORSConfig, configured from settings (all off by default).

API keys guard every route but a fixed open list (deny by default, so a new route is guarded):
probes (/healthz, /readyz), /metrics, /schema and the editor page's HTML and static files stay
open so orchestrators and scrapers need no secret; all of /v1/* needs a key. Refusals are
problem+json through the app's one mapper (`problems.py`): 401 with WWW-Authenticate, 429 with
Retry-After.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from litestar import Request
from litestar.config.cors import CORSConfig
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, TooManyRequestsException
from litestar.middleware import DefineMiddleware
from litestar.middleware.authentication import (
    AbstractAuthenticationMiddleware,
    AuthenticationResult,
)
from litestar.middleware.rate_limit import RateLimitConfig, get_remote_address
from litestar.types import ASGIApp, Receive, Scope, Send

from summarizer.api.problems import http_error_handler
from summarizer.api.rate_limit_store import RATE_LIMIT_STORE
from summarizer.settings import Settings

PROTECTED_PREFIX = "/v1/"
# paths the key check skips (Litestar's `exclude` patterns)
OPEN_PATHS = [r"^/healthz$", r"^/readyz$", r"^/metrics$", r"^/schema(/|$)", r"^/static/", r"^/$"]
WWW_AUTHENTICATE = 'Bearer realm="summarizer"'
# headers a browser on an allowed origin may send and read
_CORS_HEADERS = ["Content-Type", "Accept", "Authorization", "X-API-Key", "X-Request-ID"]
_CORS_EXPOSED = ["X-Request-ID", "X-Cache", "Retry-After", "RateLimit-Limit", "RateLimit-Reset"]


class ApiKeys:
    """The configured keys; a presented key is compared with every one in constant time."""

    def __init__(self, keys: list[bytes]) -> None:
        # digests, so every comparison is of equal length: the time says nothing of the length
        self._digests = [hashlib.sha256(key).digest() for key in keys]

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiKeys:
        return cls([key.get_secret_value().encode() for key in settings.api_keys])

    def __bool__(self) -> bool:
        return bool(self._digests)

    def match(self, presented: str | None) -> bool:
        if not presented:
            return False
        # header values arrive latin-1 decoded: back to the bytes the client sent
        candidate = hashlib.sha256(presented.encode("latin-1", "replace")).digest()
        matched = False
        for digest in self._digests:  # no early exit: the time does not say which key matched
            matched |= hmac.compare_digest(candidate, digest)
        return matched


def presented_key(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """`Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    authorization = connection.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return connection.headers.get("x-api-key") or None


class ApiKeyMiddleware(AbstractAuthenticationMiddleware):
    def __init__(self, app: ASGIApp, keys: ApiKeys) -> None:
        super().__init__(app, exclude=OPEN_PATHS)
        self.keys = keys

    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        key = presented_key(connection)
        if not self.keys.match(key):
            detail = (
                "this API needs a key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`"
                if key is None
                else "the API key is not valid"
            )
            raise NotAuthorizedException(detail, headers={"WWW-Authenticate": WWW_AUTHENTICATE})
        return AuthenticationResult(user="api-client", auth=_key_id(key))


def _key_id(key: str | None) -> str:
    """A short, non-secret name for a key (rate-limit buckets, never the key itself)."""
    return hashlib.sha256((key or "").encode("utf-8", "replace")).hexdigest()[:16]


class RefusalsAsResponses:
    """Turns a refusal raised by the access middleware below it (401, 429) into its problem+json
    response right here, so the metrics middleware above sees the real status: Litestar handles
    an exception raised by a middleware outside every middleware, where metrics would count a
    200. (A handler's own errors are answered inside, before any middleware sees them.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except (NotAuthorizedException, TooManyRequestsException) as exc:
            request: Request[Any, Any, Any] = scope["litestar_app"].request_class(scope, receive)
            response = http_error_handler(request, exc)
            await response.to_asgi_response(app=None, request=request)(scope, receive, send)


def access_middleware(settings: Settings) -> list[DefineMiddleware]:
    """Rate limit, then the key check (outermost first), under one refusal boundary; the rate
    limit runs first so guessing keys spends the guesser's own allowance."""
    limit = rate_limit_config(settings)
    layers = [layer for layer in (limit and limit.middleware, auth_middleware(settings)) if layer]
    return [DefineMiddleware(RefusalsAsResponses), *layers] if layers else []


def auth_middleware(settings: Settings) -> DefineMiddleware | None:
    keys = ApiKeys.from_settings(settings)
    return DefineMiddleware(ApiKeyMiddleware, keys=keys) if keys else None


def rate_limit_config(settings: Settings) -> RateLimitConfig | None:
    if settings.rate_limit_per_minute <= 0:
        return None
    keys = ApiKeys.from_settings(settings)

    def client_of(request: Request[Any, Any, Any]) -> str:
        # a valid key is the client wherever it calls from; anything else counts by address, so
        # guessing keys spends the guesser's own allowance
        key = presented_key(request)
        if keys and keys.match(key):
            return "key:" + _key_id(key)
        return "ip:" + get_remote_address(request)

    def under_v1(request: Request[Any, Any, Any]) -> bool:
        return request.url.path.startswith(PROTECTED_PREFIX)

    return RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        identifier_for_request=client_of,
        check_throttle_handler=under_v1,
        store=RATE_LIMIT_STORE,
    )


def cors_config(settings: Settings) -> CORSConfig | None:
    if not settings.cors_allow_origins:
        return None
    return CORSConfig(
        allow_origins=list(settings.cors_allow_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=_CORS_HEADERS,
        expose_headers=_CORS_EXPOSED,
        max_age=600,
    )
