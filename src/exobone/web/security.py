"""Access token, CSRF protection and security headers, as one ASGI-level middleware.

- With a token configured every request needs it: `Authorization: Bearer T`, or the `token`
  cookie that visiting `/?token=T` sets (HttpOnly, SameSite=Strict).
  Curators may have tokens of their own (`--curator-tokens FILE`): each is let in like
  the token, and the curations made with it are recorded under its curator's name.
- Writes (POST, PUT, PATCH, DELETE) are refused when the browser says they come from another
  site (`Origin` or `Sec-Fetch-Site`); HTML forms also carry a token that must equal the
  `csrf` cookie (double submit), and JSON API writes must be `application/json`, which a
  cross-site form cannot send (uploads: multipart with an `X-Requested-By` header).
- A server bound to loopback answers only requests whose `Host` names it (loopback names,
  the bound address, `--allow-host` names): a page of another site whose name was rebound
  to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
- Every response gets a CSP without remote origins, nosniff, no framing and no referrer.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse

log = logging.getLogger(__name__)
CSRF_COOKIE = "csrf"
TOKEN_COOKIE = "token"
# A curator's name, as recorded with each curation.
CURATOR_NAME = re.compile(r"^[\w .@+-]{1,64}$")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

Next = Callable[[Request], Awaitable[Response]]


def is_loopback(host: str) -> bool:
    """True for localhost and addresses of 127.0.0.0/8 and ::1."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The host names a request may name in `Host`; None (any) when the server is bound
    off loopback without an allow-list, where the token keeps other sites out."""
    names = {_host_name(name) for name in extra if name.strip()}
    if is_loopback(bound):
        names |= LOOPBACK_NAMES | {_host_name(bound)}
    return frozenset(names) or None


def _host_name(host: str) -> str:
    """`Host` header value without its port, brackets and case: `[::1]:8000` -> `::1`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":")[0]
    return host


def check_token(token: str | None) -> str | None:
    """The token, or None when unset; ValueError for one that is blank or has spaces at
    its ends (a space would pass as the token `Bearer  ` strips to nothing)."""
    if token is None or token == "":
        return None
    if not token.strip() or token != token.strip():
        raise ValueError("the token is blank or has spaces at its ends")
    return token


# Bidi embeddings, overrides, isolates and marks: in a title they can make text read
# differently from what it is ("Trojan Source"); display drops them.
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def without_bidi(value: object) -> object:
    """Text (also escaped Markup, which stays Markup) without bidi controls; the Jinja
    `finalize` of every page, so every displayed value passes here."""
    return value.translate(_BIDI_CONTROLS) if isinstance(value, str) else value


def display_json(obj: object, **options: Any) -> str:
    """JSON for `<script type="application/json">` blocks (`tojson`), without bidi controls:
    written with real characters so that they can be dropped, not as `\\u202e` escapes."""
    options["ensure_ascii"] = False
    return json.dumps(obj, **options).translate(_BIDI_CONTROLS)


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (its cookie), or a new one the response will set."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return str(token)


def check_form_csrf(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and submitted and hmac.compare_digest(cookie, submitted))


def _same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site.

    Clients without these headers (curl, scripts) pass; they cannot carry a victim's
    cookies anyway. An opaque `Origin: null` counts only with `Sec-Fetch-Site` vouching.
    """
    site = request.headers.get("sec-fetch-site")
    if site and site not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("origin")
    if origin == "null":
        return site == "same-origin"
    if origin:
        return urlsplit(origin).netloc == request.headers.get("host", "")
    return True


def _given_token(request: Request) -> str:
    given = ""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return given or request.cookies.get(TOKEN_COOKIE, "")


def _matching(given: str, tokens: Mapping[str, str | None]) -> str | None:
    """The token of `tokens` that `given` is (each compared in constant time), or None."""
    found = None
    for token in tokens:
        if given and hmac.compare_digest(given.encode(), token.encode()):
            found = token
    return found


def read_curator_tokens(path: Path) -> dict[str, str]:
    """Curators' tokens from a file of `NAME TOKEN` lines (the token is the last word; `#`
    starts a comment) as {token: name}; ValueError naming the file and line."""
    tokens: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        name, _, token = text.rpartition(" ")
        name = name.strip()
        if not name or not CURATOR_NAME.match(name):
            raise ValueError(
                f"{path}:{number}: write NAME TOKEN (a name of letters, digits, . @ + -)"
            )
        if token in tokens:
            raise ValueError(f"{path}:{number}: the token of {name} is also {tokens[token]}'s")
        tokens[check_token(token) or ""] = name
    if not tokens:
        raise ValueError(f"{path}: no NAME TOKEN line")
    return tokens


def middleware(
    token: str | None,
    max_body: int,
    hosts: frozenset[str] | None = None,
    curators: Mapping[str, str] | None = None,
) -> Callable[[Request, Next], Awaitable[Response]]:
    """The guard; `max_body` bytes is the largest request body accepted (uploads); `hosts`
    the `Host` names answered (None: any); `curators` maps more tokens to the curator each
    names (`request.state.curator`: what that request's curations are recorded under)."""
    tokens: dict[str, str | None] = {**(curators or {}), **({token: None} if token else {})}

    async def guard(request: Request, call_next: Next) -> Response:
        try:
            host = request.headers.get("host", "")
            if hosts is not None and _host_name(host) not in hosts:
                response = _refuse(
                    request, 421, f"this server does not answer to Host {host[:100]!r}"
                )
            else:
                response = await _guarded(request, call_next, tokens, max_body)
        except Exception:  # a bug: answered here so that the 500 carries the headers too
            log.exception("%s %s failed", request.method, request.url.path)
            response = _refuse(request, 500, "internal error; the server log has the details")
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        new = getattr(request.state, "new_csrf", None)
        if new:
            response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")
        return response

    return guard


async def _guarded(
    request: Request, call_next: Next, tokens: Mapping[str, str | None], max_body: int
) -> Response:
    if tokens:
        given = request.query_params.get("token")
        if given is not None and request.method == "GET":
            token = _matching(given, tokens)
            if token is None:
                return PlainTextResponse("wrong token", status_code=401)
            # Trade the token in the URL for a cookie, and drop it from the address bar.
            target = request.url.remove_query_params("token")
            response = RedirectResponse(str(target.path) + _query(str(target.query)), 303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        token = _matching(_given_token(request), tokens)
        if token is None:
            return _refuse(request, 401, "this server needs a token: Authorization: Bearer T")
        request.state.curator = tokens[token]
    if request.method in UNSAFE:
        length = request.headers.get("content-length", "")
        if "transfer-encoding" in request.headers:
            # A body of undeclared size was spooled whole (977 MB) before any limit applied;
            # with Content-Length the server reads no more than declared.
            return _refuse(request, 411, "send the request with a Content-Length")
        if length.isdigit() and int(length) > max_body:
            limit = f"{max_body / 1048576:.0f} MB"
            return _refuse(request, 413, f"request larger than the upload limit ({limit})")
        if not _same_origin(request):
            return _refuse(request, 403, "cross-site request refused")
        if request.url.path.startswith("/api/") and not _json_or_upload(request):
            return _refuse(
                request, 415, "API writes must be application/json (uploads: X-Requested-By)"
            )
    return await call_next(request)


def _json_or_upload(request: Request) -> bool:
    """JSON, or a multipart upload with an `X-Requested-By` header: both need a CORS
    preflight from another site, which this server never grants."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return True
    return kind == "multipart/form-data" and bool(request.headers.get("x-requested-by"))


def _query(query: str) -> str:
    return f"?{query}" if query else ""


def _refuse(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)
