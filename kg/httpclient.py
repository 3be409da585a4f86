"""HTTP for the SPARQL protocols: one httpx client per server, credentials only where the user pointed.

Credentials come from `KG_ENDPOINT_USER` and `KG_ENDPOINT_PASSWORD`, never from the command line
or a URL, and never appear in messages. They are sent only in answer to a server's challenge
(HTTP 401 with `WWW-Authenticate: Basic` or `Digest`), and only to the scheme, host and port of a
URL the user gave. Redirects are never followed on writes, and on reads only within those origins:
a redirect anywhere else is an error that names the target, so nothing (not even a query) is sent
to a host or port the user did not name.

`KG_ENDPOINT_TIMEOUT` (seconds, default 300) bounds each request: connecting, each wait for data,
and the whole answer. A body shorter than its `Content-Length` is an error.
"""

from __future__ import annotations

import os
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from kg.errors import KgError, UsageError

USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
TIMEOUT_ENV = "KG_ENDPOINT_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
MAX_REDIRECTS = 5
ERROR_TEXT_CHARS = 400  # of a server's error page, quoted in the message (Virtuoso quotes the whole query)
# Loopback addresses never go through a proxy configured in the environment.
_DIRECT = {"all://127.0.0.1": None, "all://localhost": None, "all://[::1]": None}


class RemoteError(KgError):
    """The server could not be reached, refused a request, or sent a body that does not parse;
    `status` is the HTTP status of a refusal (None otherwise)."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


def credentials() -> tuple[str, str] | None:
    """(user, password) from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD, or None without a user."""
    user = os.environ.get(USER_ENV)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_ENV, "")


def timeout_seconds() -> float:
    """KG_ENDPOINT_TIMEOUT in seconds (default 300); UsageError when it is not a positive number."""
    raw = os.environ.get(TIMEOUT_ENV)
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        value = -1.0
    if value <= 0:
        raise UsageError(f"{TIMEOUT_ENV}={raw!r} is not a positive number of seconds")
    return value


def safe(url: str) -> str:
    """A URL with any user:password removed, for messages."""
    parts = urllib.parse.urlsplit(str(url))
    if parts.username or parts.password:
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


def origin(url: str | httpx.URL) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, the port filled in from the scheme."""
    u = httpx.URL(str(url))
    return u.scheme, u.host, u.port or (443 if u.scheme == "https" else 80)


def check_url(url: str) -> str:
    """`url` itself; UsageError when it is not http(s), does not parse (`http://[::1`, a port that is
    no number from 0 to 65535) or carries credentials."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # raises ValueError for a port that is no number or out of range
    except ValueError as e:
        raise UsageError(f"{url!r}: not a valid URL ({e})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{safe(url)}: not an http(s) URL")
    if parts.username or parts.password:
        raise UsageError(f"{safe(url)}: put credentials in {USER_ENV} and {PASSWORD_ENV}, not in the URL")
    return url


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status code, media type (lower case, without parameters), the whole body and
    the `Server` header (RFC 9110 section 10.2.4; "" when absent)."""

    status: int
    content_type: str
    body: bytes
    server: str = ""


class FileBody:
    """A file sent as a request body in chunks; iterable again, so a request can be repeated after
    an authentication challenge without holding the file in memory."""

    def __init__(self, path: Path):
        self.path = path
        self.size = path.stat().st_size

    def __iter__(self) -> Iterator[bytes]:
        with open(self.path, "rb") as f:
            while chunk := f.read(1 << 16):
                yield chunk


class ChallengeAuth(httpx.Auth):
    """Sends the user's credentials in answer to a 401 challenge: HTTP Digest (through httpx's
    DigestAuth, which then reuses the server's nonce) or HTTP Basic (then sent up front)."""

    def __init__(self, user: str, password: str):
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request):
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        digest = self._digest.auth_flow(request)
        response = yield next(digest)
        while True:
            challenge = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
            if response.status_code == 401 and challenge == "basic":
                self._scheme = "basic"
                yield from self._basic.auth_flow(request)
                return
            try:
                following = digest.send(response)
            except StopIteration:
                return
            response = yield following


class Http:
    """An httpx client for the URLs of one server (`origins`: the scheme/host/port pairs the
    credentials and redirects may go to)."""

    def __init__(self, *urls: str, timeout: float | None = None):
        self.origins = {origin(u) for u in urls}
        creds = credentials()
        self.auth = ChallengeAuth(*creds) if creds else None
        self.timeout = timeout or timeout_seconds()
        self.client = httpx.Client(follow_redirects=False, timeout=httpx.Timeout(self.timeout), mounts=_DIRECT)

    def request(self, method: str, url: str, *, content: bytes | Iterable[bytes] | None = None,
                headers: dict[str, str] | None = None, write: bool = False) -> Response:
        """One request; follows redirects only on reads and only within `origins`. Raises
        RemoteError for a non-2xx answer (status and the server's text), a redirect it does not
        follow, a timeout, an answer cut short, or a server it cannot reach."""
        where = f"{method} {safe(url)}"
        deadline = time.monotonic() + self.timeout
        req = self.client.build_request(method, url, content=content, headers=headers)
        for _ in range(MAX_REDIRECTS + 1):
            status, ctype, body, target, server = self._send(req, where, deadline)
            if target is None:
                if not 200 <= status < 300:
                    raise RemoteError(_status_message(where, status, body), status=status)
                return Response(status, ctype, body, server)
            if write:
                raise RemoteError(
                    f"{where}: the server redirects to {safe(str(target.url))} (HTTP {status}); kg does not "
                    "follow redirects on writes: give the final URL if that is the right server")
            if origin(target.url) not in self.origins:
                raise RemoteError(
                    f"{where}: the server redirects to another host or port, {safe(str(target.url))} "
                    f"(HTTP {status}); kg sends nothing there: give that URL if you trust it")
            req = target
        raise RemoteError(f"{where}: more than {MAX_REDIRECTS} redirects")

    def _send(self, req: httpx.Request, where: str, deadline: float):
        """(status, media type, body, the redirect request or None, Server header) of one exchange."""
        auth = self.auth if origin(req.url) in self.origins else None
        try:
            resp = self.client.send(req, auth=auth, stream=True)
            try:
                chunks = []
                for chunk in resp.iter_bytes():
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("the answer was still arriving")
            finally:
                resp.close()
        except httpx.TimeoutException:
            raise RemoteError(f"{where}: no complete answer within {self.timeout:g} s "
                              f"(set {TIMEOUT_ENV} to wait longer)") from None
        except (httpx.RemoteProtocolError, httpx.DecodingError) as e:
            raise RemoteError(f"{where}: the answer was cut short or malformed: {e}") from None
        except httpx.HTTPError as e:
            raise RemoteError(f"{where}: cannot reach the server: {e}") from None
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        target = resp.next_request if resp.is_redirect else None
        return resp.status_code, ctype, b"".join(chunks), target, resp.headers.get("server", "")

    def close(self) -> None:
        self.client.close()


def _status_message(where: str, status: int, body: bytes) -> str:
    text = " ".join(body[:ERROR_TEXT_CHARS * 4].decode("utf-8", "replace").split())
    if len(text) > ERROR_TEXT_CHARS:
        text = text[:ERROR_TEXT_CHARS] + " …"
    message = f"{where}: HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip()
    if status == 401:
        message += f" (set {USER_ENV} and {PASSWORD_ENV}; HTTP Basic and Digest are spoken)"
    return message + (f": {text}" if text else "")
