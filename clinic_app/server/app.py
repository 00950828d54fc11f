"""The FastAPI application: one route per exposed service method, plus login, logout, health.

Routes are generated from ``clinic_app.service_api.endpoints()``: ``POST /api/v1/<service>/
<method>`` with a body built from the method's signature (without ``actor``: the server takes
the actor from the bearer token) and a result typed by its return annotation. Errors the
services raise on purpose travel as ``{"error": {"type", "message", "fields"}}`` with their
status (422, 404, 409, 403, 401); anything else is a bug: 500 with an incident id, the traceback
in the server's log only.

A write route accepts ``Idempotency-Key``: the response is stored under the key in the write's
own transaction, and a retry with the key gets the stored response without running again.
"""

import asyncio
import functools
import hashlib
import inspect
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clinic_app import service_api as api
from clinic_app.bootstrap import DatabaseError, Services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.actor import Actor
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.changes import Change
from clinic_app.services.idempotency import StoredResponse

_log = logging.getLogger(__name__)
_bearer = HTTPBearer(auto_error=False, description="the token POST /api/v1/login issued")
MAX_KEY_LENGTH = 100
EVENTS_PATH = api.EVENTS_PATH
# A desk that reads no events for this long still gets a comment line (proxies keep the
# connection; a dead desk is noticed at the next write).
KEEP_ALIVE_SECONDS = 15.0
# Changes waiting for a slow desk; beyond this they merge into one "everything changed".
EVENT_BACKLOG = 500


class LoginRequest(BaseModel):
    """A user's name and password."""

    username: str = Field(max_length=200)
    password: str = Field(max_length=1000)


class LoginResponse(BaseModel):
    """A session token for the ``Authorization: Bearer`` header, whose user and expiries."""

    token: str
    actor: Actor
    idle_expires: datetime
    absolute_expires: datetime


class Health(BaseModel):
    """The server answers and its database too; ``ready`` once the clinic has users."""

    status: str
    ready: bool


class ErrorDetail(BaseModel):
    """An error the client re-raises as the same exception type with the same fields."""

    type: str
    message: str
    fields: dict[str, Any] = {}
    incident: str | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (401, "no valid session token, or the login was refused"),
        (403, "the user's role may not do this"),
        (404, "the request names something that does not exist"),
        (409, "refused by a clinical rule, or a scheduling conflict"),
        (422, "invalid input: the field and the problem"),
        (429, "too many login attempts: retry after the time given"),
        (500, "internal error (a bug): the incident id is in the server's log"),
        (501, "the server lacks an optional part (OR-Tools for slot templates)"),
    )
}


def _error_response(error: BaseException) -> JSONResponse:
    status = api.error_status(error)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    retry_after = getattr(error, "retry_after", None)
    if status == 429 and isinstance(retry_after, int):
        headers = {"Retry-After": str(max(1, retry_after))}
    return JSONResponse(api.error_body(error), status_code=status, headers=headers)


def _validation_response(error: RequestValidationError) -> JSONResponse:
    """A body pydantic refused: invalid input naming the first field and its problem."""
    first = error.errors()[0] if error.errors() else {"loc": ("body",), "msg": "invalid"}
    location = [str(part) for part in first.get("loc", ()) if part != "body"]
    return JSONResponse(
        api.error_body(InvalidInputError(".".join(location) or "body", str(first.get("msg")))),
        status_code=422,
    )


def _internal_error(error: BaseException) -> JSONResponse:
    incident = uuid.uuid4().hex[:12]
    _log.error("internal error, incident %s", incident, exc_info=error)
    detail = {
        "type": "InternalServerError",
        "message": f"internal error (a bug); incident {incident} in the server's log",
        "fields": {},
        "incident": incident,
    }
    return JSONResponse({"error": detail}, status_code=500)


DESCRIPTION = (
    "The clinic's service interface; every route but login and health needs "
    "Authorization: Bearer <token from login>. In results, a date-time in a named zone "
    "(the clinic's local times) is written in RFC 9557's extended form, the RFC 3339 "
    "date-time followed by the zone's name in brackets, e.g. "
    "2026-03-30T09:00:00+01:00[Europe/London]; a text value of that form is sent with a "
    "leading NUL character."
)


def create_app(services: Services) -> FastAPI:
    """The clinic server's application over ``services`` (built once per process).

    Nothing is kept in memory between requests: session tokens and idempotency keys live in
    the database, so several instances can serve one clinic and any of them can stop.
    The routes are the process's one set (:func:`_routes`); they reach ``services`` through
    the application's state, so a second application (the tests make one per test) costs
    no second schema build.
    """
    app = FastAPI(title="clinic_app server", version="1", description=DESCRIPTION)
    app.state.services = services

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return _validation_response(error)

    async def known_error(request: Request, error: Exception) -> JSONResponse:
        return _error_response(error)

    for error_type in api.ERROR_STATUS:
        app.add_exception_handler(error_type, known_error)

    @app.exception_handler(Exception)
    async def any_error(request: Request, error: Exception) -> JSONResponse:
        return _internal_error(error)

    app.router.routes.extend(_routes().routes)
    _describe_local_times(app)
    return app


def _services(request: Request) -> Services:
    """The services of the application serving ``request``."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(_services)]


def _bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthenticationError("no session token: log in first")
    return credentials.credentials


def _current_actor(services: ServicesDep, token: Annotated[str, Depends(_bearer_token)]) -> Actor:
    return services.sessions.actor_for(token)


@functools.cache
def _routes() -> APIRouter:
    """Every route of the server, built once per process: FastAPI derives each route's
    pydantic models when it is added (about a second for the whole interface)."""
    router = APIRouter()

    @router.get(api.HEALTH_PATH, response_model=Health, tags=["session"])
    def health(services: ServicesDep) -> Health:
        """The server and its database answer (no token needed)."""
        return Health(status="ok", ready=services.auth.has_users())

    @router.post(
        api.LOGIN_PATH, response_model=LoginResponse, responses=ERROR_RESPONSES, tags=["session"]
    )
    def login(credentials: LoginRequest, request: Request, services: ServicesDep) -> LoginResponse:
        """Check the password and issue a session token (rate-limited per user and address)."""
        client = request.client.host if request.client else "unknown"
        issued = services.sessions.login(credentials.username, credentials.password, client=client)
        return LoginResponse(
            token=issued.token,
            actor=issued.actor,
            idle_expires=issued.idle_expires,
            absolute_expires=issued.absolute_expires,
        )

    @router.post(api.LOGOUT_PATH, status_code=204, responses=ERROR_RESPONSES, tags=["session"])
    def logout(services: ServicesDep, token: Annotated[str, Depends(_bearer_token)]) -> Response:
        """End the session of this token (a token that is not valid is refused, as anywhere)."""
        services.sessions.actor_for(token)
        services.sessions.logout(token)
        return Response(status_code=204)

    @router.get(
        EVENTS_PATH,
        responses={**ERROR_RESPONSES, 200: {"content": {"text/event-stream": {}}}},
        response_class=StreamingResponse,
        tags=["session"],
    )
    async def events(
        request: Request,
        services: ServicesDep,
        actor: Annotated[Actor, Depends(_current_actor)],
        token: Annotated[str, Depends(_bearer_token)],
    ) -> StreamingResponse:
        """Server-sent events: every committed change (``event: change``, the change's JSON
        payload), as any desk or server instance on this database makes it. The stream ends
        once the token's session does (checked at each keep-alive, without keeping it
        alive)."""
        return StreamingResponse(
            _change_stream(services, request, token), media_type="text/event-stream"
        )

    for endpoint in api.endpoints():
        router.add_api_route(
            endpoint.path,
            _route_handler(endpoint),
            methods=["POST"],
            response_model=None if endpoint.result_type is type(None) else endpoint.result_type,
            responses=ERROR_RESPONSES,
            tags=[endpoint.service],
            summary=f"{endpoint.service}.{endpoint.method} ({endpoint.kind.value})",
            description=inspect.getdoc(endpoint.function) or "",
            operation_id=f"{endpoint.service}_{endpoint.method}",
        )
    return router


# A clinic's opening hours are wall-clock times in its own zone, without an offset; JSON
# Schema's "time" format (RFC 3339 full-time) requires one, so they are described as a pattern.
LOCAL_TIME = {
    "type": "string",
    "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$",
    "description": "a wall-clock time in the clinic's zone, HH:MM[:SS]",
}


def _local_times(node: object) -> None:
    if isinstance(node, dict):
        if node.get("format") == "time" and node.get("type") == "string":
            del node["format"]
            node.update(LOCAL_TIME)
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def _describe_local_times(app: FastAPI) -> None:
    """Generate the schema as FastAPI does, with the clinic's local times described."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            _local_times(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


async def _change_stream(services: Services, request: Request, token: str) -> AsyncIterator[str]:
    """The feed's changes as SSE frames, from this process's writes and (on PostgreSQL) the
    other instances' through LISTEN/NOTIFY; the subscription ends with the connection, or
    when the token's session has ended (expired, revoked, logged out): the desk reconnects,
    is refused, and asks its user to log in again."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def put(payload: str) -> None:
        if queue.qsize() >= EVENT_BACKLOG:
            while not queue.empty():
                queue.get_nowait()
            payload = Change.of_everything().to_payload()
        queue.put_nowait(payload)

    def deliver(change: Change) -> None:  # on the committing thread
        loop.call_soon_threadsafe(put, change.to_payload())

    unsubscribe = services.ctx.feed.subscribe(deliver)
    try:
        yield ": connected\n\n"
        while not await request.is_disconnected():
            try:
                payload = await asyncio.wait_for(queue.get(), timeout=KEEP_ALIVE_SECONDS)
            except TimeoutError:
                if not await run_in_threadpool(services.sessions.is_open, token):
                    break
                yield ": keep-alive\n\n"
                continue
            yield f"event: change\ndata: {payload}\n\n"
    finally:
        unsubscribe()


def _call(endpoint: api.Endpoint, services: Services, actor: Actor, body: BaseModel) -> bytes:
    """Run the service method; its result as JSON (an iterator read to the end)."""
    arguments = {name: getattr(body, name) for name in type(body).model_fields}
    method = getattr(getattr(services, endpoint.service), endpoint.method)
    result = method(actor, **arguments) if endpoint.takes_actor else method(**arguments)
    return endpoint.dump_result(result)


def _attempt(
    endpoint: api.Endpoint, services: Services, actor: Actor, body: BaseModel
) -> tuple[int, bytes]:
    """(status, body) of the call: an error the services raise on purpose is an answer too."""
    try:
        return 200, _call(endpoint, services, actor, body)
    except Exception as error:
        if not api.is_wire_error(error):
            raise
        response = _error_response(error)
        return response.status_code, bytes(response.body)


def _replay(stored: StoredResponse, path: str, digest: str) -> Response:
    if stored.route != path or stored.request_hash != digest:
        raise InvalidInputError(
            api.IDEMPOTENCY_HEADER, "this key was already used for a different request"
        )
    return Response(
        stored.body,
        status_code=stored.status_code,
        media_type="application/json",
        headers={"Idempotent-Replayed": "true"},
    )


def _write(
    endpoint: api.Endpoint, services: Services, actor: Actor, body: BaseModel, key: str | None
) -> Response:
    """Run a write once per idempotency key; the stored response is written with the write."""
    if key is None:
        status, content = _attempt(endpoint, services, actor, body)
        return Response(content, status_code=status, media_type="application/json")
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        raise InvalidInputError(api.IDEMPOTENCY_HEADER, f"must be 1 to {MAX_KEY_LENGTH} characters")
    digest = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    stored = services.idempotency.recall(actor, key)
    if stored is not None:
        return _replay(stored, endpoint.path, digest)
    try:
        with services.one_transaction() as transaction:
            status, content = _attempt(endpoint, transaction, actor, body)
            kept = StoredResponse(endpoint.path, digest, status, content.decode())
            transaction.idempotency.remember(actor, key, kept)
    except DatabaseError:
        # A request with the same key committed first (its key's row refused ours, and our
        # write rolled back with it): answer as it was answered.
        stored = services.idempotency.recall(actor, key)
        if stored is None:
            raise
        return _replay(stored, endpoint.path, digest)
    return Response(content, status_code=status, media_type="application/json")


def _route_handler(endpoint: api.Endpoint) -> Callable[..., Response]:
    """A route function whose signature FastAPI reads: the body model, the actor, the
    services, the key."""

    def handler(
        body: BaseModel, actor: Actor, services: Services, idempotency_key: str | None = None
    ) -> Response:
        if endpoint.kind is api.READ:
            content = _call(endpoint, services, actor, body)
            return Response(content, media_type="application/json")
        return _write(endpoint, services, actor, body, idempotency_key)

    parameters = [
        inspect.Parameter(
            "body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=endpoint.request_model
        ),
        inspect.Parameter(
            "actor",
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            annotation=Annotated[Actor, Depends(_current_actor)],
        ),
        inspect.Parameter(
            "services", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=ServicesDep
        ),
    ]
    if endpoint.kind is api.WRITE:
        parameters.append(
            inspect.Parameter(
                "idempotency_key",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=Annotated[
                    str | None,
                    Header(
                        alias=api.IDEMPOTENCY_HEADER,
                        description="a client-made UUID: a retry with it never runs twice",
                    ),
                ],
                default=None,
            )
        )
    handler.__signature__ = inspect.Signature(parameters, return_annotation=Response)  # type: ignore[attr-defined]
    handler.__name__ = f"{endpoint.service}_{endpoint.method}"
    handler.__doc__ = inspect.getdoc(endpoint.function)
    return handler
