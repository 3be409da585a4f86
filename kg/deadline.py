"""Run a function in a forked child process and stop it at a deadline.

pyoxigraph has no query timeout of its own, and a long ORDER BY or aggregate cannot be interrupted
from Python; a child process can be killed. The function's return value must be picklable (e.g.
the serialised answer, bytes).
"""

from __future__ import annotations

from typing import Any, Callable

from kg.errors import KgError, UsageError


def _child(conn, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    try:
        conn.send(("ok", fn(*args, **kwargs)))
    except KgError as e:
        conn.send(("error", str(e)))
    except Exception as e:  # noqa: BLE001 - reported to the parent, which raises UsageError
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def call_with_deadline(timeout_s: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` in a forked child; its return value, or UsageError when it runs longer
    than `timeout_s` seconds (the child is killed), fails (the error's message), or dies."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args, kwargs), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise UsageError(f"the query ran longer than {timeout_s:g} s and was stopped (--timeout)")
        status, payload = receiver.recv()
    except EOFError:
        raise UsageError("the query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status != "ok":
        raise UsageError(payload)
    return payload
