"""Running the web app: one uvicorn process on a socket bound first, stopped cleanly by Ctrl-C.

The socket is bound before anything is printed, so a busy port fails at once with one line
(UsageError, exit 2). The Host header must name the bound address (for a loopback address also
`localhost`, `127.0.0.1` or `::1`); other requests get HTTP 400, which stops DNS-rebinding pages
from reading the app. SIGINT and SIGTERM stop the server gracefully and `serve` returns (exit 0).
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path
from typing import Callable

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ANY_ADDRESS = {"0.0.0.0", "::"}


def allowed_hosts(host: str) -> list[str]:
    """Host header values (without port) the app answers when bound to `host`."""
    if host in ANY_ADDRESS:
        return ["*"]
    if host in LOOPBACK:
        return ["127.0.0.1", "localhost", "[::1]", "::1"]
    return [host, f"[{host}]"] if ":" in host else [host]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port; UsageError (one line) when the port is taken or the
    address cannot be bound."""
    from kg.errors import UsageError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        what = "the port is in use" if e.errno in (98, 48, 10048) else (e.strerror or str(e))
        raise UsageError(f"cannot serve on {url(host, port)}: {what}; pick another with --port") from None
    sock.set_inheritable(True)
    return sock


def url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(*, store: Path, host: str, port: int, timeout_s: float, max_bytes: int,
          banner: Callable[[str], None]) -> None:
    """Serve the app for the store folder `store` on host:port until SIGINT/SIGTERM; `banner(base)`
    is called with the base URL once the app has started. Raises UsageError for a busy port or a
    missing store."""
    import uvicorn

    from kg.web.app import create_app

    sock = bind(host, port)
    try:
        app = create_app(store=store, allowed_hosts=allowed_hosts(host), timeout_s=timeout_s, max_bytes=max_bytes)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                                timeout_graceful_shutdown=5)
        server = _Server(config, lambda: banner(url(host, port)))
        server.run(sockets=[sock])
    finally:
        sock.close()


def _server_class():
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, announcing itself once started and not re-raising the stop signal."""

        def __init__(self, config, started: Callable[[], None]):
            super().__init__(config)
            self._started = started

        async def startup(self, sockets=None):
            await super().startup(sockets=sockets)
            if not self.should_exit:
                self._started()

        @contextlib.contextmanager
        def capture_signals(self):
            import signal

            original = {s: signal.signal(s, self.handle_exit) for s in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for s, h in original.items():
                    signal.signal(s, h)

    return Server


def _Server(config, started):  # noqa: N802 - builds the uvicorn.Server subclass lazily (heavy import)
    return _server_class()(config, started)
