"""The reference central server over HTTP (FastAPI). sync/openapi.json is its contract.

Handlers read the raw body (the device signs the bytes as sent, compressed or not), check the
device signature, decompress, validate with the pydantic models, then run the store operation in
a worker thread. Errors leave as ``{"error": {"code", "message", "message_en", "params"}}``;
an unexpected one as the code E-INCIDENT with the incident id that the server's log names.
"""

from __future__ import annotations

import logging
import math
from datetime import UTC
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop_app.errors import HotichError, NotFoundError
from desktop_app.incidents import report_incident
from desktop_app.messages import CORE, merge, render
from sync import errors as e
from sync.messages import MESSAGES
from sync.protocol import (
    API_PREFIX,
    API_VERSION,
    H_DEVICE,
    H_NONCE,
    H_SIGNATURE,
    H_TIMESTAMP,
    H_UPLOAD_COMPLETE,
    H_UPLOAD_LENGTH,
    H_UPLOAD_OFFSET,
    MAX_BODY_BYTES,
    MAX_CHUNK_BYTES,
    gunzip_limited,
)
from sync.server.attachments import AttachmentState
from sync.server.bundles import import_bundle
from sync.server.devices import Device
from sync.server.models import (
    AttachmentCreate,
    AuditAnchorRequest,
    EnrolRequest,
    NumberBlockRequest,
    PullQuery,
    PushRequest,
    RegistryQuery,
)
from sync.server.population import RateLimited
from sync.server.store import CentralStore

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

STATUS: dict[type[HotichError], int] = {
    e.BadRequestError: 400,
    e.RequestSignatureError: 401,
    e.StaleRequestError: 401,
    e.ReplayedRequestError: 401,
    e.UnknownDeviceError: 401,
    e.DeviceRevokedError: 403,
    e.EnrolmentCodeInvalidError: 403,
    e.OfficeMismatchError: 403,
    NotFoundError: 404,
    e.UploadOffsetMismatchError: 409,
    e.AttachmentTooLargeError: 413,
    e.AttachmentDigestError: 422,
    e.BundleInvalidError: 422,
    e.RateLimitedError: 429,
}
_CATALOGUE = merge([CORE, MESSAGES])


def error_response(exc: HotichError) -> JSONResponse:
    status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
    params = {k: v for k, v in exc.params.items() if isinstance(v, str | int | float | bool)}
    body = {"error": {"code": exc.code, "params": params,
                      "message": render(exc.code, params, catalogue=_CATALOGUE, lang="vi"),
                      "message_en": render(exc.code, params, catalogue=_CATALOGUE, lang="en")}}
    headers = {}
    if isinstance(exc, e.UploadOffsetMismatchError):
        headers[H_UPLOAD_OFFSET] = str(params.get("offset", 0))
    if isinstance(exc, e.RateLimitedError):
        headers["Retry-After"] = str(max(1, math.ceil(float(params.get("retry_after", 1)))))
    return JSONResponse(body, status_code=status, headers=headers)


def incident_response(incident: str) -> JSONResponse:
    params = {"incident": incident}
    return JSONResponse({"error": {
        "code": "E-INCIDENT", "params": params,
        "message": render("E-INCIDENT", params, catalogue=_CATALOGUE, lang="vi"),
        "message_en": render("E-INCIDENT", params, catalogue=_CATALOGUE, lang="en")}},
        status_code=500, headers={"Cache-Control": "no-store"})


class IncidentMiddleware:
    """An error no handler expected answers 500 with an incident id; its traceback goes to the
    server's log without messages (desktop_app.incidents). Nothing is re-raised: Starlette's
    catch-all would hand the exception on to uvicorn, which logs it again, message and all."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            # The route, not the URL: paths carry only ids and digests today, but a query
            # string could carry anything.
            route = getattr(scope.get("route"), "path", "unmatched route")
            incident = report_incident(exc, f"{scope.get('method', '?')} {route}", log)
            if not started:  # else the client sees a cut answer, which it retries safely
                await incident_response(incident)(scope, receive, send)


def _upload_headers(state: AttachmentState) -> dict[str, str]:
    return {H_UPLOAD_OFFSET: str(state.offset), H_UPLOAD_LENGTH: str(state.size),
            H_UPLOAD_COMPLETE: "?1" if state.complete else "?0",
            "Cache-Control": "no-store"}


async def _raw_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise e.BadRequestError(detail="body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(request: Request, raw: bytes) -> bytes:
    encoding = request.headers.get("content-encoding", "identity").lower().strip()
    if encoding == "gzip":
        return gunzip_limited(raw)
    if encoding not in ("", "identity"):
        raise e.BadRequestError(detail="unsupported Content-Encoding")
    return raw


def _parse(model: type[M], body: bytes) -> M:
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"]) if exc.errors() else "body"
        raise e.BadRequestError(detail=where or "body") from exc


def _signed_path(request: Request) -> str:
    raw_path = request.scope.get("raw_path") or request.url.path.encode("ascii")
    query = request.scope.get("query_string", b"")
    path = raw_path.decode("latin-1")
    return f"{path}?{query.decode('latin-1')}" if query else path


def create_app(store: CentralStore) -> FastAPI:
    app = FastAPI(title="Hộ Tịch Offline central sync", version=API_VERSION,
                  openapi_url=None, docs_url=None, redoc_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=512)
    app.state.store = store

    @app.exception_handler(HotichError)
    async def _typed(_request: Request, exc: HotichError) -> JSONResponse:
        return error_response(exc)

    app.add_middleware(IncidentMiddleware)  # last added: outside the gzip middleware too

    async def authed(request: Request) -> tuple[Device, bytes]:
        raw = await _raw_body(request)
        h = request.headers
        device = await run_in_threadpool(
            store.devices.authenticate, device_id=h.get(H_DEVICE, ""),
            timestamp=h.get(H_TIMESTAMP, ""), nonce=h.get(H_NONCE, ""),
            signature=h.get(H_SIGNATURE, ""), method=request.method, path=_signed_path(request),
            body=raw)
        return device, raw

    prefix = API_PREFIX

    @app.get(f"{prefix}/health")
    async def health() -> JSONResponse:
        now = store.db.now().astimezone(UTC).isoformat(timespec="seconds")
        return JSONResponse({"ok": True, "api_version": API_VERSION, "server_time": now})

    @app.post(f"{prefix}/enrolments")
    async def enrol(request: Request) -> JSONResponse:
        req = _parse(EnrolRequest, _decoded(request, await _raw_body(request)))
        device = await run_in_threadpool(store.devices.enrol, req.code, req.public_key,
                                         req.box_public_key, req.name, req.commune)
        caps = await run_in_threadpool(store.settings.capabilities)
        return JSONResponse({
            "device_id": device.device_id, "commune": device.commune,
            "server_signing_key": store.settings.keys.signing_public,
            "server_box_key": store.settings.keys.box_public,
            "server_time": store.db.now().astimezone(UTC).isoformat(timespec="seconds"),
            "capabilities": caps}, status_code=201)

    @app.get(f"{prefix}/capabilities")
    async def capabilities(request: Request) -> JSONResponse:
        await authed(request)
        return JSONResponse(await run_in_threadpool(store.settings.capabilities))

    @app.post(f"{prefix}/push")
    async def push(request: Request) -> JSONResponse:
        device, raw = await authed(request)
        req = _parse(PushRequest, _decoded(request, raw))
        results = await run_in_threadpool(store.intake.push, device, req.items)
        log.info("push batch %s: %d items", req.batch_id or "-", len(results))
        return JSONResponse({"batch_id": req.batch_id, "results": results})

    @app.post(f"{prefix}/attachments")
    async def create_attachment(request: Request) -> JSONResponse:
        device, raw = await authed(request)
        req = _parse(AttachmentCreate, _decoded(request, raw))
        state, created = await run_in_threadpool(store.attachments.create, device,
                                                 req.sha256, req.size, req.media_type)
        headers = {**_upload_headers(state), "Location": f"{prefix}/attachments/{state.sha256}"}
        return JSONResponse(state.to_json(), status_code=201 if created else 200,
                            headers=headers)

    async def _state(request: Request, sha256: str) -> AttachmentState:
        await authed(request)
        state = await run_in_threadpool(store.attachments.state, sha256)
        if state is None:
            raise NotFoundError(what="attachment", key=sha256)
        return state

    @app.head(f"{prefix}/attachments/{{sha256}}")
    async def attachment_head(request: Request, sha256: str) -> Response:
        state = await _state(request, sha256)
        return Response(status_code=200, headers=_upload_headers(state))

    @app.get(f"{prefix}/attachments/{{sha256}}")
    async def attachment_get(request: Request, sha256: str) -> JSONResponse:
        state = await _state(request, sha256)
        return JSONResponse(state.to_json(), headers=_upload_headers(state))

    @app.patch(f"{prefix}/attachments/{{sha256}}")
    async def attachment_patch(request: Request, sha256: str) -> JSONResponse:
        _device, raw = await authed(request)
        chunk = _decoded(request, raw)
        if len(chunk) > MAX_CHUNK_BYTES:
            raise e.AttachmentTooLargeError(size=len(chunk), limit=MAX_CHUNK_BYTES)
        try:
            offset = int(request.headers.get(H_UPLOAD_OFFSET, ""))
        except ValueError as exc:
            raise e.BadRequestError(detail=H_UPLOAD_OFFSET) from exc
        state = await run_in_threadpool(store.attachments.append_chunk, sha256, offset, chunk)
        return JSONResponse(state.to_json(), headers=_upload_headers(state))

    @app.get(f"{prefix}/changes")
    async def changes(request: Request) -> JSONResponse:
        device, _ = await authed(request)
        query = _pull_query(request)
        page = await run_in_threadpool(store.feed.changes, device.commune, query.since,
                                       query.limit)
        return JSONResponse(page)

    @app.post(f"{prefix}/number-blocks")
    async def number_blocks(request: Request) -> JSONResponse:
        device, raw = await authed(request)
        req = _parse(NumberBlockRequest, _decoded(request, raw))
        block = await run_in_threadpool(store.leases.lease, device, req.request_id,
                                        req.record_type, req.year, req.size,
                                        req.used_up_to)
        return JSONResponse(block)

    @app.post(f"{prefix}/audit-anchor")
    async def audit_anchor(request: Request) -> JSONResponse:
        device, raw = await authed(request)
        req = _parse(AuditAnchorRequest, _decoded(request, raw))
        rewritten = None if req.rewritten is None else (req.rewritten.seq, req.rewritten.hash)
        answer = await run_in_threadpool(store.anchors.anchor, device, req.seq, req.hash,
                                         rewritten)
        return JSONResponse(answer)

    @app.get(f"{prefix}/registry/persons")
    async def registry_persons(request: Request) -> JSONResponse:
        device, _ = await authed(request)
        try:
            query = RegistryQuery.model_validate(dict(request.query_params))
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"]) if exc.errors() else ""
            raise e.BadRequestError(detail=where or "query") from exc
        try:
            page = await run_in_threadpool(store.population.page, device.device_id,
                                           device.commune, query.event, query.year,
                                           query.after, query.limit)
        except RateLimited as exc:
            raise e.RateLimitedError(retry_after=round(exc.retry_after, 1)) from exc
        return JSONResponse(page, headers={"Cache-Control": "no-store"})

    @app.post(f"{prefix}/bundles")
    async def bundles(request: Request) -> Response:
        data = _decoded(request, await _raw_body(request))
        imported = await run_in_threadpool(import_bundle, store, data)
        return Response(imported.answer, media_type="application/octet-stream")

    return app


def _pull_query(request: Request) -> PullQuery:
    try:
        return PullQuery.model_validate(dict(request.query_params))
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"]) if exc.errors() else "query"
        raise e.BadRequestError(detail=where) from exc
