"""`POST /v1/summaries`: thin: decode the body, hand it to the service, return its model."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from litestar import Request, Response, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example, OpenAPIMediaType, OpenAPIType, RequestBody, Schema
from litestar.openapi.spec.operation import Operation
from pydantic import ValidationError

from summarizer.api.operations import summarize
from summarizer.api.problems import PROBLEM_MEDIA_TYPE, ProblemDetails
from summarizer.api.streaming import (
    add_event_stream_response,
    event_stream_response,
    wants_event_stream,
)
from summarizer.contract import ENGINE_NAMES
from summarizer.engines.prompting import PromptLibrary
from summarizer.errors import InvalidInput, UnknownOption
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import get_settings

_EXAMPLE_TEXT = (
    "The UN says 364 Ukrainian civilians have been confirmed killed in fighting, including "
    "20 children. Ukrainian emergency services say more than 2,000 civilians have died."
)


async def decode_summary_request(request: Request[Any, Any, Any]) -> SummaryRequest:
    """Accept `application/json` (a SummaryRequest object) or `text/plain` (the article)."""
    raw = await request.body()
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type not in ("application/json", "text/plain"):
        raise InvalidInput(
            f"content type '{media_type or 'none'}' is not supported; send application/json "
            '({"text": ...}) or text/plain (the article itself)',
            status=415,
        )
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"the body is not valid UTF-8 (byte {exc.start}); re-encode the article as UTF-8"
        ) from exc
    if media_type == "text/plain":
        return SummaryRequest(text=decoded)
    return _parse_json_request(decoded)


def _parse_json_request(decoded: str) -> SummaryRequest:
    payload = _load_json(decoded)
    if not isinstance(payload, dict):
        raise InvalidInput('the JSON body must be an object such as {"text": "..."}')
    _reject_lone_surrogates(payload)
    for option in ("engine", "prompt_version"):
        if payload.get(option) == "":  # not a name; `null` or leaving it out means the default
            raise UnknownOption(
                f"'{option}' is empty; name one, or leave it out for the server's default",
                option=option,
                value="",
            )
    try:
        # strict: `true` is not a timeout and 5 is not a title; JSON says what type it sends
        return SummaryRequest.model_validate(payload, strict=True)
    except ValidationError as exc:
        problems = "; ".join(
            f"{_field_name(err['loc'])}: {err['msg']}" for err in exc.errors(include_url=False)
        )
        raise InvalidInput(f"the JSON body is not a valid request: {problems}", status=422) from exc


def _load_json(decoded: str) -> Any:
    """Parse the body; what the parser cannot take is the client's error (400), not ours."""
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"the body is not valid JSON: {exc.msg} at char {exc.pos}") from exc
    except RecursionError as exc:  # thousands of nested arrays or objects
        raise InvalidInput(
            'the JSON body is nested too deeply; send a flat object such as {"text": "..."}'
        ) from exc
    except ValueError as exc:  # an integer past Python's int max str digits (4,300)
        raise InvalidInput(
            "the JSON body holds a number with thousands of digits; send numbers as JSON "
            "numbers of ordinary size (timeout_s is seconds, e.g. 30)"
        ) from exc


def _reject_lone_surrogates(payload: dict[str, Any]) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"); no article holds one and no response
    could encode it, so say which field has it rather than fail later."""
    for key, value in payload.items():
        for text in (key, value) if isinstance(value, str) else (key,):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                code = f"\\u{ord(text[exc.start]):04x}"
                raise InvalidInput(
                    f"'{_field_name((key,))}' holds a lone surrogate ({code}) at character "
                    f"{exc.start}, which is not Unicode text; re-encode the article as UTF-8",
                    option=_field_name((key,)),
                ) from exc


def _field_name(loc: tuple[int | str, ...]) -> str:
    """A field path for a message: printable, encodable and short (keys are client input)."""
    name = ".".join(str(part) for part in loc) or "body"
    name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    name = "".join(ch if ch.isprintable() else "?" for ch in name)
    return name if len(name) <= 60 else name[:59] + "…"


def _described(name: str, schema: Schema, *, nullable: bool = True) -> Schema:
    """`schema` for request field `name`, with the model's description; optional fields may
    also be null, as the model accepts."""
    description = str(SummaryRequest.model_fields[name].description)
    if not nullable:
        schema.description = description
        return schema
    return Schema(one_of=[schema, Schema(type=OpenAPIType.NULL)], description=description)


# one character that is not whitespace as Python's str.strip() sees it (`SummaryService.
# article_from` rejects the rest); spelled out because a JSON Schema `\S` is ECMA-262's, whose
# whitespace differs ('\x1c'-'\x1f' and '\x85' are text there, U+FEFF is a space)
_WHITESPACE = "".join(f"\\u{code:04x}" for code in range(0x3001) if chr(code).isspace())
_NOT_ONLY_WHITESPACE = f"[^{_WHITESPACE}]"


def _article_text(max_chars: int) -> Schema:
    # what `SummaryService.article_from` accepts: not empty, not only whitespace, not too long
    return Schema(
        type=OpenAPIType.STRING,
        min_length=1,
        max_length=max_chars,
        pattern=_NOT_ONLY_WHITESPACE,
    )


def _request_schema() -> Schema:
    """The JSON request as the decoder and the service accept it (built when the app documents
    itself, from the settings and the prompt versions on disk)."""
    settings = get_settings()
    versions: list[Any] = PromptLibrary(settings.prompts_dir).versions()
    engines: list[Any] = list(ENGINE_NAMES)
    string = OpenAPIType.STRING
    return Schema(
        type=OpenAPIType.OBJECT,
        required=["text"],
        additional_properties=False,
        properties={
            "text": _described("text", _article_text(settings.max_article_chars), nullable=False),
            "title": _described("title", Schema(type=string)),
            "published_at": _described("published_at", Schema(type=string)),
            "engine": _described("engine", Schema(type=string, enum=engines)),
            "prompt_version": _described("prompt_version", Schema(type=string, enum=versions)),
            "timeout_s": _described(
                "timeout_s", Schema(type=OpenAPIType.NUMBER, exclusive_minimum=0)
            ),
        },
    )


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=ProblemDetails, description=description, media_type=PROBLEM_MEDIA_TYPE
    )


# every error a summary (or a brief, same body) can answer, all problem+json
PROBLEM_RESPONSES: dict[int, ResponseSpec] = {
    400: _problem("Malformed JSON, invalid UTF-8, unknown engine, prompt version or format"),
    413: _problem("Article or body over the size limit"),
    415: _problem("Content type other than JSON or plain text"),
    422: _problem(
        "Empty article, a request object with wrong fields, or an article whose analysis ran "
        "past SUMMARIZER_ANALYSIS_TIMEOUT_S"
    ),
    502: _problem("The model returned invalid output after retries"),
    503: _problem("Model not loaded yet, unreachable or busy (Retry-After)"),
    504: _problem("The model did not answer within the timeout"),
}


@dataclass
class SummaryBodyOperation(Operation):
    """Documents both accepted content types, which a decoded-by-hand body cannot infer."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="The article: a JSON request object, or the plain text itself.",
            content={
                "application/json": OpenAPIMediaType(
                    schema=_request_schema(),
                    examples={"article": Example(value={"text": _EXAMPLE_TEXT})},
                ),
                "text/plain": OpenAPIMediaType(
                    schema=_article_text(get_settings().max_article_chars),
                    examples={"article": Example(value=_EXAMPLE_TEXT)},
                ),
            },
        )


@dataclass
class StreamingSummaryOperation(SummaryBodyOperation):
    """Also documents the `text/event-stream` form of the 200 response."""

    def __post_init__(self) -> None:
        super().__post_init__()
        add_event_stream_response(self)


@post(
    "/v1/summaries",
    operation_class=StreamingSummaryOperation,
    summary="Summarise an article",
    description="Neutral headline and summary, events, sourced figures, quotes and loaded "
    "language, every span grounded to character offsets of the article. Errors are RFC 9457 "
    "problem+json.",
    status_code=200,
    responses=PROBLEM_RESPONSES,
    tags=["summaries"],
)
async def create_summary(
    request: Request[Any, Any, Any], service: NamedDependency[SummaryService]
) -> Response[SummaryResponse]:
    summary_request = await decode_summary_request(request)
    if wants_event_stream(request):  # the extractive body at once, then the model's
        return await event_stream_response(request, service, summary_request)
    return Response(await summarize(request, service, summary_request))
