"""Run a function in a forked child process and stop it at a deadline.

pyoxigraph has no query timeout (nor memory bound) of its own, and a long ORDER BY or aggregate
cannot be interrupted from Python; a child process can be killed. The function's return value
must be picklable (e.g. the rendered answer, str or bytes). Built on `os.fork` and a pipe rather
than `multiprocessing`, whose import alone costs about 50 ms of every command's start-up.
"""

from __future__ import annotations

from typing import Any, Callable

from kg.errors import KgError, UsageError


def _child(write_fd: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    """In the child: run `fn`, write ("ok", value) or ("error", message) pickled to `write_fd`, exit."""
    import os
    import pickle

    try:
        try:
            payload = ("ok", fn(*args, **kwargs))
        except KgError as e:
            payload = ("error", str(e))
        except BaseException as e:  # noqa: BLE001 - reported to the parent, which raises UsageError
            payload = ("error", f"{type(e).__name__}: {e}")
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view):]
    finally:
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers


def call_with_deadline(timeout_s: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` in a forked child; its return value, or UsageError when the answer has
    not fully arrived after `timeout_s` seconds (the child is killed with SIGKILL), when `fn` raises
    (its message), or when the child dies (e.g. killed for lack of memory)."""
    import os
    import pickle
    import select
    import signal
    import time

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its result is what the tests see
        os.close(read_fd)
        _child(write_fd, fn, args, kwargs)
    os.close(write_fd)
    deadline = time.monotonic() + timeout_s
    chunks: list[bytes] = []
    status = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_fd], [], [], left)[0]:
                raise UsageError(f"the query ran longer than {timeout_s:g} s and was stopped (the --timeout bound); "
                                 "raise it with --timeout SECONDS, or --timeout 0 for none")
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # pragma: no cover - already reaped elsewhere
            pass
        status = os.waitpid(pid, 0)[1]
    if not chunks:
        died = f" (signal {os.WTERMSIG(status)})" if status is not None and os.WIFSIGNALED(status) else ""
        raise UsageError(f"the query process ended without an answer{died}")
    state, payload = pickle.loads(b"".join(chunks))
    if state != "ok":
        raise UsageError(payload)
    return payload
