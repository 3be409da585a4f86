"""Operating-system helpers for processes that must not outlive or trample each other.

`FileLock`: an advisory lock on a file (`fcntl.flock`, released by the kernel when the process
dies; without `fcntl`, e.g. on Windows, locking is a no-op). `die_with_parent`: a `preexec_fn`
that makes the kernel signal a child process when its parent dies (Linux `PR_SET_PDEATHSIG`).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Callable

try:  # POSIX advisory locks; absent on Windows
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class FileLock:
    """An open lock file, shared or exclusive; `close()` (or process death) releases it.

    With `blocking=False`, a lock held by another process raises BlockingIOError at once. A shared
lock whose file cannot be opened for writing (a read-only folder) is taken on the file opened
read-only; OSError when it cannot be opened at all.
    """

    def __init__(self, file: Path, *, exclusive: bool, blocking: bool):
        self.file = file
        self.fd = -1
        try:
            self.fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            if exclusive:
                raise
            self.fd = os.open(file, os.O_RDONLY)  # a shared lock on a read-only folder's existing file
        if fcntl is not None:
            flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if blocking else fcntl.LOCK_NB)
            try:
                fcntl.flock(self.fd, flags)
            except BlockingIOError:
                os.close(self.fd)
                self.fd = -1
                raise

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self):  # pragma: no cover - best effort
        self.close()


def die_with_parent(sig: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A `preexec_fn` for `subprocess.Popen`: the child receives `sig` when this process dies, even by
    SIGKILL, and exits at once if this process is already gone. None (no such hook) off Linux."""
    if not sys.platform.startswith("linux"):
        return None
    parent = os.getpid()

    def setup() -> None:  # pragma: no cover - runs in the child between fork and exec
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(sig))
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(0)

    return setup
