"""Run a function in a forked child process, stopped at a deadline and bounded in memory.

pyoxigraph has no query timeout and no memory bound of its own, and a long ORDER BY or aggregate
cannot be interrupted from Python; a child process can be killed, and its data segment limited
(RLIMIT_DATA, Linux ≥ 4.7 counts the heap and private mappings: an allocation beyond it fails,
and Rust then aborts the child). The function's return value must be picklable (e.g. the
rendered answer, str or bytes). Built on `os.fork` and a pipe rather than `multiprocessing`,
whose import alone costs about 50 ms of every command's start-up.
"""

from __future__ import annotations

from typing import Any, Callable

from kg.errors import KgError, UsageError


def _memory_message(memory_mb: int) -> str:
    return (f"the query needed more than {memory_mb} MiB and was stopped (the --memory-mb bound); "
            "raise it with --memory-mb MIB, or --memory-mb 0 for none")


def _limit_memory(memory_mb: int) -> None:
    """In the child: allow `memory_mb` MiB of data segment beyond what it uses now; Rust's "memory
    allocation failed" message, written just before it aborts, goes to /dev/null, and no Python
    fault handler reports the abort."""
    import faulthandler
    import os
    import resource

    faulthandler.disable()

    with open("/proc/self/status", encoding="ascii") as f:
        used_kb = next((int(line.split()[1]) for line in f if line.startswith("VmData:")), 0)
    resource.setrlimit(resource.RLIMIT_DATA, (used_kb * 1024 + memory_mb * 2**20, resource.RLIM_INFINITY))
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def _child(write_fd: int, memory_mb: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    """In the child: run `fn`, write ("ok", value) or ("error", message) pickled to `write_fd`, exit."""
    import os
    import pickle

    try:
        try:
            if memory_mb:
                _limit_memory(memory_mb)
            payload = ("ok", fn(*args, **kwargs))
        except MemoryError:
            payload = ("error", _memory_message(memory_mb))
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


def call_with_deadline(timeout_s: float | None, fn: Callable[..., Any], *args: Any, memory_mb: int = 0,
                       **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` in a forked child; its return value, or UsageError when the answer has
    not fully arrived after `timeout_s` seconds (None: no deadline; the child is killed with
    SIGKILL), when it needs more than `memory_mb` MiB beyond its start (0: no bound), when `fn`
    raises (its message), or when the child dies."""
    import os
    import pickle
    import select
    import signal
    import time

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its result is what the tests see
        os.close(read_fd)
        _child(write_fd, memory_mb, fn, args, kwargs)
    os.close(write_fd)
    deadline = time.monotonic() + timeout_s if timeout_s else float("inf")
    chunks: list[bytes] = []
    status = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_fd], [], [], None if left == float("inf") else left)[0]:
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
        signalled = status is not None and os.WIFSIGNALED(status)
        if memory_mb and signalled and os.WTERMSIG(status) == signal.SIGABRT:
            raise UsageError(_memory_message(memory_mb))
        died = f" (signal {os.WTERMSIG(status)})" if signalled else ""
        raise UsageError(f"the query process ended without an answer{died}")
    state, payload = pickle.loads(b"".join(chunks))
    if state != "ok":
        raise UsageError(payload)
    return payload
